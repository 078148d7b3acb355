/* test-offline-pg.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The newsroom server goes away while a desk writes: nothing is lost, not
 * even to a kill, and what waited is sent once the server is back. The
 * server is a real one (tests/pg-run.sh), stopped and started again with
 * pg_ctlcluster. */

#include "config.h"

#include "byline-outbox.h"
#include "byline-store.h"
#include "byline-test-util.h"

static void
server_ctl (const char *what)
{
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  /* A fast stop drops the desks' connections at once, as a lost network
   * would. */
  if (g_str_equal (what, "stop"))
    command = g_strdup ("pg_ctlcluster 15 regress stop -m fast");
  else
    command = g_strdup ("pg_ctlcluster 15 regress start");

  g_spawn_command_line_sync (command, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("“%s” failed: %s", command, err);
}

static void
test_outbox_across_outage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *outbox_path = NULL;
  g_autofree char *location = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint sent = 0;
  guint conflicts = 0;
  gint64 id;

  if (!byline_test_on_server ())
    {
      g_test_skip ("no newsroom server: run through tests/pg-run.sh");
      return;
    }

  dir = byline_test_make_tmp_dir ("byline-offline-XXXXXX");
  outbox_path = g_build_filename (dir, "outbox.db", NULL);
  location = byline_test_location_new (dir, "offline");

  store = byline_test_store_new (location);
  outbox = byline_outbox_new (outbox_path, &error);
  g_assert_no_error (error);
  byline_store_set_outbox (store, outbox);

  byline_article_set_headline (article, "Storm closes the harbour");
  byline_article_set_body (article, "Gales are expected.");
  g_assert_true (byline_store_save_article (store, article, &error));
  g_assert_no_error (error);
  id = byline_article_get_id (article);

  /* The server goes away mid-typing: each save is kept on this computer,
   * and the message says so. */
  server_ctl ("stop");
  byline_article_set_body (article, "Gales are expected tonight.");
  g_assert_false (byline_store_save_article (store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "kept on this computer"));
  g_clear_error (&error);
  byline_article_set_body (article, "Gales are expected tonight; the ferries stay in port.");
  g_assert_false (byline_store_save_article (store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_cmpuint (byline_outbox_count (outbox, location), ==, 1);

  /* The desk is killed while offline: only the outbox file is left. */
  g_clear_object (&store);
  g_clear_object (&outbox);

  /* The next start, with the server back, sends what waited. */
  server_ctl ("start");
  store = byline_test_store_new (location);
  outbox = byline_outbox_new (outbox_path, &error);
  byline_store_set_outbox (store, outbox);
  g_assert_true (byline_store_send_outbox (store, &sent, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, 1);
  g_assert_cmpuint (conflicts, ==, 0);
  g_assert_cmpuint (byline_outbox_count (outbox, location), ==, 0);

  stored = byline_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_body (stored), ==,
                   "Gales are expected tonight; the ferries stay in port.");

  g_clear_object (&store);
  byline_test_location_remove (location);
  byline_test_remove_tree (dir);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Spins this thread's main context until the store's "offline" is
 * @offline, for at most @seconds. */
static gboolean
wait_offline (BylineStore *store,
              gboolean     offline,
              guint        seconds)
{
  for (guint i = 0; i < seconds * 10 && byline_store_get_offline (store) != offline; i++)
    byline_test_spin (100);

  return byline_store_get_offline (store) == offline;
}

/* A window watching a newsroom is told within seconds that the server is
 * away, though nothing was saved, and told again when it is back; a desk
 * that only saves learns it from the save that failed and the one that
 * went through. */
static void
test_offline_property (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *location = NULL;
  g_autoptr(BylineStore) watching = NULL;
  g_autoptr(BylineStore) saving = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  if (!byline_test_on_server ())
    {
      g_test_skip ("no newsroom server: run through tests/pg-run.sh");
      return;
    }

  dir = byline_test_make_tmp_dir ("byline-offline-XXXXXX");
  location = byline_test_location_new (dir, "offline_property");
  watching = byline_test_store_new (location);
  g_assert_true (byline_store_watch_changes (watching, &error));
  g_assert_no_error (error);
  g_signal_connect (watching, "notify::offline", G_CALLBACK (count_cb), &notified);
  saving = byline_test_store_new (location);

  byline_article_set_headline (article, "Storm closes the harbour");
  g_assert_true (byline_store_save_article (saving, article, &error));
  g_assert_no_error (error);
  byline_test_spin (200);
  g_assert_false (byline_store_get_offline (watching));
  g_assert_false (byline_store_get_offline (saving));
  g_assert_cmpuint (notified, ==, 0);

  server_ctl ("stop");
  g_assert_true (wait_offline (watching, TRUE, 5));
  g_assert_cmpuint (notified, ==, 1);
  /* Nothing asked the server at the other desk yet. */
  g_assert_false (byline_store_get_offline (saving));

  byline_article_set_body (article, "Gales are expected.");
  g_assert_false (byline_store_save_article (saving, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_true (wait_offline (saving, TRUE, 1));

  /* Still away a while later: said once. */
  byline_test_spin (2000);
  g_assert_true (byline_store_get_offline (watching));
  g_assert_cmpuint (notified, ==, 1);

  server_ctl ("start");
  g_assert_true (wait_offline (watching, FALSE, 15));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (byline_store_get_offline (saving));
  g_assert_true (byline_store_save_article (saving, article, &error));
  g_assert_no_error (error);
  g_assert_true (wait_offline (saving, FALSE, 1));

  g_clear_object (&watching);
  g_clear_object (&saving);
  byline_test_location_remove (location);
  byline_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/offline-pg/outbox-across-outage", test_outbox_across_outage);
  g_test_add_func ("/byline/offline-pg/offline-property", test_offline_property);

  return g_test_run ();
}
