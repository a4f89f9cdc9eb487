/* ca-basemap.h — the projected layers a map is drawn from: the analysis
 * units joined to their polygons, the rest of Kazakhstan for context and
 * the settlements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-boundaries.h"
#include "ca-edges.h"
#include "ca-projection.h"

G_BEGIN_DECLS

#define CA_TYPE_BASEMAP (ca_basemap_get_type ())
G_DECLARE_FINAL_TYPE (CaBasemap, ca_basemap, CA, BASEMAP, GObject)

/* Loads the unit polygons from @boundaries (a .shp; NULL: the dataset's
 * boundary path, else aktobe_districts.shp found by ca_boundaries_find),
 * joins them to @dataset's units and projects them with the dataset's map
 * CRS. The context (kaz_districts.shp) and settlements
 * (aktobe_settlements.shp) layers are loaded when found beside the
 * boundaries or by ca_boundaries_find; their absence is not an error. */
CaBasemap    *ca_basemap_load (CaDataset *dataset, const char *boundaries, GError **error);

CaProjection *ca_basemap_get_projection (CaBasemap *self);
/* Projected polygons, one feature per dataset unit, in unit order. */
CaLayer      *ca_basemap_get_units (CaBasemap *self);
/* The unit's polygon (projected), or NULL. */
const CaPolygon *ca_basemap_get_unit_polygon (CaBasemap *self, guint unit);
/* Projected context districts (may be NULL), excluding the region's own.
 * Those far from the region are projected on the first call that needs
 * them; any thread may call. */
CaLayer      *ca_basemap_get_context (CaBasemap *self);
/* The same, or a layer holding only the districts that may show within
 * @visible (map metres), which costs nothing beyond the load when
 * @visible stays near the region. */
CaLayer      *ca_basemap_get_context_within (CaBasemap *self, const CaBBox *visible);
/* Whether there are context districts to show at all. */
gboolean      ca_basemap_has_context (CaBasemap *self);
/* The lines to stroke rather than the polygons' outlines, each border
 * once (see ca-edges.h): between the units, and round the region (the
 * units' outer edges). */
const CaLineSet *ca_basemap_get_unit_borders (CaBasemap *self);
const CaLineSet *ca_basemap_get_region_outline (CaBasemap *self);
/* Each unit's label point: the point farthest inside its polygon (its
 * pole of inaccessibility, within 1 km), NaN for a unit without one. */
const CaPoint *ca_basemap_get_label_points (CaBasemap *self);
/* Projected settlement points (may be NULL); fields name, name_ru, name_en, place, population. */
CaLayer      *ca_basemap_get_settlements (CaBasemap *self);
/* Extent of the units, in map metres. */
void          ca_basemap_get_extent (CaBasemap *self, CaBBox *bbox);
/* Index of the unit whose polygon contains the map point, or -1. */
int           ca_basemap_hit_test (CaBasemap *self, double x, double y);
/* Sentences worth telling the user (a layer without .prj …), or NULL. */
const char   *ca_basemap_get_warnings (CaBasemap *self);
const char   *ca_basemap_get_boundaries_path (CaBasemap *self);

G_END_DECLS
