/* ca-shapefile-dbf.c — the attribute table of a shapefile, decoded to UTF-8.
 *
 * The text encoding comes from the .cpg when there is one, else from the
 * .dbf's language-driver byte; files that say nothing are read as UTF-8
 * when valid, else as CP1251 (the usual encoding of Kazakh and Russian
 * files written on Windows).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ca-shapefile-private.h"

#define NO_ICONV ((GIConv) -1)
#define FALLBACK_ENCODING "CP1251"

struct _CaDbfReader
{
  DBFHandle dbf;
  char     *name;        /* base name of the .dbf, for messages */
  gboolean  utf8;        /* declared UTF-8: invalid text is an error */
  GIConv    declared;    /* declared encoding → UTF-8, or NO_ICONV */
  GIConv    fallback;    /* CP1251 → UTF-8, opened when first needed */
  GStrv     fields;
  guint     n_fields;
};

/* dBASE language-driver ids and their code pages (as GDAL reads them).
 * 0x57 ("current ANSI") is missing on purpose: it says nothing useful. */
static const struct
{
  guint8      ldid;
  const char *encoding;
} ldid_table[] = {
  { 1, "CP437" }, { 2, "CP850" }, { 3, "CP1252" }, { 8, "CP865" }, { 9, "CP437" },
  { 10, "CP850" }, { 11, "CP437" }, { 13, "CP437" }, { 14, "CP850" }, { 15, "CP437" },
  { 16, "CP850" }, { 17, "CP437" }, { 18, "CP850" }, { 19, "CP932" }, { 20, "CP850" },
  { 21, "CP437" }, { 22, "CP850" }, { 23, "CP865" }, { 24, "CP437" }, { 25, "CP437" },
  { 26, "CP850" }, { 27, "CP437" }, { 28, "CP863" }, { 29, "CP850" }, { 31, "CP852" },
  { 34, "CP852" }, { 35, "CP852" }, { 36, "CP860" }, { 37, "CP850" }, { 38, "CP866" },
  { 55, "CP850" }, { 64, "CP852" }, { 77, "CP936" }, { 78, "CP949" }, { 79, "CP950" },
  { 80, "CP874" }, { 88, "CP1252" }, { 89, "CP1252" }, { 100, "CP852" }, { 101, "CP866" },
  { 102, "CP865" }, { 103, "CP861" }, { 106, "CP737" }, { 107, "CP857" }, { 108, "CP863" },
  { 120, "CP950" }, { 121, "CP949" }, { 122, "CP936" }, { 123, "CP932" }, { 124, "CP874" },
  { 134, "CP737" }, { 135, "CP852" }, { 136, "CP857" }, { 200, "CP1250" }, { 201, "CP1251" },
  { 202, "CP1254" }, { 203, "CP1253" }, { 204, "CP1257" },
};

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

char *
ca_dbf_encoding_from_code_page (const char *code_page)
{
  if (code_page == NULL)
    return NULL;

  g_autofree char *text = g_strstrip (g_strdup (code_page));
  g_autofree char *upper = g_ascii_strup (text, -1);

  if (g_str_has_prefix (upper, "LDID/"))
    {
      long ldid = strtol (upper + 5, NULL, 10);
      for (gsize i = 0; i < G_N_ELEMENTS (ldid_table); i++)
        if (ldid_table[i].ldid == ldid)
          return g_strdup (ldid_table[i].encoding);
      return NULL;
    }
  if (*upper == '\0')
    return NULL;
  if (strcmp (upper, "UTF-8") == 0 || strcmp (upper, "UTF8") == 0 || strcmp (upper, "65001") == 0)
    return g_strdup ("UTF-8");

  /* ESRI writes "ANSI 1251", "1251" or "88595" for ISO 8859-5. */
  const char *number = upper;
  if (g_str_has_prefix (number, "ANSI"))
    for (number += 4; *number == ' ' || *number == '_' || *number == '-'; number++)
      ;
  if (all_digits (number))
    {
      if (g_str_has_prefix (number, "8859") && strlen (number) > 4)
        return g_strconcat ("ISO-8859-", number + 4, NULL);
      return g_strconcat ("CP", number, NULL);
    }
  return g_steal_pointer (&text);
}

void
ca_dbf_reader_free (CaDbfReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->declared != NO_ICONV)
    g_iconv_close (reader->declared);
  if (reader->fallback != NO_ICONV)
    g_iconv_close (reader->fallback);
  g_clear_pointer (&reader->dbf, DBFClose);
  g_strfreev (reader->fields);
  g_free (reader->name);
  g_free (reader);
}

static char *
decode (CaDbfReader *reader, const char *raw, GError **error)
{
  if (reader->declared != NO_ICONV)
    return g_convert_with_iconv (raw, -1, reader->declared, NULL, NULL, error);
  if (g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);
  if (reader->utf8)
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("the text is not valid UTF-8 although the .cpg says UTF-8"));
      return NULL;
    }
  if (reader->fallback == NO_ICONV)
    reader->fallback = g_iconv_open ("UTF-8", FALLBACK_ENCODING);
  if (reader->fallback == NO_ICONV)
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION,
                           _("the text is not UTF-8 and CP1251 is not available"));
      return NULL;
    }
  return g_convert_with_iconv (raw, -1, reader->fallback, NULL, NULL, error);
}

static gboolean
open_encoding (CaDbfReader *reader, GError **error)
{
  const char *code_page = DBFGetCodePage (reader->dbf);
  g_autofree char *encoding = ca_dbf_encoding_from_code_page (code_page);

  if (encoding == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      reader->utf8 = TRUE;
      return TRUE;
    }
  reader->declared = g_iconv_open ("UTF-8", encoding);
  if (reader->declared != NO_ICONV)
    return TRUE;
  if (g_str_has_prefix (code_page, "LDID/"))
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_ENCODING,
                              _("%s: its language driver (%s) names the encoding %s, "
                                "which this system cannot convert"),
                              reader->name, code_page, encoding);
  g_autofree char *shown = g_utf8_make_valid (code_page, -1);
  return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_ENCODING,
                            _("%s: the .cpg names the encoding “%s”, which this system "
                              "does not know"),
                            reader->name, shown);
}

/* Sizes first: shapelib would read a short file as garbage records. */
static gboolean
check_sizes (CaDbfReader *reader, const char *path, guint n_records, GError **error)
{
  DBFHandle dbf = reader->dbf;
  GStatBuf st;

  if (DBFGetRecordCount (dbf) < 0 || (guint) DBFGetRecordCount (dbf) != n_records)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s has %d records but the .shp has %u"),
                              reader->name, DBFGetRecordCount (dbf), n_records);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_NOT_FOUND, _("Cannot read %s: %s"),
                                reader->name, g_strerror (saved));
    }
  guint64 needed = (guint64) dbf->nHeaderLength + (guint64) dbf->nRecordLength * n_records;
  if (dbf->nHeaderLength < 32 || dbf->nRecordLength < 1 || (guint64) st.st_size < needed)
    return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                              _("%s is truncated: %u records need %llu bytes, the file has %lld"),
                              reader->name, n_records, (unsigned long long) needed,
                              (long long) st.st_size);
  return TRUE;
}

static gboolean
read_field_names (CaDbfReader *reader, GError **error)
{
  int n = DBFGetFieldCount (reader->dbf);

  reader->n_fields = (guint) MAX (n, 0);
  reader->fields = g_new0 (char *, reader->n_fields + 1);
  for (guint i = 0; i < reader->n_fields; i++)
    {
      char raw[XBASE_FLDNAME_LEN_READ + 1] = { 0 };
      g_autoptr (GError) local_error = NULL;

      if (DBFGetFieldInfo (reader->dbf, (int) i, raw, NULL, NULL) == FTInvalid && raw[0] == '\0')
        return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                                  _("%s: field %u cannot be read"), reader->name, i + 1);
      reader->fields[i] = decode (reader, raw, &local_error);
      if (reader->fields[i] == NULL)
        return ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_ENCODING,
                                  _("%s: the name of field %u cannot be decoded: %s"),
                                  reader->name, i + 1, local_error->message);
      g_strstrip (reader->fields[i]);
    }
  return TRUE;
}

CaDbfReader *
ca_dbf_reader_open (const char *path, SAHooks *hooks, guint n_records, GError **error)
{
  g_autoptr (CaDbfReader) reader = g_new0 (CaDbfReader, 1);

  reader->name = g_path_get_basename (path);
  reader->declared = NO_ICONV;
  reader->fallback = NO_ICONV;
  reader->dbf = DBFOpenLL (path, "rb", hooks);
  if (reader->dbf == NULL)
    {
      ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                         _("%s is not a readable dBASE table"), reader->name);
      return NULL;
    }
  if (!check_sizes (reader, path, n_records, error) || !open_encoding (reader, error) ||
      !read_field_names (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

const char * const *
ca_dbf_reader_get_fields (CaDbfReader *reader)
{
  return (const char * const *) reader->fields;
}

char **
ca_dbf_reader_read_record (CaDbfReader *reader, guint record, GError **error)
{
  g_auto (GStrv) values = g_new0 (char *, reader->n_fields + 1);

  for (guint i = 0; i < reader->n_fields; i++)
    {
      g_autoptr (GError) local_error = NULL;
      const char *raw;

      if (DBFIsAttributeNULL (reader->dbf, (int) record, (int) i))
        {
          values[i] = g_strdup ("");
          continue;
        }
      /* Numbers too come back as their text, exactly as written. */
      raw = DBFReadStringAttribute (reader->dbf, (int) record, (int) i);
      if (raw == NULL)
        {
          ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_CORRUPT,
                             _("%s, record %u: field “%s” cannot be read"),
                             reader->name, record + 1, reader->fields[i]);
          return NULL;
        }
      values[i] = decode (reader, raw, &local_error);
      if (values[i] == NULL)
        {
          ca_shapefile_fail (error, CA_SHAPEFILE_ERROR_ENCODING,
                             _("%s, record %u, field “%s”: the text cannot be decoded: %s"),
                             reader->name, record + 1, reader->fields[i], local_error->message);
          return NULL;
        }
      g_strstrip (values[i]);
    }
  return g_steal_pointer (&values);
}
