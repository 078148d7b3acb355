/* byline-window-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-auto-revision.h"
#include "byline-autosave.h"
#include "byline-check-panel.h"
#include "byline-editor-pane.h"
#include "byline-notes-panel.h"
#include "byline-preview.h"
#include "byline-publication.h"
#include "byline-sidebar.h"
#include "byline-window.h"

G_BEGIN_DECLS

/* What the desk bar says about the open article and other desks, besides
 * who holds its edit lock (byline-window-desks.c). */
typedef enum
{
  BYLINE_DESK_STATE_NONE,
  BYLINE_DESK_STATE_CONFLICT,   /* a save was refused: someone saved since */
  BYLINE_DESK_STATE_TRASHED,    /* moved to the Trash at another desk */
  BYLINE_DESK_STATE_DELETED,    /* deleted at another desk */
} BylineDeskState;

/* The window spans several files, each with one reason to change:
 *   byline-window.c           building it, the panes, opening articles, saving
 *   byline-window-actions.c   what the win.* actions do
 *   byline-window-export.c    exporting an article or the publication
 *   byline-window-workflow.c  the state badge and changes of state
 *   byline-window-review.c    review mode, notes, revisions and History
 *   byline-window-desks.c     other desks: following their changes,
 *                             refused saves, edit locks */
struct _BylineWindow
{
  AdwApplicationWindow  parent_instance;

  BylineStore          *store;
  GSettings            *settings;
  BylineAutosave       *autosave;
  BylineAutoRevision   *auto_revision;
  BylineArticle        *article;
  BylinePublication    *publication;
  GCancellable         *export_cancellable;
  GMenu                *status_menu;
  GtkWidget            *history;   /* weak */
  GSimpleAction        *review_action;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *status_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  AdwFlap              *flap;
  GtkPaned             *inner_paned;
  BylineEditorPane     *editor;
  BylinePreview        *preview;
  BylineSidebar        *sidebar;
  GtkWidget            *sidebar_handle;
  GtkMenuButton        *notes_button;
  GtkWidget            *new_article_button;
  GtkWidget            *review_button;
  GtkLabel             *notes_count_label;
  GtkPopover           *notes_popover;
  BylineNotesPanel     *notes_panel;
  GtkRevealer          *check_revealer;
  BylineCheckPanel     *check_panel;

  /* The pre-publish check (byline-window-tools.c): whether the panel
   * shows (win.check-article's state), the pause after typing before it
   * checks again, the newsroom dictionary's words and a spell checker
   * per language (NULL: none installed) with those words. */
  GSimpleAction        *check_action;
  guint                 check_id;
  GListModel           *check_pins;
  char                **dictionary_words;
  GHashTable           *spell_checkers;

  guint                 panes_id;
  guint                 follow_id;
  guint                 cursor_id;
  int                   pending_cursor;   /* -1: none */
  /* The panes. show_sidebar and show_preview are the person's choice for
   * a wide window, kept in the settings. On a narrow one the sidebar folds
   * into an overlay (folded) and, narrower still, the editor and the
   * preview take turns (stacked): sidebar_open and preview_open say
   * whether those are showing, for this window only. */
  int                   layout_width;
  /* The sidebar's width while docked: the setting's, or where its handle
   * is being dragged (saved on release); drag_start_width where that
   * drag began. */
  int                   sidebar_width;
  int                   drag_start_width;
  guint                 show_sidebar : 1;
  guint                 show_preview : 1;
  guint                 folded : 1;
  guint                 stacked : 1;
  guint                 sidebar_open : 1;
  guint                 preview_open : 1;
  guint                 applying_panes : 1;
  guint                 preview_width_applied : 1;
  /* What the show-sidebar and show-preview properties said last. */
  guint                 sidebar_shown : 1;
  guint                 preview_shown : 1;
  guint                 close_despite_error : 1;
  /* While a save is refused: trying again every few seconds, so the words
   * are saved once the fault clears (a lock let go, a disk back) even if
   * nothing more is typed. */
  guint                 retry_save_id;
  gboolean              retrying_save;

  /* Other desks (byline-window-desks.c) */
  GtkRevealer          *desk_revealer;
  GtkWidget            *desk_bar;
  GtkLabel             *desk_label;
  GtkButton            *desk_primary_button;
  GtkButton            *desk_secondary_button;
  BylineDeskState       desk_state;
  char                 *conflict_message;
  /* The words last kept as a revision while a save is refused. */
  BylineArticle        *kept_words;
  /* Who edits the open article at another desk. */
  char                 *lock_holder;
  /* The article whose edit lock this window holds, 0 for none. */
  gint64                locked_id;
  guint                 heartbeat_id;
  gboolean              read_only;
  gboolean              taken_over;
  gboolean              words_kept;
  gboolean              opened_trashed;
  gboolean              locking;
  /* The newsroom server could not take a save: it waits in the outbox,
   * and a save is tried again every few seconds until one goes through. */
  gboolean              offline;
  gboolean              offline_trying;
  /* Whether something of this desk waited in the outbox during the outage
   * (the toast then says it was sent). */
  gboolean              offline_kept;
  guint                 offline_retry_id;
  /* When the server last said this window holds its lock (monotonic µs). */
  gint64                lock_confirmed;
  /* When this window reckons its lock lapsed, in seconds (read as its
   * heartbeat starts). */
  guint                 lock_lapse;
};

/* byline-window-tools.c: find, the newsroom dictionary, the pre-publish
 * check */
void       _byline_window_class_init_tools   (GtkWidgetClass *widget_class);
void       _byline_window_setup_tools        (BylineWindow   *self);
void       _byline_window_dispose_tools      (BylineWindow   *self);
/* The open article changed: the check panel follows it. */
void       _byline_window_tools_set_article  (BylineWindow   *self);
void       _byline_window_check_before_step  (BylineWindow   *self,
                                              BylineStatus    to);
GtkWidget *_byline_window_new_problem_list   (GPtrArray      *problems);
/* byline-window-workflow.c: the step, once the check let it go ahead. */
void       _byline_window_take_checked_step  (BylineWindow   *self,
                                              BylineStatus    to);

/* byline-window.c */
/* Whether the sidebar, or the preview, is on screen (or opening). */
gboolean  _byline_window_get_sidebar_shown   (BylineWindow  *self);
gboolean  _byline_window_get_preview_shown   (BylineWindow  *self);
/* Brings the editor back where the preview took its place or the
 * sidebar's overlay covers it. */
void      _byline_window_show_editor         (BylineWindow  *self);
void      _byline_window_show_toast          (BylineWindow  *self,
                                              const char    *title,
                                              const char    *button_label,
                                              const char    *action_name,
                                              GVariant      *target);
void      _byline_window_show_error          (BylineWindow  *self,
                                              const GError  *error);
/* A write failed: the banner says so until one works. */
void      _byline_window_show_save_error     (BylineWindow  *self,
                                              const GError  *error);
/* The one way an article reaches the editor: what is typed is saved, then
 * article @id is loaded from the store, shown everywhere and selected in
 * the sidebar. With @reload, also when @id is open already (the store
 * changed it underneath). The win.open-article action is this. */
gboolean  _byline_window_load_article        (BylineWindow  *self,
                                              gint64         id,
                                              gboolean       reload,
                                              GError       **error);
/* The first article of the sidebar's list, or none when it is empty. */
void      _byline_window_open_first_article  (BylineWindow  *self);
/* Shows @article without loading it (NULL: none). */
void      _byline_window_set_article         (BylineWindow  *self,
                                              BylineArticle *article);

/* Puts "Saving…", "All changes saved" or why not under the title. */
void      _byline_window_update_save_state   (BylineWindow  *self);

/* byline-window-actions.c */
void      _byline_window_class_add_actions   (GtkWidgetClass *widget_class);
/* The actions that need an open article follow whether there is one. */
void      _byline_window_update_actions      (BylineWindow  *self);

/* byline-window-export.c */
void      _byline_window_export_article      (BylineWindow  *self,
                                              gboolean       ninjs);
void      _byline_window_export_publication  (BylineWindow  *self);
/* What the file and folder choosers lead to: the export, then a toast, or
 * a dialog listing what the exporter left out. */
gboolean  _byline_window_export_article_to   (BylineWindow  *self,
                                              BylineArticle *article,
                                              GFile         *file,
                                              gboolean       ninjs);
void      _byline_window_export_publication_to (BylineWindow *self,
                                              GFile         *dir);
void      _byline_window_cancel_export       (BylineWindow  *self);

/* byline-window-workflow.c */
void      _byline_window_setup_workflow      (BylineWindow  *self);
void      _byline_window_dispose_workflow    (BylineWindow  *self);
void      _byline_window_update_status_button (BylineWindow *self);
/* What the state menu's items ask for: @word is a state's name. */
void      _byline_window_request_status      (BylineWindow  *self,
                                              const char    *word);
/* Saves pending edits ahead of a step that stores a revision of its own,
 * so that this save does not leave an automatic one as well. */
gboolean  _byline_window_save_for_revision   (BylineWindow  *self,
                                              GError       **error);

/* byline-window-review.c */
void      _byline_window_setup_review        (BylineWindow  *self);
void      _byline_window_dispose_review      (BylineWindow  *self);
/* The open article changed (another one, or this one reloaded). */
void      _byline_window_review_set_article  (BylineWindow  *self,
                                              BylineArticle *article);
void      _byline_window_save_revision       (BylineWindow  *self);
void      _byline_window_show_history        (BylineWindow  *self);
/* Shows History of the open article as it is stored, saving nothing. */
void      _byline_window_present_history     (BylineWindow  *self);

/* byline-window-desks.c */
void      _byline_window_class_init_desks    (GtkWidgetClass *widget_class);
void      _byline_window_setup_desks         (BylineWindow  *self);
void      _byline_window_dispose_desks       (BylineWindow  *self);
/* The open article changed: gives up the lock of the one before, takes
 * this one's (or opens it read-only), and forgets what the bar said. */
void      _byline_window_desks_set_article   (BylineWindow  *self);
/* A save of the open article failed: when someone else changed it
 * (CONFLICT) or deleted it, the desk bar says so and offers what can be
 * done; autosave stops trying. TRUE when the error was one of those. */
gboolean  _byline_window_desks_save_failed   (BylineWindow  *self,
                                              const GError  *error);
/* Leaving an article whose save was refused because someone else changed
 * it (@error): the words typed here are kept as a revision instead, so
 * the switch or close can go on; or, the server being away, they wait in
 * the outbox already. TRUE when they were. */
gboolean  _byline_window_desks_set_aside     (BylineWindow  *self,
                                              const GError  *error);
/* A save went through: the desk is back on line when it was away. */
void      _byline_window_desks_saved         (BylineWindow  *self);
/* Gives the edit lock up: the window closes. */
void      _byline_window_desks_release       (BylineWindow  *self);
/* "Read-Only", "Not Saved", or NULL when saving goes as usual. */
const char *_byline_window_desks_get_save_state (BylineWindow *self);

/* For the widget tests, which drive the window's parts directly. */
BylineEditorPane *_byline_window_get_editor   (BylineWindow *self);
BylinePreview    *_byline_window_get_preview  (BylineWindow *self);
BylineSidebar    *_byline_window_get_sidebar  (BylineWindow *self);
/* The handle on the docked sidebar's inner edge that resizes it. */
GtkWidget        *_byline_window_get_sidebar_handle (BylineWindow *self);
/* The Article Check panel, shown or not. */
BylineCheckPanel *_byline_window_get_check_panel (BylineWindow *self);
BylineAutosave   *_byline_window_get_autosave (BylineWindow *self);
/* The READ: links an HTML export would leave unlinked (unresolved, or to a
 * spiked, trashed or deleted article), one line each for the warning before
 * export: of the open article, or with @whole_publication of every published
 * one. Saves pending edits first. */
char            **_byline_window_list_unlinked_pins (BylineWindow *self,
                                                     gboolean      whole_publication);
/* Editors' review. Moves the open article to @to as the state menu does
 * once a confirmation is accepted; @published is the published time for
 * Published (0: the article's own, else now). Errors are shown as toasts. */
gboolean          _byline_window_apply_status       (BylineWindow *self,
                                                     BylineStatus  to,
                                                     gint64        published);
/* Restores revision @revision_id into the open article, as History's
 * "Restore This Revision…" does once confirmed. */
gboolean          _byline_window_restore_revision   (BylineWindow *self,
                                                     gint64        revision_id);
/* The header bar's state menu button, and the History window while open. */
GtkMenuButton    *_byline_window_get_status_button  (BylineWindow *self);
GtkWidget        *_byline_window_get_history        (BylineWindow *self);
/* Whether another desk edits the open article, so it is read-only here. */
gboolean          _byline_window_get_read_only      (BylineWindow *self);
/* What the banner about a refused save says while it shows, else NULL. */
const char       *_byline_window_get_banner_text    (BylineWindow *self);
/* The desk bar (its label, then its buttons) while it shows, else NULL. */
GtkWidget        *_byline_window_get_desk_bar       (BylineWindow *self);
/* Whether the banner says the desk is offline, its changes kept here. */
gboolean          _byline_window_get_offline        (BylineWindow *self);

G_END_DECLS
