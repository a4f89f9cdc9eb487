/* ca-location-quotient.c — Stage 2: location quotients (Dmitrevsky 1991)
 * and the specialisations they reveal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ca-location-quotient.h"
#include "ca-sort-private.h"

G_DEFINE_QUARK (ca-lq-error-quark, ca_lq_error)

/* Refuses output no share can be taken of; NAN ("no data") passes and
 * counts as none. Sums rows, columns and the whole on the way. */
static gboolean
sum_output (const CaMatrix  *output,
            double          *unit_total,
            double          *industry_total,
            double          *total,
            GError         **error)
{
  guint n_ind = output->industries->len;

  for (guint u = 0; u < output->n_units; u++)
    {
      const double *row = output->values + (gsize) u * n_ind;

      for (guint j = 0; j < n_ind; j++)
        {
          double v = row[j];

          if (isnan (v))
            continue;
          if (isinf (v) || v < 0)
            {
              const char *industry = g_ptr_array_index (output->industries, j);

              if (isinf (v))
                g_set_error (error, CA_LQ_ERROR, CA_LQ_ERROR_NOT_FINITE,
                             _("Industry matrix: unit row %u, industry “%s”: "
                               "output is not a finite number"),
                             u + 1, industry);
              else
                g_set_error (error, CA_LQ_ERROR, CA_LQ_ERROR_NEGATIVE,
                             _("Industry matrix: unit row %u, industry “%s”: "
                               "output %g is negative"),
                             u + 1, industry, v);
              return FALSE;
            }
          unit_total[u] += v;
          industry_total[j] += v;
        }
    }
  for (guint j = 0; j < n_ind; j++)
    *total += industry_total[j];
  return TRUE;
}

CaMatrix *
ca_location_quotients (const CaMatrix  *output,
                       GError         **error)
{
  g_autoptr(CaMatrix) lq = NULL;
  g_autofree double *unit_total = NULL;
  g_autofree double *industry_total = NULL;
  double total = 0;
  guint n_ind;

  g_return_val_if_fail (output != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_ind = output->industries->len;
  unit_total = g_new0 (double, MAX (output->n_units, 1));
  industry_total = g_new0 (double, MAX (n_ind, 1));
  if (!sum_output (output, unit_total, industry_total, &total, error))
    return NULL;
  if (n_ind == 0 || !(total > 0))
    {
      g_set_error_literal (error, CA_LQ_ERROR, CA_LQ_ERROR_EMPTY,
                           _("Industry matrix: there is no output in any unit or industry"));
      return NULL;
    }

  /* LQ = (e_ij / e_i) / (E_j / E) = e_ij / e_i · (E / E_j). An industry
   * absent from the whole region has no regional share to compare with. */
  for (guint j = 0; j < n_ind; j++)
    industry_total[j] = industry_total[j] > 0 ? total / industry_total[j] : NAN;

  /* Not ca_matrix_new (): it fills every cell with NAN first, and every
   * cell is written below anyway. */
  lq = g_new0 (CaMatrix, 1);
  lq->industries = g_ptr_array_new_full (n_ind, g_free);
  for (guint j = 0; j < n_ind; j++)
    g_ptr_array_add (lq->industries, g_strdup (g_ptr_array_index (output->industries, j)));
  lq->n_units = output->n_units;
  lq->values = g_new (double, (gsize) MAX (1, output->n_units * n_ind));
  for (guint u = 0; u < output->n_units; u++)
    {
      const double *in = output->values + (gsize) u * n_ind;
      double *row = lq->values + (gsize) u * n_ind;
      /* A unit with no output has no shares: its row is NAN. */
      double scale = unit_total[u] > 0 ? 1 / unit_total[u] : NAN;

      for (guint j = 0; j < n_ind; j++)
        row[j] = in[j] * scale * industry_total[j];
    }
  return g_steal_pointer (&lq);
}

GArray *
ca_specialisations (const CaMatrix *lq,
                    guint           unit,
                    double          threshold)
{
  CaSortItem stack_items[128], stack_scratch[128];
  g_autofree CaSortItem *heap = NULL;
  CaSortItem *items = stack_items, *scratch = stack_scratch;
  const double *row;
  GArray *result;
  guint n_ind, n = 0;

  g_return_val_if_fail (lq != NULL, NULL);
  g_return_val_if_fail (unit < lq->n_units, NULL);

  n_ind = lq->industries->len;
  row = lq->values + (gsize) unit * n_ind;
  if (n_ind > G_N_ELEMENTS (stack_items))
    {
      heap = g_new (CaSortItem, 2 * (gsize) n_ind);
      items = heap;
      scratch = heap + n_ind;
    }
  /* Highest first, equal quotients in column order. NAN compares false:
   * "no data" is never a specialisation. Every column is written and only
   * the count is conditional: no branch to mispredict on random LQs. */
  for (guint j = 0; j < n_ind; j++)
    {
      items[n] = (CaSortItem) { -row[j], j };
      n += row[j] > threshold;
    }
  ca_sort_items (items, n, scratch);

  result = g_array_sized_new (FALSE, FALSE, sizeof (CaSpecialisation), n);
  g_array_set_size (result, n);
  for (guint k = 0; k < n; k++)
    g_array_index (result, CaSpecialisation, k) =
      (CaSpecialisation) { items[k].index, -items[k].key };
  return result;
}
