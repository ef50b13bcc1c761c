import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N_AGES, N_NEEDS, N_PLACEMENTS, PLACEMENTS, type Placement } from '../../src/domain/index.ts';
import { cellIndex } from '../../src/model/cube.ts';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { estimateRatesFromAggregates, initialCubeFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { PLACEMENT_MIX_STRENGTH, placementShares, pooledPlacementShares } from '../../src/model/estimate/aggregate-mix.ts';
import { newMixIndex } from '../../src/model/rates.ts';
import { HAVE_REAL, realEesDatasets } from './real-files.ts';

const BANDS: ReadonlyArray<readonly [number, number]> = [[0, 4], [5, 10], [11, 15], [16, 19], [20, 25]];
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** A region with 40,000 plans in January 2022, spread over placements possible at every age band it has plans at. */
const REGION_MIX: Partial<Record<Placement, number>> = { EY: 0.02, MS: 0.34, RP: 0.06, SSM: 0.16, SSA: 0.12, ISS: 0.07, AP: 0.02, FE: 0.13, SPI: 0.03, EOTAS: 0.03, NEET: 0.02 };
function region(): LaDataset {
  const ds = emptyDataset({ oldCode: 'R1', newCode: 'E12000099', name: 'Testregion' });
  ds.stockTotal[2022] = 40_000;
  [0.05, 0.35, 0.3, 0.22, 0.08].forEach((s, b) => ds.stockByAge.push({ year: 2022, from: BANDS[b]![0], to: BANDS[b]![1], count: 40_000 * s }));
  ds.stockByPlacement[2022] = Object.fromEntries(Object.entries(REGION_MIX).map(([p, s]) => [p, 40_000 * s]));
  return ds;
}

/** An LA with `bands` plans by age band and `placed` plans by placement at January 2022 (the same total). */
function la(bands: readonly number[], placed: Partial<Record<Placement, number>>): LaDataset {
  const ds = emptyDataset({ oldCode: '901', newCode: 'E09000901', name: 'Tinyborough' });
  ds.regionCode = 'E12000099';
  bands.forEach((n, b) => ds.stockByAge.push({ year: 2022, from: BANDS[b]![0], to: BANDS[b]![1], count: n }));
  ds.stockTotal[2022] = sum([...bands]);
  ds.stockByPlacement[2022] = placed;
  return ds;
}

/** The placement shares of the LA's new plans over all ages, each age weighted by its base-year plans. */
function newPlanPlacements(ds: LaDataset, rates: ReturnType<typeof estimateRatesFromAggregates>): Float64Array {
  const cube = initialCubeFromAggregates(ds, 2022);
  const out = new Float64Array(N_PLACEMENTS);
  let total = 0;
  for (let a = 0; a < N_AGES; a++) {
    let plans = 0;
    for (let n = 0; n < N_NEEDS; n++) for (let p = 0; p < N_PLACEMENTS; p++) plans += cube[cellIndex(a, n, p)]!;
    for (let n = 0; n < N_NEEDS; n++) for (let p = 0; p < N_PLACEMENTS; p++) out[p]! += plans * rates.newMix[newMixIndex(a, n, p)]!;
    total += plans;
  }
  return out.map((v) => v / total);
}

const regionShare = (p: Placement): number => REGION_MIX[p] ?? 0;

describe('pooledPlacementShares: a Dirichlet prior worth PLACEMENT_MIX_STRENGTH plans', () => {
  it('weighs the LA’s plans against the region’s shares: (count + K·π) / (n + K)', () => {
    const ds = la([1, 3, 2, 1, 0], { MS: 5, ISS: 2 });
    const r = pooledPlacementShares(ds, 2022, [region()], 25);
    const ms = PLACEMENTS.indexOf('MS');
    const ssm = PLACEMENTS.indexOf('SSM');
    expect(r.shares[ms]).toBeCloseTo((5 + 25 * 0.34) / 32, 12);
    expect(r.shares[ssm]).toBeCloseTo((25 * 0.16) / 32, 12);
    expect(sum([...r.shares])).toBeCloseTo(1, 12);
    expect(r.ownWeight).toBeCloseTo(7 / 32, 12);
    expect(r.source).toBe("Testregion's (January 2022)");
  });

  it('keeps the LA’s own shares without a region, or without placements of its own', () => {
    const ds = la([1, 3, 2, 1, 0], { MS: 5, ISS: 2 });
    expect(Array.from(pooledPlacementShares(ds, 2022, []).shares)).toEqual(Array.from(placementShares(ds, 2022)));
    const none = la([1, 3, 2, 1, 0], {});
    const r = pooledPlacementShares(none, 2022, [region()]);
    expect(r.ownWeight).toBe(1);
    expect(Array.from(r.shares)).toEqual(Array.from(placementShares(none, 2022)));
  });
});

describe('aggregate estimation of a small LA’s placement mix', () => {
  it('places a tiny LA’s new plans mostly like its region, keeps its base year the data’s, and says so', () => {
    // City of London's pattern: 19 plans, 10 in mainstream, none in a maintained special school
    const ds = la([1, 6, 5, 5, 2], { MS: 10, SSA: 3, ISS: 2, FE: 4 });
    const r = estimateRatesFromAggregates(ds, { baseYear: 2022, ageFallbacks: [region()] });
    const mix = newPlanPlacements(ds, r);
    expect(mix[PLACEMENTS.indexOf('SSM')]).toBeCloseTo((25 * 0.16) / 44, 6);
    expect(mix[PLACEMENTS.indexOf('MS')]).toBeCloseTo((10 + 25 * 0.34) / 44, 6);
    expect(r.notes.join('\n')).toMatch(
      /^Too few plans to show a placement mix for Tinyborough \(19 placed plans at January 2022\): the placements of its projected new plans, and of the plans moving on at transition ages, are 57% Testregion's \(January 2022\) and 43% its own/m,
    );
    // the base year's placements are the data's
    const cube = initialCubeFromAggregates(ds, 2022, [region()]);
    const byPlacement = (p: Placement): number => {
      let s = 0;
      for (let a = 0; a < N_AGES; a++) for (let n = 0; n < N_NEEDS; n++) s += cube[cellIndex(a, n, PLACEMENTS.indexOf(p))]!;
      return s;
    };
    // (the region's maintained special schools, 9% of its new plans, hold none of its January 2022 plans)
    expect(byPlacement('SSM')).toBe(0);
    expect(byPlacement('SPI')).toBe(0);
    expect(PLACEMENTS.reduce((s, p) => s + byPlacement(p), 0)).toBeCloseTo(19, 6);
  });

  it('states the weights without a warning where the LA’s plans outnumber the prior', () => {
    const ds = la([400, 3000, 2500, 1800, 600], { MS: 3000, SSM: 2000, SSA: 1000, ISS: 700, FE: 1200, EOTAS: 400 });
    const notes = estimateRatesFromAggregates(ds, { baseYear: 2022, ageFallbacks: [region()] }).notes.join('\n');
    expect(notes).toMatch(/^Placement mix: Tinyborough's own 8,300 placed plans at January 2022 set 100% of the placements/m);
    expect(notes).not.toMatch(/Too few plans to show a placement mix/);
  });

  it('property: an LA of a few plans never sends its new plans only to the settings its few plans are in', () => {
    const bands = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 5 });
    // its plans in one to three of the school settings its region uses most, all the same total as its ages
    const schools: Placement[] = ['MS', 'SSM', 'SSA', 'ISS', 'RP'];
    const settings = fc.subarray(schools, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(bands, settings, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (b, where, split) => {
        const total = sum(b);
        const placed: Partial<Record<Placement, number>> = {};
        const weights = where.map((_, i) => split[i]! + 1);
        where.forEach((p, i) => (placed[p] = (total * weights[i]!) / sum(weights)));
        const r = estimateRatesFromAggregates(la(b, placed), { baseYear: 2022, ageFallbacks: [region()] });
        const prior = 1 - total / (total + PLACEMENT_MIX_STRENGTH);
        // at every school age, each school setting its region uses gets a good part of the prior's share of it
        for (let a = 5; a <= 15; a++) {
          const at = (p: number): number => {
            let s = 0;
            for (let n = 0; n < N_NEEDS; n++) s += r.newMix[newMixIndex(a, n, p)]!;
            return s;
          };
          let all = 0;
          for (let p = 0; p < N_PLACEMENTS; p++) all += at(p);
          for (const p of schools) {
            const share = at(PLACEMENTS.indexOf(p)) / all;
            expect(Number.isFinite(share)).toBe(true);
            expect(share).toBeGreaterThanOrEqual(0.5 * prior * regionShare(p));
          }
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('placement mix on the real 2022 release (needs the real files, test/real-data.ts)', () => {
  it.skipIf(!HAVE_REAL)('City of London’s new plans are placed mostly like London’s, its January 2022 plans as published', async () => {
    const { datasets, regions, national } = await realEesDatasets();
    const city = datasets.find((d) => d.la.oldCode === '201')!;
    const london = regions.find((r) => r.regionCode === city.regionCode || r.la.newCode === city.regionCode)!;
    const pooled = pooledPlacementShares(city, 2022, [london, national!]);
    expect(pooled.ownWeight).toBeLessThan(0.5);
    const ld = placementShares(london, 2022);
    const own = placementShares(city, 2022);
    for (let p = 0; p < N_PLACEMENTS; p++) expect(Math.abs(pooled.shares[p]! - ld[p]!)).toBeLessThanOrEqual(pooled.ownWeight * Math.abs(own[p]! - ld[p]!) + 1e-9);
    const notes = estimateRatesFromAggregates(city, { baseYear: 2022, ageFallbacks: [london, national!] }).notes.join('\n');
    expect(notes).toMatch(/^Too few plans to show a placement mix for City of London/m);
  });
});
