/* bench-stages.c — Stages 1–3 on 10 000 units × 100 industries.
 *
 * Seeded random data: five indicators, 100 industries, five clusters of
 * four industries each. Prints the median of several runs, per stage and in
 * total, and its ratio to the 50 ms target; the analysis object's full
 * re-run (what the app does after an edit) is timed too. Times are the
 * thread's CPU time — the stages are single-threaded, and CPU time does not
 * count other processes on a busy machine — with the wall-clock total
 * beside them. Never fails on time: benchmarks report, they do not judge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ca-analysis.h"
#include "ca-rank-score.h"

#define N_UNITS 10000
#define N_INDICATORS 5
#define N_INDUSTRIES 100
#define N_CLUSTERS 5
#define N_RUNS 9
#define TARGET_MS 50.0

static CaMatrix *
random_output (GRand *rand)
{
  CaMatrix *output = ca_matrix_new (N_UNITS, N_INDUSTRIES);

  for (guint j = 0; j < N_INDUSTRIES; j++)
    {
      g_free (output->industries->pdata[j]);
      output->industries->pdata[j] = g_strdup_printf ("industry-%03u", j);
    }
  /* About a third of the cells are zero, as in real district data where most
   * industries are absent. */
  for (guint k = 0; k < N_UNITS * N_INDUSTRIES; k++)
    output->values[k] = g_rand_int_range (rand, 0, 3) == 0 ? 0
                        : g_rand_double_range (rand, 0, 1000);
  return output;
}

static CaDataset *
random_dataset (GRand *rand)
{
  CaDataset *dataset = ca_dataset_new ();

  ca_dataset_freeze_changed (dataset);
  for (guint u = 0; u < N_UNITS; u++)
    {
      g_autofree char *code = g_strdup_printf ("U%05u", u);
      CaUnit unit = { .code = code };

      ca_dataset_add_unit (dataset, &unit);
    }
  for (guint i = 0; i < N_INDICATORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("indicator-%u", i);
      CaIndicator indicator = { .id = id, .higher_is_better = i != 2,
                                .classes = { CA_CLASSIFY_JENKS, 4, { 0 } } };

      ca_dataset_add_indicator (dataset, &indicator);
    }
  for (guint u = 0; u < N_UNITS; u++)
    for (guint i = 0; i < N_INDICATORS; i++)
      /* Rounded to one decimal, so ranks have ties as in Table 1. */
      ca_dataset_set_value (dataset, u, i, round (g_rand_double_range (rand, -50, 500)) / 10, NULL);
  for (guint j = 0; j < N_INDUSTRIES; j++)
    {
      g_autofree char *id = g_strdup_printf ("industry-%03u", j);
      CaIndustry industry = { .id = id };

      ca_dataset_add_industry (dataset, &industry);
    }
  for (guint c = 0; c < N_CLUSTERS; c++)
    {
      g_autofree char *id = g_strdup_printf ("cluster-%u", c);
      CaClusterType type = c < 3 ? CA_CLUSTER_SECTORAL : CA_CLUSTER_CROSS_SECTORAL;
      CaCluster *cluster = ca_cluster_new (id, type);
      CaText reason = { .en = (char *) "mineral deposits" };

      for (guint k = 0; k < 4; k++)
        g_ptr_array_add (cluster->industries, g_strdup_printf ("industry-%03u", c * 17 + k * 3));
      ca_dataset_add_cluster (dataset, cluster);
      for (guint m = 0; m < 3; m++)
        ca_dataset_add_cluster_member (dataset, id,
                                       ca_dataset_get_unit (dataset, c * 100 + m)->code,
                                       &reason, NULL);
    }
  ca_dataset_set_industry_matrix (dataset, random_output (rand));
  ca_dataset_thaw_changed (dataset);
  return dataset;
}

/* This thread's CPU time in µs. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times)
{
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  return times[N_RUNS / 2];
}

/* Stages 1–3 called directly, as the analysis calls them. Returns the
 * number of cluster members found, so the work cannot be optimised away. */
static guint
run_stages (CaDataset *dataset,
            double     stage_ms[3],
            double    *wall_ms)
{
  static double values[N_UNITS * N_INDICATORS];
  gboolean higher[N_INDICATORS];
  double composite[N_UNITS], breaks[2];
  CaFavourability types[N_UNITS];
  g_autoptr(CaMatrix) lq = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  guint members = 0;
  gint64 t0, t1, t2, t3, wall0 = g_get_monotonic_time ();

  t0 = cpu_time ();
  for (guint i = 0; i < N_INDICATORS; i++)
    higher[i] = ca_dataset_get_indicator (dataset, i)->higher_is_better;
  for (guint u = 0; u < N_UNITS; u++)
    for (guint i = 0; i < N_INDICATORS; i++)
      values[u * N_INDICATORS + i] = ca_dataset_get_value (dataset, u, i);
  ca_composite_compute (CA_COMPOSITE_RANK_SUM, values, N_UNITS, N_INDICATORS, higher,
                        composite, NULL);
  ca_composite_default_breaks (CA_COMPOSITE_RANK_SUM, composite, N_UNITS, breaks);
  ca_composite_typify (CA_COMPOSITE_RANK_SUM, composite, N_UNITS, breaks, types);

  t1 = cpu_time ();
  lq = ca_location_quotients (ca_dataset_get_industry_matrix (dataset), NULL);
  g_assert_nonnull (lq);
  for (guint u = 0; u < N_UNITS; u++)
    g_array_unref (ca_specialisations (lq, u, 1.0));

  t2 = cpu_time ();
  proposals = ca_find_clusters (dataset, types, lq, 1.0);
  t3 = cpu_time ();
  *wall_ms = (g_get_monotonic_time () - wall0) / 1000.0;

  for (guint c = 0; c < proposals->len; c++)
    {
      CaFinderProposal *proposal = proposals->pdata[c];

      for (guint u = 0; u < proposal->units->len; u++)
        members += ca_verdict_is_member (g_array_index (proposal->units, CaFinderUnit, u).verdict);
    }
  stage_ms[0] = (t1 - t0) / 1000.0;
  stage_ms[1] = (t2 - t1) / 1000.0;
  stage_ms[2] = (t3 - t2) / 1000.0;
  return members;
}

/* The analysis object after an edit that reaches all three stages. */
static double
run_analysis (CaDataset  *dataset,
              CaAnalysis *analysis,
              guint       run)
{
  gint64 t0;

  ca_dataset_set_value (dataset, 0, 0, run % 2 ? 1.5 : 2.5, NULL);
  ca_dataset_set_lq_threshold (dataset, run % 2 ? 1.0 : 1.0001, NULL);
  t0 = cpu_time ();
  g_assert_cmpuint (ca_analysis_get_proposals (analysis)->len, ==, N_CLUSTERS);
  return (cpu_time () - t0) / 1000.0;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20200630);
  g_autoptr(CaDataset) dataset = random_dataset (rand);
  g_autoptr(CaAnalysis) analysis = ca_analysis_new (dataset);
  double stage[3][N_RUNS], total[N_RUNS], wall[N_RUNS], full[N_RUNS];
  guint members = 0;

  for (guint r = 0; r < N_RUNS; r++)
    {
      double ms[3];

      members = run_stages (dataset, ms, &wall[r]);
      for (guint s = 0; s < 3; s++)
        stage[s][r] = ms[s];
      total[r] = ms[0] + ms[1] + ms[2];
      full[r] = run_analysis (dataset, analysis, r);
    }

  printf ("stages-10000x100: %d units x %d industries, %d clusters, %u members found\n",
          N_UNITS, N_INDUSTRIES, N_CLUSTERS, members);
  printf ("  median CPU time of %d runs:\n", N_RUNS);
  printf ("    stage 1 (rank sum, natural breaks, typology)   %8.2f ms\n", median (stage[0]));
  printf ("    stage 2 (location quotients, specialisations)  %8.2f ms\n", median (stage[1]));
  printf ("    stage 3 (cluster finder)                       %8.2f ms\n", median (stage[2]));
  printf ("    stages 1-3                                     %8.2f ms"
          "  = %.2f x the %.0f ms target\n",
          median (total), median (total) / TARGET_MS, TARGET_MS);
  printf ("    CaAnalysis full re-run after an edit           %8.2f ms"
          "  = %.2f x the %.0f ms target\n",
          median (full), median (full) / TARGET_MS, TARGET_MS);
  printf ("  stages 1-3, median wall-clock time               %8.2f ms\n", median (wall));
  return 0;
}
