/**
 * The stock-flow view of an LA's aggregate series (model.md "Estimation", "State and step"):
 *
 *   S(t+1) = S(t) × (1 − exit(t)) + N(t)
 *
 * S(t) = plans at census t, N(t) = new plans issued in calendar year t (they appear at census t+1), exit(t) = the
 * share of the stock at t that is not in the stock at t+1 (ceased, aged out, net transfers out: net migration is folded
 * in), and the pipeline's lead: N(t) ≈ conversion × requests(t − 1) (requests → assessments → plans take up to a
 * year). Everything here reads only what the dataset holds up to the base year (stocks ≤ base, flows ≤ base − 1).
 */
import type { LaDataset } from '../dataset.ts';
import type { GrowthSummary } from '../trend.ts';

/**
 * Exit rates exit(t) = 1 − (S(t+1) − N(t)) / S(t) for t = base − 1, base − 2, … (latest first), stopping at the first
 * year that lacks a stock or a new-plans figure; at most `window` years.
 * @example exitRates({ ...ds, stockTotal: { 2021: 100, 2022: 105 }, newPlansTotal: { 2021: 10 } }, 2022, 3) // [0.05]
 */
export function exitRates(ds: Pick<LaDataset, 'stockTotal' | 'newPlansTotal'>, baseYear: number, window: number): number[] {
  const out: number[] = [];
  for (let t = baseYear - 1; t >= baseYear - window; t--) {
    const s0 = ds.stockTotal[t];
    const s1 = ds.stockTotal[t + 1];
    const n = ds.newPlansTotal[t];
    if (!(s0! > 0) || s1 === undefined || n === undefined) break;
    out.push(1 - (s1 - n) / s0!);
  }
  return out;
}

/**
 * Conversions N(t) / requests(t − 1), at most 1, for t = base − 1, base − 2, … (latest first), stopping at the first year without
 * both; at most `window` years.
 * @example conversions({ newPlansTotal: { 2021: 80 }, requests: { 2020: 100 } }, 2022, 3) // [0.8]
 */
export function conversions(ds: Pick<LaDataset, 'newPlansTotal' | 'requests'>, baseYear: number, window: number): number[] {
  const out: number[] = [];
  for (let t = baseYear - 1; t >= baseYear - window; t--) {
    const n = ds.newPlansTotal[t];
    const r = ds.requests[t - 1];
    if (n === undefined || !(r! > 0)) break;
    // bounded by what is possible: a year cannot turn more requests into plans than it received
    out.push(Math.min(1, n / r!));
  }
  return out;
}

/**
 * Recency-weighted mean of values given latest first (each earlier one weighted `recency` of the next), with the
 * sampling variance of that mean, as trend.ts summarises growths. Needs at least 2 values.
 */
export function weightedSummary(xs: readonly number[], recency: number): GrowthSummary | undefined {
  const n = xs.length;
  if (n < 2) return undefined;
  let sw = 0;
  let sw2 = 0;
  let m = 0;
  xs.forEach((x, i) => {
    const q = recency ** i;
    sw += q;
    sw2 += q * q;
    m += q * x;
  });
  m /= sw;
  let ss = 0;
  xs.forEach((x, i) => (ss += recency ** i * (x - m) ** 2));
  const residual = ((ss / sw) * n) / (n - 1);
  return { mean: m, variance: (residual * sw2) / (sw * sw), residual, years: n };
}

/** What the stock-flow step needs for one LA at a base year: its exit rate and the new plans of calendar year base. */
export interface FlowEstimate {
  /** Share of the base-year stock not carried to base + 1 (net of migration). */
  exit: number;
  /** New plans expected in calendar year base (appearing at census base + 1). */
  newPlansNext?: number;
  /** How `newPlansNext` was formed. */
  newPlansSource?: 'requests' | 'trend';
  /** Requests-to-plans conversion used, when requests led. */
  conversion?: number;
}

/**
 * New plans of calendar year `base` for an LA: requests(base − 1) × conversion where both are known (the pipeline's
 * lead), else the last new-plans figure grown by `growth` (log growth of new plans).
 */
export function leadNewPlans(
  ds: Pick<LaDataset, 'newPlansTotal' | 'requests'>,
  baseYear: number,
  conversion: number | undefined,
  growth: number,
): Pick<FlowEstimate, 'newPlansNext' | 'newPlansSource' | 'conversion'> {
  const req = ds.requests[baseYear - 1];
  if (conversion !== undefined && req! > 0) return { newPlansNext: req! * conversion, newPlansSource: 'requests', conversion };
  const last = ds.newPlansTotal[baseYear - 1];
  if (last !== undefined) return { newPlansNext: last * Math.exp(growth), newPlansSource: 'trend' };
  return {};
}
