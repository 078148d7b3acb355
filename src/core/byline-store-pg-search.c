/* byline-store-pg-search.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-pg-private.h"

/* The newsroom server's full-text index (the weighted tsvector of
 * 0001-newsroom.sql and its GIN index): what a search box asks it, and the
 * index's side of related articles. */

/* A term the store looks for ($n), as the index holds it: the word as
 * written (the configuration "simple" keeps it whole) or as the newsroom's
 * language (its configuration $c) stems it: "harbours" is held as
 * "harbour" in an English article. A word that is no word to either (a
 * stop word) matches nothing. */
#define TERM_QUERY(n, c) \
  "(plainto_tsquery('pg_catalog.simple', " n ") || plainto_tsquery(" c "::regconfig, " n "))"

/* The same term's lexemes. */
#define TERM_LEXEMES(n, c) \
  "unnest(tsvector_to_array(to_tsvector('pg_catalog.simple', " n ") || to_tsvector(" c "::regconfig, " n ")))"

/* --- the search box ------------------------------------------------------- */

/* What was typed in a search box, as the index's query: every word, the
 * last as a prefix, stemmed as the newsroom's language does or not
 * (byline.search_query()). FALSE on error; *@tsquery NULL when nothing is
 * left to search for (no words, or only words too common to index, such
 * as "the"): then the list is not narrowed. */
gboolean
_byline_store_pg_dup_search (BylineStorePg  *self,
            const char     *words,
            char          **tsquery,
            GError        **error)
{
  g_autoptr(BylinePgParams) params = NULL;
  g_autoptr(PGresult) res = NULL;

  *tsquery = NULL;
  if (words == NULL || *words == '\0')
    return TRUE;

  params = _byline_pg_params_new ();
  _byline_pg_params_add_text (params, words);
  res = _byline_pg_query (self, "SELECT byline.search_query($1)::text", params,
                          _("search the articles"), error);
  if (res == NULL)
    return FALSE;

  if (!PQgetisnull (res, 0, 0))
    *tsquery = g_strdup (PQgetvalue (res, 0, 0));

  return TRUE;
}

/* --- related articles: the full-text index ------------------------------------ */

gboolean
_byline_store_pg_estimate_articles (BylineStoreBackend  *backend,
                      gint64              *count,
                      GError             **error)
{
  g_autoptr(PGresult) res = NULL;

  /* The highest id stands in for the number of articles, as in the
   * SQLite store: as good for the idf, and the index answers it. */
  *count = 0;
  res = _byline_pg_query (BYLINE_STORE_PG (backend), "SELECT coalesce(max(id), 0) FROM byline.articles",
                          NULL, _("find related articles"), error);
  if (res == NULL)
    return FALSE;

  *count = byline_pg_get_int64 (res, 0, 0);
  return TRUE;
}

/* The newsroom's common words, as the server's statistics of the index
 * have them (pg_stats: the most common lexemes and the share of articles
 * each is in; 0005-editing.sql keeps up to 10 000). Counting the articles
 * that hold a word reads every one of them up to the limit (the index does
 * not know which rows are current): 1 to 4 ms for a word in a few hundred
 * articles of 100 000. For the words the statistics know, their figure
 * stands in for the count. Read again every COMMON_WORDS_MAX_AGE. */
#define COMMON_WORDS_MAX_AGE (10 * 60 * G_USEC_PER_SEC)
/* Words the statistics put in fewer articles tell nothing. */
#define COMMON_WORDS_MIN_DOCS 100

static gboolean
load_common_words (BylineStorePg  *self,
                   GError        **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_int64 (params, COMMON_WORDS_MIN_DOCS);
  res = _byline_pg_query (self,
                          "SELECT x.e, x.f * c.reltuples"
                          " FROM pg_catalog.pg_stats s, pg_catalog.pg_class c,"
                          "  unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x (e, f)"
                          " WHERE s.schemaname = 'byline' AND s.tablename = 'articles' AND s.attname = 'search'"
                          " AND c.oid = 'byline.articles'::regclass AND x.e IS NOT NULL"
                          " AND x.f * c.reltuples >= $1",
                          params, _("find related articles"), error);
  if (res == NULL)
    return FALSE;

  g_hash_table_remove_all (self->common_words);
  for (int row = 0; row < PQntuples (res); row++)
    g_hash_table_insert (self->common_words, g_strdup (byline_pg_get_text (res, row, 0)),
                         GINT_TO_POINTER ((int) MIN (g_ascii_strtod (PQgetvalue (res, row, 1), NULL),
                                                     G_MAXINT)));
  self->common_words_loaded = g_get_monotonic_time ();

  return TRUE;
}

static gboolean
ensure_common_words (BylineStorePg  *self,
                     GError        **error)
{
  if (self->common_words_loaded != 0 &&
      g_get_monotonic_time () - self->common_words_loaded <= COMMON_WORDS_MAX_AGE)
    return TRUE;

  return load_common_words (self, error);
}

/* Looks up the lexemes of those of @terms not looked up before, in one
 * query (a related search's forty words would take forty round trips). */
gboolean
_byline_store_pg_prepare_terms (BylineStoreBackend  *backend,
                                const char * const  *terms,
                                GError             **error)
{
  BylineStorePg *self = BYLINE_STORE_PG (backend);
  g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self);
  g_autoptr(BylinePgParams) params = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(PGresult) res = NULL;

  if (!ensure_common_words (self, error))
    return FALSE;

  /* Without statistics, every word is counted: its lexemes are not needed. */
  if (g_hash_table_size (self->common_words) == 0)
    return TRUE;

  for (guint i = 0; terms[i] != NULL; i++)
    if (!g_hash_table_contains (self->term_lexemes, terms[i]))
      g_ptr_array_add (missing, (gpointer) terms[i]);
  if (missing->len == 0)
    return TRUE;
  g_ptr_array_add (missing, NULL);

  /* A newsroom's vocabulary, at most: forget it all now and then. */
  if (g_hash_table_size (self->term_lexemes) > 100000)
    g_hash_table_remove_all (self->term_lexemes);

  params = _byline_pg_params_new ();
  g_ptr_array_add (params, _byline_pg_dup_text_array ((const char * const *) missing->pdata));
  _byline_pg_params_add_text (params, self->search_config);
  res = _byline_pg_query (self,
                          "SELECT w.term, array_to_string(array(SELECT " TERM_LEXEMES ("w.term", "$2") "), ' ')"
                          " FROM unnest($1::text[]) AS w (term)",
                          params, _("find related articles"), error);
  if (res == NULL)
    return FALSE;

  /* Lexemes hold no space: the server's parser splits words at them. */
  for (int row = 0; row < PQntuples (res); row++)
    g_hash_table_insert (self->term_lexemes, g_strdup (byline_pg_get_text (res, row, 0)),
                         g_strsplit (byline_pg_get_text (res, row, 1), " ", -1));

  return TRUE;
}

/* How many articles the statistics say hold @term at most; 0 when they
 * do not know. */
static gboolean
estimate_documents (BylineStorePg  *self,
                    const char     *term,
                    gint64         *estimate,
                    GError        **error)
{
  GStrv lexemes;

  *estimate = 0;

  if (!ensure_common_words (self, error))
    return FALSE;
  if (g_hash_table_size (self->common_words) == 0)
    return TRUE;

  lexemes = g_hash_table_lookup (self->term_lexemes, term);
  if (lexemes == NULL)
    {
      const char *one[] = { term, NULL };

      if (!_byline_store_pg_prepare_terms (&self->parent, one, error))
        return FALSE;
      lexemes = g_hash_table_lookup (self->term_lexemes, term);
    }

  for (guint i = 0; lexemes != NULL && lexemes[i] != NULL; i++)
    *estimate = MAX (*estimate, GPOINTER_TO_INT (g_hash_table_lookup (self->common_words, lexemes[i])));

  return TRUE;
}

gboolean
_byline_store_pg_count_term_documents (BylineStoreBackend  *backend,
                         const char          *term,
                         gint64               limit,
                         gint64              *count,
                         GError             **error)
{
  BylineStorePg *self = BYLINE_STORE_PG (backend);
  g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  gint64 estimate;

  *count = 0;
  if (!estimate_documents (self, term, &estimate, error))
    return FALSE;

  /* A word the statistics know is in a third of a per cent of the
   * articles or more: what they say is as good for its idf as a count, and
   * "common" is a line drawn at 1/150. */
  if (estimate > 0)
    {
      *count = MIN (estimate, limit);
      return TRUE;
    }

  _byline_pg_params_add_text (params, term);
  _byline_pg_params_add_text (params, self->search_config);
  _byline_pg_params_add_int64 (params, limit);
  res = _byline_pg_query (self,
                          "SELECT count(*) FROM (SELECT FROM byline.articles a"
                          " WHERE a.search @@ " TERM_QUERY ("$1", "$2") " LIMIT $3) AS c",
                          params, _("find related articles"), error);
  if (res == NULL)
    return FALSE;

  *count = byline_pg_get_int64 (res, 0, 0);
  return TRUE;
}

/* An array literal of @terms, every element quoted. */
char *
_byline_pg_dup_text_array (const char * const *terms)
{
  GString *array = g_string_new ("{");

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (array, ',');
      g_string_append_c (array, '"');
      for (const char *p = terms[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (array, '\\');
          g_string_append_c (array, *p);
        }
      g_string_append_c (array, '"');
    }
  g_string_append_c (array, '}');

  return g_string_free (array, FALSE);
}

/* An array literal of @n_values numbers (1.0 each when @values is NULL). */
static char *
dup_number_array (const double *values,
                  guint         n_values)
{
  GString *array = g_string_new ("{");

  for (guint i = 0; i < n_values; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append_c (array, ',');
      g_string_append (array, g_ascii_dtostr (number, sizeof number, values != NULL ? values[i] : 1.0));
    }
  g_string_append_c (array, '}');

  return g_string_free (array, FALSE);
}

/* The related articles' rank is bm25's, as the SQLite store's FTS5 gives
 * it: for each term, its idf times its weighted count in the article
 * (headline 10, tags 5, standfirst and caption 2, body 1; ts_rank_cd with
 * one term gives the count with weights a tenth of those), saturating
 * (k1 = 1.2) and normalized by the article's length (b = 0.75; lexemes,
 * against the candidates' average).
 *
 * Ranking every match by its text would read each one's index entry, a few
 * kilobytes stored apart from the row (TOAST): 25 µs and more apiece, 30 ms
 * for the 1 200 matches of a typical article. So the matches are first
 * weighed by the rarity of the terms they hold (the sum of their idfs,
 * which reads the index and the row alone) and only the best
 * RANKED_PER_CANDIDATE × @limit have their text read: on the benchmark's
 * 100 000 articles, 90 % of the related articles share the story at 1
 * (median 8 ms), 91 % at 2 (10 ms), 93 % when all are ranked (100 ms);
 * SQLite's bm25 over every match, 93 %. bench/README.md. */
#define RANKED_PER_CANDIDATE 1

#define RELATED_ANY_BY_RANK \
  "WITH t AS MATERIALIZED (" \
  "  SELECT w.idf, " TERM_QUERY ("w.term", "$3") " AS q" \
  "    FROM unnest($1::text[], $2::float8[]) AS w (term, idf))," \
  " c AS (" \
  "  SELECT m.id, sum(t.idf) AS weight" \
  "    FROM t CROSS JOIN LATERAL (SELECT a.id FROM byline.articles a WHERE a.search @@ t.q) AS m" \
  "   GROUP BY m.id ORDER BY weight DESC, m.id DESC LIMIT $5)," \
  " v AS (" \
  /* Each one's text read once, not once per term. */ \
  "  SELECT c.id, d.search, length(d.search) AS len" \
  "    FROM c JOIN byline.articles a ON a.id = c.id" \
  "    CROSS JOIN LATERAL (SELECT a.search || ''::tsvector AS search OFFSET 0) AS d)," \
  " r AS (" \
  "  SELECT v.id, (SELECT sum(t.idf * f.tf * 2.2 / (f.tf + 1.2 * (0.25 + 0.75 * v.len / n.avg_len)))" \
  "                  FROM t CROSS JOIN LATERAL" \
  "                    (SELECT 10 * ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', v.search, t.q, 0) AS tf) AS f" \
  /* Most hold a few of the terms: @@ is cheaper than ts_rank_cd. */ \
  "                 WHERE v.search @@ t.q) AS score" \
  "    FROM v, (SELECT greatest(avg(v.len), 1) AS avg_len FROM v) AS n" \
  "   ORDER BY score DESC, v.id DESC LIMIT $4)" \
  " SELECT " BYLINE_PG_SUMMARY_COLUMNS ", r.score FROM r JOIN byline.articles a ON a.id = r.id" \
  " ORDER BY r.score DESC, r.id DESC"

/* Every term, the newest first: no rank needed. */
#define RELATED_ALL_NEWEST_FIRST \
  "WITH t AS MATERIALIZED (" \
  "  SELECT string_agg('(' || " TERM_QUERY ("w.term", "$3") "::text || ')', ' & ')::tsquery AS q" \
  "    FROM unnest($1::text[], $2::float8[]) AS w (term, idf))" \
  " SELECT " BYLINE_PG_SUMMARY_COLUMNS ", 1.0 FROM byline.articles a" \
  " WHERE a.search @@ (SELECT t.q FROM t) ORDER BY a.id DESC LIMIT $4"

gboolean
_byline_store_pg_search_related (BylineStoreBackend  *backend,
                   const char * const  *terms,
                   const double        *idfs,
                   BylineRelatedMatch   match,
                   guint                limit,
                   GArray              *hits,
                   guint               *n_matched,
                   GError             **error)
{
  BylineStorePg *self = BYLINE_STORE_PG (backend);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  guint n_terms = g_strv_length ((char **) terms);

  *n_matched = 0;
  if (n_terms == 0)
    return TRUE;

  g_ptr_array_add (params, _byline_pg_dup_text_array (terms));
  g_ptr_array_add (params, dup_number_array (idfs, n_terms));
  _byline_pg_params_add_text (params, self->search_config);
  _byline_pg_params_add_int64 (params, limit);
  if (match == BYLINE_RELATED_ANY_BY_RANK)
    _byline_pg_params_add_int64 (params, (gint64) limit * RANKED_PER_CANDIDATE);

  /* The plan is the same whatever the terms: one index scan per term. */
  res = _byline_pg_query (self,
                          match == BYLINE_RELATED_ANY_BY_RANK ? RELATED_ANY_BY_RANK : RELATED_ALL_NEWEST_FIRST,
                          params, _("find related articles"), error);
  if (res == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (res); row++)
    {
      BylineRelatedHit hit = {
        _byline_store_pg_summary_from_row (res, row),
        g_ascii_strtod (PQgetvalue (res, row, BYLINE_PG_N_SUMMARY_COLUMNS), NULL),
      };

      g_array_append_val (hits, hit);
      (*n_matched)++;
    }

  return TRUE;
}

