/* byline-exporter.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-publication.h"
#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_EXPORT_ERROR (byline_export_error_quark ())

typedef enum
{
  BYLINE_EXPORT_ERROR_WRITE,
  BYLINE_EXPORT_ERROR_IMAGE,
  BYLINE_EXPORT_ERROR_NOTHING,
} BylineExportError;

GQuark byline_export_error_quark (void);

/* Called after each page written: @done of @total. */
typedef void (*BylineExportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* The article's standalone published page at @output. Its lead image, when it
 * exists, is copied into "images/" beside @output. The file is replaced
 * atomically, so a failure leaves no half-written page. */
gboolean  byline_export_article_html (BylineArticle            *article,
                                      const BylinePublication  *publication,
                                      GFile                    *output,
                                      GTimeZone                *tz,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* IPTC ninjs 1.4 JSON for @article. */
char     *byline_export_ninjs        (BylineArticle            *article,
                                      const BylinePublication  *publication,
                                      GTimeZone                *tz);
gboolean  byline_export_article_ninjs (BylineArticle           *article,
                                      const BylinePublication  *publication,
                                      GFile                    *output,
                                      GTimeZone                *tz,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* The whole publication into folder @dir (created if needed): index.html
 * listing the published articles newest first, one page per article, images
 * in "images/". Links between pages are relative. */
gboolean  byline_export_publication  (BylineStore              *store,
                                      const BylinePublication  *publication,
                                      GFile                    *dir,
                                      GTimeZone                *tz,
                                      BylineExportProgress      progress,
                                      gpointer                  user_data,
                                      GCancellable             *cancellable,
                                      GError                  **error);

G_END_DECLS
