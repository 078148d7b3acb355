/* byline-export-writer.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The folder an export writes into, and the rules for writing there:
 *
 * - each file goes to a temporary file in its own folder, is synced, then
 *   renamed over the old one, so a page is either the old one, the new one
 *   or absent, never half written, even when the program is killed or the
 *   disk fills;
 * - names are single, plain file names, written below the folder only: no
 *   "..", no "/", and no symbolic link is followed, neither as a file nor as
 *   the "images" folder;
 * - with a manifest (".byline-export.json" in the folder), Byline knows the
 *   files it wrote: it replaces or removes only those, and only while they
 *   still hold what it wrote. Anything else in the way is an error.
 *
 * One export at a time may write a folder: the folder is locked while open. */

typedef struct _BylineExportFolder BylineExportFolder;

typedef enum
{
  BYLINE_EXPORT_FOLDER_NONE     = 0,
  /* Create the folder and its parents when missing. */
  BYLINE_EXPORT_FOLDER_CREATE   = 1 << 0,
  /* Keep the manifest of the files written, and refuse to replace a file
   * that Byline did not write. */
  BYLINE_EXPORT_FOLDER_MANIFEST = 1 << 1,
} BylineExportFolderFlags;

#define BYLINE_EXPORT_MANIFEST_NAME ".byline-export.json"
/* What temporary files are called before they get their real name; left
 * by a killed export, they are removed by the next one. */
#define BYLINE_EXPORT_TEMP_PREFIX   ".byline-tmp-"

typedef enum
{
  /* A name Byline did not write (or a file changed since) may be replaced:
   * the page a person chose in a file dialog. */
  BYLINE_EXPORT_WRITE_REPLACE_ANY = 1 << 0,
} BylineExportWriteFlags;

BylineExportFolder *byline_export_folder_open       (GFile                   *dir,
                                                     BylineExportFolderFlags  flags,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
void                byline_export_folder_free       (BylineExportFolder      *self);
/* Whether the manifest names files from an earlier export. */
gboolean            byline_export_folder_has_record (BylineExportFolder      *self);
GFile              *byline_export_folder_get_dir    (BylineExportFolder      *self);

/* Whether @name ("page.html" or "images/photo.jpg") is one Byline may write:
 * a plain name in the folder or its "images" folder. */
gboolean            byline_export_name_is_safe      (const char              *name);

/* Whether writing @contents as @name would replace nothing but Byline's own
 * file: the name is free, or holds what Byline wrote there, or holds
 * @contents already. */
gboolean            byline_export_folder_can_write  (BylineExportFolder      *self,
                                                     const char              *name,
                                                     GBytes                  *contents);
/* Records that @name will be written with @contents, before any file is
 * written: byline_export_folder_begin() puts it in the manifest, so a
 * killed export leaves nothing Byline would not know as its own. */
void                byline_export_folder_plan       (BylineExportFolder      *self,
                                                     const char              *name,
                                                     GBytes                  *contents);
gboolean            byline_export_folder_begin      (BylineExportFolder      *self,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
/* Writes @contents as @name, atomically (see above). */
gboolean            byline_export_folder_write      (BylineExportFolder      *self,
                                                     const char              *name,
                                                     GBytes                  *contents,
                                                     BylineExportWriteFlags   flags,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
/* Removes the files Byline wrote in an earlier export and not in this one
 * (a page whose article was spiked, unpublished or renamed), unless they
 * were changed since, then writes the manifest. @notes (element-type utf8)
 * gets a line for each file kept because it was changed. */
gboolean            byline_export_folder_finish     (BylineExportFolder      *self,
                                                     GPtrArray               *notes,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);

/* For tests: every write() after @n_bytes more bytes fails with ENOSPC, as
 * on a full disk; -1 turns it off. */
void                _byline_export_writer_fail_after (gssize                  n_bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineExportFolder, byline_export_folder_free)

G_END_DECLS
