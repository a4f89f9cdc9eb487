/* test-classify.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca-classify.h"

static void
assert_bounds (const CaClassification *c,
               const double           *bounds,
               const guint            *counts,
               guint                   n_classes)
{
  g_assert_cmpuint (c->n_classes, ==, n_classes);
  for (guint i = 0; i <= n_classes; i++)
    g_assert_cmpfloat_with_epsilon (c->bounds[i], bounds[i], 1e-9);
  for (guint i = 0; i < n_classes; i++)
    g_assert_cmpuint (c->counts[i], ==, counts[i]);
}

static void
test_jenks_known (void)
{
  /* Three obvious groups: each inner break is the largest value of its class. */
  const double values[] = { 12, 1, 21, 2, 3, 10, 11, 22, 20 };
  const double sorted[] = { 1, 2, 3, 10, 11, 12, 20, 21, 22 };
  const double bounds[] = { 1, 3, 12, 22 };
  const guint counts[] = { 3, 3, 3 };
  double breaks[2];
  g_autoptr(CaClassification) c = NULL;

  ca_jenks_breaks (sorted, 9, 3, breaks);
  g_assert_cmpfloat (breaks[0], ==, 3);
  g_assert_cmpfloat (breaks[1], ==, 12);

  c = ca_classify (values, G_N_ELEMENTS (values), CA_CLASSIFY_JENKS, 3, NULL, NULL);
  g_assert_nonnull (c);
  g_assert_cmpint (c->method, ==, CA_CLASSIFY_JENKS);
  assert_bounds (c, bounds, counts, 3);
}

/* Within-class sum of squared deviations of x[0..n) split before @starts. */
static double
split_ssq (const double *x,
           guint         n,
           const guint  *starts,
           guint         k)
{
  double total = 0;

  for (guint c = 0; c < k; c++)
    {
      guint a = c == 0 ? 0 : starts[c - 1], b = c + 1 < k ? starts[c] : n;
      double mean = 0;

      for (guint i = a; i < b; i++)
        mean += x[i];
      mean /= b - a;
      for (guint i = a; i < b; i++)
        total += (x[i] - mean) * (x[i] - mean);
    }
  return total;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
test_jenks_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (guint trial = 0; trial < 20; trial++)
    {
      double x[12], breaks[3];
      guint starts[3], dp_starts[3] = { 0, 0, 0 };
      double best = INFINITY;

      /* Rounded to one decimal, some rounds have ties. */
      for (guint i = 0; i < 12; i++)
        x[i] = round (g_rand_double_range (rand, 0, trial < 10 ? 100 : 5) * 10) / 10;
      qsort (x, 12, sizeof (double), compare_doubles);

      /* Every way of cutting 12 sorted values into 4 non-empty runs. */
      for (starts[0] = 1; starts[0] < 12; starts[0]++)
        for (starts[1] = starts[0] + 1; starts[1] < 12; starts[1]++)
          for (starts[2] = starts[1] + 1; starts[2] < 12; starts[2]++)
            best = MIN (best, split_ssq (x, 12, starts, 4));

      ca_jenks_breaks (x, 12, 4, breaks);
      for (guint b = 0; b < 3; b++)
        {
          g_assert_false (isnan (breaks[b]));
          /* Class b + 1 starts after the last value equal to break b. */
          while (dp_starts[b] < 12 && x[dp_starts[b]] <= breaks[b])
            dp_starts[b]++;
          g_assert_cmpuint (dp_starts[b], <, 12);
          if (b > 0)
            g_assert_cmpfloat (breaks[b], >, breaks[b - 1]);
        }
      g_assert_cmpfloat_with_epsilon (split_ssq (x, 12, dp_starts, 4), best, 1e-9);
    }
}

/* The textbook O(k·n²) dynamic programme, for comparison with the fast one. */
static double
reference_jenks_ssq (const double *x,
                     guint         n,
                     guint         k)
{
  g_autofree double *cost = g_new (double, n * k);

  for (guint j = 0; j < n; j++)
    {
      guint start[1] = { j + 1 };

      cost[j] = split_ssq (x, j + 1, start, 1);
    }
  for (guint q = 1; q < k; q++)
    for (guint j = 0; j < n; j++)
      {
        double best = INFINITY;

        for (guint i = q; i <= j; i++)
          {
            double mean = 0, ssq = 0;

            for (guint t = i; t <= j; t++)
              mean += x[t];
            mean /= j - i + 1;
            for (guint t = i; t <= j; t++)
              ssq += (x[t] - mean) * (x[t] - mean);
            best = MIN (best, cost[(q - 1) * n + i - 1] + ssq);
          }
        cost[q * n + j] = best;
      }
  return cost[(k - 1) * n + n - 1];
}

static void
test_jenks_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31337);
  double x[60];

  for (guint i = 0; i < 60; i++)
    x[i] = pow (g_rand_double_range (rand, 0, 10), 2);
  qsort (x, 60, sizeof (double), compare_doubles);
  for (guint k = 2; k <= 9; k++)
    {
      double breaks[8];
      guint starts[8];

      ca_jenks_breaks (x, 60, k, breaks);
      for (guint b = 0; b + 1 < k; b++)
        for (starts[b] = 0; x[starts[b]] <= breaks[b]; starts[b]++)
          ;
      g_assert_cmpfloat_with_epsilon (split_ssq (x, 60, starts, k),
                                      reference_jenks_ssq (x, 60, k), 1e-6);
    }
}

static void
test_jenks_large (void)
{
  /* 10 000 values in three well-separated bands: the exact optimum is the bands. */
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree double *x = g_new (double, 10000);
  double breaks[2];

  for (guint i = 0; i < 10000; i++)
    x[i] = (i % 3) * 100 + g_rand_double_range (rand, 0, 10);
  qsort (x, 10000, sizeof (double), compare_doubles);
  ca_jenks_breaks (x, 10000, 3, breaks);
  g_assert_cmpfloat (breaks[0], <, 10);
  g_assert_cmpfloat (breaks[0], >, 9);
  g_assert_cmpfloat (breaks[1], <, 110);
  g_assert_cmpfloat (breaks[1], >, 109);
}

static void
test_manual (void)
{
  const double values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NAN };
  const double breaks[] = { 3, 7 };
  const double bounds[] = { 1, 3, 7, 10 };
  const guint counts[] = { 3, 4, 3 };
  const double outside[] = { 12 };
  const double outside_bounds[] = { 1, 12, 12 };
  const guint outside_counts[] = { 10, 0 };
  const double bad[] = { 7, 3 };
  g_autoptr(CaClassification) c = NULL;
  g_autoptr(CaClassification) wide = NULL;
  g_autoptr(GError) error = NULL;

  c = ca_classify (values, G_N_ELEMENTS (values), CA_CLASSIFY_MANUAL, 3, breaks, &error);
  g_assert_no_error (error);
  assert_bounds (c, bounds, counts, 3);

  /* A break beyond the data widens the outer bound to the break. */
  wide = ca_classify (values, G_N_ELEMENTS (values), CA_CLASSIFY_MANUAL, 2, outside, &error);
  g_assert_no_error (error);
  assert_bounds (wide, outside_bounds, outside_counts, 2);

  g_assert_null (ca_classify (values, 10, CA_CLASSIFY_MANUAL, 3, bad, &error));
  g_assert_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_BREAKS);
  g_clear_error (&error);
  g_assert_null (ca_classify (values, 10, CA_CLASSIFY_MANUAL, 3, NULL, &error));
  g_assert_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_BREAKS);
}

static void
test_equal_interval (void)
{
  const double values[] = { 10, 0, 5, 1 };
  const double bounds[] = { 0, 2.5, 5, 7.5, 10 };
  const guint counts[] = { 2, 1, 0, 1 };
  g_autoptr(CaClassification) c = NULL;

  c = ca_classify (values, 4, CA_CLASSIFY_EQUAL_INTERVAL, 4, NULL, NULL);
  assert_bounds (c, bounds, counts, 4);
}

static void
assert_valid (const CaClassification *c)
{
  /* Only the lowest value may form a zero-width class of its own. */
  g_assert_cmpfloat (c->bounds[0], <=, c->bounds[1]);
  for (guint i = 1; i < c->n_classes; i++)
    g_assert_cmpfloat (c->bounds[i], <, c->bounds[i + 1]);
  for (guint i = 0; i < c->n_classes; i++)
    g_assert_cmpuint (c->counts[i], >, 0);
}

static void
test_quantile (void)
{
  const double ten[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const double halves[] = { 1, 5, 10 };
  const guint halves_counts[] = { 5, 5 };
  /* Sorted: 1 2 3.3 3.3 3.3 3.3 5 6. Ideal cuts after 2, 4, 6 values; the
   * run of 3.3 stays whole, so the classes hold 2, 4, 1, 1. */
  const double ties[] = { 3.3, 5, 3.3, 1, 3.3, 6, 2, 3.3 };
  const double ties_bounds[] = { 1, 2, 3.3, 5, 6 };
  const guint ties_counts[] = { 2, 4, 1, 1 };
  /* Seven zeros: a naive quantile would put two breaks at 0. */
  const double zeros[] = { 0, 0, 0, 0, 0, 0, 0, 1, 2, 3 };
  const double zeros_bounds[] = { 0, 0, 1, 3 };
  const guint zeros_counts[] = { 7, 1, 2 };
  /* Two distinct values asked for four classes: two classes. */
  const double two[] = { 1, 2, 1, 2, 2 };
  const double two_bounds[] = { 1, 1, 2 };
  const guint two_counts[] = { 2, 3 };
  g_autoptr(CaClassification) a = NULL;
  g_autoptr(CaClassification) b = NULL;
  g_autoptr(CaClassification) c = NULL;
  g_autoptr(CaClassification) d = NULL;
  g_autoptr(CaClassification) e = NULL;

  a = ca_classify (ten, 10, CA_CLASSIFY_QUANTILE, 2, NULL, NULL);
  assert_bounds (a, halves, halves_counts, 2);
  b = ca_classify (ties, 8, CA_CLASSIFY_QUANTILE, 4, NULL, NULL);
  assert_bounds (b, ties_bounds, ties_counts, 4);
  assert_valid (b);
  c = ca_classify (zeros, 10, CA_CLASSIFY_QUANTILE, 3, NULL, NULL);
  assert_bounds (c, zeros_bounds, zeros_counts, 3);
  assert_valid (c);
  d = ca_classify (two, 5, CA_CLASSIFY_QUANTILE, 4, NULL, NULL);
  assert_bounds (d, two_bounds, two_counts, 2);
  assert_valid (d);

  /* Constant data: one class [v, v], whatever the method. */
  e = ca_classify (two, 1, CA_CLASSIFY_QUANTILE, 3, NULL, NULL);
  g_assert_cmpuint (e->n_classes, ==, 1);
  g_assert_cmpfloat (e->bounds[0], ==, 1);
  g_assert_cmpfloat (e->bounds[1], ==, 1);
  g_assert_cmpuint (e->counts[0], ==, 1);
}

static void
test_quantile_random_ties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);

  for (guint trial = 0; trial < 50; trial++)
    {
      double x[40];

      for (guint i = 0; i < 40; i++)
        x[i] = g_rand_int_range (rand, 0, 4 + trial % 10);
      for (guint k = 2; k <= 9; k++)
        {
          g_autoptr(CaClassification) c = ca_classify (x, 40, CA_CLASSIFY_QUANTILE, k, NULL, NULL);
          g_autoptr(CaClassification) j = ca_classify (x, 40, CA_CLASSIFY_JENKS, k, NULL, NULL);

          assert_valid (c);
          assert_valid (j);
        }
    }
}

static void
test_stddev (void)
{
  /* Mean 5, population sd 2. */
  const double values[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
  /* Odd: a middle class mean ± 0.5 sd = [4, 6]. */
  const double three[] = { 2, 4, 6, 9 };
  const guint three_counts[] = { 4, 2, 2 };
  /* Even: the mean is a break, then ± 1 sd. */
  const double four[] = { 2, 3, 5, 7, 9 };
  const guint four_counts[] = { 1, 5, 1, 1 };
  /* Five: breaks 2, 4, 6, 8; the one at the minimum (2) is dropped. */
  const double five[] = { 2, 4, 6, 8, 9 };
  const guint five_counts[] = { 4, 2, 1, 1 };
  g_autoptr(CaClassification) a = NULL;
  g_autoptr(CaClassification) b = NULL;
  g_autoptr(CaClassification) c = NULL;

  a = ca_classify (values, 8, CA_CLASSIFY_STDDEV, 3, NULL, NULL);
  assert_bounds (a, three, three_counts, 3);
  b = ca_classify (values, 8, CA_CLASSIFY_STDDEV, 4, NULL, NULL);
  assert_bounds (b, four, four_counts, 4);
  c = ca_classify (values, 8, CA_CLASSIFY_STDDEV, 5, NULL, NULL);
  assert_bounds (c, five, five_counts, 4);
}

static void
test_errors (void)
{
  const double values[] = { 1, 2, 3 };
  const double nothing[] = { NAN, NAN };
  g_autoptr(GError) error = NULL;

  g_assert_null (ca_classify (values, 3, CA_CLASSIFY_JENKS, 1, NULL, &error));
  g_assert_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_COUNT);
  g_clear_error (&error);
  g_assert_null (ca_classify (values, 3, CA_CLASSIFY_QUANTILE, 10, NULL, &error));
  g_assert_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_COUNT);
  g_clear_error (&error);
  g_assert_null (ca_classify (nothing, 2, CA_CLASSIFY_EQUAL_INTERVAL, 3, NULL, &error));
  g_assert_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (ca_classify (NULL, 0, CA_CLASSIFY_STDDEV, 3, NULL, &error));
  g_assert_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_NO_DATA);
}

static void
test_class_of (void)
{
  const double values[] = { 1, 2, 3, 10, 11, 12, 20, 21, 22 };
  g_autoptr(CaClassification) c = ca_classify (values, 9, CA_CLASSIFY_JENKS, 3, NULL, NULL);
  g_autoptr(CaClassification) copy = ca_classification_copy (c);

  g_assert_cmpint (ca_classification_class_of (c, 1), ==, 0);     /* first class closed below */
  g_assert_cmpint (ca_classification_class_of (c, 3), ==, 0);     /* and above */
  g_assert_cmpint (ca_classification_class_of (c, 3.0001), ==, 1);
  g_assert_cmpint (ca_classification_class_of (c, 12), ==, 1);
  g_assert_cmpint (ca_classification_class_of (c, 22), ==, 2);
  g_assert_cmpint (ca_classification_class_of (c, 0.5), ==, -1);
  g_assert_cmpint (ca_classification_class_of (c, 22.5), ==, -1);
  g_assert_cmpint (ca_classification_class_of (c, NAN), ==, -1);

  g_assert_cmpuint (copy->n_classes, ==, 3);
  g_assert_cmpfloat (copy->bounds[2], ==, 12);
  g_assert_cmpuint (copy->counts[2], ==, 3);
}

static void
test_labels (void)
{
  const double a[] = { 1, 2, 3, 10, 11, 12, 20, 21, 22 };
  const double b[] = { 0, 0.25, 0.5, 0.75, 1 };
  const double c[] = { 0, 0.001, 0.002, 0.003 };
  const double d[] = { -0.04, 0.3, 0.9, 1.1 };
  g_autoptr(CaClassification) ca = ca_classify (a, 9, CA_CLASSIFY_JENKS, 3, NULL, NULL);
  g_autoptr(CaClassification) cb = ca_classify (b, 5, CA_CLASSIFY_EQUAL_INTERVAL, 4, NULL, NULL);
  g_autoptr(CaClassification) cc = ca_classify (c, 4, CA_CLASSIFY_EQUAL_INTERVAL, 3, NULL, NULL);
  g_autoptr(CaClassification) cd = ca_classify (d, 4, CA_CLASSIFY_EQUAL_INTERVAL, 2, NULL, NULL);
  g_autofree char *l1 = ca_classification_label (ca, 1, 1);
  g_autofree char *l2 = ca_classification_label (ca, 2, -1);
  g_autofree char *l3 = ca_classification_label (cb, 1, -1);
  g_autofree char *l4 = ca_classification_label (cd, 0, 1);

  g_assert_cmpstr (l1, ==, "3.0 – 12.0");
  g_assert_cmpint (ca_classification_suggest_decimals (ca), ==, 0);
  g_assert_cmpstr (l2, ==, "12 – 22");
  /* 0, 0.25, 0.5, 0.75, 1: whole numbers would repeat "0" and "1". */
  g_assert_cmpint (ca_classification_suggest_decimals (cb), ==, 1);
  g_assert_cmpstr (l3, ==, "0.2 – 0.5");
  g_assert_cmpint (ca_classification_suggest_decimals (cc), ==, 3);
  /* No "-0.0". */
  g_assert_cmpstr (l4, ==, "0.0 – 0.5");

  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") != NULL)
    {
      g_autofree char *ru = ca_classification_label (ca, 1, 1);

      g_assert_cmpstr (ru, ==, "3,0 – 12,0");
      setlocale (LC_NUMERIC, "C");
    }
}

static void
test_method_names (void)
{
  CaClassifyMethod method;

  for (guint m = CA_CLASSIFY_MANUAL; m <= CA_CLASSIFY_STDDEV; m++)
    {
      g_assert_true (ca_classify_method_from_string (ca_classify_method_to_string (m), &method));
      g_assert_cmpint (method, ==, m);
    }
  g_assert_cmpstr (ca_classify_method_to_string (CA_CLASSIFY_JENKS), ==, "jenks");
  g_assert_true (ca_classify_method_from_string ("natural-breaks", &method));
  g_assert_cmpint (method, ==, CA_CLASSIFY_JENKS);
  g_assert_false (ca_classify_method_from_string ("nonsense", &method));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/classify/jenks/known", test_jenks_known);
  g_test_add_func ("/classify/jenks/brute-force", test_jenks_brute_force);
  g_test_add_func ("/classify/jenks/reference", test_jenks_reference);
  g_test_add_func ("/classify/jenks/large", test_jenks_large);
  g_test_add_func ("/classify/manual", test_manual);
  g_test_add_func ("/classify/equal-interval", test_equal_interval);
  g_test_add_func ("/classify/quantile", test_quantile);
  g_test_add_func ("/classify/quantile-random-ties", test_quantile_random_ties);
  g_test_add_func ("/classify/stddev", test_stddev);
  g_test_add_func ("/classify/errors", test_errors);
  g_test_add_func ("/classify/class-of", test_class_of);
  g_test_add_func ("/classify/labels", test_labels);
  g_test_add_func ("/classify/method-names", test_method_names);
  return g_test_run ();
}
