/* byline-notes-panel-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-notes-panel.h"

G_BEGIN_DECLS

/* The panel spans three files:
 *   byline-notes-panel.c           the panel: loading notes, adding one, its API
 *   byline-notes-panel-threads.c   the thread cards and what their buttons do
 *   byline-notes-panel-passages.c  the noted passages marked in the body */

/* One thread's card on screen. */
typedef struct
{
  gint64     id;              /* the thread's first note */
  gboolean   resolved;
  GtkWidget *card;
  GtkWidget *reply_entry;     /* NULL for a resolved thread */
  GtkWidget *resolve_button;
} BylineNotesThread;

struct _BylineNotesPanel
{
  GtkWidget          parent_instance;

  BylineStore       *store;
  BylineArticle     *article;
  char              *author;
  GtkTextBuffer     *buffer;
  BylineAutosave    *autosave;

  /* The body as the store has it, which the anchors count characters of:
   * the article's as loaded, then each saved copy's. */
  char              *stored_body;
  /* Every note of the article, thread by thread, each followed by its
   * replies (byline_store_list_notes()). */
  GPtrArray         *notes;
  /* What the threads on screen were made from; the same notes again keep
   * them (and whatever is being typed into a reply). */
  char              *shown_signature;
  GPtrArray         *threads;          /* BylineNotesThread, those on screen */
  gint64             focus_thread;     /* reply entry to focus after a rebuild */
  guint              n_open;
  guint              reload_source;
  guint              scroll_source;
  gint64             scroll_thread;    /* thread to bring into view */

  /* Template widgets */
  GtkWidget         *content;
  GtkLabel          *title_label;
  GtkToggleButton   *show_resolved_button;
  GtkScrolledWindow *scroller;
  GtkBox            *threads_box;
  GtkLabel          *empty_label;
  GtkLabel          *anchor_label;
  GtkEntry          *note_entry;
  GtkButton         *add_button;
  GtkLabel          *error_label;
};


/* byline-notes-panel.c */
void         _byline_notes_panel_reload_now      (BylineNotesPanel *self,
                                                  gboolean          force);
/* Who writes: Preferences, else the account's real name. */
const char  *_byline_notes_panel_get_writer      (BylineNotesPanel *self);
/* @what failed: the line under the list says so, and why. */
void         _byline_notes_panel_show_error      (BylineNotesPanel *self,
                                                  const char       *what,
                                                  const GError     *error);
void         _byline_notes_panel_hide_error      (BylineNotesPanel *self);
/* Quotes @text on one line, cut after @max characters (0: whole). */
char        *_byline_notes_panel_dup_quote       (const char       *text,
                                                  int               max);
/* Emits "passage-activated". */
void         _byline_notes_panel_passage_activated (BylineNotesPanel *self,
                                                    gint64            thread_id);

/* byline-notes-panel-threads.c */
void         _byline_notes_panel_thread_free     (gpointer          thread);
BylineNotesThread *_byline_notes_panel_find_thread (BylineNotesPanel *self,
                                                    gint64            id);
/* Remakes the cards from the notes, keeping replies being typed. */
void         _byline_notes_panel_rebuild_threads (BylineNotesPanel *self);
/* What the cards show, to tell whether they need making again. */
char        *_byline_notes_panel_dup_signature   (BylineNotesPanel *self);

/* byline-notes-panel-passages.c */
/* Marks the open threads' passages in the buffer (or nothing, without an
 * article). */
void         _byline_notes_panel_apply_highlights (BylineNotesPanel *self);
void         _byline_notes_panel_clear_highlights (GtkTextBuffer    *buffer);
/* Selects thread @thread_id's passage in the buffer; FALSE when it is not
 * marked there. */
gboolean     _byline_notes_panel_select_passage   (BylineNotesPanel *self,
                                                   gint64            thread_id);

/* For the widget tests, which drive the panel's own widgets. */
GtkEditable *_byline_notes_panel_get_note_entry (BylineNotesPanel *self);
GtkButton   *_byline_notes_panel_get_add_button (BylineNotesPanel *self);
GtkToggleButton *_byline_notes_panel_get_show_resolved (BylineNotesPanel *self);
/* The thread of @note_id on screen, and its widget named @accessible_name
 * ("Reply", "Resolve", "Reopen"); NULL when the thread is not shown. */
GtkWidget   *_byline_notes_panel_get_thread     (BylineNotesPanel *self,
                                                 gint64            note_id);
GtkWidget   *_byline_notes_panel_get_thread_part (BylineNotesPanel *self,
                                                  gint64            note_id,
                                                  const char       *accessible_name);

G_END_DECLS
