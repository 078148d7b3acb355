/* fuzz-ninjs.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-ninjs"

#include "config.h"

#include <json-glib/json-glib.h>

#include "byline-exporter.h"
#include "fuzz-article.h"

/* The ninjs document for any article is JSON that gives the article's
 * headline back. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  FuzzArticle fuzz;

  fuzz_article_init (&fuzz, data, size);

  json = byline_export_ninjs (fuzz.article, fuzz.publication, NULL);
  g_assert_nonnull (json);

  /* What the store holds is UTF-8 (it refuses anything else); for that,
   * the document must be JSON a receiver can read. */
  if (fuzz_article_is_utf8 (&fuzz))
    {
      JsonObject *root;
      const char *headline = byline_article_get_headline (fuzz.article);

      json_parser_load_from_data (parser, json, -1, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_nonnull (root);
      /* ninjs 2: "headlines": [{ "role": "main", "value": … }] */
      if (*headline != '\0')
        {
          JsonArray *headlines = json_object_get_array_member (root, "headlines");
          JsonObject *main_headline;

          g_assert_nonnull (headlines);
          main_headline = json_array_get_object_element (headlines, 0);
          g_assert_cmpstr (json_object_get_string_member (main_headline, "value"), ==, headline);
        }
      g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "text");
    }

  fuzz_article_clear (&fuzz);
  return 0;
}
