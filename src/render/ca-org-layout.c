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
#define MAX_COL_W      17.0
#define HEADING_SIZE   CA_ORG_HEADING_SIZE
#define COUNT_SIZE     CA_ORG_COUNT_SIZE
#define LEGEND_SIZE    CA_ORG_LEGEND_SIZE
#define LEGEND_SPACING 1.6


static void
structure_clear (CaOrgStructure *s)
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
visit (CaOrgLayout    *layout,
       CaOrgStructure *s,
       guint           v,
       guint8         *state,
       GArray         *post)
{
  state[v] = 1;
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

      if (edge->from != v || !ca_org_link_is_chain (edge->kind))
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
is_layer_edge (CaOrgLayout    *layout,
               CaOrgStructure *s,
               guint           e)
{
  return ca_org_link_is_chain (g_array_index (layout->edges, CaOrgEdge, e).kind) && !s->back[e];
}

/* Longest-path layering, then sources pulled right next to their nearest
 * successor so a lone supplier does not trail a long arrow. */
static guint
assign_layers (CaOrgLayout    *layout,
               CaOrgStructure *s)
{
  g_autofree guint8 *state = g_new0 (guint8, s->n);
  g_autoptr (GArray) post = g_array_new (FALSE, FALSE, sizeof (guint));
  int n_layers = 0;

  for (guint v = 0; v < s->n; v++)
    s->layer[v] = -1;
  for (guint e = 0; e < layout->edges->len; e++)
    if (ca_org_link_is_chain (g_array_index (layout->edges, CaOrgEdge, e).kind))
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

/* Width of the widest word of @text: wrapping must never have to break
 * inside a word, so this bounds the font size from above. */
static double
widest_word (CaTextContext *context,
             const char    *text,
             double         f)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr (CaTextLayout) word = NULL;
      double w;

      if (*words[i] == '\0')
        continue;
      word = ca_org_text_new (context, words[i], 1, FALSE, -1, f, CA_TEXT_ALIGN_LEFT);
      ca_org_text_size (word, f, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* The box's height with its label wrapped to @inner_w, or +inf when some
 * word is wider than that. */
static double
box_height (CaOrgLayout     *layout,
            CaTextContext   *context,
            const CaOrgNode *node,
            double           f,
            double           inner_w)
{
  const char *text = ca_text_get (&node->label, layout->lang);
  g_autoptr (CaTextLayout) label = ca_org_text_new (context, text, 1, FALSE, inner_w, f,
                                                     CA_TEXT_ALIGN_CENTER);
  g_autofree char *count = ca_org_count_text (node->count, layout->lang);
  double total, h;

  /* The margin keeps the fitted size off the exact point where the
   * widest word fills the line, where rounding could still break it. */
  if (layout->whole_words && widest_word (context, text, f) > inner_w - 0.1 * f)
    return INFINITY;
  ca_org_text_size (label, f, NULL, &h);
  total = h + 2 * PAD * f;
  if (count != NULL)
    {
      g_autoptr (CaTextLayout) line = ca_org_text_new (context, count, COUNT_SIZE, FALSE, inner_w,
                                                      f, CA_TEXT_ALIGN_CENTER);

      ca_org_text_size (line, f, NULL, &h);
      total += CA_ORG_COUNT_GAP * f + h;
    }
  return MAX (total, MIN_BOX_H * f);
}

static double
place_legend (CaOrgLayout   *layout,
              CaTextContext *context,
              double         f,
              double         top)
{
  double sample = ca_org_legend_sample_width (f);
  double row_h = ca_org_legend_row_height (f);
  double cx = layout->legend_x, cy = top;

  for (guint i = 0; i < CA_ORG_LEGEND_N; i++)
    {
      const char *label = ca_org_legend_label (i, layout->lang);
      g_autoptr (CaTextLayout) text = ca_org_text_new (context, label, LEGEND_SIZE, FALSE, -1, f,
                                                       CA_TEXT_ALIGN_LEFT);
      double w, entry_w;

      ca_org_text_size (text, f, &w, NULL);
      entry_w = sample + 0.5 * f + w;
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
place (CaOrgLayout   *layout,
       CaTextContext *context,
       double         f,
       double         top,
       double         stretch)
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
          double inner = band->w - 2 * PANEL_PAD_X * f;
          g_autoptr (CaTextLayout) heading = ca_org_text_new (context, band->heading, HEADING_SIZE,
                                                              TRUE, inner, f, CA_TEXT_ALIGN_LEFT);

          ca_org_text_size (heading, f, NULL, &band->heading_h);
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
              double gap = (r + 1 == band->n_chain_rows ? SUPPORT_GAP : ROW_GAP) * f * stretch;

              add_channel (layout, row_top + row_h[r], row_top + row_h[r] + gap);
              row_top += row_h[r] + gap;
            }
          else
            row_top += row_h[r];
        }
      band->h = row_top + PANEL_PAD_Y * f - band->y;
      cur = band->y + band->h + BAND_GAP * f * stretch;
      add_channel (layout, band->y + band->h, cur);
    }

  layout->legend_x = layout->grid_x - PANEL_PAD_X * f;
  layout->legend_w = grid_w + 2 * PANEL_PAD_X * f;
  cur += place_legend (layout, context, f, cur);
  return cur - top;
}

/* The largest font size (up to a size that suits the frame) at which the
 * whole diagram fits; spare height then opens up the gaps between rows
 * and panels a little, and what is left centres the diagram. */
static void
fit (CaOrgLayout   *layout,
     CaTextContext *context)
{
  double hi = CLAMP (MIN (layout->w / 55, layout->h / 32), 4.0, 11.0);
  double lo = 0.5, used, stretch = 1;

  layout->whole_words = TRUE;
  if (place (layout, context, hi, layout->y, 1) <= layout->h)
    lo = hi;
  else
    for (guint i = 0; i < 18; i++)
      {
        double mid = (lo + hi) / 2;

        if (place (layout, context, mid, layout->y, 1) <= layout->h)
          lo = mid;
        else
          hi = mid;
      }
  used = place (layout, context, lo, layout->y, 1);
  if (!isfinite (used))
    {
      /* A frame too small for whole words even at the smallest size:
       * let words break rather than draw nothing. */
      layout->whole_words = FALSE;
      used = place (layout, context, lo, layout->y, 1);
    }
  if (!isfinite (used) || used >= layout->h)
    return;
  /* Height grows linearly with the gaps' stretch. */
  stretch = 1 + (layout->h - used) / (place (layout, context, lo, layout->y, 2) - used);
  stretch = CLAMP (stretch, 1, 2.2);
  used = place (layout, context, lo, layout->y, stretch);
  place (layout, context, lo, layout->y + MAX (layout->h - used, 0) / 2, stretch);
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
  CaTextContext *context;
  CaOrgStructure s = { 0 };
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
  ca_org_assign_bands (layout, &s, lang);
  for (guint b = 0; b < layout->bands->len; b++)
    {
      guint k = 0;

      for (guint v = 0; v < s.n; v++)
        k += s.layer[v] < 0 && layout->boxes[v].band == b;
      max_support = MAX (max_support, k);
    }
  layout->n_cols = MAX (n_layers, MIN (max_support, 3));
  ca_org_order_grid (layout, &s, n_layers);
  structure_clear (&s);

  context = ca_text_context_new ();
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
