/* byline-notes-panel.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article.h"
#include "byline-autosave.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* The name of the text tag that marks noted passages in the body. */
#define BYLINE_NOTE_TAG_NAME "byline-note"

#define BYLINE_TYPE_NOTES_PANEL (byline_notes_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylineNotesPanel, byline_notes_panel, BYLINE, NOTES_PANEL, GtkWidget)

/* Editors' notes on the open article, as threads: the passage each is on,
 * replies, Resolve and Reopen, and a note to add at the bottom (on the
 * passage selected in the body, else on the whole article). It also marks
 * the passages of open notes in the body's buffer. */
GtkWidget      *byline_notes_panel_new          (void);

BylineStore    *byline_notes_panel_get_store    (BylineNotesPanel *self);
void            byline_notes_panel_set_store    (BylineNotesPanel *self,
                                                 BylineStore      *store);
BylineArticle  *byline_notes_panel_get_article  (BylineNotesPanel *self);
/* The article as just loaded from the store (or saved): the notes' anchors
 * count characters of its body. */
void            byline_notes_panel_set_article  (BylineNotesPanel *self,
                                                 BylineArticle    *article);
/* Who writes the notes and replies added here. */
const char     *byline_notes_panel_get_author   (BylineNotesPanel *self);
void            byline_notes_panel_set_author   (BylineNotesPanel *self,
                                                 const char       *author);
/* The body's buffer: a new note goes on its selection, and the passages of
 * open notes are tagged BYLINE_NOTE_TAG_NAME in it. */
GtkTextBuffer  *byline_notes_panel_get_buffer   (BylineNotesPanel *self);
void            byline_notes_panel_set_buffer   (BylineNotesPanel *self,
                                                 GtkTextBuffer    *buffer);
/* What saves the article: flushed before a note is put on a passage (the
 * anchors count characters of the body as stored), and followed so the
 * marks stay on their passages after each save. */
BylineAutosave *byline_notes_panel_get_autosave (BylineNotesPanel *self);
void            byline_notes_panel_set_autosave (BylineNotesPanel *self,
                                                 BylineAutosave   *autosave);
/* Threads not resolved yet. */
guint           byline_notes_panel_get_n_open   (BylineNotesPanel *self);
/* Reads the notes from the store again. */
void            byline_notes_panel_reload       (BylineNotesPanel *self);
/* The open article was brought in line with the store (another desk
 * changed it): its body is the body as stored, which the anchors count. */
void            byline_notes_panel_article_reloaded (BylineNotesPanel *self);
/* The open thread whose passage holds body character @offset (as the
 * buffer has it now), or 0. */
gint64          byline_notes_panel_find_thread_at (BylineNotesPanel *self,
                                                   int               offset);
/* "Ada Brennan: Check the figure (2 replies)", for a tooltip on the
 * passage of thread @thread_id; NULL for an unknown thread. */
char           *byline_notes_panel_dup_summary  (BylineNotesPanel *self,
                                                 gint64            thread_id);
/* Scrolls the thread of note @note_id into view and focuses its reply. */
void            byline_notes_panel_show_thread  (BylineNotesPanel *self,
                                                 gint64            note_id);

G_END_DECLS
