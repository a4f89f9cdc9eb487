/* bench-window.c — how fast the map view answers.
 *
 * 1. Edit to repainted map: ca_dataset_set_value, then the view's render
 *    (the lazy analysis re-run and ca_figure_draw into its 1200 × 800
 *    surface), with the region's 13 units and with all 174 districts of
 *    Kazakhstan (kaz_districts.shp) as the unit layer.
 * 2. Frame time of a pan step and of a zoom step, as the window paints
 *    it: the step, then the next frame of the window's frame clock; timed
 *    from its "before-paint" to its "after-paint" (update, layout,
 *    snapshot, GSK render into the surface, buffer swap) and, as "+ X
 *    sync", until the X server has also carried out what the frame sent
 *    it. The process CPU time of the same interval is printed beside it.
 *    Measured with the view alone in a window, then in the application's
 *    window (1280 × 860, panels and table beside the map).
 * 3. For comparison, the old offscreen measure: the view's snapshot
 *    rendered with gsk_renderer_render_texture, which no frame does (it
 *    renders to an offscreen target and reads the pixels back).
 *
 * Prints medians and their ratio to one 60 Hz frame (16.7 ms). Wall-clock
 * times; never fails on time: benchmarks report, they do not judge. Pin to
 * one core with `taskset -c 0 xvfb-run …` (the X server included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ca-gsk-renderer.h"
#include "ca-map-view.h"
#include "ca-project.h"
#include "ca-shapefile.h"
#include "ca-window.h"
#include "test-window-fixtures.h"

#define WIDTH 1200
#define HEIGHT 800
#define N_RUNS 15
#define FRAME_MS 16.7

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  double m = median (ms, n);

  printf ("%-46s median %7.2f ms  (%.2f × 16.7 ms frame)\n", what, m, m / FRAME_MS);
}

/* The view alone in a window, exactly WIDTH × HEIGHT. */
static GtkWidget *
show_view (CaAnalysis *analysis,
           CaBasemap  *basemap,
           const char *figure)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ca_map_view_new ();
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_set_size_request (view, WIDTH, HEIGHT);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  ca_map_view_set_analysis (CA_MAP_VIEW (view), analysis);
  ca_map_view_set_basemap (CA_MAP_VIEW (view), basemap);
  ca_map_view_set_figure (CA_MAP_VIEW (view), figure);
  gtk_window_present (GTK_WINDOW (window));
  while ((!gtk_widget_get_mapped (view) || ca_map_view_render_now (CA_MAP_VIEW (view)) == 0) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return view;
}

static void
bench_edit (const char *label,
            CaAnalysis *analysis,
            GtkWidget  *view,
            guint       unit,
            guint       indicator)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  double original = ca_dataset_get_value (dataset, unit, indicator);
  double ms[N_RUNS];
  guint renders = ca_map_view_render_now (CA_MAP_VIEW (view));

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      /* Alternate so that every edit is a real change. */
      ca_dataset_set_value (dataset, unit, indicator, original * (i % 2 ? 1.0 : 1.5) + 1, NULL);
      renders = ca_map_view_render_now (CA_MAP_VIEW (view));
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_assert_cmpuint (renders, >=, N_RUNS);
  ca_dataset_set_value (dataset, unit, indicator, original, NULL);
  report (label, ms, N_RUNS);
}

/* The old measure, kept for comparison: the view's snapshot rendered
 * offscreen by the window's GSK renderer and read back. No frame does
 * this; a frame renders the window into its surface (bench_pan_zoom). */
static void
render_offscreen (GtkWidget *view)
{
  g_autoptr(GdkTexture) texture = render_widget_offscreen (view);
}

/* One frame of the window, timed by its frame clock's phase signals. */
typedef struct
{
  gint64 wall_start;
  gint64 cpu_start;
  gboolean painted;
  double paint_ms;
  double synced_ms;
  double cpu_ms;
} FrameTimer;

/* CPU time of all the process's threads (the GL rasteriser has its own). */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_before_paint (GdkFrameClock *clock,
                 FrameTimer    *timer)
{
  timer->wall_start = g_get_monotonic_time ();
  timer->cpu_start = cpu_time_us ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameTimer    *timer)
{
  timer->paint_ms = (g_get_monotonic_time () - timer->wall_start) / 1000.0;
  /* Drawing requests to the X server are asynchronous: count its work too. */
  gdk_display_sync (gdk_display_get_default ());
  timer->synced_ms = (g_get_monotonic_time () - timer->wall_start) / 1000.0;
  timer->cpu_ms = (cpu_time_us () - timer->cpu_start) / 1000.0;
  timer->painted = TRUE;
}

/* Runs the main loop until the frame clock has painted a frame. */
static void
wait_for_frame (FrameTimer *timer)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  timer->painted = FALSE;
  while (!timer->painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (timer->painted);
}

typedef struct
{
  double paint[N_RUNS];
  double synced[N_RUNS];
  double cpu[N_RUNS];
  double offscreen[N_RUNS];
} StepTimes;

static void
record_frame (StepTimes        *times,
              guint             i,
              const FrameTimer *timer)
{
  times->paint[i] = timer->paint_ms;
  times->synced[i] = timer->synced_ms;
  times->cpu[i] = timer->cpu_ms;
}

static void
report_step (const char *step,
             StepTimes  *times)
{
  g_autofree char *label = NULL;

  label = g_strdup_printf ("%s: frame paint", step);
  report (label, times->paint, N_RUNS);
  label = (g_free (label), g_strdup_printf ("%s: frame paint + X sync", step));
  report (label, times->synced, N_RUNS);
  label = (g_free (label), g_strdup_printf ("%s: frame CPU time", step));
  report (label, times->cpu, N_RUNS);
  label = (g_free (label), g_strdup_printf ("%s: offscreen render_texture", step));
  report (label, times->offscreen, N_RUNS);
}

static void
bench_pan_zoom (GtkWidget  *view,
                const char *units)
{
  CaMapView *map = CA_MAP_VIEW (view);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view);
  FrameTimer timer = { 0 };
  StepTimes pan = { 0 }, zoom = { 0 };
  guint renders = ca_map_view_render_now (map);
  gulong before_id, after_id;
  g_autofree char *pan_label = NULL;
  g_autofree char *zoom_label = NULL;

  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &timer);
  after_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &timer);
  for (guint i = 0; i < N_RUNS; i++)
    {
      ca_map_view_pan (map, i % 2 ? 12 : -9, 7);
      wait_for_frame (&timer);
      record_frame (&pan, i, &timer);

      ca_map_view_zoom_at (map, i % 2 ? 1.1 : 1 / 1.05, 500, 350);
      wait_for_frame (&timer);
      record_frame (&zoom, i, &timer);
    }
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ca_map_view_pan (map, i % 2 ? 12 : -9, 7);
      render_offscreen (view);
      pan.offscreen[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      ca_map_view_zoom_at (map, i % 2 ? 1.1 : 1 / 1.05, 500, 350);
      render_offscreen (view);
      zoom.offscreen[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_signal_handler_disconnect (clock, before_id);
  g_signal_handler_disconnect (clock, after_id);
  /* Pan and zoom moved the cached rendering; nothing was drawn again. */
  g_assert_cmpuint (ca_map_view_render_now (map), ==, renders);
  pan_label = g_strdup_printf ("pan, %s", units);
  zoom_label = g_strdup_printf ("zoom, %s", units);
  report_step (pan_label, &pan);
  report_step (zoom_label, &zoom);
  ca_map_view_zoom_fit (map);
}

/* All of Kazakhstan's districts as units: codes are the features' gb_id,
 * joined on that field; indicators as the paper's, values from a seeded
 * generator. */
static CaDataset *
country_dataset (CaDataset  *model,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaLayer) layer = ca_shapefile_load (path, CA_LAYER_POLYGONS, NULL, NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20200101);
  CaDataset *dataset = ca_dataset_new ();
  int gb_id, name;

  g_assert_no_error (error);
  gb_id = ca_layer_find_field (layer, "gb_id");
  name = ca_layer_find_field (layer, "name");
  g_assert_cmpint (gb_id, >=, 0);

  ca_dataset_freeze_changed (dataset);
  for (guint f = 0; f < ca_layer_get_n_features (layer); f++)
    {
      CaUnit unit = { .code = (char *) ca_layer_get_value (layer, f, (guint) gb_id) };

      ca_text_set (&unit.name, CA_LANG_EN, ca_layer_get_value (layer, f, (guint) name));
      ca_dataset_add_unit (dataset, &unit);
      ca_text_clear (&unit.name);
    }
  for (guint i = 0; i < ca_dataset_get_n_indicators (model); i++)
    ca_dataset_add_indicator (dataset, ca_dataset_get_indicator (model, i));
  for (guint u = 0; u < ca_dataset_get_n_units (dataset); u++)
    for (guint i = 0; i < ca_dataset_get_n_indicators (dataset); i++)
      ca_dataset_set_value (dataset, u, i, g_rand_double_range (rand, -3, 10), NULL);
  for (guint i = 0; i < ca_dataset_get_n_indicators (dataset); i++)
    ca_dataset_set_region_value (dataset, i, ca_dataset_get_region_value (model, i));
  ca_dataset_set_join_field (dataset, "gb_id");
  ca_dataset_set_boundary_path (dataset, path);
  ca_dataset_thaw_changed (dataset);
  return dataset;
}

static void
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

/* Pan and zoom in the application's own window, on the default data and
 * then with the 174 districts in its map view: the frame also carries
 * whatever else of the window is drawn again. */
static void
bench_app_window (CaAnalysis *country_analysis,
                  CaBasemap  *country_basemap)
{
  CaWindow *window = ca_window_new (NULL);
  GtkWidget *view = GTK_WIDGET (ca_window_get_map_view (window));
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean settled = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  while ((!gtk_widget_get_mapped (view) || ca_map_view_render_now (CA_MAP_VIEW (view)) == 0) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* Let the window settle: table rows, panels, first frames. */
  g_timeout_add_once (500, set_flag, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
  printf ("Application window 1280 × 860, map view %d × %d\n",
          gtk_widget_get_width (view), gtk_widget_get_height (view));
  bench_pan_zoom (view, "13 units, app window");

  ca_map_view_set_basemap (CA_MAP_VIEW (view), country_basemap);
  ca_map_view_set_analysis (CA_MAP_VIEW (view), country_analysis);
  ca_map_view_render_now (CA_MAP_VIEW (view));
  bench_pan_zoom (view, "174 districts, app window");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *maps = g_getenv ("CLUSTER_ATLAS_MAPS");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) aktobe = NULL;
  g_autoptr(CaAnalysis) analysis = NULL;
  g_autoptr(CaBasemap) basemap = NULL;
  g_autoptr(CaDataset) country = NULL;
  g_autoptr(CaAnalysis) country_analysis = NULL;
  g_autoptr(CaBasemap) country_basemap = NULL;
  g_autofree char *kaz = NULL;
  GtkWidget *view;

  g_setenv ("GTK_A11Y", "none", TRUE);
  /* The renderer the application would choose here (GSK_RENDERER wins). */
  ca_gsk_renderer_choose ();
  gtk_init ();
  if (maps == NULL)
    {
      printf ("CLUSTER_ATLAS_MAPS is not set: nothing to measure\n");
      return 77;
    }

  aktobe = ca_project_load_default (&error);
  g_assert_no_error (error);
  analysis = ca_analysis_new (aktobe);
  basemap = ca_basemap_load (aktobe, NULL, &error);
  g_assert_no_error (error);

  printf ("Map view %d × %d, %d runs each\n", WIDTH, HEIGHT, N_RUNS);
  view = show_view (analysis, basemap, "favourability");
  printf ("GSK renderer: %s (unless GSK_RENDERER is set, the application's choice)\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (view))));
  bench_edit ("edit → map, 13 units, favourability", analysis, view,
              (guint) ca_dataset_find_unit (aktobe, "MUG"), (guint) ca_dataset_find_indicator (aktobe, "density"));
  ca_map_view_set_figure (CA_MAP_VIEW (view), "infrastructure");
  bench_edit ("edit → map, 13 units, Fig. 1", analysis, view,
              (guint) ca_dataset_find_unit (aktobe, "MUG"), (guint) ca_dataset_find_indicator (aktobe, "infrastructure"));
  ca_map_view_set_figure (CA_MAP_VIEW (view), "favourability");
  bench_pan_zoom (view, "13 units");
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));

  kaz = g_build_filename (maps, "kaz_districts.shp", NULL);
  country = country_dataset (aktobe, kaz);
  country_analysis = ca_analysis_new (country);
  country_basemap = ca_basemap_load (country, NULL, &error);
  g_assert_no_error (error);
  view = show_view (country_analysis, country_basemap, "favourability");
  bench_edit ("edit → map, 174 districts, favourability", country_analysis, view, 17,
              (guint) ca_dataset_find_indicator (country, "density"));
  ca_map_view_set_figure (CA_MAP_VIEW (view), "infrastructure");
  bench_edit ("edit → map, 174 districts, Fig. 1", country_analysis, view, 17,
              (guint) ca_dataset_find_indicator (country, "infrastructure"));
  ca_map_view_set_figure (CA_MAP_VIEW (view), "favourability");
  bench_pan_zoom (view, "174 districts");
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));

  bench_app_window (country_analysis, country_basemap);
  return 0;
}
