/* bench-related.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long byline_store_list_related() takes on a big newsroom.
 *
 *   meson compile -C _build bench-related && ./_build/bench/bench-related
 *
 * Generates N articles (100 000 by default) of realistic length and word
 * statistics into a temporary database, then times related queries for
 * random articles and prints the median, the 90th percentile and the worst.
 * The articles are written with SQL straight into the file the store
 * created (one transaction): through byline_store_save_article() each one
 * would wait for its own fsync.
 *
 * With --database postgresql://… the newsroom is on a server: generated
 * there (with COPY) when it holds no articles yet, reused otherwise. */

#define G_LOG_DOMAIN "bench-related"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "byline-pg-connection.h"
#include "byline-related.h"
#include "byline-store.h"

#define N_TOPICS         24
#define N_SECTIONS       8
#define TOPIC_WORDS      400
#define TAGS_PER_TOPIC   8
#define LEXICON_WORDS    60000
#define ENTITY_WORDS     200000   /* people, places, bodies named in no story in particular */
#define TOPIC_ENTITIES   4000     /* those of one running story */
#define WARM_UP_QUERIES  5

/* Where each kind of word comes from in the space of generated words, so
 * that no two kinds share a word. */
#define LEXICON_BASE     0
#define TOPIC_BASE       100000
#define ENTITY_BASE      200000
#define TOPIC_ENTITY_BASE 500000

static const char * const stop_list[] = {
  "the", "of", "to", "and", "a", "in", "is", "that", "for", "it", "on", "was",
  "with", "he", "as", "at", "by", "said", "be", "this", "from", "have", "are",
  "an", "they", "which", "or", "we", "not", "but", "had", "has", "were", "their",
  "his", "her", "she", "will", "would", "been", "there", "its", "after", "who",
  "more", "about", "also", "when", "than", "into", "up", "out", "over", "new",
  "one", "two", "last", "year", "could", "them", "some", "what", "so", "all",
};

static const char * const sections[N_SECTIONS] = {
  "News", "Politics", "Business", "Sport", "Culture", "Weather", "Health", "Education",
};

static const char * const statuses[] = {
  "published", "published", "published", "published", "published", "published",
  "published", "published", "published", "published", "published", "published",
  "published", "published", "draft", "draft", "draft", "in-review", "approved",
  "spiked",
};

typedef struct
{
  double *cdf;
  guint   n;
} Zipf;

static void
zipf_init (Zipf   *zipf,
           guint   n,
           double  s)
{
  double sum = 0.0;

  zipf->n = n;
  zipf->cdf = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      sum += 1.0 / pow (i + 1, s);
      zipf->cdf[i] = sum;
    }
  for (guint i = 0; i < n; i++)
    zipf->cdf[i] /= sum;
}

static guint
zipf_sample (const Zipf *zipf,
             GRand      *rand)
{
  double u = g_rand_double (rand);
  guint lo = 0, hi = zipf->n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (zipf->cdf[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* A pronounceable made-up word, different for every index: its digits in
 * base 75, one consonant-vowel syllable per digit, at least two. */
static void
append_word (GString *out,
             guint    index)
{
  static const char consonants[] = "bdfghklmnprstvz";
  static const char vowels[] = "aeiou";
  static const char endings[] = "nrlstm";
  char digits[16];
  guint n = 0;
  guint value = index;

  do
    {
      digits[n++] = value % 75;
      value /= 75;
    }
  while (value > 0 || n < 2);

  while (n > 0)
    {
      guint d = digits[--n];

      g_string_append_c (out, consonants[d / 5]);
      g_string_append_c (out, vowels[d % 5]);
    }

  if (index % 3 == 0)
    g_string_append_c (out, endings[(index / 3) % 6]);
}

typedef struct
{
  GRand *rand;
  Zipf   lexicon;
  Zipf   topic;
  Zipf   entities;
  Zipf   topic_entities;
  Zipf   stops;
} Generator;

typedef struct
{
  guint topic;
  guint second_topic;
  guint entities[8];
  guint n_entities;
} Story;

static void
append_token (Generator   *gen,
              const Story *story,
              GString     *out,
              gboolean     headline)
{
  double u = g_rand_double (gen->rand);

  if (!headline && u < 0.42)
    g_string_append (out, stop_list[zipf_sample (&gen->stops, gen->rand)]);
  else if (u < (headline ? 0.35 : 0.56))
    {
      guint topic = story->topic;

      if (g_rand_int_range (gen->rand, 0, 5) == 0)
        topic = story->second_topic;
      append_word (out, TOPIC_BASE + topic * TOPIC_WORDS + zipf_sample (&gen->topic, gen->rand));
    }
  else if (u < (headline ? 0.55 : 0.61))
    {
      /* The first name in a story comes back most often. */
      guint i = g_rand_int_range (gen->rand, 0, story->n_entities * 2);

      i = i >= story->n_entities ? 0 : i;
      append_word (out, ENTITY_BASE + story->entities[i]);
    }
  else if (u < (headline ? 0.57 : 0.63))
    g_string_append_printf (out, "%d", g_rand_int_range (gen->rand, 1, 5000));
  else
    append_word (out, LEXICON_BASE + zipf_sample (&gen->lexicon, gen->rand));
}

/* @n_words words as sentences, in paragraphs when @paragraphs. */
static char *
make_text (Generator   *gen,
           const Story *story,
           guint        n_words,
           gboolean     paragraphs,
           gboolean     headline)
{
  GString *out = g_string_new (NULL);
  guint in_sentence = 0;
  guint sentence_length = g_rand_int_range (gen->rand, 8, 26);
  guint in_paragraph = 0;

  for (guint i = 0; i < n_words; i++)
    {
      gsize start;

      if (in_sentence > 0)
        g_string_append_c (out, ' ');

      start = out->len;
      append_token (gen, story, out, headline);
      if (in_sentence == 0)
        out->str[start] = g_ascii_toupper (out->str[start]);

      if (!headline && ++in_sentence == sentence_length)
        {
          g_string_append_c (out, '.');
          in_sentence = 0;
          sentence_length = g_rand_int_range (gen->rand, 8, 26);
          if (paragraphs && ++in_paragraph == 4)
            {
              g_string_append (out, "\n\n");
              in_paragraph = 0;
            }
          else if (i + 1 < n_words)
            g_string_append_c (out, ' ');
        }
      else if (headline)
        in_sentence++;
    }

  return g_string_free (out, FALSE);
}

static char *
make_tags (Generator   *gen,
           const Story *story)
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (gen->rand, 2, 5);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      /* A topic's tags are its commonest words. */
      append_word (out, TOPIC_BASE + story->topic * TOPIC_WORDS +
                        g_rand_int_range (gen->rand, 0, TAGS_PER_TOPIC));
    }

  return g_string_free (out, FALSE);
}

/* One generated article, as the table holds it. */
typedef struct
{
  const char *uuid;
  const char *slug;
  const char *section;
  const char *headline;
  const char *standfirst;
  const char *body;
  const char *tags;
  const char *status;
  gint64      created;
  gint64      updated;
  gint64      published;   /* 0: none */
  gint64      trashed;     /* 0: none */
  const char *byline;
} Row;

typedef gboolean (*RowFunc) (const Row  *row,
                             gpointer    user_data,
                             GError    **error);

/* Makes @n_articles articles from @seed, handing each to @func. */
static gboolean
generate_rows (guint        n_articles,
               guint32      seed,
               RowFunc      func,
               gpointer     user_data,
               guint64     *n_words,
               GError     **error)
{
  Generator gen = { 0, };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok = TRUE;

  gen.rand = g_rand_new_with_seed (seed);
  zipf_init (&gen.lexicon, LEXICON_WORDS, 1.0);
  zipf_init (&gen.topic, TOPIC_WORDS, 0.9);
  zipf_init (&gen.entities, ENTITY_WORDS, 1.1);
  zipf_init (&gen.topic_entities, TOPIC_ENTITIES, 1.0);
  zipf_init (&gen.stops, G_N_ELEMENTS (stop_list), 1.0);

  for (guint i = 0; ok && i < n_articles; i++)
    {
      Story story = { 0, };
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *headline = NULL;
      g_autofree char *standfirst = NULL;
      g_autofree char *body = NULL;
      g_autofree char *tags = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *byline = NULL;
      const char *status;
      guint body_words = g_rand_int_range (gen.rand, 300, 801);
      gint64 created = now - g_rand_int_range (gen.rand, 0, 5 * 365 * 86400);
      Row row;

      story.topic = g_rand_int_range (gen.rand, 0, N_TOPICS);
      story.second_topic = g_rand_int_range (gen.rand, 0, N_TOPICS);
      story.n_entities = g_rand_int_range (gen.rand, 3, 9);
      /* Most names in a story belong to its beat: the mayor in council
       * stories, the coach in sport. */
      for (guint j = 0; j < story.n_entities; j++)
        {
          if (g_rand_int_range (gen.rand, 0, 10) < 7)
            story.entities[j] = TOPIC_ENTITY_BASE - ENTITY_BASE + story.topic * TOPIC_ENTITIES +
                                zipf_sample (&gen.topic_entities, gen.rand);
          else
            story.entities[j] = zipf_sample (&gen.entities, gen.rand);
        }

      headline = make_text (&gen, &story, g_rand_int_range (gen.rand, 6, 13), FALSE, TRUE);
      standfirst = make_text (&gen, &story, g_rand_int_range (gen.rand, 20, 36), FALSE, FALSE);
      body = make_text (&gen, &story, body_words, TRUE, FALSE);
      tags = make_tags (&gen, &story);
      slug = byline_slugify (headline);
      /* The byline names the story's topic desk, so the benchmark can tell
       * how many related articles share the topic. */
      byline = g_strdup_printf ("Desk %u", story.topic);
      status = statuses[g_rand_int_range (gen.rand, 0, G_N_ELEMENTS (statuses))];
      *n_words += body_words;

      row.uuid = uuid;
      row.slug = slug;
      row.section = sections[story.topic % N_SECTIONS];
      row.headline = headline;
      row.standfirst = standfirst;
      row.body = body;
      row.tags = tags;
      row.status = status;
      row.created = created;
      row.updated = created + g_rand_int_range (gen.rand, 0, 86400);
      row.published = g_str_equal (status, "published") ? created + 3600 : 0;
      row.trashed = g_rand_int_range (gen.rand, 0, 100) == 0 ? now : 0;
      row.byline = byline;

      ok = func (&row, user_data, error);

      if ((i + 1) % 10000 == 0)
        g_printerr ("  %u articles...\n", i + 1);
    }

  g_free (gen.lexicon.cdf);
  g_free (gen.topic.cdf);
  g_free (gen.entities.cdf);
  g_free (gen.topic_entities.cdf);
  g_free (gen.stops.cdf);
  g_rand_free (gen.rand);

  return ok;
}

static gboolean
insert_row_sqlite (const Row  *row,
                   gpointer    user_data,
                   GError    **error)
{
  sqlite3_stmt *stmt = user_data;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->slug, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->section, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->headline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->standfirst, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->tags, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, row->created);
  sqlite3_bind_int64 (stmt, 10, row->updated);
  if (row->published > 0)
    sqlite3_bind_int64 (stmt, 11, row->published);
  else
    sqlite3_bind_null (stmt, 11);
  if (row->trashed > 0)
    sqlite3_bind_int64 (stmt, 12, row->trashed);
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_text (stmt, 13, row->byline, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write an article: %s",
                   sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_sqlite (const char  *path,
                 guint        n_articles,
                 guint32      seed,
                 gboolean     optimize,
                 GError     **error)
{
  g_autoptr(BylineStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  guint64 n_words = 0;
  int rc;

  /* The store makes the schema; then the rows go in directly. */
  store = byline_store_new (path, error);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);

  rc = sqlite3_open (path, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO articles (uuid, slug, section, headline, standfirst,"
                             " body, tags, status, created, updated, published, trashed, byline)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                             -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write the articles into “%s”: %s", path, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return FALSE;
    }

  if (!generate_rows (n_articles, seed, insert_row_sqlite, stmt, &n_words, error))
    {
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK && optimize)
    rc = sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 "Could not write the articles into “%s”: %s", path, sqlite3_errmsg (db));
  else
    g_print ("Generated %u articles (%.0f body words each on average) in %.1f s%s\n",
             n_articles, (double) n_words / MAX (n_articles, 1),
             (g_get_monotonic_time () - start) / 1e6,
             optimize ? ", index optimized" : "");

  sqlite3_close (db);

  return rc == SQLITE_OK;
}

/* A value for COPY's text format: backslash, tab and line ends escaped. */
static void
append_copy_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
append_copy_time (GString *out,
                  gint64   seconds)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (seconds <= 0)
    {
      g_string_append (out, "\\N");
      return;
    }

  time = g_date_time_new_from_unix_utc (seconds);
  text = g_date_time_format (time, "%Y-%m-%d %H:%M:%S+00");
  g_string_append (out, text);
}

static gboolean
copy_row_pg (const Row  *row,
             gpointer    user_data,
             GError    **error)
{
  PGconn *conn = user_data;
  g_autoptr(GString) line = g_string_new (NULL);
  const char *texts[] = { row->uuid, row->slug, row->section, row->headline, row->standfirst,
                          row->body, row->tags, row->status };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      append_copy_text (line, texts[i]);
      g_string_append_c (line, '\t');
    }
  append_copy_time (line, row->created);
  g_string_append_c (line, '\t');
  append_copy_time (line, row->updated);
  g_string_append_c (line, '\t');
  append_copy_time (line, row->published);
  g_string_append_c (line, '\t');
  append_copy_time (line, row->trashed);
  g_string_append_c (line, '\t');
  append_copy_text (line, row->byline);
  g_string_append_c (line, '\n');

  if (PQputCopyData (conn, line->str, line->len) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not send an article: %s",
                   PQerrorMessage (conn));
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_pg (PGconn      *conn,
        const char  *sql,
        GError     **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql, PQerrorMessage (conn));
      return FALSE;
    }

  return TRUE;
}

/* Into a newsroom server's database: the store makes the schema, then the
 * rows go in with COPY, the stamping and notifying triggers left out (the
 * role must be a superuser, as pg_virtualenv's is) so the generated times
 * stay; the search column is computed as they go in. */
static gboolean
generate_pg (const char  *uri,
             guint        n_articles,
             guint32      seed,
             GError     **error)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylinePgConnection) connection = NULL;
  g_autoptr(PGresult) res = NULL;
  gint64 start = g_get_monotonic_time ();
  guint64 n_words = 0;
  PGconn *conn;

  store = byline_store_new (uri, error);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);

  connection = byline_pg_connection_new (uri, NULL, error);
  if (connection == NULL)
    return FALSE;
  conn = byline_pg_connection_get_conn (connection);

  if (!run_pg (conn, "SET session_replication_role = replica", error) ||
      !run_pg (conn, "BEGIN", error))
    return FALSE;

  res = PQexec (conn, "COPY byline.articles (uuid, slug, section, headline, standfirst, body, tags,"
                      " status, created, updated, published, trashed, byline) FROM STDIN");
  if (PQresultStatus (res) != PGRES_COPY_IN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not start the copy: %s",
                   PQerrorMessage (conn));
      return FALSE;
    }
  g_clear_pointer (&res, PQclear);

  if (!generate_rows (n_articles, seed, copy_row_pg, conn, &n_words, error))
    {
      PQputCopyEnd (conn, "the generator failed");
      return FALSE;
    }

  if (PQputCopyEnd (conn, NULL) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not end the copy: %s",
                   PQerrorMessage (conn));
      return FALSE;
    }
  res = PQgetResult (conn);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not copy the articles: %s",
                   PQerrorMessage (conn));
      return FALSE;
    }
  g_clear_pointer (&res, PQclear);

  /* The statistics the planner needs, and the visibility map that lets
   * counts skip the table. */
  if (!run_pg (conn, "COMMIT", error) ||
      !run_pg (conn, "VACUUM ANALYZE byline.articles", error))
    return FALSE;

  g_print ("Generated %u articles (%.0f body words each on average) in %.1f s\n",
           n_articles, (double) n_words / MAX (n_articles, 1),
           (g_get_monotonic_time () - start) / 1e6);

  return TRUE;
}

/* The time this thread spent on a CPU: other programs on a busy machine
 * stretch the wall-clock time, not this. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* How many segments the full-text index is in: every term looked up costs
 * a seek in each. */
static int
count_segments (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(DISTINCT segid) FROM articles_fts_idx",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : (da > db ? 1 : 0);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) ceil (p * sorted->len) - 1;

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

int
main (int    argc,
      char **argv)
{
  int n_articles = 100000;
  int n_queries = 200;
  int seed = 20260101;
  gboolean optimize = FALSE;
  g_autofree char *database = NULL;
  const GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "How many articles to generate (100000)", "N" },
    { "queries", 'q', 0, G_OPTION_ARG_INT, &n_queries, "How many related queries to time (200)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed for the generated articles and the queries", "N" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Keep the newsroom in this file (or a postgresql:// database), and reuse it if it exists", "PATH" },
    { "optimize", 0, 0, G_OPTION_ARG_NONE, &optimize,
      "Merge the full-text index into one segment after generating", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GArray) cpu_times = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = NULL;
  guint64 n_results = 0;
  guint64 n_same_topic = 0;
  double first_ms = 0.0;
  BylineArticleQuery all = BYLINE_ARTICLE_QUERY_INIT;
  gboolean on_server = FALSE;
  guint n_stored;

  context = g_option_context_new ("- time related-article queries");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-related: %s\n", error->message);
      return 2;
    }

  if (n_articles < 2 || n_queries < 1)
    {
      g_printerr ("bench-related: --articles must be at least 2 and --queries at least 1\n");
      return 2;
    }

  if (database != NULL)
    path = g_strdup (database);
  else
    {
      tmp_dir = g_dir_make_tmp ("bench-related-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("bench-related: %s\n", error->message);
          return 1;
        }
      path = g_build_filename (tmp_dir, "newsroom.db", NULL);
    }

  on_server = byline_pg_is_uri (path);
  if (on_server)
    {
      store = byline_store_new (path, &error);
      if (store != NULL && byline_store_count_articles (store, NULL, &error) == 0 && error == NULL)
        {
          g_clear_object (&store);
          if (!generate_pg (path, n_articles, seed, &error))
            {
              g_printerr ("bench-related: %s\n", error->message);
              return 1;
            }
        }
      g_clear_object (&store);
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
           !generate_sqlite (path, n_articles, seed, optimize, &error))
    {
      g_printerr ("bench-related: %s\n", error->message);
      return 1;
    }

  if (error != NULL)
    {
      g_printerr ("bench-related: %s\n", error->message);
      return 1;
    }

  store = byline_store_new (path, &error);
  if (store == NULL)
    {
      g_printerr ("bench-related: %s\n", error->message);
      return 1;
    }

  n_stored = byline_store_count_articles (store, &all, NULL);
  rand = g_rand_new_with_seed (seed + 1);
  times = g_array_new (FALSE, FALSE, sizeof (double));
  cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < WARM_UP_QUERIES + n_queries; i++)
    {
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GPtrArray) related = NULL;
      gint64 id = g_rand_int_range (rand, 1, n_articles + 1);
      gint64 start;
      double cpu_start;
      double cpu_ms;
      double ms;

      article = byline_store_load_article (store, id, &error);
      if (article == NULL)
        {
          g_printerr ("bench-related: %s\n", error->message);
          return 1;
        }

      cpu_start = thread_cpu_ms ();
      start = g_get_monotonic_time ();
      related = byline_store_list_related (store, article, 10, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms = thread_cpu_ms () - cpu_start;

      if (related == NULL)
        {
          g_printerr ("bench-related: %s\n", error->message);
          return 1;
        }

      if (i == 0)
        first_ms = ms;

      if (i >= WARM_UP_QUERIES)
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
          n_results += related->len;
          /* A summary has no byline: the story is the stored article's. */
          for (guint j = 0; j < related->len; j++)
            {
              BylineArticleSummary *summary = g_ptr_array_index (related, j);
              g_autoptr(BylineArticle) other = NULL;

              other = byline_store_load_article (store, byline_article_summary_get_id (summary), &error);
              if (other == NULL)
                {
                  g_printerr ("bench-related: %s\n", error->message);
                  return 1;
                }
              n_same_topic += g_str_equal (byline_article_get_byline (other),
                                           byline_article_get_byline (article));
            }
        }
    }

  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);

  if (on_server)
    g_print ("%u live articles in %s\n", n_stored, path);
  else
    g_print ("%u live articles in %s, full-text index in %d segments\n",
             n_stored, path, count_segments (path));
  g_print ("%d related queries (limit 10, after %d warm-up queries), %.1f results on average\n",
           n_queries, WARM_UP_QUERIES, (double) n_results / n_queries);
  g_print ("%.2f of the related articles share the story's topic (of %d topics)\n",
           (double) n_same_topic / MAX (n_results, 1), N_TOPICS);
  g_print ("first query %.2f ms\n", first_ms);
  g_print ("wall time: median %.2f ms   p90 %.2f ms   max %.2f ms\n",
           percentile (times, 0.5), percentile (times, 0.9),
           g_array_index (times, double, times->len - 1));
  g_print ("CPU time:  median %.2f ms   p90 %.2f ms   max %.2f ms\n",
           percentile (cpu_times, 0.5), percentile (cpu_times, 0.9),
           g_array_index (cpu_times, double, cpu_times->len - 1));

  g_clear_object (&store);
  if (tmp_dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (tmp_dir);
    }

  return 0;
}
