/**
 * Spreadsheet bombs, generated here (not stored): a 1.5-million-row workbook of ~150 KB, alone and inside a ZIP
 * archive, is refused by the row limit while its sheet streams, by the command line as users start it, quickly
 * and in bounded memory (peak RSS of the child measured).
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { xlsxTooLarge } from '../../src/etl/xlsx-limits.ts';
import { runCliMeasured } from '../cli/spawn-measured.ts';
import { withTempDir } from '../temp.ts';
import { zipBytes, type ZipEntryInput } from './zip-writer.ts';

const ROW = '<row><c t="inlineStr"><is><t>2025-26</t></is></c><c><v>1</v></c></row>';

/** A workbook of one sheet `funding` holding a header and `rows` data rows, built 10,000 rows at a time. */
function bombWorkbook(rows: number, cellsPerRow = 2): Buffer {
  const row = cellsPerRow === 2 ? ROW : `<row>${'<c><v>1</v></c>'.repeat(cellsPerRow)}</row>`;
  const block = Buffer.from(row.repeat(Math.min(rows, 10_000)));
  const sheet = function* () {
    yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield '<row><c t="inlineStr"><is><t>financial_year</t></is></c><c t="inlineStr"><is><t>hn_block_gbp</t></is></c></row>';
    for (let left = rows; left > 0; left -= 10_000) yield left >= 10_000 ? block : Buffer.from(row.repeat(left));
    yield '</sheetData></worksheet>';
  };
  const entries: ZipEntryInput[] = [
    { name: '[Content_Types].xml', chunks: ['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'] },
    { name: 'xl/workbook.xml', chunks: ['<workbook><sheets><sheet name="funding" sheetId="1" r:id="rId1"/></sheets></workbook>'] },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheet() },
  ];
  return zipBytes(entries);
}

describe('spreadsheet bombs', () => {
  it('stops counting at the row or cell limit, in a moment', async () => {
    await withTempDir(async (d) => {
      const p = join(d, 'bomb.xlsx');
      await writeFile(p, bombWorkbook(1_500_000));
      const t0 = performance.now();
      expect(await xlsxTooLarge(p)).toMatch(/more than 20,000 rows/);
      expect(performance.now() - t0).toBeLessThan(3000);
      await writeFile(p, bombWorkbook(3, 100_000));
      expect(await xlsxTooLarge(p)).toMatch(/more than 250,000 cells/);
      await writeFile(p, bombWorkbook(3));
      expect(await xlsxTooLarge(p)).toBeUndefined();
    });
  });

  it('a 1.5-million-row workbook, alone and inside a ZIP, is exit 1 naming it, in bounded memory', async () => {
    await withTempDir(async (d) => {
      const xlsx = bombWorkbook(1_500_000);
      expect(xlsx.length).toBeLessThan(2 * 1024 * 1024);
      await writeFile(join(d, 'bomb.xlsx'), xlsx);
      await writeFile(join(d, 'bomb.zip'), zipBytes([{ name: 'tables/bomb.xlsx', chunks: [xlsx], method: 'store' }]));
      for (const [file, shown] of [['bomb.xlsx', 'bomb.xlsx'], ['bomb.zip', 'bomb.zip!tables/bomb.xlsx']] as const) {
        const r = runCliMeasured(['validate', join(d, file)]);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout + r.stderr).toContain(`${shown}: the workbook's sheets hold more than 20,000 rows`);
        expect(r.peakRssMb, file).toBeLessThan(400);
        expect(r.ms, file).toBeLessThan(30_000);
      }
    });
  }, 90_000);
});
