/* ca-map-view.c — the figure on screen.
 *
 * ca_figure_draw is too slow to run on every pointer motion, so the view
 * keeps the last rendering as an image together with the viewport it was
 * drawn with. Data, figure, selection and size changes make the cache dirty
 * and it is redrawn in the next snapshot, within the same frame. Pan and
 * zoom only move and scale the image; a short timeout after the last
 * step re-renders it sharply at the new viewport (ca-map-view-paint.c).
 *
 * View coordinates: the figure point at the centre of the map frame and
 * the figure units per widget unit. For maps these are map metres with y up (what
 * CaViewport means); for the Fig. 5 diagram they are the diagram's page
 * units at fit, with y down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-map-view.h"
#include "ca-map-view-private.h"
#include "ca-render-cache.h"

G_DEFINE_FINAL_TYPE (CaMapView, ca_map_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_UNIT,
  PROP_FIGURE,
  PROP_ZOOMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
ca_map_view_is_map (CaMapView *self)
{
  return ca_figure_is_map (self->figure);
}

/* Maps have y up, the diagram's page has y down. */
double
ca_map_view_y_sign (CaMapView *self)
{
  return ca_map_view_is_map (self) ? -1.0 : 1.0;
}

double
ca_map_view_frame_center_x (CaMapView *self)
{
  return self->frame.origin.x + self->frame.size.width / 2;
}

double
ca_map_view_frame_center_y (CaMapView *self)
{
  return self->frame.origin.y + self->frame.size.height / 2;
}

void
ca_map_view_invalidate (CaMapView *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* What the tooltip says may have changed with the figure or the data. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

void
ca_map_view_set_zoomed (CaMapView *self,
            gboolean   zoomed)
{
  if (self->zoomed == zoomed)
    return;
  self->zoomed = zoomed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOMED]);
}

void
ca_map_view_reset_view (CaMapView *self)
{
  ca_map_view_set_zoomed (self, FALSE);
  self->have_view = FALSE;
  ca_map_view_invalidate (self);
}

static void
on_dataset_changed (CaMapView *self,
                    guint      flags,
                    CaDataset *dataset)
{
  if (self->selected_unit >= (int) ca_dataset_get_n_units (dataset))
    ca_map_view_set_selected_unit (self, -1);
  ca_map_view_invalidate (self);
}

void
ca_map_view_set_analysis (CaMapView  *self,
                          CaAnalysis *analysis)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));
  g_return_if_fail (analysis == NULL || CA_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (ca_analysis_get_dataset (self->analysis), self);
  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)
    g_signal_connect_object (ca_analysis_get_dataset (analysis), "changed",
                             G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);
  ca_map_view_set_selected_unit (self, -1);
  ca_map_view_reset_view (self);
}

void
ca_map_view_set_basemap (CaMapView *self,
                         CaBasemap *basemap)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  if (g_set_object (&self->basemap, basemap))
    ca_map_view_reset_view (self);
}

void
ca_map_view_set_figure (CaMapView  *self,
                        const char *figure_id)
{
  gboolean was_map;

  g_return_if_fail (CA_IS_MAP_VIEW (self));
  g_return_if_fail (ca_figure_id_is_valid (figure_id));

  if (g_strcmp0 (self->figure, figure_id) == 0)
    return;
  was_map = ca_map_view_is_map (self);
  g_free (self->figure);
  self->figure = g_strdup (figure_id);
  /* Map figures share one viewport, so one can compare them at the same
   * place; the diagram's page has coordinates of its own. */
  if (was_map != ca_map_view_is_map (self))
    ca_map_view_reset_view (self);
  else
    ca_map_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

const char *
ca_map_view_get_figure (CaMapView *self)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), NULL);

  return self->figure;
}

void
ca_map_view_set_lang (CaMapView *self,
                      CaLang     lang)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  if (self->lang == lang)
    return;
  self->lang = lang;
  ca_map_view_invalidate (self);
}

/* NULL and empty lists are the same: nothing hidden. */
static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || a[0] == NULL)
    return b == NULL || b[0] == NULL;
  return b != NULL && g_strv_equal (a, b);
}

CaLang
ca_map_view_get_lang (CaMapView *self)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), CA_LANG_EN);

  return self->lang;
}

void
ca_map_view_set_hidden_clusters (CaMapView          *self,
                                 const char * const *cluster_ids)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  if (strv_equal0 ((const char * const *) self->hidden_clusters, cluster_ids))
    return;
  g_strfreev (self->hidden_clusters);
  self->hidden_clusters = g_strdupv ((char **) cluster_ids);
  if (g_strcmp0 (self->figure, CA_FIGURE_CLUSTERS) == 0)
    ca_map_view_invalidate (self);
}

void
ca_map_view_set_end_margin (CaMapView *self,
                            int        pixels)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  pixels = MAX (pixels, 0);
  if (pixels == self->end_margin)
    return;
  self->end_margin = pixels;
  ca_map_view_invalidate (self);
}

int
ca_map_view_get_selected_unit (CaMapView *self)
{
  g_return_val_if_fail (CA_IS_MAP_VIEW (self), -1);

  return self->selected_unit;
}

void
ca_map_view_set_selected_unit (CaMapView *self,
                               int        unit)
{
  g_return_if_fail (CA_IS_MAP_VIEW (self));

  unit = MAX (unit, -1);
  if (self->selected_unit == unit)
    return;
  self->selected_unit = unit;
  if (ca_map_view_is_map (self))
    ca_map_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

GtkWidget *
ca_map_view_new (void)
{
  return g_object_new (CA_TYPE_MAP_VIEW, NULL);
}

static void
ca_map_view_dispose (GObject *object)
{
  CaMapView *self = CA_MAP_VIEW (object);

  g_clear_handle_id (&self->rerender_id, g_source_remove);
  g_clear_object (&self->analysis);
  g_clear_object (&self->basemap);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_object (&self->render_cache);

  G_OBJECT_CLASS (ca_map_view_parent_class)->dispose (object);
}

static void
ca_map_view_finalize (GObject *object)
{
  CaMapView *self = CA_MAP_VIEW (object);

  g_free (self->figure);
  g_free (self->error_message);
  g_strfreev (self->hidden_clusters);

  G_OBJECT_CLASS (ca_map_view_parent_class)->finalize (object);
}

static void
ca_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CaMapView *self = CA_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_UNIT:
      g_value_set_int (value, self->selected_unit);
      break;
    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;
    case PROP_ZOOMED:
      g_value_set_boolean (value, self->zoomed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CaMapView *self = CA_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_UNIT:
      ca_map_view_set_selected_unit (self, g_value_get_int (value));
      break;
    case PROP_FIGURE:
      ca_map_view_set_figure (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_map_view_class_init (CaMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_map_view_dispose;
  object_class->finalize = ca_map_view_finalize;
  object_class->get_property = ca_map_view_get_property;
  object_class->set_property = ca_map_view_set_property;
  widget_class->snapshot = ca_map_view_snapshot;

  properties[PROP_SELECTED_UNIT] =
    g_param_spec_int ("selected-unit", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, NULL, CA_FIGURE_FAVOURABILITY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOMED] =
    g_param_spec_boolean ("zoomed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ca_map_view_input_class_init (widget_class);
  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ca_map_view_init (CaMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->figure = g_strdup (CA_FIGURE_FAVOURABILITY);
  self->lang = CA_LANG_EN;
  self->selected_unit = -1;
  self->dirty = TRUE;
  self->render_cache = ca_render_cache_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"), -1);

  ca_map_view_input_init (self);
}
