/* byline-demo.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-store.h"

G_BEGIN_DECLS

/* Fills @store with a small newsroom (articles in every state, with READ:
 * links between them) so a first start shows something real. */
gboolean byline_demo_populate (BylineStore  *store,
                               GError      **error);

G_END_DECLS
