/**
 * With --suppress-small-counts the report's table "Places against plans in … and the yearly cost of the gap" gave its
 * counts as they are where the workbook's Places and plans sheet reads [c]: Isles of Scilly on the real 2022 release
 * at 10 read FE 3 funded places, 7 plans, 4 beyond places (and RP 1 / 1, SSA 3 / 2) under a paragraph saying 'fewer
 * than 10 plans share 3 places'. The table's places, plans and gap now read [c] when small, as the sheet's cells do,
 * and the words count funded places as the cells do ('share fewer than 10 places').
 */
import { describe, expect, it } from 'vitest';
import type { PlacesGapRow } from '../../src/budget/types.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { suppressedText, suppressWorkbook } from '../../src/report/suppress.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { buildRunReport } from './fixtures/run-report.ts';

function row(placement: PlacesGapRow['placement'], fy: number, places: number, plans: number): PlacesGapRow {
  const gap = Math.max(0, plans - places);
  return { placement, fy, places, plans, gap, costAsTopUps: gap * 20_000, costAsIssFees: gap * 60_000, costAsPlaces: gap * 30_000 };
}

function withRows(rows: PlacesGapRow[]): RunReport {
  const r = buildRunReport({ horizon: 3 });
  return { ...r, budget: { ...r.budget!, placesVsPlans: rows } };
}

/** The cells of the report's places table, row by row. */
function placesRows(html: string): string[][] {
  const t = /Places against plans in [^<]*<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((c) => c[1]!)).filter((r) => r.length && r[0] !== 'Placement');
}

describe('report: places against plans with small counts suppressed', () => {
  const r = withRows([row('FE', 2025, 2, 2), row('FE', 2026, 2, 5), row('FE', 2027, 3, 7), row('SSM', 2027, 40, 52)]);

  it('gives small places, plans and gaps as [c], as the workbook does', () => {
    const rows = placesRows(buildReportHtml(r, [], { suppressSmallCounts: 10 }));
    // placement, funded places, plans, beyond places (money stays)
    expect(rows.map((x) => x.slice(0, 4))).toEqual([
      ['FE', '[c]', '[c]', '[c]'],
      ['SSM', '40', '52', '12'],
    ]);
    expect(rows[0]!.slice(4).every((c) => /^£\d/.test(c))).toBe(true);
    // the workbook's cells of the same year, for the same rows
    const sheet = suppressWorkbook(buildWorkbookModel(r), 10).sheets.find((s) => s.name === 'Places and plans')!;
    const fe = sheet.tables[0]!.rows.find((x) => x[0] === 'FE college, sixth form or other post-16 provider (FE)' && x[1] === '2027-28')!;
    expect(fe.slice(2, 5)).toEqual(['[c]', '[c]', '[c]']);
    // without suppression every count is given
    expect(placesRows(buildReportHtml(r, []))[0]!.slice(1, 4)).toEqual(['3', '7', '4']);
  });

  it('counts funded places in the words as the cells do', () => {
    const html = buildReportHtml(r, [], { suppressSmallCounts: 10 });
    const para = /<p>(FE college[^<]*)<\/p>/.exec(html)?.[1];
    expect(para).toContain('fewer than 10 plans share fewer than 10 places');
    expect(para).not.toMatch(/\b[1-9] (?:funded )?places?\b/);
    expect(suppressedText('plans exceed the 2 funded places from 2025-26; by 2027-28 7 plans share 1 place', 10)).toBe(
      'plans exceed fewer than 10 funded places from 2025-26; by 2027-28 fewer than 10 plans share fewer than 10 places',
    );
    // place rates and place funding are money, not places; places from the threshold up stay
    for (const s of ['£6,000 per place', '10 place funding', 'adds 120 SSA places from January 2028']) expect(suppressedText(s, 10)).toBe(s);
  });
});
