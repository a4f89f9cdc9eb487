/* ca-render-cache.c — the entries, their keys and the text context; the
 * images are made and drawn in ca-render-cache-draw.c.
 *
 * Entries are kept in one table by key. A key holds every input of what it
 * names, so an entry is never stale: it is only ever unused, and dropped
 * after a drawing that did not use it either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ca-render-cache.h"
#include "ca-render-text.h"

typedef struct
{
  gpointer       value;
  GDestroyNotify destroy;
  GObject       *pin;
  guint64        used;       /* the drawing that last used it */
} Entry;

struct _CaRenderCache
{
  GObject       parent_instance;

  GHashTable   *entries;     /* GBytes → Entry */
  guint64       drawing;
  CaTextContext *context;
  guint         n_hits;
};

G_DEFINE_FINAL_TYPE (CaRenderCache, ca_render_cache, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->value);
  g_clear_object (&entry->pin);
  g_free (entry);
}

static void
drop_context (CaRenderCache *self)
{
  g_clear_object (&self->context);
}

static void
ca_render_cache_finalize (GObject *object)
{
  CaRenderCache *self = CA_RENDER_CACHE (object);

  g_hash_table_unref (self->entries);
  drop_context (self);

  G_OBJECT_CLASS (ca_render_cache_parent_class)->finalize (object);
}

static void
ca_render_cache_class_init (CaRenderCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_render_cache_finalize;
}

/* Keys run to hundreds of kilobytes (a placement's polygons): hashing
 * their length and some 256 bytes spread over them spreads the entries
 * as well, and equality still compares every byte. */
static guint
key_hash (gconstpointer key)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data ((GBytes *) key, &size);
  gsize step = MAX (size / 256, 1);
  guint hash = (guint) size;

  for (gsize i = 0; i < size; i += step)
    hash = hash * 31 + bytes[i];
  return hash;
}

static void
ca_render_cache_init (CaRenderCache *self)
{
  self->entries = g_hash_table_new_full (key_hash, g_bytes_equal,
                                         (GDestroyNotify) g_bytes_unref, entry_free);
}

CaRenderCache *
ca_render_cache_new (void)
{
  return g_object_new (CA_TYPE_RENDER_CACHE, NULL);
}

void
ca_render_cache_clear (CaRenderCache *self)
{
  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  g_hash_table_remove_all (self->entries);
  drop_context (self);
}

guint
ca_render_cache_get_n_entries (CaRenderCache *self)
{
  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), 0);

  return g_hash_table_size (self->entries);
}

guint
ca_render_cache_get_n_hits (CaRenderCache *self)
{
  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), 0);

  return self->n_hits;
}

void
ca_render_cache_begin (CaRenderCache *self)
{
  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  self->drawing++;
}

static gboolean
entry_is_unused (gpointer key,
                 gpointer value,
                 gpointer data)
{
  const Entry *entry = value;
  const CaRenderCache *self = data;

  return entry->used + 1 < self->drawing;
}

void
ca_render_cache_end (CaRenderCache *self)
{
  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  g_hash_table_foreach_remove (self->entries, entry_is_unused, self);
  if (self->context != NULL)
    ca_text_context_sweep (self->context);
}

CaTextContext *
ca_render_cache_get_context (CaRenderCache *self)
{
  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), NULL);

  if (self->context == NULL)
    {
      self->context = ca_text_context_new ();
      ca_text_context_set_keep (self->context, TRUE);
    }
  return g_object_ref (self->context);
}

GByteArray *
ca_render_key_new (const char *kind)
{
  GByteArray *key = g_byte_array_sized_new (256);

  ca_render_key_add_string (key, kind);
  return key;
}

void
ca_render_key_add (GByteArray    *key,
                   gconstpointer  data,
                   gsize          size)
{
  g_byte_array_append (key, data, (guint) size);
}

void
ca_render_key_add_double (GByteArray *key,
                          double      value)
{
  ca_render_key_add (key, &value, sizeof value);
}

void
ca_render_key_add_int (GByteArray *key,
                       gint64      value)
{
  ca_render_key_add (key, &value, sizeof value);
}

void
ca_render_key_add_string (GByteArray *key,
                          const char *text)
{
  /* With its terminator, so that "ab" + "c" differs from "a" + "bc". */
  ca_render_key_add (key, text != NULL ? text : "", (text != NULL ? strlen (text) : 0) + 1);
}

void
ca_render_key_add_polygon (GByteArray      *key,
                           const CaPolygon *polygon)
{
  if (polygon == NULL)
    {
      ca_render_key_add_int (key, -1);
      return;
    }
  ca_render_key_add_int (key, polygon->n_rings);
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      ca_render_key_add_int (key, polygon->rings[r].n_points);
      ca_render_key_add (key, polygon->rings[r].points,
                         polygon->rings[r].n_points * sizeof (CaPoint));
    }
}

static Entry *
find_entry (CaRenderCache *self,
            GByteArray    *key)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (key->data, key->len);
  Entry *entry = g_hash_table_lookup (self->entries, bytes);

  if (entry != NULL)
    {
      entry->used = self->drawing;
      self->n_hits++;
    }
  return entry;
}

gpointer
ca_render_cache_lookup (CaRenderCache *self,
                        GByteArray    *key)
{
  Entry *entry;

  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), NULL);

  entry = find_entry (self, key);
  return entry != NULL ? entry->value : NULL;
}

void
ca_render_cache_insert (CaRenderCache  *self,
                        GByteArray     *key,
                        gpointer        value,
                        GDestroyNotify  destroy,
                        GObject        *pin)
{
  Entry *entry;

  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  entry = g_new0 (Entry, 1);
  entry->value = value;
  entry->destroy = destroy;
  entry->pin = pin != NULL ? g_object_ref (pin) : NULL;
  entry->used = self->drawing;
  g_hash_table_replace (self->entries, g_bytes_new (key->data, key->len), entry);
}
