/**
 * Trend: the yearly growth of a series (total plans, new plans) estimated over a window, pooled across LAs by
 * empirical Bayes (an LA's growth is shrunk towards its region's, and the region's towards England's, in proportion
 * to how noisy the LA's own growth is), and optionally damped towards a long-run rate (model.md "Trend").
 *
 * Growth is handled on the log scale (g = ln(x[y] / x[y-1])) and reported as a simple rate in TrendEstimate.
 * Defaults are the settings that backtest best on the real EES files (docs/model.md "Trend").
 */
import type { TrendEstimate } from './rates.ts';
import { quantile } from '../util/quantiles.ts';

export interface TrendOptions {
  /** Years of growth averaged (default 5). */
  window: number;
  /** Weight of each earlier year relative to the next later one (1 = flat mean; default 0.6). */
  recency: number;
  /**
   * Multiplier on an LA's sampling variance in the shrinkage weight tau² / (tau² + noiseScale × v): larger pools
   * harder (default 4).
   */
  noiseScale: number;
  /** Share of the region's own deviation from England kept (0 = pool straight to England; default 0.5). */
  regionWeight: number;
  /** Share of the gap to the long-run growth closed each year (default 0: no damping). */
  damping: number;
  /**
   * Years of England's growth averaged for the long-run rate the damped trend decays to (0 = England's recent
   * growth over `window`, the default).
   */
  longRunYears?: number;
}

export const DEFAULT_TREND: TrendOptions = { window: 5, recency: 0.6, noiseScale: 4, regionWeight: 0.5, damping: 0 };

/** A series' recent log growth: recency-weighted mean, the sampling variance of that mean, and the years used. */
export interface GrowthSummary {
  mean: number;
  /** Sampling variance of `mean`. */
  variance: number;
  /** Residual variance of one year's growth around `mean` (year-to-year noise). */
  residual: number;
  years: number;
}

/**
 * Log growths ln(x[y] / x[y-1]) for y = end-window+1 … end, latest first; undefined if any value is missing or
 * not positive.
 * @example logGrowths({ 2020: 100, 2021: 110, 2022: 121 }, 2022, 2) // [ln 1.1, ln 1.1]
 */
export function logGrowths(series: Record<number, number>, end: number, window: number): number[] | undefined {
  const out: number[] = [];
  for (let i = 0; i < window; i++) {
    const a = series[end - i];
    const b = series[end - i - 1];
    if (!(a! > 0) || !(b! > 0)) return undefined;
    out.push(Math.log(a! / b!));
  }
  return out;
}

/**
 * Recency-weighted mean of a series' log growths up to `end`, with the sampling variance of that weighted mean
 * (residual variance × Σw² / (Σw)²). Falls back to a shorter window when the series is short, down to a single
 * year's growth with a wide variance (ONE_YEAR_VARIANCE).
 */
export function recentGrowth(
  series: Record<number, number>,
  end: number,
  opts: Pick<TrendOptions, 'window' | 'recency'> = DEFAULT_TREND,
): GrowthSummary | undefined {
  for (let w = opts.window; w >= 2; w--) {
    const gs = logGrowths(series, end, w);
    if (!gs) continue;
    let sw = 0;
    let sw2 = 0;
    let m = 0;
    gs.forEach((g, i) => {
      const q = opts.recency ** i;
      sw += q;
      sw2 += q * q;
      m += q * g;
    });
    m /= sw;
    let ss = 0;
    gs.forEach((g, i) => (ss += opts.recency ** i * (g - m) ** 2));
    const resid = ((ss / sw) * w) / (w - 1);
    return { mean: m, variance: (resid * sw2) / (sw * sw), residual: resid, years: w };
  }
  // One year of growth says little: it enters with a wide variance, so pooling leans on the region and England.
  const one = logGrowths(series, end, 1);
  if (one) return { mean: one[0]!, variance: ONE_YEAR_VARIANCE, residual: ONE_YEAR_VARIANCE, years: 1 };
  return undefined;
}

/**
 * Σw² / (Σw)² of the recency weights of `years` growths: the sampling variance of their weighted mean is the
 * year-to-year variance times this.
 * @example meanVarianceFactor(2, 1) // 0.5
 */
export function meanVarianceFactor(years: number, recency: number): number {
  let sw = 0;
  let sw2 = 0;
  for (let i = 0; i < years; i++) {
    sw += recency ** i;
    sw2 += recency ** (2 * i);
  }
  return sw2 / (sw * sw);
}

/**
 * An LA's year-to-year variance of growth ν², moderated towards a prior as if the prior were `priorYears` more years
 * of growth: (d·s² + d₀·(s₀² + c)) / (d + d₀), d = the LA's growths − 1, s₀² the median of the batch's LAs, c the
 * variance its own size alone gives a year's growth (`countVar`: new and ending plans counted as chance events, about
 * (N + exits) / S²; for City of London's 19 plans 0.017, for Kent's 17,733 1e-5). With two or three growths, as a
 * release in the 2025 layout alone gives at its early origins, the LA's own estimate is often near zero by chance: at
 * origin 2021 its 80% ranges held 0.65 of outcomes. Without c, the smallest LAs were pulled towards the large ones'
 * noise and their ranges held 0.50. A single growth keeps its own wide variance.
 * @example residualModerator([{ summary: { residual: 0.01, years: 5 } }], 2)({ residual: 0, years: 3 }, 0.002) // 0.006
 */
export function residualModerator(
  trends: Iterable<{ summary: Pick<GrowthSummary, 'residual' | 'years'> }>,
  priorYears: number,
  median?: number,
): (s: Pick<GrowthSummary, 'residual' | 'years'>, countVar?: number) => number {
  const s0 = median ?? residualMedian(trends);
  if (priorYears <= 0 || s0 === undefined) return (s) => s.residual;
  return (s, countVar = 0) => {
    const d = s.years - 1;
    return d > 0 ? (d * s.residual + priorYears * (s0 + countVar)) / (d + priorYears) : s.residual;
  };
}

/** The median year-to-year variance of growth over LAs with more than one growth (s₀² of residualModerator). */
export function residualMedian(trends: Iterable<{ summary: Pick<GrowthSummary, 'residual' | 'years'> }>): number | undefined {
  const pooled = [...trends].filter((t) => t.summary.years > 1).map((t) => t.summary.residual);
  return pooled.length ? quantile(pooled, 0.5) : undefined;
}

/** Sampling and year-to-year variance given to a single year's growth (sd 5%). */
export const ONE_YEAR_VARIANCE = 0.0025;

export interface PoolInput {
  id: string;
  /** Region code (pooling group); LAs without one pool to England. */
  group?: string;
  summary: GrowthSummary;
}

export interface PooledGrowth {
  /** Pooled log growth. */
  growth: number;
  /** Standard error of the pooled log growth (posterior sd). */
  se: number;
  /** Weight kept on the LA's own growth (0–1). */
  ownWeight: number;
  /** The prior it was shrunk towards (region blended with England). */
  prior: number;
}

type PoolContext = { national: number; regional?: ReadonlyMap<string, number>; tau2?: number };

function priorFor(ctx: PoolContext, opts: Pick<TrendOptions, 'regionWeight'>): (it: PoolInput) => number {
  return (it) => {
    const r = it.group !== undefined ? ctx.regional?.get(it.group) : undefined;
    return r === undefined ? ctx.national : ctx.national + opts.regionWeight * (r - ctx.national);
  };
}

/**
 * The between-LA variance tau² of growth around the priors, by moments: the mean squared deviation from the prior
 * less the mean sampling variance (at least 1e-6). With two LAs or fewer there is no spread to learn from: the
 * LAs' own mean sampling variance. Undefined without items.
 */
export function betweenVariance(items: PoolInput[], ctx: PoolContext, opts: Pick<TrendOptions, 'regionWeight'> = DEFAULT_TREND): number | undefined {
  if (items.length === 0) return undefined;
  const priorOf = priorFor(ctx, opts);
  let dev = 0;
  let meanV = 0;
  for (const it of items) {
    dev += (it.summary.mean - priorOf(it)) ** 2;
    meanV += it.summary.variance;
  }
  dev /= items.length;
  meanV /= items.length;
  return items.length > 2 ? Math.max(1e-6, dev - meanV) : Math.max(1e-6, meanV);
}

/**
 * Empirical-Bayes pooling of LA growths. The prior of an LA is `national + regionWeight × (region − national)`;
 * the between-LA variance tau² is `ctx.tau2` when given (a statistic of the whole release, forecast/batch-stats.ts),
 * else estimated from the items (betweenVariance), and each LA keeps weight tau² / (tau² + noiseScale × v_i) on its
 * own growth.
 * @example poolGrowths([{ id: 'a', summary: { mean: 0.2, variance: 0.01, residual: 0.05, years: 5 } }], { national: 0.1 })
 */
export function poolGrowths(items: PoolInput[], ctx: PoolContext, opts: Pick<TrendOptions, 'noiseScale' | 'regionWeight'> = DEFAULT_TREND): Map<string, PooledGrowth> {
  const priorOf = priorFor(ctx, opts);
  const out = new Map<string, PooledGrowth>();
  const tau2 = ctx.tau2 ?? betweenVariance(items, ctx, opts);
  if (tau2 === undefined) return out;
  for (const it of items) {
    const prior = priorOf(it);
    const v = opts.noiseScale * Math.max(it.summary.variance, 1e-8);
    const b = tau2 / (tau2 + v);
    out.set(it.id, {
      growth: prior + b * (it.summary.mean - prior),
      se: Math.sqrt((tau2 * v) / (tau2 + v)),
      ownWeight: b,
      prior,
    });
  }
  return out;
}

/**
 * Cumulative log growth over `years` steps of a (possibly damped) trend whose log growth starts at `g0` and closes
 * `damping` of its gap to `longRun` every year.
 * @example cumulativeLogGrowth(0.1, 2, 0, 0) // 0.2
 */
export function cumulativeLogGrowth(g0: number, years: number, damping: number, longRun: number): number {
  let c = 0;
  let g = g0;
  for (let t = 0; t < years; t++) {
    c += g;
    g = longRun + (g - longRun) * (1 - damping);
  }
  return c;
}

/** A TrendEstimate (simple rates, as the engine takes them) from pooled log growth. */
export function toTrendEstimate(p: { growth: number; se: number }, damping: number, longRunLog: number): TrendEstimate {
  return { growth: Math.expm1(p.growth), se: p.se * Math.exp(p.growth), damping, longRun: Math.expm1(longRunLog) };
}

/** Multiplier on a level after `years` of the trend (simple-rate TrendEstimate, damped towards its long run). */
export function trendMultiplier(t: TrendEstimate, years: number): number {
  return Math.exp(cumulativeLogGrowth(Math.log1p(t.growth), years, t.damping, Math.log1p(t.longRun)));
}
