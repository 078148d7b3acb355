/* bench-autosave.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "byline-pg-connection.h"
#include "byline-store.h"
#include "byline-store-sqlite-private.h"
#include "newsroom-text.h"
#include "bench-stats.h"

/* Times what autosave does after the last keystroke: one
 * byline_store_save_article() of the whole article, on a store opened the
 * way the app opens it (WAL, synchronous = FULL: every save waits for the
 * disk). Between saves a word is typed into the body, so the FTS index is
 * updated each time as it is in use.
 *
 * Usage: bench-autosave [--saves N] [--newsroom DB]
 *   --newsroom DB  save into a copy of DB (e.g. a 10,000-article newsroom
 *                  from gen-newsroom), so the index is realistically big;
 *                  without it, into a new, empty newsroom. A newsroom
 *                  server's postgresql:// address is saved into as it is
 *                  (two new articles). */

#define WARMUP 5

/* Where the person is typing: a new word near the end of the body. */
static void
type_a_word (BylineArticle *article,
             guint          n)
{
  const char *body = byline_article_get_body (article);
  gsize len = strlen (body);
  g_autofree char *word = g_strdup_printf (" harbour%u", n);
  g_autoptr(GString) edited = g_string_new_len (body, len);
  gsize at = len;

  /* Before the final "\n\n", inside the last paragraph. */
  while (at > 0 && body[at - 1] == '\n')
    at--;
  g_string_insert (edited, at, word);
  byline_article_set_body (article, edited->str);
}

static gboolean
run (BylineStore *store,
     guint        words,
     guint        n_saves)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (words);
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), n_saves);
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = bench_make_headline (rand);
  g_autofree char *standfirst = bench_make_standfirst (rand);
  g_autofree char *body = bench_make_body (rand, words);
  guint start_words = bench_count_words (body);
  gsize start_bytes = strlen (body);
  double sum = 0;

  byline_article_set_headline (article, headline);
  byline_article_set_standfirst (article, standfirst);
  byline_article_set_byline (article, bench_pick_byline (rand));
  byline_article_set_section (article, bench_pick_section (rand));
  byline_article_set_body (article, body);

  /* The first save inserts; autosave only ever updates. */
  if (!byline_store_save_article (store, article, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; i < WARMUP + n_saves; i++)
    {
      gint64 before;
      double ms;

      type_a_word (article, i);

      before = g_get_monotonic_time ();
      if (!byline_store_save_article (store, article, &error))
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      ms = (g_get_monotonic_time () - before) / 1000.0;

      if (i >= WARMUP)
        {
          g_array_append_val (times, ms);
          sum += ms;
        }
    }

  g_array_sort (times, compare_doubles);
  g_print ("%5u words (%6zu bytes) at the start, a word typed before each save: "
           "%u saves  median %6.2f ms  p90 %6.2f ms  p95 %6.2f ms  max %6.2f ms  mean %6.2f ms\n",
           start_words, start_bytes,
           n_saves, percentile (times, 0.5), percentile (times, 0.9), percentile (times, 0.95),
           g_array_index (times, double, times->len - 1), sum / n_saves);

  return TRUE;
}

/* On a server, what makes a save durable is the server's: say it. */
static int
run_on_server (const char *uri,
               guint       n_saves)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GError) error = NULL;

  store = byline_store_new (uri, &error);
  if (store != NULL)
    conn = byline_pg_connection_new (uri, NULL, &error);
  if (conn != NULL)
    res = byline_pg_connection_query (conn, "SELECT current_setting('fsync'), current_setting('synchronous_commit')",
                                      0, NULL, "read the settings", &error);
  if (res == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("Newsroom: %s (%u articles), fsync = %s, synchronous_commit = %s\n", uri,
           byline_store_count_articles (store, NULL, NULL),
           byline_pg_get_text (res, 0, 0), byline_pg_get_text (res, 0, 1));

  return run (store, 800, n_saves) && run (store, 5000, n_saves) ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *newsroom = NULL;
  guint n_saves = 200;
  gint64 synchronous = -1;
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--saves") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          n_saves = (guint)MAX (n, 1);
        }
      else if (g_str_equal (argv[i], "--newsroom") && i + 1 < argc)
        newsroom = argv[++i];
      else
        {
          g_printerr ("Usage: %s [--saves N] [--newsroom DB]\n", argv[0]);
          return 2;
        }
    }

  if (byline_pg_is_uri (newsroom))
    return run_on_server (newsroom, n_saves);

  dir = g_dir_make_tmp ("byline-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("Could not make a temporary folder: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "newsroom.db", NULL);

  if (newsroom != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_commandline_arg (newsroom);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      int fd;

      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        {
          g_printerr ("Could not copy the newsroom: %s\n", error->message);
          return 1;
        }

      /* Otherwise the first checkpoint's fsync writes out the whole copy. */
      fd = g_open (path, O_RDONLY, 0);
      if (fd >= 0)
        {
          fsync (fd);
          close (fd);
        }
    }

  store = byline_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Check we measure what the app runs with. */
  if (!byline_sql_query_int64 (_byline_store_sqlite_get_sql (store), "PRAGMA synchronous",
                               &synchronous, "read the settings", NULL))
    synchronous = -1;

  g_print ("Newsroom: %s (%u articles), synchronous = %s, journal = WAL\n",
           newsroom ? newsroom : "new and empty",
           byline_store_count_articles (store, NULL, NULL),
           synchronous == 2 ? "FULL" : synchronous == 1 ? "NORMAL" : "other");

  ok = run (store, 800, n_saves) && run (store, 5000, n_saves);

  g_clear_object (&store);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);

  return ok ? 0 : 1;
}
