/**
 * Runs a contiguous range of Monte Carlo draws. Draw d uses its own stream `Rng.stream(seed, d)`, so results do
 * not depend on how draws are split across workers.
 *
 * Per draw: posterior rates (draw-rates.ts) → for each step: effective continuation (and move shifts, if any) for the
 * year, expected new plans (direct: shape × incidence × trend; pipeline: the requests chain with this draw's shares),
 * then the stochastic step, which also returns the placement totals recorded for the draw. Every buffer is allocated
 * once per range.
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import { N_CELLS as N_CELLS_ } from '../cube.ts';
import { stepParamsFor } from '../levers/step-params.ts';
import type { Prepared } from '../prepared.ts';
import { trendFactors } from '../levers/trend.ts';
import { drawnRequestIncidence, initialBacklog, issuedToCube, pipelineYear } from '../pipeline.ts';
import type { Rates } from '../rates.ts';
import { Rng } from '../../util/rng.ts';
import { newStepWork, type StepParams, type StepWork } from '../step.ts';
import { drawPlan, drawRates, newDrawnRates } from './draw-rates.ts';
import { nextMovesVersion, stepStochastic, type NewPlanDraw } from './stochastic-step.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;
const N_CELLS = N_CELLS_;

export interface DrawJob {
  prep: Prepared;
  rates: Rates;
  initial: Float64Array;
  seed: number;
  weights: Record<string, Float64Array>;
  /** Move rows (age × placement) whose parameters are drawn (default: all); see engine.ts activeRows. */
  active?: Uint8Array;
}

export interface DrawOutput {
  /** (end − start) × years × N_PLACEMENTS placement totals. */
  totals: Float64Array;
  weighted: Record<string, Float64Array>;
}

/** Hook for tests: called after every step of every draw with the draw's stocks and flows. */
export type StepObserver = (draw: number, k: number, S: Float64Array, next: Float64Array, w: StepWork) => void;

/**
 * Whether draws can run on the collapsed layout (age × placement, needs summed): the group-level process noise
 * splits every group across needs by expected shares, so placement totals do not depend on the need mix unless
 * continuation differs by need (`more_ceasing` targeted at needs), a move shift is restricted to needs, or a weight
 * differs by need. Collapsed draws consume the same random numbers and give the same totals (to rounding).
 */
export function canCollapse(prep: Prepared, weights: Record<string, Float64Array>): boolean {
  for (const lv of prep.levers) {
    if (lv.moveNeedShifts.some((l) => l.length > 0)) return false;
    for (const f of lv.ceaseFactors)
      for (let a = 0; a < N_AGES; a++)
        for (let n = 1; n < N_NEEDS; n++) if (f.factor[a * N_NEEDS + n] !== f.factor[a * N_NEEDS]) return false;
  }
  for (const wt of Object.values(weights))
    for (let a = 0; a < N_AGES; a++)
      for (let n = 1; n < N_NEEDS; n++)
        for (let p = 0; p < N_PLACEMENTS; p++)
          if (wt[(a * N_NEEDS + n) * N_PLACEMENTS + p] !== wt[a * N_NEEDS * N_PLACEMENTS + p]) return false;
  return true;
}

/** Sums a full cube over needs into the collapsed layout (age × placement). */
function collapse(cube: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let c = 0; c < N_CELLS; c++) out[Math.floor(c / (N_NEEDS * N_PLACEMENTS)) * N_PLACEMENTS + (c % N_PLACEMENTS)]! += cube[c]!;
  return out;
}

/** Spreads a collapsed cube into the full layout (all plans at need index 0), for observers. */
function expand(small: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let a = 0; a < N_AGES; a++) for (let p = 0; p < N_PLACEMENTS; p++) out[a * N_NEEDS * N_PLACEMENTS + p] = small[a * N_PLACEMENTS + p]!;
  return out;
}

export function runDrawRange(job: DrawJob, start: number, end: number, observe?: StepObserver, opts: { collapse?: boolean } = {}): DrawOutput {
  const { prep, rates, seed } = job;
  const NP = N_PLACEMENTS;
  const small = opts.collapse ?? canCollapse(prep, job.weights);
  const nn = small ? 1 : N_NEEDS;
  const nCells = N_AGES * nn * NP;
  const initial = small ? collapse(job.initial, new Float64Array(nCells)) : job.initial;
  const weights: Record<string, Float64Array> = {};
  for (const [name, wt] of Object.entries(job.weights)) {
    if (!small) weights[name] = wt;
    else {
      const x = new Float64Array(nCells);
      for (let a = 0; a < N_AGES; a++) for (let p = 0; p < NP; p++) x[a * NP + p] = wt[a * N_NEEDS * NP + p]!;
      weights[name] = x;
    }
  }
  const obsS = observe && small ? new Float64Array(N_CELLS) : undefined;
  const obsNext = observe && small ? new Float64Array(N_CELLS) : undefined;
  const nYears = prep.years.length;
  const count = Math.max(0, end - start);
  const totals = new Float64Array(count * nYears * NP);
  const names = Object.keys(weights);
  const weighted: Record<string, Float64Array> = {};
  for (const name of names) weighted[name] = new Float64Array(count * nYears * NP);
  const plan = drawPlan(rates, prep, job.active);
  const drawn = newDrawnRates(plan);
  const w = newStepWork();
  let S = new Float64Array(nCells);
  let next = new Float64Array(nCells);
  let P: StepParams | undefined;
  const trend = new Float64Array(prep.horizon + 1);
  const tot = new Float64Array(NP);
  const initTot = new Float64Array(NP);
  for (let c = 0; c < nCells; c++) initTot[c % NP]! += initial[c]!;
  const ageFactor = new Float64Array(N_AGES);
  // pipeline buffers
  const pp = prep.pipeline;
  const pl = rates.pipeline;
  const reqInc = new Float64Array(N_AGES);
  let bIn: Float64Array = new Float64Array(N_AGES * N_NEEDS);
  let bOut: Float64Array = new Float64Array(N_AGES * N_NEEDS);
  const issued = new Float64Array(N_AGES * N_NEEDS);
  const pipeCube = small ? undefined : new Float64Array(N_CELLS);
  const pipeSums = new Float64Array(N_AGES * NP);
  const ones = new Float64Array(N_AGES).fill(1);
  const nw: NewPlanDraw = { shape: pipeSums, sums: pipeSums, ageFactor };
  const weigh = (i: number, y: number, cube: Float64Array): void => {
    const off = (i * nYears + y) * NP;
    for (const name of names) {
      const wt = weights[name]!;
      const out = weighted[name]!;
      for (let c = 0; c < nCells; c += NP) for (let p = 0; p < NP; p++) out[off + p]! += cube[c + p]! * wt[c + p]!;
    }
  };
  for (let d = start; d < end; d++) {
    const i = d - start;
    const rng = Rng.stream(seed, d);
    drawRates(rates, plan, prep.trend.growth, prep.trend.se, rng, drawn);
    trendFactors(prep.trend, prep.horizon, drawn.growth, trend);
    const drawVersion = nextMovesVersion();
    S.set(initial);
    totals.set(initTot, i * nYears * NP);
    if (names.length) weigh(i, 0, S);
    if (pp && pl) {
      drawnRequestIncidence(pl, rates.incidence, drawn.incidence, reqInc);
      initialBacklog(pp, bIn);
    }
    for (let k = 1; k <= prep.horizon; k++) {
      P = stepParamsFor(prep, drawn, k, trend, P, { movesEff: drawn.moves, skipNewPlans: true });
      if (pp && pl) {
        pipelineYear(pp, prep.levers[k - 1]!, k, reqInc, trend[k]!, drawn, bIn, bOut, issued);
        const t = bIn;
        bIn = bOut;
        bOut = t;
        issuedToCube(pp, k, issued, pipeCube, pipeSums);
        nw.shape = pipeCube ?? pipeSums;
        nw.sums = pipeSums;
        nw.ageFactor = ones;
      } else {
        const sh = prep.shapes[k - 1]!;
        const tk = trend[k]!;
        for (let b = 0; b < N_AGES; b++) ageFactor[b] = drawn.incidence[b]! * tk;
        nw.shape = small ? sh.sums : sh.shape;
        nw.sums = sh.sums;
        nw.ageFactor = ageFactor;
      }
      stepStochastic(S, P, next, w, rng, nw, tot, nn, P.moves === drawn.moves ? drawVersion : nextMovesVersion());
      if (observe) {
        if (small) observe(d, k, expand(S, obsS!), expand(next, obsNext!), w);
        else observe(d, k, S, next, w);
      }
      totals.set(tot, (i * nYears + k) * NP);
      if (names.length) weigh(i, k, next);
      const t = S;
      S = next;
      next = t;
    }
  }
  return { totals, weighted };
}
