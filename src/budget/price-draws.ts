/**
 * Price risk (spec budget.md "Money has ranges"): inflation and complexity drift drawn around the scenario's values.
 *
 * Each Monte Carlo draw k has one standard-normal price shock z_k, held for every year: its inflation is every
 * scenario rate + z_k × `uncertainty.inflation_sd`, its complexity drift every placement's drift + z_k ×
 * `uncertainty.drift_sd` (default half the inflation spread). Price regimes persist (a year of high inflation is
 * seldom followed by one of low), so the shock is not redrawn each year; the tornado's inflation row moves prices
 * the same way. Shocks come in antithetic pairs (z, −z) from a seeded stream, so the draws are centred on the
 * scenario's prices.
 *
 * Every cost rises with z (inflation applies to unit costs, other spend carried forward and delivery costs; drift to
 * top-ups and fees), so expenditure in every year rises and each balance falls with z. The P10/P50/P90 of the price
 * draws of any of them are therefore the budget paths at the order statistics of z: only those few paths are priced,
 * exactly, whatever the number of draws.
 */
import { Rng } from '../util/rng.ts';
import type { BudgetParams } from './params.ts';

/** Stream of the seeded generator that the price shocks come from (apart from the engine's draw streams). */
const PRICE_STREAM = 0x70726963;

/** Whether the scenario draws prices at all. */
export function hasPriceRisk(params: Pick<BudgetParams, 'priceSd'>): boolean {
  return params.priceSd.inflation > 0 || params.priceSd.drift > 0;
}

/**
 * The standard-normal price shocks of `draws` draws, ascending: antithetic pairs, and 0 for an odd last draw.
 * @example priceShocks(4, 1) // [-a, -b, b, a] with a ≥ b ≥ 0
 */
export function priceShocks(draws: number, seed: number): Float64Array {
  const rng = new Rng(seed, PRICE_STREAM);
  const z = new Float64Array(draws);
  for (let k = 0; k + 1 < draws; k += 2) {
    const v = rng.normal();
    z[k] = v;
    z[k + 1] = -v;
  }
  return z.sort();
}

/** The parameters of a draw with price shock `z`. */
export function shockedParams(params: BudgetParams, z: number): BudgetParams {
  if (z === 0) return params;
  return {
    ...params,
    inflation: { ...params.inflation, shift: params.inflation.shift + z * params.priceSd.inflation },
    driftShift: params.driftShift + z * params.priceSd.drift,
  };
}

/**
 * The shocks at which to price a quantity for one quantile level: the two order statistics the type-7 quantile
 * interpolates between, and the weight of the upper one. `increasing` says whether the quantity rises with z.
 */
export function shockPair(sorted: Float64Array, q: number, increasing: boolean): { lo: number; hi: number; w: number } {
  const n = sorted.length;
  const pos = (n - 1) * q;
  const i = Math.floor(pos);
  const j = Math.min(n - 1, i + 1);
  const at = (k: number): number => (increasing ? sorted[k]! : sorted[n - 1 - k]!);
  return { lo: at(i), hi: at(j), w: pos - i };
}

/** The q-quantile of a quantity across the draws, given its value at any shock (`valueAt`). */
export function priceQuantile(sorted: Float64Array, q: number, increasing: boolean, valueAt: (z: number) => number): number {
  const { lo, hi, w } = shockPair(sorted, q, increasing);
  const a = valueAt(lo);
  return w === 0 ? a : a + w * (valueAt(hi) - a);
}
