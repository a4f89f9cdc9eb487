/* ca-proj.h — PROJ, loaded on first need (see ca-proj-api.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ca-proj-api.h"

G_BEGIN_DECLS

#define CA_PROJ_ERROR (ca_proj_error_quark ())
typedef enum
{
  CA_PROJ_ERROR_MODULE,   /* the cluster-atlas-proj module could not be loaded */
} CaProjErrorCode;
GQuark ca_proj_error_quark (void);

/* PROJ's functions, loading the cluster-atlas-proj module (and PROJ) the
 * first time; thread-safe. The module is taken from
 * $CLUSTER_ATLAS_PROJ_MODULE when set, else from the build tree when the
 * program runs from it, else from LIBDIR/cluster-atlas. NULL and
 * CA_PROJ_ERROR_MODULE when it cannot be loaded; a failed load is not
 * tried again. */
const CaProjApi *ca_proj_api_get (GError **error);

G_END_DECLS
