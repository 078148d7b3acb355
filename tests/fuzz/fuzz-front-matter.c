/* fuzz-front-matter.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-front-matter"

#include "config.h"

#include "byline-front-matter.h"
#include "byline-importer.h"
#include "fuzz-article.h"

/* YAML front matter, read on its own with byline-front-matter.h and as the
 * start of a Markdown file through the importer. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static void
read_every_key (BylineFrontMatter *front_matter)
{
  const char * const *keys = byline_front_matter_get_keys (front_matter);

  g_assert_nonnull (keys);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_auto(GStrv) items = byline_front_matter_dup_items (front_matter, keys[i]);

      g_assert_true (g_utf8_validate (keys[i], -1, NULL));
      g_assert_cmpuint (byline_front_matter_get_line (front_matter, keys[i]), >=, 1);

      switch (byline_front_matter_get_value_type (front_matter, keys[i]))
        {
        case BYLINE_FRONT_MATTER_STRING:
          g_assert_nonnull (byline_front_matter_get_string (front_matter, keys[i]));
          break;

        case BYLINE_FRONT_MATTER_LIST:
          g_assert_nonnull (byline_front_matter_get_list (front_matter, keys[i]));
          break;

        case BYLINE_FRONT_MATTER_OTHER:
          break;

        case BYLINE_FRONT_MATTER_NONE:
        default:
          g_assert_not_reached ();
        }

      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        g_assert_true (g_utf8_validate (items[j], -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(BylineFrontMatter) front_matter = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* The importer hands over valid UTF-8 only. */
  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      front_matter = byline_front_matter_parse ((const char *) data, size, 2, &error);
      g_assert_true ((front_matter == NULL) != (error == NULL));
      if (front_matter != NULL)
        read_every_key (front_matter);
      g_clear_error (&error);
    }

  article = byline_import_markdown ((const char *) data, size, utc, &error);
  g_assert_true ((article == NULL) != (error == NULL));
  if (article != NULL)
    g_assert_true (g_utf8_validate (byline_article_get_headline (article), -1, NULL));

  return 0;
}
