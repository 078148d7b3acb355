/* byline-sidebar.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article-list.h"
#include "byline-related-list.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SIDEBAR (byline_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (BylineSidebar, byline_sidebar, BYLINE, SIDEBAR, GtkWidget)

GtkWidget         *byline_sidebar_new              (BylineStore   *store);
BylineArticleList *byline_sidebar_get_list         (BylineSidebar *self);
/* The id of the selected row's article, 0 when none. */
gint64             byline_sidebar_get_selected_id  (BylineSidebar *self);
/* Selects the row of article @id without emitting "article-activated". */
void               byline_sidebar_select_article   (BylineSidebar *self,
                                                    gint64         id);
gboolean           byline_sidebar_get_show_trash   (BylineSidebar *self);
void               byline_sidebar_set_show_trash   (BylineSidebar *self,
                                                    gboolean       show_trash);
void               byline_sidebar_focus_search     (BylineSidebar *self);
/* The Related page's list of articles related to the open one. */
BylineRelatedList *byline_sidebar_get_related_list (BylineSidebar *self);
/* "articles" or "related": the page the sidebar shows. */
const char        *byline_sidebar_get_page         (BylineSidebar *self);
void               byline_sidebar_set_page         (BylineSidebar *self,
                                                    const char    *page);

G_END_DECLS
