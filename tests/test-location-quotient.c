/* test-location-quotient.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ca-location-quotient.h"

static CaMatrix *
matrix_from (guint               n_units,
             guint               n_industries,
             const char * const *names,
             const double       *values)
{
  CaMatrix *matrix = ca_matrix_new (n_units, n_industries);

  for (guint j = 0; j < n_industries; j++)
    {
      g_free (matrix->industries->pdata[j]);
      matrix->industries->pdata[j] = g_strdup (names[j]);
    }
  memcpy (matrix->values, values, sizeof (double) * n_units * n_industries);
  return matrix;
}

static const char *const three_names[] = { "food", "oil", "metal" };

static void
test_hand_calculation (void)
{
  /* Output:          food  oil  metal | unit total
   *   unit 0           10   20     70 |  100
   *   unit 1           30   30     40 |  100
   *   unit 2           60   50     90 |  200
   *   industry total  100  100    200 |  400
   * Regional shares: food 100/400 = 1/4, oil 1/4, metal 200/400 = 1/2.
   *   unit 0: (10/100)/(1/4) = 0.4   (20/100)/(1/4) = 0.8   (70/100)/(1/2) = 1.4
   *   unit 1: (30/100)/(1/4) = 1.2   (30/100)/(1/4) = 1.2   (40/100)/(1/2) = 0.8
   *   unit 2: (60/200)/(1/4) = 1.2   (50/200)/(1/4) = 1.0   (90/200)/(1/2) = 0.9 */
  const double output[] = { 10, 20, 70, 30, 30, 40, 60, 50, 90 };
  const double expected[] = { 0.4, 0.8, 1.4, 1.2, 1.2, 0.8, 1.2, 1.0, 0.9 };
  g_autoptr(CaMatrix) matrix = matrix_from (3, 3, three_names, output);
  g_autoptr(CaMatrix) lq = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) specs1 = NULL;
  g_autoptr(GArray) specs2 = NULL;

  lq = ca_location_quotients (matrix, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lq->n_units, ==, 3);
  g_assert_cmpstr (lq->industries->pdata[2], ==, "metal");
  for (guint k = 0; k < 9; k++)
    g_assert_cmpfloat_with_epsilon (lq->values[k], expected[k], 1e-12);

  /* Equal quotients keep column order; exactly 1.0 is not "above" 1.0. */
  specs1 = ca_specialisations (lq, 1, 1.0);
  g_assert_cmpuint (specs1->len, ==, 2);
  g_assert_cmpuint (g_array_index (specs1, CaSpecialisation, 0).industry, ==, 0);
  g_assert_cmpuint (g_array_index (specs1, CaSpecialisation, 1).industry, ==, 1);
  specs2 = ca_specialisations (lq, 2, 1.0);
  g_assert_cmpuint (specs2->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (specs2, CaSpecialisation, 0).lq, 1.2, 1e-12);
}

static void
test_zero_rows_and_columns (void)
{
  /* Unit 2 has no output, nor does "metal" anywhere; unit 1's oil is "no data".
   *   food total 40, oil total 20 (unit 0 only), region 60.
   *   unit 0: (10/30)/(40/60) = 0.5    (20/30)/(20/60) = 2.0
   *   unit 1: (30/30)/(40/60) = 1.5    no data */
  const double output[] = { 10, 20, 0, 30, NAN, 0, 0, 0, 0 };
  g_autoptr(CaMatrix) matrix = matrix_from (3, 3, three_names, output);
  g_autoptr(CaMatrix) lq = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) none = NULL;

  lq = ca_location_quotients (matrix, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ca_matrix_get (lq, 0, 0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (ca_matrix_get (lq, 0, 1), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ca_matrix_get (lq, 1, 0), 1.5, 1e-12);
  g_assert_true (isnan (ca_matrix_get (lq, 1, 1)));
  for (guint u = 0; u < 3; u++)
    g_assert_true (isnan (ca_matrix_get (lq, u, 2)));
  for (guint j = 0; j < 3; j++)
    g_assert_true (isnan (ca_matrix_get (lq, 2, j)));

  none = ca_specialisations (lq, 2, 1.0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_refused (void)
{
  const double negative[] = { 10, 20, 70, 30, -5, 40 };
  const double infinite[] = { 10, 20, 70, 30, 5, INFINITY };
  const double zeros[] = { 0, 0, 0, 0, 0, 0 };
  g_autoptr(CaMatrix) a = matrix_from (2, 3, three_names, negative);
  g_autoptr(CaMatrix) b = matrix_from (2, 3, three_names, infinite);
  g_autoptr(CaMatrix) c = matrix_from (2, 3, three_names, zeros);
  g_autoptr(CaMatrix) d = ca_matrix_new (2, 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (ca_location_quotients (a, &error));
  g_assert_error (error, CA_LQ_ERROR, CA_LQ_ERROR_NEGATIVE);
  g_assert_nonnull (strstr (error->message, "row 2"));
  g_assert_nonnull (strstr (error->message, "oil"));
  g_clear_error (&error);

  g_assert_null (ca_location_quotients (b, &error));
  g_assert_error (error, CA_LQ_ERROR, CA_LQ_ERROR_NOT_FINITE);
  g_assert_nonnull (strstr (error->message, "row 2"));
  g_assert_nonnull (strstr (error->message, "metal"));
  g_clear_error (&error);

  g_assert_null (ca_location_quotients (c, &error));
  g_assert_error (error, CA_LQ_ERROR, CA_LQ_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (ca_location_quotients (d, &error));
  g_assert_error (error, CA_LQ_ERROR, CA_LQ_ERROR_EMPTY);
}

/* Table 3 of the paper: industries with clustering potential, as listed
 * (highest LQ first). */
enum
{
  FERROUS, NON_FERROUS, FOOD, LIGHT, HYDROMINERAL, CONSTRUCTION_RAW, CONSTRUCTION_MATERIALS,
  OIL, GAS, CHEMICAL, MACHINE_BUILDING, THERMAL_POWER, WOODWORKING, N_TABLE3_INDUSTRIES
};

static const char *const table3_ids[N_TABLE3_INDUSTRIES] = {
  "ferrous-metallurgy", "non-ferrous-metallurgy", "food", "light", "hydromineral",
  "construction-raw-materials", "construction-materials", "oil", "gas", "chemical",
  "machine-building", "thermal-power", "woodworking",
};

typedef struct
{
  const char      *unit;
  CaSpecialisation listed[9];
  guint            n_listed;
} Table3Row;

static const Table3Row table3[] = {
  { "AKT", { { FERROUS, 3.6 }, { CONSTRUCTION_MATERIALS, 3.1 }, { HYDROMINERAL, 3.0 },
             { FOOD, 2.6 }, { THERMAL_POWER, 2.6 }, { WOODWORKING, 2.5 }, { CHEMICAL, 2.3 },
             { LIGHT, 2.0 }, { MACHINE_BUILDING, 1.9 } }, 9 },
  { "MUG", { { OIL, 1.8 }, { MACHINE_BUILDING, 1.3 }, { CHEMICAL, 1.2 } }, 3 },
  { "KHR", { { NON_FERROUS, 4.6 }, { CONSTRUCTION_RAW, 1.2 } }, 2 },
  { "ALG", { { FOOD, 16.3 }, { HYDROMINERAL, 5.1 }, { WOODWORKING, 2.0 },
             { CONSTRUCTION_MATERIALS, 1.9 }, { CHEMICAL, 1.4 } }, 5 },
  { "MAR", { { WOODWORKING, 155.0 }, { LIGHT, 14 }, { CONSTRUCTION_RAW, 8.0 }, { FOOD, 6.3 },
             { HYDROMINERAL, 4.8 } }, 5 },
  { "TEM", { { OIL, 2.5 } }, 1 },
};

static void
test_table3 (void)
{
  g_autoptr(CaMatrix) lq = ca_matrix_new (G_N_ELEMENTS (table3), N_TABLE3_INDUSTRIES);
  g_autoptr(GArray) top = NULL;

  for (guint j = 0; j < N_TABLE3_INDUSTRIES; j++)
    {
      g_free (lq->industries->pdata[j]);
      lq->industries->pdata[j] = g_strdup (table3_ids[j]);
    }
  /* Entered column by column in the matrix, not in the paper's order. */
  for (guint u = 0; u < G_N_ELEMENTS (table3); u++)
    for (guint k = table3[u].n_listed; k-- > 0;)
      ca_matrix_set (lq, u, table3[u].listed[k].industry, table3[u].listed[k].lq);

  for (guint u = 0; u < G_N_ELEMENTS (table3); u++)
    {
      g_autoptr(GArray) specs = ca_specialisations (lq, u, 1.0);

      g_test_message ("%s: %u specialisations", table3[u].unit, specs->len);
      g_assert_cmpuint (specs->len, ==, table3[u].n_listed);
      for (guint k = 0; k < specs->len; k++)
        {
          const CaSpecialisation *got = &g_array_index (specs, CaSpecialisation, k);

          g_assert_cmpstr (table3_ids[got->industry], ==, table3_ids[table3[u].listed[k].industry]);
          g_assert_cmpfloat (got->lq, ==, table3[u].listed[k].lq);
        }
    }

  /* A higher threshold keeps only what is strictly above it. */
  top = ca_specialisations (lq, 0, 2.5);
  g_assert_cmpuint (top->len, ==, 5);
  g_assert_cmpuint (g_array_index (top, CaSpecialisation, 4).industry, ==, THERMAL_POWER);
}

static void
test_many_specialisations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(CaMatrix) lq = ca_matrix_new (1, 300);
  g_autoptr(GArray) specs = NULL;
  guint expected = 0;

  /* 300 columns (beyond the stack buffer), values in steps of 0.1 so that
   * many tie: highest first, ties in column order. */
  for (guint j = 0; j < 300; j++)
    {
      double v = j % 50 == 7 ? NAN : g_rand_int_range (rand, 0, 40) / 10.0;

      ca_matrix_set (lq, 0, j, v);
      expected += v > 1.5;
    }
  specs = ca_specialisations (lq, 0, 1.5);
  g_assert_cmpuint (specs->len, ==, expected);
  for (guint k = 0; k < specs->len; k++)
    {
      const CaSpecialisation *s = &g_array_index (specs, CaSpecialisation, k);

      g_assert_cmpfloat (s->lq, ==, ca_matrix_get (lq, 0, s->industry));
      g_assert_cmpfloat (s->lq, >, 1.5);
      if (k > 0)
        {
          const CaSpecialisation *p = &g_array_index (specs, CaSpecialisation, k - 1);

          g_assert_true (p->lq > s->lq || (p->lq == s->lq && p->industry < s->industry));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/location-quotient/hand-calculation", test_hand_calculation);
  g_test_add_func ("/location-quotient/zero-rows-and-columns", test_zero_rows_and_columns);
  g_test_add_func ("/location-quotient/refused", test_refused);
  g_test_add_func ("/location-quotient/table3", test_table3);
  g_test_add_func ("/location-quotient/many-specialisations", test_many_specialisations);
  return g_test_run ();
}
