/* ca-shapefile.c — reads ESRI shapefiles into a CaLayer.
 *
 * shapelib does the parsing, but only after the index, the record headers
 * and the part/point counts were checked here against the real file sizes:
 * a damaged file must give a clear error naming file and record, never a
 * crash or a huge allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <string.h>

#include "ca-proj.h"
#include "ca-shapefile-private.h"
#include "ca-shapefile.h"

G_DEFINE_QUARK (ca-shapefile-error-quark, ca_shapefile_error)

#define DEFAULT_MAX_FEATURES 1000000u
#define DEFAULT_MAX_VERTICES 50000000u
#define MAX_PRJ_BYTES (256 * 1024)
#define SHP_HEADER_BYTES 100
#define SHP_FILE_CODE 9994
/* Record header (8) + shape type, bbox, nParts, nPoints (44). */
#define RECORD_PEEK_BYTES 52
/* No coordinate system on Earth needs more (degrees, metres or feet, false
 * eastings included); beyond it a value is damage, and squared distances
 * computed from it would overflow. */
#define MAX_ABS_COORDINATE 1e10

/* What the checks before shapelib learnt about the .shp. */
typedef struct
{
  char   *name;           /* base name of the .shp, for messages */
  int     shape_type;
  guint   n_records;
  guint64 n_vertices;
  guint   max_features;
  guint   max_vertices;
} ShpCheck;

gboolean
ca_shapefile_fail (GError **error, CaShapefileError code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CA_SHAPEFILE_ERROR, code, message);
  return FALSE;
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gint32
read_le32 (const guchar *p)
{
  return (gint32) (((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0]);
}

/* @stem.ext or @stem.EXT, whichever exists. */
static char *
find_sibling (const char *stem, const char *ext)
{
  g_autofree char *lower = g_strconcat (stem, ".", ext, NULL);
  if (g_file_test (lower, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&lower);

  g_autofree char *upper_ext = g_ascii_strup (ext, -1);
  g_autofree char *upper = g_strconcat (stem, ".", upper_ext, NULL);
  if (g_file_test (upper, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&upper);
  return NULL;
}

static gboolean
file_size (const char *path, const char *name, goffset *size, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_NOT_FOUND, _("Cannot read %s: %s"),
                                name, g_strerror (saved));
    }
  *size = st.st_size;
  return TRUE;
}

static gboolean
is_polygon_type (int type)
{
  return type == SHPT_POLYGON || type == SHPT_POLYGONZ || type == SHPT_POLYGONM;
}

static gboolean
is_point_type (int type)
{
  return type == SHPT_POINT || type == SHPT_POINTZ || type == SHPT_POINTM ||
         type == SHPT_MULTIPOINT || type == SHPT_MULTIPOINTZ || type == SHPT_MULTIPOINTM;
}

static gboolean
is_multipoint_type (int type)
{
  return type == SHPT_MULTIPOINT || type == SHPT_MULTIPOINTZ || type == SHPT_MULTIPOINTM;
}

/* The 100-byte header shared by .shp and .shx. */
static gboolean
check_header (const guchar *header, goffset size, const char *name, int *shape_type,
              GError **error)
{
  if (size < SHP_HEADER_BYTES || read_be32 (header) != SHP_FILE_CODE)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s is not a shapefile part (bad header)"), name);

  guint64 declared = (guint64) read_be32 (header + 24) * 2;
  if (declared > (guint64) size)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s is truncated: its header says %llu bytes, the file has %lld"),
                              name, (unsigned long long) declared, (long long) size);
  *shape_type = read_le32 (header + 32);
  return TRUE;
}

/* @length bytes at @offset of @file, if it has them. */
static gboolean
read_exactly (GBytes *file, goffset offset, guchar *buffer, gsize length)
{
  gsize size;
  const guchar *data = g_bytes_get_data (file, &size);

  if (offset < 0 || (gsize) offset > size || length > size - (gsize) offset)
    return FALSE;
  memcpy (buffer, data + offset, length);
  return TRUE;
}

/* Checks one record's header and counts before shapelib allocates for it. */
static gboolean
precheck_record (ShpCheck *check, GBytes *shp, guint record, guint64 offset, guint64 length,
                 GError **error)
{
  guchar peek[RECORD_PEEK_BYTES] = { 0 };
  gsize want = (gsize) MIN (length + 8, (guint64) RECORD_PEEK_BYTES);

  if (length < 4 || !read_exactly (shp, (goffset) offset, peek, want))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s, record %u: the record cannot be read"), check->name, record);
  if ((guint64) read_be32 (peek + 4) * 2 != length)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s, record %u: record length disagrees with the .shx index"),
                              check->name, record);

  int type = read_le32 (peek + 8);
  if (type == SHPT_NULL)
    return TRUE;
  if (type != check->shape_type)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s, record %u: shape type %d in a file of type %d"),
                              check->name, record, type, check->shape_type);

  if (is_polygon_type (type))
    {
      gint32 parts = want >= 52 ? read_le32 (peek + 44) : -1;
      gint32 points = want >= 52 ? read_le32 (peek + 48) : -1;
      if (parts < 1 || points < 1 || parts > points ||
          44 + 4 * (guint64) parts + 16 * (guint64) points > length)
        return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                  _("%s, record %u: impossible part or point count"),
                                  check->name, record);
      check->n_vertices += (guint64) points;
    }
  else if (is_multipoint_type (type))
    {
      gint32 points = want >= 44 ? read_le32 (peek + 44) : -1;
      if (points < 0 || 40 + 16 * (guint64) points > length)
        return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                  _("%s, record %u: impossible point count"), check->name, record);
      check->n_vertices += (guint64) points;
    }
  else if (length < 20)
    {
      return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                _("%s, record %u: point record too short"), check->name, record);
    }

  if (check->n_vertices > check->max_vertices)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_TOO_LARGE,
                              _("%s, record %u: more than %u vertices in the file"),
                              check->name, record, check->max_vertices);
  return TRUE;
}

/* Validates .shp and .shx: headers, sizes, and every index entry. */
static gboolean
shp_precheck (ShpCheck *check, const char *shp_path, const char *shx_path,
                       GError **error)
{
  g_autofree char *shx_name = g_path_get_basename (shx_path);
  g_autofree guchar *shx = NULL;
  gsize shx_size = 0;
  goffset shp_size = 0;
  guchar header[SHP_HEADER_BYTES];
  int shx_type = 0;
  g_autoptr (GError) local_error = NULL;
  goffset shx_disk_size = 0;

  /* The index size alone tells the record count: refuse a huge index
   * before reading it into memory. */
  if (!file_size (shx_path, shx_name, &shx_disk_size, error))
    return FALSE;
  if (shx_disk_size > SHP_HEADER_BYTES &&
      (guint64) (shx_disk_size - SHP_HEADER_BYTES) / 8 > check->max_features)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_TOO_LARGE,
                              _("%s has %u records; at most %u can be read"), check->name,
                              (guint) MIN ((guint64) (shx_disk_size - SHP_HEADER_BYTES) / 8,
                                           (guint64) G_MAXUINT),
                              check->max_features);
  if (!g_file_get_contents (shx_path, (char **) &shx, &shx_size, &local_error))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_NOT_FOUND, _("Cannot read %s: %s"),
                              shx_name, local_error->message);
  if (!check_header (shx, (goffset) shx_size, shx_name, &shx_type, error))
    return FALSE;
  if ((shx_size - SHP_HEADER_BYTES) % 8 != 0)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s has a partial index entry: %" G_GSIZE_FORMAT " bytes"),
                              shx_name, shx_size);

  if (!file_size (shp_path, check->name, &shp_size, error))
    return FALSE;
  /* Read whole, not through stdio: a seek per record would be a system
   * call per record. (Not mapped: another program truncating the file
   * meanwhile would crash the reader.) */
  g_autofree char *shp_data = NULL;
  gsize shp_length = 0;
  if (!g_file_get_contents (shp_path, &shp_data, &shp_length, &local_error))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_NOT_FOUND, _("Cannot read %s: %s"),
                              check->name, local_error->message);
  g_autoptr (GBytes) shp = g_bytes_new_static (shp_data, shp_length);
  gboolean ok = FALSE;
  if (shp_size < SHP_HEADER_BYTES || !read_exactly (shp, 0, header, SHP_HEADER_BYTES))
    ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                       _("%s is not a shapefile (shorter than its header)"), check->name);
  else if (check_header (header, shp_size, check->name, &check->shape_type, error))
    {
      check->n_records = (guint) MIN ((shx_size - SHP_HEADER_BYTES) / 8, (gsize) G_MAXUINT);
      ok = TRUE;
      if (shx_type != check->shape_type)
        ok = ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                _("%s and %s disagree on the shape type"), check->name, shx_name);
      else if (check->n_records > check->max_features)
        ok = ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_TOO_LARGE,
                                _("%s has %u records; at most %u can be read"),
                                check->name, check->n_records, check->max_features);
    }

  for (guint i = 0; ok && i < check->n_records; i++)
    {
      const guchar *entry = shx + SHP_HEADER_BYTES + 8 * (gsize) i;
      guint64 offset = (guint64) read_be32 (entry) * 2;
      guint64 length = (guint64) read_be32 (entry + 4) * 2;
      if (offset < SHP_HEADER_BYTES || offset + 8 + length > (guint64) shp_size)
        ok = ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                _("%s, record %u: the index %s points outside the file "
                                  "(truncated .shp or damaged .shx)"),
                                check->name, i + 1, shx_name);
      else
        ok = precheck_record (check, shp, i + 1, offset, length, error);
    }
  return ok;
}

static gboolean
check_coordinates (const SHPObject *shape, const char *name, guint record, GError **error)
{
  for (int i = 0; i < shape->nVertices; i++)
    if (!isfinite (shape->padfX[i]) || !isfinite (shape->padfY[i]) ||
        fabs (shape->padfX[i]) > MAX_ABS_COORDINATE || fabs (shape->padfY[i]) > MAX_ABS_COORDINATE)
      return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                _("%s, record %u: point %d has an invalid coordinate (%g, %g)"),
                                name, record, i + 1, shape->padfX[i], shape->padfY[i]);
  return TRUE;
}

static CaPolygon *
build_polygon (const SHPObject *shape, const char *name, guint record, GError **error)
{
  if (shape->nParts < 1 || shape->nVertices < 4 || shape->panPartStart == NULL ||
      shape->panPartStart[0] != 0)
    {
      ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                         _("%s, record %u: the polygon has no valid parts"), name, record);
      return NULL;
    }
  if (!check_coordinates (shape, name, record, error))
    return NULL;

  g_autoptr (CaPolygon) polygon = ca_polygon_new ();
  polygon->rings = g_new0 (CaRing, shape->nParts);
  for (int p = 0; p < shape->nParts; p++)
    {
      int start = shape->panPartStart[p];
      int end = p + 1 < shape->nParts ? shape->panPartStart[p + 1] : shape->nVertices;
      if (start < 0 || end > shape->nVertices || end < start)
        {
          ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                             _("%s, record %u: part %d starts at an impossible index"),
                             name, record, p + 1);
          return NULL;
        }
      if (end - start < 4)
        {
          ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                             _("%s, record %u: ring %d has %d points (a ring needs at least 4)"),
                             name, record, p + 1, end - start);
          return NULL;
        }

      /* Unclosed rings are closed rather than refused. */
      gboolean closed = shape->padfX[start] == shape->padfX[end - 1] &&
                        shape->padfY[start] == shape->padfY[end - 1];
      guint n = (guint) (end - start) + (closed ? 0 : 1);
      CaRing *ring = &polygon->rings[polygon->n_rings++];
      ring->points = g_new (CaPoint, n);
      ring->n_points = n;
      for (int i = start; i < end; i++)
        {
          ring->points[i - start].x = shape->padfX[i];
          ring->points[i - start].y = shape->padfY[i];
        }
      if (!closed)
        ring->points[n - 1] = ring->points[0];
    }
  ca_polygon_classify_rings (polygon);
  return g_steal_pointer (&polygon);
}

static gboolean
check_kind (const ShpCheck *check, CaLayerKind kind, GError **error)
{
  int type = check->shape_type;
  gboolean want_polygons = kind == CA_LAYER_POLYGONS;

  if (want_polygons ? is_polygon_type (type) : is_point_type (type))
    return TRUE;
  if (want_polygons ? is_point_type (type) : is_polygon_type (type))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_WRONG_KIND,
                              want_polygons ? _("%s holds points; polygons were expected")
                                            : _("%s holds polygons; points were expected"),
                              check->name);
  return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_UNSUPPORTED,
                            _("%s holds shapes of type %d, which cannot be used here "
                              "(polygons and points only)"),
                            check->name, type);
}

/* .prj texts that mean lon/lat on WGS 84, as ArcGIS, QGIS and GDAL write
 * them. PROJ needs 15–30 ms of database lookups to read an ESRI name, so
 * these common ones are recognised here. */
static const char *const wgs84_prj_texts[] = {
  "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
  "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]",
  "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,298.257223563]],"
  "PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]]",
};

static gboolean
is_wgs84_prj (const char *text)
{
  g_autoptr (GString) compact = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, *p);
  for (gsize i = 0; i < G_N_ELEMENTS (wgs84_prj_texts); i++)
    if (strcmp (compact->str, wgs84_prj_texts[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
collect_proj_log (void *data, int level, const char *message)
{
  GString *log = data;

  if (message == NULL)
    return;
  if (log->len > 0)
    g_string_append (log, "; ");
  g_string_append (log, message);
}

/* @text as PROJ's own WKT2, which reads back without the database lookups
 * ESRI names cost; NULL with PROJ's reason when PROJ cannot read it (or
 * cannot be loaded). */
static char *
canonical_crs (const char *text, char **reason)
{
  if (is_wgs84_prj (text))
    return g_strdup ("EPSG:4326");

  g_autoptr (GError) local_error = NULL;
  const CaProjApi *proj = ca_proj_api_get (&local_error);
  if (proj == NULL)
    {
      *reason = g_strdup (local_error->message);
      return NULL;
    }

  g_autoptr (GString) log = g_string_new (NULL);
  PJ_CONTEXT *ctx = proj->context_create ();
  char *result = NULL;

  proj->log_func (ctx, log, collect_proj_log);
  PJ *crs = proj->create (ctx, text);
  if (crs != NULL && proj->is_crs (crs))
    {
      const char *wkt = proj->as_wkt (ctx, crs, PJ_WKT2_2019, NULL);
      result = g_strdup (wkt ? wkt : text);
    }
  else
    {
      if (log->len == 0)
        g_string_append (log, crs == NULL ? _("not understood") : _("not a coordinate system"));
      *reason = g_strdup (log->str);
    }
  g_clear_pointer (&crs, proj->destroy);
  proj->context_destroy (ctx);
  return result;
}

/* The .prj as the layer CRS, checked with PROJ. */
static gboolean
read_prj (CaLayer *layer, const char *stem, const char *name, GString *warnings, GError **error)
{
  g_autofree char *path = find_sibling (stem, "prj");
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;

  /* Checked before reading: a huge .prj must not be read whole. */
  if (path != NULL && g_stat (path, &st) == 0 && st.st_size > MAX_PRJ_BYTES)
    {
      g_autofree char *prj_name = g_path_get_basename (path);
      return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CRS,
                                _("%s is not a coordinate system definition"), prj_name);
    }
  if (path != NULL && !g_file_get_contents (path, &text, &length, &local_error))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CRS, _("Cannot read %s.prj: %s"),
                              ca_layer_get_name (layer), local_error->message);
  if (text != NULL)
    g_strstrip (text);
  if (text == NULL || *text == '\0')
    {
      ca_layer_set_crs (layer, "EPSG:4326");
      if (warnings->len > 0)
        g_string_append_c (warnings, '\n');
      g_string_append_printf (warnings, _("%s has no .prj; taken as WGS 84 (EPSG:4326)"), name);
      return TRUE;
    }

  g_autofree char *prj_name = g_path_get_basename (path);
  if (length > MAX_PRJ_BYTES || !g_utf8_validate (text, -1, NULL))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CRS,
                              _("%s is not a coordinate system definition"), prj_name);

  g_autofree char *reason = NULL;
  g_autofree char *crs = canonical_crs (text, &reason);
  if (crs == NULL)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CRS,
                              _("PROJ cannot read the coordinate system in %s: %s"),
                              prj_name, reason);
  ca_layer_set_crs (layer, crs);
  return TRUE;
}

static void
note_skipped (GString *warnings, const char *name, GArray *skipped)
{
  if (skipped->len == 0)
    return;
  g_autoptr (GString) list = g_string_new (NULL);
  for (guint i = 0; i < MIN (skipped->len, 10u); i++)
    g_string_append_printf (list, "%s%u", i ? ", " : "", g_array_index (skipped, guint, i));
  if (skipped->len > 10)
    g_string_append (list, ", …");
  if (warnings->len > 0)
    g_string_append_c (warnings, '\n');
  g_string_append_printf (warnings,
                          g_dngettext (GETTEXT_PACKAGE, "%s: %u record has no geometry and was skipped (record %s)",
                                       "%s: %u records have no geometry and were skipped (records %s)",
                                       skipped->len),
                          name, skipped->len, list->str);
}

/* Reads every shape and its attributes into @layer. */
static gboolean
read_features (CaLayer *layer, SHPHandle shp, CaDbfReader *dbf, const ShpCheck *check,
               GString *warnings, GError **error)
{
  g_autoptr (GArray) skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean polygons = ca_layer_get_kind (layer) == CA_LAYER_POLYGONS;

  for (guint i = 0; i < check->n_records; i++)
    {
      guint record = i + 1;
      SHPObject *shape = SHPReadObject (shp, (int) i);
      g_autoptr (CaPolygon) polygon = NULL;
      CaPoint point = { 0.0, 0.0 };
      gboolean ok = TRUE, empty = FALSE;

      if (shape == NULL)
        return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                  _("%s, record %u: shapelib cannot read the shape"),
                                  check->name, record);
      if (shape->nSHPType == SHPT_NULL || shape->nVertices == 0)
        empty = TRUE;
      else if (shape->nSHPType != check->shape_type)
        ok = ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                _("%s, record %u: unexpected shape type %d"),
                                check->name, record, shape->nSHPType);
      else if (polygons)
        ok = (polygon = build_polygon (shape, check->name, record, error)) != NULL;
      else if ((ok = check_coordinates (shape, check->name, record, error)))
        point = (CaPoint) { shape->padfX[0], shape->padfY[0] };
      SHPDestroyObject (shape);
      if (!ok)
        return FALSE;
      if (empty)
        {
          g_array_append_val (skipped, record);
          continue;
        }

      char **values = ca_dbf_reader_read_record (dbf, i, error);
      if (values == NULL)
        return FALSE;
      ca_layer_add_feature (layer, g_steal_pointer (&polygon), point, values);
    }
  note_skipped (warnings, check->name, skipped);
  return TRUE;
}

static CaLayer *
load_parts (const char *path, const char *stem, CaLayerKind kind, ShpCheck *check,
            GString *warnings, GError **error)
{
  g_autofree char *shx_path = find_sibling (stem, "shx");
  g_autofree char *dbf_path = find_sibling (stem, "dbf");
  g_autofree char *base = g_path_get_basename (stem);
  SAHooks hooks;

  if (shx_path == NULL || dbf_path == NULL)
    {
      ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_NOT_FOUND,
                         _("%s.%s is missing: a shapefile needs its .shx and .dbf beside the .shp"),
                         base, shx_path == NULL ? "shx" : "dbf");
      return NULL;
    }
  if (!shp_precheck (check, path, shx_path, error) || !check_kind (check, kind, error))
    return NULL;

  ca_shapefile_setup_hooks (&hooks);
  g_autoptr (CaDbfReader) dbf = ca_dbf_reader_open (dbf_path, &hooks, check->n_records, error);
  if (dbf == NULL)
    return NULL;

  g_autoptr (CaLayer) layer = ca_layer_new (base, kind, ca_dbf_reader_get_fields (dbf));
  ca_layer_set_source_path (layer, path);
  if (!read_prj (layer, stem, check->name, warnings, error))
    return NULL;

  SHPHandle shp = SHPOpenLL (path, "rb", &hooks);
  if (shp == NULL)
    {
      ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT, _("shapelib cannot open %s"),
                         check->name);
      return NULL;
    }
  int n_entities = 0, shape_type = 0;
  SHPGetInfo (shp, &n_entities, &shape_type, NULL, NULL);
  gboolean ok = TRUE;
  if (n_entities < 0 || (guint) n_entities != check->n_records || shape_type != check->shape_type)
    ok = ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                            _("%s: shapelib sees %d records of type %d, the index holds %u"),
                            check->name, n_entities, shape_type, check->n_records);
  else
    ok = read_features (layer, shp, dbf, check, warnings, error);
  SHPClose (shp);
  return ok ? g_steal_pointer (&layer) : NULL;
}

CaLayer *
ca_shapefile_load (const char              *path,
                   CaLayerKind              kind,
                   const CaShapefileLimits *limits,
                   char                   **warning,
                   GError                 **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warning != NULL)
    *warning = NULL;

  ShpCheck check = { 0 };
  check.name = g_path_get_basename (path);
  check.max_features = limits && limits->max_features ? limits->max_features : DEFAULT_MAX_FEATURES;
  check.max_vertices = limits && limits->max_vertices ? limits->max_vertices : DEFAULT_MAX_VERTICES;

  CaLayer *layer = NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_NOT_FOUND, _("%s does not exist"), check.name);
  else
    {
      g_autofree char *stem = g_strdup (path);
      gsize len = strlen (stem);
      if (len > 4 && g_ascii_strcasecmp (stem + len - 4, ".shp") == 0)
        stem[len - 4] = '\0';
      g_autoptr (GString) warnings = g_string_new (NULL);
      layer = load_parts (path, stem, kind, &check, warnings, error);
      if (layer != NULL && warning != NULL && warnings->len > 0)
        *warning = g_strdup (warnings->str);
    }
  g_free (check.name);
  return layer;
}
