/* byline-pg-connection.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-pg"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "byline-pg-connection.h"
#include "byline-store.h"
#include "byline-workflow.h"

struct _BylinePgConnection
{
  GObject  parent_instance;

  char       *uri;
  char       *user;
  PGconn     *conn;
  GSource    *watch;
  /* SQL text → the name it was prepared under, on this connection. */
  GHashTable *prepared;
};

G_DEFINE_FINAL_TYPE (BylinePgConnection, byline_pg_connection, G_TYPE_OBJECT)

enum {
  NOTIFICATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
byline_pg_is_uri (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") ||
          g_str_has_prefix (location, "postgres://"));
}

char *
byline_pg_dup_display_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    return g_strdup (uri);

  return g_uri_to_string_partial (parsed, G_URI_HIDE_PASSWORD | G_URI_HIDE_QUERY);
}

/* Where a message names the server: host and database, never the password. */
static char *
dup_server_name (PGconn *conn)
{
  const char *host = conn ? PQhost (conn) : NULL;
  const char *db = conn ? PQdb (conn) : NULL;

  if (host == NULL || *host == '\0' || *host == '/')
    host = "localhost";

  return g_strdup_printf ("%s/%s", host, db ? db : "");
}

/* What the newsroom's own schema says when it refuses something
 * (src/core/pg/README.md): a sentence saying what to do, which a person
 * can be shown as it is, and its hint. NULL for what PostgreSQL itself
 * says ("permission denied for table articles"). */
static char *
dup_schema_message (const PGresult *res)
{
  const char *function = PQresultErrorField (res, PG_DIAG_SOURCE_FUNCTION);
  const char *primary = PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY);
  const char *hint = PQresultErrorField (res, PG_DIAG_MESSAGE_HINT);

  /* RAISE in PL/pgSQL, which the schema's functions and steps use. */
  if (primary == NULL || g_strcmp0 (function, "exec_stmt_raise") != 0)
    return NULL;

  if (hint != NULL && *hint != '\0')
    return g_strdup_printf ("%s %s", primary, hint);

  return g_strdup (primary);
}

void
byline_pg_set_error (GError         **error,
                     PGconn          *conn,
                     const PGresult  *res,
                     const char      *doing)
{
  g_autofree char *server = dup_server_name (conn);
  g_autofree char *detail = NULL;
  g_autofree char *schema_message = NULL;
  const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  if (primary != NULL)
    detail = g_strdup (primary);
  else if (conn != NULL && PQerrorMessage (conn) != NULL)
    detail = g_strstrip (g_strdup (PQerrorMessage (conn)));
  else
    detail = g_strdup (_("no reason given"));

  if (res != NULL)
    schema_message = dup_schema_message (res);

  /* The codes the schema adds, and the ones it raises with a message of
   * its own: the message says it all. */
  if (state != NULL && schema_message != NULL)
    {
      if (g_str_equal (state, "BY001"))
        {
          g_set_error_literal (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                               schema_message);
          return;
        }
      if (g_str_equal (state, "BY002"))
        {
          g_set_error_literal (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_UNCHANGED,
                               schema_message);
          return;
        }
      if (g_str_equal (state, "P0002"))
        {
          g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND, schema_message);
          return;
        }
      if (g_str_equal (state, "0A000"))
        {
          g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_TOO_NEW, schema_message);
          return;
        }
      if (g_str_equal (state, "42501"))
        {
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION,
                       /* Translators: what failed, such as “save the article”;
                        * the newsroom server's reason, in its own words */
                       _("Could not %s: %s"), doing, schema_message);
          return;
        }
      if (g_str_equal (state, "22023"))
        {
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                       /* Translators: what failed, such as “save the article”;
                        * the newsroom server's reason, in its own words */
                       _("Could not %s: %s"), doing, schema_message);
          return;
        }
    }

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK ||
      (state != NULL && g_str_has_prefix (state, "08")) ||
      (state != NULL && g_str_equal (state, "57P01")))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE,
                   _("Could not %s: the newsroom server %s cannot be reached (%s). "
                     "Check the network and try again."),
                   doing, server, detail);
    }
  else if (state == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("Could not %s on %s: %s."), doing, server, detail);
    }
  else if (g_str_equal (state, "42501"))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION,
                   _("Could not %s: your role on the newsroom server may not do this (%s). "
                     "Ask an editor, or ask the server's administrator for the editor role."),
                   doing, detail);
    }
  else if (g_str_has_prefix (state, "28"))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_AUTH,
                   _("Could not %s: the newsroom server %s did not accept the login (%s). "
                     "Check the user name and password."),
                   doing, server, detail);
    }
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
           g_str_equal (state, "55P03"))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_BUSY,
                   _("Could not %s: another desk was changing the same thing. Try again."),
                   doing);
    }
  else if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("Could not %s: the newsroom server refused a value (%s)."),
                   doing, detail);
    }
  else if (g_str_equal (state, "53100"))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("Could not %s: the newsroom server's disk is full. "
                     "Ask its administrator to free some space."),
                   doing);
    }
  else
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("Could not %s on %s: %s (SQLSTATE %s)."), doing, server, detail, state);
    }
}

static void
byline_pg_connection_dispose (GObject *object)
{
  BylinePgConnection *self = (BylinePgConnection *)object;

  if (self->watch != NULL)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }

  G_OBJECT_CLASS (byline_pg_connection_parent_class)->dispose (object);
}

static void
byline_pg_connection_finalize (GObject *object)
{
  BylinePgConnection *self = (BylinePgConnection *)object;

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (byline_pg_connection_parent_class)->finalize (object);
}

static void
byline_pg_connection_class_init (BylinePgConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_pg_connection_dispose;
  object_class->finalize = byline_pg_connection_finalize;

  /* A NOTIFY arrived on a channel this connection listens on: the
   * channel, the payload, and the server process that sent it (a
   * connection's PQbackendPID(), to tell one's own changes). */
  signals[NOTIFICATION] =
    g_signal_new ("notification",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);
}

static void
byline_pg_connection_init (BylinePgConnection *self)
{
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* libpq prints notices (such as "relation already exists, skipping") on
 * stderr by default; the command line's output is for people. */
static void
ignore_notice (void       *arg,
               const char *message)
{
  g_debug ("%s", message);
}

static gboolean
finish_connect (BylinePgConnection  *self,
                GError             **error)
{
  g_autoptr(PGresult) res = NULL;

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *server = dup_server_name (self->conn);
      g_autofree char *detail = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      if (PQconnectionNeedsPassword (self->conn) ||
          strstr (detail, "password authentication failed") != NULL)
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_AUTH,
                     _("The newsroom server %s wants a password for this login (%s). "
                       "Enter it, or add it to ~/.pgpass."),
                     server, detail);
      else
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE,
                     _("Could not connect to the newsroom server %s: %s. "
                       "Check the address and the network, then try again."),
                     server, detail);
      return FALSE;
    }

  PQsetNoticeProcessor (self->conn, ignore_notice, NULL);

  res = byline_pg_connection_query (self, "SELECT current_user", 0, NULL,
                                    _("ask the server who you are"), error);
  if (res == NULL)
    return FALSE;

  g_free (self->user);
  self->user = g_strdup (byline_pg_get_text (res, 0, 0));

  return TRUE;
}

BylinePgConnection *
byline_pg_connection_new (const char  *uri,
                          const char  *password,
                          GError     **error)
{
  g_autoptr(BylinePgConnection) self = NULL;
  const char *keys[5] = { "dbname", "fallback_application_name", "connect_timeout", NULL, NULL };
  const char *values[5] = { uri, "byline", "10", NULL, NULL };

  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_PG_CONNECTION, NULL);
  self->uri = g_strdup (uri);

  /* dbname holding a URI is expanded by libpq (expand_dbname), and keys
   * after it override what the URI says: the keyring's password wins, and
   * without one the URI's and ~/.pgpass are used. */
  if (password != NULL)
    {
      keys[3] = "password";
      values[3] = password;
    }

  self->conn = PQconnectdbParams (keys, values, 1);
  if (self->conn == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("Could not start a connection to the newsroom server: out of memory."));
      return NULL;
    }

  if (!finish_connect (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
byline_pg_connection_get_uri (BylinePgConnection *self)
{
  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), NULL);

  return self->uri;
}

const char *
byline_pg_connection_get_user (BylinePgConnection *self)
{
  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), NULL);

  return self->user;
}

PGconn *
byline_pg_connection_get_conn (BylinePgConnection *self)
{
  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), NULL);

  return self->conn;
}

gboolean
byline_pg_connection_is_ok (BylinePgConnection *self)
{
  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), FALSE);

  return PQstatus (self->conn) == CONNECTION_OK;
}

gboolean
byline_pg_connection_reset (BylinePgConnection  *self,
                            GError             **error)
{
  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), FALSE);

  /* A new session: what was prepared on the old one is gone. */
  g_hash_table_remove_all (self->prepared);
  PQreset (self->conn);
  return finish_connect (self, error);
}

PGresult *
byline_pg_connection_query (BylinePgConnection  *self,
                            const char          *sql,
                            int                  n_params,
                            const char * const  *params,
                            const char          *doing,
                            GError             **error)
{
  g_autoptr(PGresult) res = NULL;
  ExecStatusType status;

  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  res = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      byline_pg_set_error (error, self->conn, res, doing);
      return NULL;
    }

  return g_steal_pointer (&res);
}

/**
 * byline_pg_connection_query_prepared:
 * @self: a connection
 * @sql: one statement, with $1… parameters
 * @n_params: the number of parameters
 * @params: (array length=n_params) (nullable): their values as text, NULL
 *   elements for SQL NULL
 * @doing: what for, for the error message
 * @error: return location for a #GError
 *
 * Like byline_pg_connection_query(), for statements run again and again:
 * the first run prepares @sql on the server, later ones reuse it, so the
 * server parses and plans it once per connection.
 *
 * Returns: (transfer full) (nullable): the result
 */
PGresult *
byline_pg_connection_query_prepared (BylinePgConnection  *self,
                                     const char          *sql,
                                     int                  n_params,
                                     const char * const  *params,
                                     const char          *doing,
                                     GError             **error)
{
  g_autoptr(PGresult) res = NULL;
  const char *name;
  ExecStatusType status;

  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  name = g_hash_table_lookup (self->prepared, sql);
  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("byline_%u", g_hash_table_size (self->prepared) + 1);
      g_autoptr(PGresult) prepared = PQprepare (self->conn, new_name, sql, n_params, NULL);

      status = prepared ? PQresultStatus (prepared) : PGRES_FATAL_ERROR;
      if (status != PGRES_COMMAND_OK)
        {
          byline_pg_set_error (error, self->conn, prepared, doing);
          return NULL;
        }

      name = new_name;
      g_hash_table_insert (self->prepared, g_strdup (sql), g_steal_pointer (&new_name));
    }

  res = PQexecPrepared (self->conn, name, n_params, params, NULL, NULL, 0);
  status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      byline_pg_set_error (error, self->conn, res, doing);
      return NULL;
    }

  return g_steal_pointer (&res);
}

gboolean
byline_pg_connection_exec (BylinePgConnection  *self,
                           const char          *sql,
                           const char          *doing,
                           GError             **error)
{
  g_autoptr(PGresult) res = NULL;
  ExecStatusType status;

  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  /* PQexec, unlike PQexecParams, runs several statements (migrations). */
  res = PQexec (self->conn, sql);
  status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      byline_pg_set_error (error, self->conn, res, doing);
      return FALSE;
    }

  return TRUE;
}

gboolean
byline_pg_connection_begin (BylinePgConnection  *self,
                            GError             **error)
{
  return byline_pg_connection_exec (self, "BEGIN", _("start a transaction"), error);
}

gboolean
byline_pg_connection_commit (BylinePgConnection  *self,
                             GError             **error)
{
  return byline_pg_connection_exec (self, "COMMIT", _("finish a transaction"), error);
}

void
byline_pg_connection_rollback (BylinePgConnection *self)
{
  g_return_if_fail (BYLINE_IS_PG_CONNECTION (self));

  if (PQtransactionStatus (self->conn) != PQTRANS_IDLE &&
      PQtransactionStatus (self->conn) != PQTRANS_UNKNOWN)
    {
      g_autoptr(PGresult) res = PQexec (self->conn, "ROLLBACK");
    }
}

static gboolean
socket_ready_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  BylinePgConnection *self = user_data;
  PGnotify *notify;

  g_object_ref (self);

  if (!PQconsumeInput (self->conn))
    {
      /* The server went away. The backend notices on its next query and
       * reconnects; this source stops watching a dead socket. */
      g_debug ("Lost the listening connection: %s", PQerrorMessage (self->conn));
      g_clear_pointer (&self->watch, g_source_unref);
      g_object_unref (self);
      return G_SOURCE_REMOVE;
    }

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      g_signal_emit (self, signals[NOTIFICATION], 0, notify->relname, notify->extra, notify->be_pid);
      PQfreemem (notify);
    }

  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

gboolean
byline_pg_connection_is_watching (BylinePgConnection *self)
{
  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), FALSE);

  return self->watch != NULL && PQstatus (self->conn) == CONNECTION_OK;
}

gboolean
byline_pg_connection_listen (BylinePgConnection  *self,
                             const char          *channel,
                             GError             **error)
{
  g_autofree char *sql = NULL;
  char *quoted;

  g_return_val_if_fail (BYLINE_IS_PG_CONNECTION (self), FALSE);
  g_return_val_if_fail (channel != NULL, FALSE);

  quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  if (quoted == NULL)
    {
      byline_pg_set_error (error, self->conn, NULL, _("listen for changes"));
      return FALSE;
    }
  sql = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (quoted);

  if (!byline_pg_connection_exec (self, sql, _("listen for changes"), error))
    return FALSE;

  if (self->watch != NULL)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }

  self->watch = g_unix_fd_source_new (PQsocket (self->conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->watch, G_SOURCE_FUNC (socket_ready_cb), self, NULL);
  g_source_set_static_name (self->watch, "[byline] newsroom notifications");
  g_source_attach (self->watch, g_main_context_get_thread_default ());

  return TRUE;
}

const char *
byline_pg_get_text (const PGresult *res,
                    int             row,
                    int             column)
{
  if (PQgetisnull (res, row, column))
    return "";

  return PQgetvalue (res, row, column);
}

gint64
byline_pg_get_int64 (const PGresult *res,
                     int             row,
                     int             column)
{
  if (PQgetisnull (res, row, column))
    return 0;

  return g_ascii_strtoll (PQgetvalue (res, row, column), NULL, 10);
}

gboolean
byline_pg_get_bool (const PGresult *res,
                    int             row,
                    int             column)
{
  return !PQgetisnull (res, row, column) && PQgetvalue (res, row, column)[0] == 't';
}
