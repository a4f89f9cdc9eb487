/* ca-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ca-classify.h"
#include "ca-dataset.h"

G_DEFINE_QUARK (ca-dataset-error-quark, ca_dataset_error)

struct _CaDataset
{
  GObject     parent_instance;

  CaText      title;
  CaText      source;
  GArray     *units;          /* of CaUnit */
  GArray     *indicators;     /* of CaIndicator */
  /* values[u * n_indicators + i]; rebuilt when units or indicators are added */
  GArray     *values;         /* of double */
  GArray     *region_values;  /* of double, one per indicator */
  GArray     *industries;     /* of CaIndustry */
  CaMatrix   *published_lq;
  CaMatrix   *industry_matrix;
  double      lq_threshold;
  CaCompositeMethod composite_method;
  double      composite_breaks[3][2];
  gboolean    has_composite_breaks[3];
  double      reference_range[CA_N_FAVOURABILITY][2];
  GPtrArray  *clusters;       /* of CaCluster* */
  CaOrgGraph *org_graph;
  char       *boundary_path;
  char       *join_field;
  char       *map_crs;

  guint       freeze_count;
  guint       pending_flags;
};

G_DEFINE_FINAL_TYPE (CaDataset, ca_dataset, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Plain-struct helpers */

void
ca_unit_clear (CaUnit *unit)
{
  g_clear_pointer (&unit->code, g_free);
  g_clear_pointer (&unit->gb_name, g_free);
  ca_text_clear (&unit->name);
  ca_text_clear (&unit->centre);
}

void
ca_indicator_clear (CaIndicator *indicator)
{
  g_clear_pointer (&indicator->id, g_free);
  g_clear_pointer (&indicator->year, g_free);
  ca_text_clear (&indicator->name);
  ca_text_clear (&indicator->unit);
}

void
ca_industry_clear (CaIndustry *industry)
{
  g_clear_pointer (&industry->id, g_free);
  ca_text_clear (&industry->name);
}

static void
unit_copy (CaUnit       *dest,
           const CaUnit *src)
{
  *dest = (CaUnit) { 0 };
  dest->code = g_strdup (src->code);
  dest->gb_name = g_strdup (src->gb_name);
  ca_text_copy (&dest->name, &src->name);
  ca_text_copy (&dest->centre, &src->centre);
}

static void
indicator_copy (CaIndicator       *dest,
                const CaIndicator *src)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->year = g_strdup (src->year);
  dest->name = (CaText) { 0 };
  dest->unit = (CaText) { 0 };
  ca_text_copy (&dest->name, &src->name);
  ca_text_copy (&dest->unit, &src->unit);
}

static void
industry_copy (CaIndustry       *dest,
               const CaIndustry *src)
{
  *dest = (CaIndustry) { 0 };
  dest->id = g_strdup (src->id);
  ca_text_copy (&dest->name, &src->name);
}

CaMatrix *
ca_matrix_new (guint n_units,
               guint n_industries)
{
  CaMatrix *matrix = g_new0 (CaMatrix, 1);

  matrix->industries = g_ptr_array_new_with_free_func (g_free);
  for (guint j = 0; j < n_industries; j++)
    g_ptr_array_add (matrix->industries, g_strdup (""));
  matrix->n_units = n_units;
  matrix->values = g_new (double, (gsize) MAX (1, n_units * n_industries));
  for (guint k = 0; k < n_units * n_industries; k++)
    matrix->values[k] = NAN;
  return matrix;
}

CaMatrix *
ca_matrix_copy (const CaMatrix *matrix)
{
  CaMatrix *copy;

  if (matrix == NULL)
    return NULL;
  copy = ca_matrix_new (matrix->n_units, matrix->industries->len);
  for (guint j = 0; j < matrix->industries->len; j++)
    {
      g_free (copy->industries->pdata[j]);
      copy->industries->pdata[j] = g_strdup (matrix->industries->pdata[j]);
    }
  memcpy (copy->values, matrix->values,
          sizeof (double) * matrix->n_units * matrix->industries->len);
  return copy;
}

void
ca_matrix_free (CaMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_ptr_array_unref (matrix->industries);
  g_free (matrix->values);
  g_free (matrix);
}

double
ca_matrix_get (const CaMatrix *matrix,
               guint           unit,
               guint           industry)
{
  g_return_val_if_fail (unit < matrix->n_units && industry < matrix->industries->len, NAN);
  return matrix->values[unit * matrix->industries->len + industry];
}

void
ca_matrix_set (CaMatrix *matrix,
               guint     unit,
               guint     industry,
               double    value)
{
  g_return_if_fail (unit < matrix->n_units && industry < matrix->industries->len);
  matrix->values[unit * matrix->industries->len + industry] = value;
}

static void
cluster_member_clear (gpointer data)
{
  CaClusterMember *member = data;

  g_clear_pointer (&member->code, g_free);
  ca_text_clear (&member->reason);
}

static void
text_free (gpointer data)
{
  CaText *text = data;

  ca_text_clear (text);
  g_free (text);
}

CaCluster *
ca_cluster_new (const char    *id,
                CaClusterType  type)
{
  CaCluster *cluster = g_new0 (CaCluster, 1);

  cluster->id = g_strdup (id);
  cluster->type = type;
  cluster->centres = g_ptr_array_new_with_free_func (text_free);
  cluster->members = g_array_new (FALSE, TRUE, sizeof (CaClusterMember));
  g_array_set_clear_func (cluster->members, cluster_member_clear);
  cluster->industries = g_ptr_array_new_with_free_func (g_free);
  return cluster;
}

void
ca_cluster_free (CaCluster *cluster)
{
  if (cluster == NULL)
    return;
  g_free (cluster->id);
  ca_text_clear (&cluster->name);
  g_ptr_array_unref (cluster->centres);
  g_array_unref (cluster->members);
  g_ptr_array_unref (cluster->industries);
  g_free (cluster);
}

static CaCluster *
cluster_copy (const CaCluster *src)
{
  CaCluster *cluster = ca_cluster_new (src->id, src->type);

  ca_text_copy (&cluster->name, &src->name);
  for (guint i = 0; i < src->centres->len; i++)
    {
      CaText *centre = g_new0 (CaText, 1);

      ca_text_copy (centre, g_ptr_array_index (src->centres, i));
      g_ptr_array_add (cluster->centres, centre);
    }
  for (guint i = 0; i < src->members->len; i++)
    {
      const CaClusterMember *from = &g_array_index (src->members, CaClusterMember, i);
      CaClusterMember member = { g_strdup (from->code), { 0 } };

      ca_text_copy (&member.reason, &from->reason);
      g_array_append_val (cluster->members, member);
    }
  for (guint i = 0; i < src->industries->len; i++)
    g_ptr_array_add (cluster->industries, g_strdup (g_ptr_array_index (src->industries, i)));
  return cluster;
}

static int
cluster_find_member (const CaCluster *cluster,
                     const char      *code)
{
  for (guint i = 0; i < cluster->members->len; i++)
    if (g_strcmp0 (g_array_index (cluster->members, CaClusterMember, i).code, code) == 0)
      return (int) i;
  return -1;
}

gboolean
ca_cluster_has_member (const CaCluster *cluster,
                       const char      *code)
{
  return cluster_find_member (cluster, code) >= 0;
}

gboolean
ca_cluster_has_industry (const CaCluster *cluster,
                         const char      *industry_id)
{
  for (guint i = 0; i < cluster->industries->len; i++)
    if (g_strcmp0 (g_ptr_array_index (cluster->industries, i), industry_id) == 0)
      return TRUE;
  return FALSE;
}

const char *
ca_cluster_type_to_string (CaClusterType type)
{
  return type == CA_CLUSTER_CROSS_SECTORAL ? "cross-sectoral" : "sectoral";
}

static void
org_node_clear (gpointer data)
{
  CaOrgNode *node = data;

  g_clear_pointer (&node->id, g_free);
  g_clear_pointer (&node->territory, g_free);
  ca_text_clear (&node->label);
}

static void
org_link_clear (gpointer data)
{
  CaOrgLink *link = data;

  g_clear_pointer (&link->from, g_free);
  g_clear_pointer (&link->to, g_free);
}

CaOrgGraph *
ca_org_graph_new (void)
{
  CaOrgGraph *graph = g_new0 (CaOrgGraph, 1);

  graph->nodes = g_array_new (FALSE, TRUE, sizeof (CaOrgNode));
  g_array_set_clear_func (graph->nodes, org_node_clear);
  graph->links = g_array_new (FALSE, TRUE, sizeof (CaOrgLink));
  g_array_set_clear_func (graph->links, org_link_clear);
  return graph;
}

CaOrgGraph *
ca_org_graph_copy (const CaOrgGraph *src)
{
  CaOrgGraph *graph;

  if (src == NULL)
    return NULL;
  graph = ca_org_graph_new ();
  graph->cluster_id = g_strdup (src->cluster_id);
  ca_text_copy (&graph->title, &src->title);
  for (guint i = 0; i < src->nodes->len; i++)
    {
      const CaOrgNode *from = &g_array_index (src->nodes, CaOrgNode, i);
      CaOrgNode node = *from;

      node.id = g_strdup (from->id);
      node.territory = g_strdup (from->territory);
      node.label = (CaText) { 0 };
      ca_text_copy (&node.label, &from->label);
      g_array_append_val (graph->nodes, node);
    }
  for (guint i = 0; i < src->links->len; i++)
    {
      const CaOrgLink *from = &g_array_index (src->links, CaOrgLink, i);
      CaOrgLink link = { g_strdup (from->from), g_strdup (from->to), from->kind };

      g_array_append_val (graph->links, link);
    }
  return graph;
}

void
ca_org_graph_free (CaOrgGraph *graph)
{
  if (graph == NULL)
    return;
  g_free (graph->cluster_id);
  ca_text_clear (&graph->title);
  g_array_unref (graph->nodes);
  g_array_unref (graph->links);
  g_free (graph);
}

int
ca_org_graph_find_node (const CaOrgGraph *graph,
                        const char       *id)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    if (g_strcmp0 (g_array_index (graph->nodes, CaOrgNode, i).id, id) == 0)
      return (int) i;
  return -1;
}

/* The object */

static void
emit_changed (CaDataset *self,
              guint      flags)
{
  if (self->freeze_count > 0)
    {
      self->pending_flags |= flags;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0, flags);
}

void
ca_dataset_freeze_changed (CaDataset *self)
{
  g_return_if_fail (CA_IS_DATASET (self));
  self->freeze_count++;
}

void
ca_dataset_thaw_changed (CaDataset *self)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->pending_flags != 0)
    {
      guint flags = self->pending_flags;

      self->pending_flags = 0;
      g_signal_emit (self, signals[CHANGED], 0, flags);
    }
}

static void
clear_contents (CaDataset *self)
{
  ca_text_clear (&self->title);
  ca_text_clear (&self->source);
  g_array_set_size (self->units, 0);
  g_array_set_size (self->indicators, 0);
  g_array_set_size (self->values, 0);
  g_array_set_size (self->region_values, 0);
  g_array_set_size (self->industries, 0);
  g_clear_pointer (&self->published_lq, ca_matrix_free);
  g_clear_pointer (&self->industry_matrix, ca_matrix_free);
  g_ptr_array_set_size (self->clusters, 0);
  g_clear_pointer (&self->org_graph, ca_org_graph_free);
  g_clear_pointer (&self->boundary_path, g_free);
  g_clear_pointer (&self->join_field, g_free);
  g_clear_pointer (&self->map_crs, g_free);
}

static void
ca_dataset_finalize (GObject *object)
{
  CaDataset *self = CA_DATASET (object);

  clear_contents (self);
  g_array_unref (self->units);
  g_array_unref (self->indicators);
  g_array_unref (self->values);
  g_array_unref (self->region_values);
  g_array_unref (self->industries);
  g_ptr_array_unref (self->clusters);

  G_OBJECT_CLASS (ca_dataset_parent_class)->finalize (object);
}

static void
ca_dataset_class_init (CaDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ca_dataset_finalize;

  /**
   * CaDataset::changed:
   * @flags: the #CaChangeFlags of what changed
   *
   * Emitted after every accepted edit (once per freeze/thaw batch).
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
ca_dataset_init (CaDataset *self)
{
  self->units = g_array_new (FALSE, TRUE, sizeof (CaUnit));
  g_array_set_clear_func (self->units, (GDestroyNotify) ca_unit_clear);
  self->indicators = g_array_new (FALSE, TRUE, sizeof (CaIndicator));
  g_array_set_clear_func (self->indicators, (GDestroyNotify) ca_indicator_clear);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  self->region_values = g_array_new (FALSE, TRUE, sizeof (double));
  self->industries = g_array_new (FALSE, TRUE, sizeof (CaIndustry));
  g_array_set_clear_func (self->industries, (GDestroyNotify) ca_industry_clear);
  self->clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_cluster_free);
  self->lq_threshold = 1.0;
  self->composite_method = CA_COMPOSITE_RANK_SUM;
  for (guint t = 0; t < CA_N_FAVOURABILITY; t++)
    self->reference_range[t][0] = self->reference_range[t][1] = NAN;
}

CaDataset *
ca_dataset_new (void)
{
  return g_object_new (CA_TYPE_DATASET, NULL);
}

static void
copy_contents (CaDataset *dest,
               CaDataset *src)
{
  ca_text_copy (&dest->title, &src->title);
  ca_text_copy (&dest->source, &src->source);
  for (guint i = 0; i < src->units->len; i++)
    {
      CaUnit unit;

      unit_copy (&unit, &g_array_index (src->units, CaUnit, i));
      g_array_append_val (dest->units, unit);
    }
  for (guint i = 0; i < src->indicators->len; i++)
    {
      CaIndicator indicator;

      indicator_copy (&indicator, &g_array_index (src->indicators, CaIndicator, i));
      g_array_append_val (dest->indicators, indicator);
    }
  g_array_append_vals (dest->values, src->values->data, src->values->len);
  g_array_append_vals (dest->region_values, src->region_values->data, src->region_values->len);
  for (guint i = 0; i < src->industries->len; i++)
    {
      CaIndustry industry;

      industry_copy (&industry, &g_array_index (src->industries, CaIndustry, i));
      g_array_append_val (dest->industries, industry);
    }
  dest->published_lq = ca_matrix_copy (src->published_lq);
  dest->industry_matrix = ca_matrix_copy (src->industry_matrix);
  dest->lq_threshold = src->lq_threshold;
  dest->composite_method = src->composite_method;
  memcpy (dest->composite_breaks, src->composite_breaks, sizeof src->composite_breaks);
  memcpy (dest->has_composite_breaks, src->has_composite_breaks, sizeof src->has_composite_breaks);
  memcpy (dest->reference_range, src->reference_range, sizeof src->reference_range);
  for (guint i = 0; i < src->clusters->len; i++)
    g_ptr_array_add (dest->clusters, cluster_copy (g_ptr_array_index (src->clusters, i)));
  dest->org_graph = ca_org_graph_copy (src->org_graph);
  dest->boundary_path = g_strdup (src->boundary_path);
  dest->join_field = g_strdup (src->join_field);
  dest->map_crs = g_strdup (src->map_crs);
}

CaDataset *
ca_dataset_copy (CaDataset *self)
{
  CaDataset *copy;

  g_return_val_if_fail (CA_IS_DATASET (self), NULL);

  copy = ca_dataset_new ();
  copy_contents (copy, self);
  return copy;
}

void
ca_dataset_assign (CaDataset *self,
                   CaDataset *source)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (CA_IS_DATASET (source));

  if (self == source)
    return;
  clear_contents (self);
  copy_contents (self, source);
  emit_changed (self, CA_CHANGE_ALL);
}

const CaText *
ca_dataset_get_title (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return &self->title;
}

const CaText *
ca_dataset_get_source (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return &self->source;
}

void
ca_dataset_set_title (CaDataset    *self,
                      const CaText *title)
{
  g_return_if_fail (CA_IS_DATASET (self));
  ca_text_copy (&self->title, title);
  emit_changed (self, CA_CHANGE_METADATA);
}

void
ca_dataset_set_source (CaDataset    *self,
                       const CaText *source)
{
  g_return_if_fail (CA_IS_DATASET (self));
  ca_text_copy (&self->source, source);
  emit_changed (self, CA_CHANGE_METADATA);
}

/* Units */

guint
ca_dataset_get_n_units (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->units->len;
}

const CaUnit *
ca_dataset_get_unit (CaDataset *self,
                     guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->units->len, NULL);
  return &g_array_index (self->units, CaUnit, index);
}

int
ca_dataset_find_unit (CaDataset  *self,
                      const char *code)
{
  g_return_val_if_fail (CA_IS_DATASET (self), -1);

  for (guint i = 0; i < self->units->len; i++)
    if (g_strcmp0 (g_array_index (self->units, CaUnit, i).code, code) == 0)
      return (int) i;
  return -1;
}

/* Adding a unit or an indicator changes the shape of the value table:
 * rebuild it, keeping what was there and filling the new cells with NAN. */
static void
reshape_values (CaDataset *self,
                guint      old_units,
                guint      old_indicators)
{
  guint n_units = self->units->len;
  guint n_ind = self->indicators->len;
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_units * n_ind);

  for (guint u = 0; u < n_units; u++)
    for (guint i = 0; i < n_ind; i++)
      {
        double v = NAN;

        if (u < old_units && i < old_indicators)
          v = g_array_index (self->values, double, u * old_indicators + i);
        g_array_append_val (values, v);
      }
  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values->data, values->len);
}

static CaMatrix *
matrix_add_row (CaMatrix *matrix)
{
  CaMatrix *grown;

  if (matrix == NULL)
    return NULL;
  grown = ca_matrix_new (matrix->n_units + 1, matrix->industries->len);
  for (guint j = 0; j < matrix->industries->len; j++)
    {
      g_free (grown->industries->pdata[j]);
      grown->industries->pdata[j] = g_strdup (matrix->industries->pdata[j]);
    }
  memcpy (grown->values, matrix->values,
          sizeof (double) * matrix->n_units * matrix->industries->len);
  ca_matrix_free (matrix);
  return grown;
}

guint
ca_dataset_add_unit (CaDataset    *self,
                     const CaUnit *unit)
{
  CaUnit copy;
  guint old_units;

  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  g_return_val_if_fail (unit != NULL && unit->code != NULL, 0);

  old_units = self->units->len;
  unit_copy (&copy, unit);
  g_array_append_val (self->units, copy);
  reshape_values (self, old_units, self->indicators->len);
  self->published_lq = matrix_add_row (self->published_lq);
  self->industry_matrix = matrix_add_row (self->industry_matrix);
  emit_changed (self, CA_CHANGE_METADATA | CA_CHANGE_VALUES | CA_CHANGE_INDUSTRY);
  return old_units;
}

/* Indicators and values */

guint
ca_dataset_get_n_indicators (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->indicators->len;
}

const CaIndicator *
ca_dataset_get_indicator (CaDataset *self,
                          guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return &g_array_index (self->indicators, CaIndicator, index);
}

int
ca_dataset_find_indicator (CaDataset  *self,
                           const char *id)
{
  g_return_val_if_fail (CA_IS_DATASET (self), -1);

  for (guint i = 0; i < self->indicators->len; i++)
    if (g_strcmp0 (g_array_index (self->indicators, CaIndicator, i).id, id) == 0)
      return (int) i;
  return -1;
}

guint
ca_dataset_add_indicator (CaDataset         *self,
                          const CaIndicator *indicator)
{
  CaIndicator copy;
  guint old_indicators;
  double no_data = NAN;

  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  g_return_val_if_fail (indicator != NULL && indicator->id != NULL, 0);

  old_indicators = self->indicators->len;
  indicator_copy (&copy, indicator);
  if (copy.classes.n_classes < CA_CLASSIFY_MIN_CLASSES || copy.classes.n_classes > CA_CLASSIFY_MAX_CLASSES)
    {
      copy.classes.method = CA_CLASSIFY_JENKS;
      copy.classes.n_classes = 4;
    }
  g_array_append_val (self->indicators, copy);
  reshape_values (self, self->units->len, old_indicators);
  g_array_append_val (self->region_values, no_data);
  emit_changed (self, CA_CHANGE_METADATA | CA_CHANGE_VALUES);
  return old_indicators;
}

double
ca_dataset_get_value (CaDataset *self,
                      guint      unit,
                      guint      indicator)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NAN);
  g_return_val_if_fail (unit < self->units->len, NAN);
  g_return_val_if_fail (indicator < self->indicators->len, NAN);

  return g_array_index (self->values, double, unit * self->indicators->len + indicator);
}

gboolean
ca_dataset_set_value (CaDataset *self,
                      guint      unit,
                      guint      indicator,
                      double     value,
                      GError   **error)
{
  double *slot;

  g_return_val_if_fail (CA_IS_DATASET (self), FALSE);
  g_return_val_if_fail (unit < self->units->len, FALSE);
  g_return_val_if_fail (indicator < self->indicators->len, FALSE);

  if (isinf (value))
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE,
                   _("%s, %s: an infinite value is not allowed"),
                   ca_dataset_get_unit (self, unit)->code,
                   ca_dataset_get_indicator (self, indicator)->id);
      return FALSE;
    }

  slot = &g_array_index (self->values, double, unit * self->indicators->len + indicator);
  /* Both NAN: no data before and after, nothing changed. */
  if (*slot == value || (isnan (*slot) && isnan (value)))
    return TRUE;
  *slot = value;
  emit_changed (self, CA_CHANGE_VALUES);
  return TRUE;
}

gboolean
ca_dataset_set_value_by_id (CaDataset  *self,
                            const char *code,
                            const char *indicator_id,
                            double      value,
                            GError    **error)
{
  int unit = ca_dataset_find_unit (self, code);
  int indicator = ca_dataset_find_indicator (self, indicator_id);

  if (unit < 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_UNIT,
                   _("Unknown unit code “%s”"), code);
      return FALSE;
    }
  if (indicator < 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_INDICATOR,
                   _("Unknown indicator “%s”"), indicator_id);
      return FALSE;
    }
  return ca_dataset_set_value (self, (guint) unit, (guint) indicator, value, error);
}

double
ca_dataset_get_region_value (CaDataset *self,
                             guint      indicator)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NAN);
  g_return_val_if_fail (indicator < self->region_values->len, NAN);
  return g_array_index (self->region_values, double, indicator);
}

void
ca_dataset_set_region_value (CaDataset *self,
                             guint      indicator,
                             double     value)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (indicator < self->region_values->len);

  g_array_index (self->region_values, double, indicator) = value;
  emit_changed (self, CA_CHANGE_VALUES);
}

gboolean
ca_dataset_set_class_spec (CaDataset         *self,
                           guint              indicator,
                           const CaClassSpec *spec,
                           GError           **error)
{
  CaIndicator *ind;

  g_return_val_if_fail (CA_IS_DATASET (self), FALSE);
  g_return_val_if_fail (indicator < self->indicators->len, FALSE);

  ind = &g_array_index (self->indicators, CaIndicator, indicator);
  if (spec->n_classes < CA_CLASSIFY_MIN_CLASSES || spec->n_classes > CA_CLASSIFY_MAX_CLASSES)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE,
                   _("%s: the number of classes must be between %d and %d, not %u"),
                   ind->id, CA_CLASSIFY_MIN_CLASSES, CA_CLASSIFY_MAX_CLASSES, spec->n_classes);
      return FALSE;
    }
  if (spec->method == CA_CLASSIFY_MANUAL)
    for (guint b = 0; b + 1 < spec->n_classes; b++)
      {
        if (!isfinite (spec->breaks[b]) || (b > 0 && spec->breaks[b] <= spec->breaks[b - 1]))
          {
            g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE,
                         _("%s: class breaks must be numbers in increasing order (break %u)"),
                         ind->id, b + 1);
            return FALSE;
          }
      }
  if (memcmp (&ind->classes, spec, sizeof *spec) == 0)
    return TRUE;
  ind->classes = *spec;
  emit_changed (self, CA_CHANGE_SETTINGS);
  return TRUE;
}

/* Industries */

guint
ca_dataset_get_n_industries (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->industries->len;
}

const CaIndustry *
ca_dataset_get_industry (CaDataset *self,
                         guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->industries->len, NULL);
  return &g_array_index (self->industries, CaIndustry, index);
}

int
ca_dataset_find_industry (CaDataset  *self,
                          const char *id)
{
  g_return_val_if_fail (CA_IS_DATASET (self), -1);

  for (guint i = 0; i < self->industries->len; i++)
    if (g_strcmp0 (g_array_index (self->industries, CaIndustry, i).id, id) == 0)
      return (int) i;
  return -1;
}

guint
ca_dataset_add_industry (CaDataset        *self,
                         const CaIndustry *industry)
{
  CaIndustry copy;

  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  g_return_val_if_fail (industry != NULL && industry->id != NULL, 0);

  industry_copy (&copy, industry);
  g_array_append_val (self->industries, copy);
  emit_changed (self, CA_CHANGE_METADATA);
  return self->industries->len - 1;
}

const CaMatrix *
ca_dataset_get_published_lq (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return self->published_lq;
}

void
ca_dataset_set_published_lq (CaDataset *self,
                             CaMatrix  *lq)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (lq == NULL || lq->n_units == self->units->len);

  if (lq == self->published_lq)
    return;
  g_clear_pointer (&self->published_lq, ca_matrix_free);
  self->published_lq = lq;
  emit_changed (self, CA_CHANGE_INDUSTRY);
}

const CaMatrix *
ca_dataset_get_industry_matrix (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return self->industry_matrix;
}

void
ca_dataset_set_industry_matrix (CaDataset *self,
                                CaMatrix  *matrix)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (matrix == NULL || matrix->n_units == self->units->len);

  if (matrix == self->industry_matrix)
    return;
  g_clear_pointer (&self->industry_matrix, ca_matrix_free);
  self->industry_matrix = matrix;
  emit_changed (self, CA_CHANGE_INDUSTRY);
}

/* Settings */

double
ca_dataset_get_lq_threshold (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 1.0);
  return self->lq_threshold;
}

gboolean
ca_dataset_set_lq_threshold (CaDataset *self,
                             double     threshold,
                             GError   **error)
{
  g_return_val_if_fail (CA_IS_DATASET (self), FALSE);

  if (!isfinite (threshold) || threshold < 0.0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE,
                   _("The location quotient threshold must be a number ≥ 0, not %g"), threshold);
      return FALSE;
    }
  if (threshold == self->lq_threshold)
    return TRUE;
  self->lq_threshold = threshold;
  emit_changed (self, CA_CHANGE_SETTINGS);
  return TRUE;
}

CaCompositeMethod
ca_dataset_get_composite_method (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), CA_COMPOSITE_RANK_SUM);
  return self->composite_method;
}

void
ca_dataset_set_composite_method (CaDataset         *self,
                                 CaCompositeMethod  method)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (method <= CA_COMPOSITE_MINMAX_SUM);

  if (method == self->composite_method)
    return;
  self->composite_method = method;
  emit_changed (self, CA_CHANGE_SETTINGS);
}

const double *
ca_dataset_get_composite_breaks (CaDataset         *self,
                                 CaCompositeMethod  method)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (method <= CA_COMPOSITE_MINMAX_SUM, NULL);

  return self->has_composite_breaks[method] ? self->composite_breaks[method] : NULL;
}

void
ca_dataset_set_composite_breaks (CaDataset         *self,
                                 CaCompositeMethod  method,
                                 const double       breaks[2])
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (method <= CA_COMPOSITE_MINMAX_SUM);

  if (breaks == NULL)
    {
      if (!self->has_composite_breaks[method])
        return;
      self->has_composite_breaks[method] = FALSE;
    }
  else
    {
      if (self->has_composite_breaks[method] &&
          self->composite_breaks[method][0] == breaks[0] &&
          self->composite_breaks[method][1] == breaks[1])
        return;
      self->has_composite_breaks[method] = TRUE;
      self->composite_breaks[method][0] = breaks[0];
      self->composite_breaks[method][1] = breaks[1];
    }
  emit_changed (self, CA_CHANGE_SETTINGS);
}

void
ca_dataset_get_reference_range (CaDataset       *self,
                                CaFavourability  type,
                                double          *high,
                                double          *low)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (type >= 0 && type < CA_N_FAVOURABILITY);

  *high = self->reference_range[type][0];
  *low = self->reference_range[type][1];
}

void
ca_dataset_set_reference_range (CaDataset       *self,
                                CaFavourability  type,
                                double           high,
                                double           low)
{
  g_return_if_fail (CA_IS_DATASET (self));
  g_return_if_fail (type >= 0 && type < CA_N_FAVOURABILITY);

  self->reference_range[type][0] = high;
  self->reference_range[type][1] = low;
  emit_changed (self, CA_CHANGE_METADATA);
}

/* Map settings */

#define DEFINE_STRING_SETTING(name, field)                        \
  const char *                                                    \
  ca_dataset_get_##name (CaDataset *self)                         \
  {                                                               \
    g_return_val_if_fail (CA_IS_DATASET (self), NULL);            \
    return self->field;                                           \
  }                                                               \
  void                                                            \
  ca_dataset_set_##name (CaDataset  *self,                        \
                         const char *value)                       \
  {                                                               \
    g_return_if_fail (CA_IS_DATASET (self));                      \
    if (g_strcmp0 (self->field, value) == 0)                      \
      return;                                                     \
    g_free (self->field);                                         \
    self->field = g_strdup (value);                               \
    emit_changed (self, CA_CHANGE_SETTINGS);                      \
  }

DEFINE_STRING_SETTING (boundary_path, boundary_path)
DEFINE_STRING_SETTING (join_field, join_field)
DEFINE_STRING_SETTING (map_crs, map_crs)

/* Clusters */

guint
ca_dataset_get_n_clusters (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  return self->clusters->len;
}

const CaCluster *
ca_dataset_get_cluster (CaDataset *self,
                        guint      index)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->clusters->len, NULL);
  return g_ptr_array_index (self->clusters, index);
}

int
ca_dataset_find_cluster (CaDataset  *self,
                         const char *id)
{
  g_return_val_if_fail (CA_IS_DATASET (self), -1);

  for (guint i = 0; i < self->clusters->len; i++)
    if (g_strcmp0 (((CaCluster *) g_ptr_array_index (self->clusters, i))->id, id) == 0)
      return (int) i;
  return -1;
}

guint
ca_dataset_add_cluster (CaDataset *self,
                        CaCluster *cluster)
{
  g_return_val_if_fail (CA_IS_DATASET (self), 0);
  g_return_val_if_fail (cluster != NULL, 0);

  g_ptr_array_add (self->clusters, cluster);
  emit_changed (self, CA_CHANGE_CLUSTERS);
  return self->clusters->len - 1;
}

static CaCluster *
lookup_cluster (CaDataset  *self,
                const char *cluster_id,
                GError    **error)
{
  int index = ca_dataset_find_cluster (self, cluster_id);

  if (index < 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_CLUSTER,
                   _("Unknown cluster “%s”"), cluster_id);
      return NULL;
    }
  return g_ptr_array_index (self->clusters, index);
}

gboolean
ca_dataset_add_cluster_member (CaDataset    *self,
                               const char   *cluster_id,
                               const char   *code,
                               const CaText *reason,
                               GError      **error)
{
  CaCluster *cluster;
  CaClusterMember member = { 0 };

  g_return_val_if_fail (CA_IS_DATASET (self), FALSE);

  cluster = lookup_cluster (self, cluster_id, error);
  if (cluster == NULL)
    return FALSE;
  if (ca_dataset_find_unit (self, code) < 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_UNIT,
                   _("Unknown unit code “%s”"), code);
      return FALSE;
    }
  if (ca_cluster_has_member (cluster, code))
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE,
                   _("%s is already a member of cluster “%s”"), code, cluster_id);
      return FALSE;
    }
  member.code = g_strdup (code);
  if (reason != NULL)
    ca_text_copy (&member.reason, reason);
  g_array_append_val (cluster->members, member);
  emit_changed (self, CA_CHANGE_CLUSTERS);
  return TRUE;
}

gboolean
ca_dataset_remove_cluster_member (CaDataset  *self,
                                  const char *cluster_id,
                                  const char *code,
                                  GError    **error)
{
  CaCluster *cluster;
  int index;

  g_return_val_if_fail (CA_IS_DATASET (self), FALSE);

  cluster = lookup_cluster (self, cluster_id, error);
  if (cluster == NULL)
    return FALSE;
  index = cluster_find_member (cluster, code);
  if (index < 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_UNIT,
                   _("%s is not a member of cluster “%s”"), code, cluster_id);
      return FALSE;
    }
  g_array_remove_index (cluster->members, (guint) index);
  emit_changed (self, CA_CHANGE_CLUSTERS);
  return TRUE;
}

/* Fig. 5 */

const CaOrgGraph *
ca_dataset_get_org_graph (CaDataset *self)
{
  g_return_val_if_fail (CA_IS_DATASET (self), NULL);
  return self->org_graph;
}

void
ca_dataset_set_org_graph (CaDataset  *self,
                          CaOrgGraph *graph)
{
  g_return_if_fail (CA_IS_DATASET (self));

  if (graph == self->org_graph)
    return;
  g_clear_pointer (&self->org_graph, ca_org_graph_free);
  self->org_graph = graph;
  emit_changed (self, CA_CHANGE_GRAPH);
}
