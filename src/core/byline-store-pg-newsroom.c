/* byline-store-pg-newsroom.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-pg"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

#include "byline-store-pg-private.h"

/* What a newsroom server shares beyond the articles' rows: edit locks
 * (byline.lock_article() and the others of 0003-workflow.sql, by the
 * server's clock), the masthead (byline.publication), and what the other
 * desks change, as the server's NOTIFY payloads say it (README.md, "Live
 * updates"). */

/* --- edit locks -------------------------------------------------------------- */

gboolean
_byline_store_pg_lock_article (BylineStoreBackend  *backend,
                               gint64               id,
                               const char          *desk,
                               const char          *name,
                               gboolean             take_over,
                               gint64               now,
                               gboolean            *acquired,
                               char               **holder,
                               GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  *acquired = FALSE;
  *holder = NULL;

  /* The server's clock decides when a lock has lapsed, not @now: desks'
   * clocks differ. */
  _byline_pg_params_add_int64 (params, id);
  _byline_pg_params_add_text (params, desk);
  _byline_pg_params_add_text (params, name);
  _byline_pg_params_add_text (params, take_over ? "true" : "false");
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "SELECT l.acquired, coalesce(nullif(l.holder_name, ''), l.holder)"
                          " FROM byline.lock_article($1, $2, $3, $4) AS l",
                          params, _("start editing the article"), error);
  if (res == NULL)
    return FALSE;

  *acquired = byline_pg_get_bool (res, 0, 0);
  if (!*acquired)
    *holder = g_strdup (byline_pg_get_text (res, 0, 1));

  return TRUE;
}

gboolean
_byline_store_pg_heartbeat_lock (BylineStoreBackend  *backend,
                                 gint64               id,
                                 const char          *desk,
                                 gint64               now,
                                 gboolean            *held,
                                 GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  *held = FALSE;
  _byline_pg_params_add_int64 (params, id);
  _byline_pg_params_add_text (params, desk);
  res = _byline_pg_query (BYLINE_STORE_PG (backend), "SELECT byline.heartbeat_lock($1, $2)",
                          params, _("keep editing the article"), error);
  if (res == NULL)
    return FALSE;

  *held = byline_pg_get_bool (res, 0, 0);
  return TRUE;
}

gboolean
_byline_store_pg_unlock_article (BylineStoreBackend  *backend,
                                 gint64               id,
                                 const char          *desk,
                                 GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_int64 (params, id);
  _byline_pg_params_add_text (params, desk);
  res = _byline_pg_query (BYLINE_STORE_PG (backend), "SELECT byline.unlock_article($1, $2)",
                          params, _("stop editing the article"), error);

  return res != NULL;
}

/* --- pictures ----------------------------------------------------------------- */

/* Parameters are text: bytea goes as hex, decode($n, 'hex'). */
static char *
dup_hex (GBytes *bytes)
{
  static const char digits[] = "0123456789abcdef";
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  char *hex = g_malloc (size * 2 + 1);

  for (gsize i = 0; i < size; i++)
    {
      hex[2 * i] = digits[data[i] >> 4];
      hex[2 * i + 1] = digits[data[i] & 0xF];
    }
  hex[size * 2] = '\0';

  return hex;
}

static GBytes *
bytes_from_hex (const char *hex)
{
  gsize length = strlen (hex);
  guint8 *data;

  if (length % 2 != 0)
    return NULL;

  data = g_malloc (length / 2 + 1);
  for (gsize i = 0; i < length / 2; i++)
    {
      int high = g_ascii_xdigit_value (hex[2 * i]);
      int low = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (high < 0 || low < 0)
        {
          g_free (data);
          return NULL;
        }
      data[i] = (guint8)(high << 4 | low);
    }

  return g_bytes_new_take (data, length / 2);
}

gboolean
_byline_store_pg_insert_media (BylineStoreBackend  *backend,
                               const BylineMedia   *media,
                               gboolean            *added,
                               GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  *added = FALSE;
  _byline_pg_params_add_text (params, media->checksum);
  _byline_pg_params_add_text (params, media->mime_type);
  g_ptr_array_add (params, dup_hex (media->bytes));
  _byline_pg_params_add_id (params, media->width);
  _byline_pg_params_add_id (params, media->height);
  /* Who added it and when are the server's to write. */
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "INSERT INTO byline.media (checksum, mime_type, bytes, width, height)"
                          " VALUES ($1, $2, decode($3, 'hex'), $4, $5)"
                          " ON CONFLICT (checksum) DO NOTHING",
                          params, _("keep the picture"), error);
  if (res == NULL)
    return FALSE;

  *added = _byline_pg_changes (res) > 0;
  return TRUE;
}

gboolean
_byline_store_pg_load_media (BylineStoreBackend  *backend,
                             const char          *checksum,
                             BylineMedia        **media,
                             GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  g_autoptr(BylineMedia) found = NULL;

  *media = NULL;
  _byline_pg_params_add_text (params, checksum);
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "SELECT mime_type, encode(bytes, 'hex'), coalesce(width, 0),"
                          " coalesce(height, 0), extract(epoch FROM created)::bigint, added_by"
                          " FROM byline.media WHERE checksum = $1",
                          params, _("read the picture"), error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return TRUE;

  found = g_new0 (BylineMedia, 1);
  found->checksum = g_strdup (checksum);
  found->mime_type = g_strdup (byline_pg_get_text (res, 0, 0));
  found->bytes = bytes_from_hex (byline_pg_get_text (res, 0, 1));
  found->width = (int)byline_pg_get_int64 (res, 0, 2);
  found->height = (int)byline_pg_get_int64 (res, 0, 3);
  found->created = byline_pg_get_int64 (res, 0, 4);
  found->added_by = g_strdup (byline_pg_get_text (res, 0, 5));
  if (found->bytes == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT,
                   _("The newsroom server sent a picture Byline could not read. Try again."));
      return FALSE;
    }

  *media = g_steal_pointer (&found);
  return TRUE;
}

gboolean
_byline_store_pg_list_media (BylineStoreBackend  *backend,
                             GPtrArray           *checksums,
                             GError             **error)
{
  g_autoptr(PGresult) res = NULL;

  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "SELECT checksum FROM byline.media ORDER BY id",
                          NULL, _("list the pictures"), error);
  if (res == NULL)
    return FALSE;

  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (checksums, g_strdup (byline_pg_get_text (res, i, 0)));

  return TRUE;
}

/* --- the masthead ------------------------------------------------------------ */

/* The schema makes the one row with the defaults; it counts as stored once
 * someone has changed it (its time then differs from the first step's, in
 * whose transaction it was made). */
gboolean
_byline_store_pg_load_publication (BylineStoreBackend  *backend,
                                   BylinePublication  **publication,
                                   GError             **error)
{
  g_autoptr(PGresult) res = NULL;
  BylinePublication *stored;

  *publication = NULL;
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "SELECT p.name, p.tagline, p.base_url, p.language,"
                          " p.updated <> coalesce((SELECT s.applied FROM byline.byline_schema s"
                          "                        WHERE s.version = 1), p.updated)"
                          " FROM byline.publication p",
                          NULL, _("read the masthead"), error);
  if (res == NULL)
    return FALSE;

  if (PQntuples (res) == 0 || !byline_pg_get_bool (res, 0, 4))
    return TRUE;

  stored = byline_publication_new ();
  byline_publication_set (stored, byline_pg_get_text (res, 0, 0), byline_pg_get_text (res, 0, 1),
                          byline_pg_get_text (res, 0, 2));
  g_free (stored->language);
  stored->language = g_strdup (byline_pg_get_text (res, 0, 3));
  *publication = stored;

  return TRUE;
}

gboolean
_byline_store_pg_save_publication (BylineStoreBackend       *backend,
                                   const BylinePublication  *publication,
                                   GError                  **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  /* Editors only: the server refuses a reporter (42501). */
  _byline_pg_params_add_text (params, publication->name);
  _byline_pg_params_add_text (params, publication->tagline);
  _byline_pg_params_add_text (params, publication->base_url);
  _byline_pg_params_add_text (params, publication->language);
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "UPDATE byline.publication SET name = $1, tagline = $2, base_url = $3,"
                          " language = $4",
                          params, _("save the masthead"), error);

  return res != NULL;
}

/* --- the newsroom dictionary ------------------------------------------------ */

/* The table and who may change it are step 1's and 2's; the server stamps
 * who added a word and when. */
GPtrArray *
_byline_store_pg_list_dictionary (BylineStoreBackend  *backend,
                                  GError             **error)
{
  g_autoptr(PGresult) res = NULL;
  GPtrArray *words;

  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "SELECT word FROM byline.dictionary ORDER BY word COLLATE \"C\"",
                          NULL, _("read the newsroom dictionary"), error);
  if (res == NULL)
    return NULL;

  words = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (words, g_strdup (byline_pg_get_text (res, i, 0)));

  return words;
}

gboolean
_byline_store_pg_add_dictionary_word (BylineStoreBackend  *backend,
                                      const char          *word,
                                      const char          *added_by,
                                      gint64               added,
                                      GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_text (params, word);
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "INSERT INTO byline.dictionary (word) VALUES ($1) ON CONFLICT (word) DO NOTHING",
                          params, _("add a word to the newsroom dictionary"), error);

  return res != NULL;
}

/* Someone else's word, for a reporter, stays: the policy deletes no row. */
gboolean
_byline_store_pg_remove_dictionary_word (BylineStoreBackend  *backend,
                                         const char          *word,
                                         GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_text (params, word);
  res = _byline_pg_query (BYLINE_STORE_PG (backend),
                          "DELETE FROM byline.dictionary WHERE word = $1",
                          params, _("remove a word from the newsroom dictionary"), error);

  return res != NULL;
}

/* --- other desks' changes ------------------------------------------------------ */

/* What the listening connection knows of an article, to tell what a
 * notification on it means: the payload says which table changed, not
 * how. */
typedef struct
{
  BylineStatus status;
  gboolean     trashed;
} Seen;

struct _BylinePgWatch
{
  BylineStorePg         *store;
  BylinePgConnection    *conn;
  BylineStoreChangeFunc  func;
  gpointer               user_data;
  /* article id → Seen */
  GHashTable            *seen;
  /* The last change passed on, so that the several notifications of one
   * save or state change (articles, pins; articles, status_events) make
   * one. */
  gint64                 last_article;
  gint64                 last_version;
  const char            *last_what;
  /* While the server is away: a try to connect again every
   * WATCH_RETRY_SECONDS, on a worker thread (a connect can take its
   * timeout), cancelled when the watch goes. */
  guint                  retry_id;
  GCancellable          *reconnecting;
  /* Whether func was told the connection dropped (and not yet that it
   * is back). */
  gboolean               lost;
};

#define WATCH_RETRY_SECONDS 1

void
_byline_pg_watch_free (BylinePgWatch *watch)
{
  if (watch == NULL)
    return;

  g_clear_handle_id (&watch->retry_id, g_source_remove);
  if (watch->reconnecting != NULL)
    g_cancellable_cancel (watch->reconnecting);
  g_clear_object (&watch->reconnecting);
  g_signal_handlers_disconnect_by_data (watch->conn, watch);
  g_clear_object (&watch->conn);
  g_clear_pointer (&watch->seen, g_hash_table_unref);
  g_free (watch);
}

/* What a notification on table "articles" means for article @id, from the
 * row as it is now against what was seen of it before. */
static const char *
article_change (BylinePgWatch *watch,
                gint64         id,
                gint64         version)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GError) error = NULL;
  Seen *seen = g_hash_table_lookup (watch->seen, &id);
  Seen before = { 0, };
  gboolean known = seen != NULL;
  Seen now;

  res = byline_pg_connection_query (watch->conn,
                                    "SELECT status, trashed IS NOT NULL FROM byline.articles WHERE id = $1",
                                    1, params, _("look for changes"), &error);
  if (res == NULL)
    {
      g_debug ("Could not read article %" G_GINT64_FORMAT ": %s", id, error->message);
      return BYLINE_STORE_CHANGED_SAVED;
    }

  if (PQntuples (res) == 0)
    {
      g_hash_table_remove (watch->seen, &id);
      return BYLINE_STORE_CHANGED_DELETED;
    }

  if (known)
    before = *seen;

  now.status = BYLINE_STATUS_DRAFT;
  byline_status_from_string (byline_pg_get_text (res, 0, 0), &now.status);
  now.trashed = byline_pg_get_bool (res, 0, 1);
  g_hash_table_insert (watch->seen, g_memdup2 (&id, sizeof id), g_memdup2 (&now, sizeof now));

  /* Not seen before: in the Trash, it most likely just went there (what
   * a desk showing it must hear of). */
  if (!known && now.trashed)
    return BYLINE_STORE_CHANGED_TRASHED;
  if (!known)
    return version <= 1 ? BYLINE_STORE_CHANGED_INSERTED : BYLINE_STORE_CHANGED_SAVED;
  if (before.trashed != now.trashed)
    return now.trashed ? BYLINE_STORE_CHANGED_TRASHED : BYLINE_STORE_CHANGED_RESTORED;
  if (before.status != now.status)
    return BYLINE_STORE_CHANGED_STATUS;

  return BYLINE_STORE_CHANGED_SAVED;
}

static void
notification_cb (BylinePgConnection *conn,
                 const char         *channel,
                 const char         *payload,
                 int                 pid,
                 BylinePgWatch      *watch)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  const char *table;
  const char *what;
  gint64 article;
  gint64 version;

  /* This desk's own changes (its query connection's, which a reconnection
   * gives another process): the store has announced them already. */
  if (pid == PQbackendPID (byline_pg_connection_get_conn (watch->store->conn)))
    return;

  if (!json_parser_load_from_data (parser, payload, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_debug ("Not a change: %s", payload);
      return;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  table = json_object_get_string_member_with_default (object, "table", "");
  article = json_object_get_int_member_with_default (object, "article", 0);
  version = json_object_get_int_member_with_default (object, "version", 0);

  if (g_str_equal (table, "articles"))
    what = article_change (watch, article, version);
  else if (g_str_equal (table, "pins"))
    what = BYLINE_STORE_CHANGED_SAVED;
  else if (g_str_equal (table, "status_events"))
    what = BYLINE_STORE_CHANGED_STATUS;
  else if (g_str_equal (table, "revisions"))
    what = BYLINE_STORE_CHANGED_REVISIONS;
  else if (g_str_equal (table, "notes"))
    what = BYLINE_STORE_CHANGED_NOTES;
  else if (g_str_equal (table, "edit_locks"))
    what = BYLINE_STORE_CHANGED_LOCK;
  else if (g_str_equal (table, "publication"))
    what = BYLINE_STORE_CHANGED_PUBLICATION;
  else if (g_str_equal (table, "dictionary"))
    what = BYLINE_STORE_CHANGED_DICTIONARY;
  else
    return;

  /* Locks, notes, the masthead and the dictionary leave the version as it
   * was: each of their notifications is a change of its own (a lock taken,
   * then let go). */
  if (g_strcmp0 (what, BYLINE_STORE_CHANGED_LOCK) == 0 || g_strcmp0 (what, BYLINE_STORE_CHANGED_NOTES) == 0 ||
      g_strcmp0 (what, BYLINE_STORE_CHANGED_PUBLICATION) == 0 ||
      g_strcmp0 (what, BYLINE_STORE_CHANGED_DICTIONARY) == 0)
    {
      watch->func (article, what, watch->user_data);
      return;
    }

  /* A save or a change of state notifies for each table it wrote
   * (articles and pins; articles, status_events and revisions) with the
   * version it made: each is said once. */
  if (article == watch->last_article && version == watch->last_version &&
      (g_strcmp0 (what, watch->last_what) == 0 || g_str_equal (what, BYLINE_STORE_CHANGED_SAVED)))
    return;

  watch->last_article = article;
  watch->last_version = version;
  watch->last_what = what;
  watch->func (article, what, watch->user_data);
}

static void
reconnect_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BylinePgConnection *conn = task_data;
  GError *error = NULL;

  if (byline_pg_connection_reset (conn, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
reconnected_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BylinePgWatch *watch = user_data;
  g_autoptr(GError) error = NULL;
  BylinePgConnection *conn = BYLINE_PG_CONNECTION (g_task_get_task_data (G_TASK (result)));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* The watch is gone (the store closed): @watch is too. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&watch->reconnecting);

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !byline_pg_connection_listen (conn, "byline_changes", &error))
    {
      g_debug ("The newsroom server is still away: %s", error->message);
      return;
    }

  watch->lost = FALSE;
  watch->func (0, BYLINE_STORE_WATCH_BACK, watch->user_data);

  /* What changed meanwhile was said to nobody: everything may have. */
  g_hash_table_remove_all (watch->seen);
  watch->last_article = 0;
  watch->last_version = 0;
  watch->last_what = NULL;
  watch->func (0, BYLINE_STORE_CHANGED_SAVED, watch->user_data);
}

/* The listening connection is lost when the server goes away (a restart,
 * the network): connect again, and LISTEN again, as soon as it is back. */
static gboolean
retry_cb (gpointer user_data)
{
  BylinePgWatch *watch = user_data;
  g_autoptr(GTask) task = NULL;

  if (watch->reconnecting != NULL || byline_pg_connection_is_watching (watch->conn))
    return G_SOURCE_CONTINUE;

  /* Said at once, while nothing waits to be saved: the desk is offline. */
  if (!watch->lost)
    {
      watch->lost = TRUE;
      watch->func (0, BYLINE_STORE_WATCH_LOST, watch->user_data);
    }

  watch->reconnecting = g_cancellable_new ();
  task = g_task_new (NULL, watch->reconnecting, reconnected_cb, watch);
  g_task_set_task_data (task, g_object_ref (watch->conn), g_object_unref);
  g_task_run_in_thread (task, reconnect_thread);

  return G_SOURCE_CONTINUE;
}

/**
 * _byline_store_pg_watch_changes:
 *
 * LISTENs for the server's notifications on a connection of their own
 * (the other one is busy with queries, maybe on another thread), watched
 * on the caller's thread-default main context.
 */
gboolean
_byline_store_pg_watch_changes (BylineStoreBackend     *backend,
                                BylineStoreChangeFunc   func,
                                gpointer                user_data,
                                GError                **error)
{
  BylineStorePg *self = BYLINE_STORE_PG (backend);
  g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self);
  BylinePgWatch *watch;

  if (self->watch != NULL)
    return TRUE;

  watch = g_new0 (BylinePgWatch, 1);
  watch->func = func;
  watch->user_data = user_data;
  watch->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  watch->store = self;
  watch->conn = byline_pg_connection_new (self->uri, self->password, error);
  if (watch->conn == NULL)
    {
      _byline_pg_watch_free (watch);
      return FALSE;
    }

  g_signal_connect (watch->conn, "notification", G_CALLBACK (notification_cb), watch);
  if (!byline_pg_connection_listen (watch->conn, "byline_changes", error))
    {
      _byline_pg_watch_free (watch);
      return FALSE;
    }

  watch->retry_id = g_timeout_add_seconds (WATCH_RETRY_SECONDS, retry_cb, watch);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, watch->retry_id),
                            "[byline] newsroom notifications, reconnecting");

  self->watch = watch;
  return TRUE;
}
