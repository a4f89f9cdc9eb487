/* ca-render-cache.c
 *
 * Entries are kept in one table by key. A key holds every input of what it
 * names, so an entry is never stale: it is only ever unused, and dropped
 * after a drawing that did not use it either.
 *
 * Images are composited where the drawing would have gone, at whole
 * device pixels from where they were drawn: every vertex and glyph falls
 * on the same place within its pixel, so the pixels come out the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-render-cache.h"
#include "ca-render-text.h"

typedef struct
{
  gpointer       value;
  GDestroyNotify destroy;
  GObject       *pin;
  guint64        used;       /* the drawing that last used it */
} Entry;

/* An image and where its top-left pixel goes: in device pixels for a
 * layer, relative to the pixel of the text's origin for a text. */
typedef struct
{
  cairo_surface_t *surface;
  int              x;
  int              y;
} Image;

struct _CaRenderCache
{
  GObject       parent_instance;

  GHashTable   *entries;     /* GBytes → Entry */
  guint64       drawing;
  PangoContext *context;
  guint         n_hits;
};

G_DEFINE_FINAL_TYPE (CaRenderCache, ca_render_cache, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->value);
  g_clear_object (&entry->pin);
  g_free (entry);
}

static void
image_free (gpointer data)
{
  Image *image = data;

  cairo_surface_destroy (image->surface);
  g_free (image);
}

static void
drop_context (CaRenderCache *self)
{
  if (self->context != NULL)
    ca_render_context_keep_layouts (self->context, FALSE);
  g_clear_object (&self->context);
}

static void
ca_render_cache_finalize (GObject *object)
{
  CaRenderCache *self = CA_RENDER_CACHE (object);

  g_hash_table_unref (self->entries);
  drop_context (self);

  G_OBJECT_CLASS (ca_render_cache_parent_class)->finalize (object);
}

static void
ca_render_cache_class_init (CaRenderCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_render_cache_finalize;
}

static void
ca_render_cache_init (CaRenderCache *self)
{
  self->entries = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                         (GDestroyNotify) g_bytes_unref, entry_free);
}

CaRenderCache *
ca_render_cache_new (void)
{
  return g_object_new (CA_TYPE_RENDER_CACHE, NULL);
}

void
ca_render_cache_clear (CaRenderCache *self)
{
  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  g_hash_table_remove_all (self->entries);
  drop_context (self);
}

guint
ca_render_cache_get_n_entries (CaRenderCache *self)
{
  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), 0);

  return g_hash_table_size (self->entries);
}

guint
ca_render_cache_get_n_hits (CaRenderCache *self)
{
  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), 0);

  return self->n_hits;
}

void
ca_render_cache_begin (CaRenderCache *self)
{
  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  self->drawing++;
}

static gboolean
entry_is_unused (gpointer key,
                 gpointer value,
                 gpointer data)
{
  const Entry *entry = value;
  const CaRenderCache *self = data;

  return entry->used + 1 < self->drawing;
}

void
ca_render_cache_end (CaRenderCache *self)
{
  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  g_hash_table_foreach_remove (self->entries, entry_is_unused, self);
  if (self->context != NULL)
    ca_render_context_sweep_layouts (self->context);
}

PangoContext *
ca_render_cache_get_context (CaRenderCache *self,
                             cairo_t       *cr)
{
  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), NULL);

  if (self->context == NULL)
    {
      self->context = ca_render_context_new (cr);
      ca_render_context_keep_layouts (self->context, TRUE);
    }
  else
    /* Lays kept layouts out again only if the surface's font options or
     * the transformation changed. */
    ca_render_update_context (cr, self->context);
  return g_object_ref (self->context);
}

GByteArray *
ca_render_key_new (const char *kind)
{
  GByteArray *key = g_byte_array_sized_new (256);

  ca_render_key_add_string (key, kind);
  return key;
}

void
ca_render_key_add (GByteArray    *key,
                   gconstpointer  data,
                   gsize          size)
{
  g_byte_array_append (key, data, (guint) size);
}

void
ca_render_key_add_double (GByteArray *key,
                          double      value)
{
  ca_render_key_add (key, &value, sizeof value);
}

void
ca_render_key_add_int (GByteArray *key,
                       gint64      value)
{
  ca_render_key_add (key, &value, sizeof value);
}

void
ca_render_key_add_string (GByteArray *key,
                          const char *text)
{
  /* With its terminator, so that "ab" + "c" differs from "a" + "bc". */
  ca_render_key_add (key, text != NULL ? text : "", (text != NULL ? strlen (text) : 0) + 1);
}

void
ca_render_key_add_polygon (GByteArray      *key,
                           const CaPolygon *polygon)
{
  if (polygon == NULL)
    {
      ca_render_key_add_int (key, -1);
      return;
    }
  ca_render_key_add_int (key, polygon->n_rings);
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      ca_render_key_add_int (key, polygon->rings[r].n_points);
      ca_render_key_add (key, polygon->rings[r].points,
                         polygon->rings[r].n_points * sizeof (CaPoint));
    }
}

static Entry *
find_entry (CaRenderCache *self,
            GByteArray    *key)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (key->data, key->len);
  Entry *entry = g_hash_table_lookup (self->entries, bytes);

  if (entry != NULL)
    {
      entry->used = self->drawing;
      self->n_hits++;
    }
  return entry;
}

gpointer
ca_render_cache_lookup (CaRenderCache *self,
                        GByteArray    *key)
{
  Entry *entry;

  g_return_val_if_fail (CA_IS_RENDER_CACHE (self), NULL);

  entry = find_entry (self, key);
  return entry != NULL ? entry->value : NULL;
}

void
ca_render_cache_insert (CaRenderCache  *self,
                        GByteArray     *key,
                        gpointer        value,
                        GDestroyNotify  destroy,
                        GObject        *pin)
{
  Entry *entry;

  g_return_if_fail (CA_IS_RENDER_CACHE (self));

  entry = g_new0 (Entry, 1);
  entry->value = value;
  entry->destroy = destroy;
  entry->pin = pin != NULL ? g_object_ref (pin) : NULL;
  entry->used = self->drawing;
  g_hash_table_replace (self->entries, g_bytes_new (key->data, key->len), entry);
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

/* The device pixels of @extent (user units) within @clip, widened by a
 * pixel for antialiasing. */
static gboolean
extent_pixels (cairo_t      *cr,
               const CaRect *extent,
               const int    *clip,
               int          *box)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      double x = extent->x + (i % 2 ? extent->width : 0), y = extent->y + (i / 2 ? extent->height : 0);

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
                      const CaRect      *extent,
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
  /* Nothing of it shows. */
  if (!extent_pixels (cr, extent, clip, box))
    return;
  cairo_get_matrix (cr, &matrix);
  full = g_byte_array_sized_new (key->len + 96);
  ca_render_key_add (full, key->data, key->len);
  add_matrix (full, &matrix, TRUE);
  ca_render_key_add (full, box, sizeof box);

  mask = ca_render_cache_lookup (self, full);
  if (mask == NULL)
    {
      cairo_t *mask_cr;

      mask = g_new0 (Image, 1);
      mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, box[2] - box[0], box[3] - box[1]);
      mask->x = box[0];
      mask->y = box[1];
      mask_cr = image_context (mask->surface, cr, box[0], box[1]);
      cairo_set_fill_rule (mask_cr, CAIRO_FILL_RULE_EVEN_ODD);
      path (mask_cr, data);
      cairo_fill (mask_cr);
      cairo_destroy (mask_cr);
      cairo_surface_flush (mask->surface);
      ca_render_cache_insert (self, full, mask, image_free, pin);
    }
  cairo_save (cr);
  cairo_identity_matrix (cr);
  ca_rgb_set_source (cr, colour);
  cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
  cairo_restore (cr);
}

/* Everything the pixels of @layout depend on, besides the transformation
 * and the context's font options. */
static void
add_layout (GByteArray  *key,
            PangoLayout *layout)
{
  g_autofree char *font = pango_font_description_to_string (pango_layout_get_font_description (layout));

  ca_render_key_add_string (key, pango_layout_get_text (layout));
  ca_render_key_add_string (key, font);
  ca_render_key_add_int (key, pango_layout_get_width (layout));
  ca_render_key_add_int (key, pango_layout_get_wrap (layout));
  ca_render_key_add_int (key, pango_layout_get_alignment (layout));
  ca_render_key_add_int (key, pango_layout_get_spacing (layout));
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
  PangoLayout *layout;
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
                             PangoLayout   *layout,
                             double         x,
                             double         y,
                             const CaRgb   *colour,
                             double         halo)
{
  Text text = { layout, x, y, colour, halo };
  g_autoptr (GByteArray) key = NULL;
  PangoRectangle ink;
  CaRect extent;

  if (self == NULL)
    {
      draw_text (cr, &text);
      return;
    }
  pango_layout_get_extents (layout, &ink, NULL);
  extent = (CaRect) { x + (double) ink.x / PANGO_SCALE - halo, y + (double) ink.y / PANGO_SCALE - halo,
                      (double) ink.width / PANGO_SCALE + 2 * halo,
                      (double) ink.height / PANGO_SCALE + 2 * halo };
  key = ca_render_key_new ("text");
  add_layout (key, layout);
  ca_render_key_add (key, colour, sizeof *colour);
  ca_render_key_add_double (key, halo);
  ca_render_cache_draw_sprite (self, cr, key, x, y, &extent, draw_text, &text);
}
