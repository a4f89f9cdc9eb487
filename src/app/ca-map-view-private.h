/* ca-map-view-private.h — helpers of CaMapView kept in their own file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-analysis.h"

G_BEGIN_DECLS

/* Pango markup for the tooltip of @unit on figure @figure_id: the unit's
 * name, the figure's value for it and its class; NULL for no tooltip. */
char *ca_map_view_describe_unit (CaAnalysis *analysis,
                                 const char *figure_id,
                                 guint       unit,
                                 CaLang      lang);

G_END_DECLS
