/* ca-map-view-private.h — the map view's state, shared by ca-map-view*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-map-view.h"

G_BEGIN_DECLS

/* Shared by the files that make up the view (one class split by topic). */
struct _CaMapView
{
  GtkWidget parent_instance;

  CaAnalysis *analysis;
  CaBasemap *basemap;
  char *figure;
  CaLang lang;
  char **hidden_clusters;
  int selected_unit;
  /* Pixels at the right edge the figure leaves blank: the window's zoom
   * buttons sit there and must not cover its text. */
  int end_margin;

  /* What is on screen now. */
  gboolean zoomed;
  gboolean have_view;
  CaViewport view;
  double fit_metres_per_unit;
  /* Where the figure put its map frame: the viewport's centre is the
   * frame's centre (the legend column and title are outside it). */
  graphene_rect_t frame;

  /* The cached rendering and the viewport it was drawn with: an image
   * surface of the widget's size in device pixels, and the same pixels as
   * a texture, made when a renderer other than Cairo first needs it. */
  cairo_surface_t *surface;
  GdkTexture *texture;
  CaViewport cache_view;
  int cache_width;
  int cache_height;
  int cache_scale;
  gboolean dirty;
  guint rerender_id;
  guint n_renders;
  char *error_message;
  /* What stays the same from one rendering to the next (static map
   * layers, label placement, text). */
  CaRenderCache *render_cache;

  CaViewport gesture_start;
  gboolean panning;
  double pointer_x;
  double pointer_y;
  gboolean have_pointer;
  double pinch_x;
  double pinch_y;
};

/* ca-map-view.c */
gboolean ca_map_view_is_map (CaMapView *self);
/* Maps have y up (-1), the diagram's page y down (+1). */
double   ca_map_view_y_sign (CaMapView *self);
/* Where the viewport's centre falls in the widget. */
double   ca_map_view_frame_center_x (CaMapView *self);
double   ca_map_view_frame_center_y (CaMapView *self);
void     ca_map_view_set_zoomed (CaMapView *self,
                                 gboolean   zoomed);
/* Back to fitting the figure, redrawn in the next frame. */
void     ca_map_view_reset_view (CaMapView *self);
/* The content changed: redraw the cache in the next frame. */
void     ca_map_view_invalidate (CaMapView *self);

/* ca-map-view-paint.c: the widget's snapshot vfunc. */
void     ca_map_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot);

/* ca-map-view-navigation.c: controllers, key bindings and the tooltip. */
void     ca_map_view_input_class_init (GtkWidgetClass *widget_class);
void     ca_map_view_input_init (CaMapView *self);

/* Pango markup for the tooltip of @unit on figure @figure_id: the unit's
 * name, the figure's value for it and its class; NULL for no tooltip. */
char *ca_map_view_describe_unit (CaAnalysis *analysis,
                                 const char *figure_id,
                                 guint       unit,
                                 CaLang      lang);

G_END_DECLS
