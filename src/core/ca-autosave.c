/* ca-autosave.c — one session's copy of its unsaved work.
 *
 * The copy is written with ca_project_to_string and GLib's atomic, durable
 * write rather than ca_project_save: a cache copy needs no FILE.bak (which
 * would double every write), and boundary paths stay as the dataset holds
 * them (absolute) instead of being made relative to the cache folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ca-autosave-private.h"
#include "ca-project.h"

G_DEFINE_QUARK (ca-autosave-error-quark, ca_autosave_error)

struct _CaAutosave
{
  GObject    parent_instance;

  CaDataset *dataset;
  CaHistory *history;
  char      *folder;
  char      *path;          /* folder/SESSION.caproj */
  char      *info_path;     /* folder/SESSION.ini */
  char      *project_path;
  guint      delay;
  guint      timeout_id;
};

G_DEFINE_FINAL_TYPE (CaAutosave, ca_autosave, G_TYPE_OBJECT)

char *
ca_autosave_get_default_folder (void)
{
  return g_build_filename (g_get_user_cache_dir (), "cluster-atlas", "autosave", NULL);
}

static gboolean
on_timeout (gpointer data)
{
  CaAutosave *self = data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  /* The core has nowhere to show it; the next change tries again. */
  if (!ca_autosave_save_now (self, &error))
    g_warning ("%s", error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule (CaAutosave *self)
{
  /* Coalesced: the pending save writes this change too. Restarting the
   * timer on every edit instead would never save during steady editing. */
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add_seconds (self->delay, on_timeout, self);
}

static void
on_modified (CaAutosave *self,
             GParamSpec *pspec,
             CaHistory  *history)
{
  if (ca_history_is_modified (history))
    schedule (self);
  else
    ca_autosave_discard (self);
}

static void
on_dataset_changed (CaAutosave *self,
                    guint       flags,
                    CaDataset  *dataset)
{
  if (ca_history_is_modified (self->history))
    schedule (self);
}

static void
ca_autosave_dispose (GObject *object)
{
  CaAutosave *self = CA_AUTOSAVE (object);

  /* Not a discard: an object going away says nothing about the work. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->history);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (ca_autosave_parent_class)->dispose (object);
}

static void
ca_autosave_finalize (GObject *object)
{
  CaAutosave *self = CA_AUTOSAVE (object);

  g_free (self->folder);
  g_free (self->path);
  g_free (self->info_path);
  g_free (self->project_path);

  G_OBJECT_CLASS (ca_autosave_parent_class)->finalize (object);
}

static void
ca_autosave_class_init (CaAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ca_autosave_dispose;
  object_class->finalize = ca_autosave_finalize;
}

static void
ca_autosave_init (CaAutosave *self)
{
  self->delay = CA_AUTOSAVE_DEFAULT_DELAY;
}

CaAutosave *
ca_autosave_new (CaDataset  *dataset,
                 CaHistory  *history,
                 const char *folder)
{
  g_autofree char *session = g_uuid_string_random ();
  g_autofree char *name = NULL;
  g_autofree char *info_name = NULL;
  CaAutosave *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (CA_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ca_history_get_dataset (history) == dataset, NULL);

  self = g_object_new (CA_TYPE_AUTOSAVE, NULL);
  self->dataset = g_object_ref (dataset);
  self->history = g_object_ref (history);
  self->folder = folder != NULL ? g_strdup (folder) : ca_autosave_get_default_folder ();
  name = g_strconcat (session, CA_AUTOSAVE_PROJECT_SUFFIX, NULL);
  info_name = g_strconcat (session, CA_AUTOSAVE_INFO_SUFFIX, NULL);
  self->path = g_build_filename (self->folder, name, NULL);
  self->info_path = g_build_filename (self->folder, info_name, NULL);

  g_signal_connect_object (history, "notify::is-modified", G_CALLBACK (on_modified), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dataset, "changed", G_CALLBACK (on_dataset_changed), self,
                           G_CONNECT_SWAPPED);
  if (ca_history_is_modified (history))
    schedule (self);
  return self;
}

const char *
ca_autosave_get_folder (CaAutosave *self)
{
  g_return_val_if_fail (CA_IS_AUTOSAVE (self), NULL);
  return self->folder;
}

const char *
ca_autosave_get_path (CaAutosave *self)
{
  g_return_val_if_fail (CA_IS_AUTOSAVE (self), NULL);
  return self->path;
}

void
ca_autosave_set_project_path (CaAutosave *self,
                              const char *path)
{
  g_return_if_fail (CA_IS_AUTOSAVE (self));

  if (g_strcmp0 (path, self->project_path) == 0)
    return;
  g_free (self->project_path);
  self->project_path = g_strdup (path);
  /* A copy on disk names the old file: the next save corrects it. */
  if (ca_history_is_modified (self->history))
    schedule (self);
}

const char *
ca_autosave_get_project_path (CaAutosave *self)
{
  g_return_val_if_fail (CA_IS_AUTOSAVE (self), NULL);
  return self->project_path;
}

void
ca_autosave_set_delay (CaAutosave *self,
                       guint       seconds)
{
  g_return_if_fail (CA_IS_AUTOSAVE (self));
  self->delay = seconds;
}

gboolean
ca_autosave_is_scheduled (CaAutosave *self)
{
  g_return_val_if_fail (CA_IS_AUTOSAVE (self), FALSE);
  return self->timeout_id != 0;
}

gboolean
ca_autosave_save_now (CaAutosave  *self,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (CA_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (g_mkdir_with_parents (self->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CA_AUTOSAVE_ERROR, CA_AUTOSAVE_ERROR_IO,
                   _("%s: cannot create the autosave folder: %s"), self->folder,
                   g_strerror (saved_errno));
      return FALSE;
    }

  /* The project first, then the key file that makes it a recoverable copy:
   * a crash between the two leaves the new project with the previous key
   * file, or (at the first save) no key file and so nothing to offer. */
  contents = ca_project_to_string (self->dataset, &length);
  if (!g_file_set_contents_full (self->path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *name = g_path_get_basename (self->path);

      g_set_error (error, CA_AUTOSAVE_ERROR, CA_AUTOSAVE_ERROR_IO, _("%s: cannot autosave: %s"),
                   name, local_error->message);
      return FALSE;
    }
  now = g_date_time_new_now_local ();
  return ca_autosave_write_info (self->info_path, self->project_path, now, error);
}

void
ca_autosave_discard (CaAutosave *self)
{
  g_return_if_fail (CA_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* The key file first: a project copy without one is never offered. */
  g_unlink (self->info_path);
  g_unlink (self->path);
}
