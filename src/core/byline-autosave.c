/* byline-autosave.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-autosave"

#include "config.h"

#include <string.h>

#include "byline-autosave.h"

#define DEFAULT_DELAY_MS 400
/* Someone typing without a pause still gets a write this often: with the
 * write itself, a crash loses less than a second of typing
 * (docs/RELIABILITY.md, tests/e2e/test_kills.py). */
#define MAX_WAIT_MS 800

/* One write on a worker thread. The main thread either waits for its
 * result on the main loop (save_done_cb) or, to write something newer right
 * away, joins it (wait_for_job): then the callback that comes later finds
 * the job finished and does nothing. The job holds the store only while
 * the worker runs, so a joined job left in the main loop's queue keeps
 * neither the store nor the autosave alive. */
typedef struct
{
  gatomicrefcount  ref_count;
  GWeakRef         autosave;
  BylineStore     *store;       /* the worker's; released before done */
  BylineArticle   *copy;
  guint            generation;
  GMutex           mutex;
  GCond            cond;
  gboolean         done;        /* under mutex */
  gboolean         ok;
  GError          *error;
  gboolean         finished;    /* main thread: the result was handled */
} SaveJob;

/* A flush_async() call waiting for a generation to reach the disk. */
typedef struct
{
  GTask *task;
  guint  generation;
} Waiter;

struct _BylineAutosave
{
  GObject        parent_instance;

  BylineStore   *store;
  BylineArticle *article;
  GCancellable  *cancellable;
  SaveJob       *job;           /* the write in flight, or NULL */
  GQueue         waiters;       /* of Waiter, oldest first */
  guint          delay;
  guint          timeout_id;
  /* Edits are tracked but only a flush writes them (byline_autosave_set_paused()). */
  gboolean       paused;
  /* Edits since the last save began; a save in flight does not clear it
   * until it succeeds, and edits made meanwhile keep it set. */
  guint          generation;
  guint          saved_generation;
  gint64         dirty_since;   /* monotonic µs of the first unsaved edit */
};

G_DEFINE_FINAL_TYPE (BylineAutosave, byline_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE,
  PROP_DELAY,
  PROP_DIRTY,
  PROP_PAUSED,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule   (BylineAutosave *self);
static void start_save (BylineAutosave *self);

static gboolean
is_dirty (BylineAutosave *self)
{
  return self->generation != self->saved_generation;
}

static SaveJob *
save_job_ref (SaveJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
save_job_unref (SaveJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_weak_ref_clear (&job->autosave);
  g_clear_object (&job->store);
  g_clear_object (&job->copy);
  g_clear_error (&job->error);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_unref)

static gboolean
waiter_is_settled (BylineAutosave *self,
                   Waiter         *waiter)
{
  /* Generations count up and may wrap: "not older" is a small difference. */
  return !is_dirty (self) || self->saved_generation - waiter->generation < G_MAXUINT / 2;
}

/* Settles every flush_async() whose edits are now on disk, or all of them
 * with @error when a write failed. The callbacks may run at once and call
 * back in, so the queue is settled before any of them runs. */
static void
resolve_waiters (BylineAutosave *self,
                 const GError   *error)
{
  GQueue ready = G_QUEUE_INIT;
  GList *link = self->waiters.head;

  while (link != NULL)
    {
      GList *next = link->next;

      if (error != NULL || waiter_is_settled (self, link->data))
        {
          g_queue_unlink (&self->waiters, link);
          g_queue_push_tail_link (&ready, link);
        }
      link = next;
    }

  while (!g_queue_is_empty (&ready))
    {
      Waiter *waiter = g_queue_pop_head (&ready);

      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_boolean (waiter->task, TRUE);
      g_object_unref (waiter->task);
      g_free (waiter);
    }
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = byline_store_save_article (job->store, job->copy, &error);
  g_clear_object (&job->store);

  g_mutex_lock (&job->mutex);
  job->ok = ok;
  job->error = error;
  job->done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);

  g_task_return_boolean (task, TRUE);
}

/* Blocks until the worker wrote @job's copy; the main loop does not run
 * meanwhile. */
static void
wait_for_job (SaveJob *job)
{
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);
}

/* Takes in the result of a job the worker is done with. @report says
 * whether a failure is announced ("failed"): a flush that is about to write
 * newer text reports its own result instead. */
static gboolean
finish_job (BylineAutosave *self,
            SaveJob        *job,
            gboolean        report)
{
  gboolean was_dirty = is_dirty (self);

  g_assert (job->done);
  g_assert (!job->finished);

  job->finished = TRUE;
  if (self->job == job)
    g_clear_pointer (&self->job, save_job_unref);

  if (!job->ok)
    {
      g_debug ("Autosave failed: %s", job->error->message);
      if (report)
        {
          /* A write of the article open before: what it says is not
           * about the one open now. */
          if (self->article != NULL &&
              byline_article_get_id (self->article) == byline_article_get_id (job->copy))
            g_signal_emit (self, signals[FAILED], 0, job->error);
          resolve_waiters (self, job->error);
        }
      return FALSE;
    }

  /* The store fills these in; copying them back keeps the next save an update. */
  if (self->article != NULL && byline_article_get_id (self->article) == byline_article_get_id (job->copy))
    {
      g_signal_handlers_block_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      byline_article_set_slug (self->article, byline_article_get_slug (job->copy));
      byline_article_set_updated (self->article, byline_article_get_updated (job->copy));
      byline_article_set_uuid (self->article, byline_article_get_uuid (job->copy));
      byline_article_set_created (self->article, byline_article_get_created (job->copy));
      byline_article_set_version (self->article, byline_article_get_version (job->copy));
      byline_article_set_updated_by (self->article, byline_article_get_updated_by (job->copy));
      g_signal_handlers_unblock_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }

  /* Generations count up and may wrap: "newer" is a small difference. */
  if (job->generation - self->saved_generation < G_MAXUINT / 2)
    self->saved_generation = job->generation;
  if (was_dirty != is_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);

  g_signal_emit (self, signals[SAVED], 0, job->copy);
  resolve_waiters (self, NULL);

  return TRUE;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BylineAutosave) self = g_weak_ref_get (&job->autosave);

  /* Joined by a flush already, or nobody is left to tell. */
  if (self == NULL || job->finished)
    return;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      job->finished = TRUE;
      if (self->job == job)
        g_clear_pointer (&self->job, save_job_unref);
      return;
    }

  if (!finish_job (self, job, TRUE))
    return;

  /* Typing went on while the disk was busy: a flush waiting for it gets
   * its write now, anyone else after the usual pause. (A "saved" handler
   * may have started the next write already.) */
  if (is_dirty (self) && self->article != NULL && self->job == NULL)
    {
      if (!g_queue_is_empty (&self->waiters))
        start_save (self);
      else
        schedule (self);
    }
}

/* Joins the write in flight, if any, and takes in its result. */
static void
join_job (BylineAutosave *self,
          gboolean        report)
{
  g_autoptr(SaveJob) job = NULL;

  if (self->job == NULL)
    return;

  job = save_job_ref (self->job);
  wait_for_job (job);
  if (!job->finished)
    finish_job (self, job, report);
}

static void
start_save (BylineAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_assert (self->article != NULL);
  g_assert (self->job == NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  /* A new article needs its id before any copy is saved, or every copy
   * would insert a row of its own: that first write happens here. */
  if (byline_article_get_id (self->article) == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!byline_autosave_flush (self, &error))
        {
          g_signal_emit (self, signals[FAILED], 0, error);
          resolve_waiters (self, error);
        }
      return;
    }

  job = g_new0 (SaveJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  g_weak_ref_init (&job->autosave, self);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  job->store = g_object_ref (self->store);
  job->copy = byline_article_copy (self->article);
  job->generation = self->generation;
  self->job = job;
  /* Edits from now on are not in this copy; their wait starts here. */
  self->dirty_since = g_get_monotonic_time ();

  task = g_task_new (NULL, self->cancellable, save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, save_job_ref (job), (GDestroyNotify)save_job_unref);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  BylineAutosave *self = user_data;

  self->timeout_id = 0;

  if (self->job != NULL)
    return G_SOURCE_REMOVE;   /* save_done_cb schedules again */

  if (self->article != NULL && is_dirty (self))
    start_save (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (BylineAutosave *self)
{
  gint64 waited_ms = (g_get_monotonic_time () - self->dirty_since) / 1000;
  gint64 delay = MIN ((gint64)self->delay, MAX (0, MAX_WAIT_MS - waited_ms));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->paused)
    return;
  self->timeout_id = g_timeout_add ((guint)delay, timeout_cb, self);
}

static void
article_notify_cb (BylineAutosave *self,
                   GParamSpec     *pspec,
                   BylineArticle  *article)
{
  static const char * const store_owned[] = { "id", "uuid", "slug", "created", "updated",
                                              "version", "updated-by", NULL };
  gboolean was_dirty = is_dirty (self);

  /* The store sets these when it saves; they are not edits. */
  if (g_strv_contains (store_owned, pspec->name))
    return;

  self->generation++;
  if (!was_dirty)
    {
      self->dirty_since = g_get_monotonic_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  schedule (self);
}

static void
pins_changed_cb (BylineAutosave *self,
                 guint           position,
                 guint           removed,
                 guint           added,
                 GListModel     *pins)
{
  article_notify_cb (self, properties[PROP_ARTICLE], NULL);
}

static void
byline_autosave_dispose (GObject *object)
{
  BylineAutosave *self = (BylineAutosave *)object;
  g_autoptr(GError) cancelled = NULL;

  if (self->article != NULL && is_dirty (self))
    {
      g_autoptr(GError) error = NULL;

      if (!byline_autosave_flush (self, &error))
        g_warning ("Could not save “%s” on close: %s",
                   byline_article_get_headline (self->article), error->message);
    }
  /* Nothing may still write with the store once the autosave is gone. */
  join_job (self, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The autosave was closed");
  resolve_waiters (self, cancelled);
  byline_autosave_set_article (self, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (byline_autosave_parent_class)->dispose (object);
}

static void
byline_autosave_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineAutosave *self = BYLINE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, is_dirty (self));
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_autosave_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineAutosave *self = BYLINE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ARTICLE:
      byline_autosave_set_article (self, g_value_get_object (value));
      break;
    case PROP_DELAY:
      byline_autosave_set_delay (self, g_value_get_uint (value));
      break;
    case PROP_PAUSED:
      byline_autosave_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_autosave_class_init (BylineAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_autosave_dispose;
  object_class->get_property = byline_autosave_get_property;
  object_class->set_property = byline_autosave_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BYLINE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, BYLINE_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After a write reached the disk; the argument is the copy that was written. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ARTICLE);
  /* When a write failed; the article stays dirty and the next edit retries. */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
byline_autosave_init (BylineAutosave *self)
{
  self->delay = DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
}

BylineAutosave *
byline_autosave_new (BylineStore *store)
{
  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);

  return g_object_new (BYLINE_TYPE_AUTOSAVE, "store", store, NULL);
}

BylineArticle *
byline_autosave_get_article (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), NULL);
  return self->article;
}

void
byline_autosave_set_article (BylineAutosave *self,
                             BylineArticle  *article)
{
  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));
  g_return_if_fail (!article || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    {
      if (is_dirty (self))
        {
          g_autoptr(GError) error = NULL;

          if (!byline_autosave_flush (self, &error))
            {
              g_signal_emit (self, signals[FAILED], 0, error);
              resolve_waiters (self, error);
            }
        }

      g_signal_handlers_disconnect_by_data (self->article, self);
      g_signal_handlers_disconnect_by_data (byline_article_get_pins (self->article), self);
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_set_object (&self->article, article);
  self->saved_generation = self->generation;
  /* What was pending belonged to the article before. */
  resolve_waiters (self, NULL);

  if (article != NULL)
    {
      g_signal_connect_swapped (article, "notify", G_CALLBACK (article_notify_cb), self);
      g_signal_connect_swapped (byline_article_get_pins (article), "items-changed",
                                G_CALLBACK (pins_changed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

guint
byline_autosave_get_delay (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), 0);
  return self->delay;
}

void
byline_autosave_set_delay (BylineAutosave *self,
                           guint           milliseconds)
{
  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));

  if (self->delay != milliseconds)
    {
      self->delay = milliseconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
    }
}

gboolean
byline_autosave_get_dirty (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), FALSE);
  return is_dirty (self);
}

gboolean
byline_autosave_get_paused (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), FALSE);
  return self->paused;
}

/**
 * byline_autosave_set_paused:
 * @self: an autosave
 * @paused: whether to stop writing on its own
 *
 * Paused, edits still mark the article dirty but nothing writes them by
 * itself: only a flush does. For a save the store refuses until the person
 * decides (someone else changed the article meanwhile), where trying again
 * at every keystroke would only fail again. Resuming writes what is
 * pending after the usual pause.
 */
void
byline_autosave_set_paused (BylineAutosave *self,
                            gboolean        paused)
{
  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  if (paused)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
  else if (self->article != NULL && is_dirty (self) && self->job == NULL)
    schedule (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/**
 * byline_autosave_discard:
 * @self: an autosave
 *
 * Forgets the edits not written yet, without writing them: the article
 * counts as saved as it is. Only for edits kept some other way (as a
 * revision, or a new article), never to drop someone's words. A write
 * already on its way still lands.
 */
void
byline_autosave_discard (BylineAutosave *self)
{
  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!is_dirty (self))
    return;

  self->saved_generation = self->generation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  resolve_waiters (self, NULL);
}

/**
 * byline_autosave_flush:
 * @self: an autosave
 * @error: return location for a #GError
 *
 * Writes what is pending now, on this thread. A write already under way on
 * its worker is waited for first (its older copy must not land after this
 * newer one), by joining the worker: the main loop does not run meanwhile,
 * so nothing else can happen in the middle of a close or a switch.
 *
 * Returns: %TRUE when nothing typed is left unsaved
 */
gboolean
byline_autosave_flush (BylineAutosave  *self,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint generation;
  gboolean saved;

  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->article == NULL || !is_dirty (self))
    return TRUE;

  join_job (self, FALSE);

  if (self->article == NULL || !is_dirty (self))
    return TRUE;

  generation = self->generation;

  g_signal_handlers_block_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  saved = byline_store_save_article (self->store, self->article, &local_error);
  g_signal_handlers_unblock_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (!saved)
    {
      resolve_waiters (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->saved_generation = generation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_signal_emit (self, signals[SAVED], 0, self->article);
  resolve_waiters (self, NULL);

  return TRUE;
}

/**
 * byline_autosave_flush_async:
 * @self: an autosave
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once what is pending now is on disk, or a write failed
 * @user_data: data for @callback
 *
 * Writes what is pending without waiting on this thread: the write goes to
 * a worker right away, or, when one is under way, right after it (chained
 * on its completion, never a second writer at once).
 */
void
byline_autosave_flush_async (BylineAutosave      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;

  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_autosave_flush_async);

  if (self->article == NULL || !is_dirty (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_steal_pointer (&task);
  waiter->generation = self->generation;
  g_queue_push_tail (&self->waiters, waiter);

  /* Otherwise the write under way chains this one (save_done_cb). */
  if (self->job == NULL)
    start_save (self);
}

gboolean
byline_autosave_flush_finish (BylineAutosave  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
