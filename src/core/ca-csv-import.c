/* ca-csv-import.c — applying CSV tables to a dataset: indicator values
 * (all or nothing) and the industry output/employment matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ca-csv-private.h"

/* Checks that the first header cell is "code" and the table has data. */
static gboolean
check_code_column (const CaCsvTable *table,
                   const char       *name,
                   GError          **error)
{
  const char *first = g_ptr_array_index (table->header, 0);

  if (g_ascii_strcasecmp (first, "code") != 0)
    {
      ca_csv_set_cell_error (error, CA_CSV_ERROR_HEADER, name, 1, 1, first,
                             _("the first column must be “code”, the unit codes"));
      return FALSE;
    }
  if (table->header->len < 2)
    {
      ca_csv_set_cell_error (error, CA_CSV_ERROR_HEADER, name, 1, 2, "",
                             _("no data columns after “code”"));
      return FALSE;
    }
  if (table->rows->len == 0)
    {
      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_NO_ROWS,
                   _("%s: no data rows after the header"), name);
      return FALSE;
    }
  return TRUE;
}

/* Checks row @r has as many fields as the header and a known, not yet
 * seen unit code; returns the unit index or -1 with @error set. */
static int
check_row (CaDataset        *dataset,
           const CaCsvTable *table,
           guint             r,
           gboolean         *seen,
           const char       *name,
           GError          **error)
{
  GPtrArray *row = g_ptr_array_index (table->rows, r);
  guint line = g_array_index (table->lines, guint, r);
  const char *code;
  int unit;

  if (row->len != table->header->len)
    {
      guint column = MIN (row->len, table->header->len) + 1;
      const char *field = row->len > table->header->len ? g_ptr_array_index (row, column - 1) : "";

      ca_csv_set_cell_error (error, CA_CSV_ERROR_RAGGED, name, line, column, field,
                             _("the row has %u fields but the header has %u"),
                             row->len, table->header->len);
      return -1;
    }
  code = g_ptr_array_index (row, 0);
  unit = ca_dataset_find_unit (dataset, code);
  if (unit < 0)
    {
      ca_csv_set_cell_error (error, CA_CSV_ERROR_UNKNOWN_UNIT, name, line, 1, code,
                             _("no unit has this code"));
      return -1;
    }
  if (seen[unit])
    {
      ca_csv_set_cell_error (error, CA_CSV_ERROR_DUPLICATE_UNIT, name, line, 1, code,
                             _("the unit appears twice"));
      return -1;
    }
  seen[unit] = TRUE;
  return unit;
}

/* An empty cell is "no data" (NAN). */
static gboolean
cell_value (const CaCsvTable *table,
            guint             r,
            guint             column,
            gboolean          allow_negative,
            const char       *name,
            double           *value,
            GError          **error)
{
  const char *field = g_ptr_array_index ((GPtrArray *) g_ptr_array_index (table->rows, r), column);
  guint line = g_array_index (table->lines, guint, r);

  if (*field == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  if (!ca_csv_parse_number (field, value))
    {
      ca_csv_set_cell_error (error, CA_CSV_ERROR_NOT_NUMBER, name, line, column + 1, field,
                             _("not a number (write 12.5 or 12,5, without spaces)"));
      return FALSE;
    }
  if (!allow_negative && *value < 0)
    {
      ca_csv_set_cell_error (error, CA_CSV_ERROR_NEGATIVE, name, line, column + 1, field,
                             _("output or employment cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
map_indicator_columns (CaDataset        *dataset,
                       const CaCsvTable *table,
                       const char       *name,
                       int              *indicators,
                       GError          **error)
{
  for (guint c = 1; c < table->header->len; c++)
    {
      const char *id = g_ptr_array_index (table->header, c);

      indicators[c] = ca_dataset_find_indicator (dataset, id);
      if (indicators[c] < 0)
        {
          ca_csv_set_cell_error (error, CA_CSV_ERROR_HEADER, name, 1, c + 1, id,
                                 _("no indicator has this id"));
          return FALSE;
        }
      for (guint d = 1; d < c; d++)
        if (indicators[d] == indicators[c])
          {
            ca_csv_set_cell_error (error, CA_CSV_ERROR_HEADER, name, 1, c + 1, id,
                                   _("the column appears twice"));
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
ca_csv_import_indicators_from_data (CaDataset   *dataset,
                                    const char  *data,
                                    gsize        length,
                                    const char  *name,
                                    GError     **error)
{
  g_autoptr(CaCsvTable) table = NULL;
  g_autofree int *indicators = NULL;
  g_autofree int *units = NULL;
  g_autofree gboolean *seen = NULL;
  g_autofree double *values = NULL;
  guint n_columns;

  g_return_val_if_fail (CA_IS_DATASET (dataset), FALSE);

  table = ca_csv_parse (data, length, name, error);
  if (table == NULL || !check_code_column (table, name, error))
    return FALSE;
  n_columns = table->header->len;
  indicators = g_new0 (int, n_columns);
  if (!map_indicator_columns (dataset, table, name, indicators, error))
    return FALSE;

  /* Validate everything first: the dataset changes only if all is well. */
  units = g_new (int, table->rows->len);
  seen = g_new0 (gboolean, MAX (1, ca_dataset_get_n_units (dataset)));
  values = g_new (double, (gsize) table->rows->len * n_columns);
  for (guint r = 0; r < table->rows->len; r++)
    {
      units[r] = check_row (dataset, table, r, seen, name, error);
      if (units[r] < 0)
        return FALSE;
      for (guint c = 1; c < n_columns; c++)
        if (!cell_value (table, r, c, TRUE, name, &values[(gsize) r * n_columns + c], error))
          return FALSE;
    }

  ca_dataset_freeze_changed (dataset);
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 1; c < n_columns; c++)
      ca_dataset_set_value (dataset, (guint) units[r], (guint) indicators[c],
                            values[(gsize) r * n_columns + c], NULL);
  ca_dataset_thaw_changed (dataset);
  return TRUE;
}

gboolean
ca_csv_import_indicators (CaDataset   *dataset,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gsize length = 0;

  if (!ca_csv_read_file (path, &contents, &length, error))
    return FALSE;
  return ca_csv_import_indicators_from_data (dataset, contents, length, name, error);
}

static gboolean
check_matrix_header (const CaCsvTable *table,
                     const char       *name,
                     GError          **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 1; c < table->header->len; c++)
    {
      const char *industry = g_ptr_array_index (table->header, c);

      if (*industry == '\0')
        {
          ca_csv_set_cell_error (error, CA_CSV_ERROR_HEADER, name, 1, c + 1, industry,
                                 _("the column has no name"));
          return FALSE;
        }
      if (!g_hash_table_add (names, (gpointer) industry))
        {
          ca_csv_set_cell_error (error, CA_CSV_ERROR_HEADER, name, 1, c + 1, industry,
                                 _("the column appears twice"));
          return FALSE;
        }
    }
  return TRUE;
}

CaMatrix *
ca_csv_read_industry_matrix_from_data (CaDataset   *dataset,
                                       const char  *data,
                                       gsize        length,
                                       const char  *name,
                                       GError     **error)
{
  g_autoptr(CaCsvTable) table = NULL;
  g_autoptr(CaMatrix) matrix = NULL;
  g_autofree gboolean *seen = NULL;
  guint n_units, n_industries;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  table = ca_csv_parse (data, length, name, error);
  if (table == NULL || !check_code_column (table, name, error) ||
      !check_matrix_header (table, name, error))
    return NULL;

  n_units = ca_dataset_get_n_units (dataset);
  n_industries = table->header->len - 1;
  matrix = ca_matrix_new (n_units, n_industries);
  for (guint j = 0; j < n_industries; j++)
    {
      g_free (matrix->industries->pdata[j]);
      matrix->industries->pdata[j] = g_strdup (g_ptr_array_index (table->header, j + 1));
    }
  seen = g_new0 (gboolean, MAX (1, n_units));
  for (guint r = 0; r < table->rows->len; r++)
    {
      int unit = check_row (dataset, table, r, seen, name, error);

      if (unit < 0)
        return NULL;
      for (guint j = 0; j < n_industries; j++)
        {
          double value;

          if (!cell_value (table, r, j + 1, FALSE, name, &value, error))
            return NULL;
          ca_matrix_set (matrix, (guint) unit, j, value);
        }
    }
  return g_steal_pointer (&matrix);
}

CaMatrix *
ca_csv_read_industry_matrix (CaDataset   *dataset,
                             const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gsize length = 0;

  if (!ca_csv_read_file (path, &contents, &length, error))
    return NULL;
  return ca_csv_read_industry_matrix_from_data (dataset, contents, length, name, error);
}
