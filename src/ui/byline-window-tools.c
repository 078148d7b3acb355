/* byline-window-tools.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writing tools in the window: find in the article, the newsroom's
 * dictionary for the editor's spell checking, and the pre-publish check
 * (byline-check.h): a dialog before Approve and Publish, and the Article
 * Check panel (F7), which follows the article as it is written. */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-check.h"
#include "byline-confirm.h"
#include "byline-language.h"
#include "byline-util.h"
#include "byline-window-private.h"

/* After typing pauses this long, the check panel checks again: the check
 * of a 10,000-word article takes a few milliseconds (bench-check), but
 * not on every keystroke. */
#define CHECK_DELAY_MS 500

static void queue_check (BylineWindow *self);

/* --- the newsroom dictionary ------------------------------------------------- */

static void
load_dictionary (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = byline_store_list_dictionary (self->store, &error);

  g_clear_pointer (&self->dictionary_words, g_strfreev);
  if (words == NULL)
    {
      g_message ("Could not read the newsroom dictionary: %s", error->message);
      return;
    }

  byline_editor_pane_set_dictionary_words (self->editor, (const char * const *) words);
  self->dictionary_words = g_steal_pointer (&words);
}

static void
dictionary_changed_cb (BylineWindow *self)
{
  g_auto(GStrv) before = g_steal_pointer (&self->dictionary_words);
  gboolean only_added;
  GHashTableIter iter;
  gpointer checker;

  load_dictionary (self);
  if (self->spell_checkers == NULL)
    return;

  only_added = before != NULL && self->dictionary_words != NULL &&
               byline_strv_contains_all ((const char * const *) self->dictionary_words,
                                         (const char * const *) before);

  /* A checker cannot forget a word: when one left the dictionary, load
   * them again as they are next needed. Words added (the usual change)
   * are taken by the checkers there are, as loading one again takes
   * 0.1-0.2 s. */
  if (only_added)
    {
      g_hash_table_iter_init (&iter, self->spell_checkers);
      while (g_hash_table_iter_next (&iter, NULL, &checker))
        if (checker != NULL)
          byline_spell_checker_add_words (checker, (const char * const *) self->dictionary_words);
    }
  else
    g_hash_table_remove_all (self->spell_checkers);

  queue_check (self);
}

static void
add_to_dictionary_cb (BylineWindow *self,
                      const char   *word)
{
  g_autoptr(GError) error = NULL;

  if (!byline_store_add_to_dictionary (self->store, word, &error))
    _byline_window_show_error (self, error);
}

/* --- the check ----------------------------------------------------------------- */

/* The checker for @language with the newsroom's words, or NULL when no
 * dictionary is installed for it. Loading a dictionary takes about 0.1 s
 * (bench-spell): each is loaded once, then kept. */
static BylineSpellChecker *
get_spell_checker (BylineWindow *self,
                   const char   *language)
{
  g_autoptr(GError) error = NULL;
  BylineSpellChecker *checker;

  if (language == NULL)
    language = "";

  if (g_hash_table_lookup_extended (self->spell_checkers, language, NULL, (gpointer *) &checker))
    return checker;

  checker = byline_spell_checker_new (language, &error);
  if (checker == NULL)
    g_debug ("No spelling in the check: %s", error->message);
  else if (self->dictionary_words != NULL)
    byline_spell_checker_add_words (checker, (const char * const *) self->dictionary_words);
  /* Without a dictionary too, so as not to look for one at every check. */
  g_hash_table_insert (self->spell_checkers, g_strdup (language), checker);

  return checker;
}

/* The article's problems, with this desk's budgets and the dictionary of
 * its language. */
static GPtrArray *
check_article (BylineWindow *self)
{
  BylineSpellChecker *checker = NULL;
  BylineCheckBudgets budgets;

  budgets.headline = g_settings_get_uint (self->settings, "headline-budget");
  budgets.standfirst = g_settings_get_uint (self->settings, "standfirst-budget");
  budgets.caption = g_settings_get_uint (self->settings, "caption-budget");

  if (g_settings_get_boolean (self->settings, "spell-check"))
    {
      g_autofree char *language = byline_article_dup_effective_language (self->article, self->publication);

      checker = get_spell_checker (self, language);
    }

  return byline_check_article (self->article, self->store, &budgets, checker);
}

/**
 * _byline_window_new_problem_list:
 * @problems: (element-type BylineCheckProblem): what the check found
 *
 * Returns: (transfer floating): the problems as a list, one row each, for
 *   the dialog before Approve and Publish
 */
GtkWidget *
_byline_window_new_problem_list (GPtrArray *problems)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems found"), -1);
  byline_check_list_fill (GTK_LIST_BOX (list), problems, FALSE);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  return scroller;
}
static void
step_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  BylineWindow     *self)
{
  if (g_strcmp0 (response, "continue") == 0)
    _byline_window_take_checked_step (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "to")));
}

/**
 * _byline_window_check_before_step:
 * @self: a window
 * @to: %BYLINE_STATUS_APPROVED or %BYLINE_STATUS_PUBLISHED
 *
 * Checks the article before it is approved or published. Nothing wrong:
 * the step goes ahead (_byline_window_take_checked_step()). Problems that
 * keep it from being published: a dialog lists them and nothing changes.
 * Only warnings (a field over its budget, a misspelling…): a dialog lists
 * them and asks whether to go ahead.
 */
void
_byline_window_check_before_step (BylineWindow *self,
                                  BylineStatus  to)
{
  g_autoptr(GPtrArray) problems = NULL;
  GtkWidget *dialog;
  gboolean blocks;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  problems = check_article (self);
  if (problems->len == 0)
    {
      _byline_window_take_checked_step (self, to);
      return;
    }

  /* READ: links to unpublished pages are listed but block nothing here:
   * publishing then names them and offers to go out without them
   * (byline-window-workflow.c), and approving is not publishing. */
  for (guint i = 0; i < problems->len; i++)
    {
      BylineCheckProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == BYLINE_CHECK_LINK)
        problem->blocking = FALSE;
    }

  blocks = byline_check_blocks (problems);
  if (blocks)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       to == BYLINE_STATUS_PUBLISHED ? _("This article cannot be published yet")
                                                                     : _("This article cannot be approved yet"),
                                       _("Fix what the list says first."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    }
  else
    {
      dialog = byline_confirm_dialog_new (GTK_WINDOW (self),
                                         to == BYLINE_STATUS_PUBLISHED ? _("Publish with these problems?")
                                                                       : _("Approve with these problems?"),
                                         _("None of them keeps the article from going out."),
                                         "continue",
                                         to == BYLINE_STATUS_PUBLISHED ? _("_Continue") : _("_Approve"),
                                         ADW_RESPONSE_SUGGESTED);
      g_object_set_data (G_OBJECT (dialog), "to", GINT_TO_POINTER (to));
      g_signal_connect_object (dialog, "response", G_CALLBACK (step_response_cb), self, 0);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), _byline_window_new_problem_list (problems));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- the check panel ----------------------------------------------------------- */

static gboolean
get_check_shown (BylineWindow *self)
{
  g_autoptr(GVariant) state = NULL;

  if (self->check_action == NULL)
    return FALSE;

  state = g_action_get_state (G_ACTION (self->check_action));
  return g_variant_get_boolean (state);
}

static void
update_check_panel (BylineWindow *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_clear_handle_id (&self->check_id, g_source_remove);

  if (self->article != NULL)
    problems = check_article (self);
  byline_check_panel_set_problems (self->check_panel, problems);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  BylineWindow *self = user_data;

  self->check_id = 0;
  update_check_panel (self);

  return G_SOURCE_REMOVE;
}

/* Checks again once typing pauses, while the panel shows. */
static void
queue_check (BylineWindow *self)
{
  if (!get_check_shown (self))
    return;

  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

static void
check_article_notify_cb (BylineWindow  *self,
                         GParamSpec    *pspec,
                         BylineArticle *article)
{
  /* What the check reads; not the version and times a save bumps. */
  static const char * const checked[] = {
    "headline", "standfirst", "byline", "body", "caption", "image", "image-alt", "language",
  };

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    if (g_str_equal (pspec->name, checked[i]))
      {
        queue_check (self);
        return;
      }
}

/* Another article was published, unpublished, trashed or deleted, here
 * or at another desk: a READ: link to it may have become a problem, or
 * stopped being one. */
static void
linked_article_changed_cb (BylineWindow *self,
                           gint64        id,
                           BylineStore  *store)
{
  if (self->article != NULL && id == byline_article_get_id (self->article))
    return;  /* its own changes come through its properties */

  queue_check (self);
}

void
_byline_window_tools_set_article (BylineWindow *self)
{
  if (self->check_pins != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->check_pins, queue_check, self);
      g_clear_object (&self->check_pins);
    }

  /* The window drops its handlers on the article before when it changes. */
  if (self->article != NULL)
    {
      g_signal_connect_object (self->article, "notify", G_CALLBACK (check_article_notify_cb), self,
                               G_CONNECT_SWAPPED);
      self->check_pins = g_object_ref (byline_article_get_pins (self->article));
      g_signal_connect_object (self->check_pins, "items-changed", G_CALLBACK (queue_check), self,
                               G_CONNECT_SWAPPED);
    }

  /* Another article: its own problems at once, not after a pause. */
  if (get_check_shown (self))
    update_check_panel (self);
}

static void
check_change_state_cb (BylineWindow  *self,
                       GVariant      *value,
                       GSimpleAction *action)
{
  gboolean show = g_variant_get_boolean (value);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *first_row;

  g_simple_action_set_state (action, value);
  gtk_revealer_set_reveal_child (self->check_revealer, show);

  if (show)
    {
      byline_editor_pane_commit_pending (self->editor);
      update_check_panel (self);
      /* In the list, so that arrows and Enter lead to a problem and a
       * screen reader reads it; Escape goes back. */
      first_row = gtk_widget_get_first_child (GTK_WIDGET (byline_check_panel_get_list (self->check_panel)));
      if (first_row != NULL && gtk_widget_get_visible (first_row))
        gtk_widget_grab_focus (first_row);
    }
  else
    {
      g_clear_handle_id (&self->check_id, g_source_remove);
      /* The focus would go with the panel: back to the article. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->check_panel)) &&
          self->article != NULL)
        byline_editor_pane_focus_body (self->editor);
    }
}

static void
check_panel_closed_cb (BylineWindow *self)
{
  g_action_change_state (G_ACTION (self->check_action), g_variant_new_boolean (FALSE));
}

static void
problem_activated_cb (BylineWindow     *self,
                      const char       *field,
                      int               start,
                      int               end,
                      BylineCheckPanel *panel)
{
  /* Typed since the check: the word may have moved; the field has not. */
  if (self->check_id != 0)
    start = end = -1;

  _byline_window_show_editor (self);
  byline_editor_pane_focus_field (self->editor, field, start, end);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  byline_editor_pane_show_find (self->editor, FALSE);
}

static void
find_replace_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  byline_editor_pane_show_find (self->editor, TRUE);
}

static void
spell_check_changed_cb (BylineWindow *self)
{
  byline_editor_pane_set_spell_check (self->editor, g_settings_get_boolean (self->settings, "spell-check"));
}

void
_byline_window_class_init_tools (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-replace", NULL, find_replace_action);
}

void
_byline_window_setup_tools (BylineWindow *self)
{
  static const char * const linked_changes[] = {
    "changed::" BYLINE_STORE_CHANGED_STATUS, "changed::" BYLINE_STORE_CHANGED_TRASHED,
    "changed::" BYLINE_STORE_CHANGED_RESTORED, "changed::" BYLINE_STORE_CHANGED_DELETED,
  };
  static const char * const settings[] = {
    "changed::headline-budget", "changed::standfirst-budget", "changed::caption-budget", "changed::spell-check",
  };

  self->spell_checkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) byline_spell_checker_free);

  g_signal_connect_object (self->editor, "add-to-dictionary", G_CALLBACK (add_to_dictionary_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::spell-check", G_CALLBACK (spell_check_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Every desk shares the dictionary: a word another desk adds is taken
   * here at once. */
  g_signal_connect_object (self->store, "changed::" BYLINE_STORE_CHANGED_DICTIONARY,
                           G_CALLBACK (dictionary_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (linked_changes); i++)
    g_signal_connect_object (self->store, linked_changes[i], G_CALLBACK (linked_article_changed_cb), self,
                             G_CONNECT_SWAPPED);
  spell_check_changed_cb (self);
  load_dictionary (self);

  /* A toggle, so that the menu shows whether the panel is open. */
  self->check_action = g_simple_action_new_stateful ("check-article", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (self->check_action, "change-state", G_CALLBACK (check_change_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->check_action));
  g_signal_connect_object (self->check_panel, "closed", G_CALLBACK (check_panel_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->check_panel, "problem-activated", G_CALLBACK (problem_activated_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    g_signal_connect_object (self->settings, settings[i], G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
  /* The newsroom's language is the article's when it has none. */
  g_signal_connect_object (self->store, "changed::" BYLINE_STORE_CHANGED_PUBLICATION,
                           G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
}

void
_byline_window_dispose_tools (BylineWindow *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->check_pins != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->check_pins, queue_check, self);
      g_clear_object (&self->check_pins);
    }
  g_clear_object (&self->check_action);
  g_clear_pointer (&self->spell_checkers, g_hash_table_unref);
  g_clear_pointer (&self->dictionary_words, g_strfreev);
}
