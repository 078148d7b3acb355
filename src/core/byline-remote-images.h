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

/* The articles whose remote images the reader chose to load, by uuid, kept
 * in a file of the user's (@path NULL: the default one in the user's data
 * folder), so the choice outlives the program. */
char      *byline_remote_images_dup_choices_path (void);
gboolean   byline_remote_images_get_allowed      (const char  *path,
                                                  const char  *uuid);
gboolean   byline_remote_images_set_allowed      (const char  *path,
                                                  const char  *uuid,
                                                  gboolean     allowed,
                                                  GError     **error);

G_END_DECLS
