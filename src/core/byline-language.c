/* byline-language.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-language"

#include "config.h"

#include <string.h>

#include "byline-language.h"

/* RFC 5646's grammar for a language tag, by hand: GLib has no parser for
 * it, and the grammar is short. Grandfathered tags ("i-klingon") are not
 * accepted: no newsroom writes them. */

static gboolean
all_of (const char *s,
        gboolean  (*is) (gchar),
        gsize       min,
        gsize       max)
{
  gsize len = strlen (s);

  if (len < min || len > max)
    return FALSE;

  for (const char *p = s; *p; p++)
    if (!is (*p))
      return FALSE;

  return TRUE;
}

static gboolean is_alpha (gchar c) { return g_ascii_isalpha (c); }
static gboolean is_digit (gchar c) { return g_ascii_isdigit (c); }
static gboolean is_alnum (gchar c) { return g_ascii_isalnum (c); }

static void
to_lower (char *s)
{
  for (; *s; s++)
    *s = g_ascii_tolower (*s);
}

static void
to_upper (char *s)
{
  for (; *s; s++)
    *s = g_ascii_toupper (*s);
}

static gboolean
is_variant (const char *s)
{
  return all_of (s, is_alnum, 5, 8) ||
         (strlen (s) == 4 && g_ascii_isdigit (s[0]) && all_of (s + 1, is_alnum, 3, 3));
}

/* Checks and recases the subtags after the primary language, from @i on. */
static gboolean
check_rest (char  **parts,
            guint   i)
{
  guint n_extlang = 0;

  /* extlang: up to three 3-letter subtags */
  while (parts[i] != NULL && n_extlang < 3 && all_of (parts[i], is_alpha, 3, 3))
    {
      to_lower (parts[i++]);
      n_extlang++;
    }

  /* script: 4 letters, "Latn" */
  if (parts[i] != NULL && all_of (parts[i], is_alpha, 4, 4))
    {
      to_lower (parts[i]);
      parts[i][0] = g_ascii_toupper (parts[i][0]);
      i++;
    }

  /* region: 2 letters or 3 digits */
  if (parts[i] != NULL && (all_of (parts[i], is_alpha, 2, 2) || all_of (parts[i], is_digit, 3, 3)))
    to_upper (parts[i++]);

  while (parts[i] != NULL && is_variant (parts[i]))
    to_lower (parts[i++]);

  /* extensions: a singleton other than x, then subtags of 2 to 8 */
  while (parts[i] != NULL && strlen (parts[i]) == 1 && g_ascii_isalnum (parts[i][0]) &&
         g_ascii_tolower (parts[i][0]) != 'x')
    {
      guint n = 0;

      to_lower (parts[i++]);
      while (parts[i] != NULL && all_of (parts[i], is_alnum, 2, 8))
        {
          to_lower (parts[i++]);
          n++;
        }
      if (n == 0)
        return FALSE;
    }

  /* private use: x, then subtags of 1 to 8 */
  if (parts[i] != NULL && g_ascii_strcasecmp (parts[i], "x") == 0)
    {
      guint n = 0;

      to_lower (parts[i++]);
      while (parts[i] != NULL && all_of (parts[i], is_alnum, 1, 8))
        {
          to_lower (parts[i++]);
          n++;
        }
      if (n == 0)
        return FALSE;
    }

  return parts[i] == NULL;
}

char *
byline_language_dup_tag (const char *language)
{
  g_autofree char *tag = NULL;
  g_auto(GStrv) parts = NULL;
  char *cut;

  if (language == NULL)
    return NULL;

  tag = g_strstrip (g_strdup (language));
  if ((cut = strpbrk (tag, ".@")) != NULL)
    *cut = '\0';
  g_strdelimit (tag, "_", '-');

  if (*tag == '\0' || strlen (tag) > 64)
    return NULL;

  parts = g_strsplit (tag, "-", -1);

  /* primary language: 2 or 3 letters; the grammar also allows 5 to 8 for
   * future registrations, of which there are none: "english" is a mistake */
  if (!all_of (parts[0], is_alpha, 2, 3))
    return NULL;
  to_lower (parts[0]);

  if (!check_rest (parts, 1))
    return NULL;

  return g_strjoinv ("-", parts);
}

char *
byline_language_dup_effective (const char *article_language,
                               const char *publication_language)
{
  char *tag = byline_language_dup_tag (article_language);

  if (tag == NULL)
    tag = byline_language_dup_tag (publication_language);
  if (tag == NULL)
    tag = g_strdup ("en");

  return tag;
}

char *
byline_article_dup_effective_language (BylineArticle           *article,
                                       const BylinePublication *publication)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return byline_language_dup_effective (byline_article_get_language (article),
                                        publication != NULL ? publication->language : NULL);
}

/* --- scripts -------------------------------------------------------------- */

/* The script a language is written in when its tag names none (ISO 15924,
 * after CLDR's likely subtags), for the languages whose script is not Latin
 * and matters here: the right-to-left and the joining ones. */
static const struct
{
  const char *language;
  const char *script;
} default_scripts[] = {
  { "ar", "Arab" }, { "arc", "Syrc" }, { "azb", "Arab" }, { "bal", "Arab" },
  { "bqi", "Arab" }, { "ckb", "Arab" }, { "dv", "Thaa" }, { "fa", "Arab" },
  { "glk", "Arab" }, { "he", "Hebr" }, { "iw", "Hebr" }, { "ji", "Hebr" },
  { "ks", "Arab" }, { "lad", "Hebr" }, { "lrc", "Arab" }, { "mvf", "Mong" },
  { "mzn", "Arab" }, { "nqo", "Nkoo" }, { "pnb", "Arab" }, { "prs", "Arab" },
  { "ps", "Arab" }, { "sd", "Arab" }, { "sdh", "Arab" }, { "syc", "Syrc" },
  { "syr", "Syrc" }, { "ug", "Arab" }, { "ur", "Arab" }, { "yi", "Hebr" },
};

static const char * const rtl_scripts[] = {
  "Adlm", "Arab", "Aran", "Avst", "Chrs", "Hebr", "Mand", "Mend", "Nkoo",
  "Phnx", "Rohg", "Samr", "Sogd", "Syrc", "Thaa", "Yezi",
};

static const char * const joining_scripts[] = {
  "Adlm", "Arab", "Aran", "Chrs", "Mand", "Mani", "Mong", "Nkoo", "Phag",
  "Phlp", "Rohg", "Sogd", "Syrc",
};

/* The script subtag of @tag ("Arab" in "az-Arab-IR"), else the primary
 * language's usual one, else NULL (Latin, or not a script that matters). */
static char *
dup_script (const char *tag)
{
  g_autofree char *clean = byline_language_dup_tag (tag);
  g_auto(GStrv) parts = NULL;

  if (clean == NULL)
    return NULL;

  parts = g_strsplit (clean, "-", -1);
  for (guint i = 1; parts[i] != NULL && strlen (parts[i]) > 1; i++)
    if (strlen (parts[i]) == 4 && g_ascii_isalpha (parts[i][0]))
      return g_strdup (parts[i]);

  for (guint i = 0; i < G_N_ELEMENTS (default_scripts); i++)
    if (g_str_equal (parts[0], default_scripts[i].language))
      return g_strdup (default_scripts[i].script);

  return NULL;
}

static gboolean
script_in (const char         *tag,
           const char * const *scripts,
           guint               n_scripts)
{
  g_autofree char *script = dup_script (tag);

  if (script == NULL)
    return FALSE;

  for (guint i = 0; i < n_scripts; i++)
    if (g_str_equal (script, scripts[i]))
      return TRUE;

  return FALSE;
}

GUnicodeScript
byline_language_get_script (const char *tag)
{
  g_autofree char *script = dup_script (tag);

  if (script == NULL)
    return G_UNICODE_SCRIPT_INVALID_CODE;

  /* ISO 15924 codes read as a big-endian number: 'A' 'r' 'a' 'b'. */
  return g_unicode_script_from_iso15924 (((guint32) script[0] << 24) | ((guint32) script[1] << 16) |
                                         ((guint32) script[2] << 8) | (guint32) script[3]);
}

gboolean
byline_language_is_rtl (const char *tag)
{
  return script_in (tag, rtl_scripts, G_N_ELEMENTS (rtl_scripts));
}

gboolean
byline_language_joins_letters (const char *tag)
{
  return script_in (tag, joining_scripts, G_N_ELEMENTS (joining_scripts));
}

/* The language a script most likely means in a newsroom. Latin means
 * nothing by itself. */
static const struct
{
  GUnicodeScript  script;
  const char     *language;
} script_languages[] = {
  { G_UNICODE_SCRIPT_ARABIC, "ar" },     { G_UNICODE_SCRIPT_HEBREW, "he" },
  { G_UNICODE_SCRIPT_GREEK, "el" },      { G_UNICODE_SCRIPT_CYRILLIC, "ru" },
  { G_UNICODE_SCRIPT_ARMENIAN, "hy" },   { G_UNICODE_SCRIPT_GEORGIAN, "ka" },
  { G_UNICODE_SCRIPT_DEVANAGARI, "hi" }, { G_UNICODE_SCRIPT_BENGALI, "bn" },
  { G_UNICODE_SCRIPT_GURMUKHI, "pa" },   { G_UNICODE_SCRIPT_GUJARATI, "gu" },
  { G_UNICODE_SCRIPT_TAMIL, "ta" },      { G_UNICODE_SCRIPT_TELUGU, "te" },
  { G_UNICODE_SCRIPT_KANNADA, "kn" },    { G_UNICODE_SCRIPT_MALAYALAM, "ml" },
  { G_UNICODE_SCRIPT_SINHALA, "si" },    { G_UNICODE_SCRIPT_THAI, "th" },
  { G_UNICODE_SCRIPT_LAO, "lo" },        { G_UNICODE_SCRIPT_KHMER, "km" },
  { G_UNICODE_SCRIPT_MYANMAR, "my" },    { G_UNICODE_SCRIPT_ETHIOPIC, "am" },
  { G_UNICODE_SCRIPT_TIBETAN, "bo" },    { G_UNICODE_SCRIPT_HANGUL, "ko" },
  { G_UNICODE_SCRIPT_HAN, "zh" },        { G_UNICODE_SCRIPT_SYRIAC, "syr" },
  { G_UNICODE_SCRIPT_THAANA, "dv" },     { G_UNICODE_SCRIPT_NKO, "nqo" },
  { G_UNICODE_SCRIPT_MONGOLIAN, "mn-Mong" },
};

#define DETECT_MAX_BYTES (64 * 1024)

const char *
byline_language_detect_script (const char *text)
{
  guint counts[G_N_ELEMENTS (script_languages)] = { 0, };
  guint n_latin = 0;
  guint n_kana = 0;
  guint n_persian = 0;    /* پ چ ژ گ ک ی: Persian and Urdu, rare in Arabic */
  guint n_urdu = 0;       /* ٹ ڈ ڑ ں ے ھ: Urdu only */
  guint n_ukrainian = 0;  /* і ї є ґ */
  guint best = 0;
  const char *p;

  if (text == NULL)
    return NULL;

  for (p = text; *p != '\0' && p - text < DETECT_MAX_BYTES; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      GUnicodeScript script;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (!g_unichar_isalpha (c))
        continue;

      script = g_unichar_get_script (c);
      if (script == G_UNICODE_SCRIPT_LATIN)
        {
          n_latin++;
          continue;
        }
      if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
        {
          n_kana++;
          script = G_UNICODE_SCRIPT_HAN;
        }

      if (c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06A9 || c == 0x06CC)
        n_persian++;
      else if (c == 0x0679 || c == 0x0688 || c == 0x0691 || c == 0x06BA || c == 0x06D2 || c == 0x06BE)
        n_urdu++;
      else if (c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491)
        n_ukrainian++;

      for (guint i = 0; i < G_N_ELEMENTS (script_languages); i++)
        if (script_languages[i].script == script)
          {
            counts[i]++;
            break;
          }
    }

  for (guint i = 1; i < G_N_ELEMENTS (script_languages); i++)
    if (counts[i] > counts[best])
      best = i;

  /* Most letters must be in that script: an English report quoting a
   * few Arabic words is still English. */
  if (counts[best] == 0 || counts[best] <= n_latin)
    return NULL;

  switch (script_languages[best].script)
    {
    case G_UNICODE_SCRIPT_ARABIC:
      /* One word in a hundred: names from Persian do appear in Arabic. */
      if (n_urdu * 100 >= counts[best])
        return "ur";
      if (n_persian * 50 >= counts[best])
        return "fa";
      return "ar";

    case G_UNICODE_SCRIPT_CYRILLIC:
      return n_ukrainian * 100 >= counts[best] ? "uk" : "ru";

    case G_UNICODE_SCRIPT_HAN:
      return n_kana > 0 ? "ja" : "zh";

    default:
      return script_languages[best].language;
    }
}
