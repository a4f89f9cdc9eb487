/* ca-export-private.h — private to the exporter: the page, and drawing
 * it, shared by ca-export.c and ca-export-png.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-export.h"
#include "ca-export-file.h"

G_BEGIN_DECLS

/* The page in points, and for PNG in pixels. A PNG page is its pixel size
 * times 72/dpi points, so that the drawing, scaled by dpi/72, lays out
 * exactly as in the PDF or SVG of the same paper. */
typedef struct
{
  double width_pt;
  double height_pt;
  int    width_px;
  int    height_px;
  double scale;      /* device pixels per point */
} CaExportPage;

/* Where the map lies on a PNG page, for the world file: the viewport and
 * the map frame's centre in points. */
typedef struct
{
  CaViewport viewport;
  double     frame_centre_x;
  double     frame_centre_y;
} CaMapPlacement;

/* Draws the whole page into @cr (white first), and notes where the map
 * lies in @placement (may be NULL). */
gboolean ca_export_draw_page (const char            *figure_id,
                              CaAnalysis            *analysis,
                              CaBasemap             *basemap,
                              const CaExportOptions *options,
                              cairo_t               *cr,
                              const CaExportPage    *page,
                              CaMapPlacement        *placement,
                              GError               **error);

/* TRUE for CAIRO_STATUS_SUCCESS; else the error, as a write error of
 * @file when one of its writes failed. */
gboolean ca_export_check_cairo (cairo_status_t status,
                                CaExportFile  *file,
                                GError       **error);

/* The PNG of @page into @file, rasterised by up to @n_threads threads
 * (ca-export-png.c); the map's placement into @placement (may be NULL). */
gboolean ca_export_write_png (const char            *figure_id,
                              CaAnalysis            *analysis,
                              CaBasemap             *basemap,
                              const CaExportOptions *options,
                              const CaExportPage    *page,
                              guint                  n_threads,
                              CaExportFile          *file,
                              CaMapPlacement        *placement,
                              GError               **error);

/* ca_export_figure_to on at most @n_threads threads in all (ca_export_all
 * runs figures side by side). */
gboolean ca_export_figure_on (const char            *figure_id,
                              CaAnalysis            *analysis,
                              CaBasemap             *basemap,
                              const CaExportOptions *options,
                              const char * const    *paths,
                              guint                  n_threads,
                              GError               **error);

G_END_DECLS
