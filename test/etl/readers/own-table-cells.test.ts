/**
 * A council's cell that is no amount or no financial year is refused saying what it is and what to write instead
 * (etl/readers/own-table-cells.ts). Before, '£5.2m', 'TBC', '3%' and '#REF!' were each 'expected a number. Got: …',
 * '01/04/2025' and 45748 (a spreadsheet's date serial) 'expected a financial year like 2024-25', a note under the table
 * 'expected a financial year' of the note's text, and INMSS was offered 'did you mean NMSS?' (it is ISS or NMSS).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moneyTextKind, placementsAbbreviated, yearTextKind } from '../../../src/etl/readers/own-table-cells.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { moneyNotAnAmount } from '../../../src/messages/own-tables.ts';
import { tempDir, TODAY } from '../helpers.ts';

describe('what a money cell that is no amount is', () => {
  it.each([
    ['£5.2m', { kind: 'scaled', pounds: 5_200_000, unit: 'millions' }],
    ['-£0.64m', { kind: 'scaled', pounds: -640_000, unit: 'millions' }],
    ['(1.5m)', { kind: 'scaled', pounds: -1_500_000, unit: 'millions' }],
    ['£3,150k', { kind: 'scaled', pounds: 3_150_000, unit: 'thousands' }],
    ['1.2bn', { kind: 'scaled', pounds: 1_200_000_000, unit: 'billions' }],
    ['3%', { kind: 'percent' }],
    ['#REF!', { kind: 'sheet-error' }],
    ['#N/A', { kind: 'sheet-error' }],
    ['TBC', { kind: 'no-figure' }],
    ['n/a', { kind: 'no-figure' }],
    ['640,50', { kind: 'decimal-comma', fixed: '640.50' }],
    ['1234567-', { kind: 'other' }],
    // a finance report's sign in words: was 'expected an amount … write the figure so', with no word of the minus
    ['deficit 18,400,000', { kind: 'sign-word', word: 'deficit', pounds: -18_400_000 }],
    ['Overspend: £2,500,000', { kind: 'sign-word', word: 'overspend', pounds: -2_500_000 }],
    ['18,400,000 deficit', { kind: 'sign-word', word: 'deficit', pounds: -18_400_000 }],
    ['surplus 1200000', { kind: 'sign-word', word: 'surplus', pounds: 1_200_000 }],
    ['18,400,000 DR', { kind: 'ledger-sign', word: 'DR', amount: 18_400_000 }],
  ])('%s', (raw, kind) => expect(moneyTextKind(raw)).toEqual(kind));

  it('says a deficit written in words is a figure below 0, with the number to write', () => {
    expect(moneyNotAnAmount('dsg_cumulative_balance_gbp', 'deficit 18,400,000', moneyTextKind('deficit 18,400,000'))).toBe(
      "expected an amount in pounds in 'dsg_cumulative_balance_gbp'. Got: 'deficit 18,400,000', a figure with the word 'deficit' for its sign: write it as a number, -18400000 (a deficit or an overspend is below 0, written with a minus; a surplus or an underspend above it)",
    );
    expect(moneyNotAnAmount('dsg_cumulative_balance_gbp', '18,400,000 DR', moneyTextKind('18,400,000 DR'))).toContain("a ledger's 'DR' mark: write it as a number with its sign, 18400000 or -18400000");
  });
});

describe('what a financial-year cell that is none is', () => {
  it.each([
    ['01/04/2025', { kind: 'date', date: '1 April 2025', year: '2025-26' }],
    ['2026-03-31', { kind: 'date', date: '31 March 2026', year: '2025-26' }],
    ['45748', { kind: 'excel-date', date: '1 April 2025', year: '2025-26' }],
    ['AY 2025/26', { kind: 'academic', year: '2025-26' }],
    // a month (or a span of months) for the year: was 'expected a financial year like 2024-25' with no year offered
    ['Apr 2025', { kind: 'date', date: 'April 2025', year: '2025-26' }],
    ['Sept 2025', { kind: 'date', date: 'September 2025', year: '2025-26' }],
    ['March 2026', { kind: 'date', date: 'March 2026', year: '2025-26' }],
    ['Apr 2025 - Mar 2026', { kind: 'date', date: 'April 2025 to March 2026', year: '2025-26' }],
    ['Total 2025', { kind: 'other' }],
    ['2025/26 academic year', { kind: 'academic', year: '2025-26' }],
    ['Q1', { kind: 'other' }],
  ])('%s', (raw, kind) => expect(yearTextKind(raw)).toEqual(kind));
});

it('a council abbreviation names the placements it may stand for, none for a word it is not', () => {
  expect(placementsAbbreviated('INMSS')?.map((p) => p.code)).toEqual(['ISS', 'NMSS']);
  expect(placementsAbbreviated(' isp ')?.map((p) => p.code)).toEqual(['SPI', 'ISS']);
  expect(placementsAbbreviated('ARP')?.map((p) => p.code)).toEqual(['RP']);
  expect(placementsAbbreviated('Special school')).toBeUndefined();
});

it('validate names the cell, the value and what to write', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'other_spend.csv'), [
    'line,financial_year,amount_gbp',
    'Therapies,2025-26,£1.38m',
    'Hospital education,2025-26,TBC',
    'Direct payments,01/04/2025,540000',
    'Notes: figures from the budget report,,',
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'unit_costs.csv'), 'placement,annual_cost_gbp,price_year\nINMSS,60000,2024-25\n');
  const { files } = await validatePaths([join(dir, 'other_spend.csv'), join(dir, 'unit_costs.csv')], { today: TODAY });
  expect(files.flatMap((f) => f.errors.map((e) => [e.line, e.column, e.message]))).toEqual([
    [2, 'amount_gbp', "expected an amount in pounds in 'amount_gbp'. Got: '£1.38m', an amount in millions: write it in pounds as a number, 1380000 if that is the exact figure (a figure rounded to millions is not the budget's own)"],
    [3, 'amount_gbp', "expected an amount in pounds in 'amount_gbp'. Got: 'TBC', no figure: write the amount (0 where there is none), or delete the row until the figure is known"],
    [4, 'financial_year', "expected a financial year like 2024-25. Got: '01/04/2025', a date (1 April 2025): write the financial year it falls in, 2025-26 (April to March), if that is the year meant"],
    [5, 'line', "this row holds only 'Notes: figures from the budget report' (in 'line'): a note or a heading, not a row of the table. Delete it (keep notes in another file), or fill in 'financial_year' and 'amount_gbp'"],
    [2, 'placement', "expected a placement code (EY, MS, RP, …) or a placement's name ('Independent special school'), as listed in docs/inputs.md §4. Got: 'INMSS' (it could be ISS, independent special school; or NMSS, non-maintained special school: write the code)"],
  ]);
});

it('a money figure in scientific notation is refused: a spreadsheet rounds a wide figure to show it so', async () => {
  // '1.2E+06' (1,234,567 in a narrow column, saved as shown) was read as £1,200,000: £34,567 lost, exit 0
  const dir = tempDir();
  writeFileSync(join(dir, 'other_spend.csv'), 'line,financial_year,amount_gbp\nTherapies,2025-26,1.2E+06\nHospital education,2025-26,620000\n');
  const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
  expect(f!.errors).toEqual([
    {
      line: 2,
      column: 'amount_gbp',
      message:
        "expected an amount in pounds in 'amount_gbp', written in full. Got: '1.2E+06' (1,200,000), in scientific notation, as a spreadsheet shows a figure too wide for its column, rounded to the digits that fit: write the figure in full from the spreadsheet (widen the column, or format it as a number, before saving)",
    },
  ]);
});
