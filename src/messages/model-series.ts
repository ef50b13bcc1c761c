/**
 * User-facing messages of the model stage about what the one model of total plans reads of an LA's series: the years
 * of flows its rates read (requests becoming plans, plans ending), a flow figure far from the years either side, a
 * step in the level of its plans. Said alike by `forecast` and `run` (one model, one set of caveats). Split from
 * model.ts, which holds the rest of the stage's messages.
 */
import { counted } from '../util/plural.ts';
import { possessive } from '../util/possessive.ts';

/** Start of the note on rates that read fewer flow years than the model's window (flowYearsShort). */
export const FLOW_YEARS_SHORT = "The data reach back too few years for the model's rates";

/**
 * Data whose flows up to the base year give fewer years than the model's rates read (FLOW_WINDOW): the rates of
 * requests becoming plans, or of plans ending, rest on fewer years, and data of the same Januaries that reach further
 * back give other figures. The 2025 layout to January 2022 (requests from 2019) gave Norfolk 9,817 plans at January
 * 2023 and the 2022 release (requests from 2014) 9,601, with no word of why; a run of the sample (its SEN2 returns give
 * requests from 2022) read two years where the model reads three, and said nothing. `who`: the one LA forecast or
 * run, the LAs of a forecast that read these years, or "each LA"; `conversionsFrom`: the series whose first year ends the conversions read (requests by default). The words fit every source of flows: published tables, SEN2 returns or Blade exports.
 * @example flowYearsShort({ who: 'Kent', baseYear: 2022, conversionYears: 2, exitYears: 3, window: 3 }) // "The data reach back too few years …: Kent's share of requests …"
 */
export function flowYearsShort(f: { who: FlowYearsWho; baseYear: number; conversionYears: number; exitYears: number; window: number; conversionsFrom?: ConversionsFrom }): string {
  const span = (n: number): string => (n === 1 ? `${f.baseYear - 1}` : `${f.baseYear - n}–${f.baseYear - 1}`);
  const whose = whoseRates(f.who);
  const parts: string[] = [];
  if (f.conversionYears > 0 && f.conversionYears < f.window)
    parts.push(
      `${whose} share of requests for an EHC needs assessment that become plans a year later is read over ${counted(f.conversionYears, 'year')}, not ${f.window} ` +
        `(new plans of ${span(f.conversionYears)}; ${startOf(f.conversionsFrom ?? 'requests', f.baseYear - f.conversionYears)})`,
    );
  if (f.exitYears > 0 && f.exitYears < f.window) parts.push(`${parts.length ? 'its' : whose} share of plans that end each year over ${counted(f.exitYears, 'year')}, not ${f.window} (${span(f.exitYears)})`);
  return (
    `${FLOW_YEARS_SHORT}: ${parts.join(', and ')} (docs/model.md "Aggregate estimation"). ` +
    `Data of the same Januaries that reach further back (an earlier release's files, or earlier SEN2 returns or Blade exports) read ${f.window} and give the same LA other figures from the same base year.`
  );
}

/** How many LAs a note on thin flows names before it counts the rest. */
export const FLOW_LAS_LISTED = 5;

/** Whose rates a note on thin flows is of: one LA, "each LA", the LAs named, or every LA but those named. */
export type FlowYearsWho = string | readonly string[] | { allBut: readonly string[] };

/** "each LA's", "Kent's", "City of London's and Isles of Scilly's", "each LA's but Isles of Scilly's". */
function whoseRates(who: FlowYearsWho): string {
  if (who === 'each LA') return "each LA's";
  if (typeof who === 'string') return possessive(who);
  return 'allBut' in who ? `each LA's but ${possessives(who.allBut)}` : possessives(who);
}

/** Whose rates: "Kent's", "City of London's and Isles of Scilly's", the first FLOW_LAS_LISTED and how many other LAs'. */
function possessives(names: readonly string[]): string {
  const n = FLOW_LAS_LISTED;
  const shown = names.length > n + 1 ? [...names.slice(0, n).map(possessive), `${names.length - n} other LAs'`] : names.map(possessive);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** What ends the years of conversions read: the data's requests start, their new plans start, or a year's new plans are a marker. */
export type ConversionsFrom = 'requests' | 'new plans' | 'new plans unpublished';

/** Why the conversions read start at the new plans of `firstNewPlans`. */
function startOf(series: ConversionsFrom, firstNewPlans: number): string {
  if (series === 'requests') return `the data's requests start in calendar year ${firstNewPlans - 1}`;
  if (series === 'new plans') return `the data's new plans start in calendar year ${firstNewPlans}`;
  return `the new plans of ${firstNewPlans - 1} are not published`;
}

/**
 * A flow figure of an LA (new plans, requests, assessments) far from the years either side, which the trend reads as
 * a figure in line with them (estimate/outliers.ts fixOutliers).
 * @example flowOutlier('Kent', 'new plans', 2019, 9000, 2100) // "Kent: new plans in 2019 published as 9,000, far from the years either side; the model reads 2,100."
 */
export function flowOutlier(la: string, what: string, year: number, value: number, replacement: number): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  return `${la}: ${what} in ${year} published as ${n(value)}, far from the years either side; the model reads ${n(replacement)}.`;
}

/**
 * A January of an LA's plans far out of line with both the January before and the one after, which agree with each
 * other (estimate/outliers.ts bridgeSpikes): the trend reads their geometric mean for it, as for a missing January.
 * @example stockSpike('Anyshire', 2022, 4328, 2160, 1940, 2405) // "Anyshire: plans in January 2022 published as 4,328, ×2.0 the Januaries either side (1,940 in 2021, 2,405 in 2023) …"
 */
export function stockSpike(la: string, year: number, value: number, replacement: number, prev: number, next: number): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const times = (value / Math.sqrt(prev * next)).toFixed(1);
  return (
    `${la}: plans in January ${year} published as ${n(value)}, ×${times} the Januaries either side (${n(prev)} in ${year - 1}, ${n(next)} in ${year + 1}), which agree with each other; ` +
    `the trend reads ${n(replacement)} for January ${year} (their geometric mean, as for a missing January), not a step up and back. Check January ${year}'s figures in the files.`
  );
}

/**
 * Two Januaries in a row of an LA's plans each far out of line with the January before them and the one after, which
 * agree with each other (estimate/outliers.ts bridgeSpikes): the trend reads the sides' geometric interpolation.
 * @example stockRunBridged('Anyshire', [2021, 2022], [3880, 4328], [1940, 2164], 1743, 2413) // "Anyshire: plans in January 2021 and 2022 published as 3,880 and 4,328, ×2.0 …"
 */
export function stockRunBridged(la: string, years: readonly number[], values: readonly number[], replacements: readonly number[], before: number, after: number): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const [first, last] = [years[0]!, years[years.length - 1]!];
  const times = (Math.exp(values.reduce((a, v, j) => a + Math.log(v / replacements[j]!), 0) / values.length)).toFixed(1);
  return (
    `${la}: plans in January ${years.join(' and ')} published as ${values.map(n).join(' and ')}, ×${times} what the Januaries either side ` +
    `(${n(before)} in ${first - 1}, ${n(after)} in ${last + 1}) give for them, which agree with each other; the trend reads ` +
    `${replacements.map(n).join(' and ')} (the growth from ${first - 1} to ${last + 1} spread evenly, as for missing Januaries), not a step and back. ` +
    `Check January ${years.join(' and ')}'s figures in the files.`
  );
}

/**
 * A change in an LA's plans into a January far beyond England's, which the trend takes as a step in the level, not
 * as growth (estimate/outliers.ts removeSteps): City of London's −23% into January 2012 against England's 0%.
 * `growth`, `national`: the log changes of the LA's and England's plans.
 * @example levelStep('City of London', 2012, -0.26, 0) // "City of London: plans changed by -23% into January 2012 (England 0%): treated as a step …"
 */
export function levelStep(la: string, year: number, growth: number, national: number): string {
  const pct = (g: number): string => ((Math.exp(g) - 1) * 100).toFixed(0);
  return `${la}: plans changed by ${pct(growth)}% into January ${year} (England ${pct(national)}%): treated as a step in the level, not extrapolated as growth.`;
}

/**
 * A backtest whose origins read fewer years of flows than the model's rates do (FLOW_WINDOW): the forecasts it scores
 * rest on thinner rates than one from a later base year, or on data reaching further back, would. The real 2025
 * layout scored from January 2021 reads one year of requests becoming plans (requests from 2019), the 2022 release
 * from January 2017–2019 none, one and two (requests from 2016), and neither said so beside its scores. `at`: the
 * origins with a short rate, each with the years each rate reads there (0: not read at all, left out; the window:
 * not short). `who`: the one LA scored, or "each LA".
 * @example flowYearsShortAtOrigins([{ origin: 2021, conversionYears: 1, exitYears: 2 }], 3, 'Kent') // "The data reach back too few years … at origin January 2021: Kent's share …"
 */
export function flowYearsShortAtOrigins(at: ReadonlyArray<{ origin: number; conversionYears: number; exitYears: number }>, window: number, who: FlowYearsWho): string {
  const whose = whoseRates(who);
  const short = (n: number): boolean => n > 0 && n < window;
  const over = (pick: (a: (typeof at)[number]) => number): string =>
    at
      .filter((a) => short(pick(a)))
      .map((a, i) => `${i === 0 ? counted(pick(a), 'year') : pick(a)} at ${i === 0 ? 'the origin ' : ''}January ${a.origin}`)
      .join(' and ');
  const parts: string[] = [];
  const conv = over((a) => a.conversionYears);
  if (conv) parts.push(`${whose} share of requests for an EHC needs assessment that become plans a year later is read over ${conv}`);
  const exit = over((a) => a.exitYears);
  if (exit) parts.push(`${parts.length ? 'its' : whose} share of plans that end each year over ${exit}`);
  const origins = at.map((a) => a.origin);
  return (
    `${FLOW_YEARS_SHORT} at ${origins.length === 1 ? 'origin' : 'origins'} January ${origins.join(', ')}: ${parts.join(', and ')}, not ${window} (docs/model.md "Estimation"). ` +
    `The scores are of forecasts made on fewer years of flows than a forecast from a later base year, or from data that reach further back (an earlier release's files, or earlier SEN2 returns or Blade exports), reads.`
  );
}
