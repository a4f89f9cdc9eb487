/* test-render.c — the renderer: palettes, the label placer, and every map
 * figure drawn from the default project onto the shared boundary data
 * (colours inside known units, orientation, labels, golden images).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "ca-figure.h"
#include "ca-label-placer.h"
#include "ca-map-furniture.h"
#include "ca-palette.h"
#include "ca-project.h"
#include "ca-render-text.h"

#define WIDTH  1200
#define HEIGHT 850

/* ---- palettes and furniture ------------------------------------------ */

static void
test_sequential_lightness (void)
{
  for (int ramp = CA_RAMP_YL_OR_BR; ramp <= CA_RAMP_YL_GN; ramp++)
    for (guint n = 2; n <= 9; n++)
      {
        CaRgb colours[9];

        ca_palette_sequential ((CaSequentialRamp) ramp, n, colours);
        for (guint i = 1; i < n; i++)
          g_assert_cmpfloat (ca_rgb_lightness (&colours[i]), <, ca_rgb_lightness (&colours[i - 1]));
      }
}

static void
assert_colour (const CaRgb *rgb,
               guint32      hex)
{
  guint8 r, g, b;

  ca_rgb_to_bytes (rgb, &r, &g, &b);
  g_assert_cmphex ((guint32) (r << 16 | g << 8 | b), ==, hex);
}

static void
test_diverging_choice (void)
{
  /* Four classes: [-2.4, -1], (-1, 0.5], (0.5, 2.2], (2.2, 4]. */
  double bounds[5] = { -2.4, -1.0, 0.5, 2.2, 4.0 };
  guint counts[4] = { 1, 1, 1, 1 };
  CaClassification classes = { CA_CLASSIFY_MANUAL, 4, bounds, counts };
  CaRgb colours[4];

  /* Level 1 sits inside the third class: two below, a neutral class, one
   * above → the 5-class RdYlBu without its darkest blue. */
  g_assert_true (ca_palette_for_classes (&classes, 1.0, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xd7191c);
  assert_colour (&colours[1], 0xfdae61);
  assert_colour (&colours[2], 0xffffbf);
  assert_colour (&colours[3], 0xabd9e9);

  /* Level on a break (0.5): two below, two above, no neutral class. */
  g_assert_true (ca_palette_for_classes (&classes, 0.5, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xd7191c);
  assert_colour (&colours[1], 0xfdae61);
  assert_colour (&colours[2], 0xabd9e9);
  assert_colour (&colours[3], 0x2c7bb6);

  /* Level inside the top class: that class starts the blue side. */
  g_assert_true (ca_palette_for_classes (&classes, 3.0, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xd73027);
  assert_colour (&colours[1], 0xfc8d59);
  assert_colour (&colours[2], 0xfee090);
  assert_colour (&colours[3], 0xe0f3f8);

  /* Level above every class: sequential Blues, 4 classes. */
  g_assert_false (ca_palette_for_classes (&classes, 5.0, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xeff3ff);
  assert_colour (&colours[3], 0x2171b5);
  g_assert_false (ca_palette_for_classes (&classes, NAN, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
}

static void
test_scale_bar_length (void)
{
  g_assert_cmpfloat (ca_scale_bar_nice_length (137), ==, 100);
  g_assert_cmpfloat (ca_scale_bar_nice_length (45), ==, 20);
  g_assert_cmpfloat (ca_scale_bar_nice_length (9.9), ==, 5);
  g_assert_cmpfloat (ca_scale_bar_nice_length (200), ==, 200);
  g_assert_cmpfloat (ca_scale_bar_nice_length (0.3), ==, 0.2);
  g_assert_cmpfloat (ca_scale_bar_nice_length (0), ==, 0);
}

/* ---- the label placer on made-up shapes ------------------------------ */

static CaPolygon *
square (double x0,
        double y0,
        double x1,
        double y1)
{
  CaPolygon *polygon = ca_polygon_new ();
  CaPoint points[5] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 }, { x0, y0 } };

  ca_polygon_add_ring (polygon, points, 5, FALSE);
  return polygon;
}

static void
test_placer_synthetic (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = ca_render_context_new (cr);
  CaRect frame = { 0, 0, 400, 300 }, obstacle = { 150, 100, 100, 20 };
  g_autoptr (CaLabelPlacer) placer = ca_label_placer_new (context, &frame);
  const CaLabel *big, *tiny, *town;

  ca_label_placer_add_obstacle (placer, &obstacle);
  /* A large district with a tiny one inside: the tiny one's name cannot
   * fit and must go outside with a leader; the large one's pole (200,
   * 150) is near the tiny square and under the obstacle's reach. */
  ca_label_placer_add_area (placer, 1, "Tiny administration", 11, 8, FALSE, 195, 145,
                            square (190, 140, 200, 150));
  ca_label_placer_add_area (placer, 0, "Big district", 11, 8, FALSE, 200, 150,
                            square (50, 50, 350, 250));
  ca_label_placer_add_point (placer, 2, "Town", 9, TRUE, 100, 80, 3);
  ca_label_placer_run (placer);

  tiny = ca_label_placer_get_label (placer, 0);
  big = ca_label_placer_get_label (placer, 1);
  town = ca_label_placer_get_label (placer, 2);
  g_assert_true (tiny->placed && tiny->leader);
  g_assert_true (big->placed && !big->leader);
  g_assert_true (town->placed);
  /* Inside its square, with the text box clear of everything else. */
  g_assert_cmpfloat (big->rect.x, >=, 50);
  g_assert_cmpfloat (big->rect.x + big->rect.width, <=, 350);
  g_assert_false (ca_rect_intersects (&big->rect, &tiny->rect));
  g_assert_false (ca_rect_intersects (&big->rect, &town->rect));
  g_assert_false (ca_rect_intersects (&tiny->rect, &town->rect));
  for (guint i = 0; i < 3; i++)
    {
      const CaLabel *label = ca_label_placer_get_label (placer, i);
      g_assert_false (ca_rect_intersects (&label->rect, &obstacle));
      g_assert_true (ca_rect_contains_rect (&frame, &label->rect));
    }
  /* The point label sits beside the symbol, not on it. */
  g_assert_false (town->rect.x <= 100 && 100 <= town->rect.x + town->rect.width &&
                  town->rect.y <= 80 && 80 <= town->rect.y + town->rect.height);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- figures from the default project -------------------------------- */

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

static gboolean
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

static void
fixture_teardown (Fixture *f)
{
  g_clear_object (&f->basemap);
  g_clear_object (&f->analysis);
  g_clear_object (&f->dataset);
}

static void
render_clear (Render *r)
{
  g_clear_pointer (&r->surface, cairo_surface_destroy);
  g_clear_pointer (&r->boxes, g_array_unref);
}

static void
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

static void
render_default (Fixture    *f,
                const char *id,
                Render     *r)
{
  CaFigureOptions options;

  ca_figure_options_init (&options);
  render_figure (f, id, &options, r);
}

static void
to_device (const Render *r,
           double        x,
           double        y,
           double       *dx,
           double       *dy)
{
  *dx = r->frame.x + r->frame.width / 2 + (x - r->viewport.center_x) / r->viewport.metres_per_unit;
  *dy = r->frame.y + r->frame.height / 2 - (y - r->viewport.center_y) / r->viewport.metres_per_unit;
}

static guint32
pixel (const Render *r,
       int           x,
       int           y)
{
  const guint8 *data = cairo_image_surface_get_data (r->surface);
  int stride = cairo_image_surface_get_stride (r->surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static gboolean
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

static gboolean
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
static guint32
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
FIXTURE_TEST (test_favourability_colours)
{
  static const char *const favourable[] = { "AKT", "MUG", "KHR" };
  static const char *const less[] = { "ALG", "MAR", "TEM" };
  static const char *const unfavourable[] = { "BAY", "SHA", "KAR", "KHO", "AIT", "UIL", "IRG" };
  Render r = { 0 };

  render_default (f, CA_FIGURE_FAVOURABILITY, &r);
  for (guint i = 0; i < G_N_ELEMENTS (favourable); i++)
    g_assert_cmphex (unit_colour (f, &r, favourable[i]), ==, 0x31a354);
  for (guint i = 0; i < G_N_ELEMENTS (less); i++)
    g_assert_cmphex (unit_colour (f, &r, less[i]), ==, 0xaddd8e);
  for (guint i = 0; i < G_N_ELEMENTS (unfavourable); i++)
    g_assert_cmphex (unit_colour (f, &r, unfavourable[i]), ==, 0xf7fcb9);
  render_clear (&r);
}

typedef struct
{
  const char *code;
  guint32     colour;
} Expect;

static void
assert_unit_colours (Fixture      *f,
                     const char   *id,
                     const Expect *expect,
                     guint         n)
{
  Render r = { 0 };

  render_default (f, id, &r);
  for (guint i = 0; i < n; i++)
    {
      guint32 got = unit_colour (f, &r, expect[i].code);
      if (got != expect[i].colour)
        g_error ("%s: %s is #%06x, expected #%06x", id, expect[i].code, got, expect[i].colour);
    }
  render_clear (&r);
}

/* Manual breaks −1, 0.5, 1.8; the region's level 1 falls inside the third
 * class: two classes below it, a neutral one, one above → RdYlBu 5 without
 * its darkest blue. */
FIXTURE_TEST (test_infrastructure_colours)
{
  static const Expect expect[] = {
    { "IRG", 0xd7191c }, { "BAY", 0xd7191c }, { "UIL", 0xd7191c },
    { "TEM", 0xfdae61 }, { "SHA", 0xfdae61 }, { "KHO", 0xfdae61 }, { "AIT", 0xfdae61 },
    { "KAR", 0xffffbf }, { "ALG", 0xffffbf }, { "KHR", 0xffffbf }, { "MAR", 0xffffbf },
    { "MUG", 0xabd9e9 }, { "AKT", 0xabd9e9 },
  };

  assert_unit_colours (f, CA_FIGURE_INFRASTRUCTURE, expect, G_N_ELEMENTS (expect));
}

/* Jenks, 4 classes over Table 1's industrial index: {20.9 … 347.7},
 * {2767.8, 4742.4}, {6779.9}, {8809.8, 8960.6} → YlOrBr 4. */
FIXTURE_TEST (test_industry_colours)
{
  static const Expect expect[] = {
    { "IRG", 0xffffd4 }, { "AIT", 0xffffd4 }, { "KHO", 0xffffd4 }, { "UIL", 0xffffd4 },
    { "KAR", 0xffffd4 }, { "MAR", 0xffffd4 }, { "SHA", 0xffffd4 }, { "ALG", 0xffffd4 },
    { "BAY", 0xfed98e }, { "TEM", 0xfed98e },
    { "MUG", 0xfe9929 },
    { "AKT", 0xcc4c02 }, { "KHR", 0xcc4c02 },
  };

  assert_unit_colours (f, CA_FIGURE_INDUSTRY, expect, G_N_ELEMENTS (expect));
}

/* Manual breaks −3, −2, 0; the region's level 1 lies in the top class
 * (0, 1.3], which then starts the high side: BrBG 6, first four. */
FIXTURE_TEST (test_innovation_colours)
{
  static const Expect expect[] = {
    { "KAR", 0x8c510a }, { "UIL", 0x8c510a }, { "AIT", 0x8c510a }, { "IRG", 0x8c510a },
    { "ALG", 0xd8b365 }, { "KHO", 0xd8b365 }, { "MAR", 0xd8b365 },
    { "BAY", 0xf6e8c3 }, { "TEM", 0xf6e8c3 }, { "KHR", 0xf6e8c3 }, { "SHA", 0xf6e8c3 },
    { "AKT", 0xc7eae5 }, { "MUG", 0xc7eae5 },
  };

  assert_unit_colours (f, CA_FIGURE_INNOVATION, expect, G_N_ELEMENTS (expect));
}

/* Okabe–Ito in cluster order: metallurgy orange, beverages sky blue,
 * construction materials green, oil-gas-chemical purple, agro blue. */
FIXTURE_TEST (test_cluster_colours)
{
  static const Expect expect[] = {
    { "KAR", 0xe69f00 },                                         /* metallurgy only */
    { "MUG", 0xcc79a7 }, { "TEM", 0xcc79a7 }, { "BAY", 0xcc79a7 }, /* oil-gas-chemical */
    { "KHO", 0x0072b2 },                                         /* agro-industrial */
    { "AIT", 0xf2f2f0 }, { "UIL", 0xf2f2f0 }, { "SHA", 0xf2f2f0 }, { "IRG", 0xf2f2f0 },
  };
  Render r = { 0 };
  guint32 alga;

  assert_unit_colours (f, CA_FIGURE_CLUSTERS, expect, G_N_ELEMENTS (expect));
  /* Alga is in three clusters: striped in their colours. */
  render_default (f, CA_FIGURE_CLUSTERS, &r);
  alga = unit_colour (f, &r, "ALG");
  g_assert_true (alga == 0x56b4e9 || alga == 0x009e73 || alga == 0x0072b2);
  render_clear (&r);
}

static void
unit_device_point (Fixture      *f,
                   const Render *r,
                   const char   *code,
                   double       *x,
                   double       *y)
{
  int unit = ca_dataset_find_unit (f->dataset, code);
  CaPoint pole = ca_polygon_label_point (ca_basemap_get_unit_polygon (f->basemap, (guint) unit),
                                         1000, NULL);

  to_device (r, pole.x, pole.y, x, y);
}

/* West is left and north is up: the map is neither mirrored nor flipped. */
FIXTURE_TEST (test_orientation)
{
  Render r = { 0 };
  double bay_x, bay_y, uil_x, uil_y, irg_x, irg_y, akt_x, akt_y, mar_x, mar_y, sha_x, sha_y;

  render_default (f, CA_FIGURE_FAVOURABILITY, &r);
  unit_device_point (f, &r, "BAY", &bay_x, &bay_y);
  unit_device_point (f, &r, "UIL", &uil_x, &uil_y);
  unit_device_point (f, &r, "IRG", &irg_x, &irg_y);
  unit_device_point (f, &r, "AKT", &akt_x, &akt_y);
  unit_device_point (f, &r, "MAR", &mar_x, &mar_y);
  unit_device_point (f, &r, "SHA", &sha_x, &sha_y);
  g_assert_cmpfloat (bay_x, <, irg_x);
  g_assert_cmpfloat (uil_x, <, irg_x);
  g_assert_cmpfloat (akt_y, <, sha_y);
  g_assert_cmpfloat (mar_y, <, bay_y);
  g_assert_cmpfloat (mar_y, <, sha_y);
  /* And the pixels agree: unfavourable Irgiz in the east, favourable
   * Aktobe in the north; a mirrored map would swap their colours. */
  g_assert_cmphex (unit_colour (f, &r, "IRG"), ==, 0xf7fcb9);
  g_assert_cmphex (unit_colour (f, &r, "AKT"), ==, 0x31a354);
  render_clear (&r);
}

static void
assert_labels (Fixture      *f,
               const Render *r,
               const char   *id)
{
  guint n_units = ca_dataset_get_n_units (f->dataset);
  g_autofree gboolean *labelled = g_new0 (gboolean, n_units);

  for (guint i = 0; i < r->boxes->len; i++)
    {
      CaFigureBox *a = &g_array_index (r->boxes, CaFigureBox, i);
      CaRect ra = { a->x, a->y, a->width, a->height };

      if (a->kind != CA_FIGURE_BOX_UNIT_LABEL && a->kind != CA_FIGURE_BOX_PLACE_LABEL)
        continue;
      if (a->kind == CA_FIGURE_BOX_UNIT_LABEL)
        labelled[a->index] = TRUE;
      g_assert_true (ca_rect_contains_rect (&r->frame, &ra));
      for (guint j = 0; j < r->boxes->len; j++)
        {
          CaFigureBox *b = &g_array_index (r->boxes, CaFigureBox, j);
          CaRect rb = { b->x, b->y, b->width, b->height };

          if (i == j || b->kind == CA_FIGURE_BOX_MAP_FRAME)
            continue;
          if (ca_rect_intersects (&ra, &rb))
            g_error ("%s: label box %u (kind %d, index %d) overlaps box %u (kind %d, index %d)", id,
                     i, a->kind, a->index, j, b->kind, b->index);
        }
    }
  for (guint u = 0; u < n_units; u++)
    if (!labelled[u])
      g_error ("%s: unit %s has no label", id, ca_dataset_get_unit (f->dataset, u)->code);
}

FIXTURE_TEST (test_labels)
{
  const char * const *ids = ca_figure_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Render r = { 0 };
      gboolean akt_leader = FALSE;
      int akt = ca_dataset_find_unit (f->dataset, "AKT");

      if (!ca_figure_is_map (ids[i]))
        continue;
      render_default (f, ids[i], &r);
      assert_labels (f, &r, ids[i]);
      /* The city administration is far too small for its name. */
      for (guint b = 0; b < r.boxes->len; b++)
        {
          CaFigureBox *box = &g_array_index (r.boxes, CaFigureBox, b);
          if (box->kind == CA_FIGURE_BOX_UNIT_LABEL && box->index == akt)
            akt_leader = box->leader;
        }
      g_assert_true (akt_leader);
      render_clear (&r);
    }
}

/* The legend and the furniture never sit on the region. */
FIXTURE_TEST (test_furniture_off_region)
{
  Render r = { 0 };

  render_default (f, CA_FIGURE_CLUSTERS, &r);
  for (guint i = 0; i < r.boxes->len; i++)
    {
      CaFigureBox *box = &g_array_index (r.boxes, CaFigureBox, i);
      CaRect rect = { box->x, box->y, box->width, box->height };

      if (box->kind == CA_FIGURE_BOX_LEGEND || box->kind == CA_FIGURE_BOX_TITLE ||
          box->kind == CA_FIGURE_BOX_SOURCE)
        g_assert_false (ca_rect_intersects (&rect, &r.frame));
      if (box->kind == CA_FIGURE_BOX_FURNITURE)
        {
          g_assert_true (ca_rect_contains_rect (&r.frame, &rect));
          for (double y = rect.y; y <= rect.y + rect.height; y += 4)
            for (double x = rect.x; x <= rect.x + rect.width; x += 4)
              {
                double mx = r.viewport.center_x + (x - r.frame.x - r.frame.width / 2) * r.viewport.metres_per_unit;
                double my = r.viewport.center_y - (y - r.frame.y - r.frame.height / 2) * r.viewport.metres_per_unit;
                g_assert_cmpint (ca_basemap_hit_test (f->basemap, mx, my), <, 0);
              }
        }
    }
  render_clear (&r);
}

/* A missing value gets the grey "no data" class. */
FIXTURE_TEST (test_no_data)
{
  Render r = { 0 };
  int indicator = ca_dataset_find_indicator (f->dataset, "infrastructure");
  int irg = ca_dataset_find_unit (f->dataset, "IRG");
  GError *error = NULL;

  g_assert_true (ca_dataset_set_value (f->dataset, (guint) irg, (guint) indicator, NAN, &error));
  g_assert_no_error (error);
  render_default (f, CA_FIGURE_INFRASTRUCTURE, &r);
  /* CA_RGB_NO_DATA grey; the hatching is thinner than the gaps. */
  g_assert_cmphex (unit_colour (f, &r, "IRG"), ==, 0xc8c8c8);
  render_clear (&r);
}

/* Hiding every cluster leaves every unit in the light "no cluster" fill. */
FIXTURE_TEST (test_hidden_clusters)
{
  Render r = { 0 };
  CaFigureOptions options;
  g_autoptr (GPtrArray) hidden = g_ptr_array_new ();

  for (guint k = 0; k < ca_dataset_get_n_clusters (f->dataset); k++)
    g_ptr_array_add (hidden, ca_dataset_get_cluster (f->dataset, k)->id);
  g_ptr_array_add (hidden, NULL);
  ca_figure_options_init (&options);
  options.hidden_clusters = (const char * const *) hidden->pdata;
  render_figure (f, CA_FIGURE_CLUSTERS, &options, &r);
  g_assert_cmphex (unit_colour (f, &r, "KAR"), ==, 0xf2f2f0);
  g_assert_cmphex (unit_colour (f, &r, "MUG"), ==, 0xf2f2f0);
  render_clear (&r);
}

/* A given viewport is used as is and comes back unchanged. */
FIXTURE_TEST (test_viewport)
{
  Render r = { 0 };
  CaFigureOptions options;
  CaViewport zoom;
  CaPoint pole;
  int akt = ca_dataset_find_unit (f->dataset, "AKT");

  pole = ca_polygon_label_point (ca_basemap_get_unit_polygon (f->basemap, (guint) akt), 1000, NULL);
  zoom = (CaViewport) { pole.x, pole.y, 150 };
  ca_figure_options_init (&options);
  options.viewport = &zoom;
  options.furniture = FALSE;
  render_figure (f, CA_FIGURE_FAVOURABILITY, &options, &r);
  g_assert_cmpfloat (r.viewport.center_x, ==, zoom.center_x);
  g_assert_cmpfloat (r.viewport.metres_per_unit, ==, 150);
  g_assert_cmpfloat (r.frame.width, ==, WIDTH);
  /* At 150 m per pixel Aktobe fills the middle of the window. */
  g_assert_cmphex (unit_colour (f, &r, "AKT"), ==, 0x31a354);
  render_clear (&r);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The text of a PDF figure is text (fonts with a Unicode map), not outlines. */
FIXTURE_TEST (test_pdf_text)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 842, 595);
  cairo_t *cr = cairo_create (surface);
  CaFigureOptions options;
  GError *error = NULL;

  ca_figure_options_init (&options);
  g_assert_true (ca_figure_draw (CA_FIGURE_CLUSTERS, f->analysis, f->basemap, &options, cr, 842,
                                 595, NULL, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_nonnull (memmem (bytes->data, bytes->len, "/Type /Font", strlen ("/Type /Font")));
  g_assert_nonnull (memmem (bytes->data, bytes->len, "/ToUnicode", strlen ("/ToUnicode")));
}

/* Pixels differing by more than 24 in some channel, as a share of all. */
static double
share_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint64 different = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(const guint32 *) (da + y * sa + x * 4);
        guint32 pb = *(const guint32 *) (db + y * sb + x * 4);
        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)) > 24)
            {
              different++;
              break;
            }
      }
  return (double) different / ((double) w * h);
}

/* Each map against its reviewed image in tests/golden/<id>.png; text may
 * render a little differently, so up to 0.5 % of pixels may differ.
 * CA_UPDATE_GOLDEN=1 writes the images instead (look at them first). */
static void
test_golden (gconstpointer data)
{
  const char *id = data;
  Fixture f = { 0 };
  Render r = { 0 };
  const char *srcdir = g_getenv ("CA_TEST_SRCDIR");
  g_autofree char *name = g_strconcat (id, ".png", NULL);
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "golden", name, NULL);
  cairo_surface_t *golden;
  double share;

  if (!fixture_setup (&f))
    return;
  render_default (&f, id, &r);
  if (g_strcmp0 (g_getenv ("CA_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (r.surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
    }
  else
    {
      golden = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
        g_error ("cannot read %s (%s): generate it with CA_UPDATE_GOLDEN=1", path,
                 cairo_status_to_string (cairo_surface_status (golden)));
      g_assert_cmpint (cairo_image_surface_get_width (golden), ==, WIDTH);
      g_assert_cmpint (cairo_image_surface_get_height (golden), ==, HEIGHT);
      share = share_different (r.surface, golden);
      if (share > 0.005)
        {
          const char *builddir = g_getenv ("CA_TEST_BUILDDIR");
          g_autofree char *actual_name = g_strconcat (id, "-actual.png", NULL);
          g_autofree char *actual = g_build_filename (builddir != NULL ? builddir : ".",
                                                      actual_name, NULL);
          cairo_surface_write_to_png (r.surface, actual);
          g_error ("%s: %.2f %% of pixels differ from %s; this rendering is in %s", id,
                   share * 100, path, actual);
        }
      cairo_surface_destroy (golden);
    }
  render_clear (&r);
  fixture_teardown (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/palette/sequential-lightness", test_sequential_lightness);
  g_test_add_func ("/render/palette/diverging-choice", test_diverging_choice);
  g_test_add_func ("/render/furniture/scale-bar-length", test_scale_bar_length);
  g_test_add_func ("/render/label-placer/synthetic", test_placer_synthetic);
  g_test_add_func ("/render/figure/favourability-colours", test_favourability_colours);
  g_test_add_func ("/render/figure/infrastructure-colours", test_infrastructure_colours);
  g_test_add_func ("/render/figure/industry-colours", test_industry_colours);
  g_test_add_func ("/render/figure/innovation-colours", test_innovation_colours);
  g_test_add_func ("/render/figure/cluster-colours", test_cluster_colours);
  g_test_add_func ("/render/figure/orientation", test_orientation);
  g_test_add_func ("/render/figure/labels", test_labels);
  g_test_add_func ("/render/figure/furniture-off-region", test_furniture_off_region);
  g_test_add_func ("/render/figure/no-data", test_no_data);
  g_test_add_func ("/render/figure/hidden-clusters", test_hidden_clusters);
  g_test_add_func ("/render/figure/viewport", test_viewport);
  g_test_add_func ("/render/figure/pdf-text", test_pdf_text);
  for (const char * const *id = ca_figure_get_ids (); *id != NULL; id++)
    if (ca_figure_is_map (*id))
      {
        g_autofree char *test = g_strconcat ("/render/golden/", *id, NULL);
        g_test_add_data_func (test, *id, test_golden);
      }
  return g_test_run ();
}
