import { describe, expect, it } from 'vitest';
import { driftFactor, inflationFactor, inflationRate, resolveInflation } from '../../src/budget/prices.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

describe('resolveInflation', () => {
  it('takes one rate for everything', () => {
    const { rates } = resolveInflation(0.05);
    expect(inflationRate(rates, 'ISS', 2026)).toBe(0.05);
    expect(inflationRate(rates, undefined, 2030)).toBe(0.05);
  });

  it('takes rates per placement, others at the default 3%', () => {
    const { rates } = resolveInflation({ ISS: 0.05 });
    expect(inflationRate(rates, 'ISS', 2026)).toBe(0.05);
    expect(inflationRate(rates, 'SSM', 2026)).toBe(0.03);
  });

  it('takes rates per financial year, with a default key for the rest', () => {
    const { rates } = resolveInflation({ '2026-27': 0.02, '2027/28': 0.04, default: 0.01 });
    expect(inflationRate(rates, 'SSM', 2026)).toBe(0.02);
    expect(inflationRate(rates, 'SSM', 2027)).toBe(0.04);
    expect(inflationRate(rates, 'SSM', 2028)).toBe(0.01);
  });

  it('lets a placement rate win over a year rate', () => {
    const { rates } = resolveInflation({ ISS: 0.06, '2026-27': 0.02 });
    expect(inflationRate(rates, 'ISS', 2026)).toBe(0.06);
    expect(inflationRate(rates, 'MS', 2026)).toBe(0.02);
  });

  it('warns about keys it does not understand', () => {
    const { warnings } = resolveInflation({ ISSS: 0.05 });
    expect(warnings[0]).toMatch(/'ISSS' is not a placement code/);
  });
});

describe('inflationFactor', () => {
  it('compounds once per financial year from the price year', () => {
    const { rates } = resolveInflation({ '2025-26': 0.1, '2026-27': 0.2, default: 0 });
    expect(inflationFactor(rates, 'SSM', 2024, 2024)).toBe(1);
    expect(inflationFactor(rates, 'SSM', 2024, 2025)).toBeCloseTo(1.1, 12);
    expect(inflationFactor(rates, 'SSM', 2024, 2026)).toBeCloseTo(1.32, 12); // 1.1 × 1.2
    expect(inflationFactor(rates, 'SSM', 2026, 2024)).toBeCloseTo(1 / 1.32, 12);
  });

  it('drift compounds separately', () => {
    expect(driftFactor(0.02, 2024, 2026)).toBeCloseTo(1.0404, 12);
    expect(driftFactor(0, 2024, 2030)).toBe(1);
  });
});

describe('inflation in the budget', () => {
  // SSM £10,000 and ISS £50,000 at 2024-25 prices; 12 plans each at every census 2025–2027.
  const run = (inflation: number | Record<string, number>) =>
    runBudget({
      scenario: scenario({ costs: { inflation } }),
      tables: tables({
        unitCosts: [
          { placement: 'SSM', annualCostGbp: 10_000, priceYear: 2024 },
          { placement: 'ISS', annualCostGbp: 50_000, priceYear: 2024 },
        ],
      }),
      projection: projection({
        years: [2025, 2026, 2027],
        cells: [0, 1, 2].map(() => [
          { placement: 'SSM' as const, age: 8, plans: 12 },
          { placement: 'ISS' as const, age: 8, plans: 12 },
        ]),
      }),
    });

  it('per placement: ISS at 5%, SSM at the default 3%', () => {
    const r = run({ ISS: 0.05 });
    expect(r.lines[0]!.byPlacement.ISS).toBeCloseTo(12 * 50_000 * 1.05, 6); // 630,000
    expect(r.lines[1]!.byPlacement.ISS).toBeCloseTo(12 * 50_000 * 1.05 * 1.05, 6); // 661,500
    expect(r.lines[1]!.byPlacement.SSM).toBeCloseTo(12 * 10_000 * 1.03 * 1.03, 6); // 127,308
  });

  it('per financial year: 2% into 2025-26, 4% into 2026-27', () => {
    const r = run({ '2025-26': 0.02, '2026-27': 0.04 });
    expect(r.lines[0]!.byPlacement.SSM).toBeCloseTo(122_400, 6); // 120,000 × 1.02
    expect(r.lines[1]!.byPlacement.SSM).toBeCloseTo(127_296, 6); // 120,000 × 1.02 × 1.04
  });

  it('inflation 0 prices every year at the table', () => {
    const r = run(0);
    expect(r.lines.map((l) => l.byPlacement.ISS)).toEqual([600_000, 600_000]);
  });
});
