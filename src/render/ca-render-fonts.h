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

G_END_DECLS
