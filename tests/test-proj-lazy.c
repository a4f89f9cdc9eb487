/* test-proj-lazy.c — PROJ is loaded only when a coordinate system needs
 * it: the default map of WGS 84 boundaries runs without it, other CRSs and
 * the map's WKT load the module (from the build tree here), and a module
 * that cannot be loaded gives errors, not a crash.
 *
 * Like the programs, this test does not link PROJ: /proc/self/maps shows
 * whether it was loaded. Each case runs in a fresh process, as a process
 * loads the module once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca-proj.h"
#include "ca-projection.h"
#include "ca-shapefile.h"
#include "shapefile-writer.h"

/* WGS 84 / UTM zone 41N, as ESRI writes it into a .prj. */
#define UTM41N_ESRI \
  "PROJCS[\"WGS_1984_UTM_Zone_41N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\"," \
  "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0]," \
  "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"]," \
  "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0]," \
  "PARAMETER[\"Central_Meridian\",63.0],PARAMETER[\"Scale_Factor\",0.9996]," \
  "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"

/* As ArcGIS writes WGS 84: recognised without PROJ. */
#define WGS84_ESRI \
  "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," \
  "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"

/* 63°E 48°N in zone 41N and in the default Albers (both from pyproj). */
static const CaPoint corner_utm = { 500000.0, 5316300.224451495 };
static const CaPoint corner_albers = { 298231.3799, 7764.7958 };

static const char *const name_field[] = { "name", NULL };

static gboolean
mapped (const char *needle)
{
  g_autofree char *maps = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, &error);
  g_assert_no_error (error);
  return strstr (maps, needle) != NULL;
}

/* One point at 63°E 48°N, in @crs coordinates, with @prj beside it
 * (NULL: none). Returns the .shp path. */
static char *
write_corner (const char *dir, const char *name, const CaPoint *point, const char *prj)
{
  g_autofree char *stem = g_build_filename (dir, name, NULL);
  const TestPart part = { point, 1 };
  const char *const values[] = { name };

  SHPHandle shp = SHPCreate (stem, SHPT_POINT);
  g_assert_nonnull (shp);
  test_write_shape (shp, SHPT_POINT, &part, 1);
  SHPClose (shp);
  test_write_dbf (stem, "UTF-8", name_field, values, 1);
  if (prj != NULL)
    test_write_text (stem, "prj", prj);
  return g_strconcat (stem, ".shp", NULL);
}

static CaPoint
project_file (CaProjection *projection, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POINTS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (CaLayer) projected = ca_projection_project_layer (projection, layer, &error);
  g_assert_no_error (error);
  return ca_layer_get_feature (projected, 0)->point;
}

static void
assert_corner (CaPoint point)
{
  g_assert_cmpfloat_with_epsilon (point.x, corner_albers.x, 0.01);
  g_assert_cmpfloat_with_epsilon (point.y, corner_albers.y, 0.01);
}

static void
lazy_subprocess (void)
{
  g_autofree char *dir = test_make_dir ();
  const CaPoint lonlat = { 63.0, 48.0 };
  g_autofree char *plain = write_corner (dir, "plain", &lonlat, NULL);
  g_autofree char *esri = write_corner (dir, "esri", &lonlat, WGS84_ESRI);
  g_autofree char *utm = write_corner (dir, "utm", &corner_utm, UTM41N_ESRI);
  g_autoptr (GError) error = NULL;

  /* Not linked … */
  g_assert_false (mapped ("libproj"));

  /* … and not loaded by the default map of WGS 84 data. */
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  g_assert_no_error (error);
  CaPoint point = lonlat;
  g_assert_true (ca_projection_forward (projection, &point, 1, &error));
  assert_corner (point);
  g_assert_true (ca_projection_inverse (projection, &point, 1, &error));
  g_assert_cmpfloat_with_epsilon (point.x, 63.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (point.y, 48.0, 1e-9);
  assert_corner (project_file (projection, plain));
  assert_corner (project_file (projection, esri));
  g_assert_false (mapped ("libproj"));
  g_assert_false (mapped ("cluster-atlas-proj"));

  /* A UTM .prj needs PROJ: the module built beside this test comes in. */
  assert_corner (project_file (projection, utm));
  g_assert_true (mapped ("libproj"));
  g_autofree char *module = realpath (CA_PROJ_MODULE_BUILD_PATH, NULL);
  g_assert_nonnull (module);
  g_assert_true (mapped (module));

  /* The map's WKT, for the .prj of a world file. */
  g_autofree char *wkt = ca_projection_to_wkt (projection, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (wkt, "PROJCS["));
  g_assert_nonnull (strstr (wkt, "PROJECTION[\"Albers\"]"));
  g_assert_nonnull (strstr (wkt, "PARAMETER[\"Standard_Parallel_1\",46.5]"));
  g_assert_nonnull (strstr (wkt, "PARAMETER[\"Central_Meridian\",59.0]"));
  test_remove_dir (dir);
}

static void
test_lazy (void)
{
  g_test_trap_subprocess ("/proj-lazy/lazy/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* The WKT alone loads the module too (the `--world-file` path). */
static void
wkt_subprocess (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_false (mapped ("libproj"));
  g_autofree char *wkt = ca_projection_to_wkt (projection, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (wkt, "PROJECTION[\"Albers\"]"));
  g_assert_true (mapped ("libproj"));
}

static void
test_wkt (void)
{
  g_test_trap_subprocess ("/proj-lazy/wkt/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

#define MISSING "/nonexistent/cluster-atlas-proj.so"
#define MISSING_MESSAGE "Could not load the PROJ module " MISSING ": "

static void
missing_subprocess (void)
{
  g_autofree char *dir = test_make_dir ();
  const CaPoint lonlat = { 63.0, 48.0 };
  g_autofree char *esri = write_corner (dir, "esri", &lonlat, WGS84_ESRI);
  g_autofree char *utm = write_corner (dir, "utm", &corner_utm, UTM41N_ESRI);
  g_autoptr (GError) error = NULL;

  g_setenv ("CLUSTER_ATLAS_PROJ_MODULE", MISSING, TRUE);

  /* The default map does not miss it. */
  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  g_assert_no_error (error);
  assert_corner (project_file (projection, esri));

  /* Everything that needs PROJ fails, saying why, each time. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *wkt = ca_projection_to_wkt (projection, &error);
      g_assert_null (wkt);
      g_assert_error (error, CA_PROJ_ERROR, CA_PROJ_ERROR_MODULE);
      g_assert_true (g_str_has_prefix (error->message, MISSING_MESSAGE));
      /* The reason from the loader, without the path again. */
      g_assert_null (strstr (error->message + strlen (MISSING_MESSAGE), MISSING));
      g_assert_cmpuint (strlen (error->message), >, strlen (MISSING_MESSAGE));
      g_clear_error (&error);
    }

  g_autoptr (CaLayer) layer = ca_shapefile_load (utm, CA_LAYER_POINTS, NULL, NULL, &error);
  g_assert_null (layer);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_CRS);
  g_assert_nonnull (strstr (error->message, "utm.prj"));
  g_assert_nonnull (strstr (error->message, MISSING_MESSAGE));
  g_clear_error (&error);

  g_autoptr (CaProjection) utm_map = ca_projection_new ("EPSG:32641", &error);
  g_assert_null (utm_map);
  g_assert_error (error, CA_PROJ_ERROR, CA_PROJ_ERROR_MODULE);
  g_clear_error (&error);

  static const CaPoint square[] = { { 59, 48 }, { 60, 48 }, { 60, 49 }, { 59, 49 }, { 59, 48 } };
  g_autoptr (CaPolygon) polygon = ca_polygon_new ();
  ca_polygon_add_ring (polygon, square, G_N_ELEMENTS (square), FALSE);
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, MISSING_MESSAGE "*");
  g_assert_true (isnan (ca_polygon_geodesic_area (polygon)));
  g_test_assert_expected_messages ();

  g_assert_false (mapped ("libproj"));
  test_remove_dir (dir);
}

static void
test_missing (void)
{
  g_test_trap_subprocess ("/proj-lazy/missing/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/proj-lazy/lazy", test_lazy);
  g_test_add_func ("/proj-lazy/lazy/subprocess", lazy_subprocess);
  g_test_add_func ("/proj-lazy/wkt", test_wkt);
  g_test_add_func ("/proj-lazy/wkt/subprocess", wkt_subprocess);
  g_test_add_func ("/proj-lazy/missing", test_missing);
  g_test_add_func ("/proj-lazy/missing/subprocess", missing_subprocess);
  return g_test_run ();
}
