/* ca-text-context.c — the layouts a drawing keeps, by their arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-text-context.h"

typedef struct
{
  CaTextLayout *layout;
  guint         sweep;   /* the sweep in which it was last asked for */
} Kept;

struct _CaTextContext
{
  GObject     parent_instance;

  GHashTable *kept;      /* key → Kept; NULL when nothing is kept */
  guint       sweep;
};

G_DEFINE_FINAL_TYPE (CaTextContext, ca_text_context, G_TYPE_OBJECT)

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  g_object_unref (kept->layout);
  g_free (kept);
}

static void
ca_text_context_finalize (GObject *object)
{
  CaTextContext *self = CA_TEXT_CONTEXT (object);

  g_clear_pointer (&self->kept, g_hash_table_unref);
  G_OBJECT_CLASS (ca_text_context_parent_class)->finalize (object);
}

static void
ca_text_context_class_init (CaTextContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_text_context_finalize;
}

static void
ca_text_context_init (CaTextContext *self)
{
  (void) self;
}

CaTextContext *
ca_text_context_new (void)
{
  return g_object_new (CA_TYPE_TEXT_CONTEXT, NULL);
}

void
ca_text_context_set_keep (CaTextContext *self,
                          gboolean       keep)
{
  g_return_if_fail (CA_IS_TEXT_CONTEXT (self));

  if (!keep)
    g_clear_pointer (&self->kept, g_hash_table_unref);
  else if (self->kept == NULL)
    self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_free);
}

gboolean
ca_text_context_get_keep (CaTextContext *self)
{
  g_return_val_if_fail (CA_IS_TEXT_CONTEXT (self), FALSE);
  return self->kept != NULL;
}

CaTextLayout *
ca_text_context_lookup (CaTextContext *self,
                        const char    *key)
{
  Kept *kept;

  g_return_val_if_fail (CA_IS_TEXT_CONTEXT (self), NULL);

  if (self->kept == NULL || (kept = g_hash_table_lookup (self->kept, key)) == NULL)
    return NULL;
  kept->sweep = self->sweep;
  return kept->layout;
}

void
ca_text_context_insert (CaTextContext *self,
                        const char    *key,
                        CaTextLayout  *layout)
{
  Kept *kept;

  g_return_if_fail (CA_IS_TEXT_CONTEXT (self));
  g_return_if_fail (CA_IS_TEXT_LAYOUT (layout));

  if (self->kept == NULL)
    return;
  kept = g_new (Kept, 1);
  kept->layout = g_object_ref (layout);
  kept->sweep = self->sweep;
  g_hash_table_replace (self->kept, g_strdup (key), kept);
}

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer data)
{
  const Kept *kept = value;
  const CaTextContext *self = data;

  (void) key;
  return kept->sweep + 2 < self->sweep;
}

void
ca_text_context_sweep (CaTextContext *self)
{
  g_return_if_fail (CA_IS_TEXT_CONTEXT (self));

  if (self->kept == NULL)
    return;
  self->sweep++;
  g_hash_table_foreach_remove (self->kept, is_stale, self);
}
