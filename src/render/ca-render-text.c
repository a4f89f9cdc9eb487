/* ca-render-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "ca-render-fonts.h"
#include "ca-render-halo.h"
#include "ca-map-renderer.h"
#include "ca-render-text.h"

/* A compiled message catalogue (.mo), mapped read-only. The figure's
 * language need not be the session's: a Russian figure exported from an
 * English desktop still reads the Russian catalogue, so the catalogues
 * are looked up here by language rather than through the locale. */
typedef struct
{
  GMappedFile  *file;
  const guint8 *data;
  gsize         size;
  gboolean      swapped;
  guint32       n;
  guint32       originals;
  guint32       translations;
} Catalogue;

static guint32
mo_word (const Catalogue *catalogue,
         gsize            offset)
{
  guint32 word;

  if (offset + 4 > catalogue->size)
    return 0;
  memcpy (&word, catalogue->data + offset, 4);
  return catalogue->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of table entry @index, or NULL when it runs off the file. */
static const char *
mo_string (const Catalogue *catalogue,
           guint32          table,
           guint32          index,
           guint32         *length)
{
  guint32 len = mo_word (catalogue, (gsize) table + 8 * (gsize) index);
  guint32 offset = mo_word (catalogue, (gsize) table + 8 * (gsize) index + 4);

  if ((gsize) offset + len >= catalogue->size)
    return NULL;
  if (length != NULL)
    *length = len;
  return (const char *) catalogue->data + offset;
}

static Catalogue *
catalogue_open (const char *path)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  Catalogue *catalogue;
  guint32 magic;

  if (file == NULL || g_mapped_file_get_length (file) < 28)
    return NULL;
  catalogue = g_new0 (Catalogue, 1);
  catalogue->data = (const guint8 *) g_mapped_file_get_contents (file);
  catalogue->size = g_mapped_file_get_length (file);
  memcpy (&magic, catalogue->data, 4);
  catalogue->swapped = magic == 0xde120495;
  if (magic != 0x950412de && !catalogue->swapped)
    {
      g_free (catalogue);
      return NULL;
    }
  catalogue->n = mo_word (catalogue, 8);
  catalogue->originals = mo_word (catalogue, 12);
  catalogue->translations = mo_word (catalogue, 16);
  catalogue->file = g_steal_pointer (&file);
  return catalogue;
}

/* Loads the catalogue of @lang once per process (installed, else in the
 * build tree); NULL when there is none. */
static gpointer
catalogue_load (gpointer data)
{
  const char *lang = ca_lang_to_string ((CaLang) GPOINTER_TO_INT (data));
  const char *dirs[] = { LOCALEDIR, BUILD_LOCALEDIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], lang, "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);
      Catalogue *catalogue = catalogue_open (path);
      if (catalogue != NULL)
        return catalogue;
    }
  return NULL;
}

static const Catalogue *
catalogue_get (CaLang lang)
{
  /* One per language, loaded on first use and never changed after. */
  static GOnce once[] = { G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT };

  if ((guint) lang >= G_N_ELEMENTS (once))
    return NULL;
  return g_once (&once[lang], catalogue_load, GINT_TO_POINTER (lang));
}

/* The translation of @msgid, or NULL. msgfmt sorts the originals, so a
 * binary search finds it. */
static const char *
catalogue_lookup (const Catalogue *catalogue,
                  const char      *msgid)
{
  guint32 lo = 0, hi = catalogue->n;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const char *original = mo_string (catalogue, catalogue->originals, mid, NULL);
      int order;

      if (original == NULL)
        return NULL;
      order = strcmp (msgid, original);
      if (order == 0)
        {
          const char *translation = mo_string (catalogue, catalogue->translations, mid, NULL);
          return translation != NULL && *translation != '\0' ? translation : NULL;
        }
      if (order < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const char *
ca_render_gettext (CaLang      lang,
                   const char *msgid)
{
  const Catalogue *catalogue;
  const char *translation;

  /* The source strings are English. */
  if (lang == CA_LANG_EN)
    return msgid;
  catalogue = catalogue_get (lang);
  if (catalogue == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  translation = catalogue_lookup (catalogue, msgid);
  return translation != NULL ? translation : msgid;
}

char *
ca_render_join_dashes (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", "\u2013", -1);

  return g_strjoinv ("\u2013\u2060", parts);
}

PangoContext *
ca_render_context_new (cairo_t *cr)
{
  PangoContext *context = pango_font_map_create_context (ca_render_font_map_get ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_update_context (cr, context);

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

/* The layouts a context keeps: by their arguments, with the sweep in
 * which each was last asked for. */
typedef struct
{
  GHashTable *layouts;   /* key string → KeptLayout */
  guint       sweep;
} LayoutStore;

typedef struct
{
  PangoLayout *layout;
  guint        sweep;
} KeptLayout;

static GQuark
layout_store_quark (void)
{
  return g_quark_from_static_string ("ca-render-layout-store");
}

static void
kept_layout_free (gpointer data)
{
  KeptLayout *kept = data;

  g_object_unref (kept->layout);
  g_free (kept);
}

static void
layout_store_free (gpointer data)
{
  LayoutStore *store = data;

  g_hash_table_unref (store->layouts);
  g_free (store);
}

void
ca_render_context_keep_layouts (PangoContext *context,
                                gboolean      keep)
{
  LayoutStore *store;

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  /* The layouts hold the context: dropping them breaks the cycle. */
  if (!keep)
    g_object_set_qdata (G_OBJECT (context), layout_store_quark (), NULL);
  if (!keep || g_object_get_qdata (G_OBJECT (context), layout_store_quark ()) != NULL)
    return;
  store = g_new0 (LayoutStore, 1);
  store->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_layout_free);
  g_object_set_qdata_full (G_OBJECT (context), layout_store_quark (), store, layout_store_free);
}

static gboolean
layout_is_stale (gpointer key,
                 gpointer value,
                 gpointer data)
{
  const KeptLayout *kept = value;
  const LayoutStore *store = data;

  return kept->sweep + 2 < store->sweep;
}

void
ca_render_context_sweep_layouts (PangoContext *context)
{
  LayoutStore *store;

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  store = g_object_get_qdata (G_OBJECT (context), layout_store_quark ());
  if (store == NULL)
    return;
  store->sweep++;
  g_hash_table_foreach_remove (store->layouts, layout_is_stale, store);
}

/* Every layout is set at LAYOUT_SIZE and scaled to the size asked for
 * when measured and drawn. Pango makes a font for every size it meets
 * (fontconfig's sort and match, each on a thread of its own, the font's
 * metrics from a sample sentence shaped, every glyph's extents loaded).
 * Fig. 1 asks for ten sizes: set at one, its PDF takes 214 M instructions
 * instead of 228 M, its PNG 242 M instead of 263 M. Without hinting
 * (ca_render_context_new) the glyphs' outlines and advances scale
 * exactly, so one size serves them all. */
#define LAYOUT_SIZE 10.0

static GQuark
layout_scale_quark (void)
{
  return g_quark_from_static_string ("ca-render-layout-scale");
}

double
ca_render_layout_get_scale (PangoLayout *layout)
{
  const double *scale;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 1);

  scale = g_object_get_qdata (G_OBJECT (layout), layout_scale_quark ());
  return scale != NULL ? *scale : 1;
}

static PangoLayout *
layout_set_up (PangoContext   *context,
               const char     *text,
               double          size,
               gboolean        bold,
               double          wrap_width,
               PangoAlignment  alignment,
               double          spacing)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();
  double scale = size > 0 ? size / LAYOUT_SIZE : 1;

  g_object_set_qdata_full (G_OBJECT (layout), layout_scale_quark (),
                           g_memdup2 (&scale, sizeof scale), g_free);
  pango_font_description_set_family (font, CA_RENDER_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, (size > 0 ? LAYOUT_SIZE : size) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width / scale * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  if (spacing != 0)
    pango_layout_set_spacing (layout, (int) lround (spacing / scale * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* A context like @context on @map. */
static PangoContext *
context_on_map (PangoContext *context,
                PangoFontMap *map)
{
  PangoContext *other = pango_font_map_create_context (map);

  pango_cairo_context_set_font_options (other, pango_cairo_context_get_font_options (context));
  pango_cairo_context_set_resolution (other, pango_cairo_context_get_resolution (context));
  pango_context_set_round_glyph_positions (other, pango_context_get_round_glyph_positions (context));
  pango_context_set_matrix (other, pango_context_get_matrix (context));
  pango_context_set_language (other, pango_context_get_language (context));
  return other;
}

static PangoLayout *
layout_make (PangoContext   *context,
             const char     *text,
             double          size,
             gboolean        bold,
             double          wrap_width,
             PangoAlignment  alignment,
             double          spacing)
{
  PangoLayout *layout = layout_set_up (context, text, size, bold, wrap_width, alignment, spacing);
  PangoFontMap *fallback;
  g_autoptr (GObject) other = NULL;

  /* Text the figure font cannot set (a name in Chinese, say) is set again
   * with every installed font (see ca-render-fonts.c). Checking lays the
   * text out, which measuring it does next anyway. */
  if (pango_layout_get_unknown_glyphs_count (layout) == 0 ||
      pango_context_get_font_map (context) != ca_render_font_map_get () ||
      (fallback = ca_render_font_map_get_fallback ()) == NULL)
    return layout;
  g_object_unref (layout);
  other = G_OBJECT (context_on_map (context, fallback));
  return layout_set_up (PANGO_CONTEXT (other), text, size, bold, wrap_width, alignment, spacing);
}

PangoLayout *
ca_render_layout_new_full (PangoContext   *context,
                           const char     *text,
                           double          size,
                           gboolean        bold,
                           double          wrap_width,
                           PangoAlignment  alignment,
                           double          spacing)
{
  LayoutStore *store = g_object_get_qdata (G_OBJECT (context), layout_store_quark ());
  g_autofree char *key = NULL;
  KeptLayout *kept;

  if (store == NULL)
    return layout_make (context, text, size, bold, wrap_width, alignment, spacing);
  /* %a prints the doubles exactly. */
  key = g_strdup_printf ("%a %d %a %d %a %s", size, bold, wrap_width, alignment, spacing,
                         text != NULL ? text : "");
  kept = g_hash_table_lookup (store->layouts, key);
  if (kept == NULL)
    {
      kept = g_new0 (KeptLayout, 1);
      kept->layout = layout_make (context, text, size, bold, wrap_width, alignment, spacing);
      g_hash_table_insert (store->layouts, g_steal_pointer (&key), kept);
    }
  kept->sweep = store->sweep;
  return g_object_ref (kept->layout);
}

PangoLayout *
ca_render_layout_new (PangoContext *context,
                      const char   *text,
                      double        size,
                      gboolean      bold,
                      double        wrap_width)
{
  return ca_render_layout_new_full (context, text, size, bold, wrap_width, PANGO_ALIGN_LEFT, 0);
}

void
ca_render_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  double scale = ca_render_layout_get_scale (layout);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = scale * logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = scale * logical.height / PANGO_SCALE;
}

void
ca_render_layout_ink (PangoLayout       *layout,
                      cairo_rectangle_t *ink)
{
  double scale = ca_render_layout_get_scale (layout);
  PangoRectangle extents;

  pango_layout_get_extents (layout, &extents, NULL);
  ink->x = scale * extents.x / PANGO_SCALE;
  ink->y = scale * extents.y / PANGO_SCALE;
  ink->width = scale * extents.width / PANGO_SCALE;
  ink->height = scale * extents.height / PANGO_SCALE;
}

void
ca_render_layout_place (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y)
{
  double scale = ca_render_layout_get_scale (layout);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
}

/* What a context was last updated for: its transformation (without the
 * translation, which Pango ignores) and the font options in force. */
typedef struct
{
  double matrix[4];
  gulong surface_options;
  gulong cr_options;
} ContextState;

static gulong
options_hash (cairo_t  *cr,
              gboolean  surface)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  gulong hash;

  if (surface)
    cairo_surface_get_font_options (cairo_get_target (cr), options);
  else
    cairo_get_font_options (cr, options);
  hash = cairo_font_options_hash (options);
  cairo_font_options_destroy (options);
  return hash;
}

void
ca_render_update_context (cairo_t      *cr,
                          PangoContext *context)
{
  GQuark quark = g_quark_from_static_string ("ca-render-context-state");
  ContextState *last = g_object_get_qdata (G_OBJECT (context), quark);
  ContextState now;
  cairo_matrix_t matrix;

  memset (&now, 0, sizeof now);
  cairo_get_matrix (cr, &matrix);
  now.matrix[0] = matrix.xx;
  now.matrix[1] = matrix.yx;
  now.matrix[2] = matrix.xy;
  now.matrix[3] = matrix.yy;
  now.surface_options = options_hash (cr, TRUE);
  now.cr_options = options_hash (cr, FALSE);
  if (last != NULL && memcmp (last, &now, sizeof now) == 0)
    return;
  pango_cairo_update_context (cr, context);
  if (last == NULL)
    {
      last = g_new (ContextState, 1);
      g_object_set_qdata_full (G_OBJECT (context), quark, last, g_free);
    }
  *last = now;
}

/* A halo's outline on paper: 0.05 mm from the glyphs' curves, far inside
 * its own width. */
#define HALO_VECTOR_TOLERANCE (0.05 / 25.4 * 72.0)
#define HALO_ALPHA 0.92

/* The current path as straight segments within @tolerance (in device
 * units): a PDF or SVG writes a curve with six numbers. */
static void
flatten_path (cairo_t *cr,
              double   tolerance)
{
  cairo_path_t *path;

  cairo_set_tolerance (cr, tolerance);
  path = cairo_copy_path_flat (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

/* The white band round the glyphs that keeps a label legible over lines
 * and fills. */
static void
draw_halo (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       width)
{
  gboolean vector = ca_render_is_vector (cr);
  cairo_matrix_t matrix;

  if (vector ? ca_render_halo_draw_traced (cr, layout, x, y, width, HALO_ALPHA)
             : ca_render_halo_draw_dilated (cr, layout, x, y, width, HALO_ALPHA))
    return;
  cairo_get_matrix (cr, &matrix);
  ca_render_layout_place (cr, layout, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_matrix (cr, &matrix);
  cairo_set_source_rgba (cr, 1, 1, 1, HALO_ALPHA);
  cairo_set_line_width (cr, width);
  /* A halo needs no precise curves or round corners: coarse
   * flattening and bevels make it several times cheaper to stroke. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_tolerance (cr, 0.5);
  if (vector)
    flatten_path (cr, HALO_VECTOR_TOLERANCE);
  cairo_stroke (cr);
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
  ca_render_update_context (cr, pango_layout_get_context (layout));
  if (halo > 0)
    draw_halo (cr, layout, x, y, halo);
  ca_rgb_set_source (cr, colour);
  ca_render_layout_place (cr, layout, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
