/* ca-project-write.c — a CaDataset → the project document (format 1).
 *
 * Written by hand rather than through a tree so that the layout stays the
 * one a person edits (data/README.md): one element per line, two-space
 * indent, numbers in their shortest exact form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-classify.h"
#include "ca-csv.h"
#include "ca-project-private.h"
#include "ca-rank-score.h"

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *repaired = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = repaired = g_utf8_make_valid (text, -1);
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, attribute ? "&quot;" : "\""); break;
        /* Escaped so that attribute-value normalisation keeps them. */
        case '\t': g_string_append (out, attribute ? "&#9;" : "\t"); break;
        case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          /* Other control characters cannot appear in XML 1.0 at all. */
          if ((guchar) *p >= 0x20)
            g_string_append_c (out, *p);
          break;
        }
    }
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
open_tag (GString    *out,
          guint       depth,
          const char *name)
{
  indent (out, depth);
  g_string_append_printf (out, "<%s", name);
}

static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_number (GString    *out,
             const char *name,
             double      value)
{
  g_autofree char *text = ca_csv_format_number (value);

  attr (out, name, text);
}

static void
attr_numbers (GString      *out,
              const char   *name,
              const double *values,
              guint         n)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = ca_csv_format_number (values[i]);

      if (i > 0)
        g_string_append_c (list, ' ');
      g_string_append (list, text);
    }
  attr (out, name, list->str);
}

static void
close_empty (GString *out)
{
  g_string_append (out, "/>\n");
}

static void
close_open (GString *out)
{
  g_string_append (out, ">\n");
}

static void
end_tag (GString    *out,
         guint       depth,
         const char *name)
{
  indent (out, depth);
  g_string_append_printf (out, "</%s>\n", name);
}

/* <tag ru="…" kk="…" en="…"/>; @always writes it even when all are unset
 * (a list item whose position matters). */
static void
text_element (GString      *out,
              guint         depth,
              const char   *tag,
              const CaText *text,
              gboolean      always)
{
  if (!always && text->ru == NULL && text->kk == NULL && text->en == NULL)
    return;
  open_tag (out, depth, tag);
  attr (out, "ru", text->ru);
  attr (out, "kk", text->kk);
  attr (out, "en", text->en);
  close_empty (out);
}

static void
number_element (GString    *out,
                guint       depth,
                const char *tag,
                const char *attr_name,
                const char *attr_value,
                const char *attr2_name,
                const char *attr2_value,
                double      value)
{
  g_autofree char *text = ca_csv_format_number (value);

  open_tag (out, depth, tag);
  attr (out, attr_name, attr_value);
  attr (out, attr2_name, attr2_value);
  g_string_append_printf (out, ">%s</%s>\n", text, tag);
}

static void
write_units (GString   *out,
             CaDataset *dataset)
{
  guint n = ca_dataset_get_n_units (dataset);

  if (n == 0)
    return;
  open_tag (out, 1, "units");
  close_open (out);
  for (guint u = 0; u < n; u++)
    {
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);

      open_tag (out, 2, "unit");
      attr (out, "code", unit->code);
      attr (out, "gb-name", unit->gb_name);
      close_open (out);
      text_element (out, 3, "name", &unit->name, FALSE);
      text_element (out, 3, "centre", &unit->centre, FALSE);
      end_tag (out, 2, "unit");
    }
  end_tag (out, 1, "units");
}

static void
write_indicators (GString   *out,
                  CaDataset *dataset)
{
  guint n = ca_dataset_get_n_indicators (dataset);

  if (n == 0)
    return;
  open_tag (out, 1, "indicators");
  close_open (out);
  for (guint i = 0; i < n; i++)
    {
      const CaIndicator *indicator = ca_dataset_get_indicator (dataset, i);
      const CaClassSpec *spec = &indicator->classes;
      g_autofree char *count = g_strdup_printf ("%u", spec->n_classes);

      open_tag (out, 2, "indicator");
      attr (out, "id", indicator->id);
      attr (out, "year", indicator->year);
      attr (out, "higher-is-better", indicator->higher_is_better ? "true" : "false");
      close_open (out);
      text_element (out, 3, "name", &indicator->name, FALSE);
      text_element (out, 3, "unit", &indicator->unit, FALSE);
      open_tag (out, 3, "classes");
      attr (out, "method", ca_classify_method_to_string (spec->method));
      attr (out, "count", count);
      if (spec->method == CA_CLASSIFY_MANUAL)
        attr_numbers (out, "breaks", spec->breaks, spec->n_classes - 1);
      close_empty (out);
      end_tag (out, 2, "indicator");
    }
  end_tag (out, 1, "indicators");
}

static void
write_values (GString   *out,
              CaDataset *dataset)
{
  guint n_units = ca_dataset_get_n_units (dataset);
  guint n_indicators = ca_dataset_get_n_indicators (dataset);

  if (n_indicators == 0)
    return;
  open_tag (out, 1, "values");
  close_open (out);
  for (guint u = 0; u <= n_units; u++)
    {
      const char *tag = u < n_units ? "row" : "region";

      open_tag (out, 2, tag);
      if (u < n_units)
        attr (out, "unit", ca_dataset_get_unit (dataset, u)->code);
      close_open (out);
      for (guint i = 0; i < n_indicators; i++)
        {
          double value = u < n_units ? ca_dataset_get_value (dataset, u, i)
                                     : ca_dataset_get_region_value (dataset, i);

          /* An absent value is "no data". */
          if (isfinite (value))
            number_element (out, 3, "value", "indicator",
                            ca_dataset_get_indicator (dataset, i)->id, NULL, NULL, value);
        }
      end_tag (out, 2, tag);
    }
  end_tag (out, 1, "values");
}

static void
write_industries (GString   *out,
                  CaDataset *dataset)
{
  guint n = ca_dataset_get_n_industries (dataset);

  if (n == 0)
    return;
  open_tag (out, 1, "industries");
  close_open (out);
  for (guint j = 0; j < n; j++)
    {
      const CaIndustry *industry = ca_dataset_get_industry (dataset, j);

      open_tag (out, 2, "industry");
      attr (out, "id", industry->id);
      close_open (out);
      text_element (out, 3, "name", &industry->name, FALSE);
      end_tag (out, 2, "industry");
    }
  end_tag (out, 1, "industries");
}

static void
write_matrix (GString        *out,
              CaDataset      *dataset,
              const char     *tag,
              const CaMatrix *matrix)
{
  guint n_units = MIN (matrix->n_units, ca_dataset_get_n_units (dataset));

  open_tag (out, 1, tag);
  close_open (out);
  for (guint j = 0; j < matrix->industries->len; j++)
    {
      open_tag (out, 2, "column");
      attr (out, "name", g_ptr_array_index (matrix->industries, j));
      close_empty (out);
    }
  for (guint u = 0; u < n_units; u++)
    for (guint j = 0; j < matrix->industries->len; j++)
      {
        double value = ca_matrix_get (matrix, u, j);

        if (isfinite (value))
          number_element (out, 2, "cell", "unit", ca_dataset_get_unit (dataset, u)->code,
                          "column", g_ptr_array_index (matrix->industries, j), value);
      }
  end_tag (out, 1, tag);
}

static void
write_analysis (GString   *out,
                CaDataset *dataset)
{
  open_tag (out, 1, "analysis");
  attr_number (out, "lq-threshold", ca_dataset_get_lq_threshold (dataset));
  attr (out, "composite-method",
        ca_composite_method_to_string (ca_dataset_get_composite_method (dataset)));
  close_open (out);
  for (int m = CA_COMPOSITE_RANK_SUM; m <= CA_COMPOSITE_MINMAX_SUM; m++)
    {
      const double *breaks = ca_dataset_get_composite_breaks (dataset, (CaCompositeMethod) m);

      if (breaks == NULL || !isfinite (breaks[0]) || !isfinite (breaks[1]))
        continue;
      open_tag (out, 2, "composite-breaks");
      attr (out, "method", ca_composite_method_to_string ((CaCompositeMethod) m));
      attr_numbers (out, "breaks", breaks, 2);
      close_empty (out);
    }
  for (int t = 0; t < CA_N_FAVOURABILITY; t++)
    {
      double high, low;

      ca_dataset_get_reference_range (dataset, (CaFavourability) t, &high, &low);
      if (!isfinite (high) && !isfinite (low))
        continue;
      open_tag (out, 2, "reference-range");
      attr (out, "type", ca_favourability_to_string ((CaFavourability) t));
      if (isfinite (high))
        attr_number (out, "high", high);
      if (isfinite (low))
        attr_number (out, "low", low);
      close_empty (out);
    }
  end_tag (out, 1, "analysis");
}

/* @path relative to @base_dir when it lies inside it, else unchanged. */
static char *
relative_boundary (const char *path,
                   const char *base_dir)
{
  g_autofree char *dir = NULL;
  g_autofree char *canonical = NULL;
  gsize len;

  if (base_dir == NULL || !g_path_is_absolute (path))
    return g_strdup (path);
  dir = g_canonicalize_filename (base_dir, NULL);
  canonical = g_canonicalize_filename (path, NULL);
  len = strlen (dir);
  if (len > 1 && strncmp (canonical, dir, len) == 0 && canonical[len] == G_DIR_SEPARATOR &&
      canonical[len + 1] != '\0')
    return g_strdup (canonical + len + 1);
  return g_strdup (path);
}

static void
write_map (GString    *out,
           CaDataset  *dataset,
           const char *base_dir)
{
  const char *boundary = ca_dataset_get_boundary_path (dataset);
  const char *join_field = ca_dataset_get_join_field (dataset);
  const char *crs = ca_dataset_get_map_crs (dataset);
  g_autofree char *relative = NULL;

  if (boundary == NULL && join_field == NULL && crs == NULL)
    return;
  if (boundary != NULL)
    relative = relative_boundary (boundary, base_dir);
  open_tag (out, 1, "map");
  attr (out, "boundary", relative);
  attr (out, "join-field", join_field);
  attr (out, "crs", crs);
  close_empty (out);
}

static void
write_cluster (GString         *out,
               const CaCluster *cluster)
{
  open_tag (out, 2, "cluster");
  attr (out, "id", cluster->id);
  attr (out, "type", ca_cluster_type_to_string (cluster->type));
  close_open (out);
  text_element (out, 3, "name", &cluster->name, FALSE);
  for (guint i = 0; i < cluster->centres->len; i++)
    text_element (out, 3, "centre", g_ptr_array_index (cluster->centres, i), TRUE);
  for (guint i = 0; i < cluster->industries->len; i++)
    {
      open_tag (out, 3, "industry");
      attr (out, "id", g_ptr_array_index (cluster->industries, i));
      close_empty (out);
    }
  for (guint i = 0; i < cluster->members->len; i++)
    {
      const CaClusterMember *member = &g_array_index (cluster->members, CaClusterMember, i);
      const CaText *reason = &member->reason;

      open_tag (out, 3, "member");
      attr (out, "unit", member->code);
      if (reason->ru == NULL && reason->kk == NULL && reason->en == NULL)
        {
          close_empty (out);
          continue;
        }
      close_open (out);
      text_element (out, 4, "reason", reason, TRUE);
      end_tag (out, 3, "member");
    }
  end_tag (out, 2, "cluster");
}

static void
write_clusters (GString   *out,
                CaDataset *dataset)
{
  guint n = ca_dataset_get_n_clusters (dataset);

  if (n == 0)
    return;
  open_tag (out, 1, "clusters");
  close_open (out);
  for (guint c = 0; c < n; c++)
    write_cluster (out, ca_dataset_get_cluster (dataset, c));
  end_tag (out, 1, "clusters");
}

static void
write_org_graph (GString          *out,
                 const CaOrgGraph *graph)
{
  static const char *const kinds[] = { "production", "service", "missing" };

  open_tag (out, 1, "org-graph");
  attr (out, "cluster", graph->cluster_id);
  close_open (out);
  text_element (out, 2, "title", &graph->title, FALSE);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const CaOrgNode *node = &g_array_index (graph->nodes, CaOrgNode, i);
      g_autofree char *count = g_strdup_printf ("%d", MAX (node->count, 0));

      open_tag (out, 2, "node");
      attr (out, "id", node->id);
      attr (out, "count", count);
      if (node->territory != NULL && *node->territory != '\0')
        attr (out, "territory", node->territory);
      if (node->missing)
        attr (out, "missing", "true");
      close_open (out);
      text_element (out, 3, "label", &node->label, FALSE);
      end_tag (out, 2, "node");
    }
  for (guint i = 0; i < graph->links->len; i++)
    {
      const CaOrgLink *link = &g_array_index (graph->links, CaOrgLink, i);

      open_tag (out, 2, "link");
      attr (out, "from", link->from);
      attr (out, "to", link->to);
      attr (out, "kind", kinds[MIN ((guint) link->kind, G_N_ELEMENTS (kinds) - 1)]);
      close_empty (out);
    }
  end_tag (out, 1, "org-graph");
}

char *
ca_project_write_document (CaDataset  *dataset,
                           const char *base_dir,
                           gsize      *length)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  const CaMatrix *lq = ca_dataset_get_published_lq (dataset);
  const CaMatrix *matrix = ca_dataset_get_industry_matrix (dataset);
  const CaOrgGraph *graph = ca_dataset_get_org_graph (dataset);

  g_string_append_printf (out, "<cluster-atlas-project version=\"%d\">\n", CA_PROJECT_VERSION);
  text_element (out, 1, "title", ca_dataset_get_title (dataset), FALSE);
  text_element (out, 1, "source", ca_dataset_get_source (dataset), FALSE);
  write_units (out, dataset);
  write_indicators (out, dataset);
  write_values (out, dataset);
  write_industries (out, dataset);
  if (lq != NULL)
    write_matrix (out, dataset, "published-lq", lq);
  if (matrix != NULL)
    write_matrix (out, dataset, "industry-matrix", matrix);
  write_analysis (out, dataset);
  write_map (out, dataset, base_dir);
  write_clusters (out, dataset);
  if (graph != NULL)
    write_org_graph (out, graph);
  g_string_append (out, "</cluster-atlas-project>\n");
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
