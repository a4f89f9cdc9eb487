/* ca-cluster-panel.c
 *
 * One list row per cluster: a visibility check and an expander whose body
 * (built in ca-cluster-panel-rows.c) lists the members beside the finder's
 * verdicts. The rows are rebuilt when the clusters or anything the finder
 * reads changes; expanded rows and the focus survive the rebuild.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-cluster-panel-private.h"
#include "ca-panel-util.h"
#include "ca-resources.h"

G_DEFINE_FINAL_TYPE (CaClusterPanel, ca_cluster_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_HIDDEN_CLUSTERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ca_cluster_panel_set_message (CaClusterPanel *self,
                              const char     *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

gboolean
ca_cluster_panel_is_hidden (CaClusterPanel *self,
                            const char     *cluster_id)
{
  return g_strv_contains ((const char * const *) self->hidden->pdata, cluster_id);
}

static void
set_hidden (CaClusterPanel *self,
            const char     *cluster_id,
            gboolean        hidden)
{
  guint index;

  if (hidden == ca_cluster_panel_is_hidden (self, cluster_id))
    return;
  if (hidden)
    g_ptr_array_insert (self->hidden, (int) self->hidden->len - 1, g_strdup (cluster_id));
  else if (g_ptr_array_find_with_equal_func (self->hidden, cluster_id, g_str_equal, &index))
    g_ptr_array_remove_index (self->hidden, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CLUSTERS]);
}

void
ca_cluster_panel_on_visible_toggled (GtkCheckButton *check,
                                     CaClusterPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "ca-cluster");

  if (!self->updating)
    set_hidden (self, id, !gtk_check_button_get_active (check));
}

void
ca_cluster_panel_on_expanded (GtkExpander    *expander,
                              GParamSpec     *pspec,
                              CaClusterPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (expander), "ca-cluster");

  if (self->updating)
    return;
  if (gtk_expander_get_expanded (expander))
    g_hash_table_add (self->expanded, g_strdup (id));
  else
    g_hash_table_remove (self->expanded, id);
}

static void
rebuild (CaClusterPanel *self)
{
  GtkWidget *child;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_cluster = NULL;

  /* Where the focus was, so that keyboard users do not land at the top. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->cluster_list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      focus_cluster = g_strdup (row != NULL ? g_object_get_data (G_OBJECT (row), "ca-cluster")
                                            : NULL);
    }
  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list))) != NULL)
    gtk_list_box_remove (self->cluster_list, child);
  for (guint i = 0; self->dataset != NULL && i < ca_dataset_get_n_clusters (self->dataset); i++)
    {
      GtkWidget *row = ca_cluster_panel_build_row (self, ca_dataset_get_cluster (self->dataset, i));

      gtk_list_box_append (self->cluster_list, row);
      if (g_strcmp0 (focus_cluster, g_object_get_data (G_OBJECT (row), "ca-cluster")) == 0)
        gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "ca-expander"));
    }
  self->updating = FALSE;
}

static void
sync_checks (CaClusterPanel *self)
{
  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "ca-check");

      if (check != NULL)
        gtk_check_button_set_active (check, !ca_cluster_panel_is_hidden (
                                       self, g_object_get_data (G_OBJECT (row), "ca-cluster")));
    }
  self->updating = FALSE;
}

static void
on_dataset_changed (CaDataset      *dataset,
                    guint           flags,
                    CaClusterPanel *self)
{
  /* The finder reads the values, the LQs and the settings too. */
  if (flags & (CA_CHANGE_CLUSTERS | CA_CHANGE_VALUES | CA_CHANGE_INDUSTRY |
               CA_CHANGE_SETTINGS | CA_CHANGE_METADATA))
    rebuild (self);
}

/* Edits */

typedef struct
{
  const char *cluster_id;
  const char *code;
  CaText      reason;
} MemberEdit;

static gboolean
apply_add (CaDataset *dataset,
           gpointer   data,
           GError   **error)
{
  MemberEdit *edit = data;

  return ca_dataset_add_cluster_member (dataset, edit->cluster_id, edit->code, &edit->reason,
                                        error);
}

static gboolean
apply_remove (CaDataset *dataset,
              gpointer   data,
              GError   **error)
{
  MemberEdit *edit = data;

  return ca_dataset_remove_cluster_member (dataset, edit->cluster_id, edit->code, error);
}

static const char *
cluster_name (CaClusterPanel *self,
              const char     *cluster_id)
{
  int index = ca_dataset_find_cluster (self->dataset, cluster_id);

  if (index < 0)
    return cluster_id;
  return ca_text_get (&ca_dataset_get_cluster (self->dataset, (guint) index)->name, self->lang);
}

gboolean
ca_cluster_panel_add_member (CaClusterPanel *self,
                             const char     *cluster_id,
                             const char     *code,
                             const char     *reason,
                             GError        **error)
{
  MemberEdit edit = { cluster_id, code, { 0 } };
  g_autofree char *label = NULL;
  g_autofree char *stripped = NULL;
  gboolean ok;

  g_return_val_if_fail (CA_IS_CLUSTER_PANEL (self), FALSE);
  g_return_val_if_fail (cluster_id != NULL && code != NULL, FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped != '\0')
    ca_text_set (&edit.reason, self->lang, stripped);
  /* TRANSLATORS: an undo step: "Add KAR to Aktobe-Khromtau metallurgical cluster" */
  label = g_strdup_printf (_("Add %s to %s"), code, cluster_name (self, cluster_id));
  ok = ca_panel_edit (self->history, self->dataset, label, apply_add, &edit, error);
  ca_text_clear (&edit.reason);
  return ok;
}

gboolean
ca_cluster_panel_remove_member (CaClusterPanel *self,
                                const char     *cluster_id,
                                const char     *code,
                                GError        **error)
{
  MemberEdit edit = { cluster_id, code, { 0 } };
  g_autofree char *label = NULL;

  g_return_val_if_fail (CA_IS_CLUSTER_PANEL (self), FALSE);
  g_return_val_if_fail (cluster_id != NULL && code != NULL, FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);

  /* TRANSLATORS: an undo step: "Remove KAR from Aktobe-Khromtau metallurgical cluster" */
  label = g_strdup_printf (_("Remove %s from %s"), code, cluster_name (self, cluster_id));
  return ca_panel_edit (self->history, self->dataset, label, apply_remove, &edit, error);
}

/* GObject */

static void
ca_cluster_panel_dispose (GObject *object)
{
  CaClusterPanel *self = CA_CLUSTER_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_CLUSTER_PANEL);
  g_clear_object (&self->analysis);
  g_clear_object (&self->dataset);
  g_clear_object (&self->history);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (ca_cluster_panel_parent_class)->dispose (object);
}

static void
ca_cluster_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CaClusterPanel *self = CA_CLUSTER_PANEL (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_CLUSTERS:
      g_value_set_boxed (value, self->hidden->pdata);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_cluster_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CaClusterPanel *self = CA_CLUSTER_PANEL (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_CLUSTERS:
      ca_cluster_panel_set_hidden_clusters (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_cluster_panel_class_init (CaClusterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_cluster_panel_dispose;
  object_class->get_property = ca_cluster_panel_get_property;
  object_class->set_property = ca_cluster_panel_set_property;

  properties[PROP_HIDDEN_CLUSTERS] =
    g_param_spec_boxed ("hidden-clusters", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource links its object file (and with it the
   * constructor that registers it) into programs using the static library. */
  (void) ca_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/ui/ca-cluster-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CaClusterPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, CaClusterPanel, cluster_list);
  gtk_widget_class_bind_template_child (widget_class, CaClusterPanel, message_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clusterpanel");
}

static void
ca_cluster_panel_init (CaClusterPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lang = ca_panel_get_lang ();
  self->hidden = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->hidden, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public */

GtkWidget *
ca_cluster_panel_new (void)
{
  return g_object_new (CA_TYPE_CLUSTER_PANEL, NULL);
}

void
ca_cluster_panel_set_analysis (CaClusterPanel *self,
                               CaAnalysis     *analysis)
{
  g_return_if_fail (CA_IS_CLUSTER_PANEL (self));
  g_return_if_fail (analysis == NULL || CA_IS_ANALYSIS (analysis));

  if (analysis == self->analysis)
    return;
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->analysis, analysis);
  g_clear_object (&self->dataset);
  if (analysis != NULL)
    self->dataset = g_object_ref (ca_analysis_get_dataset (analysis));
  if (self->dataset != NULL)
    g_signal_connect_object (self->dataset, "changed", G_CALLBACK (on_dataset_changed), self, 0);
  ca_cluster_panel_set_message (self, NULL);
  rebuild (self);
}

void
ca_cluster_panel_set_history (CaClusterPanel *self,
                              CaHistory      *history)
{
  g_return_if_fail (CA_IS_CLUSTER_PANEL (self));
  g_return_if_fail (history == NULL || CA_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

const char * const *
ca_cluster_panel_get_hidden_clusters (CaClusterPanel *self)
{
  g_return_val_if_fail (CA_IS_CLUSTER_PANEL (self), NULL);
  return (const char * const *) self->hidden->pdata;
}

void
ca_cluster_panel_set_hidden_clusters (CaClusterPanel     *self,
                                      const char * const *cluster_ids)
{
  guint n;
  gboolean same;

  g_return_if_fail (CA_IS_CLUSTER_PANEL (self));

  n = cluster_ids != NULL ? g_strv_length ((char **) cluster_ids) : 0;
  same = n + 1 == self->hidden->len;
  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (cluster_ids[i], g_ptr_array_index (self->hidden, i)) == 0;
  if (same)
    return;
  g_ptr_array_set_size (self->hidden, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->hidden, g_strdup (cluster_ids[i]));
  g_ptr_array_add (self->hidden, NULL);
  sync_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CLUSTERS]);
}
