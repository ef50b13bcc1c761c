/** Small-count suppression in the workbook model, the CSVs and the report. */
import { describe, expect, it } from 'vitest';
import { workbookCsvs } from '../../src/report/csv.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import { isSmallCount, SUPPRESSED, suppressWorkbook } from '../../src/report/suppress.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { cellNumber, type WorkbookModel } from '../../src/report/workbook/model.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const report = buildRunReport({ horizon: 3 });

function countCells(m: WorkbookModel, pred: (v: number) => boolean): number {
  let n = 0;
  for (const s of m.sheets)
    for (const t of s.tables)
      for (const r of t.rows)
        r.forEach((c, j) => {
          const kind = c !== null && typeof c === 'object' ? c.kind : t.columns[j]!.kind;
          const v = cellNumber(c);
          if (kind === 'count' && v !== undefined && pred(v)) n++;
        });
  return n;
}

describe('suppression', () => {
  it('isSmallCount keeps zero and the threshold itself', () => {
    expect(isSmallCount(0, 5)).toBe(false);
    expect(isSmallCount(0.4, 5)).toBe(true);
    expect(isSmallCount(4, 5)).toBe(true);
    expect(isSmallCount(5, 5)).toBe(false);
  });

  it('replaces every small count in the workbook with the marker and says so', () => {
    const plain = buildWorkbookModel(report);
    expect(countCells(plain, (v) => isSmallCount(v, 10))).toBeGreaterThan(0);
    const sup = buildWorkbookModel(report, { suppressSmallCounts: 10 });
    expect(countCells(sup, (v) => isSmallCount(v, 10))).toBe(0);
    const markers = sup.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flat())).filter((c) => c === SUPPRESSED).length;
    expect(markers).toBeGreaterThan(0);
    expect(sup.sheets.find((s) => s.name === 'Data quality')!.tables[1]!.rows.some((r) => String(r[1]).includes(SUPPRESSED))).toBe(true);
  });

  it('does not touch money', () => {
    const sup = suppressWorkbook(buildWorkbookModel(report), 1_000_000_000);
    const costs = sup.sheets.find((s) => s.name === 'Costs')!.tables[0]!;
    expect(costs.rows.flat().filter((c) => c === SUPPRESSED)).toEqual([]);
  });

  it('carries the marker into the CSVs and the report', () => {
    const csv = workbookCsvs(buildWorkbookModel(report, { suppressSmallCounts: 10 })).map((c) => c.text).join('\n');
    expect(csv).toContain(SUPPRESSED);
    const html = buildReportHtml(report, [], { suppressSmallCounts: 10 });
    expect(html).toContain('suppressed for publication');
  });
});
