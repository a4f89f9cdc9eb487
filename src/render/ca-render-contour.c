/* ca-render-contour.c — see ca-render-contour.h.
 *
 * Marching squares: the cells are the squares between four neighbouring
 * pixel centres; where a cell's edge joins a pixel inside (alpha ≥ 128)
 * to one outside, the outline crosses it, at the point where the alpha
 * interpolated along the edge is 127.5. Each crossing is shared by the
 * two cells on either side of its edge, and each cell joins its crossings
 * in pairs, so every crossing has two neighbours and the segments close
 * up into rings; the rings are followed from crossing to crossing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ca-map-renderer.h"
#include "ca-render-contour.h"

#define INSIDE 128
#define LEVEL 127.5
#define NONE (-1)

typedef struct
{
  const guint8 *data;
  int           stride;
  int           width;
  int           height;
  gint32      (*next)[2];   /* per crossing: its two neighbours, or NONE */
} Tracer;

/* Crossings are numbered by the edge they lie on: 2 (y w + x) for the
 * edge from pixel (x, y) to its right, one more for the edge down. */
static inline gint32
right_of (const Tracer *t,
          int           x,
          int           y)
{
  return 2 * (y * t->width + x);
}

static inline gint32
below (const Tracer *t,
       int           x,
       int           y)
{
  return 2 * (y * t->width + x) + 1;
}

static inline guint8
alpha_at (const Tracer *t,
          int           x,
          int           y)
{
  return t->data[y * t->stride + x];
}

static void
join (Tracer *t,
      gint32  a,
      gint32  b)
{
  t->next[a][t->next[a][0] == NONE ? 0 : 1] = b;
  t->next[b][t->next[b][0] == NONE ? 0 : 1] = a;
}

/* Joins the crossings of the cell whose top left pixel is (x, y). */
static void
join_cell (Tracer *t,
           int     x,
           int     y)
{
  guint8 tl = alpha_at (t, x, y), tr = alpha_at (t, x + 1, y);
  guint8 br = alpha_at (t, x + 1, y + 1), bl = alpha_at (t, x, y + 1);
  guint inside = (tl >= INSIDE) | (tr >= INSIDE) << 1 | (br >= INSIDE) << 2 | (bl >= INSIDE) << 3;
  gint32 top, bottom, left, right, crossings[4];
  guint n = 0;

  if (inside == 0 || inside == 15)
    return;
  top = right_of (t, x, y);
  bottom = right_of (t, x, y + 1);
  left = below (t, x, y);
  right = below (t, x + 1, y);
  if (inside == 5 || inside == 10)
    {
      /* A saddle: two corners in, two out, across. Whether the inside
       * corners meet through the middle decides the pairs. */
      gboolean middle = (tl + tr + br + bl) / 4.0 > LEVEL;

      if ((inside == 5) == middle)
        {
          join (t, top, right);
          join (t, left, bottom);
        }
      else
        {
          join (t, top, left);
          join (t, right, bottom);
        }
      return;
    }
  if ((inside & 1) != (inside >> 1 & 1))
    crossings[n++] = top;
  if ((inside >> 1 & 1) != (inside >> 2 & 1))
    crossings[n++] = right;
  if ((inside >> 2 & 1) != (inside >> 3 & 1))
    crossings[n++] = bottom;
  if ((inside >> 3 & 1) != (inside & 1))
    crossings[n++] = left;
  g_assert (n == 2);
  join (t, crossings[0], crossings[1]);
}

/* Where crossing @c lies, in pixel coordinates (pixel centres at .5). */
static CaPoint
crossing_point (const Tracer *t,
                gint32        c)
{
  int x = (c / 2) % t->width, y = (c / 2) / t->width;
  gboolean down = c % 2 == 1;
  double a = alpha_at (t, x, y), b = down ? alpha_at (t, x, y + 1) : alpha_at (t, x + 1, y);
  double along = (LEVEL - a) / (b - a);

  return down ? (CaPoint) { x + 0.5, y + 0.5 + along } : (CaPoint) { x + 0.5 + along, y + 0.5 };
}

/* Follows the ring through @start, taking its crossings out of the
 * tracer as it goes, into @points (in user space). */
static void
follow_ring (Tracer               *t,
             gint32                start,
             const cairo_matrix_t *to_user,
             GArray               *points)
{
  gint32 c = start;

  g_array_set_size (points, 0);
  while (c != NONE)
    {
      gint32 a = t->next[c][0], b = t->next[c][1];
      CaPoint p = crossing_point (t, c);

      cairo_matrix_transform_point (to_user, &p.x, &p.y);
      g_array_append_val (points, p);
      t->next[c][0] = t->next[c][1] = NONE;
      /* On to the neighbour not yet taken; none is left back at @start. */
      c = a != NONE && t->next[a][0] != NONE ? a : b != NONE && t->next[b][0] != NONE ? b : NONE;
    }
}

guint
ca_render_contour_path (cairo_t              *cr,
                        cairo_surface_t      *image,
                        const cairo_matrix_t *to_user,
                        double                tolerance)
{
  Tracer t;
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (CaPoint));
  gsize n_crossings;
  guint n_rings = 0;

  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_A8, 0);

  cairo_surface_flush (image);
  t.data = cairo_image_surface_get_data (image);
  t.stride = cairo_image_surface_get_stride (image);
  t.width = cairo_image_surface_get_width (image);
  t.height = cairo_image_surface_get_height (image);
  if (t.width < 2 || t.height < 2)
    return 0;
  n_crossings = 2 * (gsize) t.width * (gsize) t.height;
  t.next = g_malloc (n_crossings * sizeof *t.next);
  memset (t.next, 0xff, n_crossings * sizeof *t.next);   /* all NONE */
  for (int y = 0; y + 1 < t.height; y++)
    for (int x = 0; x + 1 < t.width; x++)
      join_cell (&t, x, y);
  for (gsize c = 0; c < n_crossings; c++)
    {
      if (t.next[c][0] == NONE)
        continue;
      follow_ring (&t, (gint32) c, to_user, points);
      /* Room for the copy of the first point that the ring's path needs. */
      g_array_set_size (points, points->len + 1);
      ca_map_path_ring (cr, (CaPoint *) (void *) points->data, points->len - 1, tolerance);
      n_rings++;
    }
  g_free (t.next);
  return n_rings;
}
