/* test-spell.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-check.h"
#include "byline-language.h"
#include "byline-spell.h"
#include "byline-test-util.h"

#define PLAIN    BYLINE_TEXT_PLAIN
#define MARKDOWN BYLINE_TEXT_MARKDOWN

/* The misspelled words of @text as the user sees them underlined, joined
 * by "|". */
static char *
misspelled (BylineSpellChecker *checker,
            const char         *text,
            BylineTextFormat    format)
{
  g_autoptr(GArray) ranges = byline_spell_checker_check_text (checker, text, format);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ranges->len; i++)
    {
      const BylineSpellRange *r = &g_array_index (ranges, BylineSpellRange, i);
      const char *start = g_utf8_offset_to_pointer (text, r->start);
      const char *end = g_utf8_offset_to_pointer (text, r->end);

      g_ptr_array_add (words, g_strndup (start, end - start));
    }
  g_ptr_array_add (words, NULL);

  return g_strjoinv ("|", (char **) words->pdata);
}

static BylineSpellChecker *
checker_or_skip (const char *language)
{
  g_autoptr(GError) error = NULL;
  BylineSpellChecker *checker = byline_spell_checker_new (language, &error);

  if (checker == NULL)
    {
      /* .ci/setup installs them; a machine without them cannot run this. */
      byline_test_skip_missing (error->message);
      return NULL;
    }

  return checker;
}

static const struct {
  const char       *language;
  const char       *text;
  BylineTextFormat  format;
  const char       *expected;
} cases[] = {
  /* English: right words pass, wrong ones are found, in order. */
  { "en", "The council voted on Tuesday to close the harbour road.", PLAIN, "harbour" },
  { "en-GB", "The council voted on Tuesday to close the harbour road.", PLAIN, "" },
  { "en", "The councl votted on Tuesday.", PLAIN, "councl|votted" },
  { "en", "The e-mail didn't arrive at 3.5 p.m., the mayor’s office said.", PLAIN, "" },
  { "en", "A state-of-the-art plan, a state-of-teh-art plan.", PLAIN, "state-of-teh-art" },
  { "en", "NATO and the BBC met on COVID-19 and 24/7 news.", PLAIN, "" },
  /* French. */
  { "fr", "Le conseil municipal a voté mardi soir la fermeture du port.", PLAIN, "" },
  { "fr", "Le conseill municipal a votté mardi.", PLAIN, "conseill|votté" },
  { "fr", "L’équipe n’a pas joué aujourd’hui.", PLAIN, "" },
  /* German. */
  { "de", "Der Stadtrat hat am Dienstag die Schließung beschlossen.", PLAIN, "" },
  { "de", "Der Stadtratt hat am Dienstag beschlosen.", PLAIN, "Stadtratt|beschlosen" },
  /* Arabic, written right to left: offsets are still in logical order. */
  { "ar", "ذهب الولد إلى المدرسة صباحا", PLAIN, "" },
  { "ar", "ذهب الولد إلى المدرسةةة", PLAIN, "المدرسةةة" },
  /* A name in Latin letters is another language's: not the Arabic dictionary's to judge. */
  { "ar", "وذكرت وكالة Reuters أن المدرسةةة مغلقة", PLAIN, "المدرسةةة" },
  /* Markdown: its syntax, addresses and code are never checked. */
  { "en",
    "# The councl report\n\n"
    "Read **the report** at https://exmple.org/qwxz or www.qwxz-zzt.org, "
    "write to desk@exmple.org, run `frobnicte --xyzzy` and see "
    "[the mnutes](https://zzqx.example/qqqq \"Titl\").\n\n"
    "```\nqwertzz asdfgh\n```\n\n"
    "    zxcvbq indented\n\n"
    "<div class=\"qqqx\">raw html</div>\n\n"
    "- a lst item\n",
    MARKDOWN, "councl|mnutes|lst" },
};

static void
test_known_texts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineSpellChecker) checker = NULL;
      g_autofree char *found = NULL;

      checker = checker_or_skip (cases[i].language);
      if (checker == NULL)
        return;

      found = misspelled (checker, cases[i].text, cases[i].format);
      g_test_message ("%s: %s", cases[i].language, cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

static void
test_ranges (void)
{
  g_autoptr(BylineSpellChecker) checker = checker_or_skip ("en");
  g_autoptr(GArray) ranges = NULL;
  const char *body = "« **the councl** »\n\n`x` wrold";
  const BylineSpellRange *r;

  if (checker == NULL)
    return;

  /* Character offsets in the Markdown, as the editor's buffer counts. */
  ranges = byline_spell_checker_check_text (checker, body, MARKDOWN);
  g_assert_cmpuint (ranges->len, ==, 2);
  r = &g_array_index (ranges, BylineSpellRange, 0);
  g_assert_cmpuint (r->start, ==, 8);
  g_assert_cmpuint (r->end, ==, 14);
  r = &g_array_index (ranges, BylineSpellRange, 1);
  g_assert_cmpuint (r->start, ==, 24);
  g_assert_cmpuint (r->end, ==, 29);
}

static void
test_suggestions (void)
{
  g_autoptr(BylineSpellChecker) en = checker_or_skip ("en");
  g_autoptr(BylineSpellChecker) fr = NULL;
  g_auto(GStrv) suggestions = NULL;

  if (en == NULL)
    return;

  suggestions = byline_spell_checker_suggest (en, "councl", 5);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "council"));
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);
  g_clear_pointer (&suggestions, g_strfreev);

  fr = checker_or_skip ("fr");
  if (fr == NULL)
    return;
  suggestions = byline_spell_checker_suggest (fr, "conseill", 5);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "conseil"));
}

static void
test_newsroom_words (void)
{
  g_autoptr(BylineSpellChecker) checker = checker_or_skip ("en");
  const char * const names[] = { "Zelenskyy", "Kyiv", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *text = "Zelenskyy spoke in Kyiv. Kyiv’s mayor and Odesa's listened.";

  if (checker == NULL)
    return;

  before = misspelled (checker, text, PLAIN);
  g_assert_cmpstr (before, ==, "Zelenskyy|Kyiv|Kyiv’s|Odesa's");

  /* A newsroom word's possessive is right too; another name's is not. */
  byline_spell_checker_add_words (checker, names);
  after = misspelled (checker, text, PLAIN);
  g_assert_cmpstr (after, ==, "Odesa's");
}

static void
test_steps (void)
{
  g_autoptr(BylineSpellChecker) checker = checker_or_skip ("en");
  g_autoptr(BylineSpellScan) scan = NULL;
  g_autoptr(GArray) stepped = g_array_new (FALSE, FALSE, sizeof (BylineSpellRange));
  g_autoptr(GArray) whole = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint steps = 0;

  if (checker == NULL)
    return;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (body, "Paragraph %u has a wrod and *the* councl.\n\n", i);

  scan = byline_spell_scan_new (body->str, MARKDOWN);
  g_assert_cmpuint (byline_spell_scan_get_n_words (scan), ==, 200 * 8);
  while (byline_spell_scan_step (scan, checker, 50, stepped))
    steps++;
  g_assert_cmpuint (steps, ==, 200 * 8 / 50 - 1);

  whole = byline_spell_checker_check_text (checker, body->str, MARKDOWN);
  g_assert_cmpuint (stepped->len, ==, 400);
  g_assert_cmpuint (whole->len, ==, stepped->len);
  g_assert_cmpmem (whole->data, whole->len * sizeof (BylineSpellRange),
                   stepped->data, stepped->len * sizeof (BylineSpellRange));
}

static void
test_word_at (void)
{
  BylineSpellRange range;

  g_assert_true (byline_spell_word_at ("The **councl** met", MARKDOWN, 8, &range));
  g_assert_cmpuint (range.start, ==, 6);
  g_assert_cmpuint (range.end, ==, 12);
  g_assert_false (byline_spell_word_at ("The **councl** met", MARKDOWN, 4, &range));
}

static void
test_no_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSpellChecker) checker = byline_spell_checker_new ("xq-ZZ", &error);

  g_assert_null (checker);
  g_assert_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_NO_DICTIONARY);
  g_assert_nonnull (strstr (error->message, "xq-ZZ"));
}

static void
test_bad_input (void)
{
  g_autoptr(BylineSpellChecker) checker = checker_or_skip ("en");
  g_autoptr(GArray) ranges = NULL;

  if (checker == NULL)
    return;

  /* Not UTF-8, NULL: nothing crashes, nothing is made up. */
  ranges = byline_spell_checker_check_text (checker, "caf\xe9 \xff\xfe wrold", PLAIN);
  g_assert_cmpuint (ranges->len, >=, 1);
  g_clear_pointer (&ranges, g_array_unref);
  ranges = byline_spell_checker_check_text (checker, NULL, MARKDOWN);
  g_assert_cmpuint (ranges->len, ==, 0);
  g_assert_true (byline_spell_checker_check_word (checker, "\xff", -1));
}

/* The dictionary follows the language module's one rule: a malformed
 * article language falls back to the publication's, as the page does. */
static void
test_pick_language (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autofree char *language = NULL;
  g_autoptr(GError) error = NULL;

  language = byline_language_dup_effective ("not a tag!", "fr");
  g_assert_cmpstr (language, ==, "fr");
  checker = byline_spell_checker_new (language, &error);
  if (checker == NULL)
    {
      byline_test_skip_missing ("no French dictionary installed");
      return;
    }
  g_assert_true (g_str_has_prefix (byline_spell_checker_get_dictionary (checker), "fr"));
}

/* The pre-publish check names each misspelled word with its line and
 * keeps where it is, in characters, after characters of several bytes
 * and on lines further down. */
static void
test_check_problems (void)
{
  g_autoptr(BylineSpellChecker) checker = checker_or_skip ("en");
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  const char *body = "Owners — “all of them” — met the councl.\n"
                     "\n"
                     "The plann was droped on Tuesday.";

  if (checker == NULL)
    return;

  article = byline_article_new ();
  byline_article_set_headline (article, "Council mets");
  byline_article_set_byline (article, "Ada Reporter");
  byline_article_set_body (article, body);
  problems = byline_check_article (article, NULL, NULL, checker);

  for (guint i = 0; i < problems->len; i++)
    {
      BylineCheckProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (found, "%s %d-%d %s\n", problem->field, problem->start, problem->end,
                              problem->detail);
    }
  g_assert_cmpstr (found->str, ==,
                   "headline 8-12 “mets” is not in the dictionary.\n"
                   "body 33-39 “councl” (line 1) is not in the dictionary.\n"
                   "body 46-51 “plann” (line 3) is not in the dictionary.\n"
                   "body 56-62 “droped” (line 3) is not in the dictionary.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/spell/known-texts", test_known_texts);
  g_test_add_func ("/byline/spell/ranges", test_ranges);
  g_test_add_func ("/byline/spell/suggestions", test_suggestions);
  g_test_add_func ("/byline/spell/newsroom-words", test_newsroom_words);
  g_test_add_func ("/byline/spell/steps", test_steps);
  g_test_add_func ("/byline/spell/word-at", test_word_at);
  g_test_add_func ("/byline/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/byline/spell/bad-input", test_bad_input);
  g_test_add_func ("/byline/spell/pick-language", test_pick_language);
  g_test_add_func ("/byline/spell/check-problems", test_check_problems);

  return g_test_run ();
}
