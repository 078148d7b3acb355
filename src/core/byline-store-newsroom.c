/* byline-store-newsroom.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the newsroom shares beyond its articles, above the engines: edit
 * locks (who this desk is, and the rule that an engine that cannot lock
 * lets every desk edit, as before locks existed) and the masthead. */

#define G_LOG_DOMAIN "byline-store"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-backend.h"
#include "byline-store-private.h"

gboolean
byline_store_lock_article (BylineStore  *self,
                           gint64        id,
                           gboolean      take_over,
                           gboolean     *acquired,
                           char        **holder,
                           GError      **error)
{
  BylineStoreBackend *backend;
  g_autofree char *name = NULL;
  g_autofree char *held_by = NULL;
  gboolean got = FALSE;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  backend = _byline_store_get_backend (self);
  if (backend->vtable->lock_article == NULL)
    got = TRUE;
  else
    {
      name = byline_store_dup_user_name (self);
      if (!backend->vtable->lock_article (backend, id, byline_store_get_desk (self), name,
                                          take_over, _byline_store_now (), &got, &held_by, error))
        return FALSE;
    }

  if (acquired != NULL)
    *acquired = got;
  if (holder != NULL)
    *holder = g_strdup (held_by ? held_by : "");

  /* This desk's own change: the others learn it from the engine. */
  if (got)
    _byline_store_emit_changed (self, id, BYLINE_STORE_CHANGED_LOCK);

  return TRUE;
}

gboolean
byline_store_heartbeat_lock (BylineStore  *self,
                             gint64        id,
                             gboolean     *held,
                             GError      **error)
{
  BylineStoreBackend *backend;
  gboolean still = TRUE;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  backend = _byline_store_get_backend (self);
  if (backend->vtable->heartbeat_lock != NULL &&
      !backend->vtable->heartbeat_lock (backend, id, byline_store_get_desk (self),
                                        _byline_store_now (), &still, error))
    return FALSE;

  if (held != NULL)
    *held = still;

  return TRUE;
}

gboolean
byline_store_unlock_article (BylineStore  *self,
                             gint64        id,
                             GError      **error)
{
  BylineStoreBackend *backend;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  backend = _byline_store_get_backend (self);
  if (backend->vtable->unlock_article == NULL)
    return TRUE;

  if (!backend->vtable->unlock_article (backend, id, byline_store_get_desk (self), error))
    return FALSE;

  _byline_store_emit_changed (self, id, BYLINE_STORE_CHANGED_LOCK);
  return TRUE;
}

/* --- The publication -------------------------------------------------------- */

BylinePublication *
byline_store_load_publication (BylineStore  *self,
                               gboolean     *stored,
                               GError      **error)
{
  BylineStoreBackend *backend;
  BylinePublication *publication = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  if (backend->vtable->load_publication != NULL &&
      !backend->vtable->load_publication (backend, &publication, error))
    return NULL;

  if (stored != NULL)
    *stored = publication != NULL;

  return publication != NULL ? publication : byline_publication_new ();
}

gboolean
byline_store_save_publication (BylineStore              *self,
                               const BylinePublication  *publication,
                               GError                  **error)
{
  BylineStoreBackend *backend;
  g_autoptr(BylinePublication) checked = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);

  backend = _byline_store_get_backend (self);
  if (backend->vtable->save_publication == NULL)
    return TRUE;

  /* A masthead needs a name: an empty one keeps the default. */
  checked = byline_publication_copy (publication);
  if (checked->name == NULL || *checked->name == '\0')
    {
      g_autoptr(BylinePublication) defaults = byline_publication_new ();

      g_free (checked->name);
      checked->name = g_strdup (defaults->name);
    }
  if (checked->language == NULL || *checked->language == '\0')
    {
      g_free (checked->language);
      checked->language = g_strdup ("en");
    }

  if (!backend->vtable->save_publication (backend, checked, error))
    return FALSE;

  _byline_store_emit_changed (self, 0, BYLINE_STORE_CHANGED_PUBLICATION);
  return TRUE;
}
