/* test-window-faults.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window against a newsroom that goes wrong under it: opened
 * read-only, made read-only while it runs, locked by another program past
 * the busy timeout, or replaced by a damaged file. Each time a person sees
 * a banner, keeps every word in the editor, and finds them saved once the
 * fault clears, without typing again. */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "byline-editor-pane-private.h"
#include "byline-store.h"
#include "byline-ui-test-util.h"
#include "byline-window-private.h"

typedef struct
{
  char           *dir;
  char           *path;
  BylineStore    *store;
  GSettings      *settings;
  GtkApplication *app;
  BylineWindow   *window;
  gint64          ferry_id;
} Fixture;

#define FERRY_BODY "The ferry will run every hour from Monday."

static gint64
add_article (BylineStore *store,
             const char  *headline,
             const char  *body)
{
  g_autoptr(BylineArticle) article = byline_article_new ();

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  return byline_test_save_article (store, article);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = byline_ui_test_store_new ("byline-window-faults-XXXXXX", &fixture->dir);
  fixture->path = g_strdup (byline_store_get_path (fixture->store));
  add_article (fixture->store, "Pier repairs finished", "The pier is open again.");
  fixture->ferry_id = add_article (fixture->store, "Ferry timetable changes", FERRY_BODY);

  fixture->settings = g_settings_new (APP_ID);
  fixture->app = g_object_ref (GTK_APPLICATION ((gpointer)user_data));
}

static void
open_window (Fixture *fixture)
{
  fixture->window = byline_window_new (fixture->app, fixture->store, fixture->settings);
  byline_autosave_set_delay (_byline_window_get_autosave (fixture->window), 50);
  byline_ui_test_present (fixture->window);
  g_assert_true (byline_window_open_article (fixture->window, fixture->ferry_id, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    byline_ui_test_close (fixture->window);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);

  byline_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
get_field (Fixture    *fixture,
           const char *name)
{
  GtkWidget *field = _byline_editor_pane_get_field (_byline_window_get_editor (fixture->window), name);

  g_assert_nonnull (field);
  return field;
}

static char *
dup_body (Fixture *fixture)
{
  return byline_ui_test_dup_field_text (get_field (fixture, "Body"));
}

static gboolean
banner_says (Fixture    *fixture,
             const char *words)
{
  const char *text = _byline_window_get_banner_text (fixture->window);

  return text != NULL && strstr (text, words) != NULL;
}

static gboolean
banner_hidden (Fixture *fixture)
{
  return _byline_window_get_banner_text (fixture->window) == NULL;
}

/* What another program reading the file finds, on a connection of its own. */
static gboolean
stored_body_is (Fixture    *fixture,
                const char *body)
{
  g_autofree char *sql = g_strdup_printf ("SELECT body FROM articles WHERE id = %" G_GINT64_FORMAT,
                                          fixture->ferry_id);
  g_autofree char *stored = byline_test_sql_text (fixture->path, sql);

  return g_strcmp0 (stored, body) == 0;
}

static void
assert_intact (Fixture *fixture)
{
  g_autofree char *check = byline_test_sql_text (fixture->path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

/* Types @words at the end of the body, as a person would. */
static char *
type_more (Fixture    *fixture,
           const char *words)
{
  g_autofree char *body = dup_body (fixture);
  char *typed = g_strconcat (body, words, NULL);

  byline_ui_test_set_field_text (get_field (fixture, "Body"), typed);
  return typed;
}

/* --- a newsroom opened read-only ----------------------------------------- */

static void
test_read_only_newsroom (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *bar;
  GtkWidget *new_button;
  GtkWidget *desk_bar;

  g_clear_object (&fixture->store);
  if (!byline_test_make_read_only (fixture->dir))
    {
      g_test_skip ("running as root where chattr +i does not work");
      return;
    }

  fixture->store = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (byline_store_is_read_only (fixture->store));
  open_window (fixture);

  /* A banner says so... */
  desk_bar = _byline_window_get_desk_bar (fixture->window);
  g_assert_nonnull (desk_bar);
  bar = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (desk_bar)));
  g_assert_nonnull (strstr (bar, "This newsroom is read-only"));

  /* ...the article reads as stored, and nothing can be typed into it... */
  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, FERRY_BODY);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (get_field (fixture, "Body"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (get_field (fixture, "Headline"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (get_field (fixture, "Byline"))));
  byline_ui_test_set_field_text (get_field (fixture, "Body"), "Nothing goes in.");
  g_clear_pointer (&body, g_free);
  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, FERRY_BODY);

  /* ...and what would write is off, while reading and exporting are on. */
  new_button = byline_ui_test_find_action (GTK_WIDGET (fixture->window), "win.new-article");
  g_assert_nonnull (new_button);
  g_assert_false (gtk_widget_is_sensitive (new_button));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (
                     byline_ui_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_WINDOW_TITLE))),
                   ==, "Read-Only");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article", NULL);
  byline_ui_test_spin_idle ();
  g_assert_true (_byline_window_get_banner_text (fixture->window) == NULL);

  byline_ui_test_close (fixture->window);
  fixture->window = NULL;
  g_clear_object (&fixture->store);
  byline_test_make_writable (fixture->dir);
  g_assert_true (stored_body_is (fixture, FERRY_BODY));
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 2);
}

/* --- faults while the window runs --------------------------------------- */

/* Made read-only under the running window (an administrator's chattr, a
 * share remounted read-only): the words stay, and go in once it is
 * writable again. */
static void
test_made_read_only (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *wal = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *body = NULL;

  if (geteuid () != 0)
    {
      /* An open file stays writable through its descriptor whatever its
       * mode becomes; only an immutable file refuses. */
      g_test_skip ("needs root for chattr +i");
      return;
    }

  open_window (fixture);
  wal = g_strconcat (fixture->path, "-wal", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  if (!byline_test_make_read_only (fixture->path))
    {
      g_test_skip ("chattr +i does not work here");
      return;
    }
  if (!byline_test_make_read_only (wal))
    {
      byline_test_make_writable (fixture->path);
      g_test_skip ("chattr +i does not work here");
      return;
    }

  typed = type_more (fixture, " Tickets go on sale at the pier.");
  WAIT_FOR (banner_says (fixture, "not saved"), 10, "the banner about the refused save");

  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, typed);
  g_assert_true (stored_body_is (fixture, FERRY_BODY));

  byline_test_make_writable (wal);
  byline_test_make_writable (fixture->path);

  /* Nothing more typed: the window tries again on its own. */
  WAIT_FOR (banner_hidden (fixture), 15, "the banner to go once the file is writable");
  WAIT_FOR (stored_body_is (fixture, typed), 5, "the words to be saved");
  assert_intact (fixture);
}

/* Another program holds the newsroom's write lock past the busy timeout. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *typed = NULL;
  g_autofree char *body = NULL;
  sqlite3 *holder = NULL;

  open_window (fixture);
  byline_store_set_busy_timeout (fixture->store, 300);

  g_assert_cmpint (sqlite3_open (fixture->path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  typed = type_more (fixture, " The last boat leaves at ten.");
  WAIT_FOR (banner_says (fixture, "in use by another program"), 10, "the banner about the lock");
  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, typed);

  /* Still locked a while later: still kept, still said. */
  byline_test_spin (2500);
  g_assert_true (banner_says (fixture, "in use by another program"));

  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);

  WAIT_FOR (banner_hidden (fixture), 15, "the banner to go once the lock is let go");
  WAIT_FOR (stored_body_is (fixture, typed), 5, "the words to be saved");
  assert_intact (fixture);
}

/* The file is replaced by a damaged one while the window has it open (a
 * bad copy restored over it): saving into the replaced file would be
 * saving nowhere. The banner says so; once the newsroom is put back, the
 * words go in. */
static void
test_replaced_by_corrupt_file (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *typed = NULL;
  g_autofree char *body = NULL;
  g_autofree char *kept = g_strconcat (fixture->path, ".kept", NULL);
  g_autofree char *damaged = g_strconcat (fixture->path, ".damaged", NULL);
  g_autofree char *garbage = NULL;

  open_window (fixture);

  /* A file that starts like a database and is noise after. */
  garbage = g_malloc (64 * 1024);
  memcpy (garbage, "SQLite format 3", 16);
  for (guint i = 16; i < 64 * 1024; i++)
    garbage[i] = (char)(i * 31 + 7);
  g_assert_true (g_file_set_contents (damaged, garbage, 64 * 1024, NULL));
  g_assert_cmpint (link (fixture->path, kept), ==, 0);
  g_assert_cmpint (g_rename (damaged, fixture->path), ==, 0);

  typed = type_more (fixture, " Cars must book ahead.");
  WAIT_FOR (banner_says (fixture, "replaced"), 10, "the banner about the replaced file");
  body = dup_body (fixture);
  g_assert_cmpstr (body, ==, typed);

  /* The newsroom is put back: the words go in, and only there. */
  g_assert_cmpint (g_rename (kept, fixture->path), ==, 0);
  WAIT_FOR (banner_hidden (fixture), 15, "the banner to go once the file is back");
  WAIT_FOR (stored_body_is (fixture, typed), 5, "the words to be saved");
  assert_intact (fixture);
}

/* A field past its limit (byline-limits.h) is not saved: the banner names
 * it and the limit, the text stays in the editor, and once it is
 * shortened the article saves. */
static void
test_past_a_limit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *long_headline = g_strnfill (1001, 'h');
  g_autofree char *shown = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT headline FROM articles WHERE id = %" G_GINT64_FORMAT,
                                          fixture->ferry_id);

  open_window (fixture);

  byline_ui_test_set_field_text (get_field (fixture, "Headline"), long_headline);
  WAIT_FOR (banner_says (fixture, "the headline has 1001 characters, more than the 1000"), 10,
            "the banner about the headline's length");
  shown = byline_ui_test_dup_field_text (get_field (fixture, "Headline"));
  g_assert_cmpstr (shown, ==, long_headline);
  {
    g_autofree char *stored = byline_test_sql_text (fixture->path, sql);

    g_assert_cmpstr (stored, ==, "Ferry timetable changes");
  }

  byline_ui_test_set_field_text (get_field (fixture, "Headline"), "Ferry timetable: hourly from Monday");
  WAIT_FOR (banner_hidden (fixture), 10, "the banner to go once the headline is shorter");
  {
    g_autofree char *stored = byline_test_sql_text (fixture->path, sql);

    g_assert_cmpstr (stored, ==, "Ferry timetable: hourly from Monday");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = byline_ui_test_app_new ("io.github.bylinedesk.Byline.WindowFaultsTest");

#define ADD(name, func) \
  g_test_add ("/byline/window-faults/" name, Fixture, app, fixture_set_up, func, fixture_tear_down)

  ADD ("read-only-newsroom", test_read_only_newsroom);
  ADD ("made-read-only", test_made_read_only);
  ADD ("locked", test_locked);
  ADD ("replaced-by-corrupt-file", test_replaced_by_corrupt_file);
  ADD ("past-a-limit", test_past_a_limit);

#undef ADD

  return g_test_run ();
}
