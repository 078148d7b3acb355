/* byline-workflow.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-workflow.h"

G_DEFINE_QUARK (byline-workflow-error-quark, byline_workflow_error)

static const BylineStatus from_draft[] = {
  BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_SPIKED,
};
static const BylineStatus from_in_review[] = {
  BYLINE_STATUS_APPROVED, BYLINE_STATUS_DRAFT, BYLINE_STATUS_SPIKED,
};
static const BylineStatus from_approved[] = {
  BYLINE_STATUS_PUBLISHED, BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_SPIKED,
};
static const BylineStatus from_published[] = {
  BYLINE_STATUS_APPROVED, BYLINE_STATUS_SPIKED,
};
/* A spiked article's way back, indexed by the state it was spiked from. */
static const BylineStatus restore_to[] = {
  BYLINE_STATUS_DRAFT, BYLINE_STATUS_IN_REVIEW, BYLINE_STATUS_APPROVED, BYLINE_STATUS_PUBLISHED,
};

static gboolean
status_is_valid (BylineStatus status)
{
  return (guint) status < BYLINE_N_STATUSES;
}

/**
 * byline_workflow_next_states:
 * @from: the article's state
 * @spiked_from: for a spiked article, the state it was spiked from
 * @n_states: (out): return location for the number of states
 *
 * Returns: (array length=n_states) (transfer none): the states @from may
 *   move to
 */
const BylineStatus *
byline_workflow_next_states (BylineStatus  from,
                             BylineStatus  spiked_from,
                             guint        *n_states)
{
  g_return_val_if_fail (n_states != NULL, NULL);

  switch (from)
    {
    case BYLINE_STATUS_DRAFT:
      *n_states = G_N_ELEMENTS (from_draft);
      return from_draft;
    case BYLINE_STATUS_IN_REVIEW:
      *n_states = G_N_ELEMENTS (from_in_review);
      return from_in_review;
    case BYLINE_STATUS_APPROVED:
      *n_states = G_N_ELEMENTS (from_approved);
      return from_approved;
    case BYLINE_STATUS_PUBLISHED:
      *n_states = G_N_ELEMENTS (from_published);
      return from_published;
    case BYLINE_STATUS_SPIKED:
      /* Spiked from nowhere we know of (or from "spiked", which cannot
       * happen): the safe way back is a draft. */
      if (!status_is_valid (spiked_from) || spiked_from == BYLINE_STATUS_SPIKED)
        spiked_from = BYLINE_STATUS_DRAFT;
      *n_states = 1;
      return &restore_to[spiked_from];
    default:
      *n_states = 0;
      g_return_val_if_reached (NULL);
    }
}

gboolean
byline_workflow_can_transition (BylineStatus from,
                                BylineStatus spiked_from,
                                BylineStatus to)
{
  const BylineStatus *next;
  guint n_next = 0;

  if (!status_is_valid (from) || !status_is_valid (to))
    return FALSE;

  next = byline_workflow_next_states (from, spiked_from, &n_next);
  for (guint i = 0; i < n_next; i++)
    {
      if (next[i] == to)
        return TRUE;
    }

  return FALSE;
}

/**
 * byline_workflow_check:
 * @from: the article's state
 * @spiked_from: for a spiked article, the state it was spiked from
 * @to: the state asked for
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the workflow allows the step, else %FALSE with @error
 *   saying what the article can do instead
 */
gboolean
byline_workflow_check (BylineStatus   from,
                       BylineStatus   spiked_from,
                       BylineStatus   to,
                       GError       **error)
{
  const char *to_label;

  if (!status_is_valid (from) || !status_is_valid (to))
    {
      g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                   _("Unknown article state. Use draft, in-review, approved, published or spiked."));
      return FALSE;
    }

  if (byline_workflow_can_transition (from, spiked_from, to))
    return TRUE;

  to_label = byline_status_get_label (to);

  if (from == to)
    {
      g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_UNCHANGED,
                   /* Translators: %s is the article’s state, such as “Published” */
                   _("The article is already %s. Choose another state."),
                   to_label);
      return FALSE;
    }

  switch (from)
    {
    case BYLINE_STATUS_DRAFT:
      g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                   _("A draft can only go on to In Review, not to %s. Send it for review first."),
                   to_label);
      break;
    case BYLINE_STATUS_IN_REVIEW:
      g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                   _("An article in review can go back to Draft or on to Approved, not to %s. "
                     "Approve it first."),
                   to_label);
      break;
    case BYLINE_STATUS_APPROVED:
      g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                   _("An approved article can go back to In Review or on to Published, not to %s. "
                     "Reopen it for review first."),
                   to_label);
      break;
    case BYLINE_STATUS_PUBLISHED:
      g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                   _("A published article can only be unpublished back to Approved, not to %s. "
                     "Unpublish it first."),
                   to_label);
      break;
    case BYLINE_STATUS_SPIKED:
      {
        guint n_next = 0;
        const BylineStatus *next = byline_workflow_next_states (from, spiked_from, &n_next);

        g_set_error (error, BYLINE_WORKFLOW_ERROR, BYLINE_WORKFLOW_ERROR_REFUSED,
                     _("A spiked article can only be restored to %s, where it was spiked from, "
                       "not to %s. Restore it first."),
                     byline_status_get_label (next[0]), to_label);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

gboolean
byline_workflow_needs_editor (BylineStatus from,
                              BylineStatus to)
{
  return !((from == BYLINE_STATUS_DRAFT && to == BYLINE_STATUS_IN_REVIEW) ||
           (from == BYLINE_STATUS_IN_REVIEW && to == BYLINE_STATUS_DRAFT));
}
