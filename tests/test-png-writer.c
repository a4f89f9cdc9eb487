/* test-png-writer.c — the banded PNG encoder: what it writes reads back
 * (through cairo's libpng reader) pixel for pixel, whatever the bands,
 * with the resolution in pHYs; a failing sink is reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
encode (cairo_surface_t *image,
        int              band,
        Sink            *sink)
{
  int width = cairo_image_surface_get_width (image), height = cairo_image_surface_get_height (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  g_autoptr (CaPngWriter) writer = ca_png_writer_new (width, height, 150, sink_write, sink);
  g_autoptr (GError) error = NULL;

  for (int y = 0; y < height; y += band)
    g_assert_true (ca_png_writer_add_rows (writer, data + (gsize) y * stride, stride,
                                           MIN (band, height - y), &error));
  g_assert_true (ca_png_writer_finish (writer, &error));
  g_assert_no_error (error);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png-writer/round-trip", test_round_trip);
  g_test_add_func ("/png-writer/write-failure", test_write_failure);
  return g_test_run ();
}
