/* byline-application.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-application"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-demo.h"
#include "byline-gl.h"
#include "byline-preferences-window.h"
#include "byline-store.h"
#include "byline-window.h"

struct _BylineApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  BylineStore    *store;
  GSettings      *settings;
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
                                          self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
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
    { "win.search", { "<Primary>f", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "win.save-revision", { "<Primary>s", NULL } },
    { "win.show-history", { "<Primary>h", NULL } },
    { "window.close", { "<Primary>w", NULL } },
  };

  G_APPLICATION_CLASS (byline_application_parent_class)->startup (application);

  /* Before any window is realized: the renderer is chosen then. */
  if (gdk_display_get_default () != NULL)
    byline_gl_choose_renderer (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
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

static gboolean
ensure_store (BylineApplication  *self,
              GError            **error)
{
  if (self->store != NULL)
    return TRUE;

  self->store = byline_store_new (self->database_path, error);
  if (self->store == NULL)
    return FALSE;

  /* A first start shows a real newsroom, not an empty window. One row is
   * enough to tell: counting them all costs a scan of a big newsroom. */
  if (store_is_empty (self->store, FALSE) && store_is_empty (self->store, TRUE))
    {
      g_autoptr(GError) demo_error = NULL;

      if (!byline_demo_populate (self->store, &demo_error))
        g_message ("Could not create the demo newsroom: %s", demo_error->message);
    }

  return TRUE;
}

static BylineWindow *
present_window (BylineApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window == NULL || !BYLINE_IS_WINDOW (window))
    {
      if (!ensure_store (self, &error))
        {
          show_fatal_error (self, error);
          return NULL;
        }
      window = GTK_WINDOW (byline_window_new (GTK_APPLICATION (self), self->store, self->settings));
    }

  gtk_window_present (window);
  return BYLINE_WINDOW (window);
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
  BylineWindow *window = present_window (BYLINE_APPLICATION (application));

  if (window != NULL)
    byline_window_import_files (window, files, n_files);
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
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
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

  g_clear_object (&self->store);
}

static void
byline_application_finalize (GObject *object)
{
  BylineApplication *self = (BylineApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

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
      N_("The newsroom database to open (default: ~/.local/share/byline/newsroom.db)"), N_("PATH") },
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
