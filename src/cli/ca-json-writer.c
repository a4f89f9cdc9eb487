/* ca-json-writer.c — JSON written as it goes, two spaces an indent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-json-writer.h"

void
ca_json_writer_init (CaJsonWriter *writer,
                     GString      *out)
{
  writer->out = out;
  writer->has_items = g_array_new (FALSE, FALSE, sizeof (gboolean));
  writer->after_name = FALSE;
}

void
ca_json_writer_clear (CaJsonWriter *writer)
{
  g_clear_pointer (&writer->has_items, g_array_unref);
}

static void
new_line (CaJsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->has_items->len; i++)
    g_string_append (writer->out, "  ");
}

/* What goes before an item of the open container: a comma after the one
 * before, and its own line; nothing after a member's name. */
static void
begin_item (CaJsonWriter *writer)
{
  gboolean *has_items;

  if (writer->after_name)
    {
      writer->after_name = FALSE;
      return;
    }
  if (writer->has_items->len == 0)
    return;
  has_items = &g_array_index (writer->has_items, gboolean, writer->has_items->len - 1);
  if (*has_items)
    g_string_append_c (writer->out, ',');
  *has_items = TRUE;
  new_line (writer);
}

static void
open_container (CaJsonWriter *writer,
                char          bracket)
{
  gboolean none = FALSE;

  begin_item (writer);
  g_string_append_c (writer->out, bracket);
  g_array_append_val (writer->has_items, none);
}

static void
close_container (CaJsonWriter *writer,
                 char          bracket)
{
  gboolean had_items;

  g_return_if_fail (writer->has_items->len > 0);

  had_items = g_array_index (writer->has_items, gboolean, writer->has_items->len - 1);
  g_array_set_size (writer->has_items, writer->has_items->len - 1);
  if (had_items)
    new_line (writer);
  g_string_append_c (writer->out, bracket);
}

void
ca_json_writer_begin_object (CaJsonWriter *writer)
{
  open_container (writer, '{');
}

void
ca_json_writer_end_object (CaJsonWriter *writer)
{
  close_container (writer, '}');
}

void
ca_json_writer_begin_array (CaJsonWriter *writer)
{
  open_container (writer, '[');
}

void
ca_json_writer_end_array (CaJsonWriter *writer)
{
  close_container (writer, ']');
}

/* @text as a JSON string: quotes, backslashes and control characters
 * escaped, the rest as UTF-8 (made valid). */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

void
ca_json_writer_name (CaJsonWriter *writer,
                     const char   *name)
{
  begin_item (writer);
  append_quoted (writer->out, name);
  g_string_append (writer->out, " : ");
  writer->after_name = TRUE;
}

void
ca_json_writer_string (CaJsonWriter *writer,
                       const char   *value)
{
  begin_item (writer);
  append_quoted (writer->out, value);
}

void
ca_json_writer_double (CaJsonWriter *writer,
                       double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      ca_json_writer_null (writer);
      return;
    }
  begin_item (writer);
  g_string_append (writer->out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

void
ca_json_writer_null (CaJsonWriter *writer)
{
  begin_item (writer);
  g_string_append (writer->out, "null");
}
