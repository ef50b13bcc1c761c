/** Flag parsers shared by commands: each throws a usage error (exit 2) naming the flag and what it got. */
import { InvalidArgumentError } from 'commander';
import { cliMsg } from '../../messages/index.ts';

/**
 * A whole-number flag from `min` to `max` (both said when it is refused, so a user learns the range whatever they gave).
 * @example intFlag('--horizon', 1, 10)('3') // 3
 */
export function intFlag(name: string, min: number, max: number, why?: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(cliMsg.wholeNumberFlag(name, min, max, value, why));
    return n;
  };
}

/**
 * The fewest Monte Carlo draws whose P10 and P90 are a range: with fewer, the 10th and 90th percentiles are one or two
 * simulated futures (with 1 draw the report read 'From 1 simulated futures, plans in January 2035 lie between 8,914
 * and 8,914 in 8 cases out of 10'). From 10, each end of the range lies between the two most extreme futures on its
 * side or further in: a rough range, but a range (the default is 1000; a script that asks for a few draws to run
 * quickly, 10 or 20, is not refused).
 */
export const DRAWS_MIN = 10;

/** `--draws`: 0 (the deterministic path, P10 = P50 = P90) or from DRAWS_MIN to 1,000,000. */
export function drawsFlag(value: string): number {
  const n = intFlag('--draws', 0, 1_000_000)(value);
  if (n > 0 && n < DRAWS_MIN) throw new InvalidArgumentError(cliMsg.tooFewDraws(n, DRAWS_MIN));
  return n;
}

/** The largest seed: the generator is seeded with 32 bits (util/rng.ts), so a larger seed drew a smaller one's futures. */
export const SEED_MAX = 2 ** 32 - 1;

/** `--seed`: a whole number from 0 to SEED_MAX. */
export function seedFlag(value: string): number {
  // a whole number past SEED_MAX, of any length, is told why; anything else that is no seed gets the range
  if (/^\s*\d+\s*$/.test(value) && Number(value) > SEED_MAX) throw new InvalidArgumentError(cliMsg.seedTooLarge(value.trim(), SEED_MAX));
  return intFlag('--seed', 0, SEED_MAX)(value);
}

export function yearListFlag(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const years = parts.map(Number);
  if (parts.length === 0 || years.some((y, i) => !/^\d{4}$/.test(parts[i]!) || y < 2000 || y > 2100)) {
    throw new InvalidArgumentError(`--origins must be census years separated by commas, e.g. 2017,2018,2019. Got: ${value}`);
  }
  const twice = years.find((y, i) => years.indexOf(y) !== i);
  if (twice !== undefined) throw new InvalidArgumentError(cliMsg.repeatedOrigin(twice, value));
  return years;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Default Monte Carlo draws of `run`. */
export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_WAREHOUSE = '.highneeds/warehouse.duckdb';
