/** Cumulative DSG balance by financial year: central path, P10–P90 band, unmitigated path, the March 2028 line. */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { fmtBalance } from '../format.ts';
import { openingOnAxis } from '../../messages/budget.ts';
import { GovUk, withAlpha } from '../palette.ts';
import type { BudgetedReport } from '../run-report.ts';
import { balanceAt, horizonFy, unmitigatedBalance } from '../series.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, toMillions } from './common.ts';

export function dsgBalanceChart(r: BudgetedReport): ChartSpec {
  const b = r.budget;
  const labels = [financialYearLabel(b.openingBalanceFy), ...b.financialYears.map(financialYearLabel)];
  const open = toMillions(b.openingBalance);
  const title = 'Cumulative DSG balance at the end of each financial year (£m; below zero = deficit)';
  const hz = horizonFy(r);
  const b28 = balanceAt(r, STATUTORY_OVERRIDE_END_FY);
  const u28 = unmitigatedBalance(r, STATUTORY_OVERRIDE_END_FY);
  // with no draws (--draws 0) there is one path and no band: neither drawn nor named in the legend or the footnote
  const ranged = r.projection.draws > 0;
  const band: Array<Record<string, unknown>> = [
    { label: 'P10 to P90 range', data: [open, ...b.cumulativeQuantiles.map((q) => toMillions(q.p90))], borderColor: withAlpha(GovUk.blue, 0.3), backgroundColor: withAlpha(GovUk.blue, 0.16), borderWidth: 1, pointRadius: 0, fill: '+1' },
    { label: 'P10', data: [open, ...b.cumulativeQuantiles.map((q) => toMillions(q.p10))], borderColor: withAlpha(GovUk.blue, 0.3), borderWidth: 1, pointRadius: 0, fill: false },
  ];
  const datasets: Array<Record<string, unknown>> = [
    ...(ranged ? band : []),
    { label: b.unmitigated ? 'With mitigations (central)' : 'Central (P50)', data: [open, ...b.lines.map((l) => toMillions(l.cumulativeBalance))], borderColor: GovUk.blue, backgroundColor: GovUk.blue, borderWidth: 3, pointRadius: 3, fill: false },
  ];
  if (b.unmitigated) {
    datasets.push({ label: 'Unmitigated (current trends)', data: [open, ...b.unmitigated.map((l) => toMillions(l.cumulativeBalance))], borderColor: GovUk.red, backgroundColor: GovUk.red, borderWidth: 3, borderDash: [8, 5], pointRadius: 0, fill: false });
  }
  const has2028 = b.financialYears.includes(STATUTORY_OVERRIDE_END_FY);
  return {
    id: 'dsg-balance',
    title,
    alt:
      `Line chart of the cumulative DSG balance from ${financialYearLabel(b.openingBalanceFy)} to ${financialYearLabel(hz)}. ` +
      (b28 !== undefined ? `At 31 March 2028, when the statutory override ends, the central path shows ${fmtBalance(b28)}` + (u28 !== undefined ? ` against ${fmtBalance(u28)} without mitigations. ` : '. ') : '') +
      `By 31 March ${hz + 1} it shows ${fmtBalance(b.lines[b.lines.length - 1]!.cumulativeBalance)}.`,
    config: {
      type: 'line',
      data: { labels, datasets },
      options: cartesianOptions(
        title,
        { title: `Financial year (balance at 31 March at its end; ${openingOnAxis(financialYearLabel(b.openingBalanceFy), b.openingBalanceFromFy, b.openingBalanceAnchored)})`, unit: 'none' },
        { title: 'Cumulative DSG balance (£m)', unit: 'moneyM' },
        {
          markers: has2028 ? [{ at: financialYearLabel(STATUTORY_OVERRIDE_END_FY), label: '31 March 2028: statutory override ends', labelAt: 'bottom' }] : [],
          legendHide: ['P10'],
          ...(ranged ? { footnote: 'Shaded band: P10 to P90 of the central path.' } : {}),
          zeroLine: true,
        },
        { elements: { line: { tension: 0 } } },
      ),
    },
  };
}
