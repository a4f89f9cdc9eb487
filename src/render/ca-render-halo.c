/* ca-render-halo.c — the white halos that keep labels legible.
 *
 * A halo is the band a stroke of its width round the glyphs' outlines
 * would add. Stroking the outlines is what costs: on a raster (flattened,
 * then scan converted at a quarter pixel) 45 M of a 150 dpi map's 400 M
 * instructions; on paper every glyph outline of every label, curves and
 * all, written into the file (a PDF's halos, written once per distinct
 * glyph as forms, were still a quarter of its instructions).
 *
 * Both start from the same image instead: the label drawn into an alpha
 * mask and widened by a maximum filter over a disc of the band's width,
 * antialiased at its rim. A raster paints white through it. On paper the
 * mask is drawn at TRACE_PIXELS_PER_POINT, smoothed, and its outline
 * traced (ca-render-contour.c): one filled path a label, some seventy
 * vertices within 0.1 mm of the widened outline. Fig. 1's PDF went from
 * 254 M to 228 M instructions and from 119 to 69 KB against glyph halos
 * written once each as forms and placed at every occurrence, each form a
 * stream of its own (zlib sets up 256 KB for each) and each placement
 * analysed by cairo anew. One path cannot overlap itself, so the halo
 * needs no transparency group for its alpha either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-render-contour.h"
#include "ca-render-halo.h"
#include "ca-render-text.h"

/* The widest a halo's band may be in device pixels: beyond, the filter's
 * taps would cost more than stroking (a window zoomed far in). */
#define MAX_RADIUS 8
#define RIM 0.65

/* One tap of the disc filter: offset and weight (the share of the pixel
 * at that offset inside the disc, 1 − its distance beyond the rim). */
typedef struct
{
  int   dx;
  int   dy;
  guint16 weight;   /* out of 256 */
} Tap;

static guint
disc_taps (double radius,
           Tap   *taps)
{
  int reach = (int) ceil (radius);
  guint n = 0;

  for (int dy = -reach; dy <= reach; dy++)
    for (int dx = -reach; dx <= reach; dx++)
      {
        double inside = radius + 0.5 - sqrt ((double) (dx * dx + dy * dy));

        if (inside > 0)
          taps[n++] = (Tap) { dx, dy, (guint16) lround (256 * MIN (inside, 1.0)) };
      }
  return n;
}

/* d[i] = max (d[i], s[i] · weight / 256): written so that the compiler
 * turns it into vector instructions, sixteen pixels at a time. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__ ((optimize ("tree-vectorize")))
#endif
static void
max_scaled (guint8       *restrict d,
            const guint8 *restrict s,
            int                    n,
            guint16                weight)
{
  for (int i = 0; i < n; i++)
    {
      guint8 v = (guint8) ((guint16) (s[i] * weight) >> 8);   /* ≤ 255 · 256 */

      d[i] = v > d[i] ? v : d[i];
    }
}

/* @out = the maximum over the disc of @in, each tap scaled by its weight. */
static void
dilate (cairo_surface_t *in,
        cairo_surface_t *out,
        const Tap       *taps,
        guint            n_taps)
{
  int w = cairo_image_surface_get_width (in), h = cairo_image_surface_get_height (in);
  int in_stride = cairo_image_surface_get_stride (in), out_stride = cairo_image_surface_get_stride (out);
  const guint8 *src = cairo_image_surface_get_data (in);
  guint8 *dst = cairo_image_surface_get_data (out);

  memset (dst, 0, (gsize) out_stride * (gsize) h);
  for (guint t = 0; t < n_taps; t++)
    {
      const Tap *tap = &taps[t];
      int x0 = MAX (0, -tap->dx), x1 = MIN (w, w - tap->dx);

      for (int y = MAX (0, -tap->dy); y < MIN (h, h - tap->dy); y++)
        {
          max_scaled (dst + (gsize) y * (gsize) out_stride + x0,
                      src + (gsize) (y + tap->dy) * (gsize) in_stride + tap->dx + x0,
                      x1 - x0, tap->weight);
        }
    }
  cairo_surface_mark_dirty (out);
}

/* How far a halo's traced outline may stray: 0.1 mm, a quarter of the
 * band it bounds, and less than half a pixel of a screen at 100 %. */
#define TRACE_TOLERANCE_PT (0.1 / 25.4 * 72.0)
/* Pixels a point the mask is traced at: a 9 pt label's capitals are 13 px
 * high, its halo's band 2.4 px wide, and the crossings, placed by
 * interpolation, fall well within the tolerance of the filtered outline;
 * at 3 px a point the masks cost twice as much for no visible gain. */
#define TRACE_PIXELS_PER_POINT 2.0
/* Beyond this a label's mask is not made: the caller strokes the outline
 * instead. The largest mask of Figs. 1 and 4 is 9 000 pixels on A4 paper,
 * 37 000 in a 300 dpi PNG and 76 000 at 440 dpi (beyond, the band is too
 * wide for the filter anyway); the tracer keeps 16 bytes a pixel, so this
 * bounds a halo's memory at 18 MiB, within the export's 40. */
#define MAX_MASK_PIXELS (1 << 20)

/* The label at (@x, @y) drawn into an alpha mask through @to_mask (user
 * space to the mask's pixels) and widened by @radius + @rim pixels; the mask's
 * top left pixel in those coordinates goes to @left and @top. NULL when
 * the band is too wide for the filter or the mask too large. */
static cairo_surface_t *
widened_glyphs (CaTextLayout         *layout,
                double                x,
                double                y,
                const cairo_matrix_t *to_mask,
                double                radius,
                double                rim,
                int                  *left,
                int                  *top)
{
  Tap taps[(2 * MAX_RADIUS + 1) * (2 * MAX_RADIUS + 1)];
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  cairo_surface_t *glyphs, *halo;
  cairo_matrix_t matrix = *to_mask;
  cairo_rectangle_t ink;
  cairo_t *mask_cr;
  int pad, width, height;

  if (!(radius > 0 && radius + rim <= MAX_RADIUS))
    return NULL;
  ca_render_layout_ink (layout, &ink);
  for (int corner = 0; corner < 4; corner++)
    {
      double cx = x + ink.x + (corner & 1 ? ink.width : 0);
      double cy = y + ink.y + (corner & 2 ? ink.height : 0);

      cairo_matrix_transform_point (to_mask, &cx, &cy);
      min_x = MIN (min_x, cx);
      min_y = MIN (min_y, cy);
      max_x = MAX (max_x, cx);
      max_y = MAX (max_y, cy);
    }
  pad = (int) ceil (radius + rim) + 2;
  if (!(max_x - min_x < 65536 && max_y - min_y < 65536))
    return NULL;
  *left = (int) floor (min_x) - pad;
  *top = (int) floor (min_y) - pad;
  width = (int) ceil (max_x) + pad - *left;
  height = (int) ceil (max_y) + pad - *top;
  if ((gint64) width * height > MAX_MASK_PIXELS)
    return NULL;
  glyphs = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  halo = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  if (cairo_surface_status (glyphs) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_status (halo) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (glyphs);
      cairo_surface_destroy (halo);
      return NULL;
    }
  /* The label as the target would draw it, shifted to the mask's corner. */
  mask_cr = cairo_create (glyphs);
  matrix.x0 -= *left;
  matrix.y0 -= *top;
  cairo_set_matrix (mask_cr, &matrix);
  ca_render_layout_place (mask_cr, layout, x, y);
  ca_text_layout_show (layout, mask_cr);
  cairo_destroy (mask_cr);
  cairo_surface_flush (glyphs);
  dilate (glyphs, halo, taps, disc_taps (radius + rim, taps));
  cairo_surface_destroy (glyphs);
  return halo;
}

/* Smooths @image by [1 2 1] / 4 across and down, in place: the filter's
 * taps leave a ripple of a pixel along a band's rim, which the traced
 * outline would follow. */
static void
smooth (cairo_surface_t *image)
{
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  guint8 *data = cairo_image_surface_get_data (image);
  g_autofree guint8 *above = g_new (guint8, w);

  for (int y = 0; y < h; y++)
    {
      guint8 *row = data + (gsize) y * (gsize) stride;
      guint8 left = row[0];

      for (int x = 1; x + 1 < w; x++)
        {
          guint8 here = row[x];

          row[x] = (guint8) ((left + 2 * here + row[x + 1] + 2) / 4);
          left = here;
        }
    }
  for (int x = 0; x < w; x++)
    above[x] = data[x];
  for (int y = 1; y + 1 < h; y++)
    {
      guint8 *row = data + (gsize) y * (gsize) stride;

      for (int x = 0; x < w; x++)
        {
          guint8 here = row[x];

          row[x] = (guint8) ((above[x] + 2 * here + row[x + stride] + 2) / 4);
          above[x] = here;
        }
    }
  cairo_surface_mark_dirty (image);
}

/* How much @matrix enlarges lengths. */
static double
matrix_scale (const cairo_matrix_t *matrix)
{
  return sqrt (fabs (matrix->xx * matrix->yy - matrix->xy * matrix->yx));
}

gboolean
ca_render_halo_draw_dilated (cairo_t      *cr,
                             CaTextLayout *layout,
                             double        x,
                             double        y,
                             double        width,
                             double        alpha)
{
  cairo_surface_t *halo;
  cairo_matrix_t to_device;
  int left, top;

  cairo_get_matrix (cr, &to_device);
  /* A covered pixel's centre lies half a pixel or so inside the glyph's
   * edge: widened by RIM more, the halos of Fig. 1 cover what the
   * stroked ones did, on balance (measured). */
  halo = widened_glyphs (layout, x, y, &to_device, width / 2 * matrix_scale (&to_device), RIM, &left,
                         &top);
  if (halo == NULL)
    return FALSE;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_mask_surface (cr, halo, left, top);
  cairo_restore (cr);
  cairo_surface_destroy (halo);
  return TRUE;
}

gboolean
ca_render_halo_draw_traced (cairo_t      *cr,
                            CaTextLayout *layout,
                            double        x,
                            double        y,
                            double        width,
                            double        alpha)
{
  cairo_matrix_t to_device, to_mask, to_user;
  cairo_surface_t *halo;
  double scale;
  int left, top;

  cairo_get_matrix (cr, &to_device);
  scale = matrix_scale (&to_device);
  cairo_matrix_init_scale (&to_mask, TRACE_PIXELS_PER_POINT, TRACE_PIXELS_PER_POINT);
  cairo_matrix_multiply (&to_mask, &to_device, &to_mask);
  /* Traced where the filtered alpha is half, the outline lies @width / 2
   * from the glyphs': no rim added. */
  halo = widened_glyphs (layout, x, y, &to_mask, width / 2 * scale * TRACE_PIXELS_PER_POINT, 0,
                         &left, &top);
  if (halo == NULL)
    return FALSE;
  smooth (halo);
  /* The contour's points are the mask's pixels, from its corner. */
  to_user = to_mask;
  if (cairo_matrix_invert (&to_user) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (halo);
      return FALSE;
    }
  cairo_matrix_init_translate (&to_mask, left, top);
  cairo_matrix_multiply (&to_user, &to_mask, &to_user);
  cairo_save (cr);
  cairo_new_path (cr);
  ca_render_contour_path (cr, halo, &to_user, TRACE_TOLERANCE_PT / scale);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (halo);
  return TRUE;
}
