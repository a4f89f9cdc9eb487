/* ca-basemap.c — the projected layers a map is drawn from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ca-basemap.h"
#include "ca-shapefile.h"

#define DEFAULT_BOUNDARIES "aktobe_districts.shp"
#define CONTEXT_FILE "kaz_districts.shp"
#define SETTLEMENTS_FILE "aktobe_settlements.shp"
#define GB_ID_FIELD "gb_id"
/* Map metres within which a unit's label point is the point farthest
 * inside it: far finer than any label's size at any scale drawn. */
#define LABEL_PRECISION 1000.0

struct _CaBasemap
{
  GObject       parent_instance;

  CaProjection *projection;
  CaLayer      *units;        /* projected, one feature per unit, unit order */
  CaBBox       *unit_boxes;   /* bbox of each unit polygon, for hit tests */
  /* The context districts, the region's own left out. Only those near the
   * region are projected at load; the rest when a view first reaches them. */
  CaLayer      *context_raw;  /* as read (lon/lat), when the rest are left for later */
  CaLayer      *context_near; /* projected: every feature that may show within @context_reach */
  CaBBox        context_reach;
  CaLayer      *context_all;  /* projected: every feature; made once, under @context_lock */
  GMutex        context_lock;
  CaLayer      *settlements;
  CaLineSet    *unit_borders;
  CaLineSet    *region_outline;
  CaPoint      *label_points; /* one per unit; NaN for a unit without polygon */
  GString      *warnings;
  char         *boundaries_path;
};

G_DEFINE_FINAL_TYPE (CaBasemap, ca_basemap, G_TYPE_OBJECT)

static void
ca_basemap_dispose (GObject *object)
{
  CaBasemap *self = CA_BASEMAP (object);

  g_clear_object (&self->projection);
  g_clear_object (&self->units);
  g_clear_object (&self->context_raw);
  g_clear_object (&self->context_near);
  g_clear_object (&self->context_all);
  g_clear_object (&self->settlements);

  G_OBJECT_CLASS (ca_basemap_parent_class)->dispose (object);
}

static void
ca_basemap_finalize (GObject *object)
{
  CaBasemap *self = CA_BASEMAP (object);

  g_free (self->unit_boxes);
  ca_line_set_free (self->unit_borders);
  ca_line_set_free (self->region_outline);
  g_free (self->label_points);
  g_string_free (self->warnings, TRUE);
  g_free (self->boundaries_path);
  g_mutex_clear (&self->context_lock);

  G_OBJECT_CLASS (ca_basemap_parent_class)->finalize (object);
}

static void
ca_basemap_class_init (CaBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ca_basemap_dispose;
  object_class->finalize = ca_basemap_finalize;
}

static void
ca_basemap_init (CaBasemap *self)
{
  self->warnings = g_string_new (NULL);
  g_mutex_init (&self->context_lock);
}

static void
add_warning (CaBasemap *self, const char *sentence)
{
  if (sentence == NULL || *sentence == '\0')
    return;
  if (self->warnings->len > 0)
    g_string_append_c (self->warnings, '\n');
  g_string_append (self->warnings, sentence);
}

/* The boundary file: the argument, the project's, else the default found
 * in the usual places. A project path that no longer exists (a project
 * moved to another machine) is looked up by its base name. */
static char *
resolve_boundaries (CaDataset *dataset, const char *boundaries, GError **error)
{
  if (boundaries != NULL)
    return g_strdup (boundaries);

  const char *from_project = ca_dataset_get_boundary_path (dataset);
  if (from_project == NULL || *from_project == '\0')
    return ca_boundaries_find (DEFAULT_BOUNDARIES, error);
  if (g_file_test (from_project, G_FILE_TEST_IS_REGULAR))
    return g_strdup (from_project);

  g_autofree char *base = g_path_get_basename (from_project);
  char *found = ca_boundaries_find (base, NULL);
  return found ? found : g_strdup (from_project);
}

/* An optional layer: beside the boundaries, else in the usual places. */
static char *
find_optional (const char *boundaries, const char *basename)
{
  g_autofree char *dir = g_path_get_dirname (boundaries);
  g_autofree char *beside = g_build_filename (dir, basename, NULL);

  if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&beside);
  return ca_boundaries_find (basename, NULL);
}

/* An optional layer as read, before projection. */
typedef struct
{
  const char *basename;
  CaLayer    *raw;       /* NULL: not found, or not read (@error says why) */
  char       *warning;
  GError     *error;
} Optional;

static void
optional_clear (Optional *layer)
{
  g_clear_object (&layer->raw);
  g_clear_pointer (&layer->warning, g_free);
  g_clear_error (&layer->error);
}

/* Reads an optional layer; touches nothing of @self but the boundaries'
 * path, so it may run beside the main thread. (shapelib keeps one global,
 * its byte-order flag, which every open sets to the same value: two
 * shapefiles may be read at once.) */
static void
read_optional (CaBasemap *self, Optional *layer, CaLayerKind kind)
{
  g_autofree char *path = find_optional (self->boundaries_path, layer->basename);

  if (path != NULL)
    layer->raw = ca_shapefile_load (path, kind, NULL, &layer->warning, &layer->error);
}

/* Projects an optional layer read; trouble becomes a warning. */
static CaLayer *
project_optional (CaBasemap *self, Optional *layer)
{
  CaLayer *projected = NULL;

  add_warning (self, layer->warning);
  if (layer->raw == NULL && layer->error == NULL)
    return NULL;
  if (layer->raw != NULL)
    projected = ca_projection_project_layer (self->projection, layer->raw, &layer->error);
  if (projected == NULL)
    {
      g_autofree char *sentence = g_strdup_printf (_("%s is not shown: %s"), layer->basename,
                                                   layer->error->message);
      add_warning (self, sentence);
    }
  return projected;
}

static gboolean
inside_a_unit (CaBasemap *self, double x, double y)
{
  return ca_basemap_hit_test (self, x, y) >= 0;
}

/* TRUE when every unit's gb_id names a context feature: the ids then
 * tell the region's districts apart on their own. */
static gboolean
ids_are_decisive (CaBasemap *self, CaLayer *context, int context_gb, int unit_gb)
{
  if (context_gb < 0 || unit_gb < 0)
    return FALSE;
  for (guint u = 0; u < ca_layer_get_n_features (self->units); u++)
    {
      const char *id = ca_layer_get_value (self->units, u, (guint) unit_gb);
      if (*id == '\0' || ca_layer_find_feature (context, GB_ID_FIELD, id) < 0)
        return FALSE;
    }
  return TRUE;
}

/* TRUE when context feature @f is one of the region's own districts: its
 * gb_id is a unit's, or, unless the ids are @decisive, its label point
 * lies in a unit (the geometric test costs a pole of inaccessibility). */
static gboolean
is_region_district (CaBasemap *self, CaLayer *context, guint f, int context_gb, int unit_gb,
                    gboolean decisive)
{
  if (context_gb >= 0 && unit_gb >= 0)
    {
      const char *id = ca_layer_get_value (context, f, (guint) context_gb);
      for (guint u = 0; *id != '\0' && u < ca_layer_get_n_features (self->units); u++)
        if (g_strcmp0 (id, ca_layer_get_value (self->units, u, (guint) unit_gb)) == 0)
          return TRUE;
    }
  if (decisive)
    return FALSE;

  const CaPolygon *polygon = ca_layer_get_feature (context, f)->polygon;
  CaBBox bbox, extent;
  if (polygon == NULL)
    return FALSE;
  ca_polygon_bbox (polygon, &bbox);
  ca_layer_get_extent (self->units, &extent);
  if (!ca_bbox_intersects (&bbox, &extent))
    return FALSE;
  double precision = MAX (bbox.max_x - bbox.min_x, bbox.max_y - bbox.min_y) / 100.0;
  CaPoint label = ca_polygon_label_point (polygon, precision, NULL);
  return inside_a_unit (self, label.x, label.y);
}

/* How far beyond the region, as a share of its longer side, the context is
 * projected at load: a figure's frame reaches 0.16 of it (A4 and A3
 * portrait); the window, zoomed out, reaches further and has the rest
 * projected then. */
#define CONTEXT_REACH 0.25
/* Points a side of the reach is sampled at to find its box in lon/lat,
 * and how much that box is widened for the curves between them. */
#define REACH_SAMPLES 16
#define REACH_PAD     0.02

/* The lon/lat box of the map rectangle @reach, from points along its
 * sides; FALSE when the projection cannot take them back. */
static gboolean
reach_in_lonlat (CaProjection *projection, const CaBBox *reach, CaBBox *lonlat)
{
  CaPoint points[4 * REACH_SAMPLES];
  double w = reach->max_x - reach->min_x, h = reach->max_y - reach->min_y;

  for (guint i = 0; i < REACH_SAMPLES; i++)
    {
      double t = (double) i / REACH_SAMPLES;
      points[4 * i] = (CaPoint) { reach->min_x + t * w, reach->min_y };
      points[4 * i + 1] = (CaPoint) { reach->max_x, reach->min_y + t * h };
      points[4 * i + 2] = (CaPoint) { reach->max_x - t * w, reach->max_y };
      points[4 * i + 3] = (CaPoint) { reach->min_x, reach->max_y - t * h };
    }
  if (!ca_projection_inverse (projection, points, G_N_ELEMENTS (points), NULL))
    return FALSE;
  ca_bbox_init_empty (lonlat);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      if (!isfinite (points[i].x) || !isfinite (points[i].y))
        return FALSE;
      ca_bbox_add_point (lonlat, points[i].x, points[i].y);
    }
  w = lonlat->max_x - lonlat->min_x;
  h = lonlat->max_y - lonlat->min_y;
  *lonlat = (CaBBox) { lonlat->min_x - REACH_PAD * w, lonlat->min_y - REACH_PAD * h,
                       lonlat->max_x + REACH_PAD * w, lonlat->max_y + REACH_PAD * h };
  /* Past the antimeridian or a pole the box means nothing. */
  return lonlat->min_x > -180 && lonlat->max_x < 180 && lonlat->min_y > -90 &&
         lonlat->max_y < 90;
}

/* Keeps @raw and projects only its features that may show within the
 * units' extent grown by CONTEXT_REACH; FALSE (nothing kept) when the
 * layer is not in lon/lat or the reach has no box there. */
static gboolean
project_near (CaBasemap *self, CaLayer *raw)
{
  const char *crs = ca_layer_get_crs (raw);
  CaBBox extent, reach, lonlat;

  if (crs != NULL && g_strcmp0 (crs, "EPSG:4326") != 0)
    return FALSE;
  ca_layer_get_extent (self->units, &extent);
  if (ca_bbox_is_empty (&extent))
    return FALSE;
  double margin = CONTEXT_REACH * MAX (extent.max_x - extent.min_x, extent.max_y - extent.min_y);
  reach = (CaBBox) { extent.min_x - margin, extent.min_y - margin, extent.max_x + margin,
                     extent.max_y + margin };
  if (!reach_in_lonlat (self->projection, &reach, &lonlat))
    return FALSE;

  guint n = ca_layer_get_n_features (raw);
  g_autofree guint *near = g_new (guint, MAX (n, 1));
  guint n_near = 0;
  for (guint f = 0; f < n; f++)
    if (ca_bbox_intersects (&ca_layer_get_feature (raw, f)->bbox, &lonlat))
      near[n_near++] = f;
  g_autoptr (CaLayer) subset = ca_layer_subset (raw, near, n_near);
  self->context_near = ca_projection_project_layer (self->projection, subset, NULL);
  if (self->context_near == NULL)
    return FALSE;
  self->context_reach = reach;
  self->context_raw = g_object_ref (raw);
  return TRUE;
}

/* @context less the region's own districts (see is_region_district), or
 * @context itself when it holds none of them. */
static CaLayer *
without_region (CaBasemap *self, CaLayer *context, gboolean decisive)
{
  int context_gb = ca_layer_find_field (context, GB_ID_FIELD);
  int unit_gb = ca_layer_find_field (self->units, GB_ID_FIELD);
  guint n = ca_layer_get_n_features (context);
  g_autofree guint *keep = g_new (guint, MAX (n, 1));
  guint n_keep = 0;

  for (guint f = 0; f < n; f++)
    if (!is_region_district (self, context, f, context_gb, unit_gb, decisive))
      keep[n_keep++] = f;
  return n_keep == n ? g_object_ref (context) : ca_layer_subset (context, keep, n_keep);
}

/* The context as read, less the region's own districts when their ids
 * tell them apart (else NULL: the geometric test needs them projected). */
static CaLayer *
drop_region_by_id (CaBasemap *self, CaLayer *raw)
{
  if (!ids_are_decisive (self, raw, ca_layer_find_field (raw, GB_ID_FIELD),
                         ca_layer_find_field (self->units, GB_ID_FIELD)))
    return NULL;
  return without_region (self, raw, TRUE);
}

/* Every context district projected, the region's own left out. */
static CaLayer *
project_all (CaBasemap *self, Optional *read)
{
  g_autoptr (CaLayer) context = project_optional (self, read);

  if (context == NULL)
    return NULL;
  return without_region (self, context,
                         ids_are_decisive (self, context, ca_layer_find_field (context, GB_ID_FIELD),
                                           ca_layer_find_field (self->units, GB_ID_FIELD)));
}

static void
load_context (CaBasemap *self)
{
  Optional read = { CONTEXT_FILE };

  read_optional (self, &read, CA_LAYER_POLYGONS);
  if (read.raw != NULL)
    {
      g_autoptr (CaLayer) kept = drop_region_by_id (self, read.raw);

      if (kept != NULL && project_near (self, kept))
        {
          add_warning (self, read.warning);
          optional_clear (&read);
          return;
        }
    }
  self->context_all = project_all (self, &read);
  optional_clear (&read);
}

static gboolean
load_units (CaBasemap *self, CaDataset *dataset, GError **error)
{
  g_autofree char *warning = NULL;
  g_autoptr (CaLayer) raw = ca_shapefile_load (self->boundaries_path, CA_LAYER_POLYGONS, NULL,
                                               &warning, error);
  if (raw == NULL)
    return FALSE;
  add_warning (self, warning);

  g_autoptr (CaJoin) join = ca_join_units (dataset, raw, error);
  if (join == NULL)
    return FALSE;
  g_autoptr (CaLayer) units = ca_join_extract_units (join, raw);
  g_clear_object (&raw);

  self->units = ca_projection_project_layer (self->projection, units, error);
  if (self->units == NULL)
    return FALSE;

  guint n = ca_layer_get_n_features (self->units);
  self->unit_boxes = g_new (CaBBox, MAX (n, 1));
  for (guint u = 0; u < n; u++)
    {
      const CaPolygon *polygon = ca_layer_get_feature (self->units, u)->polygon;
      if (polygon != NULL)
        ca_polygon_bbox (polygon, &self->unit_boxes[u]);
      else
        ca_bbox_init_empty (&self->unit_boxes[u]);
    }
  return TRUE;
}

static CaLineSet *
layer_edges (CaLayer    *layer,
             CaEdgeKind  kind)
{
  guint n = ca_layer_get_n_features (layer);
  g_autofree const CaPolygon **polygons = g_new (const CaPolygon *, MAX (n, 1));

  for (guint f = 0; f < n; f++)
    polygons[f] = ca_layer_get_feature (layer, f)->polygon;
  return ca_line_set_from_polygons (polygons, n, kind);
}

static void
find_label_points (CaBasemap *self)
{
  guint n = ca_layer_get_n_features (self->units);

  self->label_points = g_new (CaPoint, MAX (n, 1));
  for (guint u = 0; u < n; u++)
    {
      const CaPolygon *polygon = ca_basemap_get_unit_polygon (self, u);

      self->label_points[u] = polygon != NULL ? ca_polygon_label_point (polygon, LABEL_PRECISION, NULL)
                                              : (CaPoint) { NAN, NAN };
    }
}

/* The work of the basemap's second thread. */
typedef struct
{
  CaBasemap *self;
  Optional   settlements;
} Study;

/* What depends on the units alone, on a thread of its own while the
 * context loads (for the Aktobe units 3 ms, against the context's 6), and
 * then the settlements read (2 ms), though not projected: a projection
 * serves one thread at a time. Each border once, for the strokes: a map
 * is drawn often, the borders found once (0.3 ms). Not for the context
 * districts: finding their 22 000 edges takes 7 ms, more than stroking
 * them twice costs an export. */
static gpointer
study_units (gpointer data)
{
  Study *study = data;
  CaBasemap *self = study->self;

  self->unit_borders = layer_edges (self->units, CA_EDGES_ALL);
  self->region_outline = layer_edges (self->units, CA_EDGES_OUTER);
  find_label_points (self);
  read_optional (self, &study->settlements, CA_LAYER_POINTS);
  return NULL;
}

CaBasemap *
ca_basemap_load (CaDataset *dataset, const char *boundaries, GError **error)
{
  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (CaBasemap) self = g_object_new (CA_TYPE_BASEMAP, NULL);

  self->boundaries_path = resolve_boundaries (dataset, boundaries, error);
  if (self->boundaries_path == NULL)
    return NULL;
  self->projection = ca_projection_new (ca_dataset_get_map_crs (dataset), error);
  if (self->projection == NULL || !load_units (self, dataset, error))
    return NULL;
  /* From here the units are only read: the thread writes its own fields. */
  Study study = { self, { SETTLEMENTS_FILE } };
  GThread *thread = g_thread_try_new ("ca-basemap", study_units, &study, NULL);
  load_context (self);
  if (thread != NULL)
    g_thread_join (thread);
  else
    study_units (&study);
  self->settlements = project_optional (self, &study.settlements);
  optional_clear (&study.settlements);
  return g_steal_pointer (&self);
}

const CaPoint *
ca_basemap_get_label_points (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->label_points;
}

CaProjection *
ca_basemap_get_projection (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->projection;
}

CaLayer *
ca_basemap_get_units (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->units;
}

const CaPolygon *
ca_basemap_get_unit_polygon (CaBasemap *self, guint unit)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);

  if (unit >= ca_layer_get_n_features (self->units))
    return NULL;
  return ca_layer_get_feature (self->units, unit)->polygon;
}

/* Projects the features load_context left for later, with a projection of
 * its own: a drawing thread may be using the basemap's. */
static CaLayer *
context_all (CaBasemap *self)
{
  g_mutex_lock (&self->context_lock);
  if (self->context_all == NULL && self->context_raw != NULL)
    {
      g_autoptr (CaProjection) projection =
        ca_projection_new (ca_projection_get_definition (self->projection), NULL);

      if (projection != NULL)
        self->context_all = ca_projection_project_layer (projection, self->context_raw, NULL);
      /* Should that fail where loading did not, the near ones still show. */
      if (self->context_all == NULL)
        self->context_all = g_object_ref (self->context_near);
    }
  g_mutex_unlock (&self->context_lock);
  return self->context_all;
}

CaLayer *
ca_basemap_get_context (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return context_all (self);
}

CaLayer *
ca_basemap_get_context_within (CaBasemap *self, const CaBBox *visible)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (visible != NULL, NULL);

  if (self->context_near != NULL && ca_bbox_contains (&self->context_reach, visible))
    return self->context_near;
  return context_all (self);
}

gboolean
ca_basemap_has_context (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), FALSE);

  if (self->context_raw != NULL)
    return ca_layer_get_n_features (self->context_raw) > 0;
  return self->context_all != NULL && ca_layer_get_n_features (self->context_all) > 0;
}

const CaLineSet *
ca_basemap_get_unit_borders (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->unit_borders;
}

const CaLineSet *
ca_basemap_get_region_outline (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->region_outline;
}

CaLayer *
ca_basemap_get_settlements (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->settlements;
}

void
ca_basemap_get_extent (CaBasemap *self, CaBBox *bbox)
{
  g_return_if_fail (CA_IS_BASEMAP (self));
  ca_layer_get_extent (self->units, bbox);
}

int
ca_basemap_hit_test (CaBasemap *self, double x, double y)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), -1);

  for (guint u = 0; u < ca_layer_get_n_features (self->units); u++)
    {
      const CaBBox *b = &self->unit_boxes[u];
      if (x < b->min_x || x > b->max_x || y < b->min_y || y > b->max_y)
        continue;
      const CaPolygon *polygon = ca_layer_get_feature (self->units, u)->polygon;
      if (polygon != NULL && ca_polygon_contains (polygon, x, y))
        return (int) u;
    }
  return -1;
}

const char *
ca_basemap_get_warnings (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->warnings->len > 0 ? self->warnings->str : NULL;
}

const char *
ca_basemap_get_boundaries_path (CaBasemap *self)
{
  g_return_val_if_fail (CA_IS_BASEMAP (self), NULL);
  return self->boundaries_path;
}
