/* byline-revision.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-revision"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-review-private.h"

struct _BylineRevision
{
  GObject               parent_instance;

  gint64                id;
  gint64                article_id;
  gint64                created;
  char                 *author;
  BylineStatus          status;
  BylineRevisionReason  reason;
  guint                 words_added;
  guint                 words_removed;
  BylineArticle        *article;
};

G_DEFINE_FINAL_TYPE (BylineRevision, byline_revision, G_TYPE_OBJECT)

static void
byline_revision_finalize (GObject *object)
{
  BylineRevision *self = (BylineRevision *)object;

  g_clear_pointer (&self->author, g_free);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (byline_revision_parent_class)->finalize (object);
}

static void
byline_revision_class_init (BylineRevisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_revision_finalize;
}

static void
byline_revision_init (BylineRevision *self)
{
}

gint64
byline_revision_get_id (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->id;
}

gint64
byline_revision_get_article_id (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->article_id;
}

gint64
byline_revision_get_created (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->created;
}

const char *
byline_revision_get_author (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), NULL);
  return self->author;
}

BylineStatus
byline_revision_get_status (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

BylineRevisionReason
byline_revision_get_reason (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), BYLINE_REVISION_AUTO);
  return self->reason;
}

guint
byline_revision_get_words_added (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->words_added;
}

guint
byline_revision_get_words_removed (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->words_removed;
}

/**
 * byline_revision_get_article:
 * @self: a revision
 *
 * Returns: (transfer none): the article as it was in this revision
 */
BylineArticle *
byline_revision_get_article (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), NULL);
  return self->article;
}

static const char * const reason_names[] = {
  [BYLINE_REVISION_STATE] = "state",
  [BYLINE_REVISION_MANUAL] = "manual",
  [BYLINE_REVISION_AUTO] = "auto",
  [BYLINE_REVISION_RESTORE] = "restore",
};

const char *
byline_revision_reason_to_string (BylineRevisionReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), "auto");
  return reason_names[reason];
}

const char *
byline_revision_reason_get_label (BylineRevisionReason reason)
{
  switch (reason)
    {
    case BYLINE_REVISION_STATE:
      return _("State changed");
    case BYLINE_REVISION_MANUAL:
      return _("Saved");
    case BYLINE_REVISION_AUTO:
      return _("Automatic");
    case BYLINE_REVISION_RESTORE:
      return _("Restored");
    default:
      g_return_val_if_reached ("");
    }
}

BylineRevisionReason
_byline_revision_reason_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      if (g_strcmp0 (text, reason_names[i]) == 0)
        return i;
    }

  return BYLINE_REVISION_AUTO;
}

BylineRevision *
_byline_revision_new (gint64                article_id,
                      gint64                created,
                      const char           *author,
                      BylineStatus          status,
                      BylineRevisionReason  reason,
                      guint                 words_added,
                      guint                 words_removed,
                      BylineArticle        *article)
{
  BylineRevision *self = g_object_new (BYLINE_TYPE_REVISION, NULL);

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), self);

  self->article_id = article_id;
  self->created = created;
  self->author = g_strdup (author != NULL ? author : "");
  self->status = status;
  self->reason = reason;
  self->words_added = words_added;
  self->words_removed = words_removed;
  self->article = article;

  /* What the revision shows: its own state and time, and no pins. */
  byline_article_set_id (article, article_id);
  byline_article_clear_pins (article);
  byline_article_set_status (article, status);
  byline_article_set_updated (article, created);

  return self;
}

void
_byline_revision_set_id (BylineRevision *self,
                         gint64          id)
{
  g_return_if_fail (BYLINE_IS_REVISION (self));
  self->id = id;
}
