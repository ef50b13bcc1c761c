/**
 * A funding table whose High Needs block (or schools block) of one year is half or less, or twice or more, that of the
 * year before it: a digit too many or too few. The sample's 2025-26 block typed with a zero too many (£571,700,000
 * beside £59,170,000 for 2026-27) ran with exit 0 and a 31 March 2028 balance of +£443m in place of -£71m, warned of
 * only as the block's scale against spend. It is now an error at the later year's line naming both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const HEAD = 'financial_year,hn_block_gbp,schools_block_transfer_gbp,other_income_gbp,import_export_adjustment_gbp,schools_block_gbp';

async function validateCsv(lines: string[]) {
  const p = join(tempDir(), 'funding.csv');
  writeFileSync(p, [HEAD, ...lines].join('\n') + '\n');
  return (await validatePaths([p], { today: TODAY })).files[0]!;
}

describe('a funding-table block stepping beyond ×0.5–×2 from the year before', () => {
  it('is an error at the later year\'s line naming both years, figures and lines, whatever the rows\' order', async () => {
    const f = await validateCsv(['2026-27,59170000,1250000,420000,-640000,', '2025-26,571700000,1250000,420000,-640000,']);
    expect(f.errors).toEqual([{
      line: 2,
      column: 'hn_block_gbp',
      message: "the High Needs block of 2026-27, £59,170,000, is ×0.10 that of 2025-26 on line 3 (£571,700,000): a council's High Needs block moves by a few per cent a year " +
        "under the national funding formula's floor and gains cap, so a step beyond ×0.5–×2 a year is not one: one of the two has a digit too many or too few, or is in " +
        "other units or another council's figure. Correct whichever is wrong (every balance from that year on rests on it)",
    }]);
    const schools = await validateCsv(['2025-26,57170000,,,,480000000', '2026-27,59170000,,,,4900000000']);
    expect(schools.errors.map((e) => [e.line, e.column, e.message.slice(0, 50)])).toEqual([[3, 'schools_block_gbp', 'the schools block of 2026-27, £4,900,000,000, is ×']]);
  });

  it('says nothing of steps within the band, of years apart by its power, or of a table of one year', async () => {
    expect((await validateCsv(['2025-26,57170000,,,,', '2026-27,59170000,,,,', '2027-28,61000000,,,,'])).errors).toEqual([]);
    // a block after recoupment beside one before it (×0.7) is not refused; four years apart, ×3 is within ×2⁴
    expect((await validateCsv(['2025-26,57170000,,,,', '2026-27,40000000,,,,'])).errors).toEqual([]);
    expect((await validateCsv(['2021-22,20000000,,,,', '2025-26,60000000,,,,'])).errors).toEqual([]);
    expect((await validateCsv(['2025-26,571700000,,,,'])).errors).toEqual([]);
  });

  it('a workbook sheet the same, at Sheet!column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 57170000], ['2026-27', 5917000]]);
    const p = join(tempDir(), 'money.xlsx');
    await wb.xlsx.writeFile(p);
    const f = (await validatePaths([p], { today: TODAY })).files[0]!;
    expect(f.errors).toEqual([expect.objectContaining({ line: 3, column: 'funding!hn_block_gbp', message: expect.stringMatching(/^the High Needs block of 2026-27, £5,917,000, is ×0.10 that of 2025-26 on line 2 /) })]);
  });
});
