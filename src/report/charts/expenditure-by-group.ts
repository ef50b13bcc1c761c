/** Expenditure by DSG placement category, stacked bars per financial year. */
import { financialYearLabel, PlacementGroup, PLACEMENT_GROUPS } from '../../domain/index.ts';
import { fmtMoney } from '../format.ts';
import { reportMsg } from '../../messages/index.ts';
import { GovUk, seriesColour } from '../palette.ts';
import type { BudgetedReport } from '../run-report.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, toMillions } from './common.ts';

export function expenditureByGroupChart(r: BudgetedReport): ChartSpec {
  const L = r.budget.lines;
  const title = 'High Needs expenditure by placement category and financial year (£m)';
  const first = L[0]!;
  const last = L[L.length - 1]!;
  const largest = [...PLACEMENT_GROUPS].sort((a, b) => last.byGroup[b] - last.byGroup[a])[0]!;
  // place funding and other spend that are £0 in every year (no places or other-spend table) are no part of the
  // spend: a legend entry for them read as a line of the budget; the footnote says they are left out
  const lines = [
    { label: 'Place funding', of: (l: (typeof L)[number]) => l.placeFunding, colour: GovUk.midGrey },
    { label: 'Other High Needs spend', of: (l: (typeof L)[number]) => l.otherSpend, colour: GovUk.darkGrey },
  ];
  const shown = lines.filter((x) => L.some((l) => x.of(l) !== 0));
  const none = lines.filter((x) => !shown.includes(x)).map((x) => x.label);
  return {
    id: 'expenditure-by-group',
    title,
    alt:
      `Stacked bar chart of High Needs expenditure from ${financialYearLabel(first.fy)} (${fmtMoney(first.expenditure)}) to ${financialYearLabel(last.fy)} (${fmtMoney(last.expenditure)}). ` +
      `The largest category in ${financialYearLabel(last.fy)} is ${PlacementGroup[largest].label.toLowerCase()} at ${fmtMoney(last.byGroup[largest])}.`,
    config: {
      type: 'bar',
      data: {
        labels: L.map((l) => financialYearLabel(l.fy)),
        datasets: [
          ...PLACEMENT_GROUPS.map((g, k) => ({ label: PlacementGroup[g].label, data: L.map((l) => toMillions(l.byGroup[g] ?? 0)), backgroundColor: seriesColour(k), borderWidth: 0 })),
          ...shown.map((x) => ({ label: x.label, data: L.map((l) => toMillions(x.of(l))), backgroundColor: x.colour, borderWidth: 0 })),
        ],
      },
      options: cartesianOptions(title, { title: 'Financial year', unit: 'none', stacked: true }, { title: 'Expenditure (£m)', unit: 'moneyM', stacked: true, beginAtZero: true }, {
        footnote: `Placement categories: top-ups and fees. Cash prices: unit costs inflated by the scenario’s inflation rate.${none.length ? ` ${reportMsg.zeroSpendLinesLeftOut(none)}` : ''}`,
      }),
    },
  };
}
