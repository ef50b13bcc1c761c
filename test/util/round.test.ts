/** The rounding primitives of the outputs (src/util/round.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundParts, roundPence, roundUnits } from '../../src/util/round.ts';

describe('roundPence', () => {
  it('writes money to the penny without float noise, and never -0', () => {
    expect(roundPence(69272000.00000003)).toBe(69272000);
    expect(roundPence(-71276806.01172876)).toBe(-71276806.01);
    expect(Object.is(roundPence(-0.001), 0)).toBe(true);
  });
});

describe('roundParts and roundUnits (largest remainder)', () => {
  it('adds up to the rounded total, or to a total given', () => {
    expect(roundParts([0.333, 0.333, 0.334], 100)).toEqual([0.33, 0.33, 0.34]);
    expect(roundParts([0.333, 0.333, 0.334], 100, 1.01)).toEqual([0.34, 0.33, 0.34]);
    // a total below the rounded-down parts takes units back from the smallest remainders
    expect(roundUnits([10.9, 20.1, 5], 35)).toEqual([10, 20, 5]);
    expect(roundUnits([])).toEqual([]);
  });

  it('moves no part by a whole unit when the total is within a unit of their sum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.double({ min: -0.999, max: 0.999, noNaN: true }), (units, off) => {
        const sum = units.reduce((a, b) => a + b, 0);
        const target = Math.round(sum + off) + 0;
        if (Math.abs(target - sum) >= 1 - 1e-6) return;
        const whole = roundUnits(units, target);
        expect(whole.reduce((a, b) => a + b, 0)).toBe(target);
        whole.forEach((w, i) => expect(Math.abs(w - units[i]!)).toBeLessThan(1));
      }),
      { numRuns: 500 },
    );
  });
});
