/* test-autosave.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-autosave.h"
#include "byline-test-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  BylineStore    *store;
  BylineAutosave *autosave;
  BylineArticle  *article;
  guint           saved;
  guint           failed;
} Fixture;

static void
saved_cb (BylineAutosave *autosave,
          BylineArticle  *copy,
          Fixture        *fixture)
{
  fixture->saved++;
}

static void
failed_cb (BylineAutosave *autosave,
           GError         *error,
           Fixture        *fixture)
{
  fixture->failed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = byline_test_make_tmp_dir ("byline-autosave-XXXXXX");
  fixture->path = byline_test_location_new (fixture->dir, "newsroom");
  fixture->store = byline_test_store_new (fixture->path);

  fixture->article = byline_article_new ();
  byline_article_set_headline (fixture->article, "Draft");
  g_assert_true (byline_store_save_article (fixture->store, fixture->article, &error));

  fixture->autosave = byline_autosave_new (fixture->store);
  byline_autosave_set_delay (fixture->autosave, 30);
  byline_autosave_set_article (fixture->autosave, fixture->article);
  g_signal_connect (fixture->autosave, "saved", G_CALLBACK (saved_cb), fixture);
  g_signal_connect (fixture->autosave, "failed", G_CALLBACK (failed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* A write still on its thread holds the autosave; let it land first. */
  byline_autosave_flush (fixture->autosave, NULL);
  g_assert_finalize_object (fixture->autosave);
  g_assert_finalize_object (fixture->article);
  g_assert_finalize_object (fixture->store);

  byline_test_location_remove (fixture->path);
  byline_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
stored_body (Fixture *fixture)
{
  g_autoptr(BylineArticle) stored = byline_store_load_article (fixture->store,
                                                              byline_article_get_id (fixture->article),
                                                              NULL);
  return stored ? g_strdup (byline_article_get_body (stored)) : NULL;
}

static void
test_debounced_write (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *body = NULL;
  GString *typed = g_string_new (NULL);

  /* Keystrokes faster than the delay coalesce into one write. */
  for (const char *p = "The ferry was late"; *p; p++)
    {
      g_string_append_c (typed, *p);
      byline_article_set_body (fixture->article, typed->str);
    }
  g_assert_true (byline_autosave_get_dirty (fixture->autosave));
  g_assert_cmpuint (fixture->saved, ==, 0);

  byline_test_spin (400);
  g_assert_cmpuint (fixture->saved, ==, 1);
  g_assert_false (byline_autosave_get_dirty (fixture->autosave));
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "The ferry was late");
  g_string_free (typed, TRUE);
}

static void
test_flush_and_switch (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BylineArticle) other = byline_article_new ();
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  byline_article_set_body (fixture->article, "Typed just before switching");
  /* Switching articles writes what is pending at once. */
  byline_autosave_set_article (fixture->autosave, other);
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "Typed just before switching");

  /* A new article gets its id from its first write. */
  byline_article_set_headline (other, "Fresh");
  g_assert_true (byline_autosave_flush (fixture->autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_id (other), >, 0);
  byline_autosave_set_article (fixture->autosave, NULL);
}

static void
test_failure_keeps_text (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* Someone deletes the article while it is being written. */
  g_assert_true (byline_store_delete_article (fixture->store, byline_article_get_id (fixture->article), NULL));
  byline_article_set_body (fixture->article, "Words that must not vanish");
  byline_test_spin (400);

  g_assert_cmpuint (fixture->failed, >=, 1);
  g_assert_true (byline_autosave_get_dirty (fixture->autosave));
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "Words that must not vanish");

  g_assert_false (byline_autosave_flush (fixture->autosave, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);

  /* Let the fixture finish without another failed write. */
  byline_article_set_id (fixture->article, 0);
  g_assert_true (byline_autosave_flush (fixture->autosave, NULL));
}

/* A save refused until the person decides is not tried again at every
 * keystroke: paused, nothing is written until a flush or resuming. */
static void
test_paused_writes_only_on_flush (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *body = NULL;
  g_autofree char *flushed = NULL;
  g_autofree char *resumed = NULL;
  g_autoptr(GError) error = NULL;

  byline_autosave_set_paused (fixture->autosave, TRUE);
  byline_article_set_body (fixture->article, "Held back");
  byline_test_spin (300);

  g_assert_cmpuint (fixture->saved, ==, 0);
  g_assert_true (byline_autosave_get_dirty (fixture->autosave));
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "");

  /* An explicit flush still writes. */
  g_assert_true (byline_autosave_flush (fixture->autosave, &error));
  g_assert_no_error (error);
  flushed = stored_body (fixture);
  g_assert_cmpstr (flushed, ==, "Held back");

  /* Resuming writes what was typed meanwhile after the usual pause. */
  byline_article_set_body (fixture->article, "Held back, then let go");
  byline_test_spin (200);
  g_assert_cmpuint (fixture->saved, ==, 1);
  byline_autosave_set_paused (fixture->autosave, FALSE);
  byline_test_spin (300);
  g_assert_cmpuint (fixture->saved, ==, 2);
  resumed = stored_body (fixture);
  g_assert_cmpstr (resumed, ==, "Held back, then let go");
}

/* Edits kept some other way are forgotten without a write. */
static void
test_discard_writes_nothing (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *body = NULL;

  byline_article_set_body (fixture->article, "Kept as a revision instead");
  g_assert_true (byline_autosave_get_dirty (fixture->autosave));
  byline_autosave_discard (fixture->autosave);
  g_assert_false (byline_autosave_get_dirty (fixture->autosave));
  byline_test_spin (300);

  g_assert_cmpuint (fixture->saved, ==, 0);
  g_assert_true (byline_autosave_flush (fixture->autosave, NULL));
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "");
}

static void
test_edits_during_save (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *body = NULL;

  byline_article_set_body (fixture->article, "First");
  byline_test_spin (40);   /* the write is under way on its thread */
  byline_article_set_body (fixture->article, "First and second");
  byline_test_spin (400);

  /* The later text is what the disk holds. */
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "First and second");
  g_assert_false (byline_autosave_get_dirty (fixture->autosave));
}

static void
test_steady_typing_still_saves (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GString *typed = g_string_new (NULL);
  g_autofree char *body = NULL;

  /* Someone who never pauses longer than the delay: writes still happen,
   * so a crash mid-sentence loses at most a moment of typing. */
  byline_autosave_set_delay (fixture->autosave, 400);
  for (guint i = 0; i < 30; i++)
    {
      g_string_append (typed, "word ");
      byline_article_set_body (fixture->article, typed->str);
      byline_test_spin (100);
    }

  g_assert_cmpuint (fixture->saved, >=, 1);
  body = stored_body (fixture);
  g_assert_nonnull (body);
  g_assert_cmpuint (strlen (body), >, 0);
  g_string_free (typed, TRUE);
}

/* Another program writing to the newsroom: it holds the write lock for
 * @hold_ms, so a save started meanwhile stays under way on its worker. */
typedef struct
{
  const char *path;
  guint       hold_ms;
  GMutex      mutex;
  GCond       cond;
  gboolean    locked;
} LockHolder;

static void
say_locked (LockHolder *holder)
{
  g_mutex_lock (&holder->mutex);
  holder->locked = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->mutex);
}

/* On a newsroom server, another desk's transaction holds the articles
 * against writes (reads go on), as SQLite's write lock does. */
static void
hold_server_lock (LockHolder *holder)
{
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(GError) error = NULL;

  conn = byline_pg_connection_new (holder->path, NULL, &error);
  g_assert_no_error (error);
  byline_pg_connection_exec (conn, "BEGIN; LOCK TABLE byline.articles IN EXCLUSIVE MODE", "hold", &error);
  g_assert_no_error (error);

  say_locked (holder);

  g_usleep (holder->hold_ms * 1000);
  byline_pg_connection_exec (conn, "COMMIT", "hold", &error);
  g_assert_no_error (error);
}

static gpointer
hold_lock_thread (gpointer data)
{
  LockHolder *holder = data;
  sqlite3 *db = NULL;

  if (byline_pg_is_uri (holder->path))
    {
      hold_server_lock (holder);
      return NULL;
    }

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  say_locked (holder);

  g_usleep (holder->hold_ms * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return NULL;
}

static GThread *
hold_lock (LockHolder *holder,
           const char *path,
           guint       hold_ms)
{
  GThread *thread;

  holder->path = path;
  holder->hold_ms = hold_ms;
  holder->locked = FALSE;
  g_mutex_init (&holder->mutex);
  g_cond_init (&holder->cond);

  thread = g_thread_new ("lock-holder", hold_lock_thread, holder);
  g_mutex_lock (&holder->mutex);
  while (!holder->locked)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);

  return thread;
}

static void
release_lock (LockHolder *holder,
              GThread    *thread)
{
  g_thread_join (thread);
  g_mutex_clear (&holder->mutex);
  g_cond_clear (&holder->cond);
}

static gboolean
count_idle_cb (gpointer data)
{
  guint *count = data;

  (*count)++;
  return G_SOURCE_REMOVE;
}

/* Starts a write of "Harbour notes" and leaves it waiting for the lock on
 * its worker, then types on. */
static GThread *
edit_during_save (Fixture    *fixture,
                  LockHolder *holder,
                  guint       hold_ms)
{
  GThread *thread = hold_lock (holder, fixture->path, hold_ms);

  byline_article_set_body (fixture->article, "Harbour notes");
  byline_test_spin (100);   /* the timer fired: the write waits on its worker */
  g_assert_cmpuint (fixture->saved, ==, 0);

  byline_article_set_body (fixture->article, "Harbour notes, and the newest line");
  g_assert_true (byline_autosave_get_dirty (fixture->autosave));

  return thread;
}

static void
test_flush_joins_save_in_flight (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  gboolean switching = GPOINTER_TO_INT (user_data);
  g_autoptr(BylineArticle) other = byline_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  LockHolder holder;
  GThread *thread;
  guint idles = 0;
  guint idle_id;

  thread = edit_during_save (fixture, &holder, 500);

  /* Anything the main loop would run: a nested loop would run this. */
  idle_id = g_idle_add (count_idle_cb, &idles);

  /* Closing flushes; switching articles flushes the one left. */
  if (switching)
    byline_autosave_set_article (fixture->autosave, other);
  else
    g_assert_true (byline_autosave_flush (fixture->autosave, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (idles, ==, 0);
  g_source_remove (idle_id);

  /* The worker's older write landed first, then the newer text over it. */
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "Harbour notes, and the newest line");
  g_assert_cmpuint (fixture->saved, ==, 2);
  g_assert_cmpuint (fixture->failed, ==, 0);
  g_assert_false (byline_autosave_get_dirty (fixture->autosave));

  /* The worker's own completion, when the main loop gets to it, changes
   * nothing more. */
  release_lock (&holder, thread);
  byline_test_spin (100);
  g_assert_cmpuint (fixture->saved, ==, 2);
  g_clear_pointer (&body, g_free);
  body = stored_body (fixture);
  g_assert_cmpstr (body, ==, "Harbour notes, and the newest line");

  if (switching)
    byline_autosave_set_article (fixture->autosave, NULL);
}

typedef struct
{
  Fixture  *fixture;
  gboolean  done;
  gboolean  ok;
  GError   *error;
  char     *stored;   /* the body on disk when the callback ran */
  guint     saved;    /* writes by then */
} FlushResult;

static void
flush_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FlushResult *flush = user_data;

  flush->ok = byline_autosave_flush_finish (BYLINE_AUTOSAVE (object), result, &flush->error);
  flush->stored = stored_body (flush->fixture);
  flush->saved = flush->fixture->saved;
  flush->done = TRUE;
}

static void
wait_for_flush (FlushResult *flush)
{
  for (guint i = 0; i < 500 && !flush->done; i++)
    byline_test_spin (10);
  g_assert_true (flush->done);
}

static void
test_flush_async_chains (Fixture       *fixture,
                         gconstpointer  user_data)
{
  FlushResult flush = { fixture, };
  FlushResult nothing = { fixture, };
  LockHolder holder;
  GThread *thread;

  thread = edit_during_save (fixture, &holder, 300);

  /* The newer text is written after the write under way, not beside it. */
  byline_autosave_flush_async (fixture->autosave, NULL, flush_done_cb, &flush);
  g_assert_false (flush.done);
  wait_for_flush (&flush);
  release_lock (&holder, thread);

  g_assert_no_error (flush.error);
  g_assert_true (flush.ok);
  g_assert_cmpstr (flush.stored, ==, "Harbour notes, and the newest line");
  g_assert_cmpuint (flush.saved, ==, 2);
  g_assert_false (byline_autosave_get_dirty (fixture->autosave));
  g_free (flush.stored);

  /* With nothing pending it is done at once, with no write. */
  byline_autosave_flush_async (fixture->autosave, NULL, flush_done_cb, &nothing);
  wait_for_flush (&nothing);
  g_assert_true (nothing.ok);
  g_assert_cmpuint (fixture->saved, ==, 2);
  g_free (nothing.stored);
}

static void
test_flush_async_failure (Fixture       *fixture,
                          gconstpointer  user_data)
{
  FlushResult flush = { fixture, };

  /* Deleted elsewhere: the flush says why, and the text stays. */
  g_assert_true (byline_store_delete_article (fixture->store, byline_article_get_id (fixture->article), NULL));
  byline_article_set_body (fixture->article, "Words that must not vanish");
  byline_autosave_flush_async (fixture->autosave, NULL, flush_done_cb, &flush);
  wait_for_flush (&flush);

  g_assert_false (flush.ok);
  g_assert_error (flush.error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_assert_true (byline_autosave_get_dirty (fixture->autosave));
  g_assert_cmpstr (byline_article_get_body (fixture->article), ==, "Words that must not vanish");
  g_clear_error (&flush.error);
  g_free (flush.stored);

  byline_article_set_id (fixture->article, 0);
  g_assert_true (byline_autosave_flush (fixture->autosave, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/byline/autosave/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("debounced-write", test_debounced_write);
  ADD ("flush-and-switch", test_flush_and_switch);
  ADD ("failure-keeps-text", test_failure_keeps_text);
  ADD ("paused-writes-only-on-flush", test_paused_writes_only_on_flush);
  ADD ("discard-writes-nothing", test_discard_writes_nothing);
  ADD ("edits-during-save", test_edits_during_save);
  ADD ("steady-typing-still-saves", test_steady_typing_still_saves);
  g_test_add ("/byline/autosave/close-joins-save-in-flight", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_flush_joins_save_in_flight, fixture_tear_down);
  g_test_add ("/byline/autosave/switch-joins-save-in-flight", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_flush_joins_save_in_flight, fixture_tear_down);
  ADD ("flush-async-chains", test_flush_async_chains);
  ADD ("flush-async-failure", test_flush_async_failure);

#undef ADD

  return g_test_run ();
}
