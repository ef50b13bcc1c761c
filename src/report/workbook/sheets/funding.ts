/** Funding and balance sheet: income lines, expenditure, in-year and cumulative balance, with P10/P50/P90. */
import { financialYearLabel } from '../../../domain/index.ts';
import { openingStandsIn } from '../../../messages/budget.ts';
import { fmtMoneyExact } from '../../format.ts';
import type { BudgetedReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, money } from '../table-helpers.ts';

export function fundingSheet(r: BudgetedReport): Sheet {
  const b = r.budget;
  const L = b.lines;
  const fyCols = L.map((l) => col(`${financialYearLabel(l.fy)} (£)`, 'money'));
  const line = (name: string, f: (l: (typeof L)[number]) => number): Cell[] => [name, ...L.map((l) => money(f(l)))];
  const rows: Cell[][] = [
    line('High Needs block allocation', (l) => l.hnBlock),
    line('Transfer from the schools block', (l) => l.schoolsBlockTransfer),
    line('Import/export adjustments', (l) => l.importExport),
    line('Other income', (l) => l.otherIncome),
    line('Total income', (l) => l.income),
    line('Total expenditure', (l) => l.expenditure),
    line('In-year balance', (l) => l.inYearBalance),
    line('Cumulative DSG balance', (l) => l.cumulativeBalance),
  ];
  if (b.unmitigated) {
    const u = b.unmitigated;
    rows.push(['Unmitigated expenditure', ...L.map((_, i) => money(u[i]?.expenditure))]);
    rows.push(['Unmitigated cumulative DSG balance', ...L.map((_, i) => money(u[i]?.cumulativeBalance))]);
  }
  const q: Cell[][] = L.map((l, i) => [
    financialYearLabel(l.fy),
    money(b.inYearQuantiles[i]?.p10),
    money(b.inYearQuantiles[i]?.p50),
    money(b.inYearQuantiles[i]?.p90),
    money(b.cumulativeQuantiles[i]?.p10),
    money(b.cumulativeQuantiles[i]?.p50),
    money(b.cumulativeQuantiles[i]?.p90),
  ]);
  return {
    name: 'Funding and balance',
    title: 'Income, expenditure and the DSG balance',
    intro: [
      `Opening cumulative DSG balance at 31 March ${b.openingBalanceFy + 1}${openingStandsIn(b.openingBalanceFromFy, b.openingBalanceAnchored)}: ${fmtMoneyExact(b.openingBalance)}. Negative = deficit.`,
      'The statutory override keeping DSG deficits off the general fund ends on 31 March 2028 (end of 2027-28).',
    ],
    tables: [
      { name: 'Funding_lines', title: 'Income and balance (central)', columns: [col('Line', 'text'), ...fyCols], rows },
      {
        name: 'Funding_quantiles',
        title: 'Range of outcomes (P10, P50, P90)',
        columns: [
          col('Financial year', 'text'),
          col('In-year balance P10 (£)', 'money'),
          col('In-year balance P50 (£)', 'money'),
          col('In-year balance P90 (£)', 'money'),
          col('Cumulative balance P10 (£)', 'money'),
          col('Cumulative balance P50 (£)', 'money'),
          col('Cumulative balance P90 (£)', 'money'),
        ],
        rows: q,
      },
    ],
    charts: ['dsg-balance'],
    freezeColumns: 1,
  };
}
