/* test-csv.c — CSV dialects, numbers, imports and their error messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ca-csv.h"
#include "test-fixtures.h"

static CaCsvTable *
parse_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  CaCsvTable *table = ca_csv_parse (data, strlen (data), "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const char *
cell (const CaCsvTable *table,
      guint             row,
      guint             column)
{
  GPtrArray *fields = g_ptr_array_index (table->rows, row);

  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

static void
test_dialects (void)
{
  g_autoptr(CaCsvTable) bom = parse_ok ("\xEF\xBB\xBF" "code,density\nAKT,218\n");
  g_autoptr(CaCsvTable) semicolon = parse_ok ("code;density;innovation\r\nAKT;218,5;-1,1\r\n");
  g_autoptr(CaCsvTable) cr = parse_ok ("code,density\rAKT,1\rALG,2\r");
  g_autoptr(CaCsvTable) quoted = parse_ok ("code,\"name, with comma\",note\n"
                                           "AKT,\"a;b,c\",\"say \"\"hi\"\"\"\n"
                                           "ALG,\"two\r\nlines\",  spaced  \n"
                                           "\n"
                                           ",,\n"
                                           "MAR, \"x\" ,\n");
  g_autoptr(CaCsvTable) tie = parse_ok ("code\nAKT\n1,5\n");
  g_autoptr(CaCsvTable) hint = parse_ok ("sep=;\r\ncode,x;density\r\nAKT,1;2,5\r\n");

  g_assert_cmpstr (g_ptr_array_index (bom->header, 0), ==, "code");
  g_assert_cmpint (bom->separator, ==, ',');
  g_assert_cmpstr (cell (bom, 0, 1), ==, "218");

  g_assert_cmpint (semicolon->separator, ==, ';');
  g_assert_cmpuint (semicolon->header->len, ==, 3);
  g_assert_cmpstr (cell (semicolon, 0, 1), ==, "218,5");
  g_assert_cmpstr (cell (semicolon, 0, 2), ==, "-1,1");

  g_assert_cmpuint (cr->rows->len, ==, 2);
  g_assert_cmpuint (g_array_index (cr->lines, guint, 1), ==, 3);

  g_assert_cmpint (quoted->separator, ==, ',');
  g_assert_cmpstr (g_ptr_array_index (quoted->header, 1), ==, "name, with comma");
  g_assert_cmpuint (quoted->rows->len, ==, 3);
  g_assert_cmpstr (cell (quoted, 0, 1), ==, "a;b,c");
  g_assert_cmpstr (cell (quoted, 0, 2), ==, "say \"hi\"");
  g_assert_cmpstr (cell (quoted, 1, 1), ==, "two\nlines");
  g_assert_cmpstr (cell (quoted, 1, 2), ==, "spaced");
  g_assert_cmpstr (cell (quoted, 2, 0), ==, "MAR");
  g_assert_cmpstr (cell (quoted, 2, 1), ==, "x");
  g_assert_cmpstr (cell (quoted, 2, 2), ==, "");
  /* Row starts: the quoted line break moves MAR to line 7. */
  g_assert_cmpuint (g_array_index (quoted->lines, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (quoted->lines, guint, 1), ==, 3);
  g_assert_cmpuint (g_array_index (quoted->lines, guint, 2), ==, 7);

  /* No separator in the header: decimal commas in the data mean ';'. */
  g_assert_cmpint (tie->separator, ==, ';');
  g_assert_cmpstr (cell (tie, 1, 0), ==, "1,5");

  /* Excel's "sep=;" line names the separator and is not the header. */
  g_assert_cmpint (hint->separator, ==, ';');
  g_assert_cmpstr (g_ptr_array_index (hint->header, 0), ==, "code,x");
  g_assert_cmpstr (cell (hint, 0, 1), ==, "2,5");
  g_assert_cmpuint (g_array_index (hint->lines, guint, 0), ==, 3);
}

static void
test_syntax_errors (void)
{
  g_autoptr(GError) error = NULL;
  const char *open_quote = "code,density\nAKT,\"218\nALG,1\n";
  const char *after_quote = "code,density\nAKT,\"2\"x\n";
  const char *latin1 = "code,name\nAKT,Akt\xf6\x62\x65\n";

  g_assert_null (ca_csv_parse (open_quote, strlen (open_quote), "t.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "t.csv: line 2"));
  g_clear_error (&error);

  g_assert_null (ca_csv_parse (after_quote, strlen (after_quote), "t.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "t.csv: line 2"));
  g_clear_error (&error);

  g_assert_null (ca_csv_parse (latin1, strlen (latin1), "t.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "t.csv: line 2"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_numbers (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "12.5", 12.5 }, { "12,5", 12.5 }, { "  -3,25 ", -3.25 }, { "+7", 7 }, { ".5", 0.5 },
    { "1,5E+03", 1500 }, { "2e-2", 0.02 }, { "0", 0 }, { "8809.8", 8809.8 },
  };
  static const char *const bad[] = {
    "", " ", "1 234", "1.234,5", "1,234.5", "1..2", "abc", "12a", "nan", "inf", "0x10", "1e",
    "1e999", "--1", "−1", "1\u00a0234",
  };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (ca_csv_parse_number (good[i].text, &value));
      g_assert_cmpfloat (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (ca_csv_parse_number (bad[i], &value))
      g_error ("“%s” read as a number (%g)", bad[i], value);
}

static void
count_changed (CaDataset *dataset,
               guint      flags,
               guint     *count)
{
  (*count)++;
}

static double
value_of (CaDataset  *dataset,
          const char *code,
          const char *indicator)
{
  return ca_dataset_get_value (dataset, (guint) ca_dataset_find_unit (dataset, code),
                               (guint) ca_dataset_find_indicator (dataset, indicator));
}

static void
test_import_indicators (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  const char *data = "\xEF\xBB\xBF" "code;innovation;\"density\"\r\n"
                     "ALG;-2,5;7\r\n"
                     "\"KHR\";;3,75\r\n";
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (ca_csv_import_indicators_from_data (dataset, data, strlen (data), "in.csv",
                                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpfloat (value_of (dataset, "ALG", "innovation"), ==, -2.5);
  g_assert_cmpfloat (value_of (dataset, "ALG", "density"), ==, 7);
  g_assert_cmpfloat (value_of (dataset, "KHR", "density"), ==, 3.75);
  /* An empty cell is "no data"; units and columns not in the file keep theirs. */
  g_assert_true (isnan (value_of (dataset, "KHR", "innovation")));
  g_assert_cmpfloat (value_of (dataset, "AKT", "density"), ==, 218);
  g_assert_cmpfloat (value_of (dataset, "ALG", "industry"), ==, 347.7);
}

/* Imports @data, expects @code and a message naming the file, line and column. */
static void
assert_import_refused (const char *data,
                       CaCsvError  code,
                       const char *where,
                       const char *field)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(CaDataset) before = ca_dataset_copy (dataset);
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_strdup_printf ("(“%s”)", field);
  guint changed = 0;

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_false (ca_csv_import_indicators_from_data (dataset, data, strlen (data),
                                                      "indicators.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, (gint) code);
  if (!g_str_has_prefix (error->message, "indicators.csv: ") ||
      strstr (error->message, where) == NULL || strstr (error->message, quoted) == NULL)
    g_error ("unexpected message “%s”", error->message);
  /* All or nothing: rows before the bad one were not applied. */
  g_assert_cmpuint (changed, ==, 0);
  for (guint u = 0; u < 13; u++)
    for (guint i = 0; i < 5; i++)
      g_assert_cmpfloat (ca_dataset_get_value (dataset, u, i), ==,
                         ca_dataset_get_value (before, u, i));
}

static void
test_import_errors (void)
{
  assert_import_refused ("code,density\nAKT,1\nALG,abc\n", CA_CSV_ERROR_NOT_NUMBER,
                         "line 3, column 2", "abc");
  assert_import_refused ("code;density\nAKT;1 234\n", CA_CSV_ERROR_NOT_NUMBER,
                         "line 2, column 2", "1 234");
  assert_import_refused ("code,density\nAKT,1\nXYZ,2\n", CA_CSV_ERROR_UNKNOWN_UNIT,
                         "line 3, column 1", "XYZ");
  assert_import_refused ("code,density\nAKT,1\n\nAKT,2\n", CA_CSV_ERROR_DUPLICATE_UNIT,
                         "line 4, column 1", "AKT");
  assert_import_refused ("code,density,industry\nAKT,1,2\nALG,1\n", CA_CSV_ERROR_RAGGED,
                         "line 3, column 3", "");
  assert_import_refused ("code,density\nAKT,1,2\n", CA_CSV_ERROR_RAGGED,
                         "line 2, column 3", "2");
  assert_import_refused ("code,density,speed\nAKT,1,2\n", CA_CSV_ERROR_HEADER,
                         "line 1, column 3", "speed");
  assert_import_refused ("code,density,density\nAKT,1,2\n", CA_CSV_ERROR_HEADER,
                         "line 1, column 3", "density");
  assert_import_refused ("unit,density\nAKT,1\n", CA_CSV_ERROR_HEADER, "line 1, column 1", "unit");
}

static void
test_no_rows (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  const char *data = "code,density\r\n\r\n";

  g_assert_false (ca_csv_import_indicators_from_data (dataset, data, strlen (data), "empty.csv",
                                                      &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_NO_ROWS);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
}

static void
test_industry_matrix (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CaMatrix) matrix = NULL;
  g_autofree char *written = NULL;
  g_autoptr(CaMatrix) again = NULL;
  const char *data = "code;Ferrous metallurgy;Food industry;\"Oil; gas\"\n"
                     "KHR;1200,5;0;\n"
                     "AKT;300;45,25;12\n";

  matrix = ca_csv_read_industry_matrix_from_data (dataset, data, strlen (data), "output.csv",
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_units, ==, 13);
  g_assert_cmpuint (matrix->industries->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (matrix->industries, 0), ==, "Ferrous metallurgy");
  g_assert_cmpstr (g_ptr_array_index (matrix->industries, 2), ==, "Oil; gas");
  g_assert_cmpfloat (ca_matrix_get (matrix, 10, 0), ==, 1200.5);   /* KHR */
  g_assert_cmpfloat (ca_matrix_get (matrix, 0, 1), ==, 45.25);     /* AKT */
  g_assert_true (isnan (ca_matrix_get (matrix, 10, 2)));
  g_assert_true (isnan (ca_matrix_get (matrix, 1, 0)));            /* ALG absent */

  /* The writer's output reads back to the same matrix. */
  written = ca_csv_write_matrix (dataset, matrix);
  g_assert_true (g_str_has_prefix (written, "code,Ferrous metallurgy,Food industry,\"Oil; gas\"\n"
                                            "AKT,300,45.25,12\nALG,,,\n"));
  again = ca_csv_read_industry_matrix_from_data (dataset, written, strlen (written), "w.csv",
                                                 &error);
  g_assert_no_error (error);
  for (guint u = 0; u < 13; u++)
    for (guint j = 0; j < 3; j++)
      {
        double a = ca_matrix_get (matrix, u, j), b = ca_matrix_get (again, u, j);

        g_assert_true ((isnan (a) && isnan (b)) || a == b);
      }
}

static void
assert_matrix_refused (const char *data,
                       CaCsvError  code,
                       const char *message_part)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CaMatrix) matrix = ca_csv_read_industry_matrix_from_data (dataset, data, strlen (data),
                                                                      "output.csv", &error);

  g_assert_null (matrix);
  g_assert_error (error, CA_CSV_ERROR, (gint) code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” not in “%s”", message_part, error->message);
}

static void
test_industry_matrix_errors (void)
{
  assert_matrix_refused ("code,food,oil\nAKT,1,-2\n", CA_CSV_ERROR_NEGATIVE,
                         "output.csv: line 2, column 3 (“-2”)");
  assert_matrix_refused ("code,food,oil\nAKT,1,x\n", CA_CSV_ERROR_NOT_NUMBER,
                         "output.csv: line 2, column 3 (“x”)");
  assert_matrix_refused ("code,food,food\nAKT,1,2\n", CA_CSV_ERROR_HEADER,
                         "output.csv: line 1, column 3 (“food”)");
  assert_matrix_refused ("code,food\nAKT,1\nAKT,2\n", CA_CSV_ERROR_DUPLICATE_UNIT,
                         "output.csv: line 3, column 1 (“AKT”)");
  assert_matrix_refused ("code,food\nQQQ,1\n", CA_CSV_ERROR_UNKNOWN_UNIT,
                         "output.csv: line 2, column 1 (“QQQ”)");
  assert_matrix_refused ("code,food\n", CA_CSV_ERROR_NO_ROWS, "output.csv");
}

static void
test_write_indicators (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(CaDataset) copy = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (ca_dataset_set_value (dataset, 12, 4, NAN, NULL));
  text = ca_csv_write_indicators (dataset);
  g_assert_true (g_str_has_prefix (text, "code,density,infrastructure,industry,specialisations,"
                                         "innovation\nAKT,218,4,8809.8,10,1.1\n"));
  g_assert_true (g_str_has_suffix (text, "IRG,0.4,-2.4,20.9,0,\n"));
  g_assert_true (ca_csv_import_indicators_from_data (copy, text, strlen (text), "w.csv", &error));
  g_assert_no_error (error);
  for (guint u = 0; u < 13; u++)
    for (guint i = 0; i < 5; i++)
      {
        double a = ca_dataset_get_value (dataset, u, i), b = ca_dataset_get_value (copy, u, i);

        g_assert_true ((isnan (a) && isnan (b)) || a == b);
      }
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GString) wide = g_string_new ("code");
  g_autoptr(GString) tall = g_string_new ("code,density\n");
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  gint64 start = g_get_monotonic_time ();
  FILE *file;

  /* A sparse 65 MiB file: refused from its size, without reading it. */
  file = g_fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 65 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), !=, EOF);
  fclose (file);
  g_assert_false (ca_csv_import_indicators (dataset, path, &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv"));
  g_clear_error (&error);
  g_unlink (path);
  g_rmdir (dir);

  for (guint c = 0; c <= 100000; c++)
    g_string_append (wide, ",x");
  g_assert_null (ca_csv_parse (wide->str, wide->len, "wide.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
  g_clear_error (&error);

  for (guint r = 0; r <= 1000000; r++)
    g_string_append (tall, "A,1\n");
  g_assert_null (ca_csv_parse (tall->str, tall->len, "tall.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "tall.csv: line 1000002"));
  /* Refused quickly (but valgrind makes everything slow). */
  if (strstr (g_getenv ("LD_PRELOAD") != NULL ? g_getenv ("LD_PRELOAD") : "", "vgpreload") == NULL)
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_missing_file (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ca_csv_import_indicators (dataset, "/nonexistent/values.csv", &error));
  g_assert_error (error, CA_CSV_ERROR, CA_CSV_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "values.csv"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/dialects", test_dialects);
  g_test_add_func ("/csv/syntax-errors", test_syntax_errors);
  g_test_add_func ("/csv/numbers", test_numbers);
  g_test_add_func ("/csv/import-indicators", test_import_indicators);
  g_test_add_func ("/csv/import-errors", test_import_errors);
  g_test_add_func ("/csv/no-rows", test_no_rows);
  g_test_add_func ("/csv/industry-matrix", test_industry_matrix);
  g_test_add_func ("/csv/industry-matrix-errors", test_industry_matrix_errors);
  g_test_add_func ("/csv/write-indicators", test_write_indicators);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/missing-file", test_missing_file);
  return g_test_run ();
}
