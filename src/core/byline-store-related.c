/* byline-store-related.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-related"

#include "config.h"

#include <string.h>

#include "byline-article-fields.h"
#include "byline-related.h"
#include "byline-store-private.h"

/* Related articles: which of the article's words to look for, and how to
 * rank what the backend's full-text index finds. How much a word says
 * depends on the field it is in (a word in the headline or the tags says
 * more about the story than one in the body): related_weight in the field
 * table. */

/* The search: the most distinctive terms, OR-ed. Every term FTS5 looks up
 * costs a seek in each segment of the index (about 0.1 ms with the 15
 * segments of a 100 000-article newsroom), and every document a term is in
 * costs bm25 a look at that document (1 to 2 µs). So the terms are taken
 * by weighted count, their documents counted until SHORTLIST_TERMS are found
 * that are not common (MAX_EXAMINED at most), and of those the MAX_TERMS
 * best by tf × idf are searched for, within POSTINGS_BUDGET documents
 * summed over the terms. See bench/README.md for the measurements. */
#define SHORTLIST_TERMS   16
#define MAX_EXAMINED      40
#define MAX_TERMS         12
#define POSTINGS_BUDGET   1500
/* A term in more than 1 / COMMON_FRACTION of the articles (and at least
 * MIN_COMMON_DF of them) is common: it is not searched for. */
#define COMMON_FRACTION   150
#define MIN_COMMON_DF     200
#define MIN_TOKEN_CHARS   3
#define MAX_TOKEN_BYTES   64

/* The best candidates by bm25 are re-ranked with what the index does not
 * know: the same section, shared tags. */
#define MIN_CANDIDATES    30
#define SECTION_BOOST     0.25
#define TAG_BOOST         0.15
#define MAX_SHARED_TAGS   3

/* Words too common in English news to tell stories apart. Kept short: the
 * idf from the index takes care of the rest. */
static const char * const stopwords[] = {
  "about", "above", "after", "again", "against", "all", "also", "among", "and",
  "another", "any", "are", "around", "because", "been", "before", "being",
  "below", "between", "both", "but", "can", "cannot", "could", "did", "does",
  "doing", "down", "during", "each", "even", "ever", "every", "few", "for",
  "from", "further", "had", "has", "have", "having", "her", "here", "hers",
  "herself", "him", "himself", "his", "how", "however", "http", "https", "into",
  "its", "itself", "just", "last", "later", "least", "less", "like", "made",
  "make", "many", "may", "might", "more", "most", "much", "must", "near", "never",
  "next", "nor", "not", "now", "off", "once", "one", "only", "other", "others",
  "our", "ours", "ourselves", "out", "over", "own", "per", "said", "same", "say",
  "says", "she", "should", "since", "some", "still", "such", "than", "that",
  "the", "their", "theirs", "them", "themselves", "then", "there", "these",
  "they", "this", "those", "though", "three", "through", "thus", "too", "two",
  "under", "until", "upon", "very", "was", "way", "were", "what", "when",
  "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
  "with", "within", "without", "would", "www", "year", "years", "yet", "you",
  "your", "yours", "yourself", "yourselves",
};

static GHashTable *
get_stopwords (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stopwords); i++)
        g_hash_table_add (set, (gpointer) stopwords[i]);

      g_once_init_leave (&table, set);
    }

  return table;
}

typedef struct
{
  char   *text;        /* folded like the index folds it */
  double  tf;          /* weighted count in the article */
  gint64  df;          /* documents holding it, the article itself left out */
  double  idf;
  double  score;
} Term;

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->text);
  g_free (term);
}

/* What FTS5's unicode61 tokenizer counts as part of a token: letters,
 * numbers, private use characters, and (with remove_diacritics) the
 * combining marks it then drops. */
static inline gboolean
is_token_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Lower case without diacritics ("Zürich" → "zurich"), as
 * unicode61 remove_diacritics 2 stores it. */
static char *
fold_token (const char *start,
            gsize       len,
            gboolean    ascii)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *stripped;
  char *folded;

  if (ascii)
    return g_ascii_strdown (start, len);

  lower = g_utf8_strdown (start, len);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return NULL;

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (stripped, c);
    }

  folded = g_utf8_normalize (stripped->str, stripped->len, G_NORMALIZE_NFC);
  g_string_free (stripped, TRUE);

  return folded;
}

static gboolean
is_distinctive (const char *token)
{
  gboolean all_digits = TRUE;

  if (g_utf8_strlen (token, MAX_TOKEN_BYTES + 1) < MIN_TOKEN_CHARS)
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          all_digits = FALSE;
          break;
        }
    }

  /* Years, sums and scores match everything from the same week. */
  if (all_digits)
    return FALSE;

  return !g_hash_table_contains (get_stopwords (), token);
}

/* Calls @func for each folded, distinctive token of @text. */
static void
foreach_token (const char *text,
               void      (*func) (const char *token, gpointer user_data),
               gpointer    user_data)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL || *text == '\0')
    return;

  /* An unsaved article may hold anything a widget or an importer put in. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  p = text;
  while (*p != '\0')
    {
      const char *start;
      gboolean ascii = TRUE;

      while (*p != '\0' && !is_token_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      start = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);

          if (!is_token_char (c))
            break;
          if (c >= 0x80)
            ascii = FALSE;
          p = g_utf8_next_char (p);
        }

      if (p > start && (gsize) (p - start) <= MAX_TOKEN_BYTES)
        {
          g_autofree char *token = fold_token (start, p - start, ascii);

          if (token != NULL && is_distinctive (token))
            func (token, user_data);
        }
    }
}

typedef struct
{
  GHashTable *terms;     /* text → Term */
  double      weight;
} CollectData;

static void
collect_term (const char *token,
              gpointer    user_data)
{
  CollectData *data = user_data;
  Term *term = g_hash_table_lookup (data->terms, token);

  if (term == NULL)
    {
      term = g_new0 (Term, 1);
      term->text = g_strdup (token);
      g_hash_table_insert (data->terms, term->text, term);
    }

  term->tf += data->weight;
}

static void
collect_field (GHashTable *terms,
               const char *text,
               double      weight)
{
  CollectData data = { terms, weight };

  foreach_token (text, collect_term, &data);
}

/* The article's terms with their weighted counts. */
static GHashTable *
collect_terms (BylineArticle *article)
{
  GHashTable *terms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, term_free);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];
      g_autofree char *text = NULL;

      if (!(field->flags & BYLINE_FIELD_SEARCHED))
        continue;

      text = byline_article_field_dup_text (field, article);
      collect_field (terms, text, field->related_weight);
    }

  return terms;
}

static void
add_to_set (const char *token,
            gpointer    user_data)
{
  GHashTable *set = user_data;

  if (!g_hash_table_contains (set, token))
    g_hash_table_add (set, g_strdup (token));
}

/* The terms of the article as stored, so its own row can be left out of
 * the document frequencies: it may differ from the text being edited. */
static gboolean
collect_stored_terms (BylineStoreBackend  *backend,
                      gint64               id,
                      GHashTable          *set,
                      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineArticle) stored = NULL;

  stored = backend->vtable->load_article (backend, id, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; stored != NULL && i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];
      g_autofree char *text = NULL;

      if (!(field->flags & BYLINE_FIELD_SEARCHED))
        continue;

      text = byline_article_field_dup_text (field, stored);
      foreach_token (text, add_to_set, set);
    }

  return TRUE;
}

/* The terms found common, remembered per store: a newsroom's common words
 * (its topics: "council", "harbour") come back in most articles, and
 * counting one costs as much as counting a handful of rare ones. Rare
 * terms are counted every time: their counts change as a story unfolds,
 * and they are what the search is made of. */
typedef struct
{
  GHashTable *terms;      /* folded term, owned */
  gint64      n_docs;     /* articles when the first was remembered */
} CommonTerms;

#define COMMON_TERMS_KEY "byline-related-common-terms"
#define MAX_COMMON_TERMS 100000

/* Related articles are looked for on workers, maybe two at once. */
static GMutex common_terms_lock;

static void
common_terms_free (gpointer data)
{
  CommonTerms *common = data;

  g_hash_table_unref (common->terms);
  g_free (common);
}

/* Called with common_terms_lock held. */
static CommonTerms *
get_common_terms (BylineStore *self,
                  gint64       n_docs)
{
  CommonTerms *common = g_object_get_data (G_OBJECT (self), COMMON_TERMS_KEY);

  if (common == NULL)
    {
      common = g_new0 (CommonTerms, 1);
      common->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (self), COMMON_TERMS_KEY, common, common_terms_free);
    }

  /* What is common depends on how many articles there are: forget it all
   * when that has changed by a quarter. */
  if (g_hash_table_size (common->terms) > MAX_COMMON_TERMS ||
      n_docs > common->n_docs + common->n_docs / 4 ||
      n_docs < common->n_docs - common->n_docs / 4)
    {
      g_hash_table_remove_all (common->terms);
      common->n_docs = n_docs;
    }

  return common;
}

/* Counts the documents each term is in, straight from the index, up to
 * @common (a term in more is common, however many more), in the order of
 * @terms until SHORTLIST_TERMS of them are found not common, or
 * MAX_EXAMINED were looked at. Terms @known to be common are not counted
 * again: that saves time, not changes the result. Returns in @n_seen how
 * many of @terms were looked at. */
static gboolean
count_documents (BylineStoreBackend  *backend,
                 GPtrArray           *terms,
                 GHashTable          *own_terms,
                 CommonTerms         *known,
                 gint64               common,
                 guint               *n_seen,
                 GError             **error)
{
  guint n_rare = 0;
  guint i;

  /* An engine may look the terms up together first (a server: in one
   * round trip, not one a term). */
  if (backend->vtable->prepare_terms != NULL)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      for (i = 0; i < terms->len && i < MAX_EXAMINED; i++)
        g_ptr_array_add (texts, ((Term *) g_ptr_array_index (terms, i))->text);
      g_ptr_array_add (texts, NULL);

      if (!backend->vtable->prepare_terms (backend, (const char * const *) texts->pdata, error))
        {
          *n_seen = 0;
          return FALSE;
        }
    }

  for (i = 0; i < terms->len && i < MAX_EXAMINED && n_rare < SHORTLIST_TERMS; i++)
    {
      Term *term = g_ptr_array_index (terms, i);
      gboolean own = own_terms != NULL && g_hash_table_contains (own_terms, term->text);
      gint64 count;

      if (g_hash_table_contains (known->terms, term->text))
        {
          term->df = common + 1;
          continue;
        }

      if (!backend->vtable->count_term_documents (backend, term->text, common + 1 + own, &count, error))
        {
          *n_seen = i;
          return FALSE;
        }

      term->df = MAX (count - own, 0);
      if (term->df > common)
        g_hash_table_add (known->terms, g_strdup (term->text));
      else
        n_rare++;
    }

  *n_seen = i;
  return TRUE;
}

/* ln (x) for x > 0. The core links no libm (core_deps in src/meson.build
 * lacks it), and the idf needs no more than this: ln x = k ln 2 + ln m,
 * m in [1, 2), ln m = 2 atanh ((m - 1) / (m + 1)) by its series. */
static double
natural_log (double x)
{
  double y, y2, term, sum = 0.0;
  int k = 0;

  g_assert (x > 0.0);

  while (x >= 2.0)
    {
      x /= 2.0;
      k++;
    }
  while (x < 1.0)
    {
      x *= 2.0;
      k--;
    }

  y = (x - 1.0) / (x + 1.0);
  y2 = y * y;
  term = y;
  for (int n = 1; n < 40; n += 2)
    {
      sum += term / n;
      term *= y2;
    }

  return 2.0 * sum + k * G_LN2;
}

/* Most often used first; among equals the longer word, which is more often
 * the rarer; then alphabetically, so the same text makes the same query. */
static int
compare_terms_by_count (gconstpointer a,
                        gconstpointer b)
{
  const Term *ta = *(const Term * const *) a;
  const Term *tb = *(const Term * const *) b;
  gsize la, lb;

  if (ta->tf != tb->tf)
    return ta->tf < tb->tf ? 1 : -1;

  la = strlen (ta->text);
  lb = strlen (tb->text);
  if (la != lb)
    return la < lb ? 1 : -1;

  return strcmp (ta->text, tb->text);
}

static int
compare_terms_by_score (gconstpointer a,
                        gconstpointer b)
{
  const Term *ta = *(const Term * const *) a;
  const Term *tb = *(const Term * const *) b;

  if (ta->score != tb->score)
    return ta->score < tb->score ? 1 : -1;

  return compare_terms_by_count (a, b);
}

/* The terms to search for, from the best of the first @n_terms terms, and
 * in @idfs how distinctive each is; NULL when no term is worth searching
 * for.
 *
 * When every word is common (a fresh draft: "Council budget vote"), bm25
 * would have to score thousands of articles; then the best two common words
 * are asked for together, newest first (*@match says which). */
static GStrv
choose_terms (GPtrArray          *terms,
              guint               n_terms,
              gint64              n_docs,
              gint64              common,
              GArray             *idfs,
              BylineRelatedMatch *match)
{
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  gint64 postings = 0;
  guint n = 0;

  *match = BYLINE_RELATED_ANY_BY_RANK;

  for (guint i = 0; i < n_terms; i++)
    {
      Term *term = g_ptr_array_index (terms, i);

      term->idf = natural_log (1.0 + (n_docs - term->df + 0.5) / (term->df + 0.5));
      term->score = term->tf * term->idf;
    }
  g_ptr_array_sort (terms, compare_terms_by_score);

  for (guint i = 0; i < n_terms && n < MAX_TERMS; i++)
    {
      Term *term = g_ptr_array_index (terms, i);

      /* Found nowhere else, or everywhere. */
      if (term->df == 0 || term->df > common)
        continue;

      if (postings + term->df > POSTINGS_BUDGET)
        continue;

      postings += term->df;
      n++;
      g_strv_builder_add (chosen, term->text);
      g_array_append_val (idfs, term->idf);
    }

  if (n == 0)
    {
      for (guint i = 0; i < n_terms && n < 2; i++)
        {
          Term *term = g_ptr_array_index (terms, i);

          if (term->df <= common)
            continue;

          n++;
          g_strv_builder_add (chosen, term->text);
          g_array_append_val (idfs, term->idf);
        }

      if (n == 0)
        return NULL;

      *match = BYLINE_RELATED_ALL_NEWEST_FIRST;
    }

  result = g_strv_builder_end (chosen);

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
    {
      g_autofree char *joined = g_strjoinv (" ", result);

      g_debug ("Related: %u terms (%s), %" G_GINT64_FORMAT " postings of %" G_GINT64_FORMAT
               " articles: %s", n, *match == BYLINE_RELATED_ANY_BY_RANK ? "any" : "all, newest first",
               postings, n_docs, joined);
    }

  return g_steal_pointer (&result);
}

static void
hit_clear (gpointer data)
{
  BylineRelatedHit *hit = data;

  g_clear_object (&hit->summary);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const BylineRelatedHit *ha = a;
  const BylineRelatedHit *hb = b;
  gint64 ia, ib;

  if (ha->score != hb->score)
    return ha->score < hb->score ? 1 : -1;

  /* Equal scores: the newer article first. */
  ia = byline_article_summary_get_id (ha->summary);
  ib = byline_article_summary_get_id (hb->summary);
  return ia < ib ? 1 : (ia > ib ? -1 : 0);
}

/* Leaves out the article itself, spiked and trashed articles: what a
 * journalist could not link to. */
static void
drop_unlinkable (GArray *hits,
                 gint64  own_id)
{
  for (guint i = hits->len; i > 0; i--)
    {
      BylineArticleSummary *summary = g_array_index (hits, BylineRelatedHit, i - 1).summary;

      if (byline_article_summary_get_id (summary) == own_id ||
          byline_article_summary_get_trashed (summary) != 0 ||
          byline_article_summary_get_status (summary) == BYLINE_STATUS_SPIKED)
        g_array_remove_index (hits, i - 1);
    }
}

static GHashTable *
dup_tag_set (const char * const *tags)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_hash_table_add (set, g_utf8_casefold (tags[i], -1));

  return set;
}

/* The best candidates by the index's rank are re-ranked with what the
 * index does not know: the same section, shared tags. */
static void
apply_boosts (BylineArticle *article,
              GArray        *hits)
{
  g_autoptr(GHashTable) tags = dup_tag_set (byline_article_get_tags (article));
  g_autofree char *section = g_utf8_casefold (byline_article_get_section (article), -1);

  for (guint i = 0; i < hits->len; i++)
    {
      BylineRelatedHit *hit = &g_array_index (hits, BylineRelatedHit, i);
      const char * const *other_tags = byline_article_summary_get_tags (hit->summary);
      double boost = 1.0;
      guint shared = 0;

      if (*section != '\0')
        {
          g_autofree char *other_section =
            g_utf8_casefold (byline_article_summary_get_section (hit->summary), -1);

          if (g_str_equal (section, other_section))
            boost += SECTION_BOOST;
        }

      for (guint j = 0; other_tags != NULL && other_tags[j] != NULL; j++)
        {
          g_autofree char *tag = g_utf8_casefold (other_tags[j], -1);

          if (g_hash_table_contains (tags, tag))
            shared++;
        }

      boost += TAG_BOOST * MIN (shared, MAX_SHARED_TAGS);
      hit->score *= boost;
    }

  g_array_sort (hits, compare_hits);
}

/**
 * byline_store_list_related:
 * @self: a store
 * @article: the article being read or written
 * @limit: how many to return at most
 * @error: return location for a #GError
 *
 * Ranks the stored articles by how much they share @article's most
 * distinctive words (bm25 over the full-text index), then favours the same
 * section and shared tags.
 *
 * Returns: (transfer full) (element-type BylineArticleSummary) (nullable):
 *   the related articles, best first; empty when @article has no words to
 *   go by
 */
GPtrArray *
byline_store_list_related (BylineStore    *self,
                           BylineArticle  *article,
                           guint           limit,
                           GError        **error)
{
  BylineStoreBackend *backend;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GHashTable) terms = NULL;
  g_autoptr(GHashTable) own_terms = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) idfs = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) chosen = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 own_id;
  gint64 n_docs = 0;
  guint n_candidates;
  guint n_matched = 0;
  guint n_shortlist = 0;
  gint64 common;
  BylineRelatedMatch match = BYLINE_RELATED_ANY_BY_RANK;
  gboolean ok;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  related = g_ptr_array_new_with_free_func (g_object_unref);
  if (limit == 0)
    return g_steal_pointer (&related);

  own_id = byline_article_get_id (article);
  terms = collect_terms (article);
  if (g_hash_table_size (terms) == 0)
    return g_steal_pointer (&related);

  ranked = g_ptr_array_sized_new (g_hash_table_size (terms));
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (ranked, value);
  g_ptr_array_sort (ranked, compare_terms_by_count);

  if (own_id > 0)
    own_terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (BylineRelatedHit));
  g_array_set_clear_func (hits, hit_clear);
  n_candidates = MAX (MIN_CANDIDATES, limit * 3);

  backend = _byline_store_get_backend (self);

  ok = backend->vtable->estimate_articles (backend, &n_docs, error);
  common = MAX (MIN_COMMON_DF, n_docs / COMMON_FRACTION);
  ok = ok && (own_terms == NULL || collect_stored_terms (backend, own_id, own_terms, error));

  if (ok)
    {
      g_mutex_lock (&common_terms_lock);
      ok = count_documents (backend, ranked, own_terms, get_common_terms (self, n_docs),
                            common, &n_shortlist, error);
      g_mutex_unlock (&common_terms_lock);
    }

  if (ok)
    chosen = choose_terms (ranked, n_shortlist, n_docs, common, idfs, &match);

  /* Spiked and trashed articles, and the article itself, are left out after
   * ranking; should they fill the cut, ask for more. */
  while (ok && chosen != NULL)
    {
      g_array_set_size (hits, 0);
      ok = backend->vtable->search_related (backend, (const char * const *)chosen,
                                            (const double *) idfs->data, match,
                                            n_candidates, hits, &n_matched, error);
      if (ok)
        drop_unlinkable (hits, own_id);
      if (!ok || hits->len >= limit || n_matched < n_candidates ||
          n_candidates >= G_MAXINT / 4)
        break;
      n_candidates *= 4;
    }

  if (!ok)
    return NULL;

  apply_boosts (article, hits);

  for (guint i = 0; i < hits->len && related->len < limit; i++)
    {
      BylineRelatedHit *hit = &g_array_index (hits, BylineRelatedHit, i);

      g_ptr_array_add (related, g_steal_pointer (&hit->summary));
    }

  return g_steal_pointer (&related);
}

typedef struct
{
  BylineArticle *article;
  guint          limit;
} RelatedData;

static void
related_data_free (gpointer data)
{
  RelatedData *related_data = data;

  g_clear_object (&related_data->article);
  g_free (related_data);
}

static void
list_related_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  RelatedData *data = task_data;
  GError *error = NULL;
  GPtrArray *related;

  related = byline_store_list_related (source_object, data->article, data->limit, &error);
  if (related == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, related, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * byline_store_list_related_async:
 * @self: a store
 * @article: the article being written; copied, so it may change meanwhile
 * @limit: how many to return at most
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs byline_store_list_related() in a worker thread.
 */
void
byline_store_list_related_async (BylineStore         *self,
                                 BylineArticle       *article,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RelatedData *data;

  g_return_if_fail (BYLINE_IS_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RelatedData, 1);
  data->article = byline_article_copy (article);
  data->limit = limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_store_list_related_async);
  g_task_set_task_data (task, data, related_data_free);
  g_task_run_in_thread (task, list_related_thread);
}

/**
 * byline_store_list_related_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineArticleSummary) (nullable):
 *   the related articles, best first, or %NULL with @error set (also when
 *   the work was cancelled)
 */
GPtrArray *
byline_store_list_related_finish (BylineStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == byline_store_list_related_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
