/* ca-autosave-private.h — the SESSION.ini key file, shared by the autosave
 * (which writes it) and the orphan search (which reads and rewrites it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-autosave.h"

G_BEGIN_DECLS

#define CA_AUTOSAVE_GROUP "Autosave"
#define CA_AUTOSAVE_INFO_SUFFIX ".ini"
#define CA_AUTOSAVE_PROJECT_SUFFIX ".caproj"

/* Writes @info_path (atomically) for a copy of @project_path (NULL: never
 * saved) made at @time, owned by this process. */
gboolean ca_autosave_write_info (const char  *info_path,
                                 const char  *project_path,
                                 GDateTime   *time,
                                 GError     **error);

G_END_DECLS
