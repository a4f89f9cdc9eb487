/* test-analysis.c — the stages wired together, against the paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ca-analysis.h"
#include "test-fixtures.h"

static CaDataset *
table1_with_breaks (void)
{
  CaDataset *dataset = fixture_table1_dataset ();
  const double breaks[2] = { 26, 33 };

  ca_dataset_set_composite_breaks (dataset, CA_COMPOSITE_RANK_SUM, breaks);
  return dataset;
}

static void
test_table2 (void)
{
  g_autoptr(CaDataset) dataset = table1_with_breaks ();
  g_autoptr(CaAnalysis) analysis = ca_analysis_new (dataset);
  const CaFavourability *types = ca_analysis_get_types (analysis);
  const double *composite = ca_analysis_get_composite (analysis);
  /* Hand-computed rank sums (1 = best, ties averaged) over Table 1. */
  static const double expected_sum[13] = { 7, 28, 52.5, 37, 44, 40.5, 27.5, 15, 53, 31, 24, 35.5, 60 };
  static const CaFavourability expected_type[13] = {
    CA_FAVOURABILITY_FAVOURABLE,      /* AKT */
    CA_FAVOURABILITY_LESS_FAVOURABLE, /* ALG */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* AIT */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* BAY */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* KAR */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* KHO */
    CA_FAVOURABILITY_LESS_FAVOURABLE, /* MAR */
    CA_FAVOURABILITY_FAVOURABLE,      /* MUG */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* UIL */
    CA_FAVOURABILITY_LESS_FAVOURABLE, /* TEM */
    CA_FAVOURABILITY_FAVOURABLE,      /* KHR */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* SHA */
    CA_FAVOURABILITY_UNFAVOURABLE,    /* IRG */
  };

  for (guint u = 0; u < 13; u++)
    {
      g_assert_cmpfloat_with_epsilon (composite[u], expected_sum[u], 1e-9);
      g_assert_cmpint (types[u], ==, expected_type[u]);
    }
}

static void
test_lazy_reruns (void)
{
  g_autoptr(CaDataset) dataset = table1_with_breaks ();
  g_autoptr(CaAnalysis) analysis = ca_analysis_new (dataset);
  guint s1, s2, s3;
  CaClassSpec spec = { CA_CLASSIFY_QUANTILE, 3, { 0 } };

  ca_analysis_get_proposals (analysis);
  ca_analysis_get_run_counts (analysis, &s1, &s2, &s3);
  g_assert_cmpuint (s1, ==, 1);
  g_assert_cmpuint (s2, ==, 1);
  g_assert_cmpuint (s3, ==, 1);

  /* Reading again runs nothing. */
  ca_analysis_get_types (analysis);
  ca_analysis_get_proposals (analysis);
  ca_analysis_get_run_counts (analysis, &s1, &s2, &s3);
  g_assert_cmpuint (s1 + s2 + s3, ==, 3);

  /* A value edit re-runs Stage 1 and 3, not Stage 2. */
  ca_dataset_set_value (dataset, 0, 0, 1.0, NULL);
  ca_analysis_get_proposals (analysis);
  ca_analysis_get_run_counts (analysis, &s1, &s2, &s3);
  g_assert_cmpuint (s1, ==, 2);
  g_assert_cmpuint (s2, ==, 1);
  g_assert_cmpuint (s3, ==, 2);

  /* A threshold change re-runs Stage 2 and 3 only. */
  ca_dataset_set_lq_threshold (dataset, 1.5, NULL);
  ca_analysis_get_proposals (analysis);
  ca_analysis_get_run_counts (analysis, &s1, &s2, &s3);
  g_assert_cmpuint (s1, ==, 2);
  g_assert_cmpuint (s2, ==, 2);
  g_assert_cmpuint (s3, ==, 3);

  /* A figure's classification is a setting no stage depends on. */
  ca_dataset_set_class_spec (dataset, 1, &spec, NULL);
  ca_analysis_get_proposals (analysis);
  ca_analysis_get_run_counts (analysis, &s1, &s2, &s3);
  g_assert_cmpuint (s1, ==, 2);
  g_assert_cmpuint (s2, ==, 2);
  g_assert_cmpuint (s3, ==, 3);
}

static void
test_edit_changes_type (void)
{
  g_autoptr(CaDataset) dataset = table1_with_breaks ();
  g_autoptr(CaAnalysis) analysis = ca_analysis_new (dataset);

  g_assert_cmpint (ca_analysis_get_types (analysis)[12], ==, CA_FAVOURABILITY_UNFAVOURABLE);
  /* Give Irgiz the best value on every indicator: rank sum 5 + ties … it
   * must become favourable. */
  for (guint i = 0; i < 5; i++)
    ca_dataset_set_value (dataset, 12, i, 10000, NULL);
  g_assert_cmpfloat (ca_analysis_get_composite (analysis)[12], ==, 5);
  g_assert_cmpint (ca_analysis_get_types (analysis)[12], ==, CA_FAVOURABILITY_FAVOURABLE);
}

static void
test_matrix_lq (void)
{
  g_autoptr(CaDataset) dataset = ca_dataset_new ();
  g_autoptr(CaAnalysis) analysis = NULL;
  CaMatrix *output = ca_matrix_new (2, 2);
  CaIndustry food = { .id = (char *) "food", .name = { .en = (char *) "Food" } };
  const CaMatrix *lq;
  gboolean computed = FALSE;
  GArray *spec;

  for (guint u = 0; u < 2; u++)
    {
      CaUnit unit = { .code = (char *) (u == 0 ? "A" : "B") };
      ca_dataset_add_unit (dataset, &unit);
    }
  ca_dataset_add_industry (dataset, &food);
  /* A: food 30, metal 10; B: food 10, metal 50. Total 100, food 40.
   * LQ(A, food) = (30/40) / (40/100) = 1.875; LQ(A, metal) = (10/40)/(60/100) = 0.41667
   * LQ(B, food) = (10/60) / 0.4 = 0.41667;   LQ(B, metal) = (50/60)/0.6 = 1.38889 */
  g_free (output->industries->pdata[0]);
  output->industries->pdata[0] = g_strdup ("FOOD");
  g_free (output->industries->pdata[1]);
  output->industries->pdata[1] = g_strdup ("metal products");
  ca_matrix_set (output, 0, 0, 30);
  ca_matrix_set (output, 0, 1, 10);
  ca_matrix_set (output, 1, 0, 10);
  ca_matrix_set (output, 1, 1, 50);
  ca_dataset_set_industry_matrix (dataset, output);

  analysis = ca_analysis_new (dataset);
  lq = ca_analysis_get_lq (analysis, &computed);
  g_assert_true (computed);
  g_assert_cmpfloat_with_epsilon (ca_matrix_get (lq, 0, 0), 1.875, 1e-9);
  g_assert_cmpfloat_with_epsilon (ca_matrix_get (lq, 1, 1), 50.0 / 60 / 0.6, 1e-9);
  /* "FOOD" matches the industry "food" by id, ignoring case; the other
   * column keeps the CSV's own name. */
  g_assert_cmpstr (ca_analysis_get_lq_industry_id (analysis, 0), ==, "food");
  g_assert_cmpstr (ca_analysis_get_lq_industry_name (analysis, 0, CA_LANG_EN), ==, "Food");
  g_assert_null (ca_analysis_get_lq_industry_id (analysis, 1));
  g_assert_cmpstr (ca_analysis_get_lq_industry_name (analysis, 1, CA_LANG_EN), ==, "metal products");

  spec = ca_analysis_get_specialisations (analysis, 1);
  g_assert_cmpuint (spec->len, ==, 1);
  g_assert_cmpuint (g_array_index (spec, CaSpecialisation, 0).industry, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/table2", test_table2);
  g_test_add_func ("/analysis/lazy-reruns", test_lazy_reruns);
  g_test_add_func ("/analysis/edit-changes-type", test_edit_changes_type);
  g_test_add_func ("/analysis/matrix-lq", test_matrix_lq);
  return g_test_run ();
}
