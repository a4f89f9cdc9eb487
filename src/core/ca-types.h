/* ca-types.h — forward declarations and enums shared by the core.
 *
 * Copyright 2026 Cluster Atlas contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which of the paper's three favourability types a unit falls into (Table 2).
 * Ordered best first so that the value doubles as a class index. */
typedef enum
{
  CA_FAVOURABILITY_FAVOURABLE = 0,
  CA_FAVOURABILITY_LESS_FAVOURABLE = 1,
  CA_FAVOURABILITY_UNFAVOURABLE = 2,
  CA_FAVOURABILITY_UNKNOWN = -1,
} CaFavourability;

#define CA_N_FAVOURABILITY 3

/* How Stage 1 folds the five integral indicators into one composite. */
typedef enum
{
  CA_COMPOSITE_RANK_SUM,   /* sum of ranks, 1 = best; lower is better */
  CA_COMPOSITE_ZSCORE_SUM, /* sum of signed z-scores; higher is better */
  CA_COMPOSITE_MINMAX_SUM, /* sum of signed min–max scores; higher is better */
} CaCompositeMethod;

typedef enum
{
  CA_CLASSIFY_MANUAL,
  CA_CLASSIFY_EQUAL_INTERVAL,
  CA_CLASSIFY_QUANTILE,
  CA_CLASSIFY_JENKS,
  CA_CLASSIFY_STDDEV,
} CaClassifyMethod;

typedef enum
{
  CA_CLUSTER_SECTORAL,
  CA_CLUSTER_CROSS_SECTORAL,
} CaClusterType;

/* Languages the data and figures carry text in. */
typedef enum
{
  CA_LANG_RU,
  CA_LANG_KK,
  CA_LANG_EN,
} CaLang;

/* What a change to the dataset touched; the analysis re-runs only what
 * depends on it. */
typedef enum
{
  CA_CHANGE_VALUES = 1 << 0,     /* Table 1 values or the region row */
  CA_CHANGE_INDUSTRY = 1 << 1,   /* industry matrix or published LQs */
  CA_CHANGE_SETTINGS = 1 << 2,   /* threshold, composite method, breaks */
  CA_CHANGE_CLUSTERS = 1 << 3,   /* cluster definitions or members */
  CA_CHANGE_GRAPH = 1 << 4,      /* the Fig. 5 organisational graph */
  CA_CHANGE_METADATA = 1 << 5,   /* names, units, indicator metadata */
  CA_CHANGE_ALL = 0x3f,
} CaChangeFlags;

typedef struct _CaDataset CaDataset;
typedef struct _CaAnalysis CaAnalysis;
typedef struct _CaLayer CaLayer;
typedef struct _CaProjection CaProjection;

const char *ca_lang_to_string (CaLang lang);
gboolean    ca_lang_from_string (const char *str,
                                 CaLang     *lang);

G_END_DECLS
