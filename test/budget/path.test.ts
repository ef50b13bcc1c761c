import { describe, expect, it } from 'vitest';
import { budgetParams } from '../../src/budget/params.ts';
import { budgetPath, cumulativeBalances, financialYearsOf, pathPrices, withIncome } from '../../src/budget/path.ts';
import { resolveUnitCosts } from '../../src/budget/unit-costs.ts';
import { projection, scenario, tables } from './fixtures.ts';

/**
 * cumulativeBalances (what the tornado prices) against budgetPath (what every table prints): the same balances bit
 * for bit, on a path with every line that moves the balance (top-ups under a unit-cost lever, place funding, other
 * spend carried forward with inflation, lever delivery costs, income grown past the funding table), in figures
 * that are not round, so a sum taken in another order shows.
 */
const years = [2025, 2026, 2027, 2028, 2029];
const path = projection({
  years,
  cells: years.map((_, y) => [
    { placement: 'SSM' as const, age: 8, plans: 10.3 + 1.7 * y },
    { placement: 'ISS' as const, age: 12, plans: 5.1 + 0.9 * y },
    { placement: 'MS' as const, age: 6, need: 'SLCN' as const, plans: 40.7 - 1.3 * y },
    { placement: 'FE' as const, age: 17, plans: 3.3 * y },
  ]),
});
const s = scenario({
  costs: { inflation: 0.031 },
  funding: { growth: 0.027 },
  mitigations: [
    { name: 'Commissioning', kind: 'unit_cost_change', effect: 0.13, start_year: 2026, ramp_years: 2, placements: ['ISS'], cost_gbp_per_year: 5_123.45 },
    { name: 'Early help', kind: 'fewer_requests', effect: 0.1, start_year: 2025, cost_gbp_per_year: 20_017.3 },
  ],
});
const t = tables({
  unitCosts: [
    { placement: 'SSM', annualCostGbp: 20_011, priceYear: 2024 },
    { placement: 'ISS', annualCostGbp: 50_033, priceYear: 2025 },
    { placement: 'MS', annualCostGbp: 9_007, priceYear: 2025 },
    { placement: 'FE', annualCostGbp: 8_101, priceYear: 2025 },
  ],
  places: [{ placement: 'SSM', fy: 2025, places: 13, placeRateGbp: 10_321.7 }],
  funding: [
    { fy: 2025, hnBlockGbp: 1_000_003 },
    { fy: 2026, hnBlockGbp: 1_030_007, otherIncomeGbp: 1_111 },
  ],
  otherSpend: [{ line: 'Services', fy: 2025, amountGbp: 77_777.77 }],
});

describe('cumulativeBalances', () => {
  it("is budgetPath's cumulative balance bit for bit", () => {
    const { params } = budgetParams(s, true);
    expect(params.costLevers).toHaveLength(1);
    expect(params.deliveryLevers).toHaveLength(2);
    const unit = resolveUnitCosts(t.unitCosts);
    const full = budgetPath(path, t, params, unit, -123_456.78);
    const fast = cumulativeBalances(path.central, pathPrices(financialYearsOf(path), t, params, unit, years[0]!), params.changeMonth, -123_456.78);
    expect(fast).toHaveLength(4);
    fast.forEach((b, i) => expect(Object.is(b, full.lines[i]!.cumulativeBalance)).toBe(true));
  });

  it('withIncome prices a change of funding alone as pricing the whole path again does, bit for bit', () => {
    const { params } = budgetParams(s, true);
    const moved = { ...params, fundingGrowth: params.fundingGrowth + 0.013 };
    const unit = resolveUnitCosts(t.unitCosts);
    const fys = financialYearsOf(path);
    const balances = (prices: ReturnType<typeof pathPrices>) => cumulativeBalances(path.central, prices, params.changeMonth, -123_456.78);
    const kept = balances(withIncome(pathPrices(fys, t, params, unit, years[0]!), t, moved));
    const afresh = balances(pathPrices(fys, t, moved, unit, years[0]!));
    expect(kept.every((b, i) => Object.is(b, afresh[i]))).toBe(true);
    // and the funding change shows (the income of the years past the funding table grows faster)
    expect(kept[3]).not.toBe(balances(pathPrices(fys, t, params, unit, years[0]!))[3]);
  });
});
