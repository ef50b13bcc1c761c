/**
 * Pooled trends for a batch of LAs at one origin (model.md "Trend"): each LA's recent growth of total plans (and of
 * new plans) shrunk towards its region's and England's by empirical Bayes (trend.ts). England and the regions are
 * taken from their own published rows when given, else summed from the LAs.
 */
import type { LaDataset } from '../dataset.ts';
import type { ReferenceStatistics } from './batch-stats.ts';
import { conversions, exitRates, weightedSummary } from '../estimate/aggregate-flow.ts';
import { betweenVariance, meanVarianceFactor, poolGrowths, recentGrowth, residualMedian, residualModerator, type GrowthSummary, type PooledGrowth, type TrendOptions } from '../trend.ts';

export interface Batch {
  datasets: LaDataset[];
  national?: LaDataset;
  regions: LaDataset[];
  /** Whole releases' batch statistics by origin, for a batch of too few LAs to estimate them (batch-stats.ts). */
  statistics?: readonly ReferenceStatistics[];
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
  /** The long-run log growth a damped trend decays to (opts.longRunYears of England's growth, else `national`). */
  longRun: number;
  /** The between-LA variance of growth the LAs were pooled with, and the median year-to-year variance (s₀²). */
  tau2?: number;
  residualMedian?: number;
}

/** Batch statistics of one series given instead of estimated from the members (forecast/batch-stats.ts). */
export interface FixedSpread {
  tau2: number;
  residualMedian: number;
}

/**
 * Pools the growth of `key` (total plans up to `end`, or new plans up to `end` = origin − 1) over `members`.
 * `priorYears`: each LA's year-to-year variance is moderated towards the batch's median as if that were so many more
 * years of growth (trend.ts residualModerator) before it sets how far the LA is pooled and its trend's se, as it is
 * for ν² in the range (central.ts). Without it, an LA whose two or three growths happened to agree looked precise:
 * it kept most of its own growth and a small se, so a shorter history gave a narrower range (Cheshire East, 2025
 * layout alone from January 2019: own weight 0.73 and se 0.013, 2032 range 12,882–18,856; the 2022 release, from
 * 2010: 0.19 and 0.020, 8,916–16,523). The LA's own `summary` is kept as estimated.
 * @example pooledTrends(batch, batch.datasets, 'stockTotal', 2022, DEFAULT_TREND, 2)
 */
export function pooledTrends(batch: Batch, members: LaDataset[], key: SeriesKey, end: number, opts: TrendOptions, priorYears = 0, fixed?: FixedSpread): PooledTrends {
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
  const s0 = fixed?.residualMedian ?? residualMedian(items);
  const moderate = residualModerator(items, priorYears, s0);
  const moderated = items.map((it) => {
    const residual = moderate(it.summary);
    if (residual === it.summary.residual) return it;
    return { ...it, summary: { ...it.summary, residual, variance: residual * meanVarianceFactor(it.summary.years, opts.recency) } };
  });
  const tau2 = fixed?.tau2 ?? betweenVariance(moderated, { national, regional }, opts);
  const pooled = poolGrowths(moderated, { national, regional, tau2 }, opts);
  const natSeries = batch.national?.[key] ?? sumSeries(members, key);
  const long = opts.longRunYears ? recentGrowth(natSeries, end, { window: opts.longRunYears, recency: 1 }) : undefined;
  const longRun = long?.mean ?? national;
  const byLa = new Map<string, PooledGrowth & { summary: GrowthSummary }>();
  for (const it of items) byLa.set(it.id, { ...pooled.get(it.id)!, summary: it.summary });
  return { byLa, national, longRun, tau2, residualMedian: s0 };
}

/** Years of exits and conversions the stock-flow estimates read (recency-weighted). */
export const FLOW_WINDOW = 3;

export interface PooledFlows {
  /** Each LA's exit rate: its own recency-weighted mean shrunk towards England's latest exit rate. */
  exit: Map<string, number>;
  /** Each LA's requests-to-plans conversion, shrunk towards England's (absent where requests are too short). */
  conversion: Map<string, number>;
  /** England's latest exit rate and mean conversion (undefined without requests). */
  nationalExit: number;
  nationalConversion?: number;
  /** The between-LA variances the exit rates and conversions were pooled with. */
  exitTau2?: number;
  conversionTau2?: number;
}

/**
 * Pools the stock-flow rates of `members` at `origin` (aggregate-flow.ts) by empirical Bayes as trend.ts pools
 * growths: exit(t) = 1 − (S(t+1) − N(t)) / S(t) and conversion N(t) / requests(t − 1). The prior of an LA's exit is
 * England's exit in the latest year (exit rates have been rising; the latest year backtests best, docs/model.md);
 * the prior of its conversion is England's mean over FLOW_WINDOW years.
 * @example pooledFlows(batch, batch.datasets, 2022, DEFAULT_TREND).exit.get('925')
 */
export function pooledFlows(
  batch: Batch,
  members: LaDataset[],
  origin: number,
  opts: TrendOptions,
  fixed?: { exitTau2: number; conversionTau2?: number },
): PooledFlows {
  const natSeries = batch.national && exitRates(batch.national, origin, 1).length ? batch.national : undefined;
  const nat = natSeries ?? { stockTotal: sumSeries(members, 'stockTotal'), newPlansTotal: sumSeries(members, 'newPlansTotal') };
  const nationalExit = exitRates(nat, origin, 1)[0] ?? 0;
  const natReq = batch.national && conversions(batch.national, origin, 1).length ? batch.national : undefined;
  const natConv = conversions(natReq ?? { newPlansTotal: sumSeries(members, 'newPlansTotal'), requests: sumRequests(members) }, origin, FLOW_WINDOW);
  const nationalConversion = natConv.length ? natConv.reduce((a, b) => a + b, 0) / natConv.length : undefined;
  const flat = { noiseScale: 1, regionWeight: 0 };
  const tau2s: (number | undefined)[] = [];
  const pool = (xs: (d: LaDataset) => number[], recency: number, prior: number, given?: number): Map<string, number> => {
    const items = members.flatMap((d) => {
      const s = weightedSummary(xs(d), recency);
      return s ? [{ id: d.la.oldCode, summary: s }] : [];
    });
    const tau2 = given ?? betweenVariance(items, { national: prior }, flat);
    tau2s.push(tau2);
    const out = new Map<string, number>();
    for (const [id, p] of poolGrowths(items, { national: prior, tau2 }, flat)) out.set(id, p.growth);
    return out;
  };
  const exit = pool((d) => exitRates(d, origin, FLOW_WINDOW), opts.recency, nationalExit, fixed?.exitTau2);
  for (const d of members) if (!exit.has(d.la.oldCode)) exit.set(d.la.oldCode, nationalExit);
  const conversion = new Map<string, number>();
  if (nationalConversion !== undefined) {
    for (const [id, c] of pool((d) => conversions(d, origin, FLOW_WINDOW), 1, nationalConversion, fixed?.conversionTau2)) conversion.set(id, c);
    for (const d of members) if (!conversion.has(d.la.oldCode)) conversion.set(d.la.oldCode, nationalConversion);
  }
  return { exit, conversion, nationalExit, nationalConversion, exitTau2: tau2s[0], conversionTau2: tau2s[1] };
}

function sumRequests(list: LaDataset[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const d of list) for (const [y, v] of Object.entries(d.requests)) out[Number(y)] = (out[Number(y)] ?? 0) + v;
  return out;
}
