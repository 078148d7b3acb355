/* byline-readability.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-readability"

#include "config.h"

#include <string.h>

#include "byline-readability.h"
#include "byline-text-private.h"

static gboolean
is_vowel (gunichar c)
{
  return strchr ("aeiouy", (int) c) != NULL && c != 0;
}

guint
byline_readability_count_syllables (const char *word)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  guint n = 0;
  gboolean in_vowels = FALSE;
  gsize len;
  const char *w;

  if (word == NULL || !g_utf8_validate (word, -1, NULL))
    return 0;

  /* Letters only, lower case, accents kept apart ("café" reads "caf"). */
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c < 0x80 && g_ascii_isalpha (c))
        g_string_append_c (letters, (char) c);
      else if (g_unichar_isalpha (c))
        g_string_append_c (letters, 'a');
    }

  w = letters->str;
  len = letters->len;
  if (len == 0)
    return 0;

  for (gsize i = 0; i < len; i++)
    {
      gboolean vowel = is_vowel ((gunichar) w[i]);

      /* "y" starting a word is a consonant ("yes"). */
      if (i == 0 && w[i] == 'y')
        vowel = FALSE;
      if (vowel && !in_vowels)
        n++;
      in_vowels = vowel;
    }

  if (n > 1 && len > 2 && w[len - 1] == 'e' && !is_vowel ((gunichar) w[len - 2]))
    {
      /* "make", but "table" keeps its "-ble". */
      if (!(w[len - 2] == 'l' && len > 3 && !is_vowel ((gunichar) w[len - 3])))
        n--;
    }
  else if (n > 1 && len > 3 && w[len - 2] == 'e' && !is_vowel ((gunichar) w[len - 3]))
    {
      char before = w[len - 3];

      if (w[len - 1] == 'd' && before != 't' && before != 'd')
        n--;
      else if (w[len - 1] == 's' && strchr ("sxzgc", before) == NULL &&
               !(before == 'h' && len > 4 && (w[len - 4] == 'c' || w[len - 4] == 's')))
        n--;
    }

  return MAX (n, 1);
}

/* What one walk through the text gathers: the body is parsed once per
 * measure, which runs at each pause in typing. */
typedef struct
{
  GArray   *sentences;  /* BylineTextSentence */
  guint     words;
  gboolean  want_syllables;
  guint     syllables;
} Measure;

static void
measure_word_cb (const BylineTextChar *chars,
                 guint                 first,
                 guint                 end,
                 gpointer              user_data)
{
  Measure *measure = user_data;
  g_autoptr(GString) word = NULL;

  measure->words++;
  if (!measure->want_syllables)
    return;

  word = g_string_new (NULL);
  for (guint i = first; i < end; i++)
    g_string_append_unichar (word, chars[i].c);
  measure->syllables += byline_readability_count_syllables (word->str);
}

static void
measure_piece (const BylineTextChar *chars,
               guint                 n,
               gpointer              user_data)
{
  Measure *measure = user_data;

  _byline_text_scan_sentences (chars, n, measure->sentences);
  _byline_text_scan_words (chars, n, measure_word_cb, measure);
}

static gboolean
is_english (const char *language)
{
  return language != NULL &&
         g_ascii_strncasecmp (language, "en", 2) == 0 &&
         (language[2] == '\0' || language[2] == '-' || language[2] == '_');
}

void
byline_readability_measure (const char        *text,
                            BylineTextFormat   format,
                            const char        *language,
                            BylineReadability *readability)
{
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (BylineTextSentence));
  Measure measure = { sentences, 0, is_english (language), 0 };

  g_return_if_fail (readability != NULL);

  memset (readability, 0, sizeof *readability);

  /* The words and sentences byline_text_count_words() and
   * byline_text_get_sentences() find. */
  _byline_text_foreach_piece (text, format, measure_piece, &measure);
  readability->words = measure.words;
  readability->sentences = sentences->len;
  readability->reading_minutes = byline_text_reading_minutes (readability->words);

  for (guint i = 0; i < sentences->len; i++)
    if (g_array_index (sentences, BylineTextSentence, i).words > BYLINE_READABILITY_LONG_SENTENCE)
      readability->long_sentences++;

  if (readability->sentences > 0)
    readability->words_per_sentence = (double) readability->words / readability->sentences;

  if (measure.want_syllables && readability->words > 0 && readability->sentences > 0)
    {
      readability->syllables = measure.syllables;
      readability->has_reading_ease = TRUE;
      readability->reading_ease = 206.835
                                  - 1.015 * readability->words_per_sentence
                                  - 84.6 * ((double) measure.syllables / readability->words);
    }
}

GArray *
byline_readability_long_sentences (const char       *text,
                                   BylineTextFormat  format,
                                   guint             max_words)
{
  GArray *sentences = byline_text_get_sentences (text, format);

  for (guint i = sentences->len; i > 0; i--)
    if (g_array_index (sentences, BylineTextSentence, i - 1).words <= max_words)
      g_array_remove_index (sentences, i - 1);

  return sentences;
}
