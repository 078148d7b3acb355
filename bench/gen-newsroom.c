/* gen-newsroom.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "byline-store.h"
#include "newsroom-text.h"

/* Makes a newsroom of N articles for the benchmarks: the store creates the
 * schema (as `byline --list --database FILE` does), then rows go in straight
 * through SQLite in one transaction; the FTS triggers index them as they
 * would any save. The text comes from newsroom-text.c with a fixed seed,
 * so two runs give the same articles. */

/* Between 250 and 1,500 words, most around 600: a news site's spread. */
static guint
pick_length (GRand *rand)
{
  double a = g_rand_double_range (rand, 250, 1000);
  double b = g_rand_double_range (rand, 0, 500);

  return (guint)(a + b * g_rand_double (rand));
}

static gboolean
check (sqlite3    *db,
       int         rc,
       const char *doing)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_printerr ("Could not %s: %s\n", doing, sqlite3_errmsg (db));
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *pin = NULL;
  const char *path;
  gint64 n_articles;
  gint64 start;
  gint64 now;
  gint64 span;

  if (argc != 3 || (n_articles = g_ascii_strtoll (argv[2], NULL, 10)) <= 0)
    {
      g_printerr ("Usage: %s DATABASE N\n"
                  "Creates DATABASE (it must not exist) with N made-up articles.\n", argv[0]);
      return 2;
    }

  path = argv[1];
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("“%s” already exists. Remove it or choose another name.\n", path);
      return 1;
    }

  /* The store writes the schema and its migrations. */
  store = byline_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&store);

  start = g_get_monotonic_time ();
  rand = g_rand_new_with_seed (20260216);
  now = g_get_real_time () / G_USEC_PER_SEC;
  /* Three years of work, oldest first. */
  span = 3 * 365 * 24 * 3600;

  if (!check (db, sqlite3_open (path, &db), "open the database") ||
      !check (db, sqlite3_exec (db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL), "begin") ||
      !check (db, sqlite3_prepare_v2 (db,
                                      "INSERT INTO articles (uuid, slug, section, headline, standfirst,"
                                      " byline, dateline, caption, credit, image, image_alt, body, tags,"
                                      " status, created, updated, published, language, trashed)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', '', ?10, ?11,"
                                      " ?12, ?13, ?14, ?15, 'en', ?16)",
                                      -1, &insert, NULL), "prepare the insert") ||
      !check (db, sqlite3_prepare_v2 (db,
                                      "INSERT INTO pins (article_id, sort, position, related_id, headline)"
                                      " SELECT ?1, 0, 2, id, headline FROM articles WHERE id = ?2",
                                      -1, &pin, NULL), "prepare the pins"))
    return 1;

  for (gint64 i = 1; i <= n_articles; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *headline = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *standfirst = NULL;
      g_autofree char *body = NULL;
      g_autofree char *tags = NULL;
      g_autofree char *dateline = NULL;
      g_autofree char *caption = NULL;
      const char *status;
      gint64 created = now - span + (span * (i - 1)) / n_articles;
      gint64 edited = created + g_rand_int_range (rand, 60, 3 * 24 * 3600);
      gint64 updated = MIN (now, edited);
      int roll = g_rand_int_range (rand, 0, 100);

      headline = bench_make_headline (rand);
      slug = byline_slugify (headline);
      standfirst = bench_make_standfirst (rand);
      dateline = bench_make_dateline (rand);
      caption = bench_make_caption (rand);
      tags = bench_make_tags (rand);
      body = bench_make_body (rand, pick_length (rand));

      /* Most of an archive is published; the newest tenth is still moving. */
      if (i > n_articles - n_articles / 10)
        status = roll < 50 ? "draft" : roll < 75 ? "in-review" : roll < 95 ? "approved" : "spiked";
      else
        status = roll < 92 ? "published" : roll < 97 ? "spiked" : "draft";

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, slug, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, bench_pick_section (rand), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, headline, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, standfirst, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, bench_pick_byline (rand), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, dateline, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, caption, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, "Chronicle staff", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 10, body, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 11, tags, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 12, status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 13, created);
      sqlite3_bind_int64 (insert, 14, updated);
      if (g_str_equal (status, "published"))
        sqlite3_bind_int64 (insert, 15, updated);
      else
        sqlite3_bind_null (insert, 15);
      /* One in fifty sits in the Trash. */
      if (g_rand_int_range (rand, 0, 50) == 0)
        sqlite3_bind_int64 (insert, 16, updated + 3600);
      else
        sqlite3_bind_null (insert, 16);

      if (!check (db, sqlite3_step (insert), "insert an article"))
        return 1;

      /* One in ten links to an older story. */
      if (i > 1 && g_rand_int_range (rand, 0, 10) == 0)
        {
          sqlite3_reset (pin);
          sqlite3_bind_int64 (pin, 1, sqlite3_last_insert_rowid (db));
          sqlite3_bind_int64 (pin, 2, g_rand_int_range (rand, 1, (gint32)MIN (i, G_MAXINT32)));
          if (!check (db, sqlite3_step (pin), "insert a pin"))
            return 1;
        }
    }

  sqlite3_finalize (insert);
  sqlite3_finalize (pin);
  if (!check (db, sqlite3_exec (db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL),
              "commit"))
    return 1;
  sqlite3_close (db);

  g_print ("Wrote %" G_GINT64_FORMAT " articles to %s in %.1f s\n",
           n_articles, path, (g_get_monotonic_time () - start) / 1e6);

  return 0;
}
