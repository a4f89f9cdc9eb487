/* ca-map-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ca-map-renderer.h"

void
ca_map_transform_init (CaMapTransform   *transform,
                       const CaRect     *frame,
                       const CaViewport *viewport)
{
  transform->frame = *frame;
  transform->viewport = *viewport;
  if (!(transform->viewport.metres_per_unit > 0))
    transform->viewport.metres_per_unit = 1.0;
}

void
ca_map_transform_fit (CaMapTransform *transform,
                      const CaRect   *frame,
                      const CaBBox   *bbox,
                      double          margin)
{
  double w = bbox->max_x - bbox->min_x, h = bbox->max_y - bbox->min_y;
  double gw = w * (1 + 2 * margin), gh = h * (1 + 2 * margin);
  CaViewport viewport = { (bbox->min_x + bbox->max_x) / 2, (bbox->min_y + bbox->max_y) / 2,
                          MAX (gw / MAX (frame->width, 1.0), gh / MAX (frame->height, 1.0)) };

  ca_map_transform_init (transform, frame, &viewport);
}

void
ca_map_transform_to_device (const CaMapTransform *transform,
                            double                x,
                            double                y,
                            double               *dx,
                            double               *dy)
{
  const CaViewport *v = &transform->viewport;

  *dx = transform->frame.x + transform->frame.width / 2 + (x - v->center_x) / v->metres_per_unit;
  *dy = transform->frame.y + transform->frame.height / 2 - (y - v->center_y) / v->metres_per_unit;
}

void
ca_map_transform_to_map (const CaMapTransform *transform,
                         double                dx,
                         double                dy,
                         double               *x,
                         double               *y)
{
  const CaViewport *v = &transform->viewport;

  *x = v->center_x + (dx - transform->frame.x - transform->frame.width / 2) * v->metres_per_unit;
  *y = v->center_y - (dy - transform->frame.y - transform->frame.height / 2) * v->metres_per_unit;
}

void
ca_map_transform_visible (const CaMapTransform *transform,
                          CaBBox               *bbox)
{
  const CaRect *f = &transform->frame;

  ca_map_transform_to_map (transform, f->x, f->y + f->height, &bbox->min_x, &bbox->min_y);
  ca_map_transform_to_map (transform, f->x + f->width, f->y, &bbox->max_x, &bbox->max_y);
}

CaPolygon *
ca_map_transform_polygon (const CaMapTransform *transform,
                          const CaPolygon      *polygon)
{
  CaPolygon *copy = ca_polygon_copy (polygon);

  for (guint r = 0; r < copy->n_rings; r++)
    for (guint i = 0; i < copy->rings[r].n_points; i++)
      {
        CaPoint *p = &copy->rings[r].points[i];
        ca_map_transform_to_device (transform, p->x, p->y, &p->x, &p->y);
      }
  return copy;
}

/* @polygon as the path, to be filled in @fill. */
static void
set_fill (cairo_t              *cr,
          const CaMapTransform *transform,
          const CaPolygon      *polygon,
          const CaRgb          *fill)
{
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_antialias (cr, CA_MAP_LINEWORK_ANTIALIAS);
  cairo_new_path (cr);
  ca_map_path_polygon (cr, transform, polygon);
  ca_rgb_set_source (cr, fill);
}

void
ca_map_fill_polygon (cairo_t              *cr,
                     const CaMapTransform *transform,
                     const CaPolygon      *polygon,
                     const CaRgb          *fill)
{
  cairo_save (cr);
  set_fill (cr, transform, polygon, fill);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The pen of the units' borders. */
static void
set_border_pen (cairo_t     *cr,
                const CaRgb *colour,
                double       width)
{
  cairo_set_antialias (cr, CA_MAP_LINEWORK_ANTIALIAS);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);
  ca_rgb_set_source (cr, colour);
}

void
ca_map_fill_and_outline_polygon (cairo_t              *cr,
                                 const CaMapTransform *transform,
                                 const CaPolygon      *polygon,
                                 const CaRgb          *fill,
                                 const CaRgb          *line,
                                 double                width)
{
  cairo_save (cr);
  set_fill (cr, transform, polygon, fill);
  cairo_fill_preserve (cr);
  set_border_pen (cr, line, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Lines x + y = c (device units: rising to the right) over the clip
 * extents, c on a grid anchored at 0 so that neighbouring shapes line up. */
static void
hatch_clip (cairo_t     *cr,
            const CaRgb *colour,
            double       spacing,
            double       width)
{
  double x0, y0, x1, y1, step = spacing * G_SQRT2;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_new_path (cr);
  for (double c = floor ((x0 + y0) / step) * step; c <= x1 + y1 + step; c += step)
    {
      cairo_move_to (cr, c - y0 + width, y0 - width);
      cairo_line_to (cr, c - y1 - width, y1 + width);
    }
  ca_rgb_set_source (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
stripe_clip (cairo_t     *cr,
             const CaRgb *colours,
             guint        n_colours,
             double       width)
{
  double x0, y0, x1, y1, step = width * G_SQRT2;
  long k0;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  k0 = (long) floor ((x0 + y0) / step) - 1;
  for (long k = k0; k * step <= x1 + y1 + step; k++)
    {
      double c = k * step;
      guint index = (guint) (((k % (long) n_colours) + (long) n_colours) % (long) n_colours);

      cairo_new_path (cr);
      cairo_move_to (cr, c - y0, y0);
      cairo_line_to (cr, c + step - y0, y0);
      cairo_line_to (cr, c + step - y1, y1);
      cairo_line_to (cr, c - y1, y1);
      cairo_close_path (cr);
      ca_rgb_set_source (cr, &colours[index]);
      cairo_fill (cr);
    }
}

void
ca_map_hatch_polygon (cairo_t              *cr,
                      const CaMapTransform *transform,
                      const CaPolygon      *polygon,
                      const CaRgb          *colour,
                      double                spacing,
                      double                width)
{
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_new_path (cr);
  ca_map_path_polygon (cr, transform, polygon);
  cairo_clip (cr);
  hatch_clip (cr, colour, spacing, width);
  cairo_restore (cr);
}

void
ca_map_stripe_polygon (cairo_t              *cr,
                       const CaMapTransform *transform,
                       const CaPolygon      *polygon,
                       const CaRgb          *colours,
                       guint                 n_colours,
                       double                width)
{
  g_return_if_fail (n_colours > 0);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_new_path (cr);
  ca_map_path_polygon (cr, transform, polygon);
  cairo_clip (cr);
  stripe_clip (cr, colours, n_colours, width);
  cairo_restore (cr);
}

void
ca_map_hatch_rect (cairo_t      *cr,
                   const CaRect *rect,
                   const CaRgb  *colour,
                   double        spacing,
                   double        width)
{
  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  hatch_clip (cr, colour, spacing, width);
  cairo_restore (cr);
}

void
ca_map_stripe_rect (cairo_t      *cr,
                    const CaRect *rect,
                    const CaRgb  *colours,
                    guint         n_colours,
                    double        width)
{
  g_return_if_fail (n_colours > 0);

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  stripe_clip (cr, colours, n_colours, width);
  cairo_restore (cr);
}

void
ca_map_draw_context (cairo_t              *cr,
                     const CaMapTransform *transform,
                     CaBasemap            *basemap,
                     double                line_width)
{
  CaRgb fill = CA_RGB_CONTEXT;
  CaBBox visible;
  CaLayer *context;

  ca_map_transform_visible (transform, &visible);
  context = ca_basemap_get_context_within (basemap, &visible);
  if (context == NULL)
    return;
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_antialias (cr, CA_MAP_LINEWORK_ANTIALIAS);
  cairo_new_path (cr);
  for (guint i = 0; i < ca_layer_get_n_features (context); i++)
    {
      const CaFeature *feature = ca_layer_get_feature (context, i);

      if (feature->polygon == NULL || !ca_bbox_intersects (&feature->bbox, &visible))
        continue;
      ca_map_path_polygon (cr, transform, feature->polygon);
    }
  ca_rgb_set_source (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ca_map_draw_region_halo (cairo_t              *cr,
                         const CaMapTransform *transform,
                         CaBasemap            *basemap,
                         const CaRgb          *colour,
                         double                width)
{
  cairo_save (cr);
  cairo_new_path (cr);
  ca_map_path_lines (cr, transform, ca_basemap_get_region_outline (basemap));
  /* Mitred corners, cut off where sharp: round joins cost far more. The
   * outline's lines meet where the units do: round ends close the joint. */
  cairo_set_antialias (cr, CA_MAP_LINEWORK_ANTIALIAS);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_miter_limit (cr, 2.0);
  cairo_set_line_width (cr, 2 * width);
  ca_rgb_set_source (cr, colour);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ca_map_draw_unit_borders (cairo_t              *cr,
                          const CaMapTransform *transform,
                          CaBasemap            *basemap,
                          const CaRgb          *colour,
                          double                width)
{
  cairo_save (cr);
  cairo_new_path (cr);
  ca_map_path_lines (cr, transform, ca_basemap_get_unit_borders (basemap));
  set_border_pen (cr, colour, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ca_map_draw_highlight (cairo_t              *cr,
                       const CaMapTransform *transform,
                       CaBasemap            *basemap,
                       int                   unit,
                       double                width)
{
  const CaPolygon *polygon;

  if (unit < 0 || (polygon = ca_basemap_get_unit_polygon (basemap, (guint) unit)) == NULL)
    return;
  cairo_save (cr);
  cairo_new_path (cr);
  ca_map_path_polygon (cr, transform, polygon);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, width * 2);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.85, 0.0, 0.45);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

CaSettlementClass
ca_settlement_class (CaLayer *settlements,
                     guint    feature)
{
  int place_field = ca_layer_find_field (settlements, "place");
  int population_field = ca_layer_find_field (settlements, "population");
  const char *place = place_field >= 0 ? ca_layer_get_value (settlements, feature, (guint) place_field) : NULL;
  const char *population = population_field >= 0
                               ? ca_layer_get_value (settlements, feature, (guint) population_field)
                               : NULL;
  double people = population != NULL ? g_ascii_strtod (population, NULL) : 0;

  if (g_strcmp0 (place, "city") == 0 || people >= 100000)
    return CA_SETTLEMENT_CITY;
  if (g_strcmp0 (place, "town") == 0 || people >= 10000)
    return CA_SETTLEMENT_TOWN;
  return CA_SETTLEMENT_VILLAGE;
}

double
ca_settlement_radius (CaSettlementClass klass,
                      double            s)
{
  switch (klass)
    {
    case CA_SETTLEMENT_CITY:
      return 3.4 * s;
    case CA_SETTLEMENT_TOWN:
      return 2.0 * s;
    case CA_SETTLEMENT_VILLAGE:
    default:
      return 0.7 * s;
    }
}

void
ca_map_draw_settlement_symbol (cairo_t           *cr,
                               CaSettlementClass  klass,
                               double             x,
                               double             y,
                               double             s)
{
  double r = ca_settlement_radius (klass, s);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (klass == CA_SETTLEMENT_VILLAGE)
    {
      cairo_set_source_rgb (cr, 0.38, 0.38, 0.38);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_set_line_width (cr, 0.7 * s);
      cairo_stroke (cr);
      if (klass == CA_SETTLEMENT_CITY)
        {
          cairo_arc (cr, x, y, r * 0.45, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* Whether the settlement at (@x, @y) falls on the map frame, give or take
 * its symbol. */
static gboolean
in_frame (const CaMapTransform *transform,
          double                x,
          double                y)
{
  const CaRect *f = &transform->frame;

  return x >= f->x - 5 && y >= f->y - 5 && x <= f->x + f->width + 5 && y <= f->y + f->height + 5;
}

/* All the villages' dots as one path painted once: two hundred and more
 * operations become one, for cairo's rasteriser and in a PDF alike. On
 * paper each dot is a closed path of one point stroked with round caps,
 * which PDF and SVG define as a disc of the line's width: two numbers a
 * village ("x y m h") instead of a circle's twenty-six (cairo formats
 * each number at some two thousand instructions, then compresses it). */
static void
draw_villages (cairo_t              *cr,
               const CaMapTransform *transform,
               CaLayer              *settlements,
               const guint8         *classes,
               double                s)
{
  double r = ca_settlement_radius (CA_SETTLEMENT_VILLAGE, s);
  gboolean vector = ca_render_is_vector (cr);

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < ca_layer_get_n_features (settlements); i++)
    {
      const CaFeature *feature = ca_layer_get_feature (settlements, i);
      double x, y;

      if (classes[i] != CA_SETTLEMENT_VILLAGE)
        continue;
      ca_map_transform_to_device (transform, feature->point.x, feature->point.y, &x, &y);
      if (!in_frame (transform, x, y))
        continue;
      if (vector)
        {
          cairo_move_to (cr, x, y);
          cairo_close_path (cr);
        }
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, r, 0, 2 * G_PI);
        }
    }
  cairo_set_source_rgb (cr, 0.38, 0.38, 0.38);
  if (vector)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 2 * r);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
  cairo_restore (cr);
}

void
ca_map_draw_settlements (cairo_t              *cr,
                         const CaMapTransform *transform,
                         CaLayer              *settlements,
                         double                s)
{
  g_autofree guint8 *classes = NULL;
  guint n;

  if (settlements == NULL)
    return;
  n = ca_layer_get_n_features (settlements);
  classes = g_new (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    classes[i] = (guint8) ca_settlement_class (settlements, i);
  /* Villages first, so towns sit on top of them. */
  draw_villages (cr, transform, settlements, classes, s);
  for (int klass = CA_SETTLEMENT_TOWN; klass <= CA_SETTLEMENT_CITY; klass++)
    for (guint i = 0; i < n; i++)
      {
        const CaFeature *feature = ca_layer_get_feature (settlements, i);
        double x, y;

        if (classes[i] != klass)
          continue;
        ca_map_transform_to_device (transform, feature->point.x, feature->point.y, &x, &y);
        if (in_frame (transform, x, y))
          ca_map_draw_settlement_symbol (cr, (CaSettlementClass) klass, x, y, s);
      }
}

void
ca_map_path_star (cairo_t *cr,
                  double   x,
                  double   y,
                  double   r)
{
  for (guint i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double radius = i % 2 == 0 ? r : r * 0.45;
      if (i == 0)
        cairo_move_to (cr, x + radius * cos (angle), y + radius * sin (angle));
      else
        cairo_line_to (cr, x + radius * cos (angle), y + radius * sin (angle));
    }
  cairo_close_path (cr);
}
