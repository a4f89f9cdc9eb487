/* ca-gsk-renderer.h — which GSK renderer the window asks GTK for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asks for GTK's Cairo renderer (GSK_RENDERER=cairo) when OpenGL could
 * only be a software rasteriser; leaves GTK's choice alone otherwise and
 * whenever GSK_RENDERER is already set. Call before gtk_init, while the
 * process has one thread (it sets an environment variable). Returns
 * whether it chose Cairo. */
gboolean ca_gsk_renderer_choose (void);

G_END_DECLS
