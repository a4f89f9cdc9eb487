/* ca-cli-window.c — `cluster-atlas` with no command opens the window by
 * becoming cluster-atlas-window (execv: same process id, arguments, exit
 * status and signals, so desktop launchers and scripts see no difference).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <unistd.h>

#include "ca-cli.h"

/* An uninstalled build runs the window it was built with; an installed
 * program runs the installed one. Both sides of the comparison are
 * resolved, as the build folder may have been named through a symlink. */
static char *
window_program_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self ? g_path_get_dirname (self) : NULL;
  g_autofree char *build_dir = realpath (CA_CLI_BUILD_DIR, NULL);

  if (self_dir != NULL && build_dir != NULL && g_str_equal (self_dir, build_dir))
    return g_strdup (CA_WINDOW_BUILD_PATH);
  return g_strdup (CA_WINDOW_INSTALL_PATH);
}

int
ca_cli_open_window (int    argc,
                    char **argv)
{
  g_autofree char *path = window_program_path ();

  g_assert (argv[argc] == NULL);
  execv (path, argv);
  /* Only reached when the window could not be started. */
  g_printerr (_("cluster-atlas: cannot start the window (%s): %s\n"), path, g_strerror (errno));
  return CA_EXIT_DATA;
}
