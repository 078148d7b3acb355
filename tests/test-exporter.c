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
#include <utime.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "byline-article.h"
#include "byline-export-writer.h"
#include "byline-exporter.h"
#include "byline-media.h"
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

/* Keeps the picture at @path in the newsroom, as choosing it does, and
 * makes it @article's lead picture. */
static void
keep_image (Fixture       *fixture,
            BylineArticle *article,
            const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = byline_store_add_media_file (fixture->store, file, NULL, &error);

  g_assert_no_error (error);
  byline_article_set_image (article, reference);
}

/* Where the export writes @article's kept picture: "images/<name>". */
static char *
dup_image_href (BylineArticle *article)
{
  g_autofree char *name = byline_media_dup_export_name (byline_article_get_image (article));

  g_assert_nonnull (name);
  return g_strconcat ("images/", name, NULL);
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

  keep_image (fixture, article, image);
  byline_article_set_image_alt (article, "A dredger moored at the east basin quay");
  byline_article_set_caption (article, "The dredger Margit arrives at first light.");
  byline_article_set_credit (article, "Jonas Berg");
  save_article (fixture, article);

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_true (byline_export_article_html (fixture->store, article, fixture->publication, output,
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

          keep_image (fixture, article, images[i]);
          byline_article_set_id (article, 40 + i);
          g_assert_true (byline_export_article_html (fixture->store, article, fixture->publication, output,
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

  g_assert_true (byline_export_article_html (fixture->store, article, fixture->publication, output,
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
new_ninjs_article (Fixture    *fixture,
                   const char *image)
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
  if (g_path_is_absolute (image))
    keep_image (fixture, article, image);
  else
    byline_article_set_image (article, image);

  pin = byline_pin_new (1, 12, "Northside Primary roof repairs delayed");
  byline_pin_set_page_name (pin, "12-northside-primary-roof-repairs-delayed.html");
  byline_article_add_pin (article, pin);

  return article;
}

/* The "value" of the one object in array @member with role @role. */
static const char *
get_role_value (JsonObject *object,
                const char *member,
                const char *role)
{
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return NULL;

  array = json_object_get_array_member (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, "role", NULL), role) == 0)
        return json_object_get_string_member (item, "value");
    }

  return NULL;
}

/* Every member a ninjs 2.1 document may have at its top level: the schema
 * allows no others. */
static const char * const ninjs_2_1_members[] = {
  "uri", "type", "representationtype", "profile", "version", "firstcreated",
  "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
  "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
  "descriptions", "bodies", "headlines", "people", "organisations", "places",
  "subjects", "events", "objects", "infosources", "title", "by", "slugline",
  "located", "renditions", "associations", "altids", "trustindicators",
  "standard", "genres", "expires", "rightsinfo", NULL
};

static void
assert_ninjs_2_1_members (JsonObject *ninjs)
{
  g_autoptr(GList) members = json_object_get_members (ninjs);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (ninjs_2_1_members, l->data))
      g_error ("“%s” is no member of ninjs 2.1", (const char *) l->data);
}

/* An association may have a "name" besides. */
static void
assert_ninjs_2_1_association (JsonObject *media)
{
  g_autoptr(GList) members = json_object_get_members (media);

  g_assert_true (json_object_has_member (media, "name"));
  g_assert_true (json_object_has_member (media, "uri"));
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "name") && !g_strv_contains (ninjs_2_1_members, l->data))
      g_error ("“%s” is no member of ninjs 2.1", (const char *) l->data);
}

static void
test_ninjs_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "gym.png", "gym");
  g_autoptr(BylineArticle) article = new_ninjs_article (fixture, image);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) links = NULL;
  JsonObject *ninjs;
  JsonObject *standard;
  JsonObject *body;
  JsonArray *subjects;
  const char *body_html;
  htmlDocPtr doc;

  json = byline_export_ninjs (article, fixture->publication, NULL);
  g_assert_nonnull (json);
  g_assert_nonnull (strchr (json, '\n'));  /* pretty-printed */
  ninjs = parse_json_object (json, parser);
  assert_ninjs_2_1_members (ninjs);

  /* The version of the standard, as ninjs 2 declares it. */
  standard = json_object_get_object_member (ninjs, "standard");
  g_assert_cmpstr (json_object_get_string_member (standard, "name"), ==, "ninjs");
  g_assert_cmpstr (json_object_get_string_member (standard, "version"), ==, "2.1");
  g_assert_cmpstr (json_object_get_string_member (standard, "schema"), ==,
                   "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json");

  g_assert_cmpstr (json_object_get_string_member (ninjs, "uri"), ==,
                   "urn:uuid:3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "type"), ==, "text");
  /* Without a store there is no count of revisions to give. */
  g_assert_false (json_object_has_member (ninjs, "version"));
  g_assert_cmpstr (get_role_value (ninjs, "headlines", "main"), ==,
                   "School board approves new gym for Northside Primary");
  g_assert_cmpstr (get_role_value (ninjs, "descriptions", "summary"), ==,
                   "The vote ends a three-year wait for the school.");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "by"), ==, "Priya Nair");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "located"), ==, "NORTHSIDE");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "language"), ==, "en-GB");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "pubstatus"), ==, "usable");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "slugline"), ==, "school-board-approves-new-gym");
  assert_json_time (ninjs, "firstcreated", 1707800000);
  assert_json_time (ninjs, "contentcreated", 1707800000);
  assert_json_time (ninjs, "versioncreated", 1707950000);

  subjects = json_object_get_array_member (ninjs, "subjects");
  g_assert_cmpuint (json_array_get_length (subjects), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 0), "name"), ==, "schools");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 2), "name"), ==, "Northside");

  /* The picture is a file on this computer and the pages have no web
   * address: nothing can name it, and no local path goes out. */
  g_assert_false (json_object_has_member (ninjs, "associations"));
  g_assert_null (strstr (json, "file:"));
  g_assert_null (strstr (json, fixture->tmp));

  /* The body: its paragraphs in order, the pin after the first one (as
   * plain text: without a base URL there is no address to link to), and
   * nothing that could run. */
  body = json_array_get_object_element (json_object_get_array_member (ninjs, "bodies"), 0);
  g_assert_cmpstr (json_object_get_string_member (body, "contenttype"), ==, "text/html");
  g_assert_cmpint (json_object_get_int_member (body, "wordcount"), >, 10);
  body_html = json_object_get_string_member (body, "value");
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

/* With a base URL the picture and the READ: links have web addresses; the
 * document's own uri stays the article's uuid. */
static void
test_ninjs_base_url (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "gym hall.png", "gym");
  g_autoptr(BylineArticle) article = new_ninjs_article (fixture, image);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *href = NULL;
  g_autofree char *expected_url = NULL;
  g_autofree char *read_href = NULL;
  JsonObject *ninjs;
  JsonObject *media;
  JsonObject *rendition;
  htmlDocPtr doc;

  byline_publication_set (fixture->publication, NULL, NULL, "https://courier.example.org/news");
  json = byline_export_ninjs (article, fixture->publication, NULL);
  ninjs = parse_json_object (json, parser);
  assert_ninjs_2_1_members (ninjs);
  /* The picture kept in the newsroom, where the HTML export writes it. */
  href = dup_image_href (article);
  expected_url = g_strconcat ("https://courier.example.org/news/", href, NULL);

  g_assert_cmpstr (json_object_get_string_member (ninjs, "uri"), ==,
                   "urn:uuid:3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ninjs, "associations")), ==, 1);
  media = json_array_get_object_element (json_object_get_array_member (ninjs, "associations"), 0);
  assert_ninjs_2_1_association (media);
  g_assert_cmpstr (json_object_get_string_member (media, "name"), ==, "featuremedia");
  g_assert_cmpstr (json_object_get_string_member (media, "type"), ==, "picture");
  g_assert_cmpstr (json_object_get_string_member (media, "uri"), ==, expected_url);
  g_assert_cmpstr (json_object_get_string_member (media, "by"), ==, "Tom Okafor");
  g_assert_cmpstr (get_role_value (media, "descriptions", "caption"), ==, "Pupils outside the old gym hall.");
  g_assert_cmpstr (get_role_value (media, "descriptions", "alternative-text"), ==,
                   "Children in sports kit queue at a brick hall");
  rendition = json_array_get_object_element (json_object_get_array_member (media, "renditions"), 0);
  g_assert_cmpstr (json_object_get_string_member (rendition, "href"), ==, expected_url);
  g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/png");
  g_assert_null (strstr (json, "file:"));

  doc = byline_test_parse_html_string (get_role_value (ninjs, "bodies", "main"));
  read_href = byline_test_xpath_string (doc, "//aside[" BYLINE_TEST_HAS_CLASS ("read-also") "]/a/@href");
  g_assert_cmpstr (read_href, ==,
                   "https://courier.example.org/news/12-northside-primary-roof-repairs-delayed.html");
  xmlFreeDoc (doc);
}

/* The uri names the article, not its headline or the site's address. */
static void
test_ninjs_uri_stable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Pier reopens after storm", BYLINE_STATUS_DRAFT, 0);
  g_autofree char *expected = NULL;
  const char *addresses[] = { "", "https://courier.example.org/", "https://other.example.net/news/" };
  const char *headlines[] = { "Pier reopens after storm", "Pier reopens two weeks after storm" };

  save_article (fixture, article);
  expected = g_strconcat ("urn:uuid:", byline_article_get_uuid (article), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    for (guint j = 0; j < G_N_ELEMENTS (addresses); j++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autofree char *json = NULL;

        byline_article_set_headline (article, headlines[i]);
        save_article (fixture, article);
        byline_publication_set (fixture->publication, NULL, NULL, addresses[j]);
        json = byline_export_ninjs (article, fixture->publication, NULL);
        g_assert_cmpstr (json_object_get_string_member (parse_json_object (json, parser), "uri"), ==, expected);
      }
}

static void
test_ninjs_pubstatus (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    BylineStatus status;
    const char  *pubstatus;
  } cases[] = {
    { BYLINE_STATUS_DRAFT, "withheld" },
    { BYLINE_STATUS_IN_REVIEW, "withheld" },
    { BYLINE_STATUS_APPROVED, "withheld" },
    { BYLINE_STATUS_PUBLISHED, "usable" },
    { BYLINE_STATUS_SPIKED, "canceled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = new_article ("Ferry fares rise in March",
                                                      cases[i].status, 1707900000);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *json = byline_export_ninjs (article, fixture->publication, NULL);
      JsonObject *ninjs = parse_json_object (json, parser);

      assert_ninjs_2_1_members (ninjs);
      g_assert_cmpstr (json_object_get_string_member (ninjs, "pubstatus"), ==, cases[i].pubstatus);
      /* No picture and no caption: no featuremedia. */
      g_assert_false (json_object_has_member (ninjs, "associations"));
      /* Never saved: still a valid, unique uri. */
      g_assert_true (g_str_has_prefix (json_object_get_string_member (ninjs, "uri"), "urn:uuid:"));
      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (ninjs, "uri") + 9));
    }
}

/* "language" is a BCP 47 tag or nothing. */
static void
test_ninjs_language (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *article;
    const char *publication;
    const char *expected;
  } cases[] = {
    { "pt_BR", "en", "pt-BR" },
    { "", "de", "de" },
    { "English", "en", "en" },
    { "English", "English please", NULL },
    { "en\" x", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = new_article ("Ferry fares rise in March", BYLINE_STATUS_DRAFT, 0);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *json = NULL;
      JsonObject *ninjs;

      byline_article_set_language (article, cases[i].article);
      g_free (fixture->publication->language);
      fixture->publication->language = g_strdup (cases[i].publication);
      json = byline_export_ninjs (article, fixture->publication, NULL);
      ninjs = parse_json_object (json, parser);
      g_assert_cmpstr (json_object_get_string_member_with_default (ninjs, "language", NULL), ==,
                       cases[i].expected);
    }
}

/* "version" grows with each revision, counted from the store, and never
 * goes back. */
static void
test_ninjs_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Lifeboat station opens", BYLINE_STATUS_DRAFT, 0);
  g_autofree char *out = tmp_path (fixture, "lifeboat.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (out);
  guint64 last = 0;

  save_article (fixture, article);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineRevision) revision = NULL;
      const char *version;
      guint64 number;

      g_assert_true (byline_export_article (fixture->store, article, fixture->publication,
                                            BYLINE_EXPORT_FORMAT_NINJS, output, NULL, NULL,
                                            NULL, &error));
      g_assert_no_error (error);
      json_parser_load_from_file (parser, out, &error);
      g_assert_no_error (error);
      version = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                               "version");
      g_assert_nonnull (version);
      g_assert_true (g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &number, NULL));
      g_test_message ("round %u: version %s", round, version);
      if (round > 0)
        g_assert_cmpuint (number, >, last);
      last = number;

      /* A new revision of new words. */
      byline_article_set_body (article, round % 2 ? "The station opens in May." : "The station opens in June.");
      save_article (fixture, article);
      revision = byline_store_save_revision (fixture->store, article, "Mara",
                                             BYLINE_REVISION_MANUAL, &error);
      g_assert_no_error (error);
      /* Revisions are stamped in seconds: the next edit is a later one. */
      byline_article_set_updated (article, byline_revision_get_created (revision));
    }
}

static void
test_ninjs_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_ninjs_article (fixture, "https://photos.example.org/gym.jpg");
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
  assert_ninjs_2_1_members (ninjs);
  g_assert_cmpstr (get_role_value (ninjs, "headlines", "main"), ==,
                   "School board approves new gym for Northside Primary");

  /* A picture on the web is named by its address. */
  media = json_array_get_object_element (json_object_get_array_member (ninjs, "associations"), 0);
  g_assert_cmpstr (json_object_get_string_member (media, "uri"), ==, "https://photos.example.org/gym.jpg");
  g_assert_cmpstr (get_role_value (media, "descriptions", "caption"), ==,
                   "Pupils outside the old gym hall.");
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
  keep_image (fixture, oldest, image_b);
  save_article (fixture, oldest);

  /* Pins to a published page (a link) and to a draft (no page: no link). */
  keep_image (fixture, newest, image_a);
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
          g_autoptr(GPtrArray) asides = byline_test_xpath_strings (page, "//aside");
          g_autofree char *img = resolve_href (site, g_ptr_array_index (srcs, 0));

          /* The published page's link stays; the draft's headline is on
           * no public page, not even as text. */
          middle_page = byline_article_dup_page_name (middle);
          g_assert_cmpuint (read_links->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (read_links, 0), ==, middle_page);
          g_assert_cmpuint (asides->len, ==, 1);
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

/* Two pages with the same picture: one copy in images/, which both show. */
static void
test_publication_shared_picture (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "lead.png", "lighthouse");
  g_autoptr(BylineArticle) first = new_article ("Lighthouse reopens", BYLINE_STATUS_PUBLISHED, 1706000000);
  g_autoptr(BylineArticle) second = new_article ("Lighthouse keeper retires", BYLINE_STATUS_PUBLISHED,
                                                 1707000000);
  BylineArticle *articles[] = { first, second };
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *images = tmp_path (fixture, "site", "images", NULL);
  g_autofree char *shared = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      keep_image (fixture, articles[i], image);
      save_article (fixture, articles[i]);
    }
  g_assert_cmpstr (byline_article_get_image (first), ==, byline_article_get_image (second));

  g_assert_true (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                            NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *name = byline_article_dup_page_name (articles[i]);
      g_autofree char *path = g_build_filename (site, name, NULL);
      g_autofree char *src = NULL;
      g_autofree char *copy = NULL;
      htmlDocPtr page = byline_test_parse_html_file (path);

      src = byline_test_xpath_string (page, "//figure//img/@src");
      g_assert_nonnull (src);
      if (shared == NULL)
        shared = g_strdup (src);
      g_assert_cmpstr (src, ==, shared);
      copy = resolve_href (site, src);
      assert_same_contents (image, copy);
      xmlFreeDoc (page);
    }

  g_assert_cmpuint (count_entries (images), ==, 1);
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

  keep_image (fixture, article, image);
  save_article (fixture, article);

  g_assert_false (byline_export_article_html (fixture->store, article, fixture->publication, output,
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

  g_assert_false (byline_export_article_html (fixture->store, article, fixture->publication, output,
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

  keep_image (fixture, article, image);
  save_article (fixture, article);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_file_set_contents (taken, "not a folder", -1, &error);
  g_assert_no_error (error);

  g_assert_false (byline_export_article_html (fixture->store, article, fixture->publication, output,
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

  keep_image (fixture, article, image);
  save_article (fixture, article);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);

  g_assert_false (byline_export_article_html (fixture->store, article, fixture->publication, output,
                                              NULL, NULL, &error));
  assert_write_error (error, out);
  g_clear_error (&error);

  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  assert_write_error (error, site);

  g_assert_cmpuint (count_entries (locked), ==, 0);
}

/* --- only what is published goes out -------------------------------------- */

/* Whether any file below @dir holds @text. */
static gboolean
tree_contains (const char *dir,
               const char *text)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (path, text))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
notes_mention (GPtrArray  *notes,
               const char *text)
{
  for (guint i = 0; i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), text) != NULL)
      return TRUE;

  return FALSE;
}

static BylineArticle *
save_with_status (Fixture      *fixture,
                  const char   *headline,
                  BylineStatus  status)
{
  BylineArticle *article = new_article (headline, BYLINE_STATUS_DRAFT, 0);
  g_autoptr(GError) error = NULL;
  const BylineStatus path[] = {
    BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED, BYLINE_STATUS_PUBLISHED,
  };

  save_article (fixture, article);
  for (guint i = 0; i < G_N_ELEMENTS (path) && status != BYLINE_STATUS_DRAFT; i++)
    {
      if (status == BYLINE_STATUS_SPIKED)
        {
          byline_store_set_status (fixture->store, article, BYLINE_STATUS_SPIKED, "Desk", &error);
          break;
        }
      byline_store_set_status (fixture->store, article, path[i], "Desk", &error);
      g_assert_no_error (error);
      if (path[i] == status)
        break;
    }
  g_assert_no_error (error);

  return article;
}

/* READ: links to articles that are not out (a draft, one in review, an
 * approved one, a spiked one, one in the Trash, one deleted, one never in
 * the archive) leave no trace on any public page or feed, and each is
 * reported. */
static void
test_unpublished_pins (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *hidden[] = {
    "Draft: mayor under investigation", "In review: pier sale talks",
    "Approved: lifeboat budget", "Spiked: pier collapse rumour",
    "Trashed: old regatta notes", "Deleted: wrong ferry times",
  };
  g_autoptr(BylineArticle) published = save_with_status (fixture, "Ferry timetable changes", BYLINE_STATUS_PUBLISHED);
  g_autoptr(BylineArticle) main_story = new_article ("Harbour opens its new marina", BYLINE_STATUS_DRAFT, 0);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *single_dir = tmp_path (fixture, "single", NULL);
  g_autofree char *single_html = tmp_path (fixture, "single", "marina.html", NULL);
  g_autofree char *single_json = tmp_path (fixture, "single", "marina.json", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GFile) html_output = g_file_new_for_path (single_html);
  g_autoptr(GFile) json_output = g_file_new_for_path (single_json);
  g_autoptr(BylineArticle) stored = NULL;
  g_autofree char *published_page = byline_article_dup_page_name (published);
  htmlDocPtr doc;

  byline_article_add_pin (main_story, byline_pin_new (1, byline_article_get_id (published),
                                                      "Ferry timetable changes"));
  save_article (fixture, main_story);
  byline_store_set_status (fixture->store, main_story, BYLINE_STATUS_IN_REVIEW, "Desk", &error);
  byline_store_set_status (fixture->store, main_story, BYLINE_STATUS_APPROVED, "Desk", &error);
  byline_store_set_status (fixture->store, main_story, BYLINE_STATUS_PUBLISHED, "Desk", &error);
  g_assert_no_error (error);

  /* Publishing refuses these links (test-review); links added to the
   * published article afterwards, or whose article changes later, the
   * export leaves out. */
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      BylineStatus status = i == 0 ? BYLINE_STATUS_DRAFT : i == 1 ? BYLINE_STATUS_IN_REVIEW :
                            i == 2 ? BYLINE_STATUS_APPROVED : i == 3 ? BYLINE_STATUS_SPIKED :
                            BYLINE_STATUS_PUBLISHED;
      BylineArticle *other = save_with_status (fixture, hidden[i], status);

      byline_article_add_pin (main_story, byline_pin_new (1, byline_article_get_id (other), hidden[i]));
      g_ptr_array_add (others, other);
    }
  byline_article_add_pin (main_story, byline_pin_new (2, 0, "Never written: the secret harbour deal"));
  save_article (fixture, main_story);

  byline_store_trash_article (fixture->store, byline_article_get_id (g_ptr_array_index (others, 4)), &error);
  g_assert_no_error (error);
  byline_store_delete_article (fixture->store, byline_article_get_id (g_ptr_array_index (others, 5)), &error);
  g_assert_no_error (error);

  stored = byline_test_load_article (fixture->store, byline_article_get_id (main_story));

  /* The whole publication. */
  g_assert_true (byline_export_publication_full (fixture->store, fixture->publication, dir, NULL,
                                                 NULL, NULL, notes, NULL, &error));
  g_assert_no_error (error);

  /* A single page and a ninjs document. */
  g_assert_cmpint (g_mkdir (single_dir, 0755), ==, 0);
  g_assert_true (byline_export_article (fixture->store, stored, fixture->publication,
                                        BYLINE_EXPORT_FORMAT_HTML, html_output, NULL, notes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (byline_export_article (fixture->store, stored, fixture->publication,
                                        BYLINE_EXPORT_FORMAT_NINJS, json_output, NULL, notes, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      g_test_message ("%s", hidden[i]);
      g_assert_false (tree_contains (site, hidden[i]));
      g_assert_false (tree_contains (single_dir, hidden[i]));
      g_assert_true (notes_mention (notes, hidden[i]));
    }
  g_assert_false (tree_contains (site, "secret harbour deal"));
  g_assert_false (tree_contains (single_dir, "secret harbour deal"));
  g_assert_true (notes_mention (notes, "Never written: the secret harbour deal"));

  /* The link to the published article is all that is left, on both pages. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *page_name = byline_article_dup_page_name (main_story);
      g_autofree char *page = i == 0 ? g_build_filename (site, page_name, NULL) : g_strdup (single_html);
      g_autoptr(GPtrArray) asides = NULL;
      g_autoptr(GPtrArray) hrefs = NULL;

      doc = byline_test_parse_html_file (page);
      asides = byline_test_xpath_strings (doc, "//aside");
      hrefs = byline_test_xpath_strings (doc, "//aside//a/@href");
      g_assert_cmpuint (asides->len, ==, 1);
      g_assert_cmpuint (hrefs->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (hrefs, 0), ==, published_page);
      xmlFreeDoc (doc);
    }
}

static void
export_site (Fixture    *fixture,
             GFile      *dir,
             GPtrArray  *notes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_export_publication_full (fixture->store, fixture->publication, dir, NULL,
                                                 NULL, NULL, notes, NULL, &error));
  g_assert_no_error (error);
}

/* @article's page in the folder @site. */
static char *
dup_site_page (const char    *site,
               BylineArticle *article)
{
  g_autofree char *page_name = byline_article_dup_page_name (article);

  return g_build_filename (site, page_name, NULL);
}

/* A page goes when its article stops being published, and so does a page
 * under an old name; files Byline did not write stay. */
static void
test_take_down (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BylineArticle) kept = save_with_status (fixture, "Lighthouse reopens", BYLINE_STATUS_PUBLISHED);
  g_autoptr(BylineArticle) spiked = save_with_status (fixture, "Pier collapse rumour", BYLINE_STATUS_PUBLISHED);
  g_autoptr(BylineArticle) renamed = save_with_status (fixture, "Regata week begins", BYLINE_STATUS_PUBLISHED);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *kept_page = NULL;
  g_autofree char *spiked_page = NULL;
  g_autofree char *old_page = NULL;
  g_autofree char *new_page = NULL;
  g_autofree char *own_notes = tmp_path (fixture, "site", "notes.txt", NULL);
  g_autofree char *manifest = tmp_path (fixture, "site", BYLINE_EXPORT_MANIFEST_NAME, NULL);
  g_autofree char *index_path = tmp_path (fixture, "site", "index.html", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) headlines = NULL;
  g_autofree char *empty = NULL;
  htmlDocPtr index;

  kept_page = dup_site_page (site, kept);
  spiked_page = dup_site_page (site, spiked);
  old_page = dup_site_page (site, renamed);

  export_site (fixture, dir, notes);
  g_file_set_contents (own_notes, "the editor's own file", -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (spiked_page, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));

  /* Spiked; the typo fixed while unpublished, which keeps its page (its
   * address is fixed from the first publication on). */
  byline_store_set_status (fixture->store, spiked, BYLINE_STATUS_SPIKED, "Desk", &error);
  g_assert_no_error (error);
  byline_store_set_status (fixture->store, renamed, BYLINE_STATUS_APPROVED, "Desk", &error);
  g_assert_no_error (error);
  byline_article_set_headline (renamed, "Regatta week begins");
  save_article (fixture, renamed);
  byline_store_set_status (fixture->store, renamed, BYLINE_STATUS_PUBLISHED, "Desk", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_slug (renamed), ==, "regata-week-begins");

  /* A page name that did change (as an older Byline changed it): the
   * page under the old name goes. */
  {
    g_autofree char *db = tmp_path (fixture, "newsroom.db", NULL);
    g_autofree char *sql = g_strdup_printf ("UPDATE articles SET slug = 'regatta-week-begins' WHERE id = %"
                                            G_GINT64_FORMAT, byline_article_get_id (renamed));
    gint64 renamed_id = byline_article_get_id (renamed);

    byline_test_sql_exec (db, sql);
    g_clear_object (&renamed);
    renamed = byline_test_load_article (fixture->store, renamed_id);
  }
  new_page = dup_site_page (site, renamed);
  g_assert_cmpstr (new_page, !=, old_page);

  export_site (fixture, dir, notes);
  g_assert_true (g_file_test (kept_page, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (spiked_page, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_page, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_page, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (own_notes, G_FILE_TEST_IS_REGULAR));
  g_assert_false (tree_contains (site, "Pier collapse rumour"));

  /* A page someone changed by hand after the export is theirs now: kept,
   * and said so. */
  g_file_set_contents (kept_page, "<!DOCTYPE html><p>fixed by hand</p>", -1, &error);
  g_assert_no_error (error);
  byline_store_set_status (fixture->store, kept, BYLINE_STATUS_APPROVED, "Desk", &error);
  byline_store_set_status (fixture->store, renamed, BYLINE_STATUS_APPROVED, "Desk", &error);
  g_assert_no_error (error);

  /* Nothing published now: the front page says so. */
  g_ptr_array_set_size (notes, 0);
  export_site (fixture, dir, notes);
  g_assert_false (g_file_test (new_page, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_page, G_FILE_TEST_IS_REGULAR));
  g_assert_true (notes_mention (notes, kept_page));
  g_assert_true (g_file_test (own_notes, G_FILE_TEST_IS_REGULAR));
  index = byline_test_parse_html_file (index_path);
  empty = byline_test_xpath_string (index, "//*[" BYLINE_TEST_HAS_CLASS ("empty") "]");
  g_assert_nonnull (empty);
  headlines = byline_test_xpath_strings (index, "//main//h2");
  g_assert_cmpuint (headlines->len, ==, 0);
  xmlFreeDoc (index);
}

/* Byline writes only over its own files: an unrelated picture stays, and a
 * page name taken by someone else's file stops the export before anything
 * changes. */
static void
test_foreign_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "photo.jpg", "our harbour");
  g_autoptr(BylineArticle) article = new_article ("Harbour opens its new marina", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *href = NULL;
  g_autofree char *images = tmp_path (fixture, "site", "images", NULL);
  g_autofree char *page = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *src = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *index_path = tmp_path (fixture, "site", "index.html", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;
  htmlDocPtr doc;

  keep_image (fixture, article, image);
  save_article (fixture, article);
  page = dup_site_page (site, article);
  /* Someone else's picture under the name the export would give ours. */
  href = dup_image_href (article);
  g_free (theirs);
  theirs = g_build_filename (site, href, NULL);

  g_assert_cmpint (g_mkdir_with_parents (images, 0755), ==, 0);
  g_file_set_contents (theirs, "the photographer's own picture", -1, &error);
  g_assert_no_error (error);

  export_site (fixture, dir, NULL);
  g_file_get_contents (theirs, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "the photographer's own picture");
  doc = byline_test_parse_html_file (page);
  src = byline_test_xpath_string (doc, "//figure/img/@src");
  g_assert_cmpstr (src, !=, href);
  copy = resolve_href (site, src);
  assert_same_contents (image, copy);
  xmlFreeDoc (doc);

  /* Someone else's index.html: an error naming it, and the old export
   * stays as it was. */
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_remove (index_path), ==, 0);
  g_file_set_contents (index_path, "<p>the web team's front page</p>", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (page, "", 0, NULL);
  g_assert_cmpint (g_remove (page), ==, 0);

  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_CLASH);
  g_assert_nonnull (strstr (error->message, index_path));
  g_file_get_contents (index_path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "<p>the web team's front page</p>");
  g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
}

/* No symbolic link in the folder is followed. */
static void
test_symlinks (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "dawn.png", "dawn");
  g_autoptr(BylineArticle) article = new_article ("Harbour opens its new marina", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *secret = tmp_path (fixture, "secret.txt", NULL);
  g_autofree char *outside = tmp_path (fixture, "outside", NULL);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *index_path = tmp_path (fixture, "site", "index.html", NULL);
  g_autofree char *images = tmp_path (fixture, "site", "images", NULL);
  g_autofree char *page = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GError) error = NULL;

  keep_image (fixture, article, image);
  save_article (fixture, article);
  page = dup_site_page (site, article);
  g_file_set_contents (secret, "do not overwrite", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (outside, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (site, 0755), ==, 0);

  /* A link where a page goes. */
  g_assert_cmpint (symlink (secret, page), ==, 0);
  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_CLASH);
  g_clear_error (&error);
  g_file_get_contents (secret, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "do not overwrite");
  g_assert_cmpint (g_remove (page), ==, 0);

  /* A link as the images folder. */
  g_assert_cmpint (symlink (outside, images), ==, 0);
  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (outside), ==, 0);
  g_assert_cmpint (g_remove (images), ==, 0);

  /* A link as the front page, after a good export. */
  export_site (fixture, dir, NULL);
  g_assert_cmpint (g_remove (index_path), ==, 0);
  g_assert_cmpint (symlink (secret, index_path), ==, 0);
  g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                             NULL, NULL, NULL, &error));
  g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_CLASH);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (secret, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "do not overwrite");
}

/* A slug planted in the database never takes a page out of the folder. */
static void
test_unsafe_slug (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Harbour opens its new marina", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *db = tmp_path (fixture, "newsroom.db", NULL);
  g_autofree char *deep = tmp_path (fixture, "a", "b", "site", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (deep);
  g_autoptr(GError) error = NULL;
  const char *slugs[] = { "../../x", "../../../../../../tmp/byline-escape", "/etc/x", ".hidden" };

  save_article (fixture, article);

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE articles SET slug = '%s' WHERE id = %" G_GINT64_FORMAT,
                                              slugs[i], byline_article_get_id (article));

      byline_test_sql_exec (db, sql);
      g_assert_false (byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                                 NULL, NULL, NULL, &error));
      g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_UNSAFE_NAME);
      g_assert_nonnull (strstr (error->message, slugs[i]));
      g_clear_error (&error);
    }

  /* Nothing was written anywhere. */
  {
    g_autofree char *a = tmp_path (fixture, "a", NULL);
    g_autofree char *x = tmp_path (fixture, "x.html", NULL);

    g_assert_false (g_file_test (a, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
  }
  g_assert_false (g_file_test ("/tmp/byline-escape.html", G_FILE_TEST_EXISTS));
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

/* Temporary files of the export: none may be left. */
static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, BYLINE_EXPORT_TEMP_PREFIX) || g_str_has_prefix (name, ".goutputstream"))
        n++;
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += count_temp_files (path);
    }

  return n;
}

/* The disk fills up part way through a file: the page exported before is
 * still whole, nothing is half written, and no temporary file stays. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *image = write_image (fixture, "photos", "dawn.png", "dawn");
  g_autoptr(BylineArticle) first = new_article ("Harbour opens its new marina", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autoptr(BylineArticle) second = new_article ("Ferry timetable changes", BYLINE_STATUS_PUBLISHED, 1708000000);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *index_path = tmp_path (fixture, "site", "index.html", NULL);
  g_autofree char *page_path = NULL;
  g_autofree char *good_index = NULL;
  g_autofree char *good_page = NULL;
  g_autofree char *page_after = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  const gssize limits[] = { 0, 1, 100, 4096, 8192, 12000, 20000, 30000 };

  keep_image (fixture, first, image);
  save_article (fixture, first);
  save_article (fixture, second);
  page_path = dup_site_page (site, first);
  export_site (fixture, dir, NULL);
  good_index = read_file (index_path);
  good_page = read_file (page_path);

  /* The articles change, so every file would change. */
  byline_article_set_body (first, "A much longer body this time, which the full disk cuts short.\n\n"
                                  "It has a second paragraph too.\n");
  save_article (fixture, first);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *index_now = NULL;
      g_autofree char *page_now = NULL;
      gboolean ok;

      _byline_export_writer_fail_after (limits[i]);
      ok = byline_export_publication (fixture->store, fixture->publication, dir, NULL,
                                      NULL, NULL, NULL, &error);
      _byline_export_writer_fail_after (-1);

      g_test_message ("disk full after %" G_GSSIZE_FORMAT " bytes", limits[i]);
      g_assert_false (ok);
      g_assert_error (error, BYLINE_EXPORT_ERROR, BYLINE_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "disk is full"));

      /* Each page is the old one or the new one, whole. */
      index_now = read_file (index_path);
      page_now = read_file (page_path);
      g_assert_cmpstr (index_now, ==, good_index);
      g_assert_true (g_str_equal (page_now, good_page) ||
                     (g_str_has_suffix (page_now, "</html>\n") && strstr (page_now, "second paragraph") != NULL));
      g_assert_cmpuint (count_temp_files (site), ==, 0);
    }

  /* With room again, the export goes through. */
  export_site (fixture, dir, NULL);
  page_after = read_file (page_path);
  g_assert_nonnull (strstr (page_after, "second paragraph"));
}

/* What an export killed before renaming left is cleared by the next. */
static void
test_stale_temp_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BylineArticle) article = new_article ("Harbour opens its new marina", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autofree char *images = tmp_path (fixture, "site", "images", NULL);
  g_autofree char *stale = tmp_path (fixture, "site", BYLINE_EXPORT_TEMP_PREFIX "x1y2z3", NULL);
  g_autofree char *stale_image = tmp_path (fixture, "site", "images", BYLINE_EXPORT_TEMP_PREFIX "q9", NULL);
  g_autofree char *other = tmp_path (fixture, "site", ".gitignore", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);

  save_article (fixture, article);
  g_assert_cmpint (g_mkdir_with_parents (images, 0755), ==, 0);
  g_file_set_contents (stale, "<!DOCTYPE html><html><body><p>half", -1, NULL);
  g_file_set_contents (stale_image, "\x89PNG", -1, NULL);
  g_file_set_contents (other, "*.bak\n", -1, NULL);

  export_site (fixture, dir, NULL);
  g_assert_cmpuint (count_temp_files (site), ==, 0);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
}

/* A front-matter "image:" naming something that is no picture (a secret,
 * a device) is never copied out. */
static void
test_not_an_image (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *secret = tmp_path (fixture, "shadow", NULL);
  g_autoptr(BylineArticle) article = new_article ("Harbour opens its new marina", BYLINE_STATUS_PUBLISHED, 1707000000);
  g_autofree char *site = tmp_path (fixture, "site", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (site);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  g_file_set_contents (secret, "root:$6$secret-hash:19000:0:99999:7:::\n", -1, NULL);
  byline_article_set_image (article, secret);
  save_article (fixture, article);

  export_site (fixture, dir, notes);
  g_assert_false (tree_contains (site, "secret-hash"));
  g_assert_true (notes_mention (notes, secret));
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
  g_assert_true (byline_export_article_html (fixture->store, article, fixture->publication, output,
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

/* --- the preview's copies of pictures ----------------------------------------- */

static void
write_copy (const char *dir,
            const char *name,
            gint64      days_ago)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "picture", -1, NULL));
  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - days_ago * 24 * 60 * 60;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static gboolean
copy_exists (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

static gint64
copy_age_days (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (g_get_real_time () / G_USEC_PER_SEC - (gint64) st.st_mtime) / (24 * 60 * 60);
}

/* Copies unused for a month go; copies in use, other files, links and
 * folders stay. */
static void
test_prune_copies (void)
{
  g_autofree char *dir = byline_test_make_tmp_dir ("byline-pictures-XXXXXX");
  g_autofree char *outside = byline_test_make_tmp_dir ("byline-outside-XXXXXX");
  g_autofree char *target = g_build_filename (outside, "kept.jpg", NULL);
  g_autofree char *link = g_build_filename (dir, "aaaaaaaaaaaaaaaa.gif", NULL);
  g_autofree char *folder = g_build_filename (dir, "bbbbbbbbbbbbbbbb.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere", NULL);
  g_autofree char *used = g_build_filename (dir, "fedcba9876543210.png", NULL);

  write_copy (dir, "0123456789abcdef.jpg", 40);      /* unused for 40 days */
  write_copy (dir, "fedcba9876543210.png", 2);       /* shown two days ago */
  write_copy (dir, "0123456789abcdef.txt", 40);      /* not a picture's name */
  write_copy (dir, "holiday.jpg", 40);
  write_copy (dir, "0123456789ABCDEF.jpg", 40);
  write_copy (outside, "kept.jpg", 40);
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_cmpuint (byline_media_prune_copies (dir, 30 * G_TIME_SPAN_DAY), ==, 1);
  g_assert_false (copy_exists (dir, "0123456789abcdef.jpg"));
  g_assert_true (copy_exists (dir, "fedcba9876543210.png"));
  g_assert_true (copy_exists (dir, "0123456789abcdef.txt"));
  g_assert_true (copy_exists (dir, "holiday.jpg"));
  g_assert_true (copy_exists (dir, "0123456789ABCDEF.jpg"));
  g_assert_true (copy_exists (dir, "aaaaaaaaaaaaaaaa.gif"));
  g_assert_true (copy_exists (outside, "kept.jpg"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* A folder that is not there: nothing to do. */
  g_assert_cmpuint (byline_media_prune_copies (missing, 30 * G_TIME_SPAN_DAY), ==, 0);

  /* Showing a copy marks it used, at most once a day. */
  g_assert_cmpint (copy_age_days (dir, "fedcba9876543210.png"), ==, 2);
  byline_media_touch_copy (used);
  g_assert_cmpint (copy_age_days (dir, "fedcba9876543210.png"), ==, 0);
  g_assert_cmpuint (byline_media_prune_copies (dir, G_TIME_SPAN_DAY), ==, 0);
  g_assert_true (copy_exists (dir, "fedcba9876543210.png"));

  byline_test_remove_tree (dir);
  byline_test_remove_tree (outside);
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
  ADD ("/byline/exporter/ninjs/uri-stable", test_ninjs_uri_stable);
  ADD ("/byline/exporter/ninjs/language", test_ninjs_language);
  ADD ("/byline/exporter/ninjs/version", test_ninjs_version);
  ADD ("/byline/exporter/ninjs/file", test_ninjs_file);
  ADD ("/byline/exporter/publication/pages", test_publication);
  ADD ("/byline/exporter/publication/shared-picture", test_publication_shared_picture);
  ADD ("/byline/exporter/publication/nothing", test_publication_nothing);
  ADD ("/byline/exporter/publication/cancelled", test_publication_cancelled);
  ADD ("/byline/exporter/publication/unpublished-pins", test_unpublished_pins);
  ADD ("/byline/exporter/publication/take-down", test_take_down);
  ADD ("/byline/exporter/publication/foreign-files", test_foreign_files);
  ADD ("/byline/exporter/publication/symlinks", test_symlinks);
  ADD ("/byline/exporter/publication/unsafe-slug", test_unsafe_slug);
  ADD ("/byline/exporter/publication/disk-full", test_disk_full);
  ADD ("/byline/exporter/publication/stale-temp-files", test_stale_temp_files);
  ADD ("/byline/exporter/publication/not-an-image", test_not_an_image);
  ADD ("/byline/exporter/errors/missing-folder", test_error_missing_folder);
  ADD ("/byline/exporter/errors/not-a-folder", test_error_not_a_folder);
  ADD ("/byline/exporter/errors/image-folder-taken", test_error_image_folder_taken);
  ADD ("/byline/exporter/errors/read-only", test_error_read_only);
  ADD ("/byline/exporter/check-pins/article", test_check_pins);
  ADD ("/byline/exporter/check-pins/publication", test_check_publication_pins);
  g_test_add_func ("/byline/media/prune-copies", test_prune_copies);

#undef ADD

  return g_test_run ();
}
