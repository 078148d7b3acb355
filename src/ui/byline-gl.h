/* byline-gl.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    byline_gl_renderer_is_software (const char *gl_renderer);
char       *byline_gl_dup_renderer_name    (GdkDisplay *display);
const char *byline_gl_choose_renderer      (GdkDisplay *display);

G_END_DECLS
