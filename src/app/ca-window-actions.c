/* ca-window-actions.c — the win.* actions and their enabled states.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-csv.h"
#include "ca-export-dialog.h"
#include "ca-window-private.h"

typedef void (*ChosenFunc) (CaWindow *self,
                            GFile    *file,
                            gboolean  then_close);

typedef struct
{
  CaWindow  *window;
  ChosenFunc func;
  gboolean   then_close;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_object_unref (data->window);
  g_free (data);
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     ChooserData     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        data->func (data->window, file, data->then_close);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* Asks for one file with the desktop's own chooser (a portal when there is
 * one) and calls @func with it. */
static void
choose_file (CaWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *filter_name,
             const char           *suffix,
             const char           *current_name,
             ChosenFunc            func,
             gboolean              then_close)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (suffix != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_suffix (filter, suffix);
      gtk_file_chooser_add_filter (chooser, filter);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (chooser, all);
      gtk_file_chooser_set_filter (chooser, filter);
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (chooser, current_name);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  data->window = g_object_ref (self);
  data->func = func;
  data->then_close = then_close;
  g_object_set_data_full (G_OBJECT (native), "ca-chooser-data", data, (GDestroyNotify) chooser_data_free);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* @format has one %s: the file's name. */
static void show_file_error (CaWindow     *self,
                             const GError *error,
                             const char   *format,
                             ...) G_GNUC_PRINTF (3, 4);

static void
show_file_error (CaWindow     *self,
                 const GError *error,
                 const char   *format,
                 ...)
{
  g_autofree char *primary = NULL;
  va_list args;

  va_start (args, format);
  primary = g_strdup_vprintf (format, args);
  va_end (args);
  ca_window_show_error (self, primary, error);
}

static void
open_chosen (CaWindow *self,
             GFile    *file,
             gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  CaWindow *target = self;

  /* Unsaved work stays where it is: the project opens in a new window. */
  if (ca_history_is_modified (self->history))
    target = ca_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  if (!ca_window_open_project (target, file, &error))
    {
      show_file_error (self, error, _("Could not open “%s”"), name);
      if (target != self)
        gtk_window_destroy (GTK_WINDOW (target));
      return;
    }
  gtk_window_present (GTK_WINDOW (target));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (CA_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Project"), _("_Open"),
               _("Cluster Atlas projects"), "caproj", NULL, open_chosen, FALSE);
}

static void
save_chosen (CaWindow *self,
             GFile    *file,
             gboolean  then_close)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) target = NULL;

  if (g_str_has_suffix (basename, ".caproj"))
    target = g_object_ref (file);
  else
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *with_suffix = g_strconcat (path, ".caproj", NULL);

      target = g_file_new_for_path (with_suffix);
    }
  if (!ca_window_save_project (self, target, &error))
    {
      g_autofree char *name = g_file_get_basename (target);

      show_file_error (self, error, _("Could not save “%s”"), name);
    }
  else if (then_close)
    ca_window_close_unconditionally (self);
}

void
ca_window_save_as (CaWindow *self,
                   gboolean  then_close)
{
  g_autofree char *name = g_strconcat (self->project_name, ".caproj", NULL);

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Project"), _("_Save"),
               _("Cluster Atlas projects"), "caproj", name, save_chosen, then_close);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (self->file != NULL)
    save_chosen (self, self->file, FALSE);
  else
    ca_window_save_as (self, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ca_window_save_as (CA_WINDOW (widget), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);
  CaExportDialog *dialog;

  dialog = ca_export_dialog_new (GTK_WINDOW (self), self->analysis, self->basemap, self->figure,
                                 ca_map_view_get_lang (self->map_view));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (ca_history_can_undo (self->history))
    ca_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaWindow *self = CA_WINDOW (widget);

  if (ca_history_can_redo (self->history))
    ca_history_redo (self->history);
}

static void
import_indicators_chosen (CaWindow *self,
                          GFile    *file,
                          gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  ca_history_begin (self->history, _("Import indicators"));
  if (!ca_csv_import_indicators (self->dataset, path, &error))
    {
      ca_history_cancel (self->history);
      show_file_error (self, error, _("Could not import “%s”"), name);
    }
}

static void
import_indicators_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_file (CA_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Indicators"), _("_Import"),
               _("CSV files"), "csv", NULL, import_indicators_chosen, FALSE);
}

static void
import_matrix_chosen (CaWindow *self,
                      GFile    *file,
                      gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  CaMatrix *matrix;
  const char *problem;

  matrix = ca_csv_read_industry_matrix (self->dataset, path, &error);
  if (matrix == NULL)
    {
      show_file_error (self, error, _("Could not import “%s”"), name);
      return;
    }
  ca_history_begin (self->history, _("Import industry matrix"));
  ca_dataset_set_industry_matrix (self->dataset, matrix);

  /* Readable but unusable for Stage 2 (no output anywhere…): say so now. */
  problem = ca_analysis_get_lq_problem (self->analysis);
  if (problem != NULL)
    {
      g_autoptr(GError) lq_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA, problem);

      show_file_error (self, lq_error, _("“%s” cannot give location quotients"), name);
    }
}

static void
import_matrix_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (CA_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Industry Matrix"),
               _("_Import"), _("CSV files"), "csv", NULL, import_matrix_chosen, FALSE);
}

static void
export_indicators_chosen (CaWindow *self,
                          GFile    *file,
                          gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ca_csv_write_indicators (self->dataset);

  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &error))
    show_file_error (self, error, _("Could not write “%s”"), name);
}

static void
export_indicators_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_file (CA_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Indicators"), _("_Export"),
               _("CSV files"), "csv", "indicators.csv", export_indicators_chosen, FALSE);
}

static void
boundaries_chosen (CaWindow *self,
                   GFile    *file,
                   gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (!ca_window_load_boundaries (self, path, &error))
    show_file_error (self, error, _("Could not use “%s” as boundaries"), name);
}

static void
open_boundaries_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_file (CA_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Boundaries"), _("_Open"),
               _("Shapefiles"), "shp", NULL, boundaries_chosen, FALSE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaMapView *view = CA_WINDOW (widget)->map_view;

  if (g_str_equal (action_name, "win.zoom-in"))
    ca_map_view_zoom (view, 1.5);
  else if (g_str_equal (action_name, "win.zoom-out"))
    ca_map_view_zoom (view, 1 / 1.5);
  else
    ca_map_view_zoom_fit (view);
}

void
ca_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.import-indicators", NULL, import_indicators_action);
  gtk_widget_class_install_action (widget_class, "win.import-industry-matrix", NULL, import_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.export-indicators", NULL, export_indicators_action);
  gtk_widget_class_install_action (widget_class, "win.open-boundaries", NULL, open_boundaries_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  /* Stateful, with the figure id as target: the Alt+1…6 accelerators and
   * the help overlay use it. */
  gtk_widget_class_install_property_action (widget_class, "win.figure", "figure");
}

void
ca_window_actions_update (CaWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean is_map = ca_figure_is_map (self->figure);
  gboolean can_draw = self->basemap != NULL || !is_map;

  g_return_if_fail (CA_IS_WINDOW (self));

  if (self->history == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "win.undo", ca_history_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "win.redo", ca_history_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "win.save",
                                 self->file == NULL || ca_history_is_modified (self->history));
  /* The Fig. 5 diagram exports without boundaries; the maps need them. */
  gtk_widget_action_set_enabled (widget, "win.export", can_draw);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", can_draw);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", can_draw);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit",
                                 can_draw && ca_map_view_get_zoomed (self->map_view));
}
