/* byline-connect-dialog.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_CONNECT_DIALOG (byline_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineConnectDialog, byline_connect_dialog, BYLINE, CONNECT_DIALOG, AdwWindow)

/* Asks for a newsroom server's address and password. It connects to
 * nothing itself: "connect" says what the person asked for, and whoever
 * opens the newsroom answers with byline_connect_dialog_fail() or closes
 * the dialog; "use-local" asks for the newsroom file on this computer.
 * @address may be NULL. */
BylineConnectDialog *byline_connect_dialog_new        (GtkWindow           *parent,
                                                       const char          *address);
const char          *byline_connect_dialog_get_address (BylineConnectDialog *self);
void                 byline_connect_dialog_set_address (BylineConnectDialog *self,
                                                        const char          *address);
/* What is typed in the password field, or NULL when it is empty (the
 * server's own ways then apply: ~/.pgpass, the keyring, no password). */
const char          *byline_connect_dialog_get_password (BylineConnectDialog *self);
gboolean             byline_connect_dialog_get_remember (BylineConnectDialog *self);
/* Shows why connecting failed and lets the person try again; a refused
 * login moves the focus to the password. */
void                 byline_connect_dialog_fail        (BylineConnectDialog *self,
                                                        const GError        *error);

G_END_DECLS
