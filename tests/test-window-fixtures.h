/* test-window-fixtures.h — what the window and map view tests share:
 * opening a window on the paper's data and waiting for the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-window.h"

static inline gboolean
maps_available (void)
{
  if (g_getenv ("CLUSTER_ATLAS_MAPS") == NULL)
    {
      g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
      return FALSE;
    }
  return TRUE;
}

static inline void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @done says so or a few seconds pass. */
static inline void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done (data));
}

static inline gboolean
view_is_drawn (gpointer data)
{
  GtkWidget *view = data;

  return gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 100 &&
         ca_map_view_render_now (CA_MAP_VIEW (view)) > 0;
}

static inline CaWindow *
open_window (void)
{
  CaWindow *window = ca_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (view_is_drawn, ca_window_get_map_view (window));
  iterate ();
  return window;
}

static inline int
unit_index (CaWindow   *window,
            const char *code)
{
  int unit = ca_dataset_find_unit (ca_window_get_dataset (window), code);

  g_assert_cmpint (unit, >=, 0);
  return unit;
}

static inline gboolean
window_is_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL;
}

/* The widget's own snapshot rendered offscreen by its window's GSK
 * renderer and read back: what it draws now, whatever frame is shown. */
static inline GdkTexture *
render_widget_offscreen (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}
