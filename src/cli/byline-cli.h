/* byline-cli.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @argv asks for a command-line action (--import, --list,
 * --export) rather than the window. */
gboolean byline_cli_wants (int    argc,
                           char **argv);
/* Runs the action without a display: 0 on success, 1 when it failed (one
 * "byline: …" line on stderr), 2 on bad usage. */
int      byline_cli_main  (int    argc,
                           char **argv);

G_END_DECLS
