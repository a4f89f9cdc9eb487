/* ca-figure-styles.c — the choropleth figures: Figs. 1–3 (one indicator,
 * classified per its spec) and the Stage 1 favourability typology.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-figure-private.h"

/* The largest graduated circle, A4 points. */
#define CIRCLE_MAX_RADIUS 12.0

static const CaIndicator *
find_indicator (CaDataset   *dataset,
                const char  *id,
                guint       *index,
                GError     **error)
{
  int i = ca_dataset_find_indicator (dataset, id);

  if (i < 0)
    {
      g_set_error (error, CA_FIGURE_ERROR, CA_FIGURE_ERROR_NO_DATA,
                   _("The project has no indicator “%s”, which this figure shows"), id);
      return NULL;
    }
  *index = (guint) i;
  return ca_dataset_get_indicator (dataset, (guint) i);
}

/* "points, 2014–2015": the indicator's unit and year, whichever it has. */
static char *
indicator_subtitle (const CaIndicator *indicator,
                    CaLang             lang)
{
  const char *unit = ca_text_get (&indicator->unit, lang);
  g_autofree char *year = ca_render_join_dashes (indicator->year);

  if (*unit != '\0' && *year != '\0')
    return g_strdup_printf ("%s, %s", unit, year);
  return g_strdup (*unit != '\0' ? unit : year);
}

/* Numbers as the figure's language writes them, whatever the session's
 * locale: a real minus sign (for a sign's hyphen-minus at the start or
 * after a space), and in Russian and Kazakh a decimal comma. */
static char *
localise_number_text (const char *text,
                      CaLang      lang)
{
  gboolean comma = lang == CA_LANG_RU || lang == CA_LANG_KK;
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean decimal = (*p == '.' || *p == ',') && p > text && g_ascii_isdigit (p[-1]) &&
                         g_ascii_isdigit (p[1]);

      if (*p == '-' && (p == text || p[-1] == ' ') && g_ascii_isdigit (p[1]))
        g_string_append (out, "\u2212");
      else if (decimal)
        g_string_append_c (out, comma ? ',' : '.');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* @value with @decimals digits, written for @lang. */
static char *
format_number (double value,
               int    decimals,
               CaLang lang)
{
  g_autofree char *text = g_strdup_printf ("%.*f", decimals, value);

  return localise_number_text (text, lang);
}

/* Enough decimals that no bound is shown rounded (a manual break of 0.5
 * must not read "0"), but at most two. */
static int
label_decimals (const CaClassification *classes)
{
  int decimals = ca_classification_suggest_decimals (classes);

  for (; decimals < 2; decimals++)
    {
      double factor = pow (10, decimals);
      gboolean exact = TRUE;

      for (guint i = 0; i <= classes->n_classes && exact; i++)
        exact = fabs (classes->bounds[i] * factor - round (classes->bounds[i] * factor)) < 1e-6;
      if (exact)
        break;
    }
  return decimals;
}

static double *
indicator_values (CaMapStyle *style,
                  guint       indicator)
{
  double *values = g_new (double, MAX (style->n_units, 1));

  for (guint u = 0; u < style->n_units; u++)
    values[u] = ca_dataset_get_value (style->dataset, u, indicator);
  return values;
}

/* Classifies per the indicator's spec; NULL with no error when every
 * value is missing (the map is then all "no data"). */
static CaClassification *
classify (CaMapStyle        *style,
          const CaIndicator *indicator,
          const double      *values,
          GError           **error)
{
  const CaClassSpec *spec = &indicator->classes;
  GError *local = NULL;
  CaClassification *classes =
    ca_classify (values, style->n_units, spec->method, spec->n_classes,
                 spec->method == CA_CLASSIFY_MANUAL ? spec->breaks : NULL, &local);

  if (classes == NULL && g_error_matches (local, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_NO_DATA))
    g_clear_error (&local);
  else if (classes == NULL)
    g_propagate_prefixed_error (error, local, _("Cannot classify “%s”: "), indicator->id);
  return classes;
}

gboolean
ca_map_style_build_indicator (CaMapStyle       *style,
                              const char       *indicator_id,
                              CaSequentialRamp  sequential,
                              CaDivergingRamp   diverging,
                              gboolean          allow_diverging,
                              GError          **error)
{
  CaLang lang = style->lang;
  guint index;
  const CaIndicator *indicator = find_indicator (style->dataset, indicator_id, &index, error);
  g_autofree double *values = NULL;
  g_autoptr (CaClassification) classes = NULL;
  g_autofree char *subtitle = NULL;
  CaRgb colours[CA_CLASSIFY_MAX_CLASSES];
  double level;
  gboolean diverges = FALSE, any_missing = FALSE;
  GError *local = NULL;

  if (indicator == NULL)
    return FALSE;
  values = indicator_values (style, index);
  classes = classify (style, indicator, values, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  level = ca_dataset_get_region_value (style->dataset, index);
  if (classes != NULL && allow_diverging)
    diverges = ca_palette_for_classes (classes, level, sequential, diverging, colours);
  else if (classes != NULL)
    ca_palette_sequential (sequential, MIN (classes->n_classes, 9), colours);

  for (guint u = 0; u < style->n_units; u++)
    {
      int k = classes != NULL ? ca_classification_class_of (classes, values[u]) : -1;
      style->no_data[u] = k < 0;
      any_missing |= k < 0;
      if (k >= 0)
        style->fill[u] = colours[MIN ((guint) k, 8)];
    }

  subtitle = indicator_subtitle (indicator, lang);
  ca_legend_begin_block (style->legend, ca_text_get (&indicator->name, lang), subtitle);
  if (classes != NULL)
    {
      int decimals = label_decimals (classes);
      for (guint k = 0; k < classes->n_classes; k++)
        {
          g_autofree char *label = ca_classification_label (classes, k, decimals);
          g_autofree char *text = localise_number_text (label, lang);
          ca_legend_add_swatch (style->legend, &colours[MIN (k, 8)], text);
        }
      if (diverges)
        {
          g_autofree char *number = format_number (level, decimals, lang);
          g_autofree char *note =
            g_strdup_printf (ca_render_gettext (lang, N_("Colours diverge at the region’s level, %s.")),
                             number);
          ca_legend_add_note (style->legend, note);
        }
    }
  if (any_missing)
    ca_legend_add_no_data (style->legend, ca_render_gettext (lang, N_("No data")));
  return TRUE;
}

gboolean
ca_map_style_build_industry (CaMapStyle  *style,
                             GError     **error)
{
  CaLang lang = style->lang;
  guint index;
  const CaIndicator *indicator;
  g_autofree double *values = NULL;
  g_autofree char *subtitle = NULL;
  double max = 0;

  if (!ca_map_style_build_indicator (style, "industry", CA_RAMP_YL_OR_BR, CA_RAMP_RD_YL_BU, FALSE,
                                     error))
    return FALSE;
  indicator = find_indicator (style->dataset, "specialisations", &index, error);
  if (indicator == NULL)
    return FALSE;

  /* Circle area proportional to the count (radius ∝ √count). */
  values = indicator_values (style, index);
  for (guint u = 0; u < style->n_units; u++)
    if (isfinite (values[u]))
      max = MAX (max, values[u]);
  style->circle_fill = ca_rgb_from_hex (0x2c7fb8);
  for (guint u = 0; u < style->n_units && max > 0; u++)
    if (isfinite (values[u]) && values[u] > 0)
      {
        CaStyleCircle circle = { u, CIRCLE_MAX_RADIUS * sqrt (values[u] / max) };
        g_array_append_val (style->circles, circle);
      }

  subtitle = indicator_subtitle (indicator, lang);
  ca_legend_begin_block (style->legend, ca_text_get (&indicator->name, lang), subtitle);
  if (max > 0)
    {
      /* The largest, about half of it, and one. */
      double samples[3] = { max, round (max / 2), 1 };
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *label = NULL;
          if (samples[i] < 1 || (i > 0 && samples[i] >= samples[i - 1]))
            continue;
          label = g_strdup_printf ("%g", samples[i]);
          ca_legend_add_circle (style->legend, &style->circle_fill,
                                CIRCLE_MAX_RADIUS * sqrt (samples[i] / max), label);
        }
    }
  ca_legend_add_note (style->legend,
                      ca_render_gettext (lang, N_("Circle area is proportional to the number; units with none have no circle.")));
  return TRUE;
}

static const char *
type_name (CaFavourability type,
           CaLang          lang)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return ca_render_gettext (lang, N_("Favourable"));
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return ca_render_gettext (lang, N_("Less favourable"));
    case CA_FAVOURABILITY_UNFAVOURABLE:
      return ca_render_gettext (lang, N_("Unfavourable"));
    case CA_FAVOURABILITY_UNKNOWN:
    default:
      return ca_render_gettext (lang, N_("No data"));
    }
}

/* The type's name inside a sentence. */
static const char *
type_name_in_text (CaFavourability type,
                   CaLang          lang)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return ca_render_gettext (lang, N_("favourable"));
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return ca_render_gettext (lang, N_("less favourable"));
    case CA_FAVOURABILITY_UNFAVOURABLE:
    default:
      return ca_render_gettext (lang, N_("unfavourable"));
    }
}

static const char *
method_description (CaCompositeMethod method,
                    CaLang            lang)
{
  switch (method)
    {
    case CA_COMPOSITE_ZSCORE_SUM:
      return ca_render_gettext (lang, N_("Composite index: sum of z-scores of the five integral indicators (higher is better)"));
    case CA_COMPOSITE_MINMAX_SUM:
      return ca_render_gettext (lang, N_("Composite index: sum of min–max scores of the five integral indicators (higher is better)"));
    case CA_COMPOSITE_RANK_SUM:
    default:
      return ca_render_gettext (lang, N_("Composite index: sum of the ranks on the five integral indicators (1 = best; lower is better)"));
    }
}

/* "2.8 to 0.2; …": the paper's Table 2 ranges, for the note. */
static char *
reference_ranges (CaDataset *dataset,
                  CaLang     lang)
{
  GString *text = g_string_new (NULL);

  for (int type = 0; type < CA_N_FAVOURABILITY; type++)
    {
      double high = NAN, low = NAN;
      g_autofree char *h = NULL, *l = NULL;

      ca_dataset_get_reference_range (dataset, (CaFavourability) type, &high, &low);
      if (!isfinite (high) || !isfinite (low))
        continue;
      h = format_number (high, 1, lang);
      l = format_number (low, 1, lang);
      if (text->len > 0)
        g_string_append (text, "; ");
      /* TRANSLATORS: a type and its index range, e.g. "favourable 2.8 to 0.2" */
      g_string_append_printf (text, ca_render_gettext (lang, N_("%s %s to %s")),
                              type_name_in_text ((CaFavourability) type, lang), h, l);
    }
  return g_string_free (text, FALSE);
}

/* Fewest decimals that show every composite exactly (rank sums are
 * whole or halves), at most two. */
static int
composite_decimals (const double *composite,
                    guint         n)
{
  for (int decimals = 0; decimals < 2; decimals++)
    {
      double factor = pow (10, decimals);
      gboolean exact = TRUE;

      for (guint u = 0; u < n && exact; u++)
        if (isfinite (composite[u]))
          exact = fabs (composite[u] * factor - round (composite[u] * factor)) < 1e-6;
      if (exact)
        return decimals;
    }
  return 2;
}

gboolean
ca_map_style_build_favourability (CaMapStyle  *style,
                                  GError     **error)
{
  CaLang lang = style->lang;
  const CaFavourability *types = ca_analysis_get_types (style->analysis);
  const double *composite = ca_analysis_get_composite (style->analysis);
  CaCompositeMethod method = ca_dataset_get_composite_method (style->dataset);
  int decimals = composite_decimals (composite, style->n_units);
  g_autofree char *references = reference_ranges (style->dataset, lang);
  CaRgb ramp[3], colours[CA_N_FAVOURABILITY];
  gboolean any_missing = FALSE;

  /* Best type darkest. */
  ca_palette_sequential (CA_RAMP_YL_GN, 3, ramp);
  for (guint t = 0; t < CA_N_FAVOURABILITY; t++)
    colours[t] = ramp[CA_N_FAVOURABILITY - 1 - t];

  for (guint u = 0; u < style->n_units; u++)
    {
      style->no_data[u] = types[u] == CA_FAVOURABILITY_UNKNOWN;
      any_missing |= style->no_data[u];
      if (!style->no_data[u])
        style->fill[u] = colours[types[u]];
    }

  ca_legend_begin_block (style->legend,
                         ca_render_gettext (lang, N_("Favourability for forming clusters")),
                         ca_render_gettext (lang, N_("Stage 1 types by the composite index")));
  for (int t = 0; t < CA_N_FAVOURABILITY; t++)
    {
      double lo = INFINITY, hi = -INFINITY;
      g_autofree char *label = NULL;

      for (guint u = 0; u < style->n_units; u++)
        if ((int) types[u] == t && isfinite (composite[u]))
          {
            lo = MIN (lo, composite[u]);
            hi = MAX (hi, composite[u]);
          }
      if (!isfinite (lo))
        label = g_strdup_printf (ca_render_gettext (lang, N_("%s (no units)")), type_name (t, lang));
      else
        {
          g_autofree char *a = format_number (lo, decimals, lang), *b = format_number (hi, decimals, lang);
          g_autofree char *range = lo == hi ? g_strdup (a) : g_strdup_printf ("%s – %s", a, b);
          /* TRANSLATORS: a favourability type and its composite index range */
          label = g_strdup_printf (ca_render_gettext (lang, N_("%s: %s")), type_name (t, lang), range);
        }
      ca_legend_add_swatch (style->legend, &colours[t], label);
    }
  if (any_missing)
    ca_legend_add_no_data (style->legend, ca_render_gettext (lang, N_("No data")));
  ca_legend_add_note (style->legend, method_description (method, lang));
  if (*references != '\0')
    {
      g_autofree char *note =
        g_strdup_printf (ca_render_gettext (lang, N_("The paper’s published index ranges (%s) are reference values: their scale cannot be derived from the text.")),
                         references);
      ca_legend_add_note (style->legend, note);
    }
  return TRUE;
}
