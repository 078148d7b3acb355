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

#include "byline-sidebar.h"

struct _BylineSidebar
{
  GtkWidget           parent_instance;

  BylineStore        *store;
  BylineArticleList  *list;
  GtkSingleSelection *selection;

  GtkWidget          *box;
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
  guint               selecting : 1;
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
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (headline), 0);
  gtk_label_set_wrap (GTK_LABEL (headline), TRUE);
  gtk_label_set_lines (GTK_LABEL (headline), 2);
  gtk_label_set_ellipsize (GTK_LABEL (headline), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (headline, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");

  gtk_box_append (GTK_BOX (box), headline);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  BylineArticle *article = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *headline = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (headline);
  g_autofree char *updated = format_updated (byline_article_get_updated (article));
  g_autoptr(GString) line = g_string_new (byline_status_get_label (byline_article_get_status (article)));
  const char *text = byline_article_get_headline (article);

  if (*byline_article_get_section (article))
    g_string_append_printf (line, " · %s", byline_article_get_section (article));
  if (*updated)
    g_string_append_printf (line, " · %s", updated);

  gtk_label_set_text (GTK_LABEL (headline), *text ? text : _("Untitled Article"));
  gtk_label_set_text (GTK_LABEL (meta), line->str);
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
  g_autoptr(BylineArticle) article = NULL;

  if (self->selecting)
    return;

  article = gtk_single_selection_get_selected_item (self->selection);
  if (article == NULL)
    return;
  g_object_ref (article);

  if (byline_article_get_id (article) == self->selected_id)
    return;

  self->selected_id = byline_article_get_id (article);
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, self->selected_id);
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

static void
byline_sidebar_constructed (GObject *object)
{
  BylineSidebar *self = (BylineSidebar *)object;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (byline_sidebar_parent_class)->constructed (object);

  self->list = byline_article_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_chrome (self);
}

static void
byline_sidebar_dispose (GObject *object)
{
  BylineSidebar *self = (BylineSidebar *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinedesk/Byline/ui/byline-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineSidebar, box);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.trash-article", NULL);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TRASH]);
}

void
byline_sidebar_focus_search (BylineSidebar *self)
{
  g_return_if_fail (BYLINE_IS_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
