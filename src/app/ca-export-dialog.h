/* ca-export-dialog.h — exporting the current figure or all six to PNG,
 * PDF or SVG, with progress and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-export.h"

G_BEGIN_DECLS

#define CA_TYPE_EXPORT_DIALOG (ca_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CaExportDialog, ca_export_dialog, CA, EXPORT_DIALOG, GtkWindow)

/* @basemap may be NULL: then only the Fig. 5 diagram can be exported. */
CaExportDialog *ca_export_dialog_new (GtkWindow  *parent,
                                      CaAnalysis *analysis,
                                      CaBasemap  *basemap,
                                      const char *figure_id,
                                      CaLang      lang);

/* What the dialog's controls say. */
void            ca_export_dialog_get_options (CaExportDialog  *self,
                                              CaExportOptions *options,
                                              CaExportFormat  *format,
                                              gboolean        *all_figures);
void            ca_export_dialog_set_all_figures (CaExportDialog *self,
                                                  gboolean        all_figures);
void            ca_export_dialog_set_format (CaExportDialog *self,
                                             CaExportFormat  format);

/* Starts exporting to @target (a file for one figure, a folder for all)
 * in a worker thread, as the Export button does after the file chooser.
 * The dialog closes itself when done; errors show in a message dialog. */
void            ca_export_dialog_export_to (CaExportDialog *self,
                                            GFile          *target);
gboolean        ca_export_dialog_is_running (CaExportDialog *self);
/* The last export's error message, or NULL. */
const char     *ca_export_dialog_get_error (CaExportDialog *self);

G_END_DECLS
