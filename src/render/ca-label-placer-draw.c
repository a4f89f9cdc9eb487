/* ca-label-placer-draw.c — the placed labels on the map: leader lines
 * first, then the names over them, each with a white halo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-label-placer-private.h"
#include "ca-render-text.h"

static void
draw_leader (cairo_t           *cr,
             const CaLabelItem *item,
             const CaRgb       *colour,
             double             halo)
{
  double ex, ey, width = MAX (0.5, item->pub.size * 0.07);

  ca_label_rect_nearest_point (&item->pub.rect, item->pub.anchor_x, item->pub.anchor_y, &ex, &ey);
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, item->pub.anchor_x, item->pub.anchor_y);
  cairo_line_to (cr, ex, ey);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, width + halo * 0.6);
  cairo_stroke_preserve (cr);
  ca_rgb_set_source (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_arc (cr, item->pub.anchor_x, item->pub.anchor_y, width * 1.8, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
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
        draw_leader (cr, item, colour, halo);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      CaLabelItem *item = &g_array_index (self->items, CaLabelItem, i);
      if (item->pub.placed)
        ca_render_cache_show_layout (self->cache, cr, item->layout, item->pub.rect.x,
                                     item->pub.rect.y, colour, halo);
    }
}
