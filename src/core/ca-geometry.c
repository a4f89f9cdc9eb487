/* ca-geometry.c — planar rings, polygons and bounding boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "ca-edge-grid.h"
#include "ca-geometry.h"
#include "ca-proj.h"

/* WGS 84 ellipsoid, for geodesic areas. */
#define WGS84_A 6378137.0
#define WGS84_F (1.0 / 298.257223563)

/* Bounding boxes */

void
ca_bbox_init_empty (CaBBox *bbox)
{
  g_return_if_fail (bbox != NULL);

  bbox->min_x = bbox->min_y = G_MAXDOUBLE;
  bbox->max_x = bbox->max_y = -G_MAXDOUBLE;
}

gboolean
ca_bbox_is_empty (const CaBBox *bbox)
{
  g_return_val_if_fail (bbox != NULL, TRUE);

  return bbox->min_x > bbox->max_x || bbox->min_y > bbox->max_y;
}

void
ca_bbox_add_point (CaBBox *bbox, double x, double y)
{
  g_return_if_fail (bbox != NULL);

  bbox->min_x = MIN (bbox->min_x, x);
  bbox->min_y = MIN (bbox->min_y, y);
  bbox->max_x = MAX (bbox->max_x, x);
  bbox->max_y = MAX (bbox->max_y, y);
}

void
ca_bbox_union (CaBBox *bbox, const CaBBox *other)
{
  g_return_if_fail (bbox != NULL);
  g_return_if_fail (other != NULL);

  if (ca_bbox_is_empty (other))
    return;
  ca_bbox_add_point (bbox, other->min_x, other->min_y);
  ca_bbox_add_point (bbox, other->max_x, other->max_y);
}

gboolean
ca_bbox_contains (const CaBBox *outer, const CaBBox *inner)
{
  return outer->min_x <= inner->min_x && outer->max_x >= inner->max_x &&
         outer->min_y <= inner->min_y && outer->max_y >= inner->max_y;
}

gboolean
ca_bbox_intersects (const CaBBox *a, const CaBBox *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (ca_bbox_is_empty (a) || ca_bbox_is_empty (b))
    return FALSE;
  return a->min_x <= b->max_x && b->min_x <= a->max_x &&
         a->min_y <= b->max_y && b->min_y <= a->max_y;
}

/* Rings */

double
ca_ring_signed_area (const CaRing *ring)
{
  double sum = 0.0;

  g_return_val_if_fail (ring != NULL, 0.0);

  if (ring->n_points < 3)
    return 0.0;

  /* Relative to the first point, so that large map coordinates (metres
   * around ±1e6) do not cost precision in the products. */
  double x0 = ring->points[0].x, y0 = ring->points[0].y;
  for (guint i = 1; i + 1 < ring->n_points; i++)
    {
      const CaPoint *p = &ring->points[i], *q = &ring->points[i + 1];
      sum += (p->x - x0) * (q->y - y0) - (q->x - x0) * (p->y - y0);
    }
  return sum / 2.0;
}

void
ca_ring_reverse (CaRing *ring)
{
  g_return_if_fail (ring != NULL);

  for (guint i = 0, j = ring->n_points; i + 1 < j; i++, j--)
    {
      CaPoint tmp = ring->points[i];
      ring->points[i] = ring->points[j - 1];
      ring->points[j - 1] = tmp;
    }
}

/* Polygons */

CaPolygon *
ca_polygon_new (void)
{
  return g_new0 (CaPolygon, 1);
}

void
ca_polygon_add_ring (CaPolygon *polygon, const CaPoint *points, guint n_points, gboolean is_hole)
{
  g_return_if_fail (polygon != NULL);
  g_return_if_fail (points != NULL);
  g_return_if_fail (n_points >= 3);

  /* Close the ring when the caller did not. */
  gboolean closed = points[0].x == points[n_points - 1].x &&
                    points[0].y == points[n_points - 1].y;
  guint n = closed ? n_points : n_points + 1;

  polygon->rings = g_renew (CaRing, polygon->rings, polygon->n_rings + 1);
  CaRing *ring = &polygon->rings[polygon->n_rings++];
  ring->points = g_new (CaPoint, n);
  ring->n_points = n;
  ring->is_hole = is_hole ? TRUE : FALSE;
  memcpy (ring->points, points, n_points * sizeof (CaPoint));
  if (!closed)
    ring->points[n - 1] = points[0];

  double area = ca_ring_signed_area (ring);
  if ((is_hole && area > 0.0) || (!is_hole && area < 0.0))
    ca_ring_reverse (ring);
}

void
ca_polygon_free (CaPolygon *polygon)
{
  if (polygon == NULL)
    return;
  for (guint i = 0; i < polygon->n_rings; i++)
    g_free (polygon->rings[i].points);
  g_free (polygon->rings);
  g_free (polygon);
}

CaPolygon *
ca_polygon_copy (const CaPolygon *polygon)
{
  g_return_val_if_fail (polygon != NULL, NULL);

  CaPolygon *copy = ca_polygon_new ();
  copy->n_rings = polygon->n_rings;
  copy->rings = g_new (CaRing, MAX (polygon->n_rings, 1));
  for (guint i = 0; i < polygon->n_rings; i++)
    {
      const CaRing *ring = &polygon->rings[i];
      copy->rings[i].n_points = ring->n_points;
      copy->rings[i].is_hole = ring->is_hole;
      copy->rings[i].points = g_memdup2 (ring->points, ring->n_points * sizeof (CaPoint));
    }
  return copy;
}

double
ca_polygon_area (const CaPolygon *polygon)
{
  double area = 0.0;

  g_return_val_if_fail (polygon != NULL, 0.0);

  for (guint i = 0; i < polygon->n_rings; i++)
    {
      double a = fabs (ca_ring_signed_area (&polygon->rings[i]));
      area += polygon->rings[i].is_hole ? -a : a;
    }
  return MAX (area, 0.0);
}

void
ca_polygon_bbox (const CaPolygon *polygon, CaBBox *bbox)
{
  g_return_if_fail (polygon != NULL);
  g_return_if_fail (bbox != NULL);

  ca_bbox_init_empty (bbox);
  for (guint i = 0; i < polygon->n_rings; i++)
    {
      const CaRing *ring = &polygon->rings[i];
      for (guint j = 0; j < ring->n_points; j++)
        ca_bbox_add_point (bbox, ring->points[j].x, ring->points[j].y);
    }
}

/* Even-odd rule over every ring: holes and islands in holes come out right
 * without looking at is_hole. */
gboolean
ca_polygon_contains (const CaPolygon *polygon, double x, double y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (polygon != NULL, FALSE);

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const CaRing *ring = &polygon->rings[r];
      if (ring->n_points == 0)
        continue;
      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          if (ca_edge_crosses_ray (&ring->points[i], &ring->points[j], x, y))
            inside = !inside;
        }
    }
  return inside;
}

/* Above this many rings the quadratic nesting test gives way to the ESRI
 * rule alone (clockwise: outer). */
#define CLASSIFY_MAX_RINGS 2000
#define CLASSIFY_SAMPLES 8


/* Majority vote of sampled vertices and edge midpoints, so that vertices
 * shared with @outer (lying on its edge) cannot decide alone. */
static gboolean
ring_inside_ring (const CaRing *inner, const CaRing *outer)
{
  CaPolygon single = { (CaRing *) outer, 1 };
  guint n = inner->n_points - 1;
  guint step = MAX (n / CLASSIFY_SAMPLES, 1);
  int votes = 0;

  for (guint i = 0; i < n; i += step)
    {
      const CaPoint *a = &inner->points[i], *b = &inner->points[i + 1];
      votes += ca_polygon_contains (&single, a->x, a->y) ? 1 : -1;
      votes += ca_polygon_contains (&single, (a->x + b->x) / 2.0, (a->y + b->y) / 2.0) ? 1 : -1;
    }
  return votes > 0;
}

static guint
nesting_depth (const CaPolygon *polygon, guint index, const double *areas, const CaBBox *boxes)
{
  guint depth = 0;

  for (guint j = 0; j < polygon->n_rings; j++)
    if (j != index && fabs (areas[j]) > fabs (areas[index]) &&
        ca_bbox_contains (&boxes[j], &boxes[index]) &&
        ring_inside_ring (&polygon->rings[index], &polygon->rings[j]))
      depth++;
  return depth;
}

void
ca_polygon_classify_rings (CaPolygon *polygon)
{
  g_return_if_fail (polygon != NULL);

  guint n = polygon->n_rings;
  g_autofree double *areas = g_new (double, MAX (n, 1));
  g_autofree CaBBox *boxes = g_new (CaBBox, MAX (n, 1));
  guint n_holes = 0;

  for (guint i = 0; i < n; i++)
    {
      CaPolygon single = { &polygon->rings[i], 1 };
      areas[i] = ca_ring_signed_area (&polygon->rings[i]);
      ca_polygon_bbox (&single, &boxes[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean hole = FALSE;
      if (n > CLASSIFY_MAX_RINGS)
        hole = areas[i] > 0.0;
      else if (n > 1)
        hole = nesting_depth (polygon, i, areas, boxes) % 2 == 1;
      polygon->rings[i].is_hole = hole;
      n_holes += hole ? 1 : 0;
    }
  /* Without a nesting test, a file of counter-clockwise outer rings would
   * read as all holes: then its convention is the other one. */
  for (guint i = 0; i < n; i++)
    {
      CaRing *ring = &polygon->rings[i];
      if (n_holes == n)
        ring->is_hole = FALSE;
      if ((ring->is_hole && areas[i] > 0.0) || (!ring->is_hole && areas[i] < 0.0))
        ca_ring_reverse (ring);
    }
}

double
ca_polygon_distance_to_edge (const CaPolygon *polygon, double x, double y)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (polygon != NULL, G_MAXDOUBLE);

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const CaRing *ring = &polygon->rings[r];
      for (guint i = 0; i + 1 < ring->n_points; i++)
        best = MIN (best,
                    ca_segment_distance_squared (&ring->points[i], &ring->points[i + 1], x, y));
    }
  return sqrt (best);
}

/* Signed: positive inside, negative outside; through @grid when there is
 * one (the same numbers, from the nearby edges only). */
static double
signed_distance (const CaPolygon *polygon, const CaEdgeGrid *grid, double x, double y)
{
  if (grid != NULL)
    {
      double d = ca_edge_grid_distance (grid, x, y);
      return ca_edge_grid_contains (grid, x, y) ? d : -d;
    }
  double d = ca_polygon_distance_to_edge (polygon, x, y);
  return ca_polygon_contains (polygon, x, y) ? d : -d;
}

CaPoint
ca_polygon_centroid (const CaPolygon *polygon)
{
  double cx = 0.0, cy = 0.0, total = 0.0;
  CaPoint result = { 0.0, 0.0 };
  CaBBox bbox;

  g_return_val_if_fail (polygon != NULL, result);

  ca_polygon_bbox (polygon, &bbox);
  if (ca_bbox_is_empty (&bbox))
    return result;

  /* Relative to the bbox corner for precision; holes are clockwise, so
   * their negative signed area subtracts without a special case. */
  double ox = bbox.min_x, oy = bbox.min_y;
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const CaRing *ring = &polygon->rings[r];
      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          double x0 = ring->points[i].x - ox, y0 = ring->points[i].y - oy;
          double x1 = ring->points[i + 1].x - ox, y1 = ring->points[i + 1].y - oy;
          double cross = x0 * y1 - x1 * y0;
          total += cross;
          cx += (x0 + x1) * cross;
          cy += (y0 + y1) * cross;
        }
    }

  if (fabs (total) <= DBL_EPSILON * (bbox.max_x - ox + 1.0) * (bbox.max_y - oy + 1.0))
    {
      /* Degenerate (zero area): the middle of the box is as good as any. */
      result.x = (bbox.min_x + bbox.max_x) / 2.0;
      result.y = (bbox.min_y + bbox.max_y) / 2.0;
      return result;
    }
  result.x = ox + cx / (3.0 * total);
  result.y = oy + cy / (3.0 * total);
  return result;
}

/* Pole of inaccessibility (after Mapbox's polylabel): cover the box with
 * square cells, always split the cell that could still hold the best
 * point, prune cells that cannot beat the best by more than @precision. */

typedef struct
{
  double x, y;   /* cell centre */
  double h;      /* half the cell size */
  double d;      /* signed distance from the centre to the polygon */
  double max;    /* upper bound of the distance anywhere in the cell */
} Cell;

static Cell
cell_make (const CaPolygon *polygon, const CaEdgeGrid *grid, double x, double y, double h)
{
  Cell cell = { x, y, h, signed_distance (polygon, grid, x, y), 0.0 };
  cell.max = cell.d + h * G_SQRT2;
  return cell;
}

/* A binary max-heap of cells keyed on Cell.max. */
static void
heap_push (GArray *heap, const Cell *cell)
{
  g_array_append_val (heap, *cell);
  Cell *cells = (Cell *) heap->data;
  guint i = heap->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      if (cells[parent].max >= cells[i].max)
        break;
      Cell tmp = cells[parent];
      cells[parent] = cells[i];
      cells[i] = tmp;
      i = parent;
    }
}

static Cell
heap_pop (GArray *heap)
{
  Cell *cells = (Cell *) heap->data;
  Cell top = cells[0];
  guint n = heap->len - 1;

  cells[0] = cells[n];
  g_array_set_size (heap, n);
  for (guint i = 0;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      if (l < n && cells[l].max > cells[m].max)
        m = l;
      if (r < n && cells[r].max > cells[m].max)
        m = r;
      if (m == i)
        break;
      Cell tmp = cells[m];
      cells[m] = cells[i];
      cells[i] = tmp;
      i = m;
    }
  return top;
}

/* Bounds the work (probes × edges) for absurd precision requests on
 * huge polygons; ordinary requests need a few hundred probes. */
#define LABEL_MAX_WORK 50000000.0
#define LABEL_MIN_PROBES 1024
#define LABEL_MAX_FIRST_CELLS 4096.0
/* Below this the walks over every edge cost less than making the grid. */
#define LABEL_GRID_MIN_EDGES 64

CaPoint
ca_polygon_label_point (const CaPolygon *polygon, double precision, double *radius)
{
  CaPoint result = { 0.0, 0.0 };
  CaBBox bbox;

  if (radius)
    *radius = 0.0;
  g_return_val_if_fail (polygon != NULL, result);

  ca_polygon_bbox (polygon, &bbox);
  if (ca_bbox_is_empty (&bbox))
    return result;

  double width = bbox.max_x - bbox.min_x, height = bbox.max_y - bbox.min_y;
  /* Square cells as wide as the short side; a sliver gets coarser cells
   * so the first cover stays small (the bounds hold for any size). */
  double cell_size = MAX (MIN (width, height), MAX (width, height) / LABEL_MAX_FIRST_CELLS);
  if (!(MIN (width, height) > 0.0) || !isfinite (width + height))
    {
      result.x = bbox.min_x + width / 2.0;
      result.y = bbox.min_y + height / 2.0;
      return result;
    }
  /* A precision finer than the coordinates can resolve only burns time. */
  precision = MAX (precision, MAX (width, height) * 1e-9);

  guint n_edges = 0;
  for (guint r = 0; r < polygon->n_rings; r++)
    n_edges += polygon->rings[r].n_points;
  g_autoptr (CaEdgeGrid) grid = n_edges >= LABEL_GRID_MIN_EDGES ? ca_edge_grid_new (polygon) : NULL;
  g_autoptr (GArray) heap = g_array_new (FALSE, FALSE, sizeof (Cell));
  double h = cell_size / 2.0;
  /* Cells counted, not stepped: "x += cell_size" stalls for ever once a
   * cell is narrower than the spacing of doubles near x (a sliver far from
   * the origin). Each count is at most LABEL_MAX_FIRST_CELLS. */
  double nx = MIN (ceil (width / cell_size), LABEL_MAX_FIRST_CELLS);
  double ny = MIN (ceil (height / cell_size), LABEL_MAX_FIRST_CELLS);
  for (double i = 0; i < nx; i++)
    for (double j = 0; j < ny; j++)
      {
        Cell cell = cell_make (polygon, grid, bbox.min_x + i * cell_size + h,
                               bbox.min_y + j * cell_size + h, h);
        heap_push (heap, &cell);
      }

  CaPoint centroid = ca_polygon_centroid (polygon);
  Cell best = cell_make (polygon, grid, centroid.x, centroid.y, 0.0);
  Cell box_centre = cell_make (polygon, grid, bbox.min_x + width / 2.0, bbox.min_y + height / 2.0,
                               0.0);
  if (box_centre.d > best.d)
    best = box_centre;

  guint max_probes = (guint) MAX (LABEL_MIN_PROBES, LABEL_MAX_WORK / MAX (n_edges, 1));
  guint probes = heap->len + 2;
  while (heap->len > 0)
    {
      Cell cell = heap_pop (heap);
      if (cell.d > best.d)
        best = cell;
      if (cell.max - best.d <= precision || probes >= max_probes)
        continue;
      h = cell.h / 2.0;
      for (int i = 0; i < 4; i++)
        {
          Cell child = cell_make (polygon, grid, cell.x + (i & 1 ? h : -h),
                                  cell.y + (i & 2 ? h : -h), h);
          heap_push (heap, &child);
        }
      probes += 4;
    }

  result.x = best.x;
  result.y = best.y;
  if (radius)
    *radius = MAX (best.d, 0.0);
  return result;
}

double
ca_polygon_geodesic_area (const CaPolygon *polygon)
{
  struct geod_geodesic geod;
  double total = 0.0;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (polygon != NULL, 0.0);

  /* PROJ's geodesic library, from the PROJ module (ca-proj.h). */
  const CaProjApi *proj = ca_proj_api_get (&error);
  if (proj == NULL)
    {
      g_warning ("%s", error->message);
      return NAN;
    }
  proj->geod_init (&geod, WGS84_A, WGS84_F);
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const CaRing *ring = &polygon->rings[r];
      struct geod_polygon gp;
      double area = 0.0, perimeter = 0.0;

      if (ring->n_points < 4)
        continue;
      proj->geod_polygon_init (&gp, 0);
      /* The closing point repeats the first: geod closes the ring itself. */
      for (guint i = 0; i + 1 < ring->n_points; i++)
        proj->geod_polygon_addpoint (&geod, &gp, ring->points[i].y, ring->points[i].x);
      /* Signed and not reversed: the sign only reflects the direction; the
       * magnitude is the ring's area for any ring smaller than a hemisphere. */
      proj->geod_polygon_compute (&geod, &gp, FALSE, TRUE, &area, &perimeter);
      total += ring->is_hole ? -fabs (area) : fabs (area);
    }
  return MAX (total, 0.0);
}
