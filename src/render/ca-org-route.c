/* ca-org-route.c — where Fig. 5's arrows run. Links between neighbouring
 * columns go straight across the gap between them. Other links go straight
 * when no box is in the way; otherwise they follow the free space of the
 * grid: a vertical lane in a column gap, a horizontal channel between rows,
 * another lane. Several links sharing a box side, lane or channel are spread
 * apart so they stay distinguishable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-org-layout.h"

typedef enum
{
  ROUTE_ADJACENT,
  ROUTE_STRAIGHT,
  ROUTE_ORTHOGONAL,
} RouteStyle;

typedef enum
{
  SIDE_LEFT,
  SIDE_RIGHT,
} Side;

typedef struct
{
  RouteStyle style;
  Side       from_side, to_side;
  guint      lane_from, lane_to;  /* lane i runs in the gap left of column i */
  int        channel;             /* -1: no channel needed */
  CaPoint    from_port, to_port;
  double     lane_from_x, lane_to_x, channel_y;
} Route;

double
ca_org_arrow_length (CaOrgLinkKind kind,
                     double        font_size)
{
  return (kind == CA_ORG_LINK_SERVICE ? 0.6 : 0.75) * font_size;
}

static double
centre_x (const CaOrgBox *box)
{
  return box->x + box->w / 2;
}

static double
centre_y (const CaOrgBox *box)
{
  return box->y + box->h / 2;
}

/* Where the ray from @box's centre in direction (@dx, @dy) leaves it. */
static CaPoint
border_point (const CaOrgBox *box,
              double          dx,
              double          dy)
{
  double tx = dx != 0 ? (box->w / 2) / fabs (dx) : INFINITY;
  double ty = dy != 0 ? (box->h / 2) / fabs (dy) : INFINITY;
  double t = MIN (tx, ty);
  CaPoint p = { centre_x (box) + dx * t, centre_y (box) + dy * t };

  return p;
}

/* Liang–Barsky: does the segment @a–@b meet the rectangle? */
static gboolean
segment_hits_rect (CaPoint a,
                   CaPoint b,
                   double  x0,
                   double  y0,
                   double  x1,
                   double  y1)
{
  double p[4] = { -(b.x - a.x), b.x - a.x, -(b.y - a.y), b.y - a.y };
  double q[4] = { a.x - x0, x1 - a.x, a.y - y0, y1 - a.y };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  return t0 <= t1;
}

static gboolean
straight_is_clear (CaOrgLayout     *layout,
                   const CaOrgEdge *edge,
                   CaPoint         *from,
                   CaPoint         *to)
{
  const CaOrgBox *s = &layout->boxes[edge->from];
  const CaOrgBox *t = &layout->boxes[edge->to];
  double dx = centre_x (t) - centre_x (s), dy = centre_y (t) - centre_y (s);
  double margin = 0.3 * layout->font_size;

  *from = border_point (s, dx, dy);
  *to = border_point (t, -dx, -dy);
  for (guint v = 0; v < layout->n_boxes; v++)
    {
      const CaOrgBox *box = &layout->boxes[v];

      if (v == edge->from || v == edge->to)
        continue;
      if (segment_hits_rect (*from, *to, box->x - margin, box->y - margin,
                             box->x + box->w + margin, box->y + box->h + margin))
        return FALSE;
    }
  /* A near-vertical line squeezed between a box and its panel heading reads
   * badly; require some length too. */
  return hypot (to->x - from->x, to->y - from->y) > 1.2 * layout->font_size;
}

static double
lane_x (CaOrgLayout *layout,
        guint        lane)
{
  return layout->grid_x + lane * (layout->col_w + layout->gap_x) - layout->gap_x / 2;
}

static void
choose_style (CaOrgLayout     *layout,
              const CaOrgEdge *edge,
              Route           *route)
{
  const CaOrgBox *s = &layout->boxes[edge->from];
  const CaOrgBox *t = &layout->boxes[edge->to];

  route->channel = -1;
  if (!s->support && !t->support && edge->kind != CA_ORG_LINK_SERVICE && t->col == s->col + 1)
    {
      /* Level neighbours: straight across; others: an elbow in the gap,
       * which reads better than a steep diagonal. */
      route->style = fabs (centre_y (t) - centre_y (s)) < MIN (s->h, t->h) / 2
                     ? ROUTE_ADJACENT : ROUTE_ORTHOGONAL;
      route->from_side = SIDE_RIGHT;
      route->to_side = SIDE_LEFT;
      route->lane_from = route->lane_to = (guint) t->col;
      return;
    }
  if (straight_is_clear (layout, edge, &route->from_port, &route->to_port))
    {
      route->style = ROUTE_STRAIGHT;
      return;
    }
  route->style = ROUTE_ORTHOGONAL;
  if (t->col < s->col)
    {
      route->from_side = SIDE_LEFT;
      route->to_side = SIDE_RIGHT;
      route->lane_from = (guint) s->col;
      route->lane_to = (guint) t->col + 1;
    }
  else
    {
      route->from_side = SIDE_RIGHT;
      route->to_side = t->col > s->col ? SIDE_LEFT : SIDE_RIGHT;
      route->lane_from = (guint) s->col + 1;
      route->lane_to = t->col > s->col ? (guint) t->col : (guint) t->col + 1;
    }
}

/* Spreads the ports on each box side, ordered by the far end's height so
 * that links leaving one side do not cross each other. */
static void
assign_ports (CaOrgLayout *layout,
              Route       *routes)
{
  guint n_edges = layout->edges->len;
  g_autofree guint *users = g_new (guint, 2 * MAX (n_edges, 1));
  g_autofree double *keys = g_new (double, 2 * MAX (n_edges, 1));

  for (guint v = 0; v < layout->n_boxes; v++)
    for (guint side = SIDE_LEFT; side <= SIDE_RIGHT; side++)
      {
        const CaOrgBox *box = &layout->boxes[v];
        guint k = 0;

        for (guint e = 0; e < n_edges; e++)
          {
            const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

            if (routes[e].style == ROUTE_STRAIGHT)
              continue;
            for (guint end = 0; end < 2; end++)
              {
                guint node = end == 0 ? edge->from : edge->to;
                guint node_side = end == 0 ? routes[e].from_side : routes[e].to_side;
                guint other = end == 0 ? edge->to : edge->from;
                guint at;

                if (node != v || node_side != side)
                  continue;
                at = k++;
                keys[at] = centre_y (&layout->boxes[other]);
                users[at] = 2 * e + end;
                while (at > 0 && keys[at - 1] > keys[at])
                  {
                    double key = keys[at];
                    guint user = users[at];

                    keys[at] = keys[at - 1];
                    users[at] = users[at - 1];
                    keys[at - 1] = key;
                    users[at - 1] = user;
                    at--;
                  }
              }
          }
        for (guint i = 0; i < k; i++)
          {
            Route *route = &routes[users[i] / 2];
            /* Elbows leave right sides a little high and enter left sides a
             * little low, so that two of them facing each other across a
             * gap from level boxes never run along the same line. */
            double skew = route->style != ROUTE_ORTHOGONAL ? 0
                          : (side == SIDE_LEFT ? 1 : -1) * MIN (0.5 * layout->font_size,
                                                                0.5 * box->h / (k + 1));
            CaPoint p = { side == SIDE_LEFT ? box->x : box->x + box->w,
                          box->y + box->h * (i + 1) / (k + 1) + skew };

            if (users[i] % 2 == 0)
              route->from_port = p;
            else
              route->to_port = p;
          }
      }
}

static int
nearest_channel (CaOrgLayout *layout,
                 double       y0,
                 double       y1)
{
  int best = -1;
  double best_cost = INFINITY;

  for (guint c = 0; c < layout->channels->len; c++)
    {
      const CaOrgChannel *channel = &g_array_index (layout->channels, CaOrgChannel, c);
      double mid = (channel->top + channel->bottom) / 2;
      double cost = fabs (mid - y0) + fabs (mid - y1);

      if (cost < best_cost)
        {
          best_cost = cost;
          best = (int) c;
        }
    }
  return best;
}

/* Offsets of @n parallel tracks centred in a strip, at most @room either side. */
static double
track_offset (guint  index,
              guint  n,
              double room,
              double spacing)
{
  if (n < 2)
    return 0;
  spacing = MIN (spacing, 2 * room / (n - 1));
  return (index - (n - 1) / 2.0) * spacing;
}

/* One vertical run of a route in a lane, from y0 to y1, with the
 * horizontal pieces at both ends leaving towards side0 and side1 (−1 left,
 * +1 right of the lane). */
typedef struct
{
  Route   *route;
  gboolean second;   /* the run in lane_to (else lane_from) */
  double   y0, y1;
  int      side0, side1;
} LaneRun;

static int
side_of (double x,
         double lane)
{
  return x < lane ? -1 : 1;
}

static LaneRun
lane_run (Route   *route,
          gboolean second,
          double   lane)
{
  LaneRun run = { route, second, 0, 0, 0, 0 };
  gboolean channel = route->channel >= 0;

  if (!second)
    {
      run.y0 = route->from_port.y;
      run.side0 = side_of (route->from_port.x, lane);
      run.y1 = channel ? route->channel_y : route->to_port.y;
      run.side1 = side_of (channel ? route->lane_to_x : route->to_port.x, lane);
    }
  else
    {
      run.y0 = route->channel_y;
      run.side0 = side_of (route->lane_from_x, lane);
      run.y1 = route->to_port.y;
      run.side1 = side_of (route->to_port.x, lane);
    }
  return run;
}

static gboolean
within (double y,
        double a,
        double b)
{
  return y > MIN (a, b) + 1e-9 && y < MAX (a, b) - 1e-9;
}

/* Crossings when @left takes a track left of @right's: a horizontal piece
 * of @left going right passes @right's run, or one of @right going left
 * passes @left's. */
static guint
pair_crossings (const LaneRun *left,
                const LaneRun *right)
{
  return (left->side0 > 0 && within (left->y0, right->y0, right->y1)) +
         (left->side1 > 0 && within (left->y1, right->y0, right->y1)) +
         (right->side0 < 0 && within (right->y0, left->y0, left->y1)) +
         (right->side1 < 0 && within (right->y1, left->y0, left->y1));
}

/* Orders the runs sharing a lane by swapping neighbours while that removes
 * crossings (a few runs per lane: the passes are cheap). */
static void
order_runs (GArray *runs)
{
  gboolean swapped = TRUE;

  for (guint pass = 0; swapped && pass < runs->len * runs->len; pass++)
    {
      swapped = FALSE;
      for (guint i = 0; i + 1 < runs->len; i++)
        {
          LaneRun *a = &g_array_index (runs, LaneRun, i);
          LaneRun *b = &g_array_index (runs, LaneRun, i + 1);

          if (pair_crossings (b, a) < pair_crossings (a, b))
            {
              LaneRun t = *a;

              *a = *b;
              *b = t;
              swapped = TRUE;
            }
        }
    }
}

static void
assign_lane_tracks (CaOrgLayout *layout,
                    Route       *routes,
                    guint        lane)
{
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (LaneRun));
  double f = layout->font_size;
  double room = MAX (layout->gap_x / 2 - 0.95 * f, 0);
  double x = lane_x (layout, lane);

  for (guint e = 0; e < layout->edges->len; e++)
    {
      Route *route = &routes[e];

      if (route->style != ROUTE_ORTHOGONAL)
        continue;
      for (guint second = 0; second < 2; second++)
        {
          LaneRun run;

          if ((second ? route->lane_to : route->lane_from) != lane ||
              (second && route->lane_to == route->lane_from))
            continue;
          run = lane_run (route, second, x);
          g_array_append_val (runs, run);
        }
    }
  order_runs (runs);
  for (guint i = 0; i < runs->len; i++)
    {
      LaneRun *run = &g_array_index (runs, LaneRun, i);
      double track = x + track_offset (i, runs->len, room, 0.5 * f);

      if (run->second)
        run->route->lane_to_x = track;
      else
        {
          run->route->lane_from_x = track;
          if (run->route->lane_to == run->route->lane_from)
            run->route->lane_to_x = track;
        }
    }
}

static void
assign_tracks (CaOrgLayout *layout,
               Route       *routes)
{
  guint n_edges = layout->edges->len;
  g_autofree guint *channel_users = g_new0 (guint, MAX (layout->channels->len, 1));
  g_autofree guint *channel_next = g_new0 (guint, MAX (layout->channels->len, 1));
  double f = layout->font_size;

  /* Channels first: the lane order depends on where the runs end. */
  for (guint e = 0; e < n_edges; e++)
    {
      Route *route = &routes[e];

      route->lane_from_x = lane_x (layout, route->lane_from);
      route->lane_to_x = lane_x (layout, route->lane_to);
      if (route->style == ROUTE_ORTHOGONAL && route->lane_to != route->lane_from)
        {
          route->channel = nearest_channel (layout, route->from_port.y, route->to_port.y);
          if (route->channel >= 0)
            channel_users[route->channel]++;
        }
    }
  for (guint e = 0; e < n_edges; e++)
    {
      Route *route = &routes[e];
      const CaOrgChannel *channel;

      if (route->channel < 0)
        continue;
      channel = &g_array_index (layout->channels, CaOrgChannel, route->channel);
      route->channel_y = (channel->top + channel->bottom) / 2 +
        track_offset (channel_next[route->channel]++, channel_users[route->channel],
                      0.35 * (channel->bottom - channel->top), 0.45 * f);
    }
  for (guint lane = 0; lane <= layout->n_cols; lane++)
    assign_lane_tracks (layout, routes, lane);
}

static void
add_point (GArray *points,
           double  x,
           double  y)
{
  CaPoint p = { x, y };

  if (points->len > 0)
    {
      const CaPoint *last = &g_array_index (points, CaPoint, points->len - 1);

      if (fabs (last->x - x) < 1e-9 && fabs (last->y - y) < 1e-9)
        return;
    }
  g_array_append_val (points, p);
}

static void
build_points (CaOrgEdge   *edge,
              const Route *route)
{
  GArray *points = edge->points;

  g_array_set_size (points, 0);
  add_point (points, route->from_port.x, route->from_port.y);
  if (route->style == ROUTE_ORTHOGONAL)
    {
      add_point (points, route->lane_from_x, route->from_port.y);
      if (route->channel >= 0)
        {
          add_point (points, route->lane_from_x, route->channel_y);
          add_point (points, route->lane_to_x, route->channel_y);
        }
      add_point (points, route->lane_to_x, route->to_port.y);
    }
  add_point (points, route->to_port.x, route->to_port.y);
}

void
ca_org_route_edges (CaOrgLayout *layout)
{
  guint n_edges = layout->edges->len;
  g_autofree Route *routes = g_new0 (Route, MAX (n_edges, 1));

  for (guint e = 0; e < n_edges; e++)
    choose_style (layout, &g_array_index (layout->edges, CaOrgEdge, e), &routes[e]);
  assign_ports (layout, routes);
  assign_tracks (layout, routes);
  for (guint e = 0; e < n_edges; e++)
    build_points (&g_array_index (layout->edges, CaOrgEdge, e), &routes[e]);
}
