/**
 * How a council lays a money table out on a sheet: a blank spacer column inside the header, a second table beside or
 * below the first, a header under a long title block. Before, a spacer column (or a table beside) stopped validate and
 * run with 'internal error … Cannot read properties of undefined (reading 'replace')', exit 70; a table below the first
 * was refused on its header's cells ('expected a financial year … Got: 'dsg_cumulative_balance_gbp''); and a header
 * on row 13 passed the sheet over with a warning, the run spending £0 on other spend, exit 0.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const OTHER: ExcelJS.CellValue[][] = [['line', 'financial_year', 'amount_gbp'], ['Therapies', '2025-26', 1_380_000], ['Hospital education', '2025-26', 620_000]];

async function validateBook(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(tempDir(), 'money.xlsx');
  await wb.xlsx.writeFile(path);
  return (await validatePaths([path], { today: TODAY })).files[0]!;
}

describe('a money table\'s layout on a sheet', () => {
  it('a blank spacer column inside the header is passed over, the table read', async () => {
    const f = await validateBook((wb) => wb.addWorksheet('Other spend').addRows(OTHER.map((r) => [r[0], null, ...r.slice(1)])));
    expect(f).toMatchObject({ reader: 'own-tables-xlsx', rows: 2, errors: [] });
  });

  it('a second table beside the first is an error naming its columns', async () => {
    const f = await validateBook((wb) => wb.addWorksheet('Funding').addRows([
      ['financial_year', 'hn_block_gbp', null, 'financial_year', 'dsg_cumulative_balance_gbp'],
      ['2025-26', 57_170_000, null, '2024-25', -18_400_000],
    ]));
    expect(f.errors).toEqual([{ line: 1, column: 'Funding!D', message: "sheet 'Funding' holds a second table beside the funding table: the opening-balance table in columns D–E, whose columns would be read as the funding table's. Put each table on a sheet of its own" }]);
  });

  it('a second table below the first is an error at its header\'s row', async () => {
    const f = await validateBook((wb) => wb.addWorksheet('Money').addRows([...OTHER, [], ['financial_year', 'dsg_cumulative_balance_gbp'], ['2024-25', -18_400_000]]));
    expect(f.errors).toEqual([{ line: 5, column: 'Money!5:5', message: "sheet 'Money' holds a second table below the other-spend table: the opening-balance table from row 5, whose rows would be read as the other-spend table's. Put each table on a sheet of its own" }]);
  });

  it('a header below the rows looked at is an error naming its row, not a sheet passed over', async () => {
    const f = await validateBook((wb) => {
      wb.addWorksheet('Funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 57_170_000]]);
      wb.addWorksheet('Other spend').addRows([...Array.from({ length: 12 }, (_, i) => [`Note ${i + 1}`]), ...OTHER]);
    });
    expect(f.errors.map((e) => [e.line, e.message])).toEqual([[13, expect.stringMatching(/^sheet 'Other spend' has the header of the other-spend table on row 13, below 12 rows: .* Delete rows above the header/)]]);
  });
});
