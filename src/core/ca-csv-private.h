/* ca-csv-private.h — what ca-csv.c shares with ca-csv-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-csv.h"

G_BEGIN_DECLS

/* "<name>: line N, column M (“field”): <what>", the field cut if long. */
void     ca_csv_set_cell_error (GError    **error,
                                CaCsvError  code,
                                const char *name,
                                guint       line,
                                guint       column,
                                const char *field,
                                const char *format,
                                ...) G_GNUC_PRINTF (7, 8);

/* Reads @path whole, refusing files over the size limit before reading. */
gboolean ca_csv_read_file (const char  *path,
                           char       **contents,
                           gsize       *length,
                           GError     **error);

G_END_DECLS
