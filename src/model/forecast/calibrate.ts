/**
 * Interval calibration (model.md "Uncertainty", "Accuracy"): the model's raw log-scale sd σ[h] is scaled by a
 * factor k[h] = k̂[h]^calibrationWeight, where k̂[h] is the scale at which 80% of the forecasts made from the
 * `calibrationOrigins` origins before the base year (scored on actuals known at the base year, each origin's errors
 * centred on their median) fall inside P50 × exp(±1.2816 k̂ σ): partial pooling, on the log scale, between the model's
 * own σ and a scale learnt from a handful of past origins (docs/model.md "Forecast" for the evidence). Only data
 * known at the base year is used.
 */
import type { LaDataset } from '../dataset.ts';
import { centralForecasts, DEFAULT_SETTINGS, fewLasReference, forecastableCount, type ForecastSettings, type TotalsProjector } from './central.ts';
import { projectTotals } from './engine-adapter.ts';
import type { Batch } from './pool.ts';
import { quantile } from '../../util/quantiles.ts';

/** z of the 90th percentile of a standard normal: an 80% central interval is ±Z80 sd. */
export const Z80 = 1.2815515655446004;

/** Bounds on the scale, so that a handful of points cannot collapse or explode the interval. */
const K_MIN = 0.5;
const K_MAX = 6;

/**
 * Past origins a horizon's errors must come from before they may narrow its range below the model's σ: one origin's
 * errors (a short release, or the longest horizon) may widen it, never narrow it. In the 2025 layout alone at origin
 * 2021, one origin's errors set k = 0.81 and the 80% ranges held 0.65 of outcomes.
 */
const ORIGINS_TO_NARROW = 2;

/** Below this many LAs a batch calibrates on SMALL_BATCH_ORIGINS past origins instead of settings.calibrationOrigins. */
const SMALL_BATCH = 10;
const SMALL_BATCH_ORIGINS = 8;

/**
 * What the calibration and the backtests read of a central forecast from a past origin (central.ts CentralForecast):
 * the LA's DfE code, the central totals and the uncalibrated log-scale sd at origin + 1 … origin + reach. Only this
 * is kept of the forecasts of every LA from every past origin, not their datasets and engine inputs.
 */
export interface PastForecast {
  la: string;
  central: number[];
  sigma: number[];
}

/**
 * Where a batch of too few LAs took its ranges' calibration: the January (`origin`) and the release (`firstYear`, its
 * series' first January) of the shipped reference, and `n`, how many LAs the batch could forecast.
 */
export interface ReferenceRanges {
  origin: number;
  firstYear: number;
  n: number;
}

/** Memo of central forecasts by origin (a central forecast depends only on data known at its origin). */
export type CentralCache = Map<number, PastForecast[]>;

/** What the calibration reads and writes of a memo by origin: a CentralCache, or a view of a memo by content (memo.ts). */
export interface OriginCache {
  get(origin: number): PastForecast[] | undefined;
  set(origin: number, forecasts: PastForecast[]): unknown;
}

export function centralsAt(
  batch: Batch,
  origin: number,
  horizon: number,
  settings: ForecastSettings,
  project: TotalsProjector,
  cache?: OriginCache,
): PastForecast[] {
  const hit = cache?.get(origin);
  if (hit && (hit[0]?.central.length ?? horizon) >= horizon) return hit;
  const f = centralForecasts(batch, origin, horizon, settings, project).forecasts.map((c) => ({ la: c.ds.la.oldCode, central: c.central, sigma: c.sigma }));
  cache?.set(origin, f);
  return f;
}

/**
 * Scale factors k[h], h = 1 … horizon, from past origins base − C … base − 1 (actuals ≤ base only).
 * Horizons no past origin reaches take the factor of the longest one that has points; with none at all, 1.
 */
export function calibrationScales(
  batch: Batch,
  baseYear: number,
  horizon: number,
  settings: ForecastSettings = DEFAULT_SETTINGS,
  project: TotalsProjector = projectTotals,
  cache?: OriginCache,
): number[] {
  return calibration(batch, baseYear, horizon, settings, project, cache).k;
}

/**
 * calibrationScales' factors and `scored`, the longest horizon at which past forecasts were scored against outcomes
 * (at least 5 errors): the ranges of later years carry a shorter horizon's factor and were never checked against
 * outcomes that far ahead (0: no horizon was); `las`, how many LAs' past forecasts were scored. A batch of fewer than
 * MIN_BATCH_LAS LAs takes all three from the whole release's calibration in the shipped reference where it takes the
 * release's spreads (central.ts fewLasReference; `fromReference`: the January and release it took them from, and how
 * many LAs the batch could forecast): a council's own
 * folder scored only its own past errors (Kent's folder of the 2022 release, base 2022: k = 1 at every horizon, where
 * the release's 151 LAs give 0.91 / 0.94 / 1), so its range was not the release's.
 * @example calibration(batch, 2022, 10).scored // 3 on a release of every LA from 2010
 */
export function calibration(
  batch: Batch,
  baseYear: number,
  horizon: number,
  settings: ForecastSettings = DEFAULT_SETTINGS,
  project: TotalsProjector = projectTotals,
  cache?: OriginCache,
): { k: number[]; scored: number; las: number; fromReference?: ReferenceRanges } {
  const n = forecastableCount(batch, baseYear);
  const { given, ranges } = fewLasReference(batch, n, baseYear, settings);
  if (given && ranges) {
    const k = Array.from({ length: horizon }, (_, i) => ranges.scale[Math.min(i, ranges.scale.length - 1)]!);
    return { k, scored: Math.min(ranges.scored, horizon), las: ranges.las, fromReference: { origin: given.origin, firstYear: given.firstYear, n } };
  }
  return ownCalibration(batch, baseYear, horizon, settings, project, cache);
}

/** calibration() from the batch's own past forecasts (what the shipped reference holds of a whole release). */
export function ownCalibration(
  batch: Batch,
  baseYear: number,
  horizon: number,
  settings: ForecastSettings = DEFAULT_SETTINGS,
  project: TotalsProjector = projectTotals,
  cache?: OriginCache,
): { k: number[]; scored: number; las: number } {
  const actual = new Map<string, LaDataset>(batch.datasets.map((d) => [d.la.oldCode, d]));
  /** The LAs whose past forecasts were scored against an outcome (those the ranges are calibrated on). */
  const scoredLas = new Set<string>();
  const z: number[][] = Array.from({ length: horizon }, () => []);
  /** How many past origins gave errors at each horizon. */
  const from = Array.from({ length: horizon }, () => 0);
  // A batch of a few LAs (an LA's own data) has too few errors per origin: it looks further back instead.
  const origins = batch.datasets.length >= SMALL_BATCH ? settings.calibrationOrigins : Math.max(settings.calibrationOrigins, SMALL_BATCH_ORIGINS);
  // A forecast's first `reach` years do not depend on its horizon: with a memo shared across base years (the
  // backtest's origins), each past origin is forecast once, as far as the furthest any origin here reaches (the
  // earliest: `origins` years, or the horizon), not again for a longer reach, and never further than is scored.
  const longest = Math.min(horizon, origins);
  for (let o = baseYear - origins; o < baseYear; o++) {
    const reach = Math.min(horizon, baseYear - o);
    const fs = centralsAt(batch, o, cache ? longest : reach, settings, project, cache);
    for (let h = 1; h <= reach; h++) {
      const errs: Array<{ e: number; s: number }> = [];
      for (const f of fs) {
        const a = actual.get(f.la)?.stockTotal[o + h];
        const c = f.central[h - 1]!;
        const s = f.sigma[h - 1]!;
        if (a === undefined || !(a > 0) || !(c > 0) || !(s > 0) || o + h > baseYear) continue;
        errs.push({ e: Math.log(a / c), s });
        scoredLas.add(f.la);
      }
      // Centre on the origin's median error: the shift shared by every LA (a national shock of that year) says
      // nothing about the spread of LAs around their forecasts, and with two or three origins it would swamp it.
      const mid = settings.calibrateCentred ? quantile(errs.map((x) => x.e), 0.5) : 0;
      for (const x of errs) z[h - 1]!.push(Math.abs(x.e - mid) / x.s);
      if (errs.length > 0) from[h - 1]! += 1;
    }
  }
  const k: number[] = [];
  let last = 1;
  let scored = 0;
  for (let h = 1; h <= horizon; h++) {
    const zs = settings.calibrateEachHorizon ? z[h - 1]! : h === 1 ? z.flat() : [];
    // Partial pooling on the log scale between the model's own σ (log k = 0) and the past errors' scale.
    // A small batch learns from one LA's own few errors, and any batch from a single origin's: they may widen the
    // range, never narrow it below σ.
    const kMin = batch.datasets.length >= SMALL_BATCH && from[h - 1]! >= ORIGINS_TO_NARROW ? K_MIN : 1;
    if (zs.length >= 5) last = Math.min(K_MAX, Math.max(kMin, (quantile(zs, 0.8) / Z80) ** settings.calibrationWeight));
    if (z[h - 1]!.length >= 5) scored = h;
    k.push(last);
  }
  return { k, scored, las: scoredLas.size };
}
