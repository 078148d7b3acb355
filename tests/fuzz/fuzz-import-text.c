/* fuzz-import-text.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-import-text"

#include "config.h"

#include "byline-importer.h"
#include "fuzz-article.h"

/* Text pasted from a news site, through the plain-text importer: it either
 * makes an article or says why not; either way it returns, and soon. */

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
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = byline_import_plain_text ((const char *) data, size, utc, &error);

  /* One or the other, never both or neither. */
  g_assert_true ((article == NULL) != (error == NULL));
  if (article != NULL)
    {
      const char *headline = byline_article_get_headline (article);

      g_assert_nonnull (headline);
      g_assert_true (g_utf8_validate (headline, -1, NULL));
      g_assert_true (g_utf8_validate (byline_article_get_body (article), -1, NULL));
    }
  else
    g_assert_true (g_utf8_validate (error->message, -1, NULL));

  return 0;
}
