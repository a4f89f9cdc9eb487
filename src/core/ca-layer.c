/* ca-layer.c — a vector layer: polygon or point features with attributes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ca-layer.h"

struct _CaLayer
{
  GObject      parent_instance;

  char        *name;
  CaLayerKind  kind;
  char        *crs;
  char        *source_path;
  GStrv        fields;
  guint        n_fields;
  GArray      *features;   /* of CaFeature */
  CaBBox       extent;     /* grown as features are added */
};

G_DEFINE_FINAL_TYPE (CaLayer, ca_layer, G_TYPE_OBJECT)

static void
feature_clear (gpointer data)
{
  CaFeature *feature = data;

  g_clear_pointer (&feature->polygon, ca_polygon_free);
  g_clear_pointer (&feature->values, g_strfreev);
}

static void
ca_layer_finalize (GObject *object)
{
  CaLayer *self = CA_LAYER (object);

  g_free (self->name);
  g_free (self->crs);
  g_free (self->source_path);
  g_strfreev (self->fields);
  g_array_unref (self->features);

  G_OBJECT_CLASS (ca_layer_parent_class)->finalize (object);
}

static void
ca_layer_class_init (CaLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_layer_finalize;
}

static void
ca_layer_init (CaLayer *self)
{
  self->features = g_array_new (FALSE, TRUE, sizeof (CaFeature));
  g_array_set_clear_func (self->features, feature_clear);
  ca_bbox_init_empty (&self->extent);
}

CaLayer *
ca_layer_new (const char *name, CaLayerKind kind, const char * const *fields)
{
  CaLayer *self = g_object_new (CA_TYPE_LAYER, NULL);

  self->name = g_strdup (name ? name : "");
  self->kind = kind;
  self->fields = fields ? g_strdupv ((char **) fields) : g_new0 (char *, 1);
  self->n_fields = g_strv_length (self->fields);
  return self;
}

const char *
ca_layer_get_name (CaLayer *self)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  return self->name;
}

CaLayerKind
ca_layer_get_kind (CaLayer *self)
{
  g_return_val_if_fail (CA_IS_LAYER (self), CA_LAYER_POLYGONS);
  return self->kind;
}

const char *
ca_layer_get_crs (CaLayer *self)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  return self->crs;
}

void
ca_layer_set_crs (CaLayer *self, const char *crs)
{
  g_return_if_fail (CA_IS_LAYER (self));

  if (crs != self->crs)
    {
      g_free (self->crs);
      self->crs = g_strdup (crs);
    }
}

const char *
ca_layer_get_source_path (CaLayer *self)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  return self->source_path;
}

void
ca_layer_set_source_path (CaLayer *self, const char *path)
{
  g_return_if_fail (CA_IS_LAYER (self));

  if (path != self->source_path)
    {
      g_free (self->source_path);
      self->source_path = g_strdup (path);
    }
}

guint
ca_layer_get_n_fields (CaLayer *self)
{
  g_return_val_if_fail (CA_IS_LAYER (self), 0);
  return self->n_fields;
}

const char *
ca_layer_get_field_name (CaLayer *self, guint index)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);
  return self->fields[index];
}

int
ca_layer_find_field (CaLayer *self, const char *name)
{
  g_return_val_if_fail (CA_IS_LAYER (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->n_fields; i++)
    if (g_ascii_strcasecmp (self->fields[i], name) == 0)
      return (int) i;
  return -1;
}

guint
ca_layer_get_n_features (CaLayer *self)
{
  g_return_val_if_fail (CA_IS_LAYER (self), 0);
  return self->features->len;
}

const CaFeature *
ca_layer_get_feature (CaLayer *self, guint index)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  g_return_val_if_fail (index < self->features->len, NULL);
  return &g_array_index (self->features, CaFeature, index);
}

void
ca_layer_add_feature (CaLayer *self, CaPolygon *polygon, CaPoint point, char **values)
{
  CaFeature feature = { polygon, point, values };

  g_return_if_fail (CA_IS_LAYER (self));
  g_return_if_fail (values == NULL || g_strv_length (values) == self->n_fields);

  /* Every feature carries one string per field, so lookups never check. */
  if (feature.values == NULL)
    {
      feature.values = g_new0 (char *, self->n_fields + 1);
      for (guint i = 0; i < self->n_fields; i++)
        feature.values[i] = g_strdup ("");
    }

  ca_bbox_init_empty (&feature.bbox);
  if (polygon != NULL)
    ca_polygon_bbox (polygon, &feature.bbox);
  else if (self->kind == CA_LAYER_POINTS)
    ca_bbox_add_point (&feature.bbox, point.x, point.y);
  ca_bbox_union (&self->extent, &feature.bbox);
  g_array_append_val (self->features, feature);
}

const char *
ca_layer_get_value (CaLayer *self, guint feature, guint field)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  g_return_val_if_fail (feature < self->features->len, NULL);
  g_return_val_if_fail (field < self->n_fields, NULL);

  return g_array_index (self->features, CaFeature, feature).values[field];
}

int
ca_layer_find_feature (CaLayer *self, const char *field, const char *value)
{
  g_return_val_if_fail (CA_IS_LAYER (self), -1);
  g_return_val_if_fail (field != NULL && value != NULL, -1);

  int column = ca_layer_find_field (self, field);
  if (column < 0)
    return -1;
  for (guint i = 0; i < self->features->len; i++)
    if (g_strcmp0 (g_array_index (self->features, CaFeature, i).values[column], value) == 0)
      return (int) i;
  return -1;
}

void
ca_layer_get_extent (CaLayer *self, CaBBox *bbox)
{
  g_return_if_fail (CA_IS_LAYER (self));
  g_return_if_fail (bbox != NULL);

  *bbox = self->extent;
}

CaLayer *
ca_layer_subset (CaLayer *self, const guint *indices, guint n_indices)
{
  g_return_val_if_fail (CA_IS_LAYER (self), NULL);
  g_return_val_if_fail (indices != NULL || n_indices == 0, NULL);

  CaLayer *subset = ca_layer_new (self->name, self->kind, (const char * const *) self->fields);
  ca_layer_set_crs (subset, self->crs);
  ca_layer_set_source_path (subset, self->source_path);
  for (guint i = 0; i < n_indices; i++)
    {
      g_return_val_if_fail (indices[i] < self->features->len, subset);
      const CaFeature *feature = &g_array_index (self->features, CaFeature, indices[i]);
      ca_layer_add_feature (subset,
                            feature->polygon ? ca_polygon_copy (feature->polygon) : NULL,
                            feature->point, g_strdupv (feature->values));
    }
  return subset;
}
