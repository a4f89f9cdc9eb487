/* ca-shapefile-hooks.c — shapelib reading files held in memory.
 *
 * shapelib reads a shape by seeking to it and reading its header and then
 * its body, through stdio: every seek drops the stdio buffer and costs a
 * system call, 1468 of them for the default map's three shapefiles. Each
 * file is read whole instead, as the layer will hold its shapes anyway,
 * and served by memcpy. Read, not mapped: a mapped file
 * that another program truncates meanwhile would crash the reader.
 * shapelib's messages, which it would print, are dropped: the reader
 * reports its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ca-shapefile-private.h"

typedef struct
{
  char  *data;
  gsize  size;
  gsize  offset;
} MemoryFile;

static SAFile
memory_open (const char *filename,
             const char *access)
{
  MemoryFile *file;
  char *data;
  gsize size;

  /* Reading only: the importer never writes shapefiles. */
  if (strchr (access, 'w') != NULL || strchr (access, 'a') != NULL || strchr (access, '+') != NULL)
    return NULL;
  if (!g_file_get_contents (filename, &data, &size, NULL))
    return NULL;
  file = g_new0 (MemoryFile, 1);
  file->data = data;
  file->size = size;
  return (SAFile) file;
}

static SAOffset
memory_read (void     *buffer,
             SAOffset  size,
             SAOffset  count,
             SAFile    handle)
{
  MemoryFile *file = (MemoryFile *) handle;
  gsize left = file->offset < file->size ? file->size - file->offset : 0;
  gsize bytes;

  if (size == 0 || count > G_MAXSIZE / size)
    return 0;
  /* As fread: the bytes there are, though they end inside an item
   * (shapelib reads a .cpg as one item of its buffer's size). */
  bytes = MIN (size * count, left);
  memcpy (buffer, file->data + file->offset, bytes);
  file->offset += bytes;
  return bytes / size;
}

static SAOffset
memory_write (void     *buffer,
              SAOffset  size,
              SAOffset  count,
              SAFile    handle)
{
  return 0;
}

static SAOffset
memory_seek (SAFile   handle,
             SAOffset offset,
             int      whence)
{
  MemoryFile *file = (MemoryFile *) handle;
  gsize base = whence == SEEK_CUR ? file->offset : whence == SEEK_END ? file->size : 0;

  /* As fseek, a position past the end is allowed; reads there get nothing. */
  file->offset = base + offset;
  return 0;
}

static SAOffset
memory_tell (SAFile handle)
{
  return ((MemoryFile *) handle)->offset;
}

static int
memory_flush (SAFile handle)
{
  return 0;
}

static int
memory_close (SAFile handle)
{
  MemoryFile *file = (MemoryFile *) handle;

  g_free (file->data);
  g_free (file);
  return 0;
}

static void
quiet_error (const char *message)
{
}

void
ca_shapefile_setup_hooks (SAHooks *hooks)
{
  SASetupDefaultHooks (hooks);
  hooks->FOpen = memory_open;
  hooks->FRead = memory_read;
  hooks->FWrite = memory_write;
  hooks->FSeek = memory_seek;
  hooks->FTell = memory_tell;
  hooks->FFlush = memory_flush;
  hooks->FClose = memory_close;
  hooks->Error = quiet_error;
}
