/** XLSX limits: a workbook whose sheets inflate past the limit is refused before any spreadsheet library opens it. */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { xlsxTooLarge } from '../../src/etl/xlsx-limits.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { withTempDir } from '../temp.ts';
import { zipBytes } from './zip-writer.ts';

/**
 * A minimal workbook whose one sheet holds `rows` rows (highly compressible: a bomb in miniature), deflated by Node's
 * zlib (zip-writer.ts; JSZip's JavaScript deflate took 1.3 s of CPU for the two workbooks below).
 */
function workbook(rows: number, pad = 0): Buffer {
  const row = (i: number) => `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>2025-26</t></is></c><c r="B${i}"><v>1</v></c></row>`;
  return zipBytes([
    { name: '[Content_Types].xml', chunks: ['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'], method: 'deflate' },
    { name: 'xl/workbook.xml', chunks: ['<workbook><sheets><sheet name="funding" sheetId="1" r:id="rId1"/></sheets></workbook>'], method: 'deflate' },
    { name: 'xl/worksheets/sheet1.xml', chunks: [`<worksheet><sheetData>${Array.from({ length: rows }, (_, i) => row(i + 1)).join('')}${' '.repeat(pad)}</sheetData></worksheet>`], method: 'deflate' },
  ]);
}

describe('XLSX limits', () => {
  it('counts inflated bytes and refuses past the limit, quickly', async () => {
    await withTempDir(async (d) => {
      const p = join(d, 'bomb.xlsx');
      await writeFile(p, workbook(40_000));
      const t0 = performance.now();
      expect(await xlsxTooLarge(p, 1024 * 1024)).toMatch(/expand to more than 1 MB/);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(await xlsxTooLarge(p, { rows: 100_000 })).toBeUndefined();
    });
  });

  it('a workbook past the default limit is an invalid file naming it, not loaded', async () => {
    await withTempDir(async (d) => {
      const p = join(d, 'bomb.xlsx');
      // 20 MB of sheet XML, a few KB compressed
      await writeFile(p, workbook(2, 20 * 1024 * 1024));
      const { files } = await validatePaths([p]);
      expect(files[0]!.errors[0]!.message).toMatch(/expand to more than 16 MB/);
    });
  });

  // a workbook cut short (a download stopped part way) was 'the file is not text (binary content): expected CSV, XML
  // or XLSX', of a file that is an XLSX
  it('a workbook cut short is named as a damaged workbook, not as a file that is not text', async () => {
    await withTempDir(async (d) => {
      const p = join(d, 'money.xlsx');
      await writeFile(p, workbook(10).subarray(0, 200));
      const { files: [f] } = await validatePaths([p]);
      expect(f!.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^the workbook is damaged \(.*truncated.*\): nothing was read\. Open it in Excel and save it again/)]);
    });
  });
});
