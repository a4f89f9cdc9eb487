/* ca-label-space.c — where a label may go: inside the frame, clear of
 * the obstacles (boxes and lines), of the labels placed so far and of the
 * anchors of other polygons' labels. Each kind is filed in a grid
 * (ca-label-grid.c) while the placer runs, so a candidate is tested only
 * against what is near it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-label-placer-private.h"

/* Does the segment (x0, y0)–(x1, y1) meet @rect? Liang–Barsky clipping. */
gboolean
ca_label_segment_hits_rect (double        x0,
                            double        y0,
                            double        x1,
                            double        y1,
                            const CaRect *rect)
{
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - rect->x, rect->x + rect->width - x0, y0 - rect->y,
                  rect->y + rect->height - y0 };

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static CaRect
segment_box (const CaLabelSegment *segment)
{
  return (CaRect) { MIN (segment->x0, segment->x1), MIN (segment->y0, segment->y1),
                    fabs (segment->x1 - segment->x0), fabs (segment->y1 - segment->y0) };
}

void
ca_label_space_begin (CaLabelPlacer *self)
{
  self->obstacle_grid = ca_label_grid_new (&self->frame);
  self->segment_grid = ca_label_grid_new (&self->frame);
  self->anchor_grid = ca_label_grid_new (&self->frame);
  self->placed_grid = ca_label_grid_new (&self->frame);
  for (guint i = 0; i < self->obstacles->len; i++)
    ca_label_grid_add (self->obstacle_grid, &g_array_index (self->obstacles, CaRect, i), i);
  for (guint i = 0; i < self->segments->len; i++)
    {
      CaRect box = segment_box (&g_array_index (self->segments, CaLabelSegment, i));

      ca_label_grid_add (self->segment_grid, &box, i);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);
      CaRect anchor = { item->pub.anchor_x, item->pub.anchor_y, 0, 0 };

      if (item->pub.kind == CA_LABEL_AREA)
        ca_label_grid_add (self->anchor_grid, &anchor, i);
    }
}

void
ca_label_space_end (CaLabelPlacer *self)
{
  g_clear_pointer (&self->obstacle_grid, ca_label_grid_free);
  g_clear_pointer (&self->segment_grid, ca_label_grid_free);
  g_clear_pointer (&self->anchor_grid, ca_label_grid_free);
  g_clear_pointer (&self->placed_grid, ca_label_grid_free);
}

void
ca_label_space_add_placed (CaLabelPlacer     *self,
                           const CaLabelItem *item)
{
  ca_label_grid_add (self->placed_grid, &item->pub.rect,
                     (guint) (item - &g_array_index (self->items, CaLabelItem, 0)));
}

/* What a grid query tests its boxes against. */
typedef struct
{
  CaLabelPlacer     *self;
  const CaLabelItem *item;
  CaRect             rect;
  double             x0, y0, x1, y1;   /* a segment */
} Query;

/* Another area label's anchor within the box (edges included). */
static gboolean
anchor_is_in (guint    index,
              gpointer data)
{
  const Query *q = data;
  const CaLabelItem *other = &g_array_index (q->self->items, CaLabelItem, index);

  return other != q->item &&
         other->pub.anchor_x >= q->rect.x && other->pub.anchor_x <= q->rect.x + q->rect.width &&
         other->pub.anchor_y >= q->rect.y && other->pub.anchor_y <= q->rect.y + q->rect.height;
}

static gboolean
obstacle_meets (guint    index,
                gpointer data)
{
  const Query *q = data;

  return ca_rect_intersects (&q->rect, &g_array_index (q->self->obstacles, CaRect, index));
}

/* A line a point label may not cross. Area labels may: a unit's name sits
 * on the end of the links to it, and pushing names off their units for
 * other lines crowds the map more than it clears it. */
static gboolean
segment_meets (guint    index,
               gpointer data)
{
  const Query *q = data;
  const CaLabelSegment *segment = &g_array_index (q->self->segments, CaLabelSegment, index);

  if (q->item->pub.kind == CA_LABEL_AREA || (segment->except >= 0 && q->item->pub.id == segment->except))
    return FALSE;
  return ca_label_segment_hits_rect (segment->x0, segment->y0, segment->x1, segment->y1, &q->rect);
}

static gboolean
label_meets (guint    index,
             gpointer data)
{
  const Query *q = data;

  return ca_rect_intersects (&q->rect, &g_array_index (q->self->items, CaLabelItem, index).pub.rect);
}

static gboolean
label_meets_segment (guint    index,
                     gpointer data)
{
  const Query *q = data;

  return ca_label_segment_hits_rect (q->x0, q->y0, q->x1, q->y1,
                                     &g_array_index (q->self->items, CaLabelItem, index).pub.rect);
}

gboolean
ca_label_rect_is_free (CaLabelPlacer     *self,
                       const CaLabelItem *item,
                       const CaRect      *rect,
                       double             margin)
{
  Query q = { self, item, { rect->x - margin, rect->y - margin, rect->width + 2 * margin,
                            rect->height + 2 * margin } };

  return ca_rect_contains_rect (&self->frame, rect) &&
         !ca_label_grid_any (self->anchor_grid, &q.rect, anchor_is_in, &q) &&
         !ca_label_grid_any (self->obstacle_grid, &q.rect, obstacle_meets, &q) &&
         !ca_label_grid_any (self->segment_grid, &q.rect, segment_meets, &q) &&
         !ca_label_grid_any (self->placed_grid, &q.rect, label_meets, &q);
}

gboolean
ca_label_segment_is_free (CaLabelPlacer *self,
                          double         x0,
                          double         y0,
                          double         x1,
                          double         y1)
{
  Query q = { self, NULL, { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) },
              x0, y0, x1, y1 };

  return !ca_label_grid_any (self->placed_grid, &q.rect, label_meets_segment, &q);
}
