/* byline-import-text.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-import-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-dates.h"
#include "byline-importer-private.h"
#include "byline-language.h"
#include "byline-pin.h"
#include "byline-text.h"

/* Text copied from a news site's page: what is the site's (menus, share
 * buttons, link lists) and what is the article's (headline, date, byline,
 * caption, paragraphs), told apart by how the lines look. No library knows
 * news pages, so this is written by hand. */

/* How far into a pasted page (in non-empty lines, menus included) the date
 * line may be. */
#define MAX_HEADER_LINES 80

/* Text helpers */

static gboolean
is_space_char (gunichar c)
{
  /* Pages copied from a browser are full of no-break and zero-width spaces. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Strips leading and trailing (Unicode) white space in place. */
char *
_byline_import_strip_line (char *line)
{
  char *start = line;
  char *end;

  while (*start != '\0' && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!is_space_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  memmove (line, start, end - start);
  line[end - start] = '\0';

  return line;
}

gboolean
_byline_import_is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space_char (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static guint
count_words (const char *line)
{
  return byline_text_count_words (line, BYLINE_TEXT_PLAIN);
}

static gboolean
has_prefix_ci (const char *str,
               const char *prefix)
{
  return g_ascii_strncasecmp (str, prefix, strlen (prefix)) == 0;
}

/* The last character, looking through closing quotes and brackets. */
static gunichar
last_significant_char (const char *line)
{
  const char *end = line + strlen (line);

  while (end > line)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (c != '"' && c != '\'' && c != 0x201D && c != 0x2019 && c != ')' && c != 0xBB)
        return c;
      end = prev;
    }

  return 0;
}

static gboolean
ends_with_period (const char *line)
{
  gunichar c = last_significant_char (line);

  return c == '.' || c == 0x2026;
}

static gboolean
ends_like_sentence (const char *line)
{
  gunichar c = last_significant_char (line);

  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* Lowercased, without a trailing colon, for comparing with word lists. */
static char *
dup_folded (const char *line)
{
  g_autofree char *down = g_utf8_strdown (line, -1);
  gsize len = strlen (down);

  while (len > 0 && (down[len - 1] == ':' || down[len - 1] == ' '))
    down[--len] = '\0';

  return g_steal_pointer (&down);
}

static gboolean
in_word_list (const char         *folded,
              const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (folded, list[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Site chrome */

/* Navigation: what a masthead shows around today's date. */
static const char * const nav_words[] = {
  "home", "menu", "search", "news", "local", "world", "sport", "sports",
  "business", "politics", "opinion", "culture", "arts", "weather", "lifestyle",
  "entertainment", "travel", "obituaries", "video", "videos", "podcasts",
  "latest", "top stories", "sections", "more", "e-paper", "epaper",
  "subscribe", "sign in", "sign up", "log in", "login", "log out", "register",
  "account", "my account", "newsletters", "newsletter", "close", "open menu",
  "close menu", "skip to content", "skip to main content", "main menu",
  "donate", "support us", "contact us", "about us", "subscribe now",
  "menu search",
  NULL
};

/* Buttons and markers around and inside an article. */
static const char * const article_chrome_words[] = {
  "share", "share this", "share this article", "share this story",
  "share on facebook", "share on x", "share on twitter", "share via email",
  "copy link", "print", "email", "save", "save article", "listen",
  "listen to this article", "advertisement", "advert", "sponsored",
  "story continues below advertisement", "continue reading below",
  "article continues below", "scroll to continue", "comments", "show comments",
  "view comments", "follow", "follow us", "image", "enlarge this image",
  NULL
};

/* Markers that open the list of links and notices after an article. */
static const char * const trailer_words[] = {
  "share", "share this", "share this article", "share this story",
  "related", "related topics", "related stories", "related articles",
  "related content", "more on this story", "more from the courier",
  "most read", "most popular", "most viewed", "trending", "advertisement",
  "comments", "show comments", "view comments", "topics", "tags",
  "you may also like", "recommended", "recommended for you",
  "read next", "up next", "back to top", "follow us",
  "sign up for our newsletter", "sign up to our newsletter",
  "all rights reserved", "explore more on these topics", "more on this topic",
  "reuse this content",
  NULL
};

static gboolean
is_copyright_line (const char *line)
{
  return g_str_has_prefix (line, "©") ||
         has_prefix_ci (line, "(c) ") ||
         has_prefix_ci (line, "copyright ");
}

/* The parts of a menu or breadcrumb line ("Home | News | Sport",
 * "News › Local"), or NULL when @line is not one: it has a separator and
 * every part is a few words at most. */
static GStrv
split_menu (const char *line)
{
  static GRegex *regex;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\s*(?:\\||›|»|•| · )\\s*", G_REGEX_OPTIMIZE, 0, NULL));

  if (count_words (line) > 15)
    return NULL;

  parts = g_regex_split (regex, line, 0);
  if (g_strv_length (parts) < 2)
    return NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = _byline_import_strip_line (g_strdup (parts[i]));

      if (count_words (part) > 5)
        return NULL;
      if (*part != '\0')
        g_strv_builder_add (builder, part);
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_separator_line (const char *line)
{
  g_auto(GStrv) parts = split_menu (line);

  return parts != NULL;
}

/* "The city's paper since 1881", "Est. 1902". */
static gboolean
is_tagline (const char *line)
{
  return count_words (line) <= 10 &&
         g_regex_match_simple ("\\b(since|est\\.?|established|founded)( in)? (1[5-9]|20)[0-9][0-9]\\b",
                               line, G_REGEX_CASELESS, 0);
}

static gboolean
is_read_time (const char *line)
{
  return g_regex_match_simple ("^[0-9]+ ?(min|mins|minute|minutes)( read)?$",
                               line, G_REGEX_CASELESS, 0) ||
         /* "Updated 2 hours ago": no date to keep */
         g_regex_match_simple ("^((updated|published|posted|last updated):? )?[0-9]+ ?(second|minute|min|hour|hr|day|week)s? ago$",
                               line, G_REGEX_CASELESS, 0);
}

/* Chrome that can be told from a headline with confidence. */
static gboolean
is_chrome (const char *line)
{
  g_autofree char *folded = dup_folded (line);

  return in_word_list (folded, nav_words) ||
         in_word_list (folded, article_chrome_words) ||
         is_separator_line (line) ||
         is_tagline (line) ||
         is_read_time (line) ||
         is_copyright_line (line) ||
         g_str_has_suffix (line, "|");
}

/* Looser, for pages without a date line: calls to action that are long
 * enough to pass for a headline. */
static gboolean
is_promo (const char *line)
{
  static const char * const prefixes[] = {
    "subscribe", "sign up", "sign in", "log in", "skip to", "follow us",
    "share this", "get the", "get our", "download the", "download our",
    "we use cookies", "accept cookies", "listen to this", "advertisement",
    "support independent", "already a subscriber", "our standards:",
    NULL
  };
  g_autofree char *folded = dup_folded (line);

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      return TRUE;

  return count_words (line) <= 12 && strstr (folded, "newsletter") != NULL;
}

/* A masthead's date sits among its navigation ("Home | News", "Menu"),
 * which share buttons ("Share | Email") are not. */
static gboolean
is_navigation (const char *line)
{
  g_autofree char *folded = dup_folded (line);
  g_auto(GStrv) parts = NULL;

  if (in_word_list (folded, nav_words))
    return TRUE;

  parts = split_menu (line);
  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      g_autofree char *part = dup_folded (parts[i]);

      if (in_word_list (part, nav_words))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_trailer_marker (const char *line)
{
  g_autofree char *folded = dup_folded (line);

  return in_word_list (folded, trailer_words) || is_copyright_line (line);
}

/* Lines a site drops between paragraphs. */
static gboolean
is_inline_chrome (const char *line)
{
  g_autofree char *folded = dup_folded (line);

  return in_word_list (folded, article_chrome_words);
}

/* For pasting a web page (byline-html-paste.c): the same rules for a
 * block of the page's text. */
gboolean
_byline_import_is_chrome_line (const char *line)
{
  guint words = count_words (line);

  /* A sentence is the article's ("The club has played there since
   * 1923."), unless it calls on the reader to subscribe or sign up. */
  if (words > 4 && ends_like_sentence (line))
    return words <= 15 && is_promo (line);

  return is_chrome (line) || (words <= 15 && is_promo (line));
}

gboolean
_byline_import_is_trailer_line (const char *line)
{
  return is_trailer_marker (line);
}

/* Article parts */

static gboolean
parse_date (const char *line,
            GTimeZone  *tz,
            gint64     *unix_time)
{
  gint64 t = 0;

  static GRegex *dotted_time;
  g_autofree char *normal = NULL;

  if (g_once_init_enter (&dotted_time))
    g_once_init_leave (&dotted_time, g_regex_new ("\\b([0-2]?[0-9])\\.([0-5][0-9])\\b(?= *(GMT|UTC|BST|CET|[AaPp]\\.?[Mm]\\.?|$))",
                                                  G_REGEX_OPTIMIZE, 0, NULL));

  if (strlen (line) > 100)
    return FALSE;

  /* "Wed 14 Feb 2024 09.05 GMT": a full stop in the time, as some papers write it. */
  normal = g_regex_replace (dotted_time, line, -1, 0, "\\1:\\2", 0, NULL);
  if (normal == NULL || !byline_parse_date_line (normal, tz, &t))
    return FALSE;

  if (unix_time != NULL)
    *unix_time = t;

  return TRUE;
}

/* "By Maria Lopez", "By Maria Lopez, Harbour reporter" (but not "By the time
 * the ferry docked, …"): returns the name without "By". */
static char *
parse_byline (const char *line)
{
  const char *rest;
  gsize len = strlen (line);

  if (len > 100 || !has_prefix_ci (line, "by"))
    return NULL;

  rest = line + 2;
  if (*rest == ':')
    rest++;
  if (*rest != ' ' && *rest != ':')
    return NULL;
  while (*rest == ' ')
    rest++;

  if (*rest == '\0' || !g_unichar_isupper (g_utf8_get_char (rest)))
    return NULL;
  if (count_words (rest) > 12 || ends_like_sentence (rest) || g_str_has_suffix (rest, ":"))
    return NULL;

  return g_strdup (rest);
}

/* "Ana García and Tom Ellis": names alone, as some sites print the
 * byline between the standfirst and the date. Only names joined by "and",
 * "&" or commas, each of two to four capitalised words. */
static char *
parse_bare_byline (const char *line)
{
  static GRegex *regex;
  const char *name = "\\p{Lu}[\\p{L}'’.-]*(?: (?:de|da|van|von|der|al|bin|el|la|le) )?(?: \\p{Lu}[\\p{L}'’.-]*){1,3}";
  g_autofree char *pattern = NULL;

  if (g_once_init_enter (&regex))
    {
      pattern = g_strdup_printf ("^%s(?:(?:, | and | & |, and )%s)+$", name, name);
      g_once_init_leave (&regex, g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (strlen (line) > 120 || !g_regex_match (regex, line, 0, NULL))
    return NULL;

  return g_strdup (line);
}

/* A photographer or an agency: "Reuters", "RNLI/Sam Holt", "Getty
 * Images", not a clause of a sentence. */
static gboolean
looks_like_credit (const char *credit)
{
  gsize len = strlen (credit);

  return len > 0 && len <= 80 && count_words (credit) <= 8 &&
         strpbrk (credit, "[]()") == NULL &&
         !ends_like_sentence (credit) && !g_str_has_suffix (credit, ",") &&
         (g_unichar_isupper (g_utf8_get_char (credit)) || g_unichar_isdigit (g_utf8_get_char (credit)) ||
          !g_unichar_islower (g_utf8_get_char (credit)));
}

static gboolean
take_caption (char  *cap,
              char  *cred,
              char **caption,
              char **credit)
{
  _byline_import_strip_line (cap);
  _byline_import_strip_line (cred);

  /* "Photograph: Sam Holt." */
  if (g_str_has_suffix (cred, ".") && !g_str_has_suffix (cred, ".."))
    cred[strlen (cred) - 1] = '\0';

  if (!looks_like_credit (cred))
    {
      g_free (cap);
      g_free (cred);
      return FALSE;
    }

  *caption = cap;
  *credit = cred;
  return TRUE;
}

/* A picture's caption and credit, in the forms news sites write them:
 * "The minister at the signing [Reuters]", "… (Reuters)",
 * "… Photograph: RNLI/Sam Holt", "Photo: …", "Credit: …", "Picture: …",
 * "Image: Jo Lee/Agency", "Image credit: …". The caption may be empty
 * when the line is only a credit. */
static gboolean
parse_caption (const char  *line,
               char       **caption,
               char       **credit)
{
  static GRegex *labelled;
  g_autoptr(GMatchInfo) match = NULL;
  gsize len = strlen (line);
  const char *open;

  if (g_once_init_enter (&labelled))
    g_once_init_leave (&labelled,
                       g_regex_new ("^(.*?)\\s*\\b(?:photograph|photo|picture|image|credit|photo credit|"
                                    "image credit|image source|photographer)s?\\s*:\\s*(\\S.*)$",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (len < 4 || len > 400)
    return FALSE;

  if (line[len - 1] == ']' || line[len - 1] == ')')
    {
      char close = line[len - 1];

      open = strrchr (line, close == ']' ? '[' : '(');
      if (open == NULL || open == line)
        return FALSE;
      /* "(Credit)" ends a caption, not the sentence of a paragraph. */
      if (close == ')' && ends_like_sentence (open + 1))
        return FALSE;

      if (take_caption (g_strndup (line, open - line),
                        g_strndup (open + 1, line + len - 1 - (open + 1)),
                        caption, credit))
        {
          if (**caption != '\0')
            return TRUE;
          g_clear_pointer (caption, g_free);
          g_clear_pointer (credit, g_free);
        }
      return FALSE;
    }

  if (g_regex_match (labelled, line, 0, &match))
    {
      char *before = g_match_info_fetch (match, 1);
      char *after = g_match_info_fetch (match, 2);

      /* "Image: …" alone, or ending a caption: "… hospital. Photograph: X". */
      return take_caption (before, after, caption, credit);
    }

  return FALSE;
}

/* "READ: Some other headline", "Read more: …", "Also read: …",
 * "Related: …", "See also: …", Arabic sites' "اقرأ أيضا: …", and the
 * labels Byline's own French and German pages print ("À LIRE AUSSI : …",
 * "LESEN SIE AUCH: …", byline-page-words.c), with the no-break spaces
 * French sets before its colon. */
char *
_byline_import_parse_read_line (const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;
  g_autofree char *headline = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:(?:also )?read(?: more| also| next)?|related(?: story| article)?|see also|"
                                            "اقرأ(?: أيضا| أيضاً| المزيد)?|(?:à )?lire aussi|lesen sie auch)"
                                            "[ \u00a0\u202f]?[:：] *(\\S.*)$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (strlen (line) > 300 || !g_regex_match (regex, line, 0, &match))
    return NULL;

  headline = g_match_info_fetch (match, 1);

  return _byline_import_strip_line (g_steal_pointer (&headline));
}

static gboolean
looks_like_headline (const char *line)
{
  guint words = count_words (line);
  g_autofree char *name = parse_byline (line);

  return words >= 3 && words <= 30 && strlen (line) <= 250 &&
         name == NULL &&
         !is_chrome (line) && !is_promo (line) &&
         !g_str_has_suffix (line, ":") &&
         !ends_with_period (line);
}

static gboolean
is_month_name (const char *word)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec", NULL
  };

  for (guint i = 0; months[i] != NULL; i++)
    if (has_prefix_ci (word, months[i]))
      return TRUE;

  return FALSE;
}

/* A dateline opening the first paragraph: "PORTVALE — The harbour …",
 * "PORTVALE, Harbourshire – …", "PORTVALE, March 3 (Reuters) - …". The
 * place must be in capitals. Only taken when nothing is lost: a date in it
 * must repeat the published time, and an agency goes into an empty byline. */
static gboolean
split_dateline (char          **paragraph,
                BylineArticle  *article)
{
  static const char * const not_places[] = {
    "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION",
    "WATCH", "LIVE", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "NOTE",
    "FILE", "PHOTO", "VIDEO", "COMMENT", "REVIEW", "FACT CHECK", "AUDIO",
    "EXPLAINER", "OBITUARY", "ADVERTISEMENT", "SPONSORED", "WARNING",
    NULL
  };
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *place = NULL;
  g_autofree char *qualifier = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *dateline = NULL;
  const char *byline = byline_article_get_byline (article);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(\\p{Lu}[\\p{Lu}'’.-]*(?: \\p{Lu}[\\p{Lu}'’.-]*){0,3})"
                                    "(?:, (\\p{Lu}[\\p{L}.]*(?: [\\p{Lu}0-9][\\p{L}0-9.]*)?))?"
                                    "(?: \\(([^()]{1,40})\\))?"
                                    "(?: *[—–] *| +--? +)"
                                    "(\\S.*)$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, *paragraph, 0, &match))
    return FALSE;

  place = g_match_info_fetch (match, 1);
  qualifier = g_match_info_fetch (match, 2);
  agency = g_match_info_fetch (match, 3);
  rest = g_match_info_fetch (match, 4);

  if (g_utf8_strlen (place, -1) < 3 || in_word_list (place, not_places))
    return FALSE;
  if (count_words (rest) < 2)
    return FALSE;

  if (qualifier != NULL && *qualifier != '\0' && is_month_name (qualifier))
    {
      /* "PORTVALE, March 3": only the date line says which year. */
      if (byline_article_get_published (article) == 0)
        return FALSE;
      dateline = g_strdup (place);
    }
  else if (qualifier != NULL && *qualifier != '\0')
    dateline = g_strdup_printf ("%s, %s", place, qualifier);
  else
    dateline = g_strdup (place);

  if (agency != NULL && *agency != '\0')
    {
      if (byline != NULL && *byline != '\0' && g_strcmp0 (byline, agency) != 0)
        return FALSE;
      byline_article_set_byline (article, agency);
    }

  byline_article_set_dateline (article, dateline);
  g_free (*paragraph);
  *paragraph = g_steal_pointer (&rest);

  return TRUE;
}

static gboolean
looks_like_entity (const char *amp)
{
  const char *p = amp + 1;
  guint n = 0;

  if (*p == '#')
    p++;
  while (g_ascii_isalnum (*p) && n < 32)
    {
      p++;
      n++;
    }

  return n > 0 && *p == ';';
}

/* Escapes one paragraph of plain text (a single line) so CommonMark renders
 * exactly that text, escaping no more than it has to. */
void
_byline_import_append_escaped (GString    *out,
                               const char *text)
{
  const char *p = text;

  /* Block markers at the start: headings, quotes, lists, rules, fences. */
  if (*p == '>' || (*p == '~' && p[1] == '~' && p[2] == '~'))
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (*p == '#')
    {
      guint n = strspn (p, "#");

      if (n <= 6 && (p[n] == ' ' || p[n] == '\t' || p[n] == '\0'))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (*p == '-' || *p == '+')
    {
      if (p[1] == ' ' || p[1] == '\t' || p[1] == '\0' || p[1] == '-')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (g_ascii_isdigit (*p))
    {
      guint n = strspn (p, "0123456789");

      if (n <= 9 && (p[n] == '.' || p[n] == ')') &&
          (p[n + 1] == ' ' || p[n + 1] == '\t' || p[n + 1] == '\0'))
        {
          g_string_append_len (out, p, n);
          g_string_append_c (out, '\\');
          p += n;
          g_string_append_c (out, *p++);
        }
    }

  for (; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '<':
          g_string_append_c (out, '\\');
          break;

        case '_':
          /* Between letters or digits an underscore never emphasises. */
          if (p == text || !g_ascii_isalnum (p[-1]) || !g_ascii_isalnum (p[1]))
            g_string_append_c (out, '\\');
          break;

        case '&':
          if (looks_like_entity (p))
            g_string_append_c (out, '\\');
          break;

        default:
          break;
        }

      g_string_append_c (out, *p);
    }
}

/* "BBC News, Port Ellery", "Harbour reporter": a few capitalised words
 * under a byline, not a sentence. */
static gboolean
is_affiliation (const char *line)
{
  guint words = count_words (line);

  return words >= 1 && words <= 5 && strlen (line) <= 60 &&
         g_unichar_isupper (g_utf8_get_char (line)) &&
         !ends_like_sentence (line) && !g_str_has_suffix (line, ":") &&
         !is_chrome (line);
}

/* Plain text */

typedef enum
{
  BLOCK_PARAGRAPH,
  BLOCK_PIN,      /* text is the related article's headline */
  BLOCK_CHROME,   /* "Advertisement" and the like: dropped */
} BlockKind;

typedef struct
{
  char      *text;
  BlockKind  kind;
} Block;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block);
}

static void
add_block (GPtrArray *blocks,
           char      *text,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->text = text;
  block->kind = kind;
  g_ptr_array_add (blocks, block);
}

static void
flush_paragraph (GPtrArray *blocks,
                 GString   *paragraph)
{
  if (paragraph->len > 0)
    add_block (blocks, g_strdup (paragraph->str), BLOCK_PARAGRAPH);
  g_string_truncate (paragraph, 0);
}

static int
prev_nonblank (char **lines,
               int    i)
{
  for (i--; i >= 0; i--)
    if (*lines[i] != '\0')
      return i;

  return -1;
}

static int
next_nonblank (char  **lines,
               guint   n_lines,
               int     i)
{
  for (i++; i < (int) n_lines; i++)
    if (*lines[i] != '\0')
      return i;

  return -1;
}

/* Whether @line, just above the date, is the standfirst under @above
 * rather than the headline: a full sentence, or (many sites end the
 * standfirst without a full stop) a long line under one that reads as a
 * headline of five words or more: two such lines are headline and
 * standfirst, in that order. */
static gboolean
looks_like_standfirst (const char *line,
                       const char *above)
{
  guint words = count_words (line);
  guint above_words = count_words (above);

  if (ends_with_period (line))
    return words >= 6;

  return words >= 8 && words <= 60 && above_words >= 5;
}

/* Finds the headline. The date line anchors it: the headline is the last line
 * before the first date line, skipping a byline between them; everything
 * above it is site chrome. A date whose neighbours are menus ("Home | News")
 * is the masthead's "today" and is passed over. A full sentence ending in a
 * period between a headline and the date is the standfirst.
 *
 * Without a date line: menus, breadcrumbs ("|", "›"), known menu words,
 * taglines ("since 1881") and calls to action are chrome, as are runs of
 * short lines; the headline is the first line of at least three words that
 * is none of these and does not end like a sentence or with "|" or ":". */
static gboolean
find_headline (char          **lines,
               guint           n_lines,
               GTimeZone      *tz,
               BylineArticle  *article,
               int            *header_end)
{
  guint seen = 0;

  for (guint i = 0; i < n_lines && seen < MAX_HEADER_LINES; i++)
    {
      g_autofree char *byline = NULL;
      gint64 published = 0;
      int head;
      int next;
      int k;

      if (*lines[i] == '\0')
        continue;
      seen++;

      if (!parse_date (lines[i], tz, &published))
        continue;

      head = prev_nonblank (lines, i);
      while (head >= 0)
        {
          g_autofree char *name = parse_byline (lines[head]);

          if (name == NULL && byline == NULL)
            name = parse_bare_byline (lines[head]);
          if (name == NULL)
            break;
          g_free (byline);
          byline = g_steal_pointer (&name);
          head = prev_nonblank (lines, head);
        }

      if (head < 0 || is_chrome (lines[head]) || parse_date (lines[head], tz, NULL))
        continue;

      next = next_nonblank (lines, n_lines, i);
      if (next >= 0 && is_navigation (lines[next]))
        continue;

      k = prev_nonblank (lines, head);
      if (k >= 0 && looks_like_headline (lines[k]) && !parse_date (lines[k], tz, NULL) &&
          looks_like_standfirst (lines[head], lines[k]))
        {
          byline_article_set_standfirst (article, lines[head]);
          head = k;
        }

      byline_article_set_headline (article, lines[head]);
      byline_article_set_published (article, published);
      if (byline != NULL)
        byline_article_set_byline (article, byline);

      *header_end = i + 1;
      return TRUE;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      gboolean found = FALSE;
      guint words;
      int prev;

      if (*lines[i] == '\0' || !looks_like_headline (lines[i]) || parse_date (lines[i], tz, NULL))
        continue;

      words = count_words (lines[i]);
      if (words > 3)
        found = TRUE;
      else
        {
          /* Three words in a row of short lines is a menu, not a headline. */
          int next = next_nonblank (lines, n_lines, i);
          g_autofree char *name = next >= 0 ? parse_byline (lines[next]) : NULL;

          found = next < 0 || name != NULL || count_words (lines[next]) > 3;
        }

      if (!found)
        continue;

      prev = prev_nonblank (lines, i);
      if (prev >= 0)
        {
          gint64 published = 0;

          if (parse_date (lines[prev], tz, &published))
            byline_article_set_published (article, published);
        }

      byline_article_set_headline (article, lines[i]);
      *header_end = i + 1;

      /* A standfirst without its full stop, right under the headline (a
       * first paragraph ends like a sentence). */
      {
        int next = next_nonblank (lines, n_lines, i);
        g_autofree char *read = next >= 0 ? _byline_import_parse_read_line (lines[next]) : NULL;

        if (next >= 0 && !ends_like_sentence (lines[next]) && !parse_date (lines[next], tz, NULL) &&
            !is_chrome (lines[next]) && !is_promo (lines[next]) &&
            read == NULL &&
            looks_like_standfirst (lines[next], lines[i]))
          {
            byline_article_set_standfirst (article, lines[next]);
            *header_end = next + 1;
          }
      }
      return TRUE;
    }

  return FALSE;
}

/* @text has passed byline-importer.c's checks: UTF-8, no NUL, "\n" line
 * ends. */
BylineArticle *
_byline_import_plain_text (const char  *text,
                           GTimeZone   *tz,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  gboolean blank_separated = FALSE;
  gboolean one_per_line = FALSE;
  gboolean have_caption = FALSE;
  gboolean after_byline = FALSE;
  int body_start = 0;
  int first = -1;
  int last = -1;
  guint n_paragraphs = 0;
  guint cut;

  for (guint i = 0; i < n_lines; i++)
    _byline_import_strip_line (lines[i]);

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  /* Arabic letters mean Arabic; Latin ones say nothing, so the article is
   * left without a language and the store gives it the publication's. */
  byline_article_set_language (article, byline_language_detect_script (text));

  if (!find_headline (lines, n_lines, tz, article, &body_start))
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_NO_HEADLINE, display_name,
                                _("no line in it looks like a headline. Put the headline on its own line at the top and import it again."));
      return NULL;
    }

  /* What follows the headline and date: more dates ("Updated …"), a byline,
   * share buttons, then the first line ending in a bracketed credit is the
   * photo caption. */
  for (; body_start < (int) n_lines; body_start++)
    {
      const char *line = lines[body_start];
      g_autofree char *name = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *credit = NULL;
      gint64 published = 0;

      if (*line == '\0')
        continue;

      if (parse_date (line, tz, &published))
        {
          if (byline_article_get_published (article) == 0)
            byline_article_set_published (article, published);
          continue;
        }

      if (byline_article_get_byline (article) == NULL ||
          *byline_article_get_byline (article) == '\0')
        {
          name = parse_byline (line);
          if (name != NULL)
            {
              byline_article_set_byline (article, name);
              after_byline = TRUE;
              continue;
            }
        }
      else if (after_byline && is_affiliation (line))
        {
          /* "BBC News, Port Ellery" under "By Sam Holt". */
          g_autofree char *joined = g_strdup_printf ("%s, %s", byline_article_get_byline (article), line);

          byline_article_set_byline (article, joined);
          after_byline = FALSE;
          continue;
        }
      after_byline = FALSE;

      if (is_chrome (line))
        continue;

      if (!have_caption && parse_caption (line, &caption, &credit))
        {
          byline_article_set_caption (article, caption);
          byline_article_set_credit (article, credit);
          have_caption = TRUE;
          body_start++;
        }
      else if (!have_caption)
        {
          /* A caption with its credit on the next line: "Image: RNLI". */
          int next = next_nonblank (lines, n_lines, body_start);
          g_autofree char *next_caption = NULL;

          if (next >= 0 && count_words (line) <= 40 &&
              parse_caption (lines[next], &next_caption, &credit) && *next_caption == '\0')
            {
              byline_article_set_caption (article, line);
              byline_article_set_credit (article, credit);
              have_caption = TRUE;
              body_start = next + 1;
            }
        }

      break;
    }

  /* Paragraphs are separated by blank lines; text without any blank line
   * has one paragraph per line. */
  for (guint i = body_start; i < n_lines; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (first < 0)
        first = i;
      else if (last + 1 < (int) i)
        blank_separated = TRUE;
      last = i;
    }

  /* A marker such as "Advertisement" or "Related topics" is never part of a
   * paragraph: it stands alone, and the lines after it in the same group are
   * a list of links, one per line. */
  for (int i = first; first >= 0 && i <= last; i++)
    {
      const char *line = lines[i];
      g_autofree char *read = NULL;
      gboolean marker;

      if (*line == '\0' || !blank_separated || one_per_line)
        {
          flush_paragraph (blocks, paragraph);
          if (*line == '\0')
            {
              one_per_line = FALSE;
              continue;
            }
        }

      if ((read = _byline_import_parse_read_line (line)) != NULL)
        {
          flush_paragraph (blocks, paragraph);
          add_block (blocks, g_steal_pointer (&read), BLOCK_PIN);
          continue;
        }

      marker = is_inline_chrome (line) || is_trailer_marker (line);
      if (marker)
        {
          flush_paragraph (blocks, paragraph);
          add_block (blocks, g_strdup (line), is_inline_chrome (line) ? BLOCK_CHROME : BLOCK_PARAGRAPH);
          one_per_line = TRUE;
          continue;
        }

      if (paragraph->len > 0)
        g_string_append_c (paragraph, ' ');
      g_string_append (paragraph, line);
    }
  flush_paragraph (blocks, paragraph);

  /* Trailing chrome: from a marker such as "Related topics" or "© 2023" to
   * the end, as long as what follows it is link lists and notices (short
   * lines that are not sentences) rather than reporting. */
  cut = blocks->len;
  for (guint i = blocks->len; i > 0; i--)
    {
      Block *block = g_ptr_array_index (blocks, i - 1);

      if (block->kind == BLOCK_PIN)
        break;

      if (block->kind == BLOCK_CHROME || is_trailer_marker (block->text) || is_promo (block->text))
        cut = i - 1;
      else if (count_words (block->text) > 15 || ends_like_sentence (block->text))
        break;
    }
  g_ptr_array_set_size (blocks, cut);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (block->kind == BLOCK_CHROME)
        continue;

      if (block->kind == BLOCK_PIN)
        {
          byline_article_add_pin (article, byline_pin_new (n_paragraphs, 0, block->text));
          continue;
        }

      if (n_paragraphs == 0)
        split_dateline (&block->text, article);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      _byline_import_append_escaped (body, block->text);
      n_paragraphs++;
    }

  byline_article_set_body (article, body->str);

  return g_steal_pointer (&article);
}
