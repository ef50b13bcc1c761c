import { describe, expect, it } from 'vitest';
import { boundedMemo, numbersKey } from '../../src/util/bounded-memo.ts';
import { pycnophylactic } from '../../src/model/estimate/aggregate-apportion.ts';
import { placementSharesByAge } from '../../src/model/estimate/aggregate-mix.ts';
import { N_AGES, N_PLACEMENTS, PLACEMENTS } from '../../src/domain/index.ts';

describe('bounded memo', () => {
  it('makes each key once, keeps at most its limit and lets the oldest go first', () => {
    const memo = boundedMemo<number>(2);
    let made = 0;
    const make = (v: number) => () => (made++, v);
    expect(memo.get('a', make(1))).toBe(1);
    expect(memo.get('a', make(9))).toBe(1);
    expect(memo.get('b', make(2))).toBe(2);
    expect(memo.get('c', make(3))).toBe(3);
    expect(memo.size).toBe(2);
    expect(made).toBe(3);
    expect(memo.get('a', make(4))).toBe(4); // 'a' was the oldest: made again
    expect(memo.get('c', make(9))).toBe(3);
  });

  it('keys numbers exactly: -0, NaN, the last bit and where one list ends all count', () => {
    expect(numbersKey([0.1 + 0.2])).not.toBe(numbersKey([0.3]));
    expect(numbersKey([-0])).not.toBe(numbersKey([0]));
    expect(numbersKey([NaN])).toBe(numbersKey([NaN]));
    expect(numbersKey([1, 2], [3])).not.toBe(numbersKey([1], [2, 3]));
    expect(numbersKey(Float64Array.of(1.5, 2))).toBe(numbersKey([1.5, 2]));
  });
});

describe('memoised fits hand out copies', () => {
  it('a caller that changes the single ages it was given does not change the next caller’s', () => {
    const ranges = [{ from: 0, to: 4, count: 50 }, { from: 5, to: 25, count: 500 }];
    const first = pycnophylactic(ranges);
    const kept = Float64Array.from(first);
    first.fill(-1);
    expect(pycnophylactic(ranges)).toEqual(kept);
  });

  it('a caller that changes its placement shares by age does not change the next caller’s', () => {
    const byAge = Float64Array.from({ length: N_AGES }, (_, a) => (a >= 2 && a <= 23 ? 100 + a : 0));
    const shares = new Float64Array(N_PLACEMENTS).fill(1 / N_PLACEMENTS);
    const first = placementSharesByAge(byAge, shares);
    const kept = first.map((row) => Float64Array.from(row));
    first[10]!.fill(-1);
    const again = placementSharesByAge(byAge, shares);
    expect(again).toEqual(kept);
    // the fit itself: the placements add up to their shares of all plans wherever the ages allow them
    const total = byAge.reduce((s, v) => s + v, 0);
    const fe = PLACEMENTS.indexOf('FE');
    const placed = again.reduce((s, row, a) => s + row[fe]! * byAge[a]!, 0);
    expect(placed / total).toBeCloseTo(1 / N_PLACEMENTS, 6);
  });
});
