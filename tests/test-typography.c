/* test-typography.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-typography.h"

/* @text typed one character at a time into the editor, which asks for each
 * straight quote what to write instead, and leaves quotes in code alone
 * in the body (Markdown). */
static char *
type_text (const char *text,
           const char *language,
           gboolean    markdown)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *quote = NULL;

      if ((*p == '"' || *p == '\'') && !(markdown && byline_typography_in_code (out->str)))
        quote = byline_typography_quote_for (out->str, *p, language);

      if (quote != NULL)
        g_string_append (out, quote);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Straight quotes typed in each language come out as its newspapers set
 * them. */
static void
test_smarten (void)
{
  struct { const char *language; const char *text; const char *expected; } cases[] = {
    { "en", "He said \"yes\" and 'no'.", "He said \u201Cyes\u201D and \u2018no\u2019." },
    { "en-GB", "\"It's late,\" she said.", "\u201CIt\u2019s late,\u201D she said." },
    { "fr", "Il a dit \"oui\" à l'homme.", "Il a dit \u00AB\u202Foui\u202F\u00BB à l\u2019homme." },
    { "fr-CA", "(\"Non\")", "(\u00AB\u202FNon\u202F\u00BB)" },
    { "de", "Er sagte \"ja\" und 'nein'.", "Er sagte \u201Eja\u201C und \u201Anein\u2018." },
    { "de-AT", "\u2014\"Gut\"", "\u2014\u201EGut\u201C" },
    { "ar", "قال \"نعم\" أمس", "قال \u201Dنعم\u201D أمس" },
    /* a language without marks of its own: English ones */
    { "sv", "\"Ja\"", "\u201CJa\u201D" },
    { NULL, "\"Yes\"", "\u201CYes\u201D" },
    /* nothing to do */
    { "en", "No quotes at all.", "No quotes at all." },
    { "en", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *smart = type_text (cases[i].text, cases[i].language, FALSE);

      g_test_message ("%s: %s", cases[i].language, cases[i].text);
      g_assert_cmpstr (smart, ==, cases[i].expected);
    }
}

/* In Markdown, code keeps its straight quotes. */
static void
test_smarten_markdown (void)
{
  struct { const char *text; const char *expected; } cases[] = {
    { "Type `\"q\"` then \"go\".", "Type `\"q\"` then \u201Cgo\u201D." },
    { "Code:\n\n```\nprint(\"hi\")\n```\n\n\"Done\"", "Code:\n\n```\nprint(\"hi\")\n```\n\n\u201CDone\u201D" },
    { "Text\n\n    x = \"raw\"\n", "Text\n\n    x = \"raw\"\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *smart = type_text (cases[i].text, "en", TRUE);

      g_assert_cmpstr (smart, ==, cases[i].expected);
    }
}

/* One keystroke at a time, as the editor asks. */
static void
test_quote_for (void)
{
  struct { const char *before; gunichar typed; const char *language; const char *expected; } cases[] = {
    { "", '"', "en", "\u201C" },
    { "word", '"', "en", "\u201D" },
    { "word.", '"', "en", "\u201D" },
    { "(", '"', "en", "\u201C" },
    { "said ", '"', "fr", "\u00AB\u202F" },
    { "oui", '"', "fr", "\u202F\u00BB" },
    { "sagte ", '"', "de", "\u201E" },
    { "ja", '"', "de", "\u201C" },
    { "قال ", '"', "ar", "\u201D" },
    { "نعم", '"', "ar", "\u201D" },
    { "don", '\'', "en", "\u2019" },
    { "l", '\'', "fr", "\u2019" },
    { " ", '\'', "en", "\u2018" },
    { "a", 'a', "en", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (byline_typography_quote_for (cases[i].before, cases[i].typed, cases[i].language), ==,
                     cases[i].expected);

  g_assert_true (byline_typography_in_code ("Run `ls"));
  g_assert_false (byline_typography_in_code ("Run `ls` now"));
  g_assert_true (byline_typography_in_code ("```\nprint("));
  g_assert_false (byline_typography_in_code ("```\nx\n```\nand "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/typography/smarten", test_smarten);
  g_test_add_func ("/byline/typography/smarten-markdown", test_smarten_markdown);
  g_test_add_func ("/byline/typography/quote-for", test_quote_for);

  return g_test_run ();
}
