/**
 * What the projection engine returns (consumed by the budget model and the reports). Pure data.
 * Census years run from the base year (actual) to base + horizon.
 */
import type { Placement } from '../domain/index.ts';

export interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
}

/** Flows during the step into census year `year` (from year − 1). */
export interface YearFlows {
  year: number;
  newPlans: number;
  /** Ceased by SEN2 reason code (0 = unknown / all), excluding transfers. */
  ceasedByReason: Record<number, number>;
  ceased: number;
  agedOut: number;
  netMigration: number;
  /** Arrivals beyond capacity moved to the overflow placement, by destination. */
  overflow: Partial<Record<Placement, number>>;
  /** Pipeline mode only: requests for assessment received in the calendar year. */
  requests?: number;
  /** Pipeline mode only: assessments completed in the calendar year (started then, or carried in from the year before). */
  assessments?: number;
  /** Pipeline mode only: assessments still open at the year end (carried into the next year). */
  backlog?: number;
  /** New plans attributable to surges. */
  surgeNewPlans: number;
  /** Plans avoided by mitigations in this step (new plans not made + extra ceasings), by mitigation name. */
  avoidedByMitigation: Record<string, number>;
}

/** Moves at one transition point in the step into `year`: from placement → to placement counts. */
export interface TransitionFlows {
  year: number;
  transition: string;
  arriving: number;
  moves: Array<{ from: Placement; to: Placement; count: number }>;
  newPlans: number;
  surgeNewPlans: number;
}

export interface ProjectionResult {
  baseYear: number;
  /** Census years: base year first. */
  years: number[];
  /** Central path: the deterministic run's cube per year (cube.ts layout), also when draws > 0 (they give the quantiles). */
  central: Float64Array[];
  /** Quantiles of total plans per census year. */
  totalQuantiles: Quantiles[];
  /** Quantiles of plans per placement per census year. */
  placementQuantiles: Array<Record<Placement, Quantiles>>;
  flows: YearFlows[];
  transitions: TransitionFlows[];
  draws: number;
  seed: number;
  /**
   * Per-draw totals by placement: draws × years × N_PLACEMENTS (row-major), or empty when draws = 0.
   * Optional weighted sums (e.g. cost per cell) come back in `weighted` under the same layout.
   */
  drawPlacementTotals: Float64Array;
  weighted: Record<string, Float64Array>;
  /** Every effective parameter and where it came from. */
  assumptions: Array<{ key: string; value: string; unit?: string; source: 'scenario' | 'data' | 'default' }>;
  notes: string[];
}
