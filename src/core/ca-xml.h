/* ca-xml.h — libxml2, loaded on first need (see ca-xml-api.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ca-xml-api.h"
#include "ca-xml-tree.h"

G_BEGIN_DECLS

#define CA_XML_ERROR (ca_xml_error_quark ())
typedef enum
{
  CA_XML_ERROR_MODULE,   /* the cluster-atlas-xml module could not be loaded */
} CaXmlErrorCode;
GQuark ca_xml_error_quark (void);

/* libxml2's parsing, loading the cluster-atlas-xml module (and libxml2)
 * the first time; thread-safe. The module is taken from
 * $CLUSTER_ATLAS_XML_MODULE when set, else from the build tree when the
 * program runs from it, else from LIBDIR/cluster-atlas. NULL and
 * CA_XML_ERROR_MODULE when it cannot be loaded; a failed load is not
 * tried again. */
const CaXmlApi *ca_xml_api_get (GError **error);

/* @data parsed by libxml2 (the module's parse, ca-xml-api.h) into a tree.
 * NULL with @error set when the module cannot be loaded, or with @outcome
 * saying why the document was refused, @line where, and for a malformed
 * one @message (free it) what libxml2 said. NULL with CA_XML_PARSED: the
 * document had no root element. */
CaXmlNode      *ca_xml_parse (const char    *data,
                              gsize          length,
                              const char    *name,
                              CaXmlOutcome  *outcome,
                              long          *line,
                              char         **message,
                              GError       **error);

G_END_DECLS
