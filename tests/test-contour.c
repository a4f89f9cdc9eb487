/* test-contour.c — the outlines traced round an alpha mask
 * (ca-render-contour.c), against hand-computed rings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-render-contour.h"

/* An A8 image @width × @height, all transparent but @pixels: triples of
 * x, y and alpha, ending with a negative x. */
static cairo_surface_t *
mask_new (int        width,
          int        height,
          const int *pixels)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  cairo_surface_flush (image);
  memset (data, 0, (gsize) stride * (gsize) height);
  for (const int *p = pixels; p[0] >= 0; p += 3)
    data[p[1] * stride + p[0]] = (guint8) p[2];
  cairo_surface_mark_dirty (image);
  return image;
}

typedef struct
{
  GArray *points;   /* CaPoint-like pairs of doubles, every ring's in turn */
  GArray *starts;   /* index in @points where each ring begins */
} Rings;

static void
rings_clear (Rings *rings)
{
  g_array_unref (rings->points);
  g_array_unref (rings->starts);
}

/* The rings traced round @image, through @to_user (NULL: identity), with
 * no simplification, as cairo's path holds them. */
static Rings
trace (cairo_surface_t      *image,
       const cairo_matrix_t *to_user,
       guint                *n_returned)
{
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (target);
  cairo_matrix_t identity;
  cairo_path_t *path;
  Rings rings = { g_array_new (FALSE, FALSE, 2 * sizeof (double)),
                  g_array_new (FALSE, FALSE, sizeof (guint)) };

  cairo_matrix_init_identity (&identity);
  *n_returned = ca_render_contour_path (cr, image, to_user != NULL ? to_user : &identity, 0);
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      /* After the last close_path cairo starts a subpath at the ring's
       * first point: only a move followed by a line begins a ring. */
      if (data->header.type == CAIRO_PATH_MOVE_TO && i + data->header.length < path->num_data &&
          path->data[i + data->header.length].header.type == CAIRO_PATH_LINE_TO)
        g_array_append_val (rings.starts, rings.points->len);
      if (data->header.type == CAIRO_PATH_MOVE_TO || data->header.type == CAIRO_PATH_LINE_TO)
        g_array_append_vals (rings.points, &data[1].point, 1);
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (target);
  return rings;
}

/* Ring @r's vertices, into @n. */
static const double *
ring_points (const Rings *rings,
             guint        r,
             guint       *n)
{
  guint first = g_array_index (rings->starts, guint, r);
  guint end = r + 1 < rings->starts->len ? g_array_index (rings->starts, guint, r + 1)
                                         : rings->points->len;

  /* The move cairo adds after the last close repeats the first point:
   * not counted. */
  if (r + 1 == rings->starts->len && end > first + 1)
    {
      const double *last = (const double *) (void *) rings->points->data + 2 * (end - 1);
      const double *start = (const double *) (void *) rings->points->data + 2 * first;

      if (last[0] == start[0] && last[1] == start[1])
        end--;
    }
  *n = end - first;
  return (const double *) (void *) rings->points->data + 2 * first;
}

static double
ring_area (const Rings *rings,
           guint        r)
{
  guint n;
  const double *p = ring_points (rings, r, &n);
  double twice = 0;

  for (guint i = 0; i < n; i++)
    {
      const double *a = p + 2 * i, *b = p + 2 * ((i + 1) % n);

      twice += a[0] * b[1] - b[0] * a[1];
    }
  return fabs (twice) / 2;
}

/* cairo keeps a path's coordinates to 1/256. */
#define PATH_PRECISION (1.0 / 256)

static gboolean
ring_has_point (const Rings *rings,
                guint        r,
                double       x,
                double       y)
{
  guint n;
  const double *p = ring_points (rings, r, &n);

  for (guint i = 0; i < n; i++)
    if (fabs (p[2 * i] - x) < PATH_PRECISION && fabs (p[2 * i + 1] - y) < PATH_PRECISION)
      return TRUE;
  return FALSE;
}

/* One opaque pixel: the crossings lie half-way to its four neighbours'
 * centres, a diamond of area ½ round the pixel's centre (2.5, 2.5). */
static void
test_single_pixel (void)
{
  static const int pixels[] = { 2, 2, 255, -1 };
  cairo_surface_t *image = mask_new (5, 5, pixels);
  guint n_rings, n;
  Rings rings = trace (image, NULL, &n_rings);

  g_assert_cmpuint (n_rings, ==, 1);
  g_assert_cmpuint (rings.starts->len, ==, 1);
  ring_points (&rings, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (ring_has_point (&rings, 0, 3.0, 2.5));
  g_assert_true (ring_has_point (&rings, 0, 2.0, 2.5));
  g_assert_true (ring_has_point (&rings, 0, 2.5, 2.0));
  g_assert_true (ring_has_point (&rings, 0, 2.5, 3.0));
  g_assert_cmpfloat_with_epsilon (ring_area (&rings, 0), 0.5, 1e-12);
  rings_clear (&rings);
  cairo_surface_destroy (image);
}

/* Along an edge the crossing is where the alpha, interpolated linearly
 * between the two centres, is 127.5: from 200 to 100 at 0.725 of the way,
 * from 200 to 0 at 0.6375. The matrix takes pixels to user space. */
static void
test_interpolation (void)
{
  static const int pixels[] = { 2, 2, 200, 3, 2, 100, -1 };
  cairo_surface_t *image = mask_new (6, 5, pixels);
  cairo_matrix_t to_user;
  guint n_rings;
  Rings rings;

  cairo_matrix_init (&to_user, 2, 0, 0, 2, 10, 20);
  rings = trace (image, &to_user, &n_rings);
  g_assert_cmpuint (n_rings, ==, 1);
  g_assert_true (ring_has_point (&rings, 0, 10 + 2 * 3.225, 20 + 2 * 2.5));
  g_assert_true (ring_has_point (&rings, 0, 10 + 2 * 2.1375, 20 + 2 * 2.5));
  g_assert_true (ring_has_point (&rings, 0, 10 + 2 * 2.5, 20 + 2 * (1.5 + 127.5 / 200)));
  rings_clear (&rings);
  cairo_surface_destroy (image);
}

/* A 3 × 3 block with its centre out: an outer ring (the square from 2 to
 * 5, its corners cut by ⅛ each) and the centre's diamond, a hole. */
static void
test_hole (void)
{
  static const int pixels[] = { 2, 2, 255, 3, 2, 255, 4, 2, 255, 2, 3, 255, 4, 3, 255,
                                2, 4, 255, 3, 4, 255, 4, 4, 255, -1 };
  cairo_surface_t *image = mask_new (7, 7, pixels);
  guint n_rings;
  Rings rings = trace (image, NULL, &n_rings);
  double a, b;

  g_assert_cmpuint (n_rings, ==, 2);
  a = ring_area (&rings, 0);
  b = ring_area (&rings, 1);
  g_assert_cmpfloat_with_epsilon (MAX (a, b), 9 - 4 * 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (MIN (a, b), 0.5, 1e-12);
  rings_clear (&rings);
  cairo_surface_destroy (image);
}

/* Two pixels touching at a corner: apart while the cell's mean is at most
 * 127.5, one outline once their other neighbours raise it above. */
static void
test_saddle (void)
{
  static const int apart[] = { 1, 1, 255, 2, 2, 255, -1 };
  static const int joined[] = { 1, 1, 255, 2, 2, 255, 2, 1, 100, 1, 2, 100, -1 };
  cairo_surface_t *image = mask_new (4, 4, apart);
  guint n_rings;
  Rings rings = trace (image, NULL, &n_rings);

  g_assert_cmpuint (n_rings, ==, 2);
  g_assert_cmpfloat_with_epsilon (ring_area (&rings, 0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (ring_area (&rings, 1), 0.5, 1e-12);
  rings_clear (&rings);
  cairo_surface_destroy (image);

  image = mask_new (4, 4, joined);
  rings = trace (image, NULL, &n_rings);
  g_assert_cmpuint (n_rings, ==, 1);
  g_assert_cmpfloat (ring_area (&rings, 0), >, 1.0);
  rings_clear (&rings);
  cairo_surface_destroy (image);
}

/* Nothing opaque, or everything but the (transparent) edge: no ring, and
 * one round the whole. */
static void
test_empty_and_full (void)
{
  static const int none[] = { -1 };
  int full[3 * 9 + 1];
  cairo_surface_t *image = mask_new (5, 5, none);
  guint n_rings, n = 0;
  Rings rings = trace (image, NULL, &n_rings);

  g_assert_cmpuint (n_rings, ==, 0);
  g_assert_cmpuint (rings.points->len, ==, 0);
  rings_clear (&rings);
  cairo_surface_destroy (image);

  for (int y = 1; y <= 3; y++)
    for (int x = 1; x <= 3; x++)
      {
        full[n++] = x;
        full[n++] = y;
        full[n++] = 255;
      }
  full[n] = -1;
  image = mask_new (5, 5, full);
  rings = trace (image, NULL, &n_rings);
  g_assert_cmpuint (n_rings, ==, 1);
  g_assert_cmpfloat_with_epsilon (ring_area (&rings, 0), 9 - 4 * 0.125, 1e-12);
  rings_clear (&rings);
  cairo_surface_destroy (image);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contour/single-pixel", test_single_pixel);
  g_test_add_func ("/contour/interpolation", test_interpolation);
  g_test_add_func ("/contour/hole", test_hole);
  g_test_add_func ("/contour/saddle", test_saddle);
  g_test_add_func ("/contour/empty-and-full", test_empty_and_full);
  return g_test_run ();
}
