/**
 * The engine's input contract: what a projection takes (rates, the base-year cube, population, levers, capacity)
 * and how a Monte Carlo run is asked for. Types only, so the engine, the levers and the Monte Carlo modules all
 * depend on this module and never on each other for their shapes.
 */
import type { TransitionAges } from '../domain/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PlacesTable } from './levers/capacity.ts';
import type { Rates } from './rates.ts';

export interface EngineInput {
  rates: Rates;
  /** Cube at the base year (cube.ts layout). */
  initial: Float64Array;
  /** Census year → population by single age 0–25. A missing year carries the last known year forward. */
  population: Record<number, Float64Array>;
  baseYear: number;
  horizon: number;
  /** Levers; absent = none. */
  scenario?: Scenario;
  transitionAges?: TransitionAges;
  /** Places table: placement → census year → places. */
  capacity?: PlacesTable;
}

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** Worker threads (default: available cores, at most one per 250 draws; 1 = in this thread). */
  workers?: number;
  /** Per-cell weights (cube layout) whose per-placement sums come back in `weighted` (draws × years × N_PLACEMENTS). */
  weights?: Record<string, Float64Array>;
}
