import { describe, expect, it } from 'vitest';
import { deficitInterest, reservesAt } from '../../src/budget/general-fund.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

describe('after March 2028: interest and reserves', () => {
  it('interest is the rate on the year’s average deficit', () => {
    // −£10m at 31 March 2027, −£14m at 31 March 2028, 4% → 4% × £12m = £480,000
    expect(deficitInterest(-10e6, -14e6, 0.04)).toBeCloseTo(480_000, 6);
    // a surplus earns nothing here; a year crossing zero pays on the average only
    expect(deficitInterest(5e6, 3e6, 0.04)).toBe(0);
    expect(deficitInterest(1e6, -3e6, 0.04)).toBeCloseTo(40_000, 6);
  });

  it('carries reserves forward from the latest row', () => {
    const rows = [{ fy: 2025, usableReservesGbp: 30e6 }, { fy: 2027, usableReservesGbp: 25e6 }];
    expect([2024, 2025, 2026, 2027, 2030].map((fy) => reservesAt(rows, fy))).toEqual([30e6, 30e6, 30e6, 25e6, 25e6]);
    expect(reservesAt([], 2025)).toBeUndefined();
  });

  it('in a run: interest kept apart from the block, and the year the deficit exceeds reserves', () => {
    // no plans; other spend £4m a year, income £0 → in-year −£4m; opening −£10m.
    // Balances: −14m (2025-26), −18m (2026-27), −22m (2027-28). Interest at 5%: 5% × 12m = 600,000;
    // 5% × 16m = 800,000; 5% × 20m = 1,000,000. Reserves £20m: exceeded first at the end of 2027-28.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, deficit: { interest_rate: 0.05 } }),
      tables: tables({
        otherSpend: [2025, 2026, 2027].map((fy) => ({ line: 'Hospital education', fy, amountGbp: 4e6 })),
        openingBalances: [{ fy: 2024, balanceGbp: -10e6 }],
        reserves: [{ fy: 2025, usableReservesGbp: 20e6 }],
      }),
      projection: projection({ years: [2025, 2026, 2027, 2028], cells: [[], [], [], []] }),
    });
    expect(r.lines.map((l) => l.cumulativeBalance)).toEqual([-14e6, -18e6, -22e6]);
    const gf = r.generalFund!;
    expect(gf.years.map((y) => y.interest)).toEqual([600_000, 800_000, 1_000_000]);
    expect(gf.years[2]!.cumulativeInterest).toBe(2_400_000);
    expect(gf.firstYearDeficitExceedsReserves).toBe(2027);
    expect(gf.years[1]!.deficitShareOfReserves).toBeCloseTo(0.9, 12);
    // the interest is not in the DSG balance
    expect(r.lines[2]!.expenditure).toBe(4e6);
  });

  it('an opening-balance table with only a projected year: the cumulative balance passes through its figure, not past it', () => {
    // in-year −£4m a year as above; the table gives −£10m at the end of 2025-26 (a year the run projects). Used as the
    // opening itself, 2025-26's −£4m was counted again: −14m at the end of 2025-26. Now the opening is worked back
    // (−£6m at the end of 2024-25) and the balances are −10m, −14m, −18m.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({
        otherSpend: [2025, 2026, 2027].map((fy) => ({ line: 'Hospital education', fy, amountGbp: 4e6 })),
        openingBalances: [{ fy: 2025, balanceGbp: -10e6 }],
      }),
      projection: projection({ years: [2025, 2026, 2027, 2028], cells: [[], [], [], []] }),
    });
    expect(r.lines.map((l) => l.cumulativeBalance)).toEqual([-10e6, -14e6, -18e6]);
    expect(r).toMatchObject({ openingBalance: -6e6, openingBalanceFy: 2024, openingBalanceFromFy: 2025, openingBalanceAnchored: true });
    expect(r.cumulativeQuantiles[0]!.p50).toBe(-10e6);
    expect((r.fallbacks ?? []).join(' ')).toMatch(
      /the table has 2025-26, a year the run projects\. The run's cumulative DSG balance is made to pass through the table's -£10,000,000 at the end of 2025-26, so its opening balance \(-£6,000,000 at the end of 2024-25\)/,
    );
    // a row for the year before the first projected one is the opening itself, as before
    const plain = runBudget({
      scenario: scenario({ costs: { inflation: 0 } }),
      tables: tables({ otherSpend: [2025, 2026, 2027].map((fy) => ({ line: 'Hospital education', fy, amountGbp: 4e6 })), openingBalances: [{ fy: 2024, balanceGbp: -6e6 }] }),
      projection: projection({ years: [2025, 2026, 2027, 2028], cells: [[], [], [], []] }),
    });
    expect(plain.lines.map((l) => l.cumulativeBalance)).toEqual([-10e6, -14e6, -18e6]);
    expect(plain.openingBalanceAnchored).toBeUndefined();
  });
});
