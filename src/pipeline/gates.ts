/**
 * The sanity gates of `run` (cli.md), in one place, checked after projecting and before anything is written: a
 * failure is exit 1 with the LA, the year, the files and what to do. Thresholds (plausible.ts, whose checks the
 * scenario explorer page shares; documented in docs/model.md):
 *
 * - the base-year stock the projection starts from equals the published total in the files (within 0.5%);
 * - the lever-free projection reaches the forecast's total in every year (within 0.5%): with no new plans in the
 *   data it could not, and the run fell short of the forecast without a word (Kent from the 2025 layout's caseload
 *   alone: 17,733 → 14,926 plans in three years where `forecast` gives 25,993);
 * - every projected total (P10, P50, P90) and every cell is a finite, non-negative number;
 * - the central path moves by at most STEP_MAX (and at least STEP_MIN) of the year before in any one year; when the
 *   forecast the scenario starts from does not make that step, the message names the scenario's levers, not the data
 *   (a population growth of 5 meant as 5% gave "a broken input series … report this as a bug");
 * - a P50 of at most PREVALENCE_MAX of the LA's people aged 0–25 and a P90 of at most all of them, when the data have
 *   its population: Kent from January 2021 over 30 years gave P90 1,001,893 plans in 2051 with exit 0;
 * - a horizon of at most HORIZON_UNHELD_MAX years when the data have no population for the LA (checked before
 *   projecting): nothing else holds a trend compounded for longer;
 * - the LA's plans up to the base year PLANS_PER_PERSON_MIN–MAX of its people aged 0–25, when the data have its
 *   population (checked before projecting): Torbay's population ×1,000 (0.004%) ran with exit 0;
 * - at most UNPLACED_MAX of the plans at the base year at a school whose URN/UKPRN the establishment table does not
 *   hold (checked before projecting): such plans count as placement not recorded, costed at £0, and the sample without
 *   its establishments.csv turned a 2028-29 deficit of £104.5m into a surplus of £136.6m with exit 0;
 * - money tables (unit costs, funding, places, other spend, opening balance) present and not empty when a budget is
 *   asked for (checked right after loading, before projecting): without it a run on the empty tables `init` writes
 *   priced every plan at £0;
 * - every plan in a placement the block pays for priced by a unit-cost row (checked after projecting, on every path the
 *   budget values): the sample without its ISS row costed 127 to 370 plans at £0 with exit 0 and a warning;
 * - every money figure of the budget (expenditure, in-year and cumulative balance, P10 to P90) is a finite number
 *   within ±MONEY_MAX, and expenditure is not below £0: a scenario inflating costs by 1,000% a year, or a places or
 *   outturn table typed three zeros too long, gave balances of hundreds of billions with exit 0;
 * - no Section 251 outturn line scaling its unit costs by a tenth or less or ten times or more (POSSIBLE_SCALE): the
 *   sample's outturn in £ thousands scaled every top-up by 0.001 with exit 0;
 * - no funding-table year's block below 2% or above 50 times its modelled spend (BLOCK_TO_SPEND_POSSIBLE): the sample's
 *   funding in £ thousands made every year's deficit the whole spend, with exit 0.
 */
import { basename } from 'node:path';
import { ExitCode, HighneedsError, inputError } from '../errors.ts';
import { budgetMsg } from '../messages/index.ts';
import { unrecognisedInDataFolder } from '../messages/etl.ts';
import type { MissingMoneyTable, MoneyCommand } from '../messages/budget.ts';
import type { BudgetTables } from '../budget/tables.ts';
import { STARTER_TABLES } from '../scaffold/starter.ts';
import { baseStockMismatch, horizonUnheld, implausibleProjection, prevalenceGate, projectionProblemText, scenarioStep } from '../messages/model.ts';
import { totalUnreachable } from '../messages/new-plans.ts';
import { cubeTotal } from '../model/cube.ts';
import type { ProjectionResult } from '../model/result.ts';
import type { LaDataset } from '../model/dataset.ts';
import { BASE_TOLERANCE } from './person-level-gate.ts';
import type { LaProjection } from '../model/project-la.ts';
import { childPopulation } from '../model/levers/population.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunTotals } from './totals.ts';
import { budgetProblem, HORIZON_UNHELD_MAX, MONEY_MAX, openingProblem, PLANS_PER_PERSON_MAX, PLANS_PER_PERSON_MIN, PLANS_PER_PERSON_SEEN_MAX, POPULATION_STEP_MAX, populationScaleProblem, populationStepProblem, populationStepRange, projectionProblem, stepProblem } from './plausible.ts';
import { populationOutOfScale, populationShareBeyondEveryLa, populationStep, type BasePopulation } from '../messages/population.ts';
import type { BudgetResult } from '../budget/types.ts';
import { financialYearLabel, Placement } from '../domain/index.ts';
import { uncostedPlacements } from '../budget/uncosted.ts';
import { resolveUnitCosts } from '../budget/unit-costs.ts';
import { BLOCK_TO_SPEND, BLOCK_TO_SPEND_POSSIBLE } from '../budget/income.ts';
import { POSSIBLE_SCALE } from '../budget/section-251.ts';
import { sen2UnplacedGate } from '../messages/sen2.ts';

export { BASE_TOLERANCE, checkPersonLevelStock } from './person-level-gate.ts';

export { MONEY_MAX, STEP_MAX, STEP_MIN } from './plausible.ts';

export interface GateInput {
  la: string;
  baseYear: number;
  projection: ProjectionResult;
  /** A forecast total the projection cannot reach (project-la.ts LaProjection.unreachable). */
  unreachable?: LaProjection['unreachable'];
  /** Published stock by census year, where the files have it. */
  published: Record<number, number>;
  files: readonly string[];
  /**
   * The forecast's central total for census base + 1, base + 2, … (TotalsConstraint.central), which the scenario's
   * lever-free path follows: a step the forecast does not make was made by the scenario, and the message says so.
   */
  forecastCentral?: readonly number[];
  /** The scenario file the run read (named when its levers make the step). */
  scenarioFile?: string;
  /** The LA's people aged 0–25 at each projection year (childPopulation), when the data have its population. */
  population?: readonly number[];
  /** The files that population came from (named when it disagrees with the plans at the base year). */
  populationFiles?: readonly string[];
  /**
   * The population the base year's share is of: its mid-year and files, and how the people aged 0–25 move a year
   * across the data's census years (named when that share is beyond every LA's).
   */
  basePopulation?: Pick<BasePopulation, 'midYear' | 'files' | 'steps' | 'area'>;
}

/**
 * checkProjection for one LA's projection of a scenario, as `run` and `goal-seek` make it: the published stock, the
 * forecast the scenario starts from, and the LA's people aged 0–25 when the data have them. `loaded`: every file the
 * data came from (the messages name the published and population files among them).
 */
export function checkLaProjection(
  ds: LaDataset,
  scenario: Scenario,
  run: LaProjection,
  totals: Pick<RunTotals, 'published' | 'constraint'>,
  loaded: ReadonlyArray<{ path: string; reader: string }>,
): void {
  const hasPopulation = Object.keys(ds.population).length > 0;
  checkProjection({
    la: `${ds.la.name} (${ds.la.oldCode})`,
    baseYear: run.projection.baseYear,
    projection: run.projection,
    unreachable: run.unreachable,
    published: totals.published,
    files: loaded.filter((f) => f.reader.startsWith('ees')).map((f) => f.path),
    forecastCentral: totals.constraint?.central,
    scenarioFile: scenario.file,
    population: hasPopulation ? childPopulation(ds.population, run.projection.years, run.projection.baseYear, scenario.population.growth) : undefined,
    populationFiles: loaded.filter((f) => f.reader === 'ons-snpp' || f.reader === 'ons-mye').map((f) => f.path),
    ...(hasPopulation ? { basePopulation: basePopulationOf(ds, run.projection.baseYear) } : {}),
  });
}

/** The census year of the population a run uses for `baseYear` (populationAt), its mid-year and files, and its steps. */
function basePopulationOf(ds: LaDataset, baseYear: number): Pick<BasePopulation, 'midYear' | 'files' | 'steps' | 'area'> {
  const years = Object.keys(ds.population).map(Number).sort((a, b) => a - b);
  const used = years.filter((y) => y <= baseYear).pop() ?? years[0]!;
  const people: Record<number, number> = {};
  for (const y of years) people[y] = ds.population[y]!.reduce((s, v) => s + v, 0);
  const steps = populationStepRange(people);
  return { midYear: used - 1, files: (ds.populationFiles?.[used] ?? []).map((f) => basename(f)), area: ds.la.newCode, ...(steps ? { steps } : {}) };
}

/** The largest share of the base year's plans that may be at schools the establishment table does not hold. */
export const UNPLACED_MAX = 0.1;

/**
 * Throws an input error (exit 1) when more than UNPLACED_MAX of the LA's plans at census `baseYear` are at a school
 * whose URN/UKPRN the establishment table does not hold (LaDataset.unplaced), before anything is projected.
 */
export function checkUnplaced(ds: LaDataset, baseYear: number): void {
  const u = ds.unplaced?.[baseYear];
  if (u && u.plans > UNPLACED_MAX * u.of) throw inputError(sen2UnplacedGate(`${ds.la.name} (${ds.la.oldCode})`, baseYear, u.plans, u.of, UNPLACED_MAX, u.urns));
}

/**
 * Throws an input error (exit 1) when a scenario projects further than HORIZON_UNHELD_MAX years on data without the
 * LA's population (plausible.ts), before anything is projected.
 */
export function checkHorizon(ds: LaDataset, scenarios: ReadonlyArray<Pick<Scenario, 'file' | 'horizon_years'>>): void {
  if (Object.keys(ds.population).length > 0) return;
  const long = scenarios.find((s) => s.horizon_years > HORIZON_UNHELD_MAX);
  if (long) throw inputError(horizonUnheld(`${ds.la.name} (${ds.la.oldCode})`, long.file, long.horizon_years, HORIZON_UNHELD_MAX));
}

/**
 * Throws an input error (exit 1) when the LA's plans up to `baseYear` are outside PLANS_PER_PERSON_MIN–MAX of the
 * people aged 0–25 its population gives (plausible.ts populationScaleProblem), before anything is projected: a
 * population 1,000 times too large passed every gate (the prevalence gate only looks up), and one in thousands was
 * refused as the population of another area. Then, whether any year's people aged 0–25 step from the year before by more
 * than POPULATION_STEP_MAX (populationStepProblem): a table of one sex read as persons halved them, and the run went on
 * to blame the growth of plans for the 20% stop. `loaded`: the files read (the population files among them are named).
 */
export function checkPopulationScale(ds: LaDataset, baseYear: number, loaded: ReadonlyArray<{ path: string; reader: string }>): void {
  const people: Record<number, number> = {};
  for (const [y, ages] of Object.entries(ds.population)) people[Number(y)] = ages.reduce((s, v) => s + v, 0);
  const plans: Record<number, number> = { ...ds.stockTotal };
  for (const [y, cube] of Object.entries(ds.stockCube)) plans[Number(y)] ??= cubeTotal(cube);
  const p = populationScaleProblem(plans, people, baseYear);
  const files = loaded.filter((f) => f.reader === 'ons-snpp' || f.reader === 'ons-mye').map((f) => basename(f.path));
  if (p) throw inputError(populationOutOfScale(`${ds.la.name} (${ds.la.oldCode})`, p, PLANS_PER_PERSON_MIN, PLANS_PER_PERSON_MAX, files));
  // a year out of line with the next: half or twice the people is a file's fault (one sex, another area), not growth
  const step = populationStepProblem(people);
  if (!step) return;
  const of = (y: number): string[] => (ds.populationFiles?.[y] ?? files).map((f) => basename(f));
  throw inputError(populationStep(`${ds.la.name} (${ds.la.oldCode})`, step, of(step.from), of(step.to), POPULATION_STEP_MAX));
}

/**
 * The note on a base year whose plans are more than PLANS_PER_PERSON_SEEN_MAX of the people aged 0–25 the run uses for
 * it (beyond every English LA's, within what checkPopulationScale accepts), or undefined: a population of half the
 * LA's in every file passed every gate with no word unless the projection went on to pass PREVALENCE_MAX.
 */
export function populationShareNote(ds: LaDataset, baseYear: number): string | undefined {
  if (Object.keys(ds.population).length === 0) return undefined;
  const plans = ds.stockTotal[baseYear] ?? (ds.stockCube[baseYear] ? cubeTotal(ds.stockCube[baseYear]) : undefined);
  const b = basePopulationOf(ds, baseYear);
  const people = ds.population[b.midYear + 1]?.reduce((s, v) => s + v, 0);
  if (plans === undefined || people === undefined || !(plans > 0) || !(people > 0) || plans / people <= PLANS_PER_PERSON_SEEN_MAX) return undefined;
  return populationShareBeyondEveryLa(`${ds.la.name} (${ds.la.oldCode})`, baseYear, { ...b, plans, people, share: plans / people, seenMax: PLANS_PER_PERSON_SEEN_MAX, allFiles: b.files });
}

/** Throws an input error (exit 1) at the first gate that fails. */
export function checkProjection(g: GateInput): void {
  const p = g.projection;
  const start = cubeTotal(p.central[0]!);
  const pub = g.published[g.baseYear];
  if (pub !== undefined && Math.abs(start - pub) > Math.max(0.5, BASE_TOLERANCE * pub))
    throw inputError(baseStockMismatch(g.la, g.baseYear, start, pub, g.files));
  checkReachable(g.la, g.unreachable, g.files);
  const problem = projectionProblem({ years: p.years, totals: p.totalQuantiles, central: p.central, population: g.population });
  if (!problem) return;
  if (problem.kind === 'prevalence') {
    // a share above every LA's already at the base year: the population may be too small, not the growth too fast
    const people = g.population?.[0];
    const files = (g.populationFiles ?? []).map((f) => basename(f));
    const base =
      people !== undefined && people > 0
        ? { plans: start, share: start / people, seenMax: PLANS_PER_PERSON_SEEN_MAX, people, midYear: g.baseYear - 1, files, allFiles: files, area: "the LA's area code", ...g.basePopulation }
        : undefined;
    throw inputError(prevalenceGate(g.la, problem.year, g.baseYear, projectionProblemText(problem), files.join(', ') || 'population', base));
  }
  if (problem.kind === 'step' && g.scenarioFile && g.forecastCentral) {
    const h = problem.year - g.baseYear;
    const target = g.forecastCentral[h - 1];
    const before = h === 1 ? start : g.forecastCentral[h - 2];
    if (target !== undefined && before !== undefined && !stepProblem(problem.year, before, target))
      throw inputError(scenarioStep(g.la, problem.year, projectionProblemText(problem), target / before, g.scenarioFile));
  }
  throw inputError(implausibleProjection(g.la, problem.year, projectionProblemText(problem)));
}

/** Throws an input error (exit 1) when the projection cannot reach the forecast's total (see checkProjection). */
export function checkReachable(la: string, unreachable: GateInput['unreachable'], files: readonly string[]): void {
  if (unreachable) throw inputError(totalUnreachable(la, unreachable.year, unreachable.target, unreachable.reached, files, unreachable.unpublished));
}

/** The money tables a budget cannot do without: reader id, and how to tell the table is empty. */
const NEEDED: Array<{ reader: string; file: string; empty: (t: BudgetTables) => boolean }> = [
  { reader: 'unit-costs', file: 'unit_costs.csv', empty: (t) => t.unitCosts.length === 0 },
  { reader: 'funding', file: 'funding.csv', empty: (t) => t.funding.length === 0 },
  // the cumulative DSG balance and the deficit at 31 March 2028 are built on it: with none they started from £0, a
  // headline short by the council's whole deficit to date (the sample without it: -£52.8m at 31 March 2028, where
  // its accounts give -£71.2m), with only a note to say so
  { reader: 'opening-balance', file: 'opening_balance.csv', empty: (t) => t.openingBalances.length === 0 },
  // place funding and the spend that is not per plan were £0 with a note: the sample without places ran to -£37.2m
  // at 31 March 2028 where its tables give -£71.2m (£11.0m of place funding a year left out)
  { reader: 'places', file: 'places.csv', empty: (t) => t.places.length === 0 },
  { reader: 'other-spend', file: 'other_spend.csv', empty: (t) => t.otherSpend.length === 0 },
];

/** The files of the money tables a budget needs (the demand-only note names them: messages/report.ts). */
export const NEEDED_MONEY_FILES: readonly string[] = NEEDED.map((n) => n.file);

/**
 * The files of a data folder that no reader took (their warnings), with the own table each is when it is one with a
 * column misnamed: what checkMoneyTables is given.
 */
export function unreadFiles(
  skipped: ReadonlyArray<{ path: string; ownTable?: string }>,
  warnings: ReadonlyArray<{ file?: string; message: string }>,
): Array<{ path: string; message: string; ownTable?: string }> {
  const byPath = new Map(skipped.map((f) => [f.path, f]));
  return warnings
    .filter((w) => w.file !== undefined && byPath.has(w.file))
    .map((w) => ({ path: w.file!, message: w.message.replace(`${unrecognisedInDataFolder()}: `, ''), ownTable: byPath.get(w.file!)!.ownTable }));
}

/**
 * Throws an input error (exit 1) naming every money table that is missing or empty, and the files of the folder no
 * reader recognised (`unread`: a unit_costs.csv whose `price_year` is misspelt is one, and is not 'missing').
 * @example checkMoneyTables(tables, load.loaded, 'data') // throws when unit_costs.csv has no rows
 */
export function checkMoneyTables(
  tables: BudgetTables,
  loaded: ReadonlyArray<{ path: string; reader: string }>,
  dataDir: string,
  unread: ReadonlyArray<{ path: string; message: string; ownTable?: string }> = [],
  command: MoneyCommand = 'run',
): void {
  const missing: MissingMoneyTable[] = NEEDED.filter((n) => n.empty(tables)).map((n) => {
    const starter = STARTER_TABLES.find((t) => t.file === n.file)!;
    const emptyFile = loaded.find((f) => f.reader === n.reader)?.path;
    const named = emptyFile ? undefined : unread.find((u) => basename(u.path) === n.file);
    return { file: n.file, header: starter.header, about: starter.about, emptyFile, ...(named ? { unread: named } : {}) };
  });
  if (missing.length === 0) {
    // a money table with a column misnamed was passed over: £0 of other spend or place funding (with a note calling
    // the table empty), an outturn left unreconciled with no note at all
    const broken = unread.filter((u) => u.ownTable !== undefined);
    if (broken.length === 0) return;
    throw new HighneedsError(ExitCode.INVALID_INPUT, budgetMsg.moneyTablesUnread(dataDir, broken, command), broken.map((u) => ({ file: u.path, line: 1, message: u.message })));
  }
  const message = budgetMsg.moneyTablesMissing(dataDir, missing, unread, command);
  throw new HighneedsError(
    ExitCode.INVALID_INPUT,
    message,
    missing.map((m) => ({ file: m.emptyFile ?? m.unread?.path ?? `${dataDir}/${m.file}`, message: m.emptyFile ? 'no rows' : m.unread ? 'not recognised' : 'missing' })),
  );
}

/**
 * Throws an input error (exit 1) when a money figure of the budget is not a number, beyond ±MONEY_MAX, or an
 * expenditure below £0, or when its opening balance is worked back over a year whose block is out of scale with its
 * spend (plausible.ts openingProblem): the figures cannot be believed, so nothing is written.
 * @example checkBudget('Anyshire (999)', budget) // throws for an inflation of 1,000% a year
 */
export function checkBudget(la: string, b: BudgetResult, loaded: ReadonlyArray<{ path: string; reader: string }> = []): void {
  const problem = budgetProblem({ financialYears: b.financialYears, expenditure: b.expenditureQuantiles, inYear: b.inYearQuantiles, cumulative: b.cumulativeQuantiles });
  if (problem) throw inputError(budgetMsg.implausibleBudget(la, financialYearLabel(problem.fy), problem.what, problem.value, MONEY_MAX));
  checkOutturnScale(la, b, loaded);
  // an opening balance worked back over such a block names it first, with the balance it would give
  checkOpening(la, b, loaded);
  checkBlockUnits(la, b, loaded);
}

/**
 * Throws an input error (exit 1) when a funding-table year's block is beyond BLOCK_TO_SPEND_POSSIBLE of its modelled
 * spend: the sample's funding table in £ thousands ran with exit 0, every year's deficit about the whole spend.
 */
function checkBlockUnits(la: string, b: BudgetResult, loaded: ReadonlyArray<{ path: string; reader: string }>): void {
  const o = b.blockBeyondUnits;
  if (!o) return;
  const files = loaded.filter((f) => f.reader === 'funding' || f.reader === 'own-tables-xlsx').map((f) => f.path);
  throw inputError(budgetMsg.blockInOtherUnits(la, { ...o, fy: financialYearLabel(o.fy) }, files, BLOCK_TO_SPEND_POSSIBLE));
}

/**
 * Throws an input error (exit 1) when reconciling to the Section 251 outturn scaled a line's unit costs by a tenth or
 * less, or ten times or more (budget/section-251.ts POSSIBLE_SCALE): the outturn is in other units or for another
 * council. The sample's outturn written in £ thousands ran with exit 0, every top-up scaled by 0.001, said only as
 * 'scales unit costs by 0.00'.
 */
function checkOutturnScale(la: string, b: BudgetResult, loaded: ReadonlyArray<{ path: string; reader: string }>): void {
  const out = (b.reconciliation ?? []).flatMap((l) => (l.scale !== undefined && (l.scale <= POSSIBLE_SCALE[0] || l.scale >= POSSIBLE_SCALE[1]) ? [{ ...l, scale: l.scale }] : []));
  if (out.length === 0) return;
  const files = loaded.filter((f) => f.reader === 'section-251-outturn' || f.reader === 'own-tables-xlsx').map((f) => f.path);
  throw inputError(budgetMsg.outturnScaleImpossible(la, financialYearLabel(out[0]!.fy), out, files, POSSIBLE_SCALE));
}

/**
 * Throws an input error (exit 1) when the budget's opening balance is worked back over a year whose block is out of
 * scale with its spend (plausible.ts openingProblem): that balance is the mismatch of the two, not a finding.
 */
function checkOpening(la: string, b: BudgetResult, loaded: ReadonlyArray<{ path: string; reader: string }> = []): void {
  const opening = openingProblem(b);
  const files = (reader: string) => loaded.filter((f) => f.reader === reader).map((f) => f.path);
  if (opening) {
    const o = { ...opening, expected: financialYearLabel(opening.openingFy), from: financialYearLabel(opening.fromFy), fy: financialYearLabel(opening.fy), march: opening.openingFy + 1 };
    throw inputError(budgetMsg.openingWorkedBackOutOfScale(la, o, { opening: files('opening-balance'), funding: files('funding') }, BLOCK_TO_SPEND));
  }
}

/**
 * Throws an input error (exit 1) when a path the budget values (the scenario's, its unmitigated twin, each lever on its
 * own) has plans in a placement the block pays for that no unit-cost row prices (budget/uncosted.ts): costed at £0
 * they were left out of every spend total with a warning only. Checked after projecting, before the budget.
 */
export function checkUnitCostCoverage(
  la: string,
  tables: Pick<BudgetTables, 'unitCosts'>,
  projections: ReadonlyArray<ProjectionResult | undefined>,
  loaded: ReadonlyArray<{ path: string; reader: string }>,
): void {
  const uncosted = uncostedPlacements(projections.filter((p): p is ProjectionResult => p !== undefined), resolveUnitCosts(tables.unitCosts));
  if (uncosted.length === 0) return;
  const files = loaded.filter((f) => f.reader === 'unit-costs').map((f) => f.path);
  const lines = uncosted.map((u) => ({
    placement: u.placement,
    label: Placement[u.placement].label,
    hasRows: u.hasRows,
    missing: u.missing.map((m) => (m.needs ? `${m.phase} ${m.needs.join(', ')}` : `${m.phase} (any need)`)),
    firstYear: u.firstYear,
    firstPlans: u.firstPlans,
    peakYear: u.peakYear,
    peakPlans: u.peakPlans,
  }));
  throw inputError(budgetMsg.unitCostsMissing(la, files, lines));
}
