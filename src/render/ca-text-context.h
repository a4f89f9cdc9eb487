/* ca-text-context.h — where a drawing's text layouts are made, and kept
 * while the same texts are drawn again and again (a window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-text-layout.h"

G_BEGIN_DECLS

#define CA_TYPE_TEXT_CONTEXT (ca_text_context_get_type ())
G_DECLARE_FINAL_TYPE (CaTextContext, ca_text_context, CA, TEXT_CONTEXT, GObject)

CaTextContext *ca_text_context_new (void);

/* From now on the layouts made through @self (ca_render_layout_new_full)
 * are kept by their arguments and handed out again; @keep FALSE drops
 * them and stops keeping them. */
void           ca_text_context_set_keep (CaTextContext *self, gboolean keep);
gboolean       ca_text_context_get_keep (CaTextContext *self);

/* The layout kept under @key, marked as used in this sweep; NULL when
 * none is (or none are kept). */
CaTextLayout  *ca_text_context_lookup (CaTextContext *self, const char *key);
/* Keeps @layout (a reference is taken) under @key, if layouts are kept. */
void           ca_text_context_insert (CaTextContext *self, const char *key,
                                       CaTextLayout *layout);
/* Drops the kept layouts that were not asked for since the sweep before
 * the last. */
void           ca_text_context_sweep (CaTextContext *self);

G_END_DECLS
