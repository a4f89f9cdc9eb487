/* bench-load.c — loads kaz_districts.shp (174 districts) and projects it
 * into the map CRS, 20 times; prints the median against the 20 ms target.
 *
 * Each run does the whole job a map does: a new PROJ context and
 * transformation, reading and checking the shapefile, projecting every
 * vertex. Usage: bench-load [FILE.shp]; without an argument the file is
 * found like the program finds it ($CLUSTER_ATLAS_MAPS …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ca-boundaries.h"
#include "ca-projection.h"
#include "ca-shapefile.h"

#define RUNS 20
#define TARGET_MS 20.0

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* One run; FALSE with @error on failure. @load_ms gets the reading part. */
static gboolean
run_once (const char *path, guint *n_features, double *load_ms, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, NULL, error);
  if (layer == NULL)
    return FALSE;
  *load_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_autoptr (CaProjection) projection = ca_projection_new (NULL, error);
  if (projection == NULL)
    return FALSE;
  g_autoptr (CaLayer) projected = ca_projection_project_layer (projection, layer, error);
  if (projected == NULL)
    return FALSE;
  *n_features = ca_layer_get_n_features (projected);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = argc > 1 ? g_strdup (argv[1])
                                   : ca_boundaries_find ("kaz_districts.shp", &error);
  double total[RUNS], load[RUNS];
  guint n_features = 0;

  if (path == NULL)
    {
      fprintf (stderr, "bench-load: %s\n", error->message);
      return 77;   /* meson: skipped */
    }

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      if (!run_once (path, &n_features, &load[i], &error))
        {
          fprintf (stderr, "bench-load: %s\n", error->message);
          return 1;
        }
      total[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  double med = median (total, RUNS);
  printf ("load-kaz-districts: %u features, %d runs\n", n_features, RUNS);
  printf ("  median load+project: %.2f ms (read and check: %.2f ms)\n", med, median (load, RUNS));
  printf ("  target: %.0f ms, ratio: %.2f (below 1 is better than the target)\n",
          TARGET_MS, med / TARGET_MS);
  printf ("  peak RSS: %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
