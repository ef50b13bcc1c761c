/**
 * Rounding of figures as the outputs write them as numbers, and of parts that must still add up to their total
 * (the largest-remainder method): one home for money to the penny and parts to a unit. Pure.
 */

/**
 * Money as the outputs write it as a number: to the penny. Sums of many fractional costs leave float noise in the
 * last bits (the sample's £69,272,000 was written 69272000.00000003); a penny is the unit money is counted in.
 * Figures tied to each other (lines to their total, the balance chain) are rounded together: budget/published-money.ts.
 * @example roundPence(69272000.00000003) // 69272000
 */
export function roundPence(n: number): number {
  // `+ 0`: an amount that rounds to nothing is 0, never -0
  return Math.round(n * 100) / 100 + 0;
}

/**
 * A figure to a millionth of its unit: far below anything that matters (a plan, a penny) and far above the float
 * noise that sums of fractions leave (19.000000000000004 plans, £69,272,000.00000003), so outputs write no noise
 * while sums of the written figures still hold to a millionth.
 * @example roundMillionths(69272000.00000003) // 69272000
 */
export function roundMillionths(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Parts each rounded to 1/`perUnit` (a millionth of a plan, a penny), adding up exactly to `total` in those units
 * (default: the parts' own sum, rounded). Each part is rounded down, and the units left over go to the parts with
 * the largest remainders; a `total` below the rounded-down parts takes units back from the smallest remainders.
 * With a total within one unit of the parts' sum, no part moves by a whole unit or more.
 * @example roundParts([0.333, 0.333, 0.334], 100) // [0.33, 0.33, 0.34]
 * @example roundParts([0.333, 0.333, 0.334], 100, 1.01) // [0.34, 0.33, 0.34]
 */
export function roundParts(parts: ArrayLike<number>, perUnit: number, total?: number): number[] {
  return roundUnits(
    Array.from(parts, (x) => x * perUnit),
    total === undefined ? undefined : Math.round(total * perUnit),
  ).map((w) => w / perUnit);
}

/**
 * Whole units for `units`, adding up to `target` (default: their sum, rounded): the largest-remainder method.
 * @example roundUnits([33.3, 33.3, 33.4]) // [33, 33, 34]
 */
export function roundUnits(units: readonly number[], target?: number): number[] {
  const whole = units.map(Math.floor);
  const sum = units.reduce((a, b) => a + b, 0);
  let left = (target ?? Math.round(sum)) - whole.reduce((a, b) => a + b, 0);
  if (units.length === 0) return whole;
  const byRemainder = units.map((_, i) => i).sort((i, j) => units[j]! - whole[j]! - (units[i]! - whole[i]!));
  // one unit to each part in turn, largest remainders first (or back from the smallest): more than one round only
  // when the target is further than the parts' count from their sum
  for (let k = 0; left > 0; k++, left--) whole[byRemainder[k % units.length]!]!++;
  for (let k = units.length - 1; left < 0; k--, left++) whole[byRemainder[((k % units.length) + units.length) % units.length]!]!--;
  return whole;
}
