/* byline-check-panel.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Article Check panel, and the rows it shares with the dialog before
 * Approve and Publish: one row per problem of the pre-publish check, titled
 * with the field it is in. */

#define G_LOG_DOMAIN "byline-check-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-check.h"
#include "byline-check-panel.h"

/* A body unknown to the dictionary (a French article checked in English)
 * can have thousands of misspellings; a row each would take seconds to
 * build and nobody reads them all. */
#define MAX_ROWS 100

struct _BylineCheckPanel
{
  GtkWidget   parent_instance;

  GtkLabel   *summary_label;
  GtkWidget  *scroller;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (BylineCheckPanel, byline_check_panel, GTK_TYPE_WIDGET)

enum {
  PROBLEM_ACTIVATED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where a row's problem is: what activating it leads to. */
typedef struct
{
  char *field;
  int   start;
  int   end;
} ProblemPlace;

static void
problem_place_free (ProblemPlace *place)
{
  g_free (place->field);
  g_free (place);
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

/* Shows @problem in @row, one that new_problem_row() made. */
static void
set_problem_row (GtkWidget                *row,
                 const BylineCheckProblem *problem,
                 gboolean                  activatable)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "byline-problem-icon");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (problem->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->detail);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), problem->blocking ? "action-unavailable-symbolic"
                                                                    : "dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem->blocking ? _("Keeps it from being published") : _("Warning"),
                                  -1);
  gtk_widget_remove_css_class (row, problem->blocking ? "warning" : "error");
  gtk_widget_add_css_class (row, problem->blocking ? "error" : "warning");

  if (activatable)
    {
      ProblemPlace *place = g_new0 (ProblemPlace, 1);

      place->field = g_strdup (problem->field);
      place->start = problem->start;
      place->end = problem->end;
      g_object_set_data_full (G_OBJECT (row), "byline-problem-place", place,
                              (GDestroyNotify) problem_place_free);
    }
}

static GtkWidget *
new_problem_row (const BylineCheckProblem *problem,
                 gboolean                  activatable)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "byline-problem-icon", icon);
  if (activatable)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  set_problem_row (row, problem, activatable);

  return row;
}

/**
 * byline_check_list_fill:
 * @list: a list box
 * @problems: (element-type BylineCheckProblem): what the check found
 * @activatable: whether a row can be activated, to go to its problem
 *
 * Makes @list show one row per problem, titled with the field it is in;
 * past a hundred, one row says how many more there are. Rows @list has
 * already show the new problems: while a person types, the problems
 * rarely change, and building a hundred rows again took 15-40 ms.
 */
void
byline_check_list_fill (GtkListBox *list,
                        GPtrArray  *problems,
                        gboolean    activatable)
{
  guint n = MIN (problems->len, MAX_ROWS);
  GtkWidget *row;
  guint i = 0;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (problems != NULL);

  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  for (; i < n && row != NULL && g_object_get_data (G_OBJECT (row), "byline-problem-icon") != NULL; i++)
    {
      set_problem_row (row, g_ptr_array_index (problems, i), activatable);
      row = gtk_widget_get_next_sibling (row);
    }

  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      gtk_list_box_remove (list, row);
      row = next;
    }

  for (; i < n; i++)
    gtk_list_box_append (list, new_problem_row (g_ptr_array_index (problems, i), activatable));

  if (problems->len > MAX_ROWS)
    {
      guint more = problems->len - MAX_ROWS;
      g_autofree char *title = g_strdup_printf (ngettext ("And %u more problem", "And %u more problems", more),
                                                more);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }
}

/**
 * byline_check_panel_set_problems:
 * @self: a check panel
 * @problems: (nullable) (element-type BylineCheckProblem): what the check
 *   found, or %NULL when no article is open
 *
 * Shows @problems, and above them whether any keeps the article from
 * being published.
 */
void
byline_check_panel_set_problems (BylineCheckPanel *self,
                                 GPtrArray        *problems)
{
  const char *summary;

  g_return_if_fail (BYLINE_IS_CHECK_PANEL (self));

  if (problems == NULL)
    summary = _("No article is open.");
  else if (problems->len == 0)
    summary = _("Nothing to fix: it is ready to go out.");
  else if (byline_check_blocks (problems))
    summary = _("Some of these keep it from being published.");
  else
    summary = _("Warnings only: it may go out as it is.");

  gtk_label_set_label (self->summary_label, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);

  if (problems != NULL)
    byline_check_list_fill (self->list, problems, TRUE);
  else
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      byline_check_list_fill (self->list, none, TRUE);
    }
  gtk_widget_set_visible (self->scroller, problems != NULL && problems->len > 0);
}

const char *
byline_check_panel_get_summary (BylineCheckPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECK_PANEL (self), NULL);

  return gtk_label_get_label (self->summary_label);
}

GtkListBox *
byline_check_panel_get_list (BylineCheckPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECK_PANEL (self), NULL);

  return self->list;
}

static void
on_row_activated (BylineCheckPanel *self,
                  GtkListBoxRow    *row)
{
  ProblemPlace *place = g_object_get_data (G_OBJECT (row), "byline-problem-place");

  if (place != NULL)
    g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, place->field, place->start, place->end);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

GtkWidget *
byline_check_panel_new (void)
{
  return g_object_new (BYLINE_TYPE_CHECK_PANEL, NULL);
}

static void
byline_check_panel_dispose (GObject *object)
{
  BylineCheckPanel *self = BYLINE_CHECK_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_CHECK_PANEL);
  /* The template's box has no name for dispose_template to find. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_check_panel_parent_class)->dispose (object);
}

static void
byline_check_panel_class_init (BylineCheckPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_check_panel_dispose;

  /**
   * BylineCheckPanel::problem-activated:
   * @field: the field the problem is in ("headline", "body", "pins"…)
   * @start: where in the field, in characters, or -1
   * @end: where it ends, or -1
   *
   * A row was activated: the person wants to go to its problem.
   */
  signals[PROBLEM_ACTIVATED] = g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                             G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
  /**
   * BylineCheckPanel::closed:
   *
   * The close button or Escape: whoever shows the panel hides it.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "check-panel.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "check-panel.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinedesk/Byline/ui/byline-check-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineCheckPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BylineCheckPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineCheckPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
byline_check_panel_init (BylineCheckPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  byline_check_panel_set_problems (self, NULL);
}
