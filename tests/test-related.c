/* test-related.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-related"

#include "config.h"

#include <string.h>

#include "byline-related.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"

/* --- The corpus -----------------------------------------------------------
 *
 * A made-up newsroom: eight running stories, each with its own words, in six
 * sections (two stories share Local, two share Sport, so the section alone
 * cannot tell them apart). The stories share a newsroom's everyday words,
 * and some words cross between them ("budget", "ward", "tickets",
 * "harbour"), as they do in a real paper. Generated from a fixed seed. */

#define N_TOPICS            8
#define ARTICLES_PER_TOPIC  30
#define PROBES_PER_TOPIC    3
#define SEED                20260212

typedef struct
{
  const char *name;
  const char *section;
  const char *tags[4];
  const char *words[64];
} Topic;

static const Topic topics[N_TOPICS] = {
  {
    "council budget", "Politics",
    { "council", "budget", "city hall", NULL },
    { "council", "councillors", "budget", "levy", "ratepayers", "deficit", "mayor",
      "Halvorsen", "chamber", "motion", "amendment", "treasurer", "Okonjo", "reserves",
      "auditor", "spending", "borrowing", "committee", "vote", "ward", "surplus",
      "property tax", "finance director", "line item", "capital plan", "debt",
      "fiscal", "appropriation", "revenue", "shortfall", "cuts", "libraries",
      "pothole repairs", "snow clearing", "overtime", "contingency", "quorum",
      "opposition", "coalition", "veto", "budget chief", "Castellanos", NULL },
  },
  {
    "harbour dredging", "Local",
    { "harbour", "port", "shipping", NULL },
    { "harbour", "dredging", "quay", "berth", "silt", "tugboat", "breakwater",
      "freighter", "harbourmaster", "Mensah", "basin", "cargo", "pier", "jetty",
      "channel", "draught", "sediment", "barge", "container", "crane", "mooring",
      "tide", "ferry", "shipping", "pilots", "dredger", "fishermen", "trawler",
      "lighthouse", "east basin", "port authority", "dockworkers", "bollards",
      "seabed", "navigation", "buoys", "wharf", "Kittiwake Point", "marina", NULL },
  },
  {
    "school board", "Local",
    { "schools", "education", "trustees", NULL },
    { "school board", "trustees", "classroom", "teachers", "curriculum", "enrolment",
      "superintendent", "Raman", "pupils", "timetable", "playground", "lunches",
      "exams", "principal", "kindergarten", "secondary", "tuition", "homework",
      "literacy", "recess", "portables", "catchment", "bus routes", "parents",
      "substitute", "graduation", "report cards", "special education", "budget",
      "trustee", "Lindqvist", "Maple Grove Elementary", "gymnasium", "science lab",
      "textbooks", "semester", "attendance", NULL },
  },
  {
    "storm", "Weather",
    { "weather", "storm", "flooding", NULL },
    { "storm", "gale", "rainfall", "flooding", "forecast", "meteorologist", "gusts",
      "warning", "millimetres", "downpour", "sandbags", "drainage", "thunder",
      "lightning", "hail", "power lines", "outages", "evacuation", "river levels",
      "floodplain", "culverts", "basements", "Vasquez", "weather office", "squall",
      "low pressure", "cold front", "snowfall", "wind chill", "barometer",
      "storm surge", "emergency crews", "fallen trees", "wind speeds", NULL },
  },
  {
    "football", "Sport",
    { "football", "Rovers", "league", NULL },
    { "striker", "goalkeeper", "league", "penalty", "midfield", "stadium", "coach",
      "Okafor", "derby", "supporters", "relegation", "kickoff", "Rovers", "defender",
      "header", "corner kick", "offside", "referee", "yellow card", "substitutes",
      "clean sheet", "equaliser", "transfer window", "season tickets", "tickets",
      "dressing room", "winger", "cup tie", "promotion", "fixtures", "goal",
      "Brannigan", "home ground", "injury time", "penalty shootout", NULL },
  },
  {
    "cycling race", "Sport",
    { "cycling", "race", "Tour of the Hills", NULL },
    { "peloton", "cyclists", "stage", "sprint", "climb", "jersey", "time trial",
      "breakaway", "gradient", "team car", "finish line", "riders", "Tour of the Hills",
      "summit", "descent", "puncture", "yellow jersey", "Duchamp", "crosswind",
      "echelon", "domestique", "mountain stage", "bunch sprint", "handlebars",
      "saddle", "wheel", "road race", "spectators", "podium", "pedal", "bicycle",
      "general classification", "hairpin", "cobbles", NULL },
  },
  {
    "hospital", "Health",
    { "health", "hospital", "St Brigid's", NULL },
    { "hospital", "nurses", "surgeons", "waiting list", "emergency department",
      "patients", "clinic", "vaccine", "beds", "ambulance", "paramedics", "ward",
      "St Brigid's", "health authority", "Abernathy", "triage", "outpatients",
      "surgery", "diagnosis", "physicians", "pharmacy", "intensive care", "budget",
      "staffing", "midwives", "maternity", "radiology", "discharge", "admissions",
      "infection", "flu season", "consultant", "operating theatre", NULL },
  },
  {
    "arts festival", "Culture",
    { "arts", "festival", "culture", NULL },
    { "festival", "gallery", "painters", "exhibition", "theatre", "orchestra",
      "curator", "sculptures", "audience", "premiere", "tickets", "Vermeulen",
      "installation", "choir", "rehearsal", "playwright", "poetry", "canvas",
      "mural", "artists", "concert", "encore", "ballet", "harbour stage", "lineup",
      "headliner", "sold out", "box office", "opening night", "costumes", "stage",
      "Marigold Hall", "jazz", "photography", "film screenings", NULL },
  },
};

/* A newsroom's everyday words, in every story. */
static const char * const common_words[] = {
  "city", "week", "residents", "officials", "plan", "report", "meeting", "Tuesday",
  "Thursday", "morning", "evening", "people", "government", "local", "announced",
  "decision", "concerns", "community", "public", "statement", "spokesperson",
  "question", "response", "month", "number", "time", "several", "group",
  "project", "program", "area", "centre", "news", "told", "reporters", "hopes",
  "expected", "according", "percent", "million", "weekend", "district", "change",
  "support", "issue", "department", "earlier", "interview", "details", "future",
};

static const char * const glue_words[] = {
  "the", "a", "of", "to", "and", "in", "on", "for", "with", "at", "by", "from",
  "that", "is", "was", "has", "had", "will", "after", "before", "as", "its",
  "their", "this", "an", "but", "which", "were", "said", "more",
};

typedef struct
{
  char        *dir;
  char        *path;
  BylineStore *store;
  GArray      *ids;         /* gint64, in the order written */
  GHashTable  *topic_of;    /* id → topic index + 1 */
  GRand       *rand;
} Fixture;

static const char *
pick (GRand              *rand,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (rand, 0, n_words)];
}

static guint
count_words (const char * const *words)
{
  guint n = 0;

  while (words[n] != NULL)
    n++;

  return n;
}

/* One sentence of @n_words: mostly glue and everyday words, some story
 * words (15 %), and one word in ten from any story. */
static void
append_sentence (GString  *out,
                 GRand    *rand,
                 guint     topic,
                 guint     n_words)
{
  const Topic *t = &topics[topic];
  guint n_topic_words = count_words (t->words);

  for (guint i = 0; i < n_words; i++)
    {
      double u = g_rand_double (rand);
      const char *word;
      gsize start = out->len;

      if (u < 0.45)
        word = pick (rand, glue_words, G_N_ELEMENTS (glue_words));
      else if (u < 0.60)
        word = pick (rand, t->words, n_topic_words);
      else if (u < 0.90)
        word = pick (rand, common_words, G_N_ELEMENTS (common_words));
      else
        {
          const Topic *other = &topics[g_rand_int_range (rand, 0, N_TOPICS)];

          word = pick (rand, other->words, count_words (other->words));
        }

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, word);
      if (i == 0)
        out->str[start] = g_ascii_toupper (out->str[start]);
    }

  g_string_append (out, ". ");
}

static char *
make_body (GRand *rand,
           guint  topic)
{
  GString *body = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 300, 801);
  guint written = 0;
  guint in_paragraph = 0;

  while (written < n_words)
    {
      guint length = g_rand_int_range (rand, 8, 24);

      append_sentence (body, rand, topic, length);
      written += length;
      if (++in_paragraph == 4)
        {
          g_string_append (body, "\n\n");
          in_paragraph = 0;
        }
    }

  return g_string_free (body, FALSE);
}

static char *
make_headline (GRand *rand,
               guint  topic)
{
  const Topic *t = &topics[topic];
  guint n = count_words (t->words);
  char *headline = g_strdup_printf ("%s %s %s %s",
                                    pick (rand, t->words, n),
                                    pick (rand, glue_words, G_N_ELEMENTS (glue_words)),
                                    pick (rand, t->words, n),
                                    pick (rand, common_words, G_N_ELEMENTS (common_words)));

  headline[0] = g_ascii_toupper (headline[0]);
  return headline;
}

static BylineArticle *
make_article (GRand *rand,
              guint  topic)
{
  const Topic *t = &topics[topic];
  BylineArticle *article = byline_article_new ();
  g_autofree char *headline = make_headline (rand, topic);
  g_autofree char *body = make_body (rand, topic);
  const char *tags[3] = { NULL, };
  guint n_tags = count_words (t->tags);

  /* Most articles carry a tag or two of their story; some none. */
  tags[0] = g_rand_int_range (rand, 0, 4) > 0 ? pick (rand, t->tags, n_tags) : NULL;
  tags[1] = tags[0] != NULL && g_rand_boolean (rand) ? pick (rand, t->tags, n_tags) : NULL;

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  byline_article_set_section (article, t->section);
  byline_article_set_tags (article, tags);
  byline_article_set_status (article, g_rand_boolean (rand) ? BYLINE_STATUS_PUBLISHED
                                                           : BYLINE_STATUS_DRAFT);

  return article;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = byline_test_make_tmp_dir ("byline-related-XXXXXX");
  fixture->path = byline_test_location_new (fixture->dir, "newsroom");
  fixture->store = byline_test_store_new (fixture->path);
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->topic_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  fixture->rand = g_rand_new_with_seed (SEED);
}

/* The quality corpus: the topics interleaved, as a newsroom writes them. */
static void
fixture_set_up_corpus (Fixture       *fixture,
                       gconstpointer  user_data)
{
  fixture_set_up (fixture, user_data);

  for (guint i = 0; i < N_TOPICS * ARTICLES_PER_TOPIC; i++)
    {
      guint topic = g_rand_int_range (fixture->rand, 0, N_TOPICS);
      g_autoptr(BylineArticle) article = make_article (fixture->rand, topic);
      gint64 id = byline_test_save_article (fixture->store, article);

      g_array_append_val (fixture->ids, id);
      g_hash_table_insert (fixture->topic_of, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (topic + 1));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* A GTask's worker thread lets go of the task, and so of the store, a
   * moment after the callback ran. */
  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > 1 &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_finalize_object (fixture->store);
  byline_test_location_remove (fixture->path);
  byline_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_array_unref (fixture->ids);
  g_hash_table_unref (fixture->topic_of);
  g_rand_free (fixture->rand);
}

/* The topic of a corpus article, or -1 for one the test added. */
static int
topic_of (Fixture *fixture,
          gint64   id)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (fixture->topic_of, &id)) - 1;
}

/* The first @n articles written for @topic. */
static GArray *
probes_for (Fixture *fixture,
            guint    topic,
            guint    n)
{
  GArray *probes = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < fixture->ids->len && probes->len < n; i++)
    {
      gint64 id = g_array_index (fixture->ids, gint64, i);

      if (topic_of (fixture, id) == (int) topic)
        g_array_append_val (probes, id);
    }

  g_assert_cmpuint (probes->len, ==, n);
  return probes;
}

static BylineArticle *
load (Fixture *fixture,
      gint64   id)
{
  return byline_test_load_article (fixture->store, id);
}

static GPtrArray *
related (Fixture       *fixture,
         BylineArticle *article,
         guint          limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = byline_store_list_related (fixture->store, article, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static gint64
id_at (GPtrArray *list,
       guint      i)
{
  return byline_article_summary_get_id (g_ptr_array_index (list, i));
}

static gboolean
contains_id (GPtrArray *list,
             gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    if (id_at (list, i) == id)
      return TRUE;

  return FALSE;
}

/* --- Quality -------------------------------------------------------------- */

static void
test_quality (Fixture       *fixture,
              gconstpointer  user_data)
{
  guint n_hits = 0;
  guint n_slots = 0;
  guint n_full = 0;
  guint n_probes = 0;

  g_assert_cmpuint (fixture->ids->len, >=, 200);

  for (guint topic = 0; topic < N_TOPICS; topic++)
    {
      g_autoptr(GArray) probes = probes_for (fixture, topic, PROBES_PER_TOPIC);

      for (guint p = 0; p < probes->len; p++)
        {
          gint64 probe_id = g_array_index (probes, gint64, p);
          g_autoptr(BylineArticle) probe = load (fixture, probe_id);
          g_autoptr(GPtrArray) list = related (fixture, probe, 10);
          guint hits = 0;

          g_assert_cmpuint (list->len, ==, 10);

          for (guint i = 0; i < 3; i++)
            {
              BylineArticleSummary *other = g_ptr_array_index (list, i);

              /* Summaries: what the sidebar shows. */
              g_assert_true (BYLINE_IS_ARTICLE_SUMMARY (other));
              g_assert_cmpstr (byline_article_summary_get_headline (other), !=, "");
              g_assert_cmpint (byline_article_summary_get_updated (other), >, 0);

              if (topic_of (fixture, id_at (list, i)) == (int) topic)
                hits++;
            }

          if (hits < 3)
            g_test_message ("probe %" G_GINT64_FORMAT " (%s, “%s”): %u of its top 3 are topic mates",
                            probe_id, topics[topic].name,
                            byline_article_get_headline (probe), hits);

          /* Every probe's top 3 holds its topic mates: at least two of the three. */
          g_assert_cmpuint (hits, >=, 2);
          n_full += hits == 3;
          n_hits += hits;
          n_slots += 3;
          n_probes++;
        }
    }

  g_test_message ("precision@3 = %.2f (%u of %u; %u of %u probes with all three topic mates)",
                  (double) n_hits / n_slots, n_hits, n_slots, n_full, n_probes);
  g_assert_cmpfloat ((double) n_hits / n_slots, >=, 0.95);
}

/* --- What is never listed ------------------------------------------------- */

static void
test_excludes (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GArray) probes = probes_for (fixture, 1, 1);
  gint64 probe_id = g_array_index (probes, gint64, 0);
  g_autoptr(BylineArticle) probe = load (fixture, probe_id);
  g_autoptr(BylineArticle) spiked = byline_article_copy (probe);
  g_autoptr(BylineArticle) trashed = byline_article_copy (probe);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spiked_id, trashed_id;

  /* Two copies of the probe, word for word: the best matches there are. */
  byline_article_set_id (spiked, 0);
  byline_article_set_uuid (spiked, "");
  byline_article_set_status (spiked, BYLINE_STATUS_SPIKED);
  spiked_id = byline_test_save_article (fixture->store, spiked);

  byline_article_set_id (trashed, 0);
  byline_article_set_uuid (trashed, "");
  trashed_id = byline_test_save_article (fixture->store, trashed);
  g_assert_true (byline_store_trash_article (fixture->store, trashed_id, &error));
  g_assert_no_error (error);

  before = related (fixture, probe, 50);
  g_assert_cmpuint (before->len, ==, 50);
  g_assert_false (contains_id (before, probe_id));
  g_assert_false (contains_id (before, spiked_id));
  g_assert_false (contains_id (before, trashed_id));

  /* Back from the Trash and un-spiked, they lead the list: what kept them
   * out was their state, not their text. */
  g_assert_true (byline_store_restore_article (fixture->store, trashed_id, &error));
  g_assert_no_error (error);
  g_assert_true (byline_store_set_status (fixture->store, spiked, BYLINE_STATUS_DRAFT, "Desk", &error));
  g_assert_no_error (error);

  after = related (fixture, probe, 10);
  g_assert_false (contains_id (after, probe_id));
  g_assert_cmpuint (after->len, ==, 10);
  g_assert_true (id_at (after, 0) == spiked_id || id_at (after, 0) == trashed_id);
  g_assert_true (id_at (after, 1) == spiked_id || id_at (after, 1) == trashed_id);
}

/* Spiked and trashed articles filling the best places do not shorten the
 * list: it looks further down. */
static void
test_excludes_many (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineArticle) probe = make_article (fixture->rand, 3);
  g_autoptr(GPtrArray) list = NULL;
  guint mates = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(BylineArticle) copy = byline_article_copy (probe);
      g_autoptr(GError) error = NULL;

      if (i % 2 == 0)
        {
          byline_article_set_status (copy, BYLINE_STATUS_SPIKED);
          byline_test_save_article (fixture->store, copy);
        }
      else
        {
          g_assert_true (byline_store_trash_article (fixture->store,
                                                     byline_test_save_article (fixture->store, copy),
                                                     &error));
          g_assert_no_error (error);
        }
    }

  list = related (fixture, probe, 10);
  g_assert_cmpuint (list->len, ==, 10);
  for (guint i = 0; i < list->len; i++)
    {
      /* Only the corpus is listed: the copies are all spiked or trashed. */
      g_assert_cmpint (topic_of (fixture, id_at (list, i)), >=, 0);
      g_assert_cmpint (byline_article_summary_get_status (g_ptr_array_index (list, i)), !=, BYLINE_STATUS_SPIKED);
      mates += topic_of (fixture, id_at (list, i)) == 3;
    }
  g_assert_cmpuint (mates, >=, 8);
}

/* --- The text being written ----------------------------------------------- */

static void
test_unsaved (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GArray) probes = probes_for (fixture, 4, 1);
  gint64 stored_id = g_array_index (probes, gint64, 0);
  g_autoptr(BylineArticle) stored = load (fixture, stored_id);
  g_autoptr(BylineArticle) draft = byline_article_new ();
  g_autoptr(BylineArticle) edited = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) after_edit = NULL;
  g_autofree char *other_body = NULL;
  guint mates = 0;

  /* A new article (id 0) that retells a stored one: that one comes first. */
  byline_article_set_headline (draft, byline_article_get_headline (stored));
  byline_article_set_body (draft, byline_article_get_body (stored));
  g_assert_cmpint (byline_article_get_id (draft), ==, 0);

  list = related (fixture, draft, 10);
  g_assert_cmpuint (list->len, ==, 10);
  g_assert_cmpint (id_at (list, 0), ==, stored_id);
  for (guint i = 0; i < list->len; i++)
    mates += topic_of (fixture, id_at (list, i)) == 4;
  g_assert_cmpuint (mates, >=, 8);

  /* A stored article rewritten about the storm, not saved yet: the list
   * follows the text on screen, and still leaves the article itself out. */
  edited = load (fixture, stored_id);
  other_body = make_body (fixture->rand, 3);
  byline_article_set_headline (edited, "Storm warning as gale and downpour hit the city");
  byline_article_set_body (edited, other_body);
  byline_article_set_section (edited, "Weather");
  byline_article_set_tags_string (edited, "weather, storm");

  after_edit = related (fixture, edited, 10);
  g_assert_cmpuint (after_edit->len, ==, 10);
  g_assert_false (contains_id (after_edit, stored_id));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (topic_of (fixture, id_at (after_edit, i)), ==, 3);
}

/* --- Section and tags ------------------------------------------------------- */

static void
test_boost (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(BylineArticle) closer = byline_article_new ();
  g_autoptr(BylineArticle) same_desk = byline_article_new ();
  g_autoptr(BylineArticle) probe = byline_article_new ();
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) by_section = NULL;
  g_autoptr(GPtrArray) by_tags = NULL;
  const char *tags[] = { "lighthouse keepers", NULL };
  gint64 closer_id, same_desk_id;

  /* Some unrelated articles, so the words below are rare in the index. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(BylineArticle) other = make_article (fixture->rand, i % N_TOPICS);

      byline_test_save_article (fixture->store, other);
    }

  /* "closer" shares one more word with the probe than "same_desk" does
   * ("lantern" where the other says "railing"); "same_desk" is in the
   * probe's section and carries its tag. */
  byline_article_set_headline (closer, "Keeper restores the old lighthouse");
  byline_article_set_body (closer, "The lighthouse at Kittiwake Point was restored by its keeper, "
                                   "who polished the brass lantern and its lens.");
  byline_article_set_section (closer, "Business");
  closer_id = byline_test_save_article (fixture->store, closer);

  byline_article_set_headline (same_desk, "Keeper restores the old lighthouse");
  byline_article_set_body (same_desk, "The lighthouse at Kittiwake Point was restored by its keeper, "
                                      "who polished the brass railing and its lens.");
  byline_article_set_section (same_desk, "Local");
  byline_article_set_tags (same_desk, tags);
  same_desk_id = byline_test_save_article (fixture->store, same_desk);

  byline_article_set_headline (probe, "Lighthouse lantern lit again");
  byline_article_set_body (probe, "The keeper lit the restored lantern at Kittiwake Point "
                                  "lighthouse, its brass and lens polished.");

  /* Nothing in common but the words: the closer text wins. */
  plain = related (fixture, probe, 10);
  g_assert_cmpuint (plain->len, >=, 2);
  g_assert_cmpint (id_at (plain, 0), ==, closer_id);
  g_assert_cmpint (id_at (plain, 1), ==, same_desk_id);

  /* In the same section, the other one comes first. */
  byline_article_set_section (probe, "local");
  by_section = related (fixture, probe, 10);
  g_assert_cmpint (id_at (by_section, 0), ==, same_desk_id);
  g_assert_cmpint (id_at (by_section, 1), ==, closer_id);

  /* So it does with a shared tag, whatever its case. */
  byline_article_set_section (probe, "Harbour");
  byline_article_set_tags_string (probe, "Lighthouse Keepers");
  by_tags = related (fixture, probe, 10);
  g_assert_cmpint (id_at (by_tags, 0), ==, same_desk_id);
  g_assert_cmpint (id_at (by_tags, 1), ==, closer_id);
}

/* A draft of common words only: too many articles to rank them all, so the
 * newest with the two best words are listed. */
static void
test_common_words (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(BylineArticle) probe = byline_article_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) both = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 spiked_id = 0;

  /* More than 200 articles with both words make them common. */
  for (guint i = 0; i < 260; i++)
    {
      g_autoptr(BylineArticle) article = byline_article_new ();
      g_autofree char *headline = NULL;
      gint64 id;

      if (i % 5 == 4)
        headline = g_strdup_printf ("Council meeting number %u", i);
      else
        headline = g_strdup_printf ("Council budget item number %u", i);
      byline_article_set_headline (article, headline);
      if (i == 258)
        byline_article_set_status (article, BYLINE_STATUS_SPIKED);
      id = byline_test_save_article (fixture->store, article);

      if (i == 258)
        spiked_id = id;
      else if (i % 5 != 4)
        g_array_append_val (both, id);
    }

  byline_article_set_headline (probe, "Council budget");
  list = related (fixture, probe, 10);
  g_assert_cmpuint (list->len, ==, 10);
  g_assert_false (contains_id (list, spiked_id));

  /* The newest ten with both words, newest first. */
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (id_at (list, i), ==, g_array_index (both, gint64, both->len - 1 - i));
}

/* --- Odd input -------------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(BylineArticle) empty = byline_article_new ();
  g_autoptr(BylineArticle) glue = byline_article_new ();
  g_autoptr(BylineArticle) some = make_article (fixture->rand, 0);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) glue_only = NULL;
  g_autoptr(GPtrArray) zero = NULL;

  byline_test_save_article (fixture->store, some);

  none = related (fixture, empty, 10);
  g_assert_cmpuint (none->len, ==, 0);

  /* Only words that say nothing about the story, numbers and initials. */
  byline_article_set_headline (glue, "The 12 of 2026");
  byline_article_set_body (glue, "It was, and they said that it would be. A b c 1 22 333.");
  glue_only = related (fixture, glue, 10);
  g_assert_cmpuint (glue_only->len, ==, 0);

  zero = related (fixture, some, 0);
  g_assert_cmpuint (zero->len, ==, 0);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char * const texts[] = {
    "\"", "\"\"\"", "NEAR(", "NEAR(harbour dredging, 2)", "*", "harbour*", "AND", "OR NOT AND",
    "-harbour", "+harbour", "^harbour", "headline:harbour", "{headline body}: harbour",
    "harbour AND (dredging OR \"silt", "'; DROP TABLE articles; --", "\\\"\\\\", "%_%",
    "NOT NOT NOT", "harbour NEAR/3 dredging", "col:", ":", "(((", ")))", "\t\n\r",
    "emoji 🌊🚢 harbour", "עברית harbour العربية", "e\xcc\x81tude", "\xff\xfe invalid harbour",
  };
  g_autofree char *long_word = g_strnfill (5000, 'x');
  g_autoptr(BylineArticle) marker = byline_article_new ();
  gint64 marker_id;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(BylineArticle) article = make_article (fixture->rand, i % N_TOPICS);

      byline_test_save_article (fixture->store, article);
    }

  byline_article_set_headline (marker, "Harbour dredging");
  byline_article_set_body (marker, "Harbour, harbour: dredging the harbour.");
  marker_id = byline_test_save_article (fixture->store, marker);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineArticle) article = byline_article_new ();
      g_autoptr(GPtrArray) list = NULL;
      const char *tags[] = { texts[i], "NEAR", NULL };

      byline_article_set_headline (article, texts[i]);
      byline_article_set_body (article, texts[i]);
      byline_article_set_tags (article, tags);
      byline_article_set_section (article, texts[i]);
      /* Forty-one articles: the marker is among them whatever else the
       * words match ("headline" finds "headliner" where the index stems). */
      list = related (fixture, article, 50);

      /* The words in it are still searched for: quoted, not dropped. */
      if (strstr (texts[i], "harbour") != NULL)
        g_assert_true (contains_id (list, marker_id));
    }

  {
    g_autoptr(BylineArticle) article = byline_article_new ();
    g_autoptr(GPtrArray) list = NULL;
    g_autofree char *body = g_strconcat (long_word, " harbour dredging ", long_word, NULL);

    byline_article_set_body (article, body);
    list = related (fixture, article, 10);
    g_assert_true (contains_id (list, marker_id));
  }
}

/* What the index folds (case, diacritics), the search folds too. */
static void
test_diacritics (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BylineArticle) accented = byline_article_new ();
  g_autoptr(BylineArticle) plain = byline_article_new ();
  g_autoptr(BylineArticle) other = make_article (fixture->rand, 2);
  g_autoptr(BylineArticle) probe_plain = byline_article_new ();
  g_autoptr(BylineArticle) probe_accented = byline_article_new ();
  g_autoptr(GPtrArray) list_plain = NULL;
  g_autoptr(GPtrArray) list_accented = NULL;
  gint64 accented_id, plain_id;

  BYLINE_TEST_SKIP_ON_SERVER ("a newsroom server's index keeps diacritics (src/core/pg/README.md)");

  byline_test_save_article (fixture->store, other);

  byline_article_set_headline (accented, "Café Zürich opens a crêperie on the quay");
  byline_article_set_body (accented, "The Café Zürich crêperie serves galettes to the dockworkers.");
  accented_id = byline_test_save_article (fixture->store, accented);

  byline_article_set_headline (plain, "Naive bistro owners tour the Sao Paulo market");
  byline_article_set_body (plain, "The bistro owners, naive about Sao Paulo, toured the market.");
  plain_id = byline_test_save_article (fixture->store, plain);

  byline_article_set_headline (probe_plain, "CAFE ZURICH CREPERIE");
  list_plain = related (fixture, probe_plain, 10);
  g_assert_cmpuint (list_plain->len, >=, 1);
  g_assert_cmpint (id_at (list_plain, 0), ==, accented_id);

  byline_article_set_headline (probe_accented, "Naïve bistro in São Paulo");
  list_accented = related (fixture, probe_accented, 10);
  g_assert_cmpuint (list_accented->len, >=, 1);
  g_assert_cmpint (id_at (list_accented, 0), ==, plain_id);
}

/* --- In the background ------------------------------------------------------ */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
related_async (Fixture       *fixture,
               BylineArticle *article,
               guint          limit,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_store_list_related_async (fixture->store, article, limit, cancellable,
                                   store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return byline_store_list_related_finish (fixture->store, result, error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  for (guint topic = 0; topic < N_TOPICS; topic++)
    {
      g_autoptr(GArray) probes = probes_for (fixture, topic, 1);
      g_autoptr(BylineArticle) probe = load (fixture, g_array_index (probes, gint64, 0));
      g_autoptr(GPtrArray) sync = related (fixture, probe, 10);
      g_autoptr(GPtrArray) async = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      /* The article is copied when the work starts: an edit made while it
       * runs does not change what it looks for. */
      byline_store_list_related_async (fixture->store, probe, 10, NULL, store_result_cb, &result);
      byline_article_set_body (probe, "");
      byline_article_set_headline (probe, "");
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      async = byline_store_list_related_finish (fixture->store, result, &error);
      g_assert_no_error (error);

      g_assert_cmpuint (async->len, ==, sync->len);
      g_assert_cmpuint (async->len, ==, 10);
      for (guint i = 0; i < sync->len; i++)
        {
          g_assert_cmpint (id_at (async, i), ==, id_at (sync, i));
          g_assert_cmpstr (byline_article_summary_get_headline (g_ptr_array_index (async, i)), ==,
                           byline_article_summary_get_headline (g_ptr_array_index (sync, i)));
        }
    }

  /* Cancelled before it ran: an error, not a list. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(BylineArticle) probe = load (fixture, g_array_index (fixture->ids, gint64, 0));
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    list = related_async (fixture, probe, 10, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (list);
  }
}

/* --- The command line ------------------------------------------------------- */

static void
run_byline (Fixture       *fixture,
            BylineTestRun *run,
            const char    *id)
{
  g_auto(GStrv) env = byline_test_environ_without_display ();
  g_autofree char *data_home = g_build_filename (fixture->dir, "data-home", NULL);
  const char *args[] = { "--database", fixture->path, "--related", id, NULL };

  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);

  byline_test_run_byline (run, fixture->dir, env, args);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GArray) probes = probes_for (fixture, 6, 1);
  gint64 probe_id = g_array_index (probes, gint64, 0);
  g_autoptr(BylineArticle) probe = load (fixture, probe_id);
  g_autoptr(GPtrArray) expected = related (fixture, probe, 10);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, probe_id);
  g_auto(GStrv) lines = NULL;
  g_auto(BylineTestRun) run = { NULL, };
  g_auto(BylineTestRun) missing = { NULL, };
  g_auto(BylineTestRun) garbage = { NULL, };

  run_byline (fixture, &run, id_text);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "\n"));

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 1);   /* the last one is empty */
  for (guint i = 0; i < expected->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autoptr(BylineArticle) listed = NULL;
      gint64 id;

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, &id, NULL));
      g_assert_cmpint (id, ==, id_at (expected, i));
      g_assert_cmpint (id, !=, probe_id);

      /* The headline printed is the stored article's. */
      listed = load (fixture, id);
      g_assert_cmpstr (fields[1], ==, byline_article_get_headline (listed));
    }
  g_assert_cmpstr (lines[expected->len], ==, "");

  run_byline (fixture, &missing, "99999");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_true (g_str_has_prefix (missing.err, "byline: No article with id 99999"));
  g_assert_true (strchr (missing.err, '\n') == missing.err + strlen (missing.err) - 1);

  run_byline (fixture, &garbage, "harbour");
  g_assert_cmpint (garbage.status, ==, 1);
  g_assert_true (g_str_has_prefix (garbage.err, "byline: "));
  g_assert_true (strchr (garbage.err, '\n') == garbage.err + strlen (garbage.err) - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) \
  g_test_add ("/byline/related/" path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD ("quality", fixture_set_up_corpus, test_quality);
  ADD ("excludes", fixture_set_up_corpus, test_excludes);
  ADD ("excludes-many", fixture_set_up_corpus, test_excludes_many);
  ADD ("unsaved", fixture_set_up_corpus, test_unsaved);
  ADD ("boost", fixture_set_up, test_boost);
  ADD ("common-words", fixture_set_up, test_common_words);
  ADD ("empty", fixture_set_up, test_empty);
  ADD ("hostile", fixture_set_up, test_hostile);
  ADD ("diacritics", fixture_set_up, test_diacritics);
  ADD ("async", fixture_set_up_corpus, test_async);
  ADD ("cli", fixture_set_up_corpus, test_cli);

#undef ADD

  return g_test_run ();
}
