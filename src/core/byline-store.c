/* byline-store.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <string.h>

#include "byline-pin.h"
#include "byline-store.h"
#include "byline-pg-connection.h"
#include "byline-store-private.h"

/* "BYLN": tells our databases from other SQLite files. */
#define BYLINE_APPLICATION_ID 0x42594c4e
#define DEFAULT_BUSY_TIMEOUT_MS 5000

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

  /* 1 -> 2: editors' review (src/core/byline-store-review.c): revisions, who
   * changed the state and when, notes, and where a spiked article goes back
   * to. Articles written before keep their text as a first revision. */
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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BYLINE_STORE_SCHEMA_VERSION);

typedef enum
{
  STMT_INSERT,
  STMT_UPDATE,
  STMT_LOAD,
  STMT_LOAD_PINS,
  STMT_DELETE_PINS,
  STMT_INSERT_PIN,
  STMT_FIND_BY_HEADLINE,
  STMT_SET_TRASHED,
  STMT_DELETE,
  STMT_EMPTY_TRASH,
  N_STMTS
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_INSERT] =
    "INSERT INTO articles (uuid, slug, section, headline, standfirst, byline, dateline,"
    " caption, credit, image, image_alt, body, tags, status, created, updated, published, language)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
  /* The state is left out (?14 stays unused): it changes only through
   * byline_store_set_status (), so an autosave from a window that still
   * shows the old state cannot undo a state change made elsewhere. */
  [STMT_UPDATE] =
    "UPDATE articles SET uuid = ?1, slug = ?2, section = ?3, headline = ?4, standfirst = ?5,"
    " byline = ?6, dateline = ?7, caption = ?8, credit = ?9, image = ?10, image_alt = ?11,"
    " body = ?12, tags = ?13, created = ?15, updated = ?16, published = ?17,"
    " language = ?18 WHERE id = ?19",
  [STMT_LOAD] =
    "SELECT id, uuid, slug, section, headline, standfirst, byline, dateline, caption, credit,"
    " image, image_alt, body, tags, status, created, updated, published, language"
    " FROM articles WHERE id = ?1",
  [STMT_LOAD_PINS] =
    "SELECT p.position, r.id, COALESCE (r.headline, p.headline), r.slug, r.status, r.trashed"
    " FROM pins p LEFT JOIN articles r ON r.id = p.related_id"
    " WHERE p.article_id = ?1 ORDER BY p.sort",
  [STMT_DELETE_PINS] =
    "DELETE FROM pins WHERE article_id = ?1",
  /* A link to an article deleted meanwhile is kept as an unresolved pin
   * with its headline: a vanished related article must never stop the
   * journalist's own text from being saved. */
  [STMT_INSERT_PIN] =
    "INSERT INTO pins (article_id, sort, position, related_id, headline)"
    " VALUES (?1, ?2, ?3, (SELECT id FROM articles WHERE id = ?4), ?5)",
  [STMT_FIND_BY_HEADLINE] =
    "SELECT id FROM articles WHERE headline = ?1 COLLATE NOCASE AND trashed IS NULL"
    " ORDER BY updated DESC, id DESC LIMIT 1",
  [STMT_SET_TRASHED] =
    "UPDATE articles SET trashed = ?2 WHERE id = ?1",
  [STMT_DELETE] =
    "DELETE FROM articles WHERE id = ?1",
  [STMT_EMPTY_TRASH] =
    "DELETE FROM articles WHERE trashed IS NOT NULL",
};

/* The columns every list and load reads, in this order (body may be left
 * out by a list: it reads '' instead). */
enum {
  COL_ID, COL_UUID, COL_SLUG, COL_SECTION, COL_HEADLINE, COL_STANDFIRST,
  COL_BYLINE, COL_DATELINE, COL_CAPTION, COL_CREDIT, COL_IMAGE, COL_IMAGE_ALT,
  COL_BODY, COL_TAGS, COL_STATUS, COL_CREATED, COL_UPDATED, COL_PUBLISHED,
  COL_LANGUAGE,
};

struct _BylineStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  sqlite3_stmt  *stmts[N_STMTS];
  /* One connection, used from the main thread and from save workers: the
   * mutex keeps the cached statements to one user at a time. */
  GMutex         mutex;
  GMainContext  *context;
  GThread       *owner;
};

G_DEFINE_FINAL_TYPE (BylineStore, byline_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-store-error-quark, byline_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
byline_store_finalize (GObject *object)
{
  BylineStore *self = (BylineStore *)object;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (byline_store_parent_class)->finalize (object);
}

static void
byline_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BylineStore *self = BYLINE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_store_class_init (BylineStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_store_finalize;
  object_class->get_property = byline_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Fires on the thread that created the store after an article was saved,
   * trashed, restored or deleted; the id is 0 when many changed at once. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
byline_store_init (BylineStore *self)
{
  g_mutex_init (&self->mutex);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
}

typedef struct
{
  BylineStore *store;
  gint64       id;
} ChangedData;

static gboolean
emit_changed_cb (gpointer user_data)
{
  ChangedData *data = user_data;

  g_signal_emit (data->store, signals[CHANGED], 0, data->id);
  g_object_unref (data->store);
  g_free (data);

  return G_SOURCE_REMOVE;
}

static void
emit_changed (BylineStore *self,
              gint64       id)
{
  ChangedData *data;

  if (g_thread_self () == self->owner)
    {
      g_signal_emit (self, signals[CHANGED], 0, id);
      return;
    }

  data = g_new0 (ChangedData, 1);
  data->store = g_object_ref (self);
  data->id = id;
  g_main_context_invoke (self->context, emit_changed_cb, data);
}

/* Turns an SQLite failure into a message a journalist can act on. */
static void
set_sqlite_error (BylineStore  *self,
                  GError      **error,
                  int           rc,
                  const char   *doing)
{
  g_autofree char *name = g_filename_display_name (self->path);
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_BUSY,
                   /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
                   _("Could not %s: the database “%s” is in use by another program. "
                     "Close the other program and try again."),
                   doing, name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_READ_ONLY,
                   /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
                   _("Could not %s: the database “%s” cannot be written. "
                     "Check that the file and its folder are writable."),
                   doing, name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is what failed, such as “open the database”; “%s” is the database file */
                   _("Could not %s: “%s” is not a Byline database, or it is damaged. "
                     "Choose another file, or restore it from a backup."),
                   doing, name);
      break;
    case SQLITE_FULL:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
                   _("Could not %s: the disk holding “%s” is full. Free some space and try again."),
                   doing, name);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   /* Translators: what failed, such as “open the database”; the database file; the reason SQLite gives */
                   _("Could not %s: the database “%s” could not be opened or read (%s). "
                     "Check that the file exists and that its disk is available."),
                   doing, name, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   /* Translators: what failed, such as “save the article”; the reason SQLite gives */
                   _("Could not %s: the database refused a value (%s)."),
                   doing, detail);
      break;
    default:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   /* Translators: what failed, such as “save the article”; the database file; the reason SQLite gives */
                   _("Could not %s in “%s”: %s."),
                   doing, name, detail);
      break;
    }
}

static gboolean
exec (BylineStore  *self,
      const char   *sql,
      const char   *doing,
      GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (BylineStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (BylineStore  *self,
           const char   *sql,
           gint64       *value,
           const char   *doing,
           GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (BylineStore  *self,
         GError      **error)
{
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_tables = 0;
  g_autofree char *name = g_filename_display_name (self->path);

  /* Reading the header is where "file is not a database" shows up. */
  if (!query_int (self, "PRAGMA user_version", &version, _("open the database"), error) ||
      !query_int (self, "PRAGMA application_id", &app_id, _("open the database"), error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, _("open the database"), error))
    return FALSE;

  if (app_id != BYLINE_APPLICATION_ID && (n_tables > 0 || version > 0))
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

  for (gint64 step = version; step < BYLINE_STORE_SCHEMA_VERSION; step++)
    {
      g_autofree char *bump = NULL;

      if (!exec (self, "BEGIN IMMEDIATE", _("update the database"), error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %" G_GINT64_FORMAT ";",
                              BYLINE_APPLICATION_ID, step + 1);

      if (!exec (self, migrations[step], _("update the database"), error) ||
          !exec (self, bump, _("update the database"), error) ||
          !exec (self, "COMMIT", _("update the database"), error))
        {
          rollback (self);
          return FALSE;
        }

      g_debug ("Migrated %s to schema %" G_GINT64_FORMAT, self->path, step + 1);
    }

  return TRUE;
}

static gboolean
prepare_statements (BylineStore  *self,
                    GError      **error)
{
  for (guint i = 0; i < N_STMTS; i++)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[i], NULL);

      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self, error, rc, _("open the database"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * byline_store_dup_default_path:
 *
 * Returns: (transfer full): where the newsroom lives unless told otherwise
 */
char *
byline_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "byline", "newsroom.db", NULL);
}

/**
 * byline_store_new:
 * @path: (nullable): the database file, or %NULL for the default one
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
BylineStore *
byline_store_new (const char  *path,
                  GError     **error)
{
  g_autoptr(BylineStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display_dir = NULL;
  int rc;

  self = g_object_new (BYLINE_TYPE_STORE, NULL);

  if (path == NULL)
    {
      self->path = byline_store_dup_default_path ();
      dir = g_path_get_dirname (self->path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          display_dir = g_filename_display_name (dir);
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                       _("Could not create the folder “%s” for the newsroom database: %s. "
                         "Check that your home folder is writable, or choose a file with --database."),
                       display_dir, g_strerror (saved_errno));
          return NULL;
        }
    }
  else
    {
      self->path = g_strdup (path);
      dir = g_path_get_dirname (self->path);
    }

  display_dir = g_filename_display_name (dir);

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file. Choose a file name instead."),
                   name);
      return NULL;
    }

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   _("The folder “%s” does not exist. Create it first, or choose a database in another folder."),
                   display_dir);
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, rc, _("open the database"));
      return NULL;
    }

  /* SQLite quietly falls back to read-only when the file isn't writable;
   * autosave would then fail on the first keystroke, so say it now. */
  if (sqlite3_db_readonly (self->db, "main") == 1 ||
      (g_file_test (self->path, G_FILE_TEST_EXISTS) && g_access (self->path, W_OK) != 0))
    {
      set_sqlite_error (self, error, SQLITE_READONLY, _("open the database"));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);

  if (!exec (self, "PRAGMA foreign_keys = ON", _("open the database"), error) ||
      !migrate (self, error) ||
      !exec (self, "PRAGMA journal_mode = WAL", _("open the database"), error) ||
      !exec (self, "PRAGMA synchronous = FULL", _("open the database"), error) ||
      !prepare_statements (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

BylineStore *
byline_store_open (const char  *location,
                   const char  *password,
                   GError     **error)
{
  if (byline_pg_is_uri (location))
    {
      g_autofree char *shown = byline_pg_dup_display_uri (location);

      /* Until the server backend lands (see the shared-newsroom issue). */
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   _("This version of Byline cannot open the newsroom server %s yet. "
                     "Open a newsroom file instead."),
                   shown);
      return NULL;
    }

  return byline_store_new (location, error);
}

const char *
byline_store_get_path (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  return self->path;
}

/* For tests that hold locks from a second connection. */
void
byline_store_set_busy_timeout (BylineStore *self,
                               guint        milliseconds)
{
  g_return_if_fail (BYLINE_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int)milliseconds);
}

static sqlite3_stmt *
get_stmt (BylineStore *self,
          StmtId       id)
{
  sqlite3_stmt *stmt = self->stmts[id];

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

static BylineArticle *
article_from_row (sqlite3_stmt *stmt)
{
  BylineArticle *article = byline_article_new ();
  BylineStatus status = BYLINE_STATUS_DRAFT;

  byline_status_from_string (_byline_store_column_text (stmt, COL_STATUS), &status);

  byline_article_set_id (article, sqlite3_column_int64 (stmt, COL_ID));
  byline_article_set_uuid (article, _byline_store_column_text (stmt, COL_UUID));
  byline_article_set_slug (article, _byline_store_column_text (stmt, COL_SLUG));
  byline_article_set_section (article, _byline_store_column_text (stmt, COL_SECTION));
  byline_article_set_headline (article, _byline_store_column_text (stmt, COL_HEADLINE));
  byline_article_set_standfirst (article, _byline_store_column_text (stmt, COL_STANDFIRST));
  byline_article_set_byline (article, _byline_store_column_text (stmt, COL_BYLINE));
  byline_article_set_dateline (article, _byline_store_column_text (stmt, COL_DATELINE));
  byline_article_set_caption (article, _byline_store_column_text (stmt, COL_CAPTION));
  byline_article_set_credit (article, _byline_store_column_text (stmt, COL_CREDIT));
  byline_article_set_image (article, _byline_store_column_text (stmt, COL_IMAGE));
  byline_article_set_image_alt (article, _byline_store_column_text (stmt, COL_IMAGE_ALT));
  byline_article_set_body (article, _byline_store_column_text (stmt, COL_BODY));
  byline_article_set_tags_string (article, _byline_store_column_text (stmt, COL_TAGS));
  byline_article_set_status (article, status);
  byline_article_set_created (article, sqlite3_column_int64 (stmt, COL_CREATED));
  byline_article_set_updated (article, sqlite3_column_int64 (stmt, COL_UPDATED));
  byline_article_set_published (article, sqlite3_column_int64 (stmt, COL_PUBLISHED));
  byline_article_set_language (article, _byline_store_column_text (stmt, COL_LANGUAGE));

  return article;
}

static gboolean
validate_article (BylineArticle  *article,
                  GError        **error)
{
  static const struct {
    const char *(*get) (BylineArticle *);
    const char *label;
  } fields[] = {
    { byline_article_get_headline, N_("headline") },
    { byline_article_get_standfirst, N_("standfirst") },
    { byline_article_get_byline, N_("byline") },
    { byline_article_get_dateline, N_("dateline") },
    { byline_article_get_caption, N_("caption") },
    { byline_article_get_credit, N_("credit") },
    { byline_article_get_section, N_("section") },
    { byline_article_get_image_alt, N_("image description") },
    { byline_article_get_body, N_("body") },
  };

  /* GObject strings arrive from importers and widgets; SQLite would store
   * invalid UTF-8 and hand it to the renderer later, so refuse it here. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (!g_utf8_validate (fields[i].get (article), -1, NULL))
        {
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                       /* Translators: %s is the field, such as “headline” */
                       _("The %s is not valid UTF-8 text, so it was not saved. Retype or paste it again."),
                       _(fields[i].label));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_pins (BylineStore    *self,
            BylineArticle  *article,
            gint64          id,
            GError        **error)
{
  GListModel *pins = byline_article_get_pins (article);
  sqlite3_stmt *stmt;
  guint n_pins;
  int rc;

  stmt = get_stmt (self, STMT_DELETE_PINS);
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("save the related links"));
      return FALSE;
    }

  n_pins = g_list_model_get_n_items (pins);
  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      gint64 related_id = byline_pin_get_related_id (pin);

      if (related_id == id)
        {
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                       _("An article cannot link to itself. Remove the READ: link to “%s”."),
                       byline_pin_get_headline (pin));
          return FALSE;
        }

      stmt = get_stmt (self, STMT_INSERT_PIN);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_int64 (stmt, 3, byline_pin_get_position (pin));
      if (related_id > 0)
        sqlite3_bind_int64 (stmt, 4, related_id);
      else
        sqlite3_bind_null (stmt, 4);
      _byline_store_bind_text (stmt, 5, byline_pin_get_headline (pin));

      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        {
          set_sqlite_error (self, error, rc, _("save the related links"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * byline_store_save_article:
 * @self: a store
 * @article: the article to write
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the article and its pins are on disk
 */
gboolean
byline_store_save_article (BylineStore    *self,
                           BylineArticle  *article,
                           GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *tags = NULL;
  gboolean inserting;
  sqlite3_stmt *stmt;
  gint64 now;
  gint64 created;
  gint64 id;
  int rc;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (!validate_article (article, error))
    return FALSE;

  locker = g_mutex_locker_new (&self->mutex);

  inserting = byline_article_get_id (article) == 0;
  now = g_get_real_time () / G_USEC_PER_SEC;
  created = byline_article_get_created (article);
  if (created == 0)
    created = now;

  uuid = g_strdup (byline_article_get_uuid (article));
  if (*uuid == '\0')
    {
      g_free (uuid);
      uuid = g_uuid_string_random ();
    }

  /* The slug follows the headline until the article is published; then its
   * address must not change. */
  if (byline_article_get_status (article) != BYLINE_STATUS_PUBLISHED ||
      *byline_article_get_slug (article) == '\0')
    slug = byline_slugify (byline_article_get_headline (article));
  else
    slug = g_strdup (byline_article_get_slug (article));

  tags = byline_article_dup_tags_string (article);

  if (!exec (self, "BEGIN IMMEDIATE", _("save the article"), error))
    return FALSE;

  stmt = get_stmt (self, inserting ? STMT_INSERT : STMT_UPDATE);
  _byline_store_bind_text (stmt, 1, uuid);
  _byline_store_bind_text (stmt, 2, slug);
  _byline_store_bind_text (stmt, 3, byline_article_get_section (article));
  _byline_store_bind_text (stmt, 4, byline_article_get_headline (article));
  _byline_store_bind_text (stmt, 5, byline_article_get_standfirst (article));
  _byline_store_bind_text (stmt, 6, byline_article_get_byline (article));
  _byline_store_bind_text (stmt, 7, byline_article_get_dateline (article));
  _byline_store_bind_text (stmt, 8, byline_article_get_caption (article));
  _byline_store_bind_text (stmt, 9, byline_article_get_credit (article));
  _byline_store_bind_text (stmt, 10, byline_article_get_image (article));
  _byline_store_bind_text (stmt, 11, byline_article_get_image_alt (article));
  _byline_store_bind_text (stmt, 12, byline_article_get_body (article));
  _byline_store_bind_text (stmt, 13, tags);
  _byline_store_bind_text (stmt, 14, byline_status_to_string (byline_article_get_status (article)));
  sqlite3_bind_int64 (stmt, 15, created);
  sqlite3_bind_int64 (stmt, 16, now);
  if (byline_article_get_published (article) > 0)
    sqlite3_bind_int64 (stmt, 17, byline_article_get_published (article));
  else
    sqlite3_bind_null (stmt, 17);
  _byline_store_bind_text (stmt, 18, byline_article_get_language (article));
  if (!inserting)
    sqlite3_bind_int64 (stmt, 19, byline_article_get_id (article));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("save the article"));
      rollback (self);
      return FALSE;
    }

  if (!inserting && sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("The article “%s” was deleted, so it could not be saved. "
                     "Copy its text into a new article to keep it."),
                   byline_article_get_headline (article));
      return FALSE;
    }

  id = inserting ? sqlite3_last_insert_rowid (self->db) : byline_article_get_id (article);

  if (!write_pins (self, article, id, error) ||
      !exec (self, "COMMIT", _("save the article"), error))
    {
      rollback (self);
      return FALSE;
    }

  /* The article's notify handlers run without the lock held, so they may
   * call the store themselves. */
  g_clear_pointer (&locker, g_mutex_locker_free);

  byline_article_set_id (article, id);
  byline_article_set_uuid (article, uuid);
  byline_article_set_slug (article, slug);
  byline_article_set_created (article, created);
  byline_article_set_updated (article, now);

  emit_changed (self, id);

  return TRUE;
}

static gboolean
load_pins (BylineStore    *self,
           BylineArticle  *article,
           GError        **error)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_LOAD_PINS);
  int rc;

  sqlite3_bind_int64 (stmt, 1, byline_article_get_id (article));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 related_id = sqlite3_column_int64 (stmt, 1);
      g_autoptr(BylinePin) pin = byline_pin_new (sqlite3_column_int (stmt, 0),
                                                 related_id,
                                                 _byline_store_column_text (stmt, 2));

      if (related_id > 0)
        {
          g_autofree char *page_name =
            g_strdup_printf ("%" G_GINT64_FORMAT "-%s.html", related_id, _byline_store_column_text (stmt, 3));

          byline_pin_set_page_name (pin, page_name);
          byline_pin_set_related_spiked (pin,
                                         g_strcmp0 (_byline_store_column_text (stmt, 4), "spiked") == 0 ||
                                         sqlite3_column_type (stmt, 5) != SQLITE_NULL);
        }

      byline_article_add_pin (article, g_steal_pointer (&pin));
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("load the related links"));
      return FALSE;
    }

  return TRUE;
}

/**
 * byline_store_load_article:
 * @self: a store
 * @id: the article's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article with its pins
 */
BylineArticle *
byline_store_load_article (BylineStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(BylineArticle) article = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);

  stmt = get_stmt (self, STMT_LOAD);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("No article with id %" PRId64 ". Run “byline --list” to see the ids."),
                   id);
      return NULL;
    }
  else if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, rc, _("load the article"));
      return NULL;
    }

  article = article_from_row (stmt);
  sqlite3_reset (stmt);

  if (!load_pins (self, article, error))
    return NULL;

  return g_steal_pointer (&article);
}

/* Words typed in a search box become an FTS5 query that cannot be a syntax
 * error: every word quoted, the last one a prefix so results follow typing. */
static char *
fts_query_from_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *query = g_string_new (NULL);
  guint last = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      last = i;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');

      if (i == last)
        g_string_append_c (query, '*');
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/* Builds "FROM ... WHERE ..." for a query, binding in order: fts, status. */
static char *
query_clause (const BylineArticleQuery *query,
              const char               *fts)
{
  GString *sql = g_string_new (" FROM articles a");

  if (fts != NULL)
    g_string_append (sql, " JOIN articles_fts f ON f.rowid = a.id");

  g_string_append (sql, query->trashed ? " WHERE a.trashed IS NOT NULL" : " WHERE a.trashed IS NULL");

  if (fts != NULL)
    g_string_append (sql, " AND articles_fts MATCH ?1");
  if (query->status >= 0)
    g_string_append (sql, " AND a.status = ?2");

  return g_string_free (sql, FALSE);
}

static gboolean
run_list (BylineStore               *self,
          const BylineArticleQuery  *query,
          gboolean                   count_only,
          GPtrArray                 *out,
          guint                     *count,
          GError                   **error)
{
  static const BylineArticleQuery all = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *fts = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (query == NULL)
    query = &all;

  if (query->status >= BYLINE_N_STATUSES)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("Unknown article status %d."), query->status);
      return FALSE;
    }

  if (query->search != NULL)
    fts = fts_query_from_words (query->search);

  clause = query_clause (query, fts);

  if (count_only)
    sql = g_strconcat ("SELECT count(*)", clause, NULL);
  else
    sql = g_strdup_printf ("SELECT a.id, a.uuid, a.slug, a.section, a.headline, a.standfirst,"
                           " a.byline, a.dateline, a.caption, a.credit, a.image, a.image_alt,"
                           " '', a.tags, a.status, a.created, a.updated, a.published, a.language"
                           "%s ORDER BY a.updated DESC, a.id DESC LIMIT %d OFFSET %u",
                           clause,
                           query->limit > 0 ? (int)MIN (query->limit, G_MAXINT) : -1,
                           query->offset);

  locker = g_mutex_locker_new (&self->mutex);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if (fts != NULL)
        _byline_store_bind_text (stmt, 1, fts);
      if (query->status >= 0)
        _byline_store_bind_text (stmt, 2, byline_status_to_string (query->status));

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (count_only)
            *count = sqlite3_column_int (stmt, 0);
          else
            g_ptr_array_add (out, article_from_row (stmt));
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, _("list the articles"));
      return FALSE;
    }

  return TRUE;
}

/**
 * byline_store_list_articles:
 * @self: a store
 * @query: (nullable): what to list; %NULL lists every live article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineArticle) (nullable): the
 *   articles, newest first, without their bodies
 */
GPtrArray *
byline_store_list_articles (BylineStore               *self,
                            const BylineArticleQuery  *query,
                            GError                   **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  if (!run_list (self, query, FALSE, articles, NULL, error))
    return NULL;

  return g_steal_pointer (&articles);
}

guint
byline_store_count_articles (BylineStore               *self,
                             const BylineArticleQuery  *query,
                             GError                   **error)
{
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (self), 0);

  run_list (self, query, TRUE, NULL, &count, error);
  return count;
}

gint64
byline_store_find_by_headline (BylineStore  *self,
                               const char   *headline,
                               GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (BYLINE_IS_STORE (self), 0);

  if (headline == NULL || *headline == '\0')
    return 0;

  locker = g_mutex_locker_new (&self->mutex);

  stmt = get_stmt (self, STMT_FIND_BY_HEADLINE);
  _byline_store_bind_text (stmt, 1, headline);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, rc, _("look up a headline"));
  sqlite3_reset (stmt);

  return id;
}

void
byline_store_resolve_pins (BylineStore   *self,
                           BylineArticle *article)
{
  GListModel *pins;
  guint n_pins;

  g_return_if_fail (BYLINE_IS_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  pins = byline_article_get_pins (article);
  n_pins = g_list_model_get_n_items (pins);

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      g_autoptr(GError) error = NULL;
      gint64 id;

      if (byline_pin_is_resolved (pin))
        continue;

      id = byline_store_find_by_headline (self, byline_pin_get_headline (pin), &error);
      if (error != NULL)
        g_debug ("Could not resolve “%s”: %s", byline_pin_get_headline (pin), error->message);

      if (id > 0 && id != byline_article_get_id (article))
        byline_pin_set_related_id (pin, id);
    }
}

static gboolean
run_on_id (BylineStore  *self,
           StmtId        stmt_id,
           gint64        id,
           gboolean      trash,
           const char   *doing,
           GError      **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *stmt = get_stmt (self, stmt_id);
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  if (stmt_id == STMT_SET_TRASHED)
    {
      if (trash)
        sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
      else
        sqlite3_bind_null (stmt, 2);
    }

  /* Deleting cascades to pins: one transaction keeps them together. */
  if (!exec (self, "BEGIN IMMEDIATE", doing, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, rc, doing);
      rollback (self);
      return FALSE;
    }

  if (id != 0 && sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("No article with id %" PRId64 ". Run “byline --list” to see the ids."),
                   id);
      return FALSE;
    }

  if (!exec (self, "COMMIT", doing, error))
    {
      rollback (self);
      return FALSE;
    }

  g_clear_pointer (&locker, g_mutex_locker_free);
  emit_changed (self, id);

  return TRUE;
}

gboolean
byline_store_trash_article (BylineStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  return run_on_id (self, STMT_SET_TRASHED, id, TRUE, _("move the article to the Trash"), error);
}

gboolean
byline_store_restore_article (BylineStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  return run_on_id (self, STMT_SET_TRASHED, id, FALSE, _("restore the article"), error);
}

gboolean
byline_store_delete_article (BylineStore  *self,
                             gint64        id,
                             GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  return run_on_id (self, STMT_DELETE, id, FALSE, _("delete the article"), error);
}

gboolean
byline_store_empty_trash (BylineStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  return run_on_id (self, STMT_EMPTY_TRASH, 0, FALSE, _("empty the Trash"), error);
}

sqlite3 *
_byline_store_lock (BylineStore *self)
{
  g_mutex_lock (&self->mutex);
  return self->db;
}

void
_byline_store_unlock (BylineStore *self)
{
  g_mutex_unlock (&self->mutex);
}

void
_byline_store_set_error (BylineStore  *self,
                         GError      **error,
                         int           rc,
                         const char   *doing)
{
  set_sqlite_error (self, error, rc, doing);
}

gboolean
_byline_store_exec (BylineStore  *self,
                    const char   *sql,
                    const char   *doing,
                    GError      **error)
{
  return exec (self, sql, doing, error);
}

void
_byline_store_rollback (BylineStore *self)
{
  rollback (self);
}

void
_byline_store_emit_changed (BylineStore *self,
                            gint64       id)
{
  emit_changed (self, id);
}

BylineArticle *
_byline_store_article_from_row (sqlite3_stmt *stmt)
{
  return article_from_row (stmt);
}
