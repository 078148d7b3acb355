/* test-article-list.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-article-list.h"
#include "byline-test-util.h"

typedef struct
{
  char        *dir;
  BylineStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = NULL;

  fixture->dir = byline_test_make_tmp_dir ("byline-list-XXXXXX");
  path = g_build_filename (fixture->dir, "newsroom.db", NULL);
  fixture->store = byline_test_store_new (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  byline_test_remove_tree (fixture->dir);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/byline/article-list/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/byline/article-list/follows-store", Fixture, NULL, fixture_set_up, test_follows_store, fixture_tear_down);

  return g_test_run ();
}
