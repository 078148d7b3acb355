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
/* A line a news site shows around an article (menus, share buttons, calls
 * to subscribe), and one that opens what follows it (related links, a
 * copyright line). */
gboolean       _byline_import_is_chrome_line  (const char   *line);
gboolean       _byline_import_is_trailer_line (const char   *line);
/* Appends @text, one line of plain text, escaped so CommonMark shows it
 * as it is. */
void           _byline_import_append_escaped  (GString      *out,
                                               const char   *text);

G_END_DECLS
