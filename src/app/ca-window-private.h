/* ca-window-private.h — the window's state, shared by ca-window*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-analysis-panel.h"
#include "ca-autosave.h"
#include "ca-cluster-panel.h"
#include "ca-indicator-table.h"
#include "ca-window.h"

G_BEGIN_DECLS

/* Shared by the files that make up the window (as gnome-text-editor's
 * editor-window-private.h does): the class is one unit split by topic. */
struct _CaWindow
{
  GtkApplicationWindow parent_instance;

  CaDataset *dataset;
  CaAnalysis *analysis;
  CaHistory *history;
  CaBasemap *basemap;
  GFile *file;
  char *figure;
  GSettings *settings;
  /* The boundary settings the basemap was loaded for (path, join, CRS). */
  char *basemap_key;
  char *project_name;
  char *display_title;
  gboolean loading_boundaries;
  gboolean close_confirmed;
  CaAutosave *autosave;
  /* Work a crashed session left, offered in recovery_bar (ca-window-recovery.c). */
  CaAutosaveOrphan *offered;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkDropDown *figure_dropdown;
  GtkPaned *sidebar_paned;
  GtkPaned *table_paned;
  GtkStack *map_stack;
  GtkLabel *empty_details_label;
  CaMapView *map_view;
  GtkWidget *zoom_buttons;
  CaIndicatorTable *indicator_table;
  CaAnalysisPanel *analysis_panel;
  CaClusterPanel *cluster_panel;
  GtkInfoBar *recovery_bar;
  GtkLabel *recovery_label;
};


/* Installs the win.* actions on the class (ca-window-actions.c). */
void ca_window_class_install_actions (GtkWidgetClass *widget_class);
/* Sets every win.* action's enabled state from the window's state. */
void ca_window_actions_update (CaWindow *self);

void ca_window_update_title (CaWindow *self);
/* Shows the map, or the "No boundary data" page when a map figure has no
 * boundaries to draw on. */
void ca_window_update_map_page (CaWindow *self);
/* Reloads the boundaries when the project's boundary settings changed. */
void ca_window_on_dataset_changed (CaWindow  *self,
                                   guint      flags,
                                   CaDataset *dataset);
void ca_window_ask_before_closing (CaWindow *self);

/* Starts autosaving the project and offers work a crashed session left
 * (ca-window-recovery.c). */
void ca_window_setup_autosave (CaWindow *self);

/* Asks where to save (a native chooser) and saves; @then_close closes the
 * window after a successful save. */
void ca_window_save_as (CaWindow *self,
                        gboolean  then_close);

G_END_DECLS
