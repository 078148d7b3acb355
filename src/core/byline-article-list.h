/* byline-article-list.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE_LIST (byline_article_list_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticleList, byline_article_list, BYLINE, ARTICLE_LIST, GObject)

/* A GListModel of BylineArticleSummary, newest first, read from the store
 * a page at a time as rows are shown. It follows the store's "changed"
 * signal a row at a time: a saved article's row is replaced (and moves to
 * the top when its time does), a new one is inserted, a trashed or deleted
 * one removed, each with one query; a burst of changes to several articles
 * is one reload. */
BylineArticleList *byline_article_list_new         (BylineStore       *store);
BylineStore       *byline_article_list_get_store   (BylineArticleList *self);
const char        *byline_article_list_get_search  (BylineArticleList *self);
void               byline_article_list_set_search  (BylineArticleList *self,
                                                    const char        *search);
int                byline_article_list_get_status  (BylineArticleList *self);
/* A BylineStatus, or -1 for every status. */
void               byline_article_list_set_status  (BylineArticleList *self,
                                                    int                status);
gboolean           byline_article_list_get_trashed (BylineArticleList *self);
void               byline_article_list_set_trashed (BylineArticleList *self,
                                                    gboolean           trashed);
/* Reads the count again and drops cached pages. */
void               byline_article_list_reload      (BylineArticleList *self);
/* The position of article @id among the first few pages, or G_MAXUINT. */
guint              byline_article_list_find        (BylineArticleList *self,
                                                    gint64             id);

G_END_DECLS
