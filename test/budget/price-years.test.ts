import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

/**
 * A unit cost's price year far from the run's first financial year: 2010-11 typed for 2024-25 inflated every cost by
 * 1.56 (the sample's 2025-26 deficit £31.0m -> £57.6m) and a price year after the run started deflated them, both with
 * no note. The costs are used as given; the run says so on stderr (fallbacks) and the Data quality sheet (warnings).
 */
describe('unit costs at the prices of a year far from the run', () => {
  const run = (priceYears: number[]) =>
    runBudget({
      scenario: scenario({ costs: { inflation: 0.03 } }),
      tables: tables({
        unitCosts: priceYears.map((priceYear, i) => ({ placement: (['SSM', 'ISS', 'MS'] as const)[i]!, annualCostGbp: 20_000, priceYear })),
        funding: [{ fy: 2025, hnBlockGbp: 1e6 }],
        openingBalances: [{ fy: 2024, balanceGbp: 0 }],
      }),
      projection: projection({ years: [2025, 2026, 2027], cells: [2025, 2026, 2027].map(() => [{ placement: 'SSM', age: 8, plans: 10 }]) }),
    });

  it('says nothing of last year\'s, this year\'s or three years old prices', () => {
    const r = run([2024, 2025, 2022]);
    expect(r.warnings.filter((w) => w.startsWith('Unit costs:'))).toEqual([]);
  });

  it('names a price year more than 3 years before the run, and one after its first year, with the factor', () => {
    const r = run([2010, 2010, 2027]);
    const notes = [
      'Unit costs: 2 rows (SSM, ISS) are at 2010-11 prices, 15 years before the run\'s first financial year 2025-26: inflated by the scenario\'s inflation for each of those years (×1.56 in 2025-26). Check price_year in the unit-cost table (a typo there changes every cost), or give this year\'s costs.',
      'Unit costs: 1 row (MS) is at 2027-28 prices, after the run\'s first financial year 2025-26: prices of a year to come, deflated by the scenario\'s inflation (×0.94 in 2025-26). Check price_year in the unit-cost table (a typo there changes every cost), or give this year\'s costs.',
    ];
    expect(r.fallbacks!.filter((w) => w.startsWith('Unit costs:'))).toEqual(notes);
    expect(r.warnings.filter((w) => w.startsWith('Unit costs:'))).toEqual(notes);
    // used as given: the 2010-11 SSM cost is inflated 15 years into 2025-26
    expect(r.lines[0]!.byPlacement.SSM).toBeGreaterThan(10 * 20_000 * 1.5);
  });
});
