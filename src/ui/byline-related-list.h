/* byline-related-list.h
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

#define BYLINE_TYPE_RELATED_LIST (byline_related_list_get_type ())

G_DECLARE_FINAL_TYPE (BylineRelatedList, byline_related_list, BYLINE, RELATED_LIST, GtkWidget)

GtkWidget     *byline_related_list_new         (BylineStore       *store);
BylineStore   *byline_related_list_get_store   (BylineRelatedList *self);
BylineArticle *byline_related_list_get_article (BylineRelatedList *self);
/* Lists the articles related to @article, and follows its edits. */
void           byline_related_list_set_article (BylineRelatedList *self,
                                                BylineArticle     *article);
/* The articles shown, best first. (element-type BylineArticleSummary) */
GListModel    *byline_related_list_get_model   (BylineRelatedList *self);
/* Looks again now, without waiting for typing to pause. */
void           byline_related_list_refresh     (BylineRelatedList *self);

G_END_DECLS
