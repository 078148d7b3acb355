/* byline-terminal.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-terminal"

#include "config.h"

#include <string.h>

#include "byline-terminal.h"

/* Text from the newsroom (headlines, names, file names in messages) printed
 * on a terminal. A terminal obeys what it is sent: C0 and C1 control
 * characters move the cursor, clear the screen, set the window title or
 * (U+009B, CSI) start any escape sequence, and bidirectional overrides make
 * what is shown read differently from what is there. A headline is not
 * allowed to do either, so these print as "\u" and four hex digits, and a
 * byte that is not UTF-8 as "\x" and two. Everything else, any script and
 * emoji included, prints as it is. */

/* Unicode's explicit directional formatting characters (UAX #9, 2.1-2.6),
 * and the line and paragraph separators, which some terminals take as a
 * line break. */
static gboolean
is_format_control (gunichar c)
{
  return c == 0x061C ||                 /* ARABIC LETTER MARK */
         c == 0x200E || c == 0x200F ||  /* LEFT-TO-RIGHT, RIGHT-TO-LEFT MARK */
         c == 0x2028 || c == 0x2029 ||  /* LINE, PARAGRAPH SEPARATOR */
         (c >= 0x202A && c <= 0x202E) || /* embeddings, overrides, their POP */
         (c >= 0x2066 && c <= 0x2069);  /* isolates, their POP */
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/**
 * byline_terminal_escape:
 * @text: (nullable): the text to print
 * @length: its length in bytes, or -1 when nul-terminated
 * @kind: whether @text is one field of a line or lines of its own
 *
 * Makes @text safe to print on a terminal: control characters (U+0000 to
 * U+001F, U+007F to U+009F) and bidirectional formatting characters become
 * "\u202e"-style escapes, bytes that are not UTF-8 "\xff"-style ones. For
 * %BYLINE_TERMINAL_FIELD, tabs, line feeds, carriage returns and the line
 * and paragraph separators become a space instead, so the field stays on
 * its line and in its column; for %BYLINE_TERMINAL_LINES, tabs and line
 * feeds stay as they are. A backslash itself stays as it is.
 *
 * Returns: (transfer full): the text to print; "" for %NULL
 */
char *
byline_terminal_escape (const char         *text,
                        gssize              length,
                        BylineTerminalText  kind)
{
  GString *out;
  const char *p;
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  if (length < 0)
    length = strlen (text);

  out = g_string_sized_new (length);
  p = text;
  end = text + length;

  while (p < end)
    {
      /* GLib takes a nul byte for a cut-short character. */
      gunichar c = *p == '\0' ? 0 : g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (kind == BYLINE_TERMINAL_LINES && (c == '\t' || c == '\n'))
        g_string_append_c (out, c);
      else if (kind == BYLINE_TERMINAL_FIELD &&
               (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029))
        g_string_append_c (out, ' ');
      else if (is_control (c) || is_format_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}
