/* byline-preview-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-preview.h"

G_BEGIN_DECLS

/* The preview's WebKitWebView (cast it with WEBKIT_WEB_VIEW()), or NULL
 * until it has been created (after the widget's first frame, once the web
 * module is loaded). For tests. */
GtkWidget *_byline_preview_get_web_view        (BylinePreview *self);
/* The bar saying images from other sites are not shown, while it shows;
 * else NULL. Its button loads them for the article shown. For tests. */
GtkWidget *_byline_preview_get_remote_images_bar         (BylinePreview *self);
GtkWidget *_byline_preview_get_load_remote_images_button (BylinePreview *self);
/* TRUE when the web module could not be loaded and the preview says so. */
gboolean   _byline_preview_is_unavailable      (BylinePreview *self);
/* Tests: previews that make their web view from now on load the web module
 * from @path, even when it is loaded already (NULL: from where the program
 * keeps it, once). */
void       _byline_preview_set_web_module_path (const char    *path);

G_END_DECLS
