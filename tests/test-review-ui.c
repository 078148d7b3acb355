/* test-review-ui.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "byline-article-list.h"
#include "byline-dates.h"
#include "byline-editor-pane-private.h"
#include "byline-history-window.h"
#include "byline-pin.h"
#include "byline-language-row.h"
#include "byline-preferences-window.h"
#include "byline-review.h"
#include "byline-spell.h"
#include "byline-store.h"
#include "byline-ui-test-util.h"
#include "byline-window-private.h"

#define EDITOR_NAME "Maria Okafor"

typedef struct
{
  char           *dir;
  BylineStore    *store;
  GSettings      *settings;
  BylineWindow   *window;

  /* The desk: a council story in draft (open in the window), a harbour
   * story in draft, a library story in review, a ferry story published. */
  gint64          council_id;
  gint64          harbour_id;
  gint64          library_id;
  gint64          ferry_id;
} Fixture;

#define COUNCIL_BODY \
  "The council met on Tuesday to discuss the tram depot.\n" \
  "\n" \
  "Members quietly approved the budget for the new platforms."

static gint64
add_article (BylineStore  *store,
             const char   *headline,
             const char   *body,
             BylineStatus  status)
{
  g_autoptr(BylineArticle) article = byline_article_new ();

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  byline_article_set_status (article, status);
  return byline_test_save_article (store, article);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = byline_ui_test_store_new ("byline-review-ui-XXXXXX", &fixture->dir);

  fixture->harbour_id = add_article (fixture->store, "Harbour dredging starts in May",
                                     "The dredger arrives from the north.", BYLINE_STATUS_DRAFT);
  fixture->library_id = add_article (fixture->store, "Library extends opening hours",
                                     "Open until nine on weekdays.", BYLINE_STATUS_IN_REVIEW);
  fixture->ferry_id = add_article (fixture->store, "Night ferry returns",
                                   "The last boat leaves at midnight.", BYLINE_STATUS_PUBLISHED);
  fixture->council_id = add_article (fixture->store, "Council backs tram depot",
                                     COUNCIL_BODY, BYLINE_STATUS_DRAFT);

  /* The memory backend lives as long as the process: start each test from
   * the defaults, with the editor's name set. */
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "open-article");
  g_settings_reset (fixture->settings, "cursor-offset");
  g_settings_reset (fixture->settings, "headline-budget");
  g_settings_reset (fixture->settings, "caption-budget");
  g_settings_reset (fixture->settings, "standfirst-budget");
  g_settings_reset (fixture->settings, "spell-check");
  g_settings_reset (fixture->settings, "style");
  g_settings_set_string (fixture->settings, "author-name", EDITOR_NAME);

  fixture->window = byline_window_new (GTK_APPLICATION ((gpointer)user_data), fixture->store, fixture->settings);
  /* Edits reach the store through the window's own flush, not a timer,
   * unless a test waits for the timer. */
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 60000);
  byline_ui_test_present (fixture->window);

  /* The newest article opens first. */
  g_assert_cmpint (byline_article_get_id (byline_window_get_article (fixture->window)), ==, fixture->council_id);
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

/* The state menu's items as "target=Label" lines, in menu order. */
static char *
dup_state_menu (Fixture *fixture)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (_byline_window_get_status_button (fixture->window));
  g_autoptr(GString) text = g_string_new ("");

  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      g_assert_nonnull (section);
      for (int j = 0; j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;
          g_autoptr(GVariant) target = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          g_assert_cmpstr (action, ==, "win.set-status");
          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          target = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
          g_assert_nonnull (target);

          g_string_append_printf (text, "%s%s=%s", text->len ? ";" : "",
                                  g_variant_get_string (target, NULL), label);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static BylineStatus
stored_status (Fixture *fixture,
               gint64   id)
{
  g_autoptr(BylineArticle) article = byline_store_load_article (fixture->store, id, NULL);

  g_assert_nonnull (article);
  return byline_article_get_status (article);
}

static GPtrArray *
list_revisions (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *revisions = byline_store_list_revisions (fixture->store, id, &error);

  g_assert_no_error (error);
  return revisions;
}

static guint
count_revisions (Fixture              *fixture,
                 gint64                id,
                 BylineRevisionReason  reason)
{
  g_autoptr(GPtrArray) revisions = list_revisions (fixture, id);
  guint n = 0;

  for (guint i = 0; i < revisions->len; i++)
    if (byline_revision_get_reason (g_ptr_array_index (revisions, i)) == reason)
      n++;

  return n;
}

/* The message dialog the window put up, or NULL. */
static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (fixture->window) &&
        gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;

  return FALSE;
}

static void
type_headline (Fixture    *fixture,
               const char *text)
{
  GtkWidget *headline = _byline_editor_pane_get_field (_byline_window_get_editor (fixture->window), "Headline");

  byline_ui_test_set_field_text (headline, text);
}

static void
type_body (Fixture    *fixture,
           const char *text)
{
  GtkWidget *body = _byline_editor_pane_get_field (_byline_window_get_editor (fixture->window), "Body");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static void
test_state_menu_lists_allowed_steps (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  GtkMenuButton *button = _byline_window_get_status_button (fixture->window);
  g_autofree char *draft = NULL;
  g_autofree char *published = NULL;
  g_autoptr(GError) error = NULL;

  /* The badge names the state and carries its colour class. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Draft");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "status-badge"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "draft"));

  /* A draft can go for review or be spiked, nothing else. */
  draft = dup_state_menu (fixture);
  g_assert_cmpstr (draft, ==, "in-review=Send to Review;spiked=Spike…");

  /* A published article can be unpublished or spiked. */
  g_assert_true (byline_window_open_article (fixture->window, fixture->ferry_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Published");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "published"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (button), "draft"));
  published = dup_state_menu (fixture);
  g_assert_cmpstr (published, ==, "approved=Unpublish;spiked=Spike…");
}

static void
test_set_status_records_author (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *menu = NULL;
  BylineStatusEvent *event;
  BylineRevision *revision;

  /* Typed, not yet saved: it goes with the change of state. */
  type_headline (fixture, "Council backs tram depot, with conditions");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "in-review");

  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpint (byline_article_get_status (byline_window_get_article (fixture->window)), ==,
                   BYLINE_STATUS_IN_REVIEW);

  events = byline_store_list_status_events (fixture->store, fixture->council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->author, ==, EDITOR_NAME);
  g_assert_cmpint (event->from, ==, BYLINE_STATUS_DRAFT);
  g_assert_cmpint (event->to, ==, BYLINE_STATUS_IN_REVIEW);

  /* The change of state kept a revision with the headline as typed. */
  revisions = list_revisions (fixture, fixture->council_id);
  g_assert_cmpuint (revisions->len, >=, 1);
  revision = g_ptr_array_index (revisions, 0);
  g_assert_cmpint (byline_revision_get_reason (revision), ==, BYLINE_REVISION_STATE);
  g_assert_cmpstr (byline_revision_get_author (revision), ==, EDITOR_NAME);
  g_assert_cmpstr (byline_article_get_headline (byline_revision_get_article (revision)), ==,
                   "Council backs tram depot, with conditions");

  /* The badge and its menu follow. */
  g_assert_cmpstr (gtk_menu_button_get_label (_byline_window_get_status_button (fixture->window)), ==,
                   "In Review");
  menu = dup_state_menu (fixture);
  g_assert_cmpstr (menu, ==, "approved=Approve;draft=Send Back to Draft;spiked=Spike…");

  /* A step the workflow does not have changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "published");
  g_assert_null (find_dialog (fixture));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_IN_REVIEW);
}

static void
test_spike_asks_first (Fixture       *fixture,
                       gconstpointer  user_data)
{
  AdwMessageDialog *dialog;
  g_autofree char *menu = NULL;
  g_autoptr(GError) error = NULL;

  /* Spiking from the menu asks first, and Cancel leaves the article be. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "spiked");
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Spike this article?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "spike"), ==, ADW_RESPONSE_DESTRUCTIVE);
  /* Enter and Escape both keep the article: spiking takes a click. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_DRAFT);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_DRAFT);

  /* Accepting it spikes the article. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "spiked");
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "spike");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_SPIKED);
  g_assert_cmpint (byline_store_get_spiked_from (fixture->store, fixture->council_id, NULL), ==,
                   BYLINE_STATUS_DRAFT);

  /* A spiked article offers one way back: where it came from. */
  menu = dup_state_menu (fixture);
  g_assert_cmpstr (menu, ==, "draft=Restore from Spike");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_byline_window_get_status_button (fixture->window)),
                                           "spiked"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "draft");
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_DRAFT);

  /* What the confirmation runs, called directly, from another state. */
  g_assert_true (byline_window_open_article (fixture->window, fixture->library_id, &error));
  g_assert_no_error (error);
  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_SPIKED, 0));
  g_assert_cmpint (stored_status (fixture, fixture->library_id), ==, BYLINE_STATUS_SPIKED);
  g_assert_cmpint (byline_store_get_spiked_from (fixture->store, fixture->library_id, NULL), ==,
                   BYLINE_STATUS_IN_REVIEW);
  g_clear_pointer (&menu, g_free);
  menu = dup_state_menu (fixture);
  g_assert_cmpstr (menu, ==, "in-review=Restore from Spike");
}

static void
test_publish_sets_published_time (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 prefilled = 0, chosen = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_IN_REVIEW, 0));
  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_APPROVED, 0));

  /* The pre-publish check warns first: the article has no byline. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "published");
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish with these problems?");
  g_assert_null (byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Publishing asks for the time, prefilled with now. */
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  entry = byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (byline_parse_date_line (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, &prefilled));
  g_assert_cmpint (ABS (prefilled - now), <, 120);

  /* Enter publishes, Escape does not. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "publish");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Text that is not a date cannot be published. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "next Tuesday-ish");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "March 3, 2023 at 9:05 am");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "publish"));
  g_assert_true (byline_parse_date_line ("March 3, 2023 at 9:05 am", NULL, &chosen));

  adw_message_dialog_response (dialog, "publish");
  gtk_window_destroy (GTK_WINDOW (dialog));

  stored = byline_store_load_article (fixture->store, fixture->council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (stored), ==, chosen);
  g_assert_cmpint (byline_article_get_published (byline_window_get_article (fixture->window)), ==, chosen);
  g_assert_cmpstr (gtk_menu_button_get_label (_byline_window_get_status_button (fixture->window)), ==,
                   "Published");
}

/* The pre-publish check's warnings (here, no byline and the link to a
 * draft) come first: go ahead. */
static void
continue_past_check (Fixture *fixture)
{
  AdwMessageDialog *dialog = find_dialog (fixture);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish with these problems?");
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A READ: link to a draft: the window names it before publishing; Cancel
 * changes nothing, "Remove Link and Publish" publishes without it. The
 * text typed before stays either way. */
static void
test_publish_asks_about_unpublished_links (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  BylineArticle *article = byline_window_get_article (fixture->window);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *named = g_strdup_printf ("“Harbour dredging starts in May” (article %" G_GINT64_FORMAT ", a draft)",
                                            fixture->harbour_id);
  g_autofree char *published_named = g_strdup_printf ("“Night ferry returns” (article %" G_GINT64_FORMAT,
                                                      fixture->ferry_id);
  g_autoptr(BylinePin) kept = NULL;
  AdwMessageDialog *dialog;

  byline_article_add_pin (article, byline_pin_new (1, fixture->harbour_id, "Harbour dredging starts in May"));
  byline_article_add_pin (article, byline_pin_new (1, fixture->ferry_id, "Night ferry returns"));
  type_body (fixture, COUNCIL_BODY "\n\nThe depot opens in 2027.");
  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_IN_REVIEW, 0));
  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_APPROVED, 0));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "published");
  continue_past_check (fixture);
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "A READ: Link Leads to an Unpublished Page");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), named));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), published_named));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "remove"), ==, "_Remove Link and Publish");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_APPROVED);
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (article)), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "published");
  continue_past_check (fixture);
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));

  stored = byline_store_load_article (fixture->store, fixture->council_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (stored)), ==, 1);
  kept = g_list_model_get_item (byline_article_get_pins (stored), 0);
  g_assert_cmpint (byline_pin_get_related_id (kept), ==, fixture->ferry_id);
  g_assert_cmpstr (byline_article_get_body (stored), ==, COUNCIL_BODY "\n\nThe depot opens in 2027.");
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (article)), ==, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (_byline_window_get_status_button (fixture->window)), ==,
                   "Published");
}

/* The rows of a check list, as "Field: detail" lines. */
static char *
dup_list_rows (GtkWidget *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The rows of the check's list in @dialog. */
static char *
dup_problem_rows (AdwMessageDialog *dialog)
{
  return dup_list_rows (byline_ui_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                                        GTK_TYPE_LIST_BOX));
}

/* Approving a headline over its budget asks first (a warning, not a
 * block); a link to an unpublished article keeps it from being published. */
static void
test_check_before_approve_and_publish (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  BylineArticle *article = byline_window_get_article (fixture->window);
  AdwMessageDialog *dialog;
  g_autofree char *rows = NULL;

  g_settings_set_uint (fixture->settings, "headline-budget", 20);
  byline_article_set_byline (article, "Ada Reporter");
  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_IN_REVIEW, 0));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "approved");
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Approve with these problems?");
  rows = dup_problem_rows (dialog);
  g_assert_cmpstr (rows, ==, "Headline: The headline has 24 characters, 4 over its budget of 20.");
  /* Cancelling changes nothing. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_IN_REVIEW);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "approved");
  dialog = find_dialog (fixture);
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_APPROVED);

  /* No body blocks publishing: only Close. A READ: link to a draft is
   * listed, as a warning: the dialog after offers to remove it. */
  byline_article_add_pin (article, byline_pin_new (1, fixture->harbour_id, "Harbour dredging starts in May"));
  type_body (fixture, "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "published");
  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This article cannot be published yet");
  g_assert_false (adw_message_dialog_has_response (dialog, "continue"));
  g_clear_pointer (&rows, g_free);
  rows = dup_problem_rows (dialog);
  g_assert_true (g_str_has_prefix (rows, "Body: The article has no body.\n"
                                         "Related Links: The READ: link “Harbour dredging starts in May” after "
                                         "paragraph 1 leads to an article that is not published"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (stored_status (fixture, fixture->council_id), ==, BYLINE_STATUS_APPROVED);
  g_settings_reset (fixture->settings, "headline-budget");
}

/* The Article Check panel, as a person would use it. */

static gboolean
check_panel_shown (Fixture *fixture)
{
  BylineCheckPanel *panel = _byline_window_get_check_panel (fixture->window);
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "check-article");
  gboolean revealed = gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (GTK_WIDGET (panel))));

  /* The menu's check mark says what the window shows. */
  g_assert_cmpint (g_variant_get_boolean (state), ==, revealed);

  return revealed;
}

static char *
dup_panel_rows (Fixture *fixture)
{
  BylineCheckPanel *panel = _byline_window_get_check_panel (fixture->window);

  return dup_list_rows (GTK_WIDGET (byline_check_panel_get_list (panel)));
}

static gboolean
panel_rows_contain (Fixture    *fixture,
                    const char *text)
{
  g_autofree char *rows = dup_panel_rows (fixture);

  return strstr (rows, text) != NULL;
}

/* The panel's row whose title is @title. */
static GtkWidget *
find_panel_row (Fixture    *fixture,
                const char *title)
{
  GtkListBox *list = byline_check_panel_get_list (_byline_window_get_check_panel (fixture->window));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static gboolean
focus_is_in (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* F7 shows the council story's problems; they follow the typing once it
 * pauses, another article and the dictionary; a row leads to its field;
 * F7 again, the close button or no article open. */
static void
test_check_panel (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  BylineCheckPanel *panel = _byline_window_get_check_panel (fixture->window);
  g_autoptr(BylineSpellChecker) english = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *accessible_error = NULL;
  GtkTextBuffer *body_buffer = GTK_TEXT_BUFFER (editor->body_buffer);
  GtkTextIter start, end;
  GtkWidget *close_button;

  english = byline_spell_checker_new ("en", &error);
  if (english == NULL)
    {
      byline_test_skip_missing (error->message);
      return;
    }

  /* No byline, a headline of 24 characters over a budget of 20, a
   * misspelling on the body's fifth line. */
  g_settings_set_uint (fixture->settings, "headline-budget", 20);
  type_body (fixture, COUNCIL_BODY "\n\nThe depot opens in the autum.");
  g_assert_false (check_panel_shown (fixture));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-article", NULL);
  g_assert_true (check_panel_shown (fixture));
  rows = dup_panel_rows (fixture);
  g_assert_cmpstr (rows, ==,
                   "Byline: The article has no byline.\n"
                   "Headline: The headline has 24 characters, 4 over its budget of 20.\n"
                   "Body: “autum” (line 5) is not in the dictionary.");
  g_assert_cmpstr (byline_check_panel_get_summary (panel), ==, "Warnings only: it may go out as it is.");
  accessible_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (byline_check_panel_get_list (panel)),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "Problems found");
  g_assert_null (accessible_error);
  /* The keyboard is in the list, to go to a problem. */
  g_assert_true (focus_is_in (fixture, GTK_WIDGET (byline_check_panel_get_list (panel))));

  /* A shorter headline: its row goes once typing pauses, not at once. */
  type_headline (fixture, "Council backs depot");
  {
    gint64 until = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (panel_rows_contain (fixture, "Headline:"));
  WAIT_FOR (!panel_rows_contain (fixture, "Headline:"), 5, "the headline's row to go");
  g_assert_true (panel_rows_contain (fixture, "Byline: The article has no byline."));

  /* A row leads to its field; a misspelled word is selected. */
  gtk_widget_activate (find_panel_row (fixture, "Byline"));
  g_assert_true (focus_is_in (fixture, _byline_editor_pane_get_field (editor, "Byline")));
  gtk_widget_activate (find_panel_row (fixture, "Body"));
  g_assert_true (focus_is_in (fixture, GTK_WIDGET (editor->body)));
  g_assert_true (gtk_text_buffer_get_selection_bounds (body_buffer, &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "autum");

  /* A word the newsroom adds to its dictionary is no longer a problem. */
  g_assert_true (byline_store_add_to_dictionary (fixture->store, "autum", &error));
  g_assert_no_error (error);
  WAIT_FOR (!panel_rows_contain (fixture, "Body:"), 5, "the misspelling's row to go");
  /* Taken out again, it is one again. */
  g_assert_true (byline_store_remove_from_dictionary (fixture->store, "autum", &error));
  g_assert_no_error (error);
  WAIT_FOR (panel_rows_contain (fixture, "Body: “autum” (line 5)"), 5, "the misspelling's row to come back");

  /* A READ: link to the published ferry story is fine, until another
   * desk spikes that story. */
  byline_article_add_pin (byline_window_get_article (fixture->window),
                          byline_pin_new (1, fixture->ferry_id, "Night ferry returns"));
  {
    g_autoptr(BylineArticle) ferry = byline_store_load_article (fixture->store, fixture->ferry_id, &error);

    g_assert_no_error (error);
    WAIT_FOR (fixture->window->check_id == 0, 5, "the check after the new link");
    g_assert_false (panel_rows_contain (fixture, "Related Links:"));
    g_assert_true (byline_store_set_status (fixture->store, ferry, BYLINE_STATUS_SPIKED, "Ben Okafor", &error));
    g_assert_no_error (error);
    WAIT_FOR (panel_rows_contain (fixture, "Related Links: The READ: link “Night ferry returns”"), 5,
              "the link to the spiked story to show");
  }

  /* Another article: its problems, at once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-article", "x", fixture->ferry_id);
  g_clear_pointer (&rows, g_free);
  rows = dup_panel_rows (fixture);
  g_assert_cmpstr (rows, ==, "Byline: The article has no byline.");

  /* F7 again hides it, and so does its close button. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-article", NULL);
  g_assert_false (check_panel_shown (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-article", NULL);
  g_assert_true (check_panel_shown (fixture));
  close_button = byline_ui_test_find_action (GTK_WIDGET (panel), "check-panel.close");
  g_assert_nonnull (close_button);
  gtk_widget_activate (close_button);
  /* A button activated by the keyboard shows itself pressed first. */
  WAIT_FOR (!check_panel_shown (fixture), 5, "the close button to hide the panel");

  /* With no article open, it says so. */
  _byline_window_set_article (fixture->window, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-article", NULL);
  g_assert_true (check_panel_shown (fixture));
  g_assert_cmpstr (byline_check_panel_get_summary (panel), ==, "No article is open.");
  g_clear_pointer (&rows, g_free);
  rows = dup_panel_rows (fixture);
  g_assert_cmpstr (rows, ==, "");

  g_settings_reset (fixture->settings, "headline-budget");
}

static void
test_save_revision_action (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) revisions = NULL;
  BylineRevision *newest;
  guint manual_before = count_revisions (fixture, fixture->council_id, BYLINE_REVISION_MANUAL);

  type_headline (fixture, "Council backs tram depot after long debate");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);

  g_assert_cmpuint (count_revisions (fixture, fixture->council_id, BYLINE_REVISION_MANUAL), ==, manual_before + 1);
  revisions = list_revisions (fixture, fixture->council_id);
  newest = g_ptr_array_index (revisions, 0);
  g_assert_cmpint (byline_revision_get_reason (newest), ==, BYLINE_REVISION_MANUAL);
  g_assert_cmpstr (byline_revision_get_author (newest), ==, EDITOR_NAME);
  /* Every field is kept, as typed. */
  g_assert_cmpstr (byline_article_get_headline (byline_revision_get_article (newest)), ==,
                   "Council backs tram depot after long debate");
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (newest)), ==, COUNCIL_BODY);
}

static void
test_autosave_keeps_first_revision (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_assert_cmpuint (count_revisions (fixture, fixture->council_id, BYLINE_REVISION_AUTO), ==, 0);

  /* With the timer short, typing is saved on its own; the first save of
   * an article with no revisions keeps one, off the main thread. */
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 50);
  type_body (fixture, COUNCIL_BODY "\n\nThe depot opens in the autumn.");
  WAIT_FOR (count_revisions (fixture, fixture->council_id, BYLINE_REVISION_AUTO) == 1, 10,
            "an automatic revision");

  {
    g_autoptr(GPtrArray) revisions = list_revisions (fixture, fixture->council_id);
    BylineRevision *revision = g_ptr_array_index (revisions, 0);

    g_assert_cmpstr (byline_revision_get_author (revision), ==, EDITOR_NAME);
    g_assert_nonnull (strstr (byline_article_get_body (byline_revision_get_article (revision)), "autumn"));
  }

  /* Further saves within ten minutes add none. */
  type_body (fixture, COUNCIL_BODY "\n\nThe depot opens in the autumn of next year.");
  WAIT_FOR (!byline_autosave_get_dirty (_byline_window_get_autosave (fixture->window)), 10, "the next save");
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      byline_ui_test_spin_idle ();
    }
  g_assert_cmpuint (count_revisions (fixture, fixture->council_id, BYLINE_REVISION_AUTO), ==, 1);
}

/* The offset of @word in @buffer, which must hold it. */
static void
find_word (GtkTextBuffer *buffer,
           const char    *word,
           GtkTextIter   *iter)
{
  GtkTextIter start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, word, 0, iter, &match_end, NULL))
    g_error ("“%s” is not in the diff", word);
}

static BylineHistoryWindow *
open_history (Fixture *fixture)
{
  GtkWidget *history;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL);
  history = _byline_window_get_history (fixture->window);
  g_assert_true (BYLINE_IS_HISTORY_WINDOW (history));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (history)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (history)));

  return BYLINE_HISTORY_WINDOW (history);
}

static void
test_history_lists_and_diffs (Fixture       *fixture,
                              gconstpointer  user_data)
{
  BylineHistoryWindow *history;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextTag *insert_tag, *delete_tag;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  GtkTextIter start, end;

  /* The first version, kept with Ctrl+S; then a rewrite of it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);
  type_body (fixture,
             "The harbour council met on Tuesday to discuss the tram depot.\n"
             "\n"
             "Members approved the budget for the new platforms.");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-status", "s", "in-review");

  history = open_history (fixture);
  revisions = list_revisions (fixture, fixture->council_id);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpuint (_byline_history_window_get_n_revisions (history), ==, revisions->len);
  /* "Current Text", then each revision. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (_byline_history_window_get_list (history), revisions->len));
  g_assert_null (gtk_list_box_get_row_at_index (_byline_history_window_get_list (history), revisions->len + 1));
  g_assert_true (has_label_containing (GTK_WIDGET (_byline_history_window_get_list (history)), "Current Text"));
  g_assert_true (has_label_containing (GTK_WIDGET (_byline_history_window_get_list (history)),
                                       EDITOR_NAME " · In Review · State changed"));
  g_assert_true (has_label_containing (GTK_WIDGET (_byline_history_window_get_list (history)),
                                       EDITOR_NAME " · Draft · Saved"));

  /* The Ctrl+S revision (the older one) against the current text. */
  _byline_history_window_select (history, 2, 0);
  buffer = gtk_text_view_get_buffer (_byline_history_window_get_diff_view (history));
  insert_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "insert");
  delete_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "delete");
  g_assert_nonnull (insert_tag);
  g_assert_nonnull (delete_tag);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "council met on Tuesday"));

  /* "harbour" was written later: marked inserted, and not deleted. */
  find_word (buffer, "harbour", &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, insert_tag));
  g_assert_false (gtk_text_iter_has_tag (&iter, delete_tag));
  /* "quietly" was cut: struck through. */
  find_word (buffer, "quietly", &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, delete_tag));
  g_assert_false (gtk_text_iter_has_tag (&iter, insert_tag));
  /* Text both share is not marked. */
  find_word (buffer, "Tuesday", &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, insert_tag));
  g_assert_false (gtk_text_iter_has_tag (&iter, delete_tag));

  /* Picked the other way round, the older one is still the old side. */
  _byline_history_window_select (history, 0, 2);
  find_word (buffer, "harbour", &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, insert_tag));

  /* The two revisions compared with each other show the same change. */
  _byline_history_window_select (history, 2, 1);
  find_word (buffer, "quietly", &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, delete_tag));

  gtk_window_destroy (GTK_WINDOW (history));
  g_assert_null (_byline_window_get_history (fixture->window));
}

/* The words the status line counts for the body now. */
static guint
status_line_words (Fixture *fixture)
{
  GtkWidget *editor = GTK_WIDGET (_byline_window_get_editor (fixture->window));
  GtkLabel *stats = GTK_LABEL (gtk_widget_get_template_child (editor, BYLINE_TYPE_EDITOR_PANE, "stats_label"));
  const char *text;

  /* The status line follows the body when the main loop is idle. */
  byline_ui_test_spin_idle ();
  text = gtk_label_get_label (stats);
  g_assert_true (g_str_has_suffix (text, "min read"));

  return (guint) g_ascii_strtoull (text, NULL, 10);
}

/* History's "+12 −3 words" for the versions shown. */
static guint
history_words_added (BylineHistoryWindow *history,
                     guint               *removed)
{
  GtkLabel *summary = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (history),
                                                                BYLINE_TYPE_HISTORY_WINDOW,
                                                                "summary_label"));
  const char *text = gtk_label_get_label (summary);
  const char *minus = strstr (text, "−");
  guint added;

  g_assert_true (text[0] == '+');
  g_assert_nonnull (minus);
  g_assert_true (g_str_has_suffix (text, " words"));
  added = (guint) g_ascii_strtoull (text + 1, NULL, 10);
  *removed = (guint) g_ascii_strtoull (minus + strlen ("−"), NULL, 10);

  return added;
}

/* The status line and History count words the same way: the sentences
 * that three counters used to count three ways (8 or 10 words, and 4 or 10
 * for the link) are as many words in both. */
static void
test_history_counts_as_status_line (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  const char *bodies[] = {
    "The e-mail didn't arrive at 3.5 p.m.",
    "Ask [the council](https://x.org/a-b) on Monday.",
  };
  const guint expected[] = { 7, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      BylineHistoryWindow *history;
      g_autoptr(GPtrArray) revisions = NULL;
      g_autofree char *row_label = NULL;
      guint words, added, removed = 99;

      /* A revision with no body, then one with the sentence alone. */
      type_body (fixture, "");
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);
      type_body (fixture, bodies[i]);
      words = status_line_words (fixture);
      g_assert_cmpuint (words, ==, expected[i]);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);

      /* The newest revision against the one before it. */
      history = open_history (fixture);
      _byline_history_window_select (history, 1, 2);
      added = history_words_added (history, &removed);
      g_assert_cmpuint (added, ==, words);
      g_assert_cmpuint (removed, ==, 0);

      /* And the count the revision list shows, kept with the revision. */
      revisions = list_revisions (fixture, fixture->council_id);
      g_assert_cmpuint (byline_revision_get_words_added (g_ptr_array_index (revisions, 0)), ==, words);
      g_assert_cmpuint (byline_revision_get_words_removed (g_ptr_array_index (revisions, 0)), ==, 0);

      gtk_window_destroy (GTK_WINDOW (history));
    }
}

static void
test_history_empty (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BylineHistoryWindow *history = open_history (fixture);
  GtkWidget *status_page = byline_ui_test_find_descendant (GTK_WIDGET (history), ADW_TYPE_STATUS_PAGE);

  g_assert_cmpuint (_byline_history_window_get_n_revisions (history), ==, 0);
  g_assert_nonnull (status_page);
  g_assert_true (gtk_widget_get_child_visible (status_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "No Revisions Yet");

  gtk_window_destroy (GTK_WINDOW (history));
}

static void
test_restore_revision (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  GtkWidget *headline = _byline_editor_pane_get_field (_byline_window_get_editor (fixture->window), "Headline");
  BylineHistoryWindow *history;
  BylineArticle *open;
  gint64 old_revision_id;
  guint n_before;

  /* Version one, kept; version two, kept: the newest revision holds the
   * current text. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);
  type_headline (fixture, "Tram depot plan falls at the council");
  type_body (fixture, "The council voted the depot down on Tuesday.");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);

  revisions = list_revisions (fixture, fixture->council_id);
  n_before = revisions->len;
  g_assert_cmpuint (n_before, ==, 2);
  old_revision_id = byline_revision_get_id (g_ptr_array_index (revisions, 1));
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* What History's "Restore This Revision…" does once confirmed. */
  history = open_history (fixture);
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *)&history);
  g_signal_emit_by_name (history, "restore-requested", old_revision_id);

  /* The window, the editor and the store all have the old text back. */
  open = byline_window_get_article (fixture->window);
  g_assert_cmpstr (byline_article_get_headline (open), ==, "Council backs tram depot");
  g_assert_cmpstr (byline_article_get_body (open), ==, COUNCIL_BODY);
  {
    g_autofree char *shown = byline_ui_test_dup_field_text (headline);

    g_assert_cmpstr (shown, ==, "Council backs tram depot");
  }
  stored = byline_store_load_article (fixture->store, fixture->council_id, NULL);
  g_assert_cmpstr (byline_article_get_headline (stored), ==, "Council backs tram depot");
  g_assert_cmpstr (byline_article_get_body (stored), ==, COUNCIL_BODY);

  /* Restoring is a revision of its own; nothing else was needed. */
  revisions = list_revisions (fixture, fixture->council_id);
  g_assert_cmpuint (revisions->len, ==, n_before + 1);
  g_assert_cmpint (byline_revision_get_reason (g_ptr_array_index (revisions, 0)), ==, BYLINE_REVISION_RESTORE);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Restoring from History closes it. */
  byline_ui_test_spin_idle ();
  g_assert_null (history);

  /* Words typed since the last revision are kept when another is restored
   * (through what the History window's signal calls). */
  type_body (fixture, "A draft paragraph nobody saved on purpose.");
  g_assert_true (_byline_window_restore_revision (fixture->window, old_revision_id));
  revisions = list_revisions (fixture, fixture->council_id);
  g_assert_cmpuint (revisions->len, ==, n_before + 3);
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (g_ptr_array_index (revisions, 1))), ==,
                   "A draft paragraph nobody saved on purpose.");
  g_assert_cmpstr (byline_article_get_body (byline_window_get_article (fixture->window)), ==, COUNCIL_BODY);
}

static gboolean
dropdown_item_is (GtkDropDown *dropdown,
                  guint        position,
                  const char  *expected)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return item != NULL && g_strcmp0 (gtk_string_object_get_string (item), expected) == 0;
}

static void
test_sidebar_counts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  BylineArticleList *list = byline_sidebar_get_list (sidebar);
  GtkDropDown *dropdown = GTK_DROP_DOWN (byline_ui_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_DROP_DOWN));
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dropdown);

  /* Two drafts, one in review, one published, none approved or spiked. */
  WAIT_FOR (dropdown_item_is (dropdown, 1, "Draft (2)"), 10, "the state counts");
  g_assert_true (dropdown_item_is (dropdown, 0, "All States (4)"));
  g_assert_true (dropdown_item_is (dropdown, 2, "In Review (1)"));
  g_assert_true (dropdown_item_is (dropdown, 3, "Approved (0)"));
  g_assert_true (dropdown_item_is (dropdown, 4, "Published (1)"));
  g_assert_true (dropdown_item_is (dropdown, 5, "Spiked (0)"));

  /* Filtering on a state, then changing an article's state: the counts
   * follow, the filter stays. */
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpint (byline_article_list_get_status (list), ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_true (_byline_window_apply_status (fixture->window, BYLINE_STATUS_IN_REVIEW, 0));
  WAIT_FOR (dropdown_item_is (dropdown, 2, "In Review (2)"), 10, "the counts to follow");
  g_assert_true (dropdown_item_is (dropdown, 1, "Draft (1)"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  g_assert_cmpint (byline_article_list_get_status (list), ==, BYLINE_STATUS_IN_REVIEW);
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (list)) == 2, 10, "the filtered list");

  /* Open notes show on the article's row. */
  gtk_drop_down_set_selected (dropdown, 0);
  {
    g_autoptr(BylineNote) note = byline_store_add_note (fixture->store, fixture->library_id, EDITOR_NAME,
                                                        "Which weekdays exactly?", -1, -1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (note);
  }
  WAIT_FOR (has_label_containing (GTK_WIDGET (sidebar), "In Review · 1 note"), 10, "the note count on the row");
  g_assert_false (has_label_containing (GTK_WIDGET (sidebar), "Draft · 1 note"));
}

typedef gboolean (*RowMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkWidget *prefs;
  GtkWidget *row;
  g_autofree char *author = NULL;

  /* The budgets follow the settings. */
  g_assert_cmpuint (byline_editor_pane_get_headline_budget (editor), ==, 70);
  g_assert_cmpuint (byline_editor_pane_get_caption_budget (editor), ==, 250);
  g_settings_set_uint (fixture->settings, "headline-budget", 55);
  g_assert_cmpuint (byline_editor_pane_get_headline_budget (editor), ==, 55);

  /* The name: from Preferences, else the account's. */
  author = byline_window_dup_author (fixture->window);
  g_assert_cmpstr (author, ==, EDITOR_NAME);
  g_clear_pointer (&author, g_free);
  g_settings_set_string (fixture->settings, "author-name", "  ");
  author = byline_window_dup_author (fixture->window);
  g_assert_cmpstr (author, !=, "");
  g_assert_cmpstr (author, !=, "  ");
  g_clear_pointer (&author, g_free);

  prefs = byline_preferences_window_new (GTK_WINDOW (fixture->window), fixture->settings, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_FOR (gtk_widget_get_mapped (prefs), 10, "Preferences to show");

  /* Typing the name writes the setting the window reads. */
  row = byline_ui_test_find_descendant (prefs, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Jon Pereira");
  author = byline_window_dup_author (fixture->window);
  g_assert_cmpstr (author, ==, "Jon Pereira");

  /* The spin buttons show the budgets, and set them. */
  {
    GtkWidget *spin_button = byline_ui_test_find_descendant (prefs, GTK_TYPE_SPIN_BUTTON);

    g_assert_nonnull (spin_button);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin_button)), ==, 55);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 64);
    g_assert_cmpuint (g_settings_get_uint (fixture->settings, "headline-budget"), ==, 64);
    g_assert_cmpuint (byline_editor_pane_get_headline_budget (editor), ==, 64);
  }

  /* Appearance */
  {
    GtkWidget *combo = find_row_titled (prefs, "Style");

    g_assert_nonnull (combo);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
    g_assert_cmpint (g_settings_get_enum (fixture->settings, "style"), ==, 2);
    g_settings_set_enum (fixture->settings, "style", 1);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static gboolean
publication_language_is (BylineStore *store,
                         const char  *language)
{
  g_autoptr(BylinePublication) publication = byline_store_load_publication (store, NULL, NULL);

  return publication != NULL && g_strcmp0 (publication->language, language) == 0;
}

/* The masthead is the newsroom's: what Preferences set is what every desk
 * previews, and Preferences say which newsroom is open. */
static void
test_preferences_masthead (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BylineStore) other_desk = NULL;
  g_autoptr(BylinePublication) seen_there = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs;
  GtkWidget *row;
  g_autofree char *file_name = g_filename_display_name (byline_store_get_path (fixture->store));

  prefs = byline_preferences_window_new (GTK_WINDOW (fixture->window), fixture->settings, fixture->store);
  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_FOR (gtk_widget_get_mapped (prefs), 10, "Preferences to show");

  row = find_row_titled (prefs, "Open Newsroom");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, file_name);

  row = find_row_titled (prefs, "Publication Name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Harbour Herald");

  /* Written once typing pauses, for every desk; this window's preview
   * follows. */
  WAIT_FOR (g_strcmp0 (byline_preview_get_publication (_byline_window_get_preview (fixture->window))->name,
                       "Harbour Herald") == 0, 5, "the preview's masthead to follow");
  other_desk = byline_store_new (byline_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  seen_there = byline_store_load_publication (other_desk, NULL, &error);
  g_assert_cmpstr (seen_there->name, ==, "Harbour Herald");

  /* The newsroom's language, chosen from the languages' own names: what
   * new articles are written in. */
  row = find_row_titled (prefs, "Publication Language");
  g_assert_nonnull (row);
  g_assert_cmpstr (byline_language_row_get_language (BYLINE_LANGUAGE_ROW (row)), ==, "en");
  {
    GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));

    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      {
        g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

        if (g_str_equal (gtk_string_object_get_string (choice), "Français (fr)"))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      }
  }
  WAIT_FOR (publication_language_is (other_desk, "fr"), 5, "the newsroom's language to be French");

  /* Smart punctuation reaches the editor. */
  row = find_row_titled (prefs, "Smart Punctuation");
  g_assert_nonnull (row);
  g_assert_false (byline_editor_pane_get_smart_punctuation (_byline_window_get_editor (fixture->window)));
  gtk_widget_activate (byline_ui_test_find_descendant (row, GTK_TYPE_SWITCH));
  /* The switch moves over before it turns on. */
  WAIT_FOR (g_settings_get_boolean (fixture->settings, "smart-punctuation"), 5, "smart punctuation on");
  g_assert_true (byline_editor_pane_get_smart_punctuation (_byline_window_get_editor (fixture->window)));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The words of the body underlined as misspelled, joined by "|", once the
 * check has run. */
static char *
dup_body_underlined (BylineEditorPane *editor)
{
  WAIT_FOR (!byline_editor_pane_is_spell_checking (editor), 10, "the spell check");
  return byline_ui_test_dup_tagged (GTK_TEXT_BUFFER (editor->body_buffer), "misspelled");
}

/* Preferences turn spell checking off and on: the editor's underlines go
 * and come back at once; the standfirst's budget has its own row. */
static void
test_preferences_spell_check (Fixture       *fixture,
                              gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  g_autoptr(BylineSpellChecker) english = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  GtkWidget *prefs;
  GtkWidget *row;
  GtkWidget *spell_switch;

  english = byline_spell_checker_new ("en", &error);
  if (english == NULL)
    {
      byline_test_skip_missing (error->message);
      return;
    }

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (editor->body_buffer),
                            "The councill met on Tuesday.", -1);
  found = dup_body_underlined (editor);
  g_assert_cmpstr (found, ==, "councill");
  g_clear_pointer (&found, g_free);

  prefs = byline_preferences_window_new (GTK_WINDOW (fixture->window), fixture->settings, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  WAIT_FOR (gtk_widget_get_mapped (prefs), 10, "Preferences to show");

  row = find_row_titled (prefs, "Check Spelling While Typing");
  g_assert_nonnull (row);
  spell_switch = byline_ui_test_find_descendant (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (spell_switch);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (spell_switch)));

  /* Off: the underline goes. */
  gtk_widget_activate (spell_switch);
  WAIT_FOR (!g_settings_get_boolean (fixture->settings, "spell-check"), 5, "spell checking off");
  found = dup_body_underlined (editor);
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);

  /* On again: it comes back. */
  gtk_widget_activate (spell_switch);
  WAIT_FOR (g_settings_get_boolean (fixture->settings, "spell-check"), 5, "spell checking on");
  found = dup_body_underlined (editor);
  g_assert_cmpstr (found, ==, "councill");
  g_clear_pointer (&found, g_free);

  /* The standfirst's budget is shown and set like the others. */
  row = find_row_titled (prefs, "Standfirst");
  g_assert_nonnull (row);
  {
    GtkWidget *spin_button = byline_ui_test_find_descendant (row, GTK_TYPE_SPIN_BUTTON);

    g_assert_nonnull (spin_button);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin_button)), ==,
                     (int) g_settings_get_uint (fixture->settings, "standfirst-budget"));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 420);
    g_assert_cmpuint (g_settings_get_uint (fixture->settings, "standfirst-budget"), ==, 420);
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A word another desk adds to the newsroom dictionary stops being
 * underlined in an open window, without reopening anything. */
static void
test_dictionary_from_another_desk (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  g_autoptr(BylineSpellChecker) english = NULL;
  g_autoptr(BylineStore) other_desk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;

  english = byline_spell_checker_new ("en", &error);
  if (english == NULL)
    {
      byline_test_skip_missing (error->message);
      return;
    }

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (editor->body_buffer),
                            "Mayor Okonkwo met Ms Brathwaite.", -1);
  found = dup_body_underlined (editor);
  g_assert_cmpstr (found, ==, "Okonkwo|Brathwaite");
  g_clear_pointer (&found, g_free);

  /* As the application does for its newsroom. */
  g_assert_true (byline_store_watch_changes (fixture->store, &error));
  g_assert_no_error (error);
  other_desk = byline_store_new (byline_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  g_assert_true (byline_store_add_to_dictionary (other_desk, "Okonkwo", &error));
  g_assert_no_error (error);

  timeout_id = g_timeout_add_seconds (10, byline_test_timeout_cb, &timed_out);
  while (!timed_out)
    {
      found = dup_body_underlined (editor);
      if (g_strcmp0 (found, "Brathwaite") == 0)
        break;
      g_clear_pointer (&found, g_free);
      g_main_context_iteration (NULL, TRUE);
    }
  if (timed_out)
    g_error ("The window did not take the other desk's word within 10 s");
  g_source_remove (timeout_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = byline_ui_test_app_new ("io.github.bylinedesk.Byline.ReviewUiTest");

#define ADD(name, func) \
  g_test_add ("/byline/review-ui/" name, Fixture, app, fixture_set_up, func, fixture_tear_down)

  ADD ("state-menu-lists-allowed-steps", test_state_menu_lists_allowed_steps);
  ADD ("set-status-records-author", test_set_status_records_author);
  ADD ("check-before-approve-and-publish", test_check_before_approve_and_publish);
  ADD ("check-panel", test_check_panel);
  ADD ("spike-asks-first", test_spike_asks_first);
  ADD ("publish-sets-published-time", test_publish_sets_published_time);
  ADD ("publish-asks-about-unpublished-links", test_publish_asks_about_unpublished_links);
  ADD ("save-revision-action", test_save_revision_action);
  ADD ("autosave-keeps-first-revision", test_autosave_keeps_first_revision);
  ADD ("history-lists-and-diffs", test_history_lists_and_diffs);
  ADD ("history-empty", test_history_empty);
  ADD ("history-counts-as-status-line", test_history_counts_as_status_line);
  ADD ("restore-revision", test_restore_revision);
  ADD ("sidebar-counts", test_sidebar_counts);
  ADD ("preferences", test_preferences);
  ADD ("preferences-masthead", test_preferences_masthead);
  ADD ("preferences-spell-check", test_preferences_spell_check);
  ADD ("dictionary-from-another-desk", test_dictionary_from_another_desk);

#undef ADD

  return g_test_run ();
}
