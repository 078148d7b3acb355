/* bench-desks.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <stdlib.h>

#include "byline-store.h"
#include "bench-stats.h"

/* Many desks on one newsroom server (or file).
 *
 *   seen:  desk B saves an article N times; how long until desk A, which
 *          watches, is told (the store's "changed" on A's main loop).
 *   busy:  D desks (threads, each with its own connection) each save an
 *          article of their own every second for S seconds: errors, and
 *          save times.
 *
 * Usage: bench-desks LOCATION [--saves N] [--desks D] [--seconds S]
 * LOCATION is an empty newsroom: a new file, or a postgresql:// URI (run
 * it through tests/pg-run.sh with "postgresql://"). */

typedef struct
{
  gint64  id;
  gint64  wanted_version;
  gint64  seen_at;
} Waiting;

static void
changed_cb (BylineStore *store,
            gint64       id,
            Waiting     *waiting)
{
  if (id == waiting->id && waiting->seen_at == 0)
    waiting->seen_at = g_get_monotonic_time ();
}

static void
bench_seen (const char *location,
            guint       n_saves)
{
  g_autoptr(BylineStore) desk_a = NULL;
  g_autoptr(BylineStore) desk_b = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  Waiting waiting = { 0 };

  desk_a = byline_store_new (location, &error);
  desk_b = desk_a ? byline_store_new (location, &error) : NULL;
  if (desk_b == NULL || !byline_store_watch_changes (desk_a, &error))
    g_error ("%s", error->message);
  g_signal_connect (desk_a, "changed", G_CALLBACK (changed_cb), &waiting);

  byline_article_set_headline (article, "Lifeboat launched twice in a day");
  byline_article_set_body (article, "The crew went out at dawn.");
  if (!byline_store_save_article (desk_b, article, &error))
    g_error ("%s", error->message);
  waiting.id = byline_article_get_id (article);

  for (guint i = 0; i < n_saves; i++)
    {
      g_autofree char *body = g_strdup_printf ("The crew went out at dawn; update %u.", i);
      gint64 start;

      /* Let what came before settle. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      waiting.seen_at = 0;
      byline_article_set_body (article, body);
      start = g_get_monotonic_time ();
      if (!byline_store_save_article (desk_b, article, &error))
        g_error ("%s", error->message);
      while (waiting.seen_at == 0 && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      if (waiting.seen_at == 0)
        g_error ("Desk A was not told of save %u within 5 s", i);
      g_array_append_val (ms, (double){ (waiting.seen_at - start) / 1000.0 });
    }

  g_array_sort (ms, compare_doubles);
  g_print ("seen at another desk: %u saves, median %.1f ms, p95 %.1f ms, max %.1f ms\n",
           ms->len, percentile (ms, 0.5), percentile (ms, 0.95), percentile (ms, 1.0));
}

typedef struct
{
  const char *location;
  guint       seconds;
  guint       desk;
  GArray     *ms;
  guint       errors;
} Desk;

static gpointer
desk_thread (gpointer data)
{
  Desk *desk = data;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 end;

  store = byline_store_new (desk->location, &error);
  if (store == NULL)
    {
      g_printerr ("desk %u: %s\n", desk->desk, error->message);
      desk->errors++;
      return NULL;
    }

  byline_article_set_headline (article, "A desk's own story");
  end = g_get_monotonic_time () + desk->seconds * G_USEC_PER_SEC;
  for (guint i = 0; g_get_monotonic_time () < end; i++)
    {
      g_autofree char *body = g_strdup_printf ("Paragraph %u of desk %u's story, typed on.", i, desk->desk);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) save_error = NULL;

      byline_article_set_body (article, body);
      if (!byline_store_save_article (store, article, &save_error))
        {
          g_printerr ("desk %u: %s\n", desk->desk, save_error->message);
          desk->errors++;
        }
      else
        g_array_append_val (desk->ms, (double){ (g_get_monotonic_time () - start) / 1000.0 });

      /* An autosave a second. */
      g_usleep (MAX (0, G_USEC_PER_SEC - (g_get_monotonic_time () - start)));
    }

  return NULL;
}

static void
bench_busy (const char *location,
            guint       n_desks,
            guint       seconds)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree Desk *desks = g_new0 (Desk, n_desks);
  guint errors = 0;

  for (guint i = 0; i < n_desks; i++)
    {
      desks[i].location = location;
      desks[i].seconds = seconds;
      desks[i].desk = i;
      desks[i].ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (threads, g_thread_new ("desk", desk_thread, &desks[i]));
    }

  for (guint i = 0; i < n_desks; i++)
    {
      g_thread_join (g_ptr_array_index (threads, i));
      g_array_append_vals (all, desks[i].ms->data, desks[i].ms->len);
      errors += desks[i].errors;
      g_array_unref (desks[i].ms);
    }

  g_array_sort (all, compare_doubles);
  g_print ("%u desks saving every second for %u s: %u saves, %u errors, "
           "median %.1f ms, p95 %.1f ms, max %.1f ms\n",
           n_desks, seconds, all->len, errors,
           percentile (all, 0.5), percentile (all, 0.95), percentile (all, 1.0));
}

int
main (int   argc,
      char *argv[])
{
  int saves = 50;
  int desks = 20;
  int seconds = 60;
  const GOptionEntry entries[] = {
    { "saves", 0, 0, G_OPTION_ARG_INT, &saves, "Saves desk A waits to see", "N" },
    { "desks", 0, 0, G_OPTION_ARG_INT, &desks, "Desks saving at once", "D" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "How long they save", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("LOCATION");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("Usage: bench-desks LOCATION [--saves N] [--desks D] [--seconds S]\n");
      return 2;
    }

  bench_seen (argv[1], (guint)MAX (saves, 1));
  bench_busy (argv[1], (guint)MAX (desks, 1), (guint)MAX (seconds, 1));

  return EXIT_SUCCESS;
}
