/**
 * An opening DSG balance that is another year's row of the table, used in its place (the table has 2024-25, the run
 * needs 2025-26): the report's words said so, but the DSG balance chart's axis called the first point "2025-26 actual"
 * and the waterfall's grey bar read "31 March 2026 -£19.4m" with nothing under it (Cumberland on a later release). The
 * chart now says whose figure it is where it is drawn; an opening balance that is the table's own still reads "actual".
 */
import { describe, expect, it } from 'vitest';
import { dsgBalanceChart } from '../../src/report/charts/dsg-balance.ts';
import { waterfallMitigationChart } from '../../src/report/charts/waterfall-mitigation.ts';
import type { BudgetedReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- chart.js options read as a plain object
const axisTitle = (spec: ReturnType<typeof dsgBalanceChart>): string => (spec.config.options as any).scales.x.title.text;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- chart.js options read as a plain object
const footnote = (spec: ReturnType<typeof dsgBalanceChart>): string[] => [(spec.config.options as any).plugins.subtitle?.text ?? []].flat();

describe('an opening balance standing in for another year on the charts', () => {
  const own = buildRunReport({ mitigated: false }) as BudgetedReport;
  const fy = own.budget.openingBalanceFy;
  const label = `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
  const standIn: BudgetedReport = { ...own, budget: { ...own.budget, openingBalanceFromFy: fy - 1 } };

  it('the DSG balance chart calls the first point the table’s figure of its own date, not actual', () => {
    expect(axisTitle(dsgBalanceChart(own))).toContain(`${label} actual`);
    expect(axisTitle(dsgBalanceChart(standIn))).not.toContain('actual');
    expect(axisTitle(dsgBalanceChart(standIn))).toContain(`${label}: the opening-balance table's 31 March ${fy} figure`);
  });

  it('the waterfall says so under its grey bar and in its text alternative', () => {
    const spec = waterfallMitigationChart(standIn);
    expect(footnote(spec).join(' ')).toMatch(new RegExp(`Grey bar: not the table's figure for that date \\(the opening-balance table's figure for 31 March ${fy}, used in its place\\)`));
    expect(spec.alt).toContain(`figure for 31 March ${fy}, used in its place`);
    expect(footnote(waterfallMitigationChart(own)).join(' ')).not.toMatch(/Grey bar/);
  });
});
