/* ca-map-view-tooltip.c — what the map view says about the unit under the
 * pointer: the same value and class the figure colours it by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-classify.h"
#include "ca-figure.h"
#include "ca-map-view-private.h"

static const char *
favourability_name (CaFavourability type)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return _("Favourable");
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return _("Less favourable");
    case CA_FAVOURABILITY_UNFAVOURABLE:
      return _("Unfavourable");
    case CA_FAVOURABILITY_UNKNOWN:
    default:
      return _("Not typed (no data)");
    }
}

static char *
describe_favourability (CaAnalysis *analysis,
                        guint       unit)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  double composite = ca_analysis_get_composite (analysis)[unit];
  const char *type = favourability_name (ca_analysis_get_types (analysis)[unit]);

  if (isnan (composite))
    return g_markup_printf_escaped ("%s", type);
  switch (ca_dataset_get_composite_method (dataset))
    {
    case CA_COMPOSITE_RANK_SUM:
      return g_markup_printf_escaped (_("%s\nSum of ranks: %g (lower is better)"), type, composite);
    case CA_COMPOSITE_ZSCORE_SUM:
      return g_markup_printf_escaped (_("%s\nSum of z-scores: %.2f"), type, composite);
    case CA_COMPOSITE_MINMAX_SUM:
    default:
      return g_markup_printf_escaped (_("%s\nSum of min–max scores: %.2f"), type, composite);
    }
}

/* The class the figure puts @unit's value in, as "Class 2 of 4 (1.0 – 2.2)". */
static char *
describe_class (CaDataset *dataset,
                guint      indicator,
                double     value)
{
  const CaIndicator *info = ca_dataset_get_indicator (dataset, indicator);
  guint n_units = ca_dataset_get_n_units (dataset);
  g_autofree double *values = g_new (double, n_units);
  g_autoptr(CaClassification) classes = NULL;
  g_autofree char *range = NULL;
  int k;

  for (guint i = 0; i < n_units; i++)
    values[i] = ca_dataset_get_value (dataset, i, indicator);
  classes = ca_classify (values, n_units, info->classes.method, info->classes.n_classes,
                         info->classes.method == CA_CLASSIFY_MANUAL ? info->classes.breaks : NULL,
                         NULL);
  if (classes == NULL)
    return NULL;
  k = ca_classification_class_of (classes, value);
  if (k < 0)
    return NULL;
  range = ca_classification_label (classes, (guint) k, -1);
  return g_strdup_printf (_("Class %d of %u (%s)"), k + 1, classes->n_classes, range);
}

static char *
describe_indicator (CaAnalysis *analysis,
                    guint       indicator,
                    guint       unit,
                    CaLang      lang)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  const CaIndicator *info = ca_dataset_get_indicator (dataset, indicator);
  guint n_indicators = ca_dataset_get_n_indicators (dataset);
  double value = ca_dataset_get_value (dataset, unit, indicator);
  double rank = ca_analysis_get_ranks (analysis)[unit * n_indicators + indicator];
  g_autofree char *class_text = NULL;

  if (isnan (value))
    return g_markup_printf_escaped (_("%s: no data"), ca_text_get (&info->name, lang));
  class_text = describe_class (dataset, indicator, value);
  return g_markup_printf_escaped (_("%s: %g %s\n%s\nRank %g of %u"),
                                  ca_text_get (&info->name, lang), value,
                                  ca_text_get (&info->unit, lang),
                                  class_text ? class_text : "",
                                  rank, ca_dataset_get_n_units (dataset));
}

static char *
describe_clusters (CaDataset *dataset,
                   guint      unit,
                   CaLang     lang)
{
  const CaUnit *info = ca_dataset_get_unit (dataset, unit);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ca_dataset_get_n_clusters (dataset); i++)
    {
      const CaCluster *cluster = ca_dataset_get_cluster (dataset, i);
      g_autofree char *name = NULL;

      if (!ca_cluster_has_member (cluster, info->code))
        continue;
      name = g_markup_escape_text (ca_text_get (&cluster->name, lang), -1);
      g_string_append_printf (text, "%s• %s", text->len > 0 ? "\n" : "", name);
    }
  if (text->len == 0)
    return g_markup_escape_text (_("Not part of a potential cluster"), -1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ca_map_view_describe_unit (CaAnalysis *analysis,
                           const char *figure_id,
                           guint       unit,
                           CaLang      lang)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  int indicator;

  if (unit >= ca_dataset_get_n_units (dataset))
    return NULL;
  name = g_markup_escape_text (ca_text_get (&ca_dataset_get_unit (dataset, unit)->name, lang), -1);

  if (g_strcmp0 (figure_id, CA_FIGURE_FAVOURABILITY) == 0)
    detail = describe_favourability (analysis, unit);
  else if (g_strcmp0 (figure_id, CA_FIGURE_CLUSTERS) == 0)
    detail = describe_clusters (dataset, unit, lang);
  else if ((indicator = ca_dataset_find_indicator (dataset, figure_id)) >= 0)
    detail = describe_indicator (analysis, (guint) indicator, unit, lang);

  if (detail == NULL)
    return g_strdup_printf ("<b>%s</b>", name);
  return g_strdup_printf ("<b>%s</b>\n%s", name, detail);
}
