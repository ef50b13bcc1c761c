/**
 * What the explorer page carries: the run's engine input (estimated rates, starting plans, population), budget
 * tables, scenario and history of total plans — aggregates only, no identifiers — ready to embed as JSON (codec.ts).
 * Pure: built by the run from its results; read by the page and by the parity test.
 */
import type { LaIdentity } from '../domain/index.ts';
import type { BudgetTables } from '../budget/tables.ts';
import type { EngineInput } from '../model/engine-input.ts';
import type { Scenario } from '../scenario/schema.ts';
import { suppressionNote } from '../messages/explorer.ts';
import { suppressEngineInput, suppressionEffect } from './suppress-input.ts';

export interface ExplorerPayload {
  tool: string;
  version: string;
  runDate: string;
  la: LaIdentity;
  /** The scenario as the run loaded it (every default filled in). */
  scenario: Scenario;
  /** The engine input of the run, without its scenario (the page puts the variant's scenario in). */
  input: Omit<EngineInput, 'scenario'>;
  tables: BudgetTables;
  /** Actual total plans at census years before the base year. */
  history: Array<{ year: number; plans: number }>;
  /** Monte Carlo draws and seed of the run (the page's range uses the same seed). */
  draws: number;
  seed: number;
  /**
   * The calibrated log-scale sd of total plans by year ahead when the run is held to the forecast of total plans
   * (model/constrain.ts): the range is then that model's draws, as in the run; absent = the engine's own draws.
   */
  constraintSd?: number[];
  /** Set when small counts were suppressed: the threshold and what that changes. */
  suppression?: { threshold: number; note: string };
  /** The input's population is the LA's own (from the data), not the unit stand-in of a run without population. */
  populationKnown?: true;
}

export interface PayloadSource {
  tool: string;
  version: string;
  runDate: string;
  la: LaIdentity;
  scenario: Scenario;
  input: EngineInput;
  tables: BudgetTables;
  stockTotal: Record<number, number>;
  draws: number;
  seed: number;
  constraintSd?: number[];
  suppressSmallCounts?: number;
  /** The data hold the LA's population (the input's is then its own). */
  populationKnown?: boolean;
}

/**
 * The explorer's payload for one scenario's run.
 * @example explorerPayload({ ...run, input: run.input, tables, stockTotal: ds.stockTotal, draws: 1000, seed: 1 })
 */
export function explorerPayload(src: PayloadSource): ExplorerPayload {
  const input: Omit<EngineInput, 'scenario'> = { ...src.input };
  delete (input as EngineInput).scenario;
  const history = Object.entries(src.stockTotal)
    .map(([y, plans]) => ({ year: Number(y), plans }))
    .filter((h) => h.year < src.input.baseYear && Number.isFinite(h.plans))
    .sort((a, b) => a.year - b.year);
  const base: ExplorerPayload = {
    tool: src.tool,
    version: src.version,
    runDate: src.runDate,
    la: { oldCode: src.la.oldCode, newCode: src.la.newCode, name: src.la.name },
    scenario: src.scenario,
    input,
    tables: src.tables,
    history,
    draws: src.draws,
    seed: src.seed,
    ...(src.constraintSd ? { constraintSd: [...src.constraintSd] } : {}),
    ...(src.populationKnown ? { populationKnown: true as const } : {}),
  };
  const t = src.suppressSmallCounts;
  if (t === undefined || t <= 1) return base;
  const suppressed: ExplorerPayload = { ...base, input: suppressEngineInput(input, t) };
  return { ...suppressed, suppression: { threshold: t, note: suppressionNote(t, suppressionEffect(base, suppressed)) } };
}
