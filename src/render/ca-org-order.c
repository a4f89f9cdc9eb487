/* ca-org-order.c — where each Fig. 5 box goes in the grid: territory
 * bands (ordered so that linked territories sit next to each other), the
 * order of boxes within a column (barycentre sweeps against crossings),
 * rows, and the support rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca-org-layout.h"

/* How far apart linked boxes' bands are when band i is drawn at pos[i]
 * (production links count double), then how many production links go
 * upwards: ties go to the order where the chain runs down the page. */
static guint
band_distance (CaOrgLayout *layout,
               const guint *pos)
{
  guint total = 0;

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);
      guint a = pos[layout->boxes[edge->from].band], b = pos[layout->boxes[edge->to].band];

      total += 64 * (a > b ? a - b : b - a) * (ca_org_link_is_chain (edge->kind) ? 2 : 1);
      total += ca_org_link_is_chain (edge->kind) && a > b;
    }
  return total;
}

/* Tries every order of the bands from position @k on (swap, recurse, swap
 * back), keeping the first with the least distance. */
static void
permute_bands (CaOrgLayout *layout,
               guint       *perm,
               guint        k,
               guint        n,
               guint       *pos,
               guint       *best,
               guint       *best_cost)
{
  if (k == n)
    {
      guint cost;

      for (guint i = 0; i < n; i++)
        pos[perm[i]] = i;
      cost = band_distance (layout, pos);
      if (cost < *best_cost)
        {
          *best_cost = cost;
          memcpy (best, perm, n * sizeof (guint));
        }
      return;
    }
  for (guint i = k; i < n; i++)
    {
      guint t = perm[k];

      perm[k] = perm[i];
      perm[i] = t;
      permute_bands (layout, perm, k + 1, n, pos, best, best_cost);
      perm[i] = perm[k];
      perm[k] = t;
    }
}

/* Puts linked territories next to each other, so that arrows between
 * panels stay short. Up to 7 bands are searched exhaustively (5040
 * orders); beyond that the order of first appearance stays. The band of
 * groups without a territory stays last. */
static void
order_bands (CaOrgLayout *layout)
{
  guint n = layout->bands->len;
  guint n_named = n > 0 && g_array_index (layout->bands, CaOrgBand, n - 1).territory == NULL
                  ? n - 1 : n;
  g_autofree guint *perm = g_new (guint, MAX (n, 1));
  g_autofree guint *best = g_new (guint, MAX (n, 1));
  g_autofree guint *pos = g_new (guint, MAX (n, 1));
  g_autoptr (GArray) sorted = NULL;
  guint best_cost = G_MAXUINT;

  if (n_named < 2 || n_named > 7)
    return;
  /* The unnamed band, if any, is not permuted: it keeps the last place. */
  for (guint i = 0; i < n; i++)
    perm[i] = best[i] = pos[i] = i;
  permute_bands (layout, perm, 0, n_named, pos, best, &best_cost);
  for (guint i = 0; i < n; i++)
    pos[best[i]] = i;
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (CaOrgBand), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (sorted, g_array_index (layout->bands, CaOrgBand, best[i]));
  memcpy (layout->bands->data, sorted->data, n * sizeof (CaOrgBand));
  for (guint v = 0; v < layout->n_boxes; v++)
    layout->boxes[v].band = pos[layout->boxes[v].band];
}

void
ca_org_assign_bands (CaOrgLayout    *layout,
                     CaOrgStructure *s,
                     CaLang          lang)
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
  order_bands (layout);
}

/* Mean position of @v's chain neighbours on the side being swept from; a
 * node without such neighbours keeps its place. */
static double
barycentre (CaOrgLayout    *layout,
            CaOrgStructure *s,
            guint           v,
            gboolean        downstream)
{
  double sum = 0;
  guint count = 0;

  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);
      guint u;

      if (!ca_org_link_is_chain (edge->kind) || (edge->from != v && edge->to != v))
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
sort_group (CaOrgLayout    *layout,
            CaOrgStructure *s,
            guint           band,
            int             col,
            gboolean        downstream)
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
order_columns (CaOrgLayout    *layout,
               CaOrgStructure *s,
               guint           n_layers)
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
assign_chain_rows (CaOrgLayout    *layout,
                   CaOrgStructure *s,
                   guint           n_layers)
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

                    if (edge->to == v && ca_org_link_is_chain (edge->kind) &&
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
assign_support (CaOrgLayout    *layout,
                CaOrgStructure *s)
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

void
ca_org_order_grid (CaOrgLayout    *layout,
                   CaOrgStructure *s,
                   guint           n_layers)
{
  order_columns (layout, s, n_layers);
  assign_chain_rows (layout, s, n_layers);
  assign_support (layout, s);
}
