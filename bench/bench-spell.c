/* bench-spell.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What spell checking a long body costs the editor's main thread: loading
 * the dictionary (done on a worker), finding the words after typing pauses
 * (one Markdown parse, on the main thread), and checking them in chunks of
 * CHUNK_WORDS words, as byline-editor-pane-tools.c does in idle time.
 *
 *   bench-spell [--words N] [--language TAG] [--runs N]
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "byline-spell.h"
#include "newsroom-text.h"
#include "bench-stats.h"

#define CHUNK_WORDS 64

int
main (int   argc,
      char *argv[])
{
  int words = 10000;
  int runs = 5;
  char *language = NULL;
  const GOptionEntry entries[] = {
    { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words in the body (10000)", "N" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, "The dictionary's language (en)", "TAG" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Times to check the body (5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GArray) chunks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *body = NULL;
  gint64 t0;
  double load_ms, scan_ms = 0, total_cold_ms = 0, total_warm_ms = 0;
  guint n_words = 0, n_misspelled = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* A reporter's draft, the same in bench-spell and bench-check. */
  body = bench_make_draft_body (rand, words);

  t0 = g_get_monotonic_time ();
  checker = byline_spell_checker_new (language != NULL ? language : "en", &error);
  load_ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (checker == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(BylineSpellScan) scan = NULL;
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (BylineSpellRange));
      double total = 0;
      gboolean more = TRUE;

      t0 = g_get_monotonic_time ();
      scan = byline_spell_scan_new (body, BYLINE_TEXT_MARKDOWN);
      scan_ms += (g_get_monotonic_time () - t0) / 1000.0;
      n_words = byline_spell_scan_get_n_words (scan);

      while (more)
        {
          double ms;

          t0 = g_get_monotonic_time ();
          more = byline_spell_scan_step (scan, checker, CHUNK_WORDS, found);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          total += ms;
          g_array_append_val (chunks, ms);
        }

      n_misspelled = found->len;
      if (run == 0)
        total_cold_ms = total;
      else
        total_warm_ms += total / (runs - 1);
    }

  g_array_sort (chunks, compare_doubles);

  printf ("body: %u words checked (%d generated), %u misspelled, %zu bytes\n",
          n_words, words, n_misspelled, strlen (body));
  printf ("dictionary %s loaded in %.1f ms (worker thread)\n",
          byline_spell_checker_get_dictionary (checker), load_ms);
  printf ("finding the words: %.2f ms per check (main thread, once typing pauses)\n", scan_ms / runs);
  printf ("checking all words: %.1f ms the first time, %.1f ms after (known words cached)\n",
          total_cold_ms, runs > 1 ? total_warm_ms : total_cold_ms);
  printf ("one chunk of %d words: median %.3f ms, 99th percentile %.3f ms, worst %.3f ms\n",
          CHUNK_WORDS,
          g_array_index (chunks, double, chunks->len / 2),
          g_array_index (chunks, double, (guint) (chunks->len * 0.99)),
          g_array_index (chunks, double, chunks->len - 1));

  g_free (language);

  return 0;
}
