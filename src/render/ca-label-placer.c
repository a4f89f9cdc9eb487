/* ca-label-placer.c
 *
 * Greedy, in three passes: every area label tries positions inside its
 * polygon (nearest the pole of inaccessibility first, then smaller and
 * wrapped); the ones that fit nowhere go outside with a leader line; then
 * settlement names take one of eight positions around their symbols.
 * A candidate is taken when its box (plus a small margin) meets no placed
 * label, no obstacle and stays in the frame (ca-label-space.c). With the
 * 174 districts of a country that is some hundred thousand candidates, so
 * what they must keep clear of is found through grids rather than by
 * testing each; and a window drawing the same labels again takes the
 * last placement from its cache (ca-label-memo.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-label-placer-private.h"
#include "ca-render-text.h"

/* Clearance around a label, in units of its font size. */
#define MARGIN_EM 0.25

typedef CaLabelItem Item;

gboolean
ca_rect_intersects (const CaRect *a,
                    const CaRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
ca_rect_contains_rect (const CaRect *outer,
                       const CaRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static CaRect
rect_inflate (const CaRect *rect,
              double        by)
{
  return (CaRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_clear_pointer (&item->polygon, ca_polygon_free);
  g_clear_object (&item->layout);
}

CaLabelPlacer *
ca_label_placer_new (CaTextContext *context,
                     const CaRect  *frame)
{
  CaLabelPlacer *self = g_new0 (CaLabelPlacer, 1);

  self->context = g_object_ref (context);
  self->frame = *frame;
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (CaRect));
  self->segments = g_array_new (FALSE, FALSE, sizeof (CaLabelSegment));
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  return self;
}

void
ca_label_placer_free (CaLabelPlacer *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->context);
  g_array_unref (self->obstacles);
  g_array_unref (self->segments);
  g_array_unref (self->items);
  g_clear_object (&self->cache);
  g_free (self);
}

void
ca_label_placer_set_cache (CaLabelPlacer *self,
                           CaRenderCache *cache)
{
  g_set_object (&self->cache, cache);
}

void
ca_label_placer_add_obstacle (CaLabelPlacer *self,
                              const CaRect  *rect)
{
  g_array_append_val (self->obstacles, *rect);
}

void
ca_label_placer_add_obstacle_line (CaLabelPlacer *self,
                                   int            except,
                                   double         x0,
                                   double         y0,
                                   double         x1,
                                   double         y1)
{
  CaLabelSegment segment = { except, x0, y0, x1, y1 };

  g_array_append_val (self->segments, segment);
}

void
ca_label_placer_add_area (CaLabelPlacer *self,
                          int            id,
                          const char    *text,
                          double         size,
                          double         min_size,
                          gboolean       bold,
                          double         anchor_x,
                          double         anchor_y,
                          CaPolygon     *device_polygon)
{
  Item item = { { CA_LABEL_AREA, id, FALSE, FALSE, { 0 }, size, anchor_x, anchor_y },
                g_strdup (text), size, MIN (min_size, size), bold, device_polygon, { 0 }, 0,
                FALSE, FALSE, NULL };

  if (device_polygon != NULL)
    ca_polygon_bbox (device_polygon, &item.bbox);
  g_array_append_val (self->items, item);
}

void
ca_label_placer_add_point (CaLabelPlacer *self,
                           int            id,
                           const char    *text,
                           double         size,
                           gboolean       bold,
                           gboolean       first,
                           double         x,
                           double         y,
                           double         radius)
{
  Item item = { { CA_LABEL_POINT, id, FALSE, FALSE, { 0 }, size, x, y },
                g_strdup (text), size, size * 0.85, bold, NULL, { 0 }, radius, first, FALSE, NULL };

  g_array_append_val (self->items, item);
}

/* The whole of @rect lies inside @polygon (whose box is @bbox). One walk
 * round the outline: no edge may meet the rect, and then all of it lies
 * on one side of the outline, which one corner's crossings tell. */
static gboolean
polygon_holds_rect (const CaPolygon *polygon,
                    const CaBBox    *bbox,
                    const CaRect    *rect)
{
  double xs[2] = { rect->x, rect->x + rect->width };
  double ys[2] = { rect->y, rect->y + rect->height };
  /* Far enough out that no rounding in the crossing test could matter. */
  double slack = 1e-6 * (1 + fabs (bbox->max_x) + fabs (bbox->max_y));
  gboolean inside = FALSE;

  /* A corner beyond the polygon's box is outside it: most candidates
   * fail here, without a walk round the polygon. */
  if (xs[0] < bbox->min_x - slack || xs[1] > bbox->max_x + slack ||
      ys[0] < bbox->min_y - slack || ys[1] > bbox->max_y + slack)
    return FALSE;
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const CaRing *ring = &polygon->rings[r];

      /* From the last vertex round to the first, whether or not the ring
       * repeats it. */
      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          const CaPoint *a = &ring->points[i], *b = &ring->points[j];

          if (ca_edge_crosses_ray (a, b, xs[0], ys[0]))
            inside = !inside;
          if (MAX (a->x, b->x) < xs[0] || MIN (a->x, b->x) > xs[1] ||
              MAX (a->y, b->y) < ys[0] || MIN (a->y, b->y) > ys[1])
            continue;
          if (ca_label_segment_hits_rect (a->x, a->y, b->x, b->y, rect))
            return FALSE;
        }
    }
  return inside;
}

char *
ca_label_wrap_in_two (const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  const char *best = NULL;
  glong best_distance = G_MAXLONG;
  glong index = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    if (*p == ' ' && ABS (2 * index - n) < best_distance)
      {
        best = p;
        best_distance = ABS (2 * index - n);
      }
  if (best == NULL)
    return NULL;
  return g_strdup_printf ("%.*s\n%s", (int) (best - text), text, best + 1);
}

CaTextLayout *
ca_label_placer_make_layout (CaLabelPlacer *self,
                             const char    *text,
                             double         size,
                             gboolean       bold,
                             double        *width,
                             double        *height)
{
  CaTextLayout *layout = ca_render_layout_new_full (self->context, text, size, bold, 0,
                                                   CA_TEXT_ALIGN_CENTER, -0.1 * size);

  ca_render_layout_size (layout, width, height);
  return layout;
}

/* A label's text laid out once for all the sizes tried. Figure text is
 * set without hinting at one size and scaled (ca-render-text.c), so its
 * box grows exactly with the size: the setting is done once, not once
 * per size. */
typedef struct
{
  const char   *text;
  CaTextLayout *layout; /* at @size */
  double        size;
  double        width;  /* at @size */
  double        height;
} Measured;

static void
measured_init (CaLabelPlacer *self,
               Measured      *measured,
               const char    *text,
               double         size,
               gboolean       bold)
{
  measured->text = text;
  measured->size = size;
  measured->layout = ca_label_placer_make_layout (self, text, size, bold, &measured->width,
                                                  &measured->height);
}

static void
measured_clear (Measured *measured)
{
  g_clear_object (&measured->layout);
}

static void
measured_box (const Measured *measured,
              double          size,
              double         *width,
              double         *height)
{
  *width = measured->width * size / measured->size;
  *height = measured->height * size / measured->size;
}

/* The text at @size, to keep: the measured layout, or one set anew. */
static CaTextLayout *
measured_layout (CaLabelPlacer  *self,
                 const Measured *measured,
                 double          size,
                 gboolean        bold)
{
  if (size == measured->size)
    return g_object_ref (measured->layout);
  return ca_label_placer_make_layout (self, measured->text, size, bold, NULL, NULL);
}

static void
item_take_place (CaLabelPlacer *self,
                 Item          *item,
                 CaTextLayout  *layout,
                 const CaRect  *rect,
                 double         size,
                 gboolean       leader,
                 gboolean       wrapped)
{
  g_set_object (&item->layout, layout);
  item->pub.rect = *rect;
  item->pub.size = size;
  item->pub.placed = TRUE;
  item->pub.leader = leader;
  item->wrapped = wrapped;
  ca_label_space_add_placed (self, item);
}

/* Offsets from the anchor in font sizes, nearest first (built once per
 * run): a regular grid, so that a label can step just clear of a symbol
 * at the pole whatever its own height. */
typedef struct
{
  double dx;
  double dy;
} Offset;

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Offset *oa = a, *ob = b;
  /* Vertical moves read better than sideways ones: weigh x double. */
  double da = 4 * oa->dx * oa->dx + oa->dy * oa->dy, db = 4 * ob->dx * ob->dx + ob->dy * ob->dy;

  return (da > db) - (da < db);
}

static GArray *
inside_offsets (void)
{
  static const double xs[] = { 0, -0.6, 0.6, -1.2, 1.2, -2.4, 2.4, -3.6, 3.6 };
  static const double ys[] = { 0, -0.7, 0.7, -1.4, 1.4, -2.1, 2.1, -2.8, 2.8, -3.8, 3.8, -5, 5 };
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (Offset));

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
      {
        Offset offset = { xs[i], ys[j] };
        g_array_append_val (offsets, offset);
      }
  g_array_sort (offsets, compare_offsets);
  return offsets;
}

/* Tries @measured at @size round the item's anchor, inside its unit. */
static gboolean
place_inside_at (CaLabelPlacer  *self,
                 Item           *item,
                 GArray         *offsets,
                 const Measured *measured,
                 double          size,
                 gboolean        wrapped)
{
  double w, h, margin = MARGIN_EM * size;

  measured_box (measured, size, &w, &h);
  for (guint k = 0; k < offsets->len; k++)
    {
      const Offset *offset = &g_array_index (offsets, Offset, k);
      CaRect rect = { item->pub.anchor_x - w / 2 + offset->dx * size,
                      item->pub.anchor_y - h / 2 + offset->dy * size, w, h };
      CaRect padded = rect_inflate (&rect, margin);

      if (ca_label_rect_is_free (self, item, &rect, margin) &&
          polygon_holds_rect (item->polygon, &item->bbox, &padded))
        {
          g_autoptr (CaTextLayout) layout = measured_layout (self, measured, size, item->bold);

          item_take_place (self, item, layout, &rect, size, FALSE, wrapped);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
place_inside (CaLabelPlacer *self,
              Item          *item,
              GArray        *offsets)
{
  g_autofree char *wrapped = ca_label_wrap_in_two (item->text);
  Measured variants[2] = { { NULL } };
  gboolean placed = FALSE;

  measured_init (self, &variants[0], item->text, item->base_size, item->bold);
  if (wrapped != NULL)
    measured_init (self, &variants[1], wrapped, item->base_size, item->bold);
  for (double size = item->base_size; !placed && size >= item->min_size - 1e-9;
       size -= 0.1 * item->base_size)
    for (guint variant = 0; !placed && variant < 2; variant++)
      if (variants[variant].layout != NULL)
        placed = place_inside_at (self, item, offsets, &variants[variant], size, variant == 1);
  measured_clear (&variants[0]);
  measured_clear (&variants[1]);
  return placed;
}

void
ca_label_rect_nearest_point (const CaRect *rect,
                    double        x,
                    double        y,
                    double       *px,
                    double       *py)
{
  *px = CLAMP (x, rect->x, rect->x + rect->width);
  *py = CLAMP (y, rect->y, rect->y + rect->height);
}

/* TRUE when @rect lies over a unit other than @item's: a reader would
 * take the name for that unit's. Nine points of the box are tested, which
 * catches any overlap wider than a third of the label. */
static gboolean
rect_covers_other_unit (CaLabelPlacer *self,
                        const Item    *item,
                        const CaRect  *rect)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *other = &g_array_index (self->items, Item, i);

      if (other == item || other->pub.kind != CA_LABEL_AREA || other->polygon == NULL ||
          rect->x > other->bbox.max_x || rect->x + rect->width < other->bbox.min_x ||
          rect->y > other->bbox.max_y || rect->y + rect->height < other->bbox.min_y)
        continue;
      for (guint k = 0; k < 9; k++)
        if (ca_polygon_contains (other->polygon, rect->x + rect->width * (k % 3) / 2,
                                 rect->y + rect->height * (k / 3) / 2))
          return TRUE;
    }
  return FALSE;
}

/* Tries leader positions for one text layout (@wrapped: on two lines);
 * TRUE when one is free. With @clear_of_units the label must also keep
 * off the other units, which may take it further out. */
static gboolean
try_leader (CaLabelPlacer *self,
            Item          *item,
            CaTextLayout  *layout,
            double         size,
            gboolean       wrapped,
            gboolean       clear_of_units)
{
  double w, h, margin = MARGIN_EM * size, reach;
  const CaBBox *bbox = &item->bbox;
  guint n_steps = clear_of_units ? 16 : 8;

  ca_render_layout_size (layout, &w, &h);
  /* Start just outside the polygon, so the label does not cover it. */
  reach = MAX (bbox->max_x - bbox->min_x, bbox->max_y - bbox->min_y) / 2;
  for (guint step = 0; step < n_steps; step++)
    {
      double distance = reach + 0.8 * size + step * 1.5 * size;
      for (guint k = 0; k < 16; k++)
        {
          /* East, west, then alternating around the compass. */
          static const int order[16] = { 0, 8, 2, 6, 14, 10, 1, 7, 15, 9, 3, 5, 13, 11, 4, 12 };
          double angle = order[k] * G_PI / 8;
          double cx = item->pub.anchor_x + cos (angle) * (distance + w / 2 * fabs (cos (angle)));
          double cy = item->pub.anchor_y - sin (angle) * (distance + h / 2 * fabs (sin (angle)));
          CaRect rect = { cx - w / 2, cy - h / 2, w, h };
          double ex, ey;

          ca_label_rect_nearest_point (&rect, item->pub.anchor_x, item->pub.anchor_y, &ex, &ey);
          if (ca_label_rect_is_free (self, item, &rect, margin) &&
              ca_label_segment_is_free (self, item->pub.anchor_x, item->pub.anchor_y, ex, ey) &&
              !(clear_of_units && rect_covers_other_unit (self, item, &rect)))
            {
              item_take_place (self, item, layout, &rect, size, TRUE, wrapped);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
place_with_leader (CaLabelPlacer *self,
                   Item          *item)
{
  double size = item->base_size;
  g_autofree char *wrapped = ca_label_wrap_in_two (item->text);
  g_autoptr (CaTextLayout) line = ca_label_placer_make_layout (self, item->text, size, item->bold, NULL, NULL);
  g_autoptr (CaTextLayout) lines = wrapped != NULL ? ca_label_placer_make_layout (self, wrapped, size, item->bold, NULL, NULL) : NULL;
  double w;

  ca_render_layout_size (line, &w, NULL);
  /* Off the other units if at all possible, then anywhere free. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean clear = pass == 0;

      /* A long name reads better, and crowds less, on two lines. */
      if (lines != NULL && w > 12 * size && try_leader (self, item, lines, size, TRUE, clear))
        return;
      if (try_leader (self, item, line, size, FALSE, clear))
        return;
      if (lines != NULL && try_leader (self, item, lines, size, TRUE, clear))
        return;
    }
}

static void
place_point (CaLabelPlacer *self,
             Item          *item)
{
  Measured measured;

  measured_init (self, &measured, item->text, item->base_size, item->bold);
  for (double size = item->base_size; size >= item->min_size - 1e-9; size -= 0.15 * item->base_size)
    {
      double w, h, margin = MARGIN_EM * 0.6 * size;
      double gap = item->radius + 0.25 * size;
      double x = item->pub.anchor_x, y = item->pub.anchor_y, d = gap * 0.75;

      measured_box (&measured, size, &w, &h);
      /* Right, left, above, below, then the diagonals. */
      CaRect candidates[8] = {
        { x + gap, y - h / 2, w, h },
        { x - gap - w, y - h / 2, w, h },
        { x - w / 2, y - gap - h, w, h },
        { x - w / 2, y + gap, w, h },
        { x + d, y - d - h, w, h },
        { x + d, y + d, w, h },
        { x - d - w, y - d - h, w, h },
        { x - d - w, y + d, w, h },
      };

      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        if (ca_label_rect_is_free (self, item, &candidates[k], margin))
          {
            g_autoptr (CaTextLayout) layout = measured_layout (self, &measured, size, item->bold);

            item_take_place (self, item, layout, &candidates[k], size, FALSE, FALSE);
            measured_clear (&measured);
            return;
          }
    }
  measured_clear (&measured);
}

static void
run_passes (CaLabelPlacer *self)
{
  g_autoptr (GArray) offsets = inside_offsets ();

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      if (item->pub.kind == CA_LABEL_POINT && item->first)
        place_point (self, item);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      if (item->pub.kind == CA_LABEL_AREA && item->polygon != NULL)
        place_inside (self, item, offsets);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      if (item->pub.kind == CA_LABEL_AREA && !item->pub.placed && item->polygon != NULL)
        place_with_leader (self, item);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      if (item->pub.kind == CA_LABEL_POINT && !item->first)
        place_point (self, item);
    }
}

void
ca_label_placer_run (CaLabelPlacer *self)
{
  g_autoptr (GByteArray) key = NULL;

  /* The same labels in the same place as in the last drawing (an edit
   * that changed colours only) are placed as they were then. */
  if (self->cache != NULL)
    {
      key = ca_label_memo_key (self);
      if (ca_label_memo_restore (self, key))
        return;
    }
  ca_label_space_begin (self);
  run_passes (self);
  ca_label_space_end (self);
  if (self->cache != NULL)
    ca_label_memo_store (self, key);
}

guint
ca_label_placer_get_n_labels (CaLabelPlacer *self)
{
  return self->items->len;
}

const CaLabel *
ca_label_placer_get_label (CaLabelPlacer *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, Item, index).pub;
}
