/* ca-proj.c — loads the cluster-atlas-proj module once per process.
 *
 * The programs do not link PROJ (ca-proj-api.h says why); this is where
 * it comes in, on the first coordinate system that needs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <stdlib.h>
#include <string.h>

#include "ca-proj.h"

G_DEFINE_QUARK (ca-proj-error-quark, ca_proj_error)

typedef struct
{
  CaProjApi api;
  char     *error;   /* why the module could not be loaded; NULL if it was */
} CaProjLoaded;

/* Like the CLI's choice of window program (src/cli/ca-cli-window.c): a
 * program inside the build tree — the CLI, the window, the tests and
 * fuzzers — uses the module built with it, an installed one the installed
 * module. Both paths are resolved, as the build folder may have been
 * named through a symlink. */
static char *
module_path (void)
{
  const char *override = g_getenv ("CLUSTER_ATLAS_PROJ_MODULE");

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = realpath (CA_BUILD_ROOT, NULL);
  g_autofree char *inside = build_root ? g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL) : NULL;

  if (self != NULL && inside != NULL && g_str_has_prefix (self, inside))
    return g_strdup (CA_PROJ_MODULE_BUILD_PATH);
  return g_strdup (CA_PROJ_MODULE_INSTALL_PATH);
}

/* The reason from g_module_error without the path it repeats. */
static const char *
strip_path (const char *reason, const char *path)
{
  gsize length = strlen (path);

  if (strncmp (reason, path, length) == 0 && g_str_has_prefix (reason + length, ": "))
    return reason + length + 2;
  return reason;
}

static gpointer
load_module (gpointer data)
{
  CaProjLoaded *loaded = g_new0 (CaProjLoaded, 1);
  g_autofree char *path = module_path ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  CaProjModuleFillApi fill = NULL;
  const char *reason = NULL;

  if (module == NULL || !g_module_symbol (module, CA_PROJ_MODULE_ENTRY, (gpointer *) &fill))
    reason = g_module_error ();
  else if (fill (&loaded->api, sizeof loaded->api))
    {
      /* PROJ keeps state (its database handles, per-thread data) that
       * must outlive any one user: the module stays for the process. */
      g_module_make_resident (module);
      return loaded;
    }
  else
    reason = _("it was built for another version of Cluster Atlas");

  loaded->error = g_strdup_printf (_("Could not load the PROJ module %s: %s"), path,
                                   reason ? strip_path (reason, path) : _("unknown error"));
  g_clear_pointer (&module, g_module_close);
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
