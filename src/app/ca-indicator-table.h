/* ca-indicator-table.h — Table 1 as an editable, sortable table: the five
 * indicators per unit with the Stage 1 composite and type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-analysis.h"
#include "ca-history.h"

G_BEGIN_DECLS

#define CA_INDICATOR_TABLE_ERROR (ca_indicator_table_error_quark ())
typedef enum
{
  CA_INDICATOR_TABLE_ERROR_NOT_A_NUMBER,
  CA_INDICATOR_TABLE_ERROR_NO_CELL,
} CaIndicatorTableError;
GQuark ca_indicator_table_error_quark (void);

/* Column ids besides the indicator ids. */
#define CA_INDICATOR_TABLE_COLUMN_CODE      "code"
#define CA_INDICATOR_TABLE_COLUMN_NAME      "name"
#define CA_INDICATOR_TABLE_COLUMN_COMPOSITE "composite"
#define CA_INDICATOR_TABLE_COLUMN_CLASS     "class"

#define CA_TYPE_INDICATOR_TABLE (ca_indicator_table_get_type ())
G_DECLARE_FINAL_TYPE (CaIndicatorTable, ca_indicator_table, CA, INDICATOR_TABLE, GtkWidget)

/* Properties: "selected-unit" (int, -1 for none; notifies only on change). */
GtkWidget *ca_indicator_table_new (void);
void       ca_indicator_table_set_analysis (CaIndicatorTable *self,
                                            CaAnalysis       *analysis);
void       ca_indicator_table_set_history (CaIndicatorTable *self,
                                           CaHistory        *history);
int        ca_indicator_table_get_selected_unit (CaIndicatorTable *self);
/* Selects the unit's row and scrolls to it; -1 clears the selection. */
void       ca_indicator_table_set_selected_unit (CaIndicatorTable *self,
                                                 int               unit);

/* Types @text into the cell of @unit and indicator @indicator_id and
 * commits it exactly as pressing Enter in the cell does. FALSE, with the
 * reason, when the text was refused (the cell then shows the error). */
gboolean   ca_indicator_table_edit_cell (CaIndicatorTable *self,
                                         guint             unit,
                                         const char       *indicator_id,
                                         const char       *text,
                                         GError          **error);
/* The widget currently showing the cell of @unit in column @column_id (an
 * indicator id or one of the CA_INDICATOR_TABLE_COLUMN_* ids), or NULL when
 * that row is not on screen: a GtkLabel, or a GtkEntry for indicators. */
GtkWidget *ca_indicator_table_get_cell_widget (CaIndicatorTable *self,
                                               guint             unit,
                                               const char       *column_id);
/* The text the cell shows (or would show): for tests and accessibility. */
char      *ca_indicator_table_get_cell_text (CaIndicatorTable *self,
                                             guint             unit,
                                             const char       *column_id);

G_END_DECLS
