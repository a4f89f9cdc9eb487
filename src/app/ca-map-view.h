/* ca-map-view.h — the figure on screen: a cached rendering of ca_figure_draw
 * with pan, zoom, hover tooltips and unit selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-figure.h"

G_BEGIN_DECLS

#define CA_TYPE_MAP_VIEW (ca_map_view_get_type ())
G_DECLARE_FINAL_TYPE (CaMapView, ca_map_view, CA, MAP_VIEW, GtkWidget)

/* Properties: "selected-unit" (int, -1 for none), "figure" (string),
 * "zoomed" (boolean, read-only: FALSE while the figure fits the view). */
GtkWidget  *ca_map_view_new (void);

void        ca_map_view_set_analysis (CaMapView  *self,
                                      CaAnalysis *analysis);
/* NULL: no boundaries; only the diagram figure can be shown. */
void        ca_map_view_set_basemap (CaMapView *self,
                                     CaBasemap *basemap);
void        ca_map_view_set_figure (CaMapView  *self,
                                    const char *figure_id);
const char *ca_map_view_get_figure (CaMapView *self);
void        ca_map_view_set_lang (CaMapView *self,
                                  CaLang     lang);
CaLang      ca_map_view_get_lang (CaMapView *self);
void        ca_map_view_set_hidden_clusters (CaMapView          *self,
                                             const char * const *cluster_ids);
/* Keeps a strip of @pixels at the right edge free of the figure, for
 * controls laid over the view. */
void        ca_map_view_set_end_margin (CaMapView *self,
                                        int        pixels);
int         ca_map_view_get_selected_unit (CaMapView *self);
void        ca_map_view_set_selected_unit (CaMapView *self,
                                           int        unit);

/* Zoom by @factor (> 1 in) keeping the widget point (@x, @y) fixed. */
void        ca_map_view_zoom_at (CaMapView *self,
                                 double     factor,
                                 double     x,
                                 double     y);
/* Zoom by @factor about the centre of the map frame. */
void        ca_map_view_zoom (CaMapView *self,
                              double     factor);
/* Moves the view by (@dx, @dy) widget units. */
void        ca_map_view_pan (CaMapView *self,
                             double     dx,
                             double     dy);
void        ca_map_view_zoom_fit (CaMapView *self);
gboolean    ca_map_view_get_zoomed (CaMapView *self);
/* Figure units (map metres) per widget unit on screen now; 0 before the
 * first rendering. */
double      ca_map_view_get_metres_per_unit (CaMapView *self);

/* The map point under widget point (@x, @y); FALSE before the first
 * rendering or on the diagram figure. */
gboolean    ca_map_view_widget_to_map (CaMapView *self,
                                       double     x,
                                       double     y,
                                       double    *map_x,
                                       double    *map_y);
gboolean    ca_map_view_map_to_widget (CaMapView *self,
                                       double     map_x,
                                       double     map_y,
                                       double    *x,
                                       double    *y);
/* The unit under widget point (@x, @y), or -1. */
int         ca_map_view_unit_at (CaMapView *self,
                                 double     x,
                                 double     y);

/* Re-renders the cached surface now if anything made it stale; returns
 * how many full renderings the view has made (for tests and benchmarks). */
guint       ca_map_view_render_now (CaMapView *self);

G_END_DECLS
