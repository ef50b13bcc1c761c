/**
 * Interval calibration (model.md "Uncertainty", "Accuracy"): the model's raw log-scale sd σ[h] is scaled by a
 * factor k[h] chosen so that, over the forecasts made from the `calibrationOrigins` origins before the base year and
 * scored on actuals known at the base year, 80% of outcomes fall inside P50 × exp(±1.2816 k σ). Only data known at
 * the base year is used.
 */
import type { LaDataset } from '../dataset.ts';
import { centralForecasts, DEFAULT_SETTINGS, type CentralForecast, type ForecastSettings, type TotalsProjector } from './central.ts';
import { projectTotals } from './engine-adapter.ts';
import type { Batch } from './pool.ts';

/** z of the 90th percentile of a standard normal: an 80% central interval is ±Z80 sd. */
export const Z80 = 1.2815515655446004;

/** Bounds on the scale, so that a handful of points cannot collapse or explode the interval. */
const K_MIN = 0.5;
const K_MAX = 6;

/** Memo of central forecasts by origin (a central forecast depends only on data known at its origin). */
export type CentralCache = Map<number, CentralForecast[]>;

export function centralsAt(
  batch: Batch,
  origin: number,
  horizon: number,
  settings: ForecastSettings,
  project: TotalsProjector,
  cache?: CentralCache,
): CentralForecast[] {
  const hit = cache?.get(origin);
  if (hit && (hit[0]?.central.length ?? horizon) >= horizon) return hit;
  const f = centralForecasts(batch, origin, horizon, settings, project).forecasts;
  cache?.set(origin, f);
  return f;
}

/** The q-quantile (linear interpolation) of a list. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
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
  cache?: CentralCache,
): number[] {
  const actual = new Map<string, LaDataset>(batch.datasets.map((d) => [d.la.oldCode, d]));
  const z: number[][] = Array.from({ length: horizon }, () => []);
  for (let o = baseYear - settings.calibrationOrigins; o < baseYear; o++) {
    const reach = Math.min(horizon, baseYear - o);
    for (const f of centralsAt(batch, o, reach, settings, project, cache)) {
      for (let h = 1; h <= reach; h++) {
        const a = actual.get(f.ds.la.oldCode)?.stockTotal[o + h];
        const c = f.central[h - 1]!;
        const s = f.sigma[h - 1]!;
        if (a === undefined || !(a > 0) || !(c > 0) || !(s > 0) || o + h > baseYear) continue;
        z[h - 1]!.push(Math.abs(Math.log(a / c)) / s);
      }
    }
  }
  const k: number[] = [];
  let last = 1;
  for (let h = 1; h <= horizon; h++) {
    const zs = settings.calibrateEachHorizon ? z[h - 1]! : h === 1 ? z.flat() : [];
    if (zs.length >= 5) last = Math.min(K_MAX, Math.max(K_MIN, quantile(zs, 0.8) / Z80));
    k.push(last);
  }
  return k;
}
