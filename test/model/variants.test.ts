import { describe, expect, it } from 'vitest';
import { N_AGES, N_NEEDS, N_PLACEMENTS, placementIndex } from '../../src/domain/index.ts';
import { emptyRates, moveIndex, newMixIndex } from '../../src/model/rates.ts';
import { applyRatesVariant } from '../../src/model/variants.ts';
import { shiftGrowth } from '../../src/model/levers/trend.ts';

function rates() {
  const r = emptyRates(2025, 'person-level');
  const ms = placementIndex('MS');
  const iss = placementIndex('ISS');
  const ssm = placementIndex('SSM');
  for (let a = 0; a < N_AGES; a++) {
    r.continuation[a] = a >= 16 ? 0.8 : 0.99;
    r.moves[moveIndex(a, ms, ms)] = 0.9;
    r.moves[moveIndex(a, ms, ssm)] = 0.06;
    r.moves[moveIndex(a, ms, iss)] = 0.04;
    r.newMix[newMixIndex(a, 0, ms)] = 0.8;
    r.newMix[newMixIndex(a, 0, iss)] = 0.2;
  }
  r.trend = { growth: 0.08, se: 0.02, damping: 0, longRun: 0.08 };
  return r;
}

const rowSum = (arr: Float64Array, a: number, from: number) => {
  let s = 0;
  for (let to = 0; to < N_PLACEMENTS; to++) s += arr[moveIndex(a, from, to)]!;
  return s;
};

describe('sensitivity variants of the rates', () => {
  it('raises the ISS share by the stated relative amount and keeps every row a probability distribution', () => {
    const base = rates();
    const v = applyRatesVariant(base, { issShareDelta: 0.1 });
    const ms = placementIndex('MS');
    const iss = placementIndex('ISS');
    expect(v.moves[moveIndex(11, ms, iss)]).toBeCloseTo(0.044, 12);
    expect(rowSum(v.moves, 11, ms)).toBeCloseTo(1, 12);
    // the other destinations shrink in proportion: 0.96 → 0.956
    expect(v.moves[moveIndex(11, ms, ms)]! / v.moves[moveIndex(11, ms, placementIndex('SSM'))]!).toBeCloseTo(0.9 / 0.06, 9);
    let mix = 0;
    for (let n = 0; n < N_NEEDS; n++) for (let p = 0; p < N_PLACEMENTS; p++) mix += v.newMix[newMixIndex(5, n, p)]!;
    expect(mix).toBeCloseTo(1, 12);
    expect(v.newMix[newMixIndex(5, 0, iss)]).toBeCloseTo(0.22, 12);
    // the input is untouched
    expect(base.moves[moveIndex(11, ms, iss)]).toBe(0.04);
  });

  it('moves ceasing at 16–19 only, and shifts the incidence trend by percentage points', () => {
    const v = applyRatesVariant(rates(), { ceasing1619Delta: 0.1, incidenceGrowthDelta: 0.02 });
    expect(v.continuation[16]).toBeCloseTo(1 - 0.2 * 1.1, 12);
    expect(v.continuation[19]).toBeCloseTo(0.78, 12);
    expect(v.continuation[20]).toBe(0.8);
    expect(v.continuation[15]).toBe(0.99);
    expect(v.trend.growth).toBeCloseTo(0.1, 12);
  });
});

describe('what a variant copies', () => {
  it('copies only the arrays it changes and never writes the input (a preparer keeps the shapes of an unchanged mix)', () => {
    const base = rates();
    const before = structuredClone(base);
    const growth = applyRatesVariant(base, { incidenceGrowthDelta: 0.02 });
    expect([growth.newMix, growth.moves, growth.continuation]).toEqual([base.newMix, base.moves, base.continuation]);
    expect(growth.newMix).toBe(base.newMix);
    expect(growth.moves).toBe(base.moves);
    expect(growth.continuation).toBe(base.continuation);
    expect(growth.trend).not.toBe(base.trend);
    const cease = applyRatesVariant(base, { ceasing1619Delta: 0.1 });
    expect(cease.newMix).toBe(base.newMix);
    expect(cease.trend).toBe(base.trend);
    expect(cease.continuation).not.toBe(base.continuation);
    const iss = applyRatesVariant(base, { issShareDelta: 0.1 });
    expect(iss.newMix).not.toBe(base.newMix);
    expect(iss.moves).not.toBe(base.moves);
    expect(iss.continuation).toBe(base.continuation);
    expect(base).toEqual(before);
  });
});

describe('the growth variant on a run held to the total-plans forecast', () => {
  it('moves each year of the solved trend path by the same points (else the tornado row would be exactly 0)', () => {
    const base = rates();
    base.trend.path = [1, 1.1, 1.21, 1.21];
    const up = applyRatesVariant(base, { incidenceGrowthDelta: 0.02 });
    const down = applyRatesVariant(base, { incidenceGrowthDelta: -0.02 });
    expect(up.trend.path![1]).toBeCloseTo(1.12, 12);
    expect(up.trend.path![2]).toBeCloseTo(1.2544, 12);
    expect(up.trend.path![3]! / up.trend.path![2]!).toBeCloseTo(1.02, 12); // a flat year grows 2 points
    expect(down.trend.path![2]).toBeCloseTo(1.08 * 1.08, 12);
    expect(base.trend.path).toEqual([1, 1.1, 1.21, 1.21]); // the input is untouched
    expect(shiftGrowth([1, 0, 2], 0.5)).toEqual([1, 0, 2]); // no growth rate from or to a factor of 0
  });
});
