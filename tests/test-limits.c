/* test-limits.c — hostile sizes: 2 GB files (sparse, so they take no disk),
 * a .dbf claiming a million records, an XML entity bomb, a CSV with a
 * million columns. Each must be refused with an error; the time and the
 * growth of the peak RSS are printed (not asserted: machines differ).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ca-csv.h"
#include "ca-project.h"
#include "ca-shapefile.h"

#define TWO_GB ((goffset) 2 * 1024 * 1024 * 1024)
#define SHP_POLYGON 5
#define SHP_POINT 1

typedef struct
{
  char   *dir;
  gint64  start_us;
  glong   start_rss_kb;
} Fixture;

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ca-test-limits-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The clock and the RSS high-water mark start after the inputs exist. */
static void
measure_start (Fixture *fixture)
{
  fixture->start_rss_kb = peak_rss_kb ();
  fixture->start_us = g_get_monotonic_time ();
}

static void
measure_report (Fixture *fixture, const GError *error)
{
  double seconds = (g_get_monotonic_time () - fixture->start_us) / 1e6;
  glong rss = peak_rss_kb ();

  g_test_message ("refused in %.3f s; peak RSS %ld KiB (grew by %ld KiB): %s", seconds, rss,
                  rss - fixture->start_rss_kb, error != NULL ? error->message : "(no error)");
}

/* Writes @head at the start of @name and extends the file to @size
 * without writing the rest: a sparse file. */
static char *
write_sparse (Fixture *fixture, const char *name, const void *head, gsize head_len, goffset size)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, head, head_len), ==, (gssize) head_len);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  return path;
}

static char *
write_file (Fixture *fixture, const char *name, const void *data, gsize length)
{
  return write_sparse (fixture, name, data, length, (goffset) length);
}

static void
put_be32 (guint8 *p, guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static void
put_le32 (guint8 *p, guint32 v)
{
  p[0] = v;
  p[1] = v >> 8;
  p[2] = v >> 16;
  p[3] = v >> 24;
}

/* The 100-byte .shp/.shx header declaring @size bytes of shapes of @type. */
static void
shp_header (guint8 header[100], goffset size, guint32 type)
{
  memset (header, 0, 100);
  put_be32 (header, 9994);
  put_be32 (header + 24, (guint32) (size / 2));
  put_le32 (header + 28, 1000);
  put_le32 (header + 32, type);
}

/* A .dbf with no fields whose header claims @n_records. */
static char *
write_dbf (Fixture *fixture, const char *name, guint32 n_records, gsize records_on_disk)
{
  g_autofree guint8 *dbf = g_malloc0 (33 + records_on_disk + 1);

  dbf[0] = 0x03;
  dbf[1] = 124;
  dbf[2] = 1;
  dbf[3] = 1;
  put_le32 (dbf + 4, n_records);
  dbf[8] = 33;          /* header length: 32 + the terminator */
  dbf[10] = 1;          /* record length: the deletion flag alone */
  dbf[32] = 0x0d;
  memset (dbf + 33, ' ', records_on_disk);
  dbf[33 + records_on_disk] = 0x1a;
  return write_file (fixture, name, dbf, 33 + records_on_disk + 1);
}

/* A valid one-point shapefile @stem.shp/.shx/.dbf. */
static char *
write_one_point (Fixture *fixture, const char *stem)
{
  guint8 shp[128] = { 0 }, shx[108];
  g_autofree char *shx_name = g_strconcat (stem, ".shx", NULL);
  g_autofree char *dbf_name = g_strconcat (stem, ".dbf", NULL);
  g_autofree char *shp_name = g_strconcat (stem, ".shp", NULL);
  double xy[2] = { 57.2, 50.3 };

  shp_header (shp, sizeof shp, SHP_POINT);
  put_be32 (shp + 100, 1);
  put_be32 (shp + 104, 10);
  put_le32 (shp + 108, SHP_POINT);
  memcpy (shp + 112, xy, sizeof xy);   /* little-endian doubles on x86 and arm */
  shp_header (shx, sizeof shx, SHP_POINT);
  put_be32 (shx + 100, 50);
  put_be32 (shx + 104, 10);
  g_free (write_file (fixture, shx_name, shx, sizeof shx));
  g_free (write_dbf (fixture, dbf_name, 1, 1));
  return write_file (fixture, shp_name, shp, sizeof shp);
}

static void
assert_shapefile_refused (Fixture *fixture, const char *path, CaLayerKind kind, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaLayer) layer = NULL;

  measure_start (fixture);
  layer = ca_shapefile_load (path, kind, NULL, NULL, &error);
  measure_report (fixture, error);
  g_assert_null (layer);
  g_assert_error (error, CA_SHAPEFILE_ERROR, code);
}

/* A 2 GB .shp whose one record claims a polygon of 134 million points:
 * more vertices than the limit, refused before shapelib allocates. */
static void
test_shp_two_gb (Fixture *fixture, gconstpointer data)
{
  guint8 head[152] = { 0 }, shx[108];
  guint32 content = (guint32) ((TWO_GB - 108) / 2);
  guint32 points = (guint32) ((TWO_GB - 108 - 48) / 16);

  shp_header (head, TWO_GB, SHP_POLYGON);
  put_be32 (head + 100, 1);
  put_be32 (head + 104, content);
  put_le32 (head + 108, SHP_POLYGON);
  put_le32 (head + 144, 1);
  put_le32 (head + 148, points);
  g_autofree char *shp = write_sparse (fixture, "huge.shp", head, sizeof head, TWO_GB);
  shp_header (shx, sizeof shx, SHP_POLYGON);
  put_be32 (shx + 100, 50);
  put_be32 (shx + 104, content);
  g_free (write_file (fixture, "huge.shx", shx, sizeof shx));
  g_free (write_dbf (fixture, "huge.dbf", 1, 1));

  assert_shapefile_refused (fixture, shp, CA_LAYER_POLYGONS, CA_SHAPEFILE_ERROR_TOO_LARGE);
}

/* A 2 GB .shx: 268 million index entries, over the feature limit; the
 * index must not be read into memory to find that out. */
static void
test_shx_two_gb (Fixture *fixture, gconstpointer data)
{
  guint8 shp[100], shx[100];

  shp_header (shp, sizeof shp, SHP_POLYGON);
  shp_header (shx, TWO_GB, SHP_POLYGON);
  g_autofree char *path = write_file (fixture, "index.shp", shp, sizeof shp);
  g_free (write_sparse (fixture, "index.shx", shx, sizeof shx, TWO_GB + 4));
  g_free (write_dbf (fixture, "index.dbf", 0, 0));

  assert_shapefile_refused (fixture, path, CA_LAYER_POLYGONS, CA_SHAPEFILE_ERROR_TOO_LARGE);
}

/* A .dbf claiming a million records beside a one-record .shp. */
static void
test_dbf_million_records (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_one_point (fixture, "towns");

  g_free (write_dbf (fixture, "towns.dbf", 1000000, 1));
  assert_shapefile_refused (fixture, path, CA_LAYER_POINTS, CA_SHAPEFILE_ERROR_CORRUPT);
}

/* The same claim with the bytes really there (a sparse 2 GB .dbf) still
 * disagrees with the .shp and is refused before any record is read. */
static void
test_dbf_two_gb (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_one_point (fixture, "wells");
  guint8 head[34] = { 0x03, 124, 1, 1 };

  put_le32 (head + 4, 1000000);
  head[8] = 33;
  put_le32 (head + 10, 2000);   /* record length 2000 (16 bits) */
  head[32] = 0x0d;
  g_free (write_sparse (fixture, "wells.dbf", head, sizeof head, TWO_GB));
  assert_shapefile_refused (fixture, path, CA_LAYER_POINTS, CA_SHAPEFILE_ERROR_CORRUPT);
}

/* A 2 GB .prj beside a valid shapefile. */
static void
test_prj_two_gb (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_one_point (fixture, "crs");
  const char *head = "GEOGCS[\"GCS_WGS_1984\",";

  g_free (write_sparse (fixture, "crs.prj", head, strlen (head), TWO_GB));
  assert_shapefile_refused (fixture, path, CA_LAYER_POINTS, CA_SHAPEFILE_ERROR_CRS);
}

/* A 2 GB CSV, as indicator values and as an industry matrix. */
static void
test_csv_two_gb (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) matrix_error = NULL;
  g_autoptr(CaDataset) dataset = ca_project_load_default (&error);
  const char *head = "code,density\nAKT,218\n";

  g_assert_no_error (error);
  g_autofree char *path = write_sparse (fixture, "huge.csv", head, strlen (head), TWO_GB);

  measure_start (fixture);
  g_assert_false (ca_csv_import_indicators (dataset, path, &error));
  measure_report (fixture, error);
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv"));

  measure_start (fixture);
  g_assert_null (ca_csv_read_industry_matrix (dataset, path, &matrix_error));
  measure_report (fixture, matrix_error);
  g_assert_error (matrix_error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
}

/* A 2 GB project file. */
static void
test_project_two_gb (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;
  const char *head = "<?xml version=\"1.0\"?>\n<cluster-atlas-project version=\"1\">\n";
  g_autofree char *path = write_sparse (fixture, "huge.caproj", head, strlen (head), TWO_GB);

  measure_start (fixture);
  dataset = ca_project_load (path, &error);
  measure_report (fixture, error);
  g_assert_null (dataset);
  g_assert_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "huge.caproj"));
}

/* "Billion laughs": ten levels of ten references, 10^9 copies of "lol". */
static void
test_entity_bomb (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE bomb [\n"
                                         "  <!ENTITY e0 \"lol\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;

  for (int level = 1; level <= 9; level++)
    {
      g_string_append_printf (xml, "  <!ENTITY e%d \"", level);
      for (int i = 0; i < 10; i++)
        g_string_append_printf (xml, "&e%d;", level - 1);
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n<cluster-atlas-project version=\"1\">"
                        "<title en=\"&e9;\"/></cluster-atlas-project>\n");
  g_free (write_file (fixture, "bomb.caproj", xml->str, xml->len));

  measure_start (fixture);
  dataset = ca_project_load_from_data (xml->str, xml->len, "bomb.caproj", &error);
  measure_report (fixture, error);
  g_assert_null (dataset);
  g_assert_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bomb.caproj"));
}

/* A million nested elements: the parser's depth limit refuses them. */
static void
test_deep_nesting (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GString) xml = g_string_new ("<cluster-atlas-project version=\"1\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = NULL;

  for (int i = 0; i < 1000000; i++)
    g_string_append (xml, "<a>");

  measure_start (fixture);
  dataset = ca_project_load_from_data (xml->str, xml->len, "deep.caproj", &error);
  measure_report (fixture, error);
  g_assert_null (dataset);
  g_assert_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "deep.caproj"));
}

/* A header row of a million columns. */
static void
test_csv_million_columns (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) matrix_error = NULL;
  g_autoptr(CaDataset) dataset = ca_project_load_default (&error);
  g_autoptr(GString) csv = g_string_new ("code");

  g_assert_no_error (error);
  for (int i = 0; i < 1000000; i++)
    g_string_append (csv, ",x");
  g_string_append (csv, "\nAKT\n");

  measure_start (fixture);
  g_assert_false (ca_csv_import_indicators_from_data (dataset, csv->str, csv->len, "wide.csv",
                                                      &error));
  measure_report (fixture, error);
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "wide.csv"));

  measure_start (fixture);
  g_assert_null (ca_csv_read_industry_matrix_from_data (dataset, csv->str, csv->len, "wide.csv",
                                                        &matrix_error));
  measure_report (fixture, matrix_error);
  g_assert_error (matrix_error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
}

/* Two million rows (the limit is one million). */
static void
test_csv_two_million_rows (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("code,density\n");
  g_autoptr(CaCsvTable) table = NULL;

  for (int i = 0; i < 2000000; i++)
    g_string_append (csv, "AKT,1\n");

  measure_start (fixture);
  table = ca_csv_parse (csv->str, csv->len, "long.csv", &error);
  measure_report (fixture, error);
  g_assert_null (table);
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "long.csv"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/limits/shp-2gb", test_shp_two_gb);
  ADD ("/limits/shx-2gb", test_shx_two_gb);
  ADD ("/limits/dbf-million-records", test_dbf_million_records);
  ADD ("/limits/dbf-2gb", test_dbf_two_gb);
  ADD ("/limits/prj-2gb", test_prj_two_gb);
  ADD ("/limits/csv-2gb", test_csv_two_gb);
  ADD ("/limits/project-2gb", test_project_two_gb);
  ADD ("/limits/xml-entity-bomb", test_entity_bomb);
  ADD ("/limits/xml-deep-nesting", test_deep_nesting);
  ADD ("/limits/csv-million-columns", test_csv_million_columns);
  ADD ("/limits/csv-two-million-rows", test_csv_two_million_rows);
#undef ADD
  return g_test_run ();
}
