/* test-recovery.c — a window offers the work a crashed session left in the
 * cache folder: Restore brings it back as unsaved changes to its file,
 * Discard deletes it, and a second window does not offer it again.
 *
 * The cache folder is a temporary one (XDG_CACHE_HOME, set before GLib
 * reads it), the clock UTC and the locale C, so the prompt's words are
 * known in advance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "ca-autosave.h"
#include "ca-project.h"
#include "ca-window.h"
#include "test-autosave-fixtures.h"
#include "test-window-fixtures.h"
#include "test-tmpdir.h"

/* 18:40 in Aktobe (UTC+5) is 13:40 UTC. */
#define CRASH_TIME "2026-03-02T18:40:00+05:00"
#define CRASH_TIME_SHOWN "2 March 2026, 13:40"

static double
density_of (CaDataset  *dataset,
            const char *code)
{
  return ca_dataset_get_value (dataset, (guint) ca_dataset_find_unit (dataset, code),
                               (guint) ca_dataset_find_indicator (dataset, "density"));
}

/* Leaves the paper's data with AKT's density at @density in the autosave
 * folder, as the copy of a process that died while editing @project_path;
 * returns the copy's path. */
static char *
make_orphan (const char *project_path,
             double      density)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = ca_project_load_default (&error);
  g_autoptr(CaHistory) history = ca_history_new (dataset);
  g_autoptr(CaAutosave) autosave = ca_autosave_new (dataset, history, NULL);
  g_autofree char *info = info_path_of (autosave);

  g_assert_no_error (error);
  ca_autosave_set_project_path (autosave, project_path);
  ca_history_begin (history, "Edit AKT density");
  g_assert_true (ca_dataset_set_value_by_id (dataset, "AKT", "density", density, &error));
  g_assert_true (ca_autosave_save_now (autosave, &error));
  g_assert_no_error (error);
  set_info_keys (info, dead_pid (), 0, CRASH_TIME);
  /* Dropping the object keeps its files, as a crash would. */
  return g_strdup (ca_autosave_get_path (autosave));
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkInfoBar *
recovery_bar (CaWindow *window)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);

  g_assert_nonnull (bar);
  return GTK_INFO_BAR (bar);
}

static const char *
recovery_text (CaWindow *window)
{
  GtkWidget *label = find_widget (GTK_WIDGET (recovery_bar (window)), GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
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

static void
empty_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

static void
close_window (CaWindow *window)
{
  GWeakRef ref;

  g_weak_ref_init (&ref, window);
  ca_window_close_unconditionally (window);
  wait_until (window_is_gone, &ref);
  g_weak_ref_clear (&ref);
}

/* Restore: the edited value comes back as an unsaved change to the file
 * it was made to; Undo goes back to the file, Save writes there. */
static void
test_restore (void)
{
  g_autofree char *folder = ca_autosave_get_default_folder ();
  g_autofree char *dir = g_dir_make_tmp ("ca-recovery-study-XXXXXX", NULL);
  g_autofree char *study = g_build_filename (dir, "study.caproj", NULL);
  g_autofree char *orphan = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (study);
  g_autoptr(CaDataset) original = NULL;
  g_autoptr(CaDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window_path = NULL;
  CaWindow *window;
  CaDataset *dataset;
  CaHistory *history;

  if (!maps_available ())
    return;
  original = ca_project_load_default (&error);
  g_assert_no_error (error);
  g_assert_true (ca_project_save (original, study, &error));
  g_assert_no_error (error);
  orphan = make_orphan (study, 150);

  window = open_window ();
  dataset = ca_window_get_dataset (window);
  history = ca_window_get_history (window);
  g_assert_true (gtk_info_bar_get_revealed (recovery_bar (window)));
  g_assert_cmpstr (recovery_text (window), ==,
                   "Unsaved work from " CRASH_TIME_SHOWN " (study) was recovered. Restore it?");
  g_assert_cmpfloat (density_of (dataset, "AKT"), ==, 218);

  gtk_info_bar_response (recovery_bar (window), GTK_RESPONSE_ACCEPT);
  iterate ();
  g_assert_false (gtk_info_bar_get_revealed (recovery_bar (window)));
  g_assert_cmpfloat (density_of (dataset, "AKT"), ==, 150);
  g_assert_true (ca_history_is_modified (history));
  g_assert_cmpstr (ca_window_get_display_title (window), ==, "• study");
  window_path = g_file_get_path (ca_window_get_file (window));
  g_assert_cmpstr (window_path, ==, study);
  /* The orphan is gone; the window's own copy took over. */
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 2);

  ca_history_undo (history);
  g_assert_cmpfloat (density_of (dataset, "AKT"), ==, 218);
  g_assert_false (ca_history_is_modified (history));
  g_assert_cmpuint (count_files (folder), ==, 0);
  ca_history_redo (history);
  g_assert_cmpstr (ca_window_get_display_title (window), ==, "• study");

  g_assert_true (ca_window_save_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (folder), ==, 0);
  reloaded = ca_project_load (study, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (density_of (reloaded, "AKT"), ==, 150);

  close_window (window);
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_unlink (study);
  {
    g_autofree char *backup = g_strconcat (study, ".bak", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
}

/* Discard deletes the copy and leaves the window as it was. */
static void
test_discard (void)
{
  g_autofree char *folder = ca_autosave_get_default_folder ();
  g_autofree char *orphan = NULL;
  CaWindow *window;

  if (!maps_available ())
    return;
  orphan = make_orphan (NULL, 99);
  window = open_window ();
  g_assert_true (gtk_info_bar_get_revealed (recovery_bar (window)));
  g_assert_cmpstr (recovery_text (window), ==,
                   "Unsaved work from " CRASH_TIME_SHOWN " (Aktobe Region) was recovered. Restore it?");

  gtk_info_bar_response (recovery_bar (window), GTK_RESPONSE_REJECT);
  iterate ();
  g_assert_false (gtk_info_bar_get_revealed (recovery_bar (window)));
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_assert_cmpfloat (density_of (ca_window_get_dataset (window), "AKT"), ==, 218);
  g_assert_false (ca_history_is_modified (ca_window_get_history (window)));
  g_assert_cmpstr (ca_window_get_display_title (window), ==, "Aktobe Region");
  close_window (window);
}

/* The first window claims the copy; a second does not offer it, and the
 * first closing unanswered keeps it for the next start. */
static void
test_offered_once (void)
{
  g_autofree char *folder = ca_autosave_get_default_folder ();
  g_autofree char *orphan = NULL;
  CaWindow *first, *second;

  if (!maps_available ())
    return;
  orphan = make_orphan (NULL, 99);
  first = open_window ();
  second = open_window ();
  g_assert_true (gtk_info_bar_get_revealed (recovery_bar (first)));
  g_assert_false (gtk_info_bar_get_revealed (recovery_bar (second)));

  close_window (first);
  close_window (second);
  g_assert_true (g_file_test (orphan, G_FILE_TEST_EXISTS));
  empty_folder (folder);
}

static CaWindow *
other_window (CaWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (CA_IS_WINDOW (item) && item != G_OBJECT (window))
        return CA_WINDOW (item);
    }
  return NULL;
}

/* A window with unsaved edits of its own restores into a new window. */
static void
test_restore_beside_own_work (void)
{
  g_autoptr(GError) error = NULL;
  CaWindow *window, *restored;

  if (!maps_available ())
    return;
  make_orphan (NULL, 150);
  window = open_window ();
  ca_history_begin (ca_window_get_history (window), "Edit AKT density");
  g_assert_true (ca_dataset_set_value_by_id (ca_window_get_dataset (window), "AKT", "density", 7, &error));

  gtk_info_bar_response (recovery_bar (window), GTK_RESPONSE_ACCEPT);
  iterate ();
  restored = other_window (window);
  g_assert_nonnull (restored);
  g_assert_cmpfloat (density_of (ca_window_get_dataset (window), "AKT"), ==, 7);
  g_assert_cmpfloat (density_of (ca_window_get_dataset (restored), "AKT"), ==, 150);
  g_assert_true (ca_history_is_modified (ca_window_get_history (restored)));
  g_assert_cmpstr (ca_window_get_display_title (restored), ==, "• Aktobe Region");
  g_assert_null (ca_window_get_file (restored));

  close_window (restored);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("ca-recovery-XXXXXX", NULL);
  int status;

  /* Before anything reads them: GLib keeps the cache folder it first saw. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/recovery/restore", test_restore);
  g_test_add_func ("/recovery/discard", test_discard);
  g_test_add_func ("/recovery/offered-once", test_offered_once);
  g_test_add_func ("/recovery/restore-beside-own-work", test_restore_beside_own_work);
  status = g_test_run ();
  remove_tree (cache);
  return status;
}
