/* test-cli-memory.c — a command's heap (src/cli/ca-cli-memory.c): once
 * set up, a large block comes from the heap, not from a mapping of its
 * own, and where the kernel offers transparent huge pages, touching it
 * faults in 2 MiB pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ca-cli.h"

#define BLOCK_BYTES (8 << 20)

static gboolean
huge_pages_offered (void)
{
  g_autofree char *setting = NULL;

  if (!g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/enabled", &setting, NULL, NULL))
    return FALSE;
  return strstr (setting, "[always]") != NULL || strstr (setting, "[madvise]") != NULL;
}

/* Whether [@start, @end) lies inside one of the heap's mappings. */
static gboolean
in_heap (uintptr_t start,
         uintptr_t end)
{
  g_autofree char *maps = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (char **line = lines; *line != NULL; line++)
    {
      guint64 from = 0, to = 0;

      if (strstr (*line, "[heap]") != NULL &&
          sscanf (*line, "%" G_GINT64_MODIFIER "x-%" G_GINT64_MODIFIER "x", &from, &to) == 2 &&
          start >= from && end <= to)
        return TRUE;
    }
  return FALSE;
}

/* How often the kernel had no huge page to give at a fault. */
static guint64
huge_page_fallbacks (void)
{
  g_autofree char *vmstat = NULL;
  const char *line;
  guint64 count = 0;

  if (g_file_get_contents ("/proc/vmstat", &vmstat, NULL, NULL) &&
      (line = strstr (vmstat, "\nthp_fault_fallback ")) != NULL)
    sscanf (line + 1, "thp_fault_fallback %" G_GINT64_MODIFIER "u", &count);
  return count;
}

/* The heap's AnonHugePages, in KiB. */
static guint64
heap_huge_kib (void)
{
  g_autofree char *smaps = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean in_heap_entry = FALSE;
  guint64 total = 0;

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  lines = g_strsplit (smaps, "\n", -1);
  for (char **line = lines; *line != NULL; line++)
    {
      guint64 kib = 0;

      if (g_ascii_isxdigit (**line) && strchr (*line, '-') != NULL)
        in_heap_entry = strstr (*line, "[heap]") != NULL;
      else if (in_heap_entry && sscanf (*line, "AnonHugePages: %" G_GINT64_MODIFIER "u", &kib) == 1)
        total += kib;
    }
  return total;
}

static void
test_huge_heap (void)
{
  gboolean ready = ca_cli_memory_use_huge_pages ();

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  g_assert_true (ready);
#else
  if (!ready)
    {
      g_test_skip ("no glibc heap to set up here");
      return;
    }
#endif
  guint64 fallbacks = huge_page_fallbacks ();
  g_autofree guchar *block = g_malloc (BLOCK_BYTES);
  memset (block, 1, BLOCK_BYTES);
  /* glibc's own threshold would have given 8 MiB a mapping of its own. */
  g_assert_true (in_heap ((uintptr_t) block, (uintptr_t) block + BLOCK_BYTES));
  if (!huge_pages_offered ())
    {
      g_test_skip ("the kernel offers no transparent huge pages");
      return;
    }
  /* 8 MiB anywhere spans three whole 2 MiB pages; one is enough to tell
   * the range was marked, should memory be too fragmented for more. */
  if (heap_huge_kib () == 0 && huge_page_fallbacks () > fallbacks)
    {
      g_test_skip ("the kernel had no free huge page");
      return;
    }
  g_assert_cmpuint (heap_huge_kib (), >=, 2048);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-memory/huge-heap", test_huge_heap);
  return g_test_run ();
}
