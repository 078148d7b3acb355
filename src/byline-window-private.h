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

G_END_DECLS
