/* ca-xml.c — loads the cluster-atlas-xml module once per process.
 *
 * The programs do not link libxml2 (ca-xml-api.h says why); this is where
 * it comes in, on the first file a user gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ca-module.h"
#include "ca-xml.h"

G_DEFINE_QUARK (ca-xml-error-quark, ca_xml_error)

typedef struct
{
  CaXmlApi api;
  char    *error;   /* why the module could not be loaded; NULL if it was */
} CaXmlLoaded;

static gpointer
load_module (gpointer data)
{
  CaXmlLoaded *loaded = g_new0 (CaXmlLoaded, 1);
  g_autofree char *path = NULL;
  g_autofree char *reason = ca_module_load ("CLUSTER_ATLAS_XML_MODULE", CA_XML_MODULE_BUILD_PATH,
                                            CA_XML_MODULE_INSTALL_PATH, CA_XML_MODULE_ENTRY,
                                            &loaded->api, sizeof loaded->api, &path);

  if (reason != NULL)
    loaded->error = g_strdup_printf (_("Could not load the XML module %s: %s"), path, reason);
  return loaded;
}

const CaXmlApi *
ca_xml_api_get (GError **error)
{
  /* The process's one load; g_once makes it safe from any thread. */
  static GOnce once = G_ONCE_INIT;
  const CaXmlLoaded *loaded = g_once (&once, load_module, NULL);

  if (loaded->error != NULL)
    {
      g_set_error_literal (error, CA_XML_ERROR, CA_XML_ERROR_MODULE, loaded->error);
      return NULL;
    }
  return &loaded->api;
}

static void
sink_start (void              *builder,
            const char        *name,
            const char *const *names,
            const char *const *values,
            long               line)
{
  ca_xml_builder_start (builder, name, names, values, line);
}

static void
sink_text (void       *builder,
           const char *text,
           size_t      length)
{
  ca_xml_builder_text (builder, text, length);
}

static void
sink_end (void *builder)
{
  ca_xml_builder_end (builder);
}

CaXmlNode *
ca_xml_parse (const char    *data,
              gsize          length,
              const char    *name,
              CaXmlOutcome  *outcome,
              long          *line,
              char         **message,
              GError       **error)
{
  static const CaXmlSink sink = { sink_start, sink_text, sink_end };
  const CaXmlApi *api = ca_xml_api_get (error);
  g_autoptr (CaXmlBuilder) builder = NULL;
  char *module_message = NULL;

  *outcome = CA_XML_PARSED;
  *line = 1;
  *message = NULL;
  if (api == NULL)
    return NULL;
  builder = ca_xml_builder_new ();
  *outcome = api->parse (data, length, name, &sink, builder, line, &module_message);
  /* The module has no GLib: its string is malloc'd. */
  if (module_message != NULL)
    {
      *message = g_strdup (module_message);
      free (module_message);
    }
  if (*outcome != CA_XML_PARSED)
    return NULL;
  return ca_xml_builder_finish (g_steal_pointer (&builder));
}
