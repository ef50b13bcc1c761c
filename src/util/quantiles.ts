/**
 * The one quantile of the project: linear interpolation between order statistics (the "type 7" definition of R's
 * default, numpy's default and Excel's PERCENTILE.INC), used for Monte Carlo draws, money and forecast errors.
 * (simple-statistics' `quantileSorted` takes order statistics without interpolating: other numbers.)
 */
import type { Quantiles } from '../model/result.ts';

/**
 * The q-quantile of ascending `sorted` values (NaN when there are none).
 * @example quantileSorted([10, 20, 30, 40, 50], 0.1) // 14 (position 0.4 between 10 and 20)
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The q-quantile of values in any order.
 * @example quantile([3, 1, 2], 0.5) // 2
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

/** P10/P50/P90 (or three other levels) of a set of values. */
export function quantilesOf(values: ArrayLike<number>, levels: readonly [number, number, number] = [0.1, 0.5, 0.9]): Quantiles {
  const s = Float64Array.from(values).sort();
  return { p10: quantileSorted(s, levels[0]), p50: quantileSorted(s, levels[1]), p90: quantileSorted(s, levels[2]) };
}

/** The same value at every level (a deterministic run). */
export function pointQuantiles(v: number): Quantiles {
  return { p10: v, p50: v, p90: v };
}
