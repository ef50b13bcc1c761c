/**
 * The bounds a scenario file puts on each number a lever can set: schema.ts builds its checks from them, and the
 * scenario explorer (explorer/levers.ts) refuses a typed value outside them, so the page never holds a variant whose
 * YAML `run` would reject. No zod here: the page's bundle imports this module. Pure.
 */
import { MAX_AMOUNT } from '../etl/csv/values.ts';

export interface Bounds {
  min: number;
  max: number;
  /** `min` itself is not accepted (a compounding rate of −100% divides by 0). */
  minExclusive?: boolean;
  integer?: boolean;
}

/** A yearly rate that compounds (growth, inflation, drift): above −100%, at most 1,000%. */
export const RATE: Bounds = { min: -1, max: 10, minExclusive: true };
/** A share, 0 to 1 (delivery, damping, a transition shift's share). */
export const SHARE: Bounds = { min: 0, max: 1 };
/** Net migration of plans a year, as a share of the stock. */
export const NET_MIGRATION: Bounds = { min: -0.5, max: 0.5 };
/** A surge's uplift at its peak (and a sensitivity step): −100% to +1,000%. */
export const UPLIFT: Bounds = { min: -1, max: 10 };
/** A recovery-plan lever's effect at full delivery. */
export const EFFECT: Bounds = { min: -1, max: 1 };
/** A calendar year (academic, financial or census year, by where it is used). */
export const YEAR: Bounds = { min: 2000, max: 2100, integer: true };
/** Years for a surge's extra to halve after its peak. */
export const HALF_LIFE: Bounds = { min: 0, max: 100, minExclusive: true };
/** Years for a recovery-plan lever to build up to full effect. */
export const RAMP_YEARS: Bounds = { min: 0, max: 20 };
/** The largest number of places one capacity change may open or close. */
export const MAX_PLACE_CHANGE = 100_000;
/**
 * Places opened (or closed, below 0). England has about 150,000 special school places in all: a change beyond
 * ±MAX_PLACE_CHANGE is a typo, and 1e15 places at £10,000 took every money figure of the run past £1e19.
 */
export const PLACES: Bounds = { min: -MAX_PLACE_CHANGE, max: MAX_PLACE_CHANGE, integer: true };
/**
 * The most recovery-plan levers one scenario may hold. Each lever's plans and spend avoided is its own projection of
 * the scenario without it, so a run's time grows with the square of the count: 800 levers took 13 s to project the
 * sample, 5,000 did not finish in two minutes. A Delivering Better Value plan has a handful of workstreams.
 */
export const MAX_MITIGATIONS = 50;
/** Pounds, either sign, within the ceiling of any input amount (a yearly cost of 1e308 overflows sums to Infinity). */
export const MONEY: Bounds = { min: -MAX_AMOUNT, max: MAX_AMOUNT };
/** Pounds of 0 or more (a delivery cost, a place rate). */
export const COST: Bounds = { min: 0, max: MAX_AMOUNT };

/** Whether a number is within bounds (and whole, where they ask for it). */
export function withinBounds(b: Bounds, v: number): boolean {
  return Number.isFinite(v) && (b.minExclusive ? v > b.min : v >= b.min) && v <= b.max && (!b.integer || Number.isInteger(v));
}
