/**
 * What the explorer page carries: the run's engine input (estimated rates, starting plans, population), budget
 * tables, scenario and history of total plans — aggregates only, no identifiers — ready to embed as JSON (codec.ts).
 * Pure: built by the run from its results; read by the page and by the parity test.
 */
import type { LaIdentity } from '../domain/index.ts';
import { emptyBudgetTables, type BudgetTables } from '../budget/tables.ts';
import type { EngineInput } from '../model/engine-input.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ObservedBase } from '../pipeline/run-json.ts';
import { suppressionNote } from '../messages/explorer.ts';
import { placementPools, placementsShownOf, suppressEngineInput, suppressionEffect, type PlacementsShown } from './suppress-input.ts';
import { isSmallCount, pastYearsShown, suppressedText } from '../report/suppress.ts';
import type { ExplorerPayload } from './payload-types.ts';

export type { ExplorerPayload } from './payload-types.ts';

export interface PayloadSource {
  tool: string;
  version: string;
  runDate: string;
  la: LaIdentity;
  scenario: Scenario;
  input: EngineInput;
  tables: BudgetTables;
  stockTotal: Record<number, number>;
  /** The data's figures at the base year (pipeline/run-json.ts observedBaseOf). */
  observedBase?: ObservedBase;
  draws: number;
  seed: number;
  constraintSd?: number[];
  suppressSmallCounts?: number;
  /** With suppression: what the workbook shows of the base year's placements (suppress-input.ts placementPools). */
  placementsShown?: PlacementsShown;
  /** The data hold the LA's population (the input's is then its own). */
  populationKnown?: boolean;
  /** `run --demand-only`: the page carries no money table and shows plans only. */
  demandOnly?: boolean;
  /** The run's notes that change what this scenario's figures mean (payload-types.ts `notes`). */
  notes?: readonly string[];
  /** The data files the run loaded (payload-types.ts `sources`). */
  sources?: ReadonlyArray<{ path: string; reader: string; rows: number }>;
}

/** The tables without the file and line of each row (the page has no files; their names are the council's own). */
function withoutSources(t: BudgetTables): BudgetTables {
  const bare = <R extends { source?: unknown }>(rows: readonly R[]): R[] => rows.map(({ source: _source, ...r }) => r as R);
  return { ...t, unitCosts: bare(t.unitCosts), places: bare(t.places), funding: bare(t.funding), openingBalances: bare(t.openingBalances) };
}

/**
 * The explorer's payload for one scenario's run.
 * @example explorerPayload({ ...run, input: run.input, tables, stockTotal: ds.stockTotal, draws: 1000, seed: 1 })
 */
export function explorerPayload(src: PayloadSource): ExplorerPayload {
  const input: Omit<EngineInput, 'scenario'> = { ...src.input };
  delete (input as EngineInput).scenario;
  // past Januaries the page draws side by side: the unbroken run up to the base year (suppress.ts pastYearsShown)
  const historyOf = (t?: number) => pastYearsShown(src.stockTotal, src.input.baseYear, t).map((year) => ({ year, plans: src.stockTotal[year]! }));
  const history = historyOf();
  const base: ExplorerPayload = {
    tool: src.tool,
    version: src.version,
    runDate: src.runDate,
    la: { oldCode: src.la.oldCode, newCode: src.la.newCode, name: src.la.name },
    scenario: src.scenario,
    input,
    tables: src.demandOnly ? emptyBudgetTables() : withoutSources(src.tables),
    history,
    ...(src.observedBase ? { observedBase: src.observedBase } : {}),
    draws: src.draws,
    seed: src.seed,
    ...(src.constraintSd ? { constraintSd: [...src.constraintSd] } : {}),
    ...(src.populationKnown ? { populationKnown: true as const } : {}),
    ...(src.demandOnly ? { demandOnly: true as const } : {}),
    ...(src.notes?.length ? { notes: [...src.notes] } : {}),
    ...(src.sources?.length ? { sources: src.sources.map((f) => ({ path: f.path, reader: f.reader, rows: f.rows })) } : {}),
  };
  const t = src.suppressSmallCounts;
  if (t === undefined || t <= 1) return base;
  // the data's base-year figures are counts the page would show as they are (Isles of Scilly's EY 1, ISS 2, FE 1 and
  // EOTAS 1 plans of January 2022 were in the page's data where the workbook read [c]): the base year's placements are
  // then the suppressed start's, and a small total is left out with them
  const observed = src.observedBase && { year: src.observedBase.year, ...(src.observedBase.total !== undefined && !isSmallCount(src.observedBase.total, t) ? { total: src.observedBase.total } : {}) };
  // none from a small total back: a small year left out inside the run drew its neighbours one year apart on the page's
  // chart (Isles of Scilly at 10: 2014, then 2017)
  const shown = historyOf(t);
  // the run's notes give no small count of plans in their words either ("its 2 new plans": report/suppress.ts suppressedText)
  const notes = base.notes && { notes: base.notes.map((n) => suppressedText(n, t)) };
  // the workbook's placements as shown (the run's report), else the cube's own (a page built without one)
  const placements = src.placementsShown ?? placementsShownOf(input.initial, t);
  const suppressed: ExplorerPayload = { ...base, ...notes, history: shown, ...(observed ? { observedBase: observed } : {}), input: suppressEngineInput(input, t, placements) };
  const effect = suppressionEffect(base, suppressed, placementPools(placements, t));
  return { ...suppressed, suppression: { threshold: t, note: suppressionNote(t, effect), ...(effect.plans || effect.balance || effect.spend ? { differs: true as const } : {}) } };
}
