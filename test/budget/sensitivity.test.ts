import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/budget/run-budget.ts';
import type { SensitivityVariant } from '../../src/budget/sensitivity.ts';
import { projection, scenario, tables } from './fixtures.ts';

/**
 * SSM £10,000 at 2025-26 prices, 10 plans at every census 2025–2028 (FYs 2025-26 to 2027-28), inflation 0,
 * income £100,000 a year (growth 0), opening 0: every in-year balance is 0, so the base balance is 0 at March 2028.
 * Direct rows (cumulative at March 2028 = horizon):
 *   unit costs ±5%:    −5% saves 5,000 a year → +15,000;  +5% → −15,000
 *   funding growth ±1 pp: income 99,000 then 98,010 → −2,990;  101,000 then 102,010 → +3,010
 *   inflation ±1 pp:   costs 99,000 then 98,010 → +2,990;  101,000 then 102,010 → −3,010
 * Engine rows: the fake engine adds 100 × incidenceGrowthDelta plans from census 2026 (±2), 10 × issShareDelta (±1),
 * −5 × ceasing1619Delta (∓0.5). ±2 plans cost 7/12 × 2 × 10,000 + 20,000 + 20,000 = 51,666.67.
 */
const cells = (n: number) => [{ placement: 'SSM' as const, age: 8, plans: n }];
const years = [2025, 2026, 2027, 2028];
const plansWith = (extra: number) => projection({ years, cells: years.map((y) => cells(y === 2025 ? 10 : 10 + extra)) });
const calls: SensitivityVariant[] = [];
const reproject = (v: SensitivityVariant) => {
  calls.push(v);
  return plansWith(100 * (v.incidenceGrowthDelta ?? 0) + 10 * (v.issShareDelta ?? 0) - 5 * (v.ceasing1619Delta ?? 0));
};
const run = () =>
  runBudget({
    scenario: scenario({ costs: { inflation: 0 }, funding: { growth: 0 } }),
    tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 10_000, priceYear: 2025 }], funding: [{ fy: 2025, hnBlockGbp: 100_000 }] }),
    projection: plansWith(0),
    reproject,
  });

describe('sensitivity (tornado)', () => {
  const r = run();
  const byKey = (k: string) => r.sensitivity.find((s) => s.key === k)!;

  it('starts from the central balance', () => {
    expect(r.balanceAtMarch2028).toBeCloseTo(0, 6);
    expect(r.sensitivityBase).toEqual({ balanceAtHorizon: r.balanceAtMarch2028, balanceAtMarch2028: r.balanceAtMarch2028 });
  });

  it('re-prices unit costs, inflation and funding growth directly', () => {
    expect(byKey('unit_costs').lowBalanceAtHorizon).toBeCloseTo(15_000, 6);
    expect(byKey('unit_costs').highBalanceAtHorizon).toBeCloseTo(-15_000, 6);
    expect(byKey('funding_growth').lowBalanceAtMarch2028).toBeCloseTo(-2_990, 6);
    expect(byKey('funding_growth').highBalanceAtMarch2028).toBeCloseTo(3_010, 6);
    expect(byKey('inflation').lowBalanceAtHorizon).toBeCloseTo(2_990, 6);
    expect(byKey('inflation').highBalanceAtHorizon).toBeCloseTo(-3_010, 6);
  });

  it('asks the engine for growth, ISS share and ceasing at 16–19, down then up', () => {
    expect(calls).toEqual([
      { incidenceGrowthDelta: -0.02 },
      { incidenceGrowthDelta: 0.02 },
      { issShareDelta: -0.1 },
      { issShareDelta: 0.1 },
      { ceasing1619Delta: -0.1 },
      { ceasing1619Delta: 0.1 },
    ]);
    expect(byKey('incidence_growth').lowBalanceAtHorizon).toBeCloseTo(51_666.666667, 4);
    expect(byKey('incidence_growth').highBalanceAtHorizon).toBeCloseTo(-51_666.666667, 4);
  });

  it('orders rows by swing, largest first', () => {
    expect(r.sensitivity.map((s) => s.key)).toEqual(['incidence_growth', 'iss_share', 'unit_costs', 'ceasing_16_19', 'inflation', 'funding_growth']);
    expect(byKey('inflation').change).toBe('±1 pp a year on every inflation rate');
  });

  it('leaves out the engine rows with a warning when there is no reproject', () => {
    const plain = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 10_000, priceYear: 2025 }] }),
      projection: plansWith(0),
    });
    expect(plain.sensitivity.map((s) => s.key).sort()).toEqual(['funding_growth', 'inflation', 'unit_costs']);
    expect(plain.warnings.some((w) => /Sensitivity/.test(w))).toBe(true);
  });
});
