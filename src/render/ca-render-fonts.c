/* ca-render-fonts.c — the font faces figures are drawn with.
 *
 * Fontconfig's start-up reads and runs the system's configuration (46 files
 * of rules on Debian 12: 28 M instructions), and every font asked for runs
 * those rules again and sorts every installed font against the request. A
 * figure names its own font (CA_RENDER_FONT_FAMILY) and sets its own
 * rendering options (ca_render_fonts_get_options), so the rules change
 * nothing in it, and nearly all of its text is set in that one font.
 *
 * Figures are therefore drawn through two configurations without rules:
 * the figure font's own folder (DejaVu's 22 faces), and, for the rare
 * character that font lacks (a name in Chinese, say), every font in the
 * system's folders. Should the folders hold no figure font (fonts kept
 * elsewhere), the system's configuration is used as before.
 *
 * The faces are the process's, shared by every thread: cairo locks a face
 * while it reads it. A fallback face is found once per character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "ca-render-fonts.h"
#include "ca-render-text.h"

/* fontconfig's own default folders and caches */
#define SYSTEM_DIRS \
  "  <dir>/usr/share/fonts</dir>\n" \
  "  <dir>/usr/local/share/fonts</dir>\n" \
  "  <dir prefix=\"xdg\">fonts</dir>\n" \
  "  <dir>~/.fonts</dir>\n"
#define CACHE_DIRS \
  "  <cachedir>/var/cache/fontconfig</cachedir>\n" \
  "  <cachedir prefix=\"xdg\">fontconfig</cachedir>\n" \
  "  <cachedir>~/.fontconfig</cachedir>\n"

typedef struct
{
  FcConfig *figure;     /* the figure font's folder */
  FcConfig *fallback;   /* every folder; may be @figure itself */
} Configs;

/* The faces found so far, and for which characters fallbacks were looked
 * for. */
typedef struct
{
  GMutex             lock;
  cairo_font_face_t *figure[2];    /* regular, bold */
  GHashTable        *by_file;      /* "file:index" → cairo_font_face_t */
  GHashTable        *fallbacks[2]; /* character → cairo_font_face_t, NULL for none */
} Faces;

/* The first file of @family in @config, or NULL. */
static char *
family_file (FcConfig   *config,
             const char *family)
{
  FcPattern *pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, family, NULL);
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, NULL);
  FcFontSet *fonts = FcFontList (config, pattern, objects);
  FcChar8 *file = NULL;
  char *result = NULL;

  if (fonts != NULL && fonts->nfont > 0 &&
      FcPatternGetString (fonts->fonts[0], FC_FILE, 0, &file) == FcResultMatch)
    result = g_strdup ((const char *) file);
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return result;
}

/* A configuration of @dirs (XML <dir> elements) and the usual caches, or
 * NULL unless it holds the figure font, whose file goes to @figure_file
 * (may be NULL). */
static FcConfig *
config_new (const char  *dirs,
            char       **figure_file)
{
  g_autofree char *xml = g_strconcat ("<?xml version=\"1.0\"?>\n<fontconfig>\n", dirs,
                                      CACHE_DIRS "</fontconfig>\n", NULL);
  g_autofree char *file = NULL;
  FcConfig *config = FcConfigCreate ();

  if (config == NULL)
    return NULL;
  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) xml, FcFalse) ||
      !FcConfigBuildFonts (config) ||
      (file = family_file (config, CA_RENDER_FONT_FAMILY)) == NULL)
    {
      FcConfigDestroy (config);
      return NULL;
    }
  if (figure_file != NULL)
    *figure_file = g_steal_pointer (&file);
  return config;
}

/* NULL to use the system's configuration. */
static gpointer
load_configs (gpointer data)
{
  Configs *configs;
  g_autofree char *file = NULL, *dir = NULL, *escaped = NULL, *dirs = NULL;
  FcConfig *all = config_new (SYSTEM_DIRS, &file);

  if (all == NULL)
    return NULL;
  configs = g_new0 (Configs, 1);
  configs->fallback = all;
  dir = g_path_get_dirname (file);
  escaped = g_markup_escape_text (dir, -1);
  dirs = g_strdup_printf ("  <dir>%s</dir>\n", escaped);
  configs->figure = config_new (dirs, NULL);
  if (configs->figure == NULL)
    configs->figure = all;
  return configs;
}

static const Configs *
get_configs (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_configs, NULL);
}

void
ca_render_fonts_make_current (void)
{
  const Configs *configs = get_configs ();

  if (configs != NULL)
    FcConfigSetCurrent (configs->fallback);
}

static FcConfig *
figure_config (void)
{
  const Configs *configs = get_configs ();

  return configs != NULL ? configs->figure : NULL;
}

static FcConfig *
fallback_config (void)
{
  const Configs *configs = get_configs ();

  return configs != NULL ? configs->fallback : NULL;
}

static gpointer
faces_new (gpointer data)
{
  Faces *faces = g_new0 (Faces, 1);

  (void) data;
  g_mutex_init (&faces->lock);
  faces->by_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cairo_font_face_destroy);
  for (guint bold = 0; bold < 2; bold++)
    faces->fallbacks[bold] = g_hash_table_new (NULL, NULL);
  return faces;
}

/* The process's faces: they live as long as it does. */
static Faces *
get_faces (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, faces_new, NULL);
}

/* The face of @font's file, one per file and index, made from its file
 * and index alone: the rendering options are the figure's own
 * (ca_render_fonts_get_options), never fontconfig's. Called locked. */
static cairo_font_face_t *
face_of (Faces     *faces,
         FcPattern *font)
{
  FcChar8 *file = NULL;
  int index = 0;
  g_autofree char *key = NULL;
  cairo_font_face_t *face;
  FcPattern *pattern;

  if (FcPatternGetString (font, FC_FILE, 0, &file) != FcResultMatch)
    return NULL;
  FcPatternGetInteger (font, FC_INDEX, 0, &index);
  key = g_strdup_printf ("%s:%d", (const char *) file, index);
  face = g_hash_table_lookup (faces->by_file, key);
  if (face != NULL)
    return face;
  pattern = FcPatternBuild (NULL, FC_FILE, FcTypeString, file, FC_INDEX, FcTypeInteger, index,
                            NULL);
  face = cairo_ft_font_face_create_for_pattern (pattern);
  FcPatternDestroy (pattern);
  g_hash_table_insert (faces->by_file, g_steal_pointer (&key), face);
  return face;
}

/* A pattern asking for the figure font, regular or @bold, ready to be
 * matched in @config. */
static FcPattern *
request_new (FcConfig *config,
             gboolean  bold)
{
  FcPattern *pattern = FcPatternBuild (NULL,
                                       FC_FAMILY, FcTypeString, CA_RENDER_FONT_FAMILY,
                                       FC_WEIGHT, FcTypeInteger,
                                       bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
                                       FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
                                       NULL);

  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  return pattern;
}

static cairo_font_face_t *
figure_face (Faces    *faces,
             gboolean  bold)
{
  FcConfig *config = figure_config ();
  FcPattern *request = request_new (config, bold);
  FcResult result = FcResultNoMatch;
  FcPattern *font = FcFontMatch (config, request, &result);
  cairo_font_face_t *face = font != NULL ? face_of (faces, font) : NULL;

  if (font != NULL)
    FcPatternDestroy (font);
  FcPatternDestroy (request);
  if (face == NULL)
    {
      /* No font at all: cairo's own choice still draws something. */
      face = cairo_toy_font_face_create ("sans-serif", CAIRO_FONT_SLANT_NORMAL,
                                         bold ? CAIRO_FONT_WEIGHT_BOLD
                                              : CAIRO_FONT_WEIGHT_NORMAL);
      g_hash_table_insert (faces->by_file, g_strdup (bold ? "toy:bold" : "toy:regular"), face);
    }
  return face;
}

cairo_font_face_t *
ca_render_fonts_get_face (gboolean bold)
{
  Faces *faces = get_faces ();
  cairo_font_face_t *face;

  bold = bold != FALSE;
  g_mutex_lock (&faces->lock);
  if (faces->figure[bold] == NULL)
    faces->figure[bold] = figure_face (faces, bold);
  face = faces->figure[bold];
  g_mutex_unlock (&faces->lock);
  return face;
}

/* The first font of every installed one, in fontconfig's order of
 * likeness to the figure font, that has @c; NULL when none has. */
static cairo_font_face_t *
fallback_face (Faces    *faces,
               gunichar  c,
               gboolean  bold)
{
  FcConfig *config = fallback_config ();
  FcPattern *request = request_new (config, bold);
  FcCharSet *wanted = FcCharSetCreate ();
  FcResult result = FcResultNoMatch;
  FcFontSet *sorted;
  cairo_font_face_t *face = NULL;

  FcCharSetAddChar (wanted, c);
  FcPatternAddCharSet (request, FC_CHARSET, wanted);
  sorted = FcFontSort (config, request, FcFalse, NULL, &result);
  for (int i = 0; sorted != NULL && face == NULL && i < sorted->nfont; i++)
    {
      FcCharSet *has = NULL;

      if (FcPatternGetCharSet (sorted->fonts[i], FC_CHARSET, 0, &has) == FcResultMatch &&
          FcCharSetHasChar (has, c))
        face = face_of (faces, sorted->fonts[i]);
    }
  if (sorted != NULL)
    FcFontSetDestroy (sorted);
  FcCharSetDestroy (wanted);
  FcPatternDestroy (request);
  return face;
}

cairo_font_face_t *
ca_render_fonts_get_fallback (gunichar c,
                              gboolean bold)
{
  Faces *faces = get_faces ();
  cairo_font_face_t *face;
  gpointer found;

  bold = bold != FALSE;
  g_mutex_lock (&faces->lock);
  if (g_hash_table_lookup_extended (faces->fallbacks[bold], GUINT_TO_POINTER (c), NULL, &found))
    face = found;
  else
    {
      face = fallback_face (faces, c, bold);
      g_hash_table_insert (faces->fallbacks[bold], GUINT_TO_POINTER (c), face);
    }
  g_mutex_unlock (&faces->lock);
  return face;
}

static gpointer
options_new (gpointer data)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  (void) data;
  /* Metrics that do not depend on the target (no hinting): a PNG and a
   * PDF of one figure lay out alike, and outlines scale exactly. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  return options;
}

const cairo_font_options_t *
ca_render_fonts_get_options (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, options_new, NULL);
}
