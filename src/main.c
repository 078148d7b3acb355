/* main.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-cli.h"

/* Run from the build tree, the schema sits in the build's data folder, not
 * installed. This must happen before GSettings first looks for schemas. */
static void
find_uninstalled_schema (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *current = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *dirs = NULL;

  if (exe == NULL || !g_str_has_prefix (exe, BYLINE_BUILD_ROOT "/") ||
      !g_file_test (BYLINE_BUILD_DATADIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    return;

  dirs = current && *current ? g_strconcat (BYLINE_BUILD_DATADIR, ":", current, NULL)
                             : g_strdup (BYLINE_BUILD_DATADIR);
  g_setenv ("GSETTINGS_SCHEMA_DIR", dirs, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  find_uninstalled_schema ();

  /* Import, list and export run without a display. */
  if (byline_cli_wants (argc, argv))
    return byline_cli_main (argc, argv);

  g_set_application_name ("Byline");

  app = byline_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
