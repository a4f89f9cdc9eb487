/* ca-palette.h — colours for the figures: ColorBrewer sequential and
 * diverging ramps, Okabe–Ito qualitative colours, and the choice between a
 * sequential and a diverging ramp for a classification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ca-classify.h"

G_BEGIN_DECLS

typedef struct
{
  double r;
  double g;
  double b;
} CaRgb;

/* Sequential ramps, light to dark; lightness falls monotonically so that
 * ordered classes stay readable in greyscale. */
typedef enum
{
  CA_RAMP_YL_OR_BR,
  CA_RAMP_BLUES,
  CA_RAMP_PU_BU,
  CA_RAMP_YL_GN,
} CaSequentialRamp;

/* Diverging ramps, from the low end to the high end. */
typedef enum
{
  CA_RAMP_RD_YL_BU,   /* red (low) – pale yellow – blue (high) */
  CA_RAMP_BR_BG,      /* brown (low) – off-white – blue-green (high) */
} CaDivergingRamp;

/* Colours shared by every map, in whole bytes so that an image shows
 * exactly these values. */
#define CA_RGB_BYTES(r, g, b) ((CaRgb) { (r) / 255.0, (g) / 255.0, (b) / 255.0 })
#define CA_RGB_NO_DATA        CA_RGB_BYTES (200, 200, 200)
#define CA_RGB_NO_DATA_HATCH  CA_RGB_BYTES (115, 115, 115)
#define CA_RGB_CONTEXT        CA_RGB_BYTES (230, 230, 227)
#define CA_RGB_OUTSIDE        CA_RGB_BYTES (247, 247, 245)
#define CA_RGB_TEXT           CA_RGB_BYTES (26, 26, 26)
#define CA_RGB_NEUTRAL_UNIT   CA_RGB_BYTES (242, 242, 240)
#define CA_RGB_REGION_LINE    CA_RGB_BYTES (51, 51, 51)
#define CA_RGB_UNIT_BORDER    CA_RGB_BYTES (140, 140, 140)

CaRgb    ca_rgb_from_hex (guint32 hex);
/* CIE L* (D65) of the colour, 0–100. */
double   ca_rgb_lightness (const CaRgb *rgb);
void     ca_rgb_set_source (cairo_t *cr, const CaRgb *rgb);
void     ca_rgb_set_source_alpha (cairo_t *cr, const CaRgb *rgb, double alpha);
/* Channel values 0–255 as cairo writes them into an image surface. */
void     ca_rgb_to_bytes (const CaRgb *rgb, guint8 *r, guint8 *g, guint8 *b);

/* @n colours (1–9) of @ramp, light to dark: ColorBrewer's own n-class
 * scheme where it has one. */
void     ca_palette_sequential (CaSequentialRamp ramp, guint n, CaRgb *out);

/* @n_below classes under the critical level, an optional neutral class
 * holding it, and @n_above classes over it, low to high. The darkest
 * colours go to the side with more classes; the other side takes the
 * same steps from the centre outwards, so equal distance from the level
 * gets equal lightness. */
void     ca_palette_diverging (CaDivergingRamp ramp, guint n_below, gboolean neutral,
                               guint n_above, CaRgb *out);

/* TRUE when @level lies strictly inside the classified range, so that a
 * diverging ramp centred on it makes sense. */
gboolean ca_palette_classes_straddle (const CaClassification *classes, double level);

/* Colours for @classes (ascending): diverging around @level when the
 * classes straddle it (and @level is finite), else sequential. Returns
 * whether the result is diverging. */
gboolean ca_palette_for_classes (const CaClassification *classes, double level,
                                 CaSequentialRamp sequential, CaDivergingRamp diverging,
                                 CaRgb *out);

/* Okabe–Ito colours for categories (colour-blind safe), cycled. */
guint    ca_palette_n_qualitative (void);
CaRgb    ca_palette_qualitative (guint index);

/* A lighter version of @rgb (mixed with white by @amount 0–1). */
CaRgb    ca_rgb_mix_white (const CaRgb *rgb, double amount);

G_END_DECLS
