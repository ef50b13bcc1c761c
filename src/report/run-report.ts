/**
 * Everything a run hands to the reports: the scenario, the data it used, the projection, the budget, the track
 * record and the data-quality notes. Pure data, assembled by src/pipeline.ts.
 */
import type { LaIdentity } from '../domain/index.ts';
import type { LaDataset } from '../model/dataset.ts';
import type { ProjectionResult } from '../model/result.ts';
import type { BudgetResult } from '../budget/types.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface InputFileInfo {
  path: string;
  sha256: string;
  reader: string;
  rows: number;
}

export interface DataQualityNote {
  path?: string;
  line?: number;
  column?: string;
  severity: 'info' | 'warning';
  message: string;
}

/** One row of a backtest table (model or baseline) at one horizon. */
export interface BacktestRow {
  /** The method's code (`model`, `naive_last`, `drift3`, `growth5` …) or a name; backtestMethodName() words it. */
  method: string;
  horizon: number;
  /** Errors and bias are shares (0.031 = 3.1%), not percentages. */
  mape: number;
  mdape: number;
  wape: number;
  bias: number;
  /** Share of outcomes inside the 80% interval (model only; NaN for baselines). */
  coverage80: number;
  n: number;
}

export interface RunReport {
  tool: { name: string; version: string };
  runDate: string;
  scenario: Scenario;
  la: LaIdentity;
  baseYear: number;
  dataset: LaDataset;
  projection: ProjectionResult;
  /** The budget; absent in a demand-only run (`run --demand-only`), whose outputs leave out every money section. */
  budget?: BudgetResult;
  /** The same scenario without its mitigations, when it has any (for the bridge and the Mitigations sheet). */
  unmitigatedProjection?: ProjectionResult;
  /** The model's track record on this LA's own history. */
  backtest: BacktestRow[];
  /** The same backtest scored across every LA of the run's data (the release it gave), when it holds enough LAs. */
  backtestAll?: { las: number; rows: BacktestRow[] };
  inputs: InputFileInfo[];
  dataQuality: DataQualityNote[];
}

/** A run with a budget: every money sheet, chart and section takes one. */
export type BudgetedReport = RunReport & { budget: BudgetResult };

/** Whether a run modelled the budget (false for `run --demand-only`). */
export function hasBudget(r: RunReport): r is BudgetedReport {
  return r.budget !== undefined;
}
