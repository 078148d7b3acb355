/* byline-window.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_WINDOW (byline_window_get_type ())

G_DECLARE_FINAL_TYPE (BylineWindow, byline_window, BYLINE, WINDOW, AdwApplicationWindow)

BylineWindow  *byline_window_new              (GtkApplication *application,
                                               BylineStore    *store,
                                               GSettings      *settings);
BylineStore   *byline_window_get_store        (BylineWindow   *self);
/* The article being edited, or NULL. */
BylineArticle *byline_window_get_article      (BylineWindow   *self);
/* Saves what is pending, then opens article @id in the editor. */
gboolean       byline_window_open_article     (BylineWindow   *self,
                                               gint64          id,
                                               GError        **error);
/* Writes pending edits now (used on close and by tests). */
gboolean       byline_window_save_now         (BylineWindow   *self,
                                               GError        **error);
void           byline_window_import_files     (BylineWindow   *self,
                                               GFile         **files,
                                               int             n_files);
/* Who is at the keyboard, for revisions, changes of state and notes: the
 * name from Preferences, else the account's real name. */
char          *byline_window_dup_author       (BylineWindow   *self);

G_END_DECLS
