/* byline-article-fields.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"

G_BEGIN_DECLS

/* An article's stored fields, described once. The store binds, loads,
 * validates, keeps revisions of and restores an article by walking this
 * table, and related-article search weighs words by it. Adding a field
 * is: the BylineArticle property, a row here, and a schema step in each
 * backend (byline-store-sqlite-schema.c: the column in articles, and in
 * revisions for a REVISION field; a SEARCHED one also rebuilds
 * articles_fts).
 * tests/test-store.c checks the schema against this table. */

typedef enum
{
  BYLINE_FIELD_TYPE_ID,      /* gint64, the row's key */
  BYLINE_FIELD_TYPE_TEXT,    /* UTF-8, never NULL ("" when empty) */
  BYLINE_FIELD_TYPE_TAGS,    /* stored as people type them: "budget, politics" */
  BYLINE_FIELD_TYPE_STATUS,  /* stored as its nick: "in-review" */
  BYLINE_FIELD_TYPE_TIME,    /* Unix seconds; 0 is stored as NULL when OPTIONAL */
} BylineFieldType;

typedef enum
{
  /* The row's identity: never written by a save. */
  BYLINE_FIELD_KEY        = 1 << 0,
  /* Worked out by the store at each save (uuid, slug, created, updated). */
  BYLINE_FIELD_STAMPED    = 1 << 1,
  /* Written when the article is first stored, then only by a change of
   * state (byline_store_set_status()), so an autosave from a window that
   * shows an old state cannot undo a change made elsewhere. */
  BYLINE_FIELD_WORKFLOW   = 1 << 2,
  /* In the full-text index: search and related articles find it. */
  BYLINE_FIELD_SEARCHED   = 1 << 3,
  /* Kept in each revision. */
  BYLINE_FIELD_REVISION   = 1 << 4,
  /* Written back by restoring a revision; two versions alike in these hold
   * the same text. */
  BYLINE_FIELD_RESTORED   = 1 << 5,
  /* Its words count towards a revision's words added and removed. */
  BYLINE_FIELD_WORDS      = 1 << 6,
  /* Refused unless it is valid UTF-8 (the message names it by its label). */
  BYLINE_FIELD_CHECKED    = 1 << 7,
  /* A time that may be unset: 0 is stored as NULL. */
  BYLINE_FIELD_OPTIONAL   = 1 << 8,
  /* Its text is Markdown (the body), not plain: words are counted as a
   * reader reads the page (byline-text.h). */
  BYLINE_FIELD_MARKDOWN   = 1 << 9,
  /* The stored version a save must name (compare and set): 1 on insert,
   * one more at each update, which only applies to the version it names. */
  BYLINE_FIELD_VERSION    = 1 << 10,
} BylineFieldFlags;

typedef struct
{
  const char        *name;           /* the column ("image_alt") */
  BylineFieldType    type;
  BylineFieldFlags   flags;
  const char        *label;          /* N_(): how a message names it, or NULL */
  /* How much one of its words says about the story when looking for
   * related articles (BYLINE_FIELD_SEARCHED only). */
  double             related_weight;
  /* TEXT fields */
  const char      *(*get_text)       (BylineArticle *article);
  void             (*set_text)       (BylineArticle *article,
                                      const char    *text);
  /* ID and TIME fields */
  gint64           (*get_int)        (BylineArticle *article);
  void             (*set_int)        (BylineArticle *article,
                                      gint64         value);
} BylineArticleField;

/* In the order of the articles table's columns. */
extern const BylineArticleField byline_article_fields[];
#define BYLINE_N_ARTICLE_FIELDS 21

/* The field called @name, or NULL. */
const BylineArticleField *byline_article_field_find     (const char               *name);
/* TEXT, TAGS and STATUS fields as stored. (transfer full) */
char                     *byline_article_field_dup_text (const BylineArticleField *field,
                                                         BylineArticle            *article);
void                      byline_article_field_set_text (const BylineArticleField *field,
                                                         BylineArticle            *article,
                                                         const char               *text);
/* ID and TIME fields. */
gint64                    byline_article_field_get_int  (const BylineArticleField *field,
                                                         BylineArticle            *article);
void                      byline_article_field_set_int  (const BylineArticleField *field,
                                                         BylineArticle            *article,
                                                         gint64                    value);
gboolean                  byline_article_field_is_text  (const BylineArticleField *field);

/* Whether @a and @b agree in every field with all of @flags. */
gboolean  byline_article_fields_equal (BylineArticle     *a,
                                       BylineArticle     *b,
                                       BylineFieldFlags   flags);
/* Copies every field with all of @flags from @from to @to. */
void      byline_article_fields_copy  (BylineArticle     *to,
                                       BylineArticle     *from,
                                       BylineFieldFlags   flags);
/* The first field with all of @flags that is not valid UTF-8, or NULL. */
const BylineArticleField *
          byline_article_fields_find_invalid (BylineArticle    *article,
                                              BylineFieldFlags  flags);

G_END_DECLS
