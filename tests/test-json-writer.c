/* test-json-writer.c — the command-line program's JSON writer: nesting,
 * escapes and numbers, read back by json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ca-json-writer.h"

#define AWKWARD "quote \" backslash \\ newline \n tab \t bell \a Ақтөбе"

static JsonObject *
parse (const char  *text,
       JsonParser  *parser)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_round_trip (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  CaJsonWriter json;
  JsonObject *root;
  JsonArray *numbers;

  ca_json_writer_init (&json, out);
  ca_json_writer_begin_object (&json);
  ca_json_writer_name (&json, AWKWARD);
  ca_json_writer_string (&json, AWKWARD);
  ca_json_writer_name (&json, "numbers");
  ca_json_writer_begin_array (&json);
  ca_json_writer_double (&json, 0.1);
  ca_json_writer_double (&json, -1e300);
  ca_json_writer_double (&json, NAN);
  ca_json_writer_end_array (&json);
  ca_json_writer_name (&json, "empty");
  ca_json_writer_begin_object (&json);
  ca_json_writer_end_object (&json);
  ca_json_writer_name (&json, "nothing");
  ca_json_writer_null (&json);
  ca_json_writer_end_object (&json);
  ca_json_writer_clear (&json);

  /* Control characters never appear raw. */
  for (const char *p = out->str; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  g_assert_nonnull (strstr (out->str, "\\u0007"));
  root = parse (out->str, parser);
  g_assert_cmpstr (json_object_get_string_member (root, AWKWARD), ==, AWKWARD);
  numbers = json_object_get_array_member (root, "numbers");
  g_assert_cmpuint (json_array_get_length (numbers), ==, 3);
  g_assert_cmpfloat (json_array_get_double_element (numbers, 0), ==, 0.1);
  g_assert_cmpfloat (json_array_get_double_element (numbers, 1), ==, -1e300);
  g_assert_true (json_array_get_null_element (numbers, 2));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "empty")), ==, 0);
  g_assert_true (json_object_get_null_member (root, "nothing"));
  g_assert_cmpuint (json_object_get_size (root), ==, 4);
}

/* Two spaces an indent, one member a line. */
static void
test_layout (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  CaJsonWriter json;

  ca_json_writer_init (&json, out);
  ca_json_writer_begin_object (&json);
  ca_json_writer_name (&json, "a");
  ca_json_writer_begin_array (&json);
  ca_json_writer_string (&json, "x");
  ca_json_writer_double (&json, 2);
  ca_json_writer_end_array (&json);
  ca_json_writer_end_object (&json);
  ca_json_writer_clear (&json);
  g_assert_cmpstr (out->str, ==, "{\n  \"a\" : [\n    \"x\",\n    2\n  ]\n}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/round-trip", test_round_trip);
  g_test_add_func ("/json-writer/layout", test_layout);
  return g_test_run ();
}
