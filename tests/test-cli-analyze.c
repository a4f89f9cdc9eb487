/* test-cli-analyze.c — `cluster-atlas analyze` run as a process: the JSON
 * reproduces Tables 2 and 3 and the five clusters; bad input exits 1 or 2
 * with a message naming the file, line and field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *
program_path (void)
{
  return g_build_filename (g_getenv ("CA_TEST_BUILDDIR"), "..", "src", "cli", "cluster-atlas", NULL);
}

/* Runs analyze with @args; returns the exit status. */
static int
run_analyze (const char * const *args,
             char              **out,
             char              **err)
{
  g_autofree char *program = program_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (char *) "analyze");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static JsonObject *
analyze_json (const char * const *extra,
              JsonParser         *parser)
{
  const char *args[16] = { "--format", "json", "--lang", "en" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 4;

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    args[n++] = extra[i];
  g_assert_cmpint (run_analyze (args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
class_of (JsonObject *root,
          const char *code)
{
  JsonArray *units = json_object_get_array_member (root, "units");

  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      JsonObject *unit = json_array_get_object_element (units, i);

      if (g_strcmp0 (json_object_get_string_member (unit, "code"), code) == 0)
        return json_object_get_string_member (unit, "class");
    }
  return NULL;
}

static void
test_tables (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = analyze_json (NULL, parser);
  static const char *favourable[] = { "AKT", "MUG", "KHR" };
  static const char *less[] = { "ALG", "MAR", "TEM" };
  static const char *unfavourable[] = { "BAY", "SHA", "KAR", "KHO", "AIT", "UIL", "IRG" };
  JsonObject *spec = json_object_get_object_member (root, "specialisations");
  JsonArray *akt, *mar, *clusters;

  /* Table 2 */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "units")), ==, 13);
  for (guint i = 0; i < G_N_ELEMENTS (favourable); i++)
    g_assert_cmpstr (class_of (root, favourable[i]), ==, "favourable");
  for (guint i = 0; i < G_N_ELEMENTS (less); i++)
    g_assert_cmpstr (class_of (root, less[i]), ==, "less-favourable");
  for (guint i = 0; i < G_N_ELEMENTS (unfavourable); i++)
    g_assert_cmpstr (class_of (root, unfavourable[i]), ==, "unfavourable");

  /* Table 3: six units, highest LQ first */
  g_assert_cmpuint (json_object_get_size (spec), ==, 6);
  g_assert_false (json_object_has_member (spec, "BAY"));
  akt = json_object_get_array_member (spec, "AKT");
  g_assert_cmpuint (json_array_get_length (akt), ==, 9);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (akt, 0), "lq"), ==, 3.6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (akt, 0), "industry"), ==,
                   "Ferrous metallurgy and metalworking");
  mar = json_object_get_array_member (spec, "MAR");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (mar, 0), "lq"), ==, 155.0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (spec, "TEM")), ==, 1);

  /* The five clusters */
  clusters = json_object_get_array_member (root, "clusters");
  g_assert_cmpuint (json_array_get_length (clusters), ==, 5);
  {
    JsonObject *metallurgy = json_array_get_object_element (clusters, 0);
    JsonArray *members = json_object_get_array_member (metallurgy, "members");
    guint cross = 0;

    g_assert_cmpstr (json_object_get_string_member (metallurgy, "type"), ==, "sectoral");
    g_assert_cmpuint (json_array_get_length (members), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (members, 2), ==, "KAR");
    for (guint i = 0; i < 5; i++)
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (clusters, i), "type"),
                     "cross-sectoral") == 0)
        cross++;
    g_assert_cmpuint (cross, ==, 2);
  }
}

static void
test_set_changes_typology (void)
{
  const char *extra[] = { "--set", "IRG.density=500", "--set", "IRG.infrastructure=9",
                          "--set", "IRG.industry=20000", "--set", "IRG.specialisations=20",
                          "--set", "IRG.innovation=5", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = analyze_json (extra, parser);

  g_assert_cmpstr (class_of (root, "IRG"), ==, "favourable");
}

static void
test_threshold (void)
{
  const char *extra[] = { "--lq-threshold", "3", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = analyze_json (extra, parser);
  JsonObject *spec = json_object_get_object_member (root, "specialisations");

  /* Above 3: AKT 3.6 and 3.1, KHR 4.6, ALG 16.3 and 5.1, MAR five; MUG and TEM none. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (spec, "AKT")), ==, 2);
  g_assert_false (json_object_has_member (spec, "MUG"));
  g_assert_false (json_object_has_member (spec, "TEM"));
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("ca-cli-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
assert_refused (const char * const *args,
                int                 expected_status,
                const char * const *needles)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_analyze (args, &out, &err), ==, expected_status);
  g_assert_cmpstr (out, ==, "");
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (err, needles[i]) == NULL)
      g_error ("stderr “%s” lacks “%s”", err, needles[i]);
}

static void
test_bad_input (void)
{
  g_autofree char *nonnumber = write_temp ("ind.csv", "code,density\nAKT,218\nALG,lots\n");
  g_autofree char *negative = write_temp ("matrix.csv", "code,food,oil\nAKT,1,2\nALG,-3,1\n");
  g_autofree char *duplicate = write_temp ("dup.csv", "code,food\nAKT,1\nAKT,2\n");
  g_autofree char *ragged = write_temp ("ragged.csv", "code,food,oil\nAKT,1,2\nALG,1\n");
  g_autofree char *empty = write_temp ("empty.csv", "code,food\n");
  g_autofree char *unknown = write_temp ("unknown.csv", "code,food\nXYZ,1\n");

  assert_refused ((const char *[]) { "--set", "AKT.nope=1", NULL }, 2,
                  (const char *[]) { "nope", NULL });
  assert_refused ((const char *[]) { "--set", "ZZZ.density=1", NULL }, 2,
                  (const char *[]) { "ZZZ", NULL });
  assert_refused ((const char *[]) { "--set", "AKT.density=abc", NULL }, 2,
                  (const char *[]) { "abc", NULL });
  assert_refused ((const char *[]) { "--format", "xml", NULL }, 2, (const char *[]) { "xml", NULL });
  assert_refused ((const char *[]) { "--lq-threshold", "-1", NULL }, 2, (const char *[]) { "-1", NULL });
  assert_refused ((const char *[]) { "--indicators", nonnumber, NULL }, 1,
                  (const char *[]) { "ind.csv", "line 3", "lots", NULL });
  assert_refused ((const char *[]) { "--industry-matrix", negative, NULL }, 1,
                  (const char *[]) { "matrix.csv", "line 3", "-3", NULL });
  assert_refused ((const char *[]) { "--industry-matrix", duplicate, NULL }, 1,
                  (const char *[]) { "dup.csv", "line 3", "AKT", NULL });
  assert_refused ((const char *[]) { "--industry-matrix", ragged, NULL }, 1,
                  (const char *[]) { "ragged.csv", "line 3", NULL });
  assert_refused ((const char *[]) { "--industry-matrix", empty, NULL }, 1,
                  (const char *[]) { "empty.csv", NULL });
  assert_refused ((const char *[]) { "--industry-matrix", unknown, NULL }, 1,
                  (const char *[]) { "unknown.csv", "line 2", "XYZ", NULL });
  assert_refused ((const char *[]) { "--project", "/nonexistent/p.caproj", NULL }, 1,
                  (const char *[]) { "p.caproj", NULL });
}

static void
test_text_and_csv (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_analyze ((const char *[]) { "--lang", "en", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Table 2"));
  g_assert_nonnull (strstr (out, "AKT, MUG, KHR"));
  g_assert_nonnull (strstr (out, "Aktobe–Khromtau metallurgical cluster"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_analyze ((const char *[]) { "--format", "csv", "--lang", "en", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "code,name,density,infrastructure,industry,specialisations,innovation,score,class"));
  g_assert_nonnull (strstr (out, "\r\nKHR,Khromtau District,3.3,1.3,8960.6,1,-1.8,24,favourable,"));
}

static void
test_save_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ca-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.caproj", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpint (run_analyze ((const char *[]) { "--set", "AKT.density=1", "--save-project", path, NULL },
                                &out, &err), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Reopened, the edit is there: AKT drops from 1st to 9th on density
   * (ALG, MAR, KAR/TEM/KHR, MUG, UIL, KHO are denser), so 7 + 8 = 15. */
  root = analyze_json ((const char *[]) { "--project", path, NULL }, parser);
  {
    JsonObject *akt = json_array_get_object_element (json_object_get_array_member (root, "units"), 0);

    g_assert_cmpstr (json_object_get_string_member (akt, "code"), ==, "AKT");
    g_assert_cmpfloat (json_object_get_double_member (akt, "score"), ==, 15.0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-analyze/tables", test_tables);
  g_test_add_func ("/cli-analyze/set", test_set_changes_typology);
  g_test_add_func ("/cli-analyze/threshold", test_threshold);
  g_test_add_func ("/cli-analyze/bad-input", test_bad_input);
  g_test_add_func ("/cli-analyze/text-and-csv", test_text_and_csv);
  g_test_add_func ("/cli-analyze/save-project", test_save_project);
  return g_test_run ();
}
