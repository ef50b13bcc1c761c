/**
 * Money of a small council in the report: every table was in £m with one decimal, so City of London (real 2022
 * release, spend about £0.4m–£0.8m a year) read '£0.4m' in every year, its 2022-23 overspend of £38k as '£0.0m'
 * and the general fund's interest as '£0.0m' in every year (£191k in all, as the text above the table said); its
 * waterfall labelled the red bar of that overspend '£0.0m'. Tables are now in £k where no year's spend or income
 * reaches £10m, and a bar's step under £50k is labelled in £k.
 */
import { describe, expect, it } from 'vitest';
import { runCharts } from '../../src/report/charts/chart-set.ts';
import { fmtMoneyIn, fmtMoneyK, fmtMoneyLabel, moneyUnitFor } from '../../src/report/format.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import type { GeneralFundYear } from '../../src/budget/types.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture's report with every money figure of its budget table and general fund divided by `by`. */
function scaledDown(by: number): RunReport {
  const r0 = buildRunReport({ horizon: 5, mitigated: false });
  // a general fund as the run makes it: interest at 4.5% of each year's deficit, reserves of £30m
  const years: GeneralFundYear[] = r0.budget!.lines.map((l) => ({
    fy: l.fy, dsgBalance: l.cumulativeBalance, interest: Math.max(0, -l.cumulativeBalance) * 0.045, cumulativeInterest: 0,
    capitalCost: 0, usableReserves: 30e6, deficitShareOfReserves: Math.max(0, -l.cumulativeBalance) / 30e6, exceedsReserves: false,
  }));
  const r = { ...r0, budget: { ...r0.budget!, generalFund: { interestRate: 0.045, years, reservesGiven: true, firstYearDeficitExceedsReserves: undefined } } };
  const b = r.budget;
  const lines = b.lines.map((l) => ({ ...l, expenditure: l.expenditure / by, income: l.income / by, inYearBalance: l.inYearBalance / by, cumulativeBalance: l.cumulativeBalance / by }));
  const gf = b.generalFund && {
    ...b.generalFund,
    years: b.generalFund.years.map((y) => ({ ...y, dsgBalance: y.dsgBalance / by, interest: y.interest / by, cumulativeInterest: y.cumulativeInterest / by, usableReserves: y.usableReserves === undefined ? undefined : y.usableReserves / by })),
  };
  return { ...r, budget: { ...b, lines, ...(gf ? { generalFund: gf } : {}) } };
}

/** The cells of the report table whose caption starts with `caption`. */
function cells(html: string, caption: string): string[] {
  const at = html.indexOf(`<caption>${caption}`);
  expect(at).toBeGreaterThan(0);
  const t = html.slice(at, html.indexOf('</table>', at));
  return [...t.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/&#x2D;|&#45;/g, '-'));
}

describe('money of a small council', () => {
  it('is written in £k where no year spends or receives £10m', () => {
    expect(fmtMoneyK(-37_592.58)).toBe('-£38k');
    expect(fmtMoneyK(1_141_073)).toBe('£1,141k');
    expect(fmtMoneyK(-300)).toBe('£0k');
    expect(moneyUnitFor([405_100, 367_508, 9_999_999])).toBe('k');
    expect(moneyUnitFor([405_100, 10_000_000])).toBe('m');
    expect(moneyUnitFor([])).toBe('m');
    expect(fmtMoneyIn(-862_000, 'm')).toBe('-£0.9m');
    expect(fmtMoneyIn(-862_000, 'k')).toBe('-£862k');
  });

  it('shows no non-nil figure as £0.0m in the budget and general-fund tables, and keeps £m for a large council', () => {
    const large = buildRunReport({ horizon: 5, mitigated: false });
    const small = scaledDown(200);
    expect(Math.max(...small.budget!.lines.map((l) => Math.max(l.expenditure, l.income)))).toBeLessThan(10e6);
    const big = cells(buildReportHtml(large, []), 'Budget by financial year');
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((c) => /^-?£[\d,.]+m$/.test(c))).toBe(true);
    const html = buildReportHtml(small, []);
    for (const caption of ['Budget by financial year', 'After the override']) {
      const cs = cells(html, caption);
      expect(cs.length).toBeGreaterThan(0);
      // every cell in one unit, £k
      expect(cs.every((c) => /^-?£[\d,]+k$/.test(c)), cs.join(' ')).toBe(true);
    }
    // each year's figures, as the large council's divided by 200, to the thousand
    const lines = small.budget!.lines;
    const budget = cells(html, 'Budget by financial year');
    lines.forEach((l, i) => expect(budget.slice(i * 4, i * 4 + 4)).toEqual([l.expenditure, l.income, l.inYearBalance, l.cumulativeBalance].map(fmtMoneyK)));
    // the interest of the general fund is not nil where the balance is a deficit
    const gf = small.budget!.generalFund!.years;
    const gfCells = cells(html, 'After the override');
    gf.forEach((y, i) => {
      if (Math.round(y.interest / 1_000) >= 1) expect(gfCells[i * 3 + 2]).not.toMatch(/^£0k$/);
    });
    expect(html).not.toMatch(/>-?£0\.0m</);
  });

  it('labels a bar whose step is under £50k in £k, not £0.0m', () => {
    expect(fmtMoneyLabel(-37_600, 'm')).toBe('-£38k');
    expect(fmtMoneyLabel(4_900, 'm')).toBe('£5k');
    expect(fmtMoneyLabel(0, 'm')).toBe('£0.0m');
    expect(fmtMoneyLabel(-400, 'm')).toBe('£0.0m');
    expect(fmtMoneyLabel(-11_100_000, 'm')).toBe('-£11.1m');
    expect(fmtMoneyLabel(27_000_000, 'm')).toBe('£27.0m');
  });

  it("labels a waterfall step by its own figure, not by the difference of its bar's rounded ends", () => {
    // City of London, 2022-23: from -£57,000 to -£94,592.58, a step of -£37,592.58; the ends drawn to £10k
    // (-£0.06m, -£0.09m) made the label -£30k where the budget table says -£38k
    const r0 = buildRunReport({ horizon: 3, mitigated: false });
    const b = r0.budget!;
    const first = { ...b.lines[0]!, inYearBalance: -37_592.58, cumulativeBalance: -94_592.58 };
    const r = { ...r0, budget: { ...b, openingBalance: -57_000, lines: [first, ...b.lines.slice(1)] } };
    const w = runCharts(r).find((c) => c.id === 'waterfall-mitigation')!;
    const hn = (w.config.options as { plugins: { hn: { barLabels?: string[] } } }).plugins.hn;
    const bars = (w.config.data as { datasets: Array<{ data: number[][] }> }).datasets[0]!.data;
    expect(fmtMoneyLabel((bars[1]![1]! - bars[1]![0]!) * 1e6, 'm')).toBe('-£30k');
    expect(hn.barLabels).toHaveLength(bars.length);
    // the fixture's council spends more than £10m a year: its tables, and so its labels, are in £m
    expect(hn.barLabels![0]).toBe('-£0.1m');
    expect(hn.barLabels![1]).toBe('-£38k');
  });
});
