/* ca-boundaries.c — finding the boundary data and joining it to the units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ca-boundaries.h"

G_DEFINE_QUARK (ca-boundaries-error-quark, ca_boundaries_error)

#define MAPS_ENV "CLUSTER_ATLAS_MAPS"
#define GB_NAME_FIELD "shapeName"
#define CODE_FIELD "code"

/* The folders searched, in order. */
static GPtrArray *
search_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv (MAPS_ENV);

  if (env != NULL && *env != '\0')
    {
      g_auto (GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i]; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
    }
  g_ptr_array_add (dirs, g_build_filename (g_get_user_data_dir (), "cluster-atlas", "maps", NULL));
  g_ptr_array_add (dirs, g_build_filename (PKGDATADIR, "maps", NULL));
  g_ptr_array_add (dirs, g_strdup (SOURCE_MAPS_DIR));
  return dirs;
}

char *
ca_boundaries_find (const char *basename, GError **error)
{
  g_return_val_if_fail (basename != NULL, NULL);

  g_autoptr (GPtrArray) dirs = search_dirs ();
  g_autoptr (GString) looked = g_string_new (NULL);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *path = g_build_filename (dirs->pdata[i], basename, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      g_string_append_printf (looked, "\n  %s", (const char *) dirs->pdata[i]);
    }

  g_set_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_NOT_FOUND,
               _("The map file %s was not found. Looked in:%s\n"
                 "Set %s to a folder holding aktobe_districts.shp (and its .shx, .dbf, .prj), "
                 "or pass --boundaries FILE.shp. The boundaries come from geoBoundaries, "
                 "KAZ ADM2 (© OpenStreetMap contributors, ODbL); see maps/README.md."),
               basename, looked->str, MAPS_ENV);
  return NULL;
}

void
ca_join_free (CaJoin *join)
{
  if (join == NULL)
    return;
  g_free (join->field);
  g_free (join->feature_of_unit);
  g_free (join);
}

/* Compared case- and normalisation-insensitively: "akt" finds "AKT". */
static char *
match_key (const char *text)
{
  if (text == NULL)
    return NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    return NULL;
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal, -1);
}

static const char *
layer_display_name (CaLayer *layer)
{
  return ca_layer_get_name (layer);
}

/* The field to join on and whether it holds geoBoundaries names. */
static int
choose_field (CaDataset *dataset, CaLayer *layer, gboolean *by_gb_name, GError **error)
{
  const char *wanted = ca_dataset_get_join_field (dataset);
  int column;

  if (wanted != NULL && *wanted != '\0')
    {
      column = ca_layer_find_field (layer, wanted);
      if (column < 0)
        g_set_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_NO_JOIN_FIELD,
                     _("%s has no field “%s”, which the project names as its join field"),
                     layer_display_name (layer), wanted);
      *by_gb_name = g_ascii_strcasecmp (wanted, GB_NAME_FIELD) == 0;
      return column;
    }

  column = ca_layer_find_field (layer, CODE_FIELD);
  *by_gb_name = column < 0;
  if (column < 0)
    column = ca_layer_find_field (layer, GB_NAME_FIELD);
  if (column < 0)
    {
      g_autoptr (GString) fields = g_string_new (NULL);
      for (guint i = 0; i < ca_layer_get_n_fields (layer); i++)
        g_string_append_printf (fields, "%s%s", i ? ", " : "", ca_layer_get_field_name (layer, i));
      g_set_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_NO_JOIN_FIELD,
                   _("%s has neither a “code” field (unit codes such as AKT) nor a "
                     "“shapeName” field (geoBoundaries names); its fields are: %s"),
                   layer_display_name (layer), fields->len ? fields->str : _("none"));
    }
  return column;
}

static void
feature_centre (CaLayer *layer, guint feature, double *x, double *y)
{
  const CaFeature *f = ca_layer_get_feature (layer, feature);
  CaBBox bbox;

  if (f->polygon == NULL)
    {
      *x = f->point.x;
      *y = f->point.y;
      return;
    }
  ca_polygon_bbox (f->polygon, &bbox);
  *x = (bbox.min_x + bbox.max_x) / 2.0;
  *y = (bbox.min_y + bbox.max_y) / 2.0;
}

/* Names like "Zhambylskiy" recur in several regions of the raw ADM2 file:
 * a unit with several candidates takes the one nearest to the units that
 * matched unambiguously. */
static void
resolve_ambiguous (CaJoin *join, CaLayer *layer, GPtrArray *candidates)
{
  double sx = 0.0, sy = 0.0;
  guint n = 0;

  for (guint u = 0; u < join->n_units; u++)
    if (join->feature_of_unit[u] >= 0)
      {
        double x, y;
        feature_centre (layer, (guint) join->feature_of_unit[u], &x, &y);
        sx += x;
        sy += y;
        n++;
      }

  for (guint u = 0; u < join->n_units; u++)
    {
      GArray *options = candidates->pdata[u];
      if (join->feature_of_unit[u] >= 0 || options == NULL || options->len == 0)
        continue;
      double best = G_MAXDOUBLE;
      join->feature_of_unit[u] = g_array_index (options, int, 0);
      for (guint k = 0; n > 0 && k < options->len; k++)
        {
          double x, y;
          feature_centre (layer, (guint) g_array_index (options, int, k), &x, &y);
          double d = hypot (x - sx / n, y - sy / n);
          if (d < best)
            {
              best = d;
              join->feature_of_unit[u] = g_array_index (options, int, k);
            }
        }
    }
}

static gboolean
report_unmatched (CaJoin *join, CaDataset *dataset, CaLayer *layer, gboolean by_gb_name,
                  GError **error)
{
  g_autoptr (GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint u = 0; u < join->n_units; u++)
    {
      if (join->feature_of_unit[u] >= 0)
        continue;
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);
      if (n_missing++ > 0)
        g_string_append (missing, ", ");
      if (by_gb_name)
        g_string_append_printf (missing, "%s (“%s”)", unit->code ? unit->code : "?",
                                unit->gb_name ? unit->gb_name : "");
      else
        g_string_append (missing, unit->code ? unit->code : "?");
    }
  if (n_missing == 0)
    return TRUE;
  g_set_error (error, CA_BOUNDARIES_ERROR, CA_BOUNDARIES_ERROR_UNMATCHED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: no feature has a “%s” matching unit %s",
                            "%s: no feature has a “%s” matching units %s", n_missing),
               layer_display_name (layer), join->field, missing->str);
  return FALSE;
}

CaJoin *
ca_join_units (CaDataset *dataset, CaLayer *layer, GError **error)
{
  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (CA_IS_LAYER (layer), NULL);

  gboolean by_gb_name = FALSE;
  int column = choose_field (dataset, layer, &by_gb_name, error);
  if (column < 0)
    return NULL;

  guint n_features = ca_layer_get_n_features (layer);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_full (n_features, g_free);
  for (guint f = 0; f < n_features; f++)
    g_ptr_array_add (keys, match_key (ca_layer_get_value (layer, f, (guint) column)));

  g_autoptr (CaJoin) join = g_new0 (CaJoin, 1);
  join->field = g_strdup (ca_layer_get_field_name (layer, (guint) column));
  join->n_units = ca_dataset_get_n_units (dataset);
  join->feature_of_unit = g_new (int, MAX (join->n_units, 1));
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_full (join->n_units,
                                                           (GDestroyNotify) g_array_unref);
  for (guint u = 0; u < join->n_units; u++)
    {
      const CaUnit *unit = ca_dataset_get_unit (dataset, u);
      g_autofree char *key = match_key (by_gb_name ? unit->gb_name : unit->code);
      GArray *options = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint f = 0; key != NULL && f < n_features; f++)
        if (g_strcmp0 (keys->pdata[f], key) == 0)
          {
            int index = (int) f;
            g_array_append_val (options, index);
          }
      join->feature_of_unit[u] = options->len == 1 ? g_array_index (options, int, 0) : -1;
      g_ptr_array_add (candidates, options);
    }
  resolve_ambiguous (join, layer, candidates);
  if (!report_unmatched (join, dataset, layer, by_gb_name, error))
    return NULL;
  return g_steal_pointer (&join);
}

CaLayer *
ca_join_extract_units (CaJoin *join, CaLayer *layer)
{
  g_return_val_if_fail (join != NULL, NULL);
  g_return_val_if_fail (CA_IS_LAYER (layer), NULL);

  g_autofree guint *indices = g_new (guint, MAX (join->n_units, 1));
  for (guint u = 0; u < join->n_units; u++)
    {
      g_return_val_if_fail (join->feature_of_unit[u] >= 0, NULL);
      g_return_val_if_fail ((guint) join->feature_of_unit[u] < ca_layer_get_n_features (layer), NULL);
      indices[u] = (guint) join->feature_of_unit[u];
    }
  return ca_layer_subset (layer, indices, join->n_units);
}
