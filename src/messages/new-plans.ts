/**
 * User-facing messages on an LA's new plans the data do not give: none in the files, or a year's total published as a
 * marker (`c` suppressed, `x` …; LaDataset.unpublishedNewPlans). Each says which, with the file and line of the marker,
 * and what the forecast or run used instead.
 */
import { possessive } from '../util/possessive.ts';

/** A year's new-plans total a file gives as a marker (LaDataset.unpublishedNewPlans). */
export interface UnpublishedNewPlans {
  /** Why (suppressed, not available, low …). */
  reason: string;
  file?: string;
  line?: number;
}

/** ' in newplans.csv (line 464)', or '' when the file is unknown. */
function where(u: UnpublishedNewPlans): string {
  return u.file ? ` in ${u.file}${u.line ? ` (line ${u.line})` : ''}` : '';
}

/** 'the figure is not published (suppressed) in newplans.csv (line 464)' */
function notPublished(u: UnpublishedNewPlans): string {
  return `the figure is not published (${u.reason})${where(u)}`;
}

/**
 * run: the data hold no new plans; the forecast total sets how many, a fallback at which ages (project-la.ts). When a
 * loaded file gives the year's total as a marker (`unpublished`), the note says so (what the forecast total did
 * without it is newPlansUnpublished's, given beside it).
 */
export function newPlansBorrowedForTotal(la: string, baseYear: number, source: string, unpublished?: UnpublishedNewPlans): string {
  const y = baseYear - 1;
  const instead = `each year's new plans are what the forecast total needs beyond the plans carried on, spread over ages like ${source}`;
  if (!unpublished)
    return `No new plans for ${la} in flow year ${y} in the data: ${instead}. The release's new-plans table (newplans.csv or sen2_age_new_plans.csv, to ${y}) would replace them.`;
  return `No new plans for ${la} in flow year ${y}: ${notPublished(unpublished)}. Instead, ${instead}. A file that gives ${possessive(la)} new plans of ${y} would take their place.`;
}

/**
 * The aggregate route: no new plans for the last flow year before the base year; when a file gives that year's total
 * as a marker, which file and line (the release's new-plans table was loaded: adding it is not the remedy).
 */
export function noNewPlansForFlowYear(flowYear: number, unpublished?: UnpublishedNewPlans): string {
  if (!unpublished) return `No new plans for flow year ${flowYear}: incidence is zero until the new-plan flow below sets it.`;
  return `No new plans for flow year ${flowYear}: ${notPublished(unpublished)}; incidence is zero until the new-plan flow below sets it.`;
}

/**
 * forecast and run: a year's new-plans total published as a marker inside the years the forecast total reads for the
 * share of plans that end and of requests that become plans (model/forecast/unpublished-new-plans.ts). Those rates
 * are read from the latest year back and stop at the first year without new plans, so they come from the years after
 * it, pooled with England's, or England's alone where fewer than two are left: Kent's 2021 total as `c` in the 2025
 * layout's newplans.csv moved its January 2025 forecast from 25,987 to 25,553 plans without a word.
 */
export function newPlansUnpublished(la: string, year: number, unpublished: UnpublishedNewPlans, origin: number): string {
  const later = origin - 1 - year;
  const from =
    later >= 2
      ? `its own of ${year + 1}–${origin - 1} only, pooled with England's`
      : `England's alone (${later === 0 ? `${year} is the latest year a forecast from January ${origin} reads` : `only ${year + 1} is read after it, and they need two years`})`;
  return (
    `${la}: new plans of ${year} not published (${unpublished.reason})${where(unpublished)}. The forecast of total plans reads an LA's ` +
    `new plans for the share of its plans that end each year and of its requests that become plans: ${possessive(la)} come from ${from}, ` +
    `so its figures are not those its new plans of ${year} would give. A file that gives them would replace this.`
  );
}

/**
 * run: the projection cannot follow the forecast total because the data give it no new plans (pipeline/gates.ts);
 * where a file gives the year's new-plans total as a marker, adding the table is no remedy, and the message says so.
 */
export function totalUnreachable(la: string, year: number, target: number, reached: number, files: readonly string[], unpublished?: UnpublishedNewPlans & { year: number }): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const read = files.length ? ` (published files read: ${files.join(', ')})` : '';
  const head =
    `${la}: the forecast puts ${n(target)} plans at January ${year}, but the data hold no new plans for this LA to add ` +
    `to the plans carried on, which alone come to ${n(reached)}: the run would fall short of the forecast by ` +
    `${n(target - reached)} plans without saying so.`;
  if (!unpublished)
    return `${head} Add the release's new-plans table (newplans.csv in the 2025 layout, sen2_age_new_plans.csv in the 2022 one) to the data folder${read}.`;
  const y = unpublished.year;
  return (
    `${head} Its new plans of ${y} are in the data, but ${notPublished(unpublished)}, and nothing stood in for them: a run spreads ` +
    `the new plans the forecast needs over ages like its region's or England's new plans of ${y}, and none were loaded. Add a release ` +
    `that gives ${possessive(la)} new plans of ${y}, or one with England's and the regions' new plans of ${y} by age (the new-plans table's ` +
    `national and regional rows)${read}.`
  );
}
