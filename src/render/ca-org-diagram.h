/* ca-org-diagram.h — Fig. 5: a cluster's organisational structure drawn as a
 * diagram from the dataset's graph, laid out automatically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ca-dataset.h"

G_BEGIN_DECLS

/* Draws @graph into the rectangle (@x, @y, @width, @height) of @cr: groups as
 * boxes with their counts, grouped by territory, production links as arrows,
 * missing links dashed, and a small legend of the line styles. Unit names
 * for the territory headings come from @dataset in @lang. */
void ca_org_diagram_draw (const CaOrgGraph *graph,
                          CaDataset        *dataset,
                          CaLang            lang,
                          cairo_t          *cr,
                          double            x,
                          double            y,
                          double            width,
                          double            height);

/* The boxes' rectangles after layout, for tests (no two overlap) and hit
 * testing: @rects receives graph->nodes->len entries of x, y, w, h. */
void ca_org_diagram_layout (const CaOrgGraph *graph,
                            CaDataset        *dataset,
                            CaLang            lang,
                            cairo_t          *cr,
                            double            x,
                            double            y,
                            double            width,
                            double            height,
                            double           *rects);

/* The territory panels after layout: returns how many. @rects (may be
 * NULL) receives a new array of x, y, w, h per panel, @territories (may be
 * NULL) a new NULL-terminated array of their unit codes, in the same order.
 * Groups without a territory have no panel. */
guint ca_org_diagram_layout_panels (const CaOrgGraph *graph,
                                    CaDataset        *dataset,
                                    CaLang            lang,
                                    cairo_t          *cr,
                                    double            x,
                                    double            y,
                                    double            width,
                                    double            height,
                                    double          **rects,
                                    char           ***territories);

G_END_DECLS
