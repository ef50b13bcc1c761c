import { describe, expect, it } from 'vitest';
import { payloadSource } from './payload-source.ts';
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../../src/domain/index.ts';
import { cellIndex, cubeByPlacement, newCube } from '../../src/model/cube.ts';
import { suppressCube, suppressEngineInput } from '../../src/explorer/suppress-input.ts';
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
  it('leaves no cell and no age × placement from 1 to t − 1, and keeps every placement total', () => {
    const c = newCube();
    c[cellIndex(10, 0, 4)] = 30;
    c[cellIndex(10, 1, 4)] = 2; // small need group: joins need 0 at age 10
    c[cellIndex(11, 2, 4)] = 3; // small age: joins age 10
    c[cellIndex(20, 0, 9)] = 1.5; // a placement with only small groups: pooled, its total kept
    c[cellIndex(21, 3, 9)] = 1;
    const out = suppressCube(c, 5);
    for (let i = 0; i < out.length; i++) if (out[i]! > 0 && i !== cellIndex(20, 0, 9) && i !== cellIndex(21, 3, 9)) expect(out[i]!).toBeGreaterThanOrEqual(5);
    expect(Array.from(cubeByPlacement(out))).toEqual(Array.from(cubeByPlacement(c)));
    expect(out[cellIndex(10, 0, 4)]).toBe(35);
    for (let p = 0; p < N_PLACEMENTS; p++)
      for (let a = 0; a < N_AGES; a++) {
        let row = 0;
        for (let n = 0; n < N_NEEDS; n++) row += out[cellIndex(a, n, p)]!;
        if (p !== 9) expect(row === 0 || row >= 5).toBe(true);
      }
  });

  it('pools a placement whose every age holds the same small count: no group of 1 left', () => {
    const c = newCube();
    c[cellIndex(10, 0, 4)] = 30;
    for (const a of [5, 8, 12]) c[cellIndex(a, a % N_NEEDS, 7)] = 1; // one plan at each of three ages: equals, none reaches 5
    const out = suppressCube(c, 5);
    const held = [];
    for (let a = 0; a < N_AGES; a++) for (let n = 0; n < N_NEEDS; n++) if (out[cellIndex(a, n, 7)]! > 0) held.push(out[cellIndex(a, n, 7)]);
    expect(held).toEqual([3]);
    expect(out[cellIndex(10, 0, 4)]).toBe(30);
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
