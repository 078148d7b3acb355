/* byline-renderer.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"
#include "byline-publication.h"

G_BEGIN_DECLS

typedef struct
{
  /* What goes in the lead img's src: a relative path for an export, a file://
   * URI for the preview. NULL: the article's image as a file:// URI. */
  const char *image_src;
  /* Put before each related page name in READ: links: "" for pages side by
   * side, or the publication's base URL. NULL: the base URL when set, else "". */
  const char *link_prefix;
  /* href of the masthead's link home (e.g. "index.html"); NULL: no link. */
  const char *home_href;
  /* Time zone for the date line; NULL: local time. */
  GTimeZone  *tz;
  /* Review mode, for the preview only (an export never sets them): when
   * set, the words changed since this earlier text are marked, insertions
   * in <ins class="review-ins">, deletions in <del class="review-del">,
   * never across blocks. NULL: no marks in that field. */
  const char *review_baseline_body;
  const char *review_baseline_headline;
  const char *review_baseline_standfirst;
  /* Preview only: an image from another machine shows as a placeholder
   * naming its host, and the page's CSP lets no image load from the
   * network, so opening the article tells nobody. */
  gboolean    block_remote_images;
} BylineRenderOptions;

/* The one published layout: a complete, standalone HTML5 page for @article and
 * its pins. Every field is escaped; raw HTML in the body is dropped. The
 * preview and every export call this. */
char *byline_render_article (BylineArticle             *article,
                             const BylinePublication   *publication,
                             const BylineRenderOptions *options);

/* The body alone, as the page shows it: safe HTML blocks with the READ:
 * asides between them. Pins link to @link_prefix + their page name, or are
 * plain text when @link_prefix is NULL. For feeds such as ninjs. */
char *byline_render_body    (BylineArticle             *article,
                             const char                *link_prefix);

/* The publication's front page: @articles (element-type BylineArticle), in the
 * order given, linking to their page names. */
char *byline_render_index   (GPtrArray                 *articles,
                             const BylinePublication   *publication,
                             const BylineRenderOptions *options);

G_END_DECLS
