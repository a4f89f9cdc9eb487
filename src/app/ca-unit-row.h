/* ca-unit-row.h — one unit of the dataset as an item of a GListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CA_TYPE_UNIT_ROW (ca_unit_row_get_type ())
G_DECLARE_FINAL_TYPE (CaUnitRow, ca_unit_row, CA, UNIT_ROW, GObject)

/* Properties: "unit" (uint, construct-only): the unit's index in the dataset. */
CaUnitRow *ca_unit_row_new (guint unit);
guint      ca_unit_row_get_unit (CaUnitRow *self);

G_END_DECLS
