/* test-terminal.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-terminal"

#include "config.h"

#include "byline-terminal.h"

/* What a terminal would be made to do by a headline, and what it shows
 * instead. */
static void
test_escape (void)
{
  static const struct {
    const char         *text;
    gssize              length;
    BylineTerminalText  kind;
    const char         *printed;
  } cases[] = {
    /* Words of any script, and emoji, are left alone. */
    { "Harbour board backs dredging", -1, BYLINE_TERMINAL_FIELD, "Harbour board backs dredging" },
    { "Zürich — “quoted” 東京 مرحبا 👩‍👩‍👧", -1, BYLINE_TERMINAL_FIELD, "Zürich — “quoted” 東京 مرحبا 👩‍👩‍👧" },
    { "C:\\path\\u202e", -1, BYLINE_TERMINAL_FIELD, "C:\\path\\u202e" },
    { "", -1, BYLINE_TERMINAL_FIELD, "" },
    { NULL, -1, BYLINE_TERMINAL_FIELD, "" },
    /* C0: ESC sequences (clear screen, window title), bell, backspace. */
    { "Evil \x1b[2J\x1b]0;pwned\x07", -1, BYLINE_TERMINAL_FIELD, "Evil \\u001b[2J\\u001b]0;pwned\\u0007" },
    { "back\bspace", -1, BYLINE_TERMINAL_FIELD, "back\\u0008space" },
    { "nul\0inside", 10, BYLINE_TERMINAL_FIELD, "nul\\u0000inside" },
    /* DEL and C1, CSI (U+009B) and NEL (U+0085) among them. */
    { "del\x7f", -1, BYLINE_TERMINAL_FIELD, "del\\u007f" },
    { "csi\xc2\x9b" "31m red", -1, BYLINE_TERMINAL_FIELD, "csi\\u009b31m red" },
    { "next\xc2\x85line", -1, BYLINE_TERMINAL_FIELD, "next\\u0085line" },
    { "\xc2\x80\xc2\x9f\xc2\xa0", -1, BYLINE_TERMINAL_FIELD, "\\u0080\\u009f\xc2\xa0" },
    /* Bidirectional overrides, embeddings, isolates and marks. */
    { "Invoice \xe2\x80\xae" "fdp.exe", -1, BYLINE_TERMINAL_FIELD, "Invoice \\u202efdp.exe" },
    { "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", -1, BYLINE_TERMINAL_FIELD, "\\u202a\\u202b\\u202c\\u202d" },
    { "\xe2\x81\xa6" "a" "\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", -1, BYLINE_TERMINAL_FIELD, "\\u2066a\\u2067\\u2068\\u2069" },
    { "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", -1, BYLINE_TERMINAL_FIELD, "\\u200e\\u200f\\u061c" },
    /* Zero-width joiners and spaces are not controls. */
    { "\xe2\x80\x8b\xe2\x80\x8d", -1, BYLINE_TERMINAL_FIELD, "\xe2\x80\x8b\xe2\x80\x8d" },
    /* A field stays on its line and in its column. */
    { "Dredging\tapproved\nafter a\r\nlong night", -1, BYLINE_TERMINAL_FIELD, "Dredging approved after a  long night" },
    { "one\xe2\x80\xa8two\xe2\x80\xa9three", -1, BYLINE_TERMINAL_FIELD, "one two three" },
    /* Lines of their own keep their tabs and line feeds, not the rest. */
    { "a\tb\nc\r\nd\x1b[m", -1, BYLINE_TERMINAL_LINES, "a\tb\nc\\u000d\nd\\u001b[m" },
    { "one\xe2\x80\xa8two", -1, BYLINE_TERMINAL_LINES, "one\\u2028two" },
    /* Bytes that are not UTF-8, one by one; a character cut short too. */
    { "caf\xe9 \x9b" "1m", -1, BYLINE_TERMINAL_FIELD, "caf\\xe9 \\x9b1m" },
    { "cut \xe2\x80", -1, BYLINE_TERMINAL_FIELD, "cut \\xe2\\x80" },
    { "length\xc2\x9b", 7, BYLINE_TERMINAL_FIELD, "length\\xc2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *printed = byline_terminal_escape (cases[i].text, cases[i].length, cases[i].kind);

      g_test_message ("case %u", i);
      g_assert_cmpstr (printed, ==, cases[i].printed);
      g_assert_true (g_utf8_validate (printed, -1, NULL));
    }
}

/* Whatever comes in, what goes out holds no byte a terminal acts on, other
 * than the line feeds and tabs of running text. */
static void
test_escape_every_byte (void)
{
  char bytes[256 * 3];
  gsize n = 0;

  for (guint b = 0; b < 256; b++)
    {
      bytes[n++] = b;
      /* Also each byte as the second of a two-byte sequence (C1 is C2 80-9F). */
      bytes[n++] = '\xc2';
      bytes[n++] = b;
    }

  for (guint kind = BYLINE_TERMINAL_FIELD; kind <= BYLINE_TERMINAL_LINES; kind++)
    {
      g_autofree char *printed = byline_terminal_escape (bytes, n, kind);

      g_assert_true (g_utf8_validate (printed, -1, NULL));
      for (const char *p = printed; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (kind == BYLINE_TERMINAL_LINES && (c == '\t' || c == '\n'))
            continue;
          g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/terminal/escape", test_escape);
  g_test_add_func ("/byline/terminal/escape/every-byte", test_escape_every_byte);

  return g_test_run ();
}
