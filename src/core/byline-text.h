/* byline-text.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark.h>

G_BEGIN_DECLS

/* What a text holds, counted the one way every part of Byline shows it: the
 * editor's status line, History's words added and removed, the importer, and
 * where pins sit between the body's paragraphs.
 *
 * Words are counted on the text a reader sees. In a Markdown body that means
 * without its syntax: a link "[the council](https://x.org/a-b)" is two words
 * (its address is not read), "**" and "#" and "- " are not words, raw HTML
 * (which the page leaves out) is not counted, code is. The rules, all from
 * GLib's Unicode tables (no dictionary):
 *
 *  - A word is a run of letters, digits and the marks on them ("Zürich",
 *    "2026", "m²").
 *  - A hyphen between letters or digits keeps one word: "e-mail",
 *    "state-of-the-art", "COVID-19". A dash ("—", "–") separates.
 *  - An apostrophe, straight or curly, before a letter inside a word keeps
 *    one word: "didn't", "harbour’s", "O'Brien".
 *  - A point or comma between digits keeps one number: "3.5", "£1,200.50";
 *    so do ":" and "/" between digits: "10:30", "24/7".
 *  - A point between letters keeps one abbreviation: "p.m.", "U.S.".
 *  - "_", a zero-width joiner or non-joiner and a soft hyphen between
 *    letters keep one word (Persian "می‌خواهم").
 *  - An address written out is one word: "https://x.org/a-b",
 *    "www.example.org", "desk@example.org".
 *  - Punctuation and symbols alone are never words ("—", "…", "&", "£"),
 *    but a pictograph is: an emoji, with its skin tone, joined family or flag,
 *    counts as one word, as do "★" and "©".
 *  - Scripts written with spaces (Latin, Greek, Cyrillic, Arabic, Hebrew,
 *    Hangul…) split on spaces and punctuation only.
 *  - Chinese and Japanese, written without spaces: each ideograph or kana
 *    is a word, as word processors count them. Thai, Lao, Khmer and Burmese
 *    would need a dictionary to split: each run between spaces is one word.
 *
 * Characters are those of the text as written, Markdown included, without
 * its line breaks: what a length limit on copy counts.
 *
 * A sentence ends at ".", "!", "?", "…" (and "。", "！", "？", "؟") followed by
 * a space and a word that does not start in lower case, or by the end of its
 * paragraph; a paragraph, heading or list item with words but no closing
 * point is a sentence too. A point after a title ("Mr.", "Dr.", "St.") or a
 * single capital ("J. K. Rowling") ends none.
 *
 * Blocks (the paragraphs pins are placed between) are the top-level blocks
 * cmark finds in the body: a paragraph, a heading, a whole list, a whole
 * quote, a code block, a rule. Their positions come from cmark's source
 * positions. */

/* The reading time's pace, in words per minute. */
#define BYLINE_TEXT_WORDS_PER_MINUTE 200

typedef enum
{
  BYLINE_TEXT_PLAIN,     /* a headline, a standfirst, an imported line */
  BYLINE_TEXT_MARKDOWN,  /* the body */
} BylineTextFormat;

typedef struct
{
  guint words;
  guint characters;
  guint sentences;
  guint blocks;
  guint reading_minutes;  /* rounded up; 0 without words */
} BylineTextCounts;

/* Everything the status line shows, for @text (NULL is empty). */
void        byline_text_count             (const char       *text,
                                           BylineTextFormat  format,
                                           BylineTextCounts *counts);
guint       byline_text_count_words       (const char       *text,
                                           BylineTextFormat  format);
guint       byline_text_count_sentences   (const char       *text,
                                           BylineTextFormat  format);
guint       byline_text_count_characters  (const char       *text);
guint       byline_text_reading_minutes   (guint             n_words);

typedef struct
{
  /* [start, end) in characters of the text (the Markdown for a body): from
   * its first word to its closing stop. */
  guint start;
  guint end;
  guint words;
} BylineTextSentence;

/* The sentences of @text, in order: those byline_text_count_sentences()
 * counts, for highlighting long ones.
 * Returns: (transfer full) (element-type BylineTextSentence) */
GArray     *byline_text_get_sentences     (const char       *text,
                                           BylineTextFormat  format);

/* Words added and removed by @ops (element-type BylineDiffOp, from
 * byline_diff_words()): the words of the new text that an insertion
 * touches, and of the old text that a deletion touches: "mail" becoming
 * "e-mail" adds a word, "3.5" becoming "4.5" adds one and removes one. */
void        byline_text_count_changes     (GPtrArray        *ops,
                                           BylineTextFormat  format,
                                           guint            *added,
                                           guint            *removed);

/* --- Blocks ---------------------------------------------------------------- */

typedef enum
{
  BYLINE_TEXT_BLOCK_PARAGRAPH,
  BYLINE_TEXT_BLOCK_HEADING,
  BYLINE_TEXT_BLOCK_LIST,
  BYLINE_TEXT_BLOCK_QUOTE,
  BYLINE_TEXT_BLOCK_CODE,
  BYLINE_TEXT_BLOCK_RULE,
  BYLINE_TEXT_BLOCK_HTML,   /* raw HTML: never published */
} BylineTextBlockKind;

typedef struct
{
  BylineTextBlockKind kind;
  /* Lines, 1-based and inclusive, as cmark numbers them. */
  guint               start_line;
  guint               end_line;
  /* [start, end) in bytes and in characters of the body: from the block's
   * first character to the end of its last line. */
  gsize               start_byte;
  gsize               end_byte;
  guint               start_offset;
  guint               end_offset;
  /* What a reader sees of it, white space squeezed to single spaces. */
  char               *text;
} BylineTextBlock;

/* The top-level blocks of the Markdown @body, in order.
 * Returns: (transfer full) (element-type BylineTextBlock) */
GArray     *byline_text_get_blocks        (const char       *body);
guint       byline_text_count_blocks      (const char       *body);
/* The pin position for "after the block holding character @offset of
 * @body": that block's number (1 for the first), the number of the block
 * before when @offset is in the blank lines between two, 0 before the first. */
guint       byline_text_block_at_offset   (const char       *body,
                                           int               offset);

/* The one way Byline parses a Markdown body (safe: raw HTML is never
 * rendered; with source positions), so that the renderer, the pins and the
 * counts see the same blocks. Free with cmark_node_free(). */
cmark_node *byline_text_parse_markdown    (const char       *body);

G_END_DECLS
