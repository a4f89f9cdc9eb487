/* ca-projection.h — PROJ wrapper: from a layer's CRS to the map projection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-layer.h"

G_BEGIN_DECLS

#define CA_PROJECTION_ERROR (ca_projection_error_quark ())
typedef enum
{
  CA_PROJECTION_ERROR_INVALID_CRS,
  CA_PROJECTION_ERROR_TRANSFORM,
} CaProjectionError;
GQuark ca_projection_error_quark (void);

/* Albers equal-area for the Aktobe region: standard parallels 46.5° and
 * 50°, central meridian 59°, latitude of origin 48°, WGS 84, metres. */
#define CA_PROJECTION_DEFAULT \
  "+proj=aea +lat_1=46.5 +lat_2=50 +lat_0=48 +lon_0=59 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"

#define CA_TYPE_PROJECTION (ca_projection_get_type ())
G_DECLARE_FINAL_TYPE (CaProjection, ca_projection, CA, PROJECTION, GObject)

/* @map_crs: any definition PROJ accepts (PROJ string, WKT, "EPSG:n"); NULL
 * for CA_PROJECTION_DEFAULT. */
CaProjection *ca_projection_new (const char *map_crs, GError **error);
const char   *ca_projection_get_definition (CaProjection *self);
/* The map CRS as ESRI-flavoured WKT, for a .prj beside an exported image. */
char         *ca_projection_to_wkt (CaProjection *self, GError **error);

/* Forward: lon/lat degrees (WGS 84) → map metres, in place. */
gboolean      ca_projection_forward (CaProjection *self, CaPoint *points, guint n_points,
                                     GError **error);
/* Inverse: map metres → lon/lat degrees (WGS 84), in place. */
gboolean      ca_projection_inverse (CaProjection *self, CaPoint *points, guint n_points,
                                     GError **error);
/* A copy of @layer with every coordinate moved from the layer's CRS
 * (ca_layer_get_crs; NULL is taken as WGS 84) into the map projection. */
CaLayer      *ca_projection_project_layer (CaProjection *self, CaLayer *layer, GError **error);

G_END_DECLS
