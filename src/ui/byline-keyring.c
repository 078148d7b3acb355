/* byline-keyring.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "byline-keyring.h"
#include "byline-pg-connection.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    BASE_APP_ID ".Newsroom", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      /* No keyring on this desktop is not a failure: the window asks. */
      g_debug ("Could not read the keyring: %s", error->message);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_return_pointer (task, password, (GDestroyNotify)secret_password_free);
}

void
byline_keyring_lookup_async (const char          *uri,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *server = NULL;

  g_return_if_fail (uri != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_keyring_lookup_async);

  server = byline_pg_dup_display_uri (uri);
  secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "server", server,
                          NULL);
}

char *
byline_keyring_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The password could not be kept in the keyring (%s); "
                                 "Byline will ask for it next time."),
                               error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
byline_keyring_store_async (const char          *uri,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *server = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_keyring_store_async);

  server = byline_pg_dup_display_uri (uri);
  /* Translators: the keyring's name for the item; %s is a server address. */
  label = g_strdup_printf (_("Byline newsroom server %s"), server);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "server", server,
                         NULL);
}

gboolean
byline_keyring_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
