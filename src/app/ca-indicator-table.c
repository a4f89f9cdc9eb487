/* ca-indicator-table.c
 *
 * A GtkColumnView over one CaUnitRow per unit (in dataset order), sorted by
 * the column view's sorter and selected through a GtkSingleSelection. The
 * cells read the dataset and the analysis when bound; a dataset change
 * re-binds the rows it touched by re-announcing them from the store. The
 * columns and their cells are made in ca-indicator-table-columns.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-indicator-cells.h"
#include "ca-indicator-table-private.h"
#include "ca-panel-util.h"
#include "ca-resources.h"
#include "ca-unit-row.h"
#include "ca-value-cell.h"

G_DEFINE_QUARK (ca-indicator-table-error-quark, ca_indicator_table_error)

G_DEFINE_FINAL_TYPE (CaIndicatorTable, ca_indicator_table, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows */

static void
remember_shown (CaIndicatorTable *self)
{
  guint n = ca_dataset_get_n_units (self->dataset);

  g_array_set_size (self->shown_types, 0);
  g_array_set_size (self->shown_composite, 0);
  g_array_append_vals (self->shown_types, ca_analysis_get_types (self->analysis), n);
  g_array_append_vals (self->shown_composite, ca_analysis_get_composite (self->analysis), n);
}

static void
reset_rows (CaIndicatorTable *self)
{
  guint n = self->dataset != NULL ? ca_dataset_get_n_units (self->dataset) : 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, ca_unit_row_new (i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

static gboolean
same_number (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

/* Re-binds the rows whose composite or type changed; all of them when
 * @all (a value or a name changed). */
static void
refresh_rows (CaIndicatorTable *self,
              gboolean          all)
{
  guint n = ca_dataset_get_n_units (self->dataset);
  const CaFavourability *types = ca_analysis_get_types (self->analysis);
  const double *composite = ca_analysis_get_composite (self->analysis);

  if (all || self->shown_types->len != n)
    g_list_model_items_changed (G_LIST_MODEL (self->rows), 0, n, n);
  else
    for (guint i = 0; i < n; i++)
      if (types[i] != g_array_index (self->shown_types, CaFavourability, i) ||
          !same_number (composite[i], g_array_index (self->shown_composite, double, i)))
        g_list_model_items_changed (G_LIST_MODEL (self->rows), i, 1, 1);
  remember_shown (self);
}

static guint
position_of_unit (CaIndicatorTable *self,
                  int               unit)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; unit >= 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaUnitRow) row = g_list_model_get_item (model, i);

      if ((int) ca_unit_row_get_unit (row) == unit)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
scroll_to_position (CaIndicatorTable *self,
                    guint             position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to (): ask its list view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Makes the selection show self->selected_unit. */
static void
sync_selection (CaIndicatorTable *self)
{
  guint position = position_of_unit (self, self->selected_unit);

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_position (self, position);
}

static void
set_selected_unit_internal (CaIndicatorTable *self,
                            int               unit)
{
  if (unit == self->selected_unit)
    return;
  self->selected_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      CaIndicatorTable   *self)
{
  CaUnitRow *row = gtk_single_selection_get_selected_item (selection);

  if (self->syncing_selection)
    return;
  set_selected_unit_internal (self, row != NULL ? (int) ca_unit_row_get_unit (row) : -1);
}

static void
on_dataset_changed (CaDataset        *dataset,
                    guint             flags,
                    CaIndicatorTable *self)
{
  if (ca_dataset_get_n_units (dataset) != g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      ca_indicator_table_sync_columns (self);
      reset_rows (self);
      remember_shown (self);
      if (self->selected_unit >= (int) ca_dataset_get_n_units (dataset))
        set_selected_unit_internal (self, -1);
      sync_selection (self);
      return;
    }
  if (flags & (CA_CHANGE_METADATA | CA_CHANGE_SETTINGS))
    ca_indicator_table_sync_columns (self);
  if (flags & (CA_CHANGE_VALUES | CA_CHANGE_METADATA))
    refresh_rows (self, TRUE);
  else if (flags & CA_CHANGE_SETTINGS)
    refresh_rows (self, FALSE);
  /* Re-announced rows keep their selection; re-assert it if the sort moved it. */
  if (position_of_unit (self, self->selected_unit) !=
      gtk_single_selection_get_selected (self->selection))
    sync_selection (self);
}

/* GObject */

static void
ca_indicator_table_dispose (GObject *object)
{
  CaIndicatorTable *self = CA_INDICATOR_TABLE (object);

  if (self->column_view != NULL)
    ca_indicator_table_remove_columns (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_INDICATOR_TABLE);
  self->column_view = NULL;
  g_clear_object (&self->analysis);
  g_clear_object (&self->dataset);
  g_clear_object (&self->history);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->column_signature, g_free);
  g_clear_pointer (&self->shown_types, g_array_unref);
  g_clear_pointer (&self->shown_composite, g_array_unref);

  G_OBJECT_CLASS (ca_indicator_table_parent_class)->dispose (object);
}

static void
ca_indicator_table_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CaIndicatorTable *self = CA_INDICATOR_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_UNIT:
      g_value_set_int (value, self->selected_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_indicator_table_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CaIndicatorTable *self = CA_INDICATOR_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_UNIT:
      ca_indicator_table_set_selected_unit (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_indicator_table_class_init (CaIndicatorTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_indicator_table_dispose;
  object_class->get_property = ca_indicator_table_get_property;
  object_class->set_property = ca_indicator_table_set_property;

  properties[PROP_SELECTED_UNIT] =
    g_param_spec_int ("selected-unit", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource links its object file (and with it the
   * constructor that registers it) into programs using the static library. */
  (void) ca_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/ui/ca-indicator-table.ui");
  gtk_widget_class_bind_template_child (widget_class, CaIndicatorTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, CaIndicatorTable, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "indicatortable");
}

static void
ca_indicator_table_init (CaIndicatorTable *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected_unit = -1;
  self->lang = ca_panel_get_lang ();
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown_types = g_array_new (FALSE, FALSE, sizeof (CaFavourability));
  self->shown_composite = g_array_new (FALSE, FALSE, sizeof (double));
  self->rows = g_list_store_new (CA_TYPE_UNIT_ROW);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "notify::selected-item",
                    G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* Public */

GtkWidget *
ca_indicator_table_new (void)
{
  return g_object_new (CA_TYPE_INDICATOR_TABLE, NULL);
}

void
ca_indicator_table_set_analysis (CaIndicatorTable *self,
                                 CaAnalysis       *analysis)
{
  g_return_if_fail (CA_IS_INDICATOR_TABLE (self));
  g_return_if_fail (analysis == NULL || CA_IS_ANALYSIS (analysis));

  if (analysis == self->analysis)
    return;
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->analysis, analysis);
  g_clear_object (&self->dataset);
  if (analysis != NULL)
    self->dataset = g_object_ref (ca_analysis_get_dataset (analysis));
  set_selected_unit_internal (self, -1);
  if (self->dataset == NULL)
    {
      reset_rows (self);
      ca_indicator_table_remove_columns (self);
      return;
    }
  g_signal_connect_object (self->dataset, "changed", G_CALLBACK (on_dataset_changed), self, 0);
  ca_indicator_table_sync_columns (self);
  reset_rows (self);
  remember_shown (self);
  sync_selection (self);
}

void
ca_indicator_table_set_history (CaIndicatorTable *self,
                                CaHistory        *history)
{
  g_return_if_fail (CA_IS_INDICATOR_TABLE (self));
  g_return_if_fail (history == NULL || CA_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

int
ca_indicator_table_get_selected_unit (CaIndicatorTable *self)
{
  g_return_val_if_fail (CA_IS_INDICATOR_TABLE (self), -1);
  return self->selected_unit;
}

void
ca_indicator_table_set_selected_unit (CaIndicatorTable *self,
                                      int               unit)
{
  g_return_if_fail (CA_IS_INDICATOR_TABLE (self));

  if (unit < 0 || self->dataset == NULL || unit >= (int) ca_dataset_get_n_units (self->dataset))
    unit = -1;
  if (unit == self->selected_unit)
    return;
  self->selected_unit = unit;
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

GtkWidget *
ca_indicator_table_get_cell_widget (CaIndicatorTable *self,
                                    guint             unit,
                                    const char       *column_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CA_IS_INDICATOR_TABLE (self), NULL);
  g_return_val_if_fail (column_id != NULL, NULL);

  key = ca_indicator_table_cell_key (unit, column_id);
  return g_hash_table_lookup (self->cells, key);
}

char *
ca_indicator_table_get_cell_text (CaIndicatorTable *self,
                                  guint             unit,
                                  const char       *column_id)
{
  GtkWidget *cell;

  g_return_val_if_fail (CA_IS_INDICATOR_TABLE (self), NULL);

  cell = ca_indicator_table_get_cell_widget (self, unit, column_id);
  if (GTK_IS_LABEL (cell))
    return g_strdup (gtk_label_get_text (GTK_LABEL (cell)));
  if (GTK_IS_EDITABLE (cell))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
  if (self->dataset == NULL || unit >= ca_dataset_get_n_units (self->dataset))
    return NULL;
  /* Off screen: what binding the row would show. */
  return ca_indicator_table_column_text (self, column_id, unit);
}

gboolean
ca_indicator_table_edit_cell (CaIndicatorTable *self,
                              guint             unit,
                              const char       *indicator_id,
                              const char       *text,
                              GError          **error)
{
  GtkWidget *cell;
  int indicator;

  g_return_val_if_fail (CA_IS_INDICATOR_TABLE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  indicator = self->dataset != NULL ? ca_dataset_find_indicator (self->dataset, indicator_id) : -1;
  if (indicator < 0 || unit >= ca_dataset_get_n_units (self->dataset))
    {
      g_set_error (error, CA_INDICATOR_TABLE_ERROR, CA_INDICATOR_TABLE_ERROR_NO_CELL,
                   _("No cell for unit %u and indicator “%s”"), unit, indicator_id);
      return FALSE;
    }
  cell = ca_indicator_table_get_cell_widget (self, unit, indicator_id);
  if (CA_IS_VALUE_CELL (cell))
    {
      ca_value_cell_set_text (CA_VALUE_CELL (cell), text);
      return ca_value_cell_commit (CA_VALUE_CELL (cell), error);
    }
  return ca_indicator_cell_commit (self->analysis, self->history, self->lang, (guint) indicator,
                                   unit, text, error);
}
