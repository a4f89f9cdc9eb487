/* ca-render-halo.h — the white halos that keep labels legible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-text-context.h"

G_BEGIN_DECLS

/* Draws the halo of @layout placed at (@x, @y) on paper (PDF, SVG): the
 * outline of the glyphs widened by @width / 2, as a raster's halo is
 * found, traced and filled white at @alpha. FALSE, with nothing drawn,
 * when the label is too large for the mask (the caller then strokes the
 * layout's outline itself). */
gboolean ca_render_halo_draw_traced (cairo_t      *cr,
                                     CaTextLayout *layout,
                                     double        x,
                                     double        y,
                                     double        width,
                                     double        alpha);

/* Draws the halo of @layout placed at (@x, @y) on a raster: the glyphs
 * drawn into a mask in device pixels, widened by @width / 2 (the band a
 * stroke of @width round the outlines adds) and painted white at @alpha.
 * FALSE, with nothing drawn, when the band is too wide for the filter. */
gboolean ca_render_halo_draw_dilated (cairo_t      *cr,
                                      CaTextLayout *layout,
                                      double        x,
                                      double        y,
                                      double        width,
                                      double        alpha);

G_END_DECLS
