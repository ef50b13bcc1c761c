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
  return [...groups.values()].map(({ names, ...g }) => flowYearsShort({ who: whoOf(names, datasets), baseYear, window: FLOW_WINDOW, ...g }));
}

/**
 * The notes when, at any of a backtest's origins, LAs scored read fewer years of requests becoming plans, or of plans
 * ending, than the model's rates do: one note for each set of LAs that read the same years at the same origins, naming
 * them as flowsShortNote does. Before, with several LAs it named only what the LA reading the most read at each origin.
 * @example flowsShortAtOrigins([kent], [2020, 2021]) // ["The data reach back too few years … at origins January 2020, 2021: …"]
 */
export function flowsShortAtOrigins(datasets: readonly LaDataset[], origins: readonly number[]): string[] {
  const groups = new Map<string, { names: string[]; at: Array<{ origin: number; conversionYears: number; exitYears: number }> }>();
  for (const d of datasets) {
    const at = origins
      .map((origin) => ({ origin, conversionYears: conversions(d, origin, FLOW_WINDOW).length, exitYears: exitRates(d, origin, FLOW_WINDOW).length }))
      .filter((a) => short(a.conversionYears) || short(a.exitYears));
    if (at.length === 0) continue;
    const key = JSON.stringify(at);
    (groups.get(key) ?? groups.set(key, { names: [], at }).get(key)!).names.push(d.la.name);
  }
  return [...groups.values()].map((g) => flowYearsShortAtOrigins(g.at, FLOW_WINDOW, whoOf(g.names, datasets)));
}

/**
 * Whose rates a note names: "each LA" when it is every LA of several, every LA but the few left out when it is most
 * of them (the 2025 layout to January 2022: every LA but Isles of Scilly reads two years of conversions, and it one),
 * else the LAs.
 */
function whoOf(names: readonly string[], datasets: readonly LaDataset[]): FlowYearsWho {
  if (names.length === datasets.length) return names.length > 1 ? 'each LA' : names;
  const others = datasets.map((d) => d.la.name).filter((n) => !names.includes(n));
  return names.length > FLOW_LAS_LISTED && others.length <= FLOW_LAS_LISTED ? { allBut: others } : names;
}
