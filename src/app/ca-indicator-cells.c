/* ca-indicator-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-csv.h"
#include "ca-indicator-cells.h"
#include "ca-indicator-table.h"
#include "ca-panel-util.h"

double
ca_indicator_cell_number (CaAnalysis *analysis,
                          CaCellKind  kind,
                          guint       indicator,
                          guint       unit)
{
  switch (kind)
    {
    case CA_CELL_INDICATOR:
      return ca_dataset_get_value (ca_analysis_get_dataset (analysis), unit, indicator);
    case CA_CELL_COMPOSITE:
      return ca_analysis_get_composite (analysis)[unit];
    case CA_CELL_CLASS:
      return ca_analysis_get_types (analysis)[unit];
    case CA_CELL_CODE:
    case CA_CELL_NAME:
    default:
      return NAN;
    }
}

char *
ca_indicator_cell_text (CaAnalysis *analysis,
                        CaLang      lang,
                        CaCellKind  kind,
                        guint       indicator,
                        guint       unit)
{
  const CaUnit *u = ca_dataset_get_unit (ca_analysis_get_dataset (analysis), unit);

  switch (kind)
    {
    case CA_CELL_CODE:
      return g_strdup (u->code);
    case CA_CELL_NAME:
      return g_strdup (ca_text_get (&u->name, lang));
    case CA_CELL_CLASS:
      return g_strdup (ca_panel_favourability_label (ca_analysis_get_types (analysis)[unit]));
    case CA_CELL_INDICATOR:
    case CA_CELL_COMPOSITE:
    default:
      return ca_panel_format_number (ca_indicator_cell_number (analysis, kind, indicator, unit));
    }
}

int
ca_indicator_cell_compare (CaAnalysis *analysis,
                           CaLang      lang,
                           CaCellKind  kind,
                           guint       indicator,
                           guint       unit_a,
                           guint       unit_b)
{
  double va, vb;

  if (kind == CA_CELL_CODE || kind == CA_CELL_NAME)
    {
      g_autofree char *ta = ca_indicator_cell_text (analysis, lang, kind, indicator, unit_a);
      g_autofree char *tb = ca_indicator_cell_text (analysis, lang, kind, indicator, unit_b);

      return g_utf8_collate (ta, tb);
    }
  va = ca_indicator_cell_number (analysis, kind, indicator, unit_a);
  vb = ca_indicator_cell_number (analysis, kind, indicator, unit_b);
  if (kind == CA_CELL_CLASS)
    {
      /* Unknown (-1) after the three types. */
      va = va < 0 ? NAN : va;
      vb = vb < 0 ? NAN : vb;
    }
  if (isnan (va) || isnan (vb))
    return isnan (va) == isnan (vb) ? 0 : isnan (va) ? 1 : -1;
  return va < vb ? -1 : va > vb ? 1 : 0;
}

char *
ca_indicator_cell_accessible_name (CaAnalysis *analysis,
                                   CaLang      lang,
                                   guint       indicator,
                                   guint       unit)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);

  return g_strdup_printf ("%s, %s", ca_dataset_get_unit (dataset, unit)->code,
                          ca_text_get (&ca_dataset_get_indicator (dataset, indicator)->name, lang));
}

typedef struct
{
  guint  unit;
  guint  indicator;
  double value;
} ValueEdit;

static gboolean
apply_value (CaDataset *dataset,
             gpointer   data,
             GError   **error)
{
  ValueEdit *edit = data;

  return ca_dataset_set_value (dataset, edit->unit, edit->indicator, edit->value, error);
}

gboolean
ca_indicator_cell_commit (CaAnalysis *analysis,
                          CaHistory  *history,
                          CaLang      lang,
                          guint       indicator,
                          guint       unit,
                          const char *text,
                          GError    **error)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *label = NULL;
  ValueEdit edit = { unit, indicator, NAN };
  double current;

  if (*stripped != '\0' && !ca_csv_parse_number (stripped, &edit.value))
    {
      g_set_error (error, CA_INDICATOR_TABLE_ERROR, CA_INDICATOR_TABLE_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a number"), stripped);
      return FALSE;
    }
  current = ca_dataset_get_value (dataset, unit, indicator);
  if (edit.value == current || (isnan (edit.value) && isnan (current)))
    return TRUE;
  /* TRANSLATORS: an undo step: "Edit AKT Population density" */
  label = g_strdup_printf (_("Edit %s %s"), ca_dataset_get_unit (dataset, unit)->code,
                           ca_text_get (&ca_dataset_get_indicator (dataset, indicator)->name, lang));
  return ca_panel_edit (history, dataset, label, apply_value, &edit, error);
}
