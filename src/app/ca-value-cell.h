/* ca-value-cell.h — an editable number in a table cell: Enter commits,
 * Escape reverts, leaving keeps a valid edit and drops an invalid one; a
 * refused text stays in place marked with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CA_TYPE_VALUE_CELL (ca_value_cell_get_type ())
G_DECLARE_FINAL_TYPE (CaValueCell, ca_value_cell, CA, VALUE_CELL, GtkEntry)

/* Stores @text for the cell's unit; FALSE with the reason to refuse it. */
typedef gboolean (*CaValueCellCommitFunc) (CaValueCell *cell,
                                           guint        unit,
                                           const char  *text,
                                           gpointer     data,
                                           GError     **error);

GtkWidget  *ca_value_cell_new (CaValueCellCommitFunc func,
                               gpointer              data);
/* Shows @unit's value as @text (the canonical form Escape returns to). */
void        ca_value_cell_bind (CaValueCell *self,
                                guint        unit,
                                const char  *text,
                                const char  *accessible_name);
void        ca_value_cell_unbind (CaValueCell *self);
/* The unit shown, or -1 when unbound. */
int         ca_value_cell_get_unit (CaValueCell *self);
const char *ca_value_cell_get_text (CaValueCell *self);
void        ca_value_cell_set_text (CaValueCell *self,
                                    const char  *text);
/* What Enter does: hands the text to the commit function and marks the
 * cell with the reason when it is refused. */
gboolean    ca_value_cell_commit (CaValueCell *self,
                                  GError     **error);
/* What Escape does: back to the canonical text, error mark cleared. */
void        ca_value_cell_revert (CaValueCell *self);
gboolean    ca_value_cell_has_error (CaValueCell *self);

G_END_DECLS
