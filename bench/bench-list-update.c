/* bench-list-update.c
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

#include "byline-article-list.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-store-private.h"
#include "bench-stats.h"

/* What each autosave costs the main thread, where typing would wait: the
 * save itself runs on a worker (as BylineAutosave does), then the store's
 * "changed" reaches the main thread and the article list follows it. This
 * counts the queries the main thread runs from the save's end until the
 * list has said what changed, and times that stretch, on a copy of a
 * newsroom from gen-newsroom, with the first 40 rows read (what a sidebar
 * shows) and a word typed into the top story before each save.
 *
 * For comparison it re-enacts what the tree did before rows had their own
 * type and the list followed changes a row at a time: the list read again
 * from its count, then each of the 40 rows on screen bound again, each
 * asking the store for its open notes.
 *
 * Usage: bench-list-update NEWSROOM [--saves N] */

#define WARMUP 5
#define ROWS_ON_SCREEN 40

static GThread *main_thread;

static void
count_query_cb (const char *query,
                gpointer    user_data)
{
  guint *count = user_data;

  if (g_thread_self () == main_thread)
    (*count)++;
}

typedef struct
{
  BylineStore   *store;
  BylineArticle *article;
  GError        *error;
} SaveJob;

static gpointer
save_thread (gpointer data)
{
  SaveJob *job = data;

  byline_store_save_article (job->store, job->article, &job->error);
  return NULL;
}

typedef struct
{
  guint changes;
  guint position;
  guint removed;
  guint added;
} Seen;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Seen       *seen)
{
  seen->changes++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
type_a_word (BylineArticle *article,
             guint          n)
{
  g_autofree char *body = g_strdup_printf ("%s harbour%u", byline_article_get_body (article), n);

  byline_article_set_body (article, body);
}

/* The sidebar binding the rows on screen. */
static void
show_rows (BylineArticleList *list)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), ROWS_ON_SCREEN);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

static void
print_times (const char *what,
             GArray     *times,
             guint       min_queries,
             guint       max_queries)
{
  g_autofree char *queries = min_queries == max_queries
                             ? g_strdup_printf ("%u", min_queries)
                             : g_strdup_printf ("%u-%u", min_queries, max_queries);

  g_array_sort (times, compare_doubles);
  g_print ("  %-44s queries %-5s median %6.3f ms  p90 %6.3f ms  max %6.3f ms\n",
           what, queries, percentile (times, 0.5), percentile (times, 0.9),
           g_array_index (times, double, times->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticleList) list = NULL;
  g_autoptr(BylineArticleSummary) top = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GArray) now_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) before_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *newsroom = NULL;
  guint n_saves = 200;
  guint queries = 0;
  guint now_min = G_MAXUINT, now_max = 0;
  guint before_min = G_MAXUINT, before_max = 0;
  Seen seen = { 0, };
  gboolean usage = FALSE;
  int fd;

  main_thread = g_thread_self ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--saves") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          n_saves = (guint)MAX (n, 1);
        }
      else if (newsroom == NULL && argv[i][0] != '-')
        newsroom = argv[i];
      else
        usage = TRUE;
    }

  if (newsroom == NULL || usage)
    {
      g_printerr ("Usage: %s NEWSROOM [--saves N]\n", argv[0]);
      return 2;
    }

  /* Saves go into a copy: the newsroom stays as gen-newsroom made it. */
  dir = g_dir_make_tmp ("byline-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("Could not make a temporary folder: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "newsroom.db", NULL);
  from = g_file_new_for_commandline_arg (newsroom);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      g_printerr ("Could not copy the newsroom: %s\n", error->message);
      return 1;
    }
  fd = g_open (path, O_RDONLY, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  store = byline_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  list = byline_article_list_new (store);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_printerr ("“%s” has no articles. Make some with gen-newsroom.\n", newsroom);
      return 1;
    }
  show_rows (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  top = g_list_model_get_item (G_LIST_MODEL (list), 0);
  article = byline_store_load_article (store, byline_article_summary_get_id (top), &error);
  if (article == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  _byline_store_set_trace (store, count_query_cb, &queries);

  for (guint i = 0; i < WARMUP + n_saves; i++)
    {
      SaveJob job = { store, article, NULL };
      guint queries_before;
      gint64 start;
      double ms;

      type_a_word (article, i);
      g_thread_join (g_thread_new ("autosave", save_thread, &job));
      if (job.error != NULL)
        {
          g_printerr ("%s\n", job.error->message);
          return 1;
        }

      /* From here on it is the main thread's time. */
      queries_before = queries;
      seen.changes = 0;
      start = g_get_monotonic_time ();
      while (seen.changes == 0)
        g_main_context_iteration (NULL, TRUE);
      show_rows (list);
      ms = (g_get_monotonic_time () - start) / 1000.0;

      if (seen.changes != 1 || seen.position != 0 || seen.removed != 1 || seen.added != 1)
        g_printerr ("Unexpected change: %u changes, the last (%u, %u, %u)\n",
                    seen.changes, seen.position, seen.removed, seen.added);

      if (i >= WARMUP)
        {
          g_array_append_val (now_times, ms);
          now_min = MIN (now_min, queries - queries_before);
          now_max = MAX (now_max, queries - queries_before);
        }
    }

  /* The same saves as the tree handled them before. */
  for (guint i = 0; i < WARMUP + n_saves; i++)
    {
      SaveJob job = { store, article, NULL };
      guint n_rows;
      guint queries_before;
      gint64 start;
      double ms;

      type_a_word (article, WARMUP + n_saves + i);
      g_thread_join (g_thread_new ("autosave", save_thread, &job));
      if (job.error != NULL)
        {
          g_printerr ("%s\n", job.error->message);
          return 1;
        }

      /* Let the row update through, unmeasured, then re-enact the reset. */
      g_signal_handlers_block_by_func (list, items_changed_cb, &seen);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      queries_before = queries;
      start = g_get_monotonic_time ();
      byline_article_list_reload (list);
      n_rows = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), ROWS_ON_SCREEN);
      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr(BylineArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (list), r);

          byline_store_count_open_notes (store, byline_article_summary_get_id (summary), NULL);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_signal_handlers_unblock_by_func (list, items_changed_cb, &seen);

      if (i >= WARMUP)
        {
          g_array_append_val (before_times, ms);
          before_min = MIN (before_min, queries - queries_before);
          before_max = MAX (before_max, queries - queries_before);
        }
    }

  _byline_store_set_trace (store, NULL, NULL);

  g_print ("Newsroom: %s (%u live articles), %u saves of the top story, %u rows on screen\n",
           newsroom, g_list_model_get_n_items (G_LIST_MODEL (list)), n_saves, ROWS_ON_SCREEN);
  g_print ("Main thread, per autosave, from the save's end to the list updated:\n");
  print_times ("now: the one row (items-changed 0, 1, 1)", now_times, now_min, now_max);
  print_times ("before: reset, count, rows rebound, notes", before_times, before_min, before_max);

  g_clear_object (&list);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (path);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);

  return 0;
}
