/* test-connect-dialog.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Connect to a Newsroom Server…": what a person types and sees. */

#include "config.h"

#include "byline-connect-dialog.h"
#include "byline-store.h"
#include "byline-ui-test-util.h"

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

typedef struct
{
  guint     n_connects;
  char     *address;
  char     *password;
  gboolean  remember;
} Requests;

static void
connect_cb (BylineConnectDialog *dialog,
            const char          *address,
            const char          *password,
            gboolean             remember,
            Requests            *requests)
{
  requests->n_connects++;
  g_free (requests->address);
  requests->address = g_strdup (address);
  g_free (requests->password);
  requests->password = g_strdup (password);
  requests->remember = remember;
}

static void
test_address (void)
{
  BylineConnectDialog *dialog = byline_connect_dialog_new (NULL, NULL);
  GtkWidget *address_row, *connect, *message;
  Requests requests = { 0 };

  g_signal_connect (dialog, "connect", G_CALLBACK (connect_cb), &requests);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)), 10, "the dialog to show");

  address_row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Server Address");
  connect = find_widget (GTK_WIDGET (dialog), is_button_labelled, "C_onnect");
  message = find_widget (GTK_WIDGET (dialog), is_error_label, NULL);
  g_assert_nonnull (address_row);
  g_assert_nonnull (connect);
  g_assert_nonnull (message);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, "Password"));

  /* Nothing typed: nothing to connect to, and no complaint yet. */
  g_assert_false (gtk_widget_get_sensitive (connect));
  g_assert_false (gtk_widget_get_visible (message));

  /* A file name is not a server: say what an address looks like. */
  gtk_editable_set_text (GTK_EDITABLE (address_row), "newsroom.db");
  g_assert_false (gtk_widget_get_sensitive (connect));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "postgresql://"));

  gtk_editable_set_text (GTK_EDITABLE (address_row),
                         "postgresql://desk@news.example.org:5432/newsroom?sslmode=verify-full");
  g_assert_true (gtk_widget_get_sensitive (connect));
  g_assert_false (gtk_widget_get_visible (message));

  /* Connecting says what was asked for; no password typed is none given,
   * so ~/.pgpass or the keyring apply. */
  g_signal_emit_by_name (connect, "clicked");
  g_assert_cmpuint (requests.n_connects, ==, 1);
  g_assert_cmpstr (requests.address, ==,
                   "postgresql://desk@news.example.org:5432/newsroom?sslmode=verify-full");
  g_assert_null (requests.password);
  g_assert_true (requests.remember);
  /* While it tries, it can't be asked twice. */
  g_assert_false (gtk_widget_get_sensitive (connect));

  g_free (requests.address);
  g_free (requests.password);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_fail (void)
{
  BylineConnectDialog *dialog = byline_connect_dialog_new (NULL, "postgresql://desk@localhost/newsroom");
  GtkWidget *password_row, *connect, *message;
  g_autoptr(GError) error = NULL;
  Requests requests = { 0 };

  g_signal_connect (dialog, "connect", G_CALLBACK (connect_cb), &requests);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)), 10, "the dialog to show");

  password_row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Password");
  connect = find_widget (GTK_WIDGET (dialog), is_button_labelled, "C_onnect");
  message = find_widget (GTK_WIDGET (dialog), is_error_label, NULL);

  gtk_editable_set_text (GTK_EDITABLE (password_row), "typewriter");
  g_signal_emit_by_name (connect, "clicked");
  g_assert_cmpuint (requests.n_connects, ==, 1);
  g_assert_cmpstr (requests.password, ==, "typewriter");

  /* A refused login: the reason shows, and the person can try again. */
  error = g_error_new_literal (BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_AUTH,
                               "The newsroom server localhost/newsroom did not accept the login.");
  byline_connect_dialog_fail (dialog, error);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, error->message);
  g_assert_true (gtk_widget_get_sensitive (connect));
  g_assert_true (gtk_widget_get_sensitive (password_row));

  g_free (requests.address);
  g_free (requests.password);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
count_cb (gpointer  dialog,
          guint    *count)
{
  (*count)++;
}

static void
test_use_local (void)
{
  BylineConnectDialog *dialog = byline_connect_dialog_new (NULL, NULL);
  GtkWidget *local;
  guint n_local = 0;

  g_signal_connect (dialog, "use-local", G_CALLBACK (count_cb), &n_local);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Cancelling a server at start-up need not leave one without a window:
   * the newsroom file on this computer is one click away. */
  local = find_widget (GTK_WIDGET (dialog), is_button_labelled, "Use the Newsroom on _This Computer");
  g_assert_nonnull (local);
  g_signal_emit_by_name (local, "clicked");
  g_assert_cmpuint (n_local, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/byline/connect-dialog/address", test_address);
  g_test_add_func ("/byline/connect-dialog/fail", test_fail);
  g_test_add_func ("/byline/connect-dialog/use-local", test_use_local);

  return g_test_run ();
}
