/* ca-text-layout.c — figure text set in lines with cairo's FreeType fonts.
 *
 * A figure's text is names, numbers and sentences in Russian, Kazakh and
 * English: Cyrillic and Latin letters, set left to right, one glyph per
 * character. So it is set here directly: the figure font's glyphs and
 * advances through cairo, pair kerning from the font's kern table, and a
 * fallback font, found through fontconfig, for the rare character the
 * figure font lacks. Pango did the same through a shaping engine, font
 * maps of one thread each (the PNG's and the PDF's threads each loaded
 * and measured the fonts again) and, with what it needs, a dozen of the
 * command-line program's libraries: a Fig. 1 PNG + PDF export took 59 ms
 * with it and 48 ms without, for no difference this text shows. Without it the program can
 * also be linked statically (src/cli/meson.build). The window's own
 * widgets still use Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-ft.h>
#include <math.h>
#include <string.h>

#include "ca-render-fonts.h"
#include "ca-text-layout.h"

/* One glyph of one font: a character as set. */
typedef struct
{
  gunichar             c;
  guint                offset;    /* in the text, bytes */
  guint                length;
  cairo_scaled_font_t *font;      /* NULL: drawn as nothing */
  unsigned long        glyph;
  double               width;     /* its own advance */
  double               advance;   /* with the kerning before the next */
  double               before;    /* the advances of the items before it */
} Item;

/* Consecutive items of one font on one line. */
typedef struct
{
  cairo_scaled_font_t  *font;
  GArray               *glyphs;    /* cairo_glyph_t, from the line's start */
  GString              *utf8;
  GArray               *clusters;  /* cairo_text_cluster_t */
} Run;

typedef struct
{
  GPtrArray *runs;
  double     width;      /* without the spaces it ends in */
  double     x;          /* from the layout's left, by the alignment */
  double     baseline;   /* from the layout's top */
} Line;

struct _CaTextLayout
{
  GObject      parent_instance;

  char        *text;
  double       font_size;
  gboolean     bold;
  double       wrap_width;
  CaTextAlign  align;
  double       spacing;
  double       scale;

  double       ascent;
  double       descent;
  GArray      *lines;      /* Line */
  GPtrArray   *fonts;      /* the scaled fonts the runs use, held */
};

G_DEFINE_FINAL_TYPE (CaTextLayout, ca_text_layout, G_TYPE_OBJECT)

static void
run_free (gpointer data)
{
  Run *run = data;

  g_array_unref (run->glyphs);
  g_string_free (run->utf8, TRUE);
  g_array_unref (run->clusters);
  g_free (run);
}

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->runs, g_ptr_array_unref);
}

static void
ca_text_layout_finalize (GObject *object)
{
  CaTextLayout *self = CA_TEXT_LAYOUT (object);

  g_free (self->text);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->fonts, g_ptr_array_unref);
  G_OBJECT_CLASS (ca_text_layout_parent_class)->finalize (object);
}

static void
ca_text_layout_class_init (CaTextLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_text_layout_finalize;
}

static void
ca_text_layout_init (CaTextLayout *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
  self->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_scaled_font_destroy);
}

/* Characters that take no room and show nothing (Unicode's default
 * ignorables): the word joiner that keeps "2014–2015" on one line, soft
 * hyphens, zero-width spaces, direction marks, variation selectors. */
static gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) ||
         (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

/* Spaces a line may break at; the no-break ones are not among them. */
static gboolean
is_breaking_space (gunichar c)
{
  return c == ' ' || c == '\t' || (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x205F ||
         c == 0x3000;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0x2014;
}

static gboolean
is_glue (gunichar c)
{
  return c == 0x2060 || c == 0xFEFF || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static cairo_scaled_font_t *
font_new (CaTextLayout      *self,
          cairo_font_face_t *face)
{
  cairo_matrix_t size, identity;
  cairo_scaled_font_t *font;

  cairo_matrix_init_scale (&size, self->font_size, self->font_size);
  cairo_matrix_init_identity (&identity);
  font = cairo_scaled_font_create (face, &size, &identity, ca_render_fonts_get_options ());
  g_ptr_array_add (self->fonts, font);
  return font;
}

/* The advance of @glyph in @font. */
static double
glyph_advance (cairo_scaled_font_t *font,
               unsigned long        glyph)
{
  cairo_glyph_t one = { glyph, 0, 0 };
  cairo_text_extents_t extents;

  cairo_scaled_font_glyph_extents (font, &one, 1, &extents);
  return extents.x_advance;
}

/* @item's character in another installed font that has it, when the
 * figure font has not. */
static void
set_fallback_glyph (CaTextLayout *self,
                    Item         *item,
                    GHashTable   *fallbacks)
{
  cairo_font_face_t *face = ca_render_fonts_get_fallback (item->c, self->bold);
  cairo_scaled_font_t *other;
  cairo_glyph_t *glyphs = NULL;
  int n = 0;
  char utf8[8];

  if (face == NULL || g_unichar_iscntrl (item->c))
    return;
  other = g_hash_table_lookup (fallbacks, face);
  if (other == NULL)
    {
      other = font_new (self, face);
      g_hash_table_insert (fallbacks, face, other);
    }
  if (cairo_scaled_font_text_to_glyphs (other, 0, 0, utf8, g_unichar_to_utf8 (item->c, utf8),
                                        &glyphs, &n, NULL, NULL, NULL) == CAIRO_STATUS_SUCCESS &&
      n == 1 && glyphs[0].index != 0)
    {
      item->font = other;
      item->glyph = glyphs[0].index;
      item->width = glyph_advance (other, item->glyph);
    }
  cairo_glyph_free (glyphs);
}

/* The glyphs of @items that show something, in the figure font (one call
 * for them all: cairo maps and measures the characters in one go), else
 * in a fallback font; the figure font's "missing" glyph when none has
 * them. */
static void
set_glyphs (CaTextLayout        *self,
            GArray              *items,
            cairo_scaled_font_t *figure,
            GHashTable          *fallbacks)
{
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autoptr (GArray) which = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_glyph_t *glyphs = NULL;
  int n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (is_ignorable (item->c) || item->c == '\r')
        continue;
      g_string_append_len (shown, self->text + item->offset, item->length);
      g_array_append_val (which, i);
    }
  if (which->len == 0 ||
      cairo_scaled_font_text_to_glyphs (figure, 0, 0, shown->str, (int) shown->len, &glyphs, &n,
                                        NULL, NULL, NULL) != CAIRO_STATUS_SUCCESS ||
      n != (int) which->len)
    {
      cairo_glyph_free (glyphs);
      return;
    }
  for (int k = 0; k < n; k++)
    {
      Item *item = &g_array_index (items, Item, g_array_index (which, guint, k));

      item->font = figure;
      item->glyph = glyphs[k].index;
      item->width = k + 1 < n ? glyphs[k + 1].x - glyphs[k].x : glyph_advance (figure, item->glyph);
      if (item->glyph == 0)
        set_fallback_glyph (self, item, fallbacks);
    }
  cairo_glyph_free (glyphs);
}

/* Pair kerning between the figure font's glyphs, from its kern table
 * (FreeType reads no other). */
static void
kern (CaTextLayout        *self,
      GArray              *items,
      cairo_scaled_font_t *figure)
{
  FT_Face face = cairo_ft_scaled_font_lock_face (figure);

  for (guint i = 0; i < items->len; i++)
    g_array_index (items, Item, i).advance = g_array_index (items, Item, i).width;
  if (face != NULL && FT_HAS_KERNING (face) && face->units_per_EM > 0)
    {
      double per_unit = self->font_size / face->units_per_EM;

      for (guint i = 0; i + 1 < items->len; i++)
        {
          Item *left = &g_array_index (items, Item, i);
          Item *right = &g_array_index (items, Item, i + 1);
          FT_Vector delta;

          if (left->font == figure && right->font == figure && left->glyph != 0 &&
              right->glyph != 0 &&
              FT_Get_Kerning (face, left->glyph, right->glyph, FT_KERNING_UNSCALED, &delta) == 0)
            left->advance += delta.x * per_unit;
        }
    }
  if (face != NULL)
    cairo_ft_scaled_font_unlock_face (figure);
}

/* The characters of @paragraph (@length bytes at @offset in the text)
 * with their fonts, glyphs and advances. */
static GArray *
set_paragraph (CaTextLayout        *self,
               guint                offset,
               guint                length,
               cairo_scaled_font_t *figure,
               GHashTable          *fallbacks)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  const char *start = self->text + offset, *end = start + length;
  double before = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      Item item = { g_utf8_get_char (p), (guint) (p - self->text),
                    (guint) (g_utf8_next_char (p) - p), NULL, 0, 0, 0, 0 };

      g_array_append_val (items, item);
    }
  set_glyphs (self, items, figure, fallbacks);
  kern (self, items, figure);
  for (guint i = 0; i < items->len; i++)
    {
      g_array_index (items, Item, i).before = before;
      before += g_array_index (items, Item, i).advance;
    }
  return items;
}

static gboolean
breaks_after (GArray *items,
              guint   i)
{
  gunichar c = g_array_index (items, Item, i).c;
  gunichar next = i + 1 < items->len ? g_array_index (items, Item, i + 1).c : 0;
  gunichar before = i > 0 ? g_array_index (items, Item, i - 1).c : 0;

  if (next == 0 || is_glue (next))
    return FALSE;
  if (is_breaking_space (c))
    return !is_breaking_space (next);
  /* "Актобе-Хромтау", "2014–2015" break after the dash; "−1", "- 2" and
   * a dash glued to what follows do not. */
  return is_dash (c) && before != 0 && g_unichar_isalnum (before) && !is_breaking_space (next) &&
         !(c == '-' && g_unichar_isdigit (next));
}

/* The width of items [@first, @last] less the spaces they end in: the
 * last glyph's kerning is with a character on another line. */
static double
span_width (GArray *items,
            guint   first,
            guint   last)
{
  const Item *end;

  while (last > first && is_breaking_space (g_array_index (items, Item, last).c))
    last--;
  end = &g_array_index (items, Item, last);
  if (is_breaking_space (end->c))
    return 0;
  return end->before - g_array_index (items, Item, first).before + end->width;
}

static Run *
run_new (cairo_scaled_font_t *font)
{
  Run *run = g_new0 (Run, 1);

  run->font = font;
  run->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  run->utf8 = g_string_new (NULL);
  run->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  return run;
}

/* Items [@first, @end) as a line of runs, less the spaces it ends in. */
static void
add_line (CaTextLayout *self,
          GArray       *items,
          guint         first,
          guint         end)
{
  Line line = { g_ptr_array_new_with_free_func (run_free), 0, 0, 0 };
  Run *run = NULL;
  double x = 0;

  while (end > first && is_breaking_space (g_array_index (items, Item, end - 1).c))
    end--;
  if (end > first)
    line.width = span_width (items, first, end - 1);
  for (guint i = first; i < end; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      cairo_glyph_t glyph = { item->glyph, x, 0 };
      cairo_text_cluster_t cluster = { (int) item->length, 1 };

      x += item->advance;
      if (item->font == NULL)
        continue;
      if (run == NULL || run->font != item->font)
        {
          run = run_new (item->font);
          g_ptr_array_add (line.runs, run);
        }
      g_array_append_val (run->glyphs, glyph);
      g_string_append_len (run->utf8, self->text + item->offset, item->length);
      g_array_append_val (run->clusters, cluster);
    }
  g_array_append_val (self->lines, line);
}

/* Breaks @items into lines no wider than the wrap width where a word
 * allows, greedily. */
static void
break_lines (CaTextLayout *self,
             GArray       *items)
{
  guint first = 0;
  gint last_break = -1;

  for (guint i = 0; i < items->len; i++)
    {
      gboolean space = is_breaking_space (g_array_index (items, Item, i).c);

      if (self->wrap_width > 0 && !space && i > first &&
          span_width (items, first, i) > self->wrap_width)
        {
          guint end = last_break >= (gint) first ? (guint) last_break + 1 : i;

          add_line (self, items, first, end);
          first = end;
          last_break = -1;
          /* A word still too wide breaks where it overflows. */
          if (first < i && span_width (items, first, i) > self->wrap_width)
            {
              add_line (self, items, first, i);
              first = i;
            }
        }
      if (breaks_after (items, i))
        last_break = (gint) i;
    }
  add_line (self, items, first, items->len);
}

static void
align_lines (CaTextLayout *self)
{
  double box = self->wrap_width, height = self->ascent + self->descent;

  if (box <= 0)
    for (guint i = 0; i < self->lines->len; i++)
      box = MAX (box, g_array_index (self->lines, Line, i).width);
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);

      if (self->align == CA_TEXT_ALIGN_CENTER)
        line->x = (box - line->width) / 2;
      else if (self->align == CA_TEXT_ALIGN_RIGHT)
        line->x = box - line->width;
      line->baseline = i * (height + self->spacing) + self->ascent;
    }
}

static void
set_text (CaTextLayout *self)
{
  cairo_scaled_font_t *figure = font_new (self, ca_render_fonts_get_face (self->bold));
  g_autoptr (GHashTable) fallbacks = g_hash_table_new (NULL, NULL);
  cairo_font_extents_t metrics;
  const char *paragraph = self->text;

  cairo_scaled_font_extents (figure, &metrics);
  self->ascent = metrics.ascent;
  self->descent = metrics.descent;
  for (;;)
    {
      const char *end = strchr (paragraph, '\n');
      guint length = end != NULL ? (guint) (end - paragraph) : (guint) strlen (paragraph);
      g_autoptr (GArray) items = set_paragraph (self, (guint) (paragraph - self->text), length,
                                                figure, fallbacks);

      break_lines (self, items);
      if (end == NULL)
        break;
      paragraph = end + 1;
    }
  align_lines (self);
}

CaTextLayout *
ca_text_layout_new (const char *text,
                    double      font_size,
                    gboolean    bold,
                    double      wrap_width,
                    CaTextAlign align,
                    double      spacing,
                    double      scale)
{
  CaTextLayout *self = g_object_new (CA_TYPE_TEXT_LAYOUT, NULL);

  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  /* Composed: a letter typed as base and accent (files saved on macOS
   * often are) is one glyph of the font, not an accent placed by guess. */
  self->text = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  self->font_size = font_size > 0 ? font_size : 1;
  self->bold = bold != FALSE;
  self->wrap_width = wrap_width > 0 ? wrap_width : 0;
  self->align = align;
  self->spacing = spacing;
  self->scale = scale > 0 ? scale : 1;
  set_text (self);
  return self;
}

const char *
ca_text_layout_get_text (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), NULL);
  return self->text;
}

double
ca_text_layout_get_font_size (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), 0);
  return self->font_size;
}

gboolean
ca_text_layout_get_bold (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), FALSE);
  return self->bold;
}

double
ca_text_layout_get_wrap_width (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), 0);
  return self->wrap_width;
}

CaTextAlign
ca_text_layout_get_align (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), CA_TEXT_ALIGN_LEFT);
  return self->align;
}

double
ca_text_layout_get_spacing (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), 0);
  return self->spacing;
}

double
ca_text_layout_get_scale (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), 1);
  return self->scale;
}

guint
ca_text_layout_get_n_lines (CaTextLayout *self)
{
  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), 0);
  return self->lines->len;
}

guint
ca_text_layout_count_glyphs (CaTextLayout *self,
                             guint        *in_figure_font,
                             guint        *in_fallback)
{
  cairo_font_face_t *figure;
  guint figure_n = 0, fallback_n = 0, unknown = 0;

  g_return_val_if_fail (CA_IS_TEXT_LAYOUT (self), 0);

  figure = ca_render_fonts_get_face (self->bold);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);

      for (guint r = 0; r < line->runs->len; r++)
        {
          const Run *run = line->runs->pdata[r];
          gboolean in_figure = cairo_scaled_font_get_font_face (run->font) == figure;

          for (guint g = 0; g < run->glyphs->len; g++)
            {
              if (g_array_index (run->glyphs, cairo_glyph_t, g).index == 0)
                unknown++;
              else if (in_figure)
                figure_n++;
              else
                fallback_n++;
            }
        }
    }
  if (in_figure_font != NULL)
    *in_figure_font = figure_n;
  if (in_fallback != NULL)
    *in_fallback = fallback_n;
  return unknown;
}

/* @run's glyphs placed for @line with the layout's corner at (@x, @y). */
static cairo_glyph_t *
placed_glyphs (const Run  *run,
               const Line *line,
               double      x,
               double      y)
{
  cairo_glyph_t *glyphs = g_new (cairo_glyph_t, MAX (run->glyphs->len, 1));

  for (guint i = 0; i < run->glyphs->len; i++)
    {
      const cairo_glyph_t *glyph = &g_array_index (run->glyphs, cairo_glyph_t, i);

      glyphs[i] = (cairo_glyph_t) { glyph->index, x + line->x + glyph->x, y + line->baseline };
    }
  return glyphs;
}

static void
add_ink (const Run  *run,
         const Line *line,
         double     *box)
{
  g_autofree cairo_glyph_t *glyphs = placed_glyphs (run, line, 0, 0);
  cairo_text_extents_t extents;

  double x, y;

  if (run->glyphs->len == 0)
    return;
  /* cairo measures from the first glyph's origin. */
  x = glyphs[0].x;
  y = glyphs[0].y;
  cairo_scaled_font_glyph_extents (run->font, glyphs, (int) run->glyphs->len, &extents);
  if (extents.width <= 0 || extents.height <= 0)
    return;
  box[0] = MIN (box[0], x + extents.x_bearing);
  box[1] = MIN (box[1], y + extents.y_bearing);
  box[2] = MAX (box[2], x + extents.x_bearing + extents.width);
  box[3] = MAX (box[3], y + extents.y_bearing + extents.height);
}

void
ca_text_layout_get_extents (CaTextLayout      *self,
                            cairo_rectangle_t *ink,
                            cairo_rectangle_t *logical)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint n = self->lines->len;

  g_return_if_fail (CA_IS_TEXT_LAYOUT (self));

  for (guint i = 0; i < n; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);

      left = MIN (left, line->x);
      right = MAX (right, line->x + line->width);
      for (guint r = 0; ink != NULL && r < line->runs->len; r++)
        add_ink (line->runs->pdata[r], line, box);
    }
  if (logical != NULL)
    *logical = (cairo_rectangle_t) {
      left, 0, right - left,
      n * (self->ascent + self->descent) + (n > 1 ? (n - 1) * self->spacing : 0)
    };
  if (ink != NULL && box[0] <= box[2])
    *ink = (cairo_rectangle_t) { box[0], box[1], box[2] - box[0], box[3] - box[1] };
  else if (ink != NULL)
    *ink = (cairo_rectangle_t) { 0, 0, 0, 0 };
}

/* Each run of the layout placed at @cr's current point, to @draw. */
static void
each_run (CaTextLayout *self,
          cairo_t      *cr,
          gboolean      outline)
{
  double x = 0, y = 0;

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  cairo_save (cr);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);

      for (guint r = 0; r < line->runs->len; r++)
        {
          const Run *run = line->runs->pdata[r];
          g_autofree cairo_glyph_t *glyphs = placed_glyphs (run, line, x, y);

          cairo_set_scaled_font (cr, run->font);
          if (outline)
            cairo_glyph_path (cr, glyphs, (int) run->glyphs->len);
          else
            cairo_show_text_glyphs (cr, run->utf8->str, (int) run->utf8->len, glyphs,
                                    (int) run->glyphs->len,
                                    (const cairo_text_cluster_t *) run->clusters->data,
                                    (int) run->clusters->len, 0);
        }
    }
  cairo_restore (cr);
}

void
ca_text_layout_show (CaTextLayout *self,
                     cairo_t      *cr)
{
  g_return_if_fail (CA_IS_TEXT_LAYOUT (self));
  each_run (self, cr, FALSE);
}

void
ca_text_layout_path (CaTextLayout *self,
                     cairo_t      *cr)
{
  g_return_if_fail (CA_IS_TEXT_LAYOUT (self));
  each_run (self, cr, TRUE);
}
