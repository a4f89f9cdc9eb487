/* ca-render-cache-draw.c — drawing through the cache's images: static
 * layers, fill masks and sprites (texts, leader lines).
 *
 * An image is composited where the drawing would have gone, at whole
 * device pixels from where it was drawn: every vertex and glyph falls on
 * the same place within its pixel, so the pixels come out the same, but
 * for a rounding step where a composited edge meets what lies under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-render-cache.h"
#include "ca-render-text.h"

/* An image and where its top-left pixel goes: in device pixels for a
 * layer, relative to the pixel of the text's origin for a text. */
typedef struct
{
  cairo_surface_t *surface;
  int              x;
  int              y;
} Image;

static void
image_free (gpointer data)
{
  Image *image = data;

  cairo_surface_destroy (image->surface);
  g_free (image);
}

/* Can what is drawn into @cr be composited from an image? Only into an
 * image surface, whose device pixels are the surface's. */
static gboolean
draws_pixels (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double ox, oy, sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  return ox == 0 && oy == 0 && sx == 1 && sy == 1;
}

/* The device pixels @cr's clip covers, within its surface; FALSE when
 * none. */
static gboolean
clip_pixels (cairo_t *cr,
             int     *box)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double x[4], y[4], x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  x[0] = x[3] = x0;
  x[1] = x[2] = x1;
  y[0] = y[1] = y0;
  y[2] = y[3] = y1;
  x0 = y0 = G_MAXDOUBLE;
  x1 = y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < 4; i++)
    {
      cairo_user_to_device (cr, &x[i], &y[i]);
      x0 = MIN (x0, x[i]);
      y0 = MIN (y0, y[i]);
      x1 = MAX (x1, x[i]);
      y1 = MAX (y1, y[i]);
    }
  box[0] = (int) MAX (floor (x0 + 1e-6), 0);
  box[1] = (int) MAX (floor (y0 + 1e-6), 0);
  box[2] = (int) MIN (ceil (x1 - 1e-6), cairo_image_surface_get_width (target));
  box[3] = (int) MIN (ceil (y1 - 1e-6), cairo_image_surface_get_height (target));
  return box[2] > box[0] && box[3] > box[1];
}

static void
image_paint (cairo_t         *cr,
             cairo_surface_t *surface,
             int              x,
             int              y,
             gboolean         opaque)
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  if (opaque)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, surface, x, y);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
add_matrix (GByteArray           *key,
            const cairo_matrix_t *matrix,
            gboolean              translation)
{
  ca_render_key_add_double (key, matrix->xx);
  ca_render_key_add_double (key, matrix->yx);
  ca_render_key_add_double (key, matrix->xy);
  ca_render_key_add_double (key, matrix->yy);
  if (translation)
    {
      ca_render_key_add_double (key, matrix->x0);
      ca_render_key_add_double (key, matrix->y0);
    }
}

/* A context drawing into @surface as @cr would draw at device pixel
 * (@x, @y) onwards. */
static cairo_t *
image_context (cairo_surface_t *surface,
               cairo_t         *cr,
               double           x,
               double           y)
{
  cairo_t *image_cr = cairo_create (surface);
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  cairo_translate (image_cr, -x, -y);
  cairo_transform (image_cr, &matrix);
  return image_cr;
}

void
ca_render_cache_draw_layer (CaRenderCache     *self,
                            cairo_t           *cr,
                            GByteArray        *key,
                            GObject           *pin,
                            gboolean           opaque,
                            CaRenderLayerFunc  draw,
                            gpointer           data)
{
  g_autoptr (GByteArray) full = NULL;
  cairo_matrix_t matrix;
  Image *image;
  int box[4];

  if (self == NULL || !draws_pixels (cr) || !clip_pixels (cr, box))
    {
      draw (cr, data);
      return;
    }
  cairo_get_matrix (cr, &matrix);
  full = g_byte_array_sized_new (key->len + 96);
  ca_render_key_add (full, key->data, key->len);
  add_matrix (full, &matrix, TRUE);
  ca_render_key_add (full, box, sizeof box);

  image = ca_render_cache_lookup (self, full);
  if (image == NULL)
    {
      cairo_t *image_cr;

      image = g_new0 (Image, 1);
      image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, box[2] - box[0],
                                                   box[3] - box[1]);
      image->x = box[0];
      image->y = box[1];
      image_cr = image_context (image->surface, cr, box[0], box[1]);
      draw (image_cr, data);
      cairo_destroy (image_cr);
      cairo_surface_flush (image->surface);
      ca_render_cache_insert (self, full, image, image_free, pin);
    }
  image_paint (cr, image->surface, image->x, image->y, opaque);
}

/* The device pixels of what @path adds to the path within @clip,
 * widened by a pixel for antialiasing. */
static gboolean
path_pixels (cairo_t           *cr,
             CaRenderLayerFunc  path,
             gpointer           data,
             const int         *clip,
             int               *box)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double extent[4];

  cairo_save (cr);
  cairo_new_path (cr);
  path (cr, data);
  cairo_fill_extents (cr, &extent[0], &extent[1], &extent[2], &extent[3]);
  cairo_new_path (cr);
  cairo_restore (cr);
  for (guint i = 0; i < 4; i++)
    {
      double x = extent[i % 2 ? 2 : 0], y = extent[i / 2 ? 3 : 1];

      cairo_user_to_device (cr, &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }
  if (!(x0 <= x1 && y0 <= y1))
    return FALSE;
  box[0] = (int) MAX (floor (x0) - 1, clip[0]);
  box[1] = (int) MAX (floor (y0) - 1, clip[1]);
  box[2] = (int) MIN (ceil (x1) + 1, clip[2]);
  box[3] = (int) MIN (ceil (y1) + 1, clip[3]);
  return box[2] > box[0] && box[3] > box[1];
}

void
ca_render_cache_fill (CaRenderCache     *self,
                      cairo_t           *cr,
                      GByteArray        *key,
                      GObject           *pin,
                      CaRenderLayerFunc  path,
                      gpointer           data,
                      const CaRgb       *colour)
{
  g_autoptr (GByteArray) full = NULL;
  cairo_matrix_t matrix;
  Image *mask;
  int clip[4], box[4];

  if (self == NULL || !draws_pixels (cr) || !clip_pixels (cr, clip))
    {
      cairo_save (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_new_path (cr);
      path (cr, data);
      ca_rgb_set_source (cr, colour);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  cairo_get_matrix (cr, &matrix);
  full = g_byte_array_sized_new (key->len + 96);
  ca_render_key_add (full, key->data, key->len);
  add_matrix (full, &matrix, TRUE);
  ca_render_key_add (full, clip, sizeof clip);

  mask = ca_render_cache_lookup (self, full);
  if (mask == NULL)
    {
      cairo_t *mask_cr;

      mask = g_new0 (Image, 1);
      /* Nothing of it shows: an empty mask. */
      if (!path_pixels (cr, path, data, clip, box))
        memset (box, 0, sizeof box);
      mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, box[2] - box[0], box[3] - box[1]);
      mask->x = box[0];
      mask->y = box[1];
      mask_cr = image_context (mask->surface, cr, box[0], box[1]);
      cairo_set_antialias (mask_cr, cairo_get_antialias (cr));
      cairo_set_fill_rule (mask_cr, CAIRO_FILL_RULE_EVEN_ODD);
      path (mask_cr, data);
      cairo_fill (mask_cr);
      cairo_destroy (mask_cr);
      cairo_surface_flush (mask->surface);
      ca_render_cache_insert (self, full, mask, image_free, pin);
    }
  if (cairo_image_surface_get_width (mask->surface) == 0)
    return;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  ca_rgb_set_source (cr, colour);
  cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
  cairo_restore (cr);
}

/* Everything the pixels of @layout depend on, besides the transformation. */
static void
add_layout (GByteArray   *key,
            CaTextLayout *layout)
{
  ca_render_key_add_string (key, ca_text_layout_get_text (layout));
  ca_render_key_add_double (key, ca_text_layout_get_font_size (layout));
  ca_render_key_add_int (key, ca_text_layout_get_bold (layout));
  ca_render_key_add_double (key, ca_text_layout_get_wrap_width (layout));
  ca_render_key_add_int (key, ca_text_layout_get_align (layout));
  ca_render_key_add_double (key, ca_text_layout_get_spacing (layout));
  ca_render_key_add_double (key, ca_text_layout_get_scale (layout));
}

/* What a sprite is drawn in: the pixel holding its origin, and how far
 * into that pixel the origin lies. */
typedef struct
{
  double ix, iy;
  double fx, fy;
} Origin;

/* An image of what @draw draws within @extent (device units, relative to
 * the origin), drawn by @cr. */
static Image *
sprite_image (cairo_t           *cr,
              const Origin      *origin,
              const double      *extent,
              CaRenderLayerFunc  draw,
              gpointer           data)
{
  Image *image = g_new0 (Image, 1);
  cairo_t *image_cr;

  /* A pixel more each side for antialiasing. */
  image->x = (int) floor (origin->fx + extent[0]) - 1;
  image->y = (int) floor (origin->fy + extent[1]) - 1;
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               (int) ceil (origin->fx + extent[2]) + 1 - image->x,
                                               (int) ceil (origin->fy + extent[3]) + 1 - image->y);
  image_cr = image_context (image->surface, cr, origin->ix + image->x, origin->iy + image->y);
  draw (image_cr, data);
  cairo_destroy (image_cr);
  cairo_surface_flush (image->surface);
  return image;
}

void
ca_render_cache_draw_sprite (CaRenderCache     *self,
                             cairo_t           *cr,
                             GByteArray        *key,
                             double             x,
                             double             y,
                             const CaRect      *extent,
                             CaRenderLayerFunc  draw,
                             gpointer           data)
{
  g_autoptr (GByteArray) full = NULL;
  cairo_matrix_t matrix;
  double dx = x, dy = y, box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  Origin origin;
  Image *image;

  if (self == NULL || !draws_pixels (cr))
    {
      draw (cr, data);
      return;
    }
  cairo_user_to_device (cr, &dx, &dy);
  origin = (Origin) { floor (dx), floor (dy), dx - floor (dx), dy - floor (dy) };
  cairo_get_matrix (cr, &matrix);
  full = g_byte_array_sized_new (key->len + 64);
  ca_render_key_add (full, key->data, key->len);
  add_matrix (full, &matrix, FALSE);
  ca_render_key_add_double (full, origin.fx);
  ca_render_key_add_double (full, origin.fy);

  image = ca_render_cache_lookup (self, full);
  if (image == NULL)
    {
      for (guint i = 0; i < 4; i++)
        {
          double ex = extent->x + (i % 2 ? extent->width : 0) - x;
          double ey = extent->y + (i / 2 ? extent->height : 0) - y;

          cairo_user_to_device_distance (cr, &ex, &ey);
          box[0] = MIN (box[0], ex);
          box[1] = MIN (box[1], ey);
          box[2] = MAX (box[2], ex);
          box[3] = MAX (box[3], ey);
        }
      image = sprite_image (cr, &origin, box, draw, data);
      ca_render_cache_insert (self, full, image, image_free, NULL);
    }
  image_paint (cr, image->surface, (int) origin.ix + image->x, (int) origin.iy + image->y, FALSE);
}

/* A layout to draw as a sprite. */
typedef struct
{
  CaTextLayout *layout;
  double       x;
  double       y;
  const CaRgb *colour;
  double       halo;
} Text;

static void
draw_text (cairo_t  *cr,
           gpointer  data)
{
  const Text *text = data;

  ca_render_show_layout (cr, text->layout, text->x, text->y, text->colour, text->halo);
}

void
ca_render_cache_show_layout (CaRenderCache *self,
                             cairo_t       *cr,
                             CaTextLayout  *layout,
                             double         x,
                             double         y,
                             const CaRgb   *colour,
                             double         halo)
{
  Text text = { layout, x, y, colour, halo };
  g_autoptr (GByteArray) key = NULL;
  cairo_rectangle_t ink;
  CaRect extent;

  if (self == NULL)
    {
      draw_text (cr, &text);
      return;
    }
  ca_render_layout_ink (layout, &ink);
  extent = (CaRect) { x + ink.x - halo, y + ink.y - halo, ink.width + 2 * halo, ink.height + 2 * halo };
  key = ca_render_key_new ("text");
  add_layout (key, layout);
  ca_render_key_add (key, colour, sizeof *colour);
  ca_render_key_add_double (key, halo);
  ca_render_cache_draw_sprite (self, cr, key, x, y, &extent, draw_text, &text);
}
