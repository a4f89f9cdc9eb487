/* ca-window.h — the main window: one project, its figure, tables and panels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-analysis.h"
#include "ca-basemap.h"
#include "ca-history.h"
#include "ca-map-view.h"

G_BEGIN_DECLS

#define CA_TYPE_WINDOW (ca_window_get_type ())
G_DECLARE_FINAL_TYPE (CaWindow, ca_window, CA, WINDOW, GtkApplicationWindow)

/* Properties: "figure" (string: the figure id shown; the win.figure action
 * is its stateful mirror). */
CaWindow   *ca_window_new (GtkApplication *application);

/* Replaces the project with the one in @file (NULL: the bundled Aktobe
 * default). The window keeps its project when loading fails. */
gboolean    ca_window_open_project (CaWindow  *self,
                                    GFile     *file,
                                    GError   **error);
/* Writes the project to @file and remembers it as the project's file. */
gboolean    ca_window_save_project (CaWindow  *self,
                                    GFile     *file,
                                    GError   **error);
/* Re-reads the boundaries: @path, or NULL for the project's own or the
 * default search. Shows the map or the "No boundary data" page. */
gboolean    ca_window_load_boundaries (CaWindow    *self,
                                       const char  *path,
                                       GError     **error);

GFile      *ca_window_get_file (CaWindow *self);
CaDataset  *ca_window_get_dataset (CaWindow *self);
CaAnalysis *ca_window_get_analysis (CaWindow *self);
CaHistory  *ca_window_get_history (CaWindow *self);
/* NULL when no boundary data was found. */
CaBasemap  *ca_window_get_basemap (CaWindow *self);
CaMapView  *ca_window_get_map_view (CaWindow *self);
GtkWidget  *ca_window_get_indicator_table (CaWindow *self);
GtkWidget  *ca_window_get_cluster_panel (CaWindow *self);
const char *ca_window_get_figure (CaWindow *self);
void        ca_window_set_figure (CaWindow   *self,
                                  const char *figure_id);
/* The title the window shows: project name, "•" when modified. */
const char *ca_window_get_display_title (CaWindow *self);

/* TRUE when the map page shows (boundaries loaded, or the diagram figure);
 * FALSE for the "No boundary data" page. */
gboolean    ca_window_shows_map (CaWindow *self);
/* Closes the window (from an idle) without asking about unsaved changes. */
void        ca_window_close_unconditionally (CaWindow *self);

/* Shows a modal error dialog: @primary names the file, @error the reason. */
void        ca_window_show_error (CaWindow     *self,
                                  const char   *primary,
                                  const GError *error);

G_END_DECLS
