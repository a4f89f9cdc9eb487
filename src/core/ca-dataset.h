/* ca-dataset.h — the units, indicators, industries, clusters and Fig. 5 graph
 * a project holds, and the "changed" signal everything else listens to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-text.h"

G_BEGIN_DECLS

#define CA_DATASET_ERROR (ca_dataset_error_quark ())
typedef enum
{
  CA_DATASET_ERROR_UNKNOWN_UNIT,
  CA_DATASET_ERROR_UNKNOWN_INDICATOR,
  CA_DATASET_ERROR_UNKNOWN_CLUSTER,
  CA_DATASET_ERROR_INVALID_VALUE,
} CaDatasetError;
GQuark ca_dataset_error_quark (void);

/* An analysis unit: a district or the city administration. */
typedef struct
{
  char  *code;      /* "AKT", "ALG", …: the join key to the boundary layer */
  CaText name;
  CaText centre;    /* administrative centre */
  char  *gb_name;   /* geoBoundaries shapeName, for joining the raw ADM2 file */
} CaUnit;

/* How a single-indicator figure (Figs. 1–3) divides its values. */
typedef struct
{
  CaClassifyMethod method;
  guint            n_classes;     /* 2–9 */
  double           breaks[8];     /* inner breaks for CA_CLASSIFY_MANUAL, ascending */
} CaClassSpec;

/* One of Table 1's five integral indicators. */
typedef struct
{
  char    *id;      /* "density", "infrastructure", "industry", "specialisations", "innovation" */
  CaText   name;
  CaText   unit;    /* "people/km²", "points", … */
  char    *year;    /* "2014–2015", "2015", "2025 forecast" */
  gboolean higher_is_better;
  CaClassSpec classes;  /* how its figure classifies it */
} CaIndicator;

typedef struct
{
  char  *id;        /* "ferrous-metallurgy", "food", … */
  CaText name;
} CaIndustry;

typedef struct
{
  char  *code;      /* unit code */
  CaText reason;    /* why the unit is a member, e.g. Kargaly's ore deposits */
} CaClusterMember;

typedef struct
{
  char         *id;
  CaText        name;
  CaClusterType type;
  GPtrArray    *centres;     /* of CaText*: centre towns */
  GArray       *members;     /* of CaClusterMember */
  GPtrArray    *industries;  /* of char*: industry ids */
} CaCluster;

typedef enum
{
  CA_ORG_LINK_PRODUCTION,   /* material flow along the chain: solid arrow */
  CA_ORG_LINK_SERVICE,      /* schools, services serving a group: thin arrow */
  CA_ORG_LINK_MISSING,      /* link still to be created: dashed */
} CaOrgLinkKind;

typedef struct
{
  char  *id;
  CaText label;
  int    count;          /* number of enterprises; 0 where not counted */
  char  *territory;      /* unit code the group sits in (AKT, KHR, KAR), or NULL */
  gboolean missing;      /* a participant that does not exist yet */
} CaOrgNode;

typedef struct
{
  char         *from;
  char         *to;
  CaOrgLinkKind kind;
} CaOrgLink;

/* Fig. 5: the organisational structure of one cluster. */
typedef struct
{
  char   *cluster_id;
  CaText  title;
  GArray *nodes;         /* of CaOrgNode */
  GArray *links;         /* of CaOrgLink */
} CaOrgGraph;

/* A units × industries matrix: output/employment (Stage 2 input) or LQs. */
typedef struct
{
  GPtrArray *industries;  /* of char*: industry names or ids, in column order */
  guint      n_units;     /* rows follow the dataset's unit order */
  double    *values;      /* n_units × industries->len, NAN where absent */
} CaMatrix;

CaMatrix *ca_matrix_new (guint n_units, guint n_industries);
CaMatrix *ca_matrix_copy (const CaMatrix *matrix);
void      ca_matrix_free (CaMatrix *matrix);
double    ca_matrix_get (const CaMatrix *matrix, guint unit, guint industry);
void      ca_matrix_set (CaMatrix *matrix, guint unit, guint industry, double value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaMatrix, ca_matrix_free)

#define CA_TYPE_DATASET (ca_dataset_get_type ())
G_DECLARE_FINAL_TYPE (CaDataset, ca_dataset, CA, DATASET, GObject)

CaDataset         *ca_dataset_new (void);
CaDataset         *ca_dataset_copy (CaDataset *self);
/* Makes @self hold a copy of everything in @source; emits ::changed (ALL).
 * Used by undo/redo and by "keep what we had" error paths. */
void               ca_dataset_assign (CaDataset *self, CaDataset *source);

/* Metadata shown on figures: citation of the source, the study region. */
const CaText      *ca_dataset_get_title (CaDataset *self);
const CaText      *ca_dataset_get_source (CaDataset *self);
void               ca_dataset_set_title (CaDataset *self, const CaText *title);
void               ca_dataset_set_source (CaDataset *self, const CaText *source);

/* Units */
guint              ca_dataset_get_n_units (CaDataset *self);
const CaUnit      *ca_dataset_get_unit (CaDataset *self, guint index);
int                ca_dataset_find_unit (CaDataset *self, const char *code);
/* Takes a copy; returns the new unit's index. Structural: call before values. */
guint              ca_dataset_add_unit (CaDataset *self, const CaUnit *unit);

/* Indicators and values */
guint              ca_dataset_get_n_indicators (CaDataset *self);
const CaIndicator *ca_dataset_get_indicator (CaDataset *self, guint index);
int                ca_dataset_find_indicator (CaDataset *self, const char *id);
guint              ca_dataset_add_indicator (CaDataset *self, const CaIndicator *indicator);
double             ca_dataset_get_value (CaDataset *self, guint unit, guint indicator);
/* NAN clears the value ("no data"); ±inf is refused. Emits ::changed. */
gboolean           ca_dataset_set_value (CaDataset *self, guint unit, guint indicator,
                                         double value, GError **error);
/* "AKT", "density", 218: by code and id, with errors naming both. */
gboolean           ca_dataset_set_value_by_id (CaDataset *self, const char *code,
                                               const char *indicator_id, double value,
                                               GError **error);
double             ca_dataset_get_region_value (CaDataset *self, guint indicator);
void               ca_dataset_set_region_value (CaDataset *self, guint indicator, double value);

/* Industries and Stage 2 inputs */
guint              ca_dataset_get_n_industries (CaDataset *self);
const CaIndustry  *ca_dataset_get_industry (CaDataset *self, guint index);
int                ca_dataset_find_industry (CaDataset *self, const char *id);
guint              ca_dataset_add_industry (CaDataset *self, const CaIndustry *industry);
/* The published location quotients (Table 3): columns are industry ids. */
const CaMatrix    *ca_dataset_get_published_lq (CaDataset *self);
void               ca_dataset_set_published_lq (CaDataset *self, CaMatrix *lq);
/* The output/employment matrix, or NULL: columns are the CSV's industry names. */
const CaMatrix    *ca_dataset_get_industry_matrix (CaDataset *self);
void               ca_dataset_set_industry_matrix (CaDataset *self, CaMatrix *matrix);

/* Analysis settings */
double             ca_dataset_get_lq_threshold (CaDataset *self);
gboolean           ca_dataset_set_lq_threshold (CaDataset *self, double threshold, GError **error);
CaCompositeMethod  ca_dataset_get_composite_method (CaDataset *self);
void               ca_dataset_set_composite_method (CaDataset *self, CaCompositeMethod method);
/* Stage 1 class breaks on the composite, best class first. NULL when the
 * method's default (natural breaks) is to be used. Two breaks, three types. */
const double      *ca_dataset_get_composite_breaks (CaDataset *self, CaCompositeMethod method);
void               ca_dataset_set_composite_breaks (CaDataset *self, CaCompositeMethod method,
                                                    const double breaks[2]);
/* The paper's published index range for each type (Table 2), for reference. */
void               ca_dataset_get_reference_range (CaDataset *self, CaFavourability type,
                                                   double *high, double *low);
void               ca_dataset_set_reference_range (CaDataset *self, CaFavourability type,
                                                   double high, double low);

/* How indicator @indicator's figure is classified. Checks 2–9 classes and
 * increasing manual breaks. Emits ::changed (SETTINGS). */
gboolean           ca_dataset_set_class_spec (CaDataset *self, guint indicator,
                                              const CaClassSpec *spec, GError **error);

/* Map settings: the boundary file (as written in the project, relative to
 * it where possible), its join field, the map CRS; NULL for the defaults. */
const char        *ca_dataset_get_boundary_path (CaDataset *self);
void               ca_dataset_set_boundary_path (CaDataset *self, const char *path);
const char        *ca_dataset_get_join_field (CaDataset *self);
void               ca_dataset_set_join_field (CaDataset *self, const char *field);
const char        *ca_dataset_get_map_crs (CaDataset *self);
void               ca_dataset_set_map_crs (CaDataset *self, const char *crs);

/* Clusters (Stage 3, the paper's five by default) */
guint              ca_dataset_get_n_clusters (CaDataset *self);
const CaCluster   *ca_dataset_get_cluster (CaDataset *self, guint index);
int                ca_dataset_find_cluster (CaDataset *self, const char *id);
/* Takes ownership of @cluster. */
guint              ca_dataset_add_cluster (CaDataset *self, CaCluster *cluster);
gboolean           ca_dataset_add_cluster_member (CaDataset *self, const char *cluster_id,
                                                  const char *code, const CaText *reason,
                                                  GError **error);
gboolean           ca_dataset_remove_cluster_member (CaDataset *self, const char *cluster_id,
                                                     const char *code, GError **error);

/* Fig. 5 */
const CaOrgGraph  *ca_dataset_get_org_graph (CaDataset *self);
/* Takes ownership of @graph. */
void               ca_dataset_set_org_graph (CaDataset *self, CaOrgGraph *graph);

/* Batches edits: ::changed fires once, at the matching thaw, with all flags. */
void               ca_dataset_freeze_changed (CaDataset *self);
void               ca_dataset_thaw_changed (CaDataset *self);

/* Plain-struct helpers */
CaCluster         *ca_cluster_new (const char *id, CaClusterType type);
void               ca_cluster_free (CaCluster *cluster);
gboolean           ca_cluster_has_member (const CaCluster *cluster, const char *code);
gboolean           ca_cluster_has_industry (const CaCluster *cluster, const char *industry_id);
const char        *ca_cluster_type_to_string (CaClusterType type);  /* "sectoral", "cross-sectoral" */
CaOrgGraph        *ca_org_graph_new (void);
CaOrgGraph        *ca_org_graph_copy (const CaOrgGraph *graph);
void               ca_org_graph_free (CaOrgGraph *graph);
int                ca_org_graph_find_node (const CaOrgGraph *graph, const char *id);
void               ca_unit_clear (CaUnit *unit);
void               ca_indicator_clear (CaIndicator *indicator);
void               ca_industry_clear (CaIndustry *industry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaCluster, ca_cluster_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaOrgGraph, ca_org_graph_free)

G_END_DECLS
