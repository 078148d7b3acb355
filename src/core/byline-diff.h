/* byline-diff.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A word-level diff of two texts, for the History view, review mode and the
 * command line. Text is cut into words (letters, digits and marks, with
 * apostrophes inside words; each CJK character is a word of its own), runs
 * of white space, and single punctuation or symbol characters (an emoji with
 * its modifiers stays whole). Words that changed next to each other are
 * reported as one deletion followed by one insertion. A paragraph that moved
 * is a deletion where it was and an insertion where it went. These tokens
 * are the diff's own; the words shown to people as added and removed are
 * counted by byline_text_count_changes(). */

typedef enum
{
  BYLINE_DIFF_EQUAL,
  BYLINE_DIFF_DELETE,
  BYLINE_DIFF_INSERT,
} BylineDiffKind;

typedef struct
{
  BylineDiffKind  kind;
  char           *text;
  /* Character (not byte) offsets, as GtkTextIter counts them: where the op
   * starts in the old and in the new text. An insertion starts at
   * old_offset in the old text without taking room there, a deletion at
   * new_offset in the new text. */
  guint           old_offset;
  guint           new_offset;
  guint           n_chars;
} BylineDiffOp;

void       byline_diff_op_free      (BylineDiffOp *op);

/* The ops that turn @old_text into @new_text, in order; NULL is the empty
 * text. Invalid UTF-8 is repaired first. Equal texts give one EQUAL op (none
 * if both are empty). (element-type BylineDiffOp) (transfer full) */
GPtrArray *byline_diff_words        (const char   *old_text,
                                     const char   *new_text);
/* The new text with the changes marked as `git diff --word-diff` does:
 * deletions as "[-text-]", insertions as "{+text+}". */
char      *byline_diff_to_text      (GPtrArray    *ops);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDiffOp, byline_diff_op_free)

G_END_DECLS
