/* byline-preview-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

#include "byline-preview.h"

G_BEGIN_DECLS

/* The preview's web view, or NULL until it has been created (after the
 * widget's first frame). For tests. */
WebKitWebView *_byline_preview_get_web_view (BylinePreview *self);

G_END_DECLS
