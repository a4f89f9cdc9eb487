/* ca-render-fonts.h — the fonts figures are drawn with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The figure font (CA_RENDER_FONT_FAMILY), regular or @bold: the
 * process's, never NULL, usable from any thread. */
cairo_font_face_t          *ca_render_fonts_get_face (gboolean bold);

/* A face of another installed font that has @c, for the rare character
 * the figure font lacks; NULL when no font has it. */
cairo_font_face_t          *ca_render_fonts_get_fallback (gunichar c, gboolean bold);

/* The options every figure's text is set and drawn with: no hinting, so
 * its metrics are the same on every target and at every scale. */
const cairo_font_options_t *ca_render_fonts_get_options (void);

/* Makes the figures' fontconfig configuration the process's current one,
 * for programs that draw nothing but figures (the CLI): cairo would
 * otherwise load the system's configuration too, unused. Call before any
 * text is set; never in a program with other text (GTK's fonts need the
 * rules). */
void                        ca_render_fonts_make_current (void);

G_END_DECLS
