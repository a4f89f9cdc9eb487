/* shapefile-writer.h — small shapefiles written with shapelib for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <shapefil.h>

#include "ca-geometry.h"

typedef struct
{
  const CaPoint *points;
  guint          n_points;
} TestPart;

#define TEST_PART(array) { array, G_N_ELEMENTS (array) }

static inline char *
test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("ca-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

/* Appends one shape of @type made of @parts to @shp. */
static inline void
test_write_shape (SHPHandle shp, int type, const TestPart *parts, guint n_parts)
{
  guint n = 0;

  for (guint p = 0; p < n_parts; p++)
    n += parts[p].n_points;

  g_autofree int *starts = g_new (int, MAX (n_parts, 1));
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree double *z = g_new0 (double, MAX (n, 1));
  guint k = 0;
  for (guint p = 0; p < n_parts; p++)
    {
      starts[p] = (int) k;
      for (guint i = 0; i < parts[p].n_points; i++, k++)
        {
          x[k] = parts[p].points[i].x;
          y[k] = parts[p].points[i].y;
          z[k] = 100.0 + k;
        }
    }
  SHPObject *object = SHPCreateObject (type, -1, (int) n_parts, starts, NULL, (int) n, x, y, z, NULL);
  g_assert_cmpint (SHPWriteObject (shp, -1, object), >=, 0);
  SHPDestroyObject (object);
}

/* Writes @rows × @n_fields string values (NULL-terminated @fields) to
 * @stem.dbf; @code_page as DBFCreateEx takes it ("LDID/87", "1251" …). */
static inline void
test_write_dbf (const char *stem, const char *code_page, const char * const *fields,
                const char * const *values, guint rows)
{
  g_autofree char *path = g_strconcat (stem, ".dbf", NULL);
  DBFHandle dbf = DBFCreateEx (path, code_page);
  guint n_fields = g_strv_length ((char **) fields);

  g_assert_nonnull (dbf);
  for (guint f = 0; f < n_fields; f++)
    g_assert_cmpint (DBFAddField (dbf, fields[f], FTString, 40, 0), ==, (int) f);
  for (guint r = 0; r < rows; r++)
    for (guint f = 0; f < n_fields; f++)
      g_assert_true (DBFWriteStringAttribute (dbf, (int) r, (int) f, values[r * n_fields + f]));
  DBFClose (dbf);
}

static inline void
test_write_text (const char *stem, const char *ext, const char *text)
{
  g_autofree char *path = g_strconcat (stem, ".", ext, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}
