/* byline-article-list.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-article-list"

#include "config.h"

#include "byline-article-list.h"
#include "byline-article-summary-private.h"
#include "byline-util.h"

#define PAGE_SIZE 100
#define FIND_MAX_PAGES 20

/* What a change to one article may have done to the list. */
typedef enum
{
  CHANGE_ROW        = 1 << 0,   /* what its row shows */
  CHANGE_TEXT       = 1 << 1,   /* its text: a search may find it or not now */
  CHANGE_MEMBERSHIP = 1 << 2,   /* its state or place: it may join or leave */
  CHANGE_NEW        = 1 << 3,   /* it was in no list before */
} ChangeKind;

struct _BylineArticleList
{
  GObject      parent_instance;

  BylineStore *store;
  char        *search;
  /* One slot per row: its BylineArticleSummary, or NULL until its page is
   * read. */
  GPtrArray   *rows;
  GHashTable  *pending;     /* article id → ChangeKind, for the idle */
  int          status;
  guint        update_id;
  guint        trashed : 1;
  guint        reload_pending : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineArticleList, byline_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_STATUS,
  PROP_TRASHED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
fill_query (BylineArticleList  *self,
            BylineArticleQuery *query)
{
  query->search = self->search;
  query->status = self->status;
  query->trashed = self->trashed;
}

static GType
get_item_type (GListModel *model)
{
  return BYLINE_TYPE_ARTICLE_SUMMARY;
}

static guint
get_n_items (GListModel *model)
{
  return BYLINE_ARTICLE_LIST (model)->rows->len;
}

static void
load_page (BylineArticleList *self,
           guint              page)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  fill_query (self, &query);
  query.limit = PAGE_SIZE;
  query.offset = page * PAGE_SIZE;

  summaries = byline_store_list_articles (self->store, &query, &error);
  if (summaries == NULL)
    {
      /* The count said the rows exist; a failure now (a locked or vanished
       * file) shows as empty rows until the next reload. */
      g_debug ("Could not read page %u of the article list: %s", page, error->message);
      return;
    }

  for (guint i = 0; i < summaries->len && query.offset + i < self->rows->len; i++)
    {
      gpointer *slot = &g_ptr_array_index (self->rows, query.offset + i);

      unref_row (*slot);
      *slot = g_object_ref (g_ptr_array_index (summaries, i));
    }
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BylineArticleList *self = BYLINE_ARTICLE_LIST (model);
  BylineArticleSummary *summary;

  if (position >= self->rows->len)
    return NULL;

  summary = g_ptr_array_index (self->rows, position);
  if (summary == NULL)
    {
      load_page (self, position / PAGE_SIZE);
      summary = g_ptr_array_index (self->rows, position);
    }

  if (summary != NULL)
    return g_object_ref (summary);

  /* Rows vanished since the count: hand out a blank summary rather than
   * NULL, which list views do not expect within n_items. */
  return _byline_article_summary_new ();
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Where article @id's row is among those read so far, or -1; *@all_read
 * says whether every row has been read. */
static int
find_read_row (BylineArticleList *self,
               gint64             id,
               gboolean          *all_read)
{
  int found = -1;

  *all_read = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      BylineArticleSummary *summary = g_ptr_array_index (self->rows, i);

      if (summary == NULL)
        *all_read = FALSE;
      else if (found < 0 && byline_article_summary_get_id (summary) == id)
        found = i;
    }

  return found;
}

static void
notify_n_items (BylineArticleList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Article @id changed in a way @kinds describes: update its row, with one
 * query. FALSE when the list cannot tell what happened without reading it
 * all again. */
static gboolean
update_row (BylineArticleList *self,
            gint64             id,
            ChangeKind         kinds)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(BylineArticleSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gboolean may_join_or_leave;
  gboolean all_read;
  guint position = 0;
  int old;

  old = find_read_row (self, id, &all_read);

  fill_query (self, &query);
  summary = byline_store_locate_article (self->store, &query, id, &position, &error);
  if (error != NULL)
    {
      g_debug ("Could not find article %" G_GINT64_FORMAT " in the list: %s", id, error->message);
      return FALSE;
    }

  may_join_or_leave = (kinds & (CHANGE_MEMBERSHIP | CHANGE_NEW)) != 0 ||
                      ((kinds & CHANGE_TEXT) != 0 && self->search != NULL);

  if (old >= 0 && summary != NULL)
    {
      guint first = MIN ((guint)old, position);
      guint n = MAX ((guint)old, position) - first + 1;

      if (position >= self->rows->len)
        return FALSE;

      /* A save moves the article to the top: one change from its new
       * place to its old one; where it stays, the one row. */
      unref_row (g_ptr_array_steal_index (self->rows, old));
      g_ptr_array_insert (self->rows, position, g_steal_pointer (&summary));
      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
      return TRUE;
    }

  if (old >= 0)
    {
      unref_row (g_ptr_array_steal_index (self->rows, old));
      g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 0);
      notify_n_items (self);
      return TRUE;
    }

  if (summary != NULL)
    {
      /* Not among the rows read: new to the list, or somewhere not read
       * yet, which only reading again can tell apart. */
      if (!((kinds & CHANGE_NEW) || (may_join_or_leave && all_read)) ||
          position > self->rows->len)
        return FALSE;

      g_ptr_array_insert (self->rows, position, g_steal_pointer (&summary));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
      notify_n_items (self);
      return TRUE;
    }

  /* Not in the list now: nor was it before, unless it could have left from
   * a row not read yet. */
  return !may_join_or_leave || all_read || (kinds & CHANGE_NEW);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  BylineArticleList *self = user_data;
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->pending);
  GHashTableIter iter;
  gpointer key, value;

  self->update_id = 0;
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* A burst of changes to several articles becomes one reload. */
  if (self->reload_pending || g_hash_table_size (pending) != 1)
    {
      byline_article_list_reload (self);
      return G_SOURCE_REMOVE;
    }

  g_hash_table_iter_init (&iter, pending);
  if (g_hash_table_iter_next (&iter, &key, &value) &&
      !update_row (self, *(gint64 *)key, GPOINTER_TO_UINT (value)))
    byline_article_list_reload (self);

  return G_SOURCE_REMOVE;
}

static ChangeKind
change_kind_from_detail (GQuark detail)
{
  const char *what = detail != 0 ? g_quark_to_string (detail) : "";

  if (g_str_equal (what, BYLINE_STORE_CHANGED_INSERTED))
    return CHANGE_NEW;
  if (g_str_equal (what, BYLINE_STORE_CHANGED_SAVED))
    return CHANGE_ROW | CHANGE_TEXT;
  if (g_str_equal (what, BYLINE_STORE_CHANGED_NOTES) ||
      g_str_equal (what, BYLINE_STORE_CHANGED_LOCK))
    return CHANGE_ROW;
  if (g_str_equal (what, BYLINE_STORE_CHANGED_REVISIONS) ||
      g_str_equal (what, BYLINE_STORE_CHANGED_PUBLICATION) ||
      g_str_equal (what, BYLINE_STORE_CHANGED_DICTIONARY))
    return 0;

  /* A change of state, trash, restore, delete, or one not described. */
  return CHANGE_ROW | CHANGE_TEXT | CHANGE_MEMBERSHIP;
}

static void
store_changed_cb (BylineArticleList *self,
                  gint64             id,
                  BylineStore       *store)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);
  ChangeKind kinds = change_kind_from_detail (hint != NULL ? hint->detail : 0);
  gint64 *key;

  if (kinds == 0)
    return;

  if (id == 0)
    self->reload_pending = TRUE;
  else
    {
      kinds |= GPOINTER_TO_UINT (g_hash_table_lookup (self->pending, &id));
      key = g_memdup2 (&id, sizeof id);
      g_hash_table_replace (self->pending, key, GUINT_TO_POINTER (kinds));
    }

  /* What one call brings (a save and a change of state) is looked at
   * once, when it is over; and before GTK lays out and draws the next
   * frame, so the row shows the change in it, and no animation can put
   * the update off. */
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_idle_cb, self, NULL);
}

static void
byline_article_list_dispose (GObject *object)
{
  BylineArticleList *self = (BylineArticleList *)object;

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (byline_article_list_parent_class)->dispose (object);
}

static void
byline_article_list_finalize (GObject *object)
{
  BylineArticleList *self = (BylineArticleList *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (byline_article_list_parent_class)->finalize (object);
}

static void
byline_article_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineArticleList *self = BYLINE_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_TRASHED:
      g_value_set_boolean (value, self->trashed);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rows->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineArticleList *self = BYLINE_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH:
      byline_article_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      byline_article_list_set_status (self, g_value_get_int (value));
      break;
    case PROP_TRASHED:
      byline_article_list_set_trashed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_list_constructed (GObject *object)
{
  BylineArticleList *self = (BylineArticleList *)object;

  G_OBJECT_CLASS (byline_article_list_parent_class)->constructed (object);

  g_assert (BYLINE_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  byline_article_list_reload (self);
}

static void
byline_article_list_class_init (BylineArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_article_list_constructed;
  object_class->dispose = byline_article_list_dispose;
  object_class->finalize = byline_article_list_finalize;
  object_class->get_property = byline_article_list_get_property;
  object_class->set_property = byline_article_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BYLINE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, -1, BYLINE_N_STATUSES - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRASHED] =
    g_param_spec_boolean ("trashed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_article_list_init (BylineArticleList *self)
{
  self->status = -1;
  self->rows = g_ptr_array_new_with_free_func (unref_row);
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

BylineArticleList *
byline_article_list_new (BylineStore *store)
{
  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);

  return g_object_new (BYLINE_TYPE_ARTICLE_LIST, "store", store, NULL);
}

BylineStore *
byline_article_list_get_store (BylineArticleList *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_LIST (self), NULL);
  return self->store;
}

const char *
byline_article_list_get_search (BylineArticleList *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_LIST (self), NULL);
  return self->search;
}

void
byline_article_list_set_search (BylineArticleList *self,
                                const char        *search)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_LIST (self));

  if (search != NULL && *search == '\0')
    search = NULL;

  if (byline_set_str (&self->search, search))
    {
      byline_article_list_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

int
byline_article_list_get_status (BylineArticleList *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_LIST (self), -1);
  return self->status;
}

void
byline_article_list_set_status (BylineArticleList *self,
                                int                status)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_LIST (self));
  g_return_if_fail (status >= -1 && status < BYLINE_N_STATUSES);

  if (self->status != status)
    {
      self->status = status;
      byline_article_list_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

gboolean
byline_article_list_get_trashed (BylineArticleList *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_LIST (self), FALSE);
  return self->trashed;
}

void
byline_article_list_set_trashed (BylineArticleList *self,
                                 gboolean           trashed)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_LIST (self));

  trashed = !!trashed;
  if (self->trashed != trashed)
    {
      self->trashed = trashed;
      byline_article_list_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASHED]);
    }
}

void
byline_article_list_reload (BylineArticleList *self)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  guint old_n, new_n;

  g_return_if_fail (BYLINE_IS_ARTICLE_LIST (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_hash_table_remove_all (self->pending);
  self->reload_pending = FALSE;

  fill_query (self, &query);
  new_n = byline_store_count_articles (self->store, &query, &error);
  if (error != NULL)
    g_debug ("Could not count articles: %s", error->message);

  old_n = self->rows->len;
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->rows, new_n);

  if (old_n != 0 || new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    notify_n_items (self);
}

guint
byline_article_list_find (BylineArticleList *self,
                          gint64             id)
{
  guint end;

  g_return_val_if_fail (BYLINE_IS_ARTICLE_LIST (self), G_MAXUINT);

  end = MIN (self->rows->len, FIND_MAX_PAGES * PAGE_SIZE);
  for (guint i = 0; i < end; i++)
    {
      BylineArticleSummary *summary = g_ptr_array_index (self->rows, i);

      if (summary == NULL)
        {
          load_page (self, i / PAGE_SIZE);
          summary = g_ptr_array_index (self->rows, i);
        }

      /* The page could not be read: on to the next one. */
      if (summary == NULL)
        i = (i / PAGE_SIZE + 1) * PAGE_SIZE - 1;
      else if (byline_article_summary_get_id (summary) == id)
        return i;
    }

  return G_MAXUINT;
}
