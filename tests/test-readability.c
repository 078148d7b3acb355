/* test-readability.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-readability.h"

#define PASSAGE \
  "The cat sat on the mat. The dog ran to the park and played all day. " \
  "Municipal authorities announced comprehensive infrastructure plans yesterday."

static void
test_syllables (void)
{
  static const struct {
    const char *word;
    guint       syllables;
  } cases[] = {
    { "cat", 1 }, { "played", 1 }, { "make", 1 }, { "table", 2 }, { "walked", 1 },
    { "wanted", 2 }, { "makes", 1 }, { "boxes", 2 }, { "yes", 1 }, { "municipal", 4 },
    { "authorities", 4 }, { "announced", 2 }, { "comprehensive", 4 },
    { "infrastructure", 4 }, { "yesterday", 3 }, { "the", 1 },
    { "2026", 0 }, { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].word);
      g_assert_cmpuint (byline_readability_count_syllables (cases[i].word), ==, cases[i].syllables);
    }
}

/* Worked by hand: 23 words, 3 sentences, 38 syllables;
 * 206.835 − 1.015 × 23/3 − 84.6 × 38/23 = 59.279. */
static void
test_known_passage (void)
{
  BylineReadability r;

  byline_readability_measure (PASSAGE, BYLINE_TEXT_PLAIN, "en-GB", &r);
  g_assert_cmpuint (r.words, ==, 23);
  g_assert_cmpuint (r.sentences, ==, 3);
  g_assert_cmpuint (r.syllables, ==, 38);
  g_assert_cmpuint (r.reading_minutes, ==, 1);
  g_assert_cmpuint (r.long_sentences, ==, 0);
  g_assert_cmpfloat_with_epsilon (r.words_per_sentence, 23.0 / 3.0, 1e-9);
  g_assert_true (r.has_reading_ease);
  g_assert_cmpfloat_with_epsilon (r.reading_ease, 59.2794, 1e-3);

  /* Simple words, short sentences: 16 words of one syllable in two. */
  byline_readability_measure ("The cat sat on the mat. The dog ran to the park and played all day.",
                              BYLINE_TEXT_MARKDOWN, "en", &r);
  g_assert_cmpfloat_with_epsilon (r.reading_ease, 114.115, 1e-6);

  /* Not English: counts, no Flesch score. */
  byline_readability_measure ("Le chat dort. Le chien court.", BYLINE_TEXT_PLAIN, "fr", &r);
  g_assert_cmpuint (r.words, ==, 6);
  g_assert_cmpuint (r.sentences, ==, 2);
  g_assert_false (r.has_reading_ease);

  /* Nothing to read. */
  byline_readability_measure (NULL, BYLINE_TEXT_MARKDOWN, "en", &r);
  g_assert_cmpuint (r.words, ==, 0);
  g_assert_false (r.has_reading_ease);
  g_assert_cmpfloat (r.words_per_sentence, ==, 0);
}

static void
test_sentences (void)
{
  g_autoptr(GArray) sentences = NULL;
  const BylineTextSentence *s;

  sentences = byline_text_get_sentences ("Mr. Smith went home. He slept!", BYLINE_TEXT_PLAIN);
  g_assert_cmpuint (sentences->len, ==, 2);
  s = &g_array_index (sentences, BylineTextSentence, 0);
  g_assert_cmpuint (s->start, ==, 0);
  g_assert_cmpuint (s->end, ==, 20);
  g_assert_cmpuint (s->words, ==, 4);
  s = &g_array_index (sentences, BylineTextSentence, 1);
  g_assert_cmpuint (s->start, ==, 21);
  g_assert_cmpuint (s->end, ==, 30);
  g_assert_cmpuint (s->words, ==, 2);
  g_clear_pointer (&sentences, g_array_unref);

  /* Positions in the Markdown: a heading is a sentence, code is read. */
  sentences = byline_text_get_sentences ("# Title\n\nOne two `code` three.", BYLINE_TEXT_MARKDOWN);
  g_assert_cmpuint (sentences->len, ==, 2);
  s = &g_array_index (sentences, BylineTextSentence, 0);
  g_assert_cmpuint (s->start, ==, 2);
  g_assert_cmpuint (s->end, ==, 7);
  s = &g_array_index (sentences, BylineTextSentence, 1);
  g_assert_cmpuint (s->start, ==, 9);
  g_assert_cmpuint (s->end, ==, 30);
  g_assert_cmpuint (s->words, ==, 4);
  g_assert_cmpuint (byline_text_count_sentences ("# Title\n\nOne two `code` three.", BYLINE_TEXT_MARKDOWN), ==, 2);
}

static void
test_long_sentences (void)
{
  g_autoptr(GString) body = g_string_new ("A short one. ");
  g_autoptr(GArray) long_ones = NULL;
  BylineReadability r;
  guint start;

  start = body->len;
  for (guint i = 0; i < 30; i++)
    g_string_append (body, i == 0 ? "Word" : " word");
  g_string_append (body, ". Then another short one.");

  long_ones = byline_readability_long_sentences (body->str, BYLINE_TEXT_MARKDOWN, BYLINE_READABILITY_LONG_SENTENCE);
  g_assert_cmpuint (long_ones->len, ==, 1);
  g_assert_cmpuint (g_array_index (long_ones, BylineTextSentence, 0).start, ==, start);
  g_assert_cmpuint (g_array_index (long_ones, BylineTextSentence, 0).end, ==, start + 4 + 29 * 5 + 1);
  g_assert_cmpuint (g_array_index (long_ones, BylineTextSentence, 0).words, ==, 30);

  byline_readability_measure (body->str, BYLINE_TEXT_MARKDOWN, "en", &r);
  g_assert_cmpuint (r.long_sentences, ==, 1);
  g_assert_cmpuint (r.sentences, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/readability/syllables", test_syllables);
  g_test_add_func ("/byline/readability/known-passage", test_known_passage);
  g_test_add_func ("/byline/readability/sentences", test_sentences);
  g_test_add_func ("/byline/readability/long-sentences", test_long_sentences);

  return g_test_run ();
}
