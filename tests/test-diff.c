/* test-diff.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-diff.h"
#include "byline-text.h"

/* Rebuilds both texts from the ops and checks every offset: whatever else a
 * diff says, it must describe the two texts exactly. */
static void
assert_ops_consistent (GPtrArray  *ops,
                       const char *old_text,
                       const char *new_text)
{
  g_autoptr(GString) old_built = g_string_new (NULL);
  g_autoptr(GString) new_built = g_string_new (NULL);
  guint old_chars = 0;
  guint new_chars = 0;

  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);

      g_assert_cmpstr (op->text, !=, "");
      g_assert_cmpuint (op->n_chars, ==, g_utf8_strlen (op->text, -1));
      g_assert_cmpuint (op->old_offset, ==, old_chars);
      g_assert_cmpuint (op->new_offset, ==, new_chars);

      if (op->kind != BYLINE_DIFF_INSERT)
        {
          g_string_append (old_built, op->text);
          old_chars += op->n_chars;
        }
      if (op->kind != BYLINE_DIFF_DELETE)
        {
          g_string_append (new_built, op->text);
          new_chars += op->n_chars;
        }

      /* A change between two others is always split by equal text, and a
       * deletion comes before the insertion it goes with. */
      if (i > 0)
        {
          const BylineDiffOp *prev = g_ptr_array_index (ops, i - 1);

          g_assert_false (prev->kind == op->kind);
          g_assert_false (prev->kind == BYLINE_DIFF_INSERT && op->kind == BYLINE_DIFF_DELETE);
        }
    }

  g_assert_cmpstr (old_built->str, ==, old_text ? old_text : "");
  g_assert_cmpstr (new_built->str, ==, new_text ? new_text : "");
}

static char *
diff_text (const char *old_text,
           const char *new_text,
           guint      *added,
           guint      *removed)
{
  g_autoptr(GPtrArray) ops = byline_diff_words (old_text, new_text);

  assert_ops_consistent (ops, old_text, new_text);
  byline_text_count_changes (ops, BYLINE_TEXT_PLAIN, added, removed);

  return byline_diff_to_text (ops);
}

static const struct {
  const char *name;
  const char *old_text;
  const char *new_text;
  const char *expected;
  guint       added;
  guint       removed;
} known[] = {
  { "insertion",
    "The council met on Monday.",
    "The council met in private on Monday.",
    "The council met {+in private +}on Monday.", 2, 0 },
  { "deletion",
    "The harbour board voted quickly to dredge the east basin.",
    "The harbour board voted to dredge the east basin.",
    "The harbour board voted [-quickly -]to dredge the east basin.", 0, 1 },
  { "replacement",
    "Ferry fares rise by five per cent in March.",
    "Ferry fares rise by eight per cent in April.",
    "Ferry fares rise by [-five-]{+eight+} per cent in [-March-]{+April+}.", 2, 2 },
  { "replacement-of-a-phrase",
    "A big port opens today.",
    "A small fishing harbour opens today.",
    "A [-big port-]{+small fishing harbour+} opens today.", 3, 2 },
  { "punctuation-only",
    "Rain, then sun",
    "Rain; then sun!",
    "Rain[-,-]{+;+} then sun{+!+}", 0, 0 },
  { "apostrophe-inside-words",
    "The mayor's budget doesn't add up.",
    "The mayor’s budget does not add up.",
    "The [-mayor's-]{+mayor’s+} budget [-doesn't-]{+does not+} add up.", 3, 2 },
  { "empty-to-text",
    "",
    "Library extends opening hours.",
    "{+Library extends opening hours.+}", 4, 0 },
  { "text-to-empty",
    "Library extends opening hours.",
    NULL,
    "[-Library extends opening hours.-]", 0, 4 },
  { "identical",
    "School board approves the new timetable.",
    "School board approves the new timetable.",
    "School board approves the new timetable.", 0, 0 },
  { "both-empty", NULL, "", "", 0, 0 },
  { "accents",
    "Le café ouvre à midi.",
    "Le café ferme à minuit.",
    "Le café [-ouvre-]{+ferme+} à [-midi-]{+minuit+}.", 2, 2 },
  /* "é" written as e + U+0301 stays inside its word. */
  { "combining-accent",
    "Cafe\xcc\x81 opens",
    "Cafe\xcc\x81 closes",
    "Cafe\xcc\x81 [-opens-]{+closes+}", 1, 1 },
  /* Chinese has no spaces: each character is a word. */
  { "cjk",
    "港口今天开放。",
    "港口明天开放。",
    "港口[-今-]{+明+}天开放。", 1, 1 },
  { "japanese",
    "市議会は月曜日に開かれた。",
    "市議会は火曜日に開かれた。",
    "市議会は[-月-]{+火+}曜日に開かれた。", 1, 1 },
  /* An emoji with its skin tone, a family joined with ZWJ, and a flag each
   * stay whole, and count as words. */
  { "emoji",
    "Great match 👍",
    "Great match 👍🏽 👨‍👩‍👧 🇳🇿",
    "Great match [-👍-]{+👍🏽 👨‍👩‍👧 🇳🇿+}", 3, 1 },
};

static void
test_known (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *text = NULL;
  guint added = 99, removed = 99;

  text = diff_text (known[i].old_text, known[i].new_text, &added, &removed);
  g_assert_cmpstr (text, ==, known[i].expected);
  g_assert_cmpuint (added, ==, known[i].added);
  g_assert_cmpuint (removed, ==, known[i].removed);
}

static void
test_ops (void)
{
  g_autoptr(GPtrArray) ops = byline_diff_words ("Café opens at noon", "Café closes at noon");
  const BylineDiffOp *op;

  /* Offsets count characters, not bytes: "Café " is five. */
  g_assert_cmpuint (ops->len, ==, 4);
  op = g_ptr_array_index (ops, 0);
  g_assert_cmpint (op->kind, ==, BYLINE_DIFF_EQUAL);
  g_assert_cmpstr (op->text, ==, "Café ");
  op = g_ptr_array_index (ops, 1);
  g_assert_cmpint (op->kind, ==, BYLINE_DIFF_DELETE);
  g_assert_cmpstr (op->text, ==, "opens");
  g_assert_cmpuint (op->old_offset, ==, 5);
  g_assert_cmpuint (op->new_offset, ==, 5);
  op = g_ptr_array_index (ops, 2);
  g_assert_cmpint (op->kind, ==, BYLINE_DIFF_INSERT);
  g_assert_cmpstr (op->text, ==, "closes");
  g_assert_cmpuint (op->old_offset, ==, 10);
  g_assert_cmpuint (op->new_offset, ==, 5);
  op = g_ptr_array_index (ops, 3);
  g_assert_cmpint (op->kind, ==, BYLINE_DIFF_EQUAL);
  g_assert_cmpuint (op->old_offset, ==, 10);
  g_assert_cmpuint (op->new_offset, ==, 11);

  g_clear_pointer (&ops, g_ptr_array_unref);
  ops = byline_diff_words (NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 0);
}

#define PARA_COUNCIL "The council will meet again on Thursday to vote on the harbour budget."
#define PARA_DREDGE "Dredging of the east basin is expected to take three months and will close the marina."
#define PARA_QUOTE "“We have waited long enough,” said the harbour master."

static void
test_moved_paragraph (void)
{
  const char *old_text = PARA_COUNCIL "\n\n" PARA_DREDGE "\n\n" PARA_QUOTE "\n";
  const char *new_text = PARA_DREDGE "\n\n" PARA_QUOTE "\n\n" PARA_COUNCIL "\n";
  g_autoptr(GPtrArray) ops = byline_diff_words (old_text, new_text);
  g_autofree char *text = NULL;
  guint n_deleted = 0, n_inserted = 0;
  guint added, removed, paragraph_words;

  assert_ops_consistent (ops, old_text, new_text);

  /* One deletion where it was, one insertion where it went, and the two
   * paragraphs that stayed put untouched. */
  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);
      g_autofree char *stripped = g_strstrip (g_strdup (op->text));

      if (op->kind == BYLINE_DIFF_DELETE)
        {
          n_deleted++;
          g_assert_cmpstr (stripped, ==, PARA_COUNCIL);
          g_assert_cmpuint (op->old_offset, ==, 0);
        }
      else if (op->kind == BYLINE_DIFF_INSERT)
        {
          n_inserted++;
          g_assert_cmpstr (stripped, ==, PARA_COUNCIL);
          g_assert_cmpuint (op->new_offset, >, g_utf8_strlen (PARA_DREDGE PARA_QUOTE, -1));
        }
      else
        {
          g_assert_null (strstr (op->text, "council"));
        }
    }
  g_assert_cmpuint (n_deleted, ==, 1);
  g_assert_cmpuint (n_inserted, ==, 1);

  text = byline_diff_to_text (ops);
  g_assert_cmpstr (text, ==,
                   "[-" PARA_COUNCIL "\n\n-]" PARA_DREDGE "\n\n" PARA_QUOTE "{+\n\n" PARA_COUNCIL "+}\n");

  byline_text_count_changes (ops, BYLINE_TEXT_PLAIN, &added, &removed);
  paragraph_words = byline_text_count_words (PARA_COUNCIL, BYLINE_TEXT_PLAIN);
  g_assert_cmpuint (paragraph_words, ==, 13);
  g_assert_cmpuint (added, ==, paragraph_words);
  g_assert_cmpuint (removed, ==, paragraph_words);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GPtrArray) ops = byline_diff_words ("ok \xff\xfe text", "ok text");
  g_autofree char *text = byline_diff_to_text (ops);

  /* Repaired, never crashed on, and still a valid string. */
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "ok "));
  g_assert_true (g_str_has_suffix (text, "text"));
}

static const char * const vocabulary[] = {
  "harbour", "council", "budget", "ferry", "school", "board", "vote", "the", "a", "of",
  "Thursday", "marina", "café", "港口", "🎉", ",", ".", "—", "basin", "dredging",
};

static char *
random_text (GRand *rand,
             guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (text, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      g_string_append (text, g_rand_int_range (rand, 0, 30) == 0 ? "\n\n" : " ");
    }

  return g_string_free (text, FALSE);
}

/* Random edits of random text: the ops always rebuild both sides. */
static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *old_text = random_text (rand, g_rand_int_range (rand, 0, 80));
      g_auto(GStrv) words = g_strsplit (old_text, " ", -1);
      g_autoptr(GString) new_text = g_string_new (NULL);
      g_autoptr(GPtrArray) ops = NULL;

      for (guint i = 0; words[i] != NULL; i++)
        {
          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
              break;  /* deleted */
            case 1:
              g_string_append (new_text, "inserted words ");
              G_GNUC_FALLTHROUGH;
            default:
              g_string_append (new_text, words[i]);
              if (words[i + 1] != NULL)
                g_string_append_c (new_text, ' ');
            }
        }

      ops = byline_diff_words (old_text, new_text->str);
      assert_ops_consistent (ops, old_text, new_text->str);
    }
}

/* A 10,000-word long read with edits all through it, and two unrelated
 * texts of that size: both quick. */
static void
test_long_article (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autofree char *old_text = random_text (rand, 10000);
  g_autofree char *other = random_text (rand, 10000);
  g_auto(GStrv) words = g_strsplit (old_text, " ", -1);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GPtrArray) ops = NULL;
  guint n_replaced = 0;
  guint n_removed_words = 0;
  guint added, removed;
  gint64 start;
  double seconds;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i % 50 == 25)
        {
          g_string_append (new_text, "rewritten");
          n_replaced++;
          n_removed_words += byline_text_count_words (words[i], BYLINE_TEXT_PLAIN);
        }
      else
        g_string_append (new_text, words[i]);
      if (words[i + 1] != NULL)
        g_string_append_c (new_text, ' ');
    }

  start = g_get_monotonic_time ();
  ops = byline_diff_words (old_text, new_text->str);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("10,000 words, %u replaced: %.3f s", n_replaced, seconds);
  g_assert_cmpfloat (seconds, <, 2.0);
  assert_ops_consistent (ops, old_text, new_text->str);

  /* The shortest diff: exactly the replaced words, nothing around them. */
  byline_text_count_changes (ops, BYLINE_TEXT_PLAIN, &added, &removed);
  g_assert_cmpuint (added, ==, n_replaced);
  g_assert_cmpuint (removed, ==, n_removed_words);

  g_clear_pointer (&ops, g_ptr_array_unref);
  start = g_get_monotonic_time ();
  ops = byline_diff_words (old_text, other);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("10,000 words against 10,000 others: %.3f s", seconds);
  g_assert_cmpfloat (seconds, <, 3.0);
  assert_ops_consistent (ops, old_text, other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *path = g_strdup_printf ("/byline/diff/known/%s", known[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_known);
    }
  g_test_add_func ("/byline/diff/ops", test_ops);
  g_test_add_func ("/byline/diff/moved-paragraph", test_moved_paragraph);
  g_test_add_func ("/byline/diff/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/byline/diff/random-edits", test_random_edits);
  g_test_add_func ("/byline/diff/long-article", test_long_article);

  return g_test_run ();
}
