/* ca-shapefile.h — reads ESRI shapefiles (.shp/.shx/.dbf/.prj/.cpg) into a
 * CaLayer, validating what shapelib would otherwise trust.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-layer.h"

G_BEGIN_DECLS

#define CA_SHAPEFILE_ERROR (ca_shapefile_error_quark ())
typedef enum
{
  CA_SHAPEFILE_ERROR_NOT_FOUND,
  CA_SHAPEFILE_ERROR_CORRUPT,
  CA_SHAPEFILE_ERROR_UNSUPPORTED,   /* shape type we do not read */
  CA_SHAPEFILE_ERROR_WRONG_KIND,    /* points where polygons are expected … */
  CA_SHAPEFILE_ERROR_TOO_LARGE,
  CA_SHAPEFILE_ERROR_ENCODING,
  CA_SHAPEFILE_ERROR_CRS,
} CaShapefileError;
GQuark ca_shapefile_error_quark (void);

typedef struct
{
  guint max_features;    /* 0: default (1 000 000) */
  guint max_vertices;    /* 0: default (50 000 000) */
} CaShapefileLimits;

/* Reads @path (the .shp; the other parts are found beside it). @kind says
 * what the caller expects. A missing .prj leaves the CRS as WGS 84 and puts
 * a sentence saying so into @warning (may be NULL). */
CaLayer *ca_shapefile_load (const char              *path,
                            CaLayerKind              kind,
                            const CaShapefileLimits *limits,
                            char                   **warning,
                            GError                 **error);

G_END_DECLS
