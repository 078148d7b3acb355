/* byline-test-util.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers the tests share: temporary folders, the newsroom (a file, or a
 * database of its own on a newsroom server) as another program sees it,
 * the built program run as a user would, the published HTML read back
 * with libxml2, and letting the main loop run.
 *
 * Header-only (static inline), so a test uses what it needs and the rest
 * costs nothing. Include it after "config.h". */

#pragma once

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <sqlite3.h>

#include "byline-pg-connection.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* --- temporary folders ---------------------------------------------------- */

/* Makes a new folder for the test from @tmpl ("byline-unit-XXXXXX").
 * Returns: (transfer full): its path. */
static inline char *
byline_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything below it. A symbolic link goes, not what it
 * points at; a folder a test made read-only is opened up first. */
static inline void
byline_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      byline_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* --- what a machine may lack ------------------------------------------------ */

/* Stops a test that needs what this machine lacks (a dictionary, say),
 * saying @why: skipped on a distribution's build machine, a failure where
 * everything is meant to be installed (CI sets BYLINE_TEST_REQUIRE_TOOLS=1),
 * so a missing package cannot pass there unnoticed. Return after it. */
static inline void
byline_test_skip_missing (const char *why)
{
  if (g_strcmp0 (g_getenv ("BYLINE_TEST_REQUIRE_TOOLS"), "1") == 0)
    g_test_fail_printf ("%s (BYLINE_TEST_REQUIRE_TOOLS=1: it should be installed)", why);
  else
    g_test_skip (why);
}

/* --- read-only files ----------------------------------------------------------
 *
 * Tests run as root in CI, and root writes through file modes; a file or
 * folder marked immutable (chattr +i) stops root too, and the kernel
 * answers access (W_OK) for it as it would for a user without the right,
 * so the program takes the same read-only path. */

static inline gboolean
byline_test_chattr (const char *flag,
                    const char *path)
{
  const char *argv[] = { "chattr", flag, path, NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **)argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) && status == 0;
}

/* Makes the file or folder @path one this process cannot write: by its
 * mode, or as root by chattr +i. Returns: FALSE when neither works here
 * (skip the test). Undo with byline_test_make_writable(). */
static inline gboolean
byline_test_make_read_only (const char *path)
{
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (geteuid () != 0)
    g_assert_cmpint (g_chmod (path, is_dir ? 0555 : 0444), ==, 0);
  else if (!byline_test_chattr ("+i", path))
    return FALSE;

  return g_access (path, W_OK) != 0;
}

static inline void
byline_test_make_writable (const char *path)
{
  gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (geteuid () == 0)
    byline_test_chattr ("-i", path);
  g_chmod (path, is_dir ? 0700 : 0600);
}

/* --- a newsroom server ------------------------------------------------------
 *
 * The store's tests run twice: on SQLite files, and (suite "pg") on a
 * throwaway PostgreSQL server with $BYLINE_TEST_DATABASE set to the URI of
 * a role that may create databases ("postgresql://": libpq takes the rest
 * from $PGHOST and the others, which pg_virtualenv sets). There every
 * newsroom a test makes is a new database of its own. */

/* The server's URI, or NULL when the tests run on files. */
static inline const char *
byline_test_server (void)
{
  const char *uri = g_getenv ("BYLINE_TEST_DATABASE");

  return byline_pg_is_uri (uri) ? uri : NULL;
}

static inline gboolean
byline_test_on_server (void)
{
  return byline_test_server () != NULL;
}

/* A test that checks what only a newsroom file has (its bytes, its
 * PRAGMAs, file modes) says so and stops on a server. */
#define BYLINE_TEST_SKIP_ON_SERVER(why) G_STMT_START {                \
    if (byline_test_on_server ())                                      \
      {                                                                \
        g_test_skip (why);                                             \
        return;                                                        \
      }                                                                \
  } G_STMT_END

/* The server's URI with database @dbname in place of its own.
 * Returns: (transfer full): the URI. */
static inline char *
byline_test_server_uri_for (const char *dbname)
{
  const char *uri = byline_test_server ();
  const char *authority;
  const char *path;
  const char *query;

  g_assert_nonnull (uri);
  authority = strstr (uri, "://") + 3;
  path = authority + strcspn (authority, "/?");
  query = strchr (path, '?');

  return g_strdup_printf ("%.*s/%s%s", (int) (path - uri), uri, dbname, query != NULL ? query : "");
}

/* Runs @sql on the server as the tests' role, in database @dbname (NULL:
 * the URI's own); fails the test on an error. */
static inline void
byline_test_server_exec (const char *dbname,
                         const char *sql)
{
  g_autofree char *uri = dbname != NULL ? byline_test_server_uri_for (dbname)
                                        : g_strdup (byline_test_server ());
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(GError) error = NULL;

  conn = byline_pg_connection_new (uri, NULL, &error);
  g_assert_no_error (error);
  byline_pg_connection_exec (conn, sql, "prepare the test", &error);
  g_assert_no_error (error);
}

/* Where a newsroom called @name lives for a test: a new file's path in
 * @dir, or on a server the URI of a new, empty database (an empty file
 * and an empty database are both newsrooms to be). Hand it to
 * byline_test_location_remove() when done.
 * Returns: (transfer full): the location. */
static inline char *
byline_test_location_new (const char *dir,
                          const char *name)
{
  static gint counter;
  g_autofree char *file = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *sql = NULL;

  if (!byline_test_on_server ())
    {
      file = g_strconcat (name, ".db", NULL);
      return g_build_filename (dir, file, NULL);
    }

  dbname = g_strdup_printf ("byline_%s_%d_%d", name, (int) getpid (), g_atomic_int_add (&counter, 1));
  g_strdelimit (dbname, "-. ", '_');
  sql = g_strdup_printf ("CREATE DATABASE \"%s\"", dbname);
  byline_test_server_exec (NULL, sql);

  return byline_test_server_uri_for (dbname);
}

/* Drops a server's database made by byline_test_location_new() (a file
 * goes with its folder). */
static inline void
byline_test_location_remove (const char *location)
{
  const char *dbname;
  g_autofree char *sql = NULL;

  if (!byline_pg_is_uri (location))
    return;

  dbname = strrchr (location, '/') + 1;
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%.*s\" WITH (FORCE)",
                         (int) strcspn (dbname, "?"), dbname);
  byline_test_server_exec (NULL, sql);
}

/* --- the store ------------------------------------------------------------ */

/* Opens (or creates) the newsroom at @path (a file or a server's URI);
 * fails the test on an error.
 * Returns: (transfer full): the store. */
static inline BylineStore *
byline_test_store_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  BylineStore *store = byline_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The author a store records for @name: the server's name for the
 * person at the desk, whatever name it is sent; on a file, @name.
 * Returns: (transfer full): the name. */
static inline char *
byline_test_author (BylineStore *store,
                    const char  *name)
{
  char *user = byline_store_dup_role_name (store);

  return user != NULL ? user : g_strdup (name);
}

/* Saves @article in @store; fails the test on an error.
 * Returns: the article's id. */
static inline gint64
byline_test_save_article (BylineStore   *store,
                          BylineArticle *article)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_store_save_article (store, article, &error));
  g_assert_no_error (error);

  return byline_article_get_id (article);
}

/* Loads article @id from @store; fails the test on an error.
 * Returns: (transfer full) (nullable): the article. */
static inline BylineArticle *
byline_test_load_article (BylineStore *store,
                          gint64       id)
{
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_store_load_article (store, id, &error);

  g_assert_no_error (error);
  return article;
}

/* A newsroom of its own (a file in a new folder, or a new database on
 * the server the tests run against): a test fixture. */
typedef struct
{
  char        *dir;
  char        *path;    /* the file, or the server's URI */
  BylineStore *store;
} BylineTestNewsroom;

/* Makes a folder from @tmpl ("byline-unit-XXXXXX") and a new newsroom
 * (newsroom.db in it, or a database), open in @newsroom->store. */
static inline void
byline_test_newsroom_set_up (BylineTestNewsroom *newsroom,
                             const char         *tmpl)
{
  newsroom->dir = byline_test_make_tmp_dir (tmpl);
  newsroom->path = byline_test_location_new (newsroom->dir, "newsroom");
  newsroom->store = byline_test_store_new (newsroom->path);
  g_assert_nonnull (newsroom->store);
}

/* Checks that nothing else holds the store (unless the test closed it and
 * set it to NULL), then removes the folder (and the database). */
static inline void
byline_test_newsroom_tear_down (BylineTestNewsroom *newsroom)
{
  if (newsroom->store != NULL)
    g_assert_finalize_object (newsroom->store);
  byline_test_location_remove (newsroom->path);
  byline_test_remove_tree (newsroom->dir);
  g_free (newsroom->path);
  g_free (newsroom->dir);
}

/* --- the database file, read as another program would ---------------------- */

/* Opens the file at @path read-only, on a connection of its own, and
 * prepares @sql on it; step the statement, then hand both to
 * byline_test_sql_finish(). Returns: (transfer full): the statement. */
static inline sqlite3_stmt *
byline_test_sql_prepare (const char  *path,
                         const char  *sql,
                         sqlite3    **db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*db, sql, -1, &stmt, NULL), ==, SQLITE_OK);

  return stmt;
}

/* Frees @stmt and closes @db, from byline_test_sql_prepare(). */
static inline void
byline_test_sql_finish (sqlite3      *db,
                        sqlite3_stmt *stmt)
{
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* On a server, @sql's first row, run in the newsroom at @uri with the
 * newsroom's schema first on the search path, so that the same SQL reads
 * a file and a server where the two agree ("SELECT count(*) FROM
 * articles"). Writes fire no triggers (session_replication_role):
 * a test setting a row up means it as written, and the server would
 * stamp its own times and names over it. NULL when there is no row. */
static inline PGresult *
byline_test_server_query (const char *uri,
                          const char *sql)
{
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  PGresult *res = NULL;
  PGresult *last = NULL;
  PGconn *pq;

  conn = byline_pg_connection_new (uri, NULL, &error);
  g_assert_no_error (error);
  byline_pg_connection_exec (conn,
                             "SET search_path = byline, public; SET session_replication_role = replica",
                             "prepare the test", &error);
  g_assert_no_error (error);

  /* Several statements: the last one's rows. */
  pq = byline_pg_connection_get_conn (conn);
  g_assert_true (PQsendQuery (pq, sql));
  while ((res = PQgetResult (pq)) != NULL)
    {
      if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQresultErrorMessage (res));
      g_clear_pointer (&last, PQclear);
      last = res;
    }

  return last;
}

/* The first column of the first row @sql gives on the newsroom at @path,
 * read as another program would; -1 when there is no row. */
static inline gint64
byline_test_sql_int (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  if (byline_pg_is_uri (path))
    {
      g_autoptr(PGresult) res = byline_test_server_query (path, sql);

      if (PQntuples (res) > 0)
        value = byline_pg_get_int64 (res, 0, 0);
      return value;
    }

  stmt = byline_test_sql_prepare (path, sql, &db);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  byline_test_sql_finish (db, stmt);

  return value;
}

/* The same as text.
 * Returns: (transfer full) (nullable): NULL when there is no row or the
 * value is NULL. */
static inline char *
byline_test_sql_text (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  if (byline_pg_is_uri (path))
    {
      g_autoptr(PGresult) res = byline_test_server_query (path, sql);

      if (PQntuples (res) > 0 && !PQgetisnull (res, 0, 0))
        value = g_strdup (PQgetvalue (res, 0, 0));
      return value;
    }

  stmt = byline_test_sql_prepare (path, sql, &db);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  byline_test_sql_finish (db, stmt);

  return value;
}

/* Runs @sql (any number of statements) on the newsroom at @path, creating
 * a file if need be; fails the test with the database's message when a
 * statement fails. */
static inline void
byline_test_sql_exec (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (byline_pg_is_uri (path))
    {
      g_autoptr(PGresult) res = byline_test_server_query (path, sql);
      return;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* --- the built program ----------------------------------------------------- */

/* What one run of the program printed, and how it exited. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} BylineTestRun;

static inline void
byline_test_run_clear (BylineTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineTestRun, byline_test_run_clear)

/* The program under test: $BYLINE_BIN, which `meson test` sets. */
static inline const char *
byline_test_bin (void)
{
  const char *bin = g_getenv ("BYLINE_BIN");

  if (bin == NULL)
    g_error ("BYLINE_BIN is not set: run the tests with “meson test”");

  return bin;
}

/* This process's environment without a display, so the program cannot
 * open a window. Returns: (transfer full): the environment. */
static inline char **
byline_test_environ_without_display (void)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  return env;
}

/* Runs the program with @args (NULL-terminated, the program's name left
 * out) in @cwd with @env, without a shell, and keeps what it printed and
 * its exit status in @run. Fails the test when it does not exit normally. */
static inline void
byline_test_run_byline (BylineTestRun      *run,
                        const char         *cwd,
                        char              **env,
                        const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) byline_test_bin ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  byline_test_run_clear (run);
  g_spawn_sync (cwd, (char **) argv->pdata, env, G_SPAWN_DEFAULT,
                NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("byline did not exit normally (wait status %d); stderr:\n%s",
             wait_status, run->err);
  run->status = WEXITSTATUS (wait_status);

  if (g_test_verbose ())
    g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

/* The run succeeded: exit status 0 and nothing on stderr. */
static inline void
byline_test_run_assert_success (BylineTestRun *run)
{
  if (run->status != 0)
    g_error ("byline exited with %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* The run failed with exit status @status and told why in one
 * "byline: …" line on stderr, with no GLib warning or critical. */
static inline void
byline_test_run_assert_error_line (BylineTestRun *run,
                                   int            status)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "byline: "));
  /* One line: its only newline is the last character. */
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}

/* --- published HTML -------------------------------------------------------- */

/* XPath predicate: the element has @c among its classes. */
#define BYLINE_TEST_HAS_CLASS(c) "contains(concat(' ', normalize-space(@class), ' '), ' " c " ')"

#define BYLINE_TEST_HTML_OPTIONS \
  (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET)

/* Parses the page at @path as a browser would, forgiving errors.
 * Returns: (transfer full): the document; free with xmlFreeDoc(). */
static inline htmlDocPtr
byline_test_parse_html_file (const char *path)
{
  htmlDocPtr doc = htmlReadFile (path, "UTF-8", BYLINE_TEST_HTML_OPTIONS);

  g_assert_nonnull (doc);
  return doc;
}

/* The same for a page in memory. */
static inline htmlDocPtr
byline_test_parse_html_string (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8", BYLINE_TEST_HTML_OPTIONS);

  g_assert_nonnull (doc);
  return doc;
}

/* The text (or attribute value) of each node @expr selects, in document
 * order, white space trimmed.
 * Returns: (transfer full) (element-type utf8): the strings. */
static inline GPtrArray *
byline_test_xpath_strings (htmlDocPtr  doc,
                           const char *expr)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expr, context);
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_ptr_array_add (strings, g_strstrip (g_strdup ((const char *) content)));
      xmlFree (content);
    }

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return strings;
}

/* The one string @expr selects; fails the test when it selects no node or
 * more than one. Returns: (transfer full): the string. */
static inline char *
byline_test_xpath_string (htmlDocPtr  doc,
                          const char *expr)
{
  g_autoptr(GPtrArray) strings = byline_test_xpath_strings (doc, expr);

  if (strings->len != 1)
    g_error ("“%s” selects %u nodes, not one", expr, strings->len);

  return g_strdup (g_ptr_array_index (strings, 0));
}

/* --- the main loop ---------------------------------------------------------- */

/* A GSourceFunc that sets the gboolean at @user_data. */
static inline gboolean
byline_test_timeout_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms, whatever happens. */
static inline void
byline_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, byline_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

G_END_DECLS
