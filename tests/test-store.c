/* test-store.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "byline-article-fields.h"
#include "byline-limits.h"
#include "byline-pin.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"

typedef BylineTestNewsroom Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  byline_test_newsroom_set_up (fixture, "byline-store-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  byline_test_newsroom_tear_down (fixture);
}

static BylineArticle *
make_article (const char *headline,
              const char *body)
{
  BylineArticle *article = byline_article_new ();

  byline_article_set_headline (article, headline);
  byline_article_set_body (article, body);
  return article;
}

static gint64
save_new (BylineStore *store,
          const char  *headline,
          const char  *body)
{
  g_autoptr(BylineArticle) article = make_article (headline, body);
  gint64 id = byline_test_save_article (store, article);

  g_assert_cmpint (id, >, 0);

  return id;
}

static guint
search_count (BylineStore *store,
              const char  *words)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  guint count;

  query.search = words;
  count = byline_store_count_articles (store, &query, &error);
  g_assert_no_error (error);

  return count;
}

static void
test_migrate_from_empty (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  BYLINE_TEST_SKIP_ON_SERVER ("a newsroom file's header and tables; test-store-pg makes a server's schema");

  /* A zero-byte file, as "touch" leaves it, becomes a newsroom too. */
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  store = byline_store_new (empty_path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (byline_test_sql_int (empty_path, "PRAGMA user_version"), ==, BYLINE_STORE_SCHEMA_VERSION);
  /* Bytes 18 and 19 of the header are 2 in WAL mode. */
  {
    g_autofree char *header = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (empty_path, &header, &len, NULL));
    g_assert_cmpuint (len, >=, 100);
    g_assert_cmpint (header[18], ==, 2);
    g_assert_cmpint (header[19], ==, 2);
  }
  g_assert_cmpint (byline_test_sql_int (empty_path,
                                        "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                        "('articles', 'articles_fts', 'pins')"), ==, 3);
  g_assert_cmpint (byline_test_sql_int (empty_path,
                                        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 19);

  /* Opening again runs no migration and keeps what was written. */
  save_new (store, "Ferry timetable changes from Monday", "The harbour ferry runs later.");
  g_clear_object (&store);
  store = byline_store_new (empty_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_store_count_articles (store, NULL, NULL), ==, 1);
}

static void
test_migrate_refuses_newer (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  BYLINE_TEST_SKIP_ON_SERVER ("a newsroom file's bytes; test-store-pg refuses a server's newer schema");

  save_new (fixture->store, "Library extends opening hours", "Open until nine.");
  g_clear_object (&fixture->store);

  byline_test_sql_exec (fixture->path, "PRAGMA user_version = 99");
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));

  store = byline_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Byline"));

  /* Refused, not damaged: the file is byte for byte what it was. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (byline_test_sql_int (fixture->path, "PRAGMA user_version"), ==, 99);
}

/* Twelve programs opening the same new file at once (a newsroom's first
 * morning): each waits for the others' schema steps instead of running
 * them again, and every one of them opens the newsroom. Threads, each
 * with its own connection, released together so that they collide. */
typedef struct
{
  const char *path;
  GMutex      mutex;
  GCond       cond;
  gboolean    go;
} StartLine;

static gpointer
open_at_once_thread (gpointer data)
{
  StartLine *start = data;
  BylineStore *store;
  GError *error = NULL;

  g_mutex_lock (&start->mutex);
  while (!start->go)
    g_cond_wait (&start->cond, &start->mutex);
  g_mutex_unlock (&start->mutex);

  store = byline_store_new (start->path, &error);
  if (store == NULL)
    return error;

  g_object_unref (store);
  return NULL;
}

static void
test_migrate_twelve_at_once (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "first-morning.db", NULL);
  StartLine start = { path, };
  GThread *threads[12];

  BYLINE_TEST_SKIP_ON_SERVER ("a newsroom file's schema; test-store-pg opens a new database twelve times at once");

  g_mutex_init (&start.mutex);
  g_cond_init (&start.cond);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("open", open_at_once_thread, &start);

  g_mutex_lock (&start.mutex);
  start.go = TRUE;
  g_cond_broadcast (&start.cond);
  g_mutex_unlock (&start.mutex);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GError) error = g_thread_join (threads[i]);

      if (error != NULL)
        g_error ("Newsroom %u of %u could not open the new file: %s",
                 i + 1, (guint) G_N_ELEMENTS (threads), error->message);
    }

  g_mutex_clear (&start.mutex);
  g_cond_clear (&start.cond);

  g_assert_cmpint (byline_test_sql_int (path, "PRAGMA user_version"), ==, BYLINE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (byline_test_sql_int (path,
                                        "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                        "('articles', 'articles_fts', 'pins', 'revisions', 'notes')"), ==, 5);
  /* The first revision step copies existing articles: run twice, it would
   * have left twice as many (none here), and failed on its ALTER TABLE. */
  g_assert_cmpint (byline_test_sql_int (path, "SELECT count(*) FROM revisions"), ==, 0);
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "council", "budget", NULL };
  gint64 id, other;

  byline_article_set_headline (article, "Council approves harbour budget");
  byline_article_set_standfirst (article, "Dredging and a new pier lead the spending.");
  byline_article_set_byline (article, "Ana Ferreira");
  byline_article_set_dateline (article, "PORTVALE");
  byline_article_set_caption (article, "Councillors vote in the old town hall");
  byline_article_set_credit (article, "Portvale Courier");
  byline_article_set_image (article, "/srv/photos/vote.jpg");
  byline_article_set_image_alt (article, "Raised hands in a wood-panelled chamber");
  byline_article_set_body (article, "The council voted 9–2.\n\nWork starts in May.");
  byline_article_set_section (article, "Local");
  byline_article_set_tags (article, tags);
  byline_article_set_status (article, BYLINE_STATUS_IN_REVIEW);
  byline_article_set_published (article, 1677834300);
  byline_article_set_language (article, "en-GB");

  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);
  id = byline_article_get_id (article);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (strlen (byline_article_get_uuid (article)), ==, 36);
  g_assert_cmpstr (byline_article_get_slug (article), ==, "council-approves-harbour-budget");
  g_assert_cmpint (byline_article_get_created (article), >, 0);

  loaded = byline_store_load_article (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (loaded), ==, "Council approves harbour budget");
  g_assert_cmpstr (byline_article_get_standfirst (loaded), ==, "Dredging and a new pier lead the spending.");
  g_assert_cmpstr (byline_article_get_byline (loaded), ==, "Ana Ferreira");
  g_assert_cmpstr (byline_article_get_dateline (loaded), ==, "PORTVALE");
  g_assert_cmpstr (byline_article_get_caption (loaded), ==, "Councillors vote in the old town hall");
  g_assert_cmpstr (byline_article_get_credit (loaded), ==, "Portvale Courier");
  g_assert_cmpstr (byline_article_get_image (loaded), ==, "/srv/photos/vote.jpg");
  g_assert_cmpstr (byline_article_get_image_alt (loaded), ==, "Raised hands in a wood-panelled chamber");
  g_assert_cmpstr (byline_article_get_body (loaded), ==, "The council voted 9–2.\n\nWork starts in May.");
  g_assert_cmpstr (byline_article_get_section (loaded), ==, "Local");
  g_assert_true (g_strv_equal (byline_article_get_tags (loaded), tags));
  g_assert_cmpint (byline_article_get_status (loaded), ==, BYLINE_STATUS_IN_REVIEW);
  g_assert_cmpint (byline_article_get_published (loaded), ==, 1677834300);
  g_assert_cmpstr (byline_article_get_language (loaded), ==, "en-GB");
  g_assert_cmpstr (byline_article_get_uuid (loaded), ==, byline_article_get_uuid (article));

  /* Update in place: same id, same uuid, new text. */
  byline_article_set_headline (loaded, "Council approves harbour budget after late vote");
  g_assert_true (byline_store_save_article (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_id (loaded), ==, id);
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, id, &error);
  g_assert_cmpstr (byline_article_get_headline (loaded), ==, "Council approves harbour budget after late vote");
  g_assert_cmpstr (byline_article_get_uuid (loaded), ==, byline_article_get_uuid (article));

  /* The list is newest first and leaves bodies out. */
  other = save_new (fixture->store, "Storm warning for the coast", "Gales expected tonight.");
  list = byline_store_list_articles (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (byline_article_summary_get_id (g_ptr_array_index (list, 0)), ==, other);
  g_assert_cmpint (byline_article_summary_get_id (g_ptr_array_index (list, 1)), ==, id);
  g_assert_cmpstr (byline_article_summary_get_headline (g_ptr_array_index (list, 1)), ==,
                   "Council approves harbour budget after late vote");
  g_assert_true (g_strv_equal (byline_article_summary_get_tags (g_ptr_array_index (list, 1)), tags));
  g_assert_cmpint (byline_article_summary_get_status (g_ptr_array_index (list, 1)), ==,
                   BYLINE_STATUS_IN_REVIEW);

  {
    BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;

    query.status = BYLINE_STATUS_IN_REVIEW;
    g_assert_cmpuint (byline_store_count_articles (fixture->store, &query, NULL), ==, 1);
    query.status = BYLINE_STATUS_PUBLISHED;
    g_assert_cmpuint (byline_store_count_articles (fixture->store, &query, NULL), ==, 0);
  }

  g_assert_cmpint (byline_store_find_by_headline (fixture->store, "storm WARNING for the coast", NULL), ==, other);
  g_assert_cmpint (byline_store_find_by_headline (fixture->store, "No such story", NULL), ==, 0);

  g_assert_true (byline_store_delete_article (fixture->store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
}

static void
test_slug_frozen_when_published (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = make_article ("Harbour festival returns", "Music on the quay.");
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  byline_article_set_headline (article, "Harbour festival returns for a week");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_cmpstr (byline_article_get_slug (article), ==, "harbour-festival-returns-for-a-week");

  byline_article_set_status (article, BYLINE_STATUS_PUBLISHED);
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  byline_article_set_headline (article, "Harbour festival draws record crowds");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);
  /* Published pages keep their address. */
  g_assert_cmpstr (byline_article_get_slug (article), ==, "harbour-festival-returns-for-a-week");
}

static void
test_fts_in_step (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = save_new (fixture->store, "Lighthouse keeper retires", "After forty winters on the headland.");
  save_new (fixture->store, "School board elects chair", "The vote was unanimous.");

  g_assert_cmpuint (search_count (fixture->store, "headland"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "lighthouse"), ==, 1);
  /* The last word is a prefix, so results follow typing. */
  g_assert_cmpuint (search_count (fixture->store, "lightho"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "unanimous vote"), ==, 1);
  /* Search syntax typed by a person is text, not an FTS5 error. */
  g_assert_cmpuint (search_count (fixture->store, "\"keeper AND OR NEAR( *"), ==, 0);

  article = byline_store_load_article (fixture->store, id, &error);
  g_assert_no_error (error);
  byline_article_set_body (article, "After forty winters by the estuary.");
  byline_article_set_tags_string (article, "maritime, people");
  byline_article_set_caption (article, "The lamp room at dusk");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));

  g_assert_cmpuint (search_count (fixture->store, "headland"), ==, 0);
  g_assert_cmpuint (search_count (fixture->store, "estuary"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "maritime"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "dusk"), ==, 1);

  /* Trashed articles leave the live list, deleted ones leave the index. */
  g_assert_true (byline_store_trash_article (fixture->store, id, &error));
  g_assert_cmpuint (search_count (fixture->store, "estuary"), ==, 0);
  g_assert_true (byline_store_delete_article (fixture->store, id, &error));
  g_assert_no_error (error);
  if (byline_test_on_server ())
    {
      /* The index is a column of the row: it goes with it. */
      g_assert_cmpint (byline_test_sql_int (fixture->path,
                                            "SELECT count(*) FROM articles WHERE search @@ 'estuary'::tsquery"), ==, 0);
      g_assert_cmpint (byline_test_sql_int (fixture->path,
                                            "SELECT count(*) FROM articles WHERE search @@ 'unanim'::tsquery"), ==, 1);
    }
  else
    {
      g_assert_cmpint (byline_test_sql_int (fixture->path,
                                            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'estuary'"), ==, 0);
      g_assert_cmpint (byline_test_sql_int (fixture->path,
                                            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'unanimous'"), ==, 1);
    }
}

static void
test_pins (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(BylineArticle) story = NULL;
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylineArticle) earlier = NULL;
  g_autoptr(BylinePin) pin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page_name = NULL;
  gint64 earlier_id;
  GListModel *pins;

  earlier_id = save_new (fixture->store, "Pier closed after storm damage", "Engineers inspect it.");

  story = make_article ("Pier reopens to walkers", "First.\n\nSecond.\n\nThird.");
  byline_article_add_pin (story, byline_pin_new (1, 0, "Pier closed after storm damage"));
  byline_article_add_pin (story, byline_pin_new (2, 0, "A story we never stored"));
  byline_store_resolve_pins (fixture->store, story);
  g_assert_true (byline_store_save_article (fixture->store, story, &error));
  g_assert_no_error (error);

  loaded = byline_store_load_article (fixture->store, byline_article_get_id (story), &error);
  pins = byline_article_get_pins (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (pins), ==, 2);
  pin = g_list_model_get_item (pins, 0);
  g_assert_cmpint (byline_pin_get_related_id (pin), ==, earlier_id);
  g_assert_cmpuint (byline_pin_get_position (pin), ==, 1);
  page_name = g_strdup_printf ("%" G_GINT64_FORMAT "-pier-closed-after-storm-damage.html", earlier_id);
  g_assert_cmpstr (byline_pin_get_page_name (pin), ==, page_name);
  g_clear_object (&pin);
  pin = g_list_model_get_item (pins, 1);
  g_assert_false (byline_pin_is_resolved (pin));
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "A story we never stored");
  g_assert_null (byline_pin_get_page_name (pin));
  g_clear_object (&pin);

  /* A related article's new headline shows wherever it is linked. */
  earlier = byline_store_load_article (fixture->store, earlier_id, &error);
  byline_article_set_headline (earlier, "Pier shut after winter storm");
  g_assert_true (byline_store_save_article (fixture->store, earlier, &error));
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, byline_article_get_id (story), &error);
  pin = g_list_model_get_item (byline_article_get_pins (loaded), 0);
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "Pier shut after winter storm");
  g_assert_false (byline_pin_get_related_spiked (pin));
  g_clear_object (&pin);

  /* Spiked or trashed related articles are flagged. */
  g_assert_true (byline_store_trash_article (fixture->store, earlier_id, &error));
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, byline_article_get_id (story), &error);
  pin = g_list_model_get_item (byline_article_get_pins (loaded), 0);
  g_assert_true (byline_pin_get_related_spiked (pin));
  g_clear_object (&pin);

  /* Deleting the related article leaves an unresolved pin with its last headline. */
  g_assert_true (byline_store_delete_article (fixture->store, earlier_id, &error));
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, byline_article_get_id (story), &error);
  pin = g_list_model_get_item (byline_article_get_pins (loaded), 0);
  g_assert_false (byline_pin_is_resolved (pin));
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "Pier shut after winter storm");
  g_clear_object (&pin);

  /* Deleting the article takes its pins with it. */
  g_assert_true (byline_store_delete_article (fixture->store, byline_article_get_id (story), &error));
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM pins"), ==, 0);
}

static void
test_pins_to_vanished_articles (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = make_article ("Tram line extension", "Three new stops.");
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylinePin) pin = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  id = byline_article_get_id (article);

  /* The linked article was deleted while this one was open: the words are
   * saved all the same, and the link stays as an unresolved headline. */
  byline_article_set_body (article, "Five new stops.");
  byline_article_add_pin (article, byline_pin_new (1, 99999, "Ghost story"));
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);
  loaded = byline_store_load_article (fixture->store, id, &error);
  g_assert_cmpstr (byline_article_get_body (loaded), ==, "Five new stops.");
  pin = g_list_model_get_item (byline_article_get_pins (loaded), 0);
  g_assert_false (byline_pin_is_resolved (pin));
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "Ghost story");

  /* A link to itself is refused, and the body change goes back with it. */
  byline_article_clear_pins (article);
  byline_article_set_body (article, "Six new stops.");
  byline_article_add_pin (article, byline_pin_new (1, id, "Itself"));
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, id, &error);
  g_assert_cmpstr (byline_article_get_body (loaded), ==, "Five new stops.");
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  user_data)
{
  BylineArticleQuery trash = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  trash.trashed = TRUE;
  a = save_new (fixture->store, "Bakery wins regional prize", "Sourdough.");
  b = save_new (fixture->store, "Road works on the bridge", "Expect delays.");

  g_assert_true (byline_store_trash_article (fixture->store, a, &error));
  g_assert_cmpuint (byline_store_count_articles (fixture->store, NULL, NULL), ==, 1);
  g_assert_cmpuint (byline_store_count_articles (fixture->store, &trash, NULL), ==, 1);

  g_assert_true (byline_store_restore_article (fixture->store, a, &error));
  g_assert_cmpuint (byline_store_count_articles (fixture->store, NULL, NULL), ==, 2);

  g_assert_true (byline_store_trash_article (fixture->store, a, &error));
  g_assert_true (byline_store_trash_article (fixture->store, b, &error));
  g_assert_true (byline_store_empty_trash (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 0);

  g_assert_false (byline_store_trash_article (fixture->store, a, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
}

static void
changed_cb (BylineStore *store,
            gint64       id,
            gint64      *last)
{
  *last = id;
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = NULL;
  gint64 last = -1;
  gint64 last_inserted = -1;
  gint64 last_trashed = -1;
  gint64 id;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &last);
  g_signal_connect (fixture->store, "changed::" BYLINE_STORE_CHANGED_INSERTED,
                    G_CALLBACK (changed_cb), &last_inserted);
  g_signal_connect (fixture->store, "changed::" BYLINE_STORE_CHANGED_TRASHED,
                    G_CALLBACK (changed_cb), &last_trashed);

  id = save_new (fixture->store, "Signal test", "Body.");
  g_assert_cmpint (last, ==, id);
  g_assert_cmpint (last_inserted, ==, id);
  g_assert_cmpint (last_trashed, ==, -1);

  /* The detail says what changed: a save of a stored article is no
   * insertion. */
  last = last_inserted = -1;
  article = byline_test_load_article (fixture->store, id);
  byline_article_set_body (article, "Another body.");
  byline_test_save_article (fixture->store, article);
  g_assert_cmpint (last, ==, id);
  g_assert_cmpint (last_inserted, ==, -1);

  last = -1;
  byline_store_trash_article (fixture->store, id, NULL);
  g_assert_cmpint (last, ==, id);
  g_assert_cmpint (last_trashed, ==, id);
  g_assert_cmpint (last_inserted, ==, -1);
}

static void
test_summary_cannot_be_saved (Fixture       *fixture,
                              gconstpointer  user_data)
{
  const char *body = "The harbour ferry runs later from Monday.\n\nTimes are below.";
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *headline = NULL;
  BylineArticleSummary *summary;

  save_new (fixture->store, "Ferry timetable changes", body);
  list = byline_store_list_articles (fixture->store, NULL, &error);
  g_assert_no_error (error);
  summary = g_ptr_array_index (list, 0);
  g_assert_true (BYLINE_IS_ARTICLE_SUMMARY (summary));
  g_assert_false (BYLINE_IS_ARTICLE (summary));

  /* A summary where an article goes does not compile
   * (-Werror=incompatible-pointer-types); forced through a cast, the store
   * refuses it and writes nothing: the body stays. */
  g_test_expect_message ("byline-store", G_LOG_LEVEL_CRITICAL, "*BYLINE_IS_ARTICLE*");
  g_assert_false (byline_store_save_article (fixture->store, (BylineArticle *)summary, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  stored = byline_test_sql_text (fixture->path, "SELECT body FROM articles");
  g_assert_cmpstr (stored, ==, body);
  g_clear_pointer (&stored, g_free);

  /* Listed, loaded by the row's id, edited and saved: every word kept. */
  article = byline_store_load_article (fixture->store, byline_article_summary_get_id (summary), &error);
  g_assert_no_error (error);
  byline_article_set_headline (article, "Ferry timetable changes from Monday");
  byline_test_save_article (fixture->store, article);
  stored = byline_test_sql_text (fixture->path, "SELECT body FROM articles");
  headline = byline_test_sql_text (fixture->path, "SELECT headline FROM articles");
  g_assert_cmpstr (stored, ==, body);
  g_assert_cmpstr (headline, ==, "Ferry timetable changes from Monday");
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
}

/* The field table and the newsroom file's schema describe the same
 * columns. */
static void
check_field_table_sqlite (const char *path)
{
  guint n_searched = 0;

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];
      g_autofree char *column_sql =
        g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('articles') WHERE name = '%s'",
                         field->name);
      g_autofree char *revision_sql =
        g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('revisions') WHERE name = '%s'",
                         field->name);

      g_assert_cmpint (byline_test_sql_int (path, column_sql), ==, 1);

      if (field->flags & BYLINE_FIELD_REVISION)
        g_assert_cmpint (byline_test_sql_int (path, revision_sql), ==, 1);

      if (field->flags & BYLINE_FIELD_SEARCHED)
        {
          g_autofree char *fts_sql =
            g_strdup_printf ("SELECT name FROM pragma_table_info ('articles_fts') WHERE cid = %u",
                             n_searched++);
          g_autofree char *fts_column = byline_test_sql_text (path, fts_sql);

          /* In table order: the backend's bm25 weights follow it. */
          g_assert_cmpstr (fts_column, ==, field->name);
        }
    }

  g_assert_cmpint (byline_test_sql_int (path, "SELECT count(*) FROM pragma_table_info ('articles_fts')"),
                   ==, n_searched);
}

/* The same for a server's: the columns, and what its search column is
 * made of. */
static void
check_field_table_server (const char *uri)
{
  g_autofree char *search = byline_test_sql_text (uri,
                                                  "SELECT pg_get_expr (d.adbin, d.adrelid)"
                                                  " FROM pg_attrdef d JOIN pg_attribute a"
                                                  " ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                                                  " WHERE d.adrelid = 'byline.articles'::regclass"
                                                  " AND a.attname = 'search'");

  g_assert_nonnull (search);
  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];
      g_autofree char *column_sql =
        g_strdup_printf ("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'byline'"
                         " AND table_name = 'articles' AND column_name = '%s'", field->name);
      g_autofree char *revision_sql =
        g_strdup_printf ("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'byline'"
                         " AND table_name = 'revisions' AND column_name = '%s'", field->name);

      g_assert_cmpint (byline_test_sql_int (uri, column_sql), ==, 1);

      if (field->flags & BYLINE_FIELD_REVISION)
        g_assert_cmpint (byline_test_sql_int (uri, revision_sql), ==, 1);

      if (field->flags & BYLINE_FIELD_SEARCHED)
        g_assert_nonnull (strstr (search, field->name));
    }
}

static void
test_field_table_matches_schema (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  if (byline_test_on_server ())
    check_field_table_server (fixture->path);
  else
    check_field_table_sqlite (fixture->path);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (field->flags & BYLINE_FIELD_SEARCHED)
        g_assert_cmpfloat (field->related_weight, >, 0);
      if (field->flags & BYLINE_FIELD_CHECKED)
        g_assert_nonnull (field->label);
    }
}

static void
test_server_unreachable (void)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* The engine is chosen by the location: no file is made for a server's
   * address, and the message names the server, never the password. */
  store = byline_store_new ("postgresql://ana:s3cret@127.0.0.1:1/newsroom?connect_timeout=5", &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "newsroom server"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_null (strstr (error->message, "s3cret"));
  g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));
}

static void
test_second_connection (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(BylineStore) reader = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;
  gint64 id;

  BYLINE_TEST_SKIP_ON_SERVER ("SQLite's file lock; test-store-pg waits for another desk's row lock");

  id = save_new (fixture->store, "Market hall restoration", "Scaffolding goes up.");

  /* Another program holds the write lock with an uncommitted change. */
  g_assert_cmpint (sqlite3_open (fixture->path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer,
                                 "BEGIN IMMEDIATE;"
                                 "UPDATE articles SET headline = 'uncommitted' WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Reading goes on (WAL), and sees only committed text. */
  reader = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  article = byline_store_load_article (reader, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Market hall restoration");
  g_assert_cmpuint (byline_store_count_articles (fixture->store, NULL, &error), ==, 1);

  /* Writing waits, then fails with a message a person can act on. */
  byline_store_set_busy_timeout (fixture->store, 50);
  byline_article_set_headline (article, "Market hall restoration begins");
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);
  g_clear_object (&article);
  article = byline_store_load_article (reader, id, &error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Market hall restoration begins");
}

/* Two desks on one newsroom: each save names the version it edited, and a
 * save of an older version is refused, never applied over the newer one. */
static void
test_stale_save_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(BylineStore) other_desk = NULL;
  g_autoptr(BylineArticle) mine = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ana = NULL;
  gint64 id;

  id = save_new (fixture->store, "Ferry fares rise", "Fares rise in May.");
  other_desk = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  byline_store_set_user_name (other_desk, "Ana García");
  /* A newsroom server records its login role instead. */
  ana = byline_test_author (other_desk, "Ana García");

  mine = byline_store_load_article (fixture->store, id, &error);
  theirs = byline_store_load_article (other_desk, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_version (mine), ==, 1);

  byline_article_set_body (theirs, "Fares rise by a tenth in May.");
  g_assert_true (byline_store_save_article (other_desk, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_version (theirs), ==, 2);
  g_assert_cmpstr (byline_article_get_updated_by (theirs), ==, ana);

  /* My copy is of version 1: refused, saying who changed what. */
  byline_article_set_body (mine, "Fares rise in June.");
  g_assert_false (byline_store_save_article (fixture->store, mine, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, ana));
  g_assert_nonnull (strstr (error->message, "Ferry fares rise"));
  g_clear_error (&error);
  g_assert_cmpint (byline_article_get_version (mine), ==, 1);

  stored = byline_store_load_article (fixture->store, id, &error);
  g_assert_cmpstr (byline_article_get_body (stored), ==, "Fares rise by a tenth in May.");
  g_assert_cmpint (byline_article_get_version (stored), ==, 2);

  /* Saving on top of the stored version works, and counts on. */
  byline_article_set_body (stored, "Fares rise by a tenth in June.");
  g_assert_true (byline_store_save_article (fixture->store, stored, &error));
  g_assert_cmpint (byline_article_get_version (stored), ==, 3);

  /* A deleted article is said to be deleted, not changed. */
  g_assert_true (byline_store_delete_article (other_desk, id, &error));
  g_assert_false (byline_store_save_article (fixture->store, stored, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
}

/* The bug measured on main: a state change made elsewhere (the command
 * line) while the article was open was undone by the window's next
 * autosave, which cleared the published time and renamed the page. */
static void
test_state_change_elsewhere_kept (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(BylineStore) command_line = NULL;
  g_autoptr(BylineArticle) window = NULL;
  g_autoptr(BylineArticle) elsewhere = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  gint64 id;

  id = save_new (fixture->store, "Harbour reopens", "Boats are back.");
  window = byline_store_load_article (fixture->store, id, &error);
  g_assert_no_error (error);

  command_line = byline_store_new (fixture->path, &error);
  elsewhere = byline_store_load_article (command_line, id, &error);
  g_assert_true (byline_store_set_status (command_line, elsewhere, BYLINE_STATUS_IN_REVIEW, "desk", &error));
  g_assert_true (byline_store_set_status (command_line, elsewhere, BYLINE_STATUS_APPROVED, "desk", &error));
  g_assert_true (byline_store_set_status (command_line, elsewhere, BYLINE_STATUS_PUBLISHED, "desk", &error));
  g_assert_no_error (error);
  page = byline_article_dup_page_name (elsewhere);

  /* The window's autosave of its old copy. */
  byline_article_set_headline (window, "Harbour reopens to ferries");
  g_assert_false (byline_store_save_article (fixture->store, window, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT);

  stored = byline_store_load_article (fixture->store, id, &error);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (stored), >, 0);
  g_assert_cmpstr (byline_article_get_headline (stored), ==, "Harbour reopens");
  {
    g_autofree char *stored_page = byline_article_dup_page_name (stored);
    g_assert_cmpstr (stored_page, ==, page);
  }
}

typedef struct
{
  gint64  id;
  GString *details;
} Seen;

static void
seen_cb (BylineStore *store,
         gint64       id,
         Seen        *seen)
{
  /* The detail is in the signal's emission; ask the hint for it. */
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);

  if (id != seen->id)
    return;
  g_string_append_printf (seen->details, "%s%s ", g_quark_to_string (hint->detail),
                          byline_store_change_is_from_elsewhere (store) ? "@elsewhere" : "");
}

/* Waits at most a second for @details among what @seen saw. */
static void
wait_for_details (Seen       *seen,
                  const char *details)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (1000, byline_test_timeout_cb, &timed_out);

  while (strstr (seen->details->str, details) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Saw “%s” in a second, not “%s”", seen->details->str, details);
  g_source_remove (timeout_id);
}

/* What another program writes to the newsroom file shows here within a
 * second, article by article, with what happened to it. */
static void
test_changes_from_another_program (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(BylineStore) other = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_auto(BylineTestRun) run = { 0, };
  Seen seen = { 0, g_string_new (NULL) };

  g_assert_true (byline_store_watch_changes (fixture->store, &error));
  g_assert_no_error (error);

  /* A second connection in this process, as a second window would be. */
  other = byline_store_new (fixture->path, &error);
  article = make_article ("Lifeboat launched", "The crew went out at dawn.");
  g_assert_true (byline_store_save_article (other, article, &error));
  seen.id = byline_article_get_id (article);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (seen_cb), &seen);
  wait_for_details (&seen, "inserted");

  byline_article_set_body (article, "The crew went out at dawn and came back at noon.");
  g_assert_true (byline_store_save_article (other, article, &error));
  wait_for_details (&seen, "saved");

  /* The command line, another process. */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, seen.id);
  {
    const char *args[] = { "--database", fixture->path, "--set-status", id_text, "in-review", NULL };
    g_auto(GStrv) env = byline_test_environ_without_display ();

    byline_test_run_byline (&run, NULL, env, args);
    byline_test_run_assert_success (&run);
  }
  wait_for_details (&seen, "status");

  g_assert_true (byline_store_trash_article (other, seen.id, &error));
  wait_for_details (&seen, "trashed");

  /* Each came from elsewhere, and says so; a change made here does not. */
  {
    g_autofree char *text = g_strstrip (g_strdup (seen.details->str));
    g_auto(GStrv) details = g_strsplit (text, " ", -1);

    for (guint i = 0; details[i] != NULL; i++)
      g_assert_true (g_str_has_suffix (details[i], "@elsewhere"));
  }
  g_assert_true (byline_store_restore_article (fixture->store, seen.id, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (seen.details->str, "@elsewhere restored "));

  g_string_free (seen.details, TRUE);
}

/* Edit locks between two desks on one newsroom. */
static void
test_edit_locks (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BylineStore) ben_desk = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *sql = NULL;
  BylineArticleSummary *summary;
  gboolean acquired = FALSE;
  gboolean held = FALSE;
  Seen seen = { 0, g_string_new (NULL) };
  gint64 id;

  id = save_new (fixture->store, "Pier closed for repairs", "The pier shuts on Monday.");
  byline_store_set_user_name (fixture->store, "Ana García");
  ben_desk = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  byline_store_set_user_name (ben_desk, "Ben Okafor");
  g_assert_cmpstr (byline_store_get_desk (fixture->store), !=, byline_store_get_desk (ben_desk));

  /* Ana opens it: hers. */
  g_assert_true (byline_store_lock_article (fixture->store, id, FALSE, &acquired, &holder, &error));
  g_assert_no_error (error);
  g_assert_true (acquired);
  g_clear_pointer (&holder, g_free);

  /* Ben is told who edits it, and his list says so too. */
  g_assert_true (byline_store_lock_article (ben_desk, id, FALSE, &acquired, &holder, &error));
  g_assert_false (acquired);
  g_assert_cmpstr (holder, ==, "Ana García");
  g_clear_pointer (&holder, g_free);
  summaries = byline_store_list_articles (ben_desk, NULL, &error);
  g_assert_no_error (error);
  summary = g_ptr_array_index (summaries, 0);
  g_assert_cmpstr (byline_article_summary_get_editor_name (summary), ==, "Ana García");
  g_assert_cmpstr (byline_article_summary_get_editor_desk (summary), ==,
                   byline_store_get_desk (fixture->store));

  /* Ben takes over; Ana's desk hears it at once and its heartbeat says so. */
  g_assert_true (byline_store_watch_changes (fixture->store, &error));
  seen.id = id;
  g_signal_connect (fixture->store, "changed", G_CALLBACK (seen_cb), &seen);
  g_assert_true (byline_store_lock_article (ben_desk, id, TRUE, &acquired, &holder, &error));
  g_assert_true (acquired);
  wait_for_details (&seen, "lock");
  g_assert_true (byline_store_heartbeat_lock (fixture->store, id, &held, &error));
  g_assert_false (held);
  g_assert_true (byline_store_heartbeat_lock (ben_desk, id, &held, &error));
  g_assert_true (held);

  /* Ben's desk vanishes: after the lapse, the lock is free for Ana. */
  sql = g_strdup_printf (byline_test_on_server ()
                         ? "UPDATE edit_locks SET heartbeat = heartbeat - interval '%d seconds'"
                         : "UPDATE edit_locks SET heartbeat = heartbeat - %d",
                         BYLINE_LOCK_LAPSE + 1);
  byline_test_sql_exec (fixture->path, sql);
  g_clear_pointer (&holder, g_free);
  g_assert_true (byline_store_lock_article (fixture->store, id, FALSE, &acquired, &holder, &error));
  g_assert_true (acquired);

  /* Closing releases it. */
  g_assert_true (byline_store_unlock_article (fixture->store, id, &error));
  g_clear_pointer (&holder, g_free);
  g_assert_true (byline_store_lock_article (ben_desk, id, FALSE, &acquired, &holder, &error));
  g_assert_true (acquired);
  g_assert_no_error (error);

  g_string_free (seen.details, TRUE);
}

/* The newsroom dictionary is the newsroom's: a word one desk adds, another
 * desk's list has, and hears of at once; bad words are refused with a
 * reason. */
static void
test_dictionary_shared (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(BylineStore) other_desk = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  Seen seen = { 0, g_string_new (NULL) };

  words = byline_store_list_dictionary (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (words), ==, 0);
  g_clear_pointer (&words, g_strfreev);

  g_assert_true (byline_store_add_to_dictionary (fixture->store, "Zelenskyy", &error));
  g_assert_no_error (error);
  g_assert_true (byline_store_add_to_dictionary (fixture->store, " Kyiv ", &error));
  g_assert_no_error (error);
  /* Twice is once. */
  g_assert_true (byline_store_add_to_dictionary (fixture->store, "Kyiv", &error));
  g_assert_no_error (error);
  g_assert_true (byline_store_add_to_dictionary (fixture->store, "Ōtautahi", &error));
  g_assert_no_error (error);

  other_desk = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  words = byline_store_list_dictionary (other_desk, &error);
  g_assert_no_error (error);
  joined = g_strjoinv ("|", words);
  g_assert_cmpstr (joined, ==, "Kyiv|Zelenskyy|Ōtautahi");
  g_clear_pointer (&words, g_strfreev);
  g_clear_pointer (&joined, g_free);

  g_assert_false (byline_store_add_to_dictionary (fixture->store, "two words", &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (byline_store_add_to_dictionary (fixture->store, "  ", &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (byline_store_add_to_dictionary (fixture->store, "\xff\xfe", &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* This desk hears another desk's word as a change of the dictionary,
   * and reads it at once. */
  g_assert_true (byline_store_watch_changes (fixture->store, &error));
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (seen_cb), &seen);
  g_assert_true (byline_store_add_to_dictionary (other_desk, "Mykolaiv", &error));
  g_assert_no_error (error);
  wait_for_details (&seen, "dictionary@elsewhere");
  words = byline_store_list_dictionary (fixture->store, &error);
  joined = g_strjoinv ("|", words);
  g_assert_cmpstr (joined, ==, "Kyiv|Mykolaiv|Zelenskyy|Ōtautahi");
  g_clear_pointer (&words, g_strfreev);
  g_clear_pointer (&joined, g_free);

  g_string_truncate (seen.details, 0);
  g_assert_true (byline_store_remove_from_dictionary (other_desk, "Zelenskyy", &error));
  g_assert_no_error (error);
  wait_for_details (&seen, "dictionary@elsewhere");
  words = byline_store_list_dictionary (fixture->store, &error);
  joined = g_strjoinv ("|", words);
  g_assert_cmpstr (joined, ==, "Kyiv|Mykolaiv|Ōtautahi");

  /* A word added here is said here, not as from elsewhere. */
  g_string_truncate (seen.details, 0);
  g_assert_true (byline_store_add_to_dictionary (fixture->store, "Odesa", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen.details->str, ==, "dictionary ");

  g_string_free (seen.details, TRUE);
}

/* The masthead lives in the newsroom: every desk previews the same page. */
static void
test_publication_shared (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(BylineStore) other_desk = NULL;
  g_autoptr(BylinePublication) publication = NULL;
  g_autoptr(BylinePublication) seen_there = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { 0, g_string_new (NULL) };
  gboolean stored = TRUE;

  /* Nothing stored yet: the defaults, and it says so. */
  publication = byline_store_load_publication (fixture->store, &stored, &error);
  g_assert_no_error (error);
  g_assert_false (stored);
  g_assert_cmpstr (publication->name, ==, "The Byline Courier");

  other_desk = byline_store_new (fixture->path, &error);
  g_assert_true (byline_store_watch_changes (other_desk, &error));
  g_signal_connect (other_desk, "changed", G_CALLBACK (seen_cb), &seen);

  byline_publication_set (publication, "Harbour Herald", "Tides and times", "https://herald.example.org/");
  g_free (publication->language);
  publication->language = g_strdup ("fr");
  g_assert_true (byline_store_save_publication (fixture->store, publication, &error));
  g_assert_no_error (error);
  wait_for_details (&seen, "publication");

  seen_there = byline_store_load_publication (other_desk, &stored, &error);
  g_assert_true (stored);
  g_assert_cmpstr (seen_there->name, ==, "Harbour Herald");
  g_assert_cmpstr (seen_there->tagline, ==, "Tides and times");
  g_assert_cmpstr (seen_there->base_url, ==, "https://herald.example.org/");
  g_assert_cmpstr (seen_there->language, ==, "fr");

  /* A masthead needs a name. */
  byline_publication_set (publication, "", NULL, NULL);
  g_assert_true (byline_store_save_publication (fixture->store, publication, &error));
  g_clear_pointer (&seen_there, byline_publication_free);
  seen_there = byline_store_load_publication (other_desk, NULL, &error);
  g_assert_cmpstr (seen_there->name, ==, "The Byline Courier");

  g_string_free (seen.details, TRUE);
}

static guint
count_lines_with (const char *text,
                  const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *)lines, line) ? 1 : 0;
}

/* Moving a desk's newsroom whole into a new one, with the real program:
 * what a newsroom does when it moves onto its shared server. */
static void
test_copy_to (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(BylineStore) target = NULL;
  g_autoptr(BylineArticle) council = make_article ("Council backs harbour plan", "The council voted.");
  g_autoptr(BylineArticle) ferry = make_article ("Ferry fares rise", "Fares rise in May.");
  g_autoptr(BylineArticle) pier = make_article ("Pier closes", "The pier shuts.");
  g_autoptr(BylineArticle) copied = NULL;
  g_autoptr(BylineNote) thread = NULL;
  g_autoptr(BylineNote) other_thread = NULL;
  g_autoptr(BylineNote) reply = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(BylinePublication) publication = byline_publication_new ();
  g_autoptr(BylinePublication) copied_publication = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target_path = g_build_filename (fixture->dir, "moved.db", NULL);
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) env = byline_test_environ_without_display ();
  gint64 ferry_copy = 0, council_copy = 0, pier_copy = 0;

  /* The desk: a published story, a draft linking to it with notes and a
   * revision, and a spiked one in the Trash; and its masthead. */
  byline_test_save_article (fixture->store, ferry);
  g_assert_true (byline_store_set_status (fixture->store, ferry, BYLINE_STATUS_IN_REVIEW, "Ana", &error));
  g_assert_true (byline_store_set_status (fixture->store, ferry, BYLINE_STATUS_APPROVED, "Ben", &error));
  g_assert_true (byline_store_set_status (fixture->store, ferry, BYLINE_STATUS_PUBLISHED, "Ben", &error));
  /* add_pin takes the pin. */
  byline_article_add_pin (council, byline_pin_new (1, byline_article_get_id (ferry), "Ferry fares rise"));
  byline_test_save_article (fixture->store, council);
  revision = byline_store_save_revision (fixture->store, council, "Ana", BYLINE_REVISION_MANUAL, &error);
  thread = byline_store_add_note (fixture->store, byline_article_get_id (council), "Ben", "Source?", 4, 11, &error);
  reply = byline_store_reply_note (fixture->store, byline_note_get_id (thread), "Ana", "The minutes.", &error);
  other_thread = byline_store_add_note (fixture->store, byline_article_get_id (council), "Ben", "Fine.", -1, -1, &error);
  g_assert_true (byline_store_resolve_note (fixture->store, byline_note_get_id (other_thread), TRUE, &error));
  byline_test_save_article (fixture->store, pier);
  g_assert_true (byline_store_set_status (fixture->store, pier, BYLINE_STATUS_SPIKED, "Ben", &error));
  g_assert_true (byline_store_trash_article (fixture->store, byline_article_get_id (pier), &error));
  byline_publication_set (publication, "Harbour Herald", "Tides and times", "https://herald.example.org/");
  g_assert_true (byline_store_save_publication (fixture->store, publication, &error));
  g_assert_no_error (error);
  g_assert_true (byline_store_add_to_dictionary (fixture->store, "Zelenskyy", &error));
  g_assert_no_error (error);

  {
    const char *args[] = { "--database", fixture->path, "--copy-to", target_path, NULL };

    byline_test_run_byline (&run, NULL, env, args);
    byline_test_run_assert_success (&run);
  }
  g_assert_cmpuint (count_lines_with (run.out, "articles\t3"), ==, 1);
  g_assert_cmpuint (count_lines_with (run.out, "notes\t3"), ==, 1);
  g_assert_cmpuint (count_lines_with (run.out, "related links\t1"), ==, 1);
  g_assert_cmpuint (count_lines_with (run.out, "state changes\t4"), ==, 1);
  g_assert_cmpuint (count_lines_with (run.out, "publication\t1"), ==, 1);

  target = byline_store_new (target_path, &error);
  g_assert_no_error (error);
  ferry_copy = byline_store_find_by_headline (target, "Ferry fares rise", &error);
  council_copy = byline_store_find_by_headline (target, "Council backs harbour plan", &error);
  g_assert_cmpint (ferry_copy, >, 0);
  g_assert_cmpint (council_copy, >, 0);
  {
    BylineArticleQuery trash = BYLINE_ARTICLE_QUERY_INIT;
    g_autoptr(GPtrArray) trashed = NULL;

    trash.trashed = TRUE;
    trashed = byline_store_list_articles (target, &trash, &error);
    g_assert_cmpuint (trashed->len, ==, 1);
    pier_copy = byline_article_summary_get_id (g_ptr_array_index (trashed, 0));
    g_assert_cmpint (byline_article_summary_get_status (g_ptr_array_index (trashed, 0)), ==,
                     BYLINE_STATUS_SPIKED);
    g_assert_cmpint (byline_store_get_spiked_from (target, pier_copy, &error), ==, BYLINE_STATUS_DRAFT);
  }

  /* The link points at the copy of what it linked to. */
  copied = byline_store_load_article (target, council_copy, &error);
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (copied)), ==, 1);
  {
    g_autoptr(BylinePin) copied_pin = g_list_model_get_item (byline_article_get_pins (copied), 0);

    g_assert_cmpint (byline_pin_get_related_id (copied_pin), ==, ferry_copy);
    g_assert_cmpuint (byline_pin_get_position (copied_pin), ==, 1);
  }
  g_clear_object (&copied);
  copied = byline_store_load_article (target, ferry_copy, &error);
  g_assert_cmpint (byline_article_get_status (copied), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (copied), ==, byline_article_get_published (ferry));
  g_assert_cmpstr (byline_article_get_uuid (copied), ==, byline_article_get_uuid (ferry));

  /* History as it was: who moved it, the notes with their replies and
   * resolutions, the revisions. */
  events = byline_store_list_status_events (target, ferry_copy, &error);
  g_assert_cmpuint (events->len, ==, 3);
  {
    /* As the newsroom recorded it: on a server, the login role. */
    g_autofree char *ana = byline_test_author (fixture->store, "Ana");

    g_assert_cmpstr (((BylineStatusEvent *)g_ptr_array_index (events, 0))->author, ==, ana);
  }
  notes = byline_store_list_notes (target, council_copy, &error);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpstr (byline_note_get_text (g_ptr_array_index (notes, 1)), ==, "The minutes.");
  g_assert_cmpint (byline_note_get_parent_id (g_ptr_array_index (notes, 1)), ==,
                   byline_note_get_id (g_ptr_array_index (notes, 0)));
  g_assert_cmpint (byline_note_get_start (g_ptr_array_index (notes, 0)), ==, 4);
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (notes, 2)), >, 0);
  revisions = byline_store_list_revisions (target, council_copy, &error);
  {
    g_autoptr(GPtrArray) original = byline_store_list_revisions (fixture->store,
                                                                 byline_article_get_id (council), &error);
    g_assert_cmpuint (revisions->len, ==, original->len);
  }
  copied_publication = byline_store_load_publication (target, NULL, &error);
  g_assert_cmpstr (copied_publication->name, ==, "Harbour Herald");
  g_assert_no_error (error);
  {
    g_auto(GStrv) words = byline_store_list_dictionary (target, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (words[0], ==, "Zelenskyy");
    g_assert_null (words[1]);
  }

  /* A newsroom that holds articles is never written over. */
  {
    const char *args[] = { "--database", fixture->path, "--copy-to", target_path, NULL };

    byline_test_run_byline (&run, NULL, env, args);
    byline_test_run_assert_error_line (&run, 1);
    g_assert_nonnull (strstr (run.err, "already holds 3 articles"));
  }
  g_assert_cmpuint (byline_store_count_articles (target, NULL, &error), ==, 2);
}

/* A tag with a comma in it stays one tag through the store and its lists. */
static void
test_tag_with_comma (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = make_article ("Coast road shut", "Rockfall.");
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "coast, north", "roads", NULL };

  byline_article_set_tags (article, tags);
  byline_test_save_article (fixture->store, article);
  loaded = byline_test_load_article (fixture->store, byline_article_get_id (article));
  g_assert_cmpstrv (byline_article_get_tags (loaded), tags);
  summaries = byline_store_list_articles (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (byline_article_summary_get_tags (g_ptr_array_index (summaries, 0)), tags);
}

static void
test_error_missing_folder (void)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = byline_store_new ("/nonexistent-byline-folder/sub/newsroom.db", &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "/nonexistent-byline-folder/sub"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test ("/nonexistent-byline-folder", G_FILE_TEST_EXISTS));
}

static void
test_error_folder_as_database (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  BYLINE_TEST_SKIP_ON_SERVER ("a folder where a newsroom file goes");

  store = byline_store_new (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN);
}

static void
test_error_not_a_database (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Shopping list: bread, milk, a new notebook for the council meeting.\n";
  char garbage[4096];

  BYLINE_TEST_SKIP_ON_SERVER ("a file that is not a database");

  for (guint i = 0; i < 4; i++)
    {
      memcpy (garbage + i * 1024, "This is not SQLite at all. ", 28);
      memset (garbage + i * 1024 + 28, 'x', 1024 - 28);
    }
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  store = byline_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);

  /* A text file is left exactly as it was. */
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = byline_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

static void
test_error_foreign_sqlite (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "contacts.db", NULL);
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  BYLINE_TEST_SKIP_ON_SERVER ("another program's SQLite file");

  byline_test_sql_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana');");
  store = byline_store_new (path, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "not a Byline newsroom"));
  g_assert_cmpint (byline_test_sql_int (path, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (byline_test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'"), ==, 0);
}

static void
test_error_corrupt (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  BYLINE_TEST_SKIP_ON_SERVER ("a damaged file");

  for (guint i = 0; i < 40; i++)
    save_new (fixture->store, "Filler article for pages", "Lorem of the harbour, repeated to fill pages. "
              "Lorem of the harbour, repeated to fill pages. Lorem of the harbour, repeated to fill pages.");
  g_clear_object (&fixture->store);
  /* Fold the WAL into the main file, then damage every page after the first. */
  byline_test_sql_exec (fixture->path, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_true (g_file_get_contents (fixture->path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i++)
    data[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (fixture->path, data, len, NULL));

  store = byline_store_new (fixture->path, &error);
  if (store != NULL)
    {
      g_autoptr(GPtrArray) list = byline_store_list_articles (store, NULL, &error);
      g_assert_null (list);
    }
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

/* A lock left by a program of this computer that was killed is free at
 * once (its heartbeat would keep the article read-only for a minute after
 * a restart); one held by a running program is not. */
static void
test_lock_of_killed_program (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *argv[] = { "true", NULL };
  g_autofree char *desk_prefix = NULL;
  g_autofree char *dead_desk = NULL;
  g_autofree char *live_desk = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(GError) error = NULL;
  const char *desk = byline_store_get_desk (fixture->store);
  gboolean acquired = FALSE;
  GPid dead_pid;
  int status;
  gint64 id;

  BYLINE_TEST_SKIP_ON_SERVER ("processes of one computer; a server's locks lapse");

  id = save_new (fixture->store, "Pier closed for repairs", "The pier shuts on Monday.");

  /* A process that has ended: its pid is free. */
  {
    GPid child;

    g_assert_true (g_spawn_async (NULL, (char **)argv, NULL,
                                  G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                  NULL, NULL, &child, &error));
    g_assert_no_error (error);
    g_assert_cmpint (waitpid (child, &status, 0), ==, child);
    dead_pid = child;
  }

  desk_prefix = g_strndup (desk, strrchr (desk, '/') - desk);
  dead_desk = g_strdup_printf ("%s/%d", desk_prefix, (int) dead_pid);
  /* Another program here that still runs: this test's parent. */
  live_desk = g_strdup_printf ("%s/%d", desk_prefix, (int) getppid ());

  sql = g_strdup_printf ("INSERT INTO edit_locks (article_id, desk, holder_name, heartbeat)"
                         " VALUES (%" G_GINT64_FORMAT ", '%s', 'Ana', strftime ('%%s', 'now'))",
                         id, live_desk);
  byline_test_sql_exec (fixture->path, sql);
  g_assert_true (byline_store_lock_article (fixture->store, id, FALSE, &acquired, &holder, &error));
  g_assert_no_error (error);
  g_assert_false (acquired);
  g_assert_cmpstr (holder, ==, "Ana");
  g_clear_pointer (&holder, g_free);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE edit_locks SET desk = '%s'", dead_desk);
  byline_test_sql_exec (fixture->path, sql);
  g_assert_true (byline_store_lock_article (fixture->store, id, FALSE, &acquired, &holder, &error));
  g_assert_no_error (error);
  g_assert_true (acquired);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT desk = '%s' FROM edit_locks", desk);
  g_assert_cmpint (byline_test_sql_int (fixture->path, sql), ==, 1);
}

/* Reads the whole file at @path. */
static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* An archive the program cannot write (the file, or the folder it is in,
 * read-only): it opens for reading, every article is there, and a save is
 * refused with a message that says why, leaving the file as it was. */
static void
check_read_only (Fixture    *fixture,
                 const char *what)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *wal = NULL;
  gint64 id;

  id = save_new (fixture->store, "Archive: the ferry in 1998", "The old ferry ran twice a day.");
  save_new (fixture->store, "Archive: the pier", "The pier was rebuilt.");
  g_clear_object (&fixture->store);
  /* As a copied archive is: still in WAL mode, the WAL folded in and gone
   * (so in a read-only folder SQLite could not make its -shm file). */
  wal = g_strconcat (fixture->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  mode = byline_test_sql_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  /* A read-only connection leaves an empty WAL behind. */
  g_remove (wal);
  before = read_bytes (fixture->path);

  if (!byline_test_make_read_only (what))
    {
      g_test_skip ("running as root where chattr +i does not work");
      return;
    }

  store = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (byline_store_is_read_only (store));

  list = byline_store_list_articles (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  loaded = byline_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_body (loaded), ==, "The old ferry ran twice a day.");

  byline_article_set_body (loaded, "A change that has nowhere to go.");
  g_assert_false (byline_store_save_article (store, loaded, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_clear_error (&error);
  /* The text stays with the caller. */
  g_assert_cmpstr (byline_article_get_body (loaded), ==, "A change that has nowhere to go.");

  g_clear_object (&store);
  byline_test_make_writable (what);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  BYLINE_TEST_SKIP_ON_SERVER ("file modes; on a server the role's rights decide (test-store-pg)");

  check_read_only (fixture, fixture->path);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  BYLINE_TEST_SKIP_ON_SERVER ("file modes; on a server the role's rights decide (test-store-pg)");

  check_read_only (fixture, fixture->dir);
}

/* A read-only newsroom of an older schema cannot be brought up to date
 * where it is: opening it says so rather than reading a schema the code
 * does not expect. */
static void
test_read_only_old_schema (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  BYLINE_TEST_SKIP_ON_SERVER ("file modes");

  save_new (fixture->store, "Archive", "Body.");
  g_clear_object (&fixture->store);
  byline_test_sql_exec (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 3");

  if (!byline_test_make_read_only (fixture->dir))
    {
      g_test_skip ("running as root where chattr +i does not work");
      return;
    }

  store = byline_store_new (fixture->path, &error);
  byline_test_make_writable (fixture->dir);

  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "older version"));
  g_assert_cmpint (byline_test_sql_int (fixture->path, "PRAGMA user_version"), ==, 3);
}

/* The store checks the limits of byline-limits.h on every save, whoever
 * saves (the window, a script), on either engine. */
static void
test_limits (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = make_article ("Ferry timetable", "The ferry runs.");
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_headline = NULL;
  g_autofree char *long_tag = NULL;
  g_autofree char *big_body = NULL;
  gint64 id;

  id = byline_test_save_article (fixture->store, article);

  for (guint i = 0; i <= 200; i++)
    g_ptr_array_add (tags, g_strdup_printf ("tag %u", i));
  g_ptr_array_add (tags, NULL);
  byline_article_set_tags (article, (const char * const *)tags->pdata);
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "201 different tags"));
  g_assert_nonnull (strstr (error->message, "200"));
  g_clear_error (&error);
  /* Nothing of it was stored, and the article keeps what was typed. */
  {
    g_autoptr(BylineArticle) stored = byline_test_load_article (fixture->store, id);

    g_assert_cmpuint (g_strv_length ((char **)byline_article_get_tags (stored)), ==, 0);
  }
  g_assert_cmpuint (g_strv_length ((char **)byline_article_get_tags (article)), ==, 201);

  /* At the limit it saves. */
  g_ptr_array_remove_index (tags, 200);
  g_ptr_array_remove_index (tags, 200);
  g_ptr_array_add (tags, NULL);
  byline_article_set_tags (article, (const char * const *)tags->pdata);
  byline_test_save_article (fixture->store, article);

  long_tag = g_strnfill (101, 'x');
  byline_article_set_tags_string (article, long_tag);
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "101 characters, more than the 100 a tag"));
  g_clear_error (&error);
  byline_article_set_tags_string (article, "ferries");

  long_headline = g_strnfill (1001, 'h');
  byline_article_set_headline (article, long_headline);
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the headline has 1001 characters, more than the 1000"));
  g_clear_error (&error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, long_headline);
  byline_article_set_headline (article, "Ferry timetable");

  big_body = g_strnfill (BYLINE_LIMIT_BODY_BYTES + 1, 'b');
  byline_article_set_body (article, big_body);
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the body is"));
  g_assert_nonnull (strstr (error->message, "10 MiB"));
  g_clear_error (&error);

  {
    g_autoptr(BylineArticle) stored = byline_test_load_article (fixture->store, id);

    g_assert_cmpstr (byline_article_get_headline (stored), ==, "Ferry timetable");
    g_assert_cmpstr (byline_article_get_body (stored), ==, "The ferry runs.");
    g_assert_cmpuint (g_strv_length ((char **)byline_article_get_tags (stored)), ==, 200);
  }
}

static void
test_hostile_text (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *sql = "Robert'); DROP TABLE articles;-- \"quoted\" \\ %s %n";
  char bad_utf8[] = { 'O', 'k', (char)0xC3, (char)0x28, 0 };

  article = make_article (sql, "Body with NUL-free but odd text: \x01\x7f and emoji 📰.");
  byline_article_set_caption (article, sql);
  byline_article_set_tags_string (article, "a,, b ,A, 'c'");
  g_assert_true (byline_store_save_article (fixture->store, article, &error));
  g_assert_no_error (error);
  loaded = byline_store_load_article (fixture->store, byline_article_get_id (article), &error);
  g_assert_cmpstr (byline_article_get_headline (loaded), ==, sql);
  g_assert_cmpstr (byline_article_get_caption (loaded), ==, sql);
  g_assert_cmpstr (byline_article_get_body (loaded), ==, "Body with NUL-free but odd text: \x01\x7f and emoji 📰.");
  g_assert_cmpuint (g_strv_length ((char **)byline_article_get_tags (loaded)), ==, 3);

  /* Invalid UTF-8 is refused before it reaches the file. */
  g_clear_object (&article);
  article = make_article (bad_utf8, "Body");
  g_assert_false (byline_store_save_article (fixture->store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "headline"));
  g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 1);
}

static void
test_default_path (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_line = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* GLib caches XDG dirs; this test runs in its own process via
   * g_test_trap_subprocess so the variable is read fresh. */
  if (g_test_subprocess ())
    {
      store = byline_store_new (NULL, &error);
      g_assert_no_error (error);
      g_print ("%s\n", byline_store_get_path (store));
      return;
    }

  /* Made here, not above: the subprocess would leave one of its own. */
  tmp = g_dir_make_tmp ("byline-home-XXXXXX", NULL);
  expected = g_build_filename (tmp, "byline", "newsroom.db", NULL);
  expected_line = g_strconcat (expected, "\n", NULL);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (expected_line);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  byline_test_remove_tree (tmp);
}

/* A new article that does not say its language is in the newsroom's;
 * one that does keeps it, and saving again never changes it. */
static void
test_language_from_publication (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(BylinePublication) publication = byline_publication_new ();
  g_autoptr(BylineArticle) blank = byline_article_new ();
  g_autoptr(BylineArticle) arabic = byline_article_new ();
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_free (publication->language);
  publication->language = g_strdup ("fr");
  g_assert_true (byline_store_save_publication (fixture->store, publication, &error));
  g_assert_no_error (error);

  byline_article_set_headline (blank, "Le port rouvre");
  byline_article_set_language (blank, NULL);
  byline_article_set_headline (arabic, "الميناء يعيد فتح أبوابه");
  byline_article_set_language (arabic, "ar");
  g_assert_true (byline_store_save_article (fixture->store, blank, &error));
  g_assert_no_error (error);
  g_assert_true (byline_store_save_article (fixture->store, arabic, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (blank), ==, "fr");

  loaded = byline_store_load_article (fixture->store, byline_article_get_id (blank), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (loaded), ==, "fr");
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, byline_article_get_id (arabic), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (loaded), ==, "ar");

  /* The newsroom changing its language later leaves its articles be. */
  g_free (publication->language);
  publication->language = g_strdup ("de");
  g_assert_true (byline_store_save_publication (fixture->store, publication, &error));
  byline_article_set_standfirst (blank, "Après trois semaines");
  g_assert_true (byline_store_save_article (fixture->store, blank, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = byline_store_load_article (fixture->store, byline_article_get_id (blank), &error);
  g_assert_cmpstr (byline_article_get_language (loaded), ==, "fr");
}

/* --- the thread a store's signals run on ----------------------------------- */

typedef struct
{
  char        *dir;
  BylineStore *store;
  GMutex       lock;
  GCond        cond;
  gboolean     save;
  gboolean     saved;
  GThread     *handler_thread;
} Adoption;

static void
adoption_changed_cb (BylineStore *store,
                     gint64       id,
                     Adoption    *adoption)
{
  adoption->handler_thread = g_thread_self ();
}

/* Opens the store, then waits to be asked to save an article: the same
 * worker, as a pool thread reused by a later job would be. */
static gpointer
adoption_worker (gpointer data)
{
  Adoption *adoption = data;
  g_autofree char *path = g_build_filename (adoption->dir, "newsroom.db", NULL);
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&adoption->lock);
  adoption->store = byline_store_new (path, &error);
  g_assert_no_error (error);
  g_cond_broadcast (&adoption->cond);
  while (!adoption->save)
    g_cond_wait (&adoption->cond, &adoption->lock);
  g_mutex_unlock (&adoption->lock);

  byline_article_set_headline (article, "Ferry timetable changes");
  g_assert_true (byline_store_save_article (adoption->store, article, &error));
  g_assert_no_error (error);

  g_mutex_lock (&adoption->lock);
  adoption->saved = TRUE;
  g_cond_broadcast (&adoption->cond);
  g_mutex_unlock (&adoption->lock);

  return NULL;
}

/* A store opened on a worker and adopted by the thread that runs the main
 * context: a change made later on that worker reaches "changed" handlers
 * on the main thread, where the windows' widgets live. */
static void
test_adopt (void)
{
  Adoption adoption = { NULL, };
  GThread *worker;

  adoption.dir = byline_test_make_tmp_dir ("byline-adopt-XXXXXX");
  g_mutex_init (&adoption.lock);
  g_cond_init (&adoption.cond);
  worker = g_thread_new ("open-store", adoption_worker, &adoption);

  g_mutex_lock (&adoption.lock);
  while (adoption.store == NULL)
    g_cond_wait (&adoption.cond, &adoption.lock);
  byline_store_adopt (adoption.store);
  g_signal_connect (adoption.store, "changed", G_CALLBACK (adoption_changed_cb), &adoption);
  adoption.save = TRUE;
  g_cond_broadcast (&adoption.cond);
  while (!adoption.saved)
    g_cond_wait (&adoption.cond, &adoption.lock);
  g_mutex_unlock (&adoption.lock);
  g_thread_join (worker);

  while (adoption.handler_thread == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adoption.handler_thread == g_thread_self ());

  g_object_unref (adoption.store);
  g_mutex_clear (&adoption.lock);
  g_cond_clear (&adoption.cond);
  byline_test_remove_tree (adoption.dir);
  g_free (adoption.dir);
}

/* --- pictures ------------------------------------------------------------- */

static GBytes *
load_sample_picture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "samples", "media", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A PNG and a JPEG go in and come back byte for byte, with the type their
 * bytes say, their size, and the reference an article keeps. */
static void
test_media_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  const struct {
    const char *name;
    const char *mime_type;
    const char *extension;
    int width, height;
  } pictures[] = {
    { "red.png", "image/png", "png", 3, 2 },
    { "slate.jpg", "image/jpeg", "jpg", 4, 3 },
  };
  g_autofree char *adder = byline_test_author (fixture->store, "Ana Ruiz");

  byline_store_set_user_name (fixture->store, "Ana Ruiz");

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autoptr(GBytes) bytes = load_sample_picture (pictures[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineMedia) media = NULL;
      g_autoptr(BylineArticle) article = make_article ("Quay lights switched on", "Lit.");
      g_autoptr(BylineArticle) loaded = NULL;
      g_autofree char *reference = NULL;
      g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_autofree char *expected = g_strdup_printf ("media:%s.%s", checksum, pictures[i].extension);

      reference = byline_store_add_media (fixture->store, bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (reference, ==, expected);

      /* The article keeps the reference, and the store the bytes. */
      byline_article_set_image (article, reference);
      byline_test_save_article (fixture->store, article);
      loaded = byline_test_load_article (fixture->store, byline_article_get_id (article));
      media = byline_store_load_media (fixture->store, byline_article_get_image (loaded), &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (media->bytes, bytes));
      g_assert_cmpstr (media->mime_type, ==, pictures[i].mime_type);
      g_assert_cmpstr (media->checksum, ==, checksum);
      g_assert_cmpint (media->width, ==, pictures[i].width);
      g_assert_cmpint (media->height, ==, pictures[i].height);
      g_assert_cmpint (media->created, >, 0);
      g_assert_cmpstr (media->added_by, ==, adder);
    }
}

/* What is not a picture, whatever its name, or too large, is refused with
 * a message saying so, and nothing is kept. */
static void
test_media_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *fake = g_build_filename (fixture->dir, "holiday.jpg", NULL);
  g_autofree char *big = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autoptr(GFile) fake_file = g_file_new_for_path (fake);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GBytes) large = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *missing = g_strdup_printf ("media:%064d.png", 0);
  guint8 *pixels;

  g_assert_true (g_file_set_contents (fake, "Dear all, the minutes are attached.\n", -1, NULL));
  reference = byline_store_add_media_file (fixture->store, fake_file, NULL, &error);
  g_assert_null (reference);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "holiday.jpg"));
  g_assert_nonnull (strstr (error->message, "not a JPEG, PNG, WebP or GIF picture"));
  g_clear_error (&error);

  /* A PNG's first bytes, one byte past the limit. */
  pixels = g_malloc0 (BYLINE_LIMIT_MEDIA_BYTES + 1);
  memcpy (pixels, "\x89PNG\r\n\x1a\n", 8);
  large = g_bytes_new_take (pixels, BYLINE_LIMIT_MEDIA_BYTES + 1);
  reference = byline_store_add_media (fixture->store, large, &error);
  g_assert_null (reference);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20 MiB"));
  g_clear_error (&error);

  /* A file that large is refused before it is read. */
  g_assert_true (g_file_set_contents (big, g_bytes_get_data (large, NULL), g_bytes_get_size (large), NULL));
  reference = byline_store_add_media_file (fixture->store, big_file, NULL, &error);
  g_assert_null (reference);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge.png"));
  g_clear_error (&error);

  /* Nothing was kept: a reference to bytes it never took finds nothing. */
  g_assert_null (byline_store_load_media (fixture->store, missing, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A path is no reference: the store reads no file for it. */
  g_assert_null (byline_store_load_media (fixture->store, fake, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID);
}

/* The same bytes chosen twice are kept once, under one reference; a copy
 * of the newsroom holds each picture once, under the same reference. */
static void
test_media_dedupe_and_copy (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) png = load_sample_picture ("red.png");
  g_autoptr(GBytes) jpeg = load_sample_picture ("slate.jpg");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autofree char *target_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(BylineStore) target = NULL;
  g_autoptr(BylineMedia) copied = NULL;
  g_autoptr(BylineArticle) article = make_article ("Quay lights switched on", "Lit.");
  BylineCopyCounts counts;

  first = byline_store_add_media (fixture->store, png, &error);
  g_assert_no_error (error);
  again = byline_store_add_media (fixture->store, png, &error);
  g_assert_no_error (error);
  other = byline_store_add_media (fixture->store, jpeg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other);
  byline_article_set_image (article, first);
  byline_test_save_article (fixture->store, article);

  target = byline_store_new (target_path, &error);
  g_assert_no_error (error);
  g_assert_true (byline_store_copy_to (fixture->store, target, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.media, ==, 2);
  g_assert_cmpuint (counts.articles, ==, 1);

  copied = byline_store_load_media (target, first, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (copied->bytes, png));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/byline/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("migrate/from-empty", test_migrate_from_empty);
  ADD ("migrate/refuses-newer", test_migrate_refuses_newer);
  ADD ("migrate/twelve-at-once", test_migrate_twelve_at_once);
  ADD ("crud", test_crud);
  ADD ("media/round-trip", test_media_round_trip);
  ADD ("media/refused", test_media_refused);
  ADD ("media/dedupe-and-copy", test_media_dedupe_and_copy);
  ADD ("slug-frozen-when-published", test_slug_frozen_when_published);
  ADD ("fts-in-step", test_fts_in_step);
  ADD ("pins", test_pins);
  ADD ("pins-to-vanished-articles", test_pins_to_vanished_articles);
  ADD ("trash", test_trash);
  ADD ("changed-signal", test_changed_signal);
  ADD ("summary-cannot-be-saved", test_summary_cannot_be_saved);
  ADD ("field-table-matches-schema", test_field_table_matches_schema);
  ADD ("second-connection", test_second_connection);
  ADD ("stale-save-refused", test_stale_save_refused);
  ADD ("changes-from-another-program", test_changes_from_another_program);
  ADD ("edit-locks", test_edit_locks);
  ADD ("publication-shared", test_publication_shared);
  ADD ("language-from-publication", test_language_from_publication);
  ADD ("dictionary-shared", test_dictionary_shared);
  ADD ("copy-to", test_copy_to);
  ADD ("tag-with-comma", test_tag_with_comma);
  ADD ("state-change-elsewhere-kept", test_state_change_elsewhere_kept);
  ADD ("error/folder-as-database", test_error_folder_as_database);
  ADD ("error/not-a-database", test_error_not_a_database);
  ADD ("error/foreign-sqlite", test_error_foreign_sqlite);
  ADD ("error/corrupt", test_error_corrupt);
  ADD ("read-only/file", test_read_only_file);
  ADD ("read-only/folder", test_read_only_folder);
  ADD ("read-only/old-schema", test_read_only_old_schema);
  ADD ("limits", test_limits);
  ADD ("lock-of-killed-program", test_lock_of_killed_program);
  ADD ("hostile-text", test_hostile_text);
  g_test_add_func ("/byline/store/error/missing-folder", test_error_missing_folder);
  g_test_add_func ("/byline/store/default-path", test_default_path);
  g_test_add_func ("/byline/store/server-unreachable", test_server_unreachable);
  g_test_add_func ("/byline/store/adopt", test_adopt);

#undef ADD

  return g_test_run ();
}
