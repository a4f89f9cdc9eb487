/* ca-render-fonts.c — the font map figures are drawn with.
 *
 * Fontconfig's start-up reads and runs the system's configuration (46 files
 * of rules on Debian 12: 28 M instructions), and every font size a figure
 * asks for runs those rules again (1 M instructions each; a figure uses
 * about twenty sizes). A figure names its own font (CA_RENDER_FONT_FAMILY)
 * and sets its own rendering options (ca_render_context_new), so the rules
 * change nothing in it: what it needs of fontconfig are the fonts. Figures
 * are therefore drawn through a configuration that lists the system's font
 * folders and caches and nothing else. A character the figure's font lacks
 * still comes from any installed font that has it. Should that
 * configuration find no figure font (fonts kept elsewhere than the usual
 * folders), the system's configuration is used as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "ca-render-fonts.h"
#include "ca-render-text.h"

/* The folders and caches of fontconfig's own default configuration. */
static const char fonts_conf[] =
  "<?xml version=\"1.0\"?>\n"
  "<fontconfig>\n"
  "  <dir>/usr/share/fonts</dir>\n"
  "  <dir>/usr/local/share/fonts</dir>\n"
  "  <dir prefix=\"xdg\">fonts</dir>\n"
  "  <dir>~/.fonts</dir>\n"
  "  <cachedir>/var/cache/fontconfig</cachedir>\n"
  "  <cachedir prefix=\"xdg\">fontconfig</cachedir>\n"
  "  <cachedir>~/.fontconfig</cachedir>\n"
  "</fontconfig>\n";

static gboolean
has_family (FcConfig   *config,
            const char *family)
{
  FcPattern *pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, family, NULL);
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts = FcFontList (config, pattern, objects);
  gboolean found = fonts != NULL && fonts->nfont > 0;

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

/* The fonts-only configuration, or NULL to use the system's. */
static gpointer
load_config (gpointer data)
{
  FcConfig *config = FcConfigCreate ();

  if (config == NULL)
    return NULL;
  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) fonts_conf, FcFalse) ||
      !FcConfigBuildFonts (config) || !has_family (config, CA_RENDER_FONT_FAMILY))
    {
      FcConfigDestroy (config);
      return NULL;
    }
  return config;
}

static FcConfig *
figure_config (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_config, NULL);
}

void
ca_render_fonts_make_current (void)
{
  FcConfig *config = figure_config ();

  if (config != NULL)
    FcConfigSetCurrent (config);
}

PangoFontMap *
ca_render_font_map_get (void)
{
  static GPrivate per_thread = G_PRIVATE_INIT (g_object_unref);
  PangoFontMap *map = g_private_get (&per_thread);
  FcConfig *config;

  if (map != NULL)
    return map;
  config = figure_config ();
  if (config == NULL)
    return pango_cairo_font_map_get_default ();
  map = pango_cairo_font_map_new ();
  if (PANGO_IS_FC_FONT_MAP (map))
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  g_private_set (&per_thread, map);
  return map;
}
