/* ca-figure.h — the six figures: what to draw for each, laid out on a page
 * (title, map or diagram, legend, furniture). The window and the exporter
 * both draw through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ca-analysis.h"
#include "ca-basemap.h"

G_BEGIN_DECLS

#define CA_FIGURE_ERROR (ca_figure_error_quark ())
typedef enum
{
  CA_FIGURE_ERROR_UNKNOWN_FIGURE,  /* not one of the ids below */
  CA_FIGURE_ERROR_NO_MAP,          /* a map figure without a basemap */
  CA_FIGURE_ERROR_NO_DATA,         /* the dataset lacks what the figure shows */
} CaFigureError;
GQuark ca_figure_error_quark (void);

/* Stable ids: the CLI, the window and the tests use them. */
#define CA_FIGURE_INFRASTRUCTURE "infrastructure"
#define CA_FIGURE_INDUSTRY       "industry"
#define CA_FIGURE_INNOVATION     "innovation"
#define CA_FIGURE_FAVOURABILITY  "favourability"
#define CA_FIGURE_CLUSTERS       "clusters"
#define CA_FIGURE_METALLURGY     "metallurgy-structure"

/* NULL-terminated, in the order the window's switcher shows them. */
const char * const *ca_figure_get_ids (void);
gboolean            ca_figure_id_is_valid (const char *id);
/* The figure's title in @lang ("Fig. 1. Typology of the units by …"). */
char               *ca_figure_get_title (const char *id, CaAnalysis *analysis, CaLang lang);
/* TRUE for map figures, FALSE for the Fig. 5 diagram. */
gboolean            ca_figure_is_map (const char *id);

/* A view onto the map: the map point at the centre of the map frame and
 * the scale in map metres per device unit. */
typedef struct
{
  double center_x;
  double center_y;
  double metres_per_unit;
} CaViewport;

/* ca-render-cache.h */
typedef struct _CaRenderCache CaRenderCache;

typedef struct
{
  CaLang      lang;
  /* NULL: fit the region into the map frame (exports). Else the window's pan/zoom. */
  const CaViewport *viewport;
  /* Draw title, legend, scale bar, north arrow and source line (exports, and
   * the window's default); FALSE for a bare map. */
  gboolean    furniture;
  int         selected_unit;   /* highlighted unit, or -1 */
  /* Hidden clusters on the clusters figure: NULL or a NULL-terminated list of ids. */
  const char * const *hidden_clusters;
  /* Device units per A4 point for text, lines and symbols; 0 (the
   * default) sizes them from the page as described at ca_figure_draw.
   * The window sets it so that text has a screen size whatever its size. */
  double      text_scale;
  /* Keeps what stays the same between drawings (the static map layers,
   * the label placement, text layouts) for the next one; NULL (the
   * default, as for exports) draws everything afresh. The result is the
   * same either way. */
  CaRenderCache *cache;
} CaFigureOptions;

void ca_figure_options_init (CaFigureOptions *options);

/* Draws figure @id into @cr on a @width × @height page (device units:
 * points for PDF/SVG, pixels scaled by the caller for PNG). @basemap may be
 * NULL only for the diagram figure. On return, @out_map_frame (may be NULL)
 * holds the viewport actually used, for hit testing and world files.
 * Text and lines are sized as on an A4 page in points, scaled by
 * min(@width, @height) / 595 but never below 1, or by
 * @options->text_scale when that is set. */
gboolean ca_figure_draw (const char            *id,
                         CaAnalysis            *analysis,
                         CaBasemap             *basemap,
                         const CaFigureOptions *options,
                         cairo_t               *cr,
                         double                 width,
                         double                 height,
                         CaViewport            *out_viewport,
                         GError               **error);

/* What ca_figure_draw_full put where on the page, in device units: for
 * tests (labels never overlap each other or the furniture) and for hit
 * testing labels in the window. */
typedef enum
{
  CA_FIGURE_BOX_MAP_FRAME,
  CA_FIGURE_BOX_TITLE,
  CA_FIGURE_BOX_LEGEND,
  CA_FIGURE_BOX_SOURCE,
  CA_FIGURE_BOX_FURNITURE,     /* the scale bar and north arrow block */
  CA_FIGURE_BOX_UNIT_LABEL,    /* a unit's name: @index is the unit */
  CA_FIGURE_BOX_PLACE_LABEL,   /* a settlement's name: @index is its feature */
} CaFigureBoxKind;

typedef struct
{
  CaFigureBoxKind kind;
  int             index;      /* unit or settlement feature; -1 otherwise */
  gboolean        leader;     /* a unit label placed outside with a leader line */
  double          x;
  double          y;
  double          width;
  double          height;
} CaFigureBox;

/* ca_figure_draw that also returns the boxes laid out (a GArray of
 * CaFigureBox, when @out_boxes is not NULL). Unit labels that found no
 * place are absent. */
gboolean ca_figure_draw_full (const char            *id,
                              CaAnalysis            *analysis,
                              CaBasemap             *basemap,
                              const CaFigureOptions *options,
                              cairo_t               *cr,
                              double                 width,
                              double                 height,
                              CaViewport            *out_viewport,
                              GArray               **out_boxes,
                              GError               **error);

G_END_DECLS
