/* byline-notes-panel-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-notes-panel.h"

G_BEGIN_DECLS

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
