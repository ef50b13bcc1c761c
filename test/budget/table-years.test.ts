import { describe, expect, it } from 'vitest';
import { runBudget } from '../../src/budget/run-budget.ts';
import { filledYears, tableYearWarnings } from '../../src/budget/table-years.ts';
import { projection, scenario, tables } from './fixtures.ts';

/**
 * Years a money table fills from an earlier row without a row of its own: a missing middle year, or a table that
 * ends before the run's first financial year. Both used to be grown or carried with no note at all.
 */
describe('years a money table fills from an earlier row', () => {
  it('finds a missing middle year, and every year when the series ends before the run', () => {
    expect(filledYears([2025, 2027], [2025, 2026, 2027, 2028])).toEqual([{ fy: 2026, from: 2025 }]);
    expect(filledYears([2021, 2022], [2025, 2026])).toEqual([
      { fy: 2025, from: 2022 },
      { fy: 2026, from: 2022 },
    ]);
  });

  it('says nothing when the table reaches the run and has every year up to its last (growth after it is the rule)', () => {
    expect(filledYears([2025], [2025, 2026, 2027])).toEqual([]);
    expect(filledYears([2024, 2025, 2026], [2025, 2026, 2027])).toEqual([]);
    // a table starting after the run has its own warning (the block deflated; places and lines absent)
    expect(filledYears([2027], [2025, 2026, 2027])).toEqual([]);
  });

  it('names the table, the series, the years, the row they come from and how', () => {
    const w = tableYearWarnings(
      tables({
        funding: [
          { fy: 2025, hnBlockGbp: 10e6 },
          { fy: 2028, hnBlockGbp: 12e6 },
        ],
        places: [
          { placement: 'SSM', fy: 2022, places: 100, placeRateGbp: 10_000 },
          { placement: 'RP', fy: 2025, places: 10, placeRateGbp: 6_000 },
        ],
        otherSpend: [{ line: 'Hospital education', fy: 2025, amountGbp: 1 }],
      }),
      [2025, 2026, 2027, 2028, 2029],
      { fundingGrowth: 0.03 },
    );
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^Funding: .*grown by funding\.growth \(3% a year\).*High Needs block: 2026-27 to 2027-28 \(from 2025-26\)\./);
    expect(w[1]).toMatch(/^Place funding: .*SSM: 2025-26 to 2029-30 \(from 2022-23\); its last row is 2022-23, before the run's first financial year 2025-26\./);
    expect(w[1]).not.toMatch(/RP/);
  });

  it('says which years a places or other-spend series starting after its table leaves at £0 before its first row', () => {
    const w = tableYearWarnings(
      tables({
        places: [
          { placement: 'SSM', fy: 2025, places: 400, placeRateGbp: 10_000 },
          { placement: 'SSA', fy: 2027, places: 120, placeRateGbp: 10_000 },
        ],
        otherSpend: [
          { line: 'Therapies', fy: 2025, amountGbp: 1e6 },
          { line: 'Hospital education', fy: 2026, amountGbp: 5e5 },
          { line: 'Hospital education', fy: 2028, amountGbp: 6e5 },
        ],
      }),
      [2025, 2026, 2027, 2028],
      { fundingGrowth: 0.03 },
    );
    expect(w).toEqual([
      expect.stringMatching(/^Place funding: .*a year before a placement's first row, when the table starts earlier, is £0\. SSA: £0 in 2025-26 to 2026-27 \(its first row is 2027-28\)\./),
      expect.stringMatching(/^Other spend: .*Hospital education: £0 in 2025-26 \(its first row is 2026-27\), 2027-28 \(from 2026-27\)\./),
    ]);
    expect(w[1]).not.toMatch(/Therapies/);
  });

  it('says which years before a places or other-spend table are taken back from its first row', () => {
    const w = tableYearWarnings(
      tables({
        places: [
          { placement: 'SSM', fy: 2025, places: 400, placeRateGbp: 10_000 },
          { placement: 'SSA', fy: 2027, places: 120, placeRateGbp: 10_000 },
        ],
        otherSpend: [{ line: 'Therapies', fy: 2025, amountGbp: 1e6 }],
      }),
      [2022, 2023, 2024, 2025],
      { fundingGrowth: 0.03 },
    );
    expect(w).toEqual([
      expect.stringMatching(
        /^Place funding: .*a year before the table's first year takes a placement's first row, its places and place rate unchanged; .*SSM: 2022-23 to 2024-25 \(taken back from 2025-26\); SSA: £0 in 2022-23 to 2025-26 \(its first row is 2027-28\)\./,
      ),
      expect.stringMatching(/^Other spend: .*its amount deflated at the general rate\. Therapies: 2022-23 to 2024-25 \(taken back from 2025-26\)\./),
    ]);
  });

  it('reaches the run: a funding table with a gap is noted among the budget warnings and the fallbacks (stderr)', () => {
    const run = (funding: Array<{ fy: number; hnBlockGbp: number }>) =>
      runBudget({
        scenario: scenario({ funding: { growth: 0.05 } }),
        tables: tables({ unitCosts: [{ placement: 'SSM', annualCostGbp: 20_000, priceYear: 2025 }], funding, openingBalances: [{ fy: 2024, balanceGbp: 0 }] }),
        projection: projection({ years: [2025, 2026, 2027, 2028], cells: [2025, 2026, 2027, 2028].map(() => [{ placement: 'SSM', age: 8, plans: 10 }]) }),
      });
    const gap = run([
      { fy: 2025, hnBlockGbp: 1e6 },
      { fy: 2027, hnBlockGbp: 1.2e6 },
    ]);
    // the 2026-27 block is 2025-26's grown 5%, as before; now it says so
    expect(gap.lines[1]!.income).toBeCloseTo(1.05e6, 6);
    const note = /Funding: the funding table has no row of its own .*2026-27 \(from 2025-26\)/;
    expect(gap.fallbacks!.some((w) => note.test(w))).toBe(true);
    expect(gap.warnings.some((w) => note.test(w))).toBe(true);
    const whole = run([
      { fy: 2025, hnBlockGbp: 1e6 },
      { fy: 2026, hnBlockGbp: 1.1e6 },
    ]);
    expect(whole.warnings.some((w) => /^Funding: the funding table has no row/.test(w))).toBe(false);
  });
});
