/**
 * One deterministic step of the cohort projection, census Y → Y+1, on flat arrays (model.md "State and step"):
 *
 *   S[Y] ──(1 − cease[a,n])──► continuing ──M[a][p][p']──► × (1 + migration) ──► S[Y+1][a+1]
 *        └─ ceased[a] (by reason downstream)       aged out = S[Y][25]
 *   + new[a'][n][p] (already multiplied by population, incidence, trend, surge, mitigation)
 *   → capacity: arrivals beyond the places of p move to overflowTo[p]
 *
 * Pure: reads `S` and `P`, writes `out` and the flow accumulators in `w`. Per destination age b ≥ 1:
 *   total(S[Y+1], b) = total(S[Y], b−1) − ceased[b−1] + new[b] + migration[b];  agedOut = total(S[Y], 25).
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_ } from '../domain/index.ts';
import { N_CELLS as N_CELLS_ } from './cube.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;
const N_CELLS = N_CELLS_;

const NP = N_PLACEMENTS;
const NNP = N_NEEDS * N_PLACEMENTS;
const TMP_ROW = new Float64Array(NP);

/** Effective parameters of one step (already combined with levers). */
export interface StepParams {
  /** P(continue) per origin age × need (N_AGES × N_NEEDS). */
  cont: Float64Array;
  /** Effective moves per origin age: N_AGES × N_PLACEMENTS × N_PLACEMENTS, rows sum to 1, impossible targets 0. */
  moves: Float64Array;
  /** New plans arriving at the next census (cube). */
  newPlans: Float64Array;
  /** Net migration as a share of the stock at each origin age. */
  netMig: Float64Array;
  /** Places per placement at the next census (Infinity = unconstrained). */
  capacity: Float64Array;
  /** Overflow destination per placement (−1 = none). */
  overflowTo: Int32Array;
  /** Whether placement q is possible at age b: N_AGES × N_PLACEMENTS of 1/0. */
  possible: Uint8Array;
  /**
   * Need-restricted move redirects by origin age (placement_shift with `target.needs`), applied to each targeted
   * need's share of the moving stock; absent or empty lists = none.
   */
  needShifts?: ReadonlyArray<ReadonlyArray<NeedShift>>;
}

/** A redirect of share `share` of the continuing plans of the needs in `needMask` moving into `from` towards `to`. */
export interface NeedShift {
  from: number;
  to: number;
  share: number;
  /** 1/0 per need. */
  needMask: ArrayLike<number>;
}

/**
 * Redirects, in `row[0..NP)` (the destinations of the plans of one need leaving placement `p` at age `a`), the
 * need-restricted shifts that apply to need `n`. Returns whether any applied. Shifts never redirect stayers
 * (`p === from`) nor into a placement impossible at a + 1.
 */
export function applyNeedShifts(list: ReadonlyArray<NeedShift>, n: number, p: number, a: number, possible: Uint8Array, row: Float64Array): boolean {
  let any = false;
  for (let i = 0; i < list.length; i++) {
    const sh = list[i]!;
    if (!sh.needMask[n] || p === sh.from || !possible[(a + 1) * NP + sh.to]) continue;
    const moved = row[sh.from]! * sh.share;
    if (moved === 0) continue;
    row[sh.from]! -= moved;
    row[sh.to]! += moved;
    any = true;
  }
  return any;
}

/** Whether any placement is capacity-constrained in this step (arrivals are only tracked then). */
export function hasCapacity(P: StepParams): boolean {
  for (let q = 0; q < P.capacity.length; q++) if (P.capacity[q] !== Infinity && P.overflowTo[q]! >= 0) return true;
  return false;
}

/** Flow accumulators of one step (overwritten by each step). */
export interface StepWork {
  /** Ceased by origin age (excluding aged out). */
  ceased: Float64Array;
  /** New plans by destination age. */
  newByAge: Float64Array;
  /** Net migration by destination age. */
  migration: Float64Array;
  agedOut: number;
  /** Overflow by destination placement. */
  overflow: Float64Array;
  /** Continuing plans moved per origin age × from × to (after migration, before capacity). */
  moveFlow: Float64Array;
  /** Arrivals (new plans and moves from another placement) per cell of the next census. */
  arrivals: Float64Array;
  contTotal: Float64Array;
}

export function newStepWork(): StepWork {
  return {
    ceased: new Float64Array(N_AGES),
    newByAge: new Float64Array(N_AGES),
    migration: new Float64Array(N_AGES),
    agedOut: 0,
    overflow: new Float64Array(NP),
    moveFlow: new Float64Array(N_AGES * NP * NP),
    arrivals: new Float64Array(N_CELLS),
    contTotal: new Float64Array(N_AGES),
  };
}

/**
 * Steps `S` (census Y) into `out` (census Y+1). `out` must not alias `S`.
 * @example stepDeterministic(stock, params, next, newStepWork())
 */
export function stepDeterministic(S: Float64Array, P: StepParams, out: Float64Array, w: StepWork): void {
  out.fill(0);
  w.arrivals.fill(0);
  w.moveFlow.fill(0);
  w.ceased.fill(0);
  w.migration.fill(0);
  w.overflow.fill(0);
  const { cont, moves, netMig, possible } = P;
  const track = hasCapacity(P);
  const tmp = TMP_ROW;
  for (let a = 0; a < N_AGES - 1; a++) {
    const ns = P.needShifts?.[a];
    const hasNs = ns !== undefined && ns.length > 0;
    // pass 1: continuation, and the migration factor of the cohort
    let sa = 0;
    let ca = 0;
    for (let n = 0; n < N_NEEDS; n++) {
      const c = cont[a * N_NEEDS + n]!;
      const base = (a * N_NEEDS + n) * NP;
      for (let p = 0; p < NP; p++) {
        const x = S[base + p]!;
        sa += x;
        ca += x * c;
      }
    }
    w.ceased[a] = sa - ca;
    w.contTotal[a] = ca;
    if (ca <= 0) continue;
    let mig = netMig[a]! * sa;
    if (mig < -ca) mig = -ca;
    const f = 1 + mig / ca;
    w.migration[a + 1] = mig;
    // pass 2: moves
    const mBase = a * NP * NP;
    for (let n = 0; n < N_NEEDS; n++) {
      const c = cont[a * N_NEEDS + n]! * f;
      const base = (a * N_NEEDS + n) * NP;
      const dest = ((a + 1) * N_NEEDS + n) * NP;
      for (let p = 0; p < NP; p++) {
        const y = S[base + p]! * c;
        if (y === 0) continue;
        const row = mBase + p * NP;
        if (hasNs) {
          for (let q = 0; q < NP; q++) tmp[q] = y * moves[row + q]!;
          if (applyNeedShifts(ns, n, p, a, possible, tmp)) {
            for (let q = 0; q < NP; q++) {
              const v = tmp[q]!;
              if (v === 0) continue;
              out[dest + q]! += v;
              w.moveFlow[row + q]! += v;
              if (track && q !== p) w.arrivals[dest + q]! += v;
            }
            continue;
          }
        }
        for (let q = 0; q < NP; q++) {
          const m = moves[row + q]!;
          if (m === 0) continue;
          const v = y * m;
          out[dest + q]! += v;
          w.moveFlow[row + q]! += v;
          if (track && q !== p) w.arrivals[dest + q]! += v;
        }
      }
    }
  }
  let aged = 0;
  for (let k = (N_AGES - 1) * NNP; k < N_CELLS; k++) aged += S[k]!;
  w.agedOut = aged;
  w.ceased[N_AGES - 1] = 0;
  addNewPlans(P.newPlans, out, w);
  applyCapacity(out, P, w);
}

/** Adds new plans to `out` and to the arrivals. */
export function addNewPlans(newPlans: Float64Array, out: Float64Array, w: StepWork): void {
  for (let b = 0; b < N_AGES; b++) {
    let s = 0;
    for (let k = b * NNP; k < (b + 1) * NNP; k++) {
      const v = newPlans[k]!;
      if (v === 0) continue;
      out[k]! += v;
      w.arrivals[k]! += v;
      s += v;
    }
    w.newByAge[b] = s;
  }
}

/**
 * Moves arrivals beyond the places of a placement to its overflow placement (within the same age and need),
 * in two passes so that chains (RP → SSA → ISS) settle. Stayers are never displaced.
 */
export function applyCapacity(out: Float64Array, P: StepParams, w: StepWork, tot?: Float64Array, nNeeds: number = N_NEEDS): void {
  const NN = nNeeds;
  const { capacity, overflowTo, possible } = P;
  for (let pass = 0; pass < 2; pass++) {
    for (let p = 0; p < NP; p++) {
      const cap = capacity[p]!;
      const to = overflowTo[p]!;
      if (cap === Infinity || to < 0 || to === p) continue;
      let total = 0;
      let movable = 0;
      for (let b = 0; b < N_AGES; b++) {
        const ok = possible[b * NP + to]!;
        for (let n = 0; n < NN; n++) {
          const k = (b * NN + n) * NP + p;
          total += out[k]!;
          if (ok) movable += w.arrivals[k]!;
        }
      }
      const excess = total - cap;
      if (excess <= 0 || movable <= 0) continue;
      const share = excess >= movable ? 1 : excess / movable;
      let moved = 0;
      for (let b = 0; b < N_AGES; b++) {
        if (!possible[b * NP + to]) continue;
        for (let n = 0; n < NN; n++) {
          const k = (b * NN + n) * NP;
          const v = w.arrivals[k + p]! * share;
          if (v === 0) continue;
          out[k + p]! -= v;
          w.arrivals[k + p]! -= v;
          out[k + to]! += v;
          w.arrivals[k + to]! += v;
          moved += v;
        }
      }
      w.overflow[to]! += moved;
      if (tot) {
        tot[p]! -= moved;
        tot[to]! += moved;
      }
    }
  }
}
