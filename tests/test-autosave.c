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
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = byline_test_make_tmp_dir ("byline-autosave-XXXXXX");
  path = g_build_filename (fixture->dir, "newsroom.db", NULL);
  fixture->store = byline_test_store_new (path);

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

  byline_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
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
  ADD ("edits-during-save", test_edits_during_save);
  ADD ("steady-typing-still-saves", test_steady_typing_still_saves);

#undef ADD

  return g_test_run ();
}
