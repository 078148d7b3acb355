/* byline-html.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-html"

#include "config.h"

#include <string.h>

#include "byline-html.h"

/* --- text --------------------------------------------------------------- */

/* Characters HTML forbids in a document (the Nu checker reports each one):
 * controls other than tab, newline and carriage return, and noncharacters. */
static gboolean
is_forbidden_char (gunichar c)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return FALSE;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return TRUE;
  if (c >= 0xfdd0 && c <= 0xfdef)
    return TRUE;
  if ((c & 0xfffe) == 0xfffe)
    return TRUE;
  return FALSE;
}

/* Valid UTF-8 without forbidden characters; never NULL. */
char *
byline_html_dup_clean (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_forbidden_char (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* A single-line field, cleaned and trimmed; NULL when nothing is left. */
char *
byline_html_dup_field (const char *text)
{
  g_autofree char *clean = byline_html_dup_clean (text);

  g_strstrip (clean);
  if (*clean == '\0')
    return NULL;

  return g_steal_pointer (&clean);
}

/* Escapes @text for element content and for quoted attribute values. */
void
byline_html_append_escaped (GString    *out,
                            const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/* --- URLs --------------------------------------------------------------- */

/* The scheme of @url in lower case as a browser reads it (leading spaces and
 * controls skipped, tabs and newlines ignored), or NULL for a relative URL. */
char *
byline_html_dup_url_scheme (const char *url)
{
  GString *scheme = g_string_new (NULL);
  const char *p = url;

  while (*p != '\0' && (guchar) *p <= ' ')
    p++;

  for (; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        continue;

      if (*p == ':')
        {
          if (scheme->len > 0)
            return g_string_free (scheme, FALSE);
          break;
        }

      if (g_ascii_isalpha (*p) ||
          (scheme->len > 0 && (g_ascii_isdigit (*p) || *p == '+' || *p == '-' || *p == '.')))
        g_string_append_c (scheme, g_ascii_tolower (*p));
      else
        break;
    }

  g_string_free (scheme, TRUE);
  return NULL;
}

/* Relative URLs and http, https, mailto and file URLs are fine; javascript:,
 * vbscript:, data: and anything unknown are not. */
static gboolean
url_is_safe (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return FALSE;

  scheme = byline_html_dup_url_scheme (url);
  if (scheme == NULL)
    return TRUE;

  return g_str_equal (scheme, "http") ||
         g_str_equal (scheme, "https") ||
         g_str_equal (scheme, "mailto") ||
         g_str_equal (scheme, "file");
}

gboolean
byline_html_url_is_http (const char *url)
{
  g_autofree char *scheme = byline_html_dup_url_scheme (url);

  return scheme != NULL &&
         (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

/* For "scheme://authority/...": a host a browser (and the HTML checker) can
 * accept: a name of letters, digits, "-", "." and "_" (non-ASCII letters
 * too), or a bracketed IPv6 address, with an optional numeric port. */
static gboolean
url_authority_is_valid (const char *url)
{
  const char *start = strstr (url, "://");
  const char *end;
  const char *at;
  const char *host;
  const char *host_end;

  if (start == NULL || strpbrk (url, "/?#") < start)
    return TRUE;

  start += 3;
  end = start + strcspn (start, "/?#\\");

  /* Skip "user:password@". */
  host = start;
  for (at = start; at < end; at++)
    if (*at == '@')
      host = at + 1;

  if (host < end && *host == '[')
    {
      host_end = host + 1;
      while (host_end < end && (g_ascii_isxdigit (*host_end) || *host_end == ':' || *host_end == '.'))
        host_end++;
      if (host_end >= end || *host_end != ']')
        return FALSE;
      host_end++;
    }
  else
    {
      host_end = host;
      while (host_end < end && *host_end != ':')
        {
          guchar c = *host_end;

          if (!(g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_' || c >= 0x80))
            return FALSE;
          host_end++;
        }
      if (host_end == host && g_str_has_prefix (url, "http"))
        return FALSE;
    }

  if (host_end < end)
    {
      if (*host_end != ':')
        return FALSE;
      for (const char *p = host_end + 1; p < end; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  return TRUE;
}

/* Percent-encodes what may not appear in a URL (spaces, controls, quotes, a
 * "%" that starts no escape, ...) so the page stays valid HTML. Returns NULL
 * for an unsafe URL or one with a host no browser could reach. */
char *
byline_html_dup_safe_url (const char *url)
{
  g_autofree char *clean = NULL;
  GString *out;

  if (url == NULL || !url_is_safe (url))
    return NULL;

  clean = byline_html_dup_clean (url);
  g_strstrip (clean);
  if (!url_authority_is_valid (clean))
    return NULL;
  out = g_string_sized_new (strlen (clean));

  for (const guchar *p = (const guchar *) clean; *p; p++)
    {
      gboolean escape;

      if (*p == '%')
        escape = !(g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]));
      else
        escape = *p <= ' ' || *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL;

      if (escape)
        g_string_append_printf (out, "%%%02X", *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
