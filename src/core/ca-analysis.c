/* ca-analysis.c
 *
 * The stages form a chain: values → Stage 1; industry data → Stage 2;
 * Stages 1 and 2 and the clusters → Stage 3. Each stage keeps a "stale"
 * flag set from the dataset's change flags and is re-run only when a
 * getter needs it, so an edit costs only the stages it reaches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-analysis.h"
#include "ca-rank-score.h"

struct _CaAnalysis
{
  GObject          parent_instance;

  CaDataset       *dataset;

  /* Stage 1 */
  gboolean         stage1_stale;
  GArray          *composite;    /* double per unit */
  GArray          *ranks;        /* double per unit × indicator */
  GArray          *types;        /* CaFavourability per unit */
  double           breaks[2];
  CaCompositeMethod used_method; /* what the results were computed with */
  double           used_breaks[2];
  gboolean         used_default_breaks;

  /* Stage 2 */
  gboolean         stage2_stale;
  CaMatrix        *lq;
  gboolean         lq_computed;
  char            *lq_problem;
  GPtrArray       *column_ids;   /* char* (or NULL) per LQ column */
  GPtrArray       *specialisations; /* GArray* per unit */
  double           used_threshold;

  /* Stage 3 */
  gboolean         stage3_stale;
  GPtrArray       *proposals;

  guint            runs[3];
};

G_DEFINE_FINAL_TYPE (CaAnalysis, ca_analysis, G_TYPE_OBJECT)

static void
mark_stale (CaAnalysis *self,
            guint       flags)
{
  if (flags & (CA_CHANGE_VALUES | CA_CHANGE_METADATA))
    self->stage1_stale = TRUE;
  if (flags & (CA_CHANGE_INDUSTRY | CA_CHANGE_METADATA))
    self->stage2_stale = TRUE;
  if (flags & CA_CHANGE_SETTINGS)
    {
      /* Settings cover several stages and the figures' classifications:
       * look at what the stages actually used. */
      CaCompositeMethod method = ca_dataset_get_composite_method (self->dataset);
      const double *breaks = ca_dataset_get_composite_breaks (self->dataset, method);

      if (method != self->used_method || (breaks == NULL) != self->used_default_breaks ||
          (breaks != NULL && memcmp (breaks, self->used_breaks, sizeof self->used_breaks) != 0))
        self->stage1_stale = TRUE;
      if (ca_dataset_get_lq_threshold (self->dataset) != self->used_threshold)
        self->stage2_stale = TRUE;
    }
  if (self->stage1_stale || self->stage2_stale ||
      (flags & (CA_CHANGE_CLUSTERS | CA_CHANGE_METADATA)))
    self->stage3_stale = TRUE;
}

static void
on_dataset_changed (CaDataset  *dataset,
                    guint       flags,
                    CaAnalysis *self)
{
  mark_stale (self, flags);
}

static void
ca_analysis_dispose (GObject *object)
{
  CaAnalysis *self = CA_ANALYSIS (object);

  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (ca_analysis_parent_class)->dispose (object);
}

static void
ca_analysis_finalize (GObject *object)
{
  CaAnalysis *self = CA_ANALYSIS (object);

  g_array_unref (self->composite);
  g_array_unref (self->ranks);
  g_array_unref (self->types);
  g_clear_pointer (&self->lq, ca_matrix_free);
  g_clear_pointer (&self->lq_problem, g_free);
  g_ptr_array_unref (self->column_ids);
  g_ptr_array_unref (self->specialisations);
  g_ptr_array_unref (self->proposals);

  G_OBJECT_CLASS (ca_analysis_parent_class)->finalize (object);
}

static void
ca_analysis_class_init (CaAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ca_analysis_dispose;
  object_class->finalize = ca_analysis_finalize;
}

static void
ca_analysis_init (CaAnalysis *self)
{
  self->composite = g_array_new (FALSE, TRUE, sizeof (double));
  self->ranks = g_array_new (FALSE, TRUE, sizeof (double));
  self->types = g_array_new (FALSE, TRUE, sizeof (CaFavourability));
  self->column_ids = g_ptr_array_new_with_free_func (g_free);
  self->specialisations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_finder_proposal_free);
  self->stage1_stale = self->stage2_stale = self->stage3_stale = TRUE;
}

CaAnalysis *
ca_analysis_new (CaDataset *dataset)
{
  CaAnalysis *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  self = g_object_new (CA_TYPE_ANALYSIS, NULL);
  self->dataset = g_object_ref (dataset);
  g_signal_connect_object (dataset, "changed", G_CALLBACK (on_dataset_changed), self, 0);
  return self;
}

CaDataset *
ca_analysis_get_dataset (CaAnalysis *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  return self->dataset;
}

/* Stage 1 */

static void
run_stage1 (CaAnalysis *self)
{
  guint n_units = ca_dataset_get_n_units (self->dataset);
  guint n_ind = ca_dataset_get_n_indicators (self->dataset);
  g_autofree double *values = g_new (double, MAX (1, n_units * n_ind));
  g_autofree gboolean *higher = g_new (gboolean, MAX (1, n_ind));
  CaCompositeMethod method = ca_dataset_get_composite_method (self->dataset);
  const double *breaks = ca_dataset_get_composite_breaks (self->dataset, method);

  for (guint i = 0; i < n_ind; i++)
    higher[i] = ca_dataset_get_indicator (self->dataset, i)->higher_is_better;
  for (guint u = 0; u < n_units; u++)
    for (guint i = 0; i < n_ind; i++)
      values[u * n_ind + i] = ca_dataset_get_value (self->dataset, u, i);

  g_array_set_size (self->composite, n_units);
  g_array_set_size (self->ranks, n_units * n_ind);
  g_array_set_size (self->types, n_units);
  if (n_units > 0)
    ca_composite_compute (method, values, n_units, n_ind, higher,
                          (double *) self->composite->data, (double *) self->ranks->data);

  if (breaks != NULL)
    memcpy (self->breaks, breaks, sizeof self->breaks);
  else if (n_units > 0)
    ca_composite_default_breaks (method, (double *) self->composite->data, n_units, self->breaks);
  else
    self->breaks[0] = self->breaks[1] = NAN;

  if (n_units > 0)
    ca_composite_typify (method, (double *) self->composite->data, n_units, self->breaks,
                         (CaFavourability *) self->types->data);

  self->used_method = method;
  self->used_default_breaks = breaks == NULL;
  if (breaks != NULL)
    memcpy (self->used_breaks, breaks, sizeof self->used_breaks);
  self->stage1_stale = FALSE;
  self->runs[0]++;
}

static void
ensure_stage1 (CaAnalysis *self)
{
  if (self->stage1_stale)
    run_stage1 (self);
}

const double *
ca_analysis_get_composite (CaAnalysis *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage1 (self);
  return (const double *) self->composite->data;
}

const double *
ca_analysis_get_ranks (CaAnalysis *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage1 (self);
  return (const double *) self->ranks->data;
}

const CaFavourability *
ca_analysis_get_types (CaAnalysis *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage1 (self);
  return (const CaFavourability *) self->types->data;
}

void
ca_analysis_get_breaks (CaAnalysis *self,
                        double      breaks[2])
{
  g_return_if_fail (CA_IS_ANALYSIS (self));
  ensure_stage1 (self);
  breaks[0] = self->breaks[0];
  breaks[1] = self->breaks[1];
}

/* Stage 2 */

/* The dataset industry a matrix column stands for: by id, else by a name
 * in any language, ignoring case — CSV headers are written by people. */
static const char *
match_industry (CaDataset  *dataset,
                const char *column)
{
  g_autofree char *folded = g_utf8_casefold (column, -1);
  guint n = ca_dataset_get_n_industries (dataset);

  for (guint k = 0; k < n; k++)
    {
      const CaIndustry *industry = ca_dataset_get_industry (dataset, k);
      const char *names[] = { industry->id, industry->name.ru, industry->name.kk, industry->name.en };

      for (guint m = 0; m < G_N_ELEMENTS (names); m++)
        {
          g_autofree char *candidate = names[m] ? g_utf8_casefold (names[m], -1) : NULL;

          if (candidate != NULL && strcmp (candidate, folded) == 0)
            return industry->id;
        }
    }
  return NULL;
}

static void
choose_lq (CaAnalysis *self)
{
  const CaMatrix *matrix = ca_dataset_get_industry_matrix (self->dataset);
  const CaMatrix *published = ca_dataset_get_published_lq (self->dataset);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->lq, ca_matrix_free);
  g_clear_pointer (&self->lq_problem, g_free);
  self->lq_computed = FALSE;

  if (matrix != NULL)
    {
      self->lq = ca_location_quotients (matrix, &error);
      if (self->lq != NULL)
        self->lq_computed = TRUE;
      else
        self->lq_problem = g_strdup (error->message);
    }
  if (self->lq == NULL && published != NULL)
    self->lq = ca_matrix_copy (published);
  if (self->lq == NULL)
    self->lq = ca_matrix_new (ca_dataset_get_n_units (self->dataset), 0);
}

static void
run_stage2 (CaAnalysis *self)
{
  double threshold = ca_dataset_get_lq_threshold (self->dataset);

  choose_lq (self);

  g_ptr_array_set_size (self->column_ids, 0);
  for (guint j = 0; j < self->lq->industries->len; j++)
    g_ptr_array_add (self->column_ids,
                     g_strdup (match_industry (self->dataset, self->lq->industries->pdata[j])));

  g_ptr_array_set_size (self->specialisations, 0);
  for (guint u = 0; u < self->lq->n_units; u++)
    g_ptr_array_add (self->specialisations, ca_specialisations (self->lq, u, threshold));

  self->used_threshold = threshold;
  self->stage2_stale = FALSE;
  self->runs[1]++;
}

static void
ensure_stage2 (CaAnalysis *self)
{
  if (self->stage2_stale)
    run_stage2 (self);
}

const CaMatrix *
ca_analysis_get_lq (CaAnalysis *self,
                    gboolean   *computed)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage2 (self);
  if (computed != NULL)
    *computed = self->lq_computed;
  return self->lq;
}

const char *
ca_analysis_get_lq_problem (CaAnalysis *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage2 (self);
  return self->lq_problem;
}

GArray *
ca_analysis_get_specialisations (CaAnalysis *self,
                                 guint       unit)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage2 (self);
  g_return_val_if_fail (unit < self->specialisations->len, NULL);
  return g_ptr_array_index (self->specialisations, unit);
}

const char *
ca_analysis_get_lq_industry_id (CaAnalysis *self,
                                guint       column)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage2 (self);
  g_return_val_if_fail (column < self->column_ids->len, NULL);
  return g_ptr_array_index (self->column_ids, column);
}

const char *
ca_analysis_get_lq_industry_name (CaAnalysis *self,
                                  guint       column,
                                  CaLang      lang)
{
  const char *id;
  int industry;

  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  id = ca_analysis_get_lq_industry_id (self, column);
  industry = id != NULL ? ca_dataset_find_industry (self->dataset, id) : -1;
  if (industry >= 0)
    return ca_text_get (&ca_dataset_get_industry (self->dataset, (guint) industry)->name, lang);
  return self->lq->industries->pdata[column];
}

/* Stage 3 */

static void
run_stage3 (CaAnalysis *self)
{
  const CaFavourability *types = ca_analysis_get_types (self);
  const CaMatrix *lq = ca_analysis_get_lq (self, NULL);
  g_autoptr(GPtrArray) proposals = NULL;

  /* The finder names columns by industry id; hand it the matched ids. */
  g_autoptr(CaMatrix) by_id = ca_matrix_copy (lq);
  for (guint j = 0; j < by_id->industries->len; j++)
    {
      const char *id = g_ptr_array_index (self->column_ids, j);

      if (id != NULL)
        {
          g_free (by_id->industries->pdata[j]);
          by_id->industries->pdata[j] = g_strdup (id);
        }
    }

  proposals = ca_find_clusters (self->dataset, types, by_id, self->used_threshold);
  g_ptr_array_set_size (self->proposals, 0);
  g_ptr_array_extend_and_steal (self->proposals, g_steal_pointer (&proposals));
  self->stage3_stale = FALSE;
  self->runs[2]++;
}

GPtrArray *
ca_analysis_get_proposals (CaAnalysis *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS (self), NULL);
  ensure_stage1 (self);
  ensure_stage2 (self);
  if (self->stage3_stale)
    run_stage3 (self);
  return self->proposals;
}

void
ca_analysis_update (CaAnalysis *self)
{
  g_return_if_fail (CA_IS_ANALYSIS (self));
  ca_analysis_get_proposals (self);
}

void
ca_analysis_get_run_counts (CaAnalysis *self,
                            guint      *stage1,
                            guint      *stage2,
                            guint      *stage3)
{
  g_return_if_fail (CA_IS_ANALYSIS (self));
  *stage1 = self->runs[0];
  *stage2 = self->runs[1];
  *stage3 = self->runs[2];
}
