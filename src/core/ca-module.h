/* ca-module.h — loading the program's own modules (PROJ's and libxml2's,
 * see ca-proj-api.h and ca-xml-api.h), whose libraries a program does not
 * link so that it starts without relocating them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each module exports one function, @entry, that fills a table of @size
 * bytes (returning 1), or refuses a table of another size (0). */
typedef int (*CaModuleFillApi) (void *api, gsize size);

/* Loads the module named by $@override_env when set, else the one at
 * @build_path when the program runs from the build tree, else the one at
 * @install_path, and has it fill @api. The module then stays for the
 * process (its library keeps state). Returns NULL on success; else the
 * reason, to be freed, with *@path the module tried (free it too). */
char *ca_module_load (const char *override_env,
                      const char *build_path,
                      const char *install_path,
                      const char *entry,
                      gpointer    api,
                      gsize       size,
                      char      **path);

G_END_DECLS
