/* byline-check.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"
#include "byline-spell.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* What is wrong with an article before it goes out: the list `byline
 * --check ID` prints and the window shows before Approve and Publish.
 *
 *   empty     no headline, byline or body (headline and body block)
 *   link      a READ: link to an article that is not published or is
 *             gone (blocks), or that names no article yet
 *   image     a lead image without a description for those who cannot
 *             see it
 *   budget    a headline, standfirst or caption over its length budget
 *   spelling  a word the dictionary and the newsroom's own do not know
 *
 * A blocking problem keeps the article from being published; the others
 * are warnings. */

typedef enum
{
  BYLINE_CHECK_EMPTY,
  BYLINE_CHECK_LINK,
  BYLINE_CHECK_IMAGE,
  BYLINE_CHECK_BUDGET,
  BYLINE_CHECK_SPELLING,
} BylineCheckKind;

typedef struct
{
  BylineCheckKind kind;
  char           *field;     /* "headline", "body", "caption", "pins"… */
  char           *detail;    /* a sentence for people, translated */
  gboolean        blocking;
  /* Where in the field, in characters, or -1 (a misspelled word). */
  int             start;
  int             end;
} BylineCheckProblem;

/* Length budgets in characters; 0 checks none. */
typedef struct
{
  guint headline;
  guint standfirst;
  guint caption;
} BylineCheckBudgets;

/* The standfirst's, which Preferences does not set. */
#define BYLINE_CHECK_DEFAULT_STANDFIRST_BUDGET 300

void                byline_check_problem_free (BylineCheckProblem       *problem);
/* "empty", "link", "image", "budget", "spelling": what --check prints. */
const char         *byline_check_kind_to_string (BylineCheckKind        kind);

/* The problems of @article, blocking ones first, then in the order above.
 * @store (nullable) looks up the articles its READ: links name; @checker
 * (nullable) checks its spelling.
 * Returns: (transfer full) (element-type BylineCheckProblem) */
GPtrArray          *byline_check_article      (BylineArticle            *article,
                                               BylineStore              *store,
                                               const BylineCheckBudgets *budgets,
                                               BylineSpellChecker       *checker);
/* Whether any of @problems keeps the article from being published. */
gboolean            byline_check_blocks       (GPtrArray                *problems);
/* Whether any of @problems is one of @kind. */
gboolean            byline_check_has_kind     (GPtrArray                *problems,
                                               BylineCheckKind           kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCheckProblem, byline_check_problem_free)

G_END_DECLS
