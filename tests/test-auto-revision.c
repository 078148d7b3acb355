/* test-auto-revision.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-auto-revision.h"
#include "byline-review.h"
#include "byline-test-util.h"

#define ADA "Ada Okafor"

typedef struct
{
  BylineTestNewsroom  newsroom;
  BylineArticle      *article;
  BylineAutosave     *autosave;
  BylineAutoRevision *auto_revision;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  byline_test_newsroom_set_up (&fixture->newsroom, "byline-auto-revision-XXXXXX");

  fixture->article = byline_article_new ();
  byline_article_set_headline (fixture->article, "Ferry timetable");
  byline_test_save_article (fixture->newsroom.store, fixture->article);
  /* What the database had before Byline kept revisions: none here. */
  byline_test_sql_exec (fixture->newsroom.path, "DELETE FROM revisions");

  fixture->autosave = byline_autosave_new (fixture->newsroom.store);
  /* Writes happen when the test flushes, not on a timer. */
  byline_autosave_set_delay (fixture->autosave, 60000);
  byline_autosave_set_article (fixture->autosave, fixture->article);

  fixture->auto_revision = byline_auto_revision_new (fixture->autosave);
  byline_auto_revision_set_author (fixture->auto_revision, ADA);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->auto_revision);
  byline_autosave_set_article (fixture->autosave, NULL);
  g_assert_finalize_object (fixture->autosave);
  g_assert_finalize_object (fixture->article);
  byline_test_newsroom_tear_down (&fixture->newsroom);
}

/* The automatic revisions of the article, newest first. */
static GPtrArray *
list_auto_revisions (Fixture *fixture)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *automatic = g_ptr_array_new_with_free_func (g_object_unref);

  all = byline_store_list_revisions (fixture->newsroom.store, byline_article_get_id (fixture->article), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (byline_revision_get_reason (g_ptr_array_index (all, i)) == BYLINE_REVISION_AUTO)
      g_ptr_array_add (automatic, g_object_ref (g_ptr_array_index (all, i)));

  return automatic;
}

/* Someone types @body and the autosave writes it; then the check, on its
 * worker, is waited for. */
static void
type_and_save (Fixture    *fixture,
               const char *body)
{
  g_autoptr(GError) error = NULL;

  /* Typed over, so there is always something to write. */
  byline_article_set_body (fixture->article, "");
  byline_article_set_body (fixture->article, body);
  g_assert_true (byline_autosave_flush (fixture->autosave, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 500 && byline_auto_revision_get_busy (fixture->auto_revision); i++)
    byline_test_spin (10);
  g_assert_false (byline_auto_revision_get_busy (fixture->auto_revision));
}

typedef struct
{
  const char *why;
  guint       age_minutes;   /* the revisions are made this much older first */
  gboolean    held;          /* a step that stores a revision of its own */
  const char *author;
  const char *body;
  guint       expected;      /* automatic revisions afterwards */
} Step;

static const Step steps[] = {
  { "the first text is kept",                0, FALSE, ADA,  "The ferry was late.",              1 },
  { "within ten minutes, nothing more",      0, FALSE, ADA,  "The ferry was late again.",        1 },
  { "held for a revision of its own",       11, TRUE,  ADA,  "The ferry was late again today.",  1 },
  { "ten minutes on, changed: kept",         0, FALSE, ADA,  "The ferry was late again, today.", 2 },
  { "ten minutes on, unchanged: nothing",   11, FALSE, ADA,  "The ferry was late again, today.", 2 },
  { "nobody to record it as",               11, FALSE, NULL, "The ferry ran late again, today.", 2 },
  { "someone again: kept",                   0, FALSE, ADA,  "The ferry ran late again, today.", 3 },
};

static void
test_policy (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 id = byline_article_get_id (fixture->article);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const Step *step = &steps[i];
      g_autoptr(GPtrArray) revisions = NULL;

      g_test_message ("Step %u: %s", i, step->why);

      if (step->age_minutes > 0)
        {
          g_autofree char *sql = g_strdup_printf ("UPDATE revisions SET created = created - %u"
                                                  " WHERE article_id = %" G_GINT64_FORMAT,
                                                  step->age_minutes * 60, id);

          byline_test_sql_exec (fixture->newsroom.path, sql);
        }

      byline_auto_revision_set_author (fixture->auto_revision, step->author);
      if (step->held)
        byline_auto_revision_hold (fixture->auto_revision);
      type_and_save (fixture, step->body);
      if (step->held)
        byline_auto_revision_release (fixture->auto_revision);

      revisions = list_auto_revisions (fixture);
      g_assert_cmpuint (revisions->len, ==, step->expected);

      /* A revision kept now holds the text as it was written, by its author. */
      if (i == 0 || step->expected > steps[i - 1].expected)
        {
          BylineRevision *newest = g_ptr_array_index (revisions, 0);

          g_assert_cmpstr (byline_revision_get_author (newest), ==, step->author);
          g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (newest)), ==, step->body);
        }
    }
}

static void
test_blank_article (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineArticle) blank = byline_article_new ();
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  /* A new article nobody wrote in yet: written (for its id), not kept. */
  byline_autosave_set_article (fixture->autosave, blank);
  byline_article_set_language (blank, "en");
  byline_article_set_headline (blank, "x");
  byline_article_set_headline (blank, "");
  g_assert_true (byline_autosave_flush (fixture->autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_id (blank), >, 0);
  for (guint i = 0; i < 500 && byline_auto_revision_get_busy (fixture->auto_revision); i++)
    byline_test_spin (10);

  revisions = byline_store_list_revisions (fixture->newsroom.store, byline_article_get_id (blank), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 0);

  byline_autosave_set_article (fixture->autosave, fixture->article);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/byline/auto-revision/policy", Fixture, NULL, fixture_set_up, test_policy, fixture_tear_down);
  g_test_add ("/byline/auto-revision/blank-article", Fixture, NULL, fixture_set_up, test_blank_article,
              fixture_tear_down);

  return g_test_run ();
}
