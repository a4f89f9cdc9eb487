/* ca-export-dialog.c — the export options, a file chooser, and the export
 * itself in a worker thread.
 *
 * The thread works on its own copies: a copy of the dataset, a fresh
 * analysis of it and a basemap loaded from the same boundary file, so the
 * window may go on drawing (and the analysis re-running lazily) while the
 * figures are written. Progress is read from two counters on a timer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-export-dialog.h"

#define PROGRESS_INTERVAL_MS 100

struct _CaExportDialog
{
  GtkWindow parent_instance;

  CaAnalysis *analysis;
  CaBasemap *basemap;
  char *figure;

  GCancellable *cancellable;
  guint progress_id;
  gboolean close_when_done;
  char *error_message;
  /* Written by the worker, read by the progress timer. */
  gint done;
  gint total;

  GtkCheckButton *current_check;
  GtkLabel *current_title_label;
  GtkCheckButton *all_check;
  GtkDropDown *format_dropdown;
  GtkDropDown *size_dropdown;
  GtkCheckButton *landscape_check;
  GtkWidget *pixels_label;
  GtkWidget *pixels_box;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkWidget *dpi_label;
  GtkWidget *dpi_box;
  GtkSpinButton *dpi_spin;
  GtkDropDown *lang_dropdown;
  GtkCheckButton *world_file_check;
  GtkWidget *options_grid;
  GtkWidget *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkWidget *export_button;
};

G_DEFINE_FINAL_TYPE (CaExportDialog, ca_export_dialog, GTK_TYPE_WINDOW)

enum { SIZE_A4, SIZE_A3, SIZE_PIXELS };

static const char * const extensions[] = { "png", "pdf", "svg" };

typedef struct
{
  CaDataset *dataset;
  char *boundaries;
  char *figure;        /* NULL: all figures */
  char *path;
  CaExportFormat format;
  CaExportOptions options;
  CaExportDialog *dialog;  /* only for the counters; the task holds a ref */
  GCancellable *cancellable; /* the task's, while it runs */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->dataset);
  g_free (job->boundaries);
  g_free (job->figure);
  g_free (job->path);
  g_free (job);
}

void
ca_export_dialog_get_options (CaExportDialog  *self,
                              CaExportOptions *options,
                              CaExportFormat  *format,
                              gboolean        *all_figures)
{
  guint size;

  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  ca_export_options_init (options);
  *format = (CaExportFormat) gtk_drop_down_get_selected (self->format_dropdown);
  *all_figures = gtk_check_button_get_active (self->all_check);
  options->lang = (CaLang) gtk_drop_down_get_selected (self->lang_dropdown);
  options->landscape = gtk_check_button_get_active (self->landscape_check);
  size = gtk_drop_down_get_selected (self->size_dropdown);
  options->paper = size == SIZE_A3 ? CA_PAPER_A3 : CA_PAPER_A4;
  if (*format == CA_EXPORT_PNG)
    {
      options->dpi = gtk_spin_button_get_value (self->dpi_spin);
      options->world_file = gtk_check_button_get_active (self->world_file_check);
      if (size == SIZE_PIXELS)
        {
          options->width_px = gtk_spin_button_get_value_as_int (self->width_spin);
          options->height_px = gtk_spin_button_get_value_as_int (self->height_spin);
        }
    }
}

/* Only what applies to the chosen format is editable. */
static void
on_option_changed (CaExportDialog *self)
{
  gboolean png = gtk_drop_down_get_selected (self->format_dropdown) == CA_EXPORT_PNG;
  gboolean pixels = gtk_drop_down_get_selected (self->size_dropdown) == SIZE_PIXELS;
  gboolean all = gtk_check_button_get_active (self->all_check);
  gboolean can_georeference = all || ca_figure_is_map (self->figure);

  if (!png && pixels)
    {
      gtk_drop_down_set_selected (self->size_dropdown, SIZE_A4);
      pixels = FALSE;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->landscape_check), !pixels);
  gtk_widget_set_sensitive (self->pixels_label, png && pixels);
  gtk_widget_set_sensitive (self->pixels_box, png && pixels);
  gtk_widget_set_sensitive (self->dpi_label, png && !pixels);
  gtk_widget_set_sensitive (self->dpi_box, png && !pixels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->world_file_check), png && can_georeference);
  gtk_button_set_label (GTK_BUTTON (self->export_button), all ? _("_Export to Folder…") : _("_Export…"));
}

void
ca_export_dialog_set_all_figures (CaExportDialog *self,
                                  gboolean        all_figures)
{
  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (all_figures ? self->all_check : self->current_check, TRUE);
}

void
ca_export_dialog_set_format (CaExportDialog *self,
                             CaExportFormat  format)
{
  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));

  gtk_drop_down_set_selected (self->format_dropdown, format);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  ExportJob *job = data;

  g_atomic_int_set (&job->dialog->total, (gint) total);
  g_atomic_int_set (&job->dialog->done, (gint) done);
}

static gboolean
job_is_cancelled (gpointer data)
{
  ExportJob *job = data;

  return g_cancellable_is_cancelled (job->cancellable);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(CaAnalysis) analysis = ca_analysis_new (job->dataset);
  g_autoptr(CaBasemap) basemap = NULL;
  GError *error = NULL;
  gboolean ok;

  if (job->boundaries != NULL)
    {
      basemap = ca_basemap_load (job->dataset, job->boundaries, &error);
      if (basemap == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (job->figure != NULL)
    ok = ca_export_figure (job->figure, analysis, basemap, &job->options, job->path, &error);
  else
    {
      const char * const wanted[] = { extensions[job->format], NULL };

      job->cancellable = cancellable;
      ok = ca_export_all (analysis, basemap, &job->options, job->path, wanted, on_progress,
                          job_is_cancelled, job, &error);
      job->cancellable = NULL;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
progress_cb (gpointer user_data)
{
  CaExportDialog *self = user_data;
  int total = g_atomic_int_get (&self->total);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) g_atomic_int_get (&self->done) / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_running (CaExportDialog *self,
             gboolean        running)
{
  gtk_widget_set_sensitive (self->options_grid, !running);
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_widget_set_visible (self->progress_box, running);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, progress_cb, self);
    }
  else
    g_clear_object (&self->cancellable);
}

static void
show_error (CaExportDialog *self,
            const char     *path,
            const GError   *error)
{
  g_autofree char *name = g_path_get_basename (path);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent ? parent : GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("Could not export “%s”"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CaExportDialog *self = CA_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  set_running (self, FALSE);
  g_clear_pointer (&self->error_message, g_free);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                  g_error_matches (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_CANCELLED);
      if (cancelled)
        gtk_label_set_label (self->progress_label, _("Export cancelled."));
      else
        {
          self->error_message = g_strdup (error->message);
          show_error (self, job->path, error);
        }
      if (!self->close_when_done)
        {
          gtk_widget_set_visible (self->progress_box, cancelled);
          return;
        }
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
ca_export_dialog_export_to (CaExportDialog *self,
                            GFile          *target)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  ExportJob *job;
  gboolean all;

  g_return_if_fail (CA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (self->cancellable == NULL);

  job = g_new0 (ExportJob, 1);
  ca_export_dialog_get_options (self, &job->options, &job->format, &all);
  job->dataset = ca_dataset_copy (ca_analysis_get_dataset (self->analysis));
  job->boundaries = self->basemap ? g_strdup (ca_basemap_get_boundaries_path (self->basemap)) : NULL;
  job->figure = all ? NULL : g_strdup (self->figure);
  job->path = g_file_get_path (target);
  job->dialog = self;

  self->done = 0;
  self->total = 0;
  self->cancellable = g_cancellable_new ();
  name = g_file_get_basename (target);
  {
    g_autofree char *status = g_strdup_printf (_("Writing %s…"), name);

    gtk_label_set_label (self->progress_label, status);
  }
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, ca_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ca_export_dialog_is_running (CaExportDialog *self)
{
  g_return_val_if_fail (CA_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const char *
ca_export_dialog_get_error (CaExportDialog *self)
{
  g_return_val_if_fail (CA_IS_EXPORT_DIALOG (self), NULL);

  return self->error_message;
}

static void
on_target_chosen (GtkNativeDialog *native,
                  int              response,
                  CaExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        ca_export_dialog_export_to (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
on_export_clicked (CaExportDialog *self)
{
  CaExportOptions options;
  CaExportFormat format;
  gboolean all;
  GtkFileChooserNative *native;

  ca_export_dialog_get_options (self, &options, &format, &all);
  if (all)
    native = gtk_file_chooser_native_new (_("Export All Figures to a Folder"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", self->figure, extensions[format]);

      native = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_target_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_cancel_clicked (CaExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Closing while figures are written cancels between figures; the dialog
 * goes when the worker has stopped. */
static gboolean
ca_export_dialog_close_request (GtkWindow *window)
{
  CaExportDialog *self = CA_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_label (self->progress_label, _("Cancelling…"));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ca_export_dialog_parent_class)->close_request (window);
}

CaExportDialog *
ca_export_dialog_new (GtkWindow  *parent,
                      CaAnalysis *analysis,
                      CaBasemap  *basemap,
                      const char *figure_id,
                      CaLang      lang)
{
  CaExportDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CA_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (ca_figure_id_is_valid (figure_id), NULL);

  self = g_object_new (CA_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->analysis = g_object_ref (analysis);
  self->basemap = basemap ? g_object_ref (basemap) : NULL;
  self->figure = g_strdup (figure_id);

  title = ca_figure_get_title (figure_id, analysis, lang);
  gtk_label_set_label (self->current_title_label, title);
  /* The maps need boundaries: without them only the diagram can go. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_check), basemap != NULL);
  gtk_drop_down_set_selected (self->lang_dropdown, lang);
  on_option_changed (self);
  return self;
}

static void
ca_export_dialog_dispose (GObject *object)
{
  CaExportDialog *self = CA_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->analysis);
  g_clear_object (&self->basemap);

  G_OBJECT_CLASS (ca_export_dialog_parent_class)->dispose (object);
}

static void
ca_export_dialog_finalize (GObject *object)
{
  CaExportDialog *self = CA_EXPORT_DIALOG (object);

  g_free (self->figure);
  g_free (self->error_message);

  G_OBJECT_CLASS (ca_export_dialog_parent_class)->finalize (object);
}

static void
ca_export_dialog_class_init (CaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ca_export_dialog_dispose;
  object_class->finalize = ca_export_dialog_finalize;
  window_class->close_request = ca_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/ui/ca-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, current_check);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, current_title_label);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, landscape_check);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, pixels_label);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, pixels_box);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, dpi_label);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, dpi_box);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, lang_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, world_file_check);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, options_grid);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CaExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ca_export_dialog_init (CaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
