/* byline-notes-panel-passages.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The noted passages in the body: marked with a tag while their threads are
 * open, found again under the pointer, selected when a card asks. The
 * anchors count characters of the body as stored; between saves they are
 * followed through the edits with the store's own rules (byline-notes.h). */

#define G_LOG_DOMAIN "byline-notes-panel"

#include "config.h"

#include "byline-diff.h"
#include "byline-notes.h"
#include "byline-notes-panel-private.h"
#include "byline-review.h"

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, BYLINE_NOTE_TAG_NAME);

  if (tag == NULL)
    {
      /* A translucent yellow reads as a marker pen on light and dark. */
      GdkRGBA background = { 0.96, 0.78, 0.07, 0.30 };
      GdkRGBA underline = { 0.90, 0.62, 0.02, 0.90 };

      tag = gtk_text_buffer_create_tag (buffer, BYLINE_NOTE_TAG_NAME,
                                        "background-rgba", &background,
                                        "underline", PANGO_UNDERLINE_SINGLE,
                                        "underline-rgba", &underline,
                                        NULL);
    }

  return tag;
}

typedef struct
{
  gint64 thread_id;
  int    start;
  int    end;
} Range;

/* The passages of the open threads in characters of the buffer as it is
 * now: the anchors count characters of the stored body, so edits not saved
 * yet are followed with the same rules the store uses. */
static GArray *
dup_buffer_ranges (BylineNotesPanel *self)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *text = NULL;
  int n_chars;

  if (self->buffer == NULL || self->notes == NULL)
    return g_steal_pointer (&ranges);

  text = dup_buffer_text (self->buffer);
  n_chars = gtk_text_buffer_get_char_count (self->buffer);
  if (self->stored_body != NULL && g_strcmp0 (self->stored_body, text) != 0)
    ops = byline_diff_words (self->stored_body, text);

  for (guint i = 0; i < self->notes->len; i++)
    {
      BylineNote *note = g_ptr_array_index (self->notes, i);
      Range range = { byline_note_get_id (note), byline_note_get_start (note), byline_note_get_end (note) };

      if (byline_note_get_parent_id (note) != 0 || byline_note_get_resolved (note) != 0 ||
          range.start < 0)
        continue;

      if (ops != NULL &&
          !byline_notes_reanchor_with_diff (ops, self->stored_body, text, range.start, range.end,
                                            byline_note_get_anchor_text (note),
                                            &range.start, &range.end))
        continue;

      range.start = CLAMP (range.start, 0, n_chars);
      range.end = CLAMP (range.end, 0, n_chars);
      if (range.start < range.end)
        g_array_append_val (ranges, range);
    }

  return g_steal_pointer (&ranges);
}

/* Tags only: no text changes, so nothing is marked as edited. */
void
_byline_notes_panel_clear_highlights (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               BYLINE_NOTE_TAG_NAME);
  GtkTextIter start;
  GtkTextIter end;

  if (tag == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

void
_byline_notes_panel_apply_highlights (BylineNotesPanel *self)
{
  g_autoptr(GArray) ranges = NULL;
  GtkTextTag *tag;

  if (self->buffer == NULL)
    return;

  _byline_notes_panel_clear_highlights (self->buffer);
  if (self->article == NULL)
    return;

  tag = ensure_tag (self->buffer);
  ranges = dup_buffer_ranges (self);
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
    }
}

gboolean
_byline_notes_panel_select_passage (BylineNotesPanel *self,
                                    gint64            thread_id)
{
  g_autoptr(GArray) ranges = dup_buffer_ranges (self);

  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);

      if (range->thread_id == thread_id)
        {
          GtkTextIter start;
          GtkTextIter end;

          gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
          gtk_text_buffer_select_range (self->buffer, &start, &end);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
byline_notes_panel_find_thread_at (BylineNotesPanel *self,
                                   int               offset)
{
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (BYLINE_IS_NOTES_PANEL (self), 0);

  ranges = dup_buffer_ranges (self);
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);

      if (offset >= range->start && offset < range->end)
        return range->thread_id;
    }

  return 0;
}
