/* ca-i18n.h — the start of every Cluster Atlas program: the user's locale
 * and the message catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale (LC_ALL, "") and the cluster-atlas text domain in UTF-8. */
void ca_i18n_init (void);

G_END_DECLS
