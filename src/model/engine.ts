/**
 * The cohort projection engine (model.md). Pipeline:
 *
 *   EngineInput ──prepare()──► per-year levers, new-plan shapes, capacity, trend      (levers/prepare.ts)
 *        │
 *        ├─ projectDeterministic: stepDeterministic × horizon ──► central path + flows  (step.ts)
 *        ├─ projectDeterministicTotals / projectDeterministicCentral: the same steps, totals or cubes only
 *        └─ planMonteCarlo → draws (runDrawRange, any split) → monteCarloResult:
 *              each draw = posterior rates (Beta/Dirichlet/Gamma/Normal) + stochastic step  (montecarlo/*)
 *              ──► quantiles, drawPlacementTotals;  central = the deterministic path
 *
 * Pure: no I/O, no threads, no Node built-ins (the browser explorer bundles it); randomness only from the seeded
 * generator (src/util/rng.ts). projectMonteCarlo (project-monte-carlo.ts) runs the draws over worker threads.
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_, PLACEMENTS, TRANSITION_POINTS, type Placement } from '../domain/index.ts';
import { addByPlacement, cubeByPlacement } from './cube.ts';
import { ceaseDeltas } from './levers/apply.ts';
import { prepare } from './levers/prepare.ts';
import type { Prepared } from './prepared.ts';
import type { EngineInput, MonteCarloOptions } from './engine-input.ts';
import { steadyMoves, stepParamsFor } from './levers/step-params.ts';
import { trendFactors } from './levers/trend.ts';
import type { DrawJob, DrawOutput } from './montecarlo/run-draws.ts';
import { pointQuantiles, summariseDraws } from './montecarlo/summarise.ts';
import { N_CEASE_REASONS, type Rates } from './rates.ts';
import type { ProjectionResult, TransitionFlows, YearFlows } from './result.ts';
import { newStepWork, stepDeterministic, type StepParams, type StepWork } from './step.ts';
import { initialBacklog, issuedToCube, pipelineYear, type PipelineVariant, type PipelineYear } from './pipeline.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;

export { stepParamsFor };

const NP = N_PLACEMENTS;

/**
 * Deterministic projection: expected flows, no noise. P10 = P50 = P90.
 * @param prep `prepare(input)`, when the caller has it (levers/prepare.ts `trendPreparer`)
 * @example projectDeterministic({ rates, initial, population, baseYear: 2025, horizon: 10 }).totalQuantiles[10].p50
 */
export function projectDeterministic(input: EngineInput, prep: Prepared = prepare(input)): ProjectionResult {
  return deterministicFromPrepared(prep, input);
}

/** The totals path's step accumulators: nothing reads them after a step, so one set serves every call. */
const TOTALS_WORK = newStepWork();

/**
 * The totals path's stocks and step parameters, reused by every call as TOTALS_WORK is (nothing outside a call
 * reads them, and each step writes every element before reading it): the forecast projects every LA at every
 * origin, and these arrays were most of what each projection allocated.
 */
const TOTALS_SCRATCH = {
  stock: new Float64Array(N_AGES * N_NEEDS * NP),
  next: new Float64Array(N_AGES * N_NEEDS * NP),
  cont: new Float64Array(N_AGES * N_NEEDS),
  moves: new Float64Array(N_AGES * NP * NP),
  newPlans: new Float64Array(N_AGES * N_NEEDS * NP),
  byPlacement: new Float64Array(NP),
};

/**
 * The census cubes of `projectDeterministic(input)` in order, base first, bit for bit (the same prepared levers,
 * step parameters, pipeline run and steps), handed to `onCube` as they are made. With `reuse` the stock arrays
 * are recycled (a cube is valid only during its call); without, each cube is a new array the caller may keep.
 * `scratch`: arrays to step in instead of new ones (with `reuse`; `onCube` must not project meanwhile).
 */
function deterministicCubes(
  prep: Prepared,
  input: EngineInput,
  w: StepWork,
  reuse: boolean,
  onCube: (cube: Float64Array) => void,
  scratch?: typeof TOTALS_SCRATCH,
): void {
  const { rates } = input;
  const trend = trendFactors(prep.trend, prep.horizon);
  const issued = prep.pipeline ? pipelineChain(prep, rates, trend, { surge: true, mitigations: Infinity }).issued : undefined;
  const sized = scratch !== undefined && reuse && input.initial.length === scratch.stock.length;
  let S = sized ? scratch.stock : new Float64Array(input.initial.length);
  S.set(input.initial);
  onCube(S);
  let next = sized ? scratch.next : new Float64Array(S.length);
  let P: StepParams | undefined = sized
    ? {
        cont: scratch.cont,
        moves: scratch.moves,
        newPlans: scratch.newPlans,
        netMig: prep.netMig,
        capacity: prep.capacity.byStep[0]!,
        overflowTo: prep.capacity.overflowTo,
        possible: prep.possible,
      }
    : undefined;
  const movesEff = steadyMoves(prep, rates.moves, sized ? scratch.moves : undefined);
  for (let k = 1; k <= prep.horizon; k++) {
    P = stepParamsFor(prep, rates, k, trend, P, { skipNewPlans: issued !== undefined, movesEff });
    if (issued) issuedToCube(prep.pipeline!, k, issued[k - 1]!, P.newPlans);
    stepDeterministic(S, P, next, w);
    onCube(next);
    if (reuse) [S, next] = [next, S];
    else [S, next] = [next, new Float64Array(S.length)];
  }
}

/**
 * Total plans at census base … base + horizon of `projectDeterministic(input)`, bit for bit (totals summed by
 * placement then over placements as pointQuantiles does), without what only the full result needs: flows,
 * transitions, the pipeline's attribution runs, per-placement quantiles. The forecast's total-plan path
 * (forecast/engine-adapter.ts) runs it for every LA at every origin.
 * @example projectDeterministicTotals(input)[10] === projectDeterministic(input).totalQuantiles[10].p50
 */
export function projectDeterministicTotals(input: EngineInput): number[] {
  const byPlacement = TOTALS_SCRATCH.byPlacement;
  const out: number[] = [];
  deterministicCubes(prepare(input), input, TOTALS_WORK, true, (c) => {
    byPlacement.fill(0);
    addByPlacement(c, byPlacement);
    let t = 0;
    for (let p = 0; p < NP; p++) t += byPlacement[p]!;
    out.push(t);
  }, TOTALS_SCRATCH);
  return out;
}

/**
 * The census cubes of `projectDeterministic(input)`, base first, bit for bit, without flows, transitions or the
 * pipeline's attribution runs: the tornado's re-projections price the cubes and read nothing else.
 * @param prep `prepare(input)`, when the caller has it (levers/prepare.ts `preparer` makes one per set of rates)
 * @example projectDeterministicCentral(input)[10] // the same values as projectDeterministic(input).central[10]
 */
export function projectDeterministicCentral(input: EngineInput, prep: Prepared = prepare(input)): Float64Array[] {
  const central: Float64Array[] = [];
  deterministicCubes(prep, input, newStepWork(), false, (c) => central.push(c));
  return central;
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
  const pipe = prep.pipeline ? pipelineAttribution(prep, rates, trend) : undefined;
  const surgeByAge = new Float64Array(N_AGES);
  const movesEff = steadyMoves(prep, rates.moves);
  for (let k = 1; k <= prep.horizon; k++) {
    const S = central[k - 1]!;
    P = stepParamsFor(prep, rates, k, trend, P, { skipNewPlans: pipe !== undefined, movesEff });
    if (pipe) issuedToCube(prep.pipeline!, k, pipe.issued[k - 1]!, P.newPlans);
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
    const avoidedByMitigation: Record<string, number> = {};
    for (const name of lv.mitigationNames) avoidedByMitigation[name] = 0;
    if (pipe) {
      surgeByAge.set(pipe.surgeByAge[k - 1]!);
      for (const [name, v] of Object.entries(pipe.avoided[k - 1]!)) avoidedByMitigation[name] = (avoidedByMitigation[name] ?? 0) + v;
    } else {
      for (let b = 0; b < N_AGES; b++) surgeByAge[b] = shape.surgeByAge[b]! * rates.incidence[b]! * trend[k]!;
      for (const av of shape.avoided) {
        let s = 0;
        for (let b = 0; b < N_AGES; b++) s += av.byAge[b]! * rates.incidence[b]! * trend[k]!;
        avoidedByMitigation[av.name] = (avoidedByMitigation[av.name] ?? 0) + s;
      }
    }
    let newPlans = 0;
    let migration = 0;
    let surge = 0;
    for (let b = 0; b < N_AGES; b++) {
      newPlans += w.newByAge[b]!;
      migration += w.migration[b]!;
      surge += surgeByAge[b]!;
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
    const yf: YearFlows = { year, newPlans, ceasedByReason, ceased, agedOut: w.agedOut, netMigration: migration, overflow, surgeNewPlans: surge, avoidedByMitigation };
    if (pipe) {
      const py = pipe.years[k - 1]!;
      yf.requests = py.requests;
      yf.assessments = py.completed;
      yf.backlog = py.backlog;
    }
    flows.push(yf);
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
      transitions.push({ year, transition: t, arriving: arriving + np, moves, newPlans: np, surgeNewPlans: surgeByAge[f + 1]! });
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
 * Move rows (age × origin placement) that can hold plans in some draw: those with stock on the deterministic path in
 * a year a step leaves from, and the overflow destinations of constrained placements (the only way a draw can put
 * plans where the deterministic path has none). Other rows are not drawn in Monte Carlo (they move no plans).
 */
function activeRows(central: Float64Array[], prep: Prepared): Uint8Array {
  const act = new Uint8Array(N_AGES * NP);
  for (let k = 0; k < central.length - 1; k++) {
    const c = central[k]!;
    for (let i = 0; i < c.length; i++) if (c[i]! > 0) act[Math.floor(i / (N_NEEDS * NP)) * NP + (i % NP)] = 1;
  }
  const to = prep.capacity.overflowTo;
  for (let hop = 0; hop < 2; hop++)
    for (let a = 0; a < N_AGES; a++)
      for (let p = 0; p < NP; p++) if (act[a * NP + p] && to[p]! >= 0) act[a * NP + to[p]!] = 1;
  return act;
}

/** The pipeline's deterministic run with what surges added and each new-plan mitigation removed, per step. */
interface PipelineAttribution {
  /** Plans issued per age × need, per step (the main run). */
  issued: Float64Array[];
  years: PipelineYear[];
  surgeByAge: Float64Array[];
  avoided: Array<Record<string, number>>;
}

/** Runs the pipeline chain over every step for one variant; returns issued per step (age × need) and the year totals. */
function pipelineChain(prep: Prepared, rates: Rates, trend: Float64Array, variant: PipelineVariant): { issued: Float64Array[]; years: PipelineYear[] } {
  const pp = prep.pipeline!;
  const pl = rates.pipeline!;
  let bIn: Float64Array = initialBacklog(pp, new Float64Array(N_AGES * N_NEEDS));
  let bOut: Float64Array = new Float64Array(N_AGES * N_NEEDS);
  const issued: Float64Array[] = [];
  const years: PipelineYear[] = [];
  for (let k = 1; k <= prep.horizon; k++) {
    const iss = new Float64Array(N_AGES * N_NEEDS);
    years.push(pipelineYear(pp, prep.levers[k - 1]!, k, pl.requestIncidence, trend[k]!, pl, bIn, bOut, iss, variant));
    issued.push(iss);
    const t = bIn;
    bIn = bOut;
    bOut = t;
  }
  return { issued, years };
}

function byAge(an: Float64Array): Float64Array {
  const out = new Float64Array(N_AGES);
  for (let i = 0; i < an.length; i++) out[Math.floor(i / N_NEEDS)]! += an[i]!;
  return out;
}

/**
 * Attribution on the pipeline, as on the direct path: surge part = main − (no surges); mitigation i (scenario order)
 * avoided = (first i levers) − (first i + 1 levers), so the parts add up to the difference from the unmitigated run.
 */
function pipelineAttribution(prep: Prepared, rates: Rates, trend: Float64Array): PipelineAttribution {
  const main = pipelineChain(prep, rates, trend, { surge: true, mitigations: Infinity });
  const noSurge = pipelineChain(prep, rates, trend, { surge: false, mitigations: Infinity });
  const order = prep.pipeline!.mitigationOrder;
  const chains = order.map((_, i) => pipelineChain(prep, rates, trend, { surge: true, mitigations: i }));
  const surgeByAge = main.issued.map((iss, k) => {
    const m = byAge(iss);
    const n = byAge(noSurge.issued[k]!);
    for (let b = 0; b < N_AGES; b++) m[b]! -= n[b]!;
    return m;
  });
  const avoided = main.years.map((_, k) => {
    const rec: Record<string, number> = {};
    order.forEach((name, i) => {
      const before = chains[i]!.years[k]!.issued;
      const after = i + 1 < order.length ? chains[i + 1]!.years[k]!.issued : main.years[k]!.issued;
      rec[name] = (rec[name] ?? 0) + before - after;
    });
    return rec;
  });
  return { issued: main.issued, years: main.years, surgeByAge, avoided };
}

/** Everything a Monte Carlo run needs before its draws: the prepared levers, the deterministic path and the draw job. */
export interface MonteCarloPlan {
  prep: Prepared;
  det: ProjectionResult;
  job: DrawJob;
}

/**
 * The pure first half of a Monte Carlo projection (no threads): prepare the levers, run the deterministic path and
 * build the draw job. Draws run with `runDrawRange(plan.job, start, end)` in any split (one thread, worker threads,
 * a browser Web Worker) and give the same totals; `monteCarloResult` turns them into the projection.
 */
export function planMonteCarlo(input: EngineInput, opts: Pick<MonteCarloOptions, 'seed' | 'weights'>): MonteCarloPlan {
  const prep = prepare(input);
  const det = deterministicFromPrepared(prep, input);
  return { prep, det, job: { prep, rates: input.rates, initial: input.initial, seed: opts.seed, weights: opts.weights ?? {}, active: activeRows(det.central, prep) } };
}

/**
 * The pure second half: quantiles from the draws' placement totals (draws × years × N_PLACEMENTS, in draw order);
 * `central` and `flows` stay the deterministic path (so the stock identity holds exactly on them).
 */
export function monteCarloResult(plan: MonteCarloPlan, draws: number, seed: number, out: DrawOutput): ProjectionResult {
  const { prep, det } = plan;
  const { totalQuantiles, placementQuantiles } = summariseDraws(out.totals, draws, prep.years.length, prep.quantiles);
  return {
    ...det,
    totalQuantiles,
    placementQuantiles,
    draws,
    seed,
    drawPlacementTotals: out.totals,
    weighted: out.weighted,
    notes: [...det.notes, `Monte Carlo: ${draws} draws, seed ${seed}; central path = deterministic projection.`],
  };
}
