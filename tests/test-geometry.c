/* test-geometry.c — rings, polygons, label points and geodesic areas on
 * shapes whose answers can be worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-edge-grid.h"
#include "ca-edges.h"
#include "ca-geometry.h"

/* 0..10 square, listed clockwise (the ESRI way round). */
static const CaPoint square_cw[] = { { 0, 0 }, { 0, 10 }, { 10, 10 }, { 10, 0 }, { 0, 0 } };
/* The 4..6 hole in its middle, listed counter-clockwise. */
static const CaPoint hole_ccw[] = { { 4, 4 }, { 6, 4 }, { 6, 6 }, { 4, 6 }, { 4, 4 } };
/* An L: 10 long, 2 wide arms along both axes; area 20 + 16 = 36. */
static const CaPoint l_shape[] = { { 0, 0 }, { 10, 0 }, { 10, 2 }, { 2, 2 }, { 2, 10 }, { 0, 10 } };

static CaPolygon *
square_with_hole (void)
{
  CaPolygon *polygon = ca_polygon_new ();
  ca_polygon_add_ring (polygon, square_cw, G_N_ELEMENTS (square_cw), FALSE);
  ca_polygon_add_ring (polygon, hole_ccw, G_N_ELEMENTS (hole_ccw), TRUE);
  return polygon;
}

static void
test_bbox (void)
{
  CaBBox a, b, c;

  ca_bbox_init_empty (&a);
  g_assert_true (ca_bbox_is_empty (&a));
  ca_bbox_add_point (&a, 1, 2);
  g_assert_false (ca_bbox_is_empty (&a));
  ca_bbox_add_point (&a, -3, 5);
  g_assert_cmpfloat (a.min_x, ==, -3);
  g_assert_cmpfloat (a.max_x, ==, 1);
  g_assert_cmpfloat (a.min_y, ==, 2);
  g_assert_cmpfloat (a.max_y, ==, 5);

  b = (CaBBox) { 1, 5, 4, 9 };      /* touches a's corner (1, 5) */
  g_assert_true (ca_bbox_intersects (&a, &b));
  c = (CaBBox) { 1.5, 0, 3, 1 };
  g_assert_false (ca_bbox_intersects (&a, &c));
  ca_bbox_init_empty (&c);
  g_assert_false (ca_bbox_intersects (&a, &c));

  ca_bbox_union (&a, &b);
  g_assert_cmpfloat (a.max_x, ==, 4);
  g_assert_cmpfloat (a.max_y, ==, 9);
  ca_bbox_union (&a, &c);            /* empty: no change */
  g_assert_cmpfloat (a.min_y, ==, 2);
}

static void
test_orientation (void)
{
  g_autoptr (CaPolygon) polygon = square_with_hole ();

  g_assert_cmpuint (polygon->n_rings, ==, 2);
  /* Given CW, stored CCW: +100; the hole given CCW, stored CW: −4. */
  g_assert_cmpfloat_with_epsilon (ca_ring_signed_area (&polygon->rings[0]), 100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ca_ring_signed_area (&polygon->rings[1]), -4.0, 1e-12);
  g_assert_false (polygon->rings[0].is_hole);
  g_assert_true (polygon->rings[1].is_hole);
  g_assert_cmpfloat_with_epsilon (ca_polygon_area (polygon), 96.0, 1e-12);

  /* An unclosed ring is closed: 6 points given, 7 stored. */
  g_autoptr (CaPolygon) l = ca_polygon_new ();
  ca_polygon_add_ring (l, l_shape, G_N_ELEMENTS (l_shape), FALSE);
  g_assert_cmpuint (l->rings[0].n_points, ==, 7);
  g_assert_cmpfloat_with_epsilon (ca_polygon_area (l), 36.0, 1e-12);

  CaRing ring = l->rings[0];
  ca_ring_reverse (&ring);
  g_assert_cmpfloat_with_epsilon (ca_ring_signed_area (&ring), -36.0, 1e-12);
  g_assert_cmpfloat (ring.points[1].x, ==, 0);
  g_assert_cmpfloat (ring.points[1].y, ==, 10);
}

static void
test_contains (void)
{
  g_autoptr (CaPolygon) polygon = square_with_hole ();

  g_assert_true (ca_polygon_contains (polygon, 1, 1));
  g_assert_true (ca_polygon_contains (polygon, 3, 5));
  g_assert_false (ca_polygon_contains (polygon, 5, 5));    /* in the hole */
  g_assert_false (ca_polygon_contains (polygon, 11, 5));
  g_assert_false (ca_polygon_contains (polygon, -0.001, 5));

  /* An island inside the hole is inside again (even-odd). */
  static const CaPoint island[] = { { 4.5, 4.5 }, { 5.5, 4.5 }, { 5.5, 5.5 }, { 4.5, 5.5 }, { 4.5, 4.5 } };
  ca_polygon_add_ring (polygon, island, G_N_ELEMENTS (island), FALSE);
  g_assert_true (ca_polygon_contains (polygon, 5, 5));
  g_assert_false (ca_polygon_contains (polygon, 4.2, 5));
  g_assert_cmpfloat_with_epsilon (ca_polygon_area (polygon), 97.0, 1e-12);
}

static void
test_distance (void)
{
  g_autoptr (CaPolygon) polygon = square_with_hole ();

  /* 3 from the outer edge, 1 from the hole. */
  g_assert_cmpfloat_with_epsilon (ca_polygon_distance_to_edge (polygon, 3, 5), 1.0, 1e-12);
  /* Outside, nearest the corner (0, 10): a 3-4-5 triangle. */
  g_assert_cmpfloat_with_epsilon (ca_polygon_distance_to_edge (polygon, -3, 14), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ca_polygon_distance_to_edge (polygon, 10, 7), 0.0, 1e-12);
}

/* The grid on the square with its hole: the answers worked out by hand. */
static void
test_edge_grid_by_hand (void)
{
  g_autoptr (CaPolygon) polygon = square_with_hole ();
  g_autoptr (CaEdgeGrid) grid = ca_edge_grid_new (polygon);

  g_assert_cmpfloat (ca_edge_grid_distance (grid, 3, 5), ==, 1.0);    /* the hole's side */
  g_assert_cmpfloat (ca_edge_grid_distance (grid, 1, 2), ==, 1.0);    /* the outer side */
  g_assert_cmpfloat (ca_edge_grid_distance (grid, 5, 5), ==, 1.0);    /* inside the hole */
  g_assert_cmpfloat (ca_edge_grid_distance (grid, -3, 14), ==, 5.0);  /* outside, by a corner */
  g_assert_cmpfloat (ca_edge_grid_distance (grid, 40, 5), ==, 30.0);  /* far outside */
  g_assert_true (ca_edge_grid_contains (grid, 1, 1));
  g_assert_true (ca_edge_grid_contains (grid, 9, 5));
  g_assert_false (ca_edge_grid_contains (grid, 5, 5));                /* in the hole */
  g_assert_false (ca_edge_grid_contains (grid, 11, 5));
  g_assert_false (ca_edge_grid_contains (grid, 5, -1));
}

static void
append_point (GArray *points, double x, double y)
{
  CaPoint p = { x, y };

  g_array_append_val (points, p);
}

/* A comb of @teeth teeth with a notched hole in its back: long thin
 * parts, many edges, points near and far, inside, outside, in the hole. */
static CaPolygon *
comb (guint teeth)
{
  g_autoptr (GArray) outer = g_array_new (FALSE, FALSE, sizeof (CaPoint));
  CaPoint hole[] = { { 1, 1 }, { 1, 3 }, { 5, 3 }, { 5, 2.5 }, { 5.5, 2.5 }, { 5.5, 3 },
                     { 9, 3 }, { 9, 1 }, { 1, 1 } };
  CaPolygon *polygon = ca_polygon_new ();

  for (guint t = 0; t < teeth; t++)
    {
      double x = 10.0 * t / teeth, w = 10.0 / teeth;

      append_point (outer, x, 4);
      append_point (outer, x + w * 0.3, 12 + (t % 3));
      append_point (outer, x + w * 0.6, 4.5);
    }
  append_point (outer, 10, 4);
  append_point (outer, 10, 0);
  append_point (outer, 0, 0);
  append_point (outer, 0, 4);
  ca_polygon_add_ring (polygon, (CaPoint *) outer->data, outer->len, FALSE);
  ca_polygon_add_ring (polygon, hole, G_N_ELEMENTS (hole), TRUE);
  return polygon;
}

/* Exactly the walks' answers, wherever the point is: a grid that skipped
 * an edge it should not (the nearest one, or a crossing) would differ. */
static void
test_edge_grid_same_answers (void)
{
  g_autoptr (CaPolygon) polygon = comb (40);
  g_autoptr (CaEdgeGrid) grid = ca_edge_grid_new (polygon);
  GRand *rand = g_rand_new_with_seed (7);
  guint inside = 0;

  for (guint i = 0; i < 20000; i++)
    {
      /* The box is 0..10 × 0..14; some points beyond it, some on vertices. */
      double x = g_rand_double_range (rand, -3, 13), y = g_rand_double_range (rand, -3, 17);

      if (i % 10 == 0)
        {
          const CaRing *ring = &polygon->rings[i % 20 == 0 ? 0 : 1];
          const CaPoint *vertex = &ring->points[g_rand_int_range (rand, 0, (gint) ring->n_points)];

          x = vertex->x;
          y = i % 30 == 0 ? vertex->y : y;
        }
      g_assert_cmpfloat (ca_edge_grid_distance (grid, x, y), ==,
                         ca_polygon_distance_to_edge (polygon, x, y));
      g_assert_cmpint (ca_edge_grid_contains (grid, x, y), ==, ca_polygon_contains (polygon, x, y));
      inside += ca_polygon_contains (polygon, x, y);
    }
  /* The points did fall on both sides. */
  g_assert_cmpuint (inside, >, 2000);
  g_assert_cmpuint (inside, <, 18000);
  g_rand_free (rand);
}

/* A saw of long, nearly level teeth across the whole box: each edge would
 * be listed in a whole row of cells, so there is no grid, and the label
 * point walks the edges as before. */
static void
test_edge_grid_refuses_saw (void)
{
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (CaPoint));
  g_autoptr (CaPolygon) saw = ca_polygon_new ();
  const guint teeth = 10000;

  append_point (points, 0, 0);
  for (guint i = 0; i < teeth; i++)
    {
      append_point (points, 100, (2.0 * i + 1) / (2.0 * teeth) * 100);
      append_point (points, 1, (2.0 * i + 2) / (2.0 * teeth) * 100);
    }
  append_point (points, 0, 100);
  append_point (points, 0, 0);
  ca_polygon_add_ring (saw, (CaPoint *) points->data, points->len, FALSE);

  g_assert_null (ca_edge_grid_new (saw));
  CaPoint label = ca_polygon_label_point (saw, 0.01, NULL);
  g_assert_true (ca_polygon_contains (saw, label.x, label.y));
}

static void
test_centroid (void)
{
  g_autoptr (CaPolygon) l = ca_polygon_new ();
  ca_polygon_add_ring (l, l_shape, G_N_ELEMENTS (l_shape), FALSE);

  /* Arms: 20 at (5, 1) and 16 at (1, 6): (116/36, 116/36), outside the L. */
  CaPoint c = ca_polygon_centroid (l);
  g_assert_cmpfloat_with_epsilon (c.x, 116.0 / 36.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.y, 116.0 / 36.0, 1e-9);
  g_assert_false (ca_polygon_contains (l, c.x, c.y));

  /* The hole is symmetric: the centroid stays at the middle. */
  g_autoptr (CaPolygon) square = square_with_hole ();
  c = ca_polygon_centroid (square);
  g_assert_cmpfloat_with_epsilon (c.x, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.y, 5.0, 1e-9);
}

static void
test_label_l_shape (void)
{
  g_autoptr (CaPolygon) l = ca_polygon_new ();
  double radius = 0.0;

  ca_polygon_add_ring (l, l_shape, G_N_ELEMENTS (l_shape), FALSE);
  CaPoint p = ca_polygon_label_point (l, 0.001, &radius);

  /* The widest spot is the corner square: a circle on (r, r) touching
   * both axes and the inner corner (2, 2): √2 (2 − r) = r. */
  double expected = 2.0 * G_SQRT2 / (1.0 + G_SQRT2);
  g_assert_true (ca_polygon_contains (l, p.x, p.y));
  g_assert_cmpfloat_with_epsilon (radius, expected, 0.002);
  g_assert_cmpfloat_with_epsilon (ca_polygon_distance_to_edge (l, p.x, p.y), radius, 1e-9);
  g_assert_cmpfloat (p.x, <, 2.0);
  g_assert_cmpfloat (p.y, <, 2.0);
}

static void
test_label_square_with_hole (void)
{
  g_autoptr (CaPolygon) polygon = square_with_hole ();
  double radius = 0.0;

  CaPoint p = ca_polygon_label_point (polygon, 0.001, &radius);

  /* Not the middle (that is the hole) but a corner: on the diagonal at
   * (r, r) with √2 (4 − r) = r, r = 4√2 / (1 + √2) ≈ 2.343. */
  double expected = 4.0 * G_SQRT2 / (1.0 + G_SQRT2);
  g_assert_true (ca_polygon_contains (polygon, p.x, p.y));
  g_assert_cmpfloat_with_epsilon (radius, expected, 0.002);
  g_assert_cmpfloat (hypot (p.x - 5.0, p.y - 5.0), >, 1.0 + expected);
}

static void
test_label_degenerate (void)
{
  static const CaPoint flat[] = { { 0, 0 }, { 4, 0 }, { 8, 0 }, { 0, 0 } };
  g_autoptr (CaPolygon) polygon = ca_polygon_new ();
  g_autoptr (CaPolygon) empty = ca_polygon_new ();
  double radius = -1.0;

  ca_polygon_add_ring (polygon, flat, G_N_ELEMENTS (flat), FALSE);
  CaPoint p = ca_polygon_label_point (polygon, 0.1, &radius);
  g_assert_cmpfloat (p.x, ==, 4.0);
  g_assert_cmpfloat (p.y, ==, 0.0);
  g_assert_cmpfloat (radius, ==, 0.0);

  p = ca_polygon_label_point (empty, 0.1, &radius);
  g_assert_cmpfloat (radius, ==, 0.0);
  g_assert_cmpfloat (ca_polygon_area (empty), ==, 0.0);
}

static void
test_classify_rings (void)
{
  /* Both rings clockwise: only containment can tell the hole. */
  static const CaPoint hole_cw[] = { { 4, 4 }, { 4, 6 }, { 6, 6 }, { 6, 4 }, { 4, 4 } };
  static const CaPoint far_ccw[] = { { 20, 0 }, { 23, 0 }, { 23, 3 }, { 20, 3 }, { 20, 0 } };
  g_autoptr (CaPolygon) polygon = ca_polygon_new ();

  /* The hole first, to show order does not matter. */
  ca_polygon_add_ring (polygon, hole_cw, G_N_ELEMENTS (hole_cw), FALSE);
  ca_polygon_add_ring (polygon, square_cw, G_N_ELEMENTS (square_cw), FALSE);
  ca_polygon_add_ring (polygon, far_ccw, G_N_ELEMENTS (far_ccw), FALSE);
  ca_polygon_classify_rings (polygon);

  g_assert_true (polygon->rings[0].is_hole);
  g_assert_false (polygon->rings[1].is_hole);
  g_assert_false (polygon->rings[2].is_hole);
  g_assert_cmpfloat (ca_ring_signed_area (&polygon->rings[0]), <, 0.0);
  g_assert_cmpfloat (ca_ring_signed_area (&polygon->rings[1]), >, 0.0);
  g_assert_cmpfloat (ca_ring_signed_area (&polygon->rings[2]), >, 0.0);
  g_assert_cmpfloat_with_epsilon (ca_polygon_area (polygon), 96.0 + 9.0, 1e-12);
}

static void
test_copy (void)
{
  g_autoptr (CaPolygon) polygon = square_with_hole ();
  g_autoptr (CaPolygon) copy = ca_polygon_copy (polygon);

  g_assert_cmpuint (copy->n_rings, ==, 2);
  g_assert_true (copy->rings[0].points != polygon->rings[0].points);
  g_assert_cmpmem (copy->rings[1].points, copy->rings[1].n_points * sizeof (CaPoint),
                   polygon->rings[1].points, polygon->rings[1].n_points * sizeof (CaPoint));
  g_assert_true (copy->rings[1].is_hole);

  CaBBox bbox;
  ca_polygon_bbox (copy, &bbox);
  g_assert_cmpfloat (bbox.min_x, ==, 0);
  g_assert_cmpfloat (bbox.max_y, ==, 10);
}

static void
test_geodesic_area (void)
{
  static const CaPoint cell[] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 } };
  /* A 0.5°×0.5° hole in the middle of the same cell. */
  static const CaPoint hole[] = { { 0.25, 0.25 }, { 0.75, 0.25 }, { 0.75, 0.75 }, { 0.25, 0.75 }, { 0.25, 0.25 } };
  g_autoptr (CaPolygon) polygon = ca_polygon_new ();
  g_autoptr (CaPolygon) small = ca_polygon_new ();

  /* 1°×1° at the equator on WGS 84: 12 308 778 400 m² (GeographicLib). */
  ca_polygon_add_ring (polygon, cell, G_N_ELEMENTS (cell), FALSE);
  double area = ca_polygon_geodesic_area (polygon);
  g_assert_cmpfloat_with_epsilon (area, 12308778400.0, 12308778400.0 * 0.001);

  /* The same cell given clockwise has the same area. */
  ca_ring_reverse (&polygon->rings[0]);
  g_assert_cmpfloat_with_epsilon (ca_polygon_geodesic_area (polygon), area, 1.0);

  ca_polygon_add_ring (small, hole, G_N_ELEMENTS (hole), FALSE);
  double hole_area = ca_polygon_geodesic_area (small);
  g_assert_cmpfloat_with_epsilon (hole_area, area / 4.0, area * 0.001);

  ca_polygon_add_ring (polygon, hole, G_N_ELEMENTS (hole), TRUE);
  g_assert_cmpfloat_with_epsilon (ca_polygon_geodesic_area (polygon), area - hole_area, 1.0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The segments of @set as "x0,y0-x1,y1" with the smaller end first,
 * sorted and joined with spaces. */
static char *
segments_of (const CaLineSet *set)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < set->n_lines; l++)
    for (guint i = 0; i + 1 < set->lines[l].n_points; i++)
      {
        const CaPoint *p = &set->lines[l].points[i], *q = &set->lines[l].points[i + 1];

        if (q->x < p->x || (q->x == p->x && q->y < p->y))
          {
            const CaPoint *t = p;
            p = q;
            q = t;
          }
        g_ptr_array_add (names, g_strdup_printf ("%g,%g-%g,%g", p->x, p->y, q->x, q->y));
      }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static CaPolygon *
rectangle (double x0, double y0, double x1, double y1)
{
  CaPoint ring[] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 }, { x0, y0 } };
  CaPolygon *polygon = ca_polygon_new ();

  ca_polygon_add_ring (polygon, ring, G_N_ELEMENTS (ring), FALSE);
  return polygon;
}

/* Two unit squares side by side: 8 edges, 1 shared. */
static void
test_edges_shared (void)
{
  g_autoptr (CaPolygon) a = rectangle (0, 0, 1, 1);
  g_autoptr (CaPolygon) b = rectangle (1, 0, 2, 1);
  const CaPolygon *both[] = { a, NULL, b };
  g_autoptr (CaLineSet) all = ca_line_set_from_polygons (both, 3, CA_EDGES_ALL);
  g_autoptr (CaLineSet) outer = ca_line_set_from_polygons (both, 3, CA_EDGES_OUTER);
  g_autofree char *all_segments = segments_of (all), *outer_segments = segments_of (outer);

  g_assert_cmpuint (ca_line_set_count_segments (all), ==, 7);
  g_assert_cmpstr (all_segments, ==, "0,0-0,1 0,0-1,0 0,1-1,1 1,0-1,1 1,0-2,0 1,1-2,1 2,0-2,1");
  /* The first square whole, closed; of the second, three sides in one line. */
  g_assert_cmpuint (all->n_lines, ==, 2);
  g_assert_true (all->lines[0].closed);
  g_assert_cmpuint (all->lines[0].n_points, ==, 5);
  g_assert_false (all->lines[1].closed);
  g_assert_cmpuint (all->lines[1].n_points, ==, 4);

  g_assert_cmpuint (ca_line_set_count_segments (outer), ==, 6);
  g_assert_cmpstr (outer_segments, ==, "0,0-0,1 0,0-1,0 0,1-1,1 1,0-2,0 1,1-2,1 2,0-2,1");
  /* Each square's three outer sides as one line, not broken at the seam. */
  g_assert_cmpuint (outer->n_lines, ==, 2);
  g_assert_cmpuint (outer->lines[0].n_points, ==, 4);
  g_assert_cmpuint (outer->lines[1].n_points, ==, 4);
}

/* An island filling a hole: the hole's edges are inner, the square's
 * outer; borders that are not exactly the same are both kept. */
static void
test_edges_hole_and_near_miss (void)
{
  g_autoptr (CaPolygon) frame = square_with_hole ();
  g_autoptr (CaPolygon) island = rectangle (4, 4, 6, 6);
  g_autoptr (CaPolygon) beside = rectangle (10 + 1e-9, 0, 20, 10);
  const CaPolygon *filled[] = { frame, island }, *apart[] = { frame, beside };
  g_autoptr (CaLineSet) outer = ca_line_set_from_polygons (filled, 2, CA_EDGES_OUTER);
  g_autoptr (CaLineSet) all = ca_line_set_from_polygons (filled, 2, CA_EDGES_ALL);
  g_autoptr (CaLineSet) both = ca_line_set_from_polygons (apart, 2, CA_EDGES_OUTER);
  g_autofree char *outer_segments = segments_of (outer);

  g_assert_cmpstr (outer_segments, ==, "0,0-0,10 0,0-10,0 0,10-10,10 10,0-10,10");
  g_assert_cmpuint (outer->n_lines, ==, 1);
  g_assert_true (outer->lines[0].closed);
  g_assert_cmpuint (ca_line_set_count_segments (all), ==, 8);
  g_assert_cmpuint (ca_line_set_count_segments (both), ==, 4 + 4 + 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/bbox", test_bbox);
  g_test_add_func ("/geometry/orientation", test_orientation);
  g_test_add_func ("/geometry/contains", test_contains);
  g_test_add_func ("/geometry/distance", test_distance);
  g_test_add_func ("/geometry/edge-grid/by-hand", test_edge_grid_by_hand);
  g_test_add_func ("/geometry/edge-grid/same-answers", test_edge_grid_same_answers);
  g_test_add_func ("/geometry/edge-grid/refuses-saw", test_edge_grid_refuses_saw);
  g_test_add_func ("/geometry/centroid", test_centroid);
  g_test_add_func ("/geometry/label/l-shape", test_label_l_shape);
  g_test_add_func ("/geometry/label/square-with-hole", test_label_square_with_hole);
  g_test_add_func ("/geometry/label/degenerate", test_label_degenerate);
  g_test_add_func ("/geometry/classify-rings", test_classify_rings);
  g_test_add_func ("/geometry/copy", test_copy);
  g_test_add_func ("/geometry/edges/shared", test_edges_shared);
  g_test_add_func ("/geometry/edges/hole-and-near-miss", test_edges_hole_and_near_miss);
  g_test_add_func ("/geometry/geodesic-area", test_geodesic_area);

  return g_test_run ();
}
