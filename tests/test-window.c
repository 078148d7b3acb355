/* test-window.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <link.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <json-glib/json-glib.h>

#include "byline-article-list.h"
#include "byline-editor-pane-private.h"
#include "byline-exporter.h"
#include "byline-pin.h"
#include "byline-review.h"
#include "byline-preview-private.h"
#include "byline-store.h"
#include "byline-ui-test-util.h"
#include "byline-window-private.h"

typedef struct
{
  char           *dir;
  BylineStore    *store;
  GSettings      *settings;
  GtkApplication *app;
  BylineWindow   *window;
} Fixture;

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
  fixture->store = byline_ui_test_store_new ("byline-window-XXXXXX", &fixture->dir);

  add_article (fixture->store, "Tram depot plans go on show", "The exhibition runs all week.", BYLINE_STATUS_DRAFT);
  add_article (fixture->store, "Harbour festival returns", "Music on the quay.", BYLINE_STATUS_PUBLISHED);
  add_article (fixture->store, "Library extends opening hours", "Open until nine on weekdays.", BYLINE_STATUS_IN_REVIEW);

  fixture->settings = g_settings_new (APP_ID);
  /* One registered application serves every test: a second one could not
   * take the same object path on the session bus. */
  fixture->app = g_object_ref (GTK_APPLICATION ((gpointer)user_data));

  fixture->window = byline_window_new (fixture->app, fixture->store, fixture->settings);
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 50);
  byline_ui_test_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  byline_ui_test_close (fixture->window);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);

  byline_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
xpath_text (const char *html,
            const char *expr)
{
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression ((const xmlChar *)expr, ctx);
  char *text = NULL;

  if (obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (obj->nodesetval->nodeTab[0]);
      text = g_strdup ((const char *)content);
      xmlFree (content);
    }

  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  return text;
}

static gboolean
preview_shows (BylinePreview *preview,
               const char    *expr,
               const char    *expected)
{
  const char *html = byline_preview_get_html (preview);
  g_autofree char *text = NULL;

  if (html == NULL)
    return FALSE;

  text = xpath_text (html, expr);
  return g_strcmp0 (text, expected) == 0;
}

static gboolean
stored_headline_is (BylineStore *store,
                    gint64       id,
                    const char  *expected)
{
  g_autoptr(BylineArticle) article = byline_store_load_article (store, id, NULL);

  return article != NULL && g_strcmp0 (byline_article_get_headline (article), expected) == 0;
}

static gboolean
stored_image_is_kept (BylineStore *store,
                      gint64       id)
{
  g_autoptr(BylineArticle) article = byline_store_load_article (store, id, NULL);

  return article != NULL && byline_media_parse_reference (byline_article_get_image (article), NULL, NULL);
}

/* The preview's lead img, once it shows one. */
static gboolean
preview_has_lead_image (BylinePreview *preview)
{
  const char *html = byline_preview_get_html (preview);
  g_autofree char *src = html != NULL ? xpath_text (html, "//figure//img/@src") : NULL;

  return src != NULL && *src != '\0';
}

/* A lead picture chosen in the window (what the chooser's answer does) is
 * kept in the newsroom with the article, and the preview shows the kept
 * bytes once the file it came from is gone. */
static void
test_choose_lead_picture (Fixture       *fixture,
                          gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  BylinePreview *preview = _byline_window_get_preview (fixture->window);
  BylineArticle *article = byline_window_get_article (fixture->window);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "samples", "media", "red.png", NULL);
  g_autofree char *picture = g_build_filename (fixture->dir, "harbour.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (picture);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *src = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *kept = NULL;
  gsize length = 0, kept_length = 0;
  gint64 id = byline_article_get_id (article);

  g_assert_true (g_file_get_contents (sample, &contents, &length, &error));
  g_assert_true (g_file_set_contents (picture, contents, length, &error));
  g_assert_no_error (error);

  g_assert_true (_byline_editor_pane_take_image_file (editor, article, file));
  g_assert_cmpint (g_unlink (picture), ==, 0);

  WAIT_FOR (stored_image_is_kept (fixture->store, id), 5, "the picture's reference in the store");
  byline_preview_refresh (preview);
  WAIT_FOR (preview_has_lead_image (preview), 30, "the preview's lead picture");
  src = xpath_text (byline_preview_get_html (preview), "//figure//img/@src");
  /* The preview's own copy of the kept bytes, not the file chosen. */
  g_assert_null (strstr (src, "harbour.png"));
  kept_path = g_filename_from_uri (src, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kept_path, &kept, &kept_length, &error));
  g_assert_cmpmem (kept, kept_length, contents, length);
  g_unlink (kept_path);
}

static int
find_webkit_cb (struct dl_phdr_info *info,
                size_t               size,
                void                *data)
{
  return info->dlpi_name != NULL && strstr (info->dlpi_name, "/libwebkitgtk-6.0.so") != NULL;
}

/* Whether WebKitGTK is loaded in this process. */
static gboolean
webkit_is_loaded (void)
{
  return dl_iterate_phdr (find_webkit_cb, NULL) != 0;
}

typedef struct
{
  BylinePreview *preview;
  guint          without_webkit;
} Paints;

static void
on_after_paint (GdkFrameClock *frame_clock,
                Paints        *paints)
{
  if (!webkit_is_loaded ())
    paints->without_webkit++;
}

/* The first test of the program, so nothing has loaded WebKitGTK yet. */
static void
test_webkit_after_first_frame (Fixture       *fixture,
                               gconstpointer  user_data)
{
  BylinePreview *preview = _byline_window_get_preview (fixture->window);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  Paints paints = { preview, 0 };

  /* Neither the program nor its window, shown, loads WebKitGTK... */
  g_assert_false (webkit_is_loaded ());
  g_assert_null (_byline_preview_get_web_view (preview));

  /* ...the window paints without it, then the preview loads it. */
  g_assert_nonnull (frame_clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &paints);
  WAIT_FOR (_byline_preview_get_web_view (preview) != NULL, 30, "the preview's web view");
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, &paints);

  g_assert_cmpuint (paints.without_webkit, >=, 1);
  g_assert_true (webkit_is_loaded ());
  g_assert_true (gtk_widget_is_ancestor (_byline_preview_get_web_view (preview), GTK_WIDGET (preview)));
  g_assert_false (_byline_preview_is_unavailable (preview));
}

static void
test_builds_and_opens_newest (Fixture       *fixture,
                              gconstpointer  user_data)
{
  BylineArticle *article = byline_window_get_article (fixture->window);
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);

  /* The newest article is open, and its headline is in the window title. */
  g_assert_nonnull (article);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Library extends opening hours");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Library extends opening hours — Byline");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (byline_sidebar_get_list (sidebar))), ==, 3);
  g_assert_cmpint (byline_sidebar_get_selected_id (sidebar), ==, byline_article_get_id (article));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "open-article"), ==, byline_article_get_id (article));
}

static void
test_typing_saves_and_previews (Fixture       *fixture,
                                gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  BylinePreview *preview = _byline_window_get_preview (fixture->window);
  BylineArticle *article = byline_window_get_article (fixture->window);
  GtkWidget *headline = _byline_editor_pane_get_field (editor, "Headline");
  GtkWidget *body = _byline_editor_pane_get_field (editor, "Body");
  GtkTextBuffer *buffer;
  GtkTextIter end;
  gint64 id = byline_article_get_id (article);

  g_assert_true (GTK_IS_TEXT_VIEW (headline));
  g_assert_true (GTK_IS_TEXT_VIEW (body));

  byline_ui_test_set_field_text (headline, "Library opens on Sundays too");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\nVolunteers will staff the reading room.", -1);

  /* Saved without a Save button... */
  WAIT_FOR (stored_headline_is (fixture->store, id, "Library opens on Sundays too"), 5, "the headline in the store");
  {
    g_autoptr(BylineArticle) stored = byline_store_load_article (fixture->store, id, NULL);
    g_assert_nonnull (strstr (byline_article_get_body (stored), "Volunteers will staff the reading room."));
  }

  /* ...shown in the preview's published layout... */
  WAIT_FOR (preview_shows (preview, "//h1[contains(@class,'headline')]", "Library opens on Sundays too"),
            30, "the preview's h1");
  {
    g_autofree char *para = xpath_text (byline_preview_get_html (preview),
                                        "//div[contains(@class,'body')]/p[2]");
    g_assert_cmpstr (para, ==, "Volunteers will staff the reading room.");
  }

  /* ...and in the window title and the list. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Library opens on Sundays too — Byline");
}

static void
assert_xpath (const char *html,
              const char *expr,
              const char *expected)
{
  g_autofree char *text = xpath_text (html, expr);

  g_assert_cmpstr (text, ==, expected);
}

/* An Arabic article from start to finish: pasted text imported in
 * Arabic, edited right to left, previewed and exported as an Arabic page,
 * and described as Arabic in ninjs. */
static void
test_arabic_end_to_end (Fixture       *fixture,
                        gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  BylinePreview *preview = _byline_window_get_preview (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "port.txt", NULL);
  g_autofree char *page_path = g_build_filename (fixture->dir, "port.html", NULL);
  g_autofree char *ninjs_path = g_build_filename (fixture->dir, "port.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(GFile) ninjs_file = g_file_new_for_path (ninjs_path);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ninjs = NULL;
  g_autofree char *page = NULL;
  g_autofree char *ninjs_text = NULL;
  g_autofree char *mixed = NULL;
  GtkTextBuffer *body;
  GtkTextIter end;
  BylineArticle *article;
  const char *body_html;
  gint64 id;

  g_file_set_contents (path,
                       "مجلس الميناء يوافق على تعميق الحوض الشرقي\n"
                       "\n"
                       "صوّت مجلس الميناء مساء الثلاثاء بأغلبية خمسة أصوات مقابل صوتين على تعميق الحوض الشرقي.\n"
                       "\n"
                       "وقال رئيس المجلس إن العمل سيبدأ في أبريل.\n",
                       -1, &error);
  g_assert_no_error (error);

  /* Imported: Arabic, and open in the editor, right to left. */
  byline_window_import_files (fixture->window, &file, 1);
  article = byline_window_get_article (fixture->window);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "مجلس الميناء يوافق على تعميق الحوض الشرقي");
  g_assert_cmpstr (byline_article_get_language (article), ==, "ar");
  g_assert_cmpint (gtk_widget_get_direction (_byline_editor_pane_get_field (editor, "Body")), ==,
                   GTK_TEXT_DIR_RTL);
  id = byline_article_get_id (article);
  stored = byline_store_load_article (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (stored), ==, "ar");

  /* Edited: a sentence with an English name in it. */
  body = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_byline_editor_pane_get_field (editor, "Body")));
  gtk_text_buffer_get_end_iter (body, &end);
  gtk_text_buffer_insert (body, &end, "\n\nوستتولى شركة Harbour Works Ltd أعمال الحفر.", -1);

  /* Previewed: an Arabic page, right to left, the English name isolated
   * in its place, no drop cap. */
  WAIT_FOR (preview_shows (preview, "//div[contains(@class,'body')]/p[3]",
                           "وستتولى شركة Harbour Works Ltd أعمال الحفر."),
            30, "the edited paragraph in the preview");
  assert_xpath (byline_preview_get_html (preview), "/html/@dir", "rtl");
  mixed = xpath_text (byline_preview_get_html (preview), "//div[contains(@class,'body')]/p[3]/bdi");
  g_assert_cmpstr (mixed, ==, "Harbour Works Ltd");
  assert_xpath (byline_preview_get_html (preview), "//div[contains(@class,'drop-cap')]", NULL);

  /* Exported: the same page, and ninjs in Arabic. */
  g_assert_true (byline_window_save_now (fixture->window, &error));
  g_assert_no_error (error);
  g_assert_true (byline_export_article (fixture->store, article, fixture->window->publication,
                                        BYLINE_EXPORT_FORMAT_HTML, page_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (page_path, &page, NULL, &error));
  assert_xpath (page, "/html/@lang", "ar");
  assert_xpath (page, "/html/@dir", "rtl");
  assert_xpath (page, "//div[contains(@class,'body')]/p[3]/bdi", "Harbour Works Ltd");

  g_assert_true (byline_export_article (fixture->store, article, fixture->window->publication,
                                        BYLINE_EXPORT_FORMAT_NINJS, ninjs_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ninjs_path, &ninjs_text, NULL, &error));
  ninjs = json_from_string (ninjs_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (ninjs), "language"), ==, "ar");
  body_html = json_object_get_string_member (json_array_get_object_element (
                json_object_get_array_member (json_node_get_object (ninjs), "bodies"), 0), "value");
  g_assert_nonnull (strstr (body_html, "<bdi>Harbour Works Ltd</bdi>"));
}

static void
test_trash_and_restore (Fixture       *fixture,
                        gconstpointer  user_data)
{
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  BylineArticleList *list = byline_sidebar_get_list (sidebar);
  BylineArticleQuery trash = BYLINE_ARTICLE_QUERY_INIT;
  gint64 id = byline_article_get_id (byline_window_get_article (fixture->window));

  trash.trashed = TRUE;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash-article", NULL);
  g_assert_cmpuint (byline_store_count_articles (fixture->store, &trash, NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  /* The next article opens in its place. */
  g_assert_nonnull (byline_window_get_article (fixture->window));
  g_assert_cmpint (byline_article_get_id (byline_window_get_article (fixture->window)), !=, id);

  byline_sidebar_set_show_trash (sidebar, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(BylineArticleSummary) row = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (byline_article_summary_get_id (row), ==, id);
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-article", "x", id);
  g_assert_false (byline_sidebar_get_show_trash (sidebar));
  g_assert_cmpuint (byline_store_count_articles (fixture->store, &trash, NULL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpint (byline_article_get_id (byline_window_get_article (fixture->window)), ==, id);
}

static void
test_search_filter (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  BylineArticleList *list = byline_sidebar_get_list (sidebar);
  GtkWidget *entry = byline_ui_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(BylineArticleSummary) row = NULL;

  g_assert_nonnull (entry);

  /* Words from the body find the article, through the full-text index. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "quay");
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (list)) == 1, 5, "the search to narrow the list");
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (byline_article_summary_get_headline (row), ==, "Harbour festival returns");

  gtk_editable_set_text (GTK_EDITABLE (entry), "nothing-matches-this");
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0, 5, "an empty result");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (list)) == 3, 5, "the full list back");

  /* The state filter narrows the same list. */
  byline_article_list_set_status (list, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_new_article (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  BylineArticleList *list = byline_sidebar_get_list (sidebar);
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkWidget *headline = _byline_editor_pane_get_field (editor, "Headline");
  g_autofree char *shown = NULL;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article", NULL);
  id = byline_article_get_id (byline_window_get_article (fixture->window));
  g_assert_cmpint (id, >, 0);
  shown = byline_ui_test_dup_field_text (headline);
  g_assert_cmpstr (shown, ==, "");
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (list)) == 4, 5, "the new row");

  byline_ui_test_set_field_text (headline, "Night buses return");
  WAIT_FOR (stored_headline_is (fixture->store, id, "Night buses return"), 5, "the new headline saved");
}

/* The byline of a new article, and the author of its notes and revisions,
 * is the name set in Preferences, not the account's. */
static void
test_new_article_your_name (Fixture       *fixture,
                            gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkWidget *byline = _byline_editor_pane_get_field (editor, "Byline");
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  BylineArticle *article;

  g_settings_set_string (fixture->settings, "author-name", "  Tom Okafor ");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article", NULL);
  article = byline_window_get_article (fixture->window);
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Tom Okafor");
  shown = byline_ui_test_dup_field_text (byline);
  g_assert_cmpstr (shown, ==, "Tom Okafor");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-revision", NULL);
  revisions = byline_store_list_revisions (fixture->store, byline_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, >=, 1);
  g_assert_cmpstr (byline_revision_get_author (g_ptr_array_index (revisions, 0)), ==, "Tom Okafor");

  /* Without one, never GLib's "Unknown". */
  g_settings_set_string (fixture->settings, "author-name", "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article", NULL);
  article = byline_window_get_article (fixture->window);
  g_assert_cmpstr (byline_article_get_byline (article), !=, "Unknown");
  g_assert_cmpstr (byline_article_get_byline (article), !=, "");
}

static void
test_open_article_action (Fixture       *fixture,
                          gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  GtkWidget *headline = _byline_editor_pane_get_field (editor, "Headline");
  gint64 library_id = byline_article_get_id (byline_window_get_article (fixture->window));
  gint64 harbour_id = byline_store_find_by_headline (fixture->store, "Harbour festival returns", NULL);
  g_autofree char *shown = NULL;

  g_assert_cmpint (harbour_id, >, 0);
  g_assert_cmpint (harbour_id, !=, library_id);

  /* Typed, and not written yet when the other article is asked for. */
  byline_ui_test_set_field_text (headline, "Library opens on Sundays");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-article", "x", harbour_id);

  shown = byline_ui_test_dup_field_text (headline);
  g_assert_cmpstr (shown, ==, "Harbour festival returns");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Harbour festival returns — Byline");
  g_assert_cmpint (byline_sidebar_get_selected_id (sidebar), ==, harbour_id);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "open-article"), ==, harbour_id);
  /* What was typed in the article left went to disk first. */
  g_assert_true (stored_headline_is (fixture->store, library_id, "Library opens on Sundays"));

  /* An article that is not there: the open one stays. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-article", "x", (gint64) 999999);
  g_clear_pointer (&shown, g_free);
  shown = byline_ui_test_dup_field_text (headline);
  g_assert_cmpstr (shown, ==, "Harbour festival returns");
  g_assert_cmpint (byline_article_get_id (byline_window_get_article (fixture->window)), ==, harbour_id);

  /* Back again through the same path. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-article", "x", library_id);
  g_clear_pointer (&shown, g_free);
  shown = byline_ui_test_dup_field_text (headline);
  g_assert_cmpstr (shown, ==, "Library opens on Sundays");
}

/* Ctrl+F and Ctrl+Shift+H (win.find, win.find-replace) from outside the
 * body: the body's find bar shows, with the focus in it; the replace row
 * only for the second. */
static void
test_find_actions (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  BylineFindBar *bar = byline_editor_pane_get_find_bar (editor);
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (bar), GTK_TYPE_REVEALER);
  GtkRevealer *replace = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (bar), BYLINE_TYPE_FIND_BAR,
                                                                      "replace_revealer"));

  gtk_widget_grab_focus (_byline_editor_pane_get_field (editor, "Headline"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (gtk_revealer_get_reveal_child (replace));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (bar)));

  gtk_widget_grab_focus (_byline_editor_pane_get_field (editor, "Headline"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-replace", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (replace));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (bar)));
}

static void
test_save_now_action (Fixture       *fixture,
                      gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkWidget *headline = _byline_editor_pane_get_field (editor, "Headline");
  BylineAutosave *autosave = _byline_window_get_autosave (fixture->window);
  gint64 id = byline_article_get_id (byline_window_get_article (fixture->window));

  /* No timer will write this: only Save Now (Ctrl+S). */
  byline_autosave_set_delay (autosave, 60000);
  byline_ui_test_set_field_text (headline, "Library opens on Sundays");
  g_assert_true (byline_autosave_get_dirty (autosave));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-now", NULL);
  WAIT_FOR (stored_headline_is (fixture->store, id, "Library opens on Sundays"), 5, "Save Now to write");
  WAIT_FOR (!byline_autosave_get_dirty (autosave), 5, "the article to be clean");
}

static void
test_typed_date_saved_on_quit (Fixture       *fixture,
                               gconstpointer  user_data)
{
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkWidget *published = _byline_editor_pane_get_field (editor, "Published");
  gint64 id = byline_article_get_id (byline_window_get_article (fixture->window));
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* A date typed and never confirmed with Enter, then Ctrl+Q at once. */
  gtk_editable_set_text (GTK_EDITABLE (published), "March 3, 2023 at 9:05 am");
  g_assert_true (byline_window_save_now (fixture->window, &error));
  g_assert_no_error (error);

  stored = byline_store_load_article (fixture->store, id, &error);
  g_assert_cmpint (byline_article_get_published (stored), ==, 1677834300);
}

/* Whether @pane is on screen, fully inside the window and wide enough to
 * use. */
static gboolean
pane_on_screen (BylineWindow *window,
                GtkWidget    *pane)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (pane) || !gtk_widget_get_child_visible (pane) ||
      !gtk_widget_compute_bounds (pane, GTK_WIDGET (window), &bounds))
    return FALSE;

  return bounds.size.width >= 200 && bounds.size.height >= 200 &&
         bounds.origin.x >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window)) + 1;
}

static gboolean
toggle_shows (BylineWindow *window,
              const char   *property)
{
  gboolean shown = FALSE;

  g_object_get (window, property, &shown, NULL);
  return shown;
}

/* A new window @width pixels wide in place of the fixture's: with no window
 * manager here, a shown window cannot be resized; a new one starts at the
 * size in the settings. The screen may leave it a few pixels narrower (the
 * decorations' margins). */
static BylineWindow *
reopen_window (Fixture *fixture,
               int      width)
{
  byline_ui_test_close (fixture->window);
  g_settings_set_int (fixture->settings, "window-width", width);
  g_settings_set_int (fixture->settings, "window-height", 820);
  fixture->window = byline_window_new (fixture->app, fixture->store, fixture->settings);
  byline_ui_test_present (fixture->window);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 0 && fixture->window->panes_id == 0 &&
            fixture->window->layout_width > 0,
            10, "the window to be laid out");
  byline_ui_test_spin_idle ();
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (fixture->window)) - width), <=, 20);

  return fixture->window;
}

static void
test_panes_toggle_and_persist (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkWidget *preview = GTK_WIDGET (_byline_window_get_preview (fixture->window));
  GtkWidget *sidebar = GTK_WIDGET (_byline_window_get_sidebar (fixture->window));

  WAIT_FOR (pane_on_screen (fixture->window, preview), 5, "the preview to show");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-preview", NULL);
  WAIT_FOR (!pane_on_screen (fixture->window, preview), 5, "the preview to go");
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-preview"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  WAIT_FOR (!pane_on_screen (fixture->window, sidebar), 5, "the articles to go");
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-sidebar"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-preview", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sidebar", NULL);
  WAIT_FOR (pane_on_screen (fixture->window, preview), 5, "the preview to show");
  WAIT_FOR (pane_on_screen (fixture->window, sidebar), 5, "the articles to show");
  g_assert_true (g_settings_get_boolean (fixture->settings, "show-preview"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "show-sidebar"));
}

/* At every width each pane is reachable by its action (its button and
 * shortcut), and the buttons say what shows. */
static void
test_panes_at_widths (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const int widths[] = { 1280, 960, 720, 480 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      BylineWindow *window = reopen_window (fixture, widths[i]);
      GtkWidget *sidebar = GTK_WIDGET (_byline_window_get_sidebar (window));
      GtkWidget *preview = GTK_WIDGET (_byline_window_get_preview (window));
      GtkWidget *editor = GTK_WIDGET (_byline_window_get_editor (window));
      GtkWidget *body = _byline_editor_pane_get_field (BYLINE_EDITOR_PANE (editor), "Body");

      g_test_message ("window %d px wide", widths[i]);

      /* The editor first, whatever else shows. */
      g_assert_true (pane_on_screen (window, editor));
      g_assert_cmpint (toggle_shows (window, "show-sidebar"), ==, pane_on_screen (window, sidebar));
      g_assert_cmpint (toggle_shows (window, "show-preview"), ==, pane_on_screen (window, preview));

      /* The articles, by their button's action (F9)... */
      if (!toggle_shows (window, "show-sidebar"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
      WAIT_FOR (pane_on_screen (window, sidebar), 5, "the articles to show");
      g_assert_true (toggle_shows (window, "show-sidebar"));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
      WAIT_FOR (!pane_on_screen (window, sidebar), 5, "the articles to go");
      g_assert_false (toggle_shows (window, "show-sidebar"));

      /* ...the preview, by its button's action (Ctrl+Shift+P)... */
      if (!toggle_shows (window, "show-preview"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL);
      WAIT_FOR (pane_on_screen (window, preview), 5, "the preview to show");
      g_assert_true (toggle_shows (window, "show-preview"));
      if (widths[i] >= 720)
        g_assert_true (pane_on_screen (window, editor));

      /* ...and back to the body (Ctrl+Shift+B), the editor on screen. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-body", NULL);
      WAIT_FOR (pane_on_screen (window, editor), 5, "the editor to come back");
      g_assert_true (gtk_widget_has_focus (body));

      /* Leave the wide window's choices as they were: both shown. */
      if (widths[i] >= 960)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
          WAIT_FOR (pane_on_screen (window, sidebar), 5, "the articles back");
        }
    }

  g_assert_true (g_settings_get_boolean (fixture->settings, "show-sidebar"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "show-preview"));
}

/* The buttons say the panes show from the start; the preview starts with
 * its share of the room, and the width the person gives it is kept. */
static void
test_pane_buttons_and_preview_width (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  BylineWindow *window = reopen_window (fixture, 1280);
  GtkWidget *sidebar_button = byline_ui_test_find_action (GTK_WIDGET (window), "win.show-sidebar");
  GtkWidget *preview_button = byline_ui_test_find_action (GTK_WIDGET (window), "win.show-preview");
  GtkWidget *preview = GTK_WIDGET (_byline_window_get_preview (window));
  GtkPaned *paned = window->inner_paned;
  g_autoptr(BylineWindow) closed = NULL;
  int width;

  g_assert_true (GTK_IS_TOGGLE_BUTTON (sidebar_button));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (preview_button));

  WAIT_FOR (fixture->window->preview_width_applied, 5, "the preview's width");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sidebar_button)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (preview_button)));

  /* Its share, not its minimum, from the next frame on: the width is set
   * in one layout and taken in the next, which a busy machine can hold up. */
  WAIT_FOR (gtk_widget_get_width (preview) >= 380 && gtk_widget_get_width (preview) <= 520, 5,
            "the preview to take its share of the room");

  /* A width given by dragging is the one the next window starts with. */
  gtk_paned_set_position (paned, gtk_widget_get_width (GTK_WIDGET (paned)) - 600);
  WAIT_FOR (ABS (gtk_widget_get_width (preview) - 600) <= 2, 5, "the preview 600 px wide");
  width = gtk_widget_get_width (preview);
  closed = g_object_ref (fixture->window);
  gtk_window_close (GTK_WINDOW (closed));
  byline_ui_test_spin_idle ();
  g_assert_cmpint (g_settings_get_int (fixture->settings, "preview-width"), ==, width);

  fixture->window = byline_window_new (fixture->app, fixture->store, fixture->settings);
  byline_ui_test_present (fixture->window);
  WAIT_FOR (fixture->window->preview_width_applied, 5, "the preview's width");
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (_byline_window_get_preview (fixture->window))) == width, 5,
            "the preview to start as wide as it was left");
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               label);

  return error == NULL;
}

/* The list of articles (the Related page has a list view too). */
static GtkWidget *
find_article_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && has_label (widget, "Articles"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_article_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The row of @list_view a screen reader would name @label, if shown. */
static GtkWidget *
find_row_named (GtkWidget  *list_view,
                const char *label)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (has_label (row, label))
        return row;
    }

  return NULL;
}

/* The article list from the keyboard and for a screen reader. */
static void
test_sidebar_keyboard (Fixture       *fixture,
                       gconstpointer  user_data)
{
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  BylineEditorPane *editor = _byline_window_get_editor (fixture->window);
  GtkWidget *list_view = find_article_list_view (GTK_WIDGET (sidebar));
  GtkWidget *search = byline_ui_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *drop_down = byline_ui_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_DROP_DOWN);
  GtkWidget *drop_down_button;
  GtkWidget *focus;
  g_autoptr(GListModel) controllers = NULL;
  gint64 harbour_id = byline_store_find_by_headline (fixture->store, "Harbour festival returns", NULL);
  guint position;

  g_assert_nonnull (list_view);
  g_assert_nonnull (search);
  g_assert_nonnull (drop_down);

  /* Rows are named by headline and state. */
  WAIT_FOR (find_row_named (list_view, "Harbour festival returns, Published") != NULL, 5,
            "the Harbour row to be named");
  g_assert_nonnull (find_row_named (list_view, "Library extends opening hours, In Review"));

  /* The state filter is named where the focus lands: its toggle button. */
  drop_down_button = byline_ui_test_find_descendant (drop_down, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (drop_down_button);
  g_assert_true (has_label (drop_down_button, "Status filter"));

  /* Enter on a row opens the article and moves on to its body. */
  position = byline_article_list_find (byline_sidebar_get_list (sidebar), harbour_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", position);
  g_assert_cmpint (byline_article_get_id (byline_window_get_article (fixture->window)), ==, harbour_id);
  g_assert_true (gtk_widget_has_focus (_byline_editor_pane_get_field (editor, "Body")));

  /* Down in the search field goes to the results. */
  byline_sidebar_focus_search (sidebar);
  controllers = gtk_widget_observe_controllers (search);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    }
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list_view));
}

/* One long word in a headline does not widen the sidebar. */
static void
test_long_headline_word (Fixture       *fixture,
                         gconstpointer  user_data)
{
  BylineSidebar *sidebar = _byline_window_get_sidebar (fixture->window);
  GtkWidget *list_view = find_article_list_view (GTK_WIDGET (sidebar));
  g_autofree char *word = g_strnfill (200, 'W');
  g_autofree char *name = g_strdup_printf ("%s, Draft", word);
  int before_min, before_nat, min, nat;

  gtk_widget_measure (GTK_WIDGET (sidebar), GTK_ORIENTATION_HORIZONTAL, -1, &before_min, &before_nat, NULL, NULL);
  add_article (fixture->store, word, "Body.", BYLINE_STATUS_DRAFT);
  WAIT_FOR (find_row_named (list_view, name) != NULL, 5, "the long headline in the list");

  gtk_widget_measure (GTK_WIDGET (sidebar), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, before_min);
  g_assert_cmpint (nat, <=, MAX (before_nat, 300));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (sidebar)), <=, 300);
}

/* Nothing between the header bar and the panes, a Notes button that looks
 * like the others, a banner button named without its mnemonic. */
static void
test_header_glitches (Fixture       *fixture,
                      gconstpointer  user_data)
{
  BylineWindow *window = fixture->window;
  GtkWidget *try_again = byline_ui_test_find_action (GTK_WIDGET (window), "win.save-now");
  graphene_rect_t header;
  graphene_rect_t panes;

  WAIT_FOR (gtk_widget_get_height (GTK_WIDGET (window->flap)) > 0, 5, "the panes to be laid out");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->progress_revealer)), ==, 0);
  g_assert_true (gtk_widget_compute_bounds (byline_ui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR),
                                            GTK_WIDGET (window), &header));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->flap), GTK_WIDGET (window), &panes));
  /* The panes start where the header bar ends. */
  g_assert_cmpfloat (fabs (panes.origin.y - (header.origin.y + header.size.height)), <=, 1);

  g_assert_false (gtk_menu_button_get_has_frame (window->notes_button));

  g_assert_nonnull (try_again);
  g_assert_true (has_label (try_again, "Try Again"));
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  return NULL;
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

/* A drag of the handle by @dx pixels, as the pointer would: begin, a move
 * half way, the rest, and the release, through the gesture's signals. */
static void
drag_handle (BylineWindow *window,
             double        dx)
{
  GtkGesture *drag = find_drag_gesture (_byline_window_get_sidebar_handle (window));

  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", 2.0, 300.0);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, 0.0);
  byline_ui_test_spin_idle ();
  g_signal_emit_by_name (drag, "drag-update", dx, 0.0);
  g_signal_emit_by_name (drag, "drag-end", dx, 0.0);
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_key_controller (widget), "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

static int
sidebar_width (BylineWindow *window)
{
  return gtk_widget_get_width (GTK_WIDGET (_byline_window_get_sidebar (window)));
}

/* The docked sidebar is resized by dragging its handle (or by the arrow
 * keys on it): live, within its limits and the room the editor and the
 * preview need, kept for the next window; and mirrored right to left. */
static void
test_sidebar_resize (Fixture       *fixture,
                     gconstpointer  user_data)
{
  BylineWindow *window;
  GtkWidget *handle;
  GtkWidget *sidebar;
  GtkWidget *editor;
  GtkWidget *preview;
  graphene_rect_t handle_bounds;
  graphene_rect_t sidebar_bounds;
  int narrowest = 0;
  int editor_min = 0;
  int preview_min = 0;
  int start;

  g_settings_set_int (fixture->settings, "sidebar-width", 300);
  window = reopen_window (fixture, 1280);
  handle = _byline_window_get_sidebar_handle (window);
  sidebar = GTK_WIDGET (_byline_window_get_sidebar (window));
  editor = GTK_WIDGET (_byline_window_get_editor (window));
  preview = GTK_WIDGET (_byline_window_get_preview (window));

  /* A pane separator on the sidebar's inner edge. */
  g_assert_nonnull (handle);
  WAIT_FOR (gtk_widget_get_mapped (handle) && sidebar_width (window) > 0, 5, "the handle to show");
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (handle)), ==, "col-resize");
  g_assert_true (gtk_widget_get_focusable (handle));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (handle)), ==, GTK_ACCESSIBLE_ROLE_SEPARATOR);
  g_assert_true (has_label (handle, "Resize Articles"));
  g_assert_true (gtk_widget_compute_bounds (handle, GTK_WIDGET (window), &handle_bounds));
  g_assert_true (gtk_widget_compute_bounds (sidebar, GTK_WIDGET (window), &sidebar_bounds));
  g_assert_cmpfloat (fabs (handle_bounds.origin.x - (sidebar_bounds.origin.x + sidebar_bounds.size.width)), <=, 1);
  g_assert_cmpint (sidebar_width (window), ==, 300);

  /* Live while dragged, saved once let go. */
  start = sidebar_width (window);
  {
    GtkGesture *drag = find_drag_gesture (handle);

    g_signal_emit_by_name (drag, "drag-begin", 2.0, 300.0);
    g_signal_emit_by_name (drag, "drag-update", 60.0, 0.0);
    WAIT_FOR (sidebar_width (window) == start + 60, 5, "the sidebar to widen while dragged");
    g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, 300);
    g_signal_emit_by_name (drag, "drag-end", 60.0, 0.0);
    g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, 360);
  }
  g_assert_true (pane_on_screen (window, editor));
  g_assert_true (pane_on_screen (window, preview));

  /* Within its limits. */
  drag_handle (window, 1000);
  WAIT_FOR (sidebar_width (window) == 480, 5, "the sidebar at its widest");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, 480);
  g_assert_true (pane_on_screen (window, editor));
  g_assert_true (pane_on_screen (window, preview));
  /* At its narrowest, what its search and filter row need, or the
   * limit where they need less; the width saved is the one shown. */
  drag_handle (window, -1000);
  gtk_widget_measure (gtk_widget_get_first_child (sidebar), GTK_ORIENTATION_HORIZONTAL, -1,
                      &narrowest, NULL, NULL, NULL);
  narrowest = MAX (narrowest, 240);
  g_assert_cmpint (narrowest, <, 300);
  WAIT_FOR (sidebar_width (window) == narrowest, 5, "the sidebar at its narrowest");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, narrowest);

  /* By keyboard, 16 pixels a press. */
  gtk_widget_grab_focus (handle);
  g_assert_true (gtk_widget_has_focus (handle));
  g_assert_true (press_key (handle, GDK_KEY_Right));
  WAIT_FOR (sidebar_width (window) == narrowest + 16, 5, "the sidebar to widen by a key");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, narrowest + 16);
  g_assert_true (press_key (handle, GDK_KEY_Left));
  g_assert_true (press_key (handle, GDK_KEY_Left));
  WAIT_FOR (sidebar_width (window) == narrowest, 5, "the sidebar to narrow by a key");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, narrowest);

  drag_handle (window, 370 - narrowest);
  WAIT_FOR (sidebar_width (window) == 370, 5, "the sidebar widened again");

  /* A new window opens at that width. */
  window = reopen_window (fixture, 1280);
  WAIT_FOR (sidebar_width (window) > 0, 5, "the sidebar to be laid out");
  g_assert_cmpint (sidebar_width (window), ==, 370);
  editor = GTK_WIDGET (_byline_window_get_editor (window));
  preview = GTK_WIDGET (_byline_window_get_preview (window));

  /* Never so wide that the editor and the preview could not stay side
   * by side: the sidebar stops short, nothing folds. */
  g_settings_set_int (fixture->settings, "sidebar-width", 300);
  gtk_widget_measure (editor, GTK_ORIENTATION_HORIZONTAL, -1, &editor_min, NULL, NULL, NULL);
  gtk_widget_measure (preview, GTK_ORIENTATION_HORIZONTAL, -1, &preview_min, NULL, NULL, NULL);
  /* Room for a sidebar of about 400 pixels beside them. */
  window = reopen_window (fixture, MAX (640, editor_min + preview_min + 24) + 400);
  editor = GTK_WIDGET (_byline_window_get_editor (window));
  preview = GTK_WIDGET (_byline_window_get_preview (window));
  g_assert_false (window->folded);
  drag_handle (window, 400);
  byline_ui_test_spin_idle ();
  WAIT_FOR (window->panes_id == 0, 5, "the panes to settle");
  g_assert_false (window->folded);
  WAIT_FOR (sidebar_width (window) > 300, 5, "the sidebar to widen");
  g_assert_cmpint (sidebar_width (window), <, 480);
  g_assert_true (pane_on_screen (window, GTK_WIDGET (_byline_window_get_sidebar (window))));
  g_assert_true (pane_on_screen (window, editor));
  g_assert_true (pane_on_screen (window, preview));
  g_assert_cmpint (gtk_widget_get_width (editor), >=, editor_min);
  g_assert_cmpint (gtk_widget_get_width (preview), >=, MIN (preview_min, 280));

  /* Folded into the overlay, there is no handle. */
  window = reopen_window (fixture, 720);
  g_assert_true (window->folded);
  g_assert_false (gtk_widget_get_visible (_byline_window_get_sidebar_handle (window)));

  /* Right to left: the handle on the sidebar's left, dragging left
   * widens it. */
  g_settings_set_int (fixture->settings, "sidebar-width", 300);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = reopen_window (fixture, 1280);
  handle = _byline_window_get_sidebar_handle (window);
  sidebar = GTK_WIDGET (_byline_window_get_sidebar (window));
  WAIT_FOR (gtk_widget_compute_bounds (handle, GTK_WIDGET (window), &handle_bounds) &&
            gtk_widget_compute_bounds (sidebar, GTK_WIDGET (window), &sidebar_bounds) &&
            handle_bounds.origin.x < sidebar_bounds.origin.x,
            5, "the handle on the sidebar's left");
  g_assert_cmpfloat (fabs (handle_bounds.origin.x + handle_bounds.size.width - sidebar_bounds.origin.x), <=, 1);
  drag_handle (window, -50);
  WAIT_FOR (sidebar_width (window) == 350, 5, "the sidebar to widen by a drag to the left");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "sidebar-width"), ==, 350);
  g_assert_true (press_key (handle, GDK_KEY_Left));
  WAIT_FOR (sidebar_width (window) == 366, 5, "the sidebar to widen by Left");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);

  g_settings_reset (fixture->settings, "sidebar-width");
  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = byline_ui_test_app_new ("io.github.bylinedesk.Byline.WindowTest");

#define ADD(name, func) \
  g_test_add ("/byline/window/" name, Fixture, app, fixture_set_up, func, fixture_tear_down)

  ADD ("webkit-after-first-frame", test_webkit_after_first_frame);
  ADD ("builds-and-opens-newest", test_builds_and_opens_newest);
  ADD ("typing-saves-and-previews", test_typing_saves_and_previews);
  ADD ("trash-and-restore", test_trash_and_restore);
  ADD ("search-filter", test_search_filter);
  ADD ("new-article", test_new_article);
  ADD ("new-article-your-name", test_new_article_your_name);
  ADD ("open-article-action", test_open_article_action);
  ADD ("save-now-action", test_save_now_action);
  ADD ("find-actions", test_find_actions);
  ADD ("typed-date-saved-on-quit", test_typed_date_saved_on_quit);
  ADD ("panes-toggle-and-persist", test_panes_toggle_and_persist);
  ADD ("arabic-end-to-end", test_arabic_end_to_end);
  ADD ("panes-at-widths", test_panes_at_widths);
  ADD ("sidebar-keyboard", test_sidebar_keyboard);
  ADD ("long-headline-word", test_long_headline_word);
  ADD ("header-glitches", test_header_glitches);
  ADD ("pane-buttons-and-preview-width", test_pane_buttons_and_preview_width);
  ADD ("choose-lead-picture", test_choose_lead_picture);
  ADD ("sidebar-resize", test_sidebar_resize);

#undef ADD

  return g_test_run ();
}
