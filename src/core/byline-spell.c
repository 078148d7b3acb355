/* byline-spell.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include <string.h>

#include <enchant.h>
#include <glib/gi18n.h>

#include "byline-language.h"
#include "byline-spell.h"
#include "byline-text-private.h"

G_DEFINE_QUARK (byline-spell-error-quark, byline_spell_error)

struct _BylineSpellChecker
{
  EnchantBroker *broker;
  EnchantDict   *dict;
  char          *dictionary;
  /* word -> GINT_TO_POINTER (1 right, 2 wrong): a body repeats its words,
   * and asking hunspell is the slow part. */
  GHashTable    *known;
  /* The language's script when it is not Latin: a word with no letter of
   * it (a name in Latin letters in an Arabic report) is another
   * language's, which this dictionary cannot judge. */
  GUnicodeScript script;
};

/* The dictionary a language means when it names no region. */
static const struct
{
  const char *language;
  const char *dictionary;
} usual_dictionaries[] = {
  { "ar", "ar" },
  { "de", "de_DE" },
  { "en", "en_US" },
  { "es", "es_ES" },
  { "fr", "fr_FR" },
  { "it", "it_IT" },
  { "nl", "nl_NL" },
  { "pt", "pt_PT" },
};

typedef struct
{
  const char *prefix;
  GPtrArray  *found;
} DictSearch;

static void
collect_dictionary (const char * const  lang_tag,
                    const char * const  provider_name,
                    const char * const  provider_desc,
                    const char * const  provider_file,
                    void               *user_data)
{
  DictSearch *search = user_data;

  if (g_str_has_prefix (lang_tag, search->prefix))
    g_ptr_array_add (search->found, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "fr-CA" -> "fr_CA", "en" -> "en". */
static char *
enchant_tag (const char *language)
{
  g_autofree char *tag = g_strdup (language);

  g_strdelimit (tag, "-", '_');
  /* A script subtag ("sr-Latn-RS") means nothing to hunspell's names. */
  {
    g_auto(GStrv) parts = g_strsplit (tag, "_", -1);
    GString *out = g_string_new (parts[0] != NULL ? parts[0] : "");

    for (guint i = 1; parts[i] != NULL; i++)
      if (strlen (parts[i]) == 2 || (strlen (parts[i]) == 3 && g_ascii_isdigit (parts[i][0])))
        {
          g_autofree char *region = g_ascii_strup (parts[i], -1);

          g_string_append_printf (out, "_%s", region);
          break;
        }
    return g_string_free (out, FALSE);
  }
}

BylineSpellChecker *
byline_spell_checker_new (const char  *language,
                          GError     **error)
{
  g_autoptr(BylineSpellChecker) self = g_new0 (BylineSpellChecker, 1);
  g_autofree char *tag = NULL;
  g_autofree char *lang = NULL;
  const char *chosen = NULL;
  g_autofree char *listed = NULL;

  if (language == NULL || *language == '\0')
    language = "en";

  self->broker = enchant_broker_init ();
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->script = byline_language_get_script (language);

  tag = enchant_tag (language);
  lang = g_ascii_strdown (tag, strcspn (tag, "_"));

  if (*tag != '\0' && enchant_broker_dict_exists (self->broker, tag))
    chosen = tag;

  for (guint i = 0; chosen == NULL && i < G_N_ELEMENTS (usual_dictionaries); i++)
    if (g_str_equal (lang, usual_dictionaries[i].language) &&
        enchant_broker_dict_exists (self->broker, usual_dictionaries[i].dictionary))
      chosen = usual_dictionaries[i].dictionary;

  if (chosen == NULL && *lang != '\0')
    {
      g_autofree char *prefix = g_strconcat (lang, "_", NULL);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      DictSearch search = { prefix, found };

      if (enchant_broker_dict_exists (self->broker, lang))
        chosen = lang;
      else
        {
          enchant_broker_list_dicts (self->broker, collect_dictionary, &search);
          g_ptr_array_sort (found, compare_strings);
          if (found->len > 0)
            chosen = listed = g_strdup (g_ptr_array_index (found, 0));
        }
    }

  if (chosen != NULL)
    self->dict = enchant_broker_request_dict (self->broker, chosen);

  if (self->dict == NULL)
    {
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_NO_DICTIONARY,
                   /* Translators: %s is a language tag such as "fr" */
                   _("No spelling dictionary is installed for “%s”. "
                     "Install the hunspell dictionary for that language (for example hunspell-%s)."),
                   language, lang);
      return NULL;
    }

  self->dictionary = g_strdup (chosen);

  return g_steal_pointer (&self);
}

void
byline_spell_checker_free (BylineSpellChecker *self)
{
  if (self == NULL)
    return;

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  g_clear_pointer (&self->broker, enchant_broker_free);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_free (self->dictionary);
  g_free (self);
}

const char *
byline_spell_checker_get_dictionary (BylineSpellChecker *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dictionary;
}

/* --- words ---------------------------------------------------------------- */

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Whether @word is one to leave alone: an address, a number or a word
 * with a digit, a pictograph, an acronym in capitals. */
static gboolean
is_skipped (const char *word)
{
  gboolean letters = FALSE;
  gboolean lower = FALSE;
  guint n = 0;

  if (strstr (word, "://") != NULL || g_str_has_prefix (word, "www.") || strchr (word, '@') != NULL)
    return TRUE;

  for (const char *p = word; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return TRUE;
      if (g_unichar_isalpha (c))
        {
          letters = TRUE;
          if (!g_unichar_isupper (c) && !g_unichar_istitle (c))
            lower = TRUE;
        }
    }

  if (!letters)
    return TRUE;

  /* "NATO", "BBC": desks write acronyms no dictionary lists. A cased
   * script only: Arabic letters are neither upper nor lower. */
  if (!lower && n > 1)
    {
      for (const char *p = word; *p; p = g_utf8_next_char (p))
        if (g_unichar_isupper (g_utf8_get_char (p)))
          return TRUE;
    }

  return FALSE;
}

static gboolean
ask_dictionary (BylineSpellChecker *self,
                const char         *word,
                gsize               len)
{
  if (len == 0)
    return TRUE;

  return enchant_dict_check (self->dict, word, len) == 0;
}

static gboolean
check_normalized (BylineSpellChecker *self,
                  const char         *word)
{
  gsize len = strlen (word);
  gboolean has_hyphen = FALSE;

  if (is_skipped (word))
    return TRUE;

  if (ask_dictionary (self, word, len))
    return TRUE;

  /* Abbreviations: the words end before their last point ("p.m", "U.S"),
   * which dictionaries list with it ("p.m."); initials are right as they
   * are. */
  if (strchr (word, '.') != NULL)
    {
      g_autofree char *pointed = g_strconcat (word, ".", NULL);
      gboolean initials = TRUE;

      if (ask_dictionary (self, pointed, len + 1))
        return TRUE;
      for (gsize i = 0; i < len; i++)
        if ((i % 2 == 0 && !g_ascii_isalpha (word[i])) || (i % 2 == 1 && word[i] != '.'))
          initials = FALSE;
      if (initials)
        return TRUE;
    }

  /* A word spelled capitalized at the start of a sentence. */
  {
    gunichar first = g_utf8_get_char (word);

    if (g_unichar_isupper (first))
      {
        char buf[8];
        int n = g_unichar_to_utf8 (g_unichar_tolower (first), buf);
        const char *rest = g_utf8_next_char (word);
        g_autofree char *lowered = g_strdup_printf ("%.*s%s", n, buf, rest);

        if (ask_dictionary (self, lowered, strlen (lowered)))
          return TRUE;
      }
  }

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (is_hyphen (g_utf8_get_char (p)))
      has_hyphen = TRUE;

  if (has_hyphen)
    {
      const char *start = word;
      const char *p = word;

      for (;;)
        {
          if (*p == '\0' || is_hyphen (g_utf8_get_char (p)))
            {
              g_autofree char *part = g_strndup (start, p - start);

              if (*part != '\0' && !check_normalized (self, part))
                return FALSE;
              if (*p == '\0')
                break;
              start = g_utf8_next_char (p);
            }
          p = g_utf8_next_char (p);
        }
      return TRUE;
    }

  return FALSE;
}

/* @word with curly apostrophes straightened (hunspell's dictionaries list
 * "didn't", never "didn’t"). */
static char *
normalize_word (const char *word,
                gssize      length)
{
  GString *out = g_string_sized_new (length < 0 ? 16 : length);
  const char *end = length < 0 ? word + strlen (word) : word + length;

  for (const char *p = word; p < end && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x02BC)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Whether @word has a letter in @script; any word does when the script
 * is not known. */
static gboolean
has_script (const char     *word,
            GUnicodeScript  script)
{
  if (script == G_UNICODE_SCRIPT_INVALID_CODE)
    return TRUE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;

  return FALSE;
}

gboolean
byline_spell_checker_check_word (BylineSpellChecker *self,
                                 const char         *word,
                                 gssize              length)
{
  g_autofree char *normal = NULL;
  gpointer known;
  gboolean right;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  if (!g_utf8_validate (word, length, NULL))
    return TRUE;

  normal = normalize_word (word, length);
  known = g_hash_table_lookup (self->known, normal);
  if (known != NULL)
    return GPOINTER_TO_INT (known) == 1;

  right = !has_script (normal, self->script) || check_normalized (self, normal);
  /* A possessive of a word the newsroom added ("Portvale's"), which the
   * dictionary's own rules cannot know. */
  if (!right && g_str_has_suffix (normal, "'s") && strlen (normal) > 2)
    right = byline_spell_checker_check_word (self, normal, strlen (normal) - 2);
  g_hash_table_insert (self->known, g_steal_pointer (&normal), GINT_TO_POINTER (right ? 1 : 2));

  return right;
}

GStrv
byline_spell_checker_suggest (BylineSpellChecker *self,
                              const char         *word,
                              guint               max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *normal = NULL;
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (!g_utf8_validate (word, -1, NULL) || *word == '\0')
    return g_strv_builder_end (builder);

  normal = normalize_word (word, -1);
  suggestions = enchant_dict_suggest (self->dict, normal, strlen (normal), &n);
  for (size_t i = 0; i < n && i < max; i++)
    g_strv_builder_add (builder, suggestions[i]);
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);

  return g_strv_builder_end (builder);
}

static void
add_word (BylineSpellChecker *self,
          const char         *word)
{
  g_autofree char *normal = NULL;

  if (word == NULL || *word == '\0' || !g_utf8_validate (word, -1, NULL))
    return;

  normal = normalize_word (word, -1);
  enchant_dict_add_to_session (self->dict, normal, strlen (normal));
  g_hash_table_insert (self->known, g_steal_pointer (&normal), GINT_TO_POINTER (1));
}

static gboolean
is_wrong_verdict (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  return GPOINTER_TO_INT (value) == 2;
}

/* A new word can make a form of it right ("Kyiv's"): the verdicts kept
 * against words go. */
static void
forget_wrong (BylineSpellChecker *self)
{
  g_hash_table_foreach_remove (self->known, is_wrong_verdict, NULL);
}

void
byline_spell_checker_add_word (BylineSpellChecker *self,
                               const char         *word)
{
  g_return_if_fail (self != NULL);

  add_word (self, word);
  forget_wrong (self);
}

void
byline_spell_checker_add_words (BylineSpellChecker *self,
                                const char * const *words)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    add_word (self, words[i]);
  forget_wrong (self);
}

/* --- scanning ------------------------------------------------------------- */

typedef struct
{
  guint start;
  guint end;
  guint text;   /* byte offset of the word's text in the scan's words */
} ScanWord;

struct _BylineSpellScan
{
  GArray  *words;   /* ScanWord */
  GString *text;    /* the words' texts, each ending in a NUL */
  guint    next;
};

typedef struct
{
  BylineSpellScan *scan;
  const gboolean  *code;  /* per char of the leaf, or NULL */
} Collect;

static void
collect_word (const BylineTextChar *chars,
              guint                 first,
              guint                 end,
              gpointer              user_data)
{
  Collect *collect = user_data;
  ScanWord word;

  if (collect->code != NULL)
    for (guint i = first; i < end; i++)
      if (collect->code[i])
        return;

  if (chars[first].source == BYLINE_TEXT_NO_SOURCE || chars[end - 1].source == BYLINE_TEXT_NO_SOURCE)
    return;

  word.start = chars[first].source;
  word.end = chars[end - 1].source + 1;
  word.text = collect->scan->text->len;
  for (guint i = first; i < end; i++)
    g_string_append_unichar (collect->scan->text, chars[i].c);
  g_string_append_c (collect->scan->text, '\0');
  g_array_append_val (collect->scan->words, word);
}

static void
scan_plain (BylineSpellScan *scan,
            const char      *text)
{
  g_autoptr(GArray) chars = _byline_text_dup_plain_chars (text);
  Collect collect = { scan, NULL };

  _byline_text_scan_words ((const BylineTextChar *) chars->data, chars->len, collect_word, &collect);
}

static void
scan_markdown (BylineSpellScan *scan,
               const char      *text)
{
  cmark_node *document = byline_text_parse_markdown (text);
  BylineTextMap map = { 0, };

  _byline_text_map_init (&map, document, text);

  for (guint i = 0; i < map.leaves->len; i++)
    {
      const BylineTextLeaf *leaf = &g_array_index (map.leaves, BylineTextLeaf, i);
      g_autofree gboolean *code = g_new0 (gboolean, leaf->chars->len + 1);
      Collect collect = { scan, code };

      /* Code is not prose: a code span's or a code block's characters
       * break no word but are never checked. */
      for (guint s = leaf->first_span; s < leaf->first_span + leaf->n_spans; s++)
        {
          const BylineTextSpan *span = &g_array_index (map.spans, BylineTextSpan, s);
          cmark_node_type type = cmark_node_get_type (span->node);

          if (type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK)
            for (guint c = span->first; c < span->first + span->n_chars && c < leaf->chars->len; c++)
              code[c] = TRUE;
        }

      _byline_text_scan_words ((const BylineTextChar *) leaf->chars->data, leaf->chars->len,
                               collect_word, &collect);
    }

  _byline_text_map_clear (&map);
  cmark_node_free (document);
}

BylineSpellScan *
byline_spell_scan_new (const char       *text,
                       BylineTextFormat  format)
{
  BylineSpellScan *scan = g_new0 (BylineSpellScan, 1);
  g_autofree char *valid = _byline_text_dup_valid (text);

  scan->words = g_array_new (FALSE, FALSE, sizeof (ScanWord));
  scan->text = g_string_new (NULL);

  if (format == BYLINE_TEXT_MARKDOWN)
    scan_markdown (scan, valid);
  else
    scan_plain (scan, valid);

  return scan;
}

void
byline_spell_scan_free (BylineSpellScan *scan)
{
  if (scan == NULL)
    return;

  g_array_unref (scan->words);
  g_string_free (scan->text, TRUE);
  g_free (scan);
}

guint
byline_spell_scan_get_n_words (BylineSpellScan *scan)
{
  g_return_val_if_fail (scan != NULL, 0);

  return scan->words->len;
}

gboolean
byline_spell_scan_step (BylineSpellScan    *scan,
                        BylineSpellChecker *checker,
                        guint               max_words,
                        GArray             *misspelled)
{
  guint stop;

  g_return_val_if_fail (scan != NULL, FALSE);
  g_return_val_if_fail (checker != NULL, FALSE);
  g_return_val_if_fail (misspelled != NULL, FALSE);

  stop = MIN (scan->words->len, scan->next + MAX (max_words, 1));
  for (; scan->next < stop; scan->next++)
    {
      const ScanWord *word = &g_array_index (scan->words, ScanWord, scan->next);

      if (!byline_spell_checker_check_word (checker, scan->text->str + word->text, -1))
        {
          BylineSpellRange range = { word->start, word->end };

          g_array_append_val (misspelled, range);
        }
    }

  return scan->next < scan->words->len;
}

GArray *
byline_spell_checker_check_text (BylineSpellChecker *self,
                                 const char         *text,
                                 BylineTextFormat    format)
{
  g_autoptr(BylineSpellScan) scan = NULL;
  GArray *misspelled = g_array_new (FALSE, FALSE, sizeof (BylineSpellRange));

  g_return_val_if_fail (self != NULL, misspelled);

  scan = byline_spell_scan_new (text, format);
  while (byline_spell_scan_step (scan, self, G_MAXUINT, misspelled))
    ;

  return misspelled;
}

gboolean
byline_spell_word_at (const char       *text,
                      BylineTextFormat  format,
                      guint             offset,
                      BylineSpellRange *range)
{
  g_autoptr(BylineSpellScan) scan = NULL;

  g_return_val_if_fail (range != NULL, FALSE);

  scan = byline_spell_scan_new (text, format);
  for (guint i = 0; i < scan->words->len; i++)
    {
      const ScanWord *word = &g_array_index (scan->words, ScanWord, i);

      if (offset >= word->start && offset <= word->end)
        {
          range->start = word->start;
          range->end = word->end;
          return TRUE;
        }
    }

  return FALSE;
}
