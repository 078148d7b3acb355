/* byline-editor-pane-tools.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-editor-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-editor-pane-private.h"
#include "byline-spell.h"

/* The pane's writing tools: the find bar over the body, and spell checking
 * of the headline, the standfirst and the body while one types.
 *
 * Checking waits until typing pauses (CHECK_DELAY_MS), finds the words of
 * the whole field at once (one Markdown parse) and asks the dictionary in
 * idle chunks of at most CHUNK_USEC each, so that a 10,000-word body never
 * holds up a keystroke (bench/bench-spell.c). The underlines change only
 * when a field's check is complete; an edit meanwhile starts it again. The
 * dictionary itself loads on a worker thread, the first time one is
 * needed. */

#define CHECK_DELAY_MS 300
#define CHUNK_USEC     (4 * G_TIME_SPAN_MILLISECOND)
#define CHUNK_WORDS    64
#define MAX_SUGGESTIONS 5

typedef struct
{
  BylineEditorPane *pane;
  GtkTextView      *view;
  GtkTextBuffer    *buffer;
  BylineTextFormat  format;
  GtkTextTag       *tag;
  BylineSpellScan  *scan;
  GArray           *found;   /* BylineSpellRange */
  guint             delay_source;
  guint             idle_source;
} SpellField;

enum {
  FIELD_HEADLINE,
  FIELD_STANDFIRST,
  FIELD_BODY,
  N_SPELL_FIELDS
};

struct _BylineEditorPaneTools
{
  SpellField          fields[N_SPELL_FIELDS];
  BylineSpellChecker *checker;
  char               *checker_language;  /* what the checker was asked for */
  GCancellable       *loading;
  char               *default_language;
  GStrv               newsroom_words;
  GPtrArray          *ignored;
  /* The word the context menu is about. */
  SpellField         *menu_field;
  GtkTextMark        *menu_start;
  GtkTextMark        *menu_end;
  gboolean            enabled;
};

typedef struct _BylineEditorPaneTools Tools;

static void field_schedule (SpellField *field);

/* --- the find bar ----------------------------------------------------------- */

static void
on_find_closed (BylineEditorPane *self)
{
  gtk_revealer_set_reveal_child (self->find_revealer, FALSE);
  if (gtk_widget_get_visible (GTK_WIDGET (self->body)))
    gtk_widget_grab_focus (GTK_WIDGET (self->body));
}

/**
 * byline_editor_pane_show_find:
 * @self: an editor pane
 * @replace: whether to show the replace row too
 *
 * Shows the find bar over the body, with what is selected in the body to
 * look for, and puts the focus in it.
 */
void
byline_editor_pane_show_find (BylineEditorPane *self,
                              gboolean          replace)
{
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));

  if (self->article == NULL)
    return;

  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->body_buffer), &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);

      byline_find_bar_set_search_text (self->find_bar, selected);
    }

  byline_find_bar_show_replace (self->find_bar, replace);
  gtk_revealer_set_reveal_child (self->find_revealer, TRUE);
  byline_find_bar_focus (self->find_bar);
}

/**
 * byline_editor_pane_get_find_bar:
 * @self: an editor pane
 *
 * Returns: (transfer none): the body's find bar
 */
BylineFindBar *
byline_editor_pane_get_find_bar (BylineEditorPane *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_PANE (self), NULL);

  return self->find_bar;
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  byline_editor_pane_show_find (BYLINE_EDITOR_PANE (widget), FALSE);
}

static void
find_replace_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  byline_editor_pane_show_find (BYLINE_EDITOR_PANE (widget), TRUE);
}

/* --- spell checking ---------------------------------------------------------- */

static const char *
wanted_language (BylineEditorPane *self)
{
  return byline_spell_pick_language (self->article != NULL ? byline_article_get_language (self->article) : NULL,
                                     self->tools->default_language);
}

static void
field_clear_marks (SpellField *field)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (field->buffer, &start, &end);
  gtk_text_buffer_remove_tag (field->buffer, field->tag, &start, &end);
}

static void
field_stop (SpellField *field)
{
  g_clear_handle_id (&field->delay_source, g_source_remove);
  g_clear_handle_id (&field->idle_source, g_source_remove);
  g_clear_pointer (&field->scan, byline_spell_scan_free);
  g_clear_pointer (&field->found, g_array_unref);
}

static void
field_apply (SpellField *field)
{
  field_clear_marks (field);

  for (guint i = 0; i < field->found->len; i++)
    {
      const BylineSpellRange *r = &g_array_index (field->found, BylineSpellRange, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (field->buffer, &start, r->start);
      gtk_text_buffer_get_iter_at_offset (field->buffer, &end, r->end);
      gtk_text_buffer_apply_tag (field->buffer, field->tag, &start, &end);
    }
}

static gboolean
field_step_cb (gpointer user_data)
{
  SpellField *field = user_data;
  Tools *tools = field->pane->tools;
  gint64 deadline = g_get_monotonic_time () + CHUNK_USEC;
  gboolean more = TRUE;

  while (more && g_get_monotonic_time () < deadline)
    more = byline_spell_scan_step (field->scan, tools->checker, CHUNK_WORDS, field->found);

  if (more)
    return G_SOURCE_CONTINUE;

  field->idle_source = 0;
  field_apply (field);
  g_clear_pointer (&field->scan, byline_spell_scan_free);
  g_clear_pointer (&field->found, g_array_unref);

  return G_SOURCE_REMOVE;
}

static void
field_start (SpellField *field)
{
  Tools *tools = field->pane->tools;
  g_autofree char *text = NULL;

  field_stop (field);
  if (tools->checker == NULL || !tools->enabled)
    return;

  text = _byline_editor_pane_dup_buffer_text (field->buffer);
  field->scan = byline_spell_scan_new (text, field->format);
  field->found = g_array_new (FALSE, FALSE, sizeof (BylineSpellRange));
  field->idle_source = g_idle_add_full (G_PRIORITY_LOW, field_step_cb, field, NULL);
  g_source_set_name_by_id (field->idle_source, "[byline] spell check");
}

static gboolean
field_delay_cb (gpointer user_data)
{
  SpellField *field = user_data;

  field->delay_source = 0;
  field_start (field);

  return G_SOURCE_REMOVE;
}

/* The task holds no reference on the pane, so a pane dropped while its
 * dictionary loads goes at once; the result then finds no pane. */
static void
checker_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *pane_ref = user_data;
  g_autoptr(BylineEditorPane) self = g_weak_ref_get (pane_ref);
  g_autoptr(GError) error = NULL;
  BylineSpellChecker *checker = g_task_propagate_pointer (G_TASK (result), &error);
  Tools *tools;

  g_weak_ref_clear (pane_ref);
  g_free (pane_ref);

  if (checker == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No spell checking: %s", error->message);
      if (self != NULL && self->tools != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_object (&self->tools->loading);
      return;
    }

  if (self == NULL || self->tools == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      byline_spell_checker_free (checker);
      return;
    }

  tools = self->tools;
  g_clear_object (&tools->loading);
  g_clear_pointer (&tools->checker, byline_spell_checker_free);
  tools->checker = checker;
  byline_spell_checker_add_words (checker, (const char * const *) tools->newsroom_words);
  for (guint i = 0; i < tools->ignored->len; i++)
    byline_spell_checker_add_word (checker, g_ptr_array_index (tools->ignored, i));

  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    field_start (&tools->fields[i]);
}

static void
load_checker_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  BylineSpellChecker *checker = byline_spell_checker_new (task_data, &error);

  if (checker == NULL)
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    byline_spell_checker_free (checker);
  else
    g_task_return_pointer (task, checker, (GDestroyNotify) byline_spell_checker_free);
}

/* Makes sure the checker is for the article's language, then checks every
 * field again. */
static void
tools_refresh (BylineEditorPane *self)
{
  Tools *tools = self->tools;
  const char *language = wanted_language (self);

  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    {
      field_stop (&tools->fields[i]);
      field_clear_marks (&tools->fields[i]);
    }

  if (!tools->enabled || self->article == NULL)
    return;

  if (tools->checker != NULL && g_strcmp0 (tools->checker_language, language) == 0)
    {
      for (guint i = 0; i < N_SPELL_FIELDS; i++)
        field_schedule (&tools->fields[i]);
      return;
    }

  if (tools->loading != NULL && g_strcmp0 (tools->checker_language, language) == 0)
    return;

  g_cancellable_cancel (tools->loading);
  g_clear_object (&tools->loading);
  g_clear_pointer (&tools->checker, byline_spell_checker_free);
  g_free (tools->checker_language);
  tools->checker_language = g_strdup (language);
  tools->loading = g_cancellable_new ();

  {
    GWeakRef *pane_ref = g_new0 (GWeakRef, 1);
    g_autoptr(GTask) task = NULL;

    g_weak_ref_init (pane_ref, self);
    task = g_task_new (NULL, tools->loading, checker_loaded_cb, pane_ref);

    g_task_set_source_tag (task, tools_refresh);
    g_task_set_task_data (task, g_strdup (language), g_free);
    g_task_run_in_thread (task, load_checker_thread);
  }
}

static void
field_schedule (SpellField *field)
{
  Tools *tools = field->pane->tools;

  if (tools->checker == NULL || !tools->enabled)
    return;

  g_clear_handle_id (&field->delay_source, g_source_remove);
  g_clear_handle_id (&field->idle_source, g_source_remove);
  g_clear_pointer (&field->scan, byline_spell_scan_free);
  g_clear_pointer (&field->found, g_array_unref);
  field->delay_source = g_timeout_add (CHECK_DELAY_MS, field_delay_cb, field);
  g_source_set_name_by_id (field->delay_source, "[byline] spell check after typing");
}

static void
on_field_changed (GtkTextBuffer *buffer,
                  SpellField    *field)
{
  field_schedule (field);
}

static void
on_article_language (BylineEditorPane *self)
{
  tools_refresh (self);
}

void
_byline_editor_pane_tools_load (BylineEditorPane *self)
{
  if (self->article != NULL)
    g_signal_connect_object (self->article, "notify::language", G_CALLBACK (on_article_language),
                             self, G_CONNECT_SWAPPED);

  tools_refresh (self);
}

/* --- the context menu ---------------------------------------------------------- */

static char *
menu_word (BylineEditorPane *self)
{
  Tools *tools = self->tools;
  GtkTextIter start, end;

  if (tools->menu_field == NULL)
    return NULL;

  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &start, tools->menu_start);
  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &end, tools->menu_end);

  return gtk_text_iter_get_text (&start, &end);
}

static void
forget_menu_word (Tools *tools)
{
  if (tools->menu_field != NULL)
    {
      gtk_text_buffer_delete_mark (tools->menu_field->buffer, tools->menu_start);
      gtk_text_buffer_delete_mark (tools->menu_field->buffer, tools->menu_end);
    }
  tools->menu_field = NULL;
  tools->menu_start = tools->menu_end = NULL;
}

static void
on_secondary_press (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SpellField      *field)
{
  BylineEditorPane *self = field->pane;
  Tools *tools = self->tools;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) suggestions = g_menu_new ();
  g_autoptr(GMenu) choices = g_menu_new ();
  g_autofree char *text = NULL;
  g_autofree char *word = NULL;
  g_auto(GStrv) replacements = NULL;
  BylineSpellRange range;
  GtkTextIter at, start, end;
  int bx, by;

  forget_menu_word (tools);
  gtk_text_view_set_extra_menu (field->view, NULL);

  if (tools->checker == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (field->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (field->view, &at, bx, by))
    return;
  if (!gtk_text_iter_has_tag (&at, field->tag))
    return;

  text = _byline_editor_pane_dup_buffer_text (field->buffer);
  if (!byline_spell_word_at (text, field->format, gtk_text_iter_get_offset (&at), &range))
    return;

  gtk_text_buffer_get_iter_at_offset (field->buffer, &start, range.start);
  gtk_text_buffer_get_iter_at_offset (field->buffer, &end, range.end);
  word = gtk_text_iter_get_text (&start, &end);
  tools->menu_field = field;
  tools->menu_start = gtk_text_buffer_create_mark (field->buffer, NULL, &start, TRUE);
  tools->menu_end = gtk_text_buffer_create_mark (field->buffer, NULL, &end, FALSE);

  replacements = byline_spell_checker_suggest (tools->checker, word, MAX_SUGGESTIONS);
  for (guint i = 0; replacements[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (replacements[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spell.replace", g_variant_new_string (replacements[i]));
      g_menu_append_item (suggestions, item);
    }
  if (replacements[0] == NULL)
    g_menu_append (suggestions, _("No Suggestions"), "spell.none");

  g_menu_append (choices, _("_Add to Dictionary"), "spell.add");
  g_menu_append (choices, _("_Ignore"), "spell.ignore");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (choices));
  gtk_text_view_set_extra_menu (field->view, G_MENU_MODEL (menu));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spell.none", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spell.replace", self->editable);
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BylineEditorPane *self = BYLINE_EDITOR_PANE (widget);
  Tools *tools = self->tools;
  GtkTextIter start, end;
  const char *replacement = g_variant_get_string (parameter, NULL);

  if (tools->menu_field == NULL || !self->editable)
    return;

  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &start, tools->menu_start);
  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &end, tools->menu_end);
  gtk_text_buffer_begin_user_action (tools->menu_field->buffer);
  gtk_text_buffer_delete (tools->menu_field->buffer, &start, &end);
  gtk_text_buffer_insert (tools->menu_field->buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (tools->menu_field->buffer);
  forget_menu_word (tools);
}

/* Takes @word as right from now on, and checks every field again. */
static void
accept_word (BylineEditorPane *self,
             const char       *word)
{
  Tools *tools = self->tools;

  if (tools->checker != NULL)
    byline_spell_checker_add_word (tools->checker, word);
  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    field_start (&tools->fields[i]);
}

static void
add_word_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BylineEditorPane *self = BYLINE_EDITOR_PANE (widget);
  g_autofree char *word = menu_word (self);

  if (word == NULL)
    return;

  forget_menu_word (self->tools);
  accept_word (self, word);
  /* The window keeps it in the newsroom's dictionary. */
  g_signal_emit_by_name (self, "add-to-dictionary", word);
}

static void
ignore_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineEditorPane *self = BYLINE_EDITOR_PANE (widget);
  g_autofree char *word = menu_word (self);

  if (word == NULL)
    return;

  forget_menu_word (self->tools);
  g_ptr_array_add (self->tools->ignored, g_strdup (word));
  accept_word (self, word);
}

/* --- public -------------------------------------------------------------------- */

/**
 * byline_editor_pane_set_dictionary_words:
 * @self: an editor pane
 * @words: (nullable) (array zero-terminated=1): the newsroom's dictionary
 *
 * The words every desk spells the newsroom's way.
 */
void
byline_editor_pane_set_dictionary_words (BylineEditorPane   *self,
                                         const char * const *words)
{
  Tools *tools;

  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));

  tools = self->tools;
  g_strfreev (tools->newsroom_words);
  tools->newsroom_words = g_strdupv ((char **) words);

  if (tools->checker != NULL)
    {
      byline_spell_checker_add_words (tools->checker, words);
      for (guint i = 0; i < N_SPELL_FIELDS; i++)
        field_schedule (&tools->fields[i]);
    }
}

/**
 * byline_editor_pane_set_default_language:
 * @self: an editor pane
 * @language: (nullable): the publication's language
 *
 * The language to check an article that names none in.
 */
void
byline_editor_pane_set_default_language (BylineEditorPane *self,
                                         const char       *language)
{
  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));

  if (g_strcmp0 (self->tools->default_language, language) == 0)
    return;

  g_free (self->tools->default_language);
  self->tools->default_language = g_strdup (language);
  tools_refresh (self);
}

/**
 * byline_editor_pane_set_spell_check:
 * @self: an editor pane
 * @enabled: whether to underline misspelled words
 */
void
byline_editor_pane_set_spell_check (BylineEditorPane *self,
                                    gboolean          enabled)
{
  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));

  enabled = !!enabled;
  if (self->tools->enabled == enabled)
    return;

  self->tools->enabled = enabled;
  tools_refresh (self);
}

/**
 * byline_editor_pane_is_spell_checking:
 * @self: an editor pane
 *
 * Returns: whether a check is loading its dictionary, waiting for typing
 *   to pause or under way: for tests, which wait until it is done
 */
gboolean
byline_editor_pane_is_spell_checking (BylineEditorPane *self)
{
  Tools *tools;

  g_return_val_if_fail (BYLINE_IS_EDITOR_PANE (self), FALSE);

  tools = self->tools;
  if (tools->loading != NULL)
    return TRUE;
  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    if (tools->fields[i].delay_source != 0 || tools->fields[i].idle_source != 0)
      return TRUE;

  return FALSE;
}

void
_byline_editor_pane_tools_apply_editable (BylineEditorPane *self)
{
  byline_find_bar_set_editable (self->find_bar, self->editable);
}

void
_byline_editor_pane_class_init_tools (GtkWidgetClass *widget_class)
{
  g_type_ensure (BYLINE_TYPE_FIND_BAR);

  gtk_widget_class_bind_template_child (widget_class, BylineEditorPane, find_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineEditorPane, find_bar);

  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-replace", NULL, find_replace_action);
  gtk_widget_class_install_action (widget_class, "spell.replace", "s", replace_action);
  gtk_widget_class_install_action (widget_class, "spell.add", NULL, add_word_action);
  gtk_widget_class_install_action (widget_class, "spell.ignore", NULL, ignore_action);
  gtk_widget_class_install_action (widget_class, "spell.none", NULL, NULL);

  /**
   * BylineEditorPane::add-to-dictionary:
   * @word: the word
   *
   * "Add to Dictionary" in a field's menu: the word is right in this pane
   * already; the window keeps it in the newsroom's dictionary.
   */
  g_signal_new ("add-to-dictionary", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
_byline_editor_pane_init_tools (BylineEditorPane *self)
{
  Tools *tools = g_new0 (Tools, 1);
  struct {
    GtkTextView      *view;
    BylineTextFormat  format;
  } views[N_SPELL_FIELDS] = {
    { self->headline, BYLINE_TEXT_PLAIN },
    { self->standfirst, BYLINE_TEXT_PLAIN },
    { GTK_TEXT_VIEW (self->body), BYLINE_TEXT_MARKDOWN },
  };

  self->tools = tools;
  tools->enabled = TRUE;
  tools->ignored = g_ptr_array_new_with_free_func (g_free);

  byline_find_bar_set_view (self->find_bar, self->body);
  g_signal_connect_object (self->find_bar, "closed", G_CALLBACK (on_find_closed), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    {
      SpellField *field = &tools->fields[i];
      GtkGesture *gesture = gtk_gesture_click_new ();

      field->pane = self;
      field->view = views[i].view;
      field->buffer = gtk_text_view_get_buffer (field->view);
      field->format = views[i].format;
      field->tag = gtk_text_buffer_create_tag (field->buffer, "misspelled",
                                               "underline", PANGO_UNDERLINE_ERROR,
                                               NULL);
      g_signal_connect (field->buffer, "changed", G_CALLBACK (on_field_changed), field);

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
      g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_press), field);
      gtk_widget_add_controller (GTK_WIDGET (field->view), GTK_EVENT_CONTROLLER (gesture));
    }
}

void
_byline_editor_pane_dispose_tools (BylineEditorPane *self)
{
  Tools *tools = self->tools;

  if (tools == NULL)
    return;

  forget_menu_word (tools);
  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    {
      field_stop (&tools->fields[i]);
      if (tools->fields[i].buffer != NULL)
        g_signal_handlers_disconnect_by_data (tools->fields[i].buffer, &tools->fields[i]);
    }
  g_cancellable_cancel (tools->loading);
  g_clear_object (&tools->loading);
  g_clear_pointer (&tools->checker, byline_spell_checker_free);
  g_clear_pointer (&tools->checker_language, g_free);
  g_clear_pointer (&tools->default_language, g_free);
  g_clear_pointer (&tools->newsroom_words, g_strfreev);
  g_clear_pointer (&tools->ignored, g_ptr_array_unref);
  if (self->find_bar != NULL)
    byline_find_bar_set_view (self->find_bar, NULL);
  g_clear_pointer (&self->tools, g_free);
}
