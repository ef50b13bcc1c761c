import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N_AGES, N_PLACEMENTS } from '../../src/domain/index.ts';
import { addByPlacement, cubeByPlacement, N_CELLS } from '../../src/model/cube.ts';
import { placementSharesAtAge, placementSharesByAge } from '../../src/model/estimate/aggregate-mix.ts';
import { effectiveMoves } from '../../src/model/levers/apply.ts';
import { prepare } from '../../src/model/levers/prepare.ts';
import { steadyMoves } from '../../src/model/levers/step-params.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario } from './fixtures.ts';

/** The sums by placement cell by cell, one % a cell: what addByPlacement must give, to the last bit. */
function byPlacementCellByCell(c: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < c.length; i++) out[i % N_PLACEMENTS]! += c[i]!;
  return out;
}

const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('the sum of a cube by placement', () => {
  it('is the same double, placement by placement, as adding the cells one by one in order, for any length', () => {
    fc.assert(
      fc.property(
        fc.float64Array({ minLength: 0, maxLength: 4 * N_PLACEMENTS + 7, noDefaultInfinity: true, noNaN: true }),
        fc.float64Array({ minLength: N_PLACEMENTS, maxLength: N_PLACEMENTS, noNaN: true, noDefaultInfinity: true }),
        (cube, start) => {
          const got = addByPlacement(cube, Float64Array.from(start));
          expect(bits(got)).toBe(bits(byPlacementCellByCell(cube, Float64Array.from(start))));
        },
      ),
    );
  });

  it('of a whole cube of plans: cubeByPlacement reads the same', () => {
    const cube = new Float64Array(N_CELLS).map((_, i) => ((i * 7919) % 1000) / 7 + 1e-3 * i);
    expect(bits(cubeByPlacement(cube))).toBe(bits(byPlacementCellByCell(cube, new Float64Array(N_PLACEMENTS))));
  });
});

describe('the effective moves of a projection without move shifts', () => {
  const input = { rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 5 };

  it('are those every step would make (effectiveMoves with its year’s shifts), made once', () => {
    const prep = prepare(input);
    const once = steadyMoves(prep, input.rates.moves)!;
    expect(once).toBeDefined();
    for (let k = 1; k <= prep.horizon; k++) {
      const each = new Float64Array(once.length);
      effectiveMoves(input.rates.moves, prep.levers[k - 1]!.moveShifts, prep.possible, prep.fallback, each);
      expect(bits(once)).toBe(bits(each));
    }
    const into = new Float64Array(once.length);
    expect(steadyMoves(prep, input.rates.moves, into)).toBe(into);
    expect(bits(into)).toBe(bits(once));
  });

  it('are not made once when a year shifts moves (each step makes its own)', () => {
    const shifted = prepare({
      ...input,
      scenario: scenario({ transition_shifts: [{ transition: 'Y6-Y7', from: 'MS', to: 'SSA', share: 0.3, start_year: 2027 }] }),
    });
    expect(steadyMoves(shifted, input.rates.moves)).toBeUndefined();
  });
});

/** The fit of placements to ages as it was made before it skipped the cells that start at zero: every cell, every round. */
function fitEveryCell(byAge: Float64Array, shares: Float64Array, iterations: number): Float64Array[] {
  const NP = N_PLACEMENTS;
  const m = new Float64Array(N_AGES * NP);
  let total = 0;
  for (let a = 0; a < N_AGES; a++) {
    const plans = Math.max(0, byAge[a] ?? 0);
    const atAge = placementSharesAtAge(shares, a);
    for (let p = 0; p < NP; p++) m[a * NP + p] = atAge[p]! * plans;
    total += plans;
  }
  const want = shares.map((s) => s * total);
  const col = new Float64Array(NP);
  for (let a = 0; a < N_AGES; a++) for (let p = 0; p < NP; p++) col[p]! += m[a * NP + p]!;
  const scale = new Float64Array(NP);
  for (let it = 0; it < iterations && total > 0; it++) {
    for (let p = 0; p < NP; p++) scale[p] = col[p]! > 0 && want[p]! > 0 ? want[p]! / col[p]! : 1;
    col.fill(0);
    for (let a = 0; a < N_AGES; a++) {
      const at = a * NP;
      let row = 0;
      for (let p = 0; p < NP; p++) row += m[at + p]! *= scale[p]!;
      if (row > 0) {
        const f = byAge[a]! / row;
        for (let p = 0; p < NP; p++) m[at + p]! *= f;
      }
      for (let p = 0; p < NP; p++) col[p]! += m[at + p]!;
    }
    let worst = 0;
    for (let p = 0; p < NP; p++) if (col[p]! > 0) worst = Math.max(worst, Math.abs(col[p]! - want[p]!));
    if (worst <= 1e-7 * total) break;
  }
  return Array.from({ length: N_AGES }, (_, a) => {
    const row = m.subarray(a * NP, (a + 1) * NP);
    let s = 0;
    for (let p = 0; p < NP; p++) s += row[p]!;
    return s > 0 ? row.map((v) => v / s) : placementSharesAtAge(shares, a);
  });
}

const rowsBits = (rows: Float64Array[]): string => rows.map(bits).join(' ');

describe('the fit of placements to ages, visiting only the cells that do not start at zero', () => {
  it('gives every share to the last bit as the fit of every cell, for any plans by age and placement shares', () => {
    const counts = fc.float64Array({ minLength: N_AGES, maxLength: N_AGES, min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true });
    const shares = fc.float64Array({ minLength: N_PLACEMENTS, maxLength: N_PLACEMENTS, min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(counts, shares, fc.integer({ min: 1, max: 300 }), (byAge, raw, iterations) => {
        const s = raw.reduce((x, y) => x + y, 0);
        const sh = s > 0 ? raw.map((v) => v / s) : raw;
        expect(rowsBits(placementSharesByAge(byAge, sh, iterations))).toBe(rowsBits(fitEveryCell(byAge, sh, iterations)));
      }),
      { numRuns: 200 },
    );
  });

  it('and where a factor is not finite (plans of 1e-310 beside a plan of 1: 0 × it is NaN), as every cell did', () => {
    const byAge = new Float64Array(N_AGES).fill(1e-310);
    byAge[10] = 1;
    const shares = new Float64Array(N_PLACEMENTS).fill(0.5 / (N_PLACEMENTS - 1));
    shares[0] = 0.5; // early years: possible at ages 0-4 alone, where the plans are 1e-310
    // the first round's factor for early years: half of all plans over the few at ages 0-4
    let total = 0;
    let early = 0;
    for (let a = 0; a < N_AGES; a++) {
      total += byAge[a]!;
      if (a <= 4) early += placementSharesAtAge(shares, a)[0]! * byAge[a]!;
    }
    expect((shares[0]! * total) / early).toBe(Infinity);
    expect(rowsBits(placementSharesByAge(byAge, shares, 200))).toBe(rowsBits(fitEveryCell(byAge, shares, 200)));
  });
});
