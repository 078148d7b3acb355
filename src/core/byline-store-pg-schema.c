/* byline-store-pg-schema.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-pg"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "byline-store-pg-private.h"

/* The newsroom server's schema, brought up to date the way
 * src/core/pg/README.md says: the step files are embedded as resources
 * (src/core/pg/byline-pg.gresource.xml); each step runs in a transaction
 * of its own under the migration lock, and the schema version is read
 * again under that lock, so desks connecting to a new newsroom at once
 * make each step once. step-guard.sql, run inside each step's transaction,
 * refuses a newer schema and a role that may not make the step, with a
 * message saying what to do. */

#define RESOURCE_DIR "/io/github/bylinedesk/Byline/pg/"

/* From the generated resource; calling it links the resource in. */
GResource *byline_pg_get_resource (void);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The step files, "0001-newsroom.sql" onwards, in order. */
static GPtrArray *
list_steps (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (byline_pg_get_resource (), RESOURCE_DIR,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (strlen (name) > 5 && g_ascii_isdigit (name[0]) && g_ascii_isdigit (name[1]) &&
          g_ascii_isdigit (name[2]) && g_ascii_isdigit (name[3]) && name[4] == '-' &&
          g_str_has_suffix (name, ".sql"))
        g_ptr_array_add (steps, g_strdup (name));
    }

  g_ptr_array_sort (steps, compare_names);

  /* Numbered from 1 without a gap: the resource list is written by hand. */
  for (guint i = 0; i < steps->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%04u-", i + 1);

      if (!g_str_has_prefix (g_ptr_array_index (steps, i), prefix))
        g_error ("The newsroom server's schema step %s is out of sequence: expected step %u",
                 (const char *) g_ptr_array_index (steps, i), i + 1);
    }

  return steps;
}

guint
_byline_store_pg_n_steps (void)
{
  g_autoptr(GPtrArray) steps = list_steps ();

  return steps->len;
}

static char *
dup_resource_text (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (byline_pg_get_resource (), path,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  /* Compiled in: missing, the build is broken. */
  if (bytes == NULL)
    g_error ("The newsroom server's schema file %s is missing from the build", name);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
set_too_new (GError     **error,
             PGconn      *conn,
             gint64       current,
             guint        known)
{
  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_TOO_NEW,
               /* Translators: the database's name on the server; its schema
                * version; the newest version this Byline knows */
               _("The newsroom database “%s” uses schema %" PRId64 ", newer than this "
                 "version of Byline knows (%u). Update Byline to work in it."),
               PQdb (conn), current, known);
}

/* The schema version as committed, without the lock: the fast path of
 * every connection but the first. -1 when there is no newsroom yet. */
static gboolean
read_version (BylineStorePg  *self,
              gint64         *version,
              GError        **error)
{
  g_autoptr(PGresult) res = NULL;
  const char *doing = _("open the newsroom");

  *version = -1;

  res = byline_pg_connection_query (self->conn,
                                    "SELECT to_regclass('byline.byline_schema') IS NOT NULL",
                                    0, NULL, doing, error);
  if (res == NULL)
    return FALSE;

  if (!byline_pg_get_bool (res, 0, 0))
    return TRUE;

  g_clear_pointer (&res, PQclear);
  res = byline_pg_connection_query (self->conn,
                                    "SELECT coalesce(max(version), 0) FROM byline.byline_schema",
                                    0, NULL, doing, error);
  if (res == NULL)
    return FALSE;

  *version = byline_pg_get_int64 (res, 0, 0);
  return TRUE;
}

/* Runs step @step (of @known) from @sql, unless another desk made it
 * while this one waited for the lock. */
static gboolean
run_step (BylineStorePg  *self,
          guint           step,
          guint           known,
          const char     *guard,
          const char     *sql,
          GError        **error)
{
  g_autoptr(PGresult) res = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *record = NULL;
  const char *doing = _("set up the newsroom on the server");
  gint64 current;

  lock = g_strdup_printf ("SELECT pg_advisory_xact_lock(%d)", BYLINE_PG_MIGRATION_LOCK);
  settings = g_strdup_printf ("SELECT set_config('byline.migrate_step', '%u', true),"
                              " set_config('byline.migrate_known', '%u', true)",
                              step, known);

  /* Other desks' steps may hold the lock for a while: wait for them,
   * whatever lock_timeout the server sets. */
  if (!byline_pg_connection_begin (self->conn, error) ||
      !byline_pg_connection_exec (self->conn, "SET LOCAL lock_timeout = 0", doing, error) ||
      !byline_pg_connection_exec (self->conn, lock, doing, error) ||
      !byline_pg_connection_exec (self->conn, settings, doing, error) ||
      !byline_pg_connection_exec (self->conn, guard, doing, error))
    goto failed;

  res = byline_pg_connection_query (self->conn, "SELECT current_setting('byline.migrate_current')::integer",
                                    0, NULL, doing, error);
  if (res == NULL)
    goto failed;

  current = byline_pg_get_int64 (res, 0, 0);
  if (current >= step)
    {
      g_debug ("Schema step %u was made meanwhile by another desk", step);
      byline_pg_connection_rollback (self->conn);
      return TRUE;
    }

  record = g_strdup_printf ("INSERT INTO byline.byline_schema (version) VALUES (%u)", step);
  if (!byline_pg_connection_exec (self->conn, sql, doing, error) ||
      !byline_pg_connection_exec (self->conn, record, doing, error) ||
      !byline_pg_connection_commit (self->conn, error))
    goto failed;

  g_debug ("Made schema step %u of %u on %s", step, known, PQdb (byline_pg_connection_get_conn (self->conn)));
  return TRUE;

failed:
  byline_pg_connection_rollback (self->conn);
  return FALSE;
}

gboolean
_byline_store_pg_migrate (BylineStorePg  *self,
                          GError        **error)
{
  g_autoptr(GPtrArray) steps = list_steps ();
  g_autofree char *guard = NULL;
  PGconn *conn = byline_pg_connection_get_conn (self->conn);
  guint known = steps->len;
  gint64 current;

  if (!read_version (self, &current, error))
    return FALSE;

  if (current == known)
    return TRUE;

  if (current > (gint64) known)
    {
      set_too_new (error, conn, current, known);
      return FALSE;
    }

  guard = dup_resource_text ("step-guard.sql");

  /* From the first step missing as read; each step reads the version
   * again under the lock. */
  for (guint step = MAX (current, 0) + 1; step <= known; step++)
    {
      g_autofree char *sql = dup_resource_text (g_ptr_array_index (steps, step - 1));

      if (!run_step (self, step, known, guard, sql, error))
        return FALSE;
    }

  return TRUE;
}
