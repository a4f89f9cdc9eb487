/* ca-map-path.c — polygons into cairo paths, generalised to the output:
 * vertices that no one could see are dropped before cairo strokes, fills
 * or writes them, which is where a map figure spends most of its time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-map-renderer.h"

/* How far (device units) a simplified outline may stray from the true
 * one: a quarter pixel on a raster, which antialiasing cannot show; on
 * paper 0.05 mm, so that a PDF or SVG stays crisp when zoomed in. */
#define RASTER_TOLERANCE 0.25
#define VECTOR_TOLERANCE (0.05 / 25.4 * 72.0)
/* Margin round the clip, in tolerances: wider than any line drawn. */
#define CLIP_MARGIN 80.0

gboolean
ca_render_is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Outcode of a point against @box: which of its four sides it lies beyond. */
static guint
outcode (const CaPoint *p,
         const double  *box)
{
  return (p->x < box[0] ? 1 : 0) | (p->x > box[2] ? 2 : 0) |
         (p->y < box[1] ? 4 : 0) | (p->y > box[3] ? 8 : 0);
}

/* Squared distance from @p to the segment @a–@b. */
static double
segment_distance2 (const CaPoint *p,
                   const CaPoint *a,
                   const CaPoint *b)
{
  double vx = b->x - a->x, vy = b->y - a->y, wx = p->x - a->x, wy = p->y - a->y;
  double len2 = vx * vx + vy * vy, t;

  if (len2 <= 0)
    return wx * wx + wy * wy;
  t = CLAMP ((wx * vx + wy * vy) / len2, 0.0, 1.0);
  wx -= t * vx;
  wy -= t * vy;
  return wx * wx + wy * wy;
}

/* Douglas–Peucker on points[first..last]: marks in @keep the vertices
 * needed for the line to stay within sqrt(@tol2) of every point. The
 * spans still to look at are kept on @stack rather than recursing, as a
 * ring may have a hundred thousand vertices. */
static void
simplify_span (const CaPoint *points,
               gboolean      *keep,
               guint          first,
               guint          last,
               double         tol2,
               GArray        *stack)
{
  g_array_set_size (stack, 0);
  g_array_append_val (stack, first);
  g_array_append_val (stack, last);
  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      guint far = a;
      double worst = tol2;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double d = segment_distance2 (&points[i], &points[a], &points[b]);
          if (d > worst)
            {
              worst = d;
              far = i;
            }
        }
      if (far == a)
        continue;
      keep[far] = TRUE;
      g_array_append_val (stack, a);
      g_array_append_val (stack, far);
      g_array_append_val (stack, far);
      g_array_append_val (stack, b);
    }
}

/* @points in user space, without the vertices that lie, with the previous
 * one kept and the next one, beyond one side of @box: the shortcut stays
 * out of sight, so fills and strokes look the same. Returns the count. */
static guint
transform_and_cull (const CaMapTransform *transform,
                    const CaPoint        *points,
                    guint                 n_points,
                    const double         *box,
                    CaPoint              *out)
{
  guint n = 0, last_code = 0;
  CaPoint p, next = { 0, 0 };

  ca_map_transform_to_device (transform, points[0].x, points[0].y, &p.x, &p.y);
  for (guint i = 0; i < n_points; i++)
    {
      guint code = outcode (&p, box);
      gboolean last = i + 1 == n_points;

      if (!last)
        ca_map_transform_to_device (transform, points[i + 1].x, points[i + 1].y,
                                    &next.x, &next.y);
      if (i == 0 || last || (last_code & code & outcode (&next, box)) == 0)
        {
          out[n++] = p;
          last_code = code;
        }
      p = next;
    }
  return n;
}

/* Appends the ring @points (n of them, the first not repeated at the
 * end) to the path, simplified to within sqrt(@tol2). */
static void
path_ring (cairo_t       *cr,
           const CaPoint *points,
           guint          n,
           double         tol2,
           gboolean      *keep,
           GArray        *stack)
{
  guint far = 0;
  double worst = -1;

  /* A closed ring has no ends to anchor on: split it at the first vertex
   * and the one farthest from it, and simplify each half. */
  for (guint i = 1; i < n; i++)
    {
      double dx = points[i].x - points[0].x, dy = points[i].y - points[0].y;
      if (dx * dx + dy * dy > worst)
        {
          worst = dx * dx + dy * dy;
          far = i;
        }
    }
  memset (keep, 0, n * sizeof *keep);
  keep[0] = TRUE;
  keep[far] = TRUE;
  if (far > 0)
    {
      simplify_span (points, keep, 0, far, tol2, stack);
      /* The second half runs from @far back round to the first vertex,
       * which the caller has appended as points[n]. */
      keep[n] = TRUE;
      simplify_span (points, keep, far, n, tol2, stack);
    }
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n; i++)
    if (keep[i])
      cairo_line_to (cr, points[i].x, points[i].y);
  cairo_close_path (cr);
}

void
ca_map_path_ring (cairo_t *cr,
                  CaPoint *points,
                  guint    n_points,
                  double   tolerance)
{
  g_autofree gboolean *keep = NULL;
  g_autoptr (GArray) stack = NULL;

  if (n_points < 3)
    return;
  keep = g_new (gboolean, n_points + 1);
  stack = g_array_new (FALSE, FALSE, sizeof (guint));
  points[n_points] = points[0];
  path_ring (cr, points, n_points, tolerance * tolerance, keep, stack);
}

/* What pathing rings and lines needs: the tolerance, the box beyond which
 * vertices may go (the clip and a margin), and room for the longest. */
typedef struct
{
  cairo_t              *cr;
  const CaMapTransform *transform;
  double                tol2;
  double                box[4];
  CaPoint              *points;
  gboolean             *keep;
  GArray               *stack;
} Pather;

static void
pather_init (Pather               *pather,
             cairo_t              *cr,
             const CaMapTransform *transform,
             guint                 max_points)
{
  double dx = 1, dy = 0, tol;

  cairo_user_to_device_distance (cr, &dx, &dy);
  tol = (ca_render_is_vector (cr) ? VECTOR_TOLERANCE : RASTER_TOLERANCE) / MAX (hypot (dx, dy), 1e-9);
  pather->cr = cr;
  pather->transform = transform;
  pather->tol2 = tol * tol;
  cairo_clip_extents (cr, &pather->box[0], &pather->box[1], &pather->box[2], &pather->box[3]);
  pather->box[0] -= CLIP_MARGIN * tol;
  pather->box[1] -= CLIP_MARGIN * tol;
  pather->box[2] += CLIP_MARGIN * tol;
  pather->box[3] += CLIP_MARGIN * tol;
  pather->points = g_new (CaPoint, max_points + 1);
  pather->keep = g_new (gboolean, max_points + 1);
  pather->stack = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
pather_clear (Pather *pather)
{
  g_free (pather->points);
  g_free (pather->keep);
  g_array_unref (pather->stack);
}

/* A closed ring, whether or not it repeats its first vertex at the end
 * (shapefile rings do). */
static void
pather_ring (Pather        *pather,
             const CaPoint *ring,
             guint          n_points)
{
  CaPoint *points = pather->points;
  guint n = transform_and_cull (pather->transform, ring, n_points, pather->box, points);

  if (n > 1 && points[n - 1].x == points[0].x && points[n - 1].y == points[0].y)
    n--;
  points[n] = points[0];
  path_ring (pather->cr, points, n, pather->tol2, pather->keep, pather->stack);
}

/* An open line, simplified with its ends kept. */
static void
pather_line (Pather        *pather,
             const CaPoint *line,
             guint          n_points)
{
  CaPoint *points = pather->points;
  gboolean *keep = pather->keep;
  guint n = transform_and_cull (pather->transform, line, n_points, pather->box, points);

  memset (keep, 0, n * sizeof *keep);
  keep[0] = keep[n - 1] = TRUE;
  simplify_span (points, keep, 0, n - 1, pather->tol2, pather->stack);
  cairo_move_to (pather->cr, points[0].x, points[0].y);
  for (guint i = 1; i < n; i++)
    if (keep[i])
      cairo_line_to (pather->cr, points[i].x, points[i].y);
}

void
ca_map_path_polygon (cairo_t              *cr,
                     const CaMapTransform *transform,
                     const CaPolygon      *polygon)
{
  guint max_points = 0;
  Pather pather;

  for (guint r = 0; polygon != NULL && r < polygon->n_rings; r++)
    max_points = MAX (max_points, polygon->rings[r].n_points);
  if (max_points == 0)
    return;
  pather_init (&pather, cr, transform, max_points);
  for (guint r = 0; r < polygon->n_rings; r++)
    if (polygon->rings[r].n_points > 0)
      pather_ring (&pather, polygon->rings[r].points, polygon->rings[r].n_points);
  pather_clear (&pather);
}

void
ca_map_path_lines (cairo_t              *cr,
                   const CaMapTransform *transform,
                   const CaLineSet      *lines)
{
  guint max_points = 0;
  Pather pather;

  for (guint l = 0; lines != NULL && l < lines->n_lines; l++)
    max_points = MAX (max_points, lines->lines[l].n_points);
  if (max_points == 0)
    return;
  pather_init (&pather, cr, transform, max_points);
  for (guint l = 0; l < lines->n_lines; l++)
    {
      const CaLine *line = &lines->lines[l];

      if (line->n_points < 2)
        continue;
      if (line->closed)
        pather_ring (&pather, line->points, line->n_points);
      else
        pather_line (&pather, line->points, line->n_points);
    }
  pather_clear (&pather);
}
