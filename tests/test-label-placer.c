/* test-label-placer.c — the greedy placer on made-up shapes: inside its
 * polygon, outside with a leader when too small, beside a symbol, never
 * over another label, an obstacle or the frame's edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ca-label-placer.h"
#include "ca-label-placer-private.h"
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

/* A figure's text context. */
static CaTextContext *
image_context (void)
{
  return ca_text_context_new ();
}

static void
test_placer_synthetic (void)
{
  CaTextContext *context = image_context ();
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
}

/* A line through where a town's name would go first (right of its
 * symbol) sends it elsewhere, unless the line starts at that town; a
 * polygon's name may lie across the line. */
static void
test_placer_obstacle_line (void)
{
  CaTextContext *context = image_context ();
  CaRect frame = { 0, 0, 400, 300 };

  for (int except = -1; except <= 2; except += 3)
    {
      g_autoptr (CaLabelPlacer) placer = ca_label_placer_new (context, &frame);
      const CaLabel *town, *area;

      /* A vertical line 20 units right of the town at (100, 80). */
      ca_label_placer_add_obstacle_line (placer, except, 120, 20, 120, 140);
      ca_label_placer_add_point (placer, 2, "Town", 9, FALSE, FALSE, 100, 80, 3);
      ca_label_placer_add_area (placer, 0, "District", 11, 8, FALSE, 120, 220,
                                square (60, 180, 180, 260));
      ca_label_placer_run (placer);
      town = ca_label_placer_get_label (placer, 0);
      area = ca_label_placer_get_label (placer, 1);
      g_assert_true (town->placed && area->placed);
      if (except == 2)
        /* Right of the symbol, across the line. */
        g_assert_cmpfloat (town->rect.x, >, 100);
      else
        g_assert_false (town->rect.x < 120 && town->rect.x + town->rect.width > 120 &&
                        town->rect.y < 140);
      /* The district's name stays centred on its pole, over the line's x. */
      g_assert_cmpfloat (area->rect.x, <, 120);
      g_assert_cmpfloat (area->rect.x + area->rect.width, >, 120);
    }
  g_object_unref (context);
}

/* A label that fits only smaller (a narrow district, a town hemmed in by
 * obstacles) is measured at its largest size and scaled: its box must
 * still be the size of the text it keeps, which is set at the size
 * chosen. */
static void
test_placer_shrunk_boxes (void)
{
  CaTextContext *context = image_context ();
  CaRect frame = { 0, 0, 400, 300 };
  g_autoptr (CaLabelPlacer) placer = ca_label_placer_new (context, &frame);
  double town_x = 300, town_y = 150;
  double w, h;

  /* 11 pt wide boxes would need about 80 units; the district is 68 wide. */
  ca_label_placer_add_area (placer, 0, "Narrowdistrict", 11, 6, FALSE, 60, 150,
                            square (26, 100, 94, 200));
  /* Obstacles right, left, above and below the town at 11 pt's reach,
   * clear of it at a smaller size. */
  ca_label_placer_add_point (placer, 1, "Hemmedtown", 11, FALSE, FALSE, town_x, town_y, 2);
  for (int side = 0; side < 4; side++)
    {
      CaRect wall = side < 2 ? (CaRect) { side == 0 ? town_x + 58 : town_x - 68, 0, 10, 300 }
                             : (CaRect) { 0, side == 2 ? town_y - 25 : town_y + 17, 400, 8 };

      ca_label_placer_add_obstacle (placer, &wall);
    }
  ca_label_placer_run (placer);

  for (guint i = 0; i < 2; i++)
    {
      const CaLabelItem *item = &g_array_index (placer->items, CaLabelItem, i);

      g_assert_true (item->pub.placed);
      g_assert_false (item->pub.leader);
      g_assert_false (item->wrapped);
      g_assert_cmpfloat (item->pub.size, <, item->base_size);
      g_assert_cmpfloat_with_epsilon (ca_text_layout_get_scale (item->layout) * 10,
                                      item->pub.size, 1e-9);
      ca_render_layout_size (item->layout, &w, &h);
      g_assert_cmpfloat_with_epsilon (item->pub.rect.width, w, 1e-9);
      g_assert_cmpfloat_with_epsilon (item->pub.rect.height, h, 1e-9);
      g_object_unref (ca_label_placer_make_layout (placer, item->text, item->pub.size, FALSE,
                                                   &w, &h));
      g_assert_cmpfloat_with_epsilon (item->pub.rect.width, w, 1e-9);
      g_assert_cmpfloat_with_epsilon (item->pub.rect.height, h, 1e-9);
    }
  g_object_unref (context);
}

static gboolean
count_hit (guint    value,
           gpointer data)
{
  guint *hits = data;

  hits[value]++;
  return FALSE;
}

/* The grid finds every box a query meets (edges included), also boxes
 * and queries reaching beyond the frame: against testing each. */
static void
test_grid_finds_all (void)
{
  CaRect frame = { 10, 20, 400, 300 };
  g_autoptr (CaLabelGrid) grid = ca_label_grid_new (&frame);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  CaRect boxes[300];

  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    {
      /* Some zero-sized (anchors), some far outside. */
      double w = i % 5 == 0 ? 0 : g_rand_double_range (rand, 0, 80);
      double h = i % 5 == 0 ? 0 : g_rand_double_range (rand, 0, 40);

      boxes[i] = (CaRect) { g_rand_double_range (rand, -200, 600), g_rand_double_range (rand, -200, 500), w, h };
      ca_label_grid_add (grid, &boxes[i], i);
    }
  for (guint q = 0; q < 2000; q++)
    {
      CaRect query = { g_rand_double_range (rand, -100, 500), g_rand_double_range (rand, -100, 400),
                       g_rand_double_range (rand, 0, 120), g_rand_double_range (rand, 0, 60) };
      guint hits[G_N_ELEMENTS (boxes)] = { 0 };

      ca_label_grid_any (grid, &query, count_hit, hits);
      for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
        {
          const CaRect *b = &boxes[i];
          gboolean meets = b->x <= query.x + query.width && query.x <= b->x + b->width &&
                           b->y <= query.y + query.height && query.y <= b->y + b->height;
          if (meets)
            g_assert_cmpuint (hits[i], >, 0);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-placer/synthetic", test_placer_synthetic);
  g_test_add_func ("/label-placer/obstacle-line", test_placer_obstacle_line);
  g_test_add_func ("/label-placer/shrunk-boxes", test_placer_shrunk_boxes);
  g_test_add_func ("/label-placer/grid-finds-all", test_grid_finds_all);
  return g_test_run ();
}
