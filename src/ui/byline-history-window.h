/* byline-history-window.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_HISTORY_WINDOW (byline_history_window_get_type ())

G_DECLARE_FINAL_TYPE (BylineHistoryWindow, byline_history_window, BYLINE, HISTORY_WINDOW, AdwWindow)

/* The revisions of article @article_id, newest first after its current
 * text as stored, with a word diff between any two of them. Restoring one
 * is left to whoever shows the window: see "restore-requested". */
GtkWidget   *byline_history_window_new         (GtkWindow           *parent,
                                                BylineStore         *store,
                                                gint64               article_id);
gint64       byline_history_window_get_article_id (BylineHistoryWindow *self);
/* Reads the revisions and the current text again. */
void         byline_history_window_reload      (BylineHistoryWindow *self);

/* For the widget tests. Row 0 is the current text, row N the N-th newest
 * revision; the same numbering applies to @compare. */
GtkListBox  *_byline_history_window_get_list      (BylineHistoryWindow *self);
GtkTextView *_byline_history_window_get_diff_view (BylineHistoryWindow *self);
guint        _byline_history_window_get_n_revisions (BylineHistoryWindow *self);
void         _byline_history_window_select        (BylineHistoryWindow *self,
                                                   guint                row,
                                                   guint                compare);

G_END_DECLS
