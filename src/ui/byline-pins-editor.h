/* byline-pins-editor.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article.h"
#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PINS_EDITOR (byline_pins_editor_get_type ())

G_DECLARE_FINAL_TYPE (BylinePinsEditor, byline_pins_editor, BYLINE, PINS_EDITOR, GtkWidget)

GtkWidget     *byline_pins_editor_new           (void);
BylineArticle *byline_pins_editor_get_article   (BylinePinsEditor *self);
void           byline_pins_editor_set_article   (BylinePinsEditor *self,
                                                 BylineArticle    *article);
/* Where "Choose Article…" looks for articles to resolve a pin with. */
BylineStore   *byline_pins_editor_get_store     (BylinePinsEditor *self);
void           byline_pins_editor_set_store     (BylinePinsEditor *self,
                                                 BylineStore      *store);

G_END_DECLS
