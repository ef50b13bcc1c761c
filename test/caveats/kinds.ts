/**
 * The kinds of caveat the caveat comparison (compare.ts) looks for in what `forecast`, `backtest` and `run` say of the
 * same LA on the same inputs, each with the commands it applies to equally: the one model of total plans is theirs
 * alike, so a caveat on what its totals rest on is owed by every command that gives those totals (forecast and run)
 * or scores them (backtest, where the kind is about the data rather than one base year's forecast). What only `run`
 * has (ages, placements, population, the engine's rates) or only `backtest` does (scoring) applies to it alone.
 */
export type Command = 'forecast' | 'backtest' | 'run';

export interface Kind {
  id: string;
  test: (note: string) => boolean;
  /** The commands that owe this caveat whenever one of them gives it. */
  applies: readonly Command[];
}

const kind = (id: string, re: RegExp, applies: readonly Command[]): Kind => ({ id, test: (n) => re.test(n), applies });
const TOTALS: Command[] = ['forecast', 'run'];
const ALL: Command[] = ['forecast', 'backtest', 'run'];

/** Every kind the comparison knows; a note of none is listed as unclassified, for a reader to judge. */
export const CAVEATS: readonly Kind[] = [
  // the one model's totals: what they rest on
  kind('pooled towards the shipped reference series', /pooled towards England's published series in the shipped reference table/, ALL),
  kind('fewer years of flows than the model reads', /too few years for the model's rates: /, TOTALS),
  kind('ranges further ahead than scored', /^Forecasts for January \d{4}/, TOTALS),
  kind("ranges scaled as a whole release's (shipped reference)", /too few for (its|their) own past forecasts to show how wide an 80% range should be/, TOTALS),
  kind("a step in the LA's level", /treated as a step in the level/, TOTALS),
  kind('a flow figure read in line with its neighbours', /published as [\d,]+, far from the years either side/, TOTALS),
  kind('a January bridged', /no plans published for January \d{4}|January figure\(s\) missing inside the years a trend reads/, TOTALS),
  kind("a year's new plans not published", /new plans of \d{4} not published/, TOTALS),
  kind("a successor's history joined from its predecessors", /history before January \d{4} joined from/, TOTALS),
  kind('a council a reorganisation ended', /ceased to exist at January/, TOTALS),
  kind('a later release revises a figure', /differ between releases|revises/, ALL),
  // forecast alone reads the files as known at the base year; run starts from the base year of the same files
  kind('later rows ignored', /row\(s\) later than what was known by January \d{4} were ignored/, ['forecast']),
  // forecast's notes of the whole batch (its reconciliation lists every LA's findings; run lists its own LA's)
  kind('reconciliation of the files', /^Reconciliation:/, []),
  // backtest alone: what its scores rest on
  kind('few forecasts scored', /^Few forecasts scored/, ['backtest']),
  // the origins a backtest scores read fewer years of flows than a forecast from the base year: said of its own origins
  kind('fewer years of flows at the origins scored', /too few years for the model's rates at origins? /, ['backtest']),
  kind('apportioned histories not scored twice', /apportioned histories are not scored twice/, ['backtest']),
  kind('nothing to score', /nothing to score/, ['backtest']),
  // run alone: the engine's detail by age, need and placement, and the population
  kind('population', /^Population:|^population:|^No population|people aged 0 to 25/, ['run']),
  kind('ages or placements borrowed or pooled', /^No (age|new plans|placement)|^Too few plans|^Few new plans by age|^New plans by age|^Placement mix|^Ceasing by age/, ['run']),
  kind("the engine's rates", /^Continuation from cohort|^Progression ratios scaled|^Incidence scaled|^New-plan trend|^New-plan factor far from 1|^Monte Carlo:/, ['run']),
];

/**
 * Each kind said by one command of `by` and not by another it applies to equally: the kind, who left it out, who
 * said it and the first note of it.
 * @example omissions({ forecast: ['Forecasts for January 2025: …'], backtest: [], run: [] }) // [{ kind: 'ranges further ahead than scored', missing: ['run'], … }]
 */
export function omissions(by: Record<Command, readonly string[]>): Array<{ kind: string; missing: Command[]; saidBy: Command[]; example: string }> {
  const out = [];
  for (const k of CAVEATS) {
    const saidBy = (Object.keys(by) as Command[]).filter((c) => by[c].some(k.test));
    if (!saidBy.length || !saidBy.some((c) => k.applies.includes(c))) continue;
    const missing = k.applies.filter((c) => !saidBy.includes(c));
    if (missing.length) out.push({ kind: k.id, missing, saidBy, example: by[saidBy[0]!].find(k.test)! });
  }
  return out;
}
