/* byline-notes.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-notes"

#include "config.h"

#include <string.h>

#include "byline-diff.h"
#include "byline-notes.h"

/**
 * byline_notes_dup_passage:
 * @body: (nullable): an article body
 * @start: first character
 * @end: character after the last
 *
 * Returns: (transfer full) (nullable): the passage, or %NULL when the range
 *   is empty or past the end of @body
 */
char *
byline_notes_dup_passage (const char *body,
                          int         start,
                          int         end)
{
  glong length;
  const char *from;
  const char *to;

  if (body == NULL || start < 0 || end <= start || !g_utf8_validate (body, -1, NULL))
    return NULL;

  length = g_utf8_strlen (body, -1);
  if (end > length)
    return NULL;

  from = g_utf8_offset_to_pointer (body, start);
  to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
}

/* Where each occurrence of @needle in @haystack starts, in characters. */
static GArray *
find_all (const char *haystack,
          const char *needle)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (int));
  gsize needle_len = strlen (needle);
  const char *p = haystack;
  const char *counted = haystack;
  int offset = 0;

  if (needle_len == 0)
    return found;

  while ((p = strstr (p, needle)) != NULL)
    {
      offset += g_utf8_pointer_to_offset (counted, p);
      counted = p;
      g_array_append_val (found, offset);
      p = g_utf8_next_char (p);
    }

  return found;
}

/* The passage @text, if some insertion of @ops carries it (a paragraph cut
 * and pasted elsewhere): its new start nearest to @near, or -1. */
static int
find_in_insertions (GPtrArray  *ops,
                    const char *text,
                    int         near)
{
  int best = -1;

  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);
      g_autoptr(GArray) found = NULL;

      if (op->kind != BYLINE_DIFF_INSERT)
        continue;

      found = find_all (op->text, text);
      for (guint j = 0; j < found->len; j++)
        {
          int start = (int) op->new_offset + g_array_index (found, int, j);

          if (best < 0 || ABS (start - near) < ABS (best - near))
            best = start;
        }
    }

  return best;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_range (int  start,
           int  end,
           int *new_start,
           int *new_end)
{
  *new_start = start;
  *new_end = end;
  return start >= 0;
}

/* Follows [@start, @end) of the old text through @ops; FALSE when nothing
 * of it is left (*new_start is then where it was). */
static gboolean
map_range (GPtrArray *ops,
           int        start,
           int        end,
           int       *new_start,
           int       *new_end)
{
  int last = end - 1;
  int mapped_start = -1;
  int mapped_end = -1;
  gboolean end_in_deletion = FALSE;

  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);
      int op_start = (int) op->old_offset;
      int op_end = op_start + (int) op->n_chars;

      if (op->kind == BYLINE_DIFF_INSERT)
        {
          /* Text that replaced the passage's last words belongs to it. */
          if (end_in_deletion)
            mapped_end = (int) (op->new_offset + op->n_chars);
          end_in_deletion = FALSE;
          continue;
        }

      end_in_deletion = FALSE;

      if (op->kind == BYLINE_DIFF_EQUAL)
        {
          if (mapped_start < 0 && start >= op_start && start < op_end)
            mapped_start = (int) op->new_offset + (start - op_start);
          if (mapped_end < 0 && last >= op_start && last < op_end)
            mapped_end = (int) op->new_offset + (last - op_start) + 1;
        }
      else
        {
          /* The passage's first words were deleted: it starts where they
           * were, so whatever replaced them is inside. */
          if (mapped_start < 0 && start >= op_start && start < op_end)
            mapped_start = (int) op->new_offset;
          if (mapped_end < 0 && last >= op_start && last < op_end)
            {
              mapped_end = (int) op->new_offset;
              end_in_deletion = TRUE;
            }
        }
    }

  *new_start = mapped_start;
  *new_end = mapped_end;

  return mapped_start >= 0 && mapped_end > mapped_start;
}

/* An edit at a passage's edge can leave it starting or ending on white
 * space it did not have ("dredge the east basin" losing its last three
 * words keeps "dredge "): trim that. */
static void
trim_range (const char *new_body,
            const char *passage,
            int        *start,
            int        *end)
{
  const char *last = g_utf8_prev_char (passage + strlen (passage));
  const char *from = g_utf8_offset_to_pointer (new_body, *start);
  const char *to = g_utf8_offset_to_pointer (from, *end - *start);

  if (!g_unichar_isspace (g_utf8_get_char (passage)))
    {
      while (from < to && g_unichar_isspace (g_utf8_get_char (from)))
        {
          from = g_utf8_next_char (from);
          (*start)++;
        }
    }

  if (!g_unichar_isspace (g_utf8_get_char (last)))
    {
      while (to > from && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
        {
          to = g_utf8_prev_char (to);
          (*end)--;
        }
    }
}

/**
 * byline_notes_reanchor_with_diff:
 * @ops: (element-type BylineDiffOp): byline_diff_words (@old_body, @new_body)
 * @old_body: the body the range refers to
 * @new_body: the body it should refer to
 * @start: the passage's first character in @old_body, or -1
 * @end: the character after its last, or -1
 * @anchor_text: (nullable): the passage as it read when the note was written
 * @new_start: (out): the passage's start in @new_body, or -1
 * @new_end: (out): its end, or -1
 *
 * Returns: %TRUE when the note is on a passage of @new_body
 */
gboolean
byline_notes_reanchor_with_diff (GPtrArray  *ops,
                                 const char *old_body,
                                 const char *new_body,
                                 int         start,
                                 int         end,
                                 const char *anchor_text,
                                 int        *new_start,
                                 int        *new_end)
{
  g_autofree char *passage = NULL;
  int mapped_start = -1;
  int mapped_end = -1;

  g_return_val_if_fail (ops != NULL, FALSE);
  g_return_val_if_fail (new_start != NULL && new_end != NULL, FALSE);

  if (old_body == NULL)
    old_body = "";
  if (new_body == NULL)
    new_body = "";
  if (anchor_text == NULL || is_blank (anchor_text))
    anchor_text = NULL;

  passage = byline_notes_dup_passage (old_body, start, end);

  if (passage == NULL)
    {
      /* On the whole article, or on a range that does not fit the old body
       * (written against another text). Go back onto the remembered passage
       * if it has just come back, once. */
      if (anchor_text != NULL)
        {
          g_autoptr(GArray) in_new = find_all (new_body, anchor_text);
          g_autoptr(GArray) in_old = find_all (old_body, anchor_text);
          gboolean was_anchored = start >= 0 && end > start;

          if (in_new->len == 1 && (in_old->len == 0 || was_anchored))
            {
              int found = g_array_index (in_new, int, 0);

              return set_range (found, found + (int) g_utf8_strlen (anchor_text, -1),
                                new_start, new_end);
            }
        }

      return set_range (-1, -1, new_start, new_end);
    }

  if (map_range (ops, start, end, &mapped_start, &mapped_end))
    {
      trim_range (new_body, passage, &mapped_start, &mapped_end);
      if (mapped_end > mapped_start)
        return set_range (mapped_start, mapped_end, new_start, new_end);
    }

  /* Nothing left where it was: cut and pasted elsewhere, or deleted. A
   * passage that is still somewhere else in the text but was not put there
   * by this edit was deleted, not moved. */
  if (!is_blank (passage))
    {
      int found = find_in_insertions (ops, passage, mapped_start);

      if (found >= 0)
        return set_range (found, found + (int) g_utf8_strlen (passage, -1), new_start, new_end);
    }

  return set_range (-1, -1, new_start, new_end);
}

/**
 * byline_notes_reanchor:
 * @old_body: the body the range refers to
 * @new_body: the body it should refer to
 * @start: the passage's first character in @old_body, or -1
 * @end: the character after its last, or -1
 * @anchor_text: (nullable): the passage as it read when the note was written
 * @new_start: (out): the passage's start in @new_body, or -1
 * @new_end: (out): its end, or -1
 *
 * Returns: %TRUE when the note is on a passage of @new_body
 */
gboolean
byline_notes_reanchor (const char *old_body,
                       const char *new_body,
                       int         start,
                       int         end,
                       const char *anchor_text,
                       int        *new_start,
                       int        *new_end)
{
  g_autoptr(GPtrArray) ops = byline_diff_words (old_body, new_body);

  return byline_notes_reanchor_with_diff (ops, old_body, new_body, start, end,
                                          anchor_text, new_start, new_end);
}
