/* byline-note.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-note"

#include "config.h"

#include "byline-review-private.h"

struct _BylineNote
{
  GObject  parent_instance;

  gint64   id;
  gint64   article_id;
  gint64   parent_id;
  char    *author;
  gint64   created;
  char    *text;
  int      start;
  int      end;
  char    *anchor_text;
  gint64   resolved;
};

G_DEFINE_FINAL_TYPE (BylineNote, byline_note, G_TYPE_OBJECT)

static void
byline_note_finalize (GObject *object)
{
  BylineNote *self = (BylineNote *)object;

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->anchor_text, g_free);

  G_OBJECT_CLASS (byline_note_parent_class)->finalize (object);
}

static void
byline_note_class_init (BylineNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_note_finalize;
}

static void
byline_note_init (BylineNote *self)
{
  self->start = -1;
  self->end = -1;
}

gint64
byline_note_get_id (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->id;
}

gint64
byline_note_get_article_id (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->article_id;
}

gint64
byline_note_get_parent_id (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->parent_id;
}

const char *
byline_note_get_author (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), NULL);
  return self->author;
}

gint64
byline_note_get_created (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->created;
}

const char *
byline_note_get_text (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), NULL);
  return self->text;
}

int
byline_note_get_start (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), -1);
  return self->start;
}

int
byline_note_get_end (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), -1);
  return self->end;
}

const char *
byline_note_get_anchor_text (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), NULL);
  return self->anchor_text;
}

gint64
byline_note_get_resolved (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->resolved;
}

BylineNote *
_byline_note_new (gint64      id,
                  gint64      article_id,
                  gint64      parent_id,
                  const char *author,
                  gint64      created,
                  const char *text,
                  int         start,
                  int         end,
                  const char *anchor_text,
                  gint64      resolved)
{
  BylineNote *self = g_object_new (BYLINE_TYPE_NOTE, NULL);

  self->id = id;
  self->article_id = article_id;
  self->parent_id = parent_id;
  self->author = g_strdup (author != NULL ? author : "");
  self->created = created;
  self->text = g_strdup (text != NULL ? text : "");
  if (start >= 0 && end > start)
    {
      self->start = start;
      self->end = end;
    }
  self->anchor_text = g_strdup (anchor_text != NULL ? anchor_text : "");
  self->resolved = resolved;

  return self;
}
