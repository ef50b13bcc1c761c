import { describe, expect, it } from 'vitest';
import { INTERACTION_LINE, avoidedStock } from '../../src/budget/mitigations.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import type { BudgetResult } from '../../src/budget/types.ts';
import type { ProjectionResult } from '../../src/model/result.ts';
import { projection, scenario, tables } from './fixtures.ts';

/**
 * Unmitigated: SSM (£20,000) 10, 20, 30 plans and ISS (£50,000) 5, 10, 15 at censuses 2025–2027; inflation 0.
 * Mitigated:   SSM 10, 17, 24 and ISS 5, 9, 13; the engine reports plans avoided
 *              'Early help' 3 (2026), 3 (2027); 'Conversion' 1 (2026), 2 (2027).
 * Levers: Early help costs £20,000 a year from 2025; Commissioning cuts ISS unit costs 10% from 2026-27 and costs
 * £5,000 a year from 2026.
 *
 * FY 2025-26, demand levers together: exp(U) − exp(M0)
 *   SSM 20,000 × (5/12 × 10 + 7/12 × 20) − 20,000 × (5/12 × 10 + 7/12 × 17) = 20,000 × 21/12 = 35,000
 *   ISS 50,000 × (7/12 × 10 − 7/12 × 9) = 29,166.67                    → V = 64,166.67
 *   plans avoided: Early help 7/12 × 3 = 1.75; Conversion 7/12 × 1 = 0.5833 → shares 3/4 and 1/4
 *   Early help spend avoided = 48,125, net = 28,125; Conversion = 16,041.67.
 * FY 2026-27, Commissioning: 10% × 50,000 × (5/12 × 9 + 7/12 × 13) = 5,000 × 136/12 = 56,666.67, net 51,666.67.
 */
const U = projection({
  years: [2025, 2026, 2027],
  cells: [
    [10, 5],
    [20, 10],
    [30, 15],
  ].map(([ssm, iss]) => [
    { placement: 'SSM' as const, age: 8, plans: ssm! },
    { placement: 'ISS' as const, age: 12, plans: iss! },
  ]),
});
const M = projection({
  years: [2025, 2026, 2027],
  cells: [
    [10, 5],
    [17, 9],
    [24, 13],
  ].map(([ssm, iss]) => [
    { placement: 'SSM' as const, age: 8, plans: ssm! },
    { placement: 'ISS' as const, age: 12, plans: iss! },
  ]),
  avoided: { 2026: { 'Early help': 3, Conversion: 1 }, 2027: { 'Early help': 3, Conversion: 2 } },
});
const levers = [
  { name: 'Early help', kind: 'fewer_requests' as const, effect: 0.1, start_year: 2025, cost_gbp_per_year: 20_000 },
  { name: 'Conversion', kind: 'lower_conversion' as const, effect: 0.1, start_year: 2025 },
  { name: 'Commissioning', kind: 'unit_cost_change' as const, effect: 0.1, start_year: 2026, placements: ['ISS'], cost_gbp_per_year: 5_000 },
];
const budgetTables = tables({
  unitCosts: [
    { placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 },
    { placement: 'ISS', annualCostGbp: 50_000, priceYear: 2025 },
  ],
  places: [{ placement: 'SSM', fy: 2025, places: 10, placeRateGbp: 10_000 }],
  funding: [{ fy: 2025, hnBlockGbp: 1_000_000 }],
  openingBalances: [{ fy: 2024, balanceGbp: -500_000 }],
});
const run = (mitigations = levers, perLever?: Record<string, ProjectionResult>) =>
  runBudget({
    scenario: scenario({ costs: { inflation: 0 }, mitigations }),
    tables: budgetTables,
    projection: M,
    unmitigatedProjection: U,
    perLeverProjections: perLever,
  });
const row = (r: BudgetResult, name: string, fy: number) => r.mitigations.find((m) => m.name === name && m.fy === fy)!;

describe('mitigation savings per lever', () => {
  it('shares the demand levers’ saving by plans avoided', () => {
    const r = run();
    expect(row(r, 'Early help', 2025)).toMatchObject({ plansAvoided: 1.75, deliveryCost: 20_000 });
    expect(row(r, 'Early help', 2025).spendAvoided).toBeCloseTo(48_125, 6);
    expect(row(r, 'Early help', 2025).netSaving).toBeCloseTo(28_125, 6);
    expect(row(r, 'Conversion', 2025).spendAvoided).toBeCloseTo(16_041.666667, 4);
  });

  it('values a unit-cost lever as plans × unit cost × reduction, from its start year', () => {
    const r = run();
    expect(row(r, 'Commissioning', 2025).spendAvoided).toBe(0);
    expect(row(r, 'Commissioning', 2026).spendAvoided).toBeCloseTo(56_666.666667, 4);
    expect(row(r, 'Commissioning', 2026).netSaving).toBeCloseTo(51_666.666667, 4);
    expect(r.lines[1]!.byPlacement.ISS).toBeCloseTo(50_000 * 0.9 * (136 / 12), 6);
  });

  it('charges delivery costs as other spend lines of the mitigated path', () => {
    const r = run();
    expect(r.lines[1]!.mitigationDelivery).toBe(25_000);
    expect(r.lines[1]!.otherSpendByLine['Mitigation delivery: Early help']).toBe(20_000);
    expect(r.unmitigated![1]!.mitigationDelivery).toBe(0);
  });

  it('closes the bridge exactly: deficit(U) − Σ net savings = deficit(M), every year', () => {
    const r = run();
    r.lines.forEach((l, i) => {
      const saved = r.mitigations.filter((m) => m.fy === l.fy).reduce((s, m) => s + m.netSaving, 0);
      expect(r.unmitigated![i]!.expenditure - saved).toBeCloseTo(l.expenditure, 2);
    });
    for (const b of r.bridges!) {
      const total = b.steps.reduce((s, x) => s + x.amount, 0);
      expect(b.unmitigatedCumulative + total).toBeCloseTo(b.mitigatedCumulative, 2);
    }
    const horizon = r.bridges!.find((b) => b.fy === 2026)!;
    expect(horizon.mitigatedCumulative).toBe(r.lines[1]!.cumulativeBalance);
  });

  it('puts what levers do together beyond their parts on the interaction line', () => {
    // With only the two demand levers the shared saving explains all the money, so the interaction saves £0; but the
    // engine's avoided flows add up to 9 plans by 2027 while the paths differ by 8, so FY 2026-27 has
    // 5/12 × 4 + 7/12 × 8 − (4.75 + 2.1667) = −0.5833 plans of interaction.
    const r = run(levers.slice(0, 2));
    expect(row(r, INTERACTION_LINE, 2025).netSaving).toBeCloseTo(0, 6);
    expect(row(r, INTERACTION_LINE, 2026).netSaving).toBeCloseTo(0, 6);
    expect(row(r, INTERACTION_LINE, 2026).plansAvoided).toBeCloseTo(-7 / 12, 9);
  });

  it('uses a lever’s own run when given, and the interaction line takes the rest', () => {
    // Early help alone: SSM 10, 18, 26 and ISS 5, 10, 15 → FY 2025-26 saving 20,000 × 7/12 × 2 = 23,333.33.
    const solo = projection({
      years: [2025, 2026, 2027],
      cells: [10, 18, 26].map((ssm, k) => [
        { placement: 'SSM' as const, age: 8, plans: ssm },
        { placement: 'ISS' as const, age: 12, plans: [5, 10, 15][k]! },
      ]),
    });
    const r = run(levers, { 'Early help': solo });
    expect(row(r, 'Early help', 2025).spendAvoided).toBeCloseTo(23_333.333333, 4);
    expect(row(r, 'Early help', 2025).plansAvoided).toBeCloseTo((7 / 12) * 2, 9);
    // Conversion, the only lever left to share, takes the rest of V: 64,166.67 − 23,333.33 = 40,833.33.
    expect(row(r, 'Conversion', 2025).spendAvoided).toBeCloseTo(40_833.333333, 4);
    r.lines.forEach((l, i) => {
      const saved = r.mitigations.filter((m) => m.fy === l.fy).reduce((s, m) => s + m.netSaving, 0);
      expect(r.unmitigated![i]!.cumulativeBalance).toBeLessThan(l.cumulativeBalance);
      expect(r.unmitigated![i]!.expenditure - saved).toBeCloseTo(l.expenditure, 2);
    });
  });

  it('cannot separate a placement shift without its own run: warns and keeps the saving on the interaction line', () => {
    const r = run([levers[0]!, { name: 'Shift', kind: 'placement_shift' as const, effect: 0.1, start_year: 2025, from: 'ISS', to: 'SSM' } as never]);
    expect(r.warnings.some((w) => /'Shift'/.test(w))).toBe(true);
    expect(row(r, 'Early help', 2025).spendAvoided).toBe(0);
    expect(row(r, INTERACTION_LINE, 2025).spendAvoided).toBeCloseTo(64_166.666667, 4); // all of V (Early help keeps only its delivery cost)
    expect(row(r, 'Early help', 2025).netSaving).toBe(-20_000);
  });

  it('ramps and partial delivery scale a unit-cost lever', () => {
    // 20% cut, 2-year ramp from 2025, 50% delivered: 5% in 2025-26, 10% in 2026-27.
    const r = run([{ name: 'Cut', kind: 'unit_cost_change' as const, effect: 0.2, start_year: 2025, placements: ['ISS'], ramp_years: 2, delivery: 0.5 } as never]);
    expect(row(r, 'Cut', 2025).spendAvoided).toBeCloseTo(0.05 * 50_000 * ((5 / 12) * 5 + (7 / 12) * 9), 6);
    expect(row(r, 'Cut', 2026).spendAvoided).toBeCloseTo(0.1 * 50_000 * ((5 / 12) * 9 + (7 / 12) * 13), 6);
  });
});

describe('avoidedStock', () => {
  it('adds the engine’s avoided flows up as a stock', () => {
    expect(avoidedStock(M, 'Early help')).toEqual([0, 3, 6]);
    expect(avoidedStock(M, 'Conversion')).toEqual([0, 1, 3]);
  });
});

describe('a projection that does not report plans avoided', () => {
  it('keeps the saving on the interaction line and says so', () => {
    const silent = { ...M, flows: M.flows.map((f) => ({ ...f, avoidedByMitigation: {} })) };
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, mitigations: levers.slice(0, 2) }),
      tables: budgetTables,
      projection: silent,
      unmitigatedProjection: U,
    });
    expect(r.warnings.some((w) => /reports no plans avoided/.test(w))).toBe(true);
    expect(row(r, INTERACTION_LINE, 2025).spendAvoided).toBeCloseTo(64_166.666667, 4);
  });
});
