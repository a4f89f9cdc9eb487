/* ca-breaks-strip.h — a strip of values with class breaks as vertical
 * lines that can be dragged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CA_TYPE_BREAKS_STRIP (ca_breaks_strip_get_type ())
G_DECLARE_FINAL_TYPE (CaBreaksStrip, ca_breaks_strip, CA, BREAKS_STRIP, GtkDrawingArea)

/* Signals: "break-moved" (guint index, double value), when a drag of break
 * @index ends at @value (still between its neighbours). */
GtkWidget *ca_breaks_strip_new (void);
/* NANs are ignored. */
void       ca_breaks_strip_set_values (CaBreaksStrip *self,
                                       const double  *values,
                                       guint          n_values);
/* Ascending breaks. */
void       ca_breaks_strip_set_breaks (CaBreaksStrip *self,
                                       const double  *breaks,
                                       guint          n_breaks);
/* Where value @value is drawn, in widget x; and back. For tests. */
double     ca_breaks_strip_value_to_x (CaBreaksStrip *self,
                                       double         value);
double     ca_breaks_strip_x_to_value (CaBreaksStrip *self,
                                       double         x);

G_END_DECLS
