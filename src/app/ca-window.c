/* ca-window.c — the main window: one project (dataset, analysis, history),
 * the figure on the map view, Table 1 below it and the side panels.
 *
 * The window keeps the same dataset, analysis and history objects for its
 * whole life: opening a project assigns the loaded data into them, so the
 * panels and the view never need to be re-wired.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-analysis-panel.h"
#include "ca-cluster-panel.h"
#include "ca-figure.h"
#include "ca-indicator-table.h"
#include "ca-panel-util.h"
#include "ca-project.h"
#include "ca-window-private.h"

#define SCHEMA_ID "org.clusteratlas.ClusterAtlas"

G_DEFINE_FINAL_TYPE (CaWindow, ca_window, GTK_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The switcher's labels, short enough for a header bar. */
static const struct
{
  const char *id;
  const char *label;
} figure_labels[] = {
  { CA_FIGURE_INFRASTRUCTURE, N_("Fig. 1 · Infrastructure") },
  { CA_FIGURE_INDUSTRY, N_("Fig. 2 · Industry") },
  { CA_FIGURE_INNOVATION, N_("Fig. 3 · Innovation") },
  { CA_FIGURE_FAVOURABILITY, N_("Favourability Typology") },
  { CA_FIGURE_CLUSTERS, N_("Fig. 4 · Clusters") },
  { CA_FIGURE_METALLURGY, N_("Fig. 5 · Metallurgical Cluster") },
};

static const char *
figure_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (figure_labels); i++)
    if (g_strcmp0 (figure_labels[i].id, id) == 0)
      return _(figure_labels[i].label);
  return id;
}

void
ca_window_update_title (CaWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      const char *home = g_get_home_dir ();

      name = g_str_has_suffix (basename, ".caproj")
             ? g_strndup (basename, strlen (basename) - strlen (".caproj"))
             : g_steal_pointer (&basename);
      if (home != NULL && g_str_has_prefix (folder, home))
        subtitle = g_strconcat ("~", folder + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&folder);
    }
  else
    {
      name = g_strdup (_("Aktobe Region"));
      subtitle = g_strdup (_("The paper's data (not saved)"));
    }

  g_free (self->display_title);
  if (ca_history_is_modified (self->history))
    self->display_title = g_strdup_printf ("• %s", name);
  else
    self->display_title = g_strdup (name);
  g_free (self->project_name);
  self->project_name = g_steal_pointer (&name);

  window_title = g_strdup_printf ("%s — %s", self->display_title, _("Cluster Atlas"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_label_set_label (self->title_label, self->display_title);
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static void
update_history_tooltips (CaWindow *self)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  if (ca_history_can_undo (self->history))
    undo = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), ca_history_get_undo_label (self->history));
  if (ca_history_can_redo (self->history))
    redo = g_strdup_printf (_("Redo “%s” (Shift+Ctrl+Z)"), ca_history_get_redo_label (self->history));
  gtk_widget_set_tooltip_text (self->undo_button, undo ? undo : _("Undo (Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->redo_button, redo ? redo : _("Redo (Shift+Ctrl+Z)"));
}

static void
on_history_notify (CaWindow   *self,
                   GParamSpec *pspec,
                   CaHistory  *history)
{
  ca_window_update_title (self);
  update_history_tooltips (self);
  ca_window_actions_update (self);
}

/* The map needs boundaries, the Fig. 5 diagram does not. */
void
ca_window_update_map_page (CaWindow *self)
{
  gboolean show_map = self->basemap != NULL || !ca_figure_is_map (self->figure);

  gtk_stack_set_visible_child_name (self->map_stack, show_map ? "map" : "empty");
  ca_window_actions_update (self);
}

const char *
ca_window_get_figure (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);

  return self->figure;
}

static void
select_figure_in_dropdown (CaWindow *self)
{
  const char * const *ids = ca_figure_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], self->figure))
      gtk_drop_down_set_selected (self->figure_dropdown, i);
}

void
ca_window_set_figure (CaWindow   *self,
                      const char *figure_id)
{
  g_return_if_fail (CA_IS_WINDOW (self));
  g_return_if_fail (ca_figure_id_is_valid (figure_id));

  if (g_strcmp0 (self->figure, figure_id) == 0)
    return;
  g_free (self->figure);
  self->figure = g_strdup (figure_id);

  ca_map_view_set_figure (self->map_view, figure_id);
  ca_analysis_panel_set_figure (self->analysis_panel, figure_id);
  select_figure_in_dropdown (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "figure", figure_id);
  ca_window_update_map_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

gboolean
ca_window_shows_map (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->map_stack), "map") == 0;
}

static void
on_figure_selected (CaWindow    *self,
                    GParamSpec  *pspec,
                    GtkDropDown *dropdown)
{
  const char * const *ids = ca_figure_get_ids ();
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < g_strv_length ((char **) ids))
    ca_window_set_figure (self, ids[selected]);
}

static void
setup_figure_dropdown (CaWindow *self)
{
  const char * const *ids = ca_figure_get_ids ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (labels, figure_label (ids[i]));
  gtk_drop_down_set_model (self->figure_dropdown, G_LIST_MODEL (labels));
  g_signal_connect_object (self->figure_dropdown, "notify::selected",
                           G_CALLBACK (on_figure_selected), self, G_CONNECT_SWAPPED);
}

static void
on_hidden_clusters (CaWindow       *self,
                    GParamSpec     *pspec,
                    CaClusterPanel *panel)
{
  ca_map_view_set_hidden_clusters (self->map_view, ca_cluster_panel_get_hidden_clusters (panel));
}

static void
on_map_zoomed (CaWindow   *self,
               GParamSpec *pspec,
               CaMapView  *view)
{
  ca_window_actions_update (self);
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without the schema installed is fine:
   * the window just does not remember its state. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
restore_state (CaWindow *self)
{
  g_autofree char *figure = NULL;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "sidebar-position", self->sidebar_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "table-position", self->table_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  figure = g_settings_get_string (self->settings, "figure");
  if (ca_figure_id_is_valid (figure))
    ca_window_set_figure (self, figure);
}

static void
save_state (CaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
ca_window_close_request (GtkWindow *window)
{
  CaWindow *self = CA_WINDOW (window);

  if (!self->close_confirmed && ca_history_is_modified (self->history))
    {
      ca_window_ask_before_closing (self);
      return TRUE;
    }
  /* Saved or discarded: the copy of the work is no longer wanted. */
  ca_autosave_discard (self->autosave);
  save_state (self);
  return GTK_WINDOW_CLASS (ca_window_parent_class)->close_request (window);
}

GFile *
ca_window_get_file (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->file;
}

CaDataset *
ca_window_get_dataset (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->dataset;
}

CaAnalysis *
ca_window_get_analysis (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->analysis;
}

CaHistory *
ca_window_get_history (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->history;
}

CaBasemap *
ca_window_get_basemap (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->basemap;
}

CaMapView *
ca_window_get_map_view (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->map_view;
}

GtkWidget *
ca_window_get_indicator_table (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->indicator_table);
}

GtkWidget *
ca_window_get_cluster_panel (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->cluster_panel);
}

const char *
ca_window_get_display_title (CaWindow *self)
{
  g_return_val_if_fail (CA_IS_WINDOW (self), NULL);
  return self->display_title;
}

CaWindow *
ca_window_new (GtkApplication *application)
{
  return g_object_new (CA_TYPE_WINDOW, "application", application, NULL);
}

static void
ca_window_dispose (GObject *object)
{
  CaWindow *self = CA_WINDOW (object);

  /* Destroyed without a close request: as unwanted as after one. A crash
   * never gets here, and leaves the copy to recover. */
  if (self->autosave != NULL)
    ca_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->offered, ca_autosave_orphan_free);

  /* No gtk_widget_dispose_template: GtkWindow drops its own child and
   * titlebar, and would find them already gone. */
  g_clear_object (&self->settings);
  g_clear_object (&self->basemap);
  g_clear_object (&self->history);
  g_clear_object (&self->analysis);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ca_window_parent_class)->dispose (object);
}

static void
ca_window_finalize (GObject *object)
{
  CaWindow *self = CA_WINDOW (object);

  g_free (self->figure);
  g_free (self->basemap_key);
  g_free (self->project_name);
  g_free (self->display_title);

  G_OBJECT_CLASS (ca_window_parent_class)->finalize (object);
}

static void
ca_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CaWindow *self = CA_WINDOW (object);

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
ca_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CaWindow *self = CA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      ca_window_set_figure (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_window_class_init (CaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ca_window_dispose;
  object_class->finalize = ca_window_finalize;
  object_class->get_property = ca_window_get_property;
  object_class->set_property = ca_window_set_property;
  window_class->close_request = ca_window_close_request;

  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, NULL, CA_FIGURE_FAVOURABILITY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CA_TYPE_MAP_VIEW);
  g_type_ensure (CA_TYPE_INDICATOR_TABLE);
  g_type_ensure (CA_TYPE_ANALYSIS_PANEL);
  g_type_ensure (CA_TYPE_CLUSTER_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/clusteratlas/ClusterAtlas/ui/ca-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, figure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, table_paned);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, map_stack);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, empty_details_label);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, zoom_buttons);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, indicator_table);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, analysis_panel);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, cluster_panel);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, CaWindow, recovery_label);

  ca_window_class_install_actions (widget_class);
}

static void
setup_help_overlay (CaWindow *self)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/clusteratlas/ClusterAtlas/ui/help-overlay.ui");

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* The window starts on the paper's data; a project file, when given,
 * replaces it (ca_window_open_project). */
static void
setup_project (CaWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->dataset = ca_project_load_default (&error);
  if (self->dataset == NULL)
    {
      g_warning ("%s", error->message);
      self->dataset = ca_dataset_new ();
    }
  self->analysis = ca_analysis_new (self->dataset);
  self->history = ca_history_new (self->dataset);

  g_signal_connect_object (self->dataset, "changed", G_CALLBACK (ca_window_on_dataset_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify), self,
                           G_CONNECT_SWAPPED);

  ca_map_view_set_analysis (self->map_view, self->analysis);
  ca_indicator_table_set_analysis (self->indicator_table, self->analysis);
  ca_indicator_table_set_history (self->indicator_table, self->history);
  ca_analysis_panel_set_analysis (self->analysis_panel, self->analysis);
  ca_analysis_panel_set_history (self->analysis_panel, self->history);
  ca_cluster_panel_set_analysis (self->cluster_panel, self->analysis);
  ca_cluster_panel_set_history (self->cluster_panel, self->history);
}

/* The zoom buttons float over the map view's right edge: the figure
 * keeps that strip free of its text (its own margin gives the air). */
static void
reserve_zoom_buttons (CaWindow *self)
{
  int width = 0;

  gtk_widget_measure (self->zoom_buttons, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL,
                      NULL);
  ca_map_view_set_end_margin (self->map_view,
                              width + gtk_widget_get_margin_end (self->zoom_buttons));
}

static void
ca_window_init (CaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->figure = g_strdup (CA_FIGURE_FAVOURABILITY);
  self->settings = settings_new ();
  setup_project (self);
  setup_figure_dropdown (self);
  setup_help_overlay (self);

  ca_map_view_set_lang (self->map_view, ca_panel_get_lang ());
  ca_map_view_set_figure (self->map_view, self->figure);
  reserve_zoom_buttons (self);
  ca_analysis_panel_set_figure (self->analysis_panel, self->figure);
  g_object_bind_property (self->map_view, "selected-unit", self->indicator_table, "selected-unit",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->cluster_panel, "notify::hidden-clusters",
                           G_CALLBACK (on_hidden_clusters), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_view, "notify::zoomed",
                           G_CALLBACK (on_map_zoomed), self, G_CONNECT_SWAPPED);

  select_figure_in_dropdown (self);
  restore_state (self);
  ca_window_load_boundaries (self, NULL, NULL);
  ca_window_update_title (self);
  update_history_tooltips (self);
  ca_window_actions_update (self);
  ca_window_setup_autosave (self);
}
