/* test-window.c — the main window on the paper's data: selection shared
 * by the map and the table, undo/redo through the actions, the empty
 * state, closing with unsaved changes, saving, the export dialog, the
 * remembered state and the accelerators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ca-application.h"
#include "ca-export-dialog.h"
#include "ca-indicator-table.h"
#include "ca-window.h"
#include "test-window-fixtures.h"

static void
test_selection_round_trip (void)
{
  CaWindow *window;
  CaMapView *view;
  GtkWidget *table;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  table = ca_window_get_indicator_table (window);

  ca_map_view_set_selected_unit (view, 3);
  g_assert_cmpint (ca_indicator_table_get_selected_unit (CA_INDICATOR_TABLE (table)), ==, 3);
  ca_indicator_table_set_selected_unit (CA_INDICATOR_TABLE (table), 7);
  g_assert_cmpint (ca_map_view_get_selected_unit (view), ==, 7);
  ca_indicator_table_set_selected_unit (CA_INDICATOR_TABLE (table), -1);
  g_assert_cmpint (ca_map_view_get_selected_unit (view), ==, -1);

  ca_window_close_unconditionally (window);
  iterate ();
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
header_button (CaWindow   *window,
               const char *action)
{
  GtkWidget *button = find_action_button (gtk_window_get_titlebar (GTK_WINDOW (window)), action);

  g_assert_nonnull (button);
  return button;
}

/* An edit typed into the table enables Undo, marks the title and repaints
 * the map in the same frame; Undo and Redo go back and forth. */
static void
test_undo_redo (void)
{
  CaWindow *window;
  CaMapView *view;
  CaDataset *dataset;
  g_autoptr(GError) error = NULL;
  int density, akt;
  guint renders;
  double before;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  dataset = ca_window_get_dataset (window);
  density = ca_dataset_find_indicator (dataset, "density");
  akt = unit_index (window, "AKT");
  before = ca_dataset_get_value (dataset, akt, density);
  g_assert_cmpfloat (before, ==, 218);

  g_assert_false (gtk_widget_get_sensitive (header_button (window, "win.undo")));
  g_assert_false (gtk_widget_get_sensitive (header_button (window, "win.redo")));
  g_assert_false (g_str_has_prefix (ca_window_get_display_title (window), "•"));

  renders = ca_map_view_render_now (view);
  g_assert_true (ca_indicator_table_edit_cell (CA_INDICATOR_TABLE (ca_window_get_indicator_table (window)),
                                               akt, "density", "150", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, akt, density), ==, 150);
  g_assert_cmpuint (ca_map_view_render_now (view), ==, renders + 1);
  g_assert_true (gtk_widget_get_sensitive (header_button (window, "win.undo")));
  g_assert_false (gtk_widget_get_sensitive (header_button (window, "win.redo")));
  g_assert_true (g_str_has_prefix (ca_window_get_display_title (window), "•"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (ca_dataset_get_value (dataset, akt, density), ==, 218);
  g_assert_false (gtk_widget_get_sensitive (header_button (window, "win.undo")));
  g_assert_true (gtk_widget_get_sensitive (header_button (window, "win.redo")));
  g_assert_false (g_str_has_prefix (ca_window_get_display_title (window), "•"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat (ca_dataset_get_value (dataset, akt, density), ==, 150);
  g_assert_true (gtk_widget_get_sensitive (header_button (window, "win.undo")));

  ca_window_close_unconditionally (window);
  iterate ();
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (item))
        return GTK_WIDGET (item);
    }
  return NULL;
}

/* Closing with unsaved changes asks first; Discard closes. */
static void
test_close_asks (void)
{
  CaWindow *window;
  GtkWidget *dialog;
  GWeakRef ref;

  if (!maps_available ())
    return;
  window = open_window ();
  ca_history_begin (ca_window_get_history (window), "Edit AKT density");
  g_assert_true (ca_dataset_set_value_by_id (ca_window_get_dataset (window), "AKT", "density", 100, NULL));

  g_weak_ref_init (&ref, window);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  wait_until (window_is_gone, &ref);
  g_weak_ref_clear (&ref);
}

/* Saving names the window after the file; the project reopens equal. */
static void
test_save_and_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ca-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "study.caproj", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CaWindow *window, *other;

  if (!maps_available ())
    return;
  window = open_window ();
  ca_history_begin (ca_window_get_history (window), "Edit ALG density");
  g_assert_true (ca_dataset_set_value_by_id (ca_window_get_dataset (window), "ALG", "density", 7.5, NULL));
  g_assert_cmpstr (ca_window_get_display_title (window), ==, "• Aktobe Region");

  g_assert_true (ca_window_save_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ca_window_get_display_title (window), ==, "study");

  other = open_window ();
  g_assert_true (ca_window_open_project (other, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ca_window_get_display_title (other), ==, "study");
  g_assert_cmpfloat (ca_dataset_get_value (ca_window_get_dataset (other),
                                           unit_index (other, "ALG"),
                                           ca_dataset_find_indicator (ca_window_get_dataset (other), "density")),
                     ==, 7.5);
  g_assert_false (ca_history_can_undo (ca_window_get_history (other)));

  ca_window_close_unconditionally (window);
  ca_window_close_unconditionally (other);
  iterate ();
  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, ".bak", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
}

/* Without boundary data the map page explains how to get it; the diagram
 * and the table still work. */
static void
test_no_boundaries (void)
{
  g_autofree char *empty = g_dir_make_tmp ("ca-nomaps-XXXXXX", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("CLUSTER_ATLAS_MAPS"));
  g_autofree char *saved_data = g_strdup (g_getenv ("XDG_DATA_HOME"));
  CaWindow *window;

  g_setenv ("CLUSTER_ATLAS_MAPS", empty, TRUE);
  g_setenv ("XDG_DATA_HOME", empty, TRUE);
  window = ca_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  if (ca_window_get_basemap (window) != NULL)
    {
      /* The boundary files are installed system-wide or in the source tree. */
      g_test_skip ("boundary data found outside CLUSTER_ATLAS_MAPS");
    }
  else
    {
      ca_window_set_figure (window, "favourability");
      g_assert_false (ca_window_shows_map (window));
      g_assert_false (gtk_widget_get_sensitive (header_button (window, "win.export")));
      ca_window_set_figure (window, "metallurgy-structure");
      g_assert_true (ca_window_shows_map (window));
      g_assert_true (gtk_widget_get_sensitive (header_button (window, "win.export")));
    }
  ca_window_close_unconditionally (window);
  iterate ();

  if (saved != NULL)
    g_setenv ("CLUSTER_ATLAS_MAPS", saved, TRUE);
  else
    g_unsetenv ("CLUSTER_ATLAS_MAPS");
  if (saved_data != NULL)
    g_setenv ("XDG_DATA_HOME", saved_data, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
  g_rmdir (empty);
}

static gboolean
export_finished (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(CaExportDialog) dialog = g_weak_ref_get (ref);

  return dialog == NULL || !ca_export_dialog_is_running (dialog);
}

/* All six figures as SVG into a folder, from a worker thread. */
static void
test_export_all (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ca-export-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  const char * const *ids = ca_figure_get_ids ();
  CaExportDialog *dialog;
  CaWindow *window;
  GWeakRef ref;

  if (!maps_available ())
    return;
  window = open_window ();
  dialog = ca_export_dialog_new (GTK_WINDOW (window), ca_window_get_analysis (window),
                                 ca_window_get_basemap (window), "favourability", CA_LANG_EN);
  gtk_window_present (GTK_WINDOW (dialog));
  ca_export_dialog_set_all_figures (dialog, TRUE);
  ca_export_dialog_set_format (dialog, CA_EXPORT_SVG);
  g_weak_ref_init (&ref, dialog);
  ca_export_dialog_export_to (dialog, folder);
  g_assert_true (ca_export_dialog_is_running (dialog));
  wait_until (export_finished, &ref);
  g_weak_ref_clear (&ref);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (ids[i], ".svg", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));
      g_unlink (path);
    }
  ca_window_close_unconditionally (window);
  iterate ();
  g_rmdir (dir);
}

static GSettings *
window_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.clusteratlas.ClusterAtlas", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* Size, maximised state, pane positions and figure survive the window. */
static void
test_state_saved (void)
{
  g_autoptr(GSettings) settings = window_settings ();
  CaWindow *window;
  GWeakRef ref;

  if (settings == NULL || !maps_available ())
    return;
  window = open_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1301, 799);
  ca_window_set_figure (window, "innovation");
  iterate ();
  g_weak_ref_init (&ref, window);
  ca_window_close_unconditionally (window);
  wait_until (window_is_gone, &ref);
  g_weak_ref_clear (&ref);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1301);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 799);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  {
    g_autofree char *figure = g_settings_get_string (settings, "figure");

    g_assert_cmpstr (figure, ==, "innovation");
  }

  /* A new window starts where the last one ended. */
  g_settings_set_int (settings, "sidebar-position", 333);
  window = ca_window_new (NULL);
  g_assert_cmpstr (ca_window_get_figure (window), ==, "innovation");
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1301);
    g_assert_cmpint (height, ==, 799);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "figure");
}

/* The application's accelerators, Alt+1…6 in the switcher's order. */
static void
test_accels (void)
{
  g_autoptr(CaApplication) app = ca_application_new ();
  g_autoptr(GError) error = NULL;
  const char * const *ids = ca_figure_get_ids ();
  static const struct { const char *action; const char *accel; } expected[] = {
    { "win.open", "<Control>o" }, { "win.save", "<Control>s" }, { "win.save-as", "<Shift><Control>s" },
    { "win.export", "<Control>e" }, { "win.undo", "<Control>z" }, { "win.redo", "<Shift><Control>z" },
    { "app.quit", "<Control>q" }, { "app.shortcuts", "<Control>question" },
  };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      g_assert_nonnull (accels[0]);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.figure::%s", ids[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

      g_assert_cmpstr (accels[0], ==, accel);
    }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
}

int
main (int   argc,
      char *argv[])
{
  /* No session bus under xvfb-run in CI: keep the accessibility bridge
   * from warning about it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/window/selection", test_selection_round_trip);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/save-and-open", test_save_and_open);
  g_test_add_func ("/window/no-boundaries", test_no_boundaries);
  g_test_add_func ("/window/export-all", test_export_all);
  g_test_add_func ("/window/state-saved", test_state_saved);
  g_test_add_func ("/window/accels", test_accels);
  return g_test_run ();
}
