/* newsroom-text.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Made-up newsroom text for the benchmarks, from fixed word lists. */
char       *bench_make_body       (GRand *rand,
                                   guint  words);
/* bench_make_body() as a reporter's draft: a misspelling every 50 words
 * or so, some Markdown, an address and code. */
char       *bench_make_draft_body (GRand *rand,
                                   guint  words);
char       *bench_make_headline   (GRand *rand);
char       *bench_make_standfirst (GRand *rand);
char       *bench_make_caption    (GRand *rand);
char       *bench_make_dateline   (GRand *rand);
char       *bench_make_tags       (GRand *rand);
const char *bench_pick_section    (GRand *rand);
const char *bench_pick_byline     (GRand *rand);
guint       bench_count_words     (const char *text);

G_END_DECLS
