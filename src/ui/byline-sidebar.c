/* byline-sidebar.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "byline-a11y.h"
#include "byline-related-list.h"
#include "byline-review.h"
#include "byline-sidebar.h"

/* How many articles each state holds, for the state filter. */
typedef struct
{
  gboolean trashed;
  guint    counts[1 + BYLINE_N_STATUSES];   /* all states, then each */
} StateCounts;

struct _BylineSidebar
{
  GtkWidget           parent_instance;

  BylineStore        *store;
  BylineArticleList  *list;
  GtkSliceListModel  *slice;
  GtkSingleSelection *selection;

  GtkWidget          *box;
  GtkStack           *pages;
  GtkWidget          *related_box;
  BylineRelatedList  *related;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkToggleButton    *trash_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;
  GtkWidget          *restore_button;
  GtkWidget          *empty_trash_button;

  gint64              selected_id;
  guint               grow_tick;
  guint               grow_source;
  guint               selecting : 1;

  /* Editors' review: the state filter's counts */
  GCancellable       *count_cancellable;
  guint               count_source;
  guint               counting : 1;
  guint               recount : 1;
  guint               updating_counts : 1;
  guint               counts_known : 1;
  StateCounts         last_counts;
};

G_DEFINE_FINAL_TYPE (BylineSidebar, byline_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_TRASH,
  N_PROPS
};

enum {
  ARTICLE_ACTIVATED,
  ARTICLE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GtkListView in GTK before 4.12 makes up to 200 rows, on screen or not
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS in gtklistview.c): styling and measuring
 * them was a quarter of the work before the first frame (bench/README.md),
 * ~2 M instructions a row. The first frame lists as many articles as the
 * tallest monitor could show (a row is at least ROW_MIN_HEIGHT pixels
 * high); the rest are let through a step at a time once it is on screen. */
#define ROW_MIN_HEIGHT 48
#define FIRST_FRAME_ROWS_MAX 40
#define ROWS_PER_STEP 40
#define MAX_ROWS_MADE 200

static guint
count_first_frame_rows (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors;
  int tallest = 0;

  if (display == NULL)
    return FIRST_FRAME_ROWS_MAX;

  monitors = gdk_display_get_monitors (display);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  /* No monitor known yet: a tall one. */
  if (tallest <= 0)
    return FIRST_FRAME_ROWS_MAX;

  return MIN (tallest / ROW_MIN_HEIGHT + 1, FIRST_FRAME_ROWS_MAX);
}

/* "Today at 14:05", "Yesterday", "Mar 3" or "Mar 3, 2023" */
static char *
format_updated (gint64 updated)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (updated);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int days;

  if (then == NULL)
    return g_strdup ("");

  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (then);
  if (g_date_time_get_year (now) == g_date_time_get_year (then))
    {
      if (days == 0)
        return g_date_time_format (then, _("Today at %H:%M"));
      if (days == 1)
        return g_date_time_format (then, _("Yesterday at %H:%M"));
      return g_date_time_format (then, _("%b %-d"));
    }

  return g_date_time_format (then, _("%b %-d, %Y"));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *headline = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *editing;
  GtkWidget *editing_label;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  /* A long word breaks between characters, and no label asks for more than
   * a sidebar's width: a headline never widens the sidebar. */
  gtk_label_set_xalign (GTK_LABEL (headline), 0);
  gtk_label_set_wrap (GTK_LABEL (headline), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (headline), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (headline), 2);
  gtk_label_set_ellipsize (GTK_LABEL (headline), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (headline), 20);
  gtk_widget_add_css_class (headline, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 20);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");

  /* Who is editing it at another desk: an icon and the name, not colour. */
  editing = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  editing_label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (editing), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (editing_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (editing_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (editing_label), 20);
  gtk_box_append (GTK_BOX (editing), editing_label);
  gtk_widget_add_css_class (editing, "caption");
  gtk_widget_add_css_class (editing, "accent");
  gtk_widget_set_visible (editing, FALSE);

  gtk_box_append (GTK_BOX (box), headline);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), editing);
  gtk_list_item_set_child (item, box);
}

/* "Being edited by Ana Ruiz" when another desk holds the article's edit
 * lock (this desk's own lock is the article open here), else NULL. */
static char *
dup_editing_text (BylineSidebar        *self,
                  BylineArticleSummary *article)
{
  const char *desk = byline_article_summary_get_editor_desk (article);
  const char *name = byline_article_summary_get_editor_name (article);

  if (desk == NULL || *desk == '\0' || g_strcmp0 (desk, byline_store_get_desk (self->store)) == 0)
    return NULL;

  if (name == NULL || *name == '\0')
    return g_strdup (_("Being edited at another desk"));

  /* Translators: in the article list: someone else has the article open to edit it */
  return g_strdup_printf (_("Being edited by %s"), name);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BylineSidebar            *self)
{
  BylineArticleSummary *article = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *headline = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (headline);
  GtkWidget *editing = gtk_widget_get_next_sibling (meta);
  GtkWidget *row;
  g_autofree char *editing_text = dup_editing_text (self, article);
  g_autofree char *updated = format_updated (byline_article_summary_get_updated (article));
  g_autoptr(GString) line = g_string_new (byline_status_get_label (byline_article_summary_get_status (article)));
  /* Counted with the list's query: binding a row asks the store nothing. */
  guint open_notes = byline_article_summary_get_open_notes (article);

  if (open_notes > 0)
    {
      g_string_append (line, " · ");
      /* Translators: open editors' notes on an article, in the article list */
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", open_notes),
                              open_notes);
    }
  if (*byline_article_summary_get_section (article))
    g_string_append_printf (line, " · %s", byline_article_summary_get_section (article));
  if (*updated)
    g_string_append_printf (line, " · %s", updated);

  gtk_label_set_text (GTK_LABEL (headline), byline_article_summary_get_display_headline (article));
  gtk_label_set_text (GTK_LABEL (meta), line->str);

  /* The row is what a screen reader lands on: name it after the headline
   * and the state (GTK 4.8 has no list item label of its own). */
  if ((row = gtk_widget_get_parent (box)) != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s, %s",
                                               byline_article_summary_get_display_headline (article),
                                               byline_status_get_label (byline_article_summary_get_status (article)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  gtk_widget_set_visible (editing, editing_text != NULL);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (editing)), editing_text ? editing_text : "");
  gtk_widget_set_tooltip_text (editing, editing_text);
  if (editing_text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, editing_text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_chrome (BylineSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean trash = byline_article_list_get_trashed (self->list);
  g_autofree char *count = NULL;

  if (trash)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article in the Trash",
                                          "%u articles in the Trash", n), n);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_set_visible (self->restore_button, trash && n > 0);
  gtk_widget_set_visible (self->empty_trash_button, trash && n > 0);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (trash)
        {
          adw_status_page_set_title (self->empty_page, _("Trash Is Empty"));
          adw_status_page_set_description (self->empty_page, NULL);
          adw_status_page_set_icon_name (self->empty_page, "user-trash-symbolic");
        }
      else if (byline_article_list_get_search (self->list) != NULL ||
               byline_article_list_get_status (self->list) >= 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Results"));
          adw_status_page_set_description (self->empty_page, _("Try other words or another state"));
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Articles"));
          adw_status_page_set_description (self->empty_page, _("Press Ctrl+N to start one"));
          adw_status_page_set_icon_name (self->empty_page, "document-edit-symbolic");
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

/* After a reload the rows are new objects: select the same article again. */
static void
reselect (BylineSidebar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id > 0)
    position = byline_article_list_find (self->list, self->selected_id);
  if (position == G_MAXUINT)
    position = GTK_INVALID_LIST_POSITION;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
items_changed_cb (BylineSidebar *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *model)
{
  update_chrome (self);
  reselect (self);
}

static void
selection_changed_cb (BylineSidebar *self)
{
  BylineArticleSummary *article;

  if (self->selecting)
    return;

  article = gtk_single_selection_get_selected_item (self->selection);
  if (article == NULL)
    return;

  if (byline_article_summary_get_id (article) == self->selected_id)
    return;

  self->selected_id = byline_article_summary_get_id (article);
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, self->selected_id);
}

/* Enter (or a double click) on a row: open it, as selecting does, and
 * say so for the window to move on to the article. */
static void
list_activate_cb (BylineSidebar *self,
                  guint          position,
                  GtkListView   *list_view)
{
  BylineArticleSummary *article;

  gtk_single_selection_set_selected (self->selection, position);
  article = gtk_single_selection_get_selected_item (self->selection);
  if (article == NULL)
    return;

  self->selected_id = byline_article_summary_get_id (article);
  g_signal_emit (self, signals[ARTICLE_CHOSEN], 0, self->selected_id);
}

/* Down from the search field goes to the results, not the state filter. */
static gboolean
search_key_pressed_cb (BylineSidebar         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "list");
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
search_changed_cb (BylineSidebar  *self,
                   GtkSearchEntry *entry)
{
  byline_article_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_changed_cb (BylineSidebar *self,
                   GParamSpec    *pspec,
                   GtkDropDown   *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_counts)
    return;

  /* Row 0 is "All States", then the states in BylineStatus order. */
  byline_article_list_set_status (self->list, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                              ? -1 : (int)selected - 1);
}

static void
trash_toggled_cb (BylineSidebar   *self,
                  GtkToggleButton *button)
{
  byline_sidebar_set_show_trash (self, gtk_toggle_button_get_active (button));
}

static gboolean
grow_rows_cb (gpointer user_data)
{
  BylineSidebar *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice) + ROWS_PER_STEP;

  if (size < MAX_ROWS_MADE)
    {
      gtk_slice_list_model_set_size (self->slice, size);
      return G_SOURCE_CONTINUE;
    }

  /* Past GTK's rows, more articles cost next to nothing. */
  self->grow_source = 0;
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  /* An article beyond the first rows can be selected now. */
  reselect (self);

  return G_SOURCE_REMOVE;
}

/* A tick comes before its frame's layout and paint, so an idle added here
 * runs once the first frame is on screen. */
static gboolean
first_frame_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  BylineSidebar *self = BYLINE_SIDEBAR (widget);

  self->grow_tick = 0;
  self->grow_source = g_idle_add_full (G_PRIORITY_LOW, grow_rows_cb, self, NULL);
  g_source_set_name_by_id (self->grow_source, "[byline] sidebar rows");

  return G_SOURCE_REMOVE;
}

/* Editors' review: how many articles each state holds, in the state filter
 * ("Draft (3)"). Counting runs on a worker a moment after the store
 * changes, so a burst of autosaves costs one count and typing never waits. */

#define COUNT_DELAY_MS 300

static void
count_states_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BylineStore *store = source_object;
  StateCounts *result = g_new0 (StateCounts, 1);

  result->trashed = GPOINTER_TO_INT (task_data);
  for (int i = 0; i <= BYLINE_N_STATUSES; i++)
    {
      BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
      GError *error = NULL;

      query.status = i - 1;
      query.trashed = result->trashed;
      result->counts[i] = byline_store_count_articles (store, &query, &error);
      if (error != NULL)
        {
          g_free (result);
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_pointer (task, result, g_free);
}

static void start_counting (BylineSidebar *self);

static void
count_states_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(BylineSidebar) self = user_data;
  g_autofree StateCounts *counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GListModel *model;
  guint selected;

  counts = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->counting = FALSE;
  if (self->recount)
    {
      /* The store changed while counting. */
      self->recount = FALSE;
      start_counting (self);
      return;
    }

  model = gtk_drop_down_get_model (self->status_dropdown);
  if (counts == NULL || !GTK_IS_STRING_LIST (model))
    {
      if (error != NULL)
        g_debug ("Could not count the articles: %s", error->message);
      return;
    }

  if (self->counts_known && memcmp (counts, &self->last_counts, sizeof *counts) == 0)
    return;
  self->last_counts = *counts;
  self->counts_known = TRUE;

  labels = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the state filter with its number of articles, "All States (12)" */
  g_ptr_array_add (labels, g_strdup_printf (_("%s (%u)"), _("All States"), counts->counts[0]));
  for (int i = 0; i < BYLINE_N_STATUSES; i++)
    g_ptr_array_add (labels, g_strdup_printf (_("%s (%u)"), byline_status_get_label (i), counts->counts[i + 1]));
  g_ptr_array_add (labels, NULL);

  /* Replacing the rows is not a choice of filter: keep the one chosen. */
  selected = gtk_drop_down_get_selected (self->status_dropdown);
  self->updating_counts = TRUE;
  gtk_string_list_splice (GTK_STRING_LIST (model), 0, g_list_model_get_n_items (model),
                          (const char * const *)labels->pdata);
  gtk_drop_down_set_selected (self->status_dropdown, selected);
  self->updating_counts = FALSE;
}

static void
start_counting (BylineSidebar *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->counting)
    {
      self->recount = TRUE;
      return;
    }

  self->counting = TRUE;
  task = g_task_new (self->store, self->count_cancellable, count_states_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_counting);
  g_task_set_task_data (task, GINT_TO_POINTER (byline_article_list_get_trashed (self->list)), NULL);
  g_task_run_in_thread (task, count_states_thread);
}

static gboolean
count_timeout_cb (gpointer user_data)
{
  BylineSidebar *self = user_data;

  self->count_source = 0;
  start_counting (self);

  return G_SOURCE_REMOVE;
}

static void
queue_count (BylineSidebar *self)
{
  if (self->count_source == 0)
    self->count_source = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
}

static void
byline_sidebar_constructed (GObject *object)
{
  BylineSidebar *self = (BylineSidebar *)object;
  GtkListItemFactory *factory;
  GtkEventController *key;

  G_OBJECT_CLASS (byline_sidebar_parent_class)->constructed (object);

  self->list = byline_article_list_new (self->store);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0,
                                           count_first_frame_rows ());
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  byline_a11y_name_drop_down (self->status_dropdown, _("Status filter"));

  self->related = BYLINE_RELATED_LIST (byline_related_list_new (self->store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->related), TRUE);
  gtk_box_append (GTK_BOX (self->related_box), GTK_WIDGET (self->related));

  self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_tick_cb, NULL, NULL);

  self->count_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->store, "changed", G_CALLBACK (queue_count), self, G_CONNECT_SWAPPED);
  start_counting (self);

  update_chrome (self);
}

static void
byline_sidebar_dispose (GObject *object)
{
  BylineSidebar *self = (BylineSidebar *)object;

  g_clear_handle_id (&self->grow_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  if (self->grow_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_tick);
      self->grow_tick = 0;
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (byline_sidebar_parent_class)->dispose (object);
}

static void
byline_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineSidebar *self = BYLINE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SHOW_TRASH:
      g_value_set_boolean (value, byline_sidebar_get_show_trash (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BylineSidebar *self = BYLINE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SHOW_TRASH:
      byline_sidebar_set_show_trash (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_sidebar_class_init (BylineSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = byline_sidebar_constructed;
  object_class->dispose = byline_sidebar_dispose;
  object_class->get_property = byline_sidebar_get_property;
  object_class->set_property = byline_sidebar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BYLINE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TRASH] =
    g_param_spec_boolean ("show-trash", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* When the person picks an article in the list. */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Enter or a double click on a row: the person means to work on that
   * article (it is open by then). */
  signals[ARTICLE_CHOSEN] =
    g_signal_new ("article-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinedesk/Byline/ui/byline-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, pages);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, related_box);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, trash_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, restore_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, empty_trash_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, trash_toggled_cb);

  /* Delete trashes the open article from the Articles page only (see the
   * template's shortcut controller), never from a Related row. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinesidebar");
}

static void
byline_sidebar_init (BylineSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
byline_sidebar_new (BylineStore *store)
{
  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);

  return g_object_new (BYLINE_TYPE_SIDEBAR, "store", store, NULL);
}

BylineArticleList *
byline_sidebar_get_list (BylineSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_SIDEBAR (self), NULL);
  return self->list;
}

gint64
byline_sidebar_get_selected_id (BylineSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_SIDEBAR (self), 0);
  return self->selected_id;
}

void
byline_sidebar_select_article (BylineSidebar *self,
                               gint64         id)
{
  g_return_if_fail (BYLINE_IS_SIDEBAR (self));

  self->selected_id = id;
  reselect (self);
}

gboolean
byline_sidebar_get_show_trash (BylineSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_SIDEBAR (self), FALSE);
  return byline_article_list_get_trashed (self->list);
}

void
byline_sidebar_set_show_trash (BylineSidebar *self,
                               gboolean       show_trash)
{
  g_return_if_fail (BYLINE_IS_SIDEBAR (self));

  show_trash = !!show_trash;
  if (show_trash == byline_sidebar_get_show_trash (self))
    return;

  gtk_toggle_button_set_active (self->trash_button, show_trash);
  byline_article_list_set_trashed (self->list, show_trash);
  update_chrome (self);
  start_counting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TRASH]);
}

void
byline_sidebar_focus_search (BylineSidebar *self)
{
  g_return_if_fail (BYLINE_IS_SIDEBAR (self));
  gtk_stack_set_visible_child_name (self->pages, "articles");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * byline_sidebar_get_related_list:
 *
 * Returns: (transfer none): the list on the Related page
 */
BylineRelatedList *
byline_sidebar_get_related_list (BylineSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_SIDEBAR (self), NULL);
  return self->related;
}

const char *
byline_sidebar_get_page (BylineSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_SIDEBAR (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

void
byline_sidebar_set_page (BylineSidebar *self,
                         const char    *page)
{
  g_return_if_fail (BYLINE_IS_SIDEBAR (self));
  g_return_if_fail (g_strcmp0 (page, "articles") == 0 || g_strcmp0 (page, "related") == 0);

  gtk_stack_set_visible_child_name (self->pages, page);
}
