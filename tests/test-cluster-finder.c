/* test-cluster-finder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ca-cluster-finder.h"
#include "ca-rank-score.h"
#include "test-fixtures.h"

/* Four units, one of each Stage 1 type, and two clusters:
 *   "agro"    (sectoral, industry food)
 *   "oil-gas" (cross-sectoral, industries oil and gas); CCC is a member
 *             with a recorded reason, AAA a member without one. */
static CaDataset *
small_dataset (void)
{
  static const char *const codes[] = { "AAA", "BBB", "CCC", "DDD" };
  CaDataset *dataset = ca_dataset_new ();
  CaIndustry food = { .id = (char *) "food", .name = { .en = (char *) "food",
                                                       .ru = (char *) "Пищевая" } };
  CaIndustry oil = { .id = (char *) "oil", .name = { .en = (char *) "oil production",
                                                     .ru = (char *) "Нефтедобыча" } };
  CaIndustry gas = { .id = (char *) "gas", .name = { .en = (char *) "gas production" } };
  CaCluster *agro = ca_cluster_new ("agro", CA_CLUSTER_SECTORAL);
  CaCluster *oil_gas = ca_cluster_new ("oil-gas", CA_CLUSTER_CROSS_SECTORAL);
  CaText reason = { .en = (char *) "gas deposits next to the centre" };

  for (guint u = 0; u < G_N_ELEMENTS (codes); u++)
    {
      CaUnit unit = { .code = (char *) codes[u] };

      ca_dataset_add_unit (dataset, &unit);
    }
  ca_dataset_add_industry (dataset, &food);
  ca_dataset_add_industry (dataset, &oil);
  ca_dataset_add_industry (dataset, &gas);
  g_ptr_array_add (agro->industries, g_strdup ("food"));
  g_ptr_array_add (oil_gas->industries, g_strdup ("oil"));
  g_ptr_array_add (oil_gas->industries, g_strdup ("gas"));
  ca_dataset_add_cluster (dataset, agro);
  ca_dataset_add_cluster (dataset, oil_gas);
  g_assert_true (ca_dataset_add_cluster_member (dataset, "oil-gas", "CCC", &reason, NULL));
  g_assert_true (ca_dataset_add_cluster_member (dataset, "oil-gas", "AAA", NULL, NULL));
  return dataset;
}

/* LQs by unit; the columns are named by id ("food"), by an English name in
 * other case ("Oil Production") and by nothing the dataset knows ("metal"). */
static CaMatrix *
small_lq (void)
{
  static const char *const columns[] = { "food", "Oil Production", "metal" };
  static const double values[] = {
    2.6, 0.5, 9.0,   /* AAA */
    0.9, 1.3, 9.0,   /* BBB */
    1.2, 0.7, 9.0,   /* CCC */
    3.0, 2.0, 9.0,   /* DDD */
  };
  CaMatrix *lq = ca_matrix_new (4, 3);

  for (guint j = 0; j < 3; j++)
    {
      g_free (lq->industries->pdata[j]);
      lq->industries->pdata[j] = g_strdup (columns[j]);
    }
  memcpy (lq->values, values, sizeof values);
  return lq;
}

static const CaFavourability small_types[] = {
  CA_FAVOURABILITY_FAVOURABLE, CA_FAVOURABILITY_LESS_FAVOURABLE,
  CA_FAVOURABILITY_UNFAVOURABLE, CA_FAVOURABILITY_UNKNOWN,
};

static const CaFinderUnit *
unit_of (const CaFinderProposal *proposal,
         guint                   index)
{
  return &g_array_index (proposal->units, CaFinderUnit, index);
}

static void
test_verdicts (void)
{
  g_autoptr(CaDataset) dataset = small_dataset ();
  g_autoptr(CaMatrix) lq = small_lq ();
  g_autoptr(GPtrArray) proposals = ca_find_clusters (dataset, small_types, lq, 1.0);
  const CaFinderProposal *agro, *oil_gas;
  const CaFinderUnit *u;

  g_assert_cmpuint (proposals->len, ==, 2);
  agro = proposals->pdata[0];
  oil_gas = proposals->pdata[1];
  g_assert_cmpstr (agro->cluster_id, ==, "agro");
  g_assert_cmpstr (oil_gas->cluster_id, ==, "oil-gas");
  g_assert_cmpuint (agro->units->len, ==, 4);

  /* Agro: AAA favourable with food 2.6 is in. */
  u = unit_of (agro, 0);
  g_assert_cmpstr (u->code, ==, "AAA");
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_IN_SPECIALISED);
  g_assert_cmpstr (u->industry, ==, "food");
  g_assert_cmpfloat (u->lq, ==, 2.6);
  g_assert_cmpstr (u->explanation, ==, "Favourable; food LQ 2.6 > 1.0");

  /* BBB's food LQ is 0.9; its 1.3 in oil does not count for agro. */
  u = unit_of (agro, 1);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_NOT_SPECIALISED);
  g_assert_null (u->industry);
  g_assert_true (isnan (u->lq));
  g_assert_cmpstr (u->explanation, ==,
                   "Less favourable, but no LQ above 1.0 in the cluster's industries "
                   "(highest: food LQ 0.9)");

  /* CCC is specialised in food but unfavourable. */
  u = unit_of (agro, 2);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_UNFAVOURABLE);
  g_assert_cmpstr (u->industry, ==, "food");
  g_assert_cmpfloat (u->lq, ==, 1.2);
  g_assert_cmpstr (u->explanation, ==,
                   "Unfavourable (rank-score type), although LQ 1.2 > 1.0 in food");

  /* DDD has no Stage 1 type, whatever its LQs. */
  u = unit_of (agro, 3);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_NO_DATA);

  /* Oil-gas: AAA is a member without a reason and has oil 0.5: out. */
  u = unit_of (oil_gas, 0);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_NOT_SPECIALISED);
  g_assert_cmpstr (u->explanation, ==,
                   "Favourable, but no LQ above 1.0 in the cluster's industries "
                   "(highest: oil production LQ 0.5)");

  /* BBB: the "Oil Production" column matched industry "oil" by name. */
  u = unit_of (oil_gas, 1);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_IN_SPECIALISED);
  g_assert_cmpstr (u->industry, ==, "oil");
  g_assert_cmpstr (u->explanation, ==, "Less favourable; oil production LQ 1.3 > 1.0");

  /* CCC: unfavourable and oil 0.7, but a member for its gas deposits. */
  u = unit_of (oil_gas, 2);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_IN_ADVANTAGE);
  g_assert_cmpstr (u->explanation, ==,
                   "Unfavourable, no LQ above 1.0 in the cluster's industries; included for "
                   "its recorded advantage: gas deposits next to the centre");

  u = unit_of (oil_gas, 3);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_NO_DATA);
  g_assert_cmpstr (u->explanation, ==,
                   "No data: the unit's favourability type is unknown "
                   "(an indicator value is missing)");
}

static void
test_threshold_and_names (void)
{
  g_autoptr(CaDataset) dataset = small_dataset ();
  g_autoptr(CaMatrix) lq = small_lq ();
  g_autoptr(GPtrArray) proposals = NULL;
  const CaFinderUnit *u;

  /* The Russian name matches too, ignoring case. */
  g_free (lq->industries->pdata[1]);
  lq->industries->pdata[1] = g_strdup ("НЕФТЕДОБЫЧА");

  /* At threshold 1.25 BBB's oil 1.3 still counts and needs two decimals
   * to read as more than the threshold; AAA's food 2.6 too. */
  proposals = ca_find_clusters (dataset, small_types, lq, 1.25);
  u = unit_of (proposals->pdata[1], 1);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_IN_SPECIALISED);
  g_assert_cmpstr (u->explanation, ==, "Less favourable; oil production LQ 1.30 > 1.25");

  g_clear_pointer (&proposals, g_ptr_array_unref);
  /* 1.3 > 1.29 must not read "1.3 > 1.3". */
  proposals = ca_find_clusters (dataset, small_types, lq, 1.29);
  u = unit_of (proposals->pdata[1], 1);
  g_assert_cmpstr (u->explanation, ==, "Less favourable; oil production LQ 1.30 > 1.29");

  g_clear_pointer (&proposals, g_ptr_array_unref);
  proposals = ca_find_clusters (dataset, small_types, lq, 2.7);
  u = unit_of (proposals->pdata[0], 0);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_NOT_SPECIALISED);
}

static void
test_without_lq (void)
{
  g_autoptr(CaDataset) dataset = small_dataset ();
  g_autoptr(GPtrArray) proposals = ca_find_clusters (dataset, small_types, NULL, 1.0);
  const CaFinderUnit *u = unit_of (proposals->pdata[0], 0);

  g_assert_cmpint (u->verdict, ==, CA_VERDICT_OUT_NOT_SPECIALISED);
  g_assert_cmpstr (u->explanation, ==,
                   "Favourable, but no LQ above 1.0 in the cluster's industries (none known)");
  /* The advantage does not depend on LQs. */
  u = unit_of (proposals->pdata[1], 2);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_IN_ADVANTAGE);
}

static void
test_unknown_with_advantage (void)
{
  g_autoptr(CaDataset) dataset = small_dataset ();
  g_autoptr(CaMatrix) lq = small_lq ();
  g_autoptr(GPtrArray) proposals = NULL;
  CaText reason = { .en = (char *) "orchards" };
  const CaFinderUnit *u;

  /* A recorded advantage does not depend on Stage 1 data. */
  g_assert_true (ca_dataset_add_cluster_member (dataset, "agro", "DDD", &reason, NULL));
  proposals = ca_find_clusters (dataset, small_types, lq, 1.0);
  u = unit_of (proposals->pdata[0], 3);
  g_assert_cmpint (u->verdict, ==, CA_VERDICT_IN_ADVANTAGE);
  g_assert_cmpstr (u->explanation, ==,
                   "No Stage 1 type; included for its recorded advantage: orchards");
}

/* The paper's metallurgical cluster: Table 1 typed with the Table 2 breaks,
 * Table 3's LQs in the two metallurgy industries, Kargaly a member for its
 * deposits. */
static void
test_paper_metallurgy (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(CaMatrix) lq = ca_matrix_new (13, 2);
  g_autoptr(GPtrArray) proposals = NULL;
  CaIndustry ferrous = { .id = (char *) "ferrous-metallurgy",
                         .name = { .en = (char *) "ferrous metallurgy and metalworking" } };
  CaIndustry non_ferrous = { .id = (char *) "non-ferrous-metallurgy",
                             .name = { .en = (char *) "non-ferrous metallurgy" } };
  CaCluster *cluster = ca_cluster_new ("metallurgy", CA_CLUSTER_SECTORAL);
  CaText reason = { .en = (char *) "iron-ore, nickel and flux-limestone deposits" };
  const gboolean higher[5] = { TRUE, TRUE, TRUE, TRUE, TRUE };
  const double breaks[2] = { 26, 33 };
  double composite[13];
  CaFavourability types[13];
  const CaFinderProposal *proposal;
  guint members = 0;

  ca_composite_compute (CA_COMPOSITE_RANK_SUM, &fixture_table1[0][0], 13, 5, higher,
                        composite, NULL);
  ca_composite_typify (CA_COMPOSITE_RANK_SUM, composite, 13, breaks, types);

  ca_dataset_add_industry (dataset, &ferrous);
  ca_dataset_add_industry (dataset, &non_ferrous);
  g_ptr_array_add (cluster->industries, g_strdup ("ferrous-metallurgy"));
  g_ptr_array_add (cluster->industries, g_strdup ("non-ferrous-metallurgy"));
  ca_dataset_add_cluster (dataset, cluster);
  g_assert_true (ca_dataset_add_cluster_member (dataset, "metallurgy", "KAR", &reason, NULL));

  g_free (lq->industries->pdata[0]);
  lq->industries->pdata[0] = g_strdup ("ferrous-metallurgy");
  g_free (lq->industries->pdata[1]);
  lq->industries->pdata[1] = g_strdup ("non-ferrous-metallurgy");
  ca_matrix_set (lq, 0, 0, 3.6);    /* AKT */
  ca_matrix_set (lq, 10, 1, 4.6);   /* KHR */

  proposals = ca_find_clusters (dataset, types, lq, 1.0);
  proposal = proposals->pdata[0];
  for (guint k = 0; k < 13; k++)
    members += ca_verdict_is_member (unit_of (proposal, k)->verdict);
  g_assert_cmpuint (members, ==, 3);

  g_assert_cmpstr (unit_of (proposal, 0)->explanation, ==,
                   "Favourable; ferrous metallurgy and metalworking LQ 3.6 > 1.0");
  g_assert_cmpstr (unit_of (proposal, 10)->explanation, ==,
                   "Favourable; non-ferrous metallurgy LQ 4.6 > 1.0");
  g_assert_cmpstr (unit_of (proposal, 4)->code, ==, "KAR");
  g_assert_cmpint (unit_of (proposal, 4)->verdict, ==, CA_VERDICT_IN_ADVANTAGE);
  g_assert_cmpstr (unit_of (proposal, 4)->explanation, ==,
                   "Unfavourable, no LQ above 1.0 in the cluster's industries; included for its "
                   "recorded advantage: iron-ore, nickel and flux-limestone deposits");
  /* Mugalzhar is favourable but has no metallurgy LQ in Table 3. */
  g_assert_cmpint (unit_of (proposal, 7)->verdict, ==, CA_VERDICT_OUT_NOT_SPECIALISED);
}

static void
test_verdict_names (void)
{
  g_assert_true (ca_verdict_is_member (CA_VERDICT_IN_SPECIALISED));
  g_assert_true (ca_verdict_is_member (CA_VERDICT_IN_ADVANTAGE));
  g_assert_false (ca_verdict_is_member (CA_VERDICT_OUT_UNFAVOURABLE));
  g_assert_false (ca_verdict_is_member (CA_VERDICT_OUT_NOT_SPECIALISED));
  g_assert_false (ca_verdict_is_member (CA_VERDICT_OUT_NO_DATA));
  g_assert_cmpstr (ca_verdict_to_string (CA_VERDICT_IN_ADVANTAGE), ==, "in-advantage");
  g_assert_cmpstr (ca_verdict_to_string (CA_VERDICT_OUT_NO_DATA), ==, "out-no-data");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cluster-finder/verdicts", test_verdicts);
  g_test_add_func ("/cluster-finder/threshold-and-names", test_threshold_and_names);
  g_test_add_func ("/cluster-finder/without-lq", test_without_lq);
  g_test_add_func ("/cluster-finder/unknown-with-advantage", test_unknown_with_advantage);
  g_test_add_func ("/cluster-finder/paper-metallurgy", test_paper_metallurgy);
  g_test_add_func ("/cluster-finder/verdict-names", test_verdict_names);
  return g_test_run ();
}
