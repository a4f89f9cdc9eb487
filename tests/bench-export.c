/* bench-export.c — for tools/bench: the PNG (150 dpi, A4) and the PDF of
 * the infrastructure figure from one process, the way GMT's session and
 * the geopandas script each make both: load the project and the
 * boundaries once, export twice.
 *
 *   bench-export DISTRICTS.shp OUTPUT_PREFIX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-export.h"
#include "ca-project.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CaDataset) dataset = NULL;
  g_autoptr (CaBasemap) basemap = NULL;
  g_autoptr (CaAnalysis) analysis = NULL;
  g_autofree char *png = NULL, *pdf = NULL;
  CaExportOptions options;

  if (argc != 3)
    {
      g_printerr ("usage: bench-export DISTRICTS.shp OUTPUT_PREFIX\n");
      return 2;
    }
  png = g_strconcat (argv[2], ".png", NULL);
  pdf = g_strconcat (argv[2], ".pdf", NULL);
  ca_export_options_init (&options);
  if ((dataset = ca_project_load_default (&error)) == NULL ||
      (basemap = ca_basemap_load (dataset, argv[1], &error)) == NULL ||
      (analysis = ca_analysis_new (dataset)) == NULL ||
      !ca_export_figure (CA_FIGURE_INFRASTRUCTURE, analysis, basemap, &options, png, &error) ||
      !ca_export_figure (CA_FIGURE_INFRASTRUCTURE, analysis, basemap, &options, pdf, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  return 0;
}
