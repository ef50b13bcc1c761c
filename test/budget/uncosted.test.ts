/**
 * Plans no unit-cost row prices (budget/uncosted.ts): a placement with none, a phase or need its rows leave out, and
 * a placement with no row that only the draws put plans in. NEET and awaiting provision need no row.
 */
import { describe, expect, it } from 'vitest';
import { uncostedPlacements } from '../../src/budget/uncosted.ts';
import { resolveUnitCosts } from '../../src/budget/unit-costs.ts';
import type { UnitCostRow } from '../../src/budget/tables.ts';
import { projection } from './fixtures.ts';

const rows: UnitCostRow[] = [
  { placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 },
  { placement: 'SSA', phase: 'SECONDARY', annualCostGbp: 21_000, priceYear: 2025 },
  { placement: 'SSA', phase: 'POST16', need: 'ASD', annualCostGbp: 23_000, priceYear: 2025 },
];
const unit = resolveUnitCosts(rows);

describe('uncostedPlacements', () => {
  it('names a placement with no row, its first and its largest year', () => {
    const p = projection({ years: [2025, 2026, 2027], cells: [[{ placement: 'SSM', age: 12, plans: 50 }], [{ placement: 'ISS', age: 12, plans: 4 }], [{ placement: 'ISS', age: 13, plans: 9.6 }]] });
    expect(uncostedPlacements([p], unit)).toEqual([{ placement: 'ISS', hasRows: false, firstYear: 2026, firstPlans: 4, peakYear: 2027, peakPlans: 9.6, missing: [] }]);
  });

  it('names the phases and needs a placement’s rows leave out: a phase no row prices alone, else its needs', () => {
    const p = projection({
      years: [2025, 2026],
      cells: [
        [
          { placement: 'SSA', age: 12, plans: 100 }, // SECONDARY: priced
          { placement: 'SSA', age: 17, need: 'ASD', plans: 10 }, // POST16 ASD: priced
          { placement: 'SSA', age: 17, need: 'SLCN', plans: 2 },
          { placement: 'SSA', age: 20, need: 'MLD', plans: 3 },
        ],
        [{ placement: 'SSA', age: 12, plans: 100 }],
      ],
    });
    const [u] = uncostedPlacements([p], unit);
    expect(u).toMatchObject({ placement: 'SSA', hasRows: true, firstYear: 2025, firstPlans: 5, peakYear: 2025 });
    expect(u!.missing).toEqual([{ phase: 'POST16', needs: ['SLCN'] }, { phase: 'POST19' }]);
  });

  it('takes the largest over every path, and the draws of a placement with no row', () => {
    const central = projection({ years: [2025, 2026], cells: [[{ placement: 'SSM', age: 12, plans: 50 }], [{ placement: 'SSM', age: 12, plans: 50 }]], draws: [[{}, { AP: 0.4 }], [{}, { AP: 2 }]] });
    const other = projection({ years: [2025, 2026], cells: [[{ placement: 'AP', age: 12, plans: 1 }], []] });
    expect(uncostedPlacements([central, other], unit).map((u) => [u.placement, u.firstYear, u.firstPlans, u.peakYear, u.peakPlans])).toEqual([['AP', 2025, 1, 2026, 2]]);
  });

  it('asks nothing of NEET and awaiting provision, nor of a placement without plans', () => {
    const p = projection({ years: [2025, 2026], cells: [[{ placement: 'NEET', age: 18, plans: 30 }, { placement: 'NONE', age: 8, plans: 3 }], []] });
    expect(uncostedPlacements([p], unit)).toEqual([]);
  });
});
