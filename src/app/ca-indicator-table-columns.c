/* ca-indicator-table-columns.c — the indicator table's columns: one
 * factory and one sorter per column, shared through a ColumnInfo; value
 * cells are CaValueCells that commit through ca-indicator-cells.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-indicator-cells.h"
#include "ca-indicator-table-private.h"
#include "ca-panel-util.h"
#include "ca-unit-row.h"
#include "ca-value-cell.h"

/* Shared by a column's factory and sorter, hence reference counted. */
typedef struct
{
  CaIndicatorTable *table;   /* unowned: the columns die with the table */
  CaCellKind        kind;
  char             *id;
  guint             indicator;
} ColumnInfo;

static void
column_info_clear (ColumnInfo *info)
{
  g_free (info->id);
}

static void
column_info_unref (gpointer info)
{
  g_rc_box_release_full (info, (GDestroyNotify) column_info_clear);
}

char *
ca_indicator_table_cell_key (guint       unit,
                             const char *column_id)
{
  return g_strdup_printf ("%u/%s", unit, column_id);
}

/* Cell contents: see ca-indicator-cells.c */

static char *
cell_text (CaIndicatorTable *self,
           const ColumnInfo *info,
           guint             unit)
{
  return ca_indicator_cell_text (self->analysis, self->lang, info->kind, info->indicator, unit);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  ColumnInfo *info = data;
  CaIndicatorTable *self = info->table;

  if (self->analysis == NULL)
    return GTK_ORDERING_EQUAL;
  return gtk_ordering_from_cmpfunc (
    ca_indicator_cell_compare (self->analysis, self->lang, info->kind, info->indicator,
                               ca_unit_row_get_unit ((CaUnitRow *) a),
                               ca_unit_row_get_unit ((CaUnitRow *) b)));
}

static void
bind_value_cell (CaIndicatorTable *self,
                 CaValueCell      *cell,
                 const ColumnInfo *info,
                 guint             unit)
{
  g_autofree char *text = cell_text (self, info, unit);
  g_autofree char *name = ca_indicator_cell_accessible_name (self->analysis, self->lang,
                                                             info->indicator, unit);

  ca_value_cell_bind (cell, unit, text, name);
}

/* What Enter in a value cell does (ca_indicator_table_edit_cell too). */
static gboolean
commit_cell (CaValueCell *cell,
             guint        unit,
             const char  *text,
             gpointer     data,
             GError     **error)
{
  const ColumnInfo *info = data;
  CaIndicatorTable *self = info->table;

  if (self->analysis == NULL)
    return TRUE;
  if (!ca_indicator_cell_commit (self->analysis, self->history, self->lang, info->indicator,
                                 unit, text, error))
    return FALSE;
  /* Canonical form of whatever the cell stands for now: the change may
   * have re-bound it to another unit, or changed nothing ("218.0"). */
  if (ca_value_cell_get_unit (cell) >= 0)
    bind_value_cell (self, cell, info, (guint) ca_value_cell_get_unit (cell));
  return TRUE;
}

/* Cell factories */

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnInfo               *info)
{
  GtkWidget *child;

  if (info->kind == CA_CELL_INDICATOR)
    child = ca_value_cell_new (commit_cell, info);
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), info->kind == CA_CELL_COMPOSITE ? 1.0 : 0.0);
      if (info->kind == CA_CELL_COMPOSITE)
        gtk_widget_add_css_class (child, "numeric");
    }
  gtk_list_item_set_child (item, child);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnInfo               *info)
{
  CaIndicatorTable *self = info->table;
  GtkWidget *child = gtk_list_item_get_child (item);
  guint unit = ca_unit_row_get_unit (gtk_list_item_get_item (item));

  if (self->dataset == NULL || unit >= ca_dataset_get_n_units (self->dataset))
    return;
  if (CA_IS_VALUE_CELL (child))
    bind_value_cell (self, CA_VALUE_CELL (child), info, unit);
  else
    {
      g_autofree char *text = cell_text (self, info, unit);

      gtk_label_set_text (GTK_LABEL (child), text);
    }
  g_hash_table_replace (self->cells, ca_indicator_table_cell_key (unit, info->id), child);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *key = ca_indicator_table_cell_key (ca_unit_row_get_unit (gtk_list_item_get_item (item)), info->id);

  if (g_hash_table_lookup (info->table->cells, key) == child)
    g_hash_table_remove (info->table->cells, key);
  if (CA_IS_VALUE_CELL (child))
    ca_value_cell_unbind (CA_VALUE_CELL (child));
}

static GtkColumnViewColumn *
add_column (CaIndicatorTable *self,
            CaCellKind        kind,
            const char       *id,
            guint             indicator,
            const char       *title)
{
  ColumnInfo *info = g_rc_box_new0 (ColumnInfo);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  info->table = self;
  info->kind = kind;
  info->id = g_strdup (id);
  info->indicator = indicator;
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), info);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, g_rc_box_acquire (info),
                                              column_info_unref));
  g_object_set_data_full (G_OBJECT (factory), "ca-column", info, column_info_unref);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, kind == CA_CELL_NAME);
  if (kind == CA_CELL_INDICATOR)
    gtk_column_view_column_set_fixed_width (column, 150);
  gtk_column_view_append_column (self->column_view, column);
  return column;
}

static char *
indicator_title (const CaIndicator *indicator,
                 CaLang             lang)
{
  const char *unit = ca_text_get (&indicator->unit, lang);

  if (*unit == '\0')
    return g_strdup (ca_text_get (&indicator->name, lang));
  /* TRANSLATORS: a column header: indicator name, its unit of measure */
  return g_strdup_printf (_("%s, %s"), ca_text_get (&indicator->name, lang), unit);
}

static char *
columns_signature (CaDataset *dataset)
{
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; i < ca_dataset_get_n_indicators (dataset); i++)
    g_string_append_printf (signature, "%s\n", ca_dataset_get_indicator (dataset, i)->id);
  return g_string_free (g_steal_pointer (&signature), FALSE);
}

void
ca_indicator_table_remove_columns (CaIndicatorTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  self->composite_column = NULL;
  g_clear_pointer (&self->column_signature, g_free);
}

/* Table 1's headers are sentences: let them wrap within the fixed column
 * widths instead of making each column as wide as its header. GTK 4.8
 * has no API for it, so style the title labels in the header row (the
 * column view's first child); a different widget tree just leaves them. */
static void
wrap_headers (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
          gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_WORD);
          gtk_label_set_xalign (GTK_LABEL (child), 0.0);
        }
      else
        wrap_headers (child);
    }
}

/* Makes the columns when the indicators differ from those they were made
 * for, else just renames the headers. */
void
ca_indicator_table_sync_columns (CaIndicatorTable *self)
{
  g_autofree char *signature = columns_signature (self->dataset);
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  if (g_strcmp0 (signature, self->column_signature) != 0)
    {
      ca_indicator_table_remove_columns (self);
      add_column (self, CA_CELL_CODE, CA_INDICATOR_TABLE_COLUMN_CODE, 0, _("Code"));
      add_column (self, CA_CELL_NAME, CA_INDICATOR_TABLE_COLUMN_NAME, 0, _("Unit"));
      for (guint i = 0; i < ca_dataset_get_n_indicators (self->dataset); i++)
        add_column (self, CA_CELL_INDICATOR, ca_dataset_get_indicator (self->dataset, i)->id, i, "");
      self->composite_column = add_column (self, CA_CELL_COMPOSITE,
                                           CA_INDICATOR_TABLE_COLUMN_COMPOSITE, 0, "");
      add_column (self, CA_CELL_CLASS, CA_INDICATOR_TABLE_COLUMN_CLASS, 0, _("Type"));
      self->column_signature = g_steal_pointer (&signature);
    }
  for (guint i = 0; i < ca_dataset_get_n_indicators (self->dataset); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 2 + i);
      g_autofree char *title = indicator_title (ca_dataset_get_indicator (self->dataset, i),
                                                self->lang);

      gtk_column_view_column_set_title (column, title);
    }
  gtk_column_view_column_set_title (self->composite_column,
                                    ca_panel_composite_label (ca_dataset_get_composite_method (self->dataset)));
  wrap_headers (GTK_WIDGET (self->column_view));
}

char *
ca_indicator_table_column_text (CaIndicatorTable *self,
                                const char       *column_id,
                                guint             unit)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);
      const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "ca-column");

      if (g_strcmp0 (info->id, column_id) == 0)
        return cell_text (self, info, unit);
    }
  return NULL;
}
