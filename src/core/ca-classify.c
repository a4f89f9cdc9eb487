/* ca-classify.c — class breaks for choropleths.
 *
 * All automatic methods work on the sorted finite values. Their bounds are
 * [min, inner breaks…, max]; each inner break is the largest value of its
 * class, so ties always fall into one class and never split across two.
 *
 * Degenerate data: when the values have fewer distinct values than classes
 * were asked for, quantile and natural breaks give each distinct value its
 * own class (n_classes shrinks to that number); constant data gives a single
 * class [v, v] for every automatic method. bounds[0] == bounds[1] happens only
 * when the smallest value forms a class of its own; all later bounds rise
 * strictly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ca-classify.h"

G_DEFINE_QUARK (ca-classify-error-quark, ca_classify_error)

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The finite values of @values, sorted ascending. */
static GArray *
sorted_finite (const double *values,
               guint         n_values)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);

  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      g_array_append_val (sorted, values[i]);
  if (sorted->len > 1)
    qsort (sorted->data, sorted->len, sizeof (double), compare_doubles);
  return sorted;
}

/* Distinct values of the sorted @x and, for each, how many values are <= it. */
static guint
distinct_values (const double *x,
                 guint         n,
                 double       *distinct,
                 guint        *cumulative)
{
  guint d = 0;

  for (guint i = 0; i < n; i++)
    {
      if (d == 0 || x[i] != distinct[d - 1])
        distinct[d++] = x[i];
      cumulative[d - 1] = i + 1;
    }
  return d;
}

static CaClassification *
classification_new (CaClassifyMethod method,
                    guint            n_classes)
{
  CaClassification *classification = g_new0 (CaClassification, 1);

  classification->method = method;
  classification->n_classes = n_classes;
  classification->bounds = g_new0 (double, n_classes + 1);
  classification->counts = g_new0 (guint, n_classes);
  return classification;
}

static CaClassification *
classify_manual (const double  *x,
                 guint          n,
                 guint          n_classes,
                 const double  *breaks,
                 GError       **error)
{
  CaClassification *classification;

  if (breaks == NULL)
    {
      g_set_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_BREAKS,
                   _("Manual classification needs %u breaks"), n_classes - 1);
      return NULL;
    }
  for (guint i = 0; i + 1 < n_classes; i++)
    if (!isfinite (breaks[i]) || (i > 0 && breaks[i] <= breaks[i - 1]))
      {
        g_set_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_BREAKS,
                     _("Manual break %u (%g) must be a number greater than the break before it"),
                     i + 1, breaks[i]);
        return NULL;
      }

  classification = classification_new (CA_CLASSIFY_MANUAL, n_classes);
  memcpy (classification->bounds + 1, breaks, sizeof (double) * (n_classes - 1));
  /* The outer bounds cover both the data and the breaks, so no value and no
   * break falls outside the classes. */
  classification->bounds[0] = MIN (x[0], breaks[0]);
  classification->bounds[n_classes] = MAX (x[n - 1], breaks[n_classes - 2]);
  return classification;
}

static CaClassification *
classify_equal_interval (const double *x,
                         guint         n,
                         guint         n_classes)
{
  CaClassification *classification = classification_new (CA_CLASSIFY_EQUAL_INTERVAL, n_classes);
  double min = x[0], max = x[n - 1];

  for (guint i = 0; i < n_classes; i++)
    classification->bounds[i] = min + (max - min) * i / n_classes;
  classification->bounds[n_classes] = max;
  return classification;
}

/* Each inner break is the distinct value whose cumulative count comes closest
 * to the ideal i·n/k, while leaving room for one distinct value per class
 * still to come. Choosing among distinct values is what keeps ties together
 * and every class non-empty. */
static CaClassification *
classify_quantile (const double *x,
                   guint         n,
                   guint         n_classes)
{
  g_autofree double *distinct = g_new (double, n);
  g_autofree guint *cumulative = g_new (guint, n);
  guint d = distinct_values (x, n, distinct, cumulative);
  guint k = MIN (n_classes, d);
  CaClassification *classification = classification_new (CA_CLASSIFY_QUANTILE, k);
  int previous = -1;

  for (guint i = 1; i < k; i++)
    {
      double target = (double) i * n / k;
      int lo = previous + 1;
      int hi = (int) (d - 1 - (k - i));
      int best = lo;

      for (int j = lo; j <= hi; j++)
        {
          if (fabs (cumulative[j] - target) < fabs (cumulative[best] - target))
            best = j;
          if (cumulative[j] >= target)
            break;   /* the distance only grows from here on */
        }
      classification->bounds[i] = distinct[best];
      previous = best;
    }
  classification->bounds[0] = x[0];
  classification->bounds[k] = x[n - 1];
  return classification;
}

/* Weighted sum of squared deviations of distinct values a..b (inclusive),
 * from prefix sums of count, value and value² (values shifted by the median
 * for precision). */
typedef struct
{
  const double *w;
  const double *s;
  const double *ss;
} JenksSums;

static inline double
jenks_cost (const JenksSums *sums,
            guint            a,
            guint            b)
{
  double w = sums->w[b + 1] - sums->w[a];
  double s = sums->s[b + 1] - sums->s[a];
  double cost = (sums->ss[b + 1] - sums->ss[a]) - s * s / w;

  return MAX (cost, 0.0);
}

typedef struct
{
  const JenksSums *sums;
  const double    *previous;   /* best cost of points 0..j in q classes */
  double          *current;    /* best cost of points 0..j in q + 1 classes */
  guint           *start;      /* where the last class starts in that best */
  guint            q;
} JenksRow;

/* One DP row by divide and conquer: the optimal start of the last class
 * never moves left as the end moves right (the cost is Monge), so each
 * half only searches its side of the middle's optimum — O(n log n) per row
 * and still exact. */
static void
jenks_row (JenksRow *row,
           guint     j_lo,
           guint     j_hi,
           guint     i_lo,
           guint     i_hi)
{
  guint mid = j_lo + (j_hi - j_lo) / 2;
  guint best_i = MAX (i_lo, row->q);
  double best = INFINITY;

  for (guint i = MAX (i_lo, row->q); i <= MIN (mid, i_hi); i++)
    {
      double cost = row->previous[i - 1] + jenks_cost (row->sums, i, mid);

      if (cost < best)
        {
          best = cost;
          best_i = i;
        }
    }
  row->current[mid] = best;
  row->start[mid] = best_i;
  if (mid > j_lo)
    jenks_row (row, j_lo, mid - 1, i_lo, best_i);
  if (mid < j_hi)
    jenks_row (row, mid + 1, j_hi, best_i, i_hi);
}

/* Exact optimal partition of @d distinct values (weights @weight) into @k
 * classes; writes the k − 1 inner breaks (each class's largest value). */
static void
jenks_distinct (const double *value,
                const double *weight,
                guint         d,
                guint         k,
                double       *breaks)
{
  g_autofree double *w = g_new0 (double, d + 1);
  g_autofree double *s = g_new0 (double, d + 1);
  g_autofree double *ss = g_new0 (double, d + 1);
  g_autofree double *cost = g_new (double, (gsize) d * k);
  g_autofree guint *start = g_new0 (guint, (gsize) d * k);
  JenksSums sums = { w, s, ss };
  double shift = value[d / 2];
  guint end = d - 1;

  for (guint j = 0; j < d; j++)
    {
      double v = value[j] - shift;

      w[j + 1] = w[j] + weight[j];
      s[j + 1] = s[j] + weight[j] * v;
      ss[j + 1] = ss[j] + weight[j] * v * v;
    }
  for (guint j = 0; j < d; j++)
    cost[j] = jenks_cost (&sums, 0, j);
  for (guint q = 1; q < k; q++)
    {
      JenksRow row = { &sums, cost + (gsize) (q - 1) * d, cost + (gsize) q * d,
                       start + (gsize) q * d, q };

      /* Ends before q cannot hold q + 1 non-empty classes. */
      for (guint j = 0; j < q; j++)
        row.current[j] = INFINITY;
      jenks_row (&row, q, d - 1, q, d - 1);
    }
  for (guint q = k - 1; q > 0; q--)
    {
      guint first = start[(gsize) q * d + end];

      breaks[q - 1] = value[first - 1];
      end = first - 1;
    }
}

void
ca_jenks_breaks (const double *sorted,
                 guint         n,
                 guint         n_classes,
                 double       *breaks)
{
  g_autofree double *distinct = NULL;
  g_autofree double *weight = NULL;
  g_autofree guint *cumulative = NULL;
  guint d, k;

  g_return_if_fail (n_classes >= 1);
  g_return_if_fail (n == 0 || sorted != NULL);

  /* Breaks the data cannot fill stay NAN. */
  for (guint i = 0; i + 1 < n_classes; i++)
    breaks[i] = NAN;
  if (n == 0)
    return;

  /* Ties are one point with a weight: fewer points, and a class boundary can
   * never fall between equal values. */
  distinct = g_new (double, n);
  cumulative = g_new (guint, n);
  d = distinct_values (sorted, n, distinct, cumulative);
  weight = g_new (double, d);
  for (guint j = 0; j < d; j++)
    weight[j] = cumulative[j] - (j > 0 ? cumulative[j - 1] : 0);

  k = MIN (n_classes, d);
  if (k >= 2)
    jenks_distinct (distinct, weight, d, k, breaks);
}

static CaClassification *
classify_jenks (const double *x,
                guint         n,
                guint         n_classes)
{
  g_autofree double *breaks = g_new (double, n_classes);
  CaClassification *classification;
  guint k = 1;

  ca_jenks_breaks (x, n, n_classes, breaks);
  while (k < n_classes && !isnan (breaks[k - 1]))
    k++;

  classification = classification_new (CA_CLASSIFY_JENKS, k);
  memcpy (classification->bounds + 1, breaks, sizeof (double) * (k - 1));
  classification->bounds[0] = x[0];
  classification->bounds[k] = x[n - 1];
  return classification;
}

/* Classes one (population) standard deviation wide, centred on the mean:
 * inner break i of k is mean + (i − k/2)·sd, so an odd k has a class
 * [mean − sd/2, mean + sd/2] in the middle (breaks at ±0.5, ±1.5 … sd) and
 * an even k has the mean as a break (0, ±1, ±2 … sd). The outer classes run
 * to the data's min and max; breaks at or beyond them would make empty
 * classes, so they are dropped and n_classes shrinks. */
static CaClassification *
classify_stddev (const double *x,
                 guint         n,
                 guint         n_classes)
{
  CaClassification *classification;
  double breaks[CA_CLASSIFY_MAX_CLASSES];
  double mean = 0, var = 0, sd;
  guint k = 1;

  for (guint i = 0; i < n; i++)
    mean += x[i];
  mean /= n;
  for (guint i = 0; i < n; i++)
    var += (x[i] - mean) * (x[i] - mean);
  sd = sqrt (var / n);

  for (guint i = 1; i < n_classes && sd > 0; i++)
    {
      double b = mean + (i - n_classes / 2.0) * sd;

      if (b > x[0] && b < x[n - 1])
        breaks[k++ - 1] = b;
    }

  classification = classification_new (CA_CLASSIFY_STDDEV, k);
  memcpy (classification->bounds + 1, breaks, sizeof (double) * (k - 1));
  classification->bounds[0] = x[0];
  classification->bounds[k] = x[n - 1];
  return classification;
}

CaClassification *
ca_classify (const double      *values,
             guint              n_values,
             CaClassifyMethod   method,
             guint              n_classes,
             const double      *manual_breaks,
             GError           **error)
{
  g_autoptr(GArray) sorted = NULL;
  CaClassification *classification = NULL;
  const double *x;
  guint n;

  g_return_val_if_fail (values != NULL || n_values == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_classes < CA_CLASSIFY_MIN_CLASSES || n_classes > CA_CLASSIFY_MAX_CLASSES)
    {
      g_set_error (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_BAD_COUNT,
                   _("%u classes asked for; choose between %d and %d"),
                   n_classes, CA_CLASSIFY_MIN_CLASSES, CA_CLASSIFY_MAX_CLASSES);
      return NULL;
    }
  sorted = sorted_finite (values, n_values);
  if (sorted->len == 0)
    {
      g_set_error_literal (error, CA_CLASSIFY_ERROR, CA_CLASSIFY_ERROR_NO_DATA,
                           _("There are no values to classify"));
      return NULL;
    }
  x = (const double *) sorted->data;
  n = sorted->len;

  if (method != CA_CLASSIFY_MANUAL && x[0] == x[n - 1])
    {
      classification = classification_new (method, 1);
      classification->bounds[0] = classification->bounds[1] = x[0];
    }
  else
    switch (method)
      {
      case CA_CLASSIFY_MANUAL:
        classification = classify_manual (x, n, n_classes, manual_breaks, error);
        break;
      case CA_CLASSIFY_EQUAL_INTERVAL:
        classification = classify_equal_interval (x, n, n_classes);
        break;
      case CA_CLASSIFY_QUANTILE:
        classification = classify_quantile (x, n, n_classes);
        break;
      case CA_CLASSIFY_JENKS:
        classification = classify_jenks (x, n, n_classes);
        break;
      case CA_CLASSIFY_STDDEV:
      default:
        classification = classify_stddev (x, n, n_classes);
        break;
      }
  if (classification == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      int c = ca_classification_class_of (classification, x[i]);

      if (c >= 0)
        classification->counts[c]++;
    }
  return classification;
}

void
ca_classification_free (CaClassification *classification)
{
  if (classification == NULL)
    return;
  g_free (classification->bounds);
  g_free (classification->counts);
  g_free (classification);
}

CaClassification *
ca_classification_copy (const CaClassification *classification)
{
  CaClassification *copy;

  if (classification == NULL)
    return NULL;
  copy = classification_new (classification->method, classification->n_classes);
  memcpy (copy->bounds, classification->bounds,
          sizeof (double) * (classification->n_classes + 1));
  memcpy (copy->counts, classification->counts, sizeof (guint) * classification->n_classes);
  return copy;
}

int
ca_classification_class_of (const CaClassification *classification,
                            double                  value)
{
  const double *b;
  guint k;

  g_return_val_if_fail (classification != NULL, -1);

  b = classification->bounds;
  k = classification->n_classes;
  if (isnan (value) || value < b[0] || value > b[k])
    return -1;
  for (guint i = 0; i < k; i++)
    if (value <= b[i + 1])
      return (int) i;
  return -1;
}

/* "%.*f" follows LC_NUMERIC, which is what the labels want (a decimal comma
 * in ru/kk). Values that round to zero print without a minus sign. */
static char *
format_number (double value,
               int    decimals)
{
  char *text = g_strdup_printf ("%.*f", decimals, value);

  if (text[0] == '-' && strspn (text + 1, "0.,") == strlen (text + 1))
    memmove (text, text + 1, strlen (text));
  return text;
}

char *
ca_classification_label (const CaClassification *classification,
                         guint                   class_index,
                         int                     decimals)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (classification != NULL, NULL);
  g_return_val_if_fail (class_index < classification->n_classes, NULL);

  /* A negative count means "choose for me". */
  if (decimals < 0)
    decimals = ca_classification_suggest_decimals (classification);
  low = format_number (classification->bounds[class_index], decimals);
  high = format_number (classification->bounds[class_index + 1], decimals);
  return g_strdup_printf ("%s – %s", low, high);
}

int
ca_classification_suggest_decimals (const CaClassification *classification)
{
  const double *b;

  g_return_val_if_fail (classification != NULL, 0);

  /* Compare the printed numbers themselves, so rounding is exactly the
   * label's. Bounds that really are equal may print equal. */
  b = classification->bounds;
  for (int decimals = 0; decimals < 3; decimals++)
    {
      gboolean distinct = TRUE;

      for (guint i = 0; i < classification->n_classes && distinct; i++)
        {
          g_autofree char *low = format_number (b[i], decimals);
          g_autofree char *high = format_number (b[i + 1], decimals);

          if (b[i] != b[i + 1] && strcmp (low, high) == 0)
            distinct = FALSE;
        }
      if (distinct)
        return decimals;
    }
  return 3;
}

static const char *const method_names[] = {
  [CA_CLASSIFY_MANUAL] = "manual",
  [CA_CLASSIFY_EQUAL_INTERVAL] = "equal-interval",
  [CA_CLASSIFY_QUANTILE] = "quantile",
  [CA_CLASSIFY_JENKS] = "jenks",
  [CA_CLASSIFY_STDDEV] = "stddev",
};

const char *
ca_classify_method_to_string (CaClassifyMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (method_names), NULL);
  return method_names[method];
}

gboolean
ca_classify_method_from_string (const char       *str,
                                CaClassifyMethod *method)
{
  g_return_val_if_fail (method != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (g_ascii_strcasecmp (str, method_names[i]) == 0)
      {
        *method = (CaClassifyMethod) i;
        return TRUE;
      }
  /* Names a user is likely to type for the same methods. */
  if (g_ascii_strcasecmp (str, "natural-breaks") == 0)
    *method = CA_CLASSIFY_JENKS;
  else if (g_ascii_strcasecmp (str, "std-dev") == 0 ||
           g_ascii_strcasecmp (str, "standard-deviation") == 0)
    *method = CA_CLASSIFY_STDDEV;
  else
    return FALSE;
  return TRUE;
}
