/* ca-cli-analyze.h — `cluster-atlas analyze`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* argv[0] is "analyze". Returns the exit status. */
int ca_cli_analyze (int argc, char **argv);
