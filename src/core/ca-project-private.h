/* ca-project-private.h — what ca-project.c shares with the reader and the
 * writer of the project format (see data/README.md for the format).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-project.h"
#include "ca-xml-tree.h"

G_BEGIN_DECLS

/* The bundled default project's bytes, NUL-terminated (data/meson.build
 * compiles them in). */
extern const unsigned char ca_default_project[];
extern const size_t        ca_default_project_size;

/* The state of one read: messages name @name and the element's line. */
typedef struct
{
  const char *name;       /* the document's base name */
  const char *base_dir;   /* the project's folder, or NULL */
  CaDataset  *dataset;    /* being filled */
  GError    **error;
  GHashTable *units;      /* code → index + 1: cells look units up often */
} CaProjectReader;

/* ca-project-read.c: builds a dataset from a parsed, DTD-free document
 * (@root NULL: it had no root element). @base_dir resolves a relative
 * boundary path (NULL: keep it as written). */
CaDataset *ca_project_read_document (CaXmlNode   *root,
                                     const char  *name,
                                     const char  *base_dir,
                                     GError     **error);

/* ca-project-reader.c: helpers shared by the section readers. Each returns
 * FALSE with reader->error set, naming the element and its line. */
gboolean   ca_project_reader_fail (CaProjectReader *reader,
                                   CaXmlNode       *node,
                                   const char      *format,
                                   ...) G_GNUC_PRINTF (3, 4);
gboolean   ca_project_reader_unexpected (CaProjectReader *reader,
                                         CaXmlNode       *node);
gboolean   ca_project_is (CaXmlNode  *node,
                          const char *name);
char      *ca_project_get_attr (CaXmlNode  *node,
                                const char *attr);
gboolean   ca_project_require_attr (CaProjectReader *reader,
                                    CaXmlNode       *node,
                                    const char      *attr,
                                    char           **value);
gboolean   ca_project_bool_attr (CaProjectReader *reader,
                                 CaXmlNode       *node,
                                 const char      *attr,
                                 gboolean         fallback,
                                 gboolean        *value);
gboolean   ca_project_int_attr (CaProjectReader *reader,
                                CaXmlNode       *node,
                                const char      *attr,
                                gint64           min,
                                gint64           max,
                                gint64           fallback,
                                gint64          *value);
void       ca_project_read_text (CaXmlNode *node,
                                 CaText    *text);
/* A decimal number with '.', the whole text (white space aside), finite. */
gboolean   ca_project_parse_number (const char *text,
                                    double     *value);
/* Absent and not @required: NAN. */
gboolean   ca_project_number_attr (CaProjectReader *reader,
                                   CaXmlNode       *node,
                                   const char      *attr,
                                   gboolean         required,
                                   double          *value);
gboolean   ca_project_number_content (CaProjectReader *reader,
                                      CaXmlNode       *node,
                                      double          *value);
/* "1 2.5 3": at most @max numbers; @n receives the count (0 if absent). */
gboolean   ca_project_number_list_attr (CaProjectReader *reader,
                                        CaXmlNode       *node,
                                        const char      *attr,
                                        double          *numbers,
                                        guint            max,
                                        guint           *n);
/* Looks up the unit named by attribute @attr, failing on an unknown code. */
gboolean   ca_project_reader_unit (CaProjectReader *reader,
                                   CaXmlNode       *node,
                                   const char      *attr,
                                   int             *unit);

/* Iterates over the element children of @parent. */
#define CA_PROJECT_FOR_EACH_ELEMENT(child, parent)                           \
  for (CaXmlNode *child = (parent)->children; child != NULL; child = child->next)

/* ca-project-read-clusters.c */
gboolean   ca_project_read_clusters (CaProjectReader *reader,
                                     CaXmlNode       *clusters);
gboolean   ca_project_read_org_graph (CaProjectReader *reader,
                                      CaXmlNode       *graph);

/* ca-project-write.c: @base_dir makes boundary paths under it relative. */
char      *ca_project_write_document (CaDataset  *dataset,
                                      const char *base_dir,
                                      gsize      *length);

G_END_DECLS
