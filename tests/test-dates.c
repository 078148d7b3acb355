/* test-dates.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-dates.h"

static void
test_format (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) plus2 = g_time_zone_new_identifier ("+02:00");
  struct { gint64 t; const char *text; const char *iso; } cases[] = {
    { 1645017000, "February 16, 2022 at 1:10 pm", "2022-02-16T13:10:00+00:00" },
    { 1677834300, "March 3, 2023 at 9:05 am", "2023-03-03T09:05:00+00:00" },
    { 1704067200, "January 1, 2024 at 12:00 am", "2024-01-01T00:00:00+00:00" },
    { 1704110400, "January 1, 2024 at 12:00 pm", "2024-01-01T12:00:00+00:00" },
    { 1735689599, "December 31, 2024 at 11:59 pm", "2024-12-31T23:59:59+00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = byline_format_published (cases[i].t, utc);
      g_autofree char *iso = byline_format_iso8601 (cases[i].t, utc);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  {
    g_autofree char *text = byline_format_published (1645017000, plus2);
    g_autofree char *iso = byline_format_iso8601 (1645017000, plus2);

    g_assert_cmpstr (text, ==, "February 16, 2022 at 3:10 pm");
    g_assert_cmpstr (iso, ==, "2022-02-16T15:10:00+02:00");
  }
}

/* The same moments in the four languages with words of their own, and in
 * one without (English). */
static void
test_format_languages (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  struct { gint64 t; const char *language; const char *text; } cases[] = {
    { 1645017000, "en", "February 16, 2022 at 1:10 pm" },
    { 1645017000, "en-GB", "February 16, 2022 at 1:10 pm" },
    { 1645017000, "fr", "16 février 2022 à 13 h 10" },
    { 1645017000, "fr-CA", "16 février 2022 à 13 h 10" },
    { 1677834300, "fr", "3 mars 2023 à 9 h 05" },
    { 1704067200, "fr", "1er janvier 2024 à 0 h 00" },
    { 1645017000, "de", "16. Februar 2022, 13:10 Uhr" },
    { 1677834300, "de-AT", "3. März 2023, 9:05 Uhr" },
    { 1645017000, "ar", "16 فبراير 2022، 13:10" },
    { 1735689599, "ar-EG", "31 ديسمبر 2024، 23:59" },
    { 1645017000, "sv", "February 16, 2022 at 1:10 pm" },
    { 1645017000, "not a language", "February 16, 2022 at 1:10 pm" },
    { 1645017000, NULL, "February 16, 2022 at 1:10 pm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = byline_format_published_in (cases[i].t, utc, cases[i].language);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* The Arabic line's comma is the Arabic one, U+060C. */
  {
    g_autofree char *text = byline_format_published_in (1645017000, utc, "ar");

    g_assert_nonnull (strstr (text, "\u060C"));
    g_assert_null (strchr (text, ','));
  }
}

static void
test_parse (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  struct { const char *line; gint64 t; } good[] = {
    { "March 3, 2023 at 9:05 am", 1677834300 },
    { "  March 3, 2023 at 9:05 AM ", 1677834300 },
    { "February 16, 2022 at 1:10 pm", 1645017000 },
    { "Published: February 16, 2022 at 1:10 pm", 1645017000 },
    { "Updated Wednesday 16 February 2022 13:10", 1645017000 },
    { "Feb. 16, 2022, 1:10 p.m.", 1645017000 },
    { "16 Feb 2022 · 13:10 GMT", 1645017000 },
    { "March 3, 2023", 1677801600 },
    { "2022-02-16T13:10:00Z", 1645017000 },
    { "2022-02-16T15:10:00+02:00", 1645017000 },
    { "2023-03-03", 1677801600 },
    { "January 1, 2024 at 12:00 am", 1704067200 },
    { "January 1, 2024 at 12:30 pm", 1704112200 },
  };
  const char *bad[] = {
    "", "Council approves harbour budget", "Home | News | Sport",
    "The minister at the signing [Reuters]", "March 2023", "3 4 2023",
    "February 30, 2022 at 1:10 pm", "March 3, 2023 at 13:05 pm",
    "READ: Pier reopens March 3, 2023", "By Ana Ferreira",
    "In 2023, 14 ferries sailed in March.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 t = 0;

      if (!byline_parse_date_line (good[i].line, utc, &t))
        g_error ("“%s” should parse", good[i].line);
      g_assert_cmpint (t, ==, good[i].t);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 t = 0;

      if (byline_parse_date_line (bad[i], utc, &t))
        g_error ("“%s” should not parse as a date line", bad[i]);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* What the page shows, the importer reads back. */
  for (gint64 t = 946684800; t < 1900000000; t += 86400 * 17 + 3600 * 5 + 60 * 7)
    {
      g_autofree char *text = byline_format_published (t, utc);
      gint64 back = 0;

      g_assert_true (byline_parse_date_line (text, utc, &back));
      g_assert_cmpint (back, ==, t - t % 60);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/dates/format", test_format);
  g_test_add_func ("/byline/dates/format-languages", test_format_languages);
  g_test_add_func ("/byline/dates/parse", test_parse);
  g_test_add_func ("/byline/dates/round-trip", test_round_trip);

  return g_test_run ();
}
