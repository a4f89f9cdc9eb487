/* ca-cluster-panel-rows.c — one cluster's row in the cluster panel: the
 * visibility check, and an expander with the cluster's facts, its members
 * (paper) beside the finder's verdicts, the finder's other proposals and
 * the add-member controls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-cluster-finder.h"
#include "ca-cluster-panel-private.h"
#include "ca-panel-util.h"

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "paper ✓  finder ✗". A disagreement stands out in bold orange (GNOME
 * palette orange 4, legible on light and dark backgrounds); the glyphs
 * carry the meaning for those who cannot tell the colour. */
static GtkWidget *
new_mark (gboolean paper,
          gboolean finder)
{
  g_autofree char *text = g_strdup_printf ("%s %s  %s %s", _("paper"), paper ? "✓" : "✗",
                                           _("finder"), finder ? "✓" : "✗");
  g_autofree char *markup = NULL;
  GtkWidget *mark = new_label (NULL, NULL);

  if (paper == finder)
    {
      gtk_label_set_text (GTK_LABEL (mark), text);
      gtk_widget_add_css_class (mark, "dim-label");
    }
  else
    {
      markup = g_markup_printf_escaped ("<span weight=\"bold\" foreground=\"#e66100\">%s</span>",
                                        text);
      gtk_label_set_markup (GTK_LABEL (mark), markup);
    }
  gtk_label_set_wrap (GTK_LABEL (mark), FALSE);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paper == finder
                                  ? (paper ? _("Member; the finder agrees")
                                           : _("Not a member; the finder agrees"))
                                  : (paper ? _("Member; the finder disagrees")
                                           : _("Not a member; the finder proposes it")),
                                  -1);
  return mark;
}

static const CaFinderProposal *
find_proposal (CaClusterPanel *self,
               const char     *cluster_id)
{
  GPtrArray *proposals = ca_analysis_get_proposals (self->analysis);

  for (guint i = 0; i < proposals->len; i++)
    {
      const CaFinderProposal *proposal = g_ptr_array_index (proposals, i);

      if (g_strcmp0 (proposal->cluster_id, cluster_id) == 0)
        return proposal;
    }
  return NULL;
}

static const CaFinderUnit *
finder_unit (const CaFinderProposal *proposal,
             guint                   unit)
{
  if (proposal == NULL || unit >= proposal->units->len)
    return NULL;
  return &g_array_index (proposal->units, CaFinderUnit, unit);
}

static char *
unit_title (CaClusterPanel *self,
            guint           unit)
{
  const CaUnit *u = ca_dataset_get_unit (self->dataset, unit);

  return g_strdup_printf ("%s — %s", u->code, ca_text_get (&u->name, self->lang));
}

static void
set_button_target (GtkWidget  *button,
                   const char *cluster_id,
                   const char *code)
{
  g_object_set_data_full (G_OBJECT (button), "ca-cluster", g_strdup (cluster_id), g_free);
  g_object_set_data_full (G_OBJECT (button), "ca-code", g_strdup (code), g_free);
}

static void
report (CaClusterPanel *self,
        gboolean        ok,
        GError         *error)
{
  ca_cluster_panel_set_message (self, ok ? NULL : error->message);
}

static void
on_remove_clicked (GtkButton      *button,
                   CaClusterPanel *self)
{
  /* Copies: the edit rebuilds the rows, this button among them. */
  g_autofree char *cluster_id = g_strdup (g_object_get_data (G_OBJECT (button), "ca-cluster"));
  g_autofree char *code = g_strdup (g_object_get_data (G_OBJECT (button), "ca-code"));
  g_autoptr(GError) error = NULL;

  report (self, ca_cluster_panel_remove_member (self, cluster_id, code, &error), error);
}

static void
on_adopt_clicked (GtkButton      *button,
                  CaClusterPanel *self)
{
  g_autofree char *cluster_id = g_strdup (g_object_get_data (G_OBJECT (button), "ca-cluster"));
  g_autofree char *code = g_strdup (g_object_get_data (G_OBJECT (button), "ca-code"));
  g_autofree char *reason = g_strdup (g_object_get_data (G_OBJECT (button), "ca-reason"));
  g_autoptr(GError) error = NULL;

  report (self, ca_cluster_panel_add_member (self, cluster_id, code, reason, &error), error);
}

static void
on_add_clicked (GtkWidget      *widget,
                CaClusterPanel *self)
{
  GtkWidget *box = gtk_widget_get_parent (widget);
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (box), "ca-dropdown");
  GtkEditable *reason_entry = g_object_get_data (G_OBJECT (box), "ca-reason");
  const char * const *codes = g_object_get_data (G_OBJECT (dropdown), "ca-codes");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autofree char *cluster_id = g_strdup (g_object_get_data (G_OBJECT (box), "ca-cluster"));
  g_autofree char *reason = g_strdup (gtk_editable_get_text (reason_entry));
  g_autoptr(GError) error = NULL;

  if (codes == NULL || selected >= g_strv_length ((char **) codes))
    return;
  report (self, ca_cluster_panel_add_member (self, cluster_id, codes[selected], reason, &error),
          error);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

/* A unit line: title, mark, an optional button; under it the reason and
 * the finder's explanation. */
static GtkWidget *
unit_line (CaClusterPanel     *self,
           guint               unit,
           gboolean            member,
           const CaFinderUnit *verdict,
           const CaText       *reason,
           GtkWidget          *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = unit_title (self, unit);
  GtkWidget *label = new_label (title, NULL);
  gboolean finder = verdict != NULL && ca_verdict_is_member (verdict->verdict);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), new_mark (member, finder));
  if (button != NULL)
    gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (box), top);
  if (reason != NULL && *ca_text_get (reason, self->lang) != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Reason: %s"), ca_text_get (reason, self->lang));

      gtk_box_append (GTK_BOX (box), new_label (text, "caption"));
    }
  if (verdict != NULL && verdict->explanation != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Finder: %s"), verdict->explanation);
      GtkWidget *explanation = new_label (text, "caption");

      gtk_widget_add_css_class (explanation, "dim-label");
      gtk_box_append (GTK_BOX (box), explanation);
    }
  return box;
}

static char *
industries_text (CaClusterPanel  *self,
                 const CaCluster *cluster)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < cluster->industries->len; i++)
    {
      const char *id = g_ptr_array_index (cluster->industries, i);
      int index = ca_dataset_find_industry (self->dataset, id);

      g_ptr_array_add (names, index >= 0
                       ? (gpointer) ca_text_get (&ca_dataset_get_industry (self->dataset,
                                                                           (guint) index)->name,
                                                 self->lang)
                       : (gpointer) id);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static char *
centres_text (CaClusterPanel  *self,
              const CaCluster *cluster)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < cluster->centres->len; i++)
    g_ptr_array_add (names, (gpointer) ca_text_get (g_ptr_array_index (cluster->centres, i),
                                                   self->lang));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* The dropdown of units not yet members, a reason entry and Add. */
static GtkWidget *
add_controls (CaClusterPanel  *self,
              const CaCluster *cluster)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkStringList *titles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dropdown, *entry, *button;
  g_autofree char *accessible = g_strdup_printf (_("Unit to add to %s"),
                                                 ca_text_get (&cluster->name, self->lang));

  for (guint u = 0; u < ca_dataset_get_n_units (self->dataset); u++)
    if (!ca_cluster_has_member (cluster, ca_dataset_get_unit (self->dataset, u)->code))
      {
        g_autofree char *title = unit_title (self, u);

        gtk_string_list_append (titles, title);
        g_ptr_array_add (codes, g_strdup (ca_dataset_get_unit (self->dataset, u)->code));
      }
  g_ptr_array_add (codes, NULL);

  dropdown = gtk_drop_down_new (G_LIST_MODEL (titles), NULL);
  g_object_set_data_full (G_OBJECT (dropdown), "ca-codes",
                          g_ptr_array_free (g_steal_pointer (&codes), FALSE),
                          (GDestroyNotify) g_strfreev);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the new member"), -1);
  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_sensitive (button, g_list_model_get_n_items (G_LIST_MODEL (titles)) > 0);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), button);
  g_object_set_data (G_OBJECT (box), "ca-dropdown", dropdown);
  g_object_set_data (G_OBJECT (box), "ca-reason", entry);
  g_object_set_data_full (G_OBJECT (box), "ca-cluster", g_strdup (cluster->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_clicked), self);
  g_signal_connect (entry, "activate", G_CALLBACK (on_add_clicked), self);
  return box;
}

static void
append_heading (GtkWidget  *body,
                const char *text)
{
  GtkWidget *label = new_label (text, "heading");

  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (body), label);
}

static GtkWidget *
build_body (CaClusterPanel  *self,
            const CaCluster *cluster)
{
  const CaFinderProposal *proposal = find_proposal (self, cluster->id);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *proposed = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *others = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *industries = industries_text (self, cluster);
  g_autofree char *text = g_strdup_printf (_("Industries: %s"), industries);
  guint n_others = 0;

  gtk_widget_set_margin_top (body, 6);
  gtk_widget_set_margin_bottom (body, 6);
  gtk_box_append (GTK_BOX (body), new_label (text, NULL));

  append_heading (body, _("Members"));
  for (guint i = 0; i < cluster->members->len; i++)
    {
      const CaClusterMember *member = &g_array_index (cluster->members, CaClusterMember, i);
      int unit = ca_dataset_find_unit (self->dataset, member->code);
      g_autofree char *tip = g_strdup_printf (_("Remove %s from the cluster"), member->code);
      GtkWidget *button = icon_button ("list-remove-symbolic", tip);

      if (unit < 0)
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tip, -1);
      set_button_target (button, cluster->id, member->code);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), self);
      gtk_box_append (GTK_BOX (body), unit_line (self, (guint) unit, TRUE,
                                                 finder_unit (proposal, (guint) unit),
                                                 &member->reason, button));
    }

  /* Non-members: the finder's proposals first, the rest folded away. */
  for (guint u = 0; u < ca_dataset_get_n_units (self->dataset); u++)
    {
      const CaFinderUnit *verdict = finder_unit (proposal, u);
      const char *code = ca_dataset_get_unit (self->dataset, u)->code;

      if (ca_cluster_has_member (cluster, code))
        continue;
      if (verdict != NULL && ca_verdict_is_member (verdict->verdict))
        {
          g_autofree char *tip = g_strdup_printf (_("Add %s as the finder proposes"), code);
          GtkWidget *button = icon_button ("list-add-symbolic", tip);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          tip, -1);
          set_button_target (button, cluster->id, code);
          g_object_set_data_full (G_OBJECT (button), "ca-reason",
                                  g_strdup (verdict->explanation), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_adopt_clicked), self);
          gtk_box_append (GTK_BOX (proposed), unit_line (self, u, FALSE, verdict, NULL, button));
        }
      else
        {
          gtk_box_append (GTK_BOX (others), unit_line (self, u, FALSE, verdict, NULL, NULL));
          n_others++;
        }
    }
  if (gtk_widget_get_first_child (proposed) != NULL)
    {
      append_heading (body, _("Also proposed by the finder"));
      gtk_box_append (GTK_BOX (body), proposed);
    }
  else
    g_object_ref_sink (proposed), g_object_unref (proposed);
  if (n_others > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Other unit (%u)",
                                                             "Other units (%u)", n_others),
                                                n_others);
      GtkWidget *expander = gtk_expander_new (title);

      gtk_expander_set_child (GTK_EXPANDER (expander), others);
      gtk_box_append (GTK_BOX (body), expander);
    }
  else
    g_object_ref_sink (others), g_object_unref (others);

  append_heading (body, _("Add a member"));
  gtk_box_append (GTK_BOX (body), add_controls (self, cluster));
  return body;
}

GtkWidget *
ca_cluster_panel_build_row (CaClusterPanel  *self,
                            const CaCluster *cluster)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *name = ca_text_get (&cluster->name, self->lang);
  g_autofree char *centres = centres_text (self, cluster);
  /* TRANSLATORS: "Sectoral · centres: Aktobe, Khromtau" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · centres: %s"),
                                               ca_panel_cluster_type_label (cluster->type),
                                               centres);
  g_autofree char *check_label = g_strdup_printf (_("Show %s on the map"), name);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *title = new_label (name, "heading");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               !ca_cluster_panel_is_hidden (self, cluster->id));
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (check, check_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);
  g_object_set_data_full (G_OBJECT (check), "ca-cluster", g_strdup (cluster->id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (ca_cluster_panel_on_visible_toggled), self);

  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (title_box), new_label (subtitle, "dim-label"));
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), title_box);
  gtk_expander_set_child (GTK_EXPANDER (expander), build_body (self, cluster));
  gtk_expander_set_expanded (GTK_EXPANDER (expander),
                             g_hash_table_contains (self->expanded, cluster->id));
  gtk_widget_set_hexpand (expander, TRUE);
  g_object_set_data_full (G_OBJECT (expander), "ca-cluster", g_strdup (cluster->id), g_free);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (ca_cluster_panel_on_expanded), self);

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), expander);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "ca-cluster", g_strdup (cluster->id), g_free);
  g_object_set_data (G_OBJECT (row), "ca-expander", expander);
  g_object_set_data (G_OBJECT (row), "ca-check", check);
  return row;
}
