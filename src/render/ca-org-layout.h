/* ca-org-layout.h — private to ca-org-diagram.c: the automatic layered
 * layout of Fig. 5 (where boxes, territory panels, arrows and the legend go).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include "ca-text-context.h"

#include "ca-dataset.h"
#include "ca-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double   x, y, w, h;
  guint    band;       /* index into CaOrgLayout.bands */
  int      col;        /* grid column */
  int      row;        /* row within the band: chain rows first, then support rows */
  gboolean support;    /* no production link: sits in its band's support row */
} CaOrgBox;

typedef struct
{
  char  *territory;    /* unit code, NULL for nodes without a territory */
  char  *heading;      /* unit name in the figure's language, NULL without territory */
  double x, y, w, h;   /* the panel */
  double heading_h;    /* text height of the heading */
  guint  n_chain_rows;
  guint  n_support_rows;
} CaOrgBand;

typedef struct
{
  guint         from;
  guint         to;
  CaOrgLinkKind kind;
  GArray       *points;   /* of CaPoint: the route, ending at the target's border */
} CaOrgEdge;

#define CA_ORG_LEGEND_N 5

/* Distances and sizes as multiples of the label font size, so the figure
 * keeps its proportions at any page size. */
#define CA_ORG_PAD          0.6   /* inside boxes */
#define CA_ORG_PANEL_PAD_X  0.6
#define CA_ORG_PANEL_PAD_Y  0.5
#define CA_ORG_HEADING_SIZE 0.95
#define CA_ORG_COUNT_SIZE   0.85
#define CA_ORG_COUNT_GAP    0.2   /* between the label and the count line */
#define CA_ORG_LEGEND_SIZE  0.85

typedef struct
{
  double top;
  double bottom;
} CaOrgChannel;

typedef struct
{
  double     x, y, w, h;  /* the frame */
  double     font_size;   /* label size in device units; every distance scales with it */
  gboolean   whole_words; /* wrap labels only between words */
  CaLang     lang;
  GArray    *graph_nodes; /* the graph's CaOrgNode array, borrowed */
  guint      n_cols;
  guint      n_boxes;
  CaOrgBox  *boxes;       /* one per graph node */
  GArray    *bands;       /* of CaOrgBand, top to bottom */
  GArray    *edges;       /* of CaOrgEdge */
  /* The grid: column i spans grid_x + i * (col_w + gap_x) … + col_w. */
  double     grid_x, col_w, gap_x;
  /* Horizontal strips free of boxes, where long arrows may run. */
  GArray    *channels;    /* of CaOrgChannel, top to bottom */
  double     legend_x, legend_y, legend_w, legend_h;
  double     legend_pos[2 * CA_ORG_LEGEND_N];  /* x, y of each entry's sample */
} CaOrgLayout;

CaOrgLayout  *ca_org_layout_new (const CaOrgGraph *graph,
                                 CaDataset        *dataset,
                                 CaLang            lang,
                                 cairo_t          *cr,
                                 double            x,
                                 double            y,
                                 double            width,
                                 double            height);
void          ca_org_layout_free (CaOrgLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaOrgLayout, ca_org_layout_free)

/* What the layout knows about the graph before any geometry. */
typedef struct
{
  const CaOrgGraph *graph;
  CaDataset        *dataset;
  guint             n;
  int              *layer;    /* chain column, or -1 for support nodes */
  int              *order;    /* position within its (band, column) group */
  gboolean         *back;     /* per edge of layout->edges: ignored for layering */
} CaOrgStructure;

/* Production and missing links make the chain; service links do not. */
static inline gboolean
ca_org_link_is_chain (CaOrgLinkKind kind)
{
  return kind == CA_ORG_LINK_PRODUCTION || kind == CA_ORG_LINK_MISSING;
}

/* ca-org-order.c: fills layout->bands and each box's band; then each
 * box's column and row. */
void          ca_org_assign_bands (CaOrgLayout *layout, CaOrgStructure *s, CaLang lang);
void          ca_org_order_grid (CaOrgLayout *layout, CaOrgStructure *s, guint n_layers);

/* Text is laid out at a fixed reference size and scaled by @f / CA_ORG_TEXT_REF
 * when drawn, so measuring and drawing agree exactly however many sizes
 * the fitting tries. @rel_size is relative to the label size @f; @width
 * (≤ 0: no wrap) is in device units; lines are aligned by @align. */
#define CA_ORG_TEXT_REF 10.0
CaTextLayout *ca_org_text_new (CaTextContext *context,
                              const char    *text,
                              double         rel_size,
                              gboolean       bold,
                              double         width,
                              double         f,
                              CaTextAlign    align);
/* Logical size of @text in device units at label size @f. */
void          ca_org_text_size (CaTextLayout *text,
                                double        f,
                                double       *width,
                                double       *height);

/* "6 enterprises" in @lang, or NULL when @count is 0. */
char         *ca_org_count_text (int count, CaLang lang);
/* The label of legend entry @index (< CA_ORG_LEGEND_N) in @lang. */
const char   *ca_org_legend_label (guint index, CaLang lang);
/* Legend geometry shared by layout and drawing: sample width, row height. */
double        ca_org_legend_sample_width (double font_size);
double        ca_org_legend_row_height (double font_size);
/* Routes every edge of @layout (fills CaOrgEdge.points): ca-org-route.c. */
void          ca_org_route_edges (CaOrgLayout *layout);
/* Arrowhead length for a link of @kind. */
double        ca_org_arrow_length (CaOrgLinkKind kind, double font_size);

G_END_DECLS
