/* ca-render-fonts.h — the fonts figures are drawn with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* This thread's font map for figures (Pango font maps are not shared
 * between threads); owned by the thread, valid until it ends. */
PangoFontMap *ca_render_font_map_get (void);

/* This thread's font map with every installed font, for text the figure
 * font cannot set; NULL when ca_render_font_map_get has them all already. */
PangoFontMap *ca_render_font_map_get_fallback (void);

/* Makes the figures' fontconfig configuration the process's current one,
 * for programs that draw nothing but figures (the CLI): Pango's font maps
 * start fontconfig on a thread of their own, which would otherwise load
 * the system's configuration too, unused. Call before any font map is
 * made; never in a program with other text (GTK's fonts need the rules). */
void ca_render_fonts_make_current (void);

G_END_DECLS
