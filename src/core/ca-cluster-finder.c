/* ca-cluster-finder.c — Stage 3: which units each cluster draws on, and why.
 *
 * The rules, in order, for a unit and a cluster:
 *  1. favourable or less favourable, with LQ > threshold in one of the
 *     cluster's industries: in, by specialisation;
 *  2. recorded as a member with a reason (deposits, position …): in, by
 *     advantage — the paper's Kargaly in the metallurgical cluster;
 *  3. no Stage 1 type: out, no data;
 *  4. specialised but unfavourable: out;
 *  5. otherwise out, not specialised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ca-cluster-finder.h"

/* What the unit's LQ row says about one cluster. */
typedef struct
{
  int    best_column;     /* cluster industry with the highest LQ, or -1 */
  double best_lq;         /* its LQ (may be <= threshold), NAN if none known */
} UnitLq;

static gboolean
text_matches (const char *candidate,
              const char *folded)
{
  g_autofree char *other = NULL;

  if (candidate == NULL || *candidate == '\0')
    return FALSE;
  other = g_utf8_casefold (candidate, -1);
  return strcmp (other, folded) == 0;
}

/* Dataset industry index of an LQ column: its name is an industry id, or
 * failing that an industry's id or name in any language, ignoring case. */
static int
column_industry (CaDataset  *dataset,
                 const char *column)
{
  g_autofree char *folded = NULL;
  int exact = ca_dataset_find_industry (dataset, column);
  guint n = ca_dataset_get_n_industries (dataset);

  if (exact >= 0 || column == NULL)
    return exact;
  folded = g_utf8_casefold (column, -1);
  for (guint k = 0; k < n; k++)
    {
      const CaIndustry *industry = ca_dataset_get_industry (dataset, k);

      if (text_matches (industry->id, folded) || text_matches (industry->name.en, folded) ||
          text_matches (industry->name.ru, folded) || text_matches (industry->name.kk, folded))
        return (int) k;
    }
  return -1;
}

/* The unit's highest LQ among @columns, the LQ columns that are the
 * cluster's industries. */
static UnitLq
unit_lq_for_cluster (const CaMatrix *lq,
                     const guint    *columns,
                     guint           n_columns,
                     guint           unit)
{
  UnitLq result = { -1, NAN };
  const double *row;

  if (lq == NULL || unit >= lq->n_units)
    return result;
  row = lq->values + (gsize) unit * lq->industries->len;
  for (guint k = 0; k < n_columns; k++)
    {
      double value = row[columns[k]];

      if (!isnan (value) && (result.best_column < 0 || value > result.best_lq))
        {
          result.best_column = (int) columns[k];
          result.best_lq = value;
        }
    }
  return result;
}

static const CaClusterMember *
find_member (const CaCluster *cluster,
             const char      *code)
{
  for (guint i = 0; i < cluster->members->len; i++)
    {
      const CaClusterMember *member = &g_array_index (cluster->members, CaClusterMember, i);

      if (g_strcmp0 (member->code, code) == 0)
        return member;
    }
  return NULL;
}

static const char *
member_reason (const CaClusterMember *member)
{
  const char *reason = member != NULL ? ca_text_get (&member->reason, CA_LANG_EN) : NULL;

  if (reason == NULL || *reason == '\0')
    reason = member != NULL ? member->reason.kk : NULL;
  return reason != NULL && *reason != '\0' ? reason : NULL;
}

static const char *
type_sentence_name (CaFavourability type)
{
  switch (type)
    {
    case CA_FAVOURABILITY_FAVOURABLE:
      return "Favourable";
    case CA_FAVOURABILITY_LESS_FAVOURABLE:
      return "Less favourable";
    case CA_FAVOURABILITY_UNFAVOURABLE:
      return "Unfavourable";
    case CA_FAVOURABILITY_UNKNOWN:
    default:
      return "No Stage 1 type";
    }
}

/* Fewest decimals (1–3) that show @value exactly enough. */
static int
decimals_for (double value)
{
  for (int d = 1; d < 3; d++)
    if (fabs (value * pow (10, d) - round (value * pow (10, d))) < 1e-9)
      return d;
  return 3;
}

/* @value with @decimals digits and a decimal point, whatever the locale:
 * the sentences are English. Digits are written by hand because the finder
 * formats tens of thousands of numbers per run and printf dominated it. */
static const char *
format_fixed (char   *buf,
              gsize   size,
              double  value,
              int     decimals)
{
  gint64 scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
  gint64 scaled;
  char digits[32];
  int n = 0;
  gsize pos = 0;

  if (!isfinite (value) || fabs (value) >= 1e15)
    return g_ascii_dtostr (buf, (int) size, value);
  scaled = (gint64) (fabs (value) * scale + 0.5);
  if (value < 0 && scaled != 0)
    buf[pos++] = '-';
  g_assert (decimals >= 1 && decimals <= 3);
  for (gint64 rest = scaled; n < decimals + 2 || rest > 0; rest /= 10)
    {
      digits[n++] = (char) ('0' + rest % 10);
      if (n == decimals)
        digits[n++] = '.';
    }
  while (n > 0 && pos + 1 < size)
    buf[pos++] = digits[--n];
  buf[pos] = '\0';
  return buf;
}

/* Digits (at least the threshold's, at most 3) for @lq not to print the
 * same as @threshold. */
static int
lq_decimals (double lq,
             double threshold,
             int    threshold_decimals)
{
  static const double scale[] = { 1, 10, 100, 1000 };

  for (int d = threshold_decimals; d < 3; d++)
    if (floor (lq * scale[d] + 0.5) != floor (threshold * scale[d] + 0.5))
      return d;
  return 3;
}

/* What a sentence calls LQ column @column: the industry's English name (or
 * id), else the column's own header. */
static const char *
column_name (CaDataset      *dataset,
             const CaMatrix *lq,
             int             industry_index,
             guint           column)
{
  const CaIndustry *industry;
  const char *name;

  if (industry_index < 0)
    return g_ptr_array_index (lq->industries, column);
  industry = ca_dataset_get_industry (dataset, (guint) industry_index);
  name = ca_text_get (&industry->name, CA_LANG_EN);
  return *name != '\0' ? name : industry->id;
}

/* A string and its length, measured once. */
typedef struct
{
  const char *str;
  gsize       len;
} Part;

typedef struct
{
  CaDataset      *dataset;
  const CaMatrix *lq;
  Part           *column_names; /* per LQ column, for sentences */
  const char    **column_ids;   /* dataset industry id per LQ column, or NULL */
  const char    **chunk_ids;    /* the same, copied into the proposal's chunk */
  double          threshold;
  int             threshold_decimals;
  char            threshold_text[G_ASCII_DTOSTR_BUF_SIZE];
  gsize           threshold_len;
  char           *text;         /* scratch for sentences */
  gsize           text_len;
  gsize           text_size;
  GStringChunk   *strings;      /* of the proposal being filled */
} FinderContext;

/* The LQ columns that are one cluster's industries. */
typedef struct
{
  const CaCluster *cluster;
  guint           *columns;
  guint            n_columns;
  UnitLq          *best;       /* per unit */
} ClusterColumns;

/* Appends @n bytes of @str to the scratch text. (Not GString or strlen:
 * this runs several times for every unit in every cluster after each edit,
 * and the lengths are mostly known in advance.) */
static void
put (FinderContext *ctx,
     const char    *str,
     gsize          n)
{
  if (ctx->text_len + n + 1 > ctx->text_size)
    {
      ctx->text_size = MAX (2 * ctx->text_size, ctx->text_len + n + 1);
      ctx->text = g_realloc (ctx->text, ctx->text_size);
    }
  memcpy (ctx->text + ctx->text_len, str, n);
  ctx->text_len += n;
  ctx->text[ctx->text_len] = '\0';
}

#define PUT_LITERAL(ctx, literal) put ((ctx), "" literal, sizeof (literal) - 1)

static inline void
put_part (FinderContext *ctx,
          Part           part)
{
  put (ctx, part.str, part.len);
}

/* " LQ 1.2 > 1.0" */
static void
put_comparison (FinderContext *ctx,
                Part           lq_text)
{
  PUT_LITERAL (ctx, " LQ ");
  put_part (ctx, lq_text);
  PUT_LITERAL (ctx, " > ");
  put (ctx, ctx->threshold_text, ctx->threshold_len);
}

/* The sentence for @verdict into ctx->text. @industry and @lq_text name
 * the cluster industry with the unit's highest LQ; @industry.str is NULL
 * when the sentence should not quote one. */
static void
explain (FinderContext   *ctx,
         CaVerdict        verdict,
         CaFavourability  type,
         Part             industry,
         Part             lq_text,
         const char      *reason)
{
  const char *type_name = type_sentence_name (type);

  ctx->text_len = 0;
  if (verdict != CA_VERDICT_OUT_NO_DATA)
    put (ctx, type_name, strlen (type_name));
  switch (verdict)
    {
    case CA_VERDICT_IN_SPECIALISED:          /* Favourable; food LQ 2.6 > 1.0 */
      PUT_LITERAL (ctx, "; ");
      put_part (ctx, industry);
      put_comparison (ctx, lq_text);
      break;
    case CA_VERDICT_IN_ADVANTAGE:
    case CA_VERDICT_OUT_UNFAVOURABLE:
      if (type == CA_FAVOURABILITY_UNKNOWN)
        PUT_LITERAL (ctx, ";");
      else if (industry.str != NULL)         /* …, although LQ 1.2 > 1.0 in oil production */
        {
          PUT_LITERAL (ctx, " (rank-score type), although");
          put_comparison (ctx, lq_text);
          PUT_LITERAL (ctx, " in ");
          put_part (ctx, industry);
          if (verdict == CA_VERDICT_IN_ADVANTAGE)
            PUT_LITERAL (ctx, ";");
        }
      else
        {
          PUT_LITERAL (ctx, ", no LQ above ");
          put (ctx, ctx->threshold_text, ctx->threshold_len);
          PUT_LITERAL (ctx, " in the cluster's industries;");
        }
      if (verdict == CA_VERDICT_IN_ADVANTAGE)
        {
          PUT_LITERAL (ctx, " included for its recorded advantage: ");
          put (ctx, reason, strlen (reason));
        }
      break;
    case CA_VERDICT_OUT_NOT_SPECIALISED:
      PUT_LITERAL (ctx, ", but no LQ above ");
      put (ctx, ctx->threshold_text, ctx->threshold_len);
      PUT_LITERAL (ctx, " in the cluster's industries (");
      if (industry.str != NULL)
        {
          PUT_LITERAL (ctx, "highest: ");
          put_part (ctx, industry);
          PUT_LITERAL (ctx, " LQ ");
          put_part (ctx, lq_text);
        }
      else
        PUT_LITERAL (ctx, "none known");
      PUT_LITERAL (ctx, ")");
      break;
    case CA_VERDICT_OUT_NO_DATA:
    default:
      PUT_LITERAL (ctx, "No data: the unit's favourability type is unknown "
                   "(an indicator value is missing)");
      break;
    }
}

static CaVerdict
verdict_for (CaFavourability type,
             gboolean        specialised,
             gboolean        has_reason)
{
  if (specialised && (type == CA_FAVOURABILITY_FAVOURABLE ||
                      type == CA_FAVOURABILITY_LESS_FAVOURABLE))
    return CA_VERDICT_IN_SPECIALISED;
  if (has_reason)
    return CA_VERDICT_IN_ADVANTAGE;
  if (type == CA_FAVOURABILITY_UNKNOWN)
    return CA_VERDICT_OUT_NO_DATA;
  if (specialised)
    return CA_VERDICT_OUT_UNFAVOURABLE;
  return CA_VERDICT_OUT_NOT_SPECIALISED;
}

/* The verdict and its sentence for one unit in one cluster. */
static void
judge_unit (FinderContext        *ctx,
            const ClusterColumns *cc,
            guint                 unit,
            CaFavourability       type,
            CaFinderUnit         *out)
{
  const CaUnit *u = ca_dataset_get_unit (ctx->dataset, unit);
  UnitLq best = cc->best[unit];
  gboolean specialised = best.best_column >= 0 && best.best_lq > ctx->threshold;
  const char *reason = member_reason (find_member (cc->cluster, u->code));
  char lq_buf[G_ASCII_DTOSTR_BUF_SIZE] = "";
  Part industry = { NULL, 0 };
  Part lq_text = { lq_buf, 0 };

  if (best.best_column >= 0)
    {
      industry = ctx->column_names[best.best_column];
      format_fixed (lq_buf, sizeof lq_buf, best.best_lq,
                    lq_decimals (best.best_lq, ctx->threshold, ctx->threshold_decimals));
      lq_text.len = strlen (lq_buf);
    }

  out->verdict = verdict_for (type, specialised, reason != NULL);
  out->code = g_string_chunk_insert (ctx->strings, u->code);
  out->industry = NULL;
  out->lq = NAN;
  if (specialised)
    {
      /* One copy per proposal, shared by its units: the strings are read-only. */
      if (ctx->chunk_ids[best.best_column] == NULL)
        ctx->chunk_ids[best.best_column] =
          g_string_chunk_insert (ctx->strings, ctx->column_ids[best.best_column]);
      out->industry = (char *) ctx->chunk_ids[best.best_column];
      out->lq = best.best_lq;
    }
  /* An advantaged unit's sentence quotes an LQ only when it is above the
   * threshold. */
  if (out->verdict == CA_VERDICT_IN_ADVANTAGE && !specialised)
    industry.str = NULL;
  explain (ctx, out->verdict, type, industry, lq_text, reason);
  out->explanation = g_string_chunk_insert_len (ctx->strings, ctx->text, (gssize) ctx->text_len);
}

/* Which LQ columns are @cluster's industries. */
static void
cluster_columns_init (ClusterColumns      *cc,
                      const FinderContext *ctx,
                      const CaCluster     *cluster,
                      guint                n_units)
{
  guint n = ctx->lq != NULL ? ctx->lq->industries->len : 0;

  cc->cluster = cluster;
  cc->columns = g_new (guint, MAX (n, 1));
  cc->n_columns = 0;
  cc->best = g_new (UnitLq, MAX (n_units, 1));
  for (guint j = 0; j < n; j++)
    if (ctx->column_ids[j] != NULL && ca_cluster_has_industry (cluster, ctx->column_ids[j]))
      cc->columns[cc->n_columns++] = j;
}

/* Every unit's best LQ for every cluster, reading the matrix row by row:
 * one pass through memory instead of one per cluster. */
static void
find_best_lqs (const CaMatrix *lq,
               ClusterColumns *clusters,
               guint           n_clusters,
               guint           n_units)
{
  for (guint u = 0; u < n_units; u++)
    for (guint c = 0; c < n_clusters; c++)
      clusters[c].best[u] = unit_lq_for_cluster (lq, clusters[c].columns, clusters[c].n_columns, u);
}

/* The units' strings live in the proposal's chunk, so the units array has
 * no clear func: freeing is two blocks, not three per unit. */
static CaFinderProposal *
proposal_new (const CaCluster *cluster,
              guint            n_units)
{
  CaFinderProposal *proposal = g_new0 (CaFinderProposal, 1);

  proposal->cluster_id = g_strdup (cluster->id);
  proposal->units = g_array_sized_new (FALSE, TRUE, sizeof (CaFinderUnit), n_units);
  g_array_set_size (proposal->units, n_units);
  proposal->strings = g_string_chunk_new (64 * 1024);
  return proposal;
}

/* Resolves every LQ column to a dataset industry once, not per unit. */
static void
context_init (FinderContext  *ctx,
              CaDataset      *dataset,
              const CaMatrix *lq,
              double          threshold)
{
  guint n_columns = lq != NULL ? lq->industries->len : 0;

  ctx->dataset = dataset;
  ctx->lq = lq;
  ctx->column_names = g_new0 (Part, MAX (n_columns, 1));
  ctx->column_ids = g_new0 (const char *, MAX (n_columns, 1));
  ctx->chunk_ids = g_new0 (const char *, MAX (n_columns, 1));
  for (guint j = 0; j < n_columns; j++)
    {
      int industry = column_industry (dataset, g_ptr_array_index (lq->industries, j));
      const char *name = column_name (dataset, lq, industry, j);

      ctx->column_names[j] = (Part) { name, strlen (name) };
      if (industry >= 0)
        ctx->column_ids[j] = ca_dataset_get_industry (dataset, (guint) industry)->id;
    }
  ctx->threshold = threshold;
  ctx->threshold_decimals = decimals_for (threshold);
  format_fixed (ctx->threshold_text, sizeof ctx->threshold_text, threshold,
                ctx->threshold_decimals);
  ctx->threshold_len = strlen (ctx->threshold_text);
  ctx->text_size = 256;
  ctx->text = g_malloc (ctx->text_size);
  ctx->text_len = 0;
}

static void
context_clear (FinderContext *ctx)
{
  g_free (ctx->column_names);
  g_free (ctx->column_ids);
  g_free (ctx->chunk_ids);
  g_free (ctx->text);
}

GPtrArray *
ca_find_clusters (CaDataset             *dataset,
                  const CaFavourability *types,
                  const CaMatrix        *lq,
                  double                 threshold)
{
  g_autofree ClusterColumns *clusters = NULL;
  GPtrArray *proposals;
  FinderContext ctx;
  guint n_units, n_clusters;

  g_return_val_if_fail (CA_IS_DATASET (dataset), NULL);

  n_units = ca_dataset_get_n_units (dataset);
  n_clusters = ca_dataset_get_n_clusters (dataset);
  context_init (&ctx, dataset, lq, threshold);
  clusters = g_new0 (ClusterColumns, MAX (n_clusters, 1));
  for (guint c = 0; c < n_clusters; c++)
    cluster_columns_init (&clusters[c], &ctx, ca_dataset_get_cluster (dataset, c), n_units);
  find_best_lqs (lq, clusters, n_clusters, n_units);

  proposals = g_ptr_array_new_full (n_clusters, (GDestroyNotify) ca_finder_proposal_free);
  for (guint c = 0; c < n_clusters; c++)
    {
      CaFinderProposal *proposal = proposal_new (clusters[c].cluster, n_units);

      ctx.strings = proposal->strings;
      memset (ctx.chunk_ids, 0, sizeof (const char *) * (lq != NULL ? lq->industries->len : 0));
      for (guint u = 0; u < n_units; u++)
        judge_unit (&ctx, &clusters[c], u, types != NULL ? types[u] : CA_FAVOURABILITY_UNKNOWN,
                    &g_array_index (proposal->units, CaFinderUnit, u));
      g_free (clusters[c].columns);
      g_free (clusters[c].best);
      g_ptr_array_add (proposals, proposal);
    }
  context_clear (&ctx);
  return proposals;
}

gboolean
ca_verdict_is_member (CaVerdict verdict)
{
  return verdict == CA_VERDICT_IN_SPECIALISED || verdict == CA_VERDICT_IN_ADVANTAGE;
}

const char *
ca_verdict_to_string (CaVerdict verdict)
{
  switch (verdict)
    {
    case CA_VERDICT_IN_SPECIALISED:
      return "in-specialised";
    case CA_VERDICT_IN_ADVANTAGE:
      return "in-advantage";
    case CA_VERDICT_OUT_UNFAVOURABLE:
      return "out-unfavourable";
    case CA_VERDICT_OUT_NOT_SPECIALISED:
      return "out-not-specialised";
    case CA_VERDICT_OUT_NO_DATA:
    default:
      return "out-no-data";
    }
}

void
ca_finder_proposal_free (CaFinderProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->cluster_id);
  g_clear_pointer (&proposal->units, g_array_unref);
  g_clear_pointer (&proposal->strings, g_string_chunk_free);
  g_free (proposal);
}
