/**
 * Runs a contiguous range of Monte Carlo draws. Draw d uses its own stream `Rng.stream(seed, d)`, so results do
 * not depend on how draws are split across workers.
 */
import { N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import { N_CELLS as N_CELLS_ } from '../cube.ts';
import { stepParamsFor } from '../levers/step-params.ts';
import { effectiveMoves } from '../levers/apply.ts';
import type { Prepared } from '../levers/prepare.ts';
import { trendFactors } from '../levers/trend.ts';
import type { Rates } from '../rates.ts';
import { Rng } from '../rng.ts';
import { newStepWork, type StepParams, type StepWork } from '../step.ts';
import { drawRates, newDrawnRates } from './draw-rates.ts';
import { stepStochastic } from './stochastic-step.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_PLACEMENTS = N_PLACEMENTS_;
const N_CELLS = N_CELLS_;

export interface DrawJob {
  prep: Prepared;
  rates: Rates;
  initial: Float64Array;
  seed: number;
  weights: Record<string, Float64Array>;
}

export interface DrawOutput {
  /** (end − start) × years × N_PLACEMENTS placement totals. */
  totals: Float64Array;
  weighted: Record<string, Float64Array>;
}

/** Hook for tests: called after every step of every draw with the draw's stocks and flows. */
export type StepObserver = (draw: number, k: number, S: Float64Array, next: Float64Array, w: StepWork) => void;

export function runDrawRange(job: DrawJob, start: number, end: number, observe?: StepObserver): DrawOutput {
  const { prep, rates, initial, seed, weights } = job;
  const nYears = prep.years.length;
  const count = Math.max(0, end - start);
  const totals = new Float64Array(count * nYears * N_PLACEMENTS);
  const names = Object.keys(weights);
  const weighted: Record<string, Float64Array> = {};
  for (const name of names) weighted[name] = new Float64Array(count * nYears * N_PLACEMENTS);
  const drawn = newDrawnRates();
  const w = newStepWork();
  let S = new Float64Array(N_CELLS);
  let next = new Float64Array(N_CELLS);
  let P: StepParams | undefined;
  const movesEff = new Float64Array(rates.moves.length);
  const noShifts: never[][] = [];
  const record = (i: number, y: number, cube: Float64Array): void => {
    const off = (i * nYears + y) * N_PLACEMENTS;
    for (let c = 0; c < N_CELLS; c += N_PLACEMENTS)
      for (let p = 0; p < N_PLACEMENTS; p++) totals[off + p]! += cube[c + p]!;
    for (const name of names) {
      const wt = weights[name]!;
      const out = weighted[name]!;
      for (let c = 0; c < N_CELLS; c += N_PLACEMENTS)
        for (let p = 0; p < N_PLACEMENTS; p++) out[off + p]! += cube[c + p]! * wt[c + p]!;
    }
  };
  for (let d = start; d < end; d++) {
    const i = d - start;
    const rng = Rng.stream(seed, d);
    drawRates(rates, prep.trend.growth, prep.trend.se, rng, drawn);
    const trend = trendFactors(prep.trend, prep.horizon, drawn.growth);
    effectiveMoves(drawn.moves, noShifts, prep.possible, prep.fallback, movesEff);
    S.set(initial);
    record(i, 0, S);
    for (let k = 1; k <= prep.horizon; k++) {
      P = stepParamsFor(prep, drawn, k, trend, P, { movesEff, skipNewPlans: true });
      stepStochastic(S, P, next, w, rng, { shape: prep.shapes[k - 1]!, incidence: drawn.incidence, trendFactor: trend[k]! });
      observe?.(d, k, S, next, w);
      record(i, k, next);
      const t = S;
      S = next;
      next = t;
    }
  }
  return { totals, weighted };
}
