/* ca-map-furniture.h — scale bar, north arrow, title and source line.
 *
 * Sizes are at A4 scale (points) times @scale, like the legend's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-map-renderer.h"
#include "ca-render-text.h"

G_BEGIN_DECLS

/* The longest "nice" length (1, 2 or 5 × 10^k km) not above @max_km. */
double ca_scale_bar_nice_length (double max_km);

/* The scale bar and north arrow as one block, stacked (arrow above). */
typedef struct
{
  double bar_km;          /* scale bar length */
  double bar_width;       /* in device units */
  double north_angle;     /* radians, clockwise from the page's up */
  double width;           /* of the whole block */
  double height;
} CaFurnitureBlock;

/* Sizes the block for @transform: a bar at most @max_width long. The
 * north angle is grid convergence at the frame centre (from @projection;
 * NULL: straight up). */
void   ca_furniture_block_init (CaFurnitureBlock *block, CaTextContext *context, double scale,
                                const CaMapTransform *transform, CaProjection *projection,
                                double max_width, CaLang lang);
/* Draws the block with its top-left corner at (@x, @y) on a faint white panel. */
void   ca_furniture_block_draw (const CaFurnitureBlock *block, cairo_t *cr,
                                CaTextContext *context, double scale, double x, double y,
                                CaLang lang);

/* The corner of @transform's frame (inset by @inset) where a @width ×
 * @height box covers the least of the units; returns the box. */
CaRect ca_furniture_pick_corner (const CaMapTransform *transform, CaBasemap *basemap,
                                 double width, double height, double inset);

/* The source line: "Source: <source>; boundaries © OpenStreetMap
 * contributors, geoBoundaries", in @lang. */
char  *ca_furniture_source_text (const char *dataset_source, CaLang lang);

G_END_DECLS
