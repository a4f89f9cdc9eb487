/* ca-org-layout.c — the layered layout of Fig. 5: production links define
 * the columns (longest path, left to right), territories define horizontal
 * bands (one labelled panel each), barycentre ordering keeps arrows from
 * crossing, and nodes without production links sit in their band's support
 * row. The font size is the largest that lets everything fit the frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ca-org-layout.h"
#include "ca-render-text.h"

/* Multiples of the font size, like those in ca-org-layout.h. */
#define GAP_X          3.2   /* between columns: room for arrowheads and lanes */
#define PAD            CA_ORG_PAD
#define PANEL_PAD_X    CA_ORG_PANEL_PAD_X
#define PANEL_PAD_Y    CA_ORG_PANEL_PAD_Y
#define ROW_GAP        1.4
#define SUPPORT_GAP    2.0   /* between the chain rows and the support row */
#define BAND_GAP       1.8
#define MIN_BOX_H      2.6
#define MIN_COL_W      5.5
#define MAX_COL_W      15.0
#define HEADING_SIZE   CA_ORG_HEADING_SIZE
#define COUNT_SIZE     CA_ORG_COUNT_SIZE
#define LEGEND_SIZE    CA_ORG_LEGEND_SIZE
#define LEGEND_SPACING 1.6

typedef struct
{
  const CaOrgGraph *graph;
  CaDataset        *dataset;
  guint             n;
  int              *layer;    /* chain column, or -1 for support nodes */
  int              *order;    /* position within its (band, column) group */
  gboolean         *back;     /* per edge of layout->edges: ignored for layering */
} Structure;

static gboolean
is_chain_kind (CaOrgLinkKind kind)
{
  return kind == CA_ORG_LINK_PRODUCTION || kind == CA_ORG_LINK_MISSING;
}

static void
structure_clear (Structure *s)
{
  g_free (s->layer);
  g_free (s->order);
  g_free (s->back);
}

/* Links whose ends both exist, without self-loops (they have no drawing). */
static GArray *
resolve_edges (const CaOrgGraph *graph)
{
  GArray *edges = g_array_new (FALSE, TRUE, sizeof (CaOrgEdge));

  for (guint i = 0; i < graph->links->len; i++)
    {
      const CaOrgLink *link = &g_array_index (graph->links, CaOrgLink, i);
      int from = ca_org_graph_find_node (graph, link->from);
      int to = ca_org_graph_find_node (graph, link->to);
      CaOrgEdge edge = { 0 };

      if (from < 0 || to < 0 || from == to)
        continue;
      edge.from = (guint) from;
      edge.to = (guint) to;
      edge.kind = link->kind;
      edge.points = g_array_new (FALSE, FALSE, sizeof (CaPoint));
      g_array_append_val (edges, edge);
    }
  return edges;
}

/* Depth-first search over chain edges; edges into a node still on the
 * stack close a cycle and are left out of the layering. */
static void
visit (CaOrgLayout *layout,
       Structure   *s,
       guint        v,
       guint8      *state,
       GArray      *post)
{
  state[v] = 1;
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

      if (edge->from != v || !is_chain_kind (edge->kind))
        continue;
      if (state[edge->to] == 1)
        s->back[e] = TRUE;
      else if (state[edge->to] == 0)
        visit (layout, s, edge->to, state, post);
    }
  state[v] = 2;
  g_array_append_val (post, v);
}

static gboolean
is_layer_edge (CaOrgLayout *layout,
               Structure   *s,
               guint        e)
{
  return is_chain_kind (g_array_index (layout->edges, CaOrgEdge, e).kind) && !s->back[e];
}

/* Longest-path layering, then sources pulled right next to their nearest
 * successor so a lone supplier does not trail a long arrow. */
static guint
assign_layers (CaOrgLayout *layout,
               Structure   *s)
{
  g_autofree guint8 *state = g_new0 (guint8, s->n);
  g_autoptr (GArray) post = g_array_new (FALSE, FALSE, sizeof (guint));
  int n_layers = 0;

  for (guint v = 0; v < s->n; v++)
    s->layer[v] = -1;
  for (guint e = 0; e < layout->edges->len; e++)
    if (is_chain_kind (g_array_index (layout->edges, CaOrgEdge, e).kind))
      {
        const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);
        s->layer[edge->from] = s->layer[edge->to] = 0;
      }
  for (guint v = 0; v < s->n; v++)
    if (state[v] == 0 && s->layer[v] == 0)
      visit (layout, s, v, state, post);

  /* post reversed is a topological order of the acyclic part. */
  for (guint k = post->len; k-- > 0;)
    {
      guint v = g_array_index (post, guint, k);

      for (guint e = 0; e < layout->edges->len; e++)
        {
          const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

          if (edge->from == v && is_layer_edge (layout, s, e))
            s->layer[edge->to] = MAX (s->layer[edge->to], s->layer[v] + 1);
        }
    }
  for (guint k = 0; k < post->len; k++)
    {
      guint v = g_array_index (post, guint, k);
      int nearest = G_MAXINT;
      gboolean has_in = FALSE;

      for (guint e = 0; e < layout->edges->len; e++)
        {
          const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

          if (!is_layer_edge (layout, s, e))
            continue;
          if (edge->to == v)
            has_in = TRUE;
          else if (edge->from == v)
            nearest = MIN (nearest, s->layer[edge->to]);
        }
      if (!has_in && nearest != G_MAXINT)
        s->layer[v] = MAX (s->layer[v], nearest - 1);
    }
  for (guint v = 0; v < s->n; v++)
    n_layers = MAX (n_layers, s->layer[v] + 1);
  return (guint) n_layers;
}

static void
assign_bands (CaOrgLayout *layout,
              Structure   *s,
              CaLang       lang)
{
  gboolean any_without = FALSE;

  for (guint v = 0; v < s->n; v++)
    {
      const CaOrgNode *node = &g_array_index (s->graph->nodes, CaOrgNode, v);
      guint b;

      if (node->territory == NULL || *node->territory == '\0')
        {
          any_without = TRUE;
          continue;
        }
      for (b = 0; b < layout->bands->len; b++)
        if (g_strcmp0 (g_array_index (layout->bands, CaOrgBand, b).territory,
                       node->territory) == 0)
          break;
      if (b == layout->bands->len)
        {
          CaOrgBand band = { 0 };
          int unit = s->dataset != NULL ? ca_dataset_find_unit (s->dataset, node->territory) : -1;

          band.territory = g_strdup (node->territory);
          band.heading = unit >= 0
            ? g_strdup (ca_text_get (&ca_dataset_get_unit (s->dataset, (guint) unit)->name, lang))
            : g_strdup (node->territory);
          g_array_append_val (layout->bands, band);
        }
      layout->boxes[v].band = b;
    }
  if (any_without)
    {
      CaOrgBand band = { 0 };

      g_array_append_val (layout->bands, band);
      for (guint v = 0; v < s->n; v++)
        {
          const CaOrgNode *node = &g_array_index (s->graph->nodes, CaOrgNode, v);

          if (node->territory == NULL || *node->territory == '\0')
            layout->boxes[v].band = layout->bands->len - 1;
        }
    }
}

/* Mean position of @v's chain neighbours on the side being swept from; a
 * node without such neighbours keeps its place. */
static double
barycentre (CaOrgLayout *layout,
            Structure   *s,
            guint        v,
            gboolean     downstream)
{
  double sum = 0;
  guint count = 0;

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);
      guint u;

      if (!is_chain_kind (edge->kind) || (edge->from != v && edge->to != v))
        continue;
      u = edge->from == v ? edge->to : edge->from;
      if (downstream ? s->layer[u] >= s->layer[v] : s->layer[u] <= s->layer[v])
        continue;
      sum += layout->boxes[u].band * 1000.0 + s->order[u];
      count++;
    }
  return count > 0 ? sum / count : layout->boxes[v].band * 1000.0 + s->order[v];
}

static void
sort_group (CaOrgLayout *layout,
            Structure   *s,
            guint        band,
            int          col,
            gboolean     downstream)
{
  g_autofree guint *members = g_new (guint, s->n);
  g_autofree double *keys = g_new (double, s->n);
  guint k = 0;

  for (guint v = 0; v < s->n; v++)
    if (s->layer[v] == col && layout->boxes[v].band == band)
      {
        guint at = k++;

        /* Insertion by current order, so members[] starts in order. */
        while (at > 0 && s->order[members[at - 1]] > s->order[v])
          {
            members[at] = members[at - 1];
            at--;
          }
        members[at] = v;
      }
  for (guint i = 0; i < k; i++)
    keys[i] = barycentre (layout, s, members[i], downstream);
  /* Stable insertion sort by key: ties keep the previous order. */
  for (guint i = 1; i < k; i++)
    for (guint j = i; j > 0 && keys[j - 1] > keys[j]; j--)
      {
        double key = keys[j];
        guint member = members[j];

        keys[j] = keys[j - 1];
        members[j] = members[j - 1];
        keys[j - 1] = key;
        members[j - 1] = member;
      }
  for (guint i = 0; i < k; i++)
    s->order[members[i]] = (int) i;
}

static void
order_columns (CaOrgLayout *layout,
               Structure   *s,
               guint        n_layers)
{
  g_autofree guint *seen = g_new0 (guint, (gsize) layout->bands->len * MAX (n_layers, 1));

  for (guint v = 0; v < s->n; v++)
    if (s->layer[v] >= 0)
      s->order[v] = (int) seen[layout->boxes[v].band * n_layers + (guint) s->layer[v]]++;
  for (guint sweep = 0; sweep < 4; sweep++)
    {
      gboolean down = sweep % 2 == 0;

      for (guint i = 1; i < n_layers; i++)
        for (guint b = 0; b < layout->bands->len; b++)
          sort_group (layout, s, b, down ? (int) i : (int) (n_layers - 1 - i), down);
    }
}

/* Rows: each (band, column) group keeps its order but slides down to sit
 * level with its upstream neighbours where the band has room. */
static void
assign_chain_rows (CaOrgLayout *layout,
                   Structure   *s,
                   guint        n_layers)
{
  for (guint b = 0; b < layout->bands->len; b++)
    {
      CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);
      guint rows = 0;

      for (guint v = 0; v < s->n; v++)
        if (s->layer[v] >= 0 && layout->boxes[v].band == b)
          rows = MAX (rows, (guint) s->order[v] + 1);
      band->n_chain_rows = rows;
      for (guint c = 0; c < n_layers; c++)
        {
          int previous = -1;
          guint k = 0;

          for (guint v = 0; v < s->n; v++)
            if (s->layer[v] == (int) c && layout->boxes[v].band == b)
              k++;
          for (guint i = 0; i < k; i++)
            for (guint v = 0; v < s->n; v++)
              {
                double sum = 0;
                guint count = 0;
                int want;

                if (s->layer[v] != (int) c || layout->boxes[v].band != b || s->order[v] != (int) i)
                  continue;
                for (guint e = 0; e < layout->edges->len; e++)
                  {
                    const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

                    if (edge->to == v && is_chain_kind (edge->kind) &&
                        s->layer[edge->from] >= 0 && s->layer[edge->from] < (int) c &&
                        layout->boxes[edge->from].band == b)
                      {
                        sum += layout->boxes[edge->from].row;
                        count++;
                      }
                  }
                want = count > 0 ? (int) lround (sum / count) : (int) i;
                want = MAX (want, previous + 1);
                want = MIN (want, (int) (rows - k + i));
                layout->boxes[v].row = previous = want;
                layout->boxes[v].col = (int) c;
              }
        }
    }
}

/* Support nodes go under the column of the groups they serve, in as many
 * rows of the grid's width as they need. */
static void
assign_support (CaOrgLayout *layout,
                Structure   *s)
{
  for (guint b = 0; b < layout->bands->len; b++)
    {
      CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);
      g_autoptr (GArray) taken = g_array_new (FALSE, TRUE, sizeof (gboolean));

      for (guint v = 0; v < s->n; v++)
        {
          double sum = 0;
          guint count = 0;
          int want, best = -1;

          if (s->layer[v] >= 0 || layout->boxes[v].band != b)
            continue;
          for (guint e = 0; e < layout->edges->len; e++)
            {
              const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);
              guint u = edge->from == v ? edge->to : edge->from;

              if ((edge->from == v || edge->to == v) && s->layer[u] >= 0)
                {
                  sum += s->layer[u];
                  count++;
                }
            }
          want = count > 0 ? (int) lround (sum / count) : 0;
          /* The free slot nearest @want in the first row that has one. */
          for (guint row = 0; best < 0; row++)
            {
              int col_best = -1;

              if ((row + 1) * layout->n_cols > taken->len)
                g_array_set_size (taken, (row + 1) * layout->n_cols);
              for (guint c = 0; c < layout->n_cols; c++)
                if (!g_array_index (taken, gboolean, row * layout->n_cols + c) &&
                    (col_best < 0 || abs ((int) c - want) < abs (col_best - want)))
                  col_best = (int) c;
              if (col_best >= 0)
                best = (int) (row * layout->n_cols) + col_best;
            }
          g_array_index (taken, gboolean, best) = TRUE;
          layout->boxes[v].support = TRUE;
          layout->boxes[v].col = best % (int) layout->n_cols;
          layout->boxes[v].row = (int) band->n_chain_rows + best / (int) layout->n_cols;
          band->n_support_rows = MAX (band->n_support_rows,
                                      (guint) (best / (int) layout->n_cols) + 1);
        }
    }
}

static double
box_height (CaOrgLayout  *layout,
            PangoContext *context,
            const CaOrgNode *node,
            double        f,
            double        inner_w)
{
  g_autoptr (PangoLayout) label = ca_render_layout_new (context, ca_text_get (&node->label, layout->lang),
                                                      f, FALSE, inner_w);
  g_autofree char *count = ca_org_count_text (node->count, layout->lang);
  int w, h;
  double total;

  pango_layout_get_size (label, &w, &h);
  total = (double) h / PANGO_SCALE + 2 * PAD * f;
  if (count != NULL)
    {
      g_autoptr (PangoLayout) line = ca_render_layout_new (context, count, COUNT_SIZE * f, FALSE, inner_w);

      pango_layout_get_size (line, &w, &h);
      total += CA_ORG_COUNT_GAP * f + (double) h / PANGO_SCALE;
    }
  return MAX (total, MIN_BOX_H * f);
}

static double
place_legend (CaOrgLayout  *layout,
              PangoContext *context,
              double        f,
              double        top)
{
  double sample = ca_org_legend_sample_width (f);
  double row_h = ca_org_legend_row_height (f);
  double cx = layout->legend_x, cy = top;

  for (guint i = 0; i < CA_ORG_LEGEND_N; i++)
    {
      g_autoptr (PangoLayout) text = ca_render_layout_new (context, ca_org_legend_label (i, layout->lang),
                                                         LEGEND_SIZE * f, FALSE, -1);
      int w, h;
      double entry_w;

      pango_layout_get_size (text, &w, &h);
      entry_w = sample + 0.5 * f + (double) w / PANGO_SCALE;
      if (cx > layout->legend_x && cx + entry_w > layout->legend_x + layout->legend_w)
        {
          cx = layout->legend_x;
          cy += row_h;
        }
      layout->legend_pos[2 * i] = cx;
      layout->legend_pos[2 * i + 1] = cy;
      cx += entry_w + LEGEND_SPACING * f;
    }
  layout->legend_y = top;
  layout->legend_h = cy + row_h - top;
  return layout->legend_h;
}

static void
add_channel (CaOrgLayout *layout,
             double       top,
             double       bottom)
{
  CaOrgChannel channel = { top, bottom };

  g_array_append_val (layout->channels, channel);
}

/* Puts everything at font size @f starting at @top; returns the height used,
 * or +inf when the columns would be too narrow for words at this size. */
static double
place (CaOrgLayout  *layout,
       PangoContext *context,
       double        f,
       double        top)
{
  double grid_w, cur = top;
  guint nc = layout->n_cols;

  layout->font_size = f;
  layout->gap_x = GAP_X * f;
  layout->col_w = (layout->w - 2 * layout->gap_x - (nc - 1) * layout->gap_x) / nc;
  if (layout->col_w < MIN_COL_W * f)
    return INFINITY;
  layout->col_w = MIN (layout->col_w, MAX_COL_W * f);
  grid_w = nc * layout->col_w + (nc - 1) * layout->gap_x;
  layout->grid_x = layout->x + (layout->w - grid_w) / 2;
  g_array_set_size (layout->channels, 0);

  for (guint b = 0; b < layout->bands->len; b++)
    {
      CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);
      guint n_rows = band->n_chain_rows + band->n_support_rows;
      g_autofree double *row_h = g_new0 (double, n_rows);
      double row_top;

      band->x = layout->grid_x - PANEL_PAD_X * f;
      band->w = grid_w + 2 * PANEL_PAD_X * f;
      band->y = cur;
      band->heading_h = 0;
      if (band->heading != NULL)
        {
          g_autoptr (PangoLayout) heading = ca_render_layout_new (context, band->heading, HEADING_SIZE * f,
                                                                TRUE, band->w - 2 * PANEL_PAD_X * f);
          int w, h;

          pango_layout_get_size (heading, &w, &h);
          band->heading_h = (double) h / PANGO_SCALE;
        }
      for (guint v = 0; v < layout->n_boxes; v++)
        if (layout->boxes[v].band == b)
          {
            const CaOrgNode *node = &g_array_index (layout->graph_nodes, CaOrgNode, v);

            layout->boxes[v].h = box_height (layout, context, node, f, layout->col_w - 2 * PAD * f);
            row_h[layout->boxes[v].row] = MAX (row_h[layout->boxes[v].row], layout->boxes[v].h);
          }
      row_top = cur + PANEL_PAD_Y * f + (band->heading_h > 0 ? band->heading_h + PANEL_PAD_Y * f : 0);
      for (guint r = 0; r < n_rows; r++)
        {
          for (guint v = 0; v < layout->n_boxes; v++)
            if (layout->boxes[v].band == b && layout->boxes[v].row == (int) r)
              {
                CaOrgBox *box = &layout->boxes[v];

                box->w = layout->col_w;
                box->x = layout->grid_x + box->col * (layout->col_w + layout->gap_x);
                box->y = row_top + (row_h[r] - box->h) / 2;
              }
          if (r + 1 < n_rows)
            {
              double gap = (r + 1 == band->n_chain_rows ? SUPPORT_GAP : ROW_GAP) * f;

              add_channel (layout, row_top + row_h[r], row_top + row_h[r] + gap);
              row_top += row_h[r] + gap;
            }
          else
            row_top += row_h[r];
        }
      band->h = row_top + PANEL_PAD_Y * f - band->y;
      cur = band->y + band->h + BAND_GAP * f;
      add_channel (layout, band->y + band->h, cur);
    }

  layout->legend_x = layout->grid_x - PANEL_PAD_X * f;
  layout->legend_w = grid_w + 2 * PANEL_PAD_X * f;
  cur += place_legend (layout, context, f, cur);
  return cur - top;
}

/* The largest font size (up to a size that suits the frame) at which the
 * whole diagram fits; then the result is centred vertically. */
static void
fit (CaOrgLayout  *layout,
     PangoContext *context)
{
  double hi = CLAMP (MIN (layout->w / 55, layout->h / 32), 4.0, 11.0);
  double lo = 0.5, used;

  if (place (layout, context, hi, layout->y) <= layout->h)
    lo = hi;
  else
    for (guint i = 0; i < 18; i++)
      {
        double mid = (lo + hi) / 2;

        if (place (layout, context, mid, layout->y) <= layout->h)
          lo = mid;
        else
          hi = mid;
      }
  used = place (layout, context, lo, layout->y);
  if (isfinite (used) && used < layout->h)
    place (layout, context, lo, layout->y + (layout->h - used) / 2);
}

CaOrgLayout *
ca_org_layout_new (const CaOrgGraph *graph,
                   CaDataset        *dataset,
                   CaLang            lang,
                   cairo_t          *cr,
                   double            x,
                   double            y,
                   double            width,
                   double            height)
{
  CaOrgLayout *layout = g_new0 (CaOrgLayout, 1);
  PangoContext *context;
  Structure s = { 0 };
  guint n_layers, max_support = 0;

  layout->x = x;
  layout->y = y;
  layout->w = width;
  layout->h = height;
  layout->lang = lang;
  layout->bands = g_array_new (FALSE, TRUE, sizeof (CaOrgBand));
  layout->channels = g_array_new (FALSE, TRUE, sizeof (CaOrgChannel));
  if (graph == NULL || graph->nodes->len == 0)
    {
      layout->edges = g_array_new (FALSE, TRUE, sizeof (CaOrgEdge));
      return layout;
    }
  layout->graph_nodes = graph->nodes;
  layout->n_boxes = graph->nodes->len;
  layout->boxes = g_new0 (CaOrgBox, layout->n_boxes);
  layout->edges = resolve_edges (graph);

  s.graph = graph;
  s.dataset = dataset;
  s.n = layout->n_boxes;
  s.layer = g_new0 (int, s.n);
  s.order = g_new0 (int, s.n);
  s.back = g_new0 (gboolean, MAX (layout->edges->len, 1));

  n_layers = assign_layers (layout, &s);
  assign_bands (layout, &s, lang);
  for (guint b = 0; b < layout->bands->len; b++)
    {
      guint k = 0;

      for (guint v = 0; v < s.n; v++)
        k += s.layer[v] < 0 && layout->boxes[v].band == b;
      max_support = MAX (max_support, k);
    }
  layout->n_cols = MAX (n_layers, MIN (max_support, 3));
  order_columns (layout, &s, n_layers);
  assign_chain_rows (layout, &s, n_layers);
  assign_support (layout, &s);
  structure_clear (&s);

  context = ca_render_context_new (cr);
  fit (layout, context);
  g_object_unref (context);
  ca_org_route_edges (layout);
  return layout;
}

void
ca_org_layout_free (CaOrgLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint b = 0; b < layout->bands->len; b++)
    {
      CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);

      g_free (band->territory);
      g_free (band->heading);
    }
  for (guint e = 0; e < layout->edges->len; e++)
    g_array_unref (g_array_index (layout->edges, CaOrgEdge, e).points);
  g_array_unref (layout->bands);
  g_array_unref (layout->edges);
  g_array_unref (layout->channels);
  g_free (layout->boxes);
  g_free (layout);
}
