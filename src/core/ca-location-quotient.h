/* ca-location-quotient.h — Stage 2: location quotients and specialisations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_LQ_ERROR (ca_lq_error_quark ())
typedef enum
{
  CA_LQ_ERROR_NEGATIVE,
  CA_LQ_ERROR_EMPTY,        /* no industries, or no output anywhere */
  CA_LQ_ERROR_NOT_FINITE,   /* infinite output */
} CaLqError;
GQuark ca_lq_error_quark (void);

/* LQ_ij = (e_ij / Σ_j e_ij) / (Σ_i e_ij / Σ_ij e_ij). A unit with no output,
 * or an industry with none anywhere, gets LQ NAN. Negative or non-finite
 * output is refused, naming unit row and industry column. A NAN cell is
 * "no data" (a unit missing from the CSV), counts as no output and gets LQ NAN. */
CaMatrix *ca_location_quotients (const CaMatrix *output, GError **error);

typedef struct
{
  guint  industry;   /* column in the LQ matrix */
  double lq;
} CaSpecialisation;

/* The unit's industries with LQ > @threshold, highest first. */
GArray   *ca_specialisations (const CaMatrix *lq, guint unit, double threshold);

G_END_DECLS
