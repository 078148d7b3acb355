/* byline-window-actions.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the window's win.* actions do. The menus, buttons, shortcuts and
 * toasts name these actions; the bigger jobs they start live with their
 * kind: exporting, the workflow, review. */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-author.h"
#include "byline-confirm.h"
#include "byline-editor-pane-private.h"
#include "byline-importer.h"
#include "byline-window-private.h"

static const char * const article_actions[] = {
  "win.duplicate-article",
  "win.trash-article",
  "win.export-html",
  "win.export-ninjs",
  "win.set-status",
  "win.save-revision",
  "win.show-history",
  "win.focus-body",
  "win.focus-details",
  "win.status-menu",
};

/* Of those, what would write the article while another desk edits it:
 * a change of state or the Trash would bump its version under them. */
static const char * const writing_actions[] = {
  "win.trash-article",
  "win.set-status",
};

/* What would write to the newsroom at all: off when it opened read-only
 * (byline_store_is_read_only()), so nothing offers what must fail. */
static const char * const newsroom_writing_actions[] = {
  "win.new-article",
  "win.duplicate-article",
  "win.restore-article",
  "win.restore-selected",
  "win.empty-trash",
  "win.import",
  "win.save-now",
  "win.save-revision",
  "win.take-over",
  "win.keep-as-new-article",
  "win.keep-mine",
};

void
_byline_window_update_actions (BylineWindow *self)
{
  gboolean newsroom_writable = self->store == NULL || !byline_store_is_read_only (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (article_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), article_actions[i], self->article != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing_actions[i],
                                   self->article != NULL && !self->read_only);
  if (!newsroom_writable)
    for (guint i = 0; i < G_N_ELEMENTS (newsroom_writing_actions); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), newsroom_writing_actions[i], FALSE);
}

/* Opens the article through win.open-article, as everything does that
 * shows an article; says whether article @id is open now. */
static gboolean
open_article (BylineWindow *self,
              gint64        id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-article", "x", id);

  return self->article != NULL && byline_article_get_id (self->article) == id;
}

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!_byline_window_load_article (self, g_variant_get_int64 (parameter), FALSE, &error))
    _byline_window_show_error (self, error);
}

static void
new_article_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = byline_author_dup_name (self->settings);

  /* The person's own name (Preferences ▸ Your Name), not a newsroom
   * server's role, which only records who did what. */
  byline_article_set_byline (article, name);
  /* No language of its own: the store gives it the publication's. */
  byline_article_set_language (article, NULL);
  if (!byline_window_save_now (self, &error) ||
      !byline_store_save_article (self->store, article, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  if (!open_article (self, byline_article_get_id (article)))
    return;

  if (byline_sidebar_get_show_trash (self->sidebar))
    byline_sidebar_set_show_trash (self->sidebar, FALSE);
  _byline_window_show_editor (self);
  byline_editor_pane_focus_headline (self->editor);
}

static void
duplicate_article_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;

  if (self->article == NULL)
    return;

  copy = byline_article_copy (self->article);
  headline = g_strdup_printf (_("%s (Copy)"), byline_article_get_headline (self->article));
  byline_article_set_id (copy, 0);
  byline_article_set_uuid (copy, NULL);
  byline_article_set_slug (copy, NULL);
  byline_article_set_created (copy, 0);
  byline_article_set_published (copy, 0);
  byline_article_set_status (copy, BYLINE_STATUS_DRAFT);
  byline_article_set_headline (copy, headline);

  if (!byline_window_save_now (self, &error) ||
      !byline_store_save_article (self->store, copy, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  open_article (self, byline_article_get_id (copy));
}

static void
trash_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (self->article == NULL)
    return;

  if (byline_sidebar_get_show_trash (self->sidebar))
    return;

  id = byline_article_get_id (self->article);
  if (!byline_window_save_now (self, &error) ||
      !byline_store_trash_article (self->store, id, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  title = g_strdup_printf (_("“%s” moved to the Trash"),
                           byline_article_get_display_headline (self->article));
  _byline_window_set_article (self, NULL);
  byline_article_list_reload (byline_sidebar_get_list (self->sidebar));
  _byline_window_open_first_article (self);
  _byline_window_show_toast (self, title, _("_Undo"), "win.restore-article", g_variant_new_int64 (id));
}

static void
restore_article_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (parameter != NULL)
    id = g_variant_get_int64 (parameter);
  else if (byline_sidebar_get_show_trash (self->sidebar))
    id = byline_sidebar_get_selected_id (self->sidebar);

  if (id <= 0)
    return;

  if (!byline_store_restore_article (self->store, id, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  byline_sidebar_set_show_trash (self->sidebar, FALSE);
  byline_article_list_reload (byline_sidebar_get_list (self->sidebar));
  open_article (self, id);
}

static gboolean
article_is_trashed (BylineWindow *self,
                    gint64        id)
{
  BylineArticleQuery trash = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) trashed = NULL;

  trash.trashed = TRUE;
  trashed = byline_store_list_articles (self->store, &trash, NULL);
  for (guint i = 0; trashed != NULL && i < trashed->len; i++)
    if (byline_article_summary_get_id (g_ptr_array_index (trashed, i)) == id)
      return TRUE;

  return FALSE;
}

static void
empty_trash_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         BylineWindow     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "empty") != 0)
    return;

  /* Edits to an open trashed article are written before it goes for good,
   * and only an article that was in the Trash is closed. */
  if (!byline_window_save_now (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return;
    }

  if (self->article != NULL && article_is_trashed (self, byline_article_get_id (self->article)))
    _byline_window_set_article (self, NULL);

  if (!byline_store_empty_trash (self->store, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  byline_article_list_reload (byline_sidebar_get_list (self->sidebar));
  _byline_window_show_toast (self, _("Trash emptied"), NULL, NULL, NULL);
}

static void
empty_trash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n;

  query.trashed = TRUE;
  n = byline_store_count_articles (self->store, &query, NULL);
  if (n == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The article in the Trash will be deleted for good. This cannot be undone.",
                                       "All %u articles in the Trash will be deleted for good. This cannot be undone.",
                                       n), n);
  dialog = byline_confirm_dialog_new (GTK_WINDOW (self), _("Empty the Trash?"), body,
                                     "empty", _("_Empty Trash"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_trash_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_now_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed write has put up the banner already ("failed"). */
  if (!byline_autosave_flush_finish (BYLINE_AUTOSAVE (object), result, &error))
    g_debug ("Save Now: %s", error->message);
}

/* Ctrl+S: what is typed goes to disk now, after any write under way,
 * without holding up the window while it does. */
static void
save_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  byline_editor_pane_commit_pending (self->editor);
  byline_autosave_flush_async (self->autosave, NULL, save_now_done_cb, g_object_ref (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  byline_sidebar_focus_search (self->sidebar);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Importing */

void
byline_window_import_files (BylineWindow  *self,
                            GFile        **files,
                            int            n_files)
{
  gint64 last_id = 0;
  guint imported = 0;
  g_autofree char *title = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;

      article = byline_import_file_to_store (self->store, files[i], NULL, NULL, &warning, &error);
      if (warning != NULL)
        _byline_window_show_toast (self, warning, NULL, NULL, NULL);
      if (article != NULL)
        {
          byline_store_resolve_pins (self->store, article);
          if (byline_store_save_article (self->store, article, &error))
            {
              last_id = byline_article_get_id (article);
              imported++;
              continue;
            }
        }

      _byline_window_show_error (self, error);
    }

  if (last_id <= 0)
    return;

  open_article (self, last_id);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u article", "Imported %u articles", imported),
                           imported);
  _byline_window_show_toast (self, title, NULL, NULL, NULL);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BylineWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      byline_window_import_files (self, (GFile **)array->pdata, array->len);
    }

  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;

  dialog = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Text and Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Exporting, the workflow and review */

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _byline_window_export_article (BYLINE_WINDOW (widget), FALSE);
}

static void
export_ninjs_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _byline_window_export_article (BYLINE_WINDOW (widget), TRUE);
}

static void
export_publication_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _byline_window_export_publication (BYLINE_WINDOW (widget));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _byline_window_request_status (BYLINE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_revision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _byline_window_save_revision (BYLINE_WINDOW (widget));
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _byline_window_show_history (BYLINE_WINDOW (widget));
}

static void
focus_body_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _byline_window_show_editor (BYLINE_WINDOW (widget));
  byline_editor_pane_focus_body (BYLINE_WINDOW (widget)->editor);
}

static void
focus_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _byline_window_show_editor (BYLINE_WINDOW (widget));
  byline_editor_pane_focus_details (BYLINE_WINDOW (widget)->editor);
}

/* The workflow state's menu in the header bar, for the keyboard. */
static void
status_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->status_button)))
    gtk_menu_button_popup (self->status_button);
}

void
_byline_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-article", "x", open_article_action);
  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-article", NULL, duplicate_article_action);
  gtk_widget_class_install_action (widget_class, "win.trash-article", NULL, trash_article_action);
  gtk_widget_class_install_action (widget_class, "win.restore-article", "x", restore_article_action);
  gtk_widget_class_install_action (widget_class, "win.restore-selected", NULL, restore_article_action);
  gtk_widget_class_install_action (widget_class, "win.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, export_html_action);
  gtk_widget_class_install_action (widget_class, "win.export-ninjs", NULL, export_ninjs_action);
  gtk_widget_class_install_action (widget_class, "win.export-publication", NULL, export_publication_action);
  gtk_widget_class_install_action (widget_class, "win.save-now", NULL, save_now_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.save-revision", NULL, save_revision_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.focus-body", NULL, focus_body_action);
  gtk_widget_class_install_action (widget_class, "win.focus-details", NULL, focus_details_action);
  gtk_widget_class_install_action (widget_class, "win.status-menu", NULL, status_menu_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-preview", "show-preview");
}
