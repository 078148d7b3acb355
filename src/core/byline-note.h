/* byline-note.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_NOTE (byline_note_get_type ())

G_DECLARE_FINAL_TYPE (BylineNote, byline_note, BYLINE, NOTE, GObject)

gint64      byline_note_get_id          (BylineNote *self);
gint64      byline_note_get_article_id  (BylineNote *self);
/* The note this one replies to; 0 for a note that starts a thread. */
gint64      byline_note_get_parent_id   (BylineNote *self);
const char *byline_note_get_author      (BylineNote *self);
gint64      byline_note_get_created     (BylineNote *self);
const char *byline_note_get_text        (BylineNote *self);
/* The passage, in characters of the body as stored (a reply has its
 * thread's); -1 and -1 for a note on the whole article. */
int         byline_note_get_start       (BylineNote *self);
int         byline_note_get_end         (BylineNote *self);
/* The passage as it read when the note was written ("" for a note written
 * on the whole article): worth showing when the passage has since been
 * deleted and the note moved onto the whole article. */
const char *byline_note_get_anchor_text (BylineNote *self);
/* When its thread was resolved (Unix seconds), 0 while open. */
gint64      byline_note_get_resolved    (BylineNote *self);

G_END_DECLS
