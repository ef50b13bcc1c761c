/** Messages between the page and its Monte Carlo Web Worker. */
import type { Quantiles } from '../../model/result.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ExplorerPayload } from '../payload.ts';

/** Draws `start` … `end − 1` of a variant. */
export type ToWorker = { type: 'run'; id: number; payload: ExplorerPayload; scenario: Scenario; seed: number; start: number; end: number };

/** The range of one variant: quantiles by census year (plans) and by financial year (money). */
export interface RangeSummary {
  draws: number;
  seed: number;
  plans: Quantiles[];
  expenditure: Quantiles[];
  inYear: Quantiles[];
  cumulative: Quantiles[];
  /** Milliseconds the draws took in the worker. */
  ms: number;
}

export type FromWorker =
  | { type: 'progress'; id: number; done: number }
  | { type: 'done'; id: number; totals: Float64Array }
  | { type: 'error'; id: number; message: string };
