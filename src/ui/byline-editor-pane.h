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

#include "byline-find-bar.h"

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
gboolean       byline_editor_pane_focus_field         (BylineEditorPane *self,
                                                       const char       *field,
                                                       int               start,
                                                       int               end);
guint          byline_editor_pane_get_headline_budget (BylineEditorPane *self);
void           byline_editor_pane_set_headline_budget (BylineEditorPane *self,
                                                       guint             budget);
guint          byline_editor_pane_get_caption_budget  (BylineEditorPane *self);
void           byline_editor_pane_set_caption_budget  (BylineEditorPane *self,
                                                       guint             budget);
gboolean       byline_editor_pane_get_smart_punctuation (BylineEditorPane *self);
void           byline_editor_pane_set_smart_punctuation (BylineEditorPane *self,
                                                         gboolean          smart_punctuation);

/* Writing tools (byline-editor-pane-tools.c). */
void           byline_editor_pane_show_find           (BylineEditorPane *self,
                                                       gboolean          replace);
BylineFindBar *byline_editor_pane_get_find_bar        (BylineEditorPane *self);
void           byline_editor_pane_set_dictionary_words (BylineEditorPane   *self,
                                                        const char * const *words);
void           byline_editor_pane_set_default_language (BylineEditorPane *self,
                                                        const char       *language);
void           byline_editor_pane_set_spell_check     (BylineEditorPane *self,
                                                       gboolean          enabled);
gboolean       byline_editor_pane_is_spell_checking   (BylineEditorPane *self);
void           byline_editor_pane_set_highlight_long_sentences (BylineEditorPane *self,
                                                                gboolean          highlight);

G_END_DECLS
