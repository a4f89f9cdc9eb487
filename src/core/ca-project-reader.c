/* ca-project-reader.c — the reader's helpers: attributes, numbers, texts,
 * and refusals that name the file, the line and the element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ca-project-private.h"

gboolean
ca_project_reader_fail (CaProjectReader *reader,
                        CaXmlNode       *node,
                        const char      *format,
                        ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (reader->error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_INVALID,
               _("%s: line %ld: <%s>: %s"), reader->name, node->line, node->name, what);
  return FALSE;
}

gboolean
ca_project_reader_unexpected (CaProjectReader *reader,
                              CaXmlNode       *node)
{
  return ca_project_reader_fail (reader, node, _("unexpected element inside <%s>"),
                                 node->parent != NULL ? node->parent->name : "");
}

gboolean
ca_project_is (CaXmlNode  *node,
               const char *name)
{
  return g_strcmp0 (node->name, name) == 0;
}

char *
ca_project_get_attr (CaXmlNode  *node,
                     const char *attr)
{
  return g_strdup (ca_xml_node_get_attr (node, attr));
}

gboolean
ca_project_require_attr (CaProjectReader *reader,
                         CaXmlNode       *node,
                         const char      *attr,
                         char           **value)
{
  *value = ca_project_get_attr (node, attr);
  if (*value != NULL && **value != '\0')
    return TRUE;
  g_clear_pointer (value, g_free);
  return ca_project_reader_fail (reader, node, _("the attribute “%s” is missing"), attr);
}

gboolean
ca_project_bool_attr (CaProjectReader *reader,
                      CaXmlNode       *node,
                      const char      *attr,
                      gboolean         fallback,
                      gboolean        *value)
{
  g_autofree char *text = ca_project_get_attr (node, attr);

  if (text == NULL)
    *value = fallback;
  else if (strcmp (text, "true") == 0 || strcmp (text, "1") == 0)
    *value = TRUE;
  else if (strcmp (text, "false") == 0 || strcmp (text, "0") == 0)
    *value = FALSE;
  else
    return ca_project_reader_fail (reader, node, _("%s=“%s” must be “true” or “false”"),
                                   attr, text);
  return TRUE;
}

gboolean
ca_project_int_attr (CaProjectReader *reader,
                     CaXmlNode       *node,
                     const char      *attr,
                     gint64           min,
                     gint64           max,
                     gint64           fallback,
                     gint64          *value)
{
  g_autofree char *text = ca_project_get_attr (node, attr);

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  g_strstrip (text);
  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    return ca_project_reader_fail (reader, node,
                                   _("%s=“%s” must be a whole number from %lld to %lld"),
                                   attr, text, (long long) min, (long long) max);
  return TRUE;
}

void
ca_project_read_text (CaXmlNode *node,
                      CaText    *text)
{
  ca_text_clear (text);
  text->ru = ca_project_get_attr (node, "ru");
  text->kk = ca_project_get_attr (node, "kk");
  text->en = ca_project_get_attr (node, "en");
}

gboolean
ca_project_reader_unit (CaProjectReader *reader,
                        CaXmlNode       *node,
                        const char      *attr,
                        int             *unit)
{
  g_autofree char *code = NULL;

  if (!ca_project_require_attr (reader, node, attr, &code))
    return FALSE;
  *unit = GPOINTER_TO_INT (g_hash_table_lookup (reader->units, code)) - 1;
  if (*unit < 0)
    return ca_project_reader_fail (reader, node, _("unknown unit code “%s”"), code);
  return TRUE;
}

/* A decimal number written with '.', as g_ascii_strtod reads it; the whole
 * text must be the number (surrounding white space aside), and finite. */
gboolean
ca_project_parse_number (const char *text,
                         double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*copy == '\0' || strspn (copy, "0123456789+-.eE") != strlen (copy))
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return *end == '\0' && isfinite (*value);
}

gboolean
ca_project_number_attr (CaProjectReader *reader,
                        CaXmlNode       *node,
                        const char      *attr,
                        gboolean         required,
                        double          *value)
{
  g_autofree char *text = ca_project_get_attr (node, attr);

  *value = NAN;
  if (text == NULL)
    return !required ||
           ca_project_reader_fail (reader, node, _("the attribute “%s” is missing"), attr);
  if (!ca_project_parse_number (text, value))
    return ca_project_reader_fail (reader, node, _("%s=“%s” is not a number"), attr, text);
  return TRUE;
}

gboolean
ca_project_number_content (CaProjectReader *reader,
                           CaXmlNode       *node,
                           double          *value)
{
  g_autofree char *text = NULL;

  /* A number is the element's whole text: nothing nested. */
  if (node->children != NULL)
    return ca_project_reader_unexpected (reader, node->children);
  text = g_strdup (node->text != NULL ? node->text : "");
  if (!ca_project_parse_number (text, value))
    return ca_project_reader_fail (reader, node, _("“%s” is not a number"), g_strstrip (text));
  return TRUE;
}

/* "1 2.5 3": @max numbers at most, each finite. */
gboolean
ca_project_number_list_attr (CaProjectReader *reader,
                             CaXmlNode       *node,
                             const char      *attr,
                             double          *numbers,
                             guint            max,
                             guint           *n)
{
  g_autofree char *text = ca_project_get_attr (node, attr);
  g_auto(GStrv) tokens = NULL;

  *n = 0;
  if (text == NULL)
    return TRUE;
  tokens = g_strsplit_set (text, " \t\r\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (*n == max)
        return ca_project_reader_fail (reader, node, _("%s: more than %u numbers"), attr, max);
      if (!ca_project_parse_number (tokens[i], &numbers[*n]))
        return ca_project_reader_fail (reader, node, _("%s: “%s” is not a number"),
                                       attr, tokens[i]);
      (*n)++;
    }
  return TRUE;
}
