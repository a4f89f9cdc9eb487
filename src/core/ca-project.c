/* ca-project.c — loading and saving the project file.
 *
 * A user's file is parsed by libxml2, locked down (ca-xml-module.c: no
 * network, no entities, no document type declaration), in a module loaded
 * on the first such file. The project bundled with the program, which
 * every command and the window read first, is parsed by GLib's GMarkup,
 * already loaded: libxml2 with ICU and the C++ runtime would add 4 ms to
 * every start for a file the build ships and the tests read both ways
 * (tests/test-project.c checks the two parsers give the same tree).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ca-project-private.h"
#include "ca-xml.h"

G_DEFINE_QUARK (ca-project-error-quark, ca_project_error)

/* No project holds anything near this; refusing protects memory. */
#define PROJECT_MAX_BYTES ((gsize) 256 * 1024 * 1024)

static void
set_malformed (GError    **error,
               const char *name,
               long        line,
               const char *message)
{
  g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_MALFORMED,
               _("%s: line %d: not well-formed XML: %s"), name, (int) line,
               message != NULL ? message : _("unreadable document"));
}

/* A user's file, by libxml2. */
static CaXmlNode *
parse_file (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  g_autofree char *message = NULL;
  CaXmlOutcome outcome = CA_XML_PARSED;
  long line = 1;
  CaXmlNode *root = ca_xml_parse (data, length, name, &outcome, &line, &message, error);

  switch (outcome)
    {
    case CA_XML_PARSED:
      break;
    case CA_XML_DOCTYPE:
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_INVALID,
                   _("%s: line %d: <!DOCTYPE>: a project file must not have a document type "
                     "declaration (it could define entities)"),
                   name, (int) line);
      break;
    case CA_XML_NO_PARSER:
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("%s: cannot create an XML parser"), name);
      break;
    case CA_XML_MALFORMED:
    default:
      set_malformed (error, name, line, message);
      break;
    }
  return root;
}

/* The bundled project, by GMarkup. */
static CaXmlNode *
parse_bundled (const char  *data,
               gsize        length,
               const char  *name,
               GError     **error)
{
  g_autoptr (GError) local = NULL;
  long line = 1;
  CaXmlNode *root = ca_xml_parse_markup (data, length, &line, &local);

  if (local != NULL)
    set_malformed (error, name, line, local->message);
  return root;
}

static CaDataset *
load_data (const char  *data,
           gsize        length,
           const char  *name,
           const char  *base_dir,
           gboolean     bundled,
           GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (CaXmlNode) root = NULL;

  if (length > PROJECT_MAX_BYTES)
    {
      g_set_error (error, CA_PROJECT_ERROR, CA_PROJECT_ERROR_IO,
                   _("%s: the file is larger than %d MiB"), name,
                   (int) (PROJECT_MAX_BYTES >> 20));
      return NULL;
    }
  root = bundled ? parse_bundled (data, length, name, &local)
                 : parse_file (data, length, name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return ca_project_read_document (root, name, base_dir, error);
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
  return load_data (data, length, name, NULL, FALSE, error);
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
  return load_data (contents, length, name, dir, FALSE, error);
}

CaDataset *
ca_project_load_default (GError **error)
{
  return load_data ((const char *) ca_default_project, ca_default_project_size, "aktobe.caproj",
                    NULL, TRUE, error);
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
