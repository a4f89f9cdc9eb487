/* ca-breaks-strip.c
 *
 * Each value is a short tick on a line, so piled-up values show as darker
 * ticks; classes are shaded alternately; breaks are lines with a handle on
 * top. A drag moves a break (clamped between its neighbours) and reports
 * the new value once, at the end, so one drag is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-breaks-strip.h"

#define PAD        10.0   /* left and right, so edge breaks can be grabbed */
#define GRAB       8.0    /* how near a press must be to a break line */

struct _CaBreaksStrip
{
  GtkDrawingArea parent_instance;

  GArray        *values;   /* double, finite only */
  GArray        *breaks;   /* double, ascending */
  double         lo;
  double         hi;
  int            dragging; /* break index, or -1 */
  double         drag_start_x;
};

G_DEFINE_FINAL_TYPE (CaBreaksStrip, ca_breaks_strip, GTK_TYPE_DRAWING_AREA)

enum
{
  BREAK_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_range (CaBreaksStrip *self)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint i = 0; i < self->values->len; i++)
    {
      lo = MIN (lo, g_array_index (self->values, double, i));
      hi = MAX (hi, g_array_index (self->values, double, i));
    }
  for (guint i = 0; i < self->breaks->len; i++)
    {
      lo = MIN (lo, g_array_index (self->breaks, double, i));
      hi = MAX (hi, g_array_index (self->breaks, double, i));
    }
  if (!isfinite (lo))
    lo = 0.0, hi = 1.0;
  if (hi - lo < 1e-12)
    lo -= 0.5, hi += 0.5;
  self->lo = lo;
  self->hi = hi;
}

double
ca_breaks_strip_value_to_x (CaBreaksStrip *self,
                            double         value)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD;

  return PAD + (value - self->lo) / (self->hi - self->lo) * MAX (width, 1.0);
}

double
ca_breaks_strip_x_to_value (CaBreaksStrip *self,
                            double         x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD;

  return self->lo + (x - PAD) / MAX (width, 1.0) * (self->hi - self->lo);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  CaBreaksStrip *self = CA_BREAKS_STRIP (area);
  GdkRGBA fg;
  double mid = height / 2.0 + 4;
  double left = PAD;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);

  /* Classes, shaded alternately. */
  for (guint i = 0; i <= self->breaks->len; i++)
    {
      double right = i < self->breaks->len
                     ? ca_breaks_strip_value_to_x (self, g_array_index (self->breaks, double, i))
                     : width - PAD;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, i % 2 == 0 ? 0.06 : 0.14);
      cairo_rectangle (cr, left, 12, right - left, height - 14);
      cairo_fill (cr);
      left = right;
    }

  /* The axis and one tick per value. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, PAD, mid + 0.5);
  cairo_line_to (cr, width - PAD, mid + 0.5);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
  for (guint i = 0; i < self->values->len; i++)
    {
      double x = ca_breaks_strip_value_to_x (self, g_array_index (self->values, double, i));

      cairo_move_to (cr, x, mid - 8);
      cairo_line_to (cr, x, mid + 8);
      cairo_stroke (cr);
    }

  /* Breaks: a line and a handle to grab. */
  for (guint i = 0; i < self->breaks->len; i++)
    {
      double x = round (ca_breaks_strip_value_to_x (self, g_array_index (self->breaks, double, i))) + 0.5;

      if ((int) i == self->dragging)
        cairo_set_source_rgb (cr, 0.89, 0.42, 0.04);
      else
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x, 12);
      cairo_line_to (cr, x, height - 2);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 6, 2);
      cairo_line_to (cr, x + 6, 2);
      cairo_line_to (cr, x, 12);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

static int
break_near (CaBreaksStrip *self,
            double         x)
{
  int best = -1;
  double best_distance = GRAB;

  for (guint i = 0; i < self->breaks->len; i++)
    {
      double d = fabs (ca_breaks_strip_value_to_x (self, g_array_index (self->breaks, double, i)) - x);

      if (d <= best_distance)
        best = (int) i, best_distance = d;
    }
  return best;
}

/* A value with about three significant digits of the range, so a dragged
 * break reads "24.5", not "24.4871". */
static double
round_value (CaBreaksStrip *self,
             double         value)
{
  double step = pow (10.0, floor (log10 (self->hi - self->lo)) - 2);

  return round (value / step) * step;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CaBreaksStrip  *self)
{
  self->dragging = break_near (self, x);
  if (self->dragging < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_start_x = ca_breaks_strip_value_to_x (self, g_array_index (self->breaks, double,
                                                                        self->dragging));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CaBreaksStrip  *self)
{
  double step = (self->hi - self->lo) * 1e-3;
  double lo = -INFINITY, hi = INFINITY, value;
  guint i;

  if (self->dragging < 0)
    return;
  i = (guint) self->dragging;
  if (i > 0)
    lo = g_array_index (self->breaks, double, i - 1) + step;
  if (i + 1 < self->breaks->len)
    hi = g_array_index (self->breaks, double, i + 1) - step;
  value = round_value (self, ca_breaks_strip_x_to_value (self, self->drag_start_x + dx));
  g_array_index (self->breaks, double, i) = CLAMP (value, lo, hi);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CaBreaksStrip  *self)
{
  guint i;

  if (self->dragging < 0)
    return;
  i = (guint) self->dragging;
  self->dragging = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (dx != 0.0)
    g_signal_emit (self, signals[BREAK_MOVED], 0, i, g_array_index (self->breaks, double, i));
}

static void
ca_breaks_strip_finalize (GObject *object)
{
  CaBreaksStrip *self = CA_BREAKS_STRIP (object);

  g_array_unref (self->values);
  g_array_unref (self->breaks);
  G_OBJECT_CLASS (ca_breaks_strip_parent_class)->finalize (object);
}

static void
ca_breaks_strip_class_init (CaBreaksStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ca_breaks_strip_finalize;

  signals[BREAK_MOVED] = g_signal_new ("break-moved", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "breaksstrip");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ca_breaks_strip_init (CaBreaksStrip *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  self->dragging = -1;
  self->lo = 0.0;
  self->hi = 1.0;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 48);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 200);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
ca_breaks_strip_new (void)
{
  return g_object_new (CA_TYPE_BREAKS_STRIP, NULL);
}

void
ca_breaks_strip_set_values (CaBreaksStrip *self,
                            const double  *values,
                            guint          n_values)
{
  g_return_if_fail (CA_IS_BREAKS_STRIP (self));

  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      g_array_append_val (self->values, values[i]);
  update_range (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ca_breaks_strip_set_breaks (CaBreaksStrip *self,
                            const double  *breaks,
                            guint          n_breaks)
{
  g_return_if_fail (CA_IS_BREAKS_STRIP (self));

  /* A refresh in the middle of a drag would yank the line away. */
  self->dragging = -1;
  g_array_set_size (self->breaks, 0);
  for (guint i = 0; i < n_breaks; i++)
    if (isfinite (breaks[i]))
      g_array_append_val (self->breaks, breaks[i]);
  update_range (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
