/* ca-map-view-navigation.c — moving about the map view: the viewport
 * transform and its inverse, pan and zoom (the point under the pointer
 * stays put), drag, scroll and pinch, click to select a unit, keys, and
 * the tooltip about the unit under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-map-view-private.h"

#define KEY_ZOOM_STEP 1.5
/* How far the user may zoom, relative to the fitted scale. */
#define MAX_ZOOM_IN  64.0
#define MAX_ZOOM_OUT 4.0
/* Quiet time after a pan or zoom step before the sharp re-render. */
#define RERENDER_DELAY_MS 120

static gboolean
rerender_cb (gpointer user_data)
{
  CaMapView *self = user_data;

  self->rerender_id = 0;
  ca_map_view_invalidate (self);
  return G_SOURCE_REMOVE;
}

/* Shows the new viewport at once by moving the cached texture; the sharp
 * rendering follows when the user pauses. */
static void
view_changed (CaMapView *self)
{
  ca_map_view_set_zoomed (self, TRUE);
  g_clear_handle_id (&self->rerender_id, g_source_remove);
  self->rerender_id = g_timeout_add (RERENDER_DELAY_MS, rerender_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ca_map_view_widget_to_map (CaMapView *self,
                           double     x,
                           double     y,
                           double    *map_x,
                           double    *map_y)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), FALSE);

  if (!self->have_view || !ca_map_view_is_map (self))
    return FALSE;
  *map_x = self->view.center_x + (x - ca_map_view_frame_center_x (self)) * self->view.metres_per_unit;
  *map_y = self->view.center_y - (y - ca_map_view_frame_center_y (self)) * self->view.metres_per_unit;
  return TRUE;
}

gboolean
ca_map_view_map_to_widget (CaMapView *self,
                           double     map_x,
                           double     map_y,
                           double    *x,
                           double    *y)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), FALSE);

  if (!self->have_view || !ca_map_view_is_map (self))
    return FALSE;
  *x = ca_map_view_frame_center_x (self) + (map_x - self->view.center_x) / self->view.metres_per_unit;
  *y = ca_map_view_frame_center_y (self) - (map_y - self->view.center_y) / self->view.metres_per_unit;
  return TRUE;
}

int
ca_map_view_unit_at (CaMapView *self,
                     double     x,
                     double     y)
{
  double map_x, map_y;

  g_return_val_if_fail (CA_IS_MAP_VIEW (self), -1);

  /* The legend and title cover whatever lies outside the frame. */
  if (!graphene_rect_contains_point (&self->frame, &GRAPHENE_POINT_INIT (x, y)))
    return -1;
  if (self->basemap == NULL || !ca_map_view_widget_to_map (self, x, y, &map_x, &map_y))
    return -1;
  return ca_basemap_hit_test (self->basemap, map_x, map_y);
}

void
ca_map_view_zoom_at (CaMapView *self,
                     double     factor,
                     double     x,
                     double     y)
{
  double dx, dy, fx, fy, scale;

  g_return_if_fail (CA_IS_MAP_VIEW (self));
  g_return_if_fail (factor > 0);

  if (!self->have_view)
    return;

  scale = self->view.metres_per_unit / factor;
  scale = CLAMP (scale, self->fit_metres_per_unit / MAX_ZOOM_IN,
                 self->fit_metres_per_unit * MAX_ZOOM_OUT);
  if (scale == self->view.metres_per_unit)
    return;

  /* The figure point under (x, y) stays under it. */
  dx = x - ca_map_view_frame_center_x (self);
  dy = ca_map_view_y_sign (self) * (y - ca_map_view_frame_center_y (self));
  fx = self->view.center_x + dx * self->view.metres_per_unit;
  fy = self->view.center_y + dy * self->view.metres_per_unit;
  self->view.center_x = fx - dx * scale;
  self->view.center_y = fy - dy * scale;
  self->view.metres_per_unit = scale;
  view_changed (self);
}

void
ca_map_view_zoom (CaMapView *self,
                  double     factor)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  ca_map_view_zoom_at (self, factor, ca_map_view_frame_center_x (self), ca_map_view_frame_center_y (self));
}

void
ca_map_view_pan (CaMapView *self,
                 double     dx,
                 double     dy)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  if (!self->have_view)
    return;
  self->view.center_x -= dx * self->view.metres_per_unit;
  self->view.center_y -= ca_map_view_y_sign (self) * dy * self->view.metres_per_unit;
  view_changed (self);
}

void
ca_map_view_zoom_fit (CaMapView *self)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  g_clear_handle_id (&self->rerender_id, g_source_remove);
  if (self->zoomed)
    ca_map_view_reset_view (self);
}

gboolean
ca_map_view_get_zoomed (CaMapView *self)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), FALSE);

  return self->zoomed;
}

double
ca_map_view_get_metres_per_unit (CaMapView *self)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), 0);

  return self->have_view ? self->view.metres_per_unit : 0;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CaMapView      *self)
{
  self->gesture_start = self->view;
  self->panning = FALSE;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CaMapView      *self)
{
  if (!self->have_view)
    return;
  /* Within the click threshold it may still be a click. */
  if (!self->panning && hypot (offset_x, offset_y) < 4)
    return;
  /* Once per drag: a new cursor on every motion would reach the window
   * system each time. */
  if (!self->panning)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->panning = TRUE;
  self->view = self->gesture_start;
  ca_map_view_pan (self, offset_x, offset_y);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             CaMapView      *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CaMapView        *self)
{
  self->gesture_start = self->view;
  if (!gtk_gesture_get_bounding_box_center (gesture, &self->pinch_x, &self->pinch_y))
    {
      self->pinch_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      self->pinch_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        CaMapView      *self)
{
  if (!self->have_view)
    return;
  self->view = self->gesture_start;
  ca_map_view_zoom_at (self, scale, self->pinch_x, self->pinch_y);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CaMapView                *self)
{
  double x = self->pointer_x;
  double y = self->pointer_y;
  double factor;

  if (!self->have_pointer)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  /* Touchpads scroll in pixels, wheels in clicks. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    factor = pow (2.0, -dy / 150.0);
  else
    factor = pow (1.25, -dy);
  ca_map_view_zoom_at (self, factor, x, y);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CaMapView                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->have_pointer = TRUE;
}

static void
on_leave (GtkEventControllerMotion *controller,
          CaMapView                *self)
{
  self->have_pointer = FALSE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   CaMapView       *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* The press began a drag that moved the map: a pan, not a click (the
   * drag gesture clears this on the next press). */
  if (self->panning)
    return;
  if (ca_map_view_is_map (self))
    ca_map_view_set_selected_unit (self, ca_map_view_unit_at (self, x, y));
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  CaMapView *self = CA_MAP_VIEW (widget);
  g_autofree char *markup = NULL;
  int unit;

  if (keyboard)
    unit = self->selected_unit;
  else
    unit = ca_map_view_unit_at (self, x, y);
  if (unit < 0 || self->analysis == NULL || !ca_map_view_is_map (self))
    return FALSE;

  markup = ca_map_view_describe_unit (self->analysis, self->figure, (guint) unit, self->lang);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static gboolean
zoom_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  CaMapView *self = CA_MAP_VIEW (widget);
  double factor = g_variant_get_double (args);

  if (factor == 0)
    ca_map_view_zoom_fit (self);
  else
    ca_map_view_zoom (self, factor);
  return TRUE;
}

static gboolean
pan_key_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  double fx, fy;

  /* A tenth of the view per key press. */
  g_variant_get (args, "(dd)", &fx, &fy);
  ca_map_view_pan (CA_MAP_VIEW (widget), fx * gtk_widget_get_width (widget) / 10.0,
                   fy * gtk_widget_get_height (widget) / 10.0);
  return TRUE;
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; double factor; } zoom_keys[] = {
    { GDK_KEY_plus, KEY_ZOOM_STEP }, { GDK_KEY_equal, KEY_ZOOM_STEP },
    { GDK_KEY_KP_Add, KEY_ZOOM_STEP }, { GDK_KEY_minus, 1.0 / KEY_ZOOM_STEP },
    { GDK_KEY_KP_Subtract, 1.0 / KEY_ZOOM_STEP }, { GDK_KEY_0, 0 }, { GDK_KEY_KP_0, 0 },
  };
  static const struct { guint key; double dx, dy; } pan_keys[] = {
    { GDK_KEY_Left, 1, 0 }, { GDK_KEY_Right, -1, 0 }, { GDK_KEY_Up, 0, 1 }, { GDK_KEY_Down, 0, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    gtk_widget_class_add_binding (widget_class, zoom_keys[i].key, 0, zoom_key_cb,
                                  "d", zoom_keys[i].factor);
  for (guint i = 0; i < G_N_ELEMENTS (pan_keys); i++)
    gtk_widget_class_add_binding (widget_class, pan_keys[i].key, 0, pan_key_cb,
                                  "(dd)", pan_keys[i].dx, pan_keys[i].dy);
}

void
ca_map_view_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = on_query_tooltip;
  add_key_bindings (widget_class);
}

void
ca_map_view_input_init (CaMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);
}
