/* byline-preview.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article.h"
#include "byline-store.h"
#include "byline-publication.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREVIEW (byline_preview_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreview, byline_preview, BYLINE, PREVIEW, GtkWidget)

GtkWidget               *byline_preview_new             (void);

BylineArticle           *byline_preview_get_article     (BylinePreview           *self);
void                     byline_preview_set_article     (BylinePreview           *self,
                                                         BylineArticle           *article);
const BylinePublication *byline_preview_get_publication (BylinePreview           *self);
void                     byline_preview_set_publication (BylinePreview           *self,
                                                         const BylinePublication *publication);
/* The newsroom whose pictures the lead picture shows (byline-media.h). */
void                     byline_preview_set_store       (BylinePreview           *self,
                                                         BylineStore             *store);

/* Review mode: marks the changes since @baseline, an earlier text of the
 * article (a revision's); NULL shows the page as published. */
BylineArticle           *byline_preview_get_review_baseline (BylinePreview *self);
void                     byline_preview_set_review_baseline (BylinePreview *self,
                                                             BylineArticle *baseline);

/* The page last handed to WebKit, or NULL before the first render. */
const char              *byline_preview_get_html        (BylinePreview           *self);
/* Renders the article now, without waiting for the debounce. */
void                     byline_preview_refresh         (BylinePreview           *self);

gboolean                 byline_preview_get_phone       (BylinePreview           *self);
void                     byline_preview_set_phone       (BylinePreview           *self,
                                                         gboolean                 phone);
double                   byline_preview_get_zoom        (BylinePreview           *self);
void                     byline_preview_follow_block    (BylinePreview           *self,
                                                         int                      block);
int                      byline_preview_get_follow_block (BylinePreview          *self);

void                     byline_preview_prune_pictures  (void);

G_END_DECLS
