/* ca-analysis-panel.c
 *
 * Three groups, shown by figure: the indicator's classification (Figs. 1–3),
 * Stage 1's composite and breaks (favourability), Stage 2's threshold and
 * industry data (always). Every control writes the dataset under the
 * history; the dataset's ::changed signal writes the controls back, with
 * self->updating keeping that write-back from looking like user edits.
 * The breaks entries live in ca-analysis-panel-breaks.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-analysis-panel-private.h"
#include "ca-csv.h"
#include "ca-figure.h"
#include "ca-panel-util.h"
#include "ca-resources.h"
#include "ca-rank-score.h"

G_DEFINE_FINAL_TYPE (CaAnalysisPanel, ca_analysis_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ca_analysis_panel_set_message (CaAnalysisPanel *self,
                               const char      *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

int
ca_analysis_panel_current_indicator (CaAnalysisPanel *self)
{
  if (self->dataset == NULL || self->figure == NULL)
    return -1;
  return ca_dataset_find_indicator (self->dataset, self->figure);
}

static gboolean
is_favourability (CaAnalysisPanel *self)
{
  return g_strcmp0 (self->figure, CA_FIGURE_FAVOURABILITY) == 0;
}

/* Stage 1 */

static void
refresh_composite (CaAnalysisPanel *self)
{
  CaCompositeMethod method = ca_dataset_get_composite_method (self->dataset);
  gboolean lower = ca_composite_lower_is_better (method);
  double breaks[2], ascending[2];
  g_autofree char *b0 = NULL;
  g_autofree char *b1 = NULL;

  ca_analysis_get_breaks (self->analysis, breaks);
  b0 = ca_panel_format_number (breaks[0]);
  b1 = ca_panel_format_number (breaks[1]);
  ascending[0] = lower ? breaks[0] : breaks[1];
  ascending[1] = lower ? breaks[1] : breaks[0];

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->composite_dropdown, method);
  gtk_label_set_text_with_mnemonic (self->favourable_label,
                                    lower ? _("_Favourable up to") : _("_Favourable from"));
  gtk_label_set_text_with_mnemonic (self->less_favourable_label,
                                    lower ? _("_Less favourable up to")
                                          : _("_Less favourable from"));
  gtk_editable_set_text (GTK_EDITABLE (self->favourable_entry), b0);
  gtk_editable_set_text (GTK_EDITABLE (self->less_favourable_entry), b1);
  ca_panel_mark_error (GTK_WIDGET (self->favourable_entry), NULL);
  ca_panel_mark_error (GTK_WIDGET (self->less_favourable_entry), NULL);
  ca_breaks_strip_set_values (self->composite_strip, ca_analysis_get_composite (self->analysis),
                              ca_dataset_get_n_units (self->dataset));
  ca_breaks_strip_set_breaks (self->composite_strip, ascending, 2);
  gtk_widget_set_sensitive (self->natural_breaks_button,
                            ca_dataset_get_composite_breaks (self->dataset, method) != NULL);
  self->updating = FALSE;
}

typedef struct
{
  CaCompositeMethod method;
  const double     *breaks;   /* NULL: the method's natural breaks */
} CompositeEdit;

static gboolean
apply_composite_breaks (CaDataset *dataset,
                        gpointer   data,
                        GError   **error)
{
  CompositeEdit *edit = data;

  ca_dataset_set_composite_breaks (dataset, edit->method, edit->breaks);
  return TRUE;
}

static gboolean
apply_composite_method (CaDataset *dataset,
                        gpointer   data,
                        GError   **error)
{
  ca_dataset_set_composite_method (dataset, ((CompositeEdit *) data)->method);
  return TRUE;
}

/* Breaks best type first; refused in place unless they order the types. */
static gboolean
set_composite_breaks (CaAnalysisPanel *self,
                      const double     breaks[2],
                      GError         **error)
{
  CompositeEdit edit = { ca_dataset_get_composite_method (self->dataset), breaks };
  gboolean lower = ca_composite_lower_is_better (edit.method);

  if (breaks != NULL && (lower ? !(breaks[0] < breaks[1]) : !(breaks[0] > breaks[1])))
    {
      g_autofree char *b0 = ca_panel_format_number (breaks[0]);
      g_autofree char *b1 = ca_panel_format_number (breaks[1]);

      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_INVALID_VALUE,
                   lower ? _("The favourable break (%s) must be below the less favourable one (%s)")
                         : _("The favourable break (%s) must be above the less favourable one (%s)"),
                   b0, b1);
      return FALSE;
    }
  return ca_panel_edit (self->history, self->dataset, _("Set favourability breaks"),
                        apply_composite_breaks, &edit, error);
}

static void
commit_composite_entries (CaAnalysisPanel *self)
{
  GtkEntry *entries[2] = { self->favourable_entry, self->less_favourable_entry };
  g_autoptr(GError) error = NULL;
  double breaks[2];

  for (guint i = 0; i < 2; i++)
    if (!ca_analysis_panel_parse_entry (entries[i], &breaks[i], &error))
      {
        ca_analysis_panel_refuse (self, GTK_WIDGET (entries[i]), error);
        return;
      }
  if (!set_composite_breaks (self, breaks, &error))
    ca_analysis_panel_refuse (self, GTK_WIDGET (self->less_favourable_entry), error);
  else
    ca_analysis_panel_set_message (self, NULL);
}

static void
on_composite_entry_activate (CaAnalysisPanel *self)
{
  commit_composite_entries (self);
}

static void
on_composite_strip_moved (CaBreaksStrip   *strip,
                          guint            index,
                          double           value,
                          CaAnalysisPanel *self)
{
  CaCompositeMethod method = ca_dataset_get_composite_method (self->dataset);
  g_autoptr(GError) error = NULL;
  double breaks[2];

  ca_analysis_get_breaks (self->analysis, breaks);
  /* The strip runs low to high; breaks go best type first. */
  breaks[ca_composite_lower_is_better (method) ? index : 1 - index] = value;
  if (!set_composite_breaks (self, breaks, &error))
    {
      ca_analysis_panel_set_message (self, error->message);
      refresh_composite (self);
    }
  else
    ca_analysis_panel_set_message (self, NULL);
}

static void
on_composite_method_changed (CaAnalysisPanel *self)
{
  CompositeEdit edit = { gtk_drop_down_get_selected (self->composite_dropdown), NULL };

  if (self->updating || self->dataset == NULL || edit.method > CA_COMPOSITE_MINMAX_SUM)
    return;
  ca_panel_edit (self->history, self->dataset, _("Change composite method"),
                 apply_composite_method, &edit, NULL);
}

static void
on_natural_breaks_clicked (CaAnalysisPanel *self)
{
  if (self->dataset != NULL)
    set_composite_breaks (self, NULL, NULL);
}

/* Stage 2 */

static void
refresh_lq (CaAnalysisPanel *self)
{
  const CaMatrix *matrix = ca_dataset_get_industry_matrix (self->dataset);
  const char *problem = ca_analysis_get_lq_problem (self->analysis);
  g_autofree char *text = NULL;

  if (matrix == NULL)
    text = g_strdup (_("Industry data: published location quotients (Table 3)"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Industry data: %s, %u industry; location quotients computed from it",
                                         "Industry data: %s, %u industries; location quotients computed from it",
                                         matrix->industries->len),
                            self->matrix_name != NULL ? self->matrix_name : _("imported matrix"),
                            matrix->industries->len);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->threshold_spin, ca_dataset_get_lq_threshold (self->dataset));
  self->updating = FALSE;
  gtk_label_set_text (self->matrix_label, text);
  gtk_widget_set_sensitive (self->published_button, matrix != NULL);
  gtk_label_set_text (self->lq_problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lq_problem_label), problem != NULL);
}

static gboolean
apply_threshold (CaDataset *dataset,
                 gpointer   data,
                 GError   **error)
{
  return ca_dataset_set_lq_threshold (dataset, *(double *) data, error);
}

static void
on_threshold_changed (CaAnalysisPanel *self)
{
  g_autoptr(GError) error = NULL;
  /* The spin button shows one decimal: store what it shows. */
  double threshold = round (gtk_spin_button_get_value (self->threshold_spin) * 10.0) / 10.0;

  if (self->updating || self->dataset == NULL)
    return;
  if (!ca_panel_edit (self->history, self->dataset, _("Set location quotient threshold"),
                      apply_threshold, &threshold, &error))
    ca_analysis_panel_refuse (self, GTK_WIDGET (self->threshold_spin), error);
  else
    ca_analysis_panel_set_message (self, NULL);
}

static gboolean
apply_matrix (CaDataset *dataset,
              gpointer   data,
              GError   **error)
{
  ca_dataset_set_industry_matrix (dataset, data);
  return TRUE;
}

static void
on_published_clicked (CaAnalysisPanel *self)
{
  if (self->dataset != NULL)
    ca_panel_edit (self->history, self->dataset, _("Use published location quotients"),
                   apply_matrix, NULL, NULL);
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    CaAnalysisPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !ca_analysis_panel_import_matrix (self, path, &error))
        ca_analysis_panel_set_message (self, error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
on_import_clicked (CaAnalysisPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->dataset == NULL)
    return;
  self->chooser = GTK_NATIVE_DIALOG (
    gtk_file_chooser_native_new (_("Import Industry Matrix"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel")));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* Refreshing */

static void
update_visibility (CaAnalysisPanel *self)
{
  gtk_widget_set_visible (self->class_box, ca_analysis_panel_current_indicator (self) >= 0);
  gtk_widget_set_visible (self->composite_box, self->dataset != NULL && is_favourability (self));
  gtk_widget_set_visible (self->lq_box, self->dataset != NULL);
}

static void
refresh_all (CaAnalysisPanel *self)
{
  update_visibility (self);
  if (self->dataset == NULL)
    return;
  if (ca_analysis_panel_current_indicator (self) >= 0)
    ca_analysis_panel_refresh_classes (self);
  if (is_favourability (self))
    refresh_composite (self);
  refresh_lq (self);
}

static void
on_dataset_changed (CaDataset       *dataset,
                    guint            flags,
                    CaAnalysisPanel *self)
{
  if (flags & CA_CHANGE_METADATA)
    update_visibility (self);
  if ((flags & (CA_CHANGE_VALUES | CA_CHANGE_SETTINGS | CA_CHANGE_METADATA)) &&
      ca_analysis_panel_current_indicator (self) >= 0)
    ca_analysis_panel_refresh_classes (self);
  if ((flags & (CA_CHANGE_VALUES | CA_CHANGE_SETTINGS | CA_CHANGE_METADATA)) &&
      is_favourability (self))
    refresh_composite (self);
  if (flags & (CA_CHANGE_INDUSTRY | CA_CHANGE_SETTINGS | CA_CHANGE_METADATA))
    refresh_lq (self);
}

/* GObject */

static void
ca_analysis_panel_dispose (GObject *object)
{
  CaAnalysisPanel *self = CA_ANALYSIS_PANEL (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_ANALYSIS_PANEL);
  g_clear_object (&self->analysis);
  g_clear_object (&self->dataset);
  g_clear_object (&self->history);
  g_clear_pointer (&self->figure, g_free);
  g_clear_pointer (&self->matrix_name, g_free);
  g_clear_pointer (&self->shown_breaks, g_array_unref);
  g_clear_pointer (&self->break_entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ca_analysis_panel_parent_class)->dispose (object);
}

static void
ca_analysis_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CaAnalysisPanel *self = CA_ANALYSIS_PANEL (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_analysis_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CaAnalysisPanel *self = CA_ANALYSIS_PANEL (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      ca_analysis_panel_set_figure (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_analysis_panel_class_init (CaAnalysisPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_analysis_panel_dispose;
  object_class->get_property = ca_analysis_panel_get_property;
  object_class->set_property = ca_analysis_panel_set_property;

  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CA_TYPE_BREAKS_STRIP);
  /* Referencing the resource links its object file (and with it the
   * constructor that registers it) into programs using the static library. */
  (void) ca_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/ui/ca-analysis-panel.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CaAnalysisPanel, name)
  BIND (content);
  BIND (class_box);
  BIND (composite_box);
  BIND (lq_box);
  BIND (class_heading);
  BIND (method_dropdown);
  BIND (classes_spin);
  BIND (breaks_box);
  BIND (class_strip);
  BIND (composite_dropdown);
  BIND (favourable_label);
  BIND (less_favourable_label);
  BIND (favourable_entry);
  BIND (less_favourable_entry);
  BIND (composite_strip);
  BIND (natural_breaks_button);
  BIND (threshold_spin);
  BIND (matrix_label);
  BIND (lq_problem_label);
  BIND (published_button);
  BIND (message_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_natural_breaks_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_published_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "analysispanel");
}

static void
ca_analysis_panel_init (CaAnalysisPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lang = ca_panel_get_lang ();
  self->shown_breaks = g_array_new (FALSE, FALSE, sizeof (double));
  self->break_entries = g_ptr_array_new ();

  g_signal_connect_swapped (self->method_dropdown, "notify::selected",
                            G_CALLBACK (ca_analysis_panel_on_method_changed), self);
  g_signal_connect_swapped (self->classes_spin, "value-changed",
                            G_CALLBACK (ca_analysis_panel_on_classes_changed), self);
  g_signal_connect (self->class_strip, "break-moved",
                    G_CALLBACK (ca_analysis_panel_on_class_strip_moved), self);
  g_signal_connect_swapped (self->composite_dropdown, "notify::selected",
                            G_CALLBACK (on_composite_method_changed), self);
  g_signal_connect_swapped (self->favourable_entry, "activate",
                            G_CALLBACK (on_composite_entry_activate), self);
  g_signal_connect_swapped (self->less_favourable_entry, "activate",
                            G_CALLBACK (on_composite_entry_activate), self);
  g_signal_connect (self->composite_strip, "break-moved",
                    G_CALLBACK (on_composite_strip_moved), self);
  g_signal_connect_swapped (self->threshold_spin, "value-changed",
                            G_CALLBACK (on_threshold_changed), self);
  update_visibility (self);
}

/* Public */

GtkWidget *
ca_analysis_panel_new (void)
{
  return g_object_new (CA_TYPE_ANALYSIS_PANEL, NULL);
}

void
ca_analysis_panel_set_analysis (CaAnalysisPanel *self,
                                CaAnalysis      *analysis)
{
  g_return_if_fail (CA_IS_ANALYSIS_PANEL (self));
  g_return_if_fail (analysis == NULL || CA_IS_ANALYSIS (analysis));

  if (analysis == self->analysis)
    return;
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->analysis, analysis);
  g_clear_object (&self->dataset);
  if (analysis != NULL)
    self->dataset = g_object_ref (ca_analysis_get_dataset (analysis));
  /* A new project: the imported file's name belonged to the old one. */
  g_clear_pointer (&self->matrix_name, g_free);
  ca_analysis_panel_set_message (self, NULL);
  if (self->dataset != NULL)
    g_signal_connect_object (self->dataset, "changed", G_CALLBACK (on_dataset_changed), self, 0);
  refresh_all (self);
}

void
ca_analysis_panel_set_history (CaAnalysisPanel *self,
                               CaHistory       *history)
{
  g_return_if_fail (CA_IS_ANALYSIS_PANEL (self));
  g_return_if_fail (history == NULL || CA_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

const char *
ca_analysis_panel_get_figure (CaAnalysisPanel *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS_PANEL (self), NULL);
  return self->figure;
}

void
ca_analysis_panel_set_figure (CaAnalysisPanel *self,
                              const char      *figure_id)
{
  g_return_if_fail (CA_IS_ANALYSIS_PANEL (self));

  if (g_strcmp0 (self->figure, figure_id) == 0)
    return;
  g_free (self->figure);
  self->figure = g_strdup (figure_id);
  ca_analysis_panel_set_message (self, NULL);
  refresh_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

gboolean
ca_analysis_panel_import_matrix (CaAnalysisPanel *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autoptr(CaMatrix) matrix = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CA_IS_ANALYSIS_PANEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);

  matrix = ca_csv_read_industry_matrix (self->dataset, path, error);
  if (matrix == NULL)
    return FALSE;
  g_free (self->matrix_name);
  self->matrix_name = g_path_get_basename (path);
  /* TRANSLATORS: an undo step; %s is a file name */
  name = g_strdup_printf (_("Import %s"), self->matrix_name);
  if (!ca_panel_edit (self->history, self->dataset, name, apply_matrix,
                      g_steal_pointer (&matrix), error))
    return FALSE;
  ca_analysis_panel_set_message (self, NULL);
  /* The same matrix again changes nothing, but the name may be new. */
  refresh_lq (self);
  return TRUE;
}

const char *
ca_analysis_panel_get_message (CaAnalysisPanel *self)
{
  g_return_val_if_fail (CA_IS_ANALYSIS_PANEL (self), NULL);
  return gtk_label_get_text (self->message_label);
}
