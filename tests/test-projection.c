/* test-projection.c — the PROJ wrapper: default Albers, round trips,
 * equal areas, other map CRSs, layers in UTM, and errors without noise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-albers.h"
#include "ca-projection.h"

/* WGS 84 / UTM zone 41N, as ESRI writes it into a .prj. */
#define UTM41N_ESRI \
  "PROJCS[\"WGS_1984_UTM_Zone_41N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\"," \
  "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0]," \
  "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"]," \
  "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0]," \
  "PARAMETER[\"Central_Meridian\",63.0],PARAMETER[\"Scale_Factor\",0.9996]," \
  "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"

static void
test_default (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ca_projection_get_definition (projection), ==, CA_PROJECTION_DEFAULT);

  /* lon_0 = 59, lat_0 = 48 is the origin; x grows east, y north. */
  CaPoint points[] = { { 59.0, 48.0 }, { 60.0, 48.0 }, { 59.0, 49.0 }, { 57.2, 50.28 } };
  g_assert_true (ca_projection_forward (projection, points, G_N_ELEMENTS (points), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (points[0].x, 0.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (points[0].y, 0.0, 1e-6);
  /* One degree of longitude at 48°N is about 74.6 km. */
  g_assert_cmpfloat (points[1].x, >, 74000.0);
  g_assert_cmpfloat (points[1].x, <, 75200.0);
  /* One degree of latitude is about 111.2 km. */
  g_assert_cmpfloat (points[2].y, >, 110500.0);
  g_assert_cmpfloat (points[2].y, <, 111800.0);
  g_assert_cmpfloat (points[3].x, <, 0.0);
  g_assert_cmpfloat (points[3].y, >, 0.0);

  g_assert_true (ca_projection_inverse (projection, points, G_N_ELEMENTS (points), &error));
  g_assert_cmpfloat_with_epsilon (points[3].x, 57.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (points[3].y, 50.28, 1e-9);
  g_assert_cmpfloat_with_epsilon (points[1].x, 60.0, 1e-9);
}

/* Albers is equal-area: a 1°×1° cell keeps its geodesic area. */
static void
test_equal_area (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  const guint per_side = 100;
  g_autofree CaPoint *ring = g_new (CaPoint, 4 * per_side + 1);
  guint n = 0;

  /* Densified so straight map edges follow the parallels. */
  for (guint i = 0; i < per_side; i++)
    ring[n++] = (CaPoint) { 58.0 + (double) i / per_side, 48.0 };
  for (guint i = 0; i < per_side; i++)
    ring[n++] = (CaPoint) { 59.0, 48.0 + (double) i / per_side };
  for (guint i = 0; i < per_side; i++)
    ring[n++] = (CaPoint) { 59.0 - (double) i / per_side, 49.0 };
  for (guint i = 0; i < per_side; i++)
    ring[n++] = (CaPoint) { 58.0, 49.0 - (double) i / per_side };
  ring[n++] = ring[0];

  g_autoptr (CaPolygon) polygon = ca_polygon_new ();
  ca_polygon_add_ring (polygon, ring, n, FALSE);
  double geodesic = ca_polygon_geodesic_area (polygon);
  g_assert_true (ca_projection_forward (projection, polygon->rings[0].points,
                                        polygon->rings[0].n_points, &error));
  g_assert_no_error (error);
  double planar = ca_polygon_area (polygon);

  /* About 8 280 km²; equal within 0.01 %. */
  g_assert_cmpfloat (geodesic, >, 8.2e9);
  g_assert_cmpfloat (geodesic, <, 8.4e9);
  g_assert_cmpfloat_with_epsilon (planar, geodesic, geodesic * 1e-4);
}

static CaLayer *
square_layer (const char *crs, double x0, double y0, double size)
{
  static const char *fields[] = { "name", NULL };
  CaPoint square[] = { { x0, y0 }, { x0 + size, y0 }, { x0 + size, y0 + size },
                       { x0, y0 + size }, { x0, y0 } };
  CaLayer *layer = ca_layer_new ("squares", CA_LAYER_POLYGONS, fields);
  CaPolygon *polygon = ca_polygon_new ();
  char **values = g_new0 (char *, 2);

  ca_polygon_add_ring (polygon, square, G_N_ELEMENTS (square), FALSE);
  values[0] = g_strdup ("one");
  ca_layer_set_crs (layer, crs);
  ca_layer_add_feature (layer, polygon, (CaPoint) { 0, 0 }, values);
  return layer;
}

static void
test_project_layer_utm (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  /* (500 000, 5 316 300.224) in zone 41N is 63°E 48°N (pyproj). */
  g_autoptr (CaLayer) utm = square_layer (UTM41N_ESRI, 500000.0, 5316300.224451495, 10000.0);
  g_autoptr (CaLayer) lonlat = square_layer (NULL, 63.0, 48.0, 0.1);

  g_autoptr (CaLayer) projected = ca_projection_project_layer (projection, utm, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ca_layer_get_n_features (projected), ==, 1);
  g_assert_cmpstr (ca_layer_get_value (projected, 0, 0), ==, "one");
  g_assert_cmpstr (ca_layer_get_crs (projected), ==, CA_PROJECTION_DEFAULT);

  const CaRing *ring = &ca_layer_get_feature (projected, 0)->polygon->rings[0];
  g_assert_cmpfloat (ca_ring_signed_area (ring), >, 0.0);
  CaPoint corner = ring->points[0];
  g_assert_true (ca_projection_inverse (projection, &corner, 1, &error));
  g_assert_cmpfloat_with_epsilon (corner.x, 63.0, 1e-7);
  g_assert_cmpfloat_with_epsilon (corner.y, 48.0, 1e-7);
  /* 10 km × 10 km in UTM (scale 0.9996 on the central meridian) is
   * (10 / 0.9996)² km² on the ground; Albers keeps it to 0.1 %. */
  double ground = 1e8 / (0.9996 * 0.9996);
  g_assert_cmpfloat_with_epsilon (ca_polygon_area (ca_layer_get_feature (projected, 0)->polygon),
                                  ground, ground * 1e-3);

  /* A layer without a CRS is taken as lon/lat; the source is untouched. */
  g_autoptr (CaLayer) projected2 = ca_projection_project_layer (projection, lonlat, &error);
  g_assert_no_error (error);
  CaPoint first = ca_layer_get_feature (projected2, 0)->polygon->rings[0].points[0];
  g_assert_cmpfloat_with_epsilon (first.x, ring->points[0].x, 1e-3);
  g_assert_cmpfloat_with_epsilon (first.y, ring->points[0].y, 1e-3);
  g_assert_cmpfloat (ca_layer_get_feature (lonlat, 0)->polygon->rings[0].points[0].x, ==, 63.0);
}

static void
test_points_layer (void)
{
  static const char *fields[] = { "name", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new ("EPSG:4326", &error);
  g_autoptr (CaLayer) layer = ca_layer_new ("towns", CA_LAYER_POINTS, fields);
  char **values = g_new0 (char *, 2);

  g_assert_no_error (error);
  values[0] = g_strdup ("Aktobe");
  ca_layer_add_feature (layer, NULL, (CaPoint) { 57.2, 50.28 }, values);

  /* A geographic map CRS still comes out x = longitude. */
  g_autoptr (CaLayer) projected = ca_projection_project_layer (projection, layer, &error);
  g_assert_no_error (error);
  const CaFeature *feature = ca_layer_get_feature (projected, 0);
  g_assert_null (feature->polygon);
  g_assert_cmpfloat_with_epsilon (feature->point.x, 57.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (feature->point.y, 50.28, 1e-12);
}

static void
test_other_map_crs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) mercator = ca_projection_new ("EPSG:3857", &error);
  CaPoint p = { 180.0, 0.0 };

  g_assert_no_error (error);
  g_assert_true (ca_projection_forward (mercator, &p, 1, &error));
  /* Half the equator of the WGS 84 sphere: π × 6 378 137 m. */
  g_assert_cmpfloat_with_epsilon (p.x, G_PI * 6378137.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (p.y, 0.0, 1e-3);
}

static void
test_wkt (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  g_autofree char *wkt = ca_projection_to_wkt (projection, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (wkt, "PROJCS["));
  g_assert_nonnull (strstr (wkt, "Albers"));
  g_assert_nonnull (strstr (wkt, "46.5"));
  g_assert_nonnull (strstr (wkt, "D_WGS_1984"));

  /* What we write, PROJ reads back as the same projection. */
  g_autoptr (CaProjection) again = ca_projection_new (wkt, &error);
  g_assert_no_error (error);
  CaPoint p = { 60.0, 49.0 }, q = { 60.0, 49.0 };
  g_assert_true (ca_projection_forward (projection, &p, 1, NULL));
  g_assert_true (ca_projection_forward (again, &q, 1, NULL));
  g_assert_cmpfloat_with_epsilon (p.x, q.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.y, q.y, 1e-6);
}

static void
invalid_crs_subprocess (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) bad = ca_projection_new ("+proj=nonsense +type=crs", &error);

  g_assert_null (bad);
  g_assert_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_INVALID_CRS);
  g_assert_nonnull (strstr (error->message, "+proj=nonsense"));
  g_clear_error (&error);

  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  g_autoptr (CaLayer) layer = square_layer ("GEOGCS[garbage", 0, 0, 1);
  g_autoptr (CaLayer) projected = ca_projection_project_layer (projection, layer, &error);
  g_assert_null (projected);
  g_assert_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_INVALID_CRS);
  g_assert_nonnull (strstr (error->message, "squares"));
}

/* PROJ's complaints belong in the GError, not on stderr. */
static void
test_invalid_crs (void)
{
  g_test_trap_subprocess ("/projection/invalid-crs/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
transform_error_subprocess (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new ("EPSG:3857", &error);
  CaPoint points[] = { { 10.0, 10.0 }, { 10.0, 95.0 } };

  /* No latitude beyond the pole. */
  g_assert_false (ca_projection_forward (projection, points, 2, &error));
  g_assert_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_TRANSFORM);
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_transform_error (void)
{
  g_test_trap_subprocess ("/projection/transform-error/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* The default projection is computed without PROJ (ca-albers.c); PROJ,
 * given the same definition spelt differently, must agree everywhere the
 * program draws — Kazakhstan and well beyond — to a millimetre. */
static void
test_builtin_matches_proj (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) builtin = ca_projection_new (NULL, &error);
  g_autoptr (CaProjection) proj = ca_projection_new (" " CA_PROJECTION_DEFAULT, &error);
  double worst = 0, worst_back = 0;

  g_assert_no_error (error);
  for (double lon = 20; lon <= 100; lon += 2.5)
    for (double lat = 20; lat <= 70; lat += 2.5)
      {
        CaPoint a = { lon, lat }, b = { lon, lat };

        g_assert_true (ca_projection_forward (builtin, &a, 1, &error));
        g_assert_true (ca_projection_forward (proj, &b, 1, &error));
        worst = MAX (worst, hypot (a.x - b.x, a.y - b.y));
        g_assert_true (ca_projection_inverse (builtin, &a, 1, &error));
        g_assert_no_error (error);
        worst_back = MAX (worst_back, hypot (a.x - lon, a.y - lat));
      }
  g_test_message ("largest difference from PROJ: %.3g m; round trip: %.3g°", worst, worst_back);
  g_assert_cmpfloat (worst, <, 1e-3);
  g_assert_cmpfloat (worst_back, <, 1e-9);
}

/* Hand-checkable cases: on a sphere the cone constant is the mean of the
 * parallels' sines (Snyder 14-6); the origin maps to the false origin; a
 * cone opening south (n < 0) inverts too; points off the earth fail. */
static void
test_albers_formulas (void)
{
  CaAlbers sphere, south;
  double x, y, lon, lat;

  g_assert_true (ca_albers_init (&sphere, 6370997.0, 0, 46.5, 50.0, 48.0, 59.0, 1000.0, -500.0));
  g_assert_cmpfloat_with_epsilon (sphere.n, (sin (46.5 * G_PI / 180) + sin (50.0 * G_PI / 180)) / 2,
                                  1e-15);
  g_assert_true (ca_albers_forward (&sphere, 59.0, 48.0, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 1000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, -500.0, 1e-6);
  /* Along the central meridian y grows by the sphere's arc length … nearly:
   * Albers keeps areas, not distances; 1° north is within 0.2 % of R·π/180. */
  g_assert_true (ca_albers_forward (&sphere, 59.0, 49.0, &x, &y));
  g_assert_cmpfloat (fabs ((y + 500.0) / (6370997.0 * G_PI / 180) - 1), <, 2e-3);

  g_assert_true (ca_albers_init (&south, 6378137.0, 298.257223563, -20.0, -40.0, -30.0, 135.0, 0, 0));
  g_assert_cmpfloat (south.n, <, 0);
  g_assert_true (ca_albers_forward (&south, 140.0, -35.0, &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, <, 0);
  g_assert_true (ca_albers_inverse (&south, x, y, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 140.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, -35.0, 1e-9);

  g_assert_false (ca_albers_forward (&sphere, 10.0, 91.0, &x, &y));
  g_assert_false (ca_albers_forward (&sphere, NAN, 40.0, &x, &y));
  g_assert_false (ca_albers_inverse (&sphere, 0, 1e9, &lon, &lat));
  g_assert_false (ca_albers_init (&sphere, 6370997.0, 0, 30.0, -30.0, 0, 0, 0, 0));
}

/* The built-in projection reports bad points as PROJ's path does. */
static void
test_builtin_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  CaPoint points[] = { { 60.0, 48.0 }, { 60.0, 95.0 } };
  CaPoint far[] = { { 0.0, 1e9 } };

  g_assert_false (ca_projection_forward (projection, points, 2, &error));
  g_assert_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_TRANSFORM);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_false (ca_projection_inverse (projection, far, 1, &error));
  g_assert_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_TRANSFORM);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/projection/default", test_default);
  g_test_add_func ("/projection/builtin-matches-proj", test_builtin_matches_proj);
  g_test_add_func ("/projection/albers-formulas", test_albers_formulas);
  g_test_add_func ("/projection/builtin-errors", test_builtin_errors);
  g_test_add_func ("/projection/equal-area", test_equal_area);
  g_test_add_func ("/projection/layer-utm", test_project_layer_utm);
  g_test_add_func ("/projection/points", test_points_layer);
  g_test_add_func ("/projection/other-map-crs", test_other_map_crs);
  g_test_add_func ("/projection/wkt", test_wkt);
  g_test_add_func ("/projection/invalid-crs", test_invalid_crs);
  g_test_add_func ("/projection/invalid-crs/subprocess", invalid_crs_subprocess);
  g_test_add_func ("/projection/transform-error", test_transform_error);
  g_test_add_func ("/projection/transform-error/subprocess", transform_error_subprocess);

  return g_test_run ();
}
