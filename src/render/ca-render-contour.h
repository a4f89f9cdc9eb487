/* ca-render-contour.h — the outline of where an image's alpha is high.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Appends to the path of @cr the closed rings round the pixels of the A8
 * @image whose alpha is at least 128, traced between pixel centres
 * (marching squares, crossings placed by linear interpolation) and
 * simplified to within @tolerance user units. @to_user maps the image's
 * pixel coordinates to the user space of @cr. The rings never cross: fill
 * them by the even-odd rule. The image's edge pixels must be transparent,
 * so that every ring closes. Returns the number of rings. */
guint ca_render_contour_path (cairo_t              *cr,
                              cairo_surface_t      *image,
                              const cairo_matrix_t *to_user,
                              double                tolerance);

G_END_DECLS
