/* ca-label-placer.h — a greedy label placer: unit names inside their
 * polygons (or outside with a leader line when the polygon is too small),
 * settlement names beside their symbols, never overlapping each other,
 * the obstacles (legend, scale bar, symbols) or the edge of the frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-text-context.h"

#include "ca-geometry.h"
#include "ca-palette.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CaRect;

gboolean ca_rect_intersects (const CaRect *a, const CaRect *b);
gboolean ca_rect_contains_rect (const CaRect *outer, const CaRect *inner);

typedef enum
{
  CA_LABEL_AREA,    /* a polygon's name */
  CA_LABEL_POINT,   /* a settlement's name */
} CaLabelKind;

typedef struct
{
  CaLabelKind kind;
  int         id;          /* the caller's: unit index, settlement feature … */
  gboolean    placed;
  gboolean    leader;      /* placed outside its polygon with a leader line */
  CaRect      rect;        /* the text's box in device units, when placed */
  double      size;        /* font size used */
  double      anchor_x;    /* polygon label point or settlement position */
  double      anchor_y;
} CaLabel;

typedef struct _CaLabelPlacer CaLabelPlacer;

/* Labels must lie wholly inside @frame (device units). Text is measured
 * with @context. */
CaLabelPlacer *ca_label_placer_new (CaTextContext *context, const CaRect *frame);
void           ca_label_placer_free (CaLabelPlacer *self);

/* ca-render-cache.h */
typedef struct _CaRenderCache CaRenderCache;

/* Keeps the placement in @cache (may be NULL): a later run with the same
 * labels, obstacles and frame takes it from there rather than placing
 * again; the labels are then drawn through the cache's images too. */
void           ca_label_placer_set_cache (CaLabelPlacer *self, CaRenderCache *cache);

/* Nothing may be placed over @rect. */
void           ca_label_placer_add_obstacle (CaLabelPlacer *self, const CaRect *rect);
/* No point label may cross the line (@x0, @y0)–(@x1, @y1) but the one
 * with id @except (-1: none), beside whose symbol it starts. Area labels
 * may cross it. */
void           ca_label_placer_add_obstacle_line (CaLabelPlacer *self, int except, double x0,
                                                  double y0, double x1, double y1);

/* A polygon's name at font @size, shrunk down to @min_size (and wrapped
 * onto two lines) before it goes outside with a leader. @device_polygon
 * is the polygon in device units; the placer takes it. Area labels are
 * placed in the order added: add the hardest (smallest) first. */
void           ca_label_placer_add_area (CaLabelPlacer *self, int id, const char *text,
                                         double size, double min_size, gboolean bold,
                                         double anchor_x, double anchor_y,
                                         CaPolygon *device_polygon);
/* A settlement's name beside its symbol of radius @radius at (@x, @y);
 * dropped when no position is free. @first places it before the area
 * labels (a cluster centre's name must show); others come last. */
void           ca_label_placer_add_point (CaLabelPlacer *self, int id, const char *text,
                                          double size, gboolean bold, gboolean first,
                                          double x, double y, double radius);

/* Places every label: the @first point labels, area labels inside, those
 * needing leaders, then the other point labels. */
void           ca_label_placer_run (CaLabelPlacer *self);

guint          ca_label_placer_get_n_labels (CaLabelPlacer *self);
const CaLabel *ca_label_placer_get_label (CaLabelPlacer *self, guint index);

/* Draws the placed labels (and leader lines) with a white halo @halo wide. */
void           ca_label_placer_draw (CaLabelPlacer *self, cairo_t *cr, const CaRgb *colour,
                                     double halo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaLabelPlacer, ca_label_placer_free)

G_END_DECLS
