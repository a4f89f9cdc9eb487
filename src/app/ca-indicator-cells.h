/* ca-indicator-cells.h — what the indicator table's cells show, how its
 * columns sort, and how a typed value is stored: the data side of the
 * table, kept apart from the widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-analysis.h"
#include "ca-history.h"

G_BEGIN_DECLS

typedef enum
{
  CA_CELL_CODE,
  CA_CELL_NAME,
  CA_CELL_INDICATOR,
  CA_CELL_COMPOSITE,
  CA_CELL_CLASS,
} CaCellKind;

/* The number behind a cell (NAN for text columns and "no data"). */
double   ca_indicator_cell_number (CaAnalysis *analysis,
                                   CaCellKind  kind,
                                   guint       indicator,
                                   guint       unit);
char    *ca_indicator_cell_text (CaAnalysis *analysis,
                                 CaLang      lang,
                                 CaCellKind  kind,
                                 guint       indicator,
                                 guint       unit);
/* Numbers ascending with "no data" last; text by collation. */
int      ca_indicator_cell_compare (CaAnalysis *analysis,
                                    CaLang      lang,
                                    CaCellKind  kind,
                                    guint       indicator,
                                    guint       unit_a,
                                    guint       unit_b);
/* "AKT, Population density": the name a screen reader gives a value cell. */
char    *ca_indicator_cell_accessible_name (CaAnalysis *analysis,
                                            CaLang      lang,
                                            guint       indicator,
                                            guint       unit);
/* Parses @text ('.' or ',' decimals; "" for no data) and stores it under
 * @history; an unchanged value makes no history step. */
gboolean ca_indicator_cell_commit (CaAnalysis *analysis,
                                   CaHistory  *history,
                                   CaLang      lang,
                                   guint       indicator,
                                   guint       unit,
                                   const char *text,
                                   GError    **error);

G_END_DECLS
