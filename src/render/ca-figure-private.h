/* ca-figure-private.h — what the map figures share: a "style" (per-unit
 * fills, overlays and the legend) built per figure, then drawn by one
 * map routine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-figure.h"
#include "ca-legend.h"
#include "ca-map-renderer.h"
#include "ca-render-text.h"

G_BEGIN_DECLS

#define CA_STYLE_MAX_STRIPES 8

/* Sizes of map text at A4 scale (points). */
#define CA_UNIT_LABEL_SIZE  7.5
#define CA_PLACE_LABEL_SIZE 6.3

/* A graduated circle at a unit's label point (Fig. 2). */
typedef struct
{
  guint  unit;
  double radius;      /* A4 points */
} CaStyleCircle;

/* A cluster centre town (Fig. 4). */
typedef struct
{
  int     feature;    /* settlement feature, or -1 when not found */
  CaPoint point;      /* map metres */
  guint   n_clusters; /* how many visible clusters it heads */
  char   *name;       /* in the figure's language */
} CaStyleCentre;

/* A line from a centre to a member unit's label point (Fig. 4). */
typedef struct
{
  guint  cluster;     /* dataset cluster index (its colour) */
  guint  centre;      /* index into centres */
  guint  unit;
  int    bend;        /* offset among links joining the same two places */
} CaStyleLink;

/* Settlement names folded for matching, built once per figure. */
typedef struct _CaPlaceIndex CaPlaceIndex;

CaPlaceIndex *ca_place_index_new (CaLayer *settlements);
/* The index of @settlements (a new reference): kept in @cache when that
 * is not NULL, else new. */
CaPlaceIndex *ca_place_index_get (CaRenderCache *cache, CaLayer *settlements);
CaPlaceIndex *ca_place_index_ref (CaPlaceIndex *index);
/* Drops a reference: the last one frees the index. */
void          ca_place_index_free (CaPlaceIndex *index);
/* Settlement feature whose name matches @name (in any of its languages,
 * against any name field): exact first, then containment ("Село …"),
 * preferring bigger places. -1 when none does. */
int           ca_place_index_find (CaPlaceIndex *index, const CaText *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaPlaceIndex, ca_place_index_free)

typedef struct
{
  /* Inputs */
  CaAnalysis            *analysis;
  CaDataset             *dataset;
  CaBasemap             *basemap;
  const CaFigureOptions *options;
  CaLang                 lang;
  CaPlaceIndex          *places;            /* NULL without settlements */

  /* Per unit (n_units) */
  guint                  n_units;
  CaRgb                 *fill;
  gboolean              *no_data;
  guint                 *n_stripes;         /* > 1: stripes of the colours below */
  CaRgb                 *stripes;           /* n_units × CA_STYLE_MAX_STRIPES */

  /* Overlays */
  GArray                *circles;           /* of CaStyleCircle */
  CaRgb                  circle_fill;
  GArray                *centres;           /* of CaStyleCentre */
  GArray                *links;             /* of CaStyleLink */

  /* District borders: a light grey suits the choropleth classes; the
   * cluster stripes need a darker one. */
  CaRgb                  border;
  double                 border_width;      /* A4 points */

  CaLegend              *legend;
} CaMapStyle;

CaMapStyle *ca_map_style_new (CaAnalysis *analysis, CaBasemap *basemap,
                              const CaFigureOptions *options);
void        ca_map_style_free (CaMapStyle *style);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaMapStyle, ca_map_style_free)

/* Builders, one per map figure: fill the style and its legend. */
gboolean    ca_map_style_build_indicator (CaMapStyle *style, const char *indicator_id,
                                          CaSequentialRamp sequential,
                                          CaDivergingRamp diverging, gboolean allow_diverging,
                                          GError **error);
gboolean    ca_map_style_build_industry (CaMapStyle *style, GError **error);
gboolean    ca_map_style_build_favourability (CaMapStyle *style, GError **error);
gboolean    ca_map_style_build_clusters (CaMapStyle *style, GError **error);
/* The legend block every map ends with: boundaries and settlements. */
void        ca_map_style_add_base_legend (CaMapStyle *style);

/* Draws the map frame's contents: fills, borders, overlays, settlements,
 * the selection and the labels (avoiding @obstacles, n of them). Adds
 * the label boxes to @boxes when not NULL. */
void        ca_map_style_draw (CaMapStyle *style, cairo_t *cr, CaTextContext *context,
                               const CaMapTransform *transform, double scale,
                               const CaRect *obstacles, guint n_obstacles, GArray *boxes);

/* Each unit's label point (pole of inaccessibility, map metres; NAN
 * without a polygon), computed once per basemap and kept with it. */
const CaPoint *ca_map_style_label_points (CaMapStyle *style);

/* Cluster overlays: links under the labels, stars on top of settlements. */
void        ca_map_style_draw_links (CaMapStyle *style, cairo_t *cr,
                                     const CaMapTransform *transform, const CaPoint *label_points,
                                     double scale);
void        ca_map_style_draw_centres (CaMapStyle *style, cairo_t *cr,
                                       const CaMapTransform *transform, double scale);
double      ca_map_style_star_radius (guint n_clusters);
/* The links as lines for @placer's labels to keep clear of. */
void        ca_map_style_add_link_obstacles (CaMapStyle *style, CaLabelPlacer *placer,
                                             const CaMapTransform *transform,
                                             const CaPoint *label_points, double scale);

G_END_DECLS
