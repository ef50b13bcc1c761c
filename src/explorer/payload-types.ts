/**
 * The shape of what the explorer page carries (payload.ts builds it): a module of its own, so the page's computing
 * (compute.ts) and the suppression (suppress-input.ts) read the shape without importing what builds it.
 */
import type { LaIdentity } from '../domain/index.ts';
import type { BudgetTables } from '../budget/tables.ts';
import type { EngineInput } from '../model/engine-input.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ObservedBase } from '../pipeline/run-json.ts';

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
  /**
   * The data's figures at the base year (total, placements where given): what `result()` and the page show for it, as
   * `run --json` does, in place of the model's fitted start (Kent's January 2022: MS 4480.000778 against 4,480).
   */
  observedBase?: ObservedBase;
  /** Monte Carlo draws and seed of the run (the page's range uses the same seed). */
  draws: number;
  seed: number;
  /**
   * The calibrated log-scale sd of total plans by year ahead when the run is held to the forecast of total plans
   * (model/constrain.ts): the range is then that model's draws, as in the run; absent = the engine's own draws.
   */
  constraintSd?: number[];
  /**
   * The run's notes that change what its figures mean (the list `run` says on stderr, each also on the workbook's Data
   * quality sheet: a history joined from a predecessor, no population, a borrowed opening balance, place funding at
   * £0), shown at the top of the page, since a reader of the page sees neither stderr nor the workbook.
   */
  notes?: string[];
  /** The data files the run loaded (as the report's 'How this report was made' lists them), named under the page's tables. */
  sources?: Array<{ path: string; reader: string; rows: number }>;
  /** Set when small counts were suppressed: the threshold and what that changes. */
  /** `differs`: with no lever moved the page's figures are not the run's (the merged groups move them; the note says by how much). */
  suppression?: { threshold: number; note: string; differs?: true };
  /** The input's population is the LA's own (from the data), not the unit stand-in of a run without population. */
  populationKnown?: true;
  /** Written by `run --demand-only`: no money (empty tables, no money lever, figure or chart; `result()` has plans only). */
  demandOnly?: true;
}
