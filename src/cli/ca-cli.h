/* ca-cli.h — what the command-line commands share: exit codes, loading the
 * project, applying --set edits, reporting errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-dataset.h"

G_BEGIN_DECLS

/* Exit statuses: 1 for bad data or files, 2 for bad usage. */
enum
{
  CA_EXIT_OK = 0,
  CA_EXIT_DATA = 1,
  CA_EXIT_USAGE = 2,
};

#define CA_CLI_ERROR (ca_cli_error_quark ())
typedef enum
{
  CA_CLI_ERROR_USAGE,
} CaCliError;
GQuark     ca_cli_error_quark (void);

/* @project, or the bundled default when NULL. */
CaDataset *ca_cli_load_dataset (const char *project, GError **error);
/* Applies "CODE.INDICATOR=VALUE" edits; the first bad one is reported and
 * nothing is changed. Errors are CA_CLI_ERROR_USAGE for syntax, dataset
 * errors for unknown codes/indicators. */
gboolean   ca_cli_apply_sets (CaDataset *dataset, char **sets, GError **error);
gboolean   ca_cli_parse_lang (const char *text, CaLang *lang, GError **error);
/* The language of the user's locale: ru, kk, else en. */
CaLang     ca_cli_locale_lang (void);
/* Prints "cluster-atlas <command>: <message>" to stderr and returns the exit
 * status the error deserves (usage errors 2, everything else 1). */
int        ca_cli_fail (const char *command, const GError *error);
/* Backs the heap with transparent huge pages where the system allows,
 * for a short-lived command: call first thing in main(). FALSE when the
 * heap could not be set up so (not glibc, a sanitizer's allocator). */
gboolean   ca_cli_memory_use_huge_pages (void);
/* Replaces this process with the window program (cluster-atlas-window),
 * passing @argv on; returns an exit status only when that fails. */
int        ca_cli_open_window (int argc, char **argv);

G_END_DECLS
