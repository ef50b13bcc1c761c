/**
 * A workbook's sheet of an own table gets the header checks a CSV of it gets (csv/read-table.ts checkHeader). Before,
 * a funding sheet headed 'import_export_adjustmnt_gbp' validated and loaded with no word (its -£640,000 a year left
 * out of income, exit 0), a column given twice with different figures was read from its first copy, and an unknown
 * column was ignored without the warning a CSV gets.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

async function sheet(rows: unknown[][], above: unknown[][] = []): Promise<string> {
  const path = join(tempDir(), 'tables.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Funding').addRows([...above, ...rows]);
  await wb.xlsx.writeFile(path);
  return path;
}

async function validate(path: string) {
  const [f] = (await validatePaths([path], { today: TODAY })).files;
  return f!;
}

describe('the header of an own table in a workbook', () => {
  it('is an error at its line when a column is a misspelling of an optional column the sheet lacks', async () => {
    const path = await sheet(
      [['financial_year', 'hn_block_gbp', 'import_export_adjustmnt_gbp'], ['2025-26', 57_170_000, -640_000]],
      [['Anyshire funding']],
    );
    const f = await validate(path);
    expect(f.errors).toEqual([
      {
        line: 2,
        column: 'Funding!import_export_adjustmnt_gbp',
        message: expect.stringMatching(/column 'import_export_adjustmnt_gbp' is not a column of this table, and its column 'import_export_adjustment_gbp' is missing/),
      },
    ]);
  });

  it('is an error when a column given twice disagrees on a row, and a warning when its copies agree', async () => {
    const disagree = await validate(await sheet([['financial_year', 'hn_block_gbp', 'HN_block_gbp'], ['2025-26', 57_170_000, 57_170_000], ['2026-27', 59_170_000, 5_917_000]]));
    expect(disagree.errors).toEqual([{ line: 3, column: 'Funding!hn_block_gbp', message: expect.stringMatching(/appears more than once and the copies disagree/) }]);
    const agree = await validate(await sheet([['financial_year', 'hn_block_gbp', 'hn_block_gbp'], ['2025-26', 57_170_000, 57_170_000]]));
    expect(agree.errors).toEqual([]);
    expect(agree.warnings).toEqual([{ line: 1, column: 'Funding!hn_block_gbp', message: expect.stringMatching(/appears 2 times/) }]);
  });

  it('warns of an unknown column, as a CSV does', async () => {
    const f = await validate(await sheet([['financial_year', 'hn_block_gbp', 'notes'], ['2025-26', 57_170_000, 'agreed']]));
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([{ line: 1, column: 'Funding!notes', message: expect.stringMatching(/unknown column 'notes' is ignored/) }]);
  });
});

describe('a cell of an own table sheet under no column heading', () => {
  // a CSV row with values past its header is refused; a sheet's were passed over: a schools block transfer typed in the
  // column after hn_block_gbp, with no heading, loaded with its £1.25m a year left out of income, exit 0
  it('is an error when it holds a figure, naming the cell', async () => {
    const f = await validate(await sheet([['financial_year', 'hn_block_gbp'], ['2025-26', 57_170_000, 1_250_000], ['2026-27', 59_170_000, 1_250_000]]));
    expect(f.errors).toEqual([
      { line: 2, column: 'Funding!C2', message: expect.stringMatching(/holds 1250000 under no column heading: its figure would be left out/) },
      { line: 3, column: 'Funding!C3', message: expect.stringMatching(/holds 1250000 under no column heading/) },
    ]);
  });

  it('is a warning when it holds text (a note beside the table), once a column', async () => {
    const f = await validate(await sheet([['financial_year', 'hn_block_gbp', '', 'notes'], ['2025-26', 57_170_000, 'provisional', 'x'], ['2026-27', 59_170_000, 'draft']]));
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([
      { line: 1, column: 'Funding!notes', message: expect.stringMatching(/unknown column 'notes' is ignored/) },
      { line: 2, column: 'Funding!C2', message: expect.stringMatching(/holds 'provisional' under no column heading: not read/) },
    ]);
  });
});

describe('a hidden row or column of an own table sheet', () => {
  // was read as any other: an old line of other spend hidden rather than deleted (or rows filtered out of view) added
  // its £900,000 a year to the spend the workbook shows, exit 0
  it('is an error naming the row, as it is unclear whether it counts', async () => {
    const path = join(tempDir(), 'tables.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Other spend');
    ws.addRows([['line', 'financial_year', 'amount_gbp'], ['Therapies', '2025-26', 1_380_000], ['Old outreach contract', '2025-26', 900_000], ['Hospital education', '2025-26', 620_000]]);
    ws.getRow(3).hidden = true;
    await wb.xlsx.writeFile(path);
    const f = await validate(path);
    expect(f.errors).toEqual([{ line: 3, column: 'Other spend!3:3', message: expect.stringMatching(/row 3 of sheet 'Other spend' is hidden .*Unhide it .* or delete it/) }]);
  });

  it('a hidden column of the table is an error naming it at the header', async () => {
    const path = join(tempDir(), 'tables.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Funding');
    ws.addRows([['financial_year', 'hn_block_gbp', 'other_income_gbp'], ['2025-26', 57_170_000, 420_000]]);
    ws.getColumn(3).hidden = true;
    await wb.xlsx.writeFile(path);
    const f = await validate(path);
    expect(f.errors).toEqual([{ line: 1, column: 'Funding!other_income_gbp', message: expect.stringMatching(/column 'other_income_gbp' \(C\) of sheet 'Funding' is hidden/) }]);
  });
});
