/**
 * The waterfall's value labels read as the report gives each figure: a bar of £100m or more was labelled in whole
 * millions by the renderer's own format, so the sample's balance at 31 March 2035 read '-£571m' on the chart where
 * the Budget table, the report's words and the workbook said '-£571.2m' (mitigated: '-£498m' against '-£497.8m'), and
 * a small council's bars read in £m ('-£0.3m') beside tables in £k ('-£310k'). Each label is now the report's table
 * format of the figure (format.ts fmtMoneyLabel, in the report's unit), written into the chart's spec.
 */
import { describe, expect, it } from 'vitest';
import { runCharts } from '../../src/report/charts/chart-set.ts';
import type { ChartSpec } from '../../src/report/charts/chart-spec.ts';
import { buildReportHtml } from '../../src/report/html/report-html.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture's report (no mitigations) with every money figure of its budget lines multiplied by `by`. */
function scaled(by: number, horizon = 5): RunReport {
  const r = buildRunReport({ horizon, mitigated: false });
  const b = r.budget!;
  const lines = b.lines.map((l) => ({ ...l, expenditure: l.expenditure * by, income: l.income * by, inYearBalance: l.inYearBalance * by, cumulativeBalance: l.cumulativeBalance * by }));
  return { ...r, budget: { ...b, openingBalance: b.openingBalance * by, lines, generalFund: undefined } };
}

/** The cells of the report table whose caption starts with `caption`. */
function cells(html: string, caption: string): string[] {
  const at = html.indexOf(`<caption>${caption}`);
  expect(at).toBeGreaterThan(0);
  const t = html.slice(at, html.indexOf('</table>', at));
  return [...t.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/&#x2D;|&#45;/g, '-'));
}

/** The waterfall's value labels. */
function labels(r: RunReport): string[] {
  const w: ChartSpec = runCharts(r).find((c) => c.id === 'waterfall-mitigation')!;
  return (w.config.options as { plugins: { hn: { barLabels: string[] } } }).plugins.hn.barLabels;
}

describe("the waterfall's value labels", () => {
  it("read as the Budget table's cells, to the decimal at £100m and more, and in £k for a small council", () => {
    for (const r of [scaled(8), scaled(1 / 200)]) {
      const budget = cells(buildReportHtml(r, []), 'Budget by financial year');
      const lines = r.budget!.lines;
      const ls = labels(r);
      // after the opening balance: each year's in-year balance, the balance at 31 March 2028, and at the horizon
      const table = lines.flatMap((l, i) => [budget[i * 4 + 2], ...(l.fy === 2027 ? [budget[i * 4 + 3]] : [])]);
      expect(ls.slice(1)).toEqual([...table, budget[lines.length * 4 - 1]]);
    }
    expect(labels(scaled(8)).at(-1)).toMatch(/^-£[\d,]{3,}\.\dm$/);
    expect(labels(scaled(1 / 200)).every((l) => /^-?£[\d,]+k$/.test(l))).toBe(true);
  });

  it("of a bridge read as the Levers table's net savings and the Budget table's balances", () => {
    const r = buildRunReport({ horizon: 10 });
    const html = buildReportHtml(r, []);
    const ls = labels(r);
    const budget = cells(html, 'Budget by financial year');
    const levers = cells(html, 'Levers: totals');
    // the Budget table of a mitigated run: expenditure, income, in-year, cumulative, unmitigated cumulative
    expect(ls[0]).toBe(budget.at(-1));
    expect(ls.at(-1)).toBe(budget.at(-2));
    expect(ls.at(0)).toMatch(/^-£[\d,]{3,}\.\dm$/);
    // name (a header cell), plans avoided, spend avoided, cost of delivery, net saving
    const netSavings = levers.filter((_, i) => i % 4 === 3);
    for (const l of ls.slice(1, -1)) expect(netSavings).toContain(l);
  });
});
