/**
 * expect(actual).toEqual(expected) and .toStrictEqual(expected) for large values (every table of a warehouse, the
 * persons of a 5 MB SEN2 return, a file's bytes): vitest's deep equality walks them through its matchers' general
 * machinery, about 0.7 s of CPU for the persons of the sample's three returns. A plain walk is tried first: arrays
 * and objects of one prototype key by key (the same own keys, undefined ones too; an array with holes is left to the
 * matcher), numbers and other primitives by Object.is, errors never (the matcher compares their causes), and anything
 * else (bytes, dates, maps, class instances, objects with symbol keys) by Node's util.isDeepStrictEqual. Where it
 * finds the two the same, toStrictEqual (and so toEqual) holds too and nothing else is done; where not, the matcher
 * itself decides, so a test passes and fails exactly as with the matcher, with the same message and diff.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/** Whether `a` and `b` are the same plain data (see above): true only where toStrictEqual holds. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const proto: unknown = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b) || a instanceof Error) return false;
  if (Array.isArray(a)) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!(i in x) || !(i in y) || !sameData(x[i], y[i])) return false;
    // no key but the indexes and length (a symbol, a name given to an array)
    return Reflect.ownKeys(x).length === x.length + 1 && Reflect.ownKeys(y).length === y.length + 1;
  }
  if (proto !== Object.prototype && proto !== null) return isDeepStrictEqual(a, b);
  const keys = Object.keys(a);
  // a symbol or a key not enumerable: left to Node's deep equality
  if (Reflect.ownKeys(a).length !== keys.length || Reflect.ownKeys(b).length !== keys.length) return Object.keys(b).length === keys.length && isDeepStrictEqual(a, b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of keys) if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  return true;
}

/** expect(actual, message).toEqual(expected), quicker where the two are the same. */
export function expectEqual(actual: unknown, expected: unknown, message?: string): void {
  if (sameData(actual, expected)) return;
  expect(actual, message).toEqual(expected);
}

/** expect(actual, message).toStrictEqual(expected), quicker where the two are the same. */
export function expectStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (sameData(actual, expected)) return;
  expect(actual, message).toStrictEqual(expected);
}
