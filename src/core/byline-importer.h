/* byline-importer.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-store.h"
#include "byline-limits.h"

G_BEGIN_DECLS

#define BYLINE_IMPORT_ERROR (byline_import_error_quark ())

typedef enum
{
  BYLINE_IMPORT_ERROR_EMPTY,
  BYLINE_IMPORT_ERROR_TOO_LARGE,    /* the file, or a field past byline-limits.h */
  BYLINE_IMPORT_ERROR_BINARY,
  BYLINE_IMPORT_ERROR_ENCODING,
  BYLINE_IMPORT_ERROR_NO_HEADLINE,
  BYLINE_IMPORT_ERROR_INVALID,
  BYLINE_IMPORT_ERROR_NOT_A_FILE,  /* a named pipe, device or socket */
} BylineImportError;

GQuark byline_import_error_quark (void);

/* A file's size: no more than the body it can hold. */
#define BYLINE_IMPORT_MAX_SIZE BYLINE_LIMIT_BODY_BYTES

/* Text copied from a news site. Pins come back unresolved (headline only). */
BylineArticle *byline_import_plain_text (const char  *text,
                                         gssize       length,
                                         GTimeZone   *tz,
                                         GError     **error);
/* Markdown, opening with YAML front matter between "---" lines. */
BylineArticle *byline_import_markdown   (const char  *text,
                                         gssize       length,
                                         GTimeZone   *tz,
                                         GError     **error);
/* Reads @file (at most 10 MiB, UTF-8 text) and picks the format: front matter
 * or a .md/.markdown name means Markdown, anything else plain text. A front
 * matter's picture must be a file in @file's folder or below: the image is
 * then its absolute path; anything else is left out. */
BylineArticle *byline_import_file       (GFile       *file,
                                         GTimeZone   *tz,
                                         GCancellable *cancellable,
                                         GError     **error);
/* The same, keeping the picture in @store's media (the image then holds
 * its reference); *@warning says why a picture was left out. Does not
 * save the article. */
BylineArticle *byline_import_file_to_store (BylineStore  *store,
                                            GFile        *file,
                                            GTimeZone    *tz,
                                            GCancellable *cancellable,
                                            char        **warning,
                                            GError      **error);

G_END_DECLS
