/* test-autosave-fixtures.h — what the autosave and recovery tests share:
 * a pid that no process has, and an autosave's key file rewritten to look
 * like the copy of a crashed process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <sys/wait.h>

#include "ca-autosave.h"

/* The pid of a process that has ended and been reaped. */
static inline int
dead_pid (void)
{
  const char *argv[] = { "true", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

/* SESSION.ini beside the autosave's SESSION.caproj. */
static inline char *
info_path_of (CaAutosave *autosave)
{
  const char *path = ca_autosave_get_path (autosave);
  g_autofree char *session = NULL;

  g_assert_true (g_str_has_suffix (path, ".caproj"));
  session = g_strndup (path, strlen (path) - strlen (".caproj"));
  return g_strconcat (session, ".ini", NULL);
}

/* Rewrites the key file's Pid and PidStart (0: none recorded), and its
 * Time when @time is not NULL. */
static inline void
set_info_keys (const char *info,
               int         pid,
               guint64     start,
               const char *time)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (keys, info, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_assert_no_error (error);
  g_key_file_set_integer (keys, "Autosave", "Pid", pid);
  g_key_file_set_uint64 (keys, "Autosave", "PidStart", start);
  if (time != NULL)
    g_key_file_set_string (keys, "Autosave", "Time", time);
  g_assert_true (g_key_file_save_to_file (keys, info, &error));
  g_assert_no_error (error);
}
