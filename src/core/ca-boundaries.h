/* ca-boundaries.h — finding the boundary data and joining it to the units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"
#include "ca-layer.h"

G_BEGIN_DECLS

#define CA_BOUNDARIES_ERROR (ca_boundaries_error_quark ())
typedef enum
{
  CA_BOUNDARIES_ERROR_NOT_FOUND,
  CA_BOUNDARIES_ERROR_NO_JOIN_FIELD,
  CA_BOUNDARIES_ERROR_UNMATCHED,
} CaBoundariesError;
GQuark ca_boundaries_error_quark (void);

/* Where a map file named @basename ("aktobe_districts.shp") is: $CLUSTER_ATLAS_MAPS,
 * then the user data folder (…/cluster-atlas/maps), the installed data folder,
 * then the source tree's maps/. The error explains how to get the data. */
char    *ca_boundaries_find (const char *basename, GError **error);

/* The join of dataset units to layer features. */
typedef struct
{
  char  *field;          /* the layer field used: "code" or "shapeName" */
  int   *feature_of_unit;/* n_units entries: feature index, or -1 */
  guint  n_units;
} CaJoin;

/* Joins by the "code" field when the layer has one, else by geoBoundaries
 * "shapeName" against each unit's gb_name (the raw KAZ ADM2 file). Fails,
 * naming the units, when any unit has no feature. */
CaJoin  *ca_join_units (CaDataset *dataset, CaLayer *layer, GError **error);
void     ca_join_free (CaJoin *join);
/* The region's features only, in unit order: for the raw 174-district file. */
CaLayer *ca_join_extract_units (CaJoin *join, CaLayer *layer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaJoin, ca_join_free)

G_END_DECLS
