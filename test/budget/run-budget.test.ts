import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/budget/run-budget.ts';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { projection, scenario, tables } from './fixtures.ts';

/**
 * Two placements over three censuses (2025, 2026, 2027 → FYs 2025-26, 2026-27), inflation 10% a year.
 *
 * Unit costs: SSM £20,000 at 2024-25 prices (all phases); ISS £50,000 at 2025-26 prices, ISS secondary £60,000.
 * Plans:       census 2025: SSM age 8 × 12, ISS age 12 × 6
 *              census 2026: SSM age 8 × 24, ISS age 12 × 12, ISS age 8 × 12
 *              census 2027: SSM age 8 × 36, ISS age 12 × 18
 *
 * FY 2025-26 (prices of 2025-26):
 *   SSM unit = 20,000 × 1.1 = 22,000; census 2025: 12 × 22,000 = 264,000; census 2026: 24 × 22,000 = 528,000
 *       FY = 5/12 × 264,000 + 7/12 × 528,000 = 110,000 + 308,000 = 418,000
 *   ISS secondary 60,000, primary 50,000 (price year = FY): census 2025: 6 × 60,000 = 360,000;
 *       census 2026: 12 × 60,000 + 12 × 50,000 = 1,320,000; FY = 150,000 + 770,000 = 920,000
 *   place funding: SSM 30 places × £10,000 = 300,000; other spend 100,000
 *   expenditure = 300,000 + 418,000 + 920,000 + 100,000 = 1,738,000; income 1,500,000
 *   in-year = −238,000; cumulative = −200,000 − 238,000 = −438,000
 * FY 2026-27 (prices of 2026-27):
 *   SSM unit = 20,000 × 1.21 = 24,200; 24 × 24,200 = 580,800; 36 × 24,200 = 871,200
 *       FY = 242,000 + 508,200 = 750,200
 *   ISS 66,000 / 55,000: census 2026: 792,000 + 660,000 = 1,452,000; census 2027: 18 × 66,000 = 1,188,000
 *       FY = 605,000 + 693,000 = 1,298,000
 *   place funding carried forward: 300,000 (not inflated); other spend carried forward and inflated: 110,000
 *   expenditure = 300,000 + 750,200 + 1,298,000 + 110,000 = 2,458,200
 *   income = 1,500,000 × 1.05 = 1,575,000; in-year = −883,200; cumulative = −1,321,200
 */
const toy = () =>
  runBudget({
    scenario: scenario({ costs: { inflation: 0.1 }, funding: { growth: 0.05 } }),
    tables: tables({
      unitCosts: [
        { placement: 'SSM', annualCostGbp: 20_000, priceYear: 2024 },
        { placement: 'ISS', annualCostGbp: 50_000, priceYear: 2025 },
        { placement: 'ISS', phase: 'SECONDARY', annualCostGbp: 60_000, priceYear: 2025 },
      ],
      places: [{ placement: 'SSM', fy: 2025, places: 30, placeRateGbp: 10_000 }],
      otherSpend: [{ line: 'Hospital education', fy: 2025, amountGbp: 100_000 }],
      funding: [{ fy: 2025, hnBlockGbp: 1_500_000 }],
      openingBalances: [{ fy: 2024, balanceGbp: -200_000 }],
    }),
    projection: projection({
      years: [2025, 2026, 2027],
      cells: [
        [
          { placement: 'SSM', age: 8, plans: 12 },
          { placement: 'ISS', age: 12, plans: 6 },
        ],
        [
          { placement: 'SSM', age: 8, plans: 24 },
          { placement: 'ISS', age: 12, plans: 12 },
          { placement: 'ISS', age: 8, plans: 12 },
        ],
        [
          { placement: 'SSM', age: 8, plans: 36 },
          { placement: 'ISS', age: 12, plans: 18 },
        ],
      ],
    }),
  });

describe('runBudget on a two-placement toy', () => {
  it('runs financial years from the base year to the last with both censuses', () => {
    expect(toy().financialYears).toEqual([2025, 2026]);
  });

  it('prices top-ups per placement by hand-worked numbers', () => {
    const [a, b] = toy().lines;
    expect(a!.byPlacement.SSM).toBeCloseTo(418_000, 6);
    expect(a!.byPlacement.ISS).toBeCloseTo(920_000, 6);
    expect(b!.byPlacement.SSM).toBeCloseTo(750_200, 6);
    expect(b!.byPlacement.ISS).toBeCloseTo(1_298_000, 6);
    expect(a!.byGroup.STATE_SPECIAL).toBeCloseTo(418_000, 6);
    expect(a!.byGroup.INDEPENDENT_SPECIAL).toBeCloseTo(920_000, 6);
  });

  it('adds place funding, other spend, income and the balance', () => {
    const r = toy();
    const [a, b] = r.lines;
    expect(a!.placeFunding).toBe(300_000);
    expect(b!.placeFunding).toBe(300_000);
    expect(a!.otherSpend).toBeCloseTo(100_000, 6);
    expect(b!.otherSpend).toBeCloseTo(110_000, 6);
    expect(a!.expenditure).toBeCloseTo(1_738_000, 6);
    expect(b!.expenditure).toBeCloseTo(2_458_200, 6);
    expect(b!.income).toBeCloseTo(1_575_000, 6);
    expect(a!.inYearBalance).toBeCloseTo(-238_000, 6);
    expect(a!.cumulativeBalance).toBeCloseTo(-438_000, 6);
    expect(b!.inYearBalance).toBeCloseTo(-883_200, 6);
    expect(b!.cumulativeBalance).toBeCloseTo(-1_321_200, 6);
    expect(r.openingBalance).toBe(-200_000);
    expect(r.openingBalanceFy).toBe(2024);
  });

  it('has no March 2028 balance when the run ends before 2027-28', () => {
    expect(toy().balanceAtMarch2028).toBeUndefined();
  });

  it('gives P10 = P50 = P90 = central without draws', () => {
    const r = toy();
    r.lines.forEach((l, i) => {
      expect(r.expenditureQuantiles[i]).toEqual({ p10: l.expenditure, p50: l.expenditure, p90: l.expenditure });
      expect(r.cumulativeQuantiles[i]).toEqual({ p10: l.cumulativeBalance, p50: l.cumulativeBalance, p90: l.cumulativeBalance });
    });
  });

  it('reports FY plans by placement (5/12 + 7/12)', () => {
    const a = toy().lines[0]!;
    expect(a.plansByPlacement.SSM).toBeCloseTo(5 + 14, 9);
    expect(a.plansByPlacement.ISS).toBeCloseTo(2.5 + 14, 9);
  });

  it('states its assumptions with sources', () => {
    const keys = toy().assumptions.map((a) => a.key);
    expect(keys).toContain('costs.inflation');
    expect(keys).toContain('place_funding.after_table');
    expect(keys).toContain('other_spend.after_table');
    expect(keys).toContain('unit_cost.ISS.SECONDARY');
    expect(toy().assumptions.find((a) => a.key === 'costs.inflation')).toMatchObject({ value: '10%', source: 'scenario' });
  });

  it('is pure: the same inputs give the same result', () => {
    expect(JSON.stringify(toy())).toBe(JSON.stringify(toy()));
  });

  it('lists every placement in byPlacement', () => {
    expect(Object.keys(toy().lines[0]!.byPlacement)).toEqual(PLACEMENTS);
  });
});

describe('complexity drift', () => {
  it('compounds on top of inflation from the price year', () => {
    // ISS £60,000 at 2025-26 prices, drift 2%, inflation 10%: at 2026-27 prices 60,000 × 1.1 × 1.02 = 67,320.
    // FY 2026-27 = 5/12 × 12 × 67,320 + 7/12 × 12 × 67,320 = 807,840.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0.1, complexity_drift: { ISS: 0.02 } } }),
      tables: tables({ unitCosts: [{ placement: 'ISS', annualCostGbp: 60_000, priceYear: 2025 }] }),
      projection: projection({ years: [2025, 2026, 2027], cells: [0, 1, 2].map(() => [{ placement: 'ISS' as const, age: 12, plans: 12 }]) }),
    });
    expect(r.lines[0]!.byPlacement.ISS).toBeCloseTo(720_000, 6);
    expect(r.lines[1]!.byPlacement.ISS).toBeCloseTo(807_840, 6);
  });
});
