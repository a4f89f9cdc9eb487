/* ca-application.c — the GtkApplication: windows, app.* actions and the
 * keyboard accelerators of every action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ca-application.h"
#include "ca-panel-util.h"
#include "ca-window.h"

#define RESOURCE_PATH "/org/clusteratlas/ClusterAtlas"

struct _CaApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CaApplication, ca_application, GTK_TYPE_APPLICATION)

static CaWindow *
new_window (CaApplication *self)
{
  return ca_window_new (GTK_APPLICATION (self));
}

static void
ca_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (new_window (CA_APPLICATION (application)));
  gtk_window_present (window);
}

static void
ca_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      CaWindow *window = new_window (CA_APPLICATION (application));

      gtk_window_present (GTK_WINDOW (window));
      if (!ca_window_open_project (window, files[i], &error))
        {
          g_autofree char *name = g_file_get_basename (files[i]);
          g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);

          ca_window_show_error (window, primary, error);
        }
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const char *
citation (GtkWindow *window)
{
  CaDataset *dataset;
  const char *text;

  if (!CA_IS_WINDOW (window))
    return NULL;
  dataset = ca_window_get_dataset (CA_WINDOW (window));
  text = ca_text_get (ca_dataset_get_source (dataset), ca_panel_get_lang ());
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *paper = citation (parent);
  const char *developers[] = { _("Cluster Atlas contributors"), NULL };
  g_autofree char *comments = NULL;
  GtkWidget *dialog;

  comments = g_strconcat (_("Territorial industrial clusters of the Aktobe region: favourability "
                            "typology, location quotients and cluster identification, with the "
                            "paper's maps and diagrams."),
                          paper ? "\n\n" : "", paper ? _("Method and data: ") : "",
                          paper ? paper : "", NULL);
  dialog = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                         "transient-for", parent,
                         "modal", TRUE,
                         "program-name", _("Cluster Atlas"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", comments,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "copyright", _("© 2026 Cluster Atlas contributors"),
                         NULL);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Boundary data"),
                                       (const char *[]) {
                                         _("geoBoundaries gbOpen KAZ ADM2 (Runfola et al. 2020, PLoS ONE 15(4): e0231866)"),
                                         _("Settlements: Humanitarian OpenStreetMap Team"),
                                         _("© OpenStreetMap contributors, Open Database License (ODbL) 1.0 https://opendatacommons.org/licenses/odbl/"),
                                         NULL });
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "shortcuts", .activate = shortcuts_action },
};

static void
set_accels (GtkApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-fit", { "<Control>0", NULL } },
  };
  const char * const *ids = ca_figure_get_ids ();

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);

  /* Alt+1 … Alt+6 switch figures in the switcher's order. */
  for (guint i = 0; ids[i] != NULL && i < 9; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.figure::%s", ids[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *list[] = { accel, NULL };

      gtk_application_set_accels_for_action (app, action, list);
    }
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
ca_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (ca_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  set_accels (GTK_APPLICATION (application));
  load_style ();
  gtk_window_set_default_icon_name (APP_ID);
}

static void
ca_application_class_init (CaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = ca_application_startup;
  app_class->activate = ca_application_activate;
  app_class->open = ca_application_open;
}

static void
ca_application_init (CaApplication *self)
{
}

CaApplication *
ca_application_new (void)
{
  return g_object_new (CA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

int
ca_application_run (int    argc,
                    char **argv)
{
  g_autoptr(CaApplication) app = ca_application_new ();

  g_set_application_name (_("Cluster Atlas"));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
