/* ca-autosave-orphan.c — the SESSION.ini key file, and the copies whose
 * process no longer runs.
 *
 * A process counts as the writer only while its pid runs with the start
 * time recorded (field 22 of /proc/PID/stat): after a crash the pid may go
 * to any other program, which must not keep the work from being offered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <signal.h>
#include <unistd.h>
#endif

#include "ca-autosave-private.h"

G_DEFINE_BOXED_TYPE (CaAutosaveOrphan, ca_autosave_orphan, ca_autosave_orphan_copy, ca_autosave_orphan_free)

CaAutosaveOrphan *
ca_autosave_orphan_copy (const CaAutosaveOrphan *orphan)
{
  CaAutosaveOrphan *copy;

  g_return_val_if_fail (orphan != NULL, NULL);

  copy = g_new0 (CaAutosaveOrphan, 1);
  copy->path = g_strdup (orphan->path);
  copy->info_path = g_strdup (orphan->info_path);
  copy->project_path = g_strdup (orphan->project_path);
  copy->time = g_date_time_ref (orphan->time);
  return copy;
}

void
ca_autosave_orphan_free (CaAutosaveOrphan *orphan)
{
  if (orphan == NULL)
    return;
  g_free (orphan->path);
  g_free (orphan->info_path);
  g_free (orphan->project_path);
  g_clear_pointer (&orphan->time, g_date_time_unref);
  g_free (orphan);
}

/* When process @pid started, in clock ticks after boot; 0 when there is
 * no such process (or no /proc). */
static guint64
process_start_time (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *name_end;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  /* Field 2, the command name, is in parentheses and may hold spaces and
   * parentheses itself: the fields that follow start after the last ')'. */
  name_end = strrchr (contents, ')');
  if (name_end == NULL || name_end[1] != ' ')
    return 0;
  fields = g_strsplit (name_end + 2, " ", 21);
  /* fields[0] is field 3 (the state), so field 22 is fields[19]. */
  if (g_strv_length (fields) < 20)
    return 0;
  return g_ascii_strtoull (fields[19], NULL, 10);
}

static int
current_pid (void)
{
#ifdef G_OS_UNIX
  return getpid ();
#else
  return 0;
#endif
}

static gboolean
process_is_running (int     pid,
                    guint64 start_time)
{
  guint64 actual;

  if (pid <= 0)
    return FALSE;
  if (!g_file_test ("/proc/self/stat", G_FILE_TEST_EXISTS))
    {
      /* Without /proc the pid alone must do. */
#ifdef G_OS_UNIX
      return kill (pid, 0) == 0 || errno == EPERM;
#else
      return TRUE;
#endif
    }
  actual = process_start_time (pid);
  if (actual == 0)
    return FALSE;
  return start_time == 0 || actual == start_time;
}

gboolean
ca_autosave_write_info (const char  *info_path,
                        const char  *project_path,
                        GDateTime   *time,
                        GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *when = g_date_time_format_iso8601 (time);
  g_autofree char *data = NULL;
  gsize length = 0;
  int pid = current_pid ();

  /* A URI: a key file holds UTF-8, a file name need not be. */
  if (project_path != NULL)
    {
      g_autofree char *uri = g_filename_to_uri (project_path, NULL, NULL);

      if (uri != NULL)
        g_key_file_set_string (keys, CA_AUTOSAVE_GROUP, "Project", uri);
    }
  g_key_file_set_string (keys, CA_AUTOSAVE_GROUP, "Time", when);
  g_key_file_set_integer (keys, CA_AUTOSAVE_GROUP, "Pid", pid);
  g_key_file_set_uint64 (keys, CA_AUTOSAVE_GROUP, "PidStart", process_start_time (pid));
  data = g_key_file_to_data (keys, &length, NULL);
  if (!g_file_set_contents_full (info_path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_autofree char *name = g_path_get_basename (info_path);

      g_set_error (error, CA_AUTOSAVE_ERROR, CA_AUTOSAVE_ERROR_IO, _("%s: cannot autosave: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The orphan described by @info_path, or NULL when its process still runs
 * or the file is not one of ours. */
static CaAutosaveOrphan *
read_orphan (const char *info_path)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CaAutosaveOrphan) orphan = NULL;
  g_autofree char *when = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *session = NULL;
  int pid;

  if (!g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  pid = g_key_file_get_integer (keys, CA_AUTOSAVE_GROUP, "Pid", &error);
  when = g_key_file_get_string (keys, CA_AUTOSAVE_GROUP, "Time", NULL);
  if (error != NULL || when == NULL)
    return NULL;
  if (process_is_running (pid, g_key_file_get_uint64 (keys, CA_AUTOSAVE_GROUP, "PidStart", NULL)))
    return NULL;

  orphan = g_new0 (CaAutosaveOrphan, 1);
  orphan->time = g_date_time_new_from_iso8601 (when, NULL);
  if (orphan->time == NULL)
    return NULL;
  orphan->info_path = g_strdup (info_path);
  session = g_strndup (info_path, strlen (info_path) - strlen (CA_AUTOSAVE_INFO_SUFFIX));
  orphan->path = g_strconcat (session, CA_AUTOSAVE_PROJECT_SUFFIX, NULL);
  uri = g_key_file_get_string (keys, CA_AUTOSAVE_GROUP, "Project", NULL);
  if (uri != NULL)
    orphan->project_path = g_filename_from_uri (uri, NULL, NULL);

  /* Its writer is gone and nothing is left to recover: tidy up. */
  if (!g_file_test (orphan->path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (info_path);
      return NULL;
    }
  return g_steal_pointer (&orphan);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CaAutosaveOrphan *x = *(CaAutosaveOrphan * const *) a;
  const CaAutosaveOrphan *y = *(CaAutosaveOrphan * const *) b;

  return g_date_time_compare (y->time, x->time);
}

GPtrArray *
ca_autosave_find_orphans (const char *folder)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) ca_autosave_orphan_free);
  g_autofree char *default_folder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (folder == NULL)
    folder = default_folder = ca_autosave_get_default_folder ();
  /* No folder: nothing was ever autosaved. */
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return orphans;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *info_path = NULL;
      CaAutosaveOrphan *orphan;

      if (!g_str_has_suffix (name, CA_AUTOSAVE_INFO_SUFFIX))
        continue;
      info_path = g_build_filename (folder, name, NULL);
      orphan = read_orphan (info_path);
      if (orphan != NULL)
        g_ptr_array_add (orphans, orphan);
    }
  g_ptr_array_sort (orphans, compare_newest_first);
  return orphans;
}

gboolean
ca_autosave_orphan_claim (const CaAutosaveOrphan  *orphan,
                          GError                 **error)
{
  g_return_val_if_fail (orphan != NULL, FALSE);

  return ca_autosave_write_info (orphan->info_path, orphan->project_path, orphan->time, error);
}

void
ca_autosave_orphan_delete (const CaAutosaveOrphan *orphan)
{
  g_return_if_fail (orphan != NULL);

  g_unlink (orphan->info_path);
  g_unlink (orphan->path);
}
