/* ca-figure-clusters.c — Fig. 4: each cluster its own colour, units in
 * several clusters striped with their colours, centre towns as stars
 * sized by how many clusters they head, and links from each centre to
 * its cluster's member units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-figure-private.h"

static gboolean
is_hidden (const CaFigureOptions *options,
           const char            *id)
{
  if (options->hidden_clusters == NULL)
    return FALSE;
  return g_strv_contains ((const char * const *) options->hidden_clusters, id);
}

double
ca_map_style_star_radius (guint n_clusters)
{
  return 4.2 + 1.6 * (MAX (n_clusters, 1) - 1);
}

static CaRgb
cluster_colour (guint index)
{
  return ca_palette_qualitative (index);
}

/* Index of the centre at settlement @feature, adding it if new. */
static guint
centre_for (CaMapStyle   *style,
            int           feature,
            const CaText *name)
{
  CaLayer *settlements = ca_basemap_get_settlements (style->basemap);
  CaStyleCentre centre = { feature, ca_layer_get_feature (settlements, (guint) feature)->point, 0,
                           g_strdup (ca_text_get (name, style->lang)) };

  for (guint i = 0; i < style->centres->len; i++)
    if (g_array_index (style->centres, CaStyleCentre, i).feature == feature)
      {
        g_free (centre.name);
        return i;
      }
  g_array_append_val (style->centres, centre);
  return style->centres->len - 1;
}

static void
add_links (CaMapStyle      *style,
           guint            cluster_index,
           const CaCluster *cluster,
           guint            centre)
{
  const CaPoint *at = &g_array_index (style->centres, CaStyleCentre, centre).point;

  for (guint m = 0; m < cluster->members->len; m++)
    {
      const CaClusterMember *member = &g_array_index (cluster->members, CaClusterMember, m);
      int unit = ca_dataset_find_unit (style->dataset, member->code);
      const CaPolygon *polygon;
      CaStyleLink link = { cluster_index, centre, 0, 0 };

      if (unit < 0 || (polygon = ca_basemap_get_unit_polygon (style->basemap, (guint) unit)) == NULL)
        continue;
      /* The centre's own unit needs no line. */
      if (ca_polygon_contains (polygon, at->x, at->y))
        continue;
      link.unit = (guint) unit;
      g_array_append_val (style->links, link);
    }
}

/* Links joining the same centre and unit fan out: bends −(n−1), …, n−1 in steps of 2. */
static void
spread_links (CaMapStyle *style)
{
  for (guint i = 0; i < style->links->len; i++)
    {
      CaStyleLink *link = &g_array_index (style->links, CaStyleLink, i);
      guint n = 0, before = 0;

      for (guint j = 0; j < style->links->len; j++)
        {
          CaStyleLink *other = &g_array_index (style->links, CaStyleLink, j);
          if (other->centre == link->centre && other->unit == link->unit)
            {
              n++;
              if (j < i)
                before++;
            }
        }
      link->bend = 2 * (int) before - ((int) n - 1);
    }
}

static void
add_cluster_rows (CaMapStyle    *style,
                  CaClusterType  type,
                  const char    *heading)
{
  gboolean any = FALSE;

  for (guint k = 0; k < ca_dataset_get_n_clusters (style->dataset); k++)
    {
      const CaCluster *cluster = ca_dataset_get_cluster (style->dataset, k);
      CaRgb colour = cluster_colour (k);

      if (cluster->type != type || is_hidden (style->options, cluster->id))
        continue;
      if (!any)
        ca_legend_add_heading (style->legend, heading);
      any = TRUE;
      ca_legend_add_swatch (style->legend, &colour, ca_text_get (&cluster->name, style->lang));
    }
}

static void
add_legend (CaMapStyle *style,
            int         striped_unit)
{
  CaLang lang = style->lang;
  CaRgb neutral = CA_RGB_NEUTRAL_UNIT, link = { 0.35, 0.35, 0.35 };
  guint max_count = 0;

  ca_legend_begin_block (style->legend,
                         ca_render_gettext (lang, N_("Potential territorial industrial clusters")),
                         NULL);
  add_cluster_rows (style, CA_CLUSTER_SECTORAL, ca_render_gettext (lang, N_("Sectoral clusters")));
  add_cluster_rows (style, CA_CLUSTER_CROSS_SECTORAL,
                    ca_render_gettext (lang, N_("Cross-sectoral clusters")));
  ca_legend_add_heading (style->legend, ca_render_gettext (lang, N_("Units")));
  if (striped_unit >= 0)
    ca_legend_add_stripes (style->legend, &style->stripes[striped_unit * CA_STYLE_MAX_STRIPES],
                           style->n_stripes[striped_unit],
                           ca_render_gettext (lang, N_("In several clusters (stripes of their colours)")));
  ca_legend_add_swatch (style->legend, &neutral, ca_render_gettext (lang, N_("In no cluster")));

  if (style->centres->len == 0)
    return;
  for (guint i = 0; i < style->centres->len; i++)
    max_count = MAX (max_count, g_array_index (style->centres, CaStyleCentre, i).n_clusters);
  /* One row per star size, naming the towns: "4 (Aktobe)". */
  ca_legend_begin_block (style->legend, ca_render_gettext (lang, N_("Cluster centres")),
                         ca_render_gettext (lang, N_("star size: the number of clusters the town heads")));
  for (guint count = max_count; count >= 1; count--)
    {
      g_autoptr (GString) towns = g_string_new (NULL);
      g_autofree char *label = NULL;

      for (guint i = 0; i < style->centres->len; i++)
        {
          const CaStyleCentre *centre = &g_array_index (style->centres, CaStyleCentre, i);
          if (centre->n_clusters != count)
            continue;
          if (towns->len > 0)
            g_string_append (towns, ", ");
          g_string_append (towns, centre->name);
        }
      if (towns->len == 0)
        continue;
      /* TRANSLATORS: a number of clusters and the towns heading that many, "4 (Aktobe)" */
      label = g_strdup_printf (ca_render_gettext (lang, N_("%u (%s)")), count, towns->str);
      ca_legend_add_star (style->legend, ca_map_style_star_radius (count), label);
    }
  if (style->links->len > 0)
    ca_legend_add_line (style->legend, &link, 1.5, FALSE,
                        ca_render_gettext (lang, N_("Link from a centre to a member unit, in the cluster’s colour")));
}

gboolean
ca_map_style_build_clusters (CaMapStyle  *style,
                             GError     **error)
{
  CaRgb neutral = CA_RGB_NEUTRAL_UNIT;
  int striped_unit = -1;

  for (guint k = 0; k < ca_dataset_get_n_clusters (style->dataset); k++)
    {
      const CaCluster *cluster = ca_dataset_get_cluster (style->dataset, k);

      if (is_hidden (style->options, cluster->id))
        continue;
      for (guint u = 0; u < style->n_units; u++)
        {
          const CaUnit *unit = ca_dataset_get_unit (style->dataset, u);
          if (ca_cluster_has_member (cluster, unit->code) && style->n_stripes[u] < CA_STYLE_MAX_STRIPES)
            style->stripes[u * CA_STYLE_MAX_STRIPES + style->n_stripes[u]++] = cluster_colour (k);
        }
      for (guint c = 0; style->places != NULL && cluster->centres != NULL && c < cluster->centres->len; c++)
        {
          const CaText *name = g_ptr_array_index (cluster->centres, c);
          int feature = ca_place_index_find (style->places, name);
          guint centre;

          if (feature < 0)
            continue;
          centre = centre_for (style, feature, name);
          g_array_index (style->centres, CaStyleCentre, centre).n_clusters++;
          add_links (style, k, cluster, centre);
        }
    }
  spread_links (style);
  /* Darker borders than on the choropleths: they must show between
   * stripes and on the pale "no cluster" fill alike. */
  style->border = CA_RGB_BYTES (80, 80, 80);
  style->border_width = 0.7;

  for (guint u = 0; u < style->n_units; u++)
    {
      style->fill[u] = style->n_stripes[u] >= 1 ? style->stripes[u * CA_STYLE_MAX_STRIPES] : neutral;
      if (style->n_stripes[u] > 1 && (striped_unit < 0 || style->n_stripes[u] < style->n_stripes[striped_unit]))
        striped_unit = (int) u;
    }
  add_legend (style, striped_unit);
  return TRUE;
}

/* The link's curve in device units: a cubic from p[0] to p[3], FALSE
 * when it is too short to draw. */
static gboolean
link_curve (CaMapStyle           *style,
            const CaStyleLink    *link,
            const CaMapTransform *transform,
            const CaPoint        *label_points,
            double                scale,
            CaPoint              *p)
{
  const CaStyleCentre *centre = &g_array_index (style->centres, CaStyleCentre, link->centre);
  double ax, ay, bx, by, length, cx, cy, offset = link->bend * 4.0 * scale;

  ca_map_transform_to_device (transform, centre->point.x, centre->point.y, &ax, &ay);
  ca_map_transform_to_device (transform, label_points[link->unit].x, label_points[link->unit].y,
                              &bx, &by);
  length = hypot (bx - ax, by - ay);
  if (length < 1)
    return FALSE;
  /* A quadratic bend through the control point (cx, cy), as a cubic. */
  cx = (ax + bx) / 2 - (by - ay) / length * offset;
  cy = (ay + by) / 2 + (bx - ax) / length * offset;
  p[0] = (CaPoint) { ax, ay };
  p[1] = (CaPoint) { ax + 2.0 / 3 * (cx - ax), ay + 2.0 / 3 * (cy - ay) };
  p[2] = (CaPoint) { bx + 2.0 / 3 * (cx - bx), by + 2.0 / 3 * (cy - by) };
  p[3] = (CaPoint) { bx, by };
  return TRUE;
}

/* The point of the cubic @p at @t in [0, 1]. */
static CaPoint
curve_at (const CaPoint *p,
          double         t)
{
  double u = 1 - t, w[4] = { u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t };
  CaPoint at = { 0, 0 };

  for (guint i = 0; i < 4; i++)
    {
      at.x += w[i] * p[i].x;
      at.y += w[i] * p[i].y;
    }
  return at;
}

/* Links as lines for settlement names to keep clear of, each curve as a
 * few chords; but for the name of the town it starts from, which sits
 * beside the star every link of its own starts from. */
void
ca_map_style_add_link_obstacles (CaMapStyle           *style,
                                 CaLabelPlacer        *placer,
                                 const CaMapTransform *transform,
                                 const CaPoint        *label_points,
                                 double                scale)
{
  const guint n_chords = 6;

  for (guint i = 0; i < style->links->len; i++)
    {
      const CaStyleLink *link = &g_array_index (style->links, CaStyleLink, i);
      int centre = g_array_index (style->centres, CaStyleCentre, link->centre).feature;
      CaPoint p[4], last;

      if (!link_curve (style, link, transform, label_points, scale, p))
        continue;
      last = p[0];
      for (guint k = 1; k <= n_chords; k++)
        {
          CaPoint at = curve_at (p, (double) k / n_chords);

          ca_label_placer_add_obstacle_line (placer, centre, last.x, last.y, at.x, at.y);
          last = at;
        }
    }
}

void
ca_map_style_draw_links (CaMapStyle           *style,
                         cairo_t              *cr,
                         const CaMapTransform *transform,
                         const CaPoint        *label_points,
                         double                scale)
{
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* Casings first, so one link's casing never cuts another's colour. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < style->links->len; i++)
      {
        const CaStyleLink *link = &g_array_index (style->links, CaStyleLink, i);
        CaRgb colour = cluster_colour (link->cluster);
        CaPoint p[4];
        double bx, by;

        if (!link_curve (style, link, transform, label_points, scale, p))
          continue;
        bx = p[3].x;
        by = p[3].y;
        cairo_new_path (cr);
        cairo_move_to (cr, p[0].x, p[0].y);
        cairo_curve_to (cr, p[1].x, p[1].y, p[2].x, p[2].y, bx, by);
        /* A dark casing keeps the line visible over a fill of its own colour. */
        if (pass == 0)
          {
            cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
            cairo_set_line_width (cr, 2.6 * scale);
            cairo_stroke (cr);
            cairo_arc (cr, bx, by, 2.2 * scale, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        else
          {
            ca_rgb_set_source (cr, &colour);
            cairo_set_line_width (cr, 1.4 * scale);
            cairo_stroke (cr);
            cairo_arc (cr, bx, by, 1.5 * scale, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }
  cairo_restore (cr);
}

void
ca_map_style_draw_centres (CaMapStyle           *style,
                           cairo_t              *cr,
                           const CaMapTransform *transform,
                           double                scale)
{
  cairo_save (cr);
  for (guint i = 0; i < style->centres->len; i++)
    {
      const CaStyleCentre *centre = &g_array_index (style->centres, CaStyleCentre, i);
      double x, y;

      ca_map_transform_to_device (transform, centre->point.x, centre->point.y, &x, &y);
      cairo_new_path (cr);
      ca_map_path_star (cr, x, y, ca_map_style_star_radius (centre->n_clusters) * scale);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 0.7 * scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
