/**
 * User-facing messages of the model stage about a small LA's mixes pooled towards its region's (else England's): the
 * ages of its new plans, its ceasing by age, its placement mix (model.md "Estimation": small cells smoothed towards
 * pooled shapes), and how a run's total growth is pooled from the LA's own and its region's and England's. Split from
 * model.ts, which holds the rest of the stage's messages.
 */
import { possessive } from '../util/possessive.ts';

/** Start of the note for an LA whose new plans of the year are too few to set their own age mix (a run warns of it). */
export const FEW_NEW_PLANS_BY_AGE = 'Few new plans by age';

/**
 * An LA's new plans by age shrunk towards a pooled profile (estimate/new-plan-ages.ts): `events` of its own, the
 * profile worth `strength`. Below half its own, a warning that the ages are mostly the profile's. With
 * `totalUnpublished`, the year's total is a marker and the count is that of the age rows.
 */
export function newPlanAgesPooled(la: string, flowYear: number, events: number, ownWeight: number, source: string, strength: number, totalUnpublished = false): string {
  const n = Math.round(events).toLocaleString('en-GB');
  // a year whose total is a marker: the count is its age rows' (Isles of Scilly's 2025 read 'its 2 new plans' beside
  // 'new plans of 2025 not published (suppressed)')
  const plans = `${n} new plan${n === '1' ? '' : 's'}${totalUnpublished ? ' by age (the sum of its published age rows; the year\'s total is not published)' : ''}`;
  const own = Math.round(ownWeight * 100);
  if (ownWeight < 0.5)
    return (
      `${FEW_NEW_PLANS_BY_AGE} for ${la} in flow year ${flowYear}: its ${plans} ${n === '1' ? 'is' : 'are'} too few to show at which ages it issues plans, ` +
      `so the ages of its projected new plans are ${100 - own}% ${source} and ${own}% its own (the profile counts as ${strength} new plans). ` +
      'Figures by age are estimates; only the ages of its new plans are pooled, not their number.'
    );
  return `New plans by age: ${possessive(la)} own ${plans} of ${flowYear} set ${own}% of the age mix of its projected new plans, ${source} the rest (counted as ${strength} new plans).`;
}

/** Start of the note for an LA whose cohorts are too few to set its own ceasing by age (a run warns of it). */
export const FEW_PLANS_BY_AGE_CEASING = 'Too few plans at each age';

/**
 * An LA's ceasing by age (its cohort progression ratios) shrunk towards a pooled one (estimate/aggregate-cohort.ts
 * pooledProgression): `perAge` plans an age a year over the steps from `years`, the prior worth `strength` plans at
 * each age. Below a quarter its own (a few plans an age a year), a warning that the ages its plans end at are the prior's.
 */
export function ceasingByAgePooled(la: string, years: readonly number[], perAge: number, ownWeight: number, source: string, strength: number): string {
  const span = years.length ? `January ${Math.min(...years)} to January ${Math.max(...years) + 1}` : 'the window';
  const n = perAge < 10 ? perAge.toFixed(1) : Math.round(perAge).toLocaleString('en-GB');
  const own = Math.round(ownWeight * 100);
  const k = strength.toLocaleString('en-GB');
  if (ownWeight < 0.25)
    return (
      `${FEW_PLANS_BY_AGE_CEASING} for ${la} (${n} a year on average, ${span}) to show at which ages its plans end, so its ceasing ` +
      `and net moves by age are ${100 - own}% ${source} and ${own}% its own (the pooled rates count as ${k} plans at each age). ` +
      'How many of its plans end in the first year is still its own stock-flow exit rate; only the ages are pooled.'
    );
  return `Ceasing by age: ${possessive(la)} own cohorts (${n} plans an age a year, ${span}) set ${own}% of its ceasing and net moves by age, ${source} the rest (counted as ${k} plans at each age).`;
}


/** Start of the note for an LA whose plans are too few to set its own placement mix (a run warns of it). */
export const FEW_PLANS_BY_PLACEMENT = 'Too few plans to show a placement mix';

/** Start of the note for an LA whose own plans set at least half its placement mix (the rest pooled). */
export const PLACEMENT_MIX_SHARED = 'Placement mix:';

/** Whether a model note is placementMixPooled's: the LA's placement mix was pooled towards another's. */
export function isPlacementMixPooled(note: string): boolean {
  return note.startsWith(FEW_PLANS_BY_PLACEMENT) || note.startsWith(PLACEMENT_MIX_SHARED);
}

/**
 * An LA's placement shares for new plans and for the moves at transition ages shrunk towards a pooled mix
 * (estimate/aggregate-mix.ts pooledPlacementShares): `plans` placed plans of its own at January `year`, the pooled mix
 * worth `strength` plans. Below half its own (fewer plans than the strength), a warning that the mix is mostly the prior's.
 */
export function placementMixPooled(la: string, year: number, plans: number, ownWeight: number, source: string, strength: number): string {
  const n = Math.round(plans).toLocaleString('en-GB');
  const own = Math.round(ownWeight * 100);
  if (ownWeight < 0.5)
    return (
      `${FEW_PLANS_BY_PLACEMENT} for ${la} (${n} placed plans at January ${year}): the placements of its projected new plans, and of the ` +
      `plans moving on at transition ages, are ${100 - own}% ${source} and ${own}% its own (the pooled mix counts as ${strength} plans). ` +
      `Its January ${year} plans by placement are still the data's; figures by placement after it are estimates.`
    );
  return `${PLACEMENT_MIX_SHARED} ${possessive(la)} own ${n} placed plans at January ${year} set ${own}% of the placements of its new plans and transition moves, ${source} the rest (counted as ${strength} plans).`;
}

/** Start of the note for a run whose first solved new-plan factor is far from 1 (a run warns of it). */
export const NEW_PLAN_FACTOR_FAR = 'New-plan factor far from 1';

/**
 * The total-plans forecast needs `needed` new plans in the first projected year where the rates' own start gives
 * `atRates` (constrain.ts solveTrendPath): the solved factors (`path`, T₁ … T_H from census `firstYear`) are that
 * gap, not a growth of new plans (City of London, real 2022 release: 1.2 needed against 0.3, factors 3.77 to 12.55,
 * shown on the Assumptions sheet with no word).
 */
export function newPlanFactorFar(la: string, firstYear: number, atRates: number, needed: number, path: readonly number[]): string {
  const plans = (x: number) => (x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-GB'));
  const last = path.length - 1;
  return (
    `${NEW_PLAN_FACTOR_FAR} for ${la}: the total-plans forecast needs ${plans(needed)} new plans in the year to January ${firstYear} where ` +
    `the new-plan rates worked out from the data give ${plans(atRates)}, so the new-plan factor (trend.path on the Assumptions sheet) is ` +
    `${path[0]!.toFixed(2)} in ${firstYear}${last > 0 ? ` and ${path[last]!.toFixed(2)} in ${firstYear + last}` : ''}. ` +
    'It measures how far those rates are from the forecast, not how fast new plans grow: the new plans projected are on the Flows sheet. ' +
    'The rates rest on the last years of the data; where those hold a handful of requests and new plans, they say little.'
  );
}

/** The starts of the notes above that a run lists among its warnings (stderr and the Data quality sheet). */
export const SMALL_LA_POOLED = [FEW_NEW_PLANS_BY_AGE, FEW_PLANS_BY_AGE_CEASING, FEW_PLANS_BY_PLACEMENT, NEW_PLAN_FACTOR_FAR] as const;

/**
 * How the total plans of a run are formed (the Assumptions sheet's total.model). `growth`, `own` and `prior` are log
 * growths a year, growth = prior + ownWeight × (own − prior). The weight was written beside the words "the LA's own
 * recent growth" ('growth of 12.9% a year (45.7% the LA's own recent growth, …)' for Kent), which read as a growth
 * of 45.7% a year; each figure now says what it is.
 * @example totalsModelDescription({ growth: 0.121, ownWeight: 0.457, prior: 0.094 }, "its region's and England's", 'blended with the cohort engine', 156)
 */
export function totalsModelDescription(t: { growth: number; ownWeight: number; prior: number }, priorOf: string, structure: string, las: number, fromReference?: number): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const w = Math.round(t.ownWeight * 100);
  // the LA's own growth is worked back from the pooled one: only where its weight is large enough to tell it
  const own = t.ownWeight >= 0.01 ? `${pct(Math.expm1(t.prior + (t.growth - t.prior) / t.ownWeight))} a year, ` : '';
  return (
    `Total plans follow the model that highneeds forecast and backtest use: growth of ${pct(Math.expm1(t.growth))} a year, pooled from ` +
    `the LA's own recent growth (${own}weight ${w}%) and ${priorOf} (${pct(Math.expm1(t.prior))} a year, weight ${100 - w}%), ${structure}; ` +
    (las > 0
      ? `80% ranges calibrated on past forecasts of ${las} LA${las === 1 ? '' : 's'}${fromReference !== undefined ? ` of the published release (to January ${fromReference}; reference/batch-statistics.csv)` : ''} scored against what followed.`
      : "80% ranges the model's own: no past forecast of the data could be scored against what followed.")
  );
}

/**
 * A batch of `n` LAs (fewer than the batch statistics need) pooled with the whole release's spread between LAs from
 * the shipped reference (forecast/batch-stats.ts).
 */
export function spreadFromReference(n: number, origin: number, firstYear: number, from: number): string {
  const head = `The files hold ${n} LA${n === 1 ? '' : 's'} to forecast from January ${origin}, too few to measure how far LAs' growth, exit rates and conversions differ: `;
  if (from === origin)
    return head + `those spreads are taken from every LA of the published release (series from ${firstYear}; reference/batch-statistics.csv), as a forecast of the whole release takes them, so its central forecast of the LA is the same.`;
  return (
    head +
    `those spreads are every LA's of the published release at January ${from}, the latest the shipped reference holds (series from ${firstYear}; reference/batch-statistics.csv), ` +
    `nearer a whole release's than the files' own would be (docs/model.md "Batch statistics").`
  );
}

/**
 * A batch of `n` LAs whose 80% ranges take the whole release's calibration at January `from` from the shipped
 * reference (forecast/calibrate.ts) instead of its own LAs' past errors: said where ranges are written (not of
 * `--draws 0`).
 */
export function rangesFromReference(n: number, baseYear: number, from: number, firstYear: number, las: number): string {
  const head =
    `The files hold ${n} LA${n === 1 ? '' : 's'} to forecast from January ${baseYear}, too few for ${n === 1 ? 'its' : 'their'} own past forecasts to show how wide an 80% range should be: ` +
    `the ranges take the scale of every LA's of the published release`;
  const source = `(its past forecasts of ${las} LAs scored against what followed; series from ${firstYear}; reference/batch-statistics.csv)`;
  if (from === baseYear) return `${head} ${source}, as a forecast of the whole release does, so ${n === 1 ? "the LA's range is" : "each LA's range is"} the release's.`;
  return `${head} at January ${from}, the latest the shipped reference holds ${source}, nearer a whole release's than the files' own would be (docs/model.md "Batch statistics").`;
}

/**
 * A batch of `n` LAs too few for its batch statistics, at an origin the shipped reference does not hold, nor any of
 * the `lag` Januaries before it.
 */
export function spreadFromFewLas(n: number, origin: number, lag: number): string {
  return (
    `The files hold ${n} LA${n === 1 ? '' : 's'} to forecast from January ${origin}, too few to measure how far LAs' growth, exit rates and conversions differ, ` +
    `and the shipped reference holds no whole release's figures from January ${origin - lag} to ${origin}: the spreads are ${n === 1 ? "the LA's" : "these LAs'"} own, so the forecast can differ from one made with every LA of the release (docs/model.md "Batch statistics").`
  );
}
