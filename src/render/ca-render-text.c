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

/* Every layout is set at LAYOUT_SIZE and scaled to the size asked for
 * when measured and drawn: without hinting the glyphs' outlines and
 * advances scale exactly, so one size serves them all, and cairo keeps
 * one scaled font a face instead of one a size. */
#define LAYOUT_SIZE 10.0

static CaTextLayout *
layout_make (const char *text,
             double      size,
             gboolean    bold,
             double      wrap_width,
             CaTextAlign alignment,
             double      spacing)
{
  double scale = size > 0 ? size / LAYOUT_SIZE : 1;

  return ca_text_layout_new (text, size > 0 ? LAYOUT_SIZE : 1, bold, wrap_width / scale,
                             alignment, spacing / scale, scale);
}

CaTextLayout *
ca_render_layout_new_full (CaTextContext *context,
                           const char    *text,
                           double         size,
                           gboolean       bold,
                           double         wrap_width,
                           CaTextAlign    alignment,
                           double         spacing)
{
  g_autofree char *key = NULL;
  CaTextLayout *layout;

  if (context == NULL || !ca_text_context_get_keep (context))
    return layout_make (text, size, bold, wrap_width, alignment, spacing);
  /* %a prints the doubles exactly. */
  key = g_strdup_printf ("%a %d %a %d %a %s", size, bold, wrap_width, alignment, spacing,
                         text != NULL ? text : "");
  layout = ca_text_context_lookup (context, key);
  if (layout != NULL)
    return g_object_ref (layout);
  layout = layout_make (text, size, bold, wrap_width, alignment, spacing);
  ca_text_context_insert (context, key, layout);
  return layout;
}

CaTextLayout *
ca_render_layout_new (CaTextContext *context,
                      const char    *text,
                      double         size,
                      gboolean       bold,
                      double         wrap_width)
{
  return ca_render_layout_new_full (context, text, size, bold, wrap_width, CA_TEXT_ALIGN_LEFT, 0);
}

void
ca_render_layout_size (CaTextLayout *layout,
                       double       *width,
                       double       *height)
{
  double scale = ca_text_layout_get_scale (layout);
  cairo_rectangle_t logical;

  ca_text_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = scale * logical.width;
  if (height != NULL)
    *height = scale * logical.height;
}

void
ca_render_layout_ink (CaTextLayout      *layout,
                      cairo_rectangle_t *ink)
{
  double scale = ca_text_layout_get_scale (layout);
  cairo_rectangle_t extents;

  ca_text_layout_get_extents (layout, &extents, NULL);
  ink->x = scale * extents.x;
  ink->y = scale * extents.y;
  ink->width = scale * extents.width;
  ink->height = scale * extents.height;
}

void
ca_render_layout_place (cairo_t      *cr,
                        CaTextLayout *layout,
                        double        x,
                        double        y)
{
  double scale = ca_text_layout_get_scale (layout);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
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
draw_halo (cairo_t      *cr,
           CaTextLayout *layout,
           double        x,
           double        y,
           double        width)
{
  gboolean vector = ca_render_is_vector (cr);
  cairo_matrix_t matrix;

  if (vector ? ca_render_halo_draw_traced (cr, layout, x, y, width, HALO_ALPHA)
             : ca_render_halo_draw_dilated (cr, layout, x, y, width, HALO_ALPHA))
    return;
  cairo_get_matrix (cr, &matrix);
  ca_render_layout_place (cr, layout, x, y);
  ca_text_layout_path (layout, cr);
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
ca_render_show_layout (cairo_t      *cr,
                       CaTextLayout *layout,
                       double        x,
                       double        y,
                       const CaRgb  *colour,
                       double        halo)
{
  cairo_save (cr);
  if (halo > 0)
    draw_halo (cr, layout, x, y, halo);
  ca_rgb_set_source (cr, colour);
  ca_render_layout_place (cr, layout, x, y);
  ca_text_layout_show (layout, cr);
  cairo_restore (cr);
}
