/* byline-window-export.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exporting from the window: the warning about READ: links that will not be
 * links, the file choosers, the publication export on its worker, and what
 * the exporter says it left out. What gets written is the exporter's
 * business (byline-exporter.h). */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-confirm.h"
#include "byline-exporter.h"
#include "byline-util.h"
#include "byline-window-private.h"

/* Before a publication export, the unlinked READ: links are those of every
 * published page. */
static GPtrArray *
check_pins (BylineWindow *self,
            gboolean      whole_publication)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  if (!whole_publication)
    {
      if (self->article == NULL)
        return g_ptr_array_new ();

      /* Saved pins come back with their articles' states as of now; unsaved
       * ones are checked as they are. */
      return byline_export_check_pins (byline_window_save_now (self, NULL) ? self->store : NULL,
                                       self->article);
    }

  byline_window_save_now (self, NULL);
  problems = byline_export_check_publication_pins (self->store, &error);
  if (problems == NULL)
    {
      /* The export itself will say what is wrong with the store. */
      g_debug ("Could not check the READ: links: %s", error->message);
      return g_ptr_array_new ();
    }

  return problems;
}

char **
_byline_window_list_unlinked_pins (BylineWindow *self,
                                   gboolean      whole_publication)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  problems = check_pins (self, whole_publication);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = byline_pin_problem_dup_message (g_ptr_array_index (problems, i),
                                                              whole_publication);

      g_strv_builder_add (lines, line);
    }

  return g_strv_builder_end (lines);
}

static void choose_file   (BylineWindow *self,
                           gboolean      ninjs);
static void choose_folder (BylineWindow *self);

static void
unlinked_pins_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           BylineWindow     *self)
{
  gboolean whole_publication = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "publication"));

  if (g_strcmp0 (response, "export") != 0)
    return;

  if (whole_publication)
    choose_folder (self);
  else
    choose_file (self, FALSE);
}

/* Before an HTML export: READ: links that will not be links are flagged,
 * and the export goes ahead only if the person says so. */
static void
confirm_unlinked_pins (BylineWindow *self,
                       gboolean      whole_publication)
{
  g_auto(GStrv) lines = _byline_window_list_unlinked_pins (self, whole_publication);
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;
  guint n = g_strv_length (lines);

  if (n == 0)
    {
      if (whole_publication)
        choose_folder (self);
      else
        choose_file (self, FALSE);
      return;
    }

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "This READ: link will not be linked:",
                                    "These READ: links will not be linked:", n));
  for (guint i = 0; i < n && i < 12; i++)
    g_string_append_printf (body, "\n• %s", lines[i]);
  if (n > 12)
    g_string_append_printf (body, "\n%s", _("…and more."));
  g_string_append_printf (body, "\n\n%s",
                          whole_publication
                          ? _("They will show as plain text. Open each article to choose another one, or export anyway.")
                          : _("They will show as plain text. Choose other articles under Related Links, or export anyway."));

  dialog = byline_confirm_dialog_new (GTK_WINDOW (self), _("Some READ: Links Will Not Be Linked"), body->str,
                                     "export", _("Export _Anyway"), ADW_RESPONSE_DEFAULT);
  g_object_set_data (G_OBJECT (dialog), "publication", GINT_TO_POINTER (whole_publication));
  g_signal_connect_object (dialog, "response", G_CALLBACK (unlinked_pins_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the exporter says it left out or kept */

static void
export_notes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          BylineWindow     *self)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "uri");

  if (g_strcmp0 (response, "open") == 0 && uri != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", uri);
}

/* An export went out: a toast when there is nothing more to say, else a
 * dialog listing the exporter's @notes (links left out, images from other
 * sites, files kept), which a toast would hide after a few seconds. */
static void
show_exported (BylineWindow *self,
               const char   *title,
               const char   *button_label,
               const char   *uri,
               GPtrArray    *notes)
{
  g_autoptr(GString) body = NULL;
  AdwMessageDialog *dialog;

  if (notes == NULL || notes->len == 0)
    {
      _byline_window_show_toast (self, title, button_label, "win.open-uri", g_variant_new_string (uri));
      return;
    }

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "Read this before the pages go live:",
                                    "Read these before the pages go live:",
                                    notes->len));
  for (guint i = 0; i < notes->len && i < 20; i++)
    g_string_append_printf (body, "\n\n• %s", (const char *)g_ptr_array_index (notes, i));
  if (notes->len > 20)
    g_string_append_printf (body, "\n\n%s", _("…and more."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), title, body->str));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "open", button_label, NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "uri", g_strdup (uri), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_notes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One article */

/* Writes @article to @file, then says how it went. What the file chooser
 * leads to, and what the tests call. */
gboolean
_byline_window_export_article_to (BylineWindow  *self,
                                  BylineArticle *article,
                                  GFile         *file,
                                  gboolean       ninjs)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Through the store: a READ: link to an article that is not published
   * is left out, as the publication export leaves it out. */
  if (!byline_export_article (self->store, article, self->publication,
                              ninjs ? BYLINE_EXPORT_FORMAT_NINJS : BYLINE_EXPORT_FORMAT_HTML,
                              file, NULL, notes, NULL, &error))
    {
      _byline_window_show_error (self, error);
      return FALSE;
    }

  uri = g_file_get_uri (file);
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported “%s”"), name);
  show_exported (self, title, _("_Open"), uri, notes);

  return TRUE;
}

static void
export_file_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         BylineWindow    *self)
{
  gboolean ninjs = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ninjs"));
  BylineArticle *article = g_object_get_data (G_OBJECT (dialog), "article");

  if (response == GTK_RESPONSE_ACCEPT && article != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _byline_window_export_article_to (self, article, file, ninjs);
    }

  g_object_unref (dialog);
}

static void
choose_file (BylineWindow *self,
             gboolean      ninjs)
{
  GtkFileChooserNative *dialog;
  g_autofree char *page = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (self->article == NULL)
    return;

  if (!byline_window_save_now (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return;
    }

  page = byline_article_dup_page_name (self->article);
  if (ninjs)
    {
      /* "12-slug.html" -> "12-slug.json" */
      page[strlen (page) - 5] = '\0';
      name = g_strconcat (page, ".json", NULL);
    }
  else
    name = g_strdup (page);

  dialog = gtk_file_chooser_native_new (ninjs ? _("Export ninjs JSON") : _("Export HTML"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "ninjs", GINT_TO_POINTER (ninjs));
  /* The page written is the one the dialog was opened for, whatever is
   * open when it is answered. */
  g_object_set_data_full (G_OBJECT (dialog), "article", g_object_ref (self->article), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (export_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* An HTML page is checked for unlinked READ: links first; ninjs has none. */
void
_byline_window_export_article (BylineWindow *self,
                               gboolean      ninjs)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  if (ninjs)
    choose_file (self, TRUE);
  else
    confirm_unlinked_pins (self, FALSE);
}

/* The publication, on a worker */

/* The window an export reports to, shared by the task and its progress
 * reports. Only a weak reference: the worker may drop the task's last
 * reference, and a window closed meanwhile must not be finalised there. */
typedef struct
{
  GWeakRef      window;
  GMainContext *context;  /* the window's */
} ExportTarget;

static ExportTarget *
export_target_new (BylineWindow *window)
{
  ExportTarget *target = g_atomic_rc_box_new0 (ExportTarget);

  g_weak_ref_init (&target->window, window);
  target->context = g_main_context_ref_thread_default ();
  return target;
}

static void
export_target_clear (ExportTarget *target)
{
  g_weak_ref_clear (&target->window);
  g_main_context_unref (target->context);
}

static void
export_target_release (ExportTarget *target)
{
  g_atomic_rc_box_release_full (target, (GDestroyNotify) export_target_clear);
}

typedef struct
{
  ExportTarget *target;
  guint         done;
  guint         total;
} ProgressData;

static void
progress_data_free (ProgressData *data)
{
  export_target_release (data->target);
  g_free (data);
}

static gboolean
progress_main_cb (gpointer user_data)
{
  ProgressData *data = user_data;
  g_autoptr(BylineWindow) window = g_weak_ref_get (&data->target->window);

  if (window != NULL && window->progress_bar != NULL && data->total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Exporting page %u of %u"), data->done, data->total);

      gtk_progress_bar_set_fraction (window->progress_bar, (double)data->done / data->total);
      gtk_progress_bar_set_text (window->progress_bar, text);
    }

  return G_SOURCE_REMOVE;
}

static void
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ExportTarget *target = user_data;
  ProgressData *data = g_new0 (ProgressData, 1);

  data->target = g_atomic_rc_box_acquire (target);
  data->done = done;
  data->total = total;
  byline_invoke_later (target->context, progress_main_cb, data, (GDestroyNotify) progress_data_free);
}

/* What the export thread reads: its own copies, since Preferences may
 * change the window's publication while it runs. */
typedef struct
{
  GFile             *dir;
  BylineStore       *store;
  BylinePublication *publication;
  GPtrArray         *notes;   /* filled by the worker, read once it is done */
  ExportTarget      *target;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->notes, g_ptr_array_unref);
  g_clear_object (&data->dir);
  g_clear_object (&data->store);
  g_clear_pointer (&data->publication, byline_publication_free);
  g_clear_pointer (&data->target, export_target_release);
  g_free (data);
}

static void
export_publication_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (byline_export_publication_full (data->store, data->publication, data->dir, NULL,
                                      export_progress_cb, data->target, data->notes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_publication_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(BylineWindow) self = g_weak_ref_get (&data->target->window);
  GFile *dir = data->dir;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  /* The window was closed while the export ran. */
  if (self == NULL || self->progress_revealer == NULL)
    return;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-publication", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _byline_window_show_error (self, error);
      return;
    }

  uri = g_file_get_uri (dir);
  name = g_file_get_parse_name (dir);
  title = g_strdup_printf (_("Publication exported to “%s”"), name);
  show_exported (self, title, _("_Open Folder"), uri, data->notes);
}

static void
export_publication_response_cb (GtkNativeDialog *dialog,
                                int              response,
                                BylineWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) dir = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _byline_window_export_publication_to (self, dir);
    }

  g_object_unref (dialog);
}

/* Exports the publication into @dir on a worker; the progress bar shows
 * how far it is, a toast or a dialog how it went. What the folder chooser
 * leads to, and what the tests call. */
void
_byline_window_export_publication_to (BylineWindow *self,
                                      GFile        *dir)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (dir));

  if (!byline_window_save_now (self, &error))
    _byline_window_show_save_error (self, error);

  _byline_window_cancel_export (self);
  self->export_cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Exporting the publication…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-publication", FALSE);

  data = g_new0 (ExportData, 1);
  data->dir = g_object_ref (dir);
  data->store = g_object_ref (self->store);
  data->publication = byline_publication_copy (self->publication);
  data->notes = g_ptr_array_new_with_free_func (g_free);
  data->target = export_target_new (self);

  task = g_task_new (NULL, self->export_cancellable, export_publication_done_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_publication_thread);
}

static void
choose_folder (BylineWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Publication"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_publication_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_byline_window_export_publication (BylineWindow *self)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  confirm_unlinked_pins (self, TRUE);
}

/* Closing the window stops an export under way; its pages are written
 * atomically, so what is there is whole. */
void
_byline_window_cancel_export (BylineWindow *self)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
}
