/* test-basemap.c — finding the map data, joining units to polygons by code
 * and by geoBoundaries name, and the projected basemap of the region.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-basemap.h"
#include "ca-shapefile.h"
#include "shapefile-writer.h"

static const char *const unit_codes[13] = {
  "AKT", "ALG", "AIT", "BAY", "KAR", "KHO", "MAR", "MUG", "UIL", "TEM", "KHR", "SHA", "IRG",
};

static const char *
maps_dir (void)
{
  const char *maps = g_getenv ("CLUSTER_ATLAS_MAPS");
  if (maps == NULL)
    g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
  return maps;
}

static CaLayer *
load_shared (const char *basename, CaLayerKind kind)
{
  g_autofree char *path = g_build_filename (g_getenv ("CLUSTER_ATLAS_MAPS"), basename, NULL);
  g_autoptr (GError) error = NULL;
  CaLayer *layer = ca_shapefile_load (path, kind, NULL, NULL, &error);

  g_assert_no_error (error);
  return layer;
}

/* The 13 units with their codes and geoBoundaries names, in the paper's
 * order (not the file's), plus @extra_code when given. */
static CaDataset *
units_dataset (const char *extra_code)
{
  g_autoptr (CaLayer) districts = load_shared ("aktobe_districts.shp", CA_LAYER_POLYGONS);
  int gb_name = ca_layer_find_field (districts, "gb_name");
  CaDataset *dataset = ca_dataset_new ();

  g_assert_cmpint (gb_name, >=, 0);
  for (guint u = 0; u < G_N_ELEMENTS (unit_codes); u++)
    {
      int f = ca_layer_find_feature (districts, "code", unit_codes[u]);
      g_assert_cmpint (f, >=, 0);
      CaUnit unit = { .code = (char *) unit_codes[u],
                      .gb_name = (char *) ca_layer_get_value (districts, (guint) f, (guint) gb_name) };
      ca_dataset_add_unit (dataset, &unit);
    }
  if (extra_code != NULL)
    {
      CaUnit unit = { .code = (char *) extra_code, .gb_name = (char *) "Nowhereskiy" };
      ca_dataset_add_unit (dataset, &unit);
    }
  return dataset;
}

static void
test_shared_maps (void)
{
  const char *maps = maps_dir ();
  g_autoptr (GError) error = NULL;

  if (maps == NULL)
    return;

  g_autofree char *districts = g_build_filename (maps, "aktobe_districts.shp", NULL);
  g_autofree char *warning = NULL;
  g_autoptr (CaLayer) layer = ca_shapefile_load (districts, CA_LAYER_POLYGONS, NULL, &warning, &error);
  g_assert_no_error (error);
  g_assert_null (warning);
  g_assert_cmpuint (ca_layer_get_n_features (layer), ==, 13);
  double total = 0.0;
  for (guint i = 0; i < G_N_ELEMENTS (unit_codes); i++)
    {
      int f = ca_layer_find_feature (layer, "code", unit_codes[i]);
      g_assert_cmpint (f, >=, 0);
      total += ca_polygon_geodesic_area (ca_layer_get_feature (layer, (guint) f)->polygon);
    }
  int akt = ca_layer_find_feature (layer, "code", "AKT");
  g_assert_cmpstr (ca_layer_get_value (layer, (guint) akt, (guint) ca_layer_find_field (layer, "gb_name")),
                   ==, "Aqtobe");
  /* Official 300.6 thousand km²; the README's geodesic sum is 301 695. */
  g_test_message ("geodesic area of the 13 units: %.0f km²", total / 1e6);
  g_assert_cmpfloat_with_epsilon (total / 1e6, 300600.0, 3006.0);
  g_assert_cmpfloat_with_epsilon (total / 1e6, 301695.0, 30.0);

  g_autofree char *kaz = g_build_filename (maps, "kaz_districts.shp", NULL);
  g_autoptr (CaLayer) all = ca_shapefile_load (kaz, CA_LAYER_POLYGONS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ca_layer_get_n_features (all), ==, 174);

  g_autofree char *towns = g_build_filename (maps, "aktobe_settlements.shp", NULL);
  g_autoptr (CaLayer) points = ca_shapefile_load (towns, CA_LAYER_POINTS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ca_layer_get_n_features (points), ==, 300);
  g_assert_cmpint (ca_layer_find_feature (points, "name_ru", "Актобе"), >=, 0);
  g_assert_cmpint (ca_layer_find_feature (points, "name", "Ақтөбе"), >=, 0);
}

static void
test_find (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *saved = g_strdup (g_getenv ("CLUSTER_ATLAS_MAPS"));
  g_autoptr (GError) error = NULL;

  g_autofree char *inside = g_build_filename (dir, "found_here.shp", NULL);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));

  g_setenv ("CLUSTER_ATLAS_MAPS", dir, TRUE);
  g_autofree char *found = ca_boundaries_find ("found_here.shp", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, inside);

  g_autofree char *missing = ca_boundaries_find ("no_such_layer_here.shp", &error);
  g_assert_null (missing);
  g_assert_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no_such_layer_here.shp"));
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_nonnull (strstr (error->message, "CLUSTER_ATLAS_MAPS"));
  g_assert_nonnull (strstr (error->message, "--boundaries"));
  g_assert_nonnull (strstr (error->message, "geoBoundaries"));
  g_assert_nonnull (strstr (error->message, "OpenStreetMap"));

  if (saved != NULL)
    g_setenv ("CLUSTER_ATLAS_MAPS", saved, TRUE);
  else
    g_unsetenv ("CLUSTER_ATLAS_MAPS");
  test_remove_dir (dir);
}

static void
test_join_by_code (void)
{
  if (maps_dir () == NULL)
    return;

  g_autoptr (CaDataset) dataset = units_dataset (NULL);
  g_autoptr (CaLayer) districts = load_shared ("aktobe_districts.shp", CA_LAYER_POLYGONS);
  g_autoptr (GError) error = NULL;

  g_autoptr (CaJoin) join = ca_join_units (dataset, districts, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (join->field, ==, "code");
  g_assert_cmpuint (join->n_units, ==, 13);

  g_autoptr (CaLayer) units = ca_join_extract_units (join, districts);
  int code = ca_layer_find_field (units, "code");
  g_assert_cmpuint (ca_layer_get_n_features (units), ==, 13);
  for (guint u = 0; u < 13; u++)
    g_assert_cmpstr (ca_layer_get_value (units, u, (guint) code), ==, unit_codes[u]);
}

static void
test_join_errors (void)
{
  if (maps_dir () == NULL)
    return;

  g_autoptr (CaDataset) dataset = units_dataset ("XXX");
  g_autoptr (CaLayer) districts = load_shared ("aktobe_districts.shp", CA_LAYER_POLYGONS);
  g_autoptr (CaLayer) kaz = load_shared ("kaz_districts.shp", CA_LAYER_POLYGONS);
  g_autoptr (GError) error = NULL;

  g_autoptr (CaJoin) join = ca_join_units (dataset, districts, &error);
  g_assert_null (join);
  g_assert_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_UNMATCHED);
  g_assert_nonnull (strstr (error->message, "XXX"));
  g_assert_nonnull (strstr (error->message, "aktobe_districts"));
  g_assert_null (strstr (error->message, "AKT"));
  g_clear_error (&error);

  /* kaz_districts has only name and gb_id. */
  g_autoptr (CaJoin) join2 = ca_join_units (dataset, kaz, &error);
  g_assert_null (join2);
  g_assert_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_NO_JOIN_FIELD);
  g_assert_nonnull (strstr (error->message, "gb_id"));
}

static void
write_polygon (SHPHandle shp, const CaPolygon *polygon)
{
  g_autofree TestPart *parts = g_new (TestPart, polygon->n_rings);

  for (guint r = 0; r < polygon->n_rings; r++)
    parts[r] = (TestPart) { polygon->rings[r].points, polygon->rings[r].n_points };
  test_write_shape (shp, SHPT_POLYGON, parts, polygon->n_rings);
}

/* A raw geoBoundaries-like ADM2 file: field shapeName, the 13 districts in
 * reverse order among others, and a second "Kargalinskiy" far away. */
static char *
write_raw_adm2 (const char *dir)
{
  g_autoptr (CaLayer) districts = load_shared ("aktobe_districts.shp", CA_LAYER_POLYGONS);
  g_autoptr (CaLayer) kaz = load_shared ("kaz_districts.shp", CA_LAYER_POLYGONS);
  int gb_name = ca_layer_find_field (districts, "gb_name");
  int kaz_name = ca_layer_find_field (kaz, "name");
  g_autofree char *stem = g_build_filename (dir, "geoBoundaries-KAZ-ADM2", NULL);
  const char *const fields[] = { "shapeName", NULL };
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  SHPHandle shp = SHPCreate (stem, SHPT_POLYGON);

  /* Four districts of other regions (Almaty region: far to the east). */
  for (guint f = 0; f < 4; f++)
    {
      write_polygon (shp, ca_layer_get_feature (kaz, f)->polygon);
      g_ptr_array_add (names, (gpointer) ca_layer_get_value (kaz, f, (guint) kaz_name));
    }
  write_polygon (shp, ca_layer_get_feature (kaz, 5)->polygon);
  g_ptr_array_add (names, (gpointer) "Kargalinskiy");
  for (guint f = ca_layer_get_n_features (districts); f-- > 0;)
    {
      write_polygon (shp, ca_layer_get_feature (districts, f)->polygon);
      g_ptr_array_add (names, (gpointer) ca_layer_get_value (districts, f, (guint) gb_name));
    }
  SHPClose (shp);
  test_write_dbf (stem, "UTF-8", fields, (const char * const *) names->pdata, names->len);
  return g_strconcat (stem, ".shp", NULL);
}

static void
test_join_by_shape_name (void)
{
  if (maps_dir () == NULL)
    return;

  g_autofree char *dir = test_make_dir ();
  g_autofree char *raw_path = write_raw_adm2 (dir);
  g_autoptr (CaDataset) dataset = units_dataset (NULL);
  g_autoptr (CaLayer) districts = load_shared ("aktobe_districts.shp", CA_LAYER_POLYGONS);
  g_autoptr (GError) error = NULL;

  g_autoptr (CaLayer) raw = ca_shapefile_load (raw_path, CA_LAYER_POLYGONS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ca_layer_get_n_features (raw), ==, 18);

  g_autoptr (CaJoin) join = ca_join_units (dataset, raw, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (join->field, ==, "shapeName");
  g_autoptr (CaLayer) units = ca_join_extract_units (join, raw);
  g_assert_cmpuint (ca_layer_get_n_features (units), ==, 13);

  /* Each unit got the very polygon aktobe_districts has for its code. */
  for (guint u = 0; u < 13; u++)
    {
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);
      int f = ca_layer_find_feature (districts, "code", unit->code);
      double expected = ca_polygon_area (ca_layer_get_feature (districts, (guint) f)->polygon);
      g_assert_cmpint (join->feature_of_unit[u], >=, 5);
      g_assert_cmpstr (ca_layer_get_value (units, u, 0), ==, unit->gb_name);
      g_assert_cmpfloat_with_epsilon (ca_polygon_area (ca_layer_get_feature (units, u)->polygon),
                                      expected, expected * 1e-12);
    }
  test_remove_dir (dir);
}

static void
check_basemap (CaBasemap *basemap, CaDataset *dataset)
{
  CaLayer *units = ca_basemap_get_units (basemap);
  CaBBox extent;

  g_assert_cmpuint (ca_layer_get_n_features (units), ==, 13);
  g_assert_null (ca_basemap_get_unit_polygon (basemap, 13));

  /* Lon 54–63, lat 45–51 around (59, 48): within ±800 km of the origin. */
  ca_basemap_get_extent (basemap, &extent);
  g_assert_cmpfloat (extent.min_x, >, -800000.0);
  g_assert_cmpfloat (extent.max_x, <, 800000.0);
  g_assert_cmpfloat (extent.min_y, >, -800000.0);
  g_assert_cmpfloat (extent.max_y, <, 800000.0);
  g_assert_cmpfloat (extent.max_x - extent.min_x, >, 500000.0);
  g_assert_cmpfloat (extent.max_y - extent.min_y, >, 500000.0);

  for (guint u = 0; u < 13; u++)
    {
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (basemap, u);
      double radius = 0.0;
      CaPoint label = ca_polygon_label_point (polygon, 100.0, &radius);
      g_assert_cmpfloat (radius, >, 1000.0);
      g_assert_cmpint (ca_basemap_hit_test (basemap, label.x, label.y), ==, (int) u);
    }
  g_assert_cmpint (ca_basemap_hit_test (basemap, 5e6, 5e6), ==, -1);

  /* Aktobe itself, 57.2°E 50.28°N, lies in the city administration. */
  CaPoint city = { 57.2, 50.28 };
  g_assert_true (ca_projection_forward (ca_basemap_get_projection (basemap), &city, 1, NULL));
  int akt = ca_dataset_find_unit (dataset, "AKT");
  g_assert_true (ca_polygon_contains (ca_basemap_get_unit_polygon (basemap, (guint) akt), city.x, city.y));
  g_assert_cmpint (ca_basemap_hit_test (basemap, city.x, city.y), ==, akt);

  /* Kazakhstan without the region's own 13. */
  CaLayer *context = ca_basemap_get_context (basemap);
  g_assert_nonnull (context);
  g_assert_cmpuint (ca_layer_get_n_features (context), ==, 174 - 13);

  CaLayer *towns = ca_basemap_get_settlements (basemap);
  g_assert_nonnull (towns);
  g_assert_cmpint (ca_layer_get_kind (towns), ==, CA_LAYER_POINTS);
  g_assert_cmpuint (ca_layer_get_n_features (towns), ==, 300);
  const char *const fields[] = { "name", "name_ru", "name_en", "place", "population" };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpint (ca_layer_find_field (towns, fields[i]), >=, 0);
  int aktobe = ca_layer_find_feature (towns, "name_ru", "Актобе");
  g_assert_cmpint (aktobe, >=, 0);
  CaPoint town = ca_layer_get_feature (towns, (guint) aktobe)->point;
  g_assert_cmpint (ca_basemap_hit_test (basemap, town.x, town.y), ==, akt);
}

/* Near the region the context holds every district the whole context
 * shows there, and fewer than all of them; a view reaching far out gets
 * them all. */
static void
check_context_within (CaBasemap *basemap)
{
  CaLayer *all = ca_basemap_get_context (basemap);
  int gb = ca_layer_find_field (all, "gb_id");
  guint shown = 0;
  CaBBox extent, frame, far;

  g_assert_true (ca_basemap_has_context (basemap));
  ca_basemap_get_extent (basemap, &extent);
  /* A4 portrait figures frame the units 0.16 of their longer side wider. */
  double w = extent.max_x - extent.min_x, h = extent.max_y - extent.min_y, m = 0.2 * MAX (w, h);
  frame = (CaBBox) { extent.min_x - m, extent.min_y - m, extent.max_x + m, extent.max_y + m };
  CaLayer *near = ca_basemap_get_context_within (basemap, &frame);
  g_assert_cmpuint (ca_layer_get_n_features (near), <, ca_layer_get_n_features (all));
  for (guint f = 0; f < ca_layer_get_n_features (all); f++)
    {
      if (!ca_bbox_intersects (&ca_layer_get_feature (all, f)->bbox, &frame))
        continue;
      const char *id = ca_layer_get_value (all, f, (guint) gb);

      shown++;
      g_assert_cmpint (ca_layer_find_feature (near, "gb_id", id), >=, 0);
    }
  g_assert_cmpuint (shown, >, 20);

  far = (CaBBox) { extent.min_x - 2 * w, extent.min_y, extent.max_x, extent.max_y };
  g_assert_true (ca_basemap_get_context_within (basemap, &far) == all);
}

static void
test_basemap (void)
{
  if (maps_dir () == NULL)
    return;

  g_autoptr (CaDataset) dataset = units_dataset (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CaBasemap) basemap = ca_basemap_load (dataset, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (ca_basemap_get_boundaries_path (basemap), "aktobe_districts.shp"));
  g_assert_cmpstr (ca_projection_get_definition (ca_basemap_get_projection (basemap)), ==,
                   CA_PROJECTION_DEFAULT);
  g_assert_null (ca_basemap_get_warnings (basemap));
  check_basemap (basemap, dataset);
  check_context_within (basemap);

  /* The region's own districts are dropped by gb_id. */
  CaLayer *units = ca_basemap_get_units (basemap);
  CaLayer *context = ca_basemap_get_context (basemap);
  int unit_gb = ca_layer_find_field (units, "gb_id");
  for (guint u = 0; u < 13; u++)
    g_assert_cmpint (ca_layer_find_feature (context, "gb_id",
                                            ca_layer_get_value (units, u, (guint) unit_gb)), ==, -1);

  /* The districts are cut from one topology: their borders are shared
   * exactly. Each shared edge counts twice among the rings' edges, once
   * among the borders and not at all in the outline. */
  guint ring_edges = 0;
  for (guint u = 0; u < 13; u++)
    {
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (basemap, u);
      for (guint r = 0; r < polygon->n_rings; r++)
        for (guint i = 0; i + 1 < polygon->rings[r].n_points; i++)
          ring_edges += polygon->rings[r].points[i].x != polygon->rings[r].points[i + 1].x ||
                        polygon->rings[r].points[i].y != polygon->rings[r].points[i + 1].y;
    }
  guint borders = ca_line_set_count_segments (ca_basemap_get_unit_borders (basemap));
  guint outline = ca_line_set_count_segments (ca_basemap_get_region_outline (basemap));
  g_assert_cmpuint (outline, <, borders);
  g_assert_cmpuint (borders, <, ring_edges);
  g_assert_cmpuint (2 * borders, ==, ring_edges + outline);

  /* Each unit's label point lies inside it, as far from its edge as the
   * deepest of a 21 × 21 grid of probes, within the 1 km it is found to. */
  const CaPoint *labels = ca_basemap_get_label_points (basemap);
  for (guint u = 0; u < 13; u++)
    {
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (basemap, u);
      CaBBox box;
      double deepest = 0, depth = ca_polygon_distance_to_edge (polygon, labels[u].x, labels[u].y);

      g_assert_true (ca_polygon_contains (polygon, labels[u].x, labels[u].y));
      ca_polygon_bbox (polygon, &box);
      for (int i = 0; i <= 20; i++)
        for (int j = 0; j <= 20; j++)
          {
            double x = box.min_x + (box.max_x - box.min_x) * i / 20.0;
            double y = box.min_y + (box.max_y - box.min_y) * j / 20.0;

            if (ca_polygon_contains (polygon, x, y))
              deepest = MAX (deepest, ca_polygon_distance_to_edge (polygon, x, y));
          }
      g_assert_cmpfloat (depth, >=, deepest - 1000.0);
    }
}

/* The raw ADM2 file carries no gb_id: the region's districts are dropped
 * from the context because their label points fall in unit polygons. */
static void
test_basemap_raw_file (void)
{
  if (maps_dir () == NULL)
    return;

  g_autofree char *dir = test_make_dir ();
  g_autofree char *raw_path = write_raw_adm2 (dir);
  g_autoptr (CaDataset) dataset = units_dataset (NULL);
  g_autoptr (GError) error = NULL;

  g_autoptr (CaBasemap) basemap = ca_basemap_load (dataset, raw_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ca_basemap_get_boundaries_path (basemap), ==, raw_path);
  g_assert_nonnull (strstr (ca_basemap_get_warnings (basemap), "has no .prj"));
  check_basemap (basemap, dataset);
  test_remove_dir (dir);
}

static void
test_basemap_other_crs (void)
{
  if (maps_dir () == NULL)
    return;

  g_autoptr (CaDataset) dataset = units_dataset (NULL);
  g_autoptr (GError) error = NULL;
  CaBBox extent;

  /* UTM 41N, central meridian 63°E at x = 500 km: the western edge
   * (53.7°E, about 9.3° × 71 km west at 50°N) falls below x = 0, the
   * eastern (64.2°E) a little east of 500 km. */
  ca_dataset_set_map_crs (dataset, "EPSG:32641");
  g_autoptr (CaBasemap) basemap = ca_basemap_load (dataset, NULL, &error);
  g_assert_no_error (error);
  ca_basemap_get_extent (basemap, &extent);
  g_assert_cmpfloat (extent.min_x, >, -300000.0);
  g_assert_cmpfloat (extent.min_x, <, 0.0);
  g_assert_cmpfloat (extent.max_x, >, 500000.0);
  g_assert_cmpfloat (extent.max_x, <, 700000.0);
  g_assert_cmpfloat (extent.min_y, >, 4.9e6);
  g_assert_cmpfloat (extent.max_y, <, 5.8e6);
  check_context_within (basemap);
}

static void
test_basemap_errors (void)
{
  g_autoptr (CaDataset) dataset = ca_dataset_new ();
  g_autoptr (GError) error = NULL;

  g_autoptr (CaBasemap) basemap = ca_basemap_load (dataset, "/nonexistent/boundaries.shp", &error);
  g_assert_null (basemap);
  g_assert_error (error, CA_SHAPEFILE_ERROR, CA_SHAPEFILE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "boundaries.shp"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/boundaries/shared-maps", test_shared_maps);
  g_test_add_func ("/boundaries/find", test_find);
  g_test_add_func ("/boundaries/join-code", test_join_by_code);
  g_test_add_func ("/boundaries/join-errors", test_join_errors);
  g_test_add_func ("/boundaries/join-shape-name", test_join_by_shape_name);
  g_test_add_func ("/basemap/load", test_basemap);
  g_test_add_func ("/basemap/raw-file", test_basemap_raw_file);
  g_test_add_func ("/basemap/other-crs", test_basemap_other_crs);
  g_test_add_func ("/basemap/errors", test_basemap_errors);

  return g_test_run ();
}
