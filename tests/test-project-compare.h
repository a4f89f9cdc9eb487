/* test-project-compare.h — asserts that two datasets hold the same data,
 * walking every part of the CaDataset API (used by the round-trip tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include "ca-classify.h"
#include "ca-dataset.h"

/* Equal as doubles, with NAN equal to NAN ("no data" on both sides). */
static inline void
assert_same_number (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

static inline void
assert_same_text (const CaText *a,
                  const CaText *b)
{
  g_assert_cmpstr (a->ru, ==, b->ru);
  g_assert_cmpstr (a->kk, ==, b->kk);
  g_assert_cmpstr (a->en, ==, b->en);
}

static inline void
assert_same_matrix (const CaMatrix *a,
                    const CaMatrix *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == NULL && b == NULL);
      return;
    }
  g_assert_cmpuint (a->n_units, ==, b->n_units);
  g_assert_cmpuint (a->industries->len, ==, b->industries->len);
  for (guint j = 0; j < a->industries->len; j++)
    g_assert_cmpstr (g_ptr_array_index (a->industries, j), ==,
                     g_ptr_array_index (b->industries, j));
  for (guint u = 0; u < a->n_units; u++)
    for (guint j = 0; j < a->industries->len; j++)
      assert_same_number (ca_matrix_get (a, u, j), ca_matrix_get (b, u, j));
}

static inline void
assert_same_units_and_values (CaDataset *a,
                              CaDataset *b)
{
  g_assert_cmpuint (ca_dataset_get_n_units (a), ==, ca_dataset_get_n_units (b));
  for (guint u = 0; u < ca_dataset_get_n_units (a); u++)
    {
      const CaUnit *x = ca_dataset_get_unit (a, u);
      const CaUnit *y = ca_dataset_get_unit (b, u);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (x->gb_name, ==, y->gb_name);
      assert_same_text (&x->name, &y->name);
      assert_same_text (&x->centre, &y->centre);
    }
  g_assert_cmpuint (ca_dataset_get_n_indicators (a), ==, ca_dataset_get_n_indicators (b));
  for (guint i = 0; i < ca_dataset_get_n_indicators (a); i++)
    {
      const CaIndicator *x = ca_dataset_get_indicator (a, i);
      const CaIndicator *y = ca_dataset_get_indicator (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->year, ==, y->year);
      g_assert_cmpint (x->higher_is_better, ==, y->higher_is_better);
      assert_same_text (&x->name, &y->name);
      assert_same_text (&x->unit, &y->unit);
      g_assert_cmpint (x->classes.method, ==, y->classes.method);
      g_assert_cmpuint (x->classes.n_classes, ==, y->classes.n_classes);
      if (x->classes.method == CA_CLASSIFY_MANUAL)
        for (guint k = 0; k + 1 < x->classes.n_classes; k++)
          g_assert_cmpfloat (x->classes.breaks[k], ==, y->classes.breaks[k]);
      assert_same_number (ca_dataset_get_region_value (a, i), ca_dataset_get_region_value (b, i));
      for (guint u = 0; u < ca_dataset_get_n_units (a); u++)
        assert_same_number (ca_dataset_get_value (a, u, i), ca_dataset_get_value (b, u, i));
    }
}

static inline void
assert_same_settings (CaDataset *a,
                      CaDataset *b)
{
  g_assert_cmpuint (ca_dataset_get_n_industries (a), ==, ca_dataset_get_n_industries (b));
  for (guint j = 0; j < ca_dataset_get_n_industries (a); j++)
    {
      g_assert_cmpstr (ca_dataset_get_industry (a, j)->id, ==, ca_dataset_get_industry (b, j)->id);
      assert_same_text (&ca_dataset_get_industry (a, j)->name,
                        &ca_dataset_get_industry (b, j)->name);
    }
  assert_same_matrix (ca_dataset_get_published_lq (a), ca_dataset_get_published_lq (b));
  assert_same_matrix (ca_dataset_get_industry_matrix (a), ca_dataset_get_industry_matrix (b));
  g_assert_cmpfloat (ca_dataset_get_lq_threshold (a), ==, ca_dataset_get_lq_threshold (b));
  g_assert_cmpint (ca_dataset_get_composite_method (a), ==, ca_dataset_get_composite_method (b));
  for (int m = CA_COMPOSITE_RANK_SUM; m <= CA_COMPOSITE_MINMAX_SUM; m++)
    {
      const double *x = ca_dataset_get_composite_breaks (a, (CaCompositeMethod) m);
      const double *y = ca_dataset_get_composite_breaks (b, (CaCompositeMethod) m);

      g_assert_true ((x == NULL) == (y == NULL));
      if (x != NULL)
        {
          g_assert_cmpfloat (x[0], ==, y[0]);
          g_assert_cmpfloat (x[1], ==, y[1]);
        }
    }
  for (int t = 0; t < CA_N_FAVOURABILITY; t++)
    {
      double high_a, low_a, high_b, low_b;

      ca_dataset_get_reference_range (a, (CaFavourability) t, &high_a, &low_a);
      ca_dataset_get_reference_range (b, (CaFavourability) t, &high_b, &low_b);
      assert_same_number (high_a, high_b);
      assert_same_number (low_a, low_b);
    }
  g_assert_cmpstr (ca_dataset_get_boundary_path (a), ==, ca_dataset_get_boundary_path (b));
  g_assert_cmpstr (ca_dataset_get_join_field (a), ==, ca_dataset_get_join_field (b));
  g_assert_cmpstr (ca_dataset_get_map_crs (a), ==, ca_dataset_get_map_crs (b));
}

static inline void
assert_same_cluster (const CaCluster *x,
                     const CaCluster *y)
{
  g_assert_cmpstr (x->id, ==, y->id);
  g_assert_cmpint (x->type, ==, y->type);
  assert_same_text (&x->name, &y->name);
  g_assert_cmpuint (x->centres->len, ==, y->centres->len);
  for (guint i = 0; i < x->centres->len; i++)
    assert_same_text (g_ptr_array_index (x->centres, i), g_ptr_array_index (y->centres, i));
  g_assert_cmpuint (x->industries->len, ==, y->industries->len);
  for (guint i = 0; i < x->industries->len; i++)
    g_assert_cmpstr (g_ptr_array_index (x->industries, i), ==,
                     g_ptr_array_index (y->industries, i));
  g_assert_cmpuint (x->members->len, ==, y->members->len);
  for (guint i = 0; i < x->members->len; i++)
    {
      const CaClusterMember *p = &g_array_index (x->members, CaClusterMember, i);
      const CaClusterMember *q = &g_array_index (y->members, CaClusterMember, i);

      g_assert_cmpstr (p->code, ==, q->code);
      assert_same_text (&p->reason, &q->reason);
    }
}

static inline void
assert_same_graph (const CaOrgGraph *a,
                   const CaOrgGraph *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == NULL && b == NULL);
      return;
    }
  g_assert_cmpstr (a->cluster_id, ==, b->cluster_id);
  assert_same_text (&a->title, &b->title);
  g_assert_cmpuint (a->nodes->len, ==, b->nodes->len);
  for (guint i = 0; i < a->nodes->len; i++)
    {
      const CaOrgNode *x = &g_array_index (a->nodes, CaOrgNode, i);
      const CaOrgNode *y = &g_array_index (b->nodes, CaOrgNode, i);

      g_assert_cmpstr (x->id, ==, y->id);
      assert_same_text (&x->label, &y->label);
      g_assert_cmpint (x->count, ==, y->count);
      g_assert_cmpstr (x->territory, ==, y->territory);
      g_assert_cmpint (x->missing, ==, y->missing);
    }
  g_assert_cmpuint (a->links->len, ==, b->links->len);
  for (guint i = 0; i < a->links->len; i++)
    {
      const CaOrgLink *x = &g_array_index (a->links, CaOrgLink, i);
      const CaOrgLink *y = &g_array_index (b->links, CaOrgLink, i);

      g_assert_cmpstr (x->from, ==, y->from);
      g_assert_cmpstr (x->to, ==, y->to);
      g_assert_cmpint (x->kind, ==, y->kind);
    }
}

static inline void
assert_datasets_equal (CaDataset *a,
                       CaDataset *b)
{
  assert_same_text (ca_dataset_get_title (a), ca_dataset_get_title (b));
  assert_same_text (ca_dataset_get_source (a), ca_dataset_get_source (b));
  assert_same_units_and_values (a, b);
  assert_same_settings (a, b);
  g_assert_cmpuint (ca_dataset_get_n_clusters (a), ==, ca_dataset_get_n_clusters (b));
  for (guint c = 0; c < ca_dataset_get_n_clusters (a); c++)
    assert_same_cluster (ca_dataset_get_cluster (a, c), ca_dataset_get_cluster (b, c));
  assert_same_graph (ca_dataset_get_org_graph (a), ca_dataset_get_org_graph (b));
}
