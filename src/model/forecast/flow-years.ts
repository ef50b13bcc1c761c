/**
 * How many years of flows the model's stock-flow rates read for the LAs forecast, and the note when that is fewer than
 * the model's window (FLOW_WINDOW): `forecast` and `run` (and `goal-seek`, through run's totals) say it alike of their
 * base year, `backtest` of its origins.
 */
import { flowYearsShort, flowYearsShortAtOrigins, type ConversionsFrom } from '../../messages/model-series.ts';
import { conversions, exitRates } from '../estimate/aggregate-flow.ts';
import type { LaDataset } from '../dataset.ts';
import { FLOW_WINDOW } from './pool.ts';

/** Whether `n` years of a flow are some, but fewer than the model's rates read. */
const short = (n: number): boolean => n > 0 && n < FLOW_WINDOW;

/**
 * The note when no LA of `datasets` has as many years of requests becoming plans, or of plans ending, up to the base
 * year as the model's rates read (FLOW_WINDOW): the most any of them has, each (none where the data give no such year
 * at all). One LA is named; several are "each LA".
 * @example flowsShortNote([kent], 2022) // ["The data reach back too few years …: Kent's share of requests … over 2 years, not 3 …"]
 */
export function flowsShortNote(datasets: readonly LaDataset[], baseYear: number): string[] {
  if (datasets.length === 0) return [];
  const read = datasets.map((d) => ({ d, conversions: conversions(d, baseYear, FLOW_WINDOW).length, exits: exitRates(d, baseYear, FLOW_WINDOW).length }));
  const conversionYears = Math.max(...read.map((r) => r.conversions));
  const exitYears = Math.max(...read.map((r) => r.exits));
  if (!short(conversionYears) && !short(exitYears)) return [];
  // what ends the conversions read, in an LA that reads the most: its requests, its new plans, or a year's new plans
  // published as a marker (said in a note of its own, unpublished-new-plans.ts)
  const longest = read.find((r) => r.conversions === conversionYears)!.d;
  const stop = baseYear - conversionYears - 1;
  const conversionsFrom: ConversionsFrom = longest.newPlansTotal[stop] !== undefined ? 'requests' : longest.unpublishedNewPlans?.[stop] ? 'new plans unpublished' : 'new plans';
  const who = datasets.length === 1 ? datasets[0]!.la.name : 'each LA';
  return [flowYearsShort({ who, baseYear, conversionYears, exitYears, window: FLOW_WINDOW, conversionsFrom })];
}

/**
 * The note when, at any of a backtest's origins, no LA scored has as many years of requests becoming plans, or of
 * plans ending, as the model's rates read: each such origin with the most any LA reads there (as flowsShortNote).
 * @example flowsShortAtOrigins([kent], [2020, 2021]) // ["The data reach back too few years … at origins January 2020, 2021: …"]
 */
export function flowsShortAtOrigins(datasets: readonly LaDataset[], origins: readonly number[]): string[] {
  if (datasets.length === 0) return [];
  const at = origins
    .map((origin) => ({
      origin,
      conversionYears: Math.max(...datasets.map((d) => conversions(d, origin, FLOW_WINDOW).length)),
      exitYears: Math.max(...datasets.map((d) => exitRates(d, origin, FLOW_WINDOW).length)),
    }))
    .filter((a) => short(a.conversionYears) || short(a.exitYears));
  return at.length ? [flowYearsShortAtOrigins(at, FLOW_WINDOW, datasets.length === 1 ? datasets[0]!.la.name : 'each LA')] : [];
}
