/* byline-terminal.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the text is to the output it goes in. */
typedef enum
{
  /* One field of a line ("--list"'s headline column, an error message):
   * tabs and line breaks would end the field, so they become spaces. */
  BYLINE_TERMINAL_FIELD,
  /* Running text of its own lines ("--diff"'s body): tabs and line feeds
   * are the text's, and stay. */
  BYLINE_TERMINAL_LINES,
} BylineTerminalText;

char *byline_terminal_escape (const char         *text,
                              gssize              length,
                              BylineTerminalText  kind);

G_END_DECLS
