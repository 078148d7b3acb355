/* byline-media.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Pictures kept in the newsroom itself (the store's media table), so that
 * every desk previews and exports the same bytes and nothing reads a path
 * on someone's disk after the picture was chosen.
 *
 * An article's image field holds one of:
 * - a media reference, "media:<sha256>.<ext>": the picture's SHA-256
 *   checksum (64 lowercase hex digits) and the file extension of the type
 *   sniffed from its bytes (jpg, png, webp, gif). The checksum finds the
 *   bytes in any newsroom the picture was copied to; the extension lets
 *   ninjs and pages name the exported file without reading the bytes;
 * - the address of a picture on the web (http or https): a link, never
 *   fetched by an export;
 * - anything else (a path on a disk, from before pictures were kept in the
 *   newsroom): never read again; previews and exports leave the picture
 *   out and say to choose it again. */

#define BYLINE_MEDIA_REFERENCE_PREFIX "media:"
#define BYLINE_MEDIA_CHECKSUM_LENGTH  64

typedef struct
{
  char   *checksum;    /* SHA-256, lowercase hex */
  char   *mime_type;   /* "image/jpeg", "image/png", "image/webp", "image/gif" */
  GBytes *bytes;
  int     width;       /* 0 when not known */
  int     height;
  gint64  created;     /* Unix seconds */
  char   *added_by;    /* who added it */
} BylineMedia;

void         byline_media_free               (BylineMedia   *media);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineMedia, byline_media_free)

/* The type @bytes' first bytes say they are, among the four above, or
 * NULL; with the size the header gives, where it is cheap to read. */
const char  *byline_media_sniff              (GBytes        *bytes,
                                              int           *width,
                                              int           *height);
/* "jpg" for "image/jpeg"; NULL for a type Byline does not keep. */
const char  *byline_media_type_extension     (const char    *mime_type);
const char  *byline_media_extension_type     (const char    *extension);

/* Checks @bytes are a picture Byline keeps, no larger than
 * BYLINE_LIMIT_MEDIA_BYTES; a BYLINE_STORE_ERROR_INVALID naming @name (a
 * file's display name, or NULL) otherwise. */
gboolean     byline_media_check              (GBytes        *bytes,
                                              const char    *name,
                                              const char   **mime_type,
                                              int           *width,
                                              int           *height,
                                              GError       **error);
/* Reads the regular file @file, refusing anything larger than the limit
 * before reading it (and devices, pipes and folders). */
GBytes      *byline_media_read_file          (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);

/* "media:<checksum>.<ext>" */
char        *byline_media_dup_reference      (const char    *checksum,
                                              const char    *mime_type);
/* Whether @image is a well-formed media reference; its checksum and
 * extension (nullable outputs, pointing into @image). */
gboolean     byline_media_parse_reference    (const char    *image,
                                              const char   **checksum,
                                              const char   **extension);
/* The name an export gives the picture in images/: "<first 16 hex digits
 * of the checksum>.<ext>", the same on every export; NULL for anything
 * but a media reference. */
char        *byline_media_dup_export_name    (const char    *image);
/* Whether @image is a picture on the web (http or https). */
gboolean     byline_media_is_remote          (const char    *image);

/* Copies of pictures kept in a cache folder under their export names: a
 * copy is touched when used (at most once a day), and the ones not used
 * for @max_age are removed. Files of other names are left alone. */
void         byline_media_touch_copy         (const char    *path);
guint        byline_media_prune_copies       (const char    *dir,
                                              GTimeSpan      max_age);

G_END_DECLS
