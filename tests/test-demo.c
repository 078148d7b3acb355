/* test-demo.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-check.h"
#include "byline-demo.h"
#include "byline-pin.h"
#include "byline-spell.h"
#include "byline-test-util.h"

static void
test_demo_newsroom (void)
{
  g_autofree char *dir = byline_test_make_tmp_dir ("byline-demo-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "newsroom.db", NULL);
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen[BYLINE_N_STATUSES] = { FALSE };
  guint resolved_pins = 0;

  store = byline_test_store_new (path);
  g_assert_true (byline_demo_populate (store, &error));
  g_assert_no_error (error);

  list = byline_store_list_articles (store, NULL, &error);
  g_assert_cmpuint (list->len, ==, 6);
  /* The story a new user sees open first. */
  g_assert_cmpstr (byline_article_summary_get_headline (g_ptr_array_index (list, 0)), ==,
                   "Harbour dredging to start in spring after council vote");

  for (guint i = 0; i < list->len; i++)
    {
      BylineArticleSummary *row = g_ptr_array_index (list, i);
      g_autoptr(BylineArticle) article = byline_store_load_article (store, byline_article_summary_get_id (row), &error);
      GListModel *pins = byline_article_get_pins (article);

      g_assert_no_error (error);
      g_assert_cmpstr (byline_article_get_headline (article), !=, "");
      g_assert_cmpstr (byline_article_get_body (article), !=, "");
      seen[byline_article_get_status (article)] = TRUE;

      for (guint j = 0; j < g_list_model_get_n_items (pins); j++)
        {
          g_autoptr(BylinePin) pin = g_list_model_get_item (pins, j);
          g_assert_true (byline_pin_is_resolved (pin));
          resolved_pins++;
        }
    }

  /* The lead story has a real picture, kept in the newsroom. */
  {
    g_autoptr(BylineArticle) lead = byline_store_load_article (store, byline_article_summary_get_id (g_ptr_array_index (list, 0)), NULL);
    const char *image = byline_article_get_image (lead);
    g_autoptr(BylineMedia) media = NULL;

    g_assert_true (byline_media_parse_reference (image, NULL, NULL));
    media = byline_store_load_media (store, image, &error);
    g_assert_no_error (error);
    g_assert_nonnull (byline_media_sniff (media->bytes, NULL, NULL));
    g_assert_cmpuint (g_bytes_get_size (media->bytes), >, 1000);
    g_assert_cmpstr (byline_article_get_credit (lead), ==, "Portvale Courier");
  }

  /* Every state shows up, and READ: links point at stored articles. */
  for (guint s = 0; s < BYLINE_N_STATUSES; s++)
    g_assert_true (seen[s]);
  g_assert_cmpuint (resolved_pins, >=, 4);

  g_clear_object (&store);
  byline_test_remove_tree (dir);
}

/* The demo newsroom is British and its names are in the newsroom's own
 * dictionary: a first start shows no word underlined. */
static void
test_demo_spelling (void)
{
  g_autofree char *dir = byline_test_make_tmp_dir ("byline-demo-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "newsroom.db", NULL);
  g_autoptr(BylineStore) store = byline_test_store_new (path);
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  BylineCheckBudgets budgets = { 0, 0, 0 };

  g_assert_true (byline_demo_populate (store, &error));
  g_assert_no_error (error);

  checker = byline_spell_checker_new ("en-GB", &error);
  if (checker == NULL && g_strcmp0 (g_getenv ("BYLINE_TEST_REQUIRE_TOOLS"), "1") != 0)
    {
      g_test_skip_printf ("%s", error->message);
      g_clear_object (&store);
      byline_test_remove_tree (dir);
      return;
    }
  g_assert_no_error (error);
  words = byline_store_list_dictionary (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) words, "Portvale"));
  byline_spell_checker_add_words (checker, (const char * const *) words);

  list = byline_store_list_articles (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      BylineArticleSummary *row = g_ptr_array_index (list, i);
      g_autoptr(BylineArticle) article = byline_store_load_article (store, byline_article_summary_get_id (row), &error);
      g_autoptr(GPtrArray) problems = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (byline_article_get_language (article), ==, "en-GB");
      problems = byline_check_article (article, store, &budgets, checker);
      for (guint j = 0; j < problems->len; j++)
        {
          BylineCheckProblem *problem = g_ptr_array_index (problems, j);

          if (problem->kind == BYLINE_CHECK_SPELLING)
            g_error ("“%s”: %s", byline_article_get_headline (article), problem->detail);
        }
    }

  g_clear_object (&store);
  byline_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/byline/demo/newsroom", test_demo_newsroom);
  g_test_add_func ("/byline/demo/spelling", test_demo_spelling);
  return g_test_run ();
}
