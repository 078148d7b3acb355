/* byline-page-words.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words a published page prints itself, in the page's language. */
typedef struct
{
  const char *language;        /* the primary language subtag, "fr" */
  const char *by;              /* before the byline: "By" */
  const char *read;            /* before a related article's headline: "READ:" */
  const char *latest;          /* the front page's heading: "Latest" */
  const char *nothing_yet;     /* a front page without articles */
  const char *untitled;        /* an article without a headline */
  const char *months[12];      /* as they read inside a date */
  const char *first_day;       /* the 1st of a month where it differs: "1er" */
  /* The date line, with {day}, {month}, {year}, {hour} (0-23), {hour12}
   * (1-12), {minute} (two digits) and {ampm} standing for its parts. */
  const char *date_format;
  const char *am;
  const char *pm;
} BylinePageWords;

/* The words for @language (a BCP 47 tag; "fr-CA" uses "fr"), English
 * when Byline has none for it. Never NULL. */
const BylinePageWords *byline_page_words_for (const char *language);

/* Whether @language has its own words, not English's. */
gboolean               byline_page_words_has (const char *language);

G_END_DECLS
