/* ca-render-cache.h — what a window keeps from one drawing of a figure to
 * the next: the map layers that do not change with the data (the
 * neighbouring districts, the borders, the settlements) as images, the
 * label placement, text layouts and the labels' images.
 *
 * Pass one in CaFigureOptions.cache. Everything kept is keyed on all that
 * went into it, so a figure drawn with a cache looks as one drawn without
 * (where a kept image is composited, a channel may round 1 or 2 in 255
 * apart); what the last two drawings did not use is dropped. Exports pass
 * none: vector output must stay vector. One thread at a time.
 * Layers, fills and sprites: ca-render-cache-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-text-context.h"

#include "ca-figure.h"
#include "ca-label-placer.h"
#include "ca-palette.h"

G_BEGIN_DECLS

#define CA_TYPE_RENDER_CACHE (ca_render_cache_get_type ())
G_DECLARE_FINAL_TYPE (CaRenderCache, ca_render_cache, CA, RENDER_CACHE, GObject)

CaRenderCache *ca_render_cache_new (void);
/* Forgets everything kept. */
void           ca_render_cache_clear (CaRenderCache *self);
/* How many things are kept now (layouts not counted). */
guint          ca_render_cache_get_n_entries (CaRenderCache *self);
/* How many lookups found their entry since the cache was made. */
guint          ca_render_cache_get_n_hits (CaRenderCache *self);

/* For the renderer. A drawing begins and ends; the end drops what neither
 * it nor the one before used. */
void           ca_render_cache_begin (CaRenderCache *self);
void           ca_render_cache_end (CaRenderCache *self);
/* The text context (a new reference): the same one every time, keeping
 * the layouts made with it (ca_text_context_set_keep). */
CaTextContext *ca_render_cache_get_context (CaRenderCache *self);

/* Keys: the bytes of everything an entry depends on, after its kind. */
GByteArray    *ca_render_key_new (const char *kind);
void           ca_render_key_add (GByteArray *key, gconstpointer data, gsize size);
void           ca_render_key_add_double (GByteArray *key, double value);
void           ca_render_key_add_int (GByteArray *key, gint64 value);
void           ca_render_key_add_string (GByteArray *key, const char *text);
void           ca_render_key_add_polygon (GByteArray *key, const CaPolygon *polygon);

/* The value kept under @key, or NULL. */
gpointer       ca_render_cache_lookup (CaRenderCache *self, GByteArray *key);
/* Keeps @value under @key (replacing any), freed with @destroy when
 * dropped. @pin (may be NULL) is kept alive as long: a key may then name
 * it by its address. */
void           ca_render_cache_insert (CaRenderCache *self, GByteArray *key, gpointer value,
                                       GDestroyNotify destroy, GObject *pin);

typedef void (*CaRenderLayerFunc) (cairo_t *cr, gpointer data);

/* Has @draw draw into @cr, or paints the image it drew last time for the
 * same @key, transformation and clip. The image covers @cr's clip, which
 * must lie on whole device pixels; @draw must leave @cr's state as it
 * found it and depend on nothing but @key. @opaque: @draw paints every
 * pixel of the clip opaquely (the image is then copied, which is faster
 * than compositing it). Without a cache, or when @cr does not draw into
 * an image surface, @draw draws directly. */
void           ca_render_cache_draw_layer (CaRenderCache *self, cairo_t *cr, GByteArray *key,
                                           GObject *pin, gboolean opaque, CaRenderLayerFunc draw,
                                           gpointer data);
/* Fills what @path adds to the path, by the even-odd rule, in @colour:
 * through a mask of its coverage kept for the same @key, transformation
 * and clip (which must lie on whole device pixels). Without a cache, or
 * when @cr does not draw into an image surface, fills directly.
 * Antialiased as @cr is set to. */
void           ca_render_cache_fill (CaRenderCache *self, cairo_t *cr, GByteArray *key,
                                     GObject *pin, CaRenderLayerFunc path, gpointer data,
                                     const CaRgb *colour);
/* Has @draw draw into @cr, or paints the image it drew last time for the
 * same @key, transformation and position of (@x, @y) within its device
 * pixel, moved by whole pixels to where (@x, @y) is now. @draw draws
 * within @extent (user units) and what it draws must depend on nothing
 * but @key and where (@x, @y) is. */
void           ca_render_cache_draw_sprite (CaRenderCache *self, cairo_t *cr, GByteArray *key,
                                            double x, double y, const CaRect *extent,
                                            CaRenderLayerFunc draw, gpointer data);
/* ca_render_show_layout through an image of the text kept per layout,
 * colour, halo and position within a device pixel. */
void           ca_render_cache_show_layout (CaRenderCache *self, cairo_t *cr,
                                            CaTextLayout *layout, double x, double y,
                                            const CaRgb *colour, double halo);

G_END_DECLS
