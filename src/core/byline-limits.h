/* byline-limits.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"

G_BEGIN_DECLS

/* How much one article may hold. Far above what a newspaper prints (a long
 * read is 100 KB, a busy article 20 tags), low enough that no part of
 * Byline (the list, the window, the exports) slows down on an article at
 * the limits. The importer refuses anything past them; the store is meant
 * to check the same limits (docs/RELIABILITY.md). Lengths are in
 * characters, except the body's, which is in bytes of UTF-8. */
#define BYLINE_LIMIT_HEADLINE_CHARS     1000
/* The standfirst and the photo caption. */
#define BYLINE_LIMIT_TEXT_CHARS         10000
/* The byline, dateline, credit, section, image description and language. */
#define BYLINE_LIMIT_LINE_CHARS         1000
/* The lead image's reference or address (byline-media.h). */
#define BYLINE_LIMIT_IMAGE_CHARS        4096
#define BYLINE_LIMIT_TAGS               200
#define BYLINE_LIMIT_TAG_CHARS          100
/* READ: links. */
#define BYLINE_LIMIT_PINS               500
#define BYLINE_LIMIT_BODY_BYTES         (10 * 1024 * 1024)
/* A picture kept in the newsroom (byline-media.h): a news photograph at
 * full size is a few megabytes; a server sends this much to each desk that
 * previews it. */
#define BYLINE_LIMIT_MEDIA_BYTES        (20 * 1024 * 1024)

char *byline_limits_check_tags    (const char * const *tags);
char *byline_limits_check_article (BylineArticle      *article);

G_END_DECLS
