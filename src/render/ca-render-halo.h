/* ca-render-halo.h — label halos on paper, each glyph's written once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Draws the white halo (@width wide, at @alpha) of @layout placed at
 * (@x, @y) on a PDF surface, out of one form per distinct glyph;
 * FALSE, with nothing drawn, when the layout or the transformation does
 * not allow it (the caller then strokes the layout's outline itself). */
gboolean ca_render_halo_draw_shared (cairo_t     *cr,
                                     PangoLayout *layout,
                                     double       x,
                                     double       y,
                                     double       width,
                                     double       alpha);

/* Draws the halo of @layout placed at (@x, @y) on a raster: the glyphs
 * drawn into a mask in device pixels, widened by @width / 2 (the band a
 * stroke of @width round the outlines adds) and painted white at @alpha.
 * FALSE, with nothing drawn, when the band is too wide for the filter. */
gboolean ca_render_halo_draw_dilated (cairo_t     *cr,
                                      PangoLayout *layout,
                                      double       x,
                                      double       y,
                                      double       width,
                                      double       alpha);

G_END_DECLS
