/* byline-confirm.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *byline_confirm_dialog_new (GtkWindow             *parent,
                                      const char            *heading,
                                      const char            *body,
                                      const char            *response,
                                      const char            *label,
                                      AdwResponseAppearance  appearance);

G_END_DECLS
