/* ca-cli-export.h — `cluster-atlas export`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* argv[0] is "export". Returns the exit status. */
int ca_cli_export (int argc, char **argv);
