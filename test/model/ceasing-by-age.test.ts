import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N_AGES } from '../../src/domain/index.ts';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { estimateRatesFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { cohortProgression, pooledProgression, type Progression } from '../../src/model/estimate/aggregate-cohort.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

const BANDS: ReadonlyArray<readonly [number, number]> = [[0, 4], [5, 10], [11, 15], [16, 19], [20, 25]];
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** A region with tens of thousands of plans, growing, with new plans at every band. */
function region(): LaDataset {
  const ds = emptyDataset({ oldCode: 'R1', newCode: 'E12000099', name: 'Testregion' });
  for (let y = 2016; y <= 2022; y++) {
    const total = 40_000 * 1.08 ** (y - 2016);
    ds.stockTotal[y] = total;
    [0.05, 0.35, 0.3, 0.22, 0.08].forEach((s, b) => ds.stockByAge.push({ year: y, from: BANDS[b]![0], to: BANDS[b]![1], count: total * s }));
    if (y === 2022) continue;
    ds.newPlansTotal[y] = total * 0.14;
    [0.24, 0.46, 0.25, 0.045, 0.005].forEach((s, b) => ds.newPlansByAge.push({ year: y, from: BANDS[b]![0], to: BANDS[b]![1], count: total * 0.14 * s }));
  }
  return ds;
}

/** A tiny LA: `stock[y][b]` plans in band b at January 2019 + y, `fresh[y][b]` new plans in flow year 2019 + y. */
function tinyLa(stock: readonly (readonly number[])[], fresh: readonly (readonly number[])[]): LaDataset {
  const ds = emptyDataset({ oldCode: '901', newCode: 'E09000901', name: 'Tinyborough' });
  ds.regionCode = 'E12000099';
  stock.forEach((bands, i) => {
    bands.forEach((n, b) => ds.stockByAge.push({ year: 2019 + i, from: BANDS[b]![0], to: BANDS[b]![1], count: n }));
    ds.stockTotal[2019 + i] = sum([...bands]);
  });
  fresh.forEach((bands, i) => {
    bands.forEach((n, b) => ds.newPlansByAge.push({ year: 2019 + i, from: BANDS[b]![0], to: BANDS[b]![1], count: n }));
    ds.newPlansTotal[2019 + i] = sum([...bands]);
  });
  return ds;
}

/** Continuation as the aggregate route sets it from progression ratios alone (no stock-flow scaling). */
const continuationOf = (ratio: Float64Array, a: number): number => Math.min(1, ratio[a]!);

describe('pooledProgression: a beta prior worth PROGRESSION_STRENGTH plans at each age', () => {
  const prog = (ratio: number[], evidence: number[]): Progression => ({
    ratio: Float64Array.from({ length: N_AGES }, (_, a) => ratio[a] ?? 0),
    evidence: Float64Array.from({ length: N_AGES }, (_, a) => evidence[a] ?? 0),
    years: [2019, 2020, 2021],
  });

  it('weighs each age by its plans: (n·own + K·prior) / (n + K)', () => {
    const own = prog([0.5, 1, 0.2], [3, 0, 3000]);
    const prior = prog([0.98, 0.97, 0.9], [1e5, 1e5, 1e5]);
    const { prog: p, ownWeight, perAge } = pooledProgression(own, prior, 300);
    expect(p.ratio[0]).toBeCloseTo((3 * 0.5 + 300 * 0.98) / 303, 12);
    // no plans of its own at an age: the prior's ratio (not 1, as the LA's own estimate leaves it)
    expect(p.ratio[1]).toBeCloseTo(0.97, 12);
    expect(p.ratio[2]).toBeCloseTo((3000 * 0.2 + 300 * 0.9) / 3300, 12);
    expect(p.ratio[N_AGES - 1]).toBe(0);
    expect(ownWeight).toBeCloseTo((3 * (3 / 303) + 3000 * (3000 / 3300)) / 3003, 12);
    expect(perAge).toBeCloseTo(3003 / 2 / 3, 12);
    // the evidence is the LA's own
    expect(Array.from(p.evidence)).toEqual(Array.from(own.evidence));
  });

  it('is the LA’s own progression without a prior or with no strength', () => {
    const own = prog([0.5, 1], [3, 4]);
    expect(pooledProgression(own, undefined).prog).toBe(own);
    expect(pooledProgression(own, prog([0.9], [10]), 0).ownWeight).toBe(1);
  });
});

describe('aggregate estimation of a tiny LA’s ceasing by age', () => {
  // City of London's pattern: a plan or two at each age, some cohorts losing their one plan, others gaining one
  const la = tinyLa(
    [
      [1, 7, 5, 6, 0],
      [1, 8, 4, 5, 0],
      [2, 7, 6, 4, 0],
      [1, 8, 5, 5, 0],
    ],
    [
      [0, 1, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
    ],
  );

  it('takes its region’s ceasing at each age, and says so', () => {
    const own = estimateRatesFromAggregates(la, { baseYear: 2022 });
    const pooled = estimateRatesFromAggregates(la, { baseYear: 2022, ageFallbacks: [region()] });
    const reg = cohortProgression(region(), 2022, 3).ratio;
    // its own cohorts: every plan at 19 ceases, and plans at most younger ages come in from nowhere (the 5% cap)
    expect(own.continuation[19]).toBe(0);
    for (let a = 0; a < 24; a++) expect(Math.abs(pooled.continuation[a]! - continuationOf(reg, a))).toBeLessThan(0.02);
    expect(pooled.continuation[19]).toBeGreaterThan(0.5);
    expect(pooled.notes.join('\n')).toMatch(
      /^Too few plans at each age for Tinyborough \(\d\.\d a year on average, January 2019 to January 2022\) to show at which ages its plans end, so its ceasing and net moves by age are 9\d% Testregion's and \d% its own/m,
    );
  });

  it('states the weights without a warning where the LA’s cohorts outnumber the prior', () => {
    const big = tinyLa(
      [0, 1, 2, 3].map((i) => [400, 3000, 2500, 1800, 600].map((n) => n * 1.05 ** i)),
      [0, 1, 2].map((i) => [900, 1200, 500, 90, 10].map((n) => n * 1.05 ** i)),
    );
    const notes = estimateRatesFromAggregates(big, { baseYear: 2022, ageFallbacks: [region()] }).notes.join('\n');
    expect(notes).toMatch(/^Ceasing by age: Tinyborough's own cohorts \(\d+ plans an age a year, January 2019 to January 2022\) set \d+% of its ceasing/m);
    expect(notes).not.toMatch(/Too few plans at each age/);
  });

  it('property: an LA of a few plans an age is never given a ceasing or inflow at any age its region’s cohorts do not show', () => {
    const bands = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }).map((b) => [...b, 0]);
    const newBands = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }).map((b) => [...b, 0]);
    const reg = cohortProgression(region(), 2022, 3).ratio;
    fc.assert(
      fc.property(fc.array(bands, { minLength: 4, maxLength: 4 }), fc.array(newBands, { minLength: 3, maxLength: 3 }), (stock, fresh) => {
        const r = estimateRatesFromAggregates(tinyLa(stock, fresh), { baseYear: 2022, ageFallbacks: [region()] });
        for (let a = 0; a < N_AGES - 1; a++) {
          expect(Math.abs(r.continuation[a]! - continuationOf(reg, a))).toBeLessThan(0.05);
          expect(Number.isFinite(r.netMigration[a]!)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('ceasing by age on the real 2022 release (needs the real files, test/real-data.ts)', () => {
  it.skipIf(!HAVE_REAL)('City of London (19 plans) takes London’s, not 100% at 19 and 8–10% at 10–12', async () => {
    const { datasets, regions, national } = await realEesDatasets();
    const city = datasets.find((d) => d.la.oldCode === '201')!;
    const london = regions.find((r) => r.regionCode === city.regionCode || r.la.newCode === city.regionCode)!;
    const r = estimateRatesFromAggregates(city, { baseYear: 2022, ageFallbacks: [london, national!] });
    const reg = cohortProgression(london, 2022, 3).ratio;
    for (let a = 0; a < N_AGES - 1; a++) expect(Math.abs(r.continuation[a]! - continuationOf(reg, a))).toBeLessThan(0.03);
    expect(1 - r.continuation[19]!).toBeLessThan(0.4);
    for (const a of [10, 11, 12]) expect(1 - r.continuation[a]!).toBeLessThan(0.03);
  });
});
