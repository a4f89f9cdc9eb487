/* fuzz-shapefile.c — libFuzzer entry for the shapefile loader: each input
 * is split into .shp, .shx, .dbf, .prj and .cpg (see fuzz-targets.h) and
 * loaded as polygons and as points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "fuzz-targets.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The private folder the parts are written to, for this process only. */
static char *work_dir;

static void
remove_work_dir (void)
{
  fuzz_remove_dir (work_dir);
  g_free (work_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* In memory when the system has a tmpfs: on a disk file system every
   * input's truncate-and-rewrite of five files flushes blocks, which took
   * 90 % of the run. */
  work_dir = g_strdup ("/dev/shm/ca-fuzz-shp-XXXXXX");
  if (g_mkdtemp (work_dir) == NULL)
    g_clear_pointer (&work_dir, g_free);
  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("ca-fuzz-shp-XXXXXX", &error);
  if (work_dir == NULL)
    g_error ("%s", error->message);
  atexit (remove_work_dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GError) polygons_error = NULL;
  g_autoptr(GError) points_error = NULL;

  /* Written once, loaded twice: the loader only reads the parts. */
  fuzz_shapefile_write (work_dir, data, size);
  fuzz_shapefile_load (work_dir, CA_LAYER_POLYGONS, &polygons_error);
  fuzz_shapefile_load (work_dir, CA_LAYER_POINTS, &points_error);
  return 0;
}
