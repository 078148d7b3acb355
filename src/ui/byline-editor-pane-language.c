/* byline-editor-pane-language.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-editor-pane"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-editor-pane-private.h"
#include "byline-language.h"
#include "byline-typography.h"

/* The article's language in the editor: the Language row of the details,
 * the direction of the text fields (an Arabic headline starts at the
 * right), and the typographic quotes typed into them. The rules are the
 * core's (byline-language.c, byline-typography.c); this only wires them to
 * the widgets. */

static char *
dup_language (BylineEditorPane *self)
{
  return byline_language_dup_effective (self->article != NULL ? byline_article_get_language (self->article)
                                                              : NULL,
                                        NULL);
}

void
_byline_editor_pane_sync_language (BylineEditorPane *self)
{
  g_autofree char *language = dup_language (self);
  GtkTextDirection direction = byline_language_is_rtl (language) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  GtkWidget *text_fields[] = {
    GTK_WIDGET (self->headline),
    GTK_WIDGET (self->standfirst),
    GTK_WIDGET (self->body),
  };

  self->syncing++;
  byline_language_row_set_language (self->language_row,
                                    self->article != NULL ? byline_article_get_language (self->article) : "");
  self->syncing--;

  /* The widgets' direction: where a paragraph with no strong letter yet
   * (an empty headline) starts, and the side it is aligned to. Each
   * paragraph still takes the direction of its own text. */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_widget_set_direction (text_fields[i], self->article != NULL ? direction : GTK_TEXT_DIR_NONE);
}

static void
language_row_changed_cb (BylineEditorPane *self)
{
  const char *language = byline_language_row_get_language (self->language_row);

  if (self->syncing || self->article == NULL || *language == '\0')
    return;

  /* The article's notify comes back here through
   * _byline_editor_pane_article_notify_cb, which sets the direction. */
  byline_article_set_language (self->article, language);
}

/* A straight quote typed into @buffer becomes the language's own. Only a
 * single character typed: pasted text and the article's own text, loaded
 * into the field, stay as they are. */
static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            len,
                gpointer       user_data)
{
  BylineEditorPane *self = BYLINE_EDITOR_PANE (user_data);
  gboolean markdown = buffer == GTK_TEXT_BUFFER (self->body_buffer);
  g_autofree char *language = NULL;
  g_autofree char *before = NULL;
  GtkTextIter start;
  const char *quote;

  if (!self->smart_punctuation || self->syncing || self->article == NULL)
    return;
  if (len < 0)
    len = strlen (text);
  if (len != 1 || (text[0] != '"' && text[0] != '\''))
    return;

  /* The body's whole text up to the cursor, to know whether it is in
   * code; a field's own paragraph is enough elsewhere. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  before = gtk_text_buffer_get_text (buffer, &start, location, FALSE);
  if (markdown && byline_typography_in_code (before))
    return;

  language = dup_language (self);
  quote = byline_typography_quote_for (before, text[0], language);
  if (quote == NULL)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_text_buffer_insert (buffer, location, quote, -1);
}

void
_byline_editor_pane_init_language (BylineEditorPane *self)
{
  GtkTextBuffer *buffers[] = {
    self->headline_buffer,
    self->standfirst_buffer,
    GTK_TEXT_BUFFER (self->body_buffer),
  };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row),
                                 C_("article field", "Language"));
  g_signal_connect_object (self->language_row, "notify::language",
                           G_CALLBACK (language_row_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    g_signal_connect_object (buffers[i], "insert-text", G_CALLBACK (insert_text_cb), self, 0);
}
