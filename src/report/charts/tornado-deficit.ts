/** Tornado of the cumulative balance's sensitivity at the horizon: one bar per assumption, low and high. */
import { fmtMoney } from '../format.ts';
import { GovUk } from '../palette.ts';
import type { BudgetedReport } from '../run-report.ts';
import { horizonFy, sensitivityBySwing } from '../series.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, toMillions } from './common.ts';
import { wrapLabel } from './wrap.ts';

/** Short names of the assumptions for the chart's axis (the Uncertainty sheet has them in full). */
const SHORT: Record<string, string> = {
  incidence_growth: 'Growth in new plans',
  iss_share: 'Share placed in ISS',
  ceasing_16_19: 'Ceasing at 16–19',
  inflation: 'Inflation',
  unit_costs: 'Unit costs',
  funding_growth: 'High Needs block growth',
};

/**
 * The axis label of a sensitivity row: a short name and the step ("Inflation ±1 pp").
 * @example tornadoLabel({ key: 'inflation', assumption: 'Inflation of unit costs and other spend', change: '±1 pp a year on every inflation rate' }) // 'Inflation ±1 pp'
 */
export function tornadoLabel(s: { key?: string; assumption: string; change: string }): string {
  const name = (s.key && SHORT[s.key]) ?? s.assumption;
  const step = /^±[\d.]+(?: pp|%)/.exec(s.change)?.[0];
  return step ? `${name} ${step}` : name;
}

export function tornadoDeficitChart(r: BudgetedReport): ChartSpec {
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
        labels: rows.length ? rows.map((s) => wrapLabel(tornadoLabel(s), 30)) : ['No sensitivity run'],
        datasets: [
          { label: 'Assumption moved down', data: rows.map((s) => [c, toMillions(s.lowBalanceAtHorizon)]), backgroundColor: GovUk.turquoise, borderWidth: 0 },
          { label: 'Assumption moved up', data: rows.map((s) => [c, toMillions(s.highBalanceAtHorizon)]), backgroundColor: GovUk.orange, borderWidth: 0 },
        ],
      },
      options: cartesianOptions(
        title,
        { title: `Cumulative DSG balance at 31 March ${hz} (£m)`, unit: 'moneyM', beginAtZero: false, noRotation: true },
        { title: '', unit: 'none', stacked: true },
        {
          markers: [{ at: c, label: `Central ${fmtMoney(central)}`, labelAt: 'above' }],
          footnote: 'Each bar moves one assumption by the step shown (pp = percentage points a year), all else central. In full: Uncertainty sheet.',
        },
        { indexAxis: 'y' },
      ),
    },
  };
}
