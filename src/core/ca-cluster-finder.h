/* ca-cluster-finder.h — Stage 3: propose clusters from Stages 1–2 and say
 * why each unit is in or out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  CA_VERDICT_IN_SPECIALISED,     /* favourable or less favourable, LQ > threshold */
  CA_VERDICT_IN_ADVANTAGE,       /* recorded extra advantage (deposits, position…) */
  CA_VERDICT_OUT_UNFAVOURABLE,   /* specialised but in the unfavourable type */
  CA_VERDICT_OUT_NOT_SPECIALISED,/* no LQ above threshold in the cluster's industries */
  CA_VERDICT_OUT_NO_DATA,
} CaVerdict;

typedef struct
{
  char     *code;
  CaVerdict verdict;
  char     *industry;    /* industry id that qualified it, or NULL */
  double    lq;          /* that industry's LQ, or NAN */
  char     *explanation; /* one sentence, English, for the panel and the CLI */
} CaFinderUnit;

typedef struct
{
  char   *cluster_id;    /* which of the dataset's clusters this proposal mirrors */
  GArray *units;         /* of CaFinderUnit: every unit, in dataset order */
  /* Holds the units' strings when the finder made the proposal (one block
   * instead of three allocations per unit); NULL otherwise. Read-only. */
  GStringChunk *strings;
} CaFinderProposal;

/* For every cluster of @dataset: each unit's verdict from @types (Stage 1),
 * the LQ matrix (@lq, with @industry_ids naming its columns as dataset
 * industry ids; columns that match no id are ignored) and the threshold.
 * A column name that is not an id is also tried against the industries'
 * names in any language, ignoring case. @lq may be NULL (no LQs known).
 * A unit already a member whose reason is recorded counts as "advantage". */
GPtrArray *ca_find_clusters (CaDataset             *dataset,
                             const CaFavourability *types,
                             const CaMatrix        *lq,
                             double                 threshold);  /* of CaFinderProposal* */

gboolean    ca_verdict_is_member (CaVerdict verdict);
const char *ca_verdict_to_string (CaVerdict verdict);
void        ca_finder_proposal_free (CaFinderProposal *proposal);

G_END_DECLS
