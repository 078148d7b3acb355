/* byline-editor-pane-fields.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editor pane's fields: what each is called, the article in them and
 * back again as people type, the character counters and the status line,
 * the published time (parsed when the field is left) and the lead image. */

#define G_LOG_DOMAIN "byline-editor-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-media.h"
#include "byline-dates.h"
#include "byline-editor-pane-private.h"
#include "byline-text.h"

/* Every editable and the name people and screen readers know it by. Entry
 * rows take it as their title (AdwEntryRow names itself after its title
 * label; an extra accessible label would be read as "Byline Byline"); the
 * other editables get it as their accessible label. The context tells the
 * “Published” field (a time) from the “Published” state. */
static const struct {
  const char *name;
  gsize       offset;
} fields[] = {
  { NC_("article field", "Headline"),          G_STRUCT_OFFSET (BylineEditorPane, headline) },
  { NC_("article field", "Standfirst"),        G_STRUCT_OFFSET (BylineEditorPane, standfirst) },
  { NC_("article field", "Byline"),            G_STRUCT_OFFSET (BylineEditorPane, byline) },
  { NC_("article field", "Dateline"),          G_STRUCT_OFFSET (BylineEditorPane, dateline) },
  { NC_("article field", "Section"),           G_STRUCT_OFFSET (BylineEditorPane, section) },
  { NC_("article field", "Tags"),              G_STRUCT_OFFSET (BylineEditorPane, tags) },
  { NC_("article field", "Published"),         G_STRUCT_OFFSET (BylineEditorPane, published) },
  { NC_("article field", "Image description"), G_STRUCT_OFFSET (BylineEditorPane, image_alt) },
  { NC_("article field", "Caption"),           G_STRUCT_OFFSET (BylineEditorPane, caption) },
  { NC_("article field", "Credit"),            G_STRUCT_OFFSET (BylineEditorPane, credit) },
  { NC_("article field", "Body"),              G_STRUCT_OFFSET (BylineEditorPane, body) },
};

static inline GtkWidget *
field_widget (BylineEditorPane *self,
              guint             i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
}

/* The status line */

char *
_byline_editor_pane_format_stats (const char *text)
{
  g_autofree char *words = NULL;
  g_autofree char *chars = NULL;
  g_autofree char *reading = NULL;
  BylineTextCounts counts;

  byline_text_count (text, BYLINE_TEXT_MARKDOWN, &counts);

  words = g_strdup_printf (ngettext ("%u word", "%u words", counts.words), counts.words);
  chars = g_strdup_printf (ngettext ("%u character", "%u characters", counts.characters), counts.characters);

  if (counts.words == 0)
    /* Translators: word count · character count in the editor's status line */
    return g_strdup_printf (_("%s · %s"), words, chars);

  reading = g_strdup_printf (ngettext ("%u min read", "%u min read", counts.reading_minutes),
                             counts.reading_minutes);

  /* Translators: word count · character count · reading time */
  return g_strdup_printf (_("%s · %s · %s"), words, chars, reading);
}

/* Helpers */

char *
_byline_editor_pane_dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
sync_editable (BylineEditorPane *self,
               GtkEditable      *editable,
               const char       *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return;

  /* GtkText records programmatic text in its undo history; turning undo off
   * for the change keeps Ctrl+Z from taking back the loading of an article
   * (and drops the previous article's history). */
  self->syncing++;
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_text (editable, text);
  gtk_editable_set_enable_undo (editable, TRUE);
  self->syncing--;
}

/* Replaces the text unless it is already there, keeping the cursor where it
 * was (as far as the new text allows), outside the undo history. */
static void
sync_text_buffer (BylineEditorPane *self,
                  GtkTextBuffer    *buffer,
                  const char       *text,
                  gboolean          cursor_to_start)
{
  g_autofree char *current = _byline_editor_pane_dup_buffer_text (buffer);
  GtkTextIter iter;
  int offset;

  if (text == NULL)
    text = "";

  if (g_strcmp0 (current, text) == 0)
    {
      if (cursor_to_start)
        {
          gtk_text_buffer_get_start_iter (buffer, &iter);
          gtk_text_buffer_place_cursor (buffer, &iter);
        }
      return;
    }

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  offset = cursor_to_start ? 0 : gtk_text_iter_get_offset (&iter);

  self->syncing++;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->syncing--;
}

static void
update_counter (GtkLabel    *counter,
                GtkWidget   *editable,
                guint        n,
                guint        budget)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  /* Translators: characters used / characters allowed, as in "42 / 70" */
  label = g_strdup_printf (_("%u / %u"), n, budget);
  gtk_label_set_label (counter, label);

  if (n > budget)
    {
      gtk_widget_add_css_class (GTK_WIDGET (counter), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (counter), "dim-label");
      description = g_strdup_printf (ngettext ("%u of %u characters, %u character too long",
                                               "%u of %u characters, %u characters too long",
                                               n - budget),
                                     n, budget, n - budget);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (counter), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (counter), "dim-label");
      description = g_strdup_printf (_("%u of %u characters"), n, budget);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (counter),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editable),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_byline_editor_pane_update_headline_counter (BylineEditorPane *self)
{
  guint n = gtk_text_buffer_get_char_count (self->headline_buffer);

  update_counter (self->headline_counter, GTK_WIDGET (self->headline), n, self->headline_budget);
  gtk_widget_set_visible (GTK_WIDGET (self->headline_placeholder), n == 0);
}

void
_byline_editor_pane_update_caption_counter (BylineEditorPane *self)
{
  update_counter (self->caption_counter,
                  GTK_WIDGET (self->caption),
                  g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->caption)), -1),
                  self->caption_budget);
}

static void
update_standfirst_placeholder (BylineEditorPane *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->standfirst_placeholder),
                          gtk_text_buffer_get_char_count (self->standfirst_buffer) == 0);
}

static void
update_body_placeholder (BylineEditorPane *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->body_placeholder),
                          gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->body_buffer)) == 0);
}

static gboolean
update_stats_cb (gpointer user_data)
{
  BylineEditorPane *self = user_data;
  g_autofree char *text = _byline_editor_pane_dup_buffer_text (GTK_TEXT_BUFFER (self->body_buffer));
  g_autofree char *stats = _byline_editor_pane_format_stats (text);

  self->stats_source = 0;
  gtk_label_set_label (self->stats_label, stats);

  return G_SOURCE_REMOVE;
}

static void
queue_update_stats (BylineEditorPane *self)
{
  if (self->stats_source == 0)
    self->stats_source = g_idle_add_full (G_PRIORITY_LOW, update_stats_cb, self, NULL);
}

static void
set_published_error (BylineEditorPane *self,
                     gboolean          error)
{
  if (error)
    {
      const char *hint = _("Type a date like “March 3, 2023 at 9:05 am”");

      gtk_widget_add_css_class (GTK_WIDGET (self->published), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->published), hint);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->published),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->published),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->published), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->published), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->published),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->published),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static char *
dup_published_text (BylineArticle *article)
{
  gint64 published = byline_article_get_published (article);

  if (published == 0)
    return g_strdup ("");

  return byline_format_published (published, NULL);
}

/* Model → widgets */

static void
sync_published (BylineEditorPane *self)
{
  g_autofree char *text = dup_published_text (self->article);

  sync_editable (self, GTK_EDITABLE (self->published), text);
  set_published_error (self, FALSE);
}

static void
sync_tags (BylineEditorPane *self)
{
  g_autoptr(BylineArticle) typed = byline_article_new ();
  g_autofree char *text = NULL;

  /* "budget,  politics," and "budget, politics" are the same tags: don't
   * rewrite what someone is typing. */
  byline_article_set_tags_string (typed, gtk_editable_get_text (GTK_EDITABLE (self->tags)));
  if (g_strv_equal (byline_article_get_tags (typed), byline_article_get_tags (self->article)))
    return;

  text = byline_article_dup_tags_string (self->article);
  sync_editable (self, GTK_EDITABLE (self->tags), text);
}

static void
sync_image (BylineEditorPane *self)
{
  const char *image = self->article ? byline_article_get_image (self->article) : NULL;
  gboolean has_image = image != NULL && *image != '\0';
  const char *extension = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->image_row), "error");

  if (byline_media_parse_reference (image, NULL, &extension))
    {
      g_autofree char *kind = g_ascii_strup (extension, -1);
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a picture format, such as “JPG” or “PNG” */
      subtitle = g_strdup_printf (_("%s picture, kept in the newsroom"), kind);
      adw_action_row_set_subtitle (self->image_row, subtitle);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->image_row), NULL);
    }
  else if (has_image)
    {
      g_autofree char *basename = g_path_get_basename (image);
      g_autofree char *tooltip = NULL;

      adw_action_row_set_subtitle (self->image_row, basename);
      /* A path from before pictures were kept in the newsroom: nothing
       * reads it any more. */
      if (!byline_media_is_remote (image))
        tooltip = g_strdup_printf (_("%s is a file on a disk, which previews and exports leave out. "
                                     "Choose the picture again to keep it in the newsroom."),
                                   image);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->image_row), tooltip != NULL ? tooltip : image);
    }
  else
    {
      adw_action_row_set_subtitle (self->image_row, _("No image chosen"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->image_row), NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-image",
                                 self->article != NULL && self->editable && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-image", has_image && self->editable);
}

/**
 * byline_editor_pane_set_store:
 * @store: (nullable): the newsroom
 */
void
byline_editor_pane_set_store (BylineEditorPane *self,
                              BylineStore      *store)
{
  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));
  g_return_if_fail (store == NULL || BYLINE_IS_STORE (store));

  if (g_set_object (&self->store, store))
    sync_image (self);
}

void
_byline_editor_pane_apply_editable (BylineEditorPane *self)
{
  gboolean editable = self->editable;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, i);

      if (GTK_IS_TEXT_VIEW (widget))
        {
          gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
          gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), editable);
        }
      else if (GTK_IS_EDITABLE (widget))
        gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->pins_editor), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), editable);
  sync_image (self);
}

void
_byline_editor_pane_article_notify_cb (BylineEditorPane *self,
                                       GParamSpec       *pspec,
                                       BylineArticle    *article)
{
  const char *name = pspec->name;

  g_assert (BYLINE_IS_EDITOR_PANE (self));
  g_assert (article == self->article);

  if (self->pushing)
    return;

  if (g_str_equal (name, "headline"))
    sync_text_buffer (self, self->headline_buffer, byline_article_get_headline (article), FALSE);
  else if (g_str_equal (name, "standfirst"))
    sync_text_buffer (self, self->standfirst_buffer, byline_article_get_standfirst (article), FALSE);
  else if (g_str_equal (name, "byline"))
    sync_editable (self, GTK_EDITABLE (self->byline), byline_article_get_byline (article));
  else if (g_str_equal (name, "dateline"))
    sync_editable (self, GTK_EDITABLE (self->dateline), byline_article_get_dateline (article));
  else if (g_str_equal (name, "section"))
    sync_editable (self, GTK_EDITABLE (self->section), byline_article_get_section (article));
  else if (g_str_equal (name, "tags"))
    sync_tags (self);
  else if (g_str_equal (name, "published"))
    sync_published (self);
  else if (g_str_equal (name, "image"))
    sync_image (self);
  else if (g_str_equal (name, "image-alt"))
    sync_editable (self, GTK_EDITABLE (self->image_alt), byline_article_get_image_alt (article));
  else if (g_str_equal (name, "caption"))
    sync_editable (self, GTK_EDITABLE (self->caption), byline_article_get_caption (article));
  else if (g_str_equal (name, "credit"))
    sync_editable (self, GTK_EDITABLE (self->credit), byline_article_get_credit (article));
  else if (g_str_equal (name, "body"))
    sync_text_buffer (self, GTK_TEXT_BUFFER (self->body_buffer), byline_article_get_body (article), FALSE);
  else if (g_str_equal (name, "language"))
    _byline_editor_pane_sync_language (self);
}

static void
clear_fields (BylineEditorPane *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, i);

      if (GTK_IS_EDITABLE (widget))
        sync_editable (self, GTK_EDITABLE (widget), "");
    }

  sync_text_buffer (self, self->headline_buffer, "", TRUE);
  sync_text_buffer (self, self->standfirst_buffer, "", TRUE);
  sync_text_buffer (self, GTK_TEXT_BUFFER (self->body_buffer), "", TRUE);
  set_published_error (self, FALSE);
  sync_image (self);
  _byline_editor_pane_sync_language (self);
}

void
_byline_editor_pane_load_article (BylineEditorPane *self)
{
  BylineArticle *article = self->article;
  g_autofree char *tags = NULL;

  if (article == NULL)
    {
      clear_fields (self);
      return;
    }

  tags = byline_article_dup_tags_string (article);

  sync_text_buffer (self, self->headline_buffer, byline_article_get_headline (article), TRUE);
  sync_text_buffer (self, self->standfirst_buffer, byline_article_get_standfirst (article), TRUE);
  sync_editable (self, GTK_EDITABLE (self->byline), byline_article_get_byline (article));
  sync_editable (self, GTK_EDITABLE (self->dateline), byline_article_get_dateline (article));
  sync_editable (self, GTK_EDITABLE (self->section), byline_article_get_section (article));
  sync_editable (self, GTK_EDITABLE (self->tags), tags);
  sync_published (self);
  sync_image (self);
  sync_editable (self, GTK_EDITABLE (self->image_alt), byline_article_get_image_alt (article));
  sync_editable (self, GTK_EDITABLE (self->caption), byline_article_get_caption (article));
  sync_editable (self, GTK_EDITABLE (self->credit), byline_article_get_credit (article));
  sync_text_buffer (self, GTK_TEXT_BUFFER (self->body_buffer), byline_article_get_body (article), TRUE);
  _byline_editor_pane_sync_language (self);
}

/* Widgets → model */

typedef void (*ArticleSetter) (BylineArticle *article,
                               const char    *value);

static void
push (BylineEditorPane *self,
      ArticleSetter     setter,
      const char       *value)
{
  if (self->syncing || self->article == NULL)
    return;

  self->pushing++;
  setter (self->article, value);
  self->pushing--;
}

static void
on_headline_changed (BylineEditorPane *self)
{
  g_autofree char *text = _byline_editor_pane_dup_buffer_text (self->headline_buffer);

  _byline_editor_pane_update_headline_counter (self);
  push (self, byline_article_set_headline, text);
}

/* A headline is one line of the page, however it wraps here. Enter (a line
 * break alone, after the input method has had the key) goes on to the
 * standfirst, as in a word processor; line breaks pasted or dropped in with
 * other text become spaces. */
static void
on_headline_insert_text (BylineEditorPane *self,
                         GtkTextIter      *location,
                         const char       *text,
                         int               len,
                         GtkTextBuffer    *buffer)
{
  g_autoptr(GString) one_line = NULL;

  if (len < 0)
    len = strlen (text);
  if (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");

  one_line = g_string_new_len (text, len);
  g_string_replace (one_line, "\r\n", "\n", 0);
  if (g_str_equal (one_line->str, "\n") || g_str_equal (one_line->str, "\r"))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->standfirst));
      return;
    }

  g_strdelimit (one_line->str, "\r\n", ' ');
  gtk_text_buffer_insert (buffer, location, one_line->str, one_line->len);
}

static void
on_standfirst_changed (BylineEditorPane *self)
{
  g_autofree char *text = NULL;

  update_standfirst_placeholder (self);

  if (self->syncing || self->article == NULL)
    return;

  text = _byline_editor_pane_dup_buffer_text (self->standfirst_buffer);
  push (self, byline_article_set_standfirst, text);
}

static void
on_byline_changed (BylineEditorPane *self)
{
  push (self, byline_article_set_byline, gtk_editable_get_text (GTK_EDITABLE (self->byline)));
}

static void
on_dateline_changed (BylineEditorPane *self)
{
  push (self, byline_article_set_dateline, gtk_editable_get_text (GTK_EDITABLE (self->dateline)));
}

static void
on_section_changed (BylineEditorPane *self)
{
  push (self, byline_article_set_section, gtk_editable_get_text (GTK_EDITABLE (self->section)));
}

static void
on_tags_changed (BylineEditorPane *self)
{
  push (self, byline_article_set_tags_string, gtk_editable_get_text (GTK_EDITABLE (self->tags)));
}

static void
on_image_alt_changed (BylineEditorPane *self)
{
  push (self, byline_article_set_image_alt, gtk_editable_get_text (GTK_EDITABLE (self->image_alt)));
}

static void
on_caption_changed (BylineEditorPane *self)
{
  _byline_editor_pane_update_caption_counter (self);
  push (self, byline_article_set_caption, gtk_editable_get_text (GTK_EDITABLE (self->caption)));
}

static void
on_credit_changed (BylineEditorPane *self)
{
  push (self, byline_article_set_credit, gtk_editable_get_text (GTK_EDITABLE (self->credit)));
}

static void
on_body_changed (BylineEditorPane *self)
{
  g_autofree char *text = NULL;

  queue_update_stats (self);
  update_body_placeholder (self);

  if (self->syncing || self->article == NULL)
    return;

  text = _byline_editor_pane_dup_buffer_text (GTK_TEXT_BUFFER (self->body_buffer));
  push (self, byline_article_set_body, text);
}

/* The published time is parsed when the row is left or Enter is pressed, not
 * while a half-typed date is in it. */
static void
on_published_commit (BylineEditorPane *self)
{
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  gint64 published = 0;

  if (self->article == NULL || self->syncing)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->published))));
  current = dup_published_text (self->article);

  /* Unchanged: re-parsing the shown text would drop the seconds. */
  if (g_str_equal (text, current))
    {
      set_published_error (self, FALSE);
      return;
    }

  if (*text != '\0' && !byline_parse_date_line (text, NULL, &published))
    {
      set_published_error (self, TRUE);
      return;
    }

  byline_article_set_published (self->article, published);
  /* Show the time as the page will, also when the value did not change. */
  sync_published (self);
}

/* Lead image */

gboolean
_byline_editor_pane_take_image_file (BylineEditorPane *self,
                                     BylineArticle    *article,
                                     GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (BYLINE_IS_EDITOR_PANE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The bytes are read once, now, into the newsroom: every desk sees the
   * same picture, and nothing reads the file again. */
  if (self->store != NULL)
    reference = byline_store_add_media_file (self->store, file, NULL, &error);
  else
    g_set_error_literal (&error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                         _("There is no newsroom to keep the picture in."));

  if (reference == NULL)
    {
      if (article == self->article)
        {
          adw_action_row_set_subtitle (self->image_row, error->message);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->image_row), error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->image_row), "error");
        }
      return FALSE;
    }

  byline_article_set_image (article, reference);

  /* A picture without a description is lost on screen-reader users of the
   * published page: ask for one. */
  if (article == self->article && *byline_article_get_image_alt (article) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->image_alt));

  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     BylineEditorPane *self)
{
  BylineArticle *article = g_object_get_data (G_OBJECT (chooser), "article");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _byline_editor_pane_take_image_file (self, article, file);
    }

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&self->chooser);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineEditorPane *self = BYLINE_EDITOR_PANE (widget);
  g_autoptr(GtkFileFilter) images = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GtkRoot *root;
  const char *image;
  static const char * const suffixes[] = {
    "jpg", "jpeg", "png", "webp", "gif",
  };

  if (self->article == NULL || self->store == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  root = gtk_widget_get_root (widget);
  self->chooser = gtk_file_chooser_native_new (_("Choose Lead Image"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  images = gtk_file_filter_new ();
  gtk_file_filter_set_name (images, _("Images"));
  /* The kinds the newsroom keeps (byline-media.h). */
  gtk_file_filter_add_mime_type (images, "image/jpeg");
  gtk_file_filter_add_mime_type (images, "image/png");
  gtk_file_filter_add_mime_type (images, "image/webp");
  gtk_file_filter_add_mime_type (images, "image/gif");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (images, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), images);

  /* An older article's path: open its folder, to choose it again. */
  image = byline_article_get_image (self->article);
  if (image != NULL && g_path_is_absolute (image))
    {
      g_autoptr(GFile) file = g_file_new_for_path (image);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  /* The image goes to the article the dialog was opened for, even if another
   * one is open by the time it is chosen. */
  g_object_set_data_full (G_OBJECT (self->chooser), "article",
                          g_object_ref (self->article), g_object_unref);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineEditorPane *self = BYLINE_EDITOR_PANE (widget);

  if (self->article != NULL)
    byline_article_set_image (self->article, "");
}


void
_byline_editor_pane_commit_published (BylineEditorPane *self)
{
  on_published_commit (self);
}

/* Setting up */

void
_byline_editor_pane_class_init_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.choose-image", NULL, choose_image_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-image", NULL, remove_image_action);

  gtk_widget_class_bind_template_callback (widget_class, on_headline_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_headline_insert_text);
  gtk_widget_class_bind_template_callback (widget_class, on_standfirst_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_byline_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dateline_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_published_commit);
  gtk_widget_class_bind_template_callback (widget_class, on_image_alt_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_caption_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_credit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_body_changed);
}

void
_byline_editor_pane_init_fields (BylineEditorPane *self)
{
  GtkWidget *delegate;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, i);
      const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "article field", fields[i].name);

      if (ADW_IS_PREFERENCES_ROW (widget))
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), name);
          continue;
        }

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      /* The entry's GtkText does the editing; name it as well, in case an
       * assistive technology reaches it rather than the entry. */
      if (GTK_IS_EDITABLE (widget) &&
          (delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget)))) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->standfirst),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  _byline_editor_pane_update_headline_counter (self);
  _byline_editor_pane_update_caption_counter (self);
  update_standfirst_placeholder (self);
  update_body_placeholder (self);
  sync_image (self);
  queue_update_stats (self);
}

void
_byline_editor_pane_dispose_fields (BylineEditorPane *self)
{
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  g_clear_object (&self->store);
  g_clear_handle_id (&self->stats_source, g_source_remove);
}

GtkWidget *
_byline_editor_pane_get_field (BylineEditorPane *self,
                               const char       *accessible_name)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_PANE (self), NULL);
  g_return_val_if_fail (accessible_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].name, accessible_name))
        return field_widget (self, i);
    }

  return NULL;
}
