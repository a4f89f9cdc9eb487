/* test-render.c — every map figure drawn from the default project onto
 * the shared boundary data: colours inside known units, orientation,
 * labels, furniture, options; and the page's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "ca-figure-private.h"
#include "ca-map-furniture.h"
#include "ca-render-fonts.h"
#include "ca-render-text.h"
#include "render-fixtures.h"
#include "test-tmpdir.h"

static void
test_scale_bar_length (void)
{
  g_assert_cmpfloat (ca_scale_bar_nice_length (137), ==, 100);
  g_assert_cmpfloat (ca_scale_bar_nice_length (45), ==, 20);
  g_assert_cmpfloat (ca_scale_bar_nice_length (9.9), ==, 5);
  g_assert_cmpfloat (ca_scale_bar_nice_length (200), ==, 200);
  g_assert_cmpfloat (ca_scale_bar_nice_length (0.3), ==, 0.2);
  g_assert_cmpfloat (ca_scale_bar_nice_length (0), ==, 0);
}

/* A Russian figure reads the Russian catalogue whatever the locale (the
 * tests run in C): when the build tree has it, chrome text is Cyrillic. */
static void
test_figure_language (void)
{
  const char *msgid = "Region boundary";
  const char *builddir = g_getenv ("CA_TEST_BUILDDIR");
  g_autofree char *mo = NULL;
  const char *ru;

  g_assert_true (ca_render_gettext (CA_LANG_EN, msgid) == msgid);
  if (builddir == NULL)
    {
      g_test_skip ("CA_TEST_BUILDDIR is not set");
      return;
    }
  mo = g_build_filename (builddir, "..", "po", "ru", "LC_MESSAGES", "cluster-atlas.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no Russian catalogue in the build tree");
      return;
    }
  ru = ca_render_gettext (CA_LANG_RU, msgid);
  g_assert_cmpstr (ru, !=, msgid);
  g_assert_true (g_utf8_validate (ru, -1, NULL));
  /* Cyrillic letters are U+0400–U+04FF. */
  g_assert_cmpuint (g_utf8_get_char (ru), >=, 0x400);
  g_assert_cmpuint (g_utf8_get_char (ru), <=, 0x4ff);
}

static gpointer
face_of_thread (gpointer data)
{
  return ca_render_fonts_get_face (GPOINTER_TO_INT (data));
}

/* The family of the font @face draws with. */
static char *
face_family (cairo_font_face_t *face)
{
  cairo_matrix_t size, identity;
  cairo_scaled_font_t *font;
  FT_Face ft;
  char *family;

  cairo_matrix_init_scale (&size, 10, 10);
  cairo_matrix_init_identity (&identity);
  font = cairo_scaled_font_create (face, &size, &identity, ca_render_fonts_get_options ());
  ft = cairo_ft_scaled_font_lock_face (font);
  g_assert_nonnull (ft);
  family = g_strdup (ft->family_name);
  cairo_ft_scaled_font_unlock_face (font);
  cairo_scaled_font_destroy (font);
  return family;
}

/* The figures' faces: the figure font, regular and bold, one of each for
 * the whole process, and every Russian and Kazakh letter set in it. */
static void
test_figure_font (void)
{
  cairo_font_face_t *regular = ca_render_fonts_get_face (FALSE);
  cairo_font_face_t *bold = ca_render_fonts_get_face (TRUE);
  g_autoptr (GThread) thread = g_thread_new ("other", face_of_thread, GINT_TO_POINTER (FALSE));
  g_autoptr (CaTextLayout) layout = NULL;
  g_autofree char *family = face_family (regular), *bold_family = face_family (bold);
  guint in_figure = 0, in_fallback = 0;

  g_assert_true (g_thread_join (g_steal_pointer (&thread)) == regular);
  g_assert_true (ca_render_fonts_get_face (FALSE) == regular);
  g_assert_true (bold != regular);
  g_assert_cmpstr (family, ==, CA_RENDER_FONT_FAMILY);
  g_assert_cmpstr (bold_family, ==, CA_RENDER_FONT_FAMILY);
  layout = ca_render_layout_new_full (NULL, "Айтекебийский ауданы: ә ғ қ ң ө ұ ү һ і Ё", 10, FALSE,
                                      0, CA_TEXT_ALIGN_LEFT, 0);
  g_assert_cmpuint (ca_text_layout_count_glyphs (layout, &in_figure, &in_fallback), ==, 0);
  g_assert_cmpuint (in_fallback, ==, 0);
  /* Every character but the word spaces' is a glyph of its own. */
  g_assert_cmpuint (in_figure, ==, g_utf8_strlen ("Айтекебийскийауданы:әғқңөұүһіЁ", -1) + 11);
}

/* The dark pixels' bounding box in @surface (white, text drawn in black). */
static void
dark_box (cairo_surface_t *surface,
          int             *x0,
          int             *y0,
          int             *x1,
          int             *y1)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  *x0 = w, *y0 = h, *x1 = -1, *y1 = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if ((((guint32 *) (cairo_image_surface_get_data (surface) + y * stride))[x] & 0xff) < 128)
        {
          *x0 = MIN (*x0, x), *y0 = MIN (*y0, y);
          *x1 = MAX (*x1, x + 1), *y1 = MAX (*y1, y + 1);
        }
}

/* Text of every size is set in one font and scaled: twice the size
 * measures twice as large, wraps where half the size wraps in half the
 * width, and draws where it measures. */
static void
test_one_size (void)
{
  const CaRgb black = { 0, 0, 0 };
  const char *text = "Мугалжарский район Актюбинской области";
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CaTextContext) context = ca_text_context_new ();
  g_autoptr (CaTextLayout) small = ca_render_layout_new (context, text, 7.5, FALSE, 0);
  g_autoptr (CaTextLayout) large = ca_render_layout_new (context, text, 15, FALSE, 0);
  g_autoptr (CaTextLayout) small_wrapped = ca_render_layout_new (context, text, 7.5, FALSE, 60);
  g_autoptr (CaTextLayout) large_wrapped = ca_render_layout_new (context, text, 15, FALSE, 120);
  double small_w, small_h, large_w, large_h, wrapped_w;
  cairo_rectangle_t ink;
  int x0, y0, x1, y1;

  g_assert_cmpfloat (ca_text_layout_get_font_size (small), ==,
                     ca_text_layout_get_font_size (large));
  g_assert_cmpfloat_with_epsilon (ca_text_layout_get_scale (large),
                                  2 * ca_text_layout_get_scale (small), 1e-12);
  ca_render_layout_size (small, &small_w, &small_h);
  ca_render_layout_size (large, &large_w, &large_h);
  g_assert_cmpfloat (small_w, >, 100);
  g_assert_cmpfloat_with_epsilon (large_w, 2 * small_w, 0.01);
  g_assert_cmpfloat_with_epsilon (large_h, 2 * small_h, 0.01);

  ca_render_layout_size (large_wrapped, &wrapped_w, NULL);
  g_assert_cmpfloat (wrapped_w, <=, 120);
  g_assert_cmpint (ca_text_layout_get_n_lines (large_wrapped), >, 1);
  g_assert_cmpint (ca_text_layout_get_n_lines (large_wrapped), ==,
                   ca_text_layout_get_n_lines (small_wrapped));

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ca_render_show_layout (cr, large_wrapped, 20.25, 30.5, &black, 0);
  cairo_surface_flush (surface);
  dark_box (surface, &x0, &y0, &x1, &y1);
  ca_render_layout_ink (large_wrapped, &ink);
  g_assert_cmpfloat (fabs (x0 - (20.25 + ink.x)), <, 1.5);
  g_assert_cmpfloat (fabs (y0 - (30.5 + ink.y)), <, 1.5);
  g_assert_cmpfloat (fabs (x1 - (20.25 + ink.x + ink.width)), <, 1.5);
  g_assert_cmpfloat (fabs (y1 - (30.5 + ink.y + ink.height)), <, 1.5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* How many of @text's characters no installed font has. */
static guint
missing_everywhere (const char *text)
{
  FcFontSet *fonts;
  guint missing = 0;

  g_assert_true (FcInit ());
  fonts = FcConfigGetFonts (FcConfigGetCurrent (), FcSetSystem);
  g_assert_nonnull (fonts);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean found = FALSE;

      for (int i = 0; !found && i < fonts->nfont; i++)
        {
          FcCharSet *has = NULL;

          found = FcPatternGetCharSet (fonts->fonts[i], FC_CHARSET, 0, &has) == FcResultMatch &&
                  FcCharSetHasChar (has, c);
        }
      missing += !found;
    }
  return missing;
}

/* Text the figure font lacks is set in whatever installed font has it:
 * only characters no font has show as boxes. Kazakh needs no fallback. */
static void
test_font_fallback (void)
{
  static const char *const texts[] = { "Ақтөбе 中国 ไทย ₸", "Хромтау — Қарғалы" };
  guint in_figure = 0, in_fallback = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (CaTextLayout) layout = ca_render_layout_new_full (NULL, texts[i], 10, FALSE, 0,
                                                                   CA_TEXT_ALIGN_LEFT, 0);

      g_assert_cmpuint (ca_text_layout_count_glyphs (layout, &in_figure, &in_fallback), ==,
                        missing_everywhere (texts[i]));
      if (i == 0)
        g_assert_cmpuint (in_fallback + ca_text_layout_count_glyphs (layout, NULL, NULL), >=, 5);
      else
        g_assert_cmpuint (in_fallback, ==, 0);
    }
}

/* Width of @text set alone on one line at 10 units. */
static double
line_width (const char *text)
{
  g_autoptr (CaTextLayout) layout = ca_text_layout_new (text, 10, FALSE, 0, CA_TEXT_ALIGN_LEFT, 0,
                                                        1);
  cairo_rectangle_t logical;

  g_assert_cmpuint (ca_text_layout_get_n_lines (layout), ==, 1);
  ca_text_layout_get_extents (layout, NULL, &logical);
  return logical.width;
}

/* Lines: broken at the last space or dash that fits (the space left at
 * the line's end, not counted), never after a dash glued to what follows,
 * inside a word only when the word alone is too wide; "\n" always; kern
 * pairs closer than their glyphs' advances; heights of whole lines. */
static void
test_text_layout (void)
{
  double one = line_width ("Актобе-"), whole = line_width ("Актобе-Хромтау");
  double wrap = MAX (one, line_width ("Хромтау")) + 1;
  double space = line_width ("ab cd") - line_width ("abcd");
  g_autoptr (CaTextLayout) dash = ca_text_layout_new ("Актобе-Хромтау", 10, FALSE, wrap,
                                                      CA_TEXT_ALIGN_LEFT, 0, 1);
  g_autoptr (CaTextLayout) glued = ca_text_layout_new ("Иргизский 2014–\u20602015", 10, FALSE,
                                                       line_width ("Иргизский 2014–") + 1,
                                                       CA_TEXT_ALIGN_LEFT, 0, 1);
  g_autoptr (CaTextLayout) word = ca_text_layout_new ("Мугалжарский", 10, FALSE,
                                                      line_width ("Мугалжарский") / 2,
                                                      CA_TEXT_ALIGN_LEFT, 0, 1);
  g_autoptr (CaTextLayout) lines = ca_text_layout_new ("a\nb\nc", 10, FALSE, 0,
                                                       CA_TEXT_ALIGN_LEFT, 2.5, 1);
  g_autoptr (CaTextLayout) centred = ca_text_layout_new ("ab cdefgh", 10, FALSE, 200,
                                                         CA_TEXT_ALIGN_CENTER, 0, 1);
  cairo_rectangle_t logical, ink, left_ink;
  cairo_font_extents_t metrics;
  cairo_scaled_font_t *font;
  cairo_matrix_t size, identity;

  g_assert_cmpfloat (space, >, 2);
  g_assert_cmpfloat (whole, >, wrap);
  g_assert_cmpuint (ca_text_layout_get_n_lines (dash), ==, 2);
  ca_text_layout_get_extents (dash, NULL, &logical);
  g_assert_cmpfloat_with_epsilon (logical.width, wrap - 1, 1e-9);

  /* "Иргизский 2014–" fits, but the dash holds on to 2015: the break is
   * at the space. */
  g_assert_cmpuint (ca_text_layout_get_n_lines (glued), ==, 2);
  ca_text_layout_get_extents (glued, NULL, &logical);
  g_assert_cmpfloat_with_epsilon (logical.width,
                                  MAX (line_width ("Иргизский"), line_width ("2014–2015")), 1e-9);
  g_assert_cmpfloat_with_epsilon (line_width ("2014–\u20602015"), line_width ("2014–2015"),
                                  1e-9);

  g_assert_cmpuint (ca_text_layout_get_n_lines (word), >=, 2);
  ca_text_layout_get_extents (word, NULL, &logical);
  g_assert_cmpfloat (logical.width, <=, line_width ("Мугалжарский") / 2);

  g_assert_cmpfloat (line_width ("AV"), <, line_width ("A") + line_width ("V") - 0.1);
  /* "й" typed as "и" and a combining breve is set as the glyph "й". */
  {
    g_autoptr (CaTextLayout) typed = ca_text_layout_new ("Мугалжарскии\u0306", 10, FALSE, 0,
                                                         CA_TEXT_ALIGN_LEFT, 0, 1);
    guint in_figure = 0;

    g_assert_cmpuint (ca_text_layout_count_glyphs (typed, &in_figure, NULL), ==, 0);
    g_assert_cmpuint (in_figure, ==, g_utf8_strlen ("Мугалжарский", -1));
  }
  g_assert_cmpfloat_with_epsilon (line_width ("HH"), 2 * line_width ("H"), 1e-9);

  cairo_matrix_init_scale (&size, 10, 10);
  cairo_matrix_init_identity (&identity);
  font = cairo_scaled_font_create (ca_render_fonts_get_face (FALSE), &size, &identity,
                                   ca_render_fonts_get_options ());
  cairo_scaled_font_extents (font, &metrics);
  cairo_scaled_font_destroy (font);
  ca_text_layout_get_extents (lines, NULL, &logical);
  g_assert_cmpuint (ca_text_layout_get_n_lines (lines), ==, 3);
  g_assert_cmpfloat_with_epsilon (logical.height, 3 * (metrics.ascent + metrics.descent) + 2 * 2.5,
                                  1e-9);

  /* Centred in its 200 units: the ink starts (200 − the line's width) / 2
   * further right than the same line set left. */
  ca_text_layout_get_extents (centred, &ink, &logical);
  {
    g_autoptr (CaTextLayout) left = ca_text_layout_new ("ab cdefgh", 10, FALSE, 200,
                                                        CA_TEXT_ALIGN_LEFT, 0, 1);

    ca_text_layout_get_extents (left, &left_ink, NULL);
  }
  g_assert_cmpfloat_with_epsilon (ink.x - left_ink.x, (200 - line_width ("ab cdefgh")) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (logical.x, (200 - line_width ("ab cdefgh")) / 2, 1e-9);
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* On paper a label's halo is one filled outline of straight segments (a
 * glyph outline's curves cost six numbers each, and stroking them wrote
 * every glyph of every label); the glyphs themselves keep their curves. */
#define HALO_STYLE "fill-rule:evenodd;fill:rgb(100%,100%,100%);fill-opacity:0.92;"

static void
test_vector_halo (void)
{
  const CaRgb black = { 0, 0, 0 };
  g_autoptr (GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_to_string, svg, 200, 50);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CaTextLayout) layout = ca_render_layout_new_full (NULL, "Шалкар", 12, FALSE, 0,
                                                               CA_TEXT_ALIGN_LEFT, 0);
  const char *halo, *d, *end;
  g_autofree char *halo_path = NULL;

  ca_render_show_layout (cr, layout, 10, 10, &black, 2.0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_null (strstr (svg->str, "stroke-width:2;"));
  halo = strstr (svg->str, HALO_STYLE);
  g_assert_nonnull (halo);
  g_assert_null (strstr (halo + strlen (HALO_STYLE), HALO_STYLE));
  d = strstr (halo, "d=\"");
  g_assert_nonnull (d);
  end = strchr (d + 3, '"');
  halo_path = g_strndup (d + 3, (gsize) (end - d - 3));
  g_assert_nonnull (strchr (halo_path, 'L'));
  g_assert_null (strchr (halo_path, 'C'));
  /* The glyphs, defined once each, are still curves. */
  g_assert_nonnull (strstr (svg->str, "<symbol"));
  g_assert_nonnull (strstr (strstr (svg->str, "<symbol"), " C "));
}

static guint
count_occurrences (const char *haystack,
                   gsize       length,
                   const char *needle)
{
  gsize needle_length = strlen (needle);
  guint n = 0;

  /* The PDF's streams hold NUL bytes: no string functions. */
  for (gsize i = 0; i + needle_length <= length; i++)
    n += memcmp (haystack + i, needle, needle_length) == 0;
  return n;
}

/* Three labels over a dark fill at 1 pt = 1 px: into @path as a PDF, or
 * into an image surface when @path is NULL. */
static cairo_surface_t *
draw_labels_with_halos (const char *path)
{
  const CaRgb black = { 0, 0, 0 };
  cairo_surface_t *surface = path != NULL ? cairo_pdf_surface_create (path, 120, 60)
                                          : cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 60);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CaTextLayout) layout = ca_render_layout_new_full (NULL, "Шалкар", 12, FALSE, 0,
                                                               CA_TEXT_ALIGN_LEFT, 0);

  cairo_set_source_rgb (cr, 0.13, 0.40, 0.67);
  cairo_paint (cr);
  for (int i = 0; i < 3; i++)
    ca_render_show_layout (cr, layout, 8 + 20 * i, 4 + 17 * i, &black, 2.4);
  cairo_destroy (cr);
  if (path == NULL)
    return surface;
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return NULL;
}

/* A PDF writes each label's halo as one traced outline, without forms or
 * groups; rasterised, it shows what the raster's halo shows. */
static void
test_pdf_halo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ca-test-halo-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "halo.pdf", NULL);
  g_autofree char *stem = g_build_filename (dir, "halo", NULL);
  g_autofree char *png = g_build_filename (dir, "halo.png", NULL);
  g_autofree char *contents = NULL;
  const char *argv[] = { "/usr/bin/pdftoppm", "-r", "72", "-png", "-singlefile", pdf, stem, NULL };
  cairo_surface_t *expected, *got;
  int status, differing = 0;
  gsize length;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }
  draw_labels_with_halos (pdf);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (count_occurrences (contents, length, "/Subtype /Form"), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  expected = draw_labels_with_halos (NULL);
  got = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (got), ==, 120);
  cairo_surface_flush (expected);
  for (int y = 0; y < 60; y++)
    for (int x = 0; x < 120; x++)
      {
        guint32 a = ((guint32 *) (cairo_image_surface_get_data (expected) +
                                  y * cairo_image_surface_get_stride (expected)))[x];
        guint32 b = ((guint32 *) (cairo_image_surface_get_data (got) +
                                  y * cairo_image_surface_get_stride (got)))[x];

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 96)
            {
              differing++;
              break;
            }
      }
  /* Antialiasing differs between poppler and cairo along edges only. */
  g_assert_cmpint (differing, <, 120 * 60 / 50);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (got);
  remove_tree (dir);
}

/* A label with its halo on a dark ground at 150 dpi, through
 * ca_render_show_layout or, when @stroke, by stroking the outlines. */
static cairo_surface_t *
draw_raster_label (gboolean stroke)
{
  const CaRgb black = { 0, 0, 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 260, 70);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CaTextLayout) layout = NULL;

  cairo_set_source_rgb (cr, 0.13, 0.40, 0.67);
  cairo_paint (cr);
  cairo_scale (cr, 150.0 / 72, 150.0 / 72);
  layout = ca_render_layout_new_full (NULL, "Хромтауский", 14, FALSE, 0, CA_TEXT_ALIGN_LEFT, 0);
  if (stroke)
    {
      cairo_save (cr);
      ca_render_layout_place (cr, layout, 6.3, 6.7);
      ca_text_layout_path (layout, cr);
      cairo_restore (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
      cairo_set_line_width (cr, 2.4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      cairo_stroke (cr);
      ca_render_show_layout (cr, layout, 6.3, 6.7, &black, 0);
    }
  else
    ca_render_show_layout (cr, layout, 6.3, 6.7, &black, 2.4);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* On a raster the halo is the glyphs' mask widened rather than their
 * outlines stroked: the same band, to within the antialiased rim. */
static void
test_raster_halo (void)
{
  cairo_surface_t *widened = draw_raster_label (FALSE), *stroked = draw_raster_label (TRUE);
  int stride = cairo_image_surface_get_stride (widened), bright_widened = 0, bright_stroked = 0;
  int differing = 0;

  for (int y = 0; y < 70; y++)
    for (int x = 0; x < 260; x++)
      {
        guint32 a = ((guint32 *) (cairo_image_surface_get_data (widened) + y * stride))[x];
        guint32 b = ((guint32 *) (cairo_image_surface_get_data (stroked) + y * stride))[x];

        bright_widened += (a & 0xff) > 200;
        bright_stroked += (b & 0xff) > 200;
        differing += ABS ((int) (a & 0xff) - (int) (b & 0xff)) > 96;
      }
  /* The ground's blue is 171: only the halo is brighter than 200. */
  g_assert_cmpint (bright_stroked, >, 1000);
  g_assert_cmpint (ABS (bright_widened - bright_stroked), <, bright_stroked / 10);
  g_assert_cmpint (differing, <, bright_stroked / 10);
  cairo_surface_destroy (widened);
  cairo_surface_destroy (stroked);
}

FIXTURE_TEST (test_favourability_colours)
{
  static const char *const favourable[] = { "AKT", "MUG", "KHR" };
  static const char *const less[] = { "ALG", "MAR", "TEM" };
  static const char *const unfavourable[] = { "BAY", "SHA", "KAR", "KHO", "AIT", "UIL", "IRG" };
  Render r = { 0 };

  render_default (f, CA_FIGURE_FAVOURABILITY, &r);
  for (guint i = 0; i < G_N_ELEMENTS (favourable); i++)
    g_assert_cmphex (unit_colour (f, &r, favourable[i]), ==, 0x31a354);
  for (guint i = 0; i < G_N_ELEMENTS (less); i++)
    g_assert_cmphex (unit_colour (f, &r, less[i]), ==, 0xaddd8e);
  for (guint i = 0; i < G_N_ELEMENTS (unfavourable); i++)
    g_assert_cmphex (unit_colour (f, &r, unfavourable[i]), ==, 0xf7fcb9);
  render_clear (&r);
}

typedef struct
{
  const char *code;
  guint32     colour;
} Expect;

static void
assert_unit_colours (Fixture      *f,
                     const char   *id,
                     const Expect *expect,
                     guint         n)
{
  Render r = { 0 };

  render_default (f, id, &r);
  for (guint i = 0; i < n; i++)
    {
      guint32 got = unit_colour (f, &r, expect[i].code);
      if (got != expect[i].colour)
        g_error ("%s: %s is #%06x, expected #%06x", id, expect[i].code, got, expect[i].colour);
    }
  render_clear (&r);
}

/* Manual breaks −1, 0.5, 1.8; the region's level 1 falls inside the third
 * class: two classes below it, a neutral one, one above → RdYlBu 5 without
 * its darkest blue. */
FIXTURE_TEST (test_infrastructure_colours)
{
  static const Expect expect[] = {
    { "IRG", 0xd7191c }, { "BAY", 0xd7191c }, { "UIL", 0xd7191c },
    { "TEM", 0xfdae61 }, { "SHA", 0xfdae61 }, { "KHO", 0xfdae61 }, { "AIT", 0xfdae61 },
    { "KAR", 0xffffbf }, { "ALG", 0xffffbf }, { "KHR", 0xffffbf }, { "MAR", 0xffffbf },
    { "MUG", 0xabd9e9 }, { "AKT", 0xabd9e9 },
  };

  assert_unit_colours (f, CA_FIGURE_INFRASTRUCTURE, expect, G_N_ELEMENTS (expect));
}

/* Jenks, 4 classes over Table 1's industrial index: {20.9 … 347.7},
 * {2767.8, 4742.4}, {6779.9}, {8809.8, 8960.6} → YlOrBr 4. */
FIXTURE_TEST (test_industry_colours)
{
  static const Expect expect[] = {
    { "IRG", 0xffffd4 }, { "AIT", 0xffffd4 }, { "KHO", 0xffffd4 }, { "UIL", 0xffffd4 },
    { "KAR", 0xffffd4 }, { "MAR", 0xffffd4 }, { "SHA", 0xffffd4 }, { "ALG", 0xffffd4 },
    { "BAY", 0xfed98e }, { "TEM", 0xfed98e },
    { "MUG", 0xfe9929 },
    { "AKT", 0xcc4c02 }, { "KHR", 0xcc4c02 },
  };

  assert_unit_colours (f, CA_FIGURE_INDUSTRY, expect, G_N_ELEMENTS (expect));
}

/* Manual breaks −3, −2, 0; the region's level 1 lies in the top class
 * (0, 1.3], which then starts the high side: BrBG 6, first four. */
FIXTURE_TEST (test_innovation_colours)
{
  static const Expect expect[] = {
    { "KAR", 0x8c510a }, { "UIL", 0x8c510a }, { "AIT", 0x8c510a }, { "IRG", 0x8c510a },
    { "ALG", 0xd8b365 }, { "KHO", 0xd8b365 }, { "MAR", 0xd8b365 },
    { "BAY", 0xf6e8c3 }, { "TEM", 0xf6e8c3 }, { "KHR", 0xf6e8c3 }, { "SHA", 0xf6e8c3 },
    { "AKT", 0xc7eae5 }, { "MUG", 0xc7eae5 },
  };

  assert_unit_colours (f, CA_FIGURE_INNOVATION, expect, G_N_ELEMENTS (expect));
}

/* Okabe–Ito in cluster order: metallurgy orange, beverages sky blue,
 * construction materials green, oil-gas-chemical purple, agro blue. */
FIXTURE_TEST (test_cluster_colours)
{
  static const Expect expect[] = {
    { "KAR", 0xe69f00 },                                         /* metallurgy only */
    { "MUG", 0xcc79a7 }, { "TEM", 0xcc79a7 }, { "BAY", 0xcc79a7 }, /* oil-gas-chemical */
    { "KHO", 0x0072b2 },                                         /* agro-industrial */
    { "AIT", 0xf2f2f0 }, { "UIL", 0xf2f2f0 }, { "SHA", 0xf2f2f0 }, { "IRG", 0xf2f2f0 },
  };
  Render r = { 0 };
  guint32 alga;

  assert_unit_colours (f, CA_FIGURE_CLUSTERS, expect, G_N_ELEMENTS (expect));
  /* Alga is in three clusters: striped in their colours. */
  render_default (f, CA_FIGURE_CLUSTERS, &r);
  alga = unit_colour (f, &r, "ALG");
  g_assert_true (alga == 0x56b4e9 || alga == 0x009e73 || alga == 0x0072b2);
  render_clear (&r);
}

static void
unit_device_point (Fixture      *f,
                   const Render *r,
                   const char   *code,
                   double       *x,
                   double       *y)
{
  int unit = ca_dataset_find_unit (f->dataset, code);
  CaPoint pole = ca_polygon_label_point (ca_basemap_get_unit_polygon (f->basemap, (guint) unit),
                                         1000, NULL);

  to_device (r, pole.x, pole.y, x, y);
}

/* West is left and north is up: the map is neither mirrored nor flipped. */
FIXTURE_TEST (test_orientation)
{
  Render r = { 0 };
  double bay_x, bay_y, uil_x, uil_y, irg_x, irg_y, akt_x, akt_y, mar_x, mar_y, sha_x, sha_y;

  render_default (f, CA_FIGURE_FAVOURABILITY, &r);
  unit_device_point (f, &r, "BAY", &bay_x, &bay_y);
  unit_device_point (f, &r, "UIL", &uil_x, &uil_y);
  unit_device_point (f, &r, "IRG", &irg_x, &irg_y);
  unit_device_point (f, &r, "AKT", &akt_x, &akt_y);
  unit_device_point (f, &r, "MAR", &mar_x, &mar_y);
  unit_device_point (f, &r, "SHA", &sha_x, &sha_y);
  g_assert_cmpfloat (bay_x, <, irg_x);
  g_assert_cmpfloat (uil_x, <, irg_x);
  g_assert_cmpfloat (akt_y, <, sha_y);
  g_assert_cmpfloat (mar_y, <, bay_y);
  g_assert_cmpfloat (mar_y, <, sha_y);
  /* And the pixels agree: unfavourable Irgiz in the east, favourable
   * Aktobe in the north; a mirrored map would swap their colours. */
  g_assert_cmphex (unit_colour (f, &r, "IRG"), ==, 0xf7fcb9);
  g_assert_cmphex (unit_colour (f, &r, "AKT"), ==, 0x31a354);
  render_clear (&r);
}

static void
assert_labels (Fixture      *f,
               const Render *r,
               const char   *id)
{
  guint n_units = ca_dataset_get_n_units (f->dataset);
  g_autofree gboolean *labelled = g_new0 (gboolean, n_units);

  for (guint i = 0; i < r->boxes->len; i++)
    {
      CaFigureBox *a = &g_array_index (r->boxes, CaFigureBox, i);
      CaRect ra = { a->x, a->y, a->width, a->height };

      if (a->kind != CA_FIGURE_BOX_UNIT_LABEL && a->kind != CA_FIGURE_BOX_PLACE_LABEL)
        continue;
      if (a->kind == CA_FIGURE_BOX_UNIT_LABEL)
        labelled[a->index] = TRUE;
      g_assert_true (ca_rect_contains_rect (&r->frame, &ra));
      for (guint j = 0; j < r->boxes->len; j++)
        {
          CaFigureBox *b = &g_array_index (r->boxes, CaFigureBox, j);
          CaRect rb = { b->x, b->y, b->width, b->height };

          if (i == j || b->kind == CA_FIGURE_BOX_MAP_FRAME)
            continue;
          if (ca_rect_intersects (&ra, &rb))
            g_error ("%s: label box %u (kind %d, index %d) overlaps box %u (kind %d, index %d)", id,
                     i, a->kind, a->index, j, b->kind, b->index);
        }
    }
  for (guint u = 0; u < n_units; u++)
    if (!labelled[u])
      g_error ("%s: unit %s has no label", id, ca_dataset_get_unit (f->dataset, u)->code);
}

/* The three cluster centre towns are named on the clusters map. */
static void
assert_centres_named (Fixture      *f,
                      const Render *r)
{
  static const char *const centres[] = { "Актобе", "Хромтау", "Кандыагаш" };
  CaLayer *settlements = ca_basemap_get_settlements (f->basemap);

  g_assert_nonnull (settlements);
  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      int feature = ca_layer_find_feature (settlements, "name_ru", centres[c]);
      gboolean named = FALSE;

      g_assert_cmpint (feature, >=, 0);
      for (guint b = 0; b < r->boxes->len; b++)
        {
          CaFigureBox *box = &g_array_index (r->boxes, CaFigureBox, b);
          named |= box->kind == CA_FIGURE_BOX_PLACE_LABEL && box->index == feature;
        }
      if (!named)
        g_error ("cluster centre %s has no label", centres[c]);
    }
}

FIXTURE_TEST (test_labels)
{
  const char * const *ids = ca_figure_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Render r = { 0 };
      gboolean akt_leader = FALSE;
      int akt = ca_dataset_find_unit (f->dataset, "AKT");

      if (!ca_figure_is_map (ids[i]))
        continue;
      render_default (f, ids[i], &r);
      assert_labels (f, &r, ids[i]);
      /* The city administration is far too small for its name. */
      for (guint b = 0; b < r.boxes->len; b++)
        {
          CaFigureBox *box = &g_array_index (r.boxes, CaFigureBox, b);
          if (box->kind == CA_FIGURE_BOX_UNIT_LABEL && box->index == akt)
            akt_leader = box->leader;
        }
      g_assert_true (akt_leader);
      if (g_str_equal (ids[i], CA_FIGURE_CLUSTERS))
        assert_centres_named (f, &r);
      render_clear (&r);
    }
}

/* The legend and the furniture never sit on the region. */
FIXTURE_TEST (test_furniture_off_region)
{
  Render r = { 0 };

  render_default (f, CA_FIGURE_CLUSTERS, &r);
  for (guint i = 0; i < r.boxes->len; i++)
    {
      CaFigureBox *box = &g_array_index (r.boxes, CaFigureBox, i);
      CaRect rect = { box->x, box->y, box->width, box->height };

      if (box->kind == CA_FIGURE_BOX_LEGEND || box->kind == CA_FIGURE_BOX_TITLE ||
          box->kind == CA_FIGURE_BOX_SOURCE)
        g_assert_false (ca_rect_intersects (&rect, &r.frame));
      if (box->kind == CA_FIGURE_BOX_FURNITURE)
        {
          g_assert_true (ca_rect_contains_rect (&r.frame, &rect));
          for (double y = rect.y; y <= rect.y + rect.height; y += 4)
            for (double x = rect.x; x <= rect.x + rect.width; x += 4)
              {
                double mx = r.viewport.center_x + (x - r.frame.x - r.frame.width / 2) * r.viewport.metres_per_unit;
                double my = r.viewport.center_y - (y - r.frame.y - r.frame.height / 2) * r.viewport.metres_per_unit;
                g_assert_cmpint (ca_basemap_hit_test (f->basemap, mx, my), <, 0);
              }
        }
    }
  render_clear (&r);
}

/* A missing value gets the grey "no data" class. */
FIXTURE_TEST (test_no_data)
{
  Render r = { 0 };
  int indicator = ca_dataset_find_indicator (f->dataset, "infrastructure");
  int irg = ca_dataset_find_unit (f->dataset, "IRG");
  GError *error = NULL;

  g_assert_true (ca_dataset_set_value (f->dataset, (guint) irg, (guint) indicator, NAN, &error));
  g_assert_no_error (error);
  render_default (f, CA_FIGURE_INFRASTRUCTURE, &r);
  /* CA_RGB_NO_DATA grey; the hatching is thinner than the gaps. */
  g_assert_cmphex (unit_colour (f, &r, "IRG"), ==, 0xc8c8c8);
  render_clear (&r);
}

/* Hiding every cluster leaves every unit in the light "no cluster" fill. */
FIXTURE_TEST (test_hidden_clusters)
{
  Render r = { 0 };
  CaFigureOptions options;
  g_autoptr (GPtrArray) hidden = g_ptr_array_new ();

  for (guint k = 0; k < ca_dataset_get_n_clusters (f->dataset); k++)
    g_ptr_array_add (hidden, ca_dataset_get_cluster (f->dataset, k)->id);
  g_ptr_array_add (hidden, NULL);
  ca_figure_options_init (&options);
  options.hidden_clusters = (const char * const *) hidden->pdata;
  render_figure (f, CA_FIGURE_CLUSTERS, &options, &r);
  g_assert_cmphex (unit_colour (f, &r, "KAR"), ==, 0xf2f2f0);
  g_assert_cmphex (unit_colour (f, &r, "MUG"), ==, 0xf2f2f0);
  render_clear (&r);
}

/* A given viewport is used as is and comes back unchanged. */
FIXTURE_TEST (test_viewport)
{
  Render r = { 0 };
  CaFigureOptions options;
  CaViewport zoom;
  CaPoint pole;
  int akt = ca_dataset_find_unit (f->dataset, "AKT");

  pole = ca_polygon_label_point (ca_basemap_get_unit_polygon (f->basemap, (guint) akt), 1000, NULL);
  zoom = (CaViewport) { pole.x, pole.y, 150 };
  ca_figure_options_init (&options);
  options.viewport = &zoom;
  options.furniture = FALSE;
  render_figure (f, CA_FIGURE_FAVOURABILITY, &options, &r);
  g_assert_cmpfloat (r.viewport.center_x, ==, zoom.center_x);
  g_assert_cmpfloat (r.viewport.metres_per_unit, ==, 150);
  g_assert_cmpfloat (r.frame.width, ==, WIDTH);
  /* At 150 m per pixel Aktobe fills the middle of the window. */
  g_assert_cmphex (unit_colour (f, &r, "AKT"), ==, 0x31a354);
  render_clear (&r);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The text of a PDF figure is text (fonts with a Unicode map), not outlines. */
FIXTURE_TEST (test_pdf_text)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 842, 595);
  cairo_t *cr = cairo_create (surface);
  CaFigureOptions options;
  GError *error = NULL;

  ca_figure_options_init (&options);
  g_assert_true (ca_figure_draw (CA_FIGURE_CLUSTERS, f->analysis, f->basemap, &options, cr, 842,
                                 595, NULL, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_nonnull (memmem (bytes->data, bytes->len, "/Type /Font", strlen ("/Type /Font")));
  g_assert_nonnull (memmem (bytes->data, bytes->len, "/ToUnicode", strlen ("/ToUnicode")));
}

/* Paths of @svg stroked in @stroke (an SVG colour as cairo writes it):
 * those also filled go to @filled, the rest to @lines. */
static void
count_stroked_paths (const char *svg,
                     const char *stroke,
                     guint      *filled,
                     guint      *lines)
{
  g_autofree char *wanted = g_strdup_printf ("stroke:%s;", stroke);

  *filled = *lines = 0;
  for (const char *p = strstr (svg, "<path style=\""); p != NULL; p = strstr (p + 1, "<path style=\""))
    {
      const char *end = strchr (p + 13, '"');
      g_autofree char *style = g_strndup (p + 13, (gsize) (end - p - 13));

      if (strstr (style, wanted) == NULL)
        continue;
      if (strstr (style, "fill:none;") != NULL)
        (*lines)++;
      else
        (*filled)++;
    }
}

/* On paper each plainly filled unit is filled and outlined in one path,
 * so no border is written twice; the legend's sample line stays a line. */
FIXTURE_TEST (test_vector_borders)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const CaRgb border = CA_RGB_UNIT_BORDER;
  g_autofree char *colour = g_strdup_printf ("rgb(%f%%,%f%%,%f%%)", border.r * 100,
                                             border.g * 100, border.b * 100);
  CaFigureOptions options;
  GError *error = NULL;
  guint filled, lines;

  ca_figure_options_init (&options);
  g_assert_true (ca_figure_draw (CA_FIGURE_INFRASTRUCTURE, f->analysis, f->basemap, &options, cr,
                                 595, 842, NULL, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  count_stroked_paths ((const char *) bytes->data, colour, &filled, &lines);
  g_assert_cmpuint (filled, ==, ca_dataset_get_n_units (f->dataset));
  g_assert_cmpuint (lines, ==, 1);
}

/* Pixels differing by more than 24 in some channel, as a share of all. */

/* Settlements named as a project names its centres: a name matched whole
 * wins over one found as a word inside another; between equals, the
 * bigger place; case and the language of the name do not matter. */
static void
test_place_index (void)
{
  static const char *const fields[] = { "name_ru", "name_en", "place", "population", NULL };
  static const char *const places[][4] = {
    { "Алга", "Alga", "town", "20000" },                     /* 0 */
    { "Алгабас", "Algabas", "village", "900" },              /* 1 */
    { "село Темирбека Жургенова", "", "village", "3000" },   /* 2 */
    { "Кобда", "Kobda", "village", "8000" },                 /* 3 */
    { "Кобда", "Kobda", "village", "9000" },                 /* 4 */
    { "станция Кобда", "", "village", "500" },               /* 5 */
    { "Темирбека Жургенова", "", "village", "100" },         /* 6 */
  };
  g_autoptr (CaLayer) layer = ca_layer_new ("places", CA_LAYER_POINTS, fields);
  g_autoptr (CaPlaceIndex) index = NULL;
  struct { const char *ru, *en; int expected; } lookups[] = {
    { "АЛГА", NULL, 0 },                 /* whole, not inside "Алгабас" */
    { NULL, "kobda", 4 },                /* the bigger of two namesakes */
    { "Кобда", NULL, 4 },                /* whole beats "станция Кобда" */
    { "Темирбека Жургенова", NULL, 6 },  /* whole beats the bigger "село …" */
    { "Жургенова", NULL, 2 },            /* a word inside: the bigger */
    { "Табас", NULL, -1 },               /* not a whole word of "Алгабас" */
    { "Нигде", "Nowhere", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      const char *values[] = { places[i][0], places[i][1], places[i][2], places[i][3], NULL };

      ca_layer_add_feature (layer, NULL, (CaPoint) { i, 0 }, g_strdupv ((char **) values));
    }
  index = ca_place_index_new (layer);
  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      CaText name = { (char *) lookups[i].ru, NULL, (char *) lookups[i].en };

      g_assert_cmpint (ca_place_index_find (index, &name), ==, lookups[i].expected);
      /* Looked up again, from what the first lookup kept. */
      g_assert_cmpint (ca_place_index_find (index, &name), ==, lookups[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/furniture/scale-bar-length", test_scale_bar_length);
  g_test_add_func ("/render/text/figure-language", test_figure_language);
  g_test_add_func ("/render/text/figure-font", test_figure_font);
  g_test_add_func ("/render/text/font-fallback", test_font_fallback);
  g_test_add_func ("/render/text/one-size", test_one_size);
  g_test_add_func ("/render/text/layout", test_text_layout);
  g_test_add_func ("/render/text/vector-halo", test_vector_halo);
  g_test_add_func ("/render/text/pdf-halo", test_pdf_halo);
  g_test_add_func ("/render/text/raster-halo", test_raster_halo);
  g_test_add_func ("/render/figure/favourability-colours", test_favourability_colours);
  g_test_add_func ("/render/figure/infrastructure-colours", test_infrastructure_colours);
  g_test_add_func ("/render/figure/industry-colours", test_industry_colours);
  g_test_add_func ("/render/figure/innovation-colours", test_innovation_colours);
  g_test_add_func ("/render/figure/cluster-colours", test_cluster_colours);
  g_test_add_func ("/render/figure/orientation", test_orientation);
  g_test_add_func ("/render/figure/labels", test_labels);
  g_test_add_func ("/render/figure/furniture-off-region", test_furniture_off_region);
  g_test_add_func ("/render/figure/no-data", test_no_data);
  g_test_add_func ("/render/figure/hidden-clusters", test_hidden_clusters);
  g_test_add_func ("/render/figure/viewport", test_viewport);
  g_test_add_func ("/render/figure/pdf-text", test_pdf_text);
  g_test_add_func ("/render/figure/vector-borders", test_vector_borders);
  g_test_add_func ("/render/places/index", test_place_index);
  return g_test_run ();
}
