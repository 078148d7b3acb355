/* byline-workflow.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-article.h"

G_BEGIN_DECLS

/* The desk's workflow, without the database.
 *
 * An article moves one step at a time along
 *
 *   Draft ⇄ In Review ⇄ Approved ⇄ Published
 *
 * forward (send for review, approve, publish) or back (send back to the
 * writer, reopen for review, unpublish). Any state can be spiked, and a
 * spiked article can only be restored to the state it was spiked from.
 * Staying in the same state is not a transition. */

#define BYLINE_WORKFLOW_ERROR (byline_workflow_error_quark ())

typedef enum
{
  BYLINE_WORKFLOW_ERROR_REFUSED,    /* the workflow has no such step */
  BYLINE_WORKFLOW_ERROR_UNCHANGED,  /* the article is already in that state */
} BylineWorkflowError;

GQuark              byline_workflow_error_quark    (void);

/* The states an article in @from may move to, in the order a menu offers
 * them: the step forward, the step back, then Spiked. @spiked_from is the
 * state a spiked article was spiked from (its one way back); it is ignored
 * unless @from is %BYLINE_STATUS_SPIKED. Pass %BYLINE_STATUS_DRAFT when it
 * is not known. (array length=n_states) (transfer none) */
const BylineStatus *byline_workflow_next_states    (BylineStatus  from,
                                                    BylineStatus  spiked_from,
                                                    guint        *n_states);
gboolean            byline_workflow_can_transition (BylineStatus  from,
                                                    BylineStatus  spiked_from,
                                                    BylineStatus  to);
/* Like byline_workflow_can_transition(), with a message saying what the
 * article can do instead: "An article in review can go back to Draft or on
 * to Approved, not to Published. Approve it first." */
gboolean            byline_workflow_check          (BylineStatus  from,
                                                    BylineStatus  spiked_from,
                                                    BylineStatus  to,
                                                    GError      **error);

/* Who may take a step, as a newsroom server enforces it: a reporter sends
 * a draft to review and takes it back; every other step is an editor's.
 * On a desk's own file everyone is an editor. */
gboolean            byline_workflow_needs_editor   (BylineStatus  from,
                                                    BylineStatus  to);

G_END_DECLS
