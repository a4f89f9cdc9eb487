/* ca-panel-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-panel-util.h"

CaLang
ca_panel_get_lang (void)
{
  const char * const *names = g_get_language_names ();

  /* The list runs from the most specific locale name to "C": the first
   * name that says a language decides. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ru"))
        return CA_LANG_RU;
      if (g_str_has_prefix (names[i], "kk"))
        return CA_LANG_KK;
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C") ||
          g_str_equal (names[i], "POSIX"))
        return CA_LANG_EN;
    }
  return CA_LANG_EN;
}

char *
ca_panel_format_number (double value)
{
  if (isnan (value))
    return g_strdup ("");
  /* printf follows LC_NUMERIC, which gtk_init () set from the environment. */
  return g_strdup_printf ("%g", value);
}

void
ca_panel_mark_error (GtkWidget  *widget,
                     const char *reason)
{
  if (reason != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, reason);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_edit_changed (CaDataset *dataset,
                 guint      flags,
                 gpointer   data)
{
  gboolean *changed = data;

  *changed = TRUE;
}

gboolean
ca_panel_edit (CaHistory       *history,
               CaDataset       *dataset,
               const char      *label,
               CaPanelEditFunc  apply,
               gpointer         data,
               GError         **error)
{
  g_return_val_if_fail (history == NULL || CA_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (CA_IS_DATASET (dataset), FALSE);

  gboolean changed = FALSE;
  gboolean ok;
  gulong handler;

  if (history != NULL)
    ca_history_begin (history, label);
  /* A step that changed nothing would make Undo do nothing visible. */
  handler = g_signal_connect (dataset, "changed", G_CALLBACK (on_edit_changed), &changed);
  ok = apply (dataset, data, error);
  g_signal_handler_disconnect (dataset, handler);
  if (history != NULL && (!ok || !changed))
    ca_history_cancel (history);
  return ok;
}

const char *
ca_panel_favourability_label (CaFavourability type)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return _("favourable");
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return _("less favourable");
    case CA_FAVOURABILITY_UNFAVOURABLE:
      return _("unfavourable");
    case CA_FAVOURABILITY_UNKNOWN:
    default:
      return _("no data");
    }
}

const char *
ca_panel_composite_label (CaCompositeMethod method)
{
  switch (method)
    {
    case CA_COMPOSITE_ZSCORE_SUM:
      return _("Z-score sum");
    case CA_COMPOSITE_MINMAX_SUM:
      return _("Min–max sum");
    case CA_COMPOSITE_RANK_SUM:
    default:
      return _("Rank sum");
    }
}

const char *
ca_panel_cluster_type_label (CaClusterType type)
{
  return type == CA_CLUSTER_CROSS_SECTORAL ? _("Cross-sectoral") : _("Sectoral");
}
