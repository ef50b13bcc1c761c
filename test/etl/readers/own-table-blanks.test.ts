/**
 * A blank income cell of the funding table (schools_block_transfer_gbp, other_income_gbp,
 * import_export_adjustment_gbp) is read as none of that income in its year (£0): it used to be so without a word, so
 * a figure left out, or not yet known, became £0 of income unseen. Each such column now gives one warning with its
 * years and first line (validate, and a run's stderr and Data quality sheet); a 0 written, or a column the table does
 * not have, gives none.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEADER = 'financial_year,hn_block_gbp,schools_block_transfer_gbp,other_income_gbp,import_export_adjustment_gbp,schools_block_gbp';

async function validateCsv(lines: string[]) {
  const p = join(tempDir(), 'funding.csv');
  writeFileSync(p, lines.join('\n') + '\n');
  return (await validatePaths([p], { today: TODAY })).files[0]!;
}

describe('funding: blank income cells', () => {
  it('one warning per column, naming its years and first line; the rows still load', async () => {
    const f = await validateCsv([
      HEADER,
      '2025-26,57170000,1250000,420000,-640000,300000000',
      '2026-27,59170000,,,-640000,',
      '2027-28,60000000,1250000,,-640000,',
    ]);
    expect(f).toMatchObject({ reader: 'funding', rows: 3, errors: [] });
    expect(f.warnings).toEqual([
      { line: 3, column: 'schools_block_transfer_gbp', message: "'schools_block_transfer_gbp' is blank for 2026-27: read as none of that income in that year (£0), unless the scenario sets funding.schools_block_transfer_gbp. Write 0 where there is none, and the figure where there is one, so that a figure left out is not taken for £0" },
      { line: 3, column: 'other_income_gbp', message: "'other_income_gbp' is blank for 2026-27, 2027-28: read as none of that income in those years (£0), or, where the scenario lists the column in funding.carry_forward, the latest figure before. Write 0 where there is none, and the figure where there is one, so that a figure left out is not taken for £0" },
    ]);
  });

  it('a 0 written, a column the table does not have, or a blank schools block (unknown, not income) gives no warning', async () => {
    expect((await validateCsv([HEADER, '2025-26,57170000,0,0,0,', '2026-27,59170000,0,0,0,'])).warnings).toEqual([]);
    expect((await validateCsv(['financial_year,hn_block_gbp', '2025-26,57170000'])).warnings).toEqual([]);
  });

  it('a workbook sheet the same, at Sheet!column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('funding').addRows([
      ['financial_year', 'hn_block_gbp', 'import_export_adjustment_gbp'],
      ['2025-26', 57170000, -640000],
      ['2026-27', 59170000, null],
    ]);
    const p = join(tempDir(), 'inputs.xlsx');
    await wb.xlsx.writeFile(p);
    const f = (await validatePaths([p], { today: TODAY })).files[0]!;
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([expect.objectContaining({ line: 3, column: 'funding!import_export_adjustment_gbp', message: expect.stringMatching(/^'import_export_adjustment_gbp' is blank for 2026-27: read as none/) })]);
  });
});
