/* byline-json-ld.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-json-ld"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "byline-json-ld.h"

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* schema.org NewsArticle. "<", ">" and "&" can only occur inside JSON strings;
 * writing them as \uXXXX keeps "</script>" or "<!--" in a headline from ending
 * or confusing the <script> element, and the JSON means the same. */
char *
byline_json_ld_build (const BylineJsonLd *ld)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GString *escaped;

  json_builder_begin_object (builder);
  add_string_member (builder, "@context", "https://schema.org");
  add_string_member (builder, "@type", "NewsArticle");
  add_string_member (builder, "headline", ld->headline);
  add_string_member (builder, "description", ld->description);
  add_string_member (builder, "datePublished", ld->published_iso);
  add_string_member (builder, "dateModified", ld->modified_iso);

  if (ld->authors != NULL && ld->authors[0] != NULL)
    {
      json_builder_set_member_name (builder, "author");
      json_builder_begin_array (builder);
      for (guint i = 0; ld->authors[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string_member (builder, "@type", "Person");
          add_string_member (builder, "name", ld->authors[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "publisher");
  json_builder_begin_object (builder);
  add_string_member (builder, "@type", "Organization");
  add_string_member (builder, "name", ld->publisher);
  add_string_member (builder, "url", ld->publisher_url);
  json_builder_end_object (builder);

  add_string_member (builder, "image", ld->image);
  add_string_member (builder, "url", ld->url);
  add_string_member (builder, "mainEntityOfPage", ld->url);

  if (ld->tags != NULL && ld->tags[0] != NULL)
    {
      g_autofree char *keywords = g_strjoinv (", ", (char **) ld->tags);

      add_string_member (builder, "keywords", keywords);
    }

  add_string_member (builder, "articleSection", ld->section);
  add_string_member (builder, "inLanguage", ld->language);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  escaped = g_string_sized_new (strlen (json));
  for (const char *p = json; *p; p++)
    {
      if (*p == '<')
        g_string_append (escaped, "\\u003c");
      else if (*p == '>')
        g_string_append (escaped, "\\u003e");
      else if (*p == '&')
        g_string_append (escaped, "\\u0026");
      else
        g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}
