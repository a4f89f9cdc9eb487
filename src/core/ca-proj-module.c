/* ca-proj-module.c — the cluster-atlas-proj module: PROJ's functions for
 * the table of ca-proj-api.h.
 *
 * This is the only code that links PROJ. It is loaded by ca-proj.c the
 * first time a coordinate system needs PROJ, so that starting a program
 * does not relocate PROJ and its seventy libraries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ca-proj-api.h"

__attribute__ ((visibility ("default"))) int ca_proj_module_fill_api (CaProjApi *api, size_t size);

int
ca_proj_module_fill_api (CaProjApi *api, size_t size)
{
  /* A module from another build would read past a smaller table. */
  if (api == NULL || size != sizeof (CaProjApi))
    return 0;
  *api = (CaProjApi) {
    .context_create = proj_context_create,
    .context_destroy = proj_context_destroy,
    .log_func = proj_log_func,
    .context_errno = proj_context_errno,
    .context_errno_string = proj_context_errno_string,
    .create = proj_create,
    .destroy = proj_destroy,
    .is_crs = proj_is_crs,
    .create_crs_to_crs_from_pj = proj_create_crs_to_crs_from_pj,
    .normalize_for_visualization = proj_normalize_for_visualization,
    .as_wkt = proj_as_wkt,
    .errno_reset = proj_errno_reset,
    .trans_generic = proj_trans_generic,
    .geod_init = geod_init,
    .geod_polygon_init = geod_polygon_init,
    .geod_polygon_addpoint = geod_polygon_addpoint,
    .geod_polygon_compute = geod_polygon_compute,
  };
  return 1;
}
