/* ca-cli-memory.c — a command's heap on transparent huge pages.
 *
 * A command lives for a tenth of a second and touches some 15 MiB of heap.
 * Where the first touch of a 4 KiB page is dear (on a virtual machine it
 * was ~11 µs: 2 200 faults, a quarter of an export's CPU time), backing the
 * heap with 2 MiB pages turns 512 faults into one. So the heap is grown
 * once by HEAP_RESERVE (address space only: nothing is touched) and that
 * range is marked MADV_HUGEPAGE. All threads allocate from it (one arena:
 * other arenas would be mappings of their own), and blocks up to
 * KEEP_IN_HEAP stay in it rather than in mmaps of their own. Where any of
 * this is unavailable the heap simply stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "ca-cli.h"

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
#define HUGE_PAGE    ((uintptr_t) 2 << 20)
#define HEAP_RESERVE (64 << 20)
#define KEEP_IN_HEAP (32 << 20) /* glibc's largest mmap threshold */
/* glibc's chunk header: a request of n bytes takes n + CHUNK_HEADER,
 * rounded up to 16, and the block starts CHUNK_OVERHEAD after the chunk. */
#define CHUNK_HEADER   8
#define CHUNK_OVERHEAD 16

static uintptr_t
align_up (uintptr_t address)
{
  return (address + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

/* Takes the heap's top, starting at @top, up to @boundary with a block
 * that is never touched nor freed, so that what is allocated next starts
 * where huge pages begin. */
static void
skip_to (uintptr_t top,
         uintptr_t boundary)
{
  void *skip = malloc (boundary - top - CHUNK_HEADER);

  /* Served from somewhere else than the top: no use, give it back. */
  if (skip != NULL && (uintptr_t) skip - CHUNK_OVERHEAD != top)
    free (skip);
}

gboolean
ca_cli_memory_use_huge_pages (void)
{
  if (mallopt (M_ARENA_MAX, 1) == 0 || mallopt (M_MMAP_THRESHOLD, KEEP_IN_HEAP) == 0 ||
      mallopt (M_TRIM_THRESHOLD, 2 * HEAP_RESERVE) == 0 || mallopt (M_TOP_PAD, HEAP_RESERVE) == 0)
    return FALSE;

  /* A block larger than the top grows the heap by itself and the reserve;
   * freed at once, it rejoins the top. volatile: else the pair is elided. */
  size_t request = mallinfo2 ().keepcost + 4096;
  void *volatile grow = malloc (request);
  free (grow);

  uintptr_t end = (uintptr_t) sbrk (0);
  size_t top_size = mallinfo2 ().keepcost;
  if (top_size == 0 || top_size > end)
    return FALSE;
  uintptr_t top = end - top_size;
  /* Splitting the top wrote a header just past the block: a 2 MiB range
   * touched before madvise() would stay in small pages, so huge pages
   * start beyond that page. */
  uintptr_t first = align_up (top + request + 2 * 4096);
  if (first + HUGE_PAGE > end || madvise ((void *) first, end - first, MADV_HUGEPAGE) != 0)
    return FALSE;
  skip_to (top, first);
  return TRUE;
}
#else
gboolean
ca_cli_memory_use_huge_pages (void)
{
  return FALSE;
}
#endif
