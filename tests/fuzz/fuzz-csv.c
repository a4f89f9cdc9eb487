/* fuzz-csv.c — libFuzzer entry for the CSV readers: each input is parsed,
 * imported as indicator values and read as an industry matrix, against the
 * bundled Aktobe dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-project.h"
#include "fuzz-targets.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Loaded once; every input is read into the copy, which is reset after. */
static CaDataset *aktobe;
static CaDataset *work;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  aktobe = ca_project_load_default (&error);
  if (aktobe == NULL)
    g_error ("%s", error->message);
  work = ca_dataset_copy (aktobe);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  for (FuzzCsvLoader loader = FUZZ_CSV_PARSE; loader <= FUZZ_CSV_MATRIX; loader++)
    {
      g_autoptr(GError) error = NULL;

      fuzz_csv_run (aktobe, work, loader, data, size, &error);
    }
  return 0;
}
