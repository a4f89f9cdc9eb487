/* ca-value-cell.c
 *
 * A frameless GtkEntry: its "error" style is what the theme shows for a
 * refused entry, and it is a focus stop for keyboard users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-panel-util.h"
#include "ca-value-cell.h"

struct _CaValueCell
{
  GtkEntry              parent_instance;

  CaValueCellCommitFunc func;
  gpointer              data;
  int                   unit;
  char                 *canonical;
};

G_DEFINE_FINAL_TYPE (CaValueCell, ca_value_cell, GTK_TYPE_ENTRY)

static void
on_activate (CaValueCell *self)
{
  ca_value_cell_commit (self, NULL);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CaValueCell           *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  ca_value_cell_revert (self);
  return TRUE;
}

/* Leaving keeps a valid edit, as spreadsheets do, and drops an invalid one. */
static void
on_leave (GtkEventControllerFocus *controller,
          CaValueCell             *self)
{
  if (self->unit < 0 || g_strcmp0 (ca_value_cell_get_text (self), self->canonical) == 0)
    return;
  if (!ca_value_cell_commit (self, NULL))
    ca_value_cell_revert (self);
}

static void
ca_value_cell_finalize (GObject *object)
{
  CaValueCell *self = CA_VALUE_CELL (object);

  g_free (self->canonical);
  G_OBJECT_CLASS (ca_value_cell_parent_class)->finalize (object);
}

static void
ca_value_cell_class_init (CaValueCellClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_value_cell_finalize;
}

static void
ca_value_cell_init (CaValueCell *self)
{
  GtkEventController *controller;

  self->unit = -1;
  gtk_entry_set_has_frame (GTK_ENTRY (self), FALSE);
  gtk_editable_set_alignment (GTK_EDITABLE (self), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self), 7);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  g_signal_connect (self, "activate", G_CALLBACK (on_activate), NULL);

  /* Capture: the entry's text child has the focus and would see Escape first. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
ca_value_cell_new (CaValueCellCommitFunc func,
                   gpointer              data)
{
  CaValueCell *self = g_object_new (CA_TYPE_VALUE_CELL, NULL);

  self->func = func;
  self->data = data;
  return GTK_WIDGET (self);
}

void
ca_value_cell_bind (CaValueCell *self,
                    guint        unit,
                    const char  *text,
                    const char  *accessible_name)
{
  g_return_if_fail (CA_IS_VALUE_CELL (self));

  self->unit = (int) unit;
  g_free (self->canonical);
  self->canonical = g_strdup (text);
  ca_value_cell_revert (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
}

void
ca_value_cell_unbind (CaValueCell *self)
{
  g_return_if_fail (CA_IS_VALUE_CELL (self));
  self->unit = -1;
}

int
ca_value_cell_get_unit (CaValueCell *self)
{
  g_return_val_if_fail (CA_IS_VALUE_CELL (self), -1);
  return self->unit;
}

const char *
ca_value_cell_get_text (CaValueCell *self)
{
  g_return_val_if_fail (CA_IS_VALUE_CELL (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self));
}

void
ca_value_cell_set_text (CaValueCell *self,
                        const char  *text)
{
  g_return_if_fail (CA_IS_VALUE_CELL (self));
  gtk_editable_set_text (GTK_EDITABLE (self), text);
}

gboolean
ca_value_cell_commit (CaValueCell *self,
                      GError     **error)
{
  g_autoptr(CaValueCell) keep = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CA_IS_VALUE_CELL (self), FALSE);

  if (self->unit < 0)
    return TRUE;
  /* The commit re-binds rows, which may hand this cell to another unit. */
  keep = g_object_ref (self);
  text = g_strdup (ca_value_cell_get_text (self));
  if (!self->func (self, (guint) self->unit, text, self->data, &local_error))
    {
      ca_panel_mark_error (GTK_WIDGET (self), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
ca_value_cell_revert (CaValueCell *self)
{
  g_return_if_fail (CA_IS_VALUE_CELL (self));

  ca_panel_mark_error (GTK_WIDGET (self), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self), self->canonical != NULL ? self->canonical : "");
}

gboolean
ca_value_cell_has_error (CaValueCell *self)
{
  g_return_val_if_fail (CA_IS_VALUE_CELL (self), FALSE);
  return gtk_widget_has_css_class (GTK_WIDGET (self), "error");
}
