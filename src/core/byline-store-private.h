/* byline-store-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "byline-store.h"

G_BEGIN_DECLS

/* For the store's own feature files (related articles, revisions, notes):
 * the store stays the only code that speaks SQL, split over several files.
 * Every use of the handle happens between lock and unlock. */
sqlite3  *_byline_store_lock         (BylineStore  *self);
void      _byline_store_unlock       (BylineStore  *self);
/* Turns an SQLite result code into a BYLINE_STORE_ERROR a person can act on;
 * @doing is a translated phrase such as "save the revision". */
void      _byline_store_set_error    (BylineStore  *self,
                                      GError      **error,
                                      int           rc,
                                      const char   *doing);
/* Runs @sql (no results) with the lock held by the caller. */
gboolean  _byline_store_exec         (BylineStore  *self,
                                      const char   *sql,
                                      const char   *doing,
                                      GError      **error);
/* Rolls back an open transaction, if any, with the lock held. */
void      _byline_store_rollback     (BylineStore  *self);
/* Emits "changed" on the store's own thread; call without the lock. */
void      _byline_store_emit_changed (BylineStore  *self,
                                      gint64        id);
/* Reads a full article row (the columns of byline_store_load_article, in
 * order: id, uuid, slug, section, headline, standfirst, byline, dateline,
 * caption, credit, image, image_alt, body, tags, status, created, updated,
 * published, language) from @stmt's current row. */
BylineArticle *_byline_store_article_from_row (sqlite3_stmt *stmt);

/* Text in and out of SQL: the store keeps no NULL text, "" instead. */
static inline void
_byline_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

static inline const char *
_byline_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

G_END_DECLS
