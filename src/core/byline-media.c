/* byline-media.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-media"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-limits.h"
#include "byline-media.h"
#include "byline-store.h"

/* The first 16 hex digits of the checksum name the exported file: short
 * enough for an address, and a clash would take billions of pictures. */
#define EXPORT_NAME_DIGITS 16

void
byline_media_free (BylineMedia *media)
{
  if (media == NULL)
    return;

  g_free (media->checksum);
  g_free (media->mime_type);
  g_clear_pointer (&media->bytes, g_bytes_unref);
  g_free (media->added_by);
  g_free (media);
}

static guint
read_be16 (const guint8 *p)
{
  return (guint)p[0] << 8 | p[1];
}

static guint
read_le16 (const guint8 *p)
{
  return (guint)p[1] << 8 | p[0];
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static guint32
read_le24 (const guint8 *p)
{
  return (guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0];
}

/* A JPEG's size is in its first start-of-frame segment; the segments
 * before it (metadata, tables) are skipped by their lengths. */
static void
jpeg_size (const guint8 *data,
           gsize         len,
           int          *width,
           int          *height)
{
  gsize i = 2;

  while (i + 9 < len)
    {
      guint8 marker;
      guint length;

      if (data[i] != 0xFF)
        return;
      marker = data[i + 1];
      if (marker == 0xFF)
        {
          i++;
          continue;
        }
      /* Markers without a length. */
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
        {
          i += 2;
          continue;
        }
      length = read_be16 (data + i + 2);
      if (length < 2)
        return;
      /* SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          *height = (int)read_be16 (data + i + 5);
          *width = (int)read_be16 (data + i + 7);
          return;
        }
      i += 2 + length;
    }
}

static void
webp_size (const guint8 *data,
           gsize         len,
           int          *width,
           int          *height)
{
  if (len < 30)
    return;

  if (memcmp (data + 12, "VP8X", 4) == 0)
    {
      *width = (int)read_le24 (data + 24) + 1;
      *height = (int)read_le24 (data + 27) + 1;
    }
  else if (memcmp (data + 12, "VP8 ", 4) == 0 && data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A)
    {
      *width = (int)(read_le16 (data + 26) & 0x3FFF);
      *height = (int)(read_le16 (data + 28) & 0x3FFF);
    }
  else if (memcmp (data + 12, "VP8L", 4) == 0 && data[20] == 0x2F)
    {
      guint32 bits = (guint32)data[21] | (guint32)data[22] << 8 | (guint32)data[23] << 16 |
                     (guint32)data[24] << 24;

      *width = (int)(bits & 0x3FFF) + 1;
      *height = (int)((bits >> 14) & 0x3FFF) + 1;
    }
}

const char *
byline_media_sniff (GBytes *bytes,
                    int    *width,
                    int    *height)
{
  gsize len = 0;
  const guint8 *data;
  int w = 0, h = 0;
  const char *type = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    {
      type = "image/jpeg";
      jpeg_size (data, len, &w, &h);
    }
  else if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      type = "image/png";
      if (len >= 24 && memcmp (data + 12, "IHDR", 4) == 0)
        {
          w = (int)MIN (read_be32 (data + 16), G_MAXINT);
          h = (int)MIN (read_be32 (data + 20), G_MAXINT);
        }
    }
  else if (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    {
      type = "image/gif";
      if (len >= 10)
        {
          w = (int)read_le16 (data + 6);
          h = (int)read_le16 (data + 8);
        }
    }
  else if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    {
      type = "image/webp";
      webp_size (data, len, &w, &h);
    }

  if (width != NULL)
    *width = type != NULL ? w : 0;
  if (height != NULL)
    *height = type != NULL ? h : 0;

  return type;
}

static const struct {
  const char *mime_type;
  const char *extension;
} types[] = {
  { "image/jpeg", "jpg" },
  { "image/png", "png" },
  { "image/webp", "webp" },
  { "image/gif", "gif" },
};

const char *
byline_media_type_extension (const char *mime_type)
{
  for (guint i = 0; mime_type != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].mime_type, mime_type))
      return types[i].extension;

  return NULL;
}

const char *
byline_media_extension_type (const char *extension)
{
  for (guint i = 0; extension != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].extension, extension))
      return types[i].mime_type;

  return NULL;
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     goffset      size)
{
  g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

  if (name != NULL)
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                 /* Translators: the file, its size, then the limit in MiB */
                 _("The picture “%s” is %s, more than the %d MiB a picture may have. "
                   "Choose a smaller copy of it."),
                 name, actual, BYLINE_LIMIT_MEDIA_BYTES / (1024 * 1024));
  else
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                 _("The picture is %s, more than the %d MiB a picture may have. "
                   "Choose a smaller copy of it."),
                 actual, BYLINE_LIMIT_MEDIA_BYTES / (1024 * 1024));
}

gboolean
byline_media_check (GBytes      *bytes,
                    const char  *name,
                    const char **mime_type,
                    int         *width,
                    int         *height,
                    GError     **error)
{
  const char *type;

  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_bytes_get_size (bytes) > BYLINE_LIMIT_MEDIA_BYTES)
    {
      set_too_large_error (error, name, g_bytes_get_size (bytes));
      return FALSE;
    }

  type = byline_media_sniff (bytes, width, height);
  if (type == NULL)
    {
      if (name != NULL)
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                     _("“%s” is not a JPEG, PNG, WebP or GIF picture, whatever its name says. "
                       "Choose a picture in one of those formats."),
                     name);
      else
        g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                             _("That is not a JPEG, PNG, WebP or GIF picture. "
                               "Choose a picture in one of those formats."));
      return FALSE;
    }

  if (mime_type != NULL)
    *mime_type = type;

  return TRUE;
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_filename_display_name (parse_name);
}

GBytes *
byline_media_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = dup_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                     _("There is no picture “%s”. It may have been moved or deleted."), name);
      else
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                     _("Could not read the picture “%s”: %s"), name, local_error->message);
      return NULL;
    }

  /* A device or a pipe could be endless, a folder is no picture. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("“%s” is not a picture file. Choose a JPEG, PNG, WebP or GIF file."), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > BYLINE_LIMIT_MEDIA_BYTES)
    {
      set_too_large_error (error, name, g_file_info_get_size (info));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("Could not read the picture “%s”: %s"), name, local_error->message);
      return NULL;
    }

  /* It may have grown since it was measured. */
  if (!byline_media_check (bytes, name, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

char *
byline_media_dup_reference (const char *checksum,
                            const char *mime_type)
{
  const char *extension = byline_media_type_extension (mime_type);

  g_return_val_if_fail (checksum != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  return g_strconcat (BYLINE_MEDIA_REFERENCE_PREFIX, checksum, ".", extension, NULL);
}

static gboolean
is_checksum (const char *text,
             gsize       length)
{
  if (length != BYLINE_MEDIA_CHECKSUM_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return TRUE;
}

gboolean
byline_media_parse_reference (const char  *image,
                              const char **checksum,
                              const char **extension)
{
  const char *digits;
  const char *dot;

  if (image == NULL || !g_str_has_prefix (image, BYLINE_MEDIA_REFERENCE_PREFIX))
    return FALSE;

  digits = image + strlen (BYLINE_MEDIA_REFERENCE_PREFIX);
  dot = strchr (digits, '.');
  if (dot == NULL || !is_checksum (digits, dot - digits) ||
      byline_media_extension_type (dot + 1) == NULL)
    return FALSE;

  if (checksum != NULL)
    *checksum = digits;
  if (extension != NULL)
    *extension = dot + 1;

  return TRUE;
}

char *
byline_media_dup_export_name (const char *image)
{
  const char *checksum;
  const char *extension;

  if (!byline_media_parse_reference (image, &checksum, &extension))
    return NULL;

  return g_strdup_printf ("%.*s.%s", EXPORT_NAME_DIGITS, checksum, extension);
}

gboolean
byline_media_is_remote (const char *image)
{
  return image != NULL &&
         (g_ascii_strncasecmp (image, "http://", 7) == 0 ||
          g_ascii_strncasecmp (image, "https://", 8) == 0);
}

/* Whether @name is what byline_media_dup_export_name() gives. */
static gboolean
is_export_name (const char *name)
{
  const char *dot = strchr (name, '.');

  if (dot == NULL || dot - name != EXPORT_NAME_DIGITS)
    return FALSE;
  for (const char *p = name; p < dot; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return byline_media_extension_type (dot + 1) != NULL;
}

/**
 * byline_media_touch_copy:
 * @path: a picture's copy in a cache folder
 *
 * Marks the copy as used now, when it was last marked more than a day
 * ago: a copy in use is never pruned, and showing it writes nothing most
 * of the time.
 */
void
byline_media_touch_copy (const char *path)
{
  GStatBuf st;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (g_stat (path, &st) != 0 || now - (gint64) st.st_mtime < 24 * 60 * 60)
    return;

  if (utime (path, NULL) != 0)
    g_debug ("Could not mark %s as used: %s", path, g_strerror (errno));
}

/**
 * byline_media_prune_copies:
 * @dir: a cache folder of pictures' copies
 * @max_age: how long a copy may go unused
 *
 * Removes the copies in @dir (regular files named as an export names a
 * picture) not used for @max_age. Anything else in the folder, and the
 * folder itself, is left alone; a folder that is not there is nothing to
 * do. Runs on any thread.
 *
 * Returns: how many copies were removed
 */
guint
byline_media_prune_copies (const char *dir,
                           GTimeSpan   max_age)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 oldest = g_get_real_time () / G_USEC_PER_SEC - max_age / G_TIME_SPAN_SECOND;
  const char *name;
  guint removed = 0;

  if (folder == NULL)
    return 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_export_name (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || (gint64) st.st_mtime >= oldest)
        continue;

      if (g_remove (path) == 0)
        removed++;
      else
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }

  return removed;
}
