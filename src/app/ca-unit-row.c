/* ca-unit-row.c
 *
 * The row holds only the index: the values live in the dataset, so a row
 * never goes stale; the table re-binds rows when the dataset changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ca-unit-row.h"

struct _CaUnitRow
{
  GObject parent_instance;

  guint   unit;
};

G_DEFINE_FINAL_TYPE (CaUnitRow, ca_unit_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ca_unit_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CaUnitRow *self = CA_UNIT_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_uint (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_unit_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CaUnitRow *self = CA_UNIT_ROW (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      self->unit = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ca_unit_row_class_init (CaUnitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ca_unit_row_get_property;
  object_class->set_property = ca_unit_row_set_property;

  properties[PROP_UNIT] =
    g_param_spec_uint ("unit", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ca_unit_row_init (CaUnitRow *self)
{
}

CaUnitRow *
ca_unit_row_new (guint unit)
{
  return g_object_new (CA_TYPE_UNIT_ROW, "unit", unit, NULL);
}

guint
ca_unit_row_get_unit (CaUnitRow *self)
{
  g_return_val_if_fail (CA_IS_UNIT_ROW (self), 0);
  return self->unit;
}
