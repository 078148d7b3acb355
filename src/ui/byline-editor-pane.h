/* byline-editor-pane.h
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

#define BYLINE_TYPE_EDITOR_PANE (byline_editor_pane_get_type ())

G_DECLARE_FINAL_TYPE (BylineEditorPane, byline_editor_pane, BYLINE, EDITOR_PANE, GtkWidget)

GtkWidget     *byline_editor_pane_new                 (void);
BylineArticle *byline_editor_pane_get_article         (BylineEditorPane *self);
/* Where a chosen lead picture is kept; without one, none can be chosen. */
void           byline_editor_pane_set_store           (BylineEditorPane *self,
                                                       BylineStore      *store);
void           byline_editor_pane_set_article         (BylineEditorPane *self,
                                                       BylineArticle    *article);
int            byline_editor_pane_get_cursor_offset   (BylineEditorPane *self);
void           byline_editor_pane_set_cursor_offset   (BylineEditorPane *self,
                                                       int               offset);
void           byline_editor_pane_commit_pending      (BylineEditorPane *self);
gboolean       byline_editor_pane_get_editable        (BylineEditorPane *self);
void           byline_editor_pane_set_editable        (BylineEditorPane *self,
                                                       gboolean          editable);
void           byline_editor_pane_focus_headline      (BylineEditorPane *self);
void           byline_editor_pane_focus_body          (BylineEditorPane *self);
void           byline_editor_pane_focus_details       (BylineEditorPane *self);
guint          byline_editor_pane_get_headline_budget (BylineEditorPane *self);
void           byline_editor_pane_set_headline_budget (BylineEditorPane *self,
                                                       guint             budget);
guint          byline_editor_pane_get_caption_budget  (BylineEditorPane *self);
void           byline_editor_pane_set_caption_budget  (BylineEditorPane *self,
                                                       guint             budget);
gboolean       byline_editor_pane_get_smart_punctuation (BylineEditorPane *self);
void           byline_editor_pane_set_smart_punctuation (BylineEditorPane *self,
                                                         gboolean          smart_punctuation);

G_END_DECLS
