/* test-text.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-diff.h"
#include "byline-text-private.h"

#define PLAIN    BYLINE_TEXT_PLAIN
#define MARKDOWN BYLINE_TEXT_MARKDOWN

/* The sentence from the issue that three counters used to count three ways. */
#define EMAIL_SENTENCE "The e-mail didn't arrive at 3.5 p.m."

static const struct {
  const char       *text;
  BylineTextFormat  format;
  guint             words;
} word_cases[] = {
  /* Nothing to read. */
  { "", PLAIN, 0 },
  { "  \n\t \n", PLAIN, 0 },
  { "— , . ! ? … & £ % * #", PLAIN, 0 },
  { "  \n\n   \n", MARKDOWN, 0 },

  { EMAIL_SENTENCE, PLAIN, 7 },
  { EMAIL_SENTENCE, MARKDOWN, 7 },

  /* Hyphens keep a word; dashes and lone hyphens do not. */
  { "e-mail", PLAIN, 1 },
  { "a state-of-the-art plan", PLAIN, 3 },
  { "COVID-19 cases", PLAIN, 2 },
  { "rain — then sun", PLAIN, 3 },
  { "rain—sun", PLAIN, 2 },
  { "left - right", PLAIN, 2 },

  /* Apostrophes, straight and curly. */
  { "didn't", PLAIN, 1 },
  { "didn’t", PLAIN, 1 },
  { "the harbour’s east basin", PLAIN, 4 },
  { "The harbour’s east basin, dredged in 2026.", PLAIN, 7 },
  { "O'Brien's boat", PLAIN, 2 },
  { "the students' union", PLAIN, 3 },
  { "'Quoted' words", PLAIN, 2 },
  { "‘Curly quoted’ words", PLAIN, 3 },

  /* Numbers. */
  { "3.5", PLAIN, 1 },
  { "It costs £1,200.50 today", PLAIN, 4 },
  { "at 10:30 on 24/7 duty", PLAIN, 5 },
  { "1 2 3", PLAIN, 3 },
  { "-5 degrees", PLAIN, 2 },
  { "50% of 2026", PLAIN, 3 },

  /* Abbreviations. */
  { "p.m.", PLAIN, 1 },
  { "U.S. officials", PLAIN, 2 },
  { "e.g. this one", PLAIN, 3 },

  /* Addresses written out. */
  { "https://x.org/a-b", PLAIN, 1 },
  { "See https://example.org/a-b?x=1&y=2, then leave.", PLAIN, 4 },
  { "(https://example.org/path)", PLAIN, 1 },
  { "www.example.org", PLAIN, 1 },
  { "Write to desk@example.org.", PLAIN, 3 },

  /* Markdown: what the page shows. */
  { "[the council](https://x.org/a-b)", MARKDOWN, 2 },
  { "The vote at [the council](https://x.org/a-b) was close.", MARKDOWN, 7 },
  { "The vote at [the council](https://x.org/a-b) was close.", PLAIN, 8 },
  { "See <https://x.org/a-b> now", MARKDOWN, 3 },
  { "**Bold** _claims_ and *e*-mail", MARKDOWN, 4 },
  { "**Bold** _claims_", PLAIN, 2 },
  { "## Tide tables\n\n- first item\n- second\n\n1. one\n2. two\n", MARKDOWN, 7 },
  { "Setext heading\n==============\n\nText.", MARKDOWN, 3 },
  { "> A quote\n> over two lines.", MARKDOWN, 5 },
  { "Code: `tide.next()` runs", MARKDOWN, 3 },
  { "```\nlevel = 0.4\n```\n", MARKDOWN, 2 },
  { "Raw <b>bold</b> words", MARKDOWN, 3 },
  { "<div>\nhidden words\n</div>\n\nShown.", MARKDOWN, 1 },
  { "[ref]: https://example.org/a-b\n\nOnly [this][ref] counts.", MARKDOWN, 3 },
  { "An escaped \\*star\\* and &amp; entity", MARKDOWN, 5 },
  { "![A ferry at dusk](ferry.jpg)", MARKDOWN, 4 },
  { "***\n\n---", MARKDOWN, 0 },

  /* Scripts. */
  { "Zürich Ελλάδα Москва", PLAIN, 3 },
  { "Cafe\xcc\x81 opens", PLAIN, 2 },
  { "وصل البريد الإلكتروني متأخرا", PLAIN, 4 },
  { "مرحبا، يا عالم؟", PLAIN, 3 },
  { "می\u200cخواهم بروم", PLAIN, 2 },
  { "שלום עולם", PLAIN, 2 },
  { "항구가 열렸다", PLAIN, 2 },
  { "港口今天开放。", PLAIN, 6 },
  { "港口开放", MARKDOWN, 4 },
  { "市議会は月曜日に開かれた。", PLAIN, 12 },
  { "Byline 港口", PLAIN, 3 },
  { "สวัสดีครับ", PLAIN, 1 },

  /* Pictographs. */
  { "🎉", PLAIN, 1 },
  { "🎉👍🏽", PLAIN, 2 },
  { "Great match 👍🏽 👨‍👩‍👧 🇳🇿", PLAIN, 5 },
};

static void
test_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (word_cases); i++)
    {
      guint n = byline_text_count_words (word_cases[i].text, word_cases[i].format);

      if (n != word_cases[i].words)
        g_error ("“%s” (%s): %u words, expected %u", word_cases[i].text,
                 word_cases[i].format == MARKDOWN ? "Markdown" : "plain", n, word_cases[i].words);
    }

  g_assert_cmpuint (byline_text_count_words (NULL, PLAIN), ==, 0);
  g_assert_cmpuint (byline_text_count_words (NULL, MARKDOWN), ==, 0);
  /* Bad UTF-8 is counted, not crashed on. */
  g_assert_cmpuint (byline_text_count_words ("ok \xff\xfe text", PLAIN), ==, 2);
  g_assert_cmpuint (byline_text_count_words ("ok \xff\xfe text", MARKDOWN), ==, 2);
}

static const struct {
  const char       *text;
  BylineTextFormat  format;
  guint             sentences;
} sentence_cases[] = {
  { "", PLAIN, 0 },
  { "— …", PLAIN, 0 },
  { EMAIL_SENTENCE, PLAIN, 1 },
  { "It came at 3 p.m. Then it left.", PLAIN, 2 },
  { "Mr. Smith went to Washington. He voted.", PLAIN, 2 },
  { "J. K. Rowling wrote it.", PLAIN, 1 },
  { "Really?! Yes.", PLAIN, 2 },
  { "“Stop.” Then silence.", PLAIN, 2 },
  { "Wait… what happened?", PLAIN, 1 },
  { "e.g. this one", PLAIN, 1 },
  { "A headline without a point", PLAIN, 1 },
  { "One.\n\nTwo", PLAIN, 2 },
  { "## Heading\n\nA paragraph. Another one.\n\n- item one\n- item two\n", MARKDOWN, 5 },
  { "See [the report. Really](https://x.org/a.b). Done.", MARKDOWN, 3 },
  { "港口今天开放。市民很高兴。", PLAIN, 2 },
};

static void
test_sentences (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      guint n = byline_text_count_sentences (sentence_cases[i].text, sentence_cases[i].format);

      if (n != sentence_cases[i].sentences)
        g_error ("“%s”: %u sentences, expected %u", sentence_cases[i].text, n, sentence_cases[i].sentences);
    }
}

static void
test_counts (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  BylineTextCounts counts;

  byline_text_count (NULL, MARKDOWN, &counts);
  g_assert_cmpuint (counts.words, ==, 0);
  g_assert_cmpuint (counts.characters, ==, 0);
  g_assert_cmpuint (counts.reading_minutes, ==, 0);
  g_assert_cmpuint (counts.blocks, ==, 0);

  /* Characters are those written, without line breaks. */
  byline_text_count ("## Tide *tables*\n\nÉmigré café.", MARKDOWN, &counts);
  g_assert_cmpuint (counts.words, ==, 4);
  g_assert_cmpuint (counts.characters, ==, 28);
  g_assert_cmpuint (counts.sentences, ==, 2);
  g_assert_cmpuint (counts.blocks, ==, 2);
  g_assert_cmpuint (counts.reading_minutes, ==, 1);

  /* The pace is said once; a started minute counts. */
  for (guint i = 0; i < BYLINE_TEXT_WORDS_PER_MINUTE + 1; i++)
    g_string_append (long_text, "word ");
  byline_text_count (long_text->str, MARKDOWN, &counts);
  g_assert_cmpuint (counts.words, ==, BYLINE_TEXT_WORDS_PER_MINUTE + 1);
  g_assert_cmpuint (counts.reading_minutes, ==, 2);
  g_assert_cmpuint (byline_text_reading_minutes (BYLINE_TEXT_WORDS_PER_MINUTE), ==, 1);
  g_assert_cmpuint (byline_text_reading_minutes (0), ==, 0);
}

static void
assert_changes (const char       *old_text,
                const char       *new_text,
                BylineTextFormat  format,
                guint             expected_added,
                guint             expected_removed)
{
  g_autoptr(GPtrArray) ops = byline_diff_words (old_text, new_text);
  guint added = 99, removed = 99;

  byline_text_count_changes (ops, format, &added, &removed);
  if (added != expected_added || removed != expected_removed)
    g_error ("“%s” → “%s”: +%u −%u, expected +%u −%u", old_text, new_text,
             added, removed, expected_added, expected_removed);
}

static void
test_changes (void)
{
  /* A new text adds all its words, the same count as the status line's. */
  assert_changes ("", EMAIL_SENTENCE, MARKDOWN, 7, 0);
  assert_changes (EMAIL_SENTENCE, "", PLAIN, 0, 7);
  assert_changes ("", "See [the council](https://x.org/a-b) today.", MARKDOWN, 4, 0);

  /* A word changed inside is one word out and one in; one written longer
   * is one word in. */
  assert_changes ("mail", "e-mail", PLAIN, 1, 0);
  assert_changes ("at 3.5 p.m.", "at 4.5 p.m.", PLAIN, 1, 1);
  assert_changes ("Ferry fares rise by five per cent.", "Ferry fares rise by eight per cent.", PLAIN, 1, 1);

  /* Markdown the reader never sees changes no words. */
  assert_changes ("See [the council](https://x.org/a) today.", "See [the council](https://x.org/b) today.",
                  MARKDOWN, 0, 0);
  assert_changes ("**Bold** claims", "Bold claims", MARKDOWN, 0, 0);
  assert_changes ("Rain, then sun", "Rain; then sun!", PLAIN, 0, 0);
  /* In plain text the same characters are words. */
  assert_changes ("See [the council](https://x.org/a) today.", "See [the council](https://x.org/b) today.",
                  PLAIN, 1, 1);

  assert_changes ("港口今天开放。", "港口明天开放。", PLAIN, 1, 1);
  assert_changes ("Great match 👍", "Great match 👍🏽 👨‍👩‍👧 🇳🇿", PLAIN, 3, 1);
  assert_changes ("Same text.", "Same text.", MARKDOWN, 0, 0);
}

#define BLOCKS_BODY \
  "# Title\n"                      /*  1: heading */ \
  "\n" \
  "First paragraph\n"              /*  3: paragraph, two lines */ \
  "over two lines.\n" \
  "\n" \
  "- one\n"                        /*  6: list */ \
  "- two\n" \
  "\n" \
  "> quoted *words*\n"             /*  9: quote */ \
  "\n" \
  "```\n"                          /* 11: code with a blank line */ \
  "code\n" \
  "\n" \
  "more\n" \
  "```\n" \
  "\n" \
  "\n" \
  "---\n"                          /* 18: rule */ \
  "\n" \
  "<div>raw</div>\n"               /* 20: HTML */ \
  "\n" \
  "   Last [émigré](https://x.org) words.\n"   /* 22: indented paragraph */

static void
assert_block (GArray              *blocks,
              guint                i,
              BylineTextBlockKind  kind,
              guint                start_line,
              guint                end_line,
              const char          *first,
              const char          *last,
              const char          *text)
{
  const BylineTextBlock *block = &g_array_index (blocks, BylineTextBlock, i);
  const char *start = strstr (BLOCKS_BODY, first);
  const char *end = strstr (start, last) + strlen (last);

  g_assert_cmpint (block->kind, ==, kind);
  g_assert_cmpuint (block->start_line, ==, start_line);
  g_assert_cmpuint (block->end_line, ==, end_line);
  g_assert_cmpuint (block->start_byte, ==, start - BLOCKS_BODY);
  g_assert_cmpuint (block->end_byte, ==, end - BLOCKS_BODY);
  g_assert_cmpuint (block->start_offset, ==, g_utf8_pointer_to_offset (BLOCKS_BODY, start));
  g_assert_cmpuint (block->end_offset, ==, g_utf8_pointer_to_offset (BLOCKS_BODY, end));
  g_assert_cmpstr (block->text, ==, text);
}

static void
test_blocks (void)
{
  g_autoptr(GArray) blocks = byline_text_get_blocks (BLOCKS_BODY);
  g_autoptr(GArray) none = byline_text_get_blocks (NULL);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blocks->len, ==, 8);
  g_assert_cmpuint (byline_text_count_blocks (BLOCKS_BODY), ==, 8);

  assert_block (blocks, 0, BYLINE_TEXT_BLOCK_HEADING, 1, 1, "# Title", "Title", "Title");
  assert_block (blocks, 1, BYLINE_TEXT_BLOCK_PARAGRAPH, 3, 4, "First", "lines.", "First paragraph over two lines.");
  assert_block (blocks, 2, BYLINE_TEXT_BLOCK_LIST, 6, 7, "- one", "- two", "one two");
  assert_block (blocks, 3, BYLINE_TEXT_BLOCK_QUOTE, 9, 9, "> quoted", "*words*", "quoted words");
  assert_block (blocks, 4, BYLINE_TEXT_BLOCK_CODE, 11, 15, "```\ncode", "more\n```", "code more");
  assert_block (blocks, 5, BYLINE_TEXT_BLOCK_RULE, 18, 18, "---", "---", "");
  assert_block (blocks, 6, BYLINE_TEXT_BLOCK_HTML, 20, 20, "<div>", "</div>", "");
  assert_block (blocks, 7, BYLINE_TEXT_BLOCK_PARAGRAPH, 22, 22, "Last", "words.", "Last émigré words.");
}

static void
test_block_at_offset (void)
{
#define AT(needle) byline_text_block_at_offset (BLOCKS_BODY, g_utf8_pointer_to_offset (BLOCKS_BODY, strstr (BLOCKS_BODY, needle)))

  g_assert_cmpuint (byline_text_block_at_offset (NULL, 0), ==, 0);
  g_assert_cmpuint (byline_text_block_at_offset ("", 0), ==, 0);
  g_assert_cmpuint (byline_text_block_at_offset ("\n\nSome text", 0), ==, 0);
  g_assert_cmpuint (byline_text_block_at_offset ("\n\nSome text", 2), ==, 1);

  g_assert_cmpuint (byline_text_block_at_offset (BLOCKS_BODY, -4), ==, 1);
  g_assert_cmpuint (AT ("Title"), ==, 1);
  g_assert_cmpuint (AT ("over two"), ==, 2);
  /* The blank line after a block belongs to it. */
  g_assert_cmpuint (AT ("\n\n- one"), ==, 2);
  g_assert_cmpuint (AT ("two\n"), ==, 3);
  g_assert_cmpuint (AT ("more"), ==, 5);
  g_assert_cmpuint (AT ("émigré"), ==, 8);
  g_assert_cmpuint (byline_text_block_at_offset (BLOCKS_BODY, 100000), ==, 8);

#undef AT
}

/* Every character the map places in the Markdown is written there: as
 * itself, escaped with a backslash, or as the entity it came from. */
static void
assert_map_places (const char *markdown)
{
  cmark_node *document = byline_text_parse_markdown (markdown);
  g_autofree gunichar *source = g_utf8_to_ucs4_fast (markdown, -1, NULL);
  glong n_source = g_utf8_strlen (markdown, -1);
  BylineTextMap map = { NULL, };
  guint last = 0;

  _byline_text_map_init (&map, document, markdown);
  g_assert_cmpuint (map.n_chars, ==, n_source);

  for (guint i = 0; i < map.leaves->len; i++)
    {
      GArray *chars = g_array_index (map.leaves, BylineTextLeaf, i).chars;

      for (guint k = 0; k < chars->len; k++)
        {
          const BylineTextChar *ch = &g_array_index (chars, BylineTextChar, k);
          gunichar written;

          if (ch->source == BYLINE_TEXT_NO_SOURCE)
            continue;

          g_assert_cmpuint (ch->source, <, n_source);
          written = source[ch->source];
          /* A line end in a code block, or one a code span reads as a space. */
          if (written != ch->c && written != '\\' && written != '&' &&
              !((ch->c == ' ' || ch->c == '\n') && (written == '\n' || written == '\r')))
            {
              g_autofree char *escaped = g_strescape (markdown, NULL);
              g_autofree char *shown_raw = g_ucs4_to_utf8 (&ch->c, 1, NULL, NULL, NULL);
              g_autofree char *found_raw = g_ucs4_to_utf8 (&written, 1, NULL, NULL, NULL);
              g_autofree char *shown = g_strescape (shown_raw, NULL);
              g_autofree char *found = g_strescape (found_raw, NULL);

              g_error ("In \"%s\", \"%s\" (character %u of block %u) maps onto \"%s\" at %u",
                       escaped, shown, k, i, found, ch->source);
            }
          /* In reading order. */
          g_assert_cmpuint (ch->source, >=, last);
          last = ch->source;
        }
    }

  _byline_text_map_clear (&map);
  cmark_node_free (document);
}

static void
test_source_map (void)
{
  /* Where cmark's own inline positions are wrong or missing. */
  assert_map_places ("[ref]: https://example.org\nAfter the *definition* here.\n");
  assert_map_places ("hard  \nbreak\\\nagain *and* again\n");
  assert_map_places ("Entities &amp; &#8212; &eacute; and \\*escapes\\* and `code\nover lines`.\n");
  assert_map_places ("> ```\n> in a quote\n> ```\n\n    indented code\n    more\n");
  assert_map_places ("- item one\n  continues *here*\n- Café [émigré](https://x.org) ![alt *t*](i.png)\n");
  assert_map_places ("Setext line one\nline two\n===\n\n## ATX *x* ##\n");
  assert_map_places ("crlf line\r\nnext *line*\r\n\r\ntab\there\n");
  assert_map_places ("the same words, the same words, the same words\n\nthe same words\n");

  /* A link's address is the place that shows no text. */
  {
    const char *markdown = "See [the report](https://x.org/2024) now.";
    cmark_node *document = byline_text_parse_markdown (markdown);
    BylineTextMap map = { NULL, };
    guint address = strstr (markdown, "2024") - markdown;
    guint now = strstr (markdown, "now") - markdown;
    gboolean found = FALSE;

    _byline_text_map_init (&map, document, markdown);
    for (guint i = 0; i < map.addresses->len; i += 2)
      {
        guint start = g_array_index (map.addresses, guint, i);
        guint end = g_array_index (map.addresses, guint, i + 1);

        g_assert_cmpuint (now, >=, end);
        found = found || (start <= address && address < end);
      }
    g_assert_true (found);
    _byline_text_map_clear (&map);
    cmark_node_free (document);
  }
}

static const char * const markdown_pieces[] = {
  "The council", "*voted*", "**on Monday**", "[the report](https://example.org/a-b)", "`code span`",
  "\\*escaped\\*", "&amp;", "&#8212;", "&eacute;", "![alt *text*](i.png)", "<b>raw</b>", "<https://x.org>",
  "港口", "🎉", "e-mail", "3.5", "p.m.", "\n", "\n\n", "\n\n- item\n- item two\n\n", "\n> quoted\n> more\n",
  "\n\n```\nfenced code\n\n  more\n```\n\n", "\n\n    indented code\n\n", "\n\n## Heading ##\n\n",
  "\nSetext\n===\n", "\n[ref]: https://x.org/r\n", "[ref]", "hard  \nbreak", "back\\\nslash", "\t tab",
  "`code\nover lines`", "\r\n", "_under_", "***", "---",
};

/* Random bodies: the map always places characters where they are written. */
static void
test_random_bodies (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 30);

      for (guint i = 0; i < n; i++)
        {
          g_string_append (body, markdown_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (markdown_pieces))]);
          if (g_rand_boolean (rand))
            g_string_append_c (body, ' ');
        }

      assert_map_places (body->str);
      /* Every block the body has is found, whatever it holds. */
      {
        g_autoptr(GArray) blocks = byline_text_get_blocks (body->str);

        g_assert_cmpuint (blocks->len, ==, byline_text_count_blocks (body->str));
        for (guint i = 0; i < blocks->len; i++)
          {
            const BylineTextBlock *block = &g_array_index (blocks, BylineTextBlock, i);

            g_assert_cmpuint (block->start_byte, <=, block->end_byte);
            g_assert_cmpuint (block->end_byte, <=, body->len);
            g_assert_true (i == 0 || g_array_index (blocks, BylineTextBlock, i - 1).end_line < block->start_line);
          }
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/text/words", test_words);
  g_test_add_func ("/byline/text/sentences", test_sentences);
  g_test_add_func ("/byline/text/counts", test_counts);
  g_test_add_func ("/byline/text/changes", test_changes);
  g_test_add_func ("/byline/text/blocks", test_blocks);
  g_test_add_func ("/byline/text/block-at-offset", test_block_at_offset);
  g_test_add_func ("/byline/text/source-map", test_source_map);
  g_test_add_func ("/byline/text/random-bodies", test_random_bodies);

  return g_test_run ();
}
