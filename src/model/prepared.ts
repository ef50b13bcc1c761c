/**
 * The prepared-projection contract: everything a projection needs that does not depend on a Monte Carlo draw
 * (levers by year, new-plan shapes, capacity, trend, migration), made once by levers/prepare.ts and read by the
 * deterministic step, the draws and the explorer. Types only.
 */
import type { TransitionAges } from '../domain/index.ts';
import type { NewPlanShape } from './levers/apply.ts';
import type { CapacityPlan } from './levers/capacity.ts';
import type { YearLevers } from './levers/schedule.ts';
import type { PreparedPipeline } from './pipeline.ts';
import type { TrendEstimate } from './rates.ts';
import type { ProjectionResult } from './result.ts';

export interface Prepared {
  baseYear: number;
  horizon: number;
  /** Census years, base first. */
  years: number[];
  transitionAges: TransitionAges;
  possible: Uint8Array;
  fallback: Float64Array;
  levers: YearLevers[];
  /** Rate-free new-plan shapes per step k = 1 … horizon (index k − 1). */
  shapes: NewPlanShape[];
  capacity: CapacityPlan;
  trend: TrendEstimate;
  netMig: Float64Array;
  quantiles: [number, number, number];
  assumptions: ProjectionResult['assumptions'];
  /** The requests pipeline, when it runs (new plans then come from it, not from `shapes`). */
  pipeline?: PreparedPipeline;
}
