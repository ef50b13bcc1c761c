/** Waterfall (bridge) from the unmitigated to the mitigated cumulative deficit at the horizon. */
import { fmtBalance, fmtMoney } from '../format.ts';
import { GovUk } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { horizonFy } from '../series.ts';
import { bridgeRows } from '../workbook/sheets/mitigations.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, toMillions } from './common.ts';

export function waterfallMitigationChart(r: RunReport): ChartSpec {
  const hz = horizonFy(r);
  const rows = bridgeRows(r, hz);
  const title = `From the unmitigated to the mitigated DSG balance at 31 March ${hz + 1} (£m)`;
  const last = r.budget.lines[r.budget.lines.length - 1]!.cumulativeBalance;
  const steps = rows.length
    ? rows.map((row, i) => {
        const isTotal = i === 0 || i === rows.length - 1;
        const start = isTotal ? 0 : row.running - row.amount;
        return { label: row.step, range: [toMillions(start), toMillions(row.running)], colour: isTotal ? (i === 0 ? GovUk.red : GovUk.blue) : row.amount >= 0 ? GovUk.green : GovUk.red };
      })
    : [{ label: 'Balance (no mitigations)', range: [0, toMillions(last)], colour: GovUk.blue }];
  const first = rows[0];
  const end = rows[rows.length - 1];
  return {
    id: 'waterfall-mitigation',
    title,
    alt:
      first && end
        ? `Waterfall chart: without mitigations the balance at 31 March ${hz + 1} is ${fmtBalance(first.running)}; ` +
          rows
            .slice(1, -1)
            .map((x) => `${x.step} ${x.amount >= 0 ? 'saves' : 'costs'} ${fmtMoney(Math.abs(x.amount))}`)
            .join(', ') +
          `; with mitigations the balance is ${fmtBalance(end.running)}.`
        : `This scenario has no mitigations; the balance at 31 March ${hz + 1} is ${fmtBalance(last)}.`,
    config: {
      type: 'bar',
      data: {
        labels: steps.map((s) => wrapLabel(s.label)),
        datasets: [{ label: 'Cumulative DSG balance (£m)', data: steps.map((s) => s.range), backgroundColor: steps.map((s) => s.colour), borderWidth: 0 }],
      },
      options: cartesianOptions(
        title,
        { title: '', unit: 'none', allTicks: true },
        { title: 'Cumulative DSG balance (£m)', unit: 'moneyM', grace: '8%' },
        {
          barLabels: 'moneyM',
          footnote: rows.length ? 'Green: net saving of a lever (savings minus delivery cost). Red: a deficit or a net cost.' : 'No mitigations in this scenario.',
          zeroLine: true,
          legendHide: ['Cumulative DSG balance (£m)'],
        },
      ),
    },
  };
}
