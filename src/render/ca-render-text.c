/* ca-render-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-render-text.h"

const char *
ca_render_gettext (CaLang      lang,
                   const char *msgid)
{
  /* The source strings are English, so an English figure never goes
   * through the catalogue (whatever the session's locale); the others
   * take the translation the locale's catalogue holds. */
  if (lang == CA_LANG_EN)
    return msgid;
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

PangoContext *
ca_render_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
ca_render_layout_new (PangoContext *context,
                      const char   *text,
                      double        size,
                      gboolean      bold,
                      double        wrap_width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, CA_RENDER_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
ca_render_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
ca_render_show_layout (cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y,
                       const CaRgb *colour,
                       double       halo)
{
  cairo_save (cr);
  pango_cairo_update_layout (cr, layout);
  if (halo > 0)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
      cairo_set_line_width (cr, halo);
      /* A halo needs no precise curves or round corners: coarse
       * flattening and bevels make it several times cheaper to stroke. */
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      cairo_set_tolerance (cr, 0.5);
      cairo_stroke (cr);
    }
  cairo_move_to (cr, x, y);
  ca_rgb_set_source (cr, colour);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
