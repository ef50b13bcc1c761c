/** Tornado of the cumulative balance's sensitivity at the horizon: one bar per assumption, low and high. */
import { fmtMoney } from '../format.ts';
import { GovUk } from '../palette.ts';
import type { RunReport } from '../run-report.ts';
import { horizonFy, sensitivityBySwing } from '../series.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, toMillions } from './common.ts';

export function tornadoDeficitChart(r: RunReport): ChartSpec {
  const hz = horizonFy(r) + 1;
  const rows = sensitivityBySwing(r, 'horizon');
  const central = r.budget.sensitivityBase?.balanceAtHorizon ?? r.budget.lines[r.budget.lines.length - 1]!.cumulativeBalance;
  const c = toMillions(central)!;
  const title = `What moves the deficit most: cumulative DSG balance at 31 March ${hz} (£m)`;
  const top = rows[0];
  return {
    id: 'tornado-deficit',
    title,
    alt: top
      ? `Tornado chart of the DSG balance at 31 March ${hz} (central ${fmtMoney(central)}) when each assumption is moved down and up. ` +
        `The largest effect is ${top.assumption.toLowerCase()} (${top.change}): a swing of ${fmtMoney(top.swing)}.`
      : 'No sensitivity analysis in this run.',
    config: {
      type: 'bar',
      data: {
        labels: rows.length ? rows.map((s) => `${s.assumption} (${s.change})`) : ['No sensitivity run'],
        datasets: [
          { label: 'Assumption moved down', data: rows.map((s) => [c, toMillions(s.lowBalanceAtHorizon)]), backgroundColor: GovUk.turquoise, borderWidth: 0 },
          { label: 'Assumption moved up', data: rows.map((s) => [c, toMillions(s.highBalanceAtHorizon)]), backgroundColor: GovUk.orange, borderWidth: 0 },
        ],
      },
      options: cartesianOptions(
        title,
        { title: `Cumulative DSG balance at 31 March ${hz} (£m)`, unit: 'moneyM', beginAtZero: false },
        { title: '', unit: 'none', stacked: true },
        { markers: [{ at: c, label: `Central ${fmtMoney(central)}`, labelAt: 'bottom' }], footnote: 'Each bar moves one assumption; everything else stays central. Longest bar first.' },
        { indexAxis: 'y' },
      ),
    },
  };
}
