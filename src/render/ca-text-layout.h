/* ca-text-layout.h — a paragraph of figure text set in lines: glyphs of
 * the figure font (with the odd fallback font), kerned, wrapped at word
 * boundaries and aligned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CA_TEXT_ALIGN_LEFT,
  CA_TEXT_ALIGN_CENTER,
  CA_TEXT_ALIGN_RIGHT,
} CaTextAlign;

#define CA_TYPE_TEXT_LAYOUT (ca_text_layout_get_type ())
G_DECLARE_FINAL_TYPE (CaTextLayout, ca_text_layout, CA, TEXT_LAYOUT, GObject)

/* @text (lines apart at "\n") at @font_size in the figure font, regular
 * or @bold. @wrap_width > 0 breaks lines at spaces and after dashes, and
 * within a word only where the word alone is wider; lines are aligned by
 * @align within @wrap_width, else within the widest line, and @spacing
 * apart (negative: closer). Lengths are in the layout's own units, which
 * the caller scales by @scale when it draws (ca-render-text.c). */
CaTextLayout *ca_text_layout_new (const char *text,
                                  double      font_size,
                                  gboolean    bold,
                                  double      wrap_width,
                                  CaTextAlign align,
                                  double      spacing,
                                  double      scale);

const char   *ca_text_layout_get_text (CaTextLayout *self);
double        ca_text_layout_get_font_size (CaTextLayout *self);
gboolean      ca_text_layout_get_bold (CaTextLayout *self);
double        ca_text_layout_get_wrap_width (CaTextLayout *self);
CaTextAlign   ca_text_layout_get_align (CaTextLayout *self);
double        ca_text_layout_get_spacing (CaTextLayout *self);
/* How much the layout is scaled when drawn: the size asked for over the
 * one it is set at (ca-render-text.c). */
double        ca_text_layout_get_scale (CaTextLayout *self);
guint         ca_text_layout_get_n_lines (CaTextLayout *self);

/* How many characters are set in the figure font (may be NULL), in a
 * fallback font (may be NULL), and as the figure font's "missing" glyph,
 * no installed font having them (returned). */
guint         ca_text_layout_count_glyphs (CaTextLayout *self,
                                           guint        *in_figure_font,
                                           guint        *in_fallback);

/* The box of the glyphs' ink (may be NULL) and the logical box (lines'
 * advance widths by ascent plus descent; may be NULL), from the layout's
 * top-left corner, in its units. */
void          ca_text_layout_get_extents (CaTextLayout      *self,
                                          cairo_rectangle_t *ink,
                                          cairo_rectangle_t *logical);

/* Draws the glyphs with the layout's top-left corner at @cr's current
 * point, in @cr's source, as text (searchable in a PDF). */
void          ca_text_layout_show (CaTextLayout *self,
                                   cairo_t      *cr);

/* Adds the glyphs' outlines, placed likewise, to @cr's path. */
void          ca_text_layout_path (CaTextLayout *self,
                                   cairo_t      *cr);

G_END_DECLS
