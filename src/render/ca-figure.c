/* ca-figure.c — the figures' ids and titles, and the page: title at the
 * top, source line at the bottom, the map frame with the legend in a
 * column on the right (landscape) or below it (portrait), the scale bar
 * and north arrow in the frame corner that covers least of the region.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ca-figure-private.h"
#include "ca-map-furniture.h"
#include "ca-org-diagram.h"
#include "ca-render-cache.h"

/* Page text at A4 scale (points). */
#define TITLE_SIZE  12.0
#define SOURCE_SIZE 6.5
#define MARGIN      14.0
#define GAP         10.0
/* Space around the region when fitting it into the frame. */
#define FIT_MARGIN  0.03

G_DEFINE_QUARK (ca-figure-error-quark, ca_figure_error)

static const char *const figure_ids[] = {
  CA_FIGURE_INFRASTRUCTURE,
  CA_FIGURE_INDUSTRY,
  CA_FIGURE_INNOVATION,
  CA_FIGURE_FAVOURABILITY,
  CA_FIGURE_CLUSTERS,
  CA_FIGURE_METALLURGY,
  NULL,
};

const char * const *
ca_figure_get_ids (void)
{
  return (const char * const *) figure_ids;
}

gboolean
ca_figure_id_is_valid (const char *id)
{
  return id != NULL && g_strv_contains ((const char * const *) figure_ids, id);
}

gboolean
ca_figure_is_map (const char *id)
{
  return ca_figure_id_is_valid (id) && g_strcmp0 (id, CA_FIGURE_METALLURGY) != 0;
}

void
ca_figure_options_init (CaFigureOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (CaFigureOptions) { .lang = CA_LANG_EN, .viewport = NULL, .furniture = TRUE,
                                 .selected_unit = -1, .hidden_clusters = NULL,
                                 .text_scale = 0, .cache = NULL };
}

/* The year of indicator @id, or "" when the dataset lacks it. */
static const char *
indicator_year (CaDataset  *dataset,
                const char *id)
{
  int index = ca_dataset_find_indicator (dataset, id);
  const CaIndicator *indicator = index >= 0 ? ca_dataset_get_indicator (dataset, (guint) index) : NULL;

  return indicator != NULL && indicator->year != NULL ? indicator->year : "";
}

/* "<caption>, <year>", or the caption alone without a year. */
static char *
caption_with_year (const char *caption,
                   const char *year,
                   CaLang      lang)
{
  g_autofree char *joined = ca_render_join_dashes (year);

  if (*year == '\0')
    return g_strdup (caption);
  /* TRANSLATORS: a figure caption and its year, "Fig. 1. Typology …, 2014–2015" */
  return g_strdup_printf (ca_render_gettext (lang, N_("%s, %s")), caption, joined);
}

char *
ca_figure_get_title (const char *id,
                     CaAnalysis *analysis,
                     CaLang      lang)
{
  CaDataset *dataset;

  g_return_val_if_fail (ca_figure_id_is_valid (id), NULL);
  g_return_val_if_fail (CA_IS_ANALYSIS (analysis), NULL);

  dataset = ca_analysis_get_dataset (analysis);
  if (g_str_equal (id, CA_FIGURE_INFRASTRUCTURE))
    return caption_with_year (ca_render_gettext (lang, N_("Fig. 1. Typology of the units by level of socio-production infrastructure")),
                              indicator_year (dataset, "infrastructure"), lang);
  if (g_str_equal (id, CA_FIGURE_INDUSTRY))
    return caption_with_year (ca_render_gettext (lang, N_("Fig. 2. Level of spatial industrial-sectoral development")),
                              indicator_year (dataset, "industry"), lang);
  if (g_str_equal (id, CA_FIGURE_INNOVATION))
    return caption_with_year (ca_render_gettext (lang, N_("Fig. 3. Typology of the units by innovation activity and investment attractiveness of industry")),
                              indicator_year (dataset, "innovation"), lang);
  if (g_str_equal (id, CA_FIGURE_FAVOURABILITY))
    return caption_with_year (ca_render_gettext (lang, N_("Favourability of the units for forming territorial industrial clusters (Table 2)")),
                              indicator_year (dataset, "infrastructure"), lang);
  if (g_str_equal (id, CA_FIGURE_CLUSTERS))
    return g_strdup (ca_render_gettext (lang, N_("Fig. 4. Spatial structure of the potential industrial clusters")));
  {
    const CaOrgGraph *graph = ca_dataset_get_org_graph (dataset);
    const char *name = graph != NULL ? ca_text_get (&graph->title, lang) : "";

    if (*name != '\0')
      /* TRANSLATORS: %s is the diagram's title from the project */
      return g_strdup_printf (ca_render_gettext (lang, N_("Fig. 5. %s")), name);
    return g_strdup (ca_render_gettext (lang, N_("Fig. 5. Generalised organisational structure of the cluster")));
  }
}

/* Where things go on the page. */
typedef struct
{
  double  scale;        /* device units per A4 point */
  CaRect  title;
  CaRect  source;
  CaRect  map;
  CaRect  legend;
  double  legend_scale;
  guint   legend_columns;
} PageLayout;

/* Device units per A4 point: text and lines grow with the page, and never
 * shrink below their size on A4 (a small page gets a denser map, not
 * unreadable text). A screen wants text of one size whatever the window's:
 * the caller's text_scale then says how big. */
static double
page_scale (const CaFigureOptions *options,
            double                 width,
            double                 height)
{
  if (options->text_scale > 0)
    return options->text_scale;
  return MAX (MIN (width, height) / 595.0, 1.0);
}

static double
text_height (CaTextContext *context,
             const char    *text,
             double         size,
             gboolean       bold,
             double         width)
{
  g_autoptr (CaTextLayout) layout = ca_render_layout_new (context, text, size, bold, width);
  double h;

  ca_render_layout_size (layout, NULL, &h);
  return h;
}

/* Title and source bands; the rest of the page is left in @layout->map. */
static void
layout_bands (PageLayout    *layout,
              CaTextContext *context,
              const char    *title,
              const char    *source,
              double         width,
              double         height)
{
  double s = layout->scale, m = MARGIN * s, inner = width - 2 * m;
  double th = text_height (context, title, TITLE_SIZE * s, TRUE, inner);
  double sh = text_height (context, source, SOURCE_SIZE * s, FALSE, inner);

  layout->title = (CaRect) { m, m, inner, th };
  layout->source = (CaRect) { m, height - m - sh, inner, sh };
  layout->map = (CaRect) { m, m + th + GAP * s, inner, height - 2 * m - th - sh - 2 * GAP * s };
}

/* Splits the map band between the frame and the legend, shrinking the
 * legend's text until it fits its share. */
static void
layout_legend (PageLayout    *layout,
               CaTextContext *context,
               CaLegend      *legend,
               gboolean       landscape)
{
  double s = layout->scale, gap = GAP * s;
  CaRect band = layout->map;

  if (landscape)
    {
      double lw = CLAMP (band.width * 0.27, 150 * s, 240 * s);
      layout->legend_columns = 1;
      for (layout->legend_scale = s; layout->legend_scale > 0.55 * s; layout->legend_scale *= 0.93)
        if (ca_legend_measure (legend, context, layout->legend_scale, lw, 1) <= band.height)
          break;
      layout->legend = (CaRect) { band.x + band.width - lw, band.y, lw, band.height };
      layout->map = (CaRect) { band.x, band.y, band.width - lw - gap, band.height };
    }
  else
    {
      double lh = 0;
      layout->legend_columns = band.width > 330 * s ? 2 : 1;
      for (layout->legend_scale = s; layout->legend_scale > 0.55 * s; layout->legend_scale *= 0.93)
        {
          lh = ca_legend_measure (legend, context, layout->legend_scale, band.width,
                                  layout->legend_columns);
          if (lh <= band.height * 0.42)
            break;
        }
      lh = MIN (lh, band.height * 0.5);
      layout->legend = (CaRect) { band.x, band.y + band.height - lh, band.width, lh };
      layout->map = (CaRect) { band.x, band.y, band.width, band.height - lh - gap };
    }
}

static void
draw_text (cairo_t       *cr,
           CaTextContext *context,
           const char    *text,
           double         size,
           gboolean       bold,
           const CaRect  *rect,
           const CaRgb   *colour)
{
  g_autoptr (CaTextLayout) layout = ca_render_layout_new (context, text, size, bold, rect->width);

  ca_render_show_layout (cr, layout, rect->x, rect->y, colour, 0);
}

static void
add_box (GArray          *boxes,
         CaFigureBoxKind  kind,
         const CaRect    *rect)
{
  CaFigureBox box = { kind, -1, FALSE, rect->x, rect->y, rect->width, rect->height };

  if (boxes != NULL)
    g_array_append_val (boxes, box);
}

static gboolean
build_style (const char  *id,
             CaMapStyle  *style,
             GError     **error)
{
  gboolean ok;

  if (g_str_equal (id, CA_FIGURE_INFRASTRUCTURE))
    ok = ca_map_style_build_indicator (style, "infrastructure", CA_RAMP_BLUES, CA_RAMP_RD_YL_BU,
                                       TRUE, error);
  else if (g_str_equal (id, CA_FIGURE_INDUSTRY))
    ok = ca_map_style_build_industry (style, error);
  else if (g_str_equal (id, CA_FIGURE_INNOVATION))
    ok = ca_map_style_build_indicator (style, "innovation", CA_RAMP_PU_BU, CA_RAMP_BR_BG, TRUE,
                                       error);
  else if (g_str_equal (id, CA_FIGURE_FAVOURABILITY))
    ok = ca_map_style_build_favourability (style, error);
  else
    ok = ca_map_style_build_clusters (style, error);
  if (ok)
    ca_map_style_add_base_legend (style);
  return ok;
}

static gboolean
draw_map_figure (const char            *id,
                 CaAnalysis            *analysis,
                 CaBasemap             *basemap,
                 const CaFigureOptions *options,
                 cairo_t               *cr,
                 CaTextContext         *context,
                 double                 width,
                 double                 height,
                 CaViewport            *out_viewport,
                 GArray                *boxes,
                 GError               **error)
{
  g_autoptr (CaMapStyle) style = ca_map_style_new (analysis, basemap, options);
  PageLayout page = { .scale = page_scale (options, width, height) };
  CaMapTransform transform;
  CaFurnitureBlock block = { 0 };
  CaRect furniture = { 0 };
  CaRgb ink = CA_RGB_TEXT, grey = { 0.35, 0.35, 0.35 };
  g_autofree char *title = NULL, *source = NULL;
  CaBBox extent;
  double s = page.scale;

  if (!build_style (id, style, error))
    return FALSE;

  if (options->furniture)
    {
      title = ca_figure_get_title (id, analysis, options->lang);
      source = ca_furniture_source_text (ca_text_get (ca_dataset_get_source (ca_analysis_get_dataset (analysis)),
                                                      options->lang),
                                         options->lang);
      layout_bands (&page, context, title, source, width, height);
      layout_legend (&page, context, style->legend, width >= height);
    }
  else
    page.map = (CaRect) { 0, 0, width, height };

  ca_basemap_get_extent (basemap, &extent);
  if (options->viewport != NULL)
    ca_map_transform_init (&transform, &page.map, options->viewport);
  else
    ca_map_transform_fit (&transform, &page.map, &extent, FIT_MARGIN);
  if (out_viewport != NULL)
    *out_viewport = transform.viewport;

  if (options->furniture)
    {
      ca_furniture_block_init (&block, context, s, &transform, ca_basemap_get_projection (basemap),
                               MIN (page.map.width * 0.3, 130 * s), options->lang);
      furniture = ca_furniture_pick_corner (&transform, basemap, block.width, block.height, 6 * s);
    }

  ca_map_style_draw (style, cr, context, &transform, s, &furniture, options->furniture ? 1 : 0,
                     boxes);
  add_box (boxes, CA_FIGURE_BOX_MAP_FRAME, &page.map);
  if (!options->furniture)
    return TRUE;

  cairo_save (cr);
  cairo_rectangle (cr, page.map.x, page.map.y, page.map.width, page.map.height);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.6 * s);
  cairo_stroke (cr);
  cairo_restore (cr);
  ca_furniture_block_draw (&block, cr, context, s, furniture.x, furniture.y, options->lang);
  ca_legend_draw (style->legend, cr, context, page.legend_scale, &page.legend, page.legend_columns);
  draw_text (cr, context, title, TITLE_SIZE * s, TRUE, &page.title, &ink);
  draw_text (cr, context, source, SOURCE_SIZE * s, FALSE, &page.source, &grey);
  add_box (boxes, CA_FIGURE_BOX_FURNITURE, &furniture);
  add_box (boxes, CA_FIGURE_BOX_LEGEND, &page.legend);
  add_box (boxes, CA_FIGURE_BOX_TITLE, &page.title);
  add_box (boxes, CA_FIGURE_BOX_SOURCE, &page.source);
  return TRUE;
}

static gboolean
draw_diagram_figure (CaAnalysis            *analysis,
                     const CaFigureOptions *options,
                     cairo_t               *cr,
                     CaTextContext         *context,
                     double                 width,
                     double                 height,
                     GArray                *boxes,
                     GError               **error)
{
  CaDataset *dataset = ca_analysis_get_dataset (analysis);
  const CaOrgGraph *graph = ca_dataset_get_org_graph (dataset);
  PageLayout page = { .scale = page_scale (options, width, height) };
  CaRgb ink = CA_RGB_TEXT, grey = { 0.35, 0.35, 0.35 };
  g_autofree char *title = NULL, *source = NULL;

  if (graph == NULL || graph->nodes == NULL || graph->nodes->len == 0)
    {
      g_set_error (error, CA_FIGURE_ERROR, CA_FIGURE_ERROR_NO_DATA,
                   _("The project has no organisational structure to draw"));
      return FALSE;
    }
  if (!options->furniture)
    {
      ca_org_diagram_draw (graph, dataset, options->lang, cr, 0, 0, width, height);
      return TRUE;
    }
  title = ca_figure_get_title (CA_FIGURE_METALLURGY, analysis, options->lang);
  source = ca_furniture_source_text (ca_text_get (ca_dataset_get_source (dataset), options->lang),
                                     options->lang);
  layout_bands (&page, context, title, source, width, height);
  ca_org_diagram_draw (graph, dataset, options->lang, cr, page.map.x, page.map.y, page.map.width,
                       page.map.height);
  draw_text (cr, context, title, TITLE_SIZE * page.scale, TRUE, &page.title, &ink);
  draw_text (cr, context, source, SOURCE_SIZE * page.scale, FALSE, &page.source, &grey);
  add_box (boxes, CA_FIGURE_BOX_TITLE, &page.title);
  add_box (boxes, CA_FIGURE_BOX_SOURCE, &page.source);
  return TRUE;
}

gboolean
ca_figure_draw_full (const char            *id,
                     CaAnalysis            *analysis,
                     CaBasemap             *basemap,
                     const CaFigureOptions *options,
                     cairo_t               *cr,
                     double                 width,
                     double                 height,
                     CaViewport            *out_viewport,
                     GArray               **out_boxes,
                     GError               **error)
{
  CaFigureOptions defaults;
  CaTextContext *context;
  g_autoptr (GArray) boxes = NULL;
  gboolean ok;

  g_return_val_if_fail (CA_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ca_figure_id_is_valid (id))
    {
      g_set_error (error, CA_FIGURE_ERROR, CA_FIGURE_ERROR_UNKNOWN_FIGURE,
                   _("Unknown figure “%s”"), id != NULL ? id : "(null)");
      return FALSE;
    }
  if (ca_figure_is_map (id) && basemap == NULL)
    {
      g_set_error (error, CA_FIGURE_ERROR, CA_FIGURE_ERROR_NO_MAP,
                   _("Figure “%s” is a map, but no boundary data is loaded"), id);
      return FALSE;
    }
  if (options == NULL)
    {
      ca_figure_options_init (&defaults);
      options = &defaults;
    }
  if (out_boxes != NULL)
    boxes = g_array_new (FALSE, FALSE, sizeof (CaFigureBox));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (options->cache != NULL)
    {
      ca_render_cache_begin (options->cache);
      context = ca_render_cache_get_context (options->cache);
    }
  else
    {
      /* Text is measured, then drawn: set it once. */
      context = ca_text_context_new ();
      ca_text_context_set_keep (context, TRUE);
    }
  if (ca_figure_is_map (id))
    ok = draw_map_figure (id, analysis, basemap, options, cr, context, width, height,
                          out_viewport, boxes, error);
  else
    ok = draw_diagram_figure (analysis, options, cr, context, width, height, boxes, error);
  g_object_unref (context);
  if (options->cache != NULL)
    ca_render_cache_end (options->cache);
  cairo_restore (cr);

  if (ok && out_boxes != NULL)
    *out_boxes = g_steal_pointer (&boxes);
  return ok;
}

gboolean
ca_figure_draw (const char            *id,
                CaAnalysis            *analysis,
                CaBasemap             *basemap,
                const CaFigureOptions *options,
                cairo_t               *cr,
                double                 width,
                double                 height,
                CaViewport            *out_viewport,
                GError               **error)
{
  return ca_figure_draw_full (id, analysis, basemap, options, cr, width, height, out_viewport,
                              NULL, error);
}
