/* make-seeds.c — writes the shapefile seed corpus: small synthetic
 * shapefiles made with shapelib (no real boundary data), each packed into
 * one fuzz input as fuzz-targets.h describes.
 *
 *   make-seeds OUTPUT-DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <shapefil.h>
#include <stdlib.h>

#include "fuzz-targets.h"

#define WGS84_PRJ                                                                              \
  "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," \
  "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"

#define UTM40_PRJ                                                                    \
  "PROJCS[\"WGS_1984_UTM_Zone_40N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","   \
  "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"        \
  "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"         \
  "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"          \
  "PARAMETER[\"Central_Meridian\",57.0],PARAMETER[\"Scale_Factor\",0.9996],"          \
  "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"

typedef struct
{
  int           type;
  int           n_parts;
  const int    *starts;
  int           n_points;
  const double *xy;        /* x0 y0 x1 y1 … */
} Shape;

/* Two fields: a code and a name, in the .dbf's own encoding. */
typedef struct
{
  const char *code;
  const char *name;
  double      value;
} Row;

static void
die (const char *what)
{
  g_printerr ("make-seeds: %s\n", what);
  exit (1);
}

static void
write_shapes (const char *stem, int type, const Shape *shapes, guint n)
{
  SHPHandle shp = SHPCreate (stem, type);

  if (shp == NULL)
    die ("cannot create the .shp");
  for (guint s = 0; s < n; s++)
    {
      const Shape *shape = &shapes[s];
      g_autofree double *x = g_new0 (double, MAX (shape->n_points, 1));
      g_autofree double *y = g_new0 (double, MAX (shape->n_points, 1));
      g_autofree double *z = g_new0 (double, MAX (shape->n_points, 1));
      g_autofree double *m = g_new0 (double, MAX (shape->n_points, 1));

      for (int i = 0; i < shape->n_points; i++)
        {
          x[i] = shape->xy[2 * i];
          y[i] = shape->xy[2 * i + 1];
          z[i] = 100.0 + i;
          m[i] = i;
        }
      SHPObject *object = SHPCreateObject (shape->type, -1, shape->n_parts, shape->starts, NULL,
                                           shape->n_points, x, y, z, m);
      if (SHPWriteObject (shp, -1, object) < 0)
        die ("cannot write a shape");
      SHPDestroyObject (object);
    }
  SHPClose (shp);
}

static void
write_dbf (const char *stem, const char *code_page, const Row *rows, guint n)
{
  g_autofree char *path = g_strconcat (stem, ".dbf", NULL);
  DBFHandle dbf = DBFCreateEx (path, code_page);

  if (dbf == NULL || DBFAddField (dbf, "code", FTString, 6, 0) != 0 ||
      DBFAddField (dbf, "name", FTString, 16, 0) != 1 ||
      DBFAddField (dbf, "value", FTDouble, 8, 2) != 2)
    die ("cannot create the .dbf");
  for (guint r = 0; r < n; r++)
    {
      if (rows[r].code == NULL)
        DBFWriteNULLAttribute (dbf, (int) r, 0);
      else
        DBFWriteStringAttribute (dbf, (int) r, 0, rows[r].code);
      DBFWriteStringAttribute (dbf, (int) r, 1, rows[r].name);
      DBFWriteDoubleAttribute (dbf, (int) r, 2, rows[r].value);
    }
  DBFClose (dbf);
}

static GBytes *
read_part (const char *stem, const char *ext, gboolean required)
{
  g_autofree char *path = g_strconcat (stem, ".", ext, NULL);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      if (required)
        die (path);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

static void
write_text (const char *stem, const char *ext, const char *text)
{
  g_autofree char *path = g_strconcat (stem, ".", ext, NULL);

  if (text != NULL && !g_file_set_contents (path, text, -1, NULL))
    die (path);
}

/* Packs @stem's parts into OUTPUT-DIR/@name; a part missing from disk
 * ends the list there (so no .prj means no .cpg either). */
static void
pack (const char *out_dir, const char *stem, const char *name)
{
  static const char *const exts[] = { "shp", "shx", "dbf", "prj", "cpg" };
  GBytes *bytes[FUZZ_N_PARTS] = { NULL };
  FuzzPart parts[FUZZ_N_PARTS];
  guint n = 0;

  for (; n < FUZZ_N_PARTS; n++)
    {
      bytes[n] = read_part (stem, exts[n], n < 3);
      if (bytes[n] == NULL)
        break;
      parts[n].data = g_bytes_get_data (bytes[n], &parts[n].length);
    }
  g_autoptr(GBytes) packed = fuzz_pack_parts (parts, n);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  gsize size = 0;
  const char *data = g_bytes_get_data (packed, &size);
  if (!g_file_set_contents (path, data, (gssize) size, NULL))
    die (path);
  g_print ("%s: %" G_GSIZE_FORMAT " bytes\n", name, size);
  for (guint i = 0; i < n; i++)
    g_bytes_unref (bytes[i]);
}

static char *
make_stem (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* A square with a square hole, and a closed triangle; UTF-8 names. */
static void
seed_polygons (const char *dir, const char *out)
{
  static const int starts[] = { 0, 5 };
  static const double square[] = { 0, 0, 0, 10, 10, 10, 10, 0, 0, 0,
                                   2, 2, 8, 2, 8, 8, 2, 8, 2, 2 };
  static const int one[] = { 0 };
  static const double triangle[] = { 20, 0, 25, 8, 30, 0, 20, 0 };
  const Shape shapes[] = {
    { SHPT_POLYGON, 2, starts, 10, square },
    { SHPT_POLYGON, 1, one, 4, triangle },
  };
  const Row rows[] = { { "AKT", "Ақтөбе", 218.5 }, { "ALG", "Алға", 9.25 } };
  g_autofree char *stem = make_stem (dir, "polygons");

  write_shapes (stem, SHPT_POLYGON, shapes, G_N_ELEMENTS (shapes));
  write_dbf (stem, "UTF-8", rows, G_N_ELEMENTS (rows));
  write_text (stem, "prj", WGS84_PRJ);
  write_text (stem, "cpg", "UTF-8");
  pack (out, stem, "polygons-wgs84");
}

/* Points with CP1251 names declared by the language driver, no .prj. */
static void
seed_points (const char *dir, const char *out)
{
  static const double a[] = { 57.2, 50.3 }, b[] = { 58.1, 49.9 }, c[] = { 61.5, 47.1 };
  const Shape shapes[] = {
    { SHPT_POINT, 0, NULL, 1, a }, { SHPT_POINT, 0, NULL, 1, b }, { SHPT_POINT, 0, NULL, 1, c },
  };
  /* "Актобе", "Алга", "Шалкар" in CP1251. */
  const Row rows[] = {
    { "AKT", "\xC0\xEA\xF2\xEE\xE1\xE5", 1 },
    { "ALG", "\xC0\xEB\xE3\xE0", 2 },
    { NULL, "\xD8\xE0\xEB\xEA\xE0\xF0", 3 },
  };
  g_autofree char *stem = make_stem (dir, "points");

  write_shapes (stem, SHPT_POINT, shapes, G_N_ELEMENTS (shapes));
  write_dbf (stem, "LDID/201", rows, G_N_ELEMENTS (rows));
  pack (out, stem, "points-cp1251");
}

/* PolygonZ in UTM metres: an empty record, an unclosed ring that the
 * loader closes, and an outer ring written clockwise. */
static void
seed_polygons_utm (const char *dir, const char *out)
{
  static const int one[] = { 0 };
  static const double open_ring[] = { 500000, 5500000, 510000, 5500000, 510000, 5510000,
                                      500000, 5510000 };
  static const double clockwise[] = { 520000, 5500000, 520000, 5510000, 530000, 5510000,
                                      530000, 5500000, 520000, 5500000 };
  const Shape shapes[] = {
    { SHPT_NULL, 0, NULL, 0, NULL },
    { SHPT_POLYGONZ, 1, one, 4, open_ring },
    { SHPT_POLYGONZ, 1, one, 5, clockwise },
  };
  const Row rows[] = { { "", "", 0 }, { "MAR", "Martuk", 1.5 }, { "KHO", "Khobda", 2.5 } };
  g_autofree char *stem = make_stem (dir, "utm");

  write_shapes (stem, SHPT_POLYGONZ, shapes, G_N_ELEMENTS (shapes));
  write_dbf (stem, "UTF-8", rows, G_N_ELEMENTS (rows));
  write_text (stem, "prj", UTM40_PRJ);
  pack (out, stem, "polygonz-utm");
}

/* MultiPointM with a .cpg naming a code page. */
static void
seed_multipoint (const char *dir, const char *out)
{
  static const double xy[] = { 1, 1, 2, 2, 3, 1 };
  const Shape shapes[] = { { SHPT_MULTIPOINTM, 0, NULL, 3, xy } };
  const Row rows[] = { { "IRG", "\xC8\xF0\xE3\xE8\xE7", 7 } };
  g_autofree char *stem = make_stem (dir, "multipoint");

  write_shapes (stem, SHPT_MULTIPOINTM, shapes, G_N_ELEMENTS (shapes));
  write_dbf (stem, NULL, rows, G_N_ELEMENTS (rows));
  write_text (stem, "prj", WGS84_PRJ);
  write_text (stem, "cpg", "1251");
  pack (out, stem, "multipointm-cpg1251");
}

/* A line layer: a type the loader refuses as neither kind. */
static void
seed_lines (const char *dir, const char *out)
{
  static const int one[] = { 0 };
  static const double xy[] = { 0, 0, 5, 5, 10, 0 };
  const Shape shapes[] = { { SHPT_ARC, 1, one, 3, xy } };
  const Row rows[] = { { "L1", "road", 0 } };
  g_autofree char *stem = make_stem (dir, "lines");

  write_shapes (stem, SHPT_ARC, shapes, G_N_ELEMENTS (shapes));
  write_dbf (stem, "UTF-8", rows, G_N_ELEMENTS (rows));
  pack (out, stem, "arc-unsupported");
}

/* A polygon file with no records at all. */
static void
seed_empty (const char *dir, const char *out)
{
  g_autofree char *stem = make_stem (dir, "empty");

  write_shapes (stem, SHPT_POLYGON, NULL, 0);
  write_dbf (stem, "UTF-8", NULL, 0);
  write_text (stem, "prj", WGS84_PRJ);
  pack (out, stem, "polygons-empty");
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: make-seeds OUTPUT-DIR\n");
      return 2;
    }
  g_autofree char *dir = g_dir_make_tmp ("ca-seeds-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (argv[1], 0755) != 0)
    die (error != NULL ? error->message : argv[1]);

  seed_polygons (dir, argv[1]);
  seed_points (dir, argv[1]);
  seed_polygons_utm (dir, argv[1]);
  seed_multipoint (dir, argv[1]);
  seed_lines (dir, argv[1]);
  seed_empty (dir, argv[1]);

  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  for (const char *name; listing != NULL && (name = g_dir_read_name (listing)) != NULL;)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return 0;
}
