/* ca-history.h — undo and redo for every edit of a dataset.
 *
 * A dataset of a region is small (kilobytes), so each step keeps a whole
 * snapshot: simpler and more robust than inverse operations, and it covers
 * edits of every kind (values, members, settings, imports) alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_TYPE_HISTORY (ca_history_get_type ())
G_DECLARE_FINAL_TYPE (CaHistory, ca_history, CA, HISTORY, GObject)

/* Properties: "can-undo", "can-redo", "is-modified" (booleans, notify on change). */
CaHistory  *ca_history_new (CaDataset *dataset);
CaDataset  *ca_history_get_dataset (CaHistory *self);

/* Call before changing the dataset: remembers its state under @label
 * ("Edit AKT density"). Clears the redo list. */
void        ca_history_begin (CaHistory *self, const char *label);
/* Call if the change was refused after begin: forgets the step. */
void        ca_history_cancel (CaHistory *self);

gboolean    ca_history_can_undo (CaHistory *self);
gboolean    ca_history_can_redo (CaHistory *self);
const char *ca_history_get_undo_label (CaHistory *self);
const char *ca_history_get_redo_label (CaHistory *self);
void        ca_history_undo (CaHistory *self);
void        ca_history_redo (CaHistory *self);

/* Modified since the last ca_history_mark_saved (undoing back to the saved
 * state makes it unmodified again). */
gboolean    ca_history_is_modified (CaHistory *self);
void        ca_history_mark_saved (CaHistory *self);
void        ca_history_clear (CaHistory *self);

G_END_DECLS
