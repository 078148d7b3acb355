/* byline-article-list.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-article-list"

#include "config.h"

#include "byline-article-list.h"
#include "byline-util.h"

#define PAGE_SIZE 100
#define FIND_MAX_PAGES 20

struct _BylineArticleList
{
  GObject      parent_instance;

  BylineStore *store;
  char        *search;
  GHashTable  *pages;       /* page number -> GPtrArray of BylineArticle */
  guint        n_items;
  int          status;
  guint        reload_id;
  guint        trashed : 1;
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

static GType
get_item_type (GListModel *model)
{
  return BYLINE_TYPE_ARTICLE;
}

static guint
get_n_items (GListModel *model)
{
  return BYLINE_ARTICLE_LIST (model)->n_items;
}

static GPtrArray *
load_page (BylineArticleList *self,
           guint              page)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  query.search = self->search;
  query.status = self->status;
  query.trashed = self->trashed;
  query.limit = PAGE_SIZE;
  query.offset = page * PAGE_SIZE;

  articles = byline_store_list_articles (self->store, &query, &error);
  if (articles == NULL)
    {
      /* The count said the rows exist; a failure now (a locked or vanished
       * file) shows as empty rows until the next reload. */
      g_debug ("Could not read page %u of the article list: %s", page, error->message);
      articles = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), articles);
  return articles;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BylineArticleList *self = BYLINE_ARTICLE_LIST (model);
  guint page = position / PAGE_SIZE;
  guint index = position % PAGE_SIZE;
  GPtrArray *articles;

  if (position >= self->n_items)
    return NULL;

  articles = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (articles == NULL)
    articles = load_page (self, page);

  if (index < articles->len)
    return g_object_ref (g_ptr_array_index (articles, index));

  /* Rows vanished since the count: hand out a blank article rather than
   * NULL, which list views do not expect within n_items. */
  return byline_article_new ();
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  BylineArticleList *self = user_data;

  self->reload_id = 0;
  byline_article_list_reload (self);

  return G_SOURCE_REMOVE;
}

static void
queue_reload (BylineArticleList *self)
{
  /* A burst of saves becomes one reload. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
store_changed_cb (BylineArticleList *self,
                  gint64             id)
{
  queue_reload (self);
}

static void
byline_article_list_dispose (GObject *object)
{
  BylineArticleList *self = (BylineArticleList *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (byline_article_list_parent_class)->dispose (object);
}

static void
byline_article_list_finalize (GObject *object)
{
  BylineArticleList *self = (BylineArticleList *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
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
      g_value_set_uint (value, self->n_items);
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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
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
  guint old_n;

  g_return_if_fail (BYLINE_IS_ARTICLE_LIST (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);

  query.search = self->search;
  query.status = self->status;
  query.trashed = self->trashed;

  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = byline_store_count_articles (self->store, &query, &error);
  if (error != NULL)
    g_debug ("Could not count articles: %s", error->message);

  if (old_n != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
byline_article_list_find (BylineArticleList *self,
                          gint64             id)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_LIST (self), G_MAXUINT);

  for (guint page = 0; page < FIND_MAX_PAGES && page * PAGE_SIZE < self->n_items; page++)
    {
      GPtrArray *articles = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

      if (articles == NULL)
        articles = load_page (self, page);

      for (guint i = 0; i < articles->len; i++)
        if (byline_article_get_id (g_ptr_array_index (articles, i)) == id)
          return page * PAGE_SIZE + i;
    }

  return G_MAXUINT;
}
