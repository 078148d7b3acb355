/* bench-sidebar.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <stdlib.h>

#include "byline-article-list.h"
#include "byline-store.h"
#include "bench-stats.h"

/* What the drafts sidebar asks of the store, timed on a newsroom from
 * gen-newsroom: opening it, the article count the list starts with, the
 * first page of rows, a page from the middle (a scroll there) and the last
 * page, a status filter and a search. Each figure is the median of --runs
 * fresh lists (the database stays open and in the OS cache, as in a
 * running app; the first pass warms the cache and is not counted).
 *
 * Usage: bench-sidebar NEWSROOM [--runs N] */

typedef enum
{
  STEP_COUNT,
  STEP_FIRST_PAGE,
  STEP_MIDDLE_PAGE,
  STEP_LAST_PAGE,
  STEP_STATUS,
  STEP_SEARCH,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = {
  "new list (counts the articles)",
  "first page (rows 0-99)",
  "a page in the middle",
  "the last page",
  "filter: drafts only (count)",
  "search for harbour (count)",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GArray *times[N_STEPS];
  const char *path = NULL;
  guint runs = 10;
  gboolean usage = FALSE;
  guint n_items = 0;
  gint64 start;
  double open_ms;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          runs = (guint)MAX (n, 1);
        }
      else if (path == NULL && argv[i][0] != '-')
        path = argv[i];
      else
        usage = TRUE;
    }

  if (path == NULL || usage)
    {
      g_printerr ("Usage: %s NEWSROOM [--runs N]\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  store = byline_store_new (path, &error);
  open_ms = ms_since (start);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint s = 0; s < N_STEPS; s++)
    times[s] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(BylineArticleList) list = NULL;
      g_autoptr(BylineArticle) first = NULL;
      g_autoptr(BylineArticle) middle = NULL;
      g_autoptr(BylineArticle) last = NULL;
      double ms[N_STEPS];

      start = g_get_monotonic_time ();
      list = byline_article_list_new (store);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      ms[STEP_COUNT] = ms_since (start);

      if (n_items == 0)
        {
          g_printerr ("“%s” has no articles. Make some with gen-newsroom.\n", path);
          return 1;
        }

      start = g_get_monotonic_time ();
      first = g_list_model_get_item (G_LIST_MODEL (list), 0);
      ms[STEP_FIRST_PAGE] = ms_since (start);

      start = g_get_monotonic_time ();
      middle = g_list_model_get_item (G_LIST_MODEL (list), n_items / 2);
      ms[STEP_MIDDLE_PAGE] = ms_since (start);

      start = g_get_monotonic_time ();
      last = g_list_model_get_item (G_LIST_MODEL (list), n_items - 1);
      ms[STEP_LAST_PAGE] = ms_since (start);

      start = g_get_monotonic_time ();
      byline_article_list_set_status (list, BYLINE_STATUS_DRAFT);
      ms[STEP_STATUS] = ms_since (start);

      byline_article_list_set_status (list, -1);
      start = g_get_monotonic_time ();
      byline_article_list_set_search (list, "harbour");
      ms[STEP_SEARCH] = ms_since (start);

      /* The first pass warms the OS cache. */
      if (run > 0)
        for (guint s = 0; s < N_STEPS; s++)
          g_array_append_val (times[s], ms[s]);
    }

  g_print ("Newsroom: %s, %u live articles; opening the store took %.1f ms\n", path, n_items, open_ms);
  for (guint s = 0; s < N_STEPS; s++)
    {
      g_array_sort (times[s], compare_doubles);
      g_print ("  %-32s median %8.2f ms  max %8.2f ms\n", step_names[s],
               g_array_index (times[s], double, times[s]->len / 2),
               g_array_index (times[s], double, times[s]->len - 1));
      g_array_unref (times[s]);
    }

  return 0;
}
