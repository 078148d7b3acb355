/* byline-typography.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-typography"

#include "config.h"

#include <string.h>

#include "byline-language.h"
#include "byline-typography.h"

/* Each language's quotation marks, as its newspapers set them: the double
 * ones for quotes, the single ones for quotes within quotes. French puts a
 * narrow no-break space (U+202F) inside its guillemets so they never end
 * up alone at the start or end of a line. The Arabic marks are the ones
 * the newsroom asked for; the page's direction places them. */
static const struct
{
  const char *language;
  const char *open_double;
  const char *close_double;
  const char *open_single;
  const char *close_single;
} quotes[] = {
  { "ar", "\u201D", "\u201D", "\u2019", "\u2019" },
  { "de", "\u201E", "\u201C", "\u201A", "\u2018" },
  { "en", "\u201C", "\u201D", "\u2018", "\u2019" },
  { "fr", "\u00AB\u202F", "\u202F\u00BB", "\u201C", "\u201D" },
};

#define APOSTROPHE "\u2019"

static guint
quotes_for (const char *language)
{
  g_autofree char *tag = byline_language_dup_tag (language);
  guint english = 0;

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      gsize len = strlen (quotes[i].language);

      if (g_str_equal (quotes[i].language, "en"))
        english = i;
      if (tag != NULL && strncmp (tag, quotes[i].language, len) == 0 &&
          (tag[len] == '\0' || tag[len] == '-'))
        return i;
    }

  return english;
}

/* The last character of @before, or 0 at the start. */
static gunichar
last_char (const char *before)
{
  const char *end;

  if (before == NULL || *before == '\0')
    return 0;

  end = before + strlen (before);
  return g_utf8_get_char (g_utf8_find_prev_char (before, end));
}

/* A quote after nothing, a space, an opening bracket, a dash or another
 * opening quote opens; after anything else it closes. */
static gboolean
opens_after (gunichar c)
{
  return c == 0 || g_unichar_isspace (c) || c == 0x202F ||
         c == '(' || c == '[' || c == '{' || c == '<' || c == '/' ||
         c == 0x2014 || c == 0x2013 || c == 0x00AB || c == 0x201C ||
         c == 0x201E || c == 0x2018 || c == 0x201A;
}

/* Whether the paragraph @before ends in has a single quote of language
 * @i opened and not closed. */
static gboolean
single_is_open (const char *before,
                guint       i)
{
  const char *paragraph = g_strrstr (before, "\n\n");
  const char *open;

  if (g_str_equal (quotes[i].close_single, APOSTROPHE))
    return FALSE;

  paragraph = paragraph != NULL ? paragraph : before;
  open = g_strrstr (paragraph, quotes[i].open_single);

  return open != NULL && strstr (open, quotes[i].close_single) == NULL;
}

const char *
byline_typography_quote_for (const char *before,
                             gunichar    typed,
                             const char *language)
{
  guint i;
  gunichar c;

  if (typed != '"' && typed != '\'')
    return NULL;

  i = quotes_for (language);
  c = last_char (before);

  if (typed == '"')
    return opens_after (c) ? quotes[i].open_double : quotes[i].close_double;

  /* l’homme, don’t: after a letter or digit it is an apostrophe, unless
   * it closes a single quote opened earlier in the paragraph (German
   * ‚nein‘, whose closing mark is not the apostrophe). */
  if (g_unichar_isalnum (c))
    return single_is_open (before, i) ? quotes[i].close_single : APOSTROPHE;

  return opens_after (c) ? quotes[i].open_single : quotes[i].close_single;
}

gboolean
byline_typography_in_code (const char *before)
{
  const char *line_start;
  gboolean fenced = FALSE;
  guint ticks = 0;

  if (before == NULL)
    return FALSE;

  /* Fences: a line opening on ``` or ~~~ opens or closes a code block. */
  for (const char *line = before; line != NULL && *line != '\0'; )
    {
      const char *next = strchr (line, '\n');
      const char *p = line;

      while (*p == ' ' && p - line < 3)
        p++;
      if (next != NULL && (strncmp (p, "```", 3) == 0 || strncmp (p, "~~~", 3) == 0))
        fenced = !fenced;
      else if (next == NULL && (strncmp (p, "```", 3) == 0 || strncmp (p, "~~~", 3) == 0))
        return TRUE;

      line = next != NULL ? next + 1 : NULL;
    }

  if (fenced)
    return TRUE;

  line_start = strrchr (before, '\n');
  line_start = line_start != NULL ? line_start + 1 : before;

  /* An indented code block: four spaces or a tab, after a blank line or at
   * the start. Close enough for typing: a list item's continuation is rare
   * in news copy. */
  if (g_str_has_prefix (line_start, "    ") || line_start[0] == '\t')
    return TRUE;

  for (const char *p = line_start; *p != '\0'; p++)
    if (*p == '`')
      ticks++;

  return ticks % 2 == 1;
}
