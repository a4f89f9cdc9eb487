/* ca-export-file.c — the exporter's files: written under a temporary
 * name beside the destination, synced, and renamed into place only when
 * complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ca-export.h"
#include "ca-export-file.h"

void
ca_export_file_clear (CaExportFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  file->fd = -1;
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_pointer (&file->tmp_path, g_free);
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->buffer, g_free);
  file->buffered = 0;
}

void
ca_export_set_write_error (GError    **error,
                           const char *path,
                           int         errsv)
{
  g_set_error (error, CA_EXPORT_ERROR, CA_EXPORT_ERROR_WRITE,
               _("Cannot write “%s”: %s"), path, g_strerror (errsv));
}

gboolean
ca_export_file_open (CaExportFile *file,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".XXXXXX", NULL);

  file->path = g_strdup (path);
  file->tmp_path = g_build_filename (dir, name, NULL);
  file->write_errno = 0;
  /* 0666 so that the umask, not this program, decides who may read it. */
  file->fd = g_mkstemp_full (file->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      int errsv = errno;

      g_clear_pointer (&file->tmp_path, g_free);
      g_clear_pointer (&file->path, g_free);
      ca_export_set_write_error (error, path, errsv);
      return FALSE;
    }
  return TRUE;
}

/* write() all of @data, or remember why not. */
static gboolean
write_all (CaExportFile *file,
           const guint8 *data,
           gsize         length)
{
  while (length > 0 && file->write_errno == 0)
    {
      ssize_t n = write (file->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        file->write_errno = n < 0 ? errno : ENOSPC;
      else
        {
          data += n;
          length -= (gsize) n;
        }
    }
  return file->write_errno == 0;
}

static gboolean
flush_buffer (CaExportFile *file)
{
  gsize n = file->buffered;

  file->buffered = 0;
  return write_all (file, file->buffer, n);
}

cairo_status_t
ca_export_file_write (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  CaExportFile *file = closure;
  gboolean ok = TRUE;

  if (file->buffer == NULL)
    file->buffer = g_malloc (CA_EXPORT_FILE_BUFFER);
  if (file->buffered + length > CA_EXPORT_FILE_BUFFER)
    ok = flush_buffer (file);
  if (ok && length >= CA_EXPORT_FILE_BUFFER)
    ok = write_all (file, data, length);
  else if (ok)
    {
      memcpy (file->buffer + file->buffered, data, length);
      file->buffered += length;
    }
  return ok && file->write_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Writes out the buffer, syncs and closes the temporary file; the rename
 * comes later. */
gboolean
ca_export_file_finish (CaExportFile *file,
                       GError      **error)
{
  int fd = file->fd;

  if (file->buffered > 0)
    flush_buffer (file);
  g_clear_pointer (&file->buffer, g_free);
  file->fd = -1;
  if (file->write_errno != 0)
    {
      close (fd);
      ca_export_set_write_error (error, file->path, file->write_errno);
      return FALSE;
    }
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      int errsv = errno;

      close (fd);
      ca_export_set_write_error (error, file->path, errsv);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      ca_export_set_write_error (error, file->path, errno);
      return FALSE;
    }
  return TRUE;
}

gboolean
ca_export_file_write_string (CaExportFile *file,
                             const char   *text,
                             GError      **error)
{
  ca_export_file_write (file, (const unsigned char *) text, (unsigned int) strlen (text));
  return ca_export_file_finish (file, error);
}

/* Moves every finished temporary file into place. If one rename fails, the
 * files already moved are removed again, so all or none appear. */
gboolean
ca_export_files_commit (CaExportFile *files,
                        guint         n_files,
                        GError      **error)
{
  for (guint i = 0; i < n_files; i++)
    if (g_rename (files[i].tmp_path, files[i].path) != 0)
      {
        int errsv = errno;

        for (guint j = 0; j < i; j++)
          g_unlink (files[j].path);
        ca_export_set_write_error (error, files[i].path, errsv);
        return FALSE;
      }
    else
      g_clear_pointer (&files[i].tmp_path, g_free);
  return TRUE;
}
