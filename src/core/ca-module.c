/* ca-module.c — loading the program's own modules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <stdlib.h>
#include <string.h>

#include "ca-module.h"

/* Like the CLI's choice of window program (src/cli/ca-cli-window.c): a
 * program inside the build tree — the CLI, the window, the tests and
 * fuzzers — uses the module built with it, an installed one the installed
 * module. Both paths are resolved, as the build folder may have been
 * named through a symlink. */
static char *
module_path (const char *override_env,
             const char *build_path,
             const char *install_path)
{
  const char *override = g_getenv (override_env);

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = realpath (CA_BUILD_ROOT, NULL);
  g_autofree char *inside = build_root ? g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL) : NULL;

  if (self != NULL && inside != NULL && g_str_has_prefix (self, inside))
    return g_strdup (build_path);
  return g_strdup (install_path);
}

/* The reason from g_module_error without the path it repeats. */
static const char *
strip_path (const char *reason,
            const char *path)
{
  gsize length = strlen (path);

  if (strncmp (reason, path, length) == 0 && g_str_has_prefix (reason + length, ": "))
    return reason + length + 2;
  return reason;
}

char *
ca_module_load (const char *override_env,
                const char *build_path,
                const char *install_path,
                const char *entry,
                gpointer    api,
                gsize       size,
                char      **path)
{
  GModule *module;
  CaModuleFillApi fill = NULL;
  const char *reason = NULL;

  *path = module_path (override_env, build_path, install_path);
  module = g_module_open (*path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, entry, (gpointer *) &fill))
    reason = g_module_error ();
  else if (fill (api, size))
    {
      g_module_make_resident (module);
      return NULL;
    }
  else
    reason = _("it was built for another version of Cluster Atlas");

  char *message = g_strdup (reason ? strip_path (reason, *path) : _("unknown error"));
  g_clear_pointer (&module, g_module_close);
  return message;
}
