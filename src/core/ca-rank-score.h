/* ca-rank-score.h — Stage 1: fold several indicators into one composite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-types.h"

G_BEGIN_DECLS

/* Ranks @values (n entries) with 1 = best; ties share the average rank.
 * NAN values get rank NAN and do not take a rank from the others. */
void     ca_rank_values (const double *values, guint n, gboolean higher_is_better, double *ranks);

/* The composite per unit for @method. @values is unit-major: values[u * n_indicators + i].
 * @higher_is_better has n_indicators entries. A unit with any NAN gets NAN.
 * @ranks (may be NULL) receives the per-indicator ranks, same layout as @values.
 * RANK_SUM: sum of ranks (lower is better). ZSCORE_SUM: sum of z-scores
 * (population sd), sign-flipped where lower is better. MINMAX_SUM: sum of
 * (v − min)/(max − min), flipped likewise. Constant columns contribute 0. */
void     ca_composite_compute (CaCompositeMethod method, const double *values, guint n_units,
                               guint n_indicators, const gboolean *higher_is_better,
                               double *composite, double *ranks);

/* TRUE for RANK_SUM: the smaller composite is the better unit. */
gboolean ca_composite_lower_is_better (CaCompositeMethod method);
const char *ca_composite_method_to_string (CaCompositeMethod method); /* "rank-sum" … */
gboolean ca_composite_method_from_string (const char *str, CaCompositeMethod *method);

/* Types each unit from its composite and two breaks (best class first):
 * lower-is-better: c <= breaks[0] favourable, c <= breaks[1] less favourable;
 * higher-is-better: c >= breaks[0] favourable, c >= breaks[1] less favourable.
 * NAN composite → CA_FAVOURABILITY_UNKNOWN. */
void     ca_composite_typify (CaCompositeMethod method, const double *composite, guint n_units,
                              const double breaks[2], CaFavourability *types);

/* Default breaks when the user has not set any: natural breaks (3 classes)
 * of the composite, ordered best first. */
void     ca_composite_default_breaks (CaCompositeMethod method, const double *composite,
                                      guint n_units, double breaks[2]);

const char *ca_favourability_to_string (CaFavourability type); /* "favourable", "less-favourable" … */

G_END_DECLS
