/* ca-rank-score.c — Stage 1: the rank-score composite and the typology.
 *
 * A unit lacking any indicator takes no part in the composite: ranks,
 * means and ranges are taken over the complete units only, so every
 * composite is a sum over the same set of units and stays comparable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ca-classify.h"
#include "ca-rank-score.h"
#include "ca-sort-private.h"

void
ca_rank_values (const double *values,
                guint         n,
                gboolean      higher_is_better,
                double       *ranks)
{
  g_autofree CaSortItem *order = g_new (CaSortItem, 2 * (gsize) MAX (n, 1));
  guint m = 0;

  g_return_if_fail (n == 0 || (values != NULL && ranks != NULL));

  for (guint i = 0; i < n; i++)
    {
      ranks[i] = NAN;
      /* Negating turns "best first" into plain ascending order. */
      if (!isnan (values[i]))
        order[m++] = (CaSortItem) { higher_is_better ? -values[i] : values[i], i };
    }
  ca_sort_items (order, m, order + n);

  /* A run of equal values at sorted positions a..b−1 shares the average
   * of ranks a+1 … b. */
  for (guint a = 0, b; a < m; a = b)
    {
      double rank;

      for (b = a + 1; b < m && order[b].key == order[a].key; b++)
        ;
      rank = (a + 1 + b) / 2.0;
      for (guint k = a; k < b; k++)
        ranks[order[k].index] = rank;
    }
}

static gboolean
unit_complete (const double *values,
               guint         unit,
               guint         n_indicators)
{
  for (guint i = 0; i < n_indicators; i++)
    if (!isfinite (values[unit * n_indicators + i]))
      return FALSE;
  return TRUE;
}

/* One indicator's column over the complete units, NAN for the others. */
static void
column_of (const double   *values,
           guint           n_units,
           guint           n_indicators,
           guint           indicator,
           const gboolean *complete,
           double         *column)
{
  for (guint u = 0; u < n_units; u++)
    column[u] = complete[u] ? values[u * n_indicators + indicator] : NAN;
}

/* The score a complete unit gets on one indicator; @column has NANs for
 * units outside the comparison. */
static void
score_column (CaCompositeMethod  method,
              const double      *column,
              guint              n_units,
              gboolean           higher_is_better,
              double            *score)
{
  double sum = 0, var = 0, min = INFINITY, max = -INFINITY, mean, sd;
  guint m = 0;

  if (method == CA_COMPOSITE_RANK_SUM)
    {
      ca_rank_values (column, n_units, higher_is_better, score);
      return;
    }

  for (guint u = 0; u < n_units; u++)
    if (!isnan (column[u]))
      {
        sum += column[u];
        min = MIN (min, column[u]);
        max = MAX (max, column[u]);
        m++;
      }
  mean = m > 0 ? sum / m : 0;
  for (guint u = 0; u < n_units; u++)
    if (!isnan (column[u]))
      var += (column[u] - mean) * (column[u] - mean);
  sd = m > 0 ? sqrt (var / m) : 0;

  for (guint u = 0; u < n_units; u++)
    {
      double v = column[u];

      if (isnan (v))
        score[u] = NAN;
      else if (method == CA_COMPOSITE_ZSCORE_SUM)
        score[u] = sd > 0 ? (higher_is_better ? 1 : -1) * (v - mean) / sd : 0;
      else   /* min–max: a cost-type indicator scores (max − v)/(max − min) */
        score[u] = max > min ? (higher_is_better ? v - min : max - v) / (max - min) : 0;
    }
}

void
ca_composite_compute (CaCompositeMethod  method,
                      const double      *values,
                      guint              n_units,
                      guint              n_indicators,
                      const gboolean    *higher_is_better,
                      double            *composite,
                      double            *ranks)
{
  g_autofree gboolean *complete = g_new (gboolean, MAX (n_units, 1));
  g_autofree double *column = g_new (double, MAX (n_units, 1));
  g_autofree double *score = g_new (double, MAX (n_units, 1));

  g_return_if_fail (n_units == 0 || (values != NULL && composite != NULL));
  g_return_if_fail (n_indicators == 0 || higher_is_better != NULL);

  for (guint u = 0; u < n_units; u++)
    {
      complete[u] = unit_complete (values, u, n_indicators);
      composite[u] = complete[u] ? 0 : NAN;
    }

  for (guint i = 0; i < n_indicators; i++)
    {
      column_of (values, n_units, n_indicators, i, complete, column);
      score_column (method, column, n_units, higher_is_better[i], score);
      for (guint u = 0; u < n_units; u++)
        if (complete[u])
          composite[u] += score[u];
      if (ranks == NULL)
        continue;
      /* The ranks output always holds ranks, whatever the composite. */
      if (method != CA_COMPOSITE_RANK_SUM)
        ca_rank_values (column, n_units, higher_is_better[i], score);
      for (guint u = 0; u < n_units; u++)
        ranks[u * n_indicators + i] = score[u];
    }
}

gboolean
ca_composite_lower_is_better (CaCompositeMethod method)
{
  return method == CA_COMPOSITE_RANK_SUM;
}

static const char *const composite_names[] = {
  [CA_COMPOSITE_RANK_SUM] = "rank-sum",
  [CA_COMPOSITE_ZSCORE_SUM] = "zscore-sum",
  [CA_COMPOSITE_MINMAX_SUM] = "minmax-sum",
};

const char *
ca_composite_method_to_string (CaCompositeMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (composite_names), NULL);
  return composite_names[method];
}

gboolean
ca_composite_method_from_string (const char        *str,
                                 CaCompositeMethod *method)
{
  g_return_val_if_fail (method != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (composite_names); i++)
    if (g_ascii_strcasecmp (str, composite_names[i]) == 0)
      {
        *method = (CaCompositeMethod) i;
        return TRUE;
      }
  return FALSE;
}

void
ca_composite_typify (CaCompositeMethod      method,
                     const double          *composite,
                     guint                  n_units,
                     const double           breaks[2],
                     CaFavourability       *types)
{
  gboolean lower = ca_composite_lower_is_better (method);

  g_return_if_fail (n_units == 0 || (composite != NULL && types != NULL));
  g_return_if_fail (breaks != NULL);

  for (guint u = 0; u < n_units; u++)
    {
      double c = composite[u];

      if (isnan (c))
        types[u] = CA_FAVOURABILITY_UNKNOWN;
      else if (lower ? c <= breaks[0] : c >= breaks[0])
        types[u] = CA_FAVOURABILITY_FAVOURABLE;
      else if (lower ? c <= breaks[1] : c >= breaks[1])
        types[u] = CA_FAVOURABILITY_LESS_FAVOURABLE;
      else
        types[u] = CA_FAVOURABILITY_UNFAVOURABLE;
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The smallest of the sorted @x above @value, or @value when none is. */
static double
next_above (const double *x,
            guint         n,
            double        value)
{
  for (guint i = 0; i < n; i++)
    if (x[i] > value)
      return x[i];
  return value;
}

void
ca_composite_default_breaks (CaCompositeMethod  method,
                             const double      *composite,
                             guint              n_units,
                             double             breaks[2])
{
  g_autofree double *x = g_new (double, MAX (n_units, 1));
  double inner[2];
  guint n = 0;

  g_return_if_fail (n_units == 0 || composite != NULL);
  g_return_if_fail (breaks != NULL);

  for (guint u = 0; u < n_units; u++)
    if (isfinite (composite[u]))
      x[n++] = composite[u];
  if (n == 0)
    {
      breaks[0] = breaks[1] = NAN;
      return;
    }
  qsort (x, n, sizeof (double), compare_doubles);

  /* Inner breaks are the largest value of the lower classes; with fewer
   * than three distinct values the missing ones collapse onto the others
   * (no "less favourable" class, or only one class). */
  ca_jenks_breaks (x, n, 3, inner);
  if (isnan (inner[0]))
    inner[0] = x[n - 1];
  if (isnan (inner[1]))
    inner[1] = inner[0];

  if (ca_composite_lower_is_better (method))
    {
      breaks[0] = inner[0];
      breaks[1] = inner[1];
    }
  else
    {
      /* Higher is better: a class begins just above the break below it,
       * so the breaks become the smallest value of the upper classes. */
      breaks[0] = next_above (x, n, inner[1]);
      breaks[1] = next_above (x, n, inner[0]);
    }
}

const char *
ca_favourability_to_string (CaFavourability type)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return "favourable";
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return "less-favourable";
    case CA_FAVOURABILITY_UNFAVOURABLE:
      return "unfavourable";
    case CA_FAVOURABILITY_UNKNOWN:
    default:
      return "unknown";
    }
}
