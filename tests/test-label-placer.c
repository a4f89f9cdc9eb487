/* test-label-placer.c — the greedy placer on made-up shapes: inside its
 * polygon, outside with a leader when too small, beside a symbol, never
 * over another label, an obstacle or the frame's edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ca-label-placer.h"
#include "ca-render-text.h"

static CaPolygon *
square (double x0,
        double y0,
        double x1,
        double y1)
{
  CaPolygon *polygon = ca_polygon_new ();
  CaPoint points[5] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 }, { x0, y0 } };

  ca_polygon_add_ring (polygon, points, 5, FALSE);
  return polygon;
}

static void
test_placer_synthetic (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = ca_render_context_new (cr);
  CaRect frame = { 0, 0, 400, 300 }, obstacle = { 150, 100, 100, 20 };
  g_autoptr (CaLabelPlacer) placer = ca_label_placer_new (context, &frame);
  const CaLabel *big, *tiny, *town;

  ca_label_placer_add_obstacle (placer, &obstacle);
  /* A large district with a tiny one inside: the tiny one's name cannot
   * fit and must go outside with a leader; the large one's pole (200,
   * 150) is near the tiny square and under the obstacle's reach. */
  ca_label_placer_add_area (placer, 1, "Tiny administration", 11, 8, FALSE, 195, 145,
                            square (190, 140, 200, 150));
  ca_label_placer_add_area (placer, 0, "Big district", 11, 8, FALSE, 200, 150,
                            square (50, 50, 350, 250));
  ca_label_placer_add_point (placer, 2, "Town", 9, TRUE, FALSE, 100, 80, 3);
  ca_label_placer_run (placer);

  tiny = ca_label_placer_get_label (placer, 0);
  big = ca_label_placer_get_label (placer, 1);
  town = ca_label_placer_get_label (placer, 2);
  g_assert_true (tiny->placed && tiny->leader);
  g_assert_true (big->placed && !big->leader);
  g_assert_true (town->placed);
  /* Inside its square, with the text box clear of everything else. */
  g_assert_cmpfloat (big->rect.x, >=, 50);
  g_assert_cmpfloat (big->rect.x + big->rect.width, <=, 350);
  g_assert_false (ca_rect_intersects (&big->rect, &tiny->rect));
  g_assert_false (ca_rect_intersects (&big->rect, &town->rect));
  g_assert_false (ca_rect_intersects (&tiny->rect, &town->rect));
  for (guint i = 0; i < 3; i++)
    {
      const CaLabel *label = ca_label_placer_get_label (placer, i);
      g_assert_false (ca_rect_intersects (&label->rect, &obstacle));
      g_assert_true (ca_rect_contains_rect (&frame, &label->rect));
    }
  /* The point label sits beside the symbol, not on it. */
  g_assert_false (town->rect.x <= 100 && 100 <= town->rect.x + town->rect.width &&
                  town->rect.y <= 80 && 80 <= town->rect.y + town->rect.height);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-placer/synthetic", test_placer_synthetic);
  return g_test_run ();
}
