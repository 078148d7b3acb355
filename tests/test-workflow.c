/* test-workflow.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-workflow.h"

#define D BYLINE_STATUS_DRAFT
#define R BYLINE_STATUS_IN_REVIEW
#define A BYLINE_STATUS_APPROVED
#define P BYLINE_STATUS_PUBLISHED
#define S BYLINE_STATUS_SPIKED

/* The desk's policy, written out by hand: allowed[from][to] for every state
 * but Spiked. One step forward, one step back, or onto the spike. */
static const gboolean allowed[4][BYLINE_N_STATUSES] = {
  /*            D      R      A      P      S   */
  [D] = { FALSE, TRUE,  FALSE, FALSE, TRUE },
  [R] = { TRUE,  FALSE, TRUE,  FALSE, TRUE },
  [A] = { FALSE, TRUE,  FALSE, TRUE,  TRUE },
  [P] = { FALSE, FALSE, TRUE,  FALSE, TRUE },
};

/* What each refusal must tell the person: what the article can do, and the
 * step to take first. */
static const struct {
  BylineStatus from;
  BylineStatus to;
  const char  *message;
} refusals[] = {
  { D, A, "A draft can only go on to In Review, not to Approved. Send it for review first." },
  { D, P, "A draft can only go on to In Review, not to Published. Send it for review first." },
  { R, P, "An article in review can go back to Draft or on to Approved, not to Published. Approve it first." },
  { A, D, "An approved article can go back to In Review or on to Published, not to Draft. Reopen it for review first." },
  { P, D, "A published article can only be unpublished back to Approved, not to Draft. Unpublish it first." },
  { P, R, "A published article can only be unpublished back to Approved, not to In Review. Unpublish it first." },
};

static void
test_every_pair (void)
{
  for (BylineStatus from = D; from <= P; from++)
    {
      for (BylineStatus to = D; to <= S; to++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok;

          /* spiked_from is ignored unless the article is spiked. */
          for (BylineStatus spiked_from = D; spiked_from <= P; spiked_from++)
            g_assert_cmpint (byline_workflow_can_transition (from, spiked_from, to), ==, allowed[from][to]);

          ok = byline_workflow_check (from, D, to, &error);
          g_test_message ("%s -> %s: %s", byline_status_to_string (from),
                          byline_status_to_string (to), ok ? "allowed" : error->message);
          g_assert_cmpint (ok, ==, allowed[from][to]);

          if (ok)
            {
              g_assert_no_error (error);
              continue;
            }

          g_assert_nonnull (error);
          if (from == to)
            {
              g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_UNCHANGED);
              g_assert_nonnull (strstr (error->message, "already"));
              g_assert_nonnull (strstr (error->message, byline_status_get_label (to)));
              continue;
            }

          g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED);
          for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
            {
              if (refusals[i].from == from && refusals[i].to == to)
                {
                  g_assert_cmpstr (error->message, ==, refusals[i].message);
                  break;
                }
              /* Every refused pair other than staying put has its message. */
              g_assert_cmpuint (i + 1, <, G_N_ELEMENTS (refusals));
            }
        }
    }
}

static void
test_spiked (void)
{
  /* A spiked article goes back where it came from, and nowhere else. */
  for (BylineStatus spiked_from = D; spiked_from <= P; spiked_from++)
    {
      for (BylineStatus to = D; to <= S; to++)
        {
          g_autoptr(GError) error = NULL;
          gboolean expected = to == spiked_from;

          g_assert_cmpint (byline_workflow_can_transition (S, spiked_from, to), ==, expected);
          g_assert_cmpint (byline_workflow_check (S, spiked_from, to, &error), ==, expected);

          if (expected)
            {
              g_assert_no_error (error);
            }
          else if (to == S)
            {
              g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_UNCHANGED);
            }
          else
            {
              g_autofree char *message =
                g_strdup_printf ("A spiked article can only be restored to %s, where it was spiked "
                                 "from, not to %s. Restore it first.",
                                 byline_status_get_label (spiked_from),
                                 byline_status_get_label (to));

              g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED);
              g_assert_cmpstr (error->message, ==, message);
            }
        }
    }

  /* Spiked from nowhere known (an old database): back to a draft. */
  g_assert_true (byline_workflow_can_transition (S, S, D));
  g_assert_false (byline_workflow_can_transition (S, S, R));
  g_assert_true (byline_workflow_can_transition (S, (BylineStatus) 42, D));
}

static void
test_next_states (void)
{
  static const struct {
    BylineStatus from;
    BylineStatus spiked_from;
    BylineStatus next[3];
    guint        n_next;
  } cases[] = {
    /* The step forward first, then the step back, then the spike. */
    { D, D, { R, S }, 2 },
    { R, D, { A, D, S }, 3 },
    { A, D, { P, R, S }, 3 },
    { P, D, { A, S }, 2 },
    { S, D, { D }, 1 },
    { S, R, { R }, 1 },
    { S, A, { A }, 1 },
    { S, P, { P }, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_next = 99;
      const BylineStatus *next = byline_workflow_next_states (cases[i].from, cases[i].spiked_from, &n_next);

      g_assert_cmpuint (n_next, ==, cases[i].n_next);
      for (guint j = 0; j < n_next; j++)
        {
          g_assert_cmpint (next[j], ==, cases[i].next[j]);
          g_assert_true (byline_workflow_can_transition (cases[i].from, cases[i].spiked_from, next[j]));
        }
    }
}

static void
test_forward_path (void)
{
  static const BylineStatus path[] = { D, R, A, P };

  /* The four-step path to publication, and back down it. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (path); i++)
    {
      g_assert_true (byline_workflow_check (path[i], D, path[i + 1], NULL));
      g_assert_true (byline_workflow_check (path[i + 1], D, path[i], NULL));
    }
}

static void
test_invalid_state (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (byline_workflow_can_transition ((BylineStatus) 17, D, R));
  g_assert_false (byline_workflow_check (D, D, (BylineStatus) 17, &error));
  g_assert_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "draft, in-review, approved, published or spiked"));
}

/* A reporter's steps: a draft to review and back; every other is an
 * editor's, as the newsroom server's byline.workflow_needs_editor() says. */
static void
test_needs_editor (void)
{
  for (BylineStatus from = 0; from < BYLINE_N_STATUSES; from++)
    for (BylineStatus to = 0; to < BYLINE_N_STATUSES; to++)
      {
        gboolean reporters = (from == BYLINE_STATUS_DRAFT && to == BYLINE_STATUS_IN_REVIEW) ||
                             (from == BYLINE_STATUS_IN_REVIEW && to == BYLINE_STATUS_DRAFT);

        g_assert_cmpint (byline_workflow_needs_editor (from, to), ==, !reporters);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/workflow/every-pair", test_every_pair);
  g_test_add_func ("/byline/workflow/spiked", test_spiked);
  g_test_add_func ("/byline/workflow/next-states", test_next_states);
  g_test_add_func ("/byline/workflow/forward-path", test_forward_path);
  g_test_add_func ("/byline/workflow/invalid-state", test_invalid_state);

  g_test_add_func ("/byline/workflow/needs-editor", test_needs_editor);

  return g_test_run ();
}
