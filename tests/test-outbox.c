/* test-outbox.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The outbox keeps what a desk could not send to its newsroom server. The
 * server going away is tested in the pg suite; here, what is kept, that it
 * survives the program, and how it is sent. */

#include "config.h"

#include "byline-outbox.h"
#include "byline-pin.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"

#define NEWSROOM "postgresql://desk@news.example.org/newsroom"

typedef BylineTestNewsroom Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  byline_test_newsroom_set_up (fixture, "byline-outbox-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  byline_test_newsroom_tear_down (fixture);
}

static char *
outbox_path (Fixture *fixture)
{
  return g_build_filename (fixture->dir, "outbox.db", NULL);
}

/* What waits is the newest text, against the version first edited from,
 * every field and pin of it, and it is still there after a restart. */
static void
test_keeps_newest_text (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = outbox_path (fixture);
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *kept;
  const char *tags[] = { "harbour", "ferries", NULL };

  outbox = byline_outbox_new (path, &error);
  g_assert_no_error (error);

  byline_article_set_id (article, 42);
  byline_article_set_uuid (article, "0d4f5a52-87a5-4a8b-9b5e-2b8a5d8c1e11");
  byline_article_set_version (article, 7);
  byline_article_set_headline (article, "Ferry fares rise");
  byline_article_set_body (article, "Fares rise in May.");
  g_assert_true (byline_outbox_push (outbox, NEWSROOM, article, &error));

  /* Typing goes on offline: the newer text replaces the older, and is
   * still to be sent against version 7. */
  byline_article_set_version (article, 9);
  byline_article_set_body (article, "Fares rise by a tenth in May.");
  byline_article_set_tags (article, tags);
  byline_article_set_published (article, 1700000000);
  byline_article_add_pin (article, byline_pin_new (1, 3, "Harbour reopens"));
  g_assert_true (byline_outbox_push (outbox, NEWSROOM, article, &error));
  g_assert_cmpuint (byline_outbox_count (outbox, NEWSROOM), ==, 1);
  g_assert_cmpuint (byline_outbox_count (outbox, "postgresql://elsewhere/news"), ==, 0);

  /* The program is killed; the next start finds it. */
  g_clear_object (&outbox);
  outbox = byline_outbox_new (path, &error);
  waiting = byline_outbox_list (outbox, NEWSROOM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, ==, 1);
  kept = g_ptr_array_index (waiting, 0);
  g_assert_cmpint (byline_article_get_id (kept), ==, 42);
  g_assert_cmpint (byline_article_get_version (kept), ==, 7);
  g_assert_cmpstr (byline_article_get_body (kept), ==, "Fares rise by a tenth in May.");
  g_assert_cmpstr (byline_article_get_headline (kept), ==, "Ferry fares rise");
  g_assert_cmpint (byline_article_get_published (kept), ==, 1700000000);
  g_assert_cmpstrv (byline_article_get_tags (kept), tags);
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (kept)), ==, 1);
}

/* Sending: through the version check; what someone else changed meanwhile
 * stays, and the waiting text is kept in its History. */
static void
test_send (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *path = outbox_path (fixture);
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineStore) other_desk = NULL;
  g_autoptr(BylineArticle) mine = byline_article_new ();
  g_autoptr(BylineArticle) contested = byline_article_new ();
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  const char *newsroom = byline_store_get_path (fixture->store);
  guint sent = 0;
  guint conflicts = 0;

  outbox = byline_outbox_new (path, &error);
  byline_store_set_outbox (fixture->store, outbox);
  byline_store_set_user_name (fixture->store, "Ana García");

  byline_article_set_headline (mine, "Pier closes");
  byline_article_set_body (mine, "The pier shuts.");
  byline_test_save_article (fixture->store, mine);
  byline_article_set_headline (contested, "Ferry fares rise");
  byline_article_set_body (contested, "Fares rise.");
  byline_test_save_article (fixture->store, contested);

  /* Offline edits of both, kept. */
  byline_article_set_body (mine, "The pier shuts on Monday for repairs.");
  byline_article_set_body (contested, "Fares rise by a tenth.");
  g_assert_true (byline_outbox_push (outbox, newsroom, mine, &error));
  g_assert_true (byline_outbox_push (outbox, newsroom, contested, &error));

  /* Meanwhile another desk edits the second. */
  other_desk = byline_store_new (fixture->path, &error);
  theirs = byline_store_load_article (other_desk, byline_article_get_id (contested), &error);
  byline_article_set_body (theirs, "Fares rise in May, says the operator.");
  g_assert_true (byline_store_save_article (other_desk, theirs, &error));

  g_assert_true (byline_store_send_outbox (fixture->store, &sent, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, 1);
  g_assert_cmpuint (conflicts, ==, 1);
  g_assert_cmpuint (byline_outbox_count (outbox, newsroom), ==, 0);

  stored = byline_store_load_article (fixture->store, byline_article_get_id (mine), &error);
  g_assert_cmpstr (byline_article_get_body (stored), ==, "The pier shuts on Monday for repairs.");
  g_clear_object (&stored);
  stored = byline_store_load_article (fixture->store, byline_article_get_id (contested), &error);
  g_assert_cmpstr (byline_article_get_body (stored), ==, "Fares rise in May, says the operator.");
  revisions = byline_store_list_revisions (fixture->store, byline_article_get_id (contested), &error);
  g_assert_cmpuint (revisions->len, >=, 1);
  g_assert_cmpstr (byline_article_get_body (byline_revision_get_article (g_ptr_array_index (revisions, 0))),
                   ==, "Fares rise by a tenth.");
  g_assert_cmpstr (byline_revision_get_author (g_ptr_array_index (revisions, 0)), ==, "Ana García");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/byline/outbox/keeps-newest-text", Fixture, NULL, fixture_set_up,
              test_keeps_newest_text, fixture_tear_down);
  g_test_add ("/byline/outbox/send", Fixture, NULL, fixture_set_up, test_send, fixture_tear_down);

  return g_test_run ();
}
