/* ca-project-read-clusters.c — the <clusters> and <org-graph> sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ca-project-private.h"

static gboolean
read_member (CaProjectReader *reader,
             CaXmlNode       *node,
             CaCluster       *cluster)
{
  CaClusterMember member = { 0 };
  int unit;

  if (!ca_project_reader_unit (reader, node, "unit", &unit))
    return FALSE;
  member.code = g_strdup (ca_dataset_get_unit (reader->dataset, unit)->code);
  if (ca_cluster_has_member (cluster, member.code))
    {
      g_free (member.code);
      return ca_project_reader_fail (reader, node, _("%s is already a member of “%s”"),
                                     ca_dataset_get_unit (reader->dataset, unit)->code,
                                     cluster->id);
    }
  /* Appended first so that the array owns what follows. */
  g_array_append_val (cluster->members, member);
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      CaClusterMember *added = &g_array_index (cluster->members, CaClusterMember,
                                               cluster->members->len - 1);

      if (!ca_project_is (child, "reason"))
        return ca_project_reader_unexpected (reader, child);
      ca_project_read_text (child, &added->reason);
    }
  return TRUE;
}

static gboolean
read_cluster_industry (CaProjectReader *reader,
                       CaXmlNode       *node,
                       CaCluster       *cluster)
{
  g_autofree char *id = NULL;

  if (!ca_project_require_attr (reader, node, "id", &id))
    return FALSE;
  if (ca_dataset_find_industry (reader->dataset, id) < 0)
    return ca_project_reader_fail (reader, node, _("unknown industry “%s”"), id);
  if (ca_cluster_has_industry (cluster, id))
    return ca_project_reader_fail (reader, node, _("the industry “%s” is listed twice"), id);
  g_ptr_array_add (cluster->industries, g_steal_pointer (&id));
  return TRUE;
}

static gboolean
read_cluster_type (CaProjectReader *reader,
                   CaXmlNode       *node,
                   CaClusterType   *type)
{
  g_autofree char *name = NULL;

  if (!ca_project_require_attr (reader, node, "type", &name))
    return FALSE;
  if (strcmp (name, ca_cluster_type_to_string (CA_CLUSTER_SECTORAL)) == 0)
    *type = CA_CLUSTER_SECTORAL;
  else if (strcmp (name, ca_cluster_type_to_string (CA_CLUSTER_CROSS_SECTORAL)) == 0)
    *type = CA_CLUSTER_CROSS_SECTORAL;
  else
    return ca_project_reader_fail (reader, node,
                                   _("type=“%s” must be “sectoral” or “cross-sectoral”"), name);
  return TRUE;
}

static CaCluster *
read_cluster (CaProjectReader *reader,
              CaXmlNode       *node)
{
  g_autofree char *id = NULL;
  g_autoptr(CaCluster) cluster = NULL;
  CaClusterType type = CA_CLUSTER_SECTORAL;

  if (!ca_project_is (node, "cluster"))
    {
      ca_project_reader_unexpected (reader, node);
      return NULL;
    }
  if (!ca_project_require_attr (reader, node, "id", &id) ||
      !read_cluster_type (reader, node, &type))
    return NULL;
  if (ca_dataset_find_cluster (reader->dataset, id) >= 0)
    {
      ca_project_reader_fail (reader, node, _("the cluster id “%s” appears twice"), id);
      return NULL;
    }
  cluster = ca_cluster_new (id, type);
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      gboolean ok = TRUE;

      if (ca_project_is (child, "name"))
        ca_project_read_text (child, &cluster->name);
      else if (ca_project_is (child, "centre"))
        {
          CaText *centre = g_new0 (CaText, 1);

          ca_project_read_text (child, centre);
          g_ptr_array_add (cluster->centres, centre);
        }
      else if (ca_project_is (child, "industry"))
        ok = read_cluster_industry (reader, child, cluster);
      else if (ca_project_is (child, "member"))
        ok = read_member (reader, child, cluster);
      else
        ok = ca_project_reader_unexpected (reader, child);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&cluster);
}

gboolean
ca_project_read_clusters (CaProjectReader *reader,
                          CaXmlNode       *clusters)
{
  CA_PROJECT_FOR_EACH_ELEMENT (node, clusters)
    {
      CaCluster *cluster = read_cluster (reader, node);

      if (cluster == NULL)
        return FALSE;
      ca_dataset_add_cluster (reader->dataset, cluster);
    }
  return TRUE;
}

static gboolean
read_node (CaProjectReader *reader,
           CaXmlNode       *node,
           CaOrgGraph      *graph)
{
  CaOrgNode org_node = { 0 };
  CaOrgNode *added;
  g_autofree char *territory = NULL;
  gint64 count;
  int unit = -1;

  if (!ca_project_require_attr (reader, node, "id", &org_node.id))
    return FALSE;
  if (ca_org_graph_find_node (graph, org_node.id) >= 0)
    {
      ca_project_reader_fail (reader, node, _("the node id “%s” appears twice"), org_node.id);
      g_free (org_node.id);
      return FALSE;
    }
  /* Appended first so that the array owns what follows. */
  g_array_append_val (graph->nodes, org_node);
  added = &g_array_index (graph->nodes, CaOrgNode, graph->nodes->len - 1);

  if (!ca_project_int_attr (reader, node, "count", 0, G_MAXINT, 0, &count) ||
      !ca_project_bool_attr (reader, node, "missing", FALSE, &added->missing))
    return FALSE;
  added->count = (int) count;
  territory = ca_project_get_attr (node, "territory");
  if (territory != NULL && *territory != '\0')
    {
      if (!ca_project_reader_unit (reader, node, "territory", &unit))
        return FALSE;
      added->territory = g_steal_pointer (&territory);
    }
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      if (!ca_project_is (child, "label"))
        return ca_project_reader_unexpected (reader, child);
      ca_project_read_text (child, &added->label);
    }
  return TRUE;
}

static gboolean
read_link_end (CaProjectReader  *reader,
               CaXmlNode        *node,
               const CaOrgGraph *graph,
               const char       *attr,
               char            **id)
{
  if (!ca_project_require_attr (reader, node, attr, id))
    return FALSE;
  if (ca_org_graph_find_node (graph, *id) < 0)
    return ca_project_reader_fail (reader, node, _("%s=“%s”: no node has this id"), attr, *id);
  return TRUE;
}

static gboolean
read_link (CaProjectReader *reader,
           CaXmlNode       *node,
           CaOrgGraph      *graph)
{
  static const char *const kinds[] = { "production", "service", "missing" };
  g_autofree char *kind = NULL;
  CaOrgLink link = { 0 };

  if (!read_link_end (reader, node, graph, "from", &link.from) ||
      !read_link_end (reader, node, graph, "to", &link.to) ||
      !ca_project_require_attr (reader, node, "kind", &kind))
    {
      g_free (link.from);
      g_free (link.to);
      return FALSE;
    }
  link.kind = (CaOrgLinkKind) G_N_ELEMENTS (kinds);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (strcmp (kind, kinds[k]) == 0)
      link.kind = (CaOrgLinkKind) k;
  g_array_append_val (graph->links, link);
  if ((guint) link.kind == G_N_ELEMENTS (kinds))
    return ca_project_reader_fail (reader, node,
                                   _("kind=“%s” must be “production”, “service” or “missing”"),
                                   kind);
  return TRUE;
}

gboolean
ca_project_read_org_graph (CaProjectReader *reader,
                           CaXmlNode       *node)
{
  g_autoptr(CaOrgGraph) graph = ca_org_graph_new ();

  graph->cluster_id = ca_project_get_attr (node, "cluster");
  if (graph->cluster_id != NULL && ca_dataset_find_cluster (reader->dataset, graph->cluster_id) < 0)
    return ca_project_reader_fail (reader, node, _("unknown cluster “%s”"), graph->cluster_id);
  /* Nodes first, so that a link may come before the nodes it joins. */
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    {
      gboolean ok = TRUE;

      if (ca_project_is (child, "title"))
        ca_project_read_text (child, &graph->title);
      else if (ca_project_is (child, "node"))
        ok = read_node (reader, child, graph);
      else if (!ca_project_is (child, "link"))
        ok = ca_project_reader_unexpected (reader, child);
      if (!ok)
        return FALSE;
    }
  CA_PROJECT_FOR_EACH_ELEMENT (child, node)
    if (ca_project_is (child, "link") && !read_link (reader, child, graph))
      return FALSE;
  ca_dataset_set_org_graph (reader->dataset, g_steal_pointer (&graph));
  return TRUE;
}
