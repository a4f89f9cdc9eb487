/* ca-map-furniture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-map-furniture.h"

#define BAR_HEIGHT   3.5
#define BAR_TEXT     6.5
#define ARROW_HEIGHT 22.0
#define PAD          4.0

double
ca_scale_bar_nice_length (double max_km)
{
  static const double steps[] = { 5, 2, 1 };
  double decade;

  if (!(max_km > 0))
    return 0;
  decade = pow (10, floor (log10 (max_km)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * decade <= max_km * (1 + 1e-9))
      return steps[i] * decade;
  return decade;
}

/* Angle of true north at the frame centre: project a short step north
 * from the centre's longitude and latitude. */
static double
north_angle (const CaMapTransform *transform,
             CaProjection         *projection)
{
  CaPoint p[2];

  if (projection == NULL)
    return 0;
  p[0] = (CaPoint) { transform->viewport.center_x, transform->viewport.center_y };
  if (!ca_projection_inverse (projection, p, 1, NULL) || !isfinite (p[0].y) ||
      fabs (p[0].y) > 89)
    return 0;
  p[1] = (CaPoint) { p[0].x, p[0].y + 0.1 };
  if (!ca_projection_forward (projection, p, 2, NULL))
    return 0;
  return atan2 (p[1].x - p[0].x, p[1].y - p[0].y);
}

static char *
km_label (double km,
          CaLang lang)
{
  /* TRANSLATORS: a distance on the scale bar, e.g. "100 km" */
  return g_strdup_printf (ca_render_gettext (lang, N_("%g km")), km);
}

void
ca_furniture_block_init (CaFurnitureBlock     *block,
                         CaTextContext        *context,
                         double                scale,
                         const CaMapTransform *transform,
                         CaProjection         *projection,
                         double                max_width,
                         CaLang                lang)
{
  double km_per_unit = transform->viewport.metres_per_unit / 1000.0;
  g_autofree char *label = NULL;
  g_autoptr (CaTextLayout) layout = NULL;
  double label_w, label_h;

  /* Leave room for the end label's overhang. */
  block->bar_km = ca_scale_bar_nice_length ((max_width - 12 * scale) * km_per_unit);
  block->bar_width = block->bar_km / km_per_unit;
  block->north_angle = north_angle (transform, projection);
  label = km_label (block->bar_km, lang);
  layout = ca_render_layout_new (context, label, BAR_TEXT * scale, FALSE, 0);
  ca_render_layout_size (layout, &label_w, &label_h);
  block->width = block->bar_width + label_w / 2 + 2 * PAD * scale + 3 * scale;
  block->width = MAX (block->width, ARROW_HEIGHT * scale + 2 * PAD * scale);
  block->height = 2 * PAD * scale + ARROW_HEIGHT * scale + 4 * scale + BAR_HEIGHT * scale +
                  label_h + 1 * scale;
}

static void
draw_north_arrow (cairo_t       *cr,
                  CaTextContext *context,
                  double         scale,
                  double         cx,
                  double         top,
                  double         angle,
                  CaLang         lang)
{
  double h = ARROW_HEIGHT * scale, text_h, text_w;
  double arrow = h * 0.62, half = arrow * 0.3;
  CaRgb ink = CA_RGB_TEXT;
  /* TRANSLATORS: the letter on the north arrow */
  g_autoptr (CaTextLayout) layout =
    ca_render_layout_new (context, ca_render_gettext (lang, N_("N")), 7.5 * scale, TRUE, 0);

  ca_render_layout_size (layout, &text_w, &text_h);
  ca_render_show_layout (cr, layout, cx - text_w / 2, top, &ink, 0);

  cairo_save (cr);
  cairo_translate (cr, cx, top + text_h + arrow / 2);
  cairo_rotate (cr, angle);
  cairo_set_line_width (cr, 0.6 * scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  /* Two halves: dark on the left, white on the right. */
  cairo_move_to (cr, 0, -arrow / 2);
  cairo_line_to (cr, -half, arrow / 2);
  cairo_line_to (cr, 0, arrow / 2 - half * 0.8);
  cairo_close_path (cr);
  ca_rgb_set_source (cr, &ink);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_move_to (cr, 0, -arrow / 2);
  cairo_line_to (cr, half, arrow / 2);
  cairo_line_to (cr, 0, arrow / 2 - half * 0.8);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  ca_rgb_set_source (cr, &ink);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_scale_bar (const CaFurnitureBlock *block,
                cairo_t                *cr,
                CaTextContext          *context,
                double                  scale,
                double                  x,
                double                  y,
                CaLang                  lang)
{
  double bh = BAR_HEIGHT * scale, segment = block->bar_width / 4;
  CaRgb ink = CA_RGB_TEXT;
  g_autofree char *end = km_label (block->bar_km, lang);
  g_autofree char *middle = g_strdup_printf ("%g", block->bar_km / 2);
  const char *texts[3] = { "0", middle, end };
  double positions[3] = { 0, block->bar_width / 2, block->bar_width };

  cairo_save (cr);
  for (guint i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, x + i * segment, y, segment, bh);
      if (i % 2 == 0)
        ca_rgb_set_source (cr, &ink);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x, y, block->bar_width, bh);
  ca_rgb_set_source (cr, &ink);
  cairo_set_line_width (cr, 0.5 * scale);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (CaTextLayout) layout =
        ca_render_layout_new (context, texts[i], BAR_TEXT * scale, FALSE, 0);
      double w;

      ca_render_layout_size (layout, &w, NULL);
      /* The end label starts at the bar's end ("100 km" reads from its number). */
      if (i == 2)
        {
          g_autofree char *number = g_strdup_printf ("%g", block->bar_km);
          g_autoptr (CaTextLayout) digits =
            ca_render_layout_new (context, number, BAR_TEXT * scale, FALSE, 0);
          ca_render_layout_size (digits, &w, NULL);
        }
      ca_render_show_layout (cr, layout, x + positions[i] - w / 2, y + bh + 1 * scale, &ink, 0);
    }
}

void
ca_furniture_block_draw (const CaFurnitureBlock *block,
                         cairo_t                *cr,
                         CaTextContext          *context,
                         double                  scale,
                         double                  x,
                         double                  y,
                         CaLang                  lang)
{
  double pad = PAD * scale;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, block->width, block->height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  cairo_restore (cr);

  draw_north_arrow (cr, context, scale, x + block->width / 2, y + pad, block->north_angle, lang);
  draw_scale_bar (block, cr, context, scale, x + pad,
                  y + pad + ARROW_HEIGHT * scale + 4 * scale, lang);
}

/* Share of a grid of sample points in @box that fall in some unit. */
static double
units_cover (const CaMapTransform *transform,
             CaBasemap            *basemap,
             const CaRect         *box)
{
  const guint n = 8;
  guint hits = 0;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double x, y;

        ca_map_transform_to_map (transform, box->x + (i + 0.5) * box->width / n,
                                 box->y + (j + 0.5) * box->height / n, &x, &y);
        if (ca_basemap_hit_test (basemap, x, y) >= 0)
          hits++;
      }
  return (double) hits / (n * n);
}

CaRect
ca_furniture_pick_corner (const CaMapTransform *transform,
                          CaBasemap            *basemap,
                          double                width,
                          double                height,
                          double                inset)
{
  const CaRect *f = &transform->frame;
  /* Bottom right first: the conventional place for a scale bar. */
  CaRect corners[4] = {
    { f->x + f->width - inset - width, f->y + f->height - inset - height, width, height },
    { f->x + inset, f->y + f->height - inset - height, width, height },
    { f->x + f->width - inset - width, f->y + inset, width, height },
    { f->x + inset, f->y + inset, width, height },
  };
  CaRect best = corners[0];
  double best_cover = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double cover = basemap != NULL ? units_cover (transform, basemap, &corners[i]) : 0;
      if (cover < best_cover - 1e-9)
        {
          best_cover = cover;
          best = corners[i];
        }
    }
  return best;
}

char *
ca_furniture_source_text (const char *dataset_source,
                          CaLang      lang)
{
  if (dataset_source == NULL || *dataset_source == '\0')
    return g_strdup (ca_render_gettext (lang, N_("Boundaries © OpenStreetMap contributors, geoBoundaries")));
  /* TRANSLATORS: %s is the citation of the data's source (the paper) */
  return g_strdup_printf (ca_render_gettext (lang, N_("Source: %s; boundaries © OpenStreetMap contributors, geoBoundaries")),
                          dataset_source);
}
