/* byline-store-sqlite-schema.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-sqlite"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "byline-store-sqlite-private.h"

/* The articles table has a column for each field of the field table
 * (byline-article-fields.c), by its name, and the backend's own: trashed,
 * spiked_from. A field flagged SEARCHED is a column of articles_fts (in
 * table order) and its triggers, one flagged REVISION a column of
 * revisions; tests/test-store.c checks the schema against the table. */

/* Each step takes the schema from version N to N + 1 and runs in one
 * transaction together with the user_version bump. Never edit a step that
 * has shipped: add a new one. */
static const char * const migrations[] = {
  /* 0 -> 1: articles, their full-text index, pins. */
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  slug TEXT NOT NULL DEFAULT '',"
  "  section TEXT NOT NULL DEFAULT '',"
  "  headline TEXT NOT NULL DEFAULT '',"
  "  standfirst TEXT NOT NULL DEFAULT '',"
  "  byline TEXT NOT NULL DEFAULT '',"
  "  dateline TEXT NOT NULL DEFAULT '',"
  "  caption TEXT NOT NULL DEFAULT '',"
  "  credit TEXT NOT NULL DEFAULT '',"
  "  image TEXT NOT NULL DEFAULT '',"
  "  image_alt TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'in-review', 'approved', 'published', 'spiked')),"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  published INTEGER,"
  "  language TEXT NOT NULL DEFAULT 'en',"
  "  trashed INTEGER"
  ");"
  "CREATE INDEX articles_by_updated ON articles (updated DESC, id DESC);"
  "CREATE INDEX articles_by_status ON articles (status, updated DESC);"
  "CREATE INDEX articles_by_headline ON articles (headline COLLATE NOCASE);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  headline, standfirst, caption, body, tags,"
  "  content = 'articles', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, headline, standfirst, caption, body, tags)"
  "  VALUES (new.id, new.headline, new.standfirst, new.caption, new.body, new.tags);"
  "END;"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, caption, body, tags)"
  "  VALUES ('delete', old.id, old.headline, old.standfirst, old.caption, old.body, old.tags);"
  "END;"
  "CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, standfirst, caption, body, tags"
  "  ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, caption, body, tags)"
  "  VALUES ('delete', old.id, old.headline, old.standfirst, old.caption, old.body, old.tags);"
  "  INSERT INTO articles_fts (rowid, headline, standfirst, caption, body, tags)"
  "  VALUES (new.id, new.headline, new.standfirst, new.caption, new.body, new.tags);"
  "END;"
  "CREATE TABLE pins ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  sort INTEGER NOT NULL,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  related_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
  "  headline TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX pins_by_article ON pins (article_id, sort);"
  "CREATE INDEX pins_by_related ON pins (related_id);"
  /* A pin keeps the last headline it saw, so it still reads right if the
   * related article is deleted later. */
  "CREATE TRIGGER pins_follow_headline AFTER UPDATE OF headline ON articles BEGIN"
  "  UPDATE pins SET headline = new.headline WHERE related_id = new.id;"
  "END;",

  /* 1 -> 2: editors' review (byline-store-workflow.c, -revisions.c and
   * -notes.c): revisions, who changed the state and when, notes, and where
   * a spiked article goes back to. Articles written before keep their text
   * as a first revision. */
  "ALTER TABLE articles ADD COLUMN spiked_from TEXT"
  "  CHECK (spiked_from IN ('draft', 'in-review', 'approved', 'published'));"
  "CREATE TABLE revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL"
  "    CHECK (status IN ('draft', 'in-review', 'approved', 'published', 'spiked')),"
  "  reason TEXT NOT NULL CHECK (reason IN ('state', 'manual', 'auto', 'restore')),"
  "  headline TEXT NOT NULL DEFAULT '',"
  "  standfirst TEXT NOT NULL DEFAULT '',"
  "  byline TEXT NOT NULL DEFAULT '',"
  "  dateline TEXT NOT NULL DEFAULT '',"
  "  caption TEXT NOT NULL DEFAULT '',"
  "  credit TEXT NOT NULL DEFAULT '',"
  "  image TEXT NOT NULL DEFAULT '',"
  "  image_alt TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  section TEXT NOT NULL DEFAULT '',"
  "  published INTEGER,"
  "  language TEXT NOT NULL DEFAULT 'en',"
  "  words_added INTEGER NOT NULL DEFAULT 0,"
  "  words_removed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX revisions_by_article ON revisions (article_id, created DESC, id DESC);"
  "CREATE TABLE status_events ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  created INTEGER NOT NULL,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  from_status TEXT NOT NULL,"
  "  to_status TEXT NOT NULL"
  ");"
  "CREATE INDEX status_events_by_article ON status_events (article_id, created, id);"
  /* anchor_start/anchor_end: characters into the body, NULL for a note on
   * the whole article; a reply has its thread's anchor. */
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES notes (id) ON DELETE CASCADE,"
  "  author TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  anchor_start INTEGER,"
  "  anchor_end INTEGER,"
  "  anchor_text TEXT NOT NULL DEFAULT '',"
  "  resolved INTEGER,"
  "  CHECK ((anchor_start IS NULL) = (anchor_end IS NULL)),"
  "  CHECK (anchor_start IS NULL OR (anchor_start >= 0 AND anchor_end > anchor_start))"
  ");"
  "CREATE INDEX notes_by_article ON notes (article_id, parent_id, resolved);"
  "CREATE INDEX notes_by_parent ON notes (parent_id);"
  /* The body the notes' anchors were last worked out against: when the body
   * has changed since, the anchors follow the edit before anyone reads them. */
  "CREATE TABLE notes_base ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL"
  ");"
  "INSERT INTO revisions (article_id, created, author, status, reason, headline, standfirst,"
  "  byline, dateline, caption, credit, image, image_alt, body, tags, section, published, language)"
  "  SELECT id, updated, '', status, 'auto', headline, standfirst, byline, dateline, caption,"
  "  credit, image, image_alt, body, tags, section, published, language FROM articles;",

  /* 2 -> 3: indexes over live and trashed articles alone. Telling them
   * apart otherwise reads each row's trashed column, past the body: a scan
   * of the whole table for every count and deep page of the sidebar
   * (105 ms at 100,000 articles, 4.9 ms with these; bench/README.md). */
  "CREATE INDEX articles_live ON articles (updated DESC, id DESC) WHERE trashed IS NULL;"
  "CREATE INDEX articles_live_by_status ON articles (status, updated DESC, id DESC)"
  "  WHERE trashed IS NULL;"
  "CREATE INDEX articles_in_trash ON articles (updated DESC, id DESC) WHERE trashed IS NOT NULL;",

  /* 3 -> 4: many writers. Each article has a version a save must name, so
   * a window never silently overwrites what another program saved, and
   * who saved it. Every change is logged in changes, which other programs
   * on the same file read after PRAGMA data_version says something was
   * written (byline-store-sqlite-watch.c); the log keeps its last 10,000
   * entries. */
  "ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE articles ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE changes ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  article_id INTEGER NOT NULL,"
  "  what TEXT NOT NULL"
  ");"
  "CREATE TRIGGER changes_article_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.id, 'inserted');"
  "END;"
  "CREATE TRIGGER changes_article_update AFTER UPDATE ON articles BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.id,"
  "    CASE WHEN old.trashed IS NULL AND new.trashed IS NOT NULL THEN 'trashed'"
  "         WHEN old.trashed IS NOT NULL AND new.trashed IS NULL THEN 'restored'"
  "         WHEN old.status IS NOT new.status THEN 'status'"
  "         ELSE 'saved' END);"
  "END;"
  "CREATE TRIGGER changes_article_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (old.id, 'deleted');"
  "END;"
  "CREATE TRIGGER changes_note_insert AFTER INSERT ON notes BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.article_id, 'notes');"
  "END;"
  "CREATE TRIGGER changes_note_update AFTER UPDATE ON notes BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.article_id, 'notes');"
  "END;"
  "CREATE TRIGGER changes_note_delete AFTER DELETE ON notes BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (old.article_id, 'notes');"
  "END;"
  "CREATE TRIGGER changes_revision_insert AFTER INSERT ON revisions BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.article_id, 'revisions');"
  "END;"
  "CREATE TRIGGER changes_trim AFTER INSERT ON changes WHEN new.seq % 1000 = 0 BEGIN"
  "  DELETE FROM changes WHERE seq <= new.seq - 10000;"
  "END;",

  /* 4 -> 5: edit locks. The desk that edits an article holds its lock and
   * keeps it alive (heartbeat, Unix seconds); a stale one is free. Taking
   * and releasing are changes others see; heartbeats are not. */
  "CREATE TABLE edit_locks ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  desk TEXT NOT NULL,"
  "  holder_name TEXT NOT NULL DEFAULT '',"
  "  heartbeat INTEGER NOT NULL"
  ");"
  "CREATE TRIGGER changes_lock_insert AFTER INSERT ON edit_locks BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.article_id, 'lock');"
  "END;"
  "CREATE TRIGGER changes_lock_update AFTER UPDATE OF desk ON edit_locks"
  "  WHEN old.desk IS NOT new.desk BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (new.article_id, 'lock');"
  "END;"
  "CREATE TRIGGER changes_lock_delete AFTER DELETE ON edit_locks BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (old.article_id, 'lock');"
  "END;",

  /* 5 -> 6: the masthead, in the newsroom rather than each desk's
   * settings, so every desk previews the same page. One row, once set. */
  "CREATE TABLE publication ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  tagline TEXT NOT NULL DEFAULT '',"
  "  base_url TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT 'en'"
  ");"
  "CREATE TRIGGER changes_publication_insert AFTER INSERT ON publication BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (0, 'publication');"
  "END;"
  "CREATE TRIGGER changes_publication_update AFTER UPDATE ON publication BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (0, 'publication');"
  "END;",

  /* 6 -> 7: pictures kept in the newsroom (byline-media.h), one row per
   * distinct picture: an article's image names it by checksum, so the
   * same bytes chosen twice are kept once, and a copied newsroom finds
   * them under the same name. Rows are never changed; a picture no
   * article names any more stays, as a revision may name it. */
  "CREATE TABLE media ("
  "  id INTEGER PRIMARY KEY,"
  "  checksum TEXT NOT NULL UNIQUE CHECK (length (checksum) = 64),"
  "  mime_type TEXT NOT NULL"
  "    CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),"
  "  bytes BLOB NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  width INTEGER,"
  "  height INTEGER,"
  "  created INTEGER NOT NULL,"
  "  added_by TEXT NOT NULL DEFAULT ''"
  ");",

  /* 7 -> 8: the newsroom dictionary: the names of people and places the
   * desk adds, which every desk's spell checker then takes as right. */
  "CREATE TABLE dictionary ("
  "  word TEXT PRIMARY KEY CHECK (word <> ''),"
  "  added_by TEXT NOT NULL DEFAULT '',"
  "  added INTEGER NOT NULL"
  ");",

  /* 8 -> 9: a word added or removed is a change the other desks hear of,
   * so their spell checkers take it at once. */
  "CREATE TRIGGER changes_dictionary_insert AFTER INSERT ON dictionary BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (0, 'dictionary');"
  "END;"
  "CREATE TRIGGER changes_dictionary_delete AFTER DELETE ON dictionary BEGIN"
  "  INSERT INTO changes (article_id, what) VALUES (0, 'dictionary');"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BYLINE_STORE_SCHEMA_VERSION);

/* One statement, so one snapshot: read in three, another program's
 * migration could commit between them and the file look half ours. */
static gboolean
read_header (BylineSql  *sql,
             gint64     *version,
             gint64     *app_id,
             gint64     *n_tables,
             GError    **error)
{
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("open the database");

  *version = *app_id = *n_tables = 0;

  /* Reading the header is where "file is not a database" shows up. */
  stmt = byline_sql_prepare (sql,
                             "SELECT (SELECT user_version FROM pragma_user_version),"
                             " (SELECT application_id FROM pragma_application_id),"
                             " (SELECT count(*) FROM sqlite_schema)",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  if (byline_sql_next (sql, stmt, doing, &local_error))
    {
      *version = byline_sql_column_int64 (stmt, 0);
      *app_id = byline_sql_column_int64 (stmt, 1);
      *n_tables = byline_sql_column_int64 (stmt, 2);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_header (BylineSql  *sql,
              gint64      version,
              gint64      app_id,
              gint64      n_tables,
              GError    **error)
{
  g_autofree char *name = g_filename_display_name (byline_sql_get_path (sql));

  if (app_id != BYLINE_SQLITE_APPLICATION_ID && (n_tables > 0 || version > 0))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT,
                   _("“%s” is an SQLite database, but not a Byline newsroom. "
                     "Choose another file with --database, or a new file name to start a newsroom."),
                   name);
      return FALSE;
    }

  if (version > BYLINE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Byline "
                     "(schema %" PRId64 ", this version knows %d). Update Byline to open it."),
                   name, version, BYLINE_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

gboolean
_byline_store_sqlite_migrate (BylineSql  *sql,
                              GError    **error)
{
  const char *doing = _("update the database");
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_tables = 0;

  if (!read_header (sql, &version, &app_id, &n_tables, error) ||
      !check_header (sql, version, app_id, n_tables, error))
    return FALSE;

  if (version == BYLINE_STORE_SCHEMA_VERSION)
    return TRUE;

  /* Another program may be opening the same new file right now: the
   * version read above can be stale by the time the write lock is ours,
   * so it is read again inside the transaction, and only the steps still
   * missing then are run. */
  if (!byline_sql_begin (sql, doing, error))
    return FALSE;

  if (!read_header (sql, &version, &app_id, &n_tables, error) ||
      !check_header (sql, version, app_id, n_tables, error))
    {
      byline_sql_rollback (sql);
      return FALSE;
    }

  for (gint64 step = version; step < BYLINE_STORE_SCHEMA_VERSION; step++)
    {
      g_autofree char *bump =
        g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %" G_GINT64_FORMAT ";",
                         BYLINE_SQLITE_APPLICATION_ID, step + 1);

      if (!byline_sql_exec (sql, migrations[step], doing, error) ||
          !byline_sql_exec (sql, bump, doing, error))
        {
          byline_sql_rollback (sql);
          return FALSE;
        }

      g_debug ("Migrating %s to schema %" G_GINT64_FORMAT, byline_sql_get_path (sql), step + 1);
    }

  return byline_sql_commit (sql, doing, error);
}

/* A newsroom opened for reading only: it is read as it is, so it must need
 * no migration step. */
gboolean
_byline_store_sqlite_check_read_only (BylineSql  *sql,
                                      GError    **error)
{
  g_autofree char *name = g_filename_display_name (byline_sql_get_path (sql));
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_tables = 0;

  if (!read_header (sql, &version, &app_id, &n_tables, error) ||
      !check_header (sql, version, app_id, n_tables, error))
    return FALSE;

  if (version < BYLINE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written, and it was made by an older version "
                     "of Byline (schema %" PRId64 ", this version reads %d): it needs an update "
                     "this version cannot write. Open it once where it can be written, "
                     "or copy it to a folder you can write."),
                   name, version, BYLINE_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}
