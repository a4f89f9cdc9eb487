/* ca-analysis-panel-private.h — shared by ca-analysis-panel.c and its
 * class-breaks half, ca-analysis-panel-breaks.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-analysis-panel.h"
#include "ca-breaks-strip.h"

G_BEGIN_DECLS

struct _CaAnalysisPanel
{
  GtkWidget        parent_instance;

  GtkWidget       *content;        /* the one child */

  /* Classification (Figs. 1–3) */
  GtkWidget       *class_box;
  GtkLabel        *class_heading;
  GtkDropDown     *method_dropdown;
  GtkSpinButton   *classes_spin;
  GtkFlowBox      *breaks_box;
  CaBreaksStrip   *class_strip;
  /* Stage 1 */
  GtkWidget       *composite_box;
  GtkDropDown     *composite_dropdown;
  GtkLabel        *favourable_label;
  GtkLabel        *less_favourable_label;
  GtkEntry        *favourable_entry;
  GtkEntry        *less_favourable_entry;
  CaBreaksStrip   *composite_strip;
  GtkWidget       *natural_breaks_button;
  /* Stage 2 */
  GtkWidget       *lq_box;
  GtkSpinButton   *threshold_spin;
  GtkLabel        *matrix_label;
  GtkLabel        *lq_problem_label;
  GtkWidget       *published_button;
  GtkLabel        *message_label;

  CaAnalysis      *analysis;
  CaDataset       *dataset;
  CaHistory       *history;
  CaLang           lang;
  char            *figure;
  GArray          *shown_breaks;   /* double: the inner class breaks on show */
  GPtrArray       *break_entries;  /* GtkEntry*, one per shown break */
  char            *matrix_name;    /* base name of the last imported CSV */
  GtkNativeDialog *chooser;
  gboolean         updating;       /* writing the dataset into the controls */
};

void     ca_analysis_panel_set_message (CaAnalysisPanel *self,
                                        const char      *message);
/* Marks @widget with @error's message and shows it on the message line. */
void     ca_analysis_panel_refuse (CaAnalysisPanel *self,
                                   GtkWidget       *widget,
                                   const GError    *error);
/* The current figure's indicator, or -1 when it is not an indicator figure. */
int      ca_analysis_panel_current_indicator (CaAnalysisPanel *self);
gboolean ca_analysis_panel_parse_entry (GtkEntry *entry,
                                        double   *value,
                                        GError  **error);

/* ca-analysis-panel-breaks.c */
void     ca_analysis_panel_refresh_classes (CaAnalysisPanel *self);
void     ca_analysis_panel_on_method_changed (CaAnalysisPanel *self);
void     ca_analysis_panel_on_classes_changed (CaAnalysisPanel *self);
void     ca_analysis_panel_on_class_strip_moved (CaBreaksStrip   *strip,
                                                 guint            index,
                                                 double           value,
                                                 CaAnalysisPanel *self);

G_END_DECLS
