/**
 * How a council lays a money table out on a sheet: a blank spacer column inside the header. Before, a spacer column
 * (or a table beside) stopped validate and run with 'internal error … Cannot read properties of undefined (reading
 * 'replace')', exit 70.
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

});
