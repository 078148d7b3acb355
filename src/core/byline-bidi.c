/* byline-bidi.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bidi"

#include "config.h"

#include <string.h>

#include "byline-bidi.h"

/* The published page is HTML the renderer built, so its text is escaped
 * and its tags well formed: this walks it by hand rather than parsing it
 * again. The browser does the Unicode bidirectional algorithm; all that is
 * decided here is where a paragraph's direction comes from and which runs
 * are isolated from their neighbours (UAX #9's isolates), the two things
 * the algorithm cannot guess. Strong directions come from the script, which
 * is what GLib knows of a character; the few strong characters outside the
 * scripts (the LRM and RLM marks) are not worth a table. */

BylineDirection
byline_bidi_char_direction (gunichar c)
{
  if (!g_unichar_isalpha (c))
    return BYLINE_DIRECTION_NEUTRAL;

  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
    case G_UNICODE_SCRIPT_MENDE_KIKAKUI:
    case G_UNICODE_SCRIPT_AVESTAN:
    case G_UNICODE_SCRIPT_PHOENICIAN:
    case G_UNICODE_SCRIPT_SOGDIAN:
    case G_UNICODE_SCRIPT_YEZIDI:
      return BYLINE_DIRECTION_RTL;

    default:
      return BYLINE_DIRECTION_LTR;
    }
}

/* Past the tag or entity at @p, or NULL when @p is in the text. */
static const char *
skip_markup (const char *p)
{
  if (*p == '<')
    {
      const char *end = strchr (p, '>');

      return end != NULL ? end + 1 : p + strlen (p);
    }

  if (*p == '&')
    {
      const char *q = p + 1;

      while (g_ascii_isalnum (*q) || *q == '#')
        q++;
      if (*q == ';' && q > p + 1)
        return q + 1;
    }

  return NULL;
}

BylineDirection
byline_bidi_html_direction (const char      *html,
                            BylineDirection *first_strong)
{
  guint n_ltr = 0;
  guint n_rtl = 0;
  BylineDirection first = BYLINE_DIRECTION_NEUTRAL;
  const char *p = html;

  while (p != NULL && *p != '\0')
    {
      const char *next = skip_markup (p);
      BylineDirection dir;

      if (next != NULL)
        {
          p = next;
          continue;
        }

      dir = byline_bidi_char_direction (g_utf8_get_char (p));
      if (dir == BYLINE_DIRECTION_LTR)
        n_ltr++;
      else if (dir == BYLINE_DIRECTION_RTL)
        n_rtl++;
      if (first == BYLINE_DIRECTION_NEUTRAL)
        first = dir;

      p = g_utf8_next_char (p);
    }

  if (first_strong != NULL)
    *first_strong = first;

  if (n_ltr == 0 && n_rtl == 0)
    return BYLINE_DIRECTION_NEUTRAL;

  return n_rtl > n_ltr ? BYLINE_DIRECTION_RTL : BYLINE_DIRECTION_LTR;
}

/* Where a run that ends at @p really ends: the digits after it, and what
 * joins them, go with it ("iPhone 15", "Windows 11.2"). */
static const char *
run_tail (const char *p)
{
  const char *end = p;

  for (const char *q = p; *q != '\0' && *q != '<'; )
    {
      gunichar c = g_utf8_get_char (q);

      if (g_unichar_isdigit (c))
        end = q = g_utf8_next_char (q);
      else if ((c == ' ' || c == '.' || c == ',' || c == ':' || c == '-') &&
               g_ascii_isdigit (q[1]))
        q++;
      else
        break;
    }

  return end;
}

void
byline_bidi_append_isolated (GString         *out,
                             const char      *html,
                             BylineDirection  base)
{
  BylineDirection other;
  const char *p = html;

  g_return_if_fail (out != NULL);

  if (html == NULL)
    return;

  if (base == BYLINE_DIRECTION_NEUTRAL)
    {
      g_string_append (out, html);
      return;
    }
  other = base == BYLINE_DIRECTION_RTL ? BYLINE_DIRECTION_LTR : BYLINE_DIRECTION_RTL;

  while (*p != '\0')
    {
      const char *next = skip_markup (p);
      const char *run_end = NULL;

      if (next != NULL)
        {
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      if (byline_bidi_char_direction (g_utf8_get_char (p)) != other)
        {
          const char *q = g_utf8_next_char (p);

          g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }

      /* A run: from this letter to the last letter of the same direction
       * before a letter of the base direction, a tag, or the end. */
      for (const char *q = p; *q != '\0' && *q != '<'; )
        {
          const char *after = skip_markup (q);
          BylineDirection dir;

          if (after != NULL)
            {
              q = after;
              continue;
            }

          dir = byline_bidi_char_direction (g_utf8_get_char (q));
          if (dir == base)
            break;
          q = g_utf8_next_char (q);
          if (dir == other)
            run_end = q;
        }

      run_end = run_tail (run_end);
      g_string_append (out, "<bdi>");
      g_string_append_len (out, p, run_end - p);
      g_string_append (out, "</bdi>");
      p = run_end;
    }
}
