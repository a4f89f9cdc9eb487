/* ca-gsk-renderer.c — which GSK renderer the window asks GTK for.
 *
 * GTK 4.8 takes its GL renderer wherever OpenGL works, also when OpenGL
 * is Mesa's software rasteriser (llvmpipe): in a container or a virtual
 * machine without a GPU, or under Xvfb. There the GL renderer shades
 * every pixel of the window on the CPU in every frame, as it cannot tell
 * which part changed: a pan step in the main window costs about 100 ms of
 * CPU time on one core, against 4 ms with the Cairo renderer, which
 * redraws only the map view (tests/bench-window). So without a GPU the
 * window asks for Cairo. A GSK_RENDERER the user set always wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ca-gsk-renderer.h"

/* Mesa's switch to its software rasteriser: "1", "true" or "yes". */
static gboolean
software_gl_requested (void)
{
  const char *value = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  return value != NULL && (g_strcmp0 (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0 ||
                           g_ascii_strcasecmp (value, "yes") == 0);
}

/* Whether a GPU is there to draw with: a DRM device (Mesa's drivers) or
 * NVIDIA's own. Without one, Mesa's OpenGL is llvmpipe. Other systems
 * keep GTK's choice. */
static gboolean
have_gpu (void)
{
#ifdef __linux__
  g_autoptr(GDir) dri = NULL;
  const char *name;

  if (g_file_test ("/dev/nvidia0", G_FILE_TEST_EXISTS))
    return TRUE;
  dri = g_dir_open ("/dev/dri", 0, NULL);
  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;
  return FALSE;
#else
  return TRUE;
#endif
}

gboolean
ca_gsk_renderer_choose (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;
  if (!software_gl_requested () && have_gpu ())
    return FALSE;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return TRUE;
}
