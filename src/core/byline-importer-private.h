/* byline-importer-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-importer.h"

G_BEGIN_DECLS

/* byline-importer.c: files, checks and Markdown */
void           _byline_import_set_error       (GError      **error,
                                               int           code,
                                               const char   *display_name,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (4, 5);

/* byline-import-text.c: pages copied from a news site */
BylineArticle *_byline_import_plain_text      (const char   *text,
                                               GTimeZone    *tz,
                                               const char   *display_name,
                                               GError      **error);
char          *_byline_import_strip_line      (char         *line);
gboolean       _byline_import_is_blank        (const char   *line);
char          *_byline_import_parse_read_line (const char   *line);

G_END_DECLS
