/* render-fixtures.h — the default project and the shared boundary data
 * drawn into image surfaces, and reading colours back out of them, for
 * the figure tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "ca-figure.h"
#include "ca-label-placer.h"
#include "ca-project.h"

#define WIDTH  1200
#define HEIGHT 850

typedef struct
{
  CaDataset  *dataset;
  CaAnalysis *analysis;
  CaBasemap  *basemap;
} Fixture;

typedef struct
{
  cairo_surface_t *surface;
  CaViewport       viewport;
  GArray          *boxes;
  CaRect           frame;
} Render;

static inline gboolean
fixture_setup (Fixture *f)
{
  const char *maps = g_getenv ("CLUSTER_ATLAS_MAPS");
  g_autofree char *boundaries = NULL;
  GError *error = NULL;

  if (maps == NULL)
    {
      g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
      return FALSE;
    }
  boundaries = g_build_filename (maps, "aktobe_districts.shp", NULL);
  f->dataset = ca_project_load_default (&error);
  g_assert_no_error (error);
  f->analysis = ca_analysis_new (f->dataset);
  f->basemap = ca_basemap_load (f->dataset, boundaries, &error);
  g_assert_no_error (error);
  return TRUE;
}

static inline void
fixture_teardown (Fixture *f)
{
  g_clear_object (&f->basemap);
  g_clear_object (&f->analysis);
  g_clear_object (&f->dataset);
}

static inline void
render_clear (Render *r)
{
  g_clear_pointer (&r->surface, cairo_surface_destroy);
  g_clear_pointer (&r->boxes, g_array_unref);
}

static inline void
render_figure (Fixture               *f,
               const char            *id,
               const CaFigureOptions *options,
               Render                *r)
{
  cairo_t *cr;
  GError *error = NULL;

  r->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (r->surface);
  g_assert_true (ca_figure_draw_full (id, f->analysis, f->basemap, options, cr, WIDTH, HEIGHT,
                                      &r->viewport, &r->boxes, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (r->surface);
  for (guint i = 0; i < r->boxes->len; i++)
    {
      CaFigureBox *box = &g_array_index (r->boxes, CaFigureBox, i);
      if (box->kind == CA_FIGURE_BOX_MAP_FRAME)
        r->frame = (CaRect) { box->x, box->y, box->width, box->height };
    }
}

static inline void
render_default (Fixture    *f,
                const char *id,
                Render     *r)
{
  CaFigureOptions options;

  ca_figure_options_init (&options);
  render_figure (f, id, &options, r);
}

static inline void
to_device (const Render *r,
           double        x,
           double        y,
           double       *dx,
           double       *dy)
{
  *dx = r->frame.x + r->frame.width / 2 + (x - r->viewport.center_x) / r->viewport.metres_per_unit;
  *dy = r->frame.y + r->frame.height / 2 - (y - r->viewport.center_y) / r->viewport.metres_per_unit;
}

static inline guint32
pixel (const Render *r,
       int           x,
       int           y)
{
  const guint8 *data = cairo_image_surface_get_data (r->surface);
  int stride = cairo_image_surface_get_stride (r->surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static inline gboolean
near_settlement (Fixture      *f,
                 const Render *r,
                 double        x,
                 double        y,
                 double        distance)
{
  CaLayer *settlements = ca_basemap_get_settlements (f->basemap);

  for (guint i = 0; settlements != NULL && i < ca_layer_get_n_features (settlements); i++)
    {
      const CaFeature *feature = ca_layer_get_feature (settlements, i);
      double sx, sy;

      to_device (r, feature->point.x, feature->point.y, &sx, &sy);
      if (fabs (sx - x) < distance && fabs (sy - y) < distance)
        return TRUE;
    }
  return FALSE;
}

static inline gboolean
in_any_box (const Render *r,
            double        x,
            double        y,
            double        pad)
{
  for (guint i = 0; i < r->boxes->len; i++)
    {
      CaFigureBox *box = &g_array_index (r->boxes, CaFigureBox, i);
      if (box->kind == CA_FIGURE_BOX_MAP_FRAME)
        continue;
      if (x >= box->x - pad && x <= box->x + box->width + pad && y >= box->y - pad &&
          y <= box->y + box->height + pad)
        return TRUE;
    }
  return FALSE;
}

/* The commonest colour at sample points inside unit @code, away from its
 * edges, labels, settlements, the symbols at its label point, leaders. */
static inline guint32
unit_colour (Fixture      *f,
             const Render *r,
             const char   *code)
{
  int unit = ca_dataset_find_unit (f->dataset, code);
  const CaPolygon *polygon;
  g_autoptr (GHashTable) votes = g_hash_table_new (NULL, NULL);
  CaPoint pole;
  CaBBox bbox;
  double px, py, step;
  guint32 best = 0;
  guint best_votes = 0, total = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpint (unit, >=, 0);
  polygon = ca_basemap_get_unit_polygon (f->basemap, (guint) unit);
  g_assert_nonnull (polygon);
  pole = ca_polygon_label_point (polygon, 1000, NULL);
  to_device (r, pole.x, pole.y, &px, &py);
  ca_polygon_bbox (polygon, &bbox);
  step = r->viewport.metres_per_unit * 3;
  for (double y = bbox.min_y; y <= bbox.max_y; y += step)
    for (double x = bbox.min_x; x <= bbox.max_x; x += step)
      {
        double dx, dy;
        guint32 colour;

        if (!ca_polygon_contains (polygon, x, y) ||
            ca_polygon_distance_to_edge (polygon, x, y) < 4 * r->viewport.metres_per_unit)
          continue;
        to_device (r, x, y, &dx, &dy);
        if (hypot (dx - px, dy - py) < 22 || in_any_box (r, dx, dy, 4) ||
            near_settlement (f, r, dx, dy, 5) || dx < r->frame.x || dy < r->frame.y ||
            dx >= r->frame.x + r->frame.width || dy >= r->frame.y + r->frame.height)
          continue;
        colour = pixel (r, (int) dx, (int) dy);
        g_hash_table_insert (votes, GUINT_TO_POINTER (colour),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (votes, GUINT_TO_POINTER (colour))) + 1));
        total++;
      }
  g_assert_cmpuint (total, >=, 5);
  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_votes)
      {
        best_votes = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key);
      }
  return best;
}

#define FIXTURE_TEST(name)                                                                        \
  static void name##_body (Fixture *f);                                                           \
  static void name (void)                                                                         \
  {                                                                                               \
    Fixture f = { 0 };                                                                            \
    if (fixture_setup (&f))                                                                       \
      name##_body (&f);                                                                           \
    fixture_teardown (&f);                                                                        \
  }                                                                                               \
  static void name##_body (Fixture *f)

/* YlGn, 3 classes: favourable darkest. */
