/**
 * The opening-balance table's figure against the first year's block and spend (budget/opening-scale.ts; docs/budget.md
 * section 7): a balance in £ thousands or millions, and a deficit written as a positive figure, each ran with exit 0
 * and no word.
 */
import { describe, expect, it } from 'vitest';
import { openingAgainstBlock } from '../../src/budget/opening-scale.ts';
import { runBudget } from '../../src/budget/run-budget.ts';
import { projection, scenario, tables } from './fixtures.ts';

/** The sample's first year: block £57.17m, spend £69.27m, in-year -£11.07m. */
const SAMPLE = [{ fy: 2025, hnBlock: 57_170_000, expenditure: 69_272_000, inYearBalance: -11_072_000 }];
const source = { file: 'opening_balance.csv', line: 2 };

describe('an opening balance in £ thousands or millions', () => {
  it('is named under 0.1% of the block, with the figure read in the units it fits', () => {
    // before: -18400 read as -£18,400, every cumulative balance £18.38m above the accounts, no word
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: -18_400, source }, SAMPLE)).toEqual([
      "Opening balance: the opening-balance table's balance at 31 March 2025 (opening_balance.csv line 2) is -£18,400, 0.032% of the 2025-26 High Needs block (£57,170,000), under 0.1%: " +
        "a council's DSG balance is seldom so near nil, so the figure is probably in £ thousands or millions, as a finance report gives it " +
        '(in £ thousands it is -£18,400,000, and every cumulative balance would be £18,381,600 lower). ' +
        "Every cumulative balance of the run starts from it. Write dsg_cumulative_balance_gbp in pounds, as the DSG note of the statement of accounts gives it; if the balance is that small, the run's figures stand (it uses the figure as given).",
    ]);
    const millions = openingAgainstBlock({ fy: 2024, balanceGbp: -18.4 }, SAMPLE);
    expect(millions[0]).toContain('is -18.4 (read as -£18.40), under 0.001% of the 2025-26 High Needs block');
    expect(millions[0]).toContain('(in £ millions it is -£18,400,000, and every cumulative balance would be £18,399,982 lower)');
    expect(millions[0]).not.toContain('in £ thousands it is');
  });

  it('names nothing at £0, at the sample\'s -£18,400,000, or at 0.1% of the block (£57,170)', () => {
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: 0 }, SAMPLE)).toEqual([]);
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: -18_400_000 }, SAMPLE)).toEqual([]);
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: -57_170 }, SAMPLE)).toEqual([]);
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: 57_169 }, SAMPLE)).toHaveLength(1);
    expect(openingAgainstBlock(undefined, SAMPLE)).toEqual([]);
  });
});

describe('a deficit written as a positive figure', () => {
  it('is named as a surplus of a quarter of the block or more beside a first year overspent by a tenth of its spend', () => {
    // before: 18400000 read as a surplus, 31 March 2028 at -£34.4m in place of -£71.2m, no word
    const [note] = openingAgainstBlock({ fy: 2024, balanceGbp: 18_400_000, source }, SAMPLE);
    expect(note).toBe(
      "Opening balance: the opening-balance table's balance at 31 March 2025 (opening_balance.csv line 2) is a surplus of £18,400,000, 32% of the 2025-26 High Needs block (£57,170,000), " +
        "while the run models 2025-26's spend £11,072,000 above its income (16% of the spend): a council overspending so far rarely holds a surplus of 25% of its block or more, so is it a deficit written as a positive figure? " +
        'A deficit is negative (-18400000); read as a surplus, every cumulative balance of the run is £36,800,000 higher than from the deficit. ' +
        'Check dsg_cumulative_balance_gbp against the DSG note of the statement of accounts; the run uses the figure as given.',
    );
  });

  it('names no surplus under a quarter of the block, nor one beside a year in balance or overspent by less than a tenth', () => {
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: 14_000_000 }, SAMPLE)).toEqual([]);
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: 18_400_000 }, [{ ...SAMPLE[0]!, expenditure: 60e6, inYearBalance: -5e6 }])).toEqual([]);
    expect(openingAgainstBlock({ fy: 2024, balanceGbp: 18_400_000 }, [{ ...SAMPLE[0]!, expenditure: 55e6, inYearBalance: 2.2e6 }])).toEqual([]);
  });
});

describe('in a run', () => {
  it('is among the notes that say a figure is probably wrong, and beside the budget table', () => {
    // 1,000 special school plans at £60,000 (£60m a year) against a block of £50m: in-year -£10m
    const proj = projection({ years: [2025, 2026], cells: [[{ placement: 'SSA', age: 10, plans: 1000 }], [{ placement: 'SSA', age: 11, plans: 1000 }]] });
    const t = (balanceGbp: number) =>
      tables({
        unitCosts: [{ placement: 'SSA', annualCostGbp: 60_000, priceYear: 2025 }],
        funding: [{ fy: 2025, hnBlockGbp: 50e6 }],
        openingBalances: [{ fy: 2024, balanceGbp, source }],
      });
    const run = (balanceGbp: number) => runBudget({ scenario: scenario({ costs: { inflation: 0 } }), tables: t(balanceGbp), projection: proj });
    expect(run(-20e6).spendNotes?.filter((n) => n.startsWith('Opening balance:'))).toEqual([]);
    for (const written of [-20_000, 20e6]) {
      const b = run(written);
      const note = b.spendNotes?.find((n) => n.startsWith('Opening balance:'));
      expect(note, String(written)).toBeDefined();
      expect(b.suspect).toContain(note);
      expect(b.warnings).toContain(note);
    }
  });
});
