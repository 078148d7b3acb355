/* test-store-pg.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store on a newsroom server, where it differs from a newsroom file:
 * the schema's steps made by the program, people who log in as reporters
 * and editors and whom the server itself refuses what their role may not
 * do, the server's names and clock, other desks' row locks, moving a
 * newsroom onto the server. Against a real, throwaway PostgreSQL 15
 * (tests/pg-run.sh), as its superuser and as login roles made here. The
 * store's other tests run on the server too (suite pg, "-on-server"). */

#include "config.h"

#include <string.h>

#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"

#define PASSWORD "a long passphrase"

#define REQUIRE_SERVER() G_STMT_START {                                   \
    if (g_getenv ("PGHOST") == NULL)                                      \
      {                                                                   \
        g_test_skip ("no PostgreSQL server: run through tests/pg-run.sh");\
        return;                                                           \
      }                                                                   \
  } G_STMT_END

/* A newsroom database of its own, as the superuser made it. */
typedef struct
{
  char        *dir;
  char        *uri;     /* the superuser's */
  char        *dbname;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* The helpers make databases where this says. */
  g_setenv ("BYLINE_TEST_DATABASE", "postgresql://", TRUE);
  fixture->dir = byline_test_make_tmp_dir ("byline-store-pg-XXXXXX");
  if (g_getenv ("PGHOST") == NULL)
    return;

  fixture->uri = byline_test_location_new (fixture->dir, "newsroom");
  fixture->dbname = g_strdup (strrchr (fixture->uri, '/') + 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->uri != NULL)
    byline_test_location_remove (fixture->uri);
  byline_test_remove_tree (fixture->dir);
  g_free (fixture->uri);
  g_free (fixture->dbname);
  g_free (fixture->dir);
}

/* How many schema steps src/core/pg/ holds: what a newsroom is at. */
static guint
count_steps (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("BYLINE_SOURCE_ROOT"), "src", "core", "pg", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    n += g_ascii_isdigit (name[0]) && g_str_has_suffix (name, ".sql");

  g_assert_cmpuint (n, >=, 5);
  return n;
}

/* A login role of its own, a member of @group (NULL: of none), made once
 * for the cluster. */
static void
ensure_role (const char *role,
             const char *group,
             const char *attributes)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("DO $$ BEGIN"
                         " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN"
                         "  CREATE ROLE %s LOGIN %s PASSWORD '" PASSWORD "';"
                         " END IF; END $$;",
                         role, role, attributes != NULL ? attributes : "");
  byline_test_server_exec (NULL, sql);

  if (group != NULL)
    {
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("GRANT %s TO %s", group, role);
      byline_test_server_exec (NULL, sql);
    }
}

/* The address @role logs in to database @dbname with. */
static char *
dup_role_uri (const char *role,
              const char *dbname)
{
  return g_strdup_printf ("postgresql://%s@%s:%s/%s", role, g_getenv ("PGHOST"),
                          g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432", dbname);
}

/* @role's desk on the fixture's newsroom, which the superuser has made. */
static BylineStore *
open_as (Fixture    *fixture,
         const char *role)
{
  g_autofree char *uri = dup_role_uri (role, fixture->dbname);
  g_autoptr(GError) error = NULL;
  BylineStore *store = byline_store_open (uri, PASSWORD, &error);

  g_assert_no_error (error);
  return store;
}

/* The newsroom made by the superuser's first connection, and the desk's
 * reporter Ana and editor Eva. */
static void
set_up_desk (Fixture *fixture)
{
  g_autoptr(BylineStore) admin = byline_test_store_new (fixture->uri);

  ensure_role ("ana", "byline_reporter", NULL);
  ensure_role ("eva", "byline_editor", NULL);
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
sql_int (Fixture    *fixture,
         const char *sql)
{
  return byline_test_sql_int (fixture->uri, sql);
}

/* --- the schema ------------------------------------------------------------- */

/* A newsroom's first owner who may not create roles: the step that needs
 * them says what to run, and the newsroom comes up once it has been run.
 * First of all, while the cluster has no group roles yet. */
static void
test_migrate_needs_group_roles (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sql = NULL;

  REQUIRE_SERVER ();

  if (byline_test_sql_int (fixture->uri,
                           "SELECT count(*) FROM pg_roles WHERE rolname IN ('byline_reporter', 'byline_editor')") > 0)
    {
      g_test_skip ("the cluster has the group roles already: this test runs first on a new one");
      return;
    }

  ensure_role ("newsroom_owner", NULL, "NOCREATEROLE");
  owned = g_strdup_printf ("%s_owned", fixture->dbname);
  sql = g_strdup_printf ("CREATE DATABASE %s OWNER newsroom_owner", owned);
  byline_test_server_exec (NULL, sql);
  uri = dup_role_uri ("newsroom_owner", owned);

  store = byline_store_open (uri, PASSWORD, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "CREATE ROLE byline_editor NOLOGIN;"));
  g_assert_nonnull (strstr (error->message, "CREATE ROLE byline_reporter NOLOGIN;"));
  g_assert_null (strstr (error->message, PASSWORD));
  g_clear_error (&error);

  /* What it said to run, run by an administrator: the owner's next
   * connection makes the rest. */
  byline_test_server_exec (NULL, "CREATE ROLE byline_editor NOLOGIN; CREATE ROLE byline_reporter NOLOGIN;");
  store = byline_store_open (uri, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", owned);
  byline_test_server_exec (NULL, sql);
}

static void
test_migrate_from_fresh_database (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = make_article ("Tide tables printed", "Twice a day.");
  guint n_steps = count_steps ();

  REQUIRE_SERVER ();

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM pg_namespace WHERE nspname = 'byline'"), ==, 0);

  store = byline_test_store_new (fixture->uri);

  /* Every step, once, in order; the tables and the group roles there. */
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM byline_schema"), ==, n_steps);
  g_assert_cmpint (sql_int (fixture, "SELECT max(version) FROM byline_schema"), ==, n_steps);
  g_assert_cmpint (sql_int (fixture,
                            "SELECT count(*) FROM pg_tables WHERE schemaname = 'byline' AND tablename IN"
                            " ('articles', 'pins', 'revisions', 'status_events', 'notes', 'notes_base',"
                            "  'edit_locks', 'publication', 'dictionary')"), ==, 9);
  g_assert_cmpint (sql_int (fixture,
                            "SELECT count(*) FROM pg_roles WHERE rolname IN ('byline_reporter', 'byline_editor')"),
                   ==, 2);
  /* Step 5: the statistics related articles read, no pending list. */
  g_assert_cmpint (sql_int (fixture,
                            "SELECT attstattarget FROM pg_attribute"
                            " WHERE attrelid = 'byline.articles'::regclass AND attname = 'search'"), ==, 1000);
  g_assert_cmpint (sql_int (fixture,
                            "SELECT count(*) FROM pg_class WHERE oid = 'byline.articles_search'::regclass"
                            " AND 'fastupdate=off' = ANY (reloptions)"), ==, 1);

  /* It works, and opening again makes no step again. */
  byline_test_save_article (store, article);
  g_clear_object (&store);
  store = byline_test_store_new (fixture->uri);
  g_assert_cmpuint (byline_store_count_articles (store, NULL, NULL), ==, 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM byline_schema"), ==, n_steps);
}

static void
test_migrate_refuses_newer (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  guint n_steps = count_steps ();

  REQUIRE_SERVER ();

  store = byline_test_store_new (fixture->uri);
  g_clear_object (&store);

  /* A newer Byline has been here. */
  sql = g_strdup_printf ("INSERT INTO byline_schema (version) VALUES (%u)", n_steps + 1);
  byline_test_sql_exec (fixture->uri, sql);

  store = byline_store_new (fixture->uri, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer than this version of Byline knows"));
  g_assert_nonnull (strstr (error->message, "Update Byline"));
  g_assert_nonnull (strstr (error->message, fixture->dbname));

  /* Refused, not touched. */
  g_assert_cmpint (sql_int (fixture, "SELECT max(version) FROM byline_schema"), ==, n_steps + 1);
  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM byline_schema"), ==, n_steps + 1);
}

typedef struct
{
  const char *uri;
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

  store = byline_store_open (start->uri, NULL, &error);
  if (store == NULL)
    return error;

  g_object_unref (store);
  return NULL;
}

/* Twelve desks opening a new newsroom at once (its first morning): each
 * step is made once, under the migration lock, and every desk opens. */
static void
test_migrate_twelve_at_once (Fixture       *fixture,
                             gconstpointer  user_data)
{
  StartLine start = { NULL, };
  GThread *threads[12];
  guint n_steps = count_steps ();

  REQUIRE_SERVER ();

  start.uri = fixture->uri;
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
        g_error ("Desk %u of %u could not open the new newsroom: %s",
                 i + 1, (guint) G_N_ELEMENTS (threads), error->message);
    }

  g_mutex_clear (&start.mutex);
  g_cond_clear (&start.cond);

  g_assert_cmpint (sql_int (fixture, "SELECT count(*) FROM byline_schema"), ==, n_steps);
  g_assert_cmpint (sql_int (fixture, "SELECT count(DISTINCT version) FROM byline_schema"), ==, n_steps);
}

/* --- who may do what ---------------------------------------------------------- */

/* The server itself refuses a reporter what only an editor may do, through
 * the store as it would raw SQL, and the store says so plainly. */
static void
test_reporter_cannot_publish (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(BylineStore) ana = NULL;
  g_autoptr(BylineStore) eva = NULL;
  g_autoptr(BylineArticle) story = make_article ("Harbour board backs dredging", "The vote was 5 to 2.");
  g_autoptr(BylineArticle) at_eva = NULL;
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  REQUIRE_SERVER ();
  set_up_desk (fixture);
  ana = open_as (fixture, "ana");
  eva = open_as (fixture, "eva");

  /* What the window offers follows the role. */
  g_assert_false (byline_store_is_editor (ana));
  g_assert_true (byline_store_is_editor (eva));

  /* Ana writes a draft and sends it for review. */
  id = byline_test_save_article (ana, story);
  g_assert_true (byline_store_set_status (ana, story, BYLINE_STATUS_IN_REVIEW, "Ana", &error));
  g_assert_no_error (error);

  /* She cannot approve it: only an editor can. */
  g_assert_false (byline_store_set_status (ana, story, BYLINE_STATUS_APPROVED, "Ana", &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "Only an editor can approve an article"));
  g_assert_nonnull (strstr (error->message, "ana"));
  g_clear_error (&error);
  stored = byline_test_load_article (eva, id);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_IN_REVIEW);

  /* Eva can, and publishes it. */
  at_eva = byline_test_load_article (eva, id);
  g_assert_true (byline_store_set_status (eva, at_eva, BYLINE_STATUS_APPROVED, "Eva", &error));
  g_assert_true (byline_store_set_status (eva, at_eva, BYLINE_STATUS_PUBLISHED, "Eva", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = byline_test_load_article (ana, id);
  g_assert_cmpint (byline_article_get_status (stored), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (stored), >, 0);

  /* A published article is the editors' to change, or to delete. */
  byline_article_set_body (stored, "The vote was 6 to 1.");
  g_assert_false (byline_store_save_article (ana, stored, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "only an editor can change an article that is Published"));
  g_clear_error (&error);
  g_assert_false (byline_store_delete_article (ana, id, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = byline_test_load_article (eva, id);
  g_assert_cmpstr (byline_article_get_body (stored), ==, "The vote was 5 to 2.");

  /* Each change recorded under who made it, as the server knows them. */
  events = byline_store_list_status_events (eva, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((BylineStatusEvent *) g_ptr_array_index (events, 0))->author, ==, "ana");
  g_assert_cmpstr (((BylineStatusEvent *) g_ptr_array_index (events, 1))->author, ==, "eva");
  g_assert_cmpstr (((BylineStatusEvent *) g_ptr_array_index (events, 2))->author, ==, "eva");
  g_assert_cmpstr (byline_article_get_updated_by (stored), ==, "eva");
}

static void
test_role_not_on_desk (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  REQUIRE_SERVER ();
  set_up_desk (fixture);
  ensure_role ("visitor", NULL, NULL);

  uri = dup_role_uri ("visitor", fixture->dbname);
  store = byline_store_open (uri, PASSWORD, &error);
  g_assert_null (store);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "“visitor” is not on the newsroom’s desk"));
  g_assert_nonnull (strstr (error->message, "GRANT byline_reporter TO visitor;"));
}

/* The name the server records for each person, which the window shows in
 * place of Preferences' name; a file records what it is given. */
static void
test_role_name (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(BylineStore) ana = NULL;
  g_autoptr(BylineStore) file = NULL;
  g_autoptr(BylineArticle) article = make_article ("Lifeboat crew honoured", "Medals for six.");
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(BylineNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *none = NULL;

  REQUIRE_SERVER ();
  set_up_desk (fixture);
  ana = open_as (fixture, "ana");
  byline_store_set_user_name (ana, "Ana García");

  role = byline_store_dup_role_name (ana);
  g_assert_cmpstr (role, ==, "ana");

  /* Whatever name it is given, the server records the login role. */
  byline_test_save_article (ana, article);
  g_assert_cmpstr (byline_article_get_updated_by (article), ==, "ana");
  revision = byline_store_save_revision (ana, article, "Someone Else", BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_revision_get_author (revision), ==, "ana");
  note = byline_store_add_note (ana, byline_article_get_id (article), "Someone Else", "Check the names.",
                                -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_note_get_author (note), ==, "ana");

  file_path = g_build_filename (fixture->dir, "desk.db", NULL);
  file = byline_store_new (file_path, &error);
  g_assert_no_error (error);
  none = byline_store_dup_role_name (file);
  g_assert_null (none);
}

/* Notes: anyone on the desk writes and resolves them; a note is deleted by
 * the one who wrote it, or by an editor. */
static void
test_notes_by_role (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineStore) ana = NULL;
  g_autoptr(BylineStore) eva = NULL;
  g_autoptr(BylineArticle) article = make_article ("Market hall reopens", "Stalls are back.");
  g_autoptr(BylineNote) by_ana = NULL;
  g_autoptr(BylineNote) by_eva = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  REQUIRE_SERVER ();
  set_up_desk (fixture);
  ana = open_as (fixture, "ana");
  eva = open_as (fixture, "eva");

  id = byline_test_save_article (ana, article);
  by_eva = byline_store_add_note (eva, id, "Eva", "How many stalls?", 0, 6, &error);
  by_ana = byline_store_add_note (ana, id, "Ana", "Forty.", -1, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_note_get_author (by_eva), ==, "eva");
  g_assert_cmpstr (byline_note_get_anchor_text (by_eva), ==, "Stalls");

  /* Ana resolves Eva's thread and moves it; she cannot delete it. */
  g_assert_true (byline_store_resolve_note (ana, byline_note_get_id (by_eva), TRUE, &error));
  g_assert_true (byline_store_set_note_anchor (ana, byline_note_get_id (by_eva), 11, 15, &error));
  g_assert_no_error (error);
  g_assert_false (byline_store_delete_note (ana, byline_note_get_id (by_eva), &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "only the person who wrote it, or an editor"));
  g_clear_error (&error);

  /* Her own she can; an editor any. */
  g_assert_true (byline_store_delete_note (ana, byline_note_get_id (by_ana), &error));
  g_assert_no_error (error);
  notes = byline_store_list_notes (eva, id, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (byline_note_get_anchor_text (g_ptr_array_index (notes, 0)), ==, "back");
  g_assert_cmpint (byline_note_get_resolved (g_ptr_array_index (notes, 0)), >, 0);
  g_assert_true (byline_store_delete_note (eva, byline_note_get_id (by_eva), &error));
  g_assert_no_error (error);
}

/* Review mode across two people: the newest revision not the reviewer's. */
static void
test_last_revision_by_other (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(BylineStore) ana = NULL;
  g_autoptr(BylineStore) eva = NULL;
  g_autoptr(BylineArticle) article = make_article ("Ferry timetable", "Boats leave at nine.");
  g_autoptr(BylineRevision) by_ana = NULL;
  g_autoptr(BylineRevision) by_eva = NULL;
  g_autoptr(BylineRevision) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  REQUIRE_SERVER ();
  set_up_desk (fixture);
  ana = open_as (fixture, "ana");
  eva = open_as (fixture, "eva");

  id = byline_test_save_article (ana, article);
  by_ana = byline_store_save_revision (ana, article, "Ana", BYLINE_REVISION_MANUAL, &error);
  found = byline_store_last_revision_by_other (ana, id, "ana", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_clear_object (&article);
  article = byline_test_load_article (eva, id);
  byline_article_set_body (article, "Boats leave at ten.");
  byline_test_save_article (eva, article);
  by_eva = byline_store_save_revision (eva, article, "Eva", BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);

  found = byline_store_last_revision_by_other (ana, id, "ana", &error);
  g_assert_cmpint (byline_revision_get_id (found), ==, byline_revision_get_id (by_eva));
  g_clear_object (&found);
  found = byline_store_last_revision_by_other (eva, id, "eva", &error);
  g_assert_cmpint (byline_revision_get_id (found), ==, byline_revision_get_id (by_ana));
}

/* --- the server's clock and its locks ------------------------------------------ */

/* Automatic revisions: the newest revision's time is the server's. */
static void
test_auto_revision (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = make_article ("Storm warning", "Gales tonight.");
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  REQUIRE_SERVER ();
  store = byline_test_store_new (fixture->uri);
  byline_test_save_article (store, article);

  g_assert_true (byline_store_maybe_auto_revision (store, article, "Desk", now, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);

  byline_article_set_body (article, "Gales tonight, rain tomorrow.");
  g_assert_true (byline_store_maybe_auto_revision (store, article, "Desk", now + 60, &created, &error));
  g_assert_false (created);
  g_assert_true (byline_store_maybe_auto_revision (store, article, "Desk", now + 11 * 60, &created, &error));
  g_assert_true (created);

  revisions = byline_store_list_revisions (store, byline_article_get_id (article), &error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpint (byline_revision_get_created (g_ptr_array_index (revisions, 1)), >=, now - 5);
  g_assert_cmpint (byline_revision_get_created (g_ptr_array_index (revisions, 1)), <=, now + 5);
}

/* Another desk in the middle of writing an article: reading goes on and
 * sees what is committed; a save waits for its lock, then fails with a
 * message a person can act on. */
static void
test_row_lock_busy (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineStore) reader = NULL;
  g_autoptr(BylineArticle) article = make_article ("Market hall restoration", "Scaffolding goes up.");
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylinePgConnection) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  REQUIRE_SERVER ();
  store = byline_test_store_new (fixture->uri);
  id = byline_test_save_article (store, article);

  other = byline_pg_connection_new (fixture->uri, NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("BEGIN; UPDATE byline.articles SET headline = 'uncommitted'"
                         " WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (byline_pg_connection_exec (other, sql, "hold", &error));

  reader = byline_test_store_new (fixture->uri);
  loaded = byline_test_load_article (reader, id);
  g_assert_cmpstr (byline_article_get_headline (loaded), ==, "Market hall restoration");

  byline_store_set_busy_timeout (store, 50);
  byline_article_set_headline (article, "Market hall restoration begins");
  g_assert_false (byline_store_save_article (store, article, &error));
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another desk was changing the same thing"));
  g_clear_error (&error);

  byline_pg_connection_rollback (other);
  g_assert_true (byline_store_save_article (store, article, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = byline_test_load_article (reader, id);
  g_assert_cmpstr (byline_article_get_headline (loaded), ==, "Market hall restoration begins");
}

/* --- the command line on the server -------------------------------------------- */

/* Runs the program as @role, its password in the environment (as
 * ~/.pgpass would give it). */
static void
run_as (Fixture        *fixture,
        BylineTestRun  *run,
        const char     *role,
        const char    **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = byline_test_environ_without_display ();
  g_autofree char *home = g_build_filename (fixture->dir, "home", NULL);

  env = g_environ_setenv (env, "PGPASSWORD", PASSWORD, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);

  g_ptr_array_add (argv, g_strdup ("--database"));
  g_ptr_array_add (argv, dup_role_uri (role, fixture->dbname));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  byline_test_run_byline (run, fixture->dir, env, (const char * const *) argv->pdata);
}

#define RUN_AS(fixture, run, role, ...) \
  run_as (fixture, run, role, (const char *[]) { __VA_ARGS__, NULL })

static void
test_cli_reporter_and_editor (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "dredging.md", NULL);
  g_autofree char *page = g_build_filename (fixture->dir, "page.html", NULL);
  g_autofree char *linked = g_build_filename (fixture->dir, "fees.md", NULL);
  g_autofree char *linking = g_build_filename (fixture->dir, "budget.md", NULL);
  g_autofree char *linked_id = NULL;
  g_autofree char *linking_id = NULL;
  g_autofree char *named = NULL;
  g_autofree char *id = NULL;
  g_autofree char *headline = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) fields = NULL;
  htmlDocPtr doc;

  REQUIRE_SERVER ();
  set_up_desk (fixture);
  g_assert_true (g_file_set_contents (file,
                                      "---\ntitle: Dredgers reach the east basin\n---\n"
                                      "The dredgers arrived at the quay on Monday.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (linked,
                                      "---\ntitle: Harbour fees frozen\n---\n"
                                      "Mooring fees stay as they are.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (linking,
                                      "---\ntitle: Harbour budget agreed\n---\n"
                                      "The board agreed its budget.\n\n"
                                      "READ: Harbour fees frozen\n\n"
                                      "Work starts in May.\n",
                                      -1, NULL));

  /* Ana imports, lists and exports on the server. */
  RUN_AS (fixture, &run, "ana", "--import", file);
  byline_test_run_assert_success (&run);
  id = g_strstrip (g_strdup (run.out));
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);

  RUN_AS (fixture, &run, "ana", "--list");
  byline_test_run_assert_success (&run);
  fields = g_strsplit (g_strstrip (run.out), "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, id);
  g_assert_cmpstr (fields[1], ==, "draft");
  g_assert_cmpstr (fields[3], ==, "Dredgers reach the east basin");

  RUN_AS (fixture, &run, "ana", "--export", id, "--output", page);
  byline_test_run_assert_success (&run);
  doc = byline_test_parse_html_file (page);
  headline = byline_test_xpath_string (doc, "//h1");
  g_assert_cmpstr (headline, ==, "Dredgers reach the east basin");
  xmlFreeDoc (doc);

  /* To review she may send it; the editor approves. */
  RUN_AS (fixture, &run, "ana", "--set-status", id, "in-review");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "eva", "--set-status", id, "approved");
  byline_test_run_assert_success (&run);

  /* Publishing is refused her by the server: exit 1, one clear line,
   * nothing changed. */
  RUN_AS (fixture, &run, "ana", "--set-status", id, "published");
  byline_test_run_assert_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "Only an editor can publish an article"));
  g_assert_null (strstr (run.err, PASSWORD));
  RUN_AS (fixture, &run, "ana", "--list");
  byline_test_run_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "\tapproved\t"));

  /* A READ: link to her draft keeps the editor from publishing, until
   * that is published too; the server holds the linked rows meanwhile. */
  RUN_AS (fixture, &run, "ana", "--import", linked);
  byline_test_run_assert_success (&run);
  linked_id = g_strstrip (g_strdup (run.out));
  RUN_AS (fixture, &run, "ana", "--import", linking);
  byline_test_run_assert_success (&run);
  linking_id = g_strstrip (g_strdup (run.out));
  RUN_AS (fixture, &run, "ana", "--set-status", linking_id, "in-review");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "eva", "--set-status", linking_id, "approved");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "eva", "--set-status", linking_id, "published");
  byline_test_run_assert_error_line (&run, 1);
  named = g_strdup_printf ("its READ: link to “Harbour fees frozen” (article %s, a draft)", linked_id);
  g_assert_nonnull (strstr (run.err, named));
  g_assert_nonnull (strstr (run.err, "Publish that article first, or remove the link."));
  RUN_AS (fixture, &run, "ana", "--set-status", linked_id, "in-review");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "eva", "--set-status", linked_id, "approved");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "eva", "--set-status", linked_id, "published");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "eva", "--set-status", linking_id, "published");
  byline_test_run_assert_success (&run);

  RUN_AS (fixture, &run, "eva", "--set-status", id, "published");
  byline_test_run_assert_success (&run);
  RUN_AS (fixture, &run, "ana", "--history", id);
  byline_test_run_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "\teva\tpublished\t"));
  g_assert_nonnull (strstr (run.out, "\tana\tin-review\t"));
}

/* A desk's newsroom file moved onto the server whole, by its owner. */
static void
test_copy_to_server (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "desk.db", NULL);
  g_autoptr(BylineStore) file = NULL;
  g_autoptr(BylineStore) server = NULL;
  g_autoptr(BylineArticle) ferry = make_article ("Ferry fares rise", "Fares rise in May.");
  g_autoptr(BylineArticle) pier = make_article ("Pier closes", "The pier shuts.");
  g_autoptr(BylineArticle) copied = NULL;
  g_autoptr(BylineNote) note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) env = byline_test_environ_without_display ();
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "samples", "media", "slate.jpg", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample);
  g_autoptr(BylineMedia) picture = NULL;
  g_autoptr(BylineMedia) at_ana = NULL;
  g_autoptr(BylineStore) ana = NULL;
  g_autofree char *reference = NULL;
  gint64 ferry_copy, pier_copy;

  REQUIRE_SERVER ();

  file = byline_test_store_new (path);
  /* The lead picture kept in the desk's file. */
  reference = byline_store_add_media_file (file, sample_file, NULL, &error);
  g_assert_no_error (error);
  picture = byline_store_load_media (file, reference, &error);
  g_assert_no_error (error);
  byline_article_set_image (ferry, reference);
  byline_test_save_article (file, ferry);
  g_assert_true (byline_store_set_status (file, ferry, BYLINE_STATUS_IN_REVIEW, "Ana", &error));
  g_assert_true (byline_store_set_status (file, ferry, BYLINE_STATUS_APPROVED, "Ben", &error));
  g_assert_true (byline_store_set_status (file, ferry, BYLINE_STATUS_PUBLISHED, "Ben", &error));
  note = byline_store_add_note (file, byline_article_get_id (ferry), "Ben", "Which fares?", 0, 5, &error);
  byline_test_save_article (file, pier);
  g_assert_true (byline_store_set_status (file, pier, BYLINE_STATUS_SPIKED, "Ben", &error));
  g_assert_no_error (error);
  g_clear_object (&file);

  {
    const char *args[] = { "--database", path, "--copy-to", fixture->uri, NULL };

    byline_test_run_byline (&run, fixture->dir, env, args);
    byline_test_run_assert_success (&run);
  }
  g_assert_nonnull (strstr (run.out, "articles\t2\n"));
  g_assert_nonnull (strstr (run.out, "state changes\t4\n"));
  g_assert_nonnull (strstr (run.out, "notes\t1\n"));
  g_assert_nonnull (strstr (run.out, "pictures\t1\n"));

  server = byline_test_store_new (fixture->uri);
  ferry_copy = byline_store_find_by_headline (server, "Ferry fares rise", &error);
  pier_copy = byline_store_find_by_headline (server, "Pier closes", &error);
  copied = byline_test_load_article (server, ferry_copy);
  g_assert_cmpint (byline_article_get_status (copied), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (copied), ==, byline_article_get_published (ferry));
  g_assert_cmpstr (byline_article_get_uuid (copied), ==, byline_article_get_uuid (ferry));
  notes = byline_store_list_notes (server, ferry_copy, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (byline_note_get_anchor_text (g_ptr_array_index (notes, 0)), ==, "Fares");
  g_assert_cmpint (byline_store_get_spiked_from (server, pier_copy, &error), ==, BYLINE_STATUS_DRAFT);
  g_assert_no_error (error);

  /* The article names the same picture on the server, and a reporter
   * there reads its bytes as the desk kept them. */
  g_assert_cmpstr (byline_article_get_image (copied), ==, reference);
  set_up_desk (fixture);
  ana = open_as (fixture, "ana");
  at_ana = byline_store_load_media (ana, reference, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (at_ana->bytes, picture->bytes));
  g_assert_cmpstr (at_ana->mime_type, ==, "image/jpeg");

  /* A reporter keeps pictures too, under her role's name. */
  {
    g_autofree char *red = g_test_build_filename (G_TEST_DIST, "samples", "media", "red.png", NULL);
    g_autoptr(GFile) red_file = g_file_new_for_path (red);
    g_autofree char *added = byline_store_add_media_file (ana, red_file, NULL, &error);
    g_autoptr(BylineMedia) kept = NULL;

    g_assert_no_error (error);
    kept = byline_store_load_media (server, added, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kept->added_by, ==, "ana");
  }

  /* Never over a newsroom that holds articles. */
  {
    const char *args[] = { "--database", path, "--copy-to", fixture->uri, NULL };

    byline_test_run_byline (&run, fixture->dir, env, args);
    byline_test_run_assert_error_line (&run, 1);
    g_assert_nonnull (strstr (run.err, "already holds 2 articles"));
  }
}

/* A copy needs the newsroom's owner: an editor who is not is told so, and
 * nothing is copied; into a new database on which the editor may create
 * the schema, the copy makes it theirs and goes through. */
static void
test_copy_to_needs_owner (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "desk.db", NULL);
  g_autofree char *own_location = NULL;
  g_autofree char *own_dbname = NULL;
  g_autofree char *eva_uri = NULL;
  g_autofree char *eva_own_uri = NULL;
  g_autofree char *grant = NULL;
  g_autoptr(BylineStore) file = NULL;
  g_autoptr(BylineStore) server = NULL;
  g_autoptr(BylineArticle) ferry = make_article ("Ferry fares rise", "Fares rise in May.");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) env = byline_test_environ_without_display ();
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;

  REQUIRE_SERVER ();

  /* The superuser's first connection makes the newsroom: it owns it. */
  g_clear_object (&server);
  server = byline_test_store_new (fixture->uri);
  g_clear_object (&server);
  ensure_role ("copy_eva", "byline_editor", NULL);
  env = g_environ_setenv (env, "PGPASSWORD", PASSWORD, TRUE);

  file = byline_test_store_new (path);
  byline_test_save_article (file, ferry);
  g_assert_true (byline_store_set_status (file, ferry, BYLINE_STATUS_IN_REVIEW, "Ana", &error));
  g_assert_no_error (error);
  g_clear_object (&file);

  eva_uri = dup_role_uri ("copy_eva", fixture->dbname);
  {
    const char *args[] = { "--database", path, "--copy-to", eva_uri, NULL };

    byline_test_run_byline (&run, fixture->dir, env, args);
    byline_test_run_assert_error_line (&run, 1);
    g_assert_nonnull (strstr (run.err, "only the role that owns the newsroom’s schema may copy into it"));
    g_assert_nonnull (strstr (run.err, "GRANT CREATE ON DATABASE"));
  }
  server = byline_test_store_new (fixture->uri);
  summaries = byline_store_list_articles (server, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 0);
  g_clear_object (&server);

  /* A new database Eva may make the schema in: hers, and the copy works. */
  own_location = byline_test_location_new (fixture->dir, "eva");
  own_dbname = g_strndup (strrchr (own_location, '/') + 1, strcspn (strrchr (own_location, '/') + 1, "?"));
  grant = g_strdup_printf ("GRANT CREATE ON DATABASE \"%s\" TO copy_eva", own_dbname);
  byline_test_server_exec (NULL, grant);
  eva_own_uri = dup_role_uri ("copy_eva", own_dbname);
  {
    const char *args[] = { "--database", path, "--copy-to", eva_own_uri, NULL };

    byline_test_run_byline (&run, fixture->dir, env, args);
    byline_test_run_assert_success (&run);
    g_assert_nonnull (strstr (run.out, "articles\t1\n"));
    g_assert_nonnull (strstr (run.out, "state changes\t1\n"));
  }
  byline_test_location_remove (own_location);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/byline/store-pg/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* One level, so they run in this order; the first needs a cluster
   * without the group roles. */
  ADD ("migrate-needs-group-roles", test_migrate_needs_group_roles);
  ADD ("migrate-from-fresh-database", test_migrate_from_fresh_database);
  ADD ("migrate-refuses-newer", test_migrate_refuses_newer);
  ADD ("migrate-twelve-at-once", test_migrate_twelve_at_once);
  ADD ("reporter-cannot-publish", test_reporter_cannot_publish);
  ADD ("role-not-on-desk", test_role_not_on_desk);
  ADD ("role-name", test_role_name);
  ADD ("notes-by-role", test_notes_by_role);
  ADD ("last-revision-by-other", test_last_revision_by_other);
  ADD ("auto-revision", test_auto_revision);
  ADD ("row-lock-busy", test_row_lock_busy);
  ADD ("cli-reporter-and-editor", test_cli_reporter_and_editor);
  ADD ("copy-to-server", test_copy_to_server);
  ADD ("copy-to-needs-owner", test_copy_to_needs_owner);

#undef ADD

  return g_test_run ();
}
