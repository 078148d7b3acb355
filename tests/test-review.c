/* test-review.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <sqlite3.h>

#include "byline-diff.h"
#include "byline-exporter.h"
#include "byline-notes.h"
#include "byline-pin.h"
#include "byline-renderer.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"
#include "byline-workflow.h"

#define HEADLINE "Harbour board backs dredging"
#define BODY "The harbour board voted on Monday to dredge the east basin."
/* Hand-counted: 4 words of headline, 11 of body. */
#define HEADLINE_AND_BODY_WORDS 15

#define ADA "Ada Okafor"
#define BEN "Ben Tremaine"

typedef BylineTestNewsroom Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  byline_test_newsroom_set_up (fixture, "byline-review-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  byline_test_newsroom_tear_down (fixture);
}

/* --- helpers ------------------------------------------------------------ */

static BylineArticle *
new_article (BylineStore *store,
             const char  *headline,
             const char  *body)
{
  g_autoptr(BylineArticle) article = byline_article_new ();

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  byline_test_save_article (store, article);

  return g_steal_pointer (&article);
}

static BylineArticle *
load (BylineStore *store,
      gint64       id)
{
  BylineArticle *article = byline_test_load_article (store, id);

  g_assert_nonnull (article);
  return article;
}

static void
move_to (BylineStore   *store,
         BylineArticle *article,
         BylineStatus   to,
         const char    *author)
{
  g_autoptr(GError) error = NULL;

  byline_store_set_status (store, article, to, author, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_status (article), ==, to);
}

static GPtrArray *
revisions (BylineStore *store,
           gint64       id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = byline_store_list_revisions (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static GPtrArray *
notes (BylineStore *store,
       gint64       id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = byline_store_list_notes (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The name the store records for @name: on a newsroom server, the login
 * role's, whatever name it is given. (transfer full) */
static char *
recorded (Fixture    *fixture,
          const char *name)
{
  return byline_test_author (fixture->store, name);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
count_changed_cb (BylineStore *store,
                  gint64       id,
                  GArray      *ids)
{
  g_array_append_val (ids, id);
}

/* --- workflow in the store ---------------------------------------------- */

static void
test_status_records_who_and_when (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id = byline_article_get_id (article);
  gint64 before = now_seconds ();
  gint64 after;
  g_autofree char *ada = recorded (fixture, ADA);
  g_autofree char *ben = recorded (fixture, BEN);
  const BylineStatusEvent *event;
  BylineRevision *revision;
  BylineArticle *snapshot;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changed_cb), changed);

  /* An edit made just before sending it for review goes with it. */
  byline_article_set_standfirst (article, "Work on the east basin starts in spring.");
  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  after = now_seconds ();

  stored = load (fixture->store, id);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpstr (byline_article_get_standfirst (stored), ==, "Work on the east basin starts in spring.");
  g_assert_cmpint (byline_article_get_published (stored), ==, 0);

  events = byline_store_list_status_events (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->article_id, ==, id);
  g_assert_cmpstr (event->author, ==, ada);
  g_assert_cmpint (event->from, ==, BYLINE_STATUS_DRAFT);
  g_assert_cmpint (event->to, ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpint (event->created, >=, before);
  g_assert_cmpint (event->created, <=, after);

  list = revisions (fixture->store, id);
  g_assert_cmpuint (list->len, ==, 1);
  revision = g_ptr_array_index (list, 0);
  g_assert_cmpint (byline_revision_get_reason (revision), ==, BYLINE_REVISION_STATE);
  g_assert_cmpstr (byline_revision_get_author (revision), ==, ada);
  g_assert_cmpint (byline_revision_get_status (revision), ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpint (byline_revision_get_article_id (revision), ==, id);
  g_assert_cmpint (byline_revision_get_created (revision), >=, before);
  g_assert_cmpint (byline_revision_get_created (revision), <=, after);
  /* The first revision: every word is new (the standfirst's 8 too). */
  g_assert_cmpuint (byline_revision_get_words_added (revision), ==, HEADLINE_AND_BODY_WORDS + 8);
  g_assert_cmpuint (byline_revision_get_words_removed (revision), ==, 0);
  snapshot = byline_revision_get_article (revision);
  g_assert_cmpstr (byline_article_get_body (snapshot), ==, BODY);
  g_assert_cmpstr (byline_article_get_standfirst (snapshot), ==, "Work on the east basin starts in spring.");

  /* The sidebar hears of it. */
  g_assert_cmpuint (changed->len, >=, 1);
  g_assert_cmpint (g_array_index (changed, gint64, changed->len - 1), ==, id);

  /* The next step is recorded under the next person's name. */
  move_to (fixture->store, article, BYLINE_STATUS_APPROVED, BEN);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = byline_store_list_status_events (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  g_assert_cmpstr (event->author, ==, ben);
  g_assert_cmpint (event->from, ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpint (event->to, ==, BYLINE_STATUS_APPROVED);
}

static void
test_status_refused_writes_nothing (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = byline_article_get_id (article);
  g_autofree char *sql = NULL;

  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  byline_article_set_headline (article, "Harbour board backs dredging, again");

  g_assert_false (byline_store_set_status (fixture->store, article, BYLINE_STATUS_PUBLISHED, ADA, &error));
  g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "An article in review can go back to Draft or on to Approved, not to Published. "
                   "Approve it first.");
  g_clear_error (&error);

  g_assert_false (byline_store_set_status (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA, &error));
  g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_UNCHANGED);

  /* Not moved, not even saved: a refusal changes nothing. */
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_IN_REVIEW);
  stored = load (fixture->store, id);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpstr (byline_article_get_headline (stored), ==, HEADLINE);
  g_assert_cmpint (byline_article_get_published (stored), ==, 0);
  list = revisions (fixture->store, id);
  g_assert_cmpuint (list->len, ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM status_events WHERE article_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (byline_test_sql_int (fixture->path, sql), ==, 1);
}

static void
test_status_publish_sets_time (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) scheduled = new_article (fixture->store, "Ferry fares rise in March", "Fares rise.");
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 before, after, published;
  /* 2026-03-02 07:30 UTC, set by hand in the editor. */
  const gint64 chosen = 1772436600;

  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  move_to (fixture->store, article, BYLINE_STATUS_APPROVED, BEN);
  before = now_seconds ();
  move_to (fixture->store, article, BYLINE_STATUS_PUBLISHED, BEN);
  after = now_seconds ();

  published = byline_article_get_published (article);
  g_assert_cmpint (published, >=, before);
  g_assert_cmpint (published, <=, after);
  stored = load (fixture->store, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (stored), ==, published);

  /* The published revision carries the time. */
  list = revisions (fixture->store, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_published (byline_revision_get_article (g_ptr_array_index (list, 0))),
                   ==, published);

  /* Unpublishing and publishing again keeps the first time. */
  move_to (fixture->store, article, BYLINE_STATUS_APPROVED, BEN);
  g_assert_cmpint (byline_article_get_published (article), ==, published);
  move_to (fixture->store, article, BYLINE_STATUS_PUBLISHED, BEN);
  g_assert_cmpint (byline_article_get_published (article), ==, published);

  /* A time chosen in the editor wins. */
  byline_article_set_published (scheduled, chosen);
  move_to (fixture->store, scheduled, BYLINE_STATUS_IN_REVIEW, ADA);
  move_to (fixture->store, scheduled, BYLINE_STATUS_APPROVED, BEN);
  move_to (fixture->store, scheduled, BYLINE_STATUS_PUBLISHED, BEN);
  g_clear_object (&stored);
  stored = load (fixture->store, byline_article_get_id (scheduled));
  g_assert_cmpint (byline_article_get_published (stored), ==, chosen);
}

static void
test_status_spike_and_restore (Fixture       *fixture,
                               gconstpointer  user_data)
{
  static const BylineStatus paths[][4] = {
    { BYLINE_STATUS_DRAFT },
    { BYLINE_STATUS_IN_REVIEW },
    { BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED },
    { BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED, BYLINE_STATUS_PUBLISHED },
  };
  static const guint path_lengths[] = { 0, 1, 2, 3 };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
      g_autoptr(BylineArticle) stored = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *raw = NULL;
      gint64 id = byline_article_get_id (article);
      BylineStatus was = BYLINE_STATUS_DRAFT;
      BylineStatus wrong;
      gint64 published;

      for (guint i = 0; i < path_lengths[p]; i++)
        move_to (fixture->store, article, paths[p][i], ADA);
      was = byline_article_get_status (article);
      published = byline_article_get_published (article);

      move_to (fixture->store, article, BYLINE_STATUS_SPIKED, BEN);

      sql = g_strdup_printf ("SELECT spiked_from FROM articles WHERE id = %" G_GINT64_FORMAT, id);
      raw = byline_test_sql_text (fixture->path, sql);
      g_assert_cmpstr (raw, ==, byline_status_to_string (was));
      g_assert_cmpint (byline_store_get_spiked_from (fixture->store, id, &error), ==, was);
      g_assert_no_error (error);

      /* Anywhere else is refused, with where it can go. */
      wrong = was == BYLINE_STATUS_DRAFT ? BYLINE_STATUS_IN_REVIEW : BYLINE_STATUS_DRAFT;
      g_assert_false (byline_store_set_status (fixture->store, article, wrong, BEN, &error));
      g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, byline_status_get_label (was)));
      g_clear_error (&error);

      /* A freshly loaded copy (as the window or the CLI has) restores too. */
      stored = load (fixture->store, id);
      g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_SPIKED);
      move_to (fixture->store, stored, was, BEN);
      g_assert_cmpint (byline_article_get_published (stored), ==, published);

      g_clear_pointer (&raw, g_free);
      raw = byline_test_sql_text (fixture->path, sql);
      g_assert_null (raw);

      events = byline_store_list_status_events (fixture->store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (events->len, ==, path_lengths[p] + 2);
      g_assert_cmpint (((BylineStatusEvent *) g_ptr_array_index (events, events->len - 2))->to, ==,
                       BYLINE_STATUS_SPIKED);
      g_assert_cmpint (((BylineStatusEvent *) g_ptr_array_index (events, events->len - 1))->to, ==, was);
    }
}

static void
test_status_unsaved_article (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) list = NULL;

  byline_article_set_headline (article, "School board approves new timetable");
  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  g_assert_cmpint (byline_article_get_id (article), >, 0);

  list = revisions (fixture->store, byline_article_get_id (article));
  g_assert_cmpuint (list->len, ==, 1);
}

/* Twenty editors move the same article at once, each from the state they
 * last saw. Only a move from the state the article is really in goes
 * through; the others are told, and write nothing. So the history stays
 * one the workflow allows: each change starts where the one before ended. */

#define N_CHANGERS 20
#define MOVES_EACH 3

typedef struct
{
  const char *path;
  gint64      id;
  GMutex      mutex;
  GCond       cond;
  gboolean    go;
  int         moved;
  int         lost;
} StateRace;

static gpointer
change_state_thread (gpointer data)
{
  StateRace *race = data;
  g_autoptr(BylineStore) store = NULL;
  GError *error = NULL;
  guint seed = GPOINTER_TO_UINT (g_thread_self ());

  store = byline_store_new (race->path, &error);
  if (store == NULL)
    return error;

  g_mutex_lock (&race->mutex);
  while (!race->go)
    g_cond_wait (&race->cond, &race->mutex);
  g_mutex_unlock (&race->mutex);

  for (guint i = 0; i < MOVES_EACH; i++)
    {
      g_autoptr(BylineArticle) article = NULL;
      g_autofree char *author = g_strdup_printf ("Editor %u", seed % 1000);
      const BylineStatus *next;
      BylineStatus spiked_from;
      guint n_next;

      article = byline_store_load_article (store, race->id, &error);
      if (article == NULL)
        return error;
      spiked_from = byline_store_get_spiked_from (store, race->id, &error);
      if (error != NULL)
        return error;

      next = byline_workflow_next_states (byline_article_get_status (article), spiked_from, &n_next);
      if (byline_store_set_status (store, article, next[(seed + i) % n_next], author, &error))
        {
          g_atomic_int_inc (&race->moved);
          continue;
        }

      /* Lost the race: someone moved it first (or, from a spiked state,
       * moved it on so the way back is another one). */
      if (!g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT) &&
          !g_error_matches (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED))
        return error;

      g_atomic_int_inc (&race->lost);
      g_clear_error (&error);
    }

  return NULL;
}

static void
test_status_parallel_changers (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  StateRace race = { fixture->path, byline_article_get_id (article), };
  GThread *threads[N_CHANGERS];
  BylineStatus status = BYLINE_STATUS_DRAFT;
  BylineStatus spiked_from = BYLINE_STATUS_DRAFT;
  guint n_state_revisions = 0;

  g_mutex_init (&race.mutex);
  g_cond_init (&race.cond);

  for (guint i = 0; i < N_CHANGERS; i++)
    threads[i] = g_thread_new ("editor", change_state_thread, &race);

  g_mutex_lock (&race.mutex);
  race.go = TRUE;
  g_cond_broadcast (&race.cond);
  g_mutex_unlock (&race.mutex);

  for (guint i = 0; i < N_CHANGERS; i++)
    {
      g_autoptr(GError) thread_error = g_thread_join (threads[i]);

      g_assert_no_error (thread_error);
    }

  g_mutex_clear (&race.mutex);
  g_cond_clear (&race.cond);

  g_assert_cmpint (race.moved + race.lost, ==, N_CHANGERS * MOVES_EACH);
  g_assert_cmpint (race.moved, >, 0);
  g_test_message ("%d moves went through, %d lost the race", race.moved, race.lost);

  /* One event per move that went through, each from where the last ended,
   * each a step the workflow allows. */
  events = byline_store_list_status_events (fixture->store, race.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, race.moved);
  for (guint i = 0; i < events->len; i++)
    {
      const BylineStatusEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpint (event->from, ==, status);
      g_assert_true (byline_workflow_can_transition (status, spiked_from, event->to));
      if (event->to == BYLINE_STATUS_SPIKED)
        spiked_from = event->from;
      status = event->to;
    }

  /* The article is where its history says, with a revision per move. */
  stored = byline_test_sql_text (fixture->path, "SELECT status FROM articles");
  g_assert_cmpstr (stored, ==, byline_status_to_string (status));
  revisions = byline_store_list_revisions (fixture->store, race.id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    n_state_revisions += byline_revision_get_reason (g_ptr_array_index (revisions, i)) == BYLINE_REVISION_STATE;
  g_assert_cmpuint (n_state_revisions, ==, race.moved);
}

/* --- revisions ------------------------------------------------------------ */

static void
test_revision_manual (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineRevision) first = NULL;
  g_autoptr(BylineRevision) second = NULL;
  g_autoptr(BylineRevision) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ben = recorded (fixture, BEN);

  first = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_revision_get_words_added (first), ==, HEADLINE_AND_BODY_WORDS);

  byline_article_set_body (article, "The harbour board voted on Monday, after a long debate, to dredge the basin.");
  second = byline_store_save_revision (fixture->store, article, BEN, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_revision_get_reason (second), ==, BYLINE_REVISION_MANUAL);
  g_assert_cmpstr (byline_revision_get_author (second), ==, ben);
  /* "after a long debate" in, "east" out. */
  g_assert_cmpuint (byline_revision_get_words_added (second), ==, 4);
  g_assert_cmpuint (byline_revision_get_words_removed (second), ==, 1);

  list = revisions (fixture->store, byline_article_get_id (article));
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (byline_revision_get_id (g_ptr_array_index (list, 0)), ==, byline_revision_get_id (second));
  g_assert_cmpint (byline_revision_get_id (g_ptr_array_index (list, 1)), ==, byline_revision_get_id (first));

  loaded = byline_store_load_revision (fixture->store, byline_revision_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (loaded)), ==, BODY);
  g_assert_cmpuint (byline_revision_get_words_added (loaded), ==, HEADLINE_AND_BODY_WORDS);

  g_clear_object (&loaded);
  loaded = byline_store_load_revision (fixture->store, 4242, &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An article never saved has no history to add to. */
  {
    g_autoptr(BylineArticle) unsaved = byline_article_new ();
    g_autoptr(BylineRevision) none = NULL;

    none = byline_store_save_revision (fixture->store, unsaved, ADA, BYLINE_REVISION_MANUAL, &error);
    g_assert_null (none);
    g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Save it first"));
  }
}

static void
test_revision_every_field (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineRevision) saved = NULL;
  g_autoptr(BylineRevision) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char * const tags[] = { "harbour", "budget", NULL };
  BylineArticle *snapshot;

  byline_article_set_headline (article, "Harbour board backs dredging");
  byline_article_set_standfirst (article, "Work starts in spring.");
  byline_article_set_byline (article, "By Ada Okafor");
  byline_article_set_dateline (article, "PORT ELLEN");
  byline_article_set_caption (article, "The east basin at low tide.");
  byline_article_set_credit (article, "Photo: Ben Tremaine");
  byline_article_set_image (article, "/photos/basin.jpg");
  byline_article_set_image_alt (article, "Mud flats in the basin");
  byline_article_set_body (article, BODY);
  byline_article_set_tags (article, tags);
  byline_article_set_section (article, "Local");
  byline_article_set_language (article, "en-GB");
  byline_article_set_published (article, 1772436600);
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);

  saved = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  loaded = byline_store_load_revision (fixture->store, byline_revision_get_id (saved), &error);
  g_assert_no_error (error);

  snapshot = byline_revision_get_article (loaded);
  g_assert_cmpint (byline_article_get_id (snapshot), ==, byline_article_get_id (article));
  g_assert_cmpstr (byline_article_get_headline (snapshot), ==, "Harbour board backs dredging");
  g_assert_cmpstr (byline_article_get_standfirst (snapshot), ==, "Work starts in spring.");
  g_assert_cmpstr (byline_article_get_byline (snapshot), ==, "By Ada Okafor");
  g_assert_cmpstr (byline_article_get_dateline (snapshot), ==, "PORT ELLEN");
  g_assert_cmpstr (byline_article_get_caption (snapshot), ==, "The east basin at low tide.");
  g_assert_cmpstr (byline_article_get_credit (snapshot), ==, "Photo: Ben Tremaine");
  g_assert_cmpstr (byline_article_get_image (snapshot), ==, "/photos/basin.jpg");
  g_assert_cmpstr (byline_article_get_image_alt (snapshot), ==, "Mud flats in the basin");
  g_assert_cmpstr (byline_article_get_body (snapshot), ==, BODY);
  g_assert_cmpstrv (byline_article_get_tags (snapshot), tags);
  g_assert_cmpstr (byline_article_get_section (snapshot), ==, "Local");
  g_assert_cmpstr (byline_article_get_language (snapshot), ==, "en-GB");
  g_assert_cmpint (byline_article_get_published (snapshot), ==, 1772436600);
  g_assert_cmpint (byline_article_get_status (snapshot), ==, BYLINE_STATUS_DRAFT);
}

static void
test_revision_auto (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) blank = byline_article_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = byline_article_get_id (article);
  /* The clock is passed in, so nothing waits; ten days ago keeps these
   * revisions older than the state change below. */
  const gint64 t0 = now_seconds () - 10 * 24 * 60 * 60;
  gboolean created = FALSE;

  BYLINE_TEST_SKIP_ON_SERVER ("the clock is passed in, and a newsroom server stamps revisions with its own; "
                              "test-store-pg keeps automatic revisions by the server's clock");

  /* No revision yet: the first autosave starts the history. */
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, t0, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);

  /* Ten minutes later with no change: nothing. */
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, t0 + 601, &created, &error));
  g_assert_false (created);

  /* A change, but not yet more than ten minutes: nothing. */
  byline_article_set_body (article, BODY " Work starts in spring.");
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, t0 + 300, &created, &error));
  g_assert_false (created);
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, t0 + 600, &created, &error));
  g_assert_false (created);

  /* A change, more than ten minutes on: a revision at that time. */
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, t0 + 601, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);

  list = revisions (fixture->store, id);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (byline_revision_get_created (g_ptr_array_index (list, 0)), ==, t0 + 601);
  g_assert_cmpint (byline_revision_get_reason (g_ptr_array_index (list, 0)), ==, BYLINE_REVISION_AUTO);
  g_assert_cmpuint (byline_revision_get_words_added (g_ptr_array_index (list, 0)), ==, 4);
  g_assert_cmpint (byline_revision_get_created (g_ptr_array_index (list, 1)), ==, t0);

  /* A change to a field other than the body counts too. */
  byline_article_set_caption (article, "The east basin at low tide.");
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, t0 + 1300, &created, &error));
  g_assert_true (created);

  /* A state change is a revision, so the clock starts again from it. */
  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  byline_article_set_body (article, BODY " Work starts in summer.");
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, now_seconds () + 60,
                                                   &created, &error));
  g_assert_false (created);
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, article, ADA, now_seconds () + 700,
                                                   &created, &error));
  g_assert_true (created);

  /* A new, empty article has nothing worth keeping. */
  g_assert_true (byline_store_save_article (fixture->store, blank, &error));
  g_assert_true (byline_store_maybe_auto_revision (fixture->store, blank, ADA, t0, &created, &error));
  g_assert_no_error (error);
  g_assert_false (created);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = revisions (fixture->store, byline_article_get_id (blank));
  g_assert_cmpuint (list->len, ==, 0);
}

static gboolean
history_has_body (GPtrArray  *list,
                  const char *body)
{
  for (guint i = 0; i < list->len; i++)
    {
      BylineRevision *revision = g_ptr_array_index (list, i);

      if (g_strcmp0 (byline_article_get_body (byline_revision_get_article (revision)), body) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_revision_restore (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *body_v2 = "The harbour board voted on Tuesday to dredge both basins.";
  const char *body_v3 = "The harbour board put off the vote on dredging.";
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) other = new_article (fixture->store, "Ferry fares rise", "Fares rise.");
  g_autoptr(BylineArticle) restored = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(BylineRevision) r1 = NULL;
  g_autoptr(BylineRevision) other_revision = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = byline_article_get_id (article);
  gint64 published;
  g_autofree char *ben = recorded (fixture, BEN);
  BylineRevision *newest;

  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  move_to (fixture->store, article, BYLINE_STATUS_APPROVED, BEN);
  move_to (fixture->store, article, BYLINE_STATUS_PUBLISHED, BEN);
  published = byline_article_get_published (article);
  r1 = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);

  /* Edited and autosaved, with no revision of the new text yet. */
  byline_article_set_headline (article, "Harbour board backs dredging of both basins");
  byline_article_set_body (article, body_v2);
  g_assert_true (byline_store_save_article (fixture->store, article, &error));

  restored = byline_store_restore_revision (fixture->store, id, byline_revision_get_id (r1), BEN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (byline_article_get_headline (restored), ==, HEADLINE);
  g_assert_cmpstr (byline_article_get_body (restored), ==, BODY);
  /* Restoring text never unpublishes. */
  g_assert_cmpint (byline_article_get_status (restored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (restored), ==, published);
  stored = load (fixture->store, id);
  g_assert_cmpstr (byline_article_get_body (stored), ==, BODY);

  /* Nothing lost: the replaced text was kept, and the restore is itself a
   * revision, by the person who restored. */
  list = revisions (fixture->store, id);
  newest = g_ptr_array_index (list, 0);
  g_assert_cmpint (byline_revision_get_reason (newest), ==, BYLINE_REVISION_RESTORE);
  g_assert_cmpstr (byline_revision_get_author (newest), ==, ben);
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (newest)), ==, BODY);
  g_assert_cmpint (byline_revision_get_reason (g_ptr_array_index (list, 1)), ==, BYLINE_REVISION_AUTO);
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (g_ptr_array_index (list, 1))),
                   ==, body_v2);
  g_assert_true (history_has_body (list, body_v2));
  g_assert_cmpuint (byline_revision_get_words_removed (newest), >, 0);

  /* And the replaced text can come back the same way. */
  {
    g_autoptr(BylineArticle) back = NULL;
    guint before = list->len;

    back = byline_store_restore_revision (fixture->store, id,
                                          byline_revision_get_id (g_ptr_array_index (list, 1)), ADA, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_body (back), ==, body_v2);
    g_assert_cmpstr (byline_article_get_headline (back), ==, "Harbour board backs dredging of both basins");
    /* The text it replaced was the newest revision already: one new
     * revision only. */
    g_clear_pointer (&list, g_ptr_array_unref);
    list = revisions (fixture->store, id);
    g_assert_cmpuint (list->len, ==, before + 1);
  }

  /* Another article's revision is refused, and nothing changes. */
  byline_article_set_body (other, body_v3);
  other_revision = byline_store_save_revision (fixture->store, other, ADA, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&restored);
  restored = byline_store_restore_revision (fixture->store, id, byline_revision_get_id (other_revision), BEN, &error);
  g_assert_null (restored);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "belongs to another article"));
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = load (fixture->store, id);
  g_assert_cmpstr (byline_article_get_body (stored), ==, body_v2);

  restored = byline_store_restore_revision (fixture->store, id, 987654, BEN, &error);
  g_assert_null (restored);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
}

static void
test_revision_restore_slug (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, "Council delays vote", BODY);
  g_autoptr(BylineArticle) restored = NULL;
  g_autoptr(BylineRevision) first = NULL;
  g_autoptr(GError) error = NULL;

  first = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);
  byline_article_set_headline (article, "Council passes budget");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_cmpstr (byline_article_get_slug (article), ==, "council-passes-budget");

  /* Unpublished, the address follows the restored headline. */
  restored = byline_store_restore_revision (fixture->store, byline_article_get_id (article),
                                            byline_revision_get_id (first), ADA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_slug (restored), ==, "council-delays-vote");
}

/* Takes @article from a draft to @to, one step at a time. */
static void
walk_to (BylineStore   *store,
         BylineArticle *article,
         BylineStatus   to)
{
  static const BylineStatus steps[] = { BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED, BYLINE_STATUS_PUBLISHED };

  for (guint i = 0; i < G_N_ELEMENTS (steps) && steps[i] <= to; i++)
    if (byline_article_get_status (article) < steps[i])
      move_to (store, article, steps[i], ADA);
}

static void
test_status_publish_refuses_unpublished_links (Fixture       *fixture,
                                               gconstpointer  user_data)
{
  g_autoptr(BylineArticle) draft = new_article (fixture->store, "Old pier plans shelved", BODY);
  g_autoptr(BylineArticle) spiked = new_article (fixture->store, "Ferry strike called off", BODY);
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_named = g_strdup_printf ("“Old pier plans shelved” (article %" G_GINT64_FORMAT ", a draft)",
                                                  byline_article_get_id (draft));
  gint64 id = byline_article_get_id (article);

  move_to (fixture->store, spiked, BYLINE_STATUS_SPIKED, ADA);
  byline_article_add_pin (article, byline_pin_new (1, byline_article_get_id (draft), "Old pier plans shelved"));
  byline_article_add_pin (article, byline_pin_new (1, 0, "Lifeboat crew honoured"));
  byline_article_add_pin (article, byline_pin_new (0, byline_article_get_id (spiked), "Ferry strike called off"));
  byline_test_save_article (fixture->store, article);
  walk_to (fixture->store, article, BYLINE_STATUS_APPROVED);

  links = byline_store_list_unpublished_links (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpstr (((BylineUnpublishedLink *) g_ptr_array_index (links, 0))->headline, ==, "Old pier plans shelved");
  g_assert_cmpint (((BylineUnpublishedLink *) g_ptr_array_index (links, 1))->related_id, ==, 0);
  g_assert_cmpint (((BylineUnpublishedLink *) g_ptr_array_index (links, 2))->status, ==, BYLINE_STATUS_SPIKED);

  /* Refused, naming every link; the text typed with the step is kept. */
  byline_article_set_body (article, BODY " The work starts in May.");
  g_assert_false (byline_store_set_status (fixture->store, article, BYLINE_STATUS_PUBLISHED, ADA, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_UNPUBLISHED_LINK);
  g_assert_nonnull (strstr (error->message, "“" HEADLINE "” was not published"));
  g_assert_nonnull (strstr (error->message, draft_named));
  g_assert_nonnull (strstr (error->message, "“Lifeboat crew honoured” (no article in the archive)"));
  g_assert_nonnull (strstr (error->message, ", spiked)"));
  g_assert_nonnull (strstr (error->message, "Publish those articles first, or remove the links."));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  stored = load (fixture->store, id);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_APPROVED);
  g_assert_cmpint (byline_article_get_published (stored), ==, 0);
  g_assert_cmpstr (byline_article_get_body (stored), ==, BODY " The work starts in May.");
  events = byline_store_list_status_events (fixture->store, id, &error);
  g_assert_cmpuint (events->len, ==, 2);

  /* The linked article published, the others' links removed: it goes out. */
  g_clear_object (&article);
  article = load (fixture->store, id);
  byline_article_remove_pin (article, 2);
  byline_article_remove_pin (article, 1);
  walk_to (fixture->store, draft, BYLINE_STATUS_PUBLISHED);
  g_clear_pointer (&links, g_ptr_array_unref);
  byline_test_save_article (fixture->store, article);
  links = byline_store_list_unpublished_links (fixture->store, id, &error);
  g_assert_cmpuint (links->len, ==, 0);
  move_to (fixture->store, article, BYLINE_STATUS_PUBLISHED, ADA);

  /* A link to an article in the Trash is refused too. */
  move_to (fixture->store, article, BYLINE_STATUS_APPROVED, ADA);
  g_assert_true (byline_store_trash_article (fixture->store, byline_article_get_id (draft), &error));
  g_assert_false (byline_store_set_status (fixture->store, article, BYLINE_STATUS_PUBLISHED, ADA, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_UNPUBLISHED_LINK);
  g_assert_nonnull (strstr (error->message, "in the Trash"));
  g_assert_nonnull (strstr (error->message, "Publish that article first, or remove the link."));
}

/* The file names in @dir that end with @suffix, sorted, joined by spaces. */
static char *
dup_file_names (const char *dir,
                const char *suffix)
{
  g_autoptr(GDir) opened = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (opened);
  while ((name = g_dir_read_name (opened)) != NULL)
    if (g_str_has_suffix (name, suffix) && !g_str_equal (name, "index.html"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Exports the publication into @dir; returns the canonical URL of page
 * @page. (transfer full) */
static char *
export_and_read_canonical (BylineStore             *store,
                           const BylinePublication *publication,
                           const char              *dir,
                           const char              *page)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, page, NULL);
  htmlDocPtr doc;
  char *canonical;

  g_assert_true (byline_export_publication (store, publication, folder, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  doc = byline_test_parse_html_file (path);
  canonical = byline_test_xpath_string (doc, "//link[@rel='canonical']/@href");
  xmlFreeDoc (doc);

  return canonical;
}

static void
test_status_address_fixed_when_first_published (Fixture       *fixture,
                                                gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, "Council delays vote", BODY);
  g_autoptr(BylinePublication) publication = byline_publication_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *site = byline_test_make_tmp_dir ("byline-review-site-XXXXXX");
  g_autofree char *page = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *again = NULL;
  g_autofree char *ninjs = NULL;
  g_autofree char *files = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(BylineArticle) restored = NULL;
  g_autoptr(GPtrArray) revisions_list = NULL;
  BylineRevision *first = NULL;
  gint64 id = byline_article_get_id (article);

  byline_publication_set (publication, "Harbour Gazette", "", "https://news.example.org/");

  /* Until it goes out, the address follows the headline. */
  byline_article_set_headline (article, "Council passes budget");
  byline_test_save_article (fixture->store, article);
  g_assert_cmpstr (byline_article_get_slug (article), ==, "council-passes-budget");

  walk_to (fixture->store, article, BYLINE_STATUS_PUBLISHED);
  page = byline_article_dup_page_name (article);
  canonical = export_and_read_canonical (fixture->store, publication, site, page);
  g_assert_true (g_str_has_suffix (canonical, page));
  ninjs = byline_export_ninjs (article, publication, NULL);
  uri = g_strdup_printf ("\"uri\" : \"urn:uuid:%s\"", byline_article_get_uuid (article));
  g_assert_nonnull (strstr (ninjs, uri));
  g_clear_pointer (&ninjs, g_free);

  /* Published: a new headline keeps the page. */
  byline_article_set_headline (article, "Council passes budget after all-night sitting");
  byline_test_save_article (fixture->store, article);
  g_assert_cmpstr (byline_article_get_slug (article), ==, "council-passes-budget");
  again = export_and_read_canonical (fixture->store, publication, site, page);
  g_assert_cmpstr (again, ==, canonical);
  g_clear_pointer (&again, g_free);

  /* Unpublished, edited and published again: the same page, the same
   * address, the same ninjs uri; no page under a new name. */
  move_to (fixture->store, article, BYLINE_STATUS_APPROVED, ADA);
  move_to (fixture->store, article, BYLINE_STATUS_IN_REVIEW, ADA);
  byline_article_set_headline (article, "Budget passed: what it means for the harbour");
  byline_test_save_article (fixture->store, article);
  g_assert_cmpstr (byline_article_get_slug (article), ==, "council-passes-budget");
  stored = load (fixture->store, id);
  g_assert_cmpstr (byline_article_get_slug (stored), ==, "council-passes-budget");
  walk_to (fixture->store, article, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpstr (byline_article_get_slug (article), ==, "council-passes-budget");

  again = export_and_read_canonical (fixture->store, publication, site, page);
  g_assert_cmpstr (again, ==, canonical);
  files = dup_file_names (site, ".html");
  g_assert_cmpstr (files, ==, page);
  ninjs = byline_export_ninjs (article, publication, NULL);
  g_assert_nonnull (strstr (ninjs, uri));
  g_assert_nonnull (strstr (ninjs, "Budget passed: what it means for the harbour"));

  /* Restoring an older headline keeps the address too. */
  revisions_list = revisions (fixture->store, id);
  for (guint i = 0; i < revisions_list->len; i++)
    {
      BylineRevision *revision = g_ptr_array_index (revisions_list, i);

      if (g_str_equal (byline_article_get_headline (byline_revision_get_article (revision)),
                       "Council passes budget after all-night sitting"))
        first = revision;
    }
  g_assert_nonnull (first);
  restored = byline_store_restore_revision (fixture->store, id, byline_revision_get_id (first), ADA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (restored), ==, "Council passes budget after all-night sitting");
  g_assert_cmpstr (byline_article_get_slug (restored), ==, "council-passes-budget");

  byline_test_remove_tree (site);
}

static void
test_revision_last_by_other (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineRevision) by_ada = NULL;
  g_autoptr(BylineRevision) by_ben = NULL;
  g_autoptr(BylineRevision) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = byline_article_get_id (article);

  BYLINE_TEST_SKIP_ON_SERVER ("two people at one desk: a server records the login role; "
                              "test-store-pg reviews across two roles");

  by_ada = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);

  /* Only Ada's: nothing to review for her, her revision for anyone else. */
  found = byline_store_last_revision_by_other (fixture->store, id, ADA, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = byline_store_last_revision_by_other (fixture->store, id, BEN, &error);
  g_assert_nonnull (found);
  g_assert_cmpint (byline_revision_get_id (found), ==, byline_revision_get_id (by_ada));
  g_clear_object (&found);

  byline_article_set_body (article, BODY " Work starts in spring.");
  by_ben = byline_store_save_revision (fixture->store, article, BEN, BYLINE_REVISION_MANUAL, &error);
  byline_article_set_body (article, BODY " Work starts in summer.");
  g_clear_object (&by_ada);
  by_ada = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);

  /* Ada reviews what Ben changed since... Ben's last revision. */
  found = byline_store_last_revision_by_other (fixture->store, id, ADA, &error);
  g_assert_cmpint (byline_revision_get_id (found), ==, byline_revision_get_id (by_ben));
  g_clear_object (&found);
  found = byline_store_last_revision_by_other (fixture->store, id, BEN, &error);
  g_assert_cmpint (byline_revision_get_id (found), ==, byline_revision_get_id (by_ada));

  /* What review mode shows Ben: the word Ada changed. */
  {
    g_autoptr(BylineArticle) current = load (fixture->store, id);
    g_autoptr(BylineRevision) baseline = byline_store_last_revision_by_other (fixture->store, id, ADA, &error);
    g_autoptr(GPtrArray) ops = byline_diff_words (byline_article_get_body (byline_revision_get_article (baseline)),
                                                  byline_article_get_body (article));
    g_autofree char *text = byline_diff_to_text (ops);

    g_assert_nonnull (current);
    g_assert_cmpstr (text, ==, BODY " Work starts in [-spring-]{+summer+}.");
  }
}

/* --- notes ---------------------------------------------------------------- */

static void
test_notes_threads (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineNote) general = NULL;
  g_autoptr(BylineNote) passage = NULL;
  g_autoptr(BylineNote) reply = NULL;
  g_autoptr(BylineNote) reply_to_reply = NULL;
  g_autoptr(BylineNote) none = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = byline_article_get_id (article);
  const char *basin = strstr (BODY, "east basin");
  int start = g_utf8_pointer_to_offset (BODY, basin);
  gint64 before = now_seconds ();
  g_autofree char *ada = recorded (fixture, ADA);

  general = byline_store_add_note (fixture->store, id, BEN, "Needs a quote from the harbour master.", -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_note_get_start (general), ==, -1);
  g_assert_cmpint (byline_note_get_end (general), ==, -1);
  g_assert_cmpstr (byline_note_get_anchor_text (general), ==, "");
  g_assert_cmpint (byline_note_get_created (general), >=, before);

  passage = byline_store_add_note (fixture->store, id, BEN, "Which basin? The map says north.",
                                   start, start + 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_note_get_anchor_text (passage), ==, "east basin");
  g_assert_cmpint (byline_note_get_start (passage), ==, start);

  reply = byline_store_reply_note (fixture->store, byline_note_get_id (passage), ADA,
                                   "East: checked with the board.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_note_get_parent_id (reply), ==, byline_note_get_id (passage));
  /* A reply is on its thread's passage. */
  g_assert_cmpint (byline_note_get_start (reply), ==, start);

  /* Replying to a reply answers the same thread. */
  reply_to_reply = byline_store_reply_note (fixture->store, byline_note_get_id (reply), BEN, "Thanks.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_note_get_parent_id (reply_to_reply), ==, byline_note_get_id (passage));

  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 2);

  list = notes (fixture->store, id);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (byline_note_get_id (g_ptr_array_index (list, 0)), ==, byline_note_get_id (general));
  g_assert_cmpint (byline_note_get_id (g_ptr_array_index (list, 1)), ==, byline_note_get_id (passage));
  g_assert_cmpint (byline_note_get_id (g_ptr_array_index (list, 2)), ==, byline_note_get_id (reply));
  g_assert_cmpint (byline_note_get_id (g_ptr_array_index (list, 3)), ==, byline_note_get_id (reply_to_reply));
  g_assert_cmpstr (byline_note_get_author (g_ptr_array_index (list, 2)), ==, ada);
  g_assert_cmpstr (byline_note_get_text (g_ptr_array_index (list, 2)), ==, "East: checked with the board.");

  /* Resolving from a reply resolves the thread. */
  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (reply), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = notes (fixture->store, id);
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (list, 1)), >=, before);
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (list, 3)), >=, before);
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (list, 0)), ==, 0);

  /* Reopen; resolve again; a new reply reopens. */
  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (passage), FALSE, &error));
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 2);
  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (passage), TRUE, &error));
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 1);
  g_clear_object (&reply);
  reply = byline_store_reply_note (fixture->store, byline_note_get_id (passage), ADA, "Reopening: north after all.", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 2);

  /* Deleting a thread deletes its replies. */
  g_assert_true (byline_store_delete_note (fixture->store, byline_note_get_id (passage), &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = notes (fixture->store, id);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 1);

  /* Bad input: an empty note, a passage past the end, a missing article. */
  none = byline_store_add_note (fixture->store, id, BEN, "  \n ", -1, -1, &error);
  g_assert_null (none);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  none = byline_store_add_note (fixture->store, id, BEN, "Check this.", 50, 500, &error);
  g_assert_null (none);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Select the passage again"));
  g_clear_error (&error);
  none = byline_store_add_note (fixture->store, 9999, BEN, "Check this.", -1, -1, &error);
  g_assert_null (none);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (byline_store_resolve_note (fixture->store, 9999, TRUE, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the article deletes its notes. */
  g_assert_true (byline_store_delete_article (fixture->store, id, &error));
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM notes"), ==, 0);
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM revisions"), ==, 0);
}

/* The passage a note is on now, or NULL for the whole article. */
static char *
note_passage (BylineStore *store,
              gint64       article_id,
              gint64       note_id)
{
  g_autoptr(BylineArticle) article = load (store, article_id);
  g_autoptr(GPtrArray) list = notes (store, article_id);

  for (guint i = 0; i < list->len; i++)
    {
      BylineNote *note = g_ptr_array_index (list, i);

      if (byline_note_get_id (note) != note_id)
        continue;

      if (byline_note_get_start (note) < 0)
        {
          g_assert_cmpint (byline_note_get_end (note), ==, -1);
          return NULL;
        }

      return byline_notes_dup_passage (byline_article_get_body (article),
                                       byline_note_get_start (note), byline_note_get_end (note));
    }

  g_assert_not_reached ();
}

static void
edit_body (BylineStore   *store,
           BylineArticle *article,
           const char    *body)
{
  g_autoptr(GError) error = NULL;

  byline_article_set_body (article, body);
  g_assert_true (byline_store_save_article (store, article, &error));
  g_assert_no_error (error);
}

#define NOTES_BODY \
  "Café owners on the quay 🎉 welcomed the plan.\n\n" \
  "The harbour board voted on Monday to dredge the east basin before the summer.\n\n" \
  "Work starts in spring."

/* Through the store: the anchors follow autosaved edits with nobody
 * telling them. */
static void
test_notes_follow_edits (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, NOTES_BODY);
  g_autoptr(BylineNote) note = NULL;
  g_autoptr(BylineNote) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *passage = NULL;
  gint64 id = byline_article_get_id (article);
  int start = g_utf8_pointer_to_offset (NOTES_BODY, strstr (NOTES_BODY, "east basin"));

  note = byline_store_add_note (fixture->store, id, BEN, "Which basin?", start, start + 10, &error);
  g_assert_no_error (error);

  /* Before: a new first paragraph. */
  edit_body (fixture->store, article,
             "Tides were high.\n\n"
             "Café owners on the quay 🎉 welcomed the plan.\n\n"
             "The harbour board voted on Monday to dredge the east basin before the summer.\n\n"
             "Work starts in spring.");
  passage = note_passage (fixture->store, id, byline_note_get_id (note));
  g_assert_cmpstr (passage, ==, "east basin");
  g_clear_pointer (&passage, g_free);

  /* Inside: the passage grows. */
  edit_body (fixture->store, article,
             "Tides were high.\n\n"
             "Café owners on the quay 🎉 welcomed the plan.\n\n"
             "The harbour board voted on Monday to dredge the east and west basin before the summer.\n\n"
             "Work starts in spring.");
  passage = note_passage (fixture->store, id, byline_note_get_id (note));
  g_assert_cmpstr (passage, ==, "east and west basin");
  g_clear_pointer (&passage, g_free);

  /* After: it stays put. Two edits between reads still count. */
  edit_body (fixture->store, article,
             "Tides were high.\n\n"
             "Café owners on the quay 🎉 welcomed the plan.\n\n"
             "The harbour board voted on Monday to dredge the east and west basin before the autumn.\n\n"
             "Work starts in spring.");
  edit_body (fixture->store, article,
             "Tides were high.\n\n"
             "Café owners on the quay 🎉 welcomed the plan.\n\n"
             "The harbour board voted on Monday to dredge the east and west basin before the autumn.\n\n"
             "Work starts in spring, weather permitting.");
  passage = note_passage (fixture->store, id, byline_note_get_id (note));
  g_assert_cmpstr (passage, ==, "east and west basin");
  g_clear_pointer (&passage, g_free);

  /* A note added now is on the text as it is now. */
  {
    const char *body = byline_article_get_body (article);
    int spring = g_utf8_pointer_to_offset (body, strstr (body, "spring"));

    later = byline_store_add_note (fixture->store, id, ADA, "Confirm the month.", spring, spring + 6, &error);
    g_assert_no_error (error);
  }

  /* Deleted: the note moves onto the whole article, and is kept. */
  edit_body (fixture->store, article,
             "Tides were high.\n\n"
             "Café owners on the quay 🎉 welcomed the plan.\n\n"
             "The harbour board voted on Monday to dredge before the autumn.\n\n"
             "Work starts in spring, weather permitting.");
  passage = note_passage (fixture->store, id, byline_note_get_id (note));
  g_assert_null (passage);
  passage = note_passage (fixture->store, id, byline_note_get_id (later));
  g_assert_cmpstr (passage, ==, "spring");
  g_clear_pointer (&passage, g_free);
  {
    g_autoptr(GPtrArray) list = notes (fixture->store, id);

    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpstr (byline_note_get_text (g_ptr_array_index (list, 0)), ==, "Which basin?");
    g_assert_cmpstr (byline_note_get_anchor_text (g_ptr_array_index (list, 0)), ==, "east basin");
  }
  g_assert_cmpuint (byline_store_count_open_notes (fixture->store, id, &error), ==, 2);

  /* The passage comes back (a restored revision): so does the note. */
  edit_body (fixture->store, article, NOTES_BODY);
  passage = note_passage (fixture->store, id, byline_note_get_id (note));
  g_assert_cmpstr (passage, ==, "east basin");
  g_clear_pointer (&passage, g_free);

  /* Put on another passage by hand. */
  g_assert_true (byline_store_set_note_anchor (fixture->store, byline_note_get_id (note), 0, 4, &error));
  g_assert_no_error (error);
  passage = note_passage (fixture->store, id, byline_note_get_id (note));
  g_assert_cmpstr (passage, ==, "Café");
}

static void
test_notes_not_published (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, NOTES_BODY);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(BylineNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  htmlDocPtr doc;
  xmlChar *text;

  note = byline_store_add_note (fixture->store, byline_article_get_id (article), BEN,
                                "UNPUBLISHED-NOTE: check the dredging cost", 0, 4, &error);
  g_assert_no_error (error);

  stored = load (fixture->store, byline_article_get_id (article));
  html = byline_render_article (stored, NULL, NULL);
  doc = byline_test_parse_html_string (html);
  text = xmlNodeGetContent (xmlDocGetRootElement (doc));

  /* The passage is there, the note is not, anywhere in the page. */
  g_assert_nonnull (strstr ((const char *) text, "east basin"));
  g_assert_null (strstr ((const char *) text, "UNPUBLISHED-NOTE"));
  g_assert_null (strstr (html, "UNPUBLISHED-NOTE"));

  xmlFree (text);
  xmlFreeDoc (doc);
}

/* byline_notes_reanchor() on its own. */
static const struct {
  const char *name;
  const char *old_body;
  const char *new_body;
  const char *passage;     /* the note's passage in old_body (its first occurrence) */
  const char *expected;    /* its passage in new_body, NULL: the whole article */
} reanchor_cases[] = {
  { "insert-before",
    "The board voted to dredge the east basin.",
    "After a long debate, the board voted to dredge the east basin.",
    "east basin", "east basin" },
  { "delete-before",
    "After a long debate, the board voted to dredge the east basin.",
    "The board voted to dredge the east basin.",
    "east basin", "east basin" },
  { "typed-just-before",
    "The board voted to dredge the east basin.",
    "The board voted to dredge the muddy east basin.",
    "east basin", "east basin" },
  { "insert-inside",
    "The board voted to dredge the east basin today.",
    "The board voted to dredge the east and west basin today.",
    "east basin", "east and west basin" },
  { "delete-inside",
    "The board voted to dredge the east and west basin today.",
    "The board voted to dredge the east basin today.",
    "east and west basin", "east basin" },
  { "replace-first-word",
    "The board voted to dredge the east basin today.",
    "The board voted to dredge the north basin today.",
    "east basin", "north basin" },
  { "replace-last-word",
    "The board voted to dredge the east basin today.",
    "The board voted to dredge the east harbour today.",
    "east basin", "east harbour" },
  { "typed-just-after",
    "The board voted to dredge the east basin today.",
    "The board voted to dredge the east basin and the quay today.",
    "east basin", "east basin" },
  { "edit-after",
    "The board voted to dredge the east basin. Work starts in spring.",
    "The board voted to dredge the east basin. Work starts in autumn, if funded.",
    "east basin", "east basin" },
  { "deleted",
    "The board voted to dredge the east basin. Work starts in spring.",
    "The board voted to dredge. Work starts in spring.",
    "the east basin", NULL },
  /* The same words elsewhere, untouched, do not catch a deleted passage. */
  { "deleted-words-still-elsewhere",
    "The east basin silts up. The board voted to dredge the east basin.",
    "The east basin silts up. The board voted to dredge.",
    "the east basin", NULL },
  /* Partly deleted: what is left of it. */
  { "partly-deleted",
    "The board voted to dredge the east basin today.",
    "The board voted to dredge today.",
    "dredge the east basin", "dredge" },
  { "moved-paragraph",
    "Café owners welcomed the plan.\n\nThe board voted to dredge the east basin.\n\nWork starts in spring.",
    "The board voted to dredge the east basin.\n\nWork starts in spring.\n\nCafé owners welcomed the plan.",
    "owners welcomed", "owners welcomed" },
  { "unicode-before",
    "The board voted to dredge the east basin.",
    "Café 🎉 港口: the board voted to dredge the east basin.",
    "east basin", "east basin" },
  { "cjk-inside",
    "港口今天开放。",
    "港口明天上午开放。",
    "今天开放", "明天上午开放" },
  { "emoji-passage",
    "Fans cheered 👍🏽 at the quay.",
    "Fans at the harbour cheered 👍🏽 at the quay.",
    "cheered 👍🏽", "cheered 👍🏽" },
};

static void
test_reanchor (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *old_body = reanchor_cases[i].old_body;
  const char *new_body = reanchor_cases[i].new_body;
  const char *found = strstr (old_body, reanchor_cases[i].passage);
  int start, end, new_start = 99, new_end = 99;
  gboolean anchored;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (old_body, found);
  end = start + g_utf8_strlen (reanchor_cases[i].passage, -1);

  anchored = byline_notes_reanchor (old_body, new_body, start, end, reanchor_cases[i].passage,
                                    &new_start, &new_end);

  if (reanchor_cases[i].expected == NULL)
    {
      g_assert_false (anchored);
      g_assert_cmpint (new_start, ==, -1);
      g_assert_cmpint (new_end, ==, -1);
    }
  else
    {
      g_autofree char *passage = byline_notes_dup_passage (new_body, new_start, new_end);

      g_assert_true (anchored);
      g_assert_cmpstr (passage, ==, reanchor_cases[i].expected);
    }
}

static void
test_reanchor_edges (void)
{
  int start = 99, end = 99;

  /* Edits after a passage leave its offsets as they were. */
  g_assert_true (byline_notes_reanchor ("abc def ghi", "abc def ghi jkl", 4, 7, "def", &start, &end));
  g_assert_cmpint (start, ==, 4);
  g_assert_cmpint (end, ==, 7);

  /* A note on the whole article stays one. */
  g_assert_false (byline_notes_reanchor ("abc def", "abc def ghi", -1, -1, "", &start, &end));
  g_assert_cmpint (start, ==, -1);

  /* One that lost its passage goes back onto it when the passage returns,
   * once; not when the text was there all along or is there twice. */
  g_assert_true (byline_notes_reanchor ("abc", "abc east basin", -1, -1, "east basin", &start, &end));
  g_assert_cmpint (start, ==, 4);
  g_assert_cmpint (end, ==, 14);
  g_assert_false (byline_notes_reanchor ("east basin", "the east basin", -1, -1, "east basin", &start, &end));
  g_assert_false (byline_notes_reanchor ("abc", "east basin, east basin", -1, -1, "east basin", &start, &end));

  /* A range that does not fit (written against other text) finds its
   * passage, or lets go. */
  g_assert_true (byline_notes_reanchor ("short", "a long text about the east basin", 40, 50, "east basin",
                                        &start, &end));
  g_assert_cmpint (start, ==, 22);
  g_assert_false (byline_notes_reanchor ("short", "a long text", 40, 50, "east basin", &start, &end));
  g_assert_cmpint (start, ==, -1);

  /* Everything deleted. */
  g_assert_false (byline_notes_reanchor ("east basin", "", 0, 4, "east", &start, &end));
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);

  g_assert_null (byline_notes_dup_passage ("abc", 2, 9));
  g_assert_null (byline_notes_dup_passage ("abc", 2, 2));
  g_assert_null (byline_notes_dup_passage ("abc", -1, 2));
  {
    g_autofree char *passage = byline_notes_dup_passage ("Café 🎉 港口", 5, 9);

    g_assert_cmpstr (passage, ==, "🎉 港口");
  }
}

/* --- migration from the Foundation schema --------------------------------- */

/* Schema 1 exactly as Foundation's migration wrote it (src/core/byline-store.c,
 * migrations[0]); test_migrate checks this copy against the real one. */
static const char v1_schema[] =
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  slug TEXT NOT NULL DEFAULT '',"
  "  section TEXT NOT NULL DEFAULT '',"
  "  headline TEXT NOT NULL DEFAULT '',"
  "  standfirst TEXT NOT NULL DEFAULT '',"
  "  byline TEXT NOT NULL DEFAULT '',"
  "  dateline TEXT NOT NULL DEFAULT '',"
  "  caption TEXT NOT NULL DEFAULT '',"
  "  credit TEXT NOT NULL DEFAULT '',"
  "  image TEXT NOT NULL DEFAULT '',"
  "  image_alt TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'in-review', 'approved', 'published', 'spiked')),"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  published INTEGER,"
  "  language TEXT NOT NULL DEFAULT 'en',"
  "  trashed INTEGER"
  ");"
  "CREATE INDEX articles_by_updated ON articles (updated DESC, id DESC);"
  "CREATE INDEX articles_by_status ON articles (status, updated DESC);"
  "CREATE INDEX articles_by_headline ON articles (headline COLLATE NOCASE);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  headline, standfirst, caption, body, tags,"
  "  content = 'articles', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, headline, standfirst, caption, body, tags)"
  "  VALUES (new.id, new.headline, new.standfirst, new.caption, new.body, new.tags);"
  "END;"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, caption, body, tags)"
  "  VALUES ('delete', old.id, old.headline, old.standfirst, old.caption, old.body, old.tags);"
  "END;"
  "CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, standfirst, caption, body, tags"
  "  ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, caption, body, tags)"
  "  VALUES ('delete', old.id, old.headline, old.standfirst, old.caption, old.body, old.tags);"
  "  INSERT INTO articles_fts (rowid, headline, standfirst, caption, body, tags)"
  "  VALUES (new.id, new.headline, new.standfirst, new.caption, new.body, new.tags);"
  "END;"
  "CREATE TABLE pins ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  sort INTEGER NOT NULL,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  related_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
  "  headline TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX pins_by_article ON pins (article_id, sort);"
  "CREATE INDEX pins_by_related ON pins (related_id);"
  "CREATE TRIGGER pins_follow_headline AFTER UPDATE OF headline ON articles BEGIN"
  "  UPDATE pins SET headline = new.headline WHERE related_id = new.id;"
  "END;";

static const char v1_data[] =
  "INSERT INTO articles (id, uuid, slug, headline, standfirst, body, tags, status, created, updated,"
  "  published, section, caption)"
  " VALUES (1, '6f1c7a52-3c1e-4a57-9c51-0d1b8a4e2f01', 'harbour-board-backs-dredging',"
  "  'Harbour board backs dredging', 'Work starts in spring.',"
  "  'The harbour board voted on Monday to dredge the east basin.', 'harbour, budget',"
  "  'published', 1767261600, 1767265200, 1767263400, 'Local', 'The east basin at low tide.');"
  "INSERT INTO articles (id, uuid, slug, headline, body, status, created, updated)"
  " VALUES (2, '6f1c7a52-3c1e-4a57-9c51-0d1b8a4e2f02', 'council-delays-vote',"
  "  'Council delays vote on the harbour budget', 'Councillors asked for more figures.',"
  "  'spiked', 1767348000, 1767351600);"
  "INSERT INTO articles (id, uuid, slug, headline, body, status, created, updated, trashed)"
  " VALUES (3, '6f1c7a52-3c1e-4a57-9c51-0d1b8a4e2f03', 'ferry-fares-rise',"
  "  'Ferry fares rise in March', 'Fares go up by five per cent.', 'draft',"
  "  1767434400, 1767438000, 1767441600);"
  "INSERT INTO pins (article_id, sort, position, related_id, headline)"
  " VALUES (1, 0, 1, 2, 'Council delays vote on the harbour budget');"
  "INSERT INTO pins (article_id, sort, position, related_id, headline)"
  " VALUES (1, 1, 9, NULL, 'School board approves new timetable');"
  "PRAGMA application_id = 1113148494;"  /* "BYLN" */
  "PRAGMA user_version = 1;";

static GPtrArray *
schema_rows (const char *path)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = byline_test_sql_prepare (path,
                                                "SELECT type || ' ' || name || ': ' || COALESCE (sql, '')"
                                                " FROM sqlite_schema ORDER BY name",
                                                &db);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  byline_test_sql_finish (db, stmt);

  return rows;
}

static void
test_migrate (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "foundation.db", NULL);
  g_autoptr(GPtrArray) old_schema = NULL;
  g_autoptr(GPtrArray) new_schema = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) harbour = NULL;
  g_autoptr(BylineArticle) council = NULL;
  g_autoptr(BylineArticle) ferry = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(BylinePin) pin = NULL;
  g_autofree char *tags = NULL;

  BYLINE_TEST_SKIP_ON_SERVER ("a newsroom file from before editors' review; a server's steps are its own");

  byline_test_sql_exec (old_path, v1_schema);
  old_schema = schema_rows (old_path);
  byline_test_sql_exec (old_path, v1_data);

  /* The copy above is schema 1: everything it made, a new newsroom has too
   * (the articles table gains a column, so its text differs). */
  new_schema = schema_rows (fixture->path);
  for (guint i = 0; i < old_schema->len; i++)
    {
      const char *row = g_ptr_array_index (old_schema, i);

      if (g_str_has_prefix (row, "table articles: "))
        continue;
      g_assert_true (g_ptr_array_find_with_equal_func (new_schema, row, g_str_equal, NULL));
    }

  store = byline_store_new (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_test_sql_int (old_path, "PRAGMA user_version"), ==, BYLINE_STORE_SCHEMA_VERSION);

  /* Every field kept. */
  harbour = load (store, 1);
  g_assert_cmpstr (byline_article_get_uuid (harbour), ==, "6f1c7a52-3c1e-4a57-9c51-0d1b8a4e2f01");
  g_assert_cmpstr (byline_article_get_headline (harbour), ==, "Harbour board backs dredging");
  g_assert_cmpstr (byline_article_get_standfirst (harbour), ==, "Work starts in spring.");
  g_assert_cmpstr (byline_article_get_body (harbour), ==, BODY);
  g_assert_cmpstr (byline_article_get_section (harbour), ==, "Local");
  g_assert_cmpint (byline_article_get_status (harbour), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (harbour), ==, 1767263400);
  g_assert_cmpint (byline_article_get_updated (harbour), ==, 1767265200);
  tags = byline_article_dup_tags_string (harbour);
  g_assert_cmpstr (tags, ==, "harbour, budget");

  /* Pins kept, resolved and not. */
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (harbour)), ==, 2);
  pin = g_list_model_get_item (byline_article_get_pins (harbour), 0);
  g_assert_cmpint (byline_pin_get_related_id (pin), ==, 2);
  g_assert_cmpint (byline_pin_get_position (pin), ==, 1);
  g_clear_object (&pin);
  pin = g_list_model_get_item (byline_article_get_pins (harbour), 1);
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "School board approves new timetable");
  g_assert_false (byline_pin_is_resolved (pin));

  /* The Trash and the search index kept. */
  g_assert_cmpuint (byline_store_count_articles (store, NULL, &error), ==, 2);
  query.trashed = TRUE;
  g_assert_cmpuint (byline_store_count_articles (store, &query, &error), ==, 1);
  query = (BylineArticleQuery) BYLINE_ARTICLE_QUERY_INIT;
  query.search = "dredge";
  g_assert_cmpuint (byline_store_count_articles (store, &query, &error), ==, 1);
  query.search = "councillors";
  g_assert_cmpuint (byline_store_count_articles (store, &query, &error), ==, 1);
  g_assert_no_error (error);

  /* Each article starts its history with its text as it was. */
  list = revisions (store, 1);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (byline_revision_get_author (g_ptr_array_index (list, 0)), ==, "");
  g_assert_cmpint (byline_revision_get_created (g_ptr_array_index (list, 0)), ==, 1767265200);
  g_assert_cmpint (byline_revision_get_status (g_ptr_array_index (list, 0)), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (g_ptr_array_index (list, 0))), ==, BODY);
  g_assert_cmpint (byline_test_sql_int (old_path, "SELECT count(*) FROM revisions"), ==, 3);

  /* Spiked before Byline knew where from: restoring makes it a draft. */
  council = load (store, 2);
  g_assert_cmpint (byline_store_get_spiked_from (store, 2, &error), ==, BYLINE_STATUS_DRAFT);
  move_to (store, council, BYLINE_STATUS_DRAFT, ADA);

  /* And the new features work on the old articles. */
  ferry = load (store, 3);
  move_to (store, ferry, BYLINE_STATUS_IN_REVIEW, ADA);
  {
    g_autoptr(BylineNote) note = byline_store_add_note (store, 1, BEN, "Photo credit?", 0, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (byline_store_count_open_notes (store, 1, &error), ==, 1);
  }

  /* Opening again migrates nothing more. */
  g_clear_object (&store);
  store = byline_store_new (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_test_sql_int (old_path, "SELECT count(*) FROM revisions WHERE article_id = 1"), ==, 1);
}

/* --- the command line ----------------------------------------------------- */

/* Runs the program on the fixture's newsroom with @args (NULL-terminated),
 * with a home of its own and no display. */
static void
run_cli (Fixture        *fixture,
         BylineTestRun  *run,
         const char    **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *home = g_build_filename (fixture->dir, "home", NULL);
  g_auto(GStrv) env = byline_test_environ_without_display ();

  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "G_DEBUG", "fatal-warnings", TRUE);

  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, fixture->path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  byline_test_run_byline (run, fixture->dir, env, (const char * const *) argv->pdata);
}

#define RUN(fixture, run, ...) \
  run_cli (fixture, run, (const char *[]) { __VA_ARGS__, NULL })

/* The name the command line records: the account's, or on a newsroom
 * server the login role's. (transfer full) */
static char *
cli_author (Fixture *fixture)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = "Unknown";
  return recorded (fixture, name);
}

static void
test_cli_set_status (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_article_get_id (article));
  g_auto(BylineTestRun) run = { 0, };
  g_autofree char *author = cli_author (fixture);

  RUN (fixture, &run, "--set-status", id, "in-review");
  byline_test_run_assert_success (&run);
  stored = load (fixture->store, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_IN_REVIEW);
  events = byline_store_list_status_events (fixture->store, byline_article_get_id (article), &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((BylineStatusEvent *) g_ptr_array_index (events, 0))->author, ==, author);

  /* Refused by the workflow: exit 1, one clear line, nothing changed. */
  RUN (fixture, &run, "--set-status", id, "published");
  byline_test_run_assert_error_line (&run, 1);
  g_assert_cmpstr (run.err, ==,
                   "byline: An article in review can go back to Draft or on to Approved, "
                   "not to Published. Approve it first.\n");
  g_clear_object (&stored);
  stored = load (fixture->store, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_IN_REVIEW);

  RUN (fixture, &run, "--set-status", id, "approved");
  byline_test_run_assert_success (&run);
  RUN (fixture, &run, "--set-status", id, "published");
  byline_test_run_assert_success (&run);
  g_clear_object (&stored);
  stored = load (fixture->store, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (stored), >, 0);

  RUN (fixture, &run, "--set-status", id, "spiked");
  byline_test_run_assert_success (&run);
  RUN (fixture, &run, "--set-status", id, "draft");
  byline_test_run_assert_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "restored to Published"));

  /* Bad usage: exit 2. */
  RUN (fixture, &run, "--set-status", id, "killed");
  byline_test_run_assert_error_line (&run, 2);
  g_assert_nonnull (strstr (run.err, "draft, in-review, approved, published or spiked"));
  RUN (fixture, &run, "--set-status", id);
  byline_test_run_assert_error_line (&run, 2);
  RUN (fixture, &run, "--set-status", "404", "draft");
  byline_test_run_assert_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "No article with id 404"));
}

/* Publishing with a READ: link to a draft: exit 1, one line naming the
 * draft, the article left where it was. */
static void
test_cli_publish_refuses_unpublished_link (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(BylineArticle) draft = new_article (fixture->store, "Old pier plans shelved", BODY);
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) stored = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_auto(BylineTestRun) run = { 0, };

  byline_article_add_pin (article, byline_pin_new (1, byline_article_get_id (draft), "Old pier plans shelved"));
  byline_test_save_article (fixture->store, article);
  walk_to (fixture->store, article, BYLINE_STATUS_APPROVED);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_article_get_id (article));

  RUN (fixture, &run, "--set-status", id, "published");
  byline_test_run_assert_error_line (&run, 1);
  expected = g_strdup_printf ("byline: “" HEADLINE "” was not published: its READ: link to “Old pier plans shelved” "
                              "(article %" G_GINT64_FORMAT ", a draft) leads to a page that is not published. "
                              "Publish that article first, or remove the link.\n",
                              byline_article_get_id (draft));
  g_assert_cmpstr (run.err, ==, expected);
  stored = load (fixture->store, byline_article_get_id (article));
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_APPROVED);

  walk_to (fixture->store, draft, BYLINE_STATUS_PUBLISHED);
  RUN (fixture, &run, "--set-status", id, "published");
  byline_test_run_assert_success (&run);
}

static void
test_cli_history_and_diff (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = new_article (fixture->store, HEADLINE, BODY);
  g_autoptr(BylineArticle) other = new_article (fixture->store, "Ferry fares rise", "Fares rise.");
  g_autoptr(BylineRevision) first = NULL;
  g_autoptr(BylineRevision) second = NULL;
  g_autoptr(BylineRevision) foreign = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_article_get_id (article));
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *foreign_id = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_autofree char *author = cli_author (fixture);
  g_autofree char *ada = recorded (fixture, ADA);
  g_autofree char *ben = recorded (fixture, BEN);

  first = byline_store_save_revision (fixture->store, article, ADA, BYLINE_REVISION_MANUAL, &error);
  byline_article_set_headline (article, "Harbour board backs dredging of both basins");
  byline_article_set_body (article, "The harbour board voted on Tuesday to dredge the east basin.");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  second = byline_store_save_revision (fixture->store, article, BEN, BYLINE_REVISION_MANUAL, &error);
  foreign = byline_store_save_revision (fixture->store, other, BEN, BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  first_id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_revision_get_id (first));
  second_id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_revision_get_id (second));
  foreign_id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_revision_get_id (foreign));

  RUN (fixture, &run, "--set-status", id, "in-review");
  byline_test_run_assert_success (&run);

  RUN (fixture, &run, "--history", id);
  byline_test_run_assert_success (&run);
  lines = g_strsplit (run.out, "\n", -1);
  /* Three revisions, newest first, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  list = revisions (fixture->store, byline_article_get_id (article));
  for (guint i = 0; i < 3; i++)
    {
      BylineRevision *revision = g_ptr_array_index (list, i);
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autoptr(GDateTime) time = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), ==, byline_revision_get_id (revision));
      time = g_date_time_new_from_iso8601 (fields[1], NULL);
      g_assert_nonnull (time);
      g_assert_cmpint (g_date_time_to_unix (time), ==, byline_revision_get_created (revision));
      g_assert_cmpint (g_ascii_strtoll (fields[4], NULL, 10), ==, byline_revision_get_words_added (revision));
      g_assert_cmpint (g_ascii_strtoll (fields[5], NULL, 10), ==, byline_revision_get_words_removed (revision));
    }
  {
    g_auto(GStrv) newest = g_strsplit (lines[0], "\t", -1);
    g_auto(GStrv) middle = g_strsplit (lines[1], "\t", -1);
    g_auto(GStrv) oldest = g_strsplit (lines[2], "\t", -1);

    g_assert_cmpstr (newest[2], ==, author);
    g_assert_cmpstr (newest[3], ==, "in-review");
    g_assert_cmpstr (middle[0], ==, second_id);
    g_assert_cmpstr (middle[2], ==, ben);
    g_assert_cmpstr (middle[3], ==, "draft");
    /* "of both basins" and "Tuesday" in; "Monday" out. */
    g_assert_cmpstr (middle[4], ==, "4");
    g_assert_cmpstr (middle[5], ==, "1");
    g_assert_cmpstr (oldest[0], ==, first_id);
    g_assert_cmpstr (oldest[2], ==, ada);
    g_assert_cmpstr (oldest[4], ==, "15");
    g_assert_cmpstr (oldest[5], ==, "0");
  }

  RUN (fixture, &run, "--diff", id, first_id, second_id);
  byline_test_run_assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "headline: Harbour board backs dredging{+ of both basins+}\n"
                   "\n"
                   "The harbour board voted on [-Monday-]{+Tuesday+} to dredge the east basin.\n");

  /* "current": the text as stored now. The command line moved the article
   * meanwhile: this copy is stale and refused (nothing is overwritten
   * unawares), so edit the stored one, as a window does when told. */
  byline_article_set_body (article, "The harbour board voted on Tuesday to dredge the east basin. Work starts in spring.");
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&article);
  article = byline_store_load_article (fixture->store, g_ascii_strtoll (id, NULL, 10), &error);
  g_assert_no_error (error);
  byline_article_set_body (article, "The harbour board voted on Tuesday to dredge the east basin. Work starts in spring.");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  RUN (fixture, &run, "--diff", id, second_id, "current");
  byline_test_run_assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "The harbour board voted on Tuesday to dredge the east basin.{+ Work starts in spring.+}\n");

  /* Backwards is the other way round. */
  RUN (fixture, &run, "--diff", id, "current", first_id);
  byline_test_run_assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "headline: Harbour board backs dredging[- of both basins-]\n\n"));

  RUN (fixture, &run, "--diff", id, first_id, foreign_id);
  byline_test_run_assert_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "belongs to another article"));
  RUN (fixture, &run, "--diff", id, first_id, "latest");
  byline_test_run_assert_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "“latest” is not a revision"));
  RUN (fixture, &run, "--diff", id, first_id);
  byline_test_run_assert_error_line (&run, 2);
  RUN (fixture, &run, "--history", "404");
  byline_test_run_assert_error_line (&run, 1);
  RUN (fixture, &run, "--history", id, "--list");
  byline_test_run_assert_error_line (&run, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/byline/review/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("status/records-who-and-when", test_status_records_who_and_when);
  ADD ("status/refused-writes-nothing", test_status_refused_writes_nothing);
  ADD ("status/publish-sets-time", test_status_publish_sets_time);
  ADD ("status/spike-and-restore", test_status_spike_and_restore);
  ADD ("status/unsaved-article", test_status_unsaved_article);
  ADD ("status/parallel-changers", test_status_parallel_changers);
  ADD ("status/publish-refuses-unpublished-links", test_status_publish_refuses_unpublished_links);
  ADD ("status/address-fixed-when-first-published", test_status_address_fixed_when_first_published);
  ADD ("revisions/manual", test_revision_manual);
  ADD ("revisions/every-field", test_revision_every_field);
  ADD ("revisions/auto", test_revision_auto);
  ADD ("revisions/restore", test_revision_restore);
  ADD ("revisions/restore-slug", test_revision_restore_slug);
  ADD ("revisions/last-by-other", test_revision_last_by_other);
  ADD ("notes/threads", test_notes_threads);
  ADD ("notes/follow-edits", test_notes_follow_edits);
  ADD ("notes/not-published", test_notes_not_published);
  ADD ("migrate", test_migrate);
  ADD ("cli/set-status", test_cli_set_status);
  ADD ("cli/history-and-diff", test_cli_history_and_diff);
  ADD ("cli/publish-refuses-unpublished-link", test_cli_publish_refuses_unpublished_link);

  for (guint i = 0; i < G_N_ELEMENTS (reanchor_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/byline/review/notes/reanchor/%s", reanchor_cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_reanchor);
    }
  g_test_add_func ("/byline/review/notes/reanchor-edges", test_reanchor_edges);

  return g_test_run ();
}
