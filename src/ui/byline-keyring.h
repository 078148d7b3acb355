/* byline-keyring.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A newsroom server's password in the desktop's keyring (the Secret
 * Service: GNOME Keyring, KWallet), so the window asks for it once. Keyed
 * by the server address without its password. The command line never
 * looks here: it uses ~/.pgpass, as psql does. */

void     byline_keyring_lookup_async  (const char           *uri,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
/* The password, or NULL with no error when none is kept. (transfer full) */
char    *byline_keyring_lookup_finish (GAsyncResult         *result,
                                       GError              **error);
void     byline_keyring_store_async   (const char           *uri,
                                       const char           *password,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean byline_keyring_store_finish  (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
