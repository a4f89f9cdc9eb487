/* ca-sort-private.h — a typed sort of (key, index) pairs for the analysis
 * stages: ranking 10 000 units and ordering every unit's specialisations
 * after each edit. qsort's callback per comparison made those the slowest
 * part of Stages 1–2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

typedef struct
{
  double key;
  guint  index;
} CaSortItem;

/* Ascending key, then ascending index: a total order, so the result does
 * not depend on the algorithm. No NANs. */
static inline gboolean
ca_sort_item_before (const CaSortItem *a,
                     const CaSortItem *b)
{
  return a->key < b->key || (a->key == b->key && a->index < b->index);
}

static inline void
ca_sort_insertion (CaSortItem *items,
                   guint       n)
{
  for (guint i = 1; i < n; i++)
    {
      CaSortItem item = items[i];
      guint j = i;

      for (; j > 0 && ca_sort_item_before (&item, &items[j - 1]); j--)
        items[j] = items[j - 1];
      items[j] = item;
    }
}

/* Bottom-up merge sort: insertion-sorted runs of 16, then merges that
 * alternate between @items and @scratch (n entries). */
static inline void
ca_sort_items (CaSortItem *items,
               guint       n,
               CaSortItem *scratch)
{
  CaSortItem *from = items, *to = scratch;
  const guint run = 16;

  for (guint start = 0; start < n; start += run)
    ca_sort_insertion (items + start, MIN (run, n - start));
  for (guint width = run; width < n; width *= 2)
    {
      CaSortItem *swap;

      for (guint lo = 0; lo < n; lo += 2 * width)
        {
          guint mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          guint a = lo, b = mid, k = lo;

          while (a < mid && b < hi)
            to[k++] = ca_sort_item_before (&from[b], &from[a]) ? from[b++] : from[a++];
          while (a < mid)
            to[k++] = from[a++];
          while (b < hi)
            to[k++] = from[b++];
        }
      swap = from;
      from = to;
      to = swap;
    }
  if (from != items)
    memcpy (items, from, sizeof (CaSortItem) * n);
}
