/* ca-map-view-paint.c — drawing the map view: the figure rendered into
 * the cached surface, and each frame's snapshot, which only places that
 * surface by the current viewport.
 *
 * A pan or zoom frame must cost no more than one copy of the view's
 * pixels, so the snapshot uses the node each GSK renderer draws cheaply:
 * a cairo node for the Cairo renderer, a texture that stays the same
 * object between renderings for the GL one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-map-view-private.h"
#include "ca-render-cache.h"

/* Text and lines half as big again as on an A4 page: 11 px unit names. */
#define TEXT_SCALE 1.5

/* Device units per A4 point for the figure's text and lines. A page
 * sizes them from its size, which on a screen gives 6 px labels; here
 * they have a screen size instead (unit names of about 11 px), growing
 * with the desktop's text scaling. */
static double
ca_map_view_text_scale (CaMapView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  return TEXT_SCALE * (dpi > 0 ? dpi / (96.0 * 1024) : 1.0);
}

/* The figure's width in a view @width wide: all but the end margin, and
 * never less than half the view. */
static int
figure_width (CaMapView *self,
              int        width)
{
  return MAX (width - self->end_margin, width / 2);
}

static void
draw_figure (CaMapView *self,
             cairo_t   *cr,
             int        view_width,
             int        height)
{
  int width = figure_width (self, view_width);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) boxes = NULL;
  CaFigureOptions options;
  CaViewport used = { 0 };
  gboolean map = ca_map_view_is_map (self);

  ca_figure_options_init (&options);
  options.lang = self->lang;
  options.furniture = TRUE;
  options.selected_unit = self->selected_unit;
  options.hidden_clusters = (const char * const *) self->hidden_clusters;
  options.text_scale = ca_map_view_text_scale (self);
  options.cache = self->render_cache;

  if (map && self->zoomed)
    options.viewport = &self->view;

  if (!map && self->zoomed)
    {
      /* The diagram has no viewport of its own: zoom its fitted page. */
      cairo_translate (cr, width / 2.0, height / 2.0);
      cairo_scale (cr, 1.0 / self->view.metres_per_unit, 1.0 / self->view.metres_per_unit);
      cairo_translate (cr, -self->view.center_x, -self->view.center_y);
    }

  g_clear_pointer (&self->error_message, g_free);
  if (!ca_figure_draw_full (self->figure, self->analysis, map ? self->basemap : NULL,
                            &options, cr, width, height, &used, map ? &boxes : NULL, &error))
    {
      self->error_message = g_strdup (error->message);
      self->have_view = FALSE;
      return;
    }

  self->frame = GRAPHENE_RECT_INIT (0, 0, width, height);
  for (guint i = 0; boxes != NULL && i < boxes->len; i++)
    {
      const CaFigureBox *box = &g_array_index (boxes, CaFigureBox, i);

      if (box->kind == CA_FIGURE_BOX_MAP_FRAME)
        self->frame = GRAPHENE_RECT_INIT (box->x, box->y, box->width, box->height);
    }

  if (self->zoomed)
    return;
  if (map)
    self->view = used;
  else
    self->view = (CaViewport) { width / 2.0, height / 2.0, 1.0 };
  self->fit_metres_per_unit = self->view.metres_per_unit;
  self->have_view = TRUE;
}

static void
render_cache (CaMapView *self,
              int        width,
              int        height,
              int        scale)
{
  cairo_t *cr;

  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (self->surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_figure (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (self->surface);

  self->cache_view = self->view;
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->dirty = FALSE;
  self->n_renders++;
}

/* The cached pixels as a texture, for the GL (or another GPU) renderer,
 * which uploads a texture once and reuses it while it is the same object:
 * so it is made once per rendering, not per frame. */
static GdkTexture *
cache_texture (CaMapView *self)
{
  GBytes *bytes;
  int stride = cairo_image_surface_get_stride (self->surface);
  int height = cairo_image_surface_get_height (self->surface);

  if (self->texture != NULL)
    return self->texture;
  /* The texture reads the surface's pixels in place: ARGB32 is GDK's
   * default memory format (premultiplied BGRA on little-endian). */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (self->surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (self->surface));
  self->texture = gdk_memory_texture_new (cairo_image_surface_get_width (self->surface), height,
                                          GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);
  return self->texture;
}

static gboolean
cache_is_stale (CaMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  return self->dirty || self->surface == NULL ||
         self->cache_width != gtk_widget_get_width (widget) ||
         self->cache_height != gtk_widget_get_height (widget) ||
         self->cache_scale != gtk_widget_get_scale_factor (widget);
}

guint
ca_map_view_render_now (CaMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (CA_IS_MAP_VIEW (self), 0);

  if (self->analysis != NULL && width > 0 && height > 0 && cache_is_stale (self))
    render_cache (self, width, height, gtk_widget_get_scale_factor (widget));
  return self->n_renders;
}

static void
snapshot_message (CaMapView   *self,
                  GtkSnapshot *snapshot,
                  int          width,
                  int          height)
{
  g_autoptr(PangoLayout) layout = NULL;
  int layout_width, layout_height;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->error_message);
  pango_layout_set_width (layout, MAX (width - 48, 1) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &layout_width, &layout_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, (height - layout_height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 0.4, 0.1, 0.1, 1 });
  gtk_snapshot_restore (snapshot);
}

/* Where the cached rendering falls in the widget now: its viewport placed
 * in the current one, scaled by @s. */
static graphene_rect_t
cache_placement (CaMapView *self,
                 double    *s)
{
  *s = self->cache_view.metres_per_unit / self->view.metres_per_unit;
  return GRAPHENE_RECT_INIT (
    ca_map_view_frame_center_x (self) * (1 - *s)
      + (self->cache_view.center_x - self->view.center_x) / self->view.metres_per_unit,
    ca_map_view_frame_center_y (self) * (1 - *s)
      + ca_map_view_y_sign (self) * (self->cache_view.center_y - self->view.center_y) / self->view.metres_per_unit,
    self->cache_width * *s, self->cache_height * *s);
}

/* The Cairo renderer turns a texture node into a cairo surface on every
 * frame, converting each pixel through floats; this cairo node paints the
 * cached surface with one blit. White goes only where the moved image
 * leaves the widget uncovered. */
static void
snapshot_cairo (CaMapView             *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *bounds,
                const graphene_rect_t *place,
                double                 s)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, bounds);
  gboolean pan = fabs (s - 1) < 1e-9;
  double x = place->origin.x, y = place->origin.y;

  /* A pan moves the image by whole device pixels: pixman then copies it,
   * where a fraction of a pixel left by rounding in the viewport
   * arithmetic would make it interpolate every pixel. */
  if (pan)
    {
      x = round (x * self->cache_scale) / self->cache_scale;
      y = round (y * self->cache_scale) / self->cache_scale;
    }
  cairo_rectangle (cr, 0, 0, bounds->size.width, bounds->size.height);
  cairo_rectangle (cr, x, y, place->size.width, place->size.height);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  /* The surface is in device pixels. A zoom step shows until the sharp
   * re-render: bilinear is enough. */
  cairo_translate (cr, x, y);
  cairo_scale (cr, s / self->cache_scale, s / self->cache_scale);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), pan ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* GPU renderers keep the uploaded texture while it is the same object;
 * colour nodes fill only the strips the moved texture does not cover,
 * as every layer costs a pass over its pixels. */
static void
snapshot_texture (CaMapView             *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *bounds,
                  const graphene_rect_t *place,
                  double                 s)
{
  const GdkRGBA white = { 1, 1, 1, 1 };
  float w = bounds->size.width, h = bounds->size.height;
  float x0 = CLAMP (place->origin.x, 0, w), y0 = CLAMP (place->origin.y, 0, h);
  float x1 = CLAMP (place->origin.x + place->size.width, x0, w);
  float y1 = CLAMP (place->origin.y + place->size.height, y0, h);
  const graphene_rect_t strips[] = {
    GRAPHENE_RECT_INIT (0, 0, w, y0), GRAPHENE_RECT_INIT (0, y1, w, h - y1),
    GRAPHENE_RECT_INIT (0, y0, x0, y1 - y0), GRAPHENE_RECT_INIT (x1, y0, w - x1, y1 - y0),
  };

  for (guint i = 0; i < G_N_ELEMENTS (strips); i++)
    if (strips[i].size.width > 0 && strips[i].size.height > 0)
      gtk_snapshot_append_color (snapshot, &white, &strips[i]);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &place->origin);
  gtk_snapshot_scale (snapshot, s, s);
  gtk_snapshot_append_texture (snapshot, cache_texture (self),
                               &GRAPHENE_RECT_INIT (0, 0, self->cache_width, self->cache_height));
  gtk_snapshot_restore (snapshot);
}

void
ca_map_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  CaMapView *self = CA_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  graphene_rect_t place;
  double s;

  ca_map_view_render_now (self);

  if (self->error_message != NULL || self->surface == NULL)
    {
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);
      if (self->error_message != NULL)
        snapshot_message (self, snapshot, width, height);
      return;
    }

  place = cache_placement (self, &s);
  gtk_snapshot_push_clip (snapshot, &bounds);
  if (GSK_IS_CAIRO_RENDERER (renderer))
    snapshot_cairo (self, snapshot, &bounds, &place, s);
  else
    snapshot_texture (self, snapshot, &bounds, &place, s);
  gtk_snapshot_pop (snapshot);
}
