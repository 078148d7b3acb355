/* byline-text-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-text.h"

G_BEGIN_DECLS

/* Where each character a reader sees was written in the Markdown: for the
 * renderer's review marks (byline-review-marks.c), which put the changes of
 * a word diff of the Markdown onto the text nodes of its parse tree, and for
 * counting the words a change touches. Positions come from cmark's source
 * positions, checked against the text and looked for nearby where cmark
 * reports them wrong (after a link reference definition, after a
 * backslash line break). */

/* No place in the Markdown: the space a line break becomes. */
#define BYLINE_TEXT_NO_SOURCE G_MAXUINT

typedef struct
{
  gunichar c;
  guint    source;  /* character offset in the Markdown, or BYLINE_TEXT_NO_SOURCE */
} BylineTextChar;

/* A paragraph, a heading or a code block: a block holding text. */
typedef struct
{
  cmark_node *node;
  guint       top;         /* the index of the top-level block holding it */
  guint       start;       /* character offsets of its first character and */
  guint       end;         /* of the end of its last line */
  GArray     *chars;       /* BylineTextChar: its text, breaks as spaces */
  guint       first_span;  /* its spans in the map's spans */
  guint       n_spans;
} BylineTextLeaf;

/* A text node, a code span or a code block's literal, character for
 * character: its literal's characters are its leaf's chars [first,
 * first + n_chars). */
typedef struct
{
  cmark_node *node;
  guint       leaf;
  guint       first;
  guint       n_chars;
} BylineTextSpan;

typedef struct
{
  GArray *leaves;  /* BylineTextLeaf, in reading order */
  GArray *spans;   /* BylineTextSpan, in reading order */
  /* [start, end) character ranges that show no text: a link's or an
   * image's address, from after its text to the text that follows. */
  GArray *addresses;
  guint   n_chars;  /* of the Markdown */
} BylineTextMap;

/* Maps @document, parsed from @markdown by byline_text_parse_markdown(). The
 * map points into @document: keep it alive as long, and change no literal
 * before the map is cleared. */
void     _byline_text_map_init     (BylineTextMap        *map,
                                    cmark_node           *document,
                                    const char           *markdown);
void     _byline_text_map_clear    (BylineTextMap        *map);

/* Calls @func for each word of @chars, as [first, end) indexes. */
typedef void (*BylineTextWordFunc) (const BylineTextChar *chars,
                                    guint                 first,
                                    guint                 end,
                                    gpointer              user_data);
void     _byline_text_scan_words   (const BylineTextChar *chars,
                                    guint                 n_chars,
                                    BylineTextWordFunc    func,
                                    gpointer              user_data);

/* Appends the sentences of @chars, one piece, to @sentences
 * (BylineTextSentence), as byline_text_get_sentences() finds them. */
void     _byline_text_scan_sentences (const BylineTextChar *chars,
                                      guint                 n_chars,
                                      GArray               *sentences);

/* Calls @func on each piece of @text a reader sees: a plain text's
 * paragraphs (split at blank lines), a Markdown body's paragraphs,
 * headings and code blocks. */
typedef void (*BylineTextPieceFunc) (const BylineTextChar *chars,
                                     guint                 n,
                                     gpointer              user_data);
void     _byline_text_foreach_piece (const char          *text,
                                     BylineTextFormat     format,
                                     BylineTextPieceFunc  func,
                                     gpointer             user_data);

/* @text, valid UTF-8, as characters with their offsets (BylineTextChar),
 * for plain text. */
GArray  *_byline_text_dup_plain_chars (const char        *text);

/* @text as valid UTF-8 ("" for NULL). */
char    *_byline_text_dup_valid    (const char           *text);

G_END_DECLS
