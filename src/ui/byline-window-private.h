/* byline-window-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-autosave.h"
#include "byline-editor-pane.h"
#include "byline-preview.h"
#include "byline-sidebar.h"
#include "byline-window.h"

G_BEGIN_DECLS

/* For the widget tests, which drive the window's parts directly. */
BylineEditorPane *_byline_window_get_editor   (BylineWindow *self);
BylinePreview    *_byline_window_get_preview  (BylineWindow *self);
BylineSidebar    *_byline_window_get_sidebar  (BylineWindow *self);
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

G_END_DECLS
