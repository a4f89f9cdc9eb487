/* ca-label-memo.c — a placement kept in the render cache: a run depends
 * on nothing but the frame, the obstacles and the labels (their text,
 * sizes, anchors and polygons, all in the key), so the same inputs give
 * the same placement without placing again. Text is measured alike in
 * every drawing (the context ignores the surface's hinting).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-label-placer-private.h"

/* Where one label went. */
typedef struct
{
  gboolean placed;
  gboolean leader;
  gboolean wrapped;
  CaRect   rect;
  double   size;
} Placement;

GByteArray *
ca_label_memo_key (CaLabelPlacer *self)
{
  GByteArray *key = ca_render_key_new ("labels");

  ca_render_key_add (key, &self->frame, sizeof self->frame);
  ca_render_key_add_int (key, self->obstacles->len);
  ca_render_key_add (key, self->obstacles->data, self->obstacles->len * sizeof (CaRect));
  ca_render_key_add_int (key, self->segments->len);
  for (guint i = 0; i < self->segments->len; i++)
    {
      const CaLabelSegment *segment = &g_array_index (self->segments, CaLabelSegment, i);

      ca_render_key_add_int (key, segment->except);
      ca_render_key_add_double (key, segment->x0);
      ca_render_key_add_double (key, segment->y0);
      ca_render_key_add_double (key, segment->x1);
      ca_render_key_add_double (key, segment->y1);
    }
  ca_render_key_add_int (key, self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      const CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);

      ca_render_key_add_int (key, item->pub.kind);
      ca_render_key_add_int (key, item->pub.id);
      ca_render_key_add_string (key, item->text);
      ca_render_key_add_double (key, item->base_size);
      ca_render_key_add_double (key, item->min_size);
      ca_render_key_add_int (key, item->bold);
      ca_render_key_add_double (key, item->pub.anchor_x);
      ca_render_key_add_double (key, item->pub.anchor_y);
      ca_render_key_add_double (key, item->radius);
      ca_render_key_add_int (key, item->first);
      ca_render_key_add_polygon (key, item->polygon);
    }
  return key;
}

gboolean
ca_label_memo_restore (CaLabelPlacer *self,
                       GByteArray    *key)
{
  GArray *placements = ca_render_cache_lookup (self->cache, key);

  if (placements == NULL || placements->len != self->items->len)
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);
      const Placement *placement = &g_array_index (placements, Placement, i);
      g_autofree char *wrapped = NULL;

      item->pub.placed = placement->placed;
      item->pub.leader = placement->leader;
      item->pub.rect = placement->rect;
      item->pub.size = placement->size;
      item->wrapped = placement->wrapped;
      if (!placement->placed)
        continue;
      wrapped = placement->wrapped ? ca_label_wrap_in_two (item->text) : NULL;
      g_clear_object (&item->layout);
      item->layout = ca_label_placer_make_layout (self, wrapped != NULL ? wrapped : item->text,
                                                  placement->size, item->bold, NULL, NULL);
    }
  return TRUE;
}

void
ca_label_memo_store (CaLabelPlacer *self,
                     GByteArray    *key)
{
  GArray *placements = g_array_sized_new (FALSE, TRUE, sizeof (Placement), self->items->len);

  for (guint i = 0; i < self->items->len; i++)
    {
      const CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);
      Placement placement = { item->pub.placed, item->pub.leader, item->wrapped, item->pub.rect,
                              item->pub.size };

      g_array_append_val (placements, placement);
    }
  ca_render_cache_insert (self->cache, key, placements, (GDestroyNotify) g_array_unref, NULL);
}
