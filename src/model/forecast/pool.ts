/**
 * Pooled trends for a batch of LAs at one origin (model.md "Trend"): each LA's recent growth of total plans (and of
 * new plans) shrunk towards its region's and England's by empirical Bayes (trend.ts). England and the regions are
 * taken from their own published rows when given, else summed from the LAs.
 */
import type { LaDataset } from '../dataset.ts';
import { poolGrowths, recentGrowth, type GrowthSummary, type PooledGrowth, type TrendOptions } from '../trend.ts';

export interface Batch {
  datasets: LaDataset[];
  national?: LaDataset;
  regions: LaDataset[];
}

type SeriesKey = 'stockTotal' | 'newPlansTotal';

function sumSeries(list: LaDataset[], key: SeriesKey): Record<number, number> {
  const out: Record<number, number> = {};
  for (const d of list) for (const [y, v] of Object.entries(d[key])) out[Number(y)] = (out[Number(y)] ?? 0) + v;
  return out;
}

export interface PooledTrends {
  byLa: Map<string, PooledGrowth & { summary: GrowthSummary }>;
  /** England's recent log growth. */
  national: number;
}

/**
 * Pools the growth of `key` (total plans up to `end`, or new plans up to `end` = origin − 1) over `members`.
 * @example pooledTrends(batch, batch.datasets, 'stockTotal', 2022, DEFAULT_TREND)
 */
export function pooledTrends(batch: Batch, members: LaDataset[], key: SeriesKey, end: number, opts: TrendOptions): PooledTrends {
  const nat =
    (batch.national && recentGrowth(batch.national[key], end, opts)) ?? recentGrowth(sumSeries(members, key), end, opts);
  const national = nat?.mean ?? 0;
  const regional = new Map<string, number>();
  const groups = new Set(members.map((d) => d.regionCode).filter((r): r is string => !!r));
  for (const g of groups) {
    const own = batch.regions.find((r) => r.regionCode === g || r.la.newCode === g || r.la.oldCode === g);
    const s =
      (own && recentGrowth(own[key], end, opts)) ?? recentGrowth(sumSeries(members.filter((d) => d.regionCode === g), key), end, opts);
    if (s) regional.set(g, s.mean);
  }
  const items = members.flatMap((d) => {
    const summary = recentGrowth(d[key], end, opts);
    return summary ? [{ id: d.la.oldCode, group: d.regionCode, summary }] : [];
  });
  const pooled = poolGrowths(items, { national, regional }, opts);
  const byLa = new Map<string, PooledGrowth & { summary: GrowthSummary }>();
  for (const it of items) byLa.set(it.id, { ...pooled.get(it.id)!, summary: it.summary });
  return { byLa, national };
}
