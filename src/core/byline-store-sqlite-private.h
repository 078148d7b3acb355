/* byline-store-sqlite-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-sql.h"
#include "byline-store-backend.h"
#include "byline-store-private.h"

G_BEGIN_DECLS

/* The SQLite backend, over three files: byline-store-sqlite.c (opening,
 * articles, lists, the full-text index), byline-store-sqlite-review.c
 * (states, revisions, notes) and byline-store-sqlite-schema.c (the schema
 * and its migrations). */

/* "BYLN": tells our databases from other SQLite files. */
#define BYLINE_SQLITE_APPLICATION_ID 0x42594c4e

typedef struct
{
  BylineStoreBackend  parent;

  BylineSql          *sql;
  /* SQL built from the field table when the backend opens. */
  char               *article_columns;   /* every field, in table order */
  char               *insert_article;
  char               *update_article;
  char               *select_revision;   /* the metadata, then the fields */
  char               *insert_revision;
} BylineStoreSqlite;

#define BYLINE_STORE_SQLITE(backend) ((BylineStoreSqlite *)(backend))

/* The connection of a store on SQLite, NULL for another engine: for
 * benchmarks that check how the app runs it. */
BylineSql *_byline_store_sqlite_get_sql      (BylineStore             *store);

/* Brings the file's schema up to date, or says why it cannot. */
gboolean _byline_store_sqlite_migrate        (BylineSql               *sql,
                                              GError                 **error);

/* byline-store-sqlite-review.c: states, revisions and notes, as the
 * slots of BylineStoreBackendVTable of the same names describe them. */
gboolean        _byline_store_sqlite_read_status         (BylineStoreBackend       *backend,
                                                          gint64                    id,
                                                          BylineStatus             *status,
                                                          int                      *spiked_from,
                                                          gboolean                 *found,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_change_status       (BylineStoreBackend       *backend,
                                                          gint64                    id,
                                                          BylineStatus              from,
                                                          BylineStatus              to,
                                                          gint64                   *published,
                                                          int                       spiked_from,
                                                          gint64                    updated,
                                                          const char               *author,
                                                          BylineRevision           *revision,
                                                          gboolean                 *moved,
                                                          GError                  **error);
GPtrArray      *_byline_store_sqlite_list_status_events  (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_insert_revision     (BylineStoreBackend       *backend,
                                                          BylineRevision           *revision,
                                                          gint64                   *id,
                                                          GError                  **error);
BylineRevision *_byline_store_sqlite_load_revision       (BylineStoreBackend       *backend,
                                                          gint64                    revision_id,
                                                          GError                  **error);
BylineRevision *_byline_store_sqlite_latest_revision     (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          const char               *not_by,
                                                          GError                  **error);
GPtrArray      *_byline_store_sqlite_list_revisions      (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          GError                  **error);
BylineNote     *_byline_store_sqlite_load_note           (BylineStoreBackend       *backend,
                                                          gint64                    note_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_insert_note         (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          gint64                    parent_id,
                                                          const char               *author,
                                                          gint64                    created,
                                                          const char               *text,
                                                          int                       start,
                                                          int                       end,
                                                          const char               *anchor_text,
                                                          gint64                   *id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_resolve_thread      (BylineStoreBackend       *backend,
                                                          gint64                    thread_id,
                                                          gint64                    resolved,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_delete_note         (BylineStoreBackend       *backend,
                                                          gint64                    note_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_anchor_thread       (BylineStoreBackend       *backend,
                                                          gint64                    thread_id,
                                                          int                       start,
                                                          int                       end,
                                                          const char               *anchor_text,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_read_notes_base     (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          char                    **body,
                                                          char                    **base,
                                                          gboolean                 *found,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_write_notes_base    (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          const char               *body,
                                                          GError                  **error);
GPtrArray      *_byline_store_sqlite_list_notes          (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_count_open_notes    (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          guint                    *count,
                                                          GError                  **error);

G_END_DECLS
