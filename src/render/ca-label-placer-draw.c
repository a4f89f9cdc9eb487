/* ca-label-placer-draw.c — the placed labels on the map: leader lines
 * first, then the names over them, each with a white halo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-label-placer-private.h"
#include "ca-render-text.h"

/* A leader line with its halo and the dot at its anchor. */
typedef struct
{
  double       x0, y0;   /* the anchor */
  double       x1, y1;   /* where it meets the label's box */
  double       width;
  const CaRgb *colour;
  double       halo;
} Leader;

static void
draw_leader (cairo_t  *cr,
             gpointer  data)
{
  const Leader *leader = data;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, leader->x0, leader->y0);
  cairo_line_to (cr, leader->x1, leader->y1);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, leader->width + leader->halo * 0.6);
  cairo_stroke_preserve (cr);
  ca_rgb_set_source (cr, leader->colour);
  cairo_set_line_width (cr, leader->width);
  cairo_stroke (cr);
  cairo_arc (cr, leader->x0, leader->y0, leader->width * 1.8, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Through the cache's images when there is a cache: a leader looks the
 * same wherever it is, for the same shape and place within a pixel. */
static void
show_leader (CaLabelPlacer     *self,
             cairo_t           *cr,
             const CaLabelItem *item,
             const CaRgb       *colour,
             double             halo)
{
  Leader leader = { item->pub.anchor_x, item->pub.anchor_y, 0, 0,
                    MAX (0.5, item->pub.size * 0.07), colour, halo };
  g_autoptr (GByteArray) key = NULL;
  double reach;
  CaRect extent;

  ca_label_rect_nearest_point (&item->pub.rect, leader.x0, leader.y0, &leader.x1, &leader.y1);
  if (self->cache == NULL)
    {
      draw_leader (cr, &leader);
      return;
    }
  reach = leader.width * 1.8 + leader.halo;
  extent = (CaRect) { MIN (leader.x0, leader.x1) - reach, MIN (leader.y0, leader.y1) - reach,
                      fabs (leader.x1 - leader.x0) + 2 * reach,
                      fabs (leader.y1 - leader.y0) + 2 * reach };
  key = ca_render_key_new ("leader");
  ca_render_key_add_double (key, leader.x1 - leader.x0);
  ca_render_key_add_double (key, leader.y1 - leader.y0);
  ca_render_key_add_double (key, leader.width);
  ca_render_key_add (key, colour, sizeof *colour);
  ca_render_key_add_double (key, halo);
  ca_render_cache_draw_sprite (self->cache, cr, key, leader.x0, leader.y0, &extent, draw_leader,
                               &leader);
}

void
ca_label_placer_draw (CaLabelPlacer *self,
                      cairo_t       *cr,
                      const CaRgb   *colour,
                      double         halo)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);
      if (item->pub.placed && item->pub.leader)
        show_leader (self, cr, item, colour, halo);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);
      if (item->pub.placed)
        ca_render_cache_show_layout (self->cache, cr, item->layout, item->pub.rect.x,
                                     item->pub.rect.y, colour, halo);
    }
}
