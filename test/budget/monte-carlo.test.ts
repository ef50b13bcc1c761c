import { describe, expect, it } from 'vitest';
import { quantileSorted, quantilesOf } from '../../src/util/quantiles.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

describe('quantileSorted (linear interpolation between order statistics)', () => {
  it('matches hand-worked positions', () => {
    const v = [10, 20, 30, 40, 50];
    expect(quantileSorted(v, 0.1)).toBeCloseTo(14, 12); // position 0.4
    expect(quantileSorted(v, 0.5)).toBe(30);
    expect(quantileSorted(v, 0.9)).toBeCloseTo(46, 12); // position 3.6
    expect(quantilesOf([50, 10, 40, 20, 30]).p50).toBe(30);
  });
});

describe('budget quantiles from draws', () => {
  // SSM £12,000 a plan, inflation 0, one cell, so the effective unit cost is £12,000 whatever the central path.
  it('prices each draw: FY top-ups = 12,000 × (5/12 × n2025 + 7/12 × n2026)', () => {
    // n2025 = 10 in every draw; n2026 = 12, 16, 20, 24, 28 → 50,000 + 7,000 × n2026 =
    // 134,000, 162,000, 190,000, 218,000, 246,000. P10 = 134,000 + 0.4 × 28,000 = 145,200; P90 = 218,000 + 0.6 × 28,000 = 234,800.
    // Income 200,000: in-year P10 = 200,000 − 234,800 = −34,800.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 12_000, priceYear: 2025 }], funding: [{ fy: 2025, hnBlockGbp: 200_000 }] }),
      projection: projection({
        years: [2025, 2026],
        cells: [[{ placement: 'SSM', age: 8, plans: 10 }], [{ placement: 'SSM', age: 8, plans: 20 }]],
        draws: [20, 12, 28, 16, 24].map((n) => [{ SSM: 10 }, { SSM: n }]),
      }),
    });
    expect(r.expenditureQuantiles[0]!.p10).toBeCloseTo(145_200, 6);
    expect(r.expenditureQuantiles[0]!.p50).toBeCloseTo(190_000, 6);
    expect(r.expenditureQuantiles[0]!.p90).toBeCloseTo(234_800, 6);
    expect(r.inYearQuantiles[0]!.p10).toBeCloseTo(-34_800, 6);
  });

  it('takes cumulative quantiles from each draw’s own path, not by adding quantiles (no price risk)', () => {
    // Draws (n2025, n2026, n2027): (10, 20, 10), (10, 10, 30), (10, 15, 20); income 0, opening 0.
    // FY 2025-26 = 50,000 + 7,000 × n2026: 190,000, 120,000, 155,000
    // FY 2026-27 = 5,000 × n2026 + 7,000 × n2027: 170,000, 260,000, 215,000
    // cumulative at 2026-27: −360,000, −380,000, −370,000 → P10 = −380,000 + 0.2 × 10,000 = −378,000
    // (adding the in-year P10s would give −183,000 − 251,000 = −434,000).
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, uncertainty: { inflation_sd: 0 } }),
      tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 12_000, priceYear: 2025 }] }),
      projection: projection({
        years: [2025, 2026, 2027],
        cells: [10, 15, 20].map((n) => [{ placement: 'SSM' as const, age: 8, plans: n }]),
        draws: [
          [{ SSM: 10 }, { SSM: 20 }, { SSM: 10 }],
          [{ SSM: 10 }, { SSM: 10 }, { SSM: 30 }],
          [{ SSM: 10 }, { SSM: 15 }, { SSM: 20 }],
        ],
      }),
    });
    expect(r.inYearQuantiles[0]!.p10).toBeCloseTo(-183_000, 6);
    expect(r.inYearQuantiles[1]!.p10).toBeCloseTo(-251_000, 6);
    expect(r.cumulativeQuantiles[1]!.p10).toBeCloseTo(-378_000, 6);
    expect(r.cumulativeQuantiles[1]!.p50).toBeCloseTo(-370_000, 6);
    expect(r.cumulativeQuantiles[1]!.p90).toBeCloseTo(-362_000, 6);
  });

  it('weights unit costs by the central path’s mix within a placement', () => {
    // Central ISS: 1 primary plan at £40,000 and 3 secondary at £60,000 → effective £55,000 a plan at both censuses.
    // One draw with 8 ISS plans at both censuses: 8 × 55,000 = 440,000.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({
        unitCosts: [
          { placement: 'ISS', phase: 'PRIMARY', annualCostGbp: 40_000, priceYear: 2025 },
          { placement: 'ISS', phase: 'SECONDARY', annualCostGbp: 60_000, priceYear: 2025 },
        ],
      }),
      projection: projection({
        years: [2025, 2026],
        cells: [0, 1].map(() => [
          { placement: 'ISS' as const, age: 8, plans: 1 },
          { placement: 'ISS' as const, age: 12, plans: 3 },
        ]),
        draws: [[{ ISS: 8 }, { ISS: 8 }]],
      }),
    });
    expect(r.lines[0]!.byPlacement.ISS).toBeCloseTo(220_000, 6);
    expect(r.expenditureQuantiles[0]!.p50).toBeCloseTo(440_000, 6);
  });
});
