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
