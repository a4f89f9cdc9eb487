/* main.c — cluster-atlas-window: the GTK program behind `cluster-atlas`
 * with no command. It lives apart from the command-line program so that
 * `cluster-atlas export` and `analyze` never load GTK: linking it costs
 * an export a fifth of its time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-application.h"
#include "ca-gsk-renderer.h"
#include "ca-i18n.h"

int
main (int   argc,
      char *argv[])
{
  ca_i18n_init ();
  ca_gsk_renderer_choose ();

  return ca_application_run (argc, argv);
}
