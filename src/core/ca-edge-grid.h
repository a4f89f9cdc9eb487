/* ca-edge-grid.h — a polygon's edges bucketed by a square grid over its
 * bounding box, for asking many times where points lie against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-geometry.h"

G_BEGIN_DECLS

typedef struct _CaEdgeGrid CaEdgeGrid;

/* The grid copies the edges: @polygon may change or go afterwards. NULL
 * when long edges across the box (a starburst) would be listed in so many
 * cells that walking every edge costs less. */
CaEdgeGrid *ca_edge_grid_new (const CaPolygon *polygon);
void        ca_edge_grid_free (CaEdgeGrid *grid);

/* The same numbers as ca_polygon_distance_to_edge and ca_polygon_contains,
 * to the last bit, from the edges near (@x, @y) only. */
double      ca_edge_grid_distance (const CaEdgeGrid *grid, double x, double y);
gboolean    ca_edge_grid_contains (const CaEdgeGrid *grid, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaEdgeGrid, ca_edge_grid_free)

G_END_DECLS
