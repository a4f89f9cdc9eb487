/* main.c — cluster-atlas: the window, or a command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ca-cli.h"
#include "ca-cli-analyze.h"
#include "ca-cli-export.h"
#include "ca-i18n.h"

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: cluster-atlas [PROJECT.caproj…] | cluster-atlas COMMAND [OPTION…]"));
  g_print ("%s\n\n", _("Territorial industrial clusters of the Aktobe region: maps, typology, location quotients."));
  g_print ("%s\n", _("Commands:"));
  g_print ("  %-10s %s\n", "", _("(no command) open the window, with PROJECT.caproj files if given"));
  g_print ("  %-10s %s\n", "analyze", _("run the three-stage analysis and print Tables 2 and 3 and the clusters"));
  g_print ("  %-10s %s\n", "export", _("write a figure to PNG, PDF or SVG"));
  g_print ("\n%s\n", _("“cluster-atlas COMMAND --help” lists a command's options."));
  g_print ("%s\n", _("Boundary data is read from $CLUSTER_ATLAS_MAPS or --boundaries FILE.shp."));
}

int
main (int   argc,
      char *argv[])
{
  ca_cli_memory_use_huge_pages ();
  ca_i18n_init ();

  /* Each command parses its own options from argv + 1; the name GLib
   * shows in "Usage:" must still be the program's. */
  if (argc > 1 && strcmp (argv[1], "analyze") == 0)
    {
      g_set_prgname ("cluster-atlas analyze");
      return ca_cli_analyze (argc - 1, argv + 1);
    }
  if (argc > 1 && strcmp (argv[1], "export") == 0)
    {
      g_set_prgname ("cluster-atlas export");
      return ca_cli_export (argc - 1, argv + 1);
    }
  if (argc > 1 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
                   strcmp (argv[1], "help") == 0))
    {
      print_usage ();
      return CA_EXIT_OK;
    }
  if (argc > 1 && strcmp (argv[1], "--version") == 0)
    {
      g_print ("cluster-atlas %s\n", PACKAGE_VERSION);
      return CA_EXIT_OK;
    }
#ifdef HAVE_GUI
  /* No command, GApplication options, or project files to open. */
  if (argc == 1 || argv[1][0] == '-' || g_str_has_suffix (argv[1], ".caproj") ||
      g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return ca_cli_open_window (argc, argv);
#endif
  g_printerr (_("cluster-atlas: unknown command “%s”\n"), argc > 1 ? argv[1] : "");
  print_usage ();
  return CA_EXIT_USAGE;
}
