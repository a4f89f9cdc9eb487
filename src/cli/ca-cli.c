/* ca-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-cli.h"
#include "ca-csv.h"
#include "ca-project.h"

G_DEFINE_QUARK (ca-cli-error-quark, ca_cli_error)

CaDataset *
ca_cli_load_dataset (const char *project,
                     GError    **error)
{
  if (project != NULL)
    return ca_project_load (project, error);
  return ca_project_load_default (error);
}

typedef struct
{
  int    unit;
  int    indicator;
  double value;
} Edit;

static gboolean
parse_set (CaDataset  *dataset,
           const char *text,
           Edit       *edit,
           GError    **error)
{
  const char *eq = strchr (text, '=');
  const char *dot = eq != NULL ? memchr (text, '.', (gsize) (eq - text)) : NULL;
  g_autofree char *code = NULL;
  g_autofree char *indicator = NULL;

  if (eq == NULL || dot == NULL || dot == text || dot + 1 == eq)
    {
      g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                   _("--set “%s”: expected CODE.INDICATOR=VALUE, e.g. AKT.density=220"), text);
      return FALSE;
    }
  code = g_strndup (text, (gsize) (dot - text));
  indicator = g_strndup (dot + 1, (gsize) (eq - dot - 1));
  edit->unit = ca_dataset_find_unit (dataset, code);
  edit->indicator = ca_dataset_find_indicator (dataset, indicator);
  if (edit->unit < 0)
    {
      g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                   _("--set “%s”: unknown unit code “%s”"), text, code);
      return FALSE;
    }
  if (edit->indicator < 0)
    {
      g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                   _("--set “%s”: unknown indicator “%s”"), text, indicator);
      return FALSE;
    }
  if (eq[1] == '\0')
    {
      edit->value = NAN;  /* "AKT.density=" clears the value */
      return TRUE;
    }
  if (!ca_csv_parse_number (eq + 1, &edit->value) || !isfinite (edit->value))
    {
      g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
                   _("--set “%s”: “%s” is not a number"), text, eq + 1);
      return FALSE;
    }
  return TRUE;
}

gboolean
ca_cli_apply_sets (CaDataset *dataset,
                   char     **sets,
                   GError   **error)
{
  guint n = sets != NULL ? g_strv_length (sets) : 0;
  g_autofree Edit *edits = g_new0 (Edit, MAX (n, 1));

  /* Check every edit before applying any: all or nothing. */
  for (guint k = 0; k < n; k++)
    if (!parse_set (dataset, sets[k], &edits[k], error))
      return FALSE;

  ca_dataset_freeze_changed (dataset);
  for (guint k = 0; k < n; k++)
    ca_dataset_set_value (dataset, (guint) edits[k].unit, (guint) edits[k].indicator,
                          edits[k].value, NULL);
  ca_dataset_thaw_changed (dataset);
  return TRUE;
}

gboolean
ca_cli_parse_lang (const char *text,
                   CaLang     *lang,
                   GError    **error)
{
  if (ca_lang_from_string (text, lang))
    return TRUE;
  g_set_error (error, CA_CLI_ERROR, CA_CLI_ERROR_USAGE,
               _("--lang “%s”: expected ru, kk or en"), text);
  return FALSE;
}

CaLang
ca_cli_locale_lang (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ru"))
        return CA_LANG_RU;
      if (g_str_has_prefix (names[i], "kk"))
        return CA_LANG_KK;
      if (g_str_has_prefix (names[i], "en") || g_strcmp0 (names[i], "C") == 0)
        return CA_LANG_EN;
    }
  return CA_LANG_EN;
}

int
ca_cli_fail (const char   *command,
             const GError *error)
{
  g_printerr ("cluster-atlas %s: %s\n", command, error->message);
  if (error->domain == CA_CLI_ERROR || error->domain == G_OPTION_ERROR)
    {
      g_printerr (_("Try “cluster-atlas %s --help”.\n"), command);
      return CA_EXIT_USAGE;
    }
  return CA_EXIT_DATA;
}
