/** User-facing messages of the report stage. */
import { fmtCount, fmtShare, shareAsCount } from '../report/format.ts';
import { possessive } from '../util/possessive.ts';

export const STAGE = 'report';

export function noReports(): string {
  return 'writeComparison needs at least one run report. Got: 0';
}

export function cannotWrite(path: string, reason: string): string {
  return `Could not write the outputs to ${path}: ${reason}`;
}

/**
 * A file of the --out folder that could not be replaced (open in another program, which Windows and Excel keep from
 * being moved, or read-only): every file is as it was before the run. `keptIn`: where the previous files that could
 * not be put back are (none when all were).
 */
export function outputNotReplaced(outDir: string, path: string, reason: string, keptIn?: string): string {
  const left = keptIn === undefined ? 'nothing was replaced: the folder holds the previous outputs as they were' : `the previous outputs could not all be put back: those missing from it are in ${keptIn}`;
  return `--out ${outDir}: could not replace ${path} (${reason}); ${left}. Close the file where it is open (a workbook or CSV open in Excel cannot be replaced), or choose another --out folder, and run again`;
}

/** A folder where a run writes a file, or a file where it writes a folder, in the --out folder. */
export function outputInTheWay(outDir: string, path: string, wants: 'file' | 'folder'): string {
  return `--out ${outDir}: ${path} is a ${wants === 'file' ? 'folder' : 'file'} where the run writes a ${wants} of that name: move or rename it, or choose another --out folder; nothing was written`;
}

/** A run killed while it switched its output folders had written them all: the previous outputs it left go. */
export function switchFinished(dirs: readonly string[], pid: number): string {
  return `a run (process ${pid}) was stopped as it finished replacing the outputs in ${dirs.join(', ')}: its outputs were all in place; the previous ones it left beside them were removed`;
}

/** A run killed while it switched its output folders, before they were all in: every one was put back. */
export function switchRolledBack(dirs: readonly string[], pid: number): string {
  return `a run (process ${pid}) was stopped while it replaced the outputs in ${dirs.join(', ')}: each was put back as it was before that run, so they are one run's set again`;
}

/** A switch journal that is damaged, or names paths that are no output folder's beside it: removed, nothing moved. */
export function switchJournalIgnored(path: string): string {
  return `${path}: the journal of a run stopped while it replaced its outputs is damaged or names folders that are not beside it (copied from elsewhere?); it was removed and nothing was moved: check the output folders beside it`;
}

export function badSuppressionThreshold(got: unknown): string {
  return `The small-count suppression threshold must be a whole number of 2 or more. Got: ${String(got)}`;
}

export function noFonts(): string {
  return 'No fonts are available to @napi-rs/canvas: chart text will be missing. Install a font (for example fonts-dejavu-core).';
}

/** How the outputs choose their one central figure (central-path.ts), for the Summary sheet and the report. */
export function centralPathNote(draws: number): string {
  return draws > 0
    ? `Central figures are one path: total plans at the median (P50) of ${draws.toLocaleString('en-GB')} simulated futures, split by age, need and placement in the projection’s proportions and priced by the budget model, so every table adds up; every sheet, chart and sentence shows this path. P10 and P90 are percentiles of the simulated futures.`
    : 'Central figures are the deterministic path (every rate at its expected value, no simulated futures), so P10 = P50 = P90; every sheet, chart and sentence shows this path.';
}

/** The report's uncertainty chapter for a run without simulated futures (--draws 0), which has no range to give. */
export function noRangeWithoutDraws(lastYear: number): string {
  return (
    `This run is deterministic (--draws 0): it shows one path, every rate at its expected value, and gives no range for plans in January ${lastYear} ` +
    'or for the balance. The forecast is uncertain all the same, more so with every year; run with simulated futures (the default 1,000 draws) for P10 and P90.'
  );
}

export function halfTruthInOutput(places: readonly string[]): string {
  return `refusing to write outputs holding NaN, Infinity or 'undefined' (a bug in highneeds, not in your data); nothing was written. Found: ${places.join('; ')}`;
}

/** What a demand-only run leaves out, for its workbook and report. */
export function demandOnlyNote(): string {
  return 'Demand only (run with --demand-only): plans are projected without money, so this run has no costs, funding, balances or savings. Fill in the money tables a budget needs (unit_costs.csv, places.csv, funding.csv, other_spend.csv and opening_balance.csv, or their sheets) and run without --demand-only to model the High Needs budget.';
}

/** A transitions view the data cannot support, and the data that would. */
export function transitionsNeedPersonData(): string {
  return 'Moves between settings at transition points (such as Year 6 to Year 7) are not shown: the data loaded are published totals, which record no child’s move from one setting to the next, so a projection from them moves children between settings only as the published mix of settings at each age implies (each age’s plans take the next age’s mix, with as few moves as that needs) and any diagram of moves would be an artefact. Load person-level SEN2 returns (the XML sent to DfE, or the COLLECT Blade CSV) for at least two consecutive Januaries to see where children go.';
}

/** A needs view the data cannot support, and the data that would. */
export function needsNotRecorded(): string {
  return 'Primary needs are not shown: the data loaded record no primary need for any plan, so every plan would read “need not recorded”. Load SEN2 returns (which carry each plan’s primary need) or the published “EHC plans by primary need” table to see them.';
}

export function chartThreadFailed(reason: string): string {
  return `The chart drawing thread failed: ${reason}`;
}

/** The run reaches further ahead than its track record scored (report/series.ts scoredHorizonBefore). */
export function beyondScored(h: number, baseYear: number, where: string): string {
  return (
    `The model’s forecasts and ranges have been checked against what happened up to ${h} year${h > 1 ? 's' : ''} ahead (${where}). ` +
    `The years after January ${baseYear + h} were never scored: they show where current trends lead if they continue, and their ranges allow only for the uncertainty the model can measure, not for a change of trend.`
  );
}

/**
 * The Plans by age sheet of a run whose data give the base year's plans by age band only: its single ages are the
 * model's apportionment of the bands, not published figures (model/estimate/aggregate-bands.ts).
 */
export function singleAgesFromBands(baseYear: number, bands: readonly string[]): string {
  return `The data give plans by age band only (${bands.join(', ')}) for January ${baseYear}: single ages here, January ${baseYear}'s included, are the model's apportionment of those bands, not published figures. The band totals and the phase subtotals made of whole bands are the data's; read a single age, or a phase that cuts a band (0–3 and 4–10 cut the under-5s), as an estimate.`;
}

/**
 * The report's data paragraph for a council a reorganisation made, with no January of its own before the base year:
 * its projection reads its predecessors' history, apportioned (model/reorganise.ts), which the data quality notes give.
 */
export function successorWithoutOwnHistory(la: string, baseYear: number, plans: string, fromCensusYear: number, note: string): string {
  return (
    `In January ${baseYear} ${la} maintained ${plans} EHC plans. It has existed since January ${fromCensusYear} (${note}), so the data hold ` +
    `no earlier totals of its own: its projection reads the history of its predecessors, apportioned by its share of their plans ` +
    `(the Data quality sheet gives the share).`
  );
}

/**
 * A sheet's note when the data give no breakdown by `what` for the base year itself: its column is headed
 * "estimated", not "actual" (series.ts censusHeader).
 */
export function baseBreakdownEstimated(what: 'placement' | 'primary need' | 'placement category and age group', baseYear: number, where = `that column, headed "Jan ${baseYear} estimated", is`): string {
  return `The data give no plans by ${what} for January ${baseYear}: ${where} the model's starting estimate, not published figures.`;
}

/**
 * The Plans by placement sheet's note when the data's placements for the base year do not add up to the data's total
 * (two tables of a release, or two releases, that disagree): both are shown as the data give them.
 */
export function placementsApartFromTotal(baseYear: number, placed: number, total: number): string {
  return `The data's placements for January ${baseYear} add up to ${fmtCount(placed)} plans, the data's total is ${fmtCount(total)}: both are shown as published (the placements here, the total on the Summary sheet); the projection starts from the total.`;
}

/**
 * The Data quality note (and run warning) when the projection starts from plans that differ from the data's figures
 * for the base year by more than rounding (model/observed.ts startGaps): the outputs show the data's figures as
 * actual, and the first projected year moves from the model's start, not from them.
 */
export function startDiffersFromData(la: string, baseYear: number, gaps: ReadonlyArray<{ what: string; observed: number; fitted: number }>): string {
  // `what`: 'all plans' or a placement's label
  const shown = gaps.slice(0, 4).map((g) => `${g.what} ${fmtCount(g.fitted)} against ${fmtCount(g.observed)}`);
  const more = gaps.length > 4 ? `; and ${gaps.length - 4} more` : '';
  return (
    `${possessive(la)} projection starts from January ${baseYear} plans that differ from the data's (the model's start against the data): ${shown.join('; ')}${more}. ` +
    `Every sheet, chart and the JSON show the data's figures as January ${baseYear} actual; the projected years grow from the model's start (placements fitted to the ages the data give, or plans with no placement recorded placed as the recorded ones).`
  );
}

/** One compared scenario's years, for the comparison's note when the scenarios do not all cover the same years. */
export function scenarioReach(label: string, firstYear: number, lastYear: number, fys?: { first: string; last: string }): string {
  const money = !fys ? '' : fys.first === fys.last ? ` (financial year ${fys.first})` : ` (financial years ${fys.first} to ${fys.last})`;
  return `“${label}” January ${firstYear} to January ${lastYear}${money}`;
}

/**
 * The comparison of scenarios that do not all cover the same years: what each covers, which years the headline
 * figures compare, and that a year a scenario does not reach is blank for it (never 0).
 */
export function comparisonReach(reaches: string[], lastYear: number | undefined, lastFy: string | undefined): string {
  const common =
    lastYear === undefined
      ? 'No January is projected by every scenario, so the headline figures compare no later year'
      : `The headline figures compare January ${lastYear}${lastFy ? ` and ${lastFy}` : ''}, the latest that every scenario reaches`;
  return `The scenarios do not cover the same years: ${reaches.join('; ')}. ${common}; in the year-by-year tables and charts a scenario is blank (–) for the years it does not reach, which is no figure, not zero.`;
}

/** A chart's alt text or a table's figure for a scenario at a year it does not project. */
export function notReached(label: string): string {
  return `${label} not projected (outside its years)`;
}

/** The comparison's summary when one scenario alone reaches 31 March 2028 (the others end before it or start after). */
export function overrideBalanceOfOne(balance: string, label: string): string {
  return `At 31 March 2028, when the statutory override ends, the cumulative DSG balance is ${balance} on “${label}”, the only scenario that reaches that date.`;
}

/**
 * The Flows sheet of a scenario in which no places limit plans: it has no column of arrivals beyond capacity, which
 * read 0 in every year (as if no plan were beyond its places) beside a Places and plans sheet whose plans exceed them.
 */
export const capacityNotModelled =
  'No places limit plans in this scenario (no places table used as capacity, no capacity change), so no plan is sent elsewhere for want of a place and there is no column of arrivals beyond capacity: the Places and plans sheet sets funded places against plans. To model it, set capacity.from_places_table: true in the scenario.';

/**
 * The LAs the track record scores across (pipeline/track-record.ts): those of the data with a past forecast to score,
 * not every LA of it ('across all 154 LAs of the data' where the real 2022 release holds 156).
 * @example scoredAcross(154) // 'the 154 LAs of the data with past forecasts to score'
 */
export function scoredAcross(las: number): string {
  return `the ${las.toLocaleString('en-GB')} LA${las === 1 ? '' : 's'} of the data with past forecasts to score`;
}

/**
 * Whose history the track record scores: a council a reorganisation made is scored on its own Januaries, but its
 * forecasts read its predecessors' figures, apportioned, before it existed, so "Cumberland's own history" overstated.
 * @example trackRecordScope('Cumberland', { fromCensusYear: 2024, note: 'Cumbria became …' }) // "Cumberland's history (…)"
 */
export function trackRecordScope(la: string, made?: { fromCensusYear: number; note: string }): string {
  if (!made) return `${possessive(la)} own history`;
  return `${possessive(la)} history (its own from January ${made.fromCensusYear}; before then its predecessors' figures, apportioned, which its forecasts read: ${made.note})`;
}

/** The Backtest sheet's note under its tables: what "Forecasts scored" counts. */
export const FORECASTS_SCORED_NOTE =
  'Empty coverage: the simple methods give no range. Forecasts scored: the forecasts made from past starting years that have a known outcome that many years later';

/** Under the expenditure chart: lines of the spend that are £0 in every year, left out of its bars and legend. */
export function zeroSpendLinesLeftOut(labels: readonly string[]): string {
  return `${labels.join(' and ')} ${labels.length === 1 ? 'is' : 'are'} £0 in every year (the workbook's Data quality sheet says why), so not shown.`;
}

/**
 * A DSG placement category the LA held no plan in at any January from `from` to `to` (report/unheld-placements.ts)
 * where its central path puts `plans` by January `year`: they come from the placement mix its own plans were pooled
 * with, so they are other LAs' placements, not a finding about this one. Its words hold whatever the count
 * ('puts 1 plan there', 'puts fewer than 10 plans there' as suppressedText writes it for publication): 'the 1 plan
 * projected there … comes from …. It shows where a plan like it is placed' read 'fewer than 10 plans projected there …
 * comes from …. It shows …' once suppressed (Isles of Scilly on the real 2022 release at 10).
 * @example placementGroupUnheld('Isles of Scilly', 'State special', 2019, 2022, 2032, 6.6, 49) // '… its projection puts 7 plans there by January 2032 (of its 49 plans then) …'
 */
export function placementGroupUnheld(la: string, group: string, from: number, to: number, year: number, plans: number, total: number): string {
  const when = from === to ? `at January ${to}` : `at any January from ${from} to ${to}`;
  const one = fmtCount(plans) === '1';
  const share = shareAsCount(total) ? `of its ${fmtCount(total)} plans then` : `${fmtShare(plans / total)} of its plans`;
  return (
    `${la} had no plans in the ‘${group}’ category ${when}; its projection puts ${fmtCount(plans)} ${one ? 'plan' : 'plans'} there by January ${year} (${share}) ` +
    `from the placement mix of its region or England, with which its own plans are pooled (see the note on its placement mix), ` +
    `not from placements of its own: this shows where such plans are placed elsewhere, not that ${la} will place children there.`
  );
}

/**
 * The base year's plans in mainstream, state special and independent special schools, `estimated` when the data give
 * no placements for that January: percentages of `total`, or counts of it when it is too few for a percentage to
 * mean more than a child or two (format.ts SHARE_AS_COUNT_BELOW).
 * @example basePlacementShares(2022, false, 16, { mainstream: 11, stateSpecial: 0, independentSpecial: 2 }) // '11 of its 16 plans were in mainstream schools, none in …'
 */
export function basePlacementShares(baseYear: number, estimated: boolean, total: number, g: { mainstream: number; stateSpecial: number; independentSpecial: number }): string {
  const lead = estimated ? `By the model's estimate (the data give no placements for January ${baseYear}), ` : '';
  if (shareAsCount(total)) {
    const n = (x: number): string => (fmtCount(x) === '0' ? 'none' : fmtCount(x));
    return (
      `${lead}${n(g.mainstream)} of its ${fmtCount(total)} plans ${fmtCount(g.mainstream) === '1' ? 'was' : 'were'} in mainstream schools, ${n(g.stateSpecial)} in state special schools ` +
      `and ${n(g.independentSpecial)} in independent or non-maintained special schools, the most expensive placements.`
    );
  }
  return (
    `${lead}${fmtShare(g.mainstream / total)} of plans were in mainstream schools, ${fmtShare(g.stateSpecial / total)} in state special schools and ` +
    `${fmtShare(g.independentSpecial / total)} (${fmtCount(g.independentSpecial)} children) in independent or non-maintained special schools, the most expensive placements.`
  );
}

/** The two most common primary needs at the base year, each a percentage of `total` plans or, too few, a count of them. */
export function topNeeds(total: number, top: ReadonlyArray<{ label: string; plans: number }>): string {
  const [a, b] = top;
  if (shareAsCount(total)) return `The most common primary needs were ${a!.label} (${fmtCount(a!.plans)} of its ${fmtCount(total)} plans) and ${b!.label} (${fmtCount(b!.plans)}).`;
  return `The most common primary needs were ${a!.label} (${fmtShare(a!.plans / total)} of plans) and ${b!.label} (${fmtShare(b!.plans / total)}).`;
}

/** The band a stacked chart of placement groups draws small groups in, with suppression (report/suppress.ts smallGroupsBanded). */
export function smallGroupsLabel(threshold: number): string {
  return `Groups with fewer than ${threshold.toLocaleString('en-GB')} plans in a year`;
}

/** What a placement chart's grey band of small groups holds, for its small print and its text alternative. */
export function smallBandWords(members: readonly string[], threshold: number, all = false): string {
  return `Grey band: ${all ? 'every placement group' : members.join(', ')}, drawn together in every year because a group held fewer than ${threshold.toLocaleString('en-GB')} plans in a year shown (or would give one back); no small group's count is drawn.`;
}
