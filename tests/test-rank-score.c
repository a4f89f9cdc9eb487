/* test-rank-score.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ca-rank-score.h"
#include "test-fixtures.h"

static void
test_rank_values (void)
{
  const double values[] = { 3.3, 1, 3.3, 3.3, 5 };
  const double with_nan[] = { 2, NAN, 1 };
  double ranks[5];

  /* 5 is best; the three 3.3 share ranks 2, 3, 4 → 3; 1 is last. */
  ca_rank_values (values, 5, TRUE, ranks);
  g_assert_cmpfloat (ranks[0], ==, 3);
  g_assert_cmpfloat (ranks[1], ==, 5);
  g_assert_cmpfloat (ranks[2], ==, 3);
  g_assert_cmpfloat (ranks[3], ==, 3);
  g_assert_cmpfloat (ranks[4], ==, 1);

  ca_rank_values (values, 5, FALSE, ranks);
  g_assert_cmpfloat (ranks[0], ==, 3);
  g_assert_cmpfloat (ranks[1], ==, 1);
  g_assert_cmpfloat (ranks[4], ==, 5);

  /* NAN takes no rank from the others. */
  ca_rank_values (with_nan, 3, TRUE, ranks);
  g_assert_cmpfloat (ranks[0], ==, 1);
  g_assert_true (isnan (ranks[1]));
  g_assert_cmpfloat (ranks[2], ==, 2);
}

static void
test_rank_values_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  double values[1000], ranks[1000];

  /* Long enough for the merge passes of the sort; few distinct values,
   * so long runs of ties. */
  for (guint i = 0; i < 1000; i++)
    values[i] = i % 97 == 0 ? NAN : g_rand_int_range (rand, 0, 50) / 10.0;
  for (int higher = 0; higher <= 1; higher++)
    {
      ca_rank_values (values, 1000, higher, ranks);
      for (guint i = 0; i < 1000; i++)
        {
          guint better = 0, equal = 0;

          if (isnan (values[i]))
            {
              g_assert_true (isnan (ranks[i]));
              continue;
            }
          for (guint k = 0; k < 1000; k++)
            if (!isnan (values[k]))
              {
                better += higher ? values[k] > values[i] : values[k] < values[i];
                equal += values[k] == values[i];
              }
          /* Ranks better + 1 … better + equal, averaged. */
          g_assert_cmpfloat (ranks[i], ==, better + (equal + 1) / 2.0);
        }
    }
}

/* Table 1 ranked on each column (1 = best, higher is better everywhere)
 * and summed, in the order of fixture_codes. */
static const double table1_rank_sums[13] = {
  7, 28, 52.5, 37, 44, 40.5, 27.5, 15, 53, 31, 24, 35.5, 60,
};

static void
table1_composite (CaCompositeMethod method,
                  double           *composite,
                  double           *ranks)
{
  const gboolean higher[5] = { TRUE, TRUE, TRUE, TRUE, TRUE };

  ca_composite_compute (method, &fixture_table1[0][0], 13, 5, higher, composite, ranks);
}

static void
assert_types (const CaFavourability *types,
              const char            *favourable,
              const char            *less_favourable)
{
  for (guint u = 0; u < 13; u++)
    {
      CaFavourability expected = CA_FAVOURABILITY_UNFAVOURABLE;

      if (strstr (favourable, fixture_codes[u]) != NULL)
        expected = CA_FAVOURABILITY_FAVOURABLE;
      else if (strstr (less_favourable, fixture_codes[u]) != NULL)
        expected = CA_FAVOURABILITY_LESS_FAVOURABLE;
      if (types[u] != expected)
        g_error ("%s: expected %s, got %s", fixture_codes[u],
                 ca_favourability_to_string (expected), ca_favourability_to_string (types[u]));
    }
}

static void
test_table1_rank_sum (void)
{
  const double paper_breaks[2] = { 26, 33 };
  double composite[13], ranks[13 * 5];
  CaFavourability types[13];

  table1_composite (CA_COMPOSITE_RANK_SUM, composite, ranks);
  for (guint u = 0; u < 13; u++)
    g_assert_cmpfloat (composite[u], ==, table1_rank_sums[u]);

  /* Ties share the average rank: after AKT 218, ALG 6.3 and MAR 5.1,
   * KAR, TEM and KHR all have density 3.3 and take ranks 4, 5, 6 → 5 each. */
  g_assert_cmpfloat (ranks[4 * 5 + 0], ==, 5);
  g_assert_cmpfloat (ranks[9 * 5 + 0], ==, 5);
  g_assert_cmpfloat (ranks[10 * 5 + 0], ==, 5);
  g_assert_cmpfloat (ranks[0 * 5 + 0], ==, 1);

  /* Table 2 of the paper. */
  ca_composite_typify (CA_COMPOSITE_RANK_SUM, composite, 13, paper_breaks, types);
  assert_types (types, "AKT MUG KHR", "ALG MAR TEM");
}

static void
test_table1_default_breaks (void)
{
  double composite[13], breaks[2];
  CaFavourability types[13];

  /* Natural breaks of the rank sums 7 15 | 24 27.5 28 31 35.5 37 40.5 |
   * 44 52.5 53 60 (within-class SSQ 371.4, the minimum over all 66 splits):
   * not the paper's 3 / 3 / 7 but AKT, MUG favourable; KHR … KHO less
   * favourable; KAR, AIT, UIL, IRG unfavourable. */
  table1_composite (CA_COMPOSITE_RANK_SUM, composite, NULL);
  ca_composite_default_breaks (CA_COMPOSITE_RANK_SUM, composite, 13, breaks);
  g_assert_cmpfloat (breaks[0], ==, 15);
  g_assert_cmpfloat (breaks[1], ==, 40.5);
  ca_composite_typify (CA_COMPOSITE_RANK_SUM, composite, 13, breaks, types);
  assert_types (types, "AKT MUG", "KHR MAR ALG TEM SHA BAY KHO");
}

/* A 3 × 2 table: indicator 0 higher is better, indicator 1 lower is better.
 *   unit 0: 1, 10
 *   unit 1: 2, 20
 *   unit 2: 3, 60 */
static const double small[6] = { 1, 10, 2, 20, 3, 60 };
static const gboolean small_higher[2] = { TRUE, FALSE };

static void
test_zscore_sum (void)
{
  double composite[3], ranks[6];
  /* Column 0: mean 2, population sd √(2/3); z = −√1.5, 0, √1.5.
   * Column 1: mean 30, sd √(1400/3) = 21.602; z = −20/sd, −10/sd, 30/sd,
   * flipped because lower is better: 0.9258, 0.4629, −1.3887. */
  double sd1 = sqrt (1400.0 / 3);

  ca_composite_compute (CA_COMPOSITE_ZSCORE_SUM, small, 3, 2, small_higher, composite, ranks);
  g_assert_cmpfloat_with_epsilon (composite[0], -sqrt (1.5) + 20 / sd1, 1e-12);  /* −0.298925 */
  g_assert_cmpfloat_with_epsilon (composite[1], 10 / sd1, 1e-12);                /*  0.462910 */
  g_assert_cmpfloat_with_epsilon (composite[2], sqrt (1.5) - 30 / sd1, 1e-12);   /* −0.163985 */
  g_assert_cmpfloat_with_epsilon (composite[0], -0.298925, 1e-6);
  g_assert_false (ca_composite_lower_is_better (CA_COMPOSITE_ZSCORE_SUM));

  /* The ranks output holds ranks whatever the composite. */
  g_assert_cmpfloat (ranks[0], ==, 3);
  g_assert_cmpfloat (ranks[1], ==, 1);
  g_assert_cmpfloat (ranks[4], ==, 1);
  g_assert_cmpfloat (ranks[5], ==, 3);
}

static void
test_minmax_sum (void)
{
  double composite[3];

  /* Column 0: (v − 1)/2 = 0, 0.5, 1. Column 1, lower is better:
   * (60 − v)/50 = 1, 0.8, 0. Sums 1, 1.3, 1. */
  ca_composite_compute (CA_COMPOSITE_MINMAX_SUM, small, 3, 2, small_higher, composite, NULL);
  g_assert_cmpfloat_with_epsilon (composite[0], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (composite[1], 1.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (composite[2], 1.0, 1e-12);
}

static void
test_missing_and_constant (void)
{
  /* Unit 1 lacks indicator 1; indicator 0 is constant. */
  const double values[] = { 5, 1, 5, NAN, 5, 3 };
  const gboolean higher[] = { TRUE, TRUE };
  double composite[3], ranks[6];

  ca_composite_compute (CA_COMPOSITE_ZSCORE_SUM, values, 3, 2, higher, composite, ranks);
  /* Constant column contributes 0; column 1 over units 0 and 2 only:
   * mean 2, sd 1, z = −1, 1. */
  g_assert_cmpfloat_with_epsilon (composite[0], -1, 1e-12);
  g_assert_true (isnan (composite[1]));
  g_assert_cmpfloat_with_epsilon (composite[2], 1, 1e-12);
  g_assert_true (isnan (ranks[2]) && isnan (ranks[3]));

  ca_composite_compute (CA_COMPOSITE_RANK_SUM, values, 3, 2, higher, composite, ranks);
  g_assert_cmpfloat (composite[0], ==, 1.5 + 2);
  g_assert_true (isnan (composite[1]));
  g_assert_cmpfloat (composite[2], ==, 1.5 + 1);
}

static void
test_typify_higher (void)
{
  const double composite[] = { 10, 9, 5, 4, 0, -1, NAN };
  const double manual[2] = { 2, 0 };
  double breaks[2];
  CaFavourability types[7];

  /* Natural breaks {−1, 0} {4, 5} {9, 10}: the breaks become the smallest
   * value of the two upper classes, best first. */
  ca_composite_default_breaks (CA_COMPOSITE_ZSCORE_SUM, composite, 7, breaks);
  g_assert_cmpfloat (breaks[0], ==, 9);
  g_assert_cmpfloat (breaks[1], ==, 4);
  ca_composite_typify (CA_COMPOSITE_ZSCORE_SUM, composite, 7, breaks, types);
  g_assert_cmpint (types[0], ==, CA_FAVOURABILITY_FAVOURABLE);
  g_assert_cmpint (types[1], ==, CA_FAVOURABILITY_FAVOURABLE);
  g_assert_cmpint (types[2], ==, CA_FAVOURABILITY_LESS_FAVOURABLE);
  g_assert_cmpint (types[3], ==, CA_FAVOURABILITY_LESS_FAVOURABLE);
  g_assert_cmpint (types[4], ==, CA_FAVOURABILITY_UNFAVOURABLE);
  g_assert_cmpint (types[5], ==, CA_FAVOURABILITY_UNFAVOURABLE);
  g_assert_cmpint (types[6], ==, CA_FAVOURABILITY_UNKNOWN);

  /* Manual breaks, inclusive: c >= 2 favourable, c >= 0 less favourable. */
  ca_composite_typify (CA_COMPOSITE_MINMAX_SUM, composite, 7, manual, types);
  g_assert_cmpint (types[3], ==, CA_FAVOURABILITY_FAVOURABLE);
  g_assert_cmpint (types[4], ==, CA_FAVOURABILITY_LESS_FAVOURABLE);
  g_assert_cmpint (types[5], ==, CA_FAVOURABILITY_UNFAVOURABLE);
}

static void
test_default_breaks_degenerate (void)
{
  const double two[] = { 1, 1, 3, NAN };
  const double none[] = { NAN, NAN };
  double breaks[2];
  CaFavourability types[4];

  /* Two distinct sums: favourable and unfavourable, nothing between. */
  ca_composite_default_breaks (CA_COMPOSITE_RANK_SUM, two, 4, breaks);
  g_assert_cmpfloat (breaks[0], ==, 1);
  g_assert_cmpfloat (breaks[1], ==, 1);
  ca_composite_typify (CA_COMPOSITE_RANK_SUM, two, 4, breaks, types);
  g_assert_cmpint (types[0], ==, CA_FAVOURABILITY_FAVOURABLE);
  g_assert_cmpint (types[2], ==, CA_FAVOURABILITY_UNFAVOURABLE);
  g_assert_cmpint (types[3], ==, CA_FAVOURABILITY_UNKNOWN);

  ca_composite_default_breaks (CA_COMPOSITE_ZSCORE_SUM, none, 2, breaks);
  g_assert_true (isnan (breaks[0]) && isnan (breaks[1]));
}

static void
test_names (void)
{
  CaCompositeMethod method;

  g_assert_cmpstr (ca_composite_method_to_string (CA_COMPOSITE_RANK_SUM), ==, "rank-sum");
  g_assert_true (ca_composite_method_from_string ("zscore-sum", &method));
  g_assert_cmpint (method, ==, CA_COMPOSITE_ZSCORE_SUM);
  g_assert_true (ca_composite_method_from_string ("minmax-sum", &method));
  g_assert_cmpint (method, ==, CA_COMPOSITE_MINMAX_SUM);
  g_assert_false (ca_composite_method_from_string ("median", &method));
  g_assert_true (ca_composite_lower_is_better (CA_COMPOSITE_RANK_SUM));
  g_assert_cmpstr (ca_favourability_to_string (CA_FAVOURABILITY_LESS_FAVOURABLE), ==,
                   "less-favourable");
  g_assert_cmpstr (ca_favourability_to_string (CA_FAVOURABILITY_UNKNOWN), ==, "unknown");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rank-score/rank-values", test_rank_values);
  g_test_add_func ("/rank-score/rank-values-random", test_rank_values_random);
  g_test_add_func ("/rank-score/table1", test_table1_rank_sum);
  g_test_add_func ("/rank-score/table1-default-breaks", test_table1_default_breaks);
  g_test_add_func ("/rank-score/zscore-sum", test_zscore_sum);
  g_test_add_func ("/rank-score/minmax-sum", test_minmax_sum);
  g_test_add_func ("/rank-score/missing-and-constant", test_missing_and_constant);
  g_test_add_func ("/rank-score/typify-higher", test_typify_higher);
  g_test_add_func ("/rank-score/default-breaks-degenerate", test_default_breaks_degenerate);
  g_test_add_func ("/rank-score/names", test_names);
  return g_test_run ();
}
