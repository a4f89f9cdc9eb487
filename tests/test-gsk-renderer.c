/* test-gsk-renderer.c — the window's choice of GSK renderer: Cairo when
 * OpenGL could only be software, and a GSK_RENDERER the user set wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "ca-gsk-renderer.h"

static void
test_user_choice_wins (void)
{
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_false (ca_gsk_renderer_choose ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
}

static void
test_software_gl (void)
{
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "true", TRUE);
  g_assert_true (ca_gsk_renderer_choose ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
}

/* Without Mesa's switch the answer is the machine's: Cairo exactly when
 * there is no GPU device to draw with. */
static void
test_gpu_devices (void)
{
  gboolean gpu = g_file_test ("/dev/nvidia0", G_FILE_TEST_EXISTS);
  g_autoptr(GDir) dri = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dri != NULL && (name = g_dir_read_name (dri)) != NULL)
    gpu = gpu || g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card");
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_cmpint (ca_gsk_renderer_choose (), ==, !gpu);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, gpu ? NULL : "cairo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gsk-renderer/user-choice-wins", test_user_choice_wins);
  g_test_add_func ("/gsk-renderer/software-gl", test_software_gl);
  g_test_add_func ("/gsk-renderer/gpu-devices", test_gpu_devices);
  return g_test_run ();
}
