/* ca-export.h — writing a figure to PNG (optionally georeferenced), PDF or
 * SVG, atomically. The CLI and the window's export dialog both call this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ca-figure.h"

G_BEGIN_DECLS

#define CA_EXPORT_ERROR (ca_export_error_quark ())
typedef enum
{
  CA_EXPORT_ERROR_FORMAT,      /* unknown extension */
  CA_EXPORT_ERROR_SIZE,        /* size or DPI out of range */
  CA_EXPORT_ERROR_WRITE,       /* cannot write the file */
  CA_EXPORT_ERROR_CANCELLED,
} CaExportError;
GQuark ca_export_error_quark (void);

typedef enum
{
  CA_EXPORT_PNG,
  CA_EXPORT_PDF,
  CA_EXPORT_SVG,
} CaExportFormat;

typedef enum
{
  CA_PAPER_A4,
  CA_PAPER_A3,
} CaPaper;

typedef struct
{
  CaLang   lang;
  double   dpi;          /* PNG resolution, default 150 */
  CaPaper  paper;        /* default A4 */
  gboolean landscape;
  int      width_px;     /* > 0 with height_px: exact pixel size, overrides paper */
  int      height_px;
  gboolean world_file;   /* PNG only: also FILE.pgw and FILE.prj */
} CaExportOptions;

void     ca_export_options_init (CaExportOptions *options);
/* From the file name's extension (.png, .pdf, .svg; case-insensitive). */
gboolean ca_export_format_from_path (const char *path, CaExportFormat *format, GError **error);

gboolean ca_export_figure (const char            *figure_id,
                           CaAnalysis            *analysis,
                           CaBasemap             *basemap,
                           const CaExportOptions *options,
                           const char            *path,
                           GError               **error);

/* One figure into several files at once (e.g. fig.png and fig.pdf), on
 * as many threads as there are processors; a world file goes with each PNG
 * when @options asks for one. Every file is complete or absent; the error
 * is the first failing file's, in the order of @paths. */
gboolean ca_export_figure_to (const char            *figure_id,
                              CaAnalysis            *analysis,
                              CaBasemap             *basemap,
                              const CaExportOptions *options,
                              const char * const    *paths,
                              GError               **error);
/* Every figure into @directory as <id>.<extension> for each of @extensions
 * (NULL-terminated: {"png", "pdf", NULL}), two figures at a time; @progress
 * (may be NULL) is called after each figure with the count done, from the
 * thread that drew it, one call at a time; @cancelled (may be NULL) is
 * asked, also one call at a time, before each figure begins: once it
 * answers TRUE no more figures begin, those begun are finished. Both get
 * @data. */
gboolean ca_export_all (CaAnalysis            *analysis,
                        CaBasemap             *basemap,
                        const CaExportOptions *options,
                        const char            *directory,
                        const char * const    *extensions,
                        void                 (*progress) (guint done, guint total, gpointer data),
                        gboolean             (*cancelled) (gpointer data),
                        gpointer               data,
                        GError               **error);

G_END_DECLS
