/* byline-store-pg-review.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-review-private.h"
#include "byline-store-pg-private.h"
#include "byline-workflow.h"

/* Editors' review on a newsroom server: the rows of states, revisions and
 * notes. A state changes only through byline.set_status(), which checks
 * the step and the person's role, compares and sets, and records the
 * status event and the revision itself; revisions and notes are stamped
 * with the server's time and the person's role. What they mean stays the
 * store's business, above the backend. */

static BylineStorePg *
get_self (BylineStoreBackend *backend)
{
  return BYLINE_STORE_PG (backend);
}

/* --- workflow ------------------------------------------------------------ */

gboolean
_byline_store_pg_read_status (BylineStoreBackend  *backend,
                              gint64               id,
                              BylineStatus        *status,
                              int                 *spiked_from,
                              gboolean            *found,
                              GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  *status = BYLINE_STATUS_DRAFT;
  *spiked_from = -1;
  *found = FALSE;

  _byline_pg_params_add_int64 (params, id);
  res = _byline_pg_query (get_self (backend), "SELECT status, spiked_from FROM byline.articles WHERE id = $1",
                          params, _("read the article"), error);
  if (res == NULL)
    return FALSE;

  if (PQntuples (res) > 0)
    {
      int stored = _byline_pg_get_status (res, 0, 0);

      *status = stored >= 0 ? stored : BYLINE_STATUS_DRAFT;
      *spiked_from = _byline_pg_get_status (res, 0, 1);
      *found = TRUE;
    }

  return TRUE;
}

gboolean
_byline_store_pg_list_unpublished_links (BylineStoreBackend  *backend,
                                         gint64               id,
                                         GPtrArray           *links,
                                         GError             **error)
{
  BylineStorePg *self = get_self (backend);
  g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) locked = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *doing = _("read the related links");

  _byline_pg_params_add_int64 (params, id);

  /* The linked articles' rows are locked until the state change commits:
   * another desk unpublishing one of them waits, or this reads its new
   * state once it is written. */
  locked = _byline_pg_query (self,
                             "SELECT r.id FROM byline.articles r"
                             " WHERE r.id IN (SELECT p.related_id FROM byline.pins p WHERE p.article_id = $1)"
                             " ORDER BY r.id FOR SHARE",
                             params, doing, error);
  if (locked == NULL)
    return FALSE;

  res = _byline_pg_query (self,
                          "SELECT p.sort, coalesce(r.id, 0), coalesce(r.headline, p.headline), r.status,"
                          " r.trashed IS NOT NULL"
                          " FROM byline.pins p LEFT JOIN byline.articles r ON r.id = p.related_id"
                          " WHERE p.article_id = $1"
                          " AND (r.id IS NULL OR r.status <> 'published' OR r.trashed IS NOT NULL)"
                          " ORDER BY p.sort",
                          params, doing, error);
  if (res == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (res); row++)
    {
      BylineUnpublishedLink *link = g_new0 (BylineUnpublishedLink, 1);
      int status = _byline_pg_get_status (res, row, 3);

      link->index = byline_pg_get_int64 (res, row, 0);
      link->related_id = byline_pg_get_int64 (res, row, 1);
      link->headline = g_strdup (byline_pg_get_text (res, row, 2));
      link->status = status >= 0 ? status : BYLINE_STATUS_DRAFT;
      link->trashed = byline_pg_get_bool (res, row, 4);
      g_ptr_array_add (links, link);
    }

  return TRUE;
}

gboolean
_byline_store_pg_change_status (BylineStoreBackend  *backend,
                                gint64               id,
                                BylineStatus         from,
                                BylineStatus         to,
                                gint64              *published,
                                int                  spiked_from,
                                gint64               updated,
                                const char          *author,
                                BylineRevision      *revision,
                                gboolean            *moved,
                                GError             **error)
{
  BylineStorePg *self = get_self (backend);
  g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) kept = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("change the article’s state");

  *moved = FALSE;

  /* The server moves the article under its row lock, records the event
   * and the revision (with the store's word counts), sets the published
   * time on a first publication, and where a spiked article goes back
   * to; the times and the names are its own. The save just before was
   * compared on its version: the state alone is compared here. */
  _byline_pg_params_add_int64 (params, id);
  _byline_pg_params_add_status (params, from);
  _byline_pg_params_add_status (params, to);
  _byline_pg_params_add_int64 (params, byline_revision_get_words_added (revision));
  _byline_pg_params_add_int64 (params, byline_revision_get_words_removed (revision));

  res = _byline_pg_query (self,
                          "SELECT " BYLINE_PG_EPOCH ("published")
                          " FROM byline.set_status($1, $2, $3, NULL, $4, $5)",
                          params, doing, &local_error);
  if (res == NULL)
    {
      /* The store checked the step before asking; the server refusing it
       * means a spiked article's way back changed meanwhile. Outside that
       * race, the same words as the check gives. */
      if (g_error_matches (local_error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED) &&
          from != BYLINE_STATUS_SPIKED)
        {
          g_clear_error (&local_error);
          byline_workflow_check (from, BYLINE_STATUS_DRAFT, to, &local_error);
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* No row: someone else moved it first. */
  if (PQntuples (res) == 0)
    return TRUE;

  *moved = TRUE;
  *published = byline_pg_get_int64 (res, 0, 0);

  /* The revision it kept: the article's newest, made under the row lock
   * this transaction still holds. */
  g_clear_pointer (&params, g_ptr_array_unref);
  params = _byline_pg_params_new ();
  _byline_pg_params_add_int64 (params, id);
  kept = _byline_pg_query (self, "SELECT max(id) FROM byline.revisions WHERE article_id = $1",
                           params, doing, error);
  if (kept == NULL)
    return FALSE;

  _byline_revision_set_id (revision, byline_pg_get_int64 (kept, 0, 0));
  return TRUE;
}

/* A newsroom copied onto the server (byline_store_copy_to()): the event,
 * and where a spiked article goes back to. Only the newsroom's owner may
 * write them directly; the server stamps its own time and name on the
 * event, as on everything written to it. */
gboolean
_byline_store_pg_import_status_event (BylineStoreBackend       *backend,
                                      const BylineStatusEvent  *event,
                                      int                       spiked_from,
                                      GError                  **error)
{
  BylineStorePg *self = get_self (backend);
  g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  const char *doing = _("copy the newsroom");

  _byline_pg_params_add_int64 (params, event->article_id);
  _byline_pg_params_add_status (params, event->from);
  _byline_pg_params_add_status (params, event->to);
  res = _byline_pg_query (self,
                          "INSERT INTO byline.status_events (article_id, from_status, to_status)"
                          " VALUES ($1, $2, $3)",
                          params, doing, error);
  if (res == NULL || spiked_from < 0)
    return res != NULL;

  g_clear_pointer (&res, PQclear);
  g_clear_pointer (&params, g_ptr_array_unref);
  params = _byline_pg_params_new ();
  _byline_pg_params_add_int64 (params, event->article_id);
  _byline_pg_params_add_status (params, spiked_from);
  res = _byline_pg_query (self, "UPDATE byline.articles SET spiked_from = $2 WHERE id = $1",
                          params, doing, error);

  return res != NULL;
}

GPtrArray *
_byline_store_pg_list_status_events (BylineStoreBackend  *backend,
                                     gint64               article_id,
                                     GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  GPtrArray *events;

  _byline_pg_params_add_int64 (params, article_id);
  /* In the order they happened: each was made holding the row lock. */
  res = _byline_pg_query (get_self (backend),
                          "SELECT article_id, " BYLINE_PG_EPOCH ("created") ", author, from_status, to_status"
                          " FROM byline.status_events WHERE article_id = $1 ORDER BY id",
                          params, _("read the article’s history"), error);
  if (res == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_status_event_free);
  for (int row = 0; row < PQntuples (res); row++)
    {
      BylineStatusEvent *event = g_new0 (BylineStatusEvent, 1);
      int from = _byline_pg_get_status (res, row, 3);
      int to = _byline_pg_get_status (res, row, 4);

      event->article_id = byline_pg_get_int64 (res, row, 0);
      event->created = byline_pg_get_int64 (res, row, 1);
      event->author = g_strdup (byline_pg_get_text (res, row, 2));
      event->from = from >= 0 ? from : BYLINE_STATUS_DRAFT;
      event->to = to >= 0 ? to : BYLINE_STATUS_DRAFT;
      g_ptr_array_add (events, event);
    }

  return events;
}

/* --- revisions ----------------------------------------------------------- */

enum {
  REVISION_ID, REVISION_ARTICLE_ID, REVISION_CREATED, REVISION_AUTHOR, REVISION_STATUS,
  REVISION_REASON, REVISION_WORDS_ADDED, REVISION_WORDS_REMOVED,
  REVISION_FIRST_FIELD
};

static BylineRevision *
revision_from_row (const PGresult *res,
                   int             row)
{
  BylineArticle *article = byline_article_new ();
  BylineRevision *revision;
  int column = REVISION_FIRST_FIELD;
  int status = _byline_pg_get_status (res, row, REVISION_STATUS);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (!(field->flags & BYLINE_FIELD_REVISION))
        continue;

      if (byline_article_field_is_text (field))
        byline_article_field_set_text (field, article, byline_pg_get_text (res, row, column));
      else
        byline_article_field_set_int (field, article, byline_pg_get_int64 (res, row, column));
      column++;
    }

  revision = _byline_revision_new (byline_pg_get_int64 (res, row, REVISION_ARTICLE_ID),
                                   byline_pg_get_int64 (res, row, REVISION_CREATED),
                                   byline_pg_get_text (res, row, REVISION_AUTHOR),
                                   status >= 0 ? status : BYLINE_STATUS_DRAFT,
                                   _byline_revision_reason_from_string (byline_pg_get_text (res, row, REVISION_REASON)),
                                   MAX (byline_pg_get_int64 (res, row, REVISION_WORDS_ADDED), 0),
                                   MAX (byline_pg_get_int64 (res, row, REVISION_WORDS_REMOVED), 0),
                                   article);
  _byline_revision_set_id (revision, byline_pg_get_int64 (res, row, REVISION_ID));

  return revision;
}

gboolean
_byline_store_pg_insert_revision (BylineStoreBackend  *backend,
                                  BylineRevision      *revision,
                                  gint64              *id,
                                  GError             **error)
{
  BylineStorePg *self = get_self (backend);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  BylineArticle *article = byline_revision_get_article (revision);

  /* The metadata, then the fields; the server stamps the time and the
   * author. */
  _byline_pg_params_add_int64 (params, byline_revision_get_article_id (revision));
  _byline_pg_params_add_status (params, byline_revision_get_status (revision));
  _byline_pg_params_add_text (params, byline_revision_reason_to_string (byline_revision_get_reason (revision)));
  _byline_pg_params_add_int64 (params, byline_revision_get_words_added (revision));
  _byline_pg_params_add_int64 (params, byline_revision_get_words_removed (revision));

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (!(field->flags & BYLINE_FIELD_REVISION))
        continue;

      if (field->type == BYLINE_FIELD_TYPE_TIME)
        _byline_pg_params_add_time (params, field->get_int (article));
      else if (field->type == BYLINE_FIELD_TYPE_TEXT)
        _byline_pg_params_add_text (params, field->get_text (article));
      else
        g_ptr_array_add (params, byline_article_field_dup_text (field, article));
    }

  res = _byline_pg_query (self, self->insert_revision, params, _("save the revision"), error);
  if (res == NULL)
    return FALSE;

  *id = byline_pg_get_int64 (res, 0, 0);
  return TRUE;
}

/* The first revision @where finds, on parameter 1 (and 2 when @text is
 * given), or NULL. */
static BylineRevision *
query_revision (BylineStorePg  *self,
                const char     *where,
                gint64          number,
                const char     *text,
                GError        **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  g_autofree char *sql = g_strconcat (self->select_revision, " ", where, NULL);

  _byline_pg_params_add_int64 (params, number);
  if (text != NULL)
    _byline_pg_params_add_text (params, text);

  res = _byline_pg_query (self, sql, params, _("read the revisions"), error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;

  return revision_from_row (res, 0);
}

BylineRevision *
_byline_store_pg_load_revision (BylineStoreBackend  *backend,
                                gint64               revision_id,
                                GError             **error)
{
  return query_revision (get_self (backend), "WHERE id = $1", revision_id, NULL, error);
}

BylineRevision *
_byline_store_pg_latest_revision (BylineStoreBackend  *backend,
                                  gint64               article_id,
                                  const char          *not_by,
                                  GError             **error)
{
  if (not_by != NULL)
    return query_revision (get_self (backend),
                           "WHERE article_id = $1 AND author <> $2 ORDER BY created DESC, id DESC LIMIT 1",
                           article_id, not_by, error);

  return query_revision (get_self (backend),
                         "WHERE article_id = $1 ORDER BY created DESC, id DESC LIMIT 1",
                         article_id, NULL, error);
}

GPtrArray *
_byline_store_pg_list_revisions (BylineStoreBackend  *backend,
                                 gint64               article_id,
                                 GError             **error)
{
  BylineStorePg *self = get_self (backend);
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  g_autofree char *sql = g_strconcat (self->select_revision,
                                      " WHERE article_id = $1 ORDER BY created DESC, id DESC", NULL);
  GPtrArray *revisions;

  _byline_pg_params_add_int64 (params, article_id);
  res = _byline_pg_query (self, sql, params, _("read the revisions"), error);
  if (res == NULL)
    return NULL;

  revisions = g_ptr_array_new_with_free_func (g_object_unref);
  for (int row = 0; row < PQntuples (res); row++)
    g_ptr_array_add (revisions, revision_from_row (res, row));

  return revisions;
}

/* --- notes --------------------------------------------------------------- */

/* A note with its thread's anchor and resolution. */
#define NOTE_SELECT \
  "SELECT n.id, n.article_id, n.parent_id, n.author, " BYLINE_PG_EPOCH ("n.created") ", n.text," \
  " t.anchor_start, t.anchor_end, t.anchor_text, " BYLINE_PG_EPOCH ("t.resolved") \
  " FROM byline.notes n JOIN byline.notes t ON t.id = coalesce(n.parent_id, n.id)"

static BylineNote *
note_from_row (const PGresult *res,
               int             row)
{
  gboolean anchored = !PQgetisnull (res, row, 6);

  return _byline_note_new (byline_pg_get_int64 (res, row, 0),
                           byline_pg_get_int64 (res, row, 1),
                           byline_pg_get_int64 (res, row, 2),
                           byline_pg_get_text (res, row, 3),
                           byline_pg_get_int64 (res, row, 4),
                           byline_pg_get_text (res, row, 5),
                           anchored ? (int) byline_pg_get_int64 (res, row, 6) : -1,
                           anchored ? (int) byline_pg_get_int64 (res, row, 7) : -1,
                           byline_pg_get_text (res, row, 8),
                           byline_pg_get_int64 (res, row, 9));
}

BylineNote *
_byline_store_pg_load_note (BylineStoreBackend  *backend,
                            gint64               note_id,
                            GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_int64 (params, note_id);
  res = _byline_pg_query (get_self (backend), NOTE_SELECT " WHERE n.id = $1", params,
                          _("read the note"), error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;

  return note_from_row (res, 0);
}

static void
add_anchor (BylinePgParams *params,
            int             start,
            int             end)
{
  if (start >= 0)
    {
      _byline_pg_params_add_int64 (params, start);
      _byline_pg_params_add_int64 (params, end);
    }
  else
    {
      g_ptr_array_add (params, NULL);
      g_ptr_array_add (params, NULL);
    }
}

gboolean
_byline_store_pg_insert_note (BylineStoreBackend  *backend,
                              gint64               article_id,
                              gint64               parent_id,
                              const char          *author,
                              gint64               created,
                              const char          *text,
                              int                  start,
                              int                  end,
                              const char          *anchor_text,
                              gint64              *id,
                              GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  /* The author and the time are the server's. */
  _byline_pg_params_add_int64 (params, article_id);
  _byline_pg_params_add_id (params, parent_id);
  _byline_pg_params_add_text (params, text);
  add_anchor (params, start, end);
  _byline_pg_params_add_text (params, anchor_text);

  res = _byline_pg_query (get_self (backend),
                          "INSERT INTO byline.notes (article_id, parent_id, text, anchor_start, anchor_end,"
                          " anchor_text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                          params, _("save the note"), error);
  if (res == NULL)
    return FALSE;

  *id = byline_pg_get_int64 (res, 0, 0);
  return TRUE;
}

gboolean
_byline_store_pg_resolve_thread (BylineStoreBackend  *backend,
                                 gint64               thread_id,
                                 gint64               resolved,
                                 GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_int64 (params, thread_id);
  _byline_pg_params_add_time (params, resolved);
  res = _byline_pg_query (get_self (backend),
                          "UPDATE byline.notes SET resolved = to_timestamp($2) WHERE id = $1",
                          params, _("save the note"), error);

  return res != NULL;
}

gboolean
_byline_store_pg_delete_note (BylineStoreBackend  *backend,
                              gint64               note_id,
                              GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  /* Deleting the first note deletes its replies (ON DELETE CASCADE). */
  _byline_pg_params_add_int64 (params, note_id);
  res = _byline_pg_query (get_self (backend), "DELETE FROM byline.notes WHERE id = $1", params,
                          _("delete the note"), error);
  if (res == NULL)
    return FALSE;

  /* The store found the note before asking: the server's row-level
   * security hid it from the delete, so it is someone else's. */
  if (_byline_pg_changes (res) == 0)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION,
                   _("Could not delete the note: only the person who wrote it, or an editor, "
                     "can delete it. Resolve the thread instead."));
      return FALSE;
    }

  return TRUE;
}

gboolean
_byline_store_pg_anchor_thread (BylineStoreBackend  *backend,
                                gint64               thread_id,
                                int                  start,
                                int                  end,
                                const char          *anchor_text,
                                GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  const char *doing = _("update the notes");

  _byline_pg_params_add_int64 (params, thread_id);
  add_anchor (params, start, end);

  if (anchor_text != NULL)
    {
      _byline_pg_params_add_text (params, anchor_text);
      res = _byline_pg_query (get_self (backend),
                              "UPDATE byline.notes SET anchor_start = $2, anchor_end = $3, anchor_text = $4"
                              " WHERE id = $1",
                              params, doing, error);
    }
  else
    res = _byline_pg_query (get_self (backend),
                            "UPDATE byline.notes SET anchor_start = $2, anchor_end = $3 WHERE id = $1",
                            params, doing, error);

  return res != NULL;
}

gboolean
_byline_store_pg_read_notes_base (BylineStoreBackend  *backend,
                                  gint64               article_id,
                                  char               **body,
                                  char               **base,
                                  gboolean            *found,
                                  GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  *body = NULL;
  *base = NULL;
  *found = FALSE;

  _byline_pg_params_add_int64 (params, article_id);
  res = _byline_pg_query (get_self (backend),
                          "SELECT a.body, b.body FROM byline.articles a"
                          " LEFT JOIN byline.notes_base b ON b.article_id = a.id WHERE a.id = $1",
                          params, _("update the notes"), error);
  if (res == NULL)
    return FALSE;

  if (PQntuples (res) > 0)
    {
      *body = g_strdup (byline_pg_get_text (res, 0, 0));
      if (!PQgetisnull (res, 0, 1))
        *base = g_strdup (byline_pg_get_text (res, 0, 1));
      *found = TRUE;
    }

  return TRUE;
}

gboolean
_byline_store_pg_write_notes_base (BylineStoreBackend  *backend,
                                   gint64               article_id,
                                   const char          *body,
                                   GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  _byline_pg_params_add_int64 (params, article_id);
  _byline_pg_params_add_text (params, body);
  res = _byline_pg_query (get_self (backend),
                          "INSERT INTO byline.notes_base (article_id, body) VALUES ($1, $2)"
                          " ON CONFLICT (article_id) DO UPDATE SET body = excluded.body",
                          params, _("save the note"), error);

  return res != NULL;
}

GPtrArray *
_byline_store_pg_list_notes (BylineStoreBackend  *backend,
                             gint64               article_id,
                             GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;
  GPtrArray *notes;

  _byline_pg_params_add_int64 (params, article_id);
  res = _byline_pg_query (get_self (backend),
                          NOTE_SELECT " WHERE n.article_id = $1"
                          " ORDER BY coalesce(n.parent_id, n.id), n.parent_id IS NOT NULL, n.created, n.id",
                          params, _("read the notes"), error);
  if (res == NULL)
    return NULL;

  notes = g_ptr_array_new_with_free_func (g_object_unref);
  for (int row = 0; row < PQntuples (res); row++)
    g_ptr_array_add (notes, note_from_row (res, row));

  return notes;
}

gboolean
_byline_store_pg_count_open_notes (BylineStoreBackend  *backend,
                                   gint64               article_id,
                                   guint               *count,
                                   GError             **error)
{
  g_autoptr(BylinePgParams) params = _byline_pg_params_new ();
  g_autoptr(PGresult) res = NULL;

  *count = 0;
  _byline_pg_params_add_int64 (params, article_id);
  res = _byline_pg_query (get_self (backend),
                          "SELECT count(*) FROM byline.notes"
                          " WHERE article_id = $1 AND parent_id IS NULL AND resolved IS NULL",
                          params, _("count the notes"), error);
  if (res == NULL)
    return FALSE;

  *count = (guint) MAX (byline_pg_get_int64 (res, 0, 0), 0);
  return TRUE;
}
