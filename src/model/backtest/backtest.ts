/**
 * Rolling-origin backtest (model.md "Accuracy", cli.md `backtest`): from each origin, forecast total plans 1 … H
 * years ahead with the model (using only data known at the origin: forecast/truncate.ts) and with the naive
 * baselines, and score against the actuals across LAs (or across origins for one LA).
 *
 *   origins ─► central forecasts (forecast/central.ts) ─► calibrated 80% interval (forecast/calibrate.ts)
 *           └► baselines (baselines.ts) on the series known at the origin
 *   ─► points per horizon and method ─► metrics.ts
 */
import { lastJanuaryWithPlans, type LaDataset } from '../dataset.ts';
import { calibrationScales, centralsAt, Z80, type OriginCache } from '../forecast/calibrate.ts';
import { DEFAULT_SETTINGS, type ForecastSettings, type TotalsProjector } from '../forecast/central.ts';
import { projectTotals } from '../forecast/engine-adapter.ts';
import type { Batch } from '../forecast/pool.ts';
import { skippedEntry, skipReason, type Skipped } from '../forecast/select.ts';
import { knownAt } from '../forecast/truncate.ts';
import { noOutcomeToScore } from '../../messages/backtest.ts';
import { noGrowthInWindow } from '../../messages/model.ts';
import { BASELINES, baselineForecast, type Baseline } from './baselines.ts';
import { roundScores, scorePoints, type RoundedScores, type ScoredPoint } from './metrics.ts';

export type Method = 'model' | Baseline;
export const METHODS: readonly Method[] = ['model', ...BASELINES];

/**
 * cli.md's JSON shape: percentages in %, coverage80 as a share 0–1 (null for baselines, which have no interval), and
 * the forecasts each is measured on.
 */
export interface BacktestResult {
  origins: number[];
  horizons: Record<string, Record<Method, RoundedScores>>;
  n_series: number;
  /**
   * By origin, the LAs asked for that no method is scored on from it, and why (BacktestPoints.leftOut): added after
   * cli.md's three fields, never in their place.
   */
  left_out: Record<string, Skipped[]>;
}

/**
 * Why `forecast --base-year <origin>` would refuse a central forecast it made of `ds` (pipeline/forecast.ts
 * forecastRefusal: a step `run` refuses), or undefined when it would publish it.
 */
export type Refusal = (ds: LaDataset, origin: number, central: readonly number[]) => string | undefined;

export interface BacktestOptions {
  origins: number[];
  horizon: number;
  /** Only these LAs (DfE codes) are scored; pooling still uses every LA of the batch. */
  only?: ReadonlySet<string>;
  settings?: ForecastSettings;
  project?: TotalsProjector;
  /**
   * Central forecasts already made from some origins for this same batch, settings and projector (forecastTotals'
   * calibration of the batch known at a later base year): reused, and the new ones added.
   */
  cache?: OriginCache;
  /** What `forecast` refuses of the central forecasts it makes: refused forecasts are not scored, for any method. */
  refuse?: Refusal;
}

/** Every scored point, by horizon and method, with the LA and origin it came from. */
export interface BacktestPoints {
  points: Array<ScoredPoint & { h: number; method: Method; la: string; origin: number }>;
  series: Set<string>;
  /**
   * By origin, the LAs (of `only`, else of the batch) not scored from it, with the reason: those `forecast` skips or
   * refuses from that base year (its skip reasons, word for word), and those it would publish but the files hold no
   * outcome of (an LA whose series ends at the origin), where other LAs have one. The model and every baseline are
   * scored on the same series, so none of them is scored on these.
   */
  leftOut: Map<number, Skipped[]>;
}

/** Forecasts from every origin and horizon, for the model and each baseline, with the actual outcome. */
export function backtestPoints(batch: Batch, opts: BacktestOptions): BacktestPoints {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const project = opts.project ?? projectTotals;
  const cache: OriginCache = opts.cache ?? new Map();
  const out: BacktestPoints = { points: [], series: new Set(), leftOut: new Map() };
  const asked = batch.datasets.filter((d) => !opts.only || opts.only.has(d.la.oldCode));
  const byCode = new Map<string, LaDataset>(batch.datasets.map((d) => [d.la.oldCode, d]));
  const outcome = (d: LaDataset, origin: number, h: number): number | undefined => {
    const a = d.stockTotal[origin + h];
    return a !== undefined && a > 0 ? a : undefined;
  };
  for (const origin of opts.origins) {
    const k = calibrationScales(batch, origin, opts.horizon, settings, project, cache);
    const left: Skipped[] = [];
    const unscored: LaDataset[] = [];
    const forecast = centralsAt(batch, origin, opts.horizon, settings, project, cache);
    const made = new Set(forecast.map((f) => f.la));
    for (const d of asked) {
      // what forecast --base-year <origin> skips, with its words (central.ts: skipReason, else no growth to read)
      if (!made.has(d.la.oldCode)) left.push(skippedEntry(d, skipReason(knownAt(d, origin), origin) ?? noGrowthInWindow(settings.trend.window, origin)));
    }
    for (const f of forecast) {
      const code = f.la;
      if (opts.only && !opts.only.has(code)) continue;
      const full = byCode.get(code)!;
      const refused = opts.refuse?.(full, origin, f.central.slice(0, opts.horizon));
      if (refused) {
        left.push(skippedEntry(full, refused));
        continue;
      }
      const seen = knownAt(full, origin).stockTotal;
      let scored = false;
      for (let h = 1; h <= opts.horizon; h++) {
        const actual = outcome(full, origin, h);
        if (actual === undefined) continue;
        const c = f.central[h - 1]!;
        const half = Z80 * k[h - 1]! * f.sigma[h - 1]!;
        out.points.push({ h, method: 'model', la: code, origin, forecast: c, actual, lo: c * Math.exp(-half), hi: c * Math.exp(half) });
        for (const b of BASELINES) {
          const fc = baselineForecast(b, seen, origin, h);
          if (fc !== undefined) out.points.push({ h, method: b, la: code, origin, forecast: fc, actual });
        }
        out.series.add(code);
        scored = true;
      }
      if (!scored) unscored.push(full);
    }
    // a forecast with no outcome is left out by name where the files reach past the origin for other LAs; where they
    // reach no LA's outcome, the origin is past the files (said once: pipeline/forecast.ts horizonsNotReached)
    const reached = batch.datasets.some((d) => Array.from({ length: opts.horizon }, (_, i) => outcome(d, origin, i + 1)).some((a) => a !== undefined));
    if (reached) for (const d of unscored) left.push(skippedEntry(d, noOutcomeToScore(origin, opts.horizon, lastJanuaryWithPlans(d))));
    out.leftOut.set(origin, left.sort((a, b) => a.old_la_code.localeCompare(b.old_la_code)));
  }
  return out;
}

/** Scores backtest points into cli.md's shape. Each method is scored on the points where the model was. */
export function summarise(origins: number[], horizon: number, bp: BacktestPoints): BacktestResult {
  const horizons: BacktestResult['horizons'] = {};
  for (let h = 1; h <= horizon; h++) {
    const atH = bp.points.filter((p) => p.h === h);
    const block = {} as Record<Method, RoundedScores>;
    for (const m of METHODS) block[m] = roundScores(scorePoints(atH.filter((p) => p.method === m)));
    horizons[String(h)] = block;
  }
  const left_out = Object.fromEntries(origins.map((o) => [String(o), bp.leftOut.get(o) ?? []]));
  return { origins: [...origins], horizons, n_series: bp.series.size, left_out };
}

/**
 * Rolling-origin backtest of a batch of LAs.
 * @example backtestBatch(batch, { origins: [2017, 2018, 2019], horizon: 3 }).horizons['1'].model.mape
 */
export function backtestBatch(batch: Batch, opts: BacktestOptions): BacktestResult {
  return summarise(opts.origins, opts.horizon, backtestPoints(batch, opts));
}

/**
 * Backtest of one LA's own history (the report's Backtest sheet): scores are across origins. With no origins
 * given, every origin with at least 5 years of history before it and one year after is used. England / the region,
 * when given, are what the LA's trend is pooled towards.
 * @example backtestDataset(ds, { horizon: 3 }).horizons['1'].model.mape
 */
export function backtestDataset(
  ds: LaDataset,
  opts: { origins?: number[]; horizon?: number; national?: LaDataset; region?: LaDataset; settings?: ForecastSettings } = {},
): BacktestResult {
  const horizon = opts.horizon ?? 3;
  const years = Object.keys(ds.stockTotal).map(Number).sort((a, b) => a - b);
  const origins = opts.origins ?? years.filter((y) => y - 5 >= years[0]! && y < years[years.length - 1]!);
  const batch: Batch = { datasets: [ds], national: opts.national, regions: opts.region ? [opts.region] : [] };
  return backtestBatch(batch, { origins, horizon, settings: opts.settings });
}

/** Model coverage of the 80% interval by horizon within each third of the scored LAs by size (stock at the last origin). */
export interface CoverageBySize {
  /** Upper bound of the small and medium thirds (plans at the last origin). */
  cuts: [number, number];
  byHorizon: Record<string, { small: number | null; medium: number | null; large: number | null }>;
  /** The model's forecasts scored in each third, by horizon (what each coverage rests on). */
  forecasts: Record<string, { small: number; medium: number; large: number }>;
  /** The model's coverage and MAPE by horizon within each band of SIZE_BANDS, by the LA's plans at the origin. */
  bands: SizeBand[];
}

/**
 * Plans at the origin bounding the size bands a backtest's coverage is also given in: under 1,000, 1,000–3,000,
 * 3,000–6,000, 6,000 or more. Fixed, unlike the thirds (whose cuts move with the release: 1,522 and 2,202 plans at
 * origin 2019 on the 2022 release, 1,853 and 2,741 at 2021), so that one release's and another's coverage of small LAs
 * are of the same LAs; the smallest band holds the LAs whose plans are few enough for chance alone to move them a
 * year by a few percent (City of London, Rutland, Hartlepool), the largest the counties and cities above 6,000.
 */
export const SIZE_BANDS: readonly number[] = [1000, 3000, 6000];

export interface SizeBand {
  /** Plans at the origin: from (inclusive) to (exclusive; none for the largest band). */
  from: number;
  to?: number;
  byHorizon: Record<string, { coverage80: number | null; mape: number; forecasts: number }>;
}

/**
 * The model's 80% coverage within each size third of LAs: a calibrated model holds about 80% for small and large LAs
 * alike (model.md "One model").
 * @example coverageBySize(backtestPoints(batch, opts), batch, opts.origins).byHorizon['1'].small
 */
export function coverageBySize(bp: BacktestPoints, batch: Batch, origins: readonly number[]): CoverageBySize {
  const last = Math.max(...origins);
  const size = new Map<string, number>();
  for (const d of batch.datasets) {
    if (!bp.series.has(d.la.oldCode)) continue;
    const years = Object.keys(d.stockTotal).map(Number).filter((y) => y <= last);
    if (years.length) size.set(d.la.oldCode, d.stockTotal[Math.max(...years)]!);
  }
  const sorted = [...size.values()].sort((a, b) => a - b);
  const cuts: [number, number] = [sorted[Math.floor(sorted.length / 3)] ?? 0, sorted[Math.floor((2 * sorted.length) / 3)] ?? 0];
  const third = (code: string): 'small' | 'medium' | 'large' => {
    const s = size.get(code) ?? 0;
    return s < cuts[0] ? 'small' : s < cuts[1] ? 'medium' : 'large';
  };
  const byHorizon: CoverageBySize['byHorizon'] = {};
  const forecasts: CoverageBySize['forecasts'] = {};
  const hs = [...new Set(bp.points.map((p) => p.h))].sort((a, b) => a - b);
  for (const h of hs) {
    const groups = { small: [] as ScoredPoint[], medium: [] as ScoredPoint[], large: [] as ScoredPoint[] };
    for (const p of bp.points) if (p.h === h && p.method === 'model') groups[third(p.la)].push(p);
    byHorizon[String(h)] = {
      small: scorePoints(groups.small).coverage80,
      medium: scorePoints(groups.medium).coverage80,
      large: scorePoints(groups.large).coverage80,
    };
    forecasts[String(h)] = { small: scorePoints(groups.small).n, medium: scorePoints(groups.medium).n, large: scorePoints(groups.large).n };
  }
  return { cuts, byHorizon, forecasts, bands: sizeBands(bp, batch, hs) };
}

/** The model's scores within each band of SIZE_BANDS by the LA's plans at the origin of each forecast. */
function sizeBands(bp: BacktestPoints, batch: Batch, hs: readonly number[]): SizeBand[] {
  const stock = new Map(batch.datasets.map((d) => [d.la.oldCode, d.stockTotal]));
  const bounds = [0, ...SIZE_BANDS];
  return bounds.map((from, i) => {
    const to = bounds[i + 1];
    const byHorizon: SizeBand['byHorizon'] = {};
    for (const h of hs) {
      const s = scorePoints(
        bp.points.filter((p) => {
          const plans = stock.get(p.la)?.[p.origin] ?? 0;
          return p.h === h && p.method === 'model' && plans >= from && (to === undefined || plans < to);
        }),
      );
      byHorizon[String(h)] = { coverage80: s.coverage80, mape: s.mape, forecasts: s.n };
    }
    return { from, ...(to !== undefined ? { to } : {}), byHorizon };
  });
}
