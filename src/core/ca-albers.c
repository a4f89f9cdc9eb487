/* ca-albers.c — see ca-albers.h. Equation numbers are Snyder's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ca-albers.h"

#define DEG (G_PI / 180.0)
#define INVERSE_TOLERANCE 1e-12
#define INVERSE_MAX_STEPS 20

/* (3-12): the authalic function of latitude. */
static double
authalic_q (const CaAlbers *albers,
            double          sin_phi)
{
  double e = albers->e, es = e * sin_phi;

  if (e < 1e-12)
    return 2.0 * sin_phi;
  return (1.0 - albers->e2) *
         (sin_phi / (1.0 - es * es) - log ((1.0 - es) / (1.0 + es)) / (2.0 * e));
}

/* (14-15): m = cos φ / sqrt (1 − e² sin² φ). */
static double
parallel_m (const CaAlbers *albers,
            double          phi)
{
  double s = sin (phi);

  return cos (phi) / sqrt (1.0 - albers->e2 * s * s);
}

/* (14-3a) */
static double
radius (const CaAlbers *albers,
        double          q)
{
  double under = albers->c - albers->n * q;

  return albers->a * sqrt (MAX (under, 0.0)) / albers->n;
}

gboolean
ca_albers_init (CaAlbers *albers,
                double    a,
                double    inverse_flattening,
                double    lat1,
                double    lat2,
                double    lat0,
                double    lon0,
                double    x0,
                double    y0)
{
  double f = inverse_flattening > 0 ? 1.0 / inverse_flattening : 0.0;
  double phi1 = lat1 * DEG, phi2 = lat2 * DEG;
  double m1, m2, q1, q2;

  albers->a = a;
  albers->e2 = f * (2.0 - f);
  albers->e = sqrt (albers->e2);
  albers->lon0 = lon0 * DEG;
  albers->x0 = x0;
  albers->y0 = y0;
  if (fabs (phi1 + phi2) < 1e-10 || fabs (fabs (phi1) - G_PI / 2) < 1e-10 ||
      fabs (fabs (phi2) - G_PI / 2) < 1e-10)
    return FALSE;

  m1 = parallel_m (albers, phi1);
  q1 = authalic_q (albers, sin (phi1));
  if (fabs (phi1 - phi2) < 1e-10)
    albers->n = sin (phi1);   /* one standard parallel: (14-14) reduced */
  else
    {
      m2 = parallel_m (albers, phi2);
      q2 = authalic_q (albers, sin (phi2));
      albers->n = (m1 * m1 - m2 * m2) / (q2 - q1);   /* (14-14) */
    }
  albers->c = m1 * m1 + albers->n * q1;             /* (14-13) */
  albers->rho0 = radius (albers, authalic_q (albers, sin (lat0 * DEG)));
  return TRUE;
}

/* λ − λ0 into (−π, π]. */
static double
wrap_longitude (double lambda)
{
  return lambda - 2.0 * G_PI * floor ((lambda + G_PI) / (2.0 * G_PI));
}

gboolean
ca_albers_forward (const CaAlbers *albers,
                   double          lon,
                   double          lat,
                   double         *x,
                   double         *y)
{
  double rho, theta;

  if (!isfinite (lon) || !isfinite (lat) || fabs (lat) > 90.0)
    return FALSE;
  rho = radius (albers, authalic_q (albers, sin (lat * DEG)));
  theta = albers->n * wrap_longitude (lon * DEG - albers->lon0);   /* (14-4) */
  *x = albers->x0 + rho * sin (theta);                              /* (14-1) */
  *y = albers->y0 + albers->rho0 - rho * cos (theta);               /* (14-2) */
  return TRUE;
}

/* (3-16): latitude from q by Newton's iteration. */
static gboolean
latitude_from_q (const CaAlbers *albers,
                 double          q,
                 double         *phi)
{
  double e = albers->e, e2 = albers->e2;
  double limit = authalic_q (albers, 1.0);

  if (fabs (q) > fabs (limit) + 1e-12)
    return FALSE;
  if (fabs (fabs (q) - fabs (limit)) <= 1e-12)
    {
      *phi = copysign (G_PI / 2, q);
      return TRUE;
    }
  *phi = asin (q / 2.0);
  if (e < 1e-12)
    return TRUE;
  for (int i = 0; i < INVERSE_MAX_STEPS; i++)
    {
      double s = sin (*phi), es = e * s, one = 1.0 - es * es;
      double step = one * one / (2.0 * cos (*phi)) *
                    (q / (1.0 - e2) - s / one + log ((1.0 - es) / (1.0 + es)) / (2.0 * e));

      *phi += step;
      if (fabs (step) < INVERSE_TOLERANCE)
        return TRUE;
    }
  return FALSE;
}

gboolean
ca_albers_inverse (const CaAlbers *albers,
                   double          x,
                   double          y,
                   double         *lon,
                   double         *lat)
{
  double dx = x - albers->x0, dy = albers->rho0 - (y - albers->y0);
  double sign = albers->n < 0 ? -1.0 : 1.0;
  double rho, theta, q, phi;

  if (!isfinite (x) || !isfinite (y))
    return FALSE;
  /* (14-10), (14-11): for a cone opening south (n < 0) the signs turn. */
  rho = sign * hypot (dx, dy);
  theta = atan2 (sign * dx, sign * dy);
  q = (albers->c - rho * rho * albers->n * albers->n / (albers->a * albers->a)) / albers->n;
  if (!latitude_from_q (albers, q, &phi))
    return FALSE;
  *lat = phi / DEG;
  *lon = (albers->lon0 + theta / albers->n) / DEG;   /* (14-9) */
  return TRUE;
}
