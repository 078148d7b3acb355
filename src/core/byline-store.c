/* byline-store.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "byline-article-fields.h"
#include "byline-author.h"
#include "byline-limits.h"
#include "byline-outbox.h"
#include "byline-pg-connection.h"
#include "byline-review.h"
#include "byline-store-private.h"
#include "byline-util.h"

/* The store: what the windows and the command line call. It keeps the
 * rules that hold whatever engine holds the newsroom (what a valid article
 * is, what a save stamps on it, which articles a change concerns) and asks
 * its backend (byline-store-backend.h) for the rows. */

struct _BylineStore
{
  GObject             parent_instance;

  char               *path;
  BylineStoreBackend *backend;
  GMainContext       *context;
  GThread            *owner;
  /* Who saves, as Preferences name them (a server knows its login role). */
  char               *user_name;
  /* This store's desk, for edit locks: one per window session. */
  char               *desk;
  /* Where saves wait while the newsroom server cannot be reached. */
  BylineOutbox       *outbox;
  /* Article id → the versions an outbox entry was sent from and made
   * (gint64[2]): this desk's newer text of it, edited from the older
   * version, goes on top of its own sent one (byline_store_send_outbox()). */
  GHashTable         *replayed;
  GMutex              user_name_lock;
  /* Inside a "changed" that watch_changes announced. */
  guint               announcing_elsewhere;
  /* Whether the newsroom server is away, as its listening connection
   * (set from the watch) and this desk's queries (set from any thread)
   * last found it; "offline" says either, on the store's context. */
  gint                watch_lost;
  gint                query_failed;
  gboolean            offline;
};

G_DEFINE_FINAL_TYPE (BylineStore, byline_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-store-error-quark, byline_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_OFFLINE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
byline_store_finalize (GObject *object)
{
  BylineStore *self = (BylineStore *)object;

  if (self->backend != NULL)
    self->backend->vtable->close (self->backend);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->desk, g_free);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->replayed, g_hash_table_unref);
  g_mutex_clear (&self->user_name_lock);

  G_OBJECT_CLASS (byline_store_parent_class)->finalize (object);
}

static void
byline_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BylineStore *self = BYLINE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_store_class_init (BylineStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_store_finalize;
  object_class->get_property = byline_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Whether the newsroom server cannot be reached (its connection dropped,
   * or a query found it gone), told on the thread that created the store;
   * never on a desk's own file. */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Fires on the thread that created the store after an article was saved,
   * trashed, restored or deleted, or its state, notes or revisions
   * changed; the id is 0 when many changed at once. The detail says what
   * changed (BYLINE_STORE_CHANGED_*). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

/* A desk names its process too, "uuid/host pid-namespace/pid": a program
 * on the same computer can then tell a lock left by a process that was
 * killed or crashed (_byline_store_desk_is_gone()) and take it at once,
 * rather than show the person their own article read-only for a minute
 * after a restart. */
char *
_byline_store_make_desk (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *pid_ns = g_file_read_link ("/proc/self/ns/pid", NULL);

  return g_strdup_printf ("%s/%s %s/%d", uuid, g_get_host_name (),
                          pid_ns != NULL ? pid_ns : "-", (int) getpid ());
}

/* Whether @desk is a process of this computer and pid namespace that no
 * longer runs. Any doubt (another computer, another namespace, a desk
 * made by another version) says no: the lock then lapses as usual. */
gboolean
_byline_store_desk_is_gone (const char *desk)
{
  g_autofree char *mine = _byline_store_make_desk ();
  const char *slash = desk != NULL ? strchr (desk, '/') : NULL;
  const char *my_slash = strchr (mine, '/');
  const char *pid_start;
  const char *my_pid_start;
  gint64 pid;
  char *end = NULL;

  /* Without /proc, no way to tell this namespace from another. */
  if (slash == NULL || strstr (mine, " -/") != NULL)
    return FALSE;

  pid_start = strrchr (desk, '/');
  my_pid_start = strrchr (mine, '/');
  if (pid_start == slash ||
      pid_start - slash != my_pid_start - my_slash ||
      strncmp (slash, my_slash, pid_start - slash) != 0)
    return FALSE;

  pid = g_ascii_strtoll (pid_start + 1, &end, 10);
  if (end == pid_start + 1 || *end != '\0' || pid <= 0 || pid > G_MAXINT || pid == getpid ())
    return FALSE;

  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static void
byline_store_init (BylineStore *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  g_mutex_init (&self->user_name_lock);
  self->desk = _byline_store_make_desk ();
  self->replayed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

const char *
byline_store_get_desk (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  return self->desk;
}

/**
 * byline_store_adopt:
 * @self: a store
 *
 * Makes the calling thread the store's own: the one its signals are
 * emitted on at once, from any other they go through its main context.
 * The window opens a newsroom on a worker thread (a server may take
 * seconds to answer) and calls this when the store reaches the main
 * thread; otherwise that worker, reused by a later background job, would
 * run the windows' handlers off the main thread.
 */
void
byline_store_adopt (BylineStore *self)
{
  g_return_if_fail (BYLINE_IS_STORE (self));

  self->owner = g_thread_self ();
}

/* Whether this thread may emit the store's signals now: it made the store,
 * or it runs the store's context (the main thread, in the program). A
 * worker sends them there with byline_invoke_later(). */
static gboolean
on_own_thread (BylineStore *self)
{
  return g_thread_self () == self->owner || g_main_context_is_owner (self->context);
}

typedef struct
{
  BylineStore *store;
  gint64       id;
  GQuark       detail;
} ChangedData;

static gboolean
emit_changed_cb (gpointer user_data)
{
  ChangedData *data = user_data;

  g_signal_emit (data->store, signals[CHANGED], data->detail, data->id);
  g_object_unref (data->store);
  g_free (data);

  return G_SOURCE_REMOVE;
}

void
_byline_store_emit_changed (BylineStore *self,
                            gint64       id,
                            const char  *what)
{
  /* Not _static_: @what may come from another program's change, in a
   * string freed once this returns. */
  GQuark detail = g_quark_from_string (what);
  ChangedData *data;

  if (on_own_thread (self))
    {
      g_signal_emit (self, signals[CHANGED], detail, id);
      return;
    }

  data = g_new0 (ChangedData, 1);
  data->store = g_object_ref (self);
  data->id = id;
  data->detail = detail;
  byline_invoke_later (self->context, emit_changed_cb, data, NULL);
}

/* Connection state */

static gboolean
update_offline_cb (gpointer user_data)
{
  g_autoptr(BylineStore) self = user_data;
  gboolean offline = g_atomic_int_get (&self->watch_lost) || g_atomic_int_get (&self->query_failed);

  if (offline != self->offline)
    {
      self->offline = offline;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }

  return G_SOURCE_REMOVE;
}

/* "offline" follows what queries and the watch found, on the store's
 * thread. */
static void
update_offline (BylineStore *self)
{
  if (on_own_thread (self))
    update_offline_cb (g_object_ref (self));
  else
    byline_invoke_later (self->context, update_offline_cb, g_object_ref (self), NULL);
}

/* What a query just found out about the server: @error is the query's
 * failure, or NULL when it went through. Any thread. */
void
_byline_store_note_query (BylineStore  *self,
                          const GError *error)
{
  gboolean failed = g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE);

  if (error != NULL && !failed)
    return;
  if (g_atomic_int_exchange (&self->query_failed, failed) == failed)
    return;

  update_offline (self);
}

static void
note_watch (BylineStore *self,
            gboolean     lost)
{
  g_atomic_int_set (&self->watch_lost, lost);
  /* Back: the server answers again, whatever an earlier query found. */
  if (!lost)
    g_atomic_int_set (&self->query_failed, FALSE);

  update_offline (self);
}

/**
 * byline_store_get_offline:
 * @self: a store
 *
 * Returns: whether the newsroom server cannot be reached now (#BylineStore:offline)
 */
gboolean
byline_store_get_offline (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  return self->offline;
}

BylineStoreBackend *
_byline_store_get_backend (BylineStore *self)
{
  return self->backend;
}

gint64
_byline_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
_byline_store_finish (BylineStore  *self,
                      const char   *doing,
                      GError      **local_error,
                      GError      **error)
{
  if (*local_error == NULL)
    self->backend->vtable->commit (self->backend, doing, local_error);
  else
    self->backend->vtable->rollback (self->backend);

  if (*local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (local_error));
      return FALSE;
    }

  return TRUE;
}

void
_byline_store_set_not_found (GError **error,
                             gint64   article_id)
{
  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
               _("No article with id %" PRId64 ". Run “byline --list” to see the ids."),
               article_id);
}

gboolean
_byline_store_check_text (const char  *text,
                          const char  *what,
                          GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed: a field such as “headline”, or “name” or “note” */
                   _("The %s is not valid UTF-8 text, so it was not saved. Retype or paste it again."),
                   what);
      return FALSE;
    }

  return TRUE;
}

/* Whether stored article @id was ever published: its history says so
 * (a move to or from Published; an article imported as published has the
 * latter once it is unpublished). */
static gboolean
was_published (BylineStoreBackend  *backend,
               gint64               id,
               gboolean            *published,
               GError             **error)
{
  g_autoptr(GPtrArray) events = backend->vtable->list_status_events (backend, id, error);

  *published = FALSE;
  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len && !*published; i++)
    {
      const BylineStatusEvent *event = g_ptr_array_index (events, i);

      *published = event->from == BYLINE_STATUS_PUBLISHED || event->to == BYLINE_STATUS_PUBLISHED;
    }

  return TRUE;
}

gboolean
_byline_store_dup_slug (BylineStore    *self,
                        BylineArticle  *article,
                        char          **slug,
                        GError        **error)
{
  const char *stored = byline_article_get_slug (article);
  g_autofree char *made = byline_slugify (byline_article_get_headline (article));
  gboolean published = FALSE;

  *slug = NULL;

  /* A page's address is fixed once it went out, and stays so through an
   * unpublishing and a new headline: links to it must keep working. */
  if (byline_article_get_id (article) > 0 && *stored != '\0' && !g_str_equal (stored, made))
    {
      if (byline_article_get_status (article) == BYLINE_STATUS_PUBLISHED)
        published = TRUE;
      else if (!was_published (self->backend, byline_article_get_id (article), &published, error))
        return FALSE;
    }

  *slug = published ? g_strdup (stored) : g_steal_pointer (&made);
  return TRUE;
}

BylinePin *
_byline_store_pin_from_row (guint         position,
                            gint64        related_id,
                            const char   *headline,
                            const char   *related_slug,
                            BylineStatus  related_status,
                            gboolean      related_trashed)
{
  BylinePin *pin = byline_pin_new (position, related_id, headline);

  if (related_id > 0)
    {
      g_autofree char *page_name = byline_page_name_for (related_id, related_slug, headline);

      byline_pin_set_page_name (pin, page_name);
      /* A page that will not be published, or not any more. */
      byline_pin_set_related_spiked (pin, related_status == BYLINE_STATUS_SPIKED || related_trashed);
    }

  return pin;
}

void
_byline_store_set_trace (BylineStore          *self,
                         BylineStoreTraceFunc  func,
                         gpointer              user_data)
{
  g_return_if_fail (BYLINE_IS_STORE (self));

  self->backend->vtable->set_trace (self->backend, func, user_data);
}

/**
 * byline_store_dup_default_path:
 *
 * Returns: (transfer full): where the newsroom lives unless told otherwise
 */
char *
byline_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "byline", "newsroom.db", NULL);
}

static gboolean
make_default_folder (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_dir = g_filename_display_name (dir);

      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the newsroom database: %s. "
                     "Check that your home folder is writable, or choose a file with --database."),
                   display_dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * byline_store_new:
 * @path: (nullable): the database file, or %NULL for the default one
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
BylineStore *
byline_store_new (const char  *path,
                  GError     **error)
{
  return byline_store_open (path, NULL, error);
}

/**
 * byline_store_open:
 * @location: (nullable): a database file, %NULL for the default one, or a
 *   newsroom server's URI
 * @password: (nullable): the server password, overriding ~/.pgpass
 * @error: return location for a #GError
 *
 * Picks the engine by @location and opens the newsroom with it.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
BylineStore *
byline_store_open (const char  *location,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(BylineStore) self = NULL;
  g_autofree char *default_path = NULL;

  if (byline_pg_is_uri (location))
    {
      self = g_object_new (BYLINE_TYPE_STORE, NULL);
      self->path = g_strdup (location);
      self->backend = _byline_store_pg_open (location, password, error);
      if (self->backend == NULL)
        return NULL;

      return g_steal_pointer (&self);
    }

  if (location == NULL)
    {
      location = default_path = byline_store_dup_default_path ();
      if (!make_default_folder (default_path, error))
        return NULL;
    }

  self = g_object_new (BYLINE_TYPE_STORE, NULL);
  self->path = g_strdup (location);
  self->backend = _byline_store_sqlite_open (location, error);
  if (self->backend == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
byline_store_get_path (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  return self->path;
}

gboolean
byline_store_is_read_only (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  return self->backend->read_only;
}

/* For tests that hold locks from a second connection. */
void
byline_store_set_busy_timeout (BylineStore *self,
                               guint        milliseconds)
{
  g_return_if_fail (BYLINE_IS_STORE (self));

  self->backend->vtable->set_busy_timeout (self->backend, milliseconds);
}

/* GObject strings arrive from importers and widgets; a database would store
 * invalid UTF-8 and hand it to the renderer later, so refuse it here. */
static gboolean
validate_article (BylineArticle  *article,
                  GError        **error)
{
  const BylineArticleField *invalid;

  g_autofree char *past_limit = NULL;

  invalid = byline_article_fields_find_invalid (article, BYLINE_FIELD_CHECKED);
  if (invalid != NULL)
    return _byline_store_check_text (invalid->get_text (article), _(invalid->label), error);

  /* The same limits as an import, so that no article typed in the window
   * or sent by a script makes the list, the window or an export slow for
   * everyone else in the newsroom. */
  past_limit = byline_limits_check_article (article);
  if (past_limit != NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   /* Translators: %s says which field is past its limit and what to do */
                   _("Could not save the article: %s"), past_limit);
      return FALSE;
    }

  return TRUE;
}

/* A link from an article to itself would be a page linking to itself. */
static gboolean
check_pins (BylineArticle  *article,
            gint64          id,
            GError        **error)
{
  GListModel *pins = byline_article_get_pins (article);
  guint n_pins = g_list_model_get_n_items (pins);

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);

      if (byline_pin_get_related_id (pin) == id)
        {
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                       _("An article cannot link to itself. Remove the READ: link to “%s”."),
                       byline_pin_get_headline (pin));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * byline_store_save_article:
 * @self: a store
 * @article: the article to write: a whole article, never a summary
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the article and its pins are on disk
 */
/* The server could not be reached: the text waits on this computer, and
 * the message says so. */
static void
keep_in_outbox (BylineStore    *self,
                BylineArticle  *article,
                const char     *uuid,
                GError        **error)
{
  g_autoptr(BylineArticle) waiting = NULL;
  g_autoptr(GError) outbox_error = NULL;
  g_autofree char *headline = NULL;

  _byline_store_note_query (self, *error);
  if (self->outbox == NULL || !g_error_matches (*error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE))
    return;

  waiting = byline_article_copy (article);
  byline_article_set_uuid (waiting, uuid);
  if (!byline_outbox_push (self->outbox, self->path, waiting, &outbox_error))
    {
      g_prefix_error (error, "%s ", outbox_error->message);
      return;
    }

  headline = g_strdup (byline_article_get_display_headline (article));
  g_clear_error (error);
  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE,
               _("The newsroom server cannot be reached: “%s” is kept on this computer "
                 "and will be sent when the server is back."),
               headline);
}

/**
 * byline_store_set_outbox:
 * @self: a store
 * @outbox: (nullable): where saves wait while the server is away
 *
 * From now on a save the newsroom server could not take is kept in
 * @outbox (and fails with BYLINE_STORE_ERROR_OFFLINE, saying so);
 * byline_store_send_outbox() sends what waits.
 */
void
byline_store_set_outbox (BylineStore  *self,
                         BylineOutbox *outbox)
{
  g_return_if_fail (BYLINE_IS_STORE (self));

  g_set_object (&self->outbox, outbox);
}

/**
 * byline_store_get_outbox:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): where saves wait while the
 *   newsroom server cannot be reached, if anywhere
 */
BylineOutbox *
byline_store_get_outbox (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  return self->outbox;
}

/* An outbox entry of article @id, edited from @from, is stored as
 * version @to. */
static void
note_replayed (BylineStore *self,
               gint64       id,
               gint64       from,
               gint64       to)
{
  gint64 versions[2] = { from, to };

  g_mutex_lock (&self->user_name_lock);
  g_hash_table_insert (self->replayed, g_memdup2 (&id, sizeof id), g_memdup2 (versions, sizeof versions));
  g_mutex_unlock (&self->user_name_lock);
}

/* The version a save of article @id edited from @version names: the one
 * its own text, sent from the outbox, made of it. The window that kept
 * typing while the outbox was sent from another thread saves on top of
 * what it sent, and is refused only when someone else saved since. */
static gint64
replayed_version (BylineStore *self,
                  gint64       id,
                  gint64       version,
                  gboolean     forget)
{
  gint64 *versions;

  g_mutex_lock (&self->user_name_lock);
  versions = g_hash_table_lookup (self->replayed, &id);
  if (versions != NULL && versions[0] == version)
    version = versions[1];
  if (forget && versions != NULL)
    g_hash_table_remove (self->replayed, &id);
  g_mutex_unlock (&self->user_name_lock);

  return version;
}

/**
 * byline_store_send_outbox:
 * @self: a store
 * @sent: (out) (optional): how many articles were sent
 * @conflicts: (out) (optional): how many had been changed by someone else
 *   meanwhile: their stored text stays, and the waiting text is kept as a
 *   revision on top, so neither is lost
 * @error: return location for a #GError
 *
 * Sends the saves waiting in the outbox, oldest first, each through the
 * version check. Stops at the first that fails for another reason (still
 * offline, say), leaving it and the rest waiting.
 *
 * Returns: %FALSE when something is still waiting
 */
gboolean
byline_store_send_outbox (BylineStore  *self,
                          guint        *sent,
                          guint        *conflicts,
                          GError      **error)
{
  g_autoptr(GPtrArray) waiting = NULL;
  guint n_sent = 0;
  guint n_conflicts = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  if (sent != NULL)
    *sent = 0;
  if (conflicts != NULL)
    *conflicts = 0;
  if (self->outbox == NULL)
    return TRUE;

  waiting = byline_outbox_list (self->outbox, self->path, error);
  if (waiting == NULL)
    return FALSE;

  for (guint i = 0; i < waiting->len; i++)
    {
      BylineArticle *article = g_ptr_array_index (waiting, i);
      g_autoptr(GError) local_error = NULL;
      gint64 from = byline_article_get_version (article);

      if (!byline_store_save_article (self, article, &local_error))
        {
          g_autoptr(BylineRevision) kept = NULL;
          g_autofree char *author = NULL;

          if (!g_error_matches (local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          /* Someone saved meanwhile: theirs stays the article, ours is kept
           * in its History. */
          author = byline_store_dup_user_name (self);
          if (*author == '\0')
            {
              g_free (author);
              author = byline_author_dup_name (NULL);
            }
          kept = byline_store_save_revision (self, article, author,
                                             BYLINE_REVISION_MANUAL, error);
          if (kept == NULL)
            return FALSE;
          n_conflicts++;
        }
      else
        {
          note_replayed (self, byline_article_get_id (article), from, byline_article_get_version (article));
          n_sent++;
        }

      if (!byline_outbox_remove (self->outbox, self->path, article, error))
        return FALSE;
    }

  if (sent != NULL)
    *sent = n_sent;
  if (conflicts != NULL)
    *conflicts = n_conflicts;

  return TRUE;
}

/* An update found nothing to apply to: the article was deleted, or someone
 * saved a newer version since this one was loaded. Says which, and who. */
static void
set_not_saved_error (BylineStore    *self,
                     BylineArticle  *article,
                     GError        **error)
{
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  const char *who;

  stored = self->backend->vtable->load_article (self->backend, byline_article_get_id (article),
                                                FALSE, NULL);
  if (stored == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("The article “%s” was deleted, so it could not be saved. "
                     "Copy its text into a new article to keep it."),
                   byline_article_get_headline (article));
      return;
    }

  when = g_date_time_new_from_unix_local (byline_article_get_updated (stored));
  time = when ? g_date_time_format (when, "%H:%M") : g_strdup ("?");
  who = byline_article_get_updated_by (stored);

  if (*who != '\0')
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT,
                 /* Translators: a person's name, a headline, a time such as 10:42 */
                 _("%s changed “%s” at %s while you were editing it. "
                   "See their version, or keep yours as a new revision on top."),
                 who, byline_article_get_display_headline (stored), time);
  else
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT,
                 /* Translators: a headline, a time such as 10:42 */
                 _("“%s” was changed elsewhere at %s while you were editing it. "
                   "See that version, or keep yours as a new revision on top."),
                 byline_article_get_display_headline (stored), time);
}

static void
remote_change_cb (gint64      article_id,
                  const char *what,
                  gpointer    user_data)
{
  BylineStore *self = user_data;

  if (g_strcmp0 (what, BYLINE_STORE_WATCH_LOST) == 0 || g_strcmp0 (what, BYLINE_STORE_WATCH_BACK) == 0)
    {
      note_watch (self, g_str_equal (what, BYLINE_STORE_WATCH_LOST));
      return;
    }

  self->announcing_elsewhere++;
  _byline_store_emit_changed (self, article_id, what);
  self->announcing_elsewhere--;
}

/**
 * byline_store_change_is_from_elsewhere:
 * @self: a store
 *
 * For a "changed" handler: whether the change being announced was seen by
 * byline_store_watch_changes() (another program or desk wrote it) rather
 * than made through this store. The open article follows the first kind;
 * its own saves are in it already. A file's changes log may also hand back
 * this store's own change among others': it then counts as from
 * elsewhere, which costs a look, never a missed change.
 *
 * Returns: %TRUE inside a handler of a change from elsewhere
 */
gboolean
byline_store_change_is_from_elsewhere (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  return self->announcing_elsewhere > 0;
}

/**
 * byline_store_watch_changes:
 * @self: a store
 * @error: return location for a #GError
 *
 * From now on, what other programs (on a newsroom file) or other desks (on
 * a newsroom server) change is announced with "changed" on this thread's
 * main context, article by article, as this store's own changes are: the
 * lists, the open article and the notes follow it. Windows call this; the
 * command line, which lives for one action, does not.
 *
 * Returns: %FALSE when the engine could not start watching
 */
gboolean
byline_store_watch_changes (BylineStore  *self,
                            GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  if (self->backend->vtable->watch_changes == NULL)
    return TRUE;

  return self->backend->vtable->watch_changes (self->backend, remote_change_cb, self, error);
}

gboolean
byline_store_is_editor (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), TRUE);

  if (self->backend->vtable->is_editor == NULL)
    return TRUE;

  return self->backend->vtable->is_editor (self->backend);
}

/**
 * byline_store_set_user_name:
 * @self: a store
 * @name: (nullable): the person's name
 *
 * Who saves from here on: recorded with each save, and named to the other
 * desks when their save comes too late. A newsroom server records its
 * login role instead.
 */
void
byline_store_set_user_name (BylineStore *self,
                            const char  *name)
{
  g_return_if_fail (BYLINE_IS_STORE (self));

  g_mutex_lock (&self->user_name_lock);
  g_free (self->user_name);
  self->user_name = g_strdup (name);
  g_mutex_unlock (&self->user_name_lock);
}

/**
 * byline_store_dup_user_name:
 * @self: a store
 *
 * Returns: (transfer full): the name set with byline_store_set_user_name(),
 *   or ""
 */
char *
byline_store_dup_user_name (BylineStore *self)
{
  char *name;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  g_mutex_lock (&self->user_name_lock);
  name = g_strdup (self->user_name ? self->user_name : "");
  g_mutex_unlock (&self->user_name_lock);

  return name;
}

/**
 * byline_store_dup_role_name:
 * @self: a store
 *
 * Returns: (transfer full) (nullable): the newsroom server's name for the
 *   person at this desk, or %NULL for a newsroom file
 */
char *
byline_store_dup_role_name (BylineStore *self)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (self->backend->vtable->dup_role_name == NULL)
    return NULL;

  return self->backend->vtable->dup_role_name (self->backend);
}

gboolean
byline_store_save_article (BylineStore    *self,
                           BylineArticle  *article,
                           GError        **error)
{
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *user_name = NULL;
  const char *doing = _("save the article");
  BylineArticleStamp stamp = { 0 };
  gboolean inserting;
  gboolean found = TRUE;
  gint64 id;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (!validate_article (article, error))
    return FALSE;

  backend = self->backend;
  id = byline_article_get_id (article);
  inserting = id == 0;

  /* A new article that does not say its language (a new blank one, an
   * import whose script said nothing) is in the publication's. */
  if (inserting && *byline_article_get_language (article) == '\0')
    {
      g_autoptr(BylinePublication) publication = byline_store_load_publication (self, NULL, NULL);

      byline_article_set_language (article, publication != NULL ? publication->language : "en");
    }

  if (*byline_article_get_uuid (article) != '\0')
    uuid = g_strdup (byline_article_get_uuid (article));
  else
    uuid = g_uuid_string_random ();
  stamp.uuid = uuid;
  stamp.updated = _byline_store_now ();
  stamp.created = byline_article_get_created (article);
  if (stamp.created == 0)
    stamp.created = stamp.updated;
  stamp.version = byline_article_get_version (article);
  if (!inserting)
    stamp.version = replayed_version (self, id, stamp.version, FALSE);
  user_name = byline_store_dup_user_name (self);
  stamp.updated_by = user_name;

  if (!backend->vtable->begin (backend, doing, &local_error))
    {
      keep_in_outbox (self, article, uuid, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* In the transaction: whether the article was ever published is read
   * with it. */
  if (!_byline_store_dup_slug (self, article, &slug, &local_error))
    goto failed;
  stamp.slug = slug;

  if (inserting)
    backend->vtable->insert_article (backend, article, &stamp, &id, &local_error);
  else if (backend->vtable->update_article (backend, id, article, &stamp, &found, &local_error) && !found)
    set_not_saved_error (self, article, &local_error);

  if (local_error == NULL &&
      check_pins (article, id, &local_error))
    backend->vtable->write_pins (backend, id, byline_article_get_pins (article), &local_error);

failed:
  if (local_error != NULL)
    {
      backend->vtable->rollback (backend);
      keep_in_outbox (self, article, uuid, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!backend->vtable->commit (backend, doing, &local_error))
    {
      keep_in_outbox (self, article, uuid, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _byline_store_note_query (self, NULL);

  /* Sent: an older text waiting in the outbox must not follow it. */
  if (self->outbox != NULL && !inserting)
    {
      byline_outbox_remove (self->outbox, self->path, article, NULL);
      replayed_version (self, id, 0, TRUE);
    }

  /* Outside the transaction: the article's notify handlers may call the
   * store themselves. */
  byline_article_set_id (article, id);
  byline_article_set_uuid (article, uuid);
  byline_article_set_slug (article, slug);
  byline_article_set_created (article, stamp.created);
  byline_article_set_updated (article, stamp.updated);
  byline_article_set_version (article, stamp.version);
  byline_article_set_updated_by (article, stamp.updated_by);

  _byline_store_emit_changed (self, id, inserting ? BYLINE_STORE_CHANGED_INSERTED
                                                  : BYLINE_STORE_CHANGED_SAVED);

  return TRUE;
}

/**
 * byline_store_load_article:
 * @self: a store
 * @id: the article's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article with its pins
 */
BylineArticle *
byline_store_load_article (BylineStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  BylineArticle *article;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  article = self->backend->vtable->load_article (self->backend, id, TRUE, &local_error);
  if (article == NULL && local_error == NULL)
    _byline_store_set_not_found (&local_error, id);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return article;
}

static gboolean
check_query (const BylineArticleQuery  *query,
             GError                   **error)
{
  if (query->status >= BYLINE_N_STATUSES)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("Unknown article status %d."), query->status);
      return FALSE;
    }

  return TRUE;
}

static const BylineArticleQuery all_articles = BYLINE_ARTICLE_QUERY_INIT;

/**
 * byline_store_list_articles:
 * @self: a store
 * @query: (nullable): what to list; %NULL lists every live article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineArticleSummary) (nullable):
 *   the articles' summaries, newest first
 */
GPtrArray *
byline_store_list_articles (BylineStore               *self,
                            const BylineArticleQuery  *query,
                            GError                   **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all_articles;
  if (!check_query (query, error))
    return NULL;

  summaries = g_ptr_array_new_with_free_func (g_object_unref);
  if (!self->backend->vtable->list_summaries (self->backend, query, summaries, error))
    return NULL;

  return g_steal_pointer (&summaries);
}

/**
 * byline_store_locate_article:
 * @self: a store
 * @query: (nullable): the list's query
 * @id: an article
 * @position: (out): where @query lists it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): its summary, or %NULL when @query
 *   does not list it (or on error)
 */
BylineArticleSummary *
byline_store_locate_article (BylineStore               *self,
                             const BylineArticleQuery  *query,
                             gint64                     id,
                             guint                     *position,
                             GError                   **error)
{
  guint unused;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all_articles;
  if (position == NULL)
    position = &unused;
  *position = 0;

  if (!check_query (query, error))
    return NULL;

  return self->backend->vtable->locate_summary (self->backend, query, id, position, error);
}

guint
byline_store_count_articles (BylineStore               *self,
                             const BylineArticleQuery  *query,
                             GError                   **error)
{
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (self), 0);

  if (query == NULL)
    query = &all_articles;
  if (!check_query (query, error))
    return 0;

  self->backend->vtable->count_articles (self->backend, query, &count, error);
  return count;
}

gint64
byline_store_find_by_headline (BylineStore  *self,
                               const char   *headline,
                               GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (self), 0);

  if (headline == NULL || *headline == '\0')
    return 0;

  self->backend->vtable->find_by_headline (self->backend, headline, &id, error);
  return id;
}

void
byline_store_resolve_pins (BylineStore   *self,
                           BylineArticle *article)
{
  GListModel *pins;
  guint n_pins;

  g_return_if_fail (BYLINE_IS_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  pins = byline_article_get_pins (article);
  n_pins = g_list_model_get_n_items (pins);

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      g_autoptr(GError) error = NULL;
      gint64 id;

      if (byline_pin_is_resolved (pin))
        continue;

      id = byline_store_find_by_headline (self, byline_pin_get_headline (pin), &error);
      if (error != NULL)
        g_debug ("Could not resolve “%s”: %s", byline_pin_get_headline (pin), error->message);

      if (id > 0 && id != byline_article_get_id (article))
        byline_pin_set_related_id (pin, id);
    }
}

/* Trash, restore and delete: one row, and "changed" with @what. */
static gboolean
finish_article_change (BylineStore  *self,
                       gboolean      ok,
                       gboolean      found,
                       gint64        id,
                       const char   *what,
                       GError      **error)
{
  if (!ok)
    return FALSE;

  if (!found)
    {
      _byline_store_set_not_found (error, id);
      return FALSE;
    }

  _byline_store_emit_changed (self, id, what);
  return TRUE;
}

gboolean
byline_store_trash_article (BylineStore  *self,
                            gint64        id,
                            GError      **error)
{
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  ok = self->backend->vtable->set_trashed (self->backend, id, _byline_store_now (), &found, error);
  return finish_article_change (self, ok, found, id, BYLINE_STORE_CHANGED_TRASHED, error);
}

gboolean
byline_store_restore_article (BylineStore  *self,
                              gint64        id,
                              GError      **error)
{
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  ok = self->backend->vtable->set_trashed (self->backend, id, 0, &found, error);
  return finish_article_change (self, ok, found, id, BYLINE_STORE_CHANGED_RESTORED, error);
}

gboolean
byline_store_delete_article (BylineStore  *self,
                             gint64        id,
                             GError      **error)
{
  gboolean found = FALSE;
  gboolean ok;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  ok = self->backend->vtable->delete_article (self->backend, id, &found, error);
  return finish_article_change (self, ok, found, id, BYLINE_STORE_CHANGED_DELETED, error);
}

gboolean
byline_store_empty_trash (BylineStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  if (!self->backend->vtable->empty_trash (self->backend, error))
    return FALSE;

  _byline_store_emit_changed (self, 0, BYLINE_STORE_CHANGED_DELETED);
  return TRUE;
}
