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
  if (backend->vtable->heartbeat_lock != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* The heartbeat is what notices a server gone while nothing is saved. */
      if (!backend->vtable->heartbeat_lock (backend, id, byline_store_get_desk (self),
                                            _byline_store_now (), &still, &local_error))
        {
          _byline_store_note_query (self, local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      _byline_store_note_query (self, NULL);
    }

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

/* --- the newsroom dictionary ------------------------------------------------ */

GStrv
byline_store_list_dictionary (BylineStore  *self,
                              GError      **error)
{
  BylineStoreBackend *backend;
  g_autoptr(GPtrArray) words = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  if (backend->vtable->list_dictionary == NULL)
    return g_new0 (char *, 1);

  words = backend->vtable->list_dictionary (backend, error);
  if (words == NULL)
    return NULL;

  g_ptr_array_add (words, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/* The word as stored, or NULL with an error saying what is wrong. */
static char *
dup_dictionary_word (const char  *word,
                     GError     **error)
{
  g_autofree char *stripped = NULL;

  if (word == NULL || !g_utf8_validate (word, -1, NULL))
    {
      g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                           _("The word is not valid text. Type it again."));
      return NULL;
    }

  stripped = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);
  g_strstrip (stripped);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                           _("An empty word cannot go in the dictionary."));
      return NULL;
    }

  for (const char *p = stripped; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                     _("“%s” is more than one word: add each word on its own."), stripped);
        return NULL;
      }

  if (g_utf8_strlen (stripped, -1) > BYLINE_DICTIONARY_WORD_CHARS)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("A word in the dictionary may have at most %d characters."),
                   BYLINE_DICTIONARY_WORD_CHARS);
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

gboolean
byline_store_add_to_dictionary (BylineStore  *self,
                                const char   *word,
                                GError      **error)
{
  BylineStoreBackend *backend;
  g_autofree char *checked = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  checked = dup_dictionary_word (word, error);
  if (checked == NULL)
    return FALSE;

  backend = _byline_store_get_backend (self);
  if (backend->vtable->add_dictionary_word == NULL)
    {
      g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                           _("This newsroom cannot keep a dictionary."));
      return FALSE;
    }

  who = byline_store_dup_user_name (self);

  if (!backend->vtable->add_dictionary_word (backend, checked, who != NULL ? who : "",
                                             _byline_store_now (), error))
    return FALSE;

  _byline_store_emit_changed (self, 0, BYLINE_STORE_CHANGED_DICTIONARY);
  return TRUE;
}

gboolean
byline_store_remove_from_dictionary (BylineStore  *self,
                                     const char   *word,
                                     GError      **error)
{
  BylineStoreBackend *backend;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  checked = dup_dictionary_word (word, error);
  if (checked == NULL)
    return FALSE;

  backend = _byline_store_get_backend (self);
  if (backend->vtable->remove_dictionary_word == NULL)
    return TRUE;

  if (!backend->vtable->remove_dictionary_word (backend, checked, error))
    return FALSE;

  _byline_store_emit_changed (self, 0, BYLINE_STORE_CHANGED_DICTIONARY);
  return TRUE;
}
