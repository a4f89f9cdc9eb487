/* ca-cli-export.c — `cluster-atlas export`: one figure, or all of them,
 * to PNG (optionally with a world file), PDF or SVG. Several outputs
 * (`-o map.png -o map.pdf`, or `--format png,pdf` with all figures) share
 * one load of the data and one analysis, as GMT's `gmt begin NAME png,pdf`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ca-analysis.h"
#include "ca-basemap.h"
#include "ca-cli.h"
#include "ca-cli-export.h"
#include "ca-export.h"
#include "ca-render-fonts.h"

#define COMMAND "export"
#define FIGURE_ALL "all"

typedef struct
{
  char    *figure;
  char   **outputs;
  char    *lang;
  double   dpi;
  char    *paper;
  gboolean landscape;
  int      width;
  int      height;
  char    *boundaries;
  char    *project;
  gboolean world_file;
  char   **sets;
  char    *format;
  /* What check_args made of them. */
  GArray  *formats;      /* CaExportFormat, one per output (per --format with all) */
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->figure);
  g_strfreev (args->outputs);
  g_free (args->lang);
  g_free (args->paper);
  g_free (args->boundaries);
  g_free (args->project);
  g_strfreev (args->sets);
  g_free (args->format);
  g_clear_pointer (&args->formats, g_array_unref);
}

static gboolean
usage_error (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError    **error,
             const char *format,
             ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE, message);
  return FALSE;
}

static gboolean
check_figure (const char *figure,
              GError    **error)
{
  g_autofree char *ids = NULL;

  if (figure == NULL)
    return usage_error (error, _("--figure is required"));
  if (g_str_equal (figure, FIGURE_ALL) || ca_figure_id_is_valid (figure))
    return TRUE;
  ids = g_strjoinv (", ", (char **) ca_figure_get_ids ());
  return usage_error (error, _("--figure “%s”: expected one of %s or %s"), figure, ids, FIGURE_ALL);
}

static gboolean
parse_format (const char     *text,
              CaExportFormat *format,
              GError        **error)
{
  g_autofree char *fake = g_strconcat ("x.", text, NULL);

  if (ca_export_format_from_path (fake, format, NULL))
    return TRUE;
  return usage_error (error, _("--format “%s”: expected png, pdf or svg"), text);
}

static gboolean
formats_contain (GArray        *formats,
                 CaExportFormat format)
{
  for (guint i = 0; i < formats->len; i++)
    if (g_array_index (formats, CaExportFormat, i) == format)
      return TRUE;
  return FALSE;
}

/* --format with all figures: "png", or several as "png,pdf". */
static gboolean
parse_format_list (const char *text,
                   GArray     *formats,
                   GError    **error)
{
  g_auto (GStrv) names = g_strsplit (text, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      CaExportFormat format;

      if (!parse_format (g_strstrip (names[i]), &format, error))
        return FALSE;
      if (!formats_contain (formats, format))
        g_array_append_val (formats, format);
    }
  return TRUE;
}

/* One figure: the format of each --output follows its extension; --format,
 * if given, must agree with every one. */
static gboolean
check_output_formats (ExportArgs *args,
                      GError    **error)
{
  CaExportFormat wanted = CA_EXPORT_PNG;

  if (args->format != NULL && !parse_format (args->format, &wanted, error))
    return FALSE;
  for (guint i = 0; args->outputs[i] != NULL; i++)
    {
      CaExportFormat format;

      if (!ca_export_format_from_path (args->outputs[i], &format, NULL))
        return usage_error (error, _("--output “%s”: the name must end in .png, .pdf or .svg"),
                            args->outputs[i]);
      if (args->format != NULL && wanted != format)
        return usage_error (error, _("--format “%s” does not match --output “%s”"),
                            args->format, args->outputs[i]);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (args->outputs[i], args->outputs[j]))
          return usage_error (error, _("--output “%s” is given twice"), args->outputs[i]);
      g_array_append_val (args->formats, format);
    }
  return TRUE;
}

/* Everything that can be checked before any data is read, so that bad
 * usage is reported as such whatever state the data is in. */
static gboolean
check_args (ExportArgs      *args,
            CaExportOptions *options,
            GError         **error)
{
  gboolean all;

  ca_export_options_init (options);
  args->formats = g_array_new (FALSE, FALSE, sizeof (CaExportFormat));
  if (!check_figure (args->figure, error))
    return FALSE;
  all = g_str_equal (args->figure, FIGURE_ALL);
  if (args->outputs == NULL)
    return usage_error (error, all ? _("--output DIR is required") : _("--output FILE is required"));
  if (all && args->outputs[1] != NULL)
    return usage_error (error, _("--figure all writes into one folder: give --output DIR once"));
  if (args->lang != NULL && !ca_cli_parse_lang (args->lang, &options->lang, error))
    return FALSE;
  if (args->paper != NULL)
    {
      if (g_ascii_strcasecmp (args->paper, "A4") == 0)
        options->paper = CA_PAPER_A4;
      else if (g_ascii_strcasecmp (args->paper, "A3") == 0)
        options->paper = CA_PAPER_A3;
      else
        return usage_error (error, _("--paper “%s”: expected A4 or A3"), args->paper);
    }
  if ((args->width != 0) != (args->height != 0))
    return usage_error (error, _("--width and --height go together"));
  if (args->width < 0 || args->height < 0)
    return usage_error (error, _("--width and --height must be positive"));
  options->landscape = args->landscape;
  options->width_px = args->width;
  options->height_px = args->height;
  if (args->dpi != 0)
    options->dpi = args->dpi;
  options->world_file = args->world_file;

  if (all)
    {
      if (!parse_format_list (args->format != NULL ? args->format : "png", args->formats, error))
        return FALSE;
    }
  else
    {
      if (!check_output_formats (args, error))
        return FALSE;
      if (args->world_file && !ca_figure_is_map (args->figure))
        return usage_error (error, _("--world-file: “%s” is a diagram, not a map"), args->figure);
    }
  if (args->world_file && !formats_contain (args->formats, CA_EXPORT_PNG))
    return usage_error (error, _("--world-file goes only with PNG output"));
  return TRUE;
}

/* The export module refuses bad sizes and formats; those come from the
 * arguments, so they count as usage errors. */
static int
fail (GError *error)
{
  if (error->domain == CA_EXPORT_ERROR &&
      (error->code == CA_EXPORT_ERROR_SIZE || error->code == CA_EXPORT_ERROR_FORMAT))
    {
      g_autoptr (GError) usage = g_error_new_literal (CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                                                      error->message);

      return ca_cli_fail (COMMAND, usage);
    }
  return ca_cli_fail (COMMAND, error);
}

static gboolean
prepare_directory (const char *dir,
                   GError    **error)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* All the outputs at once: each figure is drawn for its several files
 * on several threads (see ca_export_figure_to). */
static gboolean
write_outputs (ExportArgs            *args,
               CaAnalysis            *analysis,
               CaBasemap             *basemap,
               const CaExportOptions *options,
               GError               **error)
{
  static const char * const extensions[] = { "png", "pdf", "svg" };
  g_autoptr (GPtrArray) wanted = NULL;

  if (!g_str_equal (args->figure, FIGURE_ALL))
    return ca_export_figure_to (args->figure, analysis, basemap, options,
                                (const char * const *) args->outputs, error);
  if (!prepare_directory (args->outputs[0], error))
    return FALSE;
  wanted = g_ptr_array_new ();
  for (guint i = 0; i < args->formats->len; i++)
    g_ptr_array_add (wanted, (gpointer) extensions[g_array_index (args->formats, CaExportFormat, i)]);
  g_ptr_array_add (wanted, NULL);
  return ca_export_all (analysis, basemap, options, args->outputs[0],
                        (const char * const *) wanted->pdata, NULL, NULL, NULL, error);
}

static gpointer
make_fonts_current (gpointer data)
{
  (void) data;
  ca_render_fonts_make_current ();
  return NULL;
}

/* The project and, for a map, the basemap; NULL on error. */
static CaDataset *
load_data (ExportArgs *args,
           CaBasemap **basemap,
           GError    **error)
{
  g_autoptr (CaDataset) dataset = ca_cli_load_dataset (args->project, error);

  if (dataset == NULL || !ca_cli_apply_sets (dataset, args->sets, error))
    return NULL;
  if (g_str_equal (args->figure, FIGURE_ALL) || ca_figure_is_map (args->figure))
    {
      *basemap = ca_basemap_load (dataset, args->boundaries, error);
      if (*basemap == NULL)
        return NULL;
    }
  return g_steal_pointer (&dataset);
}

static gboolean
run_export (ExportArgs            *args,
            const CaExportOptions *options,
            GError               **error)
{
  g_autoptr (CaDataset) dataset = NULL;
  g_autoptr (CaBasemap) basemap = NULL;
  g_autoptr (CaAnalysis) analysis = NULL;
  /* This process draws nothing but figures: fontconfig need not load the
   * system's rules (see ca-render-fonts.c). Its own set-up (2 ms) runs
   * beside the project's loading, before any figure makes a font map. */
  GThread *fonts = g_thread_try_new ("ca-fonts", make_fonts_current, NULL, NULL);

  dataset = load_data (args, &basemap, error);
  if (fonts != NULL)
    g_thread_join (fonts);
  else
    ca_render_fonts_make_current ();
  if (dataset == NULL)
    return FALSE;
  analysis = ca_analysis_new (dataset);
  return write_outputs (args, analysis, basemap, options, error);
}

int
ca_cli_export (int    argc,
               char **argv)
{
  ExportArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "figure", 'f', 0, G_OPTION_ARG_STRING, &args.figure,
      N_("Figure to export: infrastructure, industry, innovation, favourability, clusters, metallurgy-structure, or all"),
      N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME_ARRAY, &args.outputs,
      N_("File to write (.png, .pdf or .svg; repeatable); a folder with --figure all"),
      N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &args.lang,
      N_("Language of the figure: ru, kk or en (default ru)"), N_("LANG") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &args.dpi,
      N_("PNG resolution, 30–1200 (default 150)"), N_("N") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper,
      N_("Page size: A4 or A3 (default A4)"), N_("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &args.landscape,
      N_("Landscape page"), NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width,
      N_("Exact image width in pixels (with --height), instead of a paper size"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height,
      N_("Exact image height in pixels (with --width)"), N_("PX") },
    { "boundaries", 'b', 0, G_OPTION_ARG_FILENAME, &args.boundaries,
      N_("District boundaries to draw (default: aktobe_districts.shp from $CLUSTER_ATLAS_MAPS)"),
      N_("FILE.shp") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &args.project,
      N_("Open this project instead of the bundled Aktobe data"), N_("FILE") },
    { "world-file", 0, 0, G_OPTION_ARG_NONE, &args.world_file,
      N_("Also write FILE.pgw and FILE.prj to georeference a PNG map"), NULL },
    { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &args.sets,
      N_("Change one value first, e.g. AKT.infrastructure=4.2 (repeatable)"),
      N_("CODE.INDICATOR=VALUE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format,
      N_("With --figure all: png, pdf or svg, or several as png,pdf (default png)"),
      N_("FORMAT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  CaExportOptions options;
  int status = CA_EXIT_OK;

  g_option_context_set_summary (context,
                                _("Write a figure to PNG, PDF or SVG, or every figure into a folder."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = ca_cli_fail (COMMAND, error);
  else if (argc > 1)
    {
      usage_error (&error, _("unexpected argument “%s”"), argv[1]);
      status = ca_cli_fail (COMMAND, error);
    }
  else if (!check_args (&args, &options, &error) ||
           !run_export (&args, &options, &error))
    status = fail (error);

  export_args_clear (&args);
  return status;
}
