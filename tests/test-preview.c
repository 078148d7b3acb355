/* test-preview.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preview"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <webkit/webkit.h>

#include "byline-article.h"
#include "byline-preview.h"
#include "byline-preview-private.h"
#include "byline-publication.h"
#include "byline-test-util.h"

/* The first load starts WebKit's processes: give it time on a slow machine. */
#define LOAD_TIMEOUT_MS 10000

/* XPath predicate: the element has @c among its classes. */
#define CLASS(c) "contains(concat(' ',normalize-space(@class),' '),' " c " ')"

typedef struct
{
  GtkWindow     *window;
  BylinePreview *preview;
  guint          n_rendered;
  gint64         rendered_time;
  char          *clicked_uri;
  guint          n_clicked;
} Fixture;

/* --- waiting on the main loop ------------------------------------------------ */

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test with @what when
 * it still does not after @timeout_ms. */
static void
wait_until (Condition   condition,
            gpointer    data,
            guint       timeout_ms,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);

  g_source_remove (id);
}

/* Lets the main loop run for @ms, whatever happens. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The preview's web view (the web module makes it), or NULL before then. */
static WebKitWebView *
get_web_view (Fixture *f)
{
  GtkWidget *web_view = _byline_preview_get_web_view (f->preview);

  return web_view != NULL ? WEBKIT_WEB_VIEW (web_view) : NULL;
}

static gboolean
has_web_view (gpointer data)
{
  Fixture *f = data;

  return get_web_view (f) != NULL;
}

typedef struct
{
  Fixture *f;
  guint    count;
} RenderWait;

static gboolean
rendered_past (gpointer data)
{
  RenderWait *wait = data;

  return wait->f->n_rendered > wait->count;
}

/* Waits for the next "rendered" after the @count-th. */
static void
wait_for_render (Fixture    *f,
                 guint       count,
                 const char *what)
{
  RenderWait wait = { f, count };

  wait_until (rendered_past, &wait, LOAD_TIMEOUT_MS, what);
}

typedef struct
{
  WebKitWebView *web_view;
  const char    *text;
} TitleWait;

static gboolean
title_has_text (gpointer data)
{
  TitleWait *wait = data;
  const char *title = webkit_web_view_get_title (wait->web_view);

  return title != NULL && strstr (title, wait->text) != NULL;
}

/* WebKit tells the page's title a moment after load-changed FINISHED. */
static void
wait_for_title (Fixture    *f,
                const char *text)
{
  TitleWait wait = { get_web_view (f), text };
  g_autofree char *what = g_strdup_printf ("the page title to contain “%s”", text);

  g_assert_nonnull (wait.web_view);
  wait_until (title_has_text, &wait, LOAD_TIMEOUT_MS, what);
}

typedef struct
{
  GObject      *source;
  GAsyncResult *result;
} AsyncWait;

static void
async_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AsyncWait *wait = data;

  wait->result = g_object_ref (result);
}

static gboolean
async_done (gpointer data)
{
  AsyncWait *wait = data;

  return wait->result != NULL;
}

/* Runs @script in the preview's own world (the page's CSP forbids script in
 * the page's world) and returns its value. */
static JSCValue *
run_js (Fixture    *f,
        const char *script)
{
  WebKitWebView *web_view = get_web_view (f);
  AsyncWait wait = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  JSCValue *value;

  g_assert_nonnull (web_view);
  webkit_web_view_evaluate_javascript (web_view, script, -1, "byline-preview", NULL,
                                       NULL, async_cb, &wait);
  wait_until (async_done, &wait, LOAD_TIMEOUT_MS, script);
  value = webkit_web_view_evaluate_javascript_finish (web_view, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (value);

  return value;
}

static double
run_js_number (Fixture    *f,
               const char *script)
{
  g_autoptr(JSCValue) value = run_js (f, script);

  g_assert_true (jsc_value_is_number (value));
  return jsc_value_to_double (value);
}

static char *
run_js_string (Fixture    *f,
               const char *script)
{
  g_autoptr(JSCValue) value = run_js (f, script);

  g_assert_true (jsc_value_is_string (value));
  return jsc_value_to_string (value);
}

/* --- the page as HTML ---------------------------------------------------------- */

/* The text of the first element @xpath finds in @html, or NULL. */
static char *
html_find_text (const char *html,
                const char *xpath)
{
  htmlDocPtr doc;
  xmlXPathContextPtr context;
  xmlXPathObjectPtr result;
  char *text = NULL;

  g_assert_nonnull (html);
  doc = htmlReadMemory (html, strlen (html), "preview.html", "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);
  result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  g_assert_nonnull (result);

  if (result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      text = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
    }

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);

  return text;
}

static char *
shown_headline (Fixture *f)
{
  return html_find_text (byline_preview_get_html (f->preview), "//h1[" CLASS ("headline") "]");
}

/* --- fixture -------------------------------------------------------------------- */

static void
on_rendered (BylinePreview *preview,
             Fixture       *f)
{
  f->n_rendered++;
  f->rendered_time = g_get_monotonic_time ();
}

static gboolean
on_link_clicked (BylinePreview *preview,
                 const char    *uri,
                 Fixture       *f)
{
  g_free (f->clicked_uri);
  f->clicked_uri = g_strdup (uri);
  f->n_clicked++;

  /* Handled: no browser in the test. */
  return TRUE;
}

/* A window with the preview in it, on screen, before WebKit starts. */
static void
fixture_setup_unshown (Fixture       *f,
                       gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->preview = BYLINE_PREVIEW (byline_preview_new ());
  g_object_ref (f->preview);
  gtk_window_set_child (f->window, GTK_WIDGET (f->preview));

  g_signal_connect (f->preview, "rendered", G_CALLBACK (on_rendered), f);
  g_signal_connect (f->preview, "link-clicked", G_CALLBACK (on_link_clicked), f);
}

/* ...and shown, with the web view created and the empty page loaded. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_setup_unshown (f, data);
  gtk_window_present (f->window);
  wait_until (has_web_view, f, LOAD_TIMEOUT_MS, "the preview to create its web view");
  wait_for_render (f, 0, "the empty page");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->window, gtk_window_destroy);
  g_assert_finalize_object (f->preview);
  g_clear_pointer (&f->clicked_uri, g_free);
}

static BylineArticle *
make_article (const char *headline,
              guint       n_paragraphs)
{
  BylineArticle *article = byline_article_new ();
  GString *body = g_string_new ("The harbour board met on Tuesday night to settle the summer berthing fees.\n\n");

  for (guint i = 0; i < n_paragraphs; i++)
    g_string_append_printf (body,
                            "Paragraph %u: members went through the berth list, the dredging "
                            "schedule and the ferry timetable, line by line, until the tide turned.\n\n",
                            i + 1);

  byline_article_set_id (article, 42);
  byline_article_set_slug (article, "harbour-fees");
  byline_article_set_section (article, "Harbour");
  byline_article_set_headline (article, headline);
  byline_article_set_standfirst (article, "Berthing fees rise for the first time in six years.");
  byline_article_set_byline (article, "Mara Quist");
  byline_article_set_dateline (article, "PORT ELLEN");
  byline_article_set_body (article, body->str);
  byline_article_set_created (article, 1700000000);
  byline_article_set_updated (article, 1700000000);

  g_string_free (body, TRUE);

  return article;
}

/* --- tests -------------------------------------------------------------------- */

typedef struct
{
  Fixture *f;
  guint    before_web_view;
} Paints;

static void
on_after_paint (GdkFrameClock *frame_clock,
                Paints        *paints)
{
  if (get_web_view (paints->f) == NULL)
    paints->before_web_view++;
}

static void
test_lazy_web_view (Fixture       *f,
                    gconstpointer  data)
{
  Paints paints = { f, 0 };
  GdkFrameClock *frame_clock;

  /* Not in init, not on present: WebKit waits for the window's first frame. */
  g_assert_null (get_web_view (f));
  gtk_window_present (f->window);
  g_assert_null (get_web_view (f));

  /* The window paints before WebKit starts. */
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  g_assert_nonnull (frame_clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &paints);
  wait_until (has_web_view, f, LOAD_TIMEOUT_MS, "the preview to create its web view");
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, &paints);
  g_assert_cmpuint (paints.before_web_view, >=, 1);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (get_web_view (f)),
                                         GTK_WIDGET (f->preview)));

  /* Nothing set: the friendly empty page. */
  wait_for_render (f, 0, "the empty page");
  wait_for_title (f, "Nothing to preview");
}

static void
test_article_before_view (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Ferry fares frozen for winter", 3);
  g_autofree char *headline = NULL;
  g_autofree char *shown = NULL;

  /* Set while there is no web view: rendered once there is. */
  byline_preview_set_article (f->preview, article);
  gtk_window_present (f->window);
  wait_for_render (f, 0, "the first article");

  headline = shown_headline (f);
  g_assert_cmpstr (headline, ==, "Ferry fares frozen for winter");

  shown = run_js_string (f, "document.querySelector ('h1.headline').textContent");
  g_assert_cmpstr (shown, ==, "Ferry fares frozen for winter");
  wait_for_title (f, "Ferry fares frozen for winter");
  g_assert_cmpuint (f->n_rendered, ==, 1);
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Council backs new sea wall", 3);
  WebKitWebView *web_view = get_web_view (f);
  g_autofree char *headline = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *standfirst = NULL;
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article");

  headline = shown_headline (f);
  g_assert_cmpstr (headline, ==, "Council backs new sea wall");
  standfirst = html_find_text (byline_preview_get_html (f->preview), "//*[" CLASS ("standfirst") "]");
  g_assert_cmpstr (standfirst, ==, "Berthing fees rise for the first time in six years.");
  /* WebKit really showed it, not only the HTML we kept. */
  wait_for_title (f, "Council backs new sea wall");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "file:///");
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('h1.headline').length"), ==, 1);

  /* An edit shows up on its own. */
  count = f->n_rendered;
  byline_article_set_headline (article, "Council backs taller sea wall");
  wait_for_render (f, count, "the changed headline");

  changed = shown_headline (f);
  g_assert_cmpstr (changed, ==, "Council backs taller sea wall");
  wait_for_title (f, "Council backs taller sea wall");

  /* No article: back to the empty page. */
  count = f->n_rendered;
  byline_preview_set_article (f->preview, NULL);
  wait_for_render (f, count, "the empty page");
  wait_for_title (f, "Nothing to preview");
  g_assert_null (html_find_text (byline_preview_get_html (f->preview), "//h1[" CLASS ("headline") "]"));

  /* The preview let go of the article. */
  byline_article_set_headline (article, "Nobody is watching");
  spin (200);
  g_assert_cmpuint (f->n_rendered, ==, count + 1);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Tide gauge repaired", 1);
  g_autoptr(BylinePublication) publication = byline_publication_new ();
  g_autoptr(BylinePublication) got = NULL;
  g_autoptr(BylineArticle) got_article = NULL;
  g_autofree char *masthead = NULL;
  guint n_article = 0;
  guint n_publication = 0;
  guint count;

  g_signal_connect (f->preview, "notify::article", G_CALLBACK (on_notify), &n_article);
  g_signal_connect (f->preview, "notify::publication", G_CALLBACK (on_notify), &n_publication);

  byline_preview_set_article (f->preview, article);
  byline_preview_set_article (f->preview, article);
  g_assert_cmpuint (n_article, ==, 1);
  g_object_get (f->preview, "article", &got_article, NULL);
  g_assert_true (got_article == article);

  byline_publication_set (publication, "The Port Ellen Gazette", "Harbour news every morning", "");
  count = f->n_rendered;
  g_object_set (f->preview, "publication", publication, NULL);
  byline_preview_set_publication (f->preview, publication);
  g_assert_cmpuint (n_publication, ==, 1);

  /* Copied, not kept. */
  g_object_get (f->preview, "publication", &got, NULL);
  g_assert_true (got != publication);
  g_assert_cmpstr (got->name, ==, "The Port Ellen Gazette");
  g_assert_true (byline_preview_get_publication (f->preview) != publication);

  wait_for_render (f, count, "the page under the new masthead");
  masthead = html_find_text (byline_preview_get_html (f->preview), "//*[" CLASS ("publication-name") "]");
  g_assert_cmpstr (masthead, ==, "The Port Ellen Gazette");
}

static void
test_debounce (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("School board", 3);
  g_autofree char *headline = NULL;
  gint64 last_change;
  gint64 latency;
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article");

  /* Twenty keystrokes, 5 ms apart, with the main loop running between them. */
  count = f->n_rendered;
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("School board votes %u to %u on the new gym", i, 20 - i);

      byline_article_set_headline (article, text);
      spin (5);
    }
  last_change = g_get_monotonic_time ();
  /* The last change was made before the spin above: count from there. */
  last_change -= 5 * G_TIME_SPAN_MILLISECOND;

  wait_for_render (f, count, "the typed headline");
  latency = (f->rendered_time - last_change) / G_TIME_SPAN_MILLISECOND;
  g_test_message ("Preview shown %" G_GINT64_FORMAT " ms after the last keystroke", latency);

  /* Let anything still queued come in before counting. */
  spin (300);

  g_assert_cmpuint (f->n_rendered - count, >=, 1);
  g_assert_cmpuint (f->n_rendered - count, <=, 3);
  headline = shown_headline (f);
  g_assert_cmpstr (headline, ==, "School board votes 20 to 0 on the new gym");
  wait_for_title (f, "School board votes 20 to 0 on the new gym");

  /* Debounced after the last change, not before it; and not stuck. */
  g_assert_cmpint (latency, >=, 55);
  g_assert_cmpint (latency, <, 2000);

  /* A notification that changes nothing on the page loads nothing. */
  count = f->n_rendered;
  g_object_notify (G_OBJECT (article), "headline");
  spin (300);
  g_assert_cmpuint (f->n_rendered, ==, count);

  /* refresh() renders at once, even then. */
  byline_preview_refresh (f->preview);
  wait_for_render (f, count, "the refresh");
}

static void
test_scroll_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Storm closes the pier", 150);
  g_autoptr(BylineArticle) other = make_article ("Pier reopens after repairs", 150);
  g_autofree char *headline = NULL;
  g_autofree char *longer = NULL;
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the long article");

  g_assert_cmpfloat (run_js_number (f, "document.documentElement.scrollHeight"), >, 3000);
  g_assert_cmpfloat (run_js_number (f, "window.scrollTo (0, 600); window.scrollY"), ==, 600);

  count = f->n_rendered;
  byline_article_set_headline (article, "Storm closes the pier for a week");
  wait_for_render (f, count, "the changed headline");

  headline = shown_headline (f);
  g_assert_cmpstr (headline, ==, "Storm closes the pier for a week");
  g_assert_cmpfloat (fabs (run_js_number (f, "window.scrollY") - 600), <=, 1);

  /* Twice in a row, and a scroll further down. */
  g_assert_cmpfloat (run_js_number (f, "window.scrollTo (0, 1500); window.scrollY"), ==, 1500);
  count = f->n_rendered;
  byline_article_set_body (article, "A short body now.\n\nStill short.");
  longer = g_strconcat (byline_article_get_body (other), "More.\n", NULL);
  byline_article_set_body (article, longer);
  wait_for_render (f, count, "the changed body");
  g_assert_cmpfloat (fabs (run_js_number (f, "window.scrollY") - 1500), <=, 1);

  /* Another article starts at the top. */
  count = f->n_rendered;
  byline_preview_set_article (f->preview, other);
  wait_for_render (f, count, "the other article");
  g_assert_cmpfloat (run_js_number (f, "window.scrollY"), ==, 0);
}

/* A pane 400 px wide, the page loaded in it. */
static void
fixture_setup_narrow (Fixture       *f,
                      gconstpointer  data)
{
  fixture_setup_unshown (f, data);
  gtk_window_set_default_size (f->window, 400, 600);
  gtk_window_present (f->window);
  wait_until (has_web_view, f, LOAD_TIMEOUT_MS, "the preview to create its web view");
  wait_for_render (f, 0, "the empty page");
}

typedef struct
{
  Fixture    *f;
  const char *script;
  double      low;
  double      high;
} JsWait;

static gboolean
js_in_range (gpointer data)
{
  JsWait *wait = data;
  double value = run_js_number (wait->f, wait->script);

  return value >= wait->low && value <= wait->high;
}

/* Waits until @script (in our world) gives a number from @low to @high. */
static void
wait_for_js (Fixture    *f,
             const char *script,
             double      low,
             double      high)
{
  JsWait wait = { f, script, low, high };

  wait_until (js_in_range, &wait, LOAD_TIMEOUT_MS, script);
}

/* A narrow pane shows the desktop page, laid out as wide as a desktop's
 * and scaled to fit; Phone shows the phone's page. */
static void
test_fit (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Ferry timetable changes", 3);
  g_autofree char *font = NULL;
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article");

  g_assert_false (byline_preview_get_phone (f->preview));
  g_assert_cmpfloat (byline_preview_get_zoom (f->preview), <, 0.55);
  g_assert_cmpfloat (byline_preview_get_zoom (f->preview), >, 0.45);
  /* The page sees a desktop's width, and takes its wide style (48em up). */
  wait_for_js (f, "window.innerWidth", 790, 810);
  font = run_js_string (f, "getComputedStyle (document.body).fontSize");
  g_assert_cmpstr (font, ==, "18px");

  byline_preview_set_phone (f->preview, TRUE);
  wait_for_js (f, "window.innerWidth", 355, 365);
  g_clear_pointer (&font, g_free);
  font = run_js_string (f, "getComputedStyle (document.body).fontSize");
  g_assert_cmpstr (font, !=, "18px");

  byline_preview_set_phone (f->preview, FALSE);
  wait_for_js (f, "window.innerWidth", 790, 810);
}

/* The paragraph being edited comes into sight, and stays there when the
 * page is rendered again. */
static void
test_follow_block (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Storm closes the pier", 150);
  const char *in_view =
    "(function () {\n"
    "  const r = document.querySelectorAll ('.body > p')[120].getBoundingClientRect ();\n"
    "  return r.top >= 0 && r.bottom <= window.innerHeight ? 1 : 0;\n"
    "}) ()";
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the long article");
  g_assert_cmpfloat (run_js_number (f, in_view), ==, 0);

  byline_preview_follow_block (f->preview, 120);
  g_assert_cmpint (byline_preview_get_follow_block (f->preview), ==, 120);
  wait_for_js (f, in_view, 1, 1);

  count = f->n_rendered;
  byline_article_set_headline (article, "Storm closes the pier for a week");
  wait_for_render (f, count, "the changed headline");
  wait_for_js (f, in_view, 1, 1);
}

/* Tab in the page goes on to the window's next widget: WebKit would keep it
 * for the page's links, and the keyboard could never leave. */
static void
test_tab_leaves (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *web_view = GTK_WIDGET (get_web_view (f));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->preview));
  GtkEventController *key = NULL;
  GtkWidget *focus;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        key = controller;
    }
  g_assert_nonnull (key);

  gtk_widget_grab_focus (web_view);
  g_assert_true (gtk_widget_has_focus (web_view));

  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_false (focus == web_view || gtk_widget_is_ancestor (focus, web_view));
  /* The Desktop/Phone switch, the only other focusable widgets here. */
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));

  /* Back into the page, and out of it backward too. */
  gtk_widget_grab_focus (web_view);
  handled = FALSE;
  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_ISO_Left_Tab, 0, GDK_SHIFT_MASK, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));

  /* Elsewhere Tab is left alone. */
  handled = FALSE;
  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_false (handled);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  WebKitSettings *settings = webkit_web_view_get_settings (get_web_view (f));
  g_autoptr(BylineArticle) article = make_article ("Night market moves indoors", 1);
  g_autoptr(JSCValue) value = NULL;
  guint count;

  g_assert_false (webkit_settings_get_enable_javascript_markup (settings));
  g_assert_false (webkit_settings_get_enable_developer_extras (settings));
  g_assert_false (webkit_settings_get_enable_page_cache (settings));
  g_assert_false (webkit_settings_get_javascript_can_open_windows_automatically (settings));
  g_assert_false (webkit_settings_get_enable_html5_local_storage (settings));
  g_assert_false (webkit_settings_get_enable_html5_database (settings));
  g_assert_false (webkit_settings_get_enable_webgl (settings));
  g_assert_false (webkit_settings_get_enable_media (settings));
  g_assert_false (webkit_settings_get_allow_file_access_from_file_urls (settings));
  g_assert_false (webkit_settings_get_allow_universal_access_from_file_urls (settings));
  g_assert_true (webkit_network_session_is_ephemeral (
    webkit_web_view_get_network_session (get_web_view (f))));

  /* Nothing in the page's own world runs: markup scripts are stripped. */
  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article");
  value = run_js (f, "document.querySelectorAll ('script').length");
  g_assert_cmpfloat (jsc_value_to_double (value), ==, 0);
}

typedef struct
{
  GSocketService *service;
  guint16         port;
  guint           n_connections;
} Server;

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             Server            *server)
{
  server->n_connections++;
  return FALSE;
}

static gboolean
server_was_called (gpointer data)
{
  Server *server = data;

  return server->n_connections > 0;
}

/* The article's own picture shows; pictures on other sites do not, and
 * nothing reaches them, until the reader loads them for that article. */
static void
test_images (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Lighthouse keeper retires", 2);
  g_autoptr(BylineArticle) other = make_article ("Lamp room reopens", 1);
  g_autofree char *text = NULL;
  GtkWidget *bar;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-preview-XXXXXX", &error);
  g_autofree char *image_path = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *kept_uri = NULL;
  g_autofree char *kept_path = NULL;
  Server server = { NULL, 0, 0 };
  guchar *buffer;
  guint count;

  g_assert_no_error (error);

  /* The article's own picture, on disk: a 40×30 PNG. */
  buffer = g_malloc0 (40 * 30 * 4);
  for (guint i = 0; i < 40 * 30; i++)
    buffer[i * 4 + 2] = buffer[i * 4 + 3] = 0xff;
  pixels = g_bytes_new_take (buffer, 40 * 30 * 4);
  texture = gdk_memory_texture_new (40, 30, GDK_MEMORY_R8G8B8A8, pixels, 40 * 4);
  image_path = g_build_filename (dir, "lighthouse.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, image_path));

  /* A web image in the body, on a server here that counts who calls. */
  server.service = g_socket_service_new ();
  server.port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server.service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (server.service, "incoming", G_CALLBACK (on_incoming), &server);
  g_socket_service_start (server.service);

  body = g_strdup_printf ("The keeper handed over the keys.\n\n"
                          "![The lamp room](http://127.0.0.1:%u/lamp.png)\n\n"
                          "![The lamp room, secure](https://127.0.0.1:%u/lamp.png)\n",
                          server.port, server.port);
  byline_article_set_uuid (article, "6f1c3a9e-2b7d-4c58-8e0f-91d2a4b7c615");
  byline_article_set_body (article, body);
  byline_article_set_image_alt (article, "The lighthouse at dusk");

  /* The picture is kept in the newsroom when chosen; the preview shows the
   * kept bytes, not the file, which may be gone. */
  db = g_build_filename (dir, "newsroom.db", NULL);
  store = byline_store_new (db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) image_file = g_file_new_for_path (image_path);

    reference = byline_store_add_media_file (store, image_file, NULL, &error);
    g_assert_no_error (error);
  }
  byline_preview_set_store (f->preview, store);
  byline_article_set_image (article, reference);
  g_assert_cmpint (g_remove (image_path), ==, 0);

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article with pictures");

  /* The kept picture shows, from the preview's own copy... */
  g_assert_cmpfloat (run_js_number (f, "document.querySelector ('img[alt=\"The lighthouse at dusk\"]').naturalWidth"), ==, 40);
  kept_uri = run_js_string (f, "document.querySelector ('img[alt=\"The lighthouse at dusk\"]').src");
  kept_path = g_filename_from_uri (kept_uri, NULL, NULL);
  g_assert_nonnull (kept_path);
  g_assert_null (strstr (kept_path, dir));
  /* ...the web images are placeholders naming the site... */
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('img').length"), ==, 1);
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('span.remote-image[data-host=\"127.0.0.1\"]').length"), ==, 2);
  text = run_js_string (f, "document.querySelector ('span.remote-image').innerText");
  g_assert_nonnull (strstr (text, "Image from 127.0.0.1 not loaded"));
  g_assert_nonnull (strstr (text, "The lamp room"));
  /* ...and the web is never asked, not even a while later. */
  spin (2000);
  g_assert_cmpuint (server.n_connections, ==, 0);

  /* The bar says so; its button loads them for this article. */
  bar = _byline_preview_get_remote_images_bar (f->preview);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));
  count = f->n_rendered;
  gtk_widget_activate (_byline_preview_get_load_remote_images_button (f->preview));
  wait_for_render (f, count, "the article with its web images");
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('img').length"), ==, 3);
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('span.remote-image').length"), ==, 0);
  g_assert_null (_byline_preview_get_remote_images_bar (f->preview));
  /* This is how the test would have seen a request: the server is called. */
  wait_until (server_was_called, &server, LOAD_TIMEOUT_MS, "the page to ask the server for its image");

  /* Another article's web images stay out until it is allowed too. */
  server.n_connections = 0;
  count = f->n_rendered;
  byline_article_set_id (other, 43);
  byline_article_set_uuid (other, "0b7f2d4e-5c1a-4f7e-9d33-2a6c8e1f0a43");
  byline_article_set_body (other, body);
  byline_preview_set_article (f->preview, other);
  wait_for_render (f, count, "another article with web images");
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('span.remote-image').length"), ==, 2);
  g_assert_nonnull (_byline_preview_get_remote_images_bar (f->preview));
  spin (1000);
  g_assert_cmpuint (server.n_connections, ==, 0);

  /* The choice is kept in the reader's data folder... */
  {
    g_autofree char *choices = NULL;
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "byline", "remote-images.ini", NULL);

    g_assert_true (g_file_get_contents (path, &choices, NULL, NULL));
    g_assert_nonnull (strstr (choices, byline_article_get_uuid (article)));
    g_assert_null (strstr (choices, byline_article_get_uuid (other)));
  }

  /* ...and outlives the program: a new preview (as after a restart)
   * shows the first article's web images at once, the other's still not. */
  fixture_teardown (f, NULL);
  fixture_setup (f, NULL);
  {
    g_autoptr(BylineArticle) reopened = make_article ("Lighthouse keeper retires", 2);

    byline_article_set_uuid (reopened, byline_article_get_uuid (article));
    byline_article_set_body (reopened, body);
    count = f->n_rendered;
    byline_preview_set_article (f->preview, reopened);
    wait_for_render (f, count, "the article after a restart");
    g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('img').length"), ==, 2);
    g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('span.remote-image').length"), ==, 0);
    g_assert_null (_byline_preview_get_remote_images_bar (f->preview));

    count = f->n_rendered;
    byline_preview_set_article (f->preview, other);
    wait_for_render (f, count, "the other article after a restart");
    g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('span.remote-image').length"), ==, 2);
  }

  g_socket_service_stop (server.service);
  g_socket_listener_close (G_SOCKET_LISTENER (server.service));
  g_object_unref (server.service);
  byline_preview_set_store (f->preview, NULL);
  g_clear_object (&store);
  g_unlink (kept_path);
  byline_test_remove_tree (dir);
}

/* A lead image that is a named pipe (or a device) is left out: WebKit would
 * wait on it for ever, and the preview with it. */
static void
test_image_not_a_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Harbour webcam goes dark", 1);
  g_autofree char *dir = g_dir_make_tmp ("byline-preview-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "webcam.jpg", NULL);
  guint count;

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  byline_article_set_image (article, fifo);
  byline_article_set_caption (article, "The harbour webcam");

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article whose image is a named pipe");
  g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('img').length"), ==, 0);

  /* A path to a real picture (an article from before pictures were kept
   * in the newsroom) is never read either. */
  {
    g_autofree char *picture = g_test_build_filename (G_TEST_DIST, "samples", "media", "red.png", NULL);

    count = f->n_rendered;
    byline_article_set_image (article, picture);
    /* A page that changed, to know it was rendered. */
    byline_article_set_caption (article, "The harbour webcam, last picture");
    wait_for_render (f, count, "the article whose image is a path");
    g_assert_cmpfloat (run_js_number (f, "document.querySelectorAll ('img').length"), ==, 0);
    g_assert_null (strstr (byline_preview_get_html (f->preview), "red.png"));
  }

  /* And the preview goes on following the article. */
  count = f->n_rendered;
  byline_article_set_headline (article, "Harbour webcam back on");
  wait_for_render (f, count, "the next change");
  wait_for_title (f, "Harbour webcam back on");

  g_assert_cmpint (g_remove (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
on_load_failed (WebKitWebView   *web_view,
                WebKitLoadEvent  load_event,
                const char      *failing_uri,
                GError          *error,
                guint           *n_failed)
{
  (*n_failed)++;
}

static gboolean
clicked (gpointer data)
{
  Fixture *f = data;

  return f->n_clicked > 0;
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Regatta postponed", 1);
  WebKitWebView *web_view = get_web_view (f);
  g_autofree char *title = NULL;
  guint n_failed = 0;
  guint count;

  byline_article_set_body (article,
                           "See the [tide tables](https://harbour.example.org/tides) "
                           "or [write to the club](mailto:club@example.org).\n\n"
                           "Earlier: [the start](#top).\n");
  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article with links");
  wait_for_title (f, "Regatta postponed");
  title = g_strdup (webkit_web_view_get_title (web_view));
  count = f->n_rendered;

  /* A click on a web link goes to the browser, not into the preview. */
  g_object_unref (run_js (f, "document.querySelector ('a[href^=\"https:\"]').click (); true"));
  wait_until (clicked, f, LOAD_TIMEOUT_MS, "link-clicked");
  g_assert_cmpstr (f->clicked_uri, ==, "https://harbour.example.org/tides");

  g_object_unref (run_js (f, "document.querySelector ('a[href^=\"mailto:\"]').click (); true"));
  spin (300);
  g_assert_cmpuint (f->n_clicked, ==, 2);
  g_assert_cmpstr (f->clicked_uri, ==, "mailto:club@example.org");

  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "file:///");
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, title);

  /* Nor does anyone else's load get in, and it is no click. */
  g_signal_connect (web_view, "load-failed", G_CALLBACK (on_load_failed), &n_failed);
  webkit_web_view_load_uri (web_view, "https://example.org/");
  spin (1000);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "file:///");
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, title);
  g_assert_cmpuint (f->n_clicked, ==, 2);
  g_assert_cmpuint (f->n_rendered, ==, count);
  g_test_message ("load-failed emitted %u times for the blocked load", n_failed);

  /* The page is still ours and still live. */
  count = f->n_rendered;
  byline_article_set_headline (article, "Regatta postponed to Sunday");
  wait_for_render (f, count, "the changed headline");
  wait_for_title (f, "Regatta postponed to Sunday");
  g_signal_handlers_disconnect_by_func (web_view, on_load_failed, &n_failed);
}

static void
test_unmapped (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Bridge repainted in harbour blue", 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article");

  /* Hidden (another tab, a folded pane): edits wait... */
  gtk_widget_set_visible (GTK_WIDGET (f->preview), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->preview)));
  count = f->n_rendered;
  byline_article_set_headline (article, "Bridge repainted in signal red");
  spin (400);
  g_assert_cmpuint (f->n_rendered, ==, count);
  before = shown_headline (f);
  g_assert_cmpstr (before, ==, "Bridge repainted in harbour blue");

  /* ...and show up as soon as the preview is back. */
  gtk_widget_set_visible (GTK_WIDGET (f->preview), TRUE);
  wait_for_render (f, count, "the headline changed while hidden");
  after = shown_headline (f);
  g_assert_cmpstr (after, ==, "Bridge repainted in signal red");
  wait_for_title (f, "Bridge repainted in signal red");
}

static void
test_web_process_restart (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Ferry timetable changes", 1);
  g_autofree char *shown = NULL;
  guint count;

  count = f->n_rendered;
  byline_preview_set_article (f->preview, article);
  wait_for_render (f, count, "the article");

  /* Without its web process the page is gone; the preview loads it again. */
  count = f->n_rendered;
  webkit_web_view_terminate_web_process (get_web_view (f));
  wait_for_render (f, count, "the page after the web process stopped");
  shown = run_js_string (f, "document.querySelector ('h1.headline').textContent");
  g_assert_cmpstr (shown, ==, "Ferry timetable changes");
}

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  WebKitWebView *web_view = get_web_view (f);
  static const WebKitContextMenuAction offered[] = {
    WEBKIT_CONTEXT_MENU_ACTION_GO_BACK,
    WEBKIT_CONTEXT_MENU_ACTION_RELOAD,
    WEBKIT_CONTEXT_MENU_ACTION_COPY,
    WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW,
    WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL,
    WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT,
  };
  g_autoptr(WebKitContextMenu) menu = webkit_context_menu_new ();
  g_autoptr(WebKitContextMenu) reload_only = webkit_context_menu_new ();
  GList *items;
  gboolean suppressed = TRUE;

  /* What WebKit would offer on a right click: only copying stays. */
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    webkit_context_menu_append (menu, webkit_context_menu_item_new_from_stock_action (offered[i]));
  g_signal_emit_by_name (web_view, "context-menu", menu, NULL, &suppressed);

  g_assert_false (suppressed);
  items = webkit_context_menu_get_items (menu);
  g_assert_cmpuint (g_list_length (items), ==, 2);
  g_assert_cmpint (webkit_context_menu_item_get_stock_action (items->data), ==, WEBKIT_CONTEXT_MENU_ACTION_COPY);
  g_assert_cmpint (webkit_context_menu_item_get_stock_action (items->next->data), ==, WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL);

  /* Nothing left: no menu at all. */
  webkit_context_menu_append (reload_only, webkit_context_menu_item_new_from_stock_action (WEBKIT_CONTEXT_MENU_ACTION_RELOAD));
  suppressed = FALSE;
  g_signal_emit_by_name (web_view, "context-menu", reload_only, NULL, &suppressed);
  g_assert_true (suppressed);
}

static void
test_dispose (void)
{
  g_autoptr(BylineArticle) article = make_article ("Library opens on Sundays", 1);
  Fixture fixture = { NULL, };
  Fixture *f = &fixture;
  WebKitWebView *web_view;

  fixture_setup (f, NULL);
  byline_preview_set_article (f->preview, article);
  /* Mid-debounce, and mid-load once it fires. */
  byline_article_set_headline (article, "Library opens on Sundays from May");
  web_view = get_web_view (f);
  g_object_add_weak_pointer (G_OBJECT (web_view), (gpointer *) &web_view);

  fixture_teardown (f, NULL);
  g_assert_null (web_view);

  /* Nothing was left behind that still listens to the article. */
  byline_article_set_headline (article, "Library opens on Sundays all year");
  spin (200);
  g_assert_finalize_object (g_steal_pointer (&article));
}

static gboolean
is_unavailable (gpointer data)
{
  Fixture *f = data;

  return _byline_preview_is_unavailable (f->preview);
}

/* WebKitGTK missing (or the module): the preview says so instead of the
 * page, and goes on taking articles without a crash. */
static void
test_web_module_missing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = make_article ("Pier lights switched back on", 2);
  g_autofree char *dir = g_dir_make_tmp ("byline-preview-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "libbyline-preview-web.so", NULL);
  GtkWidget *status_page;

  g_assert_nonnull (dir);
  _byline_preview_set_web_module_path (missing);
  g_test_expect_message ("byline-preview", G_LOG_LEVEL_MESSAGE, "The preview is unavailable: *");

  byline_preview_set_article (f->preview, article);
  gtk_window_present (f->window);
  wait_until (is_unavailable, f, LOAD_TIMEOUT_MS, "the preview to give up on its web view");
  g_test_assert_expected_messages ();
  _byline_preview_set_web_module_path (NULL);
  g_rmdir (dir);

  g_assert_null (get_web_view (f));
  /* Below the bar about remote images, which is hidden. */
  status_page = gtk_widget_get_last_child (GTK_WIDGET (f->preview));
  g_assert_true (ADW_IS_STATUS_PAGE (status_page));
  g_assert_true (gtk_widget_get_mapped (status_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "Preview Unavailable");
  /* The reason, with the file that was looked for. */
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), missing));

  /* Edits, and showing the preview again, change nothing and break nothing. */
  byline_article_set_headline (article, "Pier lights back on after storm");
  gtk_widget_set_visible (GTK_WIDGET (f->preview), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (f->preview), TRUE);
  spin (300);
  g_assert_true (gtk_widget_get_last_child (GTK_WIDGET (f->preview)) == status_page);
  g_assert_null (byline_preview_get_html (f->preview));
  g_assert_cmpuint (f->n_rendered, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The reader's choices to load remote images go to a folder of the
   * test's own, not the home folder of whoever runs it. */
  data_home = g_dir_make_tmp ("byline-preview-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_init ();

  /* Pictures the reader chose to load come straight to the test's server,
   * whatever proxy the machine running the tests names. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");

  g_test_add ("/byline/preview/lazy-web-view", Fixture, NULL,
              fixture_setup_unshown, test_lazy_web_view, fixture_teardown);
  g_test_add ("/byline/preview/article-before-view", Fixture, NULL,
              fixture_setup_unshown, test_article_before_view, fixture_teardown);
  g_test_add ("/byline/preview/render", Fixture, NULL,
              fixture_setup, test_render, fixture_teardown);
  g_test_add ("/byline/preview/properties", Fixture, NULL,
              fixture_setup, test_properties, fixture_teardown);
  g_test_add ("/byline/preview/debounce", Fixture, NULL,
              fixture_setup, test_debounce, fixture_teardown);
  g_test_add ("/byline/preview/scroll-kept", Fixture, NULL,
              fixture_setup, test_scroll_kept, fixture_teardown);
  g_test_add ("/byline/preview/fit", Fixture, NULL,
              fixture_setup_narrow, test_fit, fixture_teardown);
  g_test_add ("/byline/preview/follow-block", Fixture, NULL,
              fixture_setup, test_follow_block, fixture_teardown);
  g_test_add ("/byline/preview/tab-leaves", Fixture, NULL,
              fixture_setup, test_tab_leaves, fixture_teardown);
  g_test_add ("/byline/preview/settings", Fixture, NULL,
              fixture_setup, test_settings, fixture_teardown);
  g_test_add ("/byline/preview/images", Fixture, NULL,
              fixture_setup, test_images, fixture_teardown);
  g_test_add ("/byline/preview/image-not-a-file", Fixture, NULL,
              fixture_setup, test_image_not_a_file, fixture_teardown);
  g_test_add ("/byline/preview/links", Fixture, NULL,
              fixture_setup, test_links, fixture_teardown);
  g_test_add ("/byline/preview/unmapped", Fixture, NULL,
              fixture_setup, test_unmapped, fixture_teardown);
  g_test_add ("/byline/preview/web-process-restart", Fixture, NULL,
              fixture_setup, test_web_process_restart, fixture_teardown);
  g_test_add ("/byline/preview/context-menu", Fixture, NULL,
              fixture_setup, test_context_menu, fixture_teardown);
  g_test_add_func ("/byline/preview/dispose", test_dispose);
  g_test_add ("/byline/preview/web-module-missing", Fixture, NULL,
              fixture_setup_unshown, test_web_module_missing, fixture_teardown);

  status = g_test_run ();
  byline_test_remove_tree (data_home);

  return status;
}
