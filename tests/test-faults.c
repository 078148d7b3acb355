/* test-faults.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A disk that fails: a SQLite VFS, installed as the default over the unix
 * one, that makes the Nth write, sync or truncate of any file (the
 * database, its WAL, its journal) fail with an I/O error or "disk full",
 * either that call alone or every call from it on. Each test sweeps N from
 * the first such call until the work no longer reaches the Nth, as
 * SQLite's own I/O error tests do, and after each run checks what a person
 * would see: an error saying what happened, the text still in hand, a
 * retry that works once the disk is back, and a file that passes
 * PRAGMA integrity_check. */

#define G_LOG_DOMAIN "test-faults"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "byline-importer.h"
#include "byline-store.h"
#include "byline-test-util.h"

/* --- the failing VFS ------------------------------------------------------ */

typedef enum
{
  FAULT_ONCE,       /* the Nth call fails, the next ones work */
  FAULT_PERSIST,    /* the Nth call and every one after fail */
} FaultMode;

typedef struct
{
  gboolean  armed;
  guint     countdown;  /* calls left before the first to fail */
  FaultMode mode;
  int       code;       /* SQLITE_IOERR or SQLITE_FULL */
  guint     calls;      /* writes, syncs and truncates since arming */
  guint     failed;     /* of them, how many failed */
} FaultState;

static FaultState fault;
static sqlite3_vfs *unix_vfs;
static sqlite3_vfs fault_vfs;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* the unix VFS's file, right after this struct */
} FaultFile;

static int
fault_check (int io_code)
{
  if (!fault.armed)
    return SQLITE_OK;

  fault.calls++;
  if (fault.countdown > 1)
    {
      fault.countdown--;
      return SQLITE_OK;
    }

  if (fault.countdown == 1 || fault.mode == FAULT_PERSIST)
    {
      fault.countdown = 0;
      fault.failed++;
      return fault.code == SQLITE_FULL ? SQLITE_FULL : io_code;
    }

  return SQLITE_OK;
}

static void
fault_arm (guint     n,
           FaultMode mode,
           int       code)
{
  fault.armed = TRUE;
  fault.countdown = n;
  fault.mode = mode;
  fault.code = code;
  fault.calls = 0;
  fault.failed = 0;
}

/* The disk is back. Returns: whether the run reached the Nth call. */
static gboolean
fault_clear (void)
{
  fault.armed = FALSE;
  return fault.failed > 0;
}

#define REAL(file) (((FaultFile *)(file))->real)

static int
f_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  file->pMethods = NULL;
  return rc;
}

static int
f_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
f_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  int rc = fault_check (SQLITE_IOERR_WRITE);

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
f_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  int rc = fault_check (SQLITE_IOERR_TRUNCATE);

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
f_sync (sqlite3_file *file, int flags)
{
  int rc = fault_check (SQLITE_IOERR_FSYNC);

  return rc != SQLITE_OK ? rc : REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
f_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
f_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
f_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
f_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
f_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
f_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
f_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
f_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
f_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
f_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
f_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* Version 2: the shared memory a WAL needs, without memory-mapped reads
 * (which would bypass f_read; Byline does not turn them on). */
static const sqlite3_io_methods fault_io_methods = {
  2,
  f_close, f_read, f_write, f_truncate, f_sync, f_file_size,
  f_lock, f_unlock, f_check_reserved_lock, f_file_control,
  f_sector_size, f_device_characteristics,
  f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap,
  NULL, NULL,
};

static int
f_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *self = (FaultFile *)file;
  int rc;

  self->real = (sqlite3_file *)(self + 1);
  rc = unix_vfs->xOpen (unix_vfs, name, self->real, flags, out_flags);
  file->pMethods = self->real->pMethods != NULL ? &fault_io_methods : NULL;
  return rc;
}

static int
f_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return unix_vfs->xDelete (unix_vfs, name, sync_dir);
}

static int
f_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return unix_vfs->xAccess (unix_vfs, name, flags, out);
}

static int
f_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return unix_vfs->xFullPathname (unix_vfs, name, n_out, out);
}

static int
f_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return unix_vfs->xRandomness (unix_vfs, n, out);
}

static int
f_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return unix_vfs->xSleep (unix_vfs, microseconds);
}

static int
f_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return unix_vfs->xCurrentTimeInt64 (unix_vfs, out);
}

static int
f_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return unix_vfs->xGetLastError (unix_vfs, n, out);
}

static void
install_fault_vfs (void)
{
  unix_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (unix_vfs);

  fault_vfs.iVersion = 2;
  fault_vfs.szOsFile = sizeof (FaultFile) + unix_vfs->szOsFile;
  fault_vfs.mxPathname = unix_vfs->mxPathname;
  fault_vfs.zName = "byline-fault";
  fault_vfs.xOpen = f_open;
  fault_vfs.xDelete = f_delete;
  fault_vfs.xAccess = f_access;
  fault_vfs.xFullPathname = f_full_pathname;
  fault_vfs.xRandomness = f_randomness;
  fault_vfs.xSleep = f_sleep;
  fault_vfs.xCurrentTimeInt64 = f_current_time_int64;
  fault_vfs.xGetLastError = f_get_last_error;

  /* The default: every connection the store opens goes through it, as
   * the program opens them, with no hook in the store. */
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/* --- what each run must leave ------------------------------------------- */

typedef struct
{
  FaultMode   mode;
  int         code;
  const char *name;
} FaultKind;

static const FaultKind kinds[] = {
  { FAULT_ONCE, SQLITE_IOERR, "io-error/once" },
  { FAULT_PERSIST, SQLITE_IOERR, "io-error/every" },
  { FAULT_ONCE, SQLITE_FULL, "disk-full/once" },
  { FAULT_PERSIST, SQLITE_FULL, "disk-full/every" },
};

/* No sweep may run for ever: the work in each test takes far fewer calls. */
#define MAX_N 2000

static void
assert_intact (const char *path)
{
  g_autofree char *check = byline_test_sql_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

/* The error a person reads: the store's, with a sentence. */
static void
assert_reported (const GError    *error,
                 const FaultKind *kind)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == BYLINE_STORE_ERROR);
  g_assert_null (strstr (error->message, "(null)"));
  if (kind->code == SQLITE_FULL)
    g_assert_nonnull (strstr (error->message, "is full. Free some space"));
  else
    g_assert_nonnull (strstr (error->message, "disk I/O error"));
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = byline_test_make_tmp_dir ("byline-faults-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "newsroom.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fault_clear ();
  byline_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* After a sweep that failed call 1, then 2, ... of one piece of work
 * until call @n was not reached: it went past more than @min_calls calls
 * (so the faults did land in the work), and most faults stopped the work
 * (a fault in a checkpoint after the commit does not: the commit is
 * already on disk). */
static void
assert_sweep (guint       n,
              guint       n_refused,
              guint       min_calls,
              const char *work)
{
  g_assert_cmpuint (n, <, MAX_N);
  g_assert_cmpuint (n, >, min_calls);
  g_assert_cmpuint (n_refused, >, (n - 1) / 2);
  g_test_message ("%u writes, syncs and truncates %s, %u of them refused the work when they failed",
                  n - 1, work, n_refused);
}

static BylineArticle *
load (const char *path,
      gint64      id)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  store = byline_store_new (path, &error);
  g_assert_no_error (error);
  article = byline_store_load_article (store, id, &error);
  g_assert_no_error (error);
  return article;
}

/* Saving an edit: the store stays open, as the window's does. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  const FaultKind *kind = data;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;
  guint n_refused = 0;
  guint n;

  BYLINE_TEST_SKIP_ON_SERVER ("a SQLite VFS");

  store = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);
  byline_article_set_headline (article, "Ferry timetable changes");
  byline_article_set_body (article, "The ferry will run every hour.");
  byline_article_set_tags_string (article, "ferries, transport");
  g_assert_true (byline_store_save_article (store, article, &error));
  g_assert_no_error (error);

  for (n = 1; n < MAX_N; n++)
    {
      g_autoptr(BylineArticle) stored = NULL;
      g_autofree char *body = g_strdup_printf ("The ferry will run every hour. Edit %u.\n\n%s", n,
                                               "A second paragraph, so the save writes more than a page.");
      gboolean saved;
      gboolean reached;

      byline_article_set_body (article, body);

      fault_arm (n, kind->mode, kind->code);
      saved = byline_store_save_article (store, article, &error);
      reached = fault_clear ();

      if (!saved)
        {
          n_refused++;
          g_assert_true (reached);
          assert_reported (error, kind);
          g_clear_error (&error);
          /* The words are still in hand, to save again. */
          g_assert_cmpstr (byline_article_get_body (article), ==, body);

          g_assert_true (byline_store_save_article (store, article, &error));
          g_assert_no_error (error);
        }
      else
        g_assert_no_error (error);

      assert_intact (fixture->path);
      stored = load (fixture->path, byline_article_get_id (article));
      g_assert_cmpstr (byline_article_get_body (stored), ==, body);

      if (!reached)
        break;
    }

  assert_sweep (n, n_refused, 3, "in one save");
}

/* Making a newsroom: every migration step from an empty file, in the
 * journal mode a new file starts in, then the switch to WAL. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  const FaultKind *kind = data;
  guint n_refused = 0;
  guint n;

  BYLINE_TEST_SKIP_ON_SERVER ("a SQLite VFS");

  for (n = 1; n < MAX_N; n++)
    {
      g_autoptr(BylineStore) store = NULL;
      g_autoptr(BylineArticle) article = byline_article_new ();
      g_autoptr(BylineArticle) stored = NULL;
      g_autoptr(GError) error = NULL;
      gboolean reached;

      byline_test_remove_tree (fixture->dir);
      g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);

      fault_arm (n, kind->mode, kind->code);
      store = byline_store_new (fixture->path, &error);
      reached = fault_clear ();

      if (store == NULL)
        {
          n_refused++;
          g_assert_true (reached);
          assert_reported (error, kind);
          g_clear_error (&error);

          /* Opening again finishes the newsroom. */
          store = byline_store_new (fixture->path, &error);
          g_assert_no_error (error);
        }

      assert_intact (fixture->path);
      g_assert_cmpint (byline_test_sql_int (fixture->path, "PRAGMA user_version"), ==,
                       BYLINE_STORE_SCHEMA_VERSION);

      /* And it works: an article goes in and comes back. */
      byline_article_set_headline (article, "Harbour dredging");
      byline_article_set_body (article, "Dredging starts in April.");
      g_assert_true (byline_store_save_article (store, article, &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      stored = load (fixture->path, byline_article_get_id (article));
      g_assert_cmpstr (byline_article_get_body (stored), ==, "Dredging starts in April.");

      if (!reached)
        break;
    }

  assert_sweep (n, n_refused, 10, "to make a newsroom");
}

/* Importing a file, as --import and the window's Import do: read it into
 * an article, save that. A failed import leaves nothing; importing again
 * brings the article in once. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  const FaultKind *kind = data;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "samples", "cli", "council-budget.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  guint n_refused = 0;
  guint n;

  BYLINE_TEST_SKIP_ON_SERVER ("a SQLite VFS");

  store = byline_store_new (fixture->path, &error);
  g_assert_no_error (error);

  for (n = 1; n < MAX_N; n++)
    {
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(BylineArticle) stored = NULL;
      g_autofree char *body = NULL;
      gboolean saved;
      gboolean reached;
      gint64 before = byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles");

      article = byline_import_file (file, tz, NULL, &error);
      g_assert_no_error (error);
      body = g_strdup (byline_article_get_body (article));

      fault_arm (n, kind->mode, kind->code);
      saved = byline_store_save_article (store, article, &error);
      reached = fault_clear ();

      if (!saved)
        {
          n_refused++;
          g_assert_true (reached);
          assert_reported (error, kind);
          g_clear_error (&error);
          g_assert_cmpstr (byline_article_get_body (article), ==, body);
          g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, before);

          g_assert_true (byline_store_save_article (store, article, &error));
          g_assert_no_error (error);
        }

      assert_intact (fixture->path);
      g_assert_cmpint (byline_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, before + 1);
      stored = load (fixture->path, byline_article_get_id (article));
      g_assert_cmpstr (byline_article_get_body (stored), ==, body);

      if (!reached)
        break;
    }

  assert_sweep (n, n_refused, 3, "in one import");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  install_fault_vfs ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *save = g_strdup_printf ("/byline/faults/save/%s", kinds[i].name);
      g_autofree char *migration = g_strdup_printf ("/byline/faults/migration/%s", kinds[i].name);
      g_autofree char *import = g_strdup_printf ("/byline/faults/import/%s", kinds[i].name);

      g_test_add (save, Fixture, &kinds[i], fixture_set_up, test_save, fixture_tear_down);
      g_test_add (migration, Fixture, &kinds[i], fixture_set_up, test_migration, fixture_tear_down);
      g_test_add (import, Fixture, &kinds[i], fixture_set_up, test_import, fixture_tear_down);
    }

  return g_test_run ();
}
