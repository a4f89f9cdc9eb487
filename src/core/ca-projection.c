/* ca-projection.c — PROJ wrapper: from a layer's CRS to the map projection.
 *
 * Each object owns its PROJ context, so projections may live in different
 * threads and PROJ's messages end up in our GErrors rather than on stderr.
 *
 * The default map projection from WGS 84 longitudes and latitudes — the
 * case of every bundled map — is computed by ca-albers.c: PROJ would
 * first search its database for the operation (26 M instructions, more
 * than projecting all 174 districts of Kazakhstan) and then spend about
 * 1000 instructions a point. PROJ is started only for other coordinate
 * systems and for the WKT of the map projection, and only then loaded
 * (ca-proj.h): its functions are called through the module's table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ca-albers.h"
#include "ca-proj.h"
#include "ca-projection.h"

G_DEFINE_QUARK (ca-projection-error-quark, ca_projection_error)

#define WGS84_LONLAT "EPSG:4326"
/* The same CRS as a PROJ string: axis order already east, north, and no
 * authority code, which spares PROJ a 15 ms search of its database for
 * operations when the map CRS is itself on WGS 84. */
#define WGS84_LONLAT_PROJ "+proj=longlat +datum=WGS84 +no_defs +type=crs"

struct _CaProjection
{
  GObject     parent_instance;

  const CaProjApi *proj;    /* NULL until PROJ is needed */
  PJ_CONTEXT *ctx;          /* NULL until PROJ is needed */
  char       *definition;
  gboolean    builtin;      /* WGS 84 → map by @albers, not by PROJ */
  CaAlbers    albers;
  PJ         *map_crs;      /* NULL until needed when builtin */
  PJ         *from_wgs84;   /* lon/lat → map, axis order normalised; not when builtin */
  GHashTable *transforms;   /* source CRS text → PJ* into the map CRS */
  GString    *log;          /* PROJ's messages since the last clear */
};

G_DEFINE_FINAL_TYPE (CaProjection, ca_projection, G_TYPE_OBJECT)

static void
collect_log (void *data, int level, const char *message)
{
  CaProjection *self = data;

  if (message == NULL || *message == '\0')
    return;
  if (self->log->len > 0)
    g_string_append (self->log, "; ");
  g_string_append (self->log, message);
}

static void
ca_projection_finalize (GObject *object)
{
  CaProjection *self = CA_PROJECTION (object);

  /* Every PROJ object was made through self->proj, so it is set when
   * there is one to destroy. */
  if (self->proj != NULL)
    {
      GHashTableIter iter;
      gpointer transform;

      g_hash_table_iter_init (&iter, self->transforms);
      while (g_hash_table_iter_next (&iter, NULL, &transform))
        self->proj->destroy (transform);
      g_clear_pointer (&self->from_wgs84, self->proj->destroy);
      g_clear_pointer (&self->map_crs, self->proj->destroy);
      g_clear_pointer (&self->ctx, self->proj->context_destroy);
    }
  g_hash_table_unref (self->transforms);
  g_free (self->definition);
  g_string_free (self->log, TRUE);

  G_OBJECT_CLASS (ca_projection_parent_class)->finalize (object);
}

static void
ca_projection_class_init (CaProjectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_projection_finalize;
}

static void
ca_projection_init (CaProjection *self)
{
  self->log = g_string_new (NULL);
  /* The transforms are destroyed in finalize, through self->proj. */
  self->transforms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The start of a definition, for messages: WKT can run to kilobytes. */
static char *
short_definition (const char *definition)
{
  const glong max = 72;
  g_autofree char *flat = g_strdup (definition);

  g_strdelimit (g_strstrip (flat), "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max)
    return g_steal_pointer (&flat);
  g_autofree char *start = g_utf8_substring (flat, 0, max);
  return g_strconcat (start, "…", NULL);
}

static gboolean
ensure_context (CaProjection *self,
                GError      **error)
{
  if (self->ctx != NULL)
    return TRUE;
  if (self->proj == NULL)
    self->proj = ca_proj_api_get (error);
  if (self->proj == NULL)
    return FALSE;
  self->ctx = self->proj->context_create ();
  if (self->ctx == NULL)
    {
      g_set_error_literal (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_INVALID_CRS,
                           _("Could not start PROJ"));
      return FALSE;
    }
  self->proj->log_func (self->ctx, self, collect_log);
  return TRUE;
}

/* What PROJ said about the last failure. */
static char *
take_reason (CaProjection *self)
{
  char *reason;

  if (self->log->len > 0)
    reason = g_strdup (self->log->str);
  else if (self->ctx == NULL)
    reason = g_strdup (_("unknown error"));
  else
    {
      int err = self->proj->context_errno (self->ctx);
      const char *text = err ? self->proj->context_errno_string (self->ctx, err) : NULL;
      reason = g_strdup (text ? text : _("unknown error"));
    }
  g_string_truncate (self->log, 0);
  return reason;
}

static void
set_crs_error (CaProjection *self, const char *definition, GError **error)
{
  g_autofree char *reason = take_reason (self);
  g_autofree char *shown = short_definition (definition);

  g_set_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_INVALID_CRS,
               _("PROJ cannot use the coordinate system “%s”: %s"), shown, reason);
}

/* A transformation from @source to the map CRS with x = easting/longitude
 * and y = northing/latitude, whatever the CRS's official axis order. */
static PJ *
create_transform (CaProjection *self, const char *source, GError **error)
{
  g_string_truncate (self->log, 0);

  const CaProjApi *proj = self->proj;
  PJ *source_crs = proj->create (self->ctx, source);
  if (source_crs == NULL || !proj->is_crs (source_crs))
    {
      g_clear_pointer (&source_crs, proj->destroy);
      set_crs_error (self, source, error);
      return NULL;
    }

  PJ *raw = proj->create_crs_to_crs_from_pj (self->ctx, source_crs, self->map_crs, NULL, NULL);
  proj->destroy (source_crs);
  if (raw == NULL)
    {
      set_crs_error (self, source, error);
      return NULL;
    }
  PJ *normalised = proj->normalize_for_visualization (self->ctx, raw);
  proj->destroy (raw);
  if (normalised == NULL)
    set_crs_error (self, source, error);
  return normalised;
}

/* The map CRS as a PROJ object, made on first use. */
static gboolean
ensure_map_crs (CaProjection *self,
                GError      **error)
{
  if (self->map_crs != NULL)
    return TRUE;
  if (!ensure_context (self, error))
    return FALSE;
  g_string_truncate (self->log, 0);
  self->map_crs = self->proj->create (self->ctx, self->definition);
  if (self->map_crs == NULL || !self->proj->is_crs (self->map_crs))
    {
      g_clear_pointer (&self->map_crs, self->proj->destroy);
      set_crs_error (self, self->definition, error);
      return FALSE;
    }
  return TRUE;
}

CaProjection *
ca_projection_new (const char *map_crs, GError **error)
{
  g_autoptr (CaProjection) self = g_object_new (CA_TYPE_PROJECTION, NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (map_crs == NULL || *map_crs == '\0')
    map_crs = CA_PROJECTION_DEFAULT;
  self->definition = g_strdup (map_crs);

  /* CA_PROJECTION_DEFAULT's parameters, on the WGS 84 ellipsoid. */
  if (g_str_equal (map_crs, CA_PROJECTION_DEFAULT) &&
      ca_albers_init (&self->albers, 6378137.0, 298.257223563, 46.5, 50.0, 48.0, 59.0, 0, 0))
    {
      self->builtin = TRUE;
      return g_steal_pointer (&self);
    }

  if (!ensure_map_crs (self, error))
    return NULL;
  self->from_wgs84 = create_transform (self, WGS84_LONLAT_PROJ, error);
  if (self->from_wgs84 == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ca_projection_get_definition (CaProjection *self)
{
  g_return_val_if_fail (CA_IS_PROJECTION (self), NULL);
  return self->definition;
}

char *
ca_projection_to_wkt (CaProjection *self, GError **error)
{
  g_return_val_if_fail (CA_IS_PROJECTION (self), NULL);

  if (!ensure_map_crs (self, error))
    return NULL;
  g_string_truncate (self->log, 0);
  const char *wkt = self->proj->as_wkt (self->ctx, self->map_crs, PJ_WKT1_ESRI, NULL);
  if (wkt == NULL)
    wkt = self->proj->as_wkt (self->ctx, self->map_crs, PJ_WKT1_GDAL, NULL);
  if (wkt == NULL)
    {
      g_autofree char *reason = take_reason (self);
      g_autofree char *shown = short_definition (self->definition);
      g_set_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_INVALID_CRS,
                   _("The map coordinate system “%s” has no WKT1 form: %s"), shown, reason);
      return NULL;
    }
  g_string_truncate (self->log, 0);
  return g_strdup (wkt);
}

static gboolean
transform_builtin (CaProjection *self, PJ_DIRECTION direction, CaPoint *points,
                   guint n_points, guint *failed)
{
  for (guint i = 0; i < n_points; i++)
    {
      CaPoint *p = &points[i];
      gboolean ok = direction == PJ_FWD
                      ? ca_albers_forward (&self->albers, p->x, p->y, &p->x, &p->y)
                      : ca_albers_inverse (&self->albers, p->x, p->y, &p->x, &p->y);
      if (!ok)
        {
          g_string_assign (self->log, direction == PJ_FWD
                                        ? _("latitude or longitude out of range")
                                        : _("outside the area the map projection covers"));
          *failed = i;
          return FALSE;
        }
    }
  return TRUE;
}

/* Transforms in place (@transform NULL: the built-in projection of
 * @self); FALSE with the index of the first point that could not be
 * handled in @failed. */
static gboolean
transform_points (CaProjection *self, PJ *transform, PJ_DIRECTION direction, CaPoint *points,
                  guint n_points, guint *failed)
{
  if (n_points == 0)
    return TRUE;
  if (transform == NULL)
    return transform_builtin (self, direction, points, n_points, failed);
  self->proj->errno_reset (transform);
  self->proj->trans_generic (transform, direction,
                             &points[0].x, sizeof (CaPoint), n_points,
                             &points[0].y, sizeof (CaPoint), n_points,
                             NULL, 0, 0, NULL, 0, 0);
  for (guint i = 0; i < n_points; i++)
    if (!isfinite (points[i].x) || !isfinite (points[i].y))
      {
        *failed = i;
        return FALSE;
      }
  return TRUE;
}

static gboolean
transform_wgs84 (CaProjection *self, PJ_DIRECTION direction, CaPoint *points, guint n_points,
                 GError **error)
{
  guint failed = 0;

  g_return_val_if_fail (CA_IS_PROJECTION (self), FALSE);
  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  g_string_truncate (self->log, 0);
  if (transform_points (self, self->from_wgs84, direction, points, n_points, &failed))
    return TRUE;

  g_autofree char *reason = take_reason (self);
  g_set_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_TRANSFORM,
               _("Point %u cannot be projected: %s"), failed + 1, reason);
  return FALSE;
}

gboolean
ca_projection_forward (CaProjection *self, CaPoint *points, guint n_points, GError **error)
{
  return transform_wgs84 (self, PJ_FWD, points, n_points, error);
}

gboolean
ca_projection_inverse (CaProjection *self, CaPoint *points, guint n_points, GError **error)
{
  return transform_wgs84 (self, PJ_INV, points, n_points, error);
}

/* The cached transform from @crs (NULL: WGS 84) into the map CRS, in
 * @transform; NULL there means the built-in projection. */
static gboolean
lookup_transform (CaProjection *self, const char *crs, PJ **transform, GError **error)
{
  if (crs == NULL || g_strcmp0 (crs, WGS84_LONLAT) == 0)
    {
      *transform = self->from_wgs84;
      return TRUE;
    }

  *transform = g_hash_table_lookup (self->transforms, crs);
  if (*transform != NULL)
    return TRUE;
  if (!ensure_map_crs (self, error))
    return FALSE;
  *transform = create_transform (self, crs, error);
  if (*transform == NULL)
    return FALSE;
  g_hash_table_insert (self->transforms, g_strdup (crs), *transform);
  return TRUE;
}

static gboolean
project_polygon (CaProjection *self, PJ *transform, CaPolygon *polygon, guint *failed)
{
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      CaRing *ring = &polygon->rings[r];
      if (!transform_points (self, transform, PJ_FWD, ring->points, ring->n_points, failed))
        return FALSE;
      /* A projection may mirror the plane; keep outer rings CCW. */
      double area = ca_ring_signed_area (ring);
      if ((ring->is_hole && area > 0.0) || (!ring->is_hole && area < 0.0))
        ca_ring_reverse (ring);
    }
  return TRUE;
}

static void
set_feature_error (CaProjection *self, CaLayer *layer, guint feature, GError **error)
{
  g_autofree char *reason = take_reason (self);
  const char *source = ca_layer_get_source_path (layer);
  g_autofree char *name = source ? g_path_get_basename (source) : g_strdup (ca_layer_get_name (layer));

  g_set_error (error, CA_PROJECTION_ERROR, CA_PROJECTION_ERROR_TRANSFORM,
               _("%s, feature %u: coordinates cannot be projected into the map: %s"),
               name, feature + 1, reason);
}

CaLayer *
ca_projection_project_layer (CaProjection *self, CaLayer *layer, GError **error)
{
  g_return_val_if_fail (CA_IS_PROJECTION (self), NULL);
  g_return_val_if_fail (CA_IS_LAYER (layer), NULL);

  PJ *transform = NULL;
  if (!lookup_transform (self, ca_layer_get_crs (layer), &transform, error))
    {
      g_prefix_error (error, "%s: ", ca_layer_get_name (layer));
      return NULL;
    }

  guint n_fields = ca_layer_get_n_fields (layer);
  g_autofree const char **fields = g_new0 (const char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    fields[i] = ca_layer_get_field_name (layer, i);

  g_autoptr (CaLayer) result = ca_layer_new (ca_layer_get_name (layer), ca_layer_get_kind (layer),
                                             fields);
  ca_layer_set_crs (result, self->definition);
  ca_layer_set_source_path (result, ca_layer_get_source_path (layer));

  g_string_truncate (self->log, 0);
  for (guint i = 0; i < ca_layer_get_n_features (layer); i++)
    {
      const CaFeature *feature = ca_layer_get_feature (layer, i);
      g_autoptr (CaPolygon) polygon = feature->polygon ? ca_polygon_copy (feature->polygon) : NULL;
      CaPoint point = feature->point;
      guint failed = 0;
      gboolean ok;

      if (polygon != NULL)
        ok = project_polygon (self, transform, polygon, &failed);
      else
        ok = transform_points (self, transform, PJ_FWD, &point, 1, &failed);
      if (!ok)
        {
          set_feature_error (self, layer, i, error);
          return NULL;
        }
      ca_layer_add_feature (result, g_steal_pointer (&polygon), point, g_strdupv (feature->values));
    }
  return g_steal_pointer (&result);
}
