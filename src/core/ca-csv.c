/* ca-csv.c — reading CSV the way spreadsheets write it, and writing it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ca-csv-private.h"

G_DEFINE_QUARK (ca-csv-error-quark, ca_csv_error)

/* Limits: a region has tens of units; anything near these is not a table a
 * person made, and refusing early keeps a stray file from eating memory. */
#define CSV_MAX_BYTES   ((gsize) 64 * 1024 * 1024)
#define CSV_MAX_COLUMNS 100000
#define CSV_MAX_ROWS    1000000

/* Cell text quoted in messages is cut to this many characters. */
#define FIELD_QUOTE_CHARS 40

typedef struct
{
  const char *p;
  const char *end;
  const char *name;
  guint       line;
  char        sep;
} Lexer;

void
ca_csv_table_free (CaCsvTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->header, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

static char *
quote_field (const char *field)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (field, -1) <= FIELD_QUOTE_CHARS)
    return g_strdup (field);
  start = g_utf8_substring (field, 0, FIELD_QUOTE_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

void
ca_csv_set_cell_error (GError    **error,
                       CaCsvError  code,
                       const char *name,
                       guint       line,
                       guint       column,
                       const char *field,
                       const char *format,
                       ...)
{
  g_autofree char *what = NULL;
  g_autofree char *shown = quote_field (field != NULL ? field : "");
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CA_CSV_ERROR, code, _("%s: line %u, column %u (“%s”): %s"),
               name, line, column, shown, what);
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* The separator is whichever of ';' and ',' the header line uses more
 * outside quotes. A tie (both absent, say) goes to ';' when the data has
 * decimal commas, as a spreadsheet in a Russian or Kazakh locale writes. */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == ',')
        commas++;
    }
  if (semicolons != commas)
    return semicolons > commas ? ';' : ',';
  for (; p + 2 < end; p++)
    if (g_ascii_isdigit (p[0]) && p[1] == ',' && g_ascii_isdigit (p[2]))
      return ';';
  return ',';
}

static void
count_newline (Lexer *lx)
{
  if (*lx->p == '\r' && lx->p + 1 < lx->end && lx->p[1] == '\n')
    lx->p++;
  lx->p++;
  lx->line++;
}

/* Excel may start a file with "sep=;": it names the separator and is not
 * the header. Returns that separator, or '\0' when there is no such line. */
static char
skip_separator_hint (Lexer *lx)
{
  char sep;

  if (lx->end - lx->p < 5 || strncmp (lx->p, "sep=", 4) != 0 ||
      (lx->p[4] != ';' && lx->p[4] != ','))
    return '\0';
  if (lx->end - lx->p > 5 && lx->p[5] != '\r' && lx->p[5] != '\n')
    return '\0';
  sep = lx->p[4];
  lx->p += 5;
  if (lx->p < lx->end)
    count_newline (lx);
  return sep;
}

static gboolean
read_quoted (Lexer    *lx,
             GString  *field,
             GError  **error)
{
  guint open_line = lx->line;

  lx->p++;
  for (;;)
    {
      if (lx->p >= lx->end)
        {
          g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_SYNTAX,
                       _("%s: line %u: a quoted field is never closed"), lx->name, open_line);
          return FALSE;
        }
      if (*lx->p == '"')
        {
          if (lx->p + 1 < lx->end && lx->p[1] == '"')
            {
              g_string_append_c (field, '"');
              lx->p += 2;
              continue;
            }
          lx->p++;
          break;
        }
      if (*lx->p == '\r' || *lx->p == '\n')
        {
          g_string_append_c (field, '\n');
          count_newline (lx);
          continue;
        }
      g_string_append_c (field, *lx->p++);
    }
  while (lx->p < lx->end && is_blank (*lx->p))
    lx->p++;
  if (lx->p < lx->end && *lx->p != lx->sep && *lx->p != '\r' && *lx->p != '\n')
    {
      /* The whole character: the text is valid UTF-8, a lone byte is not. */
      int n = (int) MIN ((gsize) g_utf8_skip[*(const guchar *) lx->p], (gsize) (lx->end - lx->p));

      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_SYNTAX,
                   _("%s: line %u: unexpected “%.*s” after a closing quote"),
                   lx->name, lx->line, n, lx->p);
      return FALSE;
    }
  return TRUE;
}

static void
read_unquoted (Lexer   *lx,
               GString *field)
{
  const char *start = lx->p;
  const char *stop;

  while (lx->p < lx->end && *lx->p != lx->sep && *lx->p != '\r' && *lx->p != '\n')
    lx->p++;
  stop = lx->p;
  while (stop > start && is_blank (stop[-1]))
    stop--;
  g_string_append_len (field, start, stop - start);
}

/* Reads one record, into @fields unless it is NULL (a counting pass);
 * @blank says whether all its fields are empty. @field is scratch space.
 * FALSE with @error on bad syntax or too many columns. */
static gboolean
read_record (Lexer      *lx,
             GString    *field,
             GPtrArray  *fields,
             gboolean   *blank,
             GError    **error)
{
  guint n_fields = 0;

  *blank = TRUE;
  for (;;)
    {
      g_string_truncate (field, 0);
      while (lx->p < lx->end && is_blank (*lx->p))
        lx->p++;
      if (lx->p < lx->end && *lx->p == '"')
        {
          if (!read_quoted (lx, field, error))
            return FALSE;
        }
      else
        read_unquoted (lx, field);
      if (field->len > 0)
        *blank = FALSE;
      if (fields != NULL)
        g_ptr_array_add (fields, g_strndup (field->str, field->len));
      if (++n_fields > CSV_MAX_COLUMNS)
        {
          g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE,
                       _("%s: line %u: more than %d columns"), lx->name, lx->line, CSV_MAX_COLUMNS);
          return FALSE;
        }
      if (lx->p < lx->end && *lx->p == lx->sep)
        {
          lx->p++;
          continue;
        }
      if (lx->p < lx->end)
        count_newline (lx);
      return TRUE;
    }
}

/* Refuses more than CSV_MAX_ROWS data rows before any row is stored. The
 * exact count (quotes, blank lines) needs a pass of the lexer, so it is
 * made only when the raw number of line breaks could exceed the limit. */
static gboolean
check_row_count (const Lexer  *start,
                 GError      **error)
{
  g_autoptr(GString) field = NULL;
  Lexer lx = *start;
  guint64 breaks = 0;
  guint records = 0;

  for (const char *p = lx.p; p < lx.end; p++)
    if (*p == '\n' || *p == '\r')
      breaks++;
  if (breaks <= CSV_MAX_ROWS)
    return TRUE;
  field = g_string_new (NULL);
  while (lx.p < lx.end)
    {
      guint line = lx.line;
      gboolean blank;

      if (!read_record (&lx, field, NULL, &blank, error))
        return FALSE;
      /* The header plus CSV_MAX_ROWS rows are allowed. */
      if (!blank && ++records > CSV_MAX_ROWS + 1)
        {
          g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE,
                       _("%s: line %u: more than %d rows"), lx.name, line, CSV_MAX_ROWS);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  const char *bad = NULL;

  if (length > CSV_MAX_BYTES)
    {
      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), name, (int) (CSV_MAX_BYTES >> 20));
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) length, &bad))
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n' || (*p == '\r' && (p + 1 >= bad || p[1] != '\n')))
          line++;
      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_SYNTAX,
                   _("%s: line %u: the text is not UTF-8 (save the table as “CSV UTF-8”)"),
                   name, line);
      return FALSE;
    }
  return TRUE;
}

CaCsvTable *
ca_csv_parse (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  g_autoptr(CaCsvTable) table = g_new0 (CaCsvTable, 1);
  g_autoptr(GString) field = g_string_new (NULL);
  Lexer lx = { data, data + length, name, 1, ',' };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_text (data, length, name, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    lx.p += 3;
  lx.sep = skip_separator_hint (&lx);
  if (lx.sep == '\0')
    lx.sep = detect_separator (lx.p, lx.end);
  table->separator = lx.sep;
  if (!check_row_count (&lx, error))
    return NULL;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  while (lx.p < lx.end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint line = lx.line;
      gboolean blank;

      if (!read_record (&lx, field, fields, &blank, error))
        return NULL;
      if (blank)
        continue;
      if (table->header == NULL)
        {
          table->header = g_steal_pointer (&fields);
          continue;
        }
      if (table->rows->len >= CSV_MAX_ROWS)
        {
          g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE,
                       _("%s: line %u: more than %d rows"), name, line, CSV_MAX_ROWS);
          return NULL;
        }
      g_ptr_array_add (table->rows, g_steal_pointer (&fields));
      g_array_append_val (table->lines, line);
    }
  if (table->header == NULL)
    {
      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_HEADER,
                   _("%s: the file is empty: no header line"), name);
      return NULL;
    }
  return g_steal_pointer (&table);
}

gboolean
ca_csv_parse_number (const char *text,
                     double     *value)
{
  const char *start, *stop, *p;
  g_autofree char *copy = NULL;
  guint mantissa_digits = 0;
  char *end = NULL;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  start = text;
  stop = text + strlen (text);
  while (start < stop && g_ascii_isspace (*start))
    start++;
  while (stop > start && g_ascii_isspace (stop[-1]))
    stop--;

  /* [+-] digits [(.|,) digits] [(e|E) [+-] digits]: nothing else, so
   * that "1 234", "1.234,5", "0x10" or "nan" are refused, not misread. */
  p = start;
  if (p < stop && (*p == '+' || *p == '-'))
    p++;
  for (; p < stop && g_ascii_isdigit (*p); p++)
    mantissa_digits++;
  if (p < stop && (*p == '.' || *p == ','))
    for (p++; p < stop && g_ascii_isdigit (*p); p++)
      mantissa_digits++;
  if (mantissa_digits == 0)
    return FALSE;
  if (p < stop && (*p == 'e' || *p == 'E'))
    {
      guint exponent_digits = 0;

      p++;
      if (p < stop && (*p == '+' || *p == '-'))
        p++;
      for (; p < stop && g_ascii_isdigit (*p); p++)
        exponent_digits++;
      if (exponent_digits == 0)
        return FALSE;
    }
  if (p != stop)
    return FALSE;

  copy = g_strndup (start, stop - start);
  g_strdelimit (copy, ",", '.');
  v = g_ascii_strtod (copy, &end);
  if (end != copy + strlen (copy) || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

char *
ca_csv_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest of %.15g … %.17g that reads back as the same double:
   * 1.1 stays "1.1" instead of g_ascii_dtostr's "1.1000000000000001". */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

gboolean
ca_csv_read_file (const char  *path,
                  char       **contents,
                  gsize       *length,
                  GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && (guint64) st.st_size > CSV_MAX_BYTES)
    {
      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), name, (int) (CSV_MAX_BYTES >> 20));
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, CA_CSV_ERROR, CA_CSV_ERROR_IO, _("%s: cannot read: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Quotes a field when it holds a separator, a quote, a line break or
 * outer spaces (which the reader would trim). */
static void
append_field (GString    *out,
              const char *field)
{
  gsize len = strlen (field);
  gboolean needs_quotes = strpbrk (field, ",;\"\r\n") != NULL ||
                          (len > 0 && (is_blank (field[0]) || is_blank (field[len - 1])));

  if (!needs_quotes)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return;
  text = ca_csv_format_number (value);
  g_string_append (out, text);
}

char *
ca_csv_write_indicators (CaDataset *dataset)
{
  GString *out = g_string_new ("code");
  guint n_indicators;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  n_indicators = ca_dataset_get_n_indicators (dataset);
  for (guint i = 0; i < n_indicators; i++)
    {
      g_string_append_c (out, ',');
      append_field (out, ca_dataset_get_indicator (dataset, i)->id);
    }
  g_string_append_c (out, '\n');
  for (guint u = 0; u < ca_dataset_get_n_units (dataset); u++)
    {
      append_field (out, ca_dataset_get_unit (dataset, u)->code);
      for (guint i = 0; i < n_indicators; i++)
        {
          g_string_append_c (out, ',');
          append_number (out, ca_dataset_get_value (dataset, u, i));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
ca_csv_write_matrix (CaDataset      *dataset,
                     const CaMatrix *matrix)
{
  GString *out;
  guint n_units;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (matrix != NULL, NULL);

  out = g_string_new ("code");
  for (guint j = 0; j < matrix->industries->len; j++)
    {
      g_string_append_c (out, ',');
      append_field (out, g_ptr_array_index (matrix->industries, j));
    }
  g_string_append_c (out, '\n');
  n_units = MIN (matrix->n_units, ca_dataset_get_n_units (dataset));
  for (guint u = 0; u < n_units; u++)
    {
      append_field (out, ca_dataset_get_unit (dataset, u)->code);
      for (guint j = 0; j < matrix->industries->len; j++)
        {
          g_string_append_c (out, ',');
          append_number (out, ca_matrix_get (matrix, u, j));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
