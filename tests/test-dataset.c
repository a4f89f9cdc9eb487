/* test-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ca-dataset.h"
#include "ca-history.h"
#include "test-fixtures.h"

static void
count_changes (CaDataset *dataset,
               guint      flags,
               guint     *seen)
{
  seen[0]++;
  seen[1] |= flags;
}

static void
test_values_and_signal (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  guint seen[2] = { 0, 0 };

  g_assert_cmpuint (ca_dataset_get_n_units (dataset), ==, 13);
  g_assert_cmpuint (ca_dataset_get_n_indicators (dataset), ==, 5);
  g_assert_cmpint (ca_dataset_find_unit (dataset, "KHR"), ==, 10);
  g_assert_cmpint (ca_dataset_find_unit (dataset, "XXX"), ==, -1);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 10, 2), ==, 8960.6);

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changes), seen);
  g_assert_true (ca_dataset_set_value_by_id (dataset, "AKT", "density", 220, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen[0], ==, 1);
  g_assert_cmpuint (seen[1], ==, CA_CHANGE_VALUES);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 0, 0), ==, 220);

  /* Setting the same value again is not a change. */
  g_assert_true (ca_dataset_set_value (dataset, 0, 0, 220, NULL));
  g_assert_cmpuint (seen[0], ==, 1);

  g_assert_false (ca_dataset_set_value (dataset, 0, 0, INFINITY, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 0, 0), ==, 220);

  g_assert_false (ca_dataset_set_value_by_id (dataset, "XYZ", "density", 1, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (error->message, "XYZ"));
  g_clear_error (&error);
  g_assert_false (ca_dataset_set_value_by_id (dataset, "AKT", "nope", 1, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_INDICATOR);
  g_clear_error (&error);

  /* NAN is "no data" and is allowed. */
  g_assert_true (ca_dataset_set_value (dataset, 1, 1, NAN, NULL));
  g_assert_true (isnan (ca_dataset_get_value (dataset, 1, 1)));
  g_assert_cmpuint (seen[0], ==, 2);
}

static void
test_freeze (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  guint seen[2] = { 0, 0 };

  g_signal_connect (dataset, "changed", G_CALLBACK (count_changes), seen);
  ca_dataset_freeze_changed (dataset);
  ca_dataset_set_value (dataset, 0, 0, 1, NULL);
  ca_dataset_set_lq_threshold (dataset, 1.5, NULL);
  g_assert_cmpuint (seen[0], ==, 0);
  ca_dataset_thaw_changed (dataset);
  g_assert_cmpuint (seen[0], ==, 1);
  g_assert_cmpuint (seen[1], ==, CA_CHANGE_VALUES | CA_CHANGE_SETTINGS);
}

static void
test_clusters (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  CaCluster *cluster = ca_cluster_new ("metallurgy", CA_CLUSTER_SECTORAL);
  CaText reason = { .en = (char *) "iron-ore deposits" };

  g_ptr_array_add (cluster->industries, g_strdup ("ferrous-metallurgy"));
  ca_dataset_add_cluster (dataset, cluster);
  g_assert_true (ca_dataset_add_cluster_member (dataset, "metallurgy", "KAR", &reason, &error));
  g_assert_no_error (error);
  g_assert_true (ca_cluster_has_member (ca_dataset_get_cluster (dataset, 0), "KAR"));
  g_assert_false (ca_dataset_add_cluster_member (dataset, "metallurgy", "KAR", NULL, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ca_dataset_add_cluster_member (dataset, "metallurgy", "ZZZ", NULL, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_UNIT);
  g_clear_error (&error);
  g_assert_false (ca_dataset_add_cluster_member (dataset, "nope", "AKT", NULL, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_CLUSTER);
  g_clear_error (&error);
  g_assert_true (ca_dataset_remove_cluster_member (dataset, "metallurgy", "KAR", &error));
  g_assert_false (ca_cluster_has_member (ca_dataset_get_cluster (dataset, 0), "KAR"));
  g_assert_true (ca_cluster_has_industry (ca_dataset_get_cluster (dataset, 0), "ferrous-metallurgy"));
}

static void
test_class_spec (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(GError) error = NULL;
  CaClassSpec spec = { CA_CLASSIFY_MANUAL, 3, { 1.0, 0.5 } };

  g_assert_false (ca_dataset_set_class_spec (dataset, 1, &spec, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  spec.breaks[1] = 2.0;
  g_assert_true (ca_dataset_set_class_spec (dataset, 1, &spec, &error));
  g_assert_cmpfloat (ca_dataset_get_indicator (dataset, 1)->classes.breaks[1], ==, 2.0);
  spec.n_classes = 10;
  g_assert_false (ca_dataset_set_class_spec (dataset, 1, &spec, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE);
}

static void
test_copy_and_history (void)
{
  g_autoptr(CaDataset) dataset = fixture_table1_dataset ();
  g_autoptr(CaHistory) history = ca_history_new (dataset);
  g_autoptr(CaDataset) copy = ca_dataset_copy (dataset);

  g_assert_cmpfloat (ca_dataset_get_value (copy, 12, 4), ==, -3.1);
  g_assert_false (ca_history_can_undo (history));
  g_assert_false (ca_history_is_modified (history));

  ca_history_begin (history, "Edit AKT density");
  ca_dataset_set_value (dataset, 0, 0, 5, NULL);
  g_assert_true (ca_history_can_undo (history));
  g_assert_true (ca_history_is_modified (history));
  g_assert_cmpstr (ca_history_get_undo_label (history), ==, "Edit AKT density");

  ca_history_begin (history, "Edit IRG innovation");
  ca_dataset_set_value (dataset, 12, 4, 0, NULL);

  ca_history_undo (history);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 12, 4), ==, -3.1);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 0, 0), ==, 5);
  ca_history_undo (history);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 0, 0), ==, 218);
  g_assert_false (ca_history_is_modified (history));
  g_assert_false (ca_history_can_undo (history));
  g_assert_true (ca_history_can_redo (history));

  ca_history_redo (history);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 0, 0), ==, 5);
  g_assert_true (ca_history_is_modified (history));
  ca_history_mark_saved (history);
  g_assert_false (ca_history_is_modified (history));
  ca_history_redo (history);
  g_assert_cmpfloat (ca_dataset_get_value (dataset, 12, 4), ==, 0);
  g_assert_true (ca_history_is_modified (history));

  /* A refused edit leaves no step behind. */
  ca_history_begin (history, "refused");
  ca_history_cancel (history);
  g_assert_cmpstr (ca_history_get_undo_label (history), ==, "Edit IRG innovation");
  g_assert_true (ca_history_is_modified (history));
  /* The copy taken before was not touched by any of this. */
  g_assert_cmpfloat (ca_dataset_get_value (copy, 0, 0), ==, 218);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dataset/values", test_values_and_signal);
  g_test_add_func ("/dataset/freeze", test_freeze);
  g_test_add_func ("/dataset/clusters", test_clusters);
  g_test_add_func ("/dataset/class-spec", test_class_spec);
  g_test_add_func ("/dataset/copy-and-history", test_copy_and_history);
  return g_test_run ();
}
