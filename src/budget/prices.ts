/**
 * Prices: inflation (one rate, per placement or per financial year) and complexity drift, both compounding once
 * per financial year from the financial year a cost is priced at (spec budget.md "Prices").
 *
 * The rate for financial year f is the rise from f − 1 to f, so a cost priced at 2024-25 is, at 2026-27 prices,
 * cost × (1 + r(2025)) × (1 + r(2026)).
 */
import { isPlacement, parseFinancialYear } from '../domain/index.ts';
import type { Placement } from '../domain/index.ts';
import { unknownInflationKey } from '../messages/budget.ts';

/** The scenario schema's default yearly inflation, used for years and placements a record does not list. */
export const DEFAULT_INFLATION = 0.03;
/** Record keys that set the rate for everything not listed. */
/** Lowest yearly rate of change of a price (a fall of 99%). */
export const MIN_RATE = -0.99;
export const GENERAL_INFLATION_KEYS = ['default', 'all', '*'] as const;

/** Effective inflation rates. Precedence: placement, then financial year, then the general rate. */
export interface InflationRates {
  general: number;
  byPlacement: Partial<Record<Placement, number>>;
  byFy: Record<number, number>;
  /** Added to every rate (the sensitivity view moves all rates together). */
  shift: number;
}

/**
 * Reads `costs.inflation`: a number, or a record keyed by placement codes (`ISS`), financial years (`2026-27`)
 * or `default`. Unknown keys (refused by the scenario schema) are ignored with a warning.
 * @example resolveInflation({ ISS: 0.05 }).rates // { general: 0.03, byPlacement: { ISS: 0.05 }, byFy: {}, shift: 0 }
 */
export function resolveInflation(inflation: number | Record<string, number>): { rates: InflationRates; warnings: string[] } {
  if (typeof inflation === 'number') return { rates: { general: inflation, byPlacement: {}, byFy: {}, shift: 0 }, warnings: [] };
  const rates: InflationRates = { general: DEFAULT_INFLATION, byPlacement: {}, byFy: {}, shift: 0 };
  const warnings: string[] = [];
  for (const [key, rate] of Object.entries(inflation)) {
    const k = inflationKey(key);
    if (k === undefined) warnings.push(unknownInflationKey(key));
    else if (k.kind === 'general') rates.general = rate;
    else if (k.kind === 'placement') rates.byPlacement[k.placement] = rate;
    else rates.byFy[k.fy] = rate;
  }
  return { rates, warnings };
}

/**
 * What a key of a `costs.inflation` record names: the general rate, a placement or a financial year (undefined:
 * none of them). The scenario schema refuses any other key with it, so that a misspelt placement (`ISSS: 8%`) stops
 * the run instead of leaving that placement at the default rate.
 * @example inflationKey('iss') // { kind: 'placement', placement: 'ISS' }
 */
export function inflationKey(key: string): { kind: 'general' } | { kind: 'placement'; placement: Placement } | { kind: 'fy'; fy: number } | undefined {
  const k = key.trim();
  if ((GENERAL_INFLATION_KEYS as readonly string[]).includes(k.toLowerCase())) return { kind: 'general' };
  if (isPlacement(k.toUpperCase())) return { kind: 'placement', placement: k.toUpperCase() as Placement };
  const fy = /^\d{4}/.test(k) ? parseFinancialYear(k) : undefined;
  return fy === undefined ? undefined : { kind: 'fy', fy };
}

/** The inflation rate from financial year `fy − 1` to `fy` for a placement (undefined = a non-placement line). */
export function inflationRate(rates: InflationRates, placement: Placement | undefined, fy: number): number {
  const own = placement === undefined ? undefined : rates.byPlacement[placement];
  // a shifted rate (sensitivity, price draws) never takes prices to zero or below
  return Math.max(MIN_RATE, (own ?? rates.byFy[fy] ?? rates.general) + rates.shift);
}

/**
 * Factor taking a cost at the prices of `fromFy` to the prices of `toFy` (below 1 when `toFy` is earlier).
 * @example inflationFactor({ general: 0.1, byPlacement: {}, byFy: {}, shift: 0 }, undefined, 2024, 2026) // 1.21
 */
export function inflationFactor(rates: InflationRates, placement: Placement | undefined, fromFy: number, toFy: number): number {
  let f = 1;
  for (let y = fromFy + 1; y <= toFy; y++) f *= 1 + inflationRate(rates, placement, y);
  for (let y = toFy + 1; y <= fromFy; y++) f /= 1 + inflationRate(rates, placement, y);
  return f;
}

/**
 * Complexity drift: a yearly uplift on a placement's unit cost, compounding from the price year separately from
 * inflation. @example driftFactor(0.02, 2024, 2026) // 1.0404
 */
export function driftFactor(rate: number, fromFy: number, toFy: number): number {
  return rate === 0 ? 1 : Math.pow(1 + Math.max(MIN_RATE, rate), toFy - fromFy);
}
