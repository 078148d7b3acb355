/* byline-text.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-text"

#include "config.h"

#include <string.h>

#include "byline-diff.h"
#include "byline-text-private.h"

/* The word rules are written here rather than taken from a library: ICU's
 * word breaker would split "e-mail" and "3.5" the way it splits for a
 * cursor, not the way people count, and Pango's needs a layout. The rules
 * themselves are listed in byline-text.h. */

/* --- characters ------------------------------------------------------------ */

/* Chinese and Japanese: each character a word. */
static gboolean
is_ideograph (gunichar c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return g_unichar_isalnum (c);
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) || g_unichar_ismark (c)) && !is_ideograph (c);
}

static gboolean
is_letter (gunichar c)
{
  return g_unichar_isalpha (c) && !is_ideograph (c);
}

/* Whether @c between @prev and @next keeps one word (see byline-text.h). */
static gboolean
joins (gunichar prev,
       gunichar c,
       gunichar next)
{
  switch (c)
    {
    case '\'':
    case 0x2019: /* RIGHT SINGLE QUOTATION MARK */
      return is_word_char (prev) && is_letter (next);

    case '-':
    case '_':
    case 0x00AD: /* SOFT HYPHEN */
    case 0x2010: /* HYPHEN */
    case 0x2011: /* NON-BREAKING HYPHEN */
    case 0x200C: /* ZERO WIDTH NON-JOINER */
    case 0x200D: /* ZERO WIDTH JOINER */
    case 0x2060: /* WORD JOINER */
      return is_word_char (prev) && is_word_char (next);

    case '.':
      return (g_unichar_isdigit (prev) && g_unichar_isdigit (next)) ||
             (is_letter (prev) && is_letter (next));

    case ',':
    case ':':
    case '/':
      return g_unichar_isdigit (prev) && g_unichar_isdigit (next);

    case 0x05F3: /* HEBREW PUNCTUATION GERESH */
    case 0x05F4: /* HEBREW PUNCTUATION GERSHAYIM */
      return is_letter (prev) && is_letter (next);

    default:
      return FALSE;
    }
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* What stays with a pictograph: accents, variation selectors and keycaps,
 * skin tones, and the tag characters of subdivision flags. */
static gboolean
modifies_pictograph (gunichar c)
{
  return g_unichar_ismark (c) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F);
}

/* The end of the pictograph (emoji, "★") starting at @i. */
static guint
scan_pictograph (const BylineTextChar *t,
                 guint                 i,
                 guint                 n)
{
  gboolean regional = is_regional_indicator (t[i].c);

  i++;
  if (regional && i < n && is_regional_indicator (t[i].c))
    return i + 1;

  for (;;)
    {
      while (i < n && modifies_pictograph (t[i].c))
        i++;

      /* A family or a profession: pictographs joined by ZWJ. */
      if (i + 1 < n && t[i].c == 0x200D && g_unichar_type (t[i + 1].c) == G_UNICODE_OTHER_SYMBOL)
        i += 2;
      else
        return i;
    }
}

static gboolean
is_run_end (gunichar c)
{
  return g_unichar_isspace (c) || c == '<' || c == '>' || c == '"' || c == 0x201C || c == 0x201D;
}

static gboolean
has_ascii_prefix (const BylineTextChar *t,
                  guint                 i,
                  guint                 end,
                  const char           *prefix)
{
  for (; *prefix; prefix++, i++)
    if (i >= end || g_unichar_tolower (t[i].c) != (gunichar) *prefix)
      return FALSE;

  return TRUE;
}

/* Whether the run [@i, @end) without white space is an address written
 * out: "scheme://…", "www.…" or "name@host.domain". */
static gboolean
is_address (const BylineTextChar *t,
            guint                 i,
            guint                 end)
{
  guint j = i;

  while (j < end && j - i < 12 && t[j].c < 0x80 && g_ascii_isalpha (t[j].c))
    j++;
  if (j - i >= 2 && has_ascii_prefix (t, j, end, "://") && j + 3 < end)
    return TRUE;

  if (has_ascii_prefix (t, i, end, "www.") && i + 4 < end)
    return TRUE;

  for (j = i + 1; j + 1 < end; j++)
    {
      if (t[j].c == '@' && is_word_char (t[j - 1].c) && is_word_char (t[j + 1].c))
        {
          for (guint k = j + 2; k + 1 < end; k++)
            if (t[k].c == '.' && is_word_char (t[k + 1].c))
              return TRUE;
          return FALSE;
        }
    }

  return FALSE;
}

/* The end of the address starting at @i: its run, without the punctuation
 * that closes the sentence around it. */
static guint
scan_address (const BylineTextChar *t,
              guint                 i,
              guint                 end)
{
  while (end > i + 1)
    {
      gunichar c = t[end - 1].c;

      if (c == '/' || !(g_unichar_ispunct (c) || c == ')'))
        break;
      end--;
    }

  return end;
}

void
_byline_text_scan_words (const BylineTextChar *t,
                         guint                 n,
                         BylineTextWordFunc    func,
                         gpointer              user_data)
{
  guint i = 0;

  while (i < n)
    {
      gunichar c = t[i].c;
      guint end;

      if (is_ideograph (c))
        {
          end = i + 1;
          while (end < n && g_unichar_ismark (t[end].c))
            end++;
        }
      else if (g_unichar_isalnum (c))
        {
          guint run = i;
          gunichar base = c;

          while (run < n && !is_run_end (t[run].c))
            run++;

          if (is_address (t, i, run))
            end = scan_address (t, i, run);
          else
            {
              end = i + 1;
              for (;;)
                {
                  if (end < n && is_word_char (t[end].c))
                    {
                      if (!g_unichar_ismark (t[end].c))
                        base = t[end].c;
                      end++;
                    }
                  else if (end + 1 < n && joins (base, t[end].c, t[end + 1].c))
                    end++;
                  else
                    break;
                }
            }
        }
      else if (g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL && c != 0xFFFD && c != 0xFFFC)
        {
          end = scan_pictograph (t, i, n);
        }
      else
        {
          i++;
          continue;
        }

      func (t, i, end, user_data);
      i = end;
    }
}

/* --- sentences ------------------------------------------------------------- */

static gboolean
is_terminator (gunichar c)
{
  switch (c)
    {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* HORIZONTAL ELLIPSIS */
    case 0x203C: /* DOUBLE EXCLAMATION MARK */
    case 0x2047: /* DOUBLE QUESTION MARK */
    case 0x2048: /* QUESTION EXCLAMATION MARK */
    case 0x2049: /* EXCLAMATION QUESTION MARK */
    case 0x061F: /* ARABIC QUESTION MARK */
    case 0x06D4: /* ARABIC FULL STOP */
    case 0x3002: /* IDEOGRAPHIC FULL STOP */
    case 0xFF01: /* FULLWIDTH EXCLAMATION MARK */
    case 0xFF0E: /* FULLWIDTH FULL STOP */
    case 0xFF1F: /* FULLWIDTH QUESTION MARK */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Full-width stops end a sentence without a space after them. */
static gboolean
is_wide_terminator (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F;
}

static gboolean
is_closing (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return TRUE;
    default:
      return c == '"' || c == '\'';
    }
}

/* Titles before a name, after which a point ends no sentence. */
static const char * const titles[] = {
  "mr", "mrs", "ms", "dr", "prof", "st", "mt", "jr", "sr", "sen", "rep", "gov",
  "gen", "col", "capt", "lt", "sgt", "rev", "hon",
};

static gboolean
is_title (const BylineTextChar *t,
          guint                 first,
          guint                 end)
{
  g_autoptr(GString) word = g_string_new (NULL);

  /* "J. K. Rowling": an initial. */
  if (end - first == 1 && g_unichar_isupper (t[first].c))
    return TRUE;

  for (guint i = first; i < end; i++)
    g_string_append_unichar (word, g_unichar_tolower (t[i].c));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (word->str, titles[i]))
      return TRUE;

  return FALSE;
}

typedef struct
{
  guint n;            /* characters in the piece */
  guint n_sentences;
  guint words_since;  /* words since the last sentence ended */
  /* Where each sentence is, when asked for (BylineTextSentence). */
  GArray *sentences;
  guint   start;      /* source of the sentence's first word */
  guint   end;        /* source after its last word or stop */
} SentenceScan;

static void
add_sentence (SentenceScan *scan)
{
  BylineTextSentence sentence = { scan->start, scan->end, scan->words_since };

  if (scan->sentences != NULL && scan->start != BYLINE_TEXT_NO_SOURCE)
    g_array_append_val (scan->sentences, sentence);
}

/* The source just after @t[@i - 1], or NO_SOURCE. */
static guint
source_after (const BylineTextChar *t,
              guint                 i)
{
  return t[i - 1].source == BYLINE_TEXT_NO_SOURCE ? BYLINE_TEXT_NO_SOURCE : t[i - 1].source + 1;
}

static void
sentence_word_cb (const BylineTextChar *t,
                  guint                 first,
                  guint                 end,
                  gpointer              user_data)
{
  SentenceScan *scan = user_data;
  guint n = scan->n;
  guint i = end;
  guint n_stops = 0;
  gboolean wide = FALSE;

  scan->words_since++;
  if (scan->words_since == 1)
    scan->start = t[first].source;
  if (source_after (t, end) != BYLINE_TEXT_NO_SOURCE)
    scan->end = source_after (t, end);

  /* "Mr. Smith", "J. K. Rowling". */
  if (end < n && t[end].c == '.' && (end + 1 == n || t[end + 1].c != '.') && is_title (t, first, end))
    return;

  while (i < n && is_closing (t[i].c))
    i++;
  while (i < n && is_terminator (t[i].c))
    {
      wide = wide || is_wide_terminator (t[i].c);
      n_stops++;
      i++;
    }
  if (n_stops == 0)
    return;
  while (i < n && is_closing (t[i].c))
    i++;

  {
    guint stop_end = i;

    if (i < n && !wide)
      {
        if (!g_unichar_isspace (t[i].c))
          return;
        while (i < n && g_unichar_isspace (t[i].c))
          i++;
        if (i < n && g_unichar_islower (t[i].c))
          return;
      }

    if (source_after (t, stop_end) != BYLINE_TEXT_NO_SOURCE)
      scan->end = source_after (t, stop_end);
  }

  add_sentence (scan);
  scan->n_sentences++;
  scan->words_since = 0;
}

static guint
scan_leaf_sentences (const BylineTextChar *t,
                     guint                 n,
                     GArray               *sentences)
{
  SentenceScan scan = { n, 0, 0, sentences, BYLINE_TEXT_NO_SOURCE, BYLINE_TEXT_NO_SOURCE };

  _byline_text_scan_words (t, n, sentence_word_cb, &scan);

  /* A heading or a list item without a closing point. */
  if (scan.words_since > 0)
    add_sentence (&scan);

  return scan.n_sentences + (scan.words_since > 0);
}

static guint
count_leaf_sentences (const BylineTextChar *t,
                      guint                 n)
{
  return scan_leaf_sentences (t, n, NULL);
}

void
_byline_text_scan_sentences (const BylineTextChar *chars,
                             guint                 n_chars,
                             GArray               *sentences)
{
  scan_leaf_sentences (chars, n_chars, sentences);
}

/* --- counting -------------------------------------------------------------- */

GArray *
_byline_text_dup_plain_chars (const char *text)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (BylineTextChar));
  guint i = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      BylineTextChar ch = { g_utf8_get_char (p), i };

      g_array_append_val (chars, ch);
    }

  return chars;
}

char *
_byline_text_dup_valid (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}

/* Calls @func on the text of @text a reader sees, piece by piece: a plain
 * text in paragraphs split at blank lines, a Markdown one block by block. */
typedef BylineTextPieceFunc PieceFunc;

static void
foreach_piece (const char       *text,
               BylineTextFormat  format,
               PieceFunc         func,
               gpointer          user_data)
{
  g_autofree char *valid = _byline_text_dup_valid (text);

  if (format == BYLINE_TEXT_MARKDOWN)
    {
      cmark_node *document = byline_text_parse_markdown (valid);
      BylineTextMap map = { NULL, };

      _byline_text_map_init (&map, document, valid);
      for (guint i = 0; i < map.leaves->len; i++)
        {
          GArray *chars = g_array_index (map.leaves, BylineTextLeaf, i).chars;

          func ((const BylineTextChar *) chars->data, chars->len, user_data);
        }
      _byline_text_map_clear (&map);
      cmark_node_free (document);
    }
  else
    {
      g_autoptr(GArray) chars = _byline_text_dup_plain_chars (valid);
      /* An empty GArray has no data; "NULL + 0" would be undefined. */
      static const BylineTextChar no_chars[1];
      const BylineTextChar *t = chars->len > 0 ? (const BylineTextChar *) chars->data : no_chars;
      guint n = chars->len;
      guint start = 0;
      guint i = 0;

      while (i < n)
        {
          if (t[i].c == '\n')
            {
              guint j = i + 1;

              while (j < n && t[j].c != '\n' && g_unichar_isspace (t[j].c))
                j++;
              if (j < n && t[j].c == '\n')
                {
                  func (t + start, i - start, user_data);
                  start = i = j + 1;
                  continue;
                }
            }
          i++;
        }
      func (t + start, n - start, user_data);
    }
}

static void
count_word_cb (const BylineTextChar *chars,
               guint                 first,
               guint                 end,
               gpointer              user_data)
{
  (*(guint *) user_data)++;
}

static void
count_words_piece (const BylineTextChar *chars,
                   guint                 n,
                   gpointer              user_data)
{
  _byline_text_scan_words (chars, n, count_word_cb, user_data);
}

static void
count_sentences_piece (const BylineTextChar *chars,
                       guint                 n,
                       gpointer              user_data)
{
  *(guint *) user_data += count_leaf_sentences (chars, n);
}

typedef struct
{
  guint words;
  guint sentences;
} Tally;

static void
tally_piece (const BylineTextChar *chars,
             guint                 n,
             gpointer              user_data)
{
  Tally *tally = user_data;

  count_words_piece (chars, n, &tally->words);
  tally->sentences += count_leaf_sentences (chars, n);
}

/**
 * byline_text_count_words:
 * @text: (nullable): the text
 * @format: whether @text is Markdown
 *
 * Returns: the words a reader reads in @text
 */
guint
byline_text_count_words (const char       *text,
                         BylineTextFormat  format)
{
  guint n = 0;

  foreach_piece (text, format, count_words_piece, &n);
  return n;
}

guint
byline_text_count_sentences (const char       *text,
                             BylineTextFormat  format)
{
  guint n = 0;

  foreach_piece (text, format, count_sentences_piece, &n);
  return n;
}

guint
byline_text_count_characters (const char *text)
{
  guint n = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p; p = g_utf8_find_next_char (p, NULL))
    if (*p != '\n' && *p != '\r')
      n++;

  return n;
}

guint
byline_text_reading_minutes (guint n_words)
{
  return (n_words + BYLINE_TEXT_WORDS_PER_MINUTE - 1) / BYLINE_TEXT_WORDS_PER_MINUTE;
}

/**
 * byline_text_count:
 * @text: (nullable): the text
 * @format: whether @text is Markdown
 * @counts: (out caller-allocates): what it holds
 */
void
byline_text_count (const char       *text,
                   BylineTextFormat  format,
                   BylineTextCounts *counts)
{
  Tally tally = { 0, 0 };

  g_return_if_fail (counts != NULL);

  foreach_piece (text, format, tally_piece, &tally);
  counts->words = tally.words;
  counts->sentences = tally.sentences;
  counts->characters = byline_text_count_characters (text);
  counts->blocks = format == BYLINE_TEXT_MARKDOWN ? byline_text_count_blocks (text) : 0;
  counts->reading_minutes = byline_text_reading_minutes (tally.words);
}

typedef struct
{
  const gboolean *changed;  /* by character of the text */
  guint           n_changed;
  guint           n_words;
} ChangeCount;

static void
count_changed_word_cb (const BylineTextChar *chars,
                       guint                 first,
                       guint                 end,
                       gpointer              user_data)
{
  ChangeCount *count = user_data;

  for (guint i = first; i < end; i++)
    {
      guint source = chars[i].source;

      if (source < count->n_changed && count->changed[source])
        {
          count->n_words++;
          return;
        }
    }
}

static void
count_changed_piece (const BylineTextChar *chars,
                     guint                 n,
                     gpointer              user_data)
{
  _byline_text_scan_words (chars, n, count_changed_word_cb, user_data);
}

/* The words of @text that a character of @changed belongs to. */
static guint
count_changed_words (const char       *text,
                     BylineTextFormat  format,
                     const gboolean   *changed,
                     guint             n_changed)
{
  ChangeCount count = { changed, n_changed, 0 };

  foreach_piece (text, format, count_changed_piece, &count);
  return count.n_words;
}

/**
 * byline_text_count_changes:
 * @ops: (element-type BylineDiffOp): a word diff
 * @format: whether the texts are Markdown
 * @added: (out) (optional): words touched by insertions, in the new text
 * @removed: (out) (optional): words touched by deletions, in the old text
 */
void
byline_text_count_changes (GPtrArray        *ops,
                           BylineTextFormat  format,
                           guint            *added,
                           guint            *removed)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GArray) old_changed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GArray) new_changed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gboolean any_insert = FALSE;
  gboolean any_delete = FALSE;

  g_return_if_fail (ops != NULL);

  /* Both texts are the ops' texts put together. */
  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);
      gboolean yes = op->kind != BYLINE_DIFF_EQUAL;

      if (op->kind != BYLINE_DIFF_INSERT)
        {
          g_string_append (old_text, op->text);
          for (guint k = 0; k < op->n_chars; k++)
            g_array_append_val (old_changed, yes);
          any_delete = any_delete || yes;
        }
      if (op->kind != BYLINE_DIFF_DELETE)
        {
          g_string_append (new_text, op->text);
          for (guint k = 0; k < op->n_chars; k++)
            g_array_append_val (new_changed, yes);
          any_insert = any_insert || yes;
        }
    }

  if (added != NULL)
    *added = any_insert ? count_changed_words (new_text->str, format,
                                               (const gboolean *) new_changed->data, new_changed->len)
                        : 0;
  if (removed != NULL)
    *removed = any_delete ? count_changed_words (old_text->str, format,
                                                 (const gboolean *) old_changed->data, old_changed->len)
                          : 0;
}

void
_byline_text_foreach_piece (const char          *text,
                            BylineTextFormat     format,
                            BylineTextPieceFunc  func,
                            gpointer             user_data)
{
  foreach_piece (text, format, func, user_data);
}

static void
sentences_piece (const BylineTextChar *chars,
                 guint                 n,
                 gpointer              user_data)
{
  scan_leaf_sentences (chars, n, user_data);
}

/**
 * byline_text_get_sentences:
 * @text: (nullable): the text
 * @format: whether @text is Markdown
 *
 * Returns: (transfer full) (element-type BylineTextSentence): the
 *   sentences byline_text_count_sentences() counts, in order
 */
GArray *
byline_text_get_sentences (const char       *text,
                           BylineTextFormat  format)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (BylineTextSentence));

  foreach_piece (text, format, sentences_piece, sentences);

  return sentences;
}
