/* byline-a11y.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void byline_a11y_name_drop_down (GtkDropDown *drop_down,
                                 const char  *name);

G_END_DECLS
