/* byline-remote-images.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"

G_BEGIN_DECLS

/* Images a page fetches from another machine: whoever runs it learns who
 * opened the page, and when. The preview shows none of them until the
 * reader allows it; an export says which ones its pages keep. */

char      *byline_remote_image_dup_host (const char    *url);
GPtrArray *byline_remote_images_list    (BylineArticle *article);

G_END_DECLS
