/* ca-export-png.c — a page into a PNG, band by band, on one thread or two.
 *
 * The page is recorded once as drawing commands, in pixels (so that the
 * map's clip falls on whole pixels and its outlines are simplified to the
 * pixel), then rasterised band by band into the PNG encoder, which never
 * holds the whole image.
 *
 * Rasterising is most of a PNG's work (at 150 dpi 75 M of Fig. 1's 210 M
 * instructions; at 300 dpi four times that), so when a second core would
 * otherwise idle — a single file exported — two threads share the bands.
 * A cairo surface serves one thread at a time: each thread records the
 * page on its own (the drawing runs side by side, so it costs no time),
 * then takes the next band not yet taken, rasterises it into its own band
 * image and hands it to the encoder in turn. At most one band per thread
 * is in flight, whatever the image's size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-export-private.h"
#include "ca-png-writer.h"

/* Rows rasterised at a time: as many as fit in BAND_BYTES, at least
 * MIN_BAND_ROWS. Each band replays every drawing command that reaches it,
 * so fewer bands cost less, but the image must stay small beside the
 * 40 MiB the whole export may use: a 150 dpi A4 page (8.3 MiB) goes in
 * four bands of 2.5 MiB rather than seven of 1.2 MiB, and 20000 px a side
 * stays possible. */
#define BAND_BYTES    (2560 << 10)
#define MIN_BAND_ROWS 64
/* Each thread holds a recording of the page and a band. */
#define MAX_THREADS 2

typedef struct
{
  /* What every thread draws. */
  const char            *figure_id;
  CaAnalysis            *analysis;
  CaBasemap             *basemap;
  const CaExportOptions *options;
  const CaExportPage    *page;
  CaExportFile          *file;
  int                    rows;        /* a band's */
  int                    n_bands;
  gint                   next_taken;  /* the next band a thread takes (atomic) */

  GMutex                 lock;        /* guards what follows */
  GCond                  turn;
  CaPngWriter           *writer;      /* fed the bands in order */
  int                    next_written;
  GError                *error;       /* the first failure: every thread stops */
} Raster;

typedef struct
{
  Raster         *raster;
  CaMapPlacement *placement;   /* one thread's: where the map lies */
} Worker;

static int
band_rows (const CaExportPage *page)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, page->width_px);

  return MIN (MAX (BAND_BYTES / MAX (stride, 1), MIN_BAND_ROWS), page->height_px);
}

/* Keeps the first failure (taking @error) and wakes the threads waiting
 * for their turn, which then stop. */
static void
raster_fail (Raster *raster,
             GError *error)
{
  g_mutex_lock (&raster->lock);
  if (raster->error == NULL)
    raster->error = error;
  else
    g_error_free (error);
  g_cond_broadcast (&raster->turn);
  g_mutex_unlock (&raster->lock);
}

static gboolean
raster_failed (Raster *raster)
{
  gboolean failed;

  g_mutex_lock (&raster->lock);
  failed = raster->error != NULL;
  g_mutex_unlock (&raster->lock);
  return failed;
}

/* The page as drawing commands in pixels, or NULL with @error set. */
static cairo_surface_t *
record_page (Raster         *raster,
             CaMapPlacement *placement,
             GError        **error)
{
  cairo_rectangle_t extents = { 0, 0, raster->page->width_px, raster->page->height_px };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, &extents);
  cairo_t *cr = cairo_create (recording);
  gboolean ok = ca_export_draw_page (raster->figure_id, raster->analysis, raster->basemap,
                                     raster->options, cr, raster->page, placement, error);

  cairo_destroy (cr);
  ok = ok && ca_export_check_cairo (cairo_surface_status (recording), raster->file, error);
  if (!ok)
    g_clear_pointer (&recording, cairo_surface_destroy);
  return recording;
}

/* Band @band of @recording into @image. */
static void
rasterise_band (Raster          *raster,
                cairo_surface_t *recording,
                cairo_surface_t *image,
                int              band)
{
  cairo_t *cr = cairo_create (image);

  /* No clearing first: the page begins by painting itself white. */
  cairo_translate (cr, 0, -band * raster->rows);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
}

/* Gives band @band, in @image, to the encoder once the bands before it
 * have gone; FALSE once anything has failed. */
static gboolean
hand_over (Raster          *raster,
           cairo_surface_t *image,
           int              band)
{
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&raster->lock);
  while (raster->error == NULL && raster->next_written != band)
    g_cond_wait (&raster->turn, &raster->lock);
  ok = raster->error == NULL &&
       ca_png_writer_add_rows (raster->writer, cairo_image_surface_get_data (image),
                               cairo_image_surface_get_stride (image),
                               MIN (raster->rows, raster->page->height_px - band * raster->rows),
                               &error);
  if (ok)
    raster->next_written++;
  else if (error != NULL && raster->error == NULL)
    raster->error = error;
  else
    g_clear_error (&error);
  g_cond_broadcast (&raster->turn);
  g_mutex_unlock (&raster->lock);
  return ok;
}

static gpointer
rasterise (gpointer data)
{
  Worker *worker = data;
  Raster *raster = worker->raster;
  GError *error = NULL;
  cairo_surface_t *recording = record_page (raster, worker->placement, &error);
  cairo_surface_t *image;
  int band;

  if (recording == NULL)
    {
      raster_fail (raster, error);
      return NULL;
    }
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, raster->page->width_px, raster->rows);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    raster_fail (raster, g_error_new (CA_EXPORT_ERROR, CA_EXPORT_ERROR_SIZE,
                                      _("Cannot make a %d px wide image"), raster->page->width_px));
  while (!raster_failed (raster) &&
         (band = g_atomic_int_add (&raster->next_taken, 1)) < raster->n_bands)
    {
      rasterise_band (raster, recording, image, band);
      if (!hand_over (raster, image, band))
        break;
    }
  cairo_surface_destroy (image);
  cairo_surface_destroy (recording);
  return NULL;
}

gboolean
ca_export_write_png (const char            *figure_id,
                     CaAnalysis            *analysis,
                     CaBasemap             *basemap,
                     const CaExportOptions *options,
                     const CaExportPage    *page,
                     guint                  n_threads,
                     CaExportFile          *file,
                     CaMapPlacement        *placement,
                     GError               **error)
{
  Raster raster = { figure_id, analysis, basemap, options, page, file };
  Worker workers[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  g_autoptr (GError) local = NULL;
  gboolean ok;

  raster.rows = band_rows (page);
  raster.n_bands = (page->height_px + raster.rows - 1) / raster.rows;
  raster.writer = ca_png_writer_new (page->width_px, page->height_px, options->dpi,
                                     ca_export_file_write, file);
  g_mutex_init (&raster.lock);
  g_cond_init (&raster.turn);
  n_threads = CLAMP (n_threads, 1, MIN (MAX_THREADS, (guint) raster.n_bands));
  for (guint t = 0; t < n_threads; t++)
    workers[t] = (Worker) { &raster, t == 0 ? placement : NULL };
  /* A thread that cannot start leaves its bands to the others. */
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_try_new ("ca-raster", rasterise, &workers[t], NULL);
  rasterise (&workers[0]);
  for (guint t = 1; t < n_threads; t++)
    if (threads[t] != NULL)
      g_thread_join (threads[t]);

  local = g_steal_pointer (&raster.error);
  ok = local == NULL && ca_png_writer_finish (raster.writer, &local);
  ca_png_writer_free (raster.writer);
  g_cond_clear (&raster.turn);
  g_mutex_clear (&raster.lock);
  if (!ok && file->write_errno != 0)
    ca_export_set_write_error (error, file->path, file->write_errno);
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));
  return ok && ca_export_file_finish (file, error);
}
