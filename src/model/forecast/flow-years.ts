/**
 * How many years of flows the model's stock-flow rates read for the LAs forecast, and the note when that is fewer than
 * the model's window (FLOW_WINDOW): `forecast` and `run` (and `goal-seek`, through run's totals) say it alike of their
 * base year, `backtest` of its origins.
 */
import { FLOW_LAS_LISTED, flowYearsShort, flowYearsShortAtOrigins, type ConversionsFrom, type FlowYearsWho } from '../../messages/model-series.ts';
import { conversions, exitRates } from '../estimate/aggregate-flow.ts';
import type { LaDataset } from '../dataset.ts';
import { FLOW_WINDOW } from './pool.ts';

/** Whether `n` years of a flow are some, but fewer than the model's rates read. */
const short = (n: number): boolean => n > 0 && n < FLOW_WINDOW;

/**
 * The notes on the LAs of `datasets` that read fewer years of requests becoming plans, or of plans ending, up to the
 * base year than the model's rates do (FLOW_WINDOW): one note for each set of LAs that read the same years, naming
 * them ("each LA" when it is every LA of several). Before, with several LAs the note came only when none read the
 * window: `forecast --la 201 420` on the 2022 release (City of London three years, Isles of Scilly one year of
 * conversions, its requests starting in 2020) said nothing of Isles of Scilly, where `--la 420` alone said it.
 * @example flowsShortNote([kent], 2022) // ["The data reach back too few years …: Kent's share of requests … over 2 years, not 3 …"]
 */
export function flowsShortNote(datasets: readonly LaDataset[], baseYear: number): string[] {
  const groups = new Map<string, { names: string[]; conversionYears: number; exitYears: number; conversionsFrom: ConversionsFrom }>();
  for (const d of datasets) {
    const conversionYears = conversions(d, baseYear, FLOW_WINDOW).length;
    const exitYears = exitRates(d, baseYear, FLOW_WINDOW).length;
    if (!short(conversionYears) && !short(exitYears)) continue;
    // what ends the conversions the LA reads: its requests, its new plans, or a year's new plans published as a
    // marker (said in a note of its own, unpublished-new-plans.ts)
    const stop = baseYear - conversionYears - 1;
    const conversionsFrom: ConversionsFrom = d.newPlansTotal[stop] !== undefined ? 'requests' : d.unpublishedNewPlans?.[stop] ? 'new plans unpublished' : 'new plans';
    const key = `${conversionYears}|${exitYears}|${conversionsFrom}`;
    const g = groups.get(key) ?? groups.set(key, { names: [], conversionYears, exitYears, conversionsFrom }).get(key)!;
    g.names.push(d.la.name);
  }
  // a set of most LAs is named by the few it leaves out (the 2025 layout to January 2022: every LA but Isles of Scilly
  // reads two years of conversions, and it one)
  const whoOf = (names: readonly string[]): FlowYearsWho => {
    if (names.length === datasets.length) return names.length > 1 ? 'each LA' : names;
    const others = datasets.map((d) => d.la.name).filter((n) => !names.includes(n));
    return names.length > FLOW_LAS_LISTED && others.length <= FLOW_LAS_LISTED ? { allBut: others } : names;
  };
  return [...groups.values()].map(({ names, ...g }) => flowYearsShort({ who: whoOf(names), baseYear, window: FLOW_WINDOW, ...g }));
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
