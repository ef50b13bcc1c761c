/** User-facing messages of the model stage. */
import type { LaGuess } from '../domain/la.ts';
import { laGuessClause } from './etl.ts';
import { counted } from '../util/plural.ts';
import { STEP_MAX, STEP_MIN, type ProjectionProblem } from '../pipeline/plausible.ts';
import { prevalenceBeyondEveryLa, type BasePopulation } from './population.ts';
import { possessive } from '../util/possessive.ts';
import { typedAsIs } from './invocation.ts';

/**
 * The backtest command as the notes name it: they are written into the workbook, report and explorer page, which go
 * to people on other machines, so they name the product's command, not how this run was started (started as
 * `node /home/…/bin/highneeds.js`, the note put that path into every published output).
 */
const PUBLISHED_BACKTEST = 'highneeds backtest --horizon';
export const STAGE = 'model';

// --- engine (projection, Monte Carlo, person-level estimation) ---

/** No population for any census year. */
export function noPopulation(): string {
  return 'No population data: new plans are population × incidence, so the projection needs population by single age 0–25 for at least one census year.';
}

/** Aggregate estimation is not available in this build. */
export function aggregateEstimationUnavailable(): string {
  return 'This dataset has no person-level SEN2 data and aggregate estimation (EES series) is unavailable in this build.';
}

/** The dataset has no stock for the chosen base year. */
export function noBaseStock(baseYear: number | undefined, available: number[]): string {
  return `No stock of plans${baseYear === undefined ? '' : ` for base year ${baseYear}`}. Census years with stock: ${available.length ? available.join(', ') : 'none'}.`;
}

/** A Monte Carlo worker failed. */
export function workerFailed(reason: string): string {
  return `A Monte Carlo worker thread failed: ${reason}`;
}

/** Number of draws is invalid. */
export function invalidDraws(draws: number): string {
  return `draws must be a whole number between 0 and 1,000,000. Got: ${draws}`;
}

// --- forecast and backtest (EES series) ---

/** A requested LA code matches no LA in the files. */
export function unknownLaCode(code: string, guess?: LaGuess): string {
  const hint = laGuessClause(guess);
  return `LA code '${code}' is not in the EES files (expected a DfE 3-digit code such as 925 or an ONS code such as E10000019)${hint ? `; ${hint}` : '.'}`;
}

/** Neither --la nor --all was given. */
export function noLaSelected(): string {
  return 'Choose the LAs to forecast: --la CODE... or --all.';
}

/** The files hold no LA with stock at the base year. */
export function noLaAtBaseYear(baseYear: number): string {
  return `No LA in the EES files has a stock of plans at census ${baseYear}.`;
}

/** An origin/horizon/base year is out of range. */
export function invalidYearOption(name: string, value: unknown): string {
  return `${name} must be a census year (a whole number from 2000 to 2100). Got: ${String(value)}`;
}

/** The reason an LA asked for is skipped when its every figure is later than the base year. */
export function notKnownYet(baseYear: number, firstYear: number): string {
  return `no figures known by January ${baseYear}: its first are of January ${firstYear}, so choose a --base-year of ${firstYear} or later`;
}

/** Later rows ignored by a forecast. */
export function laterRowsIgnored(n: number, baseYear: number): string {
  return `${n} row(s) later than what was known by January ${baseYear} were ignored (stocks after ${baseYear}, flows after ${baseYear - 1}).`;
}

/** A missing January inside the years an LA's trend reads, bridged by its neighbours (estimate/outliers.ts bridgeGaps). */
export function stockGapBridged(la: string, year: number, value: number): string {
  return (
    `${la}: no plans published for January ${year} (a suppressed or blank figure, or no row); the trend reads ` +
    `${Math.round(value).toLocaleString('en-GB')} there, the geometric mean of January ${year - 1} and ${year + 1}, rather than only the years after it.`
  );
}

/** forecast: the LAs whose missing Januaries were bridged, in one note. */
export function stockGapsBridged(gaps: ReadonlyArray<{ la: string; year: number }>): string {
  const named = gaps.slice(0, 5).map((g) => `${g.la} (January ${g.year})`).join(', ');
  return (
    `${gaps.length} January figure(s) missing inside the years a trend reads (suppressed, blank or no row) were bridged by the ` +
    `geometric mean of the years either side: ${named}${gaps.length > 5 ? ', …' : ''}. A run of one of these LAs names it on its Data quality sheet.`
  );
}

/**
 * forecast and run: years further ahead than the calibration scored past forecasts (`scored` years; 0: none could be).
 * Their ranges take a shorter horizon's scale and the central path carries each LA's recent growth on undamped, so
 * without a word an LA growing 16% a year was forecast at ×4.6 in ten years with a range that looked as checked as
 * next year's. `who`: the one LA run, or "each LA".
 */
export function rangesNotScored(baseYear: number, scored: number, horizon: number, ranged = true, who = 'each LA'): string {
  const whose = who === 'each LA' ? "Each LA's" : possessive(who);
  const years = scored + 1 === horizon ? `January ${baseYear + horizon}` : `January ${baseYear + scored + 1}–${baseYear + horizon}`;
  // --draws 0 writes no range: the words are of the central path alone
  if (!ranged)
    return (
      `Forecasts for ${years}: no past forecast in the files was scored that far ahead. ${whose} recent growth (pooled with ` +
      `its region's and England's) is carried on undamped (the setting that backtests best), and it was not checked against ` +
      `outcomes that far ahead: read these years as the recent trend continued (${PUBLISHED_BACKTEST} scores them where the files reach).`
    );
  const why =
    scored === 0
      ? `no past forecast in the files could be scored against outcomes, so the ranges are the model's own uncertainty, not calibrated`
      : `the ranges were calibrated on past forecasts scored at most ${counted(scored, 'year')} ahead, and later years take that scale`;
  return (
    `Forecasts for ${years}: ${why}. ${whose} recent growth (pooled with its region's and England's) is carried on ` +
    `undamped (the setting that backtests best), and neither it nor the ranges were checked against outcomes that far ahead: ` +
    `read these years as the recent trend continued, not as a tested range (${PUBLISHED_BACKTEST} scores them where the files reach).`
  );
}

/**
 * ' Not read: <file> (<why>); …' for the files of a data folder no reader took, or ''. When the data hold no stock of
 * plans, a file no reader took (an empty sen2_age_caseload.csv) is likely the one that held them.
 */
export function notReadText(unread: ReadonlyArray<{ path: string; message: string }>): string {
  return unread.length ? ` Not read: ${unread.map((u) => `${u.path} (${u.message.length > 120 ? `${u.message.slice(0, 117)}…` : u.message})`).join('; ')}.` : '';
}

/** run: the LA cannot be forecast from these files (the one model's reason). */
export function runCannotForecast(
  la: string,
  baseYear: number | undefined,
  reason: string,
  files: readonly string[],
  unread: ReadonlyArray<{ path: string; message: string }> = [],
  ownRows = false, // the reason: its own rows of the base year contradict its total (select.ts contradictsOwnRows)
): string {
  // no base year when the data hold no stock of the LA at all (it said 'from January NaN')
  const from = baseYear === undefined ? '' : ` from January ${baseYear}`;
  const upTo = baseYear === undefined ? '' : ` up to ${baseYear}`;
  const notRead = notReadText(unread);
  return (
    `${la} cannot be projected${from}: ${reason}. Files read: ${files.join(', ') || 'none'}.${notRead} ` +
    (ownRows ? `Correct the files, or set base_year in the scenario to an earlier January.` : `Add a release with ${possessive(la)} plans for at least three censuses${upTo} (DfE "Education, health and care plans"), or set base_year in the scenario to a year the files cover.`)
  );
}

/** run gate: the base-year stock the projection starts from is not the published total. */
export function baseStockMismatch(la: string, baseYear: number, projected: number, published: number, files: readonly string[]): string {
  return (
    `${la}: the projection would start from ${Math.round(projected).toLocaleString('en-GB')} plans in January ${baseYear}, ` +
    `but the published total in ${files.join(', ')} is ${Math.round(published).toLocaleString('en-GB')}. ` +
    `Check that the SEN2 return and the published release are for the same LA and census, or remove the one that is out of date.`
  );
}

/**
 * run gate: an LA's own SEN2 return for a census year holds another number of plans than the published total of that
 * year. The return's plans replace the published stock in the age, need and placement figures, while the total
 * forecast is built on the published series: the sample's returns (2,413, 2,663 and 3,007 plans in January 2023–2025)
 * beside a published table of 3,300 and 3,800 for 2023 and 2024 ran with exit 0, showing the returns' rise as the
 * history and projecting the published fall (3,024 plans in January 2026, against 3,368 from the returns alone).
 */
export function personLevelStockMismatch(la: string, year: number, returned: number, sen2File: string, published: number, files: readonly string[]): string {
  return (
    `${la}: the SEN2 return ${sen2File} holds ${Math.round(returned).toLocaleString('en-GB')} plans at census ${year}, but the published total ` +
    `in ${files.join(', ') || 'the published tables'} is ${Math.round(published).toLocaleString('en-GB')}: the run would show the return's plans ` +
    `as that year's and forecast the total from the published ones, so no outputs were written. Check that the return and the published ` +
    `release are for the same LA and census and that the return is complete, or remove the one that is out of date.`
  );
}

/**
 * What is wrong with a projection that fails the gate (pipeline/plausible.ts), as implausibleProjection's `what`:
 * "12345 plans", a bad cell, or the step from the year before.
 */
export function projectionProblemText(p: ProjectionProblem): string {
  switch (p.kind) {
    case 'total':
      return `${p.value} plans`;
    case 'cell':
      return 'a negative or non-numeric count in some age, need or placement';
    case 'prevalence':
      return (
        `${Math.round(p.plans).toLocaleString('en-GB')} plans at ${p.quantile}, ${(Math.round((1000 * p.plans) / p.population) / 10).toLocaleString('en-GB')}% of the ` +
        `${Math.round(p.population).toLocaleString('en-GB')} people aged 0 to 25 there (${p.limit >= 1 ? 'more than all of them' : `more than ${p.limit * 100}%, several times any English LA's share`})`
      );
    case 'step':
      return `${Math.round(p.plans).toLocaleString('en-GB')} plans against ${Math.round(p.before).toLocaleString('en-GB')} a year earlier (a step of ×${p.ratio.toFixed(2)}, outside ×${STEP_MIN}–×${STEP_MAX})`;
  }
}

/** run gate: a projected year is not a number, negative, or an implausible step. */
export function implausibleProjection(la: string, year: number, what: string): string {
  return (
    `${la}: the projection for January ${year} is ${what}, so no outputs were written. ` +
    `This usually means a broken input series (a year with far too few or too many plans); check the Data quality notes with ` +
    `\`${typedAsIs('validate')}\` and correct or remove that year's file. If the data are right, please report this as a bug.`
  );
}

/**
 * run: the scenario's levers, not the data, make a step the gate refuses (the forecast it starts from moves by
 * `forecastRatio` that year).
 */
export function scenarioStep(la: string, year: number, what: string, forecastRatio: number, scenarioFile: string): string {
  return (
    `${la}: with the levers of ${scenarioFile}, the projection for January ${year} is ${what}, where the forecast the scenario ` +
    `starts from moves by ×${forecastRatio.toFixed(2)}; a step that large is refused as implausible, so no outputs were written. ` +
    `Check the scenario's levers (surges, population growth, trend, mitigations, transition shifts, capacity) for a value ` +
    `far larger than meant: a rate is a fraction or a percentage (0.05 or 5%), not 5.`
  );
}

/**
 * run, goal-seek: a horizon past HORIZON_UNHELD_MAX (plausible.ts) on data without the LA's population, where nothing
 * would hold a trend compounded that long.
 */
export function horizonUnheld(la: string, scenarioFile: string, horizon: number, max: number): string {
  return (
    `${la}: ${scenarioFile} asks for horizon_years: ${horizon}, but the data have no population for the LA, so nothing holds ` +
    `the projection beyond ${max} years (the model's trend is carried on undamped and its ranges are scored against outcomes only a few years ahead, and a trend ` +
    `compounded for longer can pass the LA's number of children); no outputs were written. Set horizon_years to ${max} or ` +
    `less, or add the LA's population (an ONS mid-year estimate or subnational population projection) to the data folder.`
  );
}

/** forecast --horizon: why it stops at HORIZON_UNHELD_MAX (`forecast` reads no population). */
export function forecastHorizonWhy(max: number): string {
  return (
    `the model's trend is carried on undamped and its ranges are scored against outcomes only a few years ahead, and \`forecast\` reads no population to hold a ` +
    `trend compounded for more than ${max} years (run a scenario on a data folder with the LA's population for a longer horizon)`
  );
}

/**
 * run: a total of plans beyond PREVALENCE_MAX of the LA's people aged 0–25 (plausible.ts). At the base year the data
 * disagree (a population of another area); later, growth compounded over the horizon: project less far or let it settle.
 */
export function prevalenceGate(la: string, year: number, baseYear: number, what: string, populationFiles: string, base?: BasePopulation): string {
  if (year <= baseYear)
    return (
      `${la}: in January ${year} the data give ${what}, so no outputs were written. The population files (${populationFiles}) are ` +
      `probably for another area (a district instead of the county, or another LA's code): check their area codes against the LA's.`
    );
  const last = year - 1 - baseYear;
  const horizon =
    (last >= 1 ? `project to January ${year - 1} at most (horizon_years: ${last} in the scenario), or let the growth settle ` : 'let the growth settle ') +
    `(projection.trend_damping and long_run_growth in the scenario).`;
  // a share already above every LA's at the base year: the population may be too small, not the growth too fast
  if (base && base.share > base.seenMax) return prevalenceBeyondEveryLa(la, year, baseYear, what, base, horizon);
  return (
    `${la}: the projection for January ${year} is ${what}: growth compounded over ${year - baseYear} years goes beyond what any ` +
    `council could have, so no outputs were written. ${horizon.charAt(0).toUpperCase()}${horizon.slice(1)}`
  );
}

/** forecast: an LA left out because its central forecast steps as a run's gate would refuse (pipeline/plausible.ts). */
export function forecastImplausible(year: number, what: string): string {
  return (
    `its forecast for January ${year} is ${what}, which \`run\` refuses; this usually means a broken input series (a year ` +
    `whose age or placement rows do not add up to its total, or far too few or too many plans): check the files with \`${typedAsIs('validate')}\``
  );
}

/**
 * A successor LA's history before its reorganisation, joined from its predecessors (model/reorganise.ts): `run` puts
 * it on the Data quality sheet, `forecast` and `backtest` on stderr, for the LAs they forecast.
 */
export function historyJoined(la: string, from: number, predecessors: string, share: string, keyYear: number, note: string): string {
  return `${la}: history before January ${from} joined from ${predecessors}, ${share} of their summed figures (its share of the successors' plans at January ${keyYear}); ${note}.`;
}

/** A run of an LA that a reorganisation ended, projected into the years after its end. */
export function projectedPastAbolition(la: string, ceased: number, note: string, successors: readonly string[] = []): string {
  const instead = successors.length ? `; to plan for them, run each of its successors instead (${successors.map((c) => `--la ${c}`).join(', ')}) on data that hold their figures, from January ${ceased}` : '';
  return `${la} ceased to exist at January ${ceased} (${note}): the years projected from January ${ceased} on are for the former council's area as if it still existed, and its successors' plans and budgets are not these${instead}`;
}

/**
 * England's rows in a run's data give too few Januaries up to the base year for a growth (one year of national rows, or
 * only years after the base): the run pools towards the shipped reference series instead.
 */
export function nationalTooShort(la: string, held: readonly number[], baseYear: number | undefined, refEnd: number): string {
  const years = held.length === 0 ? 'no January' : `January ${held.join(', ')} only`;
  const upTo = baseYear === undefined ? '' : ` up to the base year ${baseYear}`;
  return `The data's England rows give plans at ${years}, too few for a trend${upTo}: ${possessive(la)} trend is pooled towards England's published series in the shipped reference table (to January ${refEnd}), not towards the LA itself. Give England's rows for every year of the files, or none.`;
}

/** The run's data hold no England or regional series: the LA's trend is pooled towards the shipped reference series. */
export function pooledTowardsReference(la: string, refEnd: number): string {
  return `The data hold no England or regional series: ${possessive(la)} trend is pooled towards England's published series in the shipped reference table (to January ${refEnd}).`;
}

/** Summary line on stderr for warnings that change what a reader should believe. */
export function readerWarnings(n: number): string {
  return `${n} note${n === 1 ? ' changes' : 's change'} what these figures mean (all are in the workbook's Data quality sheet):`;
}
/** Files of a run's data folder that no reader recognised, left out of the run (stderr; each is on the Data quality sheet). */
export function filesNotRead(files: ReadonlyArray<{ path: string; message: string }>): string {
  const shown = files.slice(0, 3).map((f) => `${f.path} (${f.message.length > 120 ? `${f.message.slice(0, 117)}…` : f.message})`);
  const more = files.length > 3 ? `; and ${files.length - 3} more` : '';
  return `Not read: ${files.length === 1 ? 'a file' : `${files.length} files`} of the data folder that no reader recognises, left out of the run: ${shown.join('; ')}${more}. Correct or remove ${files.length === 1 ? 'it' : 'them'} if ${files.length === 1 ? 'it was' : 'they were'} meant to be read.`;
}
export function ownTablesOfAnotherLa(laName: string, nFiles: number): string {
  return `${nFiles === 1 ? 'A table' : `${nFiles} tables`} in the data folder hold${nFiles === 1 ? 's' : ''} rows for another LA than ${laName} (the la_code column): a run uses one LA's money only`;
}

/** An LA's new plans of a flow year have no ages in the data: they are spread like a reference series's. */
export function newPlansAgesBorrowed(la: string, flowYear: number, total: number, source: string): string {
  const n = Math.round(total);
  return `No new plans by age for ${la} in flow year ${flowYear}: its ${n.toLocaleString('en-GB')} new plan${n === 1 ? ' is' : 's are'} spread over ages like ${source}.`;
}

/**
 * An LA issued no new plans in the last flow year (or none by age) but new plans are expected (led by requests, or
 * by the trend): they are spread over ages like the pooled profile its new plans are shrunk towards.
 */
export function newPlansSpreadLikeProfile(la: string, flowYear: number, total: number, source: string): string {
  const n = Math.round(total);
  return `No new plans by age for ${la} in flow year ${flowYear} (${n.toLocaleString('en-GB')} issued): the new plans expected from then on are spread over ages like ${source}.`;
}

/**
 * Incidence scaled by `factor` to the stock-flow anchor's `next` new plans of calendar year `baseYear`, led by requests
 * × `conversion` (else by the new-plan trend). Under 10 the number has one decimal: City of London's 0.34 read
 * '0 new plans are issued in 2022', as if it issued none.
 */
export function incidenceScaled(factor: number, next: number, baseYear: number, conversion: number | undefined): string {
  const n = next < 10 ? next.toFixed(1) : Math.round(next).toLocaleString('en-GB');
  const lead = conversion !== undefined ? `requests ${baseYear - 1} × conversion ${conversion.toFixed(3)}` : 'new-plan trend';
  return `Incidence scaled by ${factor.toFixed(3)} so that ${n} new plans are issued in ${baseYear} (${lead}).`;
}

/** The data hold population, but not for the base year: another year's stands in (the aggregate route). */
export function populationStandsIn(baseYear: number, from: number): string {
  return (
    `Population: the data have no population for census year ${baseYear} (the mid-${baseYear - 1} estimate); census ${from}'s stands in for it, ` +
    `so new plans per head are measured against it. Load the estimate or projection for mid-${baseYear - 1} to use its own.`
  );
}

/** The data's population ends before the horizon: the engine holds its last year (populationAt). */
export function populationHeld(last: number, horizonYear: number): string {
  return (
    `Population: the data's population ends at census year ${last}; every later census year to ${horizonYear} holds it unchanged, so a rise or fall ` +
    'in the number of children is not in the projection. Load an ONS subnational population projection to follow it.'
  );
}

/**
 * An LA whose base-year row gives its total plans without their placements (Hackney and Peterborough returned totals
 * only for 2023/24): the base year's plans are placed by the latest January before it with placements.
 */
export function placementsFromEarlierYear(la: string, baseYear: number, fromYear: number): string {
  return `No placement breakdown of ${possessive(la)} plans at January ${baseYear} (the published row gives the total only): its plans are placed as at January ${fromYear}, the latest January with placements. Figures by placement, and the costs by placement, are estimates for ${baseYear}.`;
}

/** An LA whose published placements leave many plans with none recorded (aggregate-mix.ts unrecordedPlacements). */
export function unrecordedPlacementsPlaced(la: string, year: number, none: number, total: number): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  return (
    `No placement recorded for ${n(none)} of the ${n(total)} plans in ${possessive(la)} placement columns at January ${year} (${Math.round((100 * none) / total)}%), ` +
    'far more than the 1% or so of most LAs (placements the LA could not return, as the 2025 release says of Cambridgeshire and North East ' +
    'Lincolnshire, or many awaiting provision): its plans and new plans are placed as its recorded ones are, and costed so, rather than left in no ' +
    'setting at £0 for the whole projection. Figures by placement are estimates; a release or SEN2 return with the placements would replace them.'
  );
}

/** The flow years whose published ceased plans by reason split the projected ceased plans (aggregate route). */
export function ceaseReasonsFrom(years: readonly number[]): string {
  const span = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  return `Ceased plans by reason: split as the published ceased plans of ${span} by age and reason.`;
}

/** Where an LA's "All EHC plans" total of a January is given with no figure (forecast/select.ts skipReason). */
export function unpublishedTotalWhere(u: { reason: string; file?: string; line?: number }): string {
  const where = u.file ? ` in ${u.file}${u.line ? ` (line ${u.line})` : ''}` : '';
  return `its "All EHC plans" total is not published (${u.reason})${where}`;
}

/** An LA whose "All EHC plans" total of a January the forecast reads is 0 (forecast/select.ts skipReason). */
export function stockOfZero(year: number): string {
  return `its "All EHC plans" total at census ${year} is 0: no trend can be read from a stock of no plans, and no LA has none; check that January's total in the files`;
}

/**
 * An LA forecastable by its Januaries whose growth the trend cannot read in its window (central.ts): `forecast` skips
 * it with this reason, and `backtest` leaves it out of an origin with the same words.
 */
export function noGrowthInWindow(window: number, origin: number): string {
  return `too short: no growth of plans in the ${window} years to ${origin}`;
}

/** run of scenarios of several base years: one base year cannot be forecast, and which scenario files ask for it. */
export function baseYearAskedBy(message: string, baseYear: number, latest: boolean, files: readonly string[]): string {
  const which = latest ? `the latest census, January ${baseYear}, as no base_year is given` : `base_year ${baseYear}`;
  return `${message} The run's scenarios start from different Januaries; ${which} is that of ${files.join(', ')}.`;
}
