/**
 * `highneeds run`: the whole pipeline for one LA and one or more scenarios.
 *
 *   data folder ──runData (run-data.ts)──► LaDataset, BudgetTables, totals forecast ──┐
 *     (unchanged since an earlier run: its saved result, or the warehouse of load-cache.ts)│
 *   scenario files ──loadScenario──► Scenario ──────────────────────────────────────────┤
 *        projectLa (rates → engine, Monte Carlo) ──► ProjectionResult (+ unmitigated)   │
 *        runBudget (+ sensitivity via reproject) ──► BudgetResult                       │
 *        backtestDataset ──► track record                                              ▼
 *        explorerPayload (engine input, tables: aggregates only) ─┐
 *        writeRunOutputs ──► workbook, charts, HTML report, explorer ──► run --json document
 *   (money tables missing or empty → exit 1 before any of this, unless --demand-only: then no budget at all)
 */
import { join } from 'node:path';
import { pathMsg } from '../messages/index.ts';
import { checkGivenOnce } from '../paths/check-path.ts';
import { moneyNotes } from '../scenario/money-notes.ts';
import { rateNotes } from '../scenario/rate-notes.ts';
import { runBudget } from '../budget/run-budget.ts';
import { projectDeterministic, projectDeterministicCentral } from '../model/engine.ts';
import type { EngineInput } from '../model/engine-input.ts';
import type { ProjectionResult } from '../model/result.ts';
import { applyRatesVariant } from '../model/variants.ts';
import { preparer } from '../model/levers/prepare.ts';
import { projectLa, type LaProjection } from '../model/project-la.ts';
import { abolitionWarning } from '../model/reorganise.ts';
import { checkBudget, checkHorizon, checkPopulationScale, checkLaProjection, checkMoneyTables, checkPersonLevelStock, checkUnitCostCoverage, checkUnplaced, populationShareNote, unreadFiles } from './gates.ts';
import { runData } from './run-data.ts';
import { scenarioTotalsNotes } from './totals-notes.ts';
import { RunNotes, suspectFirst } from './notes.ts';
import { isOwnTableWarning } from './own-table-warnings.ts';
import { unheldPlacementWords } from '../report/unheld-placements.ts';
import { addDataNotes, isSaidDataNote, modelNotesOf, startGapNote } from './run-warnings.ts';
import { sen2UrnPlacementNote } from '../messages/sen2.ts';
import { revisionWarnings } from './revisions.ts';
import type { ComparisonOutputs } from '../report/index.ts';
import type { RunReport } from '../report/run-report.ts';
import { checkScenarioIds } from '../scenario/ids.ts';
import { checkScenarioYears } from '../scenario/run-years.ts';
import { loadScenario } from '../scenario/load.ts';
import { findScenarioFile } from '../scenario/find.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { LaDataset } from '../model/dataset.ts';
import type { PlacesTable } from '../model/levers/capacity.ts';
import type { BudgetTables } from '../budget/tables.ts';
import type { Reproject } from '../budget/sensitivity.ts';
import type { BudgetResult } from '../budget/types.ts';
import { TOOL, VERSION } from '../version.ts';
import { observedBaseOf, runDocument, type RunDocument } from './run-json.ts';
import { centreOnMedian, deterministicFactors, publishBudget, scaleCubes, scaleProjection } from './central-path.ts';
import { explorerPayload } from '../explorer/payload.ts';
import { placementsShown } from '../report/workbook/sheets/plans-by-placement.ts';
import { demandCharts } from '../report/charts/chart-set.ts';
import { chartThread, type ChartRenderer } from '../report/charts/render-thread.ts';
import { HeldOutputs } from '../report/write-atomic.ts';
import { prepareOutFolders } from './out-folders.ts';
import { uninterrupted } from '../paths/temp-files.ts';

export interface RunOptions {
  scenarioFiles: string[];
  dataDir: string;
  /** Output folder (default reports/<scenario-id>/; with several scenarios, one folder each under it). */
  out?: string;
  draws: number;
  seed: number;
  /** DfE or ONS code of the LA when the data hold several. */
  la?: string;
  csv?: boolean;
  /** Suppress counts of plans below this threshold in everything written (overrides the scenario's report keys). */
  suppressSmallCounts?: number;
  /** Project plans without money: no budget, and no money in the workbook, charts, report or JSON (cli.md). */
  demandOnly?: boolean;
  /** The run date written into the outputs (the shell passes the clock in). */
  runDate: string;
  /** Called as each stage starts: its name, how many stages are done before it, and how many there are in all. */
  onStage?: (stage: string, done: number, total: number) => void;
  /** Called with what the run did before anything else to the outputs an earlier run left half replaced (write-atomic.ts). */
  onNote?: (note: string) => void;
  /** Load the data folder's files even when the cache holds a load of the same inputs (load-cache.ts). */
  fresh?: boolean;
  /** The load cache's folder (default HIGHNEEDS_CACHE_DIR or .highneeds/cache). */
  cacheDir?: string;
}

export interface RunOutcome {
  documents: RunDocument[];
  comparison?: ComparisonOutputs;
  /**
   * Notes that change what a reader should believe (a fallback, a missing breakdown, an outlier replaced, a history
   * joined), for stderr; every one is also in the workbook's Data quality sheet.
   */
  warnings: string[];
  /** Whether the data came from the load cache (the inputs were loaded before, unchanged). */
  fromCache: boolean;
  /** The load cache's folder this run used. */
  cacheDir: string;
}

/** Runs every scenario on the data folder and writes their outputs. */
export async function runPipeline(opts: RunOptions): Promise<RunOutcome> {
  // the writers (workbook, charts: a second of module loading) load while the data load waits on DuckDB
  const writers = import('../report/write-run-outputs.ts');
  writers.catch(() => undefined); // a run that stops before writing never awaits them
  let charts: ChartRenderer | undefined;
  try {
    return await runScenarios(opts, writers, () => (charts ??= chartThread()));
  } finally {
    await charts?.close();
  }
}

async function runScenarios(opts: RunOptions, writers: Promise<typeof import('../report/write-run-outputs.ts')>, chartsThread: () => ChartRenderer): Promise<RunOutcome> {
  const scenarios: Scenario[] = [];
  const files = opts.scenarioFiles.map((f) => findScenarioFile(f, { dataDir: opts.dataDir }));
  // the same file twice is a slip of the command line (exit 2), not a scenario at fault: said before either is read
  await checkGivenOnce(files, opts.scenarioFiles, pathMsg.scenarioGivenTwice);
  for (const f of files) scenarios.push(await loadScenario(f));
  checkScenarioIds(scenarios);
  const outDirs = scenarios.map((s) => (scenarios.length === 1 ? (opts.out ?? join('reports', s.id)) : join(opts.out ?? 'reports', s.id)));
  // (and a set of them a run killed while it replaced them left some new, some old: finished or rolled back, and said)
  await prepareOutFolders([...outDirs, ...(scenarios.length > 1 ? [join(opts.out ?? 'reports', 'compare')] : [])], opts.dataDir, opts.onNote);
  // the charts are drawn on their own thread, which loads Chart.js and the canvas while the data load (render-thread.ts)
  const charts = chartsThread();
  // the stages a run reports: load (and track record), per scenario project (+ budget) + write, and the comparison
  const total = 1 + scenarios.length * (opts.demandOnly ? 2 : 3) + (scenarios.length > 1 ? 1 : 0);
  let started = 0;
  const stage = (name: string) => opts.onStage?.(name, started++, total);

  // One base year and horizon for the total-plans forecast: the longest any scenario asks for.
  const baseYears = new Set(scenarios.map((s) => s.base_year));
  const horizon = Math.max(...scenarios.map((s) => s.horizon_years));
  stage('loading data');
  const askedBy = new Map([...baseYears].map((b) => [b, scenarios.filter((s) => s.base_year === b).map((s) => s.file)]));
  const data = await runData({ dataDir: opts.dataDir, la: opts.la, baseYears, askedBy, horizon, fresh: opts.fresh, cacheDir: opts.cacheDir });
  const { dataset: ds, tables, totalsByBase } = data;
  const dq = [...data.dataQuality];
  const hasPopulation = Object.keys(ds.population).length > 0;
  // before any projection or output: a budget asked for on missing or empty money tables stops here (exit 1)
  if (!opts.demandOnly) {
    // the folder's files no reader took (their warnings are printed only after a run): a broken money table is one
    checkMoneyTables(tables, data.loaded, opts.dataDir, unreadFiles(data.skipped, data.warnings));
  }
  // a lever, surge or new places dated outside the projected years would leave the figures as if it were not there:
  // every scenario checked before the first is written
  for (const s of scenarios) checkScenarioYears(s, totalsByBase.get(s.base_year)!.forecast.baseYear);
  // a horizon longer than HORIZON_UNHELD_MAX, with no population to hold the trend (gates.ts)
  checkHorizon(ds, scenarios);
  // a population 1,000 times too large or small for the LA's plans (figures in thousands, or multiplied once too often)
  const bases = new Set([...totalsByBase.values()].map((t) => t.forecast.baseYear));
  for (const b of bases) checkPopulationScale(ds, b, data.loaded);
  // within the scale a run accepts, but beyond every English LA's share: said, on stderr and the Data quality sheet
  const populationShare = [...bases].map((b) => populationShareNote(ds, b)).filter((n) => n !== undefined);
  dq.push(...populationShare.map((message) => ({ severity: 'warning' as const, message })));
  // an own SEN2 return whose plans are not the published total of its year: the history and the trend would disagree
  const eesFiles = data.loaded.filter((f) => f.reader.startsWith('ees')).map((f) => f.path);
  for (const s of scenarios) {
    const t = totalsByBase.get(s.base_year)!;
    checkPersonLevelStock(ds, t.forecast.baseYear, t.published, eesFiles);
  }
  // plans at schools the establishment table does not hold are costed at £0: too many at the base year stop a budget
  // run (with --demand-only the plans are counted all the same, and the warning below says where they are)
  if (!opts.demandOnly) for (const s of scenarios) checkUnplaced(ds, totalsByBase.get(s.base_year)!.forecast.baseYear);
  // notes that change what the figures mean, on stderr too (run-warnings.ts isSaidDataNote)
  dq.push(...ds.notes.map((message) => ({ severity: isSaidDataNote(message) ? ('warning' as const) : ('info' as const), message })));
  // money tables that name no LA, used for this one among several LAs' data
  if (!opts.demandOnly && data.moneyTablesNamingNoLa) dq.push({ severity: 'warning' as const, message: data.moneyTablesNamingNoLa });
  // a January a later release revises: the forecast starts from the newer figure, which the older release contradicts
  dq.push(...revisionWarnings(ds).map(asWarning));
  // a council that a reorganisation ended, projected past its end: said by each scenario that reaches it (below)
  const abolishedBy = (s: Scenario) => abolitionWarning(ds.la, totalsByBase.get(s.base_year)!.forecast.baseYear + s.horizon_years);
  // each note with its kind (notes.ts): those saying a figure is probably wrong are listed first; the data's, the own
  // tables', the files not read, and the forecast's notes (said once on stderr; each scenario's Data quality sheet has
  // its own base year's only), as goal-seek says them (run-warnings.ts)
  const warnings = new RunNotes();
  addDataNotes(warnings, {
    ...data,
    ds,
    populationShare,
    demandOnly: opts.demandOnly,
    abolished: scenarios.map(abolishedBy),
    forecastNotes: scenarios.map((s) => scenarioTotalsNotes(totalsByBase.get(s.base_year)!, s.horizon_years, opts.draws > 0)),
  });
  const inputs = data.loaded.map((f) => ({ path: f.path, sha256: f.sha256, reader: f.reader, rows: f.rows }));

  const reports: RunReport[] = [];
  const documents: RunDocument[] = [];
  const writes: Array<() => Promise<void>> = [];
  const held = new HeldOutputs();
  for (const scenario of scenarios) {
    stage(`projecting ${scenario.id}`);
    const capacity = scenario.capacity.from_places_table ? placesAsCapacity(tables) : undefined;
    const totals = totalsByBase.get(scenario.base_year)!;
    // the track record of the forecast from this scenario's base year, scored with the data (run-data.ts)
    const scored = totals.trackRecord;
    const forecastNotes = scenarioTotalsNotes(totals, scenario.horizon_years, opts.draws > 0);
    const run = await projectLa(ds, scenario, {
      draws: opts.draws,
      seed: opts.seed,
      baseYear: totals.forecast.baseYear,
      capacity,
      constraint: totals.constraint,
      ageFallbacks: totals.ageFallbacks,
    });
    checkLaProjection(ds, scenario, run, totals, data.loaded);
    // the model's own fallbacks (ages or placements borrowed, new plans spread, a year with no new plans, population of another year)
    // change what the figures mean
    const modelNotes = modelNotesOf(run.rates.notes);
    const central = publishedPaths(run, scenario);
    warnings.add('caveat', modelNotes);
    // the outputs show the data's figures as the base year's actual; a start that differs from them beyond rounding is
    // a figure to doubt, not a fallback to read about
    const gap = startGapNote(ds, central.projection);
    if (gap) {
      modelNotes.push(gap);
      warnings.add('suspect', [gap]);
    }
    // plans in a placement no unit-cost row prices would be costed at £0, out of every spend total: refused (gates.ts)
    if (!opts.demandOnly) checkUnitCostCoverage(`${ds.la.name} (${ds.la.oldCode})`, tables, [central.projection, central.unmitigated, ...Object.values(central.perLever)], data.loaded);
    const suppressSmallCounts =
      opts.suppressSmallCounts ?? (scenario.report.suppress_small_counts ? scenario.report.suppression_threshold : undefined);
    // written for publication with small counts suppressed, the notes name no school beside a count of its plans
    const redact = suppressSmallCounts ? withoutSchools(ds) : (m: string) => m;
    const demand: Omit<RunReport, 'budget'> = {
      tool: { name: TOOL, version: VERSION },
      runDate: opts.runDate,
      scenario,
      la: ds.la,
      baseYear: run.projection.baseYear,
      dataset: suppressSmallCounts ? { ...ds, notes: ds.notes.map(redact) } : ds,
      projection: central.projection,
      unmitigatedProjection: central.unmitigated,
      backtest: scored.la,
      backtestAll: scored.all,
      inputs,
      dataQuality: [...[...dq, ...[abolishedBy(scenario)].filter((n) => n !== undefined).map(asWarning), ...forecastNotes.map(asWarning)].map((d) => ({ ...d, message: redact(d.message) })), ...modelNotes.map(asWarning)],
    };
    // a placement category the LA has not used that its projection fills from the pooled mix: on stderr, the Data quality
    // sheet and the explorer page too, whose placement chart shows it with no sheet beside it (report/unheld-placements.ts)
    const unheld = unheldPlacementWords(demand);
    warnings.add('caveat', unheld);
    demand.dataQuality.push(...unheld.map(asWarning));
    // the charts that need no money are drawn while the budget is priced (the chart thread remembers them)
    charts.prefetch(demandCharts(demand, { suppressSmallCounts }));
    // a money rate above 100% a year (`inflation: 5` meant as 5%), or an amount in £ thousands (a lever costing £400 a
    // year), priced every figure with no word but the figures;
    // said first, since the notes on the budget it gives follow from it
    const rated = opts.demandOnly ? [] : [...rateNotes(scenario), ...moneyNotes(scenario)];
    warnings.add('suspect', rated);
    let budget: BudgetResult | undefined;
    if (!opts.demandOnly) {
      stage(`budget ${scenario.id}`);
      budget = publishBudget(
        runBudget({
          scenario,
          tables,
          projection: central.projection,
          unmitigatedProjection: central.unmitigated,
          referenceProjection: run.reference,
          perLeverProjections: central.perLever,
          reproject: central.reproject,
        }),
      );
    }
    if (budget) checkBudget(`${ds.la.name} (${ds.la.oldCode})`, budget, data.loaded);
    // figures standing in for missing money (£0 for an uncosted placement, no opening balance) change what they mean
    warnings.add('suspect', budget?.suspect ?? []);
    warnings.add('caveat', budget?.fallbacks ?? []);
    // the Data quality sheet keeps every note, in the order stderr lists them: a figure probably wrong first
    const ownWarning = isOwnTableWarning(data.loaded);
    const report: RunReport = {
      ...demand,
      budget,
      dataQuality: suspectFirst(
        [...demand.dataQuality, ...[...rated, ...(budget?.warnings ?? [])].map((message) => ({ severity: 'warning' as const, message }))],
        (d) => warnings.isSuspect(d.message) || ownWarning(d),
      ),
    };
    const outDir = outDirs[scenarios.indexOf(scenario)]!;
    // the explorer's reader sees neither stderr nor the workbook: the notes stderr says of this scenario's sheet, on the page
    const onSheet = new Set([...dq.map((d) => d.message), abolishedBy(scenario), ...forecastNotes, ...modelNotes, ...unheld, ...rated, ...(budget?.warnings ?? [])]);
    const pageNotes = warnings.ordered().filter((m) => onSheet.has(m)).map(redact);
    // the explorer recomputes the budget as levers move; a demand-only run's page has plans only (cli.md: every run writes it)
    const explorer = explorerPayload({
      tool: TOOL,
      version: VERSION,
      runDate: opts.runDate,
      la: ds.la,
      scenario,
      input: run.input,
      tables,
      stockTotal: ds.stockTotal,
      observedBase: observedBaseOf(ds, run.projection.baseYear),
      draws: opts.draws,
      seed: opts.seed,
      // the ranges by year ahead of this scenario's years (the forecast runs to the longest horizon of the run)
      constraintSd: totals.constraint?.sd.slice(0, scenario.horizon_years),
      populationKnown: hasPopulation,
      ...(suppressSmallCounts && suppressSmallCounts > 1 ? { suppressSmallCounts, placementsShown: placementsShown(report, suppressSmallCounts) } : {}),
      demandOnly: opts.demandOnly,
      notes: pageNotes,
      sources: report.inputs,
    });
    reports.push(report);
    writes.push(async () => {
      stage(`writing ${scenario.id}`);
      const { writeRunOutputs } = await writers;
      const written = await writeRunOutputs(report, outDir, { csv: opts.csv ?? scenario.report.csv_export, suppressSmallCounts, explorer, charts, held });
      documents.push(runDocument(report, written, suppressSmallCounts));
    });
  }
  // every scenario projected, priced and checked, and the comparison's tables and words checked, before the first
  // file is written: a scenario or comparison refused (exit 1, or a bug's exit 70) leaves no other scenario's outputs
  const { checkComparison, writeComparison } = await writers;
  if (reports.length > 1) checkComparison(reports);
  // the folders as one set: one that cannot be written puts back those written before it (write-atomic.ts)
  let comparison: RunOutcome['comparison'];
  await uninterrupted(async () => {
    try {
      for (const write of writes) await write();
      // as CSV too when the run's scenarios are (--csv, or any scenario asking for report.csv_export)
      if (reports.length > 1) stage('writing comparison');
      if (reports.length > 1) comparison = await writeComparison(reports, join(opts.out ?? 'reports', 'compare'), charts, { csv: opts.csv ?? scenarios.some((s) => s.report.csv_export), held });
    } catch (e) {
      await held.rollback();
      throw e;
    }
    await held.commit();
  });
  return { documents, comparison, warnings: warnings.ordered(), fromCache: data.fromCache, cacheDir: data.cacheDir };
}

const asWarning = (message: string) => ({ severity: 'warning' as const, message });

/**
 * The published central paths of a run (central-path.ts): the projection and its unmitigated twin moved onto their
 * P50 totals, and the deterministic re-projections (single levers, sensitivity) moved by the same factors.
 */
function publishedPaths(run: LaProjection, scenario: Scenario) {
  const projection = centreOnMedian(run.projection);
  const unmitigated = run.unmitigated ? centreOnMedian(run.unmitigated) : undefined;
  const drawn = run.projection.draws > 0;
  // a run's central cubes are the deterministic path of its input (projectMonteCarlo and constrainedMonteCarlo keep
  // it), so the factors come from them rather than from projecting the same input again
  const fMitigated = drawn ? deterministicFactors(projection, run.projection) : undefined;
  // the tornado prices the cubes alone (no flows or transitions are made for it), and its six variants share one
  // preparation of the levers and, while the new-plan mix is the same, of the new-plan shapes
  const prepareFor = preparer(run.input);
  const reproject: Reproject = (v) => {
    const rates = applyRatesVariant(run.input.rates, v);
    const central = projectDeterministicCentral({ ...run.input, rates }, prepareFor(rates));
    return { central: fMitigated ? scaleCubes(central, fMitigated) : central };
  };
  let perLever = perLeverProjections(run.input, scenario);
  if (drawn && Object.keys(perLever).length > 0) {
    // a demand lever means an unmitigated run, whose central cubes are the lever-free deterministic path
    const plain = run.unmitigated ?? projectDeterministic({ ...run.input, scenario: { ...scenario, mitigations: [] } });
    const f = deterministicFactors(unmitigated ?? projection, plain);
    perLever = Object.fromEntries(Object.entries(perLever).map(([k, p]) => [k, scaleProjection(p, f)]));
  }
  return { projection, unmitigated, reproject, perLever };
}

/**
 * Each demand lever on its own: the unmitigated scenario plus that one lever (deterministic, as the central paths
 * the budget values are), so the Mitigations sheet can value every lever exactly.
 */
export function perLeverProjections(input: EngineInput, scenario: Scenario): Record<string, ProjectionResult> {
  const out: Record<string, ProjectionResult> = {};
  for (const m of scenario.mitigations) {
    if (m.kind === 'unit_cost_change') continue;
    out[m.name] = projectDeterministic({ ...input, scenario: { ...scenario, mitigations: [m] } });
  }
  return out;
}

/** Places by financial year as capacity by census year: the census of January Y+1 falls in FY Y-(Y+1). */
export function placesAsCapacity(tables: BudgetTables): PlacesTable {
  const out: PlacesTable = {};
  for (const r of tables.places) {
    const byYear = (out[r.placement] ??= {});
    byYear[r.fy + 1] = (byYear[r.fy + 1] ?? 0) + r.places;
  }
  return out;
}

/**
 * The Data quality notes as written for publication with small counts suppressed: the notes on plans at schools the
 * establishment table does not hold name no URN (a count of plans beside one school's URN tells how many of its
 * children have a plan; the run's stderr still names them). Returns the note as written for each note.
 */
function withoutSchools(ds: LaDataset): (message: string) => string {
  const plain = new Map<string, string>();
  for (const [y, u] of Object.entries(ds.unplaced ?? {})) {
    plain.set(sen2UrnPlacementNote(ds.la.oldCode, Number(y), u.plans, u.of, u.urns), sen2UrnPlacementNote(ds.la.oldCode, Number(y), u.plans, u.of, []));
  }
  return (m) => plain.get(m) ?? m;
}
