/* ca-map-renderer.h — drawing projected layers into a map frame: the
 * viewport transform (map metres, y up → device units, y down), polygon
 * fills, hatching and stripes, borders and the region outline, context
 * districts and settlement symbols.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-figure.h"
#include "ca-label-placer.h"
#include "ca-palette.h"

G_BEGIN_DECLS

/* A map frame on the page and the viewport shown in it. */
typedef struct
{
  CaRect     frame;
  CaViewport viewport;
} CaMapTransform;

/* Fits @bbox, grown by @margin (a fraction of its size) on every side,
 * into @frame, centred; keeps the map's aspect (one scale for x and y). */
void     ca_map_transform_fit (CaMapTransform *transform, const CaRect *frame,
                               const CaBBox *bbox, double margin);
void     ca_map_transform_init (CaMapTransform *transform, const CaRect *frame,
                                const CaViewport *viewport);
/* Map metres → device units: north is up, east is right (y flips, x does not). */
void     ca_map_transform_to_device (const CaMapTransform *transform, double x, double y,
                                     double *dx, double *dy);
void     ca_map_transform_to_map (const CaMapTransform *transform, double dx, double dy,
                                  double *x, double *y);
/* The map-space rectangle the frame shows. */
void     ca_map_transform_visible (const CaMapTransform *transform, CaBBox *bbox);
/* A copy of @polygon in device units (for the label placer). */
CaPolygon *ca_map_transform_polygon (const CaMapTransform *transform, const CaPolygon *polygon);

/* Whether @cr draws onto paper (PDF, PostScript, SVG) rather than pixels. */
gboolean ca_render_is_vector (cairo_t *cr);
/* Appends @polygon to the current path (even-odd fill rule for holes),
 * simplified (Douglas–Peucker) to within a quarter device pixel, or
 * 0.05 mm on a PDF, PostScript or SVG surface, and without the vertices
 * that lie out of sight beyond the clip (ca-map-path.c). */
void     ca_map_path_polygon (cairo_t *cr, const CaMapTransform *transform,
                              const CaPolygon *polygon);
/* Appends @lines (may be NULL) to the path, as ca_map_path_polygon its rings. */
void     ca_map_path_lines (cairo_t *cr, const CaMapTransform *transform, const CaLineSet *lines);
/* Appends the closed ring @points (@n_points of them, in user space, the
 * first not repeated, with room for one more after them) to the path,
 * simplified (Douglas–Peucker) to within @tolerance; nothing for fewer
 * than three points. */
void     ca_map_path_ring (cairo_t *cr, CaPoint *points, guint n_points, double tolerance);

/* The map's fills and lines on a raster, sampled four by four a pixel
 * rather than at cairo's default fifteen rows of 256: they are most of a
 * 150 dpi map's scan conversion (the unit borders alone 20 M of Fig. 1's
 * 241 M instructions), and FAST takes 32 M off. An edge pixel's shade
 * moves by about 10 of 255, either way, so a line keeps its weight (the
 * borders' summed shade changes by 0.01 %), and at 1:1 the two cannot be
 * told apart. Labels, symbols and the furniture keep the fine grid; paper
 * ignores the setting. */
#define CA_MAP_LINEWORK_ANTIALIAS CAIRO_ANTIALIAS_FAST

/* Fills @polygon with coarse antialiasing on a raster: for units whose
 * borders are stroked over it. */
void     ca_map_fill_polygon (cairo_t *cr, const CaMapTransform *transform,
                              const CaPolygon *polygon, const CaRgb *fill);
/* Fills @polygon and strokes its outline as ca_map_draw_unit_borders
 * strokes borders, in one operation: on paper, for units drawn one after
 * another, each over its neighbours' outlines, with no borders after. */
void     ca_map_fill_and_outline_polygon (cairo_t *cr, const CaMapTransform *transform,
                                          const CaPolygon *polygon, const CaRgb *fill,
                                          const CaRgb *line, double width);
/* Parallel diagonal lines @spacing apart over @polygon ("no data"). */
void     ca_map_hatch_polygon (cairo_t *cr, const CaMapTransform *transform,
                               const CaPolygon *polygon, const CaRgb *colour,
                               double spacing, double width);
/* Diagonal stripes of @n_colours colours in turn, each @width wide. */
void     ca_map_stripe_polygon (cairo_t *cr, const CaMapTransform *transform,
                                const CaPolygon *polygon, const CaRgb *colours,
                                guint n_colours, double width);
/* Fills @rect (a legend swatch) like the two functions above. */
void     ca_map_hatch_rect (cairo_t *cr, const CaRect *rect, const CaRgb *colour,
                            double spacing, double width);
void     ca_map_stripe_rect (cairo_t *cr, const CaRect *rect, const CaRgb *colours,
                             guint n_colours, double width);

/* The neighbouring districts in light grey with white borders, those of
 * @basemap's context that fall in the frame. */
void     ca_map_draw_context (cairo_t *cr, const CaMapTransform *transform, CaBasemap *basemap,
                              double line_width);

/* The units' outer boundary, @width wide: strokes every unit outline at
 * twice the width; the fills drawn afterwards cover the inner half and
 * every shared border, so only the region's edge stays. */
void     ca_map_draw_region_halo (cairo_t *cr, const CaMapTransform *transform,
                                  CaBasemap *basemap, const CaRgb *colour, double width);
void     ca_map_draw_unit_borders (cairo_t *cr, const CaMapTransform *transform,
                                   CaBasemap *basemap, const CaRgb *colour, double width);
/* A thick dark outline with a white casing round unit @unit. */
void     ca_map_draw_highlight (cairo_t *cr, const CaMapTransform *transform,
                                CaBasemap *basemap, int unit, double width);

/* How a settlement is drawn, from its `place` and `population`. */
typedef enum
{
  CA_SETTLEMENT_VILLAGE,
  CA_SETTLEMENT_TOWN,
  CA_SETTLEMENT_CITY,
} CaSettlementClass;

CaSettlementClass ca_settlement_class (CaLayer *settlements, guint feature);
/* Symbol radius of @klass at scale @s (device units per A4 point). */
double   ca_settlement_radius (CaSettlementClass klass, double s);
void     ca_map_draw_settlement_symbol (cairo_t *cr, CaSettlementClass klass, double x,
                                        double y, double s);
/* Every settlement inside the frame. */
void     ca_map_draw_settlements (cairo_t *cr, const CaMapTransform *transform,
                                  CaLayer *settlements, double s);
/* A five-pointed star of outer radius @r. */
void     ca_map_path_star (cairo_t *cr, double x, double y, double r);

G_END_DECLS
