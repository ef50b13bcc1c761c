import { describe, expect, it } from 'vitest';
import { deficitInterest, reservesAt } from '../../src/budget/general-fund.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

describe('after March 2028: interest and reserves', () => {
  it('interest is the rate on the year’s average deficit', () => {
    // −£10m at 31 March 2027, −£14m at 31 March 2028, 4% → 4% × £12m = £480,000
    expect(deficitInterest(-10e6, -14e6, 0.04)).toBeCloseTo(480_000, 6);
    // a surplus earns nothing here
    expect(deficitInterest(5e6, 3e6, 0.04)).toBe(0);
    // a year crossing zero pays on its negative part, the balance moving in a straight line, and a surplus in the same
    // year does not offset it: −£5m to +£5m is negative half the year at £2.5m on average → 5% × £1.25m = £62,500
    // (the mean of the two ends, £0, gave none); +£1m to −£3m is negative 3/4 of the year at £1.5m on average →
    // 4% × £1.125m = £45,000 (was 4% × £1m = £40,000)
    expect(deficitInterest(-5e6, 5e6, 0.05)).toBeCloseTo(62_500, 6);
    expect(deficitInterest(5e6, -5e6, 0.05)).toBeCloseTo(62_500, 6);
    expect(deficitInterest(1e6, -3e6, 0.04)).toBeCloseTo(45_000, 6);
    expect(deficitInterest(0, -3e6, 0.04)).toBeCloseTo(60_000, 6);
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

  it('in a run: a year whose balance goes from surplus to deficit pays interest on the months in deficit', () => {
    // other spend £4m a year, income £0, opening +£2m: balances −2m, −6m, −10m. 2025-26 runs from +2m to −2m, in
    // deficit for half the year at £1m on average: 5% × 1m × ½ = 25,000 (the mean of the two ends, 0, gave none); then
    // 5% × 4m = 200,000 and 5% × 8m = 400,000.
    const r = runBudget({
      scenario: scenario({ costs: { inflation: 0 }, deficit: { interest_rate: 0.05 } }),
      tables: tables({
        otherSpend: [2025, 2026, 2027].map((fy) => ({ line: 'Hospital education', fy, amountGbp: 4e6 })),
        openingBalances: [{ fy: 2024, balanceGbp: 2e6 }],
      }),
      projection: projection({ years: [2025, 2026, 2027, 2028], cells: [[], [], [], []] }),
    });
    expect(r.lines.map((l) => l.cumulativeBalance)).toEqual([-2e6, -6e6, -10e6]);
    expect(r.generalFund!.years.map((y) => y.interest)).toEqual([25_000, 200_000, 400_000]);
    // the Assumptions sheet states the rule used (it said 'the average of the balance at the start and end of the year')
    expect(r.assumptions.find((a) => a.key === 'deficit.interest.rule')!.value).toMatch(/straight line .* counted only while negative/);
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

  it('an opening worked back over years whose block is out of scale with their spend is marked as such', () => {
    // the block typed in £ thousands (10,000 for £10m) against £4m of spend a year: the in-year balances up to the
    // table's year are the whole spend, and so is the balance worked back from them (the sample from January 2022 with
    // its block in thousands worked back a surplus of £157m at 31 March 2022 from a deficit of £18.4m in 2025)
    const run = (block: number) =>
      runBudget({
        scenario: scenario({ costs: { inflation: 0 }, funding: { growth: 0 } }),
        tables: tables({
          otherSpend: [2025, 2026, 2027].map((fy) => ({ line: 'Hospital education', fy, amountGbp: 4e6 })),
          funding: [2025, 2026, 2027].map((fy) => ({ fy, hnBlockGbp: block })),
          openingBalances: [{ fy: 2026, balanceGbp: -10e6 }],
        }),
        projection: projection({ years: [2025, 2026, 2027, 2028], cells: [[], [], [], []] }),
      });
    const r = run(10_000);
    expect(r.openingBalanceAnchored).toBe(true);
    expect(r.openingBalanceOutOfScale).toEqual({ fy: 2025, hnBlock: 10_000, expenditure: 4e6 });
    // a block of £3m against £4m of spend is in scale: the worked-back opening stands
    const ok = run(3e6);
    expect(ok.openingBalance).toBe(-8e6);
    expect(ok.openingBalanceOutOfScale).toBeUndefined();
  });
});
