/**
 * The incidence trend (model.md "Trend"): growth g₁ at the first projected year decaying towards the long-run
 * rate by the damping share each year, gₖ = L + (g₁ − L)(1 − d)^(k−1); trend factor Tₖ = Π_{j≤k}(1 + gⱼ).
 */
import type { TrendEstimate } from '../rates.ts';

/**
 * Trend factors for census base + k, k = 0 … horizon (T₀ = 1), starting from growth `growth` (or the solved path
 * of a constrained run, constrain.ts, when the trend carries one and `growth` is its own).
 * @example trendFactors({ growth: 0.1, damping: 0, longRun: 0, se: 0 }, 2) // [1, 1.1, 1.21]
 */
export function trendFactors(trend: TrendEstimate, horizon: number, growth = trend.growth, out = new Float64Array(horizon + 1)): Float64Array {
  out[0] = 1;
  if (trend.path && growth === trend.growth && trend.path.length > horizon) {
    for (let k = 1; k <= horizon; k++) out[k] = trend.path[k]!;
    return out;
  }
  let g = growth;
  for (let k = 1; k <= horizon; k++) {
    out[k] = out[k - 1]! * Math.max(0, 1 + g);
    g = trend.longRun + (g - trend.longRun) * (1 - trend.damping);
  }
  return out;
}

/**
 * Trend factors T₀ … T_H whose yearly growth Tₖ / Tₖ₋₁ − 1 is each moved by `delta` (or by `delta(k)` in year k; a
 * year from or to a factor of 0 keeps its own change).
 * @example shiftGrowth([1, 1.1, 1.21], 0.02) // [1, 1.12, 1.2544]
 */
export function shiftGrowth(path: readonly number[], delta: number | ((k: number) => number)): number[] {
  const out = [path[0]!];
  let scale = 1; // out[k] = path[k] × scale
  for (let k = 1; k < path.length; k++) {
    const before = path[k - 1]!;
    const now = path[k]!;
    const d = typeof delta === 'number' ? delta : delta(k);
    if (before > 0 && now > 0) scale *= Math.max(0, now / before + d) / (now / before);
    out.push(now * scale);
  }
  return out;
}

/** Growth of the damped curve in projected year k ≥ 1: gₖ = L + (g₁ − L)(1 − d)^(k−1). */
export function curveGrowth(t: Pick<TrendEstimate, 'growth' | 'damping' | 'longRun'>, k: number): number {
  return t.longRun + (t.growth - t.longRun) * (1 - t.damping) ** (k - 1);
}

/**
 * The solved path of a run held to the total-plans forecast (constrain.ts), moved by a scenario's own trend: each
 * year's growth on the path changes by what the scenario's growth curve (`to`) gives that year less what the trend
 * behind the path (`from`) gives. The same trend gives the path unchanged, bit for bit; a higher first-year or
 * long-run growth never gives fewer plans; and a small move gives a small change. (Replacing the path with the
 * scenario's curve, as before, dropped the forecast's catch-up: on the sample, setting the growth to the value the
 * explorer showed raised January 2035 from 8,914 plans to 10,005, and any long-run rate gave the same 9,084.)
 * @example movedPath([1, 1.2, 1.4], { growth: 0.1, damping: 0, longRun: 0.1 }, { growth: 0.12, damping: 0, longRun: 0.1 }) // each year's growth + 0.02
 */
export function movedPath(path: readonly number[], from: Pick<TrendEstimate, 'growth' | 'damping' | 'longRun'>, to: Pick<TrendEstimate, 'growth' | 'damping' | 'longRun'>): number[] {
  return shiftGrowth(path, (k) => curveGrowth(to, k) - curveGrowth(from, k));
}
