/**
 * The step with process noise (model.md "Uncertainty"), on (age × placement) groups for speed:
 *   ceased[a,p]    ~ Binomial(⌊X⌋, q̄) + frac(X)·q̄,  X = plans at (a, p), q̄ = their mean ceasing probability
 *   moves[a,p,·]   ~ Multinomial(⌊C⌋, M[a][p][·]) + frac(C)·M[a][p][·],  C = continuing plans (after migration)
 *   new[b,p]       ~ Poisson(ageFactor[b] × Σₙ shape[b,n,p])
 * Counts are split across needs in proportion to their expected share, so the need mix is carried. Fractional
 * plans (from an aggregate starting cube) move in expectation, so the stock identity holds exactly per draw.
 * Net migration stays at its expected share of the stock. Need-restricted placement shifts act on each targeted
 * need's share of the group's moves (in expectation).
 *
 * Speed: one pass over the origin age's cells builds the group totals and the list of non-empty needs per group;
 * empty groups and needs are skipped; all scratch arrays are allocated once per thread (no allocation per step).
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import type { Rng } from '../../util/rng.ts';
import { applyCapacity, applyNeedShifts, hasCapacity, type StepParams, type StepWork } from '../step.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;

const NP = N_PLACEMENTS;

/** Scratch arrays of the stochastic step (one set per thread). */
interface Scratch {
  counts: Float64Array;
  groupX: Float64Array;
  groupE: Float64Array;
  groupC: Float64Array;
  groupK: Float64Array;
  q1s: Float64Array;
  /** Non-empty needs per group: NP × N_NEEDS need indices, with `groupNn[p]` entries used. */
  groupNeeds: Int32Array;
  groupNn: Int32Array;
  needShare: Float64Array;
  row: Float64Array;
  /** Compact move rows, valid while `rowVer[r] === movesVersion`: count, most likely destination, destinations. */
  rowVer: Int32Array;
  rowK: Int32Array;
  rowBest: Int32Array;
  rowNz: Int32Array;
}

const SCRATCH: Scratch = {
  counts: new Float64Array(NP),
  groupX: new Float64Array(NP),
  groupE: new Float64Array(NP),
  groupC: new Float64Array(NP),
  groupK: new Float64Array(NP),
  q1s: new Float64Array(N_NEEDS),
  groupNeeds: new Int32Array(NP * N_NEEDS),
  groupNn: new Int32Array(NP),
  needShare: new Float64Array(N_NEEDS),
  row: new Float64Array(NP),
  rowVer: new Int32Array(N_AGES * NP).fill(-1),
  rowK: new Int32Array(N_AGES * NP),
  rowBest: new Int32Array(N_AGES * NP),
  rowNz: new Int32Array(N_AGES * NP * NP),
};

let versionCounter = 0;

/**
 * A new version number for the move rows a stochastic step reads: callers pass a fresh one whenever the contents of
 * `P.moves` change (a new draw, or a year with move shifts), so compact rows are rebuilt; the same one otherwise.
 */
export function nextMovesVersion(): number {
  versionCounter = (versionCounter + 1) | 0;
  if (versionCounter < 0) versionCounter = 0;
  return versionCounter;
}

/**
 * Multinomial counts of `n` (may be fractional) over move row `r` of `probs` into `counts` by conditional binomials;
 * the most likely destination takes the remainder (one binomial fewer, and no rounding loss). Returns how many
 * destinations are non-zero, listed in the compact row cache `rowNz[r·NP …]`. `counts` is only written at those.
 */
function multinomial(rng: Rng, n: number, probs: Float64Array, r: number, version: number, sc: Scratch): number {
  const { counts, rowVer, rowK, rowBest, rowNz } = sc;
  const off = r * NP;
  const zo = r * NP;
  if (rowVer[r] !== version) {
    let best = -1;
    let bestP = 0;
    let k = 0;
    for (let q = 0; q < NP; q++) {
      const m = probs[off + q]!;
      if (m > 0) {
        rowNz[zo + k++] = q;
        if (m > bestP) {
          bestP = m;
          best = q;
        }
      }
    }
    rowK[r] = k;
    rowBest[r] = best;
    rowVer[r] = version;
  }
  const k = rowK[r]!;
  const best = rowBest[r]!;
  if (k === 0) return 0;
  const ni = Math.floor(n + 1e-9);
  const fr = n > ni ? n - ni : 0;
  for (let i = 0; i < k; i++) {
    const q = rowNz[zo + i]!;
    counts[q] = fr * probs[off + q]!;
  }
  let remaining = ni;
  let remP = 1;
  for (let i = 0; i < k && remaining > 0; i++) {
    const q = rowNz[zo + i]!;
    if (q === best) continue;
    const m = probs[off + q]!;
    const c = rng.binomial(remaining, m >= remP ? 1 : m / remP);
    counts[q]! += c;
    remaining -= c;
    remP -= m;
  }
  counts[best]! += remaining;
  return k;
}

/**
 * Expected new plans of one step, before noise: `shape[b,n,p] × ageFactor[b]` (direct path: the rate-free shape of
 * levers/apply.ts newPlanShape with ageFactor = incidence × trend; pipeline: the expected cube with ageFactor = 1).
 * `sums` = Σₙ shape per (age, placement).
 */
export interface NewPlanDraw {
  shape: Float64Array;
  sums: Float64Array;
  ageFactor: Float64Array;
}

/**
 * Steps `S` into `out` with process noise. Flow accumulators in `w` as in stepDeterministic (moveFlow unused;
 * arrivals only kept when capacity binds). When `tot` is given it receives the placement totals of `out`.
 */
export function stepStochastic(
  S: Float64Array,
  P: StepParams,
  out: Float64Array,
  w: StepWork,
  rng: Rng,
  nw: NewPlanDraw,
  tot?: Float64Array,
  /** Needs in the cube layout: N_NEEDS, or 1 for the collapsed layout (age × placement; see run-draws.ts). */
  nNeeds: number = N_NEEDS,
  /** Version of `P.moves` (nextMovesVersion); default: a fresh one (rows rebuilt). */
  movesVersion: number = nextMovesVersion(),
): void {
  const sc = SCRATCH;
  const { rowNz, counts, groupX, groupE, groupC, groupK, q1s, groupNeeds, groupNn, needShare, row } = SCRATCH;
  const { cont, moves, netMig, possible } = P;
  const track = hasCapacity(P);
  const arrivals = w.arrivals;
  const ceased = w.ceased;
  const migration = w.migration;
  const NN = nNeeds;
  const NNPl = NN * NP;
  const nCells = N_AGES * NNPl;
  out.fill(0, 0, nCells);
  if (track) arrivals.fill(0, 0, nCells);
  migration.fill(0);
  w.overflow.fill(0);
  if (tot) tot.fill(0);
  for (let a = 0; a < N_AGES - 1; a++) {
    // one pass: group totals X[p], expected ceasings E[p] and the non-empty needs of each group
    for (let p = 0; p < NP; p++) {
      groupX[p] = 0;
      groupE[p] = 0;
      groupNn[p] = 0;
    }
    let maxQ1 = 0;
    const aBase = a * NNPl;
    for (let n = 0; n < NN; n++) {
      const q1 = 1 - cont[a * N_NEEDS + n]!;
      q1s[n] = q1;
      if (q1 > maxQ1) maxQ1 = q1;
      const base = aBase + n * NP;
      for (let p = 0; p < NP; p++) {
        const x = S[base + p]!;
        if (x === 0) continue;
        groupX[p]! += x;
        groupE[p]! += x * q1;
        groupNeeds[p * N_NEEDS + groupNn[p]!] = n;
        groupNn[p]!++;
      }
    }
    let sa = 0;
    let ca = 0;
    for (let p = 0; p < NP; p++) {
      const X = groupX[p]!;
      if (X <= 0) {
        groupK[p] = 0;
        continue;
      }
      sa += X;
      const E = groupE[p]!;
      const qbar = E >= X ? 1 : E / X;
      const Xi = Math.floor(X + 1e-9);
      const Cg = rng.binomial(Xi, qbar) + (X > Xi ? (X - Xi) * qbar : 0);
      const g = E > 0 ? Cg / E : 0;
      groupC[p] = g;
      // continuing = Σ x × (1 − min(1, q1[n] × g)); with no clamping that is X − g·E
      let k: number;
      if (maxQ1 * g <= 1) k = X - g * E;
      else {
        k = 0;
        const nn = groupNn[p]!;
        for (let j = 0; j < nn; j++) {
          const n = groupNeeds[p * N_NEEDS + j]!;
          k += S[aBase + n * NP + p]! * (1 - Math.min(1, q1s[n]! * g));
        }
      }
      if (k < 0) k = 0;
      groupK[p] = k;
      ca += k;
    }
    ceased[a] = sa - ca;
    if (ca <= 0) continue;
    let mig = netMig[a]! * sa;
    if (mig < -ca) mig = -ca;
    const f = 1 + mig / ca;
    migration[a + 1] = mig;
    const ns = P.needShifts?.[a];
    const hasNs = ns !== undefined && ns.length > 0;
    const destAge = (a + 1) * NNPl;
    for (let p = 0; p < NP; p++) {
      const K = groupK[p]!;
      if (K <= 0) continue;
      const r = a * NP + p;
      const k = multinomial(rng, K * f, moves, r, movesVersion, sc);
      const zo = r * NP;
      const g = groupC[p]!;
      const nn = groupNn[p]!;
      // need shares of the continuing group, each scaled by 1/K so that Σ shares = 1
      for (let j = 0; j < nn; j++) {
        const n = groupNeeds[p * N_NEEDS + j]!;
        needShare[j] = (S[aBase + n * NP + p]! * (1 - Math.min(1, q1s[n]! * g))) / K;
      }
      for (let j = 0; j < nn; j++) {
        const n = groupNeeds[p * N_NEEDS + j]!;
        const sh = needShare[j]!;
        if (sh === 0) continue;
        const dest = destAge + n * NP;
        if (hasNs) {
          for (let q = 0; q < NP; q++) row[q] = 0;
          for (let i = 0; i < k; i++) row[rowNz[zo + i]!] = sh * counts[rowNz[zo + i]!]!;
          if (applyNeedShifts(ns, n, p, a, possible, row)) {
            for (let q = 0; q < NP; q++) {
              const v = row[q]!;
              if (v === 0) continue;
              out[dest + q]! += v;
              if (tot) tot[q]! += v;
              if (track && q !== p) arrivals[dest + q]! += v;
            }
            continue;
          }
        }
        for (let i = 0; i < k; i++) {
          const q = rowNz[zo + i]!;
          const v = sh * counts[q]!;
          if (v === 0) continue;
          out[dest + q]! += v;
          if (tot) tot[q]! += v;
          if (track && q !== p) arrivals[dest + q]! += v;
        }
      }
    }
  }
  ceased[N_AGES - 1] = 0;
  let aged = 0;
  for (let k = (N_AGES - 1) * NNPl; k < nCells; k++) aged += S[k]!;
  w.agedOut = aged;
  const { shape, sums, ageFactor } = nw;
  const newByAge = w.newByAge;
  for (let b = 0; b < N_AGES; b++) {
    const kb = ageFactor[b]!;
    let total = 0;
    if (kb > 0)
      for (let q = 0; q < NP; q++) {
        const s = sums[b * NP + q]!;
        if (s <= 0) continue;
        const k = rng.poisson(s * kb);
        if (k === 0) continue;
        total += k;
        if (tot) tot[q]! += k;
        const r = k / s;
        for (let n = 0; n < NN; n++) {
          const i = b * NNPl + n * NP + q;
          const v = shape[i]! * r;
          if (v === 0) continue;
          out[i]! += v;
          if (track) arrivals[i]! += v;
        }
      }
    newByAge[b] = total;
  }
  if (track) applyCapacity(out, P, w, tot, NN);
}
