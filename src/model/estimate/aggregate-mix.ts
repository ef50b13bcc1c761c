/**
 * Need and placement mixes from aggregate stocks, and the engine's initial cube built from them: single ages ×
 * need share × placement share, with placements impossible at an age removed and the rest renormalised.
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS, NEEDS, PLACEMENTS, isPlacementPossibleAt, needIndex } from '../../domain/index.ts';
import { cellIndex, newCube } from '../cube.ts';
import type { LaDataset } from '../dataset.ts';

/** The latest year ≤ `maxYear` that a year-keyed record holds. */
export function latestYear(rec: Record<number, unknown>, maxYear: number): number | undefined {
  let best: number | undefined;
  for (const k of Object.keys(rec)) {
    const y = Number(k);
    if (y <= maxYear && (best === undefined || y > best)) best = y;
  }
  return best;
}

/** Need shares (length N_NEEDS) at the latest census ≤ baseYear; all UNKNOWN when the data has none. */
export function needShares(ds: LaDataset, baseYear: number): Float64Array {
  const out = new Float64Array(N_NEEDS);
  const y = latestYear(ds.stockByNeed, baseYear);
  if (y !== undefined) for (const n of NEEDS) out[needIndex(n)] = Math.max(0, ds.stockByNeed[y]![n] ?? 0);
  const s = out.reduce((a, b) => a + b, 0);
  if (s > 0) return out.map((v) => v / s);
  out.fill(0);
  out[needIndex('UNKNOWN')] = 1;
  return out;
}

/** Placement shares (length N_PLACEMENTS) at the latest census ≤ baseYear; all NONE when the data has none. */
export function placementShares(ds: LaDataset, baseYear: number): Float64Array {
  const out = new Float64Array(N_PLACEMENTS);
  const y = latestYear(ds.stockByPlacement, baseYear);
  if (y !== undefined) PLACEMENTS.forEach((p, i) => (out[i] = Math.max(0, ds.stockByPlacement[y]![p] ?? 0)));
  const s = out.reduce((a, b) => a + b, 0);
  if (s > 0) return out.map((v) => v / s);
  out.fill(0);
  out[PLACEMENTS.indexOf('NONE')] = 1;
  return out;
}

/** Whether each placement is possible, by age (domain/placements); ages outside 0–25 have none. */
const POSSIBLE_AT: readonly boolean[][] = Array.from({ length: N_AGES }, (_, a) => PLACEMENTS.map((p) => isPlacementPossibleAt(p, a)));
const NONE_POSSIBLE: readonly boolean[] = PLACEMENTS.map(() => false);
const NONE_INDEX = PLACEMENTS.indexOf('NONE');

/** Placement shares possible at `age` (others zeroed), renormalised; falls back to NONE. */
export function placementSharesAtAge(shares: Float64Array, age: number): Float64Array {
  const out = new Float64Array(N_PLACEMENTS);
  const possible = POSSIBLE_AT[age] ?? NONE_POSSIBLE;
  let s = 0;
  for (let i = 0; i < N_PLACEMENTS; i++) {
    if (!possible[i]) continue;
    out[i] = shares[i]!;
    s += shares[i]!;
  }
  if (s > 0) {
    for (let i = 0; i < N_PLACEMENTS; i++) out[i] = out[i]! / s;
    return out;
  }
  out[NONE_INDEX] = 1;
  return out;
}

/** A cube (cube.ts layout) from single-age totals and need / placement shares. */
export function cubeFromShares(byAge: Float64Array, needs: Float64Array, placements: Float64Array): Float64Array {
  const c = newCube();
  for (let a = 0; a < N_AGES; a++) {
    const ps = placementSharesAtAge(placements, a);
    for (let n = 0; n < N_NEEDS; n++) {
      if (needs[n] === 0) continue;
      for (let p = 0; p < N_PLACEMENTS; p++) c[cellIndex(a, n, p)] = byAge[a]! * needs[n]! * ps[p]!;
    }
  }
  return c;
}
