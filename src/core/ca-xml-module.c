/* ca-xml-module.c — the cluster-atlas-xml module: libxml2 parses a project
 * file and the document goes to the program's sink (ca-xml-api.h).
 *
 * This is the only code that links libxml2. Parsing is locked down: no
 * network, no entity substitution, no DTD loading, and any document with
 * a <!DOCTYPE> is refused as soon as the parser meets it, before an
 * internal subset could declare entities (the "billion laughs"). Errors
 * are collected by a handler installed on the parser context only, so no
 * global libxml2 state is touched.
 *
 * The module uses no GLib: the command-line program has GLib linked in
 * statically, and a module needing the shared one would load a second
 * copy into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

#include "ca-xml-api.h"

__attribute__ ((visibility ("default"))) int ca_xml_module_fill_api (CaXmlApi *api, size_t size);

typedef struct
{
  int   has_dtd;
  long  dtd_line;
  long  error_line;
  char *error_message;   /* malloc'd */
} ParseState;

static void
refuse_dtd (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->has_dtd = 1;
  state->dtd_line = ctxt->input != NULL ? ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

/* ASCII white space only: the message is UTF-8, and in an 8-bit locale
 * isspace() may take a byte of a multibyte character for a space. */
static int
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* @text without the white space round it, malloc'd; NULL if out of memory. */
static char *
stripped_copy (const char *text)
{
  size_t length;

  while (is_blank (*text))
    text++;
  length = strlen (text);
  while (length > 0 && is_blank (text[length - 1]))
    length--;
  return strndup (text, length);
}

static void
collect_error (void     *user_data,
               xmlError *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (error->level < XML_ERR_ERROR || state->error_message != NULL)
    return;
  /* An encoding error has no line of its own: the parser's is where the
   * conversion stopped. */
  state->error_line = error->line > 0 ? error->line
                                      : ctxt->input != NULL ? ctxt->input->line : 1;
  state->error_message = stripped_copy (error->message != NULL ? error->message : "");
}

/* @node and what is inside it, to @sink. Only attributes outside any
 * namespace count, as in the project format. */
static void
walk (xmlNode         *node,
      const CaXmlSink *sink,
      void            *user_data)
{
  size_t n = 0, size = 1;
  const char **names;
  char **values;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    size++;
  names = calloc (size, sizeof *names);
  values = calloc (size, sizeof *values);
  if (names == NULL || values == NULL)
    abort ();
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value;

      if (attr->ns != NULL || (value = xmlGetNoNsProp (node, attr->name)) == NULL)
        continue;
      names[n] = (const char *) attr->name;
      values[n++] = (char *) value;
    }
  sink->start (user_data, (const char *) node->name, names, (const char *const *) values,
               xmlGetLineNo (node));
  for (size_t i = 0; i < n; i++)
    xmlFree (values[i]);
  free (values);
  free (names);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      walk (child, sink, user_data);
    else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
             child->content != NULL)
      sink->text (user_data, (const char *) child->content, strlen ((const char *) child->content));
  sink->end (user_data);
}

static CaXmlOutcome
parse (const char      *data,
       size_t           length,
       const char      *name,
       const CaXmlSink *sink,
       void            *user_data,
       long            *line,
       char           **message)
{
  ParseState state = { 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  CaXmlOutcome outcome = CA_XML_PARSED;
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

  *line = 1;
  *message = NULL;
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    return CA_XML_NO_PARSER;
  /* The SAX handler belongs to this context alone. */
  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuse_dtd;
  ctxt->sax->serror = collect_error;
  /* Errors raised outside the parser context (converting from a declared
   * encoding the bytes do not follow) go to libxml2's global handler,
   * which prints them on stderr: collect them too, for this thread and
   * this parse only. */
  xmlStructuredErrorFunc saved_handler = xmlStructuredError;
  void *saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (ctxt, collect_error);
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, name, NULL, options);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);

  if (state.has_dtd)
    {
      outcome = CA_XML_DOCTYPE;
      *line = state.dtd_line;
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      outcome = CA_XML_MALFORMED;
      if (state.error_message != NULL)
        *line = state.error_line;
      *message = state.error_message;
      state.error_message = NULL;
    }
  else if (doc->intSubset != NULL || doc->extSubset != NULL)
    outcome = CA_XML_DOCTYPE;
  else if (xmlDocGetRootElement (doc) != NULL)
    walk (xmlDocGetRootElement (doc), sink, user_data);
  free (state.error_message);
  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  return outcome;
}

int
ca_xml_module_fill_api (CaXmlApi *api, size_t size)
{
  /* A module from another build would read past a smaller table. */
  if (api == NULL || size != sizeof (CaXmlApi))
    return 0;
  *api = (CaXmlApi) { .parse = parse };
  return 1;
}
