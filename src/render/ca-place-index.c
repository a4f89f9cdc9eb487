/* ca-place-index.c — settlement names folded for matching the towns a
 * project names (unit centres, cluster centres) to the settlements layer.
 * The window keeps one per layer in its render cache, with the names it
 * has looked up: every drawing looks up the same ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ca-figure-private.h"
#include "ca-render-cache.h"

static const char *const place_fields[] = { "name_ru", "name_en", "name" };
#define N_PLACE_FIELDS G_N_ELEMENTS (place_fields)

struct _CaPlaceIndex
{
  CaLayer    *layer;
  guint       n;
  char      **folded;   /* n × N_PLACE_FIELDS, NULL where empty */
  double     *weight;   /* bigger places first: class, then population */
  GHashTable *exact;    /* a folded name → its biggest place + 1 */
  GHashTable *found;    /* names looked up → feature + 1 (0: none) */
};

/* Files place @i under @folded, unless a bigger place has that name. */
static void
add_exact (CaPlaceIndex *index,
           const char   *folded,
           guint         i)
{
  guint other = GPOINTER_TO_UINT (g_hash_table_lookup (index->exact, folded));

  if (other == 0 || index->weight[i] > index->weight[other - 1])
    g_hash_table_insert (index->exact, (gpointer) folded, GUINT_TO_POINTER (i + 1));
}

CaPlaceIndex *
ca_place_index_new (CaLayer *settlements)
{
  CaPlaceIndex *index = g_rc_box_new0 (CaPlaceIndex);
  int fields[N_PLACE_FIELDS];
  int population = ca_layer_find_field (settlements, "population");

  index->layer = g_object_ref (settlements);
  index->n = ca_layer_get_n_features (settlements);
  index->folded = g_new0 (char *, index->n * N_PLACE_FIELDS);
  index->weight = g_new0 (double, index->n);
  index->exact = g_hash_table_new (g_str_hash, g_str_equal);
  index->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint f = 0; f < N_PLACE_FIELDS; f++)
    fields[f] = ca_layer_find_field (settlements, place_fields[f]);
  for (guint i = 0; i < index->n; i++)
    {
      const char *people = population >= 0 ? ca_layer_get_value (settlements, i, (guint) population) : NULL;

      index->weight[i] = ca_settlement_class (settlements, i) * 1e7 +
                         (people != NULL ? g_ascii_strtod (people, NULL) : 0);
      for (guint f = 0; f < N_PLACE_FIELDS; f++)
        {
          const char *value = fields[f] >= 0 ? ca_layer_get_value (settlements, i, (guint) fields[f]) : NULL;
          if (value != NULL && *value != '\0')
            {
              index->folded[i * N_PLACE_FIELDS + f] = g_utf8_casefold (value, -1);
              add_exact (index, index->folded[i * N_PLACE_FIELDS + f], i);
            }
        }
    }
  return index;
}

static void
place_index_clear (gpointer data)
{
  CaPlaceIndex *index = data;

  for (guint i = 0; i < index->n * N_PLACE_FIELDS; i++)
    g_free (index->folded[i]);
  g_free (index->folded);
  g_free (index->weight);
  g_hash_table_unref (index->exact);
  g_hash_table_unref (index->found);
  g_object_unref (index->layer);
}

CaPlaceIndex *
ca_place_index_ref (CaPlaceIndex *index)
{
  return g_rc_box_acquire (index);
}

void
ca_place_index_free (CaPlaceIndex *index)
{
  if (index != NULL)
    g_rc_box_release_full (index, place_index_clear);
}

/* A name looked for, folded: @inside when it is long enough (four
 * characters) to be looked for as a word inside a longer name. */
typedef struct
{
  char    *text;
  gsize    length;
  gboolean inside;
} Wanted;

/* TRUE when @wanted is a word inside @value. */
static gboolean
holds_word (const char   *value,
            const Wanted *wanted)
{
  const char *hit;

  if (value == NULL || !wanted->inside || (hit = strstr (value, wanted->text)) == NULL)
    return FALSE;
  /* "село темирбека жургенова" holds "темирбека жургенова", but "алгабас" does not hold "алга". */
  return (hit == value || hit[-1] == ' ') &&
         (hit[wanted->length] == '\0' || hit[wanted->length] == ' ');
}

/* The biggest place that one of @wanted names exactly, or -1. */
static int
find_exact (CaPlaceIndex *index,
            const Wanted *wanted)
{
  int best = -1;

  for (guint t = 0; t < 3; t++)
    {
      int i;

      if (wanted[t].text == NULL)
        continue;
      i = GPOINTER_TO_INT (g_hash_table_lookup (index->exact, wanted[t].text)) - 1;
      /* As a scan would: the bigger place, else the one filed first. */
      if (i >= 0 && (best < 0 || index->weight[i] > index->weight[best] ||
                     (index->weight[i] == index->weight[best] && i < best)))
        best = i;
    }
  return best;
}

/* The biggest place with one of @wanted as a word in a name, or -1. */
static int
find_inside (CaPlaceIndex *index,
             const Wanted *wanted)
{
  int best = -1;

  for (guint i = 0; i < index->n; i++)
    {
      gboolean hit = FALSE;

      for (guint f = 0; !hit && f < N_PLACE_FIELDS; f++)
        for (guint t = 0; !hit && t < 3; t++)
          hit = wanted[t].text != NULL &&
                holds_word (index->folded[i * N_PLACE_FIELDS + f], &wanted[t]);
      if (hit && (best < 0 || index->weight[i] > index->weight[best]))
        best = (int) i;
    }
  return best;
}

static int
find_place (CaPlaceIndex *index,
            const CaText *name)
{
  const char *texts[3] = { name->ru, name->en, name->kk };
  Wanted wanted[3] = { { NULL } };
  int best;

  for (guint t = 0; t < 3; t++)
    if (texts[t] != NULL && *texts[t] != '\0')
      {
        wanted[t].text = g_utf8_casefold (texts[t], -1);
        wanted[t].length = strlen (wanted[t].text);
        wanted[t].inside = g_utf8_strlen (wanted[t].text, -1) >= 4;
      }
  /* A name matched whole beats one found inside a longer name. */
  best = find_exact (index, wanted);
  if (best < 0)
    best = find_inside (index, wanted);
  for (guint t = 0; t < 3; t++)
    g_free (wanted[t].text);
  return best;
}

int
ca_place_index_find (CaPlaceIndex *index,
                     const CaText *name)
{
  /* Every drawing looks up the same centres: each name is matched once. */
  g_autofree char *key = g_strjoin ("\x1f", name->ru != NULL ? name->ru : "",
                                    name->en != NULL ? name->en : "",
                                    name->kk != NULL ? name->kk : "", NULL);
  gpointer found;

  if (g_hash_table_lookup_extended (index->found, key, NULL, &found))
    return GPOINTER_TO_INT (found) - 1;
  found = GINT_TO_POINTER (find_place (index, name) + 1);
  g_hash_table_insert (index->found, g_steal_pointer (&key), found);
  return GPOINTER_TO_INT (found) - 1;
}

CaPlaceIndex *
ca_place_index_get (CaRenderCache *cache,
                    CaLayer       *settlements)
{
  g_autoptr (GByteArray) key = NULL;
  CaPlaceIndex *index;

  if (cache == NULL)
    return ca_place_index_new (settlements);
  key = ca_render_key_new ("places");
  ca_render_key_add (key, &settlements, sizeof settlements);
  index = ca_render_cache_lookup (cache, key);
  if (index == NULL)
    {
      index = ca_place_index_new (settlements);
      ca_render_cache_insert (cache, key, index, (GDestroyNotify) ca_place_index_free,
                              G_OBJECT (settlements));
    }
  return ca_place_index_ref (index);
}
