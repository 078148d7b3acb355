/* byline-preferences-window.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREFERENCES_WINDOW (byline_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreferencesWindow, byline_preferences_window, BYLINE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Your name, the style and the length budgets, written to @settings as
 * they are edited; the publication's masthead, written to the newsroom
 * (@store) for every desk, and which newsroom is open. Without a store the
 * masthead is this desk's settings. */
GtkWidget *byline_preferences_window_new (GtkWindow   *parent,
                                          GSettings   *settings,
                                          BylineStore *store);

G_END_DECLS
