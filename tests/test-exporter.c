/* test-exporter.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-exporter"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "byline-article.h"
#include "byline-exporter.h"
#include "byline-pin.h"
#include "byline-publication.h"
#include "byline-renderer.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"

typedef struct
{
  char              *tmp;
  BylineStore       *store;
  BylinePublication *publication;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *db = NULL;

  fixture->tmp = byline_test_make_tmp_dir ("byline-exporter-XXXXXX");

  db = g_build_filename (fixture->tmp, "newsroom.db", NULL);
  fixture->store = byline_test_store_new (db);
  g_assert_nonnull (fixture->store);

  fixture->publication = byline_publication_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->publication, byline_publication_free);
  byline_test_remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
}

/* --- helpers ------------------------------------------------------------ */

static char *
tmp_path (Fixture    *fixture,
          const char *first,
          ...)
{
  GPtrArray *parts = g_ptr_array_new ();
  va_list args;
  const char *part;
  char *path;

  g_ptr_array_add (parts, fixture->tmp);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);

  return path;
}

/* Bytes standing in for a picture: what matters is that they arrive intact. */
static char *
write_image (Fixture    *fixture,
             const char *folder,
             const char *name,
             const char *marker)
{
  g_autofree char *dir = tmp_path (fixture, folder, NULL);
  g_autofree char *contents = g_strdup_printf ("\x89PNG\r\n\x1a\n%s", marker);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
assert_same_contents (const char *path_a,
                      const char *path_b)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize len_a, len_b;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path_a, &a, &len_a, &error);
  g_assert_no_error (error);
  g_file_get_contents (path_b, &b, &len_b, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (a, len_a, b, len_b);
}

static BylineArticle *
new_article (const char   *headline,
             BylineStatus  status,
             gint64        published)
{
  BylineArticle *article = byline_article_new ();

  byline_article_set_headline (article, headline);
  byline_article_set_standfirst (article, "The harbour board met on Tuesday evening.");
  byline_article_set_byline (article, "Mara Lindqvist");
  byline_article_set_dateline (article, "PORT ELLERY");
  byline_article_set_body (article,
                           "The harbour board voted five to two to dredge the east basin.\n\n"
                           "Work starts in *April* and should take six weeks.\n");
  byline_article_set_language (article, "en");
  byline_article_set_status (article, status);
  byline_article_set_published (article, published);

  return article;
}

static BylineArticle *
save_article (Fixture       *fixture,
              BylineArticle *article)
{
  g_autoptr(GError) error = NULL;

  byline_store_save_article (fixture->store, article, &error);
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_id (article), >, 0);

  return article;
}

static gboolean
is_relative_url (const char *url)
{
  return g_uri_peek_scheme (url) == NULL && url[0] != '/' && url[0] != '\0';
}

/* The file a relative @href in a page of @dir points at. */
static char *
resolve_href (const char *dir,
              const char *href)
{
  g_autofree char *unescaped = g_uri_unescape_string (href, NULL);

  g_assert_nonnull (unescaped);
  return g_build_filename (dir, unescaped, NULL);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* --- one page ------------------------------------------------------------ */

static void
test_html_article (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Harbour board backs dredging of the east basin",
                                                  BYLINE_STATUS_DRAFT, 0);
  g_autofree char *image = write_image (fixture, "photos", "east basin.png", "dredger at dawn");
  g_autofree char *out_dir = tmp_path (fixture, "out", NULL);
  g_autofree char *out = tmp_path (fixture, "out", "dredging.html", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *h1 = NULL;
  g_autofree char *figcaption = NULL;
  g_autofree char *src = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *copied = NULL;
  htmlDocPtr doc;

  byline_article_set_image (article, image);
  byline_article_set_image_alt (article, "A dredger moored at the east basin quay");
  byline_article_set_caption (article, "The dredger Margit arrives at first light.");
  byline_article_set_credit (article, "Jonas Berg");
  save_article (fixture, article);

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (byline_export_article_html (article, fixture->publication, output,
                                             NULL, NULL, &error));
  g_assert_no_error (error);

  doc = byline_test_parse_html_file (out);
  h1 = byline_test_xpath_string (doc, "//h1[" BYLINE_TEST_HAS_CLASS ("headline") "]");
  g_assert_cmpstr (h1, ==, "Harbour board backs dredging of the east basin");

  figcaption = byline_test_xpath_string (doc, "//figure//figcaption");
  g_assert_nonnull (strstr (figcaption, "The dredger Margit arrives at first light."));
  g_assert_nonnull (strstr (figcaption, "Jonas Berg"));

  src = byline_test_xpath_string (doc, "//figure//img/@src");
  g_assert_true (is_relative_url (src));
  g_assert_true (g_str_has_prefix (src, "images/"));
  alt = byline_test_xpath_string (doc, "//figure//img/@alt");
  g_assert_cmpstr (alt, ==, "A dredger moored at the east basin quay");

  /* The file name has a space: the src must still lead to the copy. */
  copied = resolve_href (out_dir, src);
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
  assert_same_contents (image, copied);

  xmlFreeDoc (doc);
}

/* Two articles exported to one folder, each with its own "lead.png". */
static void
test_html_image_name_clash (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *image_a = write_image (fixture, "photos/a", "lead.png", "regatta");
  g_autofree char *image_b = write_image (fixture, "photos/b", "lead.png", "fish market");
  const char *images[] = { image_a, image_b };
  g_autofree char *out_dir = tmp_path (fixture, "out", NULL);

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);

  /* Twice: exporting the same article again reuses its picture's name. */
  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (images); i++)
        {
          g_autoptr(BylineArticle) article = new_article (i == 0 ? "Regatta week begins" : "Fish market moves",
                                                          BYLINE_STATUS_DRAFT, 0);
          g_autofree char *name = g_strdup_printf ("page-%u.html", i);
          g_autofree char *out = g_build_filename (out_dir, name, NULL);
          g_autoptr(GFile) output = g_file_new_for_path (out);
          g_autoptr(GError) error = NULL;

          byline_article_set_image (article, images[i]);
          byline_article_set_id (article, 40 + i);
          g_assert_true (byline_export_article_html (article, fixture->publication, output,
                                                     NULL, NULL, &error));
          g_assert_no_error (error);
        }
    }

  /* Now each page still shows its own picture. */
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.html", i);
      g_autofree char *out = g_build_filename (out_dir, name, NULL);
      g_autofree char *src = NULL;
      g_autofree char *copy = NULL;
      htmlDocPtr doc = byline_test_parse_html_file (out);

      src = byline_test_xpath_string (doc, "//figure//img/@src");
      copy = resolve_href (out_dir, src);
      assert_same_contents (images[i], copy);
      xmlFreeDoc (doc);
    }

  {
    g_autofree char *images_dir = g_build_filename (out_dir, "images", NULL);

    g_assert_cmpuint (count_entries (images_dir), ==, 2);
  }
}

/* A lead image gone from the disk: no broken img, the caption stays. */
static void
test_html_missing_image (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Storm closes the ferry terminal",
                                                  BYLINE_STATUS_DRAFT, 0);
  g_autofree char *image = tmp_path (fixture, "photos", "gone.jpg", NULL);
  g_autofree char *out = tmp_path (fixture, "storm.html", NULL);
  g_autofree char *images = tmp_path (fixture, "images", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) imgs = NULL;
  g_autofree char *figcaption = NULL;
  htmlDocPtr doc;

  byline_article_set_image (article, image);
  byline_article_set_caption (article, "Waves over the breakwater on Sunday.");
  save_article (fixture, article);

  g_assert_true (byline_export_article_html (article, fixture->publication, output,
                                             NULL, NULL, &error));
  g_assert_no_error (error);

  doc = byline_test_parse_html_file (out);
  imgs = byline_test_xpath_strings (doc, "//img");
  g_assert_cmpuint (imgs->len, ==, 0);
  figcaption = byline_test_xpath_string (doc, "//figure//figcaption");
  g_assert_nonnull (strstr (figcaption, "Waves over the breakwater on Sunday."));
  g_assert_false (g_file_test (images, G_FILE_TEST_EXISTS));

  xmlFreeDoc (doc);
}

/* --- ninjs --------------------------------------------------------------- */

static JsonObject *
parse_json_object (const char *json,
                   JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

static void
assert_json_time (JsonObject *object,
                  const char *member,
                  gint64      expected)
{
  const char *text = json_object_get_string_member (object, member);
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (text);
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    g_error ("%s: “%s” is not ISO 8601", member, text);
  g_assert_cmpint (g_date_time_to_unix (dt), ==, expected);
}

static BylineArticle *
new_ninjs_article (const char *image)
{
  BylineArticle *article = new_article ("School board approves new gym for Northside Primary",
                                        BYLINE_STATUS_PUBLISHED, 1707900000);
  const char * const tags[] = { "schools", "budget", "Northside", NULL };
  BylinePin *pin;

  byline_article_set_id (article, 31);
  byline_article_set_uuid (article, "3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
  byline_article_set_slug (article, "school-board-approves-new-gym");
  byline_article_set_standfirst (article, "The vote ends a three-year wait for the school.");
  byline_article_set_byline (article, "Priya Nair");
  byline_article_set_dateline (article, "NORTHSIDE");
  byline_article_set_language (article, "en-GB");
  byline_article_set_body (article,
                           "The board voted unanimously on Monday.\n\n"
                           "Building starts after the summer term.\n\n"
                           "<script>alert('raw')</script>\n\n"
                           "[Minutes](javascript:alert(1)) and ![chart](data:image/png;base64,AAAA)\n");
  byline_article_set_tags (article, tags);
  byline_article_set_created (article, 1707800000);
  byline_article_set_updated (article, 1707950000);
  byline_article_set_caption (article, "Pupils outside the old gym hall.");
  byline_article_set_credit (article, "Tom Okafor");
  byline_article_set_image_alt (article, "Children in sports kit queue at a brick hall");
  byline_article_set_image (article, image);

  pin = byline_pin_new (1, 12, "Northside Primary roof repairs delayed");
  byline_pin_set_page_name (pin, "12-northside-primary-roof-repairs-delayed.html");
  byline_article_add_pin (article, pin);

  return article;
}

static void
test_ninjs_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "gym.png", "gym");
  g_autoptr(BylineArticle) article = new_ninjs_article (image);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *image_uri = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) links = NULL;
  JsonObject *ninjs;
  JsonObject *media;
  JsonArray *subject;
  JsonArray *keywords;
  const char *body_html;
  htmlDocPtr doc;

  json = byline_export_ninjs (article, fixture->publication, NULL);
  g_assert_nonnull (json);
  g_assert_nonnull (strchr (json, '\n'));  /* pretty-printed */
  ninjs = parse_json_object (json, parser);

  g_assert_cmpstr (json_object_get_string_member (ninjs, "uri"), ==,
                   "urn:uuid:3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "version"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "headline"), ==,
                   "School board approves new gym for Northside Primary");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "description_text"), ==,
                   "The vote ends a three-year wait for the school.");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "byline"), ==, "Priya Nair");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "located"), ==, "NORTHSIDE");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "language"), ==, "en-GB");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "pubstatus"), ==, "usable");
  assert_json_time (ninjs, "firstcreated", 1707800000);
  assert_json_time (ninjs, "versioncreated", 1707950000);
  assert_json_time (ninjs, "firstpublished", 1707900000);

  subject = json_object_get_array_member (ninjs, "subject");
  keywords = json_object_get_array_member (ninjs, "keywords");
  g_assert_cmpuint (json_array_get_length (subject), ==, 3);
  g_assert_cmpuint (json_array_get_length (keywords), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subject, 0), "name"), ==, "schools");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subject, 2), "name"), ==, "Northside");
  g_assert_cmpstr (json_array_get_string_element (keywords, 0), ==, "schools");
  g_assert_cmpstr (json_array_get_string_element (keywords, 1), ==, "budget");
  g_assert_cmpstr (json_array_get_string_element (keywords, 2), ==, "Northside");

  media = json_object_get_object_member (json_object_get_object_member (ninjs, "associations"),
                                         "featuremedia");
  g_assert_nonnull (media);
  image_uri = g_filename_to_uri (image, NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (media, "type"), ==, "picture");
  g_assert_cmpstr (json_object_get_string_member (media, "uri"), ==, image_uri);
  g_assert_cmpstr (json_object_get_string_member (media, "mimetype"), ==, "image/png");
  g_assert_cmpstr (json_object_get_string_member (media, "description_text"), ==,
                   "Pupils outside the old gym hall.");
  g_assert_cmpstr (json_object_get_string_member (media, "byline"), ==, "Tom Okafor");
  g_assert_cmpstr (json_object_get_string_member (media, "body_text"), ==,
                   "Children in sports kit queue at a brick hall");

  /* The body: its paragraphs in order, the pin after the first one (as
   * plain text: without a base URL there is no address to link to), and
   * nothing that could run. */
  body_html = json_object_get_string_member (ninjs, "body_html");
  g_assert_nonnull (body_html);
  g_assert_null (strstr (body_html, "<script"));
  g_assert_null (strstr (body_html, "javascript:"));
  g_assert_null (strstr (body_html, "data:"));
  doc = byline_test_parse_html_string (body_html);
  blocks = byline_test_xpath_strings (doc, "//body/*");
  g_assert_cmpuint (blocks->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (blocks, 0), ==, "The board voted unanimously on Monday.");
  g_assert_cmpstr (g_ptr_array_index (blocks, 1), ==, "READ: Northside Primary roof repairs delayed");
  g_assert_cmpstr (g_ptr_array_index (blocks, 2), ==, "Building starts after the summer term.");
  links = byline_test_xpath_strings (doc, "//a/@href");
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpstr (g_ptr_array_index (links, i), ==, "");
  xmlFreeDoc (doc);
}

/* With a base URL the document has a web address, and so do its links. */
static void
test_ninjs_base_url (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "gym hall.png", "gym");
  g_autoptr(BylineArticle) article = new_ninjs_article (image);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *page_name = byline_article_dup_page_name (article);
  g_autofree char *expected_uri = NULL;
  g_autofree char *read_href = NULL;
  JsonObject *ninjs;
  JsonObject *media;
  htmlDocPtr doc;

  byline_publication_set (fixture->publication, NULL, NULL, "https://courier.example.org/news");
  json = byline_export_ninjs (article, fixture->publication, NULL);
  ninjs = parse_json_object (json, parser);

  expected_uri = g_strconcat ("https://courier.example.org/news/", page_name, NULL);
  g_assert_cmpstr (json_object_get_string_member (ninjs, "uri"), ==, expected_uri);

  media = json_object_get_object_member (json_object_get_object_member (ninjs, "associations"),
                                         "featuremedia");
  g_assert_cmpstr (json_object_get_string_member (media, "uri"), ==,
                   "https://courier.example.org/news/images/gym%20hall.png");

  doc = byline_test_parse_html_string (json_object_get_string_member (ninjs, "body_html"));
  read_href = byline_test_xpath_string (doc, "//aside[" BYLINE_TEST_HAS_CLASS ("read-also") "]/a/@href");
  g_assert_cmpstr (read_href, ==,
                   "https://courier.example.org/news/12-northside-primary-roof-repairs-delayed.html");
  xmlFreeDoc (doc);
}

static void
test_ninjs_pubstatus (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    BylineStatus status;
    const char  *pubstatus;
    gboolean     has_firstpublished;
  } cases[] = {
    { BYLINE_STATUS_DRAFT, "withheld", FALSE },
    { BYLINE_STATUS_IN_REVIEW, "withheld", FALSE },
    { BYLINE_STATUS_APPROVED, "withheld", FALSE },
    { BYLINE_STATUS_PUBLISHED, "usable", TRUE },
    { BYLINE_STATUS_SPIKED, "canceled", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = new_article ("Ferry fares rise in March",
                                                      cases[i].status, 1707900000);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *json = byline_export_ninjs (article, fixture->publication, NULL);
      JsonObject *ninjs = parse_json_object (json, parser);

      g_assert_cmpstr (json_object_get_string_member (ninjs, "pubstatus"), ==, cases[i].pubstatus);
      g_assert_cmpint (json_object_has_member (ninjs, "firstpublished"), ==,
                       cases[i].has_firstpublished);
      /* No picture and no caption: no featuremedia. */
      g_assert_false (json_object_has_member (ninjs, "associations"));
      /* Never saved: still a valid, unique uri. */
      g_assert_true (g_str_has_prefix (json_object_get_string_member (ninjs, "uri"), "urn:uuid:"));
      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (ninjs, "uri") + 9));
    }
}

static void
test_ninjs_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_ninjs_article ("");
  g_autofree char *out = tmp_path (fixture, "gym.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *ninjs;
  JsonObject *media;

  g_assert_true (byline_export_article_ninjs (article, fixture->publication, output,
                                              NULL, NULL, &error));
  g_assert_no_error (error);

  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  ninjs = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (ninjs, "headline"), ==,
                   "School board approves new gym for Northside Primary");

  /* A caption without a picture still describes the featured media. */
  media = json_object_get_object_member (json_object_get_object_member (ninjs, "associations"),
                                         "featuremedia");
  g_assert_cmpstr (json_object_get_string_member (media, "description_text"), ==,
                   "Pupils outside the old gym hall.");
  g_assert_nonnull (json_object_get_string_member (media, "uri"));
}

/* --- the publication ----------------------------------------------------- */

typedef struct
{
  guint calls;
  guint last_done;
  guint total;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->last_done + 1);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
}

static void
test_publication (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *image_a = write_image (fixture, "photos/a", "lead.png", "dredger");
  g_autofree char *image_b = write_image (fixture, "photos/b", "lead.png", "council chamber");
  g_autoptr(BylineArticle) draft = new_article ("Draft: marina plans leak", BYLINE_STATUS_DRAFT, 0);
  g_autoptr(BylineArticle) spiked = new_article ("Spiked: pier collapse rumour", BYLINE_STATUS_SPIKED, 0);
  g_autoptr(BylineArticle) middle = new_article ("Council delays the harbour budget",
                                                 BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autoptr(BylineArticle) oldest = new_article ("Fishing fleet returns early",
                                                 BYLINE_STATUS_PUBLISHED, 1706000000);
  g_autoptr(BylineArticle) newest = new_article ("Harbour board backs dredging",
                                                 BYLINE_STATUS_PUBLISHED, 1708000000);
  const char *expected_order[] = {
    "Harbour board backs dredging",
    "Council delays the harbour budget",
    "Fishing fleet returns early",
  };
  g_autofree char *site = tmp_path (fixture, "site", "2024", NULL);
  g_autofree char *index_path = tmp_path (fixture, "site", "2024", "index.html", NULL);
  g_autofree char *draft_name = NULL;
  g_autofree char *draft_page = NULL;
  g_autofree char *middle_page = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GPtrArray) headlines = NULL;
  g_autoptr(GPtrArray) hrefs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) image_copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Progress progress = { 0, };
  htmlDocPtr index;

  save_article (fixture, draft);
  save_article (fixture, spiked);
  save_article (fixture, middle);
  byline_article_set_image (oldest, image_b);
  save_article (fixture, oldest);

  /* Pins to a published page (a link) and to a draft (no page: no link). */
  byline_article_set_image (newest, image_a);
  byline_article_add_pin (newest, byline_pin_new (1, byline_article_get_id (middle),
                                                  byline_article_get_headline (middle)));
  byline_article_add_pin (newest, byline_pin_new (2, byline_article_get_id (draft),
                                                  byline_article_get_headline (draft)));
  save_article (fixture, newest);

  g_assert_true (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                            on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, progress.total);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  /* One call per article page, then the front page. */
  g_assert_cmpuint (progress.total, ==, G_N_ELEMENTS (expected_order) + 1);

  /* The front page: only the published, newest first, each linking a page. */
  index = byline_test_parse_html_file (index_path);
  headlines = byline_test_xpath_strings (index, "//main//h2[" BYLINE_TEST_HAS_CLASS ("headline") "]");
  hrefs = byline_test_xpath_strings (index, "//main//h2[" BYLINE_TEST_HAS_CLASS ("headline") "]/a/@href");
  g_assert_cmpuint (headlines->len, ==, G_N_ELEMENTS (expected_order));
  g_assert_cmpuint (hrefs->len, ==, G_N_ELEMENTS (expected_order));

  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    {
      const char *href = g_ptr_array_index (hrefs, i);
      g_autofree char *page_path = NULL;
      g_autofree char *h1 = NULL;
      g_autoptr(GPtrArray) read_links = NULL;
      g_autoptr(GPtrArray) srcs = NULL;
      htmlDocPtr page;

      g_assert_cmpstr (g_ptr_array_index (headlines, i), ==, expected_order[i]);
      g_assert_true (is_relative_url (href));
      page_path = resolve_href (site, href);
      g_assert_true (g_file_test (page_path, G_FILE_TEST_IS_REGULAR));

      page = byline_test_parse_html_file (page_path);
      h1 = byline_test_xpath_string (page, "//h1[" BYLINE_TEST_HAS_CLASS ("headline") "]");
      g_assert_cmpstr (h1, ==, expected_order[i]);

      /* Every link from one page to another stays inside the export. */
      read_links = byline_test_xpath_strings (page, "//aside//a/@href");
      for (guint j = 0; j < read_links->len; j++)
        {
          const char *link = g_ptr_array_index (read_links, j);
          g_autofree char *target = NULL;

          g_assert_true (is_relative_url (link));
          target = resolve_href (site, link);
          g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
        }

      srcs = byline_test_xpath_strings (page, "//img/@src");
      for (guint j = 0; j < srcs->len; j++)
        {
          const char *src = g_ptr_array_index (srcs, j);
          g_autofree char *copy = NULL;

          g_assert_true (is_relative_url (src));
          copy = resolve_href (site, src);
          g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
          g_assert_false (g_hash_table_contains (image_copies, copy));
          g_hash_table_add (image_copies, g_steal_pointer (&copy));
        }

      if (i == 0)
        {
          g_autoptr(GPtrArray) unresolved =
            byline_test_xpath_strings (page, "//aside//*[" BYLINE_TEST_HAS_CLASS ("unresolved") "]");
          g_autofree char *img = resolve_href (site, g_ptr_array_index (srcs, 0));

          middle_page = byline_article_dup_page_name (middle);
          g_assert_cmpuint (read_links->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (read_links, 0), ==, middle_page);
          g_assert_cmpuint (unresolved->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (unresolved, 0), ==, "Draft: marina plans leak");
          assert_same_contents (image_a, img);
        }
      else if (i == 2)
        {
          g_autofree char *img = resolve_href (site, g_ptr_array_index (srcs, 0));

          /* Both pictures are called lead.png; neither overwrote the other. */
          assert_same_contents (image_b, img);
        }

      xmlFreeDoc (page);
    }

  g_assert_cmpuint (g_hash_table_size (image_copies), ==, 2);

  draft_name = byline_article_dup_page_name (draft);
  draft_page = tmp_path (fixture, "site", "2024", draft_name, NULL);
  g_assert_false (g_file_test (draft_page, G_FILE_TEST_EXISTS));

  xmlFreeDoc (index);
}

static void
test_publication_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BylineArticle) draft = new_article ("Lifeboat crew honoured", BYLINE_STATUS_DRAFT, 0);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;

  save_article (fixture, draft);

  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_NOTHING);
  g_assert_nonnull (strstr (error->message, "Published"));
  g_assert_false (g_file_test (site, G_FILE_TEST_EXISTS));
}

static void
test_publication_cancelled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Tall ship visits", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  save_article (fixture, article);
  g_cancellable_cancel (cancellable);

  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (site, G_FILE_TEST_EXISTS));
}

/* --- failures ------------------------------------------------------------- */

static void
assert_write_error (GError     *error,
                    const char *path)
{
  g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name “%s”", error->message, path);
  /* It says what to do, not only what went wrong. */
  g_assert_nonnull (strstr (error->message, "Choose"));
}

static void
test_error_missing_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Bridge repairs finish early", BYLINE_STATUS_DRAFT, 0);
  g_autofree char *image = write_image (fixture, "photos", "bridge.png", "bridge");
  g_autofree char *missing = tmp_path (fixture, "no", "such", NULL);
  g_autofree char *out = tmp_path (fixture, "no", "such", "bridge.html", NULL);
  g_autofree char *json_out = tmp_path (fixture, "no", "such", "bridge.json", NULL);
  g_autofree char *no = tmp_path (fixture, "no", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GFile) json_output = g_file_new_for_path (json_out);
  g_autoptr(GError) error = NULL;

  byline_article_set_image (article, image);
  save_article (fixture, article);

  g_assert_false (byline_export_article_html (article, fixture->publication, output,
                                              NULL, NULL, &error));
  assert_write_error (error, out);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_assert_false (byline_export_article_ninjs (article, fixture->publication, json_output,
                                               NULL, NULL, &error));
  assert_write_error (error, json_out);
  g_clear_error (&error);

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (no, G_FILE_TEST_EXISTS));
}

/* A file where a folder should be. */
static void
test_error_not_a_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Lighthouse reopens", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *file = tmp_path (fixture, "notes.txt", NULL);
  g_autofree char *site = tmp_path (fixture, "notes.txt", "site", NULL);
  g_autofree char *out = tmp_path (fixture, "notes.txt", "page.html", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  save_article (fixture, article);
  g_file_set_contents (file, "keep me", -1, &error);
  g_assert_no_error (error);

  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  assert_write_error (error, "notes.txt");
  g_clear_error (&error);

  g_assert_false (byline_export_article_html (article, fixture->publication, output,
                                              NULL, NULL, &error));
  assert_write_error (error, out);
  g_clear_error (&error);

  /* The publication folder itself is a file. */
  g_object_unref (dir);
  dir = g_file_new_for_path (file);
  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  assert_write_error (error, file);

  g_file_get_contents (file, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "keep me");
}

/* The page could be written but not its image: no page without its picture. */
static void
test_error_image_folder_taken (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Sailing school opens", BYLINE_STATUS_DRAFT, 0);
  g_autofree char *image = write_image (fixture, "photos", "dinghies.png", "dinghies");
  g_autofree char *out_dir = tmp_path (fixture, "out", NULL);
  g_autofree char *taken = tmp_path (fixture, "out", "images", NULL);
  g_autofree char *out = tmp_path (fixture, "out", "sailing.html", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;

  byline_article_set_image (article, image);
  save_article (fixture, article);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_file_set_contents (taken, "not a folder", -1, &error);
  g_assert_no_error (error);

  g_assert_false (byline_export_article_html (article, fixture->publication, output,
                                              NULL, NULL, &error));
  assert_write_error (error, taken);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (out_dir), ==, 1);
}

static void
test_error_read_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Coastguard drill", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *image = write_image (fixture, "photos", "drill.png", "drill");
  g_autofree char *locked = tmp_path (fixture, "locked", NULL);
  g_autofree char *out = tmp_path (fixture, "locked", "drill.html", NULL);
  g_autofree char *site = tmp_path (fixture, "locked", "site", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which may write in read-only folders");
      return;
    }

  byline_article_set_image (article, image);
  save_article (fixture, article);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);

  g_assert_false (byline_export_article_html (article, fixture->publication, output,
                                              NULL, NULL, &error));
  assert_write_error (error, out);
  g_clear_error (&error);

  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  assert_write_error (error, site);

  g_assert_cmpuint (count_entries (locked), ==, 0);
}

/* --- review marks never leave the preview ------------------------------- */

/* An article a reporter rewrote after an editor's revision: the preview's
 * review mode would mark the changes, the exported page never does. */
static void
test_html_no_review_marks (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Harbour board backs dredging of the east basin",
                                                  BYLINE_STATUS_IN_REVIEW, 0);
  g_autoptr(BylineRevision) first = NULL;
  g_autoptr(BylineRevision) second = NULL;
  g_autoptr(BylineRevision) baseline = NULL;
  g_autofree char *out = tmp_path (fixture, "dredging.html", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *reviewed = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  BylineRenderOptions review = { 0 };
  htmlDocPtr doc;

  save_article (fixture, article);
  first = byline_store_save_revision (fixture->store, article, "Mara Lindqvist",
                                      BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);

  byline_article_set_headline (article, "Harbour board backs dredging of the whole east basin");
  byline_article_set_body (article,
                           "The harbour board voted six to one to dredge the east basin.\n\n"
                           "Work starts in *May* and should take eight weeks.\n\n"
                           "Fishing boats will moor at the west quay meanwhile.\n");
  save_article (fixture, article);
  second = byline_store_save_revision (fixture->store, article, "Jonas Berg",
                                       BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);

  /* Review mode has something to mark for Jonas... */
  baseline = byline_store_last_revision_by_other (fixture->store, byline_article_get_id (article),
                                                  "Jonas Berg", &error);
  g_assert_no_error (error);
  g_assert_nonnull (baseline);
  review.review_baseline_body = byline_article_get_body (byline_revision_get_article (baseline));
  review.review_baseline_headline = byline_article_get_headline (byline_revision_get_article (baseline));
  reviewed = byline_render_article (article, fixture->publication, &review);
  g_assert_nonnull (strstr (reviewed, "<ins class=\"review-ins\">"));
  g_assert_nonnull (strstr (reviewed, "<del class=\"review-del\">"));

  /* ...and the exported page has none of it, but the text as it is now. */
  g_assert_true (byline_export_article_html (article, fixture->publication, output,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (out, &page, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (page, "<ins"));
  g_assert_null (strstr (page, "<del"));

  doc = byline_test_parse_html_file (out);
  paragraphs = byline_test_xpath_strings (doc, "//div[" BYLINE_TEST_HAS_CLASS ("body") "]/p");
  g_assert_cmpuint (paragraphs->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 0), ==,
                   "The harbour board voted six to one to dredge the east basin.");
  marks = byline_test_xpath_strings (doc, "//ins|//del|//*[contains(@class,'review-')]");
  g_assert_cmpuint (marks->len, ==, 0);
  xmlFreeDoc (doc);
}

/* --- READ: links checked before an export --------------------------------- */

typedef struct
{
  const char *headline;   /* the related article's */
  int         status;     /* its state; -1: never stored, the pin has only the headline */
  gboolean    trashed;
  gboolean    deleted;
  int         expected;   /* a BylinePinProblemKind, or -1 for a link */
} PinCase;

static const PinCase pin_cases[] = {
  { "Dredging contract awarded", BYLINE_STATUS_DRAFT,     FALSE, FALSE, -1 },
  { "Old pier to be demolished", BYLINE_STATUS_SPIKED,    FALSE, FALSE, BYLINE_PIN_PROBLEM_SPIKED },
  { "Ferry fares rise",          BYLINE_STATUS_PUBLISHED, TRUE,  FALSE, BYLINE_PIN_PROBLEM_SPIKED },
  { "Lock gates replaced",       BYLINE_STATUS_APPROVED,  FALSE, TRUE,  BYLINE_PIN_PROBLEM_UNRESOLVED },
  { "Harbour master retires",    -1,                      FALSE, FALSE, BYLINE_PIN_PROBLEM_UNRESOLVED },
  { "Tide tables for the week",  BYLINE_STATUS_PUBLISHED, FALSE, FALSE, -1 },
};

/* An article with one pin per case, after paragraph 1, 2, ...; the related
 * articles then trashed and deleted as the cases say. */
static BylineArticle *
save_linking_article (Fixture      *fixture,
                      BylineStatus  status)
{
  BylineArticle *article = new_article ("Harbour silt threatens ferry route", status, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pin_cases); i++)
    {
      const PinCase *c = &pin_cases[i];
      g_autoptr(BylineArticle) related = NULL;

      if (c->status < 0)
        {
          byline_article_add_pin (article, byline_pin_new (i + 1, 0, c->headline));
          continue;
        }

      related = save_article (fixture, new_article (c->headline, c->status, 0));
      byline_article_add_pin (article, byline_pin_new (i + 1, byline_article_get_id (related), c->headline));
    }
  save_article (fixture, article);

  for (guint i = 0; i < G_N_ELEMENTS (pin_cases); i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (byline_article_get_pins (article), i);
      gint64 id = byline_pin_get_related_id (pin);

      if (pin_cases[i].trashed)
        g_assert_true (byline_store_trash_article (fixture->store, id, NULL));
      if (pin_cases[i].deleted)
        g_assert_true (byline_store_delete_article (fixture->store, id, NULL));
    }

  return article;
}

static void
assert_problems (GPtrArray     *problems,
                 BylineArticle *article)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pin_cases); i++)
    {
      const PinCase *c = &pin_cases[i];
      BylinePinProblem *problem;

      if (c->expected < 0)
        continue;

      g_assert_cmpuint (n, <, problems->len);
      problem = g_ptr_array_index (problems, n++);
      g_assert_cmpstr (problem->pin_headline, ==, c->headline);
      g_assert_cmpint (problem->kind, ==, c->expected);
      g_assert_cmpuint (problem->position, ==, i + 1);
      g_assert_cmpint (problem->article_id, ==, byline_article_get_id (article));
      g_assert_cmpstr (problem->article_headline, ==, byline_article_get_headline (article));
    }
  g_assert_cmpuint (problems->len, ==, n);
}

static void
test_check_pins (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BylineArticle) article = save_linking_article (fixture, BYLINE_STATUS_DRAFT);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) in_memory = NULL;
  g_autoptr(BylineArticle) unsaved = NULL;
  g_autofree char *spiked = NULL;
  g_autofree char *unresolved = NULL;

  /* The store knows what became of each related article. */
  problems = byline_export_check_pins (fixture->store, article);
  assert_problems (problems, article);

  spiked = byline_pin_problem_dup_message (g_ptr_array_index (problems, 0), FALSE);
  g_assert_cmpstr (spiked, ==, "“Old pier to be demolished”: the article was spiked or deleted");
  unresolved = byline_pin_problem_dup_message (g_ptr_array_index (problems, 3), TRUE);
  g_assert_cmpstr (unresolved, ==,
                   "“Harbour master retires” in “Harbour silt threatens ferry route”: "
                   "no stored article has this headline");

  /* Without the store, only what the pins themselves say: the pin made
   * before its article was trashed or deleted still looks linked. */
  in_memory = byline_export_check_pins (NULL, article);
  g_assert_cmpuint (in_memory->len, ==, 1);
  g_assert_cmpstr (((BylinePinProblem *)g_ptr_array_index (in_memory, 0))->pin_headline, ==,
                   "Harbour master retires");

  /* An article never stored is checked as it is. */
  unsaved = byline_article_new ();
  byline_article_add_pin (unsaved, byline_pin_new (0, 0, "Quay repairs"));
  g_clear_pointer (&in_memory, g_ptr_array_unref);
  in_memory = byline_export_check_pins (fixture->store, unsaved);
  g_assert_cmpuint (in_memory->len, ==, 1);
  g_assert_cmpint (((BylinePinProblem *)g_ptr_array_index (in_memory, 0))->kind, ==,
                   BYLINE_PIN_PROBLEM_UNRESOLVED);
}

static void
test_check_publication_pins (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BylineArticle) draft = save_linking_article (fixture, BYLINE_STATUS_DRAFT);
  g_autoptr(BylineArticle) published = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* A draft has no page in the publication: nothing to warn about, though
   * the published related article is checked too (its pins are fine). */
  problems = byline_export_check_publication_pins (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A published page with the same links: its problems, named after it. */
  published = save_linking_article (fixture, BYLINE_STATUS_PUBLISHED);
  problems = byline_export_check_publication_pins (fixture->store, &error);
  g_assert_no_error (error);
  assert_problems (problems, published);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/byline/exporter/html/article", test_html_article);
  ADD ("/byline/exporter/html/image-name-clash", test_html_image_name_clash);
  ADD ("/byline/exporter/html/missing-image", test_html_missing_image);
  ADD ("/byline/exporter/html/no-review-marks", test_html_no_review_marks);
  ADD ("/byline/exporter/ninjs/fields", test_ninjs_fields);
  ADD ("/byline/exporter/ninjs/base-url", test_ninjs_base_url);
  ADD ("/byline/exporter/ninjs/pubstatus", test_ninjs_pubstatus);
  ADD ("/byline/exporter/ninjs/file", test_ninjs_file);
  ADD ("/byline/exporter/publication/pages", test_publication);
  ADD ("/byline/exporter/publication/nothing", test_publication_nothing);
  ADD ("/byline/exporter/publication/cancelled", test_publication_cancelled);
  ADD ("/byline/exporter/errors/missing-folder", test_error_missing_folder);
  ADD ("/byline/exporter/errors/not-a-folder", test_error_not_a_folder);
  ADD ("/byline/exporter/errors/image-folder-taken", test_error_image_folder_taken);
  ADD ("/byline/exporter/errors/read-only", test_error_read_only);
  ADD ("/byline/exporter/check-pins/article", test_check_pins);
  ADD ("/byline/exporter/check-pins/publication", test_check_publication_pins);

#undef ADD

  return g_test_run ();
}
