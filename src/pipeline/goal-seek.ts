/**
 * `highneeds goal-seek`: how big must one lever be to meet a money target (cli.md)?
 *
 *   data folder ──runData (run-data.ts: run's caches)──► dataset, budget tables, total-plans forecast
 *   scenario ──► projectLa (deterministic) ──► engine input
 *   effect e ──► scenario with the lever at e ──► projectDeterministic ──► runBudget ──► target value   (seek, 0..1)
 *   found effect ──► Monte Carlo run ──► share of draws meeting the target
 *   ──► `<id>-goal.yaml` that `extends:` the input; re-read and re-run to check it reproduces the target
 *
 * Everything except the lever is held fixed. The value is computed exactly as `run --draws 0` computes it (the same
 * projection, unmitigated twin and budget), so running the written scenario with `--draws 0` reproduces it.
 */
import { mkdir } from 'node:fs/promises';
import { writeFileWhole } from '../paths/temp-files.ts';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { budgetDraws } from '../budget/draw-values.ts';
import { budgetJson } from '../budget/budget-json.ts';
import { parseTarget, publishedTargetValue, seek, targetValue, type GoalTarget } from '../budget/goal-seek.ts';
import { runBudget } from '../budget/run-budget.ts';
import type { BudgetTables } from '../budget/tables.ts';
import { financialYearLabel } from '../domain/index.ts';
import { HighneedsError, ExitCode, inputError } from '../errors.ts';
import { budgetMsg } from '../messages/index.ts';
import { typedAsIs } from '../messages/invocation.ts';
import { shellWord } from '../util/shell-word.ts';
import type { LoadedFile } from '../etl/load-files.ts';
import type { LaDataset } from '../model/dataset.ts';
import { projectDeterministic } from '../model/engine.ts';
import type { EngineInput } from '../model/engine-input.ts';
import { projectLa } from '../model/project-la.ts';
import type { ProjectionResult } from '../model/result.ts';
import { loadScenario, readScenarioChain } from '../scenario/load.ts';
import { checkNotAnInput } from '../paths/check-path.ts';
import { checkScenarioYears } from '../scenario/run-years.ts';
import { findScenarioFile } from '../scenario/find.ts';
import type { Mitigation, Scenario } from '../scenario/schema.ts';
import { roundPence } from '../util/round.ts';
import { nearest } from '../util/suggest.ts';
import { checkBudget, checkHorizon, checkPopulationScale, checkLaProjection, checkMoneyTables, checkPersonLevelStock, checkUnitCostCoverage, checkUnplaced, populationShareNote, unreadFiles } from './gates.ts';
import { moneyNotes } from '../scenario/money-notes.ts';
import { rateNotes } from '../scenario/rate-notes.ts';
import { unheldPlacementWords } from '../report/unheld-placements.ts';
import { addDataNotes, modelNotesOf, startGapNote, type DataNotesInput } from './run-warnings.ts';
import { abolitionWarning } from '../model/reorganise.ts';
import { runData, type SavedTotals } from './run-data.ts';
import { perLeverProjections, placesAsCapacity } from './run.ts';
import { RunNotes } from './notes.ts';
import { scenarioTotalsNotes } from './totals-notes.ts';
import type { BudgetResult } from '../budget/types.ts';

/** The lever that reduces new plans uniformly from the first projected year. */
export const NEW_PLANS_LEVER = 'new_plans';
/** Name of the mitigation goal-seek adds for `--lever new_plans`. */
export const NEW_PLANS_MITIGATION = 'Fewer new plans (goal-seek)';

export interface GoalSeekOptions {
  scenarioFile: string;
  lever: string;
  target: string;
  dataDir: string;
  la?: string;
  /** Output scenario file (default beside the input, `<id>-goal.yaml`). */
  out?: string;
  /** Draws for the chance that the target is met (0 = not computed). */
  draws: number;
  seed: number;
  runDate: string;
  onStage?: (stage: string) => void;
  /** Read the data files again even when run's cache holds their load (and save it afresh). */
  fresh?: boolean;
  /** The cache folder (default HIGHNEEDS_CACHE_DIR or .highneeds/cache). */
  cacheDir?: string;
  /** Given the notes run would say when no effect meets the target, before the error is thrown (the CLI prints them). */
  onFailWarnings?: (warnings: string[]) => void;
}

export interface GoalSeekOutcome {
  lever: string;
  effect: number;
  target: string;
  achieved_gbp: number;
  scenario_file: string;
  /** Share of the Monte Carlo draws in which the target is met at the found effect (null without draws). */
  probability_met: number | null;
  draws: number;
  /** What the lever reaches at effect 0 and at effect 1. */
  range_gbp: [number, number];
  /**
   * What the effect is in plans, on the written scenario's deterministic path: the plans the lever avoids (for
   * new_plans, new plans not made) and the new plans made, in the years to the January that ends the target's
   * financial year. A percentage alone read as a finding of City of London's 1.1 new plans a year ('effect 47.12%').
   */
  plans_avoided: { to_census_year: number; avoided: number; new_plans: number };
}

/**
 * The scenario with the lever at `effect`: a named mitigation's effect replaced, or for `new_plans` a uniform
 * reduction of new plans (fewer requests, every age and need) from the first projected year.
 */
export function withLever(scenario: Scenario, lever: string, effect: number, baseYear: number): Scenario {
  const own = scenario.mitigations.find((m) => m.name === lever) ?? (lever === NEW_PLANS_LEVER ? scenario.mitigations.find((m) => m.name === NEW_PLANS_MITIGATION) : undefined);
  if (own) return { ...scenario, mitigations: scenario.mitigations.map((m) => (m === own ? { ...m, effect } : m)) };
  const added: Mitigation = {
    name: NEW_PLANS_MITIGATION,
    kind: 'fewer_requests',
    effect,
    start_year: baseYear + 1,
    ramp_years: 0,
    delivery: 1,
    cost_gbp_per_year: 0,
    target: {},
  };
  return { ...scenario, mitigations: [...scenario.mitigations, added] };
}

/**
 * The data as `run` reads it: dataset, budget tables, and the total-plans forecast its projection follows. Read as
 * `run` reads them (run-data.ts), so from run's caches when nothing changed: a goal-seek after a run of the same
 * scenario's LA, base year and horizon on the same files goes straight to seeking, and one after any run of them
 * reads their saved load, every LA's series and their past forecasts.
 */
async function loadData(
  opts: Pick<GoalSeekOptions, 'dataDir' | 'la' | 'fresh' | 'cacheDir'>,
  scenario: Scenario,
): Promise<{ ds: LaDataset; tables: BudgetTables; totals: SavedTotals; loaded: LoadedFile[]; notesOf: Omit<DataNotesInput, 'abolished' | 'forecastNotes'> }> {
  const data = await runData({ dataDir: opts.dataDir, la: opts.la, baseYears: new Set([scenario.base_year]), horizon: scenario.horizon_years, fresh: opts.fresh, cacheDir: opts.cacheDir });
  // as for run: empty money tables price every plan at £0 and meet any target at effect 0, a false answer
  checkMoneyTables(data.tables, data.loaded, opts.dataDir, unreadFiles(data.skipped, data.warnings), 'goal-seek');
  const totals = data.totalsByBase.get(scenario.base_year)!;
  // what run says of the data (run-warnings.ts): a money table's column left out changes the figures sought on
  return { ds: data.dataset, tables: data.tables, totals, loaded: data.loaded, notesOf: { ...data, ds: data.dataset } };
}

/** The scenario's budget on the deterministic path, as `run --draws 0` prices it. */
function deterministicBudget(input: EngineInput, scenario: Scenario, tables: BudgetTables, unmitigated: ProjectionResult | undefined, reference: ProjectionResult) {
  const projection = projectDeterministic({ ...input, scenario });
  const sc = { ...scenario, sensitivity: undefined };
  return runBudget({
    scenario: sc,
    tables,
    projection,
    unmitigatedProjection: scenario.mitigations.length > 0 ? unmitigated : undefined,
    referenceProjection: reference,
  });
}

/**
 * Runs goal-seek and writes the scenario. `warnings` (for stderr, not the JSON) say what changes what the result
 * means, as `run` of the written scenario warns of them and in its order (run-warnings.ts): the data's and the own
 * tables' notes, the forecast's (a year's new plans suppressed, a later release's revision), the model's (pooled ages
 * and mixes, a new-plan factor far from 1, new plans spread like England's), a money rate above 100% a year, the
 * budget's notes (a figure in £ thousands, a lever that changes nothing, a table's year taken back). When no effect
 * meets the target, the same notes (of the budget at the nearest effect) go to `onFailWarnings` before the error.
 */
export async function goalSeekPipeline(opts: GoalSeekOptions): Promise<GoalSeekOutcome & { warnings: string[] }> {
  const stage = opts.onStage ?? (() => {});
  const target = parseTarget(opts.target);
  if (!target) throw new HighneedsError(ExitCode.USAGE, budgetMsg.goalTargetUnreadable(opts.target));
  const scenarioFile = findScenarioFile(opts.scenarioFile, { dataDir: opts.dataDir });
  const scenario = await loadScenario(scenarioFile);
  // the scenario written extends the input: written over it, or over a file it extends, it would extend itself
  const file = opts.out ?? join(dirname(scenarioFile), `${scenario.id}-goal.yaml`);
  await checkNotAnInput(file, (await readScenarioChain(scenarioFile)).chain, '--out');
  const names = scenario.mitigations.map((m) => m.name);
  if (opts.lever !== NEW_PLANS_LEVER && !names.includes(opts.lever)) {
    throw inputError(budgetMsg.goalUnknownLever(scenarioFile, opts.lever, [NEW_PLANS_LEVER, ...names], nearest(opts.lever, [NEW_PLANS_LEVER, ...names])));
  }

  stage('loading data');
  const { ds, tables, totals, loaded, notesOf } = await loadData(opts, scenario);
  stage('projecting');
  checkScenarioYears(scenario, totals.forecast.baseYear);
  checkHorizon(ds, [scenario]);
  checkPopulationScale(ds, totals.forecast.baseYear, loaded);
  checkPersonLevelStock(ds, totals.forecast.baseYear, totals.published, loaded.filter((f) => f.reader.startsWith('ees')).map((f) => f.path));
  checkUnplaced(ds, totals.forecast.baseYear);
  const capacity = scenario.capacity.from_places_table ? placesAsCapacity(tables) : undefined;
  // projected exactly as `run` projects (the same total-plans forecast and age fallbacks)
  const project = (s: Scenario, draws: number) =>
    projectLa(ds, s, { draws, seed: opts.seed, baseYear: totals.forecast.baseYear, capacity, constraint: totals.constraint, ageFallbacks: totals.ageFallbacks });
  const base = await project(scenario, 0);
  // the scenario as run would check it (a total it cannot reach, a step, plans beyond the LA's children): a target
  // sought on figures run refuses would be met on figures nobody should believe
  checkLaProjection(ds, scenario, base, totals, loaded);
  const baseYear = base.projection.baseYear;
  const unmitigated = projectDeterministic({ ...base.input, scenario: { ...scenario, mitigations: [] } });
  // as for run: plans no unit-cost row prices cost £0, and a target met on them is met by leaving them out
  checkUnitCostCoverage(`${ds.la.name} (${ds.la.oldCode})`, tables, [base.projection, unmitigated], loaded);
  // as for run: money beyond ±£1 trillion or a negative spend (an inflation of 1,000% a year), or an opening balance
  // worked back over years whose block is out of scale with their spend, is no finding to seek a target on
  checkBudget(`${ds.la.name} (${ds.la.oldCode})`, deterministicBudget(base.input, scenario, tables, unmitigated, base.reference), loaded);
  const valueAt = (effect: number): number => {
    const v = targetValue(deterministicBudget(base.input, withLever(scenario, opts.lever, effect, baseYear), tables, unmitigated, base.reference).lines, target);
    if (v === undefined) throw inputError(budgetMsg.goalYearOutsideRun(target.text, financialYearLabel(baseYear), base.projection.years.length - 1));
    return v;
  };

  // the notes run gives of the data, the forecast, the model and the budget of `s` (run-warnings.ts), in its order
  const notesFor = (s: Scenario, budget: BudgetResult | undefined): string[] => {
    const notes = new RunNotes();
    addDataNotes(notes, { ...notesOf, populationShare: [populationShareNote(ds, baseYear)].filter((n) => n !== undefined), abolished: [abolitionWarning(ds.la, baseYear + s.horizon_years)], forecastNotes: [scenarioTotalsNotes(totals, s.horizon_years, opts.draws > 0)] });
    notes.add('caveat', modelNotesOf(base.rates.notes));
    notes.add('suspect', [startGapNote(ds, base.projection)].filter((n) => n !== undefined));
    notes.add('caveat', unheldPlacementWords({ la: ds.la, baseYear, dataset: ds, projection: base.projection }));
    notes.add('suspect', [...rateNotes(s), ...moneyNotes(s), ...(budget?.suspect ?? [])]);
    notes.add('caveat', budget?.fallbacks ?? []);
    return notes.ordered();
  };

  stage('seeking');
  const found = seek(valueAt, target.amount);
  if (!found.met) {
    // no answer is still an answer sought on these figures: the notes first (on the budget at the nearest effect)
    const nearest = withLever(scenario, opts.lever, found.effect, baseYear);
    const again = await project(nearest, 0);
    opts.onFailWarnings?.(
      notesFor(nearest, runBudget({ scenario: { ...nearest, sensitivity: undefined }, tables, projection: again.projection, unmitigatedProjection: again.unmitigated, referenceProjection: again.reference, perLeverProjections: perLeverProjections(again.input, nearest) })),
    );
    throw inputError(budgetMsg.goalUnreachable(opts.lever, target.text, found.effect, found.achieved, found.range));
  }

  const goal = withLever(scenario, opts.lever, found.effect, baseYear);
  let probability: number | null = null;
  if (opts.draws > 0) {
    stage('simulating');
    const run = await project(goal, opts.draws);
    const values = budgetDraws({ scenario: { ...goal, sensitivity: undefined }, tables, projection: run.projection, unmitigatedProjection: run.unmitigated, referenceProjection: run.reference }, target);
    if (values && values.length > 0) probability = values.filter((v) => v >= target.amount).length / values.length;
  }

  stage('writing');
  const doc = goalScenario(scenario, opts.lever, goal, file, target, found.achieved, probability, opts.draws, { data: opts.dataDir, la: opts.la });
  await mkdir(dirname(file), { recursive: true }); // --out in a folder not made yet, as forecast --out
  // the file, read back as `run` reads it, must reproduce the target before it takes the place of any earlier one
  // (written whole: a kill or a failed check leaves no half-written or wrong scenario behind)
  let checked: BudgetResult | undefined;
  let checkedPath: ProjectionResult | undefined;
  const reproduced = await writeFileWhole(file, doc.text, async (tmp) => {
    const written = await loadScenario(tmp);
    const again = await project(written, 0);
    // each demand lever on its own too, as run prices them: a lever that changes nothing is told only so
    const perLever = perLeverProjections(again.input, written);
    checked = runBudget({ scenario: { ...written, sensitivity: undefined }, tables, projection: again.projection, unmitigatedProjection: again.unmitigated, referenceProjection: again.reference, perLeverProjections: perLever });
    checkedPath = again.projection;
    const check = targetValue(checked.lines, target);
    if (check === undefined || Math.abs(check - target.amount) > REPRODUCE_WITHIN) {
      throw new HighneedsError(ExitCode.INTERNAL, budgetMsg.goalNotReproduced(file, target.text, check ?? NaN));
    }
    return publishedTargetValue(budgetJson(checked), target) ?? check;
  });
  // the notes run says of the written scenario, in its order (notes.ts): a target met on money tables in £ thousands
  // or places with a digit dropped was a confident answer with no word of them, and one sought on a pooled or
  // borrowed forecast said nothing of the model's notes
  const warnings = notesFor(scenario, checked);
  return {
    lever: opts.lever,
    effect: found.effect,
    target: target.text,
    // as `run --json` of the written scenario prints it: to the penny
    achieved_gbp: reproduced,
    scenario_file: file,
    probability_met: probability,
    draws: opts.draws,
    range_gbp: [roundPence(found.range[0]), roundPence(found.range[1])],
    plans_avoided: plansAvoided(checkedPath!, opts.lever === NEW_PLANS_LEVER ? NEW_PLANS_MITIGATION : opts.lever, target.fy + 1),
    // and a money rate above 100% a year (`funding.growth: 3` meant as 3%), as run warns of it
    warnings,
  };
}

/**
 * The plans a mitigation avoids on a deterministic path, and the new plans made, in the steps into January
 * `toCensusYear` (the census that ends the target's financial year), each to a thousandth of a plan.
 */
export function plansAvoided(path: ProjectionResult, mitigation: string, toCensusYear: number): GoalSeekOutcome['plans_avoided'] {
  const steps = path.flows.filter((f) => f.year <= toCensusYear);
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    to_census_year: toCensusYear,
    avoided: r(steps.reduce((a, f) => a + (f.avoidedByMitigation[mitigation] ?? 0), 0)),
    new_plans: r(steps.reduce((a, f) => a + f.newPlans, 0)),
  };
}

/** How close a run of the written scenario must come to the target (cli.md). */
export const REPRODUCE_WITHIN = 100_000;

/** The YAML of the goal scenario: extends the input, the lever's mitigations, and what was sought. */
export function goalScenario(
  input: Scenario,
  lever: string,
  goal: Scenario,
  file: string,
  target: GoalTarget,
  achieved: number,
  probability: number | null,
  draws: number,
  /** The data folder and LA sought on: the command in the header runs the file on them, not on the sample. */
  on: { data: string; la?: string },
): { text: string } {
  const ext = relative(dirname(resolve(file)), resolve(input.file)) || basename(input.file);
  const effect = goal.mitigations.find((m) => m.name === lever || m.name === NEW_PLANS_MITIGATION)?.effect ?? 0;
  const body = {
    extends: ext.split('\\').join('/'),
    id: `${input.id}-goal`,
    name: `${input.name}: goal-seek of ${lever}`,
    description: `Written by highneeds goal-seek: ${lever} at an effect of ${(effect * 100).toFixed(2)}% meets ${target.text} on the deterministic path.`,
    mitigations: goal.mitigations,
    goal_seek: {
      lever,
      target: target.text,
      effect,
      achieved_gbp: Math.round(achieved),
      ...(probability !== null ? { probability_met: probability, draws } : {}),
      from_scenario: input.file,
    },
  };
  const header = [
    // the lever's name as JSON: a mitigation named with a line break ended the comment, and the rest of the name was
    // read as YAML (the file refused by its own check, exit 1 naming the temporary file)
    `# Goal-seek: how big must ${JSON.stringify(lever)} be to reach ${target.text}?`,
    `# Found on the deterministic path: effect ${effect} (everything else as in ${ext}).`,
    probability !== null ? `# Across ${draws.toLocaleString('en-GB')} simulated futures the target is met in ${(probability * 100).toFixed(0)}% of them.` : '',
    // on the data and LA sought on (without --data a run reads the sample), typed as highneeds was started; the
    // folder as it was given, from where goal-seek ran
    `# Run it with: ${typedAsIs('run <this file>')} ${['--data', on.data, ...(on.la ? ['--la', on.la] : []), '--draws', '0'].map(shellWord).join(' ')}`,
  ].filter(Boolean);
  return { text: `${header.join('\n')}\n${stringify(body, { lineWidth: 0 })}` };
}
