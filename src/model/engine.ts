/**
 * The cohort projection engine (model.md). Pipeline:
 *
 *   EngineInput ──prepare()──► per-year levers, new-plan shapes, capacity, trend      (levers/prepare.ts)
 *        │
 *        ├─ projectDeterministic: stepDeterministic × horizon ──► central path + flows  (step.ts)
 *        └─ projectMonteCarlo:   draws split over worker threads, each draw =
 *              posterior rates (Beta/Dirichlet/Gamma/Normal) + stochastic step         (montecarlo/*)
 *              ──► quantiles, drawPlacementTotals;  central = the deterministic path
 *
 * Pure: no I/O; randomness only from the seeded generator (rng.ts).
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_, PLACEMENTS, TRANSITION_POINTS, type Placement, type TransitionAges } from '../domain/index.ts';
import { ExitCode, HighneedsError } from '../errors.ts';
import { invalidDraws } from '../messages/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { cubeByPlacement } from './cube.ts';
import { ceaseDeltas } from './levers/apply.ts';
import type { PlacesTable } from './levers/capacity.ts';
import { prepare, type Prepared } from './levers/prepare.ts';
import { stepParamsFor } from './levers/step-params.ts';
import { trendFactors } from './levers/trend.ts';
import { runDrawsParallel } from './montecarlo/pool.ts';
import { pointQuantiles, summariseDraws } from './montecarlo/summarise.ts';
import { N_CEASE_REASONS, type Rates } from './rates.ts';
import type { ProjectionResult, TransitionFlows, YearFlows } from './result.ts';
import { newStepWork, stepDeterministic, type StepParams, type StepWork } from './step.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;

export { stepParamsFor };

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

const NP = N_PLACEMENTS;

/**
 * Deterministic projection: expected flows, no noise. P10 = P50 = P90.
 * @example projectDeterministic({ rates, initial, population, baseYear: 2025, horizon: 10 }).totalQuantiles[10].p50
 */
export function projectDeterministic(input: EngineInput): ProjectionResult {
  const prep = prepare(input);
  return deterministicFromPrepared(prep, input);
}

/** Called after every step with the stock before, the stock after and the step's per-age flows (tests, audits). */
export type StepObserver = (k: number, S: Float64Array, next: Float64Array, w: StepWork) => void;

/** projectDeterministic with a per-step observer. */
export function projectDeterministicObserved(input: EngineInput, observe: StepObserver): ProjectionResult {
  return deterministicFromPrepared(prepare(input), input, observe);
}

function deterministicFromPrepared(prep: Prepared, input: EngineInput, observe?: StepObserver): ProjectionResult {
  const { rates } = input;
  const trend = trendFactors(prep.trend, prep.horizon);
  const central: Float64Array[] = [Float64Array.from(input.initial)];
  const flows: YearFlows[] = [];
  const transitions: TransitionFlows[] = [];
  const w = newStepWork();
  let P: StepParams | undefined;
  const stockAN = new Float64Array(N_AGES * N_NEEDS);
  for (let k = 1; k <= prep.horizon; k++) {
    const S = central[k - 1]!;
    P = stepParamsFor(prep, rates, k, trend, P);
    const next = new Float64Array(S.length);
    stepDeterministic(S, P, next, w);
    observe?.(k, S, next, w);
    central.push(next);
    const lv = prep.levers[k - 1]!;
    const shape = prep.shapes[k - 1]!;
    const year = prep.baseYear + k;
    // flows
    const ceasedByReason: Record<number, number> = {};
    let ceased = 0;
    for (let a = 0; a < N_AGES; a++) {
      const c = w.ceased[a]!;
      if (c === 0) continue;
      ceased += c;
      let rs = 0;
      for (let r = 0; r < N_CEASE_REASONS; r++) rs += rates.ceaseReasonShare[a * N_CEASE_REASONS + r]!;
      if (rs > 0)
        for (let r = 0; r < N_CEASE_REASONS; r++) {
          const v = (c * rates.ceaseReasonShare[a * N_CEASE_REASONS + r]!) / rs;
          if (v > 0) ceasedByReason[r] = (ceasedByReason[r] ?? 0) + v;
        }
      else ceasedByReason[0] = (ceasedByReason[0] ?? 0) + c;
    }
    let newPlans = 0;
    let migration = 0;
    let surge = 0;
    for (let b = 0; b < N_AGES; b++) {
      newPlans += w.newByAge[b]!;
      migration += w.migration[b]!;
      surge += shape.surgeByAge[b]! * rates.incidence[b]! * trend[k]!;
    }
    const avoidedByMitigation: Record<string, number> = {};
    for (const name of lv.mitigationNames) avoidedByMitigation[name] = 0;
    for (const av of shape.avoided) {
      let s = 0;
      for (let b = 0; b < N_AGES; b++) s += av.byAge[b]! * rates.incidence[b]! * trend[k]!;
      avoidedByMitigation[av.name] = (avoidedByMitigation[av.name] ?? 0) + s;
    }
    if (lv.ceaseFactors.length) {
      stockAN.fill(0);
      for (let i = 0; i < S.length; i++) stockAN[Math.floor(i / NP)]! += S[i]!;
      for (const d of ceaseDeltas(rates.continuation, lv)) {
        let s = 0;
        for (let i = 0; i < (N_AGES - 1) * N_NEEDS; i++) s += stockAN[i]! * d.delta[i]!;
        avoidedByMitigation[d.name] = (avoidedByMitigation[d.name] ?? 0) + s;
      }
    }
    const overflow: Partial<Record<Placement, number>> = {};
    for (let q = 0; q < NP; q++) if (w.overflow[q]! > 0) overflow[PLACEMENTS[q]!] = w.overflow[q]!;
    flows.push({ year, newPlans, ceasedByReason, ceased, agedOut: w.agedOut, netMigration: migration, overflow, surgeNewPlans: surge, avoidedByMitigation });
    for (const t of TRANSITION_POINTS) {
      const f = prep.transitionAges[t];
      if (f === undefined || f < 0 || f >= N_AGES - 1) continue;
      const moves: TransitionFlows['moves'] = [];
      let arriving = 0;
      for (let p = 0; p < NP; p++)
        for (let q = 0; q < NP; q++) {
          const c = w.moveFlow[(f * NP + p) * NP + q]!;
          if (c <= 0) continue;
          arriving += c;
          moves.push({ from: PLACEMENTS[p]!, to: PLACEMENTS[q]!, count: c });
        }
      const np = w.newByAge[f + 1]!;
      transitions.push({ year, transition: t, arriving: arriving + np, moves, newPlans: np, surgeNewPlans: shape.surgeByAge[f + 1]! * rates.incidence[f + 1]! * trend[k]! });
    }
  }
  const { totalQuantiles, placementQuantiles } = pointQuantiles(central.map(cubeByPlacement));
  return {
    baseYear: prep.baseYear,
    years: prep.years,
    central,
    totalQuantiles,
    placementQuantiles,
    flows,
    transitions,
    draws: 0,
    seed: 0,
    drawPlacementTotals: new Float64Array(0),
    weighted: {},
    assumptions: prep.assumptions,
    notes: [...rates.notes],
  };
}

/**
 * Monte Carlo projection: `draws` paths with parameter, trend and process uncertainty. Quantiles come from the
 * draws; `central` and `flows` are the deterministic path (so the stock identity holds exactly on them). The same
 * seed gives identical output whatever the number of workers.
 */
export async function projectMonteCarlo(input: EngineInput, opts: MonteCarloOptions): Promise<ProjectionResult> {
  if (!Number.isInteger(opts.draws) || opts.draws < 0 || opts.draws > 1_000_000) throw new HighneedsError(ExitCode.INVALID_INPUT, invalidDraws(opts.draws));
  const prep = prepare(input);
  const det = deterministicFromPrepared(prep, input);
  if (opts.draws === 0) return { ...det, seed: opts.seed };
  const { totals, weighted } = await runDrawsParallel(
    { prep, rates: input.rates, initial: input.initial, seed: opts.seed, weights: opts.weights ?? {} },
    opts.draws,
    opts.workers,
  );
  const { totalQuantiles, placementQuantiles } = summariseDraws(totals, opts.draws, prep.years.length, prep.quantiles);
  return {
    ...det,
    totalQuantiles,
    placementQuantiles,
    draws: opts.draws,
    seed: opts.seed,
    drawPlacementTotals: totals,
    weighted,
    notes: [...det.notes, `Monte Carlo: ${opts.draws} draws, seed ${opts.seed}; central path = deterministic projection.`],
  };
}
