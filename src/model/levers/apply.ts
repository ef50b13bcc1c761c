/**
 * Combines rates with one year's levers into the effective arrays the step reads (model.md "State and step"):
 * continuation per age × need, the move matrices with transition shifts and impossible placements removed, and
 * the new-plan cube. Split so Monte Carlo can re-use the rate-free parts (`newPlanShape`) across draws.
 */
import { N_AGES as N_AGES_, N_NEEDS as N_NEEDS_, N_PLACEMENTS as N_PLACEMENTS_, PLACEMENTS, isPlacementPossibleAt, placementIndex } from '../../domain/index.ts';
import { N_CELLS as N_CELLS_ } from '../cube.ts';
import type { Shift, YearLevers } from './schedule.ts';

// Local copies of the domain sizes: hot loops read locals, not module-namespace bindings (vitest rewrites those).
const N_AGES = N_AGES_;
const N_NEEDS = N_NEEDS_;
const N_PLACEMENTS = N_PLACEMENTS_;
const N_CELLS = N_CELLS_;

const NP = N_PLACEMENTS;
const NNP = N_NEEDS * NP;
const NONE = placementIndex('NONE');

/** 1/0 table: placement q possible at age b (N_AGES × N_PLACEMENTS), from domain/placements. */
export function possibleTable(): Uint8Array {
  const t = new Uint8Array(N_AGES * NP);
  for (let b = 0; b < N_AGES; b++) for (let q = 0; q < NP; q++) t[b * NP + q] = isPlacementPossibleAt(PLACEMENTS[q]!, b) ? 1 : 0;
  return t;
}

/**
 * Where a continuing plan goes when its row has no possible destination (e.g. early years at 4 → 5 with no
 * observed moves): the placement mix of new plans at the next age, else NONE. N_AGES × N_PLACEMENTS by origin age.
 */
export function fallbackDestinations(newMix: Float64Array, possible: Uint8Array): Float64Array {
  const fb = new Float64Array(N_AGES * NP);
  for (let a = 0; a < N_AGES - 1; a++) {
    const b = a + 1;
    let s = 0;
    for (let n = 0; n < N_NEEDS; n++)
      for (let q = 0; q < NP; q++) {
        if (!possible[b * NP + q]) continue;
        const v = newMix[(b * N_NEEDS + n) * NP + q]!;
        fb[a * NP + q]! += v;
        s += v;
      }
    if (s > 0) for (let q = 0; q < NP; q++) fb[a * NP + q]! /= s;
    else fb[a * NP + NONE] = 1;
  }
  return fb;
}

/** Effective moves: base rows, impossible targets zeroed, shifts applied, rows renormalised. */
export function effectiveMoves(
  base: Float64Array,
  shifts: readonly Shift[][],
  possible: Uint8Array,
  fallback: Float64Array,
  out: Float64Array,
): void {
  for (let a = 0; a < N_AGES - 1; a++) {
    const b = a + 1;
    for (let p = 0; p < NP; p++) {
      const row = (a * NP + p) * NP;
      let s = 0;
      for (let q = 0; q < NP; q++) {
        const v = possible[b * NP + q] ? Math.max(0, base[row + q]!) : 0;
        out[row + q] = v;
        s += v;
      }
      if (!(s > 0)) {
        for (let q = 0; q < NP; q++) out[row + q] = fallback[a * NP + q]!;
        s = 1;
      }
      for (const sh of shifts[a] ?? []) {
        if (!sh.includeStayers && p === sh.from) continue;
        if (!possible[b * NP + sh.to]) continue;
        const moved = out[row + sh.from]! * sh.share;
        out[row + sh.from]! -= moved;
        out[row + sh.to]! += moved;
      }
      for (let q = 0; q < NP; q++) out[row + q]! /= s;
    }
  }
  for (let k = (N_AGES - 1) * NP * NP; k < out.length; k++) out[k] = 0;
}

/** Whether any step-age has a move shift. */
export function hasShifts(shifts: readonly Shift[][]): boolean {
  return shifts.some((s) => s.length > 0);
}

/**
 * Applies move shifts to already-effective (normalised, impossible-free) moves: `out` = `eff` with the shifted
 * rows redirected. Equivalent to effectiveMoves(base, shifts, …) because shifts preserve row sums.
 */
export function applyMoveShifts(eff: Float64Array, shifts: readonly Shift[][], possible: Uint8Array, out: Float64Array): void {
  out.set(eff);
  for (let a = 0; a < N_AGES - 1; a++) {
    const list = shifts[a];
    if (!list || list.length === 0) continue;
    for (let p = 0; p < NP; p++) {
      const row = (a * NP + p) * NP;
      for (const sh of list) {
        if (!sh.includeStayers && p === sh.from) continue;
        if (!possible[(a + 1) * NP + sh.to]) continue;
        const moved = out[row + sh.from]! * sh.share;
        out[row + sh.from]! -= moved;
        out[row + sh.to]! += moved;
      }
    }
  }
}

/** Continuation per origin age × need: 1 − cease × Π(more_ceasing factors), clamped to [0, 1]. */
export function effectiveContinuation(cont: Float64Array, lv: YearLevers | undefined, out: Float64Array): void {
  for (let a = 0; a < N_AGES; a++) {
    const base = Math.min(1, Math.max(0, cont[a]!));
    for (let n = 0; n < N_NEEDS; n++) {
      let cease = 1 - base;
      for (const f of lv?.ceaseFactors ?? []) cease *= f.factor[a * N_NEEDS + n]!;
      out[a * N_NEEDS + n] = 1 - Math.min(1, Math.max(0, cease));
    }
  }
}

/** Extra ceasing per origin age × need attributable to each `more_ceasing` lever (applied in scenario order). */
export function ceaseDeltas(cont: Float64Array, lv: YearLevers): Array<{ name: string; delta: Float64Array }> {
  const out = lv.ceaseFactors.map((f) => ({ name: f.name, delta: new Float64Array(N_AGES * N_NEEDS) }));
  for (let a = 0; a < N_AGES; a++)
    for (let n = 0; n < N_NEEDS; n++) {
      let prev = Math.min(1, Math.max(0, 1 - cont[a]!));
      for (let i = 0; i < lv.ceaseFactors.length; i++) {
        const next = Math.min(1, prev * lv.ceaseFactors[i]!.factor[a * N_NEEDS + n]!);
        out[i]!.delta[a * N_NEEDS + n] = next - prev;
        prev = next;
      }
    }
  return out;
}

/** New plans per cell before incidence × trend, with what surges added and each mitigation removed, by age. */
export interface NewPlanShape {
  /** population × mix × surge × mitigation factors (cube). Multiply by incidence[b] × trend for new plans. */
  shape: Float64Array;
  /** Σ over needs of shape per destination age × placement (N_AGES × N_PLACEMENTS). */
  sums: Float64Array;
  /** Surge contribution per destination age, same units as shape. */
  surgeByAge: Float64Array;
  /** Avoided per mitigation per destination age, same units. */
  avoided: Array<{ name: string; byAge: Float64Array }>;
}

/**
 * Applies the year's placement shifts of new plans at age `b` to a need × placement mix (in place): each shift moves
 * its share of the targeted needs' new plans from one placement to another, where the destination is possible.
 */
export function applyNewShifts(mix: Float64Array, lv: YearLevers, b: number, possible: Uint8Array): void {
  for (const sh of lv.newShifts[b] ?? []) {
    if (!possible[b * NP + sh.to]) continue;
    for (let n = 0; n < N_NEEDS; n++) {
      if (!sh.needMask[n]) continue;
      const moved = mix[n * NP + sh.from]! * sh.share;
      mix[n * NP + sh.from]! -= moved;
      mix[n * NP + sh.to]! += moved;
    }
  }
}

/**
 * The rate-free part of new plans at the census of `lv.year`: population[b] × mix[b,n,p] (impossible placements
 * removed and renormalised, placement shifts applied) × surge[b,n] × Π mitigation factors[b,n].
 */
export function newPlanShape(newMix: Float64Array, lv: YearLevers, pop: Float64Array, possible: Uint8Array): NewPlanShape {
  const shape = new Float64Array(N_CELLS);
  const surgeByAge = new Float64Array(N_AGES);
  const avoided = lv.newFactors.map((f) => ({ name: f.name, byAge: new Float64Array(N_AGES) }));
  const mix = new Float64Array(NNP);
  for (let b = 0; b < N_AGES; b++) {
    let s = 0;
    for (let n = 0; n < N_NEEDS; n++)
      for (let q = 0; q < NP; q++) {
        const v = possible[b * NP + q] ? Math.max(0, newMix[(b * N_NEEDS + n) * NP + q]!) : 0;
        mix[n * NP + q] = v;
        s += v;
      }
    if (!(s > 0)) {
      mix.fill(0);
      mix[(N_NEEDS - 1) * NP + NONE] = 1;
      s = 1;
    }
    applyNewShifts(mix, lv, b, possible);
    const popB = pop[b] ?? 0;
    for (let n = 0; n < N_NEEDS; n++) {
      const an = b * N_NEEDS + n;
      let m = 0;
      for (let q = 0; q < NP; q++) m += mix[n * NP + q]!;
      if (m === 0) continue;
      const base = (popB * m) / s;
      const surge = lv.surgeMult[an]!;
      let mit = 1;
      for (let i = 0; i < lv.newFactors.length; i++) {
        const f = lv.newFactors[i]!.factor[an]!;
        avoided[i]!.byAge[b]! += base * surge * mit * (1 - f);
        mit *= f;
      }
      surgeByAge[b]! += base * (surge - 1) * mit;
      const k = base * surge * mit;
      for (let q = 0; q < NP; q++) shape[an * NP + q] = (k * mix[n * NP + q]!) / m;
    }
  }
  const sums = new Float64Array(N_AGES * NP);
  for (let b = 0; b < N_AGES; b++)
    for (let n = 0; n < N_NEEDS; n++)
      for (let q = 0; q < NP; q++) sums[b * NP + q]! += shape[(b * N_NEEDS + n) * NP + q]!;
  return { shape, sums, surgeByAge, avoided };
}

/** new[b,n,p] = incidence[b] × trendFactor × shape[b,n,p]. */
export function fillNewPlans(shape: Float64Array, incidence: Float64Array, trendFactor: number, out: Float64Array): void {
  for (let b = 0; b < N_AGES; b++) {
    const k = incidence[b]! * trendFactor;
    for (let i = b * NNP; i < (b + 1) * NNP; i++) out[i] = shape[i]! * k;
  }
}
