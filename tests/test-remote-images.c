/* test-remote-images.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-remote-images"

#include "config.h"

#include "byline-remote-images.h"
#include "byline-test-util.h"

/* Which addresses make a page reach another machine, and which machine. */
static void
test_host (void)
{
  static const struct {
    const char *url;
    const char *host;
  } cases[] = {
    { "https://images.example.com/ferry.jpg", "images.example.com" },
    { "http://127.0.0.1:8080/x.jpg", "127.0.0.1" },
    { "HTTPS://Images.Example.COM/a.png?w=1#top", "images.example.com" },
    { "  https://example.org", "example.org" },
    { "https://user:secret@example.org/a.jpg", "example.org" },
    { "http://[::1]:8080/a.jpg", "[::1]" },
    { "http://[2001:db8::1]/a.jpg", "[2001:db8::1]" },
    /* What browsers read as the same address. */
    { "https:images.example.com/a.jpg", "images.example.com" },
    { "https:\\\\images.example.com\\a.jpg", "images.example.com" },
    { "ht\ttps://exa\nmple.org/a.jpg", "example.org" },
    /* Network-path references: the page's own scheme, another machine. */
    { "//cdn.example.org/gull.jpg", "cdn.example.org" },
    { "\\\\cdn.example.org/gull.jpg", "cdn.example.org" },
    { "/\\cdn.example.org/gull.jpg", "cdn.example.org" },
    /* On this machine, or nowhere. */
    { "images/map.png", NULL },
    { "/srv/photos/map.png", NULL },
    { "file:///srv/photos/map.png", NULL },
    { "data:image/png;base64,AAAA", NULL },
    { "javascript:alert(1)", NULL },
    { "mailto:desk@example.org", NULL },
    { "", NULL },
    { "https://", NULL },
    { "https:///a.jpg", "a.jpg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *host = byline_remote_image_dup_host (cases[i].url);

      g_test_message ("%s", cases[i].url);
      g_assert_cmpstr (host, ==, cases[i].host);
    }
}

/* The images a page would fetch: the lead image when it is on the web, then
 * the body's, each once; not links, not files, not what the page drops. */
static void
test_list (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) urls = NULL;

  byline_article_set_image (article, "https://photos.example.net/lead.jpg");
  byline_article_set_body (article,
                           "![one](https://images.example.com/a.jpg) and [a link](https://example.org/b.jpg).\n\n"
                           "![again](https://images.example.com/a.jpg) ![map](images/map.png)\n\n"
                           "- ![in a list](//cdn.example.org/c.jpg)\n\n"
                           "```\n![in code](https://code.example.org/not-an-image.jpg)\n```\n\n"
                           "<img src=\"https://raw.example.org/dropped.jpg\">\n\n"
                           "![script](javascript:alert(1))\n");
  urls = byline_remote_images_list (article);

  g_assert_cmpuint (urls->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (urls, 0), ==, "https://photos.example.net/lead.jpg");
  g_assert_cmpstr (g_ptr_array_index (urls, 1), ==, "https://images.example.com/a.jpg");
  g_assert_cmpstr (g_ptr_array_index (urls, 2), ==, "//cdn.example.org/c.jpg");

  g_clear_pointer (&urls, g_ptr_array_unref);
  byline_article_set_image (article, "/srv/photos/lead.jpg");
  byline_article_set_body (article, "No pictures here.");
  urls = byline_remote_images_list (article);
  g_assert_cmpuint (urls->len, ==, 0);
}

/* The reader's choice to load an article's remote images is kept by its
 * uuid, survives reading the file again, and can be taken back; a choice
 * for one article says nothing of another. */
static void
test_choices (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = byline_test_make_tmp_dir ("byline-remote-images-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "deeper", "remote-images.ini", NULL);
  const char *ferry = "6f1c3a9e-2b7d-4c58-8e0f-91d2a4b7c615";
  const char *pier = "0b7f2d4e-5c1a-4f7e-9d33-2a6c8e1f0a43";

  g_assert_false (byline_remote_images_get_allowed (path, ferry));

  g_assert_true (byline_remote_images_set_allowed (path, ferry, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (byline_remote_images_get_allowed (path, ferry));
  g_assert_false (byline_remote_images_get_allowed (path, pier));

  g_assert_true (byline_remote_images_set_allowed (path, pier, TRUE, &error));
  g_assert_true (byline_remote_images_set_allowed (path, ferry, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (byline_remote_images_get_allowed (path, ferry));
  g_assert_true (byline_remote_images_get_allowed (path, pier));

  /* No uuid (an article never saved), or a damaged file: nothing allowed. */
  g_assert_false (byline_remote_images_get_allowed (path, ""));
  g_assert_false (byline_remote_images_get_allowed (path, NULL));
  g_assert_true (g_file_set_contents (path, "[Load remote images\n\xff\xfe", -1, NULL));
  g_assert_false (byline_remote_images_get_allowed (path, pier));
  g_assert_true (byline_remote_images_set_allowed (path, ferry, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (byline_remote_images_get_allowed (path, ferry));

  byline_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/remote-images/host", test_host);
  g_test_add_func ("/byline/remote-images/list", test_list);
  g_test_add_func ("/byline/remote-images/choices", test_choices);

  return g_test_run ();
}
