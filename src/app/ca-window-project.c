/* ca-window-project.c — the window's project: opening, saving, the
 * boundary data behind the map, and asking before unsaved work is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-project.h"
#include "ca-window-private.h"

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}


static char *
boundary_key (CaDataset *dataset)
{
  return g_strjoin ("\n", nonnull (ca_dataset_get_boundary_path (dataset)),
                    nonnull (ca_dataset_get_join_field (dataset)),
                    nonnull (ca_dataset_get_map_crs (dataset)), NULL);
}


gboolean
ca_window_load_boundaries (CaWindow    *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(CaBasemap) basemap = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CA_IS_WINDOW (self), FALSE);

  basemap = ca_basemap_load (self->dataset, path, &local_error);
  if (basemap == NULL)
    {
      /* An explicit file the user chose keeps the map that was there. */
      if (path == NULL)
        {
          g_clear_object (&self->basemap);
          ca_map_view_set_basemap (self->map_view, NULL);
          gtk_label_set_label (self->empty_details_label, local_error->message);
          ca_window_update_map_page (self);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->basemap, basemap);
  ca_map_view_set_basemap (self->map_view, basemap);

  /* Remember the chosen file in the project, as an undoable edit. */
  if (path != NULL && g_strcmp0 (path, ca_dataset_get_boundary_path (self->dataset)) != 0)
    {
      self->loading_boundaries = TRUE;
      ca_history_begin (self->history, _("Set boundary file"));
      ca_dataset_set_boundary_path (self->dataset, path);
      self->loading_boundaries = FALSE;
    }
  g_free (self->basemap_key);
  self->basemap_key = boundary_key (self->dataset);
  ca_window_update_map_page (self);
  return TRUE;
}


void
ca_window_on_dataset_changed (CaWindow  *self,
                    guint      flags,
                    CaDataset *dataset)
{
  g_autofree char *key = NULL;

  if (self->loading_boundaries)
    return;
  /* Undo, redo or an opened project may bring other boundary settings. */
  key = boundary_key (dataset);
  if (g_strcmp0 (key, self->basemap_key) != 0)
    ca_window_load_boundaries (self, NULL, NULL);
}


gboolean
ca_window_open_project (CaWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autoptr(CaDataset) loaded = NULL;

  g_return_val_if_fail (CA_IS_WINDOW (self), FALSE);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      loaded = ca_project_load (path, error);
    }
  else
    loaded = ca_project_load_default (error);
  if (loaded == NULL)
    return FALSE;

  self->loading_boundaries = TRUE;
  ca_dataset_assign (self->dataset, loaded);
  self->loading_boundaries = FALSE;
  ca_history_clear (self->history);
  ca_history_mark_saved (self->history);
  g_set_object (&self->file, file);
  {
    g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

    ca_autosave_set_project_path (self->autosave, path);
  }

  ca_window_load_boundaries (self, NULL, NULL);
  ca_window_update_title (self);
  ca_window_actions_update (self);
  return TRUE;
}


gboolean
ca_window_save_project (CaWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (!ca_project_save (self->dataset, path, error))
    return FALSE;
  g_set_object (&self->file, file);
  ca_autosave_set_project_path (self->autosave, path);
  ca_history_mark_saved (self->history);
  ca_window_update_title (self);
  ca_window_actions_update (self);
  return TRUE;
}


void
ca_window_show_error (CaWindow     *self,
                      const char   *primary,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (CA_IS_WINDOW (self));

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}


static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   CaWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_REJECT)
    ca_window_close_unconditionally (self);
  else if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;

      if (self->file == NULL)
        ca_window_save_as (self, TRUE);
      else if (ca_window_save_project (self, self->file, &error))
        ca_window_close_unconditionally (self);
      else
        ca_window_show_error (self, _("Could not save the project"), error);
    }
}


void
ca_window_ask_before_closing (CaWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *discard;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” before closing?"),
                                   self->project_name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don't save, your changes will be lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_dialog_add_button (GTK_DIALOG (dialog), self->file ? _("_Save") : _("_Save As…"),
                         GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}


static gboolean
close_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* From an idle: the caller is often a dialog's response handler, and the
 * dialog must not outlive the window it is transient for. */
void
ca_window_close_unconditionally (CaWindow *self)
{
  g_return_if_fail (CA_IS_WINDOW (self));

  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_cb, g_object_ref (self), g_object_unref);
}

