/**
 * The step with process noise (model.md "Uncertainty"), on (age × placement) groups for speed:
 *   ceased[a,p]    ~ Binomial(⌊X⌋, q̄) + frac(X)·q̄,  X = plans at (a, p), q̄ = their mean ceasing probability
 *   moves[a,p,·]   ~ Multinomial(⌊C⌋, M[a][p][·]) + frac(C)·M[a][p][·],  C = continuing plans (after migration)
 *   new[b,p]       ~ Poisson(incidence[b] × trend × Σₙ shape[b,n,p])
 * Counts are split across needs in proportion to their expected share, so the need mix is carried. Fractional
 * plans (from an aggregate starting cube) move in expectation, so the stock identity holds exactly per draw.
 * Net migration stays at its expected share of the stock.
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_ } from '../../domain/index.ts';
import { N_CELLS as N_CELLS_ } from '../cube.ts';
import type { Rng } from '../rng.ts';
import type { NewPlanShape } from '../levers/apply.ts';
import { applyCapacity, hasCapacity, type StepParams, type StepWork } from '../step.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;
const N_CELLS = N_CELLS_;

const NP = N_PLACEMENTS;
const NNP = N_NEEDS * NP;
const counts = new Float64Array(NP);
const nz = new Int32Array(NP);
const groupX = new Float64Array(NP);
const groupE = new Float64Array(NP);
const groupC = new Float64Array(NP);
const groupK = new Float64Array(NP);
const q1s = new Float64Array(N_NEEDS);
const nzNeed = new Int32Array(N_NEEDS);
const needShare = new Float64Array(N_NEEDS);

/**
 * Multinomial counts of `n` (may be fractional) over row `probs[off..off+NP)` into `counts` by conditional
 * binomials; the most likely destination takes the remainder (one binomial fewer, and no rounding loss).
 * Returns how many destinations are non-zero, listed in `nz`.
 */
function multinomial(rng: Rng, n: number, probs: Float64Array, off: number): number {
  const ni = Math.floor(n);
  const fr = n - ni;
  let best = -1;
  let bestP = 0;
  let k = 0;
  for (let q = 0; q < NP; q++) {
    const m = probs[off + q]!;
    counts[q] = fr * m;
    if (m > 0) {
      nz[k++] = q;
      if (m > bestP) {
        bestP = m;
        best = q;
      }
    }
  }
  if (best < 0) return 0;
  let remaining = ni;
  let remP = 1;
  for (let i = 0; i < k && remaining > 0; i++) {
    const q = nz[i]!;
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

/** New plans of one step as rate-free shapes × incidence × trend (see levers/apply.ts newPlanShape). */
export interface NewPlanDraw {
  shape: NewPlanShape;
  incidence: Float64Array;
  trendFactor: number;
}

/** Steps `S` into `out` with process noise. Flow accumulators in `w` as in stepDeterministic (moveFlow unused). */
export function stepStochastic(S: Float64Array, P: StepParams, out: Float64Array, w: StepWork, rng: Rng, nw: NewPlanDraw): void {
  out.fill(0);
  w.arrivals.fill(0);
  w.ceased.fill(0);
  w.migration.fill(0);
  w.overflow.fill(0);
  const { cont, moves, netMig } = P;
  const track = hasCapacity(P);
  for (let a = 0; a < N_AGES - 1; a++) {
    // group totals X[p] and expected ceasings E[p], reading the cube contiguously
    groupX.fill(0);
    groupE.fill(0);
    let sa = 0;
    for (let n = 0; n < N_NEEDS; n++) {
      const q1 = 1 - cont[a * N_NEEDS + n]!;
      const base = (a * N_NEEDS + n) * NP;
      for (let p = 0; p < NP; p++) {
        const x = S[base + p]!;
        if (x === 0) continue;
        groupX[p]! += x;
        groupE[p]! += x * q1;
      }
    }
    for (let p = 0; p < NP; p++) {
      const X = groupX[p]!;
      if (X <= 0) {
        groupC[p] = 0;
        continue;
      }
      sa += X;
      const E = groupE[p]!;
      const qbar = E >= X ? 1 : E / X;
      const Xi = Math.floor(X);
      const Cg = rng.binomial(Xi, qbar) + (X - Xi) * qbar;
      groupC[p] = E > 0 ? Cg / E : 0;
    }
    if (sa === 0) continue;
    // continuing per cell = x × (1 − min(1, q1[n] × groupC[p])); with no clamping the group sums are X − ceased
    let maxQ1 = 0;
    for (let n = 0; n < N_NEEDS; n++) {
      const q1 = 1 - cont[a * N_NEEDS + n]!;
      q1s[n] = q1;
      if (q1 > maxQ1) maxQ1 = q1;
    }
    let ca = 0;
    for (let p = 0; p < NP; p++) {
      const X = groupX[p]!;
      if (X <= 0) {
        groupK[p] = 0;
        continue;
      }
      const g = groupC[p]!;
      let k: number;
      if (maxQ1 * g <= 1) k = X - g * groupE[p]!;
      else {
        k = 0;
        for (let n = 0; n < N_NEEDS; n++) {
          const x = S[(a * N_NEEDS + n) * NP + p]!;
          if (x !== 0) k += x * (1 - Math.min(1, q1s[n]! * g));
        }
      }
      if (k < 0) k = 0;
      groupK[p] = k;
      ca += k;
    }
    w.ceased[a] = sa - ca;
    if (ca <= 0) continue;
    let mig = netMig[a]! * sa;
    if (mig < -ca) mig = -ca;
    const f = 1 + mig / ca;
    w.migration[a + 1] = mig;
    for (let p = 0; p < NP; p++) {
      const K = groupK[p]!;
      if (K <= 0) continue;
      const C = K * f;
      const row = (a * NP + p) * NP;
      const k = multinomial(rng, C, moves, row);
      const g = groupC[p]!;
      // need shares of the continuing group, each scaled by 1/K so that Σ shares = 1
      let nn = 0;
      for (let n = 0; n < N_NEEDS; n++) {
        const x = S[(a * N_NEEDS + n) * NP + p]!;
        if (x === 0) continue;
        nzNeed[nn] = n;
        needShare[nn++] = (x * (1 - Math.min(1, q1s[n]! * g))) / K;
      }
      for (let i = 0; i < k; i++) {
        const q = nz[i]!;
        const cq = counts[q]!;
        if (cq === 0) continue;
        const moved = track && q !== p;
        for (let j = 0; j < nn; j++) {
          const idx = ((a + 1) * N_NEEDS + nzNeed[j]!) * NP + q;
          const v = needShare[j]! * cq;
          out[idx]! += v;
          if (moved) w.arrivals[idx]! += v;
        }
      }
    }
  }
  let aged = 0;
  for (let k = (N_AGES - 1) * NNP; k < N_CELLS; k++) aged += S[k]!;
  w.agedOut = aged;
  const { shape, sums } = nw.shape;
  for (let b = 0; b < N_AGES; b++) {
    const kb = nw.incidence[b]! * nw.trendFactor;
    let total = 0;
    if (kb > 0)
      for (let q = 0; q < NP; q++) {
        const s = sums[b * NP + q]!;
        if (s <= 0) continue;
        const k = rng.poisson(s * kb);
        total += k;
        if (k === 0) continue;
        const r = k / s;
        for (let n = 0; n < N_NEEDS; n++) {
          const i = (b * N_NEEDS + n) * NP + q;
          const v = shape[i]! * r;
          if (v === 0) continue;
          out[i]! += v;
          w.arrivals[i]! += v;
        }
      }
    w.newByAge[b] = total;
  }
  applyCapacity(out, P, w);
}
