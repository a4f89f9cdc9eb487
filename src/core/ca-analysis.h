/* ca-analysis.h — the three stages over a dataset, re-run lazily: a change
 * re-computes only the stages that depend on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-cluster-finder.h"
#include "ca-dataset.h"
#include "ca-location-quotient.h"

G_BEGIN_DECLS

#define CA_TYPE_ANALYSIS (ca_analysis_get_type ())
G_DECLARE_FINAL_TYPE (CaAnalysis, ca_analysis, CA, ANALYSIS, GObject)

CaAnalysis            *ca_analysis_new (CaDataset *dataset);
CaDataset             *ca_analysis_get_dataset (CaAnalysis *self);

/* Stage 1 */
const double          *ca_analysis_get_composite (CaAnalysis *self);        /* per unit */
const double          *ca_analysis_get_ranks (CaAnalysis *self);            /* unit × indicator */
const CaFavourability *ca_analysis_get_types (CaAnalysis *self);            /* per unit */
/* The breaks in force (the dataset's, or the method's default). */
void                   ca_analysis_get_breaks (CaAnalysis *self, double breaks[2]);

/* Stage 2: the LQ matrix in use (computed from the industry matrix when the
 * dataset has one, else the published LQs) and whether it was computed. */
const CaMatrix        *ca_analysis_get_lq (CaAnalysis *self, gboolean *computed);
/* A message when the industry matrix could not be used (negative output…). */
const char            *ca_analysis_get_lq_problem (CaAnalysis *self);
/* Unit's specialisations above the dataset's threshold, highest first:
 * GArray of CaSpecialisation, owned by the analysis (valid until the next change). */
GArray                *ca_analysis_get_specialisations (CaAnalysis *self, guint unit);
/* Display name of LQ column @column in @lang (an industry name when it
 * matches a dataset industry, else the CSV's header text). */
const char            *ca_analysis_get_lq_industry_name (CaAnalysis *self, guint column, CaLang lang);
/* Dataset industry id of LQ column @column, or NULL. */
const char            *ca_analysis_get_lq_industry_id (CaAnalysis *self, guint column);

/* Stage 3: the finder's proposal, one per dataset cluster (CaFinderProposal*),
 * owned by the analysis. */
GPtrArray             *ca_analysis_get_proposals (CaAnalysis *self);

/* Runs every stage that is out of date. Until the dataset changes again
 * the getters then only read, so several threads may draw from the
 * analysis at once (each export output runs on a thread of its own). */
void                   ca_analysis_update (CaAnalysis *self);

/* How many times each stage has run: for tests of "only what depends". */
void                   ca_analysis_get_run_counts (CaAnalysis *self, guint *stage1,
                                                   guint *stage2, guint *stage3);

G_END_DECLS
