/**
 * Whether two typed arrays hold the same values, bit for bit (Object.is: NaN equals NaN, -0 differs from 0).
 * @example sameValues(Float64Array.of(1, 2), Float64Array.of(1, 2)) // true
 */
export function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
