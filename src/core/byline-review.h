/* byline-review.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-note.h"
#include "byline-revision.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* Editors' review: the workflow state with who changed it, revisions, and
 * notes. The rules of the workflow are in byline-workflow.h, the word diff
 * in byline-diff.h, how notes follow edits in byline-notes.h; this is what
 * the store keeps of them. A change of state, a new revision, a restore and
 * every change to a note emit the store's "changed" signal with the
 * article's id (so the sidebar can recount open notes).
 *
 * @author is the person's name as Preferences give it (the account's real
 * name by default); the store keeps it as given.
 *
 * The classes are in byline-revision.h and byline-note.h; the store's side
 * is in byline-store-workflow.c, byline-store-revisions.c and
 * byline-store-notes.c. */

/* --- Workflow ------------------------------------------------------------ */

/* Moves @article to @to if the workflow allows it (else
 * BYLINE_WORKFLOW_ERROR, and nothing is written). First saves @article as it
 * is (inserting it if new); then, in one transaction, writes the state,
 * records who changed it and when, and stores a revision (reason "state").
 * Publishing sets the published time to now when it is unset; spiking
 * remembers the state it left, and restoring a spiked article (the only way
 * out) goes back there. @article is updated to match.
 *
 * Publishing is refused while a READ: link leads to a page that is not out
 * (BYLINE_STORE_ERROR_UNPUBLISHED_LINK, naming the linked articles; see
 * byline_store_list_unpublished_links()); the text is saved all the same. */
gboolean       byline_store_set_status         (BylineStore    *self,
                                                BylineArticle  *article,
                                                BylineStatus    to,
                                                const char     *author,
                                                GError        **error);
/* A READ: link that keeps an article from being published: its page is
 * not out. */
typedef struct
{
  guint         index;       /* the pin's place among the article's pins */
  gint64        related_id;  /* 0: it links to no article in the archive */
  char         *headline;    /* the linked article's headline, or the pin's */
  BylineStatus  status;      /* the linked article's state */
  gboolean      trashed;     /* the linked article is in the Trash */
} BylineUnpublishedLink;

void           byline_unpublished_link_free    (BylineUnpublishedLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineUnpublishedLink, byline_unpublished_link_free)

/* The stored READ: links of article @article_id that lead to a page that
 * is not published (a draft, one in review, approved, spiked, in the
 * Trash, deleted or never found), in reading order: publishing refuses
 * them (BYLINE_STORE_ERROR_UNPUBLISHED_LINK). Empty when there are none.
 * (element-type BylineUnpublishedLink) (transfer full) */
GPtrArray     *byline_store_list_unpublished_links (BylineStore *self,
                                                    gint64       article_id,
                                                    GError     **error);
/* The link named for a sentence or a list: "“Old pier plans shelved”
 * (article 12, a draft)". (transfer full) */
char          *byline_unpublished_link_dup_label (const BylineUnpublishedLink *link);
/* One line for a person: why @headline cannot be published for @links
 * (element-type BylineUnpublishedLink), naming each, and what to do.
 * (transfer full) */
char          *byline_unpublished_links_dup_message (const char *headline,
                                                     GPtrArray  *links);

/* The state a spiked article was spiked from (where restoring takes it);
 * Draft when the article is not spiked or it is not known. Pass it to
 * byline_workflow_next_states() to offer the allowed states. */
BylineStatus   byline_store_get_spiked_from    (BylineStore    *self,
                                                gint64          article_id,
                                                GError        **error);

typedef struct
{
  gint64        article_id;
  gint64        created;    /* Unix seconds */
  char         *author;
  BylineStatus  from;
  BylineStatus  to;
} BylineStatusEvent;

void           byline_status_event_free        (BylineStatusEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineStatusEvent, byline_status_event_free)

/* Every change of state, in the order they were made (the order the store
 * wrote them, whatever the desks' clocks say). (element-type BylineStatusEvent) */
GPtrArray     *byline_store_list_status_events (BylineStore    *self,
                                                gint64          article_id,
                                                GError        **error);

/* --- Revisions ----------------------------------------------------------- */

/* Newest first. (element-type BylineRevision) */
GPtrArray      *byline_store_list_revisions       (BylineStore    *self,
                                                   gint64          article_id,
                                                   GError        **error);
BylineRevision *byline_store_load_revision        (BylineStore    *self,
                                                   gint64          revision_id,
                                                   GError        **error);
/* Stores a revision of @article as it is now in memory (it must have been
 * saved once, for its id). Use BYLINE_REVISION_MANUAL for "Save Revision". */
BylineRevision *byline_store_save_revision        (BylineStore    *self,
                                                   BylineArticle  *article,
                                                   const char     *author,
                                                   BylineRevisionReason reason,
                                                   GError        **error);
/* Call after each autosave: stores a revision (reason "auto", time @now in
 * Unix seconds) when the newest one is more than ten minutes older than
 * @now and @article's fields differ from it (or there is none yet and the
 * article is not blank). *@created says whether it did. FALSE only on
 * error. */
gboolean        byline_store_maybe_auto_revision  (BylineStore    *self,
                                                   BylineArticle  *article,
                                                   const char     *author,
                                                   gint64          now,
                                                   gboolean       *created,
                                                   GError        **error);
/* Writes the text of revision @revision_id back to article @article_id:
 * every field but the state and the published time, which stay as they
 * are (restoring text never publishes or unpublishes). Nothing is lost:
 * the article's text as it was is first kept as a revision (unless the
 * newest revision already holds it), and the restore is a revision too
 * (reason "restore"). Pins stay as they are. Returns the article as now
 * stored: an open editor should show it instead of its own copy, and drop
 * any edit it had not saved yet. */
BylineArticle  *byline_store_restore_revision     (BylineStore    *self,
                                                   gint64          article_id,
                                                   gint64          revision_id,
                                                   const char     *author,
                                                   GError        **error);
/* The newest revision not made by @author: what review mode compares the
 * current text with (byline_diff_words() on the two bodies). NULL, with no
 * error, when every revision is @author's. */
BylineRevision *byline_store_last_revision_by_other (BylineStore  *self,
                                                     gint64        article_id,
                                                     const char   *author,
                                                     GError      **error);

/* --- Notes --------------------------------------------------------------- */

/* Starts a thread on article @article_id: on the passage [@start, @end) of
 * its body as stored (so save pending edits first), or on the whole article
 * with -1, -1. */
BylineNote *byline_store_add_note          (BylineStore  *self,
                                            gint64        article_id,
                                            const char   *author,
                                            const char   *text,
                                            int           start,
                                            int           end,
                                            GError      **error);
/* Replies to @note_id's thread (replying to a reply answers the same
 * thread). Replying reopens a resolved thread. */
BylineNote *byline_store_reply_note        (BylineStore  *self,
                                            gint64        note_id,
                                            const char   *author,
                                            const char   *text,
                                            GError      **error);
/* Resolves (or reopens) the thread @note_id belongs to. */
gboolean    byline_store_resolve_note      (BylineStore  *self,
                                            gint64        note_id,
                                            gboolean      resolved,
                                            GError      **error);
gboolean    byline_store_delete_note       (BylineStore  *self,
                                            gint64        note_id,
                                            GError      **error);
/* Puts a thread on another passage of the body as stored (-1, -1: the
 * whole article). */
gboolean    byline_store_set_note_anchor   (BylineStore  *self,
                                            gint64        note_id,
                                            int           start,
                                            int           end,
                                            GError      **error);
/* Every note, thread by thread in the order they were started, each
 * followed by its replies, with anchors on the body as stored now.
 * (element-type BylineNote) */
GPtrArray  *byline_store_list_notes        (BylineStore  *self,
                                            gint64        article_id,
                                            GError      **error);
/* Threads not resolved yet, for the sidebar. */
guint       byline_store_count_open_notes  (BylineStore  *self,
                                            gint64        article_id,
                                            GError      **error);
/* Moves the anchors onto the body as stored, following the edits since
 * they were last worked out (byline_notes_reanchor()). Listing the notes
 * does it first, so nobody has to call this after saving; it is here for
 * code that reads anchors some other way. */
gboolean    byline_store_update_note_anchors (BylineStore  *self,
                                              gint64        article_id,
                                              GError      **error);

G_END_DECLS
