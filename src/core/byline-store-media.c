/* byline-store-media.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pictures kept in the newsroom, above the engines: what a picture must be
 * (byline-media.c checks it), its checksum, and the reference an article
 * keeps. */

#define G_LOG_DOMAIN "byline-store"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-backend.h"
#include "byline-store-private.h"

char *
byline_store_add_media (BylineStore  *self,
                        GBytes       *bytes,
                        GError      **error)
{
  BylineStoreBackend *backend;
  g_autofree char *checksum = NULL;
  g_autofree char *added_by = NULL;
  const char *mime_type = NULL;
  BylineMedia media = { 0 };
  gboolean added = FALSE;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!byline_media_check (bytes, NULL, &mime_type, &media.width, &media.height, error))
    return NULL;

  backend = _byline_store_get_backend (self);
  if (backend->vtable->insert_media == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("This newsroom cannot keep pictures. Update Byline."));
      return NULL;
    }

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  added_by = byline_store_dup_user_name (self);
  media.checksum = checksum;
  media.mime_type = (char *)mime_type;
  media.bytes = bytes;
  media.created = _byline_store_now ();
  media.added_by = added_by;

  if (!backend->vtable->insert_media (backend, &media, &added, error))
    return NULL;

  g_debug ("Picture %s %s", checksum, added ? "added" : "already kept");

  return byline_media_dup_reference (checksum, mime_type);
}

char *
byline_store_add_media_file (BylineStore   *self,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = byline_media_read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return byline_store_add_media (self, bytes, error);
}

BylineMedia *
byline_store_load_media (BylineStore  *self,
                         const char   *reference,
                         GError      **error)
{
  BylineStoreBackend *backend;
  g_autoptr(BylineMedia) media = NULL;
  g_autofree char *checksum = NULL;
  const char *digits;
  const char *extension;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!byline_media_parse_reference (reference, &digits, &extension))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("The lead picture is not kept in the newsroom (it names “%s”). "
                     "Choose the picture again."),
                   reference != NULL ? reference : "");
      return NULL;
    }

  checksum = g_strndup (digits, BYLINE_MEDIA_CHECKSUM_LENGTH);
  backend = _byline_store_get_backend (self);
  if (backend->vtable->load_media != NULL &&
      !backend->vtable->load_media (backend, checksum, &media, error))
    return NULL;

  /* A reference whose type is not the kept picture's was not made here. */
  if (media == NULL ||
      g_strcmp0 (byline_media_type_extension (media->mime_type), extension) != 0)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("The lead picture is not in this newsroom. Choose the picture again."));
      return NULL;
    }

  return g_steal_pointer (&media);
}
