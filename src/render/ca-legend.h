/* ca-legend.h — a map legend: blocks (a title, then rows of symbols with
 * their labels, sub-headings and notes) laid out in one or more columns.
 *
 * Sizes are given at A4 scale (points) and multiplied by the scale passed
 * to measure and draw, so one legend serves a window and a poster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-label-placer.h"
#include "ca-map-renderer.h"
#include "ca-palette.h"

G_BEGIN_DECLS

typedef struct _CaLegend CaLegend;

CaLegend *ca_legend_new (void);
void      ca_legend_free (CaLegend *self);

/* Starts a block, kept together in one column. @subtitle may be NULL. */
void      ca_legend_begin_block (CaLegend *self, const char *title, const char *subtitle);
/* A sub-heading inside the block ("Sectoral clusters"). */
void      ca_legend_add_heading (CaLegend *self, const char *text);
/* Small wrapped text. */
void      ca_legend_add_note (CaLegend *self, const char *text);
void      ca_legend_add_swatch (CaLegend *self, const CaRgb *fill, const char *label);
/* Grey with hatching: the "no data" class. */
void      ca_legend_add_no_data (CaLegend *self, const char *label);
void      ca_legend_add_stripes (CaLegend *self, const CaRgb *colours, guint n_colours,
                                 const char *label);
/* A graduated circle of @radius (A4 points) filled with @fill. */
void      ca_legend_add_circle (CaLegend *self, const CaRgb *fill, double radius,
                                const char *label);
void      ca_legend_add_settlement (CaLegend *self, CaSettlementClass klass, const char *label);
/* A star of @radius (A4 points), like the cluster centres. */
void      ca_legend_add_star (CaLegend *self, double radius, const char *label);
/* A line sample: @width in A4 points, optionally dashed. */
void      ca_legend_add_line (CaLegend *self, const CaRgb *colour, double width,
                              gboolean dashed, const char *label);

/* Height needed at @scale in @n_columns columns sharing @width. */
double    ca_legend_measure (CaLegend *self, CaTextContext *context, double scale,
                             double width, guint n_columns);
/* Draws the legend into @rect at @scale in @n_columns columns. */
void      ca_legend_draw (CaLegend *self, cairo_t *cr, CaTextContext *context, double scale,
                          const CaRect *rect, guint n_columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaLegend, ca_legend_free)

G_END_DECLS
