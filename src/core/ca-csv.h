/* ca-csv.h — CSV as spreadsheets write it: UTF-8 BOM, ';' or ',' (detected),
 * decimal comma or point, CRLF, quoted fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_CSV_ERROR (ca_csv_error_quark ())
typedef enum
{
  CA_CSV_ERROR_IO,
  CA_CSV_ERROR_SYNTAX,       /* unterminated quote … */
  CA_CSV_ERROR_HEADER,       /* missing "code" column, unknown indicator, duplicate column */
  CA_CSV_ERROR_NOT_NUMBER,
  CA_CSV_ERROR_NEGATIVE,
  CA_CSV_ERROR_UNKNOWN_UNIT,
  CA_CSV_ERROR_DUPLICATE_UNIT,
  CA_CSV_ERROR_RAGGED,
  CA_CSV_ERROR_NO_ROWS,
  CA_CSV_ERROR_TOO_LARGE,
} CaCsvError;
GQuark ca_csv_error_quark (void);

typedef struct
{
  GPtrArray *header;   /* of char* */
  GPtrArray *rows;     /* of GPtrArray* of char* */
  GArray    *lines;    /* guint: the file line each row starts on (1-based) */
  char       separator;
} CaCsvTable;

/* Parses @data; @name goes into messages ("indicators.csv: line 4: …"). */
CaCsvTable *ca_csv_parse (const char *data, gsize length, const char *name, GError **error);
void        ca_csv_table_free (CaCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaCsvTable, ca_csv_table_free)

/* A number with '.' or ',' as decimal separator; FALSE for anything else. */
gboolean    ca_csv_parse_number (const char *text, double *value);
/* The shortest text ('.' decimals, locale-independent) that reads back as
 * exactly @value: "1.1", not "1.1000000000000001". */
char       *ca_csv_format_number (double value);

/* Header "code,<indicator ids>"; applies the values to @dataset in one
 * batch, all or nothing. Empty cells are "no data". */
gboolean    ca_csv_import_indicators (CaDataset *dataset, const char *path, GError **error);
gboolean    ca_csv_import_indicators_from_data (CaDataset *dataset, const char *data, gsize length,
                                                const char *name, GError **error);
/* Header "code,<industry>,…": a units × industries output matrix in the
 * dataset's unit order; units absent from the file get NAN rows. Unknown or
 * duplicate unit codes, non-numbers and negative output are refused. */
CaMatrix   *ca_csv_read_industry_matrix (CaDataset *dataset, const char *path, GError **error);
CaMatrix   *ca_csv_read_industry_matrix_from_data (CaDataset *dataset, const char *data,
                                                   gsize length, const char *name, GError **error);

/* Writers: ',' separated, '.' decimals, RFC 4180 quoting. */
char       *ca_csv_write_indicators (CaDataset *dataset);
char       *ca_csv_write_matrix (CaDataset *dataset, const CaMatrix *matrix);

G_END_DECLS
