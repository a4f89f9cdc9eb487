/* ca-label-placer-private.h — the placer's state, shared by
 * ca-label-placer.c (placing), ca-label-space.c (where a label may go),
 * ca-label-grid.c (finding what is near a box), ca-label-memo.c (keeping
 * a placement for the next drawing) and ca-label-placer-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-label-placer.h"
#include "ca-render-cache.h"

G_BEGIN_DECLS

typedef struct
{
  CaLabel       pub;
  char         *text;
  double        base_size;
  double        min_size;
  gboolean      bold;
  CaPolygon    *polygon; /* area labels: device units, owned */
  CaBBox        bbox;    /* area labels: the polygon's */
  double        radius;  /* point labels: symbol radius */
  gboolean      first;   /* point labels placed before the area labels */
  gboolean      wrapped; /* placed on two lines */
  CaTextLayout *layout;  /* the placed text */
} CaLabelItem;

/* A line no point label may cross but the one with id @except. */
typedef struct
{
  int    except;
  double x0, y0, x1, y1;
} CaLabelSegment;

/* Boxes filed by the cells of a grid over the frame they are tested in,
 * each with the caller's number: a query visits only the boxes in the
 * cells it meets (some more than once) rather than all. */
typedef struct _CaLabelGrid CaLabelGrid;

/* Returns TRUE to stop the query: @value's box is what was looked for. */
typedef gboolean (*CaLabelGridFunc) (guint value, gpointer data);

CaLabelGrid *ca_label_grid_new (const CaRect *frame);
void         ca_label_grid_free (CaLabelGrid *grid);
void         ca_label_grid_add (CaLabelGrid *grid, const CaRect *rect, guint value);
/* TRUE when @func returned TRUE for a value whose box may meet @rect
 * (edges included). */
gboolean     ca_label_grid_any (CaLabelGrid *grid, const CaRect *rect, CaLabelGridFunc func,
                                gpointer data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaLabelGrid, ca_label_grid_free)

struct _CaLabelPlacer
{
  CaTextContext *context;
  CaRect         frame;
  GArray        *obstacles;   /* of CaRect */
  GArray        *segments;    /* of CaLabelSegment */
  GArray        *items;       /* of CaLabelItem */
  CaRenderCache *cache;       /* may be NULL */

  /* While running: the obstacles, the anchors of area labels and the
   * placed labels, by where they are. */
  CaLabelGrid   *obstacle_grid;
  CaLabelGrid   *segment_grid;
  CaLabelGrid   *anchor_grid;
  CaLabelGrid   *placed_grid;
};

/* ca-label-space.c: what a label must keep clear of. */
gboolean     ca_label_segment_hits_rect (double x0, double y0, double x1, double y1,
                                         const CaRect *rect);
/* Files the obstacles and anchors in their grids for a run, and drops
 * the grids after it. */
void         ca_label_space_begin (CaLabelPlacer *self);
void         ca_label_space_end (CaLabelPlacer *self);
void         ca_label_space_add_placed (CaLabelPlacer *self, const CaLabelItem *item);
/* @rect, grown by @margin, is free of the frame's edge, the obstacles,
 * the labels placed so far and the anchors of other polygons' labels (a
 * name must not hide the spot another unit's leader starts from). */
gboolean     ca_label_rect_is_free (CaLabelPlacer *self, const CaLabelItem *item,
                                    const CaRect *rect, double margin);
/* A leader from (@x0, @y0) to (@x1, @y1) may cross polygons but no label. */
gboolean     ca_label_segment_is_free (CaLabelPlacer *self, double x0, double y0, double x1,
                                       double y1);

/* ca-label-placer.c */
CaTextLayout *ca_label_placer_make_layout (CaLabelPlacer *self, const char *text, double size,
                                           gboolean bold, double *width, double *height);
/* @text split at the space nearest its middle, or NULL when it has none. */
char        *ca_label_wrap_in_two (const char *text);

/* Where a line from (@x, @y) meets the border of @rect first. */
void         ca_label_rect_nearest_point (const CaRect *rect, double x, double y, double *px,
                                          double *py);

/* ca-label-memo.c: the key of a run (every input) and its placement. */
GByteArray  *ca_label_memo_key (CaLabelPlacer *self);
/* Takes the placement kept under @key; FALSE when there is none. */
gboolean     ca_label_memo_restore (CaLabelPlacer *self, GByteArray *key);
void         ca_label_memo_store (CaLabelPlacer *self, GByteArray *key);

G_END_DECLS
