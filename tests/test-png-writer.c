/* test-png-writer.c — the PNG encoder: what it writes reads back (through
 * cairo's libpng reader) pixel for pixel, whatever the batches of rows,
 * with the resolution in pHYs; neither the batches nor the vector
 * conversion of the rows change a byte; a long image, deflated on the
 * writer's own thread, spans several IDAT chunks of one zlib stream; a
 * failing sink is reported, also with the thread midway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "ca-export.h"
#include "ca-png-writer.h"

typedef struct
{
  GByteArray *bytes;
  gsize       offset;   /* for reading back */
  gsize       fail_after;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->fail_after > 0 && sink->bytes->len + length > sink->fail_after)
    return CAIRO_STATUS_WRITE_ERROR;
  g_byte_array_append (sink->bytes, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
sink_read (void          *closure,
           unsigned char *data,
           unsigned int   length)
{
  Sink *sink = closure;

  if (sink->offset + length > sink->bytes->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, sink->bytes->data + sink->offset, length);
  sink->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Gradients, flat areas and noise, so that every filter type wins somewhere. */
static cairo_surface_t *
test_image (int width,
            int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 seed = 12345;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 r = (guint32) (x * 255 / width), g = (guint32) (y * 255 / height), b = 200;

        seed = seed * 1103515245u + 12345u;
        if (x > width / 2 && y > height / 2)
          b = (seed >> 16) & 0xff;
        ((guint32 *) (data + y * stride))[x] = (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
encode_simd (cairo_surface_t *image,
             int              batch,
             gboolean         simd,
             Sink            *sink)
{
  int width = cairo_image_surface_get_width (image), height = cairo_image_surface_get_height (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  g_autoptr (CaPngWriter) writer = ca_png_writer_new (width, height, 150, sink_write, sink);
  g_autoptr (GError) error = NULL;

  ca_png_writer_use_simd (writer, simd);
  for (int y = 0; y < height; y += batch)
    g_assert_true (ca_png_writer_add_rows (writer, data + (gsize) y * stride, stride,
                                           MIN (batch, height - y), &error));
  g_assert_true (ca_png_writer_finish (writer, &error));
  g_assert_no_error (error);
}

static void
encode (cairo_surface_t *image,
        int              batch,
        Sink            *sink)
{
  encode_simd (image, batch, TRUE, sink);
}

static void
test_round_trip (void)
{
  static const int bands[] = { 1, 7, 64, 1000 };
  cairo_surface_t *image = test_image (203, 157);

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      Sink sink = { g_byte_array_new (), 0, 0 };
      cairo_surface_t *back;
      const guint8 *a, *b;

      encode (image, bands[i], &sink);
      back = cairo_image_surface_create_from_png_stream (sink_read, &sink);
      g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (back), ==, 203);
      g_assert_cmpint (cairo_image_surface_get_height (back), ==, 157);
      a = cairo_image_surface_get_data (image);
      b = cairo_image_surface_get_data (back);
      for (int y = 0; y < 157; y++)
        for (int x = 0; x < 203; x++)
          {
            guint32 pa = ((const guint32 *) (a + y * cairo_image_surface_get_stride (image)))[x];
            guint32 pb = ((const guint32 *) (b + y * cairo_image_surface_get_stride (back)))[x];

            g_assert_cmphex (pa & 0xffffff, ==, pb & 0xffffff);
          }
      /* 150 dpi = 5905.5 → 5906 pixels per metre, in pHYs after IHDR. */
      g_assert_cmpmem (sink.bytes->data + 33, 8, "\0\0\0\x09pHYs", 8);
      g_assert_cmpmem (sink.bytes->data + 41, 9, "\0\0\x17\x12\0\0\x17\x12\x01", 9);
      cairo_surface_destroy (back);
      g_byte_array_unref (sink.bytes);
    }
  cairo_surface_destroy (image);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Walks the chunks after the signature, checking each CRC; returns the
 * IDAT data joined and their count in @n_idat. */
static GByteArray *
idat_data (GByteArray *png,
           guint      *n_idat)
{
  GByteArray *zdata = g_byte_array_new ();
  gsize at = 8;

  *n_idat = 0;
  while (at + 12 <= png->len)
    {
      guint32 len = read_be32 (png->data + at);

      g_assert_cmpuint (at + 12 + len, <=, png->len);
      g_assert_cmpuint (crc32 (0, png->data + at + 4, len + 4), ==, read_be32 (png->data + at + 8 + len));
      if (memcmp (png->data + at + 4, "IDAT", 4) == 0)
        {
          g_byte_array_append (zdata, png->data + at + 8, len);
          (*n_idat)++;
        }
      at += 12 + len;
    }
  g_assert_cmpuint (at, ==, png->len);
  return zdata;
}

/* Noisy and tall enough for several IDAT chunks: fed a row at a time
 * with the scalar conversion, or in large batches with the vector one, it
 * gives the same bytes; every chunk but the last is
 * full; the chunks join into one zlib stream that inflates, Adler-32
 * checked, to filter None + RGB rows. */
static void
test_long_stream (void)
{
  int width = 400, height = 1500, stride;
  cairo_surface_t *image = test_image (width, height);
  const guint8 *data = cairo_image_surface_get_data (image);
  gsize row = (gsize) width * 3 + 1;
  uLongf raw_len = (uLongf) (row * (gsize) height);
  g_autofree guint8 *raw = g_malloc (raw_len);
  Sink whole = { g_byte_array_new (), 0, 0 }, rows = { g_byte_array_new (), 0, 0 };
  GByteArray *zdata;
  guint n_idat;

  stride = cairo_image_surface_get_stride (image);
  encode (image, 1000, &whole);
  encode_simd (image, 1, FALSE, &rows);
  g_assert_cmpmem (rows.bytes->data, rows.bytes->len, whole.bytes->data, whole.bytes->len);
  zdata = idat_data (whole.bytes, &n_idat);
  g_assert_cmpuint (n_idat, >=, 2);
  g_assert_cmpuint (zdata->len, >, (n_idat - 1) * CA_PNG_WRITER_IDAT_BYTES);
  g_assert_cmpuint (zdata->len, <=, n_idat * CA_PNG_WRITER_IDAT_BYTES);
  g_assert_cmpint (uncompress (raw, &raw_len, zdata->data, zdata->len), ==, Z_OK);
  g_assert_cmpuint (raw_len, ==, row * (gsize) height);
  for (int y = 0; y < height; y++)
    {
      const guint8 *r = raw + (gsize) y * row;

      g_assert_cmpuint (r[0], ==, 0);
      for (int x = 0; x < width; x++)
        {
          guint32 p = ((const guint32 *) (data + (gsize) y * stride))[x];

          g_assert_cmphex ((guint32) r[1 + 3 * x] << 16 | (guint32) r[2 + 3 * x] << 8 | r[3 + 3 * x], ==,
                           p & 0xffffff);
        }
    }
  g_byte_array_unref (zdata);
  g_byte_array_unref (whole.bytes);
  g_byte_array_unref (rows.bytes);
  cairo_surface_destroy (image);
}

static void
test_write_failure (void)
{
  cairo_surface_t *image = test_image (120, 90);
  const guint8 *data = cairo_image_surface_get_data (image);
  Sink sink = { g_byte_array_new (), 0, 200 };
  g_autoptr (CaPngWriter) writer = ca_png_writer_new (120, 90, 72, sink_write, &sink);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = ca_png_writer_add_rows (writer, data, cairo_image_surface_get_stride (image), 90, &error);
  ok = ok && ca_png_writer_finish (writer, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_byte_array_unref (sink.bytes);
  cairo_surface_destroy (image);
}

/* A sink failing after the first IDAT chunk, in the middle of the rows. */
static void
test_write_failure_midway (void)
{
  int width = 400, height = 4000;
  cairo_surface_t *image = test_image (width, height);
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  Sink sink = { g_byte_array_new (), 0, CA_PNG_WRITER_IDAT_BYTES + 100 };
  g_autoptr (CaPngWriter) writer = ca_png_writer_new (width, height, 150, sink_write, &sink);
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  int y;

  for (y = 0; ok && y < height; y += 16)
    ok = ca_png_writer_add_rows (writer, data + (gsize) y * stride, stride, MIN (16, height - y), &error);
  g_assert_false (ok);
  g_assert_cmpint (y, <, height);
  g_assert_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE);
  g_assert_cmpuint (sink.bytes->len, <=, CA_PNG_WRITER_IDAT_BYTES + 100);
  g_clear_pointer (&writer, ca_png_writer_free);
  g_byte_array_unref (sink.bytes);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png-writer/round-trip", test_round_trip);
  g_test_add_func ("/png-writer/long-stream", test_long_stream);
  g_test_add_func ("/png-writer/write-failure", test_write_failure);
  g_test_add_func ("/png-writer/write-failure-midway", test_write_failure_midway);
  return g_test_run ();
}
