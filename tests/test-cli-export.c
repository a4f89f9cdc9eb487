/* test-cli-export.c — `cluster-atlas export` run as a process: exit
 * status 2 for bad usage, 1 for missing data or unwritable paths (naming
 * them), 0 with the files written, and never a partial file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "test-tmpdir.h"

typedef struct
{
  char *program;
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  const char *builddir = g_getenv ("CA_TEST_BUILDDIR");
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (builddir);
  fixture->program = g_build_filename (builddir, "..", "src", "cli", "cluster-atlas", NULL);
  g_assert_true (g_file_test (fixture->program, G_FILE_TEST_IS_EXECUTABLE));
  fixture->dir = g_dir_make_tmp ("ca-test-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->program);
}

static guint
count_entries (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Runs `cluster-atlas export ARGS…`; returns the exit status and, in
 * @err, what it printed on stderr. */
static int
run (Fixture   *fixture,
     GPtrArray *args,
     char     **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_ptr_array_add (argv, fixture->program);
  g_ptr_array_add (argv, (char *) "export");
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, args->pdata[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The arguments (NULL-terminated) must give @status, and stderr must hold
 * @message when it is not NULL. */
static void
expect (Fixture    *fixture,
        int         status,
        const char *message,
        const char *first,
        ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  va_list ap;
  int got;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  got = run (fixture, args, &err);
  if (got != status || (message != NULL && strstr (err, message) == NULL))
    g_error ("export %s …: status %d (wanted %d), stderr: %s", first, got, status, err);
}

static void
test_usage (Fixture      *fixture,
            gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "x.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "x.pdf", NULL);
  g_autofree char *jpg = g_build_filename (fixture->dir, "x.jpg", NULL);

  expect (fixture, 2, "--figure is required", "--lang", "ru", NULL);
  expect (fixture, 2, "--figure", "--figure", "fig9", "--output", png, NULL);
  expect (fixture, 2, "--output", "--figure", "industry", NULL);
  expect (fixture, 2, ".png, .pdf or .svg", "--figure", "industry", "--output", jpg, NULL);
  expect (fixture, 2, "dpi", "--figure", "metallurgy-structure", "--output", png, "--dpi", "10",
          NULL);
  expect (fixture, 2, "dpi", "--figure", "metallurgy-structure", "--output", png, "--dpi", "5000",
          NULL);
  expect (fixture, 2, NULL, "--figure", "industry", "--output", png, "--dpi", "many", NULL);
  expect (fixture, 2, "--width and --height", "--figure", "industry", "--output", png,
          "--width", "800", NULL);
  expect (fixture, 2, "20000", "--figure", "metallurgy-structure", "--output", png,
          "--width", "30000", "--height", "100", NULL);
  expect (fixture, 2, "--lang", "--figure", "industry", "--output", png, "--lang", "de", NULL);
  expect (fixture, 2, "--paper", "--figure", "industry", "--output", png, "--paper", "A5", NULL);
  expect (fixture, 2, "--world-file", "--figure", "industry", "--output", pdf, "--world-file",
          NULL);
  expect (fixture, 2, "--world-file", "--figure", "metallurgy-structure", "--output", png,
          "--world-file", NULL);
  expect (fixture, 2, "--format", "--figure", "all", "--output", fixture->dir, "--format", "gif",
          NULL);
  expect (fixture, 2, "--format", "--figure", "industry", "--output", png, "--format", "pdf", NULL);
  expect (fixture, 2, "--set", "--figure", "metallurgy-structure", "--output", png,
          "--set", "AKT-infrastructure", NULL);
  expect (fixture, 2, "XYZ", "--figure", "metallurgy-structure", "--output", png,
          "--set", "XYZ.infrastructure=1", NULL);
  expect (fixture, 2, "unexpected", "--figure", "industry", "--output", png, "extra", NULL);
  expect (fixture, 2, NULL, "--no-such-option", NULL);
  expect (fixture, 2, "given twice", "--figure", "industry", "--output", png, "--output", png,
          NULL);
  expect (fixture, 2, ".png, .pdf or .svg", "--figure", "industry", "--output", png,
          "--output", jpg, NULL);
  expect (fixture, 2, "does not match", "--figure", "industry", "--output", png, "--output", pdf,
          "--format", "png", NULL);
  expect (fixture, 2, "once", "--figure", "all", "--output", fixture->dir, "--output", png, NULL);
  expect (fixture, 2, "“tiff”", "--figure", "all", "--output", fixture->dir, "--format",
          "png,tiff", NULL);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 0);
}

static void
test_data_errors (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "x.png", NULL);
  g_autofree char *missing_shp = g_build_filename (fixture->dir, "nowhere.shp", NULL);
  g_autofree char *missing_project = g_build_filename (fixture->dir, "nowhere.caproj", NULL);
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "x.png", NULL);

  expect (fixture, 1, "nowhere.shp", "--figure", "industry", "--output", png,
          "--boundaries", missing_shp, NULL);
  expect (fixture, 1, "nowhere.caproj", "--figure", "metallurgy-structure", "--output", png,
          "--project", missing_project, NULL);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  expect (fixture, 1, under_file, "--figure", "metallurgy-structure", "--output", under_file, NULL);
  expect (fixture, 1, "blocker", "--figure", "all", "--output", under_file, NULL);
  /* Only the blocker itself: nothing partial. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
}

static void
test_success (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "fig5.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "fig5.svg", NULL);
  g_autofree char *map = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *pgw = g_build_filename (fixture->dir, "map.pgw", NULL);
  g_autofree char *all = g_build_filename (fixture->dir, "all", NULL);
  cairo_surface_t *surface;

  expect (fixture, 0, NULL, "--figure", "metallurgy-structure", "--output", png, "--lang", "en",
          "--width", "900", "--height", "600", NULL);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  cairo_surface_destroy (surface);
  expect (fixture, 0, NULL, "--figure", "metallurgy-structure", "--output", svg, "--paper", "A3",
          "--landscape", NULL);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  if (g_getenv ("CLUSTER_ATLAS_MAPS") == NULL)
    {
      g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
      return;
    }
  expect (fixture, 0, NULL, "--figure", "infrastructure", "--output", map, "--dpi", "60",
          "--world-file", "--set", "AKT.infrastructure=3.1", NULL);
  g_assert_true (g_file_test (pgw, G_FILE_TEST_IS_REGULAR));
  expect (fixture, 0, NULL, "--figure", "all", "--output", all, "--format", "svg", "--lang", "kk",
          NULL);
  g_assert_cmpuint (count_entries (all), ==, 6);
}

/* One run, several outputs: each in its own format, the world file only
 * beside the PNG; with all figures, a file per figure and format. */
static void
test_several_outputs (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "map.pdf", NULL);
  g_autofree char *pgw = g_build_filename (fixture->dir, "map.pgw", NULL);
  g_autofree char *all = g_build_filename (fixture->dir, "all", NULL);
  g_autofree char *pdf_text = NULL;
  g_autofree char *png_header = NULL;
  gsize length;

  if (g_getenv ("CLUSTER_ATLAS_MAPS") == NULL)
    {
      g_test_skip ("CLUSTER_ATLAS_MAPS is not set");
      return;
    }
  expect (fixture, 0, NULL, "--figure", "infrastructure", "--output", png, "--output", pdf,
          "--world-file", "--dpi", "60", NULL);
  g_assert_true (g_file_get_contents (png, &png_header, &length, NULL));
  g_assert_cmpmem (png_header, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_get_contents (pdf, &pdf_text, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
  g_assert_true (g_file_test (pgw, G_FILE_TEST_IS_REGULAR));
  /* map.png, map.pgw, map.prj and map.pdf: no world file for the PDF. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 4);

  expect (fixture, 0, NULL, "--figure", "all", "--output", all, "--format", "png,pdf",
          "--width", "300", "--height", "200", NULL);
  g_assert_cmpuint (count_entries (all), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-export/usage", test_usage);
  ADD ("/cli-export/data-errors", test_data_errors);
  ADD ("/cli-export/success", test_success);
  ADD ("/cli-export/several-outputs", test_several_outputs);
#undef ADD
  return g_test_run ();
}
