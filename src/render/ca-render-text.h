/* ca-render-text.h — text on figures: the language of the chrome strings,
 * fonts, Pango layouts measured in device units and drawn as real text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ca-palette.h"
#include "ca-text.h"

G_BEGIN_DECLS

#define CA_RENDER_FONT_FAMILY "DejaVu Sans"

/* @msgid (English, the source language) in @lang: Russian and Kazakh come
 * from that language's compiled catalogue whatever the session's locale
 * (installed, else in the build tree), or through g_dgettext when there
 * is none. */
const char   *ca_render_gettext (CaLang lang, const char *msgid) G_GNUC_FORMAT (2);


/* @text with a word joiner after each en dash, so that "2014–2015"
 * never breaks across lines. */
char         *ca_render_join_dashes (const char *text);

/* A context whose metrics do not depend on the target surface (no
 * hinting, 72 dpi), so a PNG and a PDF of one figure lay out alike. */
PangoContext *ca_render_context_new (cairo_t *cr);

/* pango_cairo_update_context, unless @context was last updated for a
 * @cr that transforms and renders text alike: an update makes every
 * layout of the context lay itself out again, changed or not. */
void          ca_render_update_context (cairo_t *cr, PangoContext *context);

/* A layout of @text at @size device units; @wrap_width > 0 wraps at word
 * boundaries. Every layout is set at one size and scaled to @size: measure
 * it with ca_render_layout_size or _ink, draw it with ca_render_show_layout
 * or after ca_render_layout_place, never through Pango's own extents. */
PangoLayout  *ca_render_layout_new (PangoContext *context, const char *text, double size,
                                    gboolean bold, double wrap_width);
/* The same, its lines aligned by @alignment and @spacing device units
 * apart (negative: closer). */
PangoLayout  *ca_render_layout_new_full (PangoContext *context, const char *text, double size,
                                         gboolean bold, double wrap_width,
                                         PangoAlignment alignment, double spacing);

/* From now on the layouts made with @context are kept and the same one
 * is handed out again (a new reference) for the same arguments, laid
 * out already: a window draws the same texts again and again. Layouts
 * made so must not be changed. @keep FALSE drops them and stops keeping
 * them: do so before dropping the context, which they hold. */
void          ca_render_context_keep_layouts (PangoContext *context, gboolean keep);
/* Drops the kept layouts that were not asked for since the call before
 * the last. */
void          ca_render_context_sweep_layouts (PangoContext *context);
/* Logical size of @layout in device units. */
void          ca_render_layout_size (PangoLayout *layout, double *width, double *height);
/* Ink extents of @layout in device units, from its top-left corner. */
void          ca_render_layout_ink (PangoLayout *layout, cairo_rectangle_t *ink);
/* How much @layout is scaled when drawn: the size it was asked for over
 * the one it is set at (1 for a layout not made here). */
double        ca_render_layout_get_scale (PangoLayout *layout);
/* Moves @cr's origin to (@x, @y), scales it by @layout's scale and puts
 * the current point there: pango_cairo_show_layout or
 * pango_cairo_layout_path then draws @layout at its size. */
void          ca_render_layout_place (cairo_t *cr, PangoLayout *layout, double x, double y);
/* Draws @layout with its top-left corner at (@x, @y) in @colour, as text
 * (searchable in a PDF). @halo > 0 first strokes a white outline that wide
 * around the glyphs so the text reads over any fill. */
void          ca_render_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y,
                                     const CaRgb *colour, double halo);

G_END_DECLS
