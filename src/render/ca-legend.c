/* ca-legend.c
 *
 * One function lays the rows out both to measure (no cairo_t) and to
 * draw, so the measured height is exactly what is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-legend.h"
#include "ca-render-text.h"

#define TITLE_SIZE    8.5
#define SUBTITLE_SIZE 7.0
#define LABEL_SIZE    7.5
#define NOTE_SIZE     6.5
#define SWATCH_W      16.0
#define SWATCH_H      10.0
#define SYMBOL_GAP    5.0
#define ROW_GAP       3.0
#define BLOCK_GAP     10.0
#define MAX_COLOURS   8

typedef enum
{
  ROW_BLOCK,
  ROW_HEADING,
  ROW_NOTE,
  ROW_SWATCH,
  ROW_NO_DATA,
  ROW_STRIPES,
  ROW_CIRCLE,
  ROW_SETTLEMENT,
  ROW_STAR,
  ROW_LINE,
} RowKind;

typedef struct
{
  RowKind           kind;
  char             *text;
  char             *subtitle;
  CaRgb             colours[MAX_COLOURS];
  guint             n_colours;
  double            size;
  gboolean          dashed;
  CaSettlementClass klass;
} Row;

struct _CaLegend
{
  GArray *rows;   /* of Row */
};

static const CaRgb subtitle_colour = { 0.30, 0.30, 0.30 };

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->text);
  g_free (row->subtitle);
}

CaLegend *
ca_legend_new (void)
{
  CaLegend *self = g_new0 (CaLegend, 1);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  return self;
}

void
ca_legend_free (CaLegend *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_free (self);
}

static Row *
add_row (CaLegend   *self,
         RowKind     kind,
         const char *text)
{
  Row row = { .kind = kind, .text = g_strdup (text) };

  g_array_append_val (self->rows, row);
  return &g_array_index (self->rows, Row, self->rows->len - 1);
}

void
ca_legend_begin_block (CaLegend   *self,
                       const char *title,
                       const char *subtitle)
{
  add_row (self, ROW_BLOCK, title)->subtitle = g_strdup (subtitle);
}

void
ca_legend_add_heading (CaLegend   *self,
                       const char *text)
{
  add_row (self, ROW_HEADING, text);
}

void
ca_legend_add_note (CaLegend   *self,
                    const char *text)
{
  add_row (self, ROW_NOTE, text);
}

void
ca_legend_add_swatch (CaLegend    *self,
                      const CaRgb *fill,
                      const char  *label)
{
  Row *row = add_row (self, ROW_SWATCH, label);

  row->colours[0] = *fill;
  row->n_colours = 1;
}

void
ca_legend_add_no_data (CaLegend   *self,
                       const char *label)
{
  add_row (self, ROW_NO_DATA, label);
}

void
ca_legend_add_stripes (CaLegend    *self,
                       const CaRgb *colours,
                       guint        n_colours,
                       const char  *label)
{
  Row *row = add_row (self, ROW_STRIPES, label);

  row->n_colours = MIN (n_colours, MAX_COLOURS);
  for (guint i = 0; i < row->n_colours; i++)
    row->colours[i] = colours[i];
}

void
ca_legend_add_circle (CaLegend    *self,
                      const CaRgb *fill,
                      double       radius,
                      const char  *label)
{
  Row *row = add_row (self, ROW_CIRCLE, label);

  row->colours[0] = *fill;
  row->size = radius;
}

void
ca_legend_add_settlement (CaLegend          *self,
                          CaSettlementClass  klass,
                          const char        *label)
{
  add_row (self, ROW_SETTLEMENT, label)->klass = klass;
}

void
ca_legend_add_star (CaLegend   *self,
                    double      radius,
                    const char *label)
{
  add_row (self, ROW_STAR, label)->size = radius;
}

void
ca_legend_add_line (CaLegend    *self,
                    const CaRgb *colour,
                    double       width,
                    gboolean     dashed,
                    const char  *label)
{
  Row *row = add_row (self, ROW_LINE, label);

  row->colours[0] = *colour;
  row->size = width;
  row->dashed = dashed;
}

/* Width of the symbol column at scale 1: wide enough for the largest symbol. */
static double
symbol_width (CaLegend *self)
{
  double width = SWATCH_W;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      if (row->kind == ROW_CIRCLE || row->kind == ROW_STAR)
        width = MAX (width, 2 * row->size + 2);
    }
  return width;
}

static double
symbol_height (const Row *row)
{
  if (row->kind == ROW_CIRCLE || row->kind == ROW_STAR)
    return 2 * row->size + 1;
  return SWATCH_H;
}

static void
draw_symbol (cairo_t   *cr,
             const Row *row,
             double     scale,
             double     x,
             double     y,
             double     column)
{
  CaRect box = { x + (column - SWATCH_W * scale) / 2, y, SWATCH_W * scale, SWATCH_H * scale };
  double cx = x + column / 2, cy = y + symbol_height (row) * scale / 2;
  CaRgb grey = CA_RGB_NO_DATA, hatch = CA_RGB_NO_DATA_HATCH;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (row->kind)
    {
    case ROW_SWATCH:
      ca_rgb_set_source (cr, &row->colours[0]);
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_fill (cr);
      break;
    case ROW_NO_DATA:
      ca_rgb_set_source (cr, &grey);
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_fill (cr);
      ca_map_hatch_rect (cr, &box, &hatch, 2.5 * scale, 0.5 * scale);
      break;
    case ROW_STRIPES:
      ca_map_stripe_rect (cr, &box, row->colours, row->n_colours, 2.5 * scale);
      break;
    case ROW_CIRCLE:
      cairo_arc (cr, cx, cy, row->size * scale, 0, 2 * G_PI);
      ca_rgb_set_source_alpha (cr, &row->colours[0], 0.85);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_set_line_width (cr, 0.6 * scale);
      cairo_stroke (cr);
      break;
    case ROW_SETTLEMENT:
      ca_map_draw_settlement_symbol (cr, row->klass, cx, cy, scale);
      break;
    case ROW_STAR:
      ca_map_path_star (cr, cx, cy, row->size * scale);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 0.5 * scale);
      cairo_stroke (cr);
      break;
    case ROW_LINE:
      /* A white line shows only on a ground, as on the map. */
      if (ca_rgb_lightness (&row->colours[0]) > 90)
        {
          CaRgb ground = CA_RGB_NO_DATA;
          ca_rgb_set_source (cr, &ground);
          cairo_rectangle (cr, box.x, box.y, box.width, box.height);
          cairo_fill (cr);
        }
      cairo_move_to (cr, box.x, cy);
      cairo_line_to (cr, box.x + box.width, cy);
      if (row->dashed)
        {
          double dash[2] = { 2.5 * scale, 1.5 * scale };
          cairo_set_dash (cr, dash, 2, 0);
        }
      ca_rgb_set_source (cr, &row->colours[0]);
      cairo_set_line_width (cr, row->size * scale);
      cairo_stroke (cr);
      break;
    case ROW_BLOCK:
    case ROW_HEADING:
    case ROW_NOTE:
    default:
      break;
    }
  if (row->kind == ROW_SWATCH || row->kind == ROW_NO_DATA || row->kind == ROW_STRIPES)
    {
      cairo_rectangle (cr, box.x, box.y, box.width, box.height);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 0.4 * scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Draws (when @cr is set) one text at (@x, @y) wrapped to @width; returns its height. */
static double
text_block (cairo_t       *cr,
            CaTextContext *context,
            const char    *text,
            double         size,
            gboolean       bold,
            const CaRgb   *colour,
            double         x,
            double         y,
            double         width)
{
  g_autoptr (CaTextLayout) layout = NULL;
  double h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = ca_render_layout_new (context, text, size, bold, width);
  ca_render_layout_size (layout, NULL, &h);
  if (cr != NULL)
    ca_render_show_layout (cr, layout, x, y, colour, 0);
  return h;
}

/* Lays out rows [@first, @end) at (@x, @y); draws them when @cr is set.
 * Returns the height used. */
static double
lay_out_rows (CaLegend      *self,
              cairo_t       *cr,
              CaTextContext *context,
              double         scale,
              guint          first,
              guint          end,
              double         x,
              double         y,
              double         width)
{
  CaRgb text = CA_RGB_TEXT;
  double column = symbol_width (self) * scale, gap = SYMBOL_GAP * scale, y0 = y;

  for (guint i = first; i < end; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      switch (row->kind)
        {
        case ROW_BLOCK:
          y += text_block (cr, context, row->text, TITLE_SIZE * scale, TRUE, &text, x, y, width);
          y += text_block (cr, context, row->subtitle, SUBTITLE_SIZE * scale, FALSE,
                           &subtitle_colour, x, y, width);
          y += ROW_GAP * 1.5 * scale;
          break;
        case ROW_HEADING:
          y += ROW_GAP * scale;
          y += text_block (cr, context, row->text, LABEL_SIZE * scale, TRUE, &text, x, y, width);
          y += ROW_GAP * scale;
          break;
        case ROW_NOTE:
          y += ROW_GAP * scale;
          y += text_block (cr, context, row->text, NOTE_SIZE * scale, FALSE, &subtitle_colour,
                           x, y, width);
          y += ROW_GAP * scale;
          break;
        default:
          {
            double symbol = symbol_height (row) * scale, label_h;
            g_autoptr (CaTextLayout) layout =
              ca_render_layout_new (context, row->text, LABEL_SIZE * scale, FALSE,
                                    MAX (width - column - gap, 10 * scale));
            double row_h;

            ca_render_layout_size (layout, NULL, &label_h);
            row_h = MAX (symbol, label_h);
            if (cr != NULL)
              {
                draw_symbol (cr, row, scale, x, y + (row_h - symbol) / 2, column);
                ca_render_show_layout (cr, layout, x + column + gap, y + (row_h - label_h) / 2,
                                       &text, 0);
              }
            y += row_h + ROW_GAP * scale;
          }
          break;
        }
    }
  return y - y0;
}

/* Row index ranges of the blocks: block b is [starts[b], starts[b + 1]). */
static GArray *
block_starts (CaLegend *self)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->rows->len; i++)
    if (i == 0 || g_array_index (self->rows, Row, i).kind == ROW_BLOCK)
      g_array_append_val (starts, i);
  g_array_append_val (starts, self->rows->len);
  return starts;
}

/* Assigns blocks to columns greedily against a balanced target height;
 * draws them when @cr is set. Returns the tallest column's height. */
static double
flow (CaLegend      *self,
      cairo_t       *cr,
      CaTextContext *context,
      double         scale,
      double         x,
      double         y,
      double         column_width,
      guint          n_columns)
{
  g_autoptr (GArray) starts = block_starts (self);
  guint n_blocks = starts->len - 1;
  g_autofree double *heights = g_new0 (double, MAX (n_blocks, 1));
  double total = 0, tallest = 0, limit, column_h = 0, result = 0;
  double column_gap = 12 * scale;
  guint column = 0;

  for (guint b = 0; b < n_blocks; b++)
    {
      heights[b] = lay_out_rows (self, NULL, context, scale, g_array_index (starts, guint, b),
                                 g_array_index (starts, guint, b + 1), 0, 0, column_width);
      total += heights[b] + (b > 0 ? BLOCK_GAP * scale : 0);
      tallest = MAX (tallest, heights[b]);
    }
  limit = MAX (tallest, total / MAX (n_columns, 1));
  for (guint b = 0; b < n_blocks; b++)
    {
      double add = heights[b] + (column_h > 0 ? BLOCK_GAP * scale : 0);

      if (column_h > 0 && column_h + add > limit + 0.5 && column + 1 < n_columns)
        {
          column++;
          column_h = 0;
          add = heights[b];
        }
      if (cr != NULL)
        lay_out_rows (self, cr, context, scale, g_array_index (starts, guint, b),
                      g_array_index (starts, guint, b + 1),
                      x + column * (column_width + column_gap), y + column_h + add - heights[b],
                      column_width);
      column_h += add;
      result = MAX (result, column_h);
    }
  return result;
}

static double
split_width (double width,
             double scale,
             guint  n_columns)
{
  return (width - 12 * scale * (n_columns - 1)) / n_columns;
}

double
ca_legend_measure (CaLegend      *self,
                   CaTextContext *context,
                   double         scale,
                   double         width,
                   guint          n_columns)
{
  g_return_val_if_fail (n_columns >= 1, 0);
  return flow (self, NULL, context, scale, 0, 0, split_width (width, scale, n_columns),
               n_columns);
}

void
ca_legend_draw (CaLegend      *self,
                cairo_t       *cr,
                CaTextContext *context,
                double         scale,
                const CaRect  *rect,
                guint          n_columns)
{
  g_return_if_fail (n_columns >= 1);
  flow (self, cr, context, scale, rect->x, rect->y, split_width (rect->width, scale, n_columns),
        n_columns);
}
