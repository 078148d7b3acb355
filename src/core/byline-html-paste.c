/* byline-html-paste.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-html-paste"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "byline-html.h"
#include "byline-html-paste.h"
#include "byline-importer-private.h"

/* A web page pasted into the body: libxml2's HTML parser reads the page
 * as a browser would (unclosed tags, stray markup, entities), and this
 * walks the tree it builds, writing Markdown for what is the article's and
 * leaving out what is the site's. What counts as the site's is told first
 * by the markup (<nav>, <footer>, role="navigation", class="share-tools")
 * and then, for what the markup does not say, by the plain-text importer's
 * rules for a block's words (byline-import-text.c). */

/* Deeper than this, a page is nested beyond any article: its text is
 * kept, its structure no longer followed (the walk is recursive). */
#define MAX_DEPTH 128

/* Elements that never hold an article's text. */
static const char * const skipped_elements[] = {
  "script", "style", "noscript", "template", "iframe", "frame", "frameset",
  "object", "embed", "applet", "svg", "math", "canvas", "video", "audio",
  "picture", "img", "figure", "map", "form", "button", "input", "select",
  "textarea", "label", "nav", "header", "footer", "aside", "menu", "dialog",
  "head", "title", "meta", "link", "base",
  NULL
};

/* Words in a class or id that mark the site's parts. */
static const char * const chrome_words[] = {
  "nav", "navbar", "navigation", "menu", "share", "sharing", "social",
  "footer", "breadcrumb", "breadcrumbs", "related", "newsletter",
  "subscribe", "subscription", "advert", "advertisement", "ad", "ads",
  "promo", "cookie", "cookies", "comments", "sidebar", "toolbar", "skip",
  "paywall", "header", "masthead", "topbar",
  NULL
};

/* ARIA roles of the site's parts. */
static const char * const chrome_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu",
  "menubar", "toolbar", "dialog", "alertdialog",
  NULL
};

/* Elements that hold blocks: what they hold is walked as blocks. */
static const char * const container_elements[] = {
  "html", "body", "main", "article", "section", "div", "center", "address",
  "details", "summary", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
  "dl", "dt", "dd", "figcaption", "hgroup", "caption", "fieldset",
  NULL
};

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

/* Whether a class or id names one of the site's parts:
 * "article-share-tools", "site_footer", "navBar"... */
static gboolean
has_chrome_word (const char *names)
{
  g_autofree char *down = NULL;
  g_auto(GStrv) words = NULL;

  if (names == NULL)
    return FALSE;

  down = g_ascii_strdown (names, -1);
  for (char *p = down; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';

  words = g_strsplit (down, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && in_list (words[i], chrome_words))
      return TRUE;

  return FALSE;
}

/* An element that is not the article's: by its name, its role, its class
 * or id, or because it is hidden. */
static gboolean
is_chrome_element (xmlNode *node)
{
  g_autofree char *role = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (in_list ((const char *)node->name, skipped_elements))
    return TRUE;

  role = dup_attribute (node, "role");
  if (role != NULL && in_list (g_strstrip (role), chrome_roles))
    return TRUE;

  hidden = dup_attribute (node, "aria-hidden");
  if ((hidden != NULL && g_ascii_strcasecmp (hidden, "true") == 0) ||
      xmlHasProp (node, (const xmlChar *)"hidden") != NULL)
    return TRUE;

  klass = dup_attribute (node, "class");
  id = dup_attribute (node, "id");

  return has_chrome_word (klass) || has_chrome_word (id);
}

static gboolean
is_space_char (gunichar c)
{
  /* No-break spaces are how pages keep words together, not text. */
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static gboolean
is_invisible_char (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || c == 0x00AD;
}

/* --- Inline text -------------------------------------------------------- */

typedef struct
{
  GString  *md;        /* the Markdown */
  GString  *plain;     /* the same words without markup, for the rules */
  gboolean  lead;      /* began with white space */
  gboolean  space;     /* white space is owed before the next word */
} Inline;

static void
inline_init (Inline *in)
{
  in->md = g_string_new (NULL);
  in->plain = g_string_new (NULL);
  in->lead = FALSE;
  in->space = FALSE;
}

static void
inline_clear (Inline *in)
{
  g_string_free (in->md, TRUE);
  g_string_free (in->plain, TRUE);
  inline_init (in);
}

static void
inline_free (Inline *in)
{
  g_string_free (in->md, TRUE);
  g_string_free (in->plain, TRUE);
}

/* Pays the space owed, if there are words before it. */
static void
inline_pay_space (Inline *in)
{
  if (in->space && in->md->len > 0)
    {
      g_string_append_c (in->md, ' ');
      g_string_append_c (in->plain, ' ');
    }
  in->space = FALSE;
}

/* A text node: its white space collapsed as a browser shows it. */
static void
inline_text (Inline     *in,
             const char *text)
{
  g_autoptr(GString) words = g_string_new (NULL);
  gboolean pending = FALSE;
  gboolean leading = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible_char (c))
        continue;

      if (is_space_char (c))
        {
          if (leading && in->md->len == 0 && words->len == 0)
            in->lead = TRUE;
          if (leading)
            in->space = TRUE;
          else
            pending = TRUE;
          continue;
        }

      if (pending)
        g_string_append_c (words, ' ');
      pending = FALSE;
      leading = FALSE;
      g_string_append_unichar (words, c);
    }

  if (words->len > 0)
    {
      inline_pay_space (in);
      _byline_import_append_escaped (in->md, words->str);
      g_string_append (in->plain, words->str);
    }

  if (pending)
    in->space = TRUE;
}

/* Appends @sub's words between @open and @close (emphasis, a link), its
 * white space outside them, where Markdown needs it. */
static void
inline_wrap (Inline     *in,
             Inline     *sub,
             const char *open,
             const char *close)
{
  if (sub->lead)
    in->space = TRUE;

  if (sub->md->len > 0)
    {
      inline_pay_space (in);
      g_string_append (in->md, open);
      g_string_append (in->md, sub->md->str);
      g_string_append (in->md, close);
      g_string_append (in->plain, sub->plain->str);
    }

  if (sub->space)
    in->space = TRUE;
}

static void
inline_break (Inline *in)
{
  if (in->md->len == 0)
    return;

  /* Two breaks in a row are how some pages (and mail) part paragraphs. */
  if (g_str_has_suffix (in->md->str, "\\\n"))
    {
      g_string_truncate (in->md, in->md->len - 2);
      g_string_append (in->md, "\n\n");
    }
  else if (!g_str_has_suffix (in->md->str, "\n\n"))
    g_string_append (in->md, "\\\n");
  g_string_append_c (in->plain, ' ');
  in->space = FALSE;
}

/* A code span around @text, with enough backticks. */
static void
inline_code (Inline     *in,
             const char *text)
{
  g_autoptr(GString) code = g_string_new (NULL);
  g_autofree char *fence = NULL;
  guint longest = 0, run = 0;
  Inline sub;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space_char (c))
        c = ' ';
      if (c == ' ' && code->len > 0 && code->str[code->len - 1] == ' ')
        continue;
      g_string_append_unichar (code, c);
      run = c == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  g_strstrip (code->str);
  code->len = strlen (code->str);
  if (code->len == 0)
    return;

  fence = g_strnfill (longest + 1, '`');
  inline_init (&sub);
  g_string_append (sub.md, code->str[0] == '`' || code->str[code->len - 1] == '`' ? " " : "");
  g_string_append (sub.md, code->str);
  g_string_append (sub.md, code->str[0] == '`' || code->str[code->len - 1] == '`' ? " " : "");
  g_string_append (sub.plain, code->str);
  inline_wrap (in, &sub, fence, fence);
  inline_free (&sub);
}

/* The link's address as Markdown takes it, or NULL for one that must not
 * go into an article: javascript:, data:, file: and the like, and
 * addresses relative to a page the article will not be on. */
static char *
dup_link_destination (const char *href)
{
  g_autofree char *scheme = NULL;
  g_autofree char *safe = NULL;
  GString *out;

  if (href == NULL)
    return NULL;

  scheme = byline_html_dup_url_scheme (href);
  if (scheme == NULL ||
      (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https") && !g_str_equal (scheme, "mailto")))
    return NULL;

  safe = byline_html_dup_safe_url (href);
  if (safe == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == ' ')
        g_string_append (out, "%20");
      else if (*p == '<' || *p == '>')
        g_string_append_printf (out, "%%%02X", (guchar)*p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void walk_inline (Inline  *in,
                         xmlNode *node,
                         guint    depth);

static void
walk_inline_children (Inline  *in,
                      xmlNode *node,
                      guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    walk_inline (in, child, depth + 1);
}

static void
walk_inline (Inline  *in,
             xmlNode *node,
             guint    depth)
{
  const char *name;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      inline_text (in, (const char *)node->content);
      return;
    }

  if (node->type != XML_ELEMENT_NODE || is_chrome_element (node))
    return;

  name = (const char *)node->name;
  if (depth > MAX_DEPTH)
    {
      xmlChar *text = xmlNodeGetContent (node);

      inline_text (in, (const char *)text);
      xmlFree (text);
      return;
    }

  if (g_ascii_strcasecmp (name, "br") == 0)
    inline_break (in);
  else if (g_ascii_strcasecmp (name, "strong") == 0 || g_ascii_strcasecmp (name, "b") == 0 ||
           g_ascii_strcasecmp (name, "em") == 0 || g_ascii_strcasecmp (name, "i") == 0 ||
           g_ascii_strcasecmp (name, "cite") == 0)
    {
      gboolean strong = name[0] == 's' || name[0] == 'S' || name[0] == 'b' || name[0] == 'B';
      Inline sub;

      inline_init (&sub);
      walk_inline_children (&sub, node, depth);
      inline_wrap (in, &sub, strong ? "**" : "*", strong ? "**" : "*");
      inline_free (&sub);
    }
  else if (g_ascii_strcasecmp (name, "code") == 0 || g_ascii_strcasecmp (name, "kbd") == 0 ||
           g_ascii_strcasecmp (name, "samp") == 0 || g_ascii_strcasecmp (name, "tt") == 0)
    {
      xmlChar *text = xmlNodeGetContent (node);

      inline_code (in, (const char *)text);
      xmlFree (text);
    }
  else if (g_ascii_strcasecmp (name, "a") == 0)
    {
      g_autofree char *href = dup_attribute (node, "href");
      g_autofree char *destination = dup_link_destination (href);
      g_autofree char *close = NULL;
      Inline sub;

      inline_init (&sub);
      walk_inline_children (&sub, node, depth);
      if (destination != NULL)
        {
          close = g_strdup_printf ("](%s)", destination);
          inline_wrap (in, &sub, "[", close);
        }
      else
        /* Its words stay; where it led does not. */
        inline_wrap (in, &sub, "", "");
      inline_free (&sub);
    }
  else
    {
      /* A block inside a line (a <div> in a link) still parts words. */
      gboolean block = in_list (name, container_elements) || g_ascii_strcasecmp (name, "p") == 0;

      if (block)
        in->space = TRUE;
      walk_inline_children (in, node, depth);
      if (block)
        in->space = TRUE;
    }
}

/* --- Blocks ------------------------------------------------------------- */

typedef struct
{
  GPtrArray *blocks;   /* (element-type utf8) Markdown blocks */
  Inline     para;     /* the paragraph being gathered */
  gboolean   ended;    /* past the article's end: the rest is the site's */
} Walk;

static void
walk_init (Walk *walk)
{
  walk->blocks = g_ptr_array_new_with_free_func (g_free);
  inline_init (&walk->para);
  walk->ended = FALSE;
}

static void
walk_clear (Walk *walk)
{
  g_ptr_array_unref (walk->blocks);
  inline_free (&walk->para);
}

/* Strips trailing white space and hard breaks from @md. */
static void
trim_block (GString *md)
{
  for (;;)
    {
      while (md->len > 0 && g_ascii_isspace (md->str[md->len - 1]))
        g_string_truncate (md, md->len - 1);
      if (md->len > 0 && md->str[md->len - 1] == '\\' &&
          (md->len < 2 || md->str[md->len - 2] != '\\'))
        g_string_truncate (md, md->len - 1);
      else
        break;
    }
}

/* Keeps @md (a block, with the words @plain) unless the importer's rules
 * say it is the site's; @prefix goes before it ("## "). */
static void
add_block (Walk       *walk,
           const char *prefix,
           GString    *md,
           GString    *plain)
{
  g_autofree char *line = g_strstrip (g_strdup (plain->str));

  trim_block (md);
  if (walk->ended || md->len == 0)
    return;

  if (_byline_import_is_chrome_line (line))
    return;

  /* "Related stories", "Most read": what follows is the site's. */
  if (_byline_import_is_trailer_line (line))
    {
      walk->ended = walk->blocks->len > 0;
      return;
    }

  g_ptr_array_add (walk->blocks, g_strconcat (prefix, md->str, NULL));
}

static void
flush_paragraph (Walk *walk)
{
  add_block (walk, "", walk->para.md, walk->para.plain);
  inline_clear (&walk->para);
}

/* Each line of @text after @first on the first, @rest on the others
 * (blank lines get @rest without its trailing spaces). */
static char *
dup_prefixed (const char *text,
              const char *first,
              const char *rest)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *bare = g_strchomp (g_strdup (rest));
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (i == 0)
        g_string_append (out, first);
      else if (*lines[i] != '\0')
        g_string_append (out, rest);
      else
        g_string_append (out, bare);
      g_string_append (out, lines[i]);
    }

  return g_string_free (out, FALSE);
}

static void walk_blocks (Walk    *walk,
                         xmlNode *parent,
                         guint    depth);

/* A list's items, each walked as blocks of its own. */
static void
walk_list (Walk    *walk,
           xmlNode *list,
           guint    depth)
{
  gboolean ordered = is_element (list, "ol");
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  guint number = 1;

  if (ordered)
    {
      g_autofree char *start = dup_attribute (list, "start");

      if (start != NULL)
        number = MIN (g_ascii_strtoull (start, NULL, 10), 999999999);
    }

  for (xmlNode *child = list->children; child != NULL; child = child->next)
    {
      g_autoptr(GString) item = g_string_new (NULL);
      g_autofree char *marker = NULL;
      g_autofree char *indent = NULL;
      g_autofree char *prefixed = NULL;
      Walk sub;

      if (child->type != XML_ELEMENT_NODE || is_chrome_element (child))
        continue;

      walk_init (&sub);
      if (is_element (child, "li"))
        walk_blocks (&sub, child, depth + 1);
      else
        walk_inline (&sub.para, child, depth + 1);
      flush_paragraph (&sub);

      for (guint i = 0; i < sub.blocks->len; i++)
        {
          const char *block = g_ptr_array_index (sub.blocks, i);

          if (i > 0)
            g_string_append (item, g_str_has_prefix (block, "- ") || g_ascii_isdigit (block[0]) ? "\n" : "\n\n");
          g_string_append (item, block);
        }
      walk_clear (&sub);

      if (item->len == 0)
        continue;

      marker = ordered ? g_strdup_printf ("%u. ", number++) : g_strdup ("- ");
      indent = g_strnfill (strlen (marker), ' ');
      prefixed = dup_prefixed (item->str, marker, indent);
      if (items->len > 0)
        g_string_append_c (items, '\n');
      g_string_append (items, prefixed);
      g_string_append (plain, item->str);
      g_string_append_c (plain, ' ');
    }

  if (items->len > 0 && !walk->ended)
    g_ptr_array_add (walk->blocks, g_string_free (g_steal_pointer (&items), FALSE));
}

static void
walk_quote (Walk    *walk,
            xmlNode *quote,
            guint    depth)
{
  g_autofree char *joined = NULL;
  Walk sub;

  walk_init (&sub);
  walk_blocks (&sub, quote, depth + 1);
  flush_paragraph (&sub);

  if (sub.blocks->len > 0 && !walk->ended)
    {
      g_ptr_array_add (sub.blocks, NULL);
      joined = g_strjoinv ("\n\n", (char **)sub.blocks->pdata);
      g_ptr_array_remove_index (sub.blocks, sub.blocks->len - 1);
      g_ptr_array_add (walk->blocks, dup_prefixed (joined, "> ", "> "));
    }

  walk_clear (&sub);
}

static void
walk_preformatted (Walk    *walk,
                   xmlNode *pre)
{
  xmlChar *content = xmlNodeGetContent (pre);
  g_autofree char *text = g_strdup ((const char *)content);
  const char *fence;
  gsize len;

  xmlFree (content);
  len = strlen (text);
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
    text[--len] = '\0';
  if (len == 0 || walk->ended)
    return;

  fence = strstr (text, "```") != NULL ? "~~~~" : "```";
  g_ptr_array_add (walk->blocks, g_strdup_printf ("%s\n%s\n%s", fence, text, fence));
}

static void
walk_heading (Walk    *walk,
              xmlNode *heading,
              guint    depth)
{
  g_autofree char *prefix = g_strnfill (heading->name[1] - '0', '#');
  g_autofree char *spaced = g_strconcat (prefix, " ", NULL);
  Inline in;

  inline_init (&in);
  walk_inline_children (&in, heading, depth);
  /* A heading is one line: its breaks become spaces. */
  for (gsize i = 0; i < in.md->len; i++)
    {
      if (in.md->str[i] == '\\' && in.md->str[i + 1] == '\n')
        g_string_erase (in.md, i, 1);
      if (in.md->str[i] == '\n')
        {
          in.md->str[i] = ' ';
          while (in.md->str[i + 1] == '\n')
            g_string_erase (in.md, i + 1, 1);
        }
    }
  add_block (walk, spaced, in.md, in.plain);
  inline_free (&in);
}

static void
walk_blocks (Walk    *walk,
             xmlNode *parent,
             guint    depth)
{
  for (xmlNode *node = parent->children; node != NULL && !walk->ended; node = node->next)
    {
      const char *name = (const char *)node->name;

      if (node->type != XML_ELEMENT_NODE)
        {
          walk_inline (&walk->para, node, depth + 1);
          continue;
        }

      if (is_chrome_element (node))
        continue;

      if (depth > MAX_DEPTH)
        {
          walk_inline (&walk->para, node, depth + 1);
          continue;
        }

      if (g_ascii_strcasecmp (name, "p") == 0)
        {
          flush_paragraph (walk);
          walk_inline_children (&walk->para, node, depth + 1);
          flush_paragraph (walk);
        }
      else if (strlen (name) == 2 && g_ascii_tolower (name[0]) == 'h' && name[1] >= '1' && name[1] <= '6')
        {
          flush_paragraph (walk);
          walk_heading (walk, node, depth + 1);
        }
      else if (g_ascii_strcasecmp (name, "ul") == 0 || g_ascii_strcasecmp (name, "ol") == 0)
        {
          flush_paragraph (walk);
          walk_list (walk, node, depth + 1);
        }
      else if (g_ascii_strcasecmp (name, "blockquote") == 0)
        {
          flush_paragraph (walk);
          walk_quote (walk, node, depth + 1);
        }
      else if (g_ascii_strcasecmp (name, "pre") == 0)
        {
          flush_paragraph (walk);
          walk_preformatted (walk, node);
        }
      else if (g_ascii_strcasecmp (name, "hr") == 0)
        flush_paragraph (walk);
      else if (in_list (name, container_elements) || g_ascii_strcasecmp (name, "li") == 0)
        {
          flush_paragraph (walk);
          walk_blocks (walk, node, depth + 1);
          flush_paragraph (walk);
        }
      else
        walk_inline (&walk->para, node, depth + 1);
    }
}

/* The article in the page, when the page says where it is: the first
 * <article>, else <main>; else the whole of it. */
static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              guint       depth)
{
  for (; node != NULL && depth <= MAX_DEPTH; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE || is_chrome_element (node))
        continue;
      if (is_element (node, name))
        return node;
      found = find_element (node->children, name, depth + 1);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clipboards hold UTF-16 on some systems (with a byte order mark), and a
 * trailing nul on others. (transfer full) */
static char *
dup_utf8 (const char *html,
          gsize       length)
{
  if (length >= 2 && (((guchar)html[0] == 0xFF && (guchar)html[1] == 0xFE) ||
                      ((guchar)html[0] == 0xFE && (guchar)html[1] == 0xFF)))
    {
      g_autofree char *converted = g_convert (html, length, "UTF-8", "UTF-16", NULL, NULL, NULL);

      if (converted != NULL)
        return g_utf8_make_valid (converted, -1);
    }

  while (length > 0 && html[length - 1] == '\0')
    length--;

  return g_utf8_make_valid (html, length);
}

char *
byline_html_paste_to_markdown (const char *html,
                               gssize      length)
{
  g_autofree char *text = NULL;
  htmlDocPtr doc;
  xmlNode *root;
  xmlNode *article;
  GString *out;
  Walk walk;

  if (html == NULL)
    return g_strdup ("");

  text = dup_utf8 (html, length < 0 ? strlen (html) : (gsize)length);
  if (*text == '\0')
    return g_strdup ("");

  doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET);
  if (doc == NULL)
    return g_strdup ("");

  root = xmlDocGetRootElement (doc);
  article = root != NULL ? find_element (root, "article", 0) : NULL;
  if (article == NULL && root != NULL)
    article = find_element (root, "main", 0);

  walk_init (&walk);
  walk_blocks (&walk, article != NULL ? article : (xmlNode *)doc, 0);
  flush_paragraph (&walk);

  out = g_string_new (NULL);
  for (guint i = 0; i < walk.blocks->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, g_ptr_array_index (walk.blocks, i));
    }

  walk_clear (&walk);
  xmlFreeDoc (doc);

  return g_string_free (out, FALSE);
}
