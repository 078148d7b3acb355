/* byline-check-panel.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_CHECK_PANEL (byline_check_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylineCheckPanel, byline_check_panel, BYLINE, CHECK_PANEL, GtkWidget)

/* The pre-publish check's problems (byline-check.h) as a panel in the
 * window: a line that sums them up, then a row each; activating a row
 * emits "problem-activated" with where the problem is. Who shows the
 * panel runs the check and hides it again on "closed". */
GtkWidget  *byline_check_panel_new            (void);
void        byline_check_panel_set_problems   (BylineCheckPanel *self,
                                               GPtrArray        *problems);
/* What the line above the list says. */
const char *byline_check_panel_get_summary    (BylineCheckPanel *self);
GtkListBox *byline_check_panel_get_list       (BylineCheckPanel *self);

/* Fills @list with @problems, one row each (the panel's and the dialog's
 * before Approve and Publish). */
void        byline_check_list_fill            (GtkListBox       *list,
                                               GPtrArray        *problems,
                                               gboolean          activatable);

G_END_DECLS
