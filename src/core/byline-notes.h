/* byline-notes.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Keeping an editor's note on its passage while the body changes, without
 * the database. Offsets count characters (as GtkTextIter does), end
 * exclusive; -1, -1 is a note on the whole article.
 *
 * Through an edit from @old_body to @new_body, a passage
 *  - moves with edits before it,
 *  - grows or shrinks with edits inside it (text typed at its very start or
 *    end stays outside; text replacing its first or last words is inside),
 *  - stays put for edits after it;
 *  - when it was moved (cut and pasted whole), it follows the text;
 *  - when it was deleted, the note becomes a note on the whole article.
 * A note on the whole article that remembers a passage (@anchor_text, the
 * passage as it read when the note was written) goes back onto it when that
 * text is in @new_body exactly once, as after an undo or a restored
 * revision.
 *
 * Returns TRUE when the note is on a passage of @new_body. */
gboolean byline_notes_reanchor           (const char *old_body,
                                          const char *new_body,
                                          int         start,
                                          int         end,
                                          const char *anchor_text,
                                          int        *new_start,
                                          int        *new_end);
/* The same with the word diff of the two bodies already made (element-type
 * BylineDiffOp), for many notes on one article. */
gboolean byline_notes_reanchor_with_diff (GPtrArray  *ops,
                                          const char *old_body,
                                          const char *new_body,
                                          int         start,
                                          int         end,
                                          const char *anchor_text,
                                          int        *new_start,
                                          int        *new_end);
/* The passage [@start, @end) of @body, or NULL when the range does not fit
 * @body. */
char    *byline_notes_dup_passage        (const char *body,
                                          int         start,
                                          int         end);

G_END_DECLS
