/* ca-xml-tree.h — a parsed XML document as the project reader walks it:
 * elements only, each with its attributes, the character data directly
 * inside it, and the line it starts on.
 *
 * Two parsers build it through the same builder: libxml2, in the
 * cluster-atlas-xml module (ca-xml-api.h), for any file a user gives, and
 * GLib's GMarkup for the project bundled with the program, which every
 * command reads (see ca-project.c for why).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CaXmlNode CaXmlNode;
struct _CaXmlNode
{
  char      *name;
  char     **attributes;  /* name, value, name, value, …, NULL */
  char      *text;        /* the character data directly inside, or NULL */
  long       line;
  CaXmlNode *parent;
  CaXmlNode *children;    /* the first child element */
  CaXmlNode *next;        /* the next sibling element */
};

/* Frees @node and the elements inside it. */
void        ca_xml_node_free (CaXmlNode *node);
/* The value of attribute @name, or NULL. */
const char *ca_xml_node_get_attr (const CaXmlNode *node,
                                  const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaXmlNode, ca_xml_node_free)

/* Builds the tree from a parser's events, in document order. */
typedef struct _CaXmlBuilder CaXmlBuilder;
CaXmlBuilder *ca_xml_builder_new (void);
void          ca_xml_builder_start (CaXmlBuilder      *builder,
                                    const char        *name,
                                    const char *const *names,
                                    const char *const *values,
                                    long               line);
void          ca_xml_builder_text (CaXmlBuilder *builder,
                                   const char   *text,
                                   gsize         length);
void          ca_xml_builder_end (CaXmlBuilder *builder);
/* The root element, or NULL when there was none; frees @builder. */
CaXmlNode    *ca_xml_builder_finish (CaXmlBuilder *builder);
void          ca_xml_builder_free (CaXmlBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaXmlBuilder, ca_xml_builder_free)

/* Parses @data (UTF-8, no document type declaration) with GMarkup. On
 * failure, NULL with @line set to where the parser stopped and @error
 * holding GMarkup's message. */
CaXmlNode  *ca_xml_parse_markup (const char *data,
                                 gsize       length,
                                 long       *line,
                                 GError    **error);

G_END_DECLS
