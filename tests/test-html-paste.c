/* test-html-paste.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-html-paste.h"

/* What a page pasted into the body becomes: HTML as browsers put it on
 * the clipboard, and the Markdown the journalist should see. */
static const struct {
  const char *name;
  const char *html;
  const char *markdown;
} cases[] = {
  { "paragraphs",
    "<p>The ferry runs later.</p>\n<p>Fares &amp; times  stay\n the same.</p>",
    "The ferry runs later.\n\nFares & times stay the same." },
  { "link",
    "<p>Read <a href=\"https://example.org/report\">the report</a> in full.</p>",
    "Read [the report](https://example.org/report) in full." },
  { "javascript-link-dropped",
    "<p><a href=\"javascript:alert(document.cookie)\">Click here</a> for the timetable.</p>"
    "<p><a href=\" JaVaScRiPt:void(0)\">Or here</a>.</p>",
    "Click here for the timetable.\n\nOr here." },
  { "other-links-dropped",
    "<p><a href=\"data:text/html,hi\">Data</a>, <a href=\"file:///etc/passwd\">file</a>, "
    "<a href=\"/news/local\">relative</a> and <a href=\"mailto:desk@example.org\">mail</a>.</p>",
    "Data, file, relative and [mail](mailto:desk@example.org)." },
  { "emphasis",
    "<p><strong>Bold</strong> and <em>italic</em>,<b> spaced </b>text and <i>it</i>alic.</p>",
    "**Bold** and *italic*, **spaced** text and *it*alic." },
  { "headings",
    "<h2>Why it matters</h2><p>Silt builds up.</p><h3>What <em>next</em></h3>",
    "## Why it matters\n\nSilt builds up.\n\n### What *next*" },
  { "lists",
    "<ul><li>One</li><li>Two <em>too</em></li></ul><ol start=\"3\"><li>Three</li><li>Four</li></ol>",
    "- One\n- Two *too*\n\n3. Three\n4. Four" },
  { "nested-list",
    "<ul><li>Harbour<ul><li>East basin</li><li>West basin</li></ul></li><li>Pier</li></ul>",
    "- Harbour\n  - East basin\n  - West basin\n- Pier" },
  { "blockquote",
    "<blockquote><p>We will rebuild.</p><p>Soon.</p></blockquote>",
    "> We will rebuild.\n>\n> Soon." },
  { "line-break",
    "<p>Harbour Office<br>Quay Street<br></p>",
    "Harbour Office\\\nQuay Street" },
  { "double-break-parts-paragraphs",
    "<div>First paragraph.<br><br>Second one.<br>With a break.</div><h2>Over<br>two lines</h2>",
    "First paragraph.\n\nSecond one.\\\nWith a break.\n\n## Over two lines" },
  { "short-sentences-kept",
    "<p>The club has played there since 1923.</p><p>Share</p><p>Sign up for our newsletter.</p>"
    "<p>Home | News | Sport</p><p>Nobody was hurt.</p>",
    "The club has played there since 1923.\n\nNobody was hurt." },
  { "markdown-characters-kept-as-text",
    "<p>*Not emphasis*, [not a link] and # not a heading</p><p># Nor this</p><p>1. Nor a list</p>",
    "\\*Not emphasis\\*, \\[not a link\\] and # not a heading\n\n\\# Nor this\n\n1\\. Nor a list" },
  { "code",
    "<p>Type <code>byline --list</code> or <code>a`b</code>.</p><pre>line one\n  line two\n</pre>",
    "Type `byline --list` or ``a`b``.\n\n```\nline one\n  line two\n```" },
  { "images-dropped",
    "<p>Before.</p><figure><img src=\"https://cdn.example.com/a.jpg\" alt=\"Quay\">"
    "<figcaption>The quay. Photograph: Sam Holt</figcaption></figure><p>After <img src=\"x.png\">it.</p>",
    "Before.\n\nAfter it." },
  { "article-element",
    "<body><p>We use cookies to improve your experience.</p>"
    "<article><p>The real story.</p></article><p>Footer junk that is long enough to be a paragraph.</p></body>",
    "The real story." },
  { "news-page",
    "<!DOCTYPE html><html><head><title>Harbour reopens | The Courier</title>"
    "<script>window.dataLayer = [];</script><style>p { color: red }</style></head><body>"
    "<a class=\"skip-link\" href=\"#main\">Skip to content</a>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
    "<div class=\"site-header\"><a href=\"/\">The Courier</a></div>"
    "<div class=\"content\">"
    "<h1>Harbour reopens after storm</h1>"
    "<div class=\"share-tools\"><a href=\"https://facebook.com/sharer\">Share on Facebook</a>"
    "<button>Copy link</button></div>"
    "<p>The harbour reopened on Monday after <a href=\"https://example.org/storm\">the storm</a>.</p>"
    "<p>Share this article</p>"
    "<div role=\"complementary\"><p>Most popular: pier sale talks</p></div>"
    "<p>Fishing boats were <strong>first</strong> out.</p>"
    "<ul><li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul>"
    "<p>Advertisement</p>"
    "<p>“We were lucky,” said the harbour master.</p>"
    "<h2>Related stories</h2>"
    "<ul><li><a href=\"https://example.org/pier\">Pier closes for repairs</a></li></ul>"
    "<p>Subscribe to our newsletter for the week's news.</p>"
    "</div>"
    "<footer><p>© 2026 The Courier. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>"
    "</body></html>",
    "# Harbour reopens after storm\n\n"
    "The harbour reopened on Monday after [the storm](https://example.org/storm).\n\n"
    "Fishing boats were **first** out.\n\n"
    "“We were lucky,” said the harbour master." },
  { "hidden-parts-dropped",
    "<p>Shown.</p><p hidden>Hidden.</p><div aria-hidden=\"true\">Also hidden.</div>"
    "<div id=\"newsletter-signup\"><p>Get our daily briefing in your inbox every morning.</p></div>",
    "Shown." },
  { "utf16-clipboard",
    NULL,
    "Caf\xc3\xa9 reopens." },
  { "nothing-of-an-article",
    "<nav><a href=\"/\">Home</a></nav><script>alert(1)</script>",
    "" },
};

static void
test_case (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *markdown = NULL;

  if (cases[i].html != NULL)
    markdown = byline_html_paste_to_markdown (cases[i].html, -1);
  else
    {
      /* "<p>Café reopens.</p>" as UTF-16 with its byte order mark, as
       * some clipboards hold it. */
      g_autofree char *utf16 = NULL;
      gsize len = 0;
      g_autofree char *with_bom = NULL;

      utf16 = g_convert ("<p>Caf\xc3\xa9 reopens.</p>", -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
      g_assert_nonnull (utf16);
      with_bom = g_malloc (len + 2);
      with_bom[0] = (char)0xFF;
      with_bom[1] = (char)0xFE;
      memcpy (with_bom + 2, utf16, len);
      markdown = byline_html_paste_to_markdown (with_bom, len + 2);
    }

  g_assert_cmpstr (markdown, ==, cases[i].markdown);
}

/* Whatever is on the clipboard: no crash, valid UTF-8 back. */
static void
test_hostile (void)
{
  const char *inputs[] = {
    "", "<", "<p", "</p></p></div>", "<p>caf\xe9 \xff\xfe</p>", "\xff\xfe", "<a href=\"",
    "<ul><li><ol><li><blockquote><li>", "<table><tr><td>cell</td><td>two</td></tr></table>",
  };
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *markdown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *out = byline_html_paste_to_markdown (inputs[i], -1);

      g_assert_nonnull (out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }

  markdown = byline_html_paste_to_markdown (NULL, -1);
  g_assert_cmpstr (markdown, ==, "");
  g_clear_pointer (&markdown, g_free);

  /* Nested deeper than any article: the words are kept. */
  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "<div><blockquote>");
  g_string_append (deep, "Deep words");
  markdown = byline_html_paste_to_markdown (deep->str, -1);
  g_assert_nonnull (strstr (markdown, "Deep words"));
  g_clear_pointer (&markdown, g_free);

  /* Deeper than the parser follows (it stops there): no crash. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<div><blockquote>");
  markdown = byline_html_paste_to_markdown (deep->str, -1);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/byline/html-paste/%s", cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_case);
    }
  g_test_add_func ("/byline/html-paste/hostile", test_hostile);

  return g_test_run ();
}
