/* test-fixtures.h — the paper's Table 1 as a dataset built in code, so core
 * tests do not depend on the project loader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "ca-dataset.h"

static const char *const fixture_codes[13] = {
  "AKT", "ALG", "AIT", "BAY", "KAR", "KHO", "MAR", "MUG", "UIL", "TEM", "KHR", "SHA", "IRG",
};

static const char *const fixture_indicators[5] = {
  "density", "infrastructure", "industry", "specialisations", "innovation",
};

/* Table 1 of the paper, in the order of fixture_codes. */
static const double fixture_table1[13][5] = {
  { 218, 4.0, 8809.8, 10, 1.1 },
  { 6.3, 1.1, 347.7, 1, -2.1 },
  { 0.7, 0.1, 42.4, 0, -3.2 },
  { 0.4, -1.4, 2767.8, 2, -0.8 },
  { 3.3, 0.9, 160, 0, -3.6 },
  { 1.2, -0.1, 93.9, 2, -2.3 },
  { 5.1, 1.5, 176.7, 2, -2.5 },
  { 2.6, 2.2, 6779.9, 3, 1.3 },
  { 1.6, -1.3, 129.1, 0, -3.6 },
  { 3.3, -0.6, 4742.4, 1, -0.9 },
  { 3.3, 1.3, 8960.6, 1, -1.8 },
  { 0.8, -0.4, 231.2, 2, -1.4 },
  { 0.4, -2.4, 20.9, 0, -3.1 },
};

static inline CaDataset *
fixture_table1_dataset (void)
{
  CaDataset *dataset = ca_dataset_new ();

  for (guint u = 0; u < 13; u++)
    {
      CaUnit unit = { .code = (char *) fixture_codes[u] };
      ca_dataset_add_unit (dataset, &unit);
    }
  for (guint i = 0; i < 5; i++)
    {
      CaIndicator indicator = { .id = (char *) fixture_indicators[i], .higher_is_better = TRUE,
                                .classes = { CA_CLASSIFY_JENKS, 4, { 0 } } };
      ca_dataset_add_indicator (dataset, &indicator);
    }
  for (guint u = 0; u < 13; u++)
    for (guint i = 0; i < 5; i++)
      g_assert_true (ca_dataset_set_value (dataset, u, i, fixture_table1[u][i], NULL));
  return dataset;
}
