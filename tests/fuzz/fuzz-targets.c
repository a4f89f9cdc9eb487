/* fuzz-targets.c — the loaders under fuzzing, with the promises they make
 * checked on every input: a refusal is a GError naming the file, never a
 * crash; what loads is well-formed, survives the analysis the program runs
 * next, and writes out and reads back unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ca-analysis.h"
#include "ca-csv.h"
#include "ca-project.h"
#include "ca-shapefile.h"
#include "fuzz-targets.h"

/* A broken promise: print it and abort, so the fuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...)                                          \
  G_STMT_START {                                                       \
    if (G_UNLIKELY (!(cond)))                                          \
      {                                                                \
        fprintf (stderr, "fuzz check failed: %s: ", #cond);           \
        fprintf (stderr, __VA_ARGS__);                                 \
        fputc ('\n', stderr);                                          \
        abort ();                                                      \
      }                                                                \
  } G_STMT_END

static const char *const part_names[FUZZ_N_PARTS] = {
  "fuzz.shp", "fuzz.shx", "fuzz.dbf", "fuzz.prj", "fuzz.cpg",
};

guint
fuzz_split_parts (const guint8 *data, gsize size, FuzzPart parts[FUZZ_N_PARTS])
{
  guint n = 0;

  while (n < FUZZ_N_PARTS && size >= 4)
    {
      guint32 length = (guint32) data[0] | (guint32) data[1] << 8 | (guint32) data[2] << 16 |
                       (guint32) data[3] << 24;
      data += 4;
      size -= 4;
      parts[n].data = data;
      parts[n].length = MIN ((gsize) length, size);
      data += parts[n].length;
      size -= parts[n].length;
      n++;
    }
  return n;
}

GBytes *
fuzz_pack_parts (const FuzzPart *parts, guint n_parts)
{
  GByteArray *out = g_byte_array_new ();

  for (guint i = 0; i < n_parts; i++)
    {
      guint32 length = (guint32) parts[i].length;
      guint8 prefix[4] = { length & 0xff, (length >> 8) & 0xff, (length >> 16) & 0xff,
                           length >> 24 };
      g_byte_array_append (out, prefix, 4);
      g_byte_array_append (out, parts[i].data, (guint) parts[i].length);
    }
  return g_byte_array_free_to_bytes (out);
}

/* Plain stdio: g_file_set_contents() would fsync on every input. */
static void
write_part (const char *path, const FuzzPart *part)
{
  FILE *file = fopen (path, "wb");

  FUZZ_CHECK (file != NULL, "%s: %s", path, g_strerror (errno));
  FUZZ_CHECK (part->length == 0 || fwrite (part->data, 1, part->length, file) == part->length,
              "%s: short write", path);
  FUZZ_CHECK (fclose (file) == 0, "%s: %s", path, g_strerror (errno));
}

void
fuzz_remove_dir (const char *dir)
{
  for (guint i = 0; i < FUZZ_N_PARTS; i++)
    {
      g_autofree char *path = g_build_filename (dir, part_names[i], NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* A refusal names the file the user chose, or one of its parts. */
static void
check_refusal (const GError *error, const char *name)
{
  FUZZ_CHECK (error != NULL, "failure without an error");
  FUZZ_CHECK (error->message != NULL && g_utf8_validate (error->message, -1, NULL),
              "error message not UTF-8");
  FUZZ_CHECK (strstr (error->message, name) != NULL, "“%s” does not name %s", error->message,
              name);
}

static void
check_finite (CaPoint point, guint feature)
{
  FUZZ_CHECK (isfinite (point.x) && isfinite (point.y), "feature %u: point (%g, %g)", feature,
              point.x, point.y);
}

/* Rings as ca-geometry.h promises them; then the geometry the map and the
 * labels compute from them, which must finish on any loaded polygon. */
static void
check_polygon (const CaPolygon *polygon, guint feature)
{
  CaBBox bbox;

  FUZZ_CHECK (polygon != NULL && polygon->n_rings > 0, "feature %u: no polygon", feature);
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const CaRing *ring = &polygon->rings[r];

      FUZZ_CHECK (ring->n_points >= 4, "feature %u, ring %u: %u points", feature, r,
                  ring->n_points);
      FUZZ_CHECK (ring->points[0].x == ring->points[ring->n_points - 1].x &&
                  ring->points[0].y == ring->points[ring->n_points - 1].y,
                  "feature %u, ring %u: not closed", feature, r);
      for (guint i = 0; i < ring->n_points; i++)
        check_finite (ring->points[i], feature);
    }
  ca_polygon_bbox (polygon, &bbox);
  CaPoint centroid = ca_polygon_centroid (polygon);
  double extent = MAX (bbox.max_x - bbox.min_x, bbox.max_y - bbox.min_y);
  CaPoint label = ca_polygon_label_point (polygon, extent / 10.0, NULL);
  volatile double sink = ca_polygon_area (polygon) + centroid.x + label.y;
  sink += ca_polygon_contains (polygon, label.x, label.y);
  (void) sink;
}

static void
check_layer (CaLayer *layer, CaLayerKind kind)
{
  guint n_fields = ca_layer_get_n_fields (layer);
  CaBBox extent;

  FUZZ_CHECK (ca_layer_get_kind (layer) == kind, "wrong kind");
  FUZZ_CHECK (ca_layer_get_crs (layer) != NULL, "no CRS");
  for (guint f = 0; f < n_fields; f++)
    FUZZ_CHECK (g_utf8_validate (ca_layer_get_field_name (layer, f), -1, NULL),
                "field %u: name not UTF-8", f);
  for (guint i = 0; i < ca_layer_get_n_features (layer); i++)
    {
      const CaFeature *feature = ca_layer_get_feature (layer, i);

      FUZZ_CHECK (feature->values != NULL && g_strv_length (feature->values) == n_fields,
                  "feature %u: values do not match the fields", i);
      for (guint f = 0; f < n_fields; f++)
        FUZZ_CHECK (g_utf8_validate (feature->values[f], -1, NULL), "feature %u, field %u: not UTF-8",
                    i, f);
      if (kind == CA_LAYER_POLYGONS)
        check_polygon (feature->polygon, i);
      else
        check_finite (feature->point, i);
    }
  ca_layer_get_extent (layer, &extent);
}

void
fuzz_shapefile_write (const char *dir, const guint8 *data, gsize size)
{
  FuzzPart parts[FUZZ_N_PARTS];
  guint n = fuzz_split_parts (data, size, parts);

  for (guint i = 0; i < FUZZ_N_PARTS; i++)
    {
      g_autofree char *path = g_build_filename (dir, part_names[i], NULL);

      if (i < n)
        write_part (path, &parts[i]);
      else
        g_remove (path);
    }
}

gboolean
fuzz_shapefile_load (const char *dir, CaLayerKind kind, GError **error)
{
  g_autofree char *shp = g_build_filename (dir, part_names[0], NULL);
  g_autofree char *warning = NULL;
  g_autoptr(CaLayer) layer = ca_shapefile_load (shp, kind, NULL, &warning, error);
  if (layer == NULL)
    {
      check_refusal (*error, "fuzz.");
      return FALSE;
    }
  FUZZ_CHECK (warning == NULL || g_utf8_validate (warning, -1, NULL), "warning not UTF-8");
  check_layer (layer, kind);
  return TRUE;
}

gboolean
fuzz_shapefile_run (const char *dir, const guint8 *data, gsize size, CaLayerKind kind,
                    GError **error)
{
  fuzz_shapefile_write (dir, data, size);
  return fuzz_shapefile_load (dir, kind, error);
}

/* The analysis the window and the CLI run as soon as data is in. */
static void
run_analysis (CaDataset *dataset)
{
  g_autoptr(CaAnalysis) analysis = ca_analysis_new (dataset);
  gboolean computed = FALSE;
  double breaks[2];

  ca_analysis_get_composite (analysis);
  ca_analysis_get_breaks (analysis, breaks);
  ca_analysis_get_lq (analysis, &computed);
  FUZZ_CHECK (ca_analysis_get_proposals (analysis) != NULL, "no proposals");
}

gboolean
fuzz_project_run (const guint8 *data, gsize size, GError **error)
{
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(CaDataset) again = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0, length_again = 0;

  dataset = ca_project_load_from_data ((const char *) data, size, "fuzz.caproj", error);
  if (dataset == NULL)
    {
      check_refusal (*error, "fuzz.caproj");
      return FALSE;
    }
  run_analysis (dataset);

  text = ca_project_to_string (dataset, &length);
  again = ca_project_load_from_data (text, length, "saved.caproj", &again_error);
  FUZZ_CHECK (again != NULL, "the saved project does not load: %s\n%s", again_error->message,
              text);
  text_again = ca_project_to_string (again, &length_again);
  FUZZ_CHECK (length == length_again && memcmp (text, text_again, length) == 0,
              "saving the reloaded project gives another text:\n%s\n---\n%s", text, text_again);
  return TRUE;
}

static gboolean
same_number (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Every indicator value of @a equals @b's (NAN equal to NAN). */
static gboolean
same_values (CaDataset *a, CaDataset *b, guint *unit, guint *indicator)
{
  for (guint u = 0; u < ca_dataset_get_n_units (a); u++)
    for (guint i = 0; i < ca_dataset_get_n_indicators (a); i++)
      if (!same_number (ca_dataset_get_value (a, u, i), ca_dataset_get_value (b, u, i)))
        {
          *unit = u;
          *indicator = i;
          return FALSE;
        }
  return TRUE;
}

/* Imported values written out and read into a fresh copy come back equal. */
static void
check_indicator_round_trip (CaDataset *pristine, CaDataset *imported)
{
  g_autoptr(CaDataset) copy = ca_dataset_copy (pristine);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ca_csv_write_indicators (imported);
  guint u = 0, i = 0;

  FUZZ_CHECK (ca_csv_import_indicators_from_data (copy, text, strlen (text), "saved.csv", &error),
              "written indicators do not read back: %s\n%s", error->message, text);
  FUZZ_CHECK (same_values (copy, imported, &u, &i), "unit %u, indicator %u: %g read back as %g",
              u, i, ca_dataset_get_value (imported, u, i), ca_dataset_get_value (copy, u, i));
}

static void
check_matrix_round_trip (CaDataset *dataset, const CaMatrix *matrix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ca_csv_write_matrix (dataset, matrix);
  g_autoptr(CaMatrix) again = ca_csv_read_industry_matrix_from_data (dataset, text, strlen (text),
                                                                     "saved.csv", &error);

  FUZZ_CHECK (again != NULL, "the written matrix does not read back: %s\n%s", error->message,
              text);
  FUZZ_CHECK (again->industries->len == matrix->industries->len, "industry count changed");
  for (guint j = 0; j < matrix->industries->len; j++)
    FUZZ_CHECK (strcmp (g_ptr_array_index (again->industries, j),
                        g_ptr_array_index (matrix->industries, j)) == 0,
                "industry %u renamed", j);
  for (guint u = 0; u < matrix->n_units; u++)
    for (guint j = 0; j < matrix->industries->len; j++)
      FUZZ_CHECK (same_number (ca_matrix_get (again, u, j), ca_matrix_get (matrix, u, j)),
                  "cell %u,%u changed", u, j);
}

static gboolean
run_csv_parse (const char *text, gsize size, GError **error)
{
  g_autoptr(CaCsvTable) table = ca_csv_parse (text, size, "fuzz.csv", error);

  if (table == NULL)
    {
      check_refusal (*error, "fuzz.csv");
      return FALSE;
    }
  FUZZ_CHECK (table->header != NULL && table->rows->len == table->lines->len, "bad table");
  return TRUE;
}

static gboolean
run_csv_indicators (CaDataset *pristine, CaDataset *work, const char *text, gsize size,
                    GError **error)
{
  guint u = 0, i = 0;

  if (!ca_csv_import_indicators_from_data (work, text, size, "fuzz.csv", error))
    {
      check_refusal (*error, "fuzz.csv");
      FUZZ_CHECK (same_values (work, pristine, &u, &i),
                  "a refused import changed unit %u, indicator %u", u, i);
      return FALSE;
    }
  check_indicator_round_trip (pristine, work);
  run_analysis (work);
  ca_dataset_assign (work, pristine);
  return TRUE;
}

static gboolean
run_csv_matrix (CaDataset *pristine, CaDataset *work, const char *text, gsize size,
                GError **error)
{
  CaMatrix *matrix = ca_csv_read_industry_matrix_from_data (work, text, size, "fuzz.csv", error);

  if (matrix == NULL)
    {
      check_refusal (*error, "fuzz.csv");
      return FALSE;
    }
  check_matrix_round_trip (work, matrix);
  ca_dataset_set_industry_matrix (work, matrix);
  run_analysis (work);
  ca_dataset_assign (work, pristine);
  return TRUE;
}

gboolean
fuzz_csv_run (CaDataset *pristine, CaDataset *work, FuzzCsvLoader loader, const guint8 *data,
              gsize size, GError **error)
{
  const char *text = (const char *) data;

  switch (loader)
    {
    case FUZZ_CSV_PARSE:
      return run_csv_parse (text, size, error);
    case FUZZ_CSV_INDICATORS:
      return run_csv_indicators (pristine, work, text, size, error);
    case FUZZ_CSV_MATRIX:
    default:
      return run_csv_matrix (pristine, work, text, size, error);
    }
}
