/* byline-importer.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-importer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmark.h>
#include <glib/gi18n.h>

#include "byline-dates.h"
#include "byline-front-matter.h"
#include "byline-media.h"
#include "byline-importer-private.h"
#include "byline-language.h"
#include "byline-pin.h"
#include "byline-store.h"
#include "byline-text.h"

/* The importer's entry points: reading a file, refusing what is not text,
 * and Markdown with front matter. Text copied from a news page is
 * byline-import-text.c's; the YAML is byline-front-matter.c's. */

G_DEFINE_QUARK (byline-import-error-quark, byline_import_error)

/* Every message has the same shape: what could not be imported, then why and
 * what to do, so @format is a clause that reads well after the colon. */
void
_byline_import_set_error (GError     **error,
                          int          code,
                          const char  *display_name,
                          const char  *format,
                          ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (display_name != NULL)
    g_set_error (error, BYLINE_IMPORT_ERROR, code,
                 /* Translators: the first %s is a file name, the second says why */
                 _("Could not import “%s”: %s"), display_name, reason);
  else
    g_set_error (error, BYLINE_IMPORT_ERROR, code,
                 /* Translators: %s says why */
                 _("Could not import the text: %s"), reason);
}

/* Markdown */

/* The text of a heading or paragraph, as a reader sees it. */
static char *
dup_node_text (cmark_node *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (text, cmark_node_get_literal (cur));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  return _byline_import_strip_line (g_string_free (g_steal_pointer (&text), FALSE));
}

/* Each tag once, the first spelling kept: two tags are the same when they
 * differ only in case or in how their characters are composed ("Café" and
 * "CAFE\u0301"). Keyed by a hash, so 20 000 tags take as long as reading
 * them; the article's own check then only ever sees a few. Past the limits
 * in byline-limits.h, the import stops. */
static gboolean
set_tags (BylineArticle      *article,
          const char * const *items,
          const char         *display_name,
          GError            **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *past_limit = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;
      char *key;

      if (*items[i] == '\0')
        continue;

      folded = g_utf8_casefold (items[i], -1);
      key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
      if (!g_hash_table_add (seen, key))
        continue;

      g_ptr_array_add (tags, (gpointer) items[i]);
    }
  g_ptr_array_add (tags, NULL);

  past_limit = byline_limits_check_tags ((const char * const *) tags->pdata);
  if (past_limit != NULL)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_TOO_LARGE, display_name, "%s", past_limit);
      return FALSE;
    }

  byline_article_set_tags (article, (const char * const *) tags->pdata);
  return TRUE;
}

/* "Z", "+1", "-0500", "+530", "+05:30" as GLib's "+HH:MM". */
static GTimeZone *
time_zone_new_yaml (const char *zone)
{
  g_autofree char *digits = NULL;
  g_autofree char *identifier = NULL;
  gsize hour_digits;
  int minutes = 0;

  if (strcmp (zone, "Z") == 0)
    return g_time_zone_new_utc ();

  digits = g_strdup (zone + 1);
  hour_digits = strspn (digits, "0123456789");
  if (digits[hour_digits] == ':')
    minutes = atoi (digits + hour_digits + 1);
  else if (hour_digits > 2)
    {
      hour_digits -= 2;
      minutes = atoi (digits + hour_digits);
    }
  digits[hour_digits] = '\0';

  identifier = g_strdup_printf ("%c%02d:%02d", zone[0], atoi (digits), minutes);

  return g_time_zone_new_identifier (identifier);
}

/* Also YAML's own timestamps, which libyaml leaves as text:
 * "2023-03-03 09:05:00 +01:00", "2023-03-03t9:05:00.5Z"; people leave out
 * the seconds. A time without a zone is in @tz. */
static gboolean
parse_published (const char *value,
                 GTimeZone  *tz,
                 gint64     *unix_time)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (byline_parse_date_line (value, tz, unix_time))
    return TRUE;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                                    "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}(?:\\.[0-9]*)?))?"
                                    "(?:[ \\t]*(Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (regex, value, 0, &match))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *day = g_match_info_fetch (match, 3);
      g_autofree char *hour = g_match_info_fetch (match, 4);
      g_autofree char *minute = g_match_info_fetch (match, 5);
      g_autofree char *second = g_match_info_fetch (match, 6);
      g_autofree char *offset = g_match_info_fetch (match, 7);

      if (offset != NULL && *offset != '\0')
        zone = time_zone_new_yaml (offset);
      else
        zone = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();

      if (zone != NULL)
        dt = g_date_time_new (zone, atoi (year), atoi (month), atoi (day),
                              hour != NULL && *hour != '\0' ? atoi (hour) : 0,
                              minute != NULL && *minute != '\0' ? atoi (minute) : 0,
                              second != NULL && *second != '\0' ? g_ascii_strtod (second, NULL) : 0);
    }
  else
    {
      zone = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
      dt = g_date_time_new_from_iso8601 (value, zone);
    }

  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
dup_status_words (void)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < BYLINE_N_STATUSES; i++)
    {
      if (i > 0)
        g_string_append (words, ", ");
      g_string_append (words, byline_status_to_string (i));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* What the front matter can set. */
typedef enum
{
  FIELD_NONE,
  FIELD_HEADLINE,
  FIELD_STANDFIRST,
  FIELD_BYLINE,
  FIELD_DATELINE,
  FIELD_CAPTION,
  FIELD_CREDIT,
  FIELD_IMAGE,
  FIELD_IMAGE_ALT,
  FIELD_SECTION,
  FIELD_LANGUAGE,
  FIELD_PUBLISHED,
  FIELD_STATUS,
  FIELD_TAGS,
  N_FIELDS
} Field;

/* Keys are matched without regard to case, and "-" stands for "_". */
static Field
field_for_key (const char *key)
{
  static const struct {
    const char *key;
    Field       field;
  } keys[] = {
    { "headline", FIELD_HEADLINE },
    { "title", FIELD_HEADLINE },
    { "standfirst", FIELD_STANDFIRST },
    { "byline", FIELD_BYLINE },
    { "author", FIELD_BYLINE },
    { "dateline", FIELD_DATELINE },
    { "caption", FIELD_CAPTION },
    { "credit", FIELD_CREDIT },
    { "image", FIELD_IMAGE },
    { "image_alt", FIELD_IMAGE_ALT },
    { "section", FIELD_SECTION },
    { "language", FIELD_LANGUAGE },
    { "lang", FIELD_LANGUAGE },
    { "published", FIELD_PUBLISHED },
    { "date", FIELD_PUBLISHED },
    { "status", FIELD_STATUS },
    { "tags", FIELD_TAGS },
    { "keywords", FIELD_TAGS },
  };
  g_autofree char *name = g_ascii_strdown (key, -1);

  g_strdelimit (name, "-", '_');
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (name, keys[i].key) == 0)
      return keys[i].field;

  return FIELD_NONE;
}

/* A field's text: a list (several authors, say) is joined with commas. */
static char *
dup_field_text (BylineFrontMatter *front_matter,
                const char        *key)
{
  const char * const *list = byline_front_matter_get_list (front_matter, key);
  const char *string = byline_front_matter_get_string (front_matter, key);
  char *text;

  if (list != NULL)
    text = g_strjoinv (", ", (char **) list);
  else
    text = g_strdup (string != NULL ? string : "");

  return _byline_import_strip_line (text);
}

static gboolean
apply_field (BylineArticle  *article,
             Field           field,
             const char     *text,
             guint           line_number,
             GTimeZone      *tz,
             const char     *display_name,
             GError        **error)
{
  switch (field)
    {
    case FIELD_HEADLINE:
      byline_article_set_headline (article, text);
      break;

    case FIELD_STANDFIRST:
      byline_article_set_standfirst (article, text);
      break;

    case FIELD_BYLINE:
      byline_article_set_byline (article, text);
      break;

    case FIELD_DATELINE:
      byline_article_set_dateline (article, text);
      break;

    case FIELD_CAPTION:
      byline_article_set_caption (article, text);
      break;

    case FIELD_CREDIT:
      byline_article_set_credit (article, text);
      break;

    case FIELD_IMAGE_ALT:
      byline_article_set_image_alt (article, text);
      break;

    case FIELD_SECTION:
      byline_article_set_section (article, text);
      break;

    case FIELD_LANGUAGE:
      if (*text != '\0')
        byline_article_set_language (article, text);
      break;

    case FIELD_IMAGE:
      /* A file: address is refused with the rest when the file is read
       * (resolve_image()): nothing reads it. */
      byline_article_set_image (article, text);
      break;

    case FIELD_PUBLISHED:
      {
        gint64 published = 0;

        if (*text != '\0' && !parse_published (text, tz, &published))
          {
            _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                      _("the published date “%s” on line %u is not a date. Write it like “2023-03-03T09:05:00+00:00” or “March 3, 2023 at 9:05 am”."),
                                      text, line_number);
            return FALSE;
          }
        byline_article_set_published (article, published);
      }
      break;

    case FIELD_STATUS:
      {
        g_autofree char *word = g_ascii_strdown (text, -1);
        BylineStatus status;

        g_strdelimit (word, " _", '-');
        if (!byline_status_from_string (word, &status))
          {
            g_autofree char *words = dup_status_words ();

            _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                      _("the status “%s” on line %u is not one Byline knows. Use one of: %s."),
                                      text, line_number, words);
            return FALSE;
          }
        byline_article_set_status (article, status);
      }
      break;

    case FIELD_TAGS:
    case FIELD_NONE:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Sets the article's fields from the front matter, in the order written.
 * Two keys for one field ("title" and "headline") must agree, or the import
 * stops rather than drop one; "tags" and "keywords" add up. Unknown keys are
 * ignored. */
static gboolean
apply_front_matter (BylineArticle      *article,
                    BylineFrontMatter  *front_matter,
                    GTimeZone          *tz,
                    const char         *display_name,
                    GError            **error)
{
  const char * const *keys = byline_front_matter_get_keys (front_matter);
  const char *given_by[N_FIELDS] = { NULL, };
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  char *texts[N_FIELDS] = { NULL, };
  gboolean ok = TRUE;

  for (guint i = 0; ok && keys[i] != NULL; i++)
    {
      const char *key = keys[i];
      guint line_number = byline_front_matter_get_line (front_matter, key);
      Field field = field_for_key (key);
      g_autofree char *text = NULL;

      if (field == FIELD_NONE)
        {
          g_debug ("Ignoring unknown front matter key “%s” on line %u", key, line_number);
          continue;
        }

      if (byline_front_matter_get_value_type (front_matter, key) == BYLINE_FRONT_MATTER_OTHER)
        {
          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("“%s” on line %u holds a list of lists or a mapping. Give it text, or a list of words, and import it again."),
                                    key, line_number);
          ok = FALSE;
          break;
        }

      if (field == FIELD_TAGS)
        {
          g_auto(GStrv) items = byline_front_matter_dup_items (front_matter, key);

          for (guint j = 0; items[j] != NULL; j++)
            g_ptr_array_add (tags, _byline_import_strip_line (g_steal_pointer (&items[j])));
          given_by[field] = key;
          continue;
        }

      text = dup_field_text (front_matter, key);
      if (given_by[field] != NULL && strcmp (texts[field], text) != 0)
        {
          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("“%s” on line %u and “%s” on line %u say different things about the same field. Keep one of them and import it again."),
                                    given_by[field],
                                    byline_front_matter_get_line (front_matter, given_by[field]),
                                    key, line_number);
          ok = FALSE;
          break;
        }

      ok = apply_field (article, field, text, line_number, tz, display_name, error);
      given_by[field] = key;
      g_free (texts[field]);
      texts[field] = g_steal_pointer (&text);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (texts[i]);

  if (ok && given_by[FIELD_TAGS] != NULL)
    {
      g_ptr_array_add (tags, NULL);
      ok = set_tags (article, (const char * const *) tags->pdata, display_name, error);
    }

  return ok;
}

static gboolean
is_fence (const char *line,
          gboolean    closing)
{
  g_autofree char *copy = g_strchomp (g_strdup (line));

  return strcmp (copy, "---") == 0 || (closing && strcmp (copy, "...") == 0);
}

/* Reads the front matter between lines[0] and the closing fence at @end. */
static gboolean
read_front_matter (BylineArticle  *article,
                   char          **lines,
                   guint           end,
                   GTimeZone      *tz,
                   const char     *display_name,
                   GError        **error)
{
  g_autoptr(GString) yaml = g_string_new (NULL);
  g_autoptr(BylineFrontMatter) front_matter = NULL;
  g_autoptr(GError) local_error = NULL;

  for (guint i = 1; i < end; i++)
    {
      g_string_append (yaml, lines[i]);
      g_string_append_c (yaml, '\n');
    }

  /* lines[1] is the file's second line. */
  front_matter = byline_front_matter_parse (yaml->str, yaml->len, 2, &local_error);
  if (front_matter == NULL)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                /* Translators: %s is "line 4, column 18: <what is wrong>" */
                                _("error in the front matter at %s. Fix the YAML between the “---” lines and import it again."),
                                local_error->message);
      return FALSE;
    }

  return apply_front_matter (article, front_matter, tz, display_name, error);
}

static BylineArticle *
import_markdown (const char  *text,
                 GTimeZone   *tz,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint body_first = 0;
  g_autofree gboolean *removed = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *body_source = NULL;
  cmark_node *doc;
  guint n_blocks = 0;
  gboolean first_block = TRUE;
  const char *headline;

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  /* Until the front matter's language: says otherwise: what the body's
   * script tells, or nothing, for the store to give it the publication's. */
  byline_article_set_language (article, byline_language_detect_script (text));

  if (n_lines > 0 && is_fence (lines[0], FALSE))
    {
      guint end = 1;

      while (end < n_lines && !is_fence (lines[end], TRUE))
        end++;

      if (end == n_lines)
        {
          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("the front matter that starts with “---” on line 1 is never closed. Add a line with only “---” after its last “key: value” line."));
          return NULL;
        }

      if (!read_front_matter (article, lines, end, tz, display_name, error))
        return NULL;

      body_first = end + 1;
    }

  /* Work on the body's lines so that cmark's line numbers index them. */
  body_source = g_strjoinv ("\n", lines + MIN (body_first, n_lines));
  removed = g_new0 (gboolean, n_lines - MIN (body_first, n_lines) + 1);
  doc = byline_text_parse_markdown (body_source);
  headline = byline_article_get_headline (article);

  for (cmark_node *node = cmark_node_first_child (doc);
       node != NULL;
       node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);
      int start = cmark_node_get_start_line (node);
      int end = cmark_node_get_end_line (node);
      gboolean drop = FALSE;

      if (first_block && type == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 1)
        {
          g_autofree char *heading = dup_node_text (node);

          /* The headline goes above the body; a copy of it in the body would
           * show twice. */
          if (headline == NULL || *headline == '\0')
            {
              if (*heading != '\0')
                {
                  byline_article_set_headline (article, heading);
                  drop = TRUE;
                }
            }
          else if (strcmp (heading, headline) == 0)
            drop = TRUE;
        }
      else if (type == CMARK_NODE_PARAGRAPH && start == end)
        {
          g_autofree char *para = dup_node_text (node);
          g_autofree char *read = _byline_import_parse_read_line (para);

          if (read != NULL)
            {
              byline_article_add_pin (article, byline_pin_new (n_blocks, 0, read));
              drop = TRUE;
            }
        }

      first_block = FALSE;

      if (!drop)
        {
          n_blocks++;
          continue;
        }

      for (int l = start; l <= end; l++)
        removed[l - 1] = TRUE;
      /* And the blank line that separated it from the next block. */
      if (body_first + end < n_lines && _byline_import_is_blank (lines[body_first + end]))
        removed[end] = TRUE;
    }
  cmark_node_free (doc);

  for (guint i = body_first; i < n_lines; i++)
    {
      if (removed[i - body_first])
        continue;
      if (body->len == 0 && _byline_import_is_blank (lines[i]))
        continue;
      g_string_append (body, lines[i]);
      g_string_append_c (body, '\n');
    }
  while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
    g_string_truncate (body, body->len - 1);

  byline_article_set_body (article, body->str);

  headline = byline_article_get_headline (article);
  if (headline == NULL || *headline == '\0')
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_NO_HEADLINE, display_name,
                                _("it has no headline. Add a “headline:” line to the front matter, or begin the text with a “# Headline” line."));
      return NULL;
    }

  return g_steal_pointer (&article);
}

/* Input checks shared by every entry point: returns the text without a byte
 * order mark and with "\n" line ends, or NULL with an error. */
static char *
prepare_text (const char  *text,
              gsize        length,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *end = NULL;

  if (length >= 2 &&
      (((guchar) text[0] == 0xFF && (guchar) text[1] == 0xFE) ||
       ((guchar) text[0] == 0xFE && (guchar) text[1] == 0xFF)))
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_ENCODING, display_name,
                                _("it is UTF-16 text. Save it as UTF-8 and import it again."));
      return NULL;
    }

  if (memchr (text, '\0', length) != NULL)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_BINARY, display_name,
                                _("it is not a text file. Import plain text or Markdown (.md) files."));
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, &end))
    {
      const char *line_start = text;
      guint line = 1;

      for (const char *p = text; p < end; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }

      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_ENCODING, display_name,
                                _("it is not UTF-8 text (line %u, column %ld has a character that is not UTF-8). Save it as UTF-8 and import it again."),
                                line, g_utf8_strlen (line_start, end - line_start) + 1);
      return NULL;
    }

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }

  if (_byline_import_is_blank (out->str))
    {
      if (length == 0)
        _byline_import_set_error (error, BYLINE_IMPORT_ERROR_EMPTY, display_name,
                                  _("it is empty. Choose a file with the article’s text."));
      else
        _byline_import_set_error (error, BYLINE_IMPORT_ERROR_EMPTY, display_name,
                                  _("it has only blank lines and spaces. Choose a file with the article’s text."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_front_matter (const char *text)
{
  g_autofree char *first = g_strndup (text, strcspn (text, "\n"));

  return is_fence (first, FALSE);
}

/* Takes @article; returns it when every field is within the limits of
 * byline-limits.h, else NULL with an error naming the field. */
static BylineArticle *
check_limits (BylineArticle  *article,
              const char     *display_name,
              GError        **error)
{
  g_autoptr(BylineArticle) owned = article;
  g_autofree char *past_limit = NULL;

  if (owned == NULL)
    return NULL;

  past_limit = byline_limits_check_article (owned);
  if (past_limit != NULL)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_TOO_LARGE, display_name, "%s", past_limit);
      return NULL;
    }

  return g_steal_pointer (&owned);
}

/**
 * byline_import_plain_text:
 * @text: text copied from a news site
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @tz: (nullable): time zone of the date line; %NULL for local time
 * @error: return location for a #GError
 *
 * Drops the site's menus and buttons and turns the rest into an article: the
 * headline, date line, byline, photo caption and credit, the paragraphs as
 * CommonMark and "READ:" lines as unresolved pins.
 *
 * Returns: (transfer full) (nullable): a draft article, or %NULL
 */
BylineArticle *
byline_import_plain_text (const char  *text,
                          gssize       length,
                          GTimeZone   *tz,
                          GError     **error)
{
  g_autofree char *prepared = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  prepared = prepare_text (text != NULL ? text : "", length, NULL, error);
  if (prepared == NULL)
    return NULL;

  return check_limits (_byline_import_plain_text (prepared, tz, NULL, error), NULL, error);
}

/**
 * byline_import_markdown:
 * @text: CommonMark, optionally opening with a "---" front-matter block
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @tz: (nullable): time zone for published times without one; %NULL for local time
 * @error: return location for a #GError
 *
 * Reads the article's fields from the front matter and keeps the rest as its
 * body. Without a headline field, a leading "# Heading" is the headline.
 * Paragraphs that are only a "READ:" line become unresolved pins.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL
 */
BylineArticle *
byline_import_markdown (const char  *text,
                        gssize       length,
                        GTimeZone   *tz,
                        GError     **error)
{
  g_autofree char *prepared = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  prepared = prepare_text (text != NULL ? text : "", length, NULL, error);
  if (prepared == NULL)
    return NULL;

  return check_limits (import_markdown (prepared, tz, NULL, error), NULL, error);
}

static char *
dup_display_name (GFile     *file,
                  GFileInfo *info)
{
  g_autofree char *basename = NULL;

  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    return g_strdup (g_file_info_get_display_name (info));

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static gboolean
is_markdown_name (const char *name)
{
  g_autofree char *down = g_utf8_strdown (name, -1);

  return g_str_has_suffix (down, ".md") || g_str_has_suffix (down, ".markdown");
}

/* Why a file that is not a regular file cannot be imported, or NULL for a
 * regular file. Reading a named pipe waits for a writer that may never come,
 * and a device or socket is no article. */
static const char *
describe_not_a_file (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return _("it is a folder. Choose a plain text or Markdown (.md) file.");
  if (S_ISFIFO (mode))
    return _("it is a named pipe, not a file. Choose a plain text or Markdown (.md) file.");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a file. Choose a plain text or Markdown (.md) file.");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a file. Choose a plain text or Markdown (.md) file.");

  return _("it is not a regular file. Choose a plain text or Markdown (.md) file.");
}

static gboolean
set_not_a_file_error (GError     **error,
                      mode_t       mode,
                      const char  *display_name)
{
  const char *why = describe_not_a_file (mode);

  if (why == NULL)
    return FALSE;

  _byline_import_set_error (error,
                            S_ISDIR (mode) ? BYLINE_IMPORT_ERROR_INVALID : BYLINE_IMPORT_ERROR_NOT_A_FILE,
                            display_name, "%s", why);
  return TRUE;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name)
{
  if (saved_errno == ENOENT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("Could not import “%s”: the file does not exist. It may have been moved or deleted."),
                 display_name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: the first %s is a file name, the second the system's reason */
                 _("Could not import “%s”: %s."),
                 display_name, g_strerror (saved_errno));
}

/* Reads at most one byte more than @limit from @fd, a regular file. */
static GByteArray *
read_fd (int            fd,
         gsize          limit,
         const char    *display_name,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[65536];

  while (bytes->len <= limit)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      n = read (fd, chunk, MIN (sizeof chunk, limit + 1 - bytes->len));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, display_name);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, chunk, n);
    }

  return g_steal_pointer (&bytes);
}

/* A file on disk is opened without waiting (a named pipe would otherwise
 * block open() until something writes to it) and refused unless what was
 * opened is a regular file: checking before opening leaves a moment in
 * which the name could be swapped for a pipe. */
static GByteArray *
read_local_contents (const char    *path,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  struct stat st;
  int fd;
  int flags;
  GByteArray *bytes;

  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      int saved_errno = errno;

      /* A socket cannot be opened at all. */
      if (saved_errno == ENXIO && stat (path, &st) == 0 &&
          set_not_a_file_error (error, st.st_mode, display_name))
        return NULL;

      set_errno_error (error, saved_errno, display_name);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, display_name);
      close (fd);
      return NULL;
    }

  if (set_not_a_file_error (error, st.st_mode, display_name))
    {
      close (fd);
      return NULL;
    }

  /* A regular file: reads are ordinary, blocking ones again. */
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  bytes = read_fd (fd, BYLINE_IMPORT_MAX_SIZE, display_name, cancellable, error);
  close (fd);

  return bytes;
}

/* Anything else GIO can read (a network share through GVfs). Its type was
 * checked before. */
static GByteArray *
read_remote_contents (GFile         *file,
                      const char    *display_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[65536];

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("Could not import “%s”: "), display_name);
      return NULL;
    }

  /* Never hold more than the limit, whatever the file grew to. */
  while (bytes->len <= BYLINE_IMPORT_MAX_SIZE)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, error);

      if (n < 0)
        {
          g_prefix_error (error, _("Could not import “%s”: "), display_name);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, chunk, n);
    }

  return g_steal_pointer (&bytes);
}

static char *
read_contents (GFile         *file,
               const char    *display_name,
               gsize         *length,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GByteArray) bytes = NULL;

  if (path != NULL)
    bytes = read_local_contents (path, display_name, cancellable, error);
  else
    bytes = read_remote_contents (file, display_name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (bytes->len > BYLINE_IMPORT_MAX_SIZE)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_TOO_LARGE, display_name,
                                _("it is larger than the %d MiB an article file may have. Import a smaller file."),
                                BYLINE_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Whether @path is @folder or inside it; both real paths. */
static gboolean
path_is_inside (const char *path,
                const char *folder)
{
  gsize length = strlen (folder);

  if (g_str_equal (folder, "/"))
    return TRUE;

  return strncmp (path, folder, length) == 0 && (path[length] == '/' || path[length] == '\0');
}

static gboolean
is_system_path (const char *path)
{
  static const char * const system[] = { "/proc", "/dev", "/sys", "/run" };

  for (guint i = 0; i < G_N_ELEMENTS (system); i++)
    if (path_is_inside (path, system[i]))
      return TRUE;

  return FALSE;
}

/* The front matter's picture, when it names a file: the file inside the
 * article file's folder (*@image_file; the image set to its path), or
 * FALSE with *@problem saying why it was left out. A picture on the web
 * (http, https) stays a link; a newsroom's reference stays as it is. */
static gboolean
resolve_image (BylineArticle  *article,
               GFile          *file,
               const char     *display_name,
               GFile         **image_file,
               char          **problem)
{
  const char *image = byline_article_get_image (article);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *real_folder = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real_path = NULL;
  const char *scheme;

  if (image == NULL || *image == '\0' || byline_media_is_remote (image) ||
      byline_media_parse_reference (image, NULL, NULL))
    return TRUE;

  scheme = g_uri_peek_scheme (image);
  parent = g_file_get_parent (file);
  folder = parent != NULL ? g_file_get_path (parent) : NULL;
  if (scheme != NULL || folder == NULL || g_str_has_prefix (image, "~"))
    {
      *problem = g_strdup_printf (_("“%s”: left out the picture “%s”: name a picture file in the "
                                    "article file’s folder, such as “photos/harbour.jpg”, "
                                    "or a web address starting with https://."),
                                  display_name, image);
      return FALSE;
    }

  real_folder = realpath (folder, NULL);
  joined = g_path_is_absolute (image) ? g_strdup (image) : g_build_filename (folder, image, NULL);
  /* Symbolic links are followed first, so that a link beside the article
   * cannot lead out of its folder either. */
  real_path = realpath (joined, NULL);
  if (real_folder == NULL || real_path == NULL)
    {
      *problem = g_strdup_printf (_("“%s”: left out the picture “%s”: there is no such file. "
                                    "Put the picture beside the article file and import it again."),
                                  display_name, image);
      return FALSE;
    }

  if (!path_is_inside (real_path, real_folder) || is_system_path (real_path))
    {
      *problem = g_strdup_printf (_("“%s”: left out the picture “%s”: it is outside the article "
                                    "file’s folder. Put the picture beside the article file (or in "
                                    "a folder below it) and import it again."),
                                  display_name, image);
      return FALSE;
    }

  *image_file = g_file_new_for_path (real_path);
  byline_article_set_image (article, real_path);
  return TRUE;
}

static BylineArticle *
import_file (GFile         *file,
             GTimeZone     *tz,
             GCancellable  *cancellable,
             GFile        **image_file,
             char         **image_problem,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  goffset size;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  display_name = dup_display_name (file, info);

  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Could not import “%s”: the file does not exist. It may have been moved or deleted."),
                     display_name);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          g_prefix_error (error, _("Could not import “%s”: "), display_name);
        }
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                _("it is a folder. Choose a plain text or Markdown (.md) file."));
      return NULL;
    }

  /* Pipes, devices and sockets: reading them could wait for ever. A file on
   * disk is checked as it is opened (read_local_contents()); for others, the
   * file system's word is all there is. */
  if (!g_file_is_native (file) && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      mode_t mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

      /* Without a mode (not a Unix file system): "not a regular file". */
      if (S_ISREG (mode))
        mode = 0;
      set_not_a_file_error (error, mode, display_name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > BYLINE_IMPORT_MAX_SIZE)
    {
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);

      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_TOO_LARGE, display_name,
                                _("it is %s, more than the %d MiB an article file may have. Import a smaller file."),
                                actual, BYLINE_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  contents = read_contents (file, display_name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;

  text = prepare_text (contents, length, display_name, error);
  if (text == NULL)
    return NULL;

  if (has_front_matter (text) || is_markdown_name (display_name))
    article = import_markdown (text, tz, display_name, error);
  else
    article = _byline_import_plain_text (text, tz, display_name, error);

  article = check_limits (g_steal_pointer (&article), display_name, error);
  if (article == NULL)
    return NULL;

  /* The picture must be a file beside the article (or in a folder below
   * it): a file that names "../../etc/shadow" or "/proc/self/environ" is
   * refused, the article imported without the picture. */
  if (!resolve_image (article, file, display_name, image_file, image_problem))
    byline_article_set_image (article, "");

  return g_steal_pointer (&article);
}

/**
 * byline_import_file:
 * @file: the file to read
 * @tz: (nullable): the time zone of dates that name none; %NULL for local time
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file and imports it with byline_import_markdown() when it opens
 * with front matter or is named *.md or *.markdown, else with
 * byline_import_plain_text(). Refuses folders, named pipes, devices and
 * sockets, and empty, binary, non-UTF-8 and oversized (over
 * %BYLINE_IMPORT_MAX_SIZE) files, and articles past the limits of
 * byline-limits.h, with a message naming the file.
 *
 * A picture the front matter names must be a file in @file's folder (or
 * below it): the image is then its absolute path, which nothing reads
 * later (byline_import_file_to_store() keeps the picture itself);
 * anything else is left out.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL
 */
BylineArticle *
byline_import_file (GFile         *file,
                    GTimeZone     *tz,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) image_file = NULL;
  g_autofree char *image_problem = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_file (file, tz, cancellable, &image_file, &image_problem, error);
}

/**
 * byline_import_file_to_store:
 * @store: the newsroom that keeps the picture
 * @file: the file to read
 * @tz: (nullable): as byline_import_file()
 * @cancellable: (nullable): a #GCancellable
 * @warning: (out) (optional) (nullable): why the picture was left out, or %NULL
 * @error: return location for a #GError
 *
 * As byline_import_file(), and keeps the front matter's picture in
 * @store's media, the article's image then its reference
 * (byline_store_add_media()). A picture outside the file's folder, not a
 * picture, or too large is left out, *@warning saying so: the article is
 * imported anyway. Does not save the article.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL
 */
BylineArticle *
byline_import_file_to_store (BylineStore   *store,
                             GFile         *file,
                             GTimeZone     *tz,
                             GCancellable  *cancellable,
                             char         **warning,
                             GError       **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GFile) image_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  article = import_file (file, tz, cancellable, &image_file, &problem, error);
  if (article == NULL)
    return NULL;

  if (image_file != NULL)
    {
      reference = byline_store_add_media_file (store, image_file, cancellable, &local_error);
      if (reference == NULL)
        {
          g_autofree char *display_name = dup_display_name (file, NULL);

          problem = g_strdup_printf (_("“%s”: left out the picture: %s"), display_name,
                                     local_error->message);
        }
      byline_article_set_image (article, reference != NULL ? reference : "");
    }

  if (warning != NULL)
    *warning = g_steal_pointer (&problem);

  return g_steal_pointer (&article);
}
