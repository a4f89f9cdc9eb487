/* test-project.c — the project file: the bundled default, round trips,
 * refusals with file name and line, atomic saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ca-project.h"
#include "ca-rank-score.h"
#include "ca-xml.h"
#include "test-project-compare.h"

static CaDataset *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  CaDataset *dataset = ca_project_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static double
value_of (CaDataset  *dataset,
          const char *code,
          const char *indicator)
{
  int u = ca_dataset_find_unit (dataset, code);
  int i = ca_dataset_find_indicator (dataset, indicator);

  g_assert_cmpint (u, >=, 0);
  g_assert_cmpint (i, >=, 0);
  return ca_dataset_get_value (dataset, (guint) u, (guint) i);
}

static double
published_lq (CaDataset  *dataset,
              const char *code,
              const char *industry)
{
  const CaMatrix *lq = ca_dataset_get_published_lq (dataset);
  int u = ca_dataset_find_unit (dataset, code);

  g_assert_nonnull (lq);
  for (guint j = 0; j < lq->industries->len; j++)
    if (g_strcmp0 (g_ptr_array_index (lq->industries, j), industry) == 0)
      return ca_matrix_get (lq, (guint) u, j);
  g_assert_not_reached ();
  return NAN;
}

static void
test_default (void)
{
  g_autoptr(CaDataset) dataset = load_default ();
  static const char *const order[] = {
    "AKT", "ALG", "AIT", "BAY", "KAR", "KHO", "MAR", "MUG", "UIL", "TEM", "KHR", "SHA", "IRG",
  };
  const CaOrgGraph *graph;
  const double *breaks;
  const CaCluster *metallurgy;
  double high, low;
  gboolean has_missing_link = FALSE;
  int kar;

  g_assert_cmpuint (ca_dataset_get_n_units (dataset), ==, 13);
  for (guint u = 0; u < 13; u++)
    g_assert_cmpstr (ca_dataset_get_unit (dataset, u)->code, ==, order[u]);
  g_assert_cmpstr (ca_dataset_get_unit (dataset, 10)->gb_name, ==, "Khromtauskiy");
  g_assert_cmpstr (ca_dataset_get_unit (dataset, 7)->centre.ru, ==, "Кандыагаш");
  g_assert_cmpuint (ca_dataset_get_n_indicators (dataset), ==, 5);
  g_assert_cmpuint (ca_dataset_get_n_clusters (dataset), ==, 5);
  g_assert_cmpuint (ca_dataset_get_n_industries (dataset), ==, 13);

  /* Table 1 */
  g_assert_cmpfloat (value_of (dataset, "AKT", "density"), ==, 218);
  g_assert_cmpfloat (value_of (dataset, "KHR", "industry"), ==, 8960.6);
  g_assert_cmpfloat (value_of (dataset, "IRG", "infrastructure"), ==, -2.4);
  g_assert_cmpfloat (value_of (dataset, "MUG", "specialisations"), ==, 3);
  g_assert_cmpfloat (value_of (dataset, "UIL", "innovation"), ==, -3.6);
  g_assert_cmpfloat (ca_dataset_get_region_value (dataset, 2), ==, 2040.1);
  g_assert_cmpfloat (ca_dataset_get_region_value (dataset, 3), ==, 13);

  /* Table 3 */
  g_assert_cmpfloat (published_lq (dataset, "AKT", "ferrous-metallurgy"), ==, 3.6);
  g_assert_cmpfloat (published_lq (dataset, "MAR", "woodworking"), ==, 155);
  g_assert_cmpfloat (published_lq (dataset, "TEM", "oil"), ==, 2.5);
  g_assert_true (isnan (published_lq (dataset, "IRG", "food")));
  g_assert_true (isnan (published_lq (dataset, "AKT", "gas")));

  /* Settings for Stage 1 and Figs. 1–3 */
  g_assert_cmpint (ca_dataset_get_composite_method (dataset), ==, CA_COMPOSITE_RANK_SUM);
  breaks = ca_dataset_get_composite_breaks (dataset, CA_COMPOSITE_RANK_SUM);
  g_assert_nonnull (breaks);
  g_assert_cmpfloat (breaks[0], ==, 26);
  g_assert_cmpfloat (breaks[1], ==, 33);
  ca_dataset_get_reference_range (dataset, CA_FAVOURABILITY_UNFAVOURABLE, &high, &low);
  g_assert_cmpfloat (high, ==, -3.2);
  g_assert_cmpfloat (low, ==, -7.0);
  g_assert_cmpfloat (ca_dataset_get_lq_threshold (dataset), ==, 1.0);
  g_assert_cmpint (ca_dataset_get_indicator (dataset, 1)->classes.method, ==, CA_CLASSIFY_MANUAL);
  g_assert_cmpfloat (ca_dataset_get_indicator (dataset, 1)->classes.breaks[2], ==, 1.8);

  /* Stage 3: Kargaly is in the metallurgical cluster for its deposits. */
  metallurgy = ca_dataset_get_cluster (dataset,
                                       (guint) ca_dataset_find_cluster (dataset, "metallurgy"));
  g_assert_cmpuint (metallurgy->members->len, ==, 3);
  g_assert_true (ca_cluster_has_member (metallurgy, "KAR"));
  kar = 2;
  g_assert_cmpstr (g_array_index (metallurgy->members, CaClusterMember, kar).code, ==, "KAR");
  g_assert_nonnull (strstr (g_array_index (metallurgy->members, CaClusterMember, kar).reason.ru,
                            "флюсового известняка"));
  g_assert_cmpint (ca_dataset_get_cluster (dataset, 3)->type, ==, CA_CLUSTER_CROSS_SECTORAL);
  g_assert_true (ca_cluster_has_member (ca_dataset_get_cluster (dataset, 3), "BAY"));

  /* Fig. 5 */
  graph = ca_dataset_get_org_graph (dataset);
  g_assert_nonnull (graph);
  g_assert_cmpstr (graph->cluster_id, ==, "metallurgy");
  g_assert_cmpint (g_array_index (graph->nodes, CaOrgNode, 0).count, ==, 6);
  g_assert_cmpint (g_array_index (graph->nodes, CaOrgNode, 1).count, ==, 6);
  g_assert_cmpint (g_array_index (graph->nodes, CaOrgNode, 2).count, ==, 1);
  for (guint i = 0; i < graph->links->len; i++)
    {
      const CaOrgLink *link = &g_array_index (graph->links, CaOrgLink, i);
      int to = ca_org_graph_find_node (graph, link->to);

      if (link->kind == CA_ORG_LINK_MISSING && g_array_index (graph->nodes, CaOrgNode, to).missing)
        has_missing_link = TRUE;
    }
  g_assert_true (has_missing_link);
}

/* The bundled file is exactly what the writer produces from it. */
static void
test_default_is_canonical (void)
{
  g_autoptr(CaDataset) dataset = load_default ();
  g_autofree char *path = g_build_filename (g_getenv ("CA_TEST_SRCDIR"), "..", "data",
                                            "aktobe.caproj", NULL);
  g_autofree char *file = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("CA_TEST_SRCDIR") == NULL)
    {
      g_test_skip ("CA_TEST_SRCDIR is not set");
      return;
    }
  g_file_get_contents (path, &file, NULL, &error);
  g_assert_no_error (error);
  written = ca_project_to_string (dataset, NULL);
  g_assert_cmpstr (written, ==, file);
}

/* Changes something in every section, so the comparison below would see a
 * field the writer or the reader dropped. */
static void
modify (CaDataset *dataset)
{
  CaText title = { "Тест", NULL, "Test \"quoted\" & <tagged>\nline two" };
  CaText reason = { NULL, "Себеп", "Because" };
  CaClassSpec spec = { CA_CLASSIFY_MANUAL, 3, { 0.25, 1e-7 * 3e7 } };
  CaOrgGraph *graph = ca_org_graph_copy (ca_dataset_get_org_graph (dataset));
  CaMatrix *matrix = ca_matrix_new (ca_dataset_get_n_units (dataset), 2);
  CaOrgNode node = { g_strdup ("new node"), { NULL, NULL, g_strdup ("New") }, 3,
                     g_strdup ("UIL"), FALSE };
  CaOrgLink link = { g_strdup ("new node"), g_strdup ("services"), CA_ORG_LINK_SERVICE };
  double composite_breaks[2] = { 1.5, -0.25 };

  ca_dataset_set_title (dataset, &title);
  g_assert_true (ca_dataset_set_value_by_id (dataset, "AKT", "density", 0.1 + 0.2, NULL));
  g_assert_true (ca_dataset_set_value_by_id (dataset, "IRG", "industry", NAN, NULL));
  g_assert_true (ca_dataset_set_value_by_id (dataset, "SHA", "innovation", -1e-300, NULL));
  ca_dataset_set_region_value (dataset, 0, NAN);
  g_assert_true (ca_dataset_set_class_spec (dataset, 0, &spec, NULL));
  spec = (CaClassSpec) { CA_CLASSIFY_QUANTILE, 7, { 0 } };
  g_assert_true (ca_dataset_set_class_spec (dataset, 2, &spec, NULL));
  g_assert_true (ca_dataset_set_lq_threshold (dataset, 1.25, NULL));
  ca_dataset_set_composite_method (dataset, CA_COMPOSITE_ZSCORE_SUM);
  ca_dataset_set_composite_breaks (dataset, CA_COMPOSITE_ZSCORE_SUM, composite_breaks);
  ca_dataset_set_composite_breaks (dataset, CA_COMPOSITE_RANK_SUM, NULL);
  ca_dataset_set_reference_range (dataset, CA_FAVOURABILITY_LESS_FAVOURABLE, NAN, -2);
  ca_dataset_set_boundary_path (dataset, "/data/maps/aktobe districts.shp");
  ca_dataset_set_join_field (dataset, "code");
  ca_dataset_set_map_crs (dataset, "+proj=aea +lat_1=46.5 +lat_2=50 +lon_0=59");
  g_assert_true (ca_dataset_add_cluster_member (dataset, "beverages", "KHO", &reason, NULL));
  g_assert_true (ca_dataset_remove_cluster_member (dataset, "metallurgy", "KHR", NULL));
  g_assert_true (ca_dataset_add_cluster_member (dataset, "metallurgy", "KHR", NULL, NULL));

  g_array_append_val (graph->nodes, node);
  g_array_append_val (graph->links, link);
  g_array_index (graph->nodes, CaOrgNode, 0).missing = TRUE;
  ca_dataset_set_org_graph (dataset, graph);

  g_free (matrix->industries->pdata[0]);
  matrix->industries->pdata[0] = g_strdup ("Ferrous, \"metal\"");
  g_free (matrix->industries->pdata[1]);
  matrix->industries->pdata[1] = g_strdup ("food");
  ca_matrix_set (matrix, 0, 0, 12345.678);
  ca_matrix_set (matrix, 12, 1, 0);
  ca_dataset_set_industry_matrix (dataset, matrix);
}

static CaDataset *
reload (CaDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = ca_project_to_string (dataset, &length);
  CaDataset *copy = ca_project_load_from_data (text, length, "roundtrip.caproj", &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static void
test_round_trip (void)
{
  g_autoptr(CaDataset) dataset = load_default ();
  g_autoptr(CaDataset) first = NULL;
  g_autoptr(CaDataset) second = NULL;

  first = reload (dataset);
  assert_datasets_equal (dataset, first);

  modify (dataset);
  second = reload (dataset);
  assert_datasets_equal (dataset, second);
  g_assert_cmpfloat (value_of (second, "AKT", "density"), ==, 0.1 + 0.2);
  g_assert_true (isnan (value_of (second, "IRG", "industry")));
  g_assert_cmpstr (ca_dataset_get_title (second)->en, ==, "Test \"quoted\" & <tagged>\nline two");
}

/* TRUE when @a and @b (and their following siblings) have the same names,
 * attributes, texts and lines throughout. */
static gboolean
nodes_equal (const CaXmlNode *a,
             const CaXmlNode *b)
{
  for (; a != NULL && b != NULL; a = a->next, b = b->next)
    {
      guint n = a->attributes ? g_strv_length (a->attributes) : 0;

      if (g_strcmp0 (a->name, b->name) != 0 || g_strcmp0 (a->text, b->text) != 0 ||
          a->line != b->line || n != (b->attributes ? g_strv_length (b->attributes) : 0))
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (strcmp (a->attributes[i], b->attributes[i]) != 0)
          return FALSE;
      if (!nodes_equal (a->children, b->children))
        return FALSE;
    }
  return a == NULL && b == NULL;
}

/* @node and its elements, one a line, for a readable difference. */
static void
dump_tree (const CaXmlNode *node,
           int              depth,
           GString         *out)
{
  for (; node != NULL; node = node->next)
    {
      g_string_append_printf (out, "%*s%ld <%s", 2 * depth, "", node->line, node->name);
      for (char **pair = node->attributes; pair != NULL && *pair != NULL; pair += 2)
        g_string_append_printf (out, " %s=[%s]", pair[0], pair[1]);
      g_string_append_printf (out, "> text=[%s]\n", node->text != NULL ? node->text : "(none)");
      dump_tree (node->children, depth + 1, out);
    }
}

/* @xml read by GMarkup (the bundled project's parser) and by libxml2 (any
 * other file's): the same elements, attributes, texts and lines. */
static void
assert_parsers_agree (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CaXmlOutcome outcome = CA_XML_MALFORMED;
  long line = 0;
  g_autoptr(CaXmlNode) by_markup = ca_xml_parse_markup (xml, strlen (xml), &line, &error);
  g_autoptr(CaXmlNode) by_libxml2 = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (by_markup);
  by_libxml2 = ca_xml_parse (xml, strlen (xml), "agree.caproj", &outcome, &line, &message,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, CA_XML_PARSED);
  if (!nodes_equal (by_markup, by_libxml2))
    {
      g_autoptr(GString) markup = g_string_new (NULL), libxml2 = g_string_new (NULL);

      dump_tree (by_markup, 0, markup);
      dump_tree (by_libxml2, 0, libxml2);
      g_assert_cmpstr (markup->str, ==, libxml2->str);
      g_assert_not_reached ();
    }
}

static void
test_parsers_agree (void)
{
  g_autoptr(CaDataset) dataset = load_default ();
  g_autofree char *bundled = ca_project_to_string (dataset, NULL);
  g_autofree char *edited = NULL;
  const char *tricky =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment --><?pi data?>\n"
    "<a x=\"1 &amp; 2 &lt;3&gt; &quot;q&quot; &apos;s&apos; &#10;&#x41;\" y='single'>\n"
    "  text &amp; more<![CDATA[ <raw> & ]]>tail\n"
    "  <b z=\"Ақтөбе\"/><c>  4.5  </c>\n"
    "  <d\n     long=\"start tag\"\n     over=\"lines\">in</d>\n"
    "</a>\n";
  const char *one_xml = "<a><b x=\"1\"/></a>", *other_xml = "<a><b x=\"2\"/></a>";
  const char *doctype = "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>";
  g_autoptr(GError) error = NULL;
  long line = 0;
  g_autoptr(CaXmlNode) one = ca_xml_parse_markup (one_xml, strlen (one_xml), &line, &error);
  g_autoptr(CaXmlNode) other = ca_xml_parse_markup (other_xml, strlen (other_xml), &line, NULL);

  assert_parsers_agree (bundled);
  modify (dataset);
  edited = ca_project_to_string (dataset, NULL);
  assert_parsers_agree (edited);
  assert_parsers_agree (tricky);

  /* The comparison sees a difference, and GMarkup refuses what libxml2
   * would refuse for the same reason. */
  g_assert_no_error (error);
  g_assert_false (nodes_equal (one, other));
  g_assert_null (ca_xml_parse_markup (doctype, strlen (doctype), &line, &error));
  g_assert_nonnull (error);
}

/* Loads @xml and expects @code with every @parts in the message. */
static void
assert_refused (const char *xml,
                int         code,
                const char *const *parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = ca_project_load_from_data (xml, strlen (xml),
                                                            "/some/dir/bad.caproj", &error);

  g_assert_null (dataset);
  g_assert_error (error, CA_PROJECT_ERROR, code);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (error->message, parts[i]) == NULL)
      g_error ("“%s” not in “%s”", parts[i], error->message);
}

#define HEAD "<?xml version=\"1.0\"?>\n<cluster-atlas-project version=\"1\">\n"
#define UNITS "<units>\n<unit code=\"AKT\"/>\n<unit code=\"ALG\"/>\n</units>\n"
#define INDICATORS "<indicators>\n<indicator id=\"density\"/>\n</indicators>\n"

static void
test_malformed (void)
{
  assert_refused (HEAD UNITS "<values>\n<row unit=\"AKT\">\n</values>\n</cluster-atlas-project>\n",
                  CA_PROJECT_ERROR_MALFORMED, (const char *[]) { "bad.caproj", "line 9", NULL });
  assert_refused ("", CA_PROJECT_ERROR_MALFORMED, (const char *[]) { "bad.caproj", "line", NULL });
  assert_refused (HEAD "<title en=\"&undefined;\"/>\n</cluster-atlas-project>",
                  CA_PROJECT_ERROR_MALFORMED, (const char *[]) { "bad.caproj", "line 3", NULL });
}

static void
test_dtd_refused (void)
{
  const char *bomb =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE cluster-atlas-project [\n"
    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
    "]>\n"
    "<cluster-atlas-project version=\"1\"><title en=\"&h;\"/></cluster-atlas-project>\n";
  const char *external =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE cluster-atlas-project SYSTEM \"file:///etc/passwd\">\n"
    "<cluster-atlas-project version=\"1\"/>\n";
  gint64 start = g_get_monotonic_time ();

  assert_refused (bomb, CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "bad.caproj", "line 2", "DOCTYPE", NULL });
  assert_refused (external, CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "bad.caproj", "line 2", "DOCTYPE", NULL });
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_version (void)
{
  assert_refused ("<cluster-atlas-project version=\"2\"/>", CA_PROJECT_ERROR_VERSION,
                  (const char *[]) { "bad.caproj was written by a newer Cluster Atlas (format 2)",
                                     "reads format 1", NULL });
  assert_refused ("<cluster-atlas-project>\n</cluster-atlas-project>", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "bad.caproj", "line 1", "version", NULL });
  assert_refused ("<project version=\"1\"/>", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "bad.caproj", "not a Cluster Atlas project", NULL });
}

static void
test_invalid (void)
{
  assert_refused (HEAD UNITS INDICATORS "<values>\n<row unit=\"XYZ\">\n</row>\n</values>\n"
                  "</cluster-atlas-project>\n", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "bad.caproj", "line 11", "<row>", "XYZ", NULL });
  assert_refused (HEAD "<units>\n<unit code=\"AKT\"/>\n<unit code=\"AKT\"/>\n</units>\n"
                  "</cluster-atlas-project>\n", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "line 5", "<unit>", "AKT", "twice", NULL });
  assert_refused (HEAD UNITS INDICATORS "<values>\n<row unit=\"AKT\">\n"
                  "<value indicator=\"speed\">1</value>\n</row>\n</values>\n"
                  "</cluster-atlas-project>\n", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "line 12", "<value>", "speed", NULL });
  assert_refused (HEAD UNITS INDICATORS "<values>\n<row unit=\"AKT\">\n"
                  "<value indicator=\"density\">12,5</value>\n</row>\n</values>\n"
                  "</cluster-atlas-project>\n", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "line 12", "<value>", "12,5", "not a number", NULL });
  assert_refused (HEAD UNITS "<indicators>\n<indicator id=\"x\">\n<classes method=\"jenks\" "
                  "count=\"12\"/>\n</indicator>\n</indicators>\n</cluster-atlas-project>\n",
                  CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "line 9", "<classes>", "count", NULL });
  assert_refused (HEAD UNITS "<indicators>\n<indicator id=\"x\">\n<classes method=\"manual\" "
                  "count=\"3\" breaks=\"2 1\"/>\n</indicator>\n</indicators>\n"
                  "</cluster-atlas-project>\n", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "line 9", "<classes>", "increase", NULL });
  assert_refused (HEAD UNITS "<clusters>\n<cluster id=\"c\" type=\"sectoral\">\n"
                  "<member unit=\"KAR\"/>\n</cluster>\n</clusters>\n</cluster-atlas-project>\n",
                  CA_PROJECT_ERROR_INVALID, (const char *[]) { "line 9", "<member>", "KAR", NULL });
  assert_refused (HEAD UNITS "<org-graph>\n<node id=\"a\"/>\n<link from=\"a\" to=\"b\" "
                  "kind=\"production\"/>\n</org-graph>\n</cluster-atlas-project>\n",
                  CA_PROJECT_ERROR_INVALID, (const char *[]) { "line 9", "<link>", "“b”", NULL });
  assert_refused (HEAD UNITS "<vlaues/>\n</cluster-atlas-project>\n", CA_PROJECT_ERROR_INVALID,
                  (const char *[]) { "line 7", "<vlaues>", "unexpected", NULL });
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-project-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "aktobe.caproj", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *boundary = g_build_filename (dir, "maps", "districts.shp", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *bak = NULL;
  g_autoptr(CaDataset) dataset = load_default ();
  g_autoptr(CaDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;

  ca_dataset_set_boundary_path (dataset, boundary);
  g_assert_true (ca_project_save (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &first_text, NULL, &error);
  g_assert_no_error (error);
  /* Stored relative to the project, resolved against its folder on load. */
  g_assert_nonnull (strstr (first_text, "boundary=\"maps/districts.shp\""));

  g_assert_true (ca_dataset_set_value_by_id (dataset, "AKT", "density", 150, NULL));
  g_assert_true (ca_project_save (dataset, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (backup, &bak, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bak, ==, first_text);

  loaded = ca_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (loaded, "AKT", "density"), ==, 150);
  g_assert_cmpstr (ca_dataset_get_boundary_path (loaded), ==, boundary);

  g_clear_object (&loaded);
  loaded = ca_project_load (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (loaded, "AKT", "density"), ==, 218);
  remove_dir (dir);
}

static void
test_load_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaDataset) dataset = ca_project_load ("/nonexistent/dir/nothing.caproj", &error);

  g_assert_null (dataset);
  g_assert_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nothing.caproj"));
}

/* A project big enough (about a megabyte) that saving it takes a while. */
static CaDataset *
large_project (void)
{
  CaDataset *dataset = load_default ();
  CaMatrix *matrix;
  guint n_units = ca_dataset_get_n_units (dataset);

  for (guint u = 0; u < 300; u++)
    {
      g_autofree char *code = g_strdup_printf ("U%04u", u);
      CaUnit unit = { code, { NULL, NULL, code }, { 0 }, NULL };

      ca_dataset_add_unit (dataset, &unit);
    }
  n_units = ca_dataset_get_n_units (dataset);
  for (guint u = 0; u < n_units; u++)
    for (guint i = 0; i < 5; i++)
      ca_dataset_set_value (dataset, u, i, u * 0.25 + i, NULL);
  matrix = ca_matrix_new (n_units, 40);
  for (guint j = 0; j < 40; j++)
    {
      g_free (matrix->industries->pdata[j]);
      matrix->industries->pdata[j] = g_strdup_printf ("industry %u", j);
    }
  for (guint u = 0; u < n_units; u++)
    for (guint j = 0; j < 40; j++)
      ca_matrix_set (matrix, u, j, u * 1.5 + j);
  ca_dataset_set_industry_matrix (dataset, matrix);
  return dataset;
}

/* Counts the temporary files of a save in progress (or killed), removing
 * them when @remove is set. */
static guint
count_temporaries (const char *dir,
                   gboolean    remove)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint count = 0;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    if (!g_str_has_suffix (entry, ".caproj") && !g_str_has_suffix (entry, ".bak"))
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);

        if (remove)
          g_unlink (path);
        count++;
      }
  return count;
}

/* A save has visibly started: a temporary file exists, or the project file
 * itself is no longer the one in @before (which a writer that is not
 * atomic would truncate and rewrite in place). */
static gboolean
save_started (const char     *dir,
              const char     *path,
              const GStatBuf *before)
{
  GStatBuf now;

  if (count_temporaries (dir, FALSE) > 0)
    return TRUE;
  if (g_stat (path, &now) != 0)
    return TRUE;
  return now.st_ino != before->st_ino || now.st_size != before->st_size ||
         now.st_mtim.tv_sec != before->st_mtim.tv_sec ||
         now.st_mtim.tv_nsec != before->st_mtim.tv_nsec;
}

static void
test_save_killed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big.caproj", NULL);
  g_autoptr(CaDataset) dataset = large_project ();
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint rounds = 0, mid_write = 0;

  /* The rounds race a 20 s deadline; valgrind makes each save 50× slower. */
  if (g_getenv ("CA_TEST_VALGRIND") != NULL)
    {
      g_test_skip ("timing test: too slow under valgrind");
      remove_dir (dir);
      return;
    }
  g_assert_true (ca_project_save (dataset, path, &error));
  g_assert_no_error (error);
  for (; rounds < 30 && g_get_monotonic_time () < deadline; rounds++)
    {
      g_autoptr(CaDataset) loaded = NULL;
      GStatBuf before;
      int status = 0;
      pid_t pid;

      g_assert_cmpint (g_stat (path, &before), ==, 0);
      pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint k = 0; ; k++)
            {
              ca_dataset_set_value (dataset, 0, 0, k, NULL);
              if (!ca_project_save (dataset, path, NULL))
                _exit (3);
            }
        }
      /* Even rounds kill at a random moment of a save (which takes a few
       * tenths of a second, mostly building the text); odd rounds wait
       * for the save to reach the disk, so the kill lands while the
       * backup or the new version is being written. */
      if (rounds % 2 == 0)
        g_usleep (g_test_rand_int_range (2000, 150000));
      else
        {
          gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

          while (!save_started (dir, path, &before) && g_get_monotonic_time () < until)
            g_usleep (100);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      if (count_temporaries (dir, TRUE) > 0)
        mid_write++;

      loaded = ca_project_load (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ca_dataset_get_n_units (loaded), ==, 313);
      g_assert_nonnull (ca_dataset_get_industry_matrix (loaded));
    }
  g_assert_cmpuint (rounds, >=, 5);
  g_assert_cmpuint (mid_write, >, 0);
  g_test_message ("%u of %u kills landed while a temporary file was being written",
                  mid_write, rounds);
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/default", test_default);
  g_test_add_func ("/project/default-canonical", test_default_is_canonical);
  g_test_add_func ("/project/round-trip", test_round_trip);
  g_test_add_func ("/project/parsers-agree", test_parsers_agree);
  g_test_add_func ("/project/malformed", test_malformed);
  g_test_add_func ("/project/dtd-refused", test_dtd_refused);
  g_test_add_func ("/project/version", test_version);
  g_test_add_func ("/project/invalid", test_invalid);
  g_test_add_func ("/project/save-atomic", test_save_atomic);
  g_test_add_func ("/project/load-missing", test_load_missing_file);
  g_test_add_func ("/project/save-killed", test_save_killed);
  return g_test_run ();
}
