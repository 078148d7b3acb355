/* test-front-matter.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-front-matter"

#include "config.h"

#include <string.h>

#include "byline-front-matter.h"

/* The YAML as it stands between the "---" lines of a file, whose line 2 is
 * the YAML's first line. */
static BylineFrontMatter *
parse (const char *yaml)
{
  g_autoptr(GError) error = NULL;
  BylineFrontMatter *front_matter;

  front_matter = byline_front_matter_parse (yaml, -1, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (front_matter);

  return front_matter;
}

static void
assert_string (BylineFrontMatter *front_matter,
               const char        *key,
               const char        *expected)
{
  g_assert_cmpint (byline_front_matter_get_value_type (front_matter, key), ==, BYLINE_FRONT_MATTER_STRING);
  g_assert_cmpstr (byline_front_matter_get_string (front_matter, key), ==, expected);
  g_assert_null (byline_front_matter_get_list (front_matter, key));
}

static void
assert_items (BylineFrontMatter  *front_matter,
              const char         *key,
              const char * const *expected)
{
  g_auto(GStrv) items = byline_front_matter_dup_items (front_matter, key);

  g_assert_cmpstrv (items, expected);
}

static void
test_comments (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;
  const char * const keys[] = { "headline", "section", "credit", NULL };

  front_matter = parse ("# The desk's template\n"
                        "headline: Harbour reopens # a comment\n"
                        "   # an indented comment\n"
                        "section: News#1\n"
                        "credit: \"Quay # 4\"  # the quote keeps its hash\n");

  assert_string (front_matter, "headline", "Harbour reopens");
  /* A hash inside a word is text. */
  assert_string (front_matter, "section", "News#1");
  assert_string (front_matter, "credit", "Quay # 4");
  g_assert_cmpstrv (byline_front_matter_get_keys (front_matter), keys);
}

static void
test_quoting (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;

  front_matter = parse ("single: 'It''s \"quoted\", isn''t it'\n"
                        "double: \"A \\\"quoted\\\" word, a back\\\\slash\"\n"
                        "colon: 'Pier: closed'\n"
                        "folded: \"one\n"
                        "  two\"\n");

  assert_string (front_matter, "single", "It's \"quoted\", isn't it");
  assert_string (front_matter, "double", "A \"quoted\" word, a back\\slash");
  assert_string (front_matter, "colon", "Pier: closed");
  /* A line break in a quoted value is a space. */
  assert_string (front_matter, "folded", "one two");
}

static void
test_escapes (void)
{
  static const struct {
    const char *yaml;
    const char *expected;
  } cases[] = {
    { "v: \"\\U0001F600\"\n", "\xF0\x9F\x98\x80" },
    { "v: \"Caf\\u00e9\"\n", "Caf\xC3\xA9" },
    { "v: \"\\x41\\x42\"\n", "AB" },
    { "v: \"tab\\there\"\n", "tab\there" },
    { "v: \"line\\nbreak\"\n", "line\nbreak" },
    { "v: \"no\\_break\"\n", "no\xC2\xA0" "break" },
    { "v: \"\\/\\\\\\\"\"\n", "/\\\"" },
    /* Single quotes have no escapes. */
    { "v: '\\u00e9'\n", "\\u00e9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineFrontMatter) front_matter = parse (cases[i].yaml);

      g_test_message ("%s", cases[i].yaml);
      assert_string (front_matter, "v", cases[i].expected);
    }
}

static void
test_lists (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;
  const char * const expected[] = { "coast, north", "harbour", NULL };
  const char * const plain[] = { "sport", "rowing", "harbour", NULL };
  const char * const one[] = { "coast, north", NULL };

  front_matter = parse ("flow: [\"coast, north\", harbour]  # topics\n"
                        "block:\n"
                        "  - 'coast, north'   # the quote keeps its comma\n"
                        "  # - dropped\n"
                        "  - harbour\n"
                        "flush:\n"
                        "- \"coast, north\"\n"
                        "- harbour\n"
                        "lines: [\"coast, north\",\n"
                        "        harbour]\n"
                        "plain: sport, rowing,, harbour\n"
                        "quoted: \"coast, north\"\n"
                        "empty: []\n");

  g_assert_cmpint (byline_front_matter_get_value_type (front_matter, "flow"), ==, BYLINE_FRONT_MATTER_LIST);
  g_assert_cmpstrv (byline_front_matter_get_list (front_matter, "flow"), expected);
  g_assert_null (byline_front_matter_get_string (front_matter, "flow"));
  g_assert_cmpstrv (byline_front_matter_get_list (front_matter, "block"), expected);
  g_assert_cmpstrv (byline_front_matter_get_list (front_matter, "flush"), expected);
  g_assert_cmpstrv (byline_front_matter_get_list (front_matter, "lines"), expected);

  /* As items: a list is its items; a plain value is split at its commas;
   * a quoted one is one item. */
  assert_items (front_matter, "flow", expected);
  assert_items (front_matter, "plain", plain);
  assert_items (front_matter, "quoted", one);
  assert_items (front_matter, "empty", (const char * const []) { NULL });
  g_assert_null (byline_front_matter_dup_items (front_matter, "missing"));
}

static void
test_block_scalars (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;

  front_matter = parse ("literal: |\n"
                        "  Line one\n"
                        "  line two\n"
                        "folded: >\n"
                        "  The harbour reopens\n"
                        "  on Monday.\n"
                        "\n"
                        "  A second paragraph.\n"
                        "stripped: >- # a comment after the indicator\n"
                        "  No final line break\n"
                        "next: after\n");

  assert_string (front_matter, "literal", "Line one\nline two\n");
  assert_string (front_matter, "folded", "The harbour reopens on Monday.\nA second paragraph.\n");
  assert_string (front_matter, "stripped", "No final line break");
  assert_string (front_matter, "next", "after");
}

static void
test_plain_scalars (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;

  front_matter = parse ("published: 2023-03-02T18:30:00+00:00\n"
                        "date: 2023-03-21\n"
                        "spaced: 2023-03-03 09:05:00 +01:00\n"
                        "count: 007\n"
                        "draft: yes\n"
                        "tilde: ~\n"
                        "null_word: null\n"
                        "empty:\n"
                        "quoted_null: \"null\"\n"
                        "multi: one\n"
                        "  two\n");

  /* Dates, numbers and booleans are kept as written: the importer knows
   * what each field means. */
  assert_string (front_matter, "published", "2023-03-02T18:30:00+00:00");
  assert_string (front_matter, "date", "2023-03-21");
  assert_string (front_matter, "spaced", "2023-03-03 09:05:00 +01:00");
  assert_string (front_matter, "count", "007");
  assert_string (front_matter, "draft", "yes");
  /* YAML's "no value" is empty text, unless quoted. */
  assert_string (front_matter, "tilde", "");
  assert_string (front_matter, "null_word", "");
  assert_string (front_matter, "empty", "");
  assert_string (front_matter, "quoted_null", "null");
  assert_string (front_matter, "multi", "one two");
}

static void
test_other_values (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;

  /* Hugo's "params" and the like: kept as a key, contents not read. */
  front_matter = parse ("params:\n"
                        "  layout: wide\n"
                        "nested: [[a, b], c]\n"
                        "base: &base Portvale\n"
                        "copy: *base\n");

  g_assert_cmpint (byline_front_matter_get_value_type (front_matter, "params"), ==, BYLINE_FRONT_MATTER_OTHER);
  g_assert_cmpint (byline_front_matter_get_value_type (front_matter, "nested"), ==, BYLINE_FRONT_MATTER_OTHER);
  g_assert_null (byline_front_matter_get_string (front_matter, "params"));
  g_assert_null (byline_front_matter_dup_items (front_matter, "params"));
  g_assert_cmpint (byline_front_matter_get_value_type (front_matter, "layout"), ==, BYLINE_FRONT_MATTER_NONE);
  /* An alias is the value it names. */
  assert_string (front_matter, "copy", "Portvale");
}

static void
test_lines (void)
{
  g_autoptr(BylineFrontMatter) front_matter = NULL;
  g_autoptr(GError) error = NULL;

  front_matter = parse ("headline: Pier\n"
                        "\n"
                        "tags:\n"
                        "  - a\n"
                        "byline: Jo\n");

  /* Lines of the file, which has the "---" on line 1. */
  g_assert_cmpuint (byline_front_matter_get_line (front_matter, "headline"), ==, 2);
  g_assert_cmpuint (byline_front_matter_get_line (front_matter, "tags"), ==, 4);
  g_assert_cmpuint (byline_front_matter_get_line (front_matter, "byline"), ==, 6);
  g_assert_cmpuint (byline_front_matter_get_line (front_matter, "missing"), ==, 0);
  g_clear_pointer (&front_matter, byline_front_matter_free);

  /* And from wherever the caller says the text starts. */
  front_matter = byline_front_matter_parse ("a: 1\nb: 2\n", -1, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_front_matter_get_line (front_matter, "b"), ==, 11);
}

static void
test_empty (void)
{
  static const char * const texts[] = { "", "\n\n", "# only a comment\n", "---\n", "~\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineFrontMatter) front_matter = parse (texts[i]);

      g_assert_null (byline_front_matter_get_keys (front_matter)[0]);
      g_assert_cmpint (byline_front_matter_get_value_type (front_matter, "headline"), ==, BYLINE_FRONT_MATTER_NONE);
    }
}

/* Invalid YAML: an error that names the line (and column) in the file. */
static void
test_invalid (void)
{
  static const struct {
    const char *yaml;
    int         code;
    const char *starts;   /* the message begins with this */
    const char *contains;
  } cases[] = {
    /* The opening quote's place, not the end of the text. */
    { "headline: Pier\nbyline: \"Jo Hart\ndateline: PORTVALE\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 3, column 9: ", "quoted scalar" },
    { "headline: Pier\nstandfirst: It is\n  open: again\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 4, column 7: ", "mapping values are not allowed" },
    { "headline: Pier: closed\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 2, column 15: ", "mapping values are not allowed" },
    { "headline: Pier\n  byline: Jo\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 3, column ", "mapping values" },
    { "headline: Pier\nthis line has no key\nbyline: Jo\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 3, column 1: ", "could not find expected ':'" },
    { "tags:\n\t- a\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 3, column 1: ", "cannot start any token" },
    { "headline: \"\\q\"\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 2, column ", "unknown escape" },
    { "tags: [a, b\nbyline: Jo\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line ", "flow sequence on line 2, column 7" },
    { "credit: ]]>\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 2, column 9: ", "expected node content" },
    { "copy: *nowhere\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 2, column 7: ", "undefined alias" },
    { "headline: Pier\nbyline: \"\\0\"\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 3, column 9: ", "NUL" },
    { "headline: a\x01\n",
      BYLINE_FRONT_MATTER_ERROR_SYNTAX, "line 2, column 12: ", "control characters" },
    { "Just a sentence about the pier.\n",
      BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, "line 2, column 1: ", "key: value" },
    { "- headline\n- byline\n",
      BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, "line 2, column 1: ", "a list" },
    { "[a]: b\n",
      BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, "line 2, column 1: ", "a key" },
    { "headline: Pier\n--- second\n",
      BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, "line 3, column 1: ", "second YAML document" },
    { "headline: Pier\nbyline: Jo\nheadline: Quay\n",
      BYLINE_FRONT_MATTER_ERROR_DUPLICATE_KEY, "line 4, column 1: ", "first on line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      BylineFrontMatter *front_matter;

      front_matter = byline_front_matter_parse (cases[i].yaml, -1, 2, &error);
      g_test_message ("%s→ %s", cases[i].yaml, error != NULL ? error->message : "(no error)");
      g_assert_null (front_matter);
      g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].starts));
      g_assert_nonnull (strstr (error->message, cases[i].contains));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/front-matter/comments", test_comments);
  g_test_add_func ("/byline/front-matter/quoting", test_quoting);
  g_test_add_func ("/byline/front-matter/escapes", test_escapes);
  g_test_add_func ("/byline/front-matter/lists", test_lists);
  g_test_add_func ("/byline/front-matter/block-scalars", test_block_scalars);
  g_test_add_func ("/byline/front-matter/plain-scalars", test_plain_scalars);
  g_test_add_func ("/byline/front-matter/other-values", test_other_values);
  g_test_add_func ("/byline/front-matter/lines", test_lines);
  g_test_add_func ("/byline/front-matter/empty", test_empty);
  g_test_add_func ("/byline/front-matter/invalid", test_invalid);

  return g_test_run ();
}
