/* ca-export-file.h — private to the exporter: atomic output files, and
 * the threads that write several at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A file being written under a temporary name beside its destination.
 * Initialise fd to -1. */
typedef struct
{
  char   *path;        /* destination */
  char   *tmp_path;
  int     fd;
  int     write_errno; /* first failed write(), 0 if none */
  guint8 *buffer;      /* bytes not yet written, CA_EXPORT_FILE_BUFFER at most */
  gsize   buffered;
} CaExportFile;

/* Cairo's PDF surface writes a few bytes at a time: 5000 write() calls
 * for one map without a buffer. */
#define CA_EXPORT_FILE_BUFFER (64 << 10)

/* Creates "<dir>/.<name>.XXXXXX" for @path. */
gboolean       ca_export_file_open (CaExportFile *file, const char *path, GError **error);
/* A cairo write function, buffered; remembers the first errno. */
cairo_status_t ca_export_file_write (void *closure, const unsigned char *data,
                                     unsigned int length);
/* Writes out the buffer, syncs and closes the temporary file; the rename
 * comes later. */
gboolean       ca_export_file_finish (CaExportFile *file, GError **error);
gboolean       ca_export_file_write_string (CaExportFile *file, const char *text, GError **error);
/* Renames every finished file into place: all or none appear. */
gboolean       ca_export_files_commit (CaExportFile *files, guint n_files, GError **error);
/* Closes and removes the temporary file if still there. */
void           ca_export_file_clear (CaExportFile *file);
/* "Cannot write “PATH”: reason" as CA_EXPORT_ERROR_WRITE. */
void           ca_export_set_write_error (GError **error, const char *path, int errsv);

/* Runs @work (@data) on this thread and on up to @n_threads - 1 more, and
 * returns when all have: @work takes its share of the jobs from @data. */
void           ca_export_run_threads (const char *name, GThreadFunc work, gpointer data,
                                      guint n_threads);

G_END_DECLS
