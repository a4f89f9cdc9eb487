/* ca-palette.c
 *
 * The ramps are Cynthia Brewer's ColorBrewer schemes (colorbrewer2.org,
 * Apache-2.0 licensed colour specifications), one string of hex triplets
 * per class count; the categorical colours are Okabe and Ito's
 * colour-blind-safe set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-palette.h"

/* Index n - 3 holds the n-class scheme, 3 ≤ n ≤ 9. */
static const char *const ylorbr[] = {
  "fff7bcfec44fd95f0e",
  "ffffd4fed98efe9929cc4c02",
  "ffffd4fed98efe9929d95f0e993404",
  "ffffd4fee391fec44ffe9929d95f0e993404",
  "ffffd4fee391fec44ffe9929ec7014cc4c028c2d04",
  "ffffe5fff7bcfee391fec44ffe9929ec7014cc4c028c2d04",
  "ffffe5fff7bcfee391fec44ffe9929ec7014cc4c02993404662506",
};

static const char *const blues[] = {
  "deebf79ecae13182bd",
  "eff3ffbdd7e76baed62171b5",
  "eff3ffbdd7e76baed63182bd08519c",
  "eff3ffc6dbef9ecae16baed63182bd08519c",
  "eff3ffc6dbef9ecae16baed64292c62171b5084594",
  "f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594",
  "f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b",
};

static const char *const pubu[] = {
  "ece7f2a6bddb2b8cbe",
  "f1eef6bdc9e174a9cf0570b0",
  "f1eef6bdc9e174a9cf2b8cbe045a8d",
  "f1eef6d0d1e6a6bddb74a9cf2b8cbe045a8d",
  "f1eef6d0d1e6a6bddb74a9cf3690c00570b0034e7b",
  "fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0034e7b",
  "fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0045a8d023858",
};

static const char *const ylgn[] = {
  "f7fcb9addd8e31a354",
  "ffffccc2e69978c679238443",
  "ffffccc2e69978c67931a354006837",
  "ffffccd9f0a3addd8e78c67931a354006837",
  "ffffccd9f0a3addd8e78c67941ab5d238443005a32",
  "ffffe5f7fcb9d9f0a3addd8e78c67941ab5d238443005a32",
  "ffffe5f7fcb9d9f0a3addd8e78c67941ab5d238443006837004529",
};

/* Index n - 3 holds the n-class scheme, 3 ≤ n ≤ 11. */
static const char *const rdylbu[] = {
  "fc8d59ffffbf91bfdb",
  "d7191cfdae61abd9e92c7bb6",
  "d7191cfdae61ffffbfabd9e92c7bb6",
  "d73027fc8d59fee090e0f3f891bfdb4575b4",
  "d73027fc8d59fee090ffffbfe0f3f891bfdb4575b4",
  "d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4",
  "d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4",
  "a50026d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4313695",
  "a50026d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4313695",
};

static const char *const brbg[] = {
  "d8b365f5f5f55ab4ac",
  "a6611adfc27d80cdc1018571",
  "a6611adfc27df5f5f580cdc1018571",
  "8c510ad8b365f6e8c3c7eae55ab4ac01665e",
  "8c510ad8b365f6e8c3f5f5f5c7eae55ab4ac01665e",
  "8c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e",
  "8c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e",
  "5430058c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e003c30",
  "5430058c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e003c30",
};

/* Okabe & Ito (2008), without black: orange, sky blue, bluish green,
 * reddish purple, blue, vermillion, yellow. Yellow comes last because
 * thin lines in it vanish on white. */
static const guint32 okabe_ito[] = {
  0xe69f00, 0x56b4e9, 0x009e73, 0xcc79a7, 0x0072b2, 0xd55e00, 0xf0e442,
};

CaRgb
ca_rgb_from_hex (guint32 hex)
{
  return (CaRgb) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                   (hex & 0xff) / 255.0 };
}

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
ca_rgb_lightness (const CaRgb *rgb)
{
  double y = 0.2126 * srgb_to_linear (rgb->r) + 0.7152 * srgb_to_linear (rgb->g) +
             0.0722 * srgb_to_linear (rgb->b);

  return y > 216.0 / 24389.0 ? 116.0 * cbrt (y) - 16.0 : y * 24389.0 / 27.0;
}

void
ca_rgb_set_source (cairo_t     *cr,
                   const CaRgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

void
ca_rgb_set_source_alpha (cairo_t     *cr,
                         const CaRgb *rgb,
                         double       alpha)
{
  cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

void
ca_rgb_to_bytes (const CaRgb *rgb,
                 guint8      *r,
                 guint8      *g,
                 guint8      *b)
{
  /* cairo keeps 16 bits per channel, rounded, and writes the high byte. */
  *r = (guint8) ((guint) (CLAMP (rgb->r, 0.0, 1.0) * 65535.0 + 0.5) >> 8);
  *g = (guint8) ((guint) (CLAMP (rgb->g, 0.0, 1.0) * 65535.0 + 0.5) >> 8);
  *b = (guint8) ((guint) (CLAMP (rgb->b, 0.0, 1.0) * 65535.0 + 0.5) >> 8);
}

CaRgb
ca_rgb_mix_white (const CaRgb *rgb,
                  double       amount)
{
  return (CaRgb) { rgb->r + (1.0 - rgb->r) * amount, rgb->g + (1.0 - rgb->g) * amount,
                   rgb->b + (1.0 - rgb->b) * amount };
}

static CaRgb
scheme_colour (const char *scheme,
               guint       index)
{
  char hex[7];

  memcpy (hex, scheme + 6 * index, 6);
  hex[6] = '\0';
  return ca_rgb_from_hex ((guint32) g_ascii_strtoull (hex, NULL, 16));
}

/* Picks @n colours from a family of schemes defined for 3 … @max_n
 * classes: the exact scheme when there is one, else evenly spaced
 * entries of the largest. */
static void
family_colours (const char *const *family,
                guint              max_n,
                guint              n,
                CaRgb             *out)
{
  if (n >= 3 && n <= max_n)
    {
      for (guint i = 0; i < n; i++)
        out[i] = scheme_colour (family[n - 3], i);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      guint k = n == 1 ? (max_n - 1) / 2 : (guint) lround ((double) i * (max_n - 1) / (n - 1));
      out[i] = scheme_colour (family[max_n - 3], k);
    }
}

static const char *const *
sequential_family (CaSequentialRamp ramp)
{
  switch (ramp)
    {
    case CA_RAMP_BLUES:
      return blues;
    case CA_RAMP_PU_BU:
      return pubu;
    case CA_RAMP_YL_GN:
      return ylgn;
    case CA_RAMP_YL_OR_BR:
    default:
      return ylorbr;
    }
}

void
ca_palette_sequential (CaSequentialRamp ramp,
                       guint            n,
                       CaRgb           *out)
{
  const char *const *family = sequential_family (ramp);

  g_return_if_fail (n >= 1 && n <= 9);

  if (n == 2)
    {
      /* The 3-class scheme's two ends contrast better than a 2-step ramp. */
      out[0] = scheme_colour (family[0], 0);
      out[1] = scheme_colour (family[0], 2);
      return;
    }
  family_colours (family, 9, n, out);
}

void
ca_palette_diverging (CaDivergingRamp ramp,
                      guint           n_below,
                      gboolean        neutral,
                      guint           n_above,
                      CaRgb          *out)
{
  const char *const *family = ramp == CA_RAMP_BR_BG ? brbg : rdylbu;
  guint m = MAX (n_below, n_above);
  guint n = 2 * m + (neutral ? 1 : 0);
  CaRgb full[11];

  g_return_if_fail (n_below + n_above + (neutral ? 1 : 0) >= 1);
  g_return_if_fail (m <= 5);

  if (n == 2)
    {
      /* One class each side and no neutral one: the 3-class ends. */
      family_colours (family, 11, 3, full);
      full[1] = full[2];
    }
  else if (n == 1)
    full[0] = scheme_colour (family[0], 1);
  else
    family_colours (family, 11, n, full);

  memcpy (out, full + (m - n_below), (n_below + n_above + (neutral ? 1 : 0)) * sizeof (CaRgb));
}

gboolean
ca_palette_classes_straddle (const CaClassification *classes,
                             double                  level)
{
  g_return_val_if_fail (classes != NULL, FALSE);

  return isfinite (level) && level > classes->bounds[0] &&
         level < classes->bounds[classes->n_classes];
}

gboolean
ca_palette_for_classes (const CaClassification *classes,
                        double                  level,
                        CaSequentialRamp        sequential,
                        CaDivergingRamp         diverging,
                        CaRgb                  *out)
{
  guint n_below = 0, n_above = 0;
  gboolean neutral = FALSE;

  g_return_val_if_fail (classes != NULL, FALSE);

  if (!ca_palette_classes_straddle (classes, level))
    {
      ca_palette_sequential (sequential, MIN (classes->n_classes, 9), out);
      return FALSE;
    }

  /* Class i holds (bounds[i], bounds[i + 1]]: it lies wholly at or below
   * the level when its top does, wholly above when its bottom does. */
  for (guint i = 0; i < classes->n_classes; i++)
    {
      if (classes->bounds[i + 1] <= level)
        n_below++;
      else if (classes->bounds[i] >= level)
        n_above++;
      else
        neutral = TRUE;
    }
  /* A class holding the level at an end of the range has no partner on
   * the other side: it starts that side rather than standing pale and
   * neutral for the units that are the extreme. */
  if (neutral && n_above == 0)
    {
      neutral = FALSE;
      n_above = 1;
    }
  else if (neutral && n_below == 0)
    {
      neutral = FALSE;
      n_below = 1;
    }
  if (MAX (n_below, n_above) > 5)
    {
      ca_palette_sequential (sequential, MIN (classes->n_classes, 9), out);
      return FALSE;
    }
  ca_palette_diverging (diverging, n_below, neutral, n_above, out);
  return TRUE;
}

guint
ca_palette_n_qualitative (void)
{
  return G_N_ELEMENTS (okabe_ito);
}

CaRgb
ca_palette_qualitative (guint index)
{
  return ca_rgb_from_hex (okabe_ito[index % G_N_ELEMENTS (okabe_ito)]);
}
