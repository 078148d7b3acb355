/* byline-exporter.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-exporter"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "byline-export-writer.h"
#include "byline-exporter.h"
#include "byline-ninjs.h"
#include "byline-pin.h"
#include "byline-media.h"
#include "byline-remote-images.h"
#include "byline-renderer.h"

#define IMAGES_FOLDER "images"

G_DEFINE_QUARK (byline-export-error-quark, byline_export_error)

/* Turns a GIO failure to write @file into a message that names the file and
 * says what to do. Cancellation is passed on unchanged, so callers can tell
 * it apart and stay quiet. */
static void
set_write_error (GError       **error,
                 GFile         *file,
                 const GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *other = NULL;
  const char *why;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (cause));
      return;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    why = _("the folder does not exist. Choose another folder.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    why = _("you are not allowed to write in that folder. Choose another folder.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    why = _("the disk is read-only. Choose another folder.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    why = _("the disk is full. Free some space and export again.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    why = _("a folder has that name. Choose another name.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    why = _("part of the path is a file, not a folder. Choose another folder.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG))
    why = _("the name is too long. Choose a shorter name.");
  else
    /* Translators: %s is the system’s error message */
    why = other = g_strdup_printf (_("%s. Choose another folder."), cause->message);

  g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
               /* Translators: a file name, then why, such as “the disk is full. Free some space.” */
               _("Could not write “%s”: %s"), name, why);
}

/* The folder of a page the person chose, open for writing. A missing
 * folder is reported for the page, the file the person chose, and nothing
 * (not even images/) is created for it. */
static BylineExportFolder *
open_page_folder (GFile         *output,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (output);
  GFileType type;

  if (folder == NULL)
    {
      g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");

      set_write_error (error, output, cause);
      return NULL;
    }

  type = g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable);
  if (type != G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GError) cause = NULL;
      g_autoptr(GFile) ancestor = g_file_get_parent (folder);

      /* A file on the way to the folder, or no folder at all. */
      while (ancestor != NULL &&
             g_file_query_file_type (ancestor, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
        {
          GFile *up = g_file_get_parent (ancestor);

          g_object_unref (ancestor);
          ancestor = up;
        }

      if (type != G_FILE_TYPE_UNKNOWN ||
          (ancestor != NULL &&
           g_file_query_file_type (ancestor, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY))
        cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "");
      else
        cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
      set_write_error (error, output, cause);
      return NULL;
    }

  return byline_export_folder_open (folder, BYLINE_EXPORT_FOLDER_NONE, cancellable, error);
}

/* @contents as the file the person chose, replacing what was there. */
static gboolean
write_chosen_file (GFile         *output,
                   const char    *contents,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(BylineExportFolder) folder = open_page_folder (output, cancellable, error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  if (folder == NULL)
    return FALSE;

  bytes = g_bytes_new (contents, strlen (contents));
  name = g_file_get_basename (output);

  return byline_export_folder_write (folder, name, bytes, BYLINE_EXPORT_WRITE_REPLACE_ANY,
                                     cancellable, error);
}

/* "images/<name>", escaped for an src attribute. */
static char *
dup_image_src (const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, TRUE);

  return g_strconcat (IMAGES_FOLDER "/", escaped, NULL);
}

static void
add_note (GPtrArray  *notes,
          char       *note)
{
  if (notes != NULL)
    g_ptr_array_add (notes, note);
  else
    g_free (note);
}

/* A page showing images from other sites tells those sites who reads it,
 * and when: the export keeps them, and says so. */
static void
add_remote_images_note (GPtrArray     *notes,
                        BylineArticle *article)
{
  g_autoptr(GPtrArray) urls = byline_remote_images_list (article);
  g_autofree char *joined = NULL;
  guint n_urls = urls->len;

  if (n_urls == 0)
    return;

  g_ptr_array_add (urls, NULL);
  joined = g_strjoinv (", ", (char **) urls->pdata);
  add_note (notes,
            /* Translators: the headline, then the images' addresses */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The page of “%s” shows an image from another site, which learns who opens the page: %s. Put a copy on your own site to keep that to yourself.",
                                          "The page of “%s” shows images from other sites, which learn who opens the page: %s. Put copies on your own site to keep that to yourself.",
                                          n_urls),
                             byline_article_get_display_headline (article), joined));
}

/* The lead picture's bytes, from the newsroom (never from a path on a
 * disk), and *@name, the name it gets in images/ before clashes are
 * settled. NULL, with a note, when the newsroom does not have it. */
static GBytes *
load_image (BylineStore    *store,
            BylineArticle  *article,
            char          **name,
            GPtrArray      *notes)
{
  const char *image = byline_article_get_image (article);
  const char *headline = byline_article_get_display_headline (article);
  g_autoptr(BylineMedia) media = NULL;
  g_autoptr(GError) error = NULL;

  if (image == NULL || image[0] == '\0' || byline_media_is_remote (image))
    return NULL;

  if (!byline_media_parse_reference (image, NULL, NULL))
    {
      add_note (notes,
                /* Translators: the headline, then the path the article names */
                g_strdup_printf (_("Left out the picture of “%s”: it names a file on a disk (“%s”), "
                                   "which Byline does not read. Choose the picture again in the "
                                   "window, so that the newsroom keeps it."),
                                 headline, image));
      return NULL;
    }

  if (store != NULL)
    media = byline_store_load_media (store, image, &error);
  else
    g_set_error_literal (&error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                         _("no newsroom to read it from."));

  /* Kept bytes are checked as they come in; a server's row written by
   * hand is checked again here. */
  if (media != NULL &&
      g_strcmp0 (byline_media_sniff (media->bytes, NULL, NULL), media->mime_type) != 0)
    {
      g_clear_pointer (&media, byline_media_free);
      g_set_error_literal (&error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT,
                           _("the newsroom’s copy is not the picture it says."));
    }

  if (media == NULL)
    {
      add_note (notes,
                /* Translators: the headline, then why */
                g_strdup_printf (_("Left out the picture of “%s”: %s"), headline, error->message));
      return NULL;
    }

  *name = byline_media_dup_export_name (image);
  return g_bytes_ref (media->bytes);
}

/* The lead img's src for an export: "images/<name>" once copied there, the
 * address of an image on the web, or "" (no img, the caption stays) when the
 * file is missing, so a page never points at a file that is not there. */
static char *
dup_export_image_src (BylineArticle *article,
                      const char    *image_name)
{
  const char *image = byline_article_get_image (article);

  if (image_name != NULL)
    return dup_image_src (image_name);

  if (byline_media_is_remote (image))
    return g_strdup (image);

  return g_strdup ("");
}

/* @name, or with the article id in front when another picture of that name
 * is already there (another article exported to the same folder, or a file
 * Byline did not write), so neither page loses its picture and no file is
 * overwritten. @taken (nullable) maps the names given in this export to
 * their pictures' references: a reference names its picture by checksum,
 * so the same reference is the same picture, and the bytes need no
 * hashing again. */
static char *
dup_free_image_name (BylineExportFolder *folder,
                     BylineArticle      *article,
                     const char         *name,
                     GBytes             *bytes,
                     GHashTable         *taken)
{
  const char *reference = byline_article_get_image (article);

  for (guint n = 0; ; n++)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *relative = NULL;
      const char *taken_by;

      if (n == 0)
        candidate = g_strdup (name);
      else if (n == 1)
        candidate = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", byline_article_get_id (article), name);
      else
        candidate = g_strdup_printf ("%" G_GINT64_FORMAT "-%u-%s", byline_article_get_id (article), n - 1, name);

      relative = g_strconcat (IMAGES_FOLDER "/", candidate, NULL);
      taken_by = taken != NULL ? g_hash_table_lookup (taken, candidate) : NULL;

      if (taken_by != NULL && !g_str_equal (taken_by, reference))
        continue;
      if (taken_by == NULL && !byline_export_folder_can_write (folder, relative, bytes))
        continue;

      if (taken != NULL && taken_by == NULL)
        g_hash_table_insert (taken, g_strdup (candidate), g_strdup (reference));

      return g_steal_pointer (&candidate);
    }
}

/* --- READ: links that go out ------------------------------------------------ */

/* A copy of @article keeping the pins whose page exists: resolved, not
 * spiked, and (when @published_ids is given) published. */
static BylineArticle *
dup_with_published_pins (BylineArticle *article,
                         GHashTable    *published_ids,
                         GPtrArray     *notes)
{
  GListModel *pins = byline_article_get_pins (article);
  guint n_pins = pins != NULL ? g_list_model_get_n_items (pins) : 0;
  BylineArticle *copy;

  copy = byline_article_copy (article);
  byline_article_clear_pins (copy);

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      gint64 related_id = byline_pin_get_related_id (pin);
      const char *why = NULL;

      if (!byline_pin_is_resolved (pin))
        why = _("no article in the archive has that headline");
      else if (byline_pin_get_related_spiked (pin) ||
               (published_ids != NULL && !g_hash_table_contains (published_ids, &related_id)))
        why = _("that article is not published");

      if (why == NULL)
        {
          byline_article_add_pin (copy, g_object_ref (pin));
          continue;
        }

      add_note (notes,
                /* Translators: the article's headline, the link's headline, then why,
                 * such as “that article is not published” */
                g_strdup_printf (_("“%s”: left out the READ: link to “%s”: %s."),
                                 byline_article_get_display_headline (article),
                                 byline_pin_get_headline (pin), why));
    }

  return copy;
}

/* The ids of the live, published articles. */
static GHashTable *
dup_published_ids (BylineStore  *store,
                   GPtrArray   **articles,
                   GError      **error)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) ids = NULL;

  query.status = BYLINE_STATUS_PUBLISHED;
  listed = byline_store_list_articles (store, &query, error);
  if (listed == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < listed->len; i++)
    {
      gint64 id = byline_article_summary_get_id (g_ptr_array_index (listed, i));

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  if (articles != NULL)
    *articles = g_steal_pointer (&listed);

  return g_steal_pointer (&ids);
}

/**
 * byline_export_dup_publishable:
 * @store: the newsroom, where the related articles' states are read
 * @article: the article to export
 * @notes: (nullable) (element-type utf8): gets a line per link left out
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): @article's copy to export
 */
BylineArticle *
byline_export_dup_publishable (BylineStore    *store,
                               BylineArticle  *article,
                               GPtrArray      *notes,
                               GError        **error)
{
  g_autoptr(GHashTable) published_ids = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  published_ids = dup_published_ids (store, NULL, error);
  if (published_ids == NULL)
    return NULL;

  return dup_with_published_pins (article, published_ids, notes);
}

/* --- one article ------------------------------------------------------------ */

static gboolean
export_html_page (BylineStore              *store,
                  BylineArticle            *article,
                  const BylinePublication  *publication,
                  GFile                    *output,
                  GTimeZone                *tz,
                  GPtrArray                *notes,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(BylineExportFolder) folder = NULL;
  g_autoptr(GBytes) image_bytes = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *image_name = NULL;
  g_autofree char *free_name = NULL;
  g_autofree char *image_src = NULL;
  g_autofree char *page_name = NULL;
  g_autofree char *html = NULL;
  BylineRenderOptions options = { 0 };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  folder = open_page_folder (output, cancellable, error);
  if (folder == NULL)
    return FALSE;

  image_bytes = load_image (store, article, &image_name, notes);
  if (image_bytes != NULL)
    free_name = dup_free_image_name (folder, article, image_name, image_bytes, NULL);
  image_src = dup_export_image_src (article, free_name);

  options.image_src = image_src;
  options.tz = tz;
  html = byline_render_article (article, publication, &options);
  add_remote_images_note (notes, article);
  page_name = g_file_get_basename (output);
  page = g_bytes_new_take (html, strlen (html));
  html = NULL;

  /* The picture first: if it cannot be copied, a page exported earlier to
   * the same place stays as it was instead of being replaced or lost. */
  if (image_bytes != NULL)
    {
      g_autofree char *relative = g_strconcat (IMAGES_FOLDER "/", free_name, NULL);

      if (!byline_export_folder_write (folder, relative, image_bytes, 0, cancellable, error))
        return FALSE;
    }

  return byline_export_folder_write (folder, page_name, page, BYLINE_EXPORT_WRITE_REPLACE_ANY,
                                     cancellable, error);
}

/**
 * byline_export_article_html:
 * @store: (nullable): the newsroom that keeps the lead picture
 * @article: the article
 * @publication: the masthead
 * @output: the page to write
 * @tz: (nullable): time zone of the date line; %NULL for local time
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the article's standalone page. A lead picture kept in @store is
 * written to "images/" beside @output; one @store does not have (or a path
 * on a disk, which is never read) is left out of the page, which keeps its
 * caption.
 *
 * Returns: %TRUE when the page was written
 */
gboolean
byline_export_article_html (BylineStore              *store,
                            BylineArticle            *article,
                            const BylinePublication  *publication,
                            GFile                    *output,
                            GTimeZone                *tz,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(BylineArticle) renderable = NULL;

  g_return_val_if_fail (store == NULL || BYLINE_IS_STORE (store), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  renderable = dup_with_published_pins (article, NULL, NULL);

  return export_html_page (store, renderable, publication, output, tz, NULL, cancellable, error);
}

/**
 * byline_export_ninjs:
 * @article: the article
 * @publication: the masthead
 * @tz: (nullable): unused: ninjs times are written in UTC
 *
 * Describes @article as an IPTC ninjs 2.1 document, without the READ:
 * links that lead nowhere, and without a version.
 *
 * Returns: (transfer full): pretty-printed JSON
 */
char *
byline_export_ninjs (BylineArticle           *article,
                     const BylinePublication *publication,
                     GTimeZone               *tz)
{
  g_autoptr(BylineArticle) renderable = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (publication != NULL, NULL);

  renderable = dup_with_published_pins (article, NULL, NULL);

  return byline_ninjs_build (renderable, publication, 0);
}

/**
 * byline_export_article_ninjs:
 * @article: the article
 * @publication: the masthead
 * @output: the JSON file to write
 * @tz: (nullable): see byline_export_ninjs()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes byline_export_ninjs() to @output, replacing it atomically.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
byline_export_article_ninjs (BylineArticle            *article,
                             const BylinePublication  *publication,
                             GFile                    *output,
                             GTimeZone                *tz,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  json = byline_export_ninjs (article, publication, tz);

  return write_chosen_file (output, json, cancellable, error);
}

/**
 * byline_export_article:
 * @store: the newsroom the article is stored in
 * @article: the article
 * @publication: the masthead
 * @format: HTML or ninjs
 * @output: the file to write
 * @tz: (nullable): time zone of the date line; %NULL for local time
 * @notes: (nullable) (element-type utf8): gets a line for each READ: link
 *   or picture left out
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @output was written
 */
gboolean
byline_export_article (BylineStore              *store,
                       BylineArticle            *article,
                       const BylinePublication  *publication,
                       BylineExportFormat        format,
                       GFile                    *output,
                       GTimeZone                *tz,
                       GPtrArray                *notes,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr(BylineArticle) publishable = NULL;
  g_autofree char *json = NULL;
  guint version;

  g_return_val_if_fail (BYLINE_IS_STORE (store), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  publishable = byline_export_dup_publishable (store, article, notes, error);
  if (publishable == NULL)
    return FALSE;

  if (format == BYLINE_EXPORT_FORMAT_HTML)
    return export_html_page (store, publishable, publication, output, tz, notes, cancellable, error);

  version = byline_ninjs_count_version (store, article, error);
  if (version == 0 && byline_article_get_id (article) > 0)
    return FALSE;

  json = byline_ninjs_build (publishable, publication, version);

  return write_chosen_file (output, json, cancellable, error);
}

/* --- the publication -------------------------------------------------------- */

static gint64
published_time (BylineArticle *article)
{
  gint64 published = byline_article_get_published (article);

  return published > 0 ? published : byline_article_get_updated (article);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  BylineArticle *article_a = *(BylineArticle * const *) a;
  BylineArticle *article_b = *(BylineArticle * const *) b;
  gint64 time_a = published_time (article_a);
  gint64 time_b = published_time (article_b);
  gint64 id_a = byline_article_get_id (article_a);
  gint64 id_b = byline_article_get_id (article_b);

  if (time_a != time_b)
    return time_a > time_b ? -1 : 1;

  return id_a > id_b ? -1 : id_a < id_b ? 1 : 0;
}

/* A page name made from the database ("12-harbour-opens.html") is checked
 * again here, where it becomes a file: a slug planted as "../../x" must
 * not take the page out of the folder. */
static gboolean
check_page_name (BylineArticle  *article,
                 const char     *page_name,
                 GError        **error)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[0-9]+-[A-Za-z0-9][A-Za-z0-9_.-]*\\.html$",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (regex, page_name, 0, NULL) && strstr (page_name, "..") == NULL &&
      byline_export_name_is_safe (page_name))
    return TRUE;

  g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_UNSAFE_NAME,
               _("“%s” (article %" PRId64 ") has the web name “%s”, which is not a "
                 "plain file name: Byline writes nothing outside the export folder, so nothing "
                 "was exported. Give the article a slug of letters, digits and dashes, then "
                 "export again."),
               byline_article_get_display_headline (article), byline_article_get_id (article),
               byline_article_get_slug (article));
  return FALSE;
}

typedef struct
{
  char   *name;      /* "12-harbour-opens.html", "images/lead.png" */
  GBytes *contents;
  gboolean page;
} PlannedFile;

static void
planned_file_free (gpointer data)
{
  PlannedFile *file = data;

  g_free (file->name);
  g_bytes_unref (file->contents);
  g_free (file);
}

static void
plan_file (GPtrArray  *files,
           char       *name,
           GBytes     *contents,
           gboolean    page)
{
  PlannedFile *file = g_new0 (PlannedFile, 1);

  file->name = name;
  file->contents = contents;
  file->page = page;
  g_ptr_array_add (files, file);
}

/* Renders @article's page, and puts it and its picture in @files. */
static void
plan_publication_page (BylineStore              *store,
                       BylineExportFolder       *folder,
                       BylineArticle            *article,
                       const BylinePublication  *publication,
                       GTimeZone                *tz,
                       GHashTable               *published_ids,
                       GHashTable               *image_names,
                       GPtrArray                *files,
                       GPtrArray                *notes,
                       GCancellable             *cancellable)
{
  g_autoptr(BylineArticle) renderable = dup_with_published_pins (article, published_ids, notes);
  g_autoptr(GBytes) image_bytes = NULL;
  g_autofree char *image_name = NULL;
  g_autofree char *free_name = NULL;
  g_autofree char *image_src = NULL;
  char *html;
  BylineRenderOptions options = { 0 };

  image_bytes = load_image (store, article, &image_name, notes);
  if (image_bytes != NULL)
    {
      free_name = dup_free_image_name (folder, article, image_name, image_bytes, image_names);
      plan_file (files, g_strconcat (IMAGES_FOLDER "/", free_name, NULL),
                 g_bytes_ref (image_bytes), FALSE);
    }
  image_src = dup_export_image_src (article, free_name);

  options.image_src = image_src;
  options.link_prefix = "";
  options.home_href = "index.html";
  options.tz = tz;
  html = byline_render_article (renderable, publication, &options);
  add_remote_images_note (notes, article);

  plan_file (files, byline_article_dup_page_name (article), g_bytes_new_take (html, strlen (html)), TRUE);
}

/**
 * byline_export_publication:
 * @store: the newsroom database
 * @publication: the masthead
 * @dir: the folder to write, created if needed
 * @tz: (nullable): time zone of the date lines; %NULL for local time
 * @progress: (nullable) (scope call): called after each page
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * See byline_export_publication_full().
 *
 * Returns: %TRUE when the whole publication was written
 */
gboolean
byline_export_publication (BylineStore              *store,
                           const BylinePublication  *publication,
                           GFile                    *dir,
                           GTimeZone                *tz,
                           BylineExportProgress      progress,
                           gpointer                  user_data,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  return byline_export_publication_full (store, publication, dir, tz, progress, user_data,
                                         NULL, cancellable, error);
}

/**
 * byline_export_publication_full:
 * @store: the newsroom database
 * @publication: the masthead
 * @dir: the folder to write, created if needed
 * @tz: (nullable): time zone of the date lines; %NULL for local time
 * @progress: (nullable) (scope call): called after each page
 * @user_data: data for @progress
 * @notes: (nullable) (element-type utf8): gets what was left out or kept
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every published article's page, newest first on index.html, and
 * removes the pages an earlier export wrote for articles no longer
 * published. When nothing is published and the folder holds no earlier
 * export, fails with %BYLINE_EXPORT_ERROR_NOTHING and writes nothing: an
 * empty front page is never what anyone wanted. When it does hold one, the
 * pages go and the front page says nothing is published.
 *
 * Returns: %TRUE when the whole publication was written
 */
gboolean
byline_export_publication_full (BylineStore              *store,
                                const BylinePublication  *publication,
                                GFile                    *dir,
                                GTimeZone                *tz,
                                BylineExportProgress      progress,
                                gpointer                  user_data,
                                GPtrArray                *notes,
                                GCancellable             *cancellable,
                                GError                  **error)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GHashTable) published_ids = NULL;
  g_autoptr(GHashTable) image_names = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(BylineExportFolder) folder = NULL;
  BylineRenderOptions options = { 0 };
  guint done = 0;
  guint total;
  char *html;

  g_return_val_if_fail (BYLINE_IS_STORE (store), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  published_ids = dup_published_ids (store, &listed, error);
  if (published_ids == NULL)
    return FALSE;

  /* The list leaves out bodies and pins; the pages need them. */
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < listed->len; i++)
    {
      gint64 id = byline_article_summary_get_id (g_ptr_array_index (listed, i));
      BylineArticle *article = byline_store_load_article (store, id, error);
      g_autofree char *page_name = NULL;

      if (article == NULL)
        return FALSE;

      g_ptr_array_add (articles, article);
      page_name = byline_article_dup_page_name (article);
      if (!check_page_name (article, page_name, error))
        return FALSE;
    }
  g_ptr_array_sort (articles, compare_newest_first);

  if (articles->len == 0)
    {
      /* Unpublishing the last article takes its page down too. */
      if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        folder = byline_export_folder_open (dir, BYLINE_EXPORT_FOLDER_MANIFEST, cancellable, NULL);

      if (folder == NULL || !byline_export_folder_has_record (folder))
        {
          g_set_error_literal (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_NOTHING,
                               _("Nothing is published yet. Set an article’s status to "
                                 "Published, then export the publication again."));
          return FALSE;
        }
    }
  else
    {
      folder = byline_export_folder_open (dir, BYLINE_EXPORT_FOLDER_CREATE | BYLINE_EXPORT_FOLDER_MANIFEST,
                                          cancellable, error);
      if (folder == NULL)
        return FALSE;
    }

  /* Every file is made before any is written, so the manifest can name
   * them all first. */
  files = g_ptr_array_new_with_free_func (planned_file_free);
  image_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < articles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      plan_publication_page (store, folder, g_ptr_array_index (articles, i), publication, tz,
                             published_ids, image_names, files, notes, cancellable);
    }

  /* The front page last, so it never lists a page that is not there yet. */
  options.link_prefix = "";
  options.home_href = "index.html";
  options.tz = tz;
  html = byline_render_index (articles, publication, &options);
  plan_file (files, g_strdup ("index.html"), g_bytes_new_take (html, strlen (html)), TRUE);

  /* A clash stops the export before any page changes, not halfway. */
  for (guint i = 0; i < files->len; i++)
    {
      PlannedFile *file = g_ptr_array_index (files, i);

      if (!byline_export_folder_can_write (folder, file->name, file->contents))
        return byline_export_folder_write (folder, file->name, file->contents, 0, cancellable, error);
    }

  for (guint i = 0; i < files->len; i++)
    {
      PlannedFile *file = g_ptr_array_index (files, i);

      byline_export_folder_plan (folder, file->name, file->contents);
    }

  if (!byline_export_folder_begin (folder, cancellable, error))
    return FALSE;

  total = articles->len + 1;
  for (guint i = 0; i < files->len; i++)
    {
      PlannedFile *file = g_ptr_array_index (files, i);

      if (!byline_export_folder_write (folder, file->name, file->contents, 0, cancellable, error))
        return FALSE;

      if (file->page && progress != NULL && ++done < total)
        progress (done, total, user_data);
    }

  if (!byline_export_folder_finish (folder, notes, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (total, total, user_data);

  return TRUE;
}

/* --- Before an HTML export ------------------------------------------------ */

void
byline_pin_problem_free (BylinePinProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->article_headline);
  g_free (problem->pin_headline);
  g_free (problem);
}

char *
byline_pin_problem_dup_message (const BylinePinProblem *problem,
                                gboolean                name_article)
{
  const char *why;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->kind == BYLINE_PIN_PROBLEM_UNRESOLVED)
    why = _("no stored article has this headline");
  else
    why = _("the article was spiked or deleted");

  if (name_article)
    /* Translators: "“Old pier” in “Harbour festival returns”: the article was spiked or deleted" */
    return g_strdup_printf (_("“%s” in “%s”: %s"), problem->pin_headline, problem->article_headline, why);

  /* Translators: "“Old pier”: the article was spiked or deleted" */
  return g_strdup_printf (_("“%s”: %s"), problem->pin_headline, why);
}

/* The renderer's rule (a pin becomes a link when it is resolved and its
 * article is neither spiked nor gone), turned round. */
static void
add_pin_problems (GPtrArray     *problems,
                  BylineArticle *article)
{
  GListModel *pins = byline_article_get_pins (article);
  guint n_pins = g_list_model_get_n_items (pins);

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      BylinePinProblem *problem;

      if (byline_pin_is_resolved (pin) && !byline_pin_get_related_spiked (pin))
        continue;

      problem = g_new0 (BylinePinProblem, 1);
      problem->kind = byline_pin_is_resolved (pin) ? BYLINE_PIN_PROBLEM_SPIKED : BYLINE_PIN_PROBLEM_UNRESOLVED;
      problem->article_id = byline_article_get_id (article);
      problem->article_headline = g_strdup (byline_article_get_display_headline (article));
      problem->pin_headline = g_strdup (byline_pin_get_headline (pin));
      problem->position = byline_pin_get_position (pin);
      g_ptr_array_add (problems, problem);
    }
}

/**
 * byline_export_check_pins:
 * @store: (nullable): where the article and its related articles are stored
 * @article: the article about to be exported
 *
 * Returns: (transfer full) (element-type BylinePinProblem): the READ:
 *   links that will not be links, in reading order; empty when all are
 */
GPtrArray *
byline_export_check_pins (BylineStore   *store,
                          BylineArticle *article)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)byline_pin_problem_free);
  g_autoptr(BylineArticle) stored = NULL;

  g_return_val_if_fail (!store || BYLINE_IS_STORE (store), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  /* Loaded pins carry their articles' states as of now. */
  if (store != NULL && byline_article_get_id (article) > 0)
    {
      g_autoptr(GError) error = NULL;

      stored = byline_store_load_article (store, byline_article_get_id (article), &error);
      if (stored == NULL)
        g_debug ("Checking the READ: links as they are in memory: %s", error->message);
    }

  add_pin_problems (problems, stored != NULL ? stored : article);

  return g_steal_pointer (&problems);
}

/**
 * byline_export_check_publication_pins:
 * @store: the newsroom database
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylinePinProblem) (nullable): the
 *   READ: links of every published page that will not be links, or %NULL
 *   when the store could not be read
 */
GPtrArray *
byline_export_check_publication_pins (BylineStore  *store,
                                      GError      **error)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)byline_pin_problem_free);
  g_autoptr(GPtrArray) published = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The pages a publication export writes. */
  query.status = BYLINE_STATUS_PUBLISHED;
  published = byline_store_list_articles (store, &query, error);
  if (published == NULL)
    return NULL;

  for (guint i = 0; i < published->len; i++)
    {
      gint64 id = byline_article_summary_get_id (g_ptr_array_index (published, i));
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) local_error = NULL;

      /* One deleted since the list was read has no page to check. */
      article = byline_store_load_article (store, id, &local_error);
      if (g_error_matches (local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND))
        continue;
      if (article == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      add_pin_problems (problems, article);
    }

  return g_steal_pointer (&problems);
}
