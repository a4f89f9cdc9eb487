/* ca-analysis-panel.h — the settings behind the current figure: how its
 * indicator is classified, the Stage 1 composite and its breaks, the
 * location quotient threshold and the industry matrix in use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-analysis.h"
#include "ca-history.h"

G_BEGIN_DECLS

#define CA_TYPE_ANALYSIS_PANEL (ca_analysis_panel_get_type ())
G_DECLARE_FINAL_TYPE (CaAnalysisPanel, ca_analysis_panel, CA, ANALYSIS_PANEL, GtkWidget)

/* Properties: "figure" (string: a figure id from ca-figure.h). */
GtkWidget  *ca_analysis_panel_new (void);
void        ca_analysis_panel_set_analysis (CaAnalysisPanel *self,
                                            CaAnalysis      *analysis);
void        ca_analysis_panel_set_history (CaAnalysisPanel *self,
                                           CaHistory       *history);
const char *ca_analysis_panel_get_figure (CaAnalysisPanel *self);
void        ca_analysis_panel_set_figure (CaAnalysisPanel *self,
                                          const char      *figure_id);

/* Sets the manual inner breaks (@n_breaks of them, @n_breaks + 1 classes) of
 * the current figure's indicator, as typing them into the break entries
 * does: FALSE, with the reason shown in place, when they are refused. */
gboolean    ca_analysis_panel_set_manual_breaks (CaAnalysisPanel *self,
                                                 const double    *breaks,
                                                 guint            n_breaks,
                                                 GError         **error);
/* What the Import Matrix… button does with the chosen file: reads the
 * units × industries output CSV and makes the analysis compute the location
 * quotients from it, under the history. */
gboolean    ca_analysis_panel_import_matrix (CaAnalysisPanel *self,
                                             const char      *path,
                                             GError         **error);
/* The text of the panel's message line (the last refusal), or "". */
const char *ca_analysis_panel_get_message (CaAnalysisPanel *self);

G_END_DECLS
