/* bench-check.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What one pre-publish check (byline_check_article()) of a long article
 * costs, with its dictionary loaded already, as the window's check panel
 * runs it on the main thread after typing pauses.
 *
 *   bench-check [--words N] [--language TAG] [--runs N]
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "byline-check.h"
#include "newsroom-text.h"
#include "bench-stats.h"

int
main (int   argc,
      char *argv[])
{
  int words = 10000;
  int runs = 10;
  char *language = NULL;
  const GOptionEntry entries[] = {
    { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words in the body (10000)", "N" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, "The dictionary's language (en)", "TAG" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Checks to time (10)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *body = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *standfirst = NULL;
  BylineCheckBudgets budgets = { 70, BYLINE_CHECK_DEFAULT_STANDFIRST_BUDGET, 250 };
  guint n_problems = 0;
  double total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* A reporter's draft, the same in bench-spell and bench-check. */
  body = bench_make_draft_body (rand, words);

  headline = bench_make_headline (rand);
  standfirst = bench_make_standfirst (rand);
  byline_article_set_headline (article, headline);
  byline_article_set_standfirst (article, standfirst);
  byline_article_set_body (article, body);

  checker = byline_spell_checker_new (language != NULL ? language : "en", &error);
  if (checker == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      problems = byline_check_article (article, NULL, &budgets, checker);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (run == 0)
        printf ("first check (words not yet cached by the dictionary): %.1f ms\n", ms);
      else
        {
          g_array_append_val (times, ms);
          total += ms;
        }
      n_problems = problems->len;
    }

  g_array_sort (times, compare_doubles);
  printf ("body: %zu bytes, %u problems\n", strlen (body), n_problems);
  if (times->len > 0)
    printf ("later checks: median %.1f ms, mean %.1f ms, worst %.1f ms\n",
            g_array_index (times, double, times->len / 2), total / times->len,
            g_array_index (times, double, times->len - 1));

  g_free (language);

  return 0;
}
