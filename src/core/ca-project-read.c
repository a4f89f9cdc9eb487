/* ca-project-read.c — the project document → a fresh CaDataset.
 *
 * Everything is checked while it is read (unknown units and indicators,
 * numbers, class counts and breaks, duplicates), and the caller gets the
 * dataset only when all of it was valid, so a bad file never half-replaces
 * what the user had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ca-classify.h"
#include "ca-project-private.h"
#include "ca-rank-score.h"

#define ROOT_ELEMENT "cluster-atlas-project"

static gboolean
read_title (CaProjectReader *reader,
            CaXmlNode       *node)
{
  CaText text = { 0 };

  ca_project_read_text (node, &text);
  ca_dataset_set_title (reader->dataset, &text);
  ca_text_clear (&text);
  return TRUE;
}

static gboolean
read_source (CaProjectReader *reader,
             CaXmlNode       *node)
{
  CaText text = { 0 };

  ca_project_read_text (node, &text);
  ca_dataset_set_source (reader->dataset, &text);
  ca_text_clear (&text);
  return TRUE;
}

static gboolean
read_unit (CaProjectReader *reader,
           CaXmlNode       *node,
           CaUnit          *unit)
{
  if (!ca_project_is (node, "unit"))
    return ca_project_reader_unexpected (reader, node);
  if (!ca_project_require_attr (reader, node, "code", &unit->code))
    return FALSE;
  if (g_hash_table_contains (reader->units, unit->code))
    return ca_project_reader_fail (reader, node, _("the unit code “%s” appears twice"), unit->code);
  unit->gb_name = ca_project_get_attr (node, "gb-name");
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      if (ca_project_is (child, "name"))
        ca_project_read_text (child, &unit->name);
      else if (ca_project_is (child, "centre"))
        ca_project_read_text (child, &unit->centre);
      else
        return ca_project_reader_unexpected (reader, child);
    }
  return TRUE;
}

static gboolean
read_units (CaProjectReader *reader,
            CaXmlNode       *units)
{
  CA_PROJECT_FOR_EACH_ELEMENT (node, units)
    {
      CaUnit unit = { 0 };
      gboolean ok = read_unit (reader, node, &unit);

      if (ok)
        {
          guint index = ca_dataset_add_unit (reader->dataset, &unit);

          g_hash_table_insert (reader->units, g_steal_pointer (&unit.code),
                               GUINT_TO_POINTER (index + 1));
        }
      ca_unit_clear (&unit);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_classes (CaProjectReader *reader,
              CaXmlNode       *node,
              CaClassSpec     *spec)
{
  g_autofree char *method = NULL;
  gint64 n_classes;
  guint n_breaks;

  *spec = (CaClassSpec) { 0 };
  if (!ca_project_require_attr (reader, node, "method", &method))
    return FALSE;
  if (!ca_classify_method_from_string (method, &spec->method))
    return ca_project_reader_fail (reader, node,
                                   _("unknown method “%s” (manual, equal-interval, quantile, "
                                     "jenks or stddev)"), method);
  if (!ca_project_int_attr (reader, node, "count", CA_CLASSIFY_MIN_CLASSES,
                            CA_CLASSIFY_MAX_CLASSES, 4, &n_classes))
    return FALSE;
  spec->n_classes = (guint) n_classes;
  if (spec->method != CA_CLASSIFY_MANUAL)
    return TRUE;
  if (!ca_project_number_list_attr (reader, node, "breaks", spec->breaks,
                                    G_N_ELEMENTS (spec->breaks), &n_breaks))
    return FALSE;
  if (n_breaks != spec->n_classes - 1)
    return ca_project_reader_fail (reader, node,
                                   _("a manual classification into %u classes needs %u breaks, "
                                     "not %u"), spec->n_classes, spec->n_classes - 1, n_breaks);
  for (guint b = 1; b < n_breaks; b++)
    if (spec->breaks[b] <= spec->breaks[b - 1])
      return ca_project_reader_fail (reader, node, _("the breaks must increase: %g after %g"),
                                     spec->breaks[b], spec->breaks[b - 1]);
  return TRUE;
}

static gboolean
read_indicator (CaProjectReader *reader,
                CaXmlNode       *node,
                CaIndicator     *indicator)
{
  if (!ca_project_is (node, "indicator"))
    return ca_project_reader_unexpected (reader, node);
  if (!ca_project_require_attr (reader, node, "id", &indicator->id))
    return FALSE;
  if (ca_dataset_find_indicator (reader->dataset, indicator->id) >= 0)
    return ca_project_reader_fail (reader, node, _("the indicator “%s” appears twice"),
                                   indicator->id);
  indicator->year = ca_project_get_attr (node, "year");
  if (!ca_project_bool_attr (reader, node, "higher-is-better", TRUE, &indicator->higher_is_better))
    return FALSE;
  indicator->classes = (CaClassSpec) { CA_CLASSIFY_JENKS, 4, { 0 } };
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      if (ca_project_is (child, "name"))
        ca_project_read_text (child, &indicator->name);
      else if (ca_project_is (child, "unit"))
        ca_project_read_text (child, &indicator->unit);
      else if (ca_project_is (child, "classes"))
        {
          if (!read_classes (reader, child, &indicator->classes))
            return FALSE;
        }
      else
        return ca_project_reader_unexpected (reader, child);
    }
  return TRUE;
}

static gboolean
read_indicators (CaProjectReader *reader,
                 CaXmlNode       *indicators)
{
  CA_PROJECT_FOR_EACH_ELEMENT (node, indicators)
    {
      CaIndicator indicator = { 0 };
      gboolean ok = read_indicator (reader, node, &indicator);

      if (ok)
        ca_dataset_add_indicator (reader->dataset, &indicator);
      ca_indicator_clear (&indicator);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The <value indicator="…"> cells of one unit's row, or of the region
 * row when @unit is -1. */
static gboolean
read_value_cells (CaProjectReader *reader,
                  CaXmlNode       *row,
                  int              unit)
{
  guint n_indicators = ca_dataset_get_n_indicators (reader->dataset);
  g_autofree gboolean *seen = g_new0 (gboolean, n_indicators + 1);

  CA_PROJECT_FOR_EACH_ELEMENT (node, row)
    {
      g_autofree char *id = NULL;
      int indicator;
      double value;

      if (!ca_project_is (node, "value"))
        return ca_project_reader_unexpected (reader, node);
      if (!ca_project_require_attr (reader, node, "indicator", &id))
        return FALSE;
      indicator = ca_dataset_find_indicator (reader->dataset, id);
      if (indicator < 0)
        return ca_project_reader_fail (reader, node, _("unknown indicator “%s”"), id);
      if (seen[indicator])
        return ca_project_reader_fail (reader, node, _("a second value for “%s”"), id);
      seen[indicator] = TRUE;
      if (!ca_project_number_content (reader, node, &value))
        return FALSE;
      if (unit >= 0)
        ca_dataset_set_value (reader->dataset, (guint) unit, (guint) indicator, value, NULL);
      else
        ca_dataset_set_region_value (reader->dataset, (guint) indicator, value);
    }
  return TRUE;
}

static gboolean
read_values (CaProjectReader *reader,
             CaXmlNode       *values)
{
  g_autofree gboolean *seen = g_new0 (gboolean, ca_dataset_get_n_units (reader->dataset) + 1);
  gboolean seen_region = FALSE;

  CA_PROJECT_FOR_EACH_ELEMENT (node, values)
    {
      int unit = -1;

      if (ca_project_is (node, "row"))
        {
          if (!ca_project_reader_unit (reader, node, "unit", &unit))
            return FALSE;
          if (seen[unit])
            return ca_project_reader_fail (reader, node, _("a second row for unit “%s”"),
                                           ca_dataset_get_unit (reader->dataset, unit)->code);
          seen[unit] = TRUE;
        }
      else if (ca_project_is (node, "region"))
        {
          if (seen_region)
            return ca_project_reader_fail (reader, node, _("a second region row"));
          seen_region = TRUE;
        }
      else
        return ca_project_reader_unexpected (reader, node);
      if (!read_value_cells (reader, node, unit))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_industries (CaProjectReader *reader,
                 CaXmlNode       *industries)
{
  CA_PROJECT_FOR_EACH_ELEMENT (node, industries)
    {
      CaIndustry industry = { 0 };

      if (!ca_project_is (node, "industry"))
        return ca_project_reader_unexpected (reader, node);
      if (!ca_project_require_attr (reader, node, "id", &industry.id))
        return FALSE;
      if (ca_dataset_find_industry (reader->dataset, industry.id) >= 0)
        {
          ca_industry_clear (&industry);
          return ca_project_reader_fail (reader, node, _("the industry id appears twice"));
        }
      CA_PROJECT_FOR_EACH_ELEMENT (child, node)
        {
          if (!ca_project_is (child, "name"))
            {
              ca_industry_clear (&industry);
              return ca_project_reader_unexpected (reader, child);
            }
          ca_project_read_text (child, &industry.name);
        }
      ca_dataset_add_industry (reader->dataset, &industry);
      ca_industry_clear (&industry);
    }
  return TRUE;
}

static int
matrix_column (const CaMatrix *matrix,
               const char     *name)
{
  for (guint j = 0; j < matrix->industries->len; j++)
    if (g_strcmp0 (g_ptr_array_index (matrix->industries, j), name) == 0)
      return (int) j;
  return -1;
}

/* <column name="…"/> elements; for the published LQs the names are
 * industry ids, all of the dataset's industries when none is listed. */
static gboolean
read_matrix_columns (CaProjectReader *reader,
                     CaXmlNode       *node,
                     gboolean         industry_ids,
                     GPtrArray       *columns)
{
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      char *name = NULL;

      if (!ca_project_is (child, "column"))
        continue;
      if (!ca_project_require_attr (reader, child, "name", &name))
        return FALSE;
      g_ptr_array_add (columns, name);
      if (industry_ids && ca_dataset_find_industry (reader->dataset, name) < 0)
        return ca_project_reader_fail (reader, child, _("unknown industry “%s”"), name);
      for (guint j = 0; j + 1 < columns->len; j++)
        if (strcmp (g_ptr_array_index (columns, j), name) == 0)
          return ca_project_reader_fail (reader, child, _("the column “%s” appears twice"), name);
    }
  if (industry_ids && columns->len == 0)
    for (guint j = 0; j < ca_dataset_get_n_industries (reader->dataset); j++)
      g_ptr_array_add (columns, g_strdup (ca_dataset_get_industry (reader->dataset, j)->id));
  return TRUE;
}

static gboolean
read_matrix_cell (CaProjectReader *reader,
                  CaXmlNode       *node,
                  CaMatrix        *matrix)
{
  g_autofree char *column_name = NULL;
  int unit, column;
  double value;

  if (!ca_project_reader_unit (reader, node, "unit", &unit) ||
      !ca_project_require_attr (reader, node, "column", &column_name))
    return FALSE;
  column = matrix_column (matrix, column_name);
  if (column < 0)
    return ca_project_reader_fail (reader, node, _("unknown column “%s”"), column_name);
  if (!isnan (ca_matrix_get (matrix, (guint) unit, (guint) column)))
    return ca_project_reader_fail (reader, node, _("a second cell for %s, “%s”"),
                                   ca_dataset_get_unit (reader->dataset, unit)->code, column_name);
  if (!ca_project_number_content (reader, node, &value))
    return FALSE;
  if (value < 0)
    return ca_project_reader_fail (reader, node, _("%g: the value cannot be negative"), value);
  ca_matrix_set (matrix, (guint) unit, (guint) column, value);
  return TRUE;
}

static CaMatrix *
read_matrix (CaProjectReader *reader,
             CaXmlNode       *node,
             gboolean         industry_ids)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CaMatrix) matrix = NULL;

  if (!read_matrix_columns (reader, node, industry_ids, columns))
    return NULL;
  matrix = ca_matrix_new (ca_dataset_get_n_units (reader->dataset), columns->len);
  for (guint j = 0; j < columns->len; j++)
    {
      g_free (matrix->industries->pdata[j]);
      matrix->industries->pdata[j] = g_strdup (g_ptr_array_index (columns, j));
    }
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      if (ca_project_is (child, "column"))
        continue;
      if (!ca_project_is (child, "cell"))
        {
          ca_project_reader_unexpected (reader, child);
          return NULL;
        }
      if (!read_matrix_cell (reader, child, matrix))
        return NULL;
    }
  return g_steal_pointer (&matrix);
}

static gboolean
read_published_lq (CaProjectReader *reader,
                   CaXmlNode       *node)
{
  CaMatrix *matrix = read_matrix (reader, node, TRUE);

  if (matrix == NULL)
    return FALSE;
  ca_dataset_set_published_lq (reader->dataset, matrix);
  return TRUE;
}

static gboolean
read_industry_matrix (CaProjectReader *reader,
                      CaXmlNode       *node)
{
  CaMatrix *matrix = read_matrix (reader, node, FALSE);

  if (matrix == NULL)
    return FALSE;
  ca_dataset_set_industry_matrix (reader->dataset, matrix);
  return TRUE;
}

static gboolean
read_composite_breaks (CaProjectReader *reader,
                       CaXmlNode       *node)
{
  g_autofree char *method_name = NULL;
  CaCompositeMethod method;
  double breaks[2];
  guint n = 0;

  if (!ca_project_require_attr (reader, node, "method", &method_name))
    return FALSE;
  if (!ca_composite_method_from_string (method_name, &method))
    return ca_project_reader_fail (reader, node, _("unknown composite method “%s”"), method_name);
  if (!ca_project_number_list_attr (reader, node, "breaks", breaks, 2, &n))
    return FALSE;
  if (n != 2)
    return ca_project_reader_fail (reader, node, _("breaks= needs two numbers, not %u"), n);
  ca_dataset_set_composite_breaks (reader->dataset, method, breaks);
  return TRUE;
}

static gboolean
read_reference_range (CaProjectReader *reader,
                      CaXmlNode       *node)
{
  g_autofree char *type_name = NULL;
  double high, low;
  int type = -1;

  if (!ca_project_require_attr (reader, node, "type", &type_name))
    return FALSE;
  for (int t = 0; t < CA_N_FAVOURABILITY; t++)
    if (strcmp (type_name, ca_favourability_to_string ((CaFavourability) t)) == 0)
      type = t;
  if (type < 0)
    return ca_project_reader_fail (reader, node,
                                   _("unknown type “%s” (favourable, less-favourable or "
                                     "unfavourable)"), type_name);
  if (!ca_project_number_attr (reader, node, "high", FALSE, &high) ||
      !ca_project_number_attr (reader, node, "low", FALSE, &low))
    return FALSE;
  ca_dataset_set_reference_range (reader->dataset, (CaFavourability) type, high, low);
  return TRUE;
}

static gboolean
read_analysis (CaProjectReader *reader,
               CaXmlNode       *node)
{
  g_autofree char *method_name = ca_project_get_attr (node, "composite-method");
  g_autoptr(GError) local_error = NULL;
  double threshold;

  if (!ca_project_number_attr (reader, node, "lq-threshold", FALSE, &threshold))
    return FALSE;
  if (!isnan (threshold) &&
      !ca_dataset_set_lq_threshold (reader->dataset, threshold, &local_error))
    return ca_project_reader_fail (reader, node, "%s", local_error->message);
  if (method_name != NULL)
    {
      CaCompositeMethod method;

      if (!ca_composite_method_from_string (method_name, &method))
        return ca_project_reader_fail (reader, node,
                                       _("unknown composite method “%s” (rank-sum, zscore-sum "
                                         "or minmax-sum)"), method_name);
      ca_dataset_set_composite_method (reader->dataset, method);
    }
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      gboolean ok;

      if (ca_project_is (child, "composite-breaks"))
        ok = read_composite_breaks (reader, child);
      else if (ca_project_is (child, "reference-range"))
        ok = read_reference_range (reader, child);
      else
        ok = ca_project_reader_unexpected (reader, child);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_map (CaProjectReader *reader,
          CaXmlNode       *node)
{
  g_autofree char *boundary = ca_project_get_attr (node, "boundary");
  g_autofree char *join_field = ca_project_get_attr (node, "join-field");
  g_autofree char *crs = ca_project_get_attr (node, "crs");

  /* A relative path is relative to the project's folder. */
  if (boundary != NULL && reader->base_dir != NULL && !g_path_is_absolute (boundary))
    {
      char *resolved = g_canonicalize_filename (boundary, reader->base_dir);

      g_free (boundary);
      boundary = resolved;
    }
  ca_dataset_set_boundary_path (reader->dataset, boundary);
  ca_dataset_set_join_field (reader->dataset, join_field);
  ca_dataset_set_map_crs (reader->dataset, crs);
  return TRUE;
}

typedef gboolean (*SectionReader) (CaProjectReader *reader,
                                   CaXmlNode       *node);

/* In the order they are read: later sections refer to earlier ones. */
static const struct
{
  const char   *name;
  SectionReader read;
} sections[] = {
  { "title", read_title },
  { "source", read_source },
  { "units", read_units },
  { "indicators", read_indicators },
  { "values", read_values },
  { "industries", read_industries },
  { "published-lq", read_published_lq },
  { "industry-matrix", read_industry_matrix },
  { "analysis", read_analysis },
  { "map", read_map },
  { "clusters", ca_project_read_clusters },
  { "org-graph", ca_project_read_org_graph },
};

static gboolean
check_root (CaProjectReader *reader,
            CaXmlNode       *root)
{
  g_autofree char *version = NULL;
  guint64 number = 0;

  if (!ca_project_is (root, ROOT_ELEMENT))
    return ca_project_reader_fail (reader, root,
                                   _("this is not a Cluster Atlas project (its root element "
                                     "should be <%s>)"), ROOT_ELEMENT);
  version = ca_project_get_attr (root, "version");
  if (version == NULL)
    return ca_project_reader_fail (reader, root,
                                   _("the attribute “version” is missing: the file does not say "
                                     "which project format it uses"));
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT32, &number, NULL))
    return ca_project_reader_fail (reader, root, _("version=“%s” is not a format number"), version);
  if (number > CA_PROJECT_VERSION)
    {
      g_set_error (reader->error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_VERSION,
                   _("%s was written by a newer Cluster Atlas (format %llu); this version reads format %d"),
                   reader->name, (unsigned long long) number, CA_PROJECT_VERSION);
      return FALSE;
    }
  return TRUE;
}

CaDataset *
ca_project_read_document (CaXmlNode   *root,
                          const char  *name,
                          const char  *base_dir,
                          GError     **error)
{
  g_autoptr(CaDataset) dataset = ca_dataset_new ();
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CaProjectReader reader = { name, base_dir, dataset, error, units };
  CaXmlNode *found[G_N_ELEMENTS (sections)] = { NULL };

  if (root == NULL)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_MALFORMED,
                   _("%s: line 1: the document has no root element"), name);
      return NULL;
    }
  if (!check_root (&reader, root))
    return NULL;
  CA_PROJECT_FOR_EACH_ELEMENT (node, root)
    {
      guint s;

      for (s = 0; s < G_N_ELEMENTS (sections); s++)
        if (ca_project_is (node, sections[s].name))
          break;
      if (s == G_N_ELEMENTS (sections))
        {
          ca_project_reader_unexpected (&reader, node);
          return NULL;
        }
      if (found[s] != NULL)
        {
          ca_project_reader_fail (&reader, node, _("appears a second time (first on line %ld)"),
                                  found[s]->line);
          return NULL;
        }
      found[s] = node;
    }
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    if (found[s] != NULL && !sections[s].read (&reader, found[s]))
      return NULL;
  return g_steal_pointer (&dataset);
}
