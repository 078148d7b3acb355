/* newsroom-text.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include "newsroom-text.h"

static const char * const sections[] = {
  "City", "Harbour", "Schools", "Weather", "Sport", "Business", "Culture", "Health",
};

static const char * const subjects[] = {
  "The city council", "The harbour board", "The school board", "Councillor Ines Marlowe",
  "The mayor", "Residents of Eastgate", "The ferry operator", "Head teacher Tom Akers",
  "The regional weather office", "The Rovers", "The fishing co-operative", "Parents",
  "The planning committee", "Shop owners on Quay Street", "The fire service",
  "The library trust", "Coach Dana Whitfield", "The port authority", "Nurses at St Brendan’s",
  "The transport department",
};

static const char * const verbs[] = {
  "voted to postpone", "approved", "criticised", "welcomed", "questioned", "rejected",
  "announced", "delayed", "promised to review", "agreed to fund", "raised concerns about",
  "defended", "unveiled", "called for an inquiry into", "signed off on",
};

static const char * const objects[] = {
  "the new budget", "plans for a second ferry berth", "the school lunch contract",
  "a 12 per cent rise in harbour fees", "the flood barrier upgrade", "the stadium lease",
  "a four-day week for bin crews", "the cycle lane on Mill Road", "the closure of the night bus",
  "a storm warning for the coast", "the renovation of the old fish market",
  "a new pay offer for teachers", "the summer festival programme", "the dredging contract",
  "late changes to the timetable", "the sale of the old depot", "rising rents in the centre",
};

static const char * const whens[] = {
  "on Tuesday", "on Monday night", "after a three-hour meeting", "this week",
  "at the end of a heated session", "late on Friday", "for the second time this year",
  "before the summer recess", "despite protests outside the town hall", "in a close vote",
};

static const char * const tails[] = {
  "The decision is expected to cost about £2.4 million over five years.",
  "Opposition members said they had not been given enough time to read the report.",
  "A spokesperson said the details would be published next month.",
  "“We have listened to people and we will keep listening,” she said.",
  "Traders said the change would hit the busiest weeks of the year.",
  "The committee will meet again on 14 March.",
  "It is the third such vote since the election.",
  "Forecasters expect gusts of up to 70 mph along the harbour wall.",
  "“This is a good day for the town,” he told reporters afterwards.",
  "Figures seen by the Chronicle show numbers have fallen by a fifth since 2021.",
  "Neither side would say how long the talks might last.",
  "Parents have been asked to respond to the consultation by the end of the month.",
};

static const char * const bylines[] = {
  "Maya Okafor", "Lars Lindqvist", "Priya Raman", "Owen Gallagher", "Sofia Brandt",
  "Kwame Mensah", "Eilidh Ross", "Jonah Feld",
};

static const char * const places[] = {
  "PORT ELLIS", "EASTGATE", "KILBRIDE", "WESTON QUAY", "MILLBROOK",
};

static const char * const tag_words[] = {
  "council", "harbour", "budget", "schools", "transport", "weather", "planning",
  "sport", "housing", "ferry", "health", "festival",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
append_sentence (GString *out,
                 GRand   *rand)
{
  if (g_rand_int_range (rand, 0, 3) == 0)
    g_string_append (out, PICK (rand, tails));
  else
    g_string_append_printf (out, "%s %s %s %s.",
                            PICK (rand, subjects), PICK (rand, verbs),
                            PICK (rand, objects), PICK (rand, whens));
}

guint
bench_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = *p == ' ' || *p == '\n' || *p == '#' || *p == '>';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* About @words words of CommonMark: paragraphs of two to five sentences, a
 * subheading now and then, and a quote. */
char *
bench_make_body (GRand *rand,
                 guint  words)
{
  GString *out = g_string_new (NULL);
  guint n = 0;
  guint paragraph = 0;

  while (n < words)
    {
      int sentences = g_rand_int_range (rand, 2, 6);

      if (paragraph > 0)
        g_string_append (out, "\n\n");

      if (paragraph > 0 && paragraph % 6 == 0)
        {
          const char *heading = PICK (rand, objects);

          g_string_append_printf (out, "## %s\n\n", heading);
          n += bench_count_words (heading);
        }
      else if (paragraph > 0 && paragraph % 9 == 0)
        g_string_append (out, "> ");

      /* Stops within a sentence of @words. */
      for (int i = 0; i < sentences && n < words; i++)
        {
          gsize start = out->len;

          if (i > 0)
            g_string_append_c (out, ' ');
          append_sentence (out, rand);
          n += bench_count_words (out->str + start);
        }

      paragraph++;
    }

  g_string_append (out, "\n");
  return g_string_free (out, FALSE);
}

char *
bench_make_draft_body (GRand *rand,
                       guint  words)
{
  g_autofree char *generated = bench_make_body (rand, words);
  g_auto(GStrv) tokens = g_strsplit (generated, " ", -1);
  GString *body = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (body, ' ');
      if (i % 50 == 25 && g_utf8_strlen (tokens[i], -1) > 3)
        g_string_append_printf (body, "%sq", tokens[i]);
      else if (i % 400 == 100)
        g_string_append_printf (body, "**%s** `code_%u` https://example.org/a/%u", tokens[i], i, i);
      else
        g_string_append (body, tokens[i]);
    }

  return g_string_free (body, FALSE);
}

char *
bench_make_headline (GRand *rand)
{
  return g_strdup_printf ("%s %s %s", PICK (rand, subjects), PICK (rand, verbs), PICK (rand, objects));
}

char *
bench_make_standfirst (GRand *rand)
{
  return g_strdup_printf ("%s %s %s %s, and not everyone is happy.",
                          PICK (rand, subjects), PICK (rand, verbs),
                          PICK (rand, objects), PICK (rand, whens));
}

char *
bench_make_caption (GRand *rand)
{
  return g_strdup_printf ("%s, photographed %s.", PICK (rand, subjects), PICK (rand, whens));
}

char *
bench_make_dateline (GRand *rand)
{
  return g_strdup_printf ("%s, February 16, 2026", PICK (rand, places));
}

char *
bench_make_tags (GRand *rand)
{
  return g_strdup_printf ("%s, %s", PICK (rand, tag_words), PICK (rand, tag_words));
}

const char *
bench_pick_section (GRand *rand)
{
  return PICK (rand, sections);
}

const char *
bench_pick_byline (GRand *rand)
{
  return PICK (rand, bylines);
}
