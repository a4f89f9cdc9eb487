/* ca-project.h — the project file: one XML document holding everything a
 * user changes. Loading is safe (no DTD, no entities, no network); saving
 * is atomic and keeps the previous version as FILE.bak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"

G_BEGIN_DECLS

#define CA_PROJECT_ERROR (ca_project_error_quark ())
typedef enum
{
  CA_PROJECT_ERROR_MALFORMED,   /* not well-formed XML: message has the line */
  CA_PROJECT_ERROR_INVALID,     /* well-formed but wrong: names element and line */
  CA_PROJECT_ERROR_VERSION,     /* a version this program cannot read */
  CA_PROJECT_ERROR_IO,
} CaProjectError;
GQuark ca_project_error_quark (void);

#define CA_PROJECT_VERSION 1

CaDataset *ca_project_load (const char *path, GError **error);
/* @display_name names the document in messages. */
CaDataset *ca_project_load_from_data (const char *data, gsize length,
                                      const char *display_name, GError **error);
/* The bundled default project: the paper's Aktobe data, embedded as a GResource. */
CaDataset *ca_project_load_default (GError **error);

char      *ca_project_to_string (CaDataset *dataset, gsize *length);
/* Writes @path atomically: temporary file in the same folder, fsync, rename;
 * an existing @path becomes @path.bak first. Boundary paths are written
 * relative to the project's folder where possible. */
gboolean   ca_project_save (CaDataset *dataset, const char *path, GError **error);

G_END_DECLS
