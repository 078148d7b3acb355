/* test-pg-connection.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The PostgreSQL helper layer against a real, throwaway server:
 * `pg_virtualenv -v 15` starts one and sets PGHOST, PGPORT, PGUSER and
 * PGPASSWORD (tests/meson.build runs this test through it). */

#include "config.h"

#include "byline-pg-connection.h"
#include "byline-store.h"

/* "postgresql://" alone: libpq takes the rest from the environment. */
#define SERVER "postgresql://"

/* Outside pg_virtualenv there is no server to talk to: say so, don't pass. */
#define REQUIRE_SERVER() G_STMT_START {                                   \
    if (g_getenv ("PGHOST") == NULL)                                      \
      {                                                                   \
        g_test_skip ("no PostgreSQL server: run through pg_virtualenv");  \
        return;                                                           \
      }                                                                   \
  } G_STMT_END

static BylinePgConnection *
connect_or_fail (const char *uri,
                 const char *password)
{
  g_autoptr(GError) error = NULL;
  BylinePgConnection *conn = byline_pg_connection_new (uri, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conn);
  return conn;
}

static void
test_uri (void)
{
  g_autofree char *shown = NULL;

  g_assert_true (byline_pg_is_uri ("postgresql://desk@news.example.org/newsroom"));
  g_assert_true (byline_pg_is_uri ("postgres://localhost/newsroom"));
  g_assert_false (byline_pg_is_uri ("/home/desk/newsroom.db"));
  g_assert_false (byline_pg_is_uri ("newsroom.db"));
  g_assert_false (byline_pg_is_uri (NULL));

  /* A title or message never shows the password. */
  shown = byline_pg_dup_display_uri ("postgresql://desk:s3cret@news.example.org:5433/newsroom?sslmode=verify-full");
  g_assert_null (strstr (shown, "s3cret"));
  g_assert_nonnull (strstr (shown, "news.example.org"));
  g_assert_nonnull (strstr (shown, "newsroom"));
}

static void
test_query (void)
{
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *params[] = { "Harbour reopens", NULL, "42" };

  REQUIRE_SERVER ();

  conn = connect_or_fail (SERVER, NULL);

  g_assert_cmpstr (byline_pg_connection_get_user (conn), ==, g_getenv ("PGUSER"));
  g_assert_true (byline_pg_connection_is_ok (conn));

  res = byline_pg_connection_query (conn, "SELECT $1::text, $2::text, $3::bigint + 1, $2 IS NULL",
                                    3, params, "read", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_pg_get_text (res, 0, 0), ==, "Harbour reopens");
  g_assert_cmpstr (byline_pg_get_text (res, 0, 1), ==, "");
  g_assert_cmpint (byline_pg_get_int64 (res, 0, 2), ==, 43);
  g_assert_true (byline_pg_get_bool (res, 0, 3));
}

static void
test_transaction (void)
{
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  REQUIRE_SERVER ();

  conn = connect_or_fail (SERVER, NULL);

  g_assert_true (byline_pg_connection_exec (conn, "DROP TABLE IF EXISTS t_tx; CREATE TABLE t_tx (v text)",
                                            "create", &error));
  g_assert_no_error (error);

  g_assert_true (byline_pg_connection_begin (conn, &error));
  g_assert_true (byline_pg_connection_exec (conn, "INSERT INTO t_tx VALUES ('kept?')", "insert", &error));
  byline_pg_connection_rollback (conn);
  /* Rolling back twice, or with no transaction, is harmless. */
  byline_pg_connection_rollback (conn);

  res = byline_pg_connection_query (conn, "SELECT count(*) FROM t_tx", 0, NULL, "count", &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_pg_get_int64 (res, 0, 0), ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(BylinePgConnection) admin = NULL;
  g_autoptr(BylinePgConnection) reporter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *uri = NULL;

  REQUIRE_SERVER ();

  admin = connect_or_fail (SERVER, NULL);

  /* Bad SQL: a failure that says what was being done. */
  res = byline_pg_connection_query (admin, "SELEC 1", 0, NULL, "count the articles", &error);
  g_assert_null (res);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "count the articles"));
  g_clear_error (&error);

  /* A role without the right: refused by the server, said as such. */
  g_assert_true (byline_pg_connection_exec (admin,
                                            "DROP TABLE IF EXISTS t_secret;"
                                            "CREATE TABLE t_secret (v text);"
                                            "DROP ROLE IF EXISTS t_reporter;"
                                            "CREATE ROLE t_reporter LOGIN PASSWORD 'typewriter';",
                                            "set up", &error));
  g_assert_no_error (error);

  uri = g_strdup_printf ("postgresql://t_reporter@%s:%s/%s", g_getenv ("PGHOST"),
                         g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432",
                         g_getenv ("PGDATABASE") ? g_getenv ("PGDATABASE") : g_getenv ("PGUSER"));

  /* The wrong password (it overrides $PGPASSWORD, as the keyring's does). */
  reporter = byline_pg_connection_new (uri, "not-the-password", &error);
  g_assert_null (reporter);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_AUTH);
  g_assert_null (strstr (error->message, "not-the-password"));
  g_clear_error (&error);

  reporter = connect_or_fail (uri, "typewriter");
  g_assert_cmpstr (byline_pg_connection_get_user (reporter), ==, "t_reporter");
  res = byline_pg_connection_query (reporter, "INSERT INTO t_secret VALUES ('x')", 0, NULL,
                                    "publish the article", &error);
  g_assert_null (res);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "publish the article"));
}

static void
test_unreachable (void)
{
  g_autoptr(BylinePgConnection) conn = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE_SERVER ();

  /* Nothing listens on port 1 of this machine. */
  conn = byline_pg_connection_new ("postgresql://desk@127.0.0.1:1/newsroom", NULL, &error);
  g_assert_null (conn);
  g_assert_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
notification_cb (BylinePgConnection *conn,
                 const char         *channel,
                 const char         *payload,
                 int                 pid,
                 gpointer            user_data)
{
  GPtrArray *received = user_data;

  /* Who sent it: the server process of the connection that notified. */
  g_ptr_array_add (received, g_strdup_printf ("%s:%s:%d", channel, payload, pid));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_listen (void)
{
  g_autoptr(BylinePgConnection) desk_a = NULL;
  g_autoptr(BylinePgConnection) desk_b = NULL;
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  gint64 start;

  REQUIRE_SERVER ();

  desk_a = connect_or_fail (SERVER, NULL);
  desk_b = connect_or_fail (SERVER, NULL);

  g_signal_connect (desk_a, "notification", G_CALLBACK (notification_cb), received);
  g_assert_true (byline_pg_connection_listen (desk_a, "byline_changes", &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_assert_true (byline_pg_connection_exec (desk_b, "NOTIFY byline_changes, '{\"article\":7}'",
                                            "notify", &error));
  g_assert_no_error (error);

  /* Another desk's change arrives within a second. */
  timeout_id = g_timeout_add (1000, timeout_cb, &timed_out);
  while (received->len == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  g_assert_cmpuint (received->len, ==, 1);
  {
    g_autofree char *expected =
      g_strdup_printf ("byline_changes:{\"article\":7}:%d",
                       PQbackendPID (byline_pg_connection_get_conn (desk_b)));

    g_assert_cmpstr (g_ptr_array_index (received, 0), ==, expected);
  }
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/pg/uri", test_uri);

  g_test_add_func ("/byline/pg/query", test_query);
  g_test_add_func ("/byline/pg/transaction", test_transaction);
  g_test_add_func ("/byline/pg/errors", test_errors);
  g_test_add_func ("/byline/pg/unreachable", test_unreachable);
  g_test_add_func ("/byline/pg/listen", test_listen);

  return g_test_run ();
}
