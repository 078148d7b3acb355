/* byline-exporter.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "byline-article-fields.h"
#include "byline-dates.h"
#include "byline-exporter.h"
#include "byline-pin.h"
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

static gboolean
write_file (GFile         *file,
            const char    *contents,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable,
                                &local_error))
    {
      set_write_error (error, file, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Creates @dir and its parents; an existing folder is fine. */
static gboolean
ensure_folder (GFile         *dir,
               gboolean      *created,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (created != NULL)
    *created = FALSE;

  if (g_file_make_directory_with_parents (dir, cancellable, &local_error))
    {
      if (created != NULL)
        *created = TRUE;
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) &&
      g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: a file has that name. Choose another folder."),
                   name);
      return FALSE;
    }

  set_write_error (error, dir, local_error);
  return FALSE;
}

/* "images/<name>", escaped for an src attribute. */
static char *
dup_image_src (const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, TRUE);

  return g_strconcat (IMAGES_FOLDER "/", escaped, NULL);
}

static gboolean
is_remote_image (const char *image)
{
  return g_ascii_strncasecmp (image, "http://", 7) == 0 ||
         g_ascii_strncasecmp (image, "https://", 8) == 0;
}

/* The article's lead image on this disk, if it names one that exists. */
static GFile *
dup_local_image (BylineArticle *article)
{
  const char *image = byline_article_get_image (article);
  g_autoptr(GFile) file = NULL;

  if (image == NULL || image[0] == '\0' || is_remote_image (image))
    return NULL;

  if (g_str_has_prefix (image, "file:"))
    file = g_file_new_for_uri (image);
  else
    file = g_file_new_for_path (image);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;

  return g_steal_pointer (&file);
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

  if (image != NULL && is_remote_image (image))
    return g_strdup (image);

  return g_strdup ("");
}

static gboolean
copy_image (GFile         *source,
            GFile         *folder,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) images = g_file_get_child (folder, IMAGES_FOLDER);
  g_autoptr(GFile) dest = g_file_get_child (images, name);
  g_autoptr(GError) local_error = NULL;

  if (!ensure_folder (images, NULL, cancellable, error))
    return FALSE;

  if (g_file_equal (source, dest))
    return TRUE;

  if (!g_file_copy (source, dest,
                    G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    cancellable, NULL, NULL, &local_error))
    {
      g_autofree char *source_name = g_file_get_parse_name (source);
      g_autofree char *dest_name = g_file_get_parse_name (dest);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_IMAGE,
                   _("Could not copy the image “%s” to “%s”: %s. Check that there is room "
                     "and that the folder can be written, then export again."),
                   source_name, dest_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_contents (GFile        *a,
               GFile        *b,
               GCancellable *cancellable)
{
  g_autoptr(GBytes) bytes_a = g_file_load_bytes (a, cancellable, NULL, NULL);
  g_autoptr(GBytes) bytes_b = g_file_load_bytes (b, cancellable, NULL, NULL);

  return bytes_a != NULL && bytes_b != NULL && g_bytes_equal (bytes_a, bytes_b);
}

/* The image's own name in images/, unless another picture of that name is
 * already there (another article exported to the same folder): then the
 * article id goes in front, so neither page loses its picture. */
static char *
dup_single_image_name (BylineArticle *article,
                       GFile         *image,
                       GFile         *folder,
                       GCancellable  *cancellable)
{
  g_autofree char *basename = g_file_get_basename (image);
  g_autoptr(GFile) images = g_file_get_child (folder, IMAGES_FOLDER);
  g_autoptr(GFile) dest = g_file_get_child (images, basename);

  if (!g_file_query_exists (dest, cancellable) || same_contents (image, dest, cancellable))
    return g_steal_pointer (&basename);

  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s", byline_article_get_id (article), basename);
}

/**
 * byline_export_article_html:
 * @article: the article
 * @publication: the masthead
 * @output: the page to write
 * @tz: (nullable): time zone of the date line; %NULL for local time
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the article's standalone page. A lead image that exists on disk is
 * copied to "images/" beside @output; one that is missing is left out of the
 * page, which keeps its caption.
 *
 * Returns: %TRUE when the page was written
 */
gboolean
byline_export_article_html (BylineArticle            *article,
                            const BylinePublication  *publication,
                            GFile                    *output,
                            GTimeZone                *tz,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(GFile) image = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *image_name = NULL;
  g_autofree char *image_src = NULL;
  g_autofree char *html = NULL;
  BylineRenderOptions options = { 0 };

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  folder = g_file_get_parent (output);
  if (folder != NULL)
    image = dup_local_image (article);
  if (image != NULL)
    image_name = dup_single_image_name (article, image, folder, cancellable);
  image_src = dup_export_image_src (article, image_name);

  options.image_src = image_src;
  options.tz = tz;
  html = byline_render_article (article, publication, &options);

  /* A missing folder is reported for the page, the file the person chose,
   * and nothing (not even images/) is created for it. */
  if (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return write_file (output, html, cancellable, error);

  /* The picture first: if it cannot be copied, a page exported earlier to
   * the same place stays as it was instead of being replaced or lost. */
  if (image != NULL &&
      !copy_image (image, folder, image_name, cancellable, error))
    return FALSE;

  return write_file (output, html, cancellable, error);
}

static char *
dup_utc_iso8601 (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *iso = NULL;

  if (unix_time <= 0)
    return;

  iso = dup_utc_iso8601 (unix_time);
  add_string (builder, member, iso);
}

/* @base_url joined to @path with exactly one slash. */
static char *
dup_absolute_url (const char *base_url,
                  const char *path)
{
  if (g_str_has_suffix (base_url, "/"))
    return g_strconcat (base_url, path, NULL);

  return g_strconcat (base_url, "/", path, NULL);
}

/* As the renderer: only an http(s) base URL makes links absolute. */
static gboolean
has_base_url (const BylinePublication *publication)
{
  const char *base_url = publication->base_url;

  return base_url != NULL &&
         (g_ascii_strncasecmp (base_url, "http://", 7) == 0 ||
          g_ascii_strncasecmp (base_url, "https://", 8) == 0);
}

/* The body as the page shows it, READ: asides included. A pin links to the
 * related page only when the publication has a base URL: a relative link
 * means nothing to whoever receives the ninjs document. */
static char *
dup_body_html (BylineArticle           *article,
               const BylinePublication *publication)
{
  g_autofree char *prefix = NULL;

  if (has_base_url (publication))
    prefix = dup_absolute_url (publication->base_url, "");

  return byline_render_body (article, prefix);
}

static const char *
pubstatus_for (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_PUBLISHED:
      return "usable";
    case BYLINE_STATUS_SPIKED:
      return "canceled";
    case BYLINE_STATUS_DRAFT:
    case BYLINE_STATUS_IN_REVIEW:
    case BYLINE_STATUS_APPROVED:
    default:
      return "withheld";
    }
}

static void
add_featuremedia (JsonBuilder             *builder,
                  BylineArticle           *article,
                  const BylinePublication *publication,
                  const char              *uri)
{
  const char *image = byline_article_get_image (article);
  const char *caption = byline_article_get_caption (article);
  g_autofree char *media_uri = NULL;
  g_autofree char *mimetype = NULL;
  gboolean has_image = image != NULL && image[0] != '\0';

  if (!has_image && (caption == NULL || caption[0] == '\0'))
    return;

  if (has_image && is_remote_image (image))
    {
      media_uri = g_strdup (image);
    }
  else if (has_image)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *content_type = NULL;

      file = g_str_has_prefix (image, "file:") ? g_file_new_for_uri (image)
                                                : g_file_new_for_path (image);
      basename = g_file_get_basename (file);

      /* Where the HTML export puts the image, when the pages have an address. */
      if (has_base_url (publication))
        {
          g_autofree char *src = dup_image_src (basename);

          media_uri = dup_absolute_url (publication->base_url, src);
        }
      else
        {
          media_uri = g_file_get_uri (file);
        }

      content_type = g_content_type_guess (basename, NULL, 0, NULL);
      mimetype = g_content_type_get_mime_type (content_type);
    }
  else
    {
      /* A caption without a picture: ninjs wants a uri all the same. */
      media_uri = g_strconcat (uri, "#featuremedia", NULL);
    }

  json_builder_set_member_name (builder, "associations");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "featuremedia");
  json_builder_begin_object (builder);
  add_string (builder, "uri", media_uri);
  add_string (builder, "type", "picture");
  if (mimetype != NULL && g_str_has_prefix (mimetype, "image/"))
    add_string (builder, "mimetype", mimetype);
  add_string (builder, "description_text", caption);
  add_string (builder, "byline", byline_article_get_credit (article));
  /* ninjs has no field for alternative text; body_text is the picture's text. */
  add_string (builder, "body_text", byline_article_get_image_alt (article));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/**
 * byline_export_ninjs:
 * @article: the article
 * @publication: the masthead
 * @tz: (nullable): unused: ninjs times are written in UTC
 *
 * Describes @article as an IPTC ninjs 1.4 document. Empty fields are left
 * out. body_html is the body as safe HTML with pins as "READ:" paragraphs.
 *
 * Returns: (transfer full): pretty-printed JSON
 */
char *
byline_export_ninjs (BylineArticle           *article,
                     const BylinePublication *publication,
                     GTimeZone               *tz)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *body_html = NULL;
  const char * const *tags;
  const char *language;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (publication != NULL, NULL);

  if (has_base_url (publication) && byline_article_get_id (article) > 0)
    {
      g_autofree char *page_name = byline_article_dup_page_name (article);

      uri = dup_absolute_url (publication->base_url, page_name);
    }
  else
    {
      const char *uuid = byline_article_get_uuid (article);
      g_autofree char *random = NULL;

      /* An article never saved has no uuid yet: it gets a fresh one. */
      if (uuid == NULL || uuid[0] == '\0')
        uuid = random = g_uuid_string_random ();
      uri = g_strconcat ("urn:uuid:", uuid, NULL);
    }

  language = byline_article_get_language (article);
  if (language == NULL || language[0] == '\0')
    language = publication->language;

  body_html = dup_body_html (article, publication);
  tags = byline_article_get_tags (article);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "uri", uri);
  add_string (builder, "type", "text");
  add_string (builder, "mimetype", "text/html");
  add_string (builder, "version", "1");
  add_time (builder, "firstcreated", byline_article_get_created (article));
  add_time (builder, "versioncreated", byline_article_get_updated (article));
  if (byline_article_get_status (article) == BYLINE_STATUS_PUBLISHED)
    add_time (builder, "firstpublished", byline_article_get_published (article));
  add_string (builder, "pubstatus", pubstatus_for (byline_article_get_status (article)));
  add_string (builder, "language", language);
  /* The fields ninjs takes as they are (slugline, headline, ...), from the
   * field table; the rest need the work above and below. */
  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (field->flags & BYLINE_FIELD_NINJS)
        add_string (builder, field->ninjs, field->get_text (article));
    }
  add_string (builder, "copyrightholder", publication->name);
  add_string (builder, "body_html", body_html);

  if (tags != NULL && tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "subject");
      json_builder_begin_array (builder);
      for (guint i = 0; tags[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "name", tags[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "keywords");
      json_builder_begin_array (builder);
      for (guint i = 0; tags[i] != NULL; i++)
        json_builder_add_string_value (builder, tags[i]);
      json_builder_end_array (builder);
    }

  add_featuremedia (builder, article, publication, uri);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
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

  return write_file (output, json, cancellable, error);
}

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

/* A page links only to pages in the same export: a pin to an article that is
 * not published stays as plain "READ:" text instead of a dead link. */
static BylineArticle *
dup_with_published_pins (BylineArticle *article,
                         GHashTable    *published_ids)
{
  GListModel *pins = byline_article_get_pins (article);
  guint n_pins = pins != NULL ? g_list_model_get_n_items (pins) : 0;
  gboolean all_published = TRUE;
  BylineArticle *copy;

  for (guint i = 0; i < n_pins && all_published; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);

      if (byline_pin_is_resolved (pin) &&
          !g_hash_table_contains (published_ids, &(gint64) { byline_pin_get_related_id (pin) }))
        all_published = FALSE;
    }

  if (all_published)
    return g_object_ref (article);

  copy = byline_article_copy (article);
  byline_article_clear_pins (copy);

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      gint64 related_id = byline_pin_get_related_id (pin);

      if (byline_pin_is_resolved (pin) && !g_hash_table_contains (published_ids, &related_id))
        byline_article_add_pin (copy, byline_pin_new (byline_pin_get_position (pin), 0,
                                                      byline_pin_get_headline (pin)));
      else
        byline_article_add_pin (copy, g_object_ref (pin));
    }

  return copy;
}

/* The name the article's image gets in images/: its own, or prefixed with
 * the article id when another image already took that name. Returns NULL
 * when there is nothing to copy. */
static char *
dup_publication_image_name (BylineArticle *article,
                            GFile         *image,
                            GHashTable    *names)
{
  g_autofree char *basename = g_file_get_basename (image);
  g_autofree char *path = g_file_get_path (image);
  g_autofree char *name = g_strdup (basename);
  const char *taken_by;

  for (guint n = 0; ; n++)
    {
      taken_by = g_hash_table_lookup (names, name);
      if (taken_by == NULL || g_strcmp0 (taken_by, path) == 0)
        break;

      g_free (name);
      if (n == 0)
        name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s",
                                byline_article_get_id (article), basename);
      else
        name = g_strdup_printf ("%" G_GINT64_FORMAT "-%u-%s",
                                byline_article_get_id (article), n, basename);
    }

  if (taken_by == NULL)
    g_hash_table_insert (names, g_strdup (name), g_steal_pointer (&path));

  return g_steal_pointer (&name);
}

static gboolean
export_publication_page (BylineArticle            *article,
                         const BylinePublication  *publication,
                         GFile                    *dir,
                         GTimeZone                *tz,
                         GHashTable               *published_ids,
                         GHashTable               *image_names,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(GFile) image = dup_local_image (article);
  g_autoptr(BylineArticle) renderable = dup_with_published_pins (article, published_ids);
  g_autofree char *page_name = byline_article_dup_page_name (article);
  g_autoptr(GFile) page = g_file_get_child (dir, page_name);
  g_autofree char *image_name = NULL;
  g_autofree char *image_src = NULL;
  g_autofree char *html = NULL;
  BylineRenderOptions options = { 0 };

  if (image != NULL)
    {
      image_name = dup_publication_image_name (article, image, image_names);
      if (!copy_image (image, dir, image_name, cancellable, error))
        return FALSE;
    }
  image_src = dup_export_image_src (article, image_name);

  options.image_src = image_src;
  options.link_prefix = "";
  options.home_href = "index.html";
  options.tz = tz;
  html = byline_render_article (renderable, publication, &options);

  return write_file (page, html, cancellable, error);
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
 * Writes every published article's page, newest first on index.html. When
 * nothing is published, fails with %BYLINE_EXPORT_ERROR_NOTHING and writes
 * nothing: an empty front page is never what anyone wanted.
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
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GHashTable) published_ids = NULL;
  g_autoptr(GHashTable) image_names = NULL;
  g_autoptr(GFile) index = NULL;
  g_autofree char *html = NULL;
  BylineRenderOptions options = { 0 };
  guint total;

  g_return_val_if_fail (BYLINE_IS_STORE (store), FALSE);
  g_return_val_if_fail (publication != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  query.status = BYLINE_STATUS_PUBLISHED;
  listed = byline_store_list_articles (store, &query, error);
  if (listed == NULL)
    return FALSE;

  if (listed->len == 0)
    {
      g_set_error_literal (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_NOTHING,
                           _("Nothing is published yet. Set an article’s status to "
                             "Published, then export the publication again."));
      return FALSE;
    }

  /* The list gives summaries; the pages need whole articles. */
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  published_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < listed->len; i++)
    {
      gint64 id = byline_article_summary_get_id (g_ptr_array_index (listed, i));
      BylineArticle *article = byline_store_load_article (store, id, error);

      if (article == NULL)
        return FALSE;

      g_ptr_array_add (articles, article);
      g_hash_table_add (published_ids, g_memdup2 (&id, sizeof id));
    }
  g_ptr_array_sort (articles, compare_newest_first);

  if (!ensure_folder (dir, NULL, cancellable, error))
    return FALSE;

  total = articles->len + 1;
  image_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < articles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!export_publication_page (g_ptr_array_index (articles, i), publication, dir, tz,
                                    published_ids, image_names, cancellable, error))
        return FALSE;

      if (progress != NULL)
        progress (i + 1, total, user_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The front page last, so it never lists a page that is not there yet. */
  options.link_prefix = "";
  options.home_href = "index.html";
  options.tz = tz;
  html = byline_render_index (articles, publication, &options);
  index = g_file_get_child (dir, "index.html");
  if (!write_file (index, html, cancellable, error))
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
