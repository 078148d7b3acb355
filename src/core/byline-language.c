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
