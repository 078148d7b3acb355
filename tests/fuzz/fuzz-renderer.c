/* fuzz-renderer.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-renderer"

#include "config.h"

#include "byline-renderer.h"
#include "fuzz-article.h"

/* The published page, as the preview and every export render it, for any
 * article: the page, its body alone, review mode against an earlier text,
 * and a front page listing it. A page is UTF-8 and runs no script of the
 * article's making. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

/* The only script a page holds is the renderer's own JSON-LD block. */
static void
assert_no_script (const char *html)
{
  for (const char *p = strstr (html, "<script"); p != NULL; p = strstr (p + 1, "<script"))
    g_assert_true (g_str_has_prefix (p, "<script type=\"application/ld+json\">"));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *page = NULL;
  g_autofree char *review = NULL;
  g_autofree char *body = NULL;
  g_autofree char *index = NULL;
  BylineRenderOptions options = { NULL, };
  FuzzArticle fuzz;

  fuzz_article_init (&fuzz, data, size);

  options.tz = utc;
  page = byline_render_article (fuzz.article, fuzz.publication, &options);
  g_assert_true (g_utf8_validate (page, -1, NULL));
  assert_no_script (page);

  /* Review mode, as the preview shows it. */
  options.image_src = "";
  options.link_prefix = "";
  options.review_baseline_body = fuzz.fields[FUZZ_BASELINE];
  options.review_baseline_headline = fuzz.fields[FUZZ_STANDFIRST];
  options.review_baseline_standfirst = fuzz.fields[FUZZ_HEADLINE];
  review = byline_render_article (fuzz.article, fuzz.publication, &options);
  g_assert_true (g_utf8_validate (review, -1, NULL));
  assert_no_script (review);

  body = byline_render_body (fuzz.article, fuzz.fields[FUZZ_BASE_URL]);
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_null (strstr (body, "<script"));

  g_ptr_array_add (articles, g_object_ref (fuzz.article));
  g_ptr_array_add (articles, byline_article_copy (fuzz.article));
  memset (&options, 0, sizeof options);
  options.tz = utc;
  options.home_href = fuzz.fields[FUZZ_IMAGE];
  index = byline_render_index (articles, fuzz.publication, &options);
  g_assert_true (g_utf8_validate (index, -1, NULL));
  assert_no_script (index);

  fuzz_article_clear (&fuzz);
  return 0;
}
