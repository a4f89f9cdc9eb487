/* test-panels.c — the indicator table, the analysis panel and the cluster
 * panel, shown in a window over the bundled Aktobe project.
 *
 * Needs a display (CI runs the suite under xvfb-run); skipped without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ca-analysis-panel.h"
#include "ca-breaks-strip.h"
#include "ca-cluster-panel.h"
#include "ca-indicator-table.h"
#include "ca-panel-util.h"
#include "ca-project.h"
#include "ca-value-cell.h"

/* Unit indices in the default project (Table 1 order). */
enum { AKT = 0, ALG = 1, KAR = 4, MAR = 6, TEM = 9, KHR = 10, SHA = 11 };

typedef struct
{
  CaDataset  *dataset;
  CaAnalysis *analysis;
  CaHistory  *history;
  GtkWidget  *window;
  GtkWidget  *table;
  GtkWidget  *analysis_panel;
  GtkWidget  *cluster_panel;
} Fixture;

static void
wait_frames (void)
{
  /* Let layout, binding and drawing happen. */
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->dataset = ca_project_load_default (&error);
  g_assert_no_error (error);
  f->analysis = ca_analysis_new (f->dataset);
  f->history = ca_history_new (f->dataset);

  f->table = ca_indicator_table_new ();
  f->analysis_panel = ca_analysis_panel_new ();
  f->cluster_panel = ca_cluster_panel_new ();
  ca_indicator_table_set_history (CA_INDICATOR_TABLE (f->table), f->history);
  ca_indicator_table_set_analysis (CA_INDICATOR_TABLE (f->table), f->analysis);
  ca_analysis_panel_set_history (CA_ANALYSIS_PANEL (f->analysis_panel), f->history);
  ca_analysis_panel_set_analysis (CA_ANALYSIS_PANEL (f->analysis_panel), f->analysis);
  ca_cluster_panel_set_history (CA_CLUSTER_PANEL (f->cluster_panel), f->history);
  ca_cluster_panel_set_analysis (CA_CLUSTER_PANEL (f->cluster_panel), f->analysis);

  gtk_widget_set_hexpand (f->table, TRUE);
  gtk_widget_set_size_request (side, 420, -1);
  gtk_widget_set_vexpand (f->cluster_panel, TRUE);
  gtk_box_append (GTK_BOX (box), f->table);
  gtk_box_append (GTK_BOX (side), f->analysis_panel);
  gtk_box_append (GTK_BOX (side), f->cluster_panel);
  gtk_box_append (GTK_BOX (box), side);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 1000);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_frames ();
  g_clear_object (&f->history);
  g_clear_object (&f->analysis);
  g_assert_finalize_object (f->dataset);
}

static char *
cell_text (Fixture    *f,
           guint       unit,
           const char *column)
{
  return ca_indicator_table_get_cell_text (CA_INDICATOR_TABLE (f->table), unit, column);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first descendant of @type that is shown. */
static GtkWidget *
find_shown (GtkWidget *widget,
            GType      type)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *cluster_row (Fixture    *f,
                               const char *cluster_id);

/* The body of the cluster's expander (unparented while it is closed). */
static GtkWidget *
cluster_body (Fixture    *f,
              const char *cluster_id)
{
  GtkWidget *row = cluster_row (f, cluster_id);

  return gtk_expander_get_child (g_object_get_data (G_OBJECT (row), "ca-expander"));
}

static GtkWidget *
cluster_row (Fixture    *f,
             const char *cluster_id)
{
  GtkWidget *list = find_descendant (f->cluster_panel, GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "ca-cluster"), cluster_id) == 0)
      return row;
  return NULL;
}

static guint
first_row_unit (Fixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (f->table, GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  guint unit;

  g_object_get (row, "unit", &unit, NULL);
  return unit;
}

/* The table */

static void
test_table_edit (Fixture       *f,
                 gconstpointer  data)
{
  CaIndicatorTable *table = CA_INDICATOR_TABLE (f->table);
  int density = ca_dataset_find_indicator (f->dataset, "density");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (density, >=, 0);
  /* The cells are on screen. */
  g_assert_true (CA_IS_VALUE_CELL (ca_indicator_table_get_cell_widget (table, AKT, "density")));
  text = cell_text (f, AKT, "density");
  g_assert_cmpstr (text, ==, "218");
  g_clear_pointer (&text, g_free);
  /* Rank sum over Table 1 (1 = best, ties averaged): AKT 1+1+2+1+2 = 7. */
  text = cell_text (f, AKT, CA_INDICATOR_TABLE_COLUMN_COMPOSITE);
  g_assert_cmpstr (text, ==, "7");
  g_clear_pointer (&text, g_free);

  /* AKT's density 218 → 3.5 drops its density rank from 1 to 3 (behind
   * ALG 6.3 and MAR 5.1): rank sum 9, still favourable (≤ 26). */
  g_assert_true (ca_indicator_table_edit_cell (table, AKT, "density", "3.5", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, AKT, (guint) density), ==, 3.5);
  text = cell_text (f, AKT, "density");
  g_assert_cmpstr (text, ==, "3.5");
  g_clear_pointer (&text, g_free);
  text = cell_text (f, AKT, CA_INDICATOR_TABLE_COLUMN_COMPOSITE);
  g_assert_cmpstr (text, ==, "9");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (ca_history_get_undo_label (f->history), ==, "Edit AKT Population density in 2025 (forecast)");

  /* TEM's density 3.3 → 0,1 (decimal comma): its density rank goes from
   * 5 (tied with KAR and KHR) to 13, rank sum 31 − 5 + 13 = 39 > 33, so
   * TEM turns from less favourable to unfavourable in the class column. */
  text = cell_text (f, TEM, CA_INDICATOR_TABLE_COLUMN_CLASS);
  g_assert_cmpstr (text, ==, "less favourable");
  g_clear_pointer (&text, g_free);
  g_assert_true (ca_indicator_table_edit_cell (table, TEM, "density", "0,1", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, TEM, (guint) density), ==, 0.1);
  text = cell_text (f, TEM, CA_INDICATOR_TABLE_COLUMN_CLASS);
  g_assert_cmpstr (text, ==, "unfavourable");
  g_clear_pointer (&text, g_free);
  text = cell_text (f, TEM, CA_INDICATOR_TABLE_COLUMN_COMPOSITE);
  g_assert_cmpstr (text, ==, "39");
  g_clear_pointer (&text, g_free);
  /* The bound label itself shows it, not just the accessor. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ca_indicator_table_get_cell_widget (
                     table, TEM, CA_INDICATOR_TABLE_COLUMN_CLASS))), ==, "unfavourable");

  /* Undo restores value, rank sum and type. */
  ca_history_undo (f->history);
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, TEM, (guint) density), ==, 3.3);
  text = cell_text (f, TEM, CA_INDICATOR_TABLE_COLUMN_CLASS);
  g_assert_cmpstr (text, ==, "less favourable");
  g_clear_pointer (&text, g_free);
  text = cell_text (f, TEM, "density");
  g_assert_cmpstr (text, ==, "3.3");
  g_clear_pointer (&text, g_free);
  ca_history_undo (f->history);
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, AKT, (guint) density), ==, 218);
  text = cell_text (f, AKT, CA_INDICATOR_TABLE_COLUMN_COMPOSITE);
  g_assert_cmpstr (text, ==, "7");
  g_clear_pointer (&text, g_free);
  g_assert_false (ca_history_can_undo (f->history));

  /* Typing the value it already has makes no undo step. */
  g_assert_true (ca_indicator_table_edit_cell (table, AKT, "density", "218.0", &error));
  g_assert_false (ca_history_can_undo (f->history));
  text = cell_text (f, AKT, "density");
  g_assert_cmpstr (text, ==, "218");
  g_clear_pointer (&text, g_free);

  /* An empty cell is "no data": the unit's composite becomes unknown. */
  g_assert_true (ca_indicator_table_edit_cell (table, SHA, "density", "", &error));
  g_assert_no_error (error);
  g_assert_true (isnan (ca_dataset_get_value (f->dataset, SHA, (guint) density)));
  text = cell_text (f, SHA, CA_INDICATOR_TABLE_COLUMN_CLASS);
  g_assert_cmpstr (text, ==, "no data");
  g_clear_pointer (&text, g_free);
  ca_history_undo (f->history);
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, SHA, (guint) density), ==, 0.8);
}

static void
test_table_invalid (Fixture       *f,
                    gconstpointer  data)
{
  CaIndicatorTable *table = CA_INDICATOR_TABLE (f->table);
  int density = ca_dataset_find_indicator (f->dataset, "density");
  GtkWidget *cell = ca_indicator_table_get_cell_widget (table, KHR, "density");
  g_autoptr(GError) error = NULL;

  g_assert_true (CA_IS_VALUE_CELL (cell));
  g_assert_false (ca_indicator_table_edit_cell (table, KHR, "density", "abc", &error));
  g_assert_error (error, CA_INDICATOR_TABLE_ERROR, CA_INDICATOR_TABLE_ERROR_NOT_A_NUMBER);
  g_assert_cmpstr (error->message, ==, "“abc” is not a number");
  /* Refused in place: dataset and history untouched, the text kept and
   * marked with the reason. */
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, KHR, (guint) density), ==, 3.3);
  g_assert_false (ca_history_can_undo (f->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "abc");
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "“abc” is not a number");

  /* Escape goes back to the value. */
  ca_value_cell_revert (CA_VALUE_CELL (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "3.3");
  g_assert_false (gtk_widget_has_css_class (cell, "error"));

  /* The dataset's own refusal (infinity) is shown the same way. */
  g_clear_error (&error);
  g_assert_false (ca_indicator_table_edit_cell (table, KHR, "density", "1e999", &error));
  g_assert_nonnull (error);
  g_assert_false (ca_history_can_undo (f->history));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
}

/* Under a Russian or Kazakh locale numbers show and read with a decimal
 * comma. Skipped where neither locale is installed (CI's Debian has only C). */
static void
test_table_decimal_comma (Fixture       *f,
                          gconstpointer  data)
{
  CaIndicatorTable *table = CA_INDICATOR_TABLE (f->table);
  int density = ca_dataset_find_indicator (f->dataset, "density");
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "kk_KZ.UTF-8") == NULL)
    {
      g_test_skip ("Neither ru_RU.UTF-8 nor kk_KZ.UTF-8 is installed");
      return;
    }
  text = ca_panel_format_number (6.3);
  g_assert_cmpstr (text, ==, "6,3");
  g_clear_pointer (&text, g_free);

  /* Both separators are read; the cells re-bound by the edit show commas. */
  g_assert_true (ca_indicator_table_edit_cell (table, AKT, "density", "3,5", NULL));
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, AKT, (guint) density), ==, 3.5);
  g_assert_true (ca_indicator_table_edit_cell (table, KAR, "density", "2.5", NULL));
  g_assert_cmpfloat (ca_dataset_get_value (f->dataset, KAR, (guint) density), ==, 2.5);
  text = cell_text (f, AKT, "density");
  g_assert_cmpstr (text, ==, "3,5");
  g_clear_pointer (&text, g_free);
  text = cell_text (f, ALG, "density");
  g_assert_cmpstr (text, ==, "6,3");
  setlocale (LC_NUMERIC, "C.UTF-8");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_table_selection (Fixture       *f,
                      gconstpointer  data)
{
  CaIndicatorTable *table = CA_INDICATOR_TABLE (f->table);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (f->table, GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) density_column = g_list_model_get_item (columns, 2);
  guint notified = 0;
  int selected;
  GObject *item;
  guint unit;

  g_signal_connect (table, "notify::selected-unit", G_CALLBACK (count_notify), &notified);
  g_assert_cmpint (ca_indicator_table_get_selected_unit (table), ==, -1);

  /* Property → selection. */
  g_object_set (table, "selected-unit", KHR, NULL);
  g_assert_cmpuint (notified, ==, 1);
  item = gtk_single_selection_get_selected_item (selection);
  g_object_get (item, "unit", &unit, NULL);
  g_assert_cmpuint (unit, ==, KHR);
  g_object_set (table, "selected-unit", KHR, NULL);
  g_assert_cmpuint (notified, ==, 1);

  /* Selection → property. */
  gtk_single_selection_set_selected (selection, MAR);   /* unsorted: row = unit */
  g_object_get (table, "selected-unit", &selected, NULL);
  g_assert_cmpint (selected, ==, MAR);
  g_assert_cmpuint (notified, ==, 2);

  /* Sorting by density, highest first: AKT (218) on top; after an edit the
   * order follows the data and the selection stays on MAR. */
  gtk_column_view_sort_by_column (view, density_column, GTK_SORT_DESCENDING);
  wait_frames ();
  g_assert_cmpuint (first_row_unit (f), ==, AKT);
  g_assert_true (ca_indicator_table_edit_cell (table, AKT, "density", "1", NULL));
  wait_frames ();
  g_assert_cmpuint (first_row_unit (f), ==, ALG);
  item = gtk_single_selection_get_selected_item (selection);
  g_object_get (item, "unit", &unit, NULL);
  g_assert_cmpuint (unit, ==, MAR);
  g_assert_cmpint (ca_indicator_table_get_selected_unit (table), ==, MAR);
  g_assert_cmpuint (notified, ==, 2);

  /* -1 clears. */
  ca_indicator_table_set_selected_unit (table, -1);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpuint (notified, ==, 3);
}

/* The cluster panel */

static void
test_cluster_members (Fixture       *f,
                      gconstpointer  data)
{
  CaClusterPanel *panel = CA_CLUSTER_PANEL (f->cluster_panel);
  int index = ca_dataset_find_cluster (f->dataset, "metallurgy");
  const CaCluster *cluster;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (index, >=, 0);
  cluster = ca_dataset_get_cluster (f->dataset, (guint) index);
  g_assert_false (ca_cluster_has_member (cluster, "SHA"));
  g_assert_null (find_label (cluster_body (f, "metallurgy"), "SHA — "));
  g_assert_nonnull (find_label (cluster_body (f, "metallurgy"), "KAR — "));

  g_assert_true (ca_cluster_panel_add_member (panel, "metallurgy", "SHA", "Test reason", &error));
  g_assert_no_error (error);
  cluster = ca_dataset_get_cluster (f->dataset, (guint) index);
  g_assert_true (ca_cluster_has_member (cluster, "SHA"));
  g_assert_cmpstr (ca_text_get (&g_array_index (cluster->members, CaClusterMember,
                                                cluster->members->len - 1).reason, CA_LANG_EN),
                   ==, "Test reason");
  g_assert_nonnull (find_label (cluster_body (f, "metallurgy"), "SHA — "));
  g_assert_nonnull (find_label (cluster_body (f, "metallurgy"), "Reason: Test reason"));

  /* Adding twice is refused by the dataset, with no undo step. */
  g_assert_false (ca_cluster_panel_add_member (panel, "metallurgy", "SHA", NULL, &error));
  g_assert_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  ca_history_undo (f->history);
  cluster = ca_dataset_get_cluster (f->dataset, (guint) index);
  g_assert_false (ca_cluster_has_member (cluster, "SHA"));
  g_assert_null (find_label (cluster_body (f, "metallurgy"), "SHA — "));
  g_assert_false (ca_history_can_undo (f->history));

  g_assert_true (ca_cluster_panel_remove_member (panel, "metallurgy", "KAR", &error));
  g_assert_no_error (error);
  cluster = ca_dataset_get_cluster (f->dataset, (guint) index);
  g_assert_false (ca_cluster_has_member (cluster, "KAR"));
  g_assert_null (find_label (cluster_body (f, "metallurgy"), "KAR — "));
  ca_history_undo (f->history);
  cluster = ca_dataset_get_cluster (f->dataset, (guint) index);
  g_assert_true (ca_cluster_has_member (cluster, "KAR"));
  g_assert_nonnull (find_label (cluster_body (f, "metallurgy"), "KAR — "));
}

static const char *
mark_text (Fixture    *f,
           const char *cluster_id,
           const char *code)
{
  g_autofree char *prefix = g_strconcat (code, " — ", NULL);
  GtkWidget *title = find_label (cluster_body (f, cluster_id), prefix);
  GtkWidget *mark;

  g_assert_nonnull (title);
  mark = gtk_widget_get_next_sibling (title);
  g_assert_true (GTK_IS_LABEL (mark));
  return gtk_label_get_text (GTK_LABEL (mark));
}

static void
test_cluster_marks (Fixture       *f,
                    gconstpointer  data)
{
  CaClusterPanel *panel = CA_CLUSTER_PANEL (f->cluster_panel);

  /* Khromtau: favourable with non-ferrous metallurgy LQ 4.6 > 1. */
  g_assert_cmpstr (mark_text (f, "metallurgy", "KHR"), ==, "paper ✓  finder ✓");
  /* Kargaly is unfavourable, but its recorded reason (deposits, position)
   * is an advantage the finder accepts. */
  g_assert_cmpstr (mark_text (f, "metallurgy", "KAR"), ==, "paper ✓  finder ✓");
  /* Shalkar, added without a reason, has neither: the finder disagrees. */
  g_assert_true (ca_cluster_panel_add_member (panel, "metallurgy", "SHA", "", NULL));
  g_assert_cmpstr (mark_text (f, "metallurgy", "SHA"), ==, "paper ✓  finder ✗");
}

static void
test_cluster_hidden (Fixture       *f,
                     gconstpointer  data)
{
  CaClusterPanel *panel = CA_CLUSTER_PANEL (f->cluster_panel);
  const char *hide[] = { "beverages", NULL };
  g_auto(GStrv) hidden = NULL;
  GtkCheckButton *check;
  guint notified = 0;

  g_signal_connect (panel, "notify::hidden-clusters", G_CALLBACK (count_notify), &notified);
  g_assert_cmpuint (g_strv_length ((char **) ca_cluster_panel_get_hidden_clusters (panel)), ==, 0);

  g_object_set (panel, "hidden-clusters", hide, NULL);
  g_assert_cmpuint (notified, ==, 1);
  check = g_object_get_data (G_OBJECT (cluster_row (f, "beverages")), "ca-check");
  g_assert_false (gtk_check_button_get_active (check));
  g_object_set (panel, "hidden-clusters", hide, NULL);
  g_assert_cmpuint (notified, ==, 1);

  /* Unticking a cluster hides it. */
  check = g_object_get_data (G_OBJECT (cluster_row (f, "metallurgy")), "ca-check");
  gtk_check_button_set_active (check, FALSE);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (panel, "hidden-clusters", &hidden, NULL);
  g_assert_cmpuint (g_strv_length (hidden), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) hidden, "beverages"));
  g_assert_true (g_strv_contains ((const char * const *) hidden, "metallurgy"));

  /* A rebuild (after an edit) keeps the ticks. */
  g_assert_true (ca_cluster_panel_add_member (panel, "beverages", "KHR", NULL, NULL));
  check = g_object_get_data (G_OBJECT (cluster_row (f, "metallurgy")), "ca-check");
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) ca_cluster_panel_get_hidden_clusters (panel)), ==, 1);
}

/* The analysis panel */

static GtkWidget *
break_entry (Fixture *f,
             guint    index)
{
  GtkWidget *flow = find_shown (f->analysis_panel, GTK_TYPE_FLOW_BOX);
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow), (int) index);

  g_assert_nonnull (child);
  return gtk_flow_box_child_get_child (child);
}


static void
test_analysis_breaks (Fixture       *f,
                      gconstpointer  data)
{
  CaAnalysisPanel *panel = CA_ANALYSIS_PANEL (f->analysis_panel);
  int infrastructure = ca_dataset_find_indicator (f->dataset, "infrastructure");
  const double breaks[3] = { -0.5, 1.0, 2.0 };
  const double bad[3] = { -0.5, 2.0, 1.0 };
  const CaClassSpec *spec;
  g_autoptr(GError) error = NULL;
  GtkDropDown *method;

  g_object_set (panel, "figure", "infrastructure", NULL);
  wait_frames ();
  /* The project's own: manual, 4 classes, breaks −1, 0.5, 1.8. */
  g_assert_nonnull (find_label (f->analysis_panel, "Classification: "));

  g_assert_true (ca_analysis_panel_set_manual_breaks (panel, breaks, 3, &error));
  g_assert_no_error (error);
  spec = &ca_dataset_get_indicator (f->dataset, (guint) infrastructure)->classes;
  g_assert_cmpint (spec->method, ==, CA_CLASSIFY_MANUAL);
  g_assert_cmpuint (spec->n_classes, ==, 4);
  g_assert_cmpfloat (spec->breaks[0], ==, -0.5);
  g_assert_cmpfloat (spec->breaks[1], ==, 1.0);
  g_assert_cmpfloat (spec->breaks[2], ==, 2.0);
  g_assert_true (ca_history_can_undo (f->history));

  /* Not increasing: refused with the reason, dataset unchanged. */
  g_assert_false (ca_analysis_panel_set_manual_breaks (panel, bad, 3, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (ca_analysis_panel_get_message (panel), ==,
                   "Breaks must increase: break 3 (1) is not above break 2 (2)");
  spec = &ca_dataset_get_indicator (f->dataset, (guint) infrastructure)->classes;
  g_assert_cmpfloat (spec->breaks[1], ==, 1.0);
  /* The refused break is shown where it was typed, marked. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (break_entry (f, 2))), ==, "1");
  g_assert_true (gtk_widget_has_css_class (break_entry (f, 2), "error"));

  /* Undo restores the project's breaks. */
  ca_history_undo (f->history);
  spec = &ca_dataset_get_indicator (f->dataset, (guint) infrastructure)->classes;
  g_assert_cmpfloat (spec->breaks[0], ==, -1.0);
  g_assert_cmpfloat (spec->breaks[2], ==, 1.8);

  /* Choosing a method in the drop-down classifies with it. */
  method = GTK_DROP_DOWN (find_shown (f->analysis_panel, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (method, CA_CLASSIFY_QUANTILE);
  spec = &ca_dataset_get_indicator (f->dataset, (guint) infrastructure)->classes;
  g_assert_cmpint (spec->method, ==, CA_CLASSIFY_QUANTILE);
  g_assert_cmpuint (spec->n_classes, ==, 4);
  ca_history_undo (f->history);
  g_assert_cmpuint (gtk_drop_down_get_selected (method), ==, CA_CLASSIFY_MANUAL);
}

static void
test_analysis_auto_to_manual (Fixture       *f,
                              gconstpointer  data)
{
  int industry = ca_dataset_find_indicator (f->dataset, "industry");
  const CaClassSpec *spec = &ca_dataset_get_indicator (f->dataset, (guint) industry)->classes;
  GtkWidget *strip, *entry;

  g_object_set (f->analysis_panel, "figure", "industry", NULL);
  wait_frames ();
  /* The project classifies Fig. 2 by natural breaks, 4 classes. Exact
   * Jenks over Table 1's 13 values (checked by enumerating all 220 ways
   * to cut them) ends the classes at 347.7, 4742.4 and 6779.9. */
  g_assert_cmpint (spec->method, ==, CA_CLASSIFY_JENKS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (break_entry (f, 0))), ==, "347.7");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (break_entry (f, 1))), ==, "4742.4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (break_entry (f, 2))), ==, "6779.9");

  /* Dragging the first line to 500 switches to manual from what was shown. */
  strip = find_shown (f->analysis_panel, CA_TYPE_BREAKS_STRIP);
  g_assert_nonnull (strip);
  g_signal_emit_by_name (strip, "break-moved", 0u, 500.0);
  spec = &ca_dataset_get_indicator (f->dataset, (guint) industry)->classes;
  g_assert_cmpint (spec->method, ==, CA_CLASSIFY_MANUAL);
  g_assert_cmpuint (spec->n_classes, ==, 4);
  g_assert_cmpfloat (spec->breaks[0], ==, 500);
  g_assert_cmpfloat (spec->breaks[1], ==, 4742.4);
  g_assert_cmpfloat (spec->breaks[2], ==, 6779.9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (break_entry (f, 0))), ==, "500");

  /* Typing a break and Enter. */
  entry = break_entry (f, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "5000");
  g_signal_emit_by_name (entry, "activate");
  spec = &ca_dataset_get_indicator (f->dataset, (guint) industry)->classes;
  g_assert_cmpfloat (spec->breaks[1], ==, 5000);

  /* A typo is refused in place. */
  entry = break_entry (f, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "x");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (ca_analysis_panel_get_message (CA_ANALYSIS_PANEL (f->analysis_panel)), ==,
                   "“x” is not a number");
  spec = &ca_dataset_get_indicator (f->dataset, (guint) industry)->classes;
  g_assert_cmpfloat (spec->breaks[2], ==, 6779.9);

  /* Five classes from manual breaks 500, 5000, 6779.9 over 20.9–8960.6:
   * the widest class, 500–5000 (4500 wide), is split at its middle, 2750. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_shown (f->analysis_panel,
                                                          GTK_TYPE_SPIN_BUTTON)), 5);
  spec = &ca_dataset_get_indicator (f->dataset, (guint) industry)->classes;
  g_assert_cmpuint (spec->n_classes, ==, 5);
  g_assert_cmpfloat (spec->breaks[0], ==, 500);
  g_assert_cmpfloat (spec->breaks[1], ==, 2750);
  g_assert_cmpfloat (spec->breaks[2], ==, 5000);
  g_assert_cmpfloat (spec->breaks[3], ==, 6779.9);

  ca_history_undo (f->history);
  ca_history_undo (f->history);
  ca_history_undo (f->history);
  spec = &ca_dataset_get_indicator (f->dataset, (guint) industry)->classes;
  g_assert_cmpint (spec->method, ==, CA_CLASSIFY_JENKS);
  g_assert_false (ca_history_can_undo (f->history));
}

static void
test_analysis_stage_settings (Fixture       *f,
                              gconstpointer  data)
{
  CaAnalysisPanel *panel = CA_ANALYSIS_PANEL (f->analysis_panel);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GtkSpinButton *spin;
  GString *csv;

  g_object_set (panel, "figure", "favourability", NULL);
  wait_frames ();
  g_assert_nonnull (find_label (f->analysis_panel, "Industry data: published"));

  /* The threshold spin button (the only one on this figure). */
  spin = GTK_SPIN_BUTTON (find_shown (f->analysis_panel, GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (spin, 1.5);
  g_assert_cmpfloat (ca_dataset_get_lq_threshold (f->dataset), ==, 1.5);
  ca_history_undo (f->history);
  g_assert_cmpfloat (ca_dataset_get_lq_threshold (f->dataset), ==, 1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 1.0);

  /* An output matrix: food everywhere, oil only in MUG, TEM and BAY. */
  dir = g_dir_make_tmp ("ca-panels-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "output.csv", NULL);
  csv = g_string_new ("code;food;oil\n");
  for (guint u = 0; u < ca_dataset_get_n_units (f->dataset); u++)
    {
      const char *code = ca_dataset_get_unit (f->dataset, u)->code;
      gboolean oil = g_str_equal (code, "MUG") || g_str_equal (code, "TEM") ||
                     g_str_equal (code, "BAY");

      g_string_append_printf (csv, "%s;10;%s\n", code, oil ? "30" : "0");
    }
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  g_string_free (csv, TRUE);

  g_assert_true (ca_analysis_panel_import_matrix (panel, path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ca_dataset_get_industry_matrix (f->dataset));
  g_assert_nonnull (find_label (f->analysis_panel, "Industry data: output.csv, 2 industries"));
  ca_history_undo (f->history);
  g_assert_null (ca_dataset_get_industry_matrix (f->dataset));
  g_assert_nonnull (find_label (f->analysis_panel, "Industry data: published"));

  /* A malformed file is refused with the reader's message. */
  g_assert_true (g_file_set_contents (path, "code;food\nAKT;abc\n", -1, NULL));
  g_assert_false (ca_analysis_panel_import_matrix (panel, path, &error));
  g_assert_nonnull (error);
  g_assert_null (ca_dataset_get_industry_matrix (f->dataset));
  g_assert_false (ca_history_can_undo (f->history));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_analysis_composite (Fixture       *f,
                         gconstpointer  data)
{
  CaAnalysisPanel *panel = CA_ANALYSIS_PANEL (f->analysis_panel);
  const double *breaks;
  GtkWidget *label, *entry;

  g_object_set (panel, "figure", "favourability", NULL);
  wait_frames ();
  label = find_label (f->analysis_panel, "Favourable up to");
  g_assert_nonnull (label);
  entry = gtk_label_get_mnemonic_widget (GTK_LABEL (label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "26");

  /* Typing 20 and Enter: AKT (7) and MUG (15) stay favourable, KHR (24)
   * becomes less favourable. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "20");
  g_signal_emit_by_name (entry, "activate");
  breaks = ca_dataset_get_composite_breaks (f->dataset, CA_COMPOSITE_RANK_SUM);
  g_assert_nonnull (breaks);
  g_assert_cmpfloat (breaks[0], ==, 20);
  g_assert_cmpfloat (breaks[1], ==, 33);
  g_assert_cmpint (ca_analysis_get_types (f->analysis)[KHR], ==, CA_FAVOURABILITY_LESS_FAVOURABLE);

  /* Favourable above less favourable is refused in place. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "40");
  g_signal_emit_by_name (entry, "activate");
  breaks = ca_dataset_get_composite_breaks (f->dataset, CA_COMPOSITE_RANK_SUM);
  g_assert_cmpfloat (breaks[0], ==, 20);
  g_assert_cmpstr (ca_analysis_panel_get_message (panel), ==,
                   "The favourable break (40) must be below the less favourable one (33)");

  ca_history_undo (f->history);
  breaks = ca_dataset_get_composite_breaks (f->dataset, CA_COMPOSITE_RANK_SUM);
  g_assert_cmpfloat (breaks[0], ==, 26);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "26");
}

int
main (int   argc,
      char *argv[])
{
  /* No session bus under xvfb-run: no accessibility bus either. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* Xvfb has no GPU: Cairo draws these widgets faster than llvmpipe GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: the GUI tests need one (run under xvfb-run)\n");
      return 77;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/panels/table/edit", test_table_edit);
  ADD ("/panels/table/invalid", test_table_invalid);
  ADD ("/panels/table/selection", test_table_selection);
  ADD ("/panels/table/decimal-comma", test_table_decimal_comma);
  ADD ("/panels/clusters/members", test_cluster_members);
  ADD ("/panels/clusters/marks", test_cluster_marks);
  ADD ("/panels/clusters/hidden", test_cluster_hidden);
  ADD ("/panels/analysis/breaks", test_analysis_breaks);
  ADD ("/panels/analysis/auto-to-manual", test_analysis_auto_to_manual);
  ADD ("/panels/analysis/stage-settings", test_analysis_stage_settings);
  ADD ("/panels/analysis/composite", test_analysis_composite);
#undef ADD
  return g_test_run ();
}
