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
#include "byline-language.h"
#include "byline-readability.h"
#include "byline-spell.h"
#include "byline-util.h"

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
#define LOAD_DELAY_MS  1000
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
  /* The word the context menu is about: in a field's buffer, between
   * marks, or in the caption, at a character offset. */
  SpellField         *menu_field;
  GtkTextMark        *menu_start;
  GtkTextMark        *menu_end;
  char               *menu_caption_word;
  guint               menu_caption_start;
  gboolean            enabled;

  guint               load_source;

  /* The caption, an entry: underlined with Pango attributes. */
  guint               caption_source;
  GArray             *caption_found;  /* BylineSpellRange */

  /* Readability, beside the status line. */
  GtkLabel           *readability_label;
  GtkToggleButton    *long_button;
  GtkTextTag         *long_tag;
  guint               readability_source;
  /* Why the article's language is not checked, said on that line: no
   * dictionary is installed for it. */
  char               *unchecked_language;
  char               *unchecked_reason;
  char               *headline_font;
};

typedef struct _BylineEditorPaneTools Tools;

static void field_schedule (SpellField *field);
static void queue_readability (BylineEditorPane *self);
static void check_caption (BylineEditorPane *self);
static void on_caption_changed (BylineEditorPane *self);

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

/* --- spell checking ---------------------------------------------------------- */

/* The one rule of the language module decides, as for the page. */
static char *
dup_wanted_language (BylineEditorPane *self)
{
  return byline_language_dup_effective (self->article != NULL ? byline_article_get_language (self->article) : NULL,
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

/* Every field again, at once: the checker or its words changed. */
static void
check_all_now (BylineEditorPane *self)
{
  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    field_start (&self->tools->fields[i]);
  check_caption (self);
}

/* Every field again, once typing pauses. */
static void
check_all_later (BylineEditorPane *self)
{
  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    field_schedule (&self->tools->fields[i]);
  on_caption_changed (self);
}

/* Says on the readability line that @language is not checked, and why;
 * %NULL when it is. */
static void
set_unchecked (BylineEditorPane *self,
               const char       *language,
               const char       *reason)
{
  Tools *tools = self->tools;

  if (g_strcmp0 (tools->unchecked_language, language) == 0)
    return;

  g_free (tools->unchecked_language);
  g_free (tools->unchecked_reason);
  tools->unchecked_language = g_strdup (language);
  tools->unchecked_reason = g_strdup (reason);
  queue_readability (self);
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
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("No spell checking: %s", error->message);
      if (self != NULL && self->tools != NULL)
        {
          tools = self->tools;
          g_clear_object (&tools->loading);
          set_unchecked (self, tools->checker_language, error->message);
        }
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
  set_unchecked (self, NULL, NULL);
  byline_spell_checker_add_words (checker, (const char * const *) tools->newsroom_words);
  for (guint i = 0; i < tools->ignored->len; i++)
    byline_spell_checker_add_word (checker, g_ptr_array_index (tools->ignored, i));

  check_all_now (self);
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

/* The caption is one short line: checked at once, once typing pauses. Its
 * misspellings are underlined with attributes on the entry's text. */
static GtkText *
caption_text (BylineEditorPane *self)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->caption));

  while (delegate != NULL && !GTK_IS_TEXT (delegate))
    delegate = gtk_editable_get_delegate (delegate);

  return delegate != NULL ? GTK_TEXT (delegate) : NULL;
}

static void
check_caption (BylineEditorPane *self)
{
  Tools *tools = self->tools;
  GtkText *text = caption_text (self);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  const char *caption;

  if (text == NULL)
    return;

  g_clear_pointer (&tools->caption_found, g_array_unref);
  caption = gtk_editable_get_text (GTK_EDITABLE (self->caption));
  if (tools->checker != NULL && tools->enabled && self->article != NULL)
    {
      GArray *ranges = byline_spell_checker_check_text (tools->checker, caption, BYLINE_TEXT_PLAIN);

      tools->caption_found = ranges;
      for (guint i = 0; i < ranges->len; i++)
        {
          const BylineSpellRange *r = &g_array_index (ranges, BylineSpellRange, i);
          PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);

          underline->start_index = g_utf8_offset_to_pointer (caption, r->start) - caption;
          underline->end_index = g_utf8_offset_to_pointer (caption, r->end) - caption;
          pango_attr_list_insert (attributes, underline);
        }
    }

  gtk_text_set_attributes (text, attributes);
}

static gboolean
caption_delay_cb (gpointer user_data)
{
  BylineEditorPane *self = user_data;

  self->tools->caption_source = 0;
  check_caption (self);

  return G_SOURCE_REMOVE;
}

static void
on_caption_changed (BylineEditorPane *self)
{
  Tools *tools = self->tools;

  if (tools == NULL)
    return;

  /* Until the check runs again, the old places no longer fit the text. */
  g_clear_pointer (&tools->caption_found, g_array_unref);
  g_clear_handle_id (&tools->caption_source, g_source_remove);
  tools->caption_source = g_timeout_add (CHECK_DELAY_MS, caption_delay_cb, self);
  g_source_set_name_by_id (tools->caption_source, "[byline] spell check the caption");
}

/* Makes sure the checker is for the article's language, then checks every
 * field again. */
static void
tools_refresh (BylineEditorPane *self)
{
  Tools *tools = self->tools;
  g_autofree char *language = dup_wanted_language (self);

  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    {
      field_stop (&tools->fields[i]);
      field_clear_marks (&tools->fields[i]);
    }

  if (!tools->enabled || self->article == NULL)
    {
      set_unchecked (self, NULL, NULL);
      check_caption (self);
      return;
    }

  if (tools->checker != NULL && g_strcmp0 (tools->checker_language, language) == 0)
    {
      check_all_later (self);
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

  field_stop (field);
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

/* An article just opened: its fields are checked and measured once the
 * window has settled, not in the frames that show it. */
static gboolean
load_settled_cb (gpointer user_data)
{
  BylineEditorPane *self = user_data;

  self->tools->load_source = 0;
  queue_readability (self);
  tools_refresh (self);

  return G_SOURCE_REMOVE;
}

void
_byline_editor_pane_tools_load (BylineEditorPane *self)
{
  Tools *tools = self->tools;

  if (self->article != NULL)
    g_signal_connect_object (self->article, "notify::language", G_CALLBACK (on_article_language),
                             self, G_CONNECT_SWAPPED);

  /* Nothing of the article before stays marked meanwhile. */
  for (guint i = 0; i < N_SPELL_FIELDS; i++)
    {
      field_stop (&tools->fields[i]);
      field_clear_marks (&tools->fields[i]);
    }
  g_clear_handle_id (&tools->readability_source, g_source_remove);
  g_clear_handle_id (&tools->load_source, g_source_remove);
  tools->load_source = g_timeout_add_full (G_PRIORITY_LOW, LOAD_DELAY_MS, load_settled_cb, self, NULL);
  g_source_set_name_by_id (tools->load_source, "[byline] writing tools after opening");
}

/* --- the context menu ---------------------------------------------------------- */

/* The menu for a misspelled word: the dictionary's suggestions, then "Add
 * to Dictionary" and "Ignore". The pointer or the Menu key puts it in the
 * field's own context menu just before that opens. */
static GMenuModel *
spell_menu_new (BylineEditorPane *self,
                const char       *word)
{
  Tools *tools = self->tools;
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) suggestions = g_menu_new ();
  g_autoptr(GMenu) choices = g_menu_new ();
  g_auto(GStrv) replacements = byline_spell_checker_suggest (tools->checker, word, MAX_SUGGESTIONS);

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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spell.none", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spell.replace", self->editable);

  return G_MENU_MODEL (menu);
}

static char *
menu_word (BylineEditorPane *self)
{
  Tools *tools = self->tools;
  GtkTextIter start, end;

  if (tools->menu_caption_word != NULL)
    return g_strdup (tools->menu_caption_word);
  if (tools->menu_field == NULL)
    return NULL;

  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &start, tools->menu_start);
  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &end, tools->menu_end);

  return gtk_text_iter_get_text (&start, &end);
}

/* Done with the word: its field's menu is the usual one again. */
static void
forget_menu_word (BylineEditorPane *self)
{
  Tools *tools = self->tools;

  if (tools->menu_field != NULL)
    {
      gtk_text_buffer_delete_mark (tools->menu_field->buffer, tools->menu_start);
      gtk_text_buffer_delete_mark (tools->menu_field->buffer, tools->menu_end);
      gtk_text_view_set_extra_menu (tools->menu_field->view, NULL);
    }
  if (tools->menu_caption_word != NULL && caption_text (self) != NULL)
    gtk_text_set_extra_menu (caption_text (self), NULL);
  tools->menu_field = NULL;
  tools->menu_start = tools->menu_end = NULL;
  g_clear_pointer (&tools->menu_caption_word, g_free);
}

/* Offers the menu for the word at @at in @field when it is underlined;
 * otherwise the field's menu is its usual one. */
static void
field_prepare_menu (SpellField        *field,
                    const GtkTextIter *at)
{
  BylineEditorPane *self = field->pane;
  Tools *tools = self->tools;
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *text = NULL;
  BylineSpellRange range;
  GtkTextIter start, end;

  forget_menu_word (self);
  gtk_text_view_set_extra_menu (field->view, NULL);

  if (tools->checker == NULL)
    return;

  text = _byline_editor_pane_dup_buffer_text (field->buffer);
  if (!byline_spell_word_at (text, field->format, gtk_text_iter_get_offset (at), &range))
    return;

  /* Only a word the check underlined: not one typed since. */
  gtk_text_buffer_get_iter_at_offset (field->buffer, &start, range.start);
  gtk_text_buffer_get_iter_at_offset (field->buffer, &end, range.end);
  if (!gtk_text_iter_has_tag (&start, field->tag))
    return;

  tools->menu_field = field;
  tools->menu_start = gtk_text_buffer_create_mark (field->buffer, NULL, &start, TRUE);
  tools->menu_end = gtk_text_buffer_create_mark (field->buffer, NULL, &end, FALSE);

  {
    g_autofree char *word = gtk_text_iter_get_text (&start, &end);

    menu = spell_menu_new (self, word);
  }
  gtk_text_view_set_extra_menu (field->view, menu);
}

static void
on_secondary_press (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SpellField      *field)
{
  GtkTextIter at;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (field->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (field->view, &at, bx, by))
    {
      forget_menu_word (field->pane);
      gtk_text_view_set_extra_menu (field->view, NULL);
      return;
    }

  field_prepare_menu (field, &at);
}

static gboolean
is_menu_key (guint           keyval,
             GdkModifierType state)
{
  return keyval == GDK_KEY_Menu ||
         (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) != 0);
}

/* The Menu key opens the context menu at the cursor: it is about the
 * word the cursor is in. The key goes on to open it. */
static gboolean
on_field_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              SpellField            *field)
{
  GtkTextIter at;

  if (is_menu_key (keyval, state))
    {
      gtk_text_buffer_get_iter_at_mark (field->buffer, &at, gtk_text_buffer_get_insert (field->buffer));
      field_prepare_menu (field, &at);
    }

  return GDK_EVENT_PROPAGATE;
}

/* The caption's underlined word at @offset (characters), or %NULL. */
static const BylineSpellRange *
caption_range_at_offset (Tools *tools,
                         guint  offset)
{
  for (guint i = 0; tools->caption_found != NULL && i < tools->caption_found->len; i++)
    {
      const BylineSpellRange *r = &g_array_index (tools->caption_found, BylineSpellRange, i);

      if (r->start <= offset && offset <= r->end)
        return r;
    }

  return NULL;
}

/* The caption's underlined word under @x (the text's coordinates): between
 * where the cursor would stand before and after it, either way round for
 * right-to-left words. */
static const BylineSpellRange *
caption_range_at_x (Tools   *tools,
                    GtkText *text,
                    double   x)
{
  for (guint i = 0; tools->caption_found != NULL && i < tools->caption_found->len; i++)
    {
      const BylineSpellRange *r = &g_array_index (tools->caption_found, BylineSpellRange, i);
      graphene_rect_t start, end;

      gtk_text_compute_cursor_extents (text, r->start, &start, NULL);
      gtk_text_compute_cursor_extents (text, r->end, &end, NULL);
      if (x >= MIN (start.origin.x, end.origin.x) && x <= MAX (start.origin.x, end.origin.x))
        return r;
    }

  return NULL;
}

static void
caption_prepare_menu (BylineEditorPane       *self,
                      GtkText                *text,
                      const BylineSpellRange *range)
{
  Tools *tools = self->tools;
  g_autoptr(GMenuModel) menu = NULL;
  const char *caption = gtk_editable_get_text (GTK_EDITABLE (self->caption));
  const char *start, *end;

  forget_menu_word (self);
  gtk_text_set_extra_menu (text, NULL);

  if (tools->checker == NULL || range == NULL)
    return;

  start = g_utf8_offset_to_pointer (caption, range->start);
  end = g_utf8_offset_to_pointer (caption, range->end);
  tools->menu_caption_word = g_strndup (start, end - start);
  tools->menu_caption_start = range->start;

  menu = spell_menu_new (self, tools->menu_caption_word);
  gtk_text_set_extra_menu (text, menu);
}

static void
on_caption_secondary_press (GtkGestureClick  *gesture,
                            int               n_press,
                            double            x,
                            double            y,
                            BylineEditorPane *self)
{
  GtkText *text = GTK_TEXT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));

  caption_prepare_menu (self, text, caption_range_at_x (self->tools, text, x));
}

static gboolean
on_caption_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BylineEditorPane      *self)
{
  GtkText *text = GTK_TEXT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (is_menu_key (keyval, state))
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (text));

      caption_prepare_menu (self, text, caption_range_at_offset (self->tools, position));
    }

  return GDK_EVENT_PROPAGATE;
}

/* Puts the caption's word back as @replacement, if the caption still
 * holds the word where the menu found it. */
static void
replace_in_caption (BylineEditorPane *self,
                    const char       *replacement)
{
  Tools *tools = self->tools;
  GtkEditable *caption = GTK_EDITABLE (self->caption);
  int start = tools->menu_caption_start;
  int end = start + g_utf8_strlen (tools->menu_caption_word, -1);
  g_autofree char *there = NULL;

  if (end > g_utf8_strlen (gtk_editable_get_text (caption), -1))
    return;
  there = gtk_editable_get_chars (caption, start, end);
  if (g_strcmp0 (there, tools->menu_caption_word) != 0)
    return;

  gtk_editable_delete_text (caption, start, end);
  gtk_editable_insert_text (caption, replacement, -1, &start);
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

  if (!self->editable)
    return;

  if (tools->menu_caption_word != NULL)
    {
      replace_in_caption (self, replacement);
      forget_menu_word (self);
      return;
    }
  if (tools->menu_field == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &start, tools->menu_start);
  gtk_text_buffer_get_iter_at_mark (tools->menu_field->buffer, &end, tools->menu_end);
  gtk_text_buffer_begin_user_action (tools->menu_field->buffer);
  gtk_text_buffer_delete (tools->menu_field->buffer, &start, &end);
  gtk_text_buffer_insert (tools->menu_field->buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (tools->menu_field->buffer);
  forget_menu_word (self);
}

/* Takes @word as right from now on, and checks every field again. */
static void
accept_word (BylineEditorPane *self,
             const char       *word)
{
  Tools *tools = self->tools;

  if (tools->checker != NULL)
    byline_spell_checker_add_word (tools->checker, word);
  check_all_now (self);
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

  forget_menu_word (self);
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

  forget_menu_word (self);
  g_ptr_array_add (self->tools->ignored, g_strdup (word));
  accept_word (self, word);
}

/* --- readability and the headline's width ----------------------------------------- */

/* Search results show about this much of a title before they cut it. */
#define HEADLINE_SEARCH_WIDTH 580
/* At the size search results set a title in. */
#define HEADLINE_SEARCH_SIZE "20px"
#define LAYOUT_CSS_PATH "/io/github/bylinedesk/Byline/layout/article.css"

/* The published headline's fonts, from the layout's CSS (its --serif
 * stack, which .headline uses), as a Pango font description. */
static char *
dup_headline_font (void)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (LAYOUT_CSS_PATH, 0, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("--serif:\\s*([^;]+);", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *stack = NULL;
  const char *text;

  if (css != NULL)
    {
      text = g_bytes_get_data (css, NULL);
      if (g_regex_match_full (regex, text, g_bytes_get_size (css), 0, 0, &match, NULL))
        {
          stack = g_match_info_fetch (match, 1);
          g_strdelimit (stack, "\"\n", ' ');
        }
    }

  return g_strdup_printf ("%s Bold %s", stack != NULL ? g_strstrip (stack) : "serif", HEADLINE_SEARCH_SIZE);
}

/**
 * _byline_editor_pane_measure_headline:
 * @self: an editor pane
 * @headline: the headline
 *
 * Returns: how wide @headline is, in pixels, set in the layout's headline
 *   font at the size search results use
 */
int
_byline_editor_pane_measure_headline (BylineEditorPane *self,
                                      const char       *headline)
{
  Tools *tools = self->tools;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), headline);
  PangoFontDescription *font;
  int width = 0;

  if (tools->headline_font == NULL)
    tools->headline_font = dup_headline_font ();

  font = pango_font_description_from_string (tools->headline_font);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
mark_long_sentences (BylineEditorPane *self,
                     const char       *body)
{
  Tools *tools = self->tools;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);
  g_autoptr(GArray) sentences = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tools->long_tag, &start, &end);

  if (!gtk_toggle_button_get_active (tools->long_button))
    return;

  sentences = byline_readability_long_sentences (body, BYLINE_TEXT_MARKDOWN, BYLINE_READABILITY_LONG_SENTENCE);
  for (guint i = 0; i < sentences->len; i++)
    {
      const BylineTextSentence *sentence = &g_array_index (sentences, BylineTextSentence, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, sentence->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, sentence->end);
      gtk_text_buffer_apply_tag (buffer, tools->long_tag, &start, &end);
    }
}

/**
 * _byline_editor_pane_format_readability:
 * @readability: the body's measures
 * @headline_width: the headline's width in pixels (0: none)
 *
 * Returns: (transfer full): the line beside the status line: sentences,
 *   their average length, the long ones, Flesch reading ease for English,
 *   the headline against what search results show
 */
char *
_byline_editor_pane_format_readability (const BylineReadability *r,
                                        int                      headline_width)
{
  GString *line = g_string_new (NULL);

  if (r->sentences > 0)
    {
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences", r->sentences),
                              r->sentences);
      g_string_append (line, " · ");
      /* Translators: the average sentence length, "14.5 words a sentence" */
      g_string_append_printf (line, _("%.1f words a sentence"), r->words_per_sentence);
      if (r->long_sentences > 0)
        {
          g_string_append (line, " · ");
          g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u over %u words", "%u over %u words",
                                                     r->long_sentences),
                                  r->long_sentences, BYLINE_READABILITY_LONG_SENTENCE);
        }
      if (r->has_reading_ease)
        {
          g_string_append (line, " · ");
          /* Translators: Flesch reading ease, a score (higher reads more easily) */
          g_string_append_printf (line, _("reading ease %.0f"), r->reading_ease);
        }
    }

  if (headline_width > 0)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      if (headline_width > HEADLINE_SEARCH_WIDTH)
        /* Translators: the headline's width in pixels against what search results show of a title */
        g_string_append_printf (line, _("headline %d / %d px: search results cut it"),
                                headline_width, HEADLINE_SEARCH_WIDTH);
      else
        g_string_append_printf (line, _("headline %d / %d px"), headline_width, HEADLINE_SEARCH_WIDTH);
    }

  return g_string_free (line, FALSE);
}

static gboolean
update_readability_cb (gpointer user_data)
{
  BylineEditorPane *self = user_data;
  Tools *tools = self->tools;
  g_autofree char *body = _byline_editor_pane_dup_buffer_text (GTK_TEXT_BUFFER (self->body_buffer));
  g_autofree char *headline = _byline_editor_pane_dup_buffer_text (self->headline_buffer);
  g_autofree char *line = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *language = dup_wanted_language (self);
  BylineReadability r;
  int width = 0;

  tools->readability_source = 0;

  byline_readability_measure (body, BYLINE_TEXT_MARKDOWN, language, &r);
  if (*headline != '\0')
    width = _byline_editor_pane_measure_headline (self, headline);
  line = _byline_editor_pane_format_readability (&r, width);
  tooltip = g_strdup (_("Flesch reading ease, for English: 60–70 is plain English, below 30 is hard going. "
                        "The headline is measured in the page’s headline font."));
  if (tools->unchecked_language != NULL)
    {
      g_autofree char *readability = g_steal_pointer (&line);
      g_autofree char *readability_tooltip = g_steal_pointer (&tooltip);

      /* Translators: the first %s is the readability line; the second a language tag such as "de" */
      line = g_strdup_printf (_("%s · spelling not checked: no dictionary for “%s”"),
                              readability, tools->unchecked_language);
      tooltip = g_strdup_printf ("%s\n\n%s", tools->unchecked_reason, readability_tooltip);
    }
  gtk_label_set_label (tools->readability_label, line);
  gtk_widget_set_tooltip_text (GTK_WIDGET (tools->readability_label), tooltip);
  mark_long_sentences (self, body);

  return G_SOURCE_REMOVE;
}

static void
queue_readability (BylineEditorPane *self)
{
  Tools *tools = self->tools;

  /* A buffer emptied while the pane goes. */
  if (tools == NULL)
    return;

  g_clear_handle_id (&tools->readability_source, g_source_remove);
  tools->readability_source = g_timeout_add_full (G_PRIORITY_LOW, CHECK_DELAY_MS, update_readability_cb, self, NULL);
  g_source_set_name_by_id (tools->readability_source, "[byline] readability");
}

/* Puts the readability line and its "Long Sentences" switch on a row of
 * their own under the status line: side by side, an editor of ordinary
 * width cut both short. */
static void
build_readability_row (BylineEditorPane *self)
{
  Tools *tools = self->tools;
  GtkWidget *status = GTK_WIDGET (self->stats_label);
  GtkWidget *parent = gtk_widget_get_parent (status);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_("_Long Sentences"));

  gtk_widget_set_margin_bottom (status, 0);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_insert_child_after (GTK_BOX (parent), row, status);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (row), label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (button, 12);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_set_tooltip_text (button, _("Highlight sentences over 25 words"));
  gtk_box_append (GTK_BOX (row), button);

  tools->readability_label = GTK_LABEL (label);
  tools->long_button = GTK_TOGGLE_BUTTON (button);
  tools->long_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->body_buffer), "long-sentence",
                                                "background", "rgba(246, 211, 45, 0.3)",
                                                NULL);
  g_signal_connect_object (button, "toggled", G_CALLBACK (queue_readability), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_buffer, "changed", G_CALLBACK (queue_readability), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->headline_buffer, "changed", G_CALLBACK (queue_readability), self,
                           G_CONNECT_SWAPPED);
}

/**
 * byline_editor_pane_set_highlight_long_sentences:
 * @self: an editor pane
 * @highlight: whether to highlight sentences over 25 words in the body
 */
void
byline_editor_pane_set_highlight_long_sentences (BylineEditorPane *self,
                                                 gboolean          highlight)
{
  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));

  gtk_toggle_button_set_active (self->tools->long_button, highlight);
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
  gboolean forgot;

  g_return_if_fail (BYLINE_IS_EDITOR_PANE (self));

  tools = self->tools;

  /* A checker cannot forget a word: one taken out of the dictionary by
   * another desk needs a checker made again. */
  forgot = !byline_strv_contains_all (words, (const char * const *) tools->newsroom_words);

  g_strfreev (tools->newsroom_words);
  tools->newsroom_words = g_strdupv ((char **) words);

  if (forgot && tools->checker != NULL)
    {
      g_clear_pointer (&tools->checker, byline_spell_checker_free);
      g_clear_pointer (&tools->checker_language, g_free);
      tools_refresh (self);
    }
  else if (tools->checker != NULL)
    {
      byline_spell_checker_add_words (tools->checker, words);
      check_all_later (self);
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
  if (tools->loading != NULL || tools->caption_source != 0 || tools->load_source != 0)
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
  GtkEventController *key;
  GtkText *caption;

  self->tools = tools;
  tools->enabled = TRUE;
  tools->ignored = g_ptr_array_new_with_free_func (g_free);

  byline_find_bar_set_view (self->find_bar, self->body);
  g_signal_connect_object (self->find_bar, "closed", G_CALLBACK (on_find_closed), self, G_CONNECT_SWAPPED);
  build_readability_row (self);
  g_signal_connect_object (self->caption, "changed", G_CALLBACK (on_caption_changed), self, G_CONNECT_SWAPPED);

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

      key = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
      g_signal_connect (key, "key-pressed", G_CALLBACK (on_field_key), field);
      gtk_widget_add_controller (GTK_WIDGET (field->view), key);
    }

  caption = caption_text (self);
  if (caption != NULL)
    {
      GtkGesture *gesture = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
      g_signal_connect (gesture, "pressed", G_CALLBACK (on_caption_secondary_press), self);
      gtk_widget_add_controller (GTK_WIDGET (caption), GTK_EVENT_CONTROLLER (gesture));

      key = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
      g_signal_connect (key, "key-pressed", G_CALLBACK (on_caption_key), self);
      gtk_widget_add_controller (GTK_WIDGET (caption), key);
    }
}

void
_byline_editor_pane_dispose_tools (BylineEditorPane *self)
{
  Tools *tools = self->tools;

  if (tools == NULL)
    return;

  forget_menu_word (self);
  g_clear_handle_id (&tools->readability_source, g_source_remove);
  g_clear_handle_id (&tools->caption_source, g_source_remove);
  g_clear_pointer (&tools->caption_found, g_array_unref);
  g_clear_handle_id (&tools->load_source, g_source_remove);
  g_clear_pointer (&tools->headline_font, g_free);
  g_clear_pointer (&tools->unchecked_language, g_free);
  g_clear_pointer (&tools->unchecked_reason, g_free);
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
