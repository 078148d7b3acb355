/* test-related-ui.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "byline-editor-pane-private.h"
#include "byline-pin.h"
#include "byline-pins-editor.h"
#include "byline-related-list.h"
#include "byline-renderer.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-text.h"
#include "byline-ui-test-util.h"
#include "byline-window-private.h"

/* 2023-03-03 09:00 UTC */
#define MARCH_3_2023 G_GINT64_CONSTANT (1677834000)

typedef struct
{
  char           *dir;
  BylineStore    *store;
  GSettings      *settings;
  BylineWindow   *window;

  /* The newsroom: a story on harbour dredging, two more on it, one spiked,
   * and one on something else entirely. */
  gint64          open_id;
  gint64          contract_id;
  gint64          dredger_id;
  gint64          spiked_id;
  gint64          school_id;
} Fixture;

#define OPEN_BODY \
  "Silt is building up in the harbour channel faster than the port expected.\n" \
  "\n" \
  "Ferry skippers say the dredging cannot wait for the spring.\n" \
  "\n" \
  "The harbour master will report to the council on Monday."

static gint64
add_article (BylineStore  *store,
             const char   *headline,
             const char   *body,
             const char   *tags,
             BylineStatus  status,
             gint64        published)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  byline_article_set_tags_string (article, tags);
  byline_article_set_status (article, status);
  byline_article_set_published (article, published);
  byline_store_save_article (store, article, &error);
  g_assert_no_error (error);

  return byline_article_get_id (article);
}

/* Saves pins into stored article @id (position, related id, headline...),
 * ended by a position of -1. */
static void
store_pins (BylineStore *store,
            gint64       id,
            ...)
{
  g_autoptr(BylineArticle) article = byline_store_load_article (store, id, NULL);
  g_autoptr(GError) error = NULL;
  va_list args;
  int position;

  g_assert_nonnull (article);
  byline_article_clear_pins (article);

  va_start (args, id);
  while ((position = va_arg (args, int)) >= 0)
    {
      gint64 related_id = va_arg (args, gint64);
      const char *headline = va_arg (args, const char *);

      byline_article_add_pin (article, byline_pin_new (position, related_id, headline));
    }
  va_end (args);

  byline_store_save_article (store, article, &error);
  g_assert_no_error (error);
}

/* Keeps the autosave's pause long, so the preview is seen to follow the
 * pins by itself (autosave still writes within its maximum wait). */
static void
hold_autosave (Fixture *fixture)
{
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 600000);
}

static void
save_now (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  byline_window_save_now (fixture->window, &error);
  g_assert_no_error (error);
}

static void
open_article (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;

  byline_window_open_article (fixture->window, id, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = byline_ui_test_store_new ("byline-related-ui-XXXXXX", &fixture->dir);

  fixture->contract_id = add_article (fixture->store, "Harbour dredging contract awarded",
                                      "A dredging firm will clear silt from the harbour channel for the port.",
                                      "harbour, dredging", BYLINE_STATUS_PUBLISHED, MARCH_3_2023);
  fixture->dredger_id = add_article (fixture->store, "Dredger arrives at the harbour mouth",
                                     "The dredger will work on the channel silt until the ferry season.",
                                     "harbour, dredging", BYLINE_STATUS_DRAFT, 0);
  fixture->spiked_id = add_article (fixture->store, "Harbour dredging halted by storm",
                                    "Storm stops the dredging of silt in the harbour channel.",
                                    "harbour, dredging", BYLINE_STATUS_SPIKED, 0);
  fixture->school_id = add_article (fixture->store, "School board approves new timetable",
                                    "Pupils will start lessons at nine under the timetable the school board approved.",
                                    "schools, education", BYLINE_STATUS_IN_REVIEW, 0);
  fixture->open_id = add_article (fixture->store, "Harbour silt threatens ferry route",
                                  OPEN_BODY, "harbour", BYLINE_STATUS_DRAFT, 0);

  fixture->settings = g_settings_new (APP_ID);
  fixture->window = byline_window_new (GTK_APPLICATION ((gpointer)user_data), fixture->store, fixture->settings);
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 50);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
            gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 0,
            10, "the window to show");

  /* Not the story under test: each test opens it once its pins are stored
   * (the window reopens the last article, and ids repeat across tests). */
  open_article (fixture, fixture->school_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  byline_ui_test_close (fixture->window);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);

  byline_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Widgets */

static BylineRelatedList *
get_related (Fixture *fixture)
{
  return byline_sidebar_get_related_list (_byline_window_get_sidebar (fixture->window));
}

static BylinePinsEditor *
get_pins_editor (Fixture *fixture)
{
  return _byline_editor_pane_get_pins_editor (_byline_window_get_editor (fixture->window));
}

static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                  label);

  return mismatch == NULL;
}

/* The first descendant of @widget of @type whose accessible label is @label
 * (any, when @label is NULL). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || has_accessible_label (widget, label)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first visible label under @widget showing exactly @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
related_lists (BylineRelatedList *list,
               gint64             id)
{
  GListModel *model = byline_related_list_get_model (list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BylineArticleSummary) article = g_list_model_get_item (model, i);

      if (byline_article_summary_get_id (article) == id)
        return TRUE;
    }

  return FALSE;
}

static guint
n_pins (Fixture *fixture)
{
  return g_list_model_get_n_items (byline_article_get_pins (byline_window_get_article (fixture->window)));
}

static BylinePin *
get_pin (Fixture *fixture,
         guint    index)
{
  GListModel *pins = byline_article_get_pins (byline_window_get_article (fixture->window));
  g_autoptr(BylinePin) pin = g_list_model_get_item (pins, index);

  /* Owned by the article. */
  return pin;
}

/* The preview */

static xmlDocPtr
parse_html (const char *html)
{
  return htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

/* The text of every node @expr finds, joined by "|". */
static char *
xpath_texts (const char *html,
             const char *expr)
{
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj;
  GString *out = g_string_new (NULL);

  if (html == NULL)
    return g_string_free (out, FALSE);

  doc = parse_html (html);
  ctx = xmlXPathNewContext (doc);
  obj = xmlXPathEvalExpression ((const xmlChar *)expr, ctx);

  for (int i = 0; obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (obj->nodesetval->nodeTab[i]);
      g_autofree char *text = g_strstrip (g_strdup ((const char *)content));

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, text);
      xmlFree (content);
    }

  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  return g_string_free (out, FALSE);
}

static gboolean
preview_shows (Fixture    *fixture,
               const char *expr,
               const char *expected)
{
  const char *html = byline_preview_get_html (_byline_window_get_preview (fixture->window));
  g_autofree char *texts = xpath_texts (html, expr);

  return g_strcmp0 (texts, expected) == 0;
}

/* The READ: asides right after body paragraph @n, as the reader sees them. */
#define ASIDES_AFTER_P(n) \
  "//div[contains(@class,'body')]/p[" #n "]/following-sibling::*[position() <= 2][self::aside][contains(@class,'read-also')]"
#define ALL_ASIDES "//div[contains(@class,'body')]/aside[contains(@class,'read-also')]"

/* Tests */

static void
test_lists_related (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BylineRelatedList *related = get_related (fixture);
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkTextView *body = GTK_TEXT_VIEW (_byline_editor_pane_get_field (editor, "Body"));
  GtkWidget *row;

  open_article (fixture, fixture->open_id);
  g_assert_true (byline_related_list_get_article (related) == byline_window_get_article (fixture->window));

  WAIT_FOR (related_lists (related, fixture->contract_id) && related_lists (related, fixture->dredger_id),
            10, "the harbour stories in the Related list");
  g_assert_false (related_lists (related, fixture->open_id));
  g_assert_false (related_lists (related, fixture->spiked_id));
  g_assert_false (related_lists (related, fixture->school_id));
  g_assert_cmpuint (g_list_model_get_n_items (byline_related_list_get_model (related)), <=, 10);

  /* Each row: the headline, the date and the state, and a named Pin button. */
  row = find_label (GTK_WIDGET (related), "Harbour dredging contract awarded");
  g_assert_nonnull (row);
  row = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (find_label (row, "Mar 3, 2023 · Published"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_BUTTON, "Pin “Harbour dredging contract awarded”"));

  /* The sidebar's Related page shows it. */
  byline_sidebar_set_page (_byline_window_get_sidebar (fixture->window), "related");
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (related)), 5, "the Related page");

  /* The journalist rewrites the story: the list follows, once typing pauses. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body),
                            "The school board approved a timetable: pupils start lessons at nine.", -1);
  g_assert_true (related_lists (related, fixture->contract_id));
  WAIT_FOR (related_lists (related, fixture->school_id), 10, "the school story after the rewrite");
  g_assert_false (related_lists (related, fixture->open_id));
  g_assert_false (related_lists (related, fixture->spiked_id));
}

static void
test_pin_button (Fixture       *fixture,
                 gconstpointer  user_data)
{
  BylineRelatedList *related = get_related (fixture);
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  const char *second = strstr (OPEN_BODY, "Ferry skippers");
  GtkWidget *button;
  BylinePin *pin;

  open_article (fixture, fixture->open_id);
  hold_autosave (fixture);
  WAIT_FOR (related_lists (related, fixture->contract_id), 10, "the contract story in the list");

  WAIT_FOR (preview_shows (fixture, "//div[contains(@class,'body')]/p[2]",
                           "Ferry skippers say the dredging cannot wait for the spring."),
            30, "the page in the preview");
  g_assert_true (preview_shows (fixture, ALL_ASIDES, ""));

  /* The cursor in the middle of the second paragraph. */
  byline_editor_pane_set_cursor_offset (editor, g_utf8_pointer_to_offset (OPEN_BODY, second) + 6);

  button = find_widget (GTK_WIDGET (related), GTK_TYPE_BUTTON, "Pin “Harbour dredging contract awarded”");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpuint (n_pins (fixture), ==, 1);
  pin = get_pin (fixture, 0);
  g_assert_cmpuint (byline_pin_get_position (pin), ==, 2);
  g_assert_cmpint (byline_pin_get_related_id (pin), ==, fixture->contract_id);
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "Harbour dredging contract awarded");
  {
    g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT "-", fixture->contract_id);

    g_assert_true (g_str_has_prefix (byline_pin_get_page_name (pin), prefix));
  }

  /* The preview shows it after the second paragraph at once... */
  WAIT_FOR (preview_shows (fixture, ASIDES_AFTER_P (2), "READ: Harbour dredging contract awarded"),
            30, "the READ: aside after paragraph 2");
  g_assert_true (preview_shows (fixture, ALL_ASIDES, "READ: Harbour dredging contract awarded"));

  /* ...the pins editor lists it... */
  g_assert_nonnull (find_label (GTK_WIDGET (get_pins_editor (fixture)), "Harbour dredging contract awarded"));

  /* ...and it is saved without a Save button. */
  save_now (fixture);
  {
    g_autoptr(BylineArticle) stored = byline_store_load_article (fixture->store, fixture->open_id, NULL);
    g_autoptr(BylinePin) stored_pin = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (stored)), ==, 1);
    stored_pin = g_list_model_get_item (byline_article_get_pins (stored), 0);
    g_assert_cmpint (byline_pin_get_related_id (stored_pin), ==, fixture->contract_id);
    g_assert_cmpuint (byline_pin_get_position (stored_pin), ==, 2);
  }

  /* Pinning the same article again adds nothing. */
  button = find_widget (GTK_WIDGET (related), GTK_TYPE_BUTTON, "Pin “Harbour dredging contract awarded”");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (n_pins (fixture), ==, 1);
}

static void
test_pins_editor_reorders (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *pins_editor;
  GtkWidget *button;
  GtkWidget *dropdown;

  /* Both after the first paragraph: the contract story, then the dredger. */
  store_pins (fixture->store, fixture->open_id,
              1, fixture->contract_id, "Harbour dredging contract awarded",
              1, fixture->dredger_id, "Dredger arrives at the harbour mouth",
              -1);
  open_article (fixture, fixture->open_id);
  hold_autosave (fixture);
  pins_editor = GTK_WIDGET (get_pins_editor (fixture));

  WAIT_FOR (preview_shows (fixture, ALL_ASIDES,
                           "READ: Harbour dredging contract awarded|READ: Dredger arrives at the harbour mouth"),
            30, "both asides in the preview");

  /* Move Down swaps them, in the article and on the page. */
  button = find_widget (pins_editor, GTK_TYPE_BUTTON, "Move “Harbour dredging contract awarded” Down");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (byline_pin_get_related_id (get_pin (fixture, 0)), ==, fixture->dredger_id);
  g_assert_cmpint (byline_pin_get_related_id (get_pin (fixture, 1)), ==, fixture->contract_id);
  WAIT_FOR (preview_shows (fixture, ASIDES_AFTER_P (1),
                           "READ: Dredger arrives at the harbour mouth|READ: Harbour dredging contract awarded"),
            30, "the swapped asides");

  /* The last one cannot go further down; the first cannot go up. */
  button = find_widget (pins_editor, GTK_TYPE_BUTTON, "Move “Harbour dredging contract awarded” Down");
  g_assert_false (gtk_widget_get_sensitive (button));
  button = find_widget (pins_editor, GTK_TYPE_BUTTON, "Move “Dredger arrives at the harbour mouth” Up");
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Another paragraph, through the position drop-down. */
  dropdown = find_widget (pins_editor, GTK_TYPE_DROP_DOWN, "Position of “Harbour dredging contract awarded”");
  g_assert_nonnull (dropdown);
  /* "Before the first paragraph" and the body's three. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);
  WAIT_FOR (byline_pin_get_position (get_pin (fixture, 1)) == 3, 5, "the pin after paragraph 3");
  WAIT_FOR (preview_shows (fixture, ASIDES_AFTER_P (3), "READ: Harbour dredging contract awarded"),
            30, "the aside after paragraph 3");
  g_assert_true (preview_shows (fixture, ASIDES_AFTER_P (1), "READ: Dredger arrives at the harbour mouth"));

  /* Moving up past a pin in an earlier paragraph takes it there. */
  button = find_widget (pins_editor, GTK_TYPE_BUTTON, "Move “Harbour dredging contract awarded” Up");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (byline_pin_get_related_id (get_pin (fixture, 0)), ==, fixture->contract_id);
  g_assert_cmpuint (byline_pin_get_position (get_pin (fixture, 0)), ==, 1);

  /* Remove takes it off the page. */
  button = find_widget (pins_editor, GTK_TYPE_BUTTON, "Remove “Harbour dredging contract awarded”");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (n_pins (fixture), ==, 1);
  g_assert_null (find_label (pins_editor, "Harbour dredging contract awarded"));
  WAIT_FOR (preview_shows (fixture, ALL_ASIDES, "READ: Dredger arrives at the harbour mouth"),
            30, "one aside left");

  /* And the store has what the editor shows. */
  save_now (fixture);
  {
    g_autoptr(BylineArticle) stored = byline_store_load_article (fixture->store, fixture->open_id, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (stored)), ==, 1);
  }
}

static gboolean
in_view (GtkWidget *widget,
         GtkWidget *window)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.size.width > 0 && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

static gboolean
widget_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_visible (widget);
}

static void
test_resolve_unresolved (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *imported = "Dredger reaches harbour";
  GtkWidget *pins_editor;
  GtkWidget *warning;
  GtkWidget *choose;
  GtkWidget *search;
  GtkWidget *results;
  GtkWidget *match = NULL;

  /* As an import leaves it: a headline no stored article has. */
  store_pins (fixture->store, fixture->open_id, 2, G_GINT64_CONSTANT (0), imported, -1);
  open_article (fixture, fixture->open_id);
  hold_autosave (fixture);
  pins_editor = GTK_WIDGET (get_pins_editor (fixture));
  g_assert_false (byline_pin_is_resolved (get_pin (fixture, 0)));

  warning = find_widget (pins_editor, GTK_TYPE_IMAGE, "Warning");
  g_assert_true (widget_shown (warning));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (warning), ==, "No stored article has this headline. Choose one.");

  choose = find_widget (pins_editor, GTK_TYPE_MENU_BUTTON, "Choose Article for “Dredger reaches harbour”");
  g_assert_true (widget_shown (choose));
  /* As a person would: with the button in view (a popover from a button
   * scrolled out of sight has no monitor under X11). */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (choose, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    WAIT_FOR ((gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj)),
               in_view (choose, GTK_WIDGET (fixture->window))),
              5, "the chooser button in view");
  }
  gtk_menu_button_popup (GTK_MENU_BUTTON (choose));

  search = find_widget (choose, GTK_TYPE_SEARCH_ENTRY, NULL);
  results = find_widget (choose, GTK_TYPE_LIST_BOX, "Stored articles");
  g_assert_nonnull (search);
  g_assert_nonnull (results);

  /* Before anything is typed it offers the stories closest to the
   * headline the pin came with. */
  g_assert_nonnull (find_label (results, "Dredger arrives at the harbour mouth"));

  /* Nothing matches: it says so. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zeppelin");
  WAIT_FOR (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 0) == NULL, 5, "no matches");
  {
    GtkWidget *none = find_label (choose, "No stored article matches");

    g_assert_nonnull (none);
    g_assert_true (gtk_widget_get_visible (none));
  }

  gtk_editable_set_text (GTK_EDITABLE (search), "dredger");
  WAIT_FOR ((match = find_label (results, "Dredger arrives at the harbour mouth")) != NULL,
            5, "the dredger story among the matches");
  /* The page never links to itself or to a spiked story. */
  g_assert_null (find_label (results, "Harbour silt threatens ferry route"));
  g_assert_null (find_label (results, "Harbour dredging halted by storm"));

  g_signal_emit_by_name (gtk_widget_get_ancestor (match, GTK_TYPE_LIST_BOX_ROW), "activate");
  WAIT_FOR (byline_pin_is_resolved (get_pin (fixture, 0)), 5, "the pin to be resolved");
  g_assert_cmpint (byline_pin_get_related_id (get_pin (fixture, 0)), ==, fixture->dredger_id);
  g_assert_cmpstr (byline_pin_get_headline (get_pin (fixture, 0)), ==, "Dredger arrives at the harbour mouth");
  g_assert_nonnull (byline_pin_get_page_name (get_pin (fixture, 0)));
  g_assert_cmpuint (byline_pin_get_position (get_pin (fixture, 0)), ==, 2);

  /* No more warning, no more chooser. */
  g_assert_false (widget_shown (find_widget (pins_editor, GTK_TYPE_IMAGE, "Warning")));
  g_assert_null (find_widget (pins_editor, GTK_TYPE_MENU_BUTTON, "Choose Article for “Dredger reaches harbour”"));
  WAIT_FOR (preview_shows (fixture, ASIDES_AFTER_P (2), "READ: Dredger arrives at the harbour mouth"),
            30, "the resolved headline in the preview");

  save_now (fixture);
  {
    g_autoptr(BylineArticle) stored = byline_store_load_article (fixture->store, fixture->open_id, NULL);
    g_autoptr(BylinePin) stored_pin = g_list_model_get_item (byline_article_get_pins (stored), 0);

    g_assert_cmpint (byline_pin_get_related_id (stored_pin), ==, fixture->dredger_id);
  }
}

static void
test_flags_unlinked_before_export (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(BylineArticle) dredger = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *warning;

  store_pins (fixture->store, fixture->open_id,
              1, fixture->contract_id, "Harbour dredging contract awarded",
              2, fixture->dredger_id, "Dredger arrives at the harbour mouth",
              -1);
  open_article (fixture, fixture->open_id);

  /* All linked: nothing to warn about. */
  lines = _byline_window_list_unlinked_pins (fixture->window, FALSE);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
  g_clear_pointer (&lines, g_strfreev);

  /* The dredger story is spiked meanwhile, elsewhere. */
  dredger = byline_store_load_article (fixture->store, fixture->dredger_id, NULL);
  g_assert_true (byline_store_set_status (fixture->store, dredger, BYLINE_STATUS_SPIKED, "Desk", &error));
  g_assert_no_error (error);

  lines = _byline_window_list_unlinked_pins (fixture->window, FALSE);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "“Dredger arrives at the harbour mouth”"));
  g_assert_nonnull (strstr (lines[0], "spiked"));
  g_clear_pointer (&lines, g_strfreev);

  /* An unresolved one is flagged too. */
  byline_article_add_pin (byline_window_get_article (fixture->window),
                          byline_pin_new (3, 0, "Lock gates to be replaced"));
  lines = _byline_window_list_unlinked_pins (fixture->window, FALSE);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[1], "“Lock gates to be replaced”"));
  g_assert_nonnull (strstr (lines[1], "no stored article"));
  g_clear_pointer (&lines, g_strfreev);

  /* The publication export checks every published page: this one isn't. */
  lines = _byline_window_list_unlinked_pins (fixture->window, TRUE);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
  g_clear_pointer (&lines, g_strfreev);
  {
    /* Published the way the workflow publishes: one step at a time, and
     * with only the link to a published page, since publishing refuses
     * the others (test-review); an editor adds them afterwards. */
    const BylineStatus steps[] = { BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED, BYLINE_STATUS_PUBLISHED };
    BylineArticle *article = byline_window_get_article (fixture->window);
    g_autoptr(BylinePin) dredger_pin = g_list_model_get_item (byline_article_get_pins (article), 1);
    g_autoptr(BylinePin) lock_pin = g_list_model_get_item (byline_article_get_pins (article), 2);

    byline_article_remove_pin (article, 2);
    byline_article_remove_pin (article, 1);
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_assert_true (byline_store_set_status (fixture->store, article, steps[i], "Desk", &error));
        g_assert_no_error (error);
      }
    byline_article_add_pin (article, g_object_ref (dredger_pin));
    byline_article_add_pin (article, g_object_ref (lock_pin));
  }
  lines = _byline_window_list_unlinked_pins (fixture->window, TRUE);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "in “Harbour silt threatens ferry route”"));

  /* Opened again, the editor warns about the spiked one as well. */
  open_article (fixture, fixture->contract_id);
  open_article (fixture, fixture->open_id);
  warning = find_widget (GTK_WIDGET (get_pins_editor (fixture)), GTK_TYPE_IMAGE, "Warning");
  while (warning != NULL && !gtk_widget_get_visible (warning))
    {
      GtkWidget *row = gtk_widget_get_ancestor (warning, GTK_TYPE_LIST_BOX_ROW);
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      warning = next != NULL ? find_widget (next, GTK_TYPE_IMAGE, "Warning") : NULL;
    }
  g_assert_nonnull (warning);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (warning), ==,
                   "This article was spiked or deleted: it will not be linked.");
}

/* The window's message dialog whose heading starts with @heading, or NULL. */
static AdwMessageDialog *
find_dialog (Fixture    *fixture,
             const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->window) &&
        gtk_widget_get_visible (l->data) &&
        g_str_has_prefix (adw_message_dialog_get_heading (l->data), heading))
      return l->data;

  return NULL;
}

/* What the exporter left out is shown, not only written to a log: a READ:
 * link to a draft and an image from another site, for one page and for
 * the whole publication. */
static void
test_export_lists_what_was_left_out (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(BylineArticle) contract = byline_store_load_article (fixture->store, fixture->contract_id, NULL);
  g_autofree char *page_path = g_build_filename (fixture->dir, "contract.html", NULL);
  g_autofree char *site_path = g_build_filename (fixture->dir, "site", NULL);
  g_autoptr(GFile) page = g_file_new_for_path (page_path);
  g_autoptr(GFile) site = g_file_new_for_path (site_path);
  g_autoptr(GError) error = NULL;
  const char *body;
  AdwMessageDialog *dialog;

  byline_article_set_body (contract, "A dredging firm will clear the channel.\n\n"
                                     "![The quay](https://cdn.example.com/quay.jpg)");
  byline_store_save_article (fixture->store, contract, &error);
  g_assert_no_error (error);
  store_pins (fixture->store, fixture->contract_id,
              1, fixture->dredger_id, "Dredger arrives at the harbour mouth",
              -1);
  open_article (fixture, fixture->contract_id);

  g_assert_true (_byline_window_export_article_to (fixture->window, byline_window_get_article (fixture->window),
                                                   page, FALSE));
  g_assert_true (g_file_test (page_path, G_FILE_TEST_IS_REGULAR));
  dialog = find_dialog (fixture, "Exported “contract.html”");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "left out the READ: link to “Dredger arrives at the harbour mouth”"));
  g_assert_nonnull (strstr (body, "https://cdn.example.com/quay.jpg"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "open"), ==, "_Open");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  _byline_window_export_publication_to (fixture->window, site);
  WAIT_FOR (find_dialog (fixture, "Publication exported to") != NULL, 30, "the export's notes");
  dialog = find_dialog (fixture, "Publication exported to");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "left out the READ: link to “Dredger arrives at the harbour mouth”"));
  g_assert_nonnull (strstr (body, "https://cdn.example.com/quay.jpg"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Nothing left out: a toast, no dialog to dismiss. */
  store_pins (fixture->store, fixture->contract_id, -1);
  g_clear_object (&contract);
  contract = byline_store_load_article (fixture->store, fixture->contract_id, NULL);
  byline_article_set_body (contract, "A dredging firm will clear the channel.");
  byline_store_save_article (fixture->store, contract, &error);
  g_assert_no_error (error);
  g_assert_true (_byline_window_export_article_to (fixture->window, contract, page, FALSE));
  g_assert_null (find_dialog (fixture, "Exported"));
}

static void
test_drop_on_body (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  int in_third = g_utf8_pointer_to_offset (OPEN_BODY, strstr (OPEN_BODY, "harbour master"));
  int blank_after_first = g_utf8_pointer_to_offset (OPEN_BODY, strstr (OPEN_BODY, "\n\n")) + 1;

  open_article (fixture, fixture->open_id);
  hold_autosave (fixture);

  WAIT_FOR (preview_shows (fixture, "//div[contains(@class,'body')]/p[2]",
                           "Ferry skippers say the dredging cannot wait for the spring."),
            30, "the page in the preview");

  /* Dropped on the third paragraph: after it. */
  g_assert_true (_byline_editor_pane_drop_related (editor, fixture->dredger_id, in_third));
  g_assert_cmpuint (n_pins (fixture), ==, 1);
  g_assert_cmpint (byline_pin_get_related_id (get_pin (fixture, 0)), ==, fixture->dredger_id);
  g_assert_cmpuint (byline_pin_get_position (get_pin (fixture, 0)), ==, 3);
  g_assert_cmpstr (byline_pin_get_headline (get_pin (fixture, 0)), ==, "Dredger arrives at the harbour mouth");

  /* Dropped on the blank line after the first: after the first, and before
   * the other pin in reading order. */
  g_assert_true (_byline_editor_pane_drop_related (editor, fixture->contract_id, blank_after_first));
  g_assert_cmpuint (n_pins (fixture), ==, 2);
  g_assert_cmpint (byline_pin_get_related_id (get_pin (fixture, 0)), ==, fixture->contract_id);
  g_assert_cmpuint (byline_pin_get_position (get_pin (fixture, 0)), ==, 1);

  WAIT_FOR (preview_shows (fixture, ALL_ASIDES,
                           "READ: Harbour dredging contract awarded|READ: Dredger arrives at the harbour mouth"),
            30, "both asides in the preview");
  g_assert_true (preview_shows (fixture, ASIDES_AFTER_P (1), "READ: Harbour dredging contract awarded"));
  g_assert_true (preview_shows (fixture, ASIDES_AFTER_P (3), "READ: Dredger arrives at the harbour mouth"));
}

static void
test_headline_follows (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BylineArticle) contract = NULL;
  g_autoptr(GError) error = NULL;

  store_pins (fixture->store, fixture->open_id,
              1, fixture->contract_id, "Harbour dredging contract awarded", -1);

  /* The related story's headline is rewritten while another page is open. */
  open_article (fixture, fixture->school_id);
  contract = byline_store_load_article (fixture->store, fixture->contract_id, NULL);
  byline_article_set_headline (contract, "Dredging contract goes to local firm");
  byline_store_save_article (fixture->store, contract, &error);
  g_assert_no_error (error);

  /* The linking page shows the new one. */
  open_article (fixture, fixture->open_id);
  g_assert_cmpstr (byline_pin_get_headline (get_pin (fixture, 0)), ==, "Dredging contract goes to local firm");
  g_assert_nonnull (find_label (GTK_WIDGET (get_pins_editor (fixture)), "Dredging contract goes to local firm"));
  WAIT_FOR (preview_shows (fixture, ASIDES_AFTER_P (1), "READ: Dredging contract goes to local firm"),
            30, "the new headline in the preview");

  /* And the Related list shows it too. */
  WAIT_FOR (find_label (GTK_WIDGET (get_related (fixture)), "Dredging contract goes to local firm") != NULL,
            10, "the new headline in the Related list");
}

/* The paragraph a drop or the cursor means is the block the page puts the
 * READ: line after, also for lists, headings and code with blank lines. */
static void
test_paragraph_at_offset (void)
{
  const char *body =
    "## Background\n"                       /* block 1 */
    "\n"
    "- first point\n"                       /* block 2: a loose list */
    "\n"
    "- second point\n"
    "\n"
    "```\n"                                 /* block 3: code with a blank line */
    "a = 1\n"
    "\n"
    "b = 2\n"
    "```\n"
    "\n"
    "\n"
    "Last words, with an émigré.\n";        /* block 4 */
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *html = NULL;
  g_autofree char *children = NULL;
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj;
  int n_rendered;

#define AT(needle) byline_text_block_at_offset (body, g_utf8_pointer_to_offset (body, strstr (body, needle)))

  g_assert_cmpuint (byline_text_count_blocks (body), ==, 4);
  g_assert_cmpuint (byline_text_count_blocks (""), ==, 0);
  g_assert_cmpuint (byline_text_block_at_offset ("", 0), ==, 0);
  g_assert_cmpuint (byline_text_block_at_offset ("\n\nSome text", 0), ==, 0);

  g_assert_cmpuint (byline_text_block_at_offset (body, 0), ==, 1);
  g_assert_cmpuint (AT ("Background"), ==, 1);
  g_assert_cmpuint (AT ("first point"), ==, 2);
  g_assert_cmpuint (AT ("second point"), ==, 2);
  g_assert_cmpuint (AT ("b = 2"), ==, 3);
  g_assert_cmpuint (AT ("\n\nLast"), ==, 3);
  g_assert_cmpuint (AT ("émigré"), ==, 4);
  g_assert_cmpuint (byline_text_block_at_offset (body, 100000), ==, 4);

#undef AT

  /* The renderer sees the same blocks: a pin at each position lands
   * between the same two elements. */
  byline_article_set_body (article, body);
  html = byline_render_body (article, NULL);
  doc = parse_html (html);
  ctx = xmlXPathNewContext (doc);
  obj = xmlXPathEvalExpression ((const xmlChar *)"/html/body/*", ctx);
  n_rendered = obj->nodesetval != NULL ? obj->nodesetval->nodeNr : 0;
  g_assert_cmpint (n_rendered, ==, (int)byline_text_count_blocks (body));
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  byline_article_add_pin (article, byline_pin_new (3, 0, "Between code and words"));
  g_free (html);
  html = byline_render_body (article, NULL);
  children = xpath_texts (html, "//pre/following-sibling::*[1][self::aside]");
  g_assert_cmpstr (children, ==, "READ: Between code and words");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = byline_ui_test_app_new ("io.github.bylinedesk.Byline.RelatedTest");

#define ADD(name, func) \
  g_test_add ("/byline/related-ui/" name, Fixture, app, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/byline/related-ui/paragraph-at-offset", test_paragraph_at_offset);
  ADD ("lists-related", test_lists_related);
  ADD ("pin-button", test_pin_button);
  ADD ("pins-editor-reorders", test_pins_editor_reorders);
  ADD ("resolve-unresolved", test_resolve_unresolved);
  ADD ("flags-unlinked-before-export", test_flags_unlinked_before_export);
  ADD ("export-lists-what-was-left-out", test_export_lists_what_was_left_out);
  ADD ("drop-on-body", test_drop_on_body);
  ADD ("headline-follows", test_headline_follows);

#undef ADD

  return g_test_run ();
}
