/* test-autosave.c — the copy of unsaved work: written on demand and by its
 * timer, loading equal; deleted when the work is saved or undone; copies
 * of a dead process found as orphans, those of a live one not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ca-autosave.h"
#include "ca-project.h"
#include "test-autosave-fixtures.h"
#include "test-project-compare.h"
#include "test-tmpdir.h"

typedef struct
{
  char       *folder;
  CaDataset  *dataset;
  CaHistory  *history;
  CaAutosave *autosave;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("ca-autosave-XXXXXX", &error);

  g_assert_no_error (error);
  /* A folder that does not exist yet: the first save creates it. */
  fixture->folder = g_build_filename (tmp, "cache", "autosave", NULL);
  fixture->dataset = ca_project_load_default (&error);
  g_assert_no_error (error);
  fixture->history = ca_history_new (fixture->dataset);
  fixture->autosave = ca_autosave_new (fixture->dataset, fixture->history, fixture->folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *cache = g_path_get_dirname (fixture->folder);
  g_autofree char *tmp = g_path_get_dirname (cache);

  g_clear_object (&fixture->autosave);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->dataset);
  remove_tree (tmp);
  g_free (fixture->folder);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The history's way of editing: remember, then change. */
static void
edit_value (Fixture    *fixture,
            const char *code,
            double      value)
{
  g_autoptr(GError) error = NULL;

  ca_history_begin (fixture->history, "Edit density");
  g_assert_true (ca_dataset_set_value_by_id (fixture->dataset, code, "density", value, &error));
  g_assert_no_error (error);
}

static double
density_of (CaDataset  *dataset,
            const char *code)
{
  return ca_dataset_get_value (dataset, (guint) ca_dataset_find_unit (dataset, code),
                               (guint) ca_dataset_find_indicator (dataset, "density"));
}

/* An edit schedules a save; save_now writes a copy that loads equal, with
 * a key file naming the project, the time and this process. */
static void
test_save_now (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) loaded = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) written = NULL;
  g_autofree char *info = info_path_of (fixture->autosave);
  g_autofree char *uri = NULL;
  g_autofree char *when = NULL;

  g_assert_false (ca_autosave_is_scheduled (fixture->autosave));
  ca_autosave_set_project_path (fixture->autosave, "/home/analyst/aktobe study.caproj");
  edit_value (fixture, "AKT", 150);
  g_assert_true (ca_autosave_is_scheduled (fixture->autosave));
  g_assert_false (g_file_test (ca_autosave_get_path (fixture->autosave), G_FILE_TEST_EXISTS));

  g_assert_true (ca_autosave_save_now (fixture->autosave, &error));
  g_assert_no_error (error);
  g_assert_false (ca_autosave_is_scheduled (fixture->autosave));
  g_assert_true (g_str_has_prefix (ca_autosave_get_path (fixture->autosave), fixture->folder));

  loaded = ca_project_load (ca_autosave_get_path (fixture->autosave), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (density_of (loaded, "AKT"), ==, 150);
  g_assert_cmpfloat (density_of (loaded, "ALG"), ==, 6.3);
  assert_datasets_equal (loaded, fixture->dataset);

  g_assert_true (g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  uri = g_key_file_get_string (keys, "Autosave", "Project", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==, "file:///home/analyst/aktobe%20study.caproj");
  g_assert_cmpint (g_key_file_get_integer (keys, "Autosave", "Pid", NULL), ==, getpid ());
  g_assert_cmpuint (g_key_file_get_uint64 (keys, "Autosave", "PidStart", NULL), >, 0);
  when = g_key_file_get_string (keys, "Autosave", "Time", NULL);
  written = g_date_time_new_from_iso8601 (when, NULL);
  g_assert_nonnull (written);
  /* ISO 8601 keeps whole seconds here: allow for the truncation. */
  g_assert_cmpint (g_date_time_difference (written, before), >=, -G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (written, before), <, 60 * G_USEC_PER_SEC);

  /* The copy's own process runs: not an orphan. */
  {
    g_autoptr(GPtrArray) orphans = ca_autosave_find_orphans (fixture->folder);

    g_assert_cmpuint (orphans->len, ==, 0);
  }
}

/* Saving the project (mark_saved) deletes the copy. */
static void
test_mark_saved_discards (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  edit_value (fixture, "ALG", 7.5);
  g_assert_true (ca_autosave_save_now (fixture->autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->folder), ==, 2);

  ca_history_mark_saved (fixture->history);
  g_assert_false (ca_autosave_is_scheduled (fixture->autosave));
  g_assert_false (g_file_test (ca_autosave_get_path (fixture->autosave), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->folder), ==, 0);

  /* A new edit after the save starts over. */
  edit_value (fixture, "ALG", 8);
  g_assert_true (ca_autosave_is_scheduled (fixture->autosave));
  ca_autosave_discard (fixture->autosave);
  g_assert_false (ca_autosave_is_scheduled (fixture->autosave));
  g_assert_cmpuint (count_files (fixture->folder), ==, 0);
}

/* Undoing back to the saved state is unmodified: nothing to keep. */
static void
test_undo_to_saved_discards (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  edit_value (fixture, "AKT", 100);
  g_assert_true (ca_autosave_save_now (fixture->autosave, &error));
  g_assert_no_error (error);
  ca_history_undo (fixture->history);
  g_assert_false (ca_history_is_modified (fixture->history));
  g_assert_cmpuint (count_files (fixture->folder), ==, 0);

  ca_history_redo (fixture->history);
  g_assert_true (ca_autosave_is_scheduled (fixture->autosave));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
wait_for_file (const char *path)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!file_exists ((gpointer) path) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (file_exists ((gpointer) path));
}

/* The timer writes the copy; edits before it fires join that save. */
static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *info = info_path_of (fixture->autosave);
  g_autoptr(CaDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;

  ca_autosave_set_delay (fixture->autosave, 1);
  edit_value (fixture, "AKT", 120);
  edit_value (fixture, "MUG", 3.5);
  g_assert_true (ca_autosave_is_scheduled (fixture->autosave));
  wait_for_file (info);
  g_assert_false (ca_autosave_is_scheduled (fixture->autosave));

  loaded = ca_project_load (ca_autosave_get_path (fixture->autosave), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (density_of (loaded, "AKT"), ==, 120);
  g_assert_cmpfloat (density_of (loaded, "MUG"), ==, 3.5);

  /* A later edit schedules the next save. */
  edit_value (fixture, "MUG", 4);
  g_assert_true (ca_autosave_is_scheduled (fixture->autosave));
}

/* A copy whose process died is an orphan with its project and time; a
 * claimed one belongs to this process again; deleting removes both files. */
static void
test_orphans (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *info = info_path_of (fixture->autosave);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GPtrArray) after_claim = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  const CaAutosaveOrphan *orphan;

  ca_autosave_set_project_path (fixture->autosave, "/srv/atlas/study.caproj");
  edit_value (fixture, "KAR", 9.9);
  g_assert_true (ca_autosave_save_now (fixture->autosave, &error));
  g_assert_no_error (error);
  set_info_keys (info, dead_pid (), 0, NULL);

  orphans = ca_autosave_find_orphans (fixture->folder);
  g_assert_cmpuint (orphans->len, ==, 1);
  orphan = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (orphan->path, ==, ca_autosave_get_path (fixture->autosave));
  g_assert_cmpstr (orphan->info_path, ==, info);
  g_assert_cmpstr (orphan->project_path, ==, "/srv/atlas/study.caproj");
  g_assert_cmpint (g_date_time_difference (orphan->time, before), >=, -G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (orphan->time, before), <, 60 * G_USEC_PER_SEC);

  g_assert_true (ca_autosave_orphan_claim (orphan, &error));
  g_assert_no_error (error);
  after_claim = ca_autosave_find_orphans (fixture->folder);
  g_assert_cmpuint (after_claim->len, ==, 0);

  ca_autosave_orphan_delete (orphan);
  g_assert_cmpuint (count_files (fixture->folder), ==, 0);
  after_delete = ca_autosave_find_orphans (fixture->folder);
  g_assert_cmpuint (after_delete->len, ==, 0);
}

static guint
count_orphans (const char *folder)
{
  g_autoptr(GPtrArray) orphans = ca_autosave_find_orphans (folder);

  return orphans->len;
}

static guint64
own_start_time (void)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *folder = g_dir_make_tmp ("ca-autosave-own-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(CaDataset) dataset = ca_dataset_new ();
  g_autoptr(CaHistory) history = ca_history_new (dataset);
  g_autoptr(CaAutosave) autosave = ca_autosave_new (dataset, history, folder);
  g_autofree char *info = info_path_of (autosave);
  guint64 start;

  g_assert_true (ca_autosave_save_now (autosave, NULL));
  g_assert_true (g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL));
  start = g_key_file_get_uint64 (keys, "Autosave", "PidStart", NULL);
  ca_autosave_discard (autosave);
  g_rmdir (folder);
  return start;
}

/* This process's pid with another start time is a process that got the
 * pid after the writer died: the copy is an orphan. With the right start
 * time (or none recorded) it is this process's own. */
static void
test_reused_pid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *info = info_path_of (fixture->autosave);
  g_autoptr(GError) error = NULL;
  guint64 start = own_start_time ();

  edit_value (fixture, "KAR", 9.9);
  g_assert_true (ca_autosave_save_now (fixture->autosave, &error));
  g_assert_no_error (error);

  set_info_keys (info, getpid (), start, NULL);
  g_assert_cmpuint (count_orphans (fixture->folder), ==, 0);
  set_info_keys (info, getpid (), 0, NULL);
  g_assert_cmpuint (count_orphans (fixture->folder), ==, 0);
  set_info_keys (info, getpid (), start + 1, NULL);
  g_assert_cmpuint (count_orphans (fixture->folder), ==, 1);
}

/* Several orphans come newest first; a key file without its project (and
 * a dead writer) is tidied away; files that are not ours are left alone. */
static void
test_orphans_sorted_and_tidied (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *stray = g_build_filename (fixture->folder, "notes.ini", NULL);
  g_autofree char *lonely = g_build_filename (fixture->folder, "lonely.ini", NULL);
  static const struct { const char *session; const char *time; } copies[] = {
    { "older", "2026-03-01T09:15:00+05:00" },
    { "newest", "2026-03-02T18:40:00+05:00" },
    { "middle", "2026-03-02T08:05:00+05:00" },
  };
  int pid = dead_pid ();

  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *name = g_strconcat (copies[i].session, ".caproj", NULL);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_autofree char *info = g_strdup_printf ("[Autosave]\nTime=%s\nPid=%d\n", copies[i].time, pid);
      g_autofree char *info_name = g_strconcat (copies[i].session, ".ini", NULL);
      g_autofree char *info_path = g_build_filename (fixture->folder, info_name, NULL);

      g_assert_true (g_file_set_contents (path, "<project/>", -1, NULL));
      g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
    }
  g_assert_true (g_file_set_contents (stray, "not a key file {", -1, NULL));
  {
    g_autofree char *info = g_strdup_printf ("[Autosave]\nTime=2026-03-03T10:00:00Z\nPid=%d\n", pid);

    g_assert_true (g_file_set_contents (lonely, info, -1, NULL));
  }

  orphans = ca_autosave_find_orphans (fixture->folder);
  g_assert_cmpuint (orphans->len, ==, 3);
  g_assert_true (g_str_has_suffix (((CaAutosaveOrphan *) g_ptr_array_index (orphans, 0))->path, "/newest.caproj"));
  g_assert_true (g_str_has_suffix (((CaAutosaveOrphan *) g_ptr_array_index (orphans, 1))->path, "/middle.caproj"));
  g_assert_true (g_str_has_suffix (((CaAutosaveOrphan *) g_ptr_array_index (orphans, 2))->path, "/older.caproj"));
  g_assert_null (((CaAutosaveOrphan *) g_ptr_array_index (orphans, 0))->project_path);
  g_assert_cmpint (g_date_time_get_hour (((CaAutosaveOrphan *) g_ptr_array_index (orphans, 0))->time), ==, 18);
  g_assert_false (g_file_test (lonely, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));
}

/* No folder at all: no orphans, and no folder made by looking. */
static void
test_no_folder (void)
{
  g_autoptr(GPtrArray) orphans = ca_autosave_find_orphans ("/nonexistent/cluster-atlas/autosave");

  g_assert_cmpuint (orphans->len, ==, 0);
}

/* A folder that cannot be made: the error names it. */
static void
test_unwritable (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ca-autosave-file-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (tmp, "plain-file", NULL);
  g_autofree char *folder = g_build_filename (file, "autosave", NULL);
  g_autoptr(CaDataset) dataset = ca_dataset_new ();
  g_autoptr(CaHistory) history = ca_history_new (dataset);
  g_autoptr(CaAutosave) autosave = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  autosave = ca_autosave_new (dataset, history, folder);
  g_assert_false (ca_autosave_save_now (autosave, &error));
  g_assert_error (error, CA_AUTOSAVE_ERROR, CA_AUTOSAVE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "plain-file/autosave"));
  g_unlink (file);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/autosave/save-now", test_save_now);
  ADD ("/autosave/mark-saved-discards", test_mark_saved_discards);
  ADD ("/autosave/undo-to-saved-discards", test_undo_to_saved_discards);
  ADD ("/autosave/timer", test_timer);
  ADD ("/autosave/orphans", test_orphans);
  ADD ("/autosave/reused-pid", test_reused_pid);
  ADD ("/autosave/orphans-sorted-and-tidied", test_orphans_sorted_and_tidied);
#undef ADD
  g_test_add_func ("/autosave/no-folder", test_no_folder);
  g_test_add_func ("/autosave/unwritable", test_unwritable);
  return g_test_run ();
}
