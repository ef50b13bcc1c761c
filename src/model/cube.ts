/**
 * The engine's state layout: one flat Float64Array over age × need × placement (model.md "State and step").
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../domain/index.ts';

export const N_CELLS = N_AGES * N_NEEDS * N_PLACEMENTS;

/** Index of (age, need index, placement index) in a cube. */
export function cellIndex(age: number, need: number, placement: number): number {
  return (age * N_NEEDS + need) * N_PLACEMENTS + placement;
}

export function newCube(): Float64Array {
  return new Float64Array(N_CELLS);
}

/** Sum of a cube over everything. */
export function cubeTotal(c: Float64Array): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += c[i]!;
  return s;
}

/** Totals by age (length N_AGES). */
export function cubeByAge(c: Float64Array): Float64Array {
  const out = new Float64Array(N_AGES);
  const per = N_NEEDS * N_PLACEMENTS;
  for (let a = 0; a < N_AGES; a++) {
    let s = 0;
    for (let k = 0; k < per; k++) s += c[a * per + k]!;
    out[a] = s;
  }
  return out;
}

/** Totals by need (length N_NEEDS). */
export function cubeByNeed(c: Float64Array): Float64Array {
  const out = new Float64Array(N_NEEDS);
  for (let a = 0; a < N_AGES; a++)
    for (let n = 0; n < N_NEEDS; n++)
      for (let p = 0; p < N_PLACEMENTS; p++) out[n]! += c[cellIndex(a, n, p)]!;
  return out;
}

/** Totals by placement (length N_PLACEMENTS). */
export function cubeByPlacement(c: Float64Array): Float64Array {
  return addByPlacement(c, new Float64Array(N_PLACEMENTS));
}

/**
 * Adds each cell of `c` to `out[i % N_PLACEMENTS]`, in the cube's order (so every placement's sum is the same double
 * as cell by cell), placement by placement within a row rather than with a division per cell: the totals path of
 * every forecast sums each year's cube this way. Returns `out`.
 * @example addByPlacement(cube, new Float64Array(N_PLACEMENTS)) // cubeByPlacement(cube)
 */
export function addByPlacement(c: Float64Array, out: Float64Array): Float64Array {
  const NP = N_PLACEMENTS;
  const whole = c.length - (c.length % NP);
  for (let i = 0; i < whole; i += NP) for (let p = 0; p < NP; p++) out[p]! += c[i + p]!;
  for (let i = whole; i < c.length; i++) out[i - whole]! += c[i]!;
  return out;
}
