/* byline-json-ld.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What search engines read about a published article: schema.org
 * NewsArticle, for the page's <script type="application/ld+json">. Any
 * member may be NULL and is then left out. */
typedef struct
{
  const char         *headline;
  const char         *description;
  const char         *published_iso;
  const char         *modified_iso;
  /* one Person each, in order (byline_author_split_byline()) */
  const char * const *authors;
  const char         *publisher;
  const char         *publisher_url;
  const char         *image;
  const char         *url;
  const char * const *tags;
  const char         *section;
  const char         *language;
} BylineJsonLd;

/* The JSON, safe to put inside <script> as it is. */
char *byline_json_ld_build (const BylineJsonLd *ld);

G_END_DECLS
