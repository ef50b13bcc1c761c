import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N_PLACEMENTS } from '../../src/domain/index.ts';
import { addByPlacement, cubeByPlacement, N_CELLS } from '../../src/model/cube.ts';
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
