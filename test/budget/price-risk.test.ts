import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineQuantiles } from '../../src/budget/monte-carlo.ts';
import { priceShocks } from '../../src/budget/price-draws.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { quantileSorted } from '../../src/util/quantiles.ts';
import { projection, scenario, tables } from './fixtures.ts';

const unitCosts = [{ placement: 'ISS' as const, annualCostGbp: 60_000, priceYear: 2024 }];

/** 100 ISS plans at every census in every draw: no demand risk, only price risk. */
function flat(draws: number) {
  return projection({
    years: [2025, 2026, 2027],
    cells: [0, 1, 2].map(() => [{ placement: 'ISS' as const, age: 12, plans: 100 }]),
    draws: Array.from({ length: draws }, () => [{ ISS: 100 }, { ISS: 100 }, { ISS: 100 }]),
  });
}

describe('price risk in the Monte Carlo', () => {
  it('draws antithetic shocks: a symmetric sample, the same for a seed', () => {
    const z = priceShocks(6, 7);
    expect(Array.from(z)).toEqual(Array.from(priceShocks(6, 7)));
    for (let k = 0; k < 6; k++) expect(z[k]).toBeCloseTo(-z[5 - k]!, 12);
    expect(priceShocks(5, 7)[2]).toBe(0);
  });

  it('prices each quantile at the order statistics of the shock (hand-worked)', () => {
    // 100 ISS plans at £60,000 (2024-25 prices), inflation 3%, no drift; inflation_sd 2%, drift_sd 0.
    // FY 2025-26 at shock z costs 6,000,000 × (1.03 + 0.02 z); P90 of 10 draws is at position 8.1 of the sorted z.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0.03 }, uncertainty: { inflation_sd: 0.02, drift_sd: 0 } }),
      tables: tables({ unitCosts }),
      projection: flat(10),
    });
    const z = priceShocks(10, 1);
    const zq = quantileSorted(z, 0.9);
    expect(r.expenditureQuantiles[0]!.p90).toBeCloseTo(6_000_000 * (1.03 + 0.02 * zq), 4);
    expect(r.expenditureQuantiles[0]!.p50).toBeCloseTo(6_000_000 * 1.03, 4);
    // 2026-27: two years of (1.03 + 0.02 z), convex in z, so the P90 is interpolated between the two paths
    const z8 = z[8]!;
    const z9 = z[9]!;
    const cost = (s: number) => 6_000_000 * (1.03 + 0.02 * s) ** 2;
    expect(r.expenditureQuantiles[1]!.p90).toBeCloseTo(cost(z8) + 0.1 * (cost(z9) - cost(z8)), 4);
  });

  it('inflation_sd 0 turns price risk off; a spread widens the expenditure range', () => {
    const run = (sd: number) =>
      runBudget({ scenario: scenario({ costs: { inflation: 0.03 }, uncertainty: { inflation_sd: sd } }), tables: tables({ unitCosts }), projection: flat(20) });
    const off = run(0);
    for (const q of off.expenditureQuantiles) expect(q.p90 - q.p10).toBeCloseTo(0, 6);
    const on = run(0.01);
    for (const q of on.expenditureQuantiles) expect(q.p90 - q.p10).toBeGreaterThan(0);
  });

  it('combines independent demand and price errors in quadrature', () => {
    // demand 100 ± (30 below, 40 above); price median +2 over central 0, 9 below, 12 above
    expect(combineQuantiles({ p10: 70, p50: 100, p90: 140 }, { p10: -7, p50: 2, p90: 14 }, 0)).toEqual({ p10: 102 - Math.hypot(30, 9), p50: 102, p90: 102 + Math.hypot(40, 12) });
  });

  it('property: widening a price spread never narrows the balance range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 50, max: 150 }), fc.integer({ min: 50, max: 150 })), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.03, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (draws, a, b, drift, seed) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const proj = projection({
            years: [2025, 2026, 2027],
            cells: [0, 1, 2].map(() => [{ placement: 'ISS' as const, age: 12, plans: 100 }]),
            draws: draws.map(([x, y]) => [{ ISS: 100 }, { ISS: x }, { ISS: y }]),
          });
          proj.seed = seed;
          const run = (sd: number) => {
            const sc = scenario({ costs: { inflation: 0.03, complexity_drift: { ISS: drift } }, uncertainty: { inflation_sd: sd } });
            delete sc.sensitivity; // the tornado is not what this property is about
            return runBudget({ scenario: sc, tables: tables({ unitCosts, funding: [{ fy: 2025, hnBlockGbp: 6e6 }] }), projection: proj });
          };
          const narrow = run(lo);
          const wide = run(hi);
          wide.cumulativeQuantiles.forEach((q, i) => {
            const n = narrow.cumulativeQuantiles[i]!;
            expect(q.p90 - q.p10).toBeGreaterThanOrEqual(n.p90 - n.p10 - 1e-6);
          });
          wide.expenditureQuantiles.forEach((q, i) => {
            const n = narrow.expenditureQuantiles[i]!;
            expect(q.p90 - q.p10).toBeGreaterThanOrEqual(n.p90 - n.p10 - 1e-6);
          });
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});
