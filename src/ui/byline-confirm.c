/* byline-confirm.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-confirm.h"

/**
 * byline_confirm_dialog_new:
 * @parent: the window asking
 * @heading: the question
 * @body: what happens, and whether it can be undone
 * @response: the id of the response that goes ahead ("cancel" is the other)
 * @label: its button's label, with a mnemonic
 * @appearance: how its button looks
 *
 * A question with Cancel and one way ahead. Enter and Escape choose Cancel
 * when going ahead destroys something; Enter chooses the suggested way
 * otherwise. Connect to "response" and present it.
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
byline_confirm_dialog_new (GtkWindow             *parent,
                           const char            *heading,
                           const char            *body,
                           const char            *response,
                           const char            *label,
                           AdwResponseAppearance  appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (message, response, appearance);
  adw_message_dialog_set_default_response (message,
                                           appearance == ADW_RESPONSE_SUGGESTED ? response : "cancel");
  adw_message_dialog_set_close_response (message, "cancel");

  return dialog;
}
