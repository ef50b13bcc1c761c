/** Comparison charts: cumulative DSG balance and total plans, one line per scenario. */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { reportMsg } from '../../messages/index.ts';
import { fmtBalance, fmtCount } from '../format.ts';
import { seriesColour } from '../palette.ts';
import type { BudgetedReport, RunReport } from '../run-report.ts';
import { balanceAt, totalPlans } from '../series.ts';
import { scenarioLabels } from '../workbook/build-comparison.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, round1, toMillions } from './common.ts';

/** A scenario's figure in an alt text, or that it has none there: a run that does not reach that year is blank. */
function figureOrNot(name: string, v: number | undefined, fmt: (n: number) => string): string {
  return v === undefined ? reportMsg.notReached(name) : `${name} ${fmt(v)}`;
}

export function compareBalanceChart(reports: BudgetedReport[]): ChartSpec {
  const fys = [...new Set(reports.flatMap((r) => r.budget.financialYears))].sort((a, b) => a - b);
  const names = scenarioLabels(reports);
  const title = 'Cumulative DSG balance by scenario (£m; below zero = deficit)';
  return {
    id: 'compare-balance',
    title,
    alt:
      `Line chart of the cumulative DSG balance for ${reports.length} scenarios. At 31 March 2028: ` +
      reports.map((r, i) => figureOrNot(names[i]!, balanceAt(r, STATUTORY_OVERRIDE_END_FY), fmtBalance)).join('; ') +
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

/** Dash patterns (in px at 800 wide) and point markers: each scenario differs in colour, dash and marker. */
const DASHES: number[][] = [[], [12, 5], [3, 4], [14, 4, 3, 4], [7, 7], [2, 8]];
const MARKERS: Array<{ style: string; rotation?: number }> = [{ style: 'circle' }, { style: 'triangle' }, { style: 'rect' }, { style: 'rectRot' }, { style: 'triangle', rotation: 180 }, { style: 'rectRounded' }];

/**
 * One scenario's line: its own colour, dash pattern and marker. The first scenario is drawn widest and underneath
 * (Chart.js draws a higher `order` first), so a scenario that follows it closely stays visible on top of it.
 */
export function scenarioLine(label: string, i: number, data: Array<number | null>) {
  return {
    label,
    data,
    borderColor: seriesColour(i),
    backgroundColor: seriesColour(i),
    borderWidth: i === 0 ? 5 : 2.5,
    borderDash: DASHES[i % DASHES.length],
    pointStyle: MARKERS[i % MARKERS.length]!.style,
    pointRotation: MARKERS[i % MARKERS.length]!.rotation ?? 0,
    pointRadius: i === 0 ? 4 : 5,
    order: i === 0 ? 100 : i,
    fill: false,
  };
}

export function comparePlansChart(reports: RunReport[]): ChartSpec {
  const years = [...new Set(reports.flatMap((r) => r.projection.years))].sort((a, b) => a - b);
  const names = scenarioLabels(reports);
  const title = 'Total EHC plans by scenario (central, P50)';
  // the base year is the data's total (series.ts totalPlans), the later years each scenario's P50
  const at = (r: RunReport, y: number) => (r.projection.years.includes(y) ? totalPlans(r, y) : undefined);
  const last = years[years.length - 1]!;
  return {
    id: 'compare-plans',
    title,
    alt: `Line chart of total EHC plans for ${reports.length} scenarios. In January ${last}: ` + reports.map((r, i) => figureOrNot(names[i]!, at(r, last), fmtCount)).join('; ') + '.',
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
