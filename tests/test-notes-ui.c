/* test-notes-ui.c
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
#include "byline-notes-panel.h"
#include "byline-notes-panel-private.h"
#include "byline-review.h"
#include "byline-sidebar.h"
#include "byline-store.h"
#include "byline-store-private.h"
#include "byline-ui-test-util.h"
#include "byline-window-private.h"

#define EDITOR_NAME "Ada Brennan"
#define REPORTER_NAME "Jonas Berg"

#define BODY \
  "The harbour board met on Tuesday evening.\n\n" \
  "Dredging starts in April and should take six weeks.\n\n" \
  "Fishing boats will moor at the west quay meanwhile.\n"

#define PASSAGE "Dredging starts in April"

typedef struct
{
  char             *dir;
  BylineStore      *store;
  GSettings        *settings;
  GtkApplication   *app;
  BylineWindow     *window;
  gint64            id;
  BylineNotesPanel *panel;
  GtkTextBuffer    *buffer;
} Fixture;

/* A visible label under @widget showing exactly @text (the popover
 * holding it need not be open). */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (widget == NULL || !gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* A visible label under @widget whose text starts with @prefix. */
static gboolean
shows_label_starting (GtkWidget  *widget,
                      const char *prefix)
{
  if (widget == NULL || !gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label_starting (child, prefix))
      return TRUE;

  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *body;

  fixture->store = byline_ui_test_store_new ("byline-notes-ui-XXXXXX", &fixture->dir);

  byline_article_set_headline (article, "Harbour board backs dredging of the east basin");
  byline_article_set_body (article, BODY);
  byline_article_set_status (article, BYLINE_STATUS_IN_REVIEW);
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);
  fixture->id = byline_article_get_id (article);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "author-name", EDITOR_NAME);
  g_settings_set_int64 (fixture->settings, "open-article", fixture->id);
  /* One registered application serves every test. */
  fixture->app = g_object_ref (GTK_APPLICATION ((gpointer)user_data));

  fixture->window = byline_window_new (fixture->app, fixture->store, fixture->settings);
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 50);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 900);
  byline_ui_test_present (fixture->window);

  g_assert_cmpint (byline_article_get_id (byline_window_get_article (fixture->window)), ==, fixture->id);
  fixture->panel = BYLINE_NOTES_PANEL (byline_ui_test_find_descendant (GTK_WIDGET (fixture->window), BYLINE_TYPE_NOTES_PANEL));
  g_assert_nonnull (fixture->panel);
  body = _byline_editor_pane_get_field (_byline_window_get_editor (fixture->window), "Body");
  fixture->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  byline_ui_test_close (fixture->window);
  g_settings_reset (fixture->settings, "author-name");
  g_settings_reset (fixture->settings, "open-article");
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);

  byline_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The text of each run the note tag covers, joined with "|". */
static char *
dup_highlighted (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), BYLINE_NOTE_TAG_NAME);
  GString *runs = g_string_new (NULL);
  GtkTextIter iter;

  if (tag == NULL)
    return g_string_free (runs, FALSE);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *text = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;

      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      text = gtk_text_buffer_get_text (buffer, &iter, &end, TRUE);
      if (runs->len > 0)
        g_string_append_c (runs, '|');
      g_string_append (runs, text);
      iter = end;
    }

  return g_string_free (runs, FALSE);
}

static gboolean
highlight_is (GtkTextBuffer *buffer,
              const char    *expected)
{
  g_autofree char *runs = dup_highlighted (buffer);

  return g_strcmp0 (runs, expected) == 0;
}

/* Selects the first @text in the buffer; returns its offset. */
static int
select_text (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter start;
  GtkTextIter match_start;
  GtkTextIter match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);

  return gtk_text_iter_get_offset (&match_start);
}

static void
place_cursor (GtkTextBuffer *buffer,
              int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* Types @text into the Note entry and presses Add Note. */
static void
add_note_through_panel (Fixture    *fixture,
                        const char *text)
{
  GtkButton *add = _byline_notes_panel_get_add_button (fixture->panel);

  gtk_editable_set_text (_byline_notes_panel_get_note_entry (fixture->panel), text);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (add)));
  g_signal_emit_by_name (add, "clicked");
}

static GPtrArray *
list_notes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *notes = byline_store_list_notes (fixture->store, fixture->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notes);

  return notes;
}

static GtkMenuButton *
get_notes_button (Fixture *fixture)
{
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (fixture->panel), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

static char *
stored_body (Fixture *fixture)
{
  g_autoptr(BylineArticle) article = byline_store_load_article (fixture->store, fixture->id, NULL);

  return article != NULL ? g_strdup (byline_article_get_body (article)) : NULL;
}

static gboolean
stored_body_has (Fixture    *fixture,
                 const char *text)
{
  g_autofree char *body = stored_body (fixture);

  return body != NULL && strstr (body, text) != NULL;
}

static void
test_anchored_note (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BylineAutosave *autosave = _byline_window_get_autosave (fixture->window);
  g_autoptr(GPtrArray) notes = NULL;
  BylineNote *note;
  g_autofree char *body_before = NULL;
  int start;

  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (get_notes_button (fixture))), ==, "Notes");

  start = select_text (fixture->buffer, PASSAGE);
  add_note_through_panel (fixture, "Check the start date with the port authority.");

  /* In the store, on the passage, in characters of the body. */
  notes = list_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (byline_note_get_start (note), ==, start);
  g_assert_cmpint (byline_note_get_end (note), ==, start + (int) g_utf8_strlen (PASSAGE, -1));
  g_assert_cmpstr (byline_note_get_anchor_text (note), ==, PASSAGE);
  g_assert_cmpstr (byline_note_get_author (note), ==, EDITOR_NAME);
  g_assert_cmpstr (byline_note_get_text (note), ==, "Check the start date with the port authority.");
  g_assert_cmpint (byline_note_get_resolved (note), ==, 0);

  /* Marked in the text, exactly over the passage. */
  g_assert_true (highlight_is (fixture->buffer, PASSAGE));

  /* The entry is ready for the next note; the thread shows in the list. */
  g_assert_cmpstr (gtk_editable_get_text (_byline_notes_panel_get_note_entry (fixture->panel)), ==, "");
  g_assert_nonnull (_byline_notes_panel_get_thread (fixture->panel, byline_note_get_id (note)));
  g_assert_true (shows_label (_byline_notes_panel_get_thread (fixture->panel, byline_note_get_id (note)),
                              "Check the start date with the port authority."));
  g_assert_true (shows_label (_byline_notes_panel_get_thread (fixture->panel, byline_note_get_id (note)),
                              "“" PASSAGE "”"));
  g_assert_cmpuint (byline_notes_panel_get_n_open (fixture->panel), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (get_notes_button (fixture))), ==, "Notes (1 open)");

  /* Marking the passage is no edit: nothing to save, the text unchanged. */
  g_assert_false (byline_autosave_get_dirty (autosave));
  body_before = stored_body (fixture);
  g_assert_cmpstr (body_before, ==, BODY);
  g_assert_cmpstr (byline_article_get_body (byline_window_get_article (fixture->window)), ==, BODY);
}

static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BylineAutosave *autosave = _byline_window_get_autosave (fixture->window);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;
  int start;

  start = select_text (fixture->buffer, PASSAGE);
  add_note_through_panel (fixture, "Is April still right?");
  g_assert_true (highlight_is (fixture->buffer, PASSAGE));

  /* Typing before the passage, not saved yet: the mark stays on the same
   * words, also when the notes are read again meanwhile (the store's
   * anchors are still on the stored body). */
  byline_autosave_set_delay (autosave, 60 * 1000);
  gtk_text_buffer_get_start_iter (fixture->buffer, &iter);
  gtk_text_buffer_insert (fixture->buffer, &iter, "UPDATED: ", -1);
  g_assert_true (byline_autosave_get_dirty (autosave));
  byline_notes_panel_reload (fixture->panel);
  g_assert_true (highlight_is (fixture->buffer, PASSAGE));

  /* More words inside the first paragraph, then saved. */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 9 + (int) strlen ("The harbour board"));
  gtk_text_buffer_insert (fixture->buffer, &iter, " of Port Ellery", -1);
  g_assert_true (byline_window_save_now (fixture->window, &error));
  g_assert_no_error (error);
  byline_ui_test_spin_idle ();
  g_assert_true (stored_body_has (fixture, "UPDATED: The harbour board of Port Ellery met"));
  g_assert_true (highlight_is (fixture->buffer, PASSAGE));

  /* The store moved the anchor the same way. */
  notes = list_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (byline_note_get_start (g_ptr_array_index (notes, 0)), ==,
                   start + (int) g_utf8_strlen ("UPDATED: " " of Port Ellery", -1));

  /* The same through the ordinary debounced autosave. */
  byline_autosave_set_delay (autosave, 50);
  gtk_text_buffer_get_start_iter (fixture->buffer, &iter);
  gtk_text_buffer_insert (fixture->buffer, &iter, "Corrected. ", -1);
  WAIT_FOR (stored_body_has (fixture, "Corrected. UPDATED:"), 5, "the edit to be saved");
  /* The row is written on the autosave's worker before the main loop
   * hears the write is done. */
  WAIT_FOR (!byline_autosave_get_dirty (autosave), 5, "the autosave to take in its write");
  byline_ui_test_spin_idle ();
  g_assert_true (highlight_is (fixture->buffer, PASSAGE));
}

static void
test_reply_and_resolve (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) after_reply = NULL;
  g_autoptr(GPtrArray) after_resolve = NULL;
  g_autoptr(GPtrArray) after_reopen = NULL;
  GtkWidget *reply;
  GtkWidget *resolve;
  GtkWidget *reopen;
  gint64 thread_id;

  select_text (fixture->buffer, "six weeks");
  add_note_through_panel (fixture, "Six or eight? The contractor said eight.");
  notes = list_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  thread_id = byline_note_get_id (g_ptr_array_index (notes, 0));

  /* A reply, as the reporter. */
  g_settings_set_string (fixture->settings, "author-name", REPORTER_NAME);
  reply = _byline_notes_panel_get_thread_part (fixture->panel, thread_id, "Reply");
  g_assert_true (GTK_IS_EDITABLE (reply));
  gtk_editable_set_text (GTK_EDITABLE (reply), "Six, confirmed with the harbour master.");
  g_signal_emit_by_name (reply, "activate");

  after_reply = list_notes (fixture);
  g_assert_cmpuint (after_reply->len, ==, 2);
  g_assert_cmpint (byline_note_get_parent_id (g_ptr_array_index (after_reply, 1)), ==, thread_id);
  g_assert_cmpstr (byline_note_get_text (g_ptr_array_index (after_reply, 1)), ==,
                   "Six, confirmed with the harbour master.");
  g_assert_cmpstr (byline_note_get_author (g_ptr_array_index (after_reply, 1)), ==, REPORTER_NAME);
  g_assert_true (shows_label (_byline_notes_panel_get_thread (fixture->panel, thread_id),
                              "Six, confirmed with the harbour master."));
  g_assert_true (shows_label (_byline_notes_panel_get_thread (fixture->panel, thread_id), REPORTER_NAME));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_byline_notes_panel_get_thread_part (fixture->panel, thread_id, "Reply"))),
                   ==, "");

  /* Resolved: closed in the store, gone from the list and the text. */
  resolve = _byline_notes_panel_get_thread_part (fixture->panel, thread_id, "Resolve");
  g_assert_true (GTK_IS_BUTTON (resolve));
  g_signal_emit_by_name (resolve, "clicked");

  after_resolve = list_notes (fixture);
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (after_resolve, 0)), >, 0);
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, fixture->id, NULL), ==, 0);
  g_assert_cmpuint (byline_notes_panel_get_n_open (fixture->panel), ==, 0);
  g_assert_null (_byline_notes_panel_get_thread (fixture->panel, thread_id));
  g_assert_true (highlight_is (fixture->buffer, ""));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (get_notes_button (fixture))), ==, "Notes");

  /* Show Resolved brings it back, to be reopened. */
  gtk_toggle_button_set_active (_byline_notes_panel_get_show_resolved (fixture->panel), TRUE);
  g_assert_nonnull (_byline_notes_panel_get_thread (fixture->panel, thread_id));
  g_assert_null (_byline_notes_panel_get_thread_part (fixture->panel, thread_id, "Reply"));
  reopen = _byline_notes_panel_get_thread_part (fixture->panel, thread_id, "Reopen");
  g_assert_true (GTK_IS_BUTTON (reopen));
  g_signal_emit_by_name (reopen, "clicked");

  after_reopen = list_notes (fixture);
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (after_reopen, 0)), ==, 0);
  g_assert_cmpuint (byline_notes_panel_get_n_open (fixture->panel), ==, 1);
  g_assert_true (highlight_is (fixture->buffer, "six weeks"));
  g_assert_nonnull (_byline_notes_panel_get_thread_part (fixture->panel, thread_id, "Resolve"));
}

static void
test_article_note (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) notes = NULL;
  BylineNote *note;

  /* Only a cursor, no selection: a note on the whole article. */
  place_cursor (fixture->buffer, 10);
  add_note_through_panel (fixture, "Needs a photo of the dredger before it runs.");

  notes = list_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 1);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (byline_note_get_start (note), ==, -1);
  g_assert_cmpint (byline_note_get_end (note), ==, -1);
  g_assert_cmpstr (byline_note_get_author (note), ==, EDITOR_NAME);
  g_assert_true (highlight_is (fixture->buffer, ""));
  g_assert_true (shows_label (_byline_notes_panel_get_thread (fixture->panel, byline_note_get_id (note)),
                              "On the whole article"));
  g_assert_cmpuint (byline_notes_panel_get_n_open (fixture->panel), ==, 1);

  /* An empty note is not added. */
  gtk_editable_set_text (_byline_notes_panel_get_note_entry (fixture->panel), "   ");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_byline_notes_panel_get_add_button (fixture->panel))));
}

/* --- review mode ---------------------------------------------------------- */

static gboolean
preview_has (BylinePreview *preview,
             const char    *text)
{
  const char *html = byline_preview_get_html (preview);

  return html != NULL && strstr (html, text) != NULL;
}

static gboolean
preview_has_marks (BylinePreview *preview)
{
  return preview_has (preview, "<ins") || preview_has (preview, "<del");
}

static gboolean
get_review_state (Fixture *fixture)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "review-mode");

  g_assert_nonnull (state);
  return g_variant_get_boolean (state);
}

/* The strings selected by @expr in @html, joined with "|". */
static char *
xpath_joined (const char *html,
              const char *expr)
{
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression ((const xmlChar *)expr, ctx);
  GString *joined = g_string_new (NULL);

  for (int i = 0; obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (obj->nodesetval->nodeTab[i]);

      if (joined->len > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, (const char *)content);
      xmlFree (content);
    }

  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  return g_string_free (joined, FALSE);
}

static gboolean
preview_inserted_is (BylinePreview *preview,
                     const char    *expected)
{
  g_autofree char *inserted = NULL;

  if (byline_preview_get_html (preview) == NULL)
    return FALSE;

  inserted = xpath_joined (byline_preview_get_html (preview), "//div[contains(@class,'body')]//ins");
  return g_strcmp0 (inserted, expected) == 0;
}

static void
test_review_mode (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BylinePreview *preview = _byline_window_get_preview (fixture->window);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineRevision) reviewed = NULL;
  g_autoptr(BylineRevision) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *deleted = NULL;

  /* Nothing by anyone else yet: the toggle does not stay on. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-mode", NULL);
  g_assert_false (get_review_state (fixture));
  WAIT_FOR (preview_has (preview, "Dredging starts in April"), 30, "the preview");
  g_assert_false (preview_has_marks (preview));

  /* The editor's revision, then the reporter's rewrite. */
  article = byline_store_load_article (fixture->store, fixture->id, &error);
  g_assert_no_error (error);
  reviewed = byline_store_save_revision (fixture->store, article, EDITOR_NAME, BYLINE_REVISION_STATE, &error);
  g_assert_no_error (error);
  byline_article_set_body (article,
                           "The harbour board met on Tuesday evening.\n\n"
                           "Dredging starts in May and should take six weeks.\n\n"
                           "Fishing boats will moor at the west quay meanwhile.\n\n"
                           "The contractor is from Harwich.\n");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  rewritten = byline_store_save_revision (fixture->store, article, REPORTER_NAME, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  /* Open it afresh, as after a change elsewhere. */
  {
    g_autoptr(BylineArticle) other = byline_article_new ();

    byline_article_set_headline (other, "Ferry timetable changes");
    g_assert_true (byline_store_save_article (fixture->store, other, &error));
    g_assert_true (byline_window_open_article (fixture->window, byline_article_get_id (other), &error));
    g_assert_true (byline_window_open_article (fixture->window, fixture->id, &error));
    g_assert_no_error (error);
  }

  /* On: the reporter's changes since the editor's revision are marked. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-mode", NULL);
  g_assert_true (get_review_state (fixture));
  g_assert_nonnull (byline_preview_get_review_baseline (preview));
  WAIT_FOR (preview_has (preview, "<ins class=\"review-ins\">"), 30, "the marks in the preview");
  inserted = xpath_joined (byline_preview_get_html (preview), "//div[contains(@class,'body')]//ins");
  deleted = xpath_joined (byline_preview_get_html (preview), "//div[contains(@class,'body')]//del");
  g_assert_cmpstr (inserted, ==, "May|The contractor is from Harwich.");
  g_assert_cmpstr (deleted, ==, "April");

  /* Typing shows at once, marked too. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (fixture->buffer, &end);
    gtk_text_buffer_insert (fixture->buffer, &end, "\nDivers start on Monday.", -1);
    WAIT_FOR (preview_inserted_is (preview, "May|The contractor is from Harwich.|Divers start on Monday."),
              30, "the new words marked in the preview");
  }

  /* Off: the page as it will be published. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-mode", NULL);
  g_assert_false (get_review_state (fixture));
  g_assert_null (byline_preview_get_review_baseline (preview));
  WAIT_FOR (!preview_has_marks (preview), 30, "the marks to go");
  g_assert_true (preview_has (preview, "Dredging starts in May"));
  g_assert_false (preview_has (preview, "April"));
}

/* The article list shows each article's open threads, counted by the
 * list's own query, and its row follows a new or resolved note. */
static void
test_sidebar_counts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *sidebar = GTK_WIDGET (_byline_window_get_sidebar (fixture->window));
  g_autoptr(BylineNote) first = NULL;
  g_autoptr(BylineNote) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (shows_label_starting (sidebar, "In Review · 1 note"));

  first = byline_store_add_note (fixture->store, fixture->id, EDITOR_NAME, "Which quay?", -1, -1, &error);
  g_assert_no_error (error);
  WAIT_FOR (shows_label_starting (sidebar, "In Review · 1 note ·"), 5, "the row to count one note");

  second = byline_store_add_note (fixture->store, fixture->id, REPORTER_NAME, "Photo?", -1, -1, &error);
  g_assert_no_error (error);
  WAIT_FOR (shows_label_starting (sidebar, "In Review · 2 notes ·"), 5, "the row to count two notes");

  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (first), TRUE, &error));
  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (second), TRUE, &error));
  g_assert_no_error (error);
  WAIT_FOR (!shows_label_starting (sidebar, "In Review · 2 notes") &&
            !shows_label_starting (sidebar, "In Review · 1 note"), 5, "the count to go");
  g_assert_true (shows_label_starting (sidebar, "In Review ·"));
}

static GThread *main_thread;

static void
count_query_cb (const char *query,
                gpointer    user_data)
{
  guint *count = user_data;

  if (g_thread_self () == main_thread)
    (*count)++;
}

/* Typing into an article without notes: each autosave writes on a worker,
 * and the main thread, where the typing happens, runs one query for it
 * (the list's row), not a reload of the list or the notes. */
static void
test_autosave_main_thread_queries (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  BylineAutosave *autosave = _byline_window_get_autosave (fixture->window);
  guint queries = 0;

  /* The first edit takes the article's edit lock, which the list's row
   * shows: one query more, once.  Count from the second edit on, after
   * half a second without a query on the main thread (what opening the
   * window and taking the lock started is over; a loaded machine can
   * take seconds). */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (fixture->buffer, &end);
    gtk_text_buffer_insert (fixture->buffer, &end, " First.", -1);
    WAIT_FOR (byline_autosave_get_dirty (autosave), 5, "the first edit");
    WAIT_FOR (!byline_autosave_get_dirty (autosave), 5, "the first autosave");
  }
  _byline_store_set_trace (fixture->store, count_query_cb, &queries);
  for (guint waited = 0; waited < 40; waited++)
    {
      queries = 0;
      byline_test_spin (500);
      if (queries == 0)
        break;
    }
  g_assert_cmpuint (queries, ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (fixture->buffer, &end);
      gtk_text_buffer_insert (fixture->buffer, &end, " More.", -1);
      WAIT_FOR (byline_autosave_get_dirty (autosave), 5, "the edit");
      WAIT_FOR (!byline_autosave_get_dirty (autosave), 5, "the autosave");
      /* The list's update runs on idle, after the save's "changed". */
      byline_test_spin (100);
    }
  _byline_store_set_trace (fixture->store, NULL, NULL);

  g_assert_cmpuint (queries, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  main_thread = g_thread_self ();

  app = byline_ui_test_app_new ("io.github.bylinedesk.Byline.NotesTest");

#define ADD(name, func) \
  g_test_add ("/byline/notes-ui/" name, Fixture, app, fixture_set_up, func, fixture_tear_down)

  ADD ("anchored-note", test_anchored_note);
  ADD ("follows-edits", test_follows_edits);
  ADD ("reply-and-resolve", test_reply_and_resolve);
  ADD ("article-note", test_article_note);
  ADD ("review-mode", test_review_mode);
  ADD ("sidebar-counts", test_sidebar_counts);
  ADD ("autosave-main-thread-queries", test_autosave_main_thread_queries);

#undef ADD

  return g_test_run ();
}
