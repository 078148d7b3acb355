/* empty-window.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <adwaita.h>

#ifdef WITH_WEBKIT
# include <webkit/webkit.h>
#endif

/* The floor for bench/startup.py: the least a libadwaita program can show,
 * a window of Byline's size with a header bar and a line of text. Built a
 * second time linked with WebKitGTK (empty-window-webkit), which it only
 * asks for its version, to show what loading that library costs at exec. */

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *text = NULL;

#ifdef WITH_WEBKIT
  text = g_strdup_printf ("An empty newsroom (WebKitGTK %u.%u)",
                          webkit_get_major_version (), webkit_get_minor_version ());
#else
  text = g_strdup ("An empty newsroom");
#endif

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Empty Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.bylinedesk.Byline.EmptyWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
