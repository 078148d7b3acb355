/* byline-export-writer.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-export-writer"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "byline-export-writer.h"
#include "byline-exporter.h"

/* Written with POSIX calls on folder descriptors rather than GIO:
 * g_file_replace() renames its temporary file over the old one even when a
 * write failed (a full disk leaves a truncated page under the real name),
 * and GIO has no way to open a file below a folder without following a
 * symbolic link on the way. */

#define IMAGES_FOLDER "images"
/* A page or a picture larger than this is no file Byline wrote. */
#define MAX_HASHED_SIZE (512 * 1024 * 1024)

struct _BylineExportFolder
{
  GFile                   *dir;
  char                    *path;
  BylineExportFolderFlags  flags;
  int                      dir_fd;
  int                      images_fd;
  /* name → GPtrArray of "sha256" strings the manifest on disk accepts */
  GHashTable              *recorded;
  /* name → sha256 planned or written in this export */
  GHashTable              *planned;
  GHashTable              *written;
};

static gssize fail_after = -1;

void
_byline_export_writer_fail_after (gssize n_bytes)
{
  fail_after = n_bytes;
}

/* --- messages ------------------------------------------------------------ */

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *other = NULL;
  const char *why;

  switch (saved_errno)
    {
    case ENOENT:
      why = _("the folder does not exist. Choose another folder.");
      break;
    case EACCES:
    case EPERM:
      why = _("you are not allowed to write in that folder. Choose another folder.");
      break;
    case EROFS:
      why = _("the disk is read-only. Choose another folder.");
      break;
    case ENOSPC:
    case EDQUOT:
      why = _("the disk is full. Free some space and export again.");
      break;
    case EISDIR:
      why = _("a folder has that name. Choose another name.");
      break;
    case ENOTDIR:
      why = _("part of the path is a file, not a folder. Choose another folder.");
      break;
    case ENAMETOOLONG:
      why = _("the name is too long. Choose a shorter name.");
      break;
    case ELOOP:
      why = _("it is a symbolic link, which Byline never writes through. "
              "Remove the link or choose another folder.");
      break;
    default:
      /* Translators: %s is the system’s error message */
      why = other = g_strdup_printf (_("%s. Choose another folder."), g_strerror (saved_errno));
      break;
    }

  g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
               /* Translators: a file name, then why, such as “the disk is full. Free some space.” */
               _("Could not write “%s”: %s"), path, why);
}

static char *
dup_path (BylineExportFolder *self,
          const char         *name)
{
  return g_build_filename (self->path, name, NULL);
}

/* --- names --------------------------------------------------------------- */

static gboolean
base_name_is_safe (const char *base,
                   gsize       len)
{
  if (len == 0 || len > 255 || !g_utf8_validate_len (base, len, NULL))
    return FALSE;
  if (base[0] == '.')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = base[i];

      if (c < 0x20 || c == 0x7f || c == '/' || c == '\\')
        return FALSE;
    }

  return TRUE;
}

/**
 * byline_export_name_is_safe:
 * @name: a name below the export folder
 *
 * Returns: whether @name is "NAME" or "images/NAME" with NAME a plain file
 *   name that does not start with a dot
 */
gboolean
byline_export_name_is_safe (const char *name)
{
  const char *slash;

  if (name == NULL)
    return FALSE;

  slash = strchr (name, '/');
  if (slash == NULL)
    return base_name_is_safe (name, strlen (name));

  return slash - name == strlen (IMAGES_FOLDER) &&
         strncmp (name, IMAGES_FOLDER, slash - name) == 0 &&
         base_name_is_safe (slash + 1, strlen (slash + 1));
}

/* A name the person chose may start with a dot, but is never one of ours. */
static gboolean
chosen_name_is_safe (const char *name)
{
  return name != NULL && *name != '\0' && strchr (name, '/') == NULL &&
         strcmp (name, ".") != 0 && strcmp (name, "..") != 0 &&
         strcmp (name, BYLINE_EXPORT_MANIFEST_NAME) != 0 &&
         !g_str_has_prefix (name, BYLINE_EXPORT_TEMP_PREFIX) &&
         g_utf8_validate (name, -1, NULL);
}

static void
set_unsafe_name_error (GError     **error,
                       const char  *path,
                       const char  *name)
{
  g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_UNSAFE_NAME,
               _("Could not write “%s” in “%s”: it is not a plain file name, and Byline "
                 "writes nothing outside the export folder. Rename the article or its "
                 "picture, then export again."),
               name, path);
}

/* --- folders ------------------------------------------------------------- */

/* Removes temporary files an export killed before renaming them left. */
static void
remove_stale_temp_files (int dir_fd)
{
  int fd = dup (dir_fd);
  DIR *dir;
  struct dirent *entry;

  if (fd < 0)
    return;

  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }

  rewinddir (dir);
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;

      if (!g_str_has_prefix (entry->d_name, BYLINE_EXPORT_TEMP_PREFIX))
        continue;
      if (fstatat (dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG (st.st_mode))
        unlinkat (dir_fd, entry->d_name, 0);
    }

  closedir (dir);
}

/* The "images" folder, created when @create; a symbolic link or a file
 * there is an error. Returns -1 when it is missing and not @create. */
static int
open_images_folder (BylineExportFolder  *self,
                    gboolean             create,
                    GError             **error)
{
  int fd;

  if (self->images_fd >= 0)
    return self->images_fd;

  if (create && mkdirat (self->dir_fd, IMAGES_FOLDER, 0777) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *path = dup_path (self, IMAGES_FOLDER);

      set_errno_error (error, path, saved_errno);
      return -1;
    }

  fd = openat (self->dir_fd, IMAGES_FOLDER, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *path = dup_path (self, IMAGES_FOLDER);
      struct stat st;

      if (saved_errno == ENOENT && !create)
        return -1;

      /* O_NOFOLLOW on a link to a folder gives ENOTDIR on Linux: say it is a link. */
      if (fstatat (self->dir_fd, IMAGES_FOLDER, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK (st.st_mode))
        saved_errno = ELOOP;
      set_errno_error (error, path, saved_errno);
      return -1;
    }

  self->images_fd = fd;
  remove_stale_temp_files (fd);

  return fd;
}

/* The folder holding @name and @name's last part. */
static int
resolve (BylineExportFolder  *self,
         const char          *name,
         gboolean             create,
         const char         **base,
         GError             **error)
{
  const char *slash = strchr (name, '/');

  if (slash == NULL)
    {
      *base = name;
      return self->dir_fd;
    }

  *base = slash + 1;
  return open_images_folder (self, create, error);
}

static char *
dup_checksum (GBytes *contents)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
}

/* The checksum of the regular file @base in @dir_fd, NULL when there is
 * none; *@is_other is set when something else (a link, a folder) is there. */
static char *
dup_file_checksum (int          dir_fd,
                   const char  *base,
                   gboolean    *is_other)
{
  g_autoptr(GChecksum) checksum = NULL;
  struct stat st;
  guchar buffer[64 * 1024];
  gssize n;
  int fd;

  *is_other = FALSE;

  if (dir_fd < 0 || fstatat (dir_fd, base, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return NULL;

  if (!S_ISREG (st.st_mode) || st.st_size > MAX_HASHED_SIZE)
    {
      *is_other = TRUE;
      return NULL;
    }

  fd = openat (dir_fd, base, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    {
      *is_other = TRUE;
      return NULL;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          close (fd);
          *is_other = TRUE;
          return NULL;
        }
      g_checksum_update (checksum, buffer, n);
    }
  close (fd);

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           GCancellable  *cancellable,
           int           *saved_errno)
{
  while (len > 0)
    {
      gsize chunk = MIN (len, 256 * 1024);
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        {
          *saved_errno = ECANCELED;
          return FALSE;
        }

      if (fail_after >= 0 && (gsize) fail_after < chunk)
        chunk = fail_after;
      if (fail_after == 0)
        {
          *saved_errno = ENOSPC;
          return FALSE;
        }

      n = write (fd, data, chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          return FALSE;
        }

      if (fail_after >= 0)
        fail_after -= n;
      data += n;
      len -= n;
    }

  return TRUE;
}

/* @contents into a new temporary file in @dir_fd, synced, then renamed to
 * @base. On any failure the temporary file goes and @base is untouched. */
static gboolean
write_atomically (int            dir_fd,
                  const char    *base,
                  const char    *path,
                  GBytes        *contents,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *temp = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (contents, &len);
  int saved_errno = 0;
  int fd = -1;

  for (guint attempt = 0; attempt < 100 && fd < 0; attempt++)
    {
      static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      char suffix[13];

      for (guint i = 0; i < sizeof suffix - 1; i++)
        suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      suffix[sizeof suffix - 1] = '\0';

      g_free (temp);
      temp = g_strconcat (BYLINE_EXPORT_TEMP_PREFIX, suffix, NULL);
      fd = openat (dir_fd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (fd < 0 && errno != EEXIST)
        break;
    }

  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }

  if (!write_all (fd, data, len, cancellable, &saved_errno) ||
      (fsync (fd) != 0 && (saved_errno = errno) != 0))
    {
      close (fd);
      unlinkat (dir_fd, temp, 0);
      if (saved_errno == ECANCELED)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
      else
        set_errno_error (error, path, saved_errno);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      unlinkat (dir_fd, temp, 0);
      set_errno_error (error, path, saved_errno);
      return FALSE;
    }

  /* rename() replaces a symbolic link at @base, never what it points to. */
  if (renameat (dir_fd, temp, dir_fd, base) != 0)
    {
      saved_errno = errno;
      unlinkat (dir_fd, temp, 0);
      set_errno_error (error, path, saved_errno);
      return FALSE;
    }

  /* The new name survives a power cut too. */
  fsync (dir_fd);

  return TRUE;
}

/* --- the manifest -------------------------------------------------------- */

static void
add_hash (GHashTable *table,
          const char *name,
          const char *hash)
{
  GPtrArray *hashes = g_hash_table_lookup (table, name);

  if (hashes == NULL)
    {
      hashes = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (table, g_strdup (name), hashes);
    }

  for (guint i = 0; i < hashes->len; i++)
    if (g_str_equal (g_ptr_array_index (hashes, i), hash))
      return;

  g_ptr_array_add (hashes, g_strdup (hash));
}

static gboolean
has_hash (GHashTable *table,
          const char *name,
          const char *hash)
{
  GPtrArray *hashes = g_hash_table_lookup (table, name);

  for (guint i = 0; hashes != NULL && i < hashes->len; i++)
    if (g_str_equal (g_ptr_array_index (hashes, i), hash))
      return TRUE;

  return FALSE;
}

/* A damaged or foreign manifest is read as empty: then nothing already in
 * the folder counts as Byline's, which is the safe side. */
static void
read_manifest (BylineExportFolder *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[16 * 1024];
  JsonObject *root;
  JsonObject *files;
  JsonNode *node;
  GList *members;
  gssize n;
  int fd;

  fd = openat (self->dir_fd, BYLINE_EXPORT_MANIFEST_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 || bytes->len + n > 64 * 1024 * 1024)
        {
          close (fd);
          return;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  close (fd);

  if (!json_parser_load_from_data (parser, (const char *) bytes->data, bytes->len, NULL))
    return;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  root = json_node_get_object (node);
  node = json_object_get_member (root, "files");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  files = json_node_get_object (node);

  members = json_object_get_members (files);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (files, name);
      JsonArray *hashes;

      if (!byline_export_name_is_safe (name) || !JSON_NODE_HOLDS_ARRAY (value))
        continue;

      hashes = json_node_get_array (value);
      for (guint i = 0; i < json_array_get_length (hashes); i++)
        {
          JsonNode *hash = json_array_get_element (hashes, i);

          if (JSON_NODE_HOLDS_VALUE (hash) && json_node_get_value_type (hash) == G_TYPE_STRING)
            add_hash (self->recorded, name, json_node_get_string (hash));
        }
    }
  g_list_free (members);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_manifest (BylineExportFolder  *self,
                GHashTable          *files,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = dup_path (self, BYLINE_EXPORT_MANIFEST_NAME);
  GHashTableIter iter;
  gpointer key;
  char *json;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "Byline");
  json_builder_set_member_name (builder, "comment");
  json_builder_add_string_value (builder, "The files Byline wrote here, with their SHA-256 sums. "
                                          "Byline replaces or removes only these.");
  json_builder_set_member_name (builder, "files");
  json_builder_begin_object (builder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GPtrArray *hashes = g_hash_table_lookup (files, name);

      json_builder_set_member_name (builder, name);
      json_builder_begin_array (builder);
      for (guint j = 0; j < hashes->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (hashes, j));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (json, strlen (json));

  return write_atomically (self->dir_fd, BYLINE_EXPORT_MANIFEST_NAME, path, bytes,
                           cancellable, error);
}

/* --- the folder ---------------------------------------------------------- */

/**
 * byline_export_folder_open:
 * @dir: the export folder
 * @flags: what to do
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens @dir for writing and locks it. Temporary files of an export that
 * was killed are removed.
 *
 * Returns: (transfer full) (nullable): the folder
 */
BylineExportFolder *
byline_export_folder_open (GFile                    *dir,
                           BylineExportFolderFlags   flags,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(BylineExportFolder) self = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  self = g_new0 (BylineExportFolder, 1);
  self->dir = g_object_ref (dir);
  self->path = g_file_get_path (dir);
  self->flags = flags;
  self->dir_fd = -1;
  self->images_fd = -1;
  self->recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);

  if (self->path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: it is not a folder on this computer. "
                     "Choose another folder."), name);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if ((flags & BYLINE_EXPORT_FOLDER_CREATE) && g_mkdir_with_parents (self->path, 0777) != 0)
    {
      int saved_errno = errno;

      /* "A file has that name" reads better than ENOTDIR or EEXIST. */
      if ((saved_errno == EEXIST || saved_errno == ENOTDIR) &&
          g_stat (self->path, &st) == 0 && !S_ISDIR (st.st_mode))
        g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: a file has that name. Choose another folder."),
                     self->path);
      else
        set_errno_error (error, self->path, saved_errno);
      return NULL;
    }

  /* The folder the person chose may itself be reached through a link. */
  self->dir_fd = open (self->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (self->dir_fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOTDIR && g_stat (self->path, &st) == 0 && !S_ISDIR (st.st_mode))
        g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: a file has that name. Choose another folder."),
                     self->path);
      else
        set_errno_error (error, self->path, saved_errno);
      return NULL;
    }

  if (flock (self->dir_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: another export is writing there. "
                     "Wait for it to finish, then export again."),
                   self->path);
      return NULL;
    }

  remove_stale_temp_files (self->dir_fd);
  open_images_folder (self, FALSE, NULL);

  if (flags & BYLINE_EXPORT_FOLDER_MANIFEST)
    read_manifest (self);

  return g_steal_pointer (&self);
}

void
byline_export_folder_free (BylineExportFolder *self)
{
  if (self == NULL)
    return;

  if (self->images_fd >= 0)
    close (self->images_fd);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_clear_object (&self->dir);
  g_free (self->path);
  g_hash_table_unref (self->recorded);
  g_hash_table_unref (self->planned);
  g_hash_table_unref (self->written);
  g_free (self);
}

gboolean
byline_export_folder_has_record (BylineExportFolder *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_size (self->recorded) > 0;
}

/**
 * byline_export_folder_get_dir:
 * @self: the export folder
 *
 * Returns: (transfer none): the folder
 */
GFile *
byline_export_folder_get_dir (BylineExportFolder *self)
{
  return self->dir;
}

gboolean
byline_export_folder_can_write (BylineExportFolder *self,
                                const char         *name,
                                GBytes             *contents)
{
  g_autofree char *current = NULL;
  g_autofree char *wanted = NULL;
  const char *base;
  const char *planned;
  gboolean is_other;
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!byline_export_name_is_safe (name))
    return FALSE;

  /* A missing images folder holds nothing in the way. */
  dir_fd = resolve (self, name, FALSE, &base, NULL);
  if (dir_fd < 0)
    return TRUE;

  current = dup_file_checksum (dir_fd, base, &is_other);
  if (is_other)
    return FALSE;
  if (current == NULL)
    return TRUE;

  planned = g_hash_table_lookup (self->planned, name);
  if (has_hash (self->recorded, name, current) || has_hash (self->written, name, current) ||
      g_strcmp0 (planned, current) == 0)
    return TRUE;

  wanted = dup_checksum (contents);
  return g_str_equal (wanted, current);
}

void
byline_export_folder_plan (BylineExportFolder *self,
                           const char         *name,
                           GBytes             *contents)
{
  g_return_if_fail (self != NULL);

  g_hash_table_insert (self->planned, g_strdup (name), dup_checksum (contents));
}

/**
 * byline_export_folder_begin:
 * @self: the export folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the manifest with both what Byline wrote before and what it plans
 * to write now, so that whatever moment the export stops at, every file of
 * the folder is one the manifest knows.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_export_folder_begin (BylineExportFolder  *self,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GHashTable) files = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(self->flags & BYLINE_EXPORT_FOLDER_MANIFEST))
    return TRUE;

  files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->recorded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *hashes = value;

      for (guint i = 0; i < hashes->len; i++)
        add_hash (files, key, g_ptr_array_index (hashes, i));
    }
  g_hash_table_iter_init (&iter, self->planned);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_hash (files, key, value);

  return write_manifest (self, files, cancellable, error);
}

/**
 * byline_export_folder_write:
 * @self: the export folder
 * @name: "page.html" or "images/photo.jpg"
 * @contents: what to write
 * @flags: whether a file Byline did not write may be replaced
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @name holds @contents
 */
gboolean
byline_export_folder_write (BylineExportFolder      *self,
                            const char              *name,
                            GBytes                  *contents,
                            BylineExportWriteFlags   flags,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_autofree char *path = NULL;
  const char *base;
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if ((flags & BYLINE_EXPORT_WRITE_REPLACE_ANY) ? !chosen_name_is_safe (name)
                                                : !byline_export_name_is_safe (name))
    {
      set_unsafe_name_error (error, self->path, name);
      return FALSE;
    }

  path = dup_path (self, name);
  dir_fd = resolve (self, name, TRUE, &base, error);
  if (dir_fd < 0)
    return FALSE;

  if (!(flags & BYLINE_EXPORT_WRITE_REPLACE_ANY) &&
      !byline_export_folder_can_write (self, name, contents))
    {
      g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_CLASH,
                   _("Could not write “%s”: something of that name is already there that "
                     "Byline did not write, or that was changed since. Move it out of the "
                     "folder, or choose another folder."),
                   path);
      return FALSE;
    }

  if (!write_atomically (dir_fd, base, path, contents, cancellable, error))
    return FALSE;

  {
    g_autofree char *hash = dup_checksum (contents);

    g_hash_table_remove (self->written, name);
    add_hash (self->written, name, hash);
  }

  return TRUE;
}

/**
 * byline_export_folder_finish:
 * @self: the export folder
 * @notes: (nullable) (element-type utf8): gets what was kept and why
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
byline_export_folder_finish (BylineExportFolder  *self,
                             GPtrArray           *notes,
                             GCancellable        *cancellable,
                             GError             **error)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(self->flags & BYLINE_EXPORT_FOLDER_MANIFEST))
    return TRUE;

  g_hash_table_iter_init (&iter, self->recorded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name = key;
      g_autofree char *current = NULL;
      const char *base;
      gboolean is_other;
      int dir_fd;

      if (g_hash_table_contains (self->written, name))
        continue;

      dir_fd = resolve (self, name, FALSE, &base, NULL);
      current = dup_file_checksum (dir_fd, base, &is_other);
      if (current == NULL && !is_other)
        continue;

      if (current != NULL && has_hash (self->recorded, name, current))
        {
          if (unlinkat (dir_fd, base, 0) != 0 && errno != ENOENT)
            {
              g_autofree char *path = dup_path (self, name);

              set_errno_error (error, path, errno);
              return FALSE;
            }
        }
      else if (notes != NULL)
        {
          g_autofree char *path = dup_path (self, name);

          g_ptr_array_add (notes,
                           g_strdup_printf (_("Kept “%s”: it was changed after Byline wrote it. "
                                              "Remove it yourself if it should go."), path));
        }
    }

  if (self->images_fd >= 0)
    fsync (self->images_fd);
  fsync (self->dir_fd);

  return write_manifest (self, self->written, cancellable, error);
}
