/* bench-import.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "byline-importer.h"
#include "byline-limits.h"
#include "byline-store.h"
#include "bench-stats.h"

/* How import time grows with the input: files with more and more tags,
 * longer and longer bodies, and more and more "READ:" lines, each size
 * double the one before, imported with byline_import_file() as `byline
 * --import` and the window do. Linear work takes twice as long for twice
 * the input: the "×" column stays near 2. An import that is refused (past
 * the limits of byline-limits.h) is timed up to its message, and the
 * message shown; one that goes through is also saved in a fresh store.
 * Each figure is the median of --runs runs.
 *
 * Usage: bench-import [--runs N] [--max-tags N] [--max-body-mib N] */

typedef struct
{
  const char *name;
  /* Writes the file for @size to @out. */
  void      (*write) (GString *out,
                      guint    size);
  /* The sizes: the first, doubled until the last. */
  guint       first;
  guint       last;
  const char *unit;
  /* The file's name: the suffix picks Markdown or a pasted page. */
  const char *file_name;
} Series;

static const char * const words[] = {
  "harbour", "council", "ferry", "budget", "basin", "dredging", "vote", "board",
  "tide", "pier", "islands", "fares", "storm", "repairs", "engineers", "spring",
};

static void
append_paragraph (GString *out,
                  guint    seed)
{
  for (guint w = 0; w < 80; w++)
    {
      g_string_append (out, words[(seed * 7 + w * 3) % G_N_ELEMENTS (words)]);
      g_string_append_c (out, w % 12 == 11 ? '.' : ' ');
    }
  g_string_append (out, "\n\n");
}

/* Front matter with @size tags, all different. */
static void
write_distinct_tags (GString *out,
                     guint    size)
{
  g_string_append (out, "---\nheadline: Many tags\ntags:\n");
  for (guint i = 0; i < size; i++)
    g_string_append_printf (out, "  - topic number %u\n", i);
  g_string_append (out, "---\n\nThe body.\n");
}

/* @size tags, the same 150 over and over in different cases: what a
 * careless export from another system looks like. It goes through. */
static void
write_repeated_tags (GString *out,
                     guint    size)
{
  g_string_append (out, "---\nheadline: Repeated tags\ntags:\n");
  for (guint i = 0; i < size; i++)
    g_string_append_printf (out, "  - %s %u\n", i % 2 ? "Topic" : "TOPIC", i % 150);
  g_string_append (out, "---\n\nThe body.\n");
}

/* A Markdown body of @size KiB, in paragraphs. */
static void
write_markdown_body (GString *out,
                     guint    size)
{
  g_string_append (out, "---\nheadline: A long read\n---\n\n");
  for (guint i = 0; out->len < size * 1024 - 1024; i++)
    append_paragraph (out, i);
}

/* Text copied from a news page, @size KiB of it. */
static void
write_plain_body (GString *out,
                  guint    size)
{
  g_string_append (out, "Home | News | Sport\n\nA long read from the harbour\n\n"
                        "March 3, 2023 at 9:05 am\n\nBy Mara Lindqvist\n\n");
  for (guint i = 0; out->len < size * 1024 - 1024; i++)
    append_paragraph (out, i);
}

/* One line of @size KiB, no paragraph breaks at all. */
static void
write_one_line (GString *out,
                guint    size)
{
  g_string_append (out, "# One line\n\n");
  while (out->len < size * 1024 - 16)
    g_string_append (out, "harbour ");
  g_string_append_c (out, '\n');
}

/* @size "READ:" lines between paragraphs. */
static void
write_pins (GString *out,
            guint    size)
{
  g_string_append (out, "# Many links\n\n");
  for (guint i = 0; i < size; i++)
    g_string_append_printf (out, "Paragraph %u.\n\nREAD: Story number %u\n\n", i, i);
}

static double
time_import (const char  *path,
             guint        runs,
             char       **message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      gint64 start = g_get_monotonic_time ();
      double ms;

      article = byline_import_file (file, utc, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);

      g_clear_pointer (message, g_free);
      if (article == NULL)
        *message = g_strdup (error->message);
    }

  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, runs / 2);
}

static double
time_save (const char *path,
           const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *db = g_build_filename (dir, "newsroom.db", NULL);
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_remove (db);
  store = byline_store_new (db, &error);
  g_assert_no_error (error);
  article = byline_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  byline_store_save_article (store, article, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* An article handed @n different tags, as every load from the newsroom
 * hands it its stored ones (a file made by hand, or written before the
 * store checked the limits, may hold thousands). */
static double
time_set_tags (guint n,
               guint runs)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (tags, g_strdup_printf ("%s %u", words[i % G_N_ELEMENTS (words)], i));
  g_ptr_array_add (tags, NULL);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(BylineArticle) article = byline_article_new ();
      gint64 start = g_get_monotonic_time ();
      double ms;

      byline_article_set_tags (article, (const char * const *)tags->pdata);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (g_strv_length ((char **)byline_article_get_tags (article)), ==, n);
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, runs / 2);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5;
  int max_tags = 20000;
  int max_body_mib = 10;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (5)", "N" },
    { "max-tags", 0, 0, G_OPTION_ARG_INT, &max_tags, "The most tags and READ: lines (20000)", "N" },
    { "max-body-mib", 0, 0, G_OPTION_ARG_INT, &max_body_mib, "The longest body, in MiB (10)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint max_body;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);
  /* A file holds at most the body limit, front matter included. */
  max_body = MIN ((guint) max_body_mib * 1024, BYLINE_IMPORT_MAX_SIZE / 1024);

  {
    const Series series[] = {
      { "distinct tags", write_distinct_tags, 625, max_tags, "tags", "article.md" },
      { "repeated tags", write_repeated_tags, 625, max_tags, "tags", "article.md" },
      { "Markdown body", write_markdown_body, max_body / 16, max_body, "KiB", "article.md" },
      { "pasted page", write_plain_body, max_body / 16, max_body, "KiB", "article.txt" },
      { "one long line", write_one_line, max_body / 16, max_body, "KiB", "article.md" },
      { "READ: lines", write_pins, 625, max_tags, "lines", "article.md" },
    };

    dir = g_dir_make_tmp ("byline-bench-import-XXXXXX", &error);
    g_assert_no_error (error);

    printf ("| input | size | import (median of %d) | × | save | result |\n", runs);
    printf ("|---|---|---|---|---|---|\n");

    for (guint s = 0; s < G_N_ELEMENTS (series); s++)
      {
        double previous = 0;

        for (guint size = series[s].first; size <= series[s].last; size *= 2)
          {
            g_autoptr(GString) text = g_string_new (NULL);
            g_autofree char *path = g_build_filename (dir, series[s].file_name, NULL);
            g_autofree char *message = NULL;
            g_autofree char *save = NULL;
            g_autofree char *ratio = NULL;
            double ms;

            series[s].write (text, size);
            g_file_set_contents (path, text->str, text->len, &error);
            g_assert_no_error (error);

            ms = time_import (path, runs, &message);
            ratio = previous > 0 ? g_strdup_printf ("%.2f", ms / previous) : g_strdup ("");
            save = message == NULL ? g_strdup_printf ("%.1f ms", time_save (path, dir)) : g_strdup ("");
            /* printf, not g_print: the messages are UTF-8 whatever the locale. */
            printf ("| %s | %u %s | %.1f ms | %s | %s | %s |\n",
                    series[s].name, size, series[s].unit, ms, ratio, save,
                    message != NULL ? message : "imported");
            fflush (stdout);
            previous = ms;

            /* The last size is always the one asked for. */
            if (size < series[s].last && size * 2 > series[s].last)
              size = series[s].last / 2;
          }
      }

    printf ("\n| tags an article loads | time (median of %d) | × |\n", runs);
    printf ("|---|---|---|\n");
    {
      double previous = 0;

      for (guint n = 625; n <= (guint) max_tags; n *= 2)
        {
          double ms = time_set_tags (n, runs);
          g_autofree char *ratio = previous > 0 ? g_strdup_printf ("%.2f", ms / previous) : g_strdup ("");

          printf ("| %u | %.1f ms | %s |\n", n, ms, ratio);
          fflush (stdout);
          previous = ms;
          if (n < (guint) max_tags && n * 2 > (guint) max_tags)
            n = max_tags / 2;
        }
    }

    {
      g_autofree char *db = g_build_filename (dir, "newsroom.db", NULL);
      g_autofree char *md = g_build_filename (dir, "article.md", NULL);
      g_autofree char *txt = g_build_filename (dir, "article.txt", NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_remove (md);
      g_remove (txt);
      g_remove (db);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  }

  return 0;
}
