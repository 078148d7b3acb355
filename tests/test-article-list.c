/* test-article-list.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-article-list.h"
#include "byline-review.h"
#include "byline-store-private.h"
#include "byline-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  BylineStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = byline_test_make_tmp_dir ("byline-list-XXXXXX");
  fixture->path = byline_test_location_new (fixture->dir, "newsroom");
  fixture->store = byline_test_store_new (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  byline_test_location_remove (fixture->path);
  byline_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add (BylineStore *store,
     const char  *headline,
     const char  *body)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  g_assert_true (byline_store_save_article (store, article, &error));
  return byline_article_get_id (article);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(BylineArticleList) list = NULL;
  g_autoptr(BylineArticleSummary) first = NULL;
  g_autoptr(BylineArticleSummary) last = NULL;
  g_autoptr(BylineArticleSummary) middle = NULL;
  gint64 ids[250];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *headline = g_strdup_printf ("Council minutes, part %u", i);
      ids[i] = add (fixture->store, headline, "Minutes.");
    }

  list = byline_article_list_new (fixture->store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == BYLINE_TYPE_ARTICLE_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);

  /* Newest first, across page boundaries, and nothing past the end. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  middle = g_list_model_get_item (G_LIST_MODEL (list), 150);
  last = g_list_model_get_item (G_LIST_MODEL (list), 249);
  g_assert_cmpint (byline_article_summary_get_id (first), ==, ids[249]);
  g_assert_cmpint (byline_article_summary_get_id (middle), ==, ids[99]);
  g_assert_cmpint (byline_article_summary_get_id (last), ==, ids[0]);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 250));
  /* Rows are summaries, not articles: nothing can save one. */
  g_assert_false (BYLINE_IS_ARTICLE (first));
  g_assert_cmpstr (byline_article_summary_get_headline (first), ==, "Council minutes, part 249");

  g_assert_cmpuint (byline_article_list_find (list, ids[120]), ==, 129);
  g_assert_cmpuint (byline_article_list_find (list, 999999), ==, G_MAXUINT);
}

static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineArticleList) list = NULL;
  guint changes = 0;
  gint64 id;

  add (fixture->store, "Pool reopens after repairs", "The pool on Quay Street reopens.");
  list = byline_article_list_new (fixture->store);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* A burst of saves becomes one reload, on idle. */
  id = add (fixture->store, "Second story", "Body.");
  add (fixture->store, "Third story", "Body.");
  g_assert_cmpuint (changes, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  byline_article_list_set_search (list, "quay");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  byline_article_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  g_assert_true (byline_store_trash_article (fixture->store, id, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  byline_article_list_set_trashed (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&list));
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The one change since the last call, which must be (@position,
 * @removed, @added). */
static void
assert_one_change (GArray *changes,
                   guint   position,
                   guint   removed,
                   guint   added)
{
  Change *change;

  drain ();
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

static BylineArticleSummary *
row (BylineArticleList *list,
     guint              position)
{
  return g_list_model_get_item (G_LIST_MODEL (list), position);
}

static gint64
row_id (BylineArticleList *list,
        guint              position)
{
  g_autoptr(BylineArticleSummary) summary = row (list, position);

  return byline_article_summary_get_id (summary);
}

/* Every story's last change a second after the one before, in 2020, as
 * another program might write it (a server stores times as times). */
static void
set_old_times (Fixture *fixture)
{
  byline_test_sql_exec (fixture->path, byline_test_on_server ()
                        ? "UPDATE articles SET updated = to_timestamp (1600000000 + id)"
                        : "UPDATE articles SET updated = 1600000000 + id");
}

/* Thirty stories saved long ago, a second apart, newest (ids[29]) first:
 * whatever is saved now goes to the top. */
static void
add_old_stories (Fixture *fixture,
                 gint64   ids[30])
{
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Tide table for day %u", i);
      ids[i] = add (fixture->store, headline, "High water at noon.");
    }

  set_old_times (fixture);
}

/* Asserts the store made the note or revision @object, and lets it go. */
static void
assert_made (gpointer object)
{
  g_assert_nonnull (object);
  g_object_unref (object);
}

static void
test_save_changes_one_row (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BylineArticleList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(BylineArticle) top = NULL;
  g_autoptr(BylineArticle) sixth = NULL;
  g_autoptr(BylineArticleSummary) first = NULL;
  gint64 ids[30];
  gint64 id;

  add_old_stories (fixture, ids);
  list = byline_article_list_new (fixture->store);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  /* The rows on screen, as the sidebar shows them. */
  g_assert_cmpint (row_id (list, 0), ==, ids[29]);

  /* Typing in the top story: each autosave changes its row, and only it. */
  top = byline_test_load_article (fixture->store, ids[29]);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Tide table for day 29, take %u", i);

      byline_article_set_headline (top, headline);
      byline_test_save_article (fixture->store, top);
      assert_one_change (changes, 0, 1, 1);

      first = row (list, 0);
      g_assert_cmpstr (byline_article_summary_get_headline (first), ==, headline);
      g_clear_object (&first);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 30);

  /* Saving the sixth story brings it to the top: one change covering the
   * rows between its new place and its old one, not the whole list. (The
   * top story's time goes back first, so the two are not saved within the
   * same second.) */
  set_old_times (fixture);
  sixth = byline_test_load_article (fixture->store, row_id (list, 5));
  byline_article_set_body (sixth, "High water at half past twelve.");
  byline_test_save_article (fixture->store, sixth);
  assert_one_change (changes, 0, 6, 6);
  g_assert_cmpint (row_id (list, 0), ==, byline_article_get_id (sixth));
  g_assert_cmpint (row_id (list, 1), ==, ids[29]);
  g_assert_cmpint (row_id (list, 6), ==, ids[23]);

  /* A new story is one row more at the top. */
  id = add (fixture->store, "Lifeboat launched twice in a day", "Two callouts.");
  assert_one_change (changes, 0, 0, 1);
  g_assert_cmpint (row_id (list, 0), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 31);

  /* A note changes the row that shows its count. */
  assert_made (byline_store_add_note (fixture->store, ids[20], "Ada", "Check the times.", -1, -1, NULL));
  assert_one_change (changes, 10, 1, 1);
  first = row (list, 10);
  g_assert_cmpint (byline_article_summary_get_id (first), ==, ids[20]);
  g_assert_cmpuint (byline_article_summary_get_open_notes (first), ==, 1);
  g_clear_object (&first);

  /* A revision changes nothing a row shows. */
  assert_made (byline_store_save_revision (fixture->store, top, "Ada", BYLINE_REVISION_MANUAL, NULL));
  drain ();
  g_assert_cmpuint (changes->len, ==, 0);

  /* Trashed: its row goes, the others stay. */
  g_assert_true (byline_store_trash_article (fixture->store, ids[20], NULL));
  assert_one_change (changes, 10, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 30);
  g_assert_cmpint (row_id (list, 10), ==, ids[19]);

  /* The same happens in the Trash the other way round. */
  byline_article_list_set_trashed (list, TRUE);
  g_array_set_size (changes, 0);
  g_assert_cmpint (row_id (list, 0), ==, ids[20]);
  g_assert_true (byline_store_restore_article (fixture->store, ids[20], NULL));
  assert_one_change (changes, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&list));
}

/* A state filter: an article that leaves the state leaves the list. */
static void
test_state_change_leaves_filter (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(BylineArticleList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(BylineArticle) article = NULL;
  gint64 ids[30];

  add_old_stories (fixture, ids);
  list = byline_article_list_new (fixture->store);
  byline_article_list_set_status (list, BYLINE_STATUS_DRAFT);
  g_assert_cmpint (row_id (list, 3), ==, ids[26]);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);

  article = byline_test_load_article (fixture->store, ids[26]);
  g_assert_true (byline_store_set_status (fixture->store, article, BYLINE_STATUS_IN_REVIEW, "Ada", NULL));
  assert_one_change (changes, 3, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 29);

  g_assert_finalize_object (g_steal_pointer (&list));
}

static GThread *main_thread;

static void
count_query_cb (const char *query,
                gpointer    user_data)
{
  guint *count = user_data;

  /* Only what the main thread asks: where typing would wait. */
  if (g_thread_self () == main_thread)
    (*count)++;
}

typedef struct
{
  BylineStore   *store;
  BylineArticle *article;
} SaveJob;

static gpointer
save_thread (gpointer data)
{
  SaveJob *job = data;

  byline_test_save_article (job->store, job->article);
  return NULL;
}

static void
test_note_counts_come_with_rows (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(BylineArticleList) list = NULL;
  g_autoptr(BylineNote) thread = NULL;
  g_autoptr(BylineNote) resolved = NULL;
  gint64 ids[150];
  guint queries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *headline = g_strdup_printf ("Ferry timetable, week %u", i);
      ids[i] = add (fixture->store, headline, "Sailings as usual.");
    }
  set_old_times (fixture);

  /* The newest story: two open threads (one with a reply) and a resolved
   * one; the fiftieth: one open thread. */
  thread = byline_store_add_note (fixture->store, ids[149], "Ada", "Source?", -1, -1, NULL);
  assert_made (byline_store_reply_note (fixture->store, byline_note_get_id (thread), "Ben", "The port.", NULL));
  assert_made (byline_store_add_note (fixture->store, ids[149], "Ada", "Spelling.", -1, -1, NULL));
  resolved = byline_store_add_note (fixture->store, ids[149], "Ada", "Done.", -1, -1, NULL);
  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (resolved), TRUE, NULL));
  assert_made (byline_store_add_note (fixture->store, ids[100], "Ben", "Photo?", -1, -1, NULL));
  drain ();

  list = byline_article_list_new (fixture->store);
  _byline_store_set_trace (fixture->store, count_query_cb, &queries);

  /* Showing a page of rows is one query, with every row's count in it:
   * binding a row asks the store nothing more. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(BylineArticleSummary) summary = row (list, i);
      gint64 id = byline_article_summary_get_id (summary);
      guint expected = id == ids[149] ? 2 : id == ids[100] ? 1 : 0;

      g_assert_cmpuint (byline_article_summary_get_open_notes (summary), ==, expected);
    }
  g_assert_cmpuint (queries, ==, 1);

  /* Binding the same rows again (a scroll back): no query at all. */
  for (guint i = 0; i < 100; i++)
    g_object_unref (row (list, i));
  g_assert_cmpuint (queries, ==, 1);

  /* The next page is the next query. */
  g_object_unref (row (list, 120));
  g_assert_cmpuint (queries, ==, 2);

  _byline_store_set_trace (fixture->store, NULL, NULL);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* What an autosave costs the main thread: the list's one query. */
static void
test_autosave_costs_one_query (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(BylineArticleList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(BylineArticle) top = NULL;
  gint64 ids[30];
  guint queries = 0;

  add_old_stories (fixture, ids);
  list = byline_article_list_new (fixture->store);
  for (guint i = 0; i < 30; i++)
    g_object_unref (row (list, i));
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  top = byline_test_load_article (fixture->store, ids[29]);

  _byline_store_set_trace (fixture->store, count_query_cb, &queries);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *body = g_strdup_printf ("High water at noon, %u.", i);
      SaveJob job = { fixture->store, top };

      /* Autosave writes on a worker; "changed" comes to the main thread. */
      byline_article_set_body (top, body);
      g_thread_join (g_thread_new ("autosave", save_thread, &job));
      assert_one_change (changes, 0, 1, 1);
    }
  g_assert_cmpuint (queries, ==, 5);

  _byline_store_set_trace (fixture->store, NULL, NULL);
  g_assert_finalize_object (g_steal_pointer (&list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add ("/byline/article-list/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/byline/article-list/follows-store", Fixture, NULL, fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/byline/article-list/save-changes-one-row", Fixture, NULL, fixture_set_up, test_save_changes_one_row, fixture_tear_down);
  g_test_add ("/byline/article-list/state-change-leaves-filter", Fixture, NULL, fixture_set_up, test_state_change_leaves_filter, fixture_tear_down);
  g_test_add ("/byline/article-list/note-counts-come-with-rows", Fixture, NULL, fixture_set_up, test_note_counts_come_with_rows, fixture_tear_down);
  g_test_add ("/byline/article-list/autosave-costs-one-query", Fixture, NULL, fixture_set_up, test_autosave_costs_one_query, fixture_tear_down);

  return g_test_run ();
}
