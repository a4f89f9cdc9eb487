/* test-palette.c — the ramps and the choice between sequential and
 * diverging colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ca-palette.h"

static void
test_sequential_lightness (void)
{
  for (int ramp = CA_RAMP_YL_OR_BR; ramp <= CA_RAMP_YL_GN; ramp++)
    for (guint n = 2; n <= 9; n++)
      {
        CaRgb colours[9];

        ca_palette_sequential ((CaSequentialRamp) ramp, n, colours);
        for (guint i = 1; i < n; i++)
          g_assert_cmpfloat (ca_rgb_lightness (&colours[i]), <, ca_rgb_lightness (&colours[i - 1]));
      }
}

static void
assert_colour (const CaRgb *rgb,
               guint32      hex)
{
  guint8 r, g, b;

  ca_rgb_to_bytes (rgb, &r, &g, &b);
  g_assert_cmphex ((guint32) (r << 16 | g << 8 | b), ==, hex);
}

static void
test_diverging_choice (void)
{
  /* Four classes: [-2.4, -1], (-1, 0.5], (0.5, 2.2], (2.2, 4]. */
  double bounds[5] = { -2.4, -1.0, 0.5, 2.2, 4.0 };
  guint counts[4] = { 1, 1, 1, 1 };
  CaClassification classes = { CA_CLASSIFY_MANUAL, 4, bounds, counts };
  CaRgb colours[4];

  /* Level 1 sits inside the third class: two below, a neutral class, one
   * above → the 5-class RdYlBu without its darkest blue. */
  g_assert_true (ca_palette_for_classes (&classes, 1.0, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xd7191c);
  assert_colour (&colours[1], 0xfdae61);
  assert_colour (&colours[2], 0xffffbf);
  assert_colour (&colours[3], 0xabd9e9);

  /* Level on a break (0.5): two below, two above, no neutral class. */
  g_assert_true (ca_palette_for_classes (&classes, 0.5, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xd7191c);
  assert_colour (&colours[1], 0xfdae61);
  assert_colour (&colours[2], 0xabd9e9);
  assert_colour (&colours[3], 0x2c7bb6);

  /* Level inside the top class: that class starts the blue side. */
  g_assert_true (ca_palette_for_classes (&classes, 3.0, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xd73027);
  assert_colour (&colours[1], 0xfc8d59);
  assert_colour (&colours[2], 0xfee090);
  assert_colour (&colours[3], 0xe0f3f8);

  /* Level above every class: sequential Blues, 4 classes. */
  g_assert_false (ca_palette_for_classes (&classes, 5.0, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
  assert_colour (&colours[0], 0xeff3ff);
  assert_colour (&colours[3], 0x2171b5);
  g_assert_false (ca_palette_for_classes (&classes, NAN, CA_RAMP_BLUES, CA_RAMP_RD_YL_BU, colours));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/sequential-lightness", test_sequential_lightness);
  g_test_add_func ("/palette/diverging-choice", test_diverging_choice);
  return g_test_run ();
}
