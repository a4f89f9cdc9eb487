/* ca-render-fonts.c — the font maps figures are drawn with.
 *
 * Fontconfig's start-up reads and runs the system's configuration (46 files
 * of rules on Debian 12: 28 M instructions), and every font size a figure
 * asks for runs those rules again (1 M instructions each; a figure uses
 * about twenty sizes) and sorts every installed font against the request
 * (1.5 M instructions with 163 fonts). A figure names its own font
 * (CA_RENDER_FONT_FAMILY) and sets its own rendering options
 * (ca_render_context_new), so the rules change nothing in it, and nearly
 * all of its text is set in that one font.
 *
 * Figures are therefore drawn through two configurations without rules:
 * the figure font's own folder (DejaVu's 22 faces), and, for the rare
 * text that font cannot set (ca_render_layout_new_full checks), every
 * font in the system's folders. Should the folders hold no figure font
 * (fonts kept elsewhere), the system's configuration is used as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

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

/* This thread's font map on @config (Pango font maps are not shared
 * between threads), kept in @per_thread. */
static PangoFontMap *
thread_font_map (GPrivate *per_thread,
                 FcConfig *config)
{
  PangoFontMap *map = g_private_get (per_thread);

  if (map != NULL)
    return map;
  map = pango_cairo_font_map_new ();
  if (PANGO_IS_FC_FONT_MAP (map))
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  g_private_set (per_thread, map);
  return map;
}

PangoFontMap *
ca_render_font_map_get (void)
{
  static GPrivate per_thread = G_PRIVATE_INIT (g_object_unref);
  const Configs *configs = get_configs ();

  if (configs == NULL)
    return pango_cairo_font_map_get_default ();
  return thread_font_map (&per_thread, configs->figure);
}

PangoFontMap *
ca_render_font_map_get_fallback (void)
{
  static GPrivate per_thread = G_PRIVATE_INIT (g_object_unref);
  const Configs *configs = get_configs ();

  if (configs == NULL || configs->fallback == configs->figure)
    return NULL;
  return thread_font_map (&per_thread, configs->fallback);
}
