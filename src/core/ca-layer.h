/* ca-layer.h — a vector layer: polygon or point features with attributes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-geometry.h"
#include "ca-types.h"

G_BEGIN_DECLS

typedef enum
{
  CA_LAYER_POLYGONS,
  CA_LAYER_POINTS,
} CaLayerKind;

typedef struct
{
  CaPolygon *polygon;   /* for polygon layers, NULL for points */
  CaPoint    point;     /* for point layers */
  char     **values;    /* attribute values as UTF-8, one per field */
  CaBBox     bbox;      /* the polygon's, or the point's; empty for neither */
} CaFeature;

#define CA_TYPE_LAYER (ca_layer_get_type ())
G_DECLARE_FINAL_TYPE (CaLayer, ca_layer, CA, LAYER, GObject)

CaLayer         *ca_layer_new (const char *name, CaLayerKind kind, const char * const *fields);
const char      *ca_layer_get_name (CaLayer *self);
CaLayerKind      ca_layer_get_kind (CaLayer *self);
/* The layer's CRS as PROJ understands it (WKT or "EPSG:4326"); NULL if unknown. */
const char      *ca_layer_get_crs (CaLayer *self);
void             ca_layer_set_crs (CaLayer *self, const char *crs);
/* Where the layer came from (the .shp path), for messages. */
const char      *ca_layer_get_source_path (CaLayer *self);
void             ca_layer_set_source_path (CaLayer *self, const char *path);

guint            ca_layer_get_n_fields (CaLayer *self);
const char      *ca_layer_get_field_name (CaLayer *self, guint index);
int              ca_layer_find_field (CaLayer *self, const char *name);  /* case-insensitive; -1 */

guint            ca_layer_get_n_features (CaLayer *self);
const CaFeature *ca_layer_get_feature (CaLayer *self, guint index);
/* Takes ownership of @polygon (may be NULL for points) and of @values
 * (a NULL-terminated array of n_fields strings). */
void             ca_layer_add_feature (CaLayer *self, CaPolygon *polygon, CaPoint point,
                                       char **values);
const char      *ca_layer_get_value (CaLayer *self, guint feature, guint field);
/* Index of the first feature whose @field equals @value, or -1. */
int              ca_layer_find_feature (CaLayer *self, const char *field, const char *value);
void             ca_layer_get_extent (CaLayer *self, CaBBox *bbox);

/* A new layer holding only the features at @indices (in that order). */
CaLayer         *ca_layer_subset (CaLayer *self, const guint *indices, guint n_indices);

G_END_DECLS
