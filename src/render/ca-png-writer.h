/* ca-png-writer.h — private to ca-export-png.c: a PNG encoder fed a band of
 * rows at a time, so that a large export never holds the whole image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _CaPngWriter CaPngWriter;

/* Compressed bytes per IDAT chunk (the last one may be shorter). */
#define CA_PNG_WRITER_IDAT_BYTES (256 * 1024)

/* An 8-bit RGB PNG of @width × @height pixels at @dpi (written as the
 * pHYs chunk) whose bytes go to @write (a cairo write function, so the
 * exporter's temporary-file writer serves both). */
CaPngWriter *ca_png_writer_new (int                width,
                                int                height,
                                double             dpi,
                                cairo_write_func_t write,
                                void              *closure);
/* Whether rows are converted with vector instructions where the
 * processor has them (the default); the bytes are the same either way.
 * Call before the first row. */
void         ca_png_writer_use_simd (CaPngWriter *writer,
                                     gboolean     use);
/* Appends @n_rows rows of a CAIRO_FORMAT_RGB24 image. */
gboolean     ca_png_writer_add_rows (CaPngWriter  *writer,
                                     const guint8 *data,
                                     int           stride,
                                     int           n_rows,
                                     GError      **error);
/* Flushes the compressed data and ends the file; checks that every row
 * came. */
gboolean     ca_png_writer_finish (CaPngWriter *writer,
                                   GError     **error);
void         ca_png_writer_free (CaPngWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaPngWriter, ca_png_writer_free)

G_END_DECLS
