/* ca-xml-api.h — libxml2's parsing of a project file, as a table filled by
 * the cluster-atlas-xml module.
 *
 * The programs do not link libxml2: it brings ICU and the C++ runtime,
 * whose relocation cost every process start some 4 ms (a fifth of a
 * command's start-up), and the project every command reads first, the
 * one bundled with the program, is read by GMarkup instead (ca-project.c).
 * ca_xml_api_get loads the module, and with it libxml2, the first time a
 * user's file is read. Like the PROJ module (ca-proj-api.h), the module
 * calls nothing in the program: it reports what it parsed through the
 * sink it is handed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>

/* The module's one exported symbol: fills @api (of @size bytes, which must
 * be sizeof (CaXmlApi) as the module was built) and returns 1, or returns
 * 0 on a size mismatch. */
#define CA_XML_MODULE_ENTRY "ca_xml_module_fill_api"

/* A document's elements, in document order: each start, the character
 * data directly inside, each end. */
typedef struct
{
  void (*start) (void              *user_data,
                 const char        *name,
                 const char *const *names,
                 const char *const *values,
                 long               line);
  void (*text)  (void       *user_data,
                 const char *text,
                 size_t      length);
  void (*end)   (void *user_data);
} CaXmlSink;

typedef enum
{
  CA_XML_PARSED,
  CA_XML_MALFORMED,    /* not well-formed: @line and @message say where and why */
  CA_XML_DOCTYPE,      /* a document type declaration, met on @line: refused */
  CA_XML_NO_PARSER,    /* libxml2 could not make a parser */
} CaXmlOutcome;

typedef struct
{
  /* Parses @data with no network, no DTD and no entities, and reports the
   * document to @sink only when it is well-formed and has no document
   * type declaration. @message (malloc'd: free() it) is set for
   * CA_XML_MALFORMED. */
  CaXmlOutcome (*parse) (const char      *data,
                         size_t           length,
                         const char      *name,
                         const CaXmlSink *sink,
                         void            *user_data,
                         long            *line,
                         char           **message);
} CaXmlApi;

typedef int (*CaXmlModuleFillApi) (CaXmlApi *api, size_t size);
