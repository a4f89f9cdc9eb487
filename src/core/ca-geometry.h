/* ca-geometry.h — planar rings, polygons and bounding boxes.
 *
 * Coordinates are whatever the owning layer says: lon/lat degrees before
 * projection, metres in the map projection after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} CaPoint;

typedef struct
{
  double min_x, min_y, max_x, max_y;
} CaBBox;

/* A closed ring: first point == last point, at least 4 points. */
typedef struct
{
  CaPoint *points;
  guint    n_points;
  gboolean is_hole;
} CaRing;

/* A (multi)polygon: outer rings and holes in any order; each hole lies in
 * some outer ring. Outer rings are stored counter-clockwise and holes
 * clockwise (in a y-up plane) whatever the file said. */
typedef struct
{
  CaRing *rings;
  guint   n_rings;
} CaPolygon;

void      ca_bbox_init_empty (CaBBox *bbox);
gboolean  ca_bbox_is_empty (const CaBBox *bbox);
void      ca_bbox_add_point (CaBBox *bbox, double x, double y);
void      ca_bbox_union (CaBBox *bbox, const CaBBox *other);
gboolean  ca_bbox_intersects (const CaBBox *a, const CaBBox *b);
/* Whether @inner lies wholly within @outer (edges may touch). */
gboolean  ca_bbox_contains (const CaBBox *outer, const CaBBox *inner);

/* Signed area by the shoelace formula: positive when counter-clockwise. */
double    ca_ring_signed_area (const CaRing *ring);
void      ca_ring_reverse (CaRing *ring);

CaPolygon *ca_polygon_new (void);
/* Copies @points; orientation is normalised per @is_hole. */
void      ca_polygon_add_ring (CaPolygon *polygon, const CaPoint *points, guint n_points,
                               gboolean is_hole);
void      ca_polygon_free (CaPolygon *polygon);
CaPolygon *ca_polygon_copy (const CaPolygon *polygon);
/* Decides which rings are holes from how deeply each lies inside the
 * others (odd depth: hole), whatever their orientation, then normalises
 * the orientation. For rings read from files that may be CW or CCW. */
void      ca_polygon_classify_rings (CaPolygon *polygon);
/* Planar area: outer rings minus holes, always ≥ 0. */
double    ca_polygon_area (const CaPolygon *polygon);
void      ca_polygon_bbox (const CaPolygon *polygon, CaBBox *bbox);
gboolean  ca_polygon_contains (const CaPolygon *polygon, double x, double y);

/* Whether the edge @a–@b crosses the ray from (@x, @y) towards +x: an odd
 * number of crossings puts the point inside (ca_polygon_contains). */
static inline gboolean
ca_edge_crosses_ray (const CaPoint *a, const CaPoint *b, double x, double y)
{
  return (a->y > y) != (b->y > y) && x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x;
}

/* The squared distance from (@x, @y) to the segment @a–@b. */
static inline double
ca_segment_distance_squared (const CaPoint *a, const CaPoint *b, double x, double y)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double px = a->x, py = a->y;

  if (dx != 0.0 || dy != 0.0)
    {
      double t = ((x - a->x) * dx + (y - a->y) * dy) / (dx * dx + dy * dy);
      if (t > 1.0)
        {
          px = b->x;
          py = b->y;
        }
      else if (t > 0.0)
        {
          px += dx * t;
          py += dy * t;
        }
    }
  dx = x - px;
  dy = y - py;
  return dx * dx + dy * dy;
}

/* Distance from (x, y) to the nearest edge of any ring. */
double    ca_polygon_distance_to_edge (const CaPolygon *polygon, double x, double y);
/* Pole of inaccessibility: the interior point farthest from the boundary,
 * found to within @precision (same units as the coordinates). Returns the
 * distance to the boundary there via @radius (may be NULL). */
CaPoint   ca_polygon_label_point (const CaPolygon *polygon, double precision, double *radius);
/* Area-weighted centroid (may fall outside a concave polygon). */
CaPoint   ca_polygon_centroid (const CaPolygon *polygon);

/* Geodesic area in m² on the WGS 84 ellipsoid of a polygon in lon/lat degrees.
 * Computed by PROJ's geodesic library: NAN with a warning when the PROJ
 * module cannot be loaded (ca-proj.h). */
double    ca_polygon_geodesic_area (const CaPolygon *polygon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaPolygon, ca_polygon_free)

G_END_DECLS
