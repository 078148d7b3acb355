/* byline-check.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-check"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-check.h"
#include "byline-pin.h"
#include "byline-text-private.h"
#include "byline-text.h"

void
byline_check_problem_free (BylineCheckProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->detail);
  g_free (problem);
}

const char *
byline_check_kind_to_string (BylineCheckKind kind)
{
  switch (kind)
    {
    case BYLINE_CHECK_EMPTY:
      return "empty";
    case BYLINE_CHECK_LINK:
      return "link";
    case BYLINE_CHECK_IMAGE:
      return "image";
    case BYLINE_CHECK_BUDGET:
      return "budget";
    case BYLINE_CHECK_SPELLING:
      return "spelling";
    default:
      g_return_val_if_reached ("unknown");
    }
}

static BylineCheckProblem *
add_problem (GPtrArray       *problems,
             BylineCheckKind  kind,
             const char      *field,
             gboolean         blocking,
             char            *detail)
{
  BylineCheckProblem *problem = g_new0 (BylineCheckProblem, 1);

  problem->kind = kind;
  problem->field = g_strdup (field);
  problem->detail = detail;
  problem->blocking = blocking;
  problem->start = problem->end = -1;
  g_ptr_array_add (problems, problem);

  return problem;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
check_empty (BylineArticle *article,
             GPtrArray     *problems)
{
  if (is_blank (byline_article_get_headline (article)))
    add_problem (problems, BYLINE_CHECK_EMPTY, "headline", TRUE, g_strdup (_("The article has no headline.")));
  if (is_blank (byline_article_get_byline (article)))
    add_problem (problems, BYLINE_CHECK_EMPTY, "byline", FALSE, g_strdup (_("The article has no byline.")));
  if (byline_text_count_words (byline_article_get_body (article), BYLINE_TEXT_MARKDOWN) == 0)
    add_problem (problems, BYLINE_CHECK_EMPTY, "body", TRUE, g_strdup (_("The article has no body.")));
}

static void
check_links (BylineArticle *article,
             BylineStore   *store,
             GPtrArray     *problems)
{
  GListModel *pins = byline_article_get_pins (article);
  guint n = g_list_model_get_n_items (pins);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      g_autoptr(BylineArticle) related = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *place = byline_pin_dup_place (byline_pin_get_position (pin));
      const char *headline = byline_pin_get_headline (pin);
      gint64 id = byline_pin_get_related_id (pin);

      if (headline == NULL || *headline == '\0')
        headline = _("Untitled");

      if (!byline_pin_is_resolved (pin))
        {
          add_problem (problems, BYLINE_CHECK_LINK, "pins", FALSE,
                       /* Translators: a READ: link; the first %s is a headline, the second a place ("after paragraph 2") */
                       g_strdup_printf (_("The READ: link “%s” %s names no article in the newsroom: "
                                          "it goes out as plain text."), headline, place));
          continue;
        }

      if (store == NULL)
        continue;

      related = byline_store_load_article (store, id, &error);
      if (related == NULL)
        {
          if (g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND))
            add_problem (problems, BYLINE_CHECK_LINK, "pins", TRUE,
                         g_strdup_printf (_("The READ: link “%s” %s leads to an article that no longer "
                                            "exists: remove the link or choose another article."),
                                          headline, place));
          else
            add_problem (problems, BYLINE_CHECK_LINK, "pins", FALSE,
                         g_strdup_printf (_("The READ: link “%s” %s could not be checked: %s"),
                                          headline, place, error->message));
          continue;
        }

      if (byline_article_get_status (related) != BYLINE_STATUS_PUBLISHED)
        add_problem (problems, BYLINE_CHECK_LINK, "pins", TRUE,
                     g_strdup_printf (_("The READ: link “%s” %s leads to an article that is not "
                                        "published: publish it first, or remove the link."),
                                      byline_article_get_headline (related), place));
    }
}

static void
check_image (BylineArticle *article,
             GPtrArray     *problems)
{
  if (!is_blank (byline_article_get_image (article)) && is_blank (byline_article_get_image_alt (article)))
    add_problem (problems, BYLINE_CHECK_IMAGE, "image-alt", FALSE,
                 g_strdup (_("The lead image has no description for readers who cannot see it.")));
}

static void
check_budget (GPtrArray  *problems,
              const char *field,
              const char *label,
              const char *text,
              guint       budget)
{
  guint n = text != NULL ? (guint) g_utf8_strlen (text, -1) : 0;

  if (budget == 0 || n <= budget)
    return;

  add_problem (problems, BYLINE_CHECK_BUDGET, field, FALSE,
               /* Translators: "The headline has 84 characters, 14 over its budget of 70." */
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s has %u characters, %u over its budget of %u.",
                                             "%s has %u characters, %u over its budget of %u.",
                                             n - budget),
                                label, n, n - budget, budget));
}

static void
check_spelling_field (GPtrArray          *problems,
                      BylineSpellChecker *checker,
                      const char         *field,
                      const char         *text,
                      BylineTextFormat    format)
{
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *valid = NULL;
  /* The ranges come in order: walk the text once, keeping the place and
   * the line of the last one, rather than counting from the start for
   * each (quadratic: 1.4 s for a 10,000-word body full of misspellings). */
  const char *at;
  guint at_offset = 0;
  guint line = 1;

  if (text == NULL || *text == '\0')
    return;

  /* The offsets are in the text the checker read: valid UTF-8, which a
   * newsroom file made by hand may not hold. */
  text = at = valid = _byline_text_dup_valid (text);
  ranges = byline_spell_checker_check_text (checker, text, format);
  for (guint i = 0; i < ranges->len; i++)
    {
      const BylineSpellRange *r = &g_array_index (ranges, BylineSpellRange, i);
      const char *start;
      const char *end;
      g_autofree char *word = NULL;
      BylineCheckProblem *problem;

      g_assert (r->start >= at_offset);
      start = g_utf8_offset_to_pointer (at, r->start - at_offset);
      end = g_utf8_offset_to_pointer (start, r->end - r->start);
      word = g_strndup (start, end - start);

      if (format == BYLINE_TEXT_MARKDOWN)
        {
          for (const char *p = at; p < start; p++)
            if (*p == '\n')
              line++;
          /* Translators: a misspelled word and the line of the body it is on */
          problem = add_problem (problems, BYLINE_CHECK_SPELLING, field, FALSE,
                                 g_strdup_printf (_("“%s” (line %u) is not in the dictionary."), word, line));
        }
      else
        problem = add_problem (problems, BYLINE_CHECK_SPELLING, field, FALSE,
                               g_strdup_printf (_("“%s” is not in the dictionary."), word));
      problem->start = r->start;
      problem->end = r->end;
      at = start;
      at_offset = r->start;
    }
}

GPtrArray *
byline_check_article (BylineArticle            *article,
                      BylineStore              *store,
                      const BylineCheckBudgets *budgets,
                      BylineSpellChecker       *checker)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_check_problem_free);
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), problems);
  g_return_val_if_fail (store == NULL || BYLINE_IS_STORE (store), problems);

  check_empty (article, problems);
  check_links (article, store, problems);
  check_image (article, problems);
  if (budgets != NULL)
    {
      check_budget (problems, "headline", _("The headline"), byline_article_get_headline (article),
                    budgets->headline);
      check_budget (problems, "standfirst", _("The standfirst"), byline_article_get_standfirst (article),
                    budgets->standfirst);
      check_budget (problems, "caption", _("The caption"), byline_article_get_caption (article),
                    budgets->caption);
    }
  if (checker != NULL)
    {
      check_spelling_field (problems, checker, "headline", byline_article_get_headline (article), BYLINE_TEXT_PLAIN);
      check_spelling_field (problems, checker, "standfirst", byline_article_get_standfirst (article),
                            BYLINE_TEXT_PLAIN);
      check_spelling_field (problems, checker, "caption", byline_article_get_caption (article), BYLINE_TEXT_PLAIN);
      check_spelling_field (problems, checker, "body", byline_article_get_body (article), BYLINE_TEXT_MARKDOWN);
    }

  /* g_ptr_array_sort is not stable: keep the order within a kind. */
  {
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gpointer));

    for (guint pass = 0; pass < 2; pass++)
      for (guint kind = BYLINE_CHECK_EMPTY; kind <= BYLINE_CHECK_SPELLING; kind++)
        for (guint i = 0; i < problems->len; i++)
          {
            BylineCheckProblem *p = g_ptr_array_index (problems, i);

            if (p->kind == kind && p->blocking == (pass == 0))
              g_array_append_val (order, p);
          }

    g_ptr_array_set_free_func (problems, NULL);
    sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_check_problem_free);
    for (guint i = 0; i < order->len; i++)
      g_ptr_array_add (sorted, g_array_index (order, gpointer, i));
    g_ptr_array_unref (problems);
  }

  return g_steal_pointer (&sorted);
}

gboolean
byline_check_blocks (GPtrArray *problems)
{
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    if (((BylineCheckProblem *) g_ptr_array_index (problems, i))->blocking)
      return TRUE;

  return FALSE;
}

gboolean
byline_check_has_kind (GPtrArray       *problems,
                       BylineCheckKind  kind)
{
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    if (((BylineCheckProblem *) g_ptr_array_index (problems, i))->kind == kind)
      return TRUE;

  return FALSE;
}
