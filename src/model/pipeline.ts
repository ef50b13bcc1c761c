/**
 * The requests → assessments → plans pipeline (model.md "State and step", step 3), used for new plans instead of the
 * direct incidence path when the rates have a pipeline and the scenario does not turn it off:
 *
 *   flow year y = base + k − 1 (plans issued in y appear at census base + k), per age b (at that census) and need n:
 *     requests[b,n]   = requestIncidence[b] × trend(k) × population(k)[b] × needShare[b,n] × surge × Π fewer_requests
 *     assessments     = assessShare × requests                      (assessments started in y)
 *     backlogOut      = carryShare × assessments  → completed in y + 1, at age b + 1 (25 stays 25)
 *     completed       = (1 − carryShare) × assessments + backlogIn
 *     issued[b,n]     = issueShare × Π lower_conversion × completed    → split over placements by the new-plan mix
 *
 * Books: requests = assessments + not assessed; assessments + backlogIn = completed + backlogOut;
 * completed = issued + ended without a plan. With assessShare = issueShare = 1, carryShare = 0 and requestIncidence =
 * incidence this is exactly the direct path. Pure; no allocation per year (callers pass the buffers).
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_, placementIndex } from '../domain/index.ts';
import { applyNewShifts } from './levers/apply.ts';
import type { YearLevers } from './levers/schedule.ts';
import type { PipelineRates, Rates } from './rates.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const NP = N_PLACEMENTS_;
const NNP = N_NEEDS * NP;
const NAN = N_AGES * N_NEEDS;
const NONE = placementIndex('NONE');

/** Rate-free parts of the pipeline, per step k = 1 … horizon (index k − 1). Structured-cloneable. */
export interface PreparedPipeline {
  /** population(k)[b] × needShare[b,n] (N_AGES × N_NEEDS). */
  reqBase: Float64Array[];
  /** Placement split of plans issued at (b, n): N_AGES × N_NEEDS × N_PLACEMENTS, each (b, n) sums to 1. */
  placeDist: Float64Array[];
  /** Distribution (sums to 1) over destination age × need of the backlog open at the base census. */
  backlog0Dist: Float64Array;
  /** Backlog open at the base census. */
  openAtBase: number;
  /** New-plan mitigations in scenario order (for attribution). */
  mitigationOrder: string[];
}

export interface PipelineShares {
  assessShare: number;
  issueShare: number;
  carryShare: number;
}

/** Totals of one pipeline year. */
export interface PipelineYear {
  requests: number;
  assessments: number;
  /** Assessments carried in from the previous year. */
  carriedIn: number;
  completed: number;
  issued: number;
  /** Assessments open at the end of the year (carried into the next). */
  backlog: number;
}

/** Variant of the pipeline used for attribution: without surges, or with only the first `mitigations` new-plan levers. */
export interface PipelineVariant {
  surge: boolean;
  /** Number of new-plan mitigations (scenario order) applied; Infinity = all. */
  mitigations: number;
}

const ALL: PipelineVariant = { surge: true, mitigations: Infinity };

/** Whether the pipeline runs: rates have one and the scenario does not set `projection.pipeline: false`. */
export function pipelineActive(rates: Pick<Rates, 'pipeline'>, flag: boolean | undefined): boolean {
  return rates.pipeline !== undefined && flag !== false;
}

/** Need shares per age of the new-plan mix restricted to possible placements (N_AGES × N_NEEDS). */
function needShares(newMix: Float64Array, possible: Uint8Array): Float64Array {
  const out = new Float64Array(NAN);
  for (let b = 0; b < N_AGES; b++) {
    let s = 0;
    for (let n = 0; n < N_NEEDS; n++)
      for (let q = 0; q < NP; q++) if (possible[b * NP + q]) s += Math.max(0, newMix[b * NNP + n * NP + q]!);
    if (!(s > 0)) {
      out[b * N_NEEDS + N_NEEDS - 1] = 1;
      continue;
    }
    for (let n = 0; n < N_NEEDS; n++) {
      let m = 0;
      for (let q = 0; q < NP; q++) if (possible[b * NP + q]) m += Math.max(0, newMix[b * NNP + n * NP + q]!);
      out[b * N_NEEDS + n] = m / s;
    }
  }
  return out;
}

/**
 * Placement split of issued plans per (age, need) at one step: the new-plan mix with impossible placements removed and
 * the year's placement shifts applied; a need absent from the mix at an age (a backlog plan that aged into it) takes
 * the age's all-need placement mix, else NONE.
 */
function placeDistFor(newMix: Float64Array, lv: YearLevers, possible: Uint8Array): Float64Array {
  const out = new Float64Array(N_AGES * NNP);
  const mix = new Float64Array(NNP);
  const all = new Float64Array(NP);
  for (let b = 0; b < N_AGES; b++) {
    for (let n = 0; n < N_NEEDS; n++)
      for (let q = 0; q < NP; q++) mix[n * NP + q] = possible[b * NP + q] ? Math.max(0, newMix[b * NNP + n * NP + q]!) : 0;
    applyNewShifts(mix, lv, b, possible);
    all.fill(0);
    let sAll = 0;
    for (let i = 0; i < NNP; i++) {
      all[i % NP]! += mix[i]!;
      sAll += mix[i]!;
    }
    for (let n = 0; n < N_NEEDS; n++) {
      let m = 0;
      for (let q = 0; q < NP; q++) m += mix[n * NP + q]!;
      const o = b * NNP + n * NP;
      if (m > 0) for (let q = 0; q < NP; q++) out[o + q] = mix[n * NP + q]! / m;
      else if (sAll > 0) for (let q = 0; q < NP; q++) out[o + q] = all[q]! / sAll;
      else out[o + NONE] = 1;
    }
  }
  return out;
}

/**
 * Rate-free parts of the pipeline for every step. `pops[k − 1]` is the population at census base + k, `popBase` at
 * the base census (for the age profile of the backlog open then).
 */
export function preparePipeline(
  rates: Rates,
  levers: readonly YearLevers[],
  pops: readonly Float64Array[],
  popBase: Float64Array,
  possible: Uint8Array,
  mitigationOrder: string[],
): PreparedPipeline {
  const pl = rates.pipeline!;
  const share = needShares(rates.newMix, possible);
  const reqBase = pops.map((pop) => {
    const out = new Float64Array(NAN);
    for (let b = 0; b < N_AGES; b++) for (let n = 0; n < N_NEEDS; n++) out[b * N_NEEDS + n] = (pop[b] ?? 0) * share[b * N_NEEDS + n]!;
    return out;
  });
  const placeDist = levers.map((lv) => placeDistFor(rates.newMix, lv, possible));
  // the backlog open at the base census: requested in base − 1 (age b at census base), issued at age b + 1
  const backlog0Dist = new Float64Array(NAN);
  let s = 0;
  for (let b = 0; b < N_AGES; b++)
    for (let n = 0; n < N_NEEDS; n++) {
      const v = (popBase[b] ?? 0) * pl.requestIncidence[b]! * share[b * N_NEEDS + n]!;
      backlog0Dist[Math.min(b + 1, N_AGES - 1) * N_NEEDS + n]! += v;
      s += v;
    }
  if (s > 0) for (let i = 0; i < NAN; i++) backlog0Dist[i]! /= s;
  return { reqBase, placeDist, backlog0Dist, openAtBase: pl.openAtBase, mitigationOrder };
}

/** The backlog open at the base census, per destination age × need of the first step, into `out`. */
export function initialBacklog(pp: PreparedPipeline, out: Float64Array): Float64Array {
  for (let i = 0; i < NAN; i++) out[i] = pp.openAtBase * pp.backlog0Dist[i]!;
  return out;
}

/**
 * One pipeline year (step k): reads `backlogIn`, writes `backlogOut` (destination ages of step k + 1) and `issued`
 * (plans issued per age × need at census base + k). `reqInc` = request incidence by age (drawn or estimated).
 */
export function pipelineYear(
  pp: PreparedPipeline,
  lv: YearLevers,
  k: number,
  reqInc: Float64Array,
  trendK: number,
  sh: PipelineShares,
  backlogIn: Float64Array,
  backlogOut: Float64Array,
  issued: Float64Array,
  variant: PipelineVariant = ALL,
): PipelineYear {
  const base = pp.reqBase[k - 1]!;
  const surge = lv.surgeMult;
  const c = Math.min(1, Math.max(0, sh.carryShare));
  const sa = sh.assessShare;
  const si = sh.issueShare;
  let reqFactors: Float64Array[] = EMPTY;
  let issueFactors: Float64Array[] = EMPTY;
  if (lv.newFactors.length) {
    reqFactors = [];
    issueFactors = [];
    for (const f of lv.newFactors) {
      if (!(pp.mitigationOrder.indexOf(f.name) < variant.mitigations)) continue;
      (f.kind === 'lower_conversion' ? issueFactors : reqFactors).push(f.factor);
    }
  }
  backlogOut.fill(0);
  let requests = 0;
  let assessments = 0;
  let carriedIn = 0;
  let completed = 0;
  let issuedTotal = 0;
  let backlog = 0;
  for (let b = 0; b < N_AGES; b++) {
    const kb = reqInc[b]! * trendK;
    const next = Math.min(b + 1, N_AGES - 1) * N_NEEDS;
    for (let n = 0; n < N_NEEDS; n++) {
      const i = b * N_NEEDS + n;
      let r = kb * base[i]!;
      if (r !== 0) {
        if (variant.surge) r *= surge[i]!;
        for (let j = 0; j < reqFactors.length; j++) r *= reqFactors[j]![i]!;
      }
      const a = sa * r;
      const out = c * a;
      const inn = backlogIn[i]!;
      const comp = a - out + inn;
      let f = si;
      for (let j = 0; j < issueFactors.length; j++) f *= issueFactors[j]![i]!;
      const iss = f * comp;
      issued[i] = iss;
      backlogOut[next + n]! += out;
      requests += r;
      assessments += a;
      carriedIn += inn;
      completed += comp;
      issuedTotal += iss;
      backlog += out;
    }
  }
  return { requests, assessments, carriedIn, completed, issued: issuedTotal, backlog };
}

const EMPTY: Float64Array[] = [];

/**
 * Splits issued plans (age × need) over placements into the new-plan cube `out` (when given), and Σₙ per (age,
 * placement) into `sums` (when given).
 */
export function issuedToCube(pp: PreparedPipeline, k: number, issued: Float64Array, out: Float64Array | undefined, sums?: Float64Array): void {
  const dist = pp.placeDist[k - 1]!;
  if (sums) sums.fill(0);
  for (let b = 0; b < N_AGES; b++)
    for (let n = 0; n < N_NEEDS; n++) {
      const v = issued[b * N_NEEDS + n]!;
      const o = b * NNP + n * NP;
      if (v === 0) {
        if (out) for (let q = 0; q < NP; q++) out[o + q] = 0;
        continue;
      }
      for (let q = 0; q < NP; q++) {
        const x = v * dist[o + q]!;
        if (out) out[o + q] = x;
        if (sums) sums[b * NP + q]! += x;
      }
    }
}

/** Request incidence of a draw: the estimate scaled per age as the draw scaled incidence. */
export function drawnRequestIncidence(pl: PipelineRates, incidence: Float64Array, drawnIncidence: Float64Array, out: Float64Array): Float64Array {
  for (let b = 0; b < N_AGES; b++) {
    const i = incidence[b]!;
    out[b] = i > 0 ? (pl.requestIncidence[b]! * drawnIncidence[b]!) / i : pl.requestIncidence[b]!;
  }
  return out;
}
