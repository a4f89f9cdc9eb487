/* test-shapefile.c — the shapefile reader on files the test writes itself
 * (rings either way round, holes, parts, encodings, CRSs, damage) and on
 * the shared Aktobe maps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ca-projection.h"
#include "ca-shapefile.h"
#include "ca-shapefile-private.h"
#include "shapefile-writer.h"

static const CaPoint sq_cw[] = { { 0, 0 }, { 0, 10 }, { 10, 10 }, { 10, 0 }, { 0, 0 } };
static const CaPoint sq_ccw[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 }, { 0, 0 } };
static const CaPoint hole_ccw[] = { { 4, 4 }, { 6, 4 }, { 6, 6 }, { 4, 6 }, { 4, 4 } };
static const CaPoint hole_cw[] = { { 4, 4 }, { 4, 6 }, { 6, 6 }, { 6, 4 }, { 4, 4 } };
static const CaPoint island_cw[] = { { 4.5, 4.5 }, { 4.5, 5.5 }, { 5.5, 5.5 }, { 5.5, 4.5 }, { 4.5, 4.5 } };
static const CaPoint small_cw[] = { { 20, 0 }, { 20, 2 }, { 22, 2 }, { 22, 0 }, { 20, 0 } };
static const CaPoint other_ccw[] = { { 30, 0 }, { 33, 0 }, { 33, 3 }, { 30, 3 }, { 30, 0 } };

static const char *const name_field[] = { "name", NULL };

/* rings.shp: four polygons with holes and parts, rings both ways round. */
static char *
write_rings (const char *dir, int type)
{
  char *stem = g_build_filename (dir, "rings", NULL);
  SHPHandle shp = SHPCreate (stem, type);
  const TestPart esri[] = { TEST_PART (sq_cw), TEST_PART (hole_ccw) };
  const TestPart reversed[] = { TEST_PART (hole_cw), TEST_PART (sq_ccw) };
  const TestPart parts[] = { TEST_PART (small_cw), TEST_PART (other_ccw) };
  const TestPart same_way[] = { TEST_PART (sq_cw), TEST_PART (hole_cw), TEST_PART (island_cw) };
  const char *const values[] = { "Ақтөбе", "reversed", "two parts", "island" };

  g_assert_nonnull (shp);
  test_write_shape (shp, type, esri, 2);
  test_write_shape (shp, type, reversed, 2);
  test_write_shape (shp, type, parts, 2);
  test_write_shape (shp, type, same_way, 3);
  SHPClose (shp);
  test_write_dbf (stem, "LDID/87", name_field, values, 4);
  return stem;
}

static char *
shp_path (const char *stem)
{
  return g_strconcat (stem, ".shp", NULL);
}

static void
assert_orientation (const CaPolygon *polygon)
{
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      double area = ca_ring_signed_area (&polygon->rings[r]);
      g_assert_cmpfloat (polygon->rings[r].is_hole ? -area : area, >, 0.0);
    }
}

static void
check_rings_layer (CaLayer *layer)
{
  static const double areas[] = { 96.0, 96.0, 13.0, 97.0 };

  g_assert_cmpuint (ca_layer_get_n_features (layer), ==, 4);
  for (guint f = 0; f < 4; f++)
    {
      const CaPolygon *polygon = ca_layer_get_feature (layer, f)->polygon;
      g_assert_cmpfloat_with_epsilon (ca_polygon_area (polygon), areas[f], 1e-9);
      assert_orientation (polygon);
    }
  for (guint f = 0; f < 2; f++)
    {
      const CaPolygon *polygon = ca_layer_get_feature (layer, f)->polygon;
      g_assert_true (ca_polygon_contains (polygon, 1, 1));
      g_assert_false (ca_polygon_contains (polygon, 5, 5));
    }
  const CaPolygon *island = ca_layer_get_feature (layer, 3)->polygon;
  g_assert_false (island->rings[0].is_hole);
  g_assert_true (island->rings[1].is_hole);
  g_assert_false (island->rings[2].is_hole);
  g_assert_true (ca_polygon_contains (island, 5, 5));
  g_assert_false (ca_polygon_contains (island, 4.2, 5));
  const CaPolygon *parts = ca_layer_get_feature (layer, 2)->polygon;
  g_assert_false (parts->rings[0].is_hole || parts->rings[1].is_hole);
}

static void
test_polygons (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autofree char *warning = NULL;
  g_autoptr (GError) error = NULL;

  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, &warning, &error);
  g_assert_no_error (error);
  check_rings_layer (layer);
  g_assert_cmpstr (ca_layer_get_name (layer), ==, "rings");
  g_assert_cmpstr (ca_layer_get_source_path (layer), ==, path);
  g_assert_cmpuint (ca_layer_get_n_fields (layer), ==, 1);
  g_assert_cmpint (ca_layer_find_field (layer, "NAME"), ==, 0);
  /* No .cpg, valid UTF-8: taken as it is. */
  g_assert_cmpstr (ca_layer_get_value (layer, 0, 0), ==, "Ақтөбе");
  g_assert_cmpint (ca_layer_find_feature (layer, "name", "island"), ==, 3);

  /* No .prj. */
  g_assert_cmpstr (ca_layer_get_crs (layer), ==, "EPSG:4326");
  g_assert_cmpstr (warning, ==, "rings.shp has no .prj; taken as WGS 84 (EPSG:4326)");

  CaBBox extent;
  ca_layer_get_extent (layer, &extent);
  g_assert_cmpfloat (extent.min_x, ==, 0);
  g_assert_cmpfloat (extent.max_x, ==, 33);
  g_assert_cmpfloat (extent.max_y, ==, 10);

  guint pick[] = { 3, 0 };
  g_autoptr (CaLayer) subset = ca_layer_subset (layer, pick, 2);
  g_assert_cmpstr (ca_layer_get_value (subset, 0, 0), ==, "island");
  g_assert_cmpstr (ca_layer_get_crs (subset), ==, "EPSG:4326");
  test_remove_dir (dir);
}

static void
test_polygons_z_m (void)
{
  const int types[] = { SHPT_POLYGONZ, SHPT_POLYGONM };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autofree char *dir = test_make_dir ();
      g_autofree char *stem = write_rings (dir, types[t]);
      g_autofree char *path = shp_path (stem);
      g_autoptr (GError) error = NULL;

      /* The usual ESRI text for WGS 84 (recognised without PROJ's
       * database), and GDAL's WKT1 (read by PROJ, kept as WKT2). */
      if (types[t] == SHPT_POLYGONZ)
        test_write_text (stem, "prj", "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                                      "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                                      "UNIT[\"Degree\",0.0174532925199433]]\r\n");
      else
        test_write_text (stem, "prj", "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
                                      "298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
                                      "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
                                      "AUTHORITY[\"EPSG\",\"4326\"]]");
      g_autofree char *warning = NULL;
      g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, &warning, &error);
      g_assert_no_error (error);
      g_assert_null (warning);
      check_rings_layer (layer);
      if (types[t] == SHPT_POLYGONZ)
        g_assert_cmpstr (ca_layer_get_crs (layer), ==, "EPSG:4326");
      else
        g_assert_true (g_str_has_prefix (ca_layer_get_crs (layer), "GEOGCRS[\"WGS 84\""));
      test_remove_dir (dir);
    }
}

/* One-polygon file whose .dbf holds CP1251 bytes, declared by @code_page. */
static CaLayer *
load_cp1251 (const char *dir, const char *code_page, GError **error)
{
  g_autofree char *stem = g_build_filename (dir, "cyr", NULL);
  g_autofree char *path = shp_path (stem);
  const TestPart parts[] = { TEST_PART (sq_cw) };
  const char *const fields[] = { "name", "centre", NULL };
  g_autofree char *a = g_convert ("Хромтауский", -1, "CP1251", "UTF-8", NULL, NULL, NULL);
  g_autofree char *b = g_convert ("Хромтау", -1, "CP1251", "UTF-8", NULL, NULL, NULL);
  const char *const values[] = { a, b };

  SHPHandle shp = SHPCreate (stem, SHPT_POLYGON);
  test_write_shape (shp, SHPT_POLYGON, parts, 1);
  SHPClose (shp);
  test_write_dbf (stem, code_page, fields, values, 1);
  return ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, NULL, error);
}

static void
test_cp1251 (void)
{
  /* .cpg "1251", .cpg "CP1251", LDID 201, and nothing at all (LDID 87). */
  const char *const declared[] = { "1251", "CP1251", "ANSI 1251", "LDID/201", "LDID/87" };

  for (guint i = 0; i < G_N_ELEMENTS (declared); i++)
    {
      g_autofree char *dir = test_make_dir ();
      g_autoptr (GError) error = NULL;
      g_autoptr (CaLayer) layer = load_cp1251 (dir, declared[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ca_layer_get_value (layer, 0, 0), ==, "Хромтауский");
      g_assert_cmpstr (ca_layer_get_value (layer, 0, 1), ==, "Хромтау");
      test_remove_dir (dir);
    }
}

/* The file hooks shapelib reads through behave as stdio's: an item cut
 * short at the end still delivers its bytes (shapelib reads a .cpg so),
 * reads past the end get nothing, and nothing opens for writing. */
static void
test_read_hooks (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ten.bin", NULL);
  g_autofree char *missing = g_build_filename (dir, "none.bin", NULL);
  char buffer[16] = { 0 };
  SAHooks hooks;
  SAFile file;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  ca_shapefile_setup_hooks (&hooks);
  g_assert_null (hooks.FOpen (missing, "rb"));
  g_assert_null (hooks.FOpen (path, "r+b"));
  g_assert_null (hooks.FOpen (path, "wb"));
  file = hooks.FOpen (path, "rb");
  g_assert_nonnull (file);
  g_assert_cmpuint (hooks.FRead (buffer, 4, 1, file), ==, 1);
  g_assert_cmpmem (buffer, 4, "0123", 4);
  g_assert_cmpuint (hooks.FSeek (file, 2, SEEK_CUR), ==, 0);
  g_assert_cmpuint (hooks.FTell (file), ==, 6);
  memset (buffer, 0, sizeof buffer);
  g_assert_cmpuint (hooks.FRead (buffer, 3, 2, file), ==, 1);
  g_assert_cmpstr (buffer, ==, "6789");
  g_assert_cmpuint (hooks.FSeek (file, -3, SEEK_END), ==, 0);
  g_assert_cmpuint (hooks.FRead (buffer, 1, 8, file), ==, 3);
  g_assert_cmpuint (hooks.FSeek (file, 100, SEEK_SET), ==, 0);
  g_assert_cmpuint (hooks.FRead (buffer, 1, 8, file), ==, 0);
  g_assert_cmpuint (hooks.FWrite (buffer, 1, 8, file), ==, 0);
  g_assert_cmpint (hooks.FClose (file), ==, 0);
  test_remove_dir (dir);
}

static void
test_bad_encoding (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr (GError) error = NULL;

  /* Says UTF-8, holds CP1251. */
  g_autoptr (CaLayer) layer = load_cp1251 (dir, "UTF-8", &error);
  g_assert_null (layer);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "cyr.dbf"));
  g_assert_nonnull (strstr (error->message, "record 1"));
  test_remove_dir (dir);
  g_clear_error (&error);

  g_autofree char *dir2 = test_make_dir ();
  g_autoptr (CaLayer) layer2 = load_cp1251 (dir2, "NO-SUCH-ENCODING-42", &error);
  g_assert_null (layer2);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-ENCODING-42"));
  test_remove_dir (dir2);
}

static char *
write_points (const char *dir, const char *name, int type)
{
  static const CaPoint a[] = { { 57.2, 50.28 }, { 1, 1 } };
  static const CaPoint b[] = { { 61.5, 48.5 } };
  char *stem = g_build_filename (dir, name, NULL);
  gboolean multi = type == SHPT_MULTIPOINT;
  const TestPart first = { a, multi ? 2 : 1 }, second = TEST_PART (b);
  const char *const values[] = { "Aktobe", "other" };

  SHPHandle shp = SHPCreate (stem, type);
  test_write_shape (shp, type, &first, 1);
  test_write_shape (shp, type, &second, 1);
  SHPClose (shp);
  test_write_dbf (stem, "UTF-8", name_field, values, 2);
  return stem;
}

static void
test_points (void)
{
  const int types[] = { SHPT_POINT, SHPT_POINTZ, SHPT_POINTM, SHPT_MULTIPOINT };
  g_autofree char *dir = test_make_dir ();

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autofree char *name = g_strdup_printf ("points%d", types[t]);
      g_autofree char *stem = write_points (dir, name, types[t]);
      g_autofree char *path = shp_path (stem);
      g_autoptr (GError) error = NULL;

      g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POINTS, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ca_layer_get_kind (layer), ==, CA_LAYER_POINTS);
      g_assert_cmpuint (ca_layer_get_n_features (layer), ==, 2);
      const CaFeature *feature = ca_layer_get_feature (layer, 0);
      g_assert_null (feature->polygon);
      g_assert_cmpfloat (feature->point.x, ==, 57.2);
      g_assert_cmpfloat (feature->point.y, ==, 50.28);
      g_assert_cmpstr (feature->values[0], ==, "Aktobe");
      g_assert_cmpfloat (ca_layer_get_feature (layer, 1)->point.x, ==, 61.5);

      /* Points where polygons are expected. */
      g_autoptr (CaLayer) wrong = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, NULL, &error);
      g_assert_null (wrong);
      g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_WRONG_KIND);
      g_assert_nonnull (strstr (error->message, name));
    }
  test_remove_dir (dir);
}

static void
test_wrong_kind_and_type (void)
{
  static const CaPoint line[] = { { 0, 0 }, { 1, 1 } };
  const TestPart part = TEST_PART (line);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autoptr (GError) error = NULL;

  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POINTS, NULL, NULL, &error);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_WRONG_KIND);
  g_clear_error (&error);

  g_autofree char *arc_stem = g_build_filename (dir, "roads", NULL);
  g_autofree char *arc_path = shp_path (arc_stem);
  const char *const values[] = { "road" };
  SHPHandle shp = SHPCreate (arc_stem, SHPT_ARC);
  test_write_shape (shp, SHPT_ARC, &part, 1);
  SHPClose (shp);
  test_write_dbf (arc_stem, "UTF-8", name_field, values, 1);
  g_autoptr (CaLayer) arcs = ca_shapefile_load (arc_path, CA_LAYER_POLYGONS, NULL, NULL, &error);
  g_assert_null (arcs);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "roads.shp"));
  test_remove_dir (dir);
}

#define UTM41N_ESRI \
  "PROJCS[\"WGS_1984_UTM_Zone_41N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\"," \
  "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0]," \
  "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"]," \
  "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0]," \
  "PARAMETER[\"Central_Meridian\",63.0],PARAMETER[\"Scale_Factor\",0.9996]," \
  "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"

static void
test_projected_prj (void)
{
  /* Corners in zone 41N of 63°E 48°N, 62°E 49°N, 60°E 50°N, 61.5°E 48.5°N
   * (from pyproj), as one ring. */
  static const CaPoint utm[] = {
    { 500000.0, 5316300.224451495 }, { 426857.987717281, 5427937.523464922 },
    { 285015.76326517336, 5542944.018649102 }, { 389193.7521475017, 5372962.017036155 },
    { 500000.0, 5316300.224451495 },
  };
  static const CaPoint lonlat[] = { { 63, 48 }, { 62, 49 }, { 60, 50 }, { 61.5, 48.5 } };
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = g_build_filename (dir, "utm", NULL);
  g_autofree char *path = shp_path (stem);
  const TestPart part = TEST_PART (utm);
  const char *const values[] = { "utm" };
  g_autoptr (GError) error = NULL;

  SHPHandle shp = SHPCreate (stem, SHPT_POLYGON);
  test_write_shape (shp, SHPT_POLYGON, &part, 1);
  SHPClose (shp);
  test_write_dbf (stem, "UTF-8", name_field, values, 1);
  test_write_text (stem, "prj", UTM41N_ESRI "\n");

  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Kept as PROJ's own WKT2 of what it read. */
  g_assert_true (g_str_has_prefix (ca_layer_get_crs (layer), "PROJCRS["));
  g_assert_nonnull (strstr (ca_layer_get_crs (layer), "41N"));

  g_autoptr (CaProjection) projection = ca_projection_new (NULL, &error);
  g_autoptr (CaLayer) projected = ca_projection_project_layer (projection, layer, &error);
  g_assert_no_error (error);
  const CaRing *ring = &ca_layer_get_feature (projected, 0)->polygon->rings[0];
  g_assert_cmpuint (ring->n_points, ==, 5);
  g_autofree CaPoint *back = g_memdup2 (ring->points, ring->n_points * sizeof (CaPoint));
  g_assert_true (ca_projection_inverse (projection, back, ring->n_points, &error));

  /* Whatever way round the ring is stored now, every corner comes back. */
  for (guint i = 0; i < G_N_ELEMENTS (lonlat); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < ring->n_points; j++)
        found |= fabs (back[j].x - lonlat[i].x) < 1e-6 && fabs (back[j].y - lonlat[i].y) < 1e-6;
      g_assert_true (found);
    }
  test_remove_dir (dir);
}

static void
bad_prj_subprocess (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autoptr (GError) error = NULL;

  test_write_text (stem, "prj", "PROJCS[\"broken\",GEOGCS[");
  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, NULL, &error);
  g_assert_null (layer);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_CRS);
  g_assert_nonnull (strstr (error->message, "rings.prj"));
  test_remove_dir (dir);
}

static void
test_bad_prj (void)
{
  g_test_trap_subprocess ("/shapefile/bad-prj/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* Damaged files: each must fail with the file (and record) named. */

static void
assert_fails (const char *path, const CaShapefileLimits *limits, gint code,
              const char *needle, const char *needle2)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, limits, NULL, &error);

  g_assert_null (layer);
  g_assert_error (error, CA_SHAPEFILE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
  if (needle2 != NULL)
    g_assert_nonnull (strstr (error->message, needle2));
}

static void
replace_bytes (const char *path, goffset offset, const void *bytes, gsize n)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (offset + n, <=, length);
  memcpy (data + offset, bytes, n);
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
}

static void
test_truncated (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autofree char *dbf = g_strconcat (stem, ".dbf", NULL);

  g_assert_cmpint (truncate (path, 300), ==, 0);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "rings.shp", NULL);

  g_free (write_rings (dir, SHPT_POLYGON));
  /* Header (65 bytes: 32 + one field + terminator) and one of four records. */
  g_assert_cmpint (truncate (dbf, 65 + 41), ==, 0);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "rings.dbf", NULL);
  test_remove_dir (dir);
}

static void
test_garbage_index (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autofree char *shx = g_strconcat (stem, ".shx", NULL);
  guchar noise[132];
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);

  /* All noise: not an index at all. */
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (shx, (const char *) noise, sizeof noise, NULL));
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "rings.shx", NULL);

  /* A good header, but the second entry points past the end of the .shp. */
  g_free (write_rings (dir, SHPT_POLYGON));
  static const guchar far[4] = { 0x10, 0x00, 0x00, 0x00 };
  replace_bytes (shx, 100 + 8, far, sizeof far);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "rings.shp", "record 2");
  test_remove_dir (dir);
}

static void
test_bad_counts (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autofree char *shx = g_strconcat (stem, ".shx", NULL);
  g_autofree char *index = NULL;

  /* Record 2 starts where its .shx entry says; nParts is 44 bytes in. */
  g_assert_true (g_file_get_contents (shx, &index, NULL, NULL));
  const guchar *entry = (const guchar *) index + 100 + 8;
  goffset offset = 2 * (((goffset) entry[0] << 24) | (entry[1] << 16) | (entry[2] << 8) | entry[3]);
  static const guchar huge[4] = { 0xff, 0xff, 0xff, 0x7f };
  replace_bytes (path, offset + 8 + 36, huge, sizeof huge);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "rings.shp", "record 2");
  test_remove_dir (dir);
}

static void
test_missing_parts (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  g_autofree char *shx = g_strconcat (stem, ".shx", NULL);
  g_autofree char *dbf = g_strconcat (stem, ".dbf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere.shp", NULL);

  assert_fails (nowhere, NULL, CA_SHAPEFILE_ERROR_NOT_FOUND, "nowhere.shp", NULL);
  g_remove (dbf);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_NOT_FOUND, "rings.dbf", NULL);
  g_free (write_rings (dir, SHPT_POLYGON));
  g_remove (shx);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_NOT_FOUND, "rings.shx", NULL);
  test_remove_dir (dir);
}

static char *
write_two (const char *dir, const TestPart *second, guint n_second)
{
  char *stem = g_build_filename (dir, "two", NULL);
  const TestPart first[] = { TEST_PART (sq_cw) };
  const char *const values[] = { "first", "second" };
  SHPHandle shp = SHPCreate (stem, SHPT_POLYGON);

  test_write_shape (shp, SHPT_POLYGON, first, 1);
  test_write_shape (shp, SHPT_POLYGON, second, n_second);
  SHPClose (shp);
  test_write_dbf (stem, "UTF-8", name_field, values, 2);
  return stem;
}

static void
test_bad_coordinates (void)
{
  const CaPoint with_nan[] = { { 0, 0 }, { 0, 1 }, { NAN, 1 }, { 1, 0 }, { 0, 0 } };
  const CaPoint with_inf[] = { { 0, 0 }, { 0, INFINITY }, { 1, 1 }, { 1, 0 }, { 0, 0 } };
  static const CaPoint triangle_open[] = { { 0, 0 }, { 0, 1 }, { 1, 0 } };
  const TestPart nan_part[] = { TEST_PART (with_nan) };
  const TestPart inf_part[] = { TEST_PART (sq_ccw), TEST_PART (with_inf) };
  const TestPart short_part[] = { TEST_PART (sq_cw), TEST_PART (triangle_open) };
  g_autofree char *dir = test_make_dir ();

  g_autofree char *stem = write_two (dir, nan_part, 1);
  g_autofree char *path = shp_path (stem);
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "two.shp", "record 2");
  g_free (write_two (dir, inf_part, 2));
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "two.shp", "record 2");
  g_free (write_two (dir, short_part, 2));
  assert_fails (path, NULL, CA_SHAPEFILE_ERROR_CORRUPT, "two.shp", "record 2");
  test_remove_dir (dir);
}

static void
test_limits (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = write_rings (dir, SHPT_POLYGON);
  g_autofree char *path = shp_path (stem);
  const CaShapefileLimits few_features = { 3, 0 };
  /* Records hold 10, 10, 10 and 15 points. */
  const CaShapefileLimits few_vertices = { 0, 25 };
  const CaShapefileLimits enough = { 4, 45 };
  g_autoptr (GError) error = NULL;

  assert_fails (path, &few_features, CA_SHAPEFILE_ERROR_TOO_LARGE, "rings.shp", NULL);
  assert_fails (path, &few_vertices, CA_SHAPEFILE_ERROR_TOO_LARGE, "rings.shp", "record 3");
  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, &enough, NULL, &error);
  g_assert_no_error (error);
  test_remove_dir (dir);
}

static void
test_null_shape (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *stem = g_build_filename (dir, "gaps", NULL);
  g_autofree char *path = shp_path (stem);
  const TestPart part[] = { TEST_PART (sq_cw) };
  const char *const values[] = { "one", "none", "three" };
  g_autofree char *warning = NULL;
  g_autoptr (GError) error = NULL;

  SHPHandle shp = SHPCreate (stem, SHPT_POLYGON);
  test_write_shape (shp, SHPT_POLYGON, part, 1);
  SHPObject *null_shape = SHPCreateSimpleObject (SHPT_NULL, 0, NULL, NULL, NULL);
  SHPWriteObject (shp, -1, null_shape);
  SHPDestroyObject (null_shape);
  test_write_shape (shp, SHPT_POLYGON, part, 1);
  SHPClose (shp);
  test_write_dbf (stem, "UTF-8", name_field, values, 3);

  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, &warning, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ca_layer_get_n_features (layer), ==, 2);
  g_assert_cmpstr (ca_layer_get_value (layer, 1, 0), ==, "three");
  g_assert_nonnull (strstr (warning, "gaps.shp has no .prj"));
  g_assert_nonnull (strstr (warning, "record 2"));
  test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shapefile/polygons", test_polygons);
  g_test_add_func ("/shapefile/polygons-z-m", test_polygons_z_m);
  g_test_add_func ("/shapefile/cp1251", test_cp1251);
  g_test_add_func ("/shapefile/bad-encoding", test_bad_encoding);
  g_test_add_func ("/shapefile/read-hooks", test_read_hooks);
  g_test_add_func ("/shapefile/points", test_points);
  g_test_add_func ("/shapefile/wrong-kind", test_wrong_kind_and_type);
  g_test_add_func ("/shapefile/projected-prj", test_projected_prj);
  g_test_add_func ("/shapefile/bad-prj", test_bad_prj);
  g_test_add_func ("/shapefile/bad-prj/subprocess", bad_prj_subprocess);
  g_test_add_func ("/shapefile/damaged/truncated", test_truncated);
  g_test_add_func ("/shapefile/damaged/garbage-index", test_garbage_index);
  g_test_add_func ("/shapefile/damaged/counts", test_bad_counts);
  g_test_add_func ("/shapefile/damaged/missing-parts", test_missing_parts);
  g_test_add_func ("/shapefile/damaged/coordinates", test_bad_coordinates);
  g_test_add_func ("/shapefile/limits", test_limits);
  g_test_add_func ("/shapefile/null-shape", test_null_shape);

  return g_test_run ();
}
