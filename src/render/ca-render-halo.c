/* ca-render-halo.c — label halos on paper, each glyph's written once.
 *
 * A halo is the glyphs' outlines stroked in white under the text. Stroked
 * as one path per label, a PDF or SVG writes every glyph outline of every
 * label in full, though a map's twenty-odd labels repeat the same few
 * dozen letters ("…ский район"): on Fig. 1 the halos were a third of the
 * instructions of a PDF export. Here each distinct glyph's halo (font,
 * glyph, width) is drawn once into a recording surface kept with the
 * target surface; cairo writes a recording surface painted many times as
 * one PDF form (XObject) referenced at each occurrence. The
 * union of the glyphs' strokes is the stroke of their union, and a
 * label's glyph halos are painted opaque into a group laid down at the
 * halo's alpha, so overlapping neighbours do not add up: the result is
 * what stroking the label's outline gives.
 *
 * On a raster, stroking glyph outlines (flattened, then scan converted at
 * a quarter pixel) cost 45 M of a 150 dpi map's 400 M instructions. The
 * band a stroke adds round a glyph is the glyph widened by half the
 * stroke's width, so the label is drawn into an alpha mask, which is
 * widened by a maximum filter over a disc, antialiased at its rim, and
 * painted through: a few hundred thousand instructions a label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-render-halo.h"

typedef struct
{
  cairo_scaled_font_t *font;    /* a reference */
  gulong               glyph;
  double               width;
} HaloKey;

static guint
halo_key_hash (gconstpointer data)
{
  const HaloKey *key = data;

  return g_direct_hash (key->font) ^ (guint) (key->glyph * 2654435761u) ^ g_double_hash (&key->width);
}

static gboolean
halo_key_equal (gconstpointer a,
                gconstpointer b)
{
  const HaloKey *k = a, *l = b;

  return k->font == l->font && k->glyph == l->glyph && k->width == l->width;
}

static void
halo_key_free (gpointer data)
{
  HaloKey *key = data;

  cairo_scaled_font_destroy (key->font);
  g_free (key);
}

/* The halos drawn so far for @target, kept as long as it lives. */
static GHashTable *
target_halos (cairo_surface_t *target)
{
  static const cairo_user_data_key_t halos_key;
  GHashTable *halos = cairo_surface_get_user_data (target, &halos_key);

  if (halos != NULL)
    return halos;
  halos = g_hash_table_new_full (halo_key_hash, halo_key_equal, halo_key_free,
                                 (GDestroyNotify) cairo_surface_destroy);
  if (cairo_surface_set_user_data (target, &halos_key, halos,
                                   (cairo_destroy_func_t) g_hash_table_unref) != CAIRO_STATUS_SUCCESS)
    {
      g_hash_table_unref (halos);
      return NULL;
    }
  return halos;
}

/* One glyph's halo with its origin at (0, 0). */
static cairo_surface_t *
glyph_halo_new (cairo_scaled_font_t *font,
                gulong               glyph,
                double               width)
{
  cairo_glyph_t g = { glyph, 0, 0 };
  cairo_text_extents_t ink;
  cairo_rectangle_t extent;
  cairo_surface_t *halo;
  cairo_t *cr;

  cairo_scaled_font_glyph_extents (font, &g, 1, &ink);
  extent = (cairo_rectangle_t) { floor (ink.x_bearing - width), floor (ink.y_bearing - width),
                                 ceil (ink.width + 2 * width) + 1, ceil (ink.height + 2 * width) + 1 };
  halo = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extent);
  cr = cairo_create (halo);
  cairo_set_scaled_font (cr, font);
  cairo_glyph_path (cr, &g, 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_stroke (cr);
  cairo_destroy (cr);
  return halo;
}

static cairo_surface_t *
glyph_halo (GHashTable          *halos,
            cairo_scaled_font_t *font,
            gulong               glyph,
            double               width)
{
  HaloKey lookup = { font, glyph, width };
  cairo_surface_t *halo = g_hash_table_lookup (halos, &lookup);
  HaloKey *key;

  if (halo != NULL)
    return halo;
  halo = glyph_halo_new (font, glyph, width);
  key = g_new (HaloKey, 1);
  *key = lookup;
  cairo_scaled_font_reference (font);
  g_hash_table_insert (halos, key, halo);
  return halo;
}

/* Whether @cr draws into a PDF, every glyph of @layout is a real glyph of
 * a cairo font, and the user space of @cr only moved: forms are drawn in
 * the fonts' own units. (Cairo's SVG surface misplaces a recording surface
 * whose extents do not start at its origin, as a glyph's do.) */
static gboolean
can_share (cairo_t     *cr,
           PangoLayout *layout)
{
  PangoLayoutIter *iter;
  cairo_matrix_t matrix;
  gboolean ok = TRUE;

  cairo_get_matrix (cr, &matrix);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF ||
      matrix.xx != 1 || matrix.yy != 1 || matrix.xy != 0 || matrix.yx != 0)
    return FALSE;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL || !ok)
        continue;
      ok = PANGO_IS_CAIRO_FONT (run->item->analysis.font);
      for (int i = 0; ok && i < run->glyphs->num_glyphs; i++)
        ok = !(run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG);
    }
  while (ok && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return ok;
}

/* Paints the halos of one run's glyphs, the run's origin at (x, y). */
static void
paint_run (cairo_t        *cr,
           GHashTable     *halos,
           PangoLayoutRun *run,
           double          x,
           double          y,
           double          width)
{
  cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  int advance = 0;

  for (int i = 0; i < run->glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &run->glyphs->glyphs[i];

      if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          cairo_set_source_surface (cr, glyph_halo (halos, font, info->glyph, width),
                                    x + (double) (advance + info->geometry.x_offset) / PANGO_SCALE,
                                    y + (double) info->geometry.y_offset / PANGO_SCALE);
          cairo_paint (cr);
        }
      advance += info->geometry.width;
    }
}

gboolean
ca_render_halo_draw_shared (cairo_t     *cr,
                            PangoLayout *layout,
                            double       x,
                            double       y,
                            double       width,
                            double       alpha)
{
  GHashTable *halos = target_halos (cairo_get_target (cr));
  PangoLayoutIter *iter;

  if (halos == NULL || !can_share (cr, layout))
    return FALSE;
  cairo_save (cr);
  cairo_push_group (cr);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      paint_run (cr, halos, run, x + (double) logical.x / PANGO_SCALE,
                 y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE, width);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
  return TRUE;
}

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

gboolean
ca_render_halo_draw_dilated (cairo_t     *cr,
                             PangoLayout *layout,
                             double       x,
                             double       y,
                             double       width,
                             double       alpha)
{
  double radius = width / 2, dx = 1, dy = 0, x0, y0, x1, y1, scale;
  Tap taps[(2 * MAX_RADIUS + 1) * (2 * MAX_RADIUS + 1)];
  PangoRectangle ink;
  cairo_surface_t *glyphs, *halo;
  cairo_matrix_t matrix;
  cairo_t *mask_cr;
  int pad, left, top;

  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = hypot (dx, dy);
  radius *= scale;
  if (!(radius > 0 && radius + RIM <= MAX_RADIUS))
    return FALSE;
  pango_layout_get_extents (layout, &ink, NULL);
  x0 = x + (double) ink.x / PANGO_SCALE;
  y0 = y + (double) ink.y / PANGO_SCALE;
  x1 = x0 + (double) ink.width / PANGO_SCALE;
  y1 = y0 + (double) ink.height / PANGO_SCALE;
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  pad = (int) ceil (radius) + 2;
  left = (int) floor (MIN (x0, x1)) - pad;
  top = (int) floor (MIN (y0, y1)) - pad;
  glyphs = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) ceil (MAX (x0, x1)) + pad - left,
                                       (int) ceil (MAX (y0, y1)) + pad - top);
  halo = cairo_image_surface_create (CAIRO_FORMAT_A8, cairo_image_surface_get_width (glyphs),
                                     cairo_image_surface_get_height (glyphs));
  if (cairo_surface_status (glyphs) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_status (halo) != CAIRO_STATUS_SUCCESS)
    {
      /* Too large a label for an image: the caller strokes it. */
      cairo_surface_destroy (glyphs);
      cairo_surface_destroy (halo);
      return FALSE;
    }
  /* The label as the target would draw it, shifted to the mask's corner. */
  mask_cr = cairo_create (glyphs);
  cairo_get_matrix (cr, &matrix);
  matrix.x0 -= left;
  matrix.y0 -= top;
  cairo_set_matrix (mask_cr, &matrix);
  cairo_move_to (mask_cr, x, y);
  pango_cairo_show_layout (mask_cr, layout);
  cairo_destroy (mask_cr);
  cairo_surface_flush (glyphs);
  /* A covered pixel's centre lies half a pixel or so inside the glyph's
   * edge: widened by 0.65 px more, the halos of Fig. 1 cover what the
   * stroked ones did, on balance (measured). */
  dilate (glyphs, halo, taps, disc_taps (radius + RIM, taps));
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_mask_surface (cr, halo, left, top);
  cairo_restore (cr);
  cairo_surface_destroy (glyphs);
  cairo_surface_destroy (halo);
  return TRUE;
}
