/* test-article.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-article.h"
#include "byline-pin.h"

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties_notify_once (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  guint count = 0;

  g_signal_connect (article, "notify::headline", G_CALLBACK (notify_cb), &count);
  byline_article_set_headline (article, "Ferry strike ends");
  byline_article_set_headline (article, "Ferry strike ends");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (article, "headline", "Ferry strike ends tonight", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Ferry strike ends tonight");

  /* NULL reads back as "", never as NULL. */
  byline_article_set_caption (article, NULL);
  g_assert_cmpstr (byline_article_get_caption (article), ==, "");
  g_assert_cmpstr (byline_article_get_language (article), ==, "en");
}

static void
test_status_words (void)
{
  const char *words[] = { "draft", "in-review", "approved", "published", "spiked" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      BylineStatus status;

      g_assert_true (byline_status_from_string (words[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (byline_status_to_string (status), ==, words[i]);
    }

  {
    BylineStatus status = BYLINE_STATUS_APPROVED;

    g_assert_false (byline_status_from_string ("killed", &status));
    g_assert_false (byline_status_from_string (NULL, &status));
    g_assert_cmpint (status, ==, BYLINE_STATUS_APPROVED);
  }
}

static void
test_tags (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *joined = NULL;
  const char * const *tags;

  byline_article_set_tags_string (article, " harbour, Council ,, council, weather ");
  tags = byline_article_get_tags (article);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "harbour");
  g_assert_cmpstr (tags[1], ==, "Council");
  g_assert_cmpstr (tags[2], ==, "weather");
  joined = byline_article_dup_tags_string (article);
  g_assert_cmpstr (joined, ==, "harbour, Council, weather");
}

static void
test_slugify (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Council approves harbour budget", "council-approves-harbour-budget" },
    { "  What's next? The mayor's plan!  ", "whats-next-the-mayors-plan" },
    { "Café owners cheer new plaza", "cafe-owners-cheer-new-plaza" },
    { "<script>alert(1)</script>", "script-alert-1-script" },
    { "", "article" },
    { "!!!", "article" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = byline_slugify (cases[i].in);
      g_assert_cmpstr (slug, ==, cases[i].out);
    }

  {
    g_autofree char *long_text = g_strnfill (300, 'a');
    g_autofree char *slug = byline_slugify (long_text);
    g_assert_cmpuint (strlen (slug), <=, 80);
  }

  /* A long headline is cut after its last whole word that fits, so the
   * file name never ends in half a word ("...-operators-a"). */
  {
    g_autofree char *slug = byline_slugify ("Harbour council approves dredging plan despite objections "
                                            "from ferry operators and fishermen union leaders");
    g_assert_cmpstr (slug, ==, "harbour-council-approves-dredging-plan-despite-objections-from-ferry-operators");
  }

  /* A word ending exactly at the limit is kept whole. */
  {
    g_autofree char *a39 = g_strnfill (39, 'a');
    g_autofree char *b40 = g_strnfill (40, 'b');
    g_autofree char *text = g_strdup_printf ("%s %s next", a39, b40);
    g_autofree char *expected = g_strdup_printf ("%s-%s", a39, b40);
    g_autofree char *slug = byline_slugify (text);

    g_assert_cmpstr (slug, ==, expected);
  }
}

static void
test_copy (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(BylinePin) pin = NULL;

  byline_article_set_id (article, 7);
  byline_article_set_headline (article, "Tide tables for the week");
  byline_article_set_tags_string (article, "weather, sea");
  byline_article_set_status (article, BYLINE_STATUS_APPROVED);
  byline_article_add_pin (article, byline_pin_new (2, 3, "Storm surge warning"));

  copy = byline_article_copy (article);
  byline_article_set_headline (article, "Changed after copying");
  g_assert_cmpint (byline_article_get_id (copy), ==, 7);
  g_assert_cmpstr (byline_article_get_headline (copy), ==, "Tide tables for the week");
  g_assert_cmpint (byline_article_get_status (copy), ==, BYLINE_STATUS_APPROVED);
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (copy)), ==, 1);
  pin = g_list_model_get_item (byline_article_get_pins (copy), 0);
  g_assert_cmpuint (byline_pin_get_position (pin), ==, 2);
  g_assert_cmpint (byline_pin_get_related_id (pin), ==, 3);
  g_assert_cmpstr (byline_pin_get_headline (pin), ==, "Storm surge warning");

  g_clear_object (&pin);
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_page_name (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *name = NULL;

  byline_article_set_id (article, 12);
  byline_article_set_headline (article, "Night buses return");
  name = byline_article_dup_page_name (article);
  g_assert_cmpstr (name, ==, "12-night-buses-return.html");
}

static void
test_display_helpers (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *none = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpstr (byline_article_get_display_headline (article), ==, "Untitled Article");
  byline_article_set_headline (article, "Pier reopens");
  g_assert_cmpstr (byline_article_get_display_headline (article), ==, "Pier reopens");

  /* Published wins over updated, updated over created; nothing set is 0. */
  g_assert_cmpint (byline_article_get_shown_time (article), ==, 0);
  none = byline_article_dup_date_label (article);
  g_assert_cmpstr (none, ==, "");
  byline_article_set_created (article, 1000);
  g_assert_cmpint (byline_article_get_shown_time (article), ==, 1000);
  byline_article_set_updated (article, 2000);
  g_assert_cmpint (byline_article_get_shown_time (article), ==, 2000);
  byline_article_set_published (article, 1677834300);
  g_assert_cmpint (byline_article_get_shown_time (article), ==, 1677834300);
  label = byline_article_dup_date_label (article);   /* TZ=UTC, C locale */
  g_assert_cmpstr (label, ==, "Mar 3, 2023");
}

/* The open article: id 10, with READ: links after paragraphs 1 and 3. */
static BylineArticle *
new_linking_article (void)
{
  BylineArticle *article = byline_article_new ();

  byline_article_set_id (article, 10);
  byline_article_set_headline (article, "Harbour silt threatens ferry route");
  byline_article_add_pin (article, byline_pin_new (1, 20, "Dredging contract awarded"));
  byline_article_add_pin (article, byline_pin_new (3, 30, "Ferry fares rise"));

  return article;
}

typedef struct
{
  const char   *why;
  gint64        related_id;
  const char   *headline;
  BylineStatus  status;
  guint         position;
  int           error;       /* a BylineArticleError, or -1 */
  guint         index;       /* where the new pin lands */
  const char   *message;     /* the error's message, or the new pin's page */
} LinkCase;

static const LinkCase link_cases[] = {
  { "between the two pins", 40, "Dredger arrives", BYLINE_STATUS_PUBLISHED, 2, -1, 1, "40-dredger-arrives.html" },
  { "before the first paragraph", 41, "Lock gates", BYLINE_STATUS_DRAFT, 0, -1, 0, "41-lock-gates.html" },
  { "after a pin at the same place", 42, "Quay repairs", BYLINE_STATUS_DRAFT, 3, -1, 2, "42-quay-repairs.html" },
  { "past the last paragraph", 43, "Tide tables", BYLINE_STATUS_DRAFT, 9, -1, 2, "43-tide-tables.html" },
  { "to a spiked article: kept, flagged", 44, "Old pier", BYLINE_STATUS_SPIKED, 1, -1, 1, "44-old-pier.html" },
  { "linked once already", 30, "Ferry fares rise", BYLINE_STATUS_DRAFT, 2,
    BYLINE_ARTICLE_ERROR_ALREADY_LINKED, 0, "“Ferry fares rise” is already linked after paragraph 3" },
  { "to itself", 10, "Harbour silt threatens ferry route", BYLINE_STATUS_DRAFT, 2,
    BYLINE_ARTICLE_ERROR_SELF, 0, "An article cannot link to itself" },
  { "to an article not saved yet", 0, "Draft in progress", BYLINE_STATUS_DRAFT, 2,
    BYLINE_ARTICLE_ERROR_NOT_SAVED, 0, NULL },
};

static void
test_link_related (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (link_cases); i++)
    {
      const LinkCase *c = &link_cases[i];
      g_autoptr(BylineArticle) article = new_linking_article ();
      g_autoptr(BylineArticle) related = byline_article_new ();
      g_autoptr(GError) error = NULL;
      GListModel *pins = byline_article_get_pins (article);
      gboolean linked;

      g_test_message ("Linking %s", c->why);
      byline_article_set_id (related, c->related_id);
      byline_article_set_headline (related, c->headline);
      byline_article_set_status (related, c->status);

      linked = byline_article_link_related (article, related, c->position, &error);

      if (c->error >= 0)
        {
          g_assert_false (linked);
          g_assert_error (error, BYLINE_ARTICLE_ERROR, c->error);
          if (c->message != NULL)
            g_assert_cmpstr (error->message, ==, c->message);
          /* Nothing changed. */
          g_assert_cmpuint (g_list_model_get_n_items (pins), ==, 2);
        }
      else
        {
          g_autoptr(BylinePin) pin = NULL;

          g_assert_no_error (error);
          g_assert_true (linked);
          g_assert_cmpuint (g_list_model_get_n_items (pins), ==, 3);
          pin = g_list_model_get_item (pins, c->index);
          g_assert_cmpint (byline_pin_get_related_id (pin), ==, c->related_id);
          g_assert_cmpuint (byline_pin_get_position (pin), ==, c->position);
          g_assert_cmpstr (byline_pin_get_headline (pin), ==, c->headline);
          g_assert_cmpstr (byline_pin_get_page_name (pin), ==, c->message);
          g_assert_true (byline_pin_get_related_spiked (pin) == (c->status == BYLINE_STATUS_SPIKED));

          /* Reading order holds: positions never go down. */
          for (guint j = 1; j < 3; j++)
            {
              g_autoptr(BylinePin) before = g_list_model_get_item (pins, j - 1);
              g_autoptr(BylinePin) after = g_list_model_get_item (pins, j);

              g_assert_cmpuint (byline_pin_get_position (before), <=, byline_pin_get_position (after));
            }
        }
    }
}

static void
test_pin_place (void)
{
  g_autofree char *first = byline_pin_dup_place (0);
  g_autofree char *second = byline_pin_dup_place (2);

  g_assert_cmpstr (first, ==, "before the first paragraph");
  g_assert_cmpstr (second, ==, "after paragraph 2");
}

/* Stored tags keep a comma inside a tag ("coast, north", quoted in front
 * matter) and read text written before escaping the same. */
static void
test_tags_stored (void)
{
  const char *tags[] = { "coast, north", "back\\slash", "harbour", NULL };
  g_autofree char *stored = byline_tags_dup_stored (tags);
  g_auto(GStrv) read = byline_tags_parse_stored (stored);
  g_auto(GStrv) old = byline_tags_parse_stored ("budget,  politics ,, council");
  const char *old_expected[] = { "budget", "politics", "council", NULL };

  g_assert_cmpstr (stored, ==, "coast\\, north, back\\\\slash, harbour");
  g_assert_cmpstrv (read, tags);
  g_assert_cmpstrv (old, old_expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/article/properties-notify-once", test_properties_notify_once);
  g_test_add_func ("/byline/article/status-words", test_status_words);
  g_test_add_func ("/byline/article/tags", test_tags);
  g_test_add_func ("/byline/article/slugify", test_slugify);
  g_test_add_func ("/byline/article/copy", test_copy);
  g_test_add_func ("/byline/article/page-name", test_page_name);
  g_test_add_func ("/byline/article/display-helpers", test_display_helpers);
  g_test_add_func ("/byline/article/link-related", test_link_related);
  g_test_add_func ("/byline/article/pin-place", test_pin_place);

  g_test_add_func ("/byline/article/tags-stored", test_tags_stored);

  return g_test_run ();
}
