/* ca-org-diagram.c — Fig. 5 drawn from the layout in ca-org-layout.c:
 * territory panels, participant boxes with their counts, arrows and the
 * legend of line styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-org-diagram.h"
#include "ca-org-layout.h"
#include "ca-render-text.h"

/* Figure text follows the figure's language, which need not be the user
 * interface's, so it comes from tables rather than gettext. */
static const char * const legend_labels[CA_ORG_LEGEND_N][3] = {
  { "участники производственной цепочки", "өндірістік тізбек қатысушылары",
    "production chain participants" },
  { "обеспечивающие организации", "қамтамасыз ететін ұйымдар", "supporting organisations" },
  { "производственная связь", "өндірістік байланыс", "production link" },
  { "обслуживание", "қызмет көрсету", "service link" },
  { "недостающее звено (предстоит создать)", "жетіспейтін буын (құру керек)",
    "missing link, to be created" },
};

/* Pale, distinguishable panel tints (ColorBrewer Pastel1, lightened). */
static const CaRgb panel_tints[] = {
  { 0.871, 0.925, 0.969 },
  { 0.984, 0.918, 0.855 },
  { 0.898, 0.957, 0.886 },
  { 0.949, 0.906, 0.961 },
  { 0.992, 0.973, 0.847 },
  { 0.945, 0.929, 0.914 },
};
static const CaRgb ink = { 0.13, 0.13, 0.13 };
static const CaRgb heading_ink = { 0.25, 0.25, 0.28 };
static const CaRgb count_ink = { 0.30, 0.30, 0.30 };
static const CaRgb service_ink = { 0.35, 0.37, 0.40 };
static const CaRgb missing_ink = { 0.70, 0.16, 0.12 };
static const CaRgb chain_fill = { 1.0, 1.0, 1.0 };
static const CaRgb support_fill = { 0.925, 0.937, 0.953 };
static const CaRgb missing_fill = { 0.996, 0.961, 0.945 };

const char *
ca_org_legend_label (guint  index,
                     CaLang lang)
{
  g_return_val_if_fail (index < CA_ORG_LEGEND_N, "");
  return legend_labels[index][CLAMP ((int) lang, 0, 2)];
}

double
ca_org_legend_sample_width (double font_size)
{
  return 2.8 * font_size;
}

double
ca_org_legend_row_height (double font_size)
{
  return 1.6 * font_size;
}

char *
ca_org_count_text (int    count,
                   CaLang lang)
{
  int mod10 = count % 10, mod100 = count % 100;

  if (count <= 0)
    return NULL;
  switch (lang)
    {
    case CA_LANG_RU:
      if (mod10 == 1 && mod100 != 11)
        return g_strdup_printf ("%d предприятие", count);
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14))
        return g_strdup_printf ("%d предприятия", count);
      return g_strdup_printf ("%d предприятий", count);
    case CA_LANG_KK:
      /* Kazakh nouns stay singular after a numeral. */
      return g_strdup_printf ("%d кәсіпорын", count);
    case CA_LANG_EN:
    default:
      return g_strdup_printf (count == 1 ? "%d enterprise" : "%d enterprises", count);
    }
}

CaTextLayout *
ca_org_text_new (CaTextContext *context,
                 const char    *text,
                 double         rel_size,
                 gboolean       bold,
                 double         width,
                 double         f,
                 CaTextAlign    align)
{
  return ca_render_layout_new_full (context, text, rel_size * CA_ORG_TEXT_REF, bold,
                                    width > 0 ? width * CA_ORG_TEXT_REF / f : -1, align, 0);
}

void
ca_org_text_size (CaTextLayout *text,
                  double        f,
                  double       *width,
                  double       *height)
{
  double w, h;

  ca_render_layout_size (text, &w, &h);
  if (width != NULL)
    *width = w * f / CA_ORG_TEXT_REF;
  if (height != NULL)
    *height = h * f / CA_ORG_TEXT_REF;
}

static void
text_draw (cairo_t      *cr,
           CaTextLayout *text,
           double        f,
           double        x,
           double        y,
           const CaRgb  *colour)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, f / CA_ORG_TEXT_REF, f / CA_ORG_TEXT_REF);
  ca_render_show_layout (cr, text, 0, 0, colour, 0);
  cairo_restore (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_panels (cairo_t           *cr,
             const CaOrgLayout *layout)
{
  double f = layout->font_size;

  for (guint b = 0; b < layout->bands->len; b++)
    {
      const CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);
      const CaRgb *tint = &panel_tints[b % G_N_ELEMENTS (panel_tints)];

      /* Groups without a territory get no panel: nothing to name it by. */
      if (band->heading == NULL)
        continue;
      rounded_rect (cr, band->x, band->y, band->w, band->h, 0.8 * f);
      ca_rgb_set_source (cr, tint);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, tint->r * 0.75, tint->g * 0.75, tint->b * 0.75);
      cairo_set_line_width (cr, 0.06 * f);
      cairo_stroke (cr);
    }
}

/* Headings go on top of the arrows, on a patch of their panel's tint, so
 * an arrow running up a column gap never strikes through a name. */
static void
draw_headings (cairo_t           *cr,
               const CaOrgLayout *layout,
               CaTextContext     *context)
{
  double f = layout->font_size;

  for (guint b = 0; b < layout->bands->len; b++)
    {
      const CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);
      const CaRgb *tint = &panel_tints[b % G_N_ELEMENTS (panel_tints)];
      g_autoptr (CaTextLayout) heading = NULL;
      double x = band->x + CA_ORG_PANEL_PAD_X * f, y = band->y + CA_ORG_PANEL_PAD_Y * f, w, h;

      if (band->heading == NULL)
        continue;
      heading = ca_org_text_new (context, band->heading, CA_ORG_HEADING_SIZE, TRUE,
                                 band->w - 2 * CA_ORG_PANEL_PAD_X * f, f,
                                 CA_TEXT_ALIGN_LEFT);
      ca_org_text_size (heading, f, &w, &h);
      cairo_rectangle (cr, x - 0.2 * f, y, w + 0.4 * f, h);
      ca_rgb_set_source (cr, tint);
      cairo_fill (cr);
      text_draw (cr, heading, f, x, y, &heading_ink);
    }
}

static void
box_path (cairo_t *cr,
          double   x,
          double   y,
          double   w,
          double   h,
          gboolean missing,
          gboolean support,
          double   f)
{
  double dashes[] = { 0.5 * f, 0.3 * f };

  rounded_rect (cr, x, y, w, h, 0.5 * f);
  ca_rgb_set_source (cr, missing ? &missing_fill : support ? &support_fill : &chain_fill);
  cairo_fill_preserve (cr);
  ca_rgb_set_source (cr, missing ? &missing_ink : &ink);
  cairo_set_line_width (cr, 0.09 * f);
  if (missing)
    cairo_set_dash (cr, dashes, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_box (cairo_t         *cr,
          const CaOrgBox  *box,
          const CaOrgNode *node,
          CaTextContext   *context,
          CaLang           lang,
          double           f)
{
  double inner_w = box->w - 2 * CA_ORG_PAD * f;
  g_autoptr (CaTextLayout) label = ca_org_text_new (context, ca_text_get (&node->label, lang), 1,
                                                   FALSE, inner_w, f, CA_TEXT_ALIGN_CENTER);
  g_autoptr (CaTextLayout) count_line = NULL;
  g_autofree char *count = ca_org_count_text (node->count, lang);
  double label_h, count_h, text_h, y;

  box_path (cr, box->x, box->y, box->w, box->h, node->missing, box->support, f);
  ca_org_text_size (label, f, NULL, &label_h);
  text_h = label_h;
  if (count != NULL)
    {
      count_line = ca_org_text_new (context, count, CA_ORG_COUNT_SIZE, FALSE, inner_w, f,
                                    CA_TEXT_ALIGN_CENTER);
      ca_org_text_size (count_line, f, NULL, &count_h);
      text_h += CA_ORG_COUNT_GAP * f + count_h;
    }
  y = box->y + (box->h - text_h) / 2;
  text_draw (cr, label, f, box->x + CA_ORG_PAD * f, y, node->missing ? &missing_ink : &ink);
  if (count_line != NULL)
    text_draw (cr, count_line, f, box->x + CA_ORG_PAD * f, y + label_h + CA_ORG_COUNT_GAP * f,
               &count_ink);
}

static void
set_link_style (cairo_t      *cr,
                CaOrgLinkKind kind,
                double        f)
{
  double dashes[] = { 0.6 * f, 0.35 * f };

  cairo_set_dash (cr, NULL, 0, 0);
  switch (kind)
    {
    case CA_ORG_LINK_SERVICE:
      ca_rgb_set_source (cr, &service_ink);
      cairo_set_line_width (cr, 0.06 * f);
      break;
    case CA_ORG_LINK_MISSING:
      ca_rgb_set_source (cr, &missing_ink);
      cairo_set_line_width (cr, 0.12 * f);
      cairo_set_dash (cr, dashes, 2, 0);
      break;
    case CA_ORG_LINK_PRODUCTION:
    default:
      ca_rgb_set_source (cr, &ink);
      cairo_set_line_width (cr, 0.13 * f);
      break;
    }
}

/* A polyline whose last segment stops short of the end, where a filled
 * arrowhead takes over, so neither dashes nor line caps poke out. */
static void
draw_arrow (cairo_t       *cr,
            const CaPoint *points,
            guint          n,
            CaOrgLinkKind  kind,
            double         f)
{
  double len = ca_org_arrow_length (kind, f);
  double half = (kind == CA_ORG_LINK_SERVICE ? 0.28 : 0.34) * f;
  const CaPoint *a = &points[n - 2], *b = &points[n - 1];
  double dx = b->x - a->x, dy = b->y - a->y, d = hypot (dx, dy);
  double ux, uy, base_x, base_y;

  if (d <= 0)
    return;
  ux = dx / d;
  uy = dy / d;
  len = MIN (len, d);
  base_x = b->x - ux * len;
  base_y = b->y - uy * len;
  set_link_style (cr, kind, f);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i + 1 < n; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_line_to (cr, base_x + ux * 0.05 * f, base_y + uy * 0.05 * f);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, b->x, b->y);
  cairo_line_to (cr, base_x - uy * half, base_y + ux * half);
  cairo_line_to (cr, base_x + uy * half, base_y - ux * half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_legend (cairo_t           *cr,
             const CaOrgLayout *layout,
             CaTextContext     *context)
{
  double f = layout->font_size;
  double sample = ca_org_legend_sample_width (f);
  double row_h = ca_org_legend_row_height (f);

  for (guint i = 0; i < CA_ORG_LEGEND_N; i++)
    {
      double x = layout->legend_pos[2 * i], y = layout->legend_pos[2 * i + 1];
      double mid = y + row_h / 2;
      const char *label = ca_org_legend_label (i, layout->lang);
      g_autoptr (CaTextLayout) text = ca_org_text_new (context, label, CA_ORG_LEGEND_SIZE, FALSE,
                                                       -1, f, CA_TEXT_ALIGN_LEFT);
      double h;

      if (i < 2)
        box_path (cr, x, mid - 0.5 * f, sample, f, FALSE, i == 1, f);
      else
        {
          static const CaOrgLinkKind kinds[] = {
            CA_ORG_LINK_PRODUCTION, CA_ORG_LINK_SERVICE, CA_ORG_LINK_MISSING
          };
          CaPoint line[2] = { { x, mid }, { x + sample, mid } };

          draw_arrow (cr, line, 2, kinds[i - 2], f);
        }
      ca_org_text_size (text, f, NULL, &h);
      text_draw (cr, text, f, x + sample + 0.5 * f, mid - h / 2, &ink);
    }
}

void
ca_org_diagram_draw (const CaOrgGraph *graph,
                     CaDataset        *dataset,
                     CaLang            lang,
                     cairo_t          *cr,
                     double            x,
                     double            y,
                     double            width,
                     double            height)
{
  g_autoptr (CaOrgLayout) layout = NULL;
  CaTextContext *context;

  g_return_if_fail (cr != NULL);
  if (graph == NULL || graph->nodes->len == 0 || width <= 0 || height <= 0)
    return;

  layout = ca_org_layout_new (graph, dataset, lang, cr, x, y, width, height);
  context = ca_text_context_new ();
  cairo_save (cr);
  draw_panels (cr, layout);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);

      if (edge->points->len >= 2)
        draw_arrow (cr, (const CaPoint *) edge->points->data, edge->points->len, edge->kind,
                    layout->font_size);
    }
  for (guint v = 0; v < layout->n_boxes; v++)
    draw_box (cr, &layout->boxes[v], &g_array_index (graph->nodes, CaOrgNode, v), context, lang,
              layout->font_size);
  draw_headings (cr, layout, context);
  draw_legend (cr, layout, context);
  cairo_restore (cr);
  g_object_unref (context);
}

void
ca_org_diagram_layout (const CaOrgGraph *graph,
                       CaDataset        *dataset,
                       CaLang            lang,
                       cairo_t          *cr,
                       double            x,
                       double            y,
                       double            width,
                       double            height,
                       double           *rects)
{
  g_autoptr (CaOrgLayout) layout = NULL;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (rects != NULL);

  layout = ca_org_layout_new (graph, dataset, lang, cr, x, y, width, height);
  for (guint v = 0; v < layout->n_boxes; v++)
    {
      rects[4 * v] = layout->boxes[v].x;
      rects[4 * v + 1] = layout->boxes[v].y;
      rects[4 * v + 2] = layout->boxes[v].w;
      rects[4 * v + 3] = layout->boxes[v].h;
    }
}

guint
ca_org_diagram_layout_panels (const CaOrgGraph *graph,
                              CaDataset        *dataset,
                              CaLang            lang,
                              cairo_t          *cr,
                              double            x,
                              double            y,
                              double            width,
                              double            height,
                              double          **rects,
                              char           ***territories)
{
  g_autoptr (CaOrgLayout) layout = NULL;
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  layout = ca_org_layout_new (graph, dataset, lang, cr, x, y, width, height);
  for (guint b = 0; b < layout->bands->len; b++)
    {
      const CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);
      double rect[4] = { band->x, band->y, band->w, band->h };

      if (band->territory == NULL)
        continue;
      g_ptr_array_add (codes, g_strdup (band->territory));
      g_array_append_vals (boxes, rect, 4);
    }
  if (rects != NULL)
    {
      *rects = g_new0 (double, MAX (boxes->len, 1));
      if (boxes->len > 0)
        memcpy (*rects, boxes->data, boxes->len * sizeof (double));
    }
  if (territories != NULL)
    {
      g_ptr_array_add (codes, NULL);
      *territories = (char **) g_ptr_array_steal (codes, NULL);
      return g_strv_length (*territories);
    }
  return codes->len;
}
