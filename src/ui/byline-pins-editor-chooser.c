/* byline-pins-editor-chooser.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Choose Article…" on an unresolved READ: line: a search over the stored
 * articles, starting with those closest to the headline the pin came with;
 * picking one resolves the pin. */

#define G_LOG_DOMAIN "byline-pins-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-pin.h"
#include "byline-pins-editor-private.h"
#include "byline-related.h"

/* Matches offered when resolving a pin. */
#define CHOOSER_LIMIT 20

static GtkWidget *
match_row_new (BylineArticleSummary *article)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *headline = gtk_label_new (byline_article_summary_get_headline (article));
  g_autofree char *date = byline_article_summary_dup_date_label (article);
  const char *status = byline_status_get_label (byline_article_summary_get_status (article));
  g_autofree char *meta_text = NULL;
  GtkWidget *meta;

  if (*date != '\0')
    meta_text = g_strdup_printf ("%s · %s", date, status);
  else
    meta_text = g_strdup (status);
  meta = gtk_label_new (meta_text);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (headline), 0);
  gtk_label_set_wrap (GTK_LABEL (headline), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (headline), 40);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), headline);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "byline-article", g_object_ref (article), g_object_unref);

  return row;
}

static void
fill_matches (BylinePinRow *row)
{
  BylinePinsEditor *self = row->self;
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  GtkWidget *child;
  gint64 own_id = self->article != NULL ? byline_article_get_id (self->article) : 0;

  while ((child = gtk_widget_get_first_child (row->results)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (row->results), child);
  gtk_widget_set_visible (row->no_results, TRUE);

  if (self->store == NULL)
    return;

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->search))));
  query.search = *search != '\0' ? search : NULL;
  query.limit = CHOOSER_LIMIT;

  if (query.search == NULL)
    {
      /* Nothing typed yet: the stored articles closest to the headline the
       * pin came with (an exact match would have resolved it on import). */
      g_autoptr(BylineArticle) wanted = byline_article_new ();

      byline_article_set_headline (wanted, byline_pin_get_headline (row->pin));
      articles = byline_store_list_related (self->store, wanted, CHOOSER_LIMIT, &error);
      if (articles != NULL && articles->len == 0)
        g_clear_pointer (&articles, g_ptr_array_unref);
      g_clear_error (&error);
    }

  /* Else what was typed; with nothing close, the latest articles. */
  if (articles == NULL)
    articles = byline_store_list_articles (self->store, &query, &error);
  if (articles == NULL)
    {
      g_debug ("Could not search for “%s”: %s", search, error->message);
      return;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      BylineArticleSummary *article = g_ptr_array_index (articles, i);

      /* Neither the page itself nor a page that will never be published. */
      if (byline_article_summary_get_id (article) == own_id ||
          byline_article_summary_get_status (article) == BYLINE_STATUS_SPIKED)
        continue;

      gtk_list_box_append (GTK_LIST_BOX (row->results), match_row_new (article));
      gtk_widget_set_visible (row->no_results, FALSE);
    }
}

static void
chooser_search_changed_cb (GtkSearchEntry *entry,
                           BylinePinRow   *row)
{
  fill_matches (row);
}

static void
chooser_show_cb (GtkWidget    *popover,
                 BylinePinRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row->search), "");
  fill_matches (row);
  gtk_widget_grab_focus (row->search);
}

static void
chooser_activate_cb (GtkListBox    *results,
                     GtkListBoxRow *match,
                     BylinePinRow  *row)
{
  BylineArticleSummary *article = g_object_get_data (G_OBJECT (match), "byline-article");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (row->choose));
  _byline_pins_editor_queue_change (row->self, BYLINE_PIN_CHANGE_RESOLVE, row->pin, 0, article);
}

/* Enter in the search picks the first match. */
static void
chooser_entry_activate_cb (GtkSearchEntry *entry,
                           BylinePinRow   *row)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (row->results), 0);

  if (first != NULL)
    chooser_activate_cb (GTK_LIST_BOX (row->results), first, row);
}

GtkWidget *
_byline_pins_editor_chooser_new (BylinePinRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Choose Article…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Link this READ: line to a stored article"));

  row->search = gtk_search_entry_new ();
  g_object_set (row->search, "placeholder-text", _("Search stored articles"), NULL);
  _byline_pins_editor_set_label (row->search, _("Search stored articles"));
  g_signal_connect (row->search, "search-changed", G_CALLBACK (chooser_search_changed_cb), row);
  g_signal_connect (row->search, "activate", G_CALLBACK (chooser_entry_activate_cb), row);

  row->results = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (row->results), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (row->results), TRUE);
  _byline_pins_editor_set_label (row->results, _("Stored articles"));
  row->no_results = gtk_label_new (_("No stored article matches"));
  gtk_widget_add_css_class (row->no_results, "dim-label");
  gtk_widget_set_margin_top (row->no_results, 12);
  gtk_widget_set_margin_bottom (row->no_results, 12);
  gtk_widget_set_visible (row->no_results, FALSE);
  gtk_widget_add_css_class (row->results, "navigation-sidebar");
  g_signal_connect (row->results, "row-activated", G_CALLBACK (chooser_activate_cb), row);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), row->results);

  gtk_widget_set_size_request (box, 320, -1);
  gtk_box_append (GTK_BOX (box), row->search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), row->no_results);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (popover, "show", G_CALLBACK (chooser_show_cb), row);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}
