/* ca-label-grid.c
 *
 * A box is filed in every cell it meets; boxes and queries beyond the
 * frame are clamped to its border cells the same way, so a query still
 * finds every box it meets there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-label-placer-private.h"

/* About this many cells along the frame's longer side: a cell then holds
 * a label or two at any page size. */
#define CELLS_ALONG 40

struct _CaLabelGrid
{
  CaRect   frame;
  double   cell;
  int      columns;
  int      rows;
  GArray **cells;    /* columns × rows, NULL while empty; of guint */
};

CaLabelGrid *
ca_label_grid_new (const CaRect *frame)
{
  CaLabelGrid *grid = g_new0 (CaLabelGrid, 1);

  grid->frame = *frame;
  grid->cell = MAX (MAX (frame->width, frame->height) / CELLS_ALONG, 1.0);
  grid->columns = CLAMP ((int) ceil (frame->width / grid->cell), 1, CELLS_ALONG + 1);
  grid->rows = CLAMP ((int) ceil (frame->height / grid->cell), 1, CELLS_ALONG + 1);
  grid->cells = g_new0 (GArray *, (gsize) grid->columns * grid->rows);
  return grid;
}

void
ca_label_grid_free (CaLabelGrid *grid)
{
  if (grid == NULL)
    return;
  for (int i = 0; i < grid->columns * grid->rows; i++)
    if (grid->cells[i] != NULL)
      g_array_unref (grid->cells[i]);
  g_free (grid->cells);
  g_free (grid);
}

/* The cell holding coordinate @v along an axis starting at @origin. */
static int
cell_of (const CaLabelGrid *grid,
         double             v,
         double             origin,
         int                n)
{
  double c = floor ((v - origin) / grid->cell);

  /* NaN and far-off boxes land in the border cells too. */
  if (!(c > 0))
    return 0;
  return c >= n - 1 ? n - 1 : (int) c;
}

static void
cell_range (const CaLabelGrid *grid,
            const CaRect      *rect,
            int               *range)
{
  range[0] = cell_of (grid, rect->x, grid->frame.x, grid->columns);
  range[1] = cell_of (grid, rect->y, grid->frame.y, grid->rows);
  range[2] = cell_of (grid, rect->x + rect->width, grid->frame.x, grid->columns);
  range[3] = cell_of (grid, rect->y + rect->height, grid->frame.y, grid->rows);
}

void
ca_label_grid_add (CaLabelGrid  *grid,
                   const CaRect *rect,
                   guint         value)
{
  int range[4];

  cell_range (grid, rect, range);
  for (int row = range[1]; row <= range[3]; row++)
    for (int column = range[0]; column <= range[2]; column++)
      {
        GArray **cell = &grid->cells[row * grid->columns + column];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, value);
      }
}

gboolean
ca_label_grid_any (CaLabelGrid     *grid,
                   const CaRect    *rect,
                   CaLabelGridFunc  func,
                   gpointer         data)
{
  int range[4];

  cell_range (grid, rect, range);
  for (int row = range[1]; row <= range[3]; row++)
    for (int column = range[0]; column <= range[2]; column++)
      {
        GArray *cell = grid->cells[row * grid->columns + column];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          if (func (g_array_index (cell, guint, i), data))
            return TRUE;
      }
  return FALSE;
}
