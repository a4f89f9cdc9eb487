/* ca-export.c — a figure into a PNG (with an optional world file), PDF or
 * SVG. Every file is written to a temporary name in its destination folder
 * and renamed into place only when complete, so an error never leaves a
 * partial file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ca-export-private.h"

G_DEFINE_QUARK (ca-export-error-quark, ca_export_error)

#define MIN_DPI    30.0
#define MAX_DPI    1200.0
#define MIN_PIXELS 16
#define MAX_PIXELS 20000

/* Paper sizes in millimetres, portrait. */
static const double paper_mm[][2] = {
  [CA_PAPER_A4] = { 210, 297 },
  [CA_PAPER_A3] = { 297, 420 },
};

static const char * const format_extensions[] = {
  [CA_EXPORT_PNG] = "png",
  [CA_EXPORT_PDF] = "pdf",
  [CA_EXPORT_SVG] = "svg",
};

void
ca_export_options_init (CaExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->lang = CA_LANG_RU;
  options->dpi = 150;
  options->paper = CA_PAPER_A4;
}

gboolean
ca_export_format_from_path (const char     *path,
                            CaExportFormat *format,
                            GError        **error)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (format_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, format_extensions[i]) == 0)
      {
        if (format != NULL)
          *format = (CaExportFormat) i;
        return TRUE;
      }
  g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_FORMAT,
               _("%s: unknown file type “%s”; use .png, .pdf or .svg"),
               base, dot != NULL ? dot : "");
  return FALSE;
}

static gboolean
page_size (const CaExportOptions *options,
           CaExportFormat         format,
           CaExportPage          *page,
           GError               **error)
{
  double dpi = options->dpi;

  if (!(dpi >= MIN_DPI && dpi <= MAX_DPI))
    {
      g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_SIZE,
                   _("Resolution %g dpi is outside %g–%g dpi"), dpi, MIN_DPI, MAX_DPI);
      return FALSE;
    }
  if (options->width_px > 0 || options->height_px > 0)
    {
      if (options->width_px < MIN_PIXELS || options->height_px < MIN_PIXELS ||
          options->width_px > MAX_PIXELS || options->height_px > MAX_PIXELS)
        {
          g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_SIZE,
                       _("Image size %d × %d px: both sides must be %d–%d px"),
                       options->width_px, options->height_px, MIN_PIXELS, MAX_PIXELS);
          return FALSE;
        }
      page->width_px = options->width_px;
      page->height_px = options->height_px;
    }
  else
    {
      guint paper = options->paper == CA_PAPER_A3 ? CA_PAPER_A3 : CA_PAPER_A4;
      double w_mm = paper_mm[paper][options->landscape ? 1 : 0];
      double h_mm = paper_mm[paper][options->landscape ? 0 : 1];

      if (format != CA_EXPORT_PNG)
        {
          page->width_pt = w_mm / 25.4 * 72;
          page->height_pt = h_mm / 25.4 * 72;
          page->width_px = page->height_px = 0;
          page->scale = 1;
          return TRUE;
        }
      page->width_px = (int) lround (w_mm / 25.4 * dpi);
      page->height_px = (int) lround (h_mm / 25.4 * dpi);
      if (page->width_px > MAX_PIXELS || page->height_px > MAX_PIXELS)
        {
          g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_SIZE,
                       _("%g dpi makes the image %d × %d px; the limit is %d px a side"),
                       dpi, page->width_px, page->height_px, MAX_PIXELS);
          return FALSE;
        }
    }
  page->scale = dpi / 72;
  page->width_pt = page->width_px / page->scale;
  page->height_pt = page->height_px / page->scale;
  return TRUE;
}

gboolean
ca_export_draw_page (const char            *figure_id,
                     CaAnalysis            *analysis,
                     CaBasemap             *basemap,
                     const CaExportOptions *options,
                     cairo_t               *cr,
                     const CaExportPage    *page,
                     CaMapPlacement        *placement,
                     GError               **error)
{
  CaFigureOptions figure_options;
  g_autoptr (GArray) boxes = NULL;
  gboolean ok;

  ca_figure_options_init (&figure_options);
  figure_options.lang = options->lang;
  figure_options.furniture = TRUE;
  cairo_save (cr);
  cairo_scale (cr, page->scale, page->scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ok = ca_figure_draw_full (figure_id, analysis, basemap, &figure_options, cr,
                            page->width_pt, page->height_pt,
                            placement != NULL ? &placement->viewport : NULL,
                            placement != NULL ? &boxes : NULL, error);
  cairo_restore (cr);
  for (guint i = 0; ok && boxes != NULL && i < boxes->len; i++)
    {
      const CaFigureBox *box = &g_array_index (boxes, CaFigureBox, i);

      if (box->kind == CA_FIGURE_BOX_MAP_FRAME)
        {
          placement->frame_centre_x = box->x + box->width / 2;
          placement->frame_centre_y = box->y + box->height / 2;
        }
    }
  return ok;
}

gboolean
ca_export_check_cairo (cairo_status_t status,
                       CaExportFile  *file,
                       GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (file->write_errno != 0)
    ca_export_set_write_error (error, file->path, file->write_errno);
  else
    g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE,
                 _("Cannot write “%s”: %s"), file->path, cairo_status_to_string (status));
  return FALSE;
}

static cairo_surface_t *
vector_surface_new (CaExportFormat      format,
                    CaExportFile       *file,
                    const CaExportPage *page,
                    const char         *title)
{
  cairo_surface_t *surface;

  if (format == CA_EXPORT_PDF)
    {
      g_autofree char *creator = g_strdup_printf ("Cluster Atlas %s", PACKAGE_VERSION);

      surface = cairo_pdf_surface_create_for_stream (ca_export_file_write, file,
                                                     page->width_pt, page->height_pt);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
      return surface;
    }
  surface = cairo_svg_surface_create_for_stream (ca_export_file_write, file,
                                                 page->width_pt, page->height_pt);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  return surface;
}

static gboolean
write_vector (const char            *figure_id,
              CaAnalysis            *analysis,
              CaBasemap             *basemap,
              const CaExportOptions *options,
              CaExportFormat         format,
              const CaExportPage    *page,
              CaExportFile          *file,
              GError               **error)
{
  g_autofree char *title = ca_figure_get_title (figure_id, analysis, options->lang);
  cairo_surface_t *surface = vector_surface_new (format, file, page, title);
  cairo_t *cr = cairo_create (surface);
  gboolean ok = ca_export_draw_page (figure_id, analysis, basemap, options, cr, page, NULL, error);
  cairo_status_t status;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  return ca_export_check_cairo (status, file, error) && ca_export_file_finish (file, error);
}

/* The six lines of an ESRI world file: pixel width, two rotation terms,
 * negative pixel height, and the map position of the centre of the
 * upper-left pixel. A pixel is metres_per_unit / scale map metres. */
static char *
world_file_text (const CaMapPlacement *placement,
                 double              scale)
{
  const CaViewport *v = &placement->viewport;
  double pixel = v->metres_per_unit / scale;
  double x0 = v->center_x - placement->frame_centre_x * v->metres_per_unit + pixel / 2;
  double y0 = v->center_y + placement->frame_centre_y * v->metres_per_unit - pixel / 2;
  double values[6] = { pixel, 0, 0, -pixel, x0, y0 };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (text, g_ascii_formatd (buf, sizeof buf, i < 4 ? "%.10f" : "%.4f",
                                              values[i]));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* FILE.pgw and FILE.prj beside FILE.png, into @files[0] and @files[1]. */
static gboolean
write_world_files (CaBasemap            *basemap,
                   const CaMapPlacement *placement,
                   const CaExportPage   *page,
                   const char           *path,
                   CaExportFile         *files,
                   GError              **error)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *stem = g_strndup (path, (gsize) (dot - path));
  g_autofree char *pgw_path = g_strconcat (stem, ".pgw", NULL);
  g_autofree char *prj_path = g_strconcat (stem, ".prj", NULL);
  g_autofree char *world = world_file_text (placement, page->scale);
  g_autofree char *wkt = ca_projection_to_wkt (ca_basemap_get_projection (basemap), error);

  if (wkt == NULL)
    return FALSE;
  return ca_export_file_open (&files[0], pgw_path, error) &&
         ca_export_file_write_string (&files[0], world, error) &&
         ca_export_file_open (&files[1], prj_path, error) &&
         ca_export_file_write_string (&files[1], wkt, error);
}

/* One file (with its world files), a PNG rasterised on up to @n_threads
 * threads: ca_export_figure without the checks of its arguments. */
static gboolean
export_one (const char            *figure_id,
            CaAnalysis            *analysis,
            CaBasemap             *basemap,
            const CaExportOptions *options,
            const char            *path,
            guint                  n_threads,
            GError               **error)
{
  CaExportFile files[3] = { { .fd = -1 }, { .fd = -1 }, { .fd = -1 } };
  CaExportFormat format;
  CaExportPage page;
  CaMapPlacement placement = { 0 };
  guint n_files = 1;
  gboolean ok;

  if (!ca_export_format_from_path (path, &format, error) ||
      !page_size (options, format, &page, error))
    return FALSE;
  if (options->world_file && (format != CA_EXPORT_PNG || !ca_figure_is_map (figure_id)))
    {
      g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_FORMAT,
                   _("%s: a world file goes only with a PNG of a map figure"), path);
      return FALSE;
    }
  if (!ca_export_file_open (&files[0], path, error))
    return FALSE;
  if (format == CA_EXPORT_PNG)
    ok = ca_export_write_png (figure_id, analysis, basemap, options, &page, n_threads, &files[0],
                              options->world_file ? &placement : NULL, error);
  else
    ok = write_vector (figure_id, analysis, basemap, options, format, &page, &files[0], error);
  if (ok && options->world_file)
    {
      ok = write_world_files (basemap, &placement, &page, path, &files[1], error);
      n_files = 3;
    }
  ok = ok && ca_export_files_commit (files, n_files, error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    ca_export_file_clear (&files[i]);
  return ok;
}

gboolean
ca_export_figure (const char            *figure_id,
                  CaAnalysis            *analysis,
                  CaBasemap             *basemap,
                  const CaExportOptions *options,
                  const char            *path,
                  GError               **error)
{
  g_return_val_if_fail (figure_id != NULL, FALSE);
  g_return_val_if_fail (CA_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A PNG is drawn by two threads at once, which only read the analysis
   * once it is up to date. */
  ca_analysis_update (analysis);
  return export_one (figure_id, analysis, basemap, options, path, g_get_num_processors (), error);
}

/* The outputs of one figure, shared by the threads that write them: each
 * thread takes the next output not yet taken until none is left. */
typedef struct
{
  const char      *figure_id;
  CaAnalysis      *analysis;
  CaBasemap       *basemap;
  CaExportOptions *options;    /* one per output */
  const char      *const *paths;
  GError         **errors;     /* one per output */
  guint            n;
  guint            threads_each; /* for rasterising a PNG */
  gint             next;
} Outputs;

static gpointer
write_outputs (gpointer data)
{
  Outputs *outputs = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&outputs->next, 1)) < outputs->n)
    export_one (outputs->figure_id, outputs->analysis, outputs->basemap, &outputs->options[i],
                outputs->paths[i], outputs->threads_each, &outputs->errors[i]);
  return NULL;
}

void
ca_export_run_threads (const char  *name,
                       GThreadFunc  work,
                       gpointer     data,
                       guint        n_threads)
{
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();

  for (guint t = 1; t < n_threads; t++)
    {
      GThread *thread = g_thread_try_new (name, work, data, NULL);

      if (thread == NULL)
        break;
      g_ptr_array_add (threads, thread);
    }
  work (data);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);
}

/* Each output's options: the world file goes with the PNGs only. */
static CaExportOptions *
options_per_output (const CaExportOptions *options,
                    const char            *figure_id,
                    const char * const    *paths,
                    guint                  n,
                    GError               **error)
{
  g_autofree CaExportOptions *each = g_new (CaExportOptions, n);
  gboolean any_png = FALSE;

  for (guint i = 0; i < n; i++)
    {
      CaExportFormat format;

      if (!ca_export_format_from_path (paths[i], &format, error))
        return NULL;
      each[i] = *options;
      each[i].world_file = options->world_file && format == CA_EXPORT_PNG;
      any_png = any_png || format == CA_EXPORT_PNG;
    }
  if (options->world_file && (!any_png || !ca_figure_is_map (figure_id)))
    {
      g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_FORMAT,
                   _("%s: a world file goes only with a PNG of a map figure"), paths[0]);
      return NULL;
    }
  return g_steal_pointer (&each);
}

gboolean
ca_export_figure_to (const char            *figure_id,
                     CaAnalysis            *analysis,
                     CaBasemap             *basemap,
                     const CaExportOptions *options,
                     const char * const    *paths,
                     GError               **error)
{
  return ca_export_figure_on (figure_id, analysis, basemap, options, paths,
                              g_get_num_processors (), error);
}

gboolean
ca_export_figure_on (const char            *figure_id,
                     CaAnalysis            *analysis,
                     CaBasemap             *basemap,
                     const CaExportOptions *options,
                     const char * const    *paths,
                     guint                  n_threads,
                     GError               **error)
{
  Outputs outputs = { figure_id, analysis, basemap, NULL, paths, NULL, 0, 1, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (figure_id != NULL, FALSE);
  g_return_val_if_fail (CA_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, FALSE);

  outputs.n = g_strv_length ((char **) paths);
  outputs.options = options_per_output (options, figure_id, paths, outputs.n, error);
  if (outputs.options == NULL)
    return FALSE;
  outputs.errors = g_new0 (GError *, outputs.n);
  /* Drawing only reads the analysis once it is up to date. */
  ca_analysis_update (analysis);
  /* One thread a file; a single PNG takes the threads left over. */
  outputs.threads_each = MAX (n_threads / outputs.n, 1);
  ca_export_run_threads ("ca-export", write_outputs, &outputs, MIN (outputs.n, MAX (n_threads, 1)));
  for (guint i = 0; i < outputs.n; i++)
    {
      if (ok && outputs.errors[i] != NULL)
        {
          g_propagate_error (error, outputs.errors[i]);
          ok = FALSE;
        }
      else
        g_clear_error (&outputs.errors[i]);
    }
  g_free (outputs.errors);
  g_free (outputs.options);
  return ok;
}
