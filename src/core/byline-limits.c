/* byline-limits.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-limits"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-limits.h"

/* A tag as a message quotes it: the first 40 characters. */
static char *
dup_quoted_start (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, 40);
  return g_strconcat (start, "…", NULL);
}

/* The characters in @text when they are more than @limit, else 0. */
static glong
count_past (const char *text,
            guint       limit)
{
  glong n_chars;

  /* No more bytes than the limit means no more characters. */
  if (text == NULL || strlen (text) <= limit)
    return 0;

  n_chars = g_utf8_strlen (text, -1);
  return n_chars > limit ? n_chars : 0;
}

/**
 * byline_limits_check_tags:
 * @tags: (array zero-terminated=1): tags, each once
 *
 * Checks @tags against %BYLINE_LIMIT_TAGS and %BYLINE_LIMIT_TAG_CHARS. Call
 * it on tags without duplicates, before byline_article_set_tags().
 *
 * Returns: (transfer full) (nullable): %NULL when they fit, else a sentence
 *   for people saying which limit they are past and what to do
 */
char *
byline_limits_check_tags (const char * const *tags)
{
  guint n_tags;

  g_return_val_if_fail (tags != NULL, NULL);

  n_tags = g_strv_length ((char **) tags);
  if (n_tags > BYLINE_LIMIT_TAGS)
    return g_strdup_printf (_("it has %u different tags, more than the %u an article may have. "
                              "Keep the ones readers look for."),
                            n_tags, BYLINE_LIMIT_TAGS);

  for (guint i = 0; i < n_tags; i++)
    {
      glong n_chars = g_utf8_strlen (tags[i], -1);

      if (n_chars > BYLINE_LIMIT_TAG_CHARS)
        {
          g_autofree char *quoted = dup_quoted_start (tags[i]);

          return g_strdup_printf (_("the tag “%s” has %ld characters, more than the %u a tag may have. "
                                    "Shorten it."),
                                  quoted, n_chars, BYLINE_LIMIT_TAG_CHARS);
        }
    }

  return NULL;
}

/**
 * byline_limits_check_article:
 * @article: an article
 *
 * Checks every field of @article against the limits in byline-limits.h.
 *
 * Returns: (transfer full) (nullable): %NULL when the article fits, else a
 *   sentence for people naming the first field past its limit and what to do
 */
char *
byline_limits_check_article (BylineArticle *article)
{
  const char *body;
  gsize body_size;
  guint n_pins;
  glong n;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

#define CHECK(getter, limit, message) \
  if ((n = count_past (getter (article), limit)) > 0) \
    return g_strdup_printf (message, n, limit)

  CHECK (byline_article_get_headline, BYLINE_LIMIT_HEADLINE_CHARS,
         _("the headline has %ld characters, more than the %u a headline may have. Shorten it."));
  CHECK (byline_article_get_standfirst, BYLINE_LIMIT_TEXT_CHARS,
         _("the standfirst has %ld characters, more than the %u a standfirst may have. Shorten it."));
  CHECK (byline_article_get_caption, BYLINE_LIMIT_TEXT_CHARS,
         _("the photo caption has %ld characters, more than the %u a caption may have. Shorten it."));
  CHECK (byline_article_get_byline, BYLINE_LIMIT_LINE_CHARS,
         _("the byline has %ld characters, more than the %u a byline may have. Shorten it."));
  CHECK (byline_article_get_dateline, BYLINE_LIMIT_LINE_CHARS,
         _("the dateline has %ld characters, more than the %u a dateline may have. Shorten it."));
  CHECK (byline_article_get_credit, BYLINE_LIMIT_LINE_CHARS,
         _("the photo credit has %ld characters, more than the %u a credit may have. Shorten it."));
  CHECK (byline_article_get_section, BYLINE_LIMIT_LINE_CHARS,
         _("the section has %ld characters, more than the %u a section name may have. Shorten it."));
  CHECK (byline_article_get_image_alt, BYLINE_LIMIT_LINE_CHARS,
         _("the image description has %ld characters, more than the %u it may have. Shorten it."));
  CHECK (byline_article_get_language, BYLINE_LIMIT_LINE_CHARS,
         _("the language has %ld characters, more than the %u a language tag may have. Give a tag such as “en” or “pt-BR”."));
  CHECK (byline_article_get_image, BYLINE_LIMIT_IMAGE_CHARS,
         _("the image’s path has %ld characters, more than the %u it may have. Move the image to a shorter path."));

#undef CHECK

  body = byline_article_get_body (article);
  body_size = body != NULL ? strlen (body) : 0;
  if (body_size > BYLINE_LIMIT_BODY_BYTES)
    {
      g_autofree char *actual = g_format_size_full (body_size, G_FORMAT_SIZE_IEC_UNITS);

      return g_strdup_printf (_("the body is %s, more than the %d MiB a body may have. "
                                "Split it into several articles."),
                              actual, BYLINE_LIMIT_BODY_BYTES / (1024 * 1024));
    }

  n_pins = g_list_model_get_n_items (byline_article_get_pins (article));
  if (n_pins > BYLINE_LIMIT_PINS)
    return g_strdup_printf (_("it has %u “READ:” links, more than the %u an article may have. "
                              "Keep the ones that matter most."),
                            n_pins, BYLINE_LIMIT_PINS);

  return byline_limits_check_tags (byline_article_get_tags (article));
}
