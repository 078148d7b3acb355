/* test-editor-pane.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editor-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <gtksourceview/gtksource.h>

#include "byline-article.h"
#include "byline-editor-pane.h"
#include "byline-editor-pane-private.h"
#include "byline-store.h"
#include "byline-spell.h"
#include "byline-ui-test-util.h"

/* March 3, 2023 at 9:05 am UTC (meson runs the tests with TZ=UTC). */
#define MARCH_3_0905 G_GINT64_CONSTANT (1677834300)

#define BODY \
  "The harbour board voted seven to two on Tuesday night to build a new ferry terminal.\n" \
  "\n" \
  "Work on the north quay is due to start in the spring."

typedef struct
{
  GtkWindow        *window;
  BylineEditorPane *pane;
  BylineArticle    *article;
} Fixture;

/* --- main loop helpers ------------------------------------------------------ */

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails with @what after 5 s. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (id);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *n_frames = data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer data)
{
  return *(guint *)data >= 3;
}

/* Lets the window draw a few frames, so layout and idle work are done. */
static void
wait_frames (Fixture *fixture)
{
  guint n_frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (fixture->window), count_frame_cb, &n_frames, NULL);

  wait_until (enough_frames, &n_frames, "the window to draw");
  gtk_widget_remove_tick_callback (GTK_WIDGET (fixture->window), id);

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* --- widget helpers ----------------------------------------------------------- */

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = _byline_editor_pane_get_field (fixture->pane, name);

  g_assert_nonnull (widget);
  return widget;
}

/* The field's text, entry or text view; valid until the next call. */
static const char *
field_text (Fixture    *fixture,
            const char *name)
{
  GtkWidget *widget = field (fixture, name);
  char *text = byline_ui_test_dup_field_text (widget);

  g_object_set_data_full (G_OBJECT (widget), "test-field-text", text, g_free);
  return text;
}

static void
set_field_text (Fixture    *fixture,
                const char *name,
                const char *text)
{
  byline_ui_test_set_field_text (field (fixture, name), text);
}

static GtkTextBuffer *
field_buffer (Fixture    *fixture,
              const char *name)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (fixture, name)));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static GObject *
template_child (Fixture    *fixture,
                const char *id)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->pane),
                                                   BYLINE_TYPE_EDITOR_PANE, id);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (Fixture    *fixture,
            const char *id)
{
  return gtk_label_get_label (GTK_LABEL (template_child (fixture, id)));
}

/* Types @text at the end of an entry or entry row, as the keyboard would. */
static void
type_into (Fixture    *fixture,
           const char *name,
           const char *text)
{
  GtkWidget *widget = field (fixture, name);
  GtkTextBuffer *buffer;
  GtkTextIter end;
  int position;

  if (GTK_IS_EDITABLE (widget))
    {
      position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (widget)), -1);
      gtk_editable_insert_text (GTK_EDITABLE (widget), text, -1, &position);
      return;
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* Presses Enter in an entry row. */
static void
press_enter (Fixture    *fixture,
             const char *name)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field (fixture, name)));

  g_assert_true (GTK_IS_TEXT (delegate));
  g_signal_emit_by_name (delegate, "activate");
}

/* --- fixture ---------------------------------------------------------------- */

static BylineArticle *
make_article (void)
{
  BylineArticle *article = byline_article_new ();
  const char * const tags[] = { "harbour", "transport", NULL };

  byline_article_set_headline (article, "Harbour board backs new ferry terminal");
  byline_article_set_standfirst (article, "The vote ends a decade of argument over the north quay.");
  byline_article_set_byline (article, "Mara Lindqvist");
  byline_article_set_dateline (article, "PORT ELLEN");
  byline_article_set_section (article, "Local");
  byline_article_set_tags (article, tags);
  byline_article_set_published (article, MARCH_3_0905);
  byline_article_set_image (article, "/srv/photos/2023/ferry-terminal.jpg");
  byline_article_set_image_alt (article, "An architect's drawing of a glass terminal beside the quay");
  byline_article_set_caption (article, "The terminal would replace the 1960s pier.");
  byline_article_set_credit (article, "Harbour Board");
  byline_article_set_body (article, BODY);

  return article;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->pane = BYLINE_EDITOR_PANE (byline_editor_pane_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  g_object_add_weak_pointer (G_OBJECT (fixture->pane), (gpointer *)&fixture->pane);

  fixture->article = make_article ();
  byline_editor_pane_set_article (fixture->pane, fixture->article);

  gtk_window_present (fixture->window);
  wait_frames (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* The pane went with its window, and let go of the article. */
  g_assert_null (fixture->pane);
  g_assert_finalize_object (fixture->article);
}

/* --- tests ------------------------------------------------------------------ */

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *standfirst = buffer_text (field_buffer (fixture, "Standfirst"));
  g_autofree char *body = buffer_text (field_buffer (fixture, "Body"));
  GtkStack *stack = GTK_STACK (template_child (fixture, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  g_assert_true (byline_editor_pane_get_article (fixture->pane) == fixture->article);

  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "Harbour board backs new ferry terminal");
  g_assert_cmpstr (standfirst, ==, "The vote ends a decade of argument over the north quay.");
  g_assert_cmpstr (field_text (fixture, "Byline"), ==, "Mara Lindqvist");
  g_assert_cmpstr (field_text (fixture, "Dateline"), ==, "PORT ELLEN");
  g_assert_cmpstr (field_text (fixture, "Section"), ==, "Local");
  g_assert_cmpstr (field_text (fixture, "Tags"), ==, "harbour, transport");
  g_assert_cmpstr (field_text (fixture, "Published"), ==, "March 3, 2023 at 9:05 am");
  g_assert_cmpstr (field_text (fixture, "Image description"), ==,
                   "An architect's drawing of a glass terminal beside the quay");
  g_assert_cmpstr (field_text (fixture, "Caption"), ==, "The terminal would replace the 1960s pier.");
  g_assert_cmpstr (field_text (fixture, "Credit"), ==, "Harbour Board");
  g_assert_cmpstr (body, ==, BODY);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (template_child (fixture, "image_row"))),
                   ==, "ferry-terminal.jpg");

  /* Loading is not an edit: there is nothing to undo, and the placeholder of
   * the filled standfirst is gone. */
  g_assert_false (gtk_text_buffer_get_can_undo (field_buffer (fixture, "Body")));
  g_assert_false (gtk_text_buffer_get_can_undo (field_buffer (fixture, "Standfirst")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (fixture, "standfirst_placeholder"))));
  g_assert_cmpint (byline_editor_pane_get_cursor_offset (fixture->pane), ==, 0);

  /* The body is Markdown. */
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (field_buffer (fixture, "Body")))),
                   ==, "markdown");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *)data)++;
}

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  GtkTextBuffer *body = field_buffer (fixture, "Body");
  GtkTextBuffer *standfirst = field_buffer (fixture, "Standfirst");
  GtkTextIter iter;
  guint n_headline_notifies = 0;
  const char * const *tags;

  g_signal_connect (fixture->article, "notify::headline", G_CALLBACK (count_notify_cb), &n_headline_notifies);

  type_into (fixture, "Headline", " plan");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "Harbour board backs new ferry terminal plan");
  /* One keystroke, one change: the model does not echo back into the entry. */
  g_assert_cmpuint (n_headline_notifies, ==, 1);

  gtk_text_buffer_get_end_iter (body, &iter);
  gtk_text_buffer_insert (body, &iter, "\n\nThe ferry company welcomed the decision.", -1);
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==,
                   BODY "\n\nThe ferry company welcomed the decision.");
  g_assert_true (gtk_text_buffer_get_can_undo (body));

  gtk_text_buffer_get_end_iter (standfirst, &iter);
  gtk_text_buffer_insert (standfirst, &iter, " Objectors may appeal.", -1);
  g_assert_cmpstr (byline_article_get_standfirst (fixture->article), ==,
                   "The vote ends a decade of argument over the north quay. Objectors may appeal.");

  type_into (fixture, "Byline", " and Tomasz Wójcik");
  g_assert_cmpstr (byline_article_get_byline (fixture->article), ==, "Mara Lindqvist and Tomasz Wójcik");
  type_into (fixture, "Dateline", ", Islay");
  g_assert_cmpstr (byline_article_get_dateline (fixture->article), ==, "PORT ELLEN, Islay");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "Section")), "Business");
  g_assert_cmpstr (byline_article_get_section (fixture->article), ==, "Business");
  type_into (fixture, "Image description", " at dusk");
  g_assert_cmpstr (byline_article_get_image_alt (fixture->article), ==,
                   "An architect's drawing of a glass terminal beside the quay at dusk");
  type_into (fixture, "Caption", " Construction costs are estimated at £40m.");
  g_assert_cmpstr (byline_article_get_caption (fixture->article), ==,
                   "The terminal would replace the 1960s pier. Construction costs are estimated at £40m.");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "Credit")), "Port Ellen Harbour Board");
  g_assert_cmpstr (byline_article_get_credit (fixture->article), ==, "Port Ellen Harbour Board");

  /* Half-typed tags reach the model tidied, but the row keeps what was typed
   * so the cursor can go on. */
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "Tags")), "harbour,  ferries , Harbour, ");
  tags = byline_article_get_tags (fixture->article);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "harbour");
  g_assert_cmpstr (tags[1], ==, "ferries");
  g_assert_cmpstr (field_text (fixture, "Tags"), ==, "harbour,  ferries , Harbour, ");

  g_signal_handlers_disconnect_by_func (fixture->article, count_notify_cb, &n_headline_notifies);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  GtkTextBuffer *headline = field_buffer (fixture, "Headline");
  GtkTextBuffer *body = field_buffer (fixture, "Body");
  g_autofree char *body_text = NULL;
  GtkTextIter iter;

  type_into (fixture, "Headline", " today");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==,
                   "Harbour board backs new ferry terminal today");

  /* Undo takes back what was typed, and the model follows… */
  g_assert_true (gtk_text_buffer_get_can_undo (headline));
  gtk_text_buffer_undo (headline);
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "Harbour board backs new ferry terminal");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "Harbour board backs new ferry terminal");

  /* …but never the loading of the article. */
  g_assert_false (gtk_text_buffer_get_can_undo (headline));
  gtk_text_buffer_undo (headline);
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "Harbour board backs new ferry terminal");

  gtk_text_buffer_get_start_iter (body, &iter);
  gtk_text_buffer_insert (body, &iter, "UPDATE: ", -1);
  gtk_text_buffer_undo (body);
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, BODY);
  g_assert_false (gtk_text_buffer_get_can_undo (body));
  gtk_text_buffer_undo (body);
  body_text = buffer_text (body);
  g_assert_cmpstr (body_text, ==, BODY);
}

static void
test_headline_wraps (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *headline = field (fixture, "Headline");
  GtkWidget *placeholder = GTK_WIDGET (template_child (fixture, "headline_placeholder"));
  const char *long_headline = "Café owners on the quay say the new terminal will bring business — "
                              "and queues of lorries through the old town every morning of the week";
  int one_line;

  /* Line breaks pasted in become spaces: a page has one headline. */
  set_field_text (fixture, "Headline", "Ferry fares\nfrozen\r\nuntil summer");
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "Ferry fares frozen until summer");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "Ferry fares frozen until summer");
  wait_frames (fixture);
  one_line = gtk_widget_get_height (headline);
  g_assert_cmpint (one_line, >, 0);
  g_assert_false (gtk_widget_get_visible (placeholder));

  /* A long one wraps, whole, instead of running out of sight. */
  set_field_text (fixture, "Headline", long_headline);
  wait_frames (fixture);
  g_assert_cmpint (gtk_widget_get_height (headline), >=, 2 * one_line - 8);
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, long_headline);

  /* Empty, it says what goes there. */
  set_field_text (fixture, "Headline", "");
  g_assert_true (gtk_widget_get_visible (placeholder));
}

static void
test_counters (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *headline_counter = GTK_WIDGET (template_child (fixture, "headline_counter"));
  GtkWidget *caption_counter = GTK_WIDGET (template_child (fixture, "caption_counter"));
  /* The budget counts characters, not bytes: "é" and "—" are one each. */
  const char *long_headline = "Café owners on the quay say the new terminal will bring business — and queues";
  g_autofree char *long_caption = g_strnfill (251, 'a');

  g_assert_cmpuint (g_utf8_strlen (long_headline, -1), ==, 77);

  set_field_text (fixture, "Headline", "Gulls");
  g_assert_cmpstr (label_text (fixture, "headline_counter"), ==, "5 / 70");
  g_assert_false (gtk_widget_has_css_class (headline_counter, "warning"));

  set_field_text (fixture, "Headline", long_headline);
  g_assert_cmpstr (label_text (fixture, "headline_counter"), ==, "77 / 70");
  g_assert_true (gtk_widget_has_css_class (headline_counter, "warning"));

  /* A roomier budget takes the warning away. */
  byline_editor_pane_set_headline_budget (fixture->pane, 80);
  g_assert_cmpuint (byline_editor_pane_get_headline_budget (fixture->pane), ==, 80);
  g_assert_cmpstr (label_text (fixture, "headline_counter"), ==, "77 / 80");
  g_assert_false (gtk_widget_has_css_class (headline_counter, "warning"));

  /* The caption's, loaded with the article: "The terminal would replace the
   * 1960s pier." is 42 characters. */
  g_assert_cmpstr (label_text (fixture, "caption_counter"), ==, "42 / 250");
  g_assert_false (gtk_widget_has_css_class (caption_counter, "warning"));
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "Caption")), long_caption);
  g_assert_cmpstr (label_text (fixture, "caption_counter"), ==, "251 / 250");
  g_assert_true (gtk_widget_has_css_class (caption_counter, "warning"));
  g_object_set (fixture->pane, "caption-budget", 300, NULL);
  g_assert_cmpstr (label_text (fixture, "caption_counter"), ==, "251 / 300");
  g_assert_false (gtk_widget_has_css_class (caption_counter, "warning"));

  /* Counters follow outside changes too. */
  byline_article_set_headline (fixture->article, "Storm closes quay");
  g_assert_cmpstr (label_text (fixture, "headline_counter"), ==, "17 / 80");
}

static gboolean
stats_are (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (label_text (args[0], "stats_label"), args[1]) == 0;
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) long_body = g_string_new (NULL);
  gpointer args[2] = { fixture, NULL };

  /* The status line follows the body as it is typed. */
  gtk_text_buffer_set_text (field_buffer (fixture, "Body"), "one two three", -1);
  args[1] = "3 words · 13 characters · 1 min read";
  wait_until (stats_are, args, "the status line to count three words");
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "one two three");

  /* 201 words at 200 a minute: two minutes, rounded up. */
  for (guint i = 0; i < 201; i++)
    g_string_append (long_body, i % 10 == 9 ? "tide\n" : "tide ");
  gtk_text_buffer_set_text (field_buffer (fixture, "Body"), long_body->str, -1);
  /* 201 × "tide" and a space or a line break; line breaks are not counted. */
  args[1] = "201 words · 985 characters · 2 min read";
  wait_until (stats_are, args, "the status line to count 201 words");

  gtk_text_buffer_set_text (field_buffer (fixture, "Body"), "", -1);
  args[1] = "0 words · 0 characters";
  wait_until (stats_are, args, "the status line to count nothing");
}

static void
assert_stats (const char *text,
              const char *expected)
{
  g_autofree char *stats = _byline_editor_pane_format_stats (text);

  g_assert_cmpstr (stats, ==, expected);
}

static void
test_word_count (void)
{
  assert_stats ("", "0 words · 0 characters");
  assert_stats ("Gale", "1 word · 4 characters · 1 min read");
  /* Apostrophes and hyphens inside words, points and commas inside numbers. */
  assert_stats ("The council's state-of-the-art plan costs £1,200.50 — or does it?",
                "9 words · 65 characters · 1 min read");
  assert_stats ("don’t stop", "2 words · 10 characters · 1 min read");
  /* Abbreviations, decimals, hyphens and apostrophes are one word each. */
  assert_stats ("The e-mail didn't arrive at 3.5 p.m.", "7 words · 36 characters · 1 min read");
  /* Markdown marks are not words; a link's address is not prose. */
  assert_stats ("## Tide *tables*\n\n- [Read the report](https://example.org/harbour/report-2023.pdf) today",
                "6 words · 86 characters · 1 min read");
  /* Accented and non-Latin words; each ideograph counts as a word. */
  assert_stats ("Zürich Ελλάδα Москва", "3 words · 20 characters · 1 min read");
  assert_stats ("港湾委員会", "5 words · 5 characters · 1 min read");
}

static void
test_published (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *published = field (fixture, "Published");

  byline_article_set_published (fixture->article, 0);
  g_assert_cmpstr (field_text (fixture, "Published"), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (published), "March 3, 2023 at 9:05 am");
  /* Nothing happens before the date is complete. */
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, 0);
  press_enter (fixture, "Published");
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, MARCH_3_0905);
  g_assert_false (gtk_widget_has_css_class (published, "error"));

  /* Not a date: the row says so and the time stays. */
  gtk_editable_set_text (GTK_EDITABLE (published), "not a date");
  press_enter (fixture, "Published");
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, MARCH_3_0905);
  g_assert_true (gtk_widget_has_css_class (published, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (published), ==, "Type a date like “March 3, 2023 at 9:05 am”");
  g_assert_cmpstr (field_text (fixture, "Published"), ==, "not a date");

  /* Another way of writing it is understood, and shown the house way. */
  gtk_editable_set_text (GTK_EDITABLE (published), "Published: 3 March 2023 10:30");
  press_enter (fixture, "Published");
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, MARCH_3_0905 + 85 * 60);
  g_assert_false (gtk_widget_has_css_class (published, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (published));
  g_assert_cmpstr (field_text (fixture, "Published"), ==, "March 3, 2023 at 10:30 am");

  /* Leaving the row commits too. */
  gtk_widget_grab_focus (published);
  gtk_editable_set_text (GTK_EDITABLE (published), "2023-03-04T08:00:00Z");
  byline_editor_pane_focus_headline (fixture->pane);
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, MARCH_3_0905 + 86400 - 65 * 60);

  /* Passing through does not round the seconds away. */
  byline_article_set_published (fixture->article, MARCH_3_0905 + 17);
  gtk_widget_grab_focus (published);
  byline_editor_pane_focus_headline (fixture->pane);
  press_enter (fixture, "Published");
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, MARCH_3_0905 + 17);

  /* Empty means not published. */
  gtk_editable_set_text (GTK_EDITABLE (published), "");
  press_enter (fixture, "Published");
  g_assert_cmpint (byline_article_get_published (fixture->article), ==, 0);
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextBuffer *body = field_buffer (fixture, "Body");
  g_autofree char *text = NULL;
  const char * const tags[] = { "weather", NULL };

  byline_article_set_headline (fixture->article, "Storm closes the north quay");
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "Storm closes the north quay");
  byline_article_set_caption (fixture->article, "Waves over the pier wall on Monday.");
  g_assert_cmpstr (field_text (fixture, "Caption"), ==, "Waves over the pier wall on Monday.");
  byline_article_set_tags (fixture->article, tags);
  g_assert_cmpstr (field_text (fixture, "Tags"), ==, "weather");
  byline_article_set_standfirst (fixture->article, "Ferries are cancelled until Thursday.");
  text = buffer_text (field_buffer (fixture, "Standfirst"));
  g_assert_cmpstr (text, ==, "Ferries are cancelled until Thursday.");
  g_clear_pointer (&text, g_free);
  byline_article_set_image (fixture->article, "/srv/photos/2023/storm.png");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (template_child (fixture, "image_row"))),
                   ==, "storm.png");

  /* A restored body replaces the text; the cursor stays where it was. */
  byline_editor_pane_set_cursor_offset (fixture->pane, 12);
  byline_article_set_body (fixture->article, BODY "\n\nThe board meets again in May.");
  text = buffer_text (body);
  g_assert_cmpstr (text, ==, BODY "\n\nThe board meets again in May.");
  g_assert_cmpint (byline_editor_pane_get_cursor_offset (fixture->pane), ==, 12);
  /* …and the restore is not something to undo. */
  g_assert_false (gtk_text_buffer_get_can_undo (body));
}

static void
test_switch_article (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BylineArticle) other = byline_article_new ();
  GtkStack *stack = GTK_STACK (template_child (fixture, "stack"));
  guint n_notifies = 0;
  g_autofree char *body = NULL;

  g_signal_connect (fixture->pane, "notify::article", G_CALLBACK (count_notify_cb), &n_notifies);

  byline_article_set_headline (other, "School board delays vote on new timetable");
  byline_editor_pane_set_article (fixture->pane, other);
  g_assert_cmpuint (n_notifies, ==, 1);
  byline_editor_pane_set_article (fixture->pane, other);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "School board delays vote on new timetable");
  /* Fields the new article leaves empty do not keep the old article's text. */
  g_assert_cmpstr (field_text (fixture, "Byline"), ==, "");
  g_assert_cmpstr (field_text (fixture, "Published"), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (template_child (fixture, "image_row"))),
                   ==, "No image chosen");
  body = buffer_text (field_buffer (fixture, "Body"));
  g_assert_cmpstr (body, ==, "");

  /* The old article is let go of: typing does not reach it, and its changes
   * do not reach the pane. */
  type_into (fixture, "Headline", " again");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "Harbour board backs new ferry terminal");
  byline_article_set_byline (fixture->article, "Someone Else");
  g_assert_cmpstr (field_text (fixture, "Byline"), ==, "");

  /* No article: the empty page, and nothing to type into. */
  byline_editor_pane_set_article (fixture->pane, NULL);
  g_assert_cmpuint (n_notifies, ==, 2);
  g_assert_null (byline_editor_pane_get_article (fixture->pane));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack))),
                   ==, "No Article Open");
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, "");
  g_assert_cmpstr (byline_article_get_headline (other), ==, "School board delays vote on new timetable again");

  byline_editor_pane_set_article (fixture->pane, fixture->article);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  g_assert_cmpstr (field_text (fixture, "Byline"), ==, "Someone Else");

  g_signal_handlers_disconnect_by_func (fixture->pane, count_notify_cb, &n_notifies);
  wait_frames (fixture);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Choosing a lead picture keeps it in the newsroom: the article names the
 * kept copy, which stays when the file goes; a file that is not a picture,
 * whatever its name, is refused, saying so where the picture shows, and
 * the article keeps the picture it had. */
static void
test_choose_image (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwActionRow *row = ADW_ACTION_ROW (template_child (fixture, "image_row"));
  g_autofree char *dir = g_dir_make_tmp ("byline-editor-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "newsroom.db", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "samples", "media", "red.png", NULL);
  g_autofree char *picture = g_build_filename (dir, "pier.png", NULL);
  g_autofree char *fake = g_build_filename (dir, "minutes.jpg", NULL);
  g_autoptr(GFile) picture_file = g_file_new_for_path (picture);
  g_autoptr(GFile) fake_file = g_file_new_for_path (fake);
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineMedia) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reference = NULL;
  gsize length = 0;

  /* Without a newsroom to keep it in, nothing can be chosen. */
  g_assert_false (gtk_widget_get_sensitive (byline_ui_test_find_action (GTK_WIDGET (row), "editor.choose-image")));

  store = byline_store_new (db, &error);
  g_assert_no_error (error);
  byline_editor_pane_set_store (fixture->pane, store);
  g_assert_true (gtk_widget_get_sensitive (byline_ui_test_find_action (GTK_WIDGET (row), "editor.choose-image")));
  g_assert_true (g_file_get_contents (sample, &contents, &length, &error));
  g_assert_true (g_file_set_contents (picture, contents, length, &error));
  g_assert_no_error (error);

  g_assert_true (_byline_editor_pane_take_image_file (fixture->pane, fixture->article, picture_file));
  reference = g_strdup (byline_article_get_image (fixture->article));
  g_assert_true (g_str_has_prefix (reference, "media:"));
  g_assert_true (g_str_has_suffix (reference, ".png"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "PNG picture, kept in the newsroom");
  g_assert_cmpint (g_unlink (picture), ==, 0);
  media = byline_store_load_media (store, reference, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (media->bytes, NULL), g_bytes_get_size (media->bytes), contents, length);

  g_assert_true (g_file_set_contents (fake, "Minutes of the harbour board, 4 March.\n", -1, &error));
  g_assert_false (_byline_editor_pane_take_image_file (fixture->pane, fixture->article, fake_file));
  g_assert_cmpstr (byline_article_get_image (fixture->article), ==, reference);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "not a JPEG, PNG, WebP or GIF picture"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  byline_editor_pane_set_store (fixture->pane, NULL);
  g_unlink (fake);
  g_unlink (db);
  byline_test_remove_tree (dir);
}

static void
test_remove_image (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwActionRow *row = ADW_ACTION_ROW (template_child (fixture, "image_row"));
  GtkWidget *remove = byline_ui_test_find_action (GTK_WIDGET (row), "editor.remove-image");

  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_sensitive (remove));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "editor.remove-image", NULL));
  g_assert_cmpstr (byline_article_get_image (fixture->article), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "No image chosen");
  /* Nothing left to remove. */
  g_assert_false (gtk_widget_get_sensitive (remove));
  /* The words that went with the picture are kept for the next one. */
  g_assert_cmpstr (byline_article_get_caption (fixture->article), ==, "The terminal would replace the 1960s pier.");
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  /* The names the end-to-end tests and screen readers find the fields by. */
  const char * const names[] = {
    "Headline", "Standfirst", "Byline", "Dateline", "Section", "Tags",
    "Published", "Image description", "Caption", "Credit", "Body",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *widget = field (fixture, names[i]);

      g_test_message ("%s: %s", names[i], G_OBJECT_TYPE_NAME (widget));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                       GTK_ACCESSIBLE_ROLE_TEXT_BOX);

      if (ADW_IS_ENTRY_ROW (widget))
        {
          /* An entry row is named by its title label; a label on top would
           * make the name "Byline Byline". */
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), ==, names[i]);
          g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY));
          g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                            GTK_ACCESSIBLE_PROPERTY_LABEL));
        }
      else
        {
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
        }
    }

  g_assert_null (_byline_editor_pane_get_field (fixture->pane, "Kicker"));

  /* The counter's meaning is spoken, not just "77 / 70". */
  set_field_text (fixture, "Headline",
                  "Café owners on the quay say the new terminal will bring business — and queues");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "Headline")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "77 of 70 characters, 7 characters too long");
}

static gboolean
cursor_is_visible (gpointer data)
{
  Fixture *fixture = data;
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (template_child (fixture, "scroller"));
  GtkWidget *body = field (fixture, "Body");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
  GtkTextIter iter;
  GdkRectangle location;
  graphene_point_t point;
  int x;
  int y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (body), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (body), GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);
  if (!gtk_widget_compute_point (body, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  return point.y >= 0 && point.y + location.height <= gtk_widget_get_height (GTK_WIDGET (scroller));
}

static void
test_cursor (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (template_child (fixture, "scroller"));
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (scroller);
  int length;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (body, "Paragraph %u of the council's budget report, read aloud at the meeting.\n\n", i);
  byline_article_set_body (fixture->article, body->str);
  length = g_utf8_strlen (body->str, -1);
  wait_frames (fixture);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);

  /* Going back to where one stopped writing: the cursor is there, in sight. */
  byline_editor_pane_set_cursor_offset (fixture->pane, length - 10);
  g_assert_cmpint (byline_editor_pane_get_cursor_offset (fixture->pane), ==, length - 10);
  wait_until (cursor_is_visible, fixture, "the end of the body to scroll into view");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);

  byline_editor_pane_set_cursor_offset (fixture->pane, 40);
  wait_until (cursor_is_visible, fixture, "the start of the body to scroll into view");

  /* Out of range goes to the ends. */
  byline_editor_pane_set_cursor_offset (fixture->pane, length + 500);
  g_assert_cmpint (byline_editor_pane_get_cursor_offset (fixture->pane), ==, length);
  byline_editor_pane_set_cursor_offset (fixture->pane, -3);
  g_assert_cmpint (byline_editor_pane_get_cursor_offset (fixture->pane), ==, 0);

  /* Focus moves where it is asked to. */
  byline_editor_pane_focus_body (fixture->pane);
  g_assert_true (gtk_widget_has_focus (field (fixture, "Body")));
  byline_editor_pane_focus_headline (fixture->pane);
  g_assert_true (gtk_widget_has_focus (field (fixture, "Headline")));
  /* Enter (the line break it types) after the headline goes on to the
   * standfirst, and adds no line. */
  type_into (fixture, "Headline", "\n");
  g_assert_true (gtk_widget_has_focus (field (fixture, "Standfirst")));
  g_assert_cmpstr (field_text (fixture, "Headline"), ==, byline_article_get_headline (fixture->article));
  g_assert_null (strchr (field_text (fixture, "Headline"), '\n'));
}

/* Types @text into a text field one character at a time, at the cursor,
 * as the keyboard does. */
static void
type_keys (Fixture    *fixture,
           const char *name,
           const char *text)
{
  GtkTextBuffer *buffer = field_buffer (fixture, name);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
      gtk_text_buffer_end_user_action (buffer);
    }
}

/* The Language row shows the article's language, even one not in its
 * list; choosing another sets the article's, and turns the text fields
 * right to left for Arabic. */
static void
test_language_row (Fixture       *fixture,
                   gconstpointer  data)
{
  BylineLanguageRow *row = BYLINE_LANGUAGE_ROW (template_child (fixture, "language_row"));
  GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  guint n_choices = g_list_model_get_n_items (choices);
  guint arabic = GTK_INVALID_LIST_POSITION;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Language");
  g_assert_cmpstr (byline_language_row_get_language (row), ==, "en");
  g_assert_cmpint (gtk_widget_get_direction (field (fixture, "Headline")), ==, GTK_TEXT_DIR_LTR);

  /* A tag from front matter gets a choice of its own, and stays. */
  byline_article_set_language (fixture->article, "pt-BR");
  g_assert_cmpstr (byline_language_row_get_language (row), ==, "pt-BR");
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, n_choices + 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))), ==,
                   "pt-BR");
  g_assert_cmpstr (byline_article_get_language (fixture->article), ==, "pt-BR");

  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (choice), "العربية (ar)"))
        arabic = i;
    }
  g_assert_cmpuint (arabic, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), arabic);
  g_assert_cmpstr (byline_article_get_language (fixture->article), ==, "ar");
  g_assert_cmpint (gtk_widget_get_direction (field (fixture, "Headline")), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (field (fixture, "Standfirst")), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (field (fixture, "Body")), ==, GTK_TEXT_DIR_RTL);

  /* Changed elsewhere (another desk, the history), it shows here. */
  byline_article_set_language (fixture->article, "fr");
  g_assert_cmpstr (byline_language_row_get_language (row), ==, "fr");
  g_assert_cmpint (gtk_widget_get_direction (field (fixture, "Body")), ==, GTK_TEXT_DIR_LTR);
}

/* An article that opens with a language of its own (en-GB, from a demo or
 * front matter) before the pane first shows: its choice is there and
 * selected, and the pane draws (GTK 4.8's combo row crashed here). */
static void
test_language_row_own_tag_at_start (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BylineEditorPane *pane = BYLINE_EDITOR_PANE (byline_editor_pane_new ());
  g_autoptr(BylineArticle) article = make_article ();
  BylineLanguageRow *row;
  guint n_frames = 0;
  guint tick;

  byline_article_set_language (article, "en-GB");
  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  byline_editor_pane_set_article (pane, article);
  gtk_window_present (window);

  row = BYLINE_LANGUAGE_ROW (gtk_widget_get_template_child (GTK_WIDGET (pane), BYLINE_TYPE_EDITOR_PANE,
                                                            "language_row"));
  g_assert_cmpstr (byline_language_row_get_language (row), ==, "en-GB");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))), ==,
                   "en-GB");

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &n_frames, NULL);
  wait_until (enough_frames, &n_frames, "the window to draw");
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  byline_article_set_language (article, "pt-BR");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))), ==,
                   "pt-BR");

  gtk_window_destroy (window);
}

/* With smart punctuation on, quotes typed come out as the article's
 * language sets them; off, or pasted, or in code, they stay straight. */
static void
test_smart_quotes (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_text_buffer_set_text (field_buffer (fixture, "Headline"), "", -1);
  type_keys (fixture, "Headline", "\"Off\"");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "\"Off\"");

  byline_editor_pane_set_smart_punctuation (fixture->pane, TRUE);

  gtk_text_buffer_set_text (field_buffer (fixture, "Headline"), "", -1);
  type_keys (fixture, "Headline", "\"It's on\"");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "\u201CIt\u2019s on\u201D");

  byline_article_set_language (fixture->article, "fr");
  gtk_text_buffer_set_text (field_buffer (fixture, "Standfirst"), "Il a dit ", -1);
  type_keys (fixture, "Standfirst", "\"oui\"");
  g_assert_cmpstr (byline_article_get_standfirst (fixture->article), ==,
                   "Il a dit \u00AB\u202Foui\u202F\u00BB");

  byline_article_set_language (fixture->article, "de");
  gtk_text_buffer_set_text (field_buffer (fixture, "Body"), "Er sagte ", -1);
  type_keys (fixture, "Body", "\"ja\" und `\"x\"`");
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "Er sagte \u201Eja\u201C und `\"x\"`");

  byline_article_set_language (fixture->article, "ar");
  gtk_text_buffer_set_text (field_buffer (fixture, "Headline"), "قال ", -1);
  type_keys (fixture, "Headline", "\"نعم\"");
  g_assert_cmpstr (byline_article_get_headline (fixture->article), ==, "قال \u201Dنعم\u201D");

  /* Pasted text is not retyped. */
  {
    GtkTextBuffer *body = field_buffer (fixture, "Body");
    GtkTextIter end;

    gtk_text_buffer_set_text (body, "", -1);
    gtk_text_buffer_get_end_iter (body, &end);
    gtk_text_buffer_insert_interactive (body, &end, "\"pasted\"", -1, TRUE);
    g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "\"pasted\"");
  }
}

static void
test_no_article (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  GtkWidget *pane = g_object_ref_sink (byline_editor_pane_new ());
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (pane, BYLINE_TYPE_EDITOR_PANE, "stack"));

  g_assert_null (byline_editor_pane_get_article (BYLINE_EDITOR_PANE (pane)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (byline_editor_pane_get_headline_budget (BYLINE_EDITOR_PANE (pane)), ==, 70);
  g_assert_cmpuint (byline_editor_pane_get_caption_budget (BYLINE_EDITOR_PANE (pane)), ==, 250);
  g_assert_cmpint (byline_editor_pane_get_cursor_offset (BYLINE_EDITOR_PANE (pane)), ==, 0);

  /* A pane dropped while holding an article lets go of it. */
  g_object_set (pane, "article", article, NULL);
  g_assert_finalize_object (pane);
  g_assert_finalize_object (g_steal_pointer (&article));
}

/* --- pasting a web page --------------------------------------------------------- */

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *expected;
} BufferWait;

static gboolean
buffer_has_text (gpointer data)
{
  BufferWait *wait = data;
  g_autofree char *text = buffer_text (wait->buffer);

  return g_strcmp0 (text, wait->expected) == 0;
}

#define PASTED_HTML \
  "<html><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>" \
  "<p>The ferry <strong>returns</strong> <a href=\"https://example.org/ferry\">tonight</a>.</p>" \
  "<div class=\"share-buttons\"><button>Share</button><a href=\"https://x.example/share\">Post</a></div>" \
  "<p><a href=\"javascript:alert(1)\">Timetable</a> changes on <em>Monday</em>.</p>" \
  "<footer>\u00a9 2026 The Courier</footer></body></html>"
#define PASTED_PLAIN "Home News\nThe ferry returns tonight.\nShare Post\nTimetable changes on Monday."

/* A page copied in a browser comes in as Markdown without its menus and
 * buttons; Ctrl+Shift+V pastes the plain text. */
static void
test_paste_html (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *body = field (fixture, "Body");
  GtkTextBuffer *buffer = field_buffer (fixture, "Body");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (body);
  g_autoptr(GBytes) html = g_bytes_new_static (PASTED_HTML, strlen (PASTED_HTML));
  g_autoptr(GBytes) plain = g_bytes_new_static (PASTED_PLAIN, strlen (PASTED_PLAIN));
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  BufferWait wait = { buffer, NULL };
  GtkTextIter end;

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", plain);
  provider = gdk_content_provider_new_union (providers, 2);
  g_assert_true (gdk_clipboard_set_content (clipboard, provider));

  gtk_widget_grab_focus (body);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_at_cursor (buffer, "\n\n", -1);
  g_signal_emit_by_name (body, "paste-clipboard");

  wait.expected = BODY "\n\nThe ferry **returns** [tonight](https://example.org/ferry).\n\n"
                  "Timetable changes on *Monday*.";
  wait_until (buffer_has_text, &wait, "the page pasted as Markdown");
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, wait.expected);

  /* One undo takes the whole paste away. */
  gtk_text_buffer_undo (buffer);
  wait.expected = BODY "\n\n";
  wait_until (buffer_has_text, &wait, "the paste undone");

  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "editor.paste-plain", NULL);
  wait.expected = BODY "\n\n" PASTED_PLAIN;
  wait_until (buffer_has_text, &wait, "the plain text pasted");
}

/* A clipboard past what any article is (32 MiB of HTML) is not converted,
 * which would hold up typing: its plain text comes in instead. */
static void
test_paste_html_too_large (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *body = field (fixture, "Body");
  GtkTextBuffer *buffer = field_buffer (fixture, "Body");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (body);
  gsize size = 32 * 1024 * 1024 + 16;
  char *page = g_malloc (size);
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) plain = g_bytes_new_static ("Too long", strlen ("Too long"));
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  BufferWait wait = { buffer, NULL };

  memcpy (page, "<p>", 3);
  memset (page + 3, 'a', size - 7);
  memcpy (page + size - 4, "</p>", 4);
  html = g_bytes_new_take (page, size);

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", plain);
  provider = gdk_content_provider_new_union (providers, 2);
  g_assert_true (gdk_clipboard_set_content (clipboard, provider));

  gtk_widget_grab_focus (body);
  gtk_text_buffer_set_text (buffer, "", -1);
  g_signal_emit_by_name (body, "paste-clipboard");

  wait.expected = "Too long";
  wait_until (buffer_has_text, &wait, "the plain text of a page too large");
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "Too long");
}

/* --- find and replace ------------------------------------------------------------ */

typedef struct
{
  BylineFindBar *bar;
  int            expected;
} MatchWait;

static gboolean
has_matches (gpointer data)
{
  MatchWait *wait = data;

  return byline_find_bar_get_n_matches (wait->bar) == wait->expected;
}

static void
expect_matches (BylineFindBar *bar,
                const char    *search,
                gboolean       match_case,
                gboolean       whole_words,
                gboolean       regex,
                int            expected)
{
  MatchWait wait = { bar, expected };

  byline_find_bar_set_options (bar, match_case, whole_words, regex);
  byline_find_bar_set_search_text (bar, search);
  g_test_message ("%s: %d matches", search, expected);
  wait_until (has_matches, &wait, "the matches to be counted");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
test_find_replace (Fixture       *fixture,
                   gconstpointer  data)
{
  BylineFindBar *bar = byline_editor_pane_get_find_bar (fixture->pane);
  GtkTextBuffer *body = field_buffer (fixture, "Body");
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (bar), GTK_TYPE_REVEALER);
  g_autofree char *text = NULL;

  set_field_text (fixture, "Body", "The ferry left. The Ferry came back.\n\nA ferryman waved.");

  /* Ctrl+F (the window's win.find): the bar shows, with the focus in it. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  byline_editor_pane_show_find (fixture->pane, FALSE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (bar)));

  expect_matches (bar, "ferry", FALSE, FALSE, FALSE, 3);
  byline_find_bar_next (bar);
  g_assert_cmpstr (byline_find_bar_get_count_text (bar), ==, "1 of 3");
  byline_find_bar_next (bar);
  g_assert_cmpstr (byline_find_bar_get_count_text (bar), ==, "2 of 3");
  expect_matches (bar, "ferry", TRUE, FALSE, FALSE, 2);
  expect_matches (bar, "ferry", TRUE, TRUE, FALSE, 1);
  expect_matches (bar, "tram", FALSE, FALSE, FALSE, 0);
  g_assert_cmpstr (byline_find_bar_get_count_text (bar), ==, "No matches");

  /* Replace all, whole words in any case: the ferryman stays. */
  expect_matches (bar, "ferry", FALSE, TRUE, FALSE, 2);
  byline_find_bar_set_replace_text (bar, "boat");
  g_assert_cmpuint (byline_find_bar_replace_all (bar), ==, 2);
  text = buffer_text (body);
  g_assert_cmpstr (text, ==, "The boat left. The boat came back.\n\nA ferryman waved.");
  /* The article follows, as with typing. */
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, text);
  g_clear_pointer (&text, g_free);

  /* One at a time, with a pattern. */
  expect_matches (bar, "f[a-z]+man", FALSE, FALSE, TRUE, 1);
  byline_find_bar_set_replace_text (bar, "sailor");
  g_assert_true (byline_find_bar_replace (bar));
  text = buffer_text (body);
  g_assert_cmpstr (text, ==, "The boat left. The boat came back.\n\nA sailor waved.");
  g_clear_pointer (&text, g_free);

  /* Read-only: nothing is replaced. */
  expect_matches (bar, "boat", FALSE, FALSE, FALSE, 2);
  byline_editor_pane_set_editable (fixture->pane, FALSE);
  byline_find_bar_set_replace_text (bar, "ship");
  g_assert_cmpuint (byline_find_bar_replace_all (bar), ==, 0);
  g_assert_false (byline_find_bar_replace (bar));
  text = buffer_text (body);
  g_assert_cmpstr (text, ==, "The boat left. The boat came back.\n\nA sailor waved.");
}

/* --- spell checking ----------------------------------------------------------------- */

static gboolean
spell_check_done (gpointer data)
{
  return !byline_editor_pane_is_spell_checking (data);
}

/* The words of @name's field underlined as misspelled, joined by "|". */
static char *
dup_underlined (Fixture    *fixture,
                const char *name)
{
  GtkTextBuffer *buffer = field_buffer (fixture, name);

  wait_until (spell_check_done, fixture->pane, "the spell check");
  g_assert_nonnull (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelled"));
  return byline_ui_test_dup_tagged (buffer, "misspelled");
}

static void
test_spell_check (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *found = NULL;
  const char * const names[] = { "councl", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSpellChecker) available = byline_spell_checker_new ("fr", &error);

  if (available == NULL)
    {
      byline_test_skip_missing (error->message);
      return;
    }

  byline_article_set_language (fixture->article, "en");
  set_field_text (fixture, "Headline", "Harbor bord meets");
  set_field_text (fixture, "Body", "The councl met in **the** `frobnicte` room at https://exmple.org/xq.");

  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "councl");
  g_clear_pointer (&found, g_free);
  found = dup_underlined (fixture, "Headline");
  g_assert_cmpstr (found, ==, "bord");
  g_clear_pointer (&found, g_free);

  /* The caption, an entry, is underlined with attributes. */
  set_field_text (fixture, "Caption", "Boats in the harbr at dawn");
  wait_until (spell_check_done, fixture->pane, "the caption's check");
  {
    GtkWidget *text = byline_ui_test_find_descendant (field (fixture, "Caption"), GTK_TYPE_TEXT);
    PangoAttrList *attributes = gtk_text_get_attributes (GTK_TEXT (text));
    g_autoptr(GSList) list = NULL;
    PangoAttribute *underline;

    g_assert_nonnull (attributes);
    list = pango_attr_list_get_attributes (attributes);
    g_assert_cmpuint (g_slist_length (list), ==, 1);
    underline = list->data;
    g_assert_cmpint (underline->klass->type, ==, PANGO_ATTR_UNDERLINE);
    g_assert_cmpuint (underline->start_index, ==, 13);
    g_assert_cmpuint (underline->end_index, ==, 18);
    g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  }

  /* The newsroom's words are right. */
  byline_editor_pane_set_dictionary_words (fixture->pane, names);
  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);

  /* The article's language picks the dictionary. */
  byline_article_set_language (fixture->article, "fr");
  set_field_text (fixture, "Body", "Le conseill a voté mardi.");
  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "conseill");
  g_clear_pointer (&found, g_free);

  /* Off: no underline. */
  byline_editor_pane_set_spell_check (fixture->pane, FALSE);
  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "");
}

/* The controller the pane put on @widget to prepare its context menu: a
 * right click (a secondary-button gesture) or the Menu key, both in the
 * capture phase, before the widget's own. */
static GtkEventController *
find_menu_controller (GtkWidget *widget,
                      GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE &&
          (type != GTK_TYPE_GESTURE_CLICK ||
           gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY))
        return controller;
    }

  g_assert_not_reached ();
}

static void
right_click (GtkWidget *widget,
             double     x,
             double     y)
{
  g_signal_emit_by_name (find_menu_controller (widget, GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
}

static void
press_menu_key (GtkWidget *widget)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_menu_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         GDK_KEY_Menu, 0, 0, &handled);
  g_assert_false (handled);
}

/* The labels of the extra menu's items, section by section, "|" between. */
static char *
dup_menu_labels (GMenuModel *menu)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  if (menu == NULL)
    return g_strdup ("");

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (labels, "%s%s", labels->len ? "|" : "", label);
        }
    }

  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static void
on_add_to_dictionary (BylineEditorPane *pane,
                      const char       *word,
                      char            **added)
{
  g_free (*added);
  *added = g_strdup (word);
}

static PangoAttrList *
caption_underlines (Fixture *fixture)
{
  GtkWidget *text = byline_ui_test_find_descendant (field (fixture, "Caption"), GTK_TYPE_TEXT);

  wait_until (spell_check_done, fixture->pane, "the caption's check");
  return gtk_text_get_attributes (GTK_TEXT (text));
}

/* Right click or the Menu key on an underlined word: its suggestions, Add
 * to Dictionary and Ignore, in the body and in the caption alike. */
static void
test_spell_menu (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *body = field (fixture, "Body");
  GtkTextBuffer *buffer = field_buffer (fixture, "Body");
  GtkText *caption = GTK_TEXT (byline_ui_test_find_descendant (field (fixture, "Caption"), GTK_TYPE_TEXT));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSpellChecker) available = byline_spell_checker_new ("en", &error);
  g_autofree char *added = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *found = NULL;
  g_autofree char *text = NULL;
  GdkRectangle location;
  graphene_rect_t start, end;
  GtkTextIter iter;
  int x, y;

  if (available == NULL)
    {
      byline_test_skip_missing (error->message);
      return;
    }

  g_signal_connect (fixture->pane, "add-to-dictionary", G_CALLBACK (on_add_to_dictionary), &added);
  byline_article_set_language (fixture->article, "en");
  set_field_text (fixture, "Body", "The councl met on Tuesday. Ask Adeyemmi.");
  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "councl|Adeyemmi");
  g_clear_pointer (&found, g_free);
  wait_frames (fixture);

  /* A right click on a word that is right: the usual menu. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 1);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (body), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (body), GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  right_click (body, x, y);
  labels = dup_menu_labels (gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (body)));
  g_assert_cmpstr (labels, ==, "");
  g_clear_pointer (&labels, g_free);

  /* On "councl": "council" among the suggestions; choosing it puts it in
   * the text and in the article. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 6);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (body), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (body), GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  right_click (body, x, y);
  labels = dup_menu_labels (gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (body)));
  g_test_message ("menu: %s", labels);
  g_assert_nonnull (strstr (labels, "council|"));
  g_assert_true (g_str_has_suffix (labels, "|_Add to Dictionary|_Ignore"));
  g_clear_pointer (&labels, g_free);
  gtk_widget_activate_action (body, "spell.replace", "s", "council");
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "The council met on Tuesday. Ask Adeyemmi.");
  labels = dup_menu_labels (gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (body)));
  g_assert_cmpstr (labels, ==, "");
  g_clear_pointer (&labels, g_free);

  /* The Menu key, with the cursor in "Adeyemmi": Ignore takes it as right
   * in this window, without adding it to the newsroom's dictionary. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 35);
  gtk_text_buffer_place_cursor (buffer, &iter);
  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "Adeyemmi");
  g_clear_pointer (&found, g_free);
  press_menu_key (body);
  labels = dup_menu_labels (gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (body)));
  g_assert_true (g_str_has_suffix (labels, "|_Add to Dictionary|_Ignore"));
  g_clear_pointer (&labels, g_free);
  gtk_widget_activate_action (body, "spell.ignore", NULL);
  found = dup_underlined (fixture, "Body");
  g_assert_cmpstr (found, ==, "");
  g_clear_pointer (&found, g_free);
  g_assert_null (added);

  /* The caption: a right click on "harbr" offers its suggestions; the
   * first one replaces it. */
  set_field_text (fixture, "Caption", "Boats in the harbr at dawn");
  g_assert_nonnull (caption_underlines (fixture));
  gtk_text_compute_cursor_extents (caption, 13, &start, NULL);
  gtk_text_compute_cursor_extents (caption, 18, &end, NULL);
  g_assert_cmpfloat (end.origin.x, >, start.origin.x);
  right_click (GTK_WIDGET (caption), (start.origin.x + end.origin.x) / 2, start.origin.y + 2);
  labels = dup_menu_labels (gtk_text_get_extra_menu (caption));
  g_test_message ("caption menu: %s", labels);
  g_assert_true (g_str_has_suffix (labels, "|_Add to Dictionary|_Ignore"));
  g_assert_false (g_str_has_prefix (labels, "No Suggestions"));
  {
    g_auto(GStrv) items = g_strsplit (labels, "|", 2);

    gtk_widget_activate_action (GTK_WIDGET (caption), "spell.replace", "s", items[0]);
    text = g_strdup_printf ("Boats in the %s at dawn", items[0]);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "Caption"))), ==, text);
  g_assert_cmpstr (byline_article_get_caption (fixture->article), ==, text);
  g_clear_pointer (&labels, g_free);

  /* A right click on "Boats": the usual menu. */
  gtk_text_compute_cursor_extents (caption, 2, &start, NULL);
  right_click (GTK_WIDGET (caption), start.origin.x, start.origin.y + 2);
  labels = dup_menu_labels (gtk_text_get_extra_menu (caption));
  g_assert_cmpstr (labels, ==, "");
  g_clear_pointer (&labels, g_free);

  /* The Menu key in "Portvalle", then Add to Dictionary: the window is
   * asked to keep it for every desk, and the underline goes. */
  set_field_text (fixture, "Caption", "The quay at Portvalle");
  g_assert_nonnull (caption_underlines (fixture));
  gtk_editable_set_position (GTK_EDITABLE (caption), 15);
  press_menu_key (GTK_WIDGET (caption));
  labels = dup_menu_labels (gtk_text_get_extra_menu (caption));
  g_assert_true (g_str_has_suffix (labels, "|_Add to Dictionary|_Ignore"));
  gtk_widget_activate_action (GTK_WIDGET (caption), "spell.add", NULL);
  g_assert_cmpstr (added, ==, "Portvalle");
  {
    PangoAttrList *underlines = caption_underlines (fixture);
    g_autoptr(GSList) list = underlines != NULL ? pango_attr_list_get_attributes (underlines) : NULL;

    g_assert_null (list);
  }
}

/* The readability line under the status line. */
static GtkLabel *
find_readability_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), "a sentence") != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_readability_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
  gboolean    present;
} LineWait;

static gboolean
readability_says (gpointer data)
{
  LineWait *wait = data;
  GtkLabel *label = find_readability_label (GTK_WIDGET (wait->fixture->pane));

  return label != NULL &&
         (strstr (gtk_label_get_label (label), wait->text) != NULL) == wait->present;
}

/* An article in a language no dictionary is installed for: the
 * readability line says its spelling is not checked, and the tooltip how
 * to get the dictionary. */
static void
test_spell_no_dictionary (Fixture       *fixture,
                          gconstpointer  data)
{
  LineWait wait = { fixture, "spelling not checked: no dictionary for “tlh”", TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSpellChecker) klingon = byline_spell_checker_new ("tlh", &error);
  const char *tooltip;

  g_assert_null (klingon);
  set_field_text (fixture, "Body", "Qapla’ batlh je.");
  byline_article_set_language (fixture->article, "tlh");
  wait_until (readability_says, &wait, "the line to say the spelling is not checked");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (find_readability_label (GTK_WIDGET (fixture->pane))));
  g_assert_nonnull (strstr (tooltip, "No spelling dictionary is installed for “tlh”"));

  /* In a language with a dictionary, it is checked again. */
  byline_article_set_language (fixture->article, "en");
  wait.present = FALSE;
  wait_until (readability_says, &wait, "the note to go");
  {
    g_autofree char *found = dup_underlined (fixture, "Body");

    g_assert_cmpstr (found, !=, "");
  }
}

/* --- readability ------------------------------------------------------------------ */

static void
test_readability_line (void)
{
  BylineReadability r;
  g_autofree char *line = NULL;
  g_autofree char *french = NULL;

  /* Worked by hand in test-readability.c: 23 words, 3 sentences, ease 59.3. */
  byline_readability_measure ("The cat sat on the mat. The dog ran to the park and played all day. "
                              "Municipal authorities announced comprehensive infrastructure plans yesterday.",
                              BYLINE_TEXT_MARKDOWN, "en", &r);
  line = _byline_editor_pane_format_readability (&r, 412);
  g_assert_cmpstr (line, ==, "3 sentences · 7.7 words a sentence · reading ease 59 · headline 412 / 580 px");

  byline_readability_measure ("Le chat dort.", BYLINE_TEXT_MARKDOWN, "fr", &r);
  french = _byline_editor_pane_format_readability (&r, 600);
  g_assert_cmpstr (french, ==, "1 sentence · 3.0 words a sentence · headline 600 / 580 px: search results cut it");
}

static gboolean
long_sentence_marked (gpointer data)
{
  GtkTextBuffer *buffer = data;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "long-sentence");
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 20);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_headline_width (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkTextBuffer *body = field_buffer (fixture, "Body");
  g_autoptr(GString) text = g_string_new ("Short one. ");
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (body), "long-sentence");
  GtkTextIter iter;
  int narrow, wide;

  /* In the page's headline font: longer is wider, and a long headline is
   * past what search results show. */
  narrow = _byline_editor_pane_measure_headline (fixture->pane, "Ferry fares rise");
  wide = _byline_editor_pane_measure_headline (fixture->pane, "Ferry fares rise in March as the harbour board "
                                                              "approves a new timetable for the winter");
  g_assert_cmpint (narrow, >, 50);
  g_assert_cmpint (narrow, <, 580);
  g_assert_cmpint (wide, >, 580);

  /* Sentences over 25 words, on request. */
  for (guint i = 0; i < 30; i++)
    g_string_append (text, i == 0 ? "Word" : " word");
  g_string_append (text, ". Short again.");
  set_field_text (fixture, "Body", text->str);
  byline_editor_pane_set_highlight_long_sentences (fixture->pane, TRUE);
  wait_until (long_sentence_marked, body, "the long sentence to be highlighted");
  gtk_text_buffer_get_iter_at_offset (body, &iter, 3);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  gtk_text_buffer_get_iter_at_offset (body, &iter, 11 + 4 + 29 * 5 + 4);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

#define ADD(path, func) \
  g_test_add ("/byline/editor-pane/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("load", test_load);
  ADD ("typing", test_typing);
  ADD ("undo", test_undo);
  ADD ("counters", test_counters);
  ADD ("headline-wraps", test_headline_wraps);
  ADD ("stats", test_stats);
  ADD ("published", test_published);
  ADD ("external-change", test_external_change);
  ADD ("switch-article", test_switch_article);
  ADD ("remove-image", test_remove_image);
  ADD ("choose-image", test_choose_image);
  ADD ("accessible-names", test_accessible_names);
  ADD ("cursor", test_cursor);
  ADD ("paste-html", test_paste_html);
  ADD ("paste-html-too-large", test_paste_html_too_large);
  ADD ("language-row", test_language_row);
  ADD ("smart-quotes", test_smart_quotes);
  ADD ("find-replace", test_find_replace);
  ADD ("spell-check", test_spell_check);
  ADD ("spell-menu", test_spell_menu);
  ADD ("spell-no-dictionary", test_spell_no_dictionary);
  ADD ("headline-width", test_headline_width);
  g_test_add_func ("/byline/editor-pane/readability-line", test_readability_line);
  g_test_add_func ("/byline/editor-pane/word-count", test_word_count);
  g_test_add_func ("/byline/editor-pane/language-row-own-tag-at-start", test_language_row_own_tag_at_start);
  g_test_add_func ("/byline/editor-pane/no-article", test_no_article);

#undef ADD

  return g_test_run ();
}
