/* ca-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ca-text.h"

#include <string.h>

static const char *lang_names[] = { "ru", "kk", "en" };

const char *
ca_lang_to_string (CaLang lang)
{
  g_return_val_if_fail (lang <= CA_LANG_EN, "en");
  return lang_names[lang];
}

gboolean
ca_lang_from_string (const char *str,
                     CaLang     *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (lang_names); i++)
    if (g_strcmp0 (str, lang_names[i]) == 0)
      {
        *lang = (CaLang) i;
        return TRUE;
      }
  return FALSE;
}

void
ca_text_clear (CaText *text)
{
  g_clear_pointer (&text->ru, g_free);
  g_clear_pointer (&text->kk, g_free);
  g_clear_pointer (&text->en, g_free);
}

void
ca_text_copy (CaText       *dest,
              const CaText *src)
{
  ca_text_clear (dest);
  dest->ru = g_strdup (src->ru);
  dest->kk = g_strdup (src->kk);
  dest->en = g_strdup (src->en);
}

void
ca_text_set (CaText     *text,
             CaLang      lang,
             const char *value)
{
  char **slot = lang == CA_LANG_RU ? &text->ru : lang == CA_LANG_KK ? &text->kk : &text->en;

  g_free (*slot);
  *slot = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

const char *
ca_text_get (const CaText *text,
             CaLang        lang)
{
  const char *wanted = lang == CA_LANG_RU ? text->ru : lang == CA_LANG_KK ? text->kk : text->en;

  if (wanted != NULL)
    return wanted;
  if (text->en != NULL)
    return text->en;
  if (text->ru != NULL)
    return text->ru;
  return "";
}

gboolean
ca_text_equal (const CaText *a,
               const CaText *b)
{
  return g_strcmp0 (a->ru, b->ru) == 0 && g_strcmp0 (a->kk, b->kk) == 0 &&
         g_strcmp0 (a->en, b->en) == 0;
}
