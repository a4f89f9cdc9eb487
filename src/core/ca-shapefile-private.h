/* ca-shapefile-private.h — pieces of the shapefile reader shared between
 * ca-shapefile.c (geometry) and ca-shapefile-dbf.c (attributes, encodings).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shapefil.h>

#include "ca-shapefile.h"

G_BEGIN_DECLS

/* Sets @error and returns FALSE, for one-line error returns. */
gboolean             ca_shapefile_fail (GError          **error,
                                        CaShapefileError  code,
                                        const char       *format,
                                        ...) G_GNUC_PRINTF (3, 4);

/* shapelib's file hooks for reading: memory-mapped files, and no messages
 * printed (ca-shapefile-hooks.c). */
void                 ca_shapefile_setup_hooks (SAHooks *hooks);

/* A .dbf opened and checked, with its text decoder chosen. */
typedef struct _CaDbfReader CaDbfReader;

/* @n_records: how many records the .shp has; the .dbf must have as many. */
CaDbfReader         *ca_dbf_reader_open (const char *path, SAHooks *hooks, guint n_records,
                                         GError **error);
/* The field names, decoded, NULL-terminated. */
const char * const  *ca_dbf_reader_get_fields (CaDbfReader *reader);
/* The values of record @record (0-based) as UTF-8, one per field. */
char               **ca_dbf_reader_read_record (CaDbfReader *reader, guint record, GError **error);
void                 ca_dbf_reader_free (CaDbfReader *reader);

/* The iconv name for a .cpg text or shapelib's "LDID/n"; NULL when the
 * file does not say (then: UTF-8, else CP1251). */
char                *ca_dbf_encoding_from_code_page (const char *code_page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaDbfReader, ca_dbf_reader_free)

G_END_DECLS
