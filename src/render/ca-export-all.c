/* ca-export-all.c — every figure into a folder, two at a time.
 *
 * A figure's several files can be drawn at once (ca_export_figure_on), but
 * with a single format that would leave a second core idle, so figures
 * run two at a time, sharing the processors between them. Not more: each
 * figure in flight holds its pages while they are drawn, and the export
 * keeps within 40 MiB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-export-private.h"

#define MAX_FIGURES_AT_ONCE 2

typedef struct
{
  CaAnalysis            *analysis;
  CaBasemap             *basemap;
  const CaExportOptions *options;
  const char            *directory;
  const char * const    *extensions;
  gboolean               any_png;
  const char * const    *ids;
  guint                  total;
  void                 (*progress) (guint done, guint total, gpointer data);
  gboolean             (*cancelled) (gpointer data);
  gpointer               data;      /* for both */
  guint                  threads_each; /* the processors' share of each figure in flight */

  GMutex                 mutex;      /* guards what follows */
  guint                  next;       /* the next figure to start */
  guint                  done;
  gboolean               failed;
  GError               **errors;     /* one per figure */
} AllFigures;

/* Figure @i into its files, one per extension. */
static gboolean
export_figure (AllFigures *all,
               guint       i,
               GError    **error)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  CaExportOptions options = *all->options;

  for (guint e = 0; all->extensions[e] != NULL; e++)
    {
      g_autofree char *name = g_strconcat (all->ids[i], ".", all->extensions[e], NULL);

      g_ptr_array_add (paths, g_build_filename (all->directory, name, NULL));
    }
  g_ptr_array_add (paths, NULL);
  /* World files only make sense for the maps' PNGs. */
  options.world_file = options.world_file && all->any_png && ca_figure_is_map (all->ids[i]);
  return ca_export_figure_on (all->ids[i], all->analysis, all->basemap, &options,
                              (const char * const *) paths->pdata, all->threads_each, error);
}

/* Takes figures until none is left, one has failed or the export is
 * cancelled; the figures begun are finished, each file whole or absent. */
static gpointer
export_figures (gpointer data)
{
  AllFigures *all = data;

  for (;;)
    {
      guint i;
      gboolean ok;

      g_mutex_lock (&all->mutex);
      if (all->failed || all->next == all->total ||
          (all->cancelled != NULL && all->cancelled (all->data)))
        {
          g_mutex_unlock (&all->mutex);
          return NULL;
        }
      i = all->next++;
      g_mutex_unlock (&all->mutex);
      ok = export_figure (all, i, &all->errors[i]);
      g_mutex_lock (&all->mutex);
      if (!ok)
        all->failed = TRUE;
      else if (all->progress != NULL)
        all->progress (++all->done, all->total, all->data);
      else
        all->done++;
      g_mutex_unlock (&all->mutex);
    }
}

/* The first figure's error in figure order, else the cancellation. */
static gboolean
take_result (AllFigures *all,
             GError    **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < all->total; i++)
    {
      if (ok && all->errors[i] != NULL)
        {
          g_propagate_error (error, all->errors[i]);
          ok = FALSE;
        }
      else
        g_clear_error (&all->errors[i]);
    }
  if (ok && all->done < all->total)
    {
      g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_CANCELLED,
                   _("Export cancelled after %u of %u figures"), all->done, all->total);
      ok = FALSE;
    }
  return ok;
}

gboolean
ca_export_all (CaAnalysis            *analysis,
               CaBasemap             *basemap,
               const CaExportOptions *options,
               const char            *directory,
               const char * const    *extensions,
               void                 (*progress) (guint done, guint total, gpointer data),
               gboolean             (*cancelled) (gpointer data),
               gpointer               data,
               GError               **error)
{
  AllFigures all = { analysis, basemap, options, directory, extensions, FALSE, ca_figure_get_ids (),
                     0, progress, cancelled, data };
  guint n_at_once;
  gboolean ok;

  g_return_val_if_fail (CA_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (extensions != NULL && extensions[0] != NULL, FALSE);

  if (!g_file_test (directory, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE,
                   _("Cannot write into “%s”: not a folder"), directory);
      return FALSE;
    }
  for (guint e = 0; extensions[e] != NULL; e++)
    all.any_png = all.any_png || g_ascii_strcasecmp (extensions[e], "png") == 0;
  all.total = g_strv_length ((char **) all.ids);
  all.errors = g_new0 (GError *, all.total);
  g_mutex_init (&all.mutex);
  /* Drawing only reads the analysis once it is up to date. */
  ca_analysis_update (analysis);
  n_at_once = MIN (MIN (all.total, g_get_num_processors ()), MAX_FIGURES_AT_ONCE);
  all.threads_each = MAX (g_get_num_processors () / MAX (n_at_once, 1), 1);
  ca_export_run_threads ("ca-export-all", export_figures, &all, n_at_once);
  ok = take_result (&all, error);
  g_mutex_clear (&all.mutex);
  g_free (all.errors);
  return ok;
}
