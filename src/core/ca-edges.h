/* ca-edges.h — the boundaries of a set of polygons as lines, each shared
 * edge once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-geometry.h"

G_BEGIN_DECLS

/* A polyline; a closed one repeats its first point at the end, as rings do. */
typedef struct
{
  CaPoint  *points;
  guint     n_points;
  gboolean  closed;
} CaLine;

typedef struct
{
  CaLine *lines;
  guint   n_lines;
} CaLineSet;

typedef enum
{
  CA_EDGES_ALL,     /* every edge, those two polygons share only once */
  CA_EDGES_OUTER,   /* only the edges no two polygons share: the outline of their union */
} CaEdgeKind;

/* The edges of @polygons (NULL entries skipped) joined into the longest
 * lines their rings allow. Edges count as shared when their two vertices
 * are the same, exactly: neighbours cut from one topology are; where they
 * are not, both polygons' edges are kept. */
CaLineSet *ca_line_set_from_polygons (const CaPolygon * const *polygons,
                                      guint                    n_polygons,
                                      CaEdgeKind               kind);
void       ca_line_set_free (CaLineSet *set);
guint      ca_line_set_count_segments (const CaLineSet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaLineSet, ca_line_set_free)

G_END_DECLS
