/* test-golden.c — each map figure against its reviewed image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "render-fixtures.h"

static double
share_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint64 different = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(const guint32 *) (da + y * sa + x * 4);
        guint32 pb = *(const guint32 *) (db + y * sb + x * 4);
        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)) > 24)
            {
              different++;
              break;
            }
      }
  return (double) different / ((double) w * h);
}

/* Each map against its reviewed image in tests/golden/<id>.png; text may
 * render a little differently, so up to 0.5 % of pixels may differ.
 * CA_UPDATE_GOLDEN=1 writes the images instead (look at them first). */
static void
test_golden (gconstpointer data)
{
  const char *id = data;
  Fixture f = { 0 };
  Render r = { 0 };
  const char *srcdir = g_getenv ("CA_TEST_SRCDIR");
  g_autofree char *name = g_strconcat (id, ".png", NULL);
  g_autofree char *path = g_build_filename (srcdir != NULL ? srcdir : ".", "golden", name, NULL);
  cairo_surface_t *golden;
  double share;

  if (!fixture_setup (&f))
    return;
  render_default (&f, id, &r);
  if (g_strcmp0 (g_getenv ("CA_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_cmpint (cairo_surface_write_to_png (r.surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
    }
  else
    {
      golden = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
        g_error ("cannot read %s (%s): generate it with CA_UPDATE_GOLDEN=1", path,
                 cairo_status_to_string (cairo_surface_status (golden)));
      g_assert_cmpint (cairo_image_surface_get_width (golden), ==, WIDTH);
      g_assert_cmpint (cairo_image_surface_get_height (golden), ==, HEIGHT);
      share = share_different (r.surface, golden);
      if (share > 0.005)
        {
          const char *builddir = g_getenv ("CA_TEST_BUILDDIR");
          g_autofree char *actual_name = g_strconcat (id, "-actual.png", NULL);
          g_autofree char *actual = g_build_filename (builddir != NULL ? builddir : ".",
                                                      actual_name, NULL);
          cairo_surface_write_to_png (r.surface, actual);
          g_error ("%s: %.2f %% of pixels differ from %s; this rendering is in %s", id,
                   share * 100, path, actual);
        }
      cairo_surface_destroy (golden);
    }
  render_clear (&r);
  fixture_teardown (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (const char * const *id = ca_figure_get_ids (); *id != NULL; id++)
    if (ca_figure_is_map (*id))
      {
        g_autofree char *test = g_strconcat ("/golden/", *id, NULL);
        g_test_add_data_func (test, *id, test_golden);
      }
  return g_test_run ();
}
