/* byline-store-sqlite-search.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-sqlite-private.h"

/* What the SQLite backend asks of its FTS5 index (articles_fts): the words
 * of a search box as a query, and the candidates for related articles.
 * Which words to look for and how to rank the candidates is the store's
 * (byline-store-related.c). */

/* bm25 column weights, in the order of articles_fts: headline, standfirst,
 * caption, body, tags (the SEARCHED fields, in table order). */
#define BM25_WEIGHTS "10.0, 2.0, 2.0, 1.0, 5.0"

static BylineSql *
get_sql (BylineStoreBackend *backend)
{
  return BYLINE_STORE_SQLITE (backend)->sql;
}

/* A word as an FTS5 string: nothing in it can be read as query syntax. */
static void
append_quoted (GString    *out,
               const char *word)
{
  g_string_append_c (out, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Words typed in a search box become an FTS5 query that cannot be a syntax
 * error: every word quoted, the last one a prefix so results follow typing. */
char *
_byline_store_sqlite_fts_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *query;
  guint last = 0;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      last = i;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      append_quoted (query, words[i]);
      if (i == last)
        g_string_append_c (query, '*');
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

gboolean
_byline_store_sqlite_estimate_articles (BylineStoreBackend  *backend,
                                        gint64              *count,
                                        GError             **error)
{
  /* The highest id stands in for the number of articles: as good for the
   * idf, and a count would read the whole table. */
  return byline_sql_query_int64 (get_sql (backend), "SELECT max(id) FROM articles", count,
                                 _("find related articles"), error);
}

/* FTS5 stores no document frequencies: fts5vocab walks every position of
 * a term to report one (1.5 ms for a term in 10 000 articles), where a
 * count with a limit stops early. */
gboolean
_byline_store_sqlite_count_term_documents (BylineStoreBackend  *backend,
                                           const char          *term,
                                           gint64               limit,
                                           gint64              *count,
                                           GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("find related articles");

  *count = 0;
  stmt = byline_sql_prepare (sql,
                             "SELECT count(*) FROM (SELECT 1 FROM articles_fts"
                             " WHERE articles_fts MATCH ?1 LIMIT ?2)",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  append_quoted (match, term);
  byline_sql_bind_text (stmt, 1, match->str);
  byline_sql_bind_int64 (stmt, 2, limit);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    *count = byline_sql_column_int64 (stmt, 0);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_byline_store_sqlite_search_related (BylineStoreBackend  *backend,
                                     const char * const  *terms,
                                     const double        *idfs,
                                     BylineRelatedMatch   match,
                                     guint                limit,
                                     GArray              *hits,
                                     guint               *n_matched,
                                     GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("find related articles");

  *n_matched = 0;

  /* bm25 weighs the terms by their idf itself: @idfs are not needed.
   * Every term quoted, so nothing in the text can be read as FTS5 syntax. */
  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, match == BYLINE_RELATED_ANY_BY_RANK ? " OR " : " AND ");
      append_quoted (text, terms[i]);
    }

  if (text->len == 0)
    return TRUE;

  locker = byline_sql_locker_new (sql);

  /* The join reads only the rows that made the cut. SQLite's ORDER BY …
   * LIMIT keeps the best in a bounded heap: measured faster than FTS5's own
   * "ORDER BY rank" (which sorts every match) by a third to a half. Newest
   * first is FTS5's own order: it stops after the first few. */
  if (match == BYLINE_RELATED_ALL_NEWEST_FIRST)
    stmt = byline_sql_prepare (sql,
                               "SELECT " SUMMARY_COLUMNS ", -1.0"
                               " FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                               "       ORDER BY rowid DESC LIMIT ?2) AS f"
                               " JOIN articles a ON a.id = f.rowid"
                               " ORDER BY a.id DESC",
                               doing, error);
  else
    stmt = byline_sql_prepare (sql,
                               "SELECT " SUMMARY_COLUMNS ", f.score"
                               " FROM (SELECT rowid, bm25 (articles_fts, " BM25_WEIGHTS ") AS score"
                               "       FROM articles_fts WHERE articles_fts MATCH ?1"
                               "       ORDER BY score LIMIT ?2) AS f"
                               " JOIN articles a ON a.id = f.rowid"
                               " ORDER BY f.score",
                               doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_text (stmt, 1, text->str);
  byline_sql_bind_int64 (stmt, 2, limit);

  while (byline_sql_next (sql, stmt, doing, &local_error))
    {
      /* bm25 in FTS5 is negative: the lower, the better the match. */
      BylineRelatedHit hit = {
        _byline_store_sqlite_summary_from_row (stmt),
        -sqlite3_column_double (stmt, N_SUMMARY_COLUMNS),
      };

      g_array_append_val (hits, hit);
      (*n_matched)++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
