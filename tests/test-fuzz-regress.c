/* test-fuzz-regress.c — every input the fuzzers ever crashed on, and every
 * seed, loaded again through the same targets (tests/fuzz/fuzz-targets.c):
 * each must load or be refused with an error, and the targets abort on any
 * broken promise. One test case per file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ca-csv.h"
#include "ca-project.h"
#include "fuzz-targets.h"

typedef struct
{
  char      *path;
  CaDataset *aktobe;   /* for the CSV inputs */
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static GBytes *
read_input (const Input *input)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (input->path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Either outcome is fine; what is not is an outcome without its error. */
static void
assert_outcome (gboolean ok, const GError *error)
{
  if (ok)
    g_assert_no_error (error);
  else
    {
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error->message);
    }
}

static void
test_shapefile (gconstpointer data)
{
  const Input *input = data;
  g_autoptr(GBytes) bytes = read_input (input);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ca-fuzz-regress-XXXXXX", &error);
  gsize size = 0;
  const guint8 *contents = g_bytes_get_data (bytes, &size);

  g_assert_no_error (error);
  for (CaLayerKind kind = CA_LAYER_POLYGONS; kind <= CA_LAYER_POINTS; kind++)
    {
      g_autoptr(GError) load_error = NULL;
      gboolean ok = fuzz_shapefile_run (dir, contents, size, kind, &load_error);

      assert_outcome (ok, load_error);
    }
  fuzz_remove_dir (dir);
}

static void
test_project (gconstpointer data)
{
  const Input *input = data;
  g_autoptr(GBytes) bytes = read_input (input);
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const guint8 *contents = g_bytes_get_data (bytes, &size);
  gboolean ok = fuzz_project_run (contents, size, &error);

  assert_outcome (ok, error);
}

static void
test_csv (gconstpointer data)
{
  const Input *input = data;
  g_autoptr(GBytes) bytes = read_input (input);
  gsize size = 0;
  const guint8 *contents = g_bytes_get_data (bytes, &size);

  g_autoptr(CaDataset) work = ca_dataset_copy (input->aktobe);

  for (FuzzCsvLoader loader = FUZZ_CSV_PARSE; loader <= FUZZ_CSV_MATRIX; loader++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = fuzz_csv_run (input->aktobe, work, loader, contents, size, &error);

      assert_outcome (ok, error);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Adds /fuzz-regress/@kind/@set/<file> for each file of @set/@kind; returns
 * how many. */
static guint
add_inputs (GPtrArray      *inputs,
            const char     *srcdir,
            const char     *set,
            const char     *kind,
            GTestDataFunc   func,
            CaDataset      *aktobe)
{
  g_autofree char *dir_path = g_build_filename (srcdir, "fuzz", set, kind, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      Input *input = g_new0 (Input, 1);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-regress/%s/%s/%s", kind, set,
                                                    (const char *) names->pdata[i]);

      input->path = g_build_filename (dir_path, names->pdata[i], NULL);
      input->aktobe = aktobe;
      g_ptr_array_add (inputs, input);
      g_test_add_data_func (test_path, input, func);
    }
  return names->len;
}

int
main (int argc, char *argv[])
{
  const char *srcdir = g_getenv ("CA_TEST_SRCDIR");
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) aktobe = NULL;
  guint n = 0;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (srcdir);
  aktobe = ca_project_load_default (&error);
  g_assert_no_error (error);

  for (guint s = 0; s < 2; s++)
    {
      const char *set = s == 0 ? "regressions" : "corpus";

      n += add_inputs (inputs, srcdir, set, "shapefile", test_shapefile, NULL);
      n += add_inputs (inputs, srcdir, set, "project", test_project, NULL);
      n += add_inputs (inputs, srcdir, set, "csv", test_csv, aktobe);
    }
  g_assert_cmpuint (n, >, 0);
  return g_test_run ();
}
