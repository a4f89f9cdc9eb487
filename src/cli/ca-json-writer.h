/* ca-json-writer.h — JSON (RFC 8259) written as it goes, indented.
 *
 * `cluster-atlas analyze --format json` writes a few hundred values; a
 * writer this size does it without json-glib, which the command-line
 * program cannot link statically (Debian ships it shared only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString *out;
  GArray  *has_items;   /* gboolean per open object or array */
  gboolean after_name;  /* a member's name written, its value next */
} CaJsonWriter;

void ca_json_writer_init (CaJsonWriter *writer, GString *out);
void ca_json_writer_clear (CaJsonWriter *writer);

void ca_json_writer_begin_object (CaJsonWriter *writer);
void ca_json_writer_end_object (CaJsonWriter *writer);
void ca_json_writer_begin_array (CaJsonWriter *writer);
void ca_json_writer_end_array (CaJsonWriter *writer);
/* The name of the next member of the object open. */
void ca_json_writer_name (CaJsonWriter *writer, const char *name);
void ca_json_writer_string (CaJsonWriter *writer, const char *value);
/* A number, exactly (shortest round-trip form); null unless finite. */
void ca_json_writer_double (CaJsonWriter *writer, double value);
void ca_json_writer_null (CaJsonWriter *writer);

G_END_DECLS
