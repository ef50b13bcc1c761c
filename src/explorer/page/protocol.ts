/** Messages between the page and its Monte Carlo Web Worker. */
import type { UncostedPlacement } from '../../budget/uncosted.ts';
import type { Quantiles } from '../../model/result.ts';
import { openingProblem, type OpeningProblem } from '../../pipeline/plausible.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { VariantOutcome } from '../compute.ts';
import type { ExplorerPayload } from '../payload.ts';

/** Draws `start` … `end − 1` of a variant (the engine's draws, split over workers), or a variant's whole range. */
export type ToWorker =
  | { type: 'draws'; id: number; payload: ExplorerPayload; scenario: Scenario; seed: number; start: number; end: number }
  | { type: 'range'; id: number; payload: ExplorerPayload; scenario: Scenario; seed: number; draws: number };

/** The range of one variant: quantiles by census year (plans) and by financial year (money). */
export interface RangeSummary {
  draws: number;
  seed: number;
  plans: Quantiles[];
  expenditure: Quantiles[];
  inYear: Quantiles[];
  cumulative: Quantiles[];
  /** Plans of the draws no unit-cost row prices (a placement with no row at all), as `run --draws N` refuses them. */
  uncosted: UncostedPlacement[];
  /** An opening balance worked back over a year whose block is out of scale with its spend, as `run --draws N` refuses it. */
  opening?: OpeningProblem;
  /** Milliseconds the draws took in the worker. */
  ms: number;
}

export type FromWorker =
  | { type: 'progress'; id: number; done: number }
  | { type: 'totals'; id: number; totals: Float64Array }
  | { type: 'range'; id: number; range: RangeSummary }
  | { type: 'error'; id: number; message: string };

/** The parts of a range outcome the page draws. */
export function rangeSummary(o: VariantOutcome, draws: number, seed: number, ms: number): RangeSummary {
  return { draws, seed, plans: o.projection.totalQuantiles, expenditure: o.budget.expenditureQuantiles, inYear: o.budget.inYearQuantiles, cumulative: o.budget.cumulativeQuantiles, uncosted: o.uncosted, opening: openingProblem(o.budget), ms };
}
