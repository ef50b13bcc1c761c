import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetJson } from '../../src/budget/budget-json.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { PLACEMENTS, financialYearLabel, financialYearValue } from '../../src/domain/index.ts';
import type { Placement } from '../../src/domain/index.ts';
import { projection, scenario, tables } from './fixtures.ts';
import { expectMoneyIdentities } from './money-identities.ts';

const costed: Placement[] = ['MS', 'SSM', 'ISS', 'FE'];
const ageOf: Record<string, number> = { MS: 9, SSM: 12, ISS: 14, FE: 17 };

describe('the external check: inflation 0', () => {
  it('every FY line = unit cost × (5/12 × plans Y + 7/12 × plans Y+1); expenditure, in-year and cumulative add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 1000, max: 90_000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: -50_000_000, max: 5_000_000 }),
        (plans, costs, opening) => {
          const years = plans.map((_, i) => 2025 + i);
          const fys = years.slice(0, -1);
          const r = runBudget({
            scenario: scenario({ costs: { inflation: 0 }, funding: { growth: 0.04 } }),
            tables: tables({
              unitCosts: costed.map((p, i) => ({ placement: p, annualCostGbp: costs[i]!, priceYear: 2023 })),
              places: fys.map((fy) => ({ placement: 'SSM' as const, fy, places: 40 + fy - 2025, placeRateGbp: 10_000 })),
              otherSpend: fys.map((fy) => ({ line: 'Therapies', fy, amountGbp: 250_000 + fy })),
              funding: [{ fy: 2025, hnBlockGbp: 20_000_000, schoolsBlockTransferGbp: 100_000 }],
              openingBalances: [{ fy: 2024, balanceGbp: opening }],
            }),
            projection: projection({
              years,
              cells: plans.map((row) => costed.map((p, i) => ({ placement: p, age: ageOf[p]!, plans: row[i]! }))),
            }),
          });
          const json = budgetJson(r);
          let cumulative = opening;
          r.lines.forEach((l, i) => {
            costed.forEach((p, k) => {
              const expected = costs[k]! * ((5 / 12) * plans[i]![k]! + (7 / 12) * plans[i + 1]![k]!);
              expect(l.byPlacement[p]).toBeCloseTo(expected, 4);
            });
            expect(l.placeFunding).toBe((40 + l.fy - 2025) * 10_000);
            expect(l.otherSpend).toBe(250_000 + l.fy);
            // the JSON writes the same figures to the penny (its identities, exact in pennies, below)
            expect(Math.abs(json.expenditure_gbp[financialYearLabel(l.fy)]!.p50 - l.expenditure)).toBeLessThan(0.01);
            expect(l.inYearBalance).toBeCloseTo(l.income - l.expenditure, 4);
            cumulative += l.inYearBalance;
            expect(l.cumulativeBalance).toBeCloseTo(cumulative, 4);
            expect(Math.abs(json.cumulative_balance_gbp[financialYearLabel(l.fy)]!.p50 - cumulative)).toBeLessThanOrEqual(0.005 + 1e-6);
          });
          expectMoneyIdentities(json);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('financialYearValue (the one FY conversion)', () => {
  it('is 5/12 of census Y and 7/12 of census Y+1 by default', () => {
    expect(financialYearValue(1200, 2400)).toBe(1900); // 500 + 1400
    expect(financialYearValue(12, 0)).toBe(5);
  });
  it('moves with the change month: April puts the whole FY on census Y+1, January 9/12 on census Y', () => {
    expect(financialYearValue(1200, 2400, 4)).toBe(2400);
    expect(financialYearValue(1200, 2400, 1)).toBe(1500); // 9/12 × 1200 + 3/12 × 2400 = 900 + 600
  });
  it('is the rule used by the budget, with costs.change_month', () => {
    // SSM £12,000, 12 plans at census 2025, 24 at 2026; change month January: 9/12 × 144,000 + 3/12 × 288,000 = 180,000
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0, change_month: 1 } }),
      tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 12_000, priceYear: 2025 }] }),
      projection: projection({
        years: [2025, 2026],
        cells: [[{ placement: 'SSM', age: 8, plans: 12 }], [{ placement: 'SSM', age: 8, plans: 24 }]],
      }),
    });
    expect(r.lines[0]!.byPlacement.SSM).toBeCloseTo(180_000, 6);
  });
});

describe('budgetJson', () => {
  it('keys by FY label with place_funding, every placement and other_spend', () => {
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 12_000, priceYear: 2025 }], funding: [{ fy: 2025, hnBlockGbp: 1e6 }] }),
      projection: projection({ years: [2025, 2026], cells: [[{ placement: 'SSM', age: 8, plans: 12 }], [{ placement: 'SSM', age: 8, plans: 24 }]] }),
    });
    const j = budgetJson(r);
    expect(Object.keys(j.expenditure_gbp)).toEqual(['2025-26']);
    expect(Object.keys(j.expenditure_by_line_gbp['2025-26']!)).toEqual(['place_funding', ...PLACEMENTS, 'other_spend']);
    expect(j.expenditure_by_line_gbp['2025-26']!.SSM).toBeCloseTo(228_000, 6); // 12,000 × (5 + 14)
    expect(j.income_gbp['2025-26']).toBe(1e6);
    expect(j.in_year_balance_gbp['2025-26']!.p50).toBeCloseTo(772_000, 6);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});
