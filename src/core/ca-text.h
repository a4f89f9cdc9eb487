/* ca-text.h — a short text in the three languages the data carries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *ru;
  char *kk;
  char *en;
} CaText;

void        ca_text_clear (CaText *text);
void        ca_text_copy (CaText       *dest,
                          const CaText *src);
void        ca_text_set (CaText     *text,
                         CaLang      lang,
                         const char *value);
/* The text in @lang, falling back to English, then Russian, then "". */
const char *ca_text_get (const CaText *text,
                         CaLang        lang);
gboolean    ca_text_equal (const CaText *a,
                           const CaText *b);

G_END_DECLS
