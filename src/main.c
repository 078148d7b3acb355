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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Uninstalled (`meson devenv`), the build's catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BYLINE_LOCALE_DIR") != NULL ? g_getenv ("BYLINE_LOCALE_DIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Import, list and export run without a display. */
  if (byline_cli_wants (argc, argv))
    return byline_cli_main (argc, argv);

  g_set_application_name ("Byline");

  app = byline_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
