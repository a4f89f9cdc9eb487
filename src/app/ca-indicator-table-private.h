/* ca-indicator-table-private.h — shared by ca-indicator-table.c and its
 * columns half, ca-indicator-table-columns.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-indicator-table.h"

G_BEGIN_DECLS

struct _CaIndicatorTable
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;

  CaAnalysis         *analysis;
  CaDataset          *dataset;
  CaHistory          *history;
  CaLang              lang;

  GListStore         *rows;        /* CaUnitRow, in dataset order */
  GtkSingleSelection *selection;   /* over the sorted rows */
  GHashTable         *cells;       /* "unit/column" → bound cell widget (unowned) */
  GtkColumnViewColumn *composite_column;
  char               *column_signature;  /* indicator ids the columns were made for */
  GArray             *shown_types;       /* CaFavourability per unit, as last shown */
  GArray             *shown_composite;   /* double per unit, as last shown */

  int                 selected_unit;
  gboolean            syncing_selection;
};

/* ca-indicator-table-columns.c */
char      *ca_indicator_table_cell_key (guint       unit,
                                        const char *column_id);
/* Makes the columns for the dataset's indicators (when they differ from
 * those made last) and titles them. */
void       ca_indicator_table_sync_columns (CaIndicatorTable *self);
void       ca_indicator_table_remove_columns (CaIndicatorTable *self);
/* What the cell of @unit in column @column_id shows, or NULL for no such column. */
char      *ca_indicator_table_column_text (CaIndicatorTable *self,
                                           const char       *column_id,
                                           guint             unit);

G_END_DECLS
