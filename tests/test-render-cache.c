/* test-render-cache.c — figures drawn through a CaRenderCache look as
 * drawn without one, also after an edit, and reuse what they kept; the
 * cache drops what drawings stop using; CaFigureOptions.text_scale sizes
 * text and lines, and at a screen's size labels still never overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "render-fixtures.h"
#include "ca-render-cache.h"

/* Compositing a kept image rounds where its antialiased edges meet what
 * lies under them: measured at most 2/255 per channel on every figure. */
#define MAX_CHANNEL_DIFFERENCE 2

static int
max_difference (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  int most = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int c = 0; c < 3; c++)
        most = MAX (most, ABS ((int) da[y * sa + x * 4 + c] - (int) db[y * sb + x * 4 + c]));
  return most;
}

static void
assert_same_boxes (GArray *a,
                   GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CaFigureBox *x = &g_array_index (a, CaFigureBox, i), *y = &g_array_index (b, CaFigureBox, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->index, ==, y->index);
      g_assert_cmpint (x->leader, ==, y->leader);
      g_assert_cmpfloat (x->x, ==, y->x);
      g_assert_cmpfloat (x->y, ==, y->y);
      g_assert_cmpfloat (x->width, ==, y->width);
      g_assert_cmpfloat (x->height, ==, y->height);
    }
}

static void
render_with (Fixture       *f,
             const char    *id,
             CaRenderCache *cache,
             Render        *r)
{
  CaFigureOptions options;

  ca_figure_options_init (&options);
  options.cache = cache;
  render_figure (f, id, &options, r);
}

static void
test_options_default (void)
{
  CaFigureOptions options;

  ca_figure_options_init (&options);
  g_assert_cmpfloat (options.text_scale, ==, 0);
  g_assert_null (options.cache);
}

/* Every map figure, with a cache twice (the second from what the first
 * kept) and without one: the same boxes and, but for rounding, pixels. */
FIXTURE_TEST (test_same_as_without)
{
  const char * const *ids = ca_figure_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (CaRenderCache) cache = ca_render_cache_new ();
      Render plain = { 0 }, first = { 0 }, second = { 0 };
      guint hits;

      if (!ca_figure_is_map (ids[i]))
        continue;
      render_with (f, ids[i], NULL, &plain);
      render_with (f, ids[i], cache, &first);
      hits = ca_render_cache_get_n_hits (cache);
      g_assert_cmpuint (ca_render_cache_get_n_entries (cache), >, 0);
      render_with (f, ids[i], cache, &second);
      /* The layers, the fills, the placement and every label came from the cache. */
      g_assert_cmpuint (ca_render_cache_get_n_hits (cache) - hits, >=,
                        ca_dataset_get_n_units (f->dataset) + 4);
      assert_same_boxes (plain.boxes, first.boxes);
      assert_same_boxes (plain.boxes, second.boxes);
      g_assert_cmpint (max_difference (plain.surface, first.surface), <=, MAX_CHANNEL_DIFFERENCE);
      g_assert_cmpint (max_difference (first.surface, second.surface), ==, 0);
      render_clear (&plain);
      render_clear (&first);
      render_clear (&second);
    }
}

/* An edit moves a unit to another class, or makes its circle the largest
 * (shrinking the others, which frees room for labels): what the cache
 * kept from before must not show. */
FIXTURE_TEST (test_after_edit)
{
  static const char *const figures[] = { CA_FIGURE_INFRASTRUCTURE, CA_FIGURE_INDUSTRY };
  g_autoptr (CaRenderCache) cache = ca_render_cache_new ();
  int unit = ca_dataset_find_unit (f->dataset, "MUG");

  g_assert_cmpint (unit, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const char *indicator = i == 0 ? "infrastructure" : "specialisations";
      int index = ca_dataset_find_indicator (f->dataset, indicator);
      double original = ca_dataset_get_value (f->dataset, (guint) unit, (guint) index);
      Render before = { 0 }, cached = { 0 }, plain = { 0 };
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (index, >=, 0);
      render_with (f, figures[i], cache, &before);
      g_assert_true (ca_dataset_set_value (f->dataset, (guint) unit, (guint) index,
                                           original * 40 + 10, &error));
      g_assert_no_error (error);
      render_with (f, figures[i], cache, &cached);
      render_with (f, figures[i], NULL, &plain);
      /* The edit shows … */
      g_assert_cmpint (max_difference (before.surface, plain.surface), >, 100);
      /* … and the cache shows it as a fresh drawing does. */
      assert_same_boxes (plain.boxes, cached.boxes);
      g_assert_cmpint (max_difference (plain.surface, cached.surface), <=, MAX_CHANNEL_DIFFERENCE);
      g_assert_true (ca_dataset_set_value (f->dataset, (guint) unit, (guint) index, original, &error));
      render_clear (&before);
      render_clear (&cached);
      render_clear (&plain);
    }
}

/* What two drawings in a row did not use is gone: a cache that drew
 * another figure before holds, after two drawings of this one, what a
 * fresh cache holds after one. */
FIXTURE_TEST (test_unused_dropped)
{
  g_autoptr (CaRenderCache) cache = ca_render_cache_new ();
  g_autoptr (CaRenderCache) fresh = ca_render_cache_new ();
  Render r = { 0 };

  render_with (f, CA_FIGURE_INDUSTRY, cache, &r);
  render_clear (&r);
  render_with (f, CA_FIGURE_CLUSTERS, cache, &r);
  render_clear (&r);
  render_with (f, CA_FIGURE_CLUSTERS, cache, &r);
  render_clear (&r);
  render_with (f, CA_FIGURE_CLUSTERS, fresh, &r);
  render_clear (&r);
  g_assert_cmpuint (ca_render_cache_get_n_entries (cache), ==, ca_render_cache_get_n_entries (fresh));
  ca_render_cache_clear (cache);
  g_assert_cmpuint (ca_render_cache_get_n_entries (cache), ==, 0);
}

static double
box_height (GArray          *boxes,
            CaFigureBoxKind  kind)
{
  for (guint i = 0; i < boxes->len; i++)
    if (g_array_index (boxes, CaFigureBox, i).kind == kind)
      return g_array_index (boxes, CaFigureBox, i).height;
  g_assert_not_reached ();
}

/* The scale bar and north arrow block is sized in A4 points times the
 * scale: 850 / 595 by default on this page, 2 when asked. */
FIXTURE_TEST (test_text_scale)
{
  CaFigureOptions options;
  Render automatic = { 0 }, scaled = { 0 };
  double ratio;

  ca_figure_options_init (&options);
  render_figure (f, CA_FIGURE_FAVOURABILITY, &options, &automatic);
  options.text_scale = 2.0;
  render_figure (f, CA_FIGURE_FAVOURABILITY, &options, &scaled);
  ratio = box_height (scaled.boxes, CA_FIGURE_BOX_FURNITURE) /
          box_height (automatic.boxes, CA_FIGURE_BOX_FURNITURE);
  g_assert_cmpfloat_with_epsilon (ratio, 2.0 / (850.0 / 595.0), 0.01);
  render_clear (&automatic);
  render_clear (&scaled);
}

/* A map view's size at the window's default size, with its text scale:
 * no label meets another label or the furniture, all in the frame. */
FIXTURE_TEST (test_screen_labels)
{
  const char * const *ids = ca_figure_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (CaRenderCache) cache = ca_render_cache_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 930, 505);
      cairo_t *cr = cairo_create (surface);
      g_autoptr (GArray) boxes = NULL;
      g_autoptr (GError) error = NULL;
      CaFigureOptions options;
      CaRect frame = { 0 };
      guint n_labels = 0;

      if (!ca_figure_is_map (ids[i]))
        goto next;
      ca_figure_options_init (&options);
      options.text_scale = 1.5;
      options.cache = cache;
      g_assert_true (ca_figure_draw_full (ids[i], f->analysis, f->basemap, &options, cr, 930, 505,
                                          NULL, &boxes, &error));
      g_assert_no_error (error);
      for (guint b = 0; b < boxes->len; b++)
        {
          const CaFigureBox *box = &g_array_index (boxes, CaFigureBox, b);
          if (box->kind == CA_FIGURE_BOX_MAP_FRAME)
            frame = (CaRect) { box->x, box->y, box->width, box->height };
        }
      for (guint b = 0; b < boxes->len; b++)
        {
          const CaFigureBox *box = &g_array_index (boxes, CaFigureBox, b);
          CaRect rect = { box->x, box->y, box->width, box->height };

          if (box->kind != CA_FIGURE_BOX_UNIT_LABEL && box->kind != CA_FIGURE_BOX_PLACE_LABEL)
            continue;
          n_labels++;
          g_assert_true (ca_rect_contains_rect (&frame, &rect));
          for (guint c = 0; c < boxes->len; c++)
            {
              const CaFigureBox *other = &g_array_index (boxes, CaFigureBox, c);
              CaRect other_rect = { other->x, other->y, other->width, other->height };

              if (c != b && other->kind != CA_FIGURE_BOX_MAP_FRAME)
                g_assert_false (ca_rect_intersects (&rect, &other_rect));
            }
        }
      /* Every unit is named. */
      g_assert_cmpuint (n_labels, >=, ca_dataset_get_n_units (f->dataset));
    next:
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-cache/options-default", test_options_default);
  g_test_add_func ("/render-cache/same-as-without", test_same_as_without);
  g_test_add_func ("/render-cache/after-edit", test_after_edit);
  g_test_add_func ("/render-cache/unused-dropped", test_unused_dropped);
  g_test_add_func ("/render-cache/text-scale", test_text_scale);
  g_test_add_func ("/render-cache/screen-labels", test_screen_labels);
  return g_test_run ();
}
