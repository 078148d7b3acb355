/* test-renderer.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-renderer"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "byline-article.h"
#include "byline-author.h"
#include "byline-language.h"
#include "byline-pin.h"
#include "byline-publication.h"
#include "byline-renderer.h"

/* XPath predicate: the element has @c among its classes. */
#define CLASS(c) "contains(concat(' ',normalize-space(@class),' '),' " c " ')"

/* 2022-02-16 13:10:00 UTC */
#define KNOWN_TIME G_GINT64_CONSTANT (1645017000)

#define HOSTILE_HEADLINE "<script>alert(1)</script> & \"quotes\" 'single' </script><!--"

typedef struct
{
  BylineArticle     *article;
  BylinePublication *publication;
  GTimeZone         *utc;
  BylineRenderOptions options;
} Fixture;

typedef struct
{
  htmlDocPtr          doc;
  xmlXPathContextPtr  xpath;
  char               *html;
} Page;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->xpath, xmlXPathFreeContext);
  g_clear_pointer (&page->doc, xmlFreeDoc);
  g_clear_pointer (&page->html, g_free);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_free)

static Page *
page_parse (char *html)
{
  Page *page = g_new0 (Page, 1);

  g_assert_nonnull (html);
  page->html = html;
  page->doc = htmlReadMemory (html, strlen (html), "page.html", "UTF-8",
                              HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (page->doc);
  page->xpath = xmlXPathNewContext (page->doc);
  g_assert_nonnull (page->xpath);

  return page;
}

static Page *
render_article (Fixture *fixture)
{
  return page_parse (byline_render_article (fixture->article, fixture->publication,
                                            &fixture->options));
}

static xmlXPathObjectPtr
eval (Page       *page,
      const char *expr)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expr, page->xpath);

  if (result == NULL)
    g_error ("Bad XPath expression %s", expr);

  return result;
}

static int
count (Page       *page,
       const char *expr)
{
  xmlXPathObjectPtr result = eval (page, expr);
  int n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;

  g_assert_cmpint (result->type, ==, XPATH_NODESET);
  xmlXPathFreeObject (result);

  return n;
}

/* The string value of @expr (XPath string()), or NULL when it selects no node. */
static char *
text (Page       *page,
      const char *expr)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expr);
  xmlXPathObjectPtr result;
  char *value;

  if (count (page, expr) == 0)
    return NULL;

  result = eval (page, wrapped);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);

  return value;
}

static void
assert_text (Page       *page,
             const char *expr,
             const char *expected)
{
  g_autofree char *value = text (page, expr);

  if (g_strcmp0 (value, expected) != 0)
    g_error ("%s: expected \"%s\", got \"%s\"", expr, expected, value ? value : "(nothing)");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char * const tags[] = { "harbour", "council", "ferries", NULL };

  fixture->utc = g_time_zone_new_utc ();
  fixture->options.tz = fixture->utc;
  fixture->options.home_href = "index.html";

  fixture->publication = byline_publication_new ();
  byline_publication_set (fixture->publication, "The Harbourton Gazette",
                          "Every tide, every council vote", "");

  fixture->article = byline_article_new ();
  byline_article_set_id (fixture->article, 7);
  byline_article_set_slug (fixture->article, "ferry-fares-frozen");
  byline_article_set_section (fixture->article, "Local");
  byline_article_set_headline (fixture->article, "Council freezes ferry fares for another year");
  byline_article_set_standfirst (fixture->article,
                                 "Commuters across the bay get a reprieve as the harbour budget passes 7-2.");
  byline_article_set_byline (fixture->article, "Mara Quinlan");
  byline_article_set_dateline (fixture->article, "HARBOURTON");
  byline_article_set_image (fixture->article, "/srv/newsroom/photos/ferry terminal.jpg");
  byline_article_set_image_alt (fixture->article, "The north ferry leaving the terminal at dusk");
  byline_article_set_caption (fixture->article, "The north ferry carries 4,000 people a day.");
  byline_article_set_credit (fixture->article, "Reuters");
  byline_article_set_body (fixture->article,
                           "The city council voted on Tuesday to keep ferry fares at 2022 levels.\n\n"
                           "Councillor Ada Brennan said the harbour fund could absorb the cost.\n\n"
                           "# What happens next\n\n"
                           "The budget goes to the mayor for signature on Friday.\n");
  byline_article_set_tags (fixture->article, tags);
  byline_article_set_language (fixture->article, "en");
  byline_article_set_created (fixture->article, KNOWN_TIME - 7200);
  byline_article_set_updated (fixture->article, KNOWN_TIME + 600);
  byline_article_set_published (fixture->article, KNOWN_TIME);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->article);
  g_clear_pointer (&fixture->publication, byline_publication_free);
  g_clear_pointer (&fixture->utc, g_time_zone_unref);
}

static void
add_pin (BylineArticle *article,
         guint          position,
         gint64         related_id,
         const char    *headline,
         const char    *page_name)
{
  BylinePin *pin = byline_pin_new (position, related_id, headline);

  if (page_name != NULL)
    byline_pin_set_page_name (pin, page_name);
  byline_article_add_pin (article, pin);
}

/* The ld+json block parsed as JSON; its raw text must hold no "<". */
static JsonObject *
parse_json_ld (Page *page)
{
  g_autofree char *json = text (page, "//head/script[@type='application/ld+json']");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (json);
  g_assert_null (strchr (json, '<'));
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* No attribute anywhere runs script or smuggles a javascript:/data: URL. */
static void
assert_no_script (Page *page)
{
  xmlXPathObjectPtr urls;

  g_assert_cmpint (count (page, "//script[not(@type='application/ld+json')]"), ==, 0);
  g_assert_cmpint (count (page, "//script"), <=, 1);
  g_assert_cmpint (count (page, "//@*[starts-with(translate(name(),'ON','on'),'on')]"), ==, 0);
  g_assert_cmpint (count (page, "//iframe|//object|//embed|//form|//base|//link[not(@rel='canonical')]"), ==, 0);

  urls = eval (page, "//@href|//@src|//@srcset|//@action|//@formaction");
  for (int i = 0; urls->nodesetval != NULL && i < urls->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (urls->nodesetval->nodeTab[i]);
      g_autofree char *squashed = NULL;
      GString *s = g_string_new (NULL);

      for (const char *p = (const char *) value; *p; p++)
        if ((guchar) *p > ' ')
          g_string_append_c (s, g_ascii_tolower (*p));
      squashed = g_string_free (s, FALSE);

      if (g_str_has_prefix (squashed, "javascript:") ||
          g_str_has_prefix (squashed, "vbscript:") ||
          g_str_has_prefix (squashed, "data:"))
        g_error ("Unsafe URL on the page: %s", value);
      xmlFree (value);
    }
  xmlXPathFreeObject (urls);
}

static void
test_structure (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(Page) page = render_article (fixture);
  g_autofree char *image_uri = g_filename_to_uri ("/srv/newsroom/photos/ferry terminal.jpg", NULL, NULL);
  g_autofree char *byline = NULL;
  g_autofree char *colophon = NULL;

  g_assert_true (g_str_has_prefix (page->html, "<!DOCTYPE html>"));
  assert_text (page, "/html/@lang", "en");
  assert_text (page, "//head/meta[@charset]/@charset", "utf-8");
  assert_text (page, "//head/title",
               "Council freezes ferry fares for another year — The Harbourton Gazette");

  /* Masthead, then the article, then the colophon. */
  assert_text (page, "/html/body/header[" CLASS ("masthead") "]/*[" CLASS ("publication-name") "]/a",
               "The Harbourton Gazette");
  assert_text (page, "//header[" CLASS ("masthead") "]//a/@href", "index.html");
  assert_text (page, "//header[" CLASS ("masthead") "]/*[" CLASS ("tagline") "]",
               "Every tide, every council vote");
  g_assert_cmpint (count (page, "//header[" CLASS ("masthead") "]/following::article[" CLASS ("article") "]"), ==, 1);
  g_assert_cmpint (count (page, "//article[" CLASS ("article") "]/following::footer[" CLASS ("colophon") "]"), ==, 1);

  /* The article's parts in reading order. */
  assert_text (page, "//article/h1[" CLASS ("headline") "]", "Council freezes ferry fares for another year");
  g_assert_cmpint (count (page, "//h1"), ==, 1);
  assert_text (page, "//article/h1/following-sibling::*[1][self::p][" CLASS ("standfirst") "]",
               "Commuters across the bay get a reprieve as the harbour budget passes 7-2.");
  g_assert_cmpint (count (page, "//p[" CLASS ("standfirst") "]/following-sibling::*[1][self::p][" CLASS ("meta") "]"), ==, 1);
  g_assert_cmpint (count (page, "//p[" CLASS ("meta") "]/following-sibling::*[1][self::figure][" CLASS ("lead") "]"), ==, 1);
  g_assert_cmpint (count (page, "//figure[" CLASS ("lead") "]/following-sibling::*[1][self::div][" CLASS ("body") "]"), ==, 1);

  /* Byline gets a "By"; dateline and date as typed and formatted. */
  byline = text (page, "//p[" CLASS ("meta") "]/span[" CLASS ("byline") "]");
  g_assert_cmpstr (byline, ==, "By Mara Quinlan");
  assert_text (page, "//p[" CLASS ("meta") "]/span[" CLASS ("dateline") "]", "HARBOURTON");
  assert_text (page, "//p[" CLASS ("meta") "]/time[" CLASS ("published") "]/@datetime",
               "2022-02-16T13:10:00+00:00");
  assert_text (page, "//p[" CLASS ("meta") "]/time[" CLASS ("published") "]",
               "February 16, 2022 at 1:10 pm");

  /* Lead picture with caption and bracketed credit. */
  assert_text (page, "//figure[" CLASS ("lead") "]/img/@src", image_uri);
  assert_text (page, "//figure[" CLASS ("lead") "]/img/@alt", "The north ferry leaving the terminal at dusk");
  assert_text (page, "//figure[" CLASS ("lead") "]/figcaption/span[" CLASS ("caption") "]",
               "The north ferry carries 4,000 people a day.");
  assert_text (page, "//figure[" CLASS ("lead") "]/figcaption/span[" CLASS ("credit") "]", "[Reuters]");

  /* The body: four blocks, the Markdown heading below the page's h1. */
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/*"), ==, 4);
  assert_text (page, "//div[" CLASS ("body") "]/p[1]",
               "The city council voted on Tuesday to keep ferry fares at 2022 levels.");
  assert_text (page, "//div[" CLASS ("body") "]/h2", "What happens next");

  /* Tags and colophon. */
  g_assert_cmpint (count (page, "//ul[" CLASS ("tags") "]/li"), ==, 3);
  assert_text (page, "//ul[" CLASS ("tags") "]/li[1]", "harbour");
  assert_text (page, "//ul[" CLASS ("tags") "]/li[3]", "ferries");
  colophon = text (page, "//footer[" CLASS ("colophon") "]");
  g_assert_nonnull (strstr (colophon, "The Harbourton Gazette"));
  g_assert_nonnull (strstr (colophon, "© 2022"));

  assert_no_script (page);
}

static void
test_head (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;
  g_autoptr(JsonObject) ld = NULL;
  g_autofree char *css = NULL;
  g_autofree char *csp = NULL;
  g_auto(GStrv) directives = NULL;
  gboolean default_none = FALSE;
  JsonObject *author;
  JsonObject *publisher;

  byline_publication_set (fixture->publication, NULL, NULL, "https://gazette.example.org/");
  byline_article_set_status (fixture->article, BYLINE_STATUS_PUBLISHED);
  fixture->options.image_src = "images/7-ferry-terminal.jpg";
  page = render_article (fixture);

  /* The layout travels inside the page. */
  css = text (page, "//head/style");
  g_assert_nonnull (css);
  g_assert_cmpuint (strlen (css), >, 1000);
  g_assert_nonnull (strstr (css, ".read-also"));
  g_assert_nonnull (strstr (css, "@media print"));
  /* No style sheet or anything else is fetched: the one link says where the
   * page lives. */
  g_assert_cmpint (count (page, "//link"), ==, 1);
  assert_text (page, "//head/link[@rel='canonical']/@href",
               "https://gazette.example.org/7-ferry-fares-frozen.html");

  /* A policy that lets nothing run. */
  csp = text (page, "//head/meta[translate(@http-equiv,'CONTENTSURIYPLC','contentsuriyplc')"
                    "='content-security-policy']/@content");
  g_assert_nonnull (csp);
  directives = g_strsplit (csp, ";", -1);
  for (guint i = 0; directives[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (directives[i]), " \t", -1);

      if (words[0] == NULL)
        continue;
      g_assert_cmpstr (words[0], !=, "script-src");
      g_assert_cmpstr (words[0], !=, "script-src-elem");
      g_assert_cmpstr (words[0], !=, "script-src-attr");
      if (g_str_equal (words[0], "default-src"))
        {
          g_assert_cmpstr (words[1], ==, "'none'");
          g_assert_null (words[2]);
          default_none = TRUE;
        }
    }
  g_assert_true (default_none);

  assert_text (page, "//head/meta[@name='viewport']/@content", "width=device-width, initial-scale=1");
  assert_text (page, "//head/meta[@name='description']/@content",
               "Commuters across the bay get a reprieve as the harbour budget passes 7-2.");
  assert_text (page, "//head/meta[@property='og:type']/@content", "article");
  assert_text (page, "//head/meta[@property='og:title']/@content",
               "Council freezes ferry fares for another year");
  assert_text (page, "//head/meta[@property='og:site_name']/@content", "The Harbourton Gazette");
  assert_text (page, "//head/meta[@property='og:url']/@content",
               "https://gazette.example.org/7-ferry-fares-frozen.html");
  assert_text (page, "//head/meta[@property='og:image']/@content",
               "https://gazette.example.org/images/7-ferry-terminal.jpg");
  assert_text (page, "//head/meta[@property='article:published_time']/@content",
               "2022-02-16T13:10:00+00:00");
  assert_text (page, "//figure/img/@src", "images/7-ferry-terminal.jpg");

  ld = parse_json_ld (page);
  g_assert_cmpstr (json_object_get_string_member (ld, "@context"), ==, "https://schema.org");
  g_assert_cmpstr (json_object_get_string_member (ld, "@type"), ==, "NewsArticle");
  g_assert_cmpstr (json_object_get_string_member (ld, "headline"), ==,
                   "Council freezes ferry fares for another year");
  g_assert_cmpstr (json_object_get_string_member (ld, "datePublished"), ==, "2022-02-16T13:10:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (ld, "dateModified"), ==, "2022-02-16T13:20:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (ld, "articleSection"), ==, "Local");
  g_assert_cmpstr (json_object_get_string_member (ld, "inLanguage"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (ld, "image"), ==,
                   "https://gazette.example.org/images/7-ferry-terminal.jpg");
  g_assert_nonnull (strstr (json_object_get_string_member (ld, "keywords"), "council"));
  g_assert_cmpstr (json_object_get_string_member (ld, "url"), ==,
                   "https://gazette.example.org/7-ferry-fares-frozen.html");
  g_assert_cmpstr (json_object_get_string_member (ld, "mainEntityOfPage"), ==,
                   "https://gazette.example.org/7-ferry-fares-frozen.html");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ld, "author")), ==, 1);
  author = json_array_get_object_element (json_object_get_array_member (ld, "author"), 0);
  g_assert_cmpstr (json_object_get_string_member (author, "@type"), ==, "Person");
  g_assert_cmpstr (json_object_get_string_member (author, "name"), ==, "Mara Quinlan");
  publisher = json_object_get_object_member (ld, "publisher");
  g_assert_cmpstr (json_object_get_string_member (publisher, "@type"), ==, "Organization");
  g_assert_cmpstr (json_object_get_string_member (publisher, "name"), ==, "The Harbourton Gazette");
}

static void
test_pins (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;
  xmlXPathObjectPtr children;
  GString *order = g_string_new (NULL);
  g_autofree char *sequence = NULL;

  byline_article_set_body (fixture->article,
                           "First paragraph about the tide tables.\n\n"
                           "Second paragraph about the fishing fleet.\n\n"
                           "Third paragraph about the lighthouse.\n");
  add_pin (fixture->article, 2, 31, "Fleet quotas cut by a fifth", "31-fleet-quotas.html");
  add_pin (fixture->article, 0, 12, "Tide gauge replaced after storm", "12-tide-gauge.html");
  add_pin (fixture->article, 9, 40, "Lighthouse keeper retires", "40-lighthouse.html");
  add_pin (fixture->article, 2, 0, "Harbour master's report, part two", NULL);
  add_pin (fixture->article, 3, 0, "Ferry timetable <b>changes</b>", NULL);
  page = render_article (fixture);

  /* Each aside stands right where its position puts it; pins sharing a
   * position keep their order; past the end means after the last block. */
  children = eval (page, "//div[" CLASS ("body") "]/*");
  for (int i = 0; children->nodesetval != NULL && i < children->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = children->nodesetval->nodeTab[i];
      xmlChar *content = xmlNodeGetContent (node);

      if (xmlStrEqual (node->name, (const xmlChar *) "p"))
        g_string_append_printf (order, "P(%.5s)|", (const char *) content);
      else
        g_string_append_printf (order, "%s(%s)|", (const char *) node->name, (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (children);
  sequence = g_string_free (order, FALSE);
  g_assert_cmpstr (sequence, ==,
                   "aside(READ: Tide gauge replaced after storm)|"
                   "P(First)|"
                   "P(Secon)|"
                   "aside(READ: Fleet quotas cut by a fifth)|"
                   "aside(READ: Harbour master's report, part two)|"
                   "P(Third)|"
                   "aside(READ: Lighthouse keeper retires)|"
                   "aside(READ: Ferry timetable <b>changes</b>)|");

  g_assert_cmpint (count (page, "//aside[" CLASS ("read-also") "]"), ==, 5);
  g_assert_cmpint (count (page, "//aside[" CLASS ("read-also") "]/span[" CLASS ("read-label") "][.='READ:']"), ==, 5);
  g_assert_cmpint (count (page, "//aside[" CLASS ("read-also") "]/preceding-sibling::*[1][self::aside]"), ==, 2);

  /* Resolved pins link to the related page beside this one. */
  assert_text (page, "//aside[" CLASS ("read-also") "][1]/a/@href", "12-tide-gauge.html");
  assert_text (page, "//aside[" CLASS ("read-also") "]/a[.='Fleet quotas cut by a fifth']/@href",
               "31-fleet-quotas.html");
  assert_text (page, "//p[starts-with(.,'Third')]/following-sibling::aside[1]/a/@href", "40-lighthouse.html");

  /* Unresolved pins carry the headline only, escaped. */
  g_assert_cmpint (count (page, "//aside[" CLASS ("read-also") "][span[" CLASS ("unresolved") "]]"), ==, 2);
  g_assert_cmpint (count (page, "//aside[" CLASS ("read-also") "][span[" CLASS ("unresolved") "]]/a"), ==, 0);
  g_assert_cmpint (count (page, "//aside//b"), ==, 0);
  assert_text (page, "//p[starts-with(.,'Second')]/following-sibling::aside[2]/span[" CLASS ("unresolved") "]",
               "Harbour master's report, part two");
}

static void
test_pin_links (Fixture       *fixture,
                gconstpointer  user_data)
{
  struct {
    const char *base_url;
    const char *link_prefix;
    const char *expected;
  } cases[] = {
    { "", NULL, "31-fleet-quotas.html" },
    { "https://gazette.example.org", NULL, "https://gazette.example.org/31-fleet-quotas.html" },
    { "https://gazette.example.org/news/", NULL, "https://gazette.example.org/news/31-fleet-quotas.html" },
    { "https://gazette.example.org/", "", "31-fleet-quotas.html" },
    { "", "../pages/", "../pages/31-fleet-quotas.html" },
    { "javascript:alert(1)//", NULL, "31-fleet-quotas.html" },
    { "data:text/html,<b>hi</b>/", NULL, "31-fleet-quotas.html" },
    { "", "javascript:alert(1)//", NULL },
  };

  byline_article_set_body (fixture->article, "One paragraph.\n");
  add_pin (fixture->article, 1, 31, "Fleet quotas cut by a fifth", "31-fleet-quotas.html");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Page) page = NULL;

      byline_publication_set (fixture->publication, NULL, NULL, cases[i].base_url);
      fixture->options.link_prefix = cases[i].link_prefix;
      page = render_article (fixture);

      g_test_message ("base \"%s\", prefix \"%s\"", cases[i].base_url,
                      cases[i].link_prefix ? cases[i].link_prefix : "(null)");
      assert_text (page, "//aside[" CLASS ("read-also") "]/a/@href", cases[i].expected);
      g_assert_cmpint (count (page, "//aside[" CLASS ("read-also") "]//*[.='Fleet quotas cut by a fifth']"), ==, 1);
      if (!g_str_has_prefix (cases[i].base_url, "https:"))
        g_assert_cmpint (count (page, "//meta[@property='og:url']"), ==, 0);
      assert_no_script (page);
    }
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  user_data)
{
  const char * const tags[] = { "<img src=x onerror=alert(1)>", "a\"b", NULL };
  g_autoptr(Page) page = NULL;
  g_autoptr(JsonObject) ld = NULL;
  g_autofree char *title = NULL;

  byline_publication_set (fixture->publication, "</title><script>alert('pub')</script>",
                          "\"><svg onload=alert(2)>", "javascript:alert(3)");
  byline_article_set_headline (fixture->article, HOSTILE_HEADLINE);
  byline_article_set_standfirst (fixture->article, "\" onmouseover=\"alert(4)");
  byline_article_set_byline (fixture->article, "<b onclick=alert(5)>Eve</b>");
  byline_article_set_dateline (fixture->article, "</p><script>alert(6)</script>");
  byline_article_set_caption (fixture->article, "<iframe src=javascript:alert(7)>");
  byline_article_set_credit (fixture->article, "]]></span><script>x</script>");
  byline_article_set_image_alt (fixture->article, "\" onerror=\"alert(8)");
  byline_article_set_section (fixture->article, "<style>body{display:none}</style>");
  byline_article_set_tags (fixture->article, tags);
  byline_article_set_language (fixture->article, "en\"><script>alert(9)</script>");
  byline_article_set_body (fixture->article,
                           "Opening paragraph.\n\n"
                           "<script>alert('body')</script>\n\n"
                           "Inline <img src=x onerror=alert(10)> tag and <a href=\"javascript:alert(11)\">raw</a>.\n\n"
                           "[click](javascript:alert(12)) [caps](JaVaScRiPt:alert(13)) "
                           "[entity](&#106;avascript:alert(14)) <javascript:alert(15)> "
                           "[vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
                           "![pixel](data:image/png;base64,iVBORw0KGgo=) ![js](javascript:alert(16))\n\n"
                           "<iframe src=\"https://evil.example/\"></iframe>\n");
  add_pin (fixture->article, 1, 5, "</aside><script>alert(17)</script>", "5-x.html\" onclick=\"alert(18)");
  add_pin (fixture->article, 1, 0, "<a href=javascript:alert(19)>pin</a>", NULL);
  fixture->options.home_href = "javascript:alert(20)";
  fixture->options.image_src = "javascript:alert(21)";
  page = render_article (fixture);

  assert_no_script (page);

  /* Every field reads back exactly as typed. */
  assert_text (page, "//h1[" CLASS ("headline") "]", HOSTILE_HEADLINE);
  title = text (page, "//head/title");
  g_assert_true (g_str_has_prefix (title, HOSTILE_HEADLINE " — "));
  assert_text (page, "//head/meta[@property='og:title']/@content", HOSTILE_HEADLINE);
  assert_text (page, "//p[" CLASS ("standfirst") "]", "\" onmouseover=\"alert(4)");
  assert_text (page, "//span[" CLASS ("byline") "]", "By <b onclick=alert(5)>Eve</b>");
  assert_text (page, "//span[" CLASS ("dateline") "]", "</p><script>alert(6)</script>");
  assert_text (page, "//figcaption/span[" CLASS ("caption") "]", "<iframe src=javascript:alert(7)>");
  assert_text (page, "//figcaption/span[" CLASS ("credit") "]", "[]]></span><script>x</script>]");
  assert_text (page, "//ul[" CLASS ("tags") "]/li[1]", "<img src=x onerror=alert(1)>");
  assert_text (page, "//header[" CLASS ("masthead") "]/*[" CLASS ("publication-name") "]",
               "</title><script>alert('pub')</script>");
  assert_text (page, "//header[" CLASS ("masthead") "]/*[" CLASS ("tagline") "]", "\"><svg onload=alert(2)>");
  assert_text (page, "//aside[" CLASS ("read-also") "][2]/span[" CLASS ("unresolved") "]",
               "<a href=javascript:alert(19)>pin</a>");
  g_assert_cmpint (count (page, "//b|//svg|//style[not(parent::head)]|//img"), ==, 0);

  /* A javascript: home link or image source is dropped, not emitted. */
  g_assert_cmpint (count (page, "//header[" CLASS ("masthead") "]//a"), ==, 0);
  g_assert_cmpint (count (page, "//figure[" CLASS ("lead") "]/figcaption"), ==, 1);

  /* The language falls back to the publication's. */
  assert_text (page, "/html/@lang", "en");

  /* Raw HTML in the body is dropped; unsafe Markdown links lose their target
   * but keep their text; unsafe images become their alt text. */
  g_assert_nonnull (strstr (page->html, "<!-- raw HTML omitted -->"));
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]//a[.='click']"), ==, 1);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]//a[.='caps' or .='entity' or .='vb' or .='data']"), ==, 4);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/*[not(self::aside)]//a[@href!='']"), ==, 0);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]//p[contains(., 'pixel') and contains(., 'js')]"), ==, 1);

  /* "</script>" in the headline does not end the JSON-LD block early. */
  ld = parse_json_ld (page);
  g_assert_cmpstr (json_object_get_string_member (ld, "headline"), ==, HOSTILE_HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (ld, "description"), ==, "\" onmouseover=\"alert(4)");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ld, "publisher"), "name"),
                   ==, "</title><script>alert('pub')</script>");
  g_assert_false (json_object_has_member (ld, "url"));
}

static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;

  byline_article_set_headline (fixture->article, "Tide\x01 tables\x7f revised");
  byline_article_set_body (fixture->article, "Bell &#1; buoy &#x85; moved \xef\xbf\xbe.\n");
  page = render_article (fixture);

  /* HTML forbids these characters; they go and the words stay. */
  assert_text (page, "//h1[" CLASS ("headline") "]", "Tide tables revised");
  assert_text (page, "//div[" CLASS ("body") "]/p", "Bell  buoy  moved .");
}

static void
test_optional_parts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;
  g_autoptr(Page) caption_only = NULL;
  g_autoptr(Page) by_typed = NULL;
  g_autoptr(JsonObject) ld = NULL;

  byline_article_set_standfirst (fixture->article, "   ");
  byline_article_set_byline (fixture->article, "");
  byline_article_set_dateline (fixture->article, NULL);
  byline_article_set_image (fixture->article, "");
  byline_article_set_caption (fixture->article, "");
  byline_article_set_credit (fixture->article, "Reuters");
  byline_article_set_tags (fixture->article, NULL);
  byline_article_set_section (fixture->article, "");
  byline_article_set_published (fixture->article, 0);
  byline_publication_set (fixture->publication, NULL, "", NULL);
  fixture->options.home_href = NULL;
  page = render_article (fixture);

  g_assert_cmpint (count (page, "//*[" CLASS ("standfirst") "]"), ==, 0);
  g_assert_cmpint (count (page, "//meta[@name='description']"), ==, 0);
  g_assert_cmpint (count (page, "//figure"), ==, 0);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]//img"), ==, 0);
  g_assert_cmpint (count (page, "//*[" CLASS ("byline") "]"), ==, 0);
  g_assert_cmpint (count (page, "//*[" CLASS ("dateline") "]"), ==, 0);
  g_assert_cmpint (count (page, "//*[" CLASS ("tags") "]"), ==, 0);
  g_assert_cmpint (count (page, "//*[" CLASS ("tagline") "]"), ==, 0);
  g_assert_cmpint (count (page, "//header[" CLASS ("masthead") "]//a"), ==, 0);
  assert_text (page, "//header[" CLASS ("masthead") "]/*[" CLASS ("publication-name") "]",
               "The Harbourton Gazette");

  /* A draft shows its last change as its date. */
  assert_text (page, "//time[" CLASS ("published") "]/@datetime", "2022-02-16T13:20:00+00:00");
  assert_text (page, "//time[" CLASS ("published") "]", "February 16, 2022 at 1:20 pm");
  ld = parse_json_ld (page);
  g_assert_false (json_object_has_member (ld, "author"));
  g_assert_false (json_object_has_member (ld, "image"));
  g_assert_false (json_object_has_member (ld, "keywords"));

  /* A caption without a picture still gets its figure, without an img. */
  byline_article_set_caption (fixture->article, "Storm damage on the east pier.");
  caption_only = render_article (fixture);
  g_assert_cmpint (count (caption_only, "//figure[" CLASS ("lead") "]"), ==, 1);
  g_assert_cmpint (count (caption_only, "//figure//img"), ==, 0);
  assert_text (caption_only, "//figcaption/span[" CLASS ("caption") "]", "Storm damage on the east pier.");
  assert_text (caption_only, "//figcaption/span[" CLASS ("credit") "]", "[Reuters]");

  /* A byline typed with its "By" is not given a second one. */
  byline_article_set_byline (fixture->article, "By Mara Quinlan and Tom Okafor");
  by_typed = render_article (fixture);
  assert_text (by_typed, "//span[" CLASS ("byline") "]", "By Mara Quinlan and Tom Okafor");
  g_assert_cmpint (count (by_typed, "//span[" CLASS ("byline") "]/*"), ==, 0);
}

static void
test_empty_body (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;

  byline_article_set_headline (fixture->article, "");
  byline_article_set_body (fixture->article, "");
  add_pin (fixture->article, 0, 3, "Pier reopens", "3-pier.html");
  add_pin (fixture->article, 4, 0, "Storm warning lifted", NULL);
  page = render_article (fixture);

  /* Still a page with a heading and both pins, in order. */
  g_assert_cmpint (count (page, "//h1[" CLASS ("headline") "][normalize-space(.)!='']"), ==, 1);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/*"), ==, 2);
  assert_text (page, "//div[" CLASS ("body") "]/aside[1]/a", "Pier reopens");
  assert_text (page, "//div[" CLASS ("body") "]/aside[2]/span[" CLASS ("unresolved") "]", "Storm warning lifted");
}

static void
test_language (Fixture       *fixture,
               gconstpointer  user_data)
{
  struct {
    const char *language;
    const char *expected;
  } cases[] = {
    { "nl", "nl" },
    { "pt_BR", "pt-BR" },
    { "de_DE.UTF-8", "de-DE" },
    { "", "en" },
    { "x", "en" },
    { "en\" onload=\"x", "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Page) page = NULL;
      g_autoptr(JsonObject) ld = NULL;

      byline_article_set_language (fixture->article, cases[i].language);
      page = render_article (fixture);
      assert_text (page, "/html/@lang", cases[i].expected);
      ld = parse_json_ld (page);
      g_assert_cmpstr (json_object_get_string_member (ld, "inLanguage"), ==, cases[i].expected);
    }
}

/* An Arabic article: the page runs right to left, each paragraph takes
 * its own direction, an English name inside an Arabic sentence keeps its
 * place and its order, and no drop cap cuts the first letter off its
 * word. The labels and the date are Arabic. */
static void
test_rtl_page (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;
  g_autoptr(Page) english = NULL;
  g_autofree char *mixed = NULL;

  english = render_article (fixture);
  g_assert_cmpint (count (english, "/html[@dir]"), ==, 0);
  /* The English page has its drop cap. */
  g_assert_cmpint (count (english, "//div[" CLASS ("body") " and " CLASS ("drop-cap") "]"), ==, 1);

  byline_article_set_language (fixture->article, "ar");
  byline_article_set_headline (fixture->article, "مجلس الميناء يوافق على تعميق الحوض الشرقي");
  byline_article_set_standfirst (fixture->article, "");
  byline_article_set_byline (fixture->article, "سارة المنصوري");
  byline_article_set_dateline (fixture->article, "");
  byline_article_set_body (fixture->article,
                           "صوّت مجلس الميناء مساء الثلاثاء على تعميق الحوض الشرقي.\n\n"
                           "قال رئيس المجلس إن شركة Harbour Works Ltd ستبدأ العمل في أبريل.\n\n"
                           "Google أعلنت أنها ستنشر صور الحوض بعد انتهاء الأعمال.\n\n"
                           "The harbour master said: the east basin is open again.\n");
  add_pin (fixture->article, 1, 12, "الحوض الغربي يغلق للصيانة", "west-basin.html");
  page = render_article (fixture);

  assert_text (page, "/html/@lang", "ar");
  assert_text (page, "/html/@dir", "rtl");
  assert_text (page, "//h1/@dir", "auto");

  /* Each paragraph's own direction: Arabic ones by their first letter,
   * the one that opens on "Google" said outright (its first letter would
   * make it left to right), and the English one left to right. */
  assert_text (page, "//div[" CLASS ("body") "]/p[1]/@dir", "auto");
  assert_text (page, "//div[" CLASS ("body") "]/p[2]/@dir", "auto");
  assert_text (page, "//div[" CLASS ("body") "]/p[3]/@dir", "rtl");
  assert_text (page, "//div[" CLASS ("body") "]/p[4]/@dir", "auto");

  /* The mixed sentence: in the order it was written, the English run
   * isolated whole, and the Arabic on both sides of it left alone. */
  assert_text (page, "//div[" CLASS ("body") "]/p[2]",
               "قال رئيس المجلس إن شركة Harbour Works Ltd ستبدأ العمل في أبريل.");
  assert_text (page, "//div[" CLASS ("body") "]/p[2]/bdi", "Harbour Works Ltd");
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/p[2]/bdi"), ==, 1);
  mixed = text (page, "//div[" CLASS ("body") "]/p[2]/bdi/preceding-sibling::text()");
  g_assert_cmpstr (mixed, ==, "قال رئيس المجلس إن شركة ");
  assert_text (page, "//div[" CLASS ("body") "]/p[3]/bdi", "Google");
  /* The English paragraph is left to right already: nothing to isolate. */
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/p[4]/bdi"), ==, 0);

  /* No drop cap, no letter-spacing: Arabic letters join. */
  g_assert_cmpint (count (page, "//div[" CLASS ("drop-cap") "]"), ==, 0);
  g_assert_cmpint (count (page, "/html/body[" CLASS ("joined-script") "]"), ==, 1);

  assert_text (page, "//span[" CLASS ("by") "]", "بقلم");
  assert_text (page, "//aside[" CLASS ("read-also") "]/span[" CLASS ("read-label") "]", "اقرأ أيضاً:");
  assert_text (page, "//time[" CLASS ("published") "]", "16 فبراير 2022، 13:10");
}

/* Hebrew runs right to left, but its letters stand apart: the drop cap
 * stays. An Arabic body under an English tag loses it all the same. */
static void
test_drop_cap_by_script (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(Page) hebrew = NULL;
  g_autoptr(Page) untagged = NULL;

  byline_article_set_language (fixture->article, "he");
  byline_article_set_body (fixture->article, "מועצת הנמל הצביעה ביום שלישי בעד העמקת האגן.\n");
  hebrew = render_article (fixture);
  assert_text (hebrew, "/html/@dir", "rtl");
  g_assert_cmpint (count (hebrew, "//div[" CLASS ("body") " and " CLASS ("drop-cap") "]"), ==, 1);
  g_assert_cmpint (count (hebrew, "/html/body[@class]"), ==, 0);

  byline_article_set_language (fixture->article, "en");
  byline_article_set_body (fixture->article, "> \n\nصوّت مجلس الميناء على تعميق الحوض.\n");
  untagged = render_article (fixture);
  g_assert_cmpint (count (untagged, "/html[@dir]"), ==, 0);
  g_assert_cmpint (count (untagged, "//div[" CLASS ("drop-cap") "]"), ==, 0);
}

/* The words the page prints itself follow the article's language. */
static void
test_page_words (Fixture       *fixture,
                 gconstpointer  user_data)
{
  struct {
    const char *language;
    const char *by;
    const char *read;
    const char *date;
  } cases[] = {
    { "en", "By", "READ:", "February 16, 2022 at 1:10 pm" },
    { "fr", "Par", "À LIRE AUSSI\u00a0:", "16 février 2022 à 13 h 10" },
    { "de-CH", "Von", "LESEN SIE AUCH:", "16. Februar 2022, 13:10 Uhr" },
    { "ar", "بقلم", "اقرأ أيضاً:", "16 فبراير 2022، 13:10" },
    /* no words of its own: English ones, its own tag */
    { "sv", "By", "READ:", "February 16, 2022 at 1:10 pm" },
  };

  add_pin (fixture->article, 1, 12, "Ferry timetable changes", "timetable.html");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Page) page = NULL;

      byline_article_set_language (fixture->article, cases[i].language);
      page = render_article (fixture);
      assert_text (page, "/html/@lang", cases[i].language);
      assert_text (page, "//span[" CLASS ("by") "]", cases[i].by);
      assert_text (page, "//span[" CLASS ("read-label") "]", cases[i].read);
      assert_text (page, "//time[" CLASS ("published") "]", cases[i].date);
    }

  /* "Par Jeanne Dupont" is printed as typed, without a second "Par". */
  {
    g_autoptr(Page) page = NULL;

    byline_article_set_language (fixture->article, "fr");
    byline_article_set_byline (fixture->article, "Par Jeanne Dupont");
    page = render_article (fixture);
    g_assert_cmpint (count (page, "//span[" CLASS ("by") "]"), ==, 0);
    assert_text (page, "//span[" CLASS ("byline") "]", "Par Jeanne Dupont");
  }

  /* An article without a language takes the publication's. */
  {
    g_autoptr(Page) page = NULL;

    byline_article_set_language (fixture->article, "");
    g_free (fixture->publication->language);
    fixture->publication->language = g_strdup ("de");
    page = render_article (fixture);
    assert_text (page, "/html/@lang", "de");
    assert_text (page, "//time[" CLASS ("published") "]", "16. Februar 2022, 13:10 Uhr");
  }
}

/* A French front page: its heading and, with nothing published, its
 * notice in French; each teaser in its own article's language. */
static void
test_index_words (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(Page) page = NULL;
  g_autoptr(Page) empty = NULL;
  BylineArticle *arabic = byline_article_new ();

  g_free (fixture->publication->language);
  fixture->publication->language = g_strdup ("fr");

  byline_article_set_id (arabic, 30);
  byline_article_set_language (arabic, "ar");
  byline_article_set_headline (arabic, "مجلس الميناء يوافق على تعميق الحوض");
  byline_article_set_published (arabic, KNOWN_TIME);
  g_ptr_array_add (articles, arabic);

  page = page_parse (byline_render_index (articles, fixture->publication, &fixture->options));
  assert_text (page, "/html/@lang", "fr");
  g_assert_cmpint (count (page, "/html[@dir]"), ==, 0);
  assert_text (page, "//h1[" CLASS ("index-title") "]", "Derniers articles");
  assert_text (page, "//article[" CLASS ("teaser") "]/@lang", "ar");
  assert_text (page, "//article[" CLASS ("teaser") "]//time", "16 فبراير 2022، 13:10");

  empty = page_parse (byline_render_index (none, fixture->publication, &fixture->options));
  assert_text (empty, "//p[" CLASS ("empty") "]", "Rien n’a encore été publié.");
}


/* One rule for every byline: each person it names, in order. */
static void
test_authors_split (Fixture       *fixture,
                    gconstpointer  user_data)
{
  struct {
    const char *byline;
    const char *expected;  /* names joined by "|" */
  } cases[] = {
    { "Ana García and Tom Ellis", "Ana García|Tom Ellis" },
    { "By Ana García and Tom Ellis", "Ana García|Tom Ellis" },
    { "by: Mara Quinlan", "Mara Quinlan" },
    { "Ana García, Tom Ellis and Priya Nair", "Ana García|Tom Ellis|Priya Nair" },
    { "Ana García, Tom Ellis, and Priya Nair", "Ana García|Tom Ellis|Priya Nair" },
    { "Ana García & Tom Ellis", "Ana García|Tom Ellis" },
    { "Sam Holt, BBC News", "Sam Holt" },
    { "Alexander Anderson", "Alexander Anderson" },
    { "Brandon Sandoval AND Lee Park", "Brandon Sandoval|Lee Park" },
    { "  ", "" },
    { "By", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) names = byline_author_split_byline (cases[i].byline);
      g_autofree char *joined = g_strjoinv ("|", names);

      g_test_message ("byline \"%s\"", cases[i].byline);
      g_assert_cmpstr (joined, ==, cases[i].expected);
    }
}

/* Several authors are several Persons in the page's JSON-LD. */
static void
test_json_ld_authors (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *expected[] = { "Ana García", "Tom Ellis", "Priya Nair" };
  g_autoptr(Page) page = NULL;
  g_autoptr(JsonObject) ld = NULL;
  JsonArray *authors;

  byline_article_set_byline (fixture->article, "By Ana García, Tom Ellis and Priya Nair");
  page = render_article (fixture);
  ld = parse_json_ld (page);

  authors = json_object_get_array_member (ld, "author");
  g_assert_cmpuint (json_array_get_length (authors), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *person = json_array_get_object_element (authors, i);

      g_assert_cmpstr (json_object_get_string_member (person, "@type"), ==, "Person");
      g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, expected[i]);
    }
  /* The page itself shows the byline as typed. */
  assert_text (page, "//span[" CLASS ("byline") "]", "By Ana García, Tom Ellis and Priya Nair");
}

/* A draft was never published: nothing on its page says it was. */
static void
test_json_ld_dates (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BylineStatus statuses[] = {
    BYLINE_STATUS_DRAFT, BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED,
    BYLINE_STATUS_SPIKED, BYLINE_STATUS_PUBLISHED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      gboolean published = statuses[i] == BYLINE_STATUS_PUBLISHED;
      g_autoptr(Page) page = NULL;
      g_autoptr(JsonObject) ld = NULL;

      byline_article_set_status (fixture->article, statuses[i]);
      page = render_article (fixture);
      ld = parse_json_ld (page);

      g_test_message ("status %s", byline_status_to_string (statuses[i]));
      g_assert_cmpint (json_object_has_member (ld, "datePublished"), ==, published);
      g_assert_cmpint (count (page, "//meta[@property='article:published_time']"), ==, published);
      g_assert_cmpstr (json_object_get_string_member (ld, "dateModified"), ==, "2022-02-16T13:20:00+00:00");
      if (published)
        {
          g_assert_cmpstr (json_object_get_string_member (ld, "datePublished"), ==,
                           "2022-02-16T13:10:00+00:00");
          assert_text (page, "//meta[@property='article:published_time']/@content",
                       "2022-02-16T13:10:00+00:00");
        }
    }
}

/* With a web address every address is absolute; without one, none of
 * them is written at all rather than a relative or local one. */
static void
test_web_address (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(Page) with_address = NULL;
  g_autoptr(Page) without = NULL;
  g_autoptr(Page) preview = NULL;
  g_autoptr(JsonObject) ld = NULL;
  g_autoptr(JsonObject) ld_without = NULL;
  g_autoptr(JsonObject) ld_preview = NULL;
  g_autofree char *preview_src = NULL;
  const char *page_url = "https://gazette.example.org/news/7-ferry-fares-frozen.html";

  byline_article_set_status (fixture->article, BYLINE_STATUS_PUBLISHED);
  fixture->options.image_src = "images/ferry%20terminal.jpg";
  byline_publication_set (fixture->publication, NULL, NULL, "https://gazette.example.org/news");
  with_address = render_article (fixture);
  ld = parse_json_ld (with_address);

  assert_text (with_address, "//head/link[@rel='canonical']/@href", page_url);
  assert_text (with_address, "//head/meta[@property='og:url']/@content", page_url);
  assert_text (with_address, "//head/meta[@property='og:image']/@content",
               "https://gazette.example.org/news/images/ferry%20terminal.jpg");
  g_assert_cmpstr (json_object_get_string_member (ld, "url"), ==, page_url);
  g_assert_cmpstr (json_object_get_string_member (ld, "mainEntityOfPage"), ==, page_url);
  g_assert_cmpstr (json_object_get_string_member (ld, "image"), ==,
                   "https://gazette.example.org/news/images/ferry%20terminal.jpg");
  /* The page itself still links its picture relatively. */
  assert_text (with_address, "//figure/img/@src", "images/ferry%20terminal.jpg");

  byline_publication_set (fixture->publication, NULL, NULL, "");
  without = render_article (fixture);
  ld_without = parse_json_ld (without);
  g_assert_cmpint (count (without, "//link"), ==, 0);
  g_assert_cmpint (count (without, "//meta[@property='og:url' or @property='og:image']"), ==, 0);
  g_assert_false (json_object_has_member (ld_without, "url"));
  g_assert_false (json_object_has_member (ld_without, "mainEntityOfPage"));
  g_assert_false (json_object_has_member (ld_without, "image"));

  /* The preview's picture is a file on this computer: never in metadata. */
  fixture->options.image_src = NULL;
  preview = render_article (fixture);
  ld_preview = parse_json_ld (preview);
  preview_src = text (preview, "//figure/img/@src");
  g_assert_true (g_str_has_prefix (preview_src, "file:"));
  g_assert_cmpint (count (preview, "//meta[@property='og:image']"), ==, 0);
  g_assert_false (json_object_has_member (ld_preview, "image"));
}

/* Well-formed BCP 47 tags, as RFC 5646's grammar has them. */
static void
test_language_tags (Fixture       *fixture,
                    gconstpointer  user_data)
{
  struct {
    const char *language;
    const char *expected;
  } cases[] = {
    { "en", "en" },
    { "EN-gb", "en-GB" },
    { "pt_BR", "pt-BR" },
    { "de_DE.UTF-8", "de-DE" },
    { "sr@latin", "sr" },
    { "zh-hant-tw", "zh-Hant-TW" },
    { "sr-Latn-RS", "sr-Latn-RS" },
    { "es-419", "es-419" },
    { "ar", "ar" },
    { "zh-yue-HK", "zh-yue-HK" },
    { "sl-rozaj-biske", "sl-rozaj-biske" },
    { "de-CH-1901", "de-CH-1901" },
    { "en-US-u-islamcal", "en-US-u-islamcal" },
    { "en-x-newsroom", "en-x-newsroom" },
    { "", NULL },
    { "x", NULL },
    { "e", NULL },
    { "english", NULL },
    { "en-", NULL },
    { "en--GB", NULL },
    { "en-GB-", NULL },
    { "12", NULL },
    { "en-u", NULL },
    { "en-x", NULL },
    { "en-toolongsubtag", NULL },
    { "en GB", NULL },
    { "en\" onload=\"x", NULL },
    { "fr-FR-fr-FR", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tag = byline_language_dup_tag (cases[i].language);

      g_test_message ("language \"%s\"", cases[i].language);
      g_assert_cmpstr (tag, ==, cases[i].expected);
    }
}

static void
test_index (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(Page) page = NULL;
  g_autoptr(Page) empty = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  const char *headlines[] = { "School board approves new gym", HOSTILE_HEADLINE, "Rain returns for the regatta" };
  g_autofree char *css = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      BylineArticle *article = byline_article_new ();

      byline_article_set_id (article, 20 + i);
      byline_article_set_headline (article, headlines[i]);
      byline_article_set_standfirst (article, i == 1 ? "" : "The vote was close.");
      byline_article_set_published (article, KNOWN_TIME - i * 86400);
      g_ptr_array_add (articles, article);
    }

  fixture->options.link_prefix = "";
  page = page_parse (byline_render_index (articles, fixture->publication, &fixture->options));

  assert_no_script (page);
  css = text (page, "//head/style");
  g_assert_cmpuint (strlen (css), >, 1000);
  assert_text (page, "//header[" CLASS ("masthead") "]/*[" CLASS ("publication-name") "]",
               "The Harbourton Gazette");
  g_assert_cmpint (count (page, "//h1"), ==, 1);
  g_assert_cmpint (count (page, "//ol[" CLASS ("article-list") "]/li/article[" CLASS ("teaser") "]"), ==, 3);

  /* In the order given, each linking to its page. */
  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *page_name = byline_article_dup_page_name (g_ptr_array_index (articles, i));
      g_autofree char *item = g_strdup_printf ("//ol[" CLASS ("article-list") "]/li[%u]/article", i + 1);
      g_autofree char *link = g_strconcat (item, "//a", NULL);
      g_autofree char *href = g_strconcat (item, "//a/@href", NULL);
      g_autofree char *standfirst = g_strconcat (item, "/p[" CLASS ("standfirst") "]", NULL);
      g_autofree char *time = g_strconcat (item, "//time[" CLASS ("published") "]/@datetime", NULL);
      g_autofree char *iso = NULL;
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (KNOWN_TIME - i * 86400);

      iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S+00:00");
      assert_text (page, link, headlines[i]);
      assert_text (page, href, page_name);
      assert_text (page, time, iso);
      g_assert_cmpint (count (page, standfirst), ==, i == 1 ? 0 : 1);
    }

  /* Nothing published yet: a sentence, not an empty list. */
  empty = page_parse (byline_render_index (none, fixture->publication, &fixture->options));
  g_assert_cmpint (count (empty, "//ol"), ==, 0);
  g_assert_cmpint (count (empty, "//main//p"), ==, 1);
}

/* --- review marks --------------------------------------------------------- */

#define REVIEW_BASELINE \
  "The city council voted on Monday to keep ferry fares at 2022 levels.\n\n" \
  "Councillor Ada Brennan said the fund could absorb the cost.\n\n" \
  "Opposition members walked out before the vote.\n\n" \
  "The budget goes to the mayor on Friday.\n"

#define REVIEW_CURRENT \
  "The city council voted on Tuesday to keep ferry fares at 2022 levels.\n\n" \
  "Councillor Ada Brennan said the harbour fund could absorb the cost.\n\n" \
  "# What happens next\n\n" \
  "The budget goes to the mayor for signature on Friday.\n"

/* The text of every node @expr selects, joined. */
static char *
joined_text (Page       *page,
             const char *expr)
{
  xmlXPathObjectPtr result = eval (page, expr);
  GString *joined = g_string_new (NULL);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append (joined, (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);

  return g_string_free (joined, FALSE);
}

/* In the page as written (not as a forgiving parser repairs it), every mark
 * holds text only: no tag between <ins> and </ins>, so no mark can span
 * two blocks or cross another element. Returns the number of marks. */
static guint
assert_marks_hold_text_only (const char *html)
{
  const char *tags[] = { "<ins", "<del" };
  const char *ends[] = { "</ins>", "</del>" };
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (tags); k++)
    {
      for (const char *p = strstr (html, tags[k]); p != NULL; p = strstr (p + 1, tags[k]))
        {
          const char *open_end = strchr (p, '>');
          const char *close = strstr (p, ends[k]);
          const char *next_tag;

          g_assert_nonnull (open_end);
          g_assert_nonnull (close);
          next_tag = strchr (open_end + 1, '<');
          if (next_tag != close)
            g_error ("A review mark holds more than text: %.80s", p);
          /* Never empty either. */
          g_assert_cmpint (close - open_end, >, 1);
          n++;
        }
    }

  return n;
}

static void
test_review_marks (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;
  g_autoptr(Page) plain = NULL;
  g_autofree char *current = NULL;
  g_autofree char *before = NULL;
  g_autofree char *headline_now = NULL;
  g_autofree char *headline_before = NULL;

  byline_article_set_body (fixture->article, REVIEW_CURRENT);
  /* After "What happens next", the third block of the current text. */
  add_pin (fixture->article, 3, 31, "Mayor signs harbour budget", "31-mayor-signs.html");

  fixture->options.review_baseline_body = REVIEW_BASELINE;
  fixture->options.review_baseline_headline = "Council keeps ferry fares for another year";
  fixture->options.review_baseline_standfirst = byline_article_get_standfirst (fixture->article);
  page = render_article (fixture);

  /* Still the whole, safe page. */
  assert_no_script (page);
  g_assert_cmpint (count (page, "//h1"), ==, 1);
  assert_text (page, "//head/title", "Council freezes ferry fares for another year — The Harbourton Gazette");
  g_assert_cmpuint (assert_marks_hold_text_only (page->html), ==, 8);

  /* A replaced word: the old one struck, the new one underlined, in place. */
  assert_text (page, "//h1/del[" CLASS ("review-del") "]", "keeps");
  assert_text (page, "//h1/ins[" CLASS ("review-ins") "]", "freezes");
  g_assert_cmpint (count (page, "//p[" CLASS ("standfirst") "]//ins|//p[" CLASS ("standfirst") "]//del"), ==, 0);

  assert_text (page, "//div[" CLASS ("body") "]/p[1]/del[" CLASS ("review-del") "]", "Monday");
  assert_text (page, "//div[" CLASS ("body") "]/p[1]/ins[" CLASS ("review-ins") "]", "Tuesday");
  current = joined_text (page, "//div[" CLASS ("body") "]/p[1]//text()[not(ancestor::del)]");
  g_assert_cmpstr (current, ==, "The city council voted on Tuesday to keep ferry fares at 2022 levels.");
  before = joined_text (page, "//div[" CLASS ("body") "]/p[1]//text()[not(ancestor::ins)]");
  g_assert_cmpstr (before, ==, "The city council voted on Monday to keep ferry fares at 2022 levels.");

  /* An added word; the paragraph around it is unmarked. */
  assert_text (page, "//div[" CLASS ("body") "]/p[2]/ins", "harbour");
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/p[2]/del"), ==, 0);

  /* A deleted paragraph shows as a paragraph of its own, struck through,
   * where it was; the new heading after it is all inserted. */
  assert_text (page, "//div[" CLASS ("body") "]/p[3]", "Opposition members walked out before the vote.");
  assert_text (page, "//div[" CLASS ("body") "]/p[3]/del", "Opposition members walked out before the vote.");
  assert_text (page, "//div[" CLASS ("body") "]/p[3]/following-sibling::*[1][self::h2]/ins", "What happens next");
  assert_text (page, "//div[" CLASS ("body") "]/p[4]/ins", "for signature");

  /* The deleted paragraph is not a block of the article: the READ: link
   * stays after the heading. */
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/h2/following-sibling::*[1][self::aside]"), ==, 1);

  /* Headline text reads as now once the struck word is left out. */
  headline_now = joined_text (page, "//h1//text()[not(ancestor::del)]");
  g_assert_cmpstr (headline_now, ==, "Council freezes ferry fares for another year");
  headline_before = joined_text (page, "//h1//text()[not(ancestor::ins)]");
  g_assert_cmpstr (headline_before, ==, "Council keeps ferry fares for another year");

  /* Without a baseline, the same article has no marks at all. */
  fixture->options.review_baseline_body = NULL;
  fixture->options.review_baseline_headline = NULL;
  fixture->options.review_baseline_standfirst = NULL;
  plain = render_article (fixture);
  g_assert_cmpint (count (plain, "//ins|//del"), ==, 0);
  g_assert_cmpint (count (plain, "//div[" CLASS ("body") "]/p"), ==, 3);
}

static void
test_review_injection (Fixture       *fixture,
                       gconstpointer  user_data)
{
  /* The private-use characters the renderer marks with, typed by hand. */
  const char *sneaky = "Harbour \uE000wins\uE001 the \uE002cup\uE003 again.\n\n"
                       "\uE002Stray\uE000 marks \uE001everywhere\uE003.\n";
  g_autoptr(Page) same = NULL;
  g_autoptr(Page) changed = NULL;
  g_autoptr(Page) plain = NULL;
  g_autofree char *second = NULL;

  byline_article_set_headline (fixture->article, "Harbour \uE000wins\uE001 the cup");
  byline_article_set_body (fixture->article, sneaky);

  /* Compared with itself: nothing changed, so nothing is marked. */
  fixture->options.review_baseline_body = sneaky;
  fixture->options.review_baseline_headline = "Harbour wins the cup";
  same = render_article (fixture);
  g_assert_cmpint (count (same, "//ins|//del"), ==, 0);
  g_assert_null (strstr (same->html, "<ins"));
  g_assert_null (strstr (same->html, "<del"));
  assert_text (same, "//h1", "Harbour wins the cup");

  /* Compared with a text that lacked one word: that word alone is marked. */
  fixture->options.review_baseline_body = "Harbour wins the cup.\n\nStray marks everywhere.\n";
  changed = render_article (fixture);
  g_assert_cmpuint (assert_marks_hold_text_only (changed->html), ==, 1);
  assert_text (changed, "//div[" CLASS ("body") "]/p[1]/ins", "again");
  second = text (changed, "//div[" CLASS ("body") "]/p[2]");
  g_assert_cmpstr (second, ==, "Stray marks everywhere.");

  /* Outside review mode the characters are only text. */
  fixture->options.review_baseline_body = NULL;
  fixture->options.review_baseline_headline = NULL;
  plain = render_article (fixture);
  g_assert_null (strstr (plain->html, "<ins"));
  g_assert_null (strstr (plain->html, "<del"));
}

static void
test_review_blocks (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;
  guint n_marks;

  byline_article_set_body (fixture->article,
                           "Tide tables for the week.\n\n"
                           "New first paragraph of the insert.\n\n"
                           "New second paragraph, *partly emphasised* and [linked](https://example.org/tides).\n\n"
                           "> A skipper quoted\n> over two lines.\n\n"
                           "1. Low water at 06:10\n2. High water at 12:25\n\n"
                           "```\nTIDE 06:10 0.4m\n```\n\n"
                           "## Outlook\n\n"
                           "Calm seas until Thursday.\n");
  fixture->options.review_baseline_body = "Tide tables for the week.\n\nCalm seas until Thursday.\n";
  page = render_article (fixture);

  n_marks = assert_marks_hold_text_only (page->html);
  g_assert_cmpuint (n_marks, >=, 9);

  /* The blocks are the blocks of the current text, nothing more or less. */
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/*"), ==, 8);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/blockquote/p"), ==, 1);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/ol/li"), ==, 2);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/pre/code"), ==, 1);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/h3"), ==, 1);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]//em"), ==, 1);
  assert_text (page, "//div[" CLASS ("body") "]//a/@href", "https://example.org/tides");

  /* Every mark sits in a block, and each inserted block reads whole. */
  g_assert_cmpint (count (page, "//ins[not(ancestor::p or ancestor::li or ancestor::pre or ancestor::h3)]"), ==, 0);
  g_assert_cmpint (count (page, "//ins[ancestor::p[1][starts-with(.,'Tide') or starts-with(.,'Calm')]]"), ==, 0);
  assert_text (page, "//div[" CLASS ("body") "]/p[2]/ins", "New first paragraph of the insert.");
  assert_text (page, "//div[" CLASS ("body") "]/h3/ins", "Outlook");
  assert_text (page, "//div[" CLASS ("body") "]/ol/li[2]/ins", "High water at 12:25");
  assert_text (page, "//div[" CLASS ("body") "]/pre/code/ins", "TIDE 06:10 0.4m");
  assert_text (page, "//div[" CLASS ("body") "]//em/ins", "partly emphasised");
  assert_text (page, "//div[" CLASS ("body") "]//a/ins", "linked");
  g_assert_cmpint (count (page, "//del"), ==, 0);
}

/* Words deleted from a link's address or an image's description cannot show
 * there: the link still goes where it goes now; in code, deleted words show
 * as typed. */
static void
test_review_links_and_code (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;

  byline_article_set_body (fixture->article,
                           "See [the report](https://example.org/harbour-report-2024) and "
                           "![The ferry at dusk](https://example.org/ferry.jpg).\n\n"
                           "Run `tide.next()` at six.\n\n"
                           "```\nlevel = 0.4\n```\n");
  fixture->options.review_baseline_body =
    "See [the old report](https://example.org/harbour-report-2023) and "
    "![A boat](https://example.org/boat.jpg).\n\n"
    "Run `tide.now()` at six.\n\n"
    "```\nlevel = 0.3 * 2\n```\n";
  page = render_article (fixture);

  assert_marks_hold_text_only (page->html);
  assert_text (page, "//div[" CLASS ("body") "]//a/@href", "https://example.org/harbour-report-2024");
  assert_text (page, "//div[" CLASS ("body") "]//a/del", "old");
  assert_text (page, "//div[" CLASS ("body") "]//img/@src", "https://example.org/ferry.jpg");
  assert_text (page, "//div[" CLASS ("body") "]//img/@alt", "The ferry at dusk");

  /* In code, no backslashes from escaping. */
  assert_text (page, "//div[" CLASS ("body") "]/p[2]/code/del", "now");
  assert_text (page, "//div[" CLASS ("body") "]/p[2]/code/ins", "next");
  assert_text (page, "//div[" CLASS ("body") "]/pre/code/del", "3 * 2");
  assert_text (page, "//div[" CLASS ("body") "]/pre/code/ins", "4");
  g_assert_null (strstr (page->html, "\\*"));
}

/* The text of the body without white space; @without_deleted: leaving
 * out the struck words. */
static char *
dup_squashed_body_text (Page     *page,
                        gboolean  without_deleted)
{
  g_autofree char *joined = joined_text (page, without_deleted
                                         ? "//div[" CLASS ("body") "]//text()[not(ancestor::del)]"
                                         : "//div[" CLASS ("body") "]//text()");
  GString *squashed = g_string_new (NULL);

  for (const char *p = joined; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squashed, *p);

  return g_string_free (squashed, FALSE);
}

/* Whatever the edit, the page in review mode reads as the page without
 * marks once the struck words are left out, and every mark holds text. */
static void
test_review_reads_as_now (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const struct { const char *before; const char *now; } edits[] = {
    { "The *old plan* passed.", "The **new plan** passed." },
    { "The _plan_ passed today.", "The _plan_ was approved today." },
    { "Rates rise.\n\n- one\n- two\n\n    more on two\n", "Rates rise.\n\n- one\n- two\n\n    still more on two\n" },
    { "Intro.\n\nOld paragraph.\n\n- one\n- two\n\n    continued\n", "Intro.\n\n- one\n- two\n\n    continued\n" },
    { "# Old heading\n\nText.", "# New heading\n\nText with more." },
    { "A [link](https://example.org/a) here.", "A [new link](https://example.org/b) here, *now*." },
    { "Quote:\n\n> The council\n> voted.", "Quote:\n\n> The whole council\n> voted again." },
    { "1. first\n2. second", "1. first\n2. second, amended\n3. third" },
    { "Under `tide.old` the rule.", "Under `tide.new` the rule." },
    { "Paragraph one.\n\nParagraph two.", "Paragraph one and two merged." },
    { "Merged one and two.", "Merged one.\n\nAnd two." },
    { "Ends here.", "Ends here.\n\n---\n\nAfter a rule." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(Page) review = NULL;
      g_autoptr(Page) plain = NULL;
      g_autofree char *now = NULL;
      g_autofree char *published = NULL;

      byline_article_set_body (fixture->article, edits[i].now);
      fixture->options.review_baseline_body = edits[i].before;
      review = render_article (fixture);
      fixture->options.review_baseline_body = NULL;
      plain = render_article (fixture);

      g_assert_cmpuint (assert_marks_hold_text_only (review->html), >, 0);
      now = dup_squashed_body_text (review, TRUE);
      published = dup_squashed_body_text (plain, FALSE);
      if (g_strcmp0 (now, published) != 0)
        g_error ("Edit %u: review mode reads “%s”, the page “%s”", i, now, published);
      g_assert_cmpint (count (review, "//div[" CLASS ("body") "]/pre"), ==,
                       count (plain, "//div[" CLASS ("body") "]/pre"));
      g_assert_cmpint (count (review, "//div[" CLASS ("body") "]//em|//div[" CLASS ("body") "]//strong"), ==,
                       count (plain, "//div[" CLASS ("body") "]//em|//div[" CLASS ("body") "]//strong"));
    }
}

/* Deleted words and paragraphs come back where a reader would look for
 * them: a list item as a list item, a word between its neighbours with the
 * space it took, and text after a link definition or a backslash line break
 * (where cmark's own positions are off) in the right place. */
static void
test_review_placement (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *body_expr = "//div[" CLASS ("body") "]";

  {
    g_autoptr(Page) page = NULL;

    byline_article_set_body (fixture->article, "Tides:\n\n- low\n- high\n\nMore.\n");
    fixture->options.review_baseline_body = "Tides:\n\n- low\n- slack\n- high\n\nMore.\n";
    page = render_article (fixture);
    assert_marks_hold_text_only (page->html);
    g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/ul/li"), ==, 3);
    assert_text (page, "//div[" CLASS ("body") "]/ul/li[2]/del", "slack");
    assert_text (page, "//div[" CLASS ("body") "]/ul/li[3]", "high");
    g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/p"), ==, 2);
  }

  {
    g_autoptr(Page) page = NULL;
    g_autofree char *all = NULL;

    byline_article_set_body (fixture->article, "The board voted to dredge.\n");
    fixture->options.review_baseline_body = "The board voted quickly to dredge.\n";
    page = render_article (fixture);
    assert_text (page, "//div[" CLASS ("body") "]/p/del", "quickly");
    all = text (page, body_expr);
    g_assert_nonnull (strstr (all, "The board voted quickly to dredge."));
  }

  {
    g_autoptr(Page) page = NULL;

    byline_article_set_body (fixture->article,
                             "[ref]: https://example.org/tides\n"
                             "The new [tide tables][ref] are out.\n\n"
                             "High water\\\nat six tonight.\n");
    fixture->options.review_baseline_body =
      "[ref]: https://example.org/tides\n"
      "The [tide tables][ref] are out.\n\n"
      "High water\\\nat five tonight.\n";
    page = render_article (fixture);
    assert_marks_hold_text_only (page->html);
    assert_text (page, "//div[" CLASS ("body") "]/p[1]/ins", "new");
    assert_text (page, "//div[" CLASS ("body") "]/p[1]/a", "tide tables");
    assert_text (page, "//div[" CLASS ("body") "]/p[2]/del", "five");
    assert_text (page, "//div[" CLASS ("body") "]/p[2]/ins", "six");
  }
}

/* Pieces of Markdown for random bodies: every kind of block and inline. */
static const char * const markdown_pieces[] = {
  "The council voted", "on Monday", "to keep *ferry fares*", "at **2022 levels**.",
  "See [the report](https://example.org/report)", "and `tide.next()`", "e-mail didn't arrive",
  "at 3.5 p.m.", "港口今天开放", "🎉", "\\*escaped\\*", "&amp; more", "![A ferry](ferry.jpg)",
  "\n\n", "\n\n- first item\n- second item\n\n", "\n\n> A quote\n> over lines\n\n",
  "\n\n```\nlevel = 0.4\n```\n\n", "\n\n## A heading\n\n", "\n\n---\n\n", "\n",
  "\n\n1. one\n2. two\n\n    continued\n\n", "hard  \nbreak", "_under_score",
};

static char *
random_markdown (GRand *rand,
                 guint  n_pieces)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_pieces; i++)
    {
      g_string_append (text, markdown_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (markdown_pieces))]);
      g_string_append_c (text, ' ');
    }

  return g_string_free (text, FALSE);
}

/* Random edits of random Markdown: the page in review mode always reads as
 * the page without marks once struck words are left out, every mark holds
 * text, and the blocks are the same. */
static void
test_review_random_edits (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 150; round++)
    {
      g_autofree char *before = random_markdown (rand, g_rand_int_range (rand, 0, 24));
      g_auto(GStrv) words = g_strsplit (before, " ", -1);
      g_autoptr(GString) now = g_string_new (NULL);
      g_autoptr(Page) review = NULL;
      g_autoptr(Page) plain = NULL;
      g_autofree char *read_now = NULL;
      g_autofree char *published = NULL;

      for (guint i = 0; words[i] != NULL; i++)
        {
          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              break;  /* deleted */
            case 1:
              g_string_append (now, markdown_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (markdown_pieces))]);
              g_string_append_c (now, ' ');
              G_GNUC_FALLTHROUGH;
            default:
              g_string_append (now, words[i]);
              g_string_append_c (now, ' ');
            }
        }

      byline_article_set_body (fixture->article, now->str);
      fixture->options.review_baseline_body = before;
      review = render_article (fixture);
      fixture->options.review_baseline_body = NULL;
      plain = render_article (fixture);

      assert_marks_hold_text_only (review->html);
      read_now = dup_squashed_body_text (review, TRUE);
      published = dup_squashed_body_text (plain, FALSE);
      if (g_strcmp0 (read_now, published) != 0)
        g_error ("“%s” → “%s”: review mode reads “%s”, the page “%s”", before, now->str, read_now, published);
      g_assert_cmpint (count (review, "//div[" CLASS ("body") "]//pre|//div[" CLASS ("body") "]//em|"
                                      "//div[" CLASS ("body") "]//strong|//div[" CLASS ("body") "]//a|"
                                      "//div[" CLASS ("body") "]//h3|//div[" CLASS ("body") "]//blockquote"), ==,
                       count (plain, "//div[" CLASS ("body") "]//pre|//div[" CLASS ("body") "]//em|"
                                     "//div[" CLASS ("body") "]//strong|//div[" CLASS ("body") "]//a|"
                                     "//div[" CLASS ("body") "]//h3|//div[" CLASS ("body") "]//blockquote"));
    }
}


/* The string value of each node @expr selects, in document order. */
static GPtrArray *
all_text (Page       *page,
          const char *expr)
{
  xmlXPathObjectPtr result = eval (page, expr);
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_ptr_array_add (strings, g_strstrip (g_strdup ((const char *) content)));
      xmlFree (content);
    }
  xmlXPathFreeObject (result);

  return strings;
}

/* The preview's page: images from other machines are placeholders naming
 * their host, described as the image was; nothing on the page, not even its
 * CSP, lets an image come from the network. Images on disk still show. An
 * export keeps them. */
static void
test_remote_images_blocked (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(Page) blocked = NULL;
  g_autoptr(Page) kept = NULL;
  g_autofree char *csp = NULL;
  g_autoptr(GPtrArray) hosts = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  byline_article_set_body (fixture->article,
                           "The ferry ![at dusk](https://images.example.com/ferry.jpg?w=800) "
                           "and ![the pier](HTTP://user@Pier.Example.NET:8080/p.png).\n\n"
                           "![a gull](//cdn.example.org/gull.jpg) ![5 < 6 & \"quotes\"](http://127.0.0.1:9/x.jpg)\n\n"
                           "![the map](images/map.png) and [a link](https://example.org/story).\n");

  fixture->options.block_remote_images = TRUE;
  blocked = render_article (fixture);
  g_assert_cmpint (count (blocked, "//div[" CLASS ("body") "]//img"), ==, 1);
  assert_text (blocked, "//div[" CLASS ("body") "]//img/@src", "images/map.png");
  assert_text (blocked, "//div[" CLASS ("body") "]//a/@href", "https://example.org/story");
  g_assert_null (strstr (blocked->html, "images.example.com/ferry.jpg"));
  g_assert_null (strstr (blocked->html, "cdn.example.org/gull.jpg"));

  hosts = all_text (blocked, "//span[" CLASS ("remote-image") "]/@data-host");
  g_assert_cmpuint (hosts->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (hosts, 0), ==, "images.example.com");
  g_assert_cmpstr (g_ptr_array_index (hosts, 1), ==, "pier.example.net");
  g_assert_cmpstr (g_ptr_array_index (hosts, 2), ==, "cdn.example.org");
  g_assert_cmpstr (g_ptr_array_index (hosts, 3), ==, "127.0.0.1");
  labels = all_text (blocked, "//span[" CLASS ("remote-image") "]");
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "Image from images.example.com not loaded at dusk");
  g_assert_cmpstr (g_ptr_array_index (labels, 3), ==, "Image from 127.0.0.1 not loaded 5 < 6 & \"quotes\"");

  csp = text (blocked, "//meta[@http-equiv='Content-Security-Policy']/@content");
  g_assert_nonnull (strstr (csp, "img-src 'self' file:;"));
  g_assert_null (strstr (csp, "http"));

  fixture->options.block_remote_images = FALSE;
  kept = render_article (fixture);
  g_assert_cmpint (count (kept, "//div[" CLASS ("body") "]//img"), ==, 5);
  g_assert_cmpint (count (kept, "//span[" CLASS ("remote-image") "]"), ==, 0);
  assert_text (kept, "//div[" CLASS ("body") "]//img[1]/@src", "https://images.example.com/ferry.jpg?w=800");
}

/* Review mode marks changes around a placeholder as around an image. */
static void
test_remote_images_review (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(Page) page = NULL;

  byline_article_set_body (fixture->article,
                           "See ![The ferry at dusk](https://example.org/ferry.jpg) today.\n");
  fixture->options.review_baseline_body = "See ![A boat](https://example.org/boat.jpg).\n";
  fixture->options.block_remote_images = TRUE;
  page = render_article (fixture);

  assert_marks_hold_text_only (page->html);
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]//img"), ==, 0);
  assert_text (page, "//span[" CLASS ("remote-image") "]/@data-host", "example.org");
  assert_text (page, "//span[" CLASS ("remote-image") "]/ins", "The ferry at dusk");
  assert_text (page, "//span[" CLASS ("remote-image") "]/del", "A boat");
  g_assert_cmpint (count (page, "//div[" CLASS ("body") "]/p/ins[.='today']"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/byline/renderer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("structure", test_structure);
  ADD ("head", test_head);
  ADD ("pins", test_pins);
  ADD ("pin-links", test_pin_links);
  ADD ("hostile", test_hostile);
  ADD ("control-characters", test_control_characters);
  ADD ("optional-parts", test_optional_parts);
  ADD ("empty-body", test_empty_body);
  ADD ("language", test_language);
  ADD ("language-tags", test_language_tags);
  ADD ("language/rtl-page", test_rtl_page);
  ADD ("language/drop-cap-by-script", test_drop_cap_by_script);
  ADD ("language/page-words", test_page_words);
  ADD ("language/index-words", test_index_words);
  ADD ("json-ld/authors-split", test_authors_split);
  ADD ("json-ld/authors", test_json_ld_authors);
  ADD ("json-ld/dates", test_json_ld_dates);
  ADD ("json-ld/web-address", test_web_address);
  ADD ("index", test_index);
  ADD ("review/marks", test_review_marks);
  ADD ("review/injection", test_review_injection);
  ADD ("review/blocks", test_review_blocks);
  ADD ("review/links-and-code", test_review_links_and_code);
  ADD ("review/reads-as-now", test_review_reads_as_now);
  ADD ("review/placement", test_review_placement);
  ADD ("review/random-edits", test_review_random_edits);
  ADD ("remote-images/blocked", test_remote_images_blocked);
  ADD ("remote-images/review", test_remote_images_review);

#undef ADD

  return g_test_run ();
}
