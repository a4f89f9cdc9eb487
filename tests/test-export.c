/* test-export.c — the exporter and `cluster-atlas export`: page sizes in
 * pixels, PDF text and metadata, well-formed SVG, world-file arithmetic
 * checked against the map itself, atomic writes and the CLI's exit codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ca-export.h"
#include "ca-export-private.h"
#include "ca-figure-private.h"
#include "ca-project.h"
#include "test-tmpdir.h"

typedef struct
{
  CaDataset  *dataset;
  CaAnalysis *analysis;
  CaBasemap  *basemap;   /* NULL without the map data */
  char       *dir;       /* scratch folder, removed afterwards */
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dataset = ca_project_load_default (&error);
  g_assert_no_error (error);
  fixture->analysis = ca_analysis_new (fixture->dataset);
  if (g_getenv ("CLUSTER_ATLAS_MAPS") != NULL)
    {
      fixture->basemap = ca_basemap_load (fixture->dataset, NULL, &error);
      g_assert_no_error (error);
    }
  fixture->dir = g_dir_make_tmp ("ca-test-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->basemap);
  g_clear_object (&fixture->analysis);
  g_clear_object (&fixture->dataset);
}

static gboolean
need_maps (Fixture *fixture)
{
  if (fixture->basemap != NULL)
    return TRUE;
  g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The folder's entries, sorted and joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_format_from_path (void)
{
  g_autoptr (GError) error = NULL;
  CaExportFormat format;

  g_assert_true (ca_export_format_from_path ("/a/b/fig.png", &format, NULL));
  g_assert_cmpint (format, ==, CA_EXPORT_PNG);
  g_assert_true (ca_export_format_from_path ("fig.PDF", &format, NULL));
  g_assert_cmpint (format, ==, CA_EXPORT_PDF);
  g_assert_true (ca_export_format_from_path ("x.y/fig.Svg", &format, NULL));
  g_assert_cmpint (format, ==, CA_EXPORT_SVG);
  g_assert_false (ca_export_format_from_path ("fig.jpg", &format, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "fig.jpg"));
  g_clear_error (&error);
  g_assert_false (ca_export_format_from_path ("x.png/fig", &format, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_FORMAT);
}

static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

static void
export_ok (Fixture               *fixture,
           const char            *figure,
           const CaExportOptions *options,
           const char            *path)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ca_export_figure (figure, fixture->analysis, fixture->basemap, options, path,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A4 is 210 × 297 mm: at 150 dpi 1240.2 × 1753.9 px, rounded 1240 × 1754;
 * A3 (297 × 420 mm) at 100 dpi is 1169.3 × 1653.5, rounded 1169 × 1654. */
static void
test_png_size (Fixture      *fixture,
               gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fig5.png", NULL);
  CaExportOptions options;
  int w, h;

  ca_export_options_init (&options);
  g_assert_cmpfloat (options.dpi, ==, 150);
  export_ok (fixture, CA_FIGURE_METALLURGY, &options, path);
  png_size (path, &w, &h);
  g_assert_cmpint (w, ==, 1240);
  g_assert_cmpint (h, ==, 1754);

  options.landscape = TRUE;
  export_ok (fixture, CA_FIGURE_METALLURGY, &options, path);
  png_size (path, &w, &h);
  g_assert_cmpint (w, ==, 1754);
  g_assert_cmpint (h, ==, 1240);

  options.landscape = FALSE;
  options.paper = CA_PAPER_A3;
  options.dpi = 100;
  export_ok (fixture, CA_FIGURE_METALLURGY, &options, path);
  png_size (path, &w, &h);
  g_assert_cmpint (w, ==, 1169);
  g_assert_cmpint (h, ==, 1654);

  options.width_px = 640;
  options.height_px = 480;
  export_ok (fixture, CA_FIGURE_METALLURGY, &options, path);
  png_size (path, &w, &h);
  g_assert_cmpint (w, ==, 640);
  g_assert_cmpint (h, ==, 480);

  /* Only the PNG: no temporary file stays behind. */
  {
    g_autofree char *listing = list_dir (fixture->dir);

    g_assert_cmpstr (listing, ==, "fig5.png");
  }
}

static void
test_size_limits (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.png", NULL);
  static const struct
  {
    double dpi;
    int    width, height;
  } bad[] = {
    { 29.9, 0, 0 }, { 1200.5, 0, 0 }, { 150, 20001, 100 }, { 150, 100, 20001 }, { 150, 8, 8 },
    { NAN, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      CaExportOptions options;

      ca_export_options_init (&options);
      options.dpi = bad[i].dpi;
      options.width_px = bad[i].width;
      options.height_px = bad[i].height;
      g_assert_false (ca_export_figure (CA_FIGURE_METALLURGY, fixture->analysis, NULL, &options,
                                        path, &error));
      g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_SIZE);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
run_capture (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext breaks lines anywhere a word wraps; compare with all runs of
 * white space made single spaces. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "/usr/bin/pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_capture (argv);
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in: %s", needle, haystack);
}

static void
test_pdf_text (Fixture      *fixture,
               gconstpointer data)
{
  g_autofree char *fig5 = g_build_filename (fixture->dir, "fig5.pdf", NULL);
  g_autofree char *fig1 = g_build_filename (fixture->dir, "fig1.pdf", NULL);
  g_autofree char *title = NULL, *text = NULL, *info = NULL, *wanted = NULL;
  CaExportOptions options;

  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no pdftotext");
      return;
    }
  ca_export_options_init (&options);
  g_assert_cmpint (options.lang, ==, CA_LANG_RU);

  /* Fig. 5: the title, the territories' names, counts with Russian plurals
   * and the legend of line styles, all as real text. */
  export_ok (fixture, CA_FIGURE_METALLURGY, &options, fig5);
  text = pdf_text (fig5);
  title = ca_figure_get_title (CA_FIGURE_METALLURGY, fixture->analysis, CA_LANG_RU);
  assert_contains (text, "Обобщенная организационная структура");
  assert_contains (text, "Хромтауский район");
  assert_contains (text, "Каргалинский район");
  assert_contains (text, "Территория Актюбинской городской администрации");
  assert_contains (text, "6 предприятий");
  assert_contains (text, "1 предприятие");
  assert_contains (text, "производственная связь");
  assert_contains (text, "недостающее звено (предстоит создать)");
  {
    const char *argv[] = { "/usr/bin/pdfinfo", "-enc", "UTF-8", fig5, NULL };
    g_autofree char *raw = run_capture (argv);
    g_autoptr (GRegex) space = g_regex_new ("[ \t]+", 0, 0, NULL);

    info = g_regex_replace_literal (space, raw, -1, 0, " ", 0, NULL);
    wanted = g_strdup_printf ("Title: %s\n", title);
    assert_contains (info, wanted);
    assert_contains (info, "Creator: Cluster Atlas");
  }

  if (!need_maps (fixture))
    return;
  /* Fig. 1: district names and the legend's classes from the manual breaks
   * −1, 0.5, 1.8 and Table 1's extremes −2.4 (Irgiz) and 4.0 (Aktobe). */
  g_clear_pointer (&text, g_free);
  export_ok (fixture, CA_FIGURE_INFRASTRUCTURE, &options, fig1);
  text = pdf_text (fig1);
  {
    /* The title's first words (pdftotext drops the hyphen of a word
     * wrapped at one, so compare only up to the third space). */
    g_autofree char *fig1_title = ca_figure_get_title (CA_FIGURE_INFRASTRUCTURE, fixture->analysis,
                                                       CA_LANG_RU);
    g_auto (GStrv) words = g_strsplit (fig1_title, " ", 4);

    g_assert_cmpuint (g_strv_length (words), ==, 4);
    g_free (words[3]);
    words[3] = NULL;
    g_free (fig1_title);
    fig1_title = g_strjoinv (" ", words);
    assert_contains (text, fig1_title);
  }
  assert_contains (text, "Хромтауский район");
  assert_contains (text, "Иргизский район");
  /* A Russian figure writes decimal commas, whatever the session's locale. */
  assert_contains (text, "−2,4 – −1,0");
  assert_contains (text, "1,8 – 4,0");
  assert_contains (text, "OpenStreetMap");
  /* The legend keys the context and the settlements the map draws. */
  assert_contains (text, "Другие районы Казахстана");
  assert_contains (text, "Село");
}

/* With only the 13-district shapefile to read, the map has neither the
 * neighbouring districts nor the settlements, and its legend lists
 * neither. */
static void
test_legend_without_context (Fixture      *fixture,
                             gconstpointer data)
{
  static const char *const parts[] = { "shp", "shx", "dbf", "prj", "cpg" };
  g_autofree char *maps = g_strdup (g_getenv ("CLUSTER_ATLAS_MAPS"));
  g_autofree char *only = g_build_filename (fixture->dir, "only-districts", NULL);
  g_autofree char *shp = g_build_filename (only, "aktobe_districts.shp", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "fig1.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  CaExportOptions options;

  if (!need_maps (fixture))
    return;
  if (!g_file_test ("/usr/bin/pdftotext", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no pdftotext");
      return;
    }
  g_assert_cmpint (g_mkdir (only, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strdup_printf ("aktobe_districts.%s", parts[i]);
      g_autofree char *from = g_build_filename (maps, name, NULL);
      g_autofree char *to = g_build_filename (only, name, NULL);

      g_assert_cmpint (symlink (from, to), ==, 0);
    }
  g_clear_object (&fixture->basemap);
  g_setenv ("CLUSTER_ATLAS_MAPS", only, TRUE);
  fixture->basemap = ca_basemap_load (fixture->dataset, shp, &error);
  g_setenv ("CLUSTER_ATLAS_MAPS", maps, TRUE);
  g_assert_no_error (error);
  if (ca_basemap_get_context (fixture->basemap) != NULL)
    {
      g_test_skip ("kaz_districts.shp is installed in a data folder");
      return;
    }
  g_assert_null (ca_basemap_get_settlements (fixture->basemap));

  ca_export_options_init (&options);
  export_ok (fixture, CA_FIGURE_INFRASTRUCTURE, &options, pdf);
  text = pdf_text (pdf);
  assert_contains (text, "Граница района");
  assert_contains (text, "Иргизский район");
  g_assert_null (strstr (text, "Другие районы Казахстана"));
  g_assert_null (strstr (text, "Село"));
}

static void
test_svg (Fixture      *fixture,
          gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fig5.svg", NULL);
  CaExportOptions options;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlChar *width, *height;

  ca_export_options_init (&options);
  options.landscape = TRUE;
  export_ok (fixture, CA_FIGURE_METALLURGY, &options, path);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  /* A4 landscape in points: 297 mm = 841.89 pt, 210 mm = 595.276 pt. */
  width = xmlGetProp (root, (const xmlChar *) "width");
  height = xmlGetProp (root, (const xmlChar *) "height");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod ((const char *) width, NULL), 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod ((const char *) height, NULL), 595.276, 0.01);
  g_assert_true (g_str_has_suffix ((const char *) width, "pt"));
  xmlFree (width);
  xmlFree (height);
  xmlFreeDoc (doc);
}

static void
read_world_file (const char *path,
                 double      values[6])
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (g_strstrip (text), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      char *end;

      values[i] = g_ascii_strtod (lines[i], &end);
      g_assert_true (*end == '\0' && end != lines[i]);
    }
}

/* The unit's fill on the infrastructure figure, as the renderer chooses it. */
static void
unit_fill (Fixture *fixture,
           guint    unit,
           guint8  *rgb)
{
  g_autoptr (CaMapStyle) style = NULL;
  CaFigureOptions options;

  ca_figure_options_init (&options);
  style = ca_map_style_new (fixture->analysis, fixture->basemap, &options);
  g_assert_true (ca_map_style_build_indicator (style, "infrastructure", CA_RAMP_BLUES,
                                               CA_RAMP_RD_YL_BU, TRUE, NULL));
  ca_rgb_to_bytes (&style->fill[unit], &rgb[0], &rgb[1], &rgb[2]);
}

static guint32
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  return ((const guint32 *) (cairo_image_surface_get_data (image) +
                             (gsize) y * cairo_image_surface_get_stride (image)))[x];
}

/* Map point → pixel through the world file, and the colour found there:
 * of points inside the unit's largest inscribed circle, at least half must
 * show the unit's fill (labels, leader lines and settlement symbols cover
 * up to a third of them in Aktobe). */
static void
check_unit_pixels (Fixture         *fixture,
                   cairo_surface_t *surface,
                   const double     world[6],
                   const char      *code)
{
  int unit = ca_dataset_find_unit (fixture->dataset, code);
  const CaPolygon *polygon = ca_basemap_get_unit_polygon (fixture->basemap, (guint) unit);
  guint8 fill[3];
  double radius;
  CaPoint centre = ca_polygon_label_point (polygon, 10.0, &radius);
  guint hits = 0, total = 0;

  g_assert_cmpint (unit, >=, 0);
  unit_fill (fixture, (guint) unit, fill);
  for (guint ring = 1; ring <= 3; ring++)
    for (guint k = 0; k < 24; k++)
      {
        double angle = 2 * G_PI * k / 24, r = radius * (0.2 + 0.25 * ring);
        double x = centre.x + r * cos (angle), y = centre.y + r * sin (angle);
        /* x = A·col + C, y = E·row + F for pixel centres (B = D = 0). */
        long col = lround ((x - world[4]) / world[0]);
        long row = lround ((y - world[5]) / world[3]);
        guint32 pixel;

        g_assert_true (ca_polygon_contains (polygon, x, y));
        g_assert_cmpint (col, >=, 0);
        g_assert_cmpint (row, >=, 0);
        g_assert_cmpint (col, <, cairo_image_surface_get_width (surface));
        g_assert_cmpint (row, <, cairo_image_surface_get_height (surface));
        pixel = pixel_at (surface, (int) col, (int) row);
        total++;
        hits += ((pixel >> 16) & 0xff) == fill[0] && ((pixel >> 8) & 0xff) == fill[1] &&
                (pixel & 0xff) == fill[2];
      }
  if (hits * 2 < total)
    g_error ("%s: only %u of %u sample points show the unit's fill", code, hits, total);
}

static void
test_world_file (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "fig1.png", NULL);
  g_autofree char *pgw = g_build_filename (fixture->dir, "fig1.pgw", NULL);
  g_autofree char *prj = g_build_filename (fixture->dir, "fig1.prj", NULL);
  g_autofree char *wkt = NULL, *listing = NULL;
  g_autoptr (GArray) boxes = NULL;
  cairo_surface_t *surface, *recording;
  cairo_t *cr;
  CaExportOptions options;
  CaFigureOptions figure_options;
  CaViewport viewport;
  double world[6], pixel, frame_cx = 0, frame_cy = 0;

  if (!need_maps (fixture))
    return;
  ca_export_options_init (&options);
  options.world_file = TRUE;
  options.dpi = 120;
  options.landscape = TRUE;
  export_ok (fixture, CA_FIGURE_INFRASTRUCTURE, &options, png);
  read_world_file (pgw, world);
  g_assert_true (g_file_get_contents (prj, &wkt, NULL, NULL));
  g_assert_true (g_str_has_prefix (wkt, "PROJCS["));
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "fig1.pgw fig1.png fig1.prj");

  /* The arithmetic by hand: the same page in points (A4 landscape at 120
   * dpi is 1403 × 992 px = 841.8 × 595.2 pt) gives the viewport and the map
   * frame; a pixel is metres_per_unit · 72/120. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cr = cairo_create (recording);
  ca_figure_options_init (&figure_options);
  figure_options.lang = CA_LANG_RU;
  g_assert_true (ca_figure_draw_full (CA_FIGURE_INFRASTRUCTURE, fixture->analysis,
                                      fixture->basemap, &figure_options, cr, 1403 * 0.6,
                                      992 * 0.6, &viewport, &boxes, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  for (guint i = 0; i < boxes->len; i++)
    if (g_array_index (boxes, CaFigureBox, i).kind == CA_FIGURE_BOX_MAP_FRAME)
      {
        const CaFigureBox *box = &g_array_index (boxes, CaFigureBox, i);

        frame_cx = box->x + box->width / 2;
        frame_cy = box->y + box->height / 2;
      }
  pixel = viewport.metres_per_unit * 0.6;
  g_assert_cmpfloat_with_epsilon (world[0], pixel, 1e-6);
  g_assert_cmpfloat (world[1], ==, 0);
  g_assert_cmpfloat (world[2], ==, 0);
  g_assert_cmpfloat_with_epsilon (world[3], -pixel, 1e-6);
  g_assert_cmpfloat_with_epsilon (world[4], viewport.center_x - (frame_cx - 0.3) * viewport.metres_per_unit, 1e-3);
  g_assert_cmpfloat_with_epsilon (world[5], viewport.center_y + (frame_cy - 0.3) * viewport.metres_per_unit, 1e-3);

  /* And against the picture: Aktobe (small, the top class) and Irgiz
   * (large, the bottom class). */
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  check_unit_pixels (fixture, surface, world, "AKT");
  check_unit_pixels (fixture, surface, world, "IRG");
  cairo_surface_destroy (surface);
}

/* A pixel of the villages' grey (0.38), give or take antialiasing. */
static gboolean
is_village_grey (guint32 p)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((p >> shift) & 0xff) - 97) > 12)
      return FALSE;
  return TRUE;
}

/* Fig. 1 written as PNG (with its world file) and PDF at once; the PDF
 * rasterised by poppler at the PNG's 150 dpi looks like the PNG: few
 * pixels differ beyond antialiasing, and where the PNG shows a village's
 * dot (a filled circle) the PDF does too (a closed one-point path with
 * round caps there). */
static void
test_pdf_like_png (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "fig1.png", NULL);
  g_autofree char *pgw = g_build_filename (fixture->dir, "fig1.pgw", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "fig1.pdf", NULL);
  g_autofree char *stem = g_build_filename (fixture->dir, "poppler", NULL);
  g_autofree char *poppler = g_build_filename (fixture->dir, "poppler.png", NULL);
  const char *paths[] = { png, pdf, NULL };
  const char *argv[] = { "/usr/bin/pdftoppm", "-r", "150", "-png", "-singlefile", pdf, stem, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  cairo_surface_t *ours, *theirs;
  CaLayer *settlements;
  CaExportOptions options;
  double world[6];
  int width, height, differing = 0, dots = 0, dots_both = 0;

  if (!need_maps (fixture))
    return;
  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no pdftoppm");
      return;
    }
  ca_export_options_init (&options);
  options.world_file = TRUE;
  g_assert_true (ca_export_figure_to (CA_FIGURE_INFRASTRUCTURE, fixture->analysis, fixture->basemap,
                                      &options, paths, &error));
  g_assert_no_error (error);
  out = run_capture (argv);
  ours = cairo_image_surface_create_from_png (png);
  theirs = cairo_image_surface_create_from_png (poppler);
  g_assert_cmpint (cairo_surface_status (theirs), ==, CAIRO_STATUS_SUCCESS);
  /* 595.3 × 841.9 pt at 150 dpi: poppler rounds the width up, we to nearest. */
  width = MIN (cairo_image_surface_get_width (ours), cairo_image_surface_get_width (theirs));
  height = MIN (cairo_image_surface_get_height (ours), cairo_image_surface_get_height (theirs));
  g_assert_cmpint (width, >=, 1240);
  g_assert_cmpint (height, >=, 1753);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = pixel_at (ours, x, y), b = pixel_at (theirs, x, y);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 96)
            {
              differing++;
              break;
            }
      }
  g_assert_cmpint (differing, <, width * height / 50);

  read_world_file (pgw, world);
  settlements = ca_basemap_get_settlements (fixture->basemap);
  for (guint i = 0; i < ca_layer_get_n_features (settlements); i++)
    {
      const CaFeature *feature = ca_layer_get_feature (settlements, i);
      int x = (int) lround ((feature->point.x - world[4]) / world[0]);
      int y = (int) lround ((feature->point.y - world[5]) / world[3]);

      if (ca_settlement_class (settlements, i) != CA_SETTLEMENT_VILLAGE ||
          x < 0 || y < 0 || x >= width || y >= height || !is_village_grey (pixel_at (ours, x, y)))
        continue;
      dots++;
      dots_both += is_village_grey (pixel_at (theirs, x, y));
    }
  g_assert_cmpint (dots, >, 100);
  g_assert_cmpint (dots_both, >=, dots * 9 / 10);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}

static void
test_unwritable (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "plain", NULL);
  g_autofree char *under_file = g_build_filename (file, "fig.png", NULL);
  g_autofree char *is_dir = g_build_filename (fixture->dir, "taken.png", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  CaExportOptions options;

  ca_export_options_init (&options);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_cmpint (g_mkdir (is_dir, 0700), ==, 0);

  /* No folder to write in. */
  g_assert_false (ca_export_figure (CA_FIGURE_METALLURGY, fixture->analysis, NULL, &options,
                                    under_file, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  /* The drawing succeeds but the rename cannot replace a folder. */
  g_assert_false (ca_export_figure (CA_FIGURE_METALLURGY, fixture->analysis, NULL, &options,
                                    is_dir, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, is_dir));
  g_clear_error (&error);

  /* The drawing fails: a map without boundaries. */
  g_assert_false (ca_export_figure (CA_FIGURE_INFRASTRUCTURE, fixture->analysis, NULL, &options,
                                    is_dir, &error));
  g_assert_nonnull (error);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "plain taken.png");
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

/* Several files of one figure drawn at once on threads: each is the file a
 * run of its own writes (byte for byte for the PNG, whose encoder is
 * deterministic; the PDF's text and page for the PDF, whose creation date
 * differs), and the world files go with the PNG. */
static void
test_several_outputs (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *alone = g_build_filename (fixture->dir, "alone.png", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "fig1.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "fig1.pdf", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "fig1.svg", NULL);
  g_autofree char *text = NULL, *listing = NULL;
  const char *paths[] = { png, pdf, svg, NULL };
  g_autoptr (GBytes) expected = NULL, got = NULL;
  g_autoptr (GError) error = NULL;
  CaExportOptions options;

  if (!need_maps (fixture))
    return;
  ca_export_options_init (&options);
  options.dpi = 60;
  export_ok (fixture, CA_FIGURE_INFRASTRUCTURE, &options, alone);
  options.world_file = TRUE;
  g_assert_true (ca_export_figure_to (CA_FIGURE_INFRASTRUCTURE, fixture->analysis,
                                      fixture->basemap, &options, paths, &error));
  g_assert_no_error (error);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "alone.png fig1.pdf fig1.pgw fig1.png fig1.prj fig1.svg");
  expected = read_bytes (alone);
  got = read_bytes (png);
  g_assert_true (g_bytes_equal (expected, got));
  text = pdf_text (pdf);
  assert_contains (text, "Хромтауский район");
  assert_contains (text, "OpenStreetMap");
}

/* A PNG rasterised by two threads, each on a recording of its own and
 * taking bands in turn, is the file one thread writes, byte for byte, and
 * so is its world file. At 150 dpi the A4 page has four bands. */
static void
test_png_two_threads (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *one = g_build_filename (fixture->dir, "one.png", NULL);
  g_autofree char *two = g_build_filename (fixture->dir, "two.png", NULL);
  g_autofree char *one_pgw = g_build_filename (fixture->dir, "one.pgw", NULL);
  g_autofree char *two_pgw = g_build_filename (fixture->dir, "two.pgw", NULL);
  const char *one_paths[] = { one, NULL }, *two_paths[] = { two, NULL };
  g_autoptr (GBytes) expected = NULL, got = NULL, expected_pgw = NULL, got_pgw = NULL;
  g_autoptr (GError) error = NULL;
  CaExportOptions options;

  if (!need_maps (fixture))
    return;
  ca_export_options_init (&options);
  options.world_file = TRUE;
  g_assert_true (ca_export_figure_on (CA_FIGURE_INFRASTRUCTURE, fixture->analysis, fixture->basemap,
                                      &options, one_paths, 1, &error));
  g_assert_no_error (error);
  g_assert_true (ca_export_figure_on (CA_FIGURE_INFRASTRUCTURE, fixture->analysis, fixture->basemap,
                                      &options, two_paths, 2, &error));
  g_assert_no_error (error);
  expected = read_bytes (one);
  got = read_bytes (two);
  g_assert_cmpuint (g_bytes_get_size (expected), >, 100000);
  g_assert_true (g_bytes_equal (expected, got));
  expected_pgw = read_bytes (one_pgw);
  got_pgw = read_bytes (two_pgw);
  g_assert_true (g_bytes_equal (expected_pgw, got_pgw));
}

/* A disk that fills up while two threads rasterise (files here may not
 * grow past 64 KiB): the write error, named, and nothing left behind —
 * and the thread waiting for its turn does not wait for ever. */
static void
test_png_two_threads_full_disk (Fixture      *fixture,
                                gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "full.png", NULL);
  g_autofree char *listing = NULL;
  const char *paths[] = { png, NULL };
  g_autoptr (GError) error = NULL;
  struct rlimit saved, small;
  CaExportOptions options;
  gboolean ok;

  if (!need_maps (fixture))
    return;
  ca_export_options_init (&options);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 64 << 10;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = ca_export_figure_on (CA_FIGURE_INFRASTRUCTURE, fixture->analysis, fixture->basemap,
                            &options, paths, 2, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (ok);
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, png));
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

/* One bad output: a wrong extension stops everything before any drawing;
 * an unwritable one fails with its own name while the others are written. */
static void
test_several_outputs_errors (Fixture      *fixture,
                             gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "fig5.png", NULL);
  g_autofree char *jpg = g_build_filename (fixture->dir, "fig5.jpg", NULL);
  g_autofree char *is_dir = g_build_filename (fixture->dir, "taken.pdf", NULL);
  g_autofree char *listing = NULL;
  const char *bad_type[] = { png, jpg, NULL }, *unwritable[] = { is_dir, png, NULL };
  g_autoptr (GError) error = NULL;
  CaExportOptions options;

  ca_export_options_init (&options);
  options.dpi = 40;
  g_assert_cmpint (g_mkdir (is_dir, 0700), ==, 0);
  g_assert_false (ca_export_figure_to (CA_FIGURE_METALLURGY, fixture->analysis, NULL, &options,
                                       bad_type, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "fig5.jpg"));
  g_clear_error (&error);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "taken.pdf");
  g_clear_pointer (&listing, g_free);

  g_assert_false (ca_export_figure_to (CA_FIGURE_METALLURGY, fixture->analysis, NULL, &options,
                                       unwritable, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, is_dir));
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "fig5.png taken.pdf");
}

/* The exporter's files gather cairo's small writes into a buffer: what
 * arrives in any sizes is what the file holds, and a write that fails
 * when the buffer goes out fails the file, which never appears. */
static void
test_file_buffer (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "x.bin", NULL);
  g_autofree char *failing = g_build_filename (fixture->dir, "y.bin", NULL);
  g_autofree char *contents = NULL, *listing = NULL;
  g_autoptr (GByteArray) expected = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  CaExportFile file = { .fd = -1 };
  guint8 piece[CA_EXPORT_FILE_BUFFER + 1000];
  gsize length;
  int read_only;

  g_assert_true (ca_export_file_open (&file, path, &error));
  for (guint i = 0; i < 30000; i++)
    {
      for (guint k = 0; k < 7; k++)
        piece[k] = (guint8) (i * 7 + k);
      g_assert_cmpint (ca_export_file_write (&file, piece, 7), ==, CAIRO_STATUS_SUCCESS);
      g_byte_array_append (expected, piece, 7);
    }
  for (gsize k = 0; k < sizeof piece; k++)
    piece[k] = (guint8) (k * 13);
  g_assert_cmpint (ca_export_file_write (&file, piece, sizeof piece), ==, CAIRO_STATUS_SUCCESS);
  g_byte_array_append (expected, piece, sizeof piece);
  g_assert_cmpint (ca_export_file_write (&file, piece, 5), ==, CAIRO_STATUS_SUCCESS);
  g_byte_array_append (expected, piece, 5);
  g_assert_true (ca_export_file_finish (&file, &error));
  g_assert_true (ca_export_files_commit (&file, 1, &error));
  g_assert_no_error (error);
  ca_export_file_clear (&file);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected->data, expected->len);

  file = (CaExportFile) { .fd = -1 };
  g_assert_true (ca_export_file_open (&file, failing, &error));
  g_assert_cmpint (ca_export_file_write (&file, piece, 10), ==, CAIRO_STATUS_SUCCESS);
  /* The descriptor turns read-only under the buffer: its write fails. */
  read_only = open ("/dev/null", O_RDONLY);
  g_assert_cmpint (dup2 (read_only, file.fd), ==, file.fd);
  close (read_only);
  g_assert_false (ca_export_file_finish (&file, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, failing));
  ca_export_file_clear (&file);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "x.bin");
}

static void
count_progress (guint    done,
                guint    total,
                gpointer data)
{
  guint *calls = data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (total, ==, 6);
  (*calls)++;
}

/* Parses as XML with an <svg> root: written to the end. */
static void
assert_svg_complete (const char *path)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);
}

static void
cancel_after_first (guint    done,
                    guint    total,
                    gpointer data)
{
  g_atomic_int_set ((gint *) data, TRUE);
}

static gboolean
is_cancelled (gpointer data)
{
  return g_atomic_int_get ((gint *) data);
}

static void
test_export_all (Fixture      *fixture,
                 gconstpointer data)
{
  gint cancelled = FALSE;
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "infrastructure.svg", NULL);
  const char * const *ids = ca_figure_get_ids ();
  guint n_svg;
  const char * const png_and_pdf[] = { "png", "pdf", NULL }, * const svg[] = { "svg", NULL };
  CaExportOptions options;
  guint calls = 0;

  if (!need_maps (fixture))
    return;
  ca_export_options_init (&options);
  options.dpi = 40;
  g_assert_true (ca_export_all (fixture->analysis, fixture->basemap, &options, fixture->dir,
                                png_and_pdf, count_progress, NULL, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 6);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "clusters.pdf clusters.png favourability.pdf favourability.png "
                                "industry.pdf industry.png infrastructure.pdf infrastructure.png "
                                "innovation.pdf innovation.png "
                                "metallurgy-structure.pdf metallurgy-structure.png");

  /* Cancelled when the first figure is done: those begun (two at a time)
   * are finished, whole, and no more begin. */
  g_assert_false (ca_export_all (fixture->analysis, fixture->basemap, &options, fixture->dir,
                                 svg, cancel_after_first, is_cancelled, &cancelled, &error));
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_CANCELLED);
  n_svg = 0;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (ids[i], ".svg", NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      n_svg++;
      assert_svg_complete (path);
    }
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_svg, >=, 1);
  g_assert_cmpuint (n_svg, <=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-from-path", test_format_from_path);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/png-size", test_png_size);
  ADD ("/export/size-limits", test_size_limits);
  ADD ("/export/pdf-text", test_pdf_text);
  ADD ("/export/legend-without-context", test_legend_without_context);
  ADD ("/export/pdf-like-png", test_pdf_like_png);
  ADD ("/export/svg", test_svg);
  ADD ("/export/world-file", test_world_file);
  ADD ("/export/unwritable", test_unwritable);
  ADD ("/export/several-outputs", test_several_outputs);
  ADD ("/export/several-outputs-errors", test_several_outputs_errors);
  ADD ("/export/png-two-threads", test_png_two_threads);
  ADD ("/export/png-two-threads-full-disk", test_png_two_threads_full_disk);
  ADD ("/export/file-buffer", test_file_buffer);
  ADD ("/export/all", test_export_all);
#undef ADD
  return g_test_run ();
}
