/* byline-article-summary.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "byline-article.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE_SUMMARY (byline_article_summary_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticleSummary, byline_article_summary, BYLINE, ARTICLE_SUMMARY, GObject)

/* A stored article as lists show it: the article list, related articles,
 * the pin chooser, `byline --list`, the Trash. It holds no body and no
 * pins, and is not a BylineArticle, so nothing can save a half-loaded
 * article by mistake: load the article by its id to edit it. Read-only. */

gint64              byline_article_summary_get_id         (BylineArticleSummary *self);
const char         *byline_article_summary_get_uuid       (BylineArticleSummary *self);
const char         *byline_article_summary_get_slug       (BylineArticleSummary *self);
const char         *byline_article_summary_get_headline   (BylineArticleSummary *self);
const char         *byline_article_summary_get_standfirst (BylineArticleSummary *self);
const char         *byline_article_summary_get_section    (BylineArticleSummary *self);
const char * const *byline_article_summary_get_tags       (BylineArticleSummary *self);
BylineStatus        byline_article_summary_get_status     (BylineArticleSummary *self);
/* Unix seconds; 0 when unset (published), or live (trashed). */
gint64              byline_article_summary_get_created    (BylineArticleSummary *self);
gint64              byline_article_summary_get_updated    (BylineArticleSummary *self);
gint64              byline_article_summary_get_published  (BylineArticleSummary *self);
gint64              byline_article_summary_get_trashed    (BylineArticleSummary *self);
/* Editors' notes threads not resolved yet, counted with the list. */
guint               byline_article_summary_get_open_notes (BylineArticleSummary *self);
/* Who is editing it now, by the edit lock ("" when nobody), and the desk
 * they edit from: compare it with byline_store_get_desk() to tell another
 * desk from this one. */
const char         *byline_article_summary_get_editor_name (BylineArticleSummary *self);
const char         *byline_article_summary_get_editor_desk (BylineArticleSummary *self);

/* As the BylineArticle functions of the same names. */
const char         *byline_article_summary_get_display_headline (BylineArticleSummary *self);
gint64              byline_article_summary_get_shown_time       (BylineArticleSummary *self);
char               *byline_article_summary_dup_date_label       (BylineArticleSummary *self);
char               *byline_article_summary_dup_page_name        (BylineArticleSummary *self);

G_END_DECLS
