/* ca-application.h — the GtkApplication: app actions, accelerators, windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CA_TYPE_APPLICATION (ca_application_get_type ())
G_DECLARE_FINAL_TYPE (CaApplication, ca_application, CA, APPLICATION, GtkApplication)

CaApplication *ca_application_new (void);

/* Runs the window application on @argv (GApplication options, project
 * files to open); returns the exit status. */
int            ca_application_run (int    argc,
                                   char **argv);

G_END_DECLS
