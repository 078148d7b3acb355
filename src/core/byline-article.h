/* byline-article.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_STATUS_DRAFT,
  BYLINE_STATUS_IN_REVIEW,
  BYLINE_STATUS_APPROVED,
  BYLINE_STATUS_PUBLISHED,
  BYLINE_STATUS_SPIKED,
} BylineStatus;

#define BYLINE_N_STATUSES (BYLINE_STATUS_SPIKED + 1)

GType        byline_status_get_type    (void) G_GNUC_CONST;
#define BYLINE_TYPE_STATUS (byline_status_get_type ())

/* "draft", "in-review", "approved", "published", "spiked": the words used in
 * files, on the command line and in the database. */
const char  *byline_status_to_string   (BylineStatus  status);
gboolean     byline_status_from_string (const char   *str,
                                        BylineStatus *status);
/* Translated, for people: "Draft", "In Review", ... */
const char  *byline_status_get_label   (BylineStatus  status);

#define BYLINE_ARTICLE_ERROR (byline_article_error_quark ())

typedef enum
{
  BYLINE_ARTICLE_ERROR_SELF,            /* an article cannot link to itself */
  BYLINE_ARTICLE_ERROR_NOT_SAVED,       /* a related article needs its id */
  BYLINE_ARTICLE_ERROR_ALREADY_LINKED,  /* one READ: link per related article */
} BylineArticleError;

GQuark       byline_article_error_quark (void);

#define BYLINE_TYPE_ARTICLE (byline_article_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticle, byline_article, BYLINE, ARTICLE, GObject)

BylineArticle *byline_article_new            (void);
BylineArticle *byline_article_copy           (BylineArticle *self);

gint64        byline_article_get_id          (BylineArticle *self);
void          byline_article_set_id          (BylineArticle *self,
                                              gint64         id);
/* The version stored in the newsroom when the article was loaded or last
 * saved: a save names it, and the store refuses it when someone else has
 * saved a newer one since (BYLINE_STORE_ERROR_CONFLICT). 0 for an article
 * that did not come from the store. */
gint64        byline_article_get_version     (BylineArticle *self);
void          byline_article_set_version     (BylineArticle *self,
                                              gint64         version);
/* Who saved the stored version: a person's name (a newsroom server's login
 * role, or Preferences' name on this computer). */
const char   *byline_article_get_updated_by  (BylineArticle *self);
void          byline_article_set_updated_by  (BylineArticle *self,
                                              const char    *updated_by);
const char   *byline_article_get_uuid        (BylineArticle *self);
void          byline_article_set_uuid        (BylineArticle *self,
                                              const char    *uuid);
const char   *byline_article_get_slug        (BylineArticle *self);
void          byline_article_set_slug        (BylineArticle *self,
                                              const char    *slug);
const char   *byline_article_get_section     (BylineArticle *self);
void          byline_article_set_section     (BylineArticle *self,
                                              const char    *section);
const char   *byline_article_get_headline    (BylineArticle *self);
void          byline_article_set_headline    (BylineArticle *self,
                                              const char    *headline);
const char   *byline_article_get_standfirst  (BylineArticle *self);
void          byline_article_set_standfirst  (BylineArticle *self,
                                              const char    *standfirst);
const char   *byline_article_get_byline      (BylineArticle *self);
void          byline_article_set_byline      (BylineArticle *self,
                                              const char    *byline);
const char   *byline_article_get_dateline    (BylineArticle *self);
void          byline_article_set_dateline    (BylineArticle *self,
                                              const char    *dateline);
const char   *byline_article_get_caption     (BylineArticle *self);
void          byline_article_set_caption     (BylineArticle *self,
                                              const char    *caption);
const char   *byline_article_get_credit      (BylineArticle *self);
void          byline_article_set_credit      (BylineArticle *self,
                                              const char    *credit);
const char   *byline_article_get_image       (BylineArticle *self);
void          byline_article_set_image       (BylineArticle *self,
                                              const char    *image);
const char   *byline_article_get_image_alt   (BylineArticle *self);
void          byline_article_set_image_alt   (BylineArticle *self,
                                              const char    *image_alt);
const char   *byline_article_get_body        (BylineArticle *self);
void          byline_article_set_body        (BylineArticle *self,
                                              const char    *body);
const char * const *
              byline_article_get_tags        (BylineArticle *self);
void          byline_article_set_tags        (BylineArticle *self,
                                              const char * const *tags);
/* Tags as the store keeps them: "budget, politics", a comma inside a tag
 * written "\,", a backslash "\\", so a tag such as "coast, north" (a quoted
 * front-matter tag) stays one tag. Text written before reads the same. */
char         *byline_tags_dup_stored         (const char * const *tags);
char        **byline_tags_parse_stored       (const char    *text);
/* Tags as people type them: "budget, politics". Splits on commas, trims,
 * drops empty and duplicate tags. */
char         *byline_article_dup_tags_string (BylineArticle *self);
void          byline_article_set_tags_string (BylineArticle *self,
                                              const char    *tags);
BylineStatus  byline_article_get_status      (BylineArticle *self);
void          byline_article_set_status      (BylineArticle *self,
                                              BylineStatus   status);
/* Times are Unix seconds (UTC); 0 means "not set" (only published may be unset). */
gint64        byline_article_get_created     (BylineArticle *self);
void          byline_article_set_created     (BylineArticle *self,
                                              gint64         created);
gint64        byline_article_get_updated     (BylineArticle *self);
void          byline_article_set_updated     (BylineArticle *self,
                                              gint64         updated);
gint64        byline_article_get_published   (BylineArticle *self);
void          byline_article_set_published   (BylineArticle *self,
                                              gint64         published);
const char   *byline_article_get_language    (BylineArticle *self);
void          byline_article_set_language    (BylineArticle *self,
                                              const char    *language);

/* Pinned related articles (BylinePin), in reading order. */
GListModel   *byline_article_get_pins        (BylineArticle *self);
void          byline_article_add_pin         (BylineArticle *self,
                                              gpointer       pin);
void          byline_article_clear_pins      (BylineArticle *self);
/* Each of these emits "items-changed" on the pins model, which the autosave
 * and the preview follow. Out-of-range indexes are ignored (insert appends). */
void          byline_article_insert_pin      (BylineArticle *self,
                                              guint          index,
                                              gpointer       pin);
void          byline_article_remove_pin      (BylineArticle *self,
                                              guint          index);
void          byline_article_move_pin        (BylineArticle *self,
                                              guint          from,
                                              guint          to);
/* For a pin changed in place (set_position(), set_related_id()...). */
void          byline_article_pin_changed     (BylineArticle *self,
                                              guint          index);
/* The index at which a pin placed at @position keeps the pins in reading
 * order: after every pin at or before @position. */
guint         byline_article_find_pin_slot   (BylineArticle *self,
                                              guint          position);
/* Links @related (a stored article) with a READ: pin after body block
 * @position (0: before the first), in reading order among the other pins.
 * An article links to another at most once: _ERROR_ALREADY_LINKED says
 * where the link already is; _ERROR_SELF and _ERROR_NOT_SAVED refuse what
 * cannot be a link. */
gboolean      byline_article_link_related    (BylineArticle *self,
                                              BylineArticle *related,
                                              guint          position,
                                              GError       **error);

/* The headline, or "Untitled Article" (translated) while there is none:
 * what windows and lists show for the article. */
const char   *byline_article_get_display_headline (BylineArticle *self);
/* The time the page shows: published, else last updated, else created;
 * 0 when none is set. */
gint64        byline_article_get_shown_time  (BylineArticle *self);
/* That time as a short local date for lists: "Mar 3, 2023", or "". */
char         *byline_article_dup_date_label  (BylineArticle *self);

/* The file name of the article's published page: "<id>-<slug>.html". */
char         *byline_article_dup_page_name   (BylineArticle *self);

/* A URL-safe slug made of ASCII letters, digits and dashes ("article" if
 * nothing is left), at most 80 characters. */
char         *byline_slugify                 (const char    *text);

/* The rules behind the display headline, shown time, date label and page
 * name above, for whatever holds those fields (BylineArticleSummary too). */
const char   *byline_headline_for_display    (const char    *headline);
gint64        byline_time_shown              (gint64         published,
                                              gint64         updated,
                                              gint64         created);
char         *byline_date_label_for          (gint64         when);
char         *byline_page_name_for           (gint64         id,
                                              const char    *slug,
                                              const char    *headline);

G_END_DECLS
