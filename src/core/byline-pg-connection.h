/* byline-pg-connection.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* One connection to a newsroom's PostgreSQL server: the SQL helper layer of
 * the PostgreSQL backend, as byline-sql.h is SQLite's. Errors come back as
 * BYLINE_STORE_ERROR with a message a person can act on, mapped from the
 * server's SQLSTATE.
 *
 * Not thread-safe: the backend serialises its use, as the SQLite store does
 * with its handle. Notifications (LISTEN) are delivered on the thread whose
 * main context was the thread-default one when byline_pg_connection_watch()
 * was called. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define BYLINE_TYPE_PG_CONNECTION (byline_pg_connection_get_type ())

G_DECLARE_FINAL_TYPE (BylinePgConnection, byline_pg_connection, BYLINE, PG_CONNECTION, GObject)

/* TRUE for "postgresql://…" and "postgres://…" URIs: what --database and the
 * window pass to pick the PostgreSQL backend over a SQLite file. */
gboolean            byline_pg_is_uri                 (const char          *location);
/* The URI without its password, for titles and messages. (transfer full) */
char               *byline_pg_dup_display_uri        (const char          *uri);

/* Connects to @uri (any libpq connection URI). @password, when not NULL,
 * overrides what the URI and ~/.pgpass give: the window passes the one it
 * keeps in the keyring. A server that wants a password it was not given
 * fails with BYLINE_STORE_ERROR_AUTH. */
BylinePgConnection *byline_pg_connection_new         (const char          *uri,
                                                      const char          *password,
                                                      GError             **error);
const char         *byline_pg_connection_get_uri     (BylinePgConnection  *self);
/* The role the server knows this connection as (current_user). */
const char         *byline_pg_connection_get_user    (BylinePgConnection  *self);
PGconn             *byline_pg_connection_get_conn    (BylinePgConnection  *self);
/* FALSE once the server has gone away; byline_pg_connection_reset() tries
 * again. */
gboolean            byline_pg_connection_is_ok       (BylinePgConnection  *self);
gboolean            byline_pg_connection_reset       (BylinePgConnection  *self,
                                                      GError             **error);

/* Runs @sql with text parameters (NULL elements are SQL NULL). @doing is a
 * short translated phrase for messages ("save the article"). Returns the
 * result of a command or a query; NULL with @error set on failure. */
PGresult           *byline_pg_connection_query       (BylinePgConnection  *self,
                                                      const char          *sql,
                                                      int                  n_params,
                                                      const char * const  *params,
                                                      const char          *doing,
                                                      GError             **error);
/* The same, preparing @sql on the server the first time this connection
 * runs it and reusing that after: for the statements a store runs again
 * and again. */
PGresult           *byline_pg_connection_query_prepared (BylinePgConnection *self,
                                                      const char          *sql,
                                                      int                  n_params,
                                                      const char * const  *params,
                                                      const char          *doing,
                                                      GError             **error);
/* The same for statements without parameters or rows; may hold several. */
gboolean            byline_pg_connection_exec        (BylinePgConnection  *self,
                                                      const char          *sql,
                                                      const char          *doing,
                                                      GError             **error);
gboolean            byline_pg_connection_begin       (BylinePgConnection  *self,
                                                      GError             **error);
gboolean            byline_pg_connection_commit      (BylinePgConnection  *self,
                                                      GError             **error);
/* Rolls back an open transaction, if any; never fails. */
void                byline_pg_connection_rollback    (BylinePgConnection  *self);

/* LISTENs on @channel and starts delivering "notification" signals on the
 * thread-default main context. */
gboolean            byline_pg_connection_listen      (BylinePgConnection  *self,
                                                      const char          *channel,
                                                      GError             **error);
/* Whether notifications still arrive: FALSE once the server went away
 * (byline_pg_connection_reset() and listening again bring them back). */
gboolean            byline_pg_connection_is_watching (BylinePgConnection  *self);

/* Turns a failed result or connection state into a BYLINE_STORE_ERROR;
 * @res may be NULL (then the connection's message is used). What the
 * newsroom's schema refuses with a message of its own keeps that message:
 * BY001 (no such step of the workflow) and BY002 (already in that state)
 * become BYLINE_WORKFLOW_ERROR_REFUSED and _UNCHANGED, P0002 (no such
 * article) BYLINE_STORE_ERROR_NOT_FOUND, 0A000 (a newer schema) _TOO_NEW,
 * 42501 _PERMISSION. */
void                byline_pg_set_error              (GError             **error,
                                                      PGconn              *conn,
                                                      const PGresult      *res,
                                                      const char          *doing);

/* Column helpers: "" for NULL text, 0 for NULL numbers. */
const char         *byline_pg_get_text               (const PGresult      *res,
                                                      int                  row,
                                                      int                  column);
gint64              byline_pg_get_int64              (const PGresult      *res,
                                                      int                  row,
                                                      int                  column);
gboolean            byline_pg_get_bool               (const PGresult      *res,
                                                      int                  row,
                                                      int                  column);

G_END_DECLS
