/* ca-cluster-panel.h — the Stage 3 clusters: members with their reasons,
 * the finder's verdict beside each, visibility on the map, and member
 * editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ca-analysis.h"
#include "ca-history.h"

G_BEGIN_DECLS

#define CA_TYPE_CLUSTER_PANEL (ca_cluster_panel_get_type ())
G_DECLARE_FINAL_TYPE (CaClusterPanel, ca_cluster_panel, CA, CLUSTER_PANEL, GtkWidget)

/* Properties: "hidden-clusters" (GStrv of cluster ids hidden on the map). */
GtkWidget          *ca_cluster_panel_new (void);
void                ca_cluster_panel_set_analysis (CaClusterPanel *self,
                                                   CaAnalysis     *analysis);
void                ca_cluster_panel_set_history (CaClusterPanel *self,
                                                  CaHistory      *history);
const char * const *ca_cluster_panel_get_hidden_clusters (CaClusterPanel *self);
void                ca_cluster_panel_set_hidden_clusters (CaClusterPanel     *self,
                                                          const char * const *cluster_ids);

/* Adds @code to cluster @cluster_id with @reason (in the UI language), as
 * the panel's Add button does, under the history. */
gboolean            ca_cluster_panel_add_member (CaClusterPanel *self,
                                                 const char     *cluster_id,
                                                 const char     *code,
                                                 const char     *reason,
                                                 GError        **error);
/* Removes @code from @cluster_id, as the member's remove button does. */
gboolean            ca_cluster_panel_remove_member (CaClusterPanel *self,
                                                    const char     *cluster_id,
                                                    const char     *code,
                                                    GError        **error);

G_END_DECLS
