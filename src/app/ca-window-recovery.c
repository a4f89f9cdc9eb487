/* ca-window-recovery.c — the window's autosave, and the offer to restore
 * work that a crashed session left behind (ca-autosave.h).
 *
 * The window that finds an orphan claims it, so a second window does not
 * offer the same work; an offer left unanswered comes back at the next
 * start, since the claim ends with this process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-project.h"
#include "ca-window-private.h"

static char *
describe_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: when the recovered work was autosaved, e.g. "12 March
   * 2026, 14:05"; the codes are g_date_time_format's (%B: month name in
   * the genitive where a language has one). */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Named as the window's title names it. */
static char *
describe_project (const char *project_path)
{
  g_autofree char *basename = NULL;

  if (project_path == NULL)
    return g_strdup (_("Aktobe Region"));
  basename = g_filename_display_basename (project_path);
  if (g_str_has_suffix (basename, ".caproj"))
    return g_strndup (basename, strlen (basename) - strlen (".caproj"));
  return g_steal_pointer (&basename);
}

/* Offers the newest orphan no other window has claimed; hides the bar
 * when there is none. */
static void
offer_next (CaWindow *self)
{
  g_autoptr(GPtrArray) orphans = ca_autosave_find_orphans (ca_autosave_get_folder (self->autosave));
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->offered, ca_autosave_orphan_free);
  if (orphans->len == 0)
    {
      gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
      return;
    }
  self->offered = g_ptr_array_steal_index (orphans, 0);
  /* The claim only keeps other windows from offering it too: a folder
   * that cannot be written to is no reason not to offer the work. */
  ca_autosave_orphan_claim (self->offered, NULL);

  when = describe_time (self->offered->time);
  name = describe_project (self->offered->project_path);
  text = g_strdup_printf (_("Unsaved work from %s (%s) was recovered. Restore it?"), when, name);
  gtk_label_set_label (self->recovery_label, text);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
}

/* Makes @recovered the window's project, as unsaved changes to the file it
 * came from: that file (when it still loads) is the unmodified state Undo
 * goes back to, and Save writes to it. */
static void
restore_project (CaWindow   *self,
                 CaDataset  *recovered,
                 const char *project_path)
{
  g_autoptr(GFile) file = project_path != NULL ? g_file_new_for_path (project_path) : NULL;

  /* A file moved or deleted since: start from the paper's data, but still
   * save to the file. The bundled project always loads. */
  if (file == NULL || !ca_window_open_project (self, file, NULL))
    ca_window_open_project (self, NULL, NULL);
  ca_history_begin (self->history, _("Restore unsaved work"));
  ca_dataset_assign (self->dataset, recovered);
  g_set_object (&self->file, file);
  ca_autosave_set_project_path (self->autosave, project_path);
  ca_window_update_title (self);
  ca_window_actions_update (self);
}

static gboolean
restore_orphan (CaWindow               *self,
                const CaAutosaveOrphan *orphan,
                GError                **error)
{
  g_autoptr(CaDataset) recovered = ca_project_load (orphan->path, error);
  g_autoptr(GError) save_error = NULL;
  CaWindow *target = self;

  if (recovered == NULL)
    return FALSE;
  /* As when opening a file: this window's own unsaved work stays. */
  if (ca_history_is_modified (self->history))
    {
      target = ca_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  restore_project (target, recovered, orphan->project_path);

  /* The window's own copy takes over before the orphan goes; when it
   * cannot be written, the orphan stays for the next start. */
  if (ca_autosave_save_now (target->autosave, &save_error))
    ca_autosave_orphan_delete (orphan);
  else
    g_warning ("%s", save_error->message);
  return TRUE;
}

static void
on_recovery_response (CaWindow   *self,
                      int         response,
                      GtkInfoBar *bar)
{
  g_autoptr(CaAutosaveOrphan) orphan = g_steal_pointer (&self->offered);
  g_autoptr(GError) error = NULL;

  gtk_info_bar_set_revealed (bar, FALSE);
  if (orphan == NULL)
    return;
  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (!restore_orphan (self, orphan, &error))
        {
          ca_window_show_error (self, _("Could not restore the unsaved work"), error);
          return;
        }
    }
  else if (response == GTK_RESPONSE_REJECT)
    ca_autosave_orphan_delete (orphan);
  else
    return;  /* closed unanswered: asked again at the next start */
  offer_next (self);
}

void
ca_window_setup_autosave (CaWindow *self)
{
  self->autosave = ca_autosave_new (self->dataset, self->history, NULL);
  gtk_info_bar_set_default_response (self->recovery_bar, GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (self->recovery_bar, "response", G_CALLBACK (on_recovery_response), self,
                           G_CONNECT_SWAPPED);
  offer_next (self);
}
