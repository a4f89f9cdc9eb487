/* ca-analysis-panel-breaks.c — the analysis panel's classification group:
 * method, number of classes, the inner breaks as entries and on a strip.
 *
 * An automatic method shows the breaks it computed; editing one of them
 * (typing or dragging) switches the indicator to manual breaks starting
 * from what was on show, so nothing jumps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ca-analysis-panel-private.h"
#include "ca-classify.h"
#include "ca-csv.h"
#include "ca-indicator-table.h"
#include "ca-panel-util.h"

gboolean
ca_analysis_panel_parse_entry (GtkEntry *entry,
                               double   *value,
                               GError  **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (!ca_csv_parse_number (text, value) || !isfinite (*value))
    {
      g_set_error (error, CA_INDICATOR_TABLE_ERROR, CA_INDICATOR_TABLE_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a number"), text);
      return FALSE;
    }
  return TRUE;
}

void
ca_analysis_panel_refuse (CaAnalysisPanel *self,
                          GtkWidget       *widget,
                          const GError    *error)
{
  if (widget != NULL)
    ca_panel_mark_error (widget, error->message);
  ca_analysis_panel_set_message (self, error->message);
}

static GArray *
indicator_values (CaAnalysisPanel *self,
                  guint            indicator)
{
  guint n = ca_dataset_get_n_units (self->dataset);
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  for (guint u = 0; u < n; u++)
    {
      double v = ca_dataset_get_value (self->dataset, u, indicator);

      g_array_append_val (values, v);
    }
  return values;
}

/* Fills self->shown_breaks with the inner breaks the figure uses. */
static void
compute_shown_breaks (CaAnalysisPanel   *self,
                      guint              indicator,
                      const CaClassSpec *spec)
{
  g_autoptr(GArray) values = indicator_values (self, indicator);
  g_autoptr(CaClassification) classes = NULL;

  g_array_set_size (self->shown_breaks, 0);
  classes = ca_classify ((double *) values->data, values->len, spec->method, spec->n_classes,
                         spec->method == CA_CLASSIFY_MANUAL ? spec->breaks : NULL, NULL);
  if (classes != NULL && classes->n_classes > 1)
    g_array_append_vals (self->shown_breaks, classes->bounds + 1, classes->n_classes - 1);
  else if (spec->method == CA_CLASSIFY_MANUAL)
    g_array_append_vals (self->shown_breaks, spec->breaks, spec->n_classes - 1);
}

static void commit_break_entries (CaAnalysisPanel *self,
                                  GtkEntry        *source);

static void
on_break_activate (GtkEntry        *entry,
                   CaAnalysisPanel *self)
{
  commit_break_entries (self, entry);
}

static gboolean
on_break_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      CaAnalysisPanel       *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  ca_analysis_panel_set_message (self, NULL);
  ca_analysis_panel_refresh_classes (self);
  return TRUE;
}

static GtkEntry *
new_break_entry (CaAnalysisPanel *self,
                 guint            index)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *controller = gtk_event_controller_key_new ();
  g_autofree char *name = g_strdup_printf (_("Break %u"), index + 1);

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_break_activate), self);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_break_key_pressed), self);
  gtk_widget_add_controller (entry, controller);
  return GTK_ENTRY (entry);
}

static void
sync_break_entries (CaAnalysisPanel *self)
{
  while (self->break_entries->len > self->shown_breaks->len)
    {
      GtkWidget *entry = g_ptr_array_steal_index (self->break_entries, self->break_entries->len - 1);

      gtk_flow_box_remove (self->breaks_box, gtk_widget_get_parent (entry));
    }
  while (self->break_entries->len < self->shown_breaks->len)
    {
      GtkEntry *entry = new_break_entry (self, self->break_entries->len);

      gtk_flow_box_append (self->breaks_box, GTK_WIDGET (entry));
      g_ptr_array_add (self->break_entries, entry);
    }
  for (guint i = 0; i < self->shown_breaks->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->break_entries, i);
      g_autofree char *text = ca_panel_format_number (g_array_index (self->shown_breaks, double, i));

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      ca_panel_mark_error (entry, NULL);
    }
}

void
ca_analysis_panel_refresh_classes (CaAnalysisPanel *self)
{
  int indicator = ca_analysis_panel_current_indicator (self);
  const CaIndicator *ind;
  g_autoptr(GArray) values = NULL;
  g_autofree char *heading = NULL;

  if (indicator < 0)
    return;
  ind = ca_dataset_get_indicator (self->dataset, (guint) indicator);
  compute_shown_breaks (self, (guint) indicator, &ind->classes);
  values = indicator_values (self, (guint) indicator);
  /* TRANSLATORS: a heading; %s is an indicator name */
  heading = g_strdup_printf (_("Classification: %s"), ca_text_get (&ind->name, self->lang));

  self->updating = TRUE;
  gtk_label_set_text (self->class_heading, heading);
  gtk_drop_down_set_selected (self->method_dropdown, ind->classes.method);
  gtk_spin_button_set_value (self->classes_spin, ind->classes.n_classes);
  sync_break_entries (self);
  ca_breaks_strip_set_values (self->class_strip, (double *) values->data, values->len);
  ca_breaks_strip_set_breaks (self->class_strip, (double *) self->shown_breaks->data,
                              self->shown_breaks->len);
  self->updating = FALSE;
}

typedef struct
{
  guint       indicator;
  CaClassSpec spec;
} SpecEdit;

static gboolean
apply_spec (CaDataset *dataset,
            gpointer   data,
            GError   **error)
{
  SpecEdit *edit = data;

  return ca_dataset_set_class_spec (dataset, edit->indicator, &edit->spec, error);
}

static gboolean
set_spec (CaAnalysisPanel   *self,
          const CaClassSpec *spec,
          GError           **error)
{
  int indicator = ca_analysis_panel_current_indicator (self);
  SpecEdit edit = { (guint) indicator, *spec };
  g_autofree char *label = NULL;

  g_assert (indicator >= 0);
  /* TRANSLATORS: an undo step; %s is an indicator name */
  label = g_strdup_printf (_("Classify %s"),
                           ca_text_get (&ca_dataset_get_indicator (self->dataset,
                                                                   (guint) indicator)->name,
                                        self->lang));
  return ca_panel_edit (self->history, self->dataset, label, apply_spec, &edit, error);
}

/* Manual breaks, refused unless they increase. @bad receives the index of
 * the offending break. */
static gboolean
set_manual_breaks (CaAnalysisPanel *self,
                   const double    *breaks,
                   guint            n_breaks,
                   guint           *bad,
                   GError         **error)
{
  CaClassSpec spec = { CA_CLASSIFY_MANUAL, n_breaks + 1, { 0 } };

  *bad = 0;
  if (n_breaks + 1 < CA_CLASSIFY_MIN_CLASSES || n_breaks + 1 > CA_CLASSIFY_MAX_CLASSES)
    {
      g_set_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_COUNT,
                   _("%u breaks make %u classes; between %d and %d classes are possible"),
                   n_breaks, n_breaks + 1, CA_CLASSIFY_MIN_CLASSES, CA_CLASSIFY_MAX_CLASSES);
      return FALSE;
    }
  for (guint i = 0; i < n_breaks; i++)
    {
      if (i > 0 && !(breaks[i] > breaks[i - 1]))
        {
          g_autofree char *a = ca_panel_format_number (breaks[i - 1]);
          g_autofree char *b = ca_panel_format_number (breaks[i]);

          *bad = i;
          g_set_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_BREAKS,
                       _("Breaks must increase: break %u (%s) is not above break %u (%s)"),
                       i + 1, b, i, a);
          return FALSE;
        }
      spec.breaks[i] = breaks[i];
    }
  return set_spec (self, &spec, error);
}

static void
commit_break_entries (CaAnalysisPanel *self,
                      GtkEntry        *source)
{
  g_autoptr(GError) error = NULL;
  double breaks[CA_CLASSIFY_MAX_CLASSES] = { 0 };
  guint n = MIN (self->break_entries->len, CA_CLASSIFY_MAX_CLASSES - 1);
  guint bad;

  for (guint i = 0; i < n; i++)
    ca_panel_mark_error (g_ptr_array_index (self->break_entries, i), NULL);
  for (guint i = 0; i < n; i++)
    if (!ca_analysis_panel_parse_entry (g_ptr_array_index (self->break_entries, i), &breaks[i],
                                        &error))
      {
        ca_analysis_panel_refuse (self, g_ptr_array_index (self->break_entries, i), error);
        return;
      }
  if (!set_manual_breaks (self, breaks, n, &bad, &error))
    {
      ca_analysis_panel_refuse (self, bad < n ? g_ptr_array_index (self->break_entries, bad)
                                              : GTK_WIDGET (source), error);
      return;
    }
  ca_analysis_panel_set_message (self, NULL);
}

void
ca_analysis_panel_on_class_strip_moved (CaBreaksStrip   *strip,
                                        guint            index,
                                        double           value,
                                        CaAnalysisPanel *self)
{
  g_autoptr(GArray) breaks = g_array_copy (self->shown_breaks);
  g_autoptr(GError) error = NULL;
  guint bad;

  if (index >= breaks->len)
    return;
  g_array_index (breaks, double, index) = value;
  if (!set_manual_breaks (self, (double *) breaks->data, breaks->len, &bad, &error))
    {
      ca_analysis_panel_set_message (self, error->message);
      ca_analysis_panel_refresh_classes (self);
    }
  else
    ca_analysis_panel_set_message (self, NULL);
}

void
ca_analysis_panel_on_method_changed (CaAnalysisPanel *self)
{
  int indicator = ca_analysis_panel_current_indicator (self);
  guint method = gtk_drop_down_get_selected (self->method_dropdown);
  CaClassSpec spec;
  g_autoptr(GError) error = NULL;

  if (self->updating || indicator < 0 || method > CA_CLASSIFY_STDDEV)
    return;
  spec = ca_dataset_get_indicator (self->dataset, (guint) indicator)->classes;
  spec.method = method;
  if (method == CA_CLASSIFY_MANUAL && self->shown_breaks->len > 0)
    {
      /* Start from the breaks on show. */
      spec.n_classes = self->shown_breaks->len + 1;
      memcpy (spec.breaks, self->shown_breaks->data, self->shown_breaks->len * sizeof (double));
    }
  if (!set_spec (self, &spec, &error))
    {
      ca_analysis_panel_set_message (self, error->message);
      ca_analysis_panel_refresh_classes (self);
    }
}

/* Manual breaks for @wanted classes from @breaks: split the widest class
 * at its middle, or merge the narrowest pair of neighbours. Returns the
 * number of breaks. */
static guint
resize_breaks (double       *breaks,
               guint         n_breaks,
               const GArray *values,
               guint         wanted)
{
  double bounds[CA_CLASSIFY_MAX_CLASSES + 2];
  guint n = n_breaks + 2;   /* bounds in use */

  bounds[0] = INFINITY;
  bounds[n_breaks + 1] = -INFINITY;
  for (guint i = 0; i < values->len; i++)
    if (isfinite (g_array_index (values, double, i)))
      {
        bounds[0] = MIN (bounds[0], g_array_index (values, double, i));
        bounds[n_breaks + 1] = MAX (bounds[n_breaks + 1], g_array_index (values, double, i));
      }
  if (n_breaks > 0)
    {
      memcpy (bounds + 1, breaks, n_breaks * sizeof (double));
      bounds[0] = MIN (bounds[0], breaks[0]);
      bounds[n_breaks + 1] = MAX (bounds[n_breaks + 1], breaks[n_breaks - 1]);
    }
  if (!isfinite (bounds[0]))
    bounds[0] = 0.0, bounds[1] = 1.0;

  while (n - 1 < wanted)
    {
      guint widest = 0;

      for (guint i = 1; i + 1 < n; i++)
        if (bounds[i + 1] - bounds[i] > bounds[widest + 1] - bounds[widest])
          widest = i;
      memmove (bounds + widest + 2, bounds + widest + 1, (n - widest - 1) * sizeof (double));
      bounds[widest + 1] = (bounds[widest] + bounds[widest + 2]) / 2.0;
      n++;
    }
  while (n - 1 > wanted)
    {
      guint narrowest = 1;

      for (guint i = 2; i + 1 < n; i++)
        if (bounds[i + 1] - bounds[i - 1] < bounds[narrowest + 1] - bounds[narrowest - 1])
          narrowest = i;
      memmove (bounds + narrowest, bounds + narrowest + 1, (n - narrowest - 1) * sizeof (double));
      n--;
    }
  memcpy (breaks, bounds + 1, (n - 2) * sizeof (double));
  return n - 2;
}

void
ca_analysis_panel_on_classes_changed (CaAnalysisPanel *self)
{
  int indicator = ca_analysis_panel_current_indicator (self);
  guint wanted = (guint) gtk_spin_button_get_value_as_int (self->classes_spin);
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) error = NULL;
  CaClassSpec spec;

  if (self->updating || indicator < 0)
    return;
  spec = ca_dataset_get_indicator (self->dataset, (guint) indicator)->classes;
  spec.n_classes = wanted;
  if (spec.method == CA_CLASSIFY_MANUAL)
    {
      guint n = MIN (self->shown_breaks->len, CA_CLASSIFY_MAX_CLASSES - 1);

      values = indicator_values (self, (guint) indicator);
      memcpy (spec.breaks, self->shown_breaks->data, n * sizeof (double));
      spec.n_classes = resize_breaks (spec.breaks, n, values, wanted) + 1;
    }
  if (!set_spec (self, &spec, &error))
    {
      ca_analysis_panel_set_message (self, error->message);
      ca_analysis_panel_refresh_classes (self);
    }
}

gboolean
ca_analysis_panel_set_manual_breaks (CaAnalysisPanel *self,
                                     const double    *breaks,
                                     guint            n_breaks,
                                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint bad;

  g_return_val_if_fail (CA_IS_ANALYSIS_PANEL (self), FALSE);
  g_return_val_if_fail (breaks != NULL || n_breaks == 0, FALSE);

  if (ca_analysis_panel_current_indicator (self) < 0)
    {
      g_set_error (error, CA_DATASET_ERROR, CA_DATASET_ERROR_UNKNOWN_INDICATOR,
                   _("Figure “%s” has no indicator to classify"),
                   self->figure != NULL ? self->figure : "");
      return FALSE;
    }
  /* Show them as if typed, so that a refusal is seen where it applies. */
  if (n_breaks == self->break_entries->len)
    for (guint i = 0; i < n_breaks; i++)
      {
        g_autofree char *text = ca_panel_format_number (breaks[i]);

        gtk_editable_set_text (g_ptr_array_index (self->break_entries, i), text);
      }
  if (!set_manual_breaks (self, breaks, n_breaks, &bad, &local_error))
    {
      GtkWidget *entry = bad < self->break_entries->len
                         ? g_ptr_array_index (self->break_entries, bad) : NULL;

      ca_analysis_panel_refuse (self, entry, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  ca_analysis_panel_set_message (self, NULL);
  return TRUE;
}
