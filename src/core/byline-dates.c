/* byline-dates.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-dates"

#include "config.h"

#include <string.h>

#include "byline-dates.h"
#include "byline-page-words.h"

/* What byline_parse_date_line() reads: news sites' English date lines. */
static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static GDateTime *
date_time_in (gint64     unix_time,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GTimeZone) local = NULL;

  if (utc == NULL)
    return NULL;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  return g_date_time_to_timezone (utc, tz);
}

char *
byline_format_published (gint64     unix_time,
                         GTimeZone *tz)
{
  return byline_format_published_in (unix_time, tz, "en");
}

char *
byline_format_published_in (gint64      unix_time,
                            GTimeZone  *tz,
                            const char *language)
{
  const BylinePageWords *words = byline_page_words_for (language);
  g_autoptr(GDateTime) dt = date_time_in (unix_time, tz);
  GString *out;
  const char *p;
  int hour;

  if (dt == NULL)
    return g_strdup ("");

  hour = g_date_time_get_hour (dt);
  out = g_string_new (NULL);
  for (p = words->date_format; *p != '\0'; )
    {
      const char *end;

      if (*p != '{' || (end = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

#define IS(name) (strncmp (p, "{" name "}", end - p + 1) == 0 && strlen ("{" name "}") == (gsize) (end - p + 1))
      if (IS ("day"))
        {
          if (g_date_time_get_day_of_month (dt) == 1 && words->first_day != NULL)
            g_string_append (out, words->first_day);
          else
            g_string_append_printf (out, "%d", g_date_time_get_day_of_month (dt));
        }
      else if (IS ("month"))
        g_string_append (out, words->months[g_date_time_get_month (dt) - 1]);
      else if (IS ("year"))
        g_string_append_printf (out, "%d", g_date_time_get_year (dt));
      else if (IS ("hour"))
        g_string_append_printf (out, "%d", hour);
      else if (IS ("hour12"))
        g_string_append_printf (out, "%d", hour % 12 == 0 ? 12 : hour % 12);
      else if (IS ("minute"))
        g_string_append_printf (out, "%02d", g_date_time_get_minute (dt));
      else if (IS ("ampm"))
        g_string_append (out, hour < 12 ? words->am : words->pm);
      else
        g_string_append_len (out, p, end - p + 1);
#undef IS

      p = end + 1;
    }

  return g_string_free (out, FALSE);
}

char *
byline_format_iso8601 (gint64     unix_time,
                       GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = date_time_in (unix_time, tz);

  if (dt == NULL)
    return g_strdup ("");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

/* A tiny tokenizer: words (letters), numbers and the few separators a date
 * line uses. Anything else makes the line "not a date". */
typedef struct
{
  int  year, month, day, hour, minute;
  int  meridian;   /* 0 none, 1 am, 2 pm */
  gboolean have_time;
} DateParts;

static int
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      /* "Mar", "Mar.", "March", "Sept" */
      if (g_ascii_strncasecmp (word, month_names[i], MIN (len, strlen (month_names[i]))) == 0 &&
          len <= strlen (month_names[i]))
        return i + 1;
      if (i == 8 && g_ascii_strcasecmp (word, "sept") == 0)
        return 9;
    }

  return 0;
}

static gboolean
is_filler_word (const char *word)
{
  static const char * const fillers[] = {
    "published", "updated", "posted", "on", "at", "last", "modified", "first",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "of", "the",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (g_ascii_strcasecmp (word, fillers[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
parse_words (const char *text,
             DateParts  *parts)
{
  const char *p = text;
  int numbers[3];
  guint n_numbers = 0;

  while (*p)
    {
      if (g_ascii_isalpha (*p))
        {
          char word[16];
          gsize len = 0;
          int month;

          while (g_ascii_isalpha (*p))
            {
              if (len >= sizeof word - 1)
                return FALSE;
              word[len++] = *p++;
            }
          word[len] = '\0';
          if (*p == '.')
            p++;

          if (g_ascii_strcasecmp (word, "am") == 0 || g_ascii_strcasecmp (word, "pm") == 0 ||
              g_ascii_strcasecmp (word, "a") == 0 || g_ascii_strcasecmp (word, "p") == 0)
            {
              if (!parts->have_time || parts->meridian)
                return FALSE;
              parts->meridian = g_ascii_tolower (word[0]) == 'a' ? 1 : 2;
              /* "a.m." */
              if (g_ascii_tolower (*p) == 'm')
                {
                  p++;
                  if (*p == '.')
                    p++;
                }
            }
          else if ((month = month_from_word (word)) != 0 && parts->month == 0)
            parts->month = month;
          else if (g_ascii_strcasecmp (word, "st") == 0 || g_ascii_strcasecmp (word, "nd") == 0 ||
                   g_ascii_strcasecmp (word, "rd") == 0 || g_ascii_strcasecmp (word, "th") == 0)
            ;
          else if (g_ascii_strcasecmp (word, "utc") == 0 || g_ascii_strcasecmp (word, "gmt") == 0)
            ;
          else if (!is_filler_word (word))
            return FALSE;
        }
      else if (g_ascii_isdigit (*p))
        {
          int value = 0;
          guint digits = 0;

          while (g_ascii_isdigit (*p))
            {
              if (++digits > 4)
                return FALSE;
              value = value * 10 + (*p++ - '0');
            }

          if (*p == ':' && g_ascii_isdigit (p[1]) && !parts->have_time)
            {
              int minute = 0;

              p++;
              for (guint i = 0; i < 2; i++)
                {
                  if (!g_ascii_isdigit (*p))
                    return FALSE;
                  minute = minute * 10 + (*p++ - '0');
                }
              if (*p == ':' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
                p += 3;
              parts->hour = value;
              parts->minute = minute;
              parts->have_time = TRUE;
            }
          else
            {
              if (n_numbers == G_N_ELEMENTS (numbers))
                return FALSE;
              numbers[n_numbers++] = value;
            }
        }
      else if (strchr (" \t,.-|/:", *p) != NULL)
        p++;
      else if ((guchar)*p == 0xC2 && (guchar)p[1] == 0xB7)   /* "·" */
        p += 2;
      else if ((guchar)*p == 0xE2 && (guchar)p[1] == 0x80 &&
               ((guchar)p[2] == 0x94 || (guchar)p[2] == 0x93))   /* em and en dash */
        p += 3;
      else
        return FALSE;
    }

  if (parts->month == 0 || n_numbers != 2)
    return FALSE;

  /* "March 3, 2023" or "3 March 2023": the year is the number above 31. */
  if (numbers[0] > 31)
    {
      parts->year = numbers[0];
      parts->day = numbers[1];
    }
  else
    {
      parts->day = numbers[0];
      parts->year = numbers[1];
    }

  return parts->year >= 1000;
}

static gboolean
parse_iso8601 (const char *text,
               GTimeZone  *tz,
               gint64     *unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *full = NULL;

  if (!(g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
        g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]) && text[4] == '-'))
    return FALSE;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  /* "2023-03-03" alone means midnight. */
  if (strlen (text) == 10)
    text = full = g_strconcat (text, "T00:00:00", NULL);

  dt = g_date_time_new_from_iso8601 (text, tz);
  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
byline_parse_date_line (const char *text,
                        GTimeZone  *tz,
                        gint64     *unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *line = NULL;
  DateParts parts = { 0 };
  int hour;

  g_return_val_if_fail (unix_time != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  line = g_strstrip (g_strdup (text));
  if (*line == '\0' || strlen (line) > 80)
    return FALSE;

  if (parse_iso8601 (line, tz, unix_time))
    return TRUE;

  if (!parse_words (line, &parts))
    return FALSE;

  hour = parts.hour;
  if (parts.have_time)
    {
      if (parts.meridian != 0 && (hour < 1 || hour > 12))
        return FALSE;
      if (parts.meridian == 1 && hour == 12)
        hour = 0;
      else if (parts.meridian == 2 && hour != 12)
        hour += 12;
    }

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  dt = g_date_time_new (tz, parts.year, parts.month, parts.day, hour, parts.minute, 0);
  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}
