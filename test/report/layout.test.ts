import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createCanvas } from '@napi-rs/canvas';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { layoutSheet, MIN_PRINT_SCALE, wrapLines } from '../../src/report/workbook/layout.ts';
import { workbookBytes } from '../../src/report/workbook/write-xlsx.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const model = buildWorkbookModel(buildRunReport({ horizon: 10 }));

describe('print layout (A4 landscape)', () => {
  it('prints every sheet at 60% or more, each chart as a print range of its own', () => {
    for (const s of model.sheets) {
      const L = layoutSheet(s);
      expect(L.print.scale, s.name).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      expect(L.print.scale, s.name).toBeLessThanOrEqual(100);
      expect(L.print.ranges, s.name).toHaveLength(1 + s.charts.length);
      // a table too wide for a page repeats its first columns, and its charts sit below it, not beside it
      if (L.print.titleColumns) expect(L.chartCol, s.name).toBe(0);
    }
    const wide = layoutSheet(model.sheets.find((s) => s.name === 'Plans by placement')!);
    expect(wide.print.titleColumns).toBe('A:B');
  });

  it('writes each sheet’s print ranges as one print area Excel accepts', async () => {
    const png = createCanvas(4, 4).toBuffer('image/png');
    const ids = [...new Set(model.sheets.flatMap((s) => s.charts))];
    const bytes = await workbookBytes(model, new Map(ids.map((id) => [id, { png, title: id, alt: id }])));
    const book = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    const areas = [...book.matchAll(/<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">([^<]*)</g)];
    // one defined name per sheet (exceljs alone would write one per range, which Excel rejects)
    expect(new Set(areas.map((a) => a[1])).size).toBe(areas.length);
    expect(areas.length).toBe(model.sheets.length);
    const summary = areas.find((a) => a[2]!.startsWith("'Summary'"))![2]!;
    expect(summary.split(',')).toHaveLength(1 + model.sheets[0]!.charts.length);
    expect(summary).toMatch(/^'Summary'!\$A\$1:\$[A-Z]+\$\d+,'Summary'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+/);
  });

  it('sets column widths in Arial, the default font, so that LibreOffice prints them as Excel does', async () => {
    const bytes = await workbookBytes(model, new Map());
    const styles = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    const first = /<fonts[^>]*><font>(.*?)<\/font>/.exec(styles)![1]!;
    expect(first).toContain('<name val="Arial"/>');
    expect(first).not.toContain('scheme');
    // every font the workbook sets names its face (a font without a name prints in a serif substitute)
    for (const f of styles.match(/<font>.*?<\/font>/g)!) expect(f).toMatch(/<name val="/);
  });

  it('wraps headers so columns are as wide as their numbers, and keeps the long tables on one page width', () => {
    const plans = layoutSheet(model.sheets.find((s) => s.name === 'Plans by age')!);
    // "Jan 2026 projected (plans)" wraps; a column of counts is not 27 characters wide for it
    expect(Math.max(...plans.widths.slice(3))).toBeLessThan(16);
    for (const name of ['Summary', 'Assumptions', 'Transitions', 'Flows', 'Data quality', 'Costs']) {
      const L = layoutSheet(model.sheets.find((s) => s.name === name)!);
      expect(L.print.titleColumns, name).toBeUndefined();
    }
  });

  it('counts the lines wrapped text takes', () => {
    expect(wrapLines('Jan 2026 projected (plans)', 10)).toBe(3);
    expect(wrapLines('short', 10)).toBe(1);
    expect(wrapLines('a'.repeat(25), 10)).toBe(3);
    expect(wrapLines('one two\nthree', 20)).toBe(2);
  });

  it('gives rows of wrapped text and wrapped headers the height they need', async () => {
    const { buildExcelWorkbook } = await import('../../src/report/workbook/write-xlsx.ts');
    const { wb } = buildExcelWorkbook(model, new Map());
    const ws = wb.getWorksheet('Assumptions')!;
    const L = layoutSheet(model.sheets.find((s) => s.name === 'Assumptions')!);
    let tall = 0;
    ws.eachRow((row, n) => {
      row.eachCell((c) => {
        if (typeof c.value === 'string' && c.alignment?.wrapText && n > L.tables[0]!.headerRow) {
          const lines = wrapLines(c.value, 60);
          if (lines > 1) {
            expect(row.height, `row ${n}`).toBeGreaterThanOrEqual(lines * 12);
            tall++;
          }
        }
      });
    });
    expect(tall).toBeGreaterThan(0);
  });
});
