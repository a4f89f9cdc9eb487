/* ca-autosave.h — keeps a copy of unsaved work in the user's cache folder,
 * so that a crash loses at most a few seconds of it, and finds the copies
 * a crashed session left behind.
 *
 * Each session (one window's project) writes two files into the folder
 * (by default <user cache>/cluster-atlas/autosave):
 *   SESSION.caproj  the project as it is now;
 *   SESSION.ini     a key file, group [Autosave]: Project (file:// URI of
 *                   the project it is unsaved work of; absent when that
 *                   was never saved), Time (ISO 8601),
 *                   Pid and PidStart (the writing process and its start
 *                   time, so that a reused pid is not taken for it).
 * A copy whose process no longer runs is an orphan: work to offer back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-history.h"

G_BEGIN_DECLS

#define CA_AUTOSAVE_ERROR (ca_autosave_error_quark ())
typedef enum
{
  CA_AUTOSAVE_ERROR_IO,
} CaAutosaveError;
GQuark ca_autosave_error_quark (void);

/* Seconds from the first unsaved change to its copy on disk. */
#define CA_AUTOSAVE_DEFAULT_DELAY 10

#define CA_TYPE_AUTOSAVE (ca_autosave_get_type ())
G_DECLARE_FINAL_TYPE (CaAutosave, ca_autosave, CA, AUTOSAVE, GObject)

/* <user cache>/cluster-atlas/autosave */
char       *ca_autosave_get_default_folder (void);

/* Watches @history (of @dataset): while it is modified, a copy is written
 * CA_AUTOSAVE_DEFAULT_DELAY seconds after a change (later changes join the
 * pending save); when it becomes unmodified (saved, or undone back to the
 * saved state) the copy is deleted. @folder NULL: the default folder. */
CaAutosave *ca_autosave_new (CaDataset  *dataset,
                             CaHistory  *history,
                             const char *folder);
const char *ca_autosave_get_folder (CaAutosave *self);
/* SESSION.caproj in the folder (it exists only while a copy is kept). */
const char *ca_autosave_get_path (CaAutosave *self);
/* The project's own file, recorded with the copy; NULL: never saved. */
void        ca_autosave_set_project_path (CaAutosave *self,
                                          const char *path);
const char *ca_autosave_get_project_path (CaAutosave *self);
void        ca_autosave_set_delay (CaAutosave *self,
                                   guint       seconds);
/* TRUE while a save waits for its timer. */
gboolean    ca_autosave_is_scheduled (CaAutosave *self);
/* Writes the copy now (atomically: a crash mid-write keeps the last one). */
gboolean    ca_autosave_save_now (CaAutosave  *self,
                                  GError     **error);
/* Deletes the copy and cancels a pending save: the work is safe or unwanted. */
void        ca_autosave_discard (CaAutosave *self);

/* A copy left by a process that no longer runs. */
typedef struct
{
  char      *path;          /* the autosaved project (SESSION.caproj) */
  char      *info_path;     /* its SESSION.ini */
  char      *project_path;  /* the file it is unsaved work of; NULL: never saved */
  GDateTime *time;          /* when it was written */
} CaAutosaveOrphan;

#define CA_TYPE_AUTOSAVE_ORPHAN (ca_autosave_orphan_get_type ())
GType             ca_autosave_orphan_get_type (void);
CaAutosaveOrphan *ca_autosave_orphan_copy (const CaAutosaveOrphan *orphan);
void              ca_autosave_orphan_free (CaAutosaveOrphan *orphan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaAutosaveOrphan, ca_autosave_orphan_free)

/* The orphans in @folder (NULL: the default folder), newest first; a
 * GPtrArray of CaAutosaveOrphan* that frees them. */
GPtrArray        *ca_autosave_find_orphans (const char *folder);
/* Records this process as the orphan's owner, so that another window does
 * not offer it too; if this process ends before the orphan is restored or
 * deleted, it is an orphan again at the next start. */
gboolean          ca_autosave_orphan_claim (const CaAutosaveOrphan  *orphan,
                                            GError                 **error);
/* Deletes both files. */
void              ca_autosave_orphan_delete (const CaAutosaveOrphan *orphan);

G_END_DECLS
