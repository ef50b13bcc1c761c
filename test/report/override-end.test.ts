/**
 * A run whose last financial year is 2027-28 ends on the day the statutory override ends: the balance at
 * 31 March 2028 is shown once, not as two identical cards or rows (one "at the override's end", one "at the
 * horizon"), in the report, the workbook's summary, the comparison and the explorer's headline.
 */
import { describe, expect, it } from 'vitest';
import { STATUTORY_OVERRIDE_END_FY } from '../../src/domain/index.ts';
import { headlineSentence, type Headline } from '../../src/explorer/view-model.ts';
import { buildComparisonHtml } from '../../src/report/html/comparison-html.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { buildRunReport } from './fixtures/run-report.ts';

const count = (text: string, what: RegExp): number => text.match(new RegExp(what.source, 'g'))?.length ?? 0;
/** The report's summary cards (the section before the contents list). */
const cards = (html: string): string => html.slice(html.indexOf('<div class="cards">'), html.indexOf('<nav'));

describe('the balance at 31 March 2028 when the run ends that day', () => {
  // the fixture's base year is 2025: a 3-year horizon costs 2025-26 to 2027-28, a 10-year one runs to 2034-35
  const ending = buildRunReport({ horizon: 3 });
  const longer = buildRunReport({ horizon: 10 });

  it('is one card of the report, where a longer run has two', () => {
    expect(ending.budget!.financialYears.at(-1)).toBe(STATUTORY_OVERRIDE_END_FY);
    expect(count(cards(buildReportHtml(ending, [])), /balance at 31 March 2028/)).toBe(1);
    const long = cards(buildReportHtml(longer, []));
    expect(count(long, /balance at 31 March 2028/)).toBe(1);
    expect(count(long, /balance at 31 March 2035/)).toBe(1);
  });

  it("is one row of the workbook's summary", () => {
    const summary = (r: typeof ending) => JSON.stringify(buildWorkbookModel(r).sheets[0]);
    expect(count(summary(ending), /Cumulative DSG balance at 31 March 2028/)).toBe(1);
    expect(count(summary(longer), /Cumulative DSG balance at 31 March 20(28|35)/)).toBe(2);
  });

  it('is one row of the comparison', () => {
    const other = buildRunReport({ horizon: 3, id: 'other', name: 'Other', growth: 0.05 });
    // each table of the comparison (the measures, and their differences from the first scenario) has it once
    const tables = buildComparisonHtml([ending, other], []).split('<table').slice(1);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(count(t, /Cumulative DSG balance at 31 March 2028/)).toBeLessThanOrEqual(1);
    expect(tables.some((t) => count(t, /Cumulative DSG balance at 31 March 2028/) === 1)).toBe(true);
  });

  it("is one sentence of the explorer's headline", () => {
    const h: Headline = { march2028: -5e6, lastFy: 2027, lastBalance: -5e6, neverInDeficit: false, lastYear: 2028, plansLast: 100, plansBase: 80, baseYear: 2025 };
    expect(count(headlineSentence(h), /31 March 2028/)).toBe(1);
    expect(count(headlineSentence({ ...h, lastFy: 2030, lastYear: 2031 }), /31 March 20(28|31)/)).toBe(2);
  });
});
