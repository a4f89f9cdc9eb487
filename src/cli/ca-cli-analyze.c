/* ca-cli-analyze.c — `cluster-atlas analyze`: the three stages in a
 * terminal, as text (the paper's Tables 2 and 3), CSV or JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ca-analysis.h"
#include "ca-cli.h"
#include "ca-cli-analyze.h"
#include "ca-csv.h"
#include "ca-json-writer.h"
#include "ca-project.h"
#include "ca-rank-score.h"

typedef struct
{
  char   *project;
  char   *indicators;
  char   *industry_matrix;
  char   *lq_threshold;
  char  **sets;
  char   *format;
  char   *lang;
  char   *save_project;
} AnalyzeOptions;

static void
analyze_options_clear (AnalyzeOptions *options)
{
  g_free (options->project);
  g_free (options->indicators);
  g_free (options->industry_matrix);
  g_free (options->lq_threshold);
  g_strfreev (options->sets);
  g_free (options->format);
  g_free (options->lang);
  g_free (options->save_project);
}

static const char *
type_name (CaFavourability type)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return _("favourable");
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return _("less favourable");
    case CA_FAVOURABILITY_UNFAVOURABLE:
      return _("unfavourable");
    case CA_FAVOURABILITY_UNKNOWN:
    default:
      return _("no data");
    }
}

static const char *
method_name (CaCompositeMethod method)
{
  switch (method)
    {
    case CA_COMPOSITE_ZSCORE_SUM:
      return _("sum of z-scores (higher is better)");
    case CA_COMPOSITE_MINMAX_SUM:
      return _("sum of min–max scores (higher is better)");
    case CA_COMPOSITE_RANK_SUM:
    default:
      return _("sum of ranks (1 = best; lower is better)");
    }
}

/* Unit indices ordered best composite first; no-data units last. */
static GArray *
units_by_composite (CaAnalysis *analysis)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  const double *composite = ca_analysis_get_composite (analysis);
  gboolean lower_better = ca_composite_lower_is_better (ca_dataset_get_composite_method (dataset));
  guint n = ca_dataset_get_n_units (dataset);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint u = 0; u < n; u++)
    g_array_append_val (order, u);
  /* Insertion sort: a region has tens of units, and it keeps ties in
   * dataset order, as the paper lists them. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0; j--)
      {
        double a = composite[g_array_index (order, guint, j - 1)];
        double b = composite[g_array_index (order, guint, j)];
        gboolean swap = isnan (a) ? !isnan (b) : (!isnan (b) && (lower_better ? b < a : b > a));

        if (!swap)
          break;
        guint tmp = g_array_index (order, guint, j - 1);
        g_array_index (order, guint, j - 1) = g_array_index (order, guint, j);
        g_array_index (order, guint, j) = tmp;
      }
  return order;
}

static char *
format_number (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.6g", value);
}

/* Appends @text padded with spaces to @width characters (not bytes: names
 * are Cyrillic in ru and kk). @right aligns it to the right. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);
  guint pad = length < (glong) width ? width - (guint) length : 0;

  if (right)
    g_string_append_printf (out, "%*s", pad, "");
  g_string_append (out, text);
  if (!right)
    g_string_append_printf (out, "%*s", pad, "");
}

static void
print_stage1 (CaAnalysis *analysis,
              CaLang      lang,
              GString    *out)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  const double *composite = ca_analysis_get_composite (analysis);
  const CaFavourability *types = ca_analysis_get_types (analysis);
  CaCompositeMethod method = ca_dataset_get_composite_method (dataset);
  g_autoptr(GArray) order = units_by_composite (analysis);
  guint n_ind = ca_dataset_get_n_indicators (dataset);
  guint name_width = 4;
  double breaks[2];

  for (guint u = 0; u < ca_dataset_get_n_units (dataset); u++)
    name_width = MAX (name_width, (guint) g_utf8_strlen (ca_text_get (&ca_dataset_get_unit (dataset, u)->name, lang), -1));
  ca_analysis_get_breaks (analysis, breaks);
  g_string_append_printf (out, "%s\n", _("Stage 1. Favourability of the units for forming clusters (Table 2)"));
  g_string_append_printf (out, "  %s: %s\n", _("Composite"), method_name (method));
  g_string_append_printf (out, "  %s: %g | %g\n\n", _("Class breaks"), breaks[0], breaks[1]);

  g_string_append (out, "  ");
  append_padded (out, _("Type"), 18, FALSE);
  append_padded (out, _("Composite"), 16, FALSE);
  append_padded (out, _("Paper's index*"), 16, FALSE);
  g_string_append_printf (out, "%s\n", _("Units"));
  for (int t = 0; t < CA_N_FAVOURABILITY; t++)
    {
      g_autoptr(GString) codes = g_string_new (NULL);
      double lo = INFINITY, hi = -INFINITY, ref_high, ref_low;

      for (guint k = 0; k < order->len; k++)
        {
          guint u = g_array_index (order, guint, k);

          if ((int) types[u] != t)
            continue;
          g_string_append_printf (codes, "%s%s", codes->len ? ", " : "",
                                  ca_dataset_get_unit (dataset, u)->code);
          lo = MIN (lo, composite[u]);
          hi = MAX (hi, composite[u]);
        }
      ca_dataset_get_reference_range (dataset, (CaFavourability) t, &ref_high, &ref_low);
      g_autofree char *range = codes->len ? g_strdup_printf ("%g – %g", lo, hi) : g_strdup ("—");
      g_autofree char *ref = isnan (ref_high) ? g_strdup ("—")
                                              : g_strdup_printf ("%g … %g", ref_high, ref_low);
      g_string_append (out, "  ");
      append_padded (out, type_name ((CaFavourability) t), 18, FALSE);
      append_padded (out, range, 16, FALSE);
      append_padded (out, ref, 16, FALSE);
      g_string_append_printf (out, "%s\n", codes->len ? codes->str : "—");
    }
  g_string_append_printf (out, "  * %s\n\n",
                          _("the paper's published index values, kept for reference: their scale is not derivable from its text"));

  g_string_append (out, "  ");
  append_padded (out, _("Code"), 6, FALSE);
  append_padded (out, _("Unit"), name_width, FALSE);
  for (guint i = 0; i < n_ind; i++)
    {
      g_autofree char *id = g_strndup (ca_dataset_get_indicator (dataset, i)->id, 10);

      g_string_append_c (out, ' ');
      append_padded (out, id, 10, TRUE);
    }
  g_string_append_c (out, ' ');
  append_padded (out, _("Composite"), 10, TRUE);
  g_string_append_printf (out, "  %s\n", _("Type"));
  for (guint k = 0; k < order->len; k++)
    {
      guint u = g_array_index (order, guint, k);
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);
      g_autofree char *score = format_number (composite[u]);

      g_string_append (out, "  ");
      append_padded (out, unit->code, 6, FALSE);
      append_padded (out, ca_text_get (&unit->name, lang), name_width, FALSE);
      for (guint i = 0; i < n_ind; i++)
        {
          g_autofree char *value = format_number (ca_dataset_get_value (dataset, u, i));

          g_string_append_c (out, ' ');
          append_padded (out, value, 10, TRUE);
        }
      g_string_append_c (out, ' ');
      append_padded (out, score, 10, TRUE);
      g_string_append_printf (out, "  %s\n", type_name (types[u]));
    }
  g_string_append_c (out, '\n');
}

static void
print_stage2 (CaAnalysis *analysis,
              CaLang      lang,
              GString    *out)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  gboolean computed;
  const CaMatrix *lq = ca_analysis_get_lq (analysis, &computed);
  const CaFavourability *types = ca_analysis_get_types (analysis);
  g_autoptr(GArray) order = units_by_composite (analysis);

  g_string_append_printf (out, "%s\n", _("Stage 2. Industries with clustering potential (Table 3)"));
  g_string_append_printf (out, "  %s > %g; %s\n", _("Location quotient"),
                          ca_dataset_get_lq_threshold (dataset),
                          computed ? _("computed from the industry matrix")
                                   : _("the paper's published location quotients"));
  if (ca_analysis_get_lq_problem (analysis) != NULL)
    g_string_append_printf (out, "  %s: %s\n", _("Industry matrix not used"),
                            ca_analysis_get_lq_problem (analysis));
  for (guint k = 0; k < order->len; k++)
    {
      guint u = g_array_index (order, guint, k);
      GArray *spec = ca_analysis_get_specialisations (analysis, u);

      if (spec->len == 0)
        continue;
      g_string_append_printf (out, "  %-5s %s%s:\n", ca_dataset_get_unit (dataset, u)->code,
                              ca_text_get (&ca_dataset_get_unit (dataset, u)->name, lang),
                              types[u] == CA_FAVOURABILITY_UNFAVOURABLE ? _(" (unfavourable)") : "");
      for (guint s = 0; s < spec->len; s++)
        {
          const CaSpecialisation *item = &g_array_index (spec, CaSpecialisation, s);

          g_string_append (out, "        ");
          append_padded (out, ca_analysis_get_lq_industry_name (analysis, item->industry, lang), 46, FALSE);
          g_string_append_printf (out, " %6.1f\n", item->lq);
        }
    }
  (void) lq;
  g_string_append_c (out, '\n');
}

static void
append_list (GString    *out,
             const char *label,
             GPtrArray  *items)
{
  g_string_append_printf (out, "     %s: ", label);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", (const char *) items->pdata[i]);
  g_string_append_c (out, '\n');
}

static void
print_stage3 (CaAnalysis *analysis,
              CaLang      lang,
              GString    *out)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  GPtrArray *proposals = ca_analysis_get_proposals (analysis);

  g_string_append_printf (out, "%s\n", _("Stage 3. Potential territorial industrial clusters (Fig. 4)"));
  for (guint c = 0; c < ca_dataset_get_n_clusters (dataset); c++)
    {
      const CaCluster *cluster = ca_dataset_get_cluster (dataset, c);
      const CaFinderProposal *proposal = proposals->pdata[c];
      g_autoptr(GPtrArray) centres = g_ptr_array_new ();
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(GPtrArray) industries = g_ptr_array_new ();
      g_autoptr(GPtrArray) proposed = g_ptr_array_new ();

      for (guint i = 0; i < cluster->centres->len; i++)
        g_ptr_array_add (centres, (char *) ca_text_get (cluster->centres->pdata[i], lang));
      for (guint i = 0; i < cluster->members->len; i++)
        g_ptr_array_add (members, g_array_index (cluster->members, CaClusterMember, i).code);
      for (guint i = 0; i < cluster->industries->len; i++)
        {
          int k = ca_dataset_find_industry (dataset, cluster->industries->pdata[i]);

          g_ptr_array_add (industries, k >= 0 ? (char *) ca_text_get (&ca_dataset_get_industry (dataset, (guint) k)->name, lang)
                                              : cluster->industries->pdata[i]);
        }
      for (guint i = 0; i < proposal->units->len; i++)
        {
          const CaFinderUnit *unit = &g_array_index (proposal->units, CaFinderUnit, i);

          if (ca_verdict_is_member (unit->verdict))
            g_ptr_array_add (proposed, unit->code);
        }

      g_string_append_printf (out, "  %u. %s (%s)\n", c + 1, ca_text_get (&cluster->name, lang),
                              cluster->type == CA_CLUSTER_SECTORAL ? _("sectoral") : _("cross-sectoral"));
      append_list (out, _("centres"), centres);
      append_list (out, _("members"), members);
      append_list (out, _("industries"), industries);
      append_list (out, _("finder proposes"), proposed);
      for (guint i = 0; i < proposal->units->len; i++)
        {
          const CaFinderUnit *unit = &g_array_index (proposal->units, CaFinderUnit, i);
          gboolean paper = ca_cluster_has_member (cluster, unit->code);

          /* Only what matters for comparing: members and proposals. */
          if (paper || ca_verdict_is_member (unit->verdict))
            {
              g_string_append_printf (out, "       %-4s ", unit->code);
              append_padded (out, paper ? _("member") : "", 12, FALSE);
              append_padded (out, ca_verdict_is_member (unit->verdict) ? _("proposed") : _("not proposed"), 14, FALSE);
              g_string_append_printf (out, "%s\n", unit->explanation);
            }
        }
    }
}

static void
write_json (CaAnalysis *analysis,
            CaLang      lang,
            GString    *out)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  const double *composite = ca_analysis_get_composite (analysis);
  const CaFavourability *types = ca_analysis_get_types (analysis);
  CaJsonWriter json;

  ca_json_writer_init (&json, out);
  ca_json_writer_begin_object (&json);
  ca_json_writer_name (&json, "units");
  ca_json_writer_begin_array (&json);
  for (guint u = 0; u < ca_dataset_get_n_units (dataset); u++)
    {
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);

      ca_json_writer_begin_object (&json);
      ca_json_writer_name (&json, "code");
      ca_json_writer_string (&json, unit->code);
      ca_json_writer_name (&json, "name");
      ca_json_writer_string (&json, ca_text_get (&unit->name, lang));
      ca_json_writer_name (&json, "score");
      if (isnan (composite[u]))
        ca_json_writer_null (&json);
      else
        ca_json_writer_double (&json, composite[u]);
      ca_json_writer_name (&json, "class");
      if (types[u] == CA_FAVOURABILITY_UNKNOWN)
        ca_json_writer_null (&json);
      else
        ca_json_writer_string (&json, ca_favourability_to_string (types[u]));
      ca_json_writer_end_object (&json);
    }
  ca_json_writer_end_array (&json);

  ca_json_writer_name (&json, "specialisations");
  ca_json_writer_begin_object (&json);
  for (guint u = 0; u < ca_dataset_get_n_units (dataset); u++)
    {
      GArray *spec = ca_analysis_get_specialisations (analysis, u);

      if (spec->len == 0)
        continue;
      ca_json_writer_name (&json, ca_dataset_get_unit (dataset, u)->code);
      ca_json_writer_begin_array (&json);
      for (guint s = 0; s < spec->len; s++)
        {
          const CaSpecialisation *item = &g_array_index (spec, CaSpecialisation, s);

          ca_json_writer_begin_object (&json);
          ca_json_writer_name (&json, "industry");
          ca_json_writer_string (&json, ca_analysis_get_lq_industry_name (analysis, item->industry, lang));
          ca_json_writer_name (&json, "lq");
          ca_json_writer_double (&json, item->lq);
          ca_json_writer_end_object (&json);
        }
      ca_json_writer_end_array (&json);
    }
  ca_json_writer_end_object (&json);

  ca_json_writer_name (&json, "clusters");
  ca_json_writer_begin_array (&json);
  for (guint c = 0; c < ca_dataset_get_n_clusters (dataset); c++)
    {
      const CaCluster *cluster = ca_dataset_get_cluster (dataset, c);

      ca_json_writer_begin_object (&json);
      ca_json_writer_name (&json, "id");
      ca_json_writer_string (&json, cluster->id);
      ca_json_writer_name (&json, "name");
      ca_json_writer_string (&json, ca_text_get (&cluster->name, lang));
      ca_json_writer_name (&json, "type");
      ca_json_writer_string (&json, ca_cluster_type_to_string (cluster->type));
      ca_json_writer_name (&json, "centres");
      ca_json_writer_begin_array (&json);
      for (guint i = 0; i < cluster->centres->len; i++)
        ca_json_writer_string (&json, ca_text_get (cluster->centres->pdata[i], lang));
      ca_json_writer_end_array (&json);
      ca_json_writer_name (&json, "members");
      ca_json_writer_begin_array (&json);
      for (guint i = 0; i < cluster->members->len; i++)
        ca_json_writer_string (&json, g_array_index (cluster->members, CaClusterMember, i).code);
      ca_json_writer_end_array (&json);
      ca_json_writer_name (&json, "industries");
      ca_json_writer_begin_array (&json);
      for (guint i = 0; i < cluster->industries->len; i++)
        ca_json_writer_string (&json, cluster->industries->pdata[i]);
      ca_json_writer_end_array (&json);
      ca_json_writer_end_object (&json);
    }
  ca_json_writer_end_array (&json);
  ca_json_writer_end_object (&json);

  g_string_append_c (out, '\n');
  ca_json_writer_clear (&json);
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            double   value)
{
  g_autofree char *text = isnan (value) ? NULL : ca_csv_format_number (value);

  if (text != NULL)
    g_string_append (out, text);
}

static void
write_csv (CaAnalysis *analysis,
           CaLang      lang,
           GString    *out)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  const double *composite = ca_analysis_get_composite (analysis);
  const CaFavourability *types = ca_analysis_get_types (analysis);
  guint n_ind = ca_dataset_get_n_indicators (dataset);

  g_string_append (out, "code,name");
  for (guint i = 0; i < n_ind; i++)
    g_string_append_printf (out, ",%s", ca_dataset_get_indicator (dataset, i)->id);
  g_string_append (out, ",score,class,specialised_industries\r\n");
  for (guint u = 0; u < ca_dataset_get_n_units (dataset); u++)
    {
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);
      GArray *spec = ca_analysis_get_specialisations (analysis, u);
      g_autoptr(GString) industries = g_string_new (NULL);

      g_string_append_printf (out, "%s,", unit->code);
      csv_field (out, ca_text_get (&unit->name, lang));
      for (guint i = 0; i < n_ind; i++)
        {
          g_string_append_c (out, ',');
          csv_number (out, ca_dataset_get_value (dataset, u, i));
        }
      g_string_append_c (out, ',');
      csv_number (out, composite[u]);
      g_string_append_printf (out, ",%s,",
                              types[u] == CA_FAVOURABILITY_UNKNOWN ? "" : ca_favourability_to_string (types[u]));
      for (guint s = 0; s < spec->len; s++)
        {
          const CaSpecialisation *item = &g_array_index (spec, CaSpecialisation, s);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (industries, "%s%s %s", s ? "; " : "",
                                  ca_analysis_get_lq_industry_name (analysis, item->industry, lang),
                                  g_ascii_formatd (buffer, sizeof buffer, "%.2f", item->lq));
        }
      csv_field (out, industries->str);
      g_string_append (out, "\r\n");
    }
}

/* Applies the command line's inputs to @dataset in the documented order:
 * indicator CSV, then --set edits, then the industry matrix and threshold. */
static gboolean
apply_inputs (CaDataset      *dataset,
              AnalyzeOptions *options,
              GError        **error)
{
  if (options->indicators != NULL &&
      !ca_csv_import_indicators (dataset, options->indicators, error))
    return FALSE;
  if (!ca_cli_apply_sets (dataset, options->sets, error))
    return FALSE;
  if (options->industry_matrix != NULL)
    {
      CaMatrix *matrix = ca_csv_read_industry_matrix (dataset, options->industry_matrix, error);

      if (matrix == NULL)
        return FALSE;
      ca_dataset_set_industry_matrix (dataset, matrix);
    }
  if (options->lq_threshold != NULL)
    {
      double threshold;

      if (!ca_csv_parse_number (options->lq_threshold, &threshold) || !isfinite (threshold) ||
          threshold < 0)
        {
          g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                       _("--lq-threshold “%s”: expected a number ≥ 0"), options->lq_threshold);
          return FALSE;
        }
      ca_dataset_set_lq_threshold (dataset, threshold, NULL);
    }
  return TRUE;
}

static gboolean
run_analyze (AnalyzeOptions *options,
             GString        *out,
             GError        **error)
{
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(CaAnalysis) analysis = NULL;
  CaLang lang = ca_cli_locale_lang ();
  const char *format = options->format != NULL ? options->format : "text";

  if (options->lang != NULL && !ca_cli_parse_lang (options->lang, &lang, error))
    return FALSE;
  if (g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "csv") != 0 &&
      g_strcmp0 (format, "json") != 0)
    {
      g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                   _("--format “%s”: expected text, csv or json"), format);
      return FALSE;
    }

  dataset = ca_cli_load_dataset (options->project, error);
  if (dataset == NULL || !apply_inputs (dataset, options, error))
    return FALSE;

  analysis = ca_analysis_new (dataset);
  /* A matrix the LQ formula refuses (an industry with negative output…)
   * is an input error here, not something to fall back from silently. */
  if (ca_analysis_get_lq_problem (analysis) != NULL)
    {
      g_set_error (error, CA_LQ_ERROR, CA_LQ_ERROR_NEGATIVE, "%s: %s", options->industry_matrix,
                   ca_analysis_get_lq_problem (analysis));
      return FALSE;
    }

  if (g_strcmp0 (format, "json") == 0)
    write_json (analysis, lang, out);
  else if (g_strcmp0 (format, "csv") == 0)
    write_csv (analysis, lang, out);
  else
    {
      g_string_append_printf (out, "%s\n%s\n\n", ca_text_get (ca_dataset_get_title (dataset), lang),
                              ca_text_get (ca_dataset_get_source (dataset), lang));
      print_stage1 (analysis, lang, out);
      print_stage2 (analysis, lang, out);
      print_stage3 (analysis, lang, out);
    }

  if (options->save_project != NULL &&
      !ca_project_save (dataset, options->save_project, error))
    return FALSE;
  return TRUE;
}

int
ca_cli_analyze (int    argc,
                char **argv)
{
  AnalyzeOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &options.project,
      N_("Open this project instead of the bundled Aktobe data"), N_("FILE") },
    { "indicators", 0, 0, G_OPTION_ARG_FILENAME, &options.indicators,
      N_("Read indicator values from a CSV (header: code,<indicator ids>)"), N_("CSV") },
    { "industry-matrix", 0, 0, G_OPTION_ARG_FILENAME, &options.industry_matrix,
      N_("Compute location quotients from an output or employment matrix (header: code,<industries>)"), N_("CSV") },
    { "lq-threshold", 0, 0, G_OPTION_ARG_STRING, &options.lq_threshold,
      N_("A unit specialises in an industry when its LQ exceeds this (default 1.0)"), N_("X") },
    { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &options.sets,
      N_("Change one value, e.g. AKT.density=220 (repeatable)"), N_("CODE.INDICATOR=VALUE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("Output format: text, csv or json (default text)"), N_("FORMAT") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &options.lang,
      N_("Language of names: ru, kk or en (default: the locale's)"), N_("LANG") },
    { "save-project", 0, 0, G_OPTION_ARG_FILENAME, &options.save_project,
      N_("Write the project, with the changes applied, to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status = CA_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Run the three-stage analysis: favourability typology (Table 2),\n"
                                  "location quotients (Table 3) and the potential clusters."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = ca_cli_fail ("analyze", error);
  else if (argc > 1)
    {
      g_set_error (&error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE, _("unexpected argument “%s”"), argv[1]);
      status = ca_cli_fail ("analyze", error);
    }
  else if (!run_analyze (&options, out, &error))
    status = ca_cli_fail ("analyze", error);
  else
    fputs (out->str, stdout);

  analyze_options_clear (&options);
  return status;
}
