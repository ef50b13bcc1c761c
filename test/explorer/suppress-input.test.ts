import { describe, expect, it } from 'vitest';
import { payloadSource } from './payload-source.ts';
import { N_AGES, N_NEEDS, N_PLACEMENTS, PLACEMENTS } from '../../src/domain/index.ts';
import { cellIndex, cubeByPlacement, newCube } from '../../src/model/cube.ts';
import { placementPools, suppressCube, suppressEngineInput } from '../../src/explorer/suppress-input.ts';
import { computeVariant } from '../../src/explorer/compute.ts';
import { explorerPayload } from '../../src/explorer/payload.ts';
import { fixtureInitial, fixturePopulation, fixtureRates } from '../model/fixtures.ts';

/** An LA of 67 plans: 10 at each age from 5 to 10, and 4 at 19 and 3 at 20 in the same placement, whose rows join age 10. */
function fewPlans(): Float64Array {
  const c = newCube();
  for (let a = 5; a <= 10; a++) c[cellIndex(a, 0, 0)] = 10;
  c[cellIndex(19, 1, 0)] = 4;
  c[cellIndex(20, 2, 0)] = 3;
  return c;
}

describe('small-count suppression of the explorer data', () => {
  it('leaves no cell and so no sum of cells from 1 to t − 1: a small placement is pooled, the total kept', () => {
    const c = newCube();
    c[cellIndex(10, 0, 4)] = 30;
    c[cellIndex(10, 1, 4)] = 2; // small need group: joins need 0 at age 10
    c[cellIndex(11, 2, 4)] = 3; // small age: joins age 10
    c[cellIndex(20, 0, 9)] = 1.5; // a placement of 2.5 plans: its group (post-16) is small, drawn in the grey band
    c[cellIndex(21, 3, 9)] = 1; // with the smallest other group, so it is pooled into that group's largest placement
    const out = suppressCube(c, 5);
    for (let i = 0; i < out.length; i++) expect(out[i] === 0 || out[i]! >= 5).toBe(true);
    const before = Array.from(cubeByPlacement(c));
    const after = Array.from(cubeByPlacement(out));
    expect(after[9]).toBe(0);
    expect(after[4]).toBe(37.5);
    expect(after.reduce((s, v) => s + v, 0)).toBe(before.reduce((s, v) => s + v, 0));
    for (let p = 0; p < N_PLACEMENTS; p++)
      for (let a = 0; a < N_AGES; a++) {
        let row = 0;
        for (let n = 0; n < N_NEEDS; n++) row += out[cellIndex(a, n, p)]!;
        expect(row === 0 || row >= 5).toBe(true);
      }
  });

  it('pools a placement whose every age holds the same small count at one age: no group of 2 left', () => {
    const c = newCube();
    c[cellIndex(10, 0, 4)] = 30;
    for (const a of [5, 8, 12, 14, 16]) c[cellIndex(a, a % N_NEEDS, 7)] = 2; // 10 plans, 2 at each of five ages: none reaches 5
    const out = suppressCube(c, 5);
    const held = [];
    for (let a = 0; a < N_AGES; a++) for (let n = 0; n < N_NEEDS; n++) if (out[cellIndex(a, n, 7)]! > 0) held.push(out[cellIndex(a, n, 7)]);
    expect(held).toEqual([10]);
    expect(out[cellIndex(10, 0, 4)]).toBe(30);
  });

  it('pools what the workbook hides: the band into its largest placement, the hidden placements of a shown group together', () => {
    const counts = PLACEMENTS.map(() => 0);
    Object.assign(counts, { 1: 40, 3: 2, 4: 30, 5: 6, 6: 3, 9: 8 }); // MS 40, IMS 2, SSM 30, SSA 6, ISS 3, FE 8
    // the band: independent special (3) with post-16 (8); the workbook hides IMS with MS beside it, and SSA with SSM
    const pools = placementPools({ counts, band: ['INDEPENDENT_SPECIAL', 'POST16'], hidden: [1, 3, 4, 5, 6, 9] }, 10);
    expect(pools).toEqual([
      { into: 9, from: [6, 9], band: true },
      { into: 1, from: [1, 3] },
      { into: 4, from: [4, 5] },
    ]);
    // a group with one hidden placement, or hidden ones of a small sum, is pooled whole
    expect(placementPools({ counts, band: [], hidden: [3] }, 10)).toEqual([{ into: 1, from: [1, 3] }]);
    // pooled plans are priced at the costs of the placement they join: one with a cost, not NEET's nothing
    const other = PLACEMENTS.map((_, q) => ({ 0: 12, 1: 400, 13: 30 })[q] ?? 0);
    expect(placementPools({ counts: other, band: [], hidden: [0, 13] }, 10)).toEqual([{ into: 0, from: [0, 13] }]);
  });

  it('lifts small evidence counts to the threshold and says what it did', () => {
    const rates = fixtureRates({ evidence: 0.001 });
    const input = { rates, initial: fixtureInitial(3), population: fixturePopulation(), baseYear: 2025, horizon: 5 };
    const s = suppressEngineInput(input, 5);
    for (const a of [s.rates.continuationN, s.rates.movesN, s.rates.incidenceN]) for (const v of a) expect(v === 0 || v >= 5).toBe(true);
    expect(s.population).toBe(input.population);
  });

  it('says, measured, how far the page is then from the run: a small LA is not "slightly" off', () => {
    const source = payloadSource({ input: { rates: fixtureRates(), initial: fewPlans(), population: fixturePopulation(), baseYear: 2025, horizon: 5 } });
    const full = explorerPayload(source);
    const page = explorerPayload({ ...source, suppressSmallCounts: 5 });
    const run = computeVariant(full, full.scenario).projection;
    const shown = computeVariant(page, page.scenario).projection;
    // the year whose total differs most, relative, with both totals, as the note gives them
    const rel = run.years.map((_, i) => Math.abs(shown.totalQuantiles[i]!.p50 / run.totalQuantiles[i]!.p50 - 1));
    const i = rel.indexOf(Math.max(...rel));
    expect(rel[i]!).toBeGreaterThan(0.001);
    const note = page.suppression!.note;
    // the page's cards say their figures are not the run's (cards.ts)
    expect(page.suppression!.differs).toBe(true);
    expect(full.suppression).toBeUndefined();
    expect(note).toMatch(/from 1 to 4/);
    expect(note).not.toMatch(/slightly/);
    const m = /total EHC plans by up to ([\d.]+)% \(January (\d+): ([\d,.]+) here, ([\d,.]+) in the run\)/.exec(note);
    expect(m, note).not.toBeNull();
    const num = (x: string): number => Number(x.replace(/,/g, ''));
    expect([m![1], Number(m![2])]).toEqual([(rel[i]! * 100).toFixed(1), run.years[i]]);
    expect(num(m![3]!)).toBeCloseTo(shown.totalQuantiles[i]!.p50, -0.3);
    expect(num(m![4]!)).toBeCloseTo(run.totalQuantiles[i]!.p50, -0.3);
  });
});
