/* ca-classify.h — dividing values into classes: manual breaks, equal interval,
 * quantile, natural breaks (Jenks, exact) and standard deviation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ca-types.h"

G_BEGIN_DECLS

#define CA_CLASSIFY_ERROR (ca_classify_error_quark ())
typedef enum
{
  CA_CLASSIFY_ERROR_BAD_COUNT,     /* classes outside 2–9 */
  CA_CLASSIFY_ERROR_BAD_BREAKS,    /* manual breaks not increasing */
  CA_CLASSIFY_ERROR_NO_DATA,       /* no finite value to classify */
} CaClassifyError;
GQuark ca_classify_error_quark (void);

#define CA_CLASSIFY_MIN_CLASSES 2
#define CA_CLASSIFY_MAX_CLASSES 9

/* Class i holds values v with bounds[i] <= v <= bounds[i + 1] (the first
 * class closed below, each later one open below: (bounds[i], bounds[i+1]]).
 * Classes are in ascending value order. */
typedef struct
{
  CaClassifyMethod method;
  guint            n_classes;
  double          *bounds;      /* n_classes + 1 */
  guint           *counts;      /* values per class */
} CaClassification;

/* Classifies the finite values of @values (NANs are "no data" and ignored).
 * @manual_breaks: for CA_CLASSIFY_MANUAL, n_classes − 1 increasing inner breaks.
 * The result may have fewer classes than asked for: quantile and Jenks give
 * each distinct value its own class when there are fewer distinct values than
 * classes; standard deviation drops breaks beyond min/max; constant data gives
 * one class [v, v]. Inner breaks are the largest value of their class. */
CaClassification *ca_classify (const double     *values,
                               guint             n_values,
                               CaClassifyMethod  method,
                               guint             n_classes,
                               const double     *manual_breaks,
                               GError          **error);
void              ca_classification_free (CaClassification *classification);
CaClassification *ca_classification_copy (const CaClassification *classification);
/* Class index of @value, or -1 for NAN / outside all classes. */
int               ca_classification_class_of (const CaClassification *classification,
                                              double                  value);
/* "1.1 – 2.2" with @decimals digits (negative: suggested), formatted for the current locale. */
char             *ca_classification_label (const CaClassification *classification,
                                           guint                   class_index,
                                           int                     decimals);
/* Sensible number of decimals for labels given the spread of the bounds. */
int               ca_classification_suggest_decimals (const CaClassification *classification);

const char       *ca_classify_method_to_string (CaClassifyMethod method);   /* "jenks" … */
gboolean          ca_classify_method_from_string (const char *str, CaClassifyMethod *method);

/* Exact Jenks: the inner breaks (n_classes − 1) minimising within-class
 * squared deviation, by dynamic programming over sorted @sorted values. */
void              ca_jenks_breaks (const double *sorted, guint n, guint n_classes, double *breaks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaClassification, ca_classification_free)

G_END_DECLS
