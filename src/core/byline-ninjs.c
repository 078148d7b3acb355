/* byline-ninjs.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-ninjs"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "byline-html.h"
#include "byline-language.h"
#include "byline-media.h"
#include "byline-ninjs.h"
#include "byline-renderer.h"
#include "byline-review.h"
#include "byline-text.h"

/* Field names and shapes follow the IPTC ninjs 2.1 JSON Schema: every
 * member written is one that version defines, since the schema allows no
 * others ("unevaluatedProperties": false). */

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
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (unix_time <= 0 || (dt = g_date_time_new_from_unix_utc (unix_time)) == NULL)
    return;

  iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  add_string (builder, member, iso);
}

/* [{ "role": @role, "value": @value }], the shape of headlines and
 * descriptions. */
static void
add_text_array (JsonBuilder *builder,
                const char  *member,
                const char  *role,
                const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "role", role);
  add_string (builder, "value", value);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
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

/* The publication's web address ending in "/", or NULL. */
static char *
dup_base_url (const BylinePublication *publication)
{
  g_autofree char *safe = NULL;

  if (publication->base_url == NULL || !byline_html_url_is_http (publication->base_url))
    return NULL;

  safe = byline_html_dup_safe_url (publication->base_url);
  if (safe == NULL || *safe == '\0')
    return NULL;

  return g_str_has_suffix (safe, "/") ? g_steal_pointer (&safe) : g_strconcat (safe, "/", NULL);
}

/* Where the picture can be fetched from the web, or NULL: never a path on
 * this computer. *@mime_type: its type, when known from its reference. */
static char *
dup_image_url (BylineArticle  *article,
               const char     *base_url,
               const char    **mime_type)
{
  const char *image = byline_article_get_image (article);
  const char *extension = NULL;
  g_autofree char *name = NULL;
  g_autofree char *joined = NULL;

  *mime_type = NULL;
  if (image == NULL || image[0] == '\0')
    return NULL;

  if (byline_html_url_is_http (image))
    {
      g_autoptr(GUri) uri = g_uri_parse (image, G_URI_FLAGS_NONE, NULL);
      g_autofree char *basename = NULL;
      g_autofree char *content_type = NULL;
      const char *dot;

      if (uri == NULL)
        return NULL;
      basename = g_path_get_basename (g_uri_get_path (uri));
      dot = strrchr (basename, '.');
      if (dot != NULL)
        {
          g_autofree char *lower = g_ascii_strdown (dot + 1, -1);

          *mime_type = byline_media_extension_type (g_str_equal (lower, "jpeg") ? "jpg" : lower);
        }
      return byline_html_dup_safe_url (image);
    }

  /* A picture the newsroom keeps, where the HTML export writes it; a path
   * on a disk names nothing anyone else can fetch. */
  if (base_url == NULL || !byline_media_parse_reference (image, NULL, &extension))
    return NULL;

  name = byline_media_dup_export_name (image);
  joined = g_strconcat (base_url, "images/", name, NULL);
  *mime_type = byline_media_extension_type (extension);

  return byline_html_dup_safe_url (joined);
}

static void
add_featuremedia (JsonBuilder   *builder,
                  BylineArticle *article,
                  const char    *base_url)
{
  const char *mimetype = NULL;
  g_autofree char *url = dup_image_url (article, base_url, &mimetype);
  const char *caption = byline_article_get_caption (article);
  const char *alt = byline_article_get_image_alt (article);

  if (url == NULL)
    return;

  json_builder_set_member_name (builder, "associations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", "featuremedia");
  add_string (builder, "uri", url);
  add_string (builder, "type", "picture");
  add_string (builder, "by", byline_article_get_credit (article));

  if ((caption != NULL && caption[0] != '\0') || (alt != NULL && alt[0] != '\0'))
    {
      json_builder_set_member_name (builder, "descriptions");
      json_builder_begin_array (builder);
      if (caption != NULL && caption[0] != '\0')
        {
          json_builder_begin_object (builder);
          add_string (builder, "role", "caption");
          add_string (builder, "value", caption);
          json_builder_end_object (builder);
        }
      if (alt != NULL && alt[0] != '\0')
        {
          json_builder_begin_object (builder);
          add_string (builder, "role", "alternative-text");
          add_string (builder, "value", alt);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "renditions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", "original");
  add_string (builder, "href", url);
  if (mimetype != NULL)
    add_string (builder, "contenttype", mimetype);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/**
 * byline_ninjs_build:
 * @article: the article
 * @publication: the masthead
 * @version: the document's version, or 0 to leave it out
 *
 * Returns: (transfer full): the ninjs 2.1 document, pretty-printed
 */
char *
byline_ninjs_build (BylineArticle           *article,
                    const BylinePublication *publication,
                    guint                    version)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *random = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *body_html = NULL;
  g_autofree char *language = NULL;
  g_autofree char *version_text = NULL;
  const char * const *tags;
  const char *uuid;
  const char *body;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (publication != NULL, NULL);

  /* An article never saved has no uuid yet: it gets a fresh one. */
  uuid = byline_article_get_uuid (article);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    uuid = random = g_uuid_string_random ();
  uri = g_strconcat ("urn:uuid:", uuid, NULL);

  language = byline_language_dup_tag (byline_article_get_language (article));
  if (language == NULL)
    language = byline_language_dup_tag (publication->language);

  /* READ: links point at the related pages on the web, or are plain text
   * when the pages have no address: a relative link means nothing to
   * whoever receives the document. */
  base_url = dup_base_url (publication);
  body_html = byline_render_body (article, base_url);
  body = byline_article_get_body (article);
  tags = byline_article_get_tags (article);
  if (version > 0)
    version_text = g_strdup_printf ("%u", version);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "uri", uri);

  json_builder_set_member_name (builder, "standard");
  json_builder_begin_object (builder);
  add_string (builder, "name", "ninjs");
  add_string (builder, "version", BYLINE_NINJS_STANDARD_VERSION);
  add_string (builder, "schema", BYLINE_NINJS_SCHEMA_URI);
  json_builder_end_object (builder);

  add_string (builder, "type", "text");
  add_string (builder, "representationtype", "full");
  add_string (builder, "version", version_text);
  add_time (builder, "firstcreated", byline_article_get_created (article));
  add_time (builder, "versioncreated", byline_article_get_updated (article));
  add_time (builder, "contentcreated", byline_article_get_created (article));
  add_string (builder, "pubstatus", pubstatus_for (byline_article_get_status (article)));
  add_string (builder, "language", language);
  add_string (builder, "slugline", byline_article_get_slug (article));
  add_text_array (builder, "headlines", "main", byline_article_get_headline (article));
  add_text_array (builder, "descriptions", "summary", byline_article_get_standfirst (article));
  add_string (builder, "by", byline_article_get_byline (article));
  add_string (builder, "located", byline_article_get_dateline (article));
  add_string (builder, "copyrightholder", publication->name);

  if (body_html != NULL && body_html[0] != '\0')
    {
      json_builder_set_member_name (builder, "bodies");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "role", "main");
      add_string (builder, "contenttype", "text/html");
      json_builder_set_member_name (builder, "wordcount");
      json_builder_add_int_value (builder, byline_text_count_words (body, BYLINE_TEXT_MARKDOWN));
      add_string (builder, "value", body_html);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  if (tags != NULL && tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "subjects");
      json_builder_begin_array (builder);
      for (guint i = 0; tags[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "name", tags[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  add_featuremedia (builder, article, base_url);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * byline_ninjs_count_version:
 * @store: the newsroom
 * @article: a stored article
 * @error: return location for a #GError
 *
 * Returns: the version, from 1 on; 0 on error
 */
guint
byline_ninjs_count_version (BylineStore    *store,
                            BylineArticle  *article,
                            GError        **error)
{
  g_autoptr(GPtrArray) revisions = NULL;
  gint64 newest = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (store), 0);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), 0);

  if (byline_article_get_id (article) <= 0)
    return 0;

  revisions = byline_store_list_revisions (store, byline_article_get_id (article), error);
  if (revisions == NULL)
    return 0;

  /* Newest first. */
  if (revisions->len > 0)
    newest = byline_revision_get_created (g_ptr_array_index (revisions, 0));

  /* Two steps per revision, so that the edits saved after one (odd) and
   * the next revision (even) each get a higher number than before. */
  return 2 * revisions->len + (revisions->len == 0 || byline_article_get_updated (article) > newest ? 1 : 0);
}
