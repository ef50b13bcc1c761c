/**
 * The general-fund table (workbook sheet After March 2028, and the report's table after the override): its capital
 * column is there only when a capacity change has a capital cost, or one not known (empty in its year); a scenario
 * without one read £0.0m in every year of it, which says nothing.
 */
import { describe, expect, it } from 'vitest';
import { showsCapital } from '../../src/budget/general-fund.ts';
import type { GeneralFundYear } from '../../src/budget/types.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { generalFundSheet } from '../../src/report/workbook/sheets/general-fund.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture's report with a general-fund view whose capital cost per year is `capital`. */
function withCapital(capital: Array<number | undefined>): RunReport {
  const r = buildRunReport({ horizon: 3 });
  const years: GeneralFundYear[] = capital.map((capitalCost, i) => ({
    fy: 2025 + i, dsgBalance: -10e6 * (i + 1), interest: 0.45e6 * (i + 1), cumulativeInterest: 0.45e6 * (i + 1) * (i + 2) / 2,
    capitalCost, usableReserves: 30e6, deficitShareOfReserves: (i + 1) / 3, exceedsReserves: false,
  }));
  return { ...r, budget: { ...r.budget!, generalFund: { interestRate: 0.045, years, reservesGiven: true, firstYearDeficitExceedsReserves: undefined } } };
}

/** The report's general-fund table. */
function htmlTable(r: RunReport): string {
  const html = buildReportHtml(r, []);
  const at = html.indexOf('<caption>After the override');
  return html.slice(at, html.indexOf('</table>', at));
}

describe('the capital column of the general-fund table', () => {
  it('is left out when no capacity change has a capital cost, and nothing else changes', () => {
    const none = withCapital([0, 0, 0]);
    const some = withCapital([0, 9e6, 0]);
    expect(showsCapital(none.budget!.generalFund!)).toBe(false);
    const sheet = generalFundSheet(none)!;
    const full = generalFundSheet(some)!;
    expect(sheet.tables[0]!.columns.map((c) => c.header)).toEqual(full.tables[0]!.columns.slice(0, -1).map((c) => c.header));
    expect(sheet.tables[0]!.rows).toEqual(full.tables[0]!.rows.map((row) => row.slice(0, -1)));
    expect(JSON.stringify(sheet)).not.toMatch(/[Cc]apital/);
    expect(sheet.intro).toEqual(full.intro.filter((l) => !l.startsWith('Capital:')));
    const html = htmlTable(none);
    expect(html).toContain('Interest (general fund)');
    expect(html).not.toMatch(/Capital/);
    expect(html.match(/<t[hd][ >]/g)).toHaveLength(4 * 4); // a head row and three years, of four cells each
  });

  it('is shown with a capital cost in any year, or one not known (empty, never £0)', () => {
    const some = withCapital([0, 9e6, 0]);
    expect(generalFundSheet(some)!.tables[0]!.columns.at(-1)!.header).toBe('Capital cost of new places (£)');
    expect(htmlTable(some)).toMatch(/Capital cost of new places<\/th>.*-£9\.0m/s);
    const unknown = withCapital([0, undefined, 0]);
    expect(showsCapital(unknown.budget!.generalFund!)).toBe(true);
    expect(htmlTable(unknown)).toMatch(/Capital cost of new places/);
  });
});
