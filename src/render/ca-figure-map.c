/* ca-figure-map.c — drawing a map figure's frame from its style: the
 * layers bottom to top, then the labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-figure-private.h"
#include "ca-render-cache.h"

CaMapStyle *
ca_map_style_new (CaAnalysis            *analysis,
                  CaBasemap             *basemap,
                  const CaFigureOptions *options)
{
  CaMapStyle *style = g_new0 (CaMapStyle, 1);
  CaLayer *settlements = ca_basemap_get_settlements (basemap);

  style->analysis = analysis;
  style->dataset = ca_analysis_get_dataset (analysis);
  style->basemap = basemap;
  style->options = options;
  style->lang = options->lang;
  style->places = settlements != NULL ? ca_place_index_get (options->cache, settlements) : NULL;
  /* Units beyond the basemap's (added since it was loaded) have no polygon
   * to draw: leave them out rather than index past its features. */
  style->n_units = MIN (ca_dataset_get_n_units (style->dataset),
                        ca_layer_get_n_features (ca_basemap_get_units (basemap)));
  style->fill = g_new0 (CaRgb, style->n_units);
  style->no_data = g_new0 (gboolean, style->n_units);
  style->n_stripes = g_new0 (guint, style->n_units);
  style->stripes = g_new0 (CaRgb, style->n_units * CA_STYLE_MAX_STRIPES);
  style->circles = g_array_new (FALSE, FALSE, sizeof (CaStyleCircle));
  style->centres = g_array_new (FALSE, FALSE, sizeof (CaStyleCentre));
  style->links = g_array_new (FALSE, FALSE, sizeof (CaStyleLink));
  style->legend = ca_legend_new ();
  for (guint u = 0; u < style->n_units; u++)
    style->fill[u] = CA_RGB_NEUTRAL_UNIT;
  style->border = CA_RGB_UNIT_BORDER;
  style->border_width = 0.6;
  return style;
}

void
ca_map_style_free (CaMapStyle *style)
{
  if (style == NULL)
    return;
  for (guint i = 0; i < style->centres->len; i++)
    g_free (g_array_index (style->centres, CaStyleCentre, i).name);
  g_clear_pointer (&style->places, ca_place_index_free);
  g_free (style->fill);
  g_free (style->no_data);
  g_free (style->n_stripes);
  g_free (style->stripes);
  g_array_unref (style->circles);
  g_array_unref (style->centres);
  g_array_unref (style->links);
  ca_legend_free (style->legend);
  g_free (style);
}

void
ca_map_style_add_base_legend (CaMapStyle *style)
{
  CaLang lang = style->lang;
  CaRgb region = CA_RGB_REGION_LINE, context = CA_RGB_CONTEXT;

  ca_legend_begin_block (style->legend, ca_render_gettext (lang, N_("Boundaries and settlements")),
                         NULL);
  ca_legend_add_line (style->legend, &region, 1.4, FALSE, ca_render_gettext (lang, N_("Region boundary")));
  ca_legend_add_line (style->legend, &style->border, style->border_width, FALSE,
                      ca_render_gettext (lang, N_("District boundary")));
  /* Without kaz_districts.shp the map shows no neighbours: no key for them. */
  if (ca_basemap_has_context (style->basemap))
    ca_legend_add_swatch (style->legend, &context,
                          ca_render_gettext (lang, N_("Other districts of Kazakhstan")));
  if (style->places == NULL)
    return;
  ca_legend_add_settlement (style->legend, CA_SETTLEMENT_CITY,
                            ca_render_gettext (lang, N_("City (over 100,000 people)")));
  ca_legend_add_settlement (style->legend, CA_SETTLEMENT_TOWN, ca_render_gettext (lang, N_("Town")));
  ca_legend_add_settlement (style->legend, CA_SETTLEMENT_VILLAGE,
                            ca_render_gettext (lang, N_("Village")));
}

/* A unit's polygon as a path. */
typedef struct
{
  const CaMapTransform *transform;
  const CaPolygon      *polygon;
} UnitPath;

static void
path_unit (cairo_t  *cr,
           gpointer  data)
{
  const UnitPath *unit = data;

  ca_map_path_polygon (cr, unit->transform, unit->polygon);
}

/* ca_map_fill_polygon, through a mask kept in the cache when there is
 * one: a unit's shape stays, only its colour changes with the data. */
static void
fill_unit (CaMapStyle           *style,
           cairo_t              *cr,
           const CaMapTransform *transform,
           guint                 u,
           const CaPolygon      *polygon,
           const CaRgb          *fill)
{
  UnitPath path = { transform, polygon };
  g_autoptr (GByteArray) key = NULL;

  if (style->options->cache == NULL)
    {
      ca_map_fill_polygon (cr, transform, polygon, fill);
      return;
    }
  key = ca_render_key_new ("fill");
  ca_render_key_add (key, &style->basemap, sizeof style->basemap);
  ca_render_key_add_int (key, u);
  ca_render_key_add (key, transform, sizeof *transform);
  cairo_save (cr);
  cairo_set_antialias (cr, CA_MAP_LINEWORK_ANTIALIAS);
  ca_render_cache_fill (style->options->cache, cr, key, G_OBJECT (style->basemap), path_unit,
                        &path, fill);
  cairo_restore (cr);
}

/* TRUE to stroke each unit's border with its fill, on paper when every
 * unit is filled plainly: a unit drawn after its neighbours covers half
 * their border along its own and strokes it whole again, so the page
 * shows what fills and then borders would, without writing every
 * border's points a second time (an eighth of the numbers in Fig. 1's
 * PDF: 204 M instructions instead of 214 M). A raster strokes each
 * border once, after the fills, which its cache keeps. */
static gboolean
borders_with_fills (CaMapStyle *style,
                    cairo_t    *cr)
{
  if (!ca_render_is_vector (cr) || style->options->cache != NULL)
    return FALSE;
  for (guint u = 0; u < style->n_units; u++)
    if (style->no_data[u] || style->n_stripes[u] > 1)
      return FALSE;
  return TRUE;
}

static void
draw_fills (CaMapStyle           *style,
            cairo_t              *cr,
            const CaMapTransform *transform,
            double                scale,
            gboolean              with_borders)
{
  CaRgb grey = CA_RGB_NO_DATA, hatch = CA_RGB_NO_DATA_HATCH;

  for (guint u = 0; u < style->n_units; u++)
    {
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (style->basemap, u);

      if (polygon == NULL)
        continue;
      if (style->no_data[u])
        {
          ca_map_fill_polygon (cr, transform, polygon, &grey);
          ca_map_hatch_polygon (cr, transform, polygon, &hatch, 3.5 * scale, 0.6 * scale);
        }
      else if (style->n_stripes[u] > 1)
        ca_map_stripe_polygon (cr, transform, polygon, &style->stripes[u * CA_STYLE_MAX_STRIPES],
                               style->n_stripes[u], 5.0 * scale);
      else if (with_borders)
        ca_map_fill_and_outline_polygon (cr, transform, polygon, &style->fill[u], &style->border,
                                         style->border_width * scale);
      else
        fill_unit (style, cr, transform, u, polygon, &style->fill[u]);
    }
}

static void
draw_circles (CaMapStyle           *style,
              cairo_t              *cr,
              const CaMapTransform *transform,
              const CaPoint        *label_points,
              double                scale)
{
  cairo_save (cr);
  for (guint i = 0; i < style->circles->len; i++)
    {
      const CaStyleCircle *circle = &g_array_index (style->circles, CaStyleCircle, i);
      double x, y;

      ca_map_transform_to_device (transform, label_points[circle->unit].x,
                                  label_points[circle->unit].y, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, circle->radius * scale, 0, 2 * G_PI);
      ca_rgb_set_source_alpha (cr, &style->circle_fill, 0.85);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_set_line_width (cr, 0.6 * scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
add_box (GArray          *boxes,
         CaFigureBoxKind  kind,
         int              index,
         gboolean         leader,
         const CaRect    *rect)
{
  CaFigureBox box = { kind, index, leader, rect->x, rect->y, rect->width, rect->height };

  if (boxes != NULL)
    g_array_append_val (boxes, box);
}

static int
compare_by_area (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const double *areas = data;
  double da = areas[*(const guint *) a], db = areas[*(const guint *) b];

  return (da > db) - (da < db);
}

static gboolean
is_centre_feature (CaMapStyle *style,
                   int         feature)
{
  for (guint i = 0; i < style->centres->len; i++)
    if (g_array_index (style->centres, CaStyleCentre, i).feature == feature)
      return TRUE;
  return FALSE;
}

/* District centres and cluster centres: their symbols are obstacles for
 * every label, their names point labels. */
static void
add_place_labels (CaMapStyle           *style,
                  CaLabelPlacer        *placer,
                  const CaMapTransform *transform,
                  double                scale)
{
  CaLayer *settlements = ca_basemap_get_settlements (style->basemap);

  for (guint i = 0; i < style->centres->len; i++)
    {
      const CaStyleCentre *centre = &g_array_index (style->centres, CaStyleCentre, i);
      double x, y, r = ca_map_style_star_radius (centre->n_clusters) * scale;
      CaRect symbol;

      ca_map_transform_to_device (transform, centre->point.x, centre->point.y, &x, &y);
      symbol = (CaRect) { x - r, y - r, 2 * r, 2 * r };
      ca_label_placer_add_obstacle (placer, &symbol);
      ca_label_placer_add_point (placer, centre->feature, centre->name,
                                 (CA_PLACE_LABEL_SIZE + 0.7) * scale, TRUE, TRUE, x, y, r);
    }
  if (settlements == NULL)
    return;
  for (guint u = 0; u < style->n_units; u++)
    {
      const CaUnit *unit = ca_dataset_get_unit (style->dataset, u);
      int feature = ca_place_index_find (style->places, &unit->centre);
      const CaFeature *f;
      double x, y, r;
      CaRect symbol;

      if (feature < 0 || is_centre_feature (style, feature))
        continue;
      f = ca_layer_get_feature (settlements, (guint) feature);
      r = ca_settlement_radius (ca_settlement_class (settlements, (guint) feature), scale);
      ca_map_transform_to_device (transform, f->point.x, f->point.y, &x, &y);
      symbol = (CaRect) { x - r, y - r, 2 * r, 2 * r };
      ca_label_placer_add_obstacle (placer, &symbol);
      ca_label_placer_add_point (placer, feature, ca_text_get (&unit->centre, style->lang),
                                 CA_PLACE_LABEL_SIZE * scale, FALSE, FALSE, x, y, r);
    }
}

static void
place_labels (CaMapStyle           *style,
              cairo_t              *cr,
              CaTextContext        *context,
              const CaMapTransform *transform,
              const CaPoint        *label_points,
              double                scale,
              const CaRect         *obstacles,
              guint                 n_obstacles,
              GArray               *boxes)
{
  g_autoptr (CaLabelPlacer) placer = ca_label_placer_new (context, &transform->frame);
  g_autofree double *areas = g_new0 (double, style->n_units);
  g_autofree guint *order = g_new0 (guint, style->n_units);
  CaRgb ink = { 0.12, 0.12, 0.12 };

  ca_label_placer_set_cache (placer, style->options->cache);
  for (guint i = 0; i < n_obstacles; i++)
    ca_label_placer_add_obstacle (placer, &obstacles[i]);
  for (guint i = 0; i < style->circles->len; i++)
    {
      const CaStyleCircle *circle = &g_array_index (style->circles, CaStyleCircle, i);
      double x, y, r = circle->radius * scale;
      CaRect rect;

      ca_map_transform_to_device (transform, label_points[circle->unit].x,
                                  label_points[circle->unit].y, &x, &y);
      rect = (CaRect) { x - r, y - r, 2 * r, 2 * r };
      ca_label_placer_add_obstacle (placer, &rect);
    }
  ca_map_style_add_link_obstacles (style, placer, transform, label_points, scale);
  add_place_labels (style, placer, transform, scale);

  /* Smallest units first: they have the fewest places to go. */
  for (guint u = 0; u < style->n_units; u++)
    {
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (style->basemap, u);
      order[u] = u;
      areas[u] = polygon != NULL ? ca_polygon_area (polygon) : 0;
    }
  g_qsort_with_data (order, (gint) style->n_units, sizeof (guint), compare_by_area, areas);
  for (guint k = 0; k < style->n_units; k++)
    {
      guint u = order[k];
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (style->basemap, u);
      const CaUnit *unit = ca_dataset_get_unit (style->dataset, u);
      double x, y;

      if (polygon == NULL || !isfinite (label_points[u].x))
        continue;
      ca_map_transform_to_device (transform, label_points[u].x, label_points[u].y, &x, &y);
      if (x < transform->frame.x || y < transform->frame.y ||
          x > transform->frame.x + transform->frame.width ||
          y > transform->frame.y + transform->frame.height)
        continue;
      ca_label_placer_add_area (placer, (int) u, ca_text_get (&unit->name, style->lang),
                                CA_UNIT_LABEL_SIZE * scale, CA_UNIT_LABEL_SIZE * 0.7 * scale,
                                FALSE, x, y, ca_map_transform_polygon (transform, polygon));
    }
  ca_label_placer_run (placer);
  ca_label_placer_draw (placer, cr, &ink, 2.4 * scale);

  for (guint i = 0; i < ca_label_placer_get_n_labels (placer); i++)
    {
      const CaLabel *label = ca_label_placer_get_label (placer, i);
      if (label->placed)
        add_box (boxes, label->kind == CA_LABEL_AREA ? CA_FIGURE_BOX_UNIT_LABEL : CA_FIGURE_BOX_PLACE_LABEL,
                 label->id, label->leader, &label->rect);
    }
}

const CaPoint *
ca_map_style_label_points (CaMapStyle *style)
{
  return ca_basemap_get_label_points (style->basemap);
}

/* Clips to @rect widened to whole device pixels: an unaligned clip makes
 * cairo mask every later operation, which costs several times more. */
static void
clip_to_pixels (cairo_t      *cr,
                const CaRect *rect)
{
  double x0 = rect->x, y0 = rect->y, x1 = rect->x + rect->width, y1 = rect->y + rect->height;

  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  x0 = floor (MIN (x0, x1));
  y0 = floor (MIN (y0, y1));
  x1 = ceil (MAX (x0, x1));
  y1 = ceil (MAX (y0, y1));
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_restore (cr);
  cairo_clip (cr);
}

/* What a static layer is drawn from. */
typedef struct
{
  CaMapStyle           *style;
  const CaMapTransform *transform;
  double                scale;
} Layer;

/* The sea of the neighbouring districts and the region's outline. */
static void
draw_ground (cairo_t  *cr,
             gpointer  data)
{
  const Layer *layer = data;
  CaRgb outside = CA_RGB_OUTSIDE, region = CA_RGB_REGION_LINE;

  cairo_save (cr);
  ca_rgb_set_source (cr, &outside);
  cairo_paint (cr);
  ca_map_draw_context (cr, layer->transform, layer->style->basemap, 0.6 * layer->scale);
  ca_map_draw_region_halo (cr, layer->transform, layer->style->basemap, &region, 1.3 * layer->scale);
  cairo_restore (cr);
}

static void
draw_borders (cairo_t  *cr,
              gpointer  data)
{
  const Layer *layer = data;

  ca_map_draw_unit_borders (cr, layer->transform, layer->style->basemap, &layer->style->border,
                            layer->style->border_width * layer->scale);
}

static void
draw_settlements (cairo_t  *cr,
                  gpointer  data)
{
  const Layer *layer = data;

  ca_map_draw_settlements (cr, layer->transform, ca_basemap_get_settlements (layer->style->basemap),
                           layer->scale);
}

/* Borders and settlements together, when nothing comes between them. */
static void
draw_borders_and_settlements (cairo_t  *cr,
                              gpointer  data)
{
  draw_borders (cr, data);
  draw_settlements (cr, data);
}

/* Draws a layer that depends only on the basemap, the view and the
 * style's borders: kept as an image when the options have a cache. */
static void
draw_static_layer (CaMapStyle           *style,
                   cairo_t              *cr,
                   const CaMapTransform *transform,
                   double                scale,
                   const char           *name,
                   gboolean              opaque,
                   CaRenderLayerFunc     draw)
{
  Layer layer = { style, transform, scale };
  g_autoptr (GByteArray) key = NULL;

  if (style->options->cache == NULL)
    {
      draw (cr, &layer);
      return;
    }
  key = ca_render_key_new (name);
  ca_render_key_add (key, &style->basemap, sizeof style->basemap);
  ca_render_key_add (key, transform, sizeof *transform);
  ca_render_key_add_double (key, scale);
  ca_render_key_add (key, &style->border, sizeof style->border);
  ca_render_key_add_double (key, style->border_width);
  ca_render_cache_draw_layer (style->options->cache, cr, key, G_OBJECT (style->basemap), opaque,
                              draw, &layer);
}

void
ca_map_style_draw (CaMapStyle           *style,
                   cairo_t              *cr,
                   CaTextContext        *context,
                   const CaMapTransform *transform,
                   double                scale,
                   const CaRect         *obstacles,
                   guint                 n_obstacles,
                   GArray               *boxes)
{
  const CaRect *f = &transform->frame;
  const CaPoint *label_points = ca_map_style_label_points (style);
  gboolean with_borders = borders_with_fills (style, cr);

  cairo_save (cr);
  clip_to_pixels (cr, f);
  draw_static_layer (style, cr, transform, scale, "ground", TRUE, draw_ground);
  draw_fills (style, cr, transform, scale, with_borders);
  if (style->circles->len == 0 && style->links->len == 0)
    draw_static_layer (style, cr, transform, scale,
                       with_borders ? "settlements" : "borders-settlements", FALSE,
                       with_borders ? draw_settlements : draw_borders_and_settlements);
  else
    {
      if (!with_borders)
        draw_static_layer (style, cr, transform, scale, "borders", FALSE, draw_borders);
      draw_circles (style, cr, transform, label_points, scale);
      ca_map_style_draw_links (style, cr, transform, label_points, scale);
      draw_static_layer (style, cr, transform, scale, "settlements", FALSE, draw_settlements);
    }
  ca_map_style_draw_centres (style, cr, transform, scale);
  ca_map_draw_highlight (cr, transform, style->basemap, style->options->selected_unit,
                         2.2 * scale);
  place_labels (style, cr, context, transform, label_points, scale, obstacles, n_obstacles, boxes);
  cairo_restore (cr);
}
