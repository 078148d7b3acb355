/* byline-window-tools.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writing tools in the window: find in the article, the newsroom's
 * dictionary for the editor's spell checking, and the pre-publish check
 * (byline-check.h) before Approve and Publish and on request. */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-check.h"
#include "byline-confirm.h"
#include "byline-language.h"
#include "byline-window-private.h"

/* --- the newsroom dictionary ------------------------------------------------- */

static void
load_dictionary (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = byline_store_list_dictionary (self->store, &error);

  if (words == NULL)
    {
      g_message ("Could not read the newsroom dictionary: %s", error->message);
      return;
    }

  byline_editor_pane_set_dictionary_words (self->editor, (const char * const *) words);
}

static void
add_to_dictionary_cb (BylineWindow *self,
                      const char   *word)
{
  g_autoptr(GError) error = NULL;

  if (!byline_store_add_to_dictionary (self->store, word, &error))
    _byline_window_show_error (self, error);
}

void
_byline_window_tools_set_language (BylineWindow *self,
                                   const char   *language)
{
  byline_editor_pane_set_default_language (self->editor, language);
}

/* --- the check ----------------------------------------------------------------- */

/* The article's problems, with this desk's budgets and the dictionary of
 * its language. */
static GPtrArray *
check_article (BylineWindow *self)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  BylineCheckBudgets budgets;
  g_autofree char *language = NULL;

  budgets.headline = g_settings_get_uint (self->settings, "headline-budget");
  budgets.standfirst = g_settings_get_uint (self->settings, "standfirst-budget");
  budgets.caption = g_settings_get_uint (self->settings, "caption-budget");

  if (g_settings_get_boolean (self->settings, "spell-check"))
    {
      language = byline_article_dup_effective_language (self->article, self->publication);
      checker = byline_spell_checker_new (language, &error);
      if (checker == NULL)
        g_debug ("No spelling in the check: %s", error->message);
      else
        {
          g_auto(GStrv) words = byline_store_list_dictionary (self->store, NULL);

          byline_spell_checker_add_words (checker, (const char * const *) words);
        }
    }

  return byline_check_article (self->article, self->store, &budgets, checker);
}

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "headline", N_("Headline") },
    { "standfirst", N_("Standfirst") },
    { "byline", N_("Byline") },
    { "body", N_("Body") },
    { "caption", N_("Photo Caption") },
    { "image-alt", N_("Image Description") },
    { "pins", N_("Related Links") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);

  return field;
}

/**
 * _byline_window_new_problem_list:
 * @problems: (element-type BylineCheckProblem): what the check found
 *
 * Returns: (transfer floating): the problems as a list, one row each, for
 *   a dialog or the check panel
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

  for (guint i = 0; i < problems->len; i++)
    {
      BylineCheckProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (problem->field));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->detail);
      icon = gtk_image_new_from_icon_name (problem->blocking ? "action-unavailable-symbolic"
                                                             : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      problem->blocking ? _("Keeps it from being published") : _("Warning"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, problem->blocking ? "error" : "warning");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

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

/* --- the check on request ---------------------------------------------------- */

static void
check_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GPtrArray) problems = NULL;
  GtkWidget *dialog;

  if (self->article == NULL)
    return;

  byline_editor_pane_commit_pending (self->editor);
  problems = check_article (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Article Check"),
                                   problems->len == 0 ? _("Nothing to fix: it is ready to go out.")
                                   : byline_check_blocks (problems)
                                     ? _("Some of these keep it from being published.")
                                     : _("Warnings only: it may go out as it is."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), FALSE);
  if (problems->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), _byline_window_new_problem_list (problems));
  gtk_window_present (GTK_WINDOW (dialog));
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
  gtk_widget_class_install_action (widget_class, "win.check-article", NULL, check_article_action);
}

void
_byline_window_setup_tools (BylineWindow *self)
{
  g_signal_connect_object (self->editor, "add-to-dictionary", G_CALLBACK (add_to_dictionary_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::spell-check", G_CALLBACK (spell_check_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Every desk shares the dictionary: a word another desk adds is taken
   * here at once. */
  g_signal_connect_object (self->store, "changed::" BYLINE_STORE_CHANGED_DICTIONARY,
                           G_CALLBACK (load_dictionary), self, G_CONNECT_SWAPPED);
  spell_check_changed_cb (self);
  load_dictionary (self);
}
