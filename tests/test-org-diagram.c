/* test-org-diagram.c — Fig. 5's automatic layout: boxes never overlap and
 * stay in the frame and in their territory's panel, production links run
 * left to right, arrows end on box borders and pass through no box, and
 * all of that still holds after nodes and links are added or removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-org-diagram.h"
#include "ca-org-layout.h"
#include "ca-palette.h"
#include "ca-project.h"

#define EPS 1e-6

typedef struct
{
  double x, y, w, h;
} Frame;

/* Landscape and portrait A4 map areas, and a cramped one. */
static const Frame frames[] = {
  { 14, 60, 814, 500 },
  { 14, 70, 567, 730 },
  { 5, 5, 260, 190 },
};

static CaDataset *
load_default (void)
{
  g_autoptr (GError) error = NULL;
  CaDataset *dataset = ca_project_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (ca_dataset_get_org_graph (dataset));
  return dataset;
}

static cairo_t *
scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static gboolean
rects_overlap (const double *a,
               const double *b)
{
  return a[0] < b[0] + b[2] - EPS && b[0] < a[0] + a[2] - EPS &&
         a[1] < b[1] + b[3] - EPS && b[1] < a[1] + a[3] - EPS;
}

static gboolean
rect_inside (const double *inner,
             double        x,
             double        y,
             double        w,
             double        h)
{
  return inner[0] >= x - EPS && inner[1] >= y - EPS &&
         inner[0] + inner[2] <= x + w + EPS && inner[1] + inner[3] <= y + h + EPS;
}

static gboolean
point_on_border (const CaOrgBox *box,
                 const CaPoint  *p)
{
  gboolean in_x = p->x >= box->x - 1e-3 && p->x <= box->x + box->w + 1e-3;
  gboolean in_y = p->y >= box->y - 1e-3 && p->y <= box->y + box->h + 1e-3;

  return in_x && in_y &&
         (fabs (p->x - box->x) < 1e-3 || fabs (p->x - box->x - box->w) < 1e-3 ||
          fabs (p->y - box->y) < 1e-3 || fabs (p->y - box->y - box->h) < 1e-3);
}

/* Does the segment pass through the inside of @box (shrunk by @inset)? */
static gboolean
segment_enters (const CaPoint  *a,
                const CaPoint  *b,
                const CaOrgBox *box,
                double          inset)
{
  for (guint i = 0; i <= 200; i++)
    {
      double t = i / 200.0;
      double x = a->x + (b->x - a->x) * t, y = a->y + (b->y - a->y) * t;

      if (x > box->x + inset && x < box->x + box->w - inset &&
          y > box->y + inset && y < box->y + box->h - inset)
        return TRUE;
    }
  return FALSE;
}

/* Everything the layout promises, for @graph in @frame. */
static void
check_layout (const CaOrgGraph *graph,
              CaDataset        *dataset,
              const Frame      *frame)
{
  g_autoptr (CaOrgLayout) layout = NULL;
  g_autofree double *rects = g_new0 (double, 4 * graph->nodes->len);
  g_autofree double *panels = NULL;
  g_auto (GStrv) codes = NULL;
  cairo_t *cr = scratch_context ();
  guint n_panels;

  ca_org_diagram_layout (graph, dataset, CA_LANG_RU, cr, frame->x, frame->y, frame->w, frame->h,
                         rects);
  n_panels = ca_org_diagram_layout_panels (graph, dataset, CA_LANG_RU, cr, frame->x, frame->y,
                                           frame->w, frame->h, &panels, &codes);
  g_assert_cmpuint (n_panels, ==, g_strv_length (codes));

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const CaOrgNode *node = &g_array_index (graph->nodes, CaOrgNode, i);
      gboolean found_panel = node->territory == NULL;

      g_assert_cmpfloat (rects[4 * i + 2], >, 0);
      g_assert_cmpfloat (rects[4 * i + 3], >, 0);
      g_assert_true (rect_inside (&rects[4 * i], frame->x, frame->y, frame->w, frame->h));
      for (guint j = i + 1; j < graph->nodes->len; j++)
        g_assert_false (rects_overlap (&rects[4 * i], &rects[4 * j]));
      for (guint p = 0; p < n_panels; p++)
        if (g_strcmp0 (codes[p], node->territory) == 0)
          {
            const double *panel = &panels[4 * p];

            g_assert_true (rect_inside (&rects[4 * i], panel[0], panel[1], panel[2], panel[3]));
            found_panel = TRUE;
          }
        else
          g_assert_false (rects_overlap (&rects[4 * i], &panels[4 * p]));
      g_assert_true (found_panel);
    }
  for (guint p = 0; p < n_panels; p++)
    {
      g_assert_true (rect_inside (&panels[4 * p], frame->x, frame->y, frame->w, frame->h));
      for (guint q = p + 1; q < n_panels; q++)
        g_assert_false (rects_overlap (&panels[4 * p], &panels[4 * q]));
    }

  /* Arrows: from border to border, through no other box, and the legend
   * below every panel, inside the frame. */
  layout = ca_org_layout_new (graph, dataset, CA_LANG_RU, cr, frame->x, frame->y, frame->w,
                              frame->h);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const CaOrgEdge *edge = &g_array_index (layout->edges, CaOrgEdge, e);
      const CaPoint *pts = (const CaPoint *) edge->points->data;
      guint n = edge->points->len;

      g_assert_cmpuint (n, >=, 2);
      g_assert_true (point_on_border (&layout->boxes[edge->from], &pts[0]));
      g_assert_true (point_on_border (&layout->boxes[edge->to], &pts[n - 1]));
      for (guint k = 0; k + 1 < n; k++)
        for (guint v = 0; v < layout->n_boxes; v++)
          g_assert_false (segment_enters (&pts[k], &pts[k + 1], &layout->boxes[v], 0.05));
      for (guint k = 0; k < n; k++)
        {
          g_assert_cmpfloat (pts[k].x, >=, frame->x - EPS);
          g_assert_cmpfloat (pts[k].x, <=, frame->x + frame->w + EPS);
        }
    }
  g_assert_cmpfloat (layout->legend_y + layout->legend_h, <=, frame->y + frame->h + EPS);
  for (guint p = 0; p < n_panels; p++)
    g_assert_cmpfloat (panels[4 * p + 1] + panels[4 * p + 3], <=, layout->legend_y + EPS);
  cairo_destroy (cr);
}

static void
test_default_layout (void)
{
  g_autoptr (CaDataset) dataset = load_default ();
  const CaOrgGraph *graph = ca_dataset_get_org_graph (dataset);

  /* The paper's Fig. 5: seven groups over three territories. */
  g_assert_cmpuint (graph->nodes->len, >=, 7);
  for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
    check_layout (graph, dataset, &frames[f]);
}

static void
node_rect (const CaOrgGraph *graph,
           const double     *rects,
           const char       *id,
           double           *out)
{
  int index = ca_org_graph_find_node (graph, id);

  g_assert_cmpint (index, >=, 0);
  memcpy (out, &rects[4 * index], 4 * sizeof (double));
}

/* The chain of the default graph runs left to right: deposits (Kargaly) →
 * ore and metallurgy (Khromtau) → metal products and construction
 * materials (Aktobe); schools and services sit below the chain. */
static void
test_default_order (void)
{
  g_autoptr (CaDataset) dataset = load_default ();
  const CaOrgGraph *graph = ca_dataset_get_org_graph (dataset);
  g_autofree double *rects = g_new0 (double, 4 * graph->nodes->len);
  double deposits[4], ore[4], products[4], materials[4], schools[4], services[4];
  cairo_t *cr = scratch_context ();

  ca_org_diagram_layout (graph, dataset, CA_LANG_EN, cr, 0, 0, 800, 500, rects);
  node_rect (graph, rects, "kargaly-deposits", deposits);
  node_rect (graph, rects, "ore-metallurgy", ore);
  node_rect (graph, rects, "metal-products", products);
  node_rect (graph, rects, "construction-materials", materials);
  node_rect (graph, rects, "schools", schools);
  node_rect (graph, rects, "services", services);
  g_assert_cmpfloat (deposits[0] + deposits[2], <, ore[0]);
  g_assert_cmpfloat (ore[0] + ore[2], <, products[0]);
  g_assert_cmpfloat (fabs (products[0] - materials[0]), <, EPS);
  g_assert_cmpfloat (schools[1], >, products[1] + products[3]);
  g_assert_cmpfloat (schools[1], >, materials[1] + materials[3]);
  g_assert_cmpfloat (services[1], >, products[1] + products[3]);
  cairo_destroy (cr);
}

static void
add_node (CaOrgGraph *graph,
          const char *id,
          const char *label,
          int         count,
          const char *territory)
{
  CaOrgNode node = { 0 };

  node.id = g_strdup (id);
  ca_text_set (&node.label, CA_LANG_RU, label);
  node.count = count;
  node.territory = g_strdup (territory);
  g_array_append_val (graph->nodes, node);
}

static void
add_link (CaOrgGraph   *graph,
          const char   *from,
          const char   *to,
          CaOrgLinkKind kind)
{
  CaOrgLink link = { g_strdup (from), g_strdup (to), kind };

  g_array_append_val (graph->links, link);
}

static void
test_edited_graph (void)
{
  g_autoptr (CaDataset) dataset = load_default ();
  g_autoptr (CaOrgGraph) graph = ca_org_graph_copy (ca_dataset_get_org_graph (dataset));
  g_autofree double *rects = NULL;
  double scrap[4], ore[4], slag[4];
  cairo_t *cr = scratch_context ();

  /* A new supplier in Khromtau, a new territory with a downstream group, and
   * a second service link. */
  add_node (graph, "scrap", "Заготовка металлолома", 3, "KHR");
  add_link (graph, "scrap", "ore-metallurgy", CA_ORG_LINK_PRODUCTION);
  add_node (graph, "slag", "Переработка шлаков", 2, "MUG");
  add_link (graph, "ore-metallurgy", "slag", CA_ORG_LINK_PRODUCTION);
  add_link (graph, "slag", "construction-materials", CA_ORG_LINK_PRODUCTION);
  add_link (graph, "schools", "slag", CA_ORG_LINK_SERVICE);
  for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
    check_layout (graph, dataset, &frames[f]);

  rects = g_new0 (double, 4 * graph->nodes->len);
  ca_org_diagram_layout (graph, dataset, CA_LANG_RU, cr, 0, 0, 800, 500, rects);
  node_rect (graph, rects, "scrap", scrap);
  node_rect (graph, rects, "ore-metallurgy", ore);
  node_rect (graph, rects, "slag", slag);
  g_assert_cmpfloat (scrap[0] + scrap[2], <, ore[0]);
  g_assert_cmpfloat (ore[0] + ore[2], <, slag[0]);

  /* Removing a group and its links leaves a valid layout too. */
  g_array_remove_index (graph->nodes, (guint) ca_org_graph_find_node (graph, "metal-products"));
  for (guint i = graph->links->len; i-- > 0;)
    {
      const CaOrgLink *link = &g_array_index (graph->links, CaOrgLink, i);

      if (g_str_equal (link->from, "metal-products") || g_str_equal (link->to, "metal-products"))
        g_array_remove_index (graph->links, i);
    }
  for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
    check_layout (graph, dataset, &frames[f]);
  cairo_destroy (cr);
}

/* Many parallel groups in one territory, links to nodes that do not exist,
 * a self-loop and a group with no links at all. */
static void
test_crowded_graph (void)
{
  g_autoptr (CaOrgGraph) graph = ca_org_graph_new ();

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *label = g_strdup_printf ("Группа предприятий номер %u", i);

      add_node (graph, id, label, (int) i, i % 3 == 0 ? "AKT" : "KHR");
    }
  add_node (graph, "lonely", "Без связей", 0, NULL);
  for (guint i = 0; i + 1 < 12; i++)
    {
      g_autofree char *from = g_strdup_printf ("n%u", i / 2);
      g_autofree char *to = g_strdup_printf ("n%u", i + 1);

      add_link (graph, from, to, i % 4 == 3 ? CA_ORG_LINK_MISSING : CA_ORG_LINK_PRODUCTION);
    }
  add_link (graph, "n11", "n0", CA_ORG_LINK_PRODUCTION);   /* a cycle */
  add_link (graph, "n3", "n3", CA_ORG_LINK_PRODUCTION);    /* a self-loop */
  add_link (graph, "n1", "nowhere", CA_ORG_LINK_SERVICE);
  for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
    check_layout (graph, NULL, &frames[f]);
}

static void
test_count_text (void)
{
  static const struct
  {
    int         count;
    CaLang      lang;
    const char *text;
  } cases[] = {
    { 1, CA_LANG_RU, "1 предприятие" },
    { 2, CA_LANG_RU, "2 предприятия" },
    { 4, CA_LANG_RU, "4 предприятия" },
    { 5, CA_LANG_RU, "5 предприятий" },
    { 6, CA_LANG_RU, "6 предприятий" },
    { 11, CA_LANG_RU, "11 предприятий" },
    { 12, CA_LANG_RU, "12 предприятий" },
    { 21, CA_LANG_RU, "21 предприятие" },
    { 22, CA_LANG_RU, "22 предприятия" },
    { 114, CA_LANG_RU, "114 предприятий" },
    { 6, CA_LANG_KK, "6 кәсіпорын" },
    { 1, CA_LANG_EN, "1 enterprise" },
    { 6, CA_LANG_EN, "6 enterprises" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ca_org_count_text (cases[i].count, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_null (ca_org_count_text (0, CA_LANG_RU));
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          guint8          *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + (int) y * stride + 4 * (int) x);

  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

/* Draws the default diagram and reads colours back where the layout says
 * the panels and boxes are. Set CA_TEST_OUTPUT_DIR to keep the PNG. */
static void
test_render (void)
{
  g_autoptr (CaDataset) dataset = load_default ();
  const CaOrgGraph *graph = ca_dataset_get_org_graph (dataset);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842 * 2, 595 * 2);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (CaOrgLayout) layout = NULL;
  const char *keep = g_getenv ("CA_TEST_OUTPUT_DIR");
  int missing = -1;
  guint8 rgb[3], chain[3], support[3], absent[3];

  /* The fills ca-org-diagram.c uses, as cairo stores them. */
  ca_rgb_to_bytes (&(CaRgb) { 1.0, 1.0, 1.0 }, &chain[0], &chain[1], &chain[2]);
  ca_rgb_to_bytes (&(CaRgb) { 0.925, 0.937, 0.953 }, &support[0], &support[1], &support[2]);
  ca_rgb_to_bytes (&(CaRgb) { 0.996, 0.961, 0.945 }, &absent[0], &absent[1], &absent[2]);

  cairo_scale (cr, 2, 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ca_org_diagram_draw (graph, dataset, CA_LANG_RU, cr, 14, 40, 814, 540);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  layout = ca_org_layout_new (graph, dataset, CA_LANG_RU, cr, 14, 40, 814, 540);

  /* Just inside each panel's bottom-left corner: the panel's tint, not white. */
  for (guint b = 0; b < layout->bands->len; b++)
    {
      const CaOrgBand *band = &g_array_index (layout->bands, CaOrgBand, b);

      if (band->heading == NULL)
        continue;
      pixel_at (surface, 2 * (band->x + 0.3 * layout->font_size),
                2 * (band->y + band->h / 2), rgb);
      g_assert_false (rgb[0] == 255 && rgb[1] == 255 && rgb[2] == 255);
    }
  /* Just below the top edge of each box: its fill (white for the chain,
   * blue-grey for support, pale red for the missing group). */
  for (guint v = 0; v < layout->n_boxes; v++)
    {
      const CaOrgBox *box = &layout->boxes[v];
      const CaOrgNode *node = &g_array_index (graph->nodes, CaOrgNode, v);

      pixel_at (surface, 2 * (box->x + box->w / 2), 2 * (box->y + 0.3 * layout->font_size), rgb);
      if (node->missing)
        missing = (int) v;
      g_assert_cmpmem (rgb, 3, node->missing ? absent : box->support ? support : chain, 3);
    }
  g_assert_cmpint (missing, >=, 0);

  if (keep != NULL)
    {
      g_autofree char *path = g_build_filename (keep, "org-diagram.png", NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr (CaOrgGraph) graph = ca_org_graph_new ();
  cairo_t *cr = scratch_context ();
  g_autofree double *panels = NULL;

  ca_org_diagram_draw (graph, NULL, CA_LANG_EN, cr, 0, 0, 100, 100);
  ca_org_diagram_draw (NULL, NULL, CA_LANG_EN, cr, 0, 0, 100, 100);
  g_assert_cmpuint (ca_org_diagram_layout_panels (graph, NULL, CA_LANG_EN, cr, 0, 0, 100, 100,
                                                  &panels, NULL), ==, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/org-diagram/default-layout", test_default_layout);
  g_test_add_func ("/org-diagram/default-order", test_default_order);
  g_test_add_func ("/org-diagram/edited-graph", test_edited_graph);
  g_test_add_func ("/org-diagram/crowded-graph", test_crowded_graph);
  g_test_add_func ("/org-diagram/count-text", test_count_text);
  g_test_add_func ("/org-diagram/render", test_render);
  g_test_add_func ("/org-diagram/empty", test_empty);
  return g_test_run ();
}
