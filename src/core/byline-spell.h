/* byline-spell.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-text.h"

G_BEGIN_DECLS

/* Spell checking, without GTK: which words of a headline, a standfirst, a
 * caption or a body are misspelled, by an enchant dictionary (hunspell's)
 * for the article's language.
 *
 * Words are the words byline-text.h counts, on the text a reader sees: in a
 * Markdown body its syntax, link and image addresses, code spans and code
 * blocks are never checked. Nor are addresses written out
 * ("https://…", "www.…", "desk@example.org"), words with a digit in them
 * ("COVID-19", "3.5") and pictographs. A hyphenated word is right when each
 * part is. Curly apostrophes are read as straight ones.
 *
 * Ranges are in characters of the text as given (the Markdown for a body):
 * what a GtkTextBuffer's offsets count. */

#define BYLINE_SPELL_ERROR (byline_spell_error_quark ())

typedef enum
{
  /* No dictionary is installed for the language. */
  BYLINE_SPELL_ERROR_NO_DICTIONARY,
} BylineSpellError;

GQuark byline_spell_error_quark (void);

typedef struct
{
  guint start;  /* characters, [start, end) */
  guint end;
} BylineSpellRange;

typedef struct _BylineSpellChecker BylineSpellChecker;

/* A checker for @language (a BCP 47 tag: "en", "fr-CA", "de-DE", "ar"): the
 * dictionary for that region, else the language's usual one ("en" reads
 * en_US, "fr" fr_FR), else any of that language installed. */
BylineSpellChecker *byline_spell_checker_new          (const char          *language,
                                                       GError             **error);
void                byline_spell_checker_free         (BylineSpellChecker  *self);
/* The dictionary it uses, as enchant names it ("en_US"). */
const char         *byline_spell_checker_get_dictionary (BylineSpellChecker *self);

/* Whether the single word @word (UTF-8, @length bytes or -1) is right. */
gboolean            byline_spell_checker_check_word   (BylineSpellChecker  *self,
                                                       const char          *word,
                                                       gssize               length);
/* Up to @max replacements for @word, best first. (transfer full) */
GStrv               byline_spell_checker_suggest      (BylineSpellChecker  *self,
                                                       const char          *word,
                                                       guint                max);
/* Words taken as right from now on: the newsroom's dictionary, and
 * "Ignore" (for as long as the checker lives). */
void                byline_spell_checker_add_word     (BylineSpellChecker  *self,
                                                       const char          *word);
void                byline_spell_checker_add_words    (BylineSpellChecker  *self,
                                                       const char * const  *words);

/* Every misspelled word of @text, in order.
 * Returns: (transfer full) (element-type BylineSpellRange) */
GArray             *byline_spell_checker_check_text   (BylineSpellChecker  *self,
                                                       const char          *text,
                                                       BylineTextFormat     format);

/* --- In steps, for typing -------------------------------------------------
 *
 * Finding the words of a text is quick (one Markdown parse); asking the
 * dictionary is what takes time on a long body. A scan finds the words at
 * once and checks them a few at a time, so that the editor can check a
 * 10,000-word body in idle chunks (bench/bench-spell.c). */

typedef struct _BylineSpellScan BylineSpellScan;

BylineSpellScan    *byline_spell_scan_new             (const char          *text,
                                                       BylineTextFormat     format);
void                byline_spell_scan_free            (BylineSpellScan     *scan);
guint               byline_spell_scan_get_n_words     (BylineSpellScan     *scan);
/* Checks up to @max_words more words, appending misspelled ranges to
 * @misspelled. Returns: %TRUE while words remain. */
gboolean            byline_spell_scan_step            (BylineSpellScan     *scan,
                                                       BylineSpellChecker  *checker,
                                                       guint                max_words,
                                                       GArray              *misspelled);

/* The word of @text at character @offset, as a range, or FALSE when there
 * is none there to check (for a context menu). */
gboolean            byline_spell_word_at              (const char          *text,
                                                       BylineTextFormat     format,
                                                       guint                offset,
                                                       BylineSpellRange    *range);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSpellChecker, byline_spell_checker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSpellScan, byline_spell_scan_free)

G_END_DECLS
