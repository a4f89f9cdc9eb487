/* ca-cluster-panel-private.h — shared by ca-cluster-panel.c and the row
 * builder, ca-cluster-panel-rows.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-cluster-panel.h"

G_BEGIN_DECLS

struct _CaClusterPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;   /* the one child */
  GtkListBox *cluster_list;
  GtkLabel   *message_label;

  CaAnalysis *analysis;
  CaDataset  *dataset;
  CaHistory  *history;
  CaLang      lang;
  GPtrArray  *hidden;     /* char*, NULL-terminated: the "hidden-clusters" value */
  GHashTable *expanded;   /* cluster ids whose rows are open */
  gboolean    updating;   /* building rows: their signals are not user actions */
};

void       ca_cluster_panel_set_message (CaClusterPanel *self,
                                         const char     *message);
gboolean   ca_cluster_panel_is_hidden (CaClusterPanel *self,
                                       const char     *cluster_id);
void       ca_cluster_panel_on_visible_toggled (GtkCheckButton *check,
                                                CaClusterPanel *self);
void       ca_cluster_panel_on_expanded (GtkExpander    *expander,
                                         GParamSpec     *pspec,
                                         CaClusterPanel *self);

/* ca-cluster-panel-rows.c: the list row of @cluster, with object data
 * "ca-cluster" (its id), "ca-expander" and "ca-check". */
GtkWidget *ca_cluster_panel_build_row (CaClusterPanel  *self,
                                       const CaCluster *cluster);

G_END_DECLS
