/** Comparison charts: cumulative DSG balance and total plans, one line per scenario. */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { fmtBalance, fmtCount } from '../format.ts';
import { seriesColour } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { balanceAt } from '../series.ts';
import { scenarioLabels } from '../workbook/build-comparison.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, round1, toMillions } from './common.ts';

export function compareBalanceChart(reports: RunReport[]): ChartSpec {
  const fys = [...new Set(reports.flatMap((r) => r.budget.financialYears))].sort((a, b) => a - b);
  const names = scenarioLabels(reports);
  const title = 'Cumulative DSG balance by scenario (£m; below zero = deficit)';
  return {
    id: 'compare-balance',
    title,
    alt:
      `Line chart of the cumulative DSG balance for ${reports.length} scenarios. At 31 March 2028: ` +
      reports.map((r, i) => `${names[i]} ${fmtBalance(balanceAt(r, STATUTORY_OVERRIDE_END_FY) ?? Number.NaN)}`).join('; ') +
      '.',
    config: {
      type: 'line',
      data: {
        labels: fys.map(financialYearLabel),
        datasets: reports.map((r, i) => scenarioLine(names[i]!, i, fys.map((f) => toMillions(balanceAt(r, f))))),
      },
      options: cartesianOptions(
        title,
        { title: 'Financial year (balance at 31 March at its end)', unit: 'none' },
        { title: 'Cumulative DSG balance (£m)', unit: 'moneyM' },
        {
          markers: fys.includes(STATUTORY_OVERRIDE_END_FY) ? [{ at: financialYearLabel(STATUTORY_OVERRIDE_END_FY), label: '31 March 2028: statutory override ends', labelAt: 'bottom' }] : [],
          zeroLine: true,
        },
      ),
    },
  };
}

/** One scenario's line: its own colour, the first scenario solid and the others dashed in distinct patterns. */
function scenarioLine(label: string, i: number, data: Array<number | null>) {
  return {
    label,
    data,
    borderColor: seriesColour(i),
    backgroundColor: seriesColour(i),
    borderWidth: 3,
    borderDash: i === 0 ? [] : [10 - 2 * (i % 4), 4],
    pointRadius: 3,
    fill: false,
  };
}

export function comparePlansChart(reports: RunReport[]): ChartSpec {
  const years = [...new Set(reports.flatMap((r) => r.projection.years))].sort((a, b) => a - b);
  const names = scenarioLabels(reports);
  const title = 'Total EHC plans by scenario (central, P50)';
  const at = (r: RunReport, y: number) => r.projection.totalQuantiles[r.projection.years.indexOf(y)]?.p50;
  const last = years[years.length - 1]!;
  return {
    id: 'compare-plans',
    title,
    alt: `Line chart of total EHC plans for ${reports.length} scenarios. In January ${last}: ` + reports.map((r, i) => `${names[i]} ${fmtCount(at(r, last) ?? Number.NaN)}`).join('; ') + '.',
    config: {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: reports.map((r, i) => scenarioLine(names[i]!, i, years.map((y) => round1(at(r, y))))),
      },
      options: cartesianOptions(title, { title: 'January census', unit: 'none' }, { title: 'EHC plans (number)', unit: 'count', beginAtZero: true }),
    },
  };
}
