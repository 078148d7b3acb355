/* bench-stats.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the benchmarks share to sum up their timings: sorting them and
 * reading a percentile off the sorted list. Header-only. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GCompareFunc for an array of doubles: g_array_sort (times, compare_doubles). */
static inline int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The value at fraction @p (0.5 the median, 1.0 the largest) of @sorted,
 * an array of doubles sorted with compare_doubles(), to the nearest rank. */
static inline double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

G_END_DECLS
