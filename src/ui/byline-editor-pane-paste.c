/* byline-editor-pane-paste.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pasting into the body: a web page copied in a browser ("text/html" on
 * the clipboard) comes in as Markdown, without the site's menus and
 * buttons (byline-html-paste.h); Ctrl+Shift+V pastes the plain text, as
 * the text view does for anything else. */

#define G_LOG_DOMAIN "byline-editor-pane"

#include "config.h"

#include "byline-editor-pane-private.h"
#include "byline-html-paste.h"

#define HTML_MIME_TYPE "text/html"

/* More than any article: a clipboard this large is not one. */
#define MAX_PASTED_HTML (32 * 1024 * 1024)

/* Pastes the clipboard's plain text, through the text view's own paste. */
static void
paste_plain (BylineEditorPane *self)
{
  self->paste_plain = TRUE;
  g_signal_emit_by_name (self->body, "paste-clipboard");
  self->paste_plain = FALSE;
}

static void
insert_markdown (BylineEditorPane *self,
                 const char       *markdown)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, self->editable);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, markdown, -1, self->editable);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->body), gtk_text_buffer_get_insert (buffer));
}

static void
html_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylineEditorPane) self = user_data;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (memory), result, &error) < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not read the pasted page: %s", error->message);
      paste_plain (self);
      return;
    }

  /* Converting it would hold up typing for long: its plain text. */
  if (g_memory_output_stream_get_data_size (memory) > MAX_PASTED_HTML)
    {
      g_debug ("The pasted page is too large to convert: pasting its text");
      paste_plain (self);
      return;
    }

  markdown = byline_html_paste_to_markdown (g_memory_output_stream_get_data (memory),
                                            g_memory_output_stream_get_data_size (memory));

  /* Nothing of an article in it (a menu, a button): the text it shows. */
  if (*markdown == '\0')
    paste_plain (self);
  else
    insert_markdown (self, markdown);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BylineEditorPane) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Could not read the pasted page: %s", error->message);
          paste_plain (self);
        }
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, self->paste_cancellable,
                                html_read_cb, g_object_ref (self));
}

/* Before the text view's own paste: a page takes over, the rest goes on. */
static void
on_body_paste_clipboard (BylineEditorPane *self,
                         GtkTextView      *view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  static const char * const mime_types[] = { HTML_MIME_TYPE, NULL };

  if (self->paste_plain || !self->editable ||
      !gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), HTML_MIME_TYPE))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");

  g_cancellable_cancel (self->paste_cancellable);
  g_clear_object (&self->paste_cancellable);
  self->paste_cancellable = g_cancellable_new ();

  gdk_clipboard_read_async (clipboard, (const char **)mime_types, G_PRIORITY_DEFAULT,
                            self->paste_cancellable, clipboard_read_cb, g_object_ref (self));
}

static void
paste_plain_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  paste_plain (BYLINE_EDITOR_PANE (widget));
}

void
_byline_editor_pane_class_init_paste (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.paste-plain", NULL, paste_plain_action);
}

void
_byline_editor_pane_init_paste (BylineEditorPane *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_signal_connect_object (self->body, "paste-clipboard", G_CALLBACK (on_body_paste_clipboard),
                           self, G_CONNECT_SWAPPED);

  /* On the body itself, ahead of its own keys: Ctrl+Shift+V is plain text. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v,
                                                                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("editor.paste-plain")));
  gtk_widget_add_controller (GTK_WIDGET (self->body), controller);
}

void
_byline_editor_pane_dispose_paste (BylineEditorPane *self)
{
  g_cancellable_cancel (self->paste_cancellable);
  g_clear_object (&self->paste_cancellable);
}
