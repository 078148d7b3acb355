/* fuzz-article.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An article made from a fuzzer's bytes, for the targets that take one
 * (the renderer, the ninjs writer). The input is the article's fields in
 * the order below, separated by the ASCII record separator (0x1E); the
 * last field, the body, takes the rest. Tags are separated by commas, pins
 * are "POSITION:HEADLINE" lines. Missing fields are left empty, so any
 * input makes an article. Bytes are passed on as they are, UTF-8 or not:
 * a newsroom file made by hand can hold anything. */

#pragma once

#include <stdlib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-pin.h"
#include "byline-publication.h"

enum
{
  FUZZ_HEADLINE,
  FUZZ_STANDFIRST,
  FUZZ_BYLINE,
  FUZZ_DATELINE,
  FUZZ_CAPTION,
  FUZZ_CREDIT,
  FUZZ_IMAGE,
  FUZZ_IMAGE_ALT,
  FUZZ_SECTION,
  FUZZ_LANGUAGE,
  FUZZ_TAGS,
  FUZZ_PINS,
  FUZZ_STATUS,
  FUZZ_PUBLISHED,
  FUZZ_BASE_URL,
  FUZZ_BASELINE,
  FUZZ_BODY,
  FUZZ_N_FIELDS
};

typedef struct
{
  char              *fields[FUZZ_N_FIELDS];
  BylineArticle     *article;
  BylinePublication *publication;
} FuzzArticle;

static inline void
fuzz_article_clear (FuzzArticle *fuzz)
{
  for (guint i = 0; i < FUZZ_N_FIELDS; i++)
    g_clear_pointer (&fuzz->fields[i], g_free);
  g_clear_object (&fuzz->article);
  g_clear_pointer (&fuzz->publication, byline_publication_free);
}

static inline gboolean
fuzz_article_is_utf8 (FuzzArticle *fuzz)
{
  for (guint i = 0; i < FUZZ_N_FIELDS; i++)
    if (!g_utf8_validate (fuzz->fields[i], -1, NULL))
      return FALSE;

  return TRUE;
}

static inline void
fuzz_article_init (FuzzArticle  *fuzz,
                   const guint8 *data,
                   gsize         size)
{
  const char *p = (const char *) data;
  const char *end = p + size;
  BylineStatus status = BYLINE_STATUS_DRAFT;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) pins = NULL;

  memset (fuzz, 0, sizeof *fuzz);

  for (guint i = 0; i < FUZZ_N_FIELDS; i++)
    {
      const char *sep = i + 1 < FUZZ_N_FIELDS ? memchr (p, 0x1E, end - p) : NULL;
      const char *stop = sep != NULL ? sep : end;

      /* GObject strings end at the first nul, as they would coming out
       * of SQLite through the store. */
      fuzz->fields[i] = g_strndup (p, stop - p);
      p = sep != NULL ? sep + 1 : end;
    }

  fuzz->article = byline_article_new ();
  byline_article_set_headline (fuzz->article, fuzz->fields[FUZZ_HEADLINE]);
  byline_article_set_standfirst (fuzz->article, fuzz->fields[FUZZ_STANDFIRST]);
  byline_article_set_byline (fuzz->article, fuzz->fields[FUZZ_BYLINE]);
  byline_article_set_dateline (fuzz->article, fuzz->fields[FUZZ_DATELINE]);
  byline_article_set_caption (fuzz->article, fuzz->fields[FUZZ_CAPTION]);
  byline_article_set_credit (fuzz->article, fuzz->fields[FUZZ_CREDIT]);
  byline_article_set_image (fuzz->article, fuzz->fields[FUZZ_IMAGE]);
  byline_article_set_image_alt (fuzz->article, fuzz->fields[FUZZ_IMAGE_ALT]);
  byline_article_set_section (fuzz->article, fuzz->fields[FUZZ_SECTION]);
  byline_article_set_language (fuzz->article, fuzz->fields[FUZZ_LANGUAGE]);
  byline_article_set_body (fuzz->article, fuzz->fields[FUZZ_BODY]);

  tags = g_strsplit (fuzz->fields[FUZZ_TAGS], ",", 300);
  byline_article_set_tags (fuzz->article, (const char * const *) tags);

  pins = g_strsplit (fuzz->fields[FUZZ_PINS], "\n", 600);
  for (guint i = 0; pins[i] != NULL; i++)
    {
      char *colon = strchr (pins[i], ':');
      BylinePin *pin;

      if (colon == NULL)
        continue;
      *colon = '\0';
      pin = byline_pin_new ((guint) g_ascii_strtoull (pins[i], NULL, 10) % 1000,
                            i % 3 == 0 ? (gint64) i + 1 : 0,
                            colon + 1);
      /* A resolved pin links to a page name (from the store, a slug). */
      if (i % 3 == 0)
        byline_pin_set_page_name (pin, colon + 1);
      byline_pin_set_related_spiked (pin, i % 6 == 3);
      byline_article_add_pin (fuzz->article, pin);
    }

  if (byline_status_from_string (fuzz->fields[FUZZ_STATUS], &status))
    byline_article_set_status (fuzz->article, status);
  byline_article_set_published (fuzz->article,
                                g_ascii_strtoll (fuzz->fields[FUZZ_PUBLISHED], NULL, 10));
  byline_article_set_id (fuzz->article, 42);
  byline_article_set_created (fuzz->article, 1677834300);
  byline_article_set_updated (fuzz->article, 1677842400);

  fuzz->publication = byline_publication_new ();
  byline_publication_set (fuzz->publication, "The Byline Courier", "Fuzzed daily",
                          fuzz->fields[FUZZ_BASE_URL]);
}

/* GLib's criticals and warnings are bugs here: make them crashes the
 * fuzzer reports. */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
}
