/**
 * test/equal.ts: its quick walk says two values are the same only where toStrictEqual holds, and a test using it
 * fails where the matcher fails.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectEqual, expectStrictEqual, sameData } from '../equal.ts';

/** Whether toStrictEqual (or toEqual) holds. */
function holds(a: unknown, b: unknown, strict = true): boolean {
  try {
    if (strict) expect(a).toStrictEqual(b);
    else expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

class Point {
  constructor(readonly x: number) {}
}

describe('sameData', () => {
  it('is false where toStrictEqual fails: undefined keys, -0, holes, types, bytes, errors, symbols', () => {
    const sym = Symbol('s');
    const pairs: Array<[unknown, unknown]> = [
      [{ a: 1, b: undefined }, { a: 1 }],
      [{ a: 1 }, { a: 1, b: undefined }],
      [0, -0],
      [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays -- a hole is what is compared
      [new Point(1), { x: 1 }],
      [Buffer.from('abc'), Buffer.from('abd')],
      [new Uint8Array([1]), Buffer.from([1])],
      [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })],
      [{ [sym]: 1 }, { [sym]: 2 }],
      [new Date(0), new Date(1)],
      [new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])],
      [[{ a: [1, 2, { b: 'x' }] }], [{ a: [1, 2, { b: 'y' }] }]],
      ['1', 1],
      [null, undefined],
      [{ a: null }, { a: undefined }],
    ];
    for (const [i, [a, b]] of pairs.entries()) {
      expect(holds(a, b), `pair ${i}`).toBe(false);
      expect(sameData(a, b), `pair ${i}`).toBe(false);
    }
  });

  it('is true where the two are the same data, of any shape', () => {
    const sym = Symbol('s');
    const pairs: Array<[unknown, unknown]> = [
      [NaN, NaN],
      [{ a: 1, b: undefined, c: [1, 'x', null, { d: 2n }] }, { c: [1, 'x', null, { d: 2n }], b: undefined, a: 1 }],
      [Buffer.from('abc'), Buffer.from('abc')],
      [new Point(1), new Point(1)],
      [{ [sym]: 1 }, { [sym]: 1 }],
      [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])],
      [Object.create(null), Object.create(null)],
    ];
    for (const [i, [a, b]] of pairs.entries()) {
      expect(sameData(a, b), `pair ${i}`).toBe(true);
      expect(holds(a, b), `pair ${i}`).toBe(true);
    }
  });

  it('is true only where toStrictEqual holds, for random values and altered copies', () => {
    const value = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true });
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, copy) => {
        const other = copy ? structuredClone(a) : b;
        if (sameData(a, other)) expect(holds(a, other)).toBe(true);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('expectEqual and expectStrictEqual', () => {
  it('fail where the matcher fails, with its message, and pass where it passes', () => {
    expect(() => expectEqual({ a: [1, 2] }, { a: [1, 3] }, 'table stock')).toThrow(/table stock/);
    expect(() => expectStrictEqual({ a: 1, b: undefined }, { a: 1 })).toThrow();
    // toEqual takes a key holding undefined as absent, and a class instance as its keys: so does expectEqual
    expectEqual({ a: 1, b: undefined }, { a: 1 });
    expectEqual(new Point(1), { x: 1 });
    expectEqual([{ a: expect.any(Number) }], [{ a: 5 }].map((x) => ({ a: x.a })).map(() => ({ a: expect.any(Number) })));
    expect(() => expectEqual({ a: 'x' }, { a: expect.any(Number) })).toThrow();
  });
});
