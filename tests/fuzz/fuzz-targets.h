/* fuzz-targets.h — the loaders as the fuzzers and the regression test call
 * them: one input in, success or a GError out, and the promises a loader
 * makes checked on the way (an abort() marks a broken promise).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"
#include "ca-layer.h"

G_BEGIN_DECLS

/* The shapefile input format: up to FUZZ_N_PARTS parts in the order .shp,
 * .shx, .dbf, .prj, .cpg, each a 32-bit little-endian length and that many
 * bytes (fewer when the input ends first). Absent parts are absent files. */
#define FUZZ_N_PARTS 5

typedef struct
{
  const guint8 *data;
  gsize         length;
} FuzzPart;

/* Splits @data; returns how many parts it holds. */
guint     fuzz_split_parts (const guint8 *data, gsize size, FuzzPart parts[FUZZ_N_PARTS]);
/* The inverse, for the seed generator: @parts packed into one input. */
GBytes   *fuzz_pack_parts (const FuzzPart *parts, guint n_parts);

/* Writes the parts as fuzz.shp, fuzz.shx … into @dir, removing those the
 * input lacks. */
void      fuzz_shapefile_write (const char *dir, const guint8 *data, gsize size);
/* Loads the fuzz.shp written there as @kind. */
gboolean  fuzz_shapefile_load (const char *dir, CaLayerKind kind, GError **error);
/* Both: writes the parts and loads fuzz.shp as @kind. */
gboolean  fuzz_shapefile_run (const char *dir, const guint8 *data, gsize size, CaLayerKind kind,
                              GError **error);
/* Loads the input as "fuzz.caproj"; a project that loads must save and
 * load again to the same text. */
gboolean  fuzz_project_run (const guint8 *data, gsize size, GError **error);

typedef enum
{
  FUZZ_CSV_PARSE,
  FUZZ_CSV_INDICATORS,
  FUZZ_CSV_MATRIX,
} FuzzCsvLoader;

/* Reads the input as "fuzz.csv" with @loader into @work, a copy of
 * @pristine, and makes it equal to @pristine again before returning. What
 * loads must write and read back equal; a refused import changes nothing. */
gboolean  fuzz_csv_run (CaDataset *pristine, CaDataset *work, FuzzCsvLoader loader,
                        const guint8 *data, gsize size, GError **error);

/* Removes @dir and the files the shapefile target wrote there. */
void      fuzz_remove_dir (const char *dir);

G_END_DECLS
