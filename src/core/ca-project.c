/* ca-project.c — loading and saving the project file.
 *
 * Parsing is locked down: no network, no entity substitution, no DTD
 * loading, and any document with a <!DOCTYPE> is refused as soon as the
 * parser meets it, before an internal subset could declare entities (the
 * "billion laughs"). Errors are collected by a handler installed on the
 * parser context only, so no global libxml2 state is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "ca-data-resources.h"
#include "ca-project-private.h"

G_DEFINE_QUARK (ca-project-error-quark, ca_project_error)

#define DEFAULT_PROJECT "/org/clusteratlas/ClusterAtlas/data/aktobe.caproj"

/* No project holds anything near this; refusing protects memory. */
#define PROJECT_MAX_BYTES ((gsize) 256 * 1024 * 1024)

typedef struct
{
  gboolean has_dtd;
  int      dtd_line;
  int      error_line;
  char    *error_message;
} ParseState;

static void
refuse_dtd (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->has_dtd = TRUE;
  state->dtd_line = ctxt->input != NULL ? ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

static void
collect_error (void    *user_data,
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
  state->error_message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

static xmlDoc *
parse_xml (const char  *data,
           gsize        length,
           const char  *name,
           GError     **error)
{
  ParseState state = { 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

  if (length > PROJECT_MAX_BYTES)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("%s: the file is larger than %d MiB"), name,
                   (int) (PROJECT_MAX_BYTES >> 20));
      return NULL;
    }
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("%s: cannot create an XML parser"), name);
      return NULL;
    }
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
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_INVALID,
                   _("%s: line %d: <!DOCTYPE>: a project file must not have a document type "
                     "declaration (it could define entities)"),
                   name, state.dtd_line);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_MALFORMED,
                   _("%s: line %d: not well-formed XML: %s"), name,
                   state.error_message != NULL ? state.error_line : 1,
                   state.error_message != NULL ? state.error_message : _("unreadable document"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_INVALID,
                   _("%s: line 1: <!DOCTYPE>: a project file must not have a document type "
                     "declaration"), name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  g_free (state.error_message);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static CaDataset *
load_data (const char  *data,
           gsize        length,
           const char  *name,
           const char  *base_dir,
           GError     **error)
{
  xmlDoc *doc = parse_xml (data, length, name, error);
  CaDataset *dataset;

  if (doc == NULL)
    return NULL;
  dataset = ca_project_read_document (doc, name, base_dir, error);
  xmlFreeDoc (doc);
  return dataset;
}

CaDataset *
ca_project_load_from_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  name = g_path_get_basename (display_name != NULL ? display_name : "project");
  return load_data (data, length, name, NULL, error);
}

static char *
absolute_path (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

CaDataset *
ca_project_load (const char  *path,
                 GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  absolute = absolute_path (path);
  name = g_path_get_basename (absolute);
  dir = g_path_get_dirname (absolute);
  if (g_stat (absolute, &st) == 0 && (guint64) st.st_size > PROJECT_MAX_BYTES)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("%s: the file is larger than %d MiB"), name,
                   (int) (PROJECT_MAX_BYTES >> 20));
      return NULL;
    }
  if (!g_file_get_contents (absolute, &contents, &length, &local_error))
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO, _("%s: cannot read: %s"),
                   name, local_error->message);
      return NULL;
    }
  return load_data (contents, length, name, dir, error);
}

CaDataset *
ca_project_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length = 0;

  /* Referencing the resource from here keeps it in the static library. */
  bytes = g_resource_lookup_data (ca_data_get_resource (), DEFAULT_PROJECT,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("aktobe.caproj: the bundled default project is missing: %s"),
                   local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return load_data (data, length, "aktobe.caproj", NULL, error);
}

char *
ca_project_to_string (CaDataset *dataset,
                      gsize     *length)
{
  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  return ca_project_write_document (dataset, NULL, length);
}

static gboolean
write_atomically (const char  *path,
                  const char  *contents,
                  gsize        length,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Temporary file in the same folder, fsync, rename over @path. */
  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO, _("%s: cannot save: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Copies the existing @path to @path.bak. The copy is itself written
 * atomically: renaming @path away would leave a moment with no project. */
static gboolean
keep_backup (const char  *path,
             const char  *name,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *backup_name = g_strconcat (name, ".bak", NULL);
  g_autofree char *old = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (path, &old, &length, &local_error))
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("%s: cannot read the previous version to keep it: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return write_atomically (backup, old, length, backup_name, error);
}

gboolean
ca_project_save (CaDataset   *dataset,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (CA_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = absolute_path (path);
  name = g_path_get_basename (absolute);
  dir = g_path_get_dirname (absolute);
  contents = ca_project_write_document (dataset, dir, &length);
  if (!keep_backup (absolute, name, error))
    return FALSE;
  return write_atomically (absolute, contents, length, name, error);
}
