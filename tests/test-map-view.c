/* test-map-view.c — the map view in the window: what it paints (read back
 * through the window's GSK renderer), the inverse of its viewport
 * transform for hit testing, pan and zoom, and figure switching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "ca-window.h"
#include "test-window-fixtures.h"

/* ColorBrewer YlGn, 3 classes: the favourability map's types, best darkest. */
static const guint8 favourable_rgb[3] = { 0x31, 0xa3, 0x54 };
static const guint8 less_favourable_rgb[3] = { 0xad, 0xdd, 0x8e };
static const guint8 unfavourable_rgb[3] = { 0xf7, 0xfc, 0xb9 };

typedef struct
{
  guint8 *pixels;   /* premultiplied BGRA (GDK_MEMORY_DEFAULT) */
  gsize   stride;
  int     width;
  int     height;
} Pixels;

static void
pixels_clear (Pixels *p)
{
  g_clear_pointer (&p->pixels, g_free);
}

/* Renders the view as the window would, through its GSK renderer. */
static void
grab_view (CaMapView *view,
           Pixels    *out)
{
  GtkWidget *widget = GTK_WIDGET (view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  out->width = gtk_widget_get_width (widget);
  out->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, out->width, out->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, out->width, out->height));
  out->width = gdk_texture_get_width (texture);
  out->height = gdk_texture_get_height (texture);
  out->stride = (gsize) out->width * 4;
  out->pixels = g_malloc (out->stride * out->height);
  gdk_texture_download (texture, out->pixels, out->stride);
}

/* The colour most sample points well inside @unit's polygon are painted
 * in (labels, settlement symbols and borders cover some; the fill shows in
 * the rest), and the share of samples in it. */
static guint32
unit_fill_colour (CaWindow     *window,
                  const Pixels *p,
                  guint         unit,
                  double       *share)
{
  CaMapView *view = ca_window_get_map_view (window);
  const CaPolygon *polygon = ca_basemap_get_unit_polygon (ca_window_get_basemap (window), unit);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  CaBBox bbox;
  double x0, y0, x1, y1, mx, my;
  guint samples = 0, best_count = 0;
  guint32 best = 0;

  g_assert_nonnull (polygon);
  ca_polygon_bbox (polygon, &bbox);
  g_assert_true (ca_map_view_map_to_widget (view, bbox.min_x, bbox.max_y, &x0, &y0));
  g_assert_true (ca_map_view_map_to_widget (view, bbox.max_x, bbox.min_y, &x1, &y1));
  for (int y = (int) y0; y <= (int) y1; y += 2)
    for (int x = (int) x0; x <= (int) x1; x += 2)
      {
        const guint8 *px;
        guint32 rgb;

        if (x < 0 || y < 0 || x >= p->width || y >= p->height)
          continue;
        ca_map_view_widget_to_map (view, x + 0.5, y + 0.5, &mx, &my);
        /* 4 px from every border, so strokes and casing stay out. */
        if (!ca_polygon_contains (polygon, mx, my) ||
            ca_polygon_distance_to_edge (polygon, mx, my) < 4 * ca_map_view_get_metres_per_unit (view))
          continue;
        px = p->pixels + (gsize) y * p->stride + (gsize) x * 4;
        rgb = (guint32) px[2] << 16 | (guint32) px[1] << 8 | px[0];
        g_hash_table_insert (counts, GUINT_TO_POINTER (rgb),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (rgb))) + 1));
        samples++;
      }
  g_assert_cmpuint (samples, >, 50);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best_count = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key);
      }
  *share = (double) best_count / samples;
  return best;
}

/* The most common colour inside @unit is its class colour, on at least
 * @min_share of the unit's pixels (the rest: symbols, names, leaders). */
static void
assert_unit_fill (CaWindow     *window,
                  const Pixels *pixels,
                  guint         unit,
                  const guint8  rgb[3],
                  double        min_share)
{
  double share;
  guint32 colour = unit_fill_colour (window, pixels, unit, &share);

  g_assert_cmpint (abs ((int) (colour >> 16) - rgb[0]), <=, 2);
  g_assert_cmpint (abs ((int) ((colour >> 8) & 0xff) - rgb[1]), <=, 2);
  g_assert_cmpint (abs ((int) (colour & 0xff) - rgb[2]), <=, 2);
  g_assert_cmpfloat (share, >, min_share);
}

static void
test_map_colours (void)
{
  CaWindow *window;
  Pixels pixels = { 0 };

  if (!maps_available ())
    return;
  window = open_window ();
  g_assert_nonnull (ca_window_get_basemap (window));
  g_assert_cmpstr (ca_window_get_figure (window), ==, "favourability");

  grab_view (ca_window_get_map_view (window), &pixels);
  /* Table 2: AKT favourable, ALG less favourable, IRG unfavourable. */
  /* The city administration is the smallest unit (about 25 px across
   * here), and the region's capital with its symbol and name is in it. */
  assert_unit_fill (window, &pixels, unit_index (window, "AKT"), favourable_rgb, 0.15);
  assert_unit_fill (window, &pixels, unit_index (window, "MUG"), favourable_rgb, 0.3);
  assert_unit_fill (window, &pixels, unit_index (window, "ALG"), less_favourable_rgb, 0.3);
  assert_unit_fill (window, &pixels, unit_index (window, "TEM"), less_favourable_rgb, 0.3);
  assert_unit_fill (window, &pixels, unit_index (window, "IRG"), unfavourable_rgb, 0.3);
  assert_unit_fill (window, &pixels, unit_index (window, "BAY"), unfavourable_rgb, 0.3);
  pixels_clear (&pixels);

  ca_window_close_unconditionally (window);
  iterate ();
}

/* The point under the pointer maps back to the unit whose polygon holds
 * it, also after zooming and panning (the inverse of the view transform). */
static void
test_hit_test (void)
{
  CaWindow *window;
  CaMapView *view;
  const CaPolygon *polygon;
  CaPoint inside;
  double x, y;
  int akt;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  akt = unit_index (window, "AKT");
  polygon = ca_basemap_get_unit_polygon (ca_window_get_basemap (window), akt);
  inside = ca_polygon_label_point (polygon, 100, NULL);

  g_assert_true (ca_map_view_map_to_widget (view, inside.x, inside.y, &x, &y));
  g_assert_cmpint (ca_map_view_unit_at (view, x, y), ==, akt);

  ca_map_view_zoom_at (view, 3.0, x, y);
  g_assert_true (ca_map_view_get_zoomed (view));
  /* The point under the pointer stays there while zooming. */
  {
    double x2, y2;

    g_assert_true (ca_map_view_map_to_widget (view, inside.x, inside.y, &x2, &y2));
    g_assert_cmpfloat_with_epsilon (x2, x, 1e-6);
    g_assert_cmpfloat_with_epsilon (y2, y, 1e-6);
  }
  ca_map_view_pan (view, 40, -25);
  g_assert_true (ca_map_view_map_to_widget (view, inside.x, inside.y, &x, &y));
  g_assert_cmpint (ca_map_view_unit_at (view, x, y), ==, akt);

  ca_map_view_zoom_fit (view);
  g_assert_false (ca_map_view_get_zoomed (view));
  ca_window_close_unconditionally (window);
  iterate ();
}

/* The view's own snapshot at this moment, rendered as above. A widget
 * paintable shows the node of the last frame drawn; between a pan and
 * the next frame there is none, and the sharp re-render may come before
 * another frame: so ask the view itself. */
static void
grab_snapshot (CaMapView *view,
               Pixels    *out)
{
  g_autoptr(GdkTexture) texture = render_widget_offscreen (GTK_WIDGET (view));

  out->width = gdk_texture_get_width (texture);
  out->height = gdk_texture_get_height (texture);
  out->stride = (gsize) out->width * 4;
  out->pixels = g_malloc (out->stride * out->height);
  gdk_texture_download (texture, out->pixels, out->stride);
}

static const guint8 *
pixel_at (const Pixels *p,
          int           x,
          int           y)
{
  return p->pixels + (gsize) y * p->stride + (gsize) x * 4;
}

/* Whether the 5 × 5 pixels around (@x, @y) all have one colour. */
static gboolean
uniform_around (const Pixels *p,
                int           x,
                int           y)
{
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      if (memcmp (pixel_at (p, x + dx, y + dy), pixel_at (p, x, y), 4) != 0)
        return FALSE;
  return TRUE;
}

/* Pan and zoom frames show the cached image moved and scaled, through
 * whichever node the window's renderer draws (a cairo node for Cairo, a
 * texture for GL): a pan by whole pixels is an exact copy shifted by the
 * pan with white where nothing was drawn, a zoom step puts each point at
 * its scaled place about the pointer. Nothing is rendered again. */
static void
test_moved_image (void)
{
  CaWindow *window;
  CaMapView *view;
  Pixels before = { 0 }, panned = { 0 }, zoomed = { 0 };
  guint renders;
  const int dx = 30, dy = 20;
  int zx, zy, n_checked = 0;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  renders = ca_map_view_render_now (view);
  grab_snapshot (view, &before);
  g_assert_cmpint (before.width, >, 4 * dx);

  ca_map_view_pan (view, dx, dy);
  grab_snapshot (view, &panned);
  g_assert_cmpint (panned.width, ==, before.width);
  for (int y = 0; y < before.height; y += 7)
    for (int x = 0; x < before.width; x += 7)
      {
        const guint8 white[4] = { 0xff, 0xff, 0xff, 0xff };

        if (x < dx || y < dy)
          g_assert_cmpmem (pixel_at (&panned, x, y), 4, white, 4);
        else
          g_assert_cmpmem (pixel_at (&panned, x, y), 4, pixel_at (&before, x - dx, y - dy), 4);
      }

  /* Back, then twice as big about the middle of the widget. */
  ca_map_view_pan (view, -dx, -dy);
  zx = before.width / 2;
  zy = before.height / 2;
  ca_map_view_zoom_at (view, 2.0, zx, zy);
  grab_snapshot (view, &zoomed);
  for (int y = zy - before.height / 4 + 3; y < zy + before.height / 4 - 3; y += 5)
    for (int x = zx - before.width / 4 + 3; x < zx + before.width / 4 - 3; x += 5)
      if (uniform_around (&before, x, y))
        {
          const guint8 *want = pixel_at (&before, x, y);
          const guint8 *got = pixel_at (&zoomed, zx + 2 * (x - zx), zy + 2 * (y - zy));

          for (int c = 0; c < 4; c++)
            g_assert_cmpint (abs (got[c] - want[c]), <=, 2);
          n_checked++;
        }
  /* Most of the middle of the map is flat fill. */
  g_assert_cmpint (n_checked, >, 1000);
  g_assert_cmpuint (ca_map_view_render_now (view), ==, renders);

  pixels_clear (&before);
  pixels_clear (&panned);
  pixels_clear (&zoomed);
  ca_window_close_unconditionally (window);
  iterate ();
}

static void
test_figure_action (void)
{
  CaWindow *window;
  CaMapView *view;
  guint renders;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  renders = ca_map_view_render_now (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.figure", "s", "clusters"));
  g_assert_cmpstr (ca_window_get_figure (window), ==, "clusters");
  g_assert_cmpstr (ca_map_view_get_figure (view), ==, "clusters");
  g_assert_cmpuint (ca_map_view_render_now (view), ==, renders + 1);

  /* Fig. 5 is a diagram: no units under the pointer, but it zooms. */
  ca_window_set_figure (window, "metallurgy-structure");
  ca_map_view_render_now (view);
  g_assert_cmpint (ca_map_view_unit_at (view, 300, 300), ==, -1);
  ca_map_view_zoom (view, 2.0);
  g_assert_true (ca_map_view_get_zoomed (view));

  ca_window_close_unconditionally (window);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* No session bus under xvfb-run in CI: keep the accessibility bridge
   * from warning about it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/map-view/colours", test_map_colours);
  g_test_add_func ("/map-view/hit-test", test_hit_test);
  g_test_add_func ("/map-view/moved-image", test_moved_image);
  g_test_add_func ("/map-view/figure-action", test_figure_action);
  return g_test_run ();
}
