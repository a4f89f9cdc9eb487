/* ca-edges.c — the boundaries of a set of polygons as lines, each shared
 * edge once.
 *
 * Neighbouring districts share their border: stroking every polygon's
 * outline draws each inner border twice, and a map's outline (the halo
 * round the region) needs only the edges on the outside. Edges are
 * counted in a hash table keyed by their two end points, in either
 * direction; then each ring is walked again and its wanted edges, not yet
 * taken, are chained into lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ca-edges.h"

/* An undirected edge: its end points in a fixed order. */
typedef struct
{
  CaPoint a;
  CaPoint b;
} Edge;

typedef struct
{
  Edge  edge;
  guint count;      /* rings using it */
  gboolean taken;   /* already put into a line */
} Slot;

/* Open addressing, linear probing; the size a power of two, at most half
 * full. */
typedef struct
{
  Slot  *slots;
  guint  mask;
} EdgeTable;

static gboolean
point_before (const CaPoint *p,
              const CaPoint *q)
{
  return p->x < q->x || (p->x == q->x && p->y < q->y);
}

static Edge
edge_of (const CaPoint *p,
         const CaPoint *q)
{
  return point_before (p, q) ? (Edge) { *p, *q } : (Edge) { *q, *p };
}

static guint64
mix (guint64 h,
     double  v)
{
  guint64 bits;

  v += 0.0;   /* -0 and +0 are the same point */
  memcpy (&bits, &v, sizeof bits);
  h ^= bits;
  h *= 0x9e3779b97f4a7c15u;
  return h ^ (h >> 29);
}

static Slot *
table_find (EdgeTable  *table,
            const Edge *edge)
{
  guint64 h = mix (mix (mix (mix (0, edge->a.x), edge->a.y), edge->b.x), edge->b.y);

  for (guint i = (guint) h & table->mask;; i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];

      if (slot->count == 0 || memcmp (&slot->edge, edge, sizeof *edge) == 0)
        return slot;
    }
}

static gboolean
is_edge (const CaRing *ring,
         guint         i)
{
  const CaPoint *p = &ring->points[i], *q = &ring->points[i + 1];

  return p->x != q->x || p->y != q->y;
}

static void
count_edges (EdgeTable               *table,
             const CaPolygon * const *polygons,
             guint                    n_polygons)
{
  for (guint k = 0; k < n_polygons; k++)
    for (guint r = 0; polygons[k] != NULL && r < polygons[k]->n_rings; r++)
      {
        const CaRing *ring = &polygons[k]->rings[r];

        for (guint i = 0; i + 1 < ring->n_points; i++)
          if (is_edge (ring, i))
            {
              Edge edge = edge_of (&ring->points[i], &ring->points[i + 1]);
              Slot *slot = table_find (table, &edge);

              slot->edge = edge;
              slot->count++;
            }
      }
}

/* Ends the line being built in @points, if it has a segment. */
static void
flush_line (GArray  *lines,
            GArray  *points,
            gboolean closed)
{
  CaLine line;

  if (points->len >= 2)
    {
      line.n_points = points->len;
      line.points = g_memdup2 (points->data, points->len * sizeof (CaPoint));
      line.closed = closed;
      g_array_append_val (lines, line);
    }
  g_array_set_size (points, 0);
}

/* Walks @ring from its vertex @start (where an unwanted edge ends, so
 * that no line runs across the ring's seam) and chains its wanted edges. */
static void
take_ring (EdgeTable    *table,
           const CaRing *ring,
           CaEdgeKind    kind,
           GArray       *lines,
           GArray       *points)
{
  guint n = ring->n_points - 1, start = 0, taken = 0;

  for (guint i = 0; i < n; i++)
    if (is_edge (ring, i))
      {
        Edge edge = edge_of (&ring->points[i], &ring->points[i + 1]);
        const Slot *slot = table_find (table, &edge);

        if (slot->taken || (kind == CA_EDGES_OUTER && slot->count > 1))
          start = i + 1;
      }
  for (guint k = 0; k < n; k++)
    {
      guint i = (start + k) % n;
      Edge edge;
      Slot *slot;

      if (!is_edge (ring, i))
        continue;
      edge = edge_of (&ring->points[i], &ring->points[i + 1]);
      slot = table_find (table, &edge);
      if (slot->taken || (kind == CA_EDGES_OUTER && slot->count > 1))
        {
          flush_line (lines, points, FALSE);
          continue;
        }
      slot->taken = TRUE;
      taken++;
      if (points->len == 0)
        g_array_append_val (points, ring->points[i]);
      g_array_append_val (points, ring->points[i + 1]);
    }
  flush_line (lines, points, taken > 0 && points->len == taken + 1 &&
                             memcmp (&g_array_index (points, CaPoint, 0),
                                     &g_array_index (points, CaPoint, points->len - 1),
                                     sizeof (CaPoint)) == 0);
}

CaLineSet *
ca_line_set_from_polygons (const CaPolygon * const *polygons,
                           guint                    n_polygons,
                           CaEdgeKind               kind)
{
  guint n_edges = 0, size = 16;
  EdgeTable table;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (CaLine));
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (CaPoint));
  CaLineSet *set;

  for (guint k = 0; k < n_polygons; k++)
    for (guint r = 0; polygons[k] != NULL && r < polygons[k]->n_rings; r++)
      n_edges += polygons[k]->rings[r].n_points;
  while (size < 2 * n_edges)
    size *= 2;
  table.slots = g_new0 (Slot, size);
  table.mask = size - 1;
  count_edges (&table, polygons, n_polygons);
  for (guint k = 0; k < n_polygons; k++)
    for (guint r = 0; polygons[k] != NULL && r < polygons[k]->n_rings; r++)
      if (polygons[k]->rings[r].n_points >= 2)
        take_ring (&table, &polygons[k]->rings[r], kind, lines, points);
  g_free (table.slots);

  set = g_new0 (CaLineSet, 1);
  set->n_lines = lines->len;
  set->lines = (CaLine *) g_array_free (g_steal_pointer (&lines), FALSE);
  return set;
}

void
ca_line_set_free (CaLineSet *set)
{
  if (set == NULL)
    return;
  for (guint i = 0; i < set->n_lines; i++)
    g_free (set->lines[i].points);
  g_free (set->lines);
  g_free (set);
}

guint
ca_line_set_count_segments (const CaLineSet *set)
{
  guint n = 0;

  for (guint i = 0; set != NULL && i < set->n_lines; i++)
    n += set->lines[i].n_points - 1;
  return n;
}
