/* byline-application.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-author.h"
#include "byline-connect-dialog.h"
#include "byline-demo.h"
#include "byline-gl.h"
#include "byline-keyring.h"
#include "byline-outbox.h"
#include "byline-pg-connection.h"
#include "byline-preferences-window.h"
#include "byline-preview.h"
#include "byline-store.h"
#include "byline-window.h"

struct _BylineApplication
{
  AdwApplication  parent_instance;

  /* --database: a file's path or a server's URI; NULL for the newsroom
   * in the settings, or the default file. */
  char           *database_path;
  BylineStore    *store;
  GSettings      *settings;
  /* Files to import once a newsroom server's store is open. */
  GPtrArray      *pending_files;
  /* A newsroom server's saves that wait while it cannot be reached. */
  BylineOutbox   *outbox;
  /* The store prepare_store() last set up: once per newsroom, not per
   * window (each watch is a timer or a listening connection). */
  BylineStore    *prepared;
  guint           outbox_timer;
  gboolean        sending;
};

G_DEFINE_FINAL_TYPE (BylineApplication, byline_application, ADW_TYPE_APPLICATION)

static void
apply_style (BylineApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint style = g_settings_get_enum (self->settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (style, G_N_ELEMENTS (schemes) - 1)]);
}

static void update_user_name (BylineApplication *self);

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing through close-request lets each window save first. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Byline authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Byline",
                         "application-icon", APP_ID,
                         "developer-name", "The Byline authors",
                         "version", PACKAGE_VERSION,
                         "comments", _("Write, review and publish news articles"),
                         "website", "https://github.com/bylinedesk/byline",
                         "issue-url", "https://github.com/bylinedesk/byline/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Byline authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BylineApplication *self = user_data;
  GtkWidget *window;

  window = byline_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                          self->settings, self->store);
  gtk_window_present (GTK_WINDOW (window));
}

static void connect_newsroom_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data);

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "connect-newsroom", connect_newsroom_action },
};

static void
byline_application_startup (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  GtkApplication *app = GTK_APPLICATION (application);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Primary>q", NULL } },
    { "win.new-article", { "<Primary>n", NULL } },
    { "win.duplicate-article", { "<Primary><Shift>d", NULL } },
    { "win.import", { "<Primary>o", NULL } },
    { "win.export-html", { "<Primary>e", NULL } },
    { "win.export-publication", { "<Primary><Shift>e", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.show-preview", { "<Primary><Shift>p", NULL } },
    /* As in GNOME's editors: Ctrl+F finds in the article; the list's
     * search, which looks through every article, is Ctrl+Shift+F. */
    { "win.find", { "<Primary>f", NULL } },
    { "win.find-replace", { "<Primary><Shift>h", NULL } },
    { "win.search", { "<Primary><Shift>f", NULL } },
    { "win.check-article", { "F7", NULL } },
    { "win.focus-body", { "<Primary><Shift>b", NULL } },
    { "win.focus-details", { "<Alt>Return", NULL } },
    { "win.status-menu", { "<Primary><Shift>m", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "win.save-revision", { "<Primary>s", NULL } },
    { "win.show-history", { "<Primary>h", NULL } },
    { "window.close", { "<Primary>w", NULL } },
  };

  G_APPLICATION_CLASS (byline_application_parent_class)->startup (application);

  byline_preview_prune_pictures ();

  /* Before any window is realized: the renderer is chosen then. */
  if (gdk_display_get_default () != NULL)
    byline_gl_choose_renderer (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::author-name", G_CALLBACK (update_user_name), self,
                           G_CONNECT_SWAPPED);
  apply_style (self);
}

static void
show_fatal_error (BylineApplication *self,
                  const GError      *error)
{
  GtkWidget *dialog;

  /* Without a database there is no window to fall back to; say why and how
   * to fix it instead of vanishing. */
  dialog = adw_message_dialog_new (NULL, _("Byline Cannot Open the Newsroom"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
store_is_empty (BylineStore *store,
                gboolean     trashed)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) articles = NULL;

  query.trashed = trashed;
  query.limit = 1;
  articles = byline_store_list_articles (store, &query, NULL);

  return articles != NULL && articles->len == 0;
}

/* What the window opens: --database, else the newsroom chosen last, else
 * the file on this computer (NULL). (transfer full) */
static char *
dup_location (BylineApplication *self)
{
  g_autofree char *chosen = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  chosen = g_settings_get_string (self->settings, "newsroom");
  if (byline_pg_is_uri (chosen))
    return g_steal_pointer (&chosen);

  return NULL;
}

static void
populate_first_start (BylineApplication *self)
{
  /* A first start shows a real newsroom, not an empty window. One row is
   * enough to tell: counting them all costs a scan of a big newsroom. */
  if (store_is_empty (self->store, FALSE) && store_is_empty (self->store, TRUE))
    {
      g_autoptr(GError) demo_error = NULL;

      if (!byline_demo_populate (self->store, &demo_error))
        g_message ("Could not create the demo newsroom: %s", demo_error->message);
    }
}

/* A store the windows use: it follows what other programs and desks
 * change, and records the person's name with each save. */
static void
update_user_name (BylineApplication *self)
{
  g_autofree char *name = byline_author_dup_name (self->settings);

  if (self->store != NULL)
    byline_store_set_user_name (self->store, name);
}

/* Until a newsroom has a masthead of its own, it takes this desk's (as set
 * in Preferences before the masthead moved into the newsroom). */
static void
seed_publication (BylineApplication *self)
{
  g_autoptr(BylinePublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tagline = NULL;
  g_autofree char *base_url = NULL;
  gboolean stored = TRUE;

  publication = byline_store_load_publication (self->store, &stored, &error);
  if (publication == NULL || stored)
    return;

  name = g_settings_get_string (self->settings, "publication-name");
  tagline = g_settings_get_string (self->settings, "publication-tagline");
  base_url = g_settings_get_string (self->settings, "publication-base-url");
  byline_publication_set (publication, *name ? name : NULL, tagline, base_url);
  if (!byline_store_save_publication (self->store, publication, &error))
    g_message ("%s", error->message);
}

static void
send_outbox_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  BylineStore *store = task_data;
  g_autoptr(GError) error = NULL;
  guint sent = 0;
  guint conflicts = 0;

  if (!byline_store_send_outbox (store, &sent, &conflicts, &error))
    g_debug ("The outbox waits: %s", error->message);
  else if (sent + conflicts > 0)
    g_message ("Sent %u saves kept while the newsroom server was away (%u kept as revisions "
               "because someone changed the article meanwhile)", sent + conflicts, conflicts);

  g_task_return_boolean (task, TRUE);
}

static void
outbox_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BYLINE_APPLICATION (object)->sending = FALSE;
}

/* While saves wait, try to send them every few seconds, off the main
 * thread: a server that is still away can take the connect timeout. */
static gboolean
retry_outbox_cb (gpointer user_data)
{
  BylineApplication *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->sending || self->store == NULL || self->outbox == NULL ||
      byline_outbox_count (self->outbox, byline_store_get_path (self->store)) == 0)
    return G_SOURCE_CONTINUE;

  self->sending = TRUE;
  task = g_task_new (self, NULL, outbox_sent_cb, NULL);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, send_outbox_thread);

  return G_SOURCE_CONTINUE;
}

/* On a newsroom server, saves the server cannot take wait in the outbox;
 * what a killed session left there is sent now. */
static void
prepare_outbox (BylineApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!byline_pg_is_uri (byline_store_get_path (self->store)))
    return;

  if (self->outbox == NULL)
    self->outbox = byline_outbox_new (NULL, &error);
  if (self->outbox == NULL)
    {
      g_message ("Saves cannot be kept on this computer while the server is away: %s", error->message);
      return;
    }

  byline_store_set_outbox (self->store, self->outbox);
  if (self->outbox_timer == 0)
    self->outbox_timer = g_timeout_add_seconds (5, retry_outbox_cb, self);
  retry_outbox_cb (self);
}

static void
prepare_store (BylineApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->prepared == self->store)
    return;
  self->prepared = self->store;

  update_user_name (self);
  seed_publication (self);
  prepare_outbox (self);
  if (!byline_store_watch_changes (self->store, &error))
    g_message ("Changes made elsewhere will not show until Byline is restarted: %s",
               error->message);
}

static BylineWindow *
open_window (BylineApplication *self)
{
  BylineWindow *window;

  prepare_store (self);
  window = byline_window_new (GTK_APPLICATION (self), self->store, self->settings);
  gtk_window_present (GTK_WINDOW (window));

  if (self->pending_files != NULL && self->pending_files->len > 0)
    byline_window_import_files (window, (GFile **)self->pending_files->pdata,
                                self->pending_files->len);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  return window;
}

/* --- Opening a newsroom server ----------------------------------------------
 *
 * A server can take seconds to answer (or ten, to time out), so its store is
 * opened on a worker thread, after the keyring has been asked for a
 * password; a file on this computer opens at once, before the first frame. */

typedef struct
{
  char                *location;
  char                *password;
  gboolean             remember;
  BylineConnectDialog *dialog;   /* NULL when opening at start-up */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->location);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_clear_object (&data->dialog);
  g_free (data);
}

static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  BylineStore *store;

  store = byline_store_open (data->location, data->password, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void show_connect_dialog (BylineApplication *self,
                                 const char        *address,
                                 const GError      *error);

static void
keyring_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!byline_keyring_store_finish (result, &error))
    g_message ("%s", error->message);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineApplication *self = BYLINE_APPLICATION (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) old_windows = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  g_application_release (G_APPLICATION (self));

  if (store == NULL)
    {
      if (data->dialog != NULL)
        byline_connect_dialog_fail (data->dialog, error);
      else
        show_connect_dialog (self, data->location, error);
      return;
    }

  /* Opened on a worker: from now on this thread is the store's own. */
  byline_store_adopt (store);

  if (data->remember && data->password != NULL)
    byline_keyring_store_async (data->location, data->password, NULL, keyring_stored_cb, NULL);

  /* Chosen in the dialog: the window opens this newsroom from now on. */
  if (data->dialog != NULL)
    g_settings_set_string (self->settings, "newsroom", data->location);

  /* The windows on the old newsroom save as they close. */
  old_windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_set_object (&self->store, store);
  open_window (self);

  for (GList *l = old_windows; l != NULL; l = l->next)
    if (BYLINE_IS_WINDOW (l->data))
      gtk_window_close (l->data);
  if (data->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (data->dialog));
}

static void
open_store_async (BylineApplication   *self,
                  const char          *location,
                  const char          *password,
                  gboolean             remember,
                  BylineConnectDialog *dialog)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, store_opened_cb, NULL);
  OpenData *data = g_new0 (OpenData, 1);

  data->location = g_strdup (location);
  data->password = g_strdup (password);
  data->remember = remember;
  data->dialog = dialog ? g_object_ref (dialog) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
  g_task_set_source_tag (task, open_store_async);

  /* No window may be up yet: keep the application running meanwhile. */
  g_application_hold (G_APPLICATION (self));
  g_task_run_in_thread (task, open_store_thread);
}

static void
dialog_connect_cb (BylineApplication   *self,
                   const char          *address,
                   const char          *password,
                   gboolean             remember,
                   BylineConnectDialog *dialog)
{
  open_store_async (self, address, password, remember, dialog);
}

static void
dialog_use_local_cb (BylineApplication   *self,
                     BylineConnectDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GList) old_windows = NULL;

  store = byline_store_new (NULL, &error);
  if (store == NULL)
    {
      byline_connect_dialog_fail (dialog, error);
      return;
    }

  g_settings_set_string (self->settings, "newsroom", "");
  if (byline_pg_is_uri (self->database_path))
    g_clear_pointer (&self->database_path, g_free);

  old_windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_set_object (&self->store, store);
  populate_first_start (self);
  open_window (self);

  for (GList *l = old_windows; l != NULL; l = l->next)
    if (BYLINE_IS_WINDOW (l->data))
      gtk_window_close (l->data);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_connect_dialog (BylineApplication *self,
                     const char        *address,
                     const GError      *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BylineConnectDialog *dialog;

  dialog = byline_connect_dialog_new (parent, address);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "connect", G_CALLBACK (dialog_connect_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "use-local", G_CALLBACK (dialog_use_local_cb), self,
                           G_CONNECT_SWAPPED);
  if (error != NULL)
    byline_connect_dialog_fail (dialog, error);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_newsroom_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BylineApplication *self = user_data;
  g_autofree char *location = dup_location (self);

  show_connect_dialog (self, byline_pg_is_uri (location) ? location : NULL, NULL);
}

static void
keyring_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BylineApplication) self = user_data;
  g_autofree char *location = dup_location (self);
  g_autofree char *password = byline_keyring_lookup_finish (result, NULL);

  open_store_async (self, location, password, FALSE, NULL);
  g_application_release (G_APPLICATION (self));
}

/* --- Windows ------------------------------------------------------------- */

static void
present_window (BylineApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  if (window != NULL && BYLINE_IS_WINDOW (window))
    {
      gtk_window_present (window);
      if (self->pending_files != NULL)
        byline_window_import_files (BYLINE_WINDOW (window), (GFile **)self->pending_files->pdata,
                                    self->pending_files->len);
      g_clear_pointer (&self->pending_files, g_ptr_array_unref);
      return;
    }

  if (self->store != NULL)
    {
      open_window (self);
      return;
    }

  location = dup_location (self);
  if (byline_pg_is_uri (location))
    {
      g_application_hold (G_APPLICATION (self));
      byline_keyring_lookup_async (location, NULL, keyring_lookup_cb, g_object_ref (self));
      return;
    }

  self->store = byline_store_new (location, &error);
  if (self->store == NULL)
    {
      show_fatal_error (self, error);
      return;
    }

  populate_first_start (self);
  open_window (self);
}

static void
byline_application_activate (GApplication *application)
{
  present_window (BYLINE_APPLICATION (application));
}

static void
byline_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  if (self->pending_files == NULL)
    self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_files, g_object_ref (files[i]));

  present_window (self);
}

static int
byline_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("byline %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_free (self->database_path);
      if (byline_pg_is_uri (path))
        {
          self->database_path = g_strdup (path);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

          self->database_path = g_file_get_path (file);
        }
      /* Another database is another newsroom: don't hand it to a window
       * that already shows a different one. */
      g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
byline_application_shutdown (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  G_APPLICATION_CLASS (byline_application_parent_class)->shutdown (application);

  g_clear_handle_id (&self->outbox_timer, g_source_remove);
  g_clear_object (&self->store);
}

static void
byline_application_finalize (GObject *object)
{
  BylineApplication *self = (BylineApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_handle_id (&self->outbox_timer, g_source_remove);
  g_clear_object (&self->outbox);

  G_OBJECT_CLASS (byline_application_parent_class)->finalize (object);
}

static void
byline_application_class_init (BylineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = byline_application_finalize;
  app_class->startup = byline_application_startup;
  app_class->activate = byline_application_activate;
  app_class->open = byline_application_open;
  app_class->handle_local_options = byline_application_handle_local_options;
  app_class->shutdown = byline_application_shutdown;
}

static void
byline_application_init (BylineApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The newsroom to open: a database file (default: ~/.local/share/byline/newsroom.db) "
         "or a newsroom server’s postgresql:// address"), N_("PATH|URI") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Write, review and publish news articles.\n\n"
      "Command line, without a window:\n"
      "  byline [--database PATH] --import FILE…\n"
      "  byline [--database PATH] --list\n"
      "  byline [--database PATH] --export ID|all --output PATH [--format html|ninjs]\n"
      "  byline [--database PATH] --related ID\n"
      "  byline [--database PATH] --set-status ID STATE\n"
      "  byline [--database PATH] --history ID\n"
      "  byline [--database PATH] --diff ID REV_A REV_B\n\n"
      "Add --help after any of these for its own options."));
}

BylineApplication *
byline_application_new (void)
{
  return g_object_new (BYLINE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/bylinedesk/Byline",
                       NULL);
}
