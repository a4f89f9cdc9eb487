/* test-window.c — the main window on the paper's data: what the map view
 * paints, selection shared with the table, undo/redo through the actions,
 * figure switching, the empty state, closing with unsaved changes and the
 * export dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca-export-dialog.h"
#include "ca-indicator-table.h"
#include "ca-window.h"

/* ColorBrewer YlGn, 3 classes: the favourability map's types, best darkest. */
static const guint8 favourable_rgb[3] = { 0x31, 0xa3, 0x54 };
static const guint8 less_favourable_rgb[3] = { 0xad, 0xdd, 0x8e };
static const guint8 unfavourable_rgb[3] = { 0xf7, 0xfc, 0xb9 };

typedef struct
{
  guint8 *pixels;   /* premultiplied BGRA (GDK_MEMORY_DEFAULT) */
  gsize   stride;
  int     width;
  int     height;
} Pixels;

static void
pixels_clear (Pixels *p)
{
  g_clear_pointer (&p->pixels, g_free);
}

static gboolean
maps_available (void)
{
  if (g_getenv ("CLUSTER_ATLAS_MAPS") == NULL)
    {
      g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
      return FALSE;
    }
  return TRUE;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @done says so or a few seconds pass. */
static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (data));
}

static gboolean
view_is_drawn (gpointer data)
{
  GtkWidget *view = data;

  return gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 100 &&
         ca_map_view_render_now (CA_MAP_VIEW (view)) > 0;
}

static CaWindow *
open_window (void)
{
  CaWindow *window = ca_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (view_is_drawn, ca_window_get_map_view (window));
  iterate ();
  return window;
}

/* Renders the view as the window would, through its GSK renderer. */
static void
grab_view (CaMapView *view,
           Pixels    *out)
{
  GtkWidget *widget = GTK_WIDGET (view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  out->width = gtk_widget_get_width (widget);
  out->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, out->width, out->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, out->width, out->height));
  out->width = gdk_texture_get_width (texture);
  out->height = gdk_texture_get_height (texture);
  out->stride = (gsize) out->width * 4;
  out->pixels = g_malloc (out->stride * out->height);
  gdk_texture_download (texture, out->pixels, out->stride);
}

static gboolean
pixel_matches (const Pixels *p,
               int           x,
               int           y,
               const guint8  rgb[3])
{
  const guint8 *px = p->pixels + (gsize) y * p->stride + (gsize) x * 4;

  return abs (px[2] - rgb[0]) <= 3 && abs (px[1] - rgb[1]) <= 3 && abs (px[0] - rgb[2]) <= 3;
}

/* Share of sample points well inside @unit's polygon painted in @rgb.
 * Labels, settlement symbols and borders cover some; the fill shows in
 * the rest. */
static double
unit_fill_share (CaWindow     *window,
                 const Pixels *p,
                 guint         unit,
                 const guint8  rgb[3])
{
  CaMapView *view = ca_window_get_map_view (window);
  const CaPolygon *polygon = ca_basemap_get_unit_polygon (ca_window_get_basemap (window), unit);
  CaBBox bbox;
  double x0, y0, x1, y1, mx, my;
  guint hits = 0, samples = 0;

  g_assert_nonnull (polygon);
  ca_polygon_bbox (polygon, &bbox);
  g_assert_true (ca_map_view_map_to_widget (view, bbox.min_x, bbox.max_y, &x0, &y0));
  g_assert_true (ca_map_view_map_to_widget (view, bbox.max_x, bbox.min_y, &x1, &y1));
  for (int y = (int) y0; y <= (int) y1; y += 3)
    for (int x = (int) x0; x <= (int) x1; x += 3)
      {
        if (x < 0 || y < 0 || x >= p->width || y >= p->height)
          continue;
        ca_map_view_widget_to_map (view, x + 0.5, y + 0.5, &mx, &my);
        /* 4 px from every border, so strokes and casing stay out. */
        if (!ca_polygon_contains (polygon, mx, my) ||
            ca_polygon_distance_to_edge (polygon, mx, my) < 4 * ca_map_view_get_metres_per_unit (view))
          continue;
        samples++;
        hits += pixel_matches (p, x, y, rgb);
      }
  g_assert_cmpuint (samples, >, 20);
  return (double) hits / samples;
}

static int
unit_index (CaWindow   *window,
            const char *code)
{
  int unit = ca_dataset_find_unit (ca_window_get_dataset (window), code);

  g_assert_cmpint (unit, >=, 0);
  return unit;
}

static void
test_map_colours (void)
{
  CaWindow *window;
  Pixels pixels = { 0 };

  if (!maps_available ())
    return;
  window = open_window ();
  g_assert_nonnull (ca_window_get_basemap (window));
  g_assert_cmpstr (ca_window_get_figure (window), ==, "favourability");

  grab_view (ca_window_get_map_view (window), &pixels);
  /* Table 2: AKT favourable, ALG less favourable, IRG unfavourable. */
  g_assert_cmpfloat (unit_fill_share (window, &pixels, unit_index (window, "AKT"), favourable_rgb), >, 0.6);
  g_assert_cmpfloat (unit_fill_share (window, &pixels, unit_index (window, "ALG"), less_favourable_rgb), >, 0.6);
  g_assert_cmpfloat (unit_fill_share (window, &pixels, unit_index (window, "IRG"), unfavourable_rgb), >, 0.6);
  g_assert_cmpfloat (unit_fill_share (window, &pixels, unit_index (window, "IRG"), favourable_rgb), <, 0.05);
  pixels_clear (&pixels);

  ca_window_close_unconditionally (window);
  iterate ();
}

/* The point under the pointer maps back to the unit whose polygon holds
 * it, also after zooming and panning (the inverse of the view transform). */
static void
test_hit_test (void)
{
  CaWindow *window;
  CaMapView *view;
  const CaPolygon *polygon;
  CaPoint inside;
  double x, y;
  int akt;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  akt = unit_index (window, "AKT");
  polygon = ca_basemap_get_unit_polygon (ca_window_get_basemap (window), akt);
  inside = ca_polygon_label_point (polygon, 100, NULL);

  g_assert_true (ca_map_view_map_to_widget (view, inside.x, inside.y, &x, &y));
  g_assert_cmpint (ca_map_view_unit_at (view, x, y), ==, akt);

  ca_map_view_zoom_at (view, 3.0, x, y);
  g_assert_true (ca_map_view_get_zoomed (view));
  /* The point under the pointer stays there while zooming. */
  {
    double x2, y2;

    g_assert_true (ca_map_view_map_to_widget (view, inside.x, inside.y, &x2, &y2));
    g_assert_cmpfloat_with_epsilon (x2, x, 1e-6);
    g_assert_cmpfloat_with_epsilon (y2, y, 1e-6);
  }
  ca_map_view_pan (view, 40, -25);
  g_assert_true (ca_map_view_map_to_widget (view, inside.x, inside.y, &x, &y));
  g_assert_cmpint (ca_map_view_unit_at (view, x, y), ==, akt);

  ca_map_view_zoom_fit (view);
  g_assert_false (ca_map_view_get_zoomed (view));
  ca_window_close_unconditionally (window);
  iterate ();
}

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

static void
test_figure_action (void)
{
  CaWindow *window;
  CaMapView *view;
  guint renders;

  if (!maps_available ())
    return;
  window = open_window ();
  view = ca_window_get_map_view (window);
  renders = ca_map_view_render_now (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.figure", "s", "clusters"));
  g_assert_cmpstr (ca_window_get_figure (window), ==, "clusters");
  g_assert_cmpstr (ca_map_view_get_figure (view), ==, "clusters");
  g_assert_cmpuint (ca_map_view_render_now (view), ==, renders + 1);

  /* Fig. 5 is a diagram: no units under the pointer, but it zooms. */
  ca_window_set_figure (window, "metallurgy-structure");
  ca_map_view_render_now (view);
  g_assert_cmpint (ca_map_view_unit_at (view, 300, 300), ==, -1);
  ca_map_view_zoom (view, 2.0);
  g_assert_true (ca_map_view_get_zoomed (view));

  ca_window_close_unconditionally (window);
  iterate ();
}

static gboolean
window_is_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL;
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

int
main (int   argc,
      char *argv[])
{
  /* No session bus under xvfb-run in CI: keep the accessibility bridge
   * from warning about it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/window/map-colours", test_map_colours);
  g_test_add_func ("/window/hit-test", test_hit_test);
  g_test_add_func ("/window/selection", test_selection_round_trip);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/figure-action", test_figure_action);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/save-and-open", test_save_and_open);
  g_test_add_func ("/window/no-boundaries", test_no_boundaries);
  g_test_add_func ("/window/export-all", test_export_all);
  return g_test_run ();
}
