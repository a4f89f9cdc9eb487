/* ca-render-text.h — text on figures: the language of the chrome strings,
 * fonts, text layouts measured in device units and drawn as real text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ca-palette.h"
#include "ca-text.h"
#include "ca-text-context.h"

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

/* A layout of @text at @size device units in @context (may be NULL);
 * @wrap_width > 0 wraps at word boundaries. Every layout is set at one
 * size and scaled to @size: measure it with ca_render_layout_size or
 * _ink, draw it with ca_render_show_layout or after
 * ca_render_layout_place. A context that keeps layouts hands out the same
 * one again (a new reference) for the same arguments. */
CaTextLayout *ca_render_layout_new (CaTextContext *context, const char *text, double size,
                                    gboolean bold, double wrap_width);
/* The same, its lines aligned by @alignment and @spacing device units
 * apart (negative: closer). */
CaTextLayout *ca_render_layout_new_full (CaTextContext *context, const char *text, double size,
                                         gboolean bold, double wrap_width,
                                         CaTextAlign alignment, double spacing);

/* Logical size of @layout in device units. */
void          ca_render_layout_size (CaTextLayout *layout, double *width, double *height);
/* Ink extents of @layout in device units, from its top-left corner. */
void          ca_render_layout_ink (CaTextLayout *layout, cairo_rectangle_t *ink);
/* Moves @cr's origin to (@x, @y), scales it by @layout's scale and puts
 * the current point there: ca_text_layout_show or ca_text_layout_path
 * then draws @layout at its size. */
void          ca_render_layout_place (cairo_t *cr, CaTextLayout *layout, double x, double y);
/* Draws @layout with its top-left corner at (@x, @y) in @colour, as text
 * (searchable in a PDF). @halo > 0 first strokes a white outline that wide
 * around the glyphs so the text reads over any fill. */
void          ca_render_show_layout (cairo_t *cr, CaTextLayout *layout, double x, double y,
                                     const CaRgb *colour, double halo);

G_END_DECLS
