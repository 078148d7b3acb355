/* test-importer.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-importer"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <cmark.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "byline-importer.h"
#include "byline-language.h"
#include "byline-pin.h"
#include "byline-test-util.h"

/* Expected times, worked out by hand from the samples' date lines (UTC). */
#define MARCH_1_1830  G_GINT64_CONSTANT (1677695400)
#define MARCH_2_1830  G_GINT64_CONSTANT (1677781800)
#define MARCH_3_0905  G_GINT64_CONSTANT (1677834300)
#define MARCH_3_1120  G_GINT64_CONSTANT (1677842400)
#define MARCH_4_1430  G_GINT64_CONSTANT (1677940200)
#define MARCH_5_1715  G_GINT64_CONSTANT (1678036500)
#define MARCH_6_0700  G_GINT64_CONSTANT (1678086000)
#define MARCH_10_1640 G_GINT64_CONSTANT (1678466400)
#define MARCH_21_0000 G_GINT64_CONSTANT (1679356800)

typedef struct
{
  guint       position;
  const char *headline;
} ExpectedPin;

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "samples", "import", name, NULL);
}

static BylineArticle *
import_sample (const char *name,
               GTimeZone  *tz)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_file (file, tz, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static char *
collapse_space (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dup_element_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = collapse_space ((const char *) content);

  xmlFree (content);
  return text;
}

/* Renders @body the way the published page does (cmark, safe) and lists its
 * top-level blocks as a reader sees them: "p: text", "ul: item / item",
 * "blockquote: text", ... */
static GStrv
dup_rendered_blocks (const char *body)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *html = NULL;
  g_autofree char *page = NULL;
  htmlDocPtr doc;
  xmlNode *root;
  xmlNode *html_body = NULL;

  html = cmark_markdown_to_html (body, strlen (body), CMARK_OPT_DEFAULT);
  page = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>%s</body></html>", html);
  doc = htmlReadMemory (page, strlen (page), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);

  root = xmlDocGetRootElement (doc);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "body") == 0)
      html_body = child;
  g_assert_nonnull (html_body);

  for (xmlNode *block = html_body->children; block != NULL; block = block->next)
    {
      g_autoptr(GString) line = NULL;

      if (block->type != XML_ELEMENT_NODE)
        continue;

      line = g_string_new ((const char *) block->name);
      g_string_append (line, ": ");

      if (strcmp ((const char *) block->name, "ul") == 0 ||
          strcmp ((const char *) block->name, "ol") == 0)
        {
          gboolean first = TRUE;

          for (xmlNode *item = block->children; item != NULL; item = item->next)
            {
              g_autofree char *text = NULL;

              if (item->type != XML_ELEMENT_NODE)
                continue;
              text = dup_element_text (item);
              if (!first)
                g_string_append (line, " / ");
              g_string_append (line, text);
              first = FALSE;
            }
        }
      else
        {
          g_autofree char *text = dup_element_text (block);

          g_string_append (line, text);
        }

      g_strv_builder_add (builder, line->str);
    }

  xmlFreeDoc (doc);

  return g_strv_builder_end (builder);
}

static void
assert_blocks (BylineArticle      *article,
               const char * const *expected)
{
  g_auto(GStrv) blocks = dup_rendered_blocks (byline_article_get_body (article));

  g_assert_cmpstrv (blocks, expected);
}

static void
assert_pins (BylineArticle     *article,
             const ExpectedPin *expected,
             guint              n_expected)
{
  GListModel *pins = byline_article_get_pins (article);

  g_assert_cmpuint (g_list_model_get_n_items (pins), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);

      g_assert_cmpuint (byline_pin_get_position (pin), ==, expected[i].position);
      g_assert_cmpstr (byline_pin_get_headline (pin), ==, expected[i].headline);
      g_assert_cmpint (byline_pin_get_related_id (pin), ==, 0);
      g_assert_false (byline_pin_is_resolved (pin));
    }
}

static void
assert_not_in (const char *field,
               const char *needle)
{
  if (field != NULL && strstr (field, needle) != NULL)
    g_error ("“%s” should have been dropped but is in “%s”", needle, field);
}

/* Site chrome must not reach anything a reader or editor sees. */
static void
assert_nowhere (BylineArticle *article,
                const char    *needle)
{
  GListModel *pins = byline_article_get_pins (article);
  const char * const *tags = byline_article_get_tags (article);

  assert_not_in (byline_article_get_headline (article), needle);
  assert_not_in (byline_article_get_standfirst (article), needle);
  assert_not_in (byline_article_get_byline (article), needle);
  assert_not_in (byline_article_get_dateline (article), needle);
  assert_not_in (byline_article_get_caption (article), needle);
  assert_not_in (byline_article_get_credit (article), needle);
  assert_not_in (byline_article_get_section (article), needle);
  assert_not_in (byline_article_get_body (article), needle);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    assert_not_in (tags[i], needle);

  for (guint i = 0; i < g_list_model_get_n_items (pins); i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);

      assert_not_in (byline_pin_get_headline (pin), needle);
    }
}

static void
assert_empty (const char *field)
{
  g_assert_true (field == NULL || *field == '\0');
}

static void
assert_imported_defaults (BylineArticle *article)
{
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_DRAFT);
  /* Latin letters do not say which language: the store gives the
   * article the publication's when it saves it. */
  g_assert_cmpstr (byline_article_get_language (article), ==, "");
}

/* Plain text */

static void
test_plain_chrome (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  BylineArticle *article = import_sample ("harbour-chrome.txt", utc);
  const char * const blocks[] = {
    "p: Dredging of the silted east channel will begin in April, after the city council voted 7-2 on Thursday night to fund the work.",
    "p: The project, estimated at $4.2 million, will deepen the channel to nine metres so that the larger ferries can dock at low tide.",
    "p: \"We have waited ten years for this,\" said harbour master Ines Calder. \"The boats will finally be able to come in on any tide.\"",
    "p: Councillors Ray Dunn and Ola Brandt voted against, citing the cost.",
    NULL
  };
  const ExpectedPin pins[] = {
    { 2, "Ferry operator warns of winter timetable cuts" },
  };
  const char * const chrome[] = {
    "Home", "Menu", "Subscribe", "Sign in", "Search", "The Portvale Courier",
    "since 1881", "News ›", "Share this", "Advertisement", "Related topics",
    "©", "All rights reserved", "READ", "PORTVALE —",
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Harbour dredging to start in April after council vote");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_0905);
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Maria Lopez, Harbour reporter");
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "PORTVALE");
  g_assert_cmpstr (byline_article_get_caption (article), ==, "The harbour master at the east quay");
  g_assert_cmpstr (byline_article_get_credit (article), ==, "Tom Reed/Portvale Courier");
  assert_empty (byline_article_get_standfirst (article));
  assert_empty (byline_article_get_slug (article));
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    assert_nowhere (article, chrome[i]);

  g_assert_finalize_object (article);
}

static void
test_plain_no_chrome (void)
{
  BylineArticle *article = import_sample ("school-board.txt", NULL);
  const char * const blocks[] = {
    "p: Secondary schools in Portvale will start classes at 9:15 am from September, the school board decided on Tuesday.",
    "p: The change follows a two-year trial at Northgate Academy, where attendance in first period rose by 6 per cent.",
    "p: Parents who need earlier supervision can use breakfast clubs, which will open at 7:45 am.",
    NULL
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "School board approves later start times for secondary pupils");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Ana Whitfield");
  /* No date line: the time is left for the editor to set. */
  g_assert_cmpint (byline_article_get_published (article), ==, 0);
  assert_empty (byline_article_get_caption (article));
  assert_empty (byline_article_get_credit (article));
  assert_empty (byline_article_get_dateline (article));
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, NULL, 0);
  assert_nowhere (article, "By Ana");

  g_assert_finalize_object (article);
}

static void
test_plain_crlf (void)
{
  g_autofree char *path = sample_path ("weather-crlf.txt");
  g_autofree char *raw = NULL;
  BylineArticle *article;
  const char * const blocks[] = {
    "p: Forecasters have issued an amber warning for wind along the Portvale coast from 6 pm on Saturday until noon on Sunday.",
    "p: Gusts of up to 110 km/h are expected on exposed headlands, and the harbour authority has suspended all ferry crossings.",
    "p: Residents are asked to secure bins and garden furniture.",
    NULL
  };
  const ExpectedPin pins[] = {
    { 2, "How to prepare your home for a storm" },
  };
  const char * const chrome[] = {
    "\r", "Menu", "Search", "Weather ›", "Published", "Advertisement",
    "Most read", "Harbour dredging", "School board",
  };

  /* Guard: the sample must really have CRLF line ends (see .gitattributes). */
  g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
  g_assert_nonnull (strstr (raw, "coast\r\n"));

  article = import_sample ("weather-crlf.txt", NULL);

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Storm warning issued as gales head for the coast");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_10_1640);
  g_assert_cmpstr (byline_article_get_caption (article), ==, "Waves break over the sea wall at Low Strand");
  g_assert_cmpstr (byline_article_get_credit (article), ==, "Courier photo");
  assert_empty (byline_article_get_byline (article));
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    assert_nowhere (article, chrome[i]);

  g_assert_finalize_object (article);
}

static void
test_plain_no_blank_lines (void)
{
  BylineArticle *article = import_sample ("ferry-lines.txt", NULL);
  const char * const blocks[] = {
    "p: Harbour Line says fuel costs have doubled since last winter.",
    "p: The operator will cut the late crossing to Gull Island from November, its chief executive told the Courier.",
    "p: Islanders say the late boat is the only way home for shift workers.",
    "p: \"Without it I lose my job,\" said nurse Petra Moll.",
    "p: The council will discuss the timetable at its meeting on March 14.",
    NULL
  };
  const ExpectedPin pins[] = {
    { 2, "Harbour dredging to start in April after council vote" },
    { 4, "Island school faces closure as pupil numbers fall" },
  };
  const char * const chrome[] = {
    "Home", "Sign in", "Share this", "Advertisement", "READ", "By Tom",
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Ferry operator warns of winter timetable cuts");
  /* The byline sits between the headline and the date line. */
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Tom Reed");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_1_1830);
  assert_empty (byline_article_get_caption (article));
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    assert_nowhere (article, chrome[i]);

  g_assert_finalize_object (article);
}

static void
test_plain_read_lines (void)
{
  BylineArticle *article = import_sample ("regatta-reads.txt", NULL);
  const char * const blocks[] = {
    "p: The Portvale eight crossed the line at Gull Point a length ahead of Northgate, who had won the last four regattas.",
    "p: Fog held the boats at the start for forty minutes, and the race was cut from 5 km to 3 km.",
    "p: Coach Lena Fry said the crew had trained at dawn all winter.",
    NULL
  };
  const ExpectedPin pins[] = {
    { 1, "Fog delays the start of the harbour regatta" },
    { 2, "Rowing club opens its boathouse to schools" },
    { 2, "The harbour regatta in pictures" },
    { 3, "Northgate coach blames the fog" },
  };
  const char * const chrome[] = {
    "Courier", "Tuesday", "Home", "Sport ›", "Updated", "READ", "Read",
    "By Jo",
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Portvale crew wins the harbour regatta for the first time in 20 years");
  g_assert_cmpstr (byline_article_get_standfirst (article), ==,
                   "The eight from Portvale Rowing Club beat the holders by a length in a race shortened by fog.");
  /* The masthead's "Tuesday, March 7" is today's date, not the article's. */
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_5_1715);
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Jo Hart");
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    assert_nowhere (article, chrome[i]);

  g_assert_finalize_object (article);
}

/* The READ: labels of Byline's own French and German pages are READ:
 * lines too, no-break space and all. */
static void
test_read_labels_in_languages (void)
{
  struct { const char *text; const char *headline; } cases[] = {
    { "Le conseil vote le budget du port de commerce\n\n"
      "Le conseil municipal a voté jeudi le budget du port.\n\n"
      "À LIRE AUSSI\u00a0: Les ferries reprennent lundi\n\n"
      "Les travaux commencent en avril.\n",
      "Les ferries reprennent lundi" },
    { "Le conseil vote le budget du port de commerce\n\n"
      "Le conseil municipal a voté jeudi le budget du port.\n\n"
      "Lire aussi : Les ferries reprennent lundi\n\n"
      "Les travaux commencent en avril.\n",
      "Les ferries reprennent lundi" },
    { "Der Stadtrat beschließt den Hafenhaushalt für das Jahr\n\n"
      "Der Stadtrat hat am Donnerstag den Haushalt beschlossen.\n\n"
      "LESEN SIE AUCH: Die Fähren fahren wieder\n\n"
      "Die Arbeiten beginnen im April.\n",
      "Die Fähren fahren wieder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      BylineArticle *article = byline_import_plain_text (cases[i].text, -1, NULL, &error);
      const ExpectedPin pins[] = { { 1, cases[i].headline } };

      g_assert_no_error (error);
      assert_pins (article, pins, G_N_ELEMENTS (pins));
      assert_nowhere (article, "AUCH");
      g_assert_finalize_object (article);
    }
}

static void
test_plain_wire_dateline (void)
{
  BylineArticle *article = import_sample ("wire-dateline.txt", NULL);
  const char * const blocks[] = {
    "p: A container ship ran aground on a sandbank outside Portvale harbour on Friday morning, the coastguard said.",
    "p: No one was hurt and no fuel has leaked, a coastguard spokesperson said.",
    NULL
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Container ship runs aground outside Portvale harbour");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_1120);
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "PORTVALE");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Reuters");
  assert_blocks (article, blocks);
  assert_nowhere (article, "(Reuters)");

  g_assert_finalize_object (article);
}

static void
test_plain_no_date (void)
{
  BylineArticle *article = import_sample ("library-no-date.txt", NULL);
  const char * const blocks[] = {
    "p: The central library on Quay Street will open from 11 am to 4 pm on Sundays from May 7, after the council found money for two more staff.",
    "p: Library cards are free for everyone who lives or works in Portvale.",
    NULL
  };
  const char * const chrome[] = {
    "Menu", "Home", "Search", "Subscribe", "newsletter", "Culture ›",
    "Related", "six weeks",
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Central library to open on Sundays from May");
  g_assert_cmpint (byline_article_get_published (article), ==, 0);
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Ola Brandt");
  g_assert_cmpstr (byline_article_get_caption (article), ==, "Readers in the new reading room");
  g_assert_cmpstr (byline_article_get_credit (article), ==, "Courier photo");
  assert_blocks (article, blocks);
  assert_pins (article, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    assert_nowhere (article, chrome[i]);

  g_assert_finalize_object (article);
}

/* Every character CommonMark treats specially reads as typed. */
static void
test_plain_markdown_characters (void)
{
  BylineArticle *article = import_sample ("fish-market.txt", NULL);
  const char * const blocks[] = {
    "p: # of boats landing fish fell to 12 this week.",
    "p: > Prices are set at the 5 am auction, dealers said.",
    "p: - Cod rose 8% to £3.10/kg; haddock_prices and `whiting` held.",
    "p: 1. Hake fell for a third week, to <£2/kg.",
    "p: 2023. That was the year the old market hall closed, said trader Sam_Ives.",
    "p: + Plaice: see the board at stall #4 \\ stall #5.",
    "p: Tickets cost &pound; 3 at the door &amp; online; AT&T sponsors the screen.",
    "p: *** Dealers *expect* prices to _settle_ by April.",
    NULL
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Fish market prices: *cod* up, [hake] down & more");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_6_0700);
  assert_blocks (article, blocks);

  g_assert_finalize_object (article);
}

static void
test_plain_escape_round_trip (void)
{
  const char * const tricky[] = {
    "#1 on the list", "# not a heading", "###### six", "####### seven",
    "#hashtag", "1) first", "10. tenth", "1234567890. not a list",
    "- a dash", "-5 degrees", "--- rule", "***", "___", "+ plus", "> quote",
    "~~~ fence", "```js fence", "<div>raw html</div>", "<https://example.com>",
    "a \\ b", "ends with \\", "\\*not emphasis\\*", "[link](https://example.com)",
    "![image](x.png)", "&amp; &#35; &#x23; &copy", "AT&T and R&D", "_under_",
    "snake_case_name", "trailing_", "*star*", "**strong**", "a * b * c",
    "[^1] footnote", "`code`", "=== not setext", "| a | b |", "    indented",
    "tab\tinside", "“curly” ‘quotes’ — dashes…", "x < y > z", "a]b[c",
    "price_£5_", "<!-- comment -->", "javascript:alert(1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (tricky[i]));
      g_autofree char *collapsed = collapse_space (stripped);
      g_autofree char *expected_text = g_strdup_printf ("p: %s", collapsed);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;
      g_auto(GStrv) blocks = NULL;

      text = g_strdup_printf ("A headline of several words\n\nFirst paragraph of the story.\n\n%s\n\nLast paragraph of the story.\n",
                              tricky[i]);
      article = byline_import_plain_text (text, -1, NULL, &error);
      g_assert_no_error (error);

      blocks = dup_rendered_blocks (byline_article_get_body (article));
      g_assert_cmpuint (g_strv_length (blocks), ==, 3);
      g_assert_cmpstr (blocks[0], ==, "p: First paragraph of the story.");
      /* Lines are stripped, so leading space is not part of the text. */
      g_assert_cmpstr (blocks[1], ==, expected_text);
      g_assert_cmpstr (blocks[2], ==, "p: Last paragraph of the story.");
    }
}

static void
test_plain_line_ends (void)
{
  /* Old Mac line ends, a byte order mark and no-break spaces around lines. */
  const char *text =
    "\xEF\xBB\xBF" "Home | News\r"
    "Tide tables move online after 40 years\r"
    "March 3, 2023 at 9:05 am\r"
    "\xC2\xA0\r"
    "The harbour office will stop printing\r"
    "tide tables in June.\xC2\xA0\r"
    "\r"
    "Copies remain at the library.\r";
  const char * const blocks[] = {
    "p: The harbour office will stop printing tide tables in June.",
    "p: Copies remain at the library.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_plain_text (text, -1, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Tide tables move online after 40 years");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_0905);
  assert_blocks (article, blocks);
  assert_nowhere (article, "\r");
  assert_nowhere (article, "\xEF\xBB\xBF");
  assert_nowhere (article, "Home");

  g_assert_finalize_object (article);
}

static void
test_plain_time_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  g_assert_nonnull (tz);
  article = byline_import_plain_text ("Harbour dredging to start in April\nMarch 3, 2023 at 9:05 am\n\nBody text.\n",
                                      -1, tz, &error);
  g_assert_no_error (error);

  /* 9:05 at UTC+2 is 7:05 UTC. */
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_0905 - 2 * 3600);

  g_assert_finalize_object (article);
}

static void
test_plain_share_bar (void)
{
  /* Share buttons after the date do not make it the masthead's date, and
   * a short paragraph with a slash is not a menu. */
  const char *text =
    "Sleet closes the coast road\n"
    "March 3, 2023 at 9:05 am\n"
    "Share | Tweet | Email\n"
    "\n"
    "Rain / sleet expected\n"
    "\n"
    "The coast road is shut between Low Strand and Gull Point.\n";
  const char * const blocks[] = {
    "p: Rain / sleet expected",
    "p: The coast road is shut between Low Strand and Gull Point.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_plain_text (text, -1, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Sleet closes the coast road");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_0905);
  assert_blocks (article, blocks);
  assert_nowhere (article, "Tweet");

  g_assert_finalize_object (article);
}

/* Language from the script */

/* What byline_language_detect_script() makes of a text: the script, not
 * the words, and most of the letters. */
static void
test_detect_script (void)
{
  struct { const char *text; const char *language; } cases[] = {
    { "صوّت مجلس الميناء مساء الثلاثاء على تعميق الحوض الشرقي", "ar" },
    /* Arabic with an English company name in it is still Arabic */
    { "قال رئيس المجلس إن شركة Harbour Works Ltd ستبدأ العمل في أبريل", "ar" },
    { "شورای شهر روز گذشته بودجه را تصویب کرد و پل چوبی را بست", "fa" },
    { "شہر کی کونسل نے بجٹ منظور کر لیا ہے اور پل بند رہے گا", "ur" },
    { "מועצת העיר אישרה את התקציב", "he" },
    { "Городской совет утвердил бюджет", "ru" },
    { "Міська рада ухвалила бюджет і відкрила їдальню", "uk" },
    { "Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό", "el" },
    { "市議会は予算を承認した", "ja" },
    { "市议会批准了预算", "zh" },
    { "시의회가 예산을 승인했다", "ko" },
    /* Latin letters say nothing; nor do digits and punctuation alone */
    { "The city council approved the budget", NULL },
    { "Le conseil municipal a voté le budget", NULL },
    /* an English report quoting two Arabic words stays unnamed */
    { "The minister said the word مرحبا twice in a long speech to parliament", NULL },
    { "2024 — 1.2 !", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text != NULL ? cases[i].text : "(null)");
      g_assert_cmpstr (byline_language_detect_script (cases[i].text), ==, cases[i].language);
    }
}

/* An article pasted from an Arabic news site is in Arabic; one in
 * Hebrew in Hebrew; a Markdown file's language: key wins over the script. */
static void
test_language_on_import (void)
{
  const char *arabic =
    "مجلس الميناء يوافق على تعميق الحوض الشرقي\n"
    "\n"
    "صوّت مجلس الميناء مساء الثلاثاء بأغلبية خمسة أصوات مقابل صوتين على تعميق الحوض الشرقي.\n"
    "\n"
    "قال رئيس المجلس إن شركة Harbour Works Ltd ستبدأ العمل في أبريل.\n";
  const char *hebrew =
    "מועצת הנמל מאשרת את העמקת האגן המזרחי\n"
    "\n"
    "מועצת הנמל הצביעה ביום שלישי בערב בעד העמקת האגן המזרחי.\n";
  const char *markdown =
    "---\n"
    "headline: مجلس الميناء يوافق على تعميق الحوض\n"
    "language: ar-EG\n"
    "---\n"
    "\n"
    "صوّت مجلس الميناء مساء الثلاثاء على تعميق الحوض الشرقي.\n";
  const char *markdown_untagged =
    "---\n"
    "headline: مجلس الميناء يوافق على تعميق الحوض\n"
    "---\n"
    "\n"
    "صوّت مجلس الميناء مساء الثلاثاء على تعميق الحوض الشرقي.\n";
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_plain_text (arabic, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "مجلس الميناء يوافق على تعميق الحوض الشرقي");
  g_assert_cmpstr (byline_article_get_language (article), ==, "ar");
  g_assert_finalize_object (article);

  article = byline_import_plain_text (hebrew, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (article), ==, "he");
  g_assert_finalize_object (article);

  article = byline_import_markdown (markdown, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (article), ==, "ar-EG");
  g_assert_finalize_object (article);

  article = byline_import_markdown (markdown_untagged, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_language (article), ==, "ar");
  g_assert_finalize_object (article);
}

/* Markdown */

static void
test_markdown_front_matter (void)
{
  g_autofree char *samples = g_test_build_filename (G_TEST_DIST, "samples", "import", NULL);
  g_autofree char *image = g_build_filename (samples, "images", "budget.jpg", NULL);
  BylineArticle *article;
  const char * const blocks[] = {
    "p: The city council approved a £48 million budget on Thursday, with spending on roads cut by a tenth.",
    "p: The ferry subsidy stays at last year's level:",
    "ul: £1.2 million for the Gull Island crossing / £300,000 for the night boat",
    "blockquote: \"It is a budget with no frills,\" said council leader Ray Dunn.",
    NULL
  };
  const char * const tags[] = { "council", "budget, 2023", "harbour", NULL };
  const ExpectedPin pins[] = {
    { 1, "Harbour dredging to start in April after council vote" },
  };

  /* The unknown key is worth a debug message, never a warning. */
  g_test_expect_message ("byline-importer", G_LOG_LEVEL_DEBUG, "*layout*");
  article = import_sample ("council-budget.md", NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Council backs \"no-frills\" budget for 2023");
  g_assert_cmpstr (byline_article_get_standfirst (article), ==,
                   "Spending on roads is cut, but the harbour's ferry subsidy stays");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Maria Lopez");
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "PORTVALE");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_2_1830);
  g_assert_cmpstr (byline_article_get_caption (article), ==, "Councillors vote at the town hall");
  g_assert_cmpstr (byline_article_get_credit (article), ==, "Tom Reed");
  /* Relative to the Markdown file's folder. */
  g_assert_cmpstr (byline_article_get_image (article), ==, image);
  g_assert_cmpstr (byline_article_get_image_alt (article), ==,
                   "Councillors raising their hands in the town hall chamber");
  g_assert_cmpstr (byline_article_get_section (article), ==, "Politics");
  g_assert_cmpstrv (byline_article_get_tags (article), tags);
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_APPROVED);
  /* No language: key and Latin letters: the publication's, once saved. */
  g_assert_cmpstr (byline_article_get_language (article), ==, "");
  /* The body stays Markdown. */
  g_assert_nonnull (strstr (byline_article_get_body (article), "**£48 million**"));
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));
  assert_nowhere (article, "READ");
  assert_nowhere (article, "layout");
  assert_nowhere (article, "---");

  g_assert_finalize_object (article);
}

static void
test_markdown_heading_headline (void)
{
  BylineArticle *article = import_sample ("regatta-fog.md", NULL);
  const char * const blocks[] = {
    "p: Thick fog held forty boats at the start line for forty minutes on Saturday.",
    "p: The race officer, Dee Moss, said safety came first.",
    NULL
  };
  const char * const tags[] = { "sport", "rowing", "harbour", NULL };
  const ExpectedPin pins[] = {
    { 1, "Portvale crew wins the harbour regatta for the first time in 20 years" },
    { 2, "Rowing club opens its boathouse to schools" },
  };

  /* The heading's text, as a reader sees it. */
  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Fog delays the start of the harbour regatta");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Jo Hart");
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_4_1430);
  g_assert_cmpstrv (byline_article_get_tags (article), tags);
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_IN_REVIEW);
  assert_empty (byline_article_get_image (article));
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));
  assert_nowhere (article, "# Fog");
  assert_nowhere (article, "Read more");

  g_assert_finalize_object (article);
}

static void
test_markdown_yaml_lists (void)
{
  BylineArticle *article = import_sample ("spring-tides.markdown", NULL);
  const char * const blocks[] = {
    "p: Tides will peak at 5.9 metres on Tuesday evening, the highest this year.",
    "p: Drivers should use the upper deck or the park-and-ride at Northgate.",
    NULL
  };
  const char * const tags[] = { "weather", "harbour", NULL };

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Spring tides to flood Low Strand car park");
  g_assert_cmpstr (byline_article_get_standfirst (article), ==,
                   "The harbour authority says cars left on the lower deck after 6 pm will be towed.");
  g_assert_cmpstrv (byline_article_get_tags (article), tags);
  /* A date alone is midnight. */
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_21_0000);
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, NULL, 0);

  g_assert_finalize_object (article);
}

static void
test_markdown_by_suffix (void)
{
  BylineArticle *article = import_sample ("gull-island.md", NULL);
  const char * const blocks[] = {
    "p: The school board voted on Monday to keep the island's primary school open until July 2024.",
    NULL
  };
  const ExpectedPin pins[] = {
    { 1, "Island school faces closure as pupil numbers fall" },
  };

  g_assert_cmpstr (byline_article_get_headline (article), ==,
                   "Gull Island school to stay open for another year");
  g_assert_cmpint (byline_article_get_published (article), ==, 0);
  assert_imported_defaults (article);
  assert_blocks (article, blocks);
  assert_pins (article, pins, G_N_ELEMENTS (pins));

  g_assert_finalize_object (article);
}

static void
test_markdown_quoting (void)
{
  const char *text =
    "---\r\n"
    "headline: \"A \\\"quoted\\\" word and a back\\\\slash\"\r\n"
    "byline: 'It''s Sam'\r\n"
    "credit: \"Harbour \\u00c9ditions\"\r\n"
    "caption: 'A quoted value: with a colon # and a hash'\r\n"
    "tags: ['one', \"two, three\", four]\r\n"
    "status: Published\r\n"
    "published: 2023-03-03 09:05\r\n"
    "---\r\n"
    "Body.\r\n";
  const char * const tags[] = { "one", "two, three", "four", NULL };
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_markdown (text, -1, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "A \"quoted\" word and a back\\slash");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "It's Sam");
  g_assert_cmpstr (byline_article_get_credit (article), ==, "Harbour Éditions");
  g_assert_cmpstr (byline_article_get_caption (article), ==, "A quoted value: with a colon # and a hash");
  g_assert_cmpstrv (byline_article_get_tags (article), tags);
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_PUBLISHED);
  g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_0905);
  g_assert_cmpstr (byline_article_get_body (article), ==, "Body.");

  g_assert_finalize_object (article);
}

static void
test_markdown_front_matter_in_txt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("byline-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.txt", NULL);
  g_autofree char *image = g_build_filename (dir, "photos", "quay.jpg", NULL);
  g_autofree char *photos_dir = g_build_filename (dir, "photos", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  g_assert_true (g_file_set_contents (path,
                                      "---\nheadline: Quay lights switched on\nimage: photos/quay.jpg\n---\n\n# Not the headline\n\nText.\n",
                                      -1, NULL));
  /* The picture is beside the article: it is kept. */
  g_assert_cmpint (g_mkdir (photos_dir, 0700), ==, 0);
  {
    g_assert_true (g_file_set_contents (image, "\xff\xd8\xff quay", -1, NULL));
  }

  article = byline_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Quay lights switched on");
  g_assert_cmpstr (byline_article_get_image (article), ==, image);
  /* A different heading is the author's; it stays. */
  {
    const char * const blocks[] = { "h1: Not the headline", "p: Text.", NULL };

    assert_blocks (article, blocks);
  }

  g_assert_finalize_object (article);
  g_unlink (image);
  g_rmdir (photos_dir);
  g_unlink (path);
  g_rmdir (dir);
}

/* A front matter's picture must be in the article file's folder: a path
 * out of it, or a link that leads out of it, is left out, and nothing is
 * read. */
static void
test_markdown_image_confined (void)
{
  g_autofree char *dir = g_dir_make_tmp ("byline-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.md", NULL);
  g_autofree char *link = g_build_filename (dir, "lead.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *images[] = { "../story.jpg", "/etc/hostname", "file:///etc/hostname",
                           "/proc/self/environ", "lead.jpg", "~/photo.jpg", NULL };

  g_assert_cmpint (symlink ("/etc/hostname", link), ==, 0);

  for (guint i = 0; images[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("---\nheadline: Quay\nimage: \"%s\"\n---\n\nText.\n", images[i]);
      g_autoptr(GError) error = NULL;
      BylineArticle *article;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      article = byline_import_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (byline_article_get_image (article), ==, "");
      g_assert_finalize_object (article);
    }

  g_unlink (link);
  g_unlink (path);
  g_rmdir (dir);
}

/* Front matter is YAML: what libyaml reads is what the article gets. */

static BylineArticle *
import_markdown_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_markdown (text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static void
test_yaml_comments (void)
{
  const char *text =
    "---\n"
    "# Filed from the quay\n"
    "headline: Harbour reopens # a comment\n"
    "section: News#1\n"
    "byline: Jo Hart   # harbour reporter\n"
    "---\n"
    "Text.\n";
  BylineArticle *article = import_markdown_text (text);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Harbour reopens");
  /* A hash inside a word is not a comment. */
  g_assert_cmpstr (byline_article_get_section (article), ==, "News#1");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Jo Hart");
  assert_nowhere (article, "comment");
  assert_nowhere (article, "quay");

  g_assert_finalize_object (article);
}

/* However a list is written, a quoted tag with a comma is one tag. */
static void
test_yaml_quoted_tags (void)
{
  static const char * const spellings[] = {
    "tags: [\"coast, north\", harbour]\n",
    "tags: [\"coast, north\", harbour]  # topics\n",
    "tags: ['coast, north', \"harbour\"]\n",
    "tags: [\"coast, north\",   # the shore\n"
    "       harbour]\n",
    "tags:\n"
    "  - \"coast, north\"  # the shore\n"
    "  - harbour\n",
    "keywords:\n"
    "- 'coast, north'\n"
    "- harbour\n",
  };
  const char * const tags[] = { "coast, north", "harbour", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\nheadline: Storm on the coast\n%s---\nText.\n", spellings[i]);
      BylineArticle *article = import_markdown_text (text);

      g_test_message ("%s", spellings[i]);
      g_assert_cmpstrv (byline_article_get_tags (article), tags);
      g_assert_finalize_object (article);
    }
}

static void
test_yaml_escapes (void)
{
  const char *text =
    "---\n"
    "headline: \"Smiles all round \\U0001F600\"\n"
    "credit: \"Harbour \\u00c9ditions\"\n"
    "byline: \"Ren\\u00e9e \\x41. Moll\"\n"
    "caption: 'Single quotes keep \\u00e9 as written'\n"
    "---\n"
    "Text.\n";
  BylineArticle *article = import_markdown_text (text);

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Smiles all round \xF0\x9F\x98\x80");
  g_assert_cmpstr (byline_article_get_credit (article), ==, "Harbour \xC3\x89" "ditions");
  g_assert_cmpstr (byline_article_get_byline (article), ==, "Ren\xC3\xA9" "e A. Moll");
  g_assert_cmpstr (byline_article_get_caption (article), ==, "Single quotes keep \\u00e9 as written");

  g_assert_finalize_object (article);
}

static void
test_yaml_lists (void)
{
  const char *block =
    "---\n"
    "headline: Ferry timetable cut\n"
    "tags:\n"
    "  - ferries   # the desk's word\n"
    "  # - winter (dropped)\n"
    "  - \"islands, outer\"\n"
    "byline:\n"
    "  - Jo Hart\n"
    "  - Sam Lee\n"
    "---\n"
    "Text.\n";
  const char *flow =
    "---\n"
    "headline: Ferry timetable cut\n"
    "tags: [ferries,\n"
    "       'islands, outer']   # both\n"
    "byline: [Jo Hart, Sam Lee]\n"
    "---\n"
    "Text.\n";
  const char * const tags[] = { "ferries", "islands, outer", NULL };
  const char *texts[] = { block, flow };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      BylineArticle *article = import_markdown_text (texts[i]);

      g_assert_cmpstrv (byline_article_get_tags (article), tags);
      /* A list in a text field reads as the list. */
      g_assert_cmpstr (byline_article_get_byline (article), ==, "Jo Hart, Sam Lee");
      g_assert_cmpstr (byline_article_get_body (article), ==, "Text.");
      g_assert_finalize_object (article);
    }
}

static void
test_yaml_block_scalars (void)
{
  const char *text =
    "---\n"
    "headline: Harbour reopens\n"
    "standfirst: >-   # the teaser\n"
    "  The harbour reopens\n"
    "  on Monday.\n"
    "\n"
    "  Ferries run from 6 am.\n"
    "caption: |\n"
    "  The east quay,\n"
    "  at dawn\n"
    "section: Local\n"
    "---\n"
    "Text.\n";
  BylineArticle *article = import_markdown_text (text);

  /* ">" folds lines into one and keeps paragraphs; "|" keeps lines. */
  g_assert_cmpstr (byline_article_get_standfirst (article), ==,
                   "The harbour reopens on Monday.\nFerries run from 6 am.");
  g_assert_cmpstr (byline_article_get_caption (article), ==, "The east quay,\nat dawn");
  g_assert_cmpstr (byline_article_get_section (article), ==, "Local");

  g_assert_finalize_object (article);
}

/* YAML's timestamps, as static site generators write them. */
static void
test_yaml_timestamps (void)
{
  static const char * const dates[] = {
    "2023-03-03T09:05:00+00:00",
    "2023-03-03 09:05",
    "2023-03-03 09:05:00 +00:00",
    "2023-03-03 10:05:00 +0100",
    "2023-03-03 04:05:00 -5",
    "2023-03-03t09:05:00Z",
    "\"2023-03-03 09:05:00.0 Z\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\nheadline: Pier reopens\ndate: %s\n---\nText.\n", dates[i]);
      BylineArticle *article = import_markdown_text (text);

      g_test_message ("%s", dates[i]);
      g_assert_cmpint (byline_article_get_published (article), ==, MARCH_3_0905);
      g_assert_finalize_object (article);
    }
}

/* Two keys for one field must agree; tags and keywords add up; what Byline
 * does not know is left alone, however deep. */
static void
test_yaml_same_field (void)
{
  const char *text =
    "---\n"
    "title: Pier reopens\n"
    "headline: Pier reopens\n"
    "tags: [harbour, ferries]\n"
    "keywords: [ferries, \"islands, outer\"]\n"
    "params:\n"
    "  layout: wide\n"
    "  headline: Not this one\n"
    "---\n"
    "Text.\n";
  const char * const tags[] = { "harbour", "ferries", "islands, outer", NULL };
  BylineArticle *article;

  g_test_expect_message ("byline-importer", G_LOG_LEVEL_DEBUG, "*params*line 6*");
  article = import_markdown_text (text);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (byline_article_get_headline (article), ==, "Pier reopens");
  g_assert_cmpstrv (byline_article_get_tags (article), tags);
  assert_nowhere (article, "Not this one");
  assert_nowhere (article, "wide");

  g_assert_finalize_object (article);
}

/* Bad files */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = byline_test_make_tmp_dir ("byline-import-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  byline_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GError *
import_bad_file (Fixture    *fixture,
                 const char *name,
                 const char *contents,
                 gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *quoted = g_strdup_printf ("“%s”", name);
  GError *error = NULL;
  BylineArticle *article;

  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, length, NULL));

  article = byline_import_file (file, NULL, NULL, &error);
  g_assert_null (article);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);

  /* Every message names the file, so the user knows which one failed. */
  g_assert_nonnull (strstr (error->message, quoted));

  return error;
}

static void
test_bad_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "empty.txt", "", 0);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty"));
}

static void
test_bad_blank (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "blank.md", "  \n\n\t \r\n\xC2\xA0\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_EMPTY);
}

static void
test_bad_too_large (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *big = g_malloc (BYLINE_IMPORT_MAX_SIZE + 1);
  g_autoptr(GError) error = NULL;

  memset (big, 'a', BYLINE_IMPORT_MAX_SIZE + 1);
  big[0] = '\n';
  error = import_bad_file (fixture, "huge.txt", big, BYLINE_IMPORT_MAX_SIZE + 1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10485761 bytes"));
  g_assert_nonnull (strstr (error->message, "10 MiB"));
}

static void
test_bad_largest_allowed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "long.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_malloc (BYLINE_IMPORT_MAX_SIZE);
  const char *head = "A very long harbour report\n\n";
  BylineArticle *article;

  /* Exactly at the limit is fine. */
  memset (text, 'x', BYLINE_IMPORT_MAX_SIZE);
  memcpy (text, head, strlen (head));
  g_assert_true (g_file_set_contents (path, text, BYLINE_IMPORT_MAX_SIZE, NULL));

  article = byline_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "A very long harbour report");
  g_assert_cmpuint (strlen (byline_article_get_body (article)), ==,
                    BYLINE_IMPORT_MAX_SIZE - strlen (head));

  g_assert_finalize_object (article);
}

static void
test_bad_binary (Fixture       *fixture,
                 gconstpointer  data)
{
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autoptr(GError) error = import_bad_file (fixture, "notes.bin", png, sizeof png - 1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==,
                   "Could not import “notes.bin”: it is not a text file. Import plain text or Markdown (.md) files.");
}

static void
test_bad_encoding (Fixture       *fixture,
                   gconstpointer  data)
{
  /* "Café" in Latin-1 on line 3. */
  g_autoptr(GError) error = import_bad_file (fixture, "latin1.txt",
                                             "New cafe on the quay\n\nThe Caf\xe9 opens on Monday.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_nonnull (strstr (error->message, "line 3, column 8"));
}

static void
test_bad_utf16 (Fixture       *fixture,
                gconstpointer  data)
{
  const char utf16[] = "\xFF\xFEH\0i\0\n\0";
  g_autoptr(GError) error = import_bad_file (fixture, "utf16.txt", utf16, sizeof utf16 - 1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

static void
test_bad_no_headline (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "chrome.txt",
                                             "Menu\nHome | News | Sport\nSearch\nSign in\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NO_HEADLINE);
}

static void
test_bad_markdown_no_headline (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "untitled.md",
                                             "---\nbyline: Jo Hart\n---\n\nJust a paragraph.\n\n# A heading later\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NO_HEADLINE);
  g_assert_nonnull (strstr (error->message, "headline:"));
}

static void
test_bad_status (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "status.md",
                                             "---\nheadline: Pier reopens\nstatus: finished\n---\nText.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“finished”"));
  for (guint i = 0; i < BYLINE_N_STATUSES; i++)
    g_assert_nonnull (strstr (error->message, byline_status_to_string (i)));
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "date.md",
                                             "---\nheadline: Pier reopens\npublished: next Tuesday\n---\nText.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“next Tuesday”"));
}

static void
test_bad_unclosed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "open.md",
                                             "---\nheadline: Pier reopens\n\nText.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "---"));
}

static void
test_bad_front_matter_line (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "garbled.md",
                                             "---\nheadline: Pier reopens\nthis line has no key\n---\nText.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

/* Invalid front matter: the file is refused with the line to fix. */
static void
test_bad_yaml (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *front_matter;
    const char *where;
    const char *what;
  } cases[] = {
    /* An opening quote that is never closed: where it opens. */
    { "headline: Pier reopens\nbyline: \"Jo Hart\nsection: Local\n", "line 3, column 9", "quoted scalar" },
    { "headline: Pier reopens\nstandfirst: The pier\n  reopens: on Monday\n", "line 4, column 10", "mapping values" },
    { "headline: Pier: reopened\n", "line 2, column 15", "mapping values" },
    { "headline: Pier reopens\ntags:\n\t- harbour\n", "line 4, column 1", "cannot start any token" },
    { "headline: Pier reopens\ncredit: ]]>\n", "line 3, column 9", "node content" },
    { "headline: Pier reopens\nbyline: Jo Hart\nheadline: Quay reopens\n", "line 4, column 1", "first on line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strdup_printf ("---\n%s---\n\nText.\n", cases[i].front_matter);
      g_autoptr(GError) error = import_bad_file (fixture, "story.md", contents, -1);
      g_autofree char *where = g_strdup_printf (": error in the front matter at %s: ", cases[i].where);

      g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, where));
      g_assert_nonnull (strstr (error->message, cases[i].what));
      g_assert_true (g_str_has_suffix (error->message, "Fix the YAML between the “---” lines and import it again."));
    }
}

/* Two keys that give one field different values: neither is dropped
 * silently. */
static void
test_bad_yaml_same_field (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "twice.md",
                                             "---\ntitle: Pier reopens\nbyline: Jo Hart\nheadline: Quay reopens\n---\nText.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“title” on line 2 and “headline” on line 4"));
}

/* A field Byline reads, given a mapping. */
static void
test_bad_yaml_nested (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "nested.md",
                                             "---\nheadline: Pier reopens\nbyline:\n  name: Jo Hart\n---\nText.\n", -1);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“byline” on line 3"));
}

static void
test_bad_missing (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = import_bad_file (fixture, "gone.txt", NULL, 0);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_bad_folder (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "drafts", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  error = import_bad_file (fixture, "drafts", NULL, 0);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID);
}

/* byline_import_file() on a worker thread, so that a hang (the import
 * waiting for ever) fails the test rather than stopping it. How fast the
 * refusal is, is not the point: a loaded machine may take its time. */
typedef struct
{
  GMutex  lock;
  GCond   cond;
  GFile  *file;
  GError *error;
  gboolean done;
} ImportJob;

static gpointer
import_job_thread (gpointer data)
{
  ImportJob *job = data;
  GError *error = NULL;
  BylineArticle *article = byline_import_file (job->file, NULL, NULL, &error);

  g_assert_null (article);
  g_mutex_lock (&job->lock);
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);

  return NULL;
}

static GError *
import_without_hanging (const char *path)
{
  ImportJob job = { 0, };
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  GThread *thread;
  GError *error;

  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  job.file = g_file_new_for_path (path);

  thread = g_thread_new ("import", import_job_thread, &job);
  g_mutex_lock (&job.lock);
  while (!job.done)
    if (!g_cond_wait_until (&job.cond, &job.lock, deadline))
      g_error ("Importing “%s” did not return within 10 s", path);
  g_mutex_unlock (&job.lock);
  g_thread_join (thread);

  g_object_unref (job.file);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
  error = job.error;
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);

  return error;
}

/* A named pipe would block the import until something wrote to it, which
 * may be never: it is refused at once, and says what it is. */
static void
test_bad_fifo (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "story.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  error = import_without_hanging (path);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "“story.txt”"));
  g_assert_nonnull (strstr (error->message, "named pipe"));
}

/* /dev/zero would be read up to the size limit, /dev/tty would wait for the
 * keyboard: devices are refused before a byte is read. */
static void
test_bad_device (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *devices[] = { "/dev/zero", "/dev/null", "/dev/urandom" };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GError) error = import_without_hanging (devices[i]);
      g_autofree char *basename = g_path_get_basename (devices[i]);
      g_autofree char *quoted = g_strdup_printf ("“%s”", basename);

      g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NOT_A_FILE);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "device"));
    }
}

static void
test_bad_socket (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "wire.sock", NULL);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);

  error = import_without_hanging (path);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "“wire.sock”"));
  g_assert_nonnull (strstr (error->message, "socket"));
}

/* A link to a pipe is a pipe. */
static void
test_bad_link_to_fifo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "story.md", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  error = import_without_hanging (link);

  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "named pipe"));
}

/* Limits: what a newsroom never needs is refused, quickly, saying which
 * field and by how much. */

static void
test_limits_tags (void)
{
  g_autoptr(GString) text = g_string_new ("---\nheadline: Many tags\ntags:\n");
  g_autoptr(GError) error = NULL;
  BylineArticle *article;
  gint64 start;

  /* 20 000 different tags: the de-duplication was quadratic and took 92 s. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "  - topic number %u\n", i);
  g_string_append (text, "---\n\nBody.\n");

  start = g_get_monotonic_time ();
  article = byline_import_markdown (text->str, text->len, NULL, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
  g_assert_null (article);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20000 different tags"));
  g_assert_nonnull (strstr (error->message, "200"));
}

/* Repeats count once, whatever their case or composition; the first
 * spelling stays, and 20 000 of them go through at once. */
static void
test_limits_repeated_tags (void)
{
  g_autoptr(GString) text = g_string_new ("---\nheadline: Repeated tags\ntags:\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  const char * const *tags;
  gint64 start;

  g_string_append (text, "  - Café\n  - CAFÉ\n  - Cafe\xcc\x81\n  - café\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "  - %s %u\n", i % 2 ? "Topic" : "TOPIC", i % 199);
  g_string_append (text, "---\n\nBody.\n");

  start = g_get_monotonic_time ();
  article = byline_import_markdown (text->str, text->len, NULL, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
  g_assert_no_error (error);

  tags = byline_article_get_tags (article);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 200);
  g_assert_cmpstr (tags[0], ==, "Café");
  g_assert_cmpstr (tags[1], ==, "TOPIC 0");
  g_assert_cmpstr (tags[2], ==, "Topic 1");
  g_assert_cmpstr (tags[199], ==, "TOPIC 198");
}

static void
test_limits_tag_length (void)
{
  g_autofree char *long_tag = g_strnfill (BYLINE_LIMIT_TAG_CHARS + 1, 'x');
  g_autofree char *longest_tag = g_strnfill (BYLINE_LIMIT_TAG_CHARS, 'y');
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;

  /* Counted in characters, not bytes: 100 of "é" is 200 bytes, and fine. */
  g_autoptr(GString) accents = g_string_new (NULL);
  for (guint i = 0; i < BYLINE_LIMIT_TAG_CHARS; i++)
    g_string_append (accents, "é");

  text = g_strdup_printf ("---\nheadline: Tags\ntags: [%s, %s]\n---\nBody.\n", longest_tag, accents->str);
  article = byline_import_markdown (text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) byline_article_get_tags (article)), ==, 2);

  g_free (text);
  text = g_strdup_printf ("---\nheadline: Tags\ntags: [short, %s]\n---\nBody.\n", long_tag);
  g_assert_null (byline_import_markdown (text, -1, NULL, &error));
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”"));
  g_assert_nonnull (strstr (error->message, "101 characters"));
}

static void
test_limits_fields (void)
{
  static const struct {
    const char *key;
    guint       limit;
    const char *named;
  } fields[] = {
    { "headline", BYLINE_LIMIT_HEADLINE_CHARS, "the headline has" },
    { "standfirst", BYLINE_LIMIT_TEXT_CHARS, "the standfirst has" },
    { "caption", BYLINE_LIMIT_TEXT_CHARS, "the photo caption has" },
    { "byline", BYLINE_LIMIT_LINE_CHARS, "the byline has" },
    { "dateline", BYLINE_LIMIT_LINE_CHARS, "the dateline has" },
    { "credit", BYLINE_LIMIT_LINE_CHARS, "the photo credit has" },
    { "section", BYLINE_LIMIT_LINE_CHARS, "the section has" },
    { "image_alt", BYLINE_LIMIT_LINE_CHARS, "the image description has" },
    { "language", BYLINE_LIMIT_LINE_CHARS, "the language has" },
    { "image", BYLINE_LIMIT_IMAGE_CHARS, "the image’s path has" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      for (guint over = 0; over <= 1; over++)
        {
          g_autofree char *value = g_strnfill (fields[i].limit + over, 'w');
          g_autofree char *text = NULL;
          g_autofree char *count = g_strdup_printf ("%u characters", fields[i].limit + 1);
          g_autoptr(GError) error = NULL;
          g_autoptr(BylineArticle) article = NULL;

          /* The headline's own line stays short unless it is the one tried. */
          if (g_str_equal (fields[i].key, "headline"))
            text = g_strdup_printf ("---\nheadline: /%s\n---\nBody.\n", value + 1);
          else
            text = g_strdup_printf ("---\nheadline: Limits\n%s: /%s\n---\nBody.\n",
                                    fields[i].key, value + 1);

          article = byline_import_markdown (text, -1, NULL, &error);
          g_test_message ("%s, %u: %s", fields[i].key, fields[i].limit + over,
                          error != NULL ? error->message : "imported");
          if (!over)
            {
              g_assert_no_error (error);
              g_assert_nonnull (article);
              continue;
            }
          g_assert_null (article);
          g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, fields[i].named));
          g_assert_nonnull (strstr (error->message, count));
        }
    }
}

static void
test_limits_pins (void)
{
  for (guint n = BYLINE_LIMIT_PINS; n <= BYLINE_LIMIT_PINS + 1; n++)
    {
      g_autoptr(GString) text = g_string_new ("# Many links\n\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "Paragraph %u.\n\nREAD: Story %u\n\n", i, i);

      article = byline_import_markdown (text->str, text->len, NULL, &error);
      if (n == BYLINE_LIMIT_PINS)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (article)), ==, n);
        }
      else
        {
          g_assert_null (article);
          g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "501 “READ:” links"));
        }
    }
}

/* The same limits for a page pasted from a news site, and for a file. */
static void
test_limits_plain_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *headline = g_strnfill (BYLINE_LIMIT_HEADLINE_CHARS + 1, 'h');
  g_autofree char *text = g_strdup_printf ("%s\n\nMarch 3, 2023 at 9:05 am\n\nThe harbour board met.\n", headline);
  g_autoptr(GError) error = NULL;

  g_assert_null (byline_import_plain_text (text, -1, NULL, &error));
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "the headline has 1001 characters"));
  g_clear_error (&error);

  error = import_bad_file (fixture, "long-headline.txt", text, -1);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "the headline has 1001 characters"));
}

static void
test_bad_text_without_file (void)
{
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  article = byline_import_plain_text ("", 0, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  article = byline_import_plain_text ("Head\0line", 9, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  article = byline_import_markdown ("Just some text.\n", -1, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NO_HEADLINE);
}


/* --- news pages as people copy them ---------------------------------------- */

static const char *
member_or_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Each page shape in samples/import/pages (wire copy, a broadcaster, a daily
 * paper, a Gulf site, an Arabic site, a live blog, …) against the fields a
 * person reading it would pick out, in samples/import/pages/expected.json. */
static void
test_page_corpus (void)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "samples", "import", "pages",
                                                          "expected.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GList) names = NULL;
  JsonObject *expected;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (expected);
  g_assert_cmpuint (g_list_length (names), >=, 12);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonObject *want = json_object_get_object_member (expected, name);
      g_autofree char *relative = g_build_filename ("pages", name, NULL);
      g_autoptr(BylineArticle) article = NULL;
      g_autofree char *published = NULL;
      g_auto(GStrv) paragraphs = NULL;
      GListModel *pins;
      JsonArray *want_pins;
      JsonArray *absent;
      guint n_paragraphs = 0;
      const char *body;

      g_test_message ("%s", name);
      article = import_sample (relative, utc);

      g_assert_cmpstr (byline_article_get_headline (article), ==, member_or_null (want, "headline"));
      g_assert_cmpstr (nonempty (byline_article_get_standfirst (article)), ==, member_or_null (want, "standfirst"));
      g_assert_cmpstr (nonempty (byline_article_get_byline (article)), ==, member_or_null (want, "byline"));
      g_assert_cmpstr (nonempty (byline_article_get_dateline (article)), ==, member_or_null (want, "dateline"));
      g_assert_cmpstr (nonempty (byline_article_get_caption (article)), ==, member_or_null (want, "caption"));
      g_assert_cmpstr (nonempty (byline_article_get_credit (article)), ==, member_or_null (want, "credit"));

      if (byline_article_get_published (article) > 0)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (byline_article_get_published (article));

          published = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
        }
      g_assert_cmpstr (published, ==, member_or_null (want, "published"));

      /* READ:, Related:, See also: … lines are pins where they stood. */
      pins = byline_article_get_pins (article);
      want_pins = json_object_get_array_member (want, "pins");
      g_assert_cmpuint (g_list_model_get_n_items (pins), ==, json_array_get_length (want_pins));
      for (guint i = 0; i < g_list_model_get_n_items (pins); i++)
        {
          g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
          g_autofree char *got = g_strdup_printf ("%u: %s", byline_pin_get_position (pin),
                                                  byline_pin_get_headline (pin));

          g_assert_false (byline_pin_is_resolved (pin));
          g_assert_cmpstr (got, ==, json_array_get_string_element (want_pins, i));
        }

      /* The body: the article's paragraphs, none of the site's chrome. */
      body = byline_article_get_body (article);
      paragraphs = g_strsplit (body, "\n\n", -1);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        n_paragraphs += *g_strstrip (paragraphs[i]) != '\0';
      g_assert_cmpuint (n_paragraphs, ==, json_object_get_int_member (want, "paragraphs"));
      g_assert_true (g_str_has_prefix (body, json_object_get_string_member (want, "first")));
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (body));

        if (!g_str_has_suffix (trimmed, json_object_get_string_member (want, "last")))
          g_error ("%s: the body ends “…%s”", name, trimmed + MAX (0, (int) strlen (trimmed) - 60));
      }

      absent = json_object_get_array_member (want, "absent");
      for (guint i = 0; i < json_array_get_length (absent); i++)
        {
          const char *chrome = json_array_get_string_element (absent, i);

          if (strstr (body, chrome) != NULL)
            g_error ("%s: “%s” is in the body", name, chrome);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/importer/language/detect-script", test_detect_script);
  g_test_add_func ("/byline/importer/language/on-import", test_language_on_import);
  g_test_add_func ("/byline/importer/plain/chrome", test_plain_chrome);
  g_test_add_func ("/byline/importer/plain/no-chrome", test_plain_no_chrome);
  g_test_add_func ("/byline/importer/plain/crlf", test_plain_crlf);
  g_test_add_func ("/byline/importer/plain/no-blank-lines", test_plain_no_blank_lines);
  g_test_add_func ("/byline/importer/plain/read-lines", test_plain_read_lines);
  g_test_add_func ("/byline/importer/plain/read-labels-in-languages", test_read_labels_in_languages);
  g_test_add_func ("/byline/importer/plain/wire-dateline", test_plain_wire_dateline);
  g_test_add_func ("/byline/importer/plain/no-date", test_plain_no_date);
  g_test_add_func ("/byline/importer/plain/markdown-characters", test_plain_markdown_characters);
  g_test_add_func ("/byline/importer/plain/escape-round-trip", test_plain_escape_round_trip);
  g_test_add_func ("/byline/importer/plain/line-ends", test_plain_line_ends);
  g_test_add_func ("/byline/importer/plain/time-zone", test_plain_time_zone);
  g_test_add_func ("/byline/importer/plain/share-bar", test_plain_share_bar);
  g_test_add_func ("/byline/importer/plain/page-corpus", test_page_corpus);

  g_test_add_func ("/byline/importer/markdown/front-matter", test_markdown_front_matter);
  g_test_add_func ("/byline/importer/markdown/heading-headline", test_markdown_heading_headline);
  g_test_add_func ("/byline/importer/markdown/yaml-lists", test_markdown_yaml_lists);
  g_test_add_func ("/byline/importer/markdown/by-suffix", test_markdown_by_suffix);
  g_test_add_func ("/byline/importer/markdown/quoting", test_markdown_quoting);
  g_test_add_func ("/byline/importer/markdown/front-matter-in-txt", test_markdown_front_matter_in_txt);
  g_test_add_func ("/byline/importer/markdown/image-confined", test_markdown_image_confined);
  g_test_add_func ("/byline/importer/markdown/yaml-comments", test_yaml_comments);
  g_test_add_func ("/byline/importer/markdown/yaml-quoted-tags", test_yaml_quoted_tags);
  g_test_add_func ("/byline/importer/markdown/yaml-escapes", test_yaml_escapes);
  g_test_add_func ("/byline/importer/markdown/yaml-block-and-flow-lists", test_yaml_lists);
  g_test_add_func ("/byline/importer/markdown/yaml-block-scalars", test_yaml_block_scalars);
  g_test_add_func ("/byline/importer/markdown/yaml-timestamps", test_yaml_timestamps);
  g_test_add_func ("/byline/importer/markdown/yaml-same-field", test_yaml_same_field);

#define ADD_BAD(path, func) \
  g_test_add ("/byline/importer/bad/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD_BAD ("empty", test_bad_empty);
  ADD_BAD ("blank", test_bad_blank);
  ADD_BAD ("too-large", test_bad_too_large);
  ADD_BAD ("largest-allowed", test_bad_largest_allowed);
  ADD_BAD ("binary", test_bad_binary);
  ADD_BAD ("encoding", test_bad_encoding);
  ADD_BAD ("utf16", test_bad_utf16);
  ADD_BAD ("no-headline", test_bad_no_headline);
  ADD_BAD ("markdown-no-headline", test_bad_markdown_no_headline);
  ADD_BAD ("status", test_bad_status);
  ADD_BAD ("date", test_bad_date);
  ADD_BAD ("unclosed", test_bad_unclosed);
  ADD_BAD ("front-matter-line", test_bad_front_matter_line);
  ADD_BAD ("yaml", test_bad_yaml);
  ADD_BAD ("yaml-same-field", test_bad_yaml_same_field);
  ADD_BAD ("yaml-nested", test_bad_yaml_nested);
  ADD_BAD ("missing", test_bad_missing);
  ADD_BAD ("folder", test_bad_folder);
  ADD_BAD ("fifo", test_bad_fifo);
  ADD_BAD ("device", test_bad_device);
  ADD_BAD ("socket", test_bad_socket);
  ADD_BAD ("link-to-fifo", test_bad_link_to_fifo);
  ADD_BAD ("limits/plain-text", test_limits_plain_text);
#undef ADD_BAD
  g_test_add_func ("/byline/importer/bad/text-without-file", test_bad_text_without_file);
  g_test_add_func ("/byline/importer/limits/tags", test_limits_tags);
  g_test_add_func ("/byline/importer/limits/repeated-tags", test_limits_repeated_tags);
  g_test_add_func ("/byline/importer/limits/tag-length", test_limits_tag_length);
  g_test_add_func ("/byline/importer/limits/fields", test_limits_fields);
  g_test_add_func ("/byline/importer/limits/pins", test_limits_pins);

  return g_test_run ();
}
