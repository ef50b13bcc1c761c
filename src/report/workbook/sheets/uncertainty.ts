/** Uncertainty sheet: P10/P50/P90 of plans, expenditure and cumulative balance, and the sensitivity table. */
import { financialYearLabel } from '../../../domain/index.ts';
import { hasBudget, type BudgetedReport, type RunReport } from '../../run-report.ts';
import { beyondScored, horizonFy, plansQuantilesAt, sensitivityBySwing } from '../../series.ts';
import type { Cell, Sheet, Table } from '../model.ts';
import { col, count, money } from '../table-helpers.ts';

export function uncertaintySheet(r: RunReport): Sheet {
  const p = r.projection;
  const plans: Cell[][] = p.years.map((y, i) => {
    const q = plansQuantilesAt(r, i);
    return [y, count(q.p10), count(q.p50), count(q.p90)];
  });
  return {
    name: 'Uncertainty',
    title: 'Uncertainty and sensitivity',
    intro: [
      `${p.draws.toLocaleString('en-GB')} Monte Carlo draws (seed ${p.seed}). P10 and P90: 1 outcome in 10 is below P10, 1 in 10 above P90.`,
      ...beyondScored(r, 'workbook'),
      ...(hasBudget(r) ? ['Sensitivity: the balance when one assumption is moved down ("low") and up ("high"), everything else central.'] : []),
    ],
    tables: [
      {
        name: 'Uncertainty_plans',
        title: 'Total EHC plans',
        columns: [col('Census year', 'year'), col('Plans P10', 'count'), col('Plans P50', 'count'), col('Plans P90', 'count')],
        rows: plans,
      },
      ...(hasBudget(r) ? moneyTables(r) : []),
    ],
    charts: hasBudget(r) ? ['tornado-deficit', 'fan-total-plans'] : ['fan-total-plans'],
    freezeColumns: 1,
  };
}

/** Expenditure and balance ranges and the sensitivity table (not in a demand-only run). */
function moneyTables(r: BudgetedReport): Table[] {
  const b = r.budget;
  const money3: Cell[][] = b.lines.map((l, i) => [
    financialYearLabel(l.fy),
    money(b.expenditureQuantiles[i]?.p10),
    money(b.expenditureQuantiles[i]?.p50),
    money(b.expenditureQuantiles[i]?.p90),
    money(b.cumulativeQuantiles[i]?.p10),
    money(b.cumulativeQuantiles[i]?.p50),
    money(b.cumulativeQuantiles[i]?.p90),
  ]);
  const hz = horizonFy(r) + 1;
  const sens: Cell[][] = sensitivityBySwing(r, 'horizon').map((s) => [
    s.assumption,
    s.change,
    money(s.lowBalanceAtMarch2028),
    money(s.highBalanceAtMarch2028),
    money(s.highBalanceAtMarch2028 - s.lowBalanceAtMarch2028),
    money(s.lowBalanceAtHorizon),
    money(s.highBalanceAtHorizon),
    money(s.highBalanceAtHorizon - s.lowBalanceAtHorizon),
  ]);
  return [
      {
      name: 'Uncertainty_money',
      title: 'Expenditure and cumulative balance',
      columns: [
        col('Financial year', 'text'),
        col('Expenditure P10 (£)', 'money'),
        col('Expenditure P50 (£)', 'money'),
        col('Expenditure P90 (£)', 'money'),
        col('Cumulative balance P10 (£)', 'money'),
        col('Cumulative balance P50 (£)', 'money'),
        col('Cumulative balance P90 (£)', 'money'),
      ],
      rows: money3,
    },
    {
      name: 'Uncertainty_sensitivity',
      title: 'Sensitivity of the balance (tornado)',
      columns: [
        col('Assumption', 'text'),
        col('Change tested', 'text'),
        col('Low: balance at 31 March 2028 (£)', 'money'),
        col('High: balance at 31 March 2028 (£)', 'money'),
        col('Swing at 31 March 2028 (£)', 'money'),
        col(`Low: balance at 31 March ${hz} (£)`, 'money'),
        col(`High: balance at 31 March ${hz} (£)`, 'money'),
        col(`Swing at 31 March ${hz} (£)`, 'money'),
      ],
      rows: sens.length ? sens : [['(no sensitivity run)', '', null, null, null, null, null, null]],
    },
  ];
}
