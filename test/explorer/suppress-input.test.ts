import { describe, expect, it } from 'vitest';
import { N_AGES, N_NEEDS, N_PLACEMENTS } from '../../src/domain/index.ts';
import { cellIndex, cubeByPlacement, newCube } from '../../src/model/cube.ts';
import { suppressCube, suppressEngineInput } from '../../src/explorer/suppress-input.ts';
import { fixtureInitial, fixturePopulation, fixtureRates } from '../model/fixtures.ts';

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

  it('lifts small evidence counts to the threshold and says what it did', () => {
    const rates = fixtureRates({ evidence: 0.001 });
    const s = suppressEngineInput({ rates, initial: fixtureInitial(3), population: fixturePopulation(), baseYear: 2025, horizon: 5 }, 5);
    for (const a of [s.input.rates.continuationN, s.input.rates.movesN, s.input.rates.incidenceN]) for (const v of a) expect(v === 0 || v >= 5).toBe(true);
    expect(s.note).toMatch(/from 1 to 4/);
    expect(s.input.population).toBe(s.input.population);
  });
});
