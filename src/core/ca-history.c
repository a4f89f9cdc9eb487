/* ca-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ca-history.h"

typedef struct
{
  char      *label;
  CaDataset *state;   /* the dataset as it was before (undo) or after (redo) the step */
  guint      serial;  /* which saved-state generation the snapshot belongs to */
} Step;

struct _CaHistory
{
  GObject    parent_instance;

  CaDataset *dataset;
  GPtrArray *undo;      /* of Step*, newest last */
  GPtrArray *redo;      /* of Step*, newest last */
  /* Every state the dataset passes through gets a serial; "modified" is
   * current != saved, so undoing back to the saved state is unmodified. */
  guint      current_serial;
  guint      saved_serial;
  guint      next_serial;
};

G_DEFINE_FINAL_TYPE (CaHistory, ca_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_IS_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_free (step->label);
  g_clear_object (&step->state);
  g_free (step);
}

static Step *
step_new (const char *label,
          CaDataset  *dataset,
          guint       serial)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->state = ca_dataset_copy (dataset);
  step->serial = serial;
  return step;
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (CaHistory *self)
{
  return (State) { self->undo->len > 0, self->redo->len > 0,
                   self->current_serial != self->saved_serial };
}

static void
notify_changes (CaHistory *self,
                State      before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_MODIFIED]);
}

static void
ca_history_dispose (GObject *object)
{
  CaHistory *self = CA_HISTORY (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (ca_history_parent_class)->dispose (object);
}

static void
ca_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CaHistory *self = CA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ca_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ca_history_can_redo (self));
      break;
    case PROP_IS_MODIFIED:
      g_value_set_boolean (value, ca_history_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_history_class_init (CaHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ca_history_dispose;
  object_class->get_property = ca_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IS_MODIFIED] =
    g_param_spec_boolean ("is-modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ca_history_init (CaHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->next_serial = 1;
}

CaHistory *
ca_history_new (CaDataset *dataset)
{
  CaHistory *self;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  self = g_object_new (CA_TYPE_HISTORY, NULL);
  self->dataset = g_object_ref (dataset);
  return self;
}

CaDataset *
ca_history_get_dataset (CaHistory *self)
{
  g_return_val_if_fail (CA_IS_HISTORY (self), NULL);
  return self->dataset;
}

void
ca_history_begin (CaHistory  *self,
                  const char *label)
{
  State before;

  g_return_if_fail (CA_IS_HISTORY (self));

  before = get_state (self);
  g_ptr_array_add (self->undo, step_new (label, self->dataset, self->current_serial));
  g_ptr_array_set_size (self->redo, 0);
  self->current_serial = self->next_serial++;
  notify_changes (self, before);
}

void
ca_history_cancel (CaHistory *self)
{
  Step *step;
  State before;

  g_return_if_fail (CA_IS_HISTORY (self));
  g_return_if_fail (self->undo->len > 0);

  before = get_state (self);
  step = g_ptr_array_index (self->undo, self->undo->len - 1);
  self->current_serial = step->serial;
  g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  notify_changes (self, before);
}

gboolean
ca_history_can_undo (CaHistory *self)
{
  g_return_val_if_fail (CA_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
ca_history_can_redo (CaHistory *self)
{
  g_return_val_if_fail (CA_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
ca_history_get_undo_label (CaHistory *self)
{
  g_return_val_if_fail (CA_IS_HISTORY (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
ca_history_get_redo_label (CaHistory *self)
{
  g_return_val_if_fail (CA_IS_HISTORY (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/* Moves the newest step of @from to @to, swapping the dataset's state with
 * the step's snapshot. */
static void
swap_step (CaHistory *self,
           GPtrArray *from,
           GPtrArray *to)
{
  Step *step = g_ptr_array_steal_index (from, from->len - 1);
  g_autoptr(CaDataset) now = ca_dataset_copy (self->dataset);
  guint now_serial = self->current_serial;
  State before = get_state (self);

  ca_dataset_assign (self->dataset, step->state);
  self->current_serial = step->serial;
  g_object_unref (step->state);
  step->state = g_steal_pointer (&now);
  step->serial = now_serial;
  g_ptr_array_add (to, step);
  notify_changes (self, before);
}

void
ca_history_undo (CaHistory *self)
{
  g_return_if_fail (CA_IS_HISTORY (self));
  if (self->undo->len > 0)
    swap_step (self, self->undo, self->redo);
}

void
ca_history_redo (CaHistory *self)
{
  g_return_if_fail (CA_IS_HISTORY (self));
  if (self->redo->len > 0)
    swap_step (self, self->redo, self->undo);
}

gboolean
ca_history_is_modified (CaHistory *self)
{
  g_return_val_if_fail (CA_IS_HISTORY (self), FALSE);
  return self->current_serial != self->saved_serial;
}

void
ca_history_mark_saved (CaHistory *self)
{
  State before;

  g_return_if_fail (CA_IS_HISTORY (self));

  before = get_state (self);
  self->saved_serial = self->current_serial;
  notify_changes (self, before);
}

void
ca_history_clear (CaHistory *self)
{
  State before;

  g_return_if_fail (CA_IS_HISTORY (self));

  before = get_state (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->current_serial = self->saved_serial = 0;
  notify_changes (self, before);
}
