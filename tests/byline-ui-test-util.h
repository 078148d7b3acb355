/* byline-ui-test-util.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers the widget tests share: waiting on the main loop, one registered
 * application for the whole run, a newsroom in a temporary folder and a
 * window presented on it and closed again.
 *
 * Header-only (static inline), like byline-test-util.h. Include it after
 * "config.h". */

#pragma once

#include <adwaita.h>

#include "byline-test-util.h"
#include "byline-window.h"

G_BEGIN_DECLS

/* Spins the main loop until @cond holds, failing after @seconds. */
#define WAIT_FOR(cond, seconds, what) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds ((seconds), byline_test_timeout_cb, &timed_out_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (timed_out_) \
      g_error ("Timed out after %d s waiting for %s", (seconds), (what)); \
    g_source_remove (id_); \
  } G_STMT_END

/* Runs what the main loop has ready, without waiting. */
static inline void
byline_ui_test_spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A new AdwApplication @app_id, registered. One serves every test of a
 * run: a second one could not take the same object path on the session bus.
 * Returns: (transfer full): the application. */
static inline GtkApplication *
byline_ui_test_app_new (const char *app_id)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  app = GTK_APPLICATION (adw_application_new (app_id, G_APPLICATION_NON_UNIQUE));
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the test application: %s", error->message);

  return g_steal_pointer (&app);
}

/* Makes a folder from @tmpl ("byline-unit-XXXXXX") into *@dir and opens a
 * new newsroom.db in it.
 * Returns: (transfer full): the store. */
static inline BylineStore *
byline_ui_test_store_new (const char  *tmpl,
                          char       **dir)
{
  g_autofree char *path = NULL;

  *dir = byline_test_make_tmp_dir (tmpl);
  path = g_build_filename (*dir, "newsroom.db", NULL);
  return byline_test_store_new (path);
}

/* Presents @window and waits until it is mapped. */
static inline void
byline_ui_test_present (BylineWindow *window)
{
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10, "the window to show");
}

/* Destroys @window and lets what that set off run. */
static inline void
byline_ui_test_close (BylineWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  byline_ui_test_spin_idle ();
}

/* The first widget of @type at or below @widget, depth first.
 * Returns: (transfer none) (nullable): the widget. */
static inline GtkWidget *
byline_ui_test_find_descendant (GtkWidget *widget,
                                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_ui_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget at or below @widget that does @action ("win.new-article").
 * Returns: (transfer none) (nullable): the widget. */
static inline GtkWidget *
byline_ui_test_find_action (GtkWidget  *widget,
                            const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_ui_test_find_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The text of an editing field, whichever widget it is: an entry, an entry
 * row, or a text view (the headline, standfirst and body). */
static inline char *
byline_ui_test_dup_field_text (GtkWidget *field)
{
  GtkTextIter start;
  GtkTextIter end;

  if (GTK_IS_EDITABLE (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

  g_assert_true (GTK_IS_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

/* Replaces a field's text as a paste over all of it would (so not in a
 * read-only one). */
static inline void
byline_ui_test_set_field_text (GtkWidget  *field,
                               const char *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  gboolean editable;

  /* A paste changes nothing in a read-only field. */
  if (GTK_IS_EDITABLE (field))
    {
      if (gtk_editable_get_editable (GTK_EDITABLE (field)))
        gtk_editable_set_text (GTK_EDITABLE (field), text);
      return;
    }

  g_assert_true (GTK_IS_TEXT_VIEW (field));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  editable = gtk_text_view_get_editable (GTK_TEXT_VIEW (field));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, editable);
  gtk_text_buffer_insert_interactive (buffer, &start, text, -1, editable);
  gtk_text_buffer_end_user_action (buffer);
}

/* The runs of @buffer's text that carry the tag named @tag_name (the
 * spell check's "misspelled"), joined by "|"; "" when none do or there is
 * no such tag.
 * Returns: (transfer full): the text. */
static inline char *
byline_ui_test_dup_tagged (GtkTextBuffer *buffer,
                           const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  g_autoptr(GString) runs = g_string_new (NULL);
  GtkTextIter iter;

  if (tag == NULL)
    return g_string_free (g_steal_pointer (&runs), FALSE);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *run = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      run = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (runs, "%s%s", runs->len ? "|" : "", run);
      iter = end;
    }

  return g_string_free (g_steal_pointer (&runs), FALSE);
}

G_END_DECLS
