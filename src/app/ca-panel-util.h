/* ca-panel-util.h — small helpers the side panels share: the UI language,
 * numbers in the user's locale, in-place error marks and guarded edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-history.h"

G_BEGIN_DECLS

/* The data language matching the user's locale: Russian or Kazakh when the
 * first of g_get_language_names () is one of those, else English. */
CaLang      ca_panel_get_lang (void);

/* @value with the locale's decimal separator ("3,5" in ru_RU), "" for NAN. */
char       *ca_panel_format_number (double value);

/* Marks @widget as refused ("error" style class, tooltip @reason) or clears
 * the mark (@reason NULL). */
void        ca_panel_mark_error (GtkWidget  *widget,
                                 const char *reason);

/* Applies an edit under @history (which may be NULL): remembers the state
 * under @label, calls @apply, and forgets the step when @apply refuses
 * (returns FALSE) or changes nothing. */
typedef gboolean (*CaPanelEditFunc) (CaDataset *dataset,
                                     gpointer   data,
                                     GError   **error);
gboolean    ca_panel_edit (CaHistory       *history,
                           CaDataset       *dataset,
                           const char      *label,
                           CaPanelEditFunc  apply,
                           gpointer         data,
                           GError         **error);

const char *ca_panel_favourability_label (CaFavourability type);
const char *ca_panel_composite_label (CaCompositeMethod method);
const char *ca_panel_cluster_type_label (CaClusterType type);

G_END_DECLS
