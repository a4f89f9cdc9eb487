/* ca-proj-api.h — the PROJ functions Cluster Atlas uses, as a table filled
 * by the cluster-atlas-proj module.
 *
 * The programs do not link PROJ: its library brings some seventy more
 * (sqlite, libtiff, curl, ICU, Kerberos …) whose relocation costs every
 * process start 15–20 ms, and the default map of WGS 84 boundaries needs
 * none of it (ca-albers.c). ca_proj_api_get loads the module, and with it
 * PROJ, the first time a coordinate system needs PROJ.
 *
 * Only the types of <proj.h> and <geodesic.h> are used here, never their
 * functions: core does not link PROJ, so a direct call fails at link time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <geodesic.h>
#include <proj.h>
#include <stddef.h>

/* The module's one exported symbol: fills @api (of @size bytes, which
 * must be sizeof (CaProjApi) as the module was built) and returns 1, or
 * returns 0 on a size mismatch. */
#define CA_PROJ_MODULE_ENTRY "ca_proj_module_fill_api"

typedef struct
{
  PJ_CONTEXT *(*context_create) (void);
  PJ_CONTEXT *(*context_destroy) (PJ_CONTEXT *ctx);
  void        (*log_func) (PJ_CONTEXT *ctx, void *app_data, PJ_LOG_FUNCTION logf);
  int         (*context_errno) (PJ_CONTEXT *ctx);
  const char *(*context_errno_string) (PJ_CONTEXT *ctx, int err);
  PJ         *(*create) (PJ_CONTEXT *ctx, const char *definition);
  PJ         *(*destroy) (PJ *pj);
  int         (*is_crs) (const PJ *pj);
  PJ         *(*create_crs_to_crs_from_pj) (PJ_CONTEXT *ctx, const PJ *source_crs,
                                            const PJ *target_crs, PJ_AREA *area,
                                            const char *const *options);
  PJ         *(*normalize_for_visualization) (PJ_CONTEXT *ctx, const PJ *obj);
  const char *(*as_wkt) (PJ_CONTEXT *ctx, const PJ *obj, PJ_WKT_TYPE type,
                         const char *const *options);
  int         (*errno_reset) (const PJ *pj);
  size_t      (*trans_generic) (PJ *pj, PJ_DIRECTION direction,
                                double *x, size_t sx, size_t nx,
                                double *y, size_t sy, size_t ny,
                                double *z, size_t sz, size_t nz,
                                double *t, size_t st, size_t nt);

  /* PROJ's geodesic library (<geodesic.h>), for ca_polygon_geodesic_area. */
  void        (*geod_init) (struct geod_geodesic *g, double a, double f);
  void        (*geod_polygon_init) (struct geod_polygon *p, int polylinep);
  void        (*geod_polygon_addpoint) (const struct geod_geodesic *g, struct geod_polygon *p,
                                        double lat, double lon);
  unsigned    (*geod_polygon_compute) (const struct geod_geodesic *g, const struct geod_polygon *p,
                                       int reverse, int sign, double *area, double *perimeter);
} CaProjApi;

typedef int (*CaProjModuleFillApi) (CaProjApi *api, size_t size);
