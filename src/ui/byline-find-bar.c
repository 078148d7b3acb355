/* byline-find-bar.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-find-bar.h"

struct _BylineFindBar
{
  GtkWidget                parent_instance;

  GtkSourceView           *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;
  gulong                   count_handler;
  gulong                   cursor_handler;
  guint                    editable : 1;
  guint                    updating : 1;

  /* Template widgets */
  GtkSearchEntry          *search_entry;
  GtkLabel                *count_label;
  GtkButton               *previous_button;
  GtkButton               *next_button;
  GtkToggleButton         *replace_toggle;
  GtkMenuButton           *options_button;
  GtkCheckButton          *case_check;
  GtkCheckButton          *words_check;
  GtkCheckButton          *regex_check;
  GtkRevealer             *replace_revealer;
  GtkEntry                *replace_entry;
  GtkButton               *replace_button;
  GtkButton               *replace_all_button;
};

G_DEFINE_FINAL_TYPE (BylineFindBar, byline_find_bar, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (BylineFindBar *self)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int count = -1;
  int position = -1;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->context != NULL)
    {
      count = gtk_source_search_context_get_occurrences_count (self->context);
      buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
      self->updating = TRUE;
      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);
      self->updating = FALSE;
    }

  if (*search == '\0' || self->context == NULL)
    text = g_strdup ("");
  else if (gtk_source_search_context_get_regex_error (self->context) != NULL)
    text = g_strdup (_("Invalid pattern"));
  else if (count < 0)
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("No matches"));
  else if (position > 0)
    /* Translators: the match selected and how many there are, "2 of 5" */
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);

  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->replace_all_button), self->editable && count > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->replace_button), self->editable && count > 0);
}

static void
clear_context (BylineFindBar *self)
{
  if (self->context != NULL)
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));

      g_clear_signal_handler (&self->count_handler, self->context);
      g_clear_signal_handler (&self->cursor_handler, buffer);
    }
  g_clear_object (&self->context);
}

static void
select_match (BylineFindBar     *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), (GtkTextIter *) start, 0.1, FALSE, 0, 0);
  update_count (self);
}

/* The match after the selection, or before it, round the end. */
static void
find (BylineFindBar *self,
      gboolean       forward)
{
  GtkTextBuffer *buffer;
  GtkTextIter selection_start, selection_end, start, end;
  gboolean wrapped;
  gboolean found;

  if (self->context == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_selection_bounds (buffer, &selection_start, &selection_end);
  if (forward)
    found = gtk_source_search_context_forward (self->context, &selection_end, &start, &end, &wrapped);
  else
    found = gtk_source_search_context_backward (self->context, &selection_start, &start, &end, &wrapped);
  if (found)
    select_match (self, &start, &end);
}

void
byline_find_bar_next (BylineFindBar *self)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  find (self, TRUE);
}

void
byline_find_bar_previous (BylineFindBar *self)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  find (self, FALSE);
}

gboolean
byline_find_bar_replace (BylineFindBar *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *replacement;

  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);

  if (self->context == NULL || !self->editable)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  /* The selection, when it is a match; else find the next one first. */
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      gtk_source_search_context_get_occurrence_position (self->context, &start, &end) <= 0)
    {
      byline_find_bar_next (self);
      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
          gtk_source_search_context_get_occurrence_position (self->context, &start, &end) <= 0)
        return FALSE;
    }

  replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  if (!gtk_source_search_context_replace (self->context, &start, &end, replacement, -1, &error))
    {
      g_debug ("Could not replace: %s", error->message);
      gtk_label_set_label (self->count_label, error->message);
      return FALSE;
    }

  gtk_text_buffer_select_range (buffer, &end, &end);
  byline_find_bar_next (self);

  return TRUE;
}

guint
byline_find_bar_replace_all (BylineFindBar *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), 0);

  if (self->context == NULL || !self->editable)
    return 0;

  n = gtk_source_search_context_replace_all (self->context,
                                             gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)),
                                             -1, &error);
  if (error != NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return n;
    }

  update_count (self);

  return n;
}

static void
on_search_changed (BylineFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Typed text, with "\n" and "\t" meaning what they mean in GNOME's
   * editors; a pattern as it is. */
  if (gtk_source_search_settings_get_regex_enabled (self->settings))
    gtk_source_search_settings_set_search_text (self->settings, *text ? text : NULL);
  else
    {
      g_autofree char *unescaped = *text ? gtk_source_utils_unescape_search_text (text) : NULL;

      gtk_source_search_settings_set_search_text (self->settings, unescaped);
    }

  update_count (self);
}

static void
on_search_activate (BylineFindBar *self)
{
  byline_find_bar_next (self);
}

static void
on_stop_search (BylineFindBar *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_close_clicked (BylineFindBar *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_replace_clicked (BylineFindBar *self)
{
  byline_find_bar_replace (self);
}

static void
on_replace_all_clicked (BylineFindBar *self)
{
  byline_find_bar_replace_all (self);
}

static void
on_option_toggled (BylineFindBar *self)
{
  gtk_source_search_settings_set_case_sensitive (self->settings, gtk_check_button_get_active (self->case_check));
  gtk_source_search_settings_set_at_word_boundaries (self->settings,
                                                      gtk_check_button_get_active (self->words_check));
  gtk_source_search_settings_set_regex_enabled (self->settings, gtk_check_button_get_active (self->regex_check));
  on_search_changed (self);
}

static void
on_occurrences_changed (BylineFindBar *self)
{
  update_count (self);
}

/* The selection moved: which match it is. Only the cursor's marks: the
 * search context sets marks of its own while it counts. */
static void
on_mark_set (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             BylineFindBar     *self)
{
  if (self->updating)
    return;
  if (mark != gtk_text_buffer_get_insert (buffer) && mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  update_count (self);
}

GtkWidget *
byline_find_bar_new (void)
{
  return g_object_new (BYLINE_TYPE_FIND_BAR, NULL);
}

void
byline_find_bar_set_view (BylineFindBar *self,
                          GtkSourceView *view)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));
  g_return_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  clear_context (self);
  g_set_object (&self->view, view);

  if (view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), self->settings);
      self->count_handler = g_signal_connect_object (self->context, "notify::occurrences-count",
                                                     G_CALLBACK (on_occurrences_changed), self,
                                                     G_CONNECT_SWAPPED);
      self->cursor_handler = g_signal_connect_object (buffer, "mark-set",
                                                      G_CALLBACK (on_mark_set), self, 0);
    }

  update_count (self);
}

void
byline_find_bar_set_search_text (BylineFindBar *self,
                                 const char    *text)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Not after the entry's delay: at once, as typing then waiting does. */
  on_search_changed (self);
}

void
byline_find_bar_set_replace_text (BylineFindBar *self,
                                  const char    *text)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), text != NULL ? text : "");
}

void
byline_find_bar_set_options (BylineFindBar *self,
                             gboolean       match_case,
                             gboolean       whole_words,
                             gboolean       regex)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_check_button_set_active (self->case_check, match_case);
  gtk_check_button_set_active (self->words_check, whole_words);
  gtk_check_button_set_active (self->regex_check, regex);
}

void
byline_find_bar_set_editable (BylineFindBar *self,
                              gboolean       editable)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  self->editable = !!editable;
  gtk_widget_set_visible (GTK_WIDGET (self->replace_toggle), self->editable);
  if (!self->editable)
    gtk_toggle_button_set_active (self->replace_toggle, FALSE);
  update_count (self);
}

void
byline_find_bar_show_replace (BylineFindBar *self,
                              gboolean       show)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_toggle_button_set_active (self->replace_toggle, show && self->editable);
}

void
byline_find_bar_focus (BylineFindBar *self)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

int
byline_find_bar_get_n_matches (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), -1);

  if (self->context == NULL)
    return 0;

  return gtk_source_search_context_get_occurrences_count (self->context);
}

const char *
byline_find_bar_get_count_text (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), NULL);

  return gtk_label_get_label (self->count_label);
}

static void
byline_find_bar_dispose (GObject *object)
{
  BylineFindBar *self = BYLINE_FIND_BAR (object);
  GtkWidget *child;

  clear_context (self);
  g_clear_object (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_FIND_BAR);
  /* The template's box has no name for dispose_template to find. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_find_bar_parent_class)->dispose (object);
}

static void
byline_find_bar_finalize (GObject *object)
{
  BylineFindBar *self = BYLINE_FIND_BAR (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_find_bar_parent_class)->finalize (object);
}

static void
byline_find_bar_class_init (BylineFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_find_bar_dispose;
  object_class->finalize = byline_find_bar_finalize;

  /**
   * BylineFindBar::closed:
   *
   * The close button or Escape: whoever shows the bar hides it.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinedesk/Byline/ui/byline-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, next_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, options_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, case_check);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, words_check);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, regex_check);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, byline_find_bar_next);
  gtk_widget_class_bind_template_callback (widget_class, byline_find_bar_previous);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
byline_find_bar_init (BylineFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);

  g_object_bind_property (self->replace_toggle, "active", self->replace_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->case_check, "toggled", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->words_check, "toggled", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regex_check, "toggled", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);
}
