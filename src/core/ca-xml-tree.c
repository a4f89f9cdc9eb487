/* ca-xml-tree.c — the element tree the project reader walks, its builder,
 * and the GMarkup parser that feeds the builder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ca-xml-tree.h"

void
ca_xml_node_free (CaXmlNode *node)
{
  while (node != NULL)
    {
      CaXmlNode *next = node->next;

      ca_xml_node_free (node->children);
      g_free (node->name);
      g_strfreev (node->attributes);
      g_free (node->text);
      g_free (node);
      node = next;
    }
}

const char *
ca_xml_node_get_attr (const CaXmlNode *node,
                      const char      *name)
{
  for (char **pair = node->attributes; pair != NULL && pair[0] != NULL; pair += 2)
    if (strcmp (pair[0], name) == 0)
      return pair[1];
  return NULL;
}

/* The open elements, innermost last, each with the last child it has so
 * far and the text gathered inside it. */
typedef struct
{
  CaXmlNode *node;
  CaXmlNode *last_child;
  GString   *text;
} Open;

struct _CaXmlBuilder
{
  CaXmlNode *root;
  GArray    *open;   /* of Open */
};

CaXmlBuilder *
ca_xml_builder_new (void)
{
  CaXmlBuilder *builder = g_new0 (CaXmlBuilder, 1);

  builder->open = g_array_new (FALSE, FALSE, sizeof (Open));
  return builder;
}

void
ca_xml_builder_start (CaXmlBuilder      *builder,
                      const char        *name,
                      const char *const *names,
                      const char *const *values,
                      long               line)
{
  Open *parent = builder->open->len > 0
                   ? &g_array_index (builder->open, Open, builder->open->len - 1)
                   : NULL;
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;
  CaXmlNode *node;
  Open open;

  /* A second root cannot come from a well-formed document. */
  g_return_if_fail (parent != NULL || builder->root == NULL);
  node = g_new0 (CaXmlNode, 1);
  open = (Open) { node, NULL, NULL };
  node->name = g_strdup (name);
  node->line = line;
  if (n > 0)
    {
      node->attributes = g_new (char *, 2 * n + 1);
      for (guint i = 0; i < n; i++)
        {
          node->attributes[2 * i] = g_strdup (names[i]);
          node->attributes[2 * i + 1] = g_strdup (values[i]);
        }
      node->attributes[2 * n] = NULL;
    }
  if (parent == NULL)
    builder->root = node;
  else
    {
      node->parent = parent->node;
      if (parent->last_child != NULL)
        parent->last_child->next = node;
      else
        parent->node->children = node;
      parent->last_child = node;
    }
  g_array_append_val (builder->open, open);
}

void
ca_xml_builder_text (CaXmlBuilder *builder,
                     const char   *text,
                     gsize         length)
{
  Open *open;

  if (builder->open->len == 0 || length == 0)
    return;
  open = &g_array_index (builder->open, Open, builder->open->len - 1);
  if (open->text == NULL)
    open->text = g_string_sized_new (length);
  g_string_append_len (open->text, text, (gssize) length);
}

void
ca_xml_builder_end (CaXmlBuilder *builder)
{
  Open *open;

  g_return_if_fail (builder->open->len > 0);
  open = &g_array_index (builder->open, Open, builder->open->len - 1);
  if (open->text != NULL)
    open->node->text = g_string_free (open->text, FALSE);
  g_array_set_size (builder->open, builder->open->len - 1);
}

void
ca_xml_builder_free (CaXmlBuilder *builder)
{
  for (guint i = 0; i < builder->open->len; i++)
    {
      Open *open = &g_array_index (builder->open, Open, i);

      if (open->text != NULL)
        g_string_free (open->text, TRUE);
    }
  g_array_unref (builder->open);
  ca_xml_node_free (builder->root);
  g_free (builder);
}

CaXmlNode *
ca_xml_builder_finish (CaXmlBuilder *builder)
{
  CaXmlNode *root;

  while (builder->open->len > 0)
    ca_xml_builder_end (builder);
  root = g_steal_pointer (&builder->root);
  ca_xml_builder_free (builder);
  return root;
}

/* An element's line is that of its start tag's '>', as libxml2 counts.
 * GMarkup reports its start one character past the '>': on the next line,
 * at its first character, when the '>' ended a line. */
static void
markup_start (GMarkupParseContext *context,
              const char          *name,
              const char         **names,
              const char         **values,
              gpointer             user_data,
              GError             **error)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (context, &line, &column);
  ca_xml_builder_start (user_data, name, names, values, column <= 1 && line > 1 ? line - 1 : line);
}

static void
markup_end (GMarkupParseContext *context,
            const char          *name,
            gpointer             user_data,
            GError             **error)
{
  ca_xml_builder_end (user_data);
}

static void
markup_text (GMarkupParseContext *context,
             const char          *text,
             gsize                length,
             gpointer             user_data,
             GError             **error)
{
  ca_xml_builder_text (user_data, text, length);
}

/* Comments and processing instructions pass; a document type declaration
 * could declare entities GMarkup would not expand as libxml2 does, so the
 * two parsers would read the file differently: refused. */
static void
markup_passthrough (GMarkupParseContext *context,
                    const char          *text,
                    gsize                length,
                    gpointer             user_data,
                    GError             **error)
{
  if (length >= 9 && g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0)
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         _("a document type declaration is not allowed"));
}

CaXmlNode *
ca_xml_parse_markup (const char *data,
                     gsize       length,
                     long       *line,
                     GError    **error)
{
  static const GMarkupParser parser = {
    markup_start, markup_end, markup_text, markup_passthrough, NULL
  };
  CaXmlBuilder *builder = ca_xml_builder_new ();
  GMarkupParseContext *context =
    g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, builder, NULL);
  gboolean ok = g_markup_parse_context_parse (context, data, (gssize) length, error) &&
                g_markup_parse_context_end_parse (context, error);
  int stopped = 0;

  g_markup_parse_context_get_position (context, &stopped, NULL);
  g_markup_parse_context_free (context);
  *line = stopped;
  if (!ok)
    {
      ca_xml_builder_free (builder);
      return NULL;
    }
  return ca_xml_builder_finish (builder);
}
