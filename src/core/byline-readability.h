/* byline-readability.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-text.h"

G_BEGIN_DECLS

/* How hard a text is to read, for the editor's status line and the
 * pre-publish check. Words and sentences are the text module's
 * (byline-text.h), so every count agrees with the status line's.
 *
 * Flesch reading ease, for English only (its weights were fitted on
 * English): 206.835 − 1.015 × words per sentence − 84.6 × syllables per
 * word; 60–70 is plain English, below 30 is hard going. Syllables are
 * counted by rule, not by dictionary: each run of vowels ("a", "e", "i",
 * "o", "u", "y") in a word is one, less a silent final "e" ("make"), less
 * the "e" of a final "ed" or "es" that makes no syllable ("walked",
 * "makes"; not "wanted", "boxes"); every word has at least one. */

/* A sentence longer than this many words is worth a second look. */
#define BYLINE_READABILITY_LONG_SENTENCE 25

typedef struct
{
  guint    words;
  guint    sentences;
  guint    syllables;          /* counted only for English */
  guint    reading_minutes;    /* as byline_text_reading_minutes() */
  guint    long_sentences;     /* over BYLINE_READABILITY_LONG_SENTENCE words */
  double   words_per_sentence; /* 0 without sentences */
  gboolean has_reading_ease;   /* English, with words */
  double   reading_ease;
} BylineReadability;

/* @language: the article's (BCP 47), for whether Flesch applies. */
void    byline_readability_measure            (const char        *text,
                                               BylineTextFormat   format,
                                               const char        *language,
                                               BylineReadability *readability);
/* The syllables of one English word, by the rule above. */
guint   byline_readability_count_syllables    (const char        *word);
/* The sentences of @text over @max_words words.
 * Returns: (transfer full) (element-type BylineTextSentence) */
GArray *byline_readability_long_sentences     (const char        *text,
                                               BylineTextFormat   format,
                                               guint              max_words);

G_END_DECLS
