/* ca-albers.h — the Albers equal-area conic projection on an ellipsoid
 * (Snyder 1987, "Map Projections — A Working Manual", pp. 98–103), for
 * the map's default projection without PROJ's machinery: PROJ builds the
 * same transformation through its database, which costs an export more
 * than all of the arithmetic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double a;      /* semi-major axis, metres */
  double e2;     /* first eccentricity squared */
  double e;
  double lon0;   /* central meridian, radians */
  double x0;     /* false easting and northing, metres */
  double y0;
  double n;      /* cone constant */
  double c;
  double rho0;   /* radius of the latitude of origin */
} CaAlbers;

/* Degrees for the parallels, origin and meridian; @inverse_flattening as
 * in a .prj (298.257223563 for WGS 84). FALSE for parameters that make no
 * cone (standard parallels symmetric about the equator, or at a pole). */
gboolean ca_albers_init (CaAlbers *albers, double a, double inverse_flattening,
                         double lat1, double lat2, double lat0, double lon0,
                         double x0, double y0);

/* Longitude/latitude in degrees → metres; FALSE (point untouched) outside
 * the ellipsoid's latitudes or for non-finite input. */
gboolean ca_albers_forward (const CaAlbers *albers, double lon, double lat,
                            double *x, double *y);
/* Metres → longitude/latitude in degrees; FALSE off the projected disc. */
gboolean ca_albers_inverse (const CaAlbers *albers, double x, double y,
                            double *lon, double *lat);

G_END_DECLS
