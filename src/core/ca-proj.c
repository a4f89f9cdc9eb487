/* ca-proj.c — loads the cluster-atlas-proj module once per process.
 *
 * The programs do not link PROJ (ca-proj-api.h says why); this is where
 * it comes in, on the first coordinate system that needs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ca-module.h"
#include "ca-proj.h"

G_DEFINE_QUARK (ca-proj-error-quark, ca_proj_error)

typedef struct
{
  CaProjApi api;
  char     *error;   /* why the module could not be loaded; NULL if it was */
} CaProjLoaded;

static gpointer
load_module (gpointer data)
{
  CaProjLoaded *loaded = g_new0 (CaProjLoaded, 1);
  g_autofree char *path = NULL;
  /* PROJ keeps state (its database handles, per-thread data) that must
   * outlive any one user: the module stays for the process. */
  g_autofree char *reason = ca_module_load ("CLUSTER_ATLAS_PROJ_MODULE", CA_PROJ_MODULE_BUILD_PATH,
                                            CA_PROJ_MODULE_INSTALL_PATH, CA_PROJ_MODULE_ENTRY,
                                            &loaded->api, sizeof loaded->api, &path);

  if (reason != NULL)
    loaded->error = g_strdup_printf (_("Could not load the PROJ module %s: %s"), path, reason);
  return loaded;
}

const CaProjApi *
ca_proj_api_get (GError **error)
{
  /* The process's one load (a library cannot be loaded per object);
   * g_once makes it safe from any thread. */
  static GOnce once = G_ONCE_INIT;
  const CaProjLoaded *loaded = g_once (&once, load_module, NULL);

  if (loaded->error != NULL)
    {
      g_set_error_literal (error, CA_PROJ_ERROR, CA_PROJ_ERROR_MODULE, loaded->error);
      return NULL;
    }
  return &loaded->api;
}
